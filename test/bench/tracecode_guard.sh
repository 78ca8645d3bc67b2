#!/usr/bin/env bash
# The traceability-code guard: dispensing ingest with vbp.tracecode_guard on
# against off, and the size of a vbp.tracecode index against a text index of the same
# codes.
#  ingest: INSERT ... SELECT of 200,000 new codes into a dispensing-like table, without a
#          trigger and with the guard in reject mode (sightings truncated between runs);
#          the two timed alternately, a warm-up pair and 5 pairs (paired_ms), ratio =
#          median of the per-pair ratios
#          and single-row INSERTs from 4 pgbench clients (tps on and off; the second of
#          two runs each counts)
#  size:   1,000,000 codes: btree on vbp.tracecode (12 bytes) against btree on text (20
#          characters), and the tables' columns
#   bash test/bench/tracecode_guard.sh        (builds, installs, starts a throwaway cluster)
source "$(dirname "$0")/../../tools/lib.sh"
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
VBP_FSYNC=on vbp_cluster_start   # writes are timed durably
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_guard
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db <<'SQL'
CREATE EXTENSION vbp;
CREATE TABLE plain (id bigint, org text, code text, day date);
CREATE TABLE guarded (id bigint, org text, code text, day date);
CREATE TRIGGER guard BEFORE INSERT ON guarded FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('reject', 'code', 'org', 'day');
-- each run inserts fresh codes: the tables and the sightings are emptied first
CREATE PROCEDURE load(t text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I', t);
  TRUNCATE vbp.trace_sighting;
  EXECUTE format($q$INSERT INTO %I SELECT g, 'H11010100001', '9' || lpad(g::text, 19, '0'), date '2024-01-01' + g %% 300
                    FROM generate_series(1, 200000) g$q$, t);
END $$;
SQL
read -r t_on t_off ratio < <(paired_ms $db "SET search_path = public" "CALL load('guarded')" "CALL load('plain')" 5)
rows=$(psql -d $db -At -c "SELECT count(*) FROM guarded")
echo "| ingest of 200,000 rows | guard on (ms) | guard off (ms) | on / off | rows per second with the guard |"
echo "|---|---:|---:|---:|---:|"
awk -v a="$t_on" -v b="$t_off" -v r="$ratio" -v n="$rows" 'BEGIN { printf "| INSERT ... SELECT, reject mode | %d | %d | %.2f | %.0f |\n", a, b, r, n / (a / 1000) }'
# one row per statement, as a hospital system writes: pgbench, 4 clients, 5,000 inserts
# each, a fresh code per row from a sequence; transactions per second, guard on and off
psql -d $db -c "CREATE SEQUENCE code_seq" -c "TRUNCATE plain, guarded, vbp.trace_sighting"
pgbench=$PGBIN/pgbench
for t in guarded plain guarded plain; do
	printf "INSERT INTO %s VALUES (0, 'H11010100001', '8' || lpad(nextval('code_seq')::text, 19, '0'), '2024-01-01');\n" $t >"/tmp/vbp_guard_$t.sql"
	"$pgbench" -n -c 4 -j 2 -t 5000 -f "/tmp/vbp_guard_$t.sql" $db 2>/dev/null |
		sed -n "s/^tps = \([0-9.]*\) .*/$t \1/p"
done | awk '{ tps[$1] = $2 } END { printf "| single-row INSERTs, pgbench 4 clients | %.0f tps | %.0f tps | %.2f | %.0f |\n", tps["guarded"], tps["plain"], tps["plain"] / tps["guarded"], tps["guarded"] }'
rm -f /tmp/vbp_guard_*.sql
psql -d $db <<'SQL'
CREATE TABLE codes AS
  SELECT ('9' || lpad((g::bigint * 7919 % 10000000)::text, 6, '0') || lpad(g::text, 13, '0'))::vbp.tracecode AS code,
         '9' || lpad((g::bigint * 7919 % 10000000)::text, 6, '0') || lpad(g::text, 13, '0') AS code_text
  FROM generate_series(1, 1000000) g;
CREATE INDEX codes_tracecode ON codes (code);
CREATE INDEX codes_text ON codes (code_text);
ANALYZE codes;
SQL
echo
echo "| 1,000,000 codes | vbp.tracecode | text | text / tracecode |"
echo "|---|---:|---:|---:|"
psql -d $db -At -F' ' -c "SELECT pg_relation_size('codes_tracecode'), pg_relation_size('codes_text'),
                                 (SELECT avg(pg_column_size(code)) FROM codes), (SELECT avg(pg_column_size(code_text)) FROM codes)" |
	awk '{ printf "| btree index (MB) | %.1f | %.1f | %.2f |\n| value (bytes) | %.0f | %.0f | %.2f |\n", $1 / 1048576, $2 / 1048576, $2 / $1, $3, $4, $4 / $3 }'
