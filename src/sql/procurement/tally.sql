\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Purchase tally (doc/domain.md §4, §5): one C aggregate for what fulfilment and
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
  'Purchase tally of an agreement cycle (采购汇总) in one pass: purchases with cycle_start <= purchased_on <= least(cycle_end, as_of); units and spend of selected and of other products; for products in the batch (in_batch) the purchases, payments due (accepted_on + payment_days < as_of, or paid) and paid on time (paid_on <= accepted_on + payment_days); exact 128-bit sums; parallel-safe with combine, serial and deserial';

COMMENT ON STATISTICS vbp.agreement_cycle IS
  'Distinct agreement cycles (协议周期): lets the planner see that vbp.agreement_purchases maps purchases through a small table';

-- ---------------------------------------------------------------------
-- Cycle tally: every agreement cycle of one institution in one pass,
-- the product -> cycle map held inside the aggregate instead of a join per
-- purchase, so the fulfilment report costs about a bare GROUP BY.
-- ---------------------------------------------------------------------

CREATE TYPE vbp.product_cycle AS (
  product_code vbp.drugcode, cycle_id int, cycle_start date, cycle_end date, selected boolean, in_batch boolean);
ALTER EXTENSION vbp ADD TYPE vbp.product_cycle[];
COMMENT ON TYPE vbp.product_cycle[] IS 'Array of vbp.product_cycle (产品-周期映射), a member of vbp so that postgres_fdw ships expressions using it';
COMMENT ON TYPE vbp.product_cycle IS
  'One entry of the product -> agreement cycle map (产品-协议周期) given to vbp.cycle_tally: the product belongs to the cycle''s generic group; selected: it won in the batch; in_batch: it bid in the batch';

CREATE TYPE vbp.cycle_totals AS (
  cycle_id int, selected_units bigint, other_units bigint, selected_spend vbp.cny, other_spend vbp.cny,
  purchases bigint, payments_due bigint, paid_on_time bigint);
ALTER EXTENSION vbp ADD TYPE vbp.cycle_totals[];
COMMENT ON TYPE vbp.cycle_totals[] IS 'Array of vbp.cycle_totals (周期汇总), a member of vbp so that postgres_fdw ships expressions using it';
COMMENT ON TYPE vbp.cycle_totals IS
  'One element of vbp.cycle_tally''s result (周期采购汇总): the cycle id of the map and the purchase totals of vbp.purchase_totals for that cycle';

CREATE FUNCTION vbp.cycle_tally_accum(internal, vbp.drugcode, bigint, vbp.cny, date, date, date, vbp.product_cycle[], date, int)
  RETURNS internal AS 'MODULE_PATHNAME', 'pgvbp_cycle_tally_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cycle_tally_accum(internal, vbp.drugcode, bigint, vbp.cny, date, date, date, vbp.product_cycle[], date, int) IS
  'Transition function of cycle_tally: adds one purchase to the tally of every cycle the map gives its product, by the rule of purchase_tally (NULL product, units, amount, purchase date, map or as_of: skipped; a product not in the map: skipped)';
CREATE FUNCTION vbp.cycle_tally_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cycle_tally_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cycle_tally_combine(internal, internal) IS
  'Combine function of cycle_tally: adds two partial states cycle by cycle (parallel workers, partitions)';
CREATE FUNCTION vbp.cycle_tally_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'pgvbp_cycle_tally_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cycle_tally_serialize(internal) IS
  'Serial function of cycle_tally: the number of cycles, then per cycle its id and seven 128-bit big-endian integers';
CREATE FUNCTION vbp.cycle_tally_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'pgvbp_cycle_tally_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cycle_tally_deserialize(bytea, internal) IS
  'Deserial function of cycle_tally: rebuilds a state, refusing a malformed one (wrong size, a cycle twice)';
CREATE FUNCTION vbp.cycle_tally_final(internal, vbp.drugcode, bigint, vbp.cny, date, date, date, vbp.product_cycle[], date, int)
  RETURNS vbp.cycle_totals[] AS 'MODULE_PATHNAME', 'pgvbp_cycle_tally_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION vbp.cycle_tally_final(internal, vbp.drugcode, bigint, vbp.cny, date, date, date, vbp.product_cycle[], date, int) IS
  'Final function of cycle_tally: one vbp.cycle_totals per cycle touched, in cycle id order, range-checked (22003); NULL when no row counted';
CREATE AGGREGATE vbp.cycle_tally(product_code vbp.drugcode, units bigint, amount vbp.cny, purchased_on date,
                                 accepted_on date, paid_on date, map vbp.product_cycle[], as_of date, payment_days int) (
  SFUNC = vbp.cycle_tally_accum, STYPE = internal, SSPACE = 1024,
  FINALFUNC = vbp.cycle_tally_final, FINALFUNC_EXTRA,
  COMBINEFUNC = vbp.cycle_tally_combine,
  SERIALFUNC = vbp.cycle_tally_serialize, DESERIALFUNC = vbp.cycle_tally_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE vbp.cycle_tally(vbp.drugcode, bigint, vbp.cny, date, date, date, vbp.product_cycle[], date, int) IS
  'Purchase tallies of many agreement cycles at once (周期采购汇总), grouped by institution: each purchase is added, by the rule of purchase_tally, to every cycle the map (the same for every row: a constant, parameter or scalar subquery) gives its product; returns one vbp.cycle_totals per cycle touched; exact, parallel-safe with combine, serial and deserial';

-- The (institution, generic group) pairs a scoped report is asked for: the
-- scoped forms of the reports and vbp.refresh_agreement_reports read them.
CREATE FUNCTION vbp.scope_pairs(scope_orgs vbp.orgcode[], scope_groups vbp.drugcode[])
  RETURNS TABLE (org_code vbp.orgcode, group_code vbp.drugcode)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT k.o, k.g FROM unnest(scope_orgs, scope_groups) k(o, g);
END;
COMMENT ON FUNCTION vbp.scope_pairs(vbp.orgcode[], vbp.drugcode[]) IS
  'The (institution, generic group) pairs (机构-通用名对) of two arrays paired element by element (the first institution with the first group, and so on); none for NULL arrays.  What the scoped forms of the agreement reports are restricted to';

-- The purchases of some agreements: what the scoped form of a report reads
-- (vbp.refresh_agreement_reports recomputes a few agreements with it).
CREATE FUNCTION vbp.purchases_of(scope_orgs vbp.orgcode[], scope_groups vbp.drugcode[])
  RETURNS SETOF vbp.purchase
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT pu.*
  FROM (SELECT DISTINCT k.org_code, pr.product_code
        FROM vbp.scope_pairs(scope_orgs, scope_groups) k
        JOIN vbp.product pr ON pr.group_code OPERATOR(vbp.=) k.group_code) k
  JOIN vbp.purchase pu ON pu.org_code OPERATOR(vbp.=) k.org_code AND pu.product_code OPERATOR(vbp.=) k.product_code;
END;
COMMENT ON FUNCTION vbp.purchases_of(vbp.orgcode[], vbp.drugcode[]) IS
  'The purchases (采购明细) of the agreements of some (institution, generic group) pairs, the two arrays paired element by element: the institution''s purchases of every product of the group, read by the (org_code, product_code, purchased_on) index; none for NULL arrays.  What the scoped forms of the fulfilment and credibility reports read';

CREATE FUNCTION vbp.agreement_cycles()
  RETURNS TABLE (cycle_id int, batch_id int, group_code vbp.drugcode, cycle_start date, cycle_end date, in_batch boolean)
  LANGUAGE sql STABLE PARALLEL SAFE ROWS 500
BEGIN ATOMIC
  SELECT (row_number() OVER (ORDER BY d.batch_id, d.group_code, d.cycle_start, d.cycle_end))::int,
         d.batch_id, d.group_code, d.cycle_start, d.cycle_end,
         EXISTS (SELECT FROM vbp.selection s JOIN vbp.product pr ON pr.product_code = s.product_code
                 WHERE s.batch_id = d.batch_id AND pr.group_code = d.group_code)
  FROM (SELECT DISTINCT a.batch_id, a.group_code, a.cycle_start, a.cycle_end FROM vbp.agreement a) d;
END;
COMMENT ON FUNCTION vbp.agreement_cycles() IS
  'Every distinct agreement cycle (协议周期: batch x generic group x cycle dates) with a cycle id numbered in that order, and in_batch: the group has products in the batch''s selection';

CREATE FUNCTION vbp.product_cycle_map(cycle_ids int[] DEFAULT NULL)
  RETURNS vbp.product_cycle[]
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT coalesce(array_agg(ROW(pr.product_code, c.cycle_id, c.cycle_start, c.cycle_end,
                                s.selected IS TRUE, s.product_code IS NOT NULL)::vbp.product_cycle
                            ORDER BY c.cycle_id, pr.product_code), '{}')
  FROM vbp.agreement_cycles() c
  JOIN vbp.product pr ON pr.group_code = c.group_code
  LEFT JOIN vbp.selection s ON s.product_code = pr.product_code AND s.batch_id = c.batch_id
  WHERE cycle_ids IS NULL OR c.cycle_id = ANY (cycle_ids);
END;
COMMENT ON FUNCTION vbp.product_cycle_map(int[]) IS
  'The map for vbp.cycle_tally (产品-协议周期映射): every product of each agreement cycle''s generic group (all cycles, or those listed), with its selected and bid flags in the batch; products of the group that did not bid count as non-selected';

CREATE TYPE vbp.fulfilment_measure AS (
  time_progress numeric, completion numeric, status text, selected_share numeric,
  prefers_selected boolean, on_time_rate numeric);
COMMENT ON TYPE vbp.fulfilment_measure IS
  'Result of vbp.fulfilment_measure (履约指标): time progress, completion, status, selected share, whether it reaches the floor, on-time payment rate';

CREATE FUNCTION vbp.fulfilment_measure(selected_units bigint, other_units bigint, payments_due bigint, paid_on_time bigint,
                                       agreed_volume bigint, cycle_start date, cycle_end date, as_of date,
                                       lagging_factor numeric, selected_share_floor numeric)
  RETURNS vbp.fulfilment_measure
  AS 'MODULE_PATHNAME', 'pgvbp_fulfilment_measure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.fulfilment_measure(bigint, bigint, bigint, bigint, bigint, date, date, date, numeric, numeric) IS
  'Fulfilment measures of one agreement (履约指标, doc/domain.md §4), exact: time progress tau = (as_of - start + 1) / (end - start + 1) clipped to [0, 1]; completion c = Q_selected / Q_agreed (1 if nothing agreed); status completed (c >= 1) / on_track (c >= tau) / lagging (c >= lagging_factor x tau) / severely_lagging, compared on the unrounded fractions; selected share Q_selected / (Q_selected + Q_other) (NULL without purchases) and whether it reaches the floor (true without purchases); on-time rate paid_on_time / payments_due (NULL without dues); ratios rounded half away from zero to 6 places. Factors: at most 6 decimal places and 1000 (22023)';

-- what an institution bought for each agreement (used by retention and the procurement reports)
-- backup purchases under verified supply failures (断供备选): they count as selected
CREATE FUNCTION vbp.backup_purchases(as_of date)
  RETURNS TABLE (batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_start date, cycle_end date,
                 units bigint, spend vbp.cny, failures bigint[])
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- each purchase once, however many failures cover it; few rows: the failures'
  -- backup products (none: no purchase is read), then only the agreements of
  -- their region (tested on the agreement's institution, the purchase's), then
  -- their purchases of those products by the (institution, product, date) index
  WITH x AS MATERIALIZED (
    SELECT f.failure_id, f.batch_id, fp.group_code, sb.product_code, f.division, f.from_date, f.to_date
    FROM vbp.supply_failure f
    JOIN vbp.supply_backup sb ON sb.failure_id = f.failure_id
    JOIN vbp.product fp ON fp.product_code OPERATOR(vbp.=) f.product_code
    WHERE f.verified_on <= as_of
      -- a backup product since recorded as selected in the batch (a correction of the
      -- results) counts as selected already: not twice
      AND NOT EXISTS (SELECT 1 FROM vbp.selection s
                      WHERE s.batch_id = f.batch_id AND s.product_code OPERATOR(vbp.=) sb.product_code AND s.selected)
  )
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_start, a.cycle_end,
         sum(pu.quantity)::bigint, vbp.sum(pu.amount), array_agg(DISTINCT x.failure_id ORDER BY x.failure_id)
  FROM x
  JOIN vbp.agreement a ON a.batch_id = x.batch_id AND a.group_code OPERATOR(vbp.=) x.group_code
                      AND starts_with(vbp.division(a.org_code), x.division)
  JOIN vbp.purchase pu ON pu.product_code OPERATOR(vbp.=) x.product_code
                      AND pu.purchased_on >= x.from_date AND pu.purchased_on <= least(x.to_date, as_of)
                      AND pu.org_code OPERATOR(vbp.=) a.org_code
                      AND pu.purchased_on >= a.cycle_start AND pu.purchased_on <= a.cycle_end
  WHERE NOT EXISTS (SELECT 1 FROM vbp.supply_failure f2 JOIN vbp.supply_backup b2 ON b2.failure_id = f2.failure_id
                    JOIN vbp.product p2 ON p2.product_code OPERATOR(vbp.=) f2.product_code
                    WHERE f2.failure_id < x.failure_id AND f2.verified_on <= as_of AND f2.batch_id = x.batch_id
                      AND p2.group_code OPERATOR(vbp.=) x.group_code AND b2.product_code OPERATOR(vbp.=) pu.product_code
                      AND pu.purchased_on BETWEEN f2.from_date AND f2.to_date
                      AND starts_with(vbp.division(pu.org_code), f2.division))
  GROUP BY a.batch_id, a.org_code, a.group_code, a.cycle_start, a.cycle_end;
END;
COMMENT ON FUNCTION vbp.backup_purchases(date) IS
  'Purchases that count as selected under verified supply failures (断供备选采购), per agreement cycle and institution: units and spend of a failure''s backup products bought by institutions of its region within its period, the agreement year and as_of, the failure verified by as_of; a purchase covered by several failures counts once, under the first (failures: those its purchases count under)';

CREATE FUNCTION vbp.agreement_purchases(as_of date, payment_days int,
                                        scope_orgs vbp.orgcode[] DEFAULT NULL, scope_groups vbp.drugcode[] DEFAULT NULL)
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, agreed_volume bigint,
    cycle_start date, cycle_end date, in_batch boolean,
    selected_units bigint, other_units bigint, all_units bigint,
    selected_spend vbp.cny, other_spend vbp.cny,
    purchases bigint, payments_due bigint, paid_on_time bigint, backup_units bigint)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  -- One pass over the purchases, about as cheap as a bare GROUP BY: grouped by
  -- institution, vbp.cycle_tally maps each product to its cycles through a hash
  -- table built once from the product -> cycle map, so no join runs per purchase;
  -- the per-cycle tallies are then matched to the agreements.
  WITH cyc AS (
    SELECT * FROM vbp.agreement_cycles()
  ), bought AS (
    SELECT b.org_code, t.*
    FROM (SELECT pu.org_code,
                 vbp.cycle_tally(pu.product_code, pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on,
                                 -- the cycles started by the date (a later one has no purchase
                                 -- to count: each purchase is tried against fewer cycles)
                                 (SELECT vbp.product_cycle_map(array_agg(cyc.cycle_id)) FROM cyc
                                  WHERE cyc.cycle_start <= agreement_purchases.as_of),
                                 -- computed once, not per purchase, whatever expressions the
                                 -- caller passed (a view passes vbp.report_date(), which reads a setting)
                                 (SELECT agreement_purchases.as_of), (SELECT agreement_purchases.payment_days)) AS ts
          FROM vbp.purchase pu
          WHERE agreement_purchases.scope_orgs IS NULL
          GROUP BY pu.org_code
          -- the scoped form: the same tally over the pairs' purchases only.  Two
          -- branches, one planned away by its constant condition (a WHERE on the
          -- scan itself would keep a union of purchases from being flattened,
          -- and every purchase would pass through a subquery scan)
          UNION ALL
          SELECT pu.org_code,
                 vbp.cycle_tally(pu.product_code, pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on,
                                 (SELECT vbp.product_cycle_map(array_agg(cyc.cycle_id)) FROM cyc
                                  WHERE cyc.cycle_start <= agreement_purchases.as_of),
                                 (SELECT agreement_purchases.as_of), (SELECT agreement_purchases.payment_days))
          FROM vbp.purchases_of(agreement_purchases.scope_orgs, agreement_purchases.scope_groups) pu
          WHERE agreement_purchases.scope_orgs IS NOT NULL
          GROUP BY pu.org_code) b
    CROSS JOIN LATERAL unnest(b.ts) t
  )
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, a.agreed_volume, a.cycle_start, a.cycle_end, coalesce(c.in_batch, false),
         coalesce(p.selected_units, 0) + coalesce(k.units, 0), coalesce(p.other_units, 0) - coalesce(k.units, 0),
         coalesce(p.selected_units + p.other_units, 0),
         coalesce(p.selected_spend, '0') OPERATOR(vbp.+) coalesce(k.spend, '0'),
         coalesce(p.other_spend, '0') OPERATOR(vbp.-) coalesce(k.spend, '0'),
         coalesce(p.purchases, 0), coalesce(p.payments_due, 0), coalesce(p.paid_on_time, 0), coalesce(k.units, 0)
  -- left joins keep the planner's row estimate at the agreements' (a 4-key inner
  -- join would be estimated at a handful of rows and planned as a nested loop)
  FROM vbp.agreement a
  LEFT JOIN cyc c ON c.batch_id = a.batch_id AND c.group_code = a.group_code
                 AND c.cycle_start = a.cycle_start AND c.cycle_end = a.cycle_end
  LEFT JOIN bought p ON p.cycle_id = c.cycle_id AND p.org_code = a.org_code
  -- verified supply failures: backup products' purchases move from other to selected
  -- (computed once, materialized: a few rows, however the planner joins them;
  -- grouped by the key they already have one row per, so that the planner knows
  -- them unique and leaves the join out where none of their columns is read, as
  -- in the credibility report, which reads the units of every product)
  LEFT JOIN (WITH k AS MATERIALIZED (SELECT * FROM vbp.backup_purchases(agreement_purchases.as_of))
             SELECT k.batch_id, k.org_code, k.group_code, k.cycle_start, k.cycle_end,
                    max(k.units) AS units, vbp.max(k.spend) AS spend
             FROM k GROUP BY k.batch_id, k.org_code, k.group_code, k.cycle_start, k.cycle_end) k
    ON k.batch_id = a.batch_id AND k.org_code = a.org_code AND k.group_code = a.group_code
   AND k.cycle_start = a.cycle_start AND k.cycle_end = a.cycle_end
  -- the agreements of the pairs asked for, or all (folded away when scope_orgs is NULL)
  WHERE agreement_purchases.scope_orgs IS NULL
     OR (a.org_code, a.group_code) IN (SELECT k.org_code, k.group_code
                                       FROM vbp.scope_pairs(agreement_purchases.scope_orgs, agreement_purchases.scope_groups) k);
END;
COMMENT ON FUNCTION vbp.agreement_purchases(date, int, vbp.orgcode[], vbp.drugcode[]) IS
  'Purchases (采购) of each agreement year (with its agreed volume and dates) from its start to the end of the cycle or as_of (pass infinity for the whole cycle): units of the products selected in the batch (with the backup products bought under a verified supply failure, vbp.backup_purchases; backup_units says how many) and of every other product of the group (non-selected bidders and products that did not bid), in_batch: the group has products in the batch''s selection, units of every product of the group, spends, and purchases, payments due and paid within payment_days of acceptance (those counts over products in the batch); scope_orgs and scope_groups, paired element by element, restrict it to the agreements of those (institution, generic group) pairs and read only their purchases (vbp.purchases_of; NULL: every agreement)';

-- what an institution bought of each product it agreed to buy (按厂牌)
CREATE FUNCTION vbp.product_agreement_purchases(as_of date)
  RETURNS TABLE (
    batch_id int, org_code vbp.orgcode, group_code vbp.drugcode, cycle_year int, product_code vbp.drugcode,
    agreed_volume bigint, basis text, cycle_start date, cycle_end date, units bigint, spend vbp.cny)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT pa.batch_id, pa.org_code, pa.group_code, pa.cycle_year, pa.product_code, pa.agreed_volume, pa.basis,
         a.cycle_start, a.cycle_end, coalesce(b.units, 0), coalesce(b.spend, '0')
  FROM vbp.product_agreement pa
  JOIN vbp.agreement a ON a.batch_id = pa.batch_id AND a.org_code = pa.org_code AND a.group_code = pa.group_code
                      AND a.cycle_year = pa.cycle_year
  -- the purchases of that product by that institution in the year up to as_of
  -- (returns netted), through the (org_code, product_code, purchased_on) index
  LEFT JOIN LATERAL (SELECT sum(pu.quantity)::bigint AS units, vbp.sum(pu.amount) AS spend
                     FROM vbp.purchase pu
                     WHERE pu.org_code = pa.org_code AND pu.product_code = pa.product_code
                       AND pu.purchased_on >= a.cycle_start AND pu.purchased_on <= least(a.cycle_end, as_of)) b ON true;
END;
COMMENT ON FUNCTION vbp.product_agreement_purchases(date) IS
  'Purchases of each brand-level agreement (按厂牌采购): units and spend of that product bought by the institution from the start of the agreement year to its end or as_of (infinity: the whole year), returns netted';
