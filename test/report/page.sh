#!/usr/bin/env bash
# The report page (vbp.report_page) in a real browser, as the bureau would open it:
#   1. written for the demo by psql, as the owner and as one institution's login;
#   2. self-contained: no script, stylesheet, image or font it would fetch;
#   3. rendered by headless Chromium (Debian's chromium) in a network namespace
#      with no network at all: it loads, every chart is there;
#   4. every figure printed in it (the data tables behind the charts, read back
#      from the DOM Chromium built) equals the same figure computed here from the
#      report views and base tables, independently of the page's own queries;
#   5. an institution's login gets a page of its own institution only;
#   6. one PNG screenshot per chart is kept as a test artefact
#      (VBP_ARTEFACTS, default /tmp/vbp-artefacts/report).
#   . /tmp/dev/env; bash test/report/page.sh    (PGHOST, PGPORT, PGUSER=postgres; root for unshare)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=vbp_report_page
art=${VBP_ARTEFACTS:-/tmp/vbp-artefacts}/report
mkdir -p "$art"
unset PGDATABASE PGOPTIONS
export PGCLIENTENCODING=UTF8
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() { command psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
            command psql -X -q -d postgres -c "DROP ROLE IF EXISTS vbp_page_hospital" >/dev/null 2>&1; }
trap cleanup EXIT

if ! command -v chromium >/dev/null; then
	apt-get install -y chromium fonts-wqy-microhei >/dev/null 2>&1 ||
		{ apt-get update >/dev/null 2>&1 && apt-get install -y chromium fonts-wqy-microhei >/dev/null 2>&1; }
fi
command -v chromium >/dev/null || { echo "FAIL chromium could not be installed"; exit 1; }

psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" || exit 1
psql -d $db -At <<'SQL' >/dev/null || { echo "FAIL demo set-up"; exit 1; }
CREATE EXTENSION vbp;
SELECT count(*) > 0 AS demo FROM vbp.generate_demo(1, 42);
SELECT count(*) > 0 AS tenancy FROM vbp.setup_tenancy();
DROP ROLE IF EXISTS vbp_page_hospital;
CREATE ROLE vbp_page_hospital LOGIN;
SELECT vbp.grant_tenant('vbp_page_hospital', 'institution_user', org_code => (SELECT org_code FROM vbp.agreement ORDER BY org_code::text LIMIT 1));
SQL
as_of=$(psql -d $db -Atc "SELECT as_of FROM vbp.demo_run")
psql -d $db -Atc "SELECT vbp.report_page('$as_of')" >"$art/vbp-report.html" || { echo "FAIL report_page as the owner"; exit 1; }
psql -d $db -U vbp_page_hospital -Atc "SELECT vbp.report_page('$as_of')" >"$art/vbp-report-hospital.html" ||
	{ echo "FAIL report_page as an institution's login"; exit 1; }

# no network at view time: nothing in the page refers to anything outside it
if grep -Eiq '<script|<link|<img|<iframe|@import|url\(|(src|href)=' "$art/vbp-report.html"; then
	echo "FAIL the page refers to something outside itself: $(grep -Eio '<script|<link|<img|<iframe|@import|url\(|(src|href)=[^ >]*' "$art/vbp-report.html" | head -3)"
else
	echo "ok the page is self-contained: no script, stylesheet, image, frame or font reference"
fi

# Chromium with no network at all (a new network namespace: not even loopback is up)
offline() { unshare --net -- "$@"; }
offline true 2>/dev/null || offline() { "$@" --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>'; }
chrome() { offline chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
	--disable-background-networking --disable-component-update "$@" 2>>"$art/chromium.log"; }
chrome --dump-dom "file://$art/vbp-report.html" >"$art/dom.html"
chrome --dump-dom "file://$art/vbp-report-hospital.html" >"$art/dom-hospital.html"
for shot in fulfilment:780 price-cuts:420 retention:430 nrdl-stocking:760 trace:420; do
	chart=${shot%:*}
	chrome --window-size=1000,${shot#*:} --screenshot="$art/$chart.png" "file://$art/vbp-report.html#$chart" >/dev/null
	if [ -s "$art/$chart.png" ]; then echo "ok screenshot of chart $chart: $art/$chart.png"
	else echo "FAIL screenshot of chart $chart"; fi
done

PGDATABASE=$db /usr/bin/python3 "$here/page_figures.py" "$art/dom.html" "$art/dom-hospital.html" "$as_of"
