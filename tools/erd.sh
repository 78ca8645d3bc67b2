#!/usr/bin/env bash
# Renders the entity diagram of vbp's tables (doc/schema.svg) from the catalogue
# of a database where vbp is installed: tables with their key and columns,
# foreign keys as edges.  Needs graphviz (apt-get install graphviz).
#   PGHOST=... PGPORT=... PGDATABASE=... bash tools/erd.sh [out.svg]
set -euo pipefail
out=${1:-$(dirname "$0")/../doc/schema.svg}
psql -X -q -At -v ON_ERROR_STOP=1 <<'SQL' > /tmp/vbp-erd.dot
WITH t AS (
  SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
  WHERE n.nspname = 'vbp' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
), cols AS (
  SELECT t.relname, string_agg(
           '<TR><TD ALIGN="LEFT">' || CASE WHEN pk.attnum IS NOT NULL THEN '<B>' || a.attname || '</B>' ELSE a.attname END
           || '</TD><TD ALIGN="LEFT"><FONT COLOR="#555555">' || replace(format_type(a.atttypid, a.atttypmod), 'vbp.', '')
           || '</FONT></TD></TR>', '' ORDER BY a.attnum) AS rows
  FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN (SELECT conrelid, unnest(conkey) AS attnum FROM pg_constraint WHERE contype = 'p') pk
    ON pk.conrelid = t.oid AND pk.attnum = a.attnum
  GROUP BY t.relname
)
SELECT 'digraph vbp {' UNION ALL
SELECT '  graph [rankdir=TB, fontname="Helvetica", nodesep=0.25, ranksep=0.6, newrank=true];' UNION ALL
SELECT '  node [shape=plaintext, fontname="Helvetica", fontsize=10];' UNION ALL
SELECT '  edge [color="#7a7a7a", arrowsize=0.6];' UNION ALL
(SELECT '  ' || t.relname || ' [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">'
        || '<TR><TD COLSPAN="2" BGCOLOR="' || CASE WHEN t.relname IN ('parameter', 'agreed_ratio_rule', 'retention_grade_rule',
             'assessment_weight', 'credit_threshold') THEN '#f6d8a8' WHEN t.relname LIKE 'demo%' THEN '#dddddd'
             WHEN t.relname IN ('purchase', 'dispensing') THEN '#b9d8f0' ELSE '#cfe8cf' END
        || '"><B>' || t.relname || '</B></TD></TR>' || c.rows || '</TABLE>>];'
 FROM t JOIN cols c USING (relname) ORDER BY t.relname) UNION ALL
(SELECT DISTINCT '  ' || src.relname || ' -> ' || dst.relname || ';'
 FROM pg_constraint k JOIN t src ON src.oid = k.conrelid JOIN t dst ON dst.oid = k.confrelid
 WHERE k.contype = 'f' AND src.relname <> dst.relname) UNION ALL
SELECT '  subgraph cluster_parameters { label="parameters (shipped rows read-only)"; fontsize=11; color="#c0a070";'
       || ' parameter; agreed_ratio_rule; retention_grade_rule; assessment_weight; credit_threshold; }' UNION ALL
SELECT '  subgraph cluster_demo { label="demo generator"; fontsize=11; color="#999999"; demo_run; demo_injection; }' UNION ALL
SELECT '  { rank=same; parameter; agreed_ratio_rule; retention_grade_rule; assessment_weight; credit_threshold; demo_run; demo_injection; }' UNION ALL
SELECT '}';
SQL
dot -Tsvg /tmp/vbp-erd.dot -o "$out"
echo "wrote $out"
