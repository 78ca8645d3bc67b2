#!/usr/bin/env bash
# vbp on Citus (doc/scale-out.md).  Builds Citus from source when the server
# has none (the tarball from $CITUS_TARBALL or shared/vendor/ beside the
# repository, with the PostgreSQL 15.20 build fix applied where the server
# needs it), starts a coordinator and two workers on loopback, installs vbp,
# loads the demo, records what one node answers, runs vbp.distribute(4), and
# checks on the cluster:
#   - the layout: ledgers distributed by org_code and co-located, reference
#     tables, the foreign keys back on the coordinator and the shards;
#   - the same rows as one node: every ledger and reference table, and each
#     report (22 reports and two ledger aggregates);
#   - EXPLAIN: a vbp aggregate grouped by institution runs whole on the
#     workers, and grouped otherwise as partial aggregates (combine functions);
#   - tenant isolation as an institution user, a provincial analyst and the BI
#     reader, the same counts as on one node; a scope granted after
#     distribution reaches the workers;
#   - writes as the application role: a purchase lands on its shard, and one of
#     an institution outside the writer's scope is refused;
#   - the traceability guard on a hospital's sales table distributed by code
#     beside the codes' states: the same states, alerts and refusals as one
#     node for the same statements (bulk, split packs, other sites, returns,
#     corrections as a delete and an insert: Citus updates no distribution column), run by the application role; two sessions racing on one
#     code; alert numbers unique across the workers; a table that is not
#     distributed beside the states refused;
#   - DROP EXTENSION vbp CASCADE (the shards go too) and CREATE EXTENSION vbp again.
# Needs root (the clusters are initialised as postgres) or the cluster owner.
# Without Citus and without its source, prints "skipped" with the reason.
# Prints "ok NAME" / "FAIL NAME"; exits 1 on a failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PG_CONFIG=${PG_CONFIG:-pg_config}
PGBIN=${PGBIN:-$($PG_CONFIG --bindir)}
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
failures=0
ok() { echo "ok $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

db=vbp_citus
source "$here/cluster.sh"

# ---- one node's answers --------------------------------------------------------
coord -c 'SELECT count(*) FROM vbp.generate_demo(1, 42)' >/dev/null || { fail "demo"; exit 1; }
coord -c 'SELECT count(*) FROM vbp.setup_tenancy()' >/dev/null
hospital=$(coord -tA -c "SELECT org_code FROM vbp.purchase GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
province=$(coord -tA -c "SELECT vbp.province('$hospital')")
other=$(coord -tA -c "SELECT org_code FROM vbp.institution WHERE vbp.province(org_code) <> '$province' ORDER BY 1 LIMIT 1")
product=$(coord -tA -c "SELECT product_code FROM vbp.purchase WHERE org_code = '$hospital' ORDER BY 1 LIMIT 1")
coord <<SQL >/dev/null || { fail "tenants"; exit 1; }
CREATE ROLE vbp_citus_hospital LOGIN;
CREATE ROLE vbp_citus_analyst LOGIN;
CREATE ROLE vbp_citus_bi LOGIN;
CREATE ROLE vbp_citus_app LOGIN;
SELECT vbp.grant_tenant('vbp_citus_hospital', 'institution_user', org_code => '$hospital');
SELECT vbp.grant_tenant('vbp_citus_analyst', 'province_analyst', province => '$province');
SELECT vbp.grant_tenant('vbp_citus_bi', 'bi_reader');
SELECT vbp.grant_tenant('vbp_citus_app', 'institution_writer', org_code => '$hospital');
-- the guard's scenario sells at two institutions: a writer of both
CREATE ROLE vbp_citus_pharmacy LOGIN;
SELECT vbp.grant_tenant('vbp_citus_pharmacy', 'institution_writer', org_code => '$hospital');
SELECT vbp.grant_tenant('vbp_citus_pharmacy', 'institution_writer', org_code => '$other');
SQL

# the reports (test/reports.list, as test/sharding/fdw.sh compares them), the
# supply reports (order lines and their events) and ledger aggregates, as
# name|query; the digest is md5 of their rows in text order
mapfile -t reports < <(grep -v '^#' "$root/test/reports.list")
reports+=(
	"spend_by_institution|SELECT org_code, vbp.sum(amount), sum(quantity), vbp.max(amount), vbp.min(amount) FROM vbp.purchase GROUP BY 1"
	"spend_by_product|SELECT product_code, vbp.sum(amount), vbp.max(amount), vbp.min(amount), vbp.avg(amount) FROM vbp.purchase GROUP BY 1"
	"tally_by_institution|SELECT org_code, (vbp.purchase_tally(quantity, amount, purchased_on, accepted_on, paid_on, true, true, '2022-07-01', '2023-06-30', '2023-06-30', 30)).* FROM vbp.purchase GROUP BY 1"
	"order_line_supply|SELECT * FROM vbp.order_line_supply"
	"supply_performance|SELECT * FROM vbp.supply_performance"
	"institution_supply|SELECT * FROM vbp.institution_supply"
	"stockout_episodes|SELECT * FROM vbp.stockout_episodes"
	"supply_score|SELECT * FROM vbp.supply_score"
	"company_supply_record|SELECT * FROM vbp.company_supply_record"
	"supply_alert|SELECT * FROM vbp.supply_alert"
	"supply_substitution|SELECT * FROM vbp.supply_substitution"
	"spread_by_product|SELECT product_code, vbp.deciles(quantity::float8), vbp.median_mad(quantity::float8), vbp.price_cuts(quantity::numeric + 1, quantity::numeric, 1) FROM vbp.purchase GROUP BY 1"
)
tables=$(coord -tA -c "SELECT string_agg(table_name::text, ' ' ORDER BY 1) FROM vbp.citus_layout() WHERE layout <> 'local'")
as_of="SET vbp.as_of = '$(coord -tA -c 'SELECT as_of FROM vbp.demo_run')';"
digest() {   # digest QUERY [ROLE]: count and md5 of the rows, as ROLE if given
	local role=${2:+SET ROLE $2;}
	coord -tA -c "$as_of $role SELECT count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM ($1) x" 2>&1
}
declare -A before
for r in "${reports[@]}"; do before[${r%%|*}]=$(digest "${r#*|}"); done
for t in $tables; do before[$t]=$(digest "SELECT * FROM $t"); done
settle=$(coord -tA -F ' ' -c "$as_of SELECT batch_id, org_code, cycle_year, retained FROM vbp.retention_statement WHERE NOT interim AND NOT settled AND retained > '0' ORDER BY 1, 2, 3 LIMIT 1")
read -r settle_batch settle_org settle_year settle_retained <<<"$settle"
for who in hospital analyst bi; do
	before[tenant_$who]=$(digest "SELECT 'purchase', count(*) FROM vbp.purchase UNION ALL SELECT 'dispensing', count(*) FROM vbp.dispensing UNION ALL SELECT 'institution', count(*) FROM vbp.institution UNION ALL SELECT 'agreement', count(*) FROM vbp.agreement" vbp_citus_$who)
done

# ---- the traceability guard, on one node ------------------------------------------------
# A hospital's sales table, guarded per statement in alert mode, and a second
# one in reject mode; the application role writes both.  The same statements
# run here and, after distribution, on the cluster; the states, the alerts and
# the refusals must be the same (a refused statement breaks one rule only: with
# several, each shard reports its own first).  Codes are 20 digits, scattered (not
# sequential): code(g) = '8' || 19 digits of g × 2654435761 mod 10^18.
packdrug=$(coord -tA -c "SELECT product_code FROM vbp.product WHERE units_per_pack BETWEEN 3 AND 100 ORDER BY 1 LIMIT 1")
pack=$(coord -tA -c "SELECT units_per_pack FROM vbp.product WHERE product_code = '$packdrug'")
code="('8' || lpad(((g::bigint * 2654435761) % 1000000000000000000)::text, 19, '0'))::vbp.tracecode"
guard_tables() {
	coord -c "CREATE TABLE public.his_sale (line_no bigint NOT NULL, hosp text NOT NULL, code vbp.tracecode, drug text, units int, sold date)" \
		-c "CREATE TABLE public.his_sale_strict (line_no bigint NOT NULL, hosp text NOT NULL, code vbp.tracecode, drug text, units int, sold date)" \
		-c "ALTER TABLE public.his_sale OWNER TO vbp_citus_app" -c "ALTER TABLE public.his_sale_strict OWNER TO vbp_citus_app" \
		-c "GRANT SELECT, INSERT, UPDATE, DELETE ON public.his_sale, public.his_sale_strict TO vbp_citus_pharmacy" \
		-c "SET citus.enable_unsafe_triggers = on" \
		${1:+-c "SELECT create_distributed_table('public.his_sale', 'code', colocate_with => 'vbp.trace_code_state')"} \
		${1:+-c "SELECT create_distributed_table('public.his_sale_strict', 'code', colocate_with => 'vbp.trace_code_state')"} \
		-c "SELECT vbp.attach_tracecode_guard('public.his_sale', 'code=code', 'site=hosp', 'when=sold', 'units=units', 'drug=drug', 'receiving=none', 'mode=alert')" \
		-c "SELECT vbp.attach_tracecode_guard('public.his_sale_strict', 'code=code', 'site=hosp', 'when=sold', 'units=units', 'drug=drug', 'receiving=none', 'mode=reject')" >/dev/null
}
guard_scenario() {   # prints the outcome: each statement's result, then the states and alerts
	local app="SET ROLE vbp_citus_pharmacy;"
	local s
	for s in \
		"INSERT INTO public.his_sale SELECT g, CASE WHEN g % 2 = 0 THEN '$hospital' ELSE '$other' END, $code, '$packdrug', 1, date '2025-08-01' + g % 20 FROM generate_series(1, 3000) g" \
		"INSERT INTO public.his_sale SELECT 10000 + g, CASE WHEN g % 2 = 0 THEN '$hospital' ELSE '$other' END, $code, '$packdrug', 1, date '2025-08-21' FROM generate_series(1, 400) g" \
		"INSERT INTO public.his_sale SELECT 20000 + g, CASE WHEN g % 2 = 0 THEN '$hospital' ELSE '$other' END, $code, '$packdrug', $pack, date '2025-08-22' FROM generate_series(1, 200) g" \
		"INSERT INTO public.his_sale SELECT 30000 + g, CASE WHEN g % 2 = 0 THEN '$other' ELSE '$hospital' END, $code, '$packdrug', 1, date '2025-08-23' FROM generate_series(401, 500) g" \
		"DELETE FROM public.his_sale WHERE line_no BETWEEN 501 AND 600" \
		"INSERT INTO public.his_sale SELECT 40000 + g, CASE WHEN g % 2 = 0 THEN '$hospital' ELSE '$other' END, $code, '$packdrug', 1, date '2025-08-24' FROM generate_series(501, 550) g" \
		"BEGIN; DELETE FROM public.his_sale WHERE line_no BETWEEN 601 AND 620; INSERT INTO public.his_sale SELECT g, CASE WHEN g % 2 = 0 THEN '$hospital' ELSE '$other' END, ('9' || substr(($code)::text, 2))::vbp.tracecode, '$packdrug', 1, date '2025-08-01' + g % 20 FROM generate_series(601, 620) g; COMMIT" \
		"INSERT INTO public.his_sale_strict SELECT 50000 + g, '$hospital', $code, '$packdrug', 1, date '2025-08-25' FROM generate_series(3001, 3100) g" \
		"INSERT INTO public.his_sale_strict SELECT 60000 + g, '$hospital', $code, '$packdrug', $pack, date '2025-08-26' FROM generate_series(2002, 2002) g"; do
		# the message and its detail, without the time of recording (Citus relays no hint)
		coord -c "$app $s" 2>&1 | sed 's/^\(psql:[^E]*\)\?//; s/recorded at [0-9: .+-]*/recorded at T/' | grep '^ERROR\|^DETAIL'
	done
	digest "SELECT trace_code, state, site, units_out, units_total, sales, returns, violations, first_table, first_when FROM vbp.trace_code_state"
	digest "SELECT trace_code, violation, level, attempt, seen_table, seen_where, seen_when, seen_on, units, earlier_state, earlier_site, same_site, units_out, units_total FROM vbp.trace_alert"
	coord -tA -c "SELECT violation || ' ' || count(*) FROM vbp.trace_alert GROUP BY violation ORDER BY 1"
}
guard_tables
guard_one=$(guard_scenario)
coord -c "DROP TABLE public.his_sale, public.his_sale_strict" -c "TRUNCATE vbp.trace_code_state, vbp.trace_alert" >/dev/null

# ---- distribute ------------------------------------------------------------------
start=$(date +%s)
if coord -c 'SELECT * FROM vbp.distribute(4)' >"$tmp/distribute.log" 2>&1; then
	ok "vbp.distribute(4) in $(($(date +%s) - start)) s"
else
	cat "$tmp/distribute.log"
	fail "vbp.distribute(4)"
	exit 1
fi
layout=$(coord -tA -c "SELECT count(*) FILTER (WHERE p.partmethod = 'h' AND p.colocationid = (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = coalesce(l.colocate_with, l.table_name))) || ' ' || count(*) FILTER (WHERE p.partmethod = 'n')
FROM vbp.citus_layout() l JOIN pg_dist_partition p ON p.logicalrelid = l.table_name")
expect=$(coord -tA -c "SELECT count(*) FILTER (WHERE layout = 'distributed') || ' ' || count(*) FILTER (WHERE layout = 'reference') FROM vbp.citus_layout()")
[ "$layout" = "$expect" ] && ok "layout: $layout (distributed and co-located as vbp.citus_layout says, reference)" || fail "layout: $layout, expected $expect"
fk=$(coord -tA -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'vbp.agreement'::regclass")
wfk=$(coord -tA -c "SELECT count(*) || ' of ' || (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'vbp.agreement'::regclass)
  FROM run_command_on_shards('vbp.agreement', \$\$SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = '%s'::regclass\$\$)
  WHERE success AND result::int = $fk")
[ "$fk" -ge 1 ] && [ "$wfk" = "4 of 4" ] && ok "foreign keys on the coordinator ($fk on agreement) and on each of its shards ($wfk)" || fail "foreign keys: $fk, shards $wfk"
err=$(coord -c "INSERT INTO vbp.agreement (batch_id, org_code, group_code, agreed_volume, cycle_start, cycle_end, cycle_year)
	SELECT 999, a.org_code, a.group_code, a.agreed_volume, a.cycle_start, a.cycle_end, a.cycle_year FROM vbp.agreement a LIMIT 1" 2>&1)
grep -q 'violates foreign key constraint' <<<"$err" && ok "a foreign key refuses an agreement without its volume report on the cluster" || fail "unknown batch: $err"

# ---- one node's rows on the cluster ------------------------------------------------------
for t in $tables; do
	after=$(digest "SELECT * FROM $t")
	[ "$after" = "${before[$t]}" ] || fail "table $t: ${before[$t]} on one node, $after on the cluster"
done
ok "every distributed and reference table holds one node's rows ($(wc -w <<<"$tables") tables)"
mkdir -p "$tmp/remote"
# the reports built from reference data alone (divisions, institutions, the lists)
reference_only="province_coverage dual_channel_gap nrdl_listing"
for r in "${reports[@]}"; do
	name=${r%%|*}
	after=$(digest "${r#*|}")
	# what the report sent to the workers: each command Citus issued, and the
	# distributed tables whose shards those commands read
	coord -c "SET citus.log_remote_commands = on; SET client_min_messages = notice; $as_of SELECT count(*) FROM (${r#*|}) x" \
		>"$tmp/remote/$name" 2>&1
	shards=$(grep -o 'issuing .*' "$tmp/remote/$name" | grep -o 'vbp\.[a-z_]*_[0-9]\{6,\}' | sed 's/_[0-9]*$//' | sort -u |
		while read -r t; do [ "$(coord -tA -c "SELECT layout FROM vbp.citus_layout() WHERE table_name = '$t'::regclass")" = distributed ] && echo "${t#vbp.}"; done | paste -sd, -)
	if [ "$after" != "${before[$name]}" ]; then
		fail "report $name: ${before[$name]} on one node, $after on the cluster"
	elif [[ " $reference_only " == *" $name "* ]]; then
		[ -z "$shards" ] && ok "report $name: the same rows as one node (${after%% *} rows); it reads reference data only, on the coordinator's copy" ||
			fail "report $name: expected to read reference data only, but read the shards of $shards"
	elif [ -z "$shards" ]; then
		grep 'issuing' "$tmp/remote/$name" | head -5; fail "report $name: the same rows, but no command read a distributed table's shards on the workers"
	else
		ok "report $name: the same rows as one node (${after%% *} rows); on the workers it read the shards of $shards"
	fi
done

# the tallies (internal states, grouped by institution in every report that uses
# them) run whole on the workers: the commands sent to the shards carry them
for agg in purchase_tally cycle_tally order_line_track; do
	users=$(grep -l "issuing .*vbp\.$agg(" "$tmp"/remote/* 2>/dev/null | xargs -r -n1 basename | paste -sd, -)
	[ -n "$users" ] && ok "vbp.$agg runs on the workers inside the reports' commands to the shards ($users)" ||
		fail "vbp.$agg: no command to the workers carries it"
done

# ---- refresh and settlement on the cluster --------------------------------------------------------
if coord -c "$as_of SELECT count(*) FROM vbp.refresh_reports(concurrent => false)" >/dev/null &&
	[ "$(coord -tA -c "$as_of SELECT mode FROM vbp.refresh_reports() WHERE step = 1")" = full ] &&
	[ "$(coord -tA -c "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'vbp.purchase'::regclass AND tgname LIKE 'report_change%'")" = 0 ] &&
	[ "$(coord -tA -c 'SELECT count(*) FROM vbp.bi_fulfilment')" = "${before[fulfilment]%% *}" ] &&
	[ "$(coord -tA -c 'SELECT count(*) FROM vbp.bi_price_benchmark')" = "${before[price_benchmark]%% *}" ]; then
	ok "vbp.refresh_reports() refreshes the BI views on the cluster, first whole, then concurrently (the price benchmark's months whole: no change triggers on the shards)"
else
	fail "vbp.refresh_reports() on the cluster"
fi
got=$(coord -tA -c "$as_of SELECT retained FROM vbp.settle_retention($settle_batch, '$settle_org', cycle_year => $settle_year)")
if [ -n "$settle_retained" ] && [ "$got" = "$settle_retained" ] &&
	[ "$(coord -tA -c "SELECT count(*) FROM vbp.retention_settlement WHERE org_code = '$settle_org'")" -ge 1 ]; then
	ok "vbp.settle_retention($settle_batch, '$settle_org', cycle_year => $settle_year) on the cluster records $got yuan, as one node's statement says"
else
	fail "vbp.settle_retention on the cluster: ${got:-nothing}, one node's statement ${settle_retained:-none}"
fi

# ---- EXPLAIN: vbp aggregates on the workers -----------------------------------------------------
plan=$(coord -tA -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT org_code, vbp.sum(amount), vbp.max(amount) FROM vbp.purchase GROUP BY 1")
if grep -q 'Task Count: 4' <<<"$plan" && grep -q 'vbp.sum(amount)' <<<"$plan" && grep -q 'GROUP BY org_code' <<<"$plan"; then
	ok "EXPLAIN: vbp.sum and vbp.max grouped by institution run whole on the workers"
else
	echo "$plan"; fail "EXPLAIN grouped by institution"
fi
plan=$(coord -tA -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT product_code, vbp.sum(amount), vbp.max(amount) FROM vbp.purchase GROUP BY 1")
if grep -q 'worker_partial_agg\|partial_agg' <<<"$plan" && grep -q 'coord_combine_agg' <<<"$plan"; then
	ok "EXPLAIN: vbp.sum and vbp.max grouped by product run as partial aggregates on the workers"
else
	echo "$plan"; fail "EXPLAIN: partial aggregates grouped by product"
fi

# every vbp aggregate grouped by something other than the institution: those
# whose state Citus can ship (min, max; deciles and median/MAD, whose state is
# a float8[]; price_cuts, whose state is a bytea) run as partial aggregates on
# the workers; vbp.sum and vbp.avg Citus splits by name (partial sums; sum and
# count)
for a in "vbp.sum(amount)|partial sums" "vbp.avg(amount)|sum and count" "vbp.min(amount)|partial" "vbp.max(amount)|partial" \
	"vbp.price_cuts(quantity::numeric + 1, quantity::numeric, 1)|partial" \
	"vbp.deciles(quantity::float8)|partial" "vbp.median_mad(quantity::float8)|partial"; do
	agg=${a%|*}
	plan=$(coord -tA -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT product_code, $agg FROM vbp.purchase GROUP BY 1")
	if [ "${a#*|}" = partial ] && grep -q 'worker_partial_agg' <<<"$plan" && grep -q 'coord_combine_agg' <<<"$plan"; then
		ok "EXPLAIN: $agg grouped by product runs as a partial aggregate on the workers"
	elif [ "${a#*|}" = "partial sums" ] && grep -q 'Query: SELECT product_code, vbp.sum(amount) AS sum' <<<"$plan" && grep -q 'sum(remote_scan.sum)' <<<"$plan"; then
		ok "EXPLAIN: $agg grouped by product runs on the workers as partial sums, added on the coordinator"
	elif [ "${a#*|}" = "sum and count" ] && grep -q 'Query: SELECT product_code, vbp.sum(amount) AS avg, count(amount) AS avg' <<<"$plan"; then
		ok "EXPLAIN: $agg grouped by product runs on the workers as vbp.sum and count, divided on the coordinator"
	elif [ "${a#*|}" = values ] && grep -q 'Task Count: 4' <<<"$plan" && ! grep -q 'worker_partial_agg' <<<"$plan"; then
		ok "EXPLAIN: $agg grouped by product reads its values on the 4 shards and is combined on the coordinator"
	else
		echo "$plan"; fail "EXPLAIN: $agg grouped by product"
	fi
done
plan=$(coord -tA -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT org_code, vbp.deciles(quantity::float8), vbp.median_mad(quantity::float8) FROM vbp.purchase GROUP BY 1")
grep -q 'Query: SELECT org_code, vbp.deciles' <<<"$plan" && ok "EXPLAIN: vbp.deciles and vbp.median_mad grouped by institution run whole on the workers" ||
	{ echo "$plan"; fail "EXPLAIN: deciles by institution"; }

# ---- tenants ----------------------------------------------------------------------------------
for who in hospital analyst bi; do
	after=$(digest "SELECT 'purchase', count(*) FROM vbp.purchase UNION ALL SELECT 'dispensing', count(*) FROM vbp.dispensing UNION ALL SELECT 'institution', count(*) FROM vbp.institution UNION ALL SELECT 'agreement', count(*) FROM vbp.agreement" vbp_citus_$who)
	[ "$after" = "${before[tenant_$who]}" ] && ok "tenant $who sees on the cluster what it saw on one node" ||
		{ coord -c "SET ROLE vbp_citus_$who; SELECT count(*) FROM vbp.purchase"; fail "tenant $who: ${before[tenant_$who]} on one node, $after on the cluster"; }
done
seen=$(coord -tA -c "SET ROLE vbp_citus_hospital; SELECT count(DISTINCT org_code) || ' ' || bool_and(org_code = '$hospital') FROM vbp.purchase")
[ "$seen" = "1 true" ] && ok "an institution user reads only its own purchases from the shards" || fail "institution user reads $seen"
coord -c "CREATE ROLE vbp_citus_late LOGIN" -c "SELECT vbp.grant_tenant('vbp_citus_late', 'institution_user', org_code => '$other')" >/dev/null
late=$(coord -tA -c "SET ROLE vbp_citus_late; SELECT count(*) FILTER (WHERE org_code = '$other') || ' ' || count(*) FILTER (WHERE org_code <> '$other') FROM vbp.purchase")
own=$(coord -tA -c "SELECT count(*) FROM vbp.purchase WHERE org_code = '$other'")
[ "$late" = "$own 0" ] && ok "a scope granted after distribution reaches the workers ($own rows)" || fail "late scope: $late, expected $own 0"
coord -c "SELECT vbp.revoke_tenant('vbp_citus_late')" >/dev/null
coord -c "GRANT vbp_institution_user TO vbp_citus_late" >/dev/null   # still in the group, without its scope row
late=$(coord -tA -c "SET ROLE vbp_citus_late; SELECT count(*) FROM vbp.purchase")
[ "$late" = "0" ] && ok "a revoked scope is gone from the workers" || fail "revoked scope still sees $late rows"

# ---- writes as the application's role -------------------------------------------------------
n0=$(coord -tA -c "SELECT count(*) FROM vbp.purchase WHERE org_code = '$hospital'")
if coord -c "SET ROLE vbp_citus_app; INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount) VALUES ('$hospital', '$product', '2023-03-01', 10, '12.50')" >/dev/null 2>&1 &&
	[ "$(coord -tA -c "SELECT count(*) FROM vbp.purchase WHERE org_code = '$hospital'")" = "$((n0 + 1))" ]; then
	ok "the application role writes a purchase of its institution onto its shard"
else
	fail "the application role's purchase"
fi
err=$(coord -c "SET ROLE vbp_citus_app; INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount) VALUES ('$other', '$product', '2023-03-01', 10, '12.50')" 2>&1)
grep -q 'row-level security' <<<"$err" && ok "a purchase of an institution outside the writer's scope is refused on the cluster" || fail "outside scope: $err"

# the capture trigger on the hospital's own table, as the application role, feeds the shards
coord -c "GRANT CREATE ON SCHEMA public TO vbp_citus_app" \
	-c "CREATE TABLE public.his_orders (order_no int PRIMARY KEY, hosp text, drug text, ordered date, qty int, total numeric(12, 2))" \
	-c "ALTER TABLE public.his_orders OWNER TO vbp_citus_app" >/dev/null
n0=$(coord -tA -c "SELECT count(*) FROM vbp.purchase WHERE org_code = '$hospital'")
if coord -c "SET ROLE vbp_citus_app" \
	-c "CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON public.his_orders FOR EACH ROW
	    EXECUTE FUNCTION vbp.capture('purchase', 'order_no', 'org_code=hosp', 'product_code=drug', 'purchased_on=ordered', 'quantity=qty', 'amount=total')" \
	-c "INSERT INTO public.his_orders VALUES (1, '$hospital', '$product', '2023-03-02', 5, 12.50), (2, '$hospital', '$product', '2023-04-02', 7, 17.50)" \
	-c "UPDATE public.his_orders SET qty = 6, ordered = '2023-05-02' WHERE order_no = 1" \
	-c "DELETE FROM public.his_orders WHERE order_no = 2" >/dev/null 2>"$tmp/capture.err"; then
	# one line is left: 6 units for 12.50 on 2023-05-02
	got=$(coord -tA -c "SELECT count(*) || ' ' || sum(quantity) || ' ' || vbp.sum(amount) || ' ' || max(purchased_on)
	                    FROM vbp.purchase WHERE org_code = '$hospital' AND purchased_on >= '2023-03-02' AND purchased_on <= '2023-05-02' AND amount IN ('12.50', '17.50')")
	n1=$(coord -tA -c "SELECT count(*) FROM vbp.purchase WHERE org_code = '$hospital'")
	[ "$got" = "1 6 12.50 2023-05-02" ] && [ "$n1" = "$((n0 + 1))" ] &&
		ok "the capture trigger on the hospital's table, run by its application role, inserts, moves and deletes purchases on the shards" ||
		fail "capture on the cluster: $got, $n0 -> $n1 purchases"
else
	cat "$tmp/capture.err"; fail "capture on the cluster"
fi
# ---- the traceability guard on the cluster -----------------------------------------------------
guard_tables distributed
guard_cluster=$(guard_scenario)
if [ "$guard_cluster" = "$guard_one" ] && grep -q 'other_site' <<<"$guard_one" && grep -q 'repeat_sale' <<<"$guard_one" &&
	grep -q 'already dispensed' <<<"$guard_one"; then
	ok "the guard on a sales table distributed by code: the same states, alerts and refusals as one node (alerts: $(grep -E '^[a-z_]+ [0-9]+$' <<<"$guard_one" | paste -sd, -))"
else
	diff <(echo "$guard_one") <(echo "$guard_cluster"); fail "the guard on the cluster differs from one node"
fi
ids=$(coord -tA -c "SELECT count(*) || ' ' || count(DISTINCT alert_id) || ' ' || count(DISTINCT alert_id >> 48) FROM vbp.trace_alert")
read -r n_alerts n_ids n_ranges <<<"$ids"
[ "$n_alerts" -gt 0 ] && [ "$n_alerts" = "$n_ids" ] && [ "$n_ranges" = "2" ] &&
	ok "alert numbers are unique across the cluster ($n_alerts alerts, drawn from $n_ranges workers' ranges)" || fail "alert numbers: $ids"
# two sessions race on one new code in reject mode: one sale passes, the other is refused after the first commits
race="('8' || lpad('777000111', 19, '0'))::vbp.tracecode"
coord -c "SET ROLE vbp_citus_app; BEGIN; INSERT INTO public.his_sale_strict VALUES (70001, '$hospital', $race, '$packdrug', $pack, '2025-08-27'); SELECT pg_sleep(2); COMMIT;" >"$tmp/race1" 2>&1 &
sleep 0.7
err=$(coord -c "SET ROLE vbp_citus_app; INSERT INTO public.his_sale_strict VALUES (70002, '$hospital', $race, '$packdrug', 1, '2025-08-27')" 2>&1)
wait
sold=$(coord -tA -c "SELECT count(*) FROM public.his_sale_strict WHERE code = $race")
if grep -q 'already dispensed' <<<"$err" && [ "$sold" = "1" ] && ! grep -q ERROR "$tmp/race1"; then
	ok "two sessions racing on one code on the cluster: the second waits for the first and is refused"
else
	cat "$tmp/race1"; fail "race on one code: $err; $sold sales"
fi
coord -c "CREATE TABLE public.his_local (line_no bigint, hosp text, code vbp.tracecode)" \
	-c "SELECT vbp.attach_tracecode_guard('public.his_local', 'code=code', 'site=hosp', 'receiving=none')" >/dev/null
err=$(coord -c "INSERT INTO public.his_local VALUES (1, '$hospital', $race)" 2>&1)
grep -q 'distributed by its code and co-located with vbp.trace_code_state' <<<"$err" &&
	ok "a guarded table not distributed beside the states is refused on the cluster" || fail "local guarded table: $err"
coord -c "DROP TABLE public.his_sale, public.his_sale_strict, public.his_local" >/dev/null

err=$(coord -c "SELECT vbp.enable_fulfilment_counters()" 2>&1)
grep -q 'do not run on Citus' <<<"$err" && ok "the fulfilment counters refuse to start on the cluster, pointing at vbp.fulfilment" || fail "counters on the cluster: $err"

# ---- drop and create again -----------------------------------------------------------------
err=$(coord -c 'DROP EXTENSION vbp CASCADE' 2>&1)
left=$(node 1 -d $db -tA -c "SELECT count(*) FROM pg_class WHERE relname LIKE 'purchase%'")
if [ -z "$err" ] && [ "$left" = "0" ] && coord -c 'CREATE EXTENSION vbp' &&
	[ "$(coord -tA -c 'SELECT count(*) FROM vbp.purchase')" = "0" ] &&
	[ "$(node 2 -d $db -tA -c "SELECT extversion FROM pg_extension WHERE extname = 'vbp'")" != "" ]; then
	ok "DROP EXTENSION vbp CASCADE removes the shards and CREATE EXTENSION vbp works again on the cluster"
else
	fail "DROP EXTENSION vbp CASCADE and re-create: $err (purchase relations left on a worker: $left)"
fi
coord -c "DROP TABLE IF EXISTS public.his_orders" >/dev/null 2>&1
for role in vbp_citus_hospital vbp_citus_analyst vbp_citus_bi vbp_citus_app vbp_citus_pharmacy vbp_citus_late; do
	coord -c "DROP OWNED BY $role; DROP ROLE $role" >/dev/null 2>&1
done
[ $failures -eq 0 ]
