# vbp — PGXS build.
#
#   make                 build (warnings on; WERROR=1 turns them into errors)
#   make install         install into the PostgreSQL named by PG_CONFIG
#   make installcheck    pg_regress suites in sql/ against a running server
#   make unit            core unit tests (no server)
#   make fuzz            libFuzzer targets, FUZZ_SECONDS (600) each
#   make bench           benchmarks (generator timings), results for doc/benchmarks.md
#
# Install scripts: src/sql/vbp--<released>.sql and src/sql/vbp--A--B.sql are
# frozen once released; the current version's full script is generated from
# the area files src/sql/NN_*.sql.

EXTENSION  = vbp
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = vbp
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c) $(wildcard src/core/*.c)))

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA       = $(filter-out src/sql/$(EXTENSION)--$(EXTVERSION).sql,$(wildcard src/sql/$(EXTENSION)--*.sql))

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION) --load-extension=amcheck

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql results regression.diffs regression.out

PG_CONFIG ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src/core -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter
ifeq ($(WERROR),1)
PG_CFLAGS  += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The current version's full install script, from the area files in order.
$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard src/sql/[0-9]*.sql))
	cat $^ > $@

# PGXS does not track headers; every object depends on ours.
$(OBJS): $(wildcard src/*.h src/core/*.h)

unit:
	$(MAKE) -C test/unit run

# libFuzzer targets of the core parsers; the test command runs them 10 s each.
FUZZ_SECONDS ?= 600
fuzz:
	bash test/fuzz/run.sh $(FUZZ_SECONDS)

# Benchmarks (not tests): generator timings at scales 1, 10 and 100; apportion
# against plain SQL over 1 million rows; deciles against percentile_cont; the
# fulfilment report against a bare GROUP BY over 10 million purchases; the
# traceability-code guard's ingest overhead and index size; every aggregate and
# three reports serial against 2 parallel workers.
bench:
	bash test/bench/generator.sh
	bash test/bench/apportion.sh
	bash test/bench/deciles.sh
	bash test/bench/fulfilment.sh
	bash test/bench/tracecode_guard.sh
	bash test/bench/parallel.sh

.PHONY: unit fuzz bench
