#!/usr/bin/env bash
# Two sessions settle the same (institution, cycle) at the same moment: exactly one
# succeeds, the other gets SQLSTATE 23505, and one settlement row exists.  A barrier
# (an advisory lock held by a third session) releases both at once.  Five rounds on
# five institutions of the demo data.  Then eight settlements while a writer commits
# purchases of the same institutions: each settlement's per-group rows add up to it.
# Needs a running server and vbp installed.
# Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning -c search_path=public,vbp" command psql -X -q "$@"; }
db=vbp_concurrency
tmp=$(mktemp -d)
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION vbp" -c "SELECT count(*) FROM vbp.generate_demo(1, 42)" >/dev/null
mapfile -t pairs < <(psql -d $db -At -F' ' -c "SELECT batch_id, org_code, cycle_year FROM vbp.agreement GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 5")
round=0
for pair in "${pairs[@]}"; do
	read -r batch org yr <<<"$pair"
	round=$((round + 1))
	# the barrier: hold lock 4242 for a second while both contenders queue on it
	psql -d $db -c "SELECT pg_advisory_lock(4242), pg_sleep(1)" >/dev/null &
	barrier=$!
	sleep 0.3
	for who in a b; do
		psql -d $db -v VERBOSITY=verbose -c "SELECT pg_advisory_lock_shared(4242)" \
			-c "SELECT retained FROM vbp.settle_retention($batch, '$org', cycle_year => $yr)" >"$tmp/$who.out" 2>&1 &
		eval "pid_$who=\$!"
	done
	wait "$barrier" "$pid_a" "$pid_b"
	ok=$(grep -l 'retained' "$tmp/a.out" "$tmp/b.out" | xargs grep -L 'ERROR' | wc -l)
	refused=$(grep -l '23505' "$tmp/a.out" "$tmp/b.out" | wc -l)
	rows=$(psql -d $db -At -c "SELECT count(*) FROM vbp.retention_settlement WHERE batch_id = $batch AND org_code::text = '$org' AND cycle_year = $yr")
	if [ "$ok" -eq 1 ] && [ "$refused" -eq 1 ] && [ "$rows" -eq 1 ]; then
		echo "ok concurrent settlement round $round: one settles, one refused with 23505, one row"
	else
		cat "$tmp/a.out" "$tmp/b.out"
		echo "FAIL concurrent settlement round $round: $ok succeeded, $refused refused, $rows rows"
	fi
done
[ "$round" -eq 5 ] || echo "FAIL concurrent settlement: only $round institutions to test"

# A settlement and its per-group audit rows come from one snapshot: while a writer
# commits purchases of the institutions being settled, one small transaction at a
# time, eight settlements are recorded, and each one's groups must add up to it.
mapfile -t targets < <(psql -d $db -At -F' ' -c "SELECT batch_id, org_code, cycle_year FROM vbp.agreement GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 8 OFFSET 5")
psql -d $db -v ON_ERROR_STOP=1 -c "CREATE TABLE public.settle_target AS
  SELECT a.org_code, s.product_code, a.cycle_start
  FROM vbp.agreement a
  JOIN vbp.product p ON p.group_code = a.group_code
  JOIN vbp.selection s ON s.product_code = p.product_code AND s.batch_id = a.batch_id AND s.selected
  WHERE (a.batch_id, a.org_code::text) IN (SELECT batch_id, org_code::text FROM vbp.agreement
                                          GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 8 OFFSET 5)" >/dev/null
psql -d $db -c "CREATE TABLE public.settle_stop (stop boolean)"
# the writer commits one purchase at a time until told to stop
psql -d $db -c "DO \$\$
BEGIN
  WHILE NOT EXISTS (SELECT FROM public.settle_stop) LOOP
    INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount)
    SELECT org_code, product_code, cycle_start + 10, 100, '55.00' FROM public.settle_target ORDER BY random() LIMIT 1;
    COMMIT;
  END LOOP;
END \$\$" >/dev/null 2>"$tmp/writer.err" &
writer=$!
sleep 0.5
for pair in "${targets[@]}"; do
	read -r batch org yr <<<"$pair"
	psql -d $db -c "SELECT retained FROM vbp.settle_retention($batch, '$org', cycle_year => $yr)" >/dev/null 2>>"$tmp/settle.err"
done
still_writing=$(kill -0 "$writer" 2>/dev/null && echo yes || echo no)
written=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase WHERE amount OPERATOR(vbp.=) '55.00' AND quantity = 100")
psql -d $db -c "INSERT INTO public.settle_stop VALUES (true)" >/dev/null
wait "$writer"
out=$(psql -d $db -At -c "
  SELECT count(*), count(*) FILTER (WHERE s.budget = g.budget AND s.spend = g.spend AND s.savings = g.savings
                                          AND s.counted_savings = g.counted_savings)
  FROM vbp.retention_settlement s
  JOIN LATERAL (SELECT vbp.sum(x.budget) AS budget, vbp.sum(x.spend) AS spend, vbp.sum(x.savings) AS savings,
                       vbp.sum(x.counted_savings) AS counted_savings
                FROM vbp.retention_settlement_group x
                WHERE x.batch_id = s.batch_id AND x.org_code = s.org_code AND x.cycle_year = s.cycle_year) g ON true
  WHERE (s.batch_id, s.org_code::text, s.cycle_year) IN (SELECT batch_id, org_code::text, cycle_year FROM vbp.agreement
                                                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 8 OFFSET 5)")
IFS='|' read -r settled consistent <<<"$out"
if [ "$settled" -eq 8 ] && [ "$consistent" -eq 8 ] && [ "$still_writing" = yes ]; then
	echo "ok settlement under concurrent writers: 8 settled while $written purchases committed, each one's groups add up to it"
else
	cat "$tmp/settle.err" "$tmp/writer.err" 2>/dev/null | head -20
	echo "FAIL settlement under concurrent writers: $settled settled, $consistent add up (writer still running at the end: $still_writing)"
fi
rm -rf "$tmp"
psql -d postgres -c "DROP DATABASE $db"
