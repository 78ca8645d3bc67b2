#!/usr/bin/env bash
# vbp.refresh_reports() after one day's new purchases: incremental against full.
#
# On the demo at SCALE (default 10), fsync on, as of the demo's date, after a
# first full refresh.  A day's purchases is the average day of the last 365
# days (purchases of that year ÷ 365), copied from random lines of the
# reporting month and dated on the reporting date (new keys, scattered
# institutions and products); the order lines among them get new order numbers
# and a copy of their lines' events, dated on the reporting date, as a day of the
# platform's feed brings orders with their confirmations and deliveries.  Each
# round writes one day and times
# refresh_reports() incremental, then writes another day and times
# refresh_reports(incremental => false); the order is swapped every round,
# after a warm-up round.  Printed: the price benchmark's step (the month
# table, which the view vbp.bi_price_benchmark reads), the agreement reports'
# steps (fulfilment and credibility, kept pair by pair), the order lines' step
# (kept line by line; the supply alerts are computed from them), each other
# stored view's step, and the whole refresh,
# each as the median of the rounds, with the ratio incremental / full and the
# load average.  Then the next days: the reporting date moved a day at a time (a
# nightly refresh), a day's purchases dated on it, each step of the incremental
# refresh against the full refreshes above.  Then
# the writers' side: a day's purchases in one statement, and 1,000 one-line
# statements, with the change triggers and with them disabled, paired.
#   bash test/bench/refresh.sh [SCALE [ROUNDS]]      (defaults 10, 3)
source "$(dirname "$0")/../../tools/lib.sh"
scale=${1:-10}
rounds=${2:-3}
export VBP_FSYNC=on
db=vbp_bench_refresh
vbp_bench_setup $db "$scale"
as_of=$(psql -d $db -At -c "SELECT as_of FROM vbp.demo_run")
day=$(psql -d $db -At -c "SELECT count(*) / 365 FROM vbp.purchase WHERE purchased_on > '$as_of'::date - 365 AND purchased_on <= '$as_of'")
n=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
echo "purchases: $n (scale $scale), as of $as_of; a day's purchases: $day; PostgreSQL $PG_MAJOR, fsync on, $(nproc) cores"
common="SET vbp.as_of = '$as_of'"
psql -d $db -c "$common" -c "SELECT count(*) FROM vbp.refresh_reports()" >/dev/null   # the first refresh is full
add_day="WITH src AS MATERIALIZED (
    SELECT org_code, product_code, quantity, amount, order_no, line_no FROM vbp.purchase
    WHERE purchased_on >= date_trunc('month', '$as_of'::date) ORDER BY random() LIMIT $day),
  lines AS (
    INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
    SELECT org_code, product_code, current_setting('vbp.as_of')::date, quantity, amount, 'day' || txid_current() || '-' || order_no, line_no FROM src
    RETURNING 1)
  INSERT INTO vbp.order_event (org_code, order_no, line_no, event, event_no, happened_on, quantity)
  SELECT e.org_code, 'day' || txid_current() || '-' || e.order_no, e.line_no, e.event, e.event_no, current_setting('vbp.as_of')::date, e.quantity
  FROM src JOIN vbp.order_event e ON e.org_code OPERATOR(vbp.=) src.org_code AND e.order_no = src.order_no AND e.line_no = src.line_no"
# the stored views in step order (the same every run)
views=$(psql -d $db -At -c "$common" -c "SELECT string_agg(matview::text, ' ' ORDER BY step) FROM vbp.refresh_reports() WHERE step > 4")
# refresh MODE [DATE]: writes a day's purchases dated DATE (default the demo's date)
# and refreshes as of DATE; prints the price step's, the agreement steps', the order
# lines', each other view's and the whole refresh's milliseconds, then the price,
# agreement and order-line steps' modes
refresh() {
	psql -d $db -At -F ' ' -c "SET vbp.as_of = '${2:-$as_of}'" -c "$add_day" -c "CREATE TEMP TABLE r AS SELECT * FROM vbp.refresh_reports(incremental => $1)" \
		-c "SELECT (SELECT milliseconds FROM r WHERE step = 1), (SELECT sum(milliseconds) FROM r WHERE step IN (2, 3)),
		           (SELECT milliseconds FROM r WHERE step = 4),
		           (SELECT string_agg(milliseconds::text, ' ' ORDER BY step) FROM r WHERE step > 4), (SELECT sum(milliseconds) FROM r),
		           (SELECT replace(mode, ' ', '_') FROM r WHERE step = 1), (SELECT replace(mode, ' ', '_') FROM r WHERE step = 2),
		           (SELECT replace(mode, ' ', '_') FROM r WHERE step = 4)" | tail -1
}
refresh true >/dev/null; refresh false >/dev/null   # warm-up round
inc=() ful=()
for ((i = 0; i < rounds; i++)); do
	if ((i % 2 == 0)); then inc+=("$(refresh true)"); ful+=("$(refresh false)"); else ful+=("$(refresh false)"); inc+=("$(refresh true)"); fi
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
col() { local k=$1; shift; printf '%s\n' "$@" | awk -v k="$k" '{print $k}'; }
nviews=$(wc -w <<<"$views")
labels=("price benchmark months (step 1; vbp.bi_price_benchmark reads them)"
	"fulfilment and credibility, kept by pair (steps 2–3; vbp.bi_fulfilment and vbp.bi_report_credibility read them)"
	"order lines, kept by line (step 4; vbp.bi_supply_alert is computed from them)")
for v in $views; do labels+=("$v"); done
labels+=("whole refresh_reports()")
# steps TITLE ROUNDS...: a table of each step's median over the rounds against the
# full refreshes' medians, then the modes of the price, agreement and line steps
steps() {
	local title=$1 k x y
	shift
	echo "| $title | incremental (ms) | full (ms) | incremental / full | load average |"
	echo "|---|---:|---:|---:|---|"
	for ((k = 1; k <= nviews + 4; k++)); do
		mapfile -t a < <(col $k "$@")
		mapfile -t b < <(col $k "${ful[@]}")
		x=$(med "${a[@]}") y=$(med "${b[@]}")
		echo "| ${labels[k - 1]} | $x | $y | $(awk -v x="$x" -v y="$y" 'BEGIN {printf "%.3f", x / y}') | $(vbp_load) |"
	done
	echo "modes: $(for k in 5 6 7; do col $((nviews + k)) "$@" | sort | uniq -c | tr -s ' ' | paste -sd, -; done | paste -sd ';' -)"
	echo
}
steps "after one day's purchases ($day lines)" "${inc[@]}"
# the next days: the reporting date moves a day (a nightly refresh), a day's purchases
# dated on it, the refresh incremental; against the full refreshes above
nxt=()
for ((i = 1; i <= rounds; i++)); do nxt+=("$(refresh true "$(date -d "$as_of + $i day" +%F)")"); done
steps "the next day: the reporting date moved a day, a day's purchases dated on it" "${nxt[@]}"

# the writers: the change triggers on and off, paired; the order lines among the
# day's lines get an order number new at each write (the writing transaction's)
psql -d $db -c "CREATE TABLE public.day_lines AS SELECT org_code, product_code, quantity, amount, order_no, line_no FROM vbp.purchase
                WHERE purchased_on >= date_trunc('month', '$as_of'::date) ORDER BY random() LIMIT $day"
psql -d $db -At -c "SELECT format('INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no) VALUES (%L, %L, %L, %s, %L, %s, %L);',
                                  org_code, product_code, '$as_of', quantity, amount,
                                  CASE WHEN order_no IS NULL THEN 'NULL' ELSE format('''w'' || txid_current() || %L', '-' || order_no) END, line_no)
                    FROM public.day_lines LIMIT 1000" >"$VBP_CLUSTER/one_line.sql"
bulk="INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
      SELECT org_code, product_code, '$as_of', quantity, amount, 'w' || txid_current() || '-' || order_no, line_no FROM public.day_lines"
triggers() { psql -d $db -c "ALTER TABLE vbp.purchase $1 TRIGGER report_change_insert"; }
write() {   # write FILE|-: milliseconds
	local t0 t1
	t0=$(date +%s%N)
	if [ "$1" = - ]; then psql -d $db -c "$bulk" >/dev/null; else psql -d $db -f "$1" >/dev/null; fi
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
echo "| writer | with the triggers (ms) | without (ms) | with / without | load average |"
echo "|---|---:|---:|---:|---|"
for what in - "$VBP_CLUSTER/one_line.sql"; do
	on=() off=()
	triggers ENABLE; write "$what" >/dev/null   # warm-up
	for ((i = 0; i < rounds; i++)); do
		if ((i % 2 == 0)); then triggers ENABLE; on+=("$(write "$what")"); triggers DISABLE; off+=("$(write "$what")")
		else triggers DISABLE; off+=("$(write "$what")"); triggers ENABLE; on+=("$(write "$what")"); fi
	done
	triggers ENABLE
	x=$(med "${on[@]}") y=$(med "${off[@]}")
	label=$([ "$what" = - ] && echo "a day's purchases, one statement" || echo "1,000 one-line statements, one session")
	echo "| $label | $x | $y | $(awk -v x="$x" -v y="$y" 'BEGIN {printf "%.2f", x / y}') | $(vbp_load) |"
done
