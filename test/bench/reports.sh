#!/usr/bin/env bash
# Every report view against a bare aggregate over the rows it must read.
#
# On the demo at SCALE (default 10: about 1.2 million purchases), as of the
# demo's date, at the default work_mem and JIT setting: each view is read whole
# (SELECT count(v) FROM vbp.<view> v, so every column is computed) and timed in
# pairs with the bare query written beside it below (count(s) of a GROUP BY
# over the same table and key, so every aggregate is computed too).  A warm-up
# pair, then ROUNDS pairs (default 3); the ratio is the median of the per-pair
# ratios; the load average is printed on each row.
#   bash test/bench/reports.sh [SCALE [ROUNDS [VIEW...]]]
# With VBP_COLD_ROUNDS=N a second table follows: the views named in
# VBP_COLD_VIEWS (default: those timed) and their bare queries, each run on a
# cold cluster (restarted, its files dropped from the page cache), N pairs, no
# warm-up.
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-10}
rounds=${2:-3}
shift $(($# > 2 ? 2 : $#))
only=("$@")
db=vbp_bench_reports
# timed: VIEW is among those named on the command line, or none was named
timed() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " =~ " $1 " ]]; }
vbp_bench_setup $db "$scale"
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
d=$(psql -d $db -At -c "SELECT count(*) FROM vbp.dispensing")
e=$(psql -d $db -At -c "SELECT count(*) FROM vbp.order_event")
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
echo "purchases: $n, dispensing lines: $d, order events: $e (scale $scale), as of $as_of, PostgreSQL $PG_MAJOR, work_mem and jit at their defaults, $rounds pairs"
common="SET search_path = vbp, public; SET vbp.as_of = '$as_of'"

# the bare aggregates, by the rows a report reads
purchases="SELECT count(s) FROM (SELECT org_code, product_code, sum(quantity), vbp.sum(amount) FROM vbp.purchase GROUP BY 1, 2) s"
cells_year="SELECT count(s) FROM (SELECT date_trunc('month', p.purchased_on), pr.group_code, p.org_code, sum(p.quantity), vbp.sum(p.amount) FROM vbp.purchase p JOIN vbp.product pr USING (product_code) WHERE p.purchased_on BETWEEN date_trunc('month', '$as_of'::date) - interval '11 months' AND '$as_of' GROUP BY 1, 2, 3) s"
cells_all="SELECT count(s) FROM (SELECT date_trunc('month', p.purchased_on), pr.group_code, p.org_code, sum(p.quantity), vbp.sum(p.amount) FROM vbp.purchase p JOIN vbp.product pr USING (product_code) GROUP BY 1, 2, 3) s"
lines="SELECT count(s) FROM (SELECT p.org_code, p.order_no, p.line_no, sum(e.quantity), max(e.happened_on) FROM vbp.purchase p LEFT JOIN vbp.order_event e ON e.org_code OPERATOR(vbp.=) p.org_code AND e.order_no = p.order_no AND e.line_no = p.line_no WHERE p.order_no IS NOT NULL GROUP BY 1, 2, 3) s"
dispensing="SELECT count(s) FROM (SELECT org_code, product_code, date_trunc('month', dispensed_on), sum(quantity), count(trace_code) FROM vbp.dispensing GROUP BY 1, 2, 3) s"
selection="SELECT count(s) FROM (SELECT batch_id, product_code, max(selected_price) FROM vbp.selection GROUP BY 1, 2) s"
divisions="SELECT count(s) FROM (SELECT left(code, 2), count(*) FROM vbp.division GROUP BY 1) s"
listings="SELECT count(s) FROM (SELECT province, group_code, min(listed_on) FROM vbp.platform_listing GROUP BY 1, 2) s"

# view, bare query, what the bare query reads
reports=(
	"fulfilment|$purchases|purchases by institution x product"
	"fulfilment_alert|$purchases|purchases by institution x product"
	"fulfilment_live|$purchases|purchases by institution x product"
	"product_fulfilment|$purchases|purchases by institution x product"
	"province_fulfilment|$purchases|purchases by institution x product"
	"batch_summary|$purchases|purchases by institution x product"
	"report_credibility|$purchases|purchases by institution x product"
	"retention_statement|$purchases|purchases by institution x product"
	"retention_by_region|$purchases|purchases by institution x product"
	"next_batch_candidates|$purchases|purchases by institution x product"
	"supply_substitution|$purchases|purchases by institution x product"
	"nrdl_stocking|$purchases|purchases by institution x product"
	"nrdl_stocking_summary|$purchases|purchases by institution x product"
	"nrdl_availability|$purchases|purchases by institution x product"
	"price_benchmark|$cells_year|purchases of 12 months by month x generic x institution"
	"price_benchmark_alert|$cells_all|all purchases by month x generic x institution"
	"order_line_supply|$lines|order lines joined to their events, by line"
	"supply_performance|$lines|order lines joined to their events, by line"
	"institution_supply|$lines|order lines joined to their events, by line"
	"stockout_episodes|$lines|order lines joined to their events, by line"
	"supply_score|$lines|order lines joined to their events, by line"
	"company_supply_record|$lines|order lines joined to their events, by line"
	"supply_alert|$lines|order lines joined to their events, by line"
	"nrdl_dispensing|$dispensing|dispensing by institution x product x month"
	"nrdl_monitoring|$dispensing|dispensing by institution x product x month"
	"trace_code_monthly|$dispensing|dispensing by institution x product x month"
	"province_coverage|$selection|selections by batch x product"
	"payment_standard_schedule|$selection|selections by batch x product"
	"payment_standard_convergence|$selection|selections by batch x product"
	"credit_rating|$selection|selections by batch x product"
	"nrdl_item_period|$selection|selections by batch x product"
	"nrdl_applicable_level|$divisions|divisions by province"
	"dual_channel_gap|$divisions|divisions by province"
	"nrdl_listing|$listings|platform listings by province x generic"
)
echo
echo "| report | rows | report (ms) | bare (ms) | report / bare | bare aggregate over | load average |"
echo "|---|---:|---:|---:|---:|---|---|"
for r in "${reports[@]}"; do
	IFS='|' read -r view bare what <<<"$r"
	timed "$view" || continue
	rows=$(psql -d $db -At -c "$common" -c "SELECT count(*) FROM vbp.$view" | tail -n1)
	read -r tr tb ratio < <(paired_ms $db "$common" "SELECT count(v) FROM vbp.$view v" "$bare" "$rounds")
	echo "| $view | $rows | $tr | $tb | $ratio | $what | $(vbp_load) |"
done
echo
echo "The bare queries:"
printf '%s\n' "- purchases: \`$purchases\`" "- cells of 12 months: \`$cells_year\`" "- cells of all months: \`$cells_all\`" \
	"- order lines: \`$lines\`" "- dispensing: \`$dispensing\`" "- selections: \`$selection\`" "- divisions: \`$divisions\`" "- listings: \`$listings\`"
cold_rounds=${VBP_COLD_ROUNDS:-0}
if [ "$cold_rounds" -gt 0 ]; then
	echo
	echo "Cold cache: each query run after the cluster was restarted and its files dropped from the page cache; pairs: $cold_rounds."
	echo
	echo "| report | report, cold (ms) | bare, cold (ms) | report / bare | bare aggregate over | load average |"
	echo "|---|---:|---:|---:|---|---|"
	for r in "${reports[@]}"; do
		IFS='|' read -r view bare what <<<"$r"
		if [ -n "${VBP_COLD_VIEWS:-}" ]; then
			[[ " $VBP_COLD_VIEWS " =~ " $view " ]] || continue
		else
			timed "$view" || continue
		fi
		read -r tr tb ratio < <(cold_pairs $db "$common" "SELECT count(v) FROM vbp.$view v" "$bare" "$cold_rounds")
		echo "| $view | $tr | $tb | $ratio | $what | $(vbp_load) |"
	done
fi
