#!/usr/bin/env bash
# The fulfilment report against a bare GROUP BY over the same purchases (issue 5):
#   report:  SELECT count(*), sum(completion) FROM vbp.fulfilment_for(as_of)
#   bare:    SELECT count(*), sum(q) FROM (SELECT p.org_code, pr.group_code, sum(p.quantity) q
#            FROM vbp.purchase p JOIN vbp.product pr USING (product_code) GROUP BY 1, 2) s
# on the demo at a scale with at least 10 million purchases; serial and with 2 parallel
# workers; work_mem 256MB for both (the default 4MB makes both spill); median of 5 runs.
#   bash test/bench/fulfilment.sh [SCALE]      (default 106: about 10.1 million purchases)
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-106}
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_fulfilment
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp"
log "generating the demo at scale $scale"
psql -d $db -c "SELECT count(*) FROM vbp.generate_demo($scale, 42)" >/dev/null
psql -d $db -c "VACUUM ANALYZE"
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
echo "purchases: $n (scale $scale), as of $as_of"
[ "$n" -ge 10000000 ] || { echo "fewer than 10 million purchases; use a larger scale" >&2; exit 1; }
report="SELECT count(*), sum(completion) FROM vbp.fulfilment_for('$as_of')"
bare="SELECT count(*), sum(q) FROM (SELECT p.org_code, pr.group_code, sum(p.quantity) q FROM vbp.purchase p JOIN vbp.product pr USING (product_code) GROUP BY 1, 2) s"
median5() {
	local settings=$1 q=$2 run
	for run in 1 2 3 4 5; do
		PGOPTIONS="-c client_min_messages=warning" command psql -X -q -d $db -c "$settings" -c '\timing on' -c "$q" |
			sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
	done | sort -n | sed -n 3p
}
common="SET search_path = vbp, public; SET work_mem = '256MB'"
serial="$common; SET max_parallel_workers_per_gather = 0"
parallel="$common; SET max_parallel_workers_per_gather = 2"
echo "| plan | fulfilment report (ms) | bare GROUP BY (ms) | report / bare |"
echo "|---|---:|---:|---:|"
for mode in serial parallel; do
	s=${!mode}
	psql -d $db -c "$s" -c "$report" -c "$bare" >/dev/null  # warm the cache
	tr=$(median5 "$s" "$report"); tb=$(median5 "$s" "$bare")
	awk -v l="$mode" -v a="$tr" -v b="$tb" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f |\n", l, a, b, a / b }'
done
