\echo Use "CREATE EXTENSION vbp" to load this file. \quit
-- vbp: base objects.  Every object lives in schema vbp (created by
-- CREATE EXTENSION from vbp.control) and every function body is
-- schema-qualified, so pg_dump restores with an empty search_path.


COMMENT ON SCHEMA vbp IS
  'vbp: national volume-based drug procurement (国家组织药品集中带量采购, 集采) and negotiated-drug landing (谈判药品落地) — identifiers, exact money, metrics and reports';

CREATE FUNCTION vbp.version() RETURNS text
  AS 'MODULE_PATHNAME', 'vbp_version'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.version() IS
  'Version of the loaded vbp library and of its pure-C core (版本)';
