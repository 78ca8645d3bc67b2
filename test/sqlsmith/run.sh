#!/usr/bin/env bash
# SQLsmith against a database using vbp: random queries over vbp's tables,
# views, functions, operators and aggregates, and zero server crashes.
#
#   bash test/sqlsmith/run.sh 60        about 60 seconds of queries (the test command)
#   bash test/sqlsmith/run.sh 3600      an hour
#   bash test/sqlsmith/run.sh 20000q    20,000 queries, however long they take
#   VBP_SQLSMITH_SEED=N                 sqlsmith's seed (default: random, printed)
#   VBP_SQLSMITH_KEEP=1                 keep the database, the role and the generated queries
#
# Uses the server named by PGHOST, PGPORT, PGUSER (a superuser), as
# tools/test.sh's cluster from vbp_cluster_start; without PGHOST it starts a
# throwaway cluster of its own the same way.  vbp must be installed; installs
# the Debian package sqlsmith if missing.  It creates the database vbp_sqlsmith (vbp, the
# demo at scale 1, and a hospital-style table with vbp's C triggers attached)
# and the role vbp_sqlsmith: not a superuser, owns nothing, may read every vbp
# table and view and write the tables (sqlsmith runs each statement in a
# transaction it rolls back), so it can call only what PUBLIC may (vbp's admin
# functions are refused to it); a BI reader tenant (nation
# scope), so that row-level security shows it every row; search_path = vbp, public, smith, pg_catalog, so
# that vbp's operators resolve and sqlsmith reads its list of functions from the
# view smith.pg_proc (all of vbp's, one in 8 of the others); statement_timeout
# 1 s.  Both are dropped at the end.  sqlsmith calls functions that return one
# value (not set-returning ones, not triggers), and vbp's aggregates and operators.
#
# A crash is any of: a server process "terminated by signal" / "was terminated"
# or a PANIC in the server log since the start (the log is
# $VBP_SERVER_LOG, else $VBP_CLUSTER/server.log as vbp_cluster_start writes it);
# the sentinel, an idle superuser session opened before sqlsmith, gone
# afterwards (a crash makes the postmaster end every session); or the server
# not accepting connections afterwards.
# Prints "ok sqlsmith: N queries, 0 server crashes" or "FAIL ...", and how many
# vbp functions the queries called.
set -uo pipefail

limit=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
export PATH=/usr/lib/postgresql/$PG_MAJOR/bin:$PATH
db=vbp_sqlsmith
role=vbp_sqlsmith
seed=${VBP_SQLSMITH_SEED:-$(( (RANDOM << 15) | RANDOM ))}

if ! command -v sqlsmith >/dev/null; then
	as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
	echo "== installing sqlsmith" >&2
	as_root apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends sqlsmith >/dev/null
	command -v sqlsmith >/dev/null || { echo "FAIL sqlsmith: the Debian package sqlsmith could not be installed"; exit 1; }
fi

if [ -z "${PGHOST:-}" ]; then
	# standalone: a throwaway cluster of its own (tools/lib.sh), with vbp as installed
	exec bash -c 'source "$1/tools/lib.sh" && vbp_cluster_start && bash "$1/test/sqlsmith/run.sh" "$2"' _ "$root" "$limit"
fi

case $limit in
	*q) queries=${limit%q}; seconds=$((6 * 3600)) ;;   # a query bound, with a 6-hour backstop
	*) queries=; seconds=$limit ;;
esac
case "${queries:-0}$seconds" in *[!0-9]*) echo "usage: $0 SECONDS | QUERIESq" >&2; exit 2 ;; esac

work=$(mktemp -d /tmp/vbp-sqlsmith.XXXXXX)
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -v ON_ERROR_STOP=1 -q "$@"; }
sentinel_pid=
cleanup() {
	[ -n "$sentinel_pid" ] && kill "$sentinel_pid" 2>/dev/null
	if [ "${VBP_SQLSMITH_KEEP:-0}" = 1 ]; then
		echo "kept: database and role $db, queries and sqlsmith's output in $work" >&2
		return
	fi
	psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
	[ "$tenant_groups" = 0 ] && psql -d postgres \
		-c 'DROP ROLE IF EXISTS vbp_province_analyst, vbp_institution_user, vbp_bi_reader' >/dev/null 2>&1
	rm -rf "$work"
}
# vbp.setup_tenancy() creates three group roles; dropped at the end unless they were there
tenant_groups=$(psql -d postgres -tAc "SELECT count(*) FROM pg_roles
  WHERE rolname IN ('vbp_province_analyst', 'vbp_institution_user', 'vbp_bi_reader')" 2>/dev/null || echo 1)
trap cleanup EXIT

log=${VBP_SERVER_LOG:-${VBP_CLUSTER:+$VBP_CLUSTER/server.log}}
[ -n "$log" ] && [ -r "$log" ] || log=
log_offset=0
[ -n "$log" ] && log_offset=$(stat -c %s "$log")

# --- the database ---------------------------------------------------------
setup() {
	psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $role" \
		-c "CREATE DATABASE $db" -c "CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" &&
	psql -d $db <<SQL
CREATE EXTENSION vbp;
SELECT count(*) FROM vbp.generate_demo(1, 42);
-- a hospital system's table with vbp's C triggers, so that sqlsmith's
-- INSERT/UPDATE/DELETE statements (rolled back) run the guard and the capture
CREATE TABLE public.his_dispense (
  line_id bigint PRIMARY KEY, hosp text NOT NULL, drug text NOT NULL, day date NOT NULL,
  qty bigint NOT NULL, cost numeric NOT NULL, insurer_paid numeric NOT NULL, patient text NOT NULL,
  scan text, dept_kind text NOT NULL, dept text);
CREATE TRIGGER vbp_guard BEFORE INSERT OR UPDATE ON public.his_dispense
  FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('alert', 'scan', 'dept', 'day');
CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_dispense
  FOR EACH ROW EXECUTE FUNCTION vbp.capture('dispensing', 'line_id',
    'org_code=hosp', 'product_code=drug', 'dispensed_on=day', 'quantity=qty',
    'amount=cost', 'fund_paid=insurer_paid', 'patient_id=patient',
    'trace_code=scan', 'channel=dept_kind');
INSERT INTO public.his_dispense
  SELECT dispensing_id, org_code::text, product_code::text, dispensed_on, quantity,
         amount::text::numeric, fund_paid::text::numeric, patient_id,
         '9' || substr(trace_code::text, 2), channel, 'dept' || (dispensing_id % 7)
  FROM vbp.dispensing ORDER BY dispensing_id LIMIT 200;
SELECT vbp.refresh_reports();
ANALYZE;

-- sqlsmith draws functions from pg_proc, unqualified: on the role's search_path
-- this view comes first, with every vbp function and one in 8 of PostgreSQL's,
-- so that a third of the calls it writes are vbp's rather than one in twenty
CREATE SCHEMA smith;
CREATE VIEW smith.pg_proc AS
  SELECT * FROM pg_catalog.pg_proc
  WHERE pronamespace = 'vbp'::regnamespace
     OR (pronamespace <> 'vbp'::regnamespace AND oid::bigint % 8 = 0);
GRANT USAGE ON SCHEMA smith TO $role;
GRANT SELECT ON smith.pg_proc TO $role;
-- sqlsmith may end its own session; not the subject here
REVOKE EXECUTE ON FUNCTION pg_terminate_backend(integer, bigint) FROM PUBLIC;
GRANT USAGE ON SCHEMA vbp TO $role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA vbp, public TO $role;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA vbp TO $role;
-- every vbp table has row-level security: read as a BI reader
-- (nation scope, sees every row through the policies)
DO \$\$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'grant_tenant' AND pronamespace = 'vbp'::regnamespace) THEN
    PERFORM vbp.setup_tenancy();
    PERFORM vbp.grant_tenant('$role', 'bi_reader');
  END IF;
END \$\$;
ALTER ROLE $role IN DATABASE $db SET search_path = vbp, public, smith, pg_catalog;
ALTER ROLE $role IN DATABASE $db SET statement_timeout = '1s';
ALTER ROLE $role IN DATABASE $db SET lock_timeout = '1s';
ALTER ROLE $role IN DATABASE $db SET work_mem = '16MB';
-- errors in the log with their SQLSTATE and source location, not their statement
ALTER ROLE $role IN DATABASE $db SET log_error_verbosity = verbose;
ALTER ROLE $role IN DATABASE $db SET log_min_error_statement = panic;
ALTER ROLE $role IN DATABASE $db SET log_min_messages = error;
ALTER DATABASE $db SET track_functions = 'all';
SQL
}
if ! setup >"$work/setup.log" 2>&1; then
	cat "$work/setup.log"
	echo "FAIL sqlsmith: database with vbp and the demo set up"
	exit 1
fi
psql -d $db -o /dev/null -c 'SELECT pg_stat_reset()'

# --- the sentinel: an idle session that only a crash ends -----------------
coproc SENTINEL { PGAPPNAME=vbp_sqlsmith_sentinel command psql -X -q -d postgres -tA 2>/dev/null; }
sentinel_pid=$SENTINEL_PID
echo 'SELECT pg_backend_pid();' >&"${SENTINEL[1]}"
read -r -t 10 sentinel_backend <&"${SENTINEL[0]}" || sentinel_backend=

# --- sqlsmith ---------------------------------------------------------------
target="host=$PGHOST port=$PGPORT dbname=$db user=$role"
args=(--target="$target" --exclude-catalog --seed="$seed" --verbose --dump-all-queries)
[ -n "$queries" ] && args+=(--max-queries="$queries")
echo "== sqlsmith --seed=$seed, ${queries:+$queries queries}${queries:-$seconds s}, as $role on $db" >&2
start=$(date +%s)
timeout -s INT -k 30 "$seconds" sqlsmith "${args[@]}" >"$work/queries.sql" 2>"$work/sqlsmith.err"
rc=$?
elapsed=$(( $(date +%s) - start ))

# sqlsmith prints "queries: N" on its reports (every 100 queries) and when interrupted
n=$(sed -n 's/^queries: \([0-9]*\)$/\1/p' "$work/sqlsmith.err" | tail -n 1)
n=${n:-0}
if [ "$n" -eq 0 ] || { [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ -z "$queries" ]; }; then
	tail -n 20 "$work/sqlsmith.err"
	echo "FAIL sqlsmith: sqlsmith ran (status $rc, $n queries)"
	exit 1
fi

# --- crashes ----------------------------------------------------------------
sleep 2   # a crash's restart cycle
crashes=0
if [ -n "$log" ]; then
	tail -c +$((log_offset + 1)) "$log" >"$work/server.log"
	crashes=$(grep -cE 'terminated by signal|server process .* was terminated|PANIC:' "$work/server.log")
	if [ "$crashes" -gt 0 ]; then
		echo "---- server log: crashes, with the statement each crashed process was running ----"
		awk '/terminated by signal|server process .* was terminated|PANIC:/ { print; q = 0; next }
		     /Failed process was running:/ { q = 1; n = 0 }
		     q && /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / && !/Failed process was running:/ { q = 0 }
		     q && n++ < 300 { print }' "$work/server.log" | cut -c1-2000
	fi
else
	echo "(no server log known: set VBP_SERVER_LOG or VBP_CLUSTER; relying on the sentinel)"
fi
echo 'SELECT pg_backend_pid();' >&"${SENTINEL[1]}" 2>/dev/null
read -r -t 10 sentinel_after <&"${SENTINEL[0]}" 2>/dev/null || sentinel_after=
if [ -z "$sentinel_backend" ] || [ "$sentinel_after" != "$sentinel_backend" ]; then
	echo "the sentinel session ($sentinel_backend) did not survive: a server process crashed"
	[ "$crashes" -eq 0 ] && crashes=1
fi
broken=$(grep -cE '^[0-9]+	(server closed the connection|terminating connection because of crash|no connection to the server)' "$work/sqlsmith.err")

accepts=yes
pg_isready -q -t 30 && psql -d $db -tAc 'SELECT 1' >/dev/null 2>&1 || accepts=no

# --- what it exercised ------------------------------------------------------
# vbp functions named in the generated queries (called directly); the views
# and operators reach more, which pg_stat_user_functions counts (C, SQL and
# PL/pgSQL functions that returned at least once; track_functions = all).
total=$(psql -d $db -tAc "SELECT count(*) FROM pg_proc WHERE pronamespace = 'vbp'::regnamespace")
named=$(grep -oE 'vbp\.[a-z_0-9]+\(' "$work/queries.sql" | sort -u | wc -l)
sleep 1
returned=$(psql -d $db -tAc "SELECT count(*) FROM pg_stat_user_functions WHERE schemaname = 'vbp'")
tables=$(grep -oE '\bvbp\.[a-z_0-9]+\b[^(]' "$work/queries.sql" | sed 's/.$//' | sort -u | wc -l)
echo "sqlsmith: $n queries in ${elapsed}s, seed $seed; $total vbp functions, $named named in the queries," \
	"$returned returned at least once (pg_stat_user_functions); $tables vbp relations or types named"
echo "$broken times sqlsmith lost its connection (a crash ends every session; so does a FATAL error)"
echo "most frequent errors in sqlsmith's last report (count, first line):"
awk '/^queries: / { n = 0; delete e } /^[0-9]+\t/ { e[++n] = $0 } END { for (i = 1; i <= n && i <= 8; i++) print e[i] }' \
	"$work/sqlsmith.err" | cut -c1-110
if [ -n "$log" ]; then
	# errors raised in vbp's own C files, by SQLSTATE and place; XX000 (internal
	# error: elog, "cannot happen") there would be a bug worth a look
	srcs=$(cd "$root" && ls src/*.c src/core/*.c 2>/dev/null | xargs -n1 basename | paste -sd'|')
	VBP_SRCS="^(${srcs//./\\.})$" awk '
		BEGIN { srcs = ENVIRON["VBP_SRCS"] }
		/ ERROR:  [0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]: / { sub(/.* ERROR:  /, ""); code = substr($0, 1, 5); next }
		/ LOCATION:  / && code != "" { n = split($NF, f, ":"); if (f[1] ~ srcs) print code, $(NF-1), $NF; code = "" }
		' "$work/server.log" | sort | uniq -c | sort -rn >"$work/vbp-errors"
	echo "errors raised in vbp's C files: $(awk '{ s += $1 } END { print s + 0 }' "$work/vbp-errors") (count, SQLSTATE, function, file:line):"
	head -n 12 "$work/vbp-errors"
	if grep -q ' XX000 ' "$work/vbp-errors"; then
		echo "internal errors (XX000) in vbp's C files (rerun with the seed and VBP_SQLSMITH_KEEP=1 for the queries):"
		grep ' XX000 ' "$work/vbp-errors"
	fi
fi

label="sqlsmith: $n queries"
if [ "$crashes" -eq 0 ] && [ $accepts = yes ]; then
	echo "ok $label, 0 server crashes"
else
	[ $accepts = no ] && echo "the server does not accept connections after the run"
	echo "FAIL $label, $crashes server crashes (seed $seed; server accepts connections: $accepts)"
	exit 1
fi
