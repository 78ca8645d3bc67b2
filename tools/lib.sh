# tools/lib.sh — shared by tools/demo.sh and tools/test.sh (sourced, not run).
#
# Installs the Debian packages vbp needs, builds and installs the extension,
# and runs a throwaway PostgreSQL cluster owned by the postgres user in a
# temporary directory (unix socket only, no TCP), removed on exit.

set -euo pipefail

VBP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}
# the binaries of the PostgreSQL that PG_CONFIG names (a relocated install runs its own)
PGBIN=$("$PG_CONFIG" --bindir)
export PATH=$PGBIN:$PATH
export DEBIAN_FRONTEND=noninteractive

log() { printf '== %s\n' "$*" >&2; }
# the load average over 1, 5 and 15 minutes, printed beside every benchmark figure
vbp_load() { cut -d' ' -f1-3 /proc/loadavg; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs a command as the cluster owner: postgres when we are root, else ourselves.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# vbp_packages PKG...: installs the packages that are missing (apt-get update first).
vbp_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing ${missing[*]}"
		as_root apt-get update -qq
		as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

VBP_BASE_PACKAGES=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR make gcc libc6-dev)

# vbp_build [WERROR=1]: builds and installs the extension.
vbp_build() {
	log "building and installing vbp"
	make -C "$VBP_ROOT" -s "$@" >/dev/null
	as_root make -C "$VBP_ROOT" -s install "$@" >/dev/null
}

# vbp_cluster_start: initdb + start; exports PGHOST, PGPORT, PGUSER, VBP_CLUSTER.
# fsync is off (throwaway test clusters) unless VBP_FSYNC=on (benchmarks that write).
vbp_cluster_start() {
	VBP_CLUSTER=$(mktemp -d /tmp/vbp-cluster.XXXXXX)
	export VBP_CLUSTER
	chmod 755 "$VBP_CLUSTER"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$VBP_CLUSTER"
	trap vbp_cluster_stop EXIT
	as_owner "$PGBIN/initdb" -D "$VBP_CLUSTER/data" -U postgres -A trust -E UTF8 --locale=C >"$VBP_CLUSTER/initdb.log" 2>&1 ||
		{ cat "$VBP_CLUSTER/initdb.log"; return 1; }
	# the port only names the socket file (no TCP); vary it so clusters never clash
	local port=$((50000 + RANDOM % 10000))
	cat >>"$VBP_CLUSTER/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$VBP_CLUSTER'
port = $port
fsync = ${VBP_FSYNC:-off}
max_connections = 40
shared_buffers = 256MB
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
CONF
	vbp_server_start || return 1
	export PGHOST=$VBP_CLUSTER PGPORT=$port PGUSER=postgres PGDATABASE=postgres
	log "throwaway cluster up: PGHOST=$PGHOST PGPORT=$PGPORT"
}

# vbp_server_start: starts the server of the throwaway cluster (its log on failure).
vbp_server_start() {
	as_owner "$PGBIN/pg_ctl" -D "$VBP_CLUSTER/data" -l "$VBP_CLUSTER/server.log" -w -t 60 start >/dev/null ||
		{ cat "$VBP_CLUSTER/server.log"; return 1; }
}

vbp_cluster_stop() {
	if [ -n "${VBP_CLUSTER:-}" ] && [ -d "$VBP_CLUSTER/data" ]; then
		as_owner "$PGBIN/pg_ctl" -D "$VBP_CLUSTER/data" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$VBP_CLUSTER"
	fi
}

psql_q() { "$PGBIN/psql" -X -v ON_ERROR_STOP=1 -q "$@"; }

# pair_stats ROUNDS [INVERT]: reads psql output with \timing on, keeps the last
# ROUNDS pairs of "Time:" lines (A then B in each pair) and prints "median_a
# median_b median_of_per-pair_ratios", the ratio A / B (B / A if INVERT is 1).
pair_stats() {
	local rounds=$1 invert=${2:-0}
	sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n $((2 * rounds)) |
		awk -v invert="$invert" '
		     function med(v, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		                                    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
		     NR % 2 == 1 { a[++n] = $1; next } { b[n] = $1; r[n] = invert ? $1 / a[n] : a[n] / $1 }
		     END { printf "%.0f %.0f %.3f\n", med(a, n), med(b, n), med(r, n) }'
}

# paired_ms DB SETTINGS QA QB [ROUNDS]: QA and QB timed alternately in one session
# (after SETTINGS), a warm-up pair first, then ROUNDS (default 5) pairs; prints
# "median_a median_b median_of_per-round_ratios".  Pairing keeps a shared,
# noisy machine's drift out of the ratio.
paired_ms() {
	local db=$1 settings=$2 qa=$3 qb=$4 rounds=${5:-5} i
	{
		echo "$settings;"
		echo '\timing on'
		for i in $(seq 0 "$rounds"); do printf '%s;\n%s;\n' "$qa" "$qb"; done
	} | PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -d "$db" | pair_stats "$rounds"
}

# vbp_cold: the throwaway cluster with none of its files in memory: stopped
# (its shared buffers gone), its files written out and dropped from the page
# cache (posix_fadvise DONTNEED, through dd: no privilege needed), started.
vbp_cold() {
	as_owner "$PGBIN/pg_ctl" -D "$VBP_CLUSTER/data" -m fast -w stop >/dev/null
	sync
	find "$VBP_CLUSTER/data" -type f -print0 | xargs -0 -I{} dd if={} iflag=nocache count=0 status=none
	vbp_server_start
}

# cold_pairs DB SETTINGS QA QB ROUNDS: QA and QB each run on a cold cluster
# (vbp_cold before every run), alternately, ROUNDS pairs (no warm-up: a warm
# run is what this avoids); prints what paired_ms prints.
cold_pairs() {
	local db=$1 settings=$2 qa=$3 qb=$4 rounds=$5 i q out
	# a cluster that does not come back stops the run rather than time nothing
	out=$(for i in $(seq 1 "$rounds"); do
		for q in "$qa" "$qb"; do
			vbp_cold || exit 1
			PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -d "$db" -c "$settings" -c '\timing on' -c "$q"
		done
	done) || return 1
	pair_stats "$rounds" <<<"$out"
}

# median_ms DB SETTINGS QUERY: median of three timed runs of QUERY in DB (after SETTINGS), in ms.
median_ms() {
	local db=$1 settings=$2 q=$3 run
	for run in 1 2 3; do
		PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -d "$db" -c "$settings" -c '\timing on' -c "$q" |
			sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
	done | sort -n | sed -n 2p
}

# vbp_bench_setup DB SCALE: for a benchmark: packages, build, a throwaway cluster,
# and a database DB with vbp and the demo at SCALE, vacuumed and analysed;
# defines psql (quiet, stops on error) for the caller.
vbp_bench_setup() {
	local db=$1 scale=$2
	vbp_packages "${VBP_BASE_PACKAGES[@]}"
	vbp_build
	vbp_cluster_start
	psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
	psql -d postgres -c "CREATE DATABASE $db"
	psql -d "$db" -c "CREATE EXTENSION vbp"
	log "generating the demo at scale $scale"
	psql -d "$db" -c "SELECT count(*) FROM vbp.generate_demo($scale, 42)" >/dev/null
	psql -d "$db" -c "VACUUM ANALYZE"
}
