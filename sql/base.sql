-- Base objects: the schema and the version function.
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'vbp') AS current_version,
       extrelocatable, n.nspname
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'vbp';
SELECT vbp.version() ~ '^vbp [0-9]+\.[0-9]+\.[0-9]+ \(core [0-9]+\.[0-9]+\.[0-9]+\)$' AS version_format;
-- the extension cannot be moved to another schema
CREATE SCHEMA elsewhere;
ALTER EXTENSION vbp SET SCHEMA elsewhere;
DROP SCHEMA elsewhere;
-- every function of the extension is labelled PARALLEL SAFE unless it writes
SELECT p.oid::regprocedure AS not_parallel_safe
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'vbp'
WHERE p.proparallel <> 's' AND p.provolatile <> 'v'
ORDER BY 1;
-- helper for the other test files: runs a statement, returns 'ok' or
-- 'SQLSTATE: message (detail)' so many rejections fit in one table
CREATE FUNCTION public.try_sql(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  st text; msg text; det text;
BEGIN
  EXECUTE stmt;
  RETURN 'ok';
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
  RETURN st || ': ' || msg || coalesce(' (' || nullif(det, '') || ')', '');
END $$;

-- The tests that load the demo end with SELECT empty_demo_tables(): monthly
-- partitions of vbp.purchase dropped, every table the demo fills emptied, and
-- the ledgers' identifiers restarted, so the next test starts from nothing.
CREATE FUNCTION public.empty_demo_tables() RETURNS text LANGUAGE plpgsql AS $$
DECLARE p regclass;
BEGIN
  FOR p IN SELECT i.inhrelid::regclass FROM pg_inherits i
           WHERE i.inhparent = 'vbp.purchase'::regclass AND i.inhrelid <> 'vbp.purchase_default'::regclass
           ORDER BY i.inhrelid::regclass::text LOOP
    EXECUTE format('DROP TABLE %s', p);
  END LOOP;
  SET LOCAL client_min_messages = warning;
  TRUNCATE vbp.purchase, vbp.dispensing, vbp.agreement, vbp.volume_report, vbp.selection,
           vbp.formulary_admission, vbp.committee_meeting, vbp.assessment, vbp.nrdl_item,
           vbp.nrdl_version, vbp.product, vbp.generic_group, vbp.institution, vbp.batch,
           vbp.demo_injection, vbp.demo_run CASCADE;
  PERFORM setval('vbp.purchase_id_seq', 1, false), setval('vbp.dispensing_id_seq', 1, false);
  RETURN 'emptied';
END $$;

-- vbp.month_start: the first day of the month, as date_trunc('month', d)::date,
-- on every 7th day over 1,000 years from 1600-01-01 (52,178 days, every day
-- of the month met in every month: 7 is prime to every month's length), on
-- leap days and month ends, and on the infinities; NULL in, NULL out
SELECT count(*) AS days, count(*) FILTER (WHERE vbp.month_start(d) <> date_trunc('month', d)::date) AS differing
FROM (SELECT date '1600-01-01' + 7 * i AS d FROM generate_series(0, 52177) i) x;
-- and every day of one whole 400-year cycle of the calendar (146,097 days, every
-- leap rule met), from 2000-03-01
SELECT count(*) AS days, count(*) FILTER (WHERE vbp.month_start(d) <> date_trunc('month', d)::date) AS differing
FROM (SELECT date '2000-03-01' + i AS d FROM generate_series(0, 146096) i) x;
SELECT d, vbp.month_start(d)
FROM unnest(ARRAY[date '2000-02-29', '1900-02-28', '1900-03-01', '2023-06-30', '2024-12-31', '2025-01-01',
                  '4714-12-01 BC', '5874897-12-31', 'infinity', '-infinity', NULL]) d;
-- the first days PostgreSQL knows have a month that starts before them: out of
-- range, as date_trunc says too
SELECT s, try_sql(s) FROM unnest(ARRAY[$$SELECT vbp.month_start('4714-11-24 BC')$$,
                                         $$SELECT vbp.month_start('4714-11-30 BC')$$,
                                         $$SELECT date_trunc('month', date '4714-11-30 BC')$$]) s;
