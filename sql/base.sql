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
