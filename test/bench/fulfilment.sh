#!/usr/bin/env bash
# The fulfilment report against a bare GROUP BY over the same purchases:
#   report:  SELECT count(*), sum(completion) FROM vbp.fulfilment_for(as_of)
#   bare:    SELECT count(*), sum(q) FROM (SELECT p.org_code, pr.group_code, sum(p.quantity) q
#            FROM vbp.purchase p JOIN vbp.product pr USING (product_code) GROUP BY 1, 2) s
# on the demo at a scale with at least 10 million purchases; serial and with 2 parallel
# workers; work_mem 256MB for both (the default 4MB makes both spill).  The two are
# timed alternately in one session, a warm-up pair and then 5 pairs; the ratio is the
# median of the per-pair ratios.
#   bash test/bench/fulfilment.sh [SCALE]      (default 106: about 10.1 million purchases)
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-106}
db=vbp_bench_fulfilment
vbp_bench_setup $db "$scale"
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
agreements=$(psql -d $db -At -c "SELECT count(*) FROM vbp.agreement")
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
echo "purchases: $n, agreements: $agreements (scale $scale), as of $as_of, PostgreSQL $PG_MAJOR"
[ "$n" -ge 10000000 ] || { echo "fewer than 10 million purchases; use a larger scale" >&2; exit 1; }
report="SELECT count(*), sum(completion) FROM vbp.fulfilment_for('$as_of')"
bare="SELECT count(*), sum(q) FROM (SELECT p.org_code, pr.group_code, sum(p.quantity) q FROM vbp.purchase p JOIN vbp.product pr USING (product_code) GROUP BY 1, 2) s"
common="SET search_path = vbp, public; SET work_mem = '256MB'"
echo "| plan | fulfilment report (ms) | bare GROUP BY (ms) | report / bare |"
echo "|---|---:|---:|---:|"
for workers in 0 2; do
	read -r tr tb ratio < <(paired_ms $db "$common; SET max_parallel_workers_per_gather = $workers" "$report" "$bare" 5)
	label=$([ $workers = 0 ] && echo serial || echo "$workers workers")
	echo "| $label | $tr | $tb | $ratio |"
done
