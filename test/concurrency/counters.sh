#!/usr/bin/env bash
# Incremental fulfilment counters under concurrent writers: pgbench, 8 clients,
# 2,000 transactions each, inserting, updating and deleting purchases of 20 agreements
# (so writers collide on the same counter rows); afterwards the counters equal a full
# recomputation exactly (vbp.agreement_purchases), for every agreement.
# Needs a running server and vbp installed.  Prints "ok NAME" / "FAIL NAME".
set -uo pipefail
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q "$@"; }
pgbench=${PGBIN:-$(pg_config --bindir)}/pgbench
db=vbp_counters_concurrency
tmp=$(mktemp -d)
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" \
	-c "ALTER DATABASE $db SET search_path = public, vbp"
psql -d $db -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE EXTENSION vbp;
SELECT count(*) FROM vbp.generate_demo(1, 42);
SELECT vbp.enable_fulfilment_counters();
-- 20 agreements with a selected product each, and a day in their cycle
CREATE TABLE hot AS
SELECT row_number() OVER (ORDER BY a.batch_id, a.org_code, a.group_code) AS i, a.org_code, s.product_code,
       a.cycle_start + 20 AS day
FROM vbp.agreement a
JOIN LATERAL (SELECT s.product_code FROM vbp.selection s JOIN vbp.product p USING (product_code)
              WHERE s.batch_id = a.batch_id AND p.group_code = a.group_code AND s.selected
              ORDER BY 1 LIMIT 1) s ON true
ORDER BY a.batch_id, a.org_code, a.group_code LIMIT 20;
SQL
cat >"$tmp/write.sql" <<'SQL'
\set i random(1, 20)
\set q random(1, 50)
INSERT INTO vbp.purchase (org_code, product_code, purchased_on, quantity, amount)
  SELECT org_code, product_code, day, :q, (:q * 3)::numeric::vbp.cny FROM hot WHERE i = :i;
\set j random(1, 20)
UPDATE vbp.purchase SET quantity = quantity + 1, amount = amount + '1.00'::vbp.cny
  WHERE purchase_id = (SELECT max(p.purchase_id) FROM vbp.purchase p JOIN hot h USING (org_code, product_code) WHERE h.i = :j);
\set k random(1, 20)
DELETE FROM vbp.purchase
  WHERE purchase_id = (SELECT min(p.purchase_id) FROM vbp.purchase p JOIN hot h USING (org_code, product_code)
                       WHERE h.i = :k AND p.purchased_on = h.day);
SQL
if "$pgbench" -n -c 8 -j 2 -t 2000 --max-tries=20 -f "$tmp/write.sql" $db >"$tmp/pgbench.out" 2>&1; then
	read -r agreements differing written < <(psql -d $db -At -F' ' -c "
		SELECT count(*),
		       count(*) FILTER (WHERE c.batch_id IS NULL OR c.selected_units <> ap.selected_units OR c.other_units <> ap.other_units
		                        OR c.selected_spend OPERATOR(vbp.<>) ap.selected_spend OR c.other_spend OPERATOR(vbp.<>) ap.other_spend
		                        OR c.purchases <> ap.purchases),
		       (SELECT count(*) FROM vbp.purchase p JOIN hot h USING (org_code, product_code) WHERE p.purchased_on = h.day)
		FROM vbp.agreement_purchases('infinity', NULL) ap
		LEFT JOIN vbp.fulfilment_counter c USING (batch_id, org_code, group_code, cycle_year)")
	tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$tmp/pgbench.out")
	if [ "$differing" = 0 ] && [ "${tx:-0}" -ge 16000 ]; then
		echo "ok fulfilment counters after pgbench (8 clients, $tx transactions of insert, update, delete; $written rows left on the 20 agreements): all $agreements equal a full recomputation"
	else
		cat "$tmp/pgbench.out"
		echo "FAIL fulfilment counters after pgbench: $differing of $agreements agreements differ, $tx transactions"
	fi
else
	cat "$tmp/pgbench.out"
	echo "FAIL fulfilment counters under pgbench: pgbench failed"
fi
rm -rf "$tmp"
psql -d postgres -c "DROP DATABASE $db"
