#!/usr/bin/env bash
# Scale-out on PostgreSQL's own machinery (doc/scale-out.md).  Two more
# clusters on loopback act as shards; vbp.purchase and vbp.dispensing of the
# coordinator (the running server) are spread over them as postgres_fdw foreign
# partitions, the foreign servers declaring OPTIONS (extensions 'vbp').  Checks:
#   - the demo data, first on this single node, then with the same rows on the
#     two shards, give identical reports (md5 of each report's rows in text
#     order), with the planner's defaults and with partitionwise aggregate/join;
#   - EXPLAIN (VERBOSE) puts vbp aggregates (sum, avg, max of cny, median_mad,
#     deciles, purchase_tally) and vbp functions and operators (generic_group,
#     fen, OPERATOR(vbp.=), OPERATOR(vbp.>=)) into each shard's Remote SQL, and a
#     control without extensions 'vbp' keeps them on the coordinator;
#   - with the array types of vbp.product_cycle and vbp.cycle_totals added to the
#     extension, vbp.cycle_tally runs on the shards too (grouped by institution
#     and day) and the coordinator's sums of its per-cycle totals equal the
#     single node's one-pass tally;
#   - vbp.refresh_reports() refreshes the BI views over the shards, and a
#     dispensing line written through vbp.dispensing lands on its shard.
# Needs a running server (PGHOST, PGPORT, PGUSER) with vbp installed, and root
# (the shards are initialised as postgres) or the cluster owner.  The shards are
# stopped and removed on exit.  Prints "ok NAME" / "FAIL NAME"; exits 1 on a failure.
set -uo pipefail
PGBIN=${PGBIN:-$(pg_config --bindir)}
psql() { PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

db=vbp_sharding         # the coordinator's database
shard_db=vbp_shard      # each shard's database
purchase_split=2022-01-01   # shard 1: purchases before, shard 2: from this day on
dispensing_split=2022-10-01
tmp=$(mktemp -d /tmp/vbp-sharding.XXXXXX)
chmod 755 "$tmp"
shard_dir=() shard_port=() shard_init_pid=()
failures=0

ok() { echo "ok $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

cleanup() {
	local d
	wait 2>/dev/null   # an initdb still running in the background
	psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	for d in "${shard_dir[@]}"; do
		as_owner "$PGBIN/pg_ctl" -D "$d/data" -m fast -w stop >/dev/null 2>&1
		rm -rf "$d"
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# init_shard N: initdb into a new temporary directory (in the background, while
# the coordinator loads the demo); start_shard N: start it listening on
# 127.0.0.1 (postgres_fdw connects there) and on a unix socket in that
# directory (for psql); the port is random, tried again if taken.
init_shard() {
	local n=$1 d
	d=$(mktemp -d "/tmp/vbp-shard$n.XXXXXX")
	shard_dir[$n]=$d
	chmod 755 "$d"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$d"
	{
		as_owner "$PGBIN/initdb" -D "$d/data" -U postgres -A trust -E UTF8 --locale=C >"$d/initdb.log" 2>&1 &&
			cat >>"$d/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$d'
fsync = off
max_connections = 30
shared_buffers = 64MB
CONF
	} &
	shard_init_pid[$n]=$!
}
start_shard() {
	local n=$1 d=${shard_dir[$1]} port try
	wait "${shard_init_pid[$n]}" || { cat "$d/initdb.log"; return 1; }
	for try in 1 2 3 4 5 6 7 8; do
		port=$((15000 + RANDOM % 15000))
		if as_owner "$PGBIN/pg_ctl" -D "$d/data" -l "$d/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
			shard_port[$n]=$port
			return 0
		fi
	done
	cat "$d/server.log"
	return 1
}
shard_psql() { local n=$1; shift; psql -h "${shard_dir[$n]}" -p "${shard_port[$n]}" -d "$shard_db" "$@"; }

# The reports compared (test/reports.list: name|query; dates from vbp.as_of = the demo's as_of).
mapfile -t reports < <(grep -v '^#' "$(dirname "$0")/../reports.list")
# Queries whose aggregates and filters push down to the shards (checked with
# EXPLAIN below); their results are compared like the reports.
q_dispensing_by_day="SELECT dispensed_on, count(*), vbp.sum(amount), vbp.sum(fund_paid), vbp.avg(amount), vbp.max(amount),
       vbp.median_mad(vbp.fen(amount)::float8), vbp.deciles(quantity::float8)
FROM vbp.dispensing GROUP BY dispensed_on"
q_purchase_by_day="SELECT purchased_on, count(*), vbp.sum(amount), sum(quantity),
       vbp.purchase_tally(quantity, amount, purchased_on, accepted_on, paid_on, true, true,
                          DATE '2019-01-01', DATE '2023-06-30', DATE '2023-06-30', 30)
FROM vbp.purchase GROUP BY purchased_on"
# filled in once the demo data is there: the generic group bought most often
q_purchase_where="SELECT purchase_id, org_code, product_code, purchased_on, amount
FROM vbp.purchase
WHERE vbp.generic_group(product_code) OPERATOR(vbp.=) :'grp'::vbp.drugcode
  AND amount OPERATOR(vbp.>=) '100'::vbp.cny AND vbp.fen(amount) % 2 = 0"
# the one-pass cycle tally per institution (as vbp.agreement_purchases runs it) ...
q_tally_single="SELECT b.org_code, t.*
FROM (SELECT org_code, vbp.cycle_tally(product_code, quantity, amount, purchased_on, accepted_on, paid_on,
                                       (SELECT vbp.product_cycle_map()), DATE '2023-06-30', 30) AS ts
      FROM vbp.purchase GROUP BY org_code) b, unnest(b.ts) t"
# ... and in two phases: per institution and day on the shards, summed per cycle on the coordinator
q_tally_by_day="SELECT org_code, purchased_on,
       vbp.cycle_tally(product_code, quantity, amount, purchased_on, accepted_on, paid_on,
                       (SELECT vbp.product_cycle_map()), DATE '2023-06-30', 30) AS ts
FROM vbp.purchase GROUP BY org_code, purchased_on"
q_tally_two_phase="SELECT d.org_code, t.cycle_id, sum(t.selected_units)::bigint, sum(t.other_units)::bigint,
       vbp.sum(t.selected_spend), vbp.sum(t.other_spend), sum(t.purchases)::bigint,
       sum(t.payments_due)::bigint, sum(t.paid_on_time)::bigint
FROM ($q_tally_by_day) d, unnest(d.ts) t GROUP BY 1, 2"

# digests SETTINGS [NAMES]: "name rows md5" for every report and query above (or those
# whose name matches the extended regex NAMES)
digests() {
	local r
	{
		echo "SELECT set_config('vbp.as_of', (SELECT as_of::text FROM vbp.demo_run), false) IS NOT NULL AS as_of_set \\gset"
		echo "SELECT vbp.generic_group(product_code) AS grp FROM vbp.purchase GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \\gset"
		echo "$1"
		for r in "${reports[@]}" "dispensing_by_day|$q_dispensing_by_day" "purchase_by_day|$q_purchase_by_day" \
			"purchase_where|$q_purchase_where" "cycle_tally|$q_tally_single"; do
			[[ "${r%%|*}" =~ ^(${2:-.*})$ ]] || continue
			printf "SELECT '%s', count(*), md5(coalesce(string_agg(t::text, E'\\\\n' ORDER BY t::text), '')) FROM (%s) t;\n" \
				"${r%%|*}" "${r#*|}"
		done
	} | psql -d $db -At -F' '
}

# compare_digests FILE_A FILE_B WHAT: one line per report of FILE_A
compare_digests() {
	local name rows md5 other
	while read -r name rows md5; do
		other=$(awk -v n="$name" '$1 == n { print $2, $3 }' "$2")
		if [ "$other" = "$rows $md5" ] && [ "$rows" -gt 0 ]; then
			ok "$name: $3 ($rows rows)"
		else
			fail "$name: $3 (single node: $rows rows $md5; sharded: ${other:-no result})"
		fi
	done <"$1"
}

# ---------------------------------------------------------------- single node
init_shard 1
init_shard 2
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
if psql -d $db -c 'CREATE EXTENSION vbp' -c 'SELECT count(*) FROM vbp.generate_demo(1, 42)' >/dev/null; then
	read -r np nd < <(psql -d $db -At -F' ' -c 'SELECT (SELECT count(*) FROM vbp.purchase), (SELECT count(*) FROM vbp.dispensing)')
	ok "demo data (scale 1, seed 42) on a single node: $np purchases, $nd dispensing lines"
else
	fail "demo data loads on the coordinator"
	exit 1
fi
digests "" >"$tmp/single" || fail "reports run on the single node"
# an institution's retention as the single node states it, to settle it later over the shards
read -r settle_batch settle_org settle_year settle_retained < <(psql -d $db -At -F' ' -c \
	"SELECT batch_id, org_code, cycle_year, retained FROM vbp.retention_statement
	 WHERE retained OPERATOR(vbp.>) '0'::vbp.cny AND NOT interim ORDER BY 1, 2, 3 LIMIT 1")

# ---------------------------------------------------------------- two shards
if start_shard 1 && start_shard 2; then
	ok "two shards on 127.0.0.1, ports ${shard_port[1]} and ${shard_port[2]}"
else
	fail "two shards start"
	exit 1
fi
# each shard: vbp, and the reference rows that the foreign keys of its ledgers need
shard_ready=0
for n in 1 2; do
	psql -h "${shard_dir[$n]}" -p "${shard_port[$n]}" -d postgres -c "CREATE DATABASE $shard_db" &&
		shard_psql $n -c 'CREATE EXTENSION vbp' || continue
	for t in generic_group product institution; do
		psql -d $db -c "COPY vbp.$t TO STDOUT" | shard_psql $n -c "COPY vbp.$t FROM STDIN" || continue 2
	done
	shard_ready=$((shard_ready + 1))
done
if [ $shard_ready -eq 2 ]; then
	ok "each shard has vbp and the generic groups, products and institutions its ledgers refer to"
else
	fail "shards get vbp and the reference rows"
	exit 1
fi

# the coordinator: foreign servers, and the ledgers' rows moved into foreign partitions
if psql -d $db >"$tmp/setup.log" 2>&1 <<SQL; then
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '${shard_port[1]}', dbname '$shard_db',
           extensions 'vbp', fetch_size '10000', batch_size '1000', async_capable 'true');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '${shard_port[2]}', dbname '$shard_db',
           extensions 'vbp', fetch_size '10000', batch_size '1000', async_capable 'true');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');
CREATE SCHEMA shard1;
CREATE SCHEMA shard2;
BEGIN;
-- foreign tables cannot carry foreign keys; each shard enforces them on its own rows
ALTER TABLE vbp.purchase DROP CONSTRAINT purchase_org_code_fkey, DROP CONSTRAINT purchase_product_code_fkey;
ALTER TABLE vbp.dispensing DROP CONSTRAINT dispensing_org_code_fkey, DROP CONSTRAINT dispensing_product_code_fkey;
-- the rows leave the default partitions, whose range the foreign partitions take over
CREATE TEMP TABLE moving_purchase ON COMMIT DROP AS
  WITH d AS (DELETE FROM vbp.purchase RETURNING *) SELECT * FROM d;
CREATE TEMP TABLE moving_dispensing ON COMMIT DROP AS
  WITH d AS (DELETE FROM vbp.dispensing RETURNING *) SELECT * FROM d;
-- the incremental refresh's transition-table triggers would block routing to the shards
SELECT vbp.disable_incremental_refresh();
CREATE FOREIGN TABLE shard1.purchase PARTITION OF vbp.purchase
  FOR VALUES FROM (MINVALUE) TO ('$purchase_split') SERVER shard1 OPTIONS (schema_name 'vbp', table_name 'purchase');
CREATE FOREIGN TABLE shard2.purchase PARTITION OF vbp.purchase
  FOR VALUES FROM ('$purchase_split') TO (MAXVALUE) SERVER shard2 OPTIONS (schema_name 'vbp', table_name 'purchase');
CREATE FOREIGN TABLE shard1.dispensing PARTITION OF vbp.dispensing
  FOR VALUES FROM (MINVALUE) TO ('$dispensing_split') SERVER shard1 OPTIONS (schema_name 'vbp', table_name 'dispensing');
CREATE FOREIGN TABLE shard2.dispensing PARTITION OF vbp.dispensing
  FOR VALUES FROM ('$dispensing_split') TO (MAXVALUE) SERVER shard2 OPTIONS (schema_name 'vbp', table_name 'dispensing');
-- written through the parents, which route each row to the shard of its date (no
-- counter trigger exists while the counters are off: a transition-table trigger, even
-- a disabled one, makes routing to a foreign partition fail with 0A000)
INSERT INTO vbp.purchase SELECT * FROM moving_purchase;
INSERT INTO vbp.dispensing SELECT * FROM moving_dispensing;
COMMIT;
SQL
	ok "purchases and dispensing moved to postgres_fdw foreign partitions (servers with extensions 'vbp')"
else
	cat "$tmp/setup.log"
	fail "purchases and dispensing moved to postgres_fdw foreign partitions"
	exit 1
fi
for n in 1 2; do shard_psql $n -c 'ANALYZE'; done
psql -d $db -c 'ANALYZE vbp.purchase, vbp.dispensing'

# where the rows are now, counted on each shard directly
read -r p1 p1max d1 d1max < <(shard_psql 1 -At -F' ' -c "SELECT (SELECT count(*) FROM vbp.purchase), (SELECT max(purchased_on) FROM vbp.purchase),
	(SELECT count(*) FROM vbp.dispensing), (SELECT max(dispensed_on) FROM vbp.dispensing)")
read -r p2 p2min d2 d2min < <(shard_psql 2 -At -F' ' -c "SELECT (SELECT count(*) FROM vbp.purchase), (SELECT min(purchased_on) FROM vbp.purchase),
	(SELECT count(*) FROM vbp.dispensing), (SELECT min(dispensed_on) FROM vbp.dispensing)")
read -r local_rows < <(psql -d $db -At -c "SELECT (SELECT count(*) FROM vbp.purchase_default) + (SELECT count(*) FROM vbp.dispensing_default)")
if [ "$((p1 + p2))" = "$np" ] && [ "$((d1 + d2))" = "$nd" ] && [ "$p1" -gt 0 ] && [ "$p2" -gt 0 ] && [ "$d1" -gt 0 ] && [ "$d2" -gt 0 ] &&
	[[ "$p1max" < "$purchase_split" ]] && ! [[ "$p2min" < "$purchase_split" ]] &&
	[[ "$d1max" < "$dispensing_split" ]] && ! [[ "$d2min" < "$dispensing_split" ]] && [ "$local_rows" = 0 ]; then
	ok "rows spread by date: shard 1 holds $p1 purchases and $d1 dispensing lines, shard 2 $p2 and $d2, the coordinator none"
else
	fail "rows spread by date: shard 1 $p1 purchases (to $p1max), $d1 lines (to $d1max); shard 2 $p2 (from $p2min), $d2 (from $d2min); $local_rows left on the coordinator"
fi

# ---------------------------------------------------------------- identical results
digests "" >"$tmp/sharded" || fail "reports run over the shards"
compare_digests "$tmp/single" "$tmp/sharded" "identical on a single node and on two shards"
# the queries whose aggregates push down (only with partitionwise aggregate), and headline reports
again='fulfilment|batch_summary|report_credibility|retention_statement|nrdl_stocking_summary|drug_share|dispensing_by_day|purchase_by_day|purchase_where|cycle_tally'
digests "SET enable_partitionwise_aggregate = on; SET enable_partitionwise_join = on;" "$again" >"$tmp/partitionwise" ||
	fail "reports run over the shards with partitionwise aggregate and join"
if [ -s "$tmp/partitionwise" ] && grep -E "^($again) " "$tmp/single" | cmp -s - "$tmp/partitionwise"; then
	ok "$(wc -l <"$tmp/partitionwise") results identical again with enable_partitionwise_aggregate and enable_partitionwise_join on (aggregates of the by-day queries on the shards)"
else
	grep -E "^($again) " "$tmp/single" | diff - "$tmp/partitionwise"
	fail "results identical with enable_partitionwise_aggregate and enable_partitionwise_join on"
fi

# ---------------------------------------------------------------- what runs on the shards
# explain SETTINGS QUERY: the EXPLAIN (VERBOSE, COSTS OFF) text
explain() {
	{
		echo "SELECT vbp.generic_group(product_code) AS grp FROM vbp.purchase GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \\gset"
		echo "$1"
		printf 'EXPLAIN (VERBOSE, COSTS OFF)\n%s;\n' "$2"
	} | psql -d $db -At
}
# pushed PLANFILE PATTERN WHAT: PATTERN (extended regex) in the Remote SQL of both shards' scans
pushed() {
	local n
	n=$(grep -E 'Remote SQL: ' "$1" | grep -cE "$2")
	if [ "$n" -eq 2 ]; then
		ok "$3"
	else
		cat "$1"
		fail "$3 ($n of 2 shards' Remote SQL match $2)"
	fi
}
on="SET enable_partitionwise_aggregate = on;"

explain "$on" "$q_dispensing_by_day" >"$tmp/plan1"
for agg in 'vbp\.sum\(amount\)|vbp.sum(cny)' 'vbp\.avg\(amount\)|vbp.avg(cny)' 'vbp\.max\(amount\)|vbp.max(cny)' \
	'vbp\.median_mad\(vbp\.fen\(amount\)::double precision\)|vbp.median_mad of vbp.fen(amount)' 'vbp\.deciles\(|vbp.deciles'; do
	pushed "$tmp/plan1" "^ *Remote SQL: SELECT .*${agg%%|*}.* FROM vbp\.dispensing .*GROUP BY" \
		"dispensing by day, partitionwise: ${agg#*|} computed on each shard (in its Remote SQL)"
done
# a foreign scan that is not an aggregate pushed down is named "Foreign Scan on shardN.dispensing"
if [ "$(grep -c 'Relations: Aggregate on (shard' "$tmp/plan1")" -eq 2 ] && ! grep -q 'Foreign Scan on shard' "$tmp/plan1"; then
	ok "dispensing by day: both shards return groups, not rows (the coordinator aggregates only its empty default partition)"
else
	cat "$tmp/plan1"
	fail "dispensing by day: both shards return groups, not rows"
fi

explain "$on" "$q_purchase_by_day" >"$tmp/plan2"
pushed "$tmp/plan2" '^ *Remote SQL: SELECT .*vbp\.purchase_tally\(quantity, amount, purchased_on.* FROM vbp\.purchase GROUP BY' \
	"purchases by day, partitionwise: vbp.purchase_tally (C aggregate, composite result) and vbp.sum computed on each shard"

explain "" "$q_purchase_where" >"$tmp/plan3"
pushed "$tmp/plan3" "^ *Remote SQL: .*WHERE .*vbp\.generic_group\(product_code\) OPERATOR\(vbp\.=\) '[A-Z0-9]+'::vbp\.drugcode" \
	"WHERE vbp.generic_group(product_code) OPERATOR(vbp.=) drugcode evaluated on each shard"
pushed "$tmp/plan3" "^ *Remote SQL: .*WHERE .*amount OPERATOR\(vbp\.>=\) '100\.00'" \
	"WHERE amount OPERATOR(vbp.>=) cny evaluated on each shard"
pushed "$tmp/plan3" "^ *Remote SQL: .*WHERE .*vbp\.fen\(amount\) % 2" \
	"WHERE vbp.fen(amount) evaluated on each shard"
if ! grep -A4 'Foreign Scan on shard' "$tmp/plan3" | grep -q 'Filter:'; then
	ok "WHERE with vbp functions and operators: no filter left on the coordinator's foreign scans"
else
	cat "$tmp/plan3"
	fail "WHERE with vbp functions and operators: no filter left on the coordinator's foreign scans"
fi

# control: without extensions 'vbp', the same query keeps vbp's aggregates on the coordinator
{
	echo "BEGIN;"
	echo "ALTER SERVER shard1 OPTIONS (DROP extensions);"
	echo "ALTER SERVER shard2 OPTIONS (DROP extensions);"
	echo "$on"
	printf 'EXPLAIN (VERBOSE, COSTS OFF)\n%s;\n' "$q_dispensing_by_day"
	echo "ROLLBACK;"
} | psql -d $db -At >"$tmp/plan0"
if [ "$(grep -c 'Remote SQL: ' "$tmp/plan0")" -eq 2 ] && ! grep -E 'Remote SQL: ' "$tmp/plan0" | grep -qE 'vbp\.[a-z_]+\(|OPERATOR\(vbp\.'; then
	ok "control: without extensions 'vbp' no vbp function or aggregate reaches the shards' Remote SQL"
else
	cat "$tmp/plan0"
	fail "control: without extensions 'vbp' no vbp function or aggregate reaches the shards' Remote SQL"
fi

# vbp.cycle_tally takes vbp.product_cycle[] and returns vbp.cycle_totals[]; postgres_fdw
# ships only extension members, and array types become members only because
# vbp's install script adds them (ALTER EXTENSION vbp ADD TYPE, beside each element type)
members=$(psql -d $db -At -c "SELECT count(*) FROM pg_depend WHERE classid = 'pg_type'::regclass AND deptype = 'e'
	AND objid IN ('vbp.product_cycle[]'::regtype, 'vbp.cycle_totals[]'::regtype, 'vbp.orgcode[]'::regtype)")
if [ "$members" = 3 ]; then
	ok "the array types vbp.product_cycle[], vbp.cycle_totals[] and vbp.orgcode[] are members of vbp"
else
	fail "the array types vbp.product_cycle[], vbp.cycle_totals[] and vbp.orgcode[] are members of vbp ($members of 3)"
fi
explain "$on" "$q_tally_by_day" >"$tmp/plan4"
pushed "$tmp/plan4" '^ *Remote SQL: SELECT .*vbp\.cycle_tally\(product_code, .*\$1::vbp\.product_cycle\[\].* GROUP BY' \
	"cycle tally by institution and day, partitionwise: vbp.cycle_tally computed on each shard, its product map sent as a parameter"
psql -d $db -At -F' ' >"$tmp/tally" <<SQL
$on
SELECT count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM ($q_tally_two_phase) t;
SQL
read -r trows tmd5 <"$tmp/tally"
read -r _ srows smd5 < <(grep '^cycle_tally ' "$tmp/single")
if [ "$trows $tmd5" = "$srows $smd5" ] && [ "$trows" -gt 0 ]; then
	ok "cycle tally summed on the coordinator from the shards' per-day tallies equals the single node's one-pass tally ($trows institution-cycles)"
else
	fail "cycle tally summed from the shards ($trows rows $tmd5) equals the single node's ($srows rows $smd5)"
fi

# ---------------------------------------------------------------- BI views and writes
if psql -d $db -At >"$tmp/bi" <<'SQL'; then
SELECT set_config('vbp.as_of', (SELECT as_of::text FROM vbp.demo_run), false) IS NOT NULL AS as_of_set \gset
SELECT count(*) FROM vbp.refresh_reports(false);
-- the report's columns of the stored view (it adds names and labels beside them)
SELECT count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM (
  SELECT batch_id, org_code, group_code, cycle_year, agreed_volume, cycle_start, cycle_end, time_progress, selected_volume,
         nonselected_volume, completion, status, selected_share, prefers_selected, payments_due, paid_on_time, on_time_rate,
         backup_volume
  FROM vbp.bi_fulfilment) t;
SQL
	got=$(tail -n 1 "$tmp/bi" | tr '|' ' ')
	want=$(awk '$1 == "fulfilment" { print $2, $3 }' "$tmp/single")
	if [ "$got" = "$want" ]; then
		ok "vbp.refresh_reports() over the shards: vbp.bi_fulfilment equals the single node's fulfilment"
	else
		fail "vbp.refresh_reports() over the shards: vbp.bi_fulfilment ($got) equals the single node's fulfilment ($want)"
	fi
else
	cat "$tmp/bi"
	fail "vbp.refresh_reports() over the shards"
fi

got=$(psql -d $db -At -c "SELECT retained FROM vbp.settle_retention($settle_batch, '$settle_org', cycle_year => $settle_year)")
if [ -n "$got" ] && [ "$got" = "$settle_retained" ]; then
	ok "vbp.settle_retention($settle_batch, '$settle_org', cycle_year => $settle_year) over the shards records $got yuan, as the single node's statement says"
else
	fail "vbp.settle_retention($settle_batch, '$settle_org', cycle_year => $settle_year) over the shards records ${got:-nothing}, the single node's statement $settle_retained"
fi

before=$(shard_psql 2 -At -c 'SELECT count(*) FROM vbp.dispensing')
if psql -d $db -c "INSERT INTO vbp.dispensing (org_code, product_code, dispensed_on, quantity, amount, fund_paid, patient_id, channel)
	SELECT org_code, product_code, DATE '2023-06-30', 1, '10.00', '7.00', 'scale-out-test', 'hospital'
	FROM vbp.dispensing WHERE dispensed_on = DATE '2023-06-30' ORDER BY dispensing_id LIMIT 1" &&
	[ "$(shard_psql 2 -At -c "SELECT count(*) FROM vbp.dispensing WHERE patient_id = 'scale-out-test'")" = 1 ] &&
	[ "$(shard_psql 1 -At -c "SELECT count(*) FROM vbp.dispensing WHERE patient_id = 'scale-out-test'")" = 0 ] &&
	psql -d $db -c "DELETE FROM vbp.dispensing WHERE patient_id = 'scale-out-test'" &&
	[ "$(shard_psql 2 -At -c 'SELECT count(*) FROM vbp.dispensing')" = "$before" ]; then
	ok "a dispensing line inserted through vbp.dispensing lands on the shard of its date, and deletes through it"
else
	fail "a dispensing line inserted through vbp.dispensing lands on the shard of its date, and deletes through it"
fi

[ $failures -eq 0 ]
