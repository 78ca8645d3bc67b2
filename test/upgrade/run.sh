#!/usr/bin/env bash
# Upgrade-chain test (the postgresql-hll habit): install the oldest frozen
# release (src/sql/vbp--X.sql), ALTER EXTENSION vbp UPDATE through every later
# one with data in place (data-X.sql written with X, verify.sql read after),
# then compare the catalogue with a fresh install of the newest.  Before the
# first release there is no frozen script: the chain is empty and the test
# checks what still applies - two fresh installs describe the same catalogue,
# and every object has a COMMENT.
# Needs a running server (PGHOST/PGPORT/PGUSER) and vbp installed.
# Prints "ok NAME" / "FAIL NAME" lines.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -v ON_ERROR_STOP=1 -q "$@"; }

current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/vbp.control")
# oldest = the version of the oldest frozen full script, else the current one
oldest=$(ls "$root"/src/sql/ 2>/dev/null | sed -n 's/^vbp--\([0-9.]*\)\.sql$/\1/p' | sort -V | head -n1)
oldest=${oldest:-$current}

# the chain oldest -> ... -> current, following vbp--A--B.sql files
chain=()
v=$oldest
while [ "$v" != "$current" ]; do
	next=$(ls "$root"/src/sql/ | sed -n "s/^vbp--${v//./\\.}--\([0-9.]*\)\.sql\$/\1/p" | sort -V | tail -n1)
	if [ -z "$next" ]; then
		echo "FAIL upgrade chain: no upgrade script from $v towards $current"
		exit 1
	fi
	chain+=("$next")
	v=$next
done

psql -d postgres -c 'DROP DATABASE IF EXISTS vbp_upgrade' -c 'DROP DATABASE IF EXISTS vbp_fresh' \
	-c 'CREATE DATABASE vbp_upgrade' -c 'CREATE DATABASE vbp_fresh'

if psql -d vbp_upgrade -c "CREATE EXTENSION vbp VERSION '$oldest'"; then
	echo "ok install oldest version $oldest"
else
	echo "FAIL install oldest version $oldest"
	exit 1
fi
# data written with each version must survive every later step
v=$oldest
for next in "${chain[@]}"; do
	if [ -f "$here/data-$v.sql" ]; then psql -d vbp_upgrade -f "$here/data-$v.sql" || echo "FAIL data for $v"; fi
	if psql -d vbp_upgrade -c "ALTER EXTENSION vbp UPDATE TO '$next'"; then
		echo "ok update $v -> $next"
	else
		echo "FAIL update $v -> $next"
		exit 1
	fi
	v=$next
done
got=$(psql -d vbp_upgrade -tA -c "SELECT extversion FROM pg_extension WHERE extname = 'vbp'")
if [ ${#chain[@]} -eq 0 ]; then echo "ok no frozen release before $current: nothing to upgrade from"
elif [ "$got" = "$current" ]; then echo "ok chain ends at $current (${#chain[@]} steps)"; else echo "FAIL chain ends at $got, not $current"; fi

psql -d vbp_fresh -c 'CREATE EXTENSION vbp'
if ! psql -d vbp_upgrade -f "$here/catalog.sql" >/tmp/vbp_upgrade_catalog.$$ ||
	! psql -d vbp_fresh -f "$here/catalog.sql" >/tmp/vbp_fresh_catalog.$$; then
	echo "FAIL catalogue query"
	exit 1
fi
objects=$(grep -vc '^extension version' /tmp/vbp_fresh_catalog.$$)
if [ "$objects" -eq 0 ] || grep -q 'DIGEST FAILED\|^$' /tmp/vbp_fresh_catalog.$$; then
	echo "FAIL catalogue lists no extension objects, or an empty or failed line"
elif diff -u /tmp/vbp_fresh_catalog.$$ /tmp/vbp_upgrade_catalog.$$; then
	echo "ok catalogue after upgrade equals fresh install ($objects objects)"
else
	echo "FAIL catalogue after upgrade differs from fresh install (diff above: - fresh, + upgraded)"
fi
# the comparison itself can fail: one changed comment must show as a difference
psql -d vbp_upgrade -c "COMMENT ON FUNCTION vbp.version() IS 'changed'"
psql -d vbp_upgrade -f "$here/catalog.sql" >/tmp/vbp_upgrade_catalog.$$
if diff -q /tmp/vbp_fresh_catalog.$$ /tmp/vbp_upgrade_catalog.$$ >/dev/null; then
	echo "FAIL catalogue diff detects a changed object"
else
	echo "ok catalogue diff detects a changed object"
fi
# every object carries a comment
missing=$(grep -c '| comment: <none>$' /tmp/vbp_fresh_catalog.$$ || true)
if [ "$missing" -eq 0 ]; then
	echo "ok every extension object has a COMMENT"
else
	grep '| comment: <none>$' /tmp/vbp_fresh_catalog.$$ | cut -d'|' -f1
	echo "FAIL $missing extension objects without COMMENT"
fi
# data written before the upgrade reads back after it
if [ -f "$here/verify.sql" ] && [ ${#chain[@]} -gt 0 ]; then
	if out=$(psql -d vbp_upgrade -tA -f "$here/verify.sql" 2>&1) && ! grep -q 'false$' <<<"$out"; then
		echo "ok data survives the upgrade chain"
	else
		echo "$out"
		echo "FAIL data survives the upgrade chain"
	fi
fi
rm -f /tmp/vbp_upgrade_catalog.$$ /tmp/vbp_fresh_catalog.$$
psql -d postgres -c 'DROP DATABASE vbp_upgrade' -c 'DROP DATABASE vbp_fresh'
