\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Purchase tally (DOMAIN.md §4, §5): one C aggregate for what fulfilment and
-- retention count over purchases, so the reports cost one pass, about what a
-- bare GROUP BY over the purchases costs (doc/benchmarks.md).
-- =====================================================================

CREATE TYPE vbp.purchase_totals AS (
  selected_units bigint, other_units bigint, selected_spend vbp.cny, other_spend vbp.cny,
  purchases bigint, payments_due bigint, paid_on_time bigint);
COMMENT ON TYPE vbp.purchase_totals IS
  'Result of vbp.purchase_tally (采购汇总): units and spend of selected and other products; purchases of products in the batch, their payments due and paid on time';

CREATE FUNCTION vbp.purchase_tally_accum(internal, bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_accum(internal, bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) IS
  'Transition function of purchase_tally: adds one purchase if cycle_start <= purchased_on <= least(cycle_end, as_of) (NULL units, amount, dates of purchase or cycle: skipped; NULL flags: false)';
CREATE FUNCTION vbp.purchase_tally_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_combine(internal, internal) IS
  'Combine function of purchase_tally: adds two partial tallies (parallel workers, partitions)';
CREATE FUNCTION vbp.purchase_tally_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_tally_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_serialize(internal) IS
  'Serial function of purchase_tally: seven 128-bit big-endian integers';
CREATE FUNCTION vbp.purchase_tally_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_tally_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_deserialize(bytea, internal) IS
  'Deserial function of purchase_tally: rebuilds a state, refusing a malformed one';
CREATE FUNCTION vbp.purchase_tally_final(internal) RETURNS vbp.purchase_totals
  AS 'MODULE_PATHNAME', 'pgvbp_tally_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.purchase_tally_final(internal) IS
  'Final function of purchase_tally: the totals, range-checked (22003); all zeros for no rows';
CREATE AGGREGATE vbp.purchase_tally(units bigint, amount vbp.cny, purchased_on date, accepted_on date, paid_on date,
                                    selected boolean, in_batch boolean, cycle_start date, cycle_end date,
                                    as_of date, payment_days int) (
  SFUNC = vbp.purchase_tally_accum, STYPE = internal, SSPACE = 112,
  FINALFUNC = vbp.purchase_tally_final,
  COMBINEFUNC = vbp.purchase_tally_combine,
  SERIALFUNC = vbp.purchase_tally_serialize, DESERIALFUNC = vbp.purchase_tally_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.purchase_tally(bigint, vbp.cny, date, date, date, boolean, boolean, date, date, date, int) IS
  'Purchase tally of an agreement cycle (采购汇总) in one pass: purchases with cycle_start <= purchased_on <= least(cycle_end, as_of); units and spend of selected and of other products; for products in the batch (in_batch) the purchases, payments due (accepted_on + payment_days <= as_of, or paid) and paid on time (paid_on <= accepted_on + payment_days); exact 128-bit sums; parallel-safe with combine, serial and deserial';

-- The agreement cycles (batch, group, start, end) are few: tell the planner,
-- so the purchase pass joins a small product map by hash (doc/benchmarks.md).
CREATE STATISTICS vbp.agreement_cycle (ndistinct) ON batch_id, group_code, cycle_start, cycle_end FROM vbp.agreement;
COMMENT ON STATISTICS vbp.agreement_cycle IS
  'Distinct agreement cycles (协议周期): lets the planner see that vbp.agreement_purchases maps purchases through a small table';
