#!/usr/bin/env bash
# Reports filter early: one institution's (or one province's, or one batch's)
# rows of a report against the whole report, on the demo at scale 10 (about
# 1.2 million purchases).  Each pair is timed alternately in one session, a
# warm-up pair and then 7 pairs; the ratio is the median of the per-pair ratios.
# The institution is drawn at random (seeded) among those with agreements, so
# no key is favoured by its position.  Also prints the plan of the institution
# query, to show the filter below the aggregate (an Index Cond on the purchases).
#   bash test/bench/pushdown.sh [SCALE]        (default 10)
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-10}
db=vbp_bench_pushdown
vbp_bench_setup $db "$scale"
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
org=$(psql -d $db -At -c "SELECT setseed(0.42); SELECT org_code FROM (SELECT DISTINCT org_code FROM vbp.agreement) a ORDER BY random() LIMIT 1" | tail -n1)
prov=$(psql -d $db -At -c "SELECT vbp.province('$org'::vbp.orgcode)")
echo "purchases: $n (scale $scale), as of $as_of, institution $org (province $prov), PostgreSQL $PG_MAJOR, load average $(vbp_load)"
common="SET search_path = vbp, public; SET vbp.as_of = '$as_of'"
echo
echo "| query | part (ms) | whole (ms) | part / whole |"
echo "|---|---:|---:|---:|"
row() {  # label view filter
	read -r tp tw ratio < <(paired_ms $db "$common" "SELECT count(*) FROM vbp.$2 WHERE $3" "SELECT count(*) FROM vbp.$2" 7)
	echo "| $1 | $tp | $tw | $ratio |"
}
row "fulfilment, one institution" fulfilment "org_code = '$org'"
row "fulfilment, one province" fulfilment "vbp.province(org_code) = '$prov'"
row "fulfilment, one batch" fulfilment "batch_id = 3"
row "fulfilment alerts, one institution" fulfilment_alert "org_code = '$org'"
row "retention statement, one institution" retention_statement "org_code = '$org'"
echo "load average after: $(vbp_load)"
echo
echo "Plan of the institution query (costs off):"
psql -d $db -c "$common" -c "EXPLAIN (COSTS OFF) SELECT * FROM vbp.fulfilment WHERE org_code = '$org'" | sed 's/^/    /'
