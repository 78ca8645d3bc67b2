\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Capture trigger: vbp.capture feeds vbp.purchase or
-- vbp.dispensing from a user's own table (doc/triggers.md); the link from
-- each source row to its ledger row lives here.
-- =====================================================================

CREATE TABLE vbp.capture_link (
  source_table  regclass NOT NULL,
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
COMMENT ON COLUMN vbp.capture_link.source_table IS 'The user''s table, by identity: a rename keeps the link (pg_dump writes the name)';
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

-- the date a ledger row carries, whatever the writing session's DateStyle and TimeZone
CREATE FUNCTION vbp.ledger_date(value date) RETURNS date
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN value;
COMMENT ON FUNCTION vbp.ledger_date(date) IS
  'The ledger date (业务日期) of a date: itself';
CREATE FUNCTION vbp.ledger_date(value timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN value::date;
COMMENT ON FUNCTION vbp.ledger_date(timestamp) IS
  'The ledger date (业务日期) of a local timestamp: its calendar day';
CREATE FUNCTION vbp.ledger_date(value timestamptz) RETURNS date
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN (value AT TIME ZONE vbp.param_text(vbp.report_rule_set(), 'ledger_time_zone'))::date;
COMMENT ON FUNCTION vbp.ledger_date(timestamptz) IS
  'The ledger date (业务日期) of an instant: its calendar day in parameter ledger_time_zone (Asia/Shanghai), not in the session''s TimeZone';
CREATE FUNCTION vbp.ledger_date(value text) RETURNS date
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  d date := vbp.parse_date(value);
BEGIN
  IF d IS NULL THEN
    RAISE EXCEPTION 'invalid date "%"', value
      USING ERRCODE = 'invalid_datetime_format',
            DETAIL = vbp.parse_error('date', value),
            HINT = 'A date written as text is read by its own form, not by the session''s DateStyle.';
  END IF;
  RETURN d;
END $$;
COMMENT ON FUNCTION vbp.ledger_date(text) IS
  'The ledger date (业务日期) of a date written as text, read as vbp.parse_date reads it (YYYY-MM-DD, YYYY/M/D, YYYYMMDD, YYYY年M月D日, optionally with a time of day), never by the session''s DateStyle: 03/05/2024 is refused (22007) rather than read as March or May';

-- the amount a ledger row carries, from a hospital's amount kept as money or as a binary fraction
CREATE FUNCTION vbp.ledger_amount(value money) RETURNS vbp.cny
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN value::numeric::vbp.cny;
COMMENT ON FUNCTION vbp.ledger_amount(money) IS
  'The ledger amount (业务金额) of a money value: exactly its numeric value (money''s text carries a currency sign and group separators, by lc_monetary, which vbp.cny does not read)';
CREATE FUNCTION vbp.ledger_amount(value double precision) RETURNS vbp.cny
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN value::numeric::vbp.cny;
COMMENT ON FUNCTION vbp.ledger_amount(double precision) IS
  'The ledger amount (业务金额) of an amount kept as a binary fraction (real or double precision): its value to 15 significant digits, whatever the session''s extra_float_digits makes its text, rounded to the fen by vbp.cny (22003 beyond its range, 22P02 for NaN or infinity)';

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

-- A dropped table's links go with it: a later table that happens to get the
-- same OID must not find them.  SECURITY DEFINER: the role that drops its own
-- table may not write vbp's bookkeeping; it removes only the links of the
-- tables just dropped.
CREATE FUNCTION vbp.capture_forget_dropped() RETURNS event_trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = vbp, pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM vbp.capture_link l
  USING pg_event_trigger_dropped_objects() d
  WHERE d.classid = 'pg_class'::regclass AND d.objsubid = 0 AND l.source_table = d.objid::regclass;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    RAISE NOTICE 'vbp.capture forgot the links of % captured row(s) of the dropped table; their ledger rows stay', n;
  END IF;
END $$;
COMMENT ON FUNCTION vbp.capture_forget_dropped() IS
  'Event trigger: removes the vbp.capture_link rows of tables just dropped (the purchases and dispensing they became stay in the ledger), so no later table reusing the OID inherits them';
REVOKE EXECUTE ON FUNCTION vbp.capture_forget_dropped() FROM PUBLIC;
CREATE EVENT TRIGGER vbp_capture_forget_dropped ON sql_drop
  WHEN TAG IN ('DROP TABLE', 'DROP SCHEMA', 'DROP OWNED')
  EXECUTE FUNCTION vbp.capture_forget_dropped();
COMMENT ON EVENT TRIGGER vbp_capture_forget_dropped IS
  'Forgets the capture links of dropped tables (vbp.capture_forget_dropped)';

CREATE FUNCTION vbp.capture_diff(source regclass)
  RETURNS TABLE (source_key text, problem text, detail text)
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = vbp, pg_catalog, pg_temp
  -- the keys' text as the capture trigger writes it, whatever the session has set
  SET datestyle = 'ISO, YMD' SET timezone = 'UTC' SET intervalstyle = 'postgres' SET extra_float_digits = 3 AS $fn$
DECLARE
  tg record;
  args text[];
  target text;
  keycol text;
  idcol text;
  datecol text;
  pair text;
  tcol text;
  scol text;
  typ text;
  typid regtype;
  lcol text;
  cols text[] := '{}';
  exprs text[] := '{}';
  cmp text := '';
  product_src text;
  srctype regtype;
  linked text;
  linked_where text;
  ks text[];
  ps text[];
  ds text[];
  dk text[];
  dc text[];
  k text;
  i int;
  bad boolean;
BEGIN
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
    -- the ledger column, and its own type, as the trigger casts to it
    lcol := CASE WHEN tcol = 'quantity_packs' THEN 'quantity' ELSE tcol END;
    SELECT format_type(a.atttypid, a.atttypmod), a.atttypid::regtype INTO typ, typid FROM pg_attribute a
    WHERE a.attrelid = format('vbp.%I', target)::regclass AND a.attname = lcol;
    SELECT a.atttypid::regtype INTO srctype FROM pg_attribute a WHERE a.attrelid = source AND a.attname = scol;
    cols := cols || lcol;
    exprs := exprs || format('(%s) IS DISTINCT FROM t.%I',
      CASE WHEN tcol = 'quantity_packs' THEN format('vbp.packs_to_units(s.%I::text::bigint, s.%I::text::vbp.drugcode)', scol, product_src)
           WHEN tcol = 'channel' THEN format('vbp.translate_value(''channel'', s.%I::text)', scol)
           -- dates as the trigger converts them (vbp.ledger_date)
           WHEN typ = 'date' AND srctype IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
             THEN format('vbp.ledger_date(s.%I)', scol)
           WHEN typ = 'date' THEN format('vbp.ledger_date(s.%I::text)', scol)
           -- amounts kept as money or as binary fractions, as the trigger converts them
           WHEN typid = 'vbp.cny'::regtype AND srctype IN ('money'::regtype, 'real'::regtype, 'double precision'::regtype)
             THEN format('vbp.ledger_amount(s.%I)', scol)
           ELSE format('s.%I::text::%s', scol, typ) END,
      lcol);
  END LOOP;
  FOR i IN 1 .. cardinality(cols) LOOP
    cmp := cmp || format(' UNION ALL SELECT %L WHERE %s', cols[i], exprs[i]);
  END LOOP;
  -- the linked rows, their source rows and ledger rows
  linked := format(
    '    FROM vbp.capture_link l
       JOIN %1$s s ON s.%2$I::text = l.source_key
       JOIN vbp.%3$I t ON t.%4$I = l.target_id AND t.%5$I = l.target_date',
    source, keycol, target, idcol, datecol);
  linked_where := format(' WHERE l.source_table = %s::pg_catalog.oid::pg_catalog.regclass', source::oid);
  -- source rows not captured (written before the trigger, or quarantined), links whose
  -- source row or ledger row is gone: no value converted
  EXECUTE format(
    'SELECT coalesce(array_agg(q.k), ''{}''), coalesce(array_agg(q.p), ''{}''), coalesce(array_agg(q.d), ''{}'') FROM (
     SELECT s.%1$I::text, ''not captured'', ''The row has no ledger row (written before the trigger, quarantined, or while the trigger was off).''
       FROM %2$s s WHERE s.%1$I IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM vbp.capture_link l WHERE l.source_table = %3$s::pg_catalog.oid::pg_catalog.regclass AND l.source_key = s.%1$I::text)
     UNION ALL
     SELECT l.source_key, ''source row gone'', format(''The link points at vbp.%%s row %%s, but the table has no row with this key.'', l.target, l.target_id)
       FROM vbp.capture_link l WHERE l.source_table = %3$s::pg_catalog.oid::pg_catalog.regclass
        AND NOT EXISTS (SELECT 1 FROM %2$s s WHERE s.%1$I::text = l.source_key)
     UNION ALL
     SELECT l.source_key, ''ledger row missing'', format(''The linked vbp.%%s row %%s of %%s is gone.'', l.target, l.target_id, l.target_date)
       FROM vbp.capture_link l WHERE l.source_table = %3$s::pg_catalog.oid::pg_catalog.regclass
        AND NOT EXISTS (SELECT 1 FROM vbp.%4$I t WHERE t.%5$I = l.target_id AND t.%6$I = l.target_date)) q(k, p, d)',
    keycol, source, source::oid, target, idcol, datecol)
    INTO ks, ps, ds;
  -- captured rows whose values differ, all in one pass; a value that no longer
  -- converts (written while the trigger was off) fails the pass, and the rows are
  -- then compared one by one, each column alone, so that the row is listed
  BEGIN
    EXECUTE format('SELECT coalesce(array_agg(l.source_key), ''{}''), coalesce(array_agg(d.col), ''{}'') %s
                    CROSS JOIN LATERAL (SELECT NULL::text WHERE false %s) d(col) %s', linked, cmp, linked_where)
      INTO dk, dc;
  EXCEPTION WHEN data_exception THEN
    dk := '{}';
    dc := '{}';
    FOR k IN EXECUTE format('SELECT l.source_key %s %s ORDER BY 1', linked, linked_where) LOOP
      FOR i IN 1 .. cardinality(cols) LOOP
        BEGIN
          EXECUTE format('SELECT %s %s %s AND l.source_key = $1', exprs[i], linked, linked_where) INTO bad USING k;
          IF bad THEN
            dk := dk || k;
            dc := dc || cols[i];
          END IF;
        EXCEPTION WHEN data_exception THEN
          ks := ks || k;
          ps := ps || 'unconvertible'::text;
          ds := ds || format('Column %s of the source row cannot be converted as the capture converts it: %s.', cols[i], SQLERRM);
        END;
      END LOOP;
    END LOOP;
  END;
  RETURN QUERY
    SELECT x.k, x.p, x.d FROM unnest(ks, ps, ds) x(k, p, d)
    UNION ALL
    SELECT x.k, 'differs', format('Column %s of the ledger row does not hold the source row''s value.', x.c)
    FROM unnest(dk, dc) x(k, c)
    ORDER BY 1, 2, 3;
END $fn$;
REVOKE EXECUTE ON FUNCTION vbp.capture_diff(regclass) FROM PUBLIC;
COMMENT ON FUNCTION vbp.capture_diff(regclass) IS
  'Compares a table a vbp.capture trigger feeds with its ledger rows (采集核对): source rows not captured, links whose source or ledger row is gone, captured rows whose mapped values differ (column named), and captured rows with a value the capture can no longer convert (unconvertible, column and error named: written while the trigger was off); empty when they agree';
