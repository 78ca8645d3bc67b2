\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Citus deployment (分布式部署).  vbp.distribute() turns an installed vbp on
-- a Citus coordinator into a cluster: the institutions' ledgers distributed
-- and co-located by org_code, the reference data and parameters copied to
-- every node, the tenant scope kept on every node.  The tables stay members
-- of the extension (doc/scale-out.md says why); Citus then relies on
-- CREATE EXTENSION vbp, which it runs on every worker, for each node's copy
-- of the table definitions.
-- =====================================================================

CREATE FUNCTION vbp.citus_layout()
  RETURNS TABLE (table_name regclass, layout text, distribution_column text, colocate_with regclass)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT t.table_name,
         CASE WHEN t.access = 'rows of visible institutions'
                OR t.table_name IN ('vbp.trace_code_state'::regclass, 'vbp.trace_alert'::regclass) THEN 'distributed'
              WHEN t.table_name IN ('vbp.tenant_scope'::regclass, 'vbp.patient_certification'::regclass,
                                    'vbp.capture_link'::regclass, 'vbp.report_change'::regclass, 'vbp.order_line_change'::regclass,
                                    'vbp.report_cache_state'::regclass, 'vbp.alert_log'::regclass) THEN 'local'
              ELSE 'reference' END,
         CASE WHEN t.access = 'rows of visible institutions' THEN 'org_code'
              WHEN t.table_name IN ('vbp.trace_code_state'::regclass, 'vbp.trace_alert'::regclass) THEN 'trace_code' END,
         CASE WHEN t.access = 'rows of visible institutions' AND t.table_name <> 'vbp.purchase'::regclass THEN 'vbp.purchase'::regclass
              WHEN t.table_name = 'vbp.trace_alert'::regclass THEN 'vbp.trace_code_state'::regclass END
  FROM vbp.tenancy_tables() t
  ORDER BY 2, 1;
END;
COMMENT ON FUNCTION vbp.citus_layout() IS
  'How vbp.distribute() lays each vbp table out on Citus (分布式表布局): distributed by org_code and co-located with vbp.purchase (the rows of an institution); distributed by trace_code, the traceability guard''s states and alerts co-located with each other (a guarded table is distributed by its code beside them); reference (copied to every node); or local (kept on each node: the tenant scope, which the row-level security test reads on every node, the patients'' certifications, whose policy reads the ledgers, the capture links, which vbp''s drop event trigger clears on whichever node drops a table, shards included, the incremental refresh''s bookkeeping, which the coordinator''s refresh reads and writes, and the log of alerts announced, which the coordinator''s refresh writes)';

CREATE FUNCTION vbp.run_on_workers(statements text, what text)
  RETURNS int
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  failed text;
  n int;
BEGIN
  -- one DO block, one transaction on each worker: run_command_on_workers reads
  -- the result of a command's first statement only, and would report a later
  -- statement's failure as a success
  IF strpos(statements, '$vbp_on_workers$') > 0 THEN
    RAISE EXCEPTION 'statements for the workers may not contain $vbp_on_workers$' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE 'SELECT count(*), string_agg(w.nodename || '':'' || w.nodeport || '': '' || w.result, ''; '') FILTER (WHERE NOT w.success)
           FROM run_command_on_workers($1) w'
    INTO n, failed
    USING 'DO $vbp_on_workers$ BEGIN SET LOCAL citus.enable_ddl_propagation TO off; ' || statements || E'\nEND $vbp_on_workers$';
  IF failed IS NOT NULL THEN
    RAISE EXCEPTION 'could not % on every worker', what
      USING ERRCODE = 'connection_failure', DETAIL = failed, HINT = 'Check that every worker is up, then run it again.';
  END IF;
  RETURN n;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.run_on_workers(text, text) FROM PUBLIC;
COMMENT ON FUNCTION vbp.run_on_workers(text, text) IS
  'On Citus, runs PL/pgSQL statements on every worker, as one DO block in one transaction with DDL propagation off (在各工作节点执行), and fails loudly, naming each worker that failed, instead of returning its error as a row; returns the number of workers; vbp.distribute and vbp.sync_tenant_scope use it';

CREATE FUNCTION vbp.citus_distributed()
  RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  distributed boolean := false;
BEGIN
  -- pg_dist_partition exists only with Citus: read it by name, when it is there
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = ''vbp.purchase''::regclass)'
      INTO distributed;
  END IF;
  RETURN distributed;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.citus_distributed() FROM PUBLIC;
COMMENT ON FUNCTION vbp.citus_distributed() IS
  'Whether vbp is distributed on Citus (已分布式部署): vbp.purchase is a Citus table; false without Citus.  vbp.distribute and vbp.enable_fulfilment_counters ask it';

CREATE FUNCTION vbp.distribute(shard_count int DEFAULT 32)
  RETURNS TABLE (table_name regclass, layout text)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
  fk record;
  fks jsonb := '[]';
  drop_cmd text;   -- a command run here and on every worker
  moved text[] := '{}';
BEGIN
  IF shard_count IS NULL OR shard_count < 1 OR shard_count > 64000 THEN
    RAISE EXCEPTION 'shard count % is out of range', shard_count
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Give a shard count from 1 to 64000, e.g. 4 per worker core.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RAISE EXCEPTION 'vbp.distribute needs the citus extension'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'Run CREATE EXTENSION citus on the coordinator and add the workers first (doc/scale-out.md).';
  END IF;
  IF vbp.citus_distributed() THEN
    RAISE EXCEPTION 'vbp is distributed already'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'To change the shard count, re-create the database on the cluster and distribute it with the new count.';
  END IF;
  IF (SELECT s.enabled FROM vbp.fulfilment_counter_state s) THEN
    RAISE EXCEPTION 'the fulfilment counters are on'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'Their statement triggers on vbp.purchase cannot run on its shards.',
            HINT = 'Run vbp.disable_fulfilment_counters() first; on the cluster vbp.fulfilment runs on the workers.';
  END IF;
  -- The sessions of this database, on every node, find vbp's operators on their
  -- search path: Citus sends a subquery to a worker, or plans it again on the
  -- coordinator, as text, and a join USING a vbp column is resolved again there
  -- (the workers' commands commit on their own, so every refusal comes first)
  drop_cmd := format('ALTER DATABASE %I SET search_path TO "$user", public, vbp', current_database());
  PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
  EXECUTE drop_cmd;
  PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'on', true);
  PERFORM vbp.run_on_workers(drop_cmd || ';', 'set the search path');
  PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
  PERFORM pg_catalog.set_config('citus.shard_count', shard_count::text, true);
  PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

  -- the change triggers of the incremental refresh would run on the shards,
  -- where Citus cannot read their transition tables: on the cluster every
  -- refresh recomputes (vbp.refresh_price_benchmark_months)
  PERFORM vbp.disable_incremental_refresh();
  -- Citus wants every table a foreign key joins to be a Citus table before the
  -- key exists; the keys are dropped on every node, the tables converted, and
  -- the keys added again on the coordinator, which adds them on the workers and
  -- their shards.  A local table keeps no key to a Citus table (Citus would
  -- convert it): vbp.grant_tenant checks the institution and the province itself,
  -- and a certification's drug is checked when it is loaded.
  FOR fk IN SELECT k.conrelid::regclass AS rel, k.confrelid::regclass AS ref, k.conname,
                   pg_catalog.pg_get_constraintdef(k.oid) AS def, l.layout = 'local' AS from_local
            FROM pg_catalog.pg_constraint k
            JOIN vbp.citus_layout() l ON l.table_name = k.conrelid
            JOIN vbp.citus_layout() t ON t.table_name = k.confrelid
            WHERE k.contype = 'f' AND k.conparentid = 0 AND t.layout <> 'local'
            ORDER BY 1, 2 LOOP
    drop_cmd := format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.rel, fk.conname);
    EXECUTE drop_cmd;
    IF NOT fk.from_local THEN
      fks := fks || jsonb_build_object('rel', fk.rel::text, 'ref', fk.ref::text, 'name', fk.conname, 'def', fk.def);
      PERFORM vbp.run_on_workers(drop_cmd || ';', 'drop a foreign key');
    END IF;
  END LOOP;

  -- the rows were checked when they were written; copying them into the shards
  -- fires no check trigger (a trigger that reads a table not yet converted would
  -- see nothing), here nor on the workers
  EXECUTE 'SET LOCAL citus.propagate_set_commands = local';
  EXECUTE 'SET LOCAL session_replication_role = replica';
  -- a referenced table before the tables that reference it: a check trigger
  -- reads them while the rows are copied
  LOOP
    SELECT l.table_name INTO r FROM vbp.citus_layout() l
    WHERE l.layout = 'reference' AND l.table_name::text <> ALL (moved)
    ORDER BY EXISTS (SELECT 1 FROM jsonb_to_recordset(fks) AS x(rel text, ref text)
                     WHERE x.rel = l.table_name::text AND x.ref <> x.rel AND x.ref <> ALL (moved)),
             l.table_name::text
    LIMIT 1;
    EXIT WHEN NOT FOUND;
    PERFORM create_reference_table(r.table_name);
    moved := moved || r.table_name::text;
    table_name := r.table_name; layout := 'reference'; RETURN NEXT;
  END LOOP;
  -- the first table of each co-location group, then the tables placed beside it
  FOR r IN SELECT * FROM vbp.citus_layout() l WHERE l.layout = 'distributed'
           ORDER BY l.colocate_with IS NOT NULL, l.table_name LOOP
    PERFORM create_distributed_table(r.table_name, r.distribution_column,
                                     colocate_with => coalesce(r.colocate_with::text, 'none'));
    table_name := r.table_name;
    layout := 'distributed by ' || r.distribution_column || coalesce(', co-located with ' || r.colocate_with::text, '');
    RETURN NEXT;
  END LOOP;
  FOR r IN SELECT * FROM vbp.citus_layout() l WHERE l.layout = 'local' LOOP
    table_name := r.table_name; layout := 'local on each node'; RETURN NEXT;
  END LOOP;

  -- the local data of converted tables is copied into their shards; drop it
  FOR r IN SELECT * FROM vbp.citus_layout() l WHERE l.layout <> 'local' LOOP
    PERFORM truncate_local_data_after_distributing_table(r.table_name);
  END LOOP;

  EXECUTE 'SET LOCAL session_replication_role = origin';
  FOR fk IN SELECT * FROM jsonb_to_recordset(fks) AS x(rel text, name text, def text) LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.rel, fk.name, fk.def);
  END LOOP;
  -- the guard draws alert numbers on the worker holding the code: each node
  -- from its own range of 2^48 numbers (by its Citus group), so that an alert's
  -- number stays unique in the cluster
  PERFORM vbp.run_on_workers('EXECUTE (SELECT format(''ALTER SEQUENCE vbp.trace_alert_id_seq MINVALUE %s MAXVALUE %s START WITH %s RESTART WITH %s'', '
                             '(g.groupid::bigint << 48) + 1, (g.groupid::bigint + 1) << 48, (g.groupid::bigint << 48) + 1, (g.groupid::bigint << 48) + 1) '
                             'FROM pg_dist_local_group g);',
                             'give each worker its range of alert numbers');
  -- the scope rows travel to the workers (vbp.sync_tenant_scope); the report
  -- functions become plannable (vbp.make_citus_plannable)
  PERFORM vbp.sync_tenant_scope();
  PERFORM vbp.make_citus_plannable();
  PERFORM vbp.run_on_workers('PERFORM count(*) FROM vbp.make_citus_plannable();',
                             'make the functions plannable');
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.distribute(int) FROM PUBLIC;
COMMENT ON FUNCTION vbp.distribute(int) IS
  'Turns an installed vbp on a Citus coordinator into a cluster (分布式部署): reference tables for the reference data and parameters, the institutions'' ledgers distributed by org_code into shard_count shards and co-located, foreign keys kept; run once, as the owner of the vbp tables, after the workers are added (doc/scale-out.md)';

CREATE FUNCTION vbp.sync_tenant_scope()
  RETURNS int
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  cmd text;
  n int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN 0;
  END IF;
  -- rows by role name: a role's oid differs from node to node
  -- (the foreign keys of a worker's copy are not checked: the institutions live
  -- in the reference table's shard there, and the coordinator checked them)
  SELECT count(*)::int, 'SET LOCAL session_replication_role = replica; DELETE FROM vbp.tenant_scope; '
         -- a role created in this transaction reaches the workers when it commits:
         -- its scope and grants are copied by a later call (vbp.distribute,
         -- vbp.grant_tenant, or this function after the commit); until then the
         -- shards show it nothing
         || coalesce(string_agg(format('INSERT INTO vbp.tenant_scope (member, member_name, scope, province, org_code, writes) SELECT r.oid, %L, %L, %L, %L::vbp.orgcode, %L FROM pg_roles r WHERE r.rolname = %L;',
                                       s.member_name, s.scope, s.province, s.org_code::text, s.writes, s.member_name), ' '), '')
         || (SELECT coalesce(string_agg(format(' IF EXISTS (SELECT FROM pg_roles WHERE rolname = %L) THEN GRANT SELECT ON %s TO %I; END IF;',
                                               r.rolname, l.table_name, r.rolname), ''), '')
             FROM vbp.citus_layout() l
             JOIN vbp.tenancy_tables() t ON t.table_name = l.table_name AND t.access <> 'none'
             CROSS JOIN pg_roles r
             WHERE l.layout = 'local'
               AND r.rolname IN ('vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader', 'vbp_writer'))
    INTO n, cmd
  FROM vbp.tenant_scope s WHERE s.member::text = s.member_name;
  PERFORM vbp.run_on_workers(cmd, 'copy the tenant scope');
  RETURN n;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.sync_tenant_scope() FROM PUBLIC;
COMMENT ON FUNCTION vbp.sync_tenant_scope() IS
  'On Citus, copies the tenant scope rows (vbp.tenant_scope) to every worker, by role name, with the tenant roles'' SELECT grants on the tables kept local on each node (Citus carries no grant of a table it does not manage), so that row-level security on the shards sees what the coordinator sees (同步数据权限); vbp.grant_tenant, vbp.revoke_tenant and vbp.setup_tenancy call it; a role created in the same transaction reaches the workers at its commit and gets its rows and grants there from the next call; without Citus it does nothing and returns 0, else the number of rows copied';

-- Citus plans no parameterised SQL function body over its tables: standard
-- inlining hides the tables from its planner, and a body run by the SQL
-- function executor reaches it with unbound parameters.  On one node vbp's
-- report functions are SQL so that the planner inlines them and a filter
-- reaches the scans; on the cluster the same bodies run as PL/pgSQL, whose
-- queries Citus plans with their parameters bound.
CREATE FUNCTION vbp.make_citus_plannable()
  RETURNS TABLE (function_name regprocedure, returns text)
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  f record;
  def text;
  head text;
  body text;
  at int;
BEGIN
  -- PL/pgSQL lookups (vbp.known_rule_set and the like) record no dependency on
  -- the tables they read: one whose source names a reference table and no
  -- distributed one may run on a shard as the converted ones below (a function
  -- that reads no table is left alone: Citus evaluates it on the coordinator)
  FOR f IN
    SELECT p.oid::regprocedure AS sig FROM pg_catalog.pg_proc p
    WHERE p.pronamespace = 'vbp'::regnamespace AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
      AND NOT p.proretset AND p.provolatile <> 'v' AND p.prorettype <> 'trigger'::regtype
      AND (SELECT bool_or(l.layout = 'reference') AND NOT bool_or(l.layout = 'distributed')
           FROM vbp.citus_layout() l
           WHERE l.layout <> 'local' AND p.prosrc ~ (replace(l.table_name::text, '.', '\.') || '\M'))
      AND NOT coalesce('citus.allow_nested_distributed_execution=on' = ANY (p.proconfig), false)
    ORDER BY 1
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET citus.allow_nested_distributed_execution = on', f.sig);
    function_name := f.sig; returns := 'value, reads reference tables'; RETURN NEXT;
  END LOOP;
  FOR f IN
    WITH RECURSIVE citus_rel(rel, dist) AS (
      -- the Citus tables and the views over them; dist: a distributed table
      SELECT l.table_name::oid, l.layout = 'distributed' FROM vbp.citus_layout() l WHERE l.layout <> 'local'
      UNION
      SELECT r.ev_class, c.dist FROM pg_catalog.pg_rewrite r
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
      JOIN citus_rel c ON d.refclassid = 'pg_class'::regclass AND d.refobjid = c.rel
      WHERE r.ev_class <> c.rel
    ), fn(oid, dist) AS (
      SELECT d.objid, c.dist FROM pg_catalog.pg_depend d JOIN citus_rel c ON d.refobjid = c.rel
      WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_class'::regclass
      UNION
      SELECT d.objid, fn.dist FROM pg_catalog.pg_depend d JOIN fn ON d.refobjid = fn.oid
      WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_proc'::regclass
    )
    SELECT p.oid, p.oid::regprocedure AS sig, p.proretset, p.prorettype, bool_or(fn.dist) AS reads_distributed
    FROM fn JOIN pg_catalog.pg_proc p ON p.oid = fn.oid
    WHERE p.pronamespace = 'vbp'::regnamespace AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql')
    GROUP BY p.oid
    ORDER BY p.oid
  LOOP
    def := pg_catalog.pg_get_functiondef(f.oid);
    at := strpos(def, E'\nBEGIN ATOMIC\n');
    IF at > 0 THEN
      head := left(def, at);
      body := substr(def, at + length(E'\nBEGIN ATOMIC\n'));
      body := rtrim(regexp_replace(body, E'\\s*END\\s*$', ''), E' \n;');
      IF strpos(body, E';\n') > 0 THEN
        RAISE EXCEPTION 'function % has more than one statement', f.sig
          USING ERRCODE = 'feature_not_supported';
      END IF;
      body := btrim(body, E' \n');
      body := CASE WHEN f.proretset THEN 'RETURN QUERY ' || body
                   WHEN f.prorettype = 'void'::regtype THEN regexp_replace(body, '^SELECT', 'PERFORM')
                   ELSE 'RETURN (' || body || ')' END;
    ELSE
      at := strpos(def, E'\nRETURN ');
      IF at = 0 THEN
        RAISE EXCEPTION 'cannot read the body of function %', f.sig USING ERRCODE = 'feature_not_supported';
      END IF;
      head := left(def, at);
      body := rtrim(substr(def, at + 1), E' \n;');
    END IF;
    -- a PL/pgSQL body is parsed when it runs: a join USING a vbp column finds
    -- vbp's operators as the SQL body did when the extension was created.  A
    -- function that reads only reference tables may run on a shard, where Citus
    -- allows its query only with nested execution: the read stays on the node's
    -- own copy of the reference table.  One that reads a distributed table never
    -- gets it (its rows would be counted once per shard).
    head := regexp_replace(head, E'\n LANGUAGE sql\n', E'\n LANGUAGE plpgsql\n')
            || E' SET search_path = vbp, pg_catalog, pg_temp\n'
            || CASE WHEN f.reads_distributed THEN '' ELSE E' SET citus.allow_nested_distributed_execution = on\n' END;
    EXECUTE head || E' AS $vbp_body$\n#variable_conflict use_column\nBEGIN\n' || body || E';\nEND\n$vbp_body$';
    function_name := f.sig;
    returns := CASE WHEN f.proretset THEN 'rows' ELSE 'value' END
               || CASE WHEN f.reads_distributed THEN ', reads distributed tables' ELSE ', reads reference tables' END;
    RETURN NEXT;
  END LOOP;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.make_citus_plannable() FROM PUBLIC;
COMMENT ON FUNCTION vbp.make_citus_plannable() IS
  'On Citus, re-creates every vbp SQL function that reads a distributed or reference table, directly or through another function or a view, as PL/pgSQL with the same body, so that Citus plans its queries with their parameters bound (可分布式规划); vbp.distribute() calls it; run it again after ALTER EXTENSION vbp UPDATE on a cluster.  Returns the functions re-created';

-- DROP EXTENSION vbp on a cluster: Citus's drop trigger reads each shard's
-- bounds after the types of their distribution column are gone; so the shards
-- and the Citus metadata go first, at the start of the statement
CREATE FUNCTION vbp.citus_forget_tables()
  RETURNS int
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  r record;
  n int := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN 0;
  END IF;
  EXECUTE 'SELECT citus_is_coordinator()' INTO r;
  IF NOT r.citus_is_coordinator THEN
    RETURN 0;
  END IF;
  -- partitions first, their metadata only (their shards go with their parent's)
  FOR r IN EXECUTE 'SELECT p.logicalrelid AS rel, c.relname, c.relispartition AS part FROM pg_dist_partition p
                    JOIN pg_class c ON c.oid = p.logicalrelid
                    WHERE c.relnamespace = ''vbp''::regnamespace ORDER BY c.relispartition DESC, 1' LOOP
    PERFORM master_remove_distributed_table_metadata_from_workers(r.rel, 'vbp', r.relname);
    PERFORM citus_drop_all_shards(r.rel, 'vbp', r.relname, drop_shards_metadata_only := r.part);
    PERFORM master_remove_partition_metadata(r.rel, 'vbp', r.relname);
    n := n + 1;
  END LOOP;
  RETURN n;
END
$fn$;
REVOKE EXECUTE ON FUNCTION vbp.citus_forget_tables() FROM PUBLIC;
COMMENT ON FUNCTION vbp.citus_forget_tables() IS
  'On a Citus coordinator, drops the shards of vbp''s Citus tables and their Citus metadata, leaving the tables local and their rows gone (分布式表注销); vbp.citus_drop_guard calls it at the start of DROP EXTENSION vbp; returns the tables forgotten';

CREATE FUNCTION vbp.citus_drop_guard() RETURNS event_trigger
  AS 'MODULE_PATHNAME', 'pgvbp_citus_drop_guard'
  LANGUAGE C;
REVOKE EXECUTE ON FUNCTION vbp.citus_drop_guard() FROM PUBLIC;
COMMENT ON FUNCTION vbp.citus_drop_guard() IS
  'Event trigger: at the start of DROP EXTENSION vbp on a Citus coordinator, forgets vbp''s Citus tables (vbp.citus_forget_tables) while vbp''s types still exist; does nothing for another extension or without Citus';
CREATE EVENT TRIGGER vbp_citus_drop_guard ON ddl_command_start
  WHEN TAG IN ('DROP EXTENSION')
  EXECUTE FUNCTION vbp.citus_drop_guard();
COMMENT ON EVENT TRIGGER vbp_citus_drop_guard IS
  'Lets DROP EXTENSION vbp CASCADE work on a Citus cluster (vbp.citus_drop_guard)';
