#!/usr/bin/env python3
"""A second client reads vbp's reports as a BI tool would.

psycopg2 (Debian python3-psycopg2), over the same server the other suites use
(PGHOST, PGPORT, PGUSER from the environment):
  1. loads the demo, and a read-only role bi_reader that may read only the
     materialized views vbp.bi_*;
  2. refreshes them with vbp.refresh_reports(): full the first time, in
     dependency order (the scorecard after the two views it reads);
  3. as bi_reader, reads every bi_* view and compares it, row for row, with
     the live report view it stores;
  4. refreshes CONCURRENTLY while bi_reader keeps querying: every read
     answers, none waits for the refresh, and all answers are the same;
  5. bi_reader cannot read the base tables.
Prints "ok NAME" / "FAIL NAME" lines.
"""
import os
import threading
import time

import psycopg2

DB = "vbp_bi_client"


def connect(dbname, user=None):
    kw = {"dbname": dbname}
    if user:
        kw["user"] = user
    conn = psycopg2.connect(**kw)
    conn.autocommit = True
    return conn


def check(name, ok, detail=""):
    print(("ok " if ok else "FAIL ") + name + (": " + detail if detail else ""), flush=True)


admin = connect("postgres")
with admin.cursor() as cur:
    cur.execute("DROP DATABASE IF EXISTS " + DB)
    cur.execute("CREATE DATABASE " + DB)
    cur.execute("DROP ROLE IF EXISTS bi_reader")
    cur.execute("CREATE ROLE bi_reader LOGIN")
admin.close()

owner = connect(DB)
cur = owner.cursor()
cur.execute("SET client_min_messages = warning")
cur.execute("CREATE EXTENSION vbp")
cur.execute("SELECT count(*) FROM vbp.generate_demo(1, 42)")
cur.execute("SELECT as_of FROM vbp.demo_run")
as_of = cur.fetchone()[0]
cur.execute("SET vbp.as_of = %s", (str(as_of),))
cur.execute("GRANT USAGE ON SCHEMA vbp TO bi_reader")
cur.execute("""SELECT c.oid::regclass::text FROM pg_class c
               WHERE c.relnamespace = 'vbp'::regnamespace AND c.relkind = 'm' ORDER BY 1""")
matviews = [r[0] for r in cur.fetchall()]
for mv in matviews:
    cur.execute("GRANT SELECT ON %s TO bi_reader" % mv)

cur.execute("SELECT step, matview::text, mode FROM vbp.refresh_reports()")
steps = cur.fetchall()
order = [s[1] for s in steps]
check("first refresh_reports() refreshes every materialized view, fully",
      sorted(order) == matviews and all(s[2] == "full" for s in steps), "%d views" % len(order))
check("the scorecard is refreshed after the views it reads",
      order.index("vbp.bi_institution_scorecard") > max(order.index("vbp.bi_fulfilment"),
                                                         order.index("vbp.bi_report_credibility")))

reader = connect(DB, "bi_reader")
rcur = reader.cursor()
sources = {mv: "vbp." + mv.split(".bi_", 1)[1] for mv in matviews if mv != "vbp.bi_institution_scorecard"}
for mv, view in sorted(sources.items()):
    rcur.execute("SELECT * FROM %s ORDER BY 1, 2, 3" % mv)
    stored = rcur.fetchall()
    cur.execute("SELECT * FROM %s ORDER BY 1, 2, 3" % view)
    live = cur.fetchall()
    check("BI client reads %s, equal to %s" % (mv, view), stored == live and len(stored) > 0,
          "%d rows" % len(stored))
rcur.execute("SELECT sum(agreements), sum(lagging + severely_lagging) FROM vbp.bi_institution_scorecard")
card = rcur.fetchone()
cur.execute("SELECT count(*), count(*) FILTER (WHERE status IN ('lagging', 'severely_lagging')) FROM vbp.fulfilment")
check("the scorecard adds up to the fulfilment report", tuple(card) == tuple(cur.fetchone()), "%s agreements" % card[0])

# concurrent refresh while the BI client keeps reading
answers, waits, stop = [], [], threading.Event()


def read_loop():
    conn = connect(DB, "bi_reader")
    c = conn.cursor()
    while not stop.is_set():
        t0 = time.monotonic()
        c.execute("SELECT count(*), sum(selected_volume) FROM vbp.bi_fulfilment")
        answers.append(c.fetchone())
        waits.append(time.monotonic() - t0)
        time.sleep(0.02)
    conn.close()


thread = threading.Thread(target=read_loop)
thread.start()
time.sleep(0.2)
t0 = time.monotonic()
cur.execute("SELECT step, matview::text, mode FROM vbp.refresh_reports()")
steps = cur.fetchall()
refresh_s = time.monotonic() - t0
time.sleep(0.2)
stop.set()
thread.join()
check("second refresh_reports() runs CONCURRENTLY", all(s[2] == "concurrently" for s in steps),
      "%.1f s" % refresh_s)
check("the BI client kept reading during the refresh, never waiting for it",
      len(answers) >= 5 and max(waits) < max(1.0, refresh_s / 2) and len(set(answers)) == 1,
      "%d reads, longest %.3f s, refresh %.1f s" % (len(answers), max(waits or [0]), refresh_s))

try:
    rcur.execute("SELECT count(*) FROM vbp.purchase")
    check("the read-only BI role cannot read the base tables", False)
except psycopg2.errors.InsufficientPrivilege:
    check("the read-only BI role cannot read the base tables", True)
reader.close()

# row-level security seen from a real client: an institution user's login
# reads the live reports and gets its own institution's rows only
cur.execute("SELECT count(*) FROM vbp.setup_tenancy()")
cur.execute("DROP ROLE IF EXISTS bi_hospital")
cur.execute("CREATE ROLE bi_hospital LOGIN")
cur.execute("SELECT min(org_code::text) FROM vbp.fulfilment")
hospital = cur.fetchone()[0]
cur.execute("SELECT vbp.grant_tenant('bi_hospital', 'institution_user', org_code => %s)", (hospital,))
cur.execute("SELECT count(*) FROM vbp.fulfilment WHERE org_code::text = %s", (hospital,))
own = cur.fetchone()[0]
# a new session's first statement: EXPLAIN ANALYZE would count rows below the
# row-security filter (another institution's purchases); vbp's guard, loaded at
# session start (grant_tenant set session_preload_libraries), refuses it
probe = connect(DB, "bi_hospital")
pcur = probe.cursor()
try:
    pcur.execute("EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM vbp.purchase WHERE org_code::text <> %s", (hospital,))
    check("a tenant's first statement EXPLAIN ANALYZE is refused", False, "it ran: " + " / ".join(r[0] for r in pcur.fetchall()))
except psycopg2.errors.InsufficientPrivilege as e:
    check("a tenant's first statement EXPLAIN ANALYZE is refused (42501)", True)
try:
    pcur.execute("EXPLAIN SELECT * FROM vbp.dispensing WHERE patient_id = 'P0000001'")
    check("a tenant's plain EXPLAIN (estimates from every row's statistics) is refused", False)
except psycopg2.errors.InsufficientPrivilege:
    check("a tenant's plain EXPLAIN (estimates from every row's statistics) is refused (42501)", True)
probe.close()
tenant = connect(DB, "bi_hospital")
tcur = tenant.cursor()
tcur.execute("SET vbp.as_of = %s", (str(as_of),))
tcur.execute("SELECT count(*), count(DISTINCT org_code), min(org_code::text) FROM vbp.fulfilment")
n, distinct, seen = tcur.fetchone()
check("an institution user's client reads only its own rows of the fulfilment report",
      n == own and n > 0 and distinct == 1 and seen == hospital, "%d rows of %s" % (n, hospital))
tcur.execute("SELECT count(*) FROM vbp.purchase WHERE org_code::text <> %s", (hospital,))
check("an institution user's client gets no other institution's purchases", tcur.fetchone()[0] == 0)
tenant.close()
owner.close()
admin = connect("postgres")
with admin.cursor() as c:
    c.execute("DROP DATABASE " + DB)
    c.execute("DROP ROLE bi_reader")
    c.execute("DROP ROLE bi_hospital")
admin.close()
