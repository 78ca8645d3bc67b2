-- vbp 0.10.0 -> 0.11.0: the traceability-code fraud guard, a C trigger for any
-- dispensing table (vbp.tracecode_guard), with its sightings and alerts; the
-- report views stored as materialized views for BI, refreshed concurrently in
-- dependency order by vbp.refresh_reports(); incremental fulfilment counters
-- kept by statement triggers on vbp.purchase (off until enabled); the capture
-- trigger vbp.capture that feeds the ledger from a user's own tables; the
-- dual-channel fraud rules (overlapping supply, dispensing beyond the prescription).
-- Released: never edit; ship fixes as a new upgrade script.

\echo Use "ALTER EXTENSION vbp UPDATE TO '0.11.0'" to load this file. \quit

-- =====================================================================
-- Triggers for existing databases (issue 8; 0.11.0).  The traceability-code
-- fraud guard: attach vbp.tracecode_guard to any dispensing table
-- (doc/triggers.md).  Its sightings and alerts live here.
-- =====================================================================

CREATE TABLE vbp.trace_sighting (
  trace_code     vbp.tracecode PRIMARY KEY,
  first_table    text NOT NULL,
  first_where    text,
  first_when     text,
  first_seen_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE vbp.trace_sighting IS
  'First sighting of each traceability code (追溯码首次出现) by vbp.tracecode_guard; the primary key decides, under concurrency, which row saw a code first';
COMMENT ON COLUMN vbp.trace_sighting.trace_code IS 'Traceability code';
COMMENT ON COLUMN vbp.trace_sighting.first_table IS 'Table of the first row with the code (schema-qualified)';
COMMENT ON COLUMN vbp.trace_sighting.first_where IS 'The first row''s "where" column (e.g. the institution), as text';
COMMENT ON COLUMN vbp.trace_sighting.first_when IS 'The first row''s "when" column (e.g. the dispensing date), as text';
COMMENT ON COLUMN vbp.trace_sighting.first_seen_at IS 'Transaction time of the first sighting';
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_sighting', '');

CREATE SEQUENCE vbp.trace_alert_id_seq;
COMMENT ON SEQUENCE vbp.trace_alert_id_seq IS 'Identifiers of traceability-code alerts';
CREATE TABLE vbp.trace_alert (
  alert_id    bigint NOT NULL DEFAULT nextval('vbp.trace_alert_id_seq') PRIMARY KEY,
  trace_code  vbp.tracecode NOT NULL,
  seen_table  text NOT NULL,
  seen_where  text,
  seen_when   text,
  seen_at     timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE vbp.trace_alert_id_seq OWNED BY vbp.trace_alert.alert_id;
CREATE INDEX trace_alert_code ON vbp.trace_alert (trace_code);
COMMENT ON TABLE vbp.trace_alert IS
  'A row let through by vbp.tracecode_guard in alert mode although its traceability code had been seen before (重复追溯码预警); the first sighting is in vbp.trace_sighting';
COMMENT ON COLUMN vbp.trace_alert.alert_id IS 'Identifier';
COMMENT ON COLUMN vbp.trace_alert.trace_code IS 'Traceability code seen again';
COMMENT ON COLUMN vbp.trace_alert.seen_table IS 'Table of the repeated row (schema-qualified)';
COMMENT ON COLUMN vbp.trace_alert.seen_where IS 'Its "where" column, as text';
COMMENT ON COLUMN vbp.trace_alert.seen_when IS 'Its "when" column, as text';
COMMENT ON COLUMN vbp.trace_alert.seen_at IS 'Transaction time';
COMMENT ON INDEX vbp.trace_alert_code IS 'Alerts by code';
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_alert', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.trace_alert_id_seq', '');

CREATE FUNCTION vbp.tracecode_guard() RETURNS trigger
  AS 'MODULE_PATHNAME', 'pgvbp_tracecode_guard' LANGUAGE C;
COMMENT ON FUNCTION vbp.tracecode_guard() IS
  'Traceability-code fraud guard (追溯码防串货/回流): BEFORE INSERT OR UPDATE ... FOR EACH ROW trigger for any dispensing table; arguments mode (''reject'': a code seen before raises 23505 naming where and when it was first seen; ''alert'': the row passes and vbp.trace_alert records it), the code column (default trace_code), and optional where and when columns; one unique-index probe per row, correct under concurrent writers';

-- =====================================================================
-- Materialized views for BI (issue 8; 0.11.0): the report views stored, each
-- with a unique index so vbp.refresh_reports() can refresh it CONCURRENTLY
-- (readers keep reading the old rows meanwhile).  Created empty: run
-- SELECT * FROM vbp.refresh_reports() once, and after a restore.  The
-- reporting date is the refreshing session's vbp.report_date().
-- =====================================================================

CREATE MATERIALIZED VIEW vbp.bi_fulfilment AS SELECT * FROM vbp.fulfilment WITH NO DATA;
CREATE UNIQUE INDEX bi_fulfilment_key ON vbp.bi_fulfilment (batch_id, org_code, group_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_fulfilment IS
  'Fulfilment (履约进度) stored for BI: vbp.fulfilment as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_report_credibility AS SELECT * FROM vbp.report_credibility WITH NO DATA;
CREATE UNIQUE INDEX bi_report_credibility_key ON vbp.bi_report_credibility (batch_id, org_code, group_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_report_credibility IS
  'Volume-report credibility (报量可信度) stored for BI: vbp.report_credibility as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_batch_summary AS SELECT * FROM vbp.batch_summary WITH NO DATA;
CREATE UNIQUE INDEX bi_batch_summary_key ON vbp.bi_batch_summary (batch_id);
COMMENT ON MATERIALIZED VIEW vbp.bi_batch_summary IS
  'Batch summary (批次汇总) stored for BI: vbp.batch_summary as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_retention_statement AS SELECT * FROM vbp.retention_statement WITH NO DATA;
CREATE UNIQUE INDEX bi_retention_statement_key ON vbp.bi_retention_statement (batch_id, org_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_retention_statement IS
  'Retention statement (结余留用测算) stored for BI: vbp.retention_statement as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_price_benchmark AS SELECT * FROM vbp.price_benchmark WITH NO DATA;
CREATE UNIQUE INDEX bi_price_benchmark_key ON vbp.bi_price_benchmark (month, group_code, org_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_price_benchmark IS
  'Price benchmark (价格对标) stored for BI: vbp.price_benchmark as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary AS SELECT * FROM vbp.nrdl_stocking_summary WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_stocking_summary_key ON vbp.bi_nrdl_stocking_summary (version_id, scope, key);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_stocking_summary IS
  'Negotiated-drug stocking rates (谈判药品配备率) stored for BI: vbp.nrdl_stocking_summary as of the last vbp.refresh_reports()';

CREATE MATERIALIZED VIEW vbp.bi_nrdl_monitoring AS SELECT * FROM vbp.nrdl_monitoring WITH NO DATA;
CREATE UNIQUE INDEX bi_nrdl_monitoring_key ON vbp.bi_nrdl_monitoring (province, month);
COMMENT ON MATERIALIZED VIEW vbp.bi_nrdl_monitoring IS
  'Negotiated-drug monitoring (谈判药品落地监测) stored for BI: vbp.nrdl_monitoring as of the last vbp.refresh_reports()';

-- built on two of the above, so refreshed after them
CREATE MATERIALIZED VIEW vbp.bi_institution_scorecard AS
  SELECT f.batch_id, f.org_code, count(*) AS agreements,
         count(*) FILTER (WHERE f.status = 'completed') AS completed,
         count(*) FILTER (WHERE f.status = 'on_track') AS on_track,
         count(*) FILTER (WHERE f.status = 'lagging') AS lagging,
         count(*) FILTER (WHERE f.status = 'severely_lagging') AS severely_lagging,
         count(*) FILTER (WHERE NOT f.prefers_selected) AS not_preferring_selected,
         count(*) FILTER (WHERE f.paid_on_time < f.payments_due) AS late_payment,
         coalesce(max(r.reports), 0) AS reports, coalesce(max(r.not_reported), 0) AS not_reported,
         coalesce(max(r.under_reported), 0) AS under_reported, coalesce(max(r.anomalous), 0) AS anomalous
  FROM vbp.bi_fulfilment f
  LEFT JOIN (SELECT c.batch_id, c.org_code, count(*) AS reports, count(*) FILTER (WHERE c.not_reported) AS not_reported,
                    count(*) FILTER (WHERE c.under_reported) AS under_reported, count(*) FILTER (WHERE c.anomalous) AS anomalous
             FROM vbp.bi_report_credibility c GROUP BY 1, 2) r USING (batch_id, org_code)
  GROUP BY f.batch_id, f.org_code
WITH NO DATA;
CREATE UNIQUE INDEX bi_institution_scorecard_key ON vbp.bi_institution_scorecard (batch_id, org_code);
COMMENT ON MATERIALIZED VIEW vbp.bi_institution_scorecard IS
  'Scorecard of each institution and batch (机构履约记分卡) for BI, from vbp.bi_fulfilment and vbp.bi_report_credibility: agreements by status, not preferring selected products, late payments, volume reports not made, under-reported and anomalous';

CREATE FUNCTION vbp.refresh_reports(concurrent boolean DEFAULT true)
  RETURNS TABLE (step int, matview regclass, mode text, milliseconds numeric)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  todo oid[];
  ready oid[];
  m oid;
  n int := 0;
  t0 timestamptz;
BEGIN
  SELECT array_agg(c.oid) INTO todo FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm';
  -- the materialized views each one reads, directly or through views
  CREATE TEMP TABLE IF NOT EXISTS vbp_refresh_needs (mv oid, needs oid) ON COMMIT DROP;
  TRUNCATE vbp_refresh_needs;
  INSERT INTO vbp_refresh_needs
  WITH RECURSIVE reads(mv, rel, depth) AS (
    SELECT rw.ev_class, d.refobjid, 1
    FROM pg_rewrite rw JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
    WHERE rw.ev_class = ANY (todo)
    UNION
    SELECT r.mv, d.refobjid, r.depth + 1
    FROM reads r JOIN pg_class c ON c.oid = r.rel AND c.relkind = 'v'
    JOIN pg_rewrite rw ON rw.ev_class = c.oid
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid
    WHERE r.depth < 32
  )
  SELECT DISTINCT mv, rel FROM reads WHERE rel = ANY (todo) AND rel <> mv;
  WHILE cardinality(todo) > 0 LOOP
    SELECT array_agg(x ORDER BY x::regclass::text) INTO ready FROM unnest(todo) x
    WHERE NOT EXISTS (SELECT FROM vbp_refresh_needs d WHERE d.mv = x AND d.needs = ANY (todo));
    IF ready IS NULL THEN
      RAISE EXCEPTION 'materialized views of vbp depend on each other in a cycle'
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH m IN ARRAY ready LOOP
      n := n + 1;
      t0 := clock_timestamp();
      IF concurrent AND (SELECT c.relispopulated FROM pg_class c WHERE c.oid = m) THEN
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', m::regclass);
        mode := 'concurrently';
      ELSE
        EXECUTE format('REFRESH MATERIALIZED VIEW %s', m::regclass);
        mode := 'full';
      END IF;
      step := n;
      matview := m::regclass;
      milliseconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
      RETURN NEXT;
    END LOOP;
    todo := ARRAY(SELECT x FROM unnest(todo) x WHERE x <> ALL (ready));
  END LOOP;
END $$;
COMMENT ON FUNCTION vbp.refresh_reports(boolean) IS
  'Refreshes every materialized view of vbp (报表刷新) in dependency order (a view that reads another comes after it, found through pg_depend), CONCURRENTLY once populated so BI readers are never blocked (a first refresh, or concurrent => false, is a full refresh); returns each step with its mode and time';

-- =====================================================================
-- Incremental fulfilment counters (issue 8; 0.11.0): per agreement, the
-- units, spend and purchases bought in its cycle so far, kept by statement
-- triggers on vbp.purchase, so a dashboard reads completion without a pass
-- over the purchases.  Off until vbp.enable_fulfilment_counters(): the
-- triggers are created disabled, so bulk loads pay nothing for them (their
-- transition tables are not even collected).  The counters are derived data,
-- not dumped: after a restore the triggers are off again; enable them anew.
-- =====================================================================

CREATE TABLE vbp.fulfilment_counter (
  batch_id        int NOT NULL,
  org_code        vbp.orgcode NOT NULL,
  group_code      vbp.drugcode NOT NULL,
  selected_units  bigint NOT NULL DEFAULT 0,
  other_units     bigint NOT NULL DEFAULT 0,
  selected_spend  vbp.cny NOT NULL DEFAULT '0',
  other_spend     vbp.cny NOT NULL DEFAULT '0',
  purchases       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (batch_id, org_code, group_code)
);
COMMENT ON TABLE vbp.fulfilment_counter IS
  'Incremental fulfilment counters (履约计数器) of each agreement over its whole cycle: units and spend of selected and other products of the group, and purchases of products in the batch, as vbp.agreement_purchases(''infinity'', ...) counts them; kept by triggers on vbp.purchase while enabled';
COMMENT ON COLUMN vbp.fulfilment_counter.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.fulfilment_counter.org_code IS 'Institution';
COMMENT ON COLUMN vbp.fulfilment_counter.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.fulfilment_counter.selected_units IS 'Units of products selected in the batch bought in the cycle';
COMMENT ON COLUMN vbp.fulfilment_counter.other_units IS 'Units of the group''s other products bought in the cycle';
COMMENT ON COLUMN vbp.fulfilment_counter.selected_spend IS 'Spend on selected products';
COMMENT ON COLUMN vbp.fulfilment_counter.other_spend IS 'Spend on other products';
COMMENT ON COLUMN vbp.fulfilment_counter.purchases IS 'Purchases of products in the batch (selected or not)';

CREATE TABLE vbp.fulfilment_counter_state (
  only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  enabled     boolean NOT NULL DEFAULT false,
  rebuilt_at  timestamptz
);
INSERT INTO vbp.fulfilment_counter_state DEFAULT VALUES;
COMMENT ON TABLE vbp.fulfilment_counter_state IS
  'Whether the fulfilment counters are kept (计数器开关), and when they were last rebuilt; one row';
COMMENT ON COLUMN vbp.fulfilment_counter_state.only_row IS 'Always true: the table has one row';
COMMENT ON COLUMN vbp.fulfilment_counter_state.enabled IS 'The purchase triggers keep the counters';
COMMENT ON COLUMN vbp.fulfilment_counter_state.rebuilt_at IS 'Time of the last full rebuild';

-- Adds signed purchase rows (sign +1 or -1) to the counters of the agreements whose
-- cycle holds them.  Rows are aggregated first and upserted in key order, so
-- concurrent writers lock counter rows in one order and never deadlock on them.
CREATE FUNCTION vbp.fulfilment_counter_trigger() RETURNS trigger
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  signed text;
BEGIN
  IF NOT (SELECT s.enabled FROM vbp.fulfilment_counter_state s) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE vbp.fulfilment_counter SET selected_units = 0, other_units = 0, selected_spend = '0',
                                      other_spend = '0', purchases = 0;
    RETURN NULL;
  END IF;
  -- the statement's rows, signed: a transition table exists only for its own operations
  signed := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN
      'SELECT 1 AS sign, org_code, product_code, purchased_on, quantity, amount FROM vbp_new_purchases' END,
    CASE WHEN TG_OP IN ('DELETE', 'UPDATE') THEN
      'SELECT -1 AS sign, org_code, product_code, purchased_on, quantity, amount FROM vbp_old_purchases' END);
  EXECUTE format($q$
    INSERT INTO vbp.fulfilment_counter AS c
      (batch_id, org_code, group_code, selected_units, other_units, selected_spend, other_spend, purchases)
    SELECT a.batch_id, a.org_code, a.group_code,
           coalesce(sum(d.sign * d.quantity) FILTER (WHERE s.selected IS TRUE), 0),
           coalesce(sum(d.sign * d.quantity) FILTER (WHERE s.selected IS NOT TRUE), 0),
           coalesce(sum(CASE WHEN d.sign > 0 THEN d.amount ELSE -d.amount END) FILTER (WHERE s.selected IS TRUE), '0'),
           coalesce(sum(CASE WHEN d.sign > 0 THEN d.amount ELSE -d.amount END) FILTER (WHERE s.selected IS NOT TRUE), '0'),
           coalesce(sum(d.sign) FILTER (WHERE s.product_code IS NOT NULL), 0)
    FROM (%s) d
    JOIN vbp.product pr ON pr.product_code = d.product_code
    JOIN vbp.agreement a ON a.org_code = d.org_code AND a.group_code = pr.group_code
                        AND d.purchased_on BETWEEN a.cycle_start AND a.cycle_end
    LEFT JOIN vbp.selection s ON s.batch_id = a.batch_id AND s.product_code = d.product_code
    GROUP BY a.batch_id, a.org_code, a.group_code
    ORDER BY a.batch_id, a.org_code, a.group_code
    ON CONFLICT (batch_id, org_code, group_code) DO UPDATE
      SET selected_units = c.selected_units + excluded.selected_units,
          other_units = c.other_units + excluded.other_units,
          selected_spend = c.selected_spend + excluded.selected_spend,
          other_spend = c.other_spend + excluded.other_spend,
          purchases = c.purchases + excluded.purchases$q$, signed);
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.fulfilment_counter_trigger() IS
  'Statement trigger of vbp.purchase keeping vbp.fulfilment_counter while enabled: inserted rows add, deleted rows subtract, updated rows do both (transition tables vbp_new_purchases / vbp_old_purchases), TRUNCATE zeroes; one aggregated upsert per statement in key order';

CREATE TRIGGER fulfilment_counter_insert AFTER INSERT ON vbp.purchase
  REFERENCING NEW TABLE AS vbp_new_purchases
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.fulfilment_counter_trigger();
CREATE TRIGGER fulfilment_counter_update AFTER UPDATE ON vbp.purchase
  REFERENCING OLD TABLE AS vbp_old_purchases NEW TABLE AS vbp_new_purchases
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.fulfilment_counter_trigger();
CREATE TRIGGER fulfilment_counter_delete AFTER DELETE ON vbp.purchase
  REFERENCING OLD TABLE AS vbp_old_purchases
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.fulfilment_counter_trigger();
CREATE TRIGGER fulfilment_counter_truncate AFTER TRUNCATE ON vbp.purchase
  FOR EACH STATEMENT EXECUTE FUNCTION vbp.fulfilment_counter_trigger();
ALTER TABLE vbp.purchase DISABLE TRIGGER fulfilment_counter_insert;
ALTER TABLE vbp.purchase DISABLE TRIGGER fulfilment_counter_update;
ALTER TABLE vbp.purchase DISABLE TRIGGER fulfilment_counter_delete;
ALTER TABLE vbp.purchase DISABLE TRIGGER fulfilment_counter_truncate;

CREATE FUNCTION vbp.rebuild_fulfilment_counters() RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  -- no purchase may change while the counters are recomputed
  LOCK TABLE vbp.purchase IN SHARE MODE;
  DELETE FROM vbp.fulfilment_counter;
  INSERT INTO vbp.fulfilment_counter
  SELECT ap.batch_id, ap.org_code, ap.group_code, ap.selected_units, ap.other_units,
         ap.selected_spend, ap.other_spend, ap.purchases
  FROM vbp.agreement_purchases('infinity', NULL) ap;
  GET DIAGNOSTICS n = ROW_COUNT;
  UPDATE vbp.fulfilment_counter_state SET rebuilt_at = now();
  RETURN n;
END $$;
COMMENT ON FUNCTION vbp.rebuild_fulfilment_counters() IS
  'Recomputes vbp.fulfilment_counter from the purchases (one pass, vbp.agreement_purchases) while holding purchases still; needed after agreements, selections or products change, or after writes straight into a partition of vbp.purchase; returns the agreements counted';

-- every trigger of vbp.purchase that runs the counter function, switched together
CREATE FUNCTION vbp.fulfilment_counter_triggers(action text) RETURNS void
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  t name;
BEGIN
  IF action NOT IN ('ENABLE', 'DISABLE') THEN
    RAISE EXCEPTION 'action must be ENABLE or DISABLE, not %', action USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR t IN SELECT tg.tgname FROM pg_trigger tg
           WHERE tg.tgrelid = 'vbp.purchase'::regclass
             AND tg.tgfoid = 'vbp.fulfilment_counter_trigger()'::regprocedure ORDER BY 1 LOOP
    EXECUTE format('ALTER TABLE vbp.purchase %s TRIGGER %I', action, t);
  END LOOP;
END $$;
COMMENT ON FUNCTION vbp.fulfilment_counter_triggers(text) IS
  'Enables or disables (ENABLE / DISABLE) every trigger of vbp.purchase that keeps the fulfilment counters (计数器触发器开关); used by enable_ and disable_fulfilment_counters';

CREATE FUNCTION vbp.enable_fulfilment_counters() RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  -- enabling the triggers locks out writers until the rebuild commits
  PERFORM vbp.fulfilment_counter_triggers('ENABLE');
  UPDATE vbp.fulfilment_counter_state SET enabled = true;
  RETURN vbp.rebuild_fulfilment_counters();
END $$;
COMMENT ON FUNCTION vbp.enable_fulfilment_counters() IS
  'Turns the fulfilment counters on (开启履约计数器): enables the purchase triggers, rebuilds the counters and keeps them from then on; needs the owner of vbp.purchase; returns the agreements counted';

CREATE FUNCTION vbp.disable_fulfilment_counters() RETURNS void
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  PERFORM vbp.fulfilment_counter_triggers('DISABLE');
  UPDATE vbp.fulfilment_counter_state SET enabled = false;
  DELETE FROM vbp.fulfilment_counter;
END $$;
COMMENT ON FUNCTION vbp.disable_fulfilment_counters() IS
  'Turns the fulfilment counters off and empties them: the purchase triggers are disabled, so writes no longer pay for them; needs the owner of vbp.purchase';

CREATE VIEW vbp.fulfilment_live AS
  SELECT a.batch_id, a.org_code, a.group_code, a.agreed_volume, a.cycle_start, a.cycle_end,
         c.selected_units, c.other_units, c.purchases,
         (m.f).time_progress, (m.f).completion, (m.f).status, (m.f).selected_share, (m.f).prefers_selected
  FROM vbp.fulfilment_counter c
  JOIN vbp.agreement a USING (batch_id, org_code, group_code)
  CROSS JOIN LATERAL (
    SELECT vbp.fulfilment_measure(c.selected_units, c.other_units, 0, 0, a.agreed_volume, a.cycle_start, a.cycle_end,
                                  vbp.report_date(),
                                  (SELECT p.value FROM vbp.parameter p WHERE p.rule_set = 'national' AND p.name = 'lagging_factor'),
                                  (SELECT p.value FROM vbp.parameter p WHERE p.rule_set = 'national' AND p.name = 'selected_share_floor')) AS f
  ) m
  WHERE a.cycle_start <= vbp.report_date()
    AND EXISTS (SELECT FROM vbp.selection s JOIN vbp.product pr ON pr.product_code = s.product_code
                WHERE s.batch_id = a.batch_id AND pr.group_code = a.group_code);
COMMENT ON VIEW vbp.fulfilment_live IS
  'Fulfilment from the counters (实时履约): completion, time progress, status and selected share of the agreements vbp.fulfilment lists, on vbp.report_date(), without a pass over the purchases; equal to vbp.fulfilment when no purchase is dated after the reporting date';

-- =====================================================================
-- Capture trigger (issue 8; 0.11.0): vbp.capture feeds vbp.purchase or
-- vbp.dispensing from a user's own table (doc/triggers.md); the link from
-- each source row to its ledger row lives here.
-- =====================================================================

CREATE TABLE vbp.capture_link (
  source_table  text NOT NULL,
  source_key    text NOT NULL,
  target        text NOT NULL CHECK (target IN ('purchase', 'dispensing')),
  target_id     bigint NOT NULL,
  target_date   date NOT NULL,
  PRIMARY KEY (source_table, source_key)
);
CREATE INDEX capture_link_target ON vbp.capture_link (target, target_id);
COMMENT ON TABLE vbp.capture_link IS
  'Link from a row of a user''s table captured by vbp.capture to the vbp.purchase or vbp.dispensing row it became (采集映射)';
COMMENT ON COLUMN vbp.capture_link.source_table IS 'The user''s table (schema-qualified)';
COMMENT ON COLUMN vbp.capture_link.source_key IS 'The row''s key, as text';
COMMENT ON COLUMN vbp.capture_link.target IS 'purchase or dispensing';
COMMENT ON COLUMN vbp.capture_link.target_id IS 'purchase_id or dispensing_id of the ledger row';
COMMENT ON COLUMN vbp.capture_link.target_date IS 'Its purchased_on or dispensed_on (the partition key)';
COMMENT ON INDEX vbp.capture_link_target IS 'Links by ledger row';
SELECT pg_catalog.pg_extension_config_dump('vbp.capture_link', '');

CREATE FUNCTION vbp.capture() RETURNS trigger
  AS 'MODULE_PATHNAME', 'pgvbp_capture' LANGUAGE C;
COMMENT ON FUNCTION vbp.capture() IS
  'Capture trigger (数据采集触发器): AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW on a user''s purchase or dispensing table; arguments the target (''purchase'' or ''dispensing''), the key column, then target=source column pairs covering every required column; keeps one vbp ledger row per source row, linked in vbp.capture_link; a bad value is rejected with the target type''s error and nothing is half-written';

-- =====================================================================
-- Dual-channel fraud rules (双通道欺诈规则; issue 8, 0.11.0): the same
-- patient getting the same drug at different institutions with overlapping
-- days' supply, and dispensing beyond the prescription.  Dispensing lines
-- carry their days' supply and prescription where the source has them.
-- =====================================================================

ALTER TABLE vbp.dispensing ADD COLUMN days_supply int CHECK (days_supply > 0),
                           ADD COLUMN prescription_id text;
COMMENT ON COLUMN vbp.dispensing.days_supply IS 'Days the dispensed quantity lasts (用药天数), where known';
COMMENT ON COLUMN vbp.dispensing.prescription_id IS 'Prescription dispensed against (处方号), e.g. a circulated prescription (处方流转), where known';

CREATE TABLE vbp.prescription (
  prescription_id  text PRIMARY KEY,
  org_code         vbp.orgcode NOT NULL REFERENCES vbp.institution,
  patient_id       text NOT NULL,
  group_code       vbp.drugcode NOT NULL REFERENCES vbp.generic_group,
  prescribed_on    date NOT NULL,
  quantity         bigint NOT NULL CHECK (quantity > 0),
  days_supply      int CHECK (days_supply > 0)
);
CREATE INDEX prescription_patient ON vbp.prescription (patient_id, group_code);
COMMENT ON TABLE vbp.prescription IS
  'Prescription (处方), e.g. one circulated to a dual-channel pharmacy (处方流转): the prescribing institution, patient, drug, quantity in smallest units and days'' supply';
COMMENT ON COLUMN vbp.prescription.prescription_id IS 'Prescription number';
COMMENT ON COLUMN vbp.prescription.org_code IS 'Prescribing institution';
COMMENT ON COLUMN vbp.prescription.patient_id IS 'Pseudonymous patient identifier, as in vbp.dispensing';
COMMENT ON COLUMN vbp.prescription.group_code IS 'Drug prescribed (generic group)';
COMMENT ON COLUMN vbp.prescription.prescribed_on IS 'Date prescribed';
COMMENT ON COLUMN vbp.prescription.quantity IS 'Quantity prescribed, in smallest dosage units';
COMMENT ON COLUMN vbp.prescription.days_supply IS 'Days'' supply prescribed';
COMMENT ON INDEX vbp.prescription_patient IS 'Prescriptions by patient and drug';
SELECT pg_catalog.pg_extension_config_dump('vbp.prescription', '');

CREATE FUNCTION vbp.overlapping_supply_for(from_date date, to_date date)
  RETURNS TABLE (patient_id text, group_code vbp.drugcode,
                 first_id bigint, first_org vbp.orgcode, first_on date, first_days int,
                 second_id bigint, second_org vbp.orgcode, second_on date, second_days int, overlap_days int)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  WITH l AS (
    SELECT d.dispensing_id, d.org_code, d.patient_id, pr.group_code, d.dispensed_on, d.days_supply
    FROM vbp.dispensing d JOIN vbp.product pr ON pr.product_code = d.product_code
    WHERE d.days_supply IS NOT NULL
      AND d.dispensed_on BETWEEN from_date - 3660 AND to_date
  )
  SELECT b.patient_id, b.group_code, a.dispensing_id, a.org_code, a.dispensed_on, a.days_supply,
         b.dispensing_id, b.org_code, b.dispensed_on, b.days_supply,
         least(a.dispensed_on + a.days_supply, b.dispensed_on + b.days_supply) - b.dispensed_on
  FROM l a
  JOIN l b ON b.patient_id = a.patient_id AND b.group_code = a.group_code
          AND b.org_code <> a.org_code
          AND (b.dispensed_on > a.dispensed_on OR (b.dispensed_on = a.dispensed_on AND b.dispensing_id > a.dispensing_id))
          AND b.dispensed_on < a.dispensed_on + a.days_supply
  WHERE b.dispensed_on BETWEEN from_date AND to_date
$$;
COMMENT ON FUNCTION vbp.overlapping_supply_for(date, date) IS
  'Overlapping supply at different institutions (重复配药): pairs of dispensing lines of the same patient and drug (generic group) at different institutions or pharmacies whose supplies [day, day + days_supply) overlap, the later line dispensed between the two dates; overlap_days = days both supplies cover';

CREATE FUNCTION vbp.over_prescription_for(from_date date, to_date date)
  RETURNS TABLE (prescription_id text, patient_id text, group_code vbp.drugcode, prescribed bigint,
                 dispensed bigint, excess bigint, lines bigint, other_patient boolean, other_drug boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $$
  SELECT p.prescription_id, p.patient_id, p.group_code, p.quantity, sum(d.quantity)::bigint,
         sum(d.quantity)::bigint - p.quantity, count(*),
         bool_or(d.patient_id <> p.patient_id), bool_or(pr.group_code OPERATOR(vbp.<>) p.group_code)
  FROM vbp.prescription p
  JOIN vbp.dispensing d ON d.prescription_id = p.prescription_id
  JOIN vbp.product pr ON pr.product_code = d.product_code
  WHERE p.prescribed_on BETWEEN from_date AND to_date
  GROUP BY p.prescription_id, p.patient_id, p.group_code, p.quantity
  HAVING sum(d.quantity) > p.quantity
      OR bool_or(d.patient_id <> p.patient_id) OR bool_or(pr.group_code OPERATOR(vbp.<>) p.group_code)
$$;
COMMENT ON FUNCTION vbp.over_prescription_for(date, date) IS
  'Dispensing beyond the prescription (超处方配药): prescriptions written between the two dates whose dispensing lines together exceed the quantity prescribed (excess = dispensed - prescribed), or were dispensed to another patient or as another drug';
