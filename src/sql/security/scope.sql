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
  scope     text NOT NULL CHECK (scope IN ('nation', 'province', 'institution')),
  province  text REFERENCES vbp.division CHECK (province ~ '^[1-9][0-9]$'),
  org_code  vbp.orgcode REFERENCES vbp.institution,
  CHECK ((scope = 'nation' AND province IS NULL AND org_code IS NULL)
      OR (scope = 'province' AND province IS NOT NULL AND org_code IS NULL)
      OR (scope = 'institution' AND org_code IS NOT NULL AND province IS NULL))
);
-- row-level security: a role reads its own scope rows
ALTER TABLE vbp.tenant_scope ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON vbp.tenant_scope FOR SELECT USING (pg_catalog.pg_has_role(member, 'MEMBER'));
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

-- Institutions: a tenant reads those in its scope.  Three uncorrelated tests
-- (an init plan and two hashed sub-plans, each evaluated once per query), not a
-- correlated EXISTS per institution.
CREATE POLICY tenant_read ON vbp.institution FOR SELECT USING (
    EXISTS (SELECT 1 FROM vbp.tenant_scope s
            WHERE s.scope = 'nation' AND pg_catalog.pg_has_role(s.member, 'MEMBER'))
    OR vbp.province(org_code) = ANY (SELECT s.province FROM vbp.tenant_scope s
            WHERE s.scope = 'province' AND pg_catalog.pg_has_role(s.member, 'MEMBER'))
    OR org_code OPERATOR(vbp.=) ANY (SELECT s.org_code FROM vbp.tenant_scope s
            WHERE s.scope = 'institution' AND pg_catalog.pg_has_role(s.member, 'MEMBER')));

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
              WHEN c.relname IN ('demo_injection', 'demo_run', 'capture_link', 'trace_sighting',
                                 'trace_alert', 'fulfilment_counter_state') THEN 'none'
              WHEN EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'org_code' AND NOT a.attisdropped
                             AND a.atttypid = 'vbp.orgcode'::regtype) THEN 'rows of visible institutions'
              ELSE 'reference' END
  FROM pg_class c
  WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  ORDER BY c.relname;
END;
COMMENT ON FUNCTION vbp.tenancy_tables() IS
  'How row-level security treats each vbp table (租户可见范围): institution rows by scope, rows of visible institutions, patients served, reference (all), own scope, or none';
