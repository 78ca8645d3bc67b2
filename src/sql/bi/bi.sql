\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Materialized views for BI: the report views stored, each
-- with a unique index so vbp.refresh_reports() can refresh it CONCURRENTLY
-- (readers keep reading the old rows meanwhile).  Created empty: run
-- SELECT * FROM vbp.refresh_reports() once, and after a restore.  The
-- reporting date is the refreshing session's vbp.report_date().
-- =====================================================================

CREATE MATERIALIZED VIEW vbp.bi_fulfilment AS SELECT * FROM vbp.fulfilment WITH NO DATA;
CREATE UNIQUE INDEX bi_fulfilment_key ON vbp.bi_fulfilment (batch_id, org_code, group_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_fulfilment IS
  'Fulfilment (履约进度) stored for BI: vbp.fulfilment as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_report_credibility AS SELECT * FROM vbp.report_credibility WITH NO DATA;
CREATE UNIQUE INDEX bi_report_credibility_key ON vbp.bi_report_credibility (batch_id, org_code, group_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_report_credibility IS
  'Volume-report credibility (报量可信度) stored for BI: vbp.report_credibility as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_batch_summary AS SELECT * FROM vbp.batch_summary WITH NO DATA;
CREATE UNIQUE INDEX bi_batch_summary_key ON vbp.bi_batch_summary (batch_id);
COMMENT ON MATERIALIZED VIEW vbp.bi_batch_summary IS
  'Batch summary (批次汇总) stored for BI: vbp.batch_summary as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_retention_statement AS SELECT * FROM vbp.retention_statement WITH NO DATA;
CREATE UNIQUE INDEX bi_retention_statement_key ON vbp.bi_retention_statement (batch_id, org_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_retention_statement IS
  'Retention statement (结余留用测算) stored for BI: vbp.retention_statement as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_price_benchmark AS SELECT * FROM vbp.price_benchmark WITH NO DATA;
CREATE UNIQUE INDEX bi_price_benchmark_key ON vbp.bi_price_benchmark (month, group_code, org_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_price_benchmark IS
  'Price benchmark (价格对标) stored for BI: vbp.price_benchmark as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary AS SELECT * FROM vbp.nrdl_stocking_summary WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_stocking_summary_key ON vbp.bi_nrdl_stocking_summary (version_id, scope, key);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary IS
  'Negotiated-drug stocking rates (谈判药品配备率) stored for BI: vbp.nrdl_stocking_summary as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_monitoring AS SELECT * FROM vbp.nrdl_monitoring WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_monitoring_key ON vbp.bi_nrdl_monitoring (province, month);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_monitoring IS
  'Negotiated-drug monitoring (谈判药品落地监测) stored for BI: vbp.nrdl_monitoring as of the last vbp.refresh_reports()';

-- built on two of the above, so refreshed after them
CREATE MATERIALIZED VIEW vbp.bi_institution_scorecard AS
  SELECT f.batch_id, f.org_code, f.cycle_year, count(*) AS agreements,
         count(*) FILTER (WHERE f.status = 'completed') AS completed,
         count(*) FILTER (WHERE f.status = 'on_track') AS on_track,
         count(*) FILTER (WHERE f.status = 'lagging') AS lagging,
         count(*) FILTER (WHERE f.status = 'severely_lagging') AS severely_lagging,
         count(*) FILTER (WHERE NOT f.prefers_selected) AS not_preferring_selected,
         count(*) FILTER (WHERE f.paid_on_time < f.payments_due) AS late_payment,
         coalesce(max(r.reports), 0) AS reports, coalesce(max(r.not_reported), 0) AS not_reported,
         coalesce(max(r.under_reported), 0) AS under_reported, coalesce(max(r.anomalous), 0) AS anomalous
  FROM vbp.bi_fulfilment f
  LEFT JOIN (SELECT c.batch_id, c.org_code, c.cycle_year, count(*) AS reports, count(*) FILTER (WHERE c.not_reported) AS not_reported,
                    count(*) FILTER (WHERE c.under_reported) AS under_reported, count(*) FILTER (WHERE c.anomalous) AS anomalous
             FROM vbp.bi_report_credibility c GROUP BY 1, 2, 3) r USING (batch_id, org_code, cycle_year)
  GROUP BY f.batch_id, f.org_code, f.cycle_year
WITH NO DATA;
CREATE UNIQUE INDEX bi_institution_scorecard_key ON vbp.bi_institution_scorecard (batch_id, org_code, cycle_year);
COMMENT ON MATERIALIZED VIEW vbp.bi_institution_scorecard IS
  'Scorecard of each institution, batch and cycle year (机构履约记分卡) for BI, from vbp.bi_fulfilment and vbp.bi_report_credibility: agreements by status, not preferring selected products, late payments, volume reports not made, under-reported and anomalous';

CREATE FUNCTION vbp.refresh_reports(concurrent boolean DEFAULT true)
  RETURNS TABLE (step int, matview regclass, mode text, milliseconds numeric)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  todo oid[];
  ready oid[];
  m oid;
  n int := 0;
  t0 timestamptz;
BEGIN
  SELECT array_agg(c.oid) INTO todo FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm';
  -- the materialized views each one reads, directly or through views
  CREATE TEMP TABLE IF NOT EXISTS vbp_refresh_needs (mv oid, needs oid) ON COMMIT DROP;
  TRUNCATE vbp_refresh_needs;
  INSERT INTO vbp_refresh_needs
  WITH RECURSIVE reads(mv, rel, depth) AS (
    SELECT rw.ev_class, d.refobjid, 1
    FROM pg_rewrite rw JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
    WHERE rw.ev_class = ANY (todo)
    UNION
    SELECT r.mv, d.refobjid, r.depth + 1
    FROM reads r JOIN pg_class c ON c.oid = r.rel AND c.relkind = 'v'
    JOIN pg_rewrite rw ON rw.ev_class = c.oid
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid
    WHERE r.depth < 32
  )
  SELECT DISTINCT mv, rel FROM reads WHERE rel = ANY (todo) AND rel <> mv;
  WHILE cardinality(todo) > 0 LOOP
    SELECT array_agg(x ORDER BY x::regclass::text) INTO ready FROM unnest(todo) x
    WHERE NOT EXISTS (SELECT FROM vbp_refresh_needs d WHERE d.mv = x AND d.needs = ANY (todo));
    IF ready IS NULL THEN
      RAISE EXCEPTION 'materialized views of vbp depend on each other in a cycle'
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH m IN ARRAY ready LOOP
      n := n + 1;
      t0 := clock_timestamp();
      IF concurrent AND (SELECT c.relispopulated FROM pg_class c WHERE c.oid = m) THEN
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', m::regclass);
        mode := 'concurrently';
      ELSE
        EXECUTE format('REFRESH MATERIALIZED VIEW %s', m::regclass);
        mode := 'full';
      END IF;
      step := n;
      matview := m::regclass;
      milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
      RETURN NEXT;
    END LOOP;
    todo := ARRAY(SELECT x FROM unnest(todo) x WHERE x <> ALL (ready));
  END LOOP;
END $$;
COMMENT ON FUNCTION vbp.refresh_reports(boolean) IS
  'Refreshes every materialized view of vbp (报表刷新) in dependency order (a view that reads another comes after it, found through pg_depend), CONCURRENTLY once populated so BI readers are never blocked (a first refresh, or concurrent => false, is a full refresh); returns each step with its mode and time';
REVOKE EXECUTE ON FUNCTION vbp.refresh_reports(boolean) FROM PUBLIC;
