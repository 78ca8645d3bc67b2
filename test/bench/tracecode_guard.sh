#!/usr/bin/env bash
# The traceability-code guard: dispensing ingest with vbp.tracecode_guard against
# the same table without it, fsync = on, random codes (a random 7-digit
# identification code and a random 13-digit serial per row, as packages of many
# products arrive; never sequential).
#  bulk:   INSERT ... SELECT of 100,000 rows into a dispensing table (8 columns;
#          primary key only, and as hospitals index it: code, patient, institution
#          and day besides) with the guard attached per statement
#          (vbp.attach_tracecode_guard) against the same table without it; paired
#          and alternated, a warm-up pair and 9 pairs, ratio = median of the
#          per-pair ratios; codes/s = rows / guarded time.  The tables are emptied
#          before every statement, except the indexed pair "kept", which keeps its
#          rows and grows as the store does (a hospital's table of past dispensing,
#          its code and patient indexes growing with random keys; emptied when a
#          store size begins).  Repeated with the code states holding each of
#          VBP_GUARD_SIZES codes (default 0 1000000 10000000 100000000) at the
#          start, to show how the cost grows with the store: each size begins
#          with exactly that many (preloaded) codes, and its statements add about
#          4 million as they run.
#  floor:  the indexed table again, each statement also writing its codes' state
#          rows into the store by plain SQL (a data-modifying WITH), no guard: what
#          recording the codes costs without the guard's C path and rules.
#  single: pgbench, 4 clients, 15 s each, one row per transaction: no guard, the
#          row trigger, the statement trigger, and no guard and the row trigger
#          as a least-privilege writer (vbp_writer, its institution's scope);
#          then 10 rows per transaction (batched commits), no guard and the row
#          trigger.
#  size:   bytes per code in vbp.trace_code_state (heap and primary key).
#   bash test/bench/tracecode_guard.sh        (builds, installs, starts a throwaway cluster)
source "$(dirname "$0")/../../tools/lib.sh"
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
VBP_FSYNC=on vbp_cluster_start   # writes are timed durably
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
db=vbp_bench_guard
sizes=${VBP_GUARD_SIZES:-0 1000000 10000000 100000000}
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db <<'SQL'
CREATE EXTENSION vbp;
CREATE FUNCTION random_code() RETURNS text LANGUAGE sql VOLATILE
  RETURN lpad((random() * 9999999)::bigint::text, 7, '0') || lpad((random() * 9999999999999)::bigint::text, 13, '0');
CREATE TABLE plain (line_id bigserial PRIMARY KEY, org text, drug text, code text, qty int, day date,
                    amount numeric(12, 2), patient text);
CREATE TABLE guarded (LIKE plain INCLUDING ALL);
CREATE TABLE guarded_row (LIKE plain INCLUDING ALL);
SELECT vbp.attach_tracecode_guard('guarded', 'code=code', 'site=org', 'when=day', 'receiving=none');
-- a HIS dispensing table as hospitals index it: by code (look-ups), patient, institution and day
CREATE TABLE plain_ix (LIKE plain INCLUDING ALL);
CREATE INDEX ON plain_ix (code);
CREATE INDEX ON plain_ix (patient);
CREATE INDEX ON plain_ix (org, day);
CREATE TABLE guarded_ix (LIKE plain_ix INCLUDING ALL);
SELECT vbp.attach_tracecode_guard('guarded_ix', 'code=code', 'site=org', 'when=day', 'receiving=none');
-- the same, keeping its rows from one statement to the next
CREATE TABLE plain_keep (LIKE plain_ix INCLUDING ALL);
CREATE TABLE guarded_keep (LIKE plain_ix INCLUDING ALL);
SELECT vbp.attach_tracecode_guard('guarded_keep', 'code=code', 'site=org', 'when=day', 'receiving=none');
-- the floor: the same tables, each code's state row and key written into the
-- store by plain SQL in the same statement, without the guard's logic
CREATE TABLE floor_ix (LIKE plain_ix INCLUDING ALL);
CREATE TRIGGER guard AFTER INSERT OR UPDATE OR DELETE ON guarded_row FOR EACH ROW
  EXECUTE FUNCTION vbp.tracecode_guard('code=code', 'site=org', 'when=day', 'receiving=none');
-- a hospital's least-privilege application role, a writer of the institution
-- its rows name (the guard checks each row's site against its scope)
INSERT INTO vbp.institution (org_code, name, level, division) VALUES ('H11010100001', 'bench hospital', 'tertiary', '110101');
SELECT count(*) FROM vbp.setup_tenancy();
DROP ROLE IF EXISTS vbp_bench_writer;
CREATE ROLE vbp_bench_writer LOGIN;
SELECT vbp.grant_tenant('vbp_bench_writer', 'institution_writer', org_code => 'H11010100001');
GRANT SELECT, INSERT ON guarded_row, plain TO vbp_bench_writer;
GRANT USAGE ON SEQUENCE plain_line_id_seq TO vbp_bench_writer;   -- the LIKE copies share it
-- n generated dispensing rows into table t; with floor, each row's code is also
-- written into the store by plain SQL in the same statement (no guard)
CREATE PROCEDURE load(t text, n int, floor boolean DEFAULT false) LANGUAGE plpgsql AS $$
DECLARE
  ins text := format($q$INSERT INTO %I (org, drug, code, qty, day, amount, patient)
                        SELECT 'H11010100001', 'XA01ABD075A002010100483', random_code(), 1, date '2025-07-01' + g %% 180,
                               12.50, 'P' || g FROM generate_series(1, $1) g$q$, t);
BEGIN
  IF t NOT LIKE '%keep' THEN
    EXECUTE format('TRUNCATE %I', t);
  END IF;
  IF floor THEN
    ins := format($q$WITH d AS (%s RETURNING org, code, day)
                     INSERT INTO vbp.trace_code_state (trace_code, state, site, units_out, sales, first_table, first_when, dispensed_at)
                     SELECT d.code::vbp.tracecode, 'dispensed', d.org, 1, 1, %L, d.day::text, now() FROM d$q$, ins, 'public.' || t);
  END IF;
  EXECUTE ins USING n;
END $$;
SQL

# pair_row LABEL GUARDED_CALL PLAIN_CALL: one table row, the first call timed against the second
pair_row() {
	local t_on t_off ratio
	read -r t_on t_off ratio < <(paired_ms $db "SET search_path = public" "$2" "$3" 9)
	awk -v s="$start" -v k="$1" -v a="$t_on" -v b="$t_off" -v r="$ratio" -v l="$(vbp_load)" \
		'BEGIN { printf "| %\047d | %s | %d | %d | %.2f | %.0f | %s |\n", s, k, a, b, r, 100000 / (a / 1000), l }'
}

echo "| codes in vbp.trace_code_state at the start | dispensing table | 100,000 rows with the guard (ms) | without (ms) | with / without | codes/s with the guard | load average |"
echo "|---:|---|---:|---:|---:|---:|---|"
for size in $sizes; do
	# each size starts with exactly that many codes: the codes the previous size's
	# statements wrote are removed, and the store is topped up with preloaded ones
	psql -d $db -c "DELETE FROM vbp.trace_code_state WHERE first_table <> 'preload'"
	have=$(psql -d $db -At -c "SELECT count(*) FROM vbp.trace_code_state")
	# the store grows by random codes, dispensed at another site; in sorted chunks of
	# at most 10 million, so the preload walks the key's pages in order
	while [ "$have" -lt "$size" ]; do
		chunk=$(( size - have < 10000000 ? size - have : 10000000 ))
		psql -d $db -c "SET work_mem = '1GB'" -c "INSERT INTO vbp.trace_code_state (trace_code, state, site, units_out, sales, first_table)
		                SELECT c, 'dispensed', 'H11010100002', 1, 1, 'preload'
		                FROM (SELECT DISTINCT random_code()::vbp.tracecode AS c FROM generate_series(1, $chunk)) x
		                ORDER BY c ON CONFLICT DO NOTHING"
		have=$(psql -d $db -At -c "SELECT count(*) FROM vbp.trace_code_state")
	done
	psql -d $db -c "VACUUM ANALYZE vbp.trace_code_state" -c "CHECKPOINT"
	start=$have
	psql -d $db -c "TRUNCATE plain_keep, guarded_keep" -c "CHECKPOINT"
	for kind in "primary key only:" "4 indexes:_ix" "4 indexes, kept:_keep"; do
		pair_row "${kind%%:*}" "CALL load('guarded${kind#*:}', 100000)" "CALL load('plain${kind#*:}', 100000)"
	done
	# the floor: the store's row and key written by plain SQL, no guard (the
	# "with" columns are that statement's)
	pair_row "4 indexes, floor (the store's row and key by SQL, no guard)" \
		"CALL load('floor_ix', 100000, true)" "CALL load('plain_ix', 100000)"
done

echo
echo "| single-row writers, pgbench 4 clients, 15 s | rows/s | of no guard | load average |"
echo "|---|---:|---:|---|"
pgbench=$PGBIN/pgbench
cat >/tmp/vbp_guard_one.sql <<'SQL'
\set p random(0, 9999999)
\set s random(0, 9999999999999)
INSERT INTO :t (org, drug, code, qty, day, amount, patient)
VALUES ('H11010100001', 'XA01ABD075A002010100483', lpad(:p::text, 7, '0') || lpad(:s::text, 13, '0'), 1, '2025-07-01', 12.50, 'P');
SQL
{ echo 'BEGIN;'; for i in $(seq 10); do sed -n '1,2p' /tmp/vbp_guard_one.sql; sed -n '3,4p' /tmp/vbp_guard_one.sql; done; echo 'COMMIT;'; } >/tmp/vbp_guard_ten.sql
run() {	# run LABEL TABLE SCRIPT ROWS_PER_TX [ROLE]
	local tps
	tps=$("$pgbench" -n -c 4 -j 2 -T 15 ${5:+-U $5} -D t="$2" -f "$3" $db 2>/dev/null | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
	echo "$1 $(awk -v t="$tps" -v k="$4" 'BEGIN { printf "%.0f", t * k }')"
}
{
	run none plain /tmp/vbp_guard_one.sql 1
	run row guarded_row /tmp/vbp_guard_one.sql 1
	run writer_none plain /tmp/vbp_guard_one.sql 1 vbp_bench_writer
	run writer_row guarded_row /tmp/vbp_guard_one.sql 1 vbp_bench_writer
	run statement guarded /tmp/vbp_guard_one.sql 1
	run none10 plain /tmp/vbp_guard_ten.sql 10
	run row10 guarded_row /tmp/vbp_guard_ten.sql 10
} | awk -v l="$(vbp_load)" '
	{ r[$1] = $2 }
	END {
		printf "| one row per transaction, no guard | %d | 1.00 | %s |\n", r["none"], l
		printf "| one row per transaction, row trigger | %d | %.2f | |\n", r["row"], r["row"] / r["none"]
		printf "| one row per transaction, statement trigger | %d | %.2f | |\n", r["statement"], r["statement"] / r["none"]
		printf "| one row per transaction, no guard, as a least-privilege writer | %d | 1.00 | |\n", r["writer_none"]
		printf "| one row per transaction, row trigger, as a least-privilege writer | %d | %.2f | |\n", r["writer_row"], r["writer_row"] / r["writer_none"]
		printf "| 10 rows per transaction, no guard | %d | 1.00 | |\n", r["none10"]
		printf "| 10 rows per transaction, row trigger | %d | %.2f | |\n", r["row10"], r["row10"] / r["none10"]
	}'
rm -f /tmp/vbp_guard_one.sql /tmp/vbp_guard_ten.sql

echo
psql -d $db -c "VACUUM ANALYZE vbp.trace_code_state"
psql -d $db -At -F' ' -c "SELECT count(*), pg_relation_size('vbp.trace_code_state'), pg_relation_size('vbp.trace_code_state_pkey'),
                                 (SELECT avg(pg_column_size(s.*)) FROM vbp.trace_code_state s TABLESAMPLE SYSTEM (1) REPEATABLE (7)
                                  WHERE s.first_table NOT IN ('preload', 'public.floor_ix'))
                          FROM vbp.trace_code_state" |
	awk '{ printf "| code states | %\047d |\n|---|---:|\n| heap bytes per code | %.0f |\n| primary-key bytes per code | %.0f |\n| row (tuple data) bytes, rows the guard wrote | %.0f |\n", $1, $2 / $1, $3 / $1, $4 }'
