-- Multi-tenant security: no SECURITY DEFINER, pinned search_path,
-- security_invoker views, row-level security on every table; a provincial
-- analyst, an institution user and a BI reader each see exactly their rows.
SET search_path = public, vbp;
SET datestyle = ISO;

-- ---------------------------------------------------------------------
-- The catalogue: what holds before any tenant exists
-- ---------------------------------------------------------------------
-- no function runs with its owner's rights, but the counters' trigger function
-- (a trigger cannot be called directly; it keeps the counters of a writer's purchases)
-- and the capture's event trigger (it removes the links of the tables just dropped), and
-- the two peer-statistics functions (aggregates over every institution, none named, so a
-- tenant's robust z and price benchmark are the bureau's)
SELECT p.proname AS security_definer_functions, p.prorettype::regtype AS returns
FROM pg_proc p WHERE p.pronamespace = 'vbp'::regnamespace AND p.prosecdef ORDER BY 1;
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
-- every view runs with its reader's rights (listed: the ones that do not; vbp.bi_fulfilment,
-- vbp.bi_price_benchmark and vbp.bi_report_credibility stand in for materialized views,
-- over the tables the refresh keeps, with every institution's rows, for the BI reader only)
SELECT c.relname AS definer_view FROM pg_class c
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'v'
  AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)
ORDER BY 1;
-- Under row-level security the planner reads a column's statistics only through
-- leakproof operators.  A date column compared with a timestamp or timestamptz
-- (date_trunc of a date, a date plus an interval) goes through a cross-type
-- operator that is not leakproof, and a tenant's range of rows is then estimated
-- at almost none: nested loops over hundreds of thousands of rows.  Listed: the
-- views and SQL-bodied functions of vbp that compare a date with a timestamp,
-- and the PL/pgSQL bodies with a range comparison against an uncast date_trunc
SELECT b.object AS compares_date_with_timestamp
FROM (SELECT p.oid::regprocedure::text AS object, p.prosqlbody::text AS body FROM pg_proc p
      WHERE p.pronamespace = 'vbp'::regnamespace AND p.prosqlbody IS NOT NULL
      UNION ALL
      SELECT r.ev_class::regclass::text, r.ev_action::text FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
      WHERE c.relnamespace = 'vbp'::regnamespace) b
WHERE EXISTS (SELECT FROM pg_operator o
              WHERE ((o.oprleft = 'date'::regtype AND o.oprright IN ('timestamp'::regtype, 'timestamptz'::regtype))
                  OR (o.oprright = 'date'::regtype AND o.oprleft IN ('timestamp'::regtype, 'timestamptz'::regtype)))
                AND b.body LIKE '%:opno ' || o.oid || ' %')
UNION ALL
SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = 'vbp'::regnamespace AND l.lanname = 'plpgsql'
  -- (the bounds cast to date taken out first)
  AND regexp_replace(p.prosrc, '\(date_trunc\([^()]*\)\s*[-+]\s*interval\s*''[^'']*''\)::date|date_trunc\([^()]*\)::date(?!\s*[-+])', '', 'gi')
      ~* '[<>]=?\s*\(?\s*date_trunc\('
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

-- Every report gives a tenant the bureau's figures for the tenant's own rows (peer
-- statistics such as the robust z of volume reports and the price benchmark are taken
-- over every institution): for each view with an org_code column, the institution
-- user's rows equal the owner's rows of that institution, and the province analyst's
-- the owner's rows of the province (listed: the views where they differ)
-- (statistics first: the earlier tests changed the tables, and the reports'
-- plans on stale statistics are what autovacuum, not this test, should decide)
ANALYZE;
SELECT set_config('regress.hospital', :'hospital', false) IS NOT NULL AS h,
       set_config('regress.province', :'province', false) IS NOT NULL AS p;
CREATE TEMP TABLE same_figures AS
SELECT c.oid::regclass::text AS rel, t.tenant, NULL::text AS owner_digest, NULL::text AS tenant_digest
FROM pg_class c CROSS JOIN (VALUES ('hospital'), ('analyst')) t(tenant)
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'v'
  AND c.relname NOT LIKE 'bi\_%'   -- bi_* views read the materialized views: BI reader only
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_code');
GRANT SELECT, UPDATE ON same_figures TO regress_vbp_hospital, regress_vbp_analyst;
CREATE FUNCTION pg_temp.digest_rows(rel text, tenant text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  EXECUTE format('SELECT md5(coalesce(string_agg(x::text, ''|'' ORDER BY x::text), '''')) || '' '' || count(*) FROM %s x WHERE %s',
                 rel, CASE tenant WHEN 'hospital' THEN format('x.org_code::text = %L', current_setting('regress.hospital'))
                                  ELSE format('vbp.province(x.org_code) = %L', current_setting('regress.province')) END) INTO d;
  RETURN d;
END $$;
UPDATE same_figures SET owner_digest = pg_temp.digest_rows(rel, tenant);
SET ROLE regress_vbp_hospital;
UPDATE same_figures SET tenant_digest = pg_temp.digest_rows(rel, tenant) WHERE tenant = 'hospital';
RESET ROLE;
SET ROLE regress_vbp_analyst;
UPDATE same_figures SET tenant_digest = pg_temp.digest_rows(rel, tenant) WHERE tenant = 'analyst';
RESET ROLE;
SELECT count(*) AS views_compared, count(*) FILTER (WHERE owner_digest NOT LIKE '% 0') AS with_rows
FROM same_figures;
-- (trace_code_monthly differs for the analyst by design: a repeat is a line whose code
-- the reader has seen dispensed before, so a code sold first in another province is a
-- repeat for the bureau and a first sale for the province; doc/bi.md)
SELECT rel, tenant, owner_digest, tenant_digest FROM same_figures
WHERE owner_digest IS DISTINCT FROM tenant_digest ORDER BY 1, 2;
DROP TABLE same_figures;

-- One query over every table and view with an org_code column: rows visible,
-- and rows of other institutions (or other provinces) among them.
SELECT string_agg(format('SELECT %L AS rel, count(*) AS visible, count(*) FILTER (WHERE org_code OPERATOR(vbp.<>) %L) AS other_institution, count(*) FILTER (WHERE vbp.province(org_code) <> %L) AS other_province FROM %s',
                         c.oid::regclass, :'hospital', :'province', c.oid::regclass), ' UNION ALL ' ORDER BY c.relname) AS q
FROM pg_class c
WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_code')
  AND c.relname NOT LIKE 'bi\_%'
  -- bookkeeping no tenant reads (the incremental refresh's month table has an org_code)
  AND c.oid NOT IN (SELECT t.table_name FROM vbp.tenancy_tables() t WHERE t.access = 'none') \gset
-- as the owner: every institution
SELECT md5(string_agg(format('%s=%s', rel, visible), ',' ORDER BY rel) FILTER (WHERE rel NOT IN ('tenant_scope', 'price_benchmark_month', 'fulfilment_stored', 'report_credibility_stored', 'order_line_supply_stored', 'alert_log'))) AS owner_counts,
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
-- EXPLAIN counts (ANALYZE) and estimates rows below the row-security filter: a
-- tenant probing another institution's patients or purchases learns nothing
SELECT try_sql($$EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vbp.dispensing WHERE patient_id = 'P0000001'$$) AS explain_analyze,
       try_sql($$EXPLAIN SELECT * FROM vbp.purchase WHERE org_code <> '$$ || current_setting('regress.hospital') || $$'$$) AS explain;
-- the BI views hold every institution's rows: not granted
SELECT count(*) FROM bi_fulfilment;
SELECT count(*) FROM bi_alert;
-- nor the partitions under the ledgers
SELECT format('SELECT count(*) FROM %s', (SELECT min(c.oid::regclass::text) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                                          WHERE i.inhparent = 'vbp.purchase'::regclass)) \gexec
-- nor the trigger bookkeeping
SELECT count(*) FROM trace_code_state;
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

-- the BI reader: everything, the same counts as the owner (its scope rows apart, and the
-- price benchmark's month table, the stored agreement reports and order lines, which the refresh below fills, and the alerts of
-- traceability codes at sites that are no institution code, the owner's only), and the BI views
SELECT count(*) AS refreshed FROM refresh_reports(concurrent => false);
SET ROLE regress_vbp_bi;
SELECT md5(string_agg(format('%s=%s', rel, visible), ',' ORDER BY rel) FILTER (WHERE rel NOT IN ('tenant_scope', 'price_benchmark_month', 'fulfilment_stored', 'report_credibility_stored', 'order_line_supply_stored', 'alert_log'))) = :'owner_counts' AS same_as_owner
FROM (:q) x;
SELECT count(*) > 0 AS reads_bi_views FROM bi_fulfilment;
-- the BI reader sees every row, so its plans hide nothing: EXPLAIN is allowed
SELECT try_sql($$EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM vbp.dispensing$$) AS bi_reader_explain;
INSERT INTO tenant_scope (member, scope) VALUES ('regress_vbp_bi', 'nation');
RESET ROLE;
-- a nation-wide report read by the BI reader equals the owner's
SELECT md5(string_agg(f::text, ',' ORDER BY f.batch_id, f.org_code, f.group_code, f.cycle_year)) AS fulfilment_digest FROM fulfilment f \gset
-- the price benchmark too: the owner reads every purchase and takes the peers from its own
-- cells in one pass; the BI reader, under row-level security, takes them from
-- vbp.price_peer_cells and ranks its cells among them
SELECT row_security_active('vbp.purchase') AS owner_under_rls,
       md5(string_agg(b::text, ',' ORDER BY b.month, b.group_code, b.org_code)) AS benchmark_digest, count(*) AS benchmark_rows
FROM price_benchmark b \gset
SELECT :'owner_under_rls' AS owner_under_rls, :benchmark_rows > 0 AS benchmark_has_rows;
-- the change alerts' series: the owner's from one aggregate per generic group
-- (vbp.price_rank_series), the BI reader's gathered from its ranks among the peers
SELECT md5(string_agg(s::text, ',' ORDER BY s.org_code, s.group_code)) AS series_digest, count(*) AS series_rows
FROM price_rank_series_for('-infinity', vbp.report_date()) s \gset
SELECT md5(string_agg(a::text, ',' ORDER BY a.org_code, a.group_code, a.month)) AS alert_digest, count(*) AS alert_rows
FROM price_benchmark_alert a \gset
SELECT :series_rows > 0 AS series_has_rows, :alert_rows AS alert_rows;
SET ROLE regress_vbp_bi;
SELECT md5(string_agg(f::text, ',' ORDER BY f.batch_id, f.org_code, f.group_code, f.cycle_year)) = :'fulfilment_digest' AS same_fulfilment FROM fulfilment f;
SELECT row_security_active('vbp.purchase') AS bi_under_rls,
       md5(string_agg(b::text, ',' ORDER BY b.month, b.group_code, b.org_code)) = :'benchmark_digest' AS same_benchmark
FROM price_benchmark b;
SELECT md5(string_agg(s::text, ',' ORDER BY s.org_code, s.group_code)) = :'series_digest' AS same_series
FROM price_rank_series_for('-infinity', vbp.report_date()) s;
SELECT md5(string_agg(a::text, ',' ORDER BY a.org_code, a.group_code, a.month)) IS NOT DISTINCT FROM :'alert_digest' AS same_alerts
FROM price_benchmark_alert a;
RESET ROLE;

-- a member of a tenant group with no scope row sees nothing
SET ROLE regress_vbp_nobody;
SELECT sum(visible) AS rows_visible FROM (:q) x;
RESET ROLE;

-- a scope never outlives its role nor passes to a stranger: a role dropped without
-- revoke_tenant leaves a row that holds for nobody; a role that gets its oid (as
-- after a dump of the dangling row restored into another cluster, simulated here
-- by pointing the row at a stranger) reads nothing through it
CREATE ROLE regress_vbp_gone;
CREATE ROLE regress_vbp_stranger;
SELECT scope FROM grant_tenant('regress_vbp_gone', 'institution_user', org_code => :'hospital');
GRANT vbp_institution_user TO regress_vbp_stranger;
DROP ROLE regress_vbp_gone;
SELECT member::text ~ '^[0-9]+$' AS dangling_oid, member_name FROM tenant_scope WHERE member_name = 'regress_vbp_gone';
UPDATE tenant_scope SET member = 'regress_vbp_stranger' WHERE member_name = 'regress_vbp_gone';
SET ROLE regress_vbp_stranger;
SELECT count(*) AS stranger_sees_institutions, (SELECT count(*) FROM purchase) AS stranger_sees_purchases FROM institution;
RESET ROLE;
DROP ROLE regress_vbp_stranger;
-- setup_tenancy removes the rows of dropped roles
SELECT object, action FROM setup_tenancy() WHERE action LIKE 'scope of a dropped role%';
SELECT count(*) AS rows_left_of_dropped_role FROM tenant_scope WHERE member_name = 'regress_vbp_gone';

-- a hospital application feeds vbp from its own table with the least privilege: a
-- login that is neither superuser nor BYPASSRLS, a member of vbp_writer with its
-- institution's scope, and privileges on its own table only.  The capture and guard
-- triggers write vbp's ledger and bookkeeping as their owner; the writer reads
-- nothing of other tenants and cannot write another institution's rows.
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_vbp_writer;
RESET client_min_messages;
CREATE ROLE regress_vbp_writer;
SELECT scope, org_code = :'hospital' AS own_institution FROM grant_tenant('regress_vbp_writer', 'institution_writer', org_code => :'hospital');
SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'regress_vbp_writer';
SELECT min(org_code::text) AS other FROM institution WHERE org_code <> :'hospital' AND level <> 'pharmacy' \gset
SELECT min(product_code::text) AS drug FROM product \gset
CREATE TABLE public.his_dispensing (line_no int PRIMARY KEY, hosp text, drug text, day date, qty int,
                                    total numeric(12, 2), fund numeric(12, 2), patient text, code text, channel text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.his_dispensing
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code', 'hosp', 'day');
CREATE TRIGGER capture AFTER INSERT OR UPDATE OR DELETE ON public.his_dispensing
  FOR EACH ROW EXECUTE FUNCTION vbp.capture('dispensing', 'line_no', 'org_code=hosp', 'product_code=drug',
    'dispensed_on=day', 'quantity=qty', 'amount=total', 'fund_paid=fund', 'patient_id=patient',
    'trace_code=code', 'channel=channel');
GRANT SELECT, INSERT, UPDATE, DELETE ON public.his_dispensing TO regress_vbp_writer;
-- a code first sold at another institution (recorded by the owner's own load)
INSERT INTO vbp.trace_code_state (trace_code, state, site, units_out, sales, first_table, first_when)
VALUES ('81000010000000000099', 'dispensed', :'other', 1, 1, 'public.other_pharmacy', '2023-04-01');
SET ROLE regress_vbp_writer;
INSERT INTO his_dispensing VALUES (1, :'hospital', :'drug', '2023-05-01', 1, 10.00, 5.00, 'PW1', '81000010000000000001', 'hospital'),
                                  (2, :'hospital', :'drug', '2023-05-02', 2, 20.00, 10.00, 'PW2', '81000010000000000002', 'hospital');
UPDATE his_dispensing SET qty = 3 WHERE line_no = 2;
DELETE FROM his_dispensing WHERE line_no = 1;
-- its own captured rows are readable; nothing else is
SELECT count(*) AS own_ledger_rows, sum(quantity) AS units FROM vbp.dispensing WHERE patient_id IN ('PW1', 'PW2');
SELECT count(*) AS other_institutions_rows FROM vbp.dispensing WHERE org_code <> :'hospital';
SELECT count(*) AS code_states_visible FROM vbp.trace_code_state;
-- the cancelled line 1 freed its code: the public check says one sale, and the package sells again
SELECT sales_class FROM vbp.trace_code_check('81000010000000000001');
INSERT INTO his_dispensing VALUES (6, :'hospital', :'drug', '2023-05-03', 1, 10.00, 5.00, 'PW1', '81000010000000000001', 'hospital');
DELETE FROM his_dispensing WHERE line_no = 6;
-- the same code again at its own site: refused, naming its own site
SELECT try_sql(format($$INSERT INTO his_dispensing VALUES (3, %L, %L, '2023-05-03', 1, 1.00, 1.00, 'PW3', '81000010000000000002', 'hospital')$$,
                      :'hospital', :'drug')) ~ ('^23505: .* at ' || :'hospital') AS refused_naming_own_site;
-- a code first sold elsewhere: refused without naming the other institution
SELECT r ~ '^23505: .*at another institution, first seen in another table\.' AS refused_elsewhere, strpos(r, :'other') = 0 AS other_not_named,
       strpos(r, '2023-04-01') = 0 AND strpos(r, 'recorded at') = 0 AS when_not_told
FROM try_sql(format($$INSERT INTO his_dispensing VALUES (4, %L, %L, '2023-05-03', 1, 1.00, 1.00, 'PW4', '81000010000000000099', 'hospital')$$,
                    :'hospital', :'drug')) r;
-- another institution's rows cannot be written through the capture
SELECT try_sql(format($$INSERT INTO his_dispensing VALUES (5, %L, %L, '2023-05-03', 1, 1.00, 1.00, 'PW5', '81000010000000000005', 'hospital')$$,
                      :'other', :'drug')) ~ ('^42501: role "regress_vbp_writer" may not write vbp.dispensing rows of institution ' || :'other') AS other_institution_refused;
-- a malformed institution code is refused as the ledger's column refuses it (22P02), not as a scope
SELECT try_sql(format($$INSERT INTO his_dispensing VALUES (5, 'H1201110000X', %L, '2023-05-03', 1, 1.00, 1.00, 'PW5', '81000010000000000005', 'hospital')$$,
                      :'drug')) AS malformed_institution;
-- directly (the loader's path, vbp.load) it writes its own institution's rows,
-- and row security refuses another's
INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
VALUES (:'hospital', :'drug', '2023-05-04', 1, '1.00', '1.00', 'PW6', 'hospital');
SELECT try_sql(format($$INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
                       VALUES (%L, %L, '2023-05-04', 1, '1.00', '1.00', 'PW7', 'hospital')$$, :'other', :'drug')) AS other_institution_direct;
SELECT try_sql(format($$UPDATE vbp.dispensing SET org_code = %L WHERE patient_id = 'PW6'$$, :'other')) AS move_to_other_institution;
-- and it may not EXPLAIN
SELECT try_sql($$EXPLAIN SELECT * FROM vbp.dispensing$$) AS writer_explain;
-- nor attach the fulfilment counters' trigger (it runs with the owner's rights) to a table of its own
CREATE TEMP TABLE my_purchases (org_code text, product_code text, purchased_on date, quantity bigint, amount vbp.cny);
SELECT try_sql($$CREATE TRIGGER t AFTER INSERT ON my_purchases REFERENCING NEW TABLE AS vbp_new_purchases
                 FOR EACH STATEMENT EXECUTE FUNCTION vbp.fulfilment_counter_trigger()$$) AS counter_trigger_attach;
DROP TABLE my_purchases;
RESET ROLE;
-- what an undo puts back (vbp.load_superseded) is written only by the load that replaced
-- it: a writer cannot add rows to another's load, nor to a load of its own rows of an
-- institution it may not write, nor rejects to another's load
INSERT INTO vbp.load (target, source, mode, status) VALUES ('purchase', 'bureau.csv', 'good_rows', 'loaded')
RETURNING load_id AS bureau_load \gset
SET ROLE regress_vbp_writer;
SELECT try_sql(format($$INSERT INTO vbp.load_superseded (load_id, target, old_row)
                        VALUES (%s, 'purchase', jsonb_build_object('org_code', %L))$$, :bureau_load, :'hospital')) AS into_others_load;
INSERT INTO vbp.load (target, source, mode, status) VALUES ('purchase', 'mine.csv', 'good_rows', 'loading')
RETURNING load_id AS own_load \gset
SELECT try_sql(format($$INSERT INTO vbp.load_superseded (load_id, target, old_row)
                        VALUES (%s, 'purchase', jsonb_build_object('org_code', %L))$$, :own_load, :'other')) AS other_institution_row;
INSERT INTO vbp.load_superseded (load_id, target, old_row) VALUES (:own_load, 'purchase', jsonb_build_object('org_code', :'hospital'));
SELECT try_sql(format($$INSERT INTO vbp.load_reject (load_id, source, reason) VALUES (%s, 'x.csv', 'planted')$$, :bureau_load)) AS reject_into_others_load;
RESET ROLE;
SELECT count(*) AS superseded_rows, bool_and(load_id = :own_load) AS only_own_load FROM vbp.load_superseded;
DELETE FROM vbp.load WHERE load_id IN (:bureau_load, :own_load);
SELECT count(*) AS ledger_rows, sum(quantity) AS units FROM vbp.dispensing WHERE patient_id LIKE 'PW%';
SELECT count(*) AS links FROM capture_link WHERE source_table = 'public.his_dispensing'::regclass;
-- in quarantine mode the writer's statement goes on: its row for another institution stays
-- in the hospital's table, nothing reaches the ledger, and the writer reads why
CREATE TABLE public.his_dispensing_q (LIKE public.his_dispensing INCLUDING ALL);
CREATE TRIGGER capture AFTER INSERT OR UPDATE OR DELETE ON public.his_dispensing_q
  FOR EACH ROW EXECUTE FUNCTION vbp.capture('dispensing', 'line_no', 'org_code=hosp', 'product_code=drug',
    'dispensed_on=day', 'quantity=qty', 'amount=total', 'fund_paid=fund', 'patient_id=patient',
    'trace_code=code', 'channel=channel', 'on_error=quarantine');
GRANT SELECT, INSERT ON public.his_dispensing_q TO regress_vbp_writer;
SET ROLE regress_vbp_writer;
INSERT INTO his_dispensing_q VALUES (8, :'other', :'drug', '2023-05-05', 1, 1.00, 1.00, 'PW8', NULL, '医院');
SELECT count(*) AS kept_in_hospital_table FROM his_dispensing_q;
SELECT source, source_key, sqlstate, rejected_by FROM vbp.load_reject WHERE source = 'public.his_dispensing_q';
RESET ROLE;
SELECT count(*) AS ledger_rows_pw8 FROM vbp.dispensing WHERE patient_id = 'PW8';
-- a row the owner captured for the other institution: the writer renames it to its own
-- hospital (quarantined: the old row is not its to change, so its ledger row stays), then
-- deletes it (the row now names its hospital, but the ledger row it was captured as is the
-- other's: refused and quarantined), so the other institution's ledger row stands
INSERT INTO his_dispensing_q VALUES (9, :'other', :'drug', '2023-05-06', 1, 1.00, 1.00, 'PW9', NULL, '医院');
GRANT UPDATE, DELETE ON public.his_dispensing_q TO regress_vbp_writer;
SET ROLE regress_vbp_writer;
SET client_min_messages = error;
UPDATE his_dispensing_q SET hosp = :'hospital' WHERE line_no = 9;
DELETE FROM his_dispensing_q WHERE line_no = 9;
RESET client_min_messages;
SELECT sqlstate, reason ~ '^role "regress_vbp_writer" may not (write|remove) vbp.dispensing rows of institution ' AS refused
FROM vbp.load_reject WHERE source = 'public.his_dispensing_q' AND source_key = '9' ORDER BY rejected_at, reason;
RESET ROLE;
SELECT count(*) AS other_institution_row_stands, bool_and(org_code = :'other') AS still_the_others
FROM vbp.dispensing WHERE patient_id = 'PW9';
DELETE FROM vbp.dispensing WHERE patient_id = 'PW9';
DROP TABLE public.his_dispensing_q;
DELETE FROM vbp.load_reject WHERE source = 'public.his_dispensing_q';
DROP TABLE public.his_dispensing;
DELETE FROM vbp.dispensing WHERE patient_id LIKE 'PW%';
-- its links went with the table (event trigger vbp_capture_forget_dropped)
SELECT count(*) AS dangling_links FROM capture_link l WHERE NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = l.source_table);
DELETE FROM vbp.trace_code_state WHERE trace_code::text LIKE '8100001%';
-- the guard alone (no capture beside it) records codes only for the sites the
-- writer may write: naming another institution, a site that is not an
-- institution code, or no site is refused before any state is touched
CREATE TABLE public.his_sale_only (line_no int PRIMARY KEY, hosp text, code text, qty int, day date);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON public.his_sale_only
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=hosp', 'when=day', 'units=qty', 'receiving=none');
GRANT SELECT, INSERT, UPDATE, DELETE ON public.his_sale_only TO regress_vbp_writer;
INSERT INTO vbp.trace_code_state (trace_code, state, site, units_out, units_total, sales, first_table, first_when)
VALUES ('81000010000000000098', 'dispensed', :'other', 1, 1, 1, 'public.other_pharmacy', '2023-04-01');
SET ROLE regress_vbp_writer;
SELECT try_sql(format($$INSERT INTO his_sale_only VALUES (1, %L, '81000010000000000098', -1, '2023-05-03')$$, :'other'))
       ~ ('^42501: role "regress_vbp_writer" may not record traceability codes of institution ' || :'other') AS other_site_return_refused;
SELECT try_sql($$INSERT INTO his_sale_only VALUES (2, 'PHARMACY-3', '81000010000000000097', 1, '2023-05-03')$$)
       ~ '^42501: .* at site "PHARMACY-3"' AS department_site_refused;
SELECT try_sql($$INSERT INTO his_sale_only VALUES (3, NULL, '81000010000000000096', 1, '2023-05-03')$$)
       ~ '^42501: role "regress_vbp_writer" must name the institution' AS no_site_refused;
INSERT INTO his_sale_only VALUES (4, :'hospital', '81000010000000000095', 1, '2023-05-03');
RESET ROLE;
-- the other institution's sale stands; the writer's own sale is recorded
SELECT trace_code, state, site = :'other' AS other_site, units_out, returns FROM vbp.trace_code_state
WHERE trace_code::text IN ('81000010000000000098', '81000010000000000097', '81000010000000000096', '81000010000000000095') ORDER BY 1;
DROP TABLE public.his_sale_only;
DELETE FROM vbp.trace_code_state WHERE trace_code::text LIKE '8100001%';
-- an alert is announced without naming anyone (NOTIFY has no privileges) and
-- read from vbp.alert_log under row-level security: its own institution's only
DELETE FROM vbp.alert_log;
SELECT vbp.announce_alert('lagging', :'hospital', 'batch 1 group X year 1') > 0 AS own_alert,
       vbp.announce_alert('lagging', :'other', 'batch 1 group X year 1') > 0 AS other_alert;
SET ROLE regress_vbp_writer;
SELECT count(*) AS alerts_read, bool_and(org_code = :'hospital') AS only_own FROM vbp.alert_log;
RESET ROLE;
DELETE FROM vbp.alert_log;
-- a reading scope never lets a writer write: writer of its own institution,
-- reader of another (and the nation's BI reader), it writes only its own
SELECT (grant_tenant('regress_vbp_writer', 'institution_user', org_code => :'other')).writes AS reading_scope_writes;
GRANT vbp_bi_reader TO regress_vbp_writer;
SET ROLE regress_vbp_writer;
SELECT count(*) AS institutions_read FROM vbp.institution WHERE org_code IN (:'hospital', :'other');
SELECT try_sql(format($$INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
                       VALUES (%L, %L, '2023-05-04', 1, '1.00', '1.00', 'PW9', 'hospital')$$, :'other', :'drug')) AS read_scope_write;
SELECT vbp.may_write(:'hospital') AS may_write_own, vbp.may_write(:'other') AS may_write_read_scope;
RESET ROLE;
REVOKE vbp_bi_reader FROM regress_vbp_writer;
SELECT revoke_tenant('regress_vbp_writer') AS writer_scope_rows;
DROP ROLE regress_vbp_writer;

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
