-- Triggers for existing databases: the traceability-code fraud guard on a
-- user's own dispensing tables.  Concurrency is tested in test/concurrency/.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;
-- the messages name the transaction time of the first sighting: masked here
CREATE FUNCTION pg_temp.try_masked(stmt text) RETURNS text LANGUAGE sql
  AS $$ SELECT regexp_replace(public.try_sql(stmt), 'recorded at [^)]*\.\)', 'recorded at <time>.)') $$;

-- a hospital's own table, codes as text, and a pharmacy chain's, codes as vbp.tracecode
CREATE TABLE public.his_dispense (id int PRIMARY KEY, dept text, code text, sold_on date);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.his_dispense
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code', 'dept', 'sold_on');
CREATE TABLE public.chain_sale (sale_id int PRIMARY KEY, shop text, trace_code vbp.tracecode, sold_at date);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.chain_sale
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('alert', 'trace_code', 'shop', 'sold_at');

-- a new code passes and is recorded once, with where and when
INSERT INTO his_dispense VALUES (1, 'oncology', '81234560000000000001', '2024-05-01');
SELECT trace_code, first_table, first_where, first_when FROM trace_sighting;
-- the same code again: 23505, naming the code and where and when it was first seen
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (2, 'pharmacy', '81234560000000000001', '2024-05-03')$$) AS repeat;
SELECT count(*) AS rows_kept FROM his_dispense;
-- a multi-row insert with a repeat inside it: nothing of it is written
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (3, 'a', '81234560000000000002', '2024-05-04'),
                                                       (4, 'b', '81234560000000000002', '2024-05-04')$$) AS repeat_within;
SELECT count(*) AS rows_after, (SELECT count(*) FROM trace_sighting) AS sightings FROM his_dispense;
-- a rolled-back first sighting leaves the code free
BEGIN;
INSERT INTO his_dispense VALUES (5, 'icu', '81234560000000000003', '2024-05-05');
ROLLBACK;
INSERT INTO his_dispense VALUES (5, 'icu', '81234560000000000003', '2024-05-06');
-- NULL codes pass; malformed codes are refused as input errors
INSERT INTO his_dispense VALUES (6, 'icu', NULL, '2024-05-06');
SELECT try_sql($$INSERT INTO public.his_dispense VALUES (7, 'icu', '8123456000000000000X', '2024-05-06')$$) AS malformed;
-- an UPDATE keeping the code is not a new sighting; changing it to a seen code is refused
UPDATE his_dispense SET dept = 'oncology 2' WHERE id = 1;
SELECT pg_temp.try_masked($$UPDATE public.his_dispense SET code = '81234560000000000003' WHERE id = 1$$) AS update_to_seen;
UPDATE his_dispense SET code = '81234560000000000004' WHERE id = 6;

-- across tables: the chain sells a code the hospital dispensed; alert mode lets it through
INSERT INTO chain_sale VALUES (1, 'shop 9', '81234560000000000001', '2024-06-01'),
                              (2, 'shop 9', '81234560000000000009', '2024-06-01'),
                              (3, 'shop 2', '81234560000000000009', '2024-06-02');
SELECT count(*) AS sales FROM chain_sale;
SELECT trace_code, seen_table, seen_where, seen_when FROM trace_alert ORDER BY alert_id;
SELECT trace_code, first_table, first_where, first_when FROM trace_sighting ORDER BY trace_code;

-- the guard does not depend on the writer's search_path
SET search_path = public;
SELECT pg_temp.try_masked($$INSERT INTO public.his_dispense VALUES (8, 'er', '81234560000000000009', '2024-06-03')$$) AS without_vbp_on_path;
SET search_path = public, vbp;

-- misattached triggers are refused with a clear error
CREATE TABLE public.bad_guard (id int, trace_code text);
CREATE TRIGGER g1 AFTER INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS after_trigger;
DROP TRIGGER g1 ON public.bad_guard;
CREATE TRIGGER g2 BEFORE INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('block');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS unknown_mode;
DROP TRIGGER g2 ON public.bad_guard;
CREATE TRIGGER g3 BEFORE INSERT ON public.bad_guard FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS missing_column;
DROP TRIGGER g3 ON public.bad_guard;
CREATE TRIGGER g4 BEFORE INSERT ON public.bad_guard FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard('reject');
SELECT try_sql($$INSERT INTO public.bad_guard VALUES (1, '81234560000000000010')$$) AS statement_trigger;
SELECT try_sql($$SELECT vbp.tracecode_guard()$$) AS called_directly;

-- every check is one probe of the sightings' primary key, never a scan: the key
-- serves an equality on a tracecode (with sequential scans priced out, so the
-- answer does not depend on how few sightings the statistics say there are;
-- without a usable index the plan would still be a Seq Scan)
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT 1 FROM vbp.trace_sighting WHERE trace_code = '81234560000000000001';
RESET enable_seqscan;

DROP TABLE public.his_dispense, public.chain_sale, public.bad_guard;
TRUNCATE vbp.trace_sighting, vbp.trace_alert;
SELECT setval('vbp.trace_alert_id_seq', 1, false);
