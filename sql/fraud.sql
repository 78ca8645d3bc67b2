-- Dual-channel fraud rules: overlapping days' supply at different institutions,
-- and dispensing beyond the prescription.  A fixture; expected values in the comments.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
INSERT INTO generic_group (group_code, generic_name) VALUES ('XL01XEN101A001', '示例靶向片'), ('XL04AAN102A001', '示例免疫胶囊');
INSERT INTO product (product_code, group_code, company) VALUES
  ('XL01XEN101A001010100111', 'XL01XEN101A001', '91440101MA0000001?'),
  ('XL01XEN101A001010100222', 'XL01XEN101A001', '91440101MA0000002?'),
  ('XL04AAN102A001010100111', 'XL04AAN102A001', '91440101MA0000001?');
INSERT INTO institution (org_code, name, level, division, dual_channel) VALUES
  ('H11010100001', 'H1', 'tertiary', '110101', false),
  ('P11010100001', 'P1', 'pharmacy', '110101', true), ('P11010100002', 'P2', 'pharmacy', '110101', true);
-- prescriptions of H1: RX1 PT1 N1 60 units; RX2 PT2 N1 30 units; RX3 PT3 N2 10 units
INSERT INTO prescription VALUES ('RX1', 'H11010100001', 'PT1', 'XL01XEN101A001', '2024-02-28', 60, 60),
                                ('RX2', 'H11010100001', 'PT2', 'XL01XEN101A001', '2024-02-28', 30, 30),
                                ('RX3', 'H11010100001', 'PT3', 'XL04AAN102A001', '2024-02-28', 10, 10);
-- PT1 N1: P1 03-01 30 days (to 03-30), P2 03-20 30 days (another company's product, same drug) -> 11 days
--   overlap (03-20..03-30); P1 again 04-01 30 days: with P2's 03-20 (to 04-18) -> 18 days; with its own
--   03-01 line nothing (same pharmacy, and no overlap)
-- PT2 N1: P1 03-01 30 days, P2 04-05: no overlap.  PT3 N2: no days' supply: not checked.
-- RX1: 30 + 20 + 30 = 80 > 60: 20 over.  RX2: 30 = 30.  RX3: 10 units but to PT4: another patient.
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, trace_code, channel,
                        days_supply, prescription_id) VALUES
  ('P11010100001', 'XL01XEN101A001010100111', '2024-03-01', 30, '300.00', '210.00', 'PT1', NULL, 'pharmacy', 30, 'RX1'),
  ('P11010100002', 'XL01XEN101A001010100222', '2024-03-20', 20, '200.00', '140.00', 'PT1', NULL, 'pharmacy', 30, 'RX1'),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-04-01', 30, '300.00', '210.00', 'PT1', NULL, 'pharmacy', 30, 'RX1'),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-03-01', 30, '300.00', '210.00', 'PT2', NULL, 'pharmacy', 30, 'RX2'),
  ('P11010100002', 'XL01XEN101A001010100111', '2024-04-05', 30, '300.00', '210.00', 'PT2', NULL, 'pharmacy', 30, NULL),
  ('P11010100001', 'XL04AAN102A001010100111', '2024-03-01', 10, '40.00', '28.00', 'PT4', NULL, 'pharmacy', NULL, 'RX3');
SELECT patient_id, group_code, first_org, first_on, first_days, second_org, second_on, second_days, overlap_days
FROM overlapping_supply_for('2024-01-01', '2024-12-31') ORDER BY patient_id, second_on;
-- only pairs whose later line falls in the period
SELECT count(*) AS in_april FROM overlapping_supply_for('2024-04-01', '2024-04-30');
SELECT prescription_id, patient_id, prescribed, dispensed, excess, lines, other_patient, other_drug
FROM over_prescription_for('2024-01-01', '2024-12-31') ORDER BY 1;
SELECT try_sql($$INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel, days_supply)
                 VALUES ('P11010100001', 'XL01XEN101A001010100111', '2024-05-01', 1, '1.00', '0.50', 'PT9', 'pharmacy', 0)$$) AS zero_days;

-- a prescription number is its institution's: H3 (Tianjin) writes RX1 too, for PT9 and
-- N2, 100 units, dispensed in full by P1 on 05-10 (100 units to PT9).  H1's RX1 above
-- keeps its 80 of 60 (the new line is PT9's, whose RX1 is H3's), and H3's RX1 has 100 of
-- 100 for its patient and drug: no row.  A line of RX1 to PT7, who holds neither
-- prescription, belongs to both (counted at each as dispensed to another patient):
-- H1's RX1 then 80 + 5 = 85 (excess 25; the line is of N2, another drug than H1's N1),
-- H3's 100 + 5 = 105 (excess 5, its own drug), both to another patient
BEGIN;
INSERT INTO institution (org_code, name, level, division, dual_channel) VALUES ('H12010100001', 'H3', 'tertiary', '120101', false);
INSERT INTO prescription VALUES ('RX1', 'H12010100001', 'PT9', 'XL04AAN102A001', '2024-05-09', 100, 30);
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel, days_supply, prescription_id)
VALUES ('P11010100001', 'XL04AAN102A001010100111', '2024-05-10', 100, '400.00', '280.00', 'PT9', 'pharmacy', 30, 'RX1');
SELECT prescription_id, org_code, patient_id, prescribed, dispensed, excess, lines, other_patient, other_drug
FROM over_prescription_for('2024-01-01', '2024-12-31') ORDER BY 1, 2;
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel, days_supply, prescription_id)
VALUES ('P11010100002', 'XL04AAN102A001010100111', '2024-05-11', 5, '20.00', '14.00', 'PT7', 'pharmacy', 5, 'RX1');
SELECT prescription_id, org_code, patient_id, prescribed, dispensed, excess, lines, other_patient, other_drug
FROM over_prescription_for('2024-01-01', '2024-12-31') WHERE prescription_id = 'RX1' ORDER BY 1, 2;
ROLLBACK;

-- refunds supply nothing: PT5 buys N1 for 30 days at P1 on 06-01 (line S1) and returns it
-- in full on 06-02 (a negative line naming S1, carrying the sale's days); P2 sells 30 days
-- on 06-10: no overlap (P1's supply was returned before), and the refund line is no supply.
-- A partial return (10 of 30 on 06-02) leaves the sale: 06-01 + 30 = 07-01, overlap with
-- 06-10 is 07-01 - 06-10 = 21 days
BEGIN;
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel, days_supply, line_id, refund_of) VALUES
  ('P11010100001', 'XL01XEN101A001010100111', '2024-06-01', 30, '300.00', '210.00', 'PT5', 'pharmacy', 30, 'S1', NULL),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-06-02', -30, '-300.00', '-210.00', 'PT5', 'pharmacy', 30, 'S1R', 'S1'),
  ('P11010100002', 'XL01XEN101A001010100111', '2024-06-10', 30, '300.00', '210.00', 'PT5', 'pharmacy', 30, 'S2', NULL);
SELECT count(*) AS overlaps_of_a_returned_supply FROM overlapping_supply_for('2024-06-01', '2024-06-30') WHERE patient_id = 'PT5';
UPDATE dispensing SET quantity = -10, amount = '-100.00', fund_paid = '-70.00' WHERE line_id = 'S1R';
SELECT first_org, first_on, second_org, second_on, overlap_days FROM overlapping_supply_for('2024-06-01', '2024-06-30') WHERE patient_id = 'PT5';
ROLLBACK;

-- a refund is no scan, whether or not the export named the sale: H1 sells code ...0001 on
-- 07-05 and takes it back on 07-15 in a line without refund_of: July, H1: 1 scan, 0 repeats
BEGIN;
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, trace_code, channel, line_id) VALUES
  ('H11010100001', 'XL01XEN101A001010100111', '2024-07-05', 1, '50.00', '35.00', 'PT2', '10000010000000000001', 'hospital', 'T1'),
  ('H11010100001', 'XL01XEN101A001010100111', '2024-07-15', -1, '-50.00', '-35.00', 'PT2', '10000010000000000001', 'hospital', 'T2');
SELECT month, org_code, scans, repeats, repeat_rate FROM trace_code_monthly_for('2024-07-01', '2024-07-31');
ROLLBACK;

SET client_min_messages = warning;
TRUNCATE vbp.dispensing, vbp.prescription, vbp.product, vbp.generic_group, vbp.institution CASCADE;
RESET client_min_messages;
SELECT setval('vbp.dispensing_id_seq', 1, false);
