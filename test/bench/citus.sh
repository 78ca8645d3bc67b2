#!/usr/bin/env bash
# vbp on Citus against one node, on the same machine (doc/scale-out.md).
#   bash test/bench/citus.sh [scale] [pairs] [shards]     (defaults 5, 3, 8)
# A coordinator and two workers on loopback (test/citus/cluster.sh, fsync on).
# The coordinator holds two databases with the same demo (same seed): one left
# on one node, one distributed with vbp.distribute(shards).  Each report is read
# whole (count of its rows) in pairs, one node and cluster alternately, the
# order swapped every pair, after a warm-up pair; the ratio is cluster / one node per pair, the
# median printed.  CPU: the server processes' user+system time per node (each
# postmaster's reaped children, read from /proc), so the coordinator's share of
# the work and the rate per core are measured, not estimated.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scale=${1:-5}
pairs=${2:-3}
shards=${3:-8}
PG_CONFIG=${PG_CONFIG:-pg_config}
PGBIN=${PGBIN:-$($PG_CONFIG --bindir)}
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
ok() { echo "ok $*"; }
fail() { echo "FAIL $*"; exit 1; }
db=vbp_bench_citus
single=vbp_bench_single
citus_conf="fsync = on
shared_buffers = 256MB
work_mem = 64MB"
source "$root/test/citus/cluster.sh"

node 0 -d postgres -c "CREATE DATABASE $single" && node 0 -d $single -c 'CREATE EXTENSION vbp' || fail "single-node database"
start=$(date +%s)
coord -c "SELECT count(*) FROM vbp.generate_demo($scale, 42)" >/dev/null || fail demo
node 0 -d $single -c "SELECT count(*) FROM vbp.generate_demo($scale, 42)" >/dev/null || fail demo
echo "demo at scale $scale in both databases: $(($(date +%s) - start)) s"
start=$(date +%s)
coord -c "SELECT count(*) FROM vbp.distribute($shards)" >/dev/null || fail distribute
echo "vbp.distribute($shards): $(($(date +%s) - start)) s"
for d in $db $single; do node 0 -d $d -c 'VACUUM ANALYZE' >/dev/null; done
coord -c 'SELECT run_command_on_workers($$VACUUM ANALYZE$$)' >/dev/null
as_of=$(coord -tA -c 'SELECT as_of FROM vbp.demo_run')
purchases=$(node 0 -d $single -tA -c 'SELECT count(*) FROM vbp.purchase')
echo "purchases: $purchases; as of $as_of; $(nproc) cores"

# cpu N: user+system seconds (x100) of node N's reaped server processes
cpu() {
	local pid
	pid=$(head -1 "$tmp/n$1/postmaster.pid")
	awk '{print $16 + $17}' "/proc/$pid/stat"
}
# run DB QUERY: prints milliseconds and the CPU centiseconds of nodes 0, 1, 2
run() {
	local t0 t1 a0 a1 a2
	a0=$(cpu 0) a1=$(cpu 1) a2=$(cpu 2)
	t0=$(date +%s%N)
	node 0 -d "$1" -tA -c "SET vbp.as_of = '$as_of'" -c "SELECT count(*) FROM ($2) x" >/dev/null || fail "query on $1: $2"
	t1=$(date +%s%N)
	sleep 0.3   # the backends exit and are reaped
	echo "$(((t1 - t0) / 1000000)) $(($(cpu 0) - a0)) $(($(cpu 1) - a1)) $(($(cpu 2) - a2))"
}
reports=(
	"fulfilment|SELECT * FROM vbp.fulfilment"
	"report_credibility|SELECT * FROM vbp.report_credibility"
	"retention_statement|SELECT * FROM vbp.retention_statement"
	"spend by institution|SELECT org_code, vbp.sum(amount), vbp.max(amount) FROM vbp.purchase GROUP BY 1"
	"spend by product|SELECT product_code, vbp.sum(amount), vbp.max(amount) FROM vbp.purchase GROUP BY 1"
	"deciles by product|SELECT product_code, vbp.deciles(amount::numeric / quantity) FROM vbp.purchase WHERE quantity > 0 GROUP BY 1"
)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %12s %12s %8s %12s %14s\n' report "one node ms" "cluster ms" ratio "coord share" "rows/s/core"
for r in "${reports[@]}"; do
	name=${r%%|*} q=${r#*|}
	ratios=() one=() clu=() share=() rate=()
	run $single "$q" >/dev/null; run $db "$q" >/dev/null   # warm-up pair
	for ((i = 0; i < pairs; i++)); do
		if ((i % 2 == 0)); then
			sr=$(run $single "$q"); cr=$(run $db "$q")
		else
			cr=$(run $db "$q"); sr=$(run $single "$q")
		fi
		read -r s _ <<<"$sr"
		read -r c c0 c1 c2 <<<"$cr"
		one+=("$s") clu+=("$c")
		ratios+=("$(awk -v c="$c" -v s="$s" 'BEGIN {printf "%.2f", c / s}')")
		total=$((c0 + c1 + c2))
		share+=("$(awk -v a="$c0" -v t="$total" 'BEGIN {printf "%.0f", t ? 100 * a / t : 0}')")
		rate+=("$(awk -v n="$purchases" -v t="$total" 'BEGIN {printf "%.0f", t ? n / (t / 100) : 0}')")
	done
	med() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
	printf '%-22s %12s %12s %8s %12s %14s\n' "$name" "$(med "${one[@]}")" "$(med "${clu[@]}")" "$(med "${ratios[@]}")" \
		"$(med "${share[@]}")%" "$(med "${rate[@]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The traceability guard: a sales table guarded per statement (alert mode) on
# one node, and distributed by code beside the codes' states on the cluster;
# each round inserts $guard_rows new codes in statements of $guard_batch rows
# (scattered 20-digit codes, never sequential), into the guarded table and into
# an unguarded twin, one node and cluster alternately, after a warm-up round.
guard_rows=${GUARD_ROWS:-200000}
guard_batch=${GUARD_BATCH:-50000}
for d in $single $db; do
	dist=""
	[ "$d" = "$db" ] && dist=yes
	node 0 -d $d -c "SET citus.enable_unsafe_triggers = on" \
		-c "CREATE TABLE public.bench_sale (line_no bigint, hosp text, code vbp.tracecode, units int, sold date)" \
		-c "CREATE TABLE public.bench_plain (line_no bigint, hosp text, code vbp.tracecode, units int, sold date)" \
		${dist:+-c "SELECT create_distributed_table('public.bench_sale', 'code', colocate_with => 'vbp.trace_code_state')"} \
		${dist:+-c "SELECT create_distributed_table('public.bench_plain', 'code', colocate_with => 'vbp.trace_code_state')"} \
		-c "SELECT vbp.attach_tracecode_guard('public.bench_sale', 'code=code', 'site=hosp', 'when=sold', 'units=units', 'receiving=none', 'mode=alert')" >/dev/null ||
		fail "guarded table in $d"
done
round=0
ingest() {   # ingest DB TABLE ROUND: milliseconds to insert guard_rows codes new in round ROUND
	local t0 t1 lo
	t0=$(date +%s%N)
	for ((lo = 0; lo < guard_rows; lo += guard_batch)); do
		node 0 -d "$1" -c "INSERT INTO public.$2 SELECT g, 'H' || (g % 97), ('8' || lpad((((g + $3 * 100000000)::bigint * 2654435761) % 1000000000000000000)::text, 19, '0'))::vbp.tracecode, 1, date '2025-08-01'
		                   FROM generate_series($lo + 1, $lo + $guard_batch) g" >/dev/null || fail "ingest into $2 on $1"
	done
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
# each call inserts codes no earlier call inserted (the round is counted here,
# outside the command substitutions)
next() { round=$((round + 1)); }
next; ingest $single bench_sale $round >/dev/null; ingest $db bench_sale $round >/dev/null
printf '%-22s %12s %12s %14s %14s\n' guard "one node ms" "cluster ms" "one node c/s" "cluster c/s"
for t in bench_sale bench_plain; do
	one=() clu=()
	for ((i = 0; i < pairs; i++)); do
		next
		if ((i % 2 == 0)); then one+=("$(ingest $single $t $round)"); clu+=("$(ingest $db $t $round)"); else clu+=("$(ingest $db $t $round)"); one+=("$(ingest $single $t $round)"); fi
	done
	o=$(printf '%s\n' "${one[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	c=$(printf '%s\n' "${clu[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	printf '%-22s %12s %12s %14s %14s\n' "$([ $t = bench_sale ] && echo 'with the guard' || echo 'without')" "$o" "$c" \
		"$((guard_rows * 1000 / o))" "$((guard_rows * 1000 / c))"
done
echo "codes in the store at the end: $(node 0 -d $single -tA -c 'SELECT count(*) FROM vbp.trace_code_state') on one node, $(coord -tA -c 'SELECT count(*) FROM vbp.trace_code_state') on the cluster"
echo "load average after the guard: $(cut -d' ' -f1-3 /proc/loadavg)"
