#!/usr/bin/env bash
# The incremental refresh's change notes under concurrent writers.  A writer whose
# transaction is still open while the refresh runs must leave its own note of the
# months it changed, even when another transaction's note of the same month is
# there already: the refresh consumes the notes it sees, and recomputes those
# months from a snapshot without the open transaction's rows.  Sequence, three
# sessions on the demo (scale 1, reporting date 2023-06-30, so that March is a
# month only a note makes the refresh recompute): a first refresh; A inserts a
# purchase in March 2023 and commits (March noted); B writes another March
# purchase and stays open; the refresh runs (March recomputed without B's
# row); B commits; a second refresh must recompute March again, after which the
# stored March equals a recomputation from the purchases.  Then the same with a
# DELETE and an UPDATE in B, and with B's write in a savepoint rolled back and
# written again (the note rolled back with it must be written again).  The
# agreement reports kept pair by pair (vbp.refresh_agreement_reports) go through
# the same sequence: after the second refresh they equal the live reports; so do
# the order lines kept line by line (vbp.refresh_order_lines): the writers' rows
# are order lines (the copies get order numbers of their own).
# A and B are two hospitals' applications, each a least-privilege writer
# (vbp_writer with its own institution's scope, neither superuser nor
# BYPASSRLS): they see and write only their own purchases, and the notes are
# written by the trigger, not by them.  The refreshes run as the owner.
# Needs a running server and vbp installed.  Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning -c vbp.as_of=2023-06-30" command psql -X -q "$@"; }
db=vbp_refresh_concurrency
wa=vbp_refresh_writer_a wb=vbp_refresh_writer_b
tmp=$(mktemp -d)
trap 'psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $wa" -c "DROP ROLE IF EXISTS $wb" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $wa" -c "DROP ROLE IF EXISTS $wb" \
	-c "CREATE DATABASE $db" -c "CREATE ROLE $wa" -c "CREATE ROLE $wb"
# A writes for the institution with the most March 2023 orders, B for the next
psql -d $db -v ON_ERROR_STOP=1 -v wa=$wa -v wb=$wb >/dev/null <<'SQL'
CREATE EXTENSION vbp;
SELECT count(*) FROM vbp.generate_demo(1, 42);
SELECT vbp.refresh_price_benchmark_months();
SELECT count(*) FROM vbp.refresh_agreement_reports();
SELECT vbp.refresh_order_lines();
SELECT count(*) FROM vbp.setup_tenancy();
SELECT array_agg(org_code ORDER BY n DESC, org_code) AS o
FROM (SELECT org_code, count(*) AS n FROM vbp.purchase
      WHERE purchased_on BETWEEN '2023-03-01' AND '2023-03-31' AND quantity > 0 GROUP BY 1) t \gset
SELECT vbp.grant_tenant(:'wa', 'institution_writer', org_code => (:'o'::text[])[1]::vbp.orgcode);
SELECT vbp.grant_tenant(:'wb', 'institution_writer', org_code => (:'o'::text[])[2]::vbp.orgcode);
CREATE TABLE public.go (go boolean);
GRANT SELECT ON public.go TO PUBLIC;
SQL
# rows of the stored March that differ from March recomputed now, both ways
differs="SELECT count(*) FROM ((SELECT * FROM vbp.price_benchmark_month WHERE month = '2023-03-01'
                                EXCEPT ALL SELECT * FROM vbp.price_benchmark_for('2023-03-01', '2023-03-31'))
                               UNION ALL
                               (SELECT * FROM vbp.price_benchmark_for('2023-03-01', '2023-03-31')
                                EXCEPT ALL SELECT * FROM vbp.price_benchmark_month WHERE month = '2023-03-01')) d"
# rows of the stored agreement reports that differ from the live ones, both ways
adiffers="SELECT (SELECT count(*) FROM ((SELECT * FROM vbp.fulfilment_stored EXCEPT ALL SELECT * FROM vbp.fulfilment)
                                   UNION ALL (SELECT * FROM vbp.fulfilment EXCEPT ALL SELECT * FROM vbp.fulfilment_stored)) f)
               + (SELECT count(*) FROM ((SELECT * FROM vbp.report_credibility_stored EXCEPT ALL SELECT * FROM vbp.report_credibility)
                                   UNION ALL (SELECT * FROM vbp.report_credibility EXCEPT ALL SELECT * FROM vbp.report_credibility_stored)) c)"
# rows of the stored order lines that differ from the live ones, both ways
ldiffers="SELECT count(*) FROM ((TABLE vbp.order_line_supply_stored EXCEPT ALL TABLE vbp.order_line_supply)
                               UNION ALL (TABLE vbp.order_line_supply EXCEPT ALL TABLE vbp.order_line_supply_stored)) d"
# the March order lines (orders, not returns) the writer sees, its own institution's, in a fixed order
line="SELECT purchase_id FROM vbp.purchase WHERE purchased_on BETWEEN '2023-03-01' AND '2023-03-31' AND quantity > 0
      AND order_no IS NOT NULL ORDER BY purchase_id"
# each writer is a least-privilege role and sees its own institution's purchases
# only, enough March lines among them
for r in $wa $wb; do
	[ "$(psql -d $db -At -c "SELECT NOT rolsuper AND NOT rolbypassrls FROM pg_roles WHERE rolname = '$r'")" = t ] ||
		{ echo "FAIL refresh with an open writer: $r is not a least-privilege role"; exit 0; }
	seen=$(psql -d $db -At -c "SET ROLE $r" -c "SELECT count(DISTINCT org_code) || ' ' || (SELECT count(*) FROM ($line) l) FROM vbp.purchase")
	[ "${seen%% *}" = 1 ] && [ "${seen##* }" -ge 6 ] ||
		{ echo "FAIL refresh with an open writer: $r sees $seen (institutions, March lines); one institution and 6 lines expected"; exit 0; }
done
round() {
	local name=$1 b_sql=$2
	if ! psql -d $db -v ON_ERROR_STOP=1 -c "SET ROLE $wa" -c "INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
	  SELECT org_code, product_code, '2023-03-30', quantity, amount, order_no || '-a' || txid_current(), line_no
	  FROM vbp.purchase WHERE purchase_id = ($line LIMIT 1)" >"$tmp/a.out" 2>&1; then
		cat "$tmp/a.out"; echo "FAIL refresh with an open writer, $name: the first writer failed"; return
	fi
	# B: writes, then waits in its open transaction until the refresh is done
	psql -d $db -c "DELETE FROM public.go"
	psql -d $db -v ON_ERROR_STOP=1 -c "SET statement_timeout = '60s'" -c "SET ROLE $wb" -c "BEGIN" -c "$b_sql" \
		-c "DO \$\$ BEGIN WHILE NOT EXISTS (SELECT FROM public.go) LOOP PERFORM pg_sleep(0.05); END LOOP; END \$\$" \
		-c "COMMIT" >"$tmp/b.out" 2>&1 &
	local b=$! i waiting=0
	for i in $(seq 300); do
		[ "$(psql -d $db -At -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'DO \$\$ BEGIN WHILE%'")" = 1 ] && { waiting=1; break; }
		sleep 0.1
	done
	if [ "$waiting" = 0 ]; then
		psql -d $db -c "INSERT INTO public.go VALUES (true)"
		wait "$b"
		cat "$tmp/b.out"; echo "FAIL refresh with an open writer, $name: the writer did not reach its wait within 30 s"; return
	fi
	local first; first=$(psql -d $db -At -c "SELECT vbp.refresh_price_benchmark_months()")
	local afirst; afirst=$(psql -d $db -At -c "SELECT string_agg(mode, ',') FROM vbp.refresh_agreement_reports()")
	local lfirst; lfirst=$(psql -d $db -At -c "SELECT vbp.refresh_order_lines()")
	psql -d $db -c "INSERT INTO public.go VALUES (true)"
	wait "$b"
	if grep -q ERROR "$tmp/b.out"; then cat "$tmp/b.out"; echo "FAIL refresh with an open writer, $name: the writer failed"; return; fi
	local second; second=$(psql -d $db -At -c "SELECT vbp.refresh_price_benchmark_months()")
	local asecond; asecond=$(psql -d $db -At -c "SELECT string_agg(mode, ',') FROM vbp.refresh_agreement_reports()")
	local lsecond; lsecond=$(psql -d $db -At -c "SELECT vbp.refresh_order_lines()")
	local n; n=$(psql -d $db -At -c "$differs")
	local an; an=$(psql -d $db -At -c "$adiffers")
	local ln; ln=$(psql -d $db -At -c "$ldiffers")
	# each refresh recomputes March (noted by A, then by B) and June (the
	# reporting date's month, recomputed every time)
	if [ "$n" = 0 ] && [ "$first" = "incremental: 2 of 12 months" ] && [ "$second" = "incremental: 2 of 12 months" ]; then
		echo "ok refresh with an open writer, $name: its month is recomputed once it commits ($first, then $second)"
	else
		echo "FAIL refresh with an open writer, $name: $n rows of March stale after it committed ($first, then $second)"
	fi
	# each refresh of the agreement reports recomputes the pairs written (A's,
	# then B's) and nothing whole
	if [ "$an" = 0 ] && [[ "$afirst" == incremental:*,incremental:* ]] && [[ "$asecond" == incremental:*,incremental:* ]] &&
		[ "$afirst" != "incremental: 0 pairs,incremental: 0 pairs" ] && [ "$asecond" != "incremental: 0 pairs,incremental: 0 pairs" ]; then
		echo "ok refresh with an open writer, $name: its agreements are recomputed once it commits ($afirst, then $asecond)"
	else
		echo "FAIL refresh with an open writer, $name: $an rows of the agreement reports stale after it committed ($afirst, then $asecond)"
	fi
	# each refresh of the order lines recomputes the lines written (A's, then B's)
	if [ "$ln" = 0 ] && [[ "$lfirst" == "incremental: "[1-9]* ]] && [[ "$lsecond" == "incremental: "[1-9]* ]]; then
		echo "ok refresh with an open writer, $name: its order lines are recomputed once it commits ($lfirst, then $lsecond)"
	else
		echo "FAIL refresh with an open writer, $name: $ln order lines stale after it committed ($lfirst, then $lsecond)"
	fi
}
round "insert" "INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
  SELECT org_code, product_code, '2023-03-29', quantity * 3, amount, order_no || '-b', line_no FROM vbp.purchase WHERE purchase_id = ($line OFFSET 1 LIMIT 1)"
round "update" "UPDATE vbp.purchase SET quantity = quantity + 7 WHERE purchase_id = ($line OFFSET 2 LIMIT 1)"
round "delete" "DELETE FROM vbp.purchase WHERE purchase_id = ($line OFFSET 3 LIMIT 1)"
round "a savepoint rolled back, then written again" "SAVEPOINT s; INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
  SELECT org_code, product_code, '2023-03-28', quantity * 5, amount, order_no || '-s', line_no FROM vbp.purchase WHERE purchase_id = ($line OFFSET 4 LIMIT 1);
  ROLLBACK TO s; INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount, order_no, line_no)
  SELECT org_code, product_code, '2023-03-27', quantity * 5, amount, order_no || '-s', line_no FROM vbp.purchase WHERE purchase_id = ($line OFFSET 5 LIMIT 1)"
