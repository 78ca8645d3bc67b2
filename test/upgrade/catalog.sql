-- Describes every object of extension vbp, one line each, independent of
-- OIDs, so two databases can be compared with diff.  Used by run.sh to check
-- that the upgrade chain ends where a fresh install of the newest version is.
\pset format unaligned
\pset tuples_only on
WITH ext AS (
  SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'vbp'
), members AS (
  SELECT d.classid, d.objid, d.objsubid
  FROM pg_catalog.pg_depend d, ext
  WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    AND d.refobjid = ext.oid AND d.deptype = 'e'
), described AS (
  SELECT m.classid, m.objid,
         pg_catalog.pg_describe_object(m.classid, m.objid, m.objsubid) AS what,
         pg_catalog.obj_description(m.objid, c.relname) AS comment,
         CASE c.relname
         WHEN 'pg_proc' THEN (
           SELECT CASE WHEN p.prokind = 'a' THEN (
                    SELECT pg_catalog.row_to_json(x)::text FROM (
                      SELECT a.aggkind, a.aggnumdirectargs, a.aggtransfn::regproc::text AS transfn,
                             a.aggfinalfn::regproc::text AS finalfn,
                             a.aggcombinefn::regproc::text AS combinefn,
                             a.aggserialfn::regproc::text AS serialfn,
                             a.aggdeserialfn::regproc::text AS deserialfn,
                             a.aggmtransfn::regproc::text AS mtransfn,
                             a.aggminvtransfn::regproc::text AS minvtransfn,
                             a.aggmfinalfn::regproc::text AS mfinalfn,
                             a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify,
                             a.aggsortop::regoperator::text AS sortop,
                             a.aggtranstype::regtype::text AS transtype, a.aggtransspace,
                             a.aggmtranstype::regtype::text AS mtranstype, a.aggmtransspace,
                             a.agginitval, a.aggminitval, p.proparallel, p.proacl::text AS acl
                      FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = p.oid) x)
                  ELSE pg_catalog.pg_get_functiondef(p.oid) || ' acl=' || coalesce(p.proacl::text, '')
                  END
           FROM pg_catalog.pg_proc p WHERE p.oid = m.objid)
         WHEN 'pg_type' THEN (
           SELECT pg_catalog.row_to_json(x)::text FROM (
             SELECT t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred, t.typdelim,
                    t.typinput::regproc::text AS input, t.typoutput::regproc::text AS output,
                    t.typreceive::regproc::text AS recv, t.typsend::regproc::text AS send,
                    t.typmodin::regproc::text AS modin, t.typmodout::regproc::text AS modout,
                    t.typanalyze::regproc::text AS analyze, t.typalign, t.typstorage,
                    t.typnotnull, t.typbasetype::regtype::text AS basetype, t.typcollation <> 0 AS collatable,
                    t.typelem::regtype::text AS elem, t.typacl::text AS acl
             FROM pg_catalog.pg_type t WHERE t.oid = m.objid) x)
         WHEN 'pg_operator' THEN (
           SELECT pg_catalog.row_to_json(x)::text FROM (
             SELECT o.oprcode::regproc::text AS code, o.oprcom::regoperator::text AS com,
                    o.oprnegate::regoperator::text AS negate, o.oprrest::regproc::text AS rest,
                    o.oprjoin::regproc::text AS "join", o.oprcanmerge, o.oprcanhash,
                    o.oprresult::regtype::text AS result
             FROM pg_catalog.pg_operator o WHERE o.oid = m.objid) x)
         WHEN 'pg_opfamily' THEN (
           SELECT coalesce(pg_catalog.string_agg(e, '; ' ORDER BY e), '') FROM (
             SELECT 'op ' || ao.amopstrategy || ' ' || ao.amopopr::regoperator::text
                    || ' ' || ao.amoppurpose::text || coalesce(' ' || ao.amopsortfamily::text, '') AS e
             FROM pg_catalog.pg_amop ao WHERE ao.amopfamily = m.objid
             UNION ALL
             SELECT 'proc ' || ap.amprocnum || ' ' || ap.amproclefttype::regtype::text || ','
                    || ap.amprocrighttype::regtype::text || ' ' || ap.amproc::regprocedure::text
             FROM pg_catalog.pg_amproc ap WHERE ap.amprocfamily = m.objid) f)
         WHEN 'pg_opclass' THEN (
           SELECT pg_catalog.row_to_json(x)::text FROM (
             SELECT oc.opcdefault, oc.opcintype::regtype::text AS intype,
                    oc.opckeytype::regtype::text AS keytype,
                    (SELECT f.opfname FROM pg_catalog.pg_opfamily f WHERE f.oid = oc.opcfamily) AS family
             FROM pg_catalog.pg_opclass oc WHERE oc.oid = m.objid) x)
         WHEN 'pg_cast' THEN (
           SELECT pg_catalog.row_to_json(x)::text FROM (
             SELECT ca.castfunc::regprocedure::text AS func, ca.castcontext, ca.castmethod
             FROM pg_catalog.pg_cast ca WHERE ca.oid = m.objid) x)
         WHEN 'pg_class' THEN (
           SELECT pg_catalog.row_to_json(x)::text FROM (
             SELECT r.relkind, r.relpersistence, r.relrowsecurity, r.relforcerowsecurity,
                    r.reloptions::text AS options, r.relacl::text AS acl,
                    CASE WHEN r.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(r.oid) END AS viewdef,
                    CASE WHEN r.relkind = 'i' THEN pg_catalog.pg_get_indexdef(r.oid) END AS indexdef,
                    (SELECT pg_catalog.string_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                              || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                              || coalesce(' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')
                              || coalesce(' -- ' || pg_catalog.col_description(r.oid, a.attnum), ''),
                              ', ' ORDER BY a.attnum)
                     FROM pg_catalog.pg_attribute a
                     LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                     WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
                    (SELECT pg_catalog.string_agg(co.conname || ' ' || pg_catalog.pg_get_constraintdef(co.oid), '; ' ORDER BY co.conname)
                     FROM pg_catalog.pg_constraint co WHERE co.conrelid = r.oid) AS constraints,
                    (SELECT pg_catalog.string_agg(pg_catalog.pg_get_indexdef(i.indexrelid), '; ' ORDER BY 1)
                     FROM pg_catalog.pg_index i WHERE i.indrelid = r.oid) AS indexes,
                    (SELECT pg_catalog.string_agg(pg_catalog.pg_get_triggerdef(tg.oid), '; ' ORDER BY tg.tgname)
                     FROM pg_catalog.pg_trigger tg WHERE tg.tgrelid = r.oid AND NOT tg.tgisinternal) AS triggers,
                    (SELECT pg_catalog.string_agg(po.polname || ' ' || po.polcmd::text || ' ' || po.polpermissive::text
                              || ' ' || coalesce(pg_catalog.pg_get_expr(po.polqual, po.polrelid), '')
                              || ' ' || coalesce(pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid), ''),
                              '; ' ORDER BY po.polname)
                     FROM pg_catalog.pg_policy po WHERE po.polrelid = r.oid) AS policies
             FROM pg_catalog.pg_class r WHERE r.oid = m.objid) x)
         ELSE ''
         END AS detail
  FROM members m
  JOIN pg_catalog.pg_class c ON c.oid = m.classid
)
SELECT what || ' | ' || pg_catalog.replace(coalesce(detail, ''), E'\n', ' ') || ' | comment: ' || coalesce(comment, '<none>')
FROM described
UNION ALL
-- the rows of every table of the extension (shipped parameters and divisions must match too)
SELECT 'table data ' || c.oid::regclass::text || ' | ' ||
       coalesce((xpath('/row/d/text()', pg_catalog.query_to_xml(
          format('SELECT count(*) || '' rows, md5 '' || coalesce(md5(string_agg(t::text, ''|'' ORDER BY t::text)), ''-'') AS d FROM %s t',
                 c.oid::regclass), false, true, '')))[1]::text, 'DIGEST FAILED')
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class c ON c.oid = d.objid AND c.relkind = 'r'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'vbp'
WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'e'
UNION ALL
SELECT 'extension version ' || extversion || ' config ' ||
       coalesce((SELECT pg_catalog.string_agg(c.cfg::regclass::text || coalesce(' ' || nullif(c.cond, ''), ''), ', ' ORDER BY c.cfg::regclass::text)
                 FROM ROWS FROM (pg_catalog.unnest(extconfig), pg_catalog.unnest(extcondition)) AS c(cfg, cond)), '')
FROM pg_catalog.pg_extension WHERE extname = 'vbp'
ORDER BY 1;
