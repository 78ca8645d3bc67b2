-- The cycle tally (vbp.cycle_tally) and the exact fulfilment measures
-- (vbp.fulfilment_measure) behind the fulfilment report.  Fixtures with
-- every expected value derived by hand in the comments; then, on the demo, the
-- same rows as reference formulas (numeric division, purchase_tally per cycle),
-- parallel = serial and partitioned = unpartitioned.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;

-- ---------- fulfilment_measure ----------
-- cycle 2024-01-01..2024-12-31 (366 days) as of 2024-06-30 (182 days in):
--   tau = 182 / 366 = 0.4972677.. -> 0.497268; lagging line 0.8 x tau = 0.3978142..
-- agreed 1000 unless said:
--   a  450 selected, 150 other: c 0.45 < tau, >= 0.397814: lagging; share 450/600 = 0.75 >= 0.5;
--      7 of 9 payments on time: 0.777777.. -> 0.777778
--   b  397: c 0.397 < 0.397814: severely_lagging        c  398: lagging
--   d  497: c 0.497 < 0.497268: lagging                 e  498: on_track
--   f  agreed 366, 182 selected: c = 182/366 = tau exactly: on_track (compared unrounded)
--   g  agreed 366, 181 selected: c = 0.494535.. -> 0.494536 < tau: lagging
--   h  1000 of 1000: completed                           i  nothing agreed: c = 1, completed, no share
--   j  100 selected, 200 other: share 0.333333 < 0.5: does not prefer selected
SELECT k, (fulfilment_measure(s, o, d, t, agreed, '2024-01-01', '2024-12-31', '2024-06-30', 0.8, 0.5)).*
FROM (VALUES ('a', 450, 150, 9, 7, 1000), ('b', 397, 0, 0, 0, 1000), ('c', 398, 0, 0, 0, 1000),
             ('d', 497, 0, 0, 0, 1000), ('e', 498, 0, 0, 0, 1000), ('f', 182, 0, 0, 0, 366),
             ('g', 181, 0, 0, 0, 366), ('h', 1000, 0, 0, 0, 1000), ('i', 0, 0, 0, 0, 0),
             ('j', 100, 200, 0, 0, 1000)) v(k, s, o, d, t, agreed)
ORDER BY k;
-- before the cycle tau is 0 and any purchase is on track; after it tau is 1
SELECT (fulfilment_measure(1, 0, 0, 0, 1000, '2024-01-01', '2024-12-31', '2023-06-30', 0.8, 0.5)).time_progress AS before,
       (fulfilment_measure(1, 0, 0, 0, 1000, '2024-01-01', '2024-12-31', '2023-06-30', 0.8, 0.5)).status AS status_before,
       (fulfilment_measure(1, 0, 0, 0, 1000, '2024-01-01', '2024-12-31', 'infinity', 0.8, 0.5)).time_progress AS after;
-- factors with trailing zeros are the same factors; STRICT: NULL in, NULL out
SELECT fulfilment_measure(450, 150, 9, 7, 1000, '2024-01-01', '2024-12-31', '2024-06-30', 0.800000000, 0.50)
     = fulfilment_measure(450, 150, 9, 7, 1000, '2024-01-01', '2024-12-31', '2024-06-30', 0.8, 0.5) AS same,
       fulfilment_measure(NULL, 150, 9, 7, 1000, '2024-01-01', '2024-12-31', '2024-06-30', 0.8, 0.5) IS NULL AS strict;
-- rejected: factors with more than 6 places or above 1000, an inverted cycle
SELECT try_sql($$SELECT vbp.fulfilment_measure(1, 0, 0, 0, 10, '2024-01-01', '2024-12-31', '2024-06-30', 0.1234567, 0.5)$$) AS seven_places;
SELECT try_sql($$SELECT vbp.fulfilment_measure(1, 0, 0, 0, 10, '2024-01-01', '2024-12-31', '2024-06-30', 0.8, 1000.5)$$) AS too_large;
SELECT try_sql($$SELECT vbp.fulfilment_measure(1, 0, 0, 0, 10, '2024-12-31', '2024-01-01', '2024-06-30', 0.8, 0.5)$$) AS inverted;
SELECT try_sql($$SELECT vbp.fulfilment_measure(1, 0, 0, 0, 10, '2024-01-01', '2024-12-31', '2024-06-30', 'NaN', 0.5)$$) AS nan;

-- ---------- cycle_tally ----------
-- map: P1 in cycle 1 (2023, selected) and cycle 2 (2024, bid, not selected); P2 in cycle 2
-- (selected); P3 in none.  As of 2024-06-30, 30 payment days:
--   h1 P1 100 on 2023-03-01, accepted 03-05, paid 03-20: cycle 1 selected; due, on time
--      (03-20 <= 04-04); outside cycle 2
--   h1 P1 50 on 2024-02-01, accepted 02-03, paid 04-01: cycle 2 other; due, late (04-01 > 03-04)
--   h1 P2 30 on 2024-03-01, accepted 03-02, unpaid: cycle 2 selected; due (04-01 <= 06-30), not on time
--   h1 P3 99: not in the map;  h1 P2 7 on 2024-07-01: after the date
--   h2 P2 10 on 2024-06-30, not accepted: cycle 2 selected, not due
--   h3 P3 5: not in the map: no cycle
-- so h1: cycle 1 (100, 0, 100.00, 0.00, 1 purchase, 1 due, 1 on time),
--        cycle 2 (30, 50, 45.00, 60.00, 2 purchases, 2 due, 0 on time); h2: cycle 2 (10, 0, 10.00, 0, 1, 0, 0)
CREATE TEMP TABLE fixture_map AS
SELECT ARRAY[ROW('XA01ABD075A002010100483', 1, '2023-01-01', '2023-12-31', true, true)::product_cycle,
             ROW('XA01ABD075A002010100483', 2, '2024-01-01', '2024-12-31', false, true)::product_cycle,
             ROW('XB06ACL388A001010100483', 2, '2024-01-01', '2024-12-31', true, true)::product_cycle] AS m;
CREATE TEMP TABLE fixture_purchase (org text, product drugcode, units bigint, amount cny, purchased date, accepted date, paid date);
INSERT INTO fixture_purchase VALUES
  ('h1', 'XA01ABD075A002010100483', 100, '100.00', '2023-03-01', '2023-03-05', '2023-03-20'),
  ('h1', 'XA01ABD075A002010100483', 50, '60.00', '2024-02-01', '2024-02-03', '2024-04-01'),
  ('h1', 'XB06ACL388A001010100483', 30, '45.00', '2024-03-01', '2024-03-02', NULL),
  ('h1', 'XC09AAD123A001010100111', 99, '99.00', '2024-03-01', NULL, NULL),
  ('h1', 'XB06ACL388A001010100483', 7, '7.00', '2024-07-01', NULL, NULL),
  ('h2', 'XB06ACL388A001010100483', 10, '10.00', '2024-06-30', NULL, NULL),
  ('h3', 'XC09AAD123A001010100111', 5, '5.00', '2024-03-01', NULL, NULL);
SELECT f.org, t.*
FROM (SELECT org, cycle_tally(product, units, amount, purchased, accepted, paid, (SELECT m FROM fixture_map), '2024-06-30', 30) AS ts
      FROM fixture_purchase GROUP BY org) f
LEFT JOIN LATERAL unnest(f.ts) t ON true
ORDER BY 1, 2;
-- each cycle equals purchase_tally over the same rows with that cycle's flags and dates
SELECT c.cycle_id, (purchase_tally(p.units, p.amount, p.purchased, p.accepted, p.paid, c.selected, c.in_batch,
                                   c.cycle_start, c.cycle_end, '2024-06-30', 30)).*
FROM fixture_purchase p JOIN unnest((SELECT m FROM fixture_map)) c ON c.product_code = p.product
WHERE p.org = 'h1' GROUP BY c.cycle_id ORDER BY 1;
-- no rows: NULL; a NULL map or date skips the row; a map that changes from group to group
-- (not a constant) is rebuilt: h2 with an empty map counts nothing
SELECT cycle_tally(product, units, amount, purchased, accepted, paid, (SELECT m FROM fixture_map), '2024-06-30', 30) IS NULL AS no_rows
FROM fixture_purchase WHERE false;
SELECT cycle_tally(product, units, amount, purchased, accepted, paid, NULL, '2024-06-30', 30) IS NULL AS null_map
FROM fixture_purchase;
SELECT org, cycle_tally(product, units, amount, purchased, accepted, paid,
                        CASE WHEN org = 'h2' THEN '{}' ELSE (SELECT m FROM fixture_map) END, '2024-06-30', 30)
FROM fixture_purchase GROUP BY org ORDER BY org;
-- rejected: a NULL element, or a NULL cycle id or date in the map
SELECT try_sql($$SELECT vbp.cycle_tally('XA01ABD075A002010100483', 1, '1.00', '2024-01-01', NULL, NULL, ARRAY[NULL::vbp.product_cycle], '2024-06-30', 30)$$) AS null_element;
SELECT try_sql($$SELECT vbp.cycle_tally('XA01ABD075A002010100483', 1, '1.00', '2024-01-01', NULL, NULL,
                 ARRAY[ROW('XA01ABD075A002010100483', NULL, '2024-01-01', '2024-12-31', true, true)::vbp.product_cycle], '2024-06-30', 30)$$) AS null_cycle;
-- partial states from parallel workers, serialized, combined: the same tallies (4000 rows)
CREATE TABLE public.many AS
SELECT 'h' || (i % 7) AS org, CASE i % 3 WHEN 0 THEN 'XA01ABD075A002010100483' WHEN 1 THEN 'XB06ACL388A001010100483'
       ELSE 'XC09AAD123A001010100111' END::drugcode AS product, (i % 50 + 1)::bigint AS units, (i % 90)::int::cny AS amount,
       date '2023-01-01' + i % 600 AS purchased, date '2023-01-02' + i % 600 AS accepted,
       CASE WHEN i % 4 > 0 THEN date '2023-01-02' + i % 600 + i % 45 END AS paid
FROM generate_series(1, 4000) i;
ANALYZE public.many;
CREATE TABLE public.many_map AS SELECT m FROM fixture_map;
CREATE TEMP TABLE serial_many AS
SELECT org, cycle_tally(product, units, amount, purchased, accepted, paid, (SELECT m FROM public.many_map), '2024-06-30', 30)::text AS ts
FROM public.many GROUP BY org;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT org, cycle_tally(product, units, amount, purchased, accepted, paid, (SELECT m FROM public.many_map), '2024-06-30', 30)
FROM public.many GROUP BY org;
SELECT count(*) AS groups, bool_and(s.ts = p.ts) AS same
FROM serial_many s
JOIN (SELECT org, cycle_tally(product, units, amount, purchased, accepted, paid, (SELECT m FROM public.many_map), '2024-06-30', 30)::text AS ts
      FROM public.many GROUP BY org) p USING (org);
RESET enable_hashagg;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE public.many, public.many_map;

-- ---------- on the demo ----------
SELECT count(*) FROM generate_demo(1, 42, replace => true);
-- the reporting date: vbp.as_of when set and not empty, else today; the text is
-- read as DateStyle says, and read again when DateStyle or the setting changes;
-- a bad date fails as the cast to date does (22007 malformed, 22008 out of range)
SELECT current_setting('datestyle') AS datestyle_before \gset
SET vbp.as_of = '';
SELECT report_date() = current_date AS empty_is_today;
SET datestyle = 'ISO, DMY';
SET vbp.as_of = '01/02/2023';
SELECT report_date() AS day_month_year;
SET datestyle = 'ISO, MDY';
SELECT report_date() AS month_day_year;
SET vbp.as_of = 'today';
SELECT report_date() = current_date AS today;
SET vbp.as_of = '2023-02-30';
SELECT try_sql($$SELECT vbp.report_date()$$) AS malformed;
RESET vbp.as_of;
SELECT report_date() = current_date AS reset_is_today;
SET datestyle = :'datestyle_before';
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
CREATE FUNCTION pg_temp.par(n text) RETURNS numeric LANGUAGE sql STABLE
  AS $$ SELECT value FROM vbp.parameter WHERE rule_set = 'national' AND name = n $$;
-- agreement_purchases gives the rows of the reference formula: purchase_tally per agreement cycle
-- through a join of purchases to the group's products
CREATE TEMP TABLE reference AS
WITH cyc AS (
  SELECT DISTINCT a.batch_id, a.group_code, a.cycle_start, a.cycle_end FROM agreement a
), pm AS (
  SELECT c.*, pr.product_code, s.selected IS TRUE AS sel, s.product_code IS NOT NULL AS bid
  FROM cyc c JOIN product pr ON pr.group_code = c.group_code
  LEFT JOIN selection s ON s.product_code = pr.product_code AND s.batch_id = c.batch_id
), bought AS (
  SELECT pm.batch_id, pu.org_code, pm.group_code, pm.cycle_start, pm.cycle_end,
         purchase_tally(pu.quantity, pu.amount, pu.purchased_on, pu.accepted_on, pu.paid_on, pm.sel, pm.bid,
                        pm.cycle_start, pm.cycle_end, report_date(), pg_temp.par('payment_days')::int) AS t
  FROM purchase pu JOIN pm ON pm.product_code = pu.product_code
  GROUP BY 1, 2, 3, 4, 5
)
SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, a.agreed_volume, a.cycle_start, a.cycle_end,
       EXISTS (SELECT FROM selection s JOIN product pr USING (product_code)
               WHERE s.batch_id = a.batch_id AND pr.group_code = a.group_code) AS in_batch,
       coalesce((b.t).selected_units, 0) AS sel, coalesce((b.t).other_units, 0) AS other,
       coalesce((b.t).selected_spend, '0') AS sel_spend, coalesce((b.t).other_spend, '0') AS other_spend,
       coalesce((b.t).purchases, 0) AS purchases, coalesce((b.t).payments_due, 0) AS due,
       coalesce((b.t).paid_on_time, 0) AS on_time
FROM agreement a LEFT JOIN bought b USING (batch_id, org_code, group_code, cycle_start, cycle_end);
-- backup products bought in a verified supply failure's region and period count as selected
-- (doc/supply.md): recounted here from the failures, backups and purchases
UPDATE reference r SET sel = r.sel + x.units, other = r.other - x.units,
                       sel_spend = r.sel_spend + x.spend, other_spend = r.other_spend - x.spend
FROM (SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, sum(pu.quantity) AS units, sum(pu.amount) AS spend
      FROM supply_failure f JOIN supply_backup sb USING (failure_id)
      JOIN purchase pu ON pu.product_code = sb.product_code AND starts_with(division(pu.org_code), f.division)
                      AND pu.purchased_on BETWEEN f.from_date AND f.to_date AND pu.purchased_on <= report_date()
      JOIN agreement a ON a.batch_id = f.batch_id AND a.org_code = pu.org_code AND a.group_code = generic_group(sb.product_code)
                      AND pu.purchased_on BETWEEN a.cycle_start AND a.cycle_end
      WHERE f.verified_on <= report_date()
      GROUP BY 1, 2, 3, 4) x
WHERE (r.batch_id, r.org_code, r.group_code, r.cycle_year) = (x.batch_id, x.org_code, x.group_code, x.cycle_year);
SELECT count(*) AS agreements,
       count(*) FILTER (WHERE ap IS NULL OR r.sel <> ap.selected_units OR r.other <> ap.other_units
                        OR r.sel_spend <> ap.selected_spend OR r.other_spend <> ap.other_spend
                        OR r.purchases <> ap.purchases OR r.due <> ap.payments_due
                        OR r.on_time <> ap.paid_on_time OR r.in_batch <> ap.in_batch) AS differing
FROM reference r
LEFT JOIN agreement_purchases(report_date(), pg_temp.par('payment_days')::int) ap USING (batch_id, org_code, group_code, cycle_year, cycle_start, cycle_end);
-- fulfilment gives the reference numeric formulas: round(x / y, 6) and the status from
-- time_progress and fulfilment_status
SELECT count(*) AS agreements,
       count(*) FILTER (WHERE f IS NULL
         OR f.time_progress <> round(time_progress(r.cycle_start, r.cycle_end, report_date()), 6)
         OR f.completion <> round(CASE WHEN r.agreed_volume > 0 THEN r.sel::numeric / r.agreed_volume ELSE 1 END, 6)
         OR f.status <> fulfilment_status(CASE WHEN r.agreed_volume > 0 THEN r.sel::numeric / r.agreed_volume ELSE 1 END,
                                          time_progress(r.cycle_start, r.cycle_end, report_date()),
                                          pg_temp.par('lagging_factor'))
         OR f.selected_share IS DISTINCT FROM round(r.sel::numeric / nullif(r.sel + r.other, 0), 6)
         OR f.prefers_selected <> coalesce(r.sel::numeric / nullif(r.sel + r.other, 0) >= pg_temp.par('selected_share_floor'), true)
         OR f.on_time_rate IS DISTINCT FROM round(r.on_time::numeric / nullif(r.due, 0), 6)) AS differing,
       count(DISTINCT f.status) AS statuses
FROM reference r
LEFT JOIN fulfilment f USING (batch_id, org_code, group_code, cycle_year, cycle_start, cycle_end)
WHERE r.in_batch AND r.cycle_start <= report_date();
SELECT count(*) = (SELECT count(*) FROM reference WHERE in_batch AND cycle_start <= report_date()) AS no_extra_rows
FROM fulfilment;
-- monthly partitions change nothing
CREATE TEMP TABLE unpartitioned AS
SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) AS fulfilment,
       md5(string_agg(ap::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) AS purchases
FROM fulfilment f FULL JOIN agreement_purchases(report_date(), 30) ap USING (batch_id, org_code, group_code, cycle_year, cycle_start, cycle_end);
SELECT add_month_partitions('vbp.purchase', '2019-04-01', '2023-06-30') AS partitions;
SELECT md5(string_agg(f::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) = u.fulfilment AS fulfilment_same,
       md5(string_agg(ap::text, '|' ORDER BY batch_id, org_code, group_code, cycle_year)) = u.purchases AS purchases_same
FROM fulfilment f FULL JOIN agreement_purchases(report_date(), 30) ap USING (batch_id, org_code, group_code, cycle_year, cycle_start, cycle_end)
CROSS JOIN unpartitioned u GROUP BY u.fulfilment, u.purchases;

-- clean up for the other tests
SELECT empty_demo_tables();
