#!/usr/bin/env bash
# vbp.deciles against percentile_cont(ARRAY[0.1..0.9]) WITHIN GROUP (ORDER BY x):
# 5,000,000 random values in one group and in 1,000 groups, at work_mem 4MB and
# 256MB, serial and with 2 parallel workers.  The two are timed alternately in one
# session, a warm-up pair and then ROUNDS pairs; the ratio is the median of the
# per-pair ratios deciles / percentile_cont (the target: at most 0.7).  The load
# average is printed beside each figure.  Both give the same deciles.
#   bash test/bench/deciles.sh [ROUNDS]          (default 5)
source "$(dirname "$0")/../../tools/lib.sh"
rounds=${1:-5}
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_deciles
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp" \
	-c "CREATE TABLE v AS SELECT floor(random() * 1000)::int AS grp, random() * 100 AS x FROM generate_series(1, 5000000) g" \
	-c "VACUUM ANALYZE v"
pc="percentile_cont(ARRAY[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) WITHIN GROUP (ORDER BY x)"
same=$(psql -d $db -At -c "SET work_mem = '256MB'" -c "SELECT (SELECT vbp.deciles(x) FROM v) = (SELECT $pc FROM v)
  AND (SELECT bool_and(a.d = b.d) AND count(*) = 1000 FROM (SELECT grp, vbp.deciles(x) AS d FROM v GROUP BY grp) a
       JOIN (SELECT grp, $pc AS d FROM v GROUP BY grp) b USING (grp))")
echo "same deciles over all 5,000,000 values and in each of the 1,000 groups: $same; PostgreSQL $PG_MAJOR, $(nproc) cores"
serial="SET max_parallel_workers_per_gather = 0"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0"
echo "| query | work_mem | vbp.deciles (ms) | percentile_cont (ms) | deciles / percentile_cont | load average |"
echo "|---|---|---:|---:|---:|---|"
for shape in one grouped; do
	if [ $shape = one ]; then a="SELECT vbp.deciles(x) FROM v"; b="SELECT $pc FROM v"; label="5M values, one group"
	else a="SELECT grp, vbp.deciles(x) FROM v GROUP BY grp"; b="SELECT grp, $pc FROM v GROUP BY grp"; label="5M values, 1,000 groups"; fi
	for mode in serial parallel; do
		for wm in 4MB 256MB; do
			read -r ta tb ratio < <(paired_ms $db "${!mode}; SET work_mem = '$wm'" "$a" "$b" "$rounds")
			echo "| $label, $mode | $wm | $ta | $tb | $ratio | $(vbp_load) |"
		done
	done
done
