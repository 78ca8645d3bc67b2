-- Bad input: every non-volatile SQL-callable function of vbp is
-- called with malformed values, one argument at a time, the others valid: empty and
-- overlong text, wrong alphabets, NULLs, negative and zero numbers, NaN and infinities,
-- infinite and inverted dates, nested arrays.  Every call ends either well or with a
-- clear error of class 22 (data exception) or 23 (integrity): no internal error
-- (XX000), no crash, no call running past 5 seconds.
SET search_path = public, vbp;
CREATE TEMP TABLE good (typ regtype, v text);
INSERT INTO good VALUES ('bigint', '1'), ('boolean', 'true'), ('date', '2024-06-30'), ('double precision', '1.5'),
  ('double precision[]', '{1,2,3}'), ('integer', '1'), ('integer[]', '{1}'), ('numeric', '1.5'), ('numeric[]', '{1,2}'),
  ('text', 'national'), ('vbp.cny', '1.00'), ('vbp.drugcode', 'XA01ABD075A002010100483'), ('vbp.orgcode', 'H44010300001'),
  ('vbp.tracecode', '81234560000000000001'), ('vbp.uscc', '91440101MA0000001?'), ('vbp.product_cycle[]', '{}'),
  ('vbp.orgcode[]', '{H44010300001}'), ('vbp.drugcode[]', '{XA01ABD075A002010100483}'), ('money', '1.00'),
  ('regrole', 'postgres'), ('text[]', '{none,zero,proportional}'), ('regclass[]', '{vbp.purchase}'), ('oid', '1'),
  ('timestamp without time zone', '2024-06-30 12:00:00'), ('timestamp with time zone', '2024-06-30 12:00:00+08');
CREATE TEMP TABLE bad (typ regtype, v text);
INSERT INTO bad VALUES
  ('bigint', '-1'), ('bigint', '0'), ('bigint', '9223372036854775807'), ('bigint', NULL),
  ('integer', '-1'), ('integer', '0'), ('integer', '2147483647'), ('integer', NULL),
  ('numeric', '-1'), ('numeric', '0'), ('numeric', 'NaN'), ('numeric', '1e30'), ('numeric', NULL),
  ('double precision', 'NaN'), ('double precision', '-Infinity'), ('double precision', '-1'), ('double precision', NULL),
  ('double precision[]', '{}'), ('double precision[]', '{NaN}'), ('double precision[]', '{{1,2},{3,4}}'),
  ('double precision[]', NULL),
  ('date', 'infinity'), ('date', '-infinity'), ('date', '1900-01-01'), ('date', NULL),
  ('timestamp without time zone', 'infinity'), ('timestamp without time zone', NULL),
  ('timestamp with time zone', '-infinity'), ('timestamp with time zone', '4713-01-01 00:00:00+00 BC'),
  ('timestamp with time zone', NULL),
  ('text', ''), ('text', repeat('x', 5000)), ('text', 'nope'), ('text', NULL), ('boolean', NULL),
  ('vbp.cny', '-1.00'), ('vbp.cny', '92233720368547758.07'), ('vbp.cny', NULL),
  ('vbp.drugcode', ''), ('vbp.drugcode', repeat('X', 100)), ('vbp.drugcode', 'xa01abd075a002010100483'), ('vbp.drugcode', NULL),
  ('vbp.orgcode', ''), ('vbp.orgcode', 'Z11010100001'), ('vbp.orgcode', repeat('H', 50)), ('vbp.orgcode', NULL),
  ('vbp.tracecode', ''), ('vbp.tracecode', 'abcdefghijklmnopqrst'), ('vbp.tracecode', repeat('9', 40)), ('vbp.tracecode', NULL),
  ('vbp.tracecode', '(01)06901234567893(21)A'), ('vbp.tracecode', repeat('(21)', 30)),
  ('vbp.uscc', ''), ('vbp.uscc', '9144'), ('vbp.uscc', 'IIIIIIIIIIIIIIIIII'), ('vbp.uscc', NULL),
  ('integer[]', '{}'), ('integer[]', '{-1}'), ('integer[]', NULL),
  ('text[]', '{}'), ('text[]', '{NULL}'), ('text[]', NULL),
  ('regclass[]', '{}'), ('regclass[]', '{NULL}'), ('regclass[]', NULL),
  ('numeric[]', '{}'), ('numeric[]', '{-1,NaN}'), ('numeric[]', NULL),
  ('vbp.product_cycle[]', '{NULL}'), ('vbp.product_cycle[]', NULL),
  ('vbp.orgcode[]', '{NULL}'), ('vbp.orgcode[]', '{}'), ('vbp.orgcode[]', NULL), ('vbp.orgcode[]', '{H44010300001,H44010300001}'),
  ('vbp.drugcode[]', '{NULL}'), ('vbp.drugcode[]', '{}'), ('vbp.drugcode[]', NULL),
  ('money', NULL), ('money', '-92233720368547758.08'),
  ('regrole', '4294967295'), ('regrole', NULL), ('oid', '0'), ('oid', '4294967295'), ('oid', NULL);
-- the functions: not volatile (those write: the demo, settlement, refresh, counters), callable
-- with SQL values (no internal, cstring or bytea arguments: aggregate support and type I/O,
-- which the type tests cover)
CREATE TEMP TABLE fns AS
SELECT p.oid, p.oid::regprocedure::text AS sig, p.proargtypes::regtype[] AS args
FROM pg_proc p
WHERE p.pronamespace = 'vbp'::regnamespace AND p.prokind = 'f' AND p.provolatile <> 'v'
  AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype)
  AND NOT (p.proargtypes::regtype[] && ARRAY['internal', 'cstring', 'bytea', 'regclass']::regtype[]);
SELECT count(*) > 100 AS over_100_functions,
       (SELECT count(*) FROM fns f WHERE EXISTS (SELECT 1 FROM unnest(f.args) a
                                                 WHERE a NOT IN (SELECT typ FROM good))) AS without_good_values
FROM fns;
CREATE TEMP TABLE calls AS
SELECT f.sig, b.v AS bad, format('SELECT count(*) FROM %s(%s)', f.oid::regproc,
       (SELECT string_agg(CASE WHEN j = i THEN coalesce(quote_literal(b.v), 'NULL') ELSE quote_literal(g.v) END
                          || '::' || f.args[j]::text, ', ' ORDER BY j)
        FROM generate_subscripts(f.args, 1) j LEFT JOIN good g ON g.typ = f.args[j])) AS stmt
FROM fns f CROSS JOIN LATERAL generate_subscripts(f.args, 1) i JOIN bad b ON b.typ = f.args[i];
SELECT count(*) > 500 AS over_500_calls,
       count(DISTINCT sig) = (SELECT count(*) FROM fns WHERE cardinality(args) > 0) AS every_function_with_arguments
FROM calls;
CREATE TEMP TABLE results (sig text, bad text, stmt text, r text);
SET statement_timeout = '5s';
\set ECHO none
\set QUIET on
SELECT format('INSERT INTO results VALUES (%L, %L, %L, public.try_sql(%L))', sig, bad, stmt, stmt) FROM calls \gexec
\set QUIET off
\set ECHO all
RESET statement_timeout;
-- every call answered; only well-formed errors
SELECT (SELECT count(*) FROM calls) - count(*) AS unanswered,
       count(*) FILTER (WHERE r = 'ok') > 0 AS some_ok,
       count(*) FILTER (WHERE r NOT LIKE 'ok' AND r NOT LIKE '22%' AND r NOT LIKE '23%') AS other_errors
FROM results;
SELECT left(r, 5) AS sqlstate, count(*) > 0 AS seen FROM results GROUP BY 1 ORDER BY 1;
SELECT sig, bad, r FROM results WHERE r NOT LIKE 'ok' AND r NOT LIKE '22%' AND r NOT LIKE '23%' ORDER BY 1, 2;
SELECT 1 AS server_alive;
