\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- The traceability-code guard (追溯码监管) for existing databases: attach
-- vbp.tracecode_guard to a hospital's receiving and dispensing tables
-- (doc/triggers.md).  Each code's life (received, dispensed with its units,
-- returned, exempt) is kept in vbp.trace_code_state; what a violation does is
-- in vbp.trace_rule, the exempt rows in vbp.trace_exemption (policy area).
-- =====================================================================

CREATE TABLE vbp.trace_product (
  product_id     text PRIMARY KEY CHECK (product_id ~ '^([0-9]{7}|[0-9]{14})$'),
  product_code   vbp.drugcode NOT NULL REFERENCES vbp.product,
  package_level  text NOT NULL DEFAULT 'small' CHECK (package_level IN ('large', 'medium', 'small')),
  units          int CHECK (units > 0),
  load_id        bigint
);
-- row-level security: published reference data: every tenant reads it
ALTER TABLE vbp.trace_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.trace_product FOR SELECT USING (true);
CREATE INDEX trace_product_drug ON vbp.trace_product (product_code);
COMMENT ON TABLE vbp.trace_product IS
  'Which drug a traceability code belongs to (追溯码药品标识码对照): the code''s product identification (its first 7 digits, or the GTIN-14 of a GS1 code) to the insurance drug code; the guard refuses a code dispensed as another drug (串码) and takes a split pack''s units from here';
COMMENT ON COLUMN vbp.trace_product.product_id IS 'Drug identification code (药品标识码, 7 digits) or GTIN-14, as vbp.product_code(tracecode) gives it';
COMMENT ON COLUMN vbp.trace_product.product_code IS 'Insurance drug code (医保药品代码) of the product';
COMMENT ON COLUMN vbp.trace_product.package_level IS 'Packaging level the identification code marks: large (大码, case), medium (中码) or small (小码, the pack a patient gets)';
COMMENT ON COLUMN vbp.trace_product.units IS 'Smallest dosage units in one package of this level; NULL: the product''s units_per_pack';
COMMENT ON COLUMN vbp.trace_product.load_id IS 'The load (vbp.load) that last wrote the row; NULL when written otherwise';
COMMENT ON INDEX vbp.trace_product_drug IS 'Identification codes of a drug';
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_product', '');
CREATE TRIGGER trace_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vbp.trace_product
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.trace_rules_changed();
COMMENT ON TRIGGER trace_rules_changed ON vbp.trace_product IS 'Makes the traceability-code guard read whether codes are mapped again';

CREATE TABLE vbp.trace_code_state (
  trace_code     vbp.tracecode PRIMARY KEY,
  state          text NOT NULL CHECK (state IN ('received', 'dispensed', 'returned', 'exempt')),
  site           text,
  units_out      int NOT NULL DEFAULT 0 CHECK (units_out >= 0),
  units_total    int NOT NULL DEFAULT 1 CHECK (units_total > 0),
  sales          int NOT NULL DEFAULT 0,
  returns        int NOT NULL DEFAULT 0,
  violations     int NOT NULL DEFAULT 0,
  receipts       int NOT NULL DEFAULT 0 CHECK (receipts >= 0),
  first_table    text NOT NULL,
  first_when     text,
  received_at    timestamptz,
  dispensed_at   timestamptz,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 90);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.trace_code_state ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE vbp.trace_code_state IS
  'The life of each traceability code (追溯码状态) as vbp.tracecode_guard has seen it: received, dispensed (with the units sold of a split pack), returned or exempt; the primary key decides, under concurrency, which writer changes a code first';
COMMENT ON COLUMN vbp.trace_code_state.trace_code IS 'Traceability code';
COMMENT ON COLUMN vbp.trace_code_state.state IS 'received (入库), dispensed (已发药: some or all units sold), returned (已退药: every sold unit returned, back in stock at the site), exempt (豁免: seen only on exempt rows)';
COMMENT ON COLUMN vbp.trace_code_state.site IS 'The site holding the code: the one that received it, or that first dispensed it (the guard''s site= column, as text)';
COMMENT ON COLUMN vbp.trace_code_state.units_out IS 'Units of the pack sold and not returned (拆零已售)';
COMMENT ON COLUMN vbp.trace_code_state.units_total IS 'Units in the pack (from vbp.trace_product, else the dispensed drug''s units_per_pack, else 1)';
COMMENT ON COLUMN vbp.trace_code_state.sales IS 'Dispensing rows that carried the code (销售次数), exempt ones included';
COMMENT ON COLUMN vbp.trace_code_state.returns IS 'Returns and cancellations of its sales (退药次数)';
COMMENT ON COLUMN vbp.trace_code_state.receipts IS 'Receiving rows of the code that stand (入库次数): each receiving row counts one, a duplicate too (alerted or allowed), each cancelled one takes one back, a re-sent line (an UPDATE keeping code and site) none; the code leaves the store when none is left and nothing of it was sold';
COMMENT ON COLUMN vbp.trace_code_state.violations IS 'Violations recorded against the code (alerted or allowed); rejected attempts roll back with their statement';
COMMENT ON COLUMN vbp.trace_code_state.first_table IS 'Table of the first row with the code (schema-qualified)';
COMMENT ON COLUMN vbp.trace_code_state.first_when IS 'The first row''s when= column, as text';
COMMENT ON COLUMN vbp.trace_code_state.received_at IS 'Transaction time of the receiving';
COMMENT ON COLUMN vbp.trace_code_state.dispensed_at IS 'Transaction time of the latest sale of the current dispensing (the undo window counts from here)';
COMMENT ON COLUMN vbp.trace_code_state.first_seen_at IS 'Transaction time of the first sighting';
COMMENT ON COLUMN vbp.trace_code_state.last_seen_at IS 'Transaction time of the last change';
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_code_state', '');

CREATE SEQUENCE vbp.trace_alert_id_seq;
COMMENT ON SEQUENCE vbp.trace_alert_id_seq IS 'Identifiers of traceability-code alerts';
CREATE TABLE vbp.trace_alert (
  alert_id       bigint NOT NULL DEFAULT nextval('vbp.trace_alert_id_seq'),
  trace_code     vbp.tracecode,
  violation      text NOT NULL CHECK (violation IN ('repeat_sale', 'other_site', 'not_received', 'received_twice',
                                                    'wrong_drug', 'late_return', 'missing_code')),
  level          text NOT NULL CHECK (level IN ('warning', 'escalated')),
  attempt        int NOT NULL,
  seen_table     text NOT NULL,
  seen_where     text,
  seen_when      text,
  seen_on        date,
  units          int,
  earlier_state  text,
  earlier_site   text,
  same_site      boolean,
  units_out      int,
  units_total    int,
  drug           text,
  code_drug      text,
  seen_at        timestamptz NOT NULL DEFAULT now()
);
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.trace_alert ENABLE ROW LEVEL SECURITY;
ALTER SEQUENCE vbp.trace_alert_id_seq OWNED BY vbp.trace_alert.alert_id;
-- the key leads with the code, so that on Citus the alerts are distributed by
-- code beside the codes' states (a missing_code alert has no code; its
-- alert_id is unique through the sequence)
CREATE UNIQUE INDEX trace_alert_code ON vbp.trace_alert (trace_code, alert_id);
CREATE INDEX trace_alert_where ON vbp.trace_alert (seen_where, seen_on);
COMMENT ON TABLE vbp.trace_alert IS
  'A row let through by vbp.tracecode_guard although it breaks a traceability-code rule whose action is alert (追溯码预警), with the code''s state before it';
COMMENT ON COLUMN vbp.trace_alert.alert_id IS 'Identifier (from vbp.trace_alert_id_seq; on Citus each node draws from its own range)';
COMMENT ON COLUMN vbp.trace_alert.trace_code IS 'Traceability code (NULL for missing_code)';
COMMENT ON COLUMN vbp.trace_alert.violation IS 'The rule broken (vbp.trace_rule.violation)';
COMMENT ON COLUMN vbp.trace_alert.level IS 'warning, or escalated from the code''s trace_escalate_after-th violation on (升级)';
COMMENT ON COLUMN vbp.trace_alert.attempt IS 'Which violation of the code this is (1 for the first)';
COMMENT ON COLUMN vbp.trace_alert.seen_table IS 'Table of the row (schema-qualified)';
COMMENT ON COLUMN vbp.trace_alert.seen_where IS 'Its site= column, as text';
COMMENT ON COLUMN vbp.trace_alert.seen_when IS 'Its when= column, as text';
COMMENT ON COLUMN vbp.trace_alert.seen_on IS 'Its when= column as a date (vbp.ledger_date) when that column is a date or timestamp; else the transaction''s date';
COMMENT ON COLUMN vbp.trace_alert.units IS 'Units the row dispensed, received or returned';
COMMENT ON COLUMN vbp.trace_alert.earlier_state IS 'The code''s state before the row (NULL: never seen)';
COMMENT ON COLUMN vbp.trace_alert.earlier_site IS 'The site that held the code before the row';
COMMENT ON COLUMN vbp.trace_alert.same_site IS 'Whether that site is the row''s own (同机构) or another (跨机构)';
COMMENT ON COLUMN vbp.trace_alert.units_out IS 'Units of the pack sold before the row';
COMMENT ON COLUMN vbp.trace_alert.units_total IS 'Units in the pack';
COMMENT ON COLUMN vbp.trace_alert.drug IS 'The row''s drug= column (wrong_drug)';
COMMENT ON COLUMN vbp.trace_alert.code_drug IS 'The drug the code belongs to by vbp.trace_product (wrong_drug)';
COMMENT ON COLUMN vbp.trace_alert.seen_at IS 'Transaction time';
COMMENT ON INDEX vbp.trace_alert_code IS 'Alerts by code; the key (an alert is its code and its number)';
COMMENT ON INDEX vbp.trace_alert_where IS 'Alerts by site and day (the alert rate)';
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_alert', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_alert_id_seq', '');

CREATE FUNCTION vbp.tracecode_guard() RETURNS trigger
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_guard' LANGUAGE C;
COMMENT ON FUNCTION vbp.tracecode_guard() IS
  'Traceability-code guard (追溯码监管: 回流药, 串码, 拆零): a trigger for any receiving or dispensing table, AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW, or per statement with transition tables (vbp.attach_tracecode_guard) for bulk loads; options key=value: event (dispense or receive), code, site, when, units, drug, class, setting, stock columns, rules (rule set), mode (reject or alert overrides the rule set), receiving (watched or none); each change of a code''s state is decided under its row lock, exactly under concurrent writers';

CREATE FUNCTION vbp.tracecode_guard_check(tbl regclass, VARIADIC options text[] DEFAULT '{}') RETURNS void
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_guard_check' LANGUAGE C VOLATILE PARALLEL UNSAFE;
REVOKE EXECUTE ON FUNCTION vbp.tracecode_guard_check(regclass, text[]) FROM PUBLIC;
COMMENT ON FUNCTION vbp.tracecode_guard_check(regclass, text[]) IS
  'Checks the options of a traceability-code guard on a table (监管参数检查) as the trigger reads them, by the same code, without writing: an unknown column fails with 42703, a bad option or an unknown or incomplete rule set with 22023; vbp.attach_tracecode_guard calls it before it creates its triggers, and a row trigger made with CREATE TRIGGER, which is not checked until its first write, is checked by calling it with the trigger''s arguments';

CREATE FUNCTION vbp.attach_tracecode_guard(tbl regclass, VARIADIC options text[] DEFAULT '{}')
  RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  args text := (SELECT coalesce(string_agg(quote_literal(o), ', ' ORDER BY i), '')
                FROM unnest(options) WITH ORDINALITY AS u(o, i));
BEGIN
  IF EXISTS (SELECT FROM unnest(options) o WHERE o IS NULL OR position('=' IN o) = 0) THEN
    RAISE EXCEPTION 'invalid option for vbp.attach_tracecode_guard'
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every option is key=value, e.g. ''code=drug_trace_no''.';
  END IF;
  -- the options as the trigger will read them: a bad one fails now, not at the first write
  PERFORM vbp.tracecode_guard_check(tbl, VARIADIC options);
  EXECUTE format('CREATE TRIGGER vbp_tracecode_guard_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS vbp_new '
                 'FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard(%s)', tbl, args);
  EXECUTE format('CREATE TRIGGER vbp_tracecode_guard_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS vbp_old NEW TABLE AS vbp_new '
                 'FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard(%s)', tbl, args);
  EXECUTE format('CREATE TRIGGER vbp_tracecode_guard_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS vbp_old '
                 'FOR EACH STATEMENT EXECUTE FUNCTION vbp.tracecode_guard(%s)', tbl, args);
  RETURN format('vbp_tracecode_guard_insert, vbp_tracecode_guard_update, vbp_tracecode_guard_delete on %s', tbl);
END $$;
REVOKE EXECUTE ON FUNCTION vbp.attach_tracecode_guard(regclass, text[]) FROM PUBLIC;
COMMENT ON FUNCTION vbp.attach_tracecode_guard(regclass, text[]) IS
  'Attaches vbp.tracecode_guard to a table as three statement triggers with transition tables (批量监管): INSERT, UPDATE and DELETE, each checking its statement''s rows in batches; the options as for the guard (''code=drug_trace_no'', ''site=dept'', ...), checked first by vbp.tracecode_guard_check; needs the right to create triggers on the table; returns the trigger names';

CREATE FUNCTION vbp.detach_tracecode_guard(tbl regclass) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS vbp_tracecode_guard_insert ON %s', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS vbp_tracecode_guard_update ON %s', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS vbp_tracecode_guard_delete ON %s', tbl);
END $$;
COMMENT ON FUNCTION vbp.detach_tracecode_guard(regclass) IS
  'Drops the triggers vbp.attach_tracecode_guard created on a table (撤除监管); the codes'' states stay';
REVOKE EXECUTE ON FUNCTION vbp.detach_tracecode_guard(regclass) FROM PUBLIC;

-- ---------------------------------------------------------------------
-- Reading the states: per code, the public check, the alert rate
-- ---------------------------------------------------------------------
CREATE VIEW vbp.trace_code_sales WITH (security_invoker = true) AS
SELECT s.trace_code,
       vbp.product_code(s.trace_code) AS product_id,
       p.product_code::text AS drug,
       s.state,
       s.site,
       s.receipts,
       s.sales,
       s.returns,
       s.units_out,
       s.units_total,
       s.violations,
       CASE WHEN s.sales = 0 THEN 'not_sold' WHEN s.sales = 1 THEN 'one_sale' ELSE 'several_sales' END AS sales_class,
       CASE WHEN s.sales = 0 THEN '未销售' WHEN s.sales = 1 THEN '仅一次销售' ELSE '两次及以上销售' END AS sales_class_zh,
       s.first_table,
       s.first_when,
       s.first_seen_at,
       s.dispensed_at,
       s.last_seen_at
FROM vbp.trace_code_state s
LEFT JOIN vbp.trace_product p ON p.product_id = vbp.product_code(s.trace_code);
COMMENT ON VIEW vbp.trace_code_sales IS
  'Each traceability code with its sales (追溯码销售记录): how many dispensing rows carried it, returns, units of a split pack sold, and the public check''s class (仅一次销售 / 两次及以上销售); bookkeeping: the vbp owner and the bureau read it';
COMMENT ON COLUMN vbp.trace_code_sales.trace_code IS '追溯码 / traceability code';
COMMENT ON COLUMN vbp.trace_code_sales.product_id IS '药品标识码 / drug identification code (7 digits) or GTIN-14, code';
COMMENT ON COLUMN vbp.trace_code_sales.drug IS '医保药品代码 / insurance drug code the identification code belongs to (vbp.trace_product; NULL: not mapped), code';
COMMENT ON COLUMN vbp.trace_code_sales.state IS '状态 / received, dispensed, returned or exempt, label';
COMMENT ON COLUMN vbp.trace_code_sales.site IS '所在机构 / site holding the code, text';
COMMENT ON COLUMN vbp.trace_code_sales.receipts IS '入库次数 / receiving rows of the code that stand, count';
COMMENT ON COLUMN vbp.trace_code_sales.sales IS '销售次数 / dispensing rows that carried the code, count';
COMMENT ON COLUMN vbp.trace_code_sales.returns IS '退药次数 / returns and cancellations, count';
COMMENT ON COLUMN vbp.trace_code_sales.units_out IS '已售单位 / units of the pack sold and not returned, count';
COMMENT ON COLUMN vbp.trace_code_sales.units_total IS '包装单位数 / units in the pack, count';
COMMENT ON COLUMN vbp.trace_code_sales.violations IS '违规次数 / violations alerted or allowed, count';
COMMENT ON COLUMN vbp.trace_code_sales.sales_class IS '销售类别 / not_sold, one_sale or several_sales, label';
COMMENT ON COLUMN vbp.trace_code_sales.sales_class_zh IS '销售类别（中文） / 未销售, 仅一次销售, 两次及以上销售, label';
COMMENT ON COLUMN vbp.trace_code_sales.first_table IS '首次表 / table of the first row, text';
COMMENT ON COLUMN vbp.trace_code_sales.first_when IS '首次时间 / the first row''s when= column, text';
COMMENT ON COLUMN vbp.trace_code_sales.first_seen_at IS '首次记录时间 / transaction time of the first sighting, timestamp';
COMMENT ON COLUMN vbp.trace_code_sales.dispensed_at IS '发药时间 / transaction time of the current dispensing''s latest sale (the undo window counts from it), timestamp';
COMMENT ON COLUMN vbp.trace_code_sales.last_seen_at IS '最后变更时间 / transaction time of the last change, timestamp';

CREATE FUNCTION vbp.trace_code_check(code vbp.tracecode)
  RETURNS TABLE (trace_code vbp.tracecode, sales_class text, sales_class_zh text)
  LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  -- the classes of vbp.trace_code_sales; a code never seen is not sold
  SELECT code, coalesce(s.sales_class, 'not_sold'), coalesce(s.sales_class_zh, '未销售')
  FROM (SELECT 1) AS one
  LEFT JOIN vbp.trace_code_sales s ON s.trace_code OPERATOR(vbp.=) code;
END;
COMMENT ON FUNCTION vbp.trace_code_check(vbp.tracecode) IS
  'The public check of a traceability code (追溯码查询), as a patient scans it: not_sold, one_sale (仅一次销售) or several_sales (两次及以上销售), and nothing of where or when; any role may call it (SECURITY DEFINER over the bookkeeping)';

CREATE FUNCTION vbp.tracecode_guard_options(trigger_oid oid) RETURNS jsonb
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  raw bytea;
  args text[] := '{}';
  pos int := 0;
  opt jsonb := '{}';
  a text;
BEGIN
  SELECT t.tgargs INTO raw FROM pg_trigger t
  WHERE t.oid = trigger_oid AND t.tgfoid = 'vbp.tracecode_guard()'::regprocedure;
  IF raw IS NULL THEN
    RETURN NULL;
  END IF;
  FOR i IN 0 .. length(raw) - 1 LOOP
    IF get_byte(raw, i) = 0 THEN
      args := args || convert_from(substring(raw FROM pos + 1 FOR i - pos), 'UTF8');
      pos := i + 1;
    END IF;
  END LOOP;
  IF cardinality(args) > 0 AND position('=' IN args[1]) = 0 THEN
    -- the positional form: mode, code column, site column, when column
    opt := jsonb_build_object('mode', args[1], 'code', coalesce(args[2], 'trace_code'), 'receiving', 'none', 'missing', 'allow');
    IF coalesce(args[3], '') <> '' THEN opt := opt || jsonb_build_object('site', args[3]); END IF;
    IF coalesce(args[4], '') <> '' THEN opt := opt || jsonb_build_object('when', args[4]); END IF;
    RETURN opt;
  END IF;
  FOREACH a IN ARRAY args LOOP
    opt := opt || jsonb_build_object(split_part(a, '=', 1), substr(a, position('=' IN a) + 1));
  END LOOP;
  RETURN opt;
END $$;
COMMENT ON FUNCTION vbp.tracecode_guard_options(oid) IS
  'The options of a vbp.tracecode_guard trigger as JSON (监管参数), the positional form (mode, code, site, when) translated; NULL when the trigger is not a guard';

CREATE FUNCTION vbp.trace_alert_rate_for(from_date date, to_date date)
  RETURNS TABLE (seen_table text, site text, month date, scans bigint, alerts bigint, escalated bigint, alert_rate numeric)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  g record;
  opt jsonb;
BEGIN
  IF from_date IS NULL OR to_date IS NULL OR from_date > to_date THEN
    RAISE EXCEPTION 'invalid period % to %', from_date, to_date
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Give the first and the last day, the first not after the last.';
  END IF;
  CREATE TEMP TABLE IF NOT EXISTS vbp_trace_scans (seen_table text, site text, month date, scans bigint) ON COMMIT DROP;
  TRUNCATE vbp_trace_scans;
  -- every guarded dispensing table: its rows with a code, by its site= and when= columns
  FOR g IN
    SELECT DISTINCT ON (t.tgrelid) t.tgrelid::regclass AS rel, vbp.tracecode_guard_options(t.oid) AS opt
    FROM pg_trigger t
    WHERE t.tgfoid = 'vbp.tracecode_guard()'::regprocedure AND NOT t.tgisinternal
    ORDER BY t.tgrelid, t.oid
  LOOP
    opt := g.opt;
    CONTINUE WHEN coalesce(opt ->> 'event', 'dispense') <> 'dispense' OR opt ->> 'when' IS NULL OR opt ->> 'site' IS NULL;
  EXECUTE format('INSERT INTO vbp_trace_scans SELECT %L, %I::text, date_trunc(''month'', vbp.ledger_date(%I))::date, count(*) '
                   'FROM %s WHERE %I IS NOT NULL AND vbp.ledger_date(%I) BETWEEN $1 AND $2 GROUP BY 2, 3',
                   g.rel::text, opt ->> 'site', opt ->> 'when', g.rel, coalesce(opt ->> 'code', 'trace_code'), opt ->> 'when')
      USING from_date, to_date;
  END LOOP;
  RETURN QUERY
  SELECT coalesce(s.seen_table, a.seen_table), coalesce(s.site, a.site), coalesce(s.month, a.month),
         coalesce(s.scans, 0), coalesce(a.alerts, 0), coalesce(a.escalated, 0),
         CASE WHEN coalesce(s.scans, 0) > 0 THEN round(coalesce(a.alerts, 0)::numeric / s.scans, 6) END
  FROM (SELECT x.seen_table, x.site, x.month, sum(x.scans)::bigint AS scans FROM vbp_trace_scans x GROUP BY 1, 2, 3) s
  FULL JOIN (SELECT al.seen_table, al.seen_where AS site, vbp.month_start(al.seen_on) AS month,
                    count(*) AS alerts, count(*) FILTER (WHERE al.level = 'escalated') AS escalated
             FROM vbp.trace_alert al
             WHERE al.seen_on BETWEEN from_date AND to_date
             GROUP BY 1, 2, 3) a
    ON a.seen_table = s.seen_table AND a.site IS NOT DISTINCT FROM s.site AND a.month = s.month
  ORDER BY 1, 2, 3;
END $$;
COMMENT ON FUNCTION vbp.trace_alert_rate_for(date, date) IS
  'Alert rate of the traceability-code guard (追溯码预警率) per guarded table, site and month of a period: alerts ÷ scans, where scans are the table''s rows with a code dated in the month (by its when= column) and alerts those vbp.trace_alert holds for the site and month; tables guarded without site= and when= columns are not counted; reads the guarded tables with the caller''s rights';
REVOKE EXECUTE ON FUNCTION vbp.trace_alert_rate_for(date, date) FROM PUBLIC;
