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

-- credit level 一般: cumulative 10,000-150,000 or single 10,000-100,000 yuan; above every configured
-- band (higher levels are not published in the shipped rule set) it is 'unclassified', below all NULL
SELECT cum, single, credit_level(cum::cny, single::cny) AS level
FROM (VALUES (5000, 5000), (10000, 0), (149999.99, 0), (0, 99999.99), (200000, 200000)) t(cum, single);

-- the price_cuts aggregate in parallel equals serial (its state is a SQL type, combined in the leader)
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
RESET ALL;
DROP TABLE cut_data;
