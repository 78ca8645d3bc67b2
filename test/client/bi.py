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
import decimal
import json
import os
import select
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
# what BI reads: the materialized views, and the price benchmark, fulfilment and
# credibility, views (with their owner's rights, as a materialized view) over the
# tables that vbp.refresh_reports() keeps month by month and pair by pair
kept = ["vbp.bi_price_benchmark", "vbp.bi_fulfilment", "vbp.bi_report_credibility"]
stored = sorted(matviews + kept)
for mv in matviews + kept:
    cur.execute("GRANT SELECT ON %s TO bi_reader" % mv)

cur.execute("SELECT step, matview::text, mode FROM vbp.refresh_reports()")
steps = cur.fetchall()
check("first refresh_reports() first computes the price benchmark's months, all of them",
      steps[0][1] == "vbp.price_benchmark_month" and steps[0][2] == "full", "%s %s" % steps[0][1:])
check("then the fulfilment and credibility kept by pair, and the order lines kept by line, whole",
      [s[1:] for s in steps[1:4]] == [("vbp.fulfilment_stored", "full"), ("vbp.report_credibility_stored", "full"),
                                      ("vbp.order_line_supply_stored", "full")],
      "%r" % (steps[1:4],))
steps = steps[4:]
order = [s[1] for s in steps]
check("first refresh_reports() refreshes every materialized view, fully, after the tables they read",
      sorted(order) == matviews and all(s[2] == "full" for s in steps), "%d views" % len(order))

reader = connect(DB, "bi_reader")
rcur = reader.cursor()
# each stored view against the live report it stores: the same rows, money as
# numeric yuan (the report's vbp.cny cast), codes as text, names joined beside
sources = {"vbp.bi_fulfilment": "vbp.fulfilment", "vbp.bi_report_credibility": "vbp.report_credibility",
           "vbp.bi_batch_summary": "vbp.batch_summary", "vbp.bi_retention_statement": "vbp.retention_statement",
           "vbp.bi_price_benchmark": "vbp.price_benchmark", "vbp.bi_nrdl_stocking_summary": "vbp.nrdl_stocking_summary",
           "vbp.bi_nrdl_monitoring": "vbp.nrdl_monitoring", "vbp.bi_trace_code_monthly": "vbp.trace_code_monthly",
           "vbp.bi_supply_alert": "vbp.supply_alert"}
check("every materialized view but the scorecard has its live report named here",
      sorted(sources) == sorted(m for m in stored if m != "vbp.bi_institution_scorecard"), ", ".join(stored))


def columns(rel):
    cur.execute("""SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                   WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""", (rel,))
    return cur.fetchall()


NUMBER_TYPES = ("numeric", "bigint", "integer", "smallint", "double precision", "real")
for mv in stored:
    cols = columns(mv)
    rcur.execute("SELECT * FROM %s" % mv)
    rows = rcur.fetchall()
    wrong = []
    for j, (name, typ) in enumerate(cols):
        if typ.split("(")[0] in NUMBER_TYPES:
            bad = [r[j] for r in rows if r[j] is not None and not isinstance(r[j], (int, float, decimal.Decimal))]
            if bad:
                wrong.append("%s %r" % (name, bad[0]))
            try:
                sum(r[j] for r in rows if r[j] is not None)
            except TypeError as e:
                wrong.append("%s: sum(): %s" % (name, e))
        elif typ.startswith("vbp."):
            wrong.append("%s is %s, a type a BI tool does not know" % (name, typ))
    check("BI client reads every number column of %s as a number" % mv, not wrong and len(rows) > 0,
          "; ".join(wrong) or "%d rows" % len(rows))
    money = [n for n, t in cols if t == "numeric(18,2)"]
    if mv in sources:
        live_cols = dict(columns(sources[mv]))
        common = [n for n, t in cols if n in live_cols]
        exprs = []
        for n in common:
            lt = live_cols[n]
            # codes as text; a company alert has no institution (empty in the stored view)
            exprs.append('"%s"::numeric(18,2)' % n if lt == "vbp.cny" else
                         'coalesce("%s"::text, \'\')' % n if lt == "vbp.orgcode" else
                         '"%s"::text' % n if lt in ("vbp.drugcode", "vbp.uscc") else
                         '"%s"::numeric' % n if lt == "double precision" else '"%s"' % n)
        rcur.execute("SELECT %s FROM %s" % (", ".join('"%s"' % n for n in common), mv))
        stored = sorted(rcur.fetchall(), key=repr)
        cur.execute("SELECT %s FROM %s" % (", ".join(exprs), sources[mv]))
        live = sorted(cur.fetchall(), key=repr)
        check("BI client reads %s, equal to the owner's %s (%d columns)" % (mv, sources[mv], len(common)),
              stored == live and len(stored) > 0, "%d rows" % len(stored))
        for n in money:
            rcur.execute('SELECT sum("%s") FROM %s' % (n, mv))
            got = rcur.fetchone()[0]
            cur.execute('SELECT sum("%s"::numeric) FROM %s' % (n, sources[mv]))
            want = cur.fetchone()[0]
            check("%s.%s: money arrives as numeric yuan, its total equal to the report's" % (mv, n),
                  got == want and (isinstance(got, decimal.Decimal) or got is None), "%s = %s" % (got, want))
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
check("second refresh_reports() recomputes only the price benchmark's current month, no agreement and no order line",
      steps[0][2] == "incremental: 1 of 12 months" and [s[2] for s in steps[1:3]] == ["incremental: 0 pairs"] * 2
      and steps[3][2] == "incremental: 0 lines",
      "%r" % ([s[2] for s in steps[:4]],))
check("second refresh_reports() runs CONCURRENTLY", all(s[2] == "concurrently" for s in steps[4:]),
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

# alerts on NOTIFY channel vbp_alert, heard by a listening client (a bureau's
# forwarding service): refresh_reports() announces what a refresh adds, the
# guard announces a duplicate traceability code as it records it
listener = connect(DB, "bi_reader")
lcur = listener.cursor()
lcur.execute("LISTEN vbp_alert")


def heard(seconds=5.0):
    got, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        if select.select([listener], [], [], 0.2)[0]:
            listener.poll()
            while listener.notifies:
                n = listener.notifies.pop(0)
                got.append((n.channel, json.loads(n.payload)))
        elif got:
            break
    return got


cur.execute("SELECT step FROM vbp.refresh_reports()")
check("a refresh that adds no alert announces none", heard(1.0) == [])
# an agreement made lagging: completion = selected / agreed just below the time
# progress tp (0.97 tp), above lagging_factor 0.8 x tp, so lagging, not severely
cur.execute("""SELECT batch_id, org_code::text, group_code::text, cycle_year, selected_volume, time_progress
               FROM vbp.fulfilment WHERE status IN ('completed', 'on_track') AND selected_volume > 100
                 AND time_progress BETWEEN 0.2 AND 0.9
               ORDER BY batch_id, org_code, group_code, cycle_year LIMIT 1""")
b, org, grp, yr, sel, tp = cur.fetchone()
agreed = int(decimal.Decimal(sel) / (tp * decimal.Decimal("0.97"))) + 1
cur.execute("""UPDATE vbp.agreement SET agreed_volume = %s
               WHERE batch_id = %s AND org_code::text = %s AND group_code::text = %s AND cycle_year = %s""",
            (agreed, b, org, grp, yr))
cur.execute("""SELECT status FROM vbp.fulfilment WHERE batch_id = %s AND org_code::text = %s
               AND group_code::text = %s AND cycle_year = %s""",
            (b, org, grp, yr))
status = cur.fetchone()[0]
cur.execute("SELECT step FROM vbp.refresh_reports()")
got = heard()
# the notice names nobody (any role may LISTEN): its alert_id leads to the row
# of vbp.alert_log, read under row-level security
def logged(notice):
    cur.execute("SELECT kind, org_code::text, key FROM vbp.alert_log WHERE alert_id = %s", (notice.get("alert_id"),))
    return cur.fetchone()
ok = (status == "lagging" and len(got) == 1 and got[0][0] == "vbp_alert"
      and sorted(got[0][1]) == ["alert_id", "kind", "kind_zh"] and got[0][1]["kind_zh"] == "履约滞后"
      and logged(got[0][1]) == ("lagging", org, "batch %s group %s year %s" % (b, grp, yr)))
check("the listening client hears the injected lagging agreement after refresh_reports(), by number only",
      ok, "%s: %r" % (status, got))
cur.execute("SELECT step FROM vbp.refresh_reports()")
check("the next refresh does not announce it again", heard(1.0) == [])

# a hospital's own dispensing table, guarded in alert mode, written by its
# least-privilege application role: the second sale of a code is announced
cur.execute("DROP ROLE IF EXISTS bi_his_app")
cur.execute("CREATE ROLE bi_his_app LOGIN")
cur.execute("""CREATE TABLE public.his_dispense (line_id serial PRIMARY KEY, site text NOT NULL, code vbp.tracecode,
                                                 sold_on date NOT NULL DEFAULT current_date)""")
cur.execute("""CREATE TRIGGER guard BEFORE INSERT ON public.his_dispense FOR EACH ROW
               EXECUTE FUNCTION vbp.tracecode_guard('alert', 'code', 'site', 'sold_on')""")
cur.execute("GRANT USAGE ON SCHEMA vbp TO bi_his_app")
# a writer records codes only for the institutions its scope lets it write: here a province's
cur.execute("SELECT count(*) FROM vbp.setup_tenancy()")
cur.execute("SELECT vbp.grant_tenant('bi_his_app', 'province_writer', province => '44')")
cur.execute("GRANT INSERT, SELECT ON public.his_dispense TO bi_his_app")
cur.execute("GRANT USAGE ON SEQUENCE public.his_dispense_line_id_seq TO bi_his_app")
app = connect(DB, "bi_his_app")
acur = app.cursor()
acur.execute("INSERT INTO public.his_dispense (site, code) VALUES ('H44010300001', '81234560000000000017')")
check("a first sale announces nothing", heard(1.0) == [])
acur.execute("INSERT INTO public.his_dispense (site, code) VALUES ('H44010300002', '81234560000000000017')")
got = heard()
ok = (len(got) == 1 and sorted(got[0][1]) == ["alert_id", "kind", "kind_zh"]
      and got[0][1]["kind"] == "duplicate_trace_code"
      and logged(got[0][1]) == ("duplicate_trace_code", "H44010300002", "81234560000000000017"))
check("the listening client hears the duplicate traceability code written by the hospital's application role, by number only",
      ok, repr(got))
app.close()
listener.close()
cur.execute("DROP TABLE public.his_dispense")
cur.execute("SELECT vbp.revoke_tenant('bi_his_app')")
cur.execute("DROP OWNED BY bi_his_app")
cur.execute("DROP ROLE bi_his_app")

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
