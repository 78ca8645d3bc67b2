-- Loading real exports (doc/loading.md): the sample files in test/data/load,
-- shaped like a platform's and a hospital's exports (Chinese headers, a GBK
-- file, a byte-order mark, boxes, ￥ and thousands separators, bad rows,
-- a re-load, a corrected line, returns and refunds), loaded as the bureau
-- (the owner) and as a hospital's writer.  Expected values by hand beside each.
SET search_path = public, vbp;
\pset null '∅'
SELECT 1 AS tenancy FROM (SELECT count(*) FROM vbp.setup_tenancy()) x;

-- 1. Institutions: UTF-8 with a byte-order mark.  4 good rows; 特级 is no level
--    (line 6); a P code (pharmacy) at level 三级 does not fit (line 7).
\set header `head -n1 test/data/load/institutions.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/institutions.csv' (FORMAT csv, HEADER)
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('institution', 's', 'institutions.csv');
SELECT j.line, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j
WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY j.line, j.field;
-- levels translated, division the code's county (440305 南山区, 440304 福田区)
SELECT org_code, name, level, division, dual_channel, public FROM vbp.institution
WHERE org_code IN ('H44030590001', 'H44030590002', 'H44030490003', 'P44030590004') ORDER BY org_code;

-- 2. Products: the new group XC10AAA999A001 comes from 通用名; a generic-level
--    code is no product (line 4); a bad company code rejects line 5.
\set header `head -n1 test/data/load/products.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/products.csv' (FORMAT csv, HEADER)
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('product', 's', 'products.csv');
SELECT j.line, j.field, j.value, j.reason, j.sqlstate FROM vbp.load_reject j
WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY j.line, j.field;
SELECT product_code, group_code, units_per_pack, consistency_evaluated, originator FROM vbp.product
WHERE group_code = 'XC10AAA999A001' ORDER BY 1;
SELECT group_code, generic_name, dosage_form FROM vbp.generic_group WHERE group_code = 'XC10AAA999A001';

-- 3. Batches: rule set batch99 does not exist (line 3).
\set header `head -n1 test/data/load/batches.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/batches.csv' (FORMAT csv, HEADER)
SELECT status, rows_read, inserted, rejected FROM vbp.load('batch', 's', 'batches.csv');
SELECT j.line, j.field, j.reason FROM vbp.load_reject j WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY 1, 2;

-- 4. Selections: 中选/未中选; line 4 names a product not loaded and a selected
--    product without its winning price.
\set header `head -n1 test/data/load/selections.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/selections.csv' (FORMAT csv, HEADER)
SELECT status, rows_read, inserted, rejected FROM vbp.load('selection', 's', 'selections.csv');
SELECT j.line, j.field, j.reason FROM vbp.load_reject j WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY 1, 2;

-- 5. Volume reports: an unknown institution on line 5.
\set header `head -n1 test/data/load/volume_reports.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/volume_reports.csv' (FORMAT csv, HEADER)
SELECT status, rows_read, inserted, rejected FROM vbp.load('volume_report', 's', 'volume_reports.csv');
SELECT j.line, j.field, j.reason FROM vbp.load_reject j WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY 1, 2;

-- 6. Agreements derived: 2 winners, standard category, rule set batch7: ratio
--    0.6, 1-year cycle 2024-01-01..2024-12-31.
--    H44030590001: round(0.6 x 10000) = 6000
--    H44030590002: not reported, baseline 5000: round(0.6 x 5000) = 3000
--    H44030490003: round(0.6 x 700) = 420
SELECT vbp.derive_agreements(901) AS derived;
SELECT org_code, agreed_volume, cycle_start, cycle_end, derived FROM vbp.agreement WHERE batch_id = 901 ORDER BY org_code;
-- a corrected report re-derives its agreement: 10000 -> 9000 gives 5400; back again
UPDATE vbp.volume_report SET reported_volume = 9000 WHERE batch_id = 901 AND org_code = 'H44030590001';
SELECT agreed_volume FROM vbp.agreement WHERE batch_id = 901 AND org_code = 'H44030590001';
UPDATE vbp.volume_report SET reported_volume = 10000 WHERE batch_id = 901 AND org_code = 'H44030590001';
-- a hand-entered agreement is never overwritten
UPDATE vbp.agreement SET agreed_volume = 400, derived = false WHERE batch_id = 901 AND org_code = 'H44030490003';
SELECT vbp.derive_agreements(901) AS rederived;
SELECT org_code, agreed_volume, derived FROM vbp.agreement WHERE batch_id = 901 ORDER BY org_code;

-- 7. Purchases: GBK, boxes (盒 x 28 片), ￥, "1,120".  Lines 2-5 good:
--    H..001: PO2024001/1 100 盒 = 2800 selected units, ￥700.00;
--            PO2024001/2 10 盒 x 14 = 140 units of the non-selected product;
--            PO2024002/1 1,120 片 selected
--    H..002: PO2024003/1 50 盒 = 1400 selected units
--    Lines 6-15 bad, one reason each (an unknown institution, an unknown
--    product, 2024-02-30, 1.5 boxes, 1.2E+3, accepted before ordered, line 2
--    again, no quantity, the unit 桶, a negative amount on an order).
-- the incremental counters follow the loads too
SELECT vbp.enable_fulfilment_counters() > 0 AS counters_on;
\set header `head -n1 test/data/load/purchases_gbk.csv | iconv -f GBK -t UTF-8`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/purchases_gbk.csv' (FORMAT csv, HEADER, ENCODING 'GBK')
SELECT load_id AS purchases_load, status, rows_read, inserted, replaced, unchanged, rejected
FROM vbp.load('purchase', 's', 'purchases_gbk.csv') \gset
SELECT :'status' AS status, :rows_read AS rows_read, :inserted AS inserted, :unchanged AS unchanged, :rejected AS rejected;
SELECT j.line, j.source_key, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j
WHERE j.load_id = :purchases_load ORDER BY j.line, j.field;
SELECT order_no, line_no, product_code, quantity, amount, accepted_on, paid_on FROM vbp.purchase
WHERE org_code IN ('H44030590001', 'H44030590002') AND order_no IS NOT NULL ORDER BY order_no, line_no;
-- fulfilment on 2024-06-30: H..001 selected 2800 + 1120 = 3920 of 6000, other 140;
-- H..002 1400 of 3000
SELECT org_code, agreed_volume, selected_volume, nonselected_volume, completion FROM vbp.fulfilment_for('2024-06-30')
WHERE batch_id = 901 ORDER BY org_code;
-- the counters: the same units; spend H..001 selected 700.00 + 280.00, other 630.00;
-- purchases (lines of products in the batch) 3
SELECT org_code, selected_units, other_units, selected_spend, other_spend, purchases FROM vbp.fulfilment_counter
WHERE batch_id = 901 ORDER BY org_code;
-- retention (national rule set: fund payment ratio 0.7, insured share 0.9, so x 0.63):
-- budget = 6000 x 2.75 (reference price, mean of 1.00 and 4.50) x 0.63 = 10395.00;
-- spend = (980.00 x 3920/3920 + 630.00) x 0.63 = 1014.30; savings 9380.70
SELECT org_code, selected_volume, selected_spend, nonselected_spend, budget, spend, savings
FROM vbp.retention_components() WHERE batch_id = 901 AND org_code = 'H44030590001';

-- 8. The same export again: nothing changes (4 unchanged, the 10 bad lines again), and
-- no report moves: fulfilment, retention components and counters are the same row for row
SELECT md5(string_agg(f::text, '|' ORDER BY f.org_code)) AS fulfilment_before FROM vbp.fulfilment_for('2024-06-30') f WHERE f.batch_id = 901 \gset
SELECT md5(string_agg(c::text, '|' ORDER BY c.org_code)) AS retention_before FROM vbp.retention_components() c WHERE c.batch_id = 901 \gset
SELECT md5(string_agg(c::text, '|' ORDER BY c.org_code)) AS counters_before FROM vbp.fulfilment_counter c WHERE c.batch_id = 901 \gset
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/purchases_gbk.csv' (FORMAT csv, HEADER, ENCODING 'GBK')
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('purchase', 's', 'purchases_gbk.csv');
SELECT (SELECT md5(string_agg(f::text, '|' ORDER BY f.org_code)) FROM vbp.fulfilment_for('2024-06-30') f WHERE f.batch_id = 901) = :'fulfilment_before' AS fulfilment_same,
       (SELECT md5(string_agg(c::text, '|' ORDER BY c.org_code)) FROM vbp.retention_components() c WHERE c.batch_id = 901) = :'retention_before' AS retention_same,
       (SELECT md5(string_agg(c::text, '|' ORDER BY c.org_code)) FROM vbp.fulfilment_counter c WHERE c.batch_id = 901) = :'counters_before' AS counters_same;
SELECT count(*) AS lines, sum(quantity) AS units FROM vbp.purchase WHERE org_code IN ('H44030590001', 'H44030590002') AND order_no IS NOT NULL;
-- all_or_nothing: one bad line refuses the whole file
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/purchases_gbk.csv' (FORMAT csv, HEADER, ENCODING 'GBK')
SELECT status, inserted, rejected FROM vbp.load('purchase', 's', 'purchases_gbk.csv', 'all_or_nothing');

-- 9. A hospital's writer loads its returns (退货): TH2024001 returns 20 盒 of
--    PO2024001/1 (-560 units, -140.00); TH2024002 names an order never loaded;
--    TH2024003 is another hospital's (outside the writer's scope, whose order it
--    cannot see either).
CREATE ROLE regress_vbp_loader;
SELECT scope FROM vbp.grant_tenant('regress_vbp_loader', 'institution_writer', org_code => 'H44030590001');
SET ROLE regress_vbp_loader;
\set header `head -n1 test/data/load/returns.csv`
SELECT vbp.stage_table('w', :'header');
\copy w FROM 'test/data/load/returns.csv' (FORMAT csv, HEADER)
SELECT load_id AS returns_load, status, inserted, rejected FROM vbp.load('purchase', 'w', 'returns.csv') \gset
SELECT :'status' AS status, :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :returns_load ORDER BY 1, 2, 3;
-- the writer may not load reference data
SELECT vbp.stage_table('s2', 'org_code,name,level');
SELECT status FROM vbp.load('institution', 's2');
RESET ROLE;
-- after the return: H..001 selected 3920 - 560 = 3360 of 6000 = 0.56
SELECT org_code, selected_volume, completion FROM vbp.fulfilment_for('2024-06-30') WHERE batch_id = 901 ORDER BY org_code;
SELECT quantity, amount, return_of_order, return_of_line FROM vbp.purchase WHERE order_no = 'TH2024001';
-- counters: selected units 3360, spend 980.00 - 140.00 = 840.00; the return is no purchase (3)
SELECT org_code, selected_units, selected_spend, purchases FROM vbp.fulfilment_counter
WHERE batch_id = 901 AND org_code = 'H44030590001';
-- retention: spend = (840.00 + 630.00) x 0.63 = 926.10; savings 10395.00 - 926.10 = 9468.90
SELECT org_code, selected_volume, selected_spend, spend, savings
FROM vbp.retention_components() WHERE batch_id = 901 AND org_code = 'H44030590001';
-- payments: H..001's 3 order lines of products in the batch are due; PO2024001/1 and /2
-- were paid within 30 days of acceptance (02-20 and 02-25 after 02-03), PO2024002/1,
-- accepted 03-02, is unpaid after 30 days: 3 due, 2 on time; the return is not a payment due
SELECT org_code, payments_due, paid_on_time FROM vbp.fulfilment_for('2024-06-30') WHERE batch_id = 901 AND org_code = 'H44030590001';

-- 10. A corrected line: PO2024002/1 is 1,400 片 for 350.00, not 1,120 for 280.00.
--     H..001 selected 2800 + 1400 - 560 = 3640 of 6000
\set header `head -n1 test/data/load/corrections.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/corrections.csv' (FORMAT csv, HEADER)
SELECT load_id AS corrections_load, status, inserted, replaced, unchanged, rejected FROM vbp.load('purchase', 's', 'corrections.csv') \gset
SELECT :inserted AS inserted, :replaced AS replaced, :unchanged AS unchanged;
SELECT old_row ->> 'quantity' AS old_quantity, old_row ->> 'amount' AS old_amount FROM vbp.load_superseded WHERE load_id = :corrections_load;
SELECT org_code, selected_volume, completion FROM vbp.fulfilment_for('2024-06-30') WHERE batch_id = 901 AND org_code = 'H44030590001';
-- the first purchases load cannot be undone before the correction that replaced its line
SELECT load_id FROM vbp.undo_load(:purchases_load);
-- undo the correction (back to 3360), then the writer undoes its returns (back to 3920)
SELECT status FROM vbp.undo_load(:corrections_load);
SELECT quantity, amount FROM vbp.purchase WHERE order_no = 'PO2024002';
SET ROLE regress_vbp_loader;
SELECT status FROM vbp.undo_load(:returns_load);
RESET ROLE;
SELECT org_code, selected_volume FROM vbp.fulfilment_for('2024-06-30') WHERE batch_id = 901 AND org_code = 'H44030590001';
SELECT status FROM vbp.undo_load(:returns_load);

-- 11. Dispensing with traceability codes and a refund (退药): D001 and D002 sell,
--     D003 refunds D001 (-28 units, -7.00, fund -5.60); D004 has the fund paying
--     more than the amount, D005 a code a spreadsheet turned into 8.12346E+19,
--     D006 refunds a line never loaded.
\set header `head -n1 test/data/load/dispensing.csv`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/dispensing.csv' (FORMAT csv, HEADER)
SELECT load_id AS dispensing_load, status, rows_read, inserted, rejected FROM vbp.load('dispensing', 's', 'dispensing.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, j.value, j.reason FROM vbp.load_reject j WHERE j.load_id = :dispensing_load ORDER BY 1, 2;
SELECT line_id, quantity, amount, fund_paid, channel, refund_of FROM vbp.dispensing WHERE load_id = :dispensing_load ORDER BY line_id;
-- netted: patient PAT001 holds 28 - 28 = 0 units of the drug
SELECT patient_id, sum(quantity) AS units, sum(amount) AS amount FROM vbp.dispensing WHERE load_id = :dispensing_load GROUP BY 1 ORDER BY 1;

-- 12. Returns checked against what is loaded with them, as the hospital's writer
--     (returns_more.csv; one 盒 = 28 units).  PO2024001/1 bought 100 盒 = 2800
--     units; its return of section 9 was undone in section 10:
--     line 2: 70 盒 = 1960 back: 1960 <= 2800, loaded;
--     line 3: 40 盒 = 1120 more: 1960 + 1120 = 3080 > 2800, refused (23514);
--     line 4: PO2024101/1 buys 2 盒 = 56 units, loaded;
--     line 5: its return of 3 盒 = 84 > 56, refused although its order is in the same file;
--     line 6: a return of PO2024101/1 of another product (..09902), refused;
--     line 7: PO2024102/1 dated 2024-02-30, refused (22P02);
--     line 8: the return of that refused line, refused: its order is not loaded (23503);
--     line 9: 10^18 盒 x 28 does not fit a bigint: refused with its line (23514),
--             the others load.
SET ROLE regress_vbp_loader;
\set header `head -n1 test/data/load/returns_more.csv`
SELECT vbp.stage_table('w2', :'header');
\copy w2 FROM 'test/data/load/returns_more.csv' (FORMAT csv, HEADER)
SELECT load_id AS more_load, status, inserted, rejected FROM vbp.load('purchase', 'w2', 'returns_more.csv') \gset
SELECT :'status' AS status, :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :more_load ORDER BY 1, 2, 3;
SELECT order_no, quantity, return_of_order FROM vbp.purchase WHERE load_id = :more_load ORDER BY 1;
SELECT status FROM vbp.undo_load(:more_load);
RESET ROLE;
DROP TABLE pg_temp.w2;

--     A writer's load whose line the bureau then corrected cannot be undone
--     before the bureau's load, although the writer cannot read the bureau's
--     replaced rows: UL01/1 5 盒 = 140 units, 35.00, corrected to 30.00.
SET ROLE regress_vbp_loader;
SELECT vbp.stage_table('w3', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元)');
INSERT INTO w3 VALUES ('UL01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-01', '5', '盒', '35.00'),
                      ('UL01', '2', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-01', '3', '盒', '21.00');
SELECT load_id AS writer_load FROM vbp.load('purchase', 'w3', 'ul1.csv') \gset
RESET ROLE;
SELECT vbp.stage_table('s4', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元)');
INSERT INTO s4 VALUES ('UL01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-01', '5', '盒', '30.00');
SELECT load_id AS bureau_load, replaced FROM vbp.load('purchase', 's4', 'ul2.csv') \gset
SELECT :replaced AS bureau_replaced;
SET ROLE regress_vbp_loader;
SELECT try_sql(format('SELECT vbp.undo_load(%s)', :writer_load)) ~ ('^55000: load ' || :writer_load || ' has rows that load ' || :bureau_load || ' replaced since') AS writer_undo_refused;
RESET ROLE;
SELECT status FROM vbp.undo_load(:bureau_load);
SET ROLE regress_vbp_loader;
SELECT status FROM vbp.undo_load(:writer_load);
RESET ROLE;
SELECT count(*) AS ul01_rows_left FROM vbp.purchase WHERE order_no = 'UL01';
DROP TABLE pg_temp.w3, pg_temp.s4;

--     Empty columns at the end of a header line (a spreadsheet's) are named
--     _3, _4 and ignored; an empty name inside the line is refused, naming it.
SELECT vbp.stage_table('s5', 'a,b,,');
SELECT array_agg(attname ORDER BY attnum) AS staged_columns FROM pg_attribute WHERE attrelid = 'pg_temp.s5'::regclass AND attnum > 0;
SELECT try_sql($$SELECT vbp.stage_table('s6', 'a,,b')$$) AS empty_inside;
DROP TABLE pg_temp.s5;
--     A byte-order mark before a quoted header: the mark goes, then the quotes
--     (columns 订单编号, 订单明细号, 备注); a name given twice is refused, naming
--     the column that repeats it (column 3 repeats column 1's 名称).
SELECT vbp.stage_table('s5', E'\ufeff"订单编号","订单明细号",备注\r\n');
SELECT array_agg(attname ORDER BY attnum) AS staged_columns FROM pg_attribute WHERE attrelid = 'pg_temp.s5'::regclass AND attnum > 0;
DROP TABLE pg_temp.s5;
SELECT try_sql($$SELECT vbp.stage_table('s6', '名称,金额,名称')$$) AS name_twice;
--     A value of the owner's with a % in it (a unit 100%) translates like any
--     other: 2 units of UL02 at 1.00.
INSERT INTO vbp.load_value (domain, raw, value) VALUES ('unit', '100%', 'unit');
SELECT vbp.stage_table('s7', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元)');
INSERT INTO s7 VALUES ('UL02', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '2', '100%', '1.00');
SELECT load_id AS pct_load, inserted, rejected FROM vbp.load('purchase', 's7', 'pct.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected, (SELECT quantity FROM vbp.purchase WHERE order_no = 'UL02') AS units;
SELECT status FROM vbp.undo_load(:pct_load);
DELETE FROM vbp.load_value WHERE raw = '100%';
DROP TABLE pg_temp.s7;

--     SQLSTATEs of a field: 23502 a required value missing (line 2, no amount),
--     22003 a number out of range (line 3, 2^63 units), 22P02 malformed (line 4,
--     an amount past the fen: 1.005 is a unit price or a shifted column, not
--     rounded); 12.3400 has no digit past the fen and loads (line 5); 22001 an
--     order number of 201 characters, longer than a key holds (line 6).
SELECT vbp.stage_table('s8', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元)');
INSERT INTO s8 VALUES ('UL03', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '2', '片', NULL),
                      ('UL03', '2', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '9223372036854775808', '片', '1.00'),
                      ('UL03', '3', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '2', '片', '1.005'),
                      ('UL03', '4', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '2', '片', '12.3400'),
                      (repeat('A', 201), '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-02', '2', '片', '1.00');
SELECT load_id AS codes_load, inserted, rejected FROM vbp.load('purchase', 's8', 'sqlstates.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, left(j.value, 20) AS value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :codes_load ORDER BY 1, 2;
SELECT status FROM vbp.undo_load(:codes_load);
DROP TABLE pg_temp.s8;

-- 13. Loads of one institution's lines run one after the other: a load of
--     purchases holds, to the end of its transaction, the advisory lock of
--     each institution of its file (slot hashtext(code) & 1023), so a second
--     load of the same lines waits and then finds them (unchanged or replaced,
--     never stored twice); it needs read committed isolation to see them.
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RO01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-05', '10', '盒', '70.00', '采购', NULL, NULL);
BEGIN;
SELECT load_id AS order_load, inserted FROM vbp.load('purchase', 's9', 'ro01.csv') \gset
SELECT :inserted AS inserted,
       (SELECT count(*) FROM pg_locks k WHERE k.locktype = 'advisory' AND k.pid = pg_backend_pid() AND k.objsubid = 2
          AND k.classid::bigint = hashtext('vbp.load purchase')::bigint & 4294967295
          AND k.objid::bigint = hashtext('H44030590001') & 1023) AS institution_locked;
COMMIT;
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT vbp.load('purchase', 's9', 'ro01.csv');
ROLLBACK;

--     A return of 8 盒 = 224 units of RO01/1 (280 units) loads.
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RT01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-06', '8', '盒', '56.00', '退货', 'RO01', '1');
SELECT load_id AS return_load, inserted, rejected FROM vbp.load('purchase', 's9', 'rt01.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected;
--     The order's load cannot be undone while the return stands: it would
--     leave the return without its order line.
SELECT vbp.undo_load(:order_load);
--     A correction of RO01/1 still covers the returns already loaded against it:
--     5 盒 = 140 units < 224 returned, refused (23514); 10 盒 of product ..09902
--     (10 x 14 = 140 units) is another product than the return's, refused; in both
--     cases RO01/1 stays 280 units of ..09901.
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RO01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-05', '5', '盒', '35.00', '采购', NULL, NULL);
SELECT load_id AS fix_load, replaced, rejected FROM vbp.load('purchase', 's9', 'ro01_fix1.csv') \gset
SELECT :replaced AS replaced, :rejected AS rejected;
SELECT j.line, j.source_key, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :fix_load;
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RO01', '1', 'H44030590001', 'XC10AAA999A001010209902', '2024-04-05', '10', '盒', '70.00', '采购', NULL, NULL);
SELECT load_id AS fix_load, replaced, rejected FROM vbp.load('purchase', 's9', 'ro01_fix2.csv') \gset
SELECT :replaced AS replaced, :rejected AS rejected;
SELECT j.line, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :fix_load;
SELECT order_no, product_code, quantity FROM vbp.purchase WHERE order_no IN ('RO01', 'RT01') ORDER BY 1;
--     The same correction with the return corrected in the same file to 4 盒 =
--     112 units: the stored return is replaced, so only the file's counts:
--     112 <= 140, both lines replaced (2).
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RO01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-05', '5', '盒', '35.00', '采购', NULL, NULL),
                      ('RT01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-06', '4', '盒', '28.00', '退货', 'RO01', '1');
SELECT load_id AS fix_load, replaced, rejected FROM vbp.load('purchase', 's9', 'ro01_fix3.csv') \gset
SELECT :replaced AS replaced, :rejected AS rejected;
SELECT order_no, product_code, quantity FROM vbp.purchase WHERE order_no IN ('RO01', 'RT01') ORDER BY 1;
--     Undone in reverse order: the correction, the return, then the order.
SELECT status FROM vbp.undo_load(:fix_load);
SELECT status FROM vbp.undo_load(:return_load);
SELECT status FROM vbp.undo_load(:order_load);
SELECT count(*) AS ro_rows_left FROM vbp.purchase WHERE order_no IN ('RO01', 'RT01');

--     A return names its original: a 退货 line without 原订单编号 and a negative
--     quantity without it are rejected (23502); a 退药 line without 原结算明细ID
--     and a negative dispensing line without it too.  An amount of
--     -92233720368547758.08 (one fen past the cny range, which is symmetric) is
--     rejected on its line (22003), in purchases (line 4) and dispensing (line 4).
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,采购金额(元),类型,原订单编号,原订单明细号');
INSERT INTO s9 VALUES ('RX01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-06', '2', '盒', '14.00', '退货', NULL, NULL),
                      ('RX02', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-06', '-56', '片', '-14.00', NULL, NULL, NULL),
                      ('RX03', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-06', '1', '盒', '-92233720368547758.08', '退货', 'PO2024001', '1');
SELECT load_id AS unlinked_load, inserted, rejected FROM vbp.load('purchase', 's9', 'unlinked.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :unlinked_load ORDER BY 1, 2;
SELECT vbp.stage_table('s9', '医疗机构编码,结算明细ID,医保药品代码,结算日期,数量,单位,金额,统筹支付,人员编号,结算类型,原结算明细ID');
INSERT INTO s9 VALUES ('H44030590001', 'DX01', 'XC10AAA999A001010109901', '2024-04-06', '1', '盒', '7.00', '5.60', 'PAT009', '退药', NULL),
                      ('H44030590001', 'DX02', 'XC10AAA999A001010109901', '2024-04-06', '-28', '片', '-7.00', '-5.60', 'PAT009', NULL, NULL),
                      ('H44030590001', 'DX03', 'XC10AAA999A001010109901', '2024-04-06', '1', '盒', '7.00', '-92233720368547758.08', 'PAT009', NULL, NULL);
SELECT load_id AS unlinked_load, inserted, rejected FROM vbp.load('dispensing', 's9', 'd_unlinked.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected;
SELECT j.line, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :unlinked_load ORDER BY 1, 2;

--     Prices the table keeps as numeric(18, 6) are checked as stored, rounded to
--     six decimals, each bad one rejected on its line (batch 901, whose selections
--     section 4 loaded):
--     line 2: a bid ceiling of 0 (23514);
--     line 3: a reference price of 1,234,567,890,123.45, 13 digits before the
--             point where 18 - 6 = 12 fit (22003);
--     line 4: a winning price of 0.0000001, which rounds to 0.000000 (23514);
--     line 5: ..09902 as section 4 loaded it: unchanged;
--     line 6: 999,999,999,999.9999995 rounds up to 10^12: out of range (22003).
SELECT vbp.stage_table('s9', '批次,医保药品代码,中选结果,集采前价格(元),最高有效申报价(元),中选价格(元),中选企业数');
INSERT INTO s9 VALUES ('901', 'XC10AAA999A001010209902', '未中选', '4.500000', '0', NULL, '2'),
                      ('901', 'XC10AAA999A001010209902', '未中选', '1,234,567,890,123.45', NULL, NULL, '2'),
                      ('901', 'XC10AAA999A001010109901', '中选', '1.000000', NULL, '0.0000001', '2'),
                      ('901', 'XC10AAA999A001010209902', '未中选', '4.500000', NULL, NULL, '2'),
                      ('901', 'XC10AAA999A001010109901', '中选', '999,999,999,999.9999995', NULL, '0.250000', '2');
SELECT load_id AS prices_load, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('selection', 's9', 'prices.csv') \gset
SELECT :rows_read AS rows_read, :inserted AS inserted, :replaced AS replaced, :unchanged AS unchanged, :rejected AS rejected;
SELECT j.line, j.field, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :prices_load ORDER BY 1, 2;
--     数量 and 数量(盒) both given must agree: 10 盒 in 数量(盒) is 10 x 28 = 280
--     units; 数量 10 without a unit is 10 units: the line is rejected (23514);
--     数量 10 盒 and 数量(盒) 10 agree (280 = 280) and load.
SELECT vbp.stage_table('s9', '订单编号,订单明细号,医疗机构编码,医保药品代码,采购日期,数量,单位,数量(盒),采购金额(元)');
INSERT INTO s9 VALUES ('QB01', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-07', '10', NULL, '10', '70.00'),
                      ('QB02', '1', 'H44030590001', 'XC10AAA999A001010109901', '2024-04-07', '10', '盒', '10', '70.00');
SELECT load_id AS both_load, inserted, rejected FROM vbp.load('purchase', 's9', 'qty_both.csv') \gset
SELECT :inserted AS inserted, :rejected AS rejected, (SELECT quantity FROM vbp.purchase WHERE order_no = 'QB02') AS qb02_units;
SELECT j.line, j.field, j.column_name, j.value, j.reason, j.sqlstate FROM vbp.load_reject j WHERE j.load_id = :both_load;
SELECT status FROM vbp.undo_load(:both_load);
--     An empty staging table (an empty export, or a \copy that failed) loads
--     nothing, with a warning.
TRUNCATE s9;
SELECT status, rows_read, inserted FROM vbp.load('purchase', 's9', 'empty.csv');
DROP TABLE pg_temp.s9;

-- 12. Refusals of the whole call
SELECT vbp.load('nonsense', 's');
SELECT vbp.stage_table('s3', '订单编号,医保药品代码,数量');
SELECT vbp.load('purchase', 's3');
SELECT vbp.load('purchase', 's3', mode => 'some');


SELECT vbp.disable_fulfilment_counters();
DROP TABLE pg_temp.w, pg_temp.s2;
SELECT vbp.revoke_tenant('regress_vbp_loader') AS revoked;
DROP ROLE regress_vbp_loader;
-- clean up: later tests count institutions, purchases and partitions
DELETE FROM vbp.dispensing WHERE load_id IS NOT NULL;
DELETE FROM vbp.purchase WHERE load_id IS NOT NULL;
DELETE FROM vbp.agreement WHERE batch_id = 901;
DELETE FROM vbp.volume_report WHERE batch_id = 901;
DELETE FROM vbp.selection WHERE batch_id = 901;
DELETE FROM vbp.batch WHERE batch_id = 901;
DELETE FROM vbp.product WHERE group_code = 'XC10AAA999A001';
DELETE FROM vbp.generic_group WHERE group_code = 'XC10AAA999A001';
DELETE FROM vbp.institution WHERE load_id IS NOT NULL;
DELETE FROM vbp.load;
