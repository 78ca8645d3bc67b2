#!/usr/bin/env bash
# Loading an export: a purchase export of N lines (default 1,000,000; Chinese
# headers, quantities in boxes, amounts with ￥ and thousands separators, random
# institutions, products, dates and order numbers) through the loader
# (\copy into a staging table + vbp.load) against plain COPY of the same lines,
# already in vbp's units and formats, into vbp.purchase.  Each run starts from
# an empty vbp.purchase; the two alternate, a warm-up pair and 3 timed pairs;
# ratio = median of the per-pair ratios.  fsync on: both write durably.
#   bash test/bench/load.sh [LINES]     (builds, installs, starts a throwaway cluster)
source "$(dirname "$0")/../../tools/lib.sh"
lines=${1:-1000000}
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
VBP_FSYNC=on vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_load
dir=$(mktemp -d /tmp/vbp_bench_load.XXXXXX)
chmod 755 "$dir"
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION vbp" -c "SELECT count(*) FROM vbp.generate_demo(1, 42)" >/dev/null
psql -d $db -c "TRUNCATE vbp.purchase" -c "VACUUM ANALYZE"
log "writing a $lines-line export"
psql -d $db <<SQL
CREATE TEMP TABLE x AS
SELECT g, i.org_code, p.product_code, p.units_per_pack,
       date '2024-01-01' + (hashint4(g) & 1023) % 366 AS day,
       1 + (hashint4(g + 7) & 1023) % 50 AS boxes,
       md5(g::text) AS order_no
FROM generate_series(1, $lines) g
CROSS JOIN LATERAL (SELECT org_code FROM vbp.institution WHERE level <> 'pharmacy'
                    ORDER BY org_code OFFSET (hashint4(g) & 65535) % 300 LIMIT 1) i
CROSS JOIN LATERAL (SELECT product_code, units_per_pack FROM vbp.product
                    ORDER BY product_code OFFSET (hashint4(g + 3) & 65535) % 200 LIMIT 1) p;
\copy (SELECT order_no AS "订单编号", '1' AS "订单明细号", org_code AS "医疗机构编码", product_code AS "医保药品代码", to_char(day, 'YYYY/MM/DD') AS "采购日期", boxes AS "数量", '盒' AS "单位", '￥' || to_char(boxes * 12.5, 'FM999,999,990.00') AS "采购金额(元)", '采购' AS "类型" FROM x ORDER BY g) TO '$dir/export.csv' (FORMAT csv, HEADER)
\copy (SELECT order_no, '1', org_code, product_code, day, boxes * units_per_pack, (boxes * 12.5)::numeric(18,2) FROM x ORDER BY g) TO '$dir/plain.csv' (FORMAT csv)
SQL
header=$(head -n1 "$dir/export.csv")
reset="TRUNCATE vbp.purchase; TRUNCATE vbp.load CASCADE; CHECKPOINT"
loader() {
	psql -d $db -c "$reset"
	local t0=$(date +%s%N)
	psql -d $db -v header="$header" <<SQL
SELECT vbp.stage_table('s', :'header') \gset
\copy s FROM '$dir/export.csv' (FORMAT csv, HEADER)
SELECT rejected FROM vbp.load('purchase', 's', 'export.csv') \gset
\if :rejected
\warn 'rejected rows'
\endif
SQL
	echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
plain() {
	psql -d $db -c "$reset"
	local t0=$(date +%s%N)
	psql -d $db -c "\\copy vbp.purchase (order_no, line_no, org_code, product_code, purchased_on, quantity, amount) FROM '$dir/plain.csv' (FORMAT csv)"
	echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
load1=$(uptime | sed 's/.*load average: //')
loader >/dev/null; plain >/dev/null
for i in 1 2 3; do echo "$(loader) $(plain)"; done | awk -v n="$lines" -v la="$load1" '
	function med(v,   i, j, t) { for (i = 1; i <= 3; i++) for (j = i + 1; j <= 3; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t } return v[2] }
	{ a[NR] = $1; b[NR] = $2; r[NR] = $1 / $2 }
	END { ma = med(a); mb = med(b)
	      print "| export of " n " purchase lines | loader (ms) | plain COPY (ms) | loader / COPY | loader rows per second | load average |"
	      print "|---|---:|---:|---:|---:|---|"
	      printf "| \\copy + vbp.load against \\copy into vbp.purchase, fsync on | %d | %d | %.2f | %.0f | %s |\n", ma, mb, med(r), n / (ma / 1000), la }'
rows=$(psql -d $db -At -c "SELECT count(*) FROM vbp.purchase")
log "vbp.purchase holds $rows rows after the last run"
rm -rf "$dir"
