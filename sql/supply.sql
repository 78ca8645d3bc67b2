-- Supply guarantee (供应保障): order responses, deliveries and cancellations of
-- winners' order lines; measures per company x product x province x month and per
-- institution; stock-out episodes; the company supply score; a verified supply
-- failure whose backup purchases count as selected (fulfilment, alert, retention).
-- Every expected value is derived by hand.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
\set SHOW_CONTEXT never

-- Batch 96 (2025-01-01, batch7): group G has 2 winners -> 60%, a 1-year cycle to 2025-12-31.
-- S1 (company K1 91110108551385082Q) 0.50, S2 (K2 91350100M000100Y43) 0.60; N1 did not bid.
-- Pre-procurement prices 1.00 and 1.00 on 100 units each -> P_ref = 200 / 200 = 1.00
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (96, '供应测试批次', '2025-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA997A001', '测试供应片');
INSERT INTO product (product_code, group_code, company, company_name) VALUES
  ('XC10AAA997A001010109921', 'XC10AAA997A001', '91110108551385082Q', '甲制药'),
  ('XC10AAA997A001010209922', 'XC10AAA997A001', '91350100M000100Y43', '乙制药'),
  ('XC10AAA997A001010309923', 'XC10AAA997A001', NULL, '丙制药');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA998A001', '测试他组片');
INSERT INTO product (product_code, group_code) VALUES ('XC10AAA998A001010109981', 'XC10AAA998A001');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (96, 'XC10AAA997A001010109921', true, 1.00, 0.50, 2, 100), (96, 'XC10AAA997A001010209922', true, 1.00, 0.60, 2, 100);
INSERT INTO institution (org_code, name, level, division) VALUES
  ('H44010600021', '广东供应甲医院', 'tertiary', '440106'), ('H44010600022', '广东供应乙医院', 'tertiary', '440106'),
  ('H45010200021', '广西供应丙医院', 'tertiary', '450102');
-- A reports 1,000 -> agreed 600; B reports 500 -> agreed 300 (both reported: d = 1)
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, reported_on) VALUES
  (96, 'H44010600021', 'XC10AAA997A001', 1000, 1000, '2024-11-01'),
  (96, 'H44010600022', 'XC10AAA997A001', 500, 500, '2024-11-01');
SELECT derive_agreements(96) AS written;
SELECT org_code, agreed_volume, cycle_start, cycle_end FROM agreement WHERE batch_id = 96 ORDER BY 1;

-- order lines (S1 = ...921, S2 = ...922, N1 = ...923); cancelled and refused lines are
-- reversed in the purchases by a return line, as the platform exports them
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, accepted_on, paid_on, order_no, line_no,
                      return_of_order, return_of_line) VALUES
  ('H44010600021', 'XC10AAA997A001010109921', '2025-03-03', 100, '50.00', '2025-03-06', '2025-03-20', 'O1', '1', NULL, NULL),
  ('H44010600021', 'XC10AAA997A001010109921', '2025-03-28', 200, '100.00', '2025-04-01', '2025-04-20', 'O2', '1', NULL, NULL),
  ('H44010600021', 'XC10AAA997A001010109921', '2025-04-10', 100, '50.00', '2025-04-11', '2025-04-30', 'O3', '1', NULL, NULL),
  ('H44010600021', 'XC10AAA997A001010109921', '2025-04-25', -60, '-30.00', NULL, NULL, 'R3', '1', 'O3', '1'),
  ('H44010600022', 'XC10AAA997A001010109921', '2025-05-05', 300, '150.00', NULL, NULL, 'O4', '1', NULL, NULL),
  ('H44010600022', 'XC10AAA997A001010109921', '2025-05-30', -300, '-150.00', NULL, NULL, 'R4', '1', 'O4', '1'),
  ('H45010200021', 'XC10AAA997A001010109921', '2025-06-20', 50, '25.00', NULL, NULL, 'O5', '1', NULL, NULL),
  ('H44010600021', 'XC10AAA997A001010209922', '2025-04-01', 100, '60.00', NULL, NULL, 'O6', '1', NULL, NULL),
  ('H44010600021', 'XC10AAA997A001010209922', '2025-04-02', -100, '-60.00', NULL, NULL, 'R6', '1', 'O6', '1'),
  ('H44010600022', 'XC10AAA997A001010209922', '2025-04-01', 100, '60.00', '2025-04-02', '2025-04-15', 'O7', '1', NULL, NULL),
  ('H44010600022', 'XC10AAA997A001010309923', '2025-06-01', 200, '160.00', '2025-06-02', '2025-06-15', 'O8', '1', NULL, NULL),
  ('H44010600022', 'XC10AAA997A001010109921', '2025-05-20', 60, '30.00', '2025-06-05', '2025-06-20', 'O9', '1', NULL, NULL);
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity) VALUES
  -- O1: confirmed at once, delivered 60 + 40, in full on 03-06, due 03-05: late; lead 1 day
  ('H44010600021', 'O1', '1', 'confirmed', '1', '2025-03-03', NULL),
  ('H44010600021', 'O1', '1', 'delivered', 'D1', '2025-03-04', 60),
  ('H44010600021', 'O1', '1', 'delivered', 'D2', '2025-03-06', 40),
  -- O2 ordered 03-28 (March), confirmed 03-29, delivered in April (04-01), due 03-30: late; lead 4
  ('H44010600021', 'O2', '1', 'confirmed', '1', '2025-03-29', NULL),
  ('H44010600021', 'O2', '1', 'delivered', '1', '2025-04-01', 200),
  -- O3: 40 of 100 confirmed and delivered next day, 60 cancelled: need 40, in full 04-11, on time
  ('H44010600021', 'O3', '1', 'partially_confirmed', '1', '2025-04-10', 40),
  ('H44010600021', 'O3', '1', 'delivered', '1', '2025-04-11', 40),
  ('H44010600021', 'O3', '1', 'cancelled', '1', '2025-04-25', 60),
  -- O4: confirmed, never delivered, cancelled in full 05-30 (after its due date 05-07): late; a stock-out
  ('H44010600022', 'O4', '1', 'confirmed', '1', '2025-05-05', NULL),
  ('H44010600022', 'O4', '1', 'cancelled', '1', '2025-05-30', 300),
  -- O5 (Guangxi): confirmed, nothing delivered by 06-30: open past its deadline 06-22; a stock-out still on
  ('H45010200021', 'O5', '1', 'confirmed', '1', '2025-06-20', NULL),
  -- O6: refused the next day
  ('H44010600021', 'O6', '1', 'refused', '1', '2025-04-02', NULL),
  -- O7: confirmed, delivered in full the next day: on time
  ('H44010600022', 'O7', '1', 'confirmed', '1', '2025-04-01', NULL),
  ('H44010600022', 'O7', '1', 'delivered', '1', '2025-04-02', 100),
  -- O9: confirmed, delivered 16 days later (due 05-22): late, and a stock-out overlapping O4's
  ('H44010600022', 'O9', '1', 'confirmed', '1', '2025-05-20', NULL),
  ('H44010600022', 'O9', '1', 'delivered', '1', '2025-06-05', 60);
-- bad events are refused: a delivery of nothing, a refusal with a quantity, a date in 4713 BC
SELECT try_sql($$INSERT INTO vbp.order_event (org_code, order_no, line_no, event, happened_on, quantity) VALUES ('H44010600021', 'O1', '1', 'delivered', '2025-03-07', 0)$$) AS zero_delivery,
       try_sql($$INSERT INTO vbp.order_event (org_code, order_no, line_no, event, happened_on, quantity) VALUES ('H44010600021', 'O1', '1', 'refused', '2025-03-07', 5)$$) AS refusal_quantity,
       try_sql($$INSERT INTO vbp.order_event (org_code, order_no, line_no, event, happened_on) VALUES ('H44010600021', 'O1', '1', 'confirmed', '4713-01-01 BC')$$) AS bad_date;

-- each line as of 2025-06-30 (deadline delivery_days = 2); N1 is no winner: O8 is not monitored
SELECT org_code, order_no, ordered_on, ordered, due_on, responded_on, response, confirmed, delivered, cancelled,
       first_delivered_on, fulfilled_on, closed_on, on_time, late, open_past_deadline
FROM order_line_supply_for('2025-06-30') WHERE product_code::text LIKE 'XC10AAA997A001%' ORDER BY order_no;

-- per company x product x province x order month:
--   S1/44/2025-03 (O1, O2): 2 lines, 300 units, 150.00; response (0 + 1) / 2 = 0.50 days; delivered 300 = 150.00,
--     fill 1; lead (1 + 4) / 2 = 2.50; 2 due, 0 on time
--   S1/44/2025-04 (O3): 100 ordered, 40 delivered = 50.00 x 40 / 100 = 20.00, fill 0.4; 1 due, 1 on time
--   S1/44/2025-05 (O4, O9): 360 ordered, 180.00; delivered 60 = 30.00, fill 60 / 360 = 0.166667 (by amount
--     30.00 / 180.00 = 0.166667); lead 16; 2 due, 0 on time
--   S1/45/2025-06 (O5): 50 ordered, nothing delivered; 1 due, 0 on time, 1 open past its deadline
--   S2/44/2025-04 (O6, O7): 2 lines, 200, 120.00; 1 refused; response (1 + 0) / 2 = 0.50; delivered 100 = 60.00,
--     fill 0.5; lead 1; 2 due, 1 on time (0.5)
SELECT company_name, right(product_code::text, 2) AS product, province, month, lines, ordered, ordered_amount, responded,
       refused, avg_response_days, delivered, delivered_amount, fill_rate, fill_rate_amount, avg_lead_days, lines_due,
       on_time, on_time_rate, open_past_deadline
FROM supply_performance_for('2025-06-30') WHERE product_code::text LIKE 'XC10AAA997A001%' ORDER BY 2, 3, 4;
-- per institution and order month: A March 300/300; A April O3 + O6: 200 ordered, 40 delivered (0.2), 2 due,
-- 1 on time, 1 refused; B April O7 on time; B May O4 + O9: 360, 60; C June O5 open
SELECT org_code, month, lines, ordered, delivered, fill_rate, lines_due, on_time, on_time_rate, open_past_deadline, refused
FROM institution_supply_for('2025-06-30') WHERE org_code::text IN ('H44010600021', 'H44010600022', 'H45010200021') ORDER BY 1, 2;

-- stock-outs (stockout_days = 7): O4 [05-05, 05-30] 25 days and O9 [05-20, 06-05] 16 days overlap: one
-- episode of B and S1 from 05-05 to 06-05, 31 days, 2 lines; O5 [06-20, open] 10 days to 06-30, ongoing.
-- O1 (3 days), O2 (4), O3 (1) and O6 (refused after 1 day) are not stock-outs
SELECT org_code, right(product_code::text, 2) AS product, company, started_on, ended_on, duration_days, lines, ongoing
FROM stockout_episodes_for('2025-06-30') WHERE product_code::text LIKE 'XC10AAA997A001%' ORDER BY 1;
-- as of 05-25 the B episode is O4 alone, ongoing, 20 days (O9 then 5 days old)
SELECT org_code, started_on, ended_on, duration_days, lines, ongoing
FROM stockout_episodes_for('2025-05-25') WHERE product_code::text LIKE 'XC10AAA997A001%' ORDER BY 1;
-- each line with its stock-out as of 06-30: B's O4 until its cancellation in full (05-30) and O9 until its
-- delivery in full (06-05) overlap: episode 0 of B, both; C's O5, open, until the report date (06-30):
-- episode 0 of C; O1, O2, O3, O6 (A) and O7 (B) are no stock-outs: NULL, NULL
SELECT org_code, ordered_on, closed_on, stockout_until, episode
FROM order_line_stockout_for('2025-06-30') WHERE product_code::text LIKE 'XC10AAA997A001%' ORDER BY org_code, ordered_on;

-- the supply score of batch 96 as of 06-30:
--   K1 (S1): lines O1 O2 O3 O4 O5 O9 = 6, all due; late: O1 O2 O4 O5 O9 = 5 -> rate 5/6 = 0.833333;
--     episodes 2 (31 + 10 = 41 days): 100 - 2 x 2 - 1 x 83.3333 - 0.2 x 41 = 4.4667 -> 4.47, rank 2
--   K2 (S2): lines O6 O7 = 2, due 2, O6 refused (late) -> 1/2; no episode: 100 - 50 = 50.00, rank 1
-- both below supply_score_alert 60
SELECT company_name, products, lines, lines_due, problems, problem_rate, episodes, stockout_days, score, rank, below_threshold
FROM supply_score_for('2025-06-30') WHERE batch_id = 96 ORDER BY rank;
-- as of 01-31 no line of either company is due and neither had a stock-out: nothing to
-- judge, so no score, no rank, not below the threshold (not a perfect 100 ranked first)
SELECT company_name, lines_due, episodes, score, rank, below_threshold
FROM supply_score_for('2025-01-31') WHERE batch_id = 96 ORDER BY company_name;
SET vbp.as_of = '2025-06-30';
SELECT company_name, batches, lowest_score, latest_score, episodes, ever_below_threshold
FROM company_supply_record WHERE company::text IN ('91110108551385082Q', '91350100M000100Y43') ORDER BY 1;
RESET vbp.as_of;
SELECT kind, org_code, key, detail FROM supply_alert_for('2025-06-30')
WHERE key LIKE '%XC10AAA997A001%' OR key LIKE 'batch 96 %' ORDER BY 1, 2, 3;

-- a region's own deadline (偏远地区): Guangxi 5 days -> O5 due 06-25, still past on 06-30
INSERT INTO delivery_deadline (rule_set, division, days, source) VALUES ('national', '45', 5, '示例：广西偏远地区 5 天');
SELECT order_no, deadline_days, due_on, open_past_deadline FROM order_line_supply_for('2025-06-30')
WHERE order_no IN ('O4', 'O5') AND product_code::text LIKE 'XC10AAA997A001%' ORDER BY 1;
DELETE FROM delivery_deadline WHERE division = '45';

-- ---------------------------------------------------------------------
-- A verified supply failure: S1 in Guangdong (44) from 05-05 to 06-30, verified 06-10,
-- backup N1.  B bought 200 N1 on 06-01 (160.00).
-- ---------------------------------------------------------------------
-- a failure of a product not selected, a backup of another group or itself selected: 22023
SELECT try_sql($$INSERT INTO vbp.supply_failure (batch_id, product_code, division, from_date, to_date) VALUES (96, 'XC10AAA997A001010309923', '44', '2025-05-05', '2025-06-30')$$) AS not_selected;
INSERT INTO supply_failure (failure_id, batch_id, product_code, division, from_date, to_date, verified_on, verified_by, detail)
VALUES (9601, 96, 'XC10AAA997A001010109921', '44', '2025-05-05', '2025-06-30', '2025-06-10', '广东省医保局', '甲制药断供，核实属实');
SELECT try_sql($$INSERT INTO vbp.supply_backup VALUES (9601, 'XC10AAA997A001010209922')$$) AS backup_selected,
       try_sql($$INSERT INTO vbp.supply_backup VALUES (9601, 'XC10AAA998A001010109981')$$) AS backup_other_group;
INSERT INTO supply_backup VALUES (9601, 'XC10AAA997A001010309923');

-- fulfilment of B as of 06-30 (tau = 181 / 365 = 0.495890): selected S1 300 - 300 + 60 = 60, S2 100, and the
-- 200 N1 under the verified failure: 360 of 300 -> 1.2, completed; other 200 - 200 = 0; share 1
-- As of 06-09 (not yet verified; tau = 160 / 365 = 0.438356): selected 160 -> 0.533333, on track;
-- share 160 / 360 = 0.444444 < 0.7: not preferring selected products
SELECT d AS as_of, org_code, agreed_volume, selected_volume, nonselected_volume, backup_volume, completion, status,
       selected_share, prefers_selected
FROM (VALUES (date '2025-06-09'), (date '2025-06-30')) v(d), fulfilment_for(d) f
WHERE f.batch_id = 96 ORDER BY 1, 2;
SET vbp.as_of = '2025-06-09';
SELECT org_code, alert, detail FROM fulfilment_alert WHERE batch_id = 96 ORDER BY 1, 2;
RESET vbp.as_of;
SELECT org_code, failures, backup_volume, backup_spend FROM supply_substitution_for('2025-06-30') WHERE batch_id = 96;
-- a failure outside the institution's region (Guangxi, 45) or not verified substitutes nothing
UPDATE supply_failure SET division = '45' WHERE failure_id = 9601;
SELECT count(*) AS substitutions_in_guangxi FROM supply_substitution_for('2025-06-30') WHERE batch_id = 96;
UPDATE supply_failure SET division = '44', verified_on = NULL WHERE failure_id = 9601;
SELECT count(*) AS substitutions_unverified FROM supply_substitution_for('2025-06-30') WHERE batch_id = 96;

-- retention of B for 2025 under completion-required (supplied score 85 -> grade A, 50%):
--   budget 300 x 1.00 x 0.63 = 189.00
--   verified: selected 360 (60 S1 30.00 + 100 S2 60.00 + 200 N1 160.00 = 250.00), within 300:
--     E = 250.00 x 300 / 360 x 0.63 = 131.25, S = 57.75, completion 1.2 >= 1 -> R = 57.75 x 0.5 = 28.875 -> 28.88
--   unverified: selected 160 (90.00), non-selected 160.00: E = (90.00 + 160.00) x 0.63 = 157.50, S = 31.50,
--     completion 160 / 300 < 1 -> forfeited, R = 0
INSERT INTO assessment (batch_id, org_code, score, assessed_on) VALUES (96, 'H44010600022', 85, '2026-01-15');
SELECT 'unverified' AS failure, org_code, budget, spend, savings, grade, retained, forfeited
FROM retention_statement_for('completion-required', '2025-12-31') WHERE batch_id = 96 AND org_code::text = 'H44010600022';
UPDATE supply_failure SET verified_on = '2025-06-10' WHERE failure_id = 9601;
SELECT 'verified' AS failure, org_code, budget, spend, savings, grade, retained, forfeited
FROM retention_statement_for('completion-required', '2025-12-31') WHERE batch_id = 96 AND org_code::text = 'H44010600022';

-- an institution's login sees its own lines, stock-outs and substitutions only
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_supply_b;
RESET client_min_messages;
SELECT count(*) > 0 AS tenancy FROM setup_tenancy();
CREATE ROLE regress_supply_b;
SELECT scope FROM grant_tenant('regress_supply_b', 'institution_user', org_code => 'H44010600022');
SET ROLE regress_supply_b;
SELECT count(*) AS lines, count(DISTINCT org_code) AS institutions FROM order_line_supply_for('2025-06-30');
SELECT org_code, started_on, duration_days FROM stockout_episodes_for('2025-06-30');
SELECT org_code, backup_volume FROM supply_substitution_for('2025-06-30');
RESET ROLE;
SELECT revoke_tenant('regress_supply_b');
DROP ROLE regress_supply_b;

-- loading the platform's order-execution export (GBK, Chinese headers): O10 (A, S2, 50 units on
-- 06-02) confirmed, delivered 30 + 20 by 06-04 (due 06-04: on time), 5 sent back on 06-05
-- (delivered net 45; the line had been delivered in full on 06-04).  Rejected with their
-- line: an order line not in vbp.purchase, a refusal with a quantity, an unknown event (发货中)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no) VALUES
  ('H44010600021', 'XC10AAA997A001010209922', '2025-06-02', 50, '30.00', 'O10', '1');
\set header `head -n1 test/data/load/order_events_gbk.csv | iconv -f GBK -t UTF-8`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/order_events_gbk.csv' (FORMAT csv, HEADER, ENCODING 'GBK')
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('order_event', 's', 'order_events_gbk.csv');
SELECT j.line, j.field, j.value, j.reason FROM vbp.load_reject j WHERE j.load_id = (SELECT max(load_id) FROM vbp.load) ORDER BY 1, 2;
-- loading it again changes nothing
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('order_event', 's', 'order_events_gbk.csv');
DROP TABLE s;
-- a correction: delivery note PS001 was 35, not 30 -> replaced; delivered 35 + 20 - 5 = 50
\set header `head -n1 test/data/load/order_events_fix_gbk.csv | iconv -f GBK -t UTF-8`
SELECT vbp.stage_table('s', :'header');
\copy s FROM 'test/data/load/order_events_fix_gbk.csv' (FORMAT csv, HEADER, ENCODING 'GBK')
SELECT status, rows_read, inserted, replaced, unchanged, rejected FROM vbp.load('order_event', 's', 'order_events_fix_gbk.csv');
DROP TABLE s;
SELECT order_no, response, delivered, first_delivered_on, fulfilled_on, on_time, late FROM order_line_supply_for('2025-06-30')
WHERE order_no = 'O10';

-- clean up
DELETE FROM load_reject WHERE load_id IN (SELECT load_id FROM load WHERE target = 'order_event');
DELETE FROM load WHERE target = 'order_event';
DELETE FROM assessment WHERE batch_id = 96;
DELETE FROM supply_failure WHERE batch_id = 96;
DELETE FROM order_event WHERE org_code::text IN ('H44010600021', 'H44010600022', 'H45010200021');
DELETE FROM purchase WHERE org_code::text IN ('H44010600021', 'H44010600022', 'H45010200021');
DELETE FROM agreement WHERE batch_id = 96;
DELETE FROM volume_report WHERE batch_id = 96;
DELETE FROM selection WHERE batch_id = 96;
DELETE FROM batch WHERE batch_id = 96;
DELETE FROM product WHERE group_code::text IN ('XC10AAA997A001', 'XC10AAA998A001');
DELETE FROM generic_group WHERE group_code::text IN ('XC10AAA997A001', 'XC10AAA998A001');
DELETE FROM institution WHERE org_code::text IN ('H44010600021', 'H44010600022', 'H45010200021');

-- vbp.order_line_track, the one-pass reduction of a line's events, alone.
-- 100 ordered; events given out of order: partial confirmation of 80 (day
-- 1), delivered 10 (day 3, event 1) and 30 (day 3, event 2), cancelled 20
-- (day 4), delivered 60 (day 5).  Need 100 - 20 = 80; deliveries so far 10,
-- 40, 100: full on day 5.  Delivered 100, cancelled 20, first delivery day 3.
SELECT (t).* FROM (
  SELECT order_line_track(100, e, d, n, q) AS t
  FROM (VALUES ('delivered', date '2024-03-05', '3', 60::bigint), ('partially_confirmed', '2024-03-01', '1', 80),
               ('cancelled', '2024-03-04', '1', 20), ('delivered', '2024-03-03', '2', 30),
               ('delivered', '2024-03-03', '1', 10)) v(e, d, n, q)) s;
-- a line without events (an outer join's NULL row): no response, 0 delivered, never full
SELECT (order_line_track(5, NULL, NULL, NULL, NULL)).*;
-- refused: an unknown event, an infinite date, a date missing
SELECT order_line_track(5, 'shipped', date '2024-03-01', '1', 1);
SELECT order_line_track(5, 'delivered', date 'infinity', '1', 1);
SELECT order_line_track(5, 'delivered', NULL, '1', 1);
-- a day's events are taken together: 10 ordered, delivered 10 and sent back 10 (-10) on
-- 2024-03-01 under one event number: net 0 at the day's end, never full, in either order
-- of the two rows; delivered 10 again on 03-02: full on 03-02
SELECT (order_line_track(10, e, d, n, q ORDER BY k)).full_on AS given_in_order,
       (order_line_track(10, e, d, n, q ORDER BY k DESC)).full_on AS given_reversed
FROM (VALUES (1, 'delivered', date '2024-03-01', 'D', 10::bigint), (2, 'delivered', '2024-03-01', 'D', -10)) v(k, e, d, n, q);
SELECT (order_line_track(10, e, d, n, q ORDER BY k)).full_on AS given_in_order,
       (order_line_track(10, e, d, n, q ORDER BY k DESC)).full_on AS given_reversed
FROM (VALUES (1, 'delivered', date '2024-03-01', 'D1', 10::bigint), (2, 'delivered', '2024-03-01', 'D2', -10),
             (3, 'delivered', '2024-03-02', 'D3', 10)) v(k, e, d, n, q);
-- an event without a number comes after every number of its day, as ORDER BY happened_on,
-- event_no: confirmed (E1) then refused (no number) on 03-01, so the latest is refused
SELECT (order_line_track(10, e, d, n, NULL)).response AS latest,
       (array_agg(e ORDER BY d, n))[2] AS by_order_by
FROM (VALUES ('confirmed', date '2024-03-01', 'E1'), ('refused', '2024-03-01', NULL)) v(e, d, n);
-- the rows of one line must give the same units ordered (10 and 20 here): refused (22023)
-- rather than decided by whichever row comes first
SELECT try_sql($$SELECT vbp.order_line_track(o, 'delivered', d, n, 5) FROM (VALUES (10::bigint, date '2024-03-01', 'A'), (20, '2024-03-02', 'B')) v(o, d, n)$$) AS units_ordered_differ;
-- totals past bigint: 22003, the message saying what is out of range
SELECT try_sql($$SELECT vbp.order_line_track(10, 'delivered', d, n, q) FROM (VALUES (date '2024-03-01', 'A', 9223372036854775807::bigint), ('2024-03-02', 'B', 1)) v(d, n, q)$$) AS units_overflow;
-- parallel: 20,000 random lines of 1 to 6 events, serial against 2 workers
-- with the states serialised, shipped and combined (partial aggregation by line)
CREATE TABLE olt_events AS
SELECT l AS line, (ARRAY['confirmed', 'partially_confirmed', 'refused', 'delivered', 'cancelled'])[1 + (abs(hashint4(l * 7 + k)) % 5)] AS e,
       date '2024-01-01' + abs(hashint4(l * 13 + k)) % 30 AS d, (abs(hashint4(l + k)) % 3)::text AS n,
       (abs(hashint4(l * 31 + k)) % 40 + 1)::bigint AS q
FROM generate_series(1, 20000) l, generate_series(1, 1 + abs(hashint4(l)) % 6) k;
UPDATE olt_events SET q = NULL WHERE e IN ('confirmed', 'refused');
ANALYZE olt_events;
CREATE TEMP TABLE olt_serial AS SELECT line, order_line_track(50, e, d, n, q) AS t FROM olt_events GROUP BY line;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT line, order_line_track(50, e, d, n, q) FROM olt_events GROUP BY line;
SELECT count(*) AS lines, count(*) FILTER (WHERE p.t IS NOT DISTINCT FROM s.t) AS equal_to_serial,
       count(*) FILTER (WHERE (s.t).full_on IS NOT NULL) > 1000 AS many_full
FROM (SELECT line, order_line_track(50, e, d, n, q) AS t FROM olt_events GROUP BY line) p JOIN olt_serial s USING (line);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
RESET enable_hashagg;
DROP TABLE olt_events;

-- ---------- edge cases of the order lines and the score (a fixture rolled back) ----------
-- batch 95 from 2025-01-01; group G with winners S1 (company K1) and S2 (K2), N not selected;
-- institutions A and B in Guangdong 440106, C in Guangxi 450102; delivery_days 2, stockout_days 7
BEGIN;
INSERT INTO batch (batch_id, name, cycle_start, ratio_rule_set) VALUES (95, 'b95', '2025-01-01', 'batch7');
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC10AAA996A001', 'g96'), ('XC10AAA995A001', 'g95');
INSERT INTO product (product_code, group_code, company, company_name) VALUES
  ('XC10AAA996A001010109961', 'XC10AAA996A001', '91110108551385082Q', 'K1'),
  ('XC10AAA996A001010209962', 'XC10AAA996A001', '91350100M000100Y43', 'K2'),
  ('XC10AAA996A001010309963', 'XC10AAA996A001', NULL, 'N'),
  ('XC10AAA995A001010109951', 'XC10AAA995A001', '91110108551385082Q', 'K1');
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume) VALUES
  (95, 'XC10AAA996A001010109961', true, 1.00, 0.50, 2, 100), (95, 'XC10AAA996A001010209962', true, 1.00, 0.60, 2, 100),
  (95, 'XC10AAA995A001010109951', true, 1.00, 0.50, 1, 100);
INSERT INTO institution (org_code, name, level, division) VALUES
  ('H44010600031', 'A', 'tertiary', '440106'), ('H44010600032', 'B', 'tertiary', '440106'), ('H45010200031', 'C', 'tertiary', '450102');
-- E1: S1 at A ordered 06-01 (due 06-03), never answered, nothing delivered: as of 06-30 late and
--     open past its deadline (both true, not NULL)
-- E3: S1 at A ordered 06-28, due 06-30 = D, nothing yet: not late, not open past its deadline (false)
-- R1: S2 at C ordered 06-01, confirmed 06-01, refused 06-20, nothing delivered: closed on the refusal
--     (06-20, not the confirmation of 06-01): a stock-out of 19 days > 7, one episode, not ongoing
-- E5: S1 at B 100 ordered 06-01, confirmed 06-01, 40 delivered 06-02, refused 06-05: the rest is
--     refused, so closed 06-05, not open past its deadline; 4 days: no stock-out; late (not in full
--     by 06-03)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no) VALUES
  ('H44010600031', 'XC10AAA996A001010109961', '2025-06-01', 10, '10.00', 'E1', '1'),
  ('H44010600031', 'XC10AAA996A001010109961', '2025-06-28', 10, '10.00', 'E3', '1'),
  ('H45010200031', 'XC10AAA996A001010209962', '2025-06-01', 10, '10.00', 'R1', '1'),
  ('H44010600032', 'XC10AAA996A001010109961', '2025-06-01', 100, '100.00', 'E5', '1');
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity) VALUES
  ('H45010200031', 'R1', '1', 'confirmed', '1', '2025-06-01', NULL), ('H45010200031', 'R1', '1', 'refused', '1', '2025-06-20', NULL),
  ('H44010600032', 'E5', '1', 'confirmed', '1', '2025-06-01', NULL), ('H44010600032', 'E5', '1', 'delivered', 'D1', '2025-06-02', 40),
  ('H44010600032', 'E5', '1', 'refused', '1', '2025-06-05', NULL);
SELECT order_no, due_on, response, delivered, closed_on, late, open_past_deadline
FROM order_line_supply_for('2025-06-30') WHERE order_no IN ('E1', 'E3', 'R1', 'E5') ORDER BY order_no;
SELECT org_code, started_on, ended_on, duration_days, lines, ongoing FROM stockout_episodes_for('2025-06-30')
WHERE org_code IN ('H44010600031', 'H44010600032', 'H45010200031') ORDER BY 1, 2;
-- K2's score: R1 judged (closed), a problem (refused, nothing delivered): rate 1 of 1; one
-- episode of 19 days: 100 - 2 - 100 - 0.2 x 19 < 0 -> 0.00.  K1: E1 (late), E5 (late), judged
-- both, E3 not due: 2 of 2 = 1.0; its episode E1 (06-01 to 06-30, ongoing, 29 days):
-- 100 - 2 - 100 - 5.8 -> 0.00
SELECT company_name, lines, lines_due, problems, problem_rate, episodes, stockout_days, score
FROM supply_score_for('2025-06-30') WHERE batch_id = 95 ORDER BY company_name;
-- refusals before their due date are judged too: P2 and P3 of S2 at B, ordered 06-29 (due 07-01)
-- and refused the same day, and P1 delivered in full on time: 2 problems of 3 judged = 0.666667
-- (not 2 of 1); K2 then also has R1: 3 of 4 = 0.75
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no) VALUES
  ('H44010600032', 'XC10AAA996A001010209962', '2025-06-01', 10, '10.00', 'P1', '1'),
  ('H44010600032', 'XC10AAA996A001010209962', '2025-06-29', 10, '10.00', 'P2', '1'),
  ('H44010600032', 'XC10AAA996A001010209962', '2025-06-29', 10, '10.00', 'P3', '1');
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity) VALUES
  ('H44010600032', 'P1', '1', 'delivered', 'D1', '2025-06-02', 10),
  ('H44010600032', 'P2', '1', 'refused', '1', '2025-06-29', NULL), ('H44010600032', 'P3', '1', 'refused', '1', '2025-06-29', NULL);
SELECT company_name, lines, lines_due, problems, problem_rate FROM supply_score_for('2025-06-30') WHERE batch_id = 95 AND company_name = 'K2';
-- a refusal of the rest after a part delivered is a problem too, before its due date: P4 of S2
-- at B, 10 ordered 06-29 (due 07-01), 4 delivered and the rest refused the same day: judged (closed
-- 06-29) and a problem, as P2 and P3 are: K2 4 problems of 5 judged = 0.800000 (3 of 5 = 0.6 if the
-- part delivered excused it until its due date)
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no) VALUES
  ('H44010600032', 'XC10AAA996A001010209962', '2025-06-29', 10, '10.00', 'P4', '1');
INSERT INTO order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity) VALUES
  ('H44010600032', 'P4', '1', 'delivered', 'D1', '2025-06-29', 4), ('H44010600032', 'P4', '1', 'refused', '1', '2025-06-29', NULL);
SELECT company_name, lines, lines_due, problems, problem_rate FROM supply_score_for('2025-06-30') WHERE batch_id = 95 AND company_name = 'K2';
DELETE FROM order_event WHERE order_no = 'P4';
DELETE FROM purchase WHERE order_no = 'P4';
-- the days up to an infinite date cannot be counted: 22023 (the line report answers)
SELECT try_sql($$SELECT count(*) FROM vbp.stockout_episodes_for('infinity')$$) AS episodes_at_infinity,
       (SELECT count(*) FROM order_line_supply_for('infinity') WHERE order_no = 'E3') AS lines_at_infinity;
-- a score's points are not negative
SELECT copy_rule_set('vbp.parameter', 'national', 'neg-weight') AS copied;
SELECT split_part(try_sql($$UPDATE vbp.parameter SET value = -5 WHERE rule_set = 'neg-weight' AND name = 'supply_score_per_problem_pct'$$), ' (', 1) AS negative_points;
-- a failure moved to a product of another group keeps no backup of the old group: S1's failure in
-- Guangdong with backup N (group G) cannot become a failure of S3 (group G95)
INSERT INTO supply_failure (failure_id, batch_id, product_code, division, from_date, to_date, verified_on)
VALUES (95, 95, 'XC10AAA996A001010109961', '44', '2025-06-01', '2025-06-30', '2025-06-02');
INSERT INTO supply_backup VALUES (95, 'XC10AAA996A001010309963');
SELECT split_part(try_sql($$UPDATE vbp.supply_failure SET product_code = 'XC10AAA995A001010109951' WHERE failure_id = 95$$), ' (', 1) AS moved_failure;
-- A's agreement for G (600 units, 2025) and 200 units of N bought on 06-10 under the failure: 200
-- backup units; once N is recorded as selected in batch 95 (a correction of the results), its
-- purchases count as selected already, and as backups no more (not 400 selected, -200 other)
INSERT INTO volume_report (batch_id, org_code, group_code, baseline_volume, reported_volume, reported_on)
VALUES (95, 'H44010600031', 'XC10AAA996A001', 1000, 1000, '2024-12-01');
INSERT INTO agreement (batch_id, org_code, group_code, agreed_volume, cycle_start, cycle_end)
VALUES (95, 'H44010600031', 'XC10AAA996A001', 600, '2025-01-01', '2025-12-31');
INSERT INTO purchase (org_code, product_code, purchased_on, quantity, amount) VALUES
  ('H44010600031', 'XC10AAA996A001010309963', '2025-06-10', 200, '200.00');
SELECT org_code, group_code, units FROM backup_purchases('2025-06-30') WHERE batch_id = 95;
INSERT INTO selection (batch_id, product_code, selected, reference_price, selected_price, winners, pre_volume)
VALUES (95, 'XC10AAA996A001010309963', true, 1.00, 0.80, 3, 100);
SELECT count(*) AS backup_rows_once_selected FROM backup_purchases('2025-06-30') WHERE batch_id = 95;
ROLLBACK;
