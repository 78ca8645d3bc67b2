-- vbp 0.11.0 -> 0.12.0: multi-tenant security.  Every SQL and PL/pgSQL function
-- pins search_path ending in pg_temp; administrative functions are no longer
-- executable by PUBLIC; views are security_invoker (PostgreSQL 15+); row-level
-- security on every table, with vbp.tenant_scope, vbp.tenancy_tables(),
-- vbp.setup_tenancy(), vbp.grant_tenant() and vbp.revoke_tenant().  The
-- fulfilment counters' triggers exist only while the counters are on.
-- Released: never edit; ship fixes as a new upgrade script.

\echo Use "ALTER EXTENSION vbp UPDATE TO '0.12.0'" to load this file. \quit

-- =====================================================================
-- Fulfilment counters: the triggers on vbp.purchase exist only while the
-- counters are on (PostgreSQL collects transition tables even for disabled
-- triggers, and they forbid routing writes to foreign partitions).
-- =====================================================================
-- the four statement triggers of vbp.purchase that run the counter function:
-- created to switch the counters on, dropped to switch them off
CREATE OR REPLACE FUNCTION vbp.fulfilment_counter_triggers(action text) RETURNS void
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

COMMENT ON FUNCTION vbp.enable_fulfilment_counters() IS
  'Turns the fulfilment counters on (开启履约计数器): creates the purchase triggers, rebuilds the counters and keeps them from then on; needs the owner of vbp.purchase; returns the agreements counted';
COMMENT ON FUNCTION vbp.disable_fulfilment_counters() IS
  'Turns the fulfilment counters off and empties them: the purchase triggers are dropped, so writes no longer pay for them; needs the owner of vbp.purchase';
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM vbp.fulfilment_counter_state WHERE enabled) THEN
    PERFORM vbp.fulfilment_counter_triggers('DISABLE');
  END IF;
END $$;


-- =====================================================================
-- Multi-tenant security (多租户权限; issue 9, 0.12.0).  Three group roles
-- (provincial analyst, institution user, read-only BI reader), a scope table
-- saying which province or institution each member may see, and row-level
-- security on every vbp table.  The policies name no role, so they live in
-- this script; the roles are cluster-wide and come, with their grants, from
-- vbp.setup_tenancy(), run once by the DBA.
-- Design and threat model: doc/security.md.
-- =====================================================================

-- Every SQL and PL/pgSQL function resolves names through a pinned path that
-- ends in pg_temp (so a temporary object can never shadow a vbp or catalog
-- one).  These five had pg_catalog alone, three had none.
ALTER FUNCTION vbp.protect_shipped_rows() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.copy_rule_set(regclass, text, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.forbid_change() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.agreed_volume(bigint, numeric) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.price_cut(numeric, numeric) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.report_date() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.price_cuts_combine(vbp.price_cut_state, vbp.price_cut_state) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION vbp.price_cuts_final(vbp.price_cut_state) SET search_path = pg_catalog, pg_temp;

-- Functions that write or administer: the owner (or a role it grants) only.
REVOKE EXECUTE ON FUNCTION vbp.add_month_partitions(regclass, date, date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.copy_rule_set(regclass, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.generate_demo(integer, bigint, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.settle_retention(integer, vbp.orgcode, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.adjust_retention(integer, vbp.orgcode, vbp.cny, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.enable_fulfilment_counters() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.disable_fulfilment_counters() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.rebuild_fulfilment_counters() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.fulfilment_counter_triggers(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION vbp.refresh_reports(boolean) FROM PUBLIC;

-- Views run with the querying user's rights, so row-level security on the
-- tables beneath applies to whoever reads the view (PostgreSQL 15+; on 13
-- and 14 views run as their owner and vbp.setup_tenancy() refuses).
-- CREATE OR REPLACE VIEW resets this option: repeat it in later scripts.
DO $$
DECLARE v regclass;
BEGIN
  IF current_setting('server_version_num')::int >= 150000 THEN
    FOR v IN SELECT c.oid::regclass FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'v' ORDER BY c.relname
    LOOP
      EXECUTE pg_catalog.format('ALTER VIEW %s SET (security_invoker = true)', v);
    END LOOP;
  END IF;
END $$;

CREATE TABLE vbp.tenant_scope (
  scope_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member    regrole NOT NULL,
  scope     text NOT NULL CHECK (scope IN ('nation', 'province', 'institution')),
  province  text REFERENCES vbp.division CHECK (province ~ '^[1-9][0-9]$'),
  org_code  vbp.orgcode REFERENCES vbp.institution,
  CHECK ((scope = 'nation' AND province IS NULL AND org_code IS NULL)
      OR (scope = 'province' AND province IS NOT NULL AND org_code IS NULL)
      OR (scope = 'institution' AND org_code IS NOT NULL AND province IS NULL))
);
CREATE UNIQUE INDEX tenant_scope_key ON vbp.tenant_scope
  (member, scope, coalesce(province, ''), coalesce(org_code::text, ''));
SELECT pg_catalog.pg_extension_config_dump('vbp.tenant_scope', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.tenant_scope_scope_id_seq', '');
COMMENT ON TABLE vbp.tenant_scope IS
  'Tenant scope (数据权限范围): what each role, and every role that is a member of it, may see under row-level security: the whole nation, one province or one institution.  Rows are added by vbp.grant_tenant()';
COMMENT ON COLUMN vbp.tenant_scope.scope_id IS 'Surrogate key';
COMMENT ON SEQUENCE vbp.tenant_scope_scope_id_seq IS 'Identity sequence of vbp.tenant_scope.scope_id';
COMMENT ON COLUMN vbp.tenant_scope.member IS 'Role the scope belongs to; members of that role inherit it';
COMMENT ON COLUMN vbp.tenant_scope.scope IS 'nation (全国), province (省级) or institution (机构)';
COMMENT ON COLUMN vbp.tenant_scope.province IS 'Province code (省级行政区划代码, the first two digits, e.g. 44 for Guangdong; a vbp.division) for a provincial scope';
COMMENT ON COLUMN vbp.tenant_scope.org_code IS 'Institution for an institution scope';

-- The tables an institution's rows live in are those with an org_code column;
-- published reference data is readable by every tenant; the rest (trigger
-- bookkeeping, demo truth, the counters' state) by none.
CREATE FUNCTION vbp.tenancy_tables()
  RETURNS TABLE (table_name regclass, access text)
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.oid::regclass,
         CASE WHEN c.relname = 'institution' THEN 'institution'
              WHEN c.relname = 'tenant_scope' THEN 'own scope'
              WHEN c.relname = 'patient_certification' THEN 'patients served'
              WHEN c.relname IN ('demo_injection', 'demo_run', 'capture_link', 'trace_sighting',
                                 'trace_alert', 'fulfilment_counter_state') THEN 'none'
              WHEN EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'org_code' AND NOT a.attisdropped
                             AND a.atttypid = 'vbp.orgcode'::regtype) THEN 'rows of visible institutions'
              ELSE 'reference' END
  FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  ORDER BY c.relname
$$;
COMMENT ON FUNCTION vbp.tenancy_tables() IS
  'How row-level security treats each vbp table (租户可见范围): institution rows by scope, rows of visible institutions, patients served, reference (all), own scope, or none';

-- Row-level security on every table, and its policies, here in the script:
-- pg_dump (checked on 15.20) dumps no policy of an extension's table, so a
-- restore gets them from CREATE EXTENSION.  Policies apply to every role but
-- the owner (who loads data and runs the triggers): a role sees the rows its
-- vbp.tenant_scope allows, all published reference data, and nothing else.
DO $do$
DECLARE r record;
BEGIN
  FOR r IN SELECT * FROM vbp.tenancy_tables() LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', r.table_name);
    CASE r.access
      WHEN 'none' THEN
        NULL;
      WHEN 'reference' THEN
        EXECUTE format('CREATE POLICY tenant_read ON %s FOR SELECT USING (true)', r.table_name);
      WHEN 'own scope' THEN
        EXECUTE format('CREATE POLICY tenant_read ON %s FOR SELECT USING (pg_catalog.pg_has_role(member, ''MEMBER''))',
                       r.table_name);
      WHEN 'institution' THEN
        -- three uncorrelated tests (an init plan and two hashed sub-plans, each
        -- evaluated once per query), not a correlated EXISTS per institution
        EXECUTE format($p$CREATE POLICY tenant_read ON %s FOR SELECT USING (
            EXISTS (SELECT 1 FROM vbp.tenant_scope s
                    WHERE s.scope = 'nation' AND pg_catalog.pg_has_role(s.member, 'MEMBER'))
            OR vbp.province(org_code) = ANY (SELECT s.province FROM vbp.tenant_scope s
                    WHERE s.scope = 'province' AND pg_catalog.pg_has_role(s.member, 'MEMBER'))
            OR org_code OPERATOR(vbp.=) ANY (SELECT s.org_code FROM vbp.tenant_scope s
                    WHERE s.scope = 'institution' AND pg_catalog.pg_has_role(s.member, 'MEMBER')))$p$,
                       r.table_name);
      WHEN 'rows of visible institutions' THEN
        EXECUTE format('CREATE POLICY tenant_read ON %s FOR SELECT USING (org_code OPERATOR(vbp.=) ANY (SELECT i.org_code FROM vbp.institution i))',
                       r.table_name);
      WHEN 'patients served' THEN
        EXECUTE format($p$CREATE POLICY tenant_read ON %s FOR SELECT USING (
            (SELECT pg_catalog.bool_or(s.scope = 'nation') FROM vbp.tenant_scope s
             WHERE pg_catalog.pg_has_role(s.member, 'MEMBER'))
            OR patient_id IN (SELECT d.patient_id FROM vbp.dispensing d)
            OR patient_id IN (SELECT p.patient_id FROM vbp.prescription p))$p$, r.table_name);
    END CASE;
  END LOOP;
END
$do$;

CREATE FUNCTION vbp.setup_tenancy()
  RETURNS TABLE (object text, action text)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
  roles constant text[] := ARRAY['vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader'];
  ro text;
BEGIN
  IF current_setting('server_version_num')::int < 150000 THEN
    RAISE EXCEPTION 'vbp tenancy needs PostgreSQL 15 or later'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'Views must be security_invoker for row-level security to apply through them.';
  END IF;
  FOREACH ro IN ARRAY roles LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ro) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', ro);
      object := ro; action := 'role created'; RETURN NEXT;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA vbp TO %I', ro);
  END LOOP;
  EXECUTE 'COMMENT ON ROLE vbp_province_analyst IS ''vbp provincial analyst (省级分析员): reads the rows of the institutions of the provinces in its vbp.tenant_scope''';
  EXECUTE 'COMMENT ON ROLE vbp_institution_user IS ''vbp institution user (医疗机构用户): reads the rows of its own institution''';
  EXECUTE 'COMMENT ON ROLE vbp_bi_reader IS ''vbp read-only BI reader (BI只读): reads everything, including the bi_* materialized views, and writes nothing''';

  FOR r IN SELECT * FROM vbp.tenancy_tables() LOOP
    IF r.access = 'none' THEN
      object := r.table_name::text; action := 'no tenant access'; RETURN NEXT;
      CONTINUE;
    END IF;
    FOREACH ro IN ARRAY roles LOOP
      EXECUTE format('GRANT SELECT ON %s TO %I', r.table_name, ro);
    END LOOP;
    object := r.table_name::text; action := 'readable: ' || r.access; RETURN NEXT;
  END LOOP;

  FOR r IN SELECT c.oid::regclass AS v, c.relkind FROM pg_class c
           WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY c.relname LOOP
    IF r.relkind = 'v' THEN
      FOREACH ro IN ARRAY roles LOOP
        EXECUTE format('GRANT SELECT ON %s TO %I', r.v, ro);
      END LOOP;
      object := r.v::text; action := 'view readable, rows filtered as the reader'; RETURN NEXT;
    ELSE
      -- a materialized view holds every institution's rows and has no row security
      EXECUTE format('GRANT SELECT ON %s TO vbp_bi_reader', r.v);
      object := r.v::text; action := 'materialized view: BI reader only'; RETURN NEXT;
    END IF;
  END LOOP;

  IF NOT EXISTS (SELECT 1 FROM vbp.tenant_scope WHERE member = 'vbp_bi_reader'::regrole AND scope = 'nation') THEN
    INSERT INTO vbp.tenant_scope (member, scope) VALUES ('vbp_bi_reader'::regrole, 'nation');
    object := 'vbp_bi_reader'; action := 'scope: nation'; RETURN NEXT;
  END IF;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.setup_tenancy() FROM PUBLIC;
COMMENT ON FUNCTION vbp.setup_tenancy() IS
  'Creates the tenant roles vbp_province_analyst, vbp_institution_user and vbp_bi_reader (if missing), grants them USAGE on the schema and SELECT on every table and view a tenant may read (the bi_* materialized views to the BI reader only), and gives the BI reader the nation scope (多租户设置); idempotent, run again after each ALTER EXTENSION vbp UPDATE.  Needs CREATEROLE and ownership of the vbp objects';

CREATE FUNCTION vbp.grant_tenant(member regrole, kind text, province text DEFAULT NULL,
                                 org_code vbp.orgcode DEFAULT NULL)
  RETURNS vbp.tenant_scope
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  grp text;
  scope text;
  result vbp.tenant_scope;
BEGIN
  IF member IS NULL OR kind IS NULL THEN
    RAISE EXCEPTION 'member and kind must not be null' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  CASE kind
    WHEN 'province_analyst' THEN grp := 'vbp_province_analyst'; scope := 'province';
    WHEN 'institution_user' THEN grp := 'vbp_institution_user'; scope := 'institution';
    WHEN 'bi_reader' THEN grp := 'vbp_bi_reader'; scope := NULL;
    ELSE RAISE EXCEPTION 'unknown tenant kind "%"', kind
           USING ERRCODE = 'invalid_parameter_value',
                 HINT = 'Use province_analyst, institution_user or bi_reader.';
  END CASE;
  IF scope = 'province' AND (province IS NULL OR org_code IS NOT NULL) THEN
    RAISE EXCEPTION 'a provincial analyst needs a province and no institution'
      USING ERRCODE = 'invalid_parameter_value';
  ELSIF scope = 'institution' AND (org_code IS NULL OR province IS NOT NULL) THEN
    RAISE EXCEPTION 'an institution user needs an institution and no province'
      USING ERRCODE = 'invalid_parameter_value';
  ELSIF scope IS NULL AND (province IS NOT NULL OR org_code IS NOT NULL) THEN
    RAISE EXCEPTION 'a BI reader sees the whole nation and takes no province or institution'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    RAISE EXCEPTION 'role "%" does not exist', grp
      USING ERRCODE = 'undefined_object', HINT = 'Run vbp.setup_tenancy() first.';
  END IF;
  IF NOT pg_has_role(member, grp, 'USAGE') OR NOT EXISTS (
       SELECT 1 FROM pg_auth_members m WHERE m.roleid = grp::regrole AND m.member = grant_tenant.member) THEN
    EXECUTE format('GRANT %I TO %s', grp, member);
  END IF;
  IF scope IS NOT NULL THEN
    INSERT INTO vbp.tenant_scope AS t (member, scope, province, org_code)
      VALUES (grant_tenant.member, scope, grant_tenant.province, grant_tenant.org_code)
      RETURNING t.* INTO result;
  ELSE
    SELECT t.* INTO result FROM vbp.tenant_scope t WHERE t.member = 'vbp_bi_reader'::regrole AND t.scope = 'nation';
  END IF;
  RETURN result;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.grant_tenant(regrole, text, text, vbp.orgcode) FROM PUBLIC;
COMMENT ON FUNCTION vbp.grant_tenant(regrole, text, text, vbp.orgcode) IS
  'Makes a role a tenant (授予数据权限): province_analyst with a province, institution_user with an institution, or bi_reader; grants the matching vbp_* group role and records the scope in vbp.tenant_scope';

CREATE FUNCTION vbp.revoke_tenant(member regrole)
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  ro text;
  n bigint;
BEGIN
  DELETE FROM vbp.tenant_scope t WHERE t.member = revoke_tenant.member;
  GET DIAGNOSTICS n = ROW_COUNT;
  FOREACH ro IN ARRAY ARRAY['vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader'] LOOP
    IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = ro)
                                                 AND m.member = revoke_tenant.member) THEN
      EXECUTE format('REVOKE %I FROM %s', ro, member);
    END IF;
  END LOOP;
  RETURN n;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.revoke_tenant(regrole) FROM PUBLIC;
COMMENT ON FUNCTION vbp.revoke_tenant(regrole) IS
  'Ends a role''s tenancy (撤销数据权限): deletes its scope rows and revokes the vbp_* group roles; returns the number of scope rows deleted';


-- =====================================================================
-- Scale-out over postgres_fdw (issue 9, 0.12.0; doc/scale-out.md).  A foreign
-- server with OPTIONS (extensions 'vbp') ships an expression to the shards
-- only if every function, operator and type in it belongs to vbp.  Array
-- types are not made members with their element type, so without these an
-- org_code IN (...) list or vbp.cycle_tally's product -> cycle map would be
-- evaluated on the coordinator.
-- =====================================================================
ALTER EXTENSION vbp ADD TYPE vbp.drugcode[];
COMMENT ON TYPE vbp.drugcode[] IS 'Array of vbp.drugcode (医保药品代码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.tracecode[];
COMMENT ON TYPE vbp.tracecode[] IS 'Array of vbp.tracecode (药品追溯码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.orgcode[];
COMMENT ON TYPE vbp.orgcode[] IS 'Array of vbp.orgcode (定点医药机构编码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.uscc[];
COMMENT ON TYPE vbp.uscc[] IS 'Array of vbp.uscc (统一社会信用代码), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.cny[];
COMMENT ON TYPE vbp.cny[] IS 'Array of vbp.cny (人民币金额), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.product_cycle[];
COMMENT ON TYPE vbp.product_cycle[] IS 'Array of vbp.product_cycle (产品-周期映射), a member of vbp so that postgres_fdw ships expressions using it';
ALTER EXTENSION vbp ADD TYPE vbp.cycle_totals[];
COMMENT ON TYPE vbp.cycle_totals[] IS 'Array of vbp.cycle_totals (周期汇总), a member of vbp so that postgres_fdw ships expressions using it';
