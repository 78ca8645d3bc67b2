#!/usr/bin/env bash
# What row-level security costs each reader: report views read whole by the
# owner (who bypasses row-level security), the BI reader (every row, through the
# policies), a province analyst (the province with the most institutions) and an
# institution user (the first tertiary hospital).
#
# On the demo at SCALE (default 10), as of the demo's date, default work_mem and
# JIT.  Each reader's read of a view (SELECT count(v) FROM vbp.<view> v) is
# timed in pairs with the owner's, in one session (SET ROLE between them, not
# timed): a warm-up pair, then ROUNDS pairs (default 3); the figure is the
# median of the per-pair ratios reader / owner, with the owner's median time.
#   bash test/bench/readers.sh [SCALE [ROUNDS [VIEW...]]]
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-10}
rounds=${2:-3}
shift $(($# > 2 ? 2 : $#))
views=("$@")
[ ${#views[@]} -gt 0 ] || views=(fulfilment report_credibility retention_statement price_benchmark price_benchmark_alert
	nrdl_stocking nrdl_monitoring)
db=vbp_bench_readers
vbp_bench_setup $db "$scale"
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
hospital=$(psql -d $db -At -c "SELECT org_code FROM vbp.institution WHERE level = 'tertiary' ORDER BY org_code LIMIT 1")
province=$(psql -d $db -At -c "SELECT vbp.province(org_code) FROM vbp.institution GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
psql -d $db -c "SELECT count(*) FROM vbp.setup_tenancy()" >/dev/null
for r in bench_bi bench_analyst bench_hospital; do psql -d postgres -c "DROP ROLE IF EXISTS $r" -c "CREATE ROLE $r"; done
psql -d $db -c "SELECT vbp.grant_tenant('bench_bi', 'bi_reader')" \
	-c "SELECT vbp.grant_tenant('bench_analyst', 'province_analyst', province => '$province')" \
	-c "SELECT vbp.grant_tenant('bench_hospital', 'institution_user', org_code => '$hospital')" >/dev/null
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
echo "purchases: $n (scale $scale), as of $as_of, province $province, hospital $hospital, PostgreSQL $PG_MAJOR, $rounds pairs"

# reader_pairs VIEW ROLE: "owner_median reader_median median_ratio" over the pairs
reader_pairs() {
	local view=$1 role=$2 i q="SELECT count(v) FROM vbp.$view v"
	{
		echo "SET search_path = vbp, public; SET vbp.as_of = '$as_of';"
		for i in $(seq 0 "$rounds"); do
			printf '\\timing on\n%s;\n\\timing off\nSET ROLE %s;\n\\timing on\n%s;\n\\timing off\nRESET ROLE;\n' "$q" "$role" "$q"
		done
	} | PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -d "$db" | pair_stats "$rounds" 1
}

echo
echo "| view | owner (ms) | BI reader / owner | province $province / owner | one hospital / owner | load average |"
echo "|---|---:|---:|---:|---:|---|"
for view in "${views[@]}"; do
	read -r o _ rb < <(reader_pairs "$view" bench_bi)
	read -r _ _ rp < <(reader_pairs "$view" bench_analyst)
	read -r _ _ rh < <(reader_pairs "$view" bench_hospital)
	echo "| $view | $o | $rb | $rp | $rh | $(vbp_load) |"
done
