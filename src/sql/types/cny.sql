\echo Use "CREATE EXTENSION vbp" to load this file. \quit

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

CREATE FUNCTION vbp.cny_from_fen(bigint) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_cny_from_int8'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cny_from_fen(bigint) IS
  'Amount from a bigint number of fen (分); -2^63 fen is out of range (22003), as the range is symmetric';

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
CREATE CAST (bigint AS vbp.cny) WITH FUNCTION vbp.cny_from_fen(bigint);
COMMENT ON CAST (bigint AS vbp.cny) IS
  'A whole number of fen (分) as an amount (explicit: 100::bigint::vbp.cny is 1.00; -2^63 is out of range, 22003)';
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


-- The array type is a member too, so that postgres_fdw ships expressions that use it
-- (an org_code IN (...) list, an array argument) to servers with OPTIONS (extensions 'vbp').
ALTER EXTENSION vbp ADD TYPE vbp.cny[];
COMMENT ON TYPE vbp.cny[] IS 'Array of vbp.cny (人民币金额), a member of vbp so that postgres_fdw ships expressions using it';
