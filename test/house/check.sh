#!/usr/bin/env bash
# House rules checked on the source tree (no server needed):
#   - every object of the install script is defined once, in its final form:
#     no ALTER of a vbp object outside the area file that creates it, no
#     CREATE OR REPLACE, no object created twice; no upgrade script and no
#     frozen script before the first release;
#   - the version lives only in vbp.control;
#   - nothing cites a file or an issue tracker outside the repository.
# Prints "ok NAME" / "FAIL NAME" lines.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
fail=0
say() { echo "$1 $2"; [ "$1" = FAIL ] && fail=1; return 0; }

areas=$(sed -n '/^SQL_AREAS *=/,/^$/p' Makefile | grep -o 'src/sql/[a-z_/]*\.sql')
if [ -z "$areas" ]; then say FAIL "Makefile lists the area files (SQL_AREAS)"; exit 1; fi
missing=$(comm -13 <(echo "$areas" | sort) <(find src/sql -name '*.sql' ! -name 'vbp--*' | sort))
[ -z "$missing" ] && say ok "every area file under src/sql is listed in SQL_AREAS" ||
	say FAIL "area files not in SQL_AREAS: $missing"

# top-level statements (not inside function bodies, which are indented)
python3 - "$areas" <<'PY' || fail=1
import re, sys
areas = sys.argv[1].split()
created = {}   # object key -> file
problems = []
kinds = r'(TABLE|VIEW|MATERIALIZED VIEW|FUNCTION|AGGREGATE|TYPE|SEQUENCE|OPERATOR CLASS|OPERATOR FAMILY|OPERATOR|INDEX|STATISTICS)'
def key(kind, rest):
    rest = rest.strip()
    if kind in ('FUNCTION', 'AGGREGATE'):
        m = re.match(r'(vbp\.\w+)\s*\(([^)]*)\)', rest)
        if not m: return None
        # argument types only, names dropped, defaults dropped
        args = []
        for a in [x for x in m.group(2).split(',') if x.strip()]:
            a = re.sub(r'\s+DEFAULT\s+.*$', '', a.strip(), flags=re.I)
            toks = a.split()
            if len(toks) > 1 and toks[0].lower() not in ('double', 'character', 'timestamp', 'time', 'bit'):
                toks = toks[1:] if not toks[0].startswith('vbp.') and toks[0] not in ('int', 'integer', 'bigint', 'text', 'numeric', 'date', 'boolean', 'internal', 'bytea', 'regclass', 'regrole') else toks
            args.append(' '.join(toks))
        return kind, m.group(1), tuple(args)
    if kind == 'TYPE' and re.match(r'vbp\.\w+;', rest):
        return None                      # shell type, completed by its CREATE TYPE below
    m = re.match(r'(?:IF NOT EXISTS\s+)?(vbp\.\w+|\w+)', rest)
    if m and kind.startswith('OPERATOR '):
        u = re.search(r'USING (\w+)', rest)
        return (kind, m.group(1), u.group(1) if u else '')
    return (kind, m.group(1)) if m else None
for f in areas:
    lines = open(f, encoding='utf-8').read().split('\n') + ['']
    for n, line in enumerate(lines[:-1], 1):
        if line.startswith('CREATE OPERATOR '):
            line = line + ' ' + lines[n]          # USING is on the next line
        if re.match(r'CREATE OR REPLACE\b', line):
            problems.append('%s:%d: CREATE OR REPLACE (define each object once)' % (f, n))
        m = re.match(r'CREATE (?:UNIQUE )?' + kinds + r'\s+(.*)', line)
        if m:
            k = key(m.group(1), m.group(2))
            if k and k[0] == 'INDEX':
                k = ('INDEX', 'vbp.' + k[1] if not k[1].startswith('vbp.') else k[1])
            if k:
                if k in created and k[0] not in ('OPERATOR',):
                    problems.append('%s:%d: %s %s already created in %s' % (f, n, k[0], k[1], created[k]))
                created.setdefault(k, f)
for f in areas:
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        m = re.match(r'ALTER (TABLE|VIEW|MATERIALIZED VIEW|FUNCTION|AGGREGATE|TYPE|SEQUENCE|INDEX)\s+(?:ONLY\s+)?(vbp\.\w+)', line)
        if not m: continue
        kind, name = m.group(1), m.group(2)
        owners = {v for k, v in created.items() if k[1] == name}
        if f not in owners:
            problems.append('%s:%d: ALTER %s %s outside the file that creates it (%s)' % (f, n, kind, name, ', '.join(sorted(owners)) or 'nowhere'))
for p in problems: print('  ' + p)
print(('FAIL' if problems else 'ok') + ' each object defined once, in its final form, in the area file that creates it (%d objects)' % len(created))
sys.exit(1 if problems else 0)
PY

version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" vbp.control)
frozen=$(ls src/sql/vbp--*.sql 2>/dev/null || true)
released=$(sed -n 's/^## \[\?\([0-9][0-9.]*\)\]\? *— *[0-9].*/\1/p' CHANGELOG.md | sort -V | awk '$1 >= "1.0.0"')
if [ -z "$released" ]; then
	[ -z "$frozen" ] && say ok "no upgrade or frozen script before the first release ($version unreleased)" ||
		say FAIL "scripts in src/sql before the first release: $frozen"
else
	oldest=$(echo "$released" | head -n1)
	[ -f "src/sql/vbp--$oldest.sql" ] && say ok "oldest release $oldest is frozen in src/sql" ||
		say FAIL "release $oldest is not frozen as src/sql/vbp--$oldest.sql"
fi

if grep -q "\"version\": \"$version\"" META.json.in 2>/dev/null || ! grep -q '"version": "[0-9]' META.json.in 2>/dev/null; then
	if grep -rn --include='*.c' --include='*.h' -E '"[0-9]+\.[0-9]+\.[0-9]+"' src | grep -v '^src/core/.*PG_' >/dev/null; then
		say FAIL "a version string is written in the C sources (it comes from vbp.control through the Makefile)"
	else
		say ok "the version is written only in vbp.control ($version); C and META.json take it from there"
	fi
else
	say FAIL "META.json.in carries its own version"
fi

cites=$(grep -rnIE 'DOMAIN\.md|\.\./shared|shared/seeds|\bissue #?[0-9]+|/issues/[0-9]' \
	--exclude-dir=.git --exclude-dir=results --exclude=check.sh . || true)
[ -z "$cites" ] && say ok "nothing cites a file or tracker outside the repository" ||
	{ echo "$cites" | head -20; say FAIL "citations of files or trackers outside the repository"; }
exit $fail
