-- One line per table or view of the fixture: name, row count and md5 of its rows in key order.
SELECT 'vbp_dump_probe ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_probe t;
SELECT 'vbp_dump_view ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.vbp_dump_view t;
SELECT 'purchase ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY id)) FROM public.purchase t;
SELECT 'spend_by_group ' || count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY grp)) FROM public.spend_by_group t;
SELECT 'dispensing ' || count(*) || ' ' || md5(string_agg(t::text || tableoid::regclass::text, '|' ORDER BY trace)) FROM public.dispensing t;
SELECT 'vbp.' || t || ' ' || n || ' ' || h FROM (VALUES
  ('purchase', (SELECT count(*) FROM vbp.purchase), (SELECT md5(string_agg(x::text, '|' ORDER BY purchase_id)) FROM vbp.purchase x)),
  ('purchase partitions', (SELECT count(*) FROM pg_inherits WHERE inhparent = 'vbp.purchase'::regclass),
     (SELECT md5(string_agg(tableoid::regclass::text || purchase_id, '|' ORDER BY purchase_id)) FROM vbp.purchase)),
  ('dispensing', (SELECT count(*) FROM vbp.dispensing), (SELECT md5(string_agg(x::text, '|' ORDER BY dispensing_id)) FROM vbp.dispensing x)),
  ('agreement', (SELECT count(*) FROM vbp.agreement), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.agreement x)),
  ('volume_report', (SELECT count(*) FROM vbp.volume_report), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.volume_report x)),
  ('institution', (SELECT count(*) FROM vbp.institution), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.institution x)),
  ('parameter', (SELECT count(*) FROM vbp.parameter), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.parameter x)),
  ('division', (SELECT count(*) FROM vbp.division), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.division x)),
  ('demo_injection', (SELECT count(*) FROM vbp.demo_injection), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.demo_injection x)),
  ('purchase_id_seq', (SELECT last_value FROM vbp.purchase_id_seq), ''),
  ('load', (SELECT count(*) FROM vbp.load), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM (SELECT load_id, target, source, status, inserted, replaced, rejected FROM vbp.load) x)),
  ('load_reject', (SELECT count(*) FROM vbp.load_reject), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM (SELECT load_id, line, field, value, reason FROM vbp.load_reject) x)),
  ('load_superseded', (SELECT count(*) FROM vbp.load_superseded), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.load_superseded x)),
  ('load_header', (SELECT count(*) FROM vbp.load_header), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.load_header x)),
  ('load_value', (SELECT count(*) FROM vbp.load_value), (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM vbp.load_value x)),
  ('load_load_id_seq', (SELECT last_value FROM vbp.load_load_id_seq), '')) v(t, n, h);
SELECT 'vbp.retention ' || (SELECT count(*) FROM vbp.retention_settlement) || ' ' ||
       (SELECT count(*) FROM vbp.retention_settlement_group) || ' ' ||
       (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM (SELECT batch_id, org_code, retained, settled_by FROM vbp.retention_settlement) x) || ' ' ||
       (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM (SELECT adjustment_id, amount, reason FROM vbp.retention_adjustment) x);
SELECT 'vbp.tenancy policies ' || count(*) || ' ' || md5(string_agg(format('%s:%s:%s', polrelid::regclass, polname, pg_get_expr(polqual, polrelid)), '|' ORDER BY polrelid::regclass::text))
FROM pg_policy WHERE polrelid::regclass::text LIKE 'vbp.%';
SELECT 'vbp.tenancy row security ' || string_agg(relname, ',' ORDER BY relname) FROM pg_class
WHERE relnamespace = 'vbp'::regnamespace AND relrowsecurity;
SELECT 'vbp.tenancy scopes ' || string_agg(format('%s:%s:%s:%s', member, member_name, scope, org_code), ',' ORDER BY member_name) FROM vbp.tenant_scope;
SELECT 'vbp.tenancy grants ' || count(*) || ' ' || md5(string_agg(c.relname || ':' || a.privilege_type || ':' || a.grantee::regrole, ','
                           ORDER BY c.relname || ':' || a.privilege_type || ':' || a.grantee::regrole))
FROM pg_class c, aclexplode(c.relacl) a
WHERE c.relnamespace = 'vbp'::regnamespace AND a.grantee::regrole::text LIKE 'vbp\_%';
