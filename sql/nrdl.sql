-- Negotiated drugs landing (谈判药品落地): stocking, availability, dual channel,
-- listing, patient certification, separate payment, drug share, DRG and monitoring.
-- A small fixture with every expected value derived by hand in the comments; then the
-- demo's injected gaps found exactly.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;

-- ---------- fixture ----------
-- list version 7 takes effect 2024-01-10:
--   N1 XL01XEN101A001: dual channel, needs patient certification, separately paid
--   N2 XL04AAN102A001: no flags
--   N3 XA10BJN103A001: dual channel, applies to tertiary hospitals only
-- Beijing 1101: H1 tertiary, H2 primary, P1 dual-channel pharmacy since 2024-01-05
-- Tianjin 1201: H3 tertiary, P2 dual-channel pharmacy since 2024-03-01
INSERT INTO generic_group (group_code, generic_name) VALUES
  ('XL01XEN101A001', '示例靶向片'), ('XL04AAN102A001', '示例免疫胶囊'), ('XA10BJN103A001', '示例降糖注射液');
INSERT INTO product (product_code, group_code, company) VALUES
  ('XL01XEN101A001010100111', 'XL01XEN101A001', '91440101MA0000001?'),
  ('XL04AAN102A001010100111', 'XL04AAN102A001', '91440101MA0000001?'),
  ('XA10BJN103A001010100111', 'XA10BJN103A001', '91440101MA0000001?');
INSERT INTO nrdl_version VALUES (7, '示例版', '2024-01-01', '2024-01-10', NULL);
INSERT INTO nrdl_item (version_id, group_code, negotiated_price, separate_payment, dual_channel, patient_certification) VALUES
  (7, 'XL01XEN101A001', 10, true, true, true), (7, 'XL04AAN102A001', 4, false, false, false),
  (7, 'XA10BJN103A001', 20, false, true, false);
INSERT INTO nrdl_applicability VALUES (7, 'XA10BJN103A001', 'tertiary');
INSERT INTO institution (org_code, name, level, division, dual_channel, dual_channel_since) VALUES
  ('H11010100001', 'H1', 'tertiary', '110101', false, NULL), ('H11010100002', 'H2', 'primary', '110101', false, NULL),
  ('P11010100001', 'P1', 'pharmacy', '110101', true, '2024-01-05'),
  ('H12010100001', 'H3', 'tertiary', '120101', false, NULL), ('P12010100001', 'P2', 'pharmacy', '120101', true, '2024-03-01');
SELECT try_sql($$INSERT INTO vbp.institution (org_code, name, level, division, dual_channel_since)
                 VALUES ('P12010100009', 'x', 'pharmacy', '120101', '2024-01-01')$$) AS since_without_flag;
-- committees: H1 10 days after, H3 51 days after (late), H2 none (late once 30 days have passed)
INSERT INTO committee_meeting VALUES ('H11010100001', '2024-01-20'), ('H12010100001', '2024-03-01');
-- stocking: H1 N1 on 01-25 (15 days), N2 temporarily on 02-09 (30 days); H2 N2 on 02-19 (40 days);
-- H3 N3 on 04-05 (after 03-31); P1 N1 and N2 on 01-15; P2 N1 on 02-01
INSERT INTO formulary_admission VALUES
  ('H11010100001', 'XL01XEN101A001', '2024-01-25', false), ('H11010100001', 'XL04AAN102A001', '2024-02-09', true),
  ('H11010100002', 'XL04AAN102A001', '2024-02-19', false), ('H12010100001', 'XA10BJN103A001', '2024-04-05', false),
  ('P11010100001', 'XL01XEN101A001', '2024-01-15', false), ('P11010100001', 'XL04AAN102A001', '2024-01-15', false),
  ('P12010100001', 'XL01XEN101A001', '2024-02-01', false);
-- dispensing (N1p, N2p, N3p the products of N1, N2, N3):
--   L1 H1 N1p 02-01 100.00 fund 70.00 PT1 hospital DRG001     L2 P1 N1p 02-10 100.00 / 70.00 PT3 pharmacy
--   L3 P1 N1p 02-20  50.00 / 35.00 PT2 pharmacy                 L4 H1 N1p 03-05  50.00 / 35.00 PT2 hospital DRG001
--   L5 H1 N1p 03-20  50.00 / 35.00 PT2 hospital                 L6 H1 N1p 01-05  50.00 / 35.00 PT3 hospital (before the list)
--   L7 H2 N2p 02-19  80.00 / 56.00 PT3 hospital DRG002          L8 H3 N3p 03-10 200.00 / 140.00 PT4 hospital DRG002
--   L9 P2 N3p 03-12 100.00 / 50.00 PT4 pharmacy
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, trace_code, channel, drg_group) VALUES
  ('H11010100001', 'XL01XEN101A001010100111', '2024-02-01', 10, '100.00', '70.00', 'PT1', '10000010000000000001', 'hospital', 'DRG001'),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-02-10', 10, '100.00', '70.00', 'PT3', '10000010000000000002', 'pharmacy', NULL),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-02-20', 5, '50.00', '35.00', 'PT2', '10000010000000000003', 'pharmacy', NULL),
  ('H11010100001', 'XL01XEN101A001010100111', '2024-03-05', 5, '50.00', '35.00', 'PT2', '10000010000000000004', 'hospital', 'DRG001'),
  ('H11010100001', 'XL01XEN101A001010100111', '2024-03-20', 5, '50.00', '35.00', 'PT2', '10000010000000000005', 'hospital', NULL),
  ('H11010100001', 'XL01XEN101A001010100111', '2024-01-05', 5, '50.00', '35.00', 'PT3', '10000010000000000006', 'hospital', NULL),
  ('H11010100002', 'XL04AAN102A001010100111', '2024-02-19', 20, '80.00', '56.00', 'PT3', '10000010000000000007', 'hospital', 'DRG002'),
  ('H12010100001', 'XA10BJN103A001010100111', '2024-03-10', 10, '200.00', '140.00', 'PT4', '10000010000000000008', 'hospital', 'DRG002'),
  ('P12010100001', 'XA10BJN103A001010100111', '2024-03-12', 10, '100.00', '50.00', 'PT4', '10000010000000000009', 'pharmacy', NULL);
-- certification of N1: PT1 from 01-01 open-ended; PT2 03-01 to 03-10; PT3 none
INSERT INTO patient_certification VALUES ('PT1', 'XL01XEN101A001', '2024-01-01', NULL),
                                         ('PT2', 'XL01XEN101A001', '2024-03-01', '2024-03-10');
SELECT try_sql($$INSERT INTO vbp.patient_certification VALUES ('PT9', 'XL01XEN101A001', '2024-03-01', '2024-02-01')$$) AS inverted;
-- dual-channel list: Beijing on 01-20, Tianjin none; platform listing: Beijing N1 01-15 (5 days),
-- N2 01-08 (2 days before), Tianjin N1 04-10 (after 03-31)
INSERT INTO dual_channel_list VALUES ('11', 7, '2024-01-20');
INSERT INTO platform_listing VALUES ('11', 'XL01XEN101A001', '2024-01-15'), ('11', 'XL04AAN102A001', '2024-01-08'),
                                    ('12', 'XL01XEN101A001', '2024-04-10');
-- H1: budget 1000.00 for 2024, fund paid 600.00 in January and 500.00 in February; H2: 500.00, no months
INSERT INTO institution_budget VALUES ('H11010100001', 2024, '1000.00'), ('H11010100002', 2024, '500.00');
INSERT INTO institution_month VALUES ('H11010100001', '2024-01-01', 10, '1000.00', '300.00', '600.00'),
                                     ('H11010100001', '2024-02-01', 20, '2000.00', '700.00', '500.00');
SELECT try_sql($$INSERT INTO vbp.institution_month VALUES ('H11010100002', '2024-01-15', 1, '10.00', '1.00', '1.00')$$) AS mid_month,
       try_sql($$INSERT INTO vbp.institution_month VALUES ('H11010100002', '2024-01-01', 1, '10.00', '11.00', '1.00')$$) AS drugs_above_cost;
-- DRG cases: H1 C1 DRG001 02-01 1000.00, C2 DRG001 03-05 3000.00; H2 C3 DRG002 02-19 500.00;
-- H3 C4 DRG002 03-10 1500.00, C5 DRG003 03-11 2000.00
INSERT INTO drg_case VALUES ('H11010100001', 'C1', 'DRG001', '2024-02-01', '1000.00'),
                            ('H11010100001', 'C2', 'DRG001', '2024-03-05', '3000.00'),
                            ('H11010100002', 'C3', 'DRG002', '2024-02-19', '500.00'),
                            ('H12010100001', 'C4', 'DRG002', '2024-03-10', '1500.00'),
                            ('H12010100001', 'C5', 'DRG003', '2024-03-11', '2000.00');

-- ---------- stocking as of 2024-03-31 ----------
-- H1 (tertiary): 3 applicable, N1 and N2 stocked (N2 only temporarily): 2/3 = 0.666667; median of
--   15 and 30 days = 22.5; committee 01-20, 10 days: not late
-- H2 (primary): N3 does not apply: 2 applicable, N2 stocked: 0.5; 40 days; no committee after
--   81 days: late
-- H3 (tertiary): 3 applicable, N3 stocked only on 04-05: 0, no median; committee 03-01, 51 days: late
SELECT org_code, level, province, city, applicable, stocked, temporary_only, stocking_rate, median_days_to_stock,
       committee_on, committee_late
FROM nrdl_stocking_for('2024-03-31') ORDER BY org_code;
-- on 2024-02-05: H1 has N1 only; H3's committee is not yet due (26 days), H2's neither
SELECT org_code, stocked, committee_late FROM nrdl_stocking_for('2024-02-05') ORDER BY org_code;
-- pairs: national 3 of 8 = 0.375; tertiary 2 of 6, primary 1 of 2; Beijing 3 of 5, Tianjin 0 of 3
SELECT scope, key, institutions, applicable, stocked, stocking_rate
FROM nrdl_stocking_summary_for('2024-03-31') ORDER BY scope, key;

-- ---------- effective availability ----------
-- 2024-03-31, 3 drugs in force: H1 has N1, N2 (N3 not at P1): 2/3; H2 has N2 and N1 through P1
-- (dual channel): 2/3, 1 via the pharmacy; H3 nothing itself, N1 through P2 (qualified 03-01): 1/3.
-- P1 also stocks N2, which is not a dual-channel drug: it does not count for H2
SELECT org_code, drugs, stocked, via_pharmacy, available, availability_rate
FROM nrdl_availability_for('2024-03-31') ORDER BY org_code;
-- on 2024-02-15 P2 is not yet qualified: H3 0
SELECT org_code, available FROM nrdl_availability_for('2024-02-15') WHERE org_code = 'H12010100001';
-- stocked by nobody in the province (any pharmacy counts): Beijing N3; Tianjin N2 and N3
SELECT province, group_code FROM nrdl_province_gap_for('2024-03-31') WHERE province IN ('11', '12') ORDER BY 1, 2;

-- ---------- dual channel ----------
-- 2024-03-31: Tianjin has no list for version 7; every city of Beijing and Tianjin has a pharmacy;
-- on 2024-02-15 Tianjin's city has none qualified yet
SELECT kind, province, city FROM dual_channel_gap_for('2024-03-31') WHERE province IN ('11', '12') ORDER BY 1, 2, 3;
SELECT kind, province, city FROM dual_channel_gap_for('2024-02-15') WHERE province IN ('11', '12') ORDER BY 1, 2, 3;
-- at the 2021 notice's deadlines (2021-10-31, 2021-11-30) no pharmacy was qualified and no list was in force
SELECT kind, deadline, count(*) FROM dual_channel_deadline_gap() GROUP BY 1, 2 ORDER BY 1;
-- same reimbursement: N1 hospitals L1+L4+L5 140/200 = 0.7 (L6 was before the list), pharmacies
-- L2+L3 105/150 = 0.7; N3 hospitals 140/200 = 0.7, pharmacies 50/100 = 0.5: differs by 0.2 > 0.01
SELECT * FROM channel_reimbursement_for('2024-01-01', '2024-03-31') ORDER BY group_code;

-- ---------- listing ----------
-- Beijing N1 5 days, N2 -2 days, N3 not listed; Tianjin none listed by 03-31 (N1 on 04-10)
SELECT province, group_code, listed_on, days_to_list, not_listed
FROM nrdl_listing_for('2024-03-31') WHERE province IN ('11', '12') ORDER BY 1, 2;

-- ---------- patient certification ----------
-- L2 (PT3, never certified), L3 (PT2 before 03-01), L5 (PT2 after 03-10); not L6 (before the list),
-- not L1 (PT1), not L4 (PT2 within), not N2 or N3 (no certification needed)
SELECT dispensed_on, org_code, channel, patient_id, group_code
FROM uncertified_dispensing_for('2024-01-01', '2024-03-31') ORDER BY dispensed_on;

-- ---------- separate payment ----------
-- H1: fund 600 + 500 = 1100.00 of 1000.00 = 1.1, over; separately paid N1 in hospitals L1 + L4 + L5
-- = 140.00 (L6 before the list): 960 / 1000 = 0.96, within.  H2: nothing paid: 0
SELECT * FROM budget_use_for(2024) ORDER BY org_code;

-- ---------- drug share and cost per visit ----------
-- H1 January: L6 is before the list, so no negotiated cost: 300/1000 = 0.3 both; 1000/10 = 100.00
-- H1 February: L1 100.00 negotiated: 700/2000 = 0.35, (700-100)/(2000-100) = 0.315789..;
--   2000/20 = 100.00, 1900/20 = 95.00
SELECT * FROM drug_share_for('2024-01-01', '2024-03-01') ORDER BY org_code, month;

-- ---------- DRG ----------
-- negotiated under DRG001: L1 + L4 = 150.00 over 2 cases of 4000.00: 75.00 per case, share 0.0375;
-- DRG002: L7 + L8 = 280.00 over 2 cases of 2000.00: 140.00, 0.14; DRG003: none.
-- All: 5 cases, 8000.00, 430.00 negotiated: 1600 per case, 1514 without.
-- weights with: 2000/1600 = 1.25, 1000/1600 = 0.625, 2000/1600 = 1.25;
-- without: 1925/1514 = 1.271466.., 860/1514 = 0.568032.., 2000/1514 = 1.321004..
SELECT * FROM drg_negotiated_for('2024-01-01', '2024-03-31') ORDER BY drg_group;

-- ---------- monitoring ----------
-- Beijing: 5 applicable pairs; stocked by the month ends 1 (Jan), 3 (Feb: N2 at H1 and H2), 3 (Mar);
--   used in Feb L1, L2, L3, L7: 45 units, 330.00, fund 231.00, pharmacies 150/330 = 0.454545;
--   in Mar L4, L5: 10 units, 100.00, 70.00; in Jan L6 was before the list
-- Tianjin: 3 applicable, none stocked; used in Mar L8, L9: 20 units, 300.00, 190.00, pharmacy 1/3
SELECT * FROM nrdl_monitoring_for('2024-01-01', '2024-03-31') WHERE province IN ('11', '12') ORDER BY 1, 2;

-- ---------- edge cases (each in a transaction rolled back) ----------
-- a refund hands the drug back: PT2 (certified 03-01 to 03-10) returns L4's 5 units on 03-15,
-- after the certification ended: a refund is no dispensing to an uncertified patient
BEGIN;
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
VALUES ('H11010100001', 'XL01XEN101A001010100111', '2024-03-15', -5, '-50.00', '-35.00', 'PT2', 'hospital');
SELECT count(*) AS refund_listed_as_uncertified FROM uncertified_dispensing_for('2024-01-01', '2024-12-31') WHERE dispensed_on = '2024-03-15';
ROLLBACK;
-- monitoring counts months: from 2024-01-10 to 2024-01-05 is the one month of January (the
-- view at a reporting date of 2024-01-05, before the list's day, gives January: drugs in
-- force at 01-31 = 3); from February to January is inverted (22023); before the list's month
-- the view gives the reporting month with nothing in force
SELECT count(*) AS provinces, min(month) AS month, max(drugs) AS drugs FROM nrdl_monitoring_for('2024-01-10', '2024-01-05');
SELECT try_sql($$SELECT count(*) FROM vbp.nrdl_monitoring_for('2024-02-01', '2024-01-31')$$) AS inverted;
SET vbp.as_of = '2024-01-05';
SELECT count(*) AS provinces, min(month) AS month, max(drugs) AS drugs FROM nrdl_monitoring;
SET vbp.as_of = '2023-12-15';
SELECT count(*) AS provinces, min(month) AS month, max(drugs) AS drugs FROM nrdl_monitoring;
RESET vbp.as_of;
-- every medical institution has a stocking row for each version, with its committee
-- deadline, though no drug of the version applies to its level: version 8 (from 02-01)
-- holds only N3, which applies to tertiary hospitals.  As of 03-31: H1 applicable 1,
-- stocked 0, no meeting since 02-01 (its 01-20 one is before): late (59 > 30 days); H2
-- applicable 0, rate none, no meeting: late; H3 applicable 1, N3 stocked only on 04-05: 0,
-- met 03-01, 29 days after: not late.  (Version 8 from 02-01 also ends version 7 on 01-31.)
BEGIN;
INSERT INTO nrdl_version VALUES (8, '补充版', '2024-01-20', '2024-02-01', NULL);
INSERT INTO nrdl_item (version_id, group_code, negotiated_price) VALUES (8, 'XA10BJN103A001', 20);
INSERT INTO nrdl_applicability VALUES (8, 'XA10BJN103A001', 'tertiary');
SELECT org_code, level, applicable, stocked, stocking_rate, committee_on, committee_late
FROM nrdl_stocking_for('2024-03-31') WHERE version_id = 8 ORDER BY org_code;
ROLLBACK;
-- versions that take effect on the same day are in force together: version 8 from
-- 2024-01-10 too, with N3 again: neither ends the other (both open), so on 02-01 version 7's
-- three drugs and version 8's one are in force
BEGIN;
INSERT INTO nrdl_version VALUES (8, '同日补充版', '2024-01-01', '2024-01-10', NULL);
INSERT INTO nrdl_item (version_id, group_code, negotiated_price) VALUES (8, 'XA10BJN103A001', 18);
SELECT version_id, count(*) AS items, min(valid_to) AS valid_to FROM nrdl_item_period GROUP BY 1 ORDER BY 1;
SELECT version_id, count(*) AS in_force FROM nrdl_in_force('2024-02-01') GROUP BY 1 ORDER BY 1;
ROLLBACK;
-- a channel whose lines net to no amount is not compared: between 03-05 and 03-06 the
-- hospitals' only N1 line (L4, 50.00) is refunded in full on 03-06, and P1 sells 50.00
-- (fund 25.00) on 03-05: the hospital share 0.00 / 0.00 is none, so no row (it was a row
-- whose mismatch was NULL)
BEGIN;
INSERT INTO dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel) VALUES
  ('H11010100001', 'XL01XEN101A001010100111', '2024-03-06', -5, '-50.00', '-35.00', 'PT2', 'hospital'),
  ('P11010100001', 'XL01XEN101A001010100111', '2024-03-05', 5, '50.00', '25.00', 'PT3', 'pharmacy');
SELECT count(*) AS compared FROM channel_reimbursement_for('2024-03-05', '2024-03-06');
ROLLBACK;
-- as of an infinite date a committee not met is late (it failed with "cannot subtract
-- infinite dates" where committee_late was read): H1 met 10 days after, H2 never, H3 51
-- days after
SELECT org_code, committee_on, committee_late FROM nrdl_stocking_for('infinity') ORDER BY org_code;

-- ---------- list periods ----------
-- a new version 8 (N2 only) from 2024-04-01 ends version 7, left open-ended, on 03-31;
-- on 04-02 only N2 is in force
INSERT INTO nrdl_version VALUES (8, '示例新版', '2024-03-20', '2024-04-01', NULL);
INSERT INTO nrdl_item (version_id, group_code, negotiated_price) VALUES (8, 'XL04AAN102A001', 3);
SELECT version_id, group_code, effective_from, valid_to FROM nrdl_item_period ORDER BY 1, 2;
SELECT version_id, group_code FROM nrdl_in_force('2024-04-02');
SELECT count(*) AS lines_before_the_list FROM dispensing d
WHERE NOT EXISTS (SELECT 1 FROM nrdl_dispensing n WHERE n.dispensing_id = d.dispensing_id);

-- ---------- clean up the fixtures ----------
SET client_min_messages = warning;
TRUNCATE vbp.dispensing, vbp.nrdl_version, vbp.nrdl_item, vbp.product, vbp.generic_group, vbp.institution CASCADE;
RESET client_min_messages;
SELECT setval('vbp.dispensing_id_seq', 1, false);

-- ---------- the demo's injected gaps, found exactly ----------
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
CREATE TEMP TABLE found AS
SELECT 'late_committee' AS kind, org_code::text || ' ' || version_id AS key FROM nrdl_stocking WHERE committee_late
UNION ALL SELECT 'nrdl_unstocked_in_province', province || ' ' || group_code::text FROM nrdl_province_gap_for(report_date())
UNION ALL SELECT kind, coalesce(city, province) FROM dual_channel_gap
UNION ALL SELECT 'channel_reimbursement_mismatch', group_code::text
          FROM channel_reimbursement_for('2022-01-01', report_date()) WHERE mismatch
UNION ALL SELECT 'nrdl_not_listed', province || ' ' || group_code::text FROM nrdl_listing WHERE not_listed
UNION ALL SELECT DISTINCT 'uncertified_dispensing', patient_id || ' ' || group_code::text
          FROM uncertified_dispensing_for('2022-01-01', report_date());
SELECT k.kind,
       (SELECT count(*) FROM demo_injection i WHERE i.kind = k.kind) AS injected,
       (SELECT count(*) FROM (SELECT key FROM demo_injection i WHERE i.kind = k.kind EXCEPT SELECT key FROM found f WHERE f.kind = k.kind) x) AS missing,
       (SELECT count(*) FROM (SELECT key FROM found f WHERE f.kind = k.kind EXCEPT SELECT key FROM demo_injection i WHERE i.kind = k.kind) x) AS extra
FROM (SELECT DISTINCT kind FROM found UNION SELECT kind FROM demo_injection
      WHERE kind IN ('late_committee', 'nrdl_unstocked_in_province', 'city_without_dual_channel_pharmacy',
                     'province_without_dual_channel_list', 'channel_reimbursement_mismatch', 'nrdl_not_listed',
                     'uncertified_dispensing')) k
ORDER BY 1;
-- the other reports run on the demo and agree with their parts
SELECT count(*) > 0 AS rows, bool_and(available >= stocked) AS available_covers_stocked,
       bool_and(availability_rate BETWEEN 0 AND 1) AS rates_in_range
FROM nrdl_availability;
SELECT sum(applicable) = (SELECT applicable FROM nrdl_stocking_summary WHERE scope = 'national' AND version_id = 2) AS national_sum
FROM nrdl_stocking WHERE version_id = 2;
SELECT count(*) AS budgets, bool_and(use_without <= use_with) AS excluding_lowers_use,
       count(*) FILTER (WHERE over_budget_with AND NOT over_budget_without) > 0 AS some_within_only_without
FROM budget_use_for(2022);
SELECT bool_and(drug_share_without <= drug_share) AS share_not_higher_without, count(*) AS institution_months
FROM drug_share_for('2022-01-01', report_date());
SELECT count(*) AS drg_groups, sum(cases) = (SELECT count(*) FROM drg_case) AS every_case
FROM drg_negotiated_for('2022-01-01', report_date());
SELECT count(DISTINCT province) AS provinces, count(DISTINCT month) AS months,
       sum(lines) = (SELECT count(*) FROM dispensing d JOIN product p USING (product_code)
                     JOIN nrdl_version v ON d.dispensed_on BETWEEN v.effective_from AND coalesce(v.effective_to, 'infinity')
                     JOIN nrdl_item it ON it.version_id = v.version_id AND it.group_code = p.group_code) AS every_line
FROM nrdl_monitoring;

-- clean up for the other tests
SELECT empty_demo_tables();
