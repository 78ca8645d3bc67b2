#!/usr/bin/env bash
# After CREATE EXTENSION vbp and ALTER DATABASE ... SET search_path = "$user", public, vbp,
# new psql, psycopg2 and node-postgres connections use cny/orgcode and vbp's operators and
# aggregates unqualified; without the ALTER DATABASE the same SQL fails with 42883.
#   . /tmp/dev/env; bash test/client/search_path.sh    (PGHOST, PGPORT, PGUSER=postgres)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
db=vbp_sp
bare=vbp_sp_bare
fails=0

# Only the database default may set search_path: no psqlrc, no PGOPTIONS.
unset PGOPTIONS PGDATABASE
export PGCLIENTENCODING=UTF8

tmp=$(mktemp -d)
cleanup() {
    command psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
        -c "DROP DATABASE IF EXISTS $bare WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

fail() { echo "FAIL $*"; fails=$((fails + 1)); }

# Prints a client's output and counts its FAIL lines; a client that exits
# non-zero without saying why is a failure too.
report() {
    local client=$1 rc=$2 out=$3 n
    [ -n "$out" ] && printf '%s\n' "$out"
    n=$(printf '%s\n' "$out" | grep -c '^FAIL' || true)
    fails=$((fails + n))
    if [ "$rc" -ne 0 ] && [ "$n" -eq 0 ]; then fail "$client: client exited with status $rc"; fi
}

setup_failed() { fail "setup: $1"; printf '%s\n' "$2" | sed 's/^/    /'; exit 1; }

# --- the user's database, set up as documented ---------------------------------
out=$(psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "CREATE DATABASE $db TEMPLATE template0" 2>&1) || setup_failed "CREATE DATABASE $db" "$out"
out=$(psql -d $db 2>&1 <<SQL
CREATE EXTENSION vbp;
ALTER DATABASE $db SET search_path = "\$user", public, vbp;
SQL
) || setup_failed "CREATE EXTENSION vbp / ALTER DATABASE in $db" "$out"

# A new connection, as the user would open next: the types are named unqualified.
#   orders:   H44010300351  12.34, 0.66    (13.00)
#             H44010300352  100.00
#             H44010300353  7.00           (no hospital row: the join drops it)
#   sum       12.34 + 0.66 + 100.00 + 7.00 = 120.00
#   max       100.00
#   join      H44010300351 x 2 + H44010300352 x 1 = 3 rows (H44010300354 has no order)
#   H44010300351: amount + amount = 24.68 and 1.32; sum 12.34 + 0.66 = 13.00
data_sql=$(cat <<'SQL'
INSERT INTO orders VALUES ('H44010300351', '12.34'), ('H44010300351', '0.66'),
                          ('H44010300352', '100.00'), ('H44010300353', '7.00');
INSERT INTO hospital VALUES ('H44010300351', 'Hospital A'), ('H44010300352', 'Hospital B'),
                            ('H44010300354', 'Hospital D');
SQL
)
out=$(psql -d $db 2>&1 <<SQL
CREATE TABLE public.orders (org_code orgcode, amount cny);
CREATE TABLE public.hospital (org_code orgcode, name text);
$data_sql
SQL
) || setup_failed "user tables with unqualified orgcode/cny in $db" "$out"

# The checks every client runs: what, expected, query (tab-separated).  A query
# returning several rows is compared as its values sorted as text, joined by ",".
checks=$tmp/checks.tsv
cat >"$checks" <<'TSV'
search_path comes from the database default	"$user", public, vbp	SHOW search_path
sum(amount)	120.00	SELECT sum(amount) FROM orders
amount + amount where org_code = 'H44010300351'	1.32,24.68	SELECT amount + amount FROM orders WHERE org_code = 'H44010300351'
max(amount)	100.00	SELECT max(amount) FROM orders
JOIN hospital USING (org_code)	3	SELECT count(*) FROM orders JOIN hospital USING (org_code)
sum(amount) where org_code = 'H44010300351'	13.00	SELECT sum(amount) FROM orders WHERE org_code = 'H44010300351'
TSV
export VBP_SP_CHECKS=$checks

# --- (a) psql --------------------------------------------------------------------
while IFS=$'\t' read -r what want q; do
    got=$(command psql -X -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d $db -c "$q" 2>&1)
    rc=$?
    if [ $rc -eq 0 ]; then
        got=$(printf '%s\n' "$got" | LC_ALL=C sort | paste -sd, -)
    else
        got=$(printf '%s\n' "$got" | head -1)
    fi
    if [ $rc -eq 0 ] && [ "$got" = "$want" ]; then
        echo "ok psql: $what"
    else
        fail "psql: $what (got $got)"
    fi
done <"$checks"

# --- (b) Python psycopg2 -------------------------------------------------------
if ! /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; then
    apt-get install -y python3-psycopg2 >"$tmp/apt-python.log" 2>&1 ||
        { apt-get update >/dev/null 2>&1 && apt-get install -y python3-psycopg2 >"$tmp/apt-python.log" 2>&1; }
fi
out=$(PGDATABASE=$db /usr/bin/python3 "$here/search_path.py" 2>&1)
report python $? "$out"

# --- (c) node-postgres ---------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt-get install -y nodejs npm >"$tmp/apt-node.log" 2>&1 ||
        { apt-get update >/dev/null 2>&1 && apt-get install -y nodejs npm >"$tmp/apt-node.log" 2>&1; }
fi
if npm install --prefix "$tmp/npm" --no-audit --no-fund --no-save pg >"$tmp/npm.log" 2>&1; then
    out=$(cd "$tmp" && PGDATABASE=$db NODE_PATH="$tmp/npm/node_modules" node "$here/search_path.js" 2>&1)
    report node $? "$out"
else
    fail "node: npm install pg failed"
    sed 's/^/    /' "$tmp/npm.log" | tail -20
fi

# --- control: the same database without the ALTER DATABASE step ----------------
out=$(psql -d postgres -c "DROP DATABASE IF EXISTS $bare WITH (FORCE)" \
    -c "CREATE DATABASE $bare TEMPLATE template0" 2>&1) || setup_failed "CREATE DATABASE $bare" "$out"
out=$(psql -d $bare 2>&1 <<SQL
CREATE EXTENSION vbp;
CREATE TABLE public.orders (org_code vbp.orgcode, amount vbp.cny);
CREATE TABLE public.hospital (org_code vbp.orgcode, name text);
$data_sql
SQL
) || setup_failed "CREATE EXTENSION vbp / tables in $bare" "$out"

# SQLSTATE of one query in a new connection (00000 if it succeeds).
sqlstate() {
    command psql -X -At -d $bare -c "$1" -c '\echo SQLSTATE :LAST_ERROR_SQLSTATE' 2>/dev/null |
        sed -n 's/^SQLSTATE //p'
}
state=$(sqlstate "SELECT sum(amount) FROM orders")
if [ "$state" = 42883 ]; then
    echo "ok control: without the search_path set-up the operators are not found (42883)"
else
    fail "control: sum(amount) without the search_path set-up (got SQLSTATE ${state:-none}, want 42883)"
fi
# the other checked queries fail the same way ...
while IFS=$'\t' read -r what want q; do
    case $q in SHOW*|"SELECT sum(amount) FROM orders") continue ;; esac
    state=$(sqlstate "$q")
    if [ "$state" = 42883 ]; then
        echo "ok control: $what also fails without the set-up (42883)"
    else
        fail "control: $what without the search_path set-up (got SQLSTATE ${state:-none}, want 42883)"
    fi
done <"$checks"
# ... and only for want of the search_path: qualified, the same sum is right.
got=$(command psql -X -At -d $bare -c "SELECT vbp.sum(amount) FROM orders" 2>&1)
if [ "$got" = 120.00 ]; then
    echo "ok control: vbp.sum(amount), schema-qualified, still works there"
else
    fail "control: vbp.sum(amount), schema-qualified (got $got)"
fi

if [ $fails -ne 0 ]; then
    echo "$fails check(s) failed"
    exit 1
fi
echo "all checks passed"
