\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- vbp.tracecode: drug traceability code (药品追溯码), the 20-digit Chinese code or GS1
-- DataMatrix content (GTIN + serial), a short varlena of 11 bytes (20 digits) or 9 to 28 (GS1) on disk.

CREATE TYPE vbp.tracecode;

CREATE FUNCTION vbp.tracecode_in(cstring) RETURNS vbp.tracecode
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_in(cstring) IS
  'Text input of tracecode (药品追溯码): 20 digits (or 7 + 13 separated by one space or hyphen), or GS1 DataMatrix content with (01) GTIN and (21) serial, parenthesised or raw (group separators, ]d2); at most 100 characters';

CREATE FUNCTION vbp.tracecode_out(vbp.tracecode) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_out(vbp.tracecode) IS
  'Text output of tracecode (药品追溯码): the canonical text, 20 digits or (01)<GTIN>(21)<serial>';

CREATE FUNCTION vbp.tracecode_recv(internal) RETURNS vbp.tracecode
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_recv(internal) IS
  'Binary input of tracecode (药品追溯码): the text form, validated again';

CREATE FUNCTION vbp.tracecode_send(vbp.tracecode) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_send(vbp.tracecode) IS
  'Binary output of tracecode (药品追溯码): the canonical text';

CREATE TYPE vbp.tracecode (
  INPUT = vbp.tracecode_in, OUTPUT = vbp.tracecode_out,
  RECEIVE = vbp.tracecode_recv, SEND = vbp.tracecode_send,
  INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = main
);

COMMENT ON TYPE vbp.tracecode IS
  'Drug traceability code (药品追溯码): 20 digits = 7-digit drug identification code + 13-digit serial (11 bytes on disk), or a GS1 GTIN + serial (expiry, batch and other identifiers checked, not kept); order is the C order of the canonical text';

-- comparison, hashing and sorting of tracecode

CREATE FUNCTION vbp.tracecode_eq(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_eq'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_eq(vbp.tracecode, vbp.tracecode) IS
  'Equal to for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_ne(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_ne'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_ne(vbp.tracecode, vbp.tracecode) IS
  'Not equal to for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_lt(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_lt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_lt(vbp.tracecode, vbp.tracecode) IS
  'Less than for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_le(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_le'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_le(vbp.tracecode, vbp.tracecode) IS
  'Less than or equal to for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_gt(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_gt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_gt(vbp.tracecode, vbp.tracecode) IS
  'Greater than for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_ge(vbp.tracecode, vbp.tracecode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_ge'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_ge(vbp.tracecode, vbp.tracecode) IS
  'Greater than or equal to for tracecode (药品追溯码); order is the order of the text form';

CREATE FUNCTION vbp.tracecode_cmp(vbp.tracecode, vbp.tracecode) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_cmp'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.tracecode_cmp(vbp.tracecode, vbp.tracecode) IS
  'B-tree comparison for tracecode (药品追溯码): -1, 0 or 1';

CREATE FUNCTION vbp.tracecode_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_sortsupport'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_sortsupport(internal) IS
  'B-tree sort support for tracecode (药品追溯码)';

CREATE FUNCTION vbp.tracecode_hash(vbp.tracecode) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_hash'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_hash(vbp.tracecode) IS
  'Hash of a tracecode (药品追溯码) for hash indexes, joins and partitioning';

CREATE FUNCTION vbp.tracecode_hash_extended(vbp.tracecode, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_hash_extended'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_hash_extended(vbp.tracecode, bigint) IS
  'Seeded 64-bit hash of a tracecode (药品追溯码) for hash partitioning';

CREATE OPERATOR vbp.= (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_eq,
  COMMUTATOR = OPERATOR(vbp.=), NEGATOR = OPERATOR(vbp.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel,
  MERGES, HASHES
);
COMMENT ON OPERATOR vbp.= (vbp.tracecode, vbp.tracecode) IS
  'Equal to (药品追溯码)';

CREATE OPERATOR vbp.<> (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_ne,
  COMMUTATOR = OPERATOR(vbp.<>), NEGATOR = OPERATOR(vbp.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR vbp.<> (vbp.tracecode, vbp.tracecode) IS
  'Not equal to (药品追溯码)';

CREATE OPERATOR vbp.< (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_lt,
  COMMUTATOR = OPERATOR(vbp.>), NEGATOR = OPERATOR(vbp.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR vbp.< (vbp.tracecode, vbp.tracecode) IS
  'Less than (药品追溯码)';

CREATE OPERATOR vbp.<= (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_le,
  COMMUTATOR = OPERATOR(vbp.>=), NEGATOR = OPERATOR(vbp.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR vbp.<= (vbp.tracecode, vbp.tracecode) IS
  'Less than or equal to (药品追溯码)';

CREATE OPERATOR vbp.> (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_gt,
  COMMUTATOR = OPERATOR(vbp.<), NEGATOR = OPERATOR(vbp.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR vbp.> (vbp.tracecode, vbp.tracecode) IS
  'Greater than (药品追溯码)';

CREATE OPERATOR vbp.>= (
  LEFTARG = vbp.tracecode, RIGHTARG = vbp.tracecode, FUNCTION = vbp.tracecode_ge,
  COMMUTATOR = OPERATOR(vbp.<=), NEGATOR = OPERATOR(vbp.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR vbp.>= (vbp.tracecode, vbp.tracecode) IS
  'Greater than or equal to (药品追溯码)';

CREATE OPERATOR CLASS vbp.tracecode_ops
  DEFAULT FOR TYPE vbp.tracecode USING btree AS
    OPERATOR 1 vbp.<,
    OPERATOR 2 vbp.<=,
    OPERATOR 3 vbp.=,
    OPERATOR 4 vbp.>=,
    OPERATOR 5 vbp.>,
    FUNCTION 1 vbp.tracecode_cmp(vbp.tracecode, vbp.tracecode),
    FUNCTION 2 vbp.tracecode_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS vbp.tracecode_ops USING btree IS
  'Default B-tree operator class for tracecode (药品追溯码): primary keys, unique constraints, sorting; deduplication on';
COMMENT ON OPERATOR FAMILY vbp.tracecode_ops USING btree IS
  'B-tree operator family for tracecode (药品追溯码)';
CREATE OPERATOR CLASS vbp.tracecode_ops
  DEFAULT FOR TYPE vbp.tracecode USING hash AS
    OPERATOR 1 vbp.=,
    FUNCTION 1 vbp.tracecode_hash(vbp.tracecode),
    FUNCTION 2 vbp.tracecode_hash_extended(vbp.tracecode, bigint);
COMMENT ON OPERATOR CLASS vbp.tracecode_ops USING hash IS
  'Default hash operator class for tracecode (药品追溯码): hash joins, hash aggregation, hash partitioning, Citus distribution';
COMMENT ON OPERATOR FAMILY vbp.tracecode_ops USING hash IS
  'Hash operator family for tracecode (药品追溯码)';

CREATE CAST (text AS vbp.tracecode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS vbp.tracecode) IS
  'Parses text as a tracecode (药品追溯码), validating it; assignment cast so text columns load directly';
CREATE CAST (character varying AS vbp.tracecode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (character varying AS vbp.tracecode) IS
  'Parses varchar as a tracecode (药品追溯码), validating it';
CREATE CAST (vbp.tracecode AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (vbp.tracecode AS text) IS
  'Canonical text form of a tracecode (药品追溯码)';

CREATE FUNCTION vbp.product_code(vbp.tracecode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_product'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.product_code(vbp.tracecode) IS
  'Product code of a traceability code: the drug identification code (药品标识码, the first 7 of 20 digits, per product and packaging level), or the 14-digit GTIN of a GS1 code';

CREATE FUNCTION vbp.serial(vbp.tracecode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_serial'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.serial(vbp.tracecode) IS
  'Serial part (序列号) of a traceability code: the last 13 of 20 digits, or the GS1 serial (21)';

CREATE FUNCTION vbp.code_form(vbp.tracecode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_form'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.code_form(vbp.tracecode) IS
  'Form of a traceability code (追溯码形式): nmpa20 for the 20-digit Chinese code, gs1 for GS1 DataMatrix content (GTIN + serial)';

-- The array type is a member too, so that postgres_fdw ships expressions that use it
-- (an org_code IN (...) list, an array argument) to servers with OPTIONS (extensions 'vbp').
ALTER EXTENSION vbp ADD TYPE vbp.tracecode[];
COMMENT ON TYPE vbp.tracecode[] IS 'Array of vbp.tracecode (药品追溯码), a member of vbp so that postgres_fdw ships expressions using it';
