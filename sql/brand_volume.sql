-- Brand-level volumes (按厂牌报量): in a batch reporting per product, institutions report
-- per selected product; each agreement is split among the products exactly, with
-- zero-volume winners and the province's primary supplier (主供企业) for an
-- institution that names no product; fulfilment and retention run per product.
-- Every expected value is derived by hand.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- Batch 95 (2025-01-01, batch7, per product): group G has 3 winners -> 70%, 2 years.
-- P1 0.20, P2 0.25, P3 0.30 selected; P4 the originator, not selected.  Pre-procurement
-- prices 1.00, 1.00, 1.00 and 2.00 on 100 units each -> P_ref = 500 / 400 = 1.25
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set, volume_basis) VALUES (95, '按厂牌批次', '2025-01-01', 'batch7', 'product');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA996A001', '测试厂牌片');
INSERT INTO product (product_code, group_code, originator) VALUES
  ('XC10AAA996A001010109911', 'XC10AAA996A001', false), ('XC10AAA996A001010209912', 'XC10AAA996A001', false),
  ('XC10AAA996A001010309913', 'XC10AAA996A001', false), ('XC10AAA996A001010409914', 'XC10AAA996A001', true);
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (95, 'XC10AAA996A001010109911', true, 1.00, 0.20, 3, 100), (95, 'XC10AAA996A001010209912', true, 1.00, 0.25, 3, 100),
  (95, 'XC10AAA996A001010309913', true, 1.00, 0.30, 3, 100), (95, 'XC10AAA996A001010409914', false, 2.00, NULL, 3, 100);
INSERT INTO institution (org_code, name, level, division) VALUES
  ('H44010600011', '广东厂牌甲医院', 'tertiary', '440106'), ('H44010600012', '广东厂牌乙医院', 'tertiary', '440106'),
  ('H45010200011', '广西厂牌丙医院', 'tertiary', '450102');
-- the group reports carry the baselines: A 1,000, B 500 (names no product), C 300 (names none)
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume) VALUES
  (95, 'H44010600011', 'XC10AAA996A001', 1000), (95, 'H44010600012', 'XC10AAA996A001', 500),
  (95, 'H45010200011', 'XC10AAA996A001', 300);
-- Guangdong's primary supplier is P2
INSERT INTO province_supplier (batch_id, province, group_code, product_code, source)
VALUES (95, '44', 'XC10AAA996A001', 'XC10AAA996A001010209912', '示例：广东主供企业');

-- C (Guangxi) names no product and Guangxi has no primary supplier: 22023
SELECT try_sql($$SELECT vbp.derive_agreements(95)$$) AS no_primary_supplier;
INSERT INTO province_supplier (batch_id, province, group_code, product_code)
VALUES (95, '45', 'XC10AAA996A001', 'XC10AAA996A001010309913');
-- A reports P1 600, P2 400, P3 0 (a winner it does not choose): the trigger sets A's group
-- report to 1,000 (dated 2024-11-01); agreed round(0.7 x 1000) = 700 split 600 : 400 : 0
-- -> 420, 280, 0.  B: round(0.7 x 500) = 350, all to Guangdong's primary supplier P2.
-- C: round(0.7 x 300) = 210 to Guangxi's primary supplier P3.
SELECT derive_agreements(95) AS written;
INSERT INTO product_volume_report (batch_id, org_code, group_code, product_code, reported_volume, reported_on) VALUES
  (95, 'H44010600011', 'XC10AAA996A001', 'XC10AAA996A001010109911', 600, '2024-11-01'),
  (95, 'H44010600011', 'XC10AAA996A001', 'XC10AAA996A001010209912', 400, '2024-11-01'),
  (95, 'H44010600011', 'XC10AAA996A001', 'XC10AAA996A001010309913', 0, '2024-11-01');
SELECT org_code, reported_volume, reported_on FROM volume_report WHERE batch_id = 95 ORDER BY org_code;
SELECT org_code, agreed_volume FROM agreement WHERE batch_id = 95 ORDER BY org_code;
SELECT org_code, product_code, agreed_volume, basis FROM product_agreement WHERE batch_id = 95 ORDER BY org_code, product_code;

-- the split is exact: reports 5 : 3 : 2 -> agreed round(0.7 x 10) = 7; 3.5, 2.1, 1.4 -> 3, 2, 1
-- (6), the unit left to the largest remainder (.5, P1) -> 4, 2, 1
UPDATE product_volume_report SET reported_volume = CASE right(product_code::text, 1) WHEN '1' THEN 5 WHEN '2' THEN 3 ELSE 2 END
WHERE batch_id = 95 AND org_code = 'H44010600011';
SELECT product_code, agreed_volume FROM product_agreement WHERE batch_id = 95 AND org_code = 'H44010600011' ORDER BY 1;
UPDATE product_volume_report SET reported_volume = CASE right(product_code::text, 1) WHEN '1' THEN 600 WHEN '2' THEN 400 ELSE 0 END
WHERE batch_id = 95 AND org_code = 'H44010600011';
SELECT product_code, agreed_volume FROM product_agreement WHERE batch_id = 95 AND org_code = 'H44010600011' ORDER BY 1;
-- a report for the originator (not selected) is refused when the agreements are split
SELECT try_sql($$INSERT INTO vbp.product_volume_report (batch_id, org_code, group_code, product_code, reported_volume, reported_on)
                 VALUES (95, 'H44010600011', 'XC10AAA996A001', 'XC10AAA996A001010409914', 10, '2024-11-01')$$) AS not_selected;

-- purchases in 2025, all paid within 30 days: A P1 300 (60.00), P2 400 (100.00), P3 50 (15.00),
-- originator 50 (100.00); B P2 400 (100.00)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010600011', 'XC10AAA996A001010109911', '2025-03-01', 300, '60.00', '2025-03-02', '2025-03-10'),
  ('H44010600011', 'XC10AAA996A001010209912', '2025-03-01', 400, '100.00', '2025-03-02', '2025-03-10'),
  ('H44010600011', 'XC10AAA996A001010309913', '2025-04-01', 50, '15.00', '2025-04-02', '2025-04-10'),
  ('H44010600011', 'XC10AAA996A001010409914', '2025-04-01', 50, '100.00', '2025-04-02', '2025-04-10'),
  ('H44010600012', 'XC10AAA996A001010209912', '2025-05-01', 400, '100.00', '2025-05-02', '2025-05-10');

-- per product on 2025-12-31 (tau 1): A-P1 300 / 420 = 0.714286 -> severely lagging (< 0.8);
-- A-P2 400 / 280 = 1.428571, A-P3 50 of 0 (zero-volume winner: 1), B-P2 400 / 350 = 1.142857
-- -> completed.  At group level A bought 300 + 400 + 50 = 750 selected of 700 and completed:
-- only the brand level shows that P1's winner was not bought as agreed.
SELECT org_code, product_code, agreed_volume, basis, bought, completion, status
FROM product_fulfilment_for('2025-12-31') WHERE batch_id = 95 ORDER BY org_code, product_code;
SELECT org_code, agreed_volume, selected_volume, completion, status
FROM fulfilment_for('2025-12-31') WHERE batch_id = 95 ORDER BY org_code;

-- retention (national, r_pay x s_ins = 0.63, P_ref 1.25), purchases above each product's own
-- agreed volume excluded:
-- A: B = 700 x 1.25 x 0.63 = 551.25; within P1 min(300, 420) = 300 for 60.00, P2 min(400, 280)
--    = 280 for 100.00 x 280 / 400 = 70.00, P3 min(50, 0) = 0 -> 580 units, 130.00; A_nonsel
--    100.00; E = 230.00 x 0.63 = 144.90; S = 406.35
--    (per group it would be min(750, 700) = 700 for 175.00 x 700 / 750 = 163.33)
-- B: B = 350 x 1.25 x 0.63 = 275.625 -> 275.63; within 350 for 100.00 x 350 / 400 = 87.50;
--    E = 87.50 x 0.63 = 55.125 -> 55.13; S = 220.50
SELECT org_code, agreed_volume, selected_volume, selected_within_agreed, reference_price, budget, spend, savings
FROM retention_components() WHERE batch_id = 95 AND org_code <> 'H45010200011' ORDER BY org_code;
-- A's assessment: completion per contract = per product, agreed-weighted:
-- (420 x 300/420 + 280 x 1 + 0) / (420 + 280) = 580 / 700 = 82.86; selected share 750 / 800
-- = 93.75; on time 100; accuracy 800 / 1000 = 0.8 within [0.8, 1.2] -> 100;
-- 0.4 x 82.857143 + 0.2 x 93.75 + 20 + 20 = 91.89 -> A (0.5) -> R = 406.35 x 0.5 = 203.175 -> 203.18
SELECT org_code, completion_score, selected_share_score, on_time_payment_score, report_accuracy_score, score, grade
FROM retention_assessment() WHERE batch_id = 95 AND org_code = 'H44010600011';
SELECT org_code, savings, retention_ratio, retained FROM retention_statement_for('national')
WHERE batch_id = 95 AND org_code = 'H44010600011';

-- loading brand-level reports: the group is taken from the product; a product not selected,
-- and an institution without the group's report, are refused with the reason
SELECT stage_table('brand', '批次,机构编码,医保药品代码,报送量,报量日期');
INSERT INTO brand VALUES ('95', 'H44010600012', 'XC10AAA996A001010109911', '100', '2024-11-02'),
                         ('95', 'H44010600012', 'XC10AAA996A001010409914', '10', '2024-11-02'),
                         ('95', 'H44010600099', 'XC10AAA996A001010109911', '10', '2024-11-02');
SELECT status, rows_read, inserted, rejected FROM load('product_volume_report', 'brand', '厂牌报量.csv');
SELECT line, column_name, reason, sqlstate FROM load_reject WHERE source = '厂牌报量.csv' ORDER BY line, column_name;
-- B named P1 for 100 now: its group report becomes 100 -> agreed round(0.7 x 100) = 70, all P1
SELECT org_code, product_code, agreed_volume, basis FROM product_agreement WHERE batch_id = 95 AND org_code = 'H44010600012';

-- a batch reporting per group has nothing to split
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (96, '按品种批次', '2025-01-01', 'batch7');
SELECT try_sql($$SELECT vbp.split_product_agreements(96)$$) AS per_group_batch;

-- clean up for the other tests
SET client_min_messages = warning;
TRUNCATE purchase, product_agreement, agreement, product_volume_report, province_supplier, volume_report, institution,
         selection, product, generic_group, batch, load, load_reject, load_superseded RESTART IDENTITY CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false);
