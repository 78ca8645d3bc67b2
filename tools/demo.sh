#!/usr/bin/env bash
# The main job: install packages, build and install vbp, start a throwaway
# cluster, load the demo data, print the headline reports and write the
# report page (vbp-report.html in the current directory, or $VBP_REPORT_PAGE).
#   bash tools/demo.sh            (as root on Debian 12; uses sudo otherwise)
#   VBP_KEEP=1 bash tools/demo.sh  leaves the cluster running and says where
source "$(dirname "$0")/lib.sh"

vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
vbp_cluster_start
if [ "${VBP_KEEP:-0}" = 1 ]; then trap - EXIT; fi

psql_q -c 'CREATE DATABASE vbp_demo'
export PGDATABASE=vbp_demo
psql_q -c 'CREATE EXTENSION vbp'
log "loading demo data"
psql_q -f "$VBP_ROOT/tools/demo/load.sql"
"$PGBIN/psql" -X -v ON_ERROR_STOP=1 -P pager=off -f "$VBP_ROOT/tools/demo/report.sql"

# the report page (HTML with inline SVG, offline) as of the demo's reporting date
page=${VBP_REPORT_PAGE:-$PWD/vbp-report.html}
"$PGBIN/psql" -X -At -v ON_ERROR_STOP=1 -c "SELECT vbp.report_page((SELECT as_of FROM vbp.demo_run))" >"$page"
log "report page (open in any browser, no network needed): $page"

if [ "${VBP_KEEP:-0}" = 1 ]; then
	log "cluster kept: PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=postgres psql vbp_demo; stop with: $PGBIN/pg_ctl -D $VBP_CLUSTER/data stop"
fi
