-- vbp 0.1.0 -> 0.2.0: the identifier types drugcode, tracecode, orgcode, uscc
-- and exact money cny.  Released: never edit; ship fixes as a new upgrade script.

\echo Use "ALTER EXTENSION vbp UPDATE TO '0.2.0'" to load this file. \quit


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


-- vbp.tracecode: drug traceability code (药品追溯码), 20 digits in 12 bytes.

CREATE TYPE vbp.tracecode;

CREATE FUNCTION vbp.tracecode_in(cstring) RETURNS vbp.tracecode
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_in(cstring) IS
  'Text input of tracecode (药品追溯码): 20 digits, or 7 + 13 digits separated by one space or hyphen';

CREATE FUNCTION vbp.tracecode_out(vbp.tracecode) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_out(vbp.tracecode) IS
  'Text output of tracecode (药品追溯码): 20 digits';

CREATE FUNCTION vbp.tracecode_recv(internal) RETURNS vbp.tracecode
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_recv(internal) IS
  'Binary input of tracecode (药品追溯码): the 20 digits as text, validated again';

CREATE FUNCTION vbp.tracecode_send(vbp.tracecode) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.tracecode_send(vbp.tracecode) IS
  'Binary output of tracecode (药品追溯码): the 20 digits as text';

CREATE TYPE vbp.tracecode (
  INPUT = vbp.tracecode_in, OUTPUT = vbp.tracecode_out,
  RECEIVE = vbp.tracecode_recv, SEND = vbp.tracecode_send,
  INTERNALLENGTH = 12, ALIGNMENT = int4, STORAGE = plain
);

COMMENT ON TYPE vbp.tracecode IS
  'Drug traceability code (药品追溯码): 20 digits = 7-digit drug identification code + 13-digit serial; 12 bytes';

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
  'Drug identification code (药品标识码): the first 7 digits, per product and packaging level';

CREATE FUNCTION vbp.serial(vbp.tracecode) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_serial'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.serial(vbp.tracecode) IS
  'Serial part (序列号) of a traceability code: the last 13 digits';


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


-- vbp.cny: an exact RMB amount (人民币金额) in fen, pass-by-value int64.
-- Rounding is half away from zero (四舍五入) to the fen everywhere.

CREATE TYPE vbp.cny;

CREATE FUNCTION vbp.cny_in(cstring) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_in(cstring) IS
  'Text input of cny (人民币金额): yuan such as 1234.56, ¥1,234.56 or -0.5; more than two decimals round half away from zero';

CREATE FUNCTION vbp.cny_out(vbp.cny) RETURNS cstring
  AS 'MODULE_PATHNAME', 'pgvbp_cny_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_out(vbp.cny) IS
  'Text output of cny (人民币金额): yuan with two decimals, e.g. -1234.50';

CREATE FUNCTION vbp.cny_recv(internal) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_recv(internal) IS
  'Binary input of cny (人民币金额): an int64 count of fen';

CREATE FUNCTION vbp.cny_send(vbp.cny) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_cny_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_send(vbp.cny) IS
  'Binary output of cny (人民币金额): an int64 count of fen';

CREATE TYPE vbp.cny (
  INPUT = vbp.cny_in, OUTPUT = vbp.cny_out,
  RECEIVE = vbp.cny_recv, SEND = vbp.cny_send,
  INTERNALLENGTH = 8, ALIGNMENT = double, STORAGE = plain, PASSEDBYVALUE
);

COMMENT ON TYPE vbp.cny IS
  'Exact RMB amount (人民币金额) in fen (分), 8 bytes by value; arithmetic rounds half away from zero (四舍五入); sums are exact';

-- comparison, hashing and sorting of cny

CREATE FUNCTION vbp.cny_eq(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8eq'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_eq(vbp.cny, vbp.cny) IS
  'Equal to for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_ne(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8ne'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_ne(vbp.cny, vbp.cny) IS
  'Not equal to for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_lt(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8lt'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_lt(vbp.cny, vbp.cny) IS
  'Less than for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_le(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8le'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_le(vbp.cny, vbp.cny) IS
  'Less than or equal to for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_gt(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8gt'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_gt(vbp.cny, vbp.cny) IS
  'Greater than for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_ge(vbp.cny, vbp.cny) RETURNS boolean
  AS 'int8ge'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_ge(vbp.cny, vbp.cny) IS
  'Greater than or equal to for cny (人民币金额); order is the order of the text form';

CREATE FUNCTION vbp.cny_cmp(vbp.cny, vbp.cny) RETURNS integer
  AS 'btint8cmp'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION vbp.cny_cmp(vbp.cny, vbp.cny) IS
  'B-tree comparison for cny (人民币金额): -1, 0 or 1';

CREATE FUNCTION vbp.cny_sortsupport(internal) RETURNS void
  AS 'btint8sortsupport'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sortsupport(internal) IS
  'B-tree sort support for cny (人民币金额)';

CREATE FUNCTION vbp.cny_hash(vbp.cny) RETURNS integer
  AS 'hashint8'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_hash(vbp.cny) IS
  'Hash of a cny (人民币金额) for hash indexes, joins and partitioning';

CREATE FUNCTION vbp.cny_hash_extended(vbp.cny, bigint) RETURNS bigint
  AS 'hashint8extended'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_hash_extended(vbp.cny, bigint) IS
  'Seeded 64-bit hash of a cny (人民币金额) for hash partitioning';

CREATE OPERATOR vbp.= (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_eq,
  COMMUTATOR = OPERATOR(vbp.=), NEGATOR = OPERATOR(vbp.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel,
  MERGES, HASHES
);
COMMENT ON OPERATOR vbp.= (vbp.cny, vbp.cny) IS
  'Equal to (人民币金额)';

CREATE OPERATOR vbp.<> (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_ne,
  COMMUTATOR = OPERATOR(vbp.<>), NEGATOR = OPERATOR(vbp.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR vbp.<> (vbp.cny, vbp.cny) IS
  'Not equal to (人民币金额)';

CREATE OPERATOR vbp.< (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_lt,
  COMMUTATOR = OPERATOR(vbp.>), NEGATOR = OPERATOR(vbp.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR vbp.< (vbp.cny, vbp.cny) IS
  'Less than (人民币金额)';

CREATE OPERATOR vbp.<= (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_le,
  COMMUTATOR = OPERATOR(vbp.>=), NEGATOR = OPERATOR(vbp.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR vbp.<= (vbp.cny, vbp.cny) IS
  'Less than or equal to (人民币金额)';

CREATE OPERATOR vbp.> (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_gt,
  COMMUTATOR = OPERATOR(vbp.<), NEGATOR = OPERATOR(vbp.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR vbp.> (vbp.cny, vbp.cny) IS
  'Greater than (人民币金额)';

CREATE OPERATOR vbp.>= (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_ge,
  COMMUTATOR = OPERATOR(vbp.<=), NEGATOR = OPERATOR(vbp.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR vbp.>= (vbp.cny, vbp.cny) IS
  'Greater than or equal to (人民币金额)';

CREATE OPERATOR CLASS vbp.cny_ops
  DEFAULT FOR TYPE vbp.cny USING btree AS
    OPERATOR 1 vbp.<,
    OPERATOR 2 vbp.<=,
    OPERATOR 3 vbp.=,
    OPERATOR 4 vbp.>=,
    OPERATOR 5 vbp.>,
    FUNCTION 1 vbp.cny_cmp(vbp.cny, vbp.cny),
    FUNCTION 2 vbp.cny_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS vbp.cny_ops USING btree IS
  'Default B-tree operator class for cny (人民币金额): primary keys, unique constraints, sorting; deduplication on';
COMMENT ON OPERATOR FAMILY vbp.cny_ops USING btree IS
  'B-tree operator family for cny (人民币金额)';
CREATE OPERATOR CLASS vbp.cny_ops
  DEFAULT FOR TYPE vbp.cny USING hash AS
    OPERATOR 1 vbp.=,
    FUNCTION 1 vbp.cny_hash(vbp.cny),
    FUNCTION 2 vbp.cny_hash_extended(vbp.cny, bigint);
COMMENT ON OPERATOR CLASS vbp.cny_ops USING hash IS
  'Default hash operator class for cny (人民币金额): hash joins, hash aggregation, hash partitioning, Citus distribution';
COMMENT ON OPERATOR FAMILY vbp.cny_ops USING hash IS
  'Hash operator family for cny (人民币金额)';

CREATE CAST (text AS vbp.cny) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS vbp.cny) IS
  'Parses text as a cny (人民币金额), validating it; assignment cast so text columns load directly';
CREATE CAST (character varying AS vbp.cny) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (character varying AS vbp.cny) IS
  'Parses varchar as a cny (人民币金额), validating it';
CREATE CAST (vbp.cny AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (vbp.cny AS text) IS
  'Canonical text form of a cny (人民币金额)';

-- arithmetic

CREATE FUNCTION vbp.cny_pl(vbp.cny, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_pl'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_pl(vbp.cny, vbp.cny) IS
  'Sum of two amounts (加); 22003 on overflow';

CREATE FUNCTION vbp.cny_mi(vbp.cny, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_mi'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_mi(vbp.cny, vbp.cny) IS
  'Difference of two amounts (减); 22003 on overflow';

CREATE FUNCTION vbp.cny_um(vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_um'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_um(vbp.cny) IS
  'Negated amount (负)';

CREATE FUNCTION vbp.abs(vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_abs'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.abs(vbp.cny) IS
  'Absolute value of an amount (绝对值)';

CREATE FUNCTION vbp.cny_mul_int8(vbp.cny, bigint) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_mul_int8'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_mul_int8(vbp.cny, bigint) IS
  'Amount times a whole number (乘), exact; 22003 on overflow';

CREATE FUNCTION vbp.int8_mul_cny(bigint, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_int8_mul_cny'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.int8_mul_cny(bigint, vbp.cny) IS
  'Whole number times an amount (乘), exact; 22003 on overflow';

CREATE FUNCTION vbp.cny_mul_int4(vbp.cny, integer) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_mul_int4'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_mul_int4(vbp.cny, integer) IS
  'Amount times a whole number (乘), exact; 22003 on overflow';

CREATE FUNCTION vbp.int4_mul_cny(integer, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_int4_mul_cny'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.int4_mul_cny(integer, vbp.cny) IS
  'Whole number times an amount (乘), exact; 22003 on overflow';

CREATE FUNCTION vbp.cny_mul_numeric(vbp.cny, numeric) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_mul_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_mul_numeric(vbp.cny, numeric) IS
  'Amount times a decimal (乘): exact product rounded half away from zero to the fen';

CREATE FUNCTION vbp.numeric_mul_cny(numeric, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_numeric_mul_cny'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.numeric_mul_cny(numeric, vbp.cny) IS
  'Decimal times an amount (乘): exact product rounded half away from zero to the fen';

CREATE FUNCTION vbp.cny_mul_float8(vbp.cny, double precision) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_mul_float8'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_mul_float8(vbp.cny, double precision) IS
  'Amount times a float (乘): the float is taken as its 15-significant-digit decimal, then as for numeric';

CREATE FUNCTION vbp.float8_mul_cny(double precision, vbp.cny) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_float8_mul_cny'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.float8_mul_cny(double precision, vbp.cny) IS
  'Float times an amount (乘): the float is taken as its 15-significant-digit decimal, then as for numeric';

CREATE FUNCTION vbp.cny_div_int8(vbp.cny, bigint) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_div_int8'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_div_int8(vbp.cny, bigint) IS
  'Amount divided by a whole number (除), rounded half away from zero to the fen; 22012 on zero';

CREATE FUNCTION vbp.cny_div_int4(vbp.cny, integer) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_div_int4'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_div_int4(vbp.cny, integer) IS
  'Amount divided by a whole number (除), rounded half away from zero to the fen; 22012 on zero';

CREATE FUNCTION vbp.cny_div_numeric(vbp.cny, numeric) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_div_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_div_numeric(vbp.cny, numeric) IS
  'Amount divided by a decimal (除), rounded half away from zero to the fen from the exact quotient';

CREATE FUNCTION vbp.cny_div_float8(vbp.cny, double precision) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_div_float8'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_div_float8(vbp.cny, double precision) IS
  'Amount divided by a float (除): the float is taken as its 15-significant-digit decimal, then as for numeric';

CREATE FUNCTION vbp.cny_div_cny(vbp.cny, vbp.cny) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_cny_div_cny'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_div_cny(vbp.cny, vbp.cny) IS
  'Ratio of two amounts (比率) as numeric, e.g. spend / budget';

CREATE FUNCTION vbp.cny_from_numeric(numeric) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_from_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_from_numeric(numeric) IS
  'Amount from a numeric number of yuan (元), rounded half away from zero to the fen';

CREATE FUNCTION vbp.cny_to_numeric(vbp.cny) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_cny_to_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_to_numeric(vbp.cny) IS
  'Amount as a numeric number of yuan (元) with two decimals, exact';

CREATE FUNCTION vbp.cny_from_fen(integer) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_from_int4'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_from_fen(integer) IS
  'Amount from an integer number of fen (分)';

CREATE FUNCTION vbp.fen(vbp.cny) RETURNS bigint
  AS 'int8up'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.fen(vbp.cny) IS
  'The amount as a whole number of fen (分)';

CREATE OPERATOR vbp.+ (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_pl,
  COMMUTATOR = OPERATOR(vbp.+)
);
COMMENT ON OPERATOR vbp.+ (vbp.cny, vbp.cny) IS
  'Sum of two amounts (加)';

CREATE OPERATOR vbp.- (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_mi
);
COMMENT ON OPERATOR vbp.- (vbp.cny, vbp.cny) IS
  'Difference of two amounts (减)';

CREATE OPERATOR vbp.* (
  LEFTARG = vbp.cny, RIGHTARG = bigint, FUNCTION = vbp.cny_mul_int8,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (vbp.cny, bigint) IS
  'Amount times a whole number (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = bigint, RIGHTARG = vbp.cny, FUNCTION = vbp.int8_mul_cny,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (bigint, vbp.cny) IS
  'Whole number times an amount (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = vbp.cny, RIGHTARG = integer, FUNCTION = vbp.cny_mul_int4,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (vbp.cny, integer) IS
  'Amount times a whole number (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = integer, RIGHTARG = vbp.cny, FUNCTION = vbp.int4_mul_cny,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (integer, vbp.cny) IS
  'Whole number times an amount (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = vbp.cny, RIGHTARG = numeric, FUNCTION = vbp.cny_mul_numeric,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (vbp.cny, numeric) IS
  'Amount times a decimal, rounded half away from zero (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = numeric, RIGHTARG = vbp.cny, FUNCTION = vbp.numeric_mul_cny,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (numeric, vbp.cny) IS
  'Decimal times an amount, rounded half away from zero (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = vbp.cny, RIGHTARG = double precision, FUNCTION = vbp.cny_mul_float8,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (vbp.cny, double precision) IS
  'Amount times a float, rounded half away from zero (乘)';

CREATE OPERATOR vbp.* (
  LEFTARG = double precision, RIGHTARG = vbp.cny, FUNCTION = vbp.float8_mul_cny,
  COMMUTATOR = OPERATOR(vbp.*)
);
COMMENT ON OPERATOR vbp.* (double precision, vbp.cny) IS
  'Float times an amount, rounded half away from zero (乘)';

CREATE OPERATOR vbp./ (
  LEFTARG = vbp.cny, RIGHTARG = bigint, FUNCTION = vbp.cny_div_int8
);
COMMENT ON OPERATOR vbp./ (vbp.cny, bigint) IS
  'Amount divided by a whole number, rounded half away from zero (除)';

CREATE OPERATOR vbp./ (
  LEFTARG = vbp.cny, RIGHTARG = integer, FUNCTION = vbp.cny_div_int4
);
COMMENT ON OPERATOR vbp./ (vbp.cny, integer) IS
  'Amount divided by a whole number, rounded half away from zero (除)';

CREATE OPERATOR vbp./ (
  LEFTARG = vbp.cny, RIGHTARG = numeric, FUNCTION = vbp.cny_div_numeric
);
COMMENT ON OPERATOR vbp./ (vbp.cny, numeric) IS
  'Amount divided by a decimal, rounded half away from zero (除)';

CREATE OPERATOR vbp./ (
  LEFTARG = vbp.cny, RIGHTARG = double precision, FUNCTION = vbp.cny_div_float8
);
COMMENT ON OPERATOR vbp./ (vbp.cny, double precision) IS
  'Amount divided by a float, rounded half away from zero (除)';

CREATE OPERATOR vbp./ (
  LEFTARG = vbp.cny, RIGHTARG = vbp.cny, FUNCTION = vbp.cny_div_cny
);
COMMENT ON OPERATOR vbp./ (vbp.cny, vbp.cny) IS
  'Ratio of two amounts as numeric (比率)';

CREATE OPERATOR vbp.- (
  RIGHTARG = vbp.cny, FUNCTION = vbp.cny_um
);
COMMENT ON OPERATOR vbp.- (NONE, vbp.cny) IS
  'Negated amount (负)';

-- casts: numeric is yuan, integers are fen
CREATE CAST (numeric AS vbp.cny) WITH FUNCTION vbp.cny_from_numeric(numeric) AS ASSIGNMENT;
COMMENT ON CAST (numeric AS vbp.cny) IS
  'Numeric yuan (元) to an amount, rounded half away from zero to the fen';
CREATE CAST (vbp.cny AS numeric) WITH FUNCTION vbp.cny_to_numeric(vbp.cny) AS ASSIGNMENT;
COMMENT ON CAST (vbp.cny AS numeric) IS
  'Amount to numeric yuan (元) with two decimals, exact';
CREATE CAST (bigint AS vbp.cny) WITHOUT FUNCTION;
COMMENT ON CAST (bigint AS vbp.cny) IS
  'A whole number of fen (分) as an amount (explicit: 100::bigint::vbp.cny is 1.00)';
CREATE CAST (vbp.cny AS bigint) WITHOUT FUNCTION;
COMMENT ON CAST (vbp.cny AS bigint) IS
  'An amount as a whole number of fen (分) (explicit)';
CREATE CAST (integer AS vbp.cny) WITH FUNCTION vbp.cny_from_fen(integer);
COMMENT ON CAST (integer AS vbp.cny) IS
  'A whole number of fen (分) as an amount (explicit)';

-- aggregates: exact 128-bit sums, parallel and partial-aggregation ready
CREATE FUNCTION vbp.cny_sum_accum(internal, vbp.cny) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_accum'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_accum(internal, vbp.cny) IS
  'Transition function of sum(cny)/avg(cny) (合计): adds an amount to a 128-bit total and a count';
CREATE FUNCTION vbp.cny_sum_accum_inv(internal, vbp.cny) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_accum_inv'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_accum_inv(internal, vbp.cny) IS
  'Inverse transition of sum(cny)/avg(cny) for moving window frames: removes an amount';
CREATE FUNCTION vbp.cny_sum_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_combine'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_combine(internal, internal) IS
  'Combine function of sum(cny)/avg(cny): merges partial states of parallel workers or partitions';
CREATE FUNCTION vbp.cny_sum_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_serialize'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_serialize(internal) IS
  'Serial function of sum(cny)/avg(cny): the state as 24 bytes (128-bit total, 64-bit count, big-endian)';
CREATE FUNCTION vbp.cny_sum_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_deserialize'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_deserialize(bytea, internal) IS
  'Deserial function of sum(cny)/avg(cny): rebuilds a state from its 24 bytes';
CREATE FUNCTION vbp.cny_sum_final(internal) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_sum_final'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_sum_final(internal) IS
  'Final function of sum(cny): the exact total; 22003 if it exceeds the cny range';
CREATE FUNCTION vbp.cny_avg_final(internal) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_avg_final'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_avg_final(internal) IS
  'Final function of avg(cny): exact total / count, rounded half away from zero to the fen';
CREATE FUNCTION vbp.cny_smaller(vbp.cny, vbp.cny) RETURNS vbp.cny
  AS 'int8smaller'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_smaller(vbp.cny, vbp.cny) IS
  'The smaller of two amounts (较小值)';
CREATE FUNCTION vbp.cny_larger(vbp.cny, vbp.cny) RETURNS vbp.cny
  AS 'int8larger'
  LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_larger(vbp.cny, vbp.cny) IS
  'The larger of two amounts (较大值)';

CREATE AGGREGATE vbp.sum(vbp.cny) (
  SFUNC = vbp.cny_sum_accum, STYPE = internal, SSPACE = 32,
  FINALFUNC = vbp.cny_sum_final,
  COMBINEFUNC = vbp.cny_sum_combine,
  SERIALFUNC = vbp.cny_sum_serialize, DESERIALFUNC = vbp.cny_sum_deserialize,
  MSFUNC = vbp.cny_sum_accum, MINVFUNC = vbp.cny_sum_accum_inv,
  MSTYPE = internal, MSSPACE = 32, MFINALFUNC = vbp.cny_sum_final,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.sum(vbp.cny) IS
  'Exact total of amounts (合计) with a 128-bit state; parallel, partial and moving-window aggregation';
CREATE AGGREGATE vbp.avg(vbp.cny) (
  SFUNC = vbp.cny_sum_accum, STYPE = internal, SSPACE = 32,
  FINALFUNC = vbp.cny_avg_final,
  COMBINEFUNC = vbp.cny_sum_combine,
  SERIALFUNC = vbp.cny_sum_serialize, DESERIALFUNC = vbp.cny_sum_deserialize,
  MSFUNC = vbp.cny_sum_accum, MINVFUNC = vbp.cny_sum_accum_inv,
  MSTYPE = internal, MSSPACE = 32, MFINALFUNC = vbp.cny_avg_final,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.avg(vbp.cny) IS
  'Mean amount (平均) from an exact 128-bit total, rounded half away from zero to the fen; parallel-safe';
CREATE AGGREGATE vbp.min(vbp.cny) (
  SFUNC = vbp.cny_smaller, STYPE = vbp.cny, COMBINEFUNC = vbp.cny_smaller,
  SORTOP = OPERATOR(vbp.<), PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.min(vbp.cny) IS
  'Smallest amount (最小值); parallel-safe, can use a B-tree index';
CREATE AGGREGATE vbp.max(vbp.cny) (
  SFUNC = vbp.cny_larger, STYPE = vbp.cny, COMBINEFUNC = vbp.cny_larger,
  SORTOP = OPERATOR(vbp.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.max(vbp.cny) IS
  'Largest amount (最大值); parallel-safe, can use a B-tree index';

