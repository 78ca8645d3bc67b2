#!/usr/bin/env python3
"""Checks the figures of the report page, read back from the DOM Chromium built,
against the report views and base tables (called by page.sh).
argv: dom.html dom-hospital.html as_of.  Prints "ok X" / "FAIL X" lines."""
import decimal
import sys
from html.parser import HTMLParser

import psycopg2

D = decimal.Decimal


class Figures(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.ids, self.sections = {}, {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-chart" in a:
            self.rows.setdefault(a["data-chart"], {})[a["data-key"]] = (a.get("data-value"), a.get("data-value2"))
        if "id" in a and "data-value" in a:
            self.ids[a["id"]] = a["data-value"]
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "svg":
            self.sections.append("svg:" + a.get("id", ""))


def parse(path):
    f = Figures()
    f.feed(open(path, encoding="utf-8").read())
    return f


def check(name, ok, detail=""):
    print(("ok " if ok else "FAIL ") + name + (": " + detail if detail else ""), flush=True)


def num(x):
    return None if x in (None, "", "None") else D(x)


page, hosp, as_of = parse(sys.argv[1]), parse(sys.argv[2]), sys.argv[3]
conn = psycopg2.connect()
cur = conn.cursor()
cur.execute("SET search_path = public, vbp")
cur.execute("SET vbp.as_of = %s", (as_of,))

charts = ["fulfilment", "price-cuts", "retention", "nrdl-stocking", "trace"]
check("Chromium loaded the page offline with its five charts, each with its data table",
      all(c in page.sections and "svg:chart-" + c in page.sections and page.rows.get(c) for c in charts),
      " ".join(s for s in page.sections))

# 1. fulfilment by institution: the batch with the most lagging agreements, its latest year,
#    completion = sum of selected units / sum of agreed units per institution, the 30 lowest
cur.execute("""SELECT batch_id FROM vbp.fulfilment GROUP BY batch_id
               ORDER BY count(*) FILTER (WHERE status IN ('lagging', 'severely_lagging')) DESC, batch_id LIMIT 1""")
b = cur.fetchone()[0]
cur.execute("SELECT max(cycle_year) FROM vbp.fulfilment WHERE batch_id = %s", (b,))
y = cur.fetchone()[0]
cur.execute("""SELECT org_code::text, round(sum(selected_volume)::numeric / sum(agreed_volume), 4)
               FROM vbp.fulfilment WHERE batch_id = %s AND cycle_year = %s
               GROUP BY 1 ORDER BY 2, 1 LIMIT 30""", (b, y))
want = {k: v for k, v in cur.fetchall()}
got = {k: num(v[0]) for k, v in page.rows["fulfilment"].items()}
check("fulfilment chart: the 30 institutions furthest behind and their completion equal vbp.fulfilment's",
      got == want and len(got) == 30, "batch %s year %s, %d institutions" % (b, y, len(got)))
cur.execute("""SELECT count(DISTINCT org_code) FROM vbp.fulfilment
               WHERE batch_id = %s AND cycle_year = %s AND status IN ('lagging', 'severely_lagging')""", (b, y))
n = cur.fetchone()[0]
check("fulfilment chart: the count of institutions with lagging agreements", page.ids.get("lagging-orgs") == str(n),
      "%s = %s" % (page.ids.get("lagging-orgs"), n))

# 2. price cuts by batch
cur.execute("SELECT batch_id::text, round(avg_cut, 4), round(volume_weighted_cut, 4) FROM vbp.batch_summary")
want = {k: (a, w) for k, a, w in cur.fetchall()}
got = {k: (num(v[0]), num(v[1])) for k, v in page.rows["price-cuts"].items()}
check("price-cut chart: unweighted and volume-weighted cuts of every batch equal vbp.batch_summary's", got == want,
      "%d batches" % len(got))

# 3. the retention waterfall: the institution with the largest retained amount in that batch
cur.execute("""SELECT budget::numeric, spend::numeric, savings::numeric, deductions::numeric, counted_savings::numeric,
                      retained::numeric
               FROM vbp.retention_statement WHERE batch_id = %s
               ORDER BY retained DESC, org_code, cycle_year DESC LIMIT 1""", (b,))
bu, sp, sa, de, co, re = cur.fetchone()
want = {"budget": bu, "spend": sp, "savings": sa, "deductions": de, "counted_savings": co, "retained": re}
got = {k: num(v[0]) for k, v in page.rows["retention"].items()}
check("retention waterfall: each step equals vbp.retention_statement's", got == want, repr(got))
check("retention waterfall adds up: budget - spend = savings, savings - deductions = counted savings",
      got.get("budget", 0) - got.get("spend", 0) == got.get("savings") and
      got.get("savings", 0) - got.get("deductions", 0) == got.get("counted_savings"))

# 4. stocking by province, latest list version
cur.execute("""SELECT key, stocking_rate FROM vbp.nrdl_stocking_summary
               WHERE scope = 'province' AND version_id = (SELECT max(version_id) FROM vbp.nrdl_stocking_summary)""")
want = dict(cur.fetchall())
got = {k: num(v[0]) for k, v in page.rows["nrdl-stocking"].items()}
check("stocking chart: every province's rate equals vbp.nrdl_stocking_summary's", got == want and len(got) > 20,
      "%d provinces" % len(got))

# 5. repeats by month, recomputed from the dispensing lines with a self-join (not the
#    window function the view uses): a line repeats when an earlier line has its code
cur.execute("""SELECT to_char(date_trunc('month', d.dispensed_on), 'YYYY-MM'), count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM vbp.dispensing e WHERE e.trace_code = d.trace_code AND e.refund_of IS NULL
                   AND (e.dispensed_on, e.dispensing_id) < (d.dispensed_on, d.dispensing_id))), count(*)
               FROM vbp.dispensing d
               WHERE d.trace_code IS NOT NULL AND d.refund_of IS NULL AND d.dispensed_on <= %s
                 AND d.dispensed_on > date_trunc('month', %s::date) - interval '24 months'
               GROUP BY 1""", (as_of, as_of))
want = {k: (D(r), D(s)) for k, r, s in cur.fetchall()}
got = {k: (num(v[0]), num(v[1])) for k, v in page.rows["trace"].items()}
check("trace chart: repeats and scans of each month equal a recount from vbp.dispensing", got == want,
      "%d months, %d repeats" % (len(got), sum(r for r, _ in got.values())))
cur.execute("SELECT count(*) FROM vbp.demo_injection WHERE kind = 'duplicate_trace_code'")
check("trace chart: the demo injected duplicate codes and the chart shows repeats",
      cur.fetchone()[0] > 0 and sum(r for r, _ in got.values()) > 0)

# an institution's login: its own rows only
cur.execute("SELECT org_code::text, vbp.province(org_code) FROM vbp.agreement ORDER BY org_code::text LIMIT 1")
own, prov = cur.fetchone()
keys = set(hosp.rows.get("fulfilment", {}))
check("an institution's page shows its own institution only", keys == {own}, repr(sorted(keys)[:3]))
provs = set(hosp.rows.get("nrdl-stocking", {}))
check("an institution's page shows its own province's stocking only", provs <= {prov}, repr(sorted(provs)))
cur.execute("""SELECT count(*) FROM vbp.dispensing WHERE org_code = %s AND trace_code IS NOT NULL AND refund_of IS NULL
                 AND dispensed_on <= %s AND dispensed_on > date_trunc('month', %s::date) - interval '24 months'""",
            (own, as_of, as_of))
scans = cur.fetchone()[0]
got = sum(num(v[1]) for v in hosp.rows.get("trace", {}).values())
check("an institution's page counts its own scans only", got == scans, "%s = %s" % (got, scans))
