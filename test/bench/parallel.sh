#!/usr/bin/env bash
# Parallel speed-up of every vbp aggregate and of the reports built on them:
# each query serial (max_parallel_workers_per_gather = 0) and with 2 workers
# allowed (the planner's default costs: the plan it would really choose), timed
# alternately in pairs (a warm-up pair, then ROUNDS pairs); speed-up = median over
# the pairs of serial / parallel.  Scalar aggregates run over 5 million rows in
# 1,000 groups; the tallies and reports over the demo ledger at SCALE.
#   bash test/bench/parallel.sh [SCALE] [ROUNDS]     (default 10: about 1.2 million purchases; 5)
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-10}
rounds=${2:-5}
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_parallel
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp"
log "generating the demo at scale $scale and 5 million values"
psql -d $db -c "SELECT count(*) FROM vbp.generate_demo($scale, 42)" >/dev/null
psql -d $db -c "CREATE TABLE v AS
  SELECT g % 1000 AS grp, (((g * 7919) % 100000)::numeric / 100)::vbp.cny AS amount,
         ((g * 104729) % 10007)::float8 / 7 AS x, 10 + (g % 90)::numeric AS reference_price,
         1 + (g % 9)::numeric AS selected_price, (1 + g % 5)::numeric AS volume
  FROM generate_series(1::bigint, 5000000) g"
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
# the demo's price cells as a table, for the change alerts' aggregate on its own
psql -d $db -c "CREATE TABLE cells AS SELECT * FROM vbp.price_cells('-infinity', '$as_of')"
psql -d $db -c "VACUUM ANALYZE"
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
ncells=$(psql -d $db -At -c "SELECT count(*) FROM cells")
cores=$(nproc)
echo "purchases: $n (scale $scale), 5,000,000 values in 1,000 groups, as of $as_of, PostgreSQL $PG_MAJOR, $cores cores"

common="SET search_path = vbp, public; SET work_mem = '256MB'; SET vbp.as_of = '$as_of'"
serial="$common; SET max_parallel_workers_per_gather = 0"
# default parallel costs: forcing them to 0 also puts a Gather under per-row
# sub-plans of the reports, relaunching workers for every outer row (one such
# run at scale 10 hung in BgWorkerShutdown; doc/benchmarks.md)
parallel="$common; SET max_parallel_workers_per_gather = 2"

# once DB SETTINGS QUERY: one timed run in a fresh session, in ms
once() {
	PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -d "$1" -c "$2" -c '\timing on' -c "$3" |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}
# workers DB QUERY: workers the parallel plan launched (EXPLAIN ANALYZE)
workers() {
	PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -At -d "$1" -c "$parallel" \
		-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $2" | sed -n 's/.*Workers Launched: \([0-9]*\).*/\1/p' | sort -n | tail -n1
}
# pair NAME QUERY: warm-up pair, then ROUNDS serial/parallel pairs; prints a table row
pair() {
	local name=$1 q=$2 i s p
	local -a ss=() ps=() rs=()
	once $db "$serial" "$q" >/dev/null; once $db "$parallel" "$q" >/dev/null
	for i in $(seq 1 "$rounds"); do
		s=$(once $db "$serial" "$q"); p=$(once $db "$parallel" "$q")
		ss+=("$s"); ps+=("$p"); rs+=("$(awk -v a="$s" -v b="$p" 'BEGIN { printf "%.3f", a / b }')")
	done
	med() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
	local w
	w=$(workers $db "$q")
	printf '| %s | %.0f | %.0f | %s | %.2f | %s |\n' "$name" "$(med "${ss[@]}")" "$(med "${ps[@]}")" "${w:-in the function}" \
		"$(med "${rs[@]}")" "$(vbp_load)"
}

map="(SELECT vbp.product_cycle_map(array_agg(c.cycle_id)) FROM vbp.agreement_cycles() c WHERE c.in_batch AND c.cycle_start <= '$as_of')"
echo "| query | serial (ms) | 2 workers (ms) | workers launched | speed-up | load average |"
echo "|---|---:|---:|---:|---:|---|"
pair "sum(cny), 5M rows" "SELECT grp, vbp.sum(amount) FROM v GROUP BY grp"
pair "avg(cny), 5M rows" "SELECT grp, vbp.avg(amount) FROM v GROUP BY grp"
pair "min(cny), 5M rows" "SELECT grp, vbp.min(amount) FROM v GROUP BY grp"
pair "max(cny), 5M rows" "SELECT grp, vbp.max(amount) FROM v GROUP BY grp"
pair "deciles, 5M rows" "SELECT grp, vbp.deciles(x) FROM v GROUP BY grp"
pair "median_mad, 5M rows" "SELECT grp, vbp.median_mad(x) FROM v GROUP BY grp"
pair "price_cuts, 5M rows" "SELECT grp, vbp.price_cuts(reference_price, selected_price, volume) FROM v GROUP BY grp"
pair "purchase_tally, $n purchases" "SELECT org_code, vbp.purchase_tally(quantity, amount, purchased_on, accepted_on, paid_on, true, true, '$as_of'::date - 365, '$as_of', '$as_of', 30) FROM vbp.purchase GROUP BY org_code"
pair "cycle_tally, $n purchases" "SELECT org_code, vbp.cycle_tally(product_code, quantity, amount, purchased_on, accepted_on, paid_on, $map, '$as_of', 30) FROM vbp.purchase GROUP BY org_code"
pair "price_rank_series, $ncells cells" "SELECT group_code, vbp.price_rank_series(org_code, month, spend, quantity, 5) FROM cells GROUP BY group_code"
pair "report: fulfilment" "SELECT count(*), sum(completion) FROM vbp.fulfilment"
pair "report: retention_statement" "SELECT count(*) FROM vbp.retention_statement"
pair "report: price_benchmark" "SELECT count(*) FROM vbp.price_benchmark"
