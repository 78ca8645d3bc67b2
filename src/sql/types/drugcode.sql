\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- vbp.drugcode: NHSA drug classification and code (医保药品代码).
-- 16 bytes: base-37 number of up to 23 symbols; order = text order.

CREATE TYPE vbp.drugcode;

CREATE FUNCTION vbp.drugcode_in(cstring) RETURNS vbp.drugcode
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_in(cstring) IS
  'Text input of drugcode (医保药品代码): X + 22 or Z + 19 letters/digits, or a generic-level prefix (X 10-14, Z 11); class segment letter-digit-digit-letter-letter';

CREATE FUNCTION vbp.drugcode_out(vbp.drugcode) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_out(vbp.drugcode) IS
  'Text output of drugcode (医保药品代码): canonical upper case';

CREATE FUNCTION vbp.drugcode_recv(internal) RETURNS vbp.drugcode
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_recv(internal) IS
  'Binary input of drugcode (医保药品代码): the text form, validated again';

CREATE FUNCTION vbp.drugcode_send(vbp.drugcode) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_send(vbp.drugcode) IS
  'Binary output of drugcode (医保药品代码): the canonical text';

CREATE TYPE vbp.drugcode (
  INPUT = vbp.drugcode_in, OUTPUT = vbp.drugcode_out,
  RECEIVE = vbp.drugcode_recv, SEND = vbp.drugcode_send,
  INTERNALLENGTH = 16, ALIGNMENT = double, STORAGE = plain
);

COMMENT ON TYPE vbp.drugcode IS
  'NHSA drug code (医保药品代码): X (western, 23 chars) or Z (Chinese patent, 20 chars), or a generic-level prefix; 16 bytes';

-- comparison, hashing and sorting of drugcode

CREATE FUNCTION vbp.drugcode_eq(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_eq'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_eq(vbp.drugcode, vbp.drugcode) IS
  'Equal to for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_ne(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_ne'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_ne(vbp.drugcode, vbp.drugcode) IS
  'Not equal to for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_lt(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_lt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_lt(vbp.drugcode, vbp.drugcode) IS
  'Less than for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_le(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_le'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_le(vbp.drugcode, vbp.drugcode) IS
  'Less than or equal to for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_gt(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_gt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_gt(vbp.drugcode, vbp.drugcode) IS
  'Greater than for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_ge(vbp.drugcode, vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_ge'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_ge(vbp.drugcode, vbp.drugcode) IS
  'Greater than or equal to for drugcode (医保药品代码); order is the order of the text form';

CREATE FUNCTION vbp.drugcode_cmp(vbp.drugcode, vbp.drugcode) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_cmp'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.drugcode_cmp(vbp.drugcode, vbp.drugcode) IS
  'B-tree comparison for drugcode (医保药品代码): -1, 0 or 1';

CREATE FUNCTION vbp.drugcode_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_sortsupport'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_sortsupport(internal) IS
  'B-tree sort support for drugcode (医保药品代码)';

CREATE FUNCTION vbp.drugcode_hash(vbp.drugcode) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_hash'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_hash(vbp.drugcode) IS
  'Hash of a drugcode (医保药品代码) for hash indexes, joins and partitioning';

CREATE FUNCTION vbp.drugcode_hash_extended(vbp.drugcode, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_hash_extended'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drugcode_hash_extended(vbp.drugcode, bigint) IS
  'Seeded 64-bit hash of a drugcode (医保药品代码) for hash partitioning';

CREATE OPERATOR vbp.= (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_eq,
  COMMUTATOR = OPERATOR(vbp.=), NEGATOR = OPERATOR(vbp.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel,
  MERGES, HASHES
);
COMMENT ON OPERATOR vbp.= (vbp.drugcode, vbp.drugcode) IS
  'Equal to (医保药品代码)';

CREATE OPERATOR vbp.<> (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_ne,
  COMMUTATOR = OPERATOR(vbp.<>), NEGATOR = OPERATOR(vbp.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR vbp.<> (vbp.drugcode, vbp.drugcode) IS
  'Not equal to (医保药品代码)';

CREATE OPERATOR vbp.< (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_lt,
  COMMUTATOR = OPERATOR(vbp.>), NEGATOR = OPERATOR(vbp.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR vbp.< (vbp.drugcode, vbp.drugcode) IS
  'Less than (医保药品代码)';

CREATE OPERATOR vbp.<= (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_le,
  COMMUTATOR = OPERATOR(vbp.>=), NEGATOR = OPERATOR(vbp.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR vbp.<= (vbp.drugcode, vbp.drugcode) IS
  'Less than or equal to (医保药品代码)';

CREATE OPERATOR vbp.> (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_gt,
  COMMUTATOR = OPERATOR(vbp.<), NEGATOR = OPERATOR(vbp.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR vbp.> (vbp.drugcode, vbp.drugcode) IS
  'Greater than (医保药品代码)';

CREATE OPERATOR vbp.>= (
  LEFTARG = vbp.drugcode, RIGHTARG = vbp.drugcode, FUNCTION = vbp.drugcode_ge,
  COMMUTATOR = OPERATOR(vbp.<=), NEGATOR = OPERATOR(vbp.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR vbp.>= (vbp.drugcode, vbp.drugcode) IS
  'Greater than or equal to (医保药品代码)';

CREATE OPERATOR CLASS vbp.drugcode_ops
  DEFAULT FOR TYPE vbp.drugcode USING btree AS
    OPERATOR 1 vbp.<,
    OPERATOR 2 vbp.<=,
    OPERATOR 3 vbp.=,
    OPERATOR 4 vbp.>=,
    OPERATOR 5 vbp.>,
    FUNCTION 1 vbp.drugcode_cmp(vbp.drugcode, vbp.drugcode),
    FUNCTION 2 vbp.drugcode_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS vbp.drugcode_ops USING btree IS
  'Default B-tree operator class for drugcode (医保药品代码): primary keys, unique constraints, sorting; deduplication on';
COMMENT ON OPERATOR FAMILY vbp.drugcode_ops USING btree IS
  'B-tree operator family for drugcode (医保药品代码)';
CREATE OPERATOR CLASS vbp.drugcode_ops
  DEFAULT FOR TYPE vbp.drugcode USING hash AS
    OPERATOR 1 vbp.=,
    FUNCTION 1 vbp.drugcode_hash(vbp.drugcode),
    FUNCTION 2 vbp.drugcode_hash_extended(vbp.drugcode, bigint);
COMMENT ON OPERATOR CLASS vbp.drugcode_ops USING hash IS
  'Default hash operator class for drugcode (医保药品代码): hash joins, hash aggregation, hash partitioning, Citus distribution';
COMMENT ON OPERATOR FAMILY vbp.drugcode_ops USING hash IS
  'Hash operator family for drugcode (医保药品代码)';

CREATE CAST (text AS vbp.drugcode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS vbp.drugcode) IS
  'Parses text as a drugcode (医保药品代码), validating it; assignment cast so text columns load directly';
CREATE CAST (character varying AS vbp.drugcode) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (character varying AS vbp.drugcode) IS
  'Parses varchar as a drugcode (医保药品代码), validating it';
CREATE CAST (vbp.drugcode AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (vbp.drugcode AS text) IS
  'Canonical text form of a drugcode (医保药品代码)';

CREATE FUNCTION vbp.category(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_category'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.category(vbp.drugcode) IS
  'Category (类别) of a drug code: X western medicine, Z Chinese patent medicine';

CREATE FUNCTION vbp.drug_class(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_class'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.drug_class(vbp.drugcode) IS
  'Class segment (分类, ATC-like, characters 2-6) of a drug code, e.g. A01AB';

CREATE FUNCTION vbp.generic_name_code(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_generic_name'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.generic_name_code(vbp.drugcode) IS
  'Generic-name code (通用名编码): X characters 7-10, Z characters 7-11';

CREATE FUNCTION vbp.dosage_form(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_dosage_form'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.dosage_form(vbp.drugcode) IS
  'Dosage-form code (剂型, X characters 11-14); NULL for Z codes and generic-level codes without one';

CREATE FUNCTION vbp.specification(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_specification'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.specification(vbp.drugcode) IS
  'Specification/packaging code (规格包装, 4 characters); NULL for generic-level codes';

CREATE FUNCTION vbp.company(vbp.drugcode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_company'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.company(vbp.drugcode) IS
  'Company code (企业, last 5 characters); NULL for generic-level codes';

CREATE FUNCTION vbp.generic_group(vbp.drugcode) RETURNS vbp.drugcode
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_generic_group'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.generic_group(vbp.drugcode) IS
  'Generic-group key (通用名分组) as a drug code: category + class + generic name (+ dosage form for X); same-generic comparisons group by it';

CREATE FUNCTION vbp.is_generic_level(vbp.drugcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_drugcode_is_generic_level'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.is_generic_level(vbp.drugcode) IS
  'True for a generic-level code (通用名级代码) without specification and company';


-- The array type is a member too, so that postgres_fdw ships expressions that use it
-- (an org_code IN (...) list, an array argument) to servers with OPTIONS (extensions 'vbp').
ALTER EXTENSION vbp ADD TYPE vbp.drugcode[];
COMMENT ON TYPE vbp.drugcode[] IS 'Array of vbp.drugcode (医保药品代码), a member of vbp so that postgres_fdw ships expressions using it';
