-- Triggers for existing databases: the traceability-code guard on a hospital's
-- own receiving and dispensing tables (doc/triggers.md).  Concurrency is tested
-- in test/concurrency/tracecode.sh, the least-privilege writer in security.sql.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
-- the messages name transaction times and ages: masked here
CREATE FUNCTION pg_temp.try_masked(stmt text) RETURNS text LANGUAGE sql
  AS $$ SELECT regexp_replace(regexp_replace(public.try_sql(stmt), 'recorded at [^);]*', 'recorded at <time>', 'g'),
                              '[0-9.]+ days ago', '<n> days ago') $$;
CREATE FUNCTION pg_temp.states() RETURNS TABLE (code text, state text, site text, units_out int, units_total int,
                                                sales int, returns int, violations int, first_table text, first_when text)
  LANGUAGE sql AS $$ SELECT trace_code::text, state, site, units_out, units_total, sales, returns, violations, first_table, first_when
                     FROM vbp.trace_code_state ORDER BY trace_code $$;
CREATE FUNCTION pg_temp.alerts() RETURNS TABLE (code text, violation text, level text, attempt int, seen_table text, seen_where text,
                                                seen_on date, units int, earlier_state text, earlier_site text, same_site boolean,
                                                units_out int, units_total int)
  LANGUAGE sql AS $$ SELECT trace_code::text, violation, level, attempt, seen_table, seen_where, seen_on, units, earlier_state,
                            earlier_site, same_site, units_out, units_total FROM vbp.trace_alert ORDER BY alert_id $$;
CREATE FUNCTION pg_temp.reset() RETURNS void LANGUAGE sql
  AS $$ TRUNCATE vbp.trace_code_state, vbp.trace_alert; SELECT setval('vbp.trace_alert_id_seq', 1, false); $$;

-- =====================================================================
-- 1. The positional form of earlier versions: dispensing only, no receiving
--    gate, rows without a code pass (mode, code column, site column, when column)
-- =====================================================================
CREATE TABLE public.his_dispense (id int PRIMARY KEY, dept text, code text, sold_on date);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.his_dispense
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code', 'dept', 'sold_on');
CREATE TABLE public.chain_sale (sale_id int PRIMARY KEY, shop text, trace_code vbp.tracecode, sold_at date);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.chain_sale
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('alert', 'trace_code', 'shop', 'sold_at');
SELECT vbp.tracecode_guard_options(oid) FROM pg_trigger WHERE tgrelid = 'public.his_dispense'::regclass;

-- a new code passes and is recorded as dispensed, with where and when
INSERT INTO his_dispense VALUES (1, 'oncology', '81234560000000000001', '2024-05-01');
SELECT * FROM pg_temp.states();
-- the same code again at the same site: repeat_sale, 23505, naming where and when it was first seen
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (2, 'oncology', '81234560000000000001', '2024-05-03')$$) AS repeat;
-- at another department: other_site, 23505
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (2, 'pharmacy', '81234560000000000001', '2024-05-03')$$) AS elsewhere;
SELECT count(*) AS rows_kept FROM his_dispense;
-- a multi-row insert with a repeat inside it: nothing of it is written
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (3, 'a', '81234560000000000002', '2024-05-04'),
                                                       (4, 'a', '81234560000000000002', '2024-05-04')$$) AS repeat_within;
SELECT count(*) AS rows_after, (SELECT count(*) FROM trace_code_state) AS codes FROM his_dispense;
-- a rolled-back first sale leaves the code free
BEGIN;
INSERT INTO his_dispense VALUES (5, 'icu', '81234560000000000003', '2024-05-05');
ROLLBACK;
INSERT INTO his_dispense VALUES (5, 'icu', '81234560000000000003', '2024-05-06');
-- NULL codes pass in this form; malformed codes are refused as input errors
INSERT INTO his_dispense VALUES (6, 'icu', NULL, '2024-05-06');
SELECT try_sql($$INSERT INTO public.his_dispense VALUES (7, 'icu', '8123456000000000000X', '2024-05-06')$$) AS malformed;
-- an UPDATE keeping the code is a re-sync, not a sale; changing it to a code sold
-- elsewhere is refused; a code added to a row without one is a sale
UPDATE his_dispense SET dept = dept WHERE id = 1;
SELECT pg_temp.try_masked($$UPDATE public.his_dispense SET code = '81234560000000000003' WHERE id = 1$$) AS update_to_seen;
UPDATE his_dispense SET code = '81234560000000000004' WHERE id = 6;
-- (a BEFORE trigger sees no DELETE: codes 1, 3 and 4 stay dispensed, 1 sale each)
SELECT * FROM pg_temp.states();

-- across tables: the chain sells a code the hospital dispensed; alert mode lets it through
INSERT INTO chain_sale VALUES (1, 'shop 9', '81234560000000000001', '2024-06-01'),
                              (2, 'shop 9', '81234560000000000009', '2024-06-01'),
                              (3, 'shop 2', '81234560000000000009', '2024-06-02');
SELECT count(*) AS sales FROM chain_sale;
-- code 1: held by oncology, sold at shop 9: other_site, the code's first violation;
-- code 9: sold at shop 9, then at shop 2: other_site
SELECT * FROM pg_temp.alerts();

-- the guard does not depend on the writer's search_path
SET search_path = public;
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (8, 'er', '81234560000000000009', '2024-06-03')$$) AS without_vbp_on_path;
SET search_path = public, vbp;
DROP TABLE public.his_dispense, public.chain_sale;
SELECT pg_temp.reset();

-- =====================================================================
-- 2. Receiving and dispensing under the national rules (rules=national):
--    a code is received once, dispensed where it was received, and only
--    after it was received
-- =====================================================================
CREATE TABLE public.his_receipt (id serial PRIMARY KEY, org text, code text, received_on date);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.his_receipt
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('event=receive', 'code=code', 'site=org', 'when=received_on');
CREATE TABLE public.his_sale (id serial PRIMARY KEY, org text, code text, sold_on date, qty numeric,
                              drug text, drug_class text, setting text, stock text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.his_sale
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'when=sold_on', 'units=qty', 'drug=drug',
                                                    'class=drug_class', 'setting=setting', 'stock=stock');

INSERT INTO his_receipt (org, code, received_on) VALUES
  ('H1', '81234560000000000101', '2025-07-01'), ('H1', '81234560000000000102', '2025-07-01'),
  ('H1', '81234560000000000103', '2025-07-01');
-- received twice (here at another hospital): received_twice, 23505
SELECT pg_temp.try_masked($$INSERT INTO public.his_receipt (org, code, received_on) VALUES ('H2', '81234560000000000101', '2025-07-02')$$) AS received_twice;
-- never received: not_received, 23514
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000199', '2025-07-02')$$) AS not_received;
-- received at H1, sold at H2: other_site, 23505
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H2', '81234560000000000101', '2025-07-02')$$) AS other_site;
-- sold at H1: passes; sold again: repeat_sale
INSERT INTO his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000101', '2025-07-02');
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000101', '2025-07-03')$$) AS repeat_sale;
-- a receipt cancelled (deleted) before any sale frees the code; H2 may then receive it
DELETE FROM his_receipt WHERE code = '81234560000000000103';
INSERT INTO his_receipt (org, code, received_on) VALUES ('H2', '81234560000000000103', '2025-07-03');
-- a receipt of a code already sold is not undone by deleting it
DELETE FROM his_receipt WHERE code = '81234560000000000101';
SELECT code, state, site, units_out, units_total, sales FROM pg_temp.states();

-- =====================================================================
-- 3. Split packs (拆零): a box of 10 tablets, its code recorded at each sale
-- =====================================================================
INSERT INTO generic_group (group_code, generic_name) VALUES ('XC09AAD123A009', '示例拆零片')
  ON CONFLICT DO NOTHING;
INSERT INTO product (product_code, group_code, units_per_pack) VALUES
  ('XC09AAD123A009010100111', 'XC09AAD123A009', 10), ('XC09AAD123A009010100222', 'XC09AAD123A009', 30);
-- identification code 8123457 is this product's pack (小码) of 10 units
INSERT INTO trace_product (product_id, product_code, package_level) VALUES ('8123457', 'XC09AAD123A009010100111', 'small');
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234570000000000001', '2025-07-01');
-- 4 + 4 = 8 of 10 units: both pass
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES
  ('H1', '81234570000000000001', '2025-07-05', 4, 'XC09AAD123A009010100111'),
  ('H1', '81234570000000000001', '2025-07-06', 4, 'XC09AAD123A009010100111');
-- 8 + 3 = 11 > 10: repeat_sale, naming 8 of 10 units sold
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-07', 3, 'XC09AAD123A009010100111')$$) AS past_the_pack;
-- 8 + 2 = 10: passes; then 10 + 1 = 11: refused
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-07', 2, 'XC09AAD123A009010100111');
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-08', 1, 'XC09AAD123A009010100111')$$) AS one_more;
-- a refund of 3 tablets (a negative line, within the undo window): 10 - 3 = 7 sold; 3 may be sold again
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-08', -3, 'XC09AAD123A009010100111');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-09', 3, 'XC09AAD123A009010100111');
-- half a tablet uses a tablet: 10 + ceil(0.5) = 11: refused
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000001', '2025-07-09', 0.5, 'XC09AAD123A009010100111')$$) AS half_a_tablet;
-- 串码: the code's identification code belongs to ..111, dispensed as ..222: wrong_drug, 23514
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234570000000000002', '2025-07-01');
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000002', '2025-07-09', 1, 'XC09AAD123A009010100222')$$) AS wrong_drug;
-- without a mapping the pack size comes from the dispensed drug (..222: 30 units): 20 + 10 pass, 1 more does not
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234580000000000001', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234580000000000001', '2025-07-09', 20, 'XC09AAD123A009010100222'),
                                                         ('H1', '81234580000000000001', '2025-07-10', 10, 'XC09AAD123A009010100222');
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234580000000000001', '2025-07-11', 1, 'XC09AAD123A009010100222')$$) AS past_thirty;
SELECT code, state, site, units_out, units_total, sales, returns FROM pg_temp.states() WHERE code LIKE '812345%' AND code NOT LIKE '81234560%';
-- GS1 codes (imported packages) follow the same rules; one package typed any way is one code.
-- GTIN 06901234567892: check digit 10 - (3·9+8+3·7+6+3·5+4+3·3+2+3·1+0+3·9+6+3·0 = 128) mod 10 = 2
INSERT INTO trace_product (product_id, product_code, package_level, units) VALUES ('06901234567892', 'XC09AAD123A009010100111', 'small', 2);
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '(01)06901234567892(21)SN0001', '2025-07-01');
-- sold as the raw scan (symbology identifier, expiry, group separator): 1 of its 2 units
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', E']d2010690123456789217270630\x1d21SN0001', '2025-07-02', 1, 'XC09AAD123A009010100111');
-- typed with the elements in another order, 2 more units: 1 + 2 = 3 > 2
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '(21)SN0001(01)06901234567892', '2025-07-03', 2, 'XC09AAD123A009010100111')$$) AS gs1_past_the_pack;
-- dispensed as another drug: 串码 by its GTIN
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '(01)06901234567892(21)SN0001', '2025-07-03', 1, 'XC09AAD123A009010100222')$$) AS gs1_wrong_drug;
SELECT code, state, units_out, units_total, sales FROM pg_temp.states() WHERE code LIKE '(01)%';

-- =====================================================================
-- 4. Exemptions (vbp.trace_exemption, national): 住院拆零, 中药饮片 and 中药颗粒,
--    无码库 stock; a row without a code and without an exemption is missing_code (alert)
-- =====================================================================
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234560000000000201', '2025-07-01');
-- one box split for inpatients: three rows with its code, all pass
INSERT INTO his_sale (org, code, sold_on, qty, setting) VALUES
  ('H1', '81234560000000000201', '2025-07-10', 1, '住院拆零'), ('H1', '81234560000000000201', '2025-07-11', 1, '住院拆零'),
  ('H1', '81234560000000000201', '2025-07-12', 1, 'inpatient_split');
-- herbal pieces and pre-rule stock without codes pass silently; an ordinary row without a code is alerted
INSERT INTO his_sale (org, code, sold_on, drug_class) VALUES ('H1', NULL, '2025-07-12', '中药饮片'), ('H1', NULL, '2025-07-12', '中药颗粒');
INSERT INTO his_sale (org, code, sold_on, stock) VALUES ('H1', NULL, '2025-07-12', '无码库');
INSERT INTO his_sale (org, code, sold_on) VALUES ('H1', NULL, '2025-07-13');
-- an exempt code at another site is not exempt there (the exemption covers the rows, not the code)
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H2', '81234560000000000201', '2025-07-13')$$) AS exempt_elsewhere;
-- nor does an exempt row receive a code: an ordinary sale of a code only an
-- exempt row has seen is not_received (rejected nationally), here and at the same site
INSERT INTO his_sale (org, code, sold_on, qty, setting) VALUES ('H1', '81234560000000000209', '2025-07-10', 1, '住院拆零');
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000209', '2025-07-11')$$) AS exempt_row_receives_nothing;
SELECT code, state, site, sales FROM pg_temp.states() WHERE code = '81234560000000000201';
SELECT code, violation, level, attempt, seen_where, seen_on FROM pg_temp.alerts();

-- =====================================================================
-- 5. Returns and the undo window (trace_undo_window_days = 10, national)
-- =====================================================================
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234560000000000301', '2025-07-01'), ('H1', '81234560000000000302', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000301', '2025-07-14'), ('H1', '81234560000000000302', '2025-07-14');
-- a cancelled sale (DELETE) within the window frees the code: state returned, no alert
DELETE FROM his_sale WHERE code = '81234560000000000301';
-- the package back in stock is sold again at the same site
INSERT INTO his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000301', '2025-07-15');
-- eleven days later (the sale's time moved back by the vbp owner): the return is late_return, alerted, and frees the code
UPDATE vbp.trace_code_state SET dispensed_at = now() - interval '11 days' WHERE trace_code = '81234560000000000302';
DELETE FROM his_sale WHERE code = '81234560000000000302';
-- a return at another site (a negative line at H2) is late_return too, whatever the time
INSERT INTO his_sale (org, code, sold_on, qty) VALUES ('H2', '81234560000000000301', '2025-07-16', -1);
-- the window counts from the code's latest sale: a split pack first sold 30 days
-- ago, sold again now and that line cancelled at once, is an ordinary return
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234560000000000303', '2025-07-01'), ('H1', '81234560000000000304', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234560000000000303', '2025-07-02', 4, 'XC09AAD123A009010100222'),
                                                         ('H1', '81234560000000000304', '2025-07-02', 10, 'XC09AAD123A009010100222');
UPDATE vbp.trace_code_state SET dispensed_at = now() - interval '30 days' WHERE trace_code IN ('81234560000000000303', '81234560000000000304');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234560000000000303', '2025-08-01', 2, 'XC09AAD123A009010100222');
DELETE FROM his_sale WHERE code = '81234560000000000303' AND sold_on = '2025-08-01';
-- an UPDATE that sells fewer units of the same line returns the difference:
-- 30 days after the sale it is late_return like a return line, and a return
UPDATE his_sale SET qty = 1 WHERE code = '81234560000000000304';
SELECT code, state, site, units_out, sales, returns, violations FROM pg_temp.states() WHERE code LIKE '812345600000000003%';
SELECT code, violation, level, attempt, seen_where, units, earlier_state, earlier_site, same_site, units_out, units_total
FROM pg_temp.alerts() WHERE violation = 'late_return';
-- under a rule set that rejects late returns, the DELETE itself is refused
SELECT vbp.copy_rule_set('vbp.trace_rule', 'national', 'strict-returns');
SELECT vbp.copy_rule_set('vbp.parameter', 'national', 'strict-returns') > 0 AS parameters_copied;
UPDATE vbp.trace_rule SET action = 'reject' WHERE rule_set = 'strict-returns' AND violation = 'late_return';
CREATE TABLE public.strict_sale (id serial PRIMARY KEY, org text, code text);
CREATE TRIGGER guard AFTER INSERT OR DELETE ON public.strict_sale
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'rules=strict-returns', 'receiving=none');
INSERT INTO strict_sale (org, code) VALUES ('H1', '81234560000000000401');
UPDATE vbp.trace_code_state SET dispensed_at = now() - interval '30 days' WHERE trace_code = '81234560000000000401';
SELECT pg_temp.try_masked($$DELETE FROM public.strict_sale WHERE code = '81234560000000000401'$$) AS late_return_refused;
SELECT count(*) AS kept FROM strict_sale;
-- an unknown rule set fails loudly, naming it
CREATE TRIGGER guard2 AFTER INSERT ON public.strict_sale FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'rules=atlantis');
SELECT try_sql($$INSERT INTO public.strict_sale (org, code) VALUES ('H1', '81234560000000000402')$$) AS unknown_rule_set;
DROP TABLE public.strict_sale;

-- =====================================================================
-- 6. Upserts and re-syncs, with the statement form (vbp.attach_tracecode_guard)
-- =====================================================================
CREATE TABLE public.his_line (line_id int PRIMARY KEY, org text, code text, qty int, sold_on date, synced_at timestamptz);
SELECT vbp.attach_tracecode_guard('public.his_line', 'code=code', 'site=org', 'when=sold_on', 'units=qty', 'receiving=none');
INSERT INTO his_line VALUES (1, 'H1', '81234560000000000501', 1, '2025-07-20', now());
-- an idempotent re-sync of the same line: DO NOTHING changes nothing
INSERT INTO his_line VALUES (1, 'H1', '81234560000000000501', 1, '2025-07-20', now()) ON CONFLICT (line_id) DO NOTHING;
-- DO UPDATE of the same line with the same code: a re-sync, not a second sale
INSERT INTO his_line VALUES (1, 'H1', '81234560000000000501', 1, '2025-07-20', now())
  ON CONFLICT (line_id) DO UPDATE SET synced_at = excluded.synced_at, qty = excluded.qty;
-- a code proposed by an upsert that did nothing was never sold: its first real sale passes
INSERT INTO his_line VALUES (1, 'H1', '81234560000000000502', 1, '2025-07-20', now()) ON CONFLICT (line_id) DO NOTHING;
INSERT INTO his_line VALUES (2, 'H1', '81234560000000000502', 1, '2025-07-20', now());
-- a code correction through DO UPDATE: ..501 is freed (returned), ..503 sold
INSERT INTO his_line VALUES (1, 'H1', '81234560000000000503', 1, '2025-07-20', now())
  ON CONFLICT (line_id) DO UPDATE SET code = excluded.code;
-- the freed code is sold on another line
INSERT INTO his_line VALUES (3, 'H1', '81234560000000000501', 1, '2025-07-21', now());
-- a whole re-sync of every line changes nothing
UPDATE his_line SET synced_at = now();
SELECT code, state, units_out, sales, returns, violations FROM pg_temp.states() WHERE code LIKE '812345600000000005%';
-- two lines' codes swapped in one UPDATE (a scanning mix-up corrected): the statement's
-- old rows return their codes before its new rows sell them, so it passes; each package
-- stays where it is, one sale, no return, no violation
INSERT INTO his_line VALUES (4, 'H1', '81234560000000000511', 1, '2025-07-21', now()), (5, 'H1', '81234560000000000512', 1, '2025-07-21', now());
UPDATE his_line SET code = CASE line_id WHEN 4 THEN '81234560000000000512' ELSE '81234560000000000511' END WHERE line_id IN (4, 5);
SELECT code, state, units_out, sales, returns, violations FROM pg_temp.states() WHERE code IN ('81234560000000000511', '81234560000000000512');
DELETE FROM his_line WHERE line_id IN (4, 5);
-- a bulk statement of 1,000 fresh codes with one repeat inside: nothing of it is written
SELECT pg_temp.try_masked($$INSERT INTO public.his_line SELECT 1000 + i, 'H1', '8123459' || lpad(least(i, 999)::text, 13, '0'), 1, '2025-07-22', now()
                            FROM generate_series(1, 1000) i$$) AS bulk_with_repeat;
SELECT count(*) AS lines FROM his_line;
-- without the repeat: 1,000 codes recorded by one statement, in one batch
INSERT INTO his_line SELECT 1000 + i, 'H1', '8123459' || lpad(i::text, 13, '0'), 1, '2025-07-22', now() FROM generate_series(1, 1000) i;
SELECT count(*) AS bulk_codes, sum(sales) AS bulk_sales FROM trace_code_state WHERE trace_code::text LIKE '8123459%';
-- deleting them frees them all (within the window): 1,000 returned
DELETE FROM his_line WHERE line_id > 1000;
SELECT state, count(*) FROM trace_code_state WHERE trace_code::text LIKE '8123459%' GROUP BY 1;

-- an UPDATE of 100 lines in one statement: 50 lines get their first code (they were
-- uncoded 无码库 stock), 50 change theirs; the 100 new codes are sold once each, the 50 old returned
CREATE TABLE public.his_fix (line_id int PRIMARY KEY, org text, code text, stock text);
SELECT vbp.attach_tracecode_guard('public.his_fix', 'code=code', 'site=org', 'stock=stock', 'receiving=none');
INSERT INTO his_fix SELECT i, 'H1', CASE WHEN i % 2 = 0 THEN '8123461' || lpad(i::text, 13, '0') END,
                           CASE WHEN i % 2 = 1 THEN '无码库' END FROM generate_series(1, 100) i;
UPDATE his_fix SET code = '8123462' || lpad(line_id::text, 13, '0'), stock = NULL;
SELECT substr(trace_code::text, 1, 7) AS prefix, state, sales, returns, count(*)
FROM trace_code_state WHERE trace_code::text LIKE '812346%' GROUP BY 1, 2, 3, 4 ORDER BY 1;
-- changing a refund line of -3 into a sale of +3 on a full pack of 10 (7 sold after the refund):
-- undoing the refund sells 3 back (10), the new sale 3 more (13 > 10): repeat_sale
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234570000000000009', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000009', '2025-07-20', 10, 'XC09AAD123A009010100111'),
                                                         ('H1', '81234570000000000009', '2025-07-21', -3, 'XC09AAD123A009010100111');
SELECT pg_temp.try_masked($$UPDATE public.his_sale SET qty = 3 WHERE code = '81234570000000000009' AND qty = -3$$) AS refund_turned_sale;
-- deleting an exempt row gives back no unit of a pack sold whole
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234560000000000701', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000701', '2025-07-20');
INSERT INTO his_sale (org, code, sold_on, setting) VALUES ('H1', '81234560000000000701', '2025-07-21', '住院拆零');
DELETE FROM his_sale WHERE code = '81234560000000000701' AND setting IS NOT NULL;
SELECT pg_temp.try_masked($$INSERT INTO public.his_sale (org, code, sold_on) VALUES ('H1', '81234560000000000701', '2025-07-22')$$) AS exempt_return_frees_nothing;
-- the drug column as the HIS spells it (lower case, padded) is the same drug: no 串码
INSERT INTO his_receipt (org, code, received_on) VALUES ('H1', '81234570000000000010', '2025-07-01');
INSERT INTO his_sale (org, code, sold_on, qty, drug) VALUES ('H1', '81234570000000000010', '2025-07-22', 2, ' xc09aad123a009010100111 ');
SELECT code, state, units_out, units_total FROM pg_temp.states() WHERE code = '81234570000000000010';
DROP TABLE public.his_fix;

-- corrections of lines, in both forms (a row trigger, then the statement triggers), on
-- packs of 10 (prefix 8123457) and whole packs of 1 (prefix 8123456)
CREATE TABLE public.his_corr (line_id int PRIMARY KEY, org text, code text, qty numeric, drug text);
CREATE TABLE public.his_dup (line_id int PRIMARY KEY, org text, code text);
CREATE TRIGGER g AFTER INSERT OR UPDATE OR DELETE ON public.his_corr FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'units=qty', 'drug=drug', 'receiving=none');
CREATE TRIGGER g AFTER INSERT OR UPDATE OR DELETE ON public.his_dup FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'mode=alert', 'receiving=none');
-- (the codes of the row form end in 08nn, of the statement form in 09nn)
CREATE FUNCTION pg_temp.corrections(form text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
  r record;
  f text := CASE form WHEN 'row' THEN '8' ELSE '9' END;
BEGIN
  TRUNCATE public.his_corr, public.his_dup;
  -- a refund line corrected: sold 10, refunded 3 (7), sold 3 (10 of 10); the refund raised to 5
  -- returns 2 more: 10 - 2 = 8 of 10, a return counted (2 returns: the refund line and its rise)
  INSERT INTO public.his_corr VALUES (1, 'H1', '81234570000000000' || f || '01', 10, 'XC09AAD123A009010100111');
  INSERT INTO public.his_corr VALUES (2, 'H1', '81234570000000000' || f || '01', -3, 'XC09AAD123A009010100111');
  INSERT INTO public.his_corr VALUES (3, 'H1', '81234570000000000' || f || '01', 3, 'XC09AAD123A009010100111');
  UPDATE public.his_corr SET qty = -5 WHERE line_id = 2;
  SELECT * INTO r FROM pg_temp.states() WHERE code = '81234570000000000' || f || '01';
  RETURN NEXT format('%s refund -3 to -5: %s %s of %s, %s sales, %s returns', form, r.state, r.units_out, r.units_total, r.sales, r.returns);
  -- lowered to 1: the refund now gives back 4 fewer: 8 + 4 = 12 > 10, refused (the pair
  -- is the new refund's return of 1, 8 - 1 = 7, then the old refund's 5 undone)
  RETURN NEXT form || ' refund -5 to -1: ' || pg_temp.try_masked($$UPDATE public.his_corr SET qty = -1 WHERE line_id = 2$$);
  -- a line voided to 0 units sells none: 4 of 10, then 0; a sale of 1 after it is 1 of 10
  INSERT INTO public.his_corr VALUES (4, 'H1', '81234570000000000' || f || '02', 4, 'XC09AAD123A009010100111');
  UPDATE public.his_corr SET qty = 0 WHERE line_id = 4;
  INSERT INTO public.his_corr VALUES (5, 'H1', '81234570000000000' || f || '02', 1, 'XC09AAD123A009010100111');
  SELECT * INTO r FROM pg_temp.states() WHERE code = '81234570000000000' || f || '02';
  RETURN NEXT format('%s voided line then 1: %s %s of %s, %s sales', form, r.state, r.units_out, r.units_total, r.sales);
  -- a sale line of 4 made a refund of 4: the sale is undone, the refund returns what is
  -- left (nothing): returned, 0 of 10, 1 sale, 1 return
  INSERT INTO public.his_corr VALUES (6, 'H1', '81234570000000000' || f || '03', 4, 'XC09AAD123A009010100111');
  UPDATE public.his_corr SET qty = -4 WHERE line_id = 6;
  SELECT * INTO r FROM pg_temp.states() WHERE code = '81234570000000000' || f || '03';
  RETURN NEXT format('%s sale 4 made refund -4: %s %s of %s, %s sales, %s returns', form, r.state, r.units_out, r.units_total, r.sales, r.returns);
  -- units that are not a count are refused, not read as a whole pack
  RETURN NEXT form || ' NaN: ' || try_sql(format($$INSERT INTO public.his_corr VALUES (7, 'H1', '81234570000000000%s04', 'NaN', NULL)$$, f));
  -- one site however a row spells it: the institution code in lower case and padded is H11010100001
  INSERT INTO public.his_corr VALUES (8, ' h11010100001 ', '81234570000000000' || f || '05', 2, NULL);
  INSERT INTO public.his_corr VALUES (9, 'H11010100001', '81234570000000000' || f || '05', 2, NULL);
  SELECT * INTO r FROM pg_temp.states() WHERE code = '81234570000000000' || f || '05';
  RETURN NEXT format('%s site spelt two ways: %s at %s, %s of %s', form, r.state, r.site, r.units_out, r.units_total);
  -- alert mode: a pack sold twice (alerted), the second line cancelled: the first line
  -- still holds it (1 of 1), so a third sale is alerted again (2 repeat_sale alerts)
  INSERT INTO public.his_dup VALUES (1, 'H1', '81234560000000000' || f || '01');
  INSERT INTO public.his_dup VALUES (2, 'H1', '81234560000000000' || f || '01');
  DELETE FROM public.his_dup WHERE line_id = 2;
  SELECT * INTO r FROM pg_temp.states() WHERE code = '81234560000000000' || f || '01';
  RETURN NEXT format('%s resale cancelled: %s %s of %s', form, r.state, r.units_out, r.units_total);
  INSERT INTO public.his_dup VALUES (3, 'H1', '81234560000000000' || f || '01');
  RETURN NEXT format('%s third sale: %s repeat_sale alerts', form,
                     (SELECT count(*) FROM vbp.trace_alert WHERE trace_code = ('81234560000000000' || f || '01')::vbp.tracecode AND violation = 'repeat_sale'));
END $f$;
SELECT * FROM pg_temp.corrections('row');
DROP TRIGGER g ON public.his_corr;
DROP TRIGGER g ON public.his_dup;
SELECT vbp.attach_tracecode_guard('public.his_corr', 'code=code', 'site=org', 'units=qty', 'drug=drug', 'receiving=none');
SELECT vbp.attach_tracecode_guard('public.his_dup', 'code=code', 'site=org', 'mode=alert', 'receiving=none');
SELECT * FROM pg_temp.corrections('statement');
DROP TABLE public.his_corr, public.his_dup;

-- =====================================================================
-- 7. Alerts with context and escalation (mode=alert: the rule set's rejections become alerts)
-- =====================================================================
CREATE TABLE public.pharmacy_sale (id serial PRIMARY KEY, shop text, trace_code vbp.tracecode, sold_on date);
SELECT vbp.attach_tracecode_guard('public.pharmacy_sale', 'site=shop', 'when=sold_on', 'mode=alert', 'receiving=none');
-- one code sold four times: at S1 (first sale), S1 again (repeat_sale, attempt 1), S2 (other_site, attempt 2),
-- S2 again (the code stays S1's: other_site, attempt 3 = trace_escalate_after, escalated)
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S1', '81234560000000000601', '2025-07-01');
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S1', '81234560000000000601', '2025-07-02');
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S2', '81234560000000000601', '2025-07-03');
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S2', '81234560000000000601', '2025-08-04');
SELECT code, violation, level, attempt, seen_table, seen_where, seen_on, earlier_state, earlier_site, same_site, units_out, units_total
FROM pg_temp.alerts() WHERE code = '81234560000000000601';

-- =====================================================================
-- 8. Each code's sales, the public check, the alert rate
-- =====================================================================
SELECT trace_code, product_id, drug, state, sales, returns, units_out, units_total, violations, sales_class, sales_class_zh
FROM vbp.trace_code_sales
WHERE trace_code IN ('81234560000000000601', '81234570000000000001', '81234560000000000301', '81234560000000000201')
ORDER BY trace_code;
SELECT * FROM vbp.trace_code_check('81234560000000000601');
SELECT * FROM vbp.trace_code_check('81234560000000000102');
SELECT * FROM vbp.trace_code_check('81234560000000000999');
-- his_sale rows kept with a code, by site and month of sold_on (rolled-back rows are gone):
--   H1, July: 101 (1) + split ..001 (4 sales + 1 refund line = 5) + ..580 (2) + ..201 (3) + ..301 (sold 07-14, deleted;
--   sold again 07-15 = 1) + ..302 (deleted: 0) + the GS1 package (1) + ..009 (the sale and the refund line the
--   refused UPDATE left, 2) + ..701 (its sale; the exempt row deleted, 1) + ..010 (1) + ..209 (the exempt row;
--   its ordinary sale refused, 1) + ..303 (sold 07-02; the 08-01 line deleted, 1) + ..304 (sold 07-02, its units
--   lowered, 1) = 20;
--   H2, July: the refund line of ..301 = 1
-- alerts by site and month of the row's date: H1 July: missing_code (07-13) + late_return ..302 (the deleted row's
--   07-14) + late_return ..304 (the lowered line's 07-02) = 3 of 20 = 0.150000;  H2 July: late_return ..301 = 1 of 1;
-- pharmacy_sale: S1 July 2 scans, 1 alert (0.5); S2 July 1 scan, 1 alert; S2 August 1 scan, 1 alert, escalated
SELECT * FROM vbp.trace_alert_rate_for('2025-07-01', '2025-08-31') ORDER BY 1, 2, 3;

-- =====================================================================
-- 9. Misattached triggers and bad options are refused with a clear error
-- =====================================================================
CREATE TABLE public.bad_guard (id int, trace_code text);
CREATE TRIGGER g1 BEFORE INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('block');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS unknown_mode;
DROP TRIGGER g1 ON public.bad_guard;
CREATE TRIGGER g2 BEFORE INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('code=code');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS missing_column;
DROP TRIGGER g2 ON public.bad_guard;
CREATE TRIGGER g3 AFTER INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('colour=red');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS unknown_option;
DROP TRIGGER g3 ON public.bad_guard;
CREATE TRIGGER g4 BEFORE INSERT ON public.bad_guard FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard();
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS before_statement;
DROP TRIGGER g4 ON public.bad_guard;
CREATE TRIGGER g5 AFTER INSERT ON public.bad_guard FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard();
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS without_transition_table;
DROP TRIGGER g5 ON public.bad_guard;
SELECT try_sql($$SELECT vbp.attach_tracecode_guard('public.bad_guard', 'receiving')$$) AS attach_without_value;
SELECT try_sql($$SELECT vbp.tracecode_guard()$$) AS called_directly;
SELECT vbp.detach_tracecode_guard('public.his_line');
SELECT count(*) AS guard_triggers_left FROM pg_trigger WHERE tgrelid = 'public.his_line'::regclass AND NOT tgisinternal;

-- every code is found by the primary key, never a scan (sequential scans priced out,
-- so the answer does not depend on the statistics; without the key it would be a Seq Scan)
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT 1 FROM vbp.trace_code_state WHERE trace_code = ANY ('{81234560000000000001}');
RESET enable_seqscan;

-- =====================================================================
-- 10. How the states are written: straight into vbp.trace_code_state and its
--     index (as COPY writes), through INSERT .. ON CONFLICT where the store is
--     not the plain table the guard knows
-- =====================================================================
SELECT pg_temp.reset();
-- 10,001 rows in one statement are two batches (10,000 rows, then 1); the last
-- row repeats the first row's code: the first batch wrote it, the second finds
-- its key taken, reads it under its lock and alerts a repeat sale at the same shop.
-- 10,000 codes, 10,001 sales, 1 violation; 9,999 codes as sold once (the
-- repeated one has 2 units out); one alert, attempt 1
INSERT INTO pharmacy_sale (shop, trace_code, sold_on)
SELECT 'S9', '8123456' || lpad((900000 + CASE WHEN g = 10001 THEN 1 ELSE g END)::text, 13, '0'), '2025-09-01'
FROM generate_series(1, 10001) g;
SELECT count(*) AS codes, sum(sales) AS sales, sum(violations) AS violations,
       count(*) FILTER (WHERE state = 'dispensed' AND site = 'S9' AND first_table = 'public.pharmacy_sale'
                        AND first_when = '2025-09-01' AND units_out = 1 AND dispensed_at = first_seen_at
                        AND received_at IS NULL) AS as_sold
FROM vbp.trace_code_state;
SELECT code, violation, level, attempt, seen_where, earlier_state, earlier_site, same_site FROM pg_temp.alerts();
-- a column the guard does not know (its default set after it was added, so the
-- rows already there have none): codes go through SQL; the new one gets the
-- default, the other (the bulk's second code) is a repeat sale
ALTER TABLE vbp.trace_code_state ADD COLUMN checked text;
ALTER TABLE vbp.trace_code_state ALTER COLUMN checked SET DEFAULT 'through SQL';
INSERT INTO pharmacy_sale (shop, trace_code, sold_on)
VALUES ('S9', '81234560000000900002', '2025-09-02'), ('S9', '81234560000000990001', '2025-09-02');
SELECT trace_code, state, sales, violations, checked FROM vbp.trace_code_state
WHERE trace_code IN ('81234560000000900002', '81234560000000990001') ORDER BY 1;
-- dropped again: straight into the store
ALTER TABLE vbp.trace_code_state DROP COLUMN checked;
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S9', '81234560000000990002', '2025-09-03');
SELECT trace_code, state, site, sales, first_when FROM vbp.trace_code_state WHERE trace_code = '81234560000000990002';
SELECT count(*) AS alerts FROM vbp.trace_alert;
-- a batch formats each site and date once and shares the text among its rows
-- (a table by value, 1,024 slots): 3,000 rows of 3,000 dates and 1,500 shops
-- fill it and evict; every state still holds its own row's shop and date
-- (row g: shop 'M' || g % 1500, date 2015-01-01 + g days)
INSERT INTO pharmacy_sale (shop, trace_code, sold_on)
SELECT 'M' || (g % 1500), '8123457' || lpad(g::text, 13, '0'), date '2015-01-01' + g
FROM generate_series(1, 3000) g;
SELECT count(*) AS codes,
       count(*) FILTER (WHERE site = 'M' || (right(trace_code::text, 13)::int % 1500)
                          AND first_when = (date '2015-01-01' + right(trace_code::text, 13)::int)::text) AS own_shop_and_date,
       count(DISTINCT site) AS shops, count(DISTINCT first_when) AS dates
FROM vbp.trace_code_state WHERE trace_code::text LIKE '8123457%';
-- the store's own CHECK constraints hold by construction and are not evaluated
-- again on the straight path; a constraint someone else added is: a site
-- forbidden by it refuses the statement (23514), nothing of it kept
ALTER TABLE vbp.trace_code_state ADD CONSTRAINT not_s8 CHECK (site <> 'S8');
\set VERBOSITY terse
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S8', '81234560000000990003', '2025-09-03');
\set VERBOSITY default
ALTER TABLE vbp.trace_code_state DROP CONSTRAINT not_s8;
-- a constraint is the store's own by its name and its expression: a CHECK
-- added without a name on units_out takes the own constraint's name
-- (trace_code_state_units_out_check) and, with another expression, is
-- evaluated on new rows (NOT VALID: the rows there stay): a sale leaves
-- units_out at 1 or more, which it forbids (23514)
ALTER TABLE vbp.trace_code_state DROP CONSTRAINT trace_code_state_units_out_check;
ALTER TABLE vbp.trace_code_state ADD CHECK (units_out >= 0 AND units_out < 1) NOT VALID;
SELECT conname FROM pg_constraint WHERE conrelid = 'vbp.trace_code_state'::regclass AND conname LIKE '%units_out%';
\set VERBOSITY terse
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S7', '81234560000000990005', '2025-09-03');
\set VERBOSITY default
ALTER TABLE vbp.trace_code_state DROP CONSTRAINT trace_code_state_units_out_check;
ALTER TABLE vbp.trace_code_state ADD CHECK (units_out >= 0);
-- and a name with a shard's suffix is a shard's only on a shard
ALTER TABLE vbp.trace_code_state ADD CONSTRAINT trace_code_state_units_out_check_2 CHECK (site <> 'S77');
\set VERBOSITY terse
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S77', '81234560000000990005', '2025-09-03');
\set VERBOSITY default
ALTER TABLE vbp.trace_code_state DROP CONSTRAINT trace_code_state_units_out_check_2;
-- the store's own constraints back: the sale is accepted, one state
INSERT INTO pharmacy_sale (shop, trace_code, sold_on) VALUES ('S7', '81234560000000990005', '2025-09-03');
SELECT trace_code, state, site, units_out FROM vbp.trace_code_state WHERE trace_code = '81234560000000990005';
-- and a NOT NULL added to a column the guard may leave empty (when= not given
-- leaves first_when NULL) is reported as PostgreSQL reports it (23502)
ALTER TABLE vbp.trace_code_state ALTER COLUMN first_when SET NOT NULL;
CREATE TABLE public.no_when (shop text, trace_code text);
SELECT vbp.attach_tracecode_guard('public.no_when', 'code=trace_code', 'site=shop', 'receiving=none');
\set VERBOSITY terse
INSERT INTO public.no_when VALUES ('S9', '81234560000000990004');
\set VERBOSITY default
ALTER TABLE vbp.trace_code_state ALTER COLUMN first_when DROP NOT NULL;
INSERT INTO public.no_when VALUES ('S9', '81234560000000990004');
SELECT trace_code, state, site, first_table, first_when FROM vbp.trace_code_state
WHERE trace_code IN ('81234560000000990003', '81234560000000990004') ORDER BY 1;
DROP TABLE public.no_when;

-- =====================================================================
-- 11. Receipts are counted (入库次数): a cancelled duplicate receipt takes
--     back its own receipt, not the first one
-- =====================================================================
SELECT pg_temp.reset();
CREATE TABLE public.rk (id int PRIMARY KEY, org text, code text, drug text, rk_on date);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.rk FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('event=receive', 'code=code', 'site=org', 'when=rk_on', 'drug=drug', 'mode=alert');
CREATE TABLE public.fy (id int PRIMARY KEY, org text, code text, fy_on date);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.fy FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'when=fy_on', 'mode=alert');
CREATE FUNCTION pg_temp.receipts() RETURNS TABLE (code text, state text, site text, receipts int, sales int, violations int)
  LANGUAGE sql AS $$ SELECT trace_code::text, state, site, receipts, sales, violations
                     FROM vbp.trace_code_state WHERE trace_code::text LIKE '8123458%' ORDER BY trace_code $$;
-- A received at H1 (1 receipt), received again at H1 (received_twice alerted, 2
-- receipts, 1 violation), the duplicate deleted: 1 receipt, still received at H1
-- (before receipts were counted the delete removed the state, and the sale below
-- was alerted not_received)
INSERT INTO rk VALUES (1, 'H1', '81234580000000000001', NULL, '2025-10-01');
INSERT INTO rk VALUES (2, 'H1', '81234580000000000001', NULL, '2025-10-02');
SELECT * FROM pg_temp.receipts();
DELETE FROM rk WHERE id = 2;
-- expected: ..001 received H1, receipts 1, sales 0, violations 1
SELECT * FROM pg_temp.receipts();
-- its sale at H1 passes without an alert: dispensed H1, receipts 1, sales 1
INSERT INTO fy VALUES (1, 'H1', '81234580000000000001', '2025-10-03');
-- a receiving line re-sent (its drug corrected, code and site kept) is no second
-- receipt, even after a sale: receipts stay 1, no alert (before, received_twice)
UPDATE rk SET drug = 'XC09AAD123A009010100111' WHERE id = 1;
-- B received once and cancelled before any sale: freed (no state), as before;
-- H2 may then receive it: received H2, receipts 1, no alert
INSERT INTO rk VALUES (3, 'H1', '81234580000000000002', NULL, '2025-10-01');
DELETE FROM rk WHERE id = 3;
SELECT count(*) AS b_states FROM vbp.trace_code_state WHERE trace_code = '81234580000000000002';
INSERT INTO rk VALUES (4, 'H2', '81234580000000000002', NULL, '2025-10-04');
-- C received at H1, then at H2 (received_twice alerted, 2 receipts, the code
-- stays at H1); H2's row deleted: 1 receipt, received at H1; H1's row deleted:
-- 0 receipts, nothing sold, H1's own row: freed (no state)
INSERT INTO rk VALUES (5, 'H1', '81234580000000000003', NULL, '2025-10-01');
INSERT INTO rk VALUES (6, 'H2', '81234580000000000003', NULL, '2025-10-02');
DELETE FROM rk WHERE id = 6;
SELECT * FROM pg_temp.receipts() WHERE code = '81234580000000000003';
DELETE FROM rk WHERE id = 5;
-- expected: ..001 dispensed H1, receipts 1, sales 1, violations 1; ..002 received
-- H2, receipts 1, sales 0, violations 0; no ..003
SELECT * FROM pg_temp.receipts();
-- two alerts: received_twice of ..001 (H1 after H1) and of ..003 (H2 after H1)
SELECT code, violation, seen_where, earlier_state, earlier_site, same_site FROM pg_temp.alerts();
-- the statement form: D received twice in one statement (1 alert, 2 receipts),
-- one of its rows deleted (1 receipt), then the other (0: freed)
CREATE TABLE public.rk_bulk (id int PRIMARY KEY, org text, code text);
SELECT vbp.attach_tracecode_guard('public.rk_bulk', 'event=receive', 'code=code', 'site=org', 'mode=alert');
INSERT INTO rk_bulk VALUES (1, 'H1', '81234580000000000004'), (2, 'H1', '81234580000000000004');
SELECT * FROM pg_temp.receipts() WHERE code = '81234580000000000004';
DELETE FROM rk_bulk WHERE id = 2;
SELECT * FROM pg_temp.receipts() WHERE code = '81234580000000000004';
DELETE FROM rk_bulk WHERE id = 1;
SELECT count(*) AS d_states FROM vbp.trace_code_state WHERE trace_code = '81234580000000000004';
-- through SQL (a column added to the store): E received twice counts 2 receipts
-- (INSERT .. ON CONFLICT writes the first, the UPDATE the second)
ALTER TABLE vbp.trace_code_state ADD COLUMN extra text;
INSERT INTO rk VALUES (7, 'H1', '81234580000000000005', NULL, '2025-10-05');
INSERT INTO rk VALUES (8, 'H1', '81234580000000000005', NULL, '2025-10-06');
ALTER TABLE vbp.trace_code_state DROP COLUMN extra;
-- expected: ..005 received H1, receipts 2, violations 1
SELECT * FROM pg_temp.receipts() WHERE code = '81234580000000000005';
-- the per-code view shows the count
SELECT trace_code, state, receipts, sales, sales_class FROM vbp.trace_code_sales
WHERE trace_code::text LIKE '8123458%' ORDER BY 1;
DROP TABLE public.rk, public.fy, public.rk_bulk;

-- =====================================================================
-- 12. Options are checked when the guard is attached (vbp.tracecode_guard_check),
--     by the parser the trigger uses: nothing is created when one is wrong
-- =====================================================================
CREATE TABLE public.opt_check (id int, trace_code text, org text);
-- an unknown column: 42703; a mode that is neither reject nor alert: 22023;
-- a rule set vbp.trace_rule does not have: 22023
SELECT try_sql($$SELECT vbp.attach_tracecode_guard('public.opt_check', 'code=nope')$$) AS unknown_column;
SELECT try_sql($$SELECT vbp.attach_tracecode_guard('public.opt_check', 'site=org', 'mode=off')$$) AS bad_mode;
SELECT try_sql($$SELECT vbp.attach_tracecode_guard('public.opt_check', 'rules=nosuch')$$) AS unknown_rule_set;
-- expected: 0 triggers
SELECT count(*) AS triggers_created FROM pg_trigger WHERE tgrelid = 'public.opt_check'::regclass AND NOT tgisinternal;
-- a row trigger's options (CREATE TRIGGER checks none of them) are checked by
-- calling the check with them: good options, the positional form, pass; a null
-- option is refused (22023)
SELECT vbp.tracecode_guard_check('public.opt_check', 'event=receive', 'site=org', 'rules=national') AS good_options;
SELECT vbp.tracecode_guard_check('public.opt_check', 'alert', 'trace_code', 'org') AS positional_form;
SELECT try_sql($$SELECT vbp.tracecode_guard_check('public.opt_check', 'site=org', NULL)$$) AS null_option;
SELECT try_sql($$SELECT vbp.tracecode_guard_check('public.opt_check', 'when=nope')$$) AS unknown_when_column;
-- good options attach: 3 triggers
SELECT vbp.attach_tracecode_guard('public.opt_check', 'site=org', 'mode=alert', 'receiving=none');
SELECT count(*) AS triggers_created FROM pg_trigger WHERE tgrelid = 'public.opt_check'::regclass AND NOT tgisinternal;
DROP TABLE public.opt_check;

DROP TABLE public.his_receipt, public.his_sale, public.his_line, public.pharmacy_sale, public.bad_guard;
DELETE FROM trace_product;
DELETE FROM product WHERE group_code = 'XC09AAD123A009';
DELETE FROM generic_group WHERE group_code = 'XC09AAD123A009';
DELETE FROM vbp.trace_rule WHERE rule_set = 'strict-returns';
DELETE FROM vbp.parameter WHERE rule_set = 'strict-returns';
SELECT pg_temp.reset();
