#!/usr/bin/env bash
# The traceability-code guard under concurrent writers.
#  1. Two sessions insert the same new code at the same moment (a barrier releases
#     both), five rounds: in reject mode exactly one row is written, the other session
#     gets SQLSTATE 23505 and one first sighting exists; in alert mode both rows are
#     written, with one sighting and one alert.
#  2. pgbench, 8 clients, each transaction inserting a code drawn from a pool of 400
#     into a table guarded in alert mode: afterwards every code has exactly one
#     sighting, and alerts = rows - distinct codes.
# Needs a running server and vbp installed.  Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q "$@"; }
pgbench=${PGBIN:-$(pg_config --bindir)}/pgbench
db=vbp_tracecode_concurrency
tmp=$(mktemp -d)
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -v ON_ERROR_STOP=1 <<'SQL'
CREATE EXTENSION vbp;
CREATE TABLE disp_reject (id bigserial PRIMARY KEY, code text, site text);
CREATE TRIGGER guard BEFORE INSERT ON disp_reject FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code', 'site');
CREATE TABLE disp_alert (id bigserial PRIMARY KEY, code text, site text);
CREATE TRIGGER guard BEFORE INSERT ON disp_alert FOR EACH ROW EXECUTE FUNCTION vbp.tracecode_guard('alert', 'code', 'site');
SQL

for mode in reject alert; do
	for round in 1 2 3 4 5; do
		code=$(printf '7%06d%013d' "$round" "$([ $mode = reject ] && echo 1 || echo 2)")
		# the barrier: hold lock 4343 for a second while both contenders queue on it
		psql -d $db -c "SELECT pg_advisory_lock(4343), pg_sleep(1)" >/dev/null &
		barrier=$!
		sleep 0.3
		for who in a b; do
			psql -d $db -c "SELECT pg_advisory_lock_shared(4343)" \
				-c "INSERT INTO disp_$mode (code, site) VALUES ('$code', '$who')" >"$tmp/$who.out" 2>&1 &
			eval "pid_$who=\$!"
		done
		wait "$barrier" "$pid_a" "$pid_b"
		refused=$(grep -l '23505\|already dispensed' "$tmp/a.out" "$tmp/b.out" | wc -l)
		read -r rows sightings alerts < <(psql -d $db -At -F' ' -c "SELECT (SELECT count(*) FROM disp_$mode WHERE code = '$code'),
			(SELECT count(*) FROM vbp.trace_sighting WHERE trace_code::text = '$code'),
			(SELECT count(*) FROM vbp.trace_alert WHERE trace_code::text = '$code')")
		if [ $mode = reject ]; then want="1 1 1 0"; else want="0 2 1 1"; fi
		if [ "$refused $rows $sightings $alerts" = "$want" ]; then
			echo "ok tracecode guard ($mode) round $round: same new code at once, $rows row(s), one sighting, $alerts alert(s)"
		else
			cat "$tmp/a.out" "$tmp/b.out"
			echo "FAIL tracecode guard ($mode) round $round: refused $refused, rows $rows, sightings $sightings, alerts $alerts"
		fi
	done
done

cat >"$tmp/insert.sql" <<'SQL'
\set n random(1, 400)
INSERT INTO disp_alert (code, site) VALUES ('8' || lpad(:n::text, 19, '0'), 'pgbench');
SQL
if "$pgbench" -n -c 8 -j 2 -t 250 -f "$tmp/insert.sql" $db >"$tmp/pgbench.out" 2>&1; then
	read -r rows codes sightings alerts dup < <(psql -d $db -At -F' ' -c "
		SELECT count(*), count(DISTINCT code),
		       (SELECT count(*) FROM vbp.trace_sighting WHERE trace_code::text LIKE '8%'),
		       (SELECT count(*) FROM vbp.trace_alert WHERE trace_code::text LIKE '8%'),
		       (SELECT count(*) FROM (SELECT trace_code FROM vbp.trace_sighting GROUP BY 1 HAVING count(*) > 1) x)
		FROM disp_alert WHERE site = 'pgbench'")
	if [ "$rows" -eq 2000 ] && [ "$sightings" -eq "$codes" ] && [ "$alerts" -eq $((rows - codes)) ] && [ "$dup" -eq 0 ]; then
		echo "ok tracecode guard under pgbench (8 clients, 2000 rows, $codes codes): one sighting per code, $alerts alerts = rows - codes"
	else
		echo "FAIL tracecode guard under pgbench: rows $rows, codes $codes, sightings $sightings, alerts $alerts, duplicates $dup"
	fi
else
	cat "$tmp/pgbench.out"
	echo "FAIL tracecode guard under pgbench: pgbench failed"
fi
rm -rf "$tmp"
psql -d postgres -c "DROP DATABASE $db"
