#!/usr/bin/python3
"""psycopg2 client for search_path.sh: in a database set up with ALTER DATABASE
... SET search_path = "$user", public, vbp, a new connection runs the checks in
$VBP_SP_CHECKS (what, expected, query) with vbp's operators and aggregates unqualified.
Connects through PGHOST/PGPORT/PGUSER/PGDATABASE; prints "ok python: ..." / "FAIL python: ...".
"""
import os
import sys

import psycopg2


def main():
    with open(os.environ["VBP_SP_CHECKS"], encoding="utf-8") as f:
        checks = [line.rstrip("\n").split("\t", 2) for line in f if line.strip()]
    conn = psycopg2.connect("")
    conn.autocommit = True
    failed = 0
    for what, want, query in checks:
        try:
            with conn.cursor() as cur:
                cur.execute(query)
                got = ",".join(sorted(str(row[0]) for row in cur.fetchall()))
        except psycopg2.Error as e:
            got = "ERROR %s: %s" % (e.pgcode, e.diag.message_primary or str(e).strip())
        if got == want:
            print("ok python: %s" % what)
        else:
            print("FAIL python: %s (got %s)" % (what, got))
            failed += 1
    conn.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
