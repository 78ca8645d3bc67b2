-- Materialized views for BI and vbp.refresh_reports().  A second client
-- reading them while they refresh is in test/client/bi.py.
SET search_path = public, vbp;
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
-- created empty, each with a unique index (needed to refresh CONCURRENTLY)
SELECT c.relname, c.relispopulated,
       (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique) AS unique_indexes
FROM pg_class c WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm' ORDER BY 1;
-- the first refresh is full; the scorecard comes after the two views it reads
SELECT step, matview, mode FROM refresh_reports();
-- each stored view equals the live report
CREATE FUNCTION pg_temp.differing(mv text, v text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  EXECUTE format('SELECT (SELECT count(*) FROM (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s) a)
                       + (SELECT count(*) FROM (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s) b)', mv, v, v, mv) INTO n;
  RETURN n;
END $$;
SELECT mv, pg_temp.differing(mv, v) AS differing
FROM (VALUES ('vbp.bi_fulfilment', 'vbp.fulfilment'), ('vbp.bi_report_credibility', 'vbp.report_credibility'),
             ('vbp.bi_batch_summary', 'vbp.batch_summary'), ('vbp.bi_retention_statement', 'vbp.retention_statement'),
             ('vbp.bi_price_benchmark', 'vbp.price_benchmark'), ('vbp.bi_nrdl_stocking_summary', 'vbp.nrdl_stocking_summary'),
             ('vbp.bi_nrdl_monitoring', 'vbp.nrdl_monitoring')) x(mv, v)
ORDER BY 1;
SELECT sum(agreements) = (SELECT count(*) FROM fulfilment) AS agreements_add_up,
       sum(lagging) = (SELECT count(*) FROM fulfilment WHERE status = 'lagging') AS lagging_adds_up,
       sum(anomalous) = (SELECT count(*) FROM report_credibility WHERE anomalous
                         AND (batch_id, org_code) IN (SELECT batch_id, org_code FROM fulfilment)) AS anomalous_adds_up
FROM bi_institution_scorecard;
-- once populated, refreshes are CONCURRENTLY unless asked otherwise
SELECT step, matview, mode FROM refresh_reports() ORDER BY step;
SELECT DISTINCT mode FROM refresh_reports(concurrent => false);

-- clean up for the other tests: empty tables, empty views
SELECT empty_demo_tables();
SELECT count(*) AS refreshed_empty FROM refresh_reports(concurrent => false);
