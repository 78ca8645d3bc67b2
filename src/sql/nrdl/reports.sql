\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Negotiated drugs landing (谈判药品落地, doc/domain.md §6): stocking,
-- effective availability, dual channel, listing, patient certification,
-- separate payment, drug share, DRG and the monitoring view.  Each report
-- is a function of its dates (and rule set) and, where it has one natural
-- date, a view at vbp.report_date().  Formulas: doc/nrdl.md.
-- =====================================================================

-- Each version's items hold from its effective date to its end, or to the day before
-- the next version takes effect, whichever is first: so on any day a drug has at most
-- one item in force, even when a user leaves an old version open-ended.
CREATE VIEW vbp.nrdl_item_period WITH (security_invoker = true) AS
  SELECT it.version_id, it.group_code, v.effective_from, p.valid_to, it.negotiated_price, it.separate_payment,
         it.dual_channel, it.patient_certification
  FROM vbp.nrdl_item it
  JOIN vbp.nrdl_version v USING (version_id)
  -- the next version is the next to take effect on a later day: versions that take
  -- effect on the same day (a list and its supplement) are in force together (the
  -- next date from a window over the distinct dates, not a sub-select per version,
  -- which the planner would carry into every scan of the dispensing lines)
  JOIN (SELECT x.version_id, least(coalesce(x.effective_to, 'infinity'), n.next_from - 1) AS valid_to
        FROM vbp.nrdl_version x
        LEFT JOIN (SELECT d.effective_from, lead(d.effective_from) OVER (ORDER BY d.effective_from) AS next_from
                   FROM (SELECT DISTINCT y.effective_from FROM vbp.nrdl_version y) d) n USING (effective_from)) p USING (version_id);
COMMENT ON VIEW vbp.nrdl_item_period IS
  'Negotiated drugs with the period each item is in force (谈判药品有效期): from the version''s effective date to its effective_to or the day before the next version takes effect on a later day, whichever is first (versions taking effect the same day are in force together)';
COMMENT ON COLUMN vbp.nrdl_item_period.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_item_period.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.nrdl_item_period.effective_from IS '生效日期 / first day the list version is in force, date';
COMMENT ON COLUMN vbp.nrdl_item_period.valid_to IS '有效截止日 / last day in force (own end or day before next version; infinity if open), date';
COMMENT ON COLUMN vbp.nrdl_item_period.negotiated_price IS '谈判支付标准 / negotiated payment price per smallest unit, yuan (元) per unit';
COMMENT ON COLUMN vbp.nrdl_item_period.separate_payment IS '单独支付 / true = paid outside the institution total budget (单独支付), flag';
COMMENT ON COLUMN vbp.nrdl_item_period.dual_channel IS '双通道 / true = on the dual-channel list (双通道), flag';
COMMENT ON COLUMN vbp.nrdl_item_period.patient_certification IS '患者认定 / true = dispensing requires patient certification, flag';

CREATE FUNCTION vbp.dual_channel_unit(org vbp.orgcode) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN p.municipality THEN p.code
              WHEN c.prefecture_level THEN c.code
              ELSE vbp.division(org) END
  FROM vbp.division p LEFT JOIN vbp.division c ON c.code = vbp.city(org)
  WHERE p.code = vbp.province(org);
END;
COMMENT ON FUNCTION vbp.dual_channel_unit(vbp.orgcode) IS
  'The city an institution belongs to for the dual channel (双通道地市): its prefecture-level unit (地级行政区); the whole municipality for Beijing, Tianjin, Shanghai and Chongqing; the county-level unit itself where the province administers it directly (e.g. 仙桃, 429004)';

-- the one place the applicability rule lives: a drug without rows in
-- vbp.nrdl_applicability applies to every level of medical institution
CREATE VIEW vbp.nrdl_applicable_level WITH (security_invoker = true) AS
  SELECT it.version_id, it.group_code, l.level
  FROM vbp.nrdl_item it
  CROSS JOIN unnest(ARRAY['tertiary', 'secondary', 'primary']) AS l(level)
  WHERE NOT EXISTS (SELECT FROM vbp.nrdl_applicability a WHERE a.version_id = it.version_id AND a.group_code = it.group_code)
     OR EXISTS (SELECT FROM vbp.nrdl_applicability a
                WHERE a.version_id = it.version_id AND a.group_code = it.group_code AND a.level = l.level);
COMMENT ON VIEW vbp.nrdl_applicable_level IS
  'Levels of medical institution each negotiated drug of a list version applies to (适用机构层级): those in vbp.nrdl_applicability, or all three when it has none [param: default all]';
COMMENT ON COLUMN vbp.nrdl_applicable_level.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_applicable_level.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.nrdl_applicable_level.level IS '适用机构层级 / institution level the negotiated drug applies to: tertiary, secondary, primary, code';

CREATE FUNCTION vbp.nrdl_in_force(on_date date)
  RETURNS TABLE (version_id int, group_code vbp.drugcode, effective_from date, separate_payment boolean,
                 dual_channel boolean, patient_certification boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT p.version_id, p.group_code, p.effective_from, p.separate_payment, p.dual_channel, p.patient_certification
  FROM vbp.nrdl_item_period p
  WHERE p.effective_from <= on_date AND on_date <= p.valid_to;
END;
COMMENT ON FUNCTION vbp.nrdl_in_force(date) IS
  'Negotiated drugs in force on a date (现行谈判药品): the items of vbp.nrdl_item_period whose period contains the date';

CREATE VIEW vbp.nrdl_dispensing WITH (security_invoker = true) AS
  SELECT d.dispensing_id, d.org_code, d.product_code, d.dispensed_on, d.quantity, d.amount, d.fund_paid,
         d.patient_id, d.trace_code, d.channel, d.drg_group, p.group_code, p.version_id, p.separate_payment,
         p.dual_channel, p.patient_certification
  FROM vbp.dispensing d
  JOIN vbp.product pr ON pr.product_code = d.product_code
  JOIN vbp.nrdl_item_period p ON p.group_code = pr.group_code
                             AND d.dispensed_on BETWEEN p.effective_from AND p.valid_to;
COMMENT ON VIEW vbp.nrdl_dispensing IS
  'Dispensing lines of negotiated drugs in force on the dispensing day (谈判药品使用明细), with the item''s version and flags; lines before a drug''s first list took effect are not here';
COMMENT ON COLUMN vbp.nrdl_dispensing.dispensing_id IS '结算明细编号 / dispensing line id, identifier';
COMMENT ON COLUMN vbp.nrdl_dispensing.org_code IS '发药机构编码 / dispensing institution or pharmacy code (定点医药机构编码), code';
COMMENT ON COLUMN vbp.nrdl_dispensing.product_code IS '产品编码 / product code (full 医保药品代码, one company and specification), code';
COMMENT ON COLUMN vbp.nrdl_dispensing.dispensed_on IS '发药日期 / dispensing date, date';
COMMENT ON COLUMN vbp.nrdl_dispensing.quantity IS '发药数量 / quantity dispensed, units (最小计量单位)';
COMMENT ON COLUMN vbp.nrdl_dispensing.amount IS '费用金额 / total amount of the line, yuan (元)';
COMMENT ON COLUMN vbp.nrdl_dispensing.fund_paid IS '统筹支付金额 / paid by the insurance fund (医保基金统筹支付), yuan (元)';
COMMENT ON COLUMN vbp.nrdl_dispensing.patient_id IS '患者标识 / pseudonymous patient id, identifier';
COMMENT ON COLUMN vbp.nrdl_dispensing.trace_code IS '追溯码 / drug traceability code scanned at dispensing (20 digits, or GS1 (01) GTIN + (21) serial), code';
COMMENT ON COLUMN vbp.nrdl_dispensing.channel IS '供药渠道 / channel: hospital (医院) or pharmacy (双通道药店), code';
COMMENT ON COLUMN vbp.nrdl_dispensing.drg_group IS 'DRG分组 / DRG group of the admission, if any, code';
COMMENT ON COLUMN vbp.nrdl_dispensing.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.nrdl_dispensing.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_dispensing.separate_payment IS '单独支付 / true = drug paid outside the total budget on that day, flag';
COMMENT ON COLUMN vbp.nrdl_dispensing.dual_channel IS '双通道 / true = drug on the dual-channel list on that day, flag';
COMMENT ON COLUMN vbp.nrdl_dispensing.patient_certification IS '患者认定 / true = dispensing requires patient certification, flag';

-- first stocking event of every (institution, drug): formulary admission, temporary
-- purchase or first purchase, up to a date
CREATE FUNCTION vbp.nrdl_stock_events(as_of date)
  RETURNS TABLE (org_code vbp.orgcode, group_code vbp.drugcode, first_stocked date, formulary boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT e.org_code, e.group_code, min(e.d), bool_or(e.formulary)
  FROM (SELECT f.org_code, f.group_code, f.admitted_on AS d, NOT f.temporary AS formulary
        FROM vbp.formulary_admission f WHERE f.admitted_on <= as_of
        UNION ALL
        SELECT pu.org_code, pr.group_code, min(pu.purchased_on), false
        FROM vbp.purchase pu JOIN vbp.product pr USING (product_code)
        WHERE pu.purchased_on <= as_of
          AND pr.group_code IN (SELECT it.group_code FROM vbp.nrdl_item it)
        GROUP BY 1, 2) e
  GROUP BY 1, 2;
END;
COMMENT ON FUNCTION vbp.nrdl_stock_events(date) IS
  'First stocking (配备) of each negotiated drug by each institution or pharmacy up to a date: the earliest formulary admission, temporary purchase (临时采购) or purchase; formulary: admitted to the formulary (not only temporary or purchased)';

CREATE FUNCTION vbp.nrdl_stocking_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (version_id int, org_code vbp.orgcode, level text, province text, city text,
                 applicable bigint, stocked bigint, temporary_only bigint, stocking_rate numeric,
                 median_days_to_stock numeric, committee_on date, committee_late boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH v AS (
    SELECT * FROM vbp.nrdl_version WHERE effective_from <= as_of
  ), app AS (   -- each medical institution with each version's drugs applicable to its level
    -- (none: a row all the same, for its committee deadline)
    SELECT v.version_id, v.effective_from, i.org_code, i.level, it.group_code
    FROM v CROSS JOIN vbp.institution i
    LEFT JOIN vbp.nrdl_applicable_level it ON it.version_id = v.version_id AND it.level = i.level
    WHERE i.level <> 'pharmacy'
  ), per AS (
    SELECT app.version_id, app.org_code, app.level, app.effective_from,
           count(app.group_code) AS applicable, count(e.first_stocked) AS stocked,
           count(*) FILTER (WHERE e.first_stocked IS NOT NULL AND NOT e.formulary) AS temporary_only,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN e.first_stocked IS NOT NULL
                                                             THEN greatest(e.first_stocked - app.effective_from, 0) END) AS med
    FROM app LEFT JOIN vbp.nrdl_stock_events(as_of) e USING (org_code, group_code)
    GROUP BY 1, 2, 3, 4
  ), days AS (
    SELECT vbp.param(nrdl_stocking_for.rule_set, 'committee_days') AS value
  ), cm AS MATERIALIZED (   -- each institution's first committee on or after each version's date
    SELECT m.org_code, v.version_id, min(m.met_on) AS met_on
    FROM vbp.committee_meeting m JOIN v ON m.met_on >= v.effective_from
    WHERE m.met_on <= as_of
    GROUP BY m.org_code, v.version_id
  )
  SELECT per.version_id, per.org_code, per.level, vbp.province(per.org_code), vbp.dual_channel_unit(per.org_code),
         per.applicable, per.stocked, per.temporary_only,
         round(per.stocked::numeric / nullif(per.applicable, 0), 6),
         round(per.med::numeric, 1), c.met_on,
         CASE WHEN c.met_on IS NOT NULL THEN c.met_on - per.effective_from > (SELECT value FROM days)
              -- no meeting by an infinite date: late
              ELSE as_of = 'infinity' OR as_of - per.effective_from > (SELECT value FROM days) END
  FROM per
  LEFT JOIN cm c ON c.org_code = per.org_code AND c.version_id = per.version_id
  WHERE vbp.known_rule_set(nrdl_stocking_for.rule_set);
END;
COMMENT ON FUNCTION vbp.nrdl_stocking_for(date, text) IS
  'Stocking (配备) of each list version by each medical institution as of a date: applicable drugs (vbp.nrdl_applicability, default all), stocked ones (admitted, bought temporarily or purchased by the date), those stocked only by temporary purchase, stocking rate = stocked / applicable, median days from the version''s effective date to stocking (0 if stocked before), the first pharmacy and therapeutics committee (药事会) on or after the effective date, and committee_late: none within committee_days (30) of it';

CREATE VIEW vbp.nrdl_stocking WITH (security_invoker = true) AS SELECT * FROM vbp.nrdl_stocking_for(vbp.report_date());
COMMENT ON VIEW vbp.nrdl_stocking IS
  'Stocking of negotiated drugs (谈判药品配备) per institution and list version as of vbp.report_date()';
COMMENT ON COLUMN vbp.nrdl_stocking.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_stocking.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.nrdl_stocking.level IS '机构级别 / institution level: tertiary, secondary, primary, code';
COMMENT ON COLUMN vbp.nrdl_stocking.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.nrdl_stocking.city IS '地市 / prefecture-level unit (vbp.dual_channel_unit): a municipality as one (its 2-digit code), a county-level city under its province as itself (6 digits), else its prefecture (4 digits), code';
COMMENT ON COLUMN vbp.nrdl_stocking.applicable IS '应配备药品数 / negotiated drugs of the version applicable to the institution level, count';
COMMENT ON COLUMN vbp.nrdl_stocking.stocked IS '已配备药品数 / applicable drugs stocked (admitted, temporary purchase or purchased), count';
COMMENT ON COLUMN vbp.nrdl_stocking.temporary_only IS '仅临时采购数 / stocked only by temporary purchase or purchase, not formulary admission, count';
COMMENT ON COLUMN vbp.nrdl_stocking.stocking_rate IS '配备率 / stocking rate, stocked ÷ applicable drugs, ratio (0–1)';
COMMENT ON COLUMN vbp.nrdl_stocking.median_days_to_stock IS '配备天数中位数 / median days from version effective date to stocking (0 if before), days';
COMMENT ON COLUMN vbp.nrdl_stocking.committee_on IS '药事会日期 / first pharmacy and therapeutics committee meeting on or after the effective date, date';
COMMENT ON COLUMN vbp.nrdl_stocking.committee_late IS '药事会逾期 / true = no committee meeting within 30 days (committee_days) of the effective date, flag';

CREATE FUNCTION vbp.nrdl_stocking_summary_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (version_id int, scope text, key text, institutions bigint, applicable bigint, stocked bigint,
                 stocking_rate numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT s.version_id,
         CASE WHEN GROUPING(s.level) = 0 THEN 'level' WHEN GROUPING(s.city) = 0 THEN 'city'
              WHEN GROUPING(s.province) = 0 THEN 'province' ELSE 'national' END,
         coalesce(s.level, s.city, s.province, 'all'),
         count(*), sum(s.applicable)::bigint, sum(s.stocked)::bigint,
         round(sum(s.stocked)::numeric / nullif(sum(s.applicable), 0), 6)
  FROM vbp.nrdl_stocking_for(as_of, rule_set) s
  WHERE vbp.known_rule_set(nrdl_stocking_summary_for.rule_set)
  GROUP BY GROUPING SETS ((s.version_id), (s.version_id, s.level), (s.version_id, s.province), (s.version_id, s.city));
END;
COMMENT ON FUNCTION vbp.nrdl_stocking_summary_for(date, text) IS
  'Stocking rate (配备率) of each list version by institution level, prefecture city, province and nationally as of a date: Σ stocked / Σ applicable (institution, drug) pairs';

CREATE VIEW vbp.nrdl_stocking_summary WITH (security_invoker = true) AS SELECT * FROM vbp.nrdl_stocking_summary_for(vbp.report_date());
COMMENT ON VIEW vbp.nrdl_stocking_summary IS
  'Stocking rate of negotiated drugs by level, city, province and nationally as of vbp.report_date()';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.scope IS '汇总层级 / aggregation scope: national, province, city, level, code';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.key IS '汇总对象 / key: all, province code, city code or institution level, code';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.institutions IS '医疗机构数 / medical institutions in the scope, count';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.applicable IS '应配备数 / applicable (institution, drug) pairs, count';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.stocked IS '已配备数 / stocked (institution, drug) pairs, count';
COMMENT ON COLUMN vbp.nrdl_stocking_summary.stocking_rate IS '配备率 / stocking rate, Σ stocked ÷ Σ applicable pairs, ratio (0–1)';

CREATE FUNCTION vbp.nrdl_availability_for(as_of date)
  RETURNS TABLE (version_id int, org_code vbp.orgcode, level text, city text, drugs bigint, stocked bigint,
                 via_pharmacy bigint, available bigint, availability_rate numeric)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH ev AS (
    SELECT * FROM vbp.nrdl_stock_events(as_of)
  ), inst AS MATERIALIZED (   -- each institution's city for the dual channel, once
    SELECT i.*, vbp.dual_channel_unit(i.org_code) AS unit FROM vbp.institution i
  ), ph AS (   -- drugs stocked by a qualified dual-channel pharmacy, per city (vbp.dual_channel_unit)
    SELECT DISTINCT i.unit, ev.group_code
    FROM inst i JOIN ev USING (org_code)
    WHERE i.dual_channel AND (i.dual_channel_since IS NULL OR i.dual_channel_since <= as_of)
  ), pairs AS (
    SELECT f.version_id, i.org_code, i.level, i.unit AS city, f.group_code,
           ev.org_code IS NOT NULL AS here, f.dual_channel AND ph.unit IS NOT NULL AS near
    FROM vbp.nrdl_in_force(as_of) f
    CROSS JOIN inst i
    LEFT JOIN ev ON ev.org_code = i.org_code AND ev.group_code = f.group_code
    LEFT JOIN ph ON ph.unit = i.unit AND ph.group_code = f.group_code
    WHERE i.level <> 'pharmacy'
  )
  SELECT version_id, org_code, level, city, count(*), count(*) FILTER (WHERE here),
         count(*) FILTER (WHERE near AND NOT here), count(*) FILTER (WHERE here OR near),
         round((count(*) FILTER (WHERE here OR near))::numeric / count(*), 6)
  FROM pairs GROUP BY 1, 2, 3, 4;
END;
COMMENT ON FUNCTION vbp.nrdl_availability_for(date) IS
  'Effective availability (可及性) of the negotiated drugs in force on a date for each medical institution: stocked in the institution, or else, for a drug on the dual-channel list, by a pharmacy of the same prefecture city (vbp.dual_channel_unit: a municipality counts as one city) qualified for the dual channel (双通道药店) by the date; availability_rate = available / drugs';

CREATE VIEW vbp.nrdl_availability WITH (security_invoker = true) AS SELECT * FROM vbp.nrdl_availability_for(vbp.report_date());
COMMENT ON VIEW vbp.nrdl_availability IS
  'Effective availability of negotiated drugs per institution as of vbp.report_date()';
COMMENT ON COLUMN vbp.nrdl_availability.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_availability.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.nrdl_availability.level IS '机构级别 / institution level: tertiary, secondary, primary, code';
COMMENT ON COLUMN vbp.nrdl_availability.city IS '地市 / prefecture-level unit (vbp.dual_channel_unit): a municipality as one (its 2-digit code), a county-level city under its province as itself (6 digits), else its prefecture (4 digits), code';
COMMENT ON COLUMN vbp.nrdl_availability.drugs IS '现行谈判药品数 / negotiated drugs in force on the report date, count';
COMMENT ON COLUMN vbp.nrdl_availability.stocked IS '本院配备数 / negotiated drugs stocked by the institution itself, count';
COMMENT ON COLUMN vbp.nrdl_availability.via_pharmacy IS '双通道药店可及数 / drugs not stocked here but stocked by a dual-channel pharmacy of the same city, count';
COMMENT ON COLUMN vbp.nrdl_availability.available IS '可及药品数 / drugs available: stocked here or via a dual-channel pharmacy, count';
COMMENT ON COLUMN vbp.nrdl_availability.availability_rate IS '可及率 / effective availability, available drugs ÷ drugs in force, ratio (0–1)';

CREATE FUNCTION vbp.nrdl_province_gap_for(as_of date)
  RETURNS TABLE (province text, group_code vbp.drugcode, version_id int)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT p.code, f.group_code, f.version_id
  FROM vbp.division p CROSS JOIN vbp.nrdl_in_force(as_of) f
  WHERE p.level = 'province'
    AND NOT EXISTS (SELECT FROM vbp.nrdl_stock_events(as_of) ev
                    WHERE ev.group_code = f.group_code AND vbp.province(ev.org_code) = p.code);
END;
COMMENT ON FUNCTION vbp.nrdl_province_gap_for(date) IS
  'Negotiated drugs in force on a date that no institution or pharmacy of a province has stocked (全省未配备)';

CREATE FUNCTION vbp.dual_channel_gap_for(as_of date)
  RETURNS TABLE (kind text, province text, city text, detail text)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  -- every prefecture-level unit (333) and municipality (4) needs a pharmacy; the
  -- county-level units a province administers directly are not cities
  SELECT 'city_without_dual_channel_pharmacy', coalesce(c.parent, c.code), c.code,
         format('no qualified dual-channel pharmacy in %s (%s) on %s', c.name, c.code, as_of)
  FROM vbp.division c
  WHERE ((c.level = 'city' AND c.prefecture_level) OR (c.level = 'province' AND c.municipality))
    AND NOT EXISTS (SELECT FROM vbp.institution i
                    WHERE i.dual_channel AND (i.dual_channel_since IS NULL OR i.dual_channel_since <= as_of)
                      AND vbp.dual_channel_unit(i.org_code) = c.code)
  UNION ALL
  SELECT 'province_without_dual_channel_list', p.code, NULL,
         format('%s (%s) has published no dual-channel list for version %s by %s', p.name, p.code, v.version_id, as_of)
  FROM vbp.division p
  CROSS JOIN (SELECT DISTINCT f.version_id FROM vbp.nrdl_in_force(as_of) f) v
  WHERE p.level = 'province'
    AND NOT EXISTS (SELECT FROM vbp.dual_channel_list l
                    WHERE l.province = p.code AND l.version_id = v.version_id AND l.published_on <= as_of);
END;
COMMENT ON FUNCTION vbp.dual_channel_gap_for(date) IS
  'Dual-channel gaps (双通道落地缺口) on a date: prefecture-level units (333) and municipalities (4) with no qualified dual-channel pharmacy, and provinces with no published dual-channel list for the list version in force';

CREATE VIEW vbp.dual_channel_gap WITH (security_invoker = true) AS SELECT * FROM vbp.dual_channel_gap_for(vbp.report_date());
COMMENT ON VIEW vbp.dual_channel_gap IS
  'Dual-channel gaps as of vbp.report_date(); vbp.dual_channel_deadline_gap checks the seed''s deadlines';
COMMENT ON COLUMN vbp.dual_channel_gap.kind IS '缺口类型 / gap kind: city_without_dual_channel_pharmacy, province_without_dual_channel_list, code';
COMMENT ON COLUMN vbp.dual_channel_gap.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.dual_channel_gap.city IS '地市 / prefecture city code (4 digits) or municipality code (2 digits); NULL for a province gap, code';
COMMENT ON COLUMN vbp.dual_channel_gap.detail IS '缺口说明 / description of the dual-channel (双通道) gap, text';

CREATE FUNCTION vbp.dual_channel_deadline_gap(rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (kind text, deadline date, province text, city text, detail text)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT g.kind, d.deadline, g.province, g.city, g.detail
  FROM (SELECT 'city_without_dual_channel_pharmacy' AS kind,
               vbp.param_date(dual_channel_deadline_gap.rule_set, 'dual_channel_pharmacy_deadline') AS deadline
        UNION ALL
        SELECT 'province_without_dual_channel_list',
               vbp.param_date(dual_channel_deadline_gap.rule_set, 'dual_channel_list_deadline')) d
  CROSS JOIN LATERAL vbp.dual_channel_gap_for(d.deadline) g
  WHERE g.kind = d.kind;
END;
COMMENT ON FUNCTION vbp.dual_channel_deadline_gap(text) IS
  'Dual-channel gaps at the seed''s deadlines (parameters dual_channel_list_deadline 2021-10-31 for the provinces'' lists, dual_channel_pharmacy_deadline 2021-11-30 for a pharmacy in every prefecture city)';

CREATE FUNCTION vbp.channel_reimbursement_for(from_date date, to_date date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (group_code vbp.drugcode, hospital_lines bigint, pharmacy_lines bigint,
                 hospital_fund_share numeric, pharmacy_fund_share numeric, difference numeric, mismatch boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH lines AS (
    SELECT d.group_code, d.channel, d.amount, d.fund_paid
    FROM vbp.nrdl_dispensing d
    WHERE d.dispensed_on BETWEEN from_date AND to_date AND d.dual_channel
  ), s AS (
    SELECT l.group_code,
           count(*) FILTER (WHERE l.channel = 'hospital') AS hl, count(*) FILTER (WHERE l.channel = 'pharmacy') AS pl,
           (sum(l.fund_paid) FILTER (WHERE l.channel = 'hospital'))::numeric
             / nullif((sum(l.amount) FILTER (WHERE l.channel = 'hospital'))::numeric, 0) AS hs,
           (sum(l.fund_paid) FILTER (WHERE l.channel = 'pharmacy'))::numeric
             / nullif((sum(l.amount) FILTER (WHERE l.channel = 'pharmacy'))::numeric, 0) AS ps
    FROM lines l GROUP BY 1
  )
  SELECT s.group_code, s.hl, s.pl, round(s.hs, 6), round(s.ps, 6), round(s.ps - s.hs, 6),
         abs(s.ps - s.hs) > vbp.param(channel_reimbursement_for.rule_set, 'reimbursement_tolerance')
  -- dispensed in both channels on balance: a channel whose lines net to no amount
  -- (a sale and its full refund) has no share to compare
  FROM s WHERE s.hs IS NOT NULL AND s.ps IS NOT NULL AND vbp.known_rule_set(channel_reimbursement_for.rule_set);
END;
COMMENT ON FUNCTION vbp.channel_reimbursement_for(date, date, text) IS
  'Same reimbursement in both channels (双通道同等报销): for each dual-channel negotiated drug dispensed in both channels between two dates (each channel''s lines netting to a non-zero amount), the fund-paid share Σ fund_paid / Σ amount in hospitals and in pharmacies, their difference, and mismatch when it exceeds reimbursement_tolerance (0.01)';

CREATE FUNCTION vbp.nrdl_listing_for(as_of date)
  RETURNS TABLE (province text, group_code vbp.drugcode, version_id int, first_effective date, listed_on date,
                 days_to_list int, not_listed boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT p.code, f.group_code, f.version_id, e.first_effective, l.listed_on, l.listed_on - e.first_effective,
         l.listed_on IS NULL
  FROM vbp.division p CROSS JOIN vbp.nrdl_in_force(as_of) f
  CROSS JOIN LATERAL (SELECT min(v.effective_from) AS first_effective
                      FROM vbp.nrdl_version v JOIN vbp.nrdl_item it USING (version_id)
                      WHERE it.group_code = f.group_code AND v.effective_from <= as_of) e
  LEFT JOIN LATERAL (SELECT min(pl.listed_on) AS listed_on FROM vbp.platform_listing pl
                     WHERE pl.province = p.code AND pl.group_code = f.group_code AND pl.listed_on <= as_of) l ON true
  WHERE p.level = 'province';
END;
COMMENT ON FUNCTION vbp.nrdl_listing_for(date) IS
  'Listing (挂网) of the negotiated drugs in force on a date on each province''s procurement platform: the version in force, the effective date of the first list that included the drug, the first listing by the date, days from that effective date to listing (negative: listed before), and not_listed when not listed by the date';

CREATE VIEW vbp.nrdl_listing WITH (security_invoker = true) AS SELECT * FROM vbp.nrdl_listing_for(vbp.report_date());
COMMENT ON VIEW vbp.nrdl_listing IS
  'Platform listing (挂网) of the current negotiated drugs per province as of vbp.report_date()';
COMMENT ON COLUMN vbp.nrdl_listing.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.nrdl_listing.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.nrdl_listing.version_id IS '目录版本 / negotiated-drug list version id (谈判药品目录版本), identifier';
COMMENT ON COLUMN vbp.nrdl_listing.first_effective IS '首次生效日期 / effective date of the first list version that included the drug, date';
COMMENT ON COLUMN vbp.nrdl_listing.listed_on IS '挂网日期 / first listing on the province procurement platform by the report date, date';
COMMENT ON COLUMN vbp.nrdl_listing.days_to_list IS '挂网天数 / days from first effective date to listing (negative: listed before), days';
COMMENT ON COLUMN vbp.nrdl_listing.not_listed IS '未挂网 / true = not listed on the province platform by the report date, flag';

CREATE FUNCTION vbp.uncertified_dispensing_for(from_date date, to_date date)
  RETURNS TABLE (dispensing_id bigint, dispensed_on date, org_code vbp.orgcode, channel text, patient_id text,
                 group_code vbp.drugcode, product_code vbp.drugcode)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  -- the certifications are read once, as a set (on Citus they are a table of the
  -- coordinator, which it ships to the shards that way: doc/scale-out.md)
  WITH c AS MATERIALIZED (
    SELECT pc.patient_id, pc.group_code, pc.certified_on, pc.valid_to FROM vbp.patient_certification pc
  )
  SELECT d.dispensing_id, d.dispensed_on, d.org_code, d.channel, d.patient_id, d.group_code, d.product_code
  FROM vbp.nrdl_dispensing d
  -- a refund (a negative line) hands the drug back: only sales need a certification
  WHERE d.dispensed_on BETWEEN from_date AND to_date AND d.patient_certification AND d.quantity > 0
    AND NOT EXISTS (SELECT FROM c
                    WHERE c.patient_id = d.patient_id AND c.group_code = d.group_code
                      AND c.certified_on <= d.dispensed_on AND (c.valid_to IS NULL OR c.valid_to >= d.dispensed_on));
END;
COMMENT ON FUNCTION vbp.uncertified_dispensing_for(date, date) IS
  'Dispensing of a negotiated drug that requires patient certification (患者认定) to a patient without a certification valid on the day, between two dates (sales only: a refund hands the drug back)';

CREATE FUNCTION vbp.budget_use_for(year int)
  RETURNS TABLE (org_code vbp.orgcode, total_budget vbp.cny, fund_paid vbp.cny, separately_paid vbp.cny,
                 use_with numeric, use_without numeric, over_budget_with boolean, over_budget_without boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH m AS (
    SELECT im.org_code, sum(im.fund_paid) AS fund FROM vbp.institution_month im
    WHERE im.month >= make_date(year, 1, 1) AND im.month < make_date(year + 1, 1, 1) GROUP BY 1
  ), sep AS (
    SELECT d.org_code, sum(d.fund_paid) AS fund
    FROM vbp.nrdl_dispensing d
    WHERE d.channel = 'hospital' AND d.separate_payment
      AND d.dispensed_on >= make_date(year, 1, 1) AND d.dispensed_on < make_date(year + 1, 1, 1)
    GROUP BY 1
  )
  SELECT b.org_code, b.total_budget, coalesce(m.fund, '0'), coalesce(sep.fund, '0'),
         round(coalesce(m.fund, '0')::numeric / b.total_budget::numeric, 6),
         round((coalesce(m.fund, '0') - coalesce(sep.fund, '0'))::numeric / b.total_budget::numeric, 6),
         coalesce(m.fund, '0') > b.total_budget,
         coalesce(m.fund, '0') - coalesce(sep.fund, '0') > b.total_budget
  FROM vbp.institution_budget b
  LEFT JOIN m USING (org_code) LEFT JOIN sep USING (org_code)
  WHERE b.year = budget_use_for.year;
END;
COMMENT ON FUNCTION vbp.budget_use_for(int) IS
  'Total-budget use (总额预算执行) of each institution in a year, with separately paid negotiated drugs (单独支付) counted and excluded: fund_paid = Σ monthly fund payments, separately_paid = fund payments for hospital-channel dispensing of drugs with separate_payment in force on the day; use = fund / budget';

CREATE FUNCTION vbp.drug_share_for(from_month date, to_month date)
  RETURNS TABLE (org_code vbp.orgcode, month date, visits bigint, medical_cost vbp.cny, drug_cost vbp.cny,
                 negotiated_cost vbp.cny, drug_share numeric, drug_share_without numeric,
                 cost_per_visit numeric, cost_per_visit_without numeric)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH n AS (
    SELECT d.org_code, vbp.month_start(d.dispensed_on) AS month, sum(d.amount) AS cost
    FROM vbp.nrdl_dispensing d
    WHERE d.channel = 'hospital'
      -- bounds of type date, for the estimates under row-level security (doc/security.md)
      AND d.dispensed_on >= date_trunc('month', from_month)::date
      AND d.dispensed_on < (date_trunc('month', to_month) + interval '1 month')::date
    GROUP BY 1, 2
  )
  SELECT im.org_code, im.month, im.visits, im.medical_cost, im.drug_cost, coalesce(n.cost, '0'),
         round(im.drug_cost::numeric / nullif(im.medical_cost::numeric, 0), 6),
         round((im.drug_cost - coalesce(n.cost, '0'))::numeric / nullif((im.medical_cost - coalesce(n.cost, '0'))::numeric, 0), 6),
         round(im.medical_cost::numeric / nullif(im.visits, 0), 2),
         round((im.medical_cost - coalesce(n.cost, '0'))::numeric / nullif(im.visits, 0), 2)
  FROM vbp.institution_month im
  LEFT JOIN n USING (org_code, month)
  WHERE im.month >= date_trunc('month', from_month)::date AND im.month <= date_trunc('month', to_month)::date;
END;
COMMENT ON FUNCTION vbp.drug_share_for(date, date) IS
  'Drug share (药占比) and cost per visit (次均费用) of each institution and month, with and without negotiated drugs (hospital-channel dispensing of drugs in force on the day): share = drug / medical cost, without = (drug − negotiated) / (medical − negotiated); per visit = medical cost / visits, without = (medical − negotiated) / visits';

CREATE FUNCTION vbp.drg_negotiated_for(from_date date, to_date date)
  RETURNS TABLE (drg_group text, cases bigint, total_cost vbp.cny, negotiated_cost vbp.cny,
                 negotiated_per_case numeric, negotiated_share numeric, weight_with numeric, weight_without numeric)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH c AS (
    SELECT dc.drg_group, count(*) AS cases, sum(dc.total_cost) AS cost
    FROM vbp.drg_case dc WHERE dc.discharged_on BETWEEN from_date AND to_date GROUP BY 1
  ), n AS (
    SELECT d.drg_group, sum(d.amount) AS cost
    FROM vbp.nrdl_dispensing d
    WHERE d.drg_group IS NOT NULL AND d.dispensed_on BETWEEN from_date AND to_date
    GROUP BY 1
  ), g AS (
    SELECT c.drg_group, c.cases, c.cost, coalesce(n.cost, '0') AS ncost FROM c LEFT JOIN n USING (drg_group)
  ), tot AS (
    SELECT sum(g.cases) AS cases, sum(g.cost::numeric) AS cost, sum(g.ncost::numeric) AS ncost FROM g
  )
  SELECT g.drg_group, g.cases, g.cost, g.ncost,
         round(g.ncost::numeric / g.cases, 2),
         round(g.ncost::numeric / nullif(g.cost::numeric, 0), 6),
         round((g.cost::numeric / g.cases) / nullif(tot.cost / tot.cases, 0), 6),
         round(((g.cost - g.ncost)::numeric / g.cases) / nullif((tot.cost - tot.ncost) / tot.cases, 0), 6)
  FROM g CROSS JOIN tot;
END;
COMMENT ON FUNCTION vbp.drg_negotiated_for(date, date) IS
  'Negotiated drugs under DRG (DRG与谈判药品) between two dates, per DRG group: cases discharged, their total cost, the cost of negotiated drugs dispensed under the group, that cost per case and as a share of the total, and the relative weight implied by cost, with it = (group cost per case) / (cost per case over all groups) and without it = the same with negotiated costs removed [method: ours]';

-- JIT is off for this statement: the planner cannot know how few months,
-- drugs in force and stock events the set-returning functions give (it
-- assumes 1,000 rows each), so it estimates millions of rows, compiles the
-- query, and compiling took longer than the query (2.1 s against 0.85 s
-- without JIT at scale 10, doc/benchmarks.md).
CREATE FUNCTION vbp.nrdl_monitoring_for(from_month date, to_month date)
  RETURNS TABLE (province text, month date, drugs bigint, institutions bigint, applicable bigint, stocked bigint,
                 stocking_rate numeric, lines bigint, units bigint, amount vbp.cny, fund_paid vbp.cny,
                 pharmacy_share numeric)
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET jit = off SET search_path = vbp, pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
  IF NOT isfinite(from_month) OR NOT isfinite(to_month) OR date_trunc('month', to_month)::date < date_trunc('month', from_month)::date THEN
    RAISE EXCEPTION 'invalid monitoring period from % to %', from_month, to_month
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Both months must be finite dates, the first not after the last.';
  END IF;
  RETURN QUERY
  WITH months AS (
    SELECT m::date AS month, (m + interval '1 month - 1 day')::date AS month_end
    FROM generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month') m
  ), ev AS MATERIALIZED (   -- read once, not once per month
    SELECT e.org_code, e.group_code, e.first_stocked
    FROM vbp.nrdl_stock_events((date_trunc('month', to_month) + interval '1 month - 1 day')::date) e
  ), pairs AS MATERIALIZED (   -- the drugs in force at each month end and the levels they apply to
    -- (a few thousand rows, materialized: read by both branches below)
    SELECT ms.month, ms.month_end, f.group_code, al.level
    FROM months ms
    CROSS JOIN LATERAL vbp.nrdl_in_force(ms.month_end) f
    JOIN vbp.nrdl_applicable_level al ON al.version_id = f.version_id AND al.group_code = f.group_code
  ), applicable AS (   -- an institution's applicable pairs at a month end: its level's
    SELECT pl.month, i.org_code, pl.pairs
    FROM (SELECT pa.month, pa.level, count(*) AS pairs FROM pairs pa GROUP BY 1, 2) pl
    JOIN vbp.institution i ON i.level = pl.level
  ), stocked AS (   -- and those it had stocked by then (one stock event per institution x drug)
    SELECT pa.month, ev.org_code, count(*) AS pairs
    FROM ev
    JOIN vbp.institution i ON i.org_code = ev.org_code
    JOIN pairs pa ON pa.group_code = ev.group_code AND pa.level = i.level AND ev.first_stocked <= pa.month_end
    GROUP BY 1, 2
  ), stock AS (   -- per province: institutions with an applicable pair, applicable and stocked pairs
    -- (counted per institution first, never per pair: counting distinct
    -- institutions over every applicable pair sorted them all)
    SELECT a.month, vbp.province(a.org_code) AS province, count(*) AS institutions,
           sum(a.pairs)::bigint AS applicable, coalesce(sum(st.pairs), 0)::bigint AS stocked
    FROM applicable a
    LEFT JOIN stocked st ON st.month = a.month AND st.org_code = a.org_code
    GROUP BY 1, 2
  ), force AS (
    SELECT ms.month, count(*) AS drugs FROM months ms CROSS JOIN LATERAL vbp.nrdl_in_force(ms.month_end) f GROUP BY 1
  ), used AS (
    SELECT vbp.month_start(d.dispensed_on) AS month, vbp.province(d.org_code) AS province,
           count(*) AS lines, sum(d.quantity)::bigint AS units, sum(d.amount) AS amount, sum(d.fund_paid) AS fund,
           sum(d.amount) FILTER (WHERE d.channel = 'pharmacy') AS pharmacy_amount
    FROM vbp.nrdl_dispensing d
    -- bounds of type date, for the estimates under row-level security (doc/security.md)
    WHERE d.dispensed_on >= date_trunc('month', from_month)::date
      AND d.dispensed_on < (date_trunc('month', to_month) + interval '1 month')::date
    GROUP BY 1, 2
  )
  SELECT p.code, ms.month, coalesce(fo.drugs, 0), coalesce(st.institutions, 0), coalesce(st.applicable, 0),
         coalesce(st.stocked, 0), round(st.stocked::numeric / nullif(st.applicable, 0), 6),
         coalesce(u.lines, 0), coalesce(u.units, 0), coalesce(u.amount, '0'), coalesce(u.fund, '0'),
         round(coalesce(u.pharmacy_amount, '0')::numeric / nullif(u.amount::numeric, 0), 6)
  FROM vbp.division p CROSS JOIN months ms
  LEFT JOIN force fo ON fo.month = ms.month
  LEFT JOIN stock st ON st.month = ms.month AND st.province = p.code
  LEFT JOIN used u ON u.month = ms.month AND u.province = p.code
  WHERE p.level = 'province';
END $$;
COMMENT ON FUNCTION vbp.nrdl_monitoring_for(date, date) IS
  'Monitoring of negotiated drugs for upward reporting (谈判药品落地监测), province x month (22023 for an infinite or inverted period): drugs in force at the month end, medical institutions, applicable and stocked (institution, drug) pairs of the versions in force and the stocking rate at the month end (stocked), dispensing lines, units, amount (used) and fund payments (paid) in the month, and the pharmacy channel''s share of the amount';

-- from the first list's month, or from the reporting month when that comes first
-- (a month of no list in force, rather than an error); no rows without a list
CREATE VIEW vbp.nrdl_monitoring WITH (security_invoker = true) AS
  SELECT * FROM vbp.nrdl_monitoring_for((SELECT least(min(v.effective_from), vbp.report_date()) FROM vbp.nrdl_version v
                                         HAVING count(*) > 0),
                                        vbp.report_date());
COMMENT ON VIEW vbp.nrdl_monitoring IS
  'Monitoring of negotiated drugs (谈判药品落地监测), province x month from the first list''s effective month (or the reporting month, when that comes first) to vbp.report_date(): stocked, used, paid; no rows before any list is loaded';
COMMENT ON COLUMN vbp.nrdl_monitoring.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.nrdl_monitoring.month IS '月份 / month (first day), date';
COMMENT ON COLUMN vbp.nrdl_monitoring.drugs IS '现行谈判药品数 / negotiated drugs in force at the month end, count';
COMMENT ON COLUMN vbp.nrdl_monitoring.institutions IS '医疗机构数 / medical institutions of the province with applicable drugs, count';
COMMENT ON COLUMN vbp.nrdl_monitoring.applicable IS '应配备数 / applicable (institution, drug) pairs at the month end, count';
COMMENT ON COLUMN vbp.nrdl_monitoring.stocked IS '已配备数 / stocked (institution, drug) pairs at the month end, count';
COMMENT ON COLUMN vbp.nrdl_monitoring.stocking_rate IS '配备率 / stocking rate, stocked pairs ÷ applicable pairs, ratio (0–1)';
COMMENT ON COLUMN vbp.nrdl_monitoring.lines IS '使用明细数 / negotiated-drug dispensing lines in the month, count';
COMMENT ON COLUMN vbp.nrdl_monitoring.units IS '使用量 / units of negotiated drugs dispensed in the month, units (最小计量单位)';
COMMENT ON COLUMN vbp.nrdl_monitoring.amount IS '使用金额 / amount of negotiated drugs dispensed in the month, yuan (元)';
COMMENT ON COLUMN vbp.nrdl_monitoring.fund_paid IS '统筹支付金额 / insurance fund payments (医保基金统筹支付) for them in the month, yuan (元)';
COMMENT ON COLUMN vbp.nrdl_monitoring.pharmacy_share IS '药店渠道占比 / pharmacy (双通道药店) channel share of the amount, ratio (0–1)';
