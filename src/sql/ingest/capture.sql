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

-- The two conversions a capture map applies, used by the trigger and by
-- vbp.capture_diff alike, so the check compares with what the trigger wrote
CREATE FUNCTION vbp.translate_value(domain text, raw text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((SELECT v.value FROM vbp.load_value v
                 WHERE v.domain OPERATOR(pg_catalog.=) translate_value.domain
                   AND v.raw OPERATOR(pg_catalog.=) pg_catalog.lower(pg_catalog.btrim(translate_value.raw))),
                raw);
COMMENT ON FUNCTION vbp.translate_value(text, text) IS
  'A value as a hospital writes it translated through vbp.load_value (枚举值映射, e.g. channel 医院 -> hospital); unchanged when the table has no translation';

CREATE FUNCTION vbp.packs_to_units(packs bigint, product vbp.drugcode) RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE
RETURN packs OPERATOR(pg_catalog.*) (SELECT p.units_per_pack FROM vbp.product p
                                    WHERE p.product_code OPERATOR(vbp.=) packs_to_units.product);
COMMENT ON FUNCTION vbp.packs_to_units(bigint, vbp.drugcode) IS
  'A quantity in packs (盒) as smallest units (最小制剂单位): packs x the product''s units_per_pack; NULL for a product vbp does not know';

CREATE FUNCTION vbp.capture() RETURNS trigger
  AS 'MODULE_PATHNAME', 'pgvbp_capture' LANGUAGE C;
COMMENT ON FUNCTION vbp.capture() IS
  'Capture trigger (数据采集触发器): AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW on a user''s purchase or dispensing table; arguments the target (''purchase'' or ''dispensing''), the key column, then target=source column pairs covering every required column; keeps one vbp ledger row per source row, linked in vbp.capture_link; a bad value is rejected with the target type''s error and nothing is half-written';

CREATE FUNCTION vbp.capture_diff(source regclass)
  RETURNS TABLE (source_key text, problem text, detail text)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp AS $fn$
DECLARE
  tg record;
  args text[];
  target text;
  keycol text;
  idcol text;
  datecol text;
  src_name text;
  pair text;
  tcol text;
  scol text;
  typ text;
  cmp text := '';
  product_src text;
  n int := 0;
BEGIN
  SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) INTO src_name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = source;
  -- the capture trigger of the table and its arguments, as vbp.capture reads them
  SELECT t.tgargs, t.tgnargs INTO tg FROM pg_trigger t
  WHERE t.tgrelid = source AND t.tgfoid = 'vbp.capture()'::regprocedure AND (t.tgtype & 1) = 1
  ORDER BY t.tgname LIMIT 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'table % has no vbp.capture row trigger', source
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  args := (SELECT array_agg(a ORDER BY o) FROM unnest(string_to_array(rtrim(encode(tg.tgargs, 'escape'), '\000'), '\000')) WITH ORDINALITY x(a, o));
  target := args[1];
  keycol := args[2];
  idcol := CASE target WHEN 'purchase' THEN 'purchase_id' ELSE 'dispensing_id' END;
  datecol := CASE target WHEN 'purchase' THEN 'purchased_on' ELSE 'dispensed_on' END;
  FOREACH pair IN ARRAY args[3:] LOOP
    tcol := split_part(pair, '=', 1);
    scol := substr(pair, length(tcol) + 2);
    CONTINUE WHEN tcol = 'on_error';
    IF tcol = 'product_code' THEN product_src := scol; END IF;
  END LOOP;
  FOREACH pair IN ARRAY args[3:] LOOP
    tcol := split_part(pair, '=', 1);
    scol := substr(pair, length(tcol) + 2);
    CONTINUE WHEN tcol = 'on_error';
    -- the ledger column's own type, as the trigger casts to it
    SELECT format_type(a.atttypid, a.atttypmod) INTO typ FROM pg_attribute a
    WHERE a.attrelid = format('vbp.%I', target)::regclass
      AND a.attname = CASE WHEN tcol = 'quantity_packs' THEN 'quantity' ELSE tcol END;
    cmp := cmp || format(' UNION ALL SELECT %L WHERE (%s) IS DISTINCT FROM t.%I', tcol,
      CASE WHEN tcol = 'quantity_packs' THEN format('vbp.packs_to_units(s.%I::text::bigint, s.%I::text::vbp.drugcode)', scol, product_src)
           WHEN tcol = 'channel' THEN format('vbp.translate_value(''channel'', s.%I::text)', scol)
           ELSE format('s.%I::text::%s', scol, typ) END,
      CASE WHEN tcol = 'quantity_packs' THEN 'quantity' ELSE tcol END);
  END LOOP;
  -- source rows not captured (written before the trigger, or quarantined), links whose
  -- source row or ledger row is gone, and captured rows whose values differ
  RETURN QUERY EXECUTE format(
    'SELECT s.%1$I::text, ''not captured'', ''The row has no ledger row (written before the trigger, quarantined, or while the trigger was off).''
       FROM %2$s s WHERE s.%1$I IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM vbp.capture_link l WHERE l.source_table = %3$L AND l.source_key = s.%1$I::text)
     UNION ALL
     SELECT l.source_key, ''source row gone'', format(''The link points at vbp.%%s row %%s, but the table has no row with this key.'', l.target, l.target_id)
       FROM vbp.capture_link l WHERE l.source_table = %3$L
        AND NOT EXISTS (SELECT 1 FROM %2$s s WHERE s.%1$I::text = l.source_key)
     UNION ALL
     SELECT l.source_key, ''ledger row missing'', format(''The linked vbp.%%s row %%s of %%s is gone.'', l.target, l.target_id, l.target_date)
       FROM vbp.capture_link l WHERE l.source_table = %3$L
        AND NOT EXISTS (SELECT 1 FROM vbp.%4$I t WHERE t.%5$I = l.target_id AND t.%6$I = l.target_date)
     UNION ALL
     SELECT l.source_key, ''differs'', format(''Column %%s of the ledger row does not hold the source row''''s value.'', d.col)
       FROM vbp.capture_link l
       JOIN %2$s s ON s.%1$I::text = l.source_key
       JOIN vbp.%4$I t ON t.%5$I = l.target_id AND t.%6$I = l.target_date
       CROSS JOIN LATERAL (SELECT NULL::text WHERE false %7$s) d(col)
      WHERE l.source_table = %3$L
     ORDER BY 1, 2, 3',
    keycol, source, src_name, target, idcol, datecol, cmp);
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.capture_diff(regclass) FROM PUBLIC;
COMMENT ON FUNCTION vbp.capture_diff(regclass) IS
  'Compares a table a vbp.capture trigger feeds with its ledger rows (采集核对): source rows not captured, links whose source or ledger row is gone, and captured rows whose mapped values differ (column named); empty when they agree';
