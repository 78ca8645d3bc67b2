-- Incremental fulfilment counters: kept by statement triggers on vbp.purchase
-- and equal, after every kind of write, to a full recomputation.  Concurrent writers
-- (pgbench, 8 clients) are tested in test/concurrency/counters.sh.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
-- off by default: no counter triggers (they exist only while on; the incremental
-- refresh's change triggers are always there) and the counters empty
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND NOT tgisinternal AND tgname LIKE 'fulfilment\_counter%' ORDER BY 1;
SELECT count(*) AS counters, (SELECT enabled FROM fulfilment_counter_state) FROM fulfilment_counter;
SELECT enable_fulfilment_counters() = (SELECT count(*) FROM agreement) AS every_agreement_counted;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND NOT tgisinternal AND tgname LIKE 'fulfilment\_counter%' ORDER BY 1;
-- the counters against a full recomputation
CREATE TEMP VIEW counter_diff AS
SELECT count(*) AS agreements,
       count(*) FILTER (WHERE c.batch_id IS NULL OR c.selected_units <> ap.selected_units OR c.other_units <> ap.other_units
                        OR c.selected_spend <> ap.selected_spend OR c.other_spend <> ap.other_spend
                        OR c.purchases <> ap.purchases) AS differing
FROM vbp.agreement_purchases('infinity', NULL) ap
LEFT JOIN vbp.fulfilment_counter c USING (batch_id, org_code, group_code, cycle_year);
SELECT * FROM counter_diff;

-- one agreement by hand, with a product of its group selected in the batch, in the last year
-- of its cycle (a day after it then belongs to no agreement)
SELECT a.batch_id, a.org_code AS org, a.group_code AS grp, a.cycle_year AS yr, a.cycle_start + 10 AS day, a.cycle_end + 1 AS after_cycle,
       (SELECT s.product_code FROM selection s JOIN product p USING (product_code)
        WHERE s.batch_id = a.batch_id AND p.group_code = a.group_code AND s.selected ORDER BY 1 LIMIT 1) AS sel
FROM agreement a
WHERE NOT EXISTS (SELECT FROM agreement n WHERE n.batch_id = a.batch_id AND n.org_code = a.org_code
                    AND n.group_code = a.group_code AND n.cycle_year = a.cycle_year + 1)
ORDER BY a.batch_id, a.org_code, a.group_code, a.cycle_year LIMIT 1 \gset
CREATE TEMP TABLE before AS SELECT * FROM fulfilment_counter
WHERE batch_id = :batch_id AND org_code = :'org' AND group_code = :'grp' AND cycle_year = :yr;
CREATE FUNCTION pg_temp.delta() RETURNS TABLE (selected_units bigint, other_units bigint, selected_spend cny, other_spend cny, purchases bigint)
  LANGUAGE sql AS $$
  SELECT c.selected_units - b.selected_units, c.other_units - b.other_units, c.selected_spend - b.selected_spend,
         c.other_spend - b.other_spend, c.purchases - b.purchases
  FROM vbp.fulfilment_counter c JOIN before b USING (batch_id, org_code, group_code, cycle_year) $$;
-- +100 units for 250.00 of the selected product in the cycle, and 7 units after it (not counted)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
VALUES (:'org', :'sel', :'day', 100, '250.00'), (:'org', :'sel', :'after_cycle', 7, '7.00');
SELECT * FROM pg_temp.delta();
-- the 100 become 40 for 100.00: +40, 100.00
UPDATE purchase SET quantity = 40, amount = '100.00' WHERE org_code = :'org' AND product_code = :'sel' AND quantity = 100 AND purchased_on = :'day';
SELECT * FROM pg_temp.delta();
-- moved after the cycle: nothing left in it
UPDATE purchase SET purchased_on = :'after_cycle' WHERE org_code = :'org' AND product_code = :'sel' AND quantity = 40 AND purchased_on = :'day';
SELECT * FROM pg_temp.delta();
-- moved back and deleted
UPDATE purchase SET purchased_on = :'day' WHERE org_code = :'org' AND product_code = :'sel' AND quantity = 40;
SELECT * FROM pg_temp.delta();
DELETE FROM purchase WHERE org_code = :'org' AND product_code = :'sel' AND quantity IN (40, 7) AND amount IN ('100.00', '7.00');
SELECT * FROM pg_temp.delta();
-- a rolled-back write leaves the counters as they were
BEGIN;
DELETE FROM purchase WHERE org_code = :'org';
ROLLBACK;
SELECT * FROM pg_temp.delta();
-- bulk writes across many agreements: a tenth of the purchases change, some go
UPDATE purchase SET quantity = quantity + 1 WHERE purchase_id % 10 = 0;
DELETE FROM purchase WHERE purchase_id % 97 = 0;
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount)
SELECT org_code, product_code, purchased_on + 1, quantity, amount FROM purchase WHERE purchase_id % 50 = 1;
SELECT * FROM counter_diff;
-- the live view gives the fulfilment report's measures (no purchase is after the reporting date)
SELECT count(*) AS agreements,
       count(*) FILTER (WHERE l.completion IS DISTINCT FROM f.completion OR l.status IS DISTINCT FROM f.status
                        OR l.selected_share IS DISTINCT FROM f.selected_share) AS differing
FROM fulfilment f FULL JOIN fulfilment_live l USING (batch_id, org_code, group_code, cycle_year)
WHERE (SELECT max(purchased_on) FROM purchase) <= report_date();
-- purchases written by the capture trigger from a hospital's own table count like
-- any other: after captured inserts, updates and deletes the counters still equal
-- a recomputation (50 orders of selected products inside agreement cycles)
CREATE TABLE public.his_orders (order_no int PRIMARY KEY, hosp text, drug text, ordered date, qty int, total numeric(12, 2));
CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_orders FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'order_no', 'org_code=hosp', 'product_code=drug', 'purchased_on=ordered',
                               'quantity=qty', 'amount=total');
INSERT INTO his_orders
SELECT row_number() OVER (ORDER BY a.batch_id, a.org_code, a.group_code), a.org_code::text, s.product_code::text,
       a.cycle_start + 5, 100, 10.00
FROM agreement a
JOIN product pr ON pr.group_code = a.group_code
JOIN selection s ON s.product_code = pr.product_code AND s.batch_id = a.batch_id AND s.selected
ORDER BY a.batch_id, a.org_code, a.group_code LIMIT 50;
SELECT * FROM counter_diff;
UPDATE his_orders SET qty = 200 WHERE order_no % 2 = 0;
SELECT * FROM counter_diff;
DELETE FROM his_orders WHERE order_no % 3 = 0;
SELECT * FROM counter_diff;
DROP TABLE his_orders;
SELECT * FROM counter_diff;
-- moving rows out of the default partition into new month partitions is not
-- buying: the counters do not change (the rows go straight into the new
-- partition, which fires no statement trigger of vbp.purchase)
SELECT count(*) AS rows_in_default_before FROM purchase_default WHERE purchased_on >= '2021-01-01' AND purchased_on < '2021-07-01' \gset
SELECT add_month_partitions('vbp.purchase', '2021-01-01', '2021-06-30') AS partitions;
SELECT :rows_in_default_before > 0 AS rows_moved,
       (SELECT count(*) FROM purchase_default WHERE purchased_on >= '2021-01-01' AND purchased_on < '2021-07-01') AS left_in_default;
SELECT * FROM counter_diff;
-- TRUNCATE zeroes them
TRUNCATE purchase;
SELECT * FROM counter_diff;
SELECT sum(selected_units + other_units) AS units_left FROM fulfilment_counter;
-- enabling twice leaves one set of triggers
SELECT enable_fulfilment_counters() > 0 AS enabled_again;
SELECT count(*) AS counter_triggers FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND NOT tgisinternal AND tgname LIKE 'fulfilment\_counter%';
-- off again: no triggers, counters empty
SELECT disable_fulfilment_counters();
SELECT count(*) AS counters, (SELECT enabled FROM fulfilment_counter_state) FROM fulfilment_counter;
SELECT count(*) AS counter_triggers FROM pg_trigger
WHERE tgrelid = 'vbp.purchase'::regclass AND NOT tgisinternal AND tgname LIKE 'fulfilment\_counter%';

-- clean up for the other tests
SELECT empty_demo_tables();
