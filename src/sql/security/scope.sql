\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Tenant scope (数据权限范围).  Three group roles (provincial analyst,
-- institution user, read-only BI reader) see what vbp.tenant_scope grants
-- their members.  Every table enables row-level security beside its
-- definition; policies name no role, so they ship in this script (pg_dump
-- saves no policy of an extension's table).  The roles and their grants come
-- from vbp.setup_tenancy() (security/tenancy.sql).  Design: doc/security.md.
-- =====================================================================

CREATE TABLE vbp.tenant_scope (
  scope_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member    regrole NOT NULL,
  member_name text NOT NULL,
  scope     text NOT NULL CHECK (scope IN ('nation', 'province', 'institution')),
  province  text REFERENCES vbp.division CHECK (province ~ '^[1-9][0-9]$'),
  org_code  vbp.orgcode REFERENCES vbp.institution,
  writes    boolean NOT NULL DEFAULT false,
  CHECK ((scope = 'nation' AND province IS NULL AND org_code IS NULL)
      OR (scope = 'province' AND province IS NOT NULL AND org_code IS NULL)
      OR (scope = 'institution' AND org_code IS NOT NULL AND province IS NULL))
);
-- A scope row holds for the role it names, and for that role only: the role's oid
-- (member) and its name when granted (member_name) must still agree.  A dropped
-- role's row then holds for nobody (its oid prints as a number), and a role that
-- later gets the same oid, here or in another cluster after pg_dump/restore, is a
-- stranger with another name.  pg_dump writes regrole as the role's name, so a
-- restore carries a live scope to the role of that name.
CREATE FUNCTION vbp.scope_holder(member regrole, member_name text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN member::text = member_name AND pg_catalog.pg_has_role(member, 'MEMBER');
COMMENT ON FUNCTION vbp.scope_holder(regrole, text) IS
  'Whether the current user holds a tenant scope row (持有数据权限): it is a member of the role the row names, and that role still has the name it was granted under (a dropped role''s row, or a stranger that got its oid, holds nothing)';

-- row-level security: a role reads its own scope rows
ALTER TABLE vbp.tenant_scope ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.tenant_scope FOR SELECT USING (vbp.scope_holder(member, member_name));
CREATE UNIQUE INDEX tenant_scope_key ON vbp.tenant_scope
  (member, scope, coalesce(province, ''), coalesce(org_code::text, ''), writes);
SELECT pg_catalog.pg_extension_config_dump('vbp.tenant_scope', '');
SELECT pg_catalog.pg_extension_config_dump('vbp.tenant_scope_scope_id_seq', '');
COMMENT ON TABLE vbp.tenant_scope IS
  'Tenant scope (数据权限范围): what each role, and every role that is a member of it, may see under row-level security: the whole nation, one province or one institution.  Rows are added by vbp.grant_tenant()';
COMMENT ON COLUMN vbp.tenant_scope.scope_id IS 'Surrogate key';
COMMENT ON SEQUENCE vbp.tenant_scope_scope_id_seq IS 'Identity sequence of vbp.tenant_scope.scope_id';
COMMENT ON COLUMN vbp.tenant_scope.member IS 'Role the scope belongs to; members of that role inherit it';
COMMENT ON COLUMN vbp.tenant_scope.member_name IS 'Name of that role when the scope was granted (member::text); a row holds only while the role still has it, so a dropped role''s scope holds for nobody';
COMMENT ON COLUMN vbp.tenant_scope.scope IS 'nation (全国), province (省级) or institution (机构)';
COMMENT ON COLUMN vbp.tenant_scope.province IS 'Province code (省级行政区划代码, the first two digits, e.g. 44 for Guangdong; a vbp.division) for a provincial scope';
COMMENT ON COLUMN vbp.tenant_scope.org_code IS 'Institution for an institution scope';
COMMENT ON COLUMN vbp.tenant_scope.writes IS 'true = a writer''s scope (institution_writer, province_writer): its holder may write the rows it covers (vbp.may_write); false = reading only.  Every scope row lets its holder read';

-- Institutions: a tenant reads those in its scope (vbp.tenant_sees: no subquery,
-- so Citus accepts the policy on a reference table)
CREATE POLICY tenant_read ON vbp.institution FOR SELECT USING (vbp.tenant_sees(org_code));

-- What a capturing role may write: rows of an institution its tenant scope covers,
-- as a member of vbp_writer.  Read with the writer's own rights (it sees only its
-- own scope rows); the capture trigger asks before it writes as the ledger's owner.
CREATE FUNCTION vbp.may_write(org vbp.orgcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'pgvbp_may_write'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vbp.may_write(vbp.orgcode) IS
  'Whether the current user may feed vbp rows of an institution (写入权限): a member of vbp_writer holding a writer''s tenant scope (writes) that covers it, a reading scope never widens it; in C, as vbp.tenant_sees: the writer''s scope rows are read once per call site and query, with its own rights; the writers'' policies and the loader ask it per row, vbp.capture for every row a non-owner captures, vbp.tracecode_guard for the site of every row a non-owner writes';

-- A writer (vbp_writer; vbp.setup_tenancy grants it INSERT and DELETE on the
-- ledgers) writes and removes only rows of the institutions its scope covers:
-- the loader (vbp.load, vbp.undo_load) runs with the caller's rights
CREATE POLICY writer_insert ON vbp.purchase FOR INSERT WITH CHECK (vbp.may_write(org_code));
CREATE POLICY writer_update ON vbp.purchase FOR UPDATE USING (vbp.may_write(org_code)) WITH CHECK (vbp.may_write(org_code));
CREATE POLICY writer_delete ON vbp.purchase FOR DELETE USING (vbp.may_write(org_code));
CREATE POLICY writer_insert ON vbp.dispensing FOR INSERT WITH CHECK (vbp.may_write(org_code));
CREATE POLICY writer_update ON vbp.dispensing FOR UPDATE USING (vbp.may_write(org_code)) WITH CHECK (vbp.may_write(org_code));
CREATE POLICY writer_delete ON vbp.dispensing FOR DELETE USING (vbp.may_write(org_code));

-- The tables an institution's rows live in are those with an org_code column;
-- published reference data is readable by every tenant; the rest (trigger
-- bookkeeping, demo truth, the counters' state) by none.
CREATE FUNCTION vbp.tenancy_tables()
  RETURNS TABLE (table_name regclass, access text)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.oid::regclass,
         CASE WHEN c.relname = 'institution' THEN 'institution'
              WHEN c.relname = 'tenant_scope' THEN 'own scope'
              WHEN c.relname = 'patient_certification' THEN 'patients served'
              WHEN c.relname IN ('load', 'load_reject', 'load_superseded') THEN 'own loads'
              WHEN c.relname = 'alert_log' THEN 'alerts of visible institutions'
              WHEN c.relname IN ('demo_injection', 'demo_run', 'capture_link', 'trace_code_state',
                                 'trace_alert', 'fulfilment_counter_state', 'report_change', 'order_line_change',
                                 'report_cache_state') THEN 'none'
              WHEN EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'org_code' AND NOT a.attisdropped
                             AND a.atttypid = 'vbp.orgcode'::regtype) THEN 'rows of visible institutions'
              ELSE 'reference' END
  FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    -- not a Citus shard placed on this node (its table's name and a shard number)
    AND NOT (c.relname ~ '_[0-9]+$'
             AND EXISTS (SELECT 1 FROM pg_class t WHERE t.relnamespace = c.relnamespace
                           AND t.relname = regexp_replace(c.relname, '_[0-9]+$', '')))
  ORDER BY c.relname;
END;
COMMENT ON FUNCTION vbp.tenancy_tables() IS
  'How row-level security treats each vbp table (租户可见范围): institution rows by scope, rows of visible institutions, alerts of visible institutions (and companies'' alerts), patients served, reference (all), own scope, or none';
