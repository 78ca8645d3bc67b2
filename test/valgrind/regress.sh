#!/usr/bin/env bash
# The pg_regress suite (sql/ -> expected/) against a server running under
# Valgrind memcheck, every server process checked; reports memcheck errors in
# vbp's code separately from errors in PostgreSQL itself.
#
#   bash test/valgrind/regress.sh            the whole suite (tens of minutes)
#   bash test/valgrind/regress.sh --smoke    base cny drugcode tracecode stats (a few minutes)
#   bash test/valgrind/regress.sh T1 T2 ...  chosen tests (base first: it makes try_sql)
#   VBP_VALGRIND_KEEP=1                      keep the cluster directory and Valgrind logs
#   VBP_VALGRIND_TIMEOUT=S                   give up after S seconds (default 21600, smoke 1800)
#
# Runs as root (or a sudoer) on Debian with PostgreSQL $PG_MAJOR (15) and vbp
# installed (it does not build or install vbp: make installcheck uses the
# installed extension).  Starts its own throwaway cluster, owned by postgres,
# unix socket only, whose postmaster runs under
#   valgrind --tool=memcheck --trace-children=yes --track-origins=yes
#            --suppressions=test/valgrind/postgresql.supp --log-file=DIR/vg/vg.%p.log
# (every backend and worker is a fork of it, so each gets its own log), runs
# make installcheck from a copy of the tree (no results/ written here), stops
# the server and reads the logs.
#
# Prints "ok NAME" / "FAIL NAME":
#   the server ran under Valgrind; pg_regress passed; no server process crashed;
#   no memcheck error whose stack or origin is in vbp (vbp.so or a vbp source
#   file); no memcheck error in PostgreSQL itself.
#
# Limits: Debian's PostgreSQL is built without USE_VALGRIND, so palloc'd
# memory is one big malloc'd block to Valgrind: reads past a palloc chunk
# within its block, use after pfree and reads of uninitialised palloc memory
# that was used before are invisible; what remains visible is the use of
# never-written memory (through --track-origins, traced to its allocation),
# invalid frees and reads or writes outside malloc'd blocks.  Leak checking is
# off (memory contexts free in bulk).  PostgreSQL's frames have function names
# but no line numbers (no debug symbols installed); vbp's have file:line.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
PGBIN=/usr/lib/postgresql/$PG_MAJOR/bin
export PG_CONFIG=${PG_CONFIG:-$PGBIN/pg_config}
export PATH=$PGBIN:$PATH

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

tests=()
timeout_s=${VBP_VALGRIND_TIMEOUT:-21600}
if [ "${1:-}" = --smoke ]; then
	tests=(base cny drugcode tracecode stats)
	timeout_s=${VBP_VALGRIND_TIMEOUT:-1800}
	shift
fi
tests+=("$@")

if ! command -v valgrind >/dev/null; then
	echo "== installing valgrind" >&2
	as_root apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi
command -v valgrind >/dev/null || { echo "FAIL valgrind: the Debian package valgrind could not be installed"; exit 1; }

dir=$(mktemp -d /tmp/vbp-valgrind.XXXXXX)
chmod 755 "$dir"
mkdir "$dir/vg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir" "$dir/vg"
port=$((50000 + RANDOM % 10000))
started=
stop_server() {
	local pid
	pid=$(cat "$dir/postmaster.vgpid" 2>/dev/null)
	if [ -n "$started" ] && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		# a fast shutdown, given time: every process ends under Valgrind and
		# writes its summary; else an immediate one (SIGQUIT) to this postmaster only
		as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 900 stop >/dev/null 2>&1 || {
			kill -QUIT "$pid" 2>/dev/null
			sleep 10
		}
	fi
	started=
}
cleanup() {
	stop_server
	if [ "${VBP_VALGRIND_KEEP:-0}" = 1 ]; then
		echo "kept: $dir (Valgrind logs in $dir/vg, server log $dir/server.log)" >&2
	else
		rm -rf "$dir"
	fi
}
trap cleanup EXIT

t0=$(date +%s)
as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log"; echo "FAIL valgrind: initdb"; exit 1; }
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
fsync = off
max_connections = 20
shared_buffers = 128MB
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
autovacuum = off
jit = off
log_line_prefix = '%m [%p] '
log_min_messages = warning
CONF
# autovacuum off: fewer processes and logs (the suite runs ANALYZE where it needs
# to); jit off: LLVM-generated code is slow and opaque under Valgrind.
# Parallel query stays on, so that vbp's aggregate serialisation runs in workers.

as_owner bash -c 'valgrind --tool=memcheck --trace-children=yes --track-origins=yes --leak-check=no \
	--num-callers=40 --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END \
	--suppressions="$1" --log-file="$2/vg/vg.%p.log" \
	"$3/postgres" -D "$2/data" >"$2/server.log" 2>&1 & echo $! >"$2/postmaster.vgpid"' _ "$here/postgresql.supp" "$dir" "$PGBIN"
started=yes
ready=
for _ in $(seq 1 300); do
	if pg_isready -q -h "$dir" -p "$port"; then ready=yes; break; fi
	sleep 2
done
if [ -z "$ready" ]; then
	tail -n 30 "$dir/server.log"
	echo "FAIL valgrind: server started under Valgrind within 600 s"
	exit 1
fi
echo "ok valgrind: server started under Valgrind memcheck ($(( $(date +%s) - t0 )) s)"

# pg_regress from a copy of the working tree: results/ and regression.diffs go there
copy=$dir/tree
mkdir "$copy"
tar -C "$root" --exclude=./.git --exclude=./results --exclude=./regression.diffs --exclude=./regression.out \
	-cf - . | tar -C "$copy" -xf -
regress_args=()
[ ${#tests[@]} -gt 0 ] && regress_args=("REGRESS=${tests[*]}")
t1=$(date +%s)
rc=0
PGHOST=$dir PGPORT=$port PGUSER=postgres timeout -k 60 "$timeout_s" \
	make -C "$copy" -s installcheck "${regress_args[@]}" >"$dir/regress.raw" 2>&1 || rc=$?
regress_s=$(( $(date +%s) - t1 ))
sed "s/^/  /" "$dir/regress.raw"   # indented: its lines are not this suite's ok/FAIL lines
total=$(grep -cE '^(test +|     +)?[A-Za-z0-9_]+ +\.\.\. (ok|FAILED)|^(not )?ok +[0-9]+ ' "$dir/regress.raw")
failed=$(sed -n -E -e 's/^(test +|     +)?([A-Za-z0-9_]+) +\.\.\. FAILED.*/\2/p' \
	-e 's/^not ok +[0-9]+ +[-+] +([A-Za-z0-9_]+) .*/\1/p' "$dir/regress.raw" | paste -sd' ')
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
	echo "FAIL valgrind: pg_regress finished within ${timeout_s} s (VBP_VALGRIND_TIMEOUT)"
elif [ $rc -eq 0 ]; then
	echo "ok valgrind: pg_regress under Valgrind, $total tests passed (${regress_s} s)"
else
	[ -f "$copy/regression.diffs" ] && { echo "---- regression.diffs ----"; head -c 20000 "$copy/regression.diffs"; }
	echo "FAIL valgrind: pg_regress under Valgrind: ${failed:-status $rc} of $total tests differ (${regress_s} s)"
fi

stop_server

# crashes (Valgrind turns invalid accesses it cannot survive into SIGSEGV)
if grep -qE 'terminated by signal|server process .* was terminated|PANIC:' "$dir/server.log"; then
	grep -E -A2 'terminated by signal|server process .* was terminated|PANIC:' "$dir/server.log" | cut -c1-2000
	echo "FAIL valgrind: no server process crashed"
else
	echo "ok valgrind: no server process crashed"
fi

# memcheck errors, one block per error between the markers; vbp's when any frame
# (or the origin of an uninitialised value) is in vbp.so or a vbp source file
srcs=$(cd "$root" && ls src/*.c src/core/*.c 2>/dev/null | xargs -n1 basename | sed 's/\./\\./g' | paste -sd'|')
shopt -s nullglob
logs=("$dir"/vg/vg.*.log)
nlogs=${#logs[@]}
[ "$nlogs" -gt 0 ] || logs=(/dev/null)
VBP_RE="vbp\\.so|\\((${srcs}):[0-9]+\\)" awk -v out="$dir/errors" '
	BEGIN { vbp = ENVIRON["VBP_RE"] }
	/VALGRINDERROR-BEGIN/ { inb = 1; b = FILENAME "\n"; next }
	/VALGRINDERROR-END/ { inb = 0; kind = (b ~ vbp) ? "vbp" : "postgres"; print b > (out "." kind); print "" > (out "." kind); n[kind]++; next }
	inb { sub(/^==[0-9]+== ?/, ""); b = b $0 "\n" }
	END { printf "%d %d\n", n["vbp"] + 0, n["postgres"] + 0 }' "${logs[@]}" >"$dir/counts"
read -r n_vbp n_pg <"$dir/counts"
summaries=$(grep -h 'ERROR SUMMARY' "${logs[@]}" | awk '{ s += $4 } END { print s + 0 }')
echo "Valgrind: $nlogs process logs, $summaries errors in their ERROR SUMMARY lines (processes that exited);" \
	"$n_vbp error blocks in vbp, $n_pg in PostgreSQL itself"
if [ "$nlogs" -lt 3 ]; then
	echo "FAIL valgrind: server processes ran under Valgrind (only $nlogs logs)"
fi
if [ "$n_vbp" -eq 0 ]; then
	echo "ok valgrind: no memcheck error in vbp ($nlogs processes)"
else
	echo "---- memcheck errors in vbp (first 5) ----"
	awk 'BEGIN { RS = ""; ORS = "\n\n" } NR <= 5' "$dir/errors.vbp"
	echo "FAIL valgrind: $n_vbp memcheck errors in vbp"
fi
# PostgreSQL's own: not a failure of vbp.  Without USE_VALGRIND and without debug
# symbols, PostgreSQL's suppressions for padding it writes on purpose (WAL records,
# the relcache init file, sort tapes) cannot match (their functions are static, shown
# as ???), so such errors are expected; each kind is listed once, by the first named
# function of its stack and of its origin.
if [ "$n_pg" -gt 0 ]; then
	echo "memcheck error contexts in PostgreSQL itself, no vbp frame in stack or origin (count, kind, where, origin):"
	awk 'BEGIN { RS = "" }
		function fname(line,   f) {
			if (line !~ /^ *(at|by) 0x[0-9A-F]+: /) return ""
			f = line; sub(/^ *(at|by) 0x[0-9A-F]+: /, "", f); sub(/ .*/, "", f)
			if (f ~ /^(\?\?\?|_.*|pwrite|pwrite64|write|fwrite|new_do_write|malloc|calloc|realloc|palloc.*|MemoryContextAlloc.*|mem.*|str.*)$/) return ""
			return f
		}
		{ n = split($0, L, "\n"); kind = L[2]; sub(/ points to.*| at 0x.*/, "", kind); where = ""; origin = ""; o = 0
		  for (i = 3; i <= n; i++) {
			if (L[i] ~ /was created by/) { o = 1; continue }   # the origin of an uninitialised value
			if (L[i] ~ /Address 0x/) { o = 2; continue }       # the block it lies in: not shown
			f = fname(L[i]); if (f == "") continue
			if (o == 0 && where == "") where = f
			if (o == 1 && origin == "") origin = f
		  }
		  print kind " | " where " | " origin }' "$dir/errors.postgres" | sort | uniq -c | sort -rn | head -n 15
	echo "(whole stacks: run with VBP_VALGRIND_KEEP=1, then read the logs in the kept directory's vg/)"
fi
echo "valgrind run: $(( $(date +%s) - t0 )) s in all"
