\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- vbp.uscc: unified social credit code (统一社会信用代码, GB 32100-2015).
-- 12 bytes: base-31 number of the first 17 characters; the check is derived.

CREATE TYPE vbp.uscc;

CREATE FUNCTION vbp.uscc_in(cstring) RETURNS vbp.uscc
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_in(cstring) IS
  'Text input of uscc (统一社会信用代码): 18 characters over 0-9 and A-Y without I O S V Z with a valid mod-31 check, or 17 followed by ? to compute the check';

CREATE FUNCTION vbp.uscc_out(vbp.uscc) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_out(vbp.uscc) IS
  'Text output of uscc (统一社会信用代码): 18 upper-case characters';

CREATE FUNCTION vbp.uscc_recv(internal) RETURNS vbp.uscc
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_recv(internal) IS
  'Binary input of uscc (统一社会信用代码): the 18 characters as text, validated again';

CREATE FUNCTION vbp.uscc_send(vbp.uscc) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_send(vbp.uscc) IS
  'Binary output of uscc (统一社会信用代码): the 18 characters as text';

CREATE TYPE vbp.uscc (
  INPUT = vbp.uscc_in, OUTPUT = vbp.uscc_out,
  RECEIVE = vbp.uscc_recv, SEND = vbp.uscc_send,
  INTERNALLENGTH = 12, ALIGNMENT = int4, STORAGE = plain
);

COMMENT ON TYPE vbp.uscc IS
  'Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with a mod-31 check character; 12 bytes';

-- comparison, hashing and sorting of uscc

CREATE FUNCTION vbp.uscc_eq(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_eq'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_eq(vbp.uscc, vbp.uscc) IS
  'Equal to for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_ne(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_ne'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_ne(vbp.uscc, vbp.uscc) IS
  'Not equal to for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_lt(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_lt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_lt(vbp.uscc, vbp.uscc) IS
  'Less than for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_le(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_le'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_le(vbp.uscc, vbp.uscc) IS
  'Less than or equal to for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_gt(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_gt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_gt(vbp.uscc, vbp.uscc) IS
  'Greater than for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_ge(vbp.uscc, vbp.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_ge'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_ge(vbp.uscc, vbp.uscc) IS
  'Greater than or equal to for uscc (统一社会信用代码); order is the order of the text form';

CREATE FUNCTION vbp.uscc_cmp(vbp.uscc, vbp.uscc) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_cmp'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.uscc_cmp(vbp.uscc, vbp.uscc) IS
  'B-tree comparison for uscc (统一社会信用代码): -1, 0 or 1';

CREATE FUNCTION vbp.uscc_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_sortsupport'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_sortsupport(internal) IS
  'B-tree sort support for uscc (统一社会信用代码)';

CREATE FUNCTION vbp.uscc_hash(vbp.uscc) RETURNS integer
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_hash'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_hash(vbp.uscc) IS
  'Hash of a uscc (统一社会信用代码) for hash indexes, joins and partitioning';

CREATE FUNCTION vbp.uscc_hash_extended(vbp.uscc, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_hash_extended'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_hash_extended(vbp.uscc, bigint) IS
  'Seeded 64-bit hash of a uscc (统一社会信用代码) for hash partitioning';

CREATE OPERATOR vbp.= (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_eq,
  COMMUTATOR = OPERATOR(vbp.=), NEGATOR = OPERATOR(vbp.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel,
  MERGES, HASHES
);
COMMENT ON OPERATOR vbp.= (vbp.uscc, vbp.uscc) IS
  'Equal to (统一社会信用代码)';

CREATE OPERATOR vbp.<> (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_ne,
  COMMUTATOR = OPERATOR(vbp.<>), NEGATOR = OPERATOR(vbp.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR vbp.<> (vbp.uscc, vbp.uscc) IS
  'Not equal to (统一社会信用代码)';

CREATE OPERATOR vbp.< (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_lt,
  COMMUTATOR = OPERATOR(vbp.>), NEGATOR = OPERATOR(vbp.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR vbp.< (vbp.uscc, vbp.uscc) IS
  'Less than (统一社会信用代码)';

CREATE OPERATOR vbp.<= (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_le,
  COMMUTATOR = OPERATOR(vbp.>=), NEGATOR = OPERATOR(vbp.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR vbp.<= (vbp.uscc, vbp.uscc) IS
  'Less than or equal to (统一社会信用代码)';

CREATE OPERATOR vbp.> (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_gt,
  COMMUTATOR = OPERATOR(vbp.<), NEGATOR = OPERATOR(vbp.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR vbp.> (vbp.uscc, vbp.uscc) IS
  'Greater than (统一社会信用代码)';

CREATE OPERATOR vbp.>= (
  LEFTARG = vbp.uscc, RIGHTARG = vbp.uscc, FUNCTION = vbp.uscc_ge,
  COMMUTATOR = OPERATOR(vbp.<=), NEGATOR = OPERATOR(vbp.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR vbp.>= (vbp.uscc, vbp.uscc) IS
  'Greater than or equal to (统一社会信用代码)';

CREATE OPERATOR CLASS vbp.uscc_ops
  DEFAULT FOR TYPE vbp.uscc USING btree AS
    OPERATOR 1 vbp.<,
    OPERATOR 2 vbp.<=,
    OPERATOR 3 vbp.=,
    OPERATOR 4 vbp.>=,
    OPERATOR 5 vbp.>,
    FUNCTION 1 vbp.uscc_cmp(vbp.uscc, vbp.uscc),
    FUNCTION 2 vbp.uscc_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS vbp.uscc_ops USING btree IS
  'Default B-tree operator class for uscc (统一社会信用代码): primary keys, unique constraints, sorting; deduplication on';
COMMENT ON OPERATOR FAMILY vbp.uscc_ops USING btree IS
  'B-tree operator family for uscc (统一社会信用代码)';
CREATE OPERATOR CLASS vbp.uscc_ops
  DEFAULT FOR TYPE vbp.uscc USING hash AS
    OPERATOR 1 vbp.=,
    FUNCTION 1 vbp.uscc_hash(vbp.uscc),
    FUNCTION 2 vbp.uscc_hash_extended(vbp.uscc, bigint);
COMMENT ON OPERATOR CLASS vbp.uscc_ops USING hash IS
  'Default hash operator class for uscc (统一社会信用代码): hash joins, hash aggregation, hash partitioning, Citus distribution';
COMMENT ON OPERATOR FAMILY vbp.uscc_ops USING hash IS
  'Hash operator family for uscc (统一社会信用代码)';

CREATE CAST (text AS vbp.uscc) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS vbp.uscc) IS
  'Parses text as a uscc (统一社会信用代码), validating it; assignment cast so text columns load directly';
CREATE CAST (character varying AS vbp.uscc) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (character varying AS vbp.uscc) IS
  'Parses varchar as a uscc (统一社会信用代码), validating it';
CREATE CAST (vbp.uscc AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (vbp.uscc AS text) IS
  'Canonical text form of a uscc (统一社会信用代码)';

CREATE FUNCTION vbp.registering_authority(vbp.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_authority'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.registering_authority(vbp.uscc) IS
  'Registering authority (登记管理部门代码), character 1: 1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 ...';

CREATE FUNCTION vbp.organisation_type(vbp.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_org_type'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.organisation_type(vbp.uscc) IS
  'Organisation type (机构类别代码), character 2, e.g. 1 企业 under authority 9';

CREATE FUNCTION vbp.division(vbp.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_division'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.division(vbp.uscc) IS
  'Administrative division of registration (登记管理机关行政区划码), characters 3-8';

CREATE FUNCTION vbp.entity_code(vbp.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_entity'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.entity_code(vbp.uscc) IS
  'Entity identification code (主体标识码/组织机构代码), characters 9-17';

CREATE FUNCTION vbp.uscc_check_char(text) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_uscc_check_char_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.uscc_check_char(text) IS
  'Check character (校验码) of a unified social credit code, computed from its first 17 characters: 31 - (sum v_i * 3^i mod 31) mod 31';


-- The array type is a member too, so that postgres_fdw ships expressions that use it
-- (an org_code IN (...) list, an array argument) to servers with OPTIONS (extensions 'vbp').
ALTER EXTENSION vbp ADD TYPE vbp.uscc[];
COMMENT ON TYPE vbp.uscc[] IS 'Array of vbp.uscc (统一社会信用代码), a member of vbp so that postgres_fdw ships expressions using it';
