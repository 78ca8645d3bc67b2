#!/usr/bin/env bash
# Two sessions settle the same (institution, cycle) at the same moment: exactly one
# succeeds, the other gets SQLSTATE 23505, and one settlement row exists.  A barrier
# (an advisory lock held by a third session) releases both at once.  Five rounds on
# five institutions of the demo data.  Needs a running server and vbp installed.
# Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q "$@"; }
db=vbp_concurrency
tmp=$(mktemp -d)
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION vbp" -c "SELECT count(*) FROM vbp.generate_demo(1, 42)" >/dev/null
mapfile -t pairs < <(psql -d $db -At -F' ' -c "SELECT batch_id, org_code FROM vbp.agreement GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 5")
round=0
for pair in "${pairs[@]}"; do
	read -r batch org <<<"$pair"
	round=$((round + 1))
	# the barrier: hold lock 4242 for a second while both contenders queue on it
	psql -d $db -c "SELECT pg_advisory_lock(4242), pg_sleep(1)" >/dev/null &
	barrier=$!
	sleep 0.3
	for who in a b; do
		psql -d $db -v VERBOSITY=verbose -c "SELECT pg_advisory_lock_shared(4242)" \
			-c "SELECT retained FROM vbp.settle_retention($batch, '$org')" >"$tmp/$who.out" 2>&1 &
		eval "pid_$who=\$!"
	done
	wait "$barrier" "$pid_a" "$pid_b"
	ok=$(grep -l 'retained' "$tmp/a.out" "$tmp/b.out" | xargs grep -L 'ERROR' | wc -l)
	refused=$(grep -l '23505' "$tmp/a.out" "$tmp/b.out" | wc -l)
	rows=$(psql -d $db -At -c "SELECT count(*) FROM vbp.retention_settlement WHERE batch_id = $batch AND org_code::text = '$org'")
	if [ "$ok" -eq 1 ] && [ "$refused" -eq 1 ] && [ "$rows" -eq 1 ]; then
		echo "ok concurrent settlement round $round: one settles, one refused with 23505, one row"
	else
		cat "$tmp/a.out" "$tmp/b.out"
		echo "FAIL concurrent settlement round $round: $ok succeeded, $refused refused, $rows rows"
	fi
done
[ "$round" -eq 5 ] || echo "FAIL concurrent settlement: only $round institutions to test"
rm -rf "$tmp"
psql -d postgres -c "DROP DATABASE $db"
