\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Capture trigger: vbp.capture feeds vbp.purchase or
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
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.capture_link ENABLE ROW LEVEL SECURITY;
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
