-- Procurement reports over the demo: every injected defect is found by the report views
-- exactly (no more, no fewer), and parallel plans and monthly partitions change nothing.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
SELECT report_date();

-- the seed's figure: in the first agreement year batches 1-5 bought more than twice the agreed volume
SELECT batch_id, drugs, published_drugs, avg_cut, published_avg_cut, volume_weighted_cut, essential,
       first_year_ratio > 2 AS first_year_more_than_twice, fulfilment_ratio BETWEEN 1.1 AND 2 AS all_years_between
FROM batch_summary ORDER BY batch_id;

CREATE TEMP TABLE found AS
SELECT DISTINCT alert AS kind, CASE WHEN alert = 'late_payment' THEN org_code::text
                                    ELSE batch_id || ' ' || org_code::text || ' ' || group_code::text || ' y' || cycle_year END AS key
FROM fulfilment_alert
UNION ALL SELECT 'not_reported', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM report_credibility WHERE not_reported
UNION ALL SELECT 'under_reported', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM report_credibility WHERE under_reported
UNION ALL SELECT 'missing_sign_off', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM report_credibility WHERE missing_sign_off
UNION ALL SELECT 'anomalous_report', batch_id || ' ' || org_code::text || ' ' || group_code::text FROM report_credibility WHERE anomalous;
-- the report's late_payment is per agreement; the generator injects late payers per institution
UPDATE found SET kind = 'late_payer' WHERE kind = 'late_payment';
SELECT k.kind,
       (SELECT count(*) FROM demo_injection i WHERE i.kind = k.kind) AS injected,
       (SELECT count(*) FROM (SELECT key FROM demo_injection i WHERE i.kind = k.kind EXCEPT SELECT key FROM found f WHERE f.kind = k.kind) x) AS missing,
       (SELECT count(*) FROM (SELECT key FROM found f WHERE f.kind = k.kind EXCEPT SELECT key FROM demo_injection i WHERE i.kind = k.kind) x) AS extra
FROM (SELECT DISTINCT kind FROM found) k ORDER BY 1;

-- forced parallel plans give the same reports
CREATE TEMP TABLE serial_digest AS
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM fulfilment f) AS fulfilment,
       (SELECT md5(string_agg(r::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM report_credibility r) AS credibility,
       (SELECT md5(string_agg(b::text, '|' ORDER BY batch_id)) FROM batch_summary b) AS summary;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM fulfilment f) = s.fulfilment AS fulfilment_same,
       (SELECT md5(string_agg(r::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM report_credibility r) = s.credibility AS credibility_same,
       (SELECT md5(string_agg(b::text, '|' ORDER BY batch_id)) FROM batch_summary b) = s.summary AS summary_same
FROM serial_digest s;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- and so do monthly partitions
SELECT add_month_partitions('vbp.purchase', '2019-04-01', '2023-06-30') AS partitions;
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM fulfilment f) = s.fulfilment AS fulfilment_same,
       (SELECT md5(string_agg(r::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) FROM report_credibility r) = s.credibility AS credibility_same,
       (SELECT md5(string_agg(b::text, '|' ORDER BY batch_id)) FROM batch_summary b) = s.summary AS summary_same
FROM serial_digest s;

-- clean up for the other tests
SELECT empty_demo_tables();
