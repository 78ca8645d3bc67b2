-- The capture trigger: a hospital's own order and dispensing tables feed
-- vbp.purchase and vbp.dispensing without a schema change; INSERT, UPDATE and DELETE
-- stay consistent; a bad row is rejected and nothing is half-written.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
INSERT INTO generic_group (group_code, generic_name) VALUES ('XA01ABD075A002', '地喹氯铵含片');
INSERT INTO product (product_code, group_code, company) VALUES ('XA01ABD075A002010100483', 'XA01ABD075A002', '91440101MA0000001?');
INSERT INTO institution (org_code, name, level, division) VALUES ('H44010300001', '示例医院', 'secondary', '440103');

-- the hospital's order table, with its own names and types
CREATE TABLE public.his_orders (order_no int PRIMARY KEY, hosp text, drug text, ordered date, qty int,
                                total numeric(12, 2), accepted date);
INSERT INTO his_orders VALUES (9, 'H44010300001', 'XA01ABD075A002010100483', '2024-02-01', 7, 7.00, NULL);  -- before the trigger
CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_orders FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'order_no', 'org_code=hosp', 'product_code=drug', 'purchased_on=ordered',
                               'quantity=qty', 'amount=total', 'accepted_on=accepted');
INSERT INTO his_orders VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 100, 250.00, '2024-03-03'),
                              (2, 'H44010300001', 'XA01ABD075A002010100483', '2024-04-01', 10, 20.50, NULL);
CREATE TEMP VIEW ledger AS
  SELECT l.source_key, p.org_code, p.product_code, p.purchased_on, p.quantity, p.amount, p.accepted_on
  FROM vbp.capture_link l JOIN vbp.purchase p ON p.purchase_id = l.target_id AND p.purchased_on = l.target_date
  WHERE l.source_table = to_regclass('public.his_orders') ORDER BY 1;
SELECT * FROM ledger;
-- an UPDATE follows the row, also to another month (another partition) and to a new key
UPDATE his_orders SET qty = 120, ordered = '2024-05-02' WHERE order_no = 2;
UPDATE his_orders SET order_no = 3 WHERE order_no = 1;
SELECT * FROM ledger;
-- a row written before the trigger is captured when it is next updated
UPDATE his_orders SET accepted = '2024-02-05' WHERE order_no = 9;
SELECT * FROM ledger;
DELETE FROM his_orders WHERE order_no = 3;
SELECT * FROM ledger;
SELECT count(*) AS purchases, (SELECT count(*) FROM capture_link) AS links FROM purchase;

-- bad rows are rejected with the type's or the ledger's own error, and nothing of the
-- statement is written (the first row of each statement is good)
SELECT try_sql($$INSERT INTO public.his_orders VALUES (4, 'H44010300001', 'XA01ABD075A002010100483', '2024-06-01', 5, 1.00, NULL),
                                                     (5, 'NOT-A-CODE', 'XA01ABD075A002010100483', '2024-06-01', 5, 1.00, NULL)$$) AS bad_code;
SELECT try_sql($$INSERT INTO public.his_orders VALUES (4, 'H44010300001', 'XA01ABD075A002010100483', '2024-06-01', 5, 1.00, NULL),
                                                     (5, 'H44010300099', 'XA01ABD075A002010100483', '2024-06-01', 5, 1.00, NULL)$$) AS unknown_institution;
SELECT try_sql($$INSERT INTO public.his_orders VALUES (4, 'H44010300001', 'XA01ABD075A002010100483', '2024-06-01', -5, 1.00, NULL)$$) AS negative_quantity;
SELECT try_sql($$INSERT INTO public.his_orders VALUES (4, 'H44010300001', 'XA01ABD075A002010100483', NULL, 5, 1.00, NULL)$$) AS no_date;
SELECT try_sql($$INSERT INTO public.his_orders VALUES (4, 'H44010300001', 'XA01ABD075A002010100483', '2024-06-01', 5, 1.00, '2024-05-01')$$) AS accepted_before_order;
SELECT count(*) AS orders, (SELECT count(*) FROM purchase) AS purchases, (SELECT count(*) FROM capture_link) AS links FROM his_orders;
-- the error names the source row
INSERT INTO his_orders VALUES (6, 'H44010300001', 'XA01ABD075A00201010048X', '2024-06-01', 5, 1.00, NULL);

-- a dispensing table, into vbp.dispensing
CREATE TABLE public.his_dispense (line_id bigint PRIMARY KEY, hosp text, drug text, day date, qty int, cost numeric,
                                  insurer_paid numeric, patient text, scan text, dept_kind text);
CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_dispense FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('dispensing', 'line_id', 'org_code=hosp', 'product_code=drug', 'dispensed_on=day',
                               'quantity=qty', 'amount=cost', 'fund_paid=insurer_paid', 'patient_id=patient',
                               'trace_code=scan', 'channel=dept_kind');
INSERT INTO his_dispense VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-05', 10, 25.00, 17.50, 'PT1',
                                 '81234560000000000001', 'hospital');
SELECT org_code, dispensed_on, quantity, amount, fund_paid, patient_id, trace_code, channel FROM dispensing;
SELECT try_sql($$UPDATE public.his_dispense SET insurer_paid = 30 WHERE line_id = 1$$) AS fund_above_amount;
DELETE FROM his_dispense;
SELECT count(*) AS dispensing_rows FROM dispensing;

-- a capture trigger re-created with another target: deleting a row captured
-- before still removes its own ledger row, never a row of the other ledger that
-- happens to carry the same id
CREATE TABLE public.his_mixed (k int PRIMARY KEY, hosp text, drug text, day date, qty int, cost numeric,
                               paid numeric, patient text, ch text);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_mixed FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'k', 'org_code=hosp', 'product_code=drug', 'purchased_on=day',
                               'quantity=qty', 'amount=cost');
INSERT INTO his_mixed VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-05', 3, 3.00, 3.00, 'PT9', 'hospital');
SELECT target_id AS old_id FROM capture_link WHERE source_table = 'public.his_mixed'::regclass \gset
DROP TRIGGER cap ON public.his_mixed;
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_mixed FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('dispensing', 'k', 'org_code=hosp', 'product_code=drug', 'dispensed_on=day',
                               'quantity=qty', 'amount=cost', 'fund_paid=paid', 'patient_id=patient', 'channel=ch');
INSERT INTO vbp.dispensing (dispensing_id, org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
VALUES (:old_id, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-05', 1, '1.00', '1.00', 'PT-unrelated', 'hospital');
DELETE FROM his_mixed WHERE k = 1;
SELECT (SELECT count(*) FROM purchase WHERE purchase_id = :old_id) AS captured_purchase_left,
       (SELECT count(*) FROM dispensing WHERE patient_id = 'PT-unrelated') AS unrelated_dispensing_left,
       (SELECT count(*) FROM capture_link WHERE source_table = 'public.his_mixed'::regclass) AS links_left;
-- TRUNCATE of a captured table would leave its ledger rows behind: refused
CREATE TRIGGER cap_truncate BEFORE TRUNCATE ON public.his_mixed FOR EACH STATEMENT
  EXECUTE FUNCTION vbp.capture('dispensing', 'k');
INSERT INTO his_mixed VALUES (2, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-06', 1, 1.00, 1.00, 'PT9', 'hospital');
SELECT try_sql($$TRUNCATE public.his_mixed$$) AS truncate_refused;
SELECT count(*) AS rows_kept, (SELECT count(*) FROM capture_link WHERE source_table = 'public.his_mixed'::regclass) AS links_kept FROM his_mixed;
DELETE FROM his_mixed;
DELETE FROM vbp.dispensing WHERE patient_id = 'PT-unrelated';
DROP TABLE public.his_mixed;

-- wrongly attached triggers fail clearly
CREATE TABLE public.bad_capture (id int, a text);
CREATE TRIGGER t1 AFTER INSERT ON public.bad_capture FOR EACH ROW EXECUTE FUNCTION vbp.capture('ledger', 'id');
SELECT try_sql($$INSERT INTO public.bad_capture VALUES (1, 'x')$$) AS unknown_target;
DROP TRIGGER t1 ON public.bad_capture;
CREATE TRIGGER t2 AFTER INSERT ON public.bad_capture FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=a');
SELECT try_sql($$INSERT INTO public.bad_capture VALUES (1, 'x')$$) AS missing_required;
DROP TRIGGER t2 ON public.bad_capture;
CREATE TRIGGER t3 AFTER INSERT ON public.bad_capture FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'id', 'price=a');
SELECT try_sql($$INSERT INTO public.bad_capture VALUES (1, 'x')$$) AS unknown_target_column;
DROP TRIGGER t3 ON public.bad_capture;
CREATE TRIGGER t4 AFTER INSERT ON public.bad_capture FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=b');
SELECT try_sql($$INSERT INTO public.bad_capture VALUES (1, 'x')$$) AS unknown_source_column;
DROP TRIGGER t4 ON public.bad_capture;
CREATE TRIGGER t5 BEFORE INSERT ON public.bad_capture FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'id');
SELECT try_sql($$INSERT INTO public.bad_capture VALUES (1, 'x')$$) AS before_trigger;

-- quarantine (on_error=quarantine): the hospital's transaction goes on; a row vbp
-- cannot take is recorded in vbp.load_reject and captured when next updated.  The
-- map translates the hospital's channel (医院, 门诊) and converts boxes (24 per box).
UPDATE product SET units_per_pack = 24 WHERE product_code = 'XA01ABD075A002010100483';
CREATE TABLE public.his_sales (id int PRIMARY KEY, hosp text, drug text, day date, boxes int, cost numeric,
                               paid numeric, patient text, kind text);
CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_sales FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('dispensing', 'id', 'org_code=hosp', 'product_code=drug', 'dispensed_on=day',
                               'quantity_packs=boxes', 'amount=cost', 'fund_paid=paid', 'patient_id=patient',
                               'channel=kind', 'on_error=quarantine');
BEGIN;
INSERT INTO his_sales VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-05', 2, 50.00, 35.00, 'PT1', '医院'),
                             (2, 'H44010300099', 'XA01ABD075A002010100483', '2024-03-05', 1, 25.00, 17.50, 'PT2', '医院'),
                             (3, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-06', -1, -25.00, -17.50, 'PT1', '门诊');
COMMIT;
-- all three rows stay in the hospital's table; row 2 (an unknown institution) is quarantined;
-- the ledger: 2 boxes x 24 = 48 units, the refund -1 box = -24 units, both hospital channel
SELECT count(*) AS hospital_rows FROM his_sales;
SELECT quantity, amount, fund_paid, channel FROM dispensing ORDER BY dispensed_on, quantity;
SELECT source, source_key, sqlstate, reason FROM load_reject WHERE source = 'public.his_sales';
-- corrected in the hospital's table, the row is captured: 48 + 24 - 24 = 48 units
UPDATE his_sales SET hosp = 'H44010300001' WHERE id = 2;
SELECT count(*) AS ledger_rows, sum(quantity) AS units FROM dispensing;
-- an UPDATE whose new row vbp cannot take (an institution it does not know) is quarantined,
-- and its old ledger row goes with its link: the row has no ledger row until it is next
-- updated (3 - 1 = 2 rows, 48 - 24 = 24 units), then it is captured again (3 rows, 48)
UPDATE his_sales SET hosp = 'H44010300099' WHERE id = 2;
SELECT count(*) AS ledger_rows, sum(quantity) AS units FROM dispensing;
UPDATE his_sales SET hosp = 'H44010300001' WHERE id = 2;
SELECT count(*) AS ledger_rows, sum(quantity) AS units FROM dispensing;
-- in reject mode (the default) the same row stops the hospital's statement
SELECT try_sql($$INSERT INTO public.his_dispense VALUES (2, 'H44010300099', 'XA01ABD075A002010100483', '2024-03-05', 1, 1.00, 0.50, 'PT3', NULL, '医院')$$) AS reject_mode;
CREATE TABLE public.bad_capture2 (id int, a text);
CREATE TRIGGER t6 AFTER INSERT ON public.bad_capture2 FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'id', 'on_error=ignore');
SELECT try_sql($$INSERT INTO public.bad_capture2 VALUES (1, 'x')$$) AS bad_on_error;
DELETE FROM load_reject WHERE source = 'public.his_sales';

-- vbp.capture_diff compares a captured table with its ledger rows: row 9 was written
-- before the trigger; with the trigger off, row 1's quantity changes, row 2 goes and
-- row 4's institution becomes a code that does not convert (listed as unconvertible,
-- with the error, rather than failing the comparison); row 3's ledger row is deleted
-- behind the link's back
CREATE TABLE public.his_check (id int PRIMARY KEY, hosp text, drug text, d date, qty int, total numeric);
INSERT INTO his_check VALUES (9, 'H44010300001', 'XA01ABD075A002010100483', '2024-02-01', 7, 7.00);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_check FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
INSERT INTO his_check VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 100, 250.00),
                             (2, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 10, 25.00),
                             (3, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 5, 5.00),
                             (4, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 1, 1.00);
SELECT * FROM capture_diff('public.his_check');
ALTER TABLE public.his_check DISABLE TRIGGER cap;
UPDATE his_check SET qty = 101 WHERE id = 1;
DELETE FROM his_check WHERE id = 2;
UPDATE his_check SET hosp = 'H4401030000?' WHERE id = 4;
ALTER TABLE public.his_check ENABLE TRIGGER cap;
DELETE FROM purchase p USING capture_link l
WHERE l.source_table = 'public.his_check'::regclass AND l.source_key = '3' AND p.purchase_id = l.target_id AND p.purchased_on = l.target_date;
SELECT * FROM capture_diff('public.his_check');
SELECT try_sql($$SELECT count(*) FROM vbp.capture_diff('vbp.batch')$$) AS no_capture_trigger;
-- renamed, the table keeps its links (by identity, not name): an update and a delete
-- still reach their ledger rows
ALTER TABLE public.his_check RENAME TO his_check_renamed;
UPDATE his_check_renamed SET qty = 102 WHERE id = 1;
DELETE FROM his_check_renamed WHERE id = 9;
SELECT l.source_table, l.source_key, p.quantity FROM capture_link l
JOIN purchase p ON p.purchase_id = l.target_id AND p.purchased_on = l.target_date ORDER BY 2;
SELECT * FROM capture_diff('public.his_check_renamed');
-- dropped, its links go with it (a later table reusing the OID inherits nothing); the
-- purchases stay
SELECT count(*) AS purchases_before FROM purchase;
DROP TABLE public.his_check_renamed;
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = l.source_table)) AS dangling_links,
       (SELECT count(*) FROM purchase) AS purchases_after FROM capture_link l;

-- the ledger date does not depend on the writing session's TimeZone or DateStyle:
-- an instant of 2024-03-31 20:00 UTC is 2024-04-01 04:00 in Beijing (ledger_time_zone),
-- so its ledger date is 2024-04-01 from a session in New York and one in UTC alike; a
-- date column and a text date give the same day under DateStyle SQL, DMY; the text
-- 01/04/2024 (1 April or 4 January?) is refused
CREATE TABLE public.his_times (id int PRIMARY KEY, hosp text, drug text, at timestamptz, d date, t text, qty int, total numeric);
CREATE TRIGGER cap_at AFTER INSERT OR UPDATE OR DELETE ON public.his_times FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=at',
                               'accepted_on=d', 'paid_on=t', 'quantity=qty', 'amount=total');
SET TimeZone = 'America/New_York';
INSERT INTO his_times VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-31 20:00:00+00', '2024-04-02', '2024-04-03', 1, 1.00);
SET TimeZone = 'UTC';
SET DateStyle = 'SQL, DMY';
INSERT INTO his_times VALUES (2, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-31 20:00:00+00', '02/04/2024', '2024-04-03', 1, 1.00);
SELECT try_sql($$INSERT INTO public.his_times VALUES (3, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-31 20:00:00+00', '02/04/2024', '01/04/2024', 1, 1.00)$$) AS ambiguous_text_date;
RESET DateStyle;
RESET TimeZone;
SET datestyle = ISO, YMD;
SELECT l.source_key, p.purchased_on, p.accepted_on, p.paid_on FROM capture_link l
JOIN purchase p ON p.purchase_id = l.target_id AND p.purchased_on = l.target_date
WHERE l.source_table = 'public.his_times'::regclass ORDER BY 1;
SET TimeZone = 'Pacific/Honolulu';
SELECT * FROM capture_diff('public.his_times');
RESET TimeZone;
DROP TABLE public.his_times;
-- a key whose text depends on the session (a timestamptz) is linked in fixed settings
-- (ISO, UTC): a row written under UTC is found and removed from a session in Shanghai
CREATE TABLE public.his_stamped (at timestamptz PRIMARY KEY, hosp text, drug text, d date, qty int, total numeric);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_stamped FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'at', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
SET TimeZone = 'UTC';
INSERT INTO his_stamped VALUES ('2024-03-01 00:00:00+00', 'H44010300001', 'XA01ABD075A002010100483', '2024-03-01', 3, 3.00);
SET TimeZone = 'Asia/Shanghai';
SELECT source_key FROM capture_link WHERE source_table = 'public.his_stamped'::regclass;
SELECT count(*) AS differences FROM capture_diff('public.his_stamped');
DELETE FROM his_stamped;
RESET TimeZone;
SELECT count(*) AS links_left, (SELECT count(*) FROM purchase WHERE quantity = 3 AND purchased_on = '2024-03-01') AS ledger_rows_left
FROM capture_link WHERE source_table = 'public.his_stamped'::regclass;
DROP TABLE public.his_stamped;
-- amounts kept as money or as binary fractions: money goes over exactly, whatever its
-- text (a currency sign, group separators): $1,234,567.89 -> 1234567.89; a real or
-- double precision amount as its value to 15 significant digits, rounded to the fen:
-- real 1234567.9 is the binary 1234567.875 (a real holds 24 bits), -> 1234567.88;
-- double 1234.565 is 1234.56499999999994..., to 15 digits 1234.56500000000 -> 1234.57;
-- and capture_diff finds them equal
CREATE TABLE public.his_money (id int PRIMARY KEY, hosp text, drug text, d date, qty int, total money);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_money FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
CREATE TABLE public.his_float (id int PRIMARY KEY, hosp text, drug text, d date, qty int, total real);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_float FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
CREATE TABLE public.his_float8 (id int PRIMARY KEY, hosp text, drug text, d date, qty int, total float8);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_float8 FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
INSERT INTO his_money VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-02', 1, 1234567.89);
INSERT INTO his_float VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-02', 1, 1234567.9);
SET extra_float_digits = 3;
INSERT INTO his_float8 VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-02', 1, 1234.565);
RESET extra_float_digits;
SELECT l.source_table, p.amount FROM capture_link l
JOIN purchase p ON p.purchase_id = l.target_id AND p.purchased_on = l.target_date
WHERE l.source_table IN ('public.his_money'::regclass, 'public.his_float'::regclass, 'public.his_float8'::regclass) ORDER BY 1;
SELECT (SELECT count(*) FROM capture_diff('public.his_money')) AS money_differences,
       (SELECT count(*) FROM capture_diff('public.his_float')) AS real_differences,
       (SELECT count(*) FROM capture_diff('public.his_float8')) AS double_differences;
DELETE FROM his_money;
DELETE FROM his_float;
DELETE FROM his_float8;
DROP TABLE public.his_money, public.his_float, public.his_float8;
-- keys renumbered onto each other in one statement (a deferrable primary key lets the
-- table do it) move a link onto a key another row still holds: refused, nothing
-- written; through keys no row holds, in two statements, the links follow
-- (row 1 -> key 2 keeps quantity 1, row 2 -> key 3 keeps quantity 2)
CREATE TABLE public.his_renumber (id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, hosp text, drug text, d date, qty int, total numeric);
CREATE TRIGGER cap AFTER INSERT OR UPDATE OR DELETE ON public.his_renumber FOR EACH ROW
  EXECUTE FUNCTION vbp.capture('purchase', 'id', 'org_code=hosp', 'product_code=drug', 'purchased_on=d', 'quantity=qty', 'amount=total');
INSERT INTO his_renumber VALUES (1, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-03', 1, 1.00),
                                (2, 'H44010300001', 'XA01ABD075A002010100483', '2024-03-03', 2, 2.00);
SELECT split_part(try_sql($$UPDATE public.his_renumber SET id = id + 1$$), ' (', 1) AS renumbered_onto_each_other;
UPDATE his_renumber SET id = -(id + 1);
UPDATE his_renumber SET id = -id;
SELECT l.source_key, p.quantity FROM capture_link l
JOIN purchase p ON p.purchase_id = l.target_id AND p.purchased_on = l.target_date
WHERE l.source_table = 'public.his_renumber'::regclass ORDER BY 1;
SELECT count(*) AS differences FROM capture_diff('public.his_renumber');
DELETE FROM his_renumber;
DROP TABLE public.his_renumber;

DROP TABLE public.his_orders, public.his_dispense, public.bad_capture, public.bad_capture2, public.his_sales;
SET client_min_messages = warning;
TRUNCATE vbp.capture_link, vbp.purchase, vbp.dispensing, vbp.product, vbp.generic_group, vbp.institution CASCADE;
RESET client_min_messages;
SELECT setval('vbp.purchase_id_seq', 1, false), setval('vbp.dispensing_id_seq', 1, false);
