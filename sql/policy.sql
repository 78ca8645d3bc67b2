-- Policy lookups fail loudly, and reports filter early.
--  1. vbp.param / param_date / param_text read one parameter of a rule set and
--     raise 22023 naming the rule set and the parameter when either is unknown.
--  2. Every function and report that takes a rule set raises 22023 for an
--     unknown one, even on empty tables (no silent NULL statuses or 0.00
--     retained); the views do the same under SET vbp.rule_set.
--  3. A filter on a report reaches the scans: one institution's fulfilment
--     reads that institution's agreements and purchases through their indexes.
SET search_path = public, vbp;
SET datestyle = ISO;

-- 1. the lookup.  Shipped defaults (doc/domain.md, Appendix A): lagging factor
-- 0.8, payment within 30 days, the dual-channel pharmacy deadline 2021-11-30,
-- Shenzhen's 2024 grades, the 2020 credit thresholds.
SELECT param('national', 'lagging_factor') AS lagging_factor,
       param('national', 'payment_days') AS payment_days,
       param_date('national', 'dual_channel_pharmacy_deadline') AS pharmacy_deadline,
       param_text('national', 'retention_grade_rule_set') AS grade_rule_set,
       param_text('national', 'credit_threshold_rule_set') AS credit_thresholds;
SELECT try_sql($$SELECT vbp.param('no-such-rule-set', 'lagging_factor')$$) AS unknown_rule_set;
SELECT try_sql($$SELECT vbp.param('national', 'lagging_facter')$$) AS unknown_parameter;
SELECT try_sql($$SELECT vbp.param('national', 'retention_grade_rule_set')$$) AS text_read_as_number;
SELECT try_sql($$SELECT vbp.param_date('national', 'lagging_factor')$$) AS number_read_as_date;
SELECT try_sql($$SELECT vbp.param(NULL, 'lagging_factor')$$) AS null_rule_set;
SELECT try_sql($$SELECT vbp.known_rule_set('no-such-rule-set')$$) AS known_rule_set;
-- a province's copy is a rule set like any other
SELECT copy_rule_set('vbp.parameter', 'national', 'gd-test') AS copied;
SELECT param('gd-test', 'lagging_factor') AS copied_lagging_factor;

-- 2. every function that takes a rule set, on empty tables, with a misspelt one
CREATE TEMP TABLE rule_set_calls (fn text, call text);
INSERT INTO rule_set_calls VALUES
  ('fulfilment_for', $$SELECT count(*) FROM vbp.fulfilment_for('2023-06-30', 'no-such-rule-set')$$),
  ('report_credibility_for', $$SELECT count(*) FROM vbp.report_credibility_for('2023-06-30', 'no-such-rule-set')$$),
  ('report_fingerprint', $$SELECT vbp.report_fingerprint('no-such-rule-set')$$),
  ('price_benchmark_for', $$SELECT count(*) FROM vbp.price_benchmark_for('2023-01-01', '2023-06-30', 'no-such-rule-set')$$),
  ('price_benchmark_alert_for', $$SELECT count(*) FROM vbp.price_benchmark_alert_for('2023-06-30', 'no-such-rule-set')$$),
  ('payment_standard_schedule_for', $$SELECT count(*) FROM vbp.payment_standard_schedule_for('no-such-rule-set')$$),
  ('province_coverage_for', $$SELECT count(*) FROM vbp.province_coverage_for('2023-06-30', 'no-such-rule-set')$$),
  ('next_batch_candidates_for', $$SELECT count(*) FROM vbp.next_batch_candidates_for('2023-06-30', 'no-such-rule-set')$$),
  ('credit_rating_for', $$SELECT count(*) FROM vbp.credit_rating_for('2023-06-30', 'no-such-rule-set')$$),
  ('payment_standard', $$SELECT vbp.payment_standard(10, 1, 1, true, 'no-such-rule-set')$$),
  ('listed_price_ok', $$SELECT vbp.listed_price_ok(1.2, 1, 'no-such-rule-set')$$),
  ('credit_level', $$SELECT vbp.credit_level('20000', '0', 'no-such-rule-set')$$),
  ('cusum', $$SELECT count(*) FROM vbp.cusum(ARRAY[1, 2, 3]::float8[], 'no-such-rule-set')$$),
  ('nrdl_stocking_for', $$SELECT count(*) FROM vbp.nrdl_stocking_for('2023-06-30', 'no-such-rule-set')$$),
  ('nrdl_stocking_summary_for', $$SELECT count(*) FROM vbp.nrdl_stocking_summary_for('2023-06-30', 'no-such-rule-set')$$),
  ('dual_channel_deadline_gap', $$SELECT count(*) FROM vbp.dual_channel_deadline_gap('no-such-rule-set')$$),
  ('channel_reimbursement_for', $$SELECT count(*) FROM vbp.channel_reimbursement_for('2023-01-01', '2023-06-30', 'no-such-rule-set')$$),
  ('retention_lines', $$SELECT count(*) FROM vbp.retention_lines('no-such-rule-set')$$),
  ('retention_components', $$SELECT count(*) FROM vbp.retention_components('no-such-rule-set')$$),
  ('retention_scores', $$SELECT count(*) FROM vbp.retention_scores('no-such-rule-set')$$),
  ('retention_assessment', $$SELECT count(*) FROM vbp.retention_assessment('no-such-rule-set')$$),
  ('retention_statement_for', $$SELECT count(*) FROM vbp.retention_statement_for('no-such-rule-set')$$),
  ('settle_retention', $$SELECT vbp.settle_retention(1, 'H44010300351', 'no-such-rule-set')$$),
  ('open_cycle_year', $$SELECT vbp.open_cycle_year(1, 2, 'no-such-rule-set')$$),
  ('product_fulfilment_for', $$SELECT count(*) FROM vbp.product_fulfilment_for('2024-01-01', 'no-such-rule-set')$$),
  ('price_peer_cells', $$SELECT count(*) FROM vbp.price_peer_cells('2024-01-01', '2024-01-31', 'no-such-rule-set')$$),
  ('price_rank_for', $$SELECT count(*) FROM vbp.price_rank_for('2024-01-01', '2024-01-31', 'no-such-rule-set')$$),
  ('price_rank_series_for', $$SELECT count(*) FROM vbp.price_rank_series_for('2024-01-01', '2024-01-31', 'no-such-rule-set')$$),
  ('report_peer_cells', $$SELECT count(*) FROM vbp.report_peer_cells('no-such-rule-set')$$),
  ('province_fulfilment_for', $$SELECT count(*) FROM vbp.province_fulfilment_for('2024-01-01', 'no-such-rule-set')$$),
  ('retention_pool', $$SELECT count(*) FROM vbp.retention_pool(1, '44', '100', 'no-such-rule-set')$$),
  ('order_line_supply_for', $$SELECT count(*) FROM vbp.order_line_supply_for('2024-01-01', 'no-such-rule-set')$$),
  ('supply_performance_for', $$SELECT count(*) FROM vbp.supply_performance_for('2024-01-01', 'no-such-rule-set')$$),
  ('institution_supply_for', $$SELECT count(*) FROM vbp.institution_supply_for('2024-01-01', 'no-such-rule-set')$$),
  ('order_line_stockout_for', $$SELECT count(*) FROM vbp.order_line_stockout_for('2024-01-01', 'no-such-rule-set')$$),
  ('stockout_episodes_for', $$SELECT count(*) FROM vbp.stockout_episodes_for('2024-01-01', 'no-such-rule-set')$$),
  ('supply_score_for', $$SELECT count(*) FROM vbp.supply_score_for('2024-01-01', 'no-such-rule-set')$$),
  ('supply_review_for', $$SELECT count(*) FROM vbp.supply_review_for('2024-01-01', 'no-such-rule-set')$$),
  ('supply_alert_for', $$SELECT count(*) FROM vbp.supply_alert_for('2024-01-01', 'no-such-rule-set')$$);
SELECT fn, try_sql(call) AS result FROM rule_set_calls ORDER BY fn;
-- the list is complete: every vbp function with a rule_set argument is called above
SELECT p.proname AS untested_rule_set_function
FROM pg_proc p
WHERE p.pronamespace = 'vbp'::regnamespace AND 'rule_set' = ANY (p.proargnames)
  AND p.proname NOT IN (SELECT fn FROM rule_set_calls)
  AND p.proname NOT IN ('parameter_row', 'param', 'param_date', 'param_text', 'param_choice', 'known_rule_set')
ORDER BY 1;
-- the views and the two-argument helpers read the rule set of SET vbp.rule_set
SET vbp.rule_set = 'no-such-rule-set';
SELECT v AS view, try_sql('SELECT count(*) FROM vbp.' || v) AS result
FROM unnest(ARRAY['fulfilment', 'fulfilment_alert', 'report_credibility', 'batch_summary', 'retention_statement',
                  'retention_by_region', 'price_benchmark', 'price_benchmark_alert', 'payment_standard_schedule',
                  'province_coverage', 'next_batch_candidates', 'credit_rating', 'nrdl_stocking',
                  'nrdl_stocking_summary']) v ORDER BY 1;
SELECT try_sql($$SELECT vbp.fulfilment_status(0.5, 0.5)$$) AS fulfilment_status,
       try_sql($$SELECT vbp.robust_z(1, 0, 1)$$) AS robust_z;
SET vbp.rule_set = 'gd-test';
SELECT vbp.fulfilment_status(0.45, 0.5) AS copied_rule_set_status;  -- 0.45 >= 0.8 x 0.5 = 0.40: lagging
RESET vbp.rule_set;
-- a rule set that names a grade rule set which does not exist fails too, instead of
-- grading nobody (and retaining 0.00 for everyone)
UPDATE vbp.parameter SET value_text = 'shenzen-2024' WHERE rule_set = 'gd-test' AND name = 'retention_grade_rule_set';
SELECT try_sql($$SELECT count(*) FROM vbp.retention_statement_for('gd-test')$$) AS misspelt_grade_rule_set;
UPDATE vbp.parameter SET value_text = 'shenzhen-2024' WHERE rule_set = 'gd-test' AND name = 'retention_grade_rule_set';
-- a rule set that lacks a parameter fails in every report that takes it, even where the
-- query would not reach the parameter (a column not selected) or reads no row
DELETE FROM vbp.parameter WHERE rule_set = 'gd-test' AND name IN ('committee_days', 'reimbursement_tolerance');
SELECT try_sql($$SELECT count(*) FROM vbp.nrdl_stocking_for('2023-07-31', 'gd-test')$$) AS stocking_without_committee_days,
       try_sql($$SELECT count(*) FROM vbp.fulfilment_for('2023-07-31', 'gd-test')$$) AS fulfilment_of_incomplete_set;
DELETE FROM vbp.parameter WHERE rule_set = 'gd-test';

-- 3. filters reach the scans: one institution's fulfilment reads its own
-- agreements and purchases by index (the plan shows the Index Cond on both, at least; the
-- third purchase scan reads the backup products' purchases under verified supply
-- failures, by product)
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
ANALYZE;   -- the plan from this demo's statistics, whatever autovacuum has done
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SELECT min(org_code::text) AS org FROM vbp.agreement \gset
SELECT count(*) FILTER (WHERE l ~ 'Index Cond: \(org_code = ') >= 2 AS index_conditions_on_org_code,
       count(*) FILTER (WHERE l ~ 'on purchase_default') AS purchase_scans,
       bool_or(l ~ '^ *Filter: \(.*org_code = ' AND l !~ 'Index') AS filtered_above_the_scans
FROM pg_temp.plan(format('SELECT * FROM vbp.fulfilment WHERE org_code = %L', :'org')) l;
-- the same rows as filtering the whole report
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, group_code, cycle_year)) FROM vbp.fulfilment f WHERE org_code = :'org')
     = (SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, group_code, cycle_year))
        FROM (SELECT * FROM vbp.fulfilment OFFSET 0) f WHERE org_code = :'org') AS same_rows;
SELECT empty_demo_tables();

-- 4. Volume-report credibility: robust z among peers of one batch, group and level,
-- the MeanAD fallback when the MAD is 0, a minimum of peers, and an over-report rule.
INSERT INTO vbp.batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (95, '可信度批次一', '2024-01-01', 'batch7'),
                                                                        (96, '可信度批次二', '2025-01-01', 'batch7');
INSERT INTO vbp.generic_group (group_code, generic_name) VALUES ('XC10AAA999A001', '测试他汀片');
INSERT INTO vbp.institution (org_code, name, level, division)
SELECT ('H4401039' || lpad(i::text, 4, '0'))::vbp.orgcode, '可信度医院' || i, CASE WHEN i <= 6 THEN 'tertiary' ELSE 'secondary' END, '440103'
FROM generate_series(1, 8) i;
-- batch 95, tertiary (6 peers): five report exactly their baseline 1,000 (ln 1 = 0), one 5,000.
--   ln ratios 0, 0, 0, 0, 0, ln 5 = 1.609438: median 0, MAD = median(0, 0, 0, 0, 0, 1.609438) = 0,
--   so the MeanAD = 1.609438 / 6 = 0.268240 stands in: z = 0.7979 x 1.609438 / 0.268240
--   = 0.7979 x 6 = 4.7874 > 3.5, anomalous; the others z = 0.  5,000 > 2 x 1,000: over-reported.
-- batch 95, secondary (2 peers, below robust_z_min_peers 5): no z; 10,000 > 2 x 1,000 over-reported.
-- batch 96, tertiary: all six report 2,000 of 1,000 (ln 2 each): no spread at all (MAD and
--   MeanAD 0), no z; 2,000 is not above 2 x 1,000.  Cells of one batch only: pooled with batch
--   95 the median would move.
INSERT INTO vbp.volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
SELECT 95, ('H4401039' || lpad(i::text, 4, '0'))::vbp.orgcode, 'XC10AAA999A001', 1000,
       CASE i WHEN 6 THEN 5000 WHEN 8 THEN 10000 ELSE 1000 END, true, date '2023-11-01'
FROM generate_series(1, 8) i
UNION ALL
SELECT 96, ('H4401039' || lpad(i::text, 4, '0'))::vbp.orgcode, 'XC10AAA999A001', 1000, 2000, true, date '2024-11-01'
FROM generate_series(1, 6) i;
SELECT batch_id, org_code, level, peers, round(robust_z::numeric, 4) AS robust_z, anomalous, over_reported
FROM vbp.report_credibility_for('2024-06-30') WHERE group_code = 'XC10AAA999A001' ORDER BY batch_id, org_code;
-- a province that wants the test on any two peers lowers the minimum in its own rule set
SELECT vbp.copy_rule_set('vbp.parameter', 'national', 'peers2') > 0 AS copied;
UPDATE vbp.parameter SET value = 2 WHERE rule_set = 'peers2' AND name = 'robust_z_min_peers';
-- secondary: ln ratios 0 and ln 10 = 2.302585, median 1.151293, MAD 1.151293:
-- z = 0.6745 x (2.302585 - 1.151293) / 1.151293 = 0.6745 and -0.6745: never anomalous with two peers
SELECT org_code, peers, round(robust_z::numeric, 4) AS robust_z, anomalous, over_reported
FROM vbp.report_credibility_for('2024-06-30', 'peers2') WHERE batch_id = 95 AND level = 'secondary' ORDER BY org_code;
DELETE FROM vbp.parameter WHERE rule_set = 'peers2';
DELETE FROM vbp.volume_report WHERE batch_id IN (95, 96);
DELETE FROM vbp.institution WHERE name LIKE '可信度医院%';
DELETE FROM vbp.generic_group WHERE group_code = 'XC10AAA999A001';
DELETE FROM vbp.batch WHERE batch_id IN (95, 96);

-- 5. A choice parameter names its choices when it holds something else
SELECT try_sql($$SELECT vbp.param_choice('national', 'under_report_deduction', '{none,zero}')$$) AS not_a_choice;

-- 6. Payment boundaries (payment_days 30).  Two order lines accepted 2024-03-02: L1 never
-- paid, L2 paid 2024-03-20.  Due date 2024-03-02 + 30 = 2024-04-01.
--   as of 2024-03-10: L2's payment is not known yet, L1's time has not passed: 0 due
--   as of 2024-03-25: L2 paid within 30 days: 1 due, 1 on time
--   as of 2024-04-01: the last day: L1 may still be paid on time: 1 due, 1 on time
--   as of 2024-04-02: L1 is late: 2 due, 1 on time
INSERT INTO vbp.batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (97, '回款边界批次', '2024-01-01', 'batch7');
INSERT INTO vbp.generic_group (group_code, generic_name) VALUES ('XC10AAA999A001', '测试他汀片');
INSERT INTO vbp.product (product_code, group_code) VALUES ('XC10AAA999A001010109901', 'XC10AAA999A001');
INSERT INTO vbp.selection (batch_id, product_code, selected, reference_price, selected_price, winners)
VALUES (97, 'XC10AAA999A001010109901', true, 1.00, 0.25, 1);
INSERT INTO vbp.institution (org_code, name, level, division) VALUES ('H44010390001', '回款边界医院', 'tertiary', '440103');
INSERT INTO vbp.volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
VALUES (97, 'H44010390001', 'XC10AAA999A001', 1000, 1000, true, '2023-11-01');
INSERT INTO vbp.agreement (batch_id, org_code, group_code, agreed_volume, cycle_start, cycle_end)
VALUES (97, 'H44010390001', 'XC10AAA999A001', 500, '2024-01-01', '2024-12-31');
INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010390001', 'XC10AAA999A001010109901', '2024-03-01', 100, '25.00', '2024-03-02', NULL),
  ('H44010390001', 'XC10AAA999A001010109901', '2024-03-01', 100, '25.00', '2024-03-02', '2024-03-20');
SELECT d AS as_of, f.payments_due, f.paid_on_time
FROM unnest(ARRAY[date '2024-03-10', '2024-03-25', '2024-04-01', '2024-04-02']) d
CROSS JOIN LATERAL vbp.fulfilment_for(d) f WHERE f.batch_id = 97 ORDER BY d;

-- 7. Payment standard exactly (payment_standard_multiple 2, cut 0.7, phase 3 years): price 3.00,
-- selected 1.00: 3.00 > 2 x 1.00, target 0.7 x 3.00 = 2.10; year 1: 3.00 - 0.90 x 1 / 3 = 2.700000;
-- year 2: 3.00 - 0.90 x 2 / 3 = 2.400000; a price of 1.00 to 0.70 over 3 years: 1.00 - 0.30 / 3 = 0.900000
SELECT vbp.payment_standard(3.00, 1.00, 1, true) AS year_1, vbp.payment_standard(3.00, 1.00, 2, true) AS year_2,
       vbp.payment_standard(3.00, 1.00, 5, true) AS year_5, vbp.payment_standard(1.00, 0.40, 1, true) AS small;
-- 8. Payment-standard shapes as schedules of steps (vbp.payment_standard_step), a drug at
-- P = 4.00 whose generic won at P_sel = 1.00:
--   p70-then-selected: year 1 0.7 x 4.00 = 2.800000; year 2 0.35 x 4.00 + 0.5 x 1.00 = 1.900000;
--     year 3 and after 1.000000
--   step-15 (15% a year): 0.85 x 4.00 = 3.400000, 0.7225 x 4.00 = 2.890000, 0.614125 x 4.00 = 2.456500,
--     then unchanged; at P = 1.50 year 3 would be 0.921188, below P_sel: 1.000000
SELECT k AS year, vbp.payment_standard_scheduled(4.00, 1.00, k, 'p70-then-selected') AS p70,
       vbp.payment_standard_scheduled(4.00, 1.00, k, 'step-15') AS step_15,
       vbp.payment_standard_scheduled(1.50, 1.00, k, 'step-15') AS step_15_near_selected
FROM generate_series(0, 4) k;
SELECT try_sql($$SELECT vbp.payment_standard_scheduled(4.00, 1.00, 1, 'no-such-schedule')$$) AS unknown_schedule;
DELETE FROM vbp.purchase WHERE org_code = 'H44010390001';
DELETE FROM vbp.agreement WHERE batch_id = 97;
DELETE FROM vbp.volume_report WHERE batch_id = 97;
DELETE FROM vbp.selection WHERE batch_id = 97;
DELETE FROM vbp.institution WHERE org_code = 'H44010390001';
DELETE FROM vbp.product WHERE product_code = 'XC10AAA999A001010109901';
DELETE FROM vbp.generic_group WHERE group_code = 'XC10AAA999A001';
DELETE FROM vbp.batch WHERE batch_id = 97;
