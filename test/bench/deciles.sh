#!/usr/bin/env bash
# vbp.deciles against percentile_cont(ARRAY[0.1..0.9]) WITHIN GROUP (ORDER BY x):
# 5,000,000 values in one group and in 1,000 groups, serial and with 2 parallel
# workers; median of 3 runs each, and the ratios.  Both give the same deciles.
#   bash test/bench/deciles.sh            (builds, installs, starts a throwaway cluster)
source "$(dirname "$0")/../../tools/lib.sh"
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_deciles
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp" \
	-c "CREATE TABLE v AS SELECT g % 1000 AS grp, random() * 100 AS x FROM generate_series(1, 5000000) g" -c "ANALYZE v"
pc="percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x)"
same=$(psql -d $db -At -c "SELECT (SELECT vbp.deciles(x) FROM v) = (SELECT $pc FROM v)")
echo "same deciles over all 5,000,000 values: $same"
serial="SET max_parallel_workers_per_gather = 0"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0"
echo "| query | vbp.deciles (ms) | percentile_cont (ms) | percentile_cont / vbp.deciles |"
echo "|---|---:|---:|---:|"
for shape in one grouped; do
	if [ $shape = one ]; then a="SELECT vbp.deciles(x) FROM v"; b="SELECT $pc FROM v"; label="5M values, one group"
	else a="SELECT grp, vbp.deciles(x) FROM v GROUP BY grp"; b="SELECT grp, $pc FROM v GROUP BY grp"; label="5M values, 1,000 groups"; fi
	for mode in serial parallel; do
		s=${!mode}
		ta=$(median_ms $db "$s" "$a"); tb=$(median_ms $db "$s" "$b")
		awk -v l="$label, $mode" -v a="$ta" -v b="$tb" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f |\n", l, a, b, b / a }'
	done
done
