\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Procurement metrics (doc/domain.md §4, §7): exact order statistics for report
-- credibility (robust z) and benchmarking (deciles), parallel-safe
-- =====================================================================

CREATE TYPE vbp.median_mad AS (median double precision, mad double precision, n bigint, meanad double precision);
COMMENT ON TYPE vbp.median_mad IS
  'Median, median absolute deviation (中位数绝对偏差), count, and mean absolute deviation around the median (平均绝对偏差, the fallback spread when the MAD is 0) of a set of values';

CREATE FUNCTION vbp.float8_collect(double precision[], double precision) RETURNS double precision[]
  AS 'MODULE_PATHNAME', 'pgvbp_float8_collect' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.float8_collect(double precision[], double precision) IS
  'Transition function of deciles and median_mad: collects the values (NULLs skipped) in a float8[] kept expanded in the aggregate''s memory and appended to in place; called on an array, returns the array with the value appended';
CREATE FUNCTION vbp.float8_combine(double precision[], double precision[]) RETURNS double precision[]
  AS 'MODULE_PATHNAME', 'pgvbp_float8_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.float8_combine(double precision[], double precision[]) IS
  'Combine function of deciles and median_mad: merges partial states of parallel workers, partitions or Citus workers (the state is an ordinary float8[], shipped as it is); called on arrays, returns the first with the second''s values appended (NULLs dropped, flattened to one dimension)';
CREATE FUNCTION vbp.deciles_final(double precision[]) RETURNS double precision[]
  AS 'MODULE_PATHNAME', 'pgvbp_deciles_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.deciles_final(double precision[]) IS
  'Final function of deciles: the 10th to 90th percentiles with percentile_cont semantics, selecting the order statistics they need (no full sort)';
CREATE FUNCTION vbp.price_deciles_final(double precision[]) RETURNS numeric[]
  AS 'MODULE_PATHNAME', 'pgvbp_price_deciles_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.price_deciles_final(double precision[]) IS
  'Final function of price_deciles: the deciles of deciles_final, each cast to numeric and rounded to 6 decimal places';
CREATE FUNCTION vbp.median_mad_final(double precision[]) RETURNS vbp.median_mad
  AS 'MODULE_PATHNAME', 'pgvbp_median_mad_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.median_mad_final(double precision[]) IS
  'Final function of median_mad: median, median absolute deviation and count';

CREATE AGGREGATE vbp.deciles(double precision) (
  SFUNC = vbp.float8_collect, STYPE = double precision[], FINALFUNC = vbp.deciles_final,
  COMBINEFUNC = vbp.float8_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.deciles(double precision) IS
  'Exact deciles (十分位数) of the values: float8[9] of the 10th..90th percentiles, equal to percentile_cont(ARRAY[0.1, ..., 0.9]) WITHIN GROUP (ORDER BY x); parallel-safe with a combine function over a float8[] state, so parallel query and Citus workers compute partial states';
CREATE AGGREGATE vbp.price_deciles(double precision) (
  SFUNC = vbp.float8_collect, STYPE = double precision[], FINALFUNC = vbp.price_deciles_final,
  COMBINEFUNC = vbp.float8_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.price_deciles(double precision) IS
  'Deciles of unit prices (单价十分位数): numeric[9], each element round(d::numeric, 6) of the same element d of vbp.deciles, the yuan-per-unit precision of the price reports; converted once per group, so a window over many rows reads the rounded prices without converting per row';
CREATE AGGREGATE vbp.median_mad(double precision) (
  SFUNC = vbp.float8_collect, STYPE = double precision[], FINALFUNC = vbp.median_mad_final,
  COMBINEFUNC = vbp.float8_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.median_mad(double precision) IS
  'Exact median and median absolute deviation (中位数, MAD) of the values, for robust z-scores; parallel-safe with a combine function over a float8[] state, so parallel query and Citus workers compute partial states';

CREATE FUNCTION vbp.robust_z(x double precision, median double precision, mad double precision, c double precision)
  RETURNS double precision
  AS 'MODULE_PATHNAME', 'pgvbp_robust_z' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.robust_z(double precision, double precision, double precision, double precision) IS
  'Modified z-score (稳健Z值, Iglewicz and Hoaglin 1993): c x (x - median) / mad; NULL when mad is 0';
CREATE FUNCTION vbp.robust_z(x double precision, median double precision, mad double precision)
  RETURNS double precision
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT vbp.robust_z(x, median, mad,
    vbp.param(vbp.report_rule_set(), 'robust_z_constant')::double precision);
END;
COMMENT ON FUNCTION vbp.robust_z(double precision, double precision, double precision) IS
  'Modified z-score (稳健Z值) with the constant of parameter robust_z_constant (0.6745) of the rule set vbp.report_rule_set()';

CREATE FUNCTION vbp.count_below(sorted numeric[], x numeric)
  RETURNS bigint
  AS 'MODULE_PATHNAME', 'pgvbp_count_below' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.count_below(numeric[], numeric) IS
  'Number of elements of a numeric array sorted ascending that are less than x (名次), by binary search: the numerator of percent_rank() = count_below / (n - 1) against a group''s sorted values; an unsorted array (22023) or one with NULLs (22004) is refused';
