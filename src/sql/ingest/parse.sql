\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Soft parsers (容错解析) for loading hospital and bureau CSV exports.
-- PostgreSQL 15 has no pg_input_is_valid and a bad cast aborts the
-- statement, so each field kind the loader reads has a function that
-- returns the value, or NULL where a cast would raise; vbp.parse_error
-- says why a value is bad.  Blanks around a value (ASCII white space,
-- U+00A0, the ideographic space U+3000) are trimmed.
-- =====================================================================

CREATE FUNCTION vbp.parse_int(text) RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgvbp_parse_int'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_int(text) IS
  'Soft parse (容错解析) of an integer from an export: a sign, digits, thousands separators in groups of three, a fraction of zeros (12.00); NULL when not an integer, in scientific notation or out of the bigint range (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_numeric(text) RETURNS numeric
  AS 'MODULE_PATHNAME', 'pgvbp_parse_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_numeric(text) IS
  'Soft parse (容错解析) of a decimal number from an export: a sign, ¥, ￥, RMB or CNY before it, 元 after it, thousands separators in groups of three; NULL when not a number, in scientific notation or over 1000 digits (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_money(text) RETURNS vbp.cny
  AS 'MODULE_PATHNAME', 'pgvbp_parse_money'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_money(text) IS
  'Soft parse (容错解析) of an amount (金额) in yuan from an export, in the forms of vbp.parse_numeric; more than two decimals round half away from zero (四舍五入) as cny input does; NULL when not an amount or out of the cny range (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_date(text) RETURNS date
  AS 'MODULE_PATHNAME', 'pgvbp_parse_date'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_date(text) IS
  'Soft parse (容错解析) of a date (日期) from an export: YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日, a time of day after it ignored; NULL when not such a date, not an existing date, a spreadsheet serial number, or outside 1990 to 2199 (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_orgcode(text) RETURNS vbp.orgcode
  AS 'MODULE_PATHNAME', 'pgvbp_parse_orgcode'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_orgcode(text) IS
  'Soft parse (容错解析) of an institution code (定点医药机构编码) from an export: blanks trimmed, then what orgcode input accepts; NULL when not one (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_drugcode(text) RETURNS vbp.drugcode
  AS 'MODULE_PATHNAME', 'pgvbp_parse_drugcode'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_drugcode(text) IS
  'Soft parse (容错解析) of a drug code (医保药品代码) from an export: blanks trimmed, then what drugcode input accepts; NULL when not one (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_tracecode(text) RETURNS vbp.tracecode
  AS 'MODULE_PATHNAME', 'pgvbp_parse_tracecode'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_tracecode(text) IS
  'Soft parse (容错解析) of a traceability code (药品追溯码) from an export: blanks trimmed, then what tracecode input accepts; NULL when not one (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_uscc(text) RETURNS vbp.uscc
  AS 'MODULE_PATHNAME', 'pgvbp_parse_uscc'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_uscc(text) IS
  'Soft parse (容错解析) of a unified social credit code (统一社会信用代码) from an export: blanks trimmed, then what uscc input accepts; NULL when not one (vbp.parse_error says why)';

CREATE FUNCTION vbp.parse_error(kind text, value text) RETURNS text
  AS 'MODULE_PATHNAME', 'pgvbp_parse_error'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.parse_error(text, text) IS
  'Why a value from an export is bad (解析错误原因), as one sentence; NULL when vbp.parse_<kind> accepts it; kind is int, numeric, money, date, orgcode, drugcode, tracecode or uscc (22023 otherwise)';
