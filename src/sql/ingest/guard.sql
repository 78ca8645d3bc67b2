\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Triggers for existing databases.  The traceability-code
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
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.trace_sighting ENABLE ROW LEVEL SECURITY;
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
-- row-level security: bookkeeping: no tenant reads it
ALTER TABLE vbp.trace_alert ENABLE ROW LEVEL SECURITY;
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
