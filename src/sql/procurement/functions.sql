\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Procurement metrics as plain functions over values (doc/domain.md §4), so
-- they apply to any table; exact decimal arithmetic; policy numbers come
-- from vbp.parameter / vbp.agreed_ratio_rule / vbp.credit_threshold.
-- =====================================================================

CREATE FUNCTION vbp.time_progress(cycle_start date, cycle_end date, as_of date) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_time_progress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.time_progress(date, date, date) IS
  'Time progress (序时进度) of a cycle on a date: (as_of - start + 1) / (end - start + 1), clipped to [0, 1]';

CREATE FUNCTION vbp.fulfilment_status(completion numeric, time_progress numeric, lagging_factor numeric) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_fulfilment_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.fulfilment_status(numeric, numeric, numeric) IS
  'Fulfilment status (履约状态): completed if completion >= 1, on_track if >= time progress, lagging if >= factor x time progress, else severely_lagging';
CREATE FUNCTION vbp.fulfilment_status(completion numeric, time_progress numeric) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT vbp.fulfilment_status(completion, time_progress, vbp.param(vbp.report_rule_set(), 'lagging_factor'));
END;
COMMENT ON FUNCTION vbp.fulfilment_status(numeric, numeric) IS
  'Fulfilment status (履约状态) with the lagging factor (parameter lagging_factor, 0.8) of the rule set vbp.report_rule_set()';

CREATE FUNCTION vbp.agreed_ratio(ratio_rule_set text, category text, winners int)
  RETURNS TABLE (ratio numeric, cycle_years int)
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT r.ratio, r.cycle_years FROM vbp.agreed_ratio_rule r
  WHERE r.rule_set = agreed_ratio.ratio_rule_set AND r.category = agreed_ratio.category
    AND agreed_ratio.winners >= r.winners_min AND (r.winners_max IS NULL OR agreed_ratio.winners <= r.winners_max);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no agreed-ratio rule for % winners (category %) in agreed-ratio rule set "%"', winners, category, ratio_rule_set
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'See vbp.agreed_ratio_rule; categories are standard and anti_infective.';
  END IF;
END $$;
COMMENT ON FUNCTION vbp.agreed_ratio(text, text, int) IS
  'Agreed-volume ratio and cycle years (约定采购比例) for a number of winners and category under an agreed-ratio rule set (vbp.agreed_ratio_rule, e.g. batch7, as vbp.batch.ratio_rule_set names)';

CREATE FUNCTION vbp.agreed_volume(reported bigint, ratio numeric) RETURNS bigint
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF reported < 0 OR ratio < 0 OR ratio > 1 THEN
    RAISE EXCEPTION 'reported volume % and ratio % must be non-negative, the ratio at most 1', reported, ratio
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN round(reported * ratio)::bigint;
END $$;
COMMENT ON FUNCTION vbp.agreed_volume(bigint, numeric) IS
  'Agreed volume (约定采购量) = round(ratio x reported volume), half away from zero, in whole units';

-- A province's agreed volume shared among its institutions (省级约定采购量分配)
CREATE FUNCTION vbp.allocate_province_volume(batch int, province text DEFAULT NULL, grp vbp.drugcode DEFAULT NULL,
                                             cycle_year int DEFAULT NULL)
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  n bigint := 0;
  k bigint;
  d record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.batch b WHERE b.batch_id = allocate_province_volume.batch) THEN
    RAISE EXCEPTION 'batch % does not exist', batch USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- hand-entered agreements (derived = false) keep their volume and take it
  -- out of the province's; the rest is shared in proportion to each report
  -- (the reported volume, or the baseline of an institution that did not
  -- report), in whole units by largest remainder (vbp.apportion on the units
  -- counted as fen), ties to the larger report, then the smaller code
  FOR d IN
    WITH w AS (
      SELECT pr.group_code, max(s.winners) AS winners
      FROM vbp.selection s JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) s.product_code
      WHERE s.batch_id = allocate_province_volume.batch AND s.selected
      GROUP BY pr.group_code
    ), r AS (
      SELECT pa.batch_id, pa.province, pa.group_code, pa.cycle_year, pa.agreed_volume AS total, v.org_code,
             CASE WHEN h.org_code IS NULL THEN coalesce(v.reported_volume, v.baseline_volume) ELSE 0 END AS weight,
             h.agreed_volume AS fixed
      FROM vbp.province_agreement pa
      JOIN vbp.volume_report v ON v.batch_id = pa.batch_id AND v.group_code OPERATOR(vbp.=) pa.group_code
                              AND v.cycle_year = pa.cycle_year AND vbp.province(v.org_code) = pa.province
      LEFT JOIN vbp.agreement h ON h.batch_id = v.batch_id AND h.org_code OPERATOR(vbp.=) v.org_code
                               AND h.group_code OPERATOR(vbp.=) v.group_code AND h.cycle_year = v.cycle_year AND NOT h.derived
      WHERE pa.batch_id = allocate_province_volume.batch
        AND (allocate_province_volume.province IS NULL OR pa.province = allocate_province_volume.province)
        AND (allocate_province_volume.grp IS NULL OR pa.group_code OPERATOR(vbp.=) allocate_province_volume.grp)
        AND (allocate_province_volume.cycle_year IS NULL OR pa.cycle_year = allocate_province_volume.cycle_year)
    ), rest AS (
      SELECT r.*, r.total - coalesce(sum(r.fixed) OVER c, 0) AS remaining, sum(r.weight) OVER c AS weights
      FROM r WINDOW c AS (PARTITION BY r.province, r.group_code, r.cycle_year)
    )
    SELECT x.*, b.cycle_start AS batch_start, coalesce(ru.cycle_years, 1) AS cycle_years,
           CASE WHEN x.remaining >= 0 AND (x.weights > 0 OR x.remaining = 0)
                THEN vbp.fen(vbp.apportion((x.remaining::numeric / 100)::vbp.cny, CASE WHEN x.weights > 0 THEN x.weight ELSE 1 END)
                               OVER (PARTITION BY x.province, x.group_code, x.cycle_year ORDER BY x.org_code)) END AS share
    FROM rest x
    JOIN vbp.batch b ON b.batch_id = x.batch_id
    JOIN vbp.generic_group g ON g.group_code OPERATOR(vbp.=) x.group_code
    LEFT JOIN w ON w.group_code OPERATOR(vbp.=) x.group_code
    LEFT JOIN LATERAL vbp.agreed_ratio(b.ratio_rule_set, CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END,
                                       w.winners) ru ON true
    ORDER BY x.province, x.group_code, x.cycle_year, x.org_code
  LOOP
    IF d.remaining < 0 THEN
      RAISE EXCEPTION 'agreements entered by hand exceed the agreed volume of province % for group % in year %', d.province, d.group_code, d.cycle_year
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('The province''s volume is %s; the hand-entered agreements hold %s.', d.total, d.total - d.remaining);
    ELSIF d.share IS NULL THEN
      RAISE EXCEPTION 'province % has no volume report to share its agreed volume of group % in year % by', d.province, d.group_code, d.cycle_year
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('%s units to share; every report of the province is 0 or entered by hand.', d.remaining);
    ELSIF d.cycle_year > d.cycle_years THEN
      RAISE EXCEPTION 'province % has an agreed volume of group % for year % of a %-year cycle', d.province, d.group_code, d.cycle_year, d.cycle_years
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    CONTINUE WHEN d.fixed IS NOT NULL;
    INSERT INTO vbp.agreement AS a (batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end, derived)
    VALUES (d.batch_id, d.org_code, d.group_code, d.cycle_year, d.share,
            (d.batch_start + make_interval(years => d.cycle_year - 1))::date,
            (d.batch_start + make_interval(years => d.cycle_year) - interval '1 day')::date, true)
    ON CONFLICT ON CONSTRAINT agreement_pkey DO UPDATE
      SET agreed_volume = excluded.agreed_volume, cycle_start = excluded.cycle_start, cycle_end = excluded.cycle_end
      WHERE a.derived AND (a.agreed_volume, a.cycle_start, a.cycle_end) IS DISTINCT FROM (excluded.agreed_volume, excluded.cycle_start, excluded.cycle_end);
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END LOOP;
  RETURN n;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.allocate_province_volume(int, text, vbp.drugcode, int) FROM PUBLIC;
COMMENT ON FUNCTION vbp.allocate_province_volume(int, text, vbp.drugcode, int) IS
  'Allocates the agreed volume a province was given (vbp.province_agreement, 省级约定采购量分配) to the institutions of the province that reported for the group and year (optionally one province, group or year): hand-entered agreements keep their volume and take it out of the province''s; the rest is shared in proportion to each report (the reported volume, or the baseline of an institution that did not report) in whole units by largest remainder, so the shares add up to the province''s volume exactly; ties to the larger report, then the smaller institution code; 22023 when hand-entered agreements exceed the province''s volume, when nothing is left to share by, or for a year beyond the cycle; returns agreements written';

-- A group's agreement split among its selected products (按厂牌约定采购量)
CREATE FUNCTION vbp.split_product_agreements(batch int, org vbp.orgcode DEFAULT NULL, grp vbp.drugcode DEFAULT NULL)
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  n bigint;
  missing record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.batch b WHERE b.batch_id = split_product_agreements.batch AND b.volume_basis = 'product') THEN
    RAISE EXCEPTION 'batch % does not report volumes per product', batch
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'vbp.batch.volume_basis is product for a batch reporting per product (按厂牌).';
  END IF;
  -- a product report names a product of its group selected in the batch
  SELECT r.org_code, r.product_code, r.group_code INTO missing
  FROM vbp.product_volume_report r
  LEFT JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) r.product_code
  LEFT JOIN vbp.selection s ON s.batch_id = r.batch_id AND s.product_code OPERATOR(vbp.=) r.product_code
  WHERE r.batch_id = split_product_agreements.batch
    AND (split_product_agreements.org IS NULL OR r.org_code OPERATOR(vbp.=) split_product_agreements.org)
    AND (split_product_agreements.grp IS NULL OR r.group_code OPERATOR(vbp.=) split_product_agreements.grp)
    AND (s.selected IS NOT TRUE OR pr.group_code OPERATOR(vbp.<>) r.group_code)
  ORDER BY 1, 2 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'institution % reported a volume for product %, which is not a selected product of group % in batch %',
                    missing.org_code, missing.product_code, missing.group_code, batch
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- an agreement without product reports (or with only zeros) goes to the
  -- province's primary supplier, which must be known
  SELECT a.org_code, a.group_code, a.cycle_year INTO missing
  FROM vbp.agreement a
  WHERE a.batch_id = split_product_agreements.batch
    AND (split_product_agreements.org IS NULL OR a.org_code OPERATOR(vbp.=) split_product_agreements.org)
    AND (split_product_agreements.grp IS NULL OR a.group_code OPERATOR(vbp.=) split_product_agreements.grp)
    AND NOT EXISTS (SELECT FROM vbp.product_volume_report r
                    WHERE r.batch_id = a.batch_id AND r.org_code OPERATOR(vbp.=) a.org_code AND r.group_code OPERATOR(vbp.=) a.group_code
                      AND r.cycle_year = a.cycle_year AND r.reported_volume > 0)
    AND NOT EXISTS (SELECT FROM vbp.province_supplier ps
                    WHERE ps.batch_id = a.batch_id AND ps.province = vbp.province(a.org_code) AND ps.group_code OPERATOR(vbp.=) a.group_code)
  ORDER BY a.org_code, a.group_code, a.cycle_year LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'institution % named no product of group % in year % and province % has no primary supplier', missing.org_code,
                    missing.group_code, missing.cycle_year, vbp.province(missing.org_code)
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Record the province''s primary supplier (主供企业) in vbp.province_supplier, or the institution''s product reports in vbp.product_volume_report.';
  END IF;
  DELETE FROM vbp.product_agreement pa
  WHERE pa.batch_id = split_product_agreements.batch
    AND (split_product_agreements.org IS NULL OR pa.org_code OPERATOR(vbp.=) split_product_agreements.org)
    AND (split_product_agreements.grp IS NULL OR pa.group_code OPERATOR(vbp.=) split_product_agreements.grp);
  -- shares in proportion to the product reports, whole units by largest remainder
  -- (vbp.apportion on units counted as fen), ties to the larger report, then the
  -- smaller product code; a product reported 0 gets 0 (a zero-volume winner)
  INSERT INTO vbp.product_agreement (batch_id, org_code, group_code, cycle_year, product_code, agreed_volume, basis)
  SELECT x.batch_id, x.org_code, x.group_code, x.cycle_year, x.product_code,
         vbp.fen(vbp.apportion((x.agreed_volume::numeric / 100)::vbp.cny, x.reported_volume)
                   OVER (PARTITION BY x.org_code, x.group_code, x.cycle_year ORDER BY x.product_code)),
         'reported'
  FROM (SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, a.agreed_volume, r.product_code, r.reported_volume,
               sum(r.reported_volume) OVER (PARTITION BY a.org_code, a.group_code, a.cycle_year) AS reported_sum
        FROM vbp.agreement a
        JOIN vbp.product_volume_report r ON r.batch_id = a.batch_id AND r.org_code OPERATOR(vbp.=) a.org_code
                                        AND r.group_code OPERATOR(vbp.=) a.group_code AND r.cycle_year = a.cycle_year
        WHERE a.batch_id = split_product_agreements.batch
          AND (split_product_agreements.org IS NULL OR a.org_code OPERATOR(vbp.=) split_product_agreements.org)
          AND (split_product_agreements.grp IS NULL OR a.group_code OPERATOR(vbp.=) split_product_agreements.grp)) x
  WHERE x.reported_sum > 0
  UNION ALL
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, ps.product_code, a.agreed_volume, 'primary_supplier'
  FROM vbp.agreement a
  JOIN vbp.province_supplier ps ON ps.batch_id = a.batch_id AND ps.province = vbp.province(a.org_code)
                               AND ps.group_code OPERATOR(vbp.=) a.group_code
  WHERE a.batch_id = split_product_agreements.batch
    AND (split_product_agreements.org IS NULL OR a.org_code OPERATOR(vbp.=) split_product_agreements.org)
    AND (split_product_agreements.grp IS NULL OR a.group_code OPERATOR(vbp.=) split_product_agreements.grp)
    AND NOT EXISTS (SELECT FROM vbp.product_volume_report r
                    WHERE r.batch_id = a.batch_id AND r.org_code OPERATOR(vbp.=) a.org_code AND r.group_code OPERATOR(vbp.=) a.group_code
                      AND r.cycle_year = a.cycle_year AND r.reported_volume > 0);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.split_product_agreements(int, vbp.orgcode, vbp.drugcode) FROM PUBLIC;
COMMENT ON FUNCTION vbp.split_product_agreements(int, vbp.orgcode, vbp.drugcode) IS
  'Splits the agreements of a batch reporting per product (按厂牌, optionally one institution or group) among the selected products (vbp.product_agreement): in proportion to the institution''s product reports, in whole units by largest remainder so the shares add up to the agreement exactly (a product reported 0 gets 0); an institution that named no product gives it all to the province''s primary supplier (主供企业, vbp.province_supplier), 22023 when there is none; returns product agreements written';

-- The group's report follows its product reports (sum and date)
CREATE FUNCTION vbp.sum_product_reports() RETURNS trigger
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  touched text;
BEGIN
  touched := concat_ws(' UNION ',
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN 'SELECT batch_id, org_code, group_code, cycle_year FROM changed_new' END,
    CASE WHEN TG_OP IN ('DELETE', 'UPDATE') THEN 'SELECT batch_id, org_code, group_code, cycle_year FROM changed_old' END);
  -- one UPDATE statement for every group report touched: its statement trigger
  -- then derives and splits the agreements again
  EXECUTE format($q$
    UPDATE vbp.volume_report v SET reported_volume = s.total, reported_on = s.last_on
    FROM (SELECT t.batch_id, t.org_code, t.group_code, t.cycle_year,
                 (SELECT sum(r.reported_volume)::bigint FROM vbp.product_volume_report r
                   WHERE r.batch_id = t.batch_id AND r.org_code OPERATOR(vbp.=) t.org_code
                     AND r.group_code OPERATOR(vbp.=) t.group_code AND r.cycle_year = t.cycle_year) AS total,
                 (SELECT max(r.reported_on) FROM vbp.product_volume_report r
                   WHERE r.batch_id = t.batch_id AND r.org_code OPERATOR(vbp.=) t.org_code
                     AND r.group_code OPERATOR(vbp.=) t.group_code AND r.cycle_year = t.cycle_year) AS last_on
          FROM (%s) t) s
    WHERE v.batch_id = s.batch_id AND v.org_code OPERATOR(vbp.=) s.org_code AND v.group_code OPERATOR(vbp.=) s.group_code
      AND v.cycle_year = s.cycle_year$q$, touched);
  RETURN NULL;
END $fn$;
COMMENT ON FUNCTION vbp.sum_product_reports() IS
  'Trigger: keeps a group''s volume report (vbp.volume_report.reported_volume and reported_on) equal to the sum and latest date of its product reports (vbp.product_volume_report), so the agreements are derived and split again';
CREATE TRIGGER sum_insert AFTER INSERT ON vbp.product_volume_report
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION vbp.sum_product_reports();
CREATE TRIGGER sum_update AFTER UPDATE ON vbp.product_volume_report
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION vbp.sum_product_reports();
CREATE TRIGGER sum_delete AFTER DELETE ON vbp.product_volume_report
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION vbp.sum_product_reports();

-- Agreements derived from the volume reports (约定采购量的生成), one per report:
-- a report of year k gives the agreement of year k of the cycle
CREATE FUNCTION vbp.derive_agreements(batch int, org vbp.orgcode DEFAULT NULL, grp vbp.drugcode DEFAULT NULL)
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  n bigint := 0;
  k bigint;
  d record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.batch b WHERE b.batch_id = derive_agreements.batch) THEN
    RAISE EXCEPTION 'batch % does not exist', batch USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- one row per report of a group the batch selected; the winners and the
  -- category pick the ratio and cycle years (vbp.agreed_ratio raises when no
  -- rule fits); a non-reporting institution is assigned from its baseline
  FOR d IN
    WITH w AS (
      SELECT pr.group_code, max(s.winners) AS winners
      FROM vbp.selection s JOIN vbp.product pr ON pr.product_code OPERATOR(vbp.=) s.product_code
      WHERE s.batch_id = derive_agreements.batch AND s.selected
      GROUP BY pr.group_code
    )
    SELECT v.batch_id, v.org_code, v.group_code, v.cycle_year,
           vbp.agreed_volume(coalesce(v.reported_volume, v.baseline_volume), ru.ratio) AS agreed_volume,
           -- year k of the cycle: from the cycle start plus k - 1 years, one year long
           (b.cycle_start + make_interval(years => v.cycle_year - 1))::date AS cycle_start,
           (b.cycle_start + make_interval(years => v.cycle_year) - interval '1 day')::date AS cycle_end,
           coalesce(ru.cycle_years, 1) AS cycle_years
    FROM vbp.volume_report v
    JOIN vbp.batch b ON b.batch_id = v.batch_id
    JOIN vbp.generic_group g ON g.group_code OPERATOR(vbp.=) v.group_code
    JOIN w ON w.group_code OPERATOR(vbp.=) v.group_code
    CROSS JOIN LATERAL vbp.agreed_ratio(b.ratio_rule_set, CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END, w.winners) ru
    WHERE v.batch_id = derive_agreements.batch
      AND (derive_agreements.org IS NULL OR v.org_code OPERATOR(vbp.=) derive_agreements.org)
      AND (derive_agreements.grp IS NULL OR v.group_code OPERATOR(vbp.=) derive_agreements.grp)
      -- a province whose volume the office fixed is allocated below instead
      AND NOT EXISTS (SELECT FROM vbp.province_agreement pa
                      WHERE pa.batch_id = v.batch_id AND pa.province = vbp.province(v.org_code)
                        AND pa.group_code OPERATOR(vbp.=) v.group_code AND pa.cycle_year = v.cycle_year)
    ORDER BY v.org_code, v.group_code, v.cycle_year
  LOOP
    IF d.cycle_year > d.cycle_years THEN
      RAISE EXCEPTION 'volume report of institution % for group % is for year % of a %-year cycle', d.org_code, d.group_code, d.cycle_year, d.cycle_years
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('Batch %s gives the group %s year(s) by its agreed-ratio rule set.', d.batch_id, d.cycle_years),
              HINT = 'A year beyond the cycle belongs to a renewal, recorded as a new batch.';
    END IF;
    INSERT INTO vbp.agreement AS a (batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end, derived)
    VALUES (d.batch_id, d.org_code, d.group_code, d.cycle_year, d.agreed_volume, d.cycle_start, d.cycle_end, true)
    ON CONFLICT (batch_id, org_code, group_code, cycle_year) DO UPDATE
      SET agreed_volume = excluded.agreed_volume, cycle_start = excluded.cycle_start, cycle_end = excluded.cycle_end
      WHERE a.derived AND (a.agreed_volume, a.cycle_start, a.cycle_end) IS DISTINCT FROM (excluded.agreed_volume, excluded.cycle_start, excluded.cycle_end);
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END LOOP;
  -- the provinces with a fixed volume among the reports asked for: the whole
  -- province is allocated again, since each share depends on every report
  FOR d IN
    SELECT DISTINCT pa.province, pa.group_code, pa.cycle_year
    FROM vbp.province_agreement pa
    JOIN vbp.volume_report v ON v.batch_id = pa.batch_id AND v.group_code OPERATOR(vbp.=) pa.group_code
                            AND v.cycle_year = pa.cycle_year AND vbp.province(v.org_code) = pa.province
    WHERE pa.batch_id = derive_agreements.batch
      AND (derive_agreements.org IS NULL OR v.org_code OPERATOR(vbp.=) derive_agreements.org)
      AND (derive_agreements.grp IS NULL OR v.group_code OPERATOR(vbp.=) derive_agreements.grp)
    ORDER BY 1, 2, 3
  LOOP
    n := n + vbp.allocate_province_volume(batch, d.province, d.group_code, d.cycle_year);
  END LOOP;
  -- a batch reporting per product (按厂牌): each agreement split among its products
  IF (SELECT b.volume_basis FROM vbp.batch b WHERE b.batch_id = derive_agreements.batch) = 'product' THEN
    n := n + vbp.split_product_agreements(batch, org, grp);
  END IF;
  RETURN n;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.derive_agreements(int, vbp.orgcode, vbp.drugcode) FROM PUBLIC;
COMMENT ON FUNCTION vbp.derive_agreements(int, vbp.orgcode, vbp.drugcode) IS
  'Derives agreements (生成约定采购量) of a batch (optionally one institution or group) from the volume reports, one per report and cycle year: agreed volume = round(ratio x reported volume, or the baseline when not reported), the ratio and cycle years by the batch''s agreed-ratio rule set for the group''s winners and category; year k runs from the batch''s cycle start plus k - 1 years for one year; a report for a year beyond the cycle is refused (22023); where the office fixed a province''s volume (vbp.province_agreement) the province''s reports are allocated it by vbp.allocate_province_volume instead; in a batch reporting per product each agreement is then split among its products (vbp.split_product_agreements); hand-entered agreements (derived = false) are never overwritten; returns rows written';

-- The next year of multi-year cycles (年度约定采购量重置)
CREATE FUNCTION vbp.open_cycle_year(batch int, cycle_year int, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  basis text := vbp.param_choice(open_cycle_year.rule_set, 'annual_volume_basis', '{previous_use,report}');
  unfinished record;
  n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.batch b WHERE b.batch_id = open_cycle_year.batch) THEN
    RAISE EXCEPTION 'batch % does not exist', batch USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF open_cycle_year.cycle_year IS NULL OR open_cycle_year.cycle_year NOT BETWEEN 2 AND 10 THEN
    RAISE EXCEPTION 'cycle year must be between 2 and 10, not %', open_cycle_year.cycle_year
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Year 1 comes from the volume reports made before the batch.';
  END IF;
  -- the previous year's use is known only once that year has ended
  SELECT a.cycle_end INTO unfinished FROM vbp.agreement a
  WHERE a.batch_id = open_cycle_year.batch AND a.cycle_year = open_cycle_year.cycle_year - 1 AND a.cycle_end >= current_date
  ORDER BY a.cycle_end LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'year % of batch % has not ended', open_cycle_year.cycle_year - 1, batch
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('An agreement of that year runs until %s, so the year''s use is not known yet.', unfinished.cycle_end);
  END IF;
  -- year k's report of every year k-1 agreement whose cycle has a year k:
  -- baseline = the group's units bought in year k-1 (all products, returns netted)
  INSERT INTO vbp.volume_report AS v (batch_id, org_code, group_code, cycle_year, baseline_volume, reported_volume, signed_off, reported_on)
  SELECT ap.batch_id, ap.org_code, ap.group_code, open_cycle_year.cycle_year, greatest(ap.all_units, 0),
         CASE basis WHEN 'previous_use' THEN greatest(ap.all_units, 0) END,
         true,   -- set from the use by the procurement office; nothing for the leadership to sign
         CASE basis WHEN 'previous_use' THEN ap.cycle_end + 1 END
  FROM vbp.agreement_purchases('infinity', NULL) ap
  JOIN vbp.batch b ON b.batch_id = ap.batch_id
  JOIN vbp.generic_group g ON g.group_code OPERATOR(vbp.=) ap.group_code
  CROSS JOIN LATERAL (SELECT max(s.winners) AS winners FROM vbp.selection s JOIN vbp.product pr USING (product_code)
                      WHERE s.batch_id = ap.batch_id AND s.selected AND pr.group_code OPERATOR(vbp.=) ap.group_code) w
  CROSS JOIN LATERAL vbp.agreed_ratio(b.ratio_rule_set, CASE WHEN g.anti_infective THEN 'anti_infective' ELSE 'standard' END, w.winners) ru
  WHERE ap.batch_id = open_cycle_year.batch AND ap.cycle_year = open_cycle_year.cycle_year - 1
    AND coalesce(ru.cycle_years, 1) >= open_cycle_year.cycle_year
    AND vbp.known_rule_set(open_cycle_year.rule_set)
  ORDER BY ap.org_code, ap.group_code
  ON CONFLICT ON CONSTRAINT volume_report_pkey DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.open_cycle_year(int, int, text) FROM PUBLIC;
COMMENT ON FUNCTION vbp.open_cycle_year(int, int, text) IS
  'Opens year k (2 or 3) of the multi-year cycles of a batch (年度约定采购量重置): for every agreement of year k - 1 whose cycle has a year k, a volume report of year k with baseline = the group''s units bought in year k - 1 (all products, returns netted) and, by parameter annual_volume_basis, reported volume = that use (previous_use) or none until the institution reports (report); derived agreements follow (ratio x volume); refused (55000) while year k - 1 has not ended; existing reports are kept; returns reports created';

CREATE FUNCTION vbp.rederive_agreements() RETURNS trigger
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
BEGIN
  -- a corrected report re-derives its derived agreement; a new report of a
  -- batch whose agreements were derived gets its own
  -- (a statement of many reports re-derives its batch once)
  FOR r IN SELECT n.batch_id, CASE WHEN count(DISTINCT (n.org_code, n.group_code)) = 1 THEN (array_agg(n.org_code))[1] END AS org,
                  CASE WHEN count(DISTINCT (n.org_code, n.group_code)) = 1 THEN (array_agg(n.group_code))[1] END AS grp
           FROM new_reports n
           WHERE EXISTS (SELECT 1 FROM vbp.agreement a WHERE a.batch_id = n.batch_id AND a.derived
                         AND (TG_OP = 'INSERT' OR (a.org_code OPERATOR(vbp.=) n.org_code AND a.group_code OPERATOR(vbp.=) n.group_code)))
           GROUP BY n.batch_id LOOP
    PERFORM vbp.derive_agreements(r.batch_id, r.org, r.grp);
  END LOOP;
  RETURN NULL;
END $fn$;
COMMENT ON FUNCTION vbp.rederive_agreements() IS
  'Trigger: re-derives the derived agreements of volume reports inserted or corrected (statement level, over the new rows)';
CREATE FUNCTION vbp.reallocate_province_volumes() RETURNS trigger
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
  touched text;
BEGIN
  -- a province's volume set, changed or removed: the group's agreements of the
  -- batch are derived again (allocated where a province has a volume, from the
  -- ratio elsewhere), in batches whose agreements are derived
  touched := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN 'SELECT batch_id, group_code FROM changed_new' END,
    CASE WHEN TG_OP IN ('DELETE', 'UPDATE') THEN 'SELECT batch_id, group_code FROM changed_old' END);
  FOR r IN EXECUTE format('SELECT DISTINCT c.batch_id, c.group_code FROM (%s) c
                           WHERE EXISTS (SELECT 1 FROM vbp.agreement a WHERE a.batch_id = c.batch_id AND a.derived)
                           ORDER BY 1, 2', touched) LOOP
    PERFORM vbp.derive_agreements(r.batch_id, NULL, r.group_code);
  END LOOP;
  RETURN NULL;
END $fn$;
COMMENT ON FUNCTION vbp.reallocate_province_volumes() IS
  'Trigger: derives again the agreements of the generic groups whose province-level volume (vbp.province_agreement) was inserted, changed or deleted (statement level), in batches whose agreements are derived';
CREATE TRIGGER reallocate_insert AFTER INSERT ON vbp.province_agreement
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION vbp.reallocate_province_volumes();
CREATE TRIGGER reallocate_update AFTER UPDATE ON vbp.province_agreement
  REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION vbp.reallocate_province_volumes();
CREATE TRIGGER reallocate_delete AFTER DELETE ON vbp.province_agreement
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION vbp.reallocate_province_volumes();

CREATE TRIGGER rederive_agreements_insert AFTER INSERT ON vbp.volume_report
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION vbp.rederive_agreements();
CREATE TRIGGER rederive_agreements_update AFTER UPDATE ON vbp.volume_report
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION vbp.rederive_agreements();

CREATE FUNCTION vbp.price_cut(reference_price numeric, selected_price numeric) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_price_cut' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_cut(numeric, numeric) IS
  'Price cut (降幅) of a selected product: 1 - selected / reference price, on the same unit, exactly as numeric division and subtraction give it; 22023 unless reference > 0 and selected >= 0';

-- aggregate over (reference price, selected price, volume): both cuts at once, summed in C
-- (128-bit decimals equal to numeric's results, numeric itself for what does not fit)
CREATE TYPE vbp.price_cut_summary AS (unweighted numeric, volume_weighted numeric, n bigint);
COMMENT ON TYPE vbp.price_cut_summary IS
  'Unweighted mean cut and volume-weighted cut 1 - sum(P_sel Q) / sum(P_ref Q) over n rows (平均降幅)';
CREATE FUNCTION vbp.price_cuts_accum(bytea, numeric, numeric, numeric) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_price_cuts_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_cuts_accum(bytea, numeric, numeric, numeric) IS
  'Transition function of price_cuts: adds one product''s cut, reference x volume and selected x volume (rows with a NULL are skipped; 22023 for prices price_cut refuses) to the state, a bytea updated in place in an aggregate (a copy when called on a value); 22P03 for a bytea that is not such a state';
CREATE FUNCTION vbp.price_cuts_combine(bytea, bytea) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_price_cuts_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_cuts_combine(bytea, bytea) IS
  'Combine function of price_cuts: adds two partial states (parallel workers, partitions, Citus workers: the state is an ordinary bytea, shipped as it is)';
CREATE FUNCTION vbp.price_cuts_final(bytea) RETURNS vbp.price_cut_summary
  AS 'MODULE_PATHNAME', 'pgvbp_price_cuts_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_cuts_final(bytea) IS
  'Final function of price_cuts: unweighted mean cut and volume-weighted cut; NULL for no rows';

CREATE AGGREGATE vbp.price_cuts(reference_price numeric, selected_price numeric, volume numeric) (
  SFUNC = vbp.price_cuts_accum, STYPE = bytea, FINALFUNC = vbp.price_cuts_final,
  COMBINEFUNC = vbp.price_cuts_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.price_cuts(numeric, numeric, numeric) IS
  'Price cuts over (reference price, selected price, volume): the unweighted mean of 1 - P_sel / P_ref and the volume-weighted 1 - sum(P_sel Q) / sum(P_ref Q) (平均降幅 / 加权降幅), exact numeric; parallel-safe with a combine function over a bytea state (128-bit sums in place, numeric beyond), so parallel workers and Citus workers compute partial states';

CREATE FUNCTION vbp.payment_standard(price numeric, selected_price numeric, year int,
                                     consistency_evaluated boolean, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS numeric
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  multiple numeric;
  cut numeric;
  years numeric;
  target numeric;
BEGIN
  -- positive finite numbers (NaN compares above every number, so it is tested apart)
  IF NOT (price > 0 AND price < 'Infinity') OR NOT (selected_price > 0 AND selected_price < 'Infinity') OR year < 0 THEN
    RAISE EXCEPTION 'prices must be positive and the year not negative (price %, selected %, year %)', price, selected_price, year
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A price is a positive finite number; NaN and infinity are none.';
  END IF;
  multiple := vbp.param(rule_set, 'payment_standard_multiple');
  cut := vbp.param(rule_set, 'payment_standard_cut');
  years := vbp.param(rule_set, 'payment_standard_phase_years');
  IF years <= 0 THEN
    RAISE EXCEPTION 'payment_standard_phase_years of rule set "%" must be positive', rule_set
      USING ERRCODE = 'invalid_parameter_value', DETAIL = format('It is %s.', years);
  END IF;
  -- the target is a cut of the price: a standard never rises above the price, nor
  -- falls below nothing
  IF NOT (cut > 0 AND cut <= 1) THEN
    RAISE EXCEPTION 'payment_standard_cut of rule set "%" must be above 0 and at most 1', rule_set
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('It is %s; the target is that fraction of the price, and a standard is never set above the price.', cut);
  END IF;
  IF NOT (multiple > 0) THEN
    RAISE EXCEPTION 'payment_standard_multiple of rule set "%" must be positive', rule_set
      USING ERRCODE = 'invalid_parameter_value', DETAIL = format('It is %s.', multiple);
  END IF;
  -- generics without consistency evaluation: at most the selected price at once
  IF NOT consistency_evaluated THEN
    RETURN round(least(price, selected_price), 6);
  END IF;
  target := CASE WHEN price > multiple * selected_price THEN cut * price ELSE least(price, selected_price) END;
  -- multiply before dividing, and to the 6 decimals of a unit price: year 1 of 3 from
  -- 3.00 to 2.10 is 3.00 - 0.90 x 1 / 3 = 2.700000, not 2.700000000000000000003
  RETURN round(price - (price - target) * least(year, years) / years, 6);
END $$;
COMMENT ON FUNCTION vbp.payment_standard(numeric, numeric, int, boolean, text) IS
  'Payment standard (支付标准, 医保发〔2019〕18号) in year k of the phase-in: target T = 0.7 x price above 2 x the selected price, else the selected price (never above the price); S_k = P - (P - T) x min(k, N) / N, rounded to 6 decimals; generics without consistency evaluation get at most the selected price at once; pass true for originators and evaluated generics';

CREATE FUNCTION vbp.payment_standard_scheduled(price numeric, selected_price numeric, year int, schedule text)
  RETURNS numeric
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  st vbp.payment_standard_step;
BEGIN
  IF NOT (price > 0 AND price < 'Infinity') OR NOT (selected_price > 0 AND selected_price < 'Infinity') OR year < 0 THEN
    RAISE EXCEPTION 'prices must be positive and the year not negative (price %, selected %, year %)', price, selected_price, year
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A price is a positive finite number; NaN and infinity are none.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM vbp.payment_standard_step s WHERE s.schedule = payment_standard_scheduled.schedule) THEN
    RAISE EXCEPTION 'unknown payment-standard schedule "%"', schedule
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Schedules are in vbp.payment_standard_step: ' ||
                   (SELECT string_agg(DISTINCT s.schedule, ', ') FROM vbp.payment_standard_step s) || '.';
  END IF;
  IF year = 0 THEN
    RETURN round(price, 6);
  END IF;
  -- the step of the year, or the last one before it
  SELECT * INTO st FROM vbp.payment_standard_step s
  WHERE s.schedule = payment_standard_scheduled.schedule AND s.year <= payment_standard_scheduled.year
  ORDER BY s.year DESC LIMIT 1;
  IF NOT FOUND THEN
    RETURN round(price, 6);
  END IF;
  RETURN round(least(price, CASE WHEN st.not_below_selected
                                 THEN greatest(selected_price, st.price_weight * price + st.selected_weight * selected_price)
                                 ELSE st.price_weight * price + st.selected_weight * selected_price END), 6);
END $$;
COMMENT ON FUNCTION vbp.payment_standard_scheduled(numeric, numeric, int, text) IS
  'Payment standard (支付标准) in year k of a schedule of steps (vbp.payment_standard_step): price_weight x P + selected_weight x P_sel of the year''s step (or the last before it), at least P_sel where the step says so, never above P, to 6 decimals; year 0 is the price; 22023 for an unknown schedule';

CREATE FUNCTION vbp.listed_price_ok(listed_price numeric, winning_price numeric, rule_set text DEFAULT vbp.report_rule_set())
  RETURNS boolean
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  IF NOT (listed_price > 0 AND listed_price < 'Infinity') OR NOT (winning_price > 0 AND winning_price < 'Infinity') THEN
    RAISE EXCEPTION 'prices must be positive (listed %, winning %)', listed_price, winning_price
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A price is a positive finite number; NaN and infinity are none.';
  END IF;
  RETURN listed_price <= winning_price * vbp.param(rule_set, 'listed_price_cap');
END $$;
COMMENT ON FUNCTION vbp.listed_price_ok(numeric, numeric, text) IS
  'Whether a listed price outside the supply region is within the cap (挂网价 <= 1.5 x 中选价, batches 8-9); 22023 for a price that is not a positive finite number';

CREATE FUNCTION vbp.credit_level(cumulative vbp.cny, single vbp.cny, rule_set text DEFAULT vbp.report_rule_set()) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- the threshold rule set the rule set names, looked up once
  WITH s AS MATERIALIZED (SELECT vbp.param_text(credit_level.rule_set, 'credit_threshold_rule_set') AS bands)
  -- each criterion on its own bands: the band it falls in, or unclassified above every
  -- band of its basis; then the more severe of the two (unclassified the most)
  SELECT y.level
  FROM s
  CROSS JOIN LATERAL (
        SELECT coalesce(
                 (SELECT t.level FROM vbp.credit_threshold t
                  WHERE t.rule_set = s.bands AND t.basis = x.basis
                    AND x.amount >= t.min_amount AND (t.max_amount IS NULL OR x.amount < t.max_amount)
                  ORDER BY t.min_amount DESC LIMIT 1),
                 (SELECT 'unclassified' FROM vbp.credit_threshold t
                  WHERE t.rule_set = s.bands AND t.basis = x.basis AND x.amount >= t.min_amount
                  LIMIT 1)) AS level
        FROM (VALUES ('cumulative', credit_level.cumulative), ('single', credit_level.single)) x(basis, amount)) y
  LEFT JOIN vbp.credit_level_rank r ON r.rule_set = s.bands AND r.level = y.level
  WHERE y.level IS NOT NULL
  ORDER BY y.level = 'unclassified' DESC, r.severity DESC NULLS LAST
  LIMIT 1;
END;
COMMENT ON FUNCTION vbp.credit_level(vbp.cny, vbp.cny, text) IS
  'Credit-rating level (信用评价等级) of a company from the cumulative amount of kickbacks in one case and the largest single payment within the look-back window, by the vbp.credit_threshold rule set that parameter credit_threshold_rule_set of the rule set names (2020): each amount on its own basis''s bands (unclassified above every band of its basis), then the more severe of the two by vbp.credit_level_rank (unclassified the most); NULL below every threshold (only 一般 is published for 2020; add the higher levels as rows)';
