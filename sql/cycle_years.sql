-- Annual agreed volumes inside multi-year cycles (协议年度): each year of a 2- or 3-year
-- cycle has its own agreed volume, reset from the previous year's use, and fulfilment,
-- credibility, retention and settlement run per year.  Every expected value is derived
-- by hand in the comments.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- Batch 92 starts 2022-01-01 under rule set batch7.  Group G has 3 winners: ratio 70%,
-- a 2-year cycle (doc/domain.md §4).  Pre-procurement prices and volumes: the selected
-- product 0.50 x 900, the originator 2.00 x 100 -> P_ref = (450 + 200) / 1000 = 0.65.
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (92, '两年周期批次', '2022-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA998A001', '测试年度片');
INSERT INTO product (product_code, group_code, originator) VALUES
  ('XC10AAA998A001010109903', 'XC10AAA998A001', false), ('XC10AAA998A001010209904', 'XC10AAA998A001', true);
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (92, 'XC10AAA998A001010109903', true, 0.50, 0.30, 3, 900), (92, 'XC10AAA998A001010209904', false, 2.00, NULL, 3, 100);
INSERT INTO institution (org_code, name, level, division) VALUES ('H44030590002', '深圳年度医院', 'tertiary', '440305');

-- year 1 from the report before the batch: reported 1,000 -> agreed round(0.7 x 1000) = 700,
-- 2022-01-01 .. 2022-12-31
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
VALUES (92, 'H44030590002', 'XC10AAA998A001', 1000, 1000, true, '2021-11-01');
SELECT derive_agreements(92) AS derived;
SELECT cycle_year, agreed_volume, cycle_start, cycle_end, derived FROM agreement WHERE batch_id = 92 ORDER BY 1;

-- year 1 purchases: selected 800 + 600 = 1,400 at 0.30 (420.00), originator 100 at 2.00 (200.00);
-- all paid within 30 days of acceptance.  The group's use in year 1: 1,400 + 100 = 1,500
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44030590002', 'XC10AAA998A001010109903', '2022-03-01', 800, '240.00', '2022-03-02', '2022-03-20'),
  ('H44030590002', 'XC10AAA998A001010209904', '2022-05-01', 100, '200.00', '2022-05-02', '2022-05-20'),
  ('H44030590002', 'XC10AAA998A001010109903', '2022-09-01', 600, '180.00', '2022-09-02', '2022-09-20');

-- year 2 opens from year 1's use (annual_volume_basis previous_use): baseline = reported = 1,500,
-- reported on 2023-01-01; the derived agreement follows: round(0.7 x 1500) = 1,050,
-- 2023-01-01 .. 2023-12-31
SELECT open_cycle_year(92, 2) AS reports_opened;
SELECT cycle_year, baseline_volume, reported_volume, signed_off, reported_on
FROM volume_report WHERE batch_id = 92 ORDER BY 1;
SELECT cycle_year, agreed_volume, cycle_start, cycle_end, derived FROM agreement WHERE batch_id = 92 ORDER BY 1;
-- opening again keeps the reports (none new); the cycle has no year 3 (none opened)
SELECT open_cycle_year(92, 2) AS reopened, open_cycle_year(92, 3) AS beyond_the_cycle;
-- a report for year 3 of a 2-year cycle is refused, as is a year out of range
SELECT try_sql($$INSERT INTO vbp.volume_report (batch_id, org_code, group_code, baseline_volume, cycle_year)
                 VALUES (92, 'H44030590002', 'XC10AAA998A001', 10, 3)$$) AS year_3_report;
SELECT try_sql($$SELECT vbp.open_cycle_year(92, 1)$$) AS year_1,
       try_sql($$SELECT vbp.open_cycle_year(99, 2)$$) AS no_batch;

-- year 2 purchases: 600 selected on 2023-02-01 (180.00), 300 on 2023-08-01 (90.00)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44030590002', 'XC10AAA998A001010109903', '2023-02-01', 600, '180.00', '2023-02-02', '2023-02-10'),
  ('H44030590002', 'XC10AAA998A001010109903', '2023-08-01', 300, '90.00', '2023-08-02', '2023-08-10');

-- fulfilment per year.  On 2023-06-30: year 1 ended, 1400 / 700 = 2 -> completed; year 2
-- tau = 181 / 365 = 0.495890, c = 600 / 1050 = 0.571429 >= tau -> on_track.
-- On 2023-12-31: year 2 tau = 1, c = 900 / 1050 = 0.857143 >= 0.8 -> lagging
SELECT cycle_year, agreed_volume, time_progress, selected_volume, nonselected_volume, completion, status
FROM fulfilment_for('2023-06-30') WHERE batch_id = 92 ORDER BY 1;
SELECT cycle_year, time_progress, completion, status FROM fulfilment_for('2023-12-31') WHERE batch_id = 92 ORDER BY 1;
-- a year not started by the date is not listed: on 2022-06-30 only year 1 (c = 800 / 700 -> completed)
SELECT cycle_year, completion, status FROM fulfilment_for('2022-06-30') WHERE batch_id = 92 ORDER BY 1;

-- credibility per year: year 1 realised accuracy once ended = 1500 / 1000 = 1.5, outside
-- [0.8, 1.2]; year 2 reported = baseline (log ratio 0), its accuracy on 2024-01-01 = 900 / 1500 = 0.6
SELECT cycle_year, baseline_volume, reported_volume, actual_volume, realised_accuracy, accuracy_flag, log_ratio
FROM report_credibility_for('2024-01-01') WHERE batch_id = 92 ORDER BY 1;

-- retention per year (national: r_pay 0.7 x s_ins 0.9 = 0.63; P_ref 0.65 volume-weighted)
-- year 1: B = 700 x 0.65 x 0.63 = 286.65; E = (min(1400, 700) x 0.30 + 200.00) x 0.63 = 410.00 x 0.63
--         = 258.30; S = 28.35; score: completion 100 x 0.4 = 40, share 1400 / 1500 = 93.33 x 0.2
--         = 18.67, on time 100 x 0.2 = 20, accuracy 1.5 outside -> 0: 78.67 -> B 0.4 -> R = 11.34
-- year 2: B = 1050 x 0.65 x 0.63 = 429.975 -> 429.98; E = 900 x 0.30 x 0.63 = 170.10; S = 259.88;
--         score: completion 900 / 1050 = 85.71 x 0.4 = 34.29, share 100 -> 20, on time 20,
--         accuracy 0.6 -> 0: 74.29 -> B 0.4 -> R = 103.952 -> 103.95
SELECT cycle_year, agreed_volume, selected_volume, selected_within_agreed, reference_price, budget, spend, savings
FROM retention_components() WHERE batch_id = 92 ORDER BY 1;
SELECT cycle_year, completion_score, selected_share_score, on_time_payment_score, report_accuracy_score, score, grade
FROM retention_assessment() WHERE batch_id = 92 ORDER BY 1;
SELECT cycle_year, year_end, interim, budget, spend, savings, score, grade, retention_ratio, retained
FROM retention_statement_for('national') WHERE batch_id = 92 ORDER BY 1;
-- interim statement on 2023-06-30 (the view on vbp.as_of): year 1 final as above; year 2 on
-- the purchases to date: E = 600 x 0.30 x 0.63 = 113.40, B the whole year's 429.98, S = 316.58;
-- score: completion 600 / 1050 = 57.14 x 0.4 = 22.86, share 20, on time 20, accuracy
-- 600 / 1500 = 0.4 -> 0: 62.86 -> C 0.3 -> R = 94.974 -> 94.97, interim
SET vbp.as_of = '2023-06-30';
SELECT cycle_year, year_end, interim, budget, spend, savings, score, grade, retained
FROM retention_statement WHERE batch_id = 92 ORDER BY 1;
SELECT batch_id, cycle_year, province, institutions, retained, interim FROM retention_by_region
WHERE batch_id = 92 AND city IS NULL ORDER BY 2;
RESET vbp.as_of;

-- settlement per year, once per (institution, batch, year)
-- without a year the institution's two years are ambiguous: 22023
SELECT try_sql($$SELECT vbp.settle_retention(92, 'H44030590002')$$) AS which_year;
SELECT cycle_year, budget, spend, savings, score, grade, retention_ratio, retained
FROM settle_retention(92, 'H44030590002', cycle_year => 1);
SELECT cycle_year, retained FROM settle_retention(92, 'H44030590002', 'national', 2);
SELECT split_part(try_sql($$SELECT vbp.settle_retention(92, 'H44030590002', cycle_year => 1)$$), ' (', 1) AS year_1_again;
SELECT cycle_year, count(*) AS groups, vbp.sum(counted_savings) AS counted
FROM retention_settlement_group WHERE batch_id = 92 GROUP BY 1 ORDER BY 1;
-- an adjustment names its year (two are settled)
SELECT try_sql($$SELECT vbp.adjust_retention(92, 'H44030590002', '5.00', '复核', NULL)$$) AS adjust_which_year;
SELECT cycle_year, amount FROM adjust_retention(92, 'H44030590002', '5.00', '复核补发：第二年度漏计采购', 2);
SELECT cycle_year, settled, settled_retained, adjustments, net_retained
FROM retention_statement_for('national') WHERE batch_id = 92 ORDER BY 1;

-- a year that has not ended cannot be settled (the dates follow today's)
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (93, '未结束批次', current_date - 30, 'batch7');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (93, 'XC10AAA998A001010109903', true, 0.50, 0.30, 3, 900);
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
VALUES (93, 'H44030590002', 'XC10AAA998A001', 100, 100, true, current_date - 60);
SELECT derive_agreements(93) AS derived;
-- (the detail names the end date, which moves with today's date: left out)
SELECT split_part(try_sql($$SELECT vbp.settle_retention(93, 'H44030590002')$$), ' (', 1) AS running_year,
       split_part(try_sql($$SELECT vbp.open_cycle_year(93, 2)$$), ' (', 1) AS next_year_too_early;

-- loading: a yearly report file names its year in 协议年度; line 2 (year 2) replaces the report
-- opened from the use, line 3 (empty: year 1) is unchanged, line 4 (a calendar year) is refused
-- with the reason
SELECT stage_table('annual_reports', '批次,机构编码,通用名编码,上年度使用量,报送量,领导审核,报量日期,协议年度');
INSERT INTO annual_reports VALUES
  ('92', 'H44030590002', 'XC10AAA998A001', '1500', '1600', '是', '2023-01-05', '2'),
  ('92', 'H44030590002', 'XC10AAA998A001', '1000', '1000', '是', '2021-11-01', ''),
  ('92', 'H44030590002', 'XC10AAA998A001', '1000', '1000', '是', '2021-11-01', '2023');
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM load('volume_report', 'annual_reports', '年度报量.csv');
SELECT line, field, column_name, value, reason, sqlstate FROM load_reject WHERE source = '年度报量.csv' ORDER BY line;
-- year 2 reported 1,600 now: the derived agreement is re-derived, round(0.7 x 1600) = 1,120
SELECT cycle_year, reported_volume, agreed_volume
FROM volume_report JOIN agreement USING (batch_id, org_code, group_code, cycle_year) WHERE batch_id = 92 ORDER BY 1;

-- clean up for the other tests (settlements are append-only, so truncate)
SET client_min_messages = warning;
TRUNCATE retention_adjustment, retention_settlement_group, retention_settlement, assessment, purchase,
         agreement, volume_report, institution, selection, product, generic_group, batch,
         load, load_reject, load_superseded RESTART IDENTITY CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false);
