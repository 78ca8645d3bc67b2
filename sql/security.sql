-- Multi-tenant security: no SECURITY DEFINER, pinned search_path,
-- security_invoker views, row-level security on every table; a provincial
-- analyst, an institution user and a BI reader each see exactly their rows.
SET search_path = public, vbp;
SET datestyle = ISO;

-- ---------------------------------------------------------------------
-- The catalogue: what holds before any tenant exists
-- ---------------------------------------------------------------------
-- no function runs with its owner's rights
SELECT count(*) AS security_definer_functions
FROM pg_proc WHERE pronamespace = 'vbp'::regnamespace AND prosecdef;
-- every SQL function has a BEGIN ATOMIC body (names resolved when it was
-- created, so it needs no search_path and can be inlined), and every PL/pgSQL
-- function pins a search_path of vbp, pg_catalog and pg_temp only, with pg_temp
-- last (listed: the ones that do neither)
SELECT p.oid::regprocedure AS unpinned
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = 'vbp'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
  AND NOT (l.lanname = 'sql' AND p.prosqlbody IS NOT NULL AND p.proconfig IS NULL)
  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c
                  WHERE c ~ '^search_path='
                    AND string_to_array(replace(substr(c, 13), ' ', ''), ',') <@ ARRAY['vbp', 'pg_catalog', 'pg_temp']
                    AND c ~ 'pg_temp$')
ORDER BY 1;
SELECT count(*) FILTER (WHERE p.proconfig IS NOT NULL) AS pinned_functions,
       count(*) FILTER (WHERE p.prosqlbody IS NOT NULL) AS atomic_functions
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = 'vbp'::regnamespace AND l.lanname IN ('sql', 'plpgsql');
-- every view runs with its reader's rights (listed: the ones that do not)
SELECT c.relname AS definer_view FROM pg_class c
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'v'
  AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)
ORDER BY 1;
-- every table has row-level security (listed: the ones that do not)
SELECT c.relname AS unprotected_table FROM pg_class c
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND NOT c.relrowsecurity
ORDER BY 1;
-- a policy on every table a tenant may read, none on the others (listed: mismatches)
SELECT t.table_name, t.access, count(p.polname) AS policies
FROM tenancy_tables() t LEFT JOIN pg_policy p ON p.polrelid = t.table_name
GROUP BY 1, 2 HAVING (count(p.polname) = 0) <> (t.access = 'none') ORDER BY 1;
-- how each table is shared
SELECT access, count(*) AS tables, string_agg(table_name::text, ' ' ORDER BY table_name::text) AS examples
FROM tenancy_tables() GROUP BY access ORDER BY access;
-- PUBLIC cannot create in the schema, nor use it, nor read a table
SELECT has_schema_privilege('public', 'vbp', 'CREATE') AS public_create,
       has_schema_privilege('public', 'vbp', 'USAGE') AS public_usage;
SELECT count(*) AS public_table_grants FROM pg_class c, aclexplode(c.relacl) a
WHERE c.relnamespace = 'vbp'::regnamespace AND a.grantee = 0;
-- functions that write or administer are not executable by PUBLIC (listed: volatile
-- functions that are, other than trigger functions, which run only as triggers)
SELECT p.oid::regprocedure AS public_volatile
FROM pg_proc p
WHERE p.pronamespace = 'vbp'::regnamespace AND p.provolatile = 'v'
  AND p.prorettype <> 'trigger'::regtype AND has_function_privilege('public', p.oid, 'EXECUTE')
ORDER BY 1;

-- ---------------------------------------------------------------------
-- Tenants on the demo data
-- ---------------------------------------------------------------------
SELECT count(*) FROM generate_demo(1, 42, replace => true);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM demo_run), false) AS as_of;
SELECT action, count(*) FROM setup_tenancy() WHERE action <> 'role created' GROUP BY action ORDER BY action;
-- idempotent: a second run creates nothing new
SELECT action, count(*) FROM setup_tenancy() WHERE action <> 'role created' GROUP BY action ORDER BY action;
SET client_min_messages = warning;   -- roles are cluster-wide: a failed earlier run may have left them
DROP ROLE IF EXISTS regress_vbp_hospital, regress_vbp_analyst, regress_vbp_bi, regress_vbp_nobody;
RESET client_min_messages;
CREATE ROLE regress_vbp_hospital;
CREATE ROLE regress_vbp_analyst;
CREATE ROLE regress_vbp_bi;
CREATE ROLE regress_vbp_nobody;
-- the first tertiary hospital, and the province with the most institutions
SELECT org_code AS hospital FROM institution WHERE level = 'tertiary' ORDER BY org_code LIMIT 1 \gset
SELECT vbp.province(org_code) AS province FROM institution GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
SELECT scope, province, org_code FROM grant_tenant('regress_vbp_hospital', 'institution_user', org_code => :'hospital');
SELECT scope, province, org_code FROM grant_tenant('regress_vbp_analyst', 'province_analyst', province => :'province');
SELECT scope, province, org_code FROM grant_tenant('regress_vbp_bi', 'bi_reader');
GRANT vbp_institution_user TO regress_vbp_nobody;   -- the group without a scope row
-- bad requests
SELECT grant_tenant('regress_vbp_nobody', 'auditor');
SELECT grant_tenant('regress_vbp_nobody', 'province_analyst');
SELECT grant_tenant('regress_vbp_nobody', 'institution_user', province => '11');
SELECT grant_tenant('regress_vbp_nobody', 'province_analyst', province => '99');
SELECT grant_tenant('regress_vbp_nobody', 'bi_reader', org_code => :'hospital');

-- One query over every table and view with an org_code column: rows visible,
-- and rows of other institutions (or other provinces) among them.
SELECT string_agg(format('SELECT %L AS rel, count(*) AS visible, count(*) FILTER (WHERE org_code OPERATOR(vbp.<>) %L) AS other_institution, count(*) FILTER (WHERE vbp.province(org_code) <> %L) AS other_province FROM %s',
                         c.oid::regclass, :'hospital', :'province', c.oid::regclass), ' UNION ALL ' ORDER BY c.relname) AS q
FROM pg_class c
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_code')
  AND c.relname NOT IN ('demo_injection') \gset
-- as the owner: every institution
SELECT md5(string_agg(format('%s=%s', rel, visible), ',' ORDER BY rel) FILTER (WHERE rel <> 'tenant_scope')) AS owner_counts,
       count(*) AS relations, bool_and(other_province > 0 OR visible = 0) AS owner_sees_other_provinces
FROM (:q) x \gset
SELECT :relations AS relations_with_org_code, :'owner_sees_other_provinces' AS owner_sees_other_provinces;

-- the institution user: its own rows only, in every table and view
SET ROLE regress_vbp_hospital;
SELECT rel, visible > 0 AS sees_own_rows, other_institution FROM (:q) x ORDER BY rel;
SELECT count(*) AS institutions_visible FROM institution;
SELECT count(*) AS scope_rows_visible FROM tenant_scope;
-- asking for another institution's rows by name gives none
SELECT count(*) AS other_purchases FROM purchase WHERE org_code <> :'hospital';
SELECT count(*) AS other_fulfilment FROM fulfilment_for(current_setting('vbp.as_of')::date) WHERE org_code <> :'hospital';
SELECT count(*) AS other_patients
FROM patient_certification c
WHERE NOT EXISTS (SELECT 1 FROM dispensing d WHERE d.patient_id = c.patient_id)
  AND NOT EXISTS (SELECT 1 FROM prescription p WHERE p.patient_id = c.patient_id);
-- a cheap leaky function in the WHERE clause never sees a hidden row: the policy runs first
CREATE FUNCTION pg_temp.peek(vbp.orgcode) RETURNS boolean LANGUAGE plpgsql COST 0.0001 AS $$
BEGIN
  IF $1::text <> current_setting('regress.hospital') THEN RAISE NOTICE 'leaked %', $1; END IF;
  RETURN true;
END $$;
SELECT set_config('regress.hospital', :'hospital', false) IS NOT NULL AS set;
SELECT count(*) > 0 AS peeked_own FROM purchase WHERE pg_temp.peek(org_code);
SELECT count(*) > 0 AS peeked_own FROM fulfilment WHERE pg_temp.peek(org_code);
-- the BI views hold every institution's rows: not granted
SELECT count(*) FROM bi_fulfilment;
-- nor the partitions under the ledgers
SELECT format('SELECT count(*) FROM %s', (SELECT min(c.oid::regclass::text) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                                          WHERE i.inhparent = 'vbp.purchase'::regclass)) \gexec
-- nor the trigger bookkeeping
SELECT count(*) FROM trace_sighting;
-- writing and administering are refused
INSERT INTO volume_report SELECT * FROM volume_report LIMIT 1;
UPDATE institution SET name = 'x';
DELETE FROM agreement;
SELECT count(*) FROM generate_demo(1, 1, replace => true);
SELECT count(*) FROM refresh_reports();
SELECT settle_retention(1, :'hospital', 'national');
SELECT setup_tenancy();
SELECT grant_tenant('regress_vbp_hospital', 'bi_reader');
RESET ROLE;

-- the provincial analyst: the institutions of its province, all of them
SET ROLE regress_vbp_analyst;
SELECT rel, visible > 0 AS sees_rows, other_province FROM (:q) x ORDER BY rel;
SELECT count(DISTINCT org_code) AS institutions_visible FROM institution \gset
RESET ROLE;
SELECT :institutions_visible = count(*) AS all_of_its_province FROM institution WHERE vbp.province(org_code) = :'province';

-- the BI reader: everything, the same counts as the owner (its scope rows apart), and the BI views
SELECT count(*) AS refreshed FROM refresh_reports(concurrent => false);
SET ROLE regress_vbp_bi;
SELECT md5(string_agg(format('%s=%s', rel, visible), ',' ORDER BY rel) FILTER (WHERE rel <> 'tenant_scope')) = :'owner_counts' AS same_as_owner
FROM (:q) x;
SELECT count(*) > 0 AS reads_bi_views FROM bi_fulfilment;
INSERT INTO tenant_scope (member, scope) VALUES ('regress_vbp_bi', 'nation');
RESET ROLE;
-- a nation-wide report read by the BI reader equals the owner's
SELECT md5(string_agg(f::text, ',' ORDER BY f.batch_id, f.org_code, f.group_code)) AS fulfilment_digest FROM fulfilment f \gset
SET ROLE regress_vbp_bi;
SELECT md5(string_agg(f::text, ',' ORDER BY f.batch_id, f.org_code, f.group_code)) = :'fulfilment_digest' AS same_fulfilment FROM fulfilment f;
RESET ROLE;

-- a member of a tenant group with no scope row sees nothing
SET ROLE regress_vbp_nobody;
SELECT sum(visible) AS rows_visible FROM (:q) x;
RESET ROLE;

-- revoking ends the tenancy
SELECT revoke_tenant('regress_vbp_hospital') AS scope_rows_deleted;
SELECT pg_has_role('regress_vbp_hospital', 'vbp_institution_user', 'MEMBER') AS still_member;

-- clean up for the other tests: no tenants, empty tables
SELECT revoke_tenant(r) FROM unnest(ARRAY['regress_vbp_analyst', 'regress_vbp_bi', 'regress_vbp_nobody']::regrole[]) r;
DELETE FROM tenant_scope;
DROP FUNCTION pg_temp.peek(vbp.orgcode);
DROP ROLE regress_vbp_hospital, regress_vbp_analyst, regress_vbp_bi, regress_vbp_nobody;
SELECT empty_demo_tables();
SELECT count(*) AS refreshed_empty FROM refresh_reports(concurrent => false);
