# vbp — PGXS build.
#
#   make                 build (warnings on; WERROR=1 turns them into errors)
#   make install         install into the PostgreSQL named by PG_CONFIG
#   make installcheck    pg_regress suites in sql/ against a running server
#   make unit            core unit tests (no server)
#   make fuzz            libFuzzer targets, FUZZ_SECONDS (600) each
#   make bench           benchmarks (generator timings), results for doc/benchmarks.md
#   make bench-scale     every report at scale 100 (10 million purchases), warm and cold (about an hour)
#
# The install script vbp--<version>.sql is built from the area files under
# src/sql/, in the order SQL_AREAS lists (an object is defined once, in its
# final form, in the area it belongs to; a later file may use an earlier one's
# objects but never alters them).  Released versions are frozen beside them as
# src/sql/vbp--<version>.sql with upgrade scripts vbp--A--B.sql (doc/architecture.md).

EXTENSION  = vbp
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

SQL_AREAS = \
	src/sql/types/base.sql \
	src/sql/types/drugcode.sql \
	src/sql/types/tracecode.sql \
	src/sql/types/orgcode.sql \
	src/sql/types/uscc.sql \
	src/sql/types/cny.sql \
	src/sql/security/sees.sql \
	src/sql/model/divisions.sql \
	src/sql/model/divisions_data.sql \
	src/sql/policy/parameters.sql \
	src/sql/model/procurement.sql \
	src/sql/model/supply.sql \
	src/sql/security/scope.sql \
	src/sql/nrdl/model.sql \
	src/sql/procurement/tally.sql \
	src/sql/procurement/stats.sql \
	src/sql/procurement/functions.sql \
	src/sql/procurement/benchmark.sql \
	src/sql/procurement/reports.sql \
	src/sql/procurement/benchmark_reports.sql \
	src/sql/retention/retention.sql \
	src/sql/supply/reports.sql \
	src/sql/nrdl/reports.sql \
	src/sql/nrdl/fraud.sql \
	src/sql/ingest/parse.sql \
	src/sql/ingest/load.sql \
	src/sql/ingest/guard.sql \
	src/sql/ingest/counters.sql \
	src/sql/ingest/capture.sql \
	src/sql/demo/demo.sql \
	src/sql/bi/bi.sql \
	src/sql/security/tenancy.sql \
	src/sql/scale/citus.sql

MODULE_big = vbp
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c) $(wildcard src/core/*.c)))

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA       = $(filter-out src/sql/$(EXTENSION)--$(EXTVERSION).sql,$(wildcard src/sql/$(EXTENSION)--*.sql))

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION) --load-extension=amcheck

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql results regression.diffs regression.out

PG_CONFIG ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src/core -I$(srcdir)/src -DVBP_VERSION='"$(EXTVERSION)"'
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter
ifeq ($(WERROR),1)
PG_CFLAGS  += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The current version's full install script, from the area files in order.
$(EXTENSION)--$(EXTVERSION).sql: $(SQL_AREAS)
	cat $^ > $@

# PGXS does not track headers; every object depends on ours.
$(OBJS): $(wildcard src/*.h src/core/*.h) $(EXTENSION).control

# META.json (PGXN) takes its version from vbp.control too.
all: META.json
META.json: META.json.in $(EXTENSION).control
	sed 's/@VERSION@/$(EXTVERSION)/g' $< > $@

unit:
	$(MAKE) -C test/unit run

# libFuzzer targets of the core parsers; the test command runs them 10 s each.
FUZZ_SECONDS ?= 600
fuzz:
	bash test/fuzz/run.sh $(FUZZ_SECONDS)

# Benchmarks (not tests): one institution's report against the whole (scale 10);
# every report view against a bare aggregate over the rows it reads (scale 10);
# generator timings at scales 1, 10 and 100; apportion
# against plain SQL over 1 million rows; price_cuts against sum(numeric) over the
# same 2 million rows; deciles against percentile_cont; the
# fulfilment report against a bare GROUP BY over 10 million purchases; the
# traceability-code guard's ingest overhead and index size; every aggregate and
# three reports serial against 2 parallel workers.
bench:
	bash test/bench/pushdown.sh
	bash test/bench/reports.sh
	bash test/bench/readers.sh
	bash test/bench/refresh.sh
	bash test/bench/generator.sh
	bash test/bench/apportion.sh
	bash test/bench/price_cuts.sh
	bash test/bench/deciles.sh
	bash test/bench/fulfilment.sh
	bash test/bench/tracecode_guard.sh
	bash test/bench/load.sh
	bash test/bench/parallel.sh
	bash test/bench/citus.sh

# every report at scale 100 against its bare aggregate, warm, then cold for the
# heaviest (doc/benchmarks.md, "At scale 100"); not in bench: about an hour
bench-scale:
	VBP_COLD_ROUNDS=1 VBP_COLD_VIEWS="fulfilment report_credibility retention_statement price_benchmark price_benchmark_alert order_line_supply nrdl_monitoring trace_code_monthly" \
	  bash test/bench/reports.sh 100 2

.PHONY: unit fuzz bench bench-scale
