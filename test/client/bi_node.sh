#!/usr/bin/env bash
# node-postgres as a BI service would use it: reads every vbp.bi_* view as a read-only
# BI role and checks money and ratio columns arrive as numbers equal to the owner's (bi.js).
#   . /tmp/dev/env; bash test/client/bi_node.sh    (PGHOST, PGPORT, PGUSER=postgres)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=vbp_bi_node
unset PGDATABASE PGOPTIONS
export PGCLIENTENCODING=UTF8
tmp=$(mktemp -d)
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() { command psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS vbp_node_bi" >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	apt-get install -y nodejs npm >"$tmp/apt-node.log" 2>&1 ||
		{ apt-get update >/dev/null 2>&1 && apt-get install -y nodejs npm >"$tmp/apt-node.log" 2>&1; }
fi
npm install --prefix "$tmp/npm" --no-audit --no-fund --no-save pg >"$tmp/npm.log" 2>&1 ||
	{ echo "FAIL node: npm install pg failed"; tail -20 "$tmp/npm.log"; exit 1; }

psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" -c "DROP ROLE IF EXISTS vbp_node_bi" \
	-c "CREATE ROLE vbp_node_bi LOGIN" || exit 1
psql -d $db -At >/dev/null <<'SQL' || { echo "FAIL set-up"; exit 1; }
CREATE EXTENSION vbp;
SELECT count(*) FROM vbp.generate_demo(1, 42);
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM vbp.demo_run), false);
SELECT count(*) FROM vbp.refresh_reports();
SELECT count(*) FROM vbp.setup_tenancy();
SELECT vbp.grant_tenant('vbp_node_bi', 'bi_reader');
SQL
# the owner's totals of every numeric column of every BI materialized view and of
# vbp.bi_price_benchmark, vbp.bi_fulfilment and vbp.bi_report_credibility (views
# over the tables kept month by month and pair by pair)
psql -d $db -At >"$tmp/queries" <<'SQL'
SELECT format('SELECT %L, %L, sum(%I) FROM %s;', c.oid::regclass::text, a.attname, a.attname, c.oid::regclass)
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'vbp'::regnamespace AND (c.relkind = 'm' OR c.relname IN ('bi_price_benchmark', 'bi_fulfilment', 'bi_report_credibility')) AND a.atttypid = 'numeric'::regtype
ORDER BY c.relname, a.attnum;
SQL
psql -d $db -At -F $'\t' -f "$tmp/queries" >"$tmp/totals" || { echo "FAIL owner's totals"; exit 1; }
echo "ok owner's totals of $(wc -l <"$tmp/totals") numeric columns in $(cut -f1 "$tmp/totals" | sort -u | wc -l) BI views"
cd "$tmp" && PGDATABASE=$db PGUSER=vbp_node_bi VBP_BI_TOTALS="$tmp/totals" NODE_PATH="$tmp/npm/node_modules" node "$here/bi.js"
