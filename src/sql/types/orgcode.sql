\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- vbp.orgcode: designated medical institution code (定点医药机构编码, fixmedins_code).
-- Pass-by-value int8 = kind * 10^11 + division * 10^5 + sequence (H = 0, P = 1);
-- comparison and hashing reuse the server's int8 functions (as contrib/isn does).

CREATE TYPE vbp.orgcode;

CREATE FUNCTION vbp.orgcode_in(cstring) RETURNS vbp.orgcode
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_in(cstring) IS
  'Text input of orgcode (定点医药机构编码): H or P, a 6-digit GB/T 2260 division of a mainland province, a 5-digit sequence';

CREATE FUNCTION vbp.orgcode_out(vbp.orgcode) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_out(vbp.orgcode) IS
  'Text output of orgcode (定点医药机构编码): 12 characters';

CREATE FUNCTION vbp.orgcode_recv(internal) RETURNS vbp.orgcode
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_recv(internal) IS
  'Binary input of orgcode (定点医药机构编码): the packed int8, validated again';

CREATE FUNCTION vbp.orgcode_send(vbp.orgcode) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_send(vbp.orgcode) IS
  'Binary output of orgcode (定点医药机构编码): the packed int8';

CREATE TYPE vbp.orgcode (
  INPUT = vbp.orgcode_in, OUTPUT = vbp.orgcode_out,
  RECEIVE = vbp.orgcode_recv, SEND = vbp.orgcode_send,
  INTERNALLENGTH = 8, ALIGNMENT = double, STORAGE = plain, PASSEDBYVALUE
);

COMMENT ON TYPE vbp.orgcode IS
  'Designated medical institution code (定点医药机构编码): H institution or P retail pharmacy + 6-digit division + 5-digit sequence; 8 bytes by value';

-- comparison, hashing and sorting of orgcode

CREATE FUNCTION vbp.orgcode_eq(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8eq'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_eq(vbp.orgcode, vbp.orgcode) IS
  'Equal to for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_ne(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8ne'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_ne(vbp.orgcode, vbp.orgcode) IS
  'Not equal to for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_lt(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8lt'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_lt(vbp.orgcode, vbp.orgcode) IS
  'Less than for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_le(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8le'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_le(vbp.orgcode, vbp.orgcode) IS
  'Less than or equal to for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_gt(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8gt'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_gt(vbp.orgcode, vbp.orgcode) IS
  'Greater than for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_ge(vbp.orgcode, vbp.orgcode) RETURNS boolean
  AS 'int8ge'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_ge(vbp.orgcode, vbp.orgcode) IS
  'Greater than or equal to for orgcode (定点医药机构编码); order is the order of the text form';

CREATE FUNCTION vbp.orgcode_cmp(vbp.orgcode, vbp.orgcode) RETURNS integer
  AS 'btint8cmp'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.orgcode_cmp(vbp.orgcode, vbp.orgcode) IS
  'B-tree comparison for orgcode (定点医药机构编码): -1, 0 or 1';

CREATE FUNCTION vbp.orgcode_sortsupport(internal) RETURNS void
  AS 'btint8sortsupport'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_sortsupport(internal) IS
  'B-tree sort support for orgcode (定点医药机构编码)';

CREATE FUNCTION vbp.orgcode_hash(vbp.orgcode) RETURNS integer
  AS 'hashint8'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_hash(vbp.orgcode) IS
  'Hash of a orgcode (定点医药机构编码) for hash indexes, joins and partitioning';

CREATE FUNCTION vbp.orgcode_hash_extended(vbp.orgcode, bigint) RETURNS bigint
  AS 'hashint8extended'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.orgcode_hash_extended(vbp.orgcode, bigint) IS
  'Seeded 64-bit hash of a orgcode (定点医药机构编码) for hash partitioning';

CREATE OPERATOR vbp.= (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_eq,
  COMMUTATOR = OPERATOR(vbp.=), NEGATOR = OPERATOR(vbp.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel,
  MERGES, HASHES
);
COMMENT ON OPERATOR vbp.= (vbp.orgcode, vbp.orgcode) IS
  'Equal to (定点医药机构编码)';

CREATE OPERATOR vbp.<> (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_ne,
  COMMUTATOR = OPERATOR(vbp.<>), NEGATOR = OPERATOR(vbp.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR vbp.<> (vbp.orgcode, vbp.orgcode) IS
  'Not equal to (定点医药机构编码)';

CREATE OPERATOR vbp.< (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_lt,
  COMMUTATOR = OPERATOR(vbp.>), NEGATOR = OPERATOR(vbp.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR vbp.< (vbp.orgcode, vbp.orgcode) IS
  'Less than (定点医药机构编码)';

CREATE OPERATOR vbp.<= (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_le,
  COMMUTATOR = OPERATOR(vbp.>=), NEGATOR = OPERATOR(vbp.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR vbp.<= (vbp.orgcode, vbp.orgcode) IS
  'Less than or equal to (定点医药机构编码)';

CREATE OPERATOR vbp.> (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_gt,
  COMMUTATOR = OPERATOR(vbp.<), NEGATOR = OPERATOR(vbp.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR vbp.> (vbp.orgcode, vbp.orgcode) IS
  'Greater than (定点医药机构编码)';

CREATE OPERATOR vbp.>= (
  LEFTARG = vbp.orgcode, RIGHTARG = vbp.orgcode, FUNCTION = vbp.orgcode_ge,
  COMMUTATOR = OPERATOR(vbp.<=), NEGATOR = OPERATOR(vbp.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR vbp.>= (vbp.orgcode, vbp.orgcode) IS
  'Greater than or equal to (定点医药机构编码)';

CREATE OPERATOR CLASS vbp.orgcode_ops
  DEFAULT FOR TYPE vbp.orgcode USING btree AS
    OPERATOR 1 vbp.<,
    OPERATOR 2 vbp.<=,
    OPERATOR 3 vbp.=,
    OPERATOR 4 vbp.>=,
    OPERATOR 5 vbp.>,
    FUNCTION 1 vbp.orgcode_cmp(vbp.orgcode, vbp.orgcode),
    FUNCTION 2 vbp.orgcode_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS vbp.orgcode_ops USING btree IS
  'Default B-tree operator class for orgcode (定点医药机构编码): primary keys, unique constraints, sorting; deduplication on';
COMMENT ON OPERATOR FAMILY vbp.orgcode_ops USING btree IS
  'B-tree operator family for orgcode (定点医药机构编码)';
CREATE OPERATOR CLASS vbp.orgcode_ops
  DEFAULT FOR TYPE vbp.orgcode USING hash AS
    OPERATOR 1 vbp.=,
    FUNCTION 1 vbp.orgcode_hash(vbp.orgcode),
    FUNCTION 2 vbp.orgcode_hash_extended(vbp.orgcode, bigint);
COMMENT ON OPERATOR CLASS vbp.orgcode_ops USING hash IS
  'Default hash operator class for orgcode (定点医药机构编码): hash joins, hash aggregation, hash partitioning, Citus distribution';
COMMENT ON OPERATOR FAMILY vbp.orgcode_ops USING hash IS
  'Hash operator family for orgcode (定点医药机构编码)';

CREATE CAST (text AS vbp.orgcode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS vbp.orgcode) IS
  'Parses text as a orgcode (定点医药机构编码), validating it; assignment cast so text columns load directly';
CREATE CAST (character varying AS vbp.orgcode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (character varying AS vbp.orgcode) IS
  'Parses varchar as a orgcode (定点医药机构编码), validating it';
CREATE CAST (vbp.orgcode AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (vbp.orgcode AS text) IS
  'Canonical text form of a orgcode (定点医药机构编码)';

CREATE FUNCTION vbp.kind(vbp.orgcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_kind'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.kind(vbp.orgcode) IS
  'Kind (机构类型) of an institution code: H medical institution, P retail pharmacy';

CREATE FUNCTION vbp.division(vbp.orgcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_division'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.division(vbp.orgcode) IS
  'GB/T 2260 administrative division (行政区划代码, 6 digits) of an institution code';

CREATE FUNCTION vbp.province(vbp.orgcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_province'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.province(vbp.orgcode) IS
  'Province code (省, first 2 digits of the division) of an institution code';

CREATE FUNCTION vbp.city(vbp.orgcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_orgcode_city'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.city(vbp.orgcode) IS
  'Prefecture-city code (地市, first 4 digits of the division) of an institution code';


-- The array type is a member too, so that postgres_fdw ships expressions that use it
-- (an org_code IN (...) list, an array argument) to servers with OPTIONS (extensions 'vbp').
ALTER EXTENSION vbp ADD TYPE vbp.orgcode[];
COMMENT ON TYPE vbp.orgcode[] IS 'Array of vbp.orgcode (定点医药机构编码), a member of vbp so that postgres_fdw ships expressions using it';
