-- Province-level agreed volumes (省级约定采购量): the procurement office fixes a
-- province's volume and allocates it to the province's institutions exactly; the
-- province's completion is reported.  Every expected value is derived by hand.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- Batch 94 starts 2024-01-01 (batch7): group G has 2 winners -> ratio 60%, a 1-year cycle.
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (94, '省级分配批次', '2024-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA997A001', '测试分配片');
INSERT INTO product (product_code, group_code) VALUES
  ('XC10AAA997A001010109905', 'XC10AAA997A001'), ('XC10AAA997A001010209906', 'XC10AAA997A001');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners) VALUES
  (94, 'XC10AAA997A001010109905', true, 1.00, 0.40, 2), (94, 'XC10AAA997A001010209906', true, 1.00, 0.45, 2);
INSERT INTO institution (org_code, name, level, division) VALUES
  ('H44010600001', '广东甲医院', 'tertiary', '440106'), ('H44010600002', '广东乙医院', 'tertiary', '440106'),
  ('H44010600003', '广东丙医院', 'secondary', '440106'), ('H45010200001', '广西丁医院', 'tertiary', '450102'),
  ('H46010600001', '海南戊医院', 'secondary', '460106');
-- reports: Guangdong A 3,000, B 5,000, C none (baseline 1,000); Guangxi D 2,000; Hainan E 0 (baseline 0)
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on) VALUES
  (94, 'H44010600001', 'XC10AAA997A001', 3000, 3000, true, '2023-11-01'),
  (94, 'H44010600002', 'XC10AAA997A001', 5000, 5000, true, '2023-11-01'),
  (94, 'H44010600003', 'XC10AAA997A001', 1000, NULL, false, NULL),
  (94, 'H45010200001', 'XC10AAA997A001', 2000, 2000, true, '2023-11-01'),
  (94, 'H46010600001', 'XC10AAA997A001', 0, 0, true, '2023-11-01');

-- Guangdong's volume is fixed at 10,000: shared 3,000 : 5,000 : 1,000 (C by its baseline)
--   10000 x 3/9 = 3333.33 -> 3333; x 5/9 = 5555.56 -> 5555; x 1/9 = 1111.11 -> 1111; 9,999, the
--   1 left to the largest remainder (.56, B) -> 3,333 + 5,556 + 1,111 = 10,000
-- Guangxi has no provincial figure: D by the ratio, round(0.6 x 2000) = 1,200; Hainan E 0
INSERT INTO province_agreement (batch_id, province, group_code, agreed_volume, source)
VALUES (94, '44', 'XC10AAA997A001', 10000, '示例：广东省约定采购量分配表');
SELECT derive_agreements(94) AS written;
SELECT org_code, agreed_volume, derived FROM agreement WHERE batch_id = 94 ORDER BY org_code;
SELECT province(org_code) AS province, sum(agreed_volume) AS allocated FROM agreement WHERE batch_id = 94 GROUP BY 1 ORDER BY 1;

-- the office changes the figure to 9,000: the trigger allocates again, 3,000 / 5,000 / 1,000 exactly
UPDATE province_agreement SET agreed_volume = 9000 WHERE batch_id = 94 AND province = '44';
SELECT org_code, agreed_volume FROM agreement WHERE batch_id = 94 AND province(org_code) = '44' ORDER BY org_code;
-- a corrected report re-allocates the whole province: C reports 2,000 -> 3 : 5 : 2 of 9,000
--   = 2,700, 4,500, 1,800
UPDATE volume_report SET reported_volume = 2000, reported_on = '2023-12-01'
WHERE batch_id = 94 AND org_code = 'H44010600003';
SELECT org_code, agreed_volume FROM agreement WHERE batch_id = 94 AND province(org_code) = '44' ORDER BY org_code;
UPDATE volume_report SET reported_volume = NULL, reported_on = NULL WHERE batch_id = 94 AND org_code = 'H44010600003';

-- an agreement entered by hand keeps its volume and leaves the rest to the others:
-- A fixed at 4,000 -> 9,000 - 4,000 = 5,000 over B 5,000 : C 1,000 -> 4,167 (4166.67) and 833 (833.33)
UPDATE agreement SET derived = false, agreed_volume = 4000 WHERE batch_id = 94 AND org_code = 'H44010600001';
SELECT allocate_province_volume(94, '44') AS written;
SELECT org_code, agreed_volume, derived FROM agreement WHERE batch_id = 94 AND province(org_code) = '44' ORDER BY org_code;
-- hand-entered volumes above the province's figure, and a province with nothing to share by: 22023
UPDATE agreement SET agreed_volume = 9500 WHERE batch_id = 94 AND org_code = 'H44010600001';
SELECT try_sql($$SELECT vbp.allocate_province_volume(94, '44')$$) AS hand_entered_exceed;
UPDATE agreement SET agreed_volume = 4000 WHERE batch_id = 94 AND org_code = 'H44010600001';
-- Hainan's only report is 0 with a baseline of 0: a figure of 500 there has nothing to be
-- shared by, so the office's insert is refused and E keeps 0
SELECT try_sql($$INSERT INTO vbp.province_agreement (batch_id, province, group_code, agreed_volume)
                 VALUES (94, '46', 'XC10AAA997A001', 500)$$) AS nothing_to_share_by;
SELECT agreed_volume FROM agreement WHERE batch_id = 94 AND org_code = 'H46010600001';
UPDATE agreement SET derived = true WHERE batch_id = 94 AND org_code = 'H44010600001';
SELECT derive_agreements(94) AS written;

-- provincial completion.  Purchases in 2024: A 2,000 selected, B 5,556, C none, D 1,300.
-- On 2024-12-31 (tau 1): Guangdong 2,000 + 5,556 = 7,556 of its 9,000 = 0.839556 >= 0.8 x 1 ->
-- lagging; its institutions: A 2000 / 3000 = 0.667 severely lagging, B 5556 / 5000 completed, C 0
-- severely lagging -> 2 lagging; Guangxi 1,300 of the allocated 1,200 (no provincial figure)
-- = 1.083333 -> completed; Hainan 0 of 0 -> completed
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010600001', 'XC10AAA997A001010109905', '2024-03-01', 2000, '800.00', '2024-03-02', '2024-03-10'),
  ('H44010600002', 'XC10AAA997A001010209906', '2024-03-01', 5556, '2500.20', '2024-03-02', '2024-03-10'),
  ('H45010200001', 'XC10AAA997A001010109905', '2024-09-01', 1300, '520.00', '2024-09-02', '2024-09-10');
SELECT province, province_volume, allocated_volume, unallocated_volume, institutions, time_progress,
       selected_volume, completion, status, lagging_institutions
FROM province_fulfilment_for('2024-12-31') WHERE batch_id = 94 ORDER BY province;
-- on 2024-06-30: tau = 182 / 366 = 0.497268; Guangdong 7,556 / 9,000 = 0.839556 >= tau -> on_track;
-- Guangxi 0 / 1,200 = 0 -> severely lagging
SET vbp.as_of = '2024-06-30';
SELECT province, time_progress, selected_volume, completion, status FROM province_fulfilment WHERE batch_id = 94 ORDER BY province;
RESET vbp.as_of;
-- the national total is the sum of the provinces' own figures: 9,000 + 1,200 + 0
SELECT sum(coalesce(province_volume, allocated_volume)) AS national_volume
FROM province_fulfilment_for('2024-12-31') WHERE batch_id = 94;

-- loading a province's allocation table: by name or code, a bad province refused with the reason
SELECT stage_table('prov', '批次,省份,通用名编码,约定采购量,协议年度,来源');
INSERT INTO prov VALUES ('94', '广西壮族自治区', 'XC10AAA997A001', '2500', '', '广西分配表'),
                        ('94', '99', 'XC10AAA997A001', '100', '', '错行');
SELECT status, rows_read, inserted, rejected FROM load('province_agreement', 'prov', '省级分配.csv');
SELECT line, column_name, value, reason, sqlstate FROM load_reject WHERE source = '省级分配.csv' ORDER BY line;
-- Guangxi now has a figure of 2,500: D gets all of it
SELECT org_code, agreed_volume FROM agreement WHERE batch_id = 94 AND province(org_code) = '45';

-- clean up for the other tests
SET client_min_messages = warning;
TRUNCATE purchase, agreement, province_agreement, volume_report, institution, selection, product, generic_group, batch,
         load, load_reject, load_superseded RESTART IDENTITY CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false);
