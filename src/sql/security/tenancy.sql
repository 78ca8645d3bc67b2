\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Tenancy administration (多租户设置): the group roles and their grants, and
-- the members' scopes.  Run by the DBA; see doc/security.md.
-- =====================================================================

CREATE FUNCTION vbp.setup_tenancy()
  RETURNS TABLE (object text, action text)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
  roles constant text[] := ARRAY['vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader', 'vbp_writer'];
  ro text;
BEGIN
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
  EXECUTE 'COMMENT ON ROLE vbp_writer IS ''vbp writer (数据写入): a hospital application that feeds vbp through the capture and guard triggers on its own tables, for the institution in its vbp.tenant_scope; reads only that institution''''s rows''';

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
    IF r.relkind = 'v' AND r.v::text NOT LIKE 'vbp.bi\_%' THEN
      FOREACH ro IN ARRAY roles LOOP
        EXECUTE format('GRANT SELECT ON %s TO %I', r.v, ro);
      END LOOP;
      object := r.v::text; action := 'view readable, rows filtered as the reader'; RETURN NEXT;
    ELSE
      -- a materialized view holds every institution's rows and has no row
      -- security; so does a bi_* view over them or over the tables the
      -- refresh keeps (read with its owner's rights)
      EXECUTE format('GRANT SELECT ON %s TO vbp_bi_reader', r.v);
      object := r.v::text; action := CASE r.relkind WHEN 'm' THEN 'materialized view' ELSE 'view of stored reports' END
                                     || ': BI reader only'; RETURN NEXT;
    END IF;
  END LOOP;

  -- the report page reads the live reports, as the caller
  FOREACH ro IN ARRAY roles LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION vbp.report_page(date, int, vbp.orgcode) TO %I', ro);
  END LOOP;
  object := 'vbp.report_page'; action := 'executable, rows filtered as the caller'; RETURN NEXT;

  -- a writer feeds the ledgers of its scope (row security: vbp.may_write) and
  -- keeps its own loads (vbp.load, vbp.undo_load)
  GRANT INSERT, UPDATE, DELETE ON vbp.purchase, vbp.dispensing TO vbp_writer;
  GRANT USAGE ON SEQUENCE vbp.purchase_id_seq, vbp.dispensing_id_seq TO vbp_writer;
  GRANT INSERT, UPDATE ON vbp.load TO vbp_writer;
  GRANT INSERT ON vbp.load_reject, vbp.load_superseded TO vbp_writer;
  GRANT EXECUTE ON FUNCTION vbp.load(text, regclass, text, text), vbp.undo_load(bigint), vbp.load_replaced_since(bigint),
                            vbp.stage_table(text, text, text) TO vbp_writer;
  -- the guard on the hospital's own tables (creating triggers still needs the table's owner)
  GRANT EXECUTE ON FUNCTION vbp.attach_tracecode_guard(regclass, text[]), vbp.detach_tracecode_guard(regclass),
                            vbp.tracecode_guard_check(regclass, text[]) TO vbp_writer;
  object := 'vbp.purchase, vbp.dispensing'; action := 'writable by vbp_writer within its scope'; RETURN NEXT;

  -- scopes of dropped roles hold for nobody (vbp.scope_holder); remove them
  FOR r IN DELETE FROM vbp.tenant_scope t WHERE t.member::text <> t.member_name RETURNING t.member_name, t.scope LOOP
    object := r.member_name; action := 'scope of a dropped role removed: ' || r.scope; RETURN NEXT;
  END LOOP;

  IF NOT EXISTS (SELECT 1 FROM vbp.tenant_scope WHERE member = 'vbp_bi_reader'::regrole AND scope = 'nation') THEN
    INSERT INTO vbp.tenant_scope (member, member_name, scope) VALUES ('vbp_bi_reader'::regrole, 'vbp_bi_reader', 'nation');
    object := 'vbp_bi_reader'; action := 'scope: nation'; RETURN NEXT;
  END IF;
  IF vbp.sync_tenant_scope() > 0 THEN
    object := 'vbp.tenant_scope'; action := 'copied to the Citus workers'; RETURN NEXT;
  END IF;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.setup_tenancy() FROM PUBLIC;
COMMENT ON FUNCTION vbp.setup_tenancy() IS
  'Creates the tenant roles vbp_province_analyst, vbp_institution_user and vbp_bi_reader (if missing), grants them USAGE on the schema and SELECT on every table and view a tenant may read (the bi_* materialized views to the BI reader only), gives the BI reader the nation scope and removes the scope rows of dropped roles (多租户设置); idempotent, run again after each ALTER EXTENSION vbp UPDATE.  Needs CREATEROLE and ownership of the vbp objects';

CREATE FUNCTION vbp.grant_tenant(member regrole, kind text, province text DEFAULT NULL,
                                 org_code vbp.orgcode DEFAULT NULL)
  RETURNS vbp.tenant_scope
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  grp text;
  scope text;
  preload text;
  result vbp.tenant_scope;
BEGIN
  IF member IS NULL OR kind IS NULL THEN
    RAISE EXCEPTION 'member and kind must not be null' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  CASE kind
    WHEN 'province_analyst' THEN grp := 'vbp_province_analyst'; scope := 'province';
    WHEN 'institution_user' THEN grp := 'vbp_institution_user'; scope := 'institution';
    WHEN 'institution_writer' THEN grp := 'vbp_writer'; scope := 'institution';
    WHEN 'province_writer' THEN grp := 'vbp_writer'; scope := 'province';
    WHEN 'bi_reader' THEN grp := 'vbp_bi_reader'; scope := NULL;
    ELSE RAISE EXCEPTION 'unknown tenant kind "%"', kind
           USING ERRCODE = 'invalid_parameter_value',
                 HINT = 'Use province_analyst, institution_user, institution_writer, province_writer or bi_reader.';
  END CASE;
  IF scope = 'province' AND (province IS NULL OR org_code IS NOT NULL) THEN
    RAISE EXCEPTION 'a provincial analyst or writer needs a province and no institution'
      USING ERRCODE = 'invalid_parameter_value';
  ELSIF scope = 'institution' AND (org_code IS NULL OR province IS NOT NULL) THEN
    RAISE EXCEPTION 'an institution user or writer needs an institution and no province'
      USING ERRCODE = 'invalid_parameter_value';
  ELSIF scope IS NULL AND (province IS NOT NULL OR org_code IS NOT NULL) THEN
    RAISE EXCEPTION 'a BI reader sees the whole nation and takes no province or institution'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- (the foreign keys check these too, except on Citus, where the scope is a
  -- local table on each node: vbp.distribute)
  IF grant_tenant.province IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vbp.division d WHERE d.code = grant_tenant.province) THEN
    RAISE EXCEPTION 'province "%" is not a division', grant_tenant.province USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF grant_tenant.org_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vbp.institution i WHERE i.org_code OPERATOR(vbp.=) grant_tenant.org_code) THEN
    RAISE EXCEPTION 'institution "%" is not in vbp.institution', grant_tenant.org_code USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    RAISE EXCEPTION 'role "%" does not exist', grp
      USING ERRCODE = 'undefined_object', HINT = 'Run vbp.setup_tenancy() first.';
  END IF;
  IF NOT pg_has_role(member, grp, 'USAGE') OR NOT EXISTS (
       SELECT 1 FROM pg_auth_members m WHERE m.roleid = grp::regrole AND m.member = grant_tenant.member) THEN
    EXECUTE format('GRANT %I TO %s', grp, member);
  END IF;
  -- a tenant that sees part of the rows must not EXPLAIN (the plan counts rows below
  -- row-level security): vbp's guard is loaded at the start of each of its sessions
  IF scope IN ('province', 'institution') THEN
    SELECT c INTO preload FROM pg_db_role_setting d, unnest(d.setconfig) c
    WHERE d.setrole = member AND d.setdatabase = 0 AND c LIKE 'session_preload_libraries=%';
    IF preload IS NULL OR preload !~ '(=|,|\s)vbp(,|$)' THEN
      preload := concat_ws(',', nullif(substr(preload, length('session_preload_libraries=') + 1), ''), 'vbp');
      IF (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) THEN
        EXECUTE format('ALTER ROLE %s SET session_preload_libraries = %L', member, preload);
      ELSE
        RAISE WARNING 'vbp could not load its EXPLAIN guard for the sessions of role %', member
          USING DETAIL = 'Setting session_preload_libraries needs a superuser.',
                HINT = format('A superuser runs ALTER ROLE %s SET session_preload_libraries = %L, or sets it for the database.', member, preload);
      END IF;
    END IF;
  END IF;
  IF scope IS NOT NULL THEN
    INSERT INTO vbp.tenant_scope AS t (member, member_name, scope, province, org_code, writes)
      VALUES (grant_tenant.member, grant_tenant.member::text, scope, grant_tenant.province, grant_tenant.org_code,
              grp = 'vbp_writer')
      RETURNING t.* INTO result;
  ELSE
    SELECT t.* INTO result FROM vbp.tenant_scope t WHERE t.member = 'vbp_bi_reader'::regrole AND t.scope = 'nation';
  END IF;
  PERFORM vbp.sync_tenant_scope();
  RETURN result;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.grant_tenant(regrole, text, text, vbp.orgcode) FROM PUBLIC;
COMMENT ON FUNCTION vbp.grant_tenant(regrole, text, text, vbp.orgcode) IS
  'Makes a role a tenant (授予数据权限): province_analyst with a province, institution_user with an institution, institution_writer or province_writer (a writer''s scope: writes), or bi_reader; grants the matching vbp_* group role, records the scope in vbp.tenant_scope (a role may hold several: a reading scope never lets it write), and for a provincial analyst or institution user preloads vbp in the role''s sessions (session_preload_libraries, as superuser) so that its EXPLAIN guard holds from the first statement';

CREATE FUNCTION vbp.revoke_tenant(member regrole)
  RETURNS bigint
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  ro text;
  n bigint;
BEGIN
  DELETE FROM vbp.tenant_scope t WHERE t.member = revoke_tenant.member;
  GET DIAGNOSTICS n = ROW_COUNT;
  FOREACH ro IN ARRAY ARRAY['vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader', 'vbp_writer'] LOOP
    IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = ro)
                                                 AND m.member = revoke_tenant.member) THEN
      EXECUTE format('REVOKE %I FROM %s', ro, member);
    END IF;
  END LOOP;
  PERFORM vbp.sync_tenant_scope();
  RETURN n;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.revoke_tenant(regrole) FROM PUBLIC;
COMMENT ON FUNCTION vbp.revoke_tenant(regrole) IS
  'Ends a role''s tenancy (撤销数据权限): deletes its scope rows and revokes the vbp_* group roles; returns the number of scope rows deleted';
