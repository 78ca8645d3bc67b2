#!/usr/bin/env bash
# vbp.price_cuts against sum(numeric) over the same rows: 2,000,000 products with
# random two-decimal prices (reference 1.00-1,000.00, selected 5-95 % of it) and
# whole volumes (1-10,000), as one group and in 1,000 groups, serial (the cost per
# row).  The two are timed alternately in one session, a warm-up pair and then
# ROUNDS pairs; the ratio is the median of the per-pair ratios price_cuts / sum.
# The load average is printed beside each figure.
#   bash test/bench/price_cuts.sh [ROWS] [ROUNDS]     (default 2000000; 7)
source "$(dirname "$0")/../../tools/lib.sh"
rows=${1:-2000000}
rounds=${2:-7}
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_price_cuts
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp" \
	-c "CREATE TABLE p AS
  SELECT floor(random() * 1000)::int AS grp, r AS reference_price,
         round(r * (0.05 + random() * 0.9)::numeric, 2) AS selected_price, floor(1 + random() * 10000)::numeric AS volume
  FROM (SELECT round((1 + random() * 999)::numeric, 2) AS r FROM generate_series(1, $rows)) g" \
	-c "VACUUM ANALYZE p"
echo "$rows products, PostgreSQL $PG_MAJOR, $(nproc) cores"
common="SET work_mem = '256MB'; SET max_parallel_workers_per_gather = 0"
echo "| query | vbp.price_cuts (ms) | sum(numeric) (ms) | price_cuts / sum | load average |"
echo "|---|---:|---:|---:|---|"
for shape in one grouped; do
	if [ $shape = one ]; then
		a="SELECT vbp.price_cuts(reference_price, selected_price, volume) FROM p"
		b="SELECT sum(reference_price) FROM p"
		label="one group"
	else
		a="SELECT grp, vbp.price_cuts(reference_price, selected_price, volume) FROM p GROUP BY grp"
		b="SELECT grp, sum(reference_price) FROM p GROUP BY grp"
		label="1,000 groups"
	fi
	read -r ta tb ratio < <(paired_ms $db "$common" "$a" "$b" "$rounds")
	echo "| $rows rows, $label, serial | $ta | $tb | $ratio | $(vbp_load) |"
done
