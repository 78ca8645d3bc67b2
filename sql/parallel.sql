-- Parallel query: every vbp aggregate runs as a partial aggregate in
-- parallel workers (and per partition), its states combined (and serialised
-- between processes), with the same result as a serial plan.
SET search_path = public, vbp;
SET datestyle = ISO;
SET statement_timeout = '300s';   -- a hung parallel plan fails the test instead of stalling CI

-- the aggregates and their parallel support, as declared
SELECT a.aggfnoid::regprocedure AS aggregate, p.proparallel AS parallel,
       a.aggcombinefn <> 0 AS combines,
       a.aggtranstype <> 'internal'::regtype OR (a.aggserialfn <> 0 AND a.aggdeserialfn <> 0) AS ships_state
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.pronamespace = 'vbp'::regnamespace ORDER BY a.aggfnoid::regprocedure::text;

SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT as_of FROM demo_run \gset
-- a plain table for the scalar aggregates (parallel scans skip temporary tables)
CREATE TABLE public.par_values AS
  SELECT g % 50 AS grp, (((g * 7919) % 100000)::numeric / 100)::cny AS amount,
         ((g * 104729) % 10007)::float8 / 7 AS x,
         10 + (g % 90)::numeric AS reference_price, 1 + (g % 9)::numeric AS selected_price, (1 + g % 5)::numeric AS volume,
         -- price cells: with k = g / 50, institution k % 200 + 1 in month k / 200, once per group
         ('H440103' || lpad((g / 50 % 200 + 1)::text, 5, '0'))::orgcode AS org_code,
         (date '2024-01-01' + make_interval(months => (g / 10000)::int))::date AS month, 1 + g % 7 AS units
  FROM generate_series(1::bigint, 50000) g;
ANALYZE public.par_values;
-- the same rows in 4 hash partitions of another column
CREATE TABLE public.par_parts (LIKE public.par_values) PARTITION BY HASH (volume);
SELECT format('CREATE TABLE public.par_parts_%s PARTITION OF public.par_parts FOR VALUES WITH (MODULUS 4, REMAINDER %s)', r, r)
FROM generate_series(0, 3) r \gexec
INSERT INTO public.par_parts SELECT * FROM public.par_values;
ANALYZE public.par_parts;

-- q: the query; returns the plan's shape with 2 workers allowed, whether
-- workers ran, and whether the parallel result equals the serial one
CREATE FUNCTION pg_temp.parallel_check(q text)
  RETURNS TABLE (partial_aggregate boolean, gather boolean, workers_launched boolean, same_as_serial boolean)
  LANGUAGE plpgsql AS $$
DECLARE
  plan text := '';
  line text;
  serial text;
  par text;
BEGIN
  SET LOCAL max_parallel_workers_per_gather = 0;
  EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', '|', q) INTO serial;
  SET LOCAL max_parallel_workers_per_gather = 2;
  SET LOCAL parallel_setup_cost = 0;
  SET LOCAL parallel_tuple_cost = 0;
  SET LOCAL min_parallel_table_scan_size = 0;
  SET LOCAL parallel_leader_participation = off;   -- workers must do the partial work
  FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
    plan := plan || line || E'\n';
  END LOOP;
  EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', '|', q) INTO par;
  partial_aggregate := plan ~ 'Partial (Hash|Group)?Aggregate';
  gather := plan ~ 'Gather';
  workers_launched := plan ~ 'Workers Launched: [1-9]';
  same_as_serial := par IS NOT DISTINCT FROM serial AND serial IS NOT NULL;
  RETURN NEXT;
END $$;

SELECT q.aggregate, c.*
FROM (VALUES
  ('sum(cny)', 'SELECT grp, sum(amount) FROM public.par_values GROUP BY grp'),
  ('avg(cny)', 'SELECT grp, avg(amount) FROM public.par_values GROUP BY grp'),
  ('min(cny)', 'SELECT grp, min(amount) FROM public.par_values GROUP BY grp'),
  ('max(cny)', 'SELECT max(amount) FROM public.par_values'),
  ('deciles', 'SELECT grp, deciles(x) FROM public.par_values GROUP BY grp'),
  ('price_deciles', 'SELECT grp, price_deciles(x) FROM public.par_values GROUP BY grp'),
  ('price_rank_series', 'SELECT grp, price_rank_series(org_code, month, amount, units, 2) FROM public.par_values GROUP BY grp'),
  ('median_mad', 'SELECT grp, median_mad(x) FROM public.par_values GROUP BY grp'),
  ('price_cuts', 'SELECT grp, price_cuts(reference_price, selected_price, volume) FROM public.par_values GROUP BY grp'),
  ('purchase_tally', format($q$SELECT pu.org_code, purchase_tally(pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on,
                                  true, pu.org_code::text < 'H3', %L::date - 365, %L::date, %L::date, 30)
                            FROM vbp.purchase pu GROUP BY pu.org_code$q$, :'as_of', :'as_of', :'as_of')),
  ('cycle_tally', format($q$SELECT pu.org_code,
                                  cycle_tally(pu.product_code, pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on,
                                              (SELECT product_cycle_map(array_agg(c.cycle_id)) FROM agreement_cycles() c
                                               WHERE c.in_batch AND c.cycle_start <= %L::date), %L::date, 30)
                            FROM vbp.purchase pu GROUP BY pu.org_code$q$, :'as_of', :'as_of'))
) q(aggregate, sql)
CROSS JOIN LATERAL pg_temp.parallel_check(q.sql) c
ORDER BY 1;

-- per partition: partitionwise aggregation of a table partitioned on another
-- column aggregates each partition apart and combines the states (no workers)
CREATE FUNCTION pg_temp.partitionwise_check(q text)
  RETURNS TABLE (partial_per_partition boolean, same_as_plain boolean)
  LANGUAGE plpgsql AS $$
DECLARE
  plan text := '';
  line text;
  plain text;
  parts text;
BEGIN
  EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', '|', q) INTO plain;
  SET LOCAL max_parallel_workers_per_gather = 0;
  SET LOCAL enable_partitionwise_aggregate = on;
  q := replace(q, 'public.par_values', 'public.par_parts');
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    plan := plan || line || E'\n';
  END LOOP;
  EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', '|', q) INTO parts;
  partial_per_partition := plan ~ 'Append' AND (SELECT count(*) FROM regexp_matches(plan, 'Partial (Hash|Group)?Aggregate', 'g')) = 4;
  same_as_plain := parts IS NOT DISTINCT FROM plain AND plain IS NOT NULL;
  RETURN NEXT;
END $$;
SELECT q.aggregate, c.*
FROM (VALUES
  ('sum(cny)', 'SELECT grp, sum(amount) FROM public.par_values GROUP BY grp'),
  ('avg(cny)', 'SELECT grp, avg(amount) FROM public.par_values GROUP BY grp'),
  ('min(cny)', 'SELECT grp, min(amount) FROM public.par_values GROUP BY grp'),
  ('max(cny)', 'SELECT max(amount) FROM public.par_values'),
  ('deciles', 'SELECT grp, deciles(x) FROM public.par_values GROUP BY grp'),
  ('price_deciles', 'SELECT grp, price_deciles(x) FROM public.par_values GROUP BY grp'),
  ('price_rank_series', 'SELECT grp, price_rank_series(org_code, month, amount, units, 2) FROM public.par_values GROUP BY grp'),
  ('median_mad', 'SELECT grp, median_mad(x) FROM public.par_values GROUP BY grp'),
  ('price_cuts', 'SELECT grp, price_cuts(reference_price, selected_price, volume) FROM public.par_values GROUP BY grp')
) q(aggregate, sql)
CROSS JOIN LATERAL pg_temp.partitionwise_check(q.sql) c
ORDER BY 1;

-- the reports built on them: the same rows with 2 workers as serially
CREATE FUNCTION pg_temp.report_digest(q text, workers int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
  -- parallel plans made cheap, not free: free, a Gather under a nested loop is
  -- launched again for every outer row, and a report runs for minutes
  PERFORM set_config('parallel_setup_cost', '100', true);
  PERFORM set_config('parallel_tuple_cost', '0.01', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  EXECUTE format('SELECT md5(string_agg(r::text, %L ORDER BY r::text)) FROM (%s) r', '|', q) INTO d;
  RETURN d;
END $$;
SELECT set_config('vbp.as_of', :'as_of', false) AS as_of;
-- fresh statistics: with parallel plans made free, a plan from whatever
-- autovacuum had analyzed by then could run for minutes
ANALYZE;
SELECT v AS report, pg_temp.report_digest('SELECT * FROM vbp.' || v, 0) = pg_temp.report_digest('SELECT * FROM vbp.' || v, 2) AS same_with_2_workers
FROM unnest(ARRAY['fulfilment', 'retention_statement', 'price_benchmark', 'batch_summary', 'report_credibility']) v
ORDER BY 1;

-- clean up for the other tests: empty tables
DROP TABLE public.par_values, public.par_parts;
SELECT empty_demo_tables();
