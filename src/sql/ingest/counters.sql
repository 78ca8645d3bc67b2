\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Incremental fulfilment counters: per agreement, the
-- units, spend and purchases bought in its cycle so far, kept by statement
-- triggers on vbp.purchase, so a dashboard reads completion without a pass
-- over the purchases.  Off until vbp.enable_fulfilment_counters(), which
-- creates the triggers; disabling drops them (PostgreSQL collects the
-- transition tables even of a disabled trigger, and a transition-table
-- trigger forbids routing writes to foreign partitions), so bulk loads pay
-- nothing while the counters are off.  The counters are derived data, not
-- dumped: after a restore they are off; enable them anew.
-- =====================================================================

CREATE TABLE vbp.fulfilment_counter (
  batch_id        int NOT NULL,
  org_code        vbp.orgcode NOT NULL,
  group_code      vbp.drugcode NOT NULL,
  cycle_year      int NOT NULL DEFAULT 1,
  selected_units  bigint NOT NULL DEFAULT 0,
  other_units     bigint NOT NULL DEFAULT 0,
  selected_spend  vbp.cny NOT NULL DEFAULT '0',
  other_spend     vbp.cny NOT NULL DEFAULT '0',
  purchases       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (batch_id, org_code, group_code, cycle_year)
);
-- row-level security: a tenant reads the rows of the institutions it sees (doc/security.md)
ALTER TABLE vbp.fulfilment_counter ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.fulfilment_counter FOR SELECT
  USING (vbp.tenant_sees(org_code));
COMMENT ON TABLE vbp.fulfilment_counter IS
  'Incremental fulfilment counters (履约计数器) of each agreement year over the whole year: units and spend of selected and other products of the group, and purchases of products in the batch, as vbp.agreement_purchases(''infinity'', ...) counts them; kept by triggers on vbp.purchase while enabled';
COMMENT ON COLUMN vbp.fulfilment_counter.batch_id IS 'Batch';
COMMENT ON COLUMN vbp.fulfilment_counter.org_code IS 'Institution';
COMMENT ON COLUMN vbp.fulfilment_counter.group_code IS 'Generic group';
COMMENT ON COLUMN vbp.fulfilment_counter.cycle_year IS 'Year of the cycle (协议年度)';
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
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.fulfilment_counter_state ENABLE ROW LEVEL SECURITY;
INSERT INTO vbp.fulfilment_counter_state DEFAULT VALUES;
COMMENT ON TABLE vbp.fulfilment_counter_state IS
  'Whether the fulfilment counters are kept (计数器开关), and when they were last rebuilt; one row';
COMMENT ON COLUMN vbp.fulfilment_counter_state.only_row IS 'Always true: the table has one row';
COMMENT ON COLUMN vbp.fulfilment_counter_state.enabled IS 'The purchase triggers keep the counters';
COMMENT ON COLUMN vbp.fulfilment_counter_state.rebuilt_at IS 'Time of the last full rebuild';

-- Adds signed purchase rows (sign +1 or -1) to the counters of the agreements whose
-- cycle holds them.  Rows are aggregated first and upserted in key order, so
-- concurrent writers lock counter rows in one order and never deadlock on them.
-- SECURITY DEFINER: a writer (vbp_writer) that may insert purchases keeps the
-- counters, which it may not write itself, in step
CREATE FUNCTION vbp.fulfilment_counter_trigger() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  signed text;
BEGIN
  -- it runs with its owner's rights: only on vbp's own ledger (or a Citus shard of it),
  -- never on a table someone else attached it to
  IF TG_TABLE_SCHEMA <> 'vbp' OR TG_TABLE_NAME !~ '^purchase(_[0-9]+)?$' THEN
    RAISE EXCEPTION 'vbp.fulfilment_counter_trigger() fires only on vbp.purchase, not on %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'vbp.enable_fulfilment_counters() attaches it where it belongs.';
  END IF;
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
      (batch_id, org_code, group_code, cycle_year, selected_units, other_units, selected_spend, other_spend, purchases)
    SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year,
           coalesce(sum(d.sign * d.quantity) FILTER (WHERE s.selected IS TRUE), 0),
           coalesce(sum(d.sign * d.quantity) FILTER (WHERE s.selected IS NOT TRUE), 0),
           coalesce(sum(CASE WHEN d.sign > 0 THEN d.amount ELSE -d.amount END) FILTER (WHERE s.selected IS TRUE), '0'),
           coalesce(sum(CASE WHEN d.sign > 0 THEN d.amount ELSE -d.amount END) FILTER (WHERE s.selected IS NOT TRUE), '0'),
           -- a return (negative line) nets units and spend but is no purchase
           coalesce(sum(d.sign) FILTER (WHERE s.product_code IS NOT NULL AND d.quantity > 0), 0)
    FROM (%s) d
    JOIN vbp.product pr ON pr.product_code = d.product_code
    JOIN vbp.agreement a ON a.org_code = d.org_code AND a.group_code = pr.group_code
                        AND d.purchased_on BETWEEN a.cycle_start AND a.cycle_end
    LEFT JOIN vbp.selection s ON s.batch_id = a.batch_id AND s.product_code = d.product_code
    GROUP BY a.batch_id, a.org_code, a.group_code, a.cycle_year
    ORDER BY a.batch_id, a.org_code, a.group_code, a.cycle_year
    ON CONFLICT (batch_id, org_code, group_code, cycle_year) DO UPDATE
      SET selected_units = c.selected_units + excluded.selected_units,
          other_units = c.other_units + excluded.other_units,
          selected_spend = c.selected_spend + excluded.selected_spend,
          other_spend = c.other_spend + excluded.other_spend,
          purchases = c.purchases + excluded.purchases$q$, signed);
  RETURN NULL;
END $$;
COMMENT ON FUNCTION vbp.fulfilment_counter_trigger() IS
  'Statement trigger of vbp.purchase keeping vbp.fulfilment_counter while enabled: inserted rows add, deleted rows subtract, updated rows do both (transition tables vbp_new_purchases / vbp_old_purchases), TRUNCATE zeroes; one aggregated upsert per statement in key order; SECURITY DEFINER, so nobody but vbp''s owner may attach it, and it refuses to fire on any other table (42501)';
REVOKE EXECUTE ON FUNCTION vbp.fulfilment_counter_trigger() FROM PUBLIC;

CREATE FUNCTION vbp.rebuild_fulfilment_counters() RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  -- no purchase may change while the counters are recomputed
  LOCK TABLE vbp.purchase IN SHARE MODE;
  DELETE FROM vbp.fulfilment_counter;
  INSERT INTO vbp.fulfilment_counter
  SELECT ap.batch_id, ap.org_code, ap.group_code, ap.cycle_year, ap.selected_units, ap.other_units,
         ap.selected_spend, ap.other_spend, ap.purchases
  FROM vbp.agreement_purchases('infinity', NULL) ap;
  GET DIAGNOSTICS n = ROW_COUNT;
  UPDATE vbp.fulfilment_counter_state SET rebuilt_at = now();
  RETURN n;
END $$;
COMMENT ON FUNCTION vbp.rebuild_fulfilment_counters() IS
  'Recomputes vbp.fulfilment_counter from the purchases (one pass, vbp.agreement_purchases) while holding purchases still; needed after agreements, selections or products change, or after writes straight into a partition of vbp.purchase; returns the agreements counted';
REVOKE EXECUTE ON FUNCTION vbp.rebuild_fulfilment_counters() FROM PUBLIC;

-- the four statement triggers of vbp.purchase that run the counter function:
-- created to switch the counters on, dropped to switch them off
CREATE FUNCTION vbp.fulfilment_counter_triggers(action text) RETURNS void
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  t name;
BEGIN
  IF action IS NULL OR action NOT IN ('ENABLE', 'DISABLE') THEN
    RAISE EXCEPTION 'action must be ENABLE or DISABLE, not %', coalesce(action, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- whatever exists goes first, so ENABLE twice leaves exactly one set
  FOR t IN SELECT tg.tgname FROM pg_trigger tg
           WHERE tg.tgrelid = 'vbp.purchase'::regclass
             AND tg.tgfoid = 'vbp.fulfilment_counter_trigger()'::regprocedure ORDER BY 1 LOOP
    EXECUTE format('DROP TRIGGER %I ON vbp.purchase', t);
  END LOOP;
  IF action = 'ENABLE' THEN
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
  END IF;
END $$;
COMMENT ON FUNCTION vbp.fulfilment_counter_triggers(text) IS
  'Switches the fulfilment counters'' triggers on vbp.purchase (计数器触发器开关): ENABLE creates the four statement triggers (insert, update, delete, truncate), DISABLE drops them, so nothing is collected while the counters are off; used by enable_ and disable_fulfilment_counters';
REVOKE EXECUTE ON FUNCTION vbp.fulfilment_counter_triggers(text) FROM PUBLIC;

CREATE FUNCTION vbp.enable_fulfilment_counters() RETURNS bigint
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  -- On Citus the purchases are on the workers, where a statement trigger's
  -- transition table is not visible to the queries Citus plans from it; the
  -- fulfilment report itself runs there, grouped by institution
  -- (doc/scale-out.md), so the counters have nothing to save
  -- (vbp.citus_distributed: scale/citus.sql)
  IF vbp.citus_distributed() THEN
    RAISE EXCEPTION 'the fulfilment counters do not run on Citus'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'vbp.purchase is distributed; the counters'' statement triggers would run on its shards.',
            HINT = 'Read vbp.fulfilment: on the cluster it runs on the workers, grouped by institution.';
  END IF;
  -- enabling the triggers locks out writers until the rebuild commits
  PERFORM vbp.fulfilment_counter_triggers('ENABLE');
  UPDATE vbp.fulfilment_counter_state SET enabled = true;
  RETURN vbp.rebuild_fulfilment_counters();
END $$;
COMMENT ON FUNCTION vbp.enable_fulfilment_counters() IS
  'Turns the fulfilment counters on (开启履约计数器): creates the purchase triggers, rebuilds the counters and keeps them from then on; needs the owner of vbp.purchase; returns the agreements counted';
REVOKE EXECUTE ON FUNCTION vbp.enable_fulfilment_counters() FROM PUBLIC;

CREATE FUNCTION vbp.disable_fulfilment_counters() RETURNS void
  LANGUAGE plpgsql SET search_path = vbp, pg_catalog, pg_temp AS $$
BEGIN
  PERFORM vbp.fulfilment_counter_triggers('DISABLE');
  UPDATE vbp.fulfilment_counter_state SET enabled = false;
  DELETE FROM vbp.fulfilment_counter;
END $$;
COMMENT ON FUNCTION vbp.disable_fulfilment_counters() IS
  'Turns the fulfilment counters off and empties them: the purchase triggers are dropped, so writes no longer pay for them; needs the owner of vbp.purchase';
REVOKE EXECUTE ON FUNCTION vbp.disable_fulfilment_counters() FROM PUBLIC;

CREATE VIEW vbp.fulfilment_live WITH (security_invoker = true) AS
  WITH p AS MATERIALIZED (   -- the rule set's parameters, looked up once
    SELECT vbp.param(vbp.report_rule_set(), 'lagging_factor') AS lagging,
           vbp.param(vbp.report_rule_set(), 'selected_share_floor') AS share_floor
  )
  SELECT a.batch_id, a.org_code, a.group_code, a.cycle_year, a.agreed_volume, a.cycle_start, a.cycle_end,
         c.selected_units, c.other_units, c.purchases,
         f.time_progress, f.completion, f.status, f.selected_share, f.prefers_selected
  FROM vbp.fulfilment_counter c
  JOIN vbp.agreement a USING (batch_id, org_code, group_code, cycle_year)
  CROSS JOIN p
  -- in FROM, the measure runs once per agreement
  CROSS JOIN LATERAL vbp.fulfilment_measure(c.selected_units, c.other_units, 0, 0, a.agreed_volume,
                                            a.cycle_start, a.cycle_end, vbp.report_date(), p.lagging, p.share_floor) f
  WHERE a.cycle_start <= vbp.report_date()
    AND EXISTS (SELECT FROM vbp.selection s JOIN vbp.product pr ON pr.product_code = s.product_code
                WHERE s.batch_id = a.batch_id AND pr.group_code = a.group_code);
COMMENT ON VIEW vbp.fulfilment_live IS
  'Fulfilment from the counters (实时履约): completion, time progress, status and selected share of the agreements vbp.fulfilment lists, on vbp.report_date(), without a pass over the purchases; equal to vbp.fulfilment when no purchase is dated after the reporting date';
COMMENT ON COLUMN vbp.fulfilment_live.batch_id IS '批次 / procurement batch id, identifier';
COMMENT ON COLUMN vbp.fulfilment_live.org_code IS '机构编码 / institution code (医保定点医疗机构代码), code';
COMMENT ON COLUMN vbp.fulfilment_live.group_code IS '通用名编码 / generic group code (通用名+剂型, generic-level 医保药品代码), code';
COMMENT ON COLUMN vbp.fulfilment_live.cycle_year IS '协议年度 / year of the agreement cycle (1 = first year), ordinal';
COMMENT ON COLUMN vbp.fulfilment_live.agreed_volume IS '约定采购量 / agreed volume for the agreement year, units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment_live.cycle_start IS '协议年度起始日 / first day of the agreement year, date';
COMMENT ON COLUMN vbp.fulfilment_live.cycle_end IS '协议年度截止日 / last day of the agreement year, date';
COMMENT ON COLUMN vbp.fulfilment_live.selected_units IS '中选产品采购量 / units of selected products bought in the agreement year (live counters), units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment_live.other_units IS '非中选产品采购量 / units of other products of the group bought in the agreement year (live counters), units (最小计量单位)';
COMMENT ON COLUMN vbp.fulfilment_live.purchases IS '采购笔数 / purchase lines of products in the batch (selected or not), count';
COMMENT ON COLUMN vbp.fulfilment_live.time_progress IS '时间进度 / time progress, elapsed days ÷ days of the agreement year, ratio (0–1)';
COMMENT ON COLUMN vbp.fulfilment_live.completion IS '完成率 / completion, selected units bought ÷ agreed units (1 if nothing agreed), ratio';
COMMENT ON COLUMN vbp.fulfilment_live.status IS '履约状态 / fulfilment status: completed, on_track, lagging, severely_lagging, code';
COMMENT ON COLUMN vbp.fulfilment_live.selected_share IS '中选产品使用占比 / selected share, selected units ÷ (selected + other units), ratio (0–1)';
COMMENT ON COLUMN vbp.fulfilment_live.prefers_selected IS '优先使用中选产品 / true = selected share reaches selected_share_floor (0.7) or no purchases, flag';
