-- Retention of fund savings (结余留用): apportionment and the settlement engine.
-- Every expected value is derived by hand in the comments.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- ---------- apportion ----------
-- 100.00 over 1:1:1: 3333 fen each, 1 left; equal remainders and weights -> the earlier row
SELECT id, apportion('100.00', w) OVER (ORDER BY id) FROM (VALUES (1, 1), (2, 1), (3, 1)) t(id, w);
-- numeric weights 0.5 : 0.25 : 0.25 of 0.03 -> scaled 50:25:25, 3 fen x w / 100 = 1.5, 0.75, 0.75;
-- quotas 1, 0, 0 leave 2 fen for the largest remainders (75, 75) -> 0.01 each
SELECT id, apportion('0.03', w) OVER (ORDER BY id) FROM (VALUES (1, 0.5), (2, 0.25), (3, 0.25)) t(id, w);
-- a retained amount split over departments by their spend (cny weights): 1858.50 x 1/6, 2/6, 3/6
SELECT dept, apportion('1858.50', spend) OVER (ORDER BY dept) AS share
FROM (VALUES ('内科', '1000.00'::cny), ('外科', '2000.00'), ('药剂科', '3000.00')) t(dept, spend);
-- NULL weights get NULL and take no part; zero weights get 0.00; bigint weights
SELECT id, apportion('10.00', w) OVER (ORDER BY id) FROM (VALUES (1, 3::bigint), (2, NULL), (3, 0), (4, 1)) t(id, w);
-- per partition, with a negative total (a clawback) mirrored: -0.05 over 1:1 -> -0.03, -0.02
SELECT grp, id, apportion(total, w) OVER (PARTITION BY grp ORDER BY id)
FROM (VALUES ('a', 1, '-0.05'::cny, 1), ('a', 2, '-0.05', 1), ('b', 1, '7.00', 2), ('b', 2, '7.00', 5)) t(grp, id, total, w);
-- array form
SELECT apportion('100.00', ARRAY[1, 1, 1]) AS thirds, apportion('1.00', ARRAY[2, NULL, 1, 1]::numeric[]) AS with_null;
-- errors: 22023 for negative weights, all-zero weights with a total, totals that differ in a partition
SELECT try_sql($$SELECT vbp.apportion('1.00'::vbp.cny, w) OVER () FROM (VALUES (1), (-1)) t(w)$$) AS negative;
SELECT try_sql($$SELECT vbp.apportion('1.00'::vbp.cny, w) OVER () FROM (VALUES (0), (0)) t(w)$$) AS all_zero;
SELECT try_sql($$SELECT vbp.apportion(t, 1) OVER () FROM (VALUES ('1.00'::vbp.cny), ('2.00')) x(t)$$) AS totals_differ;
SELECT try_sql($$SELECT vbp.apportion('1.00'::vbp.cny, 'NaN'::numeric) OVER ()$$) AS nan_weight,
       try_sql($$SELECT vbp.apportion('1.00'::vbp.cny, ARRAY[1, 'Infinity']::numeric[])$$) AS infinite_weight;
SELECT apportion('0.00', w) OVER () FROM (VALUES (0), (0)) t(w);
-- every weight NULL, or none: every share NULL (no weight takes part), not an error
SELECT apportion('1.00', ARRAY[NULL, NULL]::numeric[]) AS all_null, apportion('1.00', ARRAY[]::numeric[]) AS none;
SELECT i, apportion('1.00', w) OVER (ORDER BY i) FROM (VALUES (1, NULL::int), (2, NULL)) t(i, w);
-- weights from an ordinary division (1/3 and 2/3 carry 20 digits after the point):
-- 100.00 yuan = 10000 fen; 10000 x 1/3 = 3333.33 -> 3333 fen, 10000 x 2/3 = 6666.67
-- -> 6666 fen, remainder 1 fen to the larger fraction (.67): 33.33 and 66.67
SELECT id, apportion('100.00', w) OVER (ORDER BY id)
FROM (VALUES (1, 1::numeric / 3), (2, 2::numeric / 3)) t(id, w);
-- 1.00 yuan over three thirds: 33.33... fen each, the 1 fen left to the first (ties to the earlier row)
SELECT apportion('1.00', ARRAY[1::numeric / 3, 1::numeric / 3, 1::numeric / 3]) AS thirds_by_division;
-- a weight of 10^19 or more does not fit in 64 bits: a clear 22003
SELECT try_sql($$SELECT vbp.apportion('1.00'::vbp.cny, ARRAY[1e19, 1]::numeric[])$$) AS huge_weight;
-- weights all far below 1 keep their ratio: 1e-20 : 3e-20 is 1 : 3 of 100 fen -> 25 and 75 fen
-- (each weight scaled by 10^20, not rounded to zero); beside a weight of 1, 1e-30 gets
-- 100 x 1e-30 fen, nothing
SELECT apportion('1.00', ARRAY[1e-20, 3e-20]) AS tiny, apportion('1.00', ARRAY[1, 1e-30]) AS beside_one;
SELECT id, apportion('1.00', w) OVER (ORDER BY id) FROM (VALUES (1, 1e-20), (2, 3e-20)) t(id, w);

-- properties over 2,000 random partitions: shares sum to the total exactly, each is within
-- one fen of total x w / W, and a larger weight never gets a smaller share
SELECT setseed(0.2026);
CREATE TEMP TABLE prop AS
SELECT p, i, (floor(random() * 1e9) - 2e8)::bigint AS total_fen,
       CASE WHEN random() < 0.2 THEN 0 ELSE floor(random() * 1000)::bigint END AS w
FROM generate_series(1, 2000) p, generate_series(1, 1 + (p % 17)) i;
UPDATE prop SET total_fen = f.t FROM (SELECT p, min(total_fen) AS t FROM prop GROUP BY p) f WHERE f.p = prop.p;
UPDATE prop SET w = 1 WHERE i = 1 AND p IN (SELECT p FROM prop GROUP BY p HAVING sum(w) = 0);
CREATE TEMP TABLE prop_out AS
SELECT p, i, total_fen, w, fen(apportion(total_fen::cny, w) OVER (PARTITION BY p ORDER BY i)) AS share,
       sum(w) OVER (PARTITION BY p) AS wsum
FROM prop;
SELECT count(DISTINCT p) AS partitions,
       (SELECT count(*) FROM (SELECT p FROM prop_out GROUP BY p HAVING sum(share) <> min(total_fen)) x) AS sum_not_exact,
       count(*) FILTER (WHERE abs(share::numeric * wsum - total_fen::numeric * w) >= wsum) AS beyond_one_fen,
       (SELECT count(*) FROM prop_out a JOIN prop_out b USING (p)
        WHERE a.w > b.w AND CASE WHEN a.total_fen >= 0 THEN a.share < b.share ELSE a.share > b.share END) AS not_monotone
FROM prop_out;

-- ---------- worked example ----------
-- One institution, batch 90 (1 winner -> 50%), two generic groups, r_pay 0.7 x s_ins 0.9 = 0.63.
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (90, '示例批次', '2024-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XA01ABD075A002', '地喹氯铵含片'), ('XB06ACL388A001', '示例注射剂');
INSERT INTO product (product_code, group_code) VALUES
  ('XA01ABD075A002010100483', 'XA01ABD075A002'), ('XA01ABD075A002010100777', 'XA01ABD075A002'),
  ('XB06ACL388A001010100483', 'XB06ACL388A001'), ('XB06ACL388A001010100555', 'XB06ACL388A001');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners) VALUES
  (90, 'XA01ABD075A002010100483', true, 2.00, 0.80, 1), (90, 'XA01ABD075A002010100777', false, 2.00, NULL, 1),
  (90, 'XB06ACL388A001010100483', true, 5.00, 1.50, 1), (90, 'XB06ACL388A001010100555', false, 5.00, NULL, 1);
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010300351', '广州示例医院', 'tertiary', '440103');
-- G1 reported 10,000 of baseline 10,000 -> agreed 5,000; G2 reported 2,000 of 4,000 (< 0.8 x 4,000 = 3,200:
-- under-reported) -> agreed 1,000
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on) VALUES
  (90, 'H44010300351', 'XA01ABD075A002', 10000, 10000, true, '2023-11-01'),
  (90, 'H44010300351', 'XB06ACL388A001', 4000, 2000, true, '2023-11-01');
INSERT INTO agreement VALUES (90, 'H44010300351', 'XA01ABD075A002', 5000, '2024-01-01', '2024-12-31'),
                             (90, 'H44010300351', 'XB06ACL388A001', 1000, '2024-01-01', '2024-12-31');
-- G1: 6,000 selected at 0.80 = 4,800.00 and 500 non-selected at 2.00 = 1,000.00; G2: 800 selected at 1.50 = 1,200.00
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010300351', 'XA01ABD075A002010100483', '2024-03-01', 6000, '4800.00', '2024-03-02', '2024-03-12'),
  ('H44010300351', 'XA01ABD075A002010100777', '2024-03-01', 500, '1000.00', '2024-03-02', '2024-03-12'),
  ('H44010300351', 'XB06ACL388A001010100483', '2024-03-01', 800, '1200.00', '2024-03-02', '2024-03-12');
-- G1: B = 5000 x 2.00 x 0.63 = 6300.00; E = (min(6000, 5000) x 0.80 + 1000.00) x 0.63 = 3150.00; S = 3150.00
-- G2: B = 1000 x 5.00 x 0.63 = 3150.00; E = (800 x 1.50) x 0.63 = 756.00; S = 2394.00;
--     under-reported, proportional: counted = 2394.00 x 2000 / 3200 = 1496.25
SELECT group_code, agreed_volume, selected_volume, selected_within_agreed, selected_spend, selected_price,
       nonselected_spend, reference_price, budget, spend, savings, report_status, deduction_factor, counted_savings
FROM retention_components() ORDER BY group_code;
-- score: completion per contract, each capped at 1: G1 min(1, 6000 / 5000) = 1, G2 800 / 1000 = 0.8,
-- weighted by agreed volume (5000 x 1 + 1000 x 0.8) / 6000 = 96.67 (pooled, min(1, 6800 / 6000) = 100
-- would hide G2's shortfall); selected share 6800 / 7300 = 93.15; on time 100;
-- accuracy: 6500 / 10000 = 0.65 and 800 / 2000 = 0.40 both outside [0.8, 1.2] = 0;
-- 0.4 x 96.6667 + 0.2 x 93.1507 + 0.2 x 100 + 0.2 x 0 = 77.2968 -> 77.30 -> grade B (70-80) -> 40%
SELECT completion_score, selected_share_score, on_time_payment_score, report_accuracy_score, weighted_score, score, grade, retention_ratio
FROM retention_assessment();
-- budget 9450.00, spend 3906.00, savings 5544.00, deductions 897.75, counted 4646.25, retained 4646.25 x 0.4 = 1858.50
SELECT groups, budget, spend, savings, deductions, counted_savings, score, grade, retention_ratio, retained, settled
FROM retention_statement;
-- the same cycle under rule sets a province made: national-min-50 grades (4646.25 x 0.5 = 2323.125 -> 2323.13),
-- and the 'zero' deduction policy (G2 counts nothing: 3150.00 x 0.4 = 1260.00)
SELECT copy_rule_set('vbp.parameter', 'national', 'min50') > 0 AS copied,
       copy_rule_set('vbp.parameter', 'national', 'strict') > 0 AS copied_too;
UPDATE parameter SET value_text = 'national-min-50' WHERE rule_set = 'min50' AND name = 'retention_grade_rule_set';
UPDATE parameter SET value_text = 'zero' WHERE rule_set = 'strict' AND name = 'under_report_deduction';
SELECT 'min50' AS rule_set, grade, retention_ratio, counted_savings, retained FROM retention_statement_for('min50')
UNION ALL
SELECT 'strict', grade, retention_ratio, counted_savings, retained FROM retention_statement_for('strict');
-- rounded once: G2 reported 2,002 of 4,000: counted 2394.00 x 2002 / 3200 = 1497.74625 (shown 1497.75);
-- S' = 3150.00 + 1497.74625 = 4647.74625 (shown 4647.75); min50: R = 4647.74625 x 0.5 = 2323.873125 -> 2323.87
-- (each group rounded first would give 4647.75 x 0.5 = 2323.875 -> 2323.88)
UPDATE volume_report SET reported_volume = 2002 WHERE batch_id = 90 AND group_code = 'XB06ACL388A001';
SELECT counted_savings, retained FROM retention_statement_for('min50');
UPDATE volume_report SET reported_volume = 2000 WHERE batch_id = 90 AND group_code = 'XB06ACL388A001';
-- the institution's own fund ratios (vbp.fund_share) replace the rule set's: r_pay 0.77 x s_ins 0.93 = 0.7161
-- G1: B = 5000 x 2.00 x 0.7161 = 7161.00; E = (5000 x 0.80 + 1000.00) x 0.7161 = 3580.50; S = 3580.50
-- G2: B = 1000 x 5.00 x 0.7161 = 3580.50; E = 1200.00 x 0.7161 = 859.32; S = 2721.18;
--     counted = 2721.18 x 2000 / 3200 = 1700.7375 -> 1700.74
INSERT INTO fund_share (batch_id, org_code, fund_payment_ratio, insured_share) VALUES (90, 'H44010300351', 0.77, 0.93);
SELECT group_code, fund_payment_ratio, insured_share, budget, spend, savings, counted_savings
FROM retention_components() ORDER BY group_code;
DELETE FROM fund_share;

-- completion combined otherwise: 'mean' (1 + 0.8) / 2 = 90.00, 'minimum' 80.00
SELECT copy_rule_set('vbp.parameter', 'national', 'by-mean') > 0 AS copied,
       copy_rule_set('vbp.parameter', 'national', 'by-min') > 0 AS copied_too;
UPDATE parameter SET value_text = 'mean' WHERE rule_set = 'by-mean' AND name = 'completion_combination';
UPDATE parameter SET value_text = 'minimum' WHERE rule_set = 'by-min' AND name = 'completion_combination';
SELECT 'by-mean' AS rule_set, completion_score FROM retention_assessment('by-mean')
UNION ALL SELECT 'by-min', completion_score FROM retention_assessment('by-min');
UPDATE parameter SET value_text = 'median' WHERE rule_set = 'by-min' AND name = 'completion_combination';
SELECT try_sql($$SELECT count(*) FROM vbp.retention_assessment('by-min')$$) AS unknown_combination;
DELETE FROM parameter WHERE rule_set IN ('by-mean', 'by-min');

-- settle once; a second settlement is refused; corrections are audited adjustments
SELECT batch_id, org_code, rule_set, budget, spend, savings, counted_savings, score, grade, retention_ratio, retained
FROM settle_retention(90, 'H44010300351');
-- (the detail, with the time of settlement, is left out of the expected output)
SELECT split_part(try_sql($$SELECT vbp.settle_retention(90, 'H44010300351')$$), ' (', 1) AS second_settlement;
SELECT count(*) AS group_rows, sum(counted_savings) AS counted FROM retention_settlement_group;
SELECT amount, reason FROM adjust_retention(90, 'H44010300351', '100.00', '复核补发：药剂科漏报采购一笔');
SELECT split_part(try_sql($$SELECT vbp.adjust_retention(90, 'H44010300351', '1.00', '  ')$$), ' (', 1) AS empty_reason;
SELECT try_sql($$SELECT vbp.adjust_retention(90, 'H44010300352', '1.00', 'x')$$) AS not_settled;
UPDATE retention_settlement SET retained = '9999.99';
DELETE FROM retention_adjustment;
SELECT settled, settled_retained, adjustments, net_retained FROM retention_statement;
-- a supplied score takes precedence: 85 -> grade A -> 50% -> 2323.13 (the settlement stays as settled)
INSERT INTO assessment (batch_id, org_code, score) VALUES (90, 'H44010300351', 85);
SELECT score, grade, retention_ratio, retained, settled_retained FROM retention_statement;
-- the grade is decided on the exact score: A is above 80 (80,100], so 80.004 is A (shown as 80.00),
-- and 80 itself is B [70,80]
UPDATE assessment SET score = 80.004 WHERE batch_id = 90 AND org_code = 'H44010300351';
SELECT score, grade, retention_ratio FROM retention_assessment() WHERE org_code = 'H44010300351';
UPDATE assessment SET score = 80 WHERE batch_id = 90 AND org_code = 'H44010300351';
SELECT score, grade, retention_ratio FROM retention_assessment() WHERE org_code = 'H44010300351';
-- institution-wide rules, as shipped rule sets (score 75: grade B, 40%; counted 4646.25):
--   national: 4646.25 x 0.4 = 1858.50
--   national-floor-50: the ratio at least 0.5: 4646.25 x 0.5 = 2323.125 -> 2323.13
--   completion-required: G2's contract is 800 / 1000 = 0.8 < 1: nothing retained
--   forfeit-unreported: every group reported: as national, 1858.50
UPDATE assessment SET score = 75 WHERE batch_id = 90 AND org_code = 'H44010300351';
SELECT r AS rule_set, s.retention_ratio, s.retained, s.forfeited
FROM unnest(ARRAY['national', 'national-floor-50', 'completion-required', 'forfeit-unreported']) WITH ORDINALITY AS u(r, o)
CROSS JOIN LATERAL retention_statement_for(r) s WHERE s.org_code = 'H44010300351' ORDER BY o;
-- G2 not reported: under national its savings count nothing (counted 3150.00 x 0.4 = 1260.00);
-- under forfeit-unreported the institution retains nothing
UPDATE volume_report SET reported_volume = NULL, reported_on = NULL
WHERE batch_id = 90 AND org_code = 'H44010300351' AND group_code = 'XB06ACL388A001';
SELECT r AS rule_set, s.counted_savings, s.retained, s.forfeited
FROM unnest(ARRAY['national', 'forfeit-unreported']) WITH ORDINALITY AS u(r, o)
CROSS JOIN LATERAL retention_statement_for(r) s WHERE s.org_code = 'H44010300351' ORDER BY o;
UPDATE volume_report SET reported_volume = 2000, reported_on = '2023-11-01'
WHERE batch_id = 90 AND org_code = 'H44010300351' AND group_code = 'XB06ACL388A001';
UPDATE assessment SET score = 85 WHERE batch_id = 90 AND org_code = 'H44010300351';
SELECT batch_id, province, city, institutions, retained, settled, net_retained FROM retention_by_region ORDER BY city NULLS FIRST;

-- a capped regional pool: a second Guangzhou hospital retains 0.4 x its savings too;
-- under a cap of 1000.00 for city 4401 the cap is shared in proportion to retained amounts
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010400001', '广州示例医院二', 'secondary', '440104');
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
VALUES (90, 'H44010400001', 'XA01ABD075A002', 3000, 3000, true, '2023-11-01');
INSERT INTO agreement VALUES (90, 'H44010400001', 'XA01ABD075A002', 1500, '2024-01-01', '2024-12-31');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010400001', 'XA01ABD075A002010100483', '2024-05-01', 1500, '1200.00', '2024-05-02', '2024-05-10');
-- B = 1500 x 2.00 x 0.63 = 1890.00; E = 1500 x 0.80 x 0.63 = 756.00; S = 1134.00; score: completion 100,
-- share 100, on time 100, accuracy 1500 / 3000 = 0.5 -> 0 -> 80.00 -> grade B -> 1134.00 x 0.4 = 453.60
-- pool: 2323.13 + 453.60 = 2776.73 > 1000.00 -> 1000 x 2323.13 / 2776.73 = 836.64, 1000 x 453.60 / 2776.73 = 163.36
SELECT * FROM retention_pool(90, '4401', '1000.00');
-- a cap above the total leaves everyone their own
SELECT org_code, capped, paid FROM retention_pool(90, '44', '5000.00');
SELECT try_sql($$SELECT * FROM vbp.retention_pool(90, '4401', '-1.00')$$) AS negative_cap,
       try_sql($$SELECT * FROM vbp.retention_pool(90, 'guangzhou', '1.00')$$) AS bad_region;

-- a deduction never raises what is retained: a third hospital (city 4401 pool above is done)
-- G1 reported 2,000 of 2,000, agreed 1,000, bought 1,000 selected at 0.80 = 800.00:
--    B = 1000 x 2.00 x 0.63 = 1260.00; E = 1000 x 0.80 x 0.63 = 504.00; S = 756.00, counted 756.00
-- G2 not reported (baseline 1,000), assigned 500, bought 500 non-selected at 8.00 = 4000.00:
--    B = 500 x 5.00 x 0.63 = 1575.00; E = 4000.00 x 0.63 = 2520.00; S = -945.00; the factor 0 of a
--    group not reported applies to positive savings only, so the loss counts in full: -945.00
-- counted 756.00 - 945.00 = -189.00 -> retained max(0, -189.00) x ratio = 0.00
-- (zeroing G2's loss instead would count 756.00 and retain a positive amount)
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010400002', '广州示例医院三', 'secondary', '440104');
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on) VALUES
  (90, 'H44010400002', 'XA01ABD075A002', 2000, 2000, true, '2023-11-01'),
  (90, 'H44010400002', 'XB06ACL388A001', 1000, NULL, false, NULL);
INSERT INTO agreement VALUES (90, 'H44010400002', 'XA01ABD075A002', 1000, '2024-01-01', '2024-12-31'),
                             (90, 'H44010400002', 'XB06ACL388A001', 500, '2024-01-01', '2024-12-31');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44010400002', 'XA01ABD075A002010100483', '2024-04-01', 1000, '800.00', '2024-04-02', '2024-04-10'),
  ('H44010400002', 'XB06ACL388A001010100555', '2024-04-01', 500, '4000.00', '2024-04-02', '2024-04-10');
SELECT group_code, budget, spend, savings, report_status, deduction_factor, counted_savings
FROM retention_components() WHERE org_code = 'H44010400002' ORDER BY group_code;
SELECT savings, deductions, counted_savings, retained FROM retention_statement WHERE org_code = 'H44010400002';

-- the budget's reference price is the volume-weighted pre-procurement price of the group:
-- batch 91, group XC10AAA999A001 with an originator at 4.50 (100 units bought the year before)
-- and a generic at 0.50 (900 units): P_ref = (4.50 x 100 + 0.50 x 900) / 1000 = 0.900000, where
-- the plain mean would be 2.50.  A hospital agreed 1,000 and bought 1,000 of the generic
-- (selected at 0.30 = 300.00): B = 1000 x 0.90 x 0.63 = 567.00 (the mean would give 1575.00);
-- E = 300.00 x 0.63 = 189.00; S = 378.00
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (91, '加权价批次', '2024-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA999A001', '测试他汀片');
INSERT INTO product (product_code, group_code, originator) VALUES
  ('XC10AAA999A001010109901', 'XC10AAA999A001', false), ('XC10AAA999A001010209902', 'XC10AAA999A001', true);
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (91, 'XC10AAA999A001010109901', true, 0.50, 0.30, 1, 900), (91, 'XC10AAA999A001010209902', false, 4.50, NULL, 1, 100);
INSERT INTO institution (org_code, name, level, division) VALUES ('H44030590001', '深圳加权价医院', 'tertiary', '440305');
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on)
VALUES (91, 'H44030590001', 'XC10AAA999A001', 1000, 1000, true, '2023-11-01');
INSERT INTO agreement VALUES (91, 'H44030590001', 'XC10AAA999A001', 1000, '2024-01-01', '2024-12-31');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on)
VALUES ('H44030590001', 'XC10AAA999A001010109901', '2024-02-01', 1000, '300.00', '2024-02-02', '2024-02-10');
SELECT reference_price, reference_basis, budget, spend, savings FROM retention_components() WHERE batch_id = 91;
-- a province's published figure takes precedence: P_ref 1.00 -> B = 1000 x 1.00 x 0.63 = 630.00, S = 441.00
INSERT INTO group_reference_price (batch_id, group_code, purpose, price, source)
VALUES (91, 'XC10AAA999A001', 'budget', 1.00, '示例省医保局公布的集采前加权平均价');
SELECT reference_price, reference_basis, budget, savings FROM retention_components() WHERE batch_id = 91;
DELETE FROM group_reference_price;
-- a missing volume: the plain mean (4.50 + 0.50) / 2 = 2.50, marked; B = 1575.00
UPDATE selection SET pre_volume = NULL WHERE batch_id = 91 AND product_code = 'XC10AAA999A001010209902';
SELECT round(reference_price, 6) AS reference_price, reference_basis, budget FROM retention_components() WHERE batch_id = 91;

-- The on-time payment item counts the payments due (domain §4.7, §5.4), and the
-- completion item stays within 0-100.  Batch 92 from 2024-01-01, one selected
-- product at 1.00 (pre-procurement 4.00); two hospitals agreed 1,000 units each.
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (92, '回款测试批次', '2024-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XD01AAA999A001', '测试回款片');
INSERT INTO product (product_code, group_code) VALUES ('XD01AAA999A001010109901', 'XD01AAA999A001');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume)
VALUES (92, 'XD01AAA999A001010109901', true, 4.00, 1.00, 1, 100);
INSERT INTO institution (org_code, name, level, division) VALUES
  ('H44030590002', '回款医院', 'tertiary', '440305'), ('H44030590003', '退货医院', 'tertiary', '440305');
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, signed_off, reported_on) VALUES
  (92, 'H44030590002', 'XD01AAA999A001', 2000, 2000, true, '2023-11-01'),
  (92, 'H44030590003', 'XD01AAA999A001', 2000, 2000, true, '2023-11-01');
INSERT INTO agreement VALUES (92, 'H44030590002', 'XD01AAA999A001', 1000, '2024-01-01', '2024-12-31'),
                             (92, 'H44030590003', 'XD01AAA999A001', 1000, '2024-01-01', '2024-12-31');
-- H…002 as of 2024-03-31: 300 units accepted 01-11 paid 01-20 (due, on time); 100 accepted 02-02 paid
-- 03-20 (due, late: by 03-03); 100 accepted 03-26, unpaid (not due until after 04-25: neither).
-- On time 1 of 2 due = 50.00 (not 1 of 3 purchases).  Completion 500 / 1,000 = 50.00; selected
-- share 100.00; accuracy 500 / 2,000 = 0.25 outside [0.8, 1.2]: 0.  Score 0.4 x 50 + 0.2 x 100
-- + 0.2 x 50 + 0.2 x 0 = 50.00, grade D.
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44030590002', 'XD01AAA999A001010109901', '2024-01-10', 300, '300.00', '2024-01-11', '2024-01-20'),
  ('H44030590002', 'XD01AAA999A001010109901', '2024-02-01', 100, '100.00', '2024-02-02', '2024-03-20'),
  ('H44030590002', 'XD01AAA999A001010109901', '2024-03-25', 100, '100.00', '2024-03-26', NULL);
SELECT completion_score, selected_share_score, on_time_payment_score, report_accuracy_score, score, grade
FROM retention_assessment('national', '2024-03-31') WHERE org_code = 'H44030590002';
-- H…003 bought 40 units before the cycle and returned them in it: Q_sel = -40.  Completion
-- -40 / 1,000 counts 0 (not -4.00), and no completion is required under national-floor-50, so
-- nothing is forfeited: B = 1,000 x 4.00 x 0.63 = 2,520.00; E = -40 x 1.00 x 0.63 = -25.20;
-- S = 2,545.20; score 0.4 x 0 + 0.2 x 100 (-40 of -40 units selected) + 0.2 x 0 (a return is no
-- payment due) + 0.2 x 0 = 20.00, grade D (0%), ratio at its floor 0.5: retained 1,272.60.
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on) VALUES
  ('H44030590003', 'XD01AAA999A001010109901', '2023-12-20', 40, '40.00', '2023-12-21', '2023-12-28'),
  ('H44030590003', 'XD01AAA999A001010109901', '2024-01-15', -40, '-40.00', NULL, NULL);
SELECT completion_score, score, grade FROM retention_assessment('national-floor-50') WHERE org_code = 'H44030590003';
SELECT budget, spend, savings, retention_ratio, retained, forfeited
FROM retention_statement_for('national-floor-50') WHERE org_code = 'H44030590003';
-- a number of days is whole and not negative (payment_days -1 or 0.5 would move every figure)
SELECT copy_rule_set('vbp.parameter', 'national', 'days-test');
SELECT try_sql($$UPDATE vbp.parameter SET value = 0.5 WHERE rule_set = 'days-test' AND name = 'payment_days'$$) AS half_day;
SELECT try_sql($$UPDATE vbp.parameter SET value = -1 WHERE rule_set = 'days-test' AND name = 'payment_days'$$) AS negative_days;
DELETE FROM parameter WHERE rule_set = 'days-test';

-- clean up for the other tests (settlements are append-only, so truncate)
SET client_min_messages = warning;
TRUNCATE retention_adjustment, retention_settlement_group, retention_settlement, assessment, purchase,
         agreement, volume_report, institution, selection, product, generic_group, batch CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false);
DELETE FROM parameter WHERE rule_set IN ('min50', 'strict');
