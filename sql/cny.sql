-- vbp.cny: exact RMB amounts in fen.  Expected values are derived in comments.
SET search_path = public, vbp;

-- input forms: ¥ and separators; more than two decimals round half away from zero
SELECT '1234.56'::cny AS a, '¥1,234.56'::cny AS b, '-0.5'::cny AS c,
       '12.345'::cny AS "12.35", '-12.345'::cny AS "-12.35", ' 7 '::cny AS d,
       '￥1,234,567.8'::cny AS e, '12.3449'::cny AS "12.34";
-- the range is symmetric: |fen| <= 2^63 - 1, so every amount has a negation
SELECT '92233720368547758.07'::cny AS max_fen, '-92233720368547758.07'::cny AS min_fen;

-- rejected input: 22P02 with the input quoted and a detail, 22003 beyond the range
SELECT '1.2.3'::cny;
SELECT 'abc'::cny;
SELECT ''::cny;
SELECT '92233720368547758.08'::cny;
SELECT '-92233720368547758.08'::cny;
SELECT s AS input, try_sql(format('SELECT %L::vbp.cny', s)) AS result
FROM unnest(ARRAY['1,23', '1234,567', '--1', '1e3', 'NaN', '¥', '.5', '1 000', '-92233720368547758.09']) s;

-- arithmetic
SELECT '0.10'::cny + '0.20'::cny AS "0.30", '1.00'::cny - '2.50'::cny AS "-1.50",
       -'1.50'::cny AS "-1.50", abs('-1.50'::cny) AS "1.50";
-- whole-number factors are exact: 3.33 * 3 = 9.99
SELECT '3.33'::cny * 3 AS "9.99", 3 * '3.33'::cny AS "9.99", '3.33'::cny * 3::bigint AS "9.99",
       3::bigint * '3.33'::cny AS "9.99", '3.33'::cny * 3::smallint AS "9.99";
-- division rounds half away from zero: 10.00/3 = 3.333 -> 3.33; 0.05/2 = 0.025 -> 0.03; -0.05/2 -> -0.03
SELECT '10.00'::cny / 3 AS "3.33", '0.05'::cny / 2 AS "0.03", '-0.05'::cny / 2 AS "-0.03",
       '0.05'::cny / 2::bigint AS "0.03", '0.05'::cny / -2 AS "-0.03";
-- numeric factors: 100.00 * 0.7 = 70.00; 0.01 * 0.5 = 0.005 -> 0.01; -0.01 * 0.5 -> -0.01; 1.00 * 0.333 -> 0.33
SELECT '100.00'::cny * 0.7 AS "70.00", '0.01'::cny * 0.5 AS "0.01", '-0.01'::cny * 0.5 AS "-0.01",
       '1.00'::cny * 0.333 AS "0.33", 0.7 * '100.00'::cny AS "70.00";
-- float8 factors are read as their 15-digit decimal: 0.15 * 0.1 = 0.015 -> 0.02
-- (in binary floating point 15 * 0.1 = 1.4999999999999998 fen would round to 0.01)
SELECT '0.15'::cny * 0.1::float8 AS "0.02", 0.1::float8 * '0.15'::cny AS "0.02",
       '0.05'::cny / 2.0::float8 AS "0.03";
-- numeric divisors, exact: 1.00/3.0 = 0.333 -> 0.33; 100.00/0.3 = 333.333 -> 333.33
SELECT '1.00'::cny / 3.0 AS "0.33", '0.05'::cny / 2.0 AS "0.03", '100.00'::cny / 0.3 AS "333.33";
-- no double rounding: 1 fen / 2.0000000000000000000001 = 0.49999999999999999999998 fen -> 0.00,
-- 1 fen / 1.9999999999999999999999 = 0.50000000000000000000003 fen -> 0.01
SELECT '0.01'::cny / 2.0000000000000000000001 AS "0.00", '0.01'::cny / 1.9999999999999999999999 AS "0.01";
-- ratio of amounts: 50.00 / 200.00 = 0.25
SELECT '50.00'::cny / '200.00'::cny AS ratio;

-- errors: overflow 22003, division by zero 22012, NaN 22023 (the range is symmetric:
-- -2^63 fen is out of range, whether parsed, cast from bigint or reached by arithmetic)
SELECT '92233720368547758.07'::cny + '0.01'::cny;
SELECT '1.00'::cny / 0;
SELECT x AS expression, try_sql('SELECT ' || x) AS result FROM unnest(ARRAY[
  $$'-92233720368547758.07'::vbp.cny OPERATOR(vbp.-) '0.01'::vbp.cny$$,
  $$'92233720368547758.07'::vbp.cny OPERATOR(vbp.*) -1 OPERATOR(vbp.-) '0.01'::vbp.cny$$,
  $$(-9223372036854775808)::bigint::vbp.cny$$,
  $$(-9223372036854775807)::bigint::vbp.cny OPERATOR(vbp.-) 1::bigint::vbp.cny$$,
  $$'50000000000000000.00'::vbp.cny OPERATOR(vbp.*) 2$$,
  $$'50000000000000000.00'::vbp.cny OPERATOR(vbp.*) 1.9$$,
  $$'1.00'::vbp.cny OPERATOR(vbp./) 0.0$$,
  $$'1.00'::vbp.cny OPERATOR(vbp./) 0::float8$$,
  $$'1.00'::vbp.cny OPERATOR(vbp./) '0.00'::vbp.cny$$,
  $$'1.00'::vbp.cny OPERATOR(vbp.*) 'NaN'::numeric$$,
  $$'1.00'::vbp.cny OPERATOR(vbp.*) 'Infinity'::float8$$,
  $$(-9223372036854775807)::bigint::vbp.cny OPERATOR(vbp./) -1$$,
  $$1e30::vbp.cny$$]) x;

-- casts: numeric is yuan, integers are fen
SELECT 12.345::cny AS "12.35", '1234.56'::cny::numeric AS numeric_yuan, 100::bigint::cny AS "1.00",
       '1.00'::cny::bigint AS fen_100, 5::integer::cny AS "0.05", fen('1.23') AS "123",
       '1.5'::text::cny AS from_text, '1.5'::cny::text AS to_text;
CREATE TABLE cny_assign (amount cny);
INSERT INTO cny_assign VALUES (12.345), ('3.21'::text), ('¥1,000'::varchar);
SELECT amount FROM cny_assign ORDER BY amount;

-- comparisons and ordering are numeric
SELECT '9.00'::cny < '10.00'::cny AS t1, '-1.00'::cny < '0.50'::cny AS t2,
       '1.00'::cny = '1'::cny AS t3, '1.00'::cny <> '1.01'::cny AS t4;
SELECT v FROM unnest(ARRAY['10.00', '9.00', '-1.00', '0.50', '-10.00']::cny[]) v ORDER BY v;

-- aggregates: sum and avg are exact, NULLs skipped, no rows give NULL
SELECT sum(v) AS "6.00", avg(v) AS "2.00", min(v) AS "1.00", max(v) AS "3.00", count(v)
FROM unnest(ARRAY['1.00', NULL, '2.00', '3.00']::cny[]) v;
SELECT sum(v) IS NULL AS sum_null, avg(v) IS NULL AS avg_null FROM unnest(ARRAY[]::cny[]) v;
-- avg rounds half away from zero: (0.01 + 0.02) / 2 = 0.015 -> 0.02; negatives -> -0.02
SELECT avg(v) AS "0.02" FROM unnest(ARRAY['0.01', '0.02']::cny[]) v;
SELECT avg(v) AS "-0.02" FROM unnest(ARRAY['-0.01', '-0.02']::cny[]) v;
-- the 128-bit state: 4 x max + 4 x (-max) passes through 4 x 9.2e18 fen and ends at 0
SELECT sum(v) AS "0.00" FROM unnest(ARRAY['92233720368547758.07', '92233720368547758.07',
  '92233720368547758.07', '92233720368547758.07', '-92233720368547758.07', '-92233720368547758.07',
  '-92233720368547758.07', '-92233720368547758.07']::cny[]) v;
-- a total beyond the cny range is an error, not a wrapped number
SELECT sum(v) FROM unnest(ARRAY['92233720368547758.07', '0.01']::cny[]) v;
-- one million fen: 1,000,000 x 0.01 = 10000.00 exactly (a float sum drifts)
SELECT sum('0.01'::cny) AS "10000.00", sum(0.01::float8) = 10000 AS float_exact
FROM generate_series(1, 1000000);
-- moving window frames use the inverse transition
SELECT i, sum(v) OVER w AS moving_sum, avg(v) OVER w AS moving_avg
FROM (VALUES (1, '1.00'::cny), (2, '2.00'), (3, NULL), (4, '4.01')) t(i, v)
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY i;

-- parallel aggregation gives the serial result
CREATE TABLE cny_par AS
  SELECT ((g * 7919) % 100003 - 50000)::bigint::cny AS v FROM generate_series(1, 200000) g;
ANALYZE cny_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE cny_serial AS SELECT sum(v) s, avg(v) a, min(v) mn, max(v) mx FROM cny_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(v), avg(v), min(v), max(v) FROM cny_par;
SELECT (SELECT ROW(sum(v), avg(v), min(v), max(v)) FROM cny_par) = (SELECT ROW(s, a, mn, mx) FROM cny_serial) AS parallel_equals_serial;
RESET ALL;
SET search_path = public, vbp;

-- a B-tree index answers min/max and ordering
CREATE INDEX cny_par_v ON cny_par (v);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT max(v) FROM cny_par;
SELECT max(v) = (SELECT mx FROM cny_serial) AS index_max_ok FROM cny_par;
RESET enable_seqscan;

-- storage: 8 bytes by value, against numeric and text
SELECT pg_column_size('1234567.89'::cny) AS cny_bytes, pg_column_size(1234567.89::numeric) AS numeric_bytes,
       pg_column_size('1234567.89'::text) AS text_bytes;
