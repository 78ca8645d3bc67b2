#!/usr/bin/env bash
# Every test suite, ending with one line "N passed, N failed".
#   bash tools/test.sh             (as root on Debian 12; uses sudo otherwise)
#   VBP_FUZZ_SECONDS=N             seconds per fuzz target in the smoke run (default 10)
# Suites: house rules of the source tree, build under -Werror, core unit tests (+ valgrind memcheck),
# pg_regress (sql/ -> expected/), upgrade chain, pg_dump round trip, concurrency, a second
# client (psycopg2) reading the BI views and hearing their NOTIFY alerts, node-postgres reading them, the report page
# rendered offline in headless Chromium, the README's own-database set-up from psql, psycopg2 and node-postgres, postgres_fdw shards, sqlsmith for 60 s, a few
# pg_regress tests with the server under valgrind, fuzz smoke (doc/hardening.md).
source "$(dirname "$0")/lib.sh"

vbp_packages "${VBP_BASE_PACKAGES[@]}" valgrind clang libclang-rt-14-dev python3-psycopg2 sqlsmith chromium fonts-wqy-microhei
# node-postgres for the client test; the machine's own Node.js if it has one, else Debian's
command -v npm >/dev/null || vbp_packages nodejs npm

LOGDIR=$(mktemp -d /tmp/vbp-test.XXXXXX)
TALLY=$LOGDIR/tally
: >"$TALLY"

# record ok|FAIL NAME
record() { printf '%s %s\n' "$1" "$2" >>"$TALLY"; }

# run_suite NAME CMD...: runs CMD, shows its output, counts its "ok X" / "FAIL X"
# lines; a command that fails without naming a failed case counts as one failure.
run_suite() {
	local name=$1; shift
	local out=$LOGDIR/$name.log rc=0
	log "suite $name"
	"$@" >"$out" 2>&1 || rc=$?
	cat "$out"
	grep -E '^(ok|FAIL) ' "$out" | sed "s/^\(ok\|FAIL\) /\1 $name: /" >>"$TALLY" || true
	if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
		record FAIL "$name: exited with status $rc"
	fi
}

# Turns pg_regress's per-test lines (PostgreSQL 13-15 and 16+ formats) into ok/FAIL lines.
regress() {
	local rc=0
	make -C "$VBP_ROOT" -s installcheck >"$LOGDIR/regress.raw" 2>&1 || rc=$?
	cat "$LOGDIR/regress.raw"
	sed -n -E \
		-e 's/^(test +|     +)?([A-Za-z0-9_]+) +\.\.\. ok.*/ok \2/p' \
		-e 's/^(test +|     +)?([A-Za-z0-9_]+) +\.\.\. FAILED.*/FAIL \2/p' \
		-e 's/^ok +[0-9]+ +[-+] +([A-Za-z0-9_]+) .*/ok \1/p' \
		-e 's/^not ok +[0-9]+ +[-+] +([A-Za-z0-9_]+) .*/FAIL \1/p' \
		"$LOGDIR/regress.raw"
	if [ $rc -ne 0 ] && [ -f "$VBP_ROOT/regression.diffs" ]; then
		echo "---- regression.diffs ----"
		cat "$VBP_ROOT/regression.diffs"
	fi
	return $rc
}

build() {
	make -C "$VBP_ROOT" -s clean >/dev/null
	if make -C "$VBP_ROOT" -s WERROR=1 && as_root make -C "$VBP_ROOT" -s install >/dev/null; then
		echo "ok build with -Wall -Wextra -Werror and install"
	else
		echo "FAIL build with -Wall -Wextra -Werror and install"
		return 1
	fi
}

unit() {
	make -C "$VBP_ROOT/test/unit" -s clean unit_tests
	(cd "$VBP_ROOT/test/unit" && ./unit_tests) || return 1
	if (cd "$VBP_ROOT/test/unit" && valgrind --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=all ./unit_tests >/dev/null); then
		echo "ok core unit tests clean under valgrind memcheck"
	else
		echo "FAIL core unit tests clean under valgrind memcheck"
	fi
}

run_suite house bash "$VBP_ROOT/test/house/check.sh"
run_suite build build
run_suite unit unit
vbp_cluster_start
run_suite regress regress
run_suite upgrade bash "$VBP_ROOT/test/upgrade/run.sh"
run_suite dump bash "$VBP_ROOT/test/dump/run.sh"
run_suite concurrency bash "$VBP_ROOT/test/concurrency/settle.sh"
run_suite concurrency bash "$VBP_ROOT/test/concurrency/tracecode.sh"
run_suite concurrency bash "$VBP_ROOT/test/concurrency/counters.sh"
run_suite concurrency bash "$VBP_ROOT/test/concurrency/refresh.sh"
run_suite client /usr/bin/python3 "$VBP_ROOT/test/client/bi.py"  # Debian's python3, where python3-psycopg2 installs
run_suite client bash "$VBP_ROOT/test/client/search_path.sh"
run_suite client bash "$VBP_ROOT/test/client/bi_node.sh"
run_suite report bash "$VBP_ROOT/test/report/page.sh"             # PNGs of each chart: /tmp/vbp-artefacts/report
run_suite sharding bash "$VBP_ROOT/test/sharding/fdw.sh"
run_suite citus bash "$VBP_ROOT/test/citus/run.sh"                 # builds Citus from its source tarball when missing
run_suite sqlsmith bash "$VBP_ROOT/test/sqlsmith/run.sh" 60            # longer: bash test/sqlsmith/run.sh 3600
run_suite valgrind bash "$VBP_ROOT/test/valgrind/regress.sh" --smoke  # whole suite: bash test/valgrind/regress.sh
if [ -x "$VBP_ROOT/test/fuzz/run.sh" ]; then
	run_suite fuzz bash "$VBP_ROOT/test/fuzz/run.sh" "${VBP_FUZZ_SECONDS:-10}"
fi

passed=$(grep -c '^ok ' "$TALLY" || true)
failed=$(grep -c '^FAIL ' "$TALLY" || true)
if [ "$failed" -gt 0 ]; then
	echo "failed cases:"
	grep '^FAIL ' "$TALLY"
fi
rm -rf "$LOGDIR"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
