# Sourced by test/citus/run.sh and test/bench/citus.sh: Citus installed, or
# built from its source tarball ($CITUS_TARBALL, by default shared/vendor/ in
# the folder holding the checkout; "skipped" and exit 0 where neither is
# present), then a coordinator and two workers on loopback with database $db,
# Citus and vbp installed.  Defines node N ARGS (psql on node N), coord ARGS,
# and stops and removes the clusters on exit.  Needs ok, fail, as_owner,
# as_root, PG_CONFIG, PGBIN, root, db from the caller; $citus_conf may add
# server settings.
# ---- Citus: installed, or built from the shared source ---------------------
tarball=${CITUS_TARBALL:-$(dirname "$root")/shared/vendor/citus-13.2.2.tar.gz}
if [ ! -f "$($PG_CONFIG --pkglibdir)/citus.so" ]; then
	if [ ! -f "$tarball" ]; then
		echo "skipped citus: Citus is not installed for $($PG_CONFIG --version) and its source is not at $tarball (set CITUS_TARBALL)"
		exit 0
	fi
	build=$(mktemp -d /tmp/vbp-citus-build.XXXXXX)
	start=$(date +%s)
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q liblz4-dev libzstd-dev libkrb5-dev \
		libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev libssl-dev libcurl4-openssl-dev autoconf flex bison >/dev/null 2>&1 ||
		{ as_root apt-get update -q >/dev/null 2>&1; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q liblz4-dev libzstd-dev \
			libkrb5-dev libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev libssl-dev autoconf flex bison >/dev/null; }
	tar -xzf "$tarball" -C "$build"
	src=$(ls -d "$build"/citus-*)
	patch=$(dirname "$tarball")/citus-13.2.2-pg15.20.patch
	if grep -q 'have_createdb_privilege' "$($PG_CONFIG --includedir-server)/commands/dbcommands.h" && [ -f "$patch" ]; then
		(cd "$build" && patch -s -p0 <"$patch")
	fi
	if (cd "$src" && ./configure -q --without-libcurl PG_CONFIG="$PG_CONFIG" >"$build/configure.log" 2>&1 &&
		make -s -j"$(nproc)" >"$build/make.log" 2>&1 && as_root make -s install >"$build/install.log" 2>&1); then
		ok "citus built from $(basename "$tarball") in $(($(date +%s) - start)) s"
	else
		tail -30 "$build"/*.log
		fail "citus build from $(basename "$tarball")"
		exit 1
	fi
	rm -rf "$build"
fi

# ---- three clusters on loopback ---------------------------------------------
tmp=$(mktemp -d /tmp/vbp-citus.XXXXXX)
chmod 755 "$tmp"
[ "$(id -u)" -eq 0 ] && chown postgres: "$tmp"
ports=()
cleanup() {
	local n
	for n in 0 1 2; do
		[ -d "$tmp/n$n" ] && as_owner "$PGBIN/pg_ctl" -D "$tmp/n$n" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
for n in 0 1 2; do
	as_owner "$PGBIN/initdb" -D "$tmp/n$n" -U postgres -A trust -E UTF8 --locale=C >"$tmp/initdb$n.log" 2>&1 || { cat "$tmp/initdb$n.log"; fail "initdb"; exit 1; }
	cat >>"$tmp/n$n/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
unix_socket_directories = '$tmp'
fsync = off
max_connections = 60
shared_buffers = 64MB
max_worker_processes = 16
${citus_conf:-}
CONF
	for try in 1 2 3 4 5 6 7 8; do
		port=$((15000 + RANDOM % 15000))
		if as_owner "$PGBIN/pg_ctl" -D "$tmp/n$n" -l "$tmp/n$n.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
			ports[$n]=$port
			break
		fi
	done
	[ -n "${ports[$n]:-}" ] || { cat "$tmp/n$n.log"; fail "start node $n"; exit 1; }
done
node() { local n=$1; shift; PGOPTIONS="-c client_min_messages=warning -c search_path=public,vbp" "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "${ports[$n]}" -U postgres "$@"; }
coord() { node 0 -d $db "$@"; }
for n in 0 1 2; do
	node "$n" -d postgres -c "CREATE DATABASE $db" && node "$n" -d $db -c 'CREATE EXTENSION citus' || { fail "create citus on node $n"; exit 1; }
done
if coord -c "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[0]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${ports[1]})" -c "SELECT citus_add_node('127.0.0.1', ${ports[2]})" >/dev/null &&
	coord -c 'CREATE EXTENSION vbp' &&
	[ "$(node 1 -d $db -tA -c "SELECT extversion FROM pg_extension WHERE extname = 'vbp'")" = "$(coord -tA -c "SELECT extversion FROM pg_extension WHERE extname = 'vbp'")" ]; then
	ok "coordinator and two workers; CREATE EXTENSION vbp reaches the workers"
else
	fail "coordinator and two workers with vbp"
	exit 1
fi

