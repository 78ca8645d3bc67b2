-- Exact order statistics: deciles (percentile_cont semantics), median and MAD, robust z.
SET search_path = public, vbp;

-- 1..10: the 10th percentile is at position 0.1 x 9 = 0.9 -> 1 + 0.9 x (2 - 1) = 1.9; the median is 5.5
SELECT deciles(x) FROM generate_series(1, 10) x;
SELECT percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x)
FROM generate_series(1, 10) x;
-- 1, 2, 3, 4, 100: median 3, |x - 3| = 2, 1, 0, 1, 97 -> MAD 1; z of 100 = 0.6745 x 97 / 1 = 65.4265
SELECT (median_mad(x)).* FROM unnest(ARRAY[1, 2, 3, 4, 100, NULL]::float8[]) x;
SELECT robust_z(100, 3, 1) AS z, robust_z(4, 3, 0) AS no_spread, robust_z(4, 3, 1, 1.0) AS other_constant;
SELECT try_sql('SELECT vbp.robust_z(1, 1, -1)') AS negative_mad;
-- finite arguments whose z is beyond float8 (1e308 - (-1e308) = 2e308 > 1.8e308; 0.6745 / 1e-310):
-- 22003, as the same float8 arithmetic in SQL says
SELECT try_sql('SELECT vbp.robust_z(1e308, -1e308, 1, 0.6745)') AS z_overflow,
       try_sql('SELECT vbp.robust_z(1, 0, 1e-310, 0.6745)') AS tiny_mad;
-- no values: NULL
SELECT deciles(x), median_mad(x) FROM unnest(ARRAY[]::float8[]) x;

-- price_deciles: the same deciles, each cast to numeric and rounded half away from zero to 6
-- places.  1/3 .. 10/3: the 10th percentile 1.9/3 = 0.6333333.. -> 0.633333, ..., the 90th
-- 9.1/3 = 3.0333333.. -> 3.033333; one value 2.0000005 -> every decile 2.000001 (half away)
SELECT price_deciles(x / 3.0) FROM generate_series(1, 10) x;
SELECT price_deciles(x) FROM unnest(ARRAY[2.0000005, NULL]::float8[]) x;
SELECT price_deciles(x) FROM unnest(ARRAY[]::float8[]) x;

-- equal to percentile_cont on 200,000 values, per group, serial and forced parallel
SELECT setseed(0.5);
CREATE TABLE stats_data AS
  SELECT (g % 7) AS grp, random() * 1000 - 200 AS x, date '2024-01-01' + (g % 90) AS d
  FROM generate_series(1, 200000) g;
ANALYZE stats_data;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_result AS
  SELECT grp, deciles(x) AS dec, (median_mad(x)).median AS med, (median_mad(x)).mad AS mad FROM stats_data GROUP BY grp;
CREATE TEMP TABLE reference AS
  SELECT grp, percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x) AS dec,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS med
  FROM stats_data GROUP BY grp;
-- per group, price_deciles element by element against round(deciles::numeric, 6)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE p.pd = ARRAY(SELECT round(d::numeric, 6) FROM unnest(s.dec) d)) AS price_deciles_equal
FROM serial_result s JOIN (SELECT grp, price_deciles(x) AS pd FROM stats_data GROUP BY grp) p USING (grp);
SELECT count(*) AS groups, count(*) FILTER (WHERE s.dec = r.dec) AS deciles_equal,
       count(*) FILTER (WHERE s.med = r.med) AS medians_equal
FROM serial_result s JOIN reference r USING (grp);
-- MAD against its definition: median of |x - median| per group
SELECT count(*) FILTER (WHERE s.mad = m.mad) AS mads_equal
FROM serial_result s
JOIN (SELECT d.grp, percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(d.x - r.med)) AS mad
      FROM stats_data d JOIN reference r USING (grp) GROUP BY d.grp) m USING (grp);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT deciles(x), median_mad(x) FROM stats_data;
SELECT (SELECT deciles(x) FROM stats_data) = (SELECT percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        WITHIN GROUP (ORDER BY x) FROM stats_data) AS parallel_deciles_equal,
       (SELECT (median_mad(x)).median FROM stats_data) = (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM stats_data)
         AS parallel_median_equal;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- deciles select the 9 order statistics they need instead of sorting: equal to percentile_cont on
-- other shapes too: ties, all equal, one and two values, sorted, reversed and organ-pipe input, NULLs
-- among the values, NaN (sorted last) and infinities, a skewed distribution, and a group of NULLs
-- only (NULL from both), serially and with 2 workers
CREATE TABLE stats_shapes AS
SELECT 'ties' AS shape, (g % 3)::float8 AS x FROM generate_series(1, 1000) g
UNION ALL SELECT 'all equal', 42 FROM generate_series(1, 500) g
UNION ALL SELECT 'one value', 7.5
UNION ALL SELECT 'two values', g FROM generate_series(1, 2) g
UNION ALL SELECT 'ascending', g FROM generate_series(1, 999) g
UNION ALL SELECT 'descending', 1000 - g FROM generate_series(1, 999) g
UNION ALL SELECT 'organ pipe', least(g, 1000 - g) FROM generate_series(1, 999) g
UNION ALL SELECT 'with NULLs', CASE WHEN g % 4 <> 0 THEN g * 1.5 END FROM generate_series(1, 1001) g
UNION ALL SELECT 'NaN and infinities', CASE g % 10 WHEN 0 THEN 'NaN' WHEN 1 THEN 'Infinity' WHEN 2 THEN '-Infinity' ELSE g::float8 END
  FROM generate_series(1, 1000) g
UNION ALL SELECT 'mostly NaN', CASE WHEN g % 10 < 8 THEN 'NaN' ELSE g::float8 END FROM generate_series(1, 1000) g
UNION ALL SELECT 'skewed', exp((g * 7919 % 1000) / 50.0) FROM generate_series(1, 1000) g
UNION ALL SELECT 'only NULLs', NULL FROM generate_series(1, 5) g;
ANALYZE stats_shapes;
CREATE TEMP VIEW shapes_compared AS
SELECT shape, count(x) AS n, deciles(x) IS NOT DISTINCT FROM
       percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x) AS equal,
       deciles(x) IS NULL AS is_null
FROM stats_shapes GROUP BY shape;
SELECT * FROM shapes_compared ORDER BY shape;
SELECT deciles(x) FROM stats_shapes WHERE shape = 'NaN and infinities';
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT count(*) AS shapes, count(*) FILTER (WHERE d IS NOT DISTINCT FROM c.pc) AS equal_with_2_workers
FROM (SELECT shape, deciles(x) AS d FROM stats_shapes GROUP BY shape) p
JOIN (SELECT shape, percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x) AS pc
      FROM stats_shapes GROUP BY shape) c USING (shape);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP VIEW shapes_compared;
DROP TABLE stats_shapes;

-- monthly partitions with partitionwise aggregation give the same per-group results
CREATE TABLE stats_part (grp int, x float8, d date) PARTITION BY RANGE (d);
CREATE TABLE stats_part_1 PARTITION OF stats_part FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE stats_part_2 PARTITION OF stats_part FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE stats_part_3 PARTITION OF stats_part FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
INSERT INTO stats_part SELECT grp, x, d FROM stats_data;
ANALYZE stats_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT grp, deciles(x) FROM stats_part GROUP BY grp;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.dec = s.dec) AS equal_to_unpartitioned
FROM (SELECT grp, deciles(x) AS dec FROM stats_part GROUP BY grp) p JOIN serial_result s USING (grp);
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
DROP TABLE stats_data, stats_part;

-- count_below: elements of a sorted array less than x (the numerator of
-- percent_rank()), by binary search with a cached array.  By hand:
-- {1, 2, 2, 5, 9}: below 0 -> 0, below 2 -> 1 (the two 2s are not less),
-- below 3 -> 3, below 9 -> 4, below 10 -> 5; NaN sorts after every number.
SELECT x, count_below(ARRAY[1, 2, 2, 5, 9]::numeric[], x::numeric) AS below
FROM unnest(ARRAY[0, 2, 3, 9, 10]) x ORDER BY x;
SELECT count_below('{}'::numeric[], 7) AS empty, count_below('{1, NaN}', 'NaN') AS below_nan;  -- NaN sorts last, as in numeric's order
-- against percent_rank() on 2,000 random values in 10 groups, with the
-- cached array reused row after row and replaced between groups
CREATE TABLE cb_data AS
SELECT g, round((random() * 50)::numeric, 1) AS v FROM generate_series(1, 2000) i, LATERAL (SELECT i % 10 AS g) gg;
SELECT count(*) AS rows, count(*) FILTER (WHERE r.pr = c.below::float8 / (c.n - 1)) AS equal_to_percent_rank
FROM (SELECT g, v, percent_rank() OVER (PARTITION BY g ORDER BY v) AS pr FROM cb_data) r
JOIN LATERAL (SELECT count_below(s.a, r.v) AS below, cardinality(s.a) AS n
              FROM (SELECT array_agg(v ORDER BY v) AS a FROM cb_data d WHERE d.g = r.g) s) c ON true;
DROP TABLE cb_data;
-- refused: an unsorted array, NULL elements, two dimensions
SELECT count_below(ARRAY[3, 1, 2]::numeric[], 2);
SELECT count_below(ARRAY[1, NULL, 2]::numeric[], 2);
SELECT count_below(ARRAY[[1, 2], [3, 4]]::numeric[], 2);
