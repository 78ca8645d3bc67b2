-- Procurement metrics as plain functions; expected values derived in the comments.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;

-- time progress of a 2024 cycle (366 days): on 2024-01-01 1/366; on 2024-07-01 183/366 = 0.5;
-- before the start 0, after the end 1
SELECT round(time_progress('2024-01-01', '2024-12-31', '2024-01-01'), 6) AS first_day,
       time_progress('2024-01-01', '2024-12-31', '2024-07-01') AS half,
       time_progress('2024-01-01', '2024-12-31', '2023-06-30') AS before,
       time_progress('2024-01-01', '2024-12-31', '2025-03-01') AS after;
SELECT try_sql($$SELECT vbp.time_progress('2024-12-31', '2024-01-01', '2024-06-01')$$) AS inverted;

-- status at time progress 0.5 with factor 0.8: completion 1.2 completed, 0.6 on_track,
-- 0.45 lagging (>= 0.4), 0.3 severely_lagging; the 2-argument form reads the factor (0.8)
SELECT c, fulfilment_status(c, 0.5, 0.8) AS status, fulfilment_status(c, 0.5) AS with_parameter
FROM unnest(ARRAY[1.2, 0.6, 0.5, 0.45, 0.4, 0.3]) c;

-- agreed ratios of the batch 7 rules, and round(ratio x reported)
SELECT w, (agreed_ratio('batch7', 'standard', w)).*, (agreed_ratio('batch7', 'anti_infective', w)).ratio AS anti_infective
FROM generate_series(1, 5) w;
-- 0.7 x 12,345 = 8,641.5 -> 8,642 (half away from zero); 0.5 x 3 = 1.5 -> 2
SELECT agreed_volume(12345, 0.7) AS "8642", agreed_volume(3, 0.5) AS "2";
SELECT try_sql($$SELECT vbp.agreed_ratio('batch7', 'standard', 0)$$) AS no_rule,
       try_sql($$SELECT vbp.agreed_volume(-1, 0.5)$$) AS negative;

-- price cuts: product A ref 10.00 sel 4.00 (cut 0.6) x 100 units; B ref 2.00 sel 1.50 (0.25) x 1,000;
-- unweighted (0.6 + 0.25) / 2 = 0.425; weighted 1 - (400 + 1500) / (1000 + 2000) = 1 - 1900 / 3000 = 0.3667
SELECT price_cut(10.00, 4.00) AS "0.6";
SELECT round((s).unweighted, 4) AS unweighted, round((s).volume_weighted, 4) AS weighted, (s).n
FROM (SELECT price_cuts(r, p, q) AS s FROM (VALUES (10.00, 4.00, 100), (2.00, 1.50, 1000), (NULL, 1, 1)) t(r, p, q)) x;
SELECT try_sql($$SELECT vbp.price_cut(0, 1)$$) AS zero_reference;
-- the same in full, as numeric computes it (price_cuts sums in C, 128-bit decimals), with C: ref 3,
-- sel 1, 3 units.  A cut is 1 - sel / ref at numeric's division scale: 16 significant digits, and
-- for these quotients below 1 that is 20 places: 0.60000000000000000000, 0.25000000000000000000 and
-- 1 - 0.33333333333333333333 = 0.66666666666666666667.  Unweighted: 1.51666666666666666667 / 3 =
-- 0.505555...55556 (20 places, the last rounded up).  Weighted: sum P_ref Q = 1000.00 + 2000.00 + 9
-- = 3009.00, sum P_sel Q = 400.00 + 1500.00 + 3 = 1903.00; 1903.00 / 3009.00 =
-- 0.63243602525756065138 (0.632436025257560651379... rounded), 1 - that = 0.36756397474243934862
SELECT (s).* FROM (SELECT price_cuts(r, p, q) AS s
                   FROM (VALUES (10.00, 4.00, 100), (2.00, 1.50, 1000), (3, 1, 3), (NULL, 1, 1)) t(r, p, q)) x;
-- only rows with a NULL: NULL; a zero reference volume: no weighted cut; the prices price_cut refuses
SELECT price_cuts(r, p, q) IS NULL AS only_nulls FROM (VALUES (1.0, 0.5, NULL), (NULL, 0.5, 1)) t(r, p, q);
SELECT (price_cuts(r, p, q)).* FROM (VALUES (4.0, 1.0, 0)) t(r, p, q);
SELECT try_sql($$SELECT vbp.price_cuts(r, p, q) FROM (VALUES (10, 4, 1), (2, -1, 5)) t(r, p, q)$$) AS negative_selected,
       try_sql($$SELECT vbp.price_cuts(r, p, q) FROM (VALUES (0, 0, NULL), (0, 0, 1)) t(r, p, q)$$) AS zero_reference;
-- beyond 128 bits, NaN and infinities: numeric's own results.  10^30 x 10^20 = 10^50 and
-- 7 / 3.000...0001 (30 places) leave 128 bits; a NaN price makes the unweighted cut NaN; an infinite
-- reference gives the cut 1 - 0 = 1 and an infinite reference value
SELECT (price_cuts(r, p, q)).* FROM (VALUES (1e30, 1, 1e20), (2, 1, 3)) t(r, p, q);
-- a state whose numeric part is cut short (its length says 4 bytes, numeric's form needs 8
-- at least): 22P03 like any malformed state, not a protocol error from numeric's reader
SELECT try_sql($q$SELECT vbp.price_cuts_final(overlay(s PLACING '\x04000000'::bytea FROM 85 FOR 4) || '\x00000000'::bytea)
                  FROM (SELECT vbp.price_cuts_accum(NULL, 10, 4, 100) AS s) x$q$) AS truncated_part;
SELECT (price_cuts(r, p, q)).* FROM (VALUES (3.000000000000000000000000000001, 7, 1), (2, 1, 3)) t(r, p, q);
SELECT (price_cuts(r, p, q)).* FROM (VALUES ('NaN'::numeric, 1, 1), (2, 1, 3)) t(r, p, q);
SELECT (price_cuts(r, p, q)).* FROM (VALUES ('Infinity'::numeric, 1, 1), (2, 1, 3)) t(r, p, q);
SELECT price_cut(1e30, 1) AS tiny_quotient, price_cut('Infinity', 1) AS infinite_reference;

-- payment standard, multiple 2, cut 0.7, N = 3 years; selected price 1.00:
--   price 3.00 > 2 x 1.00: target 0.7 x 3 = 2.10; S_1 = 3 - 0.9 x 1/3 = 2.70, S_2 = 2.40, S_3 = S_9 = 2.10
--   price 1.80 <= 2 x 1.00: target 1.00; S_1 = 1.8 - 0.8 / 3 = 1.5333, S_3 = 1.00
--   the selected drug itself (1.00) stays 1.00; a price below the selected price is not raised
--   a generic without consistency evaluation: min(price, selected) at once
SELECT p, k, round(payment_standard(p, 1.00, k, true), 4) AS standard
FROM (VALUES (3.00), (1.80), (1.00), (0.80)) a(p), (VALUES (0), (1), (2), (3), (9)) b(k)
ORDER BY p DESC, k;
SELECT payment_standard(1.80, 1.00, 0, false) AS not_evaluated;
SELECT listed_price_ok(1.50, 1.00) AS at_cap, listed_price_ok(1.51, 1.00) AS above_cap;
-- a price is a positive finite number: NaN (which compares above every number, so that
-- 3.00 > 2 x NaN is false and least(3.00, NaN) is 3.00: no phase-in at all) and infinity
-- are refused (22023), in the payment standards and the listed-price cap alike, as are a
-- listed price not above 0 (the selection table refuses a NaN price: sql/benchmarking.sql)
SELECT try_sql($$SELECT vbp.payment_standard(3.00, 'NaN', 3, true)$$) AS nan_selected,
       try_sql($$SELECT vbp.payment_standard('Infinity', 1.00, 1, true)$$) AS infinite_price,
       try_sql($$SELECT vbp.payment_standard_scheduled(4, 'NaN', 3, 'step-15')$$) AS scheduled_nan;
SELECT try_sql($$SELECT vbp.listed_price_ok(-5, 1)$$) AS negative_listed, try_sql($$SELECT vbp.listed_price_ok(1, 'NaN')$$) AS nan_winning;
-- a rule set whose cut is outside (0, 1] would raise the standard above the price
-- (1.1 x 3.00 = 3.30) or below nothing (-0.5 x 3.00): 22023; and a rule set lacking the
-- cut fails in the schedule report too, even when every product won (the non-selected
-- branch that reads it never runs)
SELECT copy_rule_set('vbp.parameter', 'national', 'ps-test') AS copied;
UPDATE parameter SET value = 1.1 WHERE rule_set = 'ps-test' AND name = 'payment_standard_cut';
SELECT try_sql($$SELECT vbp.payment_standard(3.00, 1.00, 1, true, 'ps-test')$$) AS cut_above_one;
UPDATE parameter SET value = -0.5 WHERE rule_set = 'ps-test' AND name = 'payment_standard_cut';
SELECT try_sql($$SELECT vbp.payment_standard(3.00, 1.00, 1, true, 'ps-test')$$) AS negative_cut;
DELETE FROM parameter WHERE rule_set = 'ps-test' AND name IN ('payment_standard_cut', 'payment_standard_multiple');
SELECT split_part(try_sql($$SELECT count(*) FROM vbp.payment_standard_schedule_for('ps-test')$$), ':', 1) AS schedule_lacking_cut;
DELETE FROM parameter WHERE rule_set = 'ps-test';

-- credit level 一般: cumulative 10,000-150,000 or single 10,000-100,000 yuan; above every configured
-- band (higher levels are not published in the shipped rule set) it is 'unclassified', below all NULL
SELECT cum, single, credit_level(cum::cny, single::cny) AS level
FROM (VALUES (5000, 5000), (10000, 0), (149999.99, 0), (0, 99999.99), (200000, 200000)) t(cum, single);
-- each criterion on its own bands, then the more severe: a cumulative 200,000 is above every
-- cumulative band (unclassified) though every payment of it was below 100,000 (一般 by the
-- single band): unclassified, as when it was paid in two payments of 100,000
SELECT cum, single, credit_level(cum::cny, single::cny) AS level
FROM (VALUES (200000.00, 50000.00), (2000000.00, 99999.99), (200000.00, 100000.00)) t(cum, single);
-- with the 2025 bands added to the shipped rule set credit-2025 (cumulative 失信 [10k, 150k), 严重失信 [150k, 500k), 特别严重失信 from 500k;
-- single 失信 [10k, 50k), 严重失信 [50k, 100k), 特别严重失信 from 100k): cumulative 200,000 is
-- 严重失信 (severity 2), a single 120,000 特别严重失信 (3): the more severe, 特别严重失信 (the band
-- with the higher minimum, 150,000, is not the more severe one)
BEGIN;
INSERT INTO credit_threshold (rule_set, level, basis, min_amount, max_amount, window_years, source) VALUES
  ('2025', '失信', 'cumulative', '10000', '150000', 2, 'test'), ('2025', '严重失信', 'cumulative', '150000', '500000', 2, 'test'),
  ('2025', '特别严重失信', 'cumulative', '500000', NULL, 2, 'test'),
  ('2025', '失信', 'single', '10000', '50000', 2, 'test'), ('2025', '严重失信', 'single', '50000', '100000', 2, 'test'),
  ('2025', '特别严重失信', 'single', '100000', NULL, 2, 'test');
SELECT credit_level('200000', '120000', 'credit-2025') AS level, credit_level('200000', '20000', 'credit-2025') AS cumulative_only;
ROLLBACK;

-- the price_cuts aggregate in parallel equals serial (its states are serialised by the workers and
-- combined in the leader)
CREATE TABLE cut_data AS SELECT (1 + g % 50)::numeric AS r, ((1 + g % 50) * 0.4)::numeric AS p, (g % 97)::numeric AS q
FROM generate_series(1, 100000) g;
ANALYZE cut_data;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE cut_serial AS SELECT price_cuts(r, p, q) AS s FROM cut_data;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT price_cuts(r, p, q) FROM cut_data;
SELECT (SELECT price_cuts(r, p, q) FROM cut_data)::text = (SELECT s FROM cut_serial)::text AS parallel_equals_serial,
       round(((SELECT s FROM cut_serial)).unweighted, 4) AS cut;
-- and both equal the definition in plain numeric, on prices of many scales and sizes (some beyond
-- 128 bits, some NaN or infinite), serially, with 2 workers and per partition
CREATE TABLE cut_mixed AS
SELECT CASE WHEN g % 997 = 0 OR g % 1009 = 0 THEN 7 ELSE g % 7 END AS grp,   -- NaN and infinities in group 7
       CASE WHEN g % 997 = 0 THEN 'Infinity' WHEN g % 1009 = 0 THEN 'NaN'
            ELSE 1 + round((g * 7919 % 100003) / 7.0 * 10::numeric ^ (g % 11 - 3), (g % 23)::int) END AS r,
       round((g * 104729 % 10007) / 3.0 * 10::numeric ^ (g % 13 - 6), (g % 19)::int) AS p,
       CASE WHEN g % 3001 = 0 THEN 1e35 ELSE round((g % 211 - 40) * 1.25, (g % 3)::int) END AS q
FROM generate_series(1::bigint, 60000) g;
ANALYZE cut_mixed;
CREATE TEMP VIEW cut_reference AS
  SELECT grp, ROW(sum(1 - p / r) / count(*), CASE WHEN sum(r * q) > 0 THEN 1 - sum(p * q) / sum(r * q) END,
                  count(*))::price_cut_summary::text AS s
  FROM cut_mixed GROUP BY grp;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT grp, price_cuts(r, p, q) FROM cut_mixed GROUP BY grp;
SELECT count(*) AS groups, count(*) FILTER (WHERE c.s = r.s) AS equal_with_2_workers,
       count(*) FILTER (WHERE c.s ~ 'NaN') AS with_nan,
       (SELECT count(*) FROM cut_mixed WHERE abs(r * q) >= 1e38 AND r <> 'Infinity') AS products_beyond_128_bits
FROM (SELECT grp, price_cuts(r, p, q)::text AS s FROM cut_mixed GROUP BY grp) c JOIN cut_reference r USING (grp);
SET max_parallel_workers_per_gather = 0;
SELECT count(*) FILTER (WHERE c.s = r.s) AS equal_serially
FROM (SELECT grp, price_cuts(r, p, q)::text AS s FROM cut_mixed GROUP BY grp) c JOIN cut_reference r USING (grp);
CREATE TABLE cut_parts (LIKE cut_mixed) PARTITION BY HASH (p);
CREATE TABLE cut_parts_0 PARTITION OF cut_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE cut_parts_1 PARTITION OF cut_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO cut_parts SELECT * FROM cut_mixed;
ANALYZE cut_parts;
SET enable_partitionwise_aggregate = on;
SELECT count(*) FILTER (WHERE c.s = r.s) AS equal_per_partition
FROM (SELECT grp, price_cuts(r, p, q)::text AS s FROM cut_parts GROUP BY grp) c JOIN cut_reference r USING (grp);
RESET ALL;
DROP VIEW cut_reference;
DROP TABLE cut_mixed, cut_parts;
DROP TABLE cut_data;
