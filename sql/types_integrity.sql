-- All five types together: binary COPY round trip, binary input re-validation,
-- hash joins, hash partitioning, and amcheck over 100,000 random valid values each.
SET search_path = public, vbp;
SELECT setseed(0.42);

-- random valid values (deterministic for the seed)
CREATE FUNCTION rnd(alphabet text, n int) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1), '')
  FROM generate_series(1, n) $$;
CREATE FUNCTION rnd_drugcode() RETURNS drugcode LANGUAGE sql VOLATILE AS $$
  SELECT (CASE WHEN r < 0.6 THEN 'X' || cls || rnd('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 17)
               WHEN r < 0.8 THEN 'Z' || cls || rnd('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 14)
               WHEN r < 0.9 THEN 'X' || cls || rnd('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4 + floor(random() * 5)::int)
               ELSE 'Z' || cls || rnd('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5) END)::drugcode
  FROM (SELECT random() AS r, rnd('ABCDEFGHJKLMNPRSV', 1) || rnd('0123456789', 2) || rnd('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 2) AS cls) s $$;
-- a third are GS1 (GTIN with its mod-10 check digit, weights 3,1,3,... from the right, and a
-- serial of 1-20 characters of set 82; no "(", which could open an identifier), typed either
-- printed or raw with ]d2 and a group separator
CREATE FUNCTION rnd_gtin() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT g || (10 - (SELECT sum(substr(g, i, 1)::int * CASE WHEN i % 2 = 1 THEN 3 ELSE 1 END)
                     FROM generate_series(1, 13) i) % 10) % 10
  FROM (SELECT rnd('0123456789', 13) AS g) s $$;
CREATE FUNCTION rnd_tracecode() RETURNS tracecode LANGUAGE sql VOLATILE AS $$
  SELECT (CASE WHEN r < 0.67 THEN rnd('0123456789', 20)
               WHEN r < 0.84 THEN '(01)' || rnd_gtin() || '(21)' || serial
               ELSE ']d2' || '21' || serial || E'\x1d' || '01' || rnd_gtin() END)::tracecode
  FROM (SELECT random() AS r,
               rnd('!"%&'')*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
                   1 + floor(random() * 20)::int) AS serial) s $$;
CREATE FUNCTION rnd_orgcode() RETURNS orgcode LANGUAGE sql VOLATILE AS $$
  SELECT (rnd('HP', 1) || (ARRAY['11','12','13','14','15','21','22','23','31','32','33','34','35','36','37',
          '41','42','43','44','45','46','50','51','52','53','54','61','62','63','64','65'])[1 + floor(random() * 31)::int]
          || rnd('0123456789', 9))::orgcode $$;
CREATE FUNCTION rnd_uscc() RETURNS uscc LANGUAGE sql VOLATILE AS $$
  SELECT (rnd('159', 1) || rnd('123', 1) || rnd('0123456789', 6) || rnd('0123456789ABCDEFGHJKLMNPQRTUWXY', 9) || '?')::uscc $$;
CREATE FUNCTION rnd_cny() RETURNS cny LANGUAGE sql VOLATILE AS $$
  SELECT ((random() - 0.5) * 2e12)::bigint::cny $$;

CREATE TABLE typed (id int PRIMARY KEY, d drugcode, t tracecode, o orgcode, u uscc, m cny);
INSERT INTO typed SELECT g, rnd_drugcode(), rnd_tracecode(), rnd_orgcode(), rnd_uscc(), rnd_cny()
FROM generate_series(1, 100000) g;
-- a few repeats so joins and duplicates have work to do
UPDATE typed SET d = (SELECT d FROM typed WHERE id = 1), t = (SELECT t FROM typed WHERE id = 1) WHERE id % 10000 = 0;
ANALYZE typed;

-- binary COPY round trip (recv/send) of every type
DO $$
BEGIN
  EXECUTE format('COPY typed TO %L (FORMAT binary)', current_setting('data_directory') || '/vbp_typed.bin');
END $$;
CREATE TABLE typed_copy (LIKE typed);
DO $$
BEGIN
  EXECUTE format('COPY typed_copy FROM %L (FORMAT binary)', current_setting('data_directory') || '/vbp_typed.bin');
END $$;
SELECT count(*) AS copied,
       count(*) FILTER (WHERE (a.d, a.t, a.o, a.u, a.m) IS DISTINCT FROM (b.d, b.t, b.o, b.u, b.m)) AS different
FROM typed a FULL JOIN typed_copy b USING (id);
-- text COPY round trip as well
DO $$
BEGIN
  EXECUTE format('COPY typed TO %L', current_setting('data_directory') || '/vbp_typed.txt');
  TRUNCATE typed_copy;
  EXECUTE format('COPY typed_copy FROM %L', current_setting('data_directory') || '/vbp_typed.txt');
END $$;
SELECT count(*) FILTER (WHERE (a.d, a.t, a.o, a.u, a.m) IS DISTINCT FROM (b.d, b.t, b.o, b.u, b.m)) AS different_text
FROM typed a FULL JOIN typed_copy b USING (id);

-- binary input validates again: a binary file with bad values is refused, nothing is loaded
SET client_min_messages = warning;
CREATE FUNCTION binary_load(typ text, value text, src_type text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f text := current_setting('data_directory') || '/vbp_bad.bin';
BEGIN
  EXECUTE format('COPY (SELECT %L::%s) TO %L (FORMAT binary)', value, src_type, f);
  EXECUTE format('CREATE TEMP TABLE IF NOT EXISTS bad_%s (v vbp.%s)', typ, typ);
  RETURN try_sql(format('COPY bad_%s FROM %L (FORMAT binary)', typ, f));
END $$;
SELECT binary_load('drugcode', 'XA01ABD075A00201010048', 'text') AS drugcode,
       binary_load('tracecode', '8123456789012345678X', 'text') AS tracecode,
       binary_load('tracecode', '(01)06901234567893(21)SN0001', 'text') AS tracecode_gs1_check;
SELECT binary_load('uscc', '91350100M000100Y44', 'text') AS uscc_bad_check,
       binary_load('uscc', '91350100M000100Y4?', 'text') AS uscc_question_mark;
SELECT binary_load('orgcode', '9900000000', 'bigint') AS orgcode_bad_division,
       binary_load('orgcode', '-1', 'bigint') AS orgcode_negative;

RESET client_min_messages;
SELECT (SELECT count(*) FROM bad_drugcode) + (SELECT count(*) FROM bad_tracecode)
       + (SELECT count(*) FROM bad_uscc) + (SELECT count(*) FROM bad_orgcode) AS rows_loaded;

-- hash joins on every type
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT count(*) FROM typed a JOIN typed_copy b ON a.d = b.d;
SELECT (SELECT count(*) FROM typed a JOIN typed_copy b ON a.d = b.d) AS drugcode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.t = b.t) AS tracecode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.o = b.o) AS orgcode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.u = b.u) AS uscc_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.m = b.m) AS cny_join;
-- the same joins as merge joins agree
SET enable_hashjoin = off;
SET enable_mergejoin = on;
SELECT (SELECT count(*) FROM typed a JOIN typed_copy b ON a.d = b.d) AS drugcode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.t = b.t) AS tracecode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.o = b.o) AS orgcode_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.u = b.u) AS uscc_join,
       (SELECT count(*) FROM typed a JOIN typed_copy b ON a.m = b.m) AS cny_join;
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET max_parallel_workers_per_gather;

-- hash partitioning on every type: rows spread over 4 partitions and equality prunes to one
CREATE FUNCTION hash_partitioned(col text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE parts int[]; plan text; probe text;
BEGIN
  EXECUTE format('CREATE TABLE hp_%1$s (id int, k %2$s) PARTITION BY HASH (k)', col,
                 (SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = 'typed'::regclass AND attname = col));
  FOR r IN 0..3 LOOP
    EXECUTE format('CREATE TABLE hp_%1$s_%2$s PARTITION OF hp_%1$s FOR VALUES WITH (MODULUS 4, REMAINDER %2$s)', col, r);
  END LOOP;
  EXECUTE format('INSERT INTO hp_%1$s SELECT id, %1$s FROM typed', col);
  EXECUTE format('SELECT array_agg(n ORDER BY p) FROM (SELECT tableoid::regclass::text p, count(*) n FROM hp_%1$s GROUP BY 1) s', col) INTO parts;
  EXECUTE format('SELECT quote_literal(%1$s::text) FROM typed WHERE id = 2', col) INTO probe;
  EXECUTE format('EXPLAIN (COSTS OFF) SELECT * FROM hp_%1$s WHERE k = %2$s', col, probe) INTO plan;
  -- a pruned lookup is a single scan of one partition, not an Append
  RETURN format('%s rows in %s partitions, each non-empty: %s; lookup scans one partition: %s',
                (SELECT sum(x) FROM unnest(parts) x), array_length(parts, 1),
                (SELECT bool_and(x > 0) FROM unnest(parts) x),
                plan ~ ('^Seq Scan on hp_' || col || '_[0-3] '));
END $$;
SELECT c, hash_partitioned(c) FROM unnest(ARRAY['d', 't', 'o', 'u', 'm']) c;

-- amcheck: B-tree indexes over 100,000 values of each type are consistent with the heap
CREATE INDEX typed_d ON typed (d);
CREATE INDEX typed_t ON typed (t);
CREATE INDEX typed_o ON typed (o);
CREATE INDEX typed_u ON typed (u);
CREATE INDEX typed_m ON typed (m);
SELECT i AS index, bt_index_check(i::regclass, heapallindexed => true) IS NOT NULL AS checked
FROM unnest(ARRAY['typed_d', 'typed_t', 'typed_o', 'typed_u', 'typed_m']) i;
SELECT bt_index_parent_check('typed_pkey'::regclass, heapallindexed => true) IS NOT NULL AS pkey_checked;
-- unique B-tree (primary key) on an identifier
CREATE TABLE org_pk (o orgcode PRIMARY KEY);
INSERT INTO org_pk VALUES ('H44010300351');
INSERT INTO org_pk VALUES ('h44010300351');

-- sort order equals text order for the identifiers, numeric order for cny
SELECT
  (SELECT count(*) FROM (SELECT d::text COLLATE "C" AS x, lag(d::text COLLATE "C") OVER (ORDER BY d) AS p FROM typed) s WHERE p > x) AS drugcode_misordered,
  (SELECT count(*) FROM (SELECT t::text COLLATE "C" AS x, lag(t::text COLLATE "C") OVER (ORDER BY t) AS p FROM typed) s WHERE p > x) AS tracecode_misordered,
  (SELECT count(*) FROM (SELECT o::text COLLATE "C" AS x, lag(o::text COLLATE "C") OVER (ORDER BY o) AS p FROM typed) s WHERE p > x) AS orgcode_misordered,
  (SELECT count(*) FROM (SELECT u::text COLLATE "C" AS x, lag(u::text COLLATE "C") OVER (ORDER BY u) AS p FROM typed) s WHERE p > x) AS uscc_misordered,
  (SELECT count(*) FROM (SELECT m::numeric AS x, lag(m::numeric) OVER (ORDER BY m) AS p FROM typed) s WHERE p > x) AS cny_misordered;
-- hash-based and sort-based grouping agree
SET enable_hashagg = off;
CREATE TEMP TABLE grouped_sort AS SELECT d, count(*) n FROM typed GROUP BY d;
RESET enable_hashagg;
SET enable_sort = off;
CREATE TEMP TABLE grouped_hash AS SELECT d, count(*) n FROM typed GROUP BY d;
RESET enable_sort;
SELECT count(*) AS groups, (SELECT count(*) FROM (SELECT * FROM grouped_sort EXCEPT SELECT * FROM grouped_hash) x) AS differ
FROM grouped_sort;

-- storage of a row of all five against the same values as text
SELECT pg_column_size(ROW(d, t, o, u, m)) AS typed_row_bytes,
       pg_column_size(ROW(d::text, t::text, o::text, u::text, m::text)) AS text_row_bytes
FROM typed WHERE id = 1;
