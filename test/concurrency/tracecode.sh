#!/usr/bin/env bash
# The traceability-code guard under concurrent writers: two sessions racing on
# the same code in every state, released together by a barrier, and pgbench.
#  - new code, reject mode (row trigger) and alert mode (statement trigger):
#    exactly one sale recorded as the first, the other refused (23505) or alerted;
#  - received: both sell it whole: one passes, one is refused;
#  - receiving: both receive the same new code: one is refused (received twice);
#  - receiving in alert mode: both receive a received code again: both pass,
#    3 receipts (入库次数), 2 violations; both cancel one of three receipts: 1 left,
#    the code still received;
#  - split pack of 10 with 4 sold: both sell 4 (4 + 4 + 4 = 12 > 10): one refused, 8 sold;
#  - split pack with two lines of 4: both cancel a line: 0 sold, 2 returns, returned;
#  - returned: both sell it again: one passes;
#  - exempt (住院拆零): both sell exempt rows: both pass, sales + 2 (no lost update);
#  - pgbench, 8 clients inserting codes drawn from 400 (alert mode): for every code
#    sales = its rows, and alerts = rows - codes.
# Needs a running server and vbp installed.  Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning -c search_path=public,vbp" command psql -X -q "$@"; }
pgbench=${PGBIN:-$(pg_config --bindir)}/pgbench
db=vbp_tracecode_concurrency
tmp=$(mktemp -d)
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -v ON_ERROR_STOP=1 <<'SQL'
CREATE EXTENSION vbp;
INSERT INTO vbp.generic_group (group_code, generic_name) VALUES ('XC09AAD123A009', 'race');
INSERT INTO vbp.product (product_code, group_code, units_per_pack) VALUES ('XC09AAD123A009010100111', 'XC09AAD123A009', 10);
CREATE TABLE disp_reject (id bigserial PRIMARY KEY, code text, site text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON disp_reject FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('mode=reject', 'code=code', 'site=site', 'receiving=none');
CREATE TABLE disp_alert (id bigserial PRIMARY KEY, code text, site text);
SELECT vbp.attach_tracecode_guard('disp_alert', 'mode=alert', 'code=code', 'site=site', 'receiving=none');
CREATE TABLE recv (id bigserial PRIMARY KEY, code text, site text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON recv FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('event=receive', 'code=code', 'site=site');
CREATE TABLE recv_alert (id bigserial PRIMARY KEY, code text, site text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON recv_alert FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('event=receive', 'code=code', 'site=site', 'mode=alert');
CREATE TABLE sale (id bigserial PRIMARY KEY, code text, site text, qty int, drug text, setting text);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON sale FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=site', 'units=qty', 'drug=drug', 'setting=setting');
SQL

# race NAME SETUP_SQL STMT_A STMT_B CHECK_SQL WANT: runs SETUP, then STMT_A and STMT_B in two
# sessions released together; WANT is "<sessions refused> <CHECK_SQL's output>".
race() {
	local name=$1 setup=$2 a=$3 b=$4 check=$5 want=$6
	psql -d $db -v ON_ERROR_STOP=1 -c "$setup" >/dev/null || { echo "FAIL $name: setup failed"; return; }
	# the barrier: hold lock 4343 for a second while both contenders queue on it
	psql -d $db -c "SELECT pg_advisory_lock(4343), pg_sleep(1)" >/dev/null &
	local barrier=$!
	sleep 0.3
	psql -d $db -c "SELECT pg_advisory_lock_shared(4343)" -c "$a" >"$tmp/a.out" 2>&1 &
	local pa=$!
	psql -d $db -c "SELECT pg_advisory_lock_shared(4343)" -c "$b" >"$tmp/b.out" 2>&1 &
	local pb=$!
	wait "$barrier" "$pa" "$pb"
	local refused got
	refused=$(grep -l 'ERROR' "$tmp/a.out" "$tmp/b.out" | wc -l)
	got=$(psql -d $db -At -F' ' -c "$check")
	if [ "$refused $got" = "$want" ]; then
		echo "ok tracecode race: $name ($want)"
	else
		cat "$tmp/a.out" "$tmp/b.out"
		echo "FAIL tracecode race: $name: got '$refused $got', want '$want'"
	fi
}
st() { echo "SELECT ROW(state, units_out, sales, returns, violations)::text FROM vbp.trace_code_state WHERE trace_code = '$1'"; }

for round in 1 2 3; do
	c=$(printf '7%06d%013d' "$round" 1)
	race "new code, reject mode, round $round" "SELECT 1" \
		"INSERT INTO disp_reject (code, site) VALUES ('$c', 'A')" "INSERT INTO disp_reject (code, site) VALUES ('$c', 'A')" \
		"SELECT (SELECT count(*) FROM disp_reject WHERE code = '$c'), ($(st $c))" \
		"1 1 (dispensed,1,1,0,0)"
	c=$(printf '7%06d%013d' "$round" 2)
	race "new code, alert mode (statement trigger), round $round" "SELECT 1" \
		"INSERT INTO disp_alert (code, site) VALUES ('$c', 'A')" "INSERT INTO disp_alert (code, site) VALUES ('$c', 'A')" \
		"SELECT (SELECT count(*) FROM disp_alert WHERE code = '$c'), ($(st $c)), (SELECT count(*) FROM vbp.trace_alert WHERE trace_code = '$c')" \
		"0 2 (dispensed,2,2,0,1) 1"
done
c=71000000000000000003
race "received, both sell it whole" "INSERT INTO recv (code, site) VALUES ('$c', 'A')" \
	"INSERT INTO sale (code, site) VALUES ('$c', 'A')" "INSERT INTO sale (code, site) VALUES ('$c', 'A')" \
	"$(st $c)" "1 (dispensed,1,1,0,0)"
c=71000000000000000004
race "new code, both receive it" "SELECT 1" \
	"INSERT INTO recv (code, site) VALUES ('$c', 'A')" "INSERT INTO recv (code, site) VALUES ('$c', 'B')" \
	"SELECT count(*), ($(st $c)) FROM recv WHERE code = '$c'" "1 1 (received,0,0,0,0)"
strc() { echo "SELECT ROW(state, site, receipts, violations)::text FROM vbp.trace_code_state WHERE trace_code = '$1'"; }
c=71000000000000000009
race "received, both receive it again (alert mode)" "INSERT INTO recv_alert (code, site) VALUES ('$c', 'A')" \
	"INSERT INTO recv_alert (code, site) VALUES ('$c', 'A')" "INSERT INTO recv_alert (code, site) VALUES ('$c', 'A')" \
	"$(strc $c)" "0 (received,A,3,2)"
c=71000000000000000010
race "received three times, both cancel a receipt (alert mode)" \
	"INSERT INTO recv_alert (code, site) VALUES ('$c', 'A'), ('$c', 'A'), ('$c', 'A')" \
	"DELETE FROM recv_alert WHERE id = (SELECT min(id) FROM recv_alert WHERE code = '$c')" \
	"DELETE FROM recv_alert WHERE id = (SELECT max(id) FROM recv_alert WHERE code = '$c')" \
	"$(strc $c)" "0 (received,A,1,2)"
c=71000000000000000005
race "split pack of 10 with 4 sold, both sell 4" \
	"INSERT INTO recv (code, site) VALUES ('$c', 'A'); INSERT INTO sale (code, site, qty, drug) VALUES ('$c', 'A', 4, 'XC09AAD123A009010100111')" \
	"INSERT INTO sale (code, site, qty, drug) VALUES ('$c', 'A', 4, 'XC09AAD123A009010100111')" \
	"INSERT INTO sale (code, site, qty, drug) VALUES ('$c', 'A', 4, 'XC09AAD123A009010100111')" \
	"$(st $c)" "1 (dispensed,8,2,0,0)"
c=71000000000000000006
race "split pack with two lines of 4, both cancel a line" \
	"INSERT INTO recv (code, site) VALUES ('$c', 'A'); INSERT INTO sale (code, site, qty, drug) VALUES ('$c', 'A', 4, 'XC09AAD123A009010100111'), ('$c', 'A', 4, 'XC09AAD123A009010100111')" \
	"DELETE FROM sale WHERE id = (SELECT min(id) FROM sale WHERE code = '$c')" \
	"DELETE FROM sale WHERE id = (SELECT max(id) FROM sale WHERE code = '$c')" \
	"$(st $c)" "0 (returned,0,2,2,0)"
c=71000000000000000007
race "returned, both sell it again" \
	"INSERT INTO recv (code, site) VALUES ('$c', 'A'); INSERT INTO sale (code, site) VALUES ('$c', 'A'); DELETE FROM sale WHERE code = '$c'" \
	"INSERT INTO sale (code, site) VALUES ('$c', 'A')" "INSERT INTO sale (code, site) VALUES ('$c', 'A')" \
	"$(st $c)" "1 (dispensed,1,2,1,0)"
c=71000000000000000008
race "exempt (住院拆零), both sell exempt rows" \
	"INSERT INTO recv (code, site) VALUES ('$c', 'A'); INSERT INTO sale (code, site, setting) VALUES ('$c', 'A', '住院拆零')" \
	"INSERT INTO sale (code, site, setting) VALUES ('$c', 'A', '住院拆零')" "INSERT INTO sale (code, site, setting) VALUES ('$c', 'A', '住院拆零')" \
	"$(st $c)" "0 (received,0,3,0,0)"

cat >"$tmp/insert.sql" <<'SQL'
\set n random(1, 400)
INSERT INTO disp_alert (code, site) VALUES ('8' || lpad(:n::text, 19, '0'), 'pgbench');
SQL
if "$pgbench" -n -c 8 -j 2 -t 250 -f "$tmp/insert.sql" $db >"$tmp/pgbench.out" 2>&1; then
	read -r rows codes states wrong alerts < <(psql -d $db -At -F' ' -c "
		WITH r AS (SELECT code, count(*) AS n FROM disp_alert WHERE site = 'pgbench' GROUP BY code)
		SELECT (SELECT sum(n) FROM r), (SELECT count(*) FROM r),
		       (SELECT count(*) FROM vbp.trace_code_state WHERE trace_code::text LIKE '8%'),
		       (SELECT count(*) FROM r JOIN vbp.trace_code_state s ON s.trace_code = r.code::vbp.tracecode
		        WHERE s.sales <> r.n OR s.units_out <> r.n OR s.violations <> r.n - 1),
		       (SELECT count(*) FROM vbp.trace_alert WHERE trace_code::text LIKE '8%')")
	if [ "$rows" -eq 2000 ] && [ "$states" -eq "$codes" ] && [ "$wrong" -eq 0 ] && [ "$alerts" -eq $((rows - codes)) ]; then
		echo "ok tracecode guard under pgbench (8 clients, 2000 rows, $codes codes): sales = rows per code, $alerts alerts = rows - codes"
	else
		echo "FAIL tracecode guard under pgbench: rows $rows, codes $codes, states $states, codes with wrong counts $wrong, alerts $alerts"
	fi
else
	cat "$tmp/pgbench.out"
	echo "FAIL tracecode guard under pgbench: pgbench failed"
fi
rm -rf "$tmp"
psql -d postgres -c "DROP DATABASE $db"
