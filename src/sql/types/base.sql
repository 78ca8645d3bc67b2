\echo Use "CREATE EXTENSION vbp" to load this file. \quit
-- vbp: base objects.  Every object lives in schema vbp (created by
-- CREATE EXTENSION from vbp.control); SQL function bodies are resolved when
-- they are created (BEGIN ATOMIC) and PL/pgSQL bodies are schema-qualified, so
-- pg_dump restores with an empty search_path.

-- The script needs PostgreSQL 15: BEGIN ATOMIC bodies (14) and
-- security_invoker views (15), without which row-level security would not
-- apply through the reports.
DO $$
BEGIN
  IF current_setting('server_version_num')::int < 150000 THEN
    RAISE EXCEPTION 'vbp needs PostgreSQL 15 or later, not %', current_setting('server_version')
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'Its report views are security_invoker and its SQL functions have BEGIN ATOMIC bodies.';
  END IF;
END $$;

COMMENT ON SCHEMA vbp IS
  'vbp: national volume-based drug procurement (国家组织药品集中带量采购, 集采) and negotiated-drug landing (谈判药品落地) — identifiers, exact money, metrics and reports';

CREATE FUNCTION vbp.version() RETURNS text
  AS 'MODULE_PATHNAME', 'vbp_version'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.version() IS
  'Version of the loaded vbp library and of its pure-C core (版本)';

-- The month a date falls in (C, src/vbp.c): what the monthly reports
-- group purchases, dispensing lines and order lines by.  date_trunc('month', d)
-- on a date goes through timestamp with time zone and the session's time zone
-- and back: about 0.2 microseconds more on every row a report groups (3 million
-- dates: 0.59 s more than reading them, against too little to measure here).
CREATE FUNCTION vbp.month_start(d date) RETURNS date
  AS 'MODULE_PATHNAME', 'pgvbp_month_start'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.month_start(date) IS
  'First day of the month of a date (月初): the value of date_trunc(''month'', d)::date for every date, computed on the date itself; infinity and -infinity are returned as they are; 22008 for 4714-11-24 BC to 4714-11-30 BC, whose month starts before the first date';
