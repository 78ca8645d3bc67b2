#!/usr/bin/env bash
# vbp.apportion over 1,000,000 rows (10,000 partitions of 100) against the best
# plain-SQL largest-remainder formulation with window functions.  Both must give
# the same shares; prints the median of 3 timed runs of each and their ratio.
#   bash test/bench/apportion.sh          (builds, installs, starts a throwaway cluster)
source "$(dirname "$0")/../../tools/lib.sh"
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_apportion
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db <<'SQL'
CREATE EXTENSION vbp;
CREATE TABLE w AS
SELECT p, i, (1000000 + (p * 7919) % 100000000)::bigint AS total, ((p * 31 + i * 17) % 1000)::bigint AS w
FROM generate_series(1, 10000) p, generate_series(1, 100) i;
ANALYZE w;
SQL
c_query="SELECT sum(s) FROM (SELECT vbp.fen(vbp.apportion(total::vbp.cny, w) OVER (PARTITION BY p ORDER BY i)) AS s FROM w) x"
sql_query="WITH q AS (
  SELECT p, i, w, total, (total * w) / (sum(w) OVER (PARTITION BY p))::bigint AS quota,
         (total * w) % (sum(w) OVER (PARTITION BY p))::bigint AS rem FROM w),
r AS (SELECT *, total - sum(quota) OVER (PARTITION BY p) AS leftover,
             row_number() OVER (PARTITION BY p ORDER BY rem DESC, w DESC, i) AS rk FROM q)
SELECT sum(quota + CASE WHEN rk <= leftover THEN 1 ELSE 0 END) FROM r"
# the two give the same share on every row (sum(bigint) is numeric: the SQL casts it back,
# or its integer division would keep fractions)
diff=$(psql -d $db -At -c "SELECT count(*) FROM (
  SELECT p, i, vbp.fen(vbp.apportion(total::vbp.cny, w) OVER (PARTITION BY p ORDER BY i)) AS s FROM w) a
  JOIN (WITH q AS (SELECT p, i, w, total, (total * w) / (sum(w) OVER (PARTITION BY p))::bigint AS quota,
                          (total * w) % (sum(w) OVER (PARTITION BY p))::bigint AS rem FROM w),
        r AS (SELECT *, total - sum(quota) OVER (PARTITION BY p) AS leftover,
                     row_number() OVER (PARTITION BY p ORDER BY rem DESC, w DESC, i) AS rk FROM q)
        SELECT p, i, quota + CASE WHEN rk <= leftover THEN 1 ELSE 0 END AS s FROM r) b USING (p, i)
  WHERE a.s <> b.s")
echo "rows whose shares differ between the two: $diff"
c_ms=$(median_ms $db "SELECT 1" "$c_query")
sql_ms=$(median_ms $db "SELECT 1" "$sql_query")
echo "| formulation | median of 3 (ms) |"
echo "|---|---:|"
echo "| vbp.apportion (C window function) | $c_ms |"
echo "| plain SQL, window functions | $sql_ms |"
awk -v a="$sql_ms" -v b="$c_ms" 'BEGIN { printf "plain SQL / vbp.apportion = %.2f\n", a / b }'
psql -d postgres -c "DROP DATABASE $db"
