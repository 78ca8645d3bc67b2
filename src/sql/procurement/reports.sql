\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Procurement reports over the reference model (doc/domain.md §4): batch
-- summary, fulfilment, fulfilment alerts, report credibility.  The
-- reporting date is the setting vbp.as_of (SET vbp.as_of = '2023-06-30'),
-- else today.
-- =====================================================================

CREATE FUNCTION vbp.report_date() RETURNS date
  AS 'MODULE_PATHNAME', 'pgvbp_report_date' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.report_date() IS
  'Reporting date of the views (统计截止日): the setting vbp.as_of if set (SET vbp.as_of = ''2023-06-30''), else today; the date parsed from the setting is kept until the setting, DateStyle, the time zone or the transaction changes, as the views compare it with every row they filter';

CREATE FUNCTION vbp.fulfilment_for(as_of date, rule_set text DEFAULT vbp.report_rule_set(),
                                   scope_orgs vbp.orgcode[] DEFAULT NULL, scope_groups vbp.drugcode[] DEFAULT NULL)
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, agreed_volume bigint,
    cycle_start date, cycle_end date, time_progress numeric, selected_volume bigint, nonselected_volume bigint,
    completion numeric, status text, selected_share numeric, prefers_selected boolean,
    payments_due bigint, paid_on_time bigint, on_time_rate numeric, backup_volume bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- The agreements' purchases (vbp.agreement_purchases: one pass over the
  -- purchases, grouped by institution, or over the pairs' purchases in the
  -- scoped form), then the exact measures per agreement in C
  -- (vbp.fulfilment_measure): about a bare GROUP BY's time.
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(fulfilment_for.rule_set, 'lagging_factor') AS lagging,
           vbp.param(fulfilment_for.rule_set, 'selected_share_floor') AS share_floor
  )
  SELECT ap.batch_id, ap.org_code, ap.group_code, ap.cycle_year, ap.agreed_volume, ap.cycle_start, ap.cycle_end,
         f.time_progress, ap.selected_units, ap.other_units, f.completion, f.status, f.selected_share, f.prefers_selected,
         ap.payments_due, ap.paid_on_time, f.on_time_rate, ap.backup_units
  -- (the arguments are expressions, not subqueries: the function is inlined, and a
  -- filter of the caller on org_code, batch_id or group_code reaches the
  -- agreement and purchase scans)
  FROM vbp.agreement_purchases(fulfilment_for.as_of, vbp.param(fulfilment_for.rule_set, 'payment_days')::int,
                               fulfilment_for.scope_orgs, fulfilment_for.scope_groups) ap
  CROSS JOIN p
  -- a function in FROM runs once per agreement (in the target list, (f).x would call it per column)
  CROSS JOIN LATERAL vbp.fulfilment_measure(ap.selected_units, ap.other_units, ap.payments_due, ap.paid_on_time,
                                            ap.agreed_volume, ap.cycle_start, ap.cycle_end, fulfilment_for.as_of,
                                            p.lagging, p.share_floor) f
  -- the agreement years started by the date whose group is in the batch; an unknown
  -- rule set fails before any row is read (a one-time filter), even on empty tables
  WHERE ap.in_batch AND ap.cycle_start <= fulfilment_for.as_of AND vbp.known_rule_set(fulfilment_for.rule_set);
END;
COMMENT ON FUNCTION vbp.fulfilment_for(date, text, vbp.orgcode[], vbp.drugcode[]) IS
  'Fulfilment (履约) of every agreement year started by a date (each year of a multi-year cycle on its own, 按年度考核): time progress, selected and other units bought, completion c = Q_selected / Q_agreed, status, selected share and whether it reaches selected_share_floor, payments due and paid within payment_days; Q_selected includes backup products bought under a verified supply failure (vbp.backup_purchases), shown as backup_volume; scope_orgs and scope_groups, paired element by element, restrict it to the agreements of those (institution, generic group) pairs, reading only their purchases (NULL: every agreement)';

CREATE VIEW vbp.fulfilment WITH (security_invoker = true) AS SELECT * FROM vbp.fulfilment_for(vbp.report_date());
COMMENT ON VIEW vbp.fulfilment IS
  'Fulfilment (履约进度) of every agreement as of vbp.report_date(): completion, time progress, status, selected share, on-time payment';
COMMENT ON COLUMN vbp.fulfilment.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.fulfilment.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.fulfilment.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.fulfilment.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.fulfilment.agreed_volume IS '约定采购量 / agreed volume for the agreement year, units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment.cycle_start IS '协议年度起始日 / first day of the agreement year, date';
COMMENT ON COLUMN vbp.fulfilment.cycle_end IS '协议年度截止日 / last day of the agreement year, date';
COMMENT ON COLUMN vbp.fulfilment.time_progress IS '时间进度 / time progress, elapsed days ÷ days of the agreement year, ratio (0–1)';
COMMENT ON COLUMN vbp.fulfilment.selected_volume IS '中选产品采购量 / units of selected products bought in the agreement year up to the report date, units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment.nonselected_volume IS '非中选产品采购量 / units of other products of the group (non-selected or not bidding) bought, units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment.completion IS '完成率 / completion, selected units bought ÷ agreed units (1 if nothing agreed), ratio';
COMMENT ON COLUMN vbp.fulfilment.status IS '履约状态 / fulfilment status: completed, on_track, lagging, severely_lagging, code';
COMMENT ON COLUMN vbp.fulfilment.selected_share IS '中选产品使用占比 / selected share, selected units ÷ (selected + non-selected units), ratio (0–1)';
COMMENT ON COLUMN vbp.fulfilment.prefers_selected IS '优先使用中选产品 / true = selected share reaches selected_share_floor (0.7) or no purchases, flag';
COMMENT ON COLUMN vbp.fulfilment.payments_due IS '应回款笔数 / purchases of batch products whose payment is due (accepted more than 30 days (payment_days) before the report date, or paid), count';
COMMENT ON COLUMN vbp.fulfilment.paid_on_time IS '按时回款笔数 / purchases paid to the supplier within 30 days (payment_days) of acceptance, count';
COMMENT ON COLUMN vbp.fulfilment.backup_volume IS '备选产品计入量 / units of backup products bought under a verified supply failure (断供), counted in selected_volume, units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment.on_time_rate IS '按时回款率 / on-time payment rate, paid on time ÷ payments due, ratio (0–1)';

CREATE VIEW vbp.fulfilment_alert WITH (security_invoker = true) AS
  SELECT f.batch_id, f.org_code, f.group_code, f.cycle_year, a.alert, a.detail
  FROM vbp.fulfilment f
  CROSS JOIN LATERAL (
    SELECT f.status AS alert,
           format('completion %s against time progress %s', round(f.completion, 4), round(f.time_progress, 4)) AS detail
    WHERE f.status IN ('lagging', 'severely_lagging')
    UNION ALL
    SELECT 'not_preferring_selected', format('selected share %s', round(f.selected_share, 4))
           || CASE WHEN f.backup_volume > 0 THEN format(' (including %s backup units under a verified supply failure)', f.backup_volume) ELSE '' END
    WHERE NOT f.prefers_selected
    UNION ALL
    SELECT 'late_payment', format('%s of %s payments due were on time', f.paid_on_time, f.payments_due)
    WHERE f.paid_on_time < f.payments_due) a;
COMMENT ON VIEW vbp.fulfilment_alert IS
  'Fulfilment alerts (履约预警) as of vbp.report_date(): lagging and severely lagging agreements, institutions not preferring selected products, and late payments to suppliers (回款超期)';
COMMENT ON COLUMN vbp.fulfilment_alert.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.fulfilment_alert.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.fulfilment_alert.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.fulfilment_alert.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.fulfilment_alert.alert IS '预警类型 / alert: lagging, severely_lagging (滞后/严重滞后), not_preferring_selected, late_payment (回款超期), code';
COMMENT ON COLUMN vbp.fulfilment_alert.detail IS '预警说明 / detail: completion vs time progress, selected share, or on-time payments, text';

-- In double precision: where the log ratio is used several times in a row (the
-- column and both robust z), the planner substitutes the expression at each use,
-- and ln of a numeric quotient there cost more than the rest of the row.
CREATE FUNCTION vbp.report_log_ratio(reported bigint, baseline bigint) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN reported > 0 AND baseline > 0 THEN ln(reported::float8 / baseline::float8) END;
COMMENT ON FUNCTION vbp.report_log_ratio(bigint, bigint) IS
  'Log ratio of a volume report (报量对数比) x = ln(reported / baseline) in double precision; NULL unless both are positive (a report of 0, or no baseline, has no ratio); what the peers'' median and deviations and each report''s robust z are computed from; inlined where it is called';

-- The peers of every cell of volume reports (batch x cycle year x generic group x
-- institution level) over every institution, whoever asks, so a tenant's robust z is
-- the bureau's.  SECURITY DEFINER, returning aggregates only: the median and
-- deviations of a cell with fewer than robust_z_min_peers reports are withheld.
CREATE FUNCTION vbp.report_peer_cells(rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (batch_id int, cycle_year int, group_code vbp.drugcode, level text, m vbp.median_mad)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  min_peers numeric := vbp.param(rule_set, 'robust_z_min_peers');
BEGIN
  RETURN QUERY
  SELECT x.batch_id, x.cycle_year, x.group_code, x.level,
         CASE WHEN (x.m).n >= min_peers THEN x.m
              ELSE ROW(NULL, NULL, (x.m).n, NULL)::vbp.median_mad END
  FROM (SELECT v.batch_id, v.cycle_year, v.group_code, i.level,
               vbp.median_mad(vbp.report_log_ratio(v.reported_volume, v.baseline_volume)) AS m
        FROM vbp.volume_report v JOIN vbp.institution i USING (org_code)
        GROUP BY 1, 2, 3, 4) x;
END $$;
COMMENT ON FUNCTION vbp.report_peer_cells(text) IS
  'Peers of each cell of volume reports (报量同组统计: batch x cycle year x generic group x institution level) over every institution, whoever asks (SECURITY DEFINER): the number of reports with a log ratio, and their median, MAD and mean absolute deviation of ln(reported / baseline), withheld below robust_z_min_peers; no report is named';

CREATE FUNCTION vbp.report_credibility_for(as_of date, rule_set text DEFAULT vbp.report_rule_set(),
                                           scope_orgs vbp.orgcode[] DEFAULT NULL, scope_groups vbp.drugcode[] DEFAULT NULL)
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, level text,
    baseline_volume bigint, reported_volume bigint, not_reported boolean, under_reported boolean,
    missing_sign_off boolean, actual_volume bigint, realised_accuracy numeric, accuracy_flag boolean,
    log_ratio double precision, peers bigint, robust_z double precision, anomalous boolean, over_reported boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(report_credibility_for.rule_set, 'report_floor') AS floor,
           vbp.param(report_credibility_for.rule_set, 'robust_z_meanad_constant')::float8 AS zc_meanad,
           -- a count reaches x when it reaches ceil(x): compared as integers per row
           ceil(vbp.param(report_credibility_for.rule_set, 'robust_z_min_peers'))::bigint AS min_peers,
           vbp.param(report_credibility_for.rule_set, 'over_report_multiple') AS over_multiple,
           vbp.param(report_credibility_for.rule_set, 'report_accuracy_low') AS lo,
           vbp.param(report_credibility_for.rule_set, 'report_accuracy_high') AS hi,
           vbp.param(report_credibility_for.rule_set, 'robust_z_threshold')::float8 AS zmax,   -- against a float8 z
           vbp.param(report_credibility_for.rule_set, 'robust_z_constant')::float8 AS zc
  ), r AS (
    SELECT v.*, i.level, vbp.report_log_ratio(v.reported_volume, v.baseline_volume) AS lx
    FROM vbp.volume_report v JOIN vbp.institution i USING (org_code)
  ), cell AS (
    -- the peers of a report: the same batch, year, generic group and institution level,
    -- over every institution (vbp.report_peer_cells), so a tenant's z is the bureau's
    SELECT * FROM vbp.report_peer_cells(report_credibility_for.rule_set)
  ), actual AS (
    SELECT ap.batch_id, ap.org_code, ap.group_code, ap.cycle_year, ap.all_units AS q, ap.cycle_end <= as_of AS ended
    FROM vbp.agreement_purchases(as_of, NULL, report_credibility_for.scope_orgs, report_credibility_for.scope_groups) ap
  )
  SELECT r.batch_id, r.org_code, r.group_code, r.cycle_year, r.level, r.baseline_volume, r.reported_volume,
         r.reported_volume IS NULL AND r.baseline_volume > 0,
         coalesce(r.reported_volume < p.floor * r.baseline_volume, false),
         r.reported_volume IS NOT NULL AND NOT r.signed_off,
         ac.q,
         CASE WHEN ac.ended AND r.reported_volume > 0 THEN round(ac.q::numeric / r.reported_volume, 6) END,
         CASE WHEN ac.ended AND r.reported_volume > 0 THEN ac.q::numeric / r.reported_volume NOT BETWEEN p.lo AND p.hi END,
         r.lx, coalesce((c.m).n, 0), z.z, coalesce(abs(z.z) > p.zmax, false),
         coalesce(r.reported_volume > p.over_multiple * r.baseline_volume, false)
  FROM r CROSS JOIN p
  LEFT JOIN cell c USING (batch_id, cycle_year, group_code, level)
  LEFT JOIN actual ac USING (batch_id, org_code, group_code, cycle_year)
  -- the modified z with the MAD, or with the mean absolute deviation when the MAD is 0
  -- (Iglewicz-Hoaglin); none with fewer than min_peers reports in the cell
  CROSS JOIN LATERAL (SELECT CASE WHEN (c.m).n >= p.min_peers
                                  THEN coalesce(vbp.robust_z(r.lx, (c.m).median, (c.m).mad, p.zc),
                                                vbp.robust_z(r.lx, (c.m).median, (c.m).meanad, p.zc_meanad)) END AS z) z
  WHERE vbp.known_rule_set(report_credibility_for.rule_set)
    -- the reports of the pairs asked for, or all (folded away when scope_orgs is NULL);
    -- their peers are every institution's all the same
    AND (report_credibility_for.scope_orgs IS NULL
         OR (r.org_code, r.group_code) IN (SELECT k.org_code, k.group_code
                                           FROM vbp.scope_pairs(report_credibility_for.scope_orgs, report_credibility_for.scope_groups) k));
END;
COMMENT ON FUNCTION vbp.report_credibility_for(date, text, vbp.orgcode[], vbp.drugcode[]) IS
  'Credibility of every volume report (报量可信度), one per batch, institution, group and cycle year, on a date: not reported, under-reported (< report_floor x baseline), missing leadership sign-off, realised accuracy actual / reported once the agreement year has ended (flag outside [0.8, 1.2]), the robust z of ln(reported / baseline) among its peers (batch x cycle year x generic group x institution level; 0.6745 (x - median) / MAD, or 0.7979 (x - median) / MeanAD when the MAD is 0; none below robust_z_min_peers reports; anomalous if |z| > 3.5), and over-reported when reported > over_report_multiple (2) x baseline; scope_orgs and scope_groups, paired element by element, restrict it to the reports of those (institution, generic group) pairs, reading only their purchases (NULL: every report; the peers are every institution''s either way)';

CREATE VIEW vbp.report_credibility WITH (security_invoker = true) AS SELECT * FROM vbp.report_credibility_for(vbp.report_date());
COMMENT ON VIEW vbp.report_credibility IS
  'Volume-report credibility (报量可信度) as of vbp.report_date(): not reported, under-reported, missing sign-off, realised accuracy, robust z anomaly';
COMMENT ON COLUMN vbp.report_credibility.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.report_credibility.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.report_credibility.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.report_credibility.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.report_credibility.level IS '机构级别 / institution level: tertiary, secondary, primary, pharmacy, code';
COMMENT ON COLUMN vbp.report_credibility.baseline_volume IS '基线用量 / use in the reference period (历史使用量), units (最小计量单位)';
COMMENT ON COLUMN vbp.report_credibility.reported_volume IS '报量 / reported volume (NULL = not reported), units (最小计量单位)';
COMMENT ON COLUMN vbp.report_credibility.not_reported IS '未报量 / true = baseline > 0 but no report, flag';
COMMENT ON COLUMN vbp.report_credibility.under_reported IS '少报 / true = reported < report_floor (0.8) × baseline, flag';
COMMENT ON COLUMN vbp.report_credibility.missing_sign_off IS '未经领导审核 / true = reported but not signed off by leadership, flag';
COMMENT ON COLUMN vbp.report_credibility.actual_volume IS '实际采购量 / units of all products of the group bought in the year up to the report date, units (最小计量单位)';
COMMENT ON COLUMN vbp.report_credibility.realised_accuracy IS '报量准确度 / actual ÷ reported volume, once the agreement year has ended, ratio';
COMMENT ON COLUMN vbp.report_credibility.accuracy_flag IS '准确度异常 / true = realised accuracy outside [0.8, 1.2], flag';
COMMENT ON COLUMN vbp.report_credibility.log_ratio IS '报量对数比 / ln(reported ÷ baseline), log ratio';
COMMENT ON COLUMN vbp.report_credibility.peers IS '同组报量数 / peer reports in the cell (batch × year × group × institution level), count';
COMMENT ON COLUMN vbp.report_credibility.robust_z IS '稳健Z值 / robust z of the log ratio among peers (median/MAD), z-score';
COMMENT ON COLUMN vbp.report_credibility.anomalous IS '报量异常 / true = |robust z| > 3.5, flag';
COMMENT ON COLUMN vbp.report_credibility.over_reported IS '多报 / true = reported > 2 × baseline (over_report_multiple), flag';

-- brand-level fulfilment (按厂牌履约): each product's share of an agreement
CREATE FUNCTION vbp.product_fulfilment_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, product_code vbp.drugcode,
    agreed_volume bigint, basis text, cycle_start date, cycle_end date, time_progress numeric,
    bought bigint, completion numeric, status text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH p AS MATERIALIZED (
    SELECT vbp.param(product_fulfilment_for.rule_set, 'lagging_factor') AS lagging,
           vbp.param(product_fulfilment_for.rule_set, 'selected_share_floor') AS share_floor
  )
  SELECT q.batch_id, q.org_code, q.group_code, q.cycle_year, q.product_code, q.agreed_volume, q.basis,
         q.cycle_start, q.cycle_end, f.time_progress, q.units, f.completion, f.status
  FROM vbp.product_agreement_purchases(product_fulfilment_for.as_of) q
  CROSS JOIN p
  CROSS JOIN LATERAL vbp.fulfilment_measure(greatest(q.units, 0), 0, 0, 0, q.agreed_volume, q.cycle_start, q.cycle_end,
                                            product_fulfilment_for.as_of, p.lagging, p.share_floor) f
  WHERE q.cycle_start <= product_fulfilment_for.as_of AND vbp.known_rule_set(product_fulfilment_for.rule_set);
END;
COMMENT ON FUNCTION vbp.product_fulfilment_for(date, text) IS
  'Brand-level fulfilment (按厂牌履约进度) of every product agreement whose year started by a date: the product''s agreed volume, units of that product bought, time progress, completion = bought / agreed (1 for a zero-volume winner) and status by the rule set''s lagging factor';
CREATE VIEW vbp.product_fulfilment WITH (security_invoker = true) AS
  SELECT * FROM vbp.product_fulfilment_for(vbp.report_date());
COMMENT ON VIEW vbp.product_fulfilment IS
  'Brand-level fulfilment (按厂牌履约进度) as of vbp.report_date(): per institution, product and cycle year';
COMMENT ON COLUMN vbp.product_fulfilment.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.product_fulfilment.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.product_fulfilment.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.product_fulfilment.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.product_fulfilment.product_code IS '中选产品编码 / selected product (厂牌) code (医保药品代码), code';
COMMENT ON COLUMN vbp.product_fulfilment.agreed_volume IS '按厂牌约定采购量 / agreed volume of this product for the year (0 = winner not chosen), units (最小计量单位)';
COMMENT ON COLUMN vbp.product_fulfilment.basis IS '分配依据 / basis: reported (按厂牌报量) or primary_supplier (主供企业), code';
COMMENT ON COLUMN vbp.product_fulfilment.cycle_start IS '协议年度起始日 / first day of the agreement year, date';
COMMENT ON COLUMN vbp.product_fulfilment.cycle_end IS '协议年度截止日 / last day of the agreement year, date';
COMMENT ON COLUMN vbp.product_fulfilment.time_progress IS '时间进度 / time progress, elapsed days ÷ days of the agreement year, ratio (0–1)';
COMMENT ON COLUMN vbp.product_fulfilment.bought IS '实际采购量 / units of this product bought in the year up to the report date, units (最小计量单位)';
COMMENT ON COLUMN vbp.product_fulfilment.completion IS '完成率 / completion, units bought ÷ product agreed volume (1 if 0 agreed), ratio';
COMMENT ON COLUMN vbp.product_fulfilment.status IS '履约状态 / fulfilment status: completed, on_track, lagging, severely_lagging, code';

-- provincial completion (省级履约): the agreements of a province added up
CREATE FUNCTION vbp.province_fulfilment_for(as_of date, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS TABLE (
    batch_id int, province text, group_code vbp.drugcode, cycle_year int, province_volume bigint,
    allocated_volume bigint, unallocated_volume bigint, institutions bigint, time_progress numeric,
    selected_volume bigint, completion numeric, status text, lagging_institutions bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH f AS (
    SELECT f.batch_id, vbp.province(f.org_code) AS province, f.group_code, f.cycle_year,
           sum(f.agreed_volume) AS allocated, count(*) AS institutions, max(f.time_progress) AS tau,
           sum(f.selected_volume) AS bought,
           count(*) FILTER (WHERE f.status IN ('lagging', 'severely_lagging')) AS lagging
    FROM vbp.fulfilment_for(province_fulfilment_for.as_of, province_fulfilment_for.rule_set) f
    GROUP BY 1, 2, 3, 4
  )
  SELECT f.batch_id, f.province, f.group_code, f.cycle_year, pa.agreed_volume, f.allocated::bigint,
         (pa.agreed_volume - f.allocated)::bigint, f.institutions, f.tau, f.bought::bigint,
         round(x.c, 6), vbp.fulfilment_status(x.c, f.tau, vbp.param(province_fulfilment_for.rule_set, 'lagging_factor')),
         f.lagging
  FROM f
  LEFT JOIN vbp.province_agreement pa ON pa.batch_id = f.batch_id AND pa.province = f.province
                                     AND pa.group_code OPERATOR(vbp.=) f.group_code AND pa.cycle_year = f.cycle_year
  -- completion against the province's own volume where the office fixed one
  CROSS JOIN LATERAL (SELECT CASE WHEN coalesce(pa.agreed_volume, f.allocated) > 0
                                  THEN f.bought::numeric / coalesce(pa.agreed_volume, f.allocated) ELSE 1 END AS c) x;
END;
COMMENT ON FUNCTION vbp.province_fulfilment_for(date, text) IS
  'Provincial completion (省级履约进度) per batch, province, generic group and cycle year on a date: the province''s agreed volume (vbp.province_agreement, NULL where none was fixed), the volumes allocated to its institutions and what is left unallocated, time progress, selected units bought, completion = bought / the province''s volume (or the allocated sum), status by the rule set''s lagging factor, and the institutions lagging; over the agreements the caller may read';
CREATE VIEW vbp.province_fulfilment WITH (security_invoker = true) AS
  SELECT * FROM vbp.province_fulfilment_for(vbp.report_date());
COMMENT ON VIEW vbp.province_fulfilment IS
  'Provincial completion (省级履约进度) as of vbp.report_date(): per batch, province, generic group and cycle year';
COMMENT ON COLUMN vbp.province_fulfilment.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.province_fulfilment.province IS '省份 / province code (GB/T 2260, 2 digits), code';
COMMENT ON COLUMN vbp.province_fulfilment.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.province_fulfilment.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.province_fulfilment.province_volume IS '省级约定采购量 / province agreed volume fixed by the joint office (NULL if none), units (最小计量单位)';
COMMENT ON COLUMN vbp.province_fulfilment.allocated_volume IS '已分配约定量 / agreed volumes allocated to institutions of the province, units (最小计量单位)';
COMMENT ON COLUMN vbp.province_fulfilment.unallocated_volume IS '未分配约定量 / province volume minus allocated volume, units (最小计量单位)';
COMMENT ON COLUMN vbp.province_fulfilment.institutions IS '机构数 / institutions with an agreement, count';
COMMENT ON COLUMN vbp.province_fulfilment.time_progress IS '时间进度 / time progress, elapsed days ÷ days of the agreement year, ratio (0–1)';
COMMENT ON COLUMN vbp.province_fulfilment.selected_volume IS '中选产品采购量 / units of selected products bought by the institutions, units (最小计量单位)';
COMMENT ON COLUMN vbp.province_fulfilment.completion IS '完成率 / completion, selected units ÷ province agreed volume (or allocated sum), ratio';
COMMENT ON COLUMN vbp.province_fulfilment.status IS '履约状态 / fulfilment status: completed, on_track, lagging, severely_lagging, code';
COMMENT ON COLUMN vbp.province_fulfilment.lagging_institutions IS '滞后机构数 / institutions lagging or severely lagging (滞后/严重滞后), count';

-- The two reports kept by agreement (按协议存储): the rows of vbp.fulfilment_for and
-- vbp.report_credibility_for as of the last refresh, every institution's, which
-- vbp.refresh_agreement_reports() recomputes only for the (institution, generic
-- group) pairs whose purchases changed, when nothing else they read did; the
-- bi_* views over them (bi.sql) join the names as they are read, and the batch
-- summary stored for BI reads the fulfilment kept.  Their columns are the report
-- functions' own.
CREATE TABLE vbp.fulfilment_stored AS SELECT * FROM vbp.fulfilment_for('infinity', 'national') WITH NO DATA;
ALTER TABLE vbp.fulfilment_stored ADD PRIMARY KEY (batch_id, org_code, group_code, cycle_year);
CREATE INDEX fulfilment_stored_pair ON vbp.fulfilment_stored (org_code, group_code);
-- row-level security: a tenant reads the rows of the institutions it sees, as in
-- vbp.fulfilment; vbp.bi_fulfilment reads every row with its owner's rights
ALTER TABLE vbp.fulfilment_stored ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.fulfilment_stored FOR SELECT USING (vbp.tenant_sees(org_code));
SELECT pg_catalog.pg_extension_config_dump('vbp.fulfilment_stored', '');
COMMENT ON TABLE vbp.fulfilment_stored IS
  'Fulfilment (履约进度) of every agreement year as of the last vbp.refresh_reports(): the rows of vbp.fulfilment_for on its reporting date and rule set, kept by vbp.refresh_agreement_reports() (only the pairs whose purchases changed, when nothing else did); read through vbp.bi_fulfilment';
COMMENT ON INDEX vbp.fulfilment_stored_pair IS 'The rows of an (institution, generic group) pair, which an incremental refresh replaces';

CREATE TABLE vbp.report_credibility_stored AS SELECT * FROM vbp.report_credibility_for('infinity', 'national') WITH NO DATA;
ALTER TABLE vbp.report_credibility_stored ADD PRIMARY KEY (batch_id, org_code, group_code, cycle_year);
CREATE INDEX report_credibility_stored_pair ON vbp.report_credibility_stored (org_code, group_code);
-- row-level security: as vbp.fulfilment_stored
ALTER TABLE vbp.report_credibility_stored ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.report_credibility_stored FOR SELECT USING (vbp.tenant_sees(org_code));
SELECT pg_catalog.pg_extension_config_dump('vbp.report_credibility_stored', '');
COMMENT ON TABLE vbp.report_credibility_stored IS
  'Volume-report credibility (报量可信度) of every report as of the last vbp.refresh_reports(): the rows of vbp.report_credibility_for on its reporting date and rule set, kept by vbp.refresh_agreement_reports() (only the pairs whose purchases changed, when nothing else did); read through vbp.bi_report_credibility';
COMMENT ON INDEX vbp.report_credibility_stored_pair IS 'The rows of an (institution, generic group) pair, which an incremental refresh replaces';

-- The batch summary, from the fulfilment computed or from the rows the refresh
-- keeps (vbp.fulfilment_stored, as of the same reporting date and rule set): the
-- summary stored for BI reads the kept rows instead of computing every agreement.
CREATE FUNCTION vbp.batch_summary_for(kept boolean DEFAULT false)
  RETURNS TABLE (batch_id int, name text, drugs bigint, published_drugs int, avg_cut numeric, published_avg_cut numeric,
                 volume_weighted_cut numeric, essential bigint, selected_products numeric, fulfilment_ratio numeric,
                 first_year_ratio numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH drug AS (
    SELECT s.batch_id, pr.group_code, (vbp.price_cuts(s.reference_price, s.selected_price, 1)).unweighted AS cut,
           avg(s.selected_price) AS p_sel, avg(s.reference_price) AS p_ref, count(*) AS winners
    FROM vbp.selection s JOIN vbp.product pr USING (product_code)
    WHERE s.selected GROUP BY 1, 2
  ), agreed AS (
    SELECT batch_id, group_code, sum(agreed_volume) AS q FROM vbp.agreement GROUP BY 1, 2
  ), f AS (
    SELECT fu.batch_id, sum(fu.selected_volume) AS bought, sum(fu.agreed_volume * fu.time_progress) AS due,
           sum(fu.selected_volume) FILTER (WHERE fu.cycle_year = 1) AS bought_1,
           sum(fu.agreed_volume * fu.time_progress) FILTER (WHERE fu.cycle_year = 1) AS due_1
    -- the agreements computed, or those kept by the last refresh (one branch is
    -- planned away by its constant condition)
    FROM (SELECT l.batch_id, l.selected_volume, l.agreed_volume, l.time_progress, l.cycle_year
          FROM vbp.fulfilment_for(vbp.report_date()) l WHERE NOT batch_summary_for.kept
          UNION ALL
          SELECT st.batch_id, st.selected_volume, st.agreed_volume, st.time_progress, st.cycle_year
          FROM vbp.fulfilment_stored st WHERE batch_summary_for.kept) fu
    GROUP BY 1
  )
  SELECT b.batch_id, b.name, count(*) AS drugs, b.published_drugs,
         round(avg(d.cut), 4) AS avg_cut, b.published_avg_cut,
         round(1 - sum(d.p_sel * coalesce(ag.q, 0)) / nullif(sum(d.p_ref * coalesce(ag.q, 0)), 0), 4) AS volume_weighted_cut,
         count(*) FILTER (WHERE g.essential) AS essential,
         sum(d.winners) AS selected_products,
         round(max(f.bought) / nullif(max(f.due), 0), 4) AS fulfilment_ratio,
         round(max(f.bought_1) / nullif(max(f.due_1), 0), 4) AS first_year_ratio
  FROM vbp.batch b
  JOIN drug d USING (batch_id)
  JOIN vbp.generic_group g USING (group_code)
  LEFT JOIN agreed ag USING (batch_id, group_code)
  LEFT JOIN f USING (batch_id)
  WHERE vbp.known_rule_set(vbp.report_rule_set())
  GROUP BY b.batch_id, b.name, b.published_drugs, b.published_avg_cut;
END;
COMMENT ON FUNCTION vbp.batch_summary_for(boolean) IS
  'Batch summary (批次概览) as vbp.batch_summary computes it, as of vbp.report_date() under vbp.report_rule_set(); kept: the fulfilment ratios from the agreements kept by the last refresh (vbp.fulfilment_stored, which must be as of the same date and rule set: vbp.refresh_reports() refreshes them first) instead of computing every agreement';

CREATE VIEW vbp.batch_summary WITH (security_invoker = true) AS SELECT * FROM vbp.batch_summary_for();
COMMENT ON VIEW vbp.batch_summary IS
  'Batch summary (批次概览): drugs, unweighted average cut over drugs (a drug''s cut the mean over its winners), volume-weighted cut 1 - sum(P_sel Q_agreed) / sum(P_ref Q_agreed), essential medicines, selected products, and fulfilment ratio selected units / (agreed x time progress) as of vbp.report_date() over every agreement year and over the first year alone (first_year_ratio, the basis of the seed''s "annual purchases more than twice the agreed volume"); with the published figures beside them';
COMMENT ON COLUMN vbp.batch_summary.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.batch_summary.name IS '批次名称 / batch name, e.g. 第一批国家集采, text';
COMMENT ON COLUMN vbp.batch_summary.drugs IS '中选品种数 / drugs (generic groups) with a winner in the batch, count';
COMMENT ON COLUMN vbp.batch_summary.published_drugs IS '公布品种数 / number of drugs as officially published, count';
COMMENT ON COLUMN vbp.batch_summary.avg_cut IS '平均降幅 / unweighted average price cut over drugs (a drug = mean of its winners), ratio (0–1)';
COMMENT ON COLUMN vbp.batch_summary.published_avg_cut IS '公布平均降幅 / average price cut as officially published, ratio (0–1)';
COMMENT ON COLUMN vbp.batch_summary.volume_weighted_cut IS '加权平均降幅 / volume-weighted cut, 1 − Σ(中选价×约定量) ÷ Σ(集采前价×约定量), ratio (0–1)';
COMMENT ON COLUMN vbp.batch_summary.essential IS '基本药物品种数 / drugs on the national essential medicines list (基本药物), count';
COMMENT ON COLUMN vbp.batch_summary.selected_products IS '中选产品数 / selected (winning) products over all drugs of the batch, count';
COMMENT ON COLUMN vbp.batch_summary.fulfilment_ratio IS '履约进度比 / selected units bought ÷ Σ(agreed volume × time progress), all agreement years, ratio';
COMMENT ON COLUMN vbp.batch_summary.first_year_ratio IS '首年履约进度比 / selected units bought ÷ Σ(agreed volume × time progress), first agreement year only, ratio';
