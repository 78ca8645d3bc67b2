-- Benchmarking and the other procurement reports: CUSUM, price-per-unit savings,
-- price benchmark and its alerts, payment-standard schedule and convergence, province
-- coverage, next-batch candidates, credit ratings, the purchase tally.  Fixtures first,
-- every expected value derived by hand in the comments; then the demo.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- ---------- CUSUM ----------
-- window 4, threshold 2 sd, slack 0.5 sd; baseline 1, 3, 1, 3: mean 2, population sd 1;
-- up = max(0, up + x - 2.5), down = max(0, down + 1.5 - x): 0/0.5, 0.5/0, 0/0.5, 0.5/0, 0/0, 0/0,
-- then x = 6 gives up 3.5 > 2: signal; the new baseline 6, 6, 6, 6 has sd 0 and the sums stay 0
SELECT * FROM cusum(ARRAY[1, 3, 1, 3, 2, 2, 6, 6, 6, 6, 6]::float8[], 4, 2, 0.5);
-- a NULL month is skipped; 10, 12, 10, 12 (mean 11, sd 1) then 7: down 3.5, a downward signal;
-- one value is left, too few for a baseline
SELECT * FROM cusum(ARRAY[10, 12, NULL, 10, 12, 11, 7, 7]::float8[], 4, 2, 0.5);
-- the national parameters: window 12, threshold 5, slack 0.5; 12 zeros then 100 (sd 0): signal up
SELECT idx, value, cusum_up, alert FROM cusum(array_fill(0::float8, ARRAY[12]) || 100::float8) WHERE idx >= 12;
SELECT try_sql($$SELECT * FROM vbp.cusum(ARRAY[1, 2]::float8[], 1, 2, 0.5)$$) AS window_1,
       try_sql($$SELECT * FROM vbp.cusum(ARRAY[1, 'NaN']::float8[], 4, 2, 0.5)$$) AS nan_value,
       try_sql($$SELECT * FROM vbp.cusum(ARRAY[1, 'Infinity']::float8[], 4, 2, 0.5)$$) AS infinite_value,
       try_sql($$SELECT * FROM vbp.cusum(ARRAY[1, 2]::float8[], 4, -1, 0.5)$$) AS negative_threshold,
       try_sql($$SELECT * FROM vbp.cusum(ARRAY[[1, 2], [3, 4]]::float8[], 4, 2, 0.5)$$) AS two_dimensional;
SELECT count(*) AS rows_of_empty_series FROM cusum('{}'::float8[], 4, 2, 0.5);
-- values near the float8 limit: the baseline 1e308, -1e308 has mean 0 and population sd 1e308
-- (computed scaled by a power of two; unscaled, the sum of squares 2e616 is infinite); slack
-- 0.5 x 1e308: up = 1e308 - 0.5e308 = 5e307 < 1 x 1e308, no signal; then down at -1e308 is
-- 5e307 too.  A baseline of 1.7e308 and -1.7e308 has sd 1.7e308 and the sums fit too; the
-- sums leave float8 when 1.7e308 follows a baseline of -1.7e308, -1.7e308 (sd 0): 22003
SELECT idx, baseline_mean, baseline_sd, cusum_up, cusum_down, alert FROM cusum(ARRAY[1e308, -1e308, 1e308]::float8[], 2, 1, 0.5);
SELECT try_sql($$SELECT * FROM vbp.cusum(ARRAY[-1.7e308, -1.7e308, 1.7e308, 1.7e308]::float8[], 2, 1, 0.5)$$) AS sums_overflow;

-- ---------- price-per-unit saving ----------
-- 500.00 spent on 100 units against a benchmark of 1.40: 500.00 - 140.00 = 360.00; below the
-- benchmark no saving; 3 units x 0.335 = 1.005 rounds half away from zero to 1.01, so 2.00 - 1.01 = 0.99
SELECT ppu_saving('500.00', 100, 1.4) AS over, ppu_saving('100.00', 100, 1.4) AS under,
       ppu_saving('2.00', 3, 0.335) AS rounded,
       try_sql($$SELECT vbp.ppu_saving('1.00', -1, 1)$$) AS negative_quantity;
-- beyond whole millionths and whole units the product is the same: 3 x 0.3350001 = 1.0050003 -> 1.01,
-- 2.5 x 0.402 = 1.005 -> 1.01, so 0.99 each; a negative price is refused; 9223372036854775807 units
-- x 999999 yuan is far beyond any amount
SELECT ppu_saving('2.00', 3, 0.3350001) AS seventh_place, ppu_saving('2.00', 2.5, 0.402) AS half_unit,
       try_sql($$SELECT vbp.ppu_saving('1.00', 1, -0.5)$$) AS negative_price,
       try_sql($$SELECT vbp.ppu_saving('1.00', 9223372036854775807, 999999)$$) AS too_large;
-- one call site meeting a new price, or the same price again, row after row: each row equal to
-- max(0, spend - round(units x price, 2)) in numeric
SELECT count(*) AS rows,
       count(*) FILTER (WHERE ppu_saving(x.s, x.q, x.p) = greatest(0, x.s::numeric - round(x.q * x.p, 2))::cny) AS equal
FROM (SELECT ((g * 7919) % 100000 / 100.0)::cny AS s, (g % 1000)::numeric AS q,
             (g / 3 * 7907 % 1000000) / 1000000.0 + CASE WHEN g % 5 = 0 THEN 0.0000005 ELSE 0 END AS p
      FROM generate_series(1, 3000) g) x;

-- ---------- fixtures ----------
INSERT INTO generic_group (group_code, generic_name, essential) VALUES
  ('XA01ABD075A002', '地喹氯铵含片', false), ('XB06ACL388A001', '示例注射剂', false),
  ('XC09AAD123A001', '示例降压片', true), ('XN02BED040A001', '示例镇痛片', false),
  ('XR05CBD050A001', '示例止咳颗粒', false);
INSERT INTO product (product_code, group_code, company, consistency_evaluated, originator) VALUES
  ('XA01ABD075A002010100483', 'XA01ABD075A002', '91440101MA0000001?', true, false),
  ('XB06ACL388A001010100483', 'XB06ACL388A001', '91440101MA0000001?', true, false),
  ('XC09AAD123A001010100111', 'XC09AAD123A001', '91440101MA0000001?', true, false),
  ('XC09AAD123A001010100222', 'XC09AAD123A001', '91440101MA0000002?', true, false),
  ('XC09AAD123A001010100333', 'XC09AAD123A001', '91440101MA0000003?', false, true),
  ('XC09AAD123A001010100444', 'XC09AAD123A001', '91440101MA0000004?', true, false),
  ('XC09AAD123A001010100555', 'XC09AAD123A001', '91440101MA0000005?', false, false),
  ('XN02BED040A001010100111', 'XN02BED040A001', '91440101MA0000001?', true, false),
  ('XN02BED040A001010100222', 'XN02BED040A001', '91440101MA0000002?', true, false),
  ('XN02BED040A001010100333', 'XN02BED040A001', '91440101MA0000003?', true, false),
  ('XN02BED040A001010100444', 'XN02BED040A001', '91440101MA0000004?', false, false),
  ('XR05CBD050A001010100111', 'XR05CBD050A001', '91440101MA0000001?', true, false),
  ('XR05CBD050A001010100555', 'XR05CBD050A001', '91440101MA0000005?', false, false);
INSERT INTO institution (org_code, name, level, division)
SELECT ('H440103' || lpad(i::text, 5, '0'))::orgcode, '示例医院' || i, 'secondary', '440103' FROM generate_series(1, 5) i;

-- ---------- price benchmark ----------
-- January 2024, group A01: institution i buys 100 units at i yuan (institution 1 in two orders).
-- Unit prices 1..5: p10 at position 0.4 -> 1.4, median 3; percent ranks 0, 25, 50, 75, 100;
-- savings max(0, 100 i - 140): 0, 60, 160, 260, 360 (840.00 in all)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
SELECT ('H440103' || lpad(i::text, 5, '0'))::orgcode, 'XA01ABD075A002010100483', '2024-01-10', 100, (100 * i)::numeric::cny
FROM generate_series(2, 5) i
UNION ALL SELECT 'H44010300001', 'XA01ABD075A002010100483', d, 50, '50.00'
FROM (VALUES (date '2024-01-03'), (date '2024-01-20')) x(d);
SELECT month, org_code, quantity, spend, unit_price, peers, benchmark_unit_price, median_unit_price, percentile, saving
FROM price_benchmark_for('2024-01-01', '2024-01-31') ORDER BY org_code;
-- the 20th percentile of a copied rule set: position 0.8 -> 1.8; saving of institution 5: 500 - 180
SELECT copy_rule_set('vbp.parameter', 'national', 'p20') AS copied;
UPDATE parameter SET value = 0.2 WHERE rule_set = 'p20' AND name = 'benchmark_centile';
SELECT org_code, benchmark_unit_price, saving FROM price_benchmark_for('2024-01-01', '2024-01-31', 'p20')
WHERE org_code = 'H44010300005';
UPDATE parameter SET value = 0.15 WHERE rule_set = 'p20' AND name = 'benchmark_centile';
SELECT try_sql($$SELECT * FROM vbp.price_benchmark_for('2024-01-01', '2024-01-31', 'p20')$$) AS not_a_decile,
       try_sql($$SELECT * FROM vbp.price_benchmark_for('2024-02-01', '2024-01-31')$$) AS inverted_period;
DELETE FROM parameter WHERE rule_set = 'p20';
-- a sixth institution buys 10 units on 01-05 and returns all 10 on 01-25 (net 0 units: no
-- unit price), then returns 4 more on 02-02 (February nets -4): neither month is a cell, so
-- January keeps its five peers, p10 1.4 and savings 0, 60, 160, 260, 360, and February has none
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010300006', '示例医院6', 'secondary', '440103');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES
  ('H44010300006', 'XA01ABD075A002010100483', '2024-01-05', 10, '10.00'),
  ('H44010300006', 'XA01ABD075A002010100483', '2024-01-25', -10, '-10.00'),
  ('H44010300006', 'XA01ABD075A002010100483', '2024-02-02', -4, '-4.00');
SELECT month, org_code, peers, benchmark_unit_price, saving FROM price_benchmark_for('2024-01-01', '2024-02-29') ORDER BY org_code;
SELECT count(*) AS rank_series_rows FROM price_rank_series_for('2024-01-01', '2024-02-29');
DELETE FROM purchase WHERE org_code = 'H44010300006'::orgcode;
DELETE FROM institution WHERE org_code = 'H44010300006'::orgcode;

-- alerts: group B06, institutions 1 and 2 buy every month of 2023 and January-February 2024;
-- 1 pays 1.00 a unit and 2 pays 2.00, until February 2024 when 1 pays 3.00.  Percentile of 1:
-- 0 for 13 months (baseline mean 0, sd 0), then 100: up = 100 > 5 x 0, signal 'up';
-- institution 2 mirrors it ('down').  Group A01 has one month per institution: no baseline.
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
SELECT o, 'XB06ACL388A001010100483', m::date + 4, 10,
       CASE WHEN o = 'H44010300002' THEN '20.00' WHEN m = '2024-02-01' THEN '30.00' ELSE '10.00' END
FROM generate_series(date '2023-01-01', date '2024-02-01', interval '1 month') m,
     (VALUES ('H44010300001'::orgcode), ('H44010300002')) i(o);
-- two peers are below benchmark_min_peers (5): each would read the other's price off the
-- figures, so under the national rule set the cell has no percentile and no alert, for
-- the bureau as for the hospitals; a rule set that allows two peers shows them
SELECT count(*) AS alerts_with_two_peers, (SELECT count(*) FROM price_benchmark_for('2024-02-01', '2024-02-29')
                                           WHERE group_code = 'XB06ACL388A001' AND percentile IS NULL) AS withheld
FROM price_benchmark_alert_for('2024-02-29');
SELECT copy_rule_set('vbp.parameter', 'national', 'peers2') AS copied;
UPDATE parameter SET value = 2 WHERE rule_set = 'peers2' AND name = 'benchmark_min_peers';
SELECT * FROM price_benchmark_alert_for('2024-02-29', 'peers2') ORDER BY org_code;
SELECT count(*) AS alerts_before_the_change FROM price_benchmark_alert_for('2024-01-31', 'peers2');
DELETE FROM parameter WHERE rule_set = 'peers2';
-- the monthly series the CUSUM reads, a month without purchases NULL: November 2023 is
-- month 2023 x 12 + 11 = 24287, January 2024 is 24289, so December is the gap
SELECT month_series('{24287,24289}', '{10,30}') AS gap_filled, month_series('{24289,24287,24290}', '{30,10,NULL}') AS any_order,
       month_series('{}', '{}') AS empty;
SELECT try_sql($$SELECT vbp.month_series('{3,5,3}', '{1,2,3}')$$) AS twice,
       try_sql($$SELECT vbp.month_series('{1}', '{1,2}')$$) AS lengths_differ,
       try_sql($$SELECT vbp.month_series('{1,NULL}', '{1,2}')$$) AS null_month,
       try_sql($$SELECT vbp.month_series('{0,12000}', '{1,2}')$$) AS too_long;

-- the series of a whole generic group in one aggregate (the alerts' path where the reader
-- reads every purchase).  January 2024, min_peers 5: institution 1 buys 10 units for
-- 10.00 (1.00 a unit), 2 5 for 5.00 (1.00), 3 4 for 12.00 (3.00), 4 returns 2 for -1.00
-- (0.50), 5 3 for 6.00 (2.00).  In price order 4, 1 = 2, 5, 3: cheaper peers 0, 1, 1, 3,
-- 4 of 5, percentile round(100 x below / 4, 2) = 0, 25, 25, 75, 100.  March: institution
-- 1 alone, fewer than 5 peers: NULL; February, no purchase: NULL.  So institution 1's
-- series from January is {25, NULL, NULL}.
SELECT s.* FROM (
  SELECT price_rank_series(v.o::orgcode, v.m::date, v.s::numeric::cny, v.q, 5) AS ss
  FROM (VALUES ('H44010300001', '2024-01-01', 10.00, 10), ('H44010300002', '2024-01-01', 5.00, 5),
               ('H44010300003', '2024-01-01', 12.00, 4), ('H44010300004', '2024-01-01', -1.00, -2),
               ('H44010300005', '2024-01-01', 6.00, 3), ('H44010300001', '2024-03-01', 7.00, 7)) v(o, m, s, q)) x
CROSS JOIN LATERAL unnest(x.ss) s;
-- months before year 1 keep their month: March 44 BC is month -43 x 12 + 2 (year -43
-- in the proleptic calendar), and its series starts there
SELECT price_rank_series('H44010300001', date '0044-03-01 BC', '1', 1, 1) AS before_year_1;
-- no rows: NULL; a row with a NULL spend or units is skipped
SELECT price_rank_series(o, m, s, q, 5) IS NULL AS no_cells FROM (VALUES ('H44010300001'::orgcode, date '2024-01-01', '1'::cny, 1::bigint)) v(o, m, s, q) WHERE false;
SELECT price_rank_series(o, m, s, q, 1) AS skipped_null
FROM (VALUES ('H44010300001'::orgcode, date '2024-01-01', '1'::cny, 1::bigint), ('H44010300002', '2024-01-01', NULL, 1)) v(o, m, s, q);
SELECT try_sql($$SELECT vbp.price_rank_series('H44010300001', '2024-01-01', '1', 0, 5)$$) AS no_units,
       try_sql($$SELECT vbp.price_rank_series(o::vbp.orgcode, '2024-01-01', '1', 1, 5)
                 FROM (VALUES ('H44010300001'), ('H44010300001')) v(o)$$) AS twice_in_a_month,
       try_sql($$SELECT vbp.price_rank_series('H44010300001', '2024-01-01', '1', 1, p)
                 FROM (VALUES (5), (2)) v(p)$$) AS min_peers_differ,
       try_sql($$SELECT vbp.price_rank_series('H44010300001', '2024-01-01', '1', 1, NULL)$$) AS min_peers_null,
       try_sql($$SELECT vbp.price_rank_series('H44010300001', 'infinity', '1', 1, 5)$$) AS infinite_month;
-- equal prices tie whatever the quantities.  March 2024, group A01: institution 1 buys
-- 12780 units for 22522.60 and institution 2 10863 units for 19144.21, the same price
-- (2252260 x 10863 = 1914421 x 12780), 1.76233176838810641627... (numeric's own quotients,
-- 1.7623317683881064 and 1.76233176838810641628, differ); 3, 4 and 5 buy a unit at 1.00,
-- 2.00 and 3.00.  In price order 3, 1 = 2, 4, 5: cheaper peers 0, 1, 1, 3, 4 of 5,
-- percentile 100 x below / 4 = 0, 25, 25, 75, 100, from the benchmark and the series alike
BEGIN;
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES
  ('H44010300001', 'XA01ABD075A002010100483', '2024-03-05', 12780, '22522.60'),
  ('H44010300002', 'XA01ABD075A002010100483', '2024-03-05', 10863, '19144.21'),
  ('H44010300003', 'XA01ABD075A002010100483', '2024-03-05', 1, '1.00'),
  ('H44010300004', 'XA01ABD075A002010100483', '2024-03-05', 1, '2.00'),
  ('H44010300005', 'XA01ABD075A002010100483', '2024-03-05', 1, '3.00');
SELECT c.org_code, c.unit_price, b.percentile
FROM price_cells('2024-03-01', '2024-03-31') c
JOIN price_benchmark_for('2024-03-01', '2024-03-31') b USING (month, group_code, org_code) ORDER BY c.org_code;
SELECT org_code, percentiles FROM price_rank_series_for('2024-03-01', '2024-03-31') ORDER BY org_code;
ROLLBACK;
-- the series the alerts above read, from the aggregate (the owner reads every purchase):
-- group B06 under peers2, January 2023 to February 2024 (14 months): institution 1 is
-- cheaper (0) for 13 months and dearer (100) in February 2024; institution 2 mirrors it
SELECT copy_rule_set('vbp.parameter', 'national', 'peers2') AS copied;
UPDATE parameter SET value = 2 WHERE rule_set = 'peers2' AND name = 'benchmark_min_peers';
SELECT org_code, first_month, percentiles FROM price_rank_series_for('-infinity', '2024-02-29', 'peers2')
WHERE group_code = 'XB06ACL388A001' ORDER BY org_code;
-- and the same series, every group, as gathered from vbp.price_rank_for
SELECT count(*) AS series, count(*) FILTER (WHERE r.first_month IS NOT DISTINCT FROM s.first_month
                                            AND r.x IS NOT DISTINCT FROM s.percentiles) AS same_as_ranks
FROM (SELECT b.org_code, b.group_code, min(b.month) AS first_month,
             month_series(array_agg((date_part('year', b.month) * 12 + date_part('month', b.month))::int),
                          array_agg((b.percentile * 100)::bigint::float8 / 100)) AS x
      FROM price_rank_for('-infinity', '2024-02-29', 'peers2') b GROUP BY 1, 2) r
FULL JOIN price_rank_series_for('-infinity', '2024-02-29', 'peers2') s USING (org_code, group_code);
SELECT try_sql($$SELECT * FROM vbp.price_rank_series_for('2024-02-01', '2024-01-31')$$) AS inverted_period;
DELETE FROM parameter WHERE rule_set = 'peers2';

-- ---------- payment-standard schedule and convergence ----------
-- batch 91 (cycle 2024-01-01), group C09: winners 111 at 1.00 and 222 at 1.20, so the group's
-- winning price is 1.20 (basis max).  Non-selected: 333 (originator) at 3.00 > 2 x 1.20 ->
-- target 0.7 x 3.00 = 2.10, years 1-3: 2.70, 2.40, 2.10; 444 (evaluated) at 2.00 <= 2.40 ->
-- target 1.20: 2.00 - 0.80 k / 3 = 1.733333, 1.466667, 1.20; 555 (not evaluated) at 1.50 ->
-- 1.20 at once.
INSERT INTO batch (batch_id, name, kind, cycle_start, ratio_rule_set) VALUES (91, '示例国家批次', 'national', '2024-01-01', 'batch7');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners) VALUES
  (91, 'XC09AAD123A001010100111', true, 3.00, 1.00, 2), (91, 'XC09AAD123A001010100222', true, 3.00, 1.20, 2),
  (91, 'XC09AAD123A001010100333', false, 3.00, NULL, 2), (91, 'XC09AAD123A001010100444', false, 2.00, NULL, 2),
  (91, 'XC09AAD123A001010100555', false, 1.50, NULL, 2);
-- a NaN price (numeric(18, 6) keeps it, and it passes "> 0") is no price: refused (23514)
SELECT split_part(try_sql($$UPDATE vbp.selection SET selected_price = 'NaN' WHERE batch_id = 91 AND product_code = 'XC09AAD123A001010100222'$$), ' (', 1) AS nan_selected_price,
       split_part(try_sql($$UPDATE vbp.selection SET reference_price = 'NaN' WHERE batch_id = 91 AND product_code = 'XC09AAD123A001010100333'$$), ' (', 1) AS nan_reference_price;
SELECT product_code, selected, price, group_selected_price, year, effective_from, payment_standard
FROM payment_standard_schedule ORDER BY product_code, year;
-- year 0: 1.00, 1.20, 3.00, 2.00, 1.20: max / min 3, mean 1.68, population sd 0.744043, cv 0.4429;
-- year 3: 1.00, 1.20, 2.10, 1.20, 1.20: max / min 2.1, mean 1.34, sd 0.387814, cv 0.2894
SELECT year, products, min_standard, max_standard, max_min_ratio, cv FROM payment_standard_convergence ORDER BY year;
-- basis min (1.00): 444's target is 1.00; 333 is above 2 x 1.00 and still goes to 2.10
SELECT copy_rule_set('vbp.parameter', 'national', 'minbasis') AS copied;
UPDATE parameter SET value_text = 'min' WHERE rule_set = 'minbasis' AND name = 'payment_standard_selected_basis';
SELECT product_code, payment_standard FROM payment_standard_schedule_for('minbasis') WHERE year = 3 ORDER BY product_code;
UPDATE parameter SET value_text = 'median' WHERE rule_set = 'minbasis' AND name = 'payment_standard_selected_basis';
SELECT try_sql($$SELECT * FROM vbp.payment_standard_schedule_for('minbasis')$$) AS bad_basis;
DELETE FROM parameter WHERE rule_set = 'minbasis';

-- ---------- province coverage ----------
-- batch 91 (national, all provinces, from 2024-01-01): C09 (essential); batch 92 (alliance,
-- supplying 44 and 45, from 2023-06-01): A01; batch 93 (Guangdong's own, from 2024-03-01): B06.
-- On 2024-06-30: 44 has national C09 + A01 = 2, provincial B06 = 1, 3 in all, 1 essential (0.3333);
-- 45 has 2 (0.5 essential); 11 has C09 only.  On 2023-12-31 only batch 92 has started.
INSERT INTO batch (batch_id, name, kind, province, cycle_start, ratio_rule_set) VALUES
  (92, '示例联盟批次', 'alliance', NULL, '2023-06-01', 'batch7'), (93, '广东示例批次', 'provincial', '44', '2024-03-01', 'batch7');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, supply_provinces) VALUES
  (92, 'XA01ABD075A002010100483', true, 2.00, 1.00, 1, ARRAY['44', '45']),
  (93, 'XB06ACL388A001010100483', true, 2.00, 1.50, 1, NULL);
SELECT province, name, national_varieties, provincial_varieties, varieties, essential_varieties, essential_share,
       target_2022, target_2025, meets_2022_target, meets_2025_target, gap_2025
FROM province_coverage_for('2024-06-30') WHERE province IN ('11', '44', '45') ORDER BY province;
SELECT province, national_varieties, provincial_varieties, varieties
FROM province_coverage_for('2023-12-31') WHERE province IN ('11', '44', '45') ORDER BY province;
SELECT count(*) AS provinces, count(*) FILTER (WHERE varieties = 1) AS with_c09_only FROM province_coverage_for('2024-06-30');

-- ---------- next-batch candidates ----------
-- Not under VBP on 2024-06-30: N02 and R05 (A01, B06, C09 have winners).  Window: the 12 months
-- 2023-07-01..2024-06-30.  N02: 600 + 400 units at 2.00 = 2,000.00 by two institutions (the
-- order of 2023-06-15 is outside); companies 1-4, three evaluated -> enough competition.
-- R05: 5,000 units for 500.00; companies 1 (evaluated) and 5 -> not enough; negotiated (list
-- in force from 2024-01-01).  Spend ranks N02 1, R05 2; volume ranks R05 1, N02 2.
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES
  ('H44010300001', 'XN02BED040A001010100111', '2024-03-01', 600, '1200.00'),
  ('H44010300002', 'XN02BED040A001010100444', '2024-04-01', 400, '800.00'),
  ('H44010300002', 'XN02BED040A001010100444', '2023-06-15', 999, '1998.00'),
  ('H44010300003', 'XR05CBD050A001010100555', '2024-05-01', 5000, '500.00');
INSERT INTO nrdl_version VALUES (7, '示例目录', '2023-12-01', '2024-01-01', NULL);
INSERT INTO nrdl_item (version_id, group_code, negotiated_price) VALUES (7, 'XR05CBD050A001', 0.10);
SELECT group_code, generic_name, essential, negotiated, spend, quantity, institutions, evaluated_companies, companies,
       enough_competition, spend_rank, volume_rank
FROM next_batch_candidates_for('2024-06-30') ORDER BY spend_rank;

-- ---------- credit ratings ----------
-- On 2024-06-30 with rule set 2020 (3 years: payments from 2021-07-01, judged by the date):
-- company 1: case K1 6,000 + 5,000 = 11,000 cumulative -> 一般; company 2: 9,000 -> below;
-- company 3: K3 a single 12,000 (and K4 1,000) -> 一般; company 4: 2,000 on 2021-06-30 is
-- outside, 1,000 on 2021-07-01 inside -> below; company 5: 200,000 -> above the 一般 bands,
-- unclassified; company 6: judged after the date -> not seen.
INSERT INTO kickback_record (case_id, line_no, company, paid_on, amount, judged_on) VALUES
  ('K1', 1, '91440101MA0000001?', '2022-01-10', '6000.00', '2023-05-01'),
  ('K1', 2, '91440101MA0000001?', '2023-02-01', '5000.00', '2023-05-01'),
  ('K2', 1, '91440101MA0000002?', '2024-01-01', '9000.00', NULL),
  ('K3', 1, '91440101MA0000003?', '2024-05-01', '12000.00', '2024-06-01'),
  ('K4', 1, '91440101MA0000003?', '2023-05-01', '1000.00', '2024-06-01'),
  ('K5', 1, '91440101MA0000004?', '2021-06-30', '2000.00', NULL),
  ('K5', 2, '91440101MA0000004?', '2021-07-01', '1000.00', NULL),
  ('K6', 1, '91440101MA0000005?', '2023-01-01', '200000.00', NULL),
  ('K7', 1, '91440101MA0000006?', '2024-01-01', '50000.00', '2024-07-15');
SELECT company, window_from, cases, payments, largest_case, largest_case_amount, largest_single, level
FROM credit_rating_for('2024-06-30') ORDER BY company;
SELECT try_sql($$SELECT * FROM vbp.credit_rating_for('2024-06-30', 'nope')$$) AS unknown_rule_set;
SELECT try_sql($$INSERT INTO vbp.kickback_record VALUES ('K9', 1, '91440101MA0000001?', NULL, '2024-01-01', '0.00')$$) AS zero_amount;
-- the 2025 revision (rule set credit-2025): levels 失信 / 严重失信 / 特别严重失信; its amount
-- bands are in the notice's annex, not shipped, so an amount alone rates nothing (company 1's
-- 11,000 -> NULL; add the annex's bands as rule set 2025 rows of vbp.credit_threshold); bribing
-- insurance staff rates company 7 特别严重失信 whatever the amount (500.00), and reaches through
-- to the marketing-authorisation holder the record names (company 8, as_holder); under the 2020
-- rules the same record is only an amount, 500.00, below every band, and no holder is rated
INSERT INTO kickback_record (case_id, line_no, company, paid_on, amount, judged_on, case_kind, holder) VALUES
  ('K8', 1, '91440101MA0000007?', '2024-03-01', '500.00', '2024-04-01', 'bribery_of_insurance_staff', '91440101MA0000008?');
SELECT company, largest_case_amount, level, level_by_case, as_holder
FROM credit_rating_for('2024-06-30', 'credit-2025') ORDER BY company;
SELECT company, level, level_by_case, as_holder FROM credit_rating_for('2024-06-30')
WHERE largest_case = 'K8' ORDER BY company;
SELECT try_sql($$INSERT INTO vbp.kickback_record (case_id, line_no, company, paid_on, amount, case_kind)
                 VALUES ('K9', 1, '91440101MA0000001?', '2024-01-01', '1.00', 'gossip')$$) AS unknown_case_kind;

-- ---------- purchase tally ----------
-- cycle 2024-01-01..2024-12-31 as of 2024-06-30, 30 payment days:
--   100 selected, accepted 01-10 paid 02-01 (due, 22 days: on time); 50 other, bid, accepted
--   05-01 paid 06-20 (due, 50 days: late); 20 other not bid; 7 selected on 07-01 (after the
--   date: not counted); 5 selected in 2023 (before the cycle: not counted); 30 selected accepted
--   06-10 unpaid (not due: 06-10 + 30 > 06-30)
SELECT (t).* FROM (SELECT purchase_tally(q, a::cny, d, acc, paid, sel, bid, '2024-01-01', '2024-12-31', '2024-06-30', 30) AS t
FROM (VALUES (100, '100.00', date '2024-01-05', date '2024-01-10', date '2024-02-01', true, true),
             (50, '80.00', '2024-04-28', '2024-05-01', '2024-06-20', false, true),
             (20, '40.00', '2024-03-01', NULL, NULL, false, false),
             (7, '7.00', '2024-07-01', '2024-07-02', NULL, true, true),
             (5, '5.00', '2023-12-31', '2024-01-02', '2024-01-05', true, true),
             (30, '30.00', '2024-06-05', '2024-06-10', NULL, true, true)) x(q, a, d, acc, paid, sel, bid)) s;
-- no rows: zeros; NULL payment days: nothing due unless paid, nothing on time
SELECT (purchase_tally(1, '1.00', '2024-01-01', NULL, NULL, true, true, '2024-01-01', '2024-12-31', '2024-06-30', 30)
        FILTER (WHERE false)).* ;
SELECT (purchase_tally(1, '1.00', '2024-01-05', '2024-01-06', x, true, true, '2024-01-01', '2024-12-31', '2024-06-30', NULL)).*
FROM (VALUES (date '2024-01-07'), (NULL)) v(x);

-- ---------- clean up the fixtures ----------
SET client_min_messages = warning;
TRUNCATE vbp.purchase, vbp.selection, vbp.nrdl_item, vbp.nrdl_version, vbp.product, vbp.generic_group,
         vbp.institution, vbp.batch, vbp.kickback_record CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false);

-- ---------- on the demo ----------
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
-- every province has the 234 national varieties, 115 of them essential (the 2022 reply's 49%)
SELECT count(*) AS provinces, min(varieties), max(varieties), min(essential_varieties), max(essential_varieties),
       min(essential_share), bool_or(meets_2022_target) AS any_meets_350
FROM province_coverage;
-- candidates: the groups generated as not yet under VBP that were bought (negotiated drugs are only dispensed);
-- the competition count equals a direct count of companies with evaluated products
SELECT count(*) AS candidates, count(*) FILTER (WHERE g.generic_name LIKE '候选%') AS generated_candidates,
       count(*) FILTER (WHERE c.negotiated) AS negotiated, count(*) FILTER (WHERE c.enough_competition) AS enough_competition,
       count(*) FILTER (WHERE c.evaluated_companies <> (SELECT count(DISTINCT p.company) FROM product p
                                                      WHERE p.group_code = c.group_code AND p.consistency_evaluated)) AS miscounted,
       min(c.spend_rank) AS top_rank
FROM next_batch_candidates c JOIN generic_group g USING (group_code);
-- exactly the groups without a winner that were bought in the 12 months (a candidate nobody bought at
-- this scale is not one), no more, no fewer
SELECT (SELECT count(*) FROM generic_group WHERE generic_name LIKE '候选%') AS generated,
       count(*) FILTER (WHERE c.group_code IS NULL) AS missing, count(*) FILTER (WHERE x.group_code IS NULL) AS extra
FROM (SELECT DISTINCT pr.group_code FROM purchase pu JOIN product pr USING (product_code)
      WHERE pu.purchased_on > '2022-06-30' AND pu.purchased_on <= '2023-06-30'
        AND NOT EXISTS (SELECT 1 FROM selection s JOIN product p2 USING (product_code)
                        WHERE s.selected AND p2.group_code = pr.group_code)) x
FULL JOIN next_batch_candidates c USING (group_code);
-- the schedule: a winner is paid its price in every year; a standard never rises from one year
-- to the next; in the last year every evaluated non-selected product reaches its target
SELECT count(*) AS schedule_rows,
       count(*) FILTER (WHERE s.selected AND s.payment_standard <> round(se.selected_price, 6)) AS winner_not_at_price,
       count(*) FILTER (WHERE s.year > 0 AND s.payment_standard > (SELECT s2.payment_standard FROM payment_standard_schedule s2
                        WHERE s2.batch_id = s.batch_id AND s2.product_code = s.product_code AND s2.year = s.year - 1)) AS rising,
       count(*) FILTER (WHERE NOT s.selected AND s.year = 3 AND (s.consistency_evaluated OR s.originator)
                        AND s.payment_standard <> round(CASE WHEN s.price > 2 * s.group_selected_price THEN 0.7 * s.price
                                                             ELSE least(s.price, s.group_selected_price) END, 6)) AS off_target
FROM payment_standard_schedule s JOIN selection se USING (batch_id, product_code);
-- convergence: the spread shrinks from year 0 to year 3 in every group with a non-selected product
SELECT count(*) AS groups, count(*) FILTER (WHERE c3.cv > c0.cv) AS diverging
FROM payment_standard_convergence c0 JOIN payment_standard_convergence c3 USING (batch_id, group_code)
WHERE c0.year = 0 AND c3.year = 3 AND c0.max_standard <> c0.min_standard;
-- the price benchmark over the last 12 months: savings never negative and equal to the formula;
-- the benchmark never above the median; percentiles within [0, 100]
SELECT count(*) > 0 AS has_rows,
       count(*) FILTER (WHERE saving < '0'::cny) AS negative_saving,
       count(*) FILTER (WHERE saving <> greatest('0'::cny, spend - (quantity * benchmark_unit_price)::cny)) AS saving_off,
       count(*) FILTER (WHERE benchmark_unit_price > median_unit_price) AS benchmark_above_median,
       count(*) FILTER (WHERE percentile NOT BETWEEN 0 AND 100) AS percentile_out_of_range,
       min(month) AS first_month, max(month) AS last_month
FROM price_benchmark;
-- the same rows under a forced parallel plan
CREATE TEMP TABLE serial_digest AS
SELECT md5(string_agg(b::text, '|' ORDER BY month, group_code, org_code)) AS d FROM price_benchmark b;
SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT (SELECT md5(string_agg(b::text, '|' ORDER BY month, group_code, org_code)) FROM price_benchmark b) = d AS parallel_same
FROM serial_digest;
RESET max_parallel_workers_per_gather; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
-- a product of a VBP group that did not bid counts as non-selected in fulfilment
CREATE TEMP TABLE one AS
SELECT f.batch_id, f.org_code, f.group_code, f.cycle_year, f.nonselected_volume FROM fulfilment f
WHERE f.status <> 'completed' ORDER BY f.batch_id, f.org_code, f.group_code, f.cycle_year LIMIT 1;
INSERT INTO product (product_code, group_code) SELECT (group_code::text || '0101' || '99999')::drugcode, group_code FROM one;
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
SELECT org_code, (group_code::text || '0101' || '99999')::drugcode, current_setting('vbp.as_of')::date, 777, '777.00' FROM one;
SELECT f.nonselected_volume - one.nonselected_volume AS added_to_nonselected
FROM fulfilment f JOIN one USING (batch_id, org_code, group_code, cycle_year);

-- clean up for the other tests
SELECT empty_demo_tables();
