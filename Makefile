EXTENSION  = managed_services
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = managed_services
OBJS = \
	src/managed_services.o \
	src/severity.o \
	src/tzcache.o \
	src/window_engine.o \
	src/window.o \
	src/availability.o \
	src/staffing.o \
	src/ticket.o \
	src/summary.o \
	src/streak.o \
	src/credit.o \
	src/price.o

# The install script is assembled from the per-capability SQL files, in this
# order (later files use types declared by earlier ones).
SQL_PARTS = \
	src/preamble.sql \
	src/severity.sql \
	src/window.sql \
	src/ticket.sql \
	src/streak.sql \
	src/credit.sql \
	src/price.sql

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard src/updates/$(EXTENSION)--*--*.sql)

REGRESS = severity window ticket fdw availability staffing streak credit price hardening security catalog
REGRESS_OPTS = --inputdir=. --load-extension=plpgsql

EXTRA_CLEAN = bench/results fuzz/build

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
else
# No server development files yet: only the targets that install them work.
all install installcheck:
	@echo "pg_config not found: run 'make demo' or 'make test', which install PostgreSQL's packages" >&2; exit 1
endif

# multiranges exist from PostgreSQL 14 on
ifneq ($(MAJORVERSION),)
ifneq ($(filter 13,$(MAJORVERSION)),13)
SQL_PARTS += src/window_multirange.sql
SQL_PARTS += src/ticket_multirange.sql
SQL_PARTS += src/availability.sql
SQL_PARTS += src/staffing.sql
endif
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) $(EXTENSION).control
	cat $(SQL_PARTS) > $@

# The two commands of the README.  Both install what is missing from Debian's
# packages, build, install and run against a throwaway cluster.
.PHONY: demo test bench fuzz
demo:
	@bash scripts/ms.sh demo

test:
	@bash scripts/ms.sh test

bench:
	@bash scripts/ms.sh bench

# libFuzzer targets over the input functions (fuzz/), FUZZ_SECONDS each;
# installs clang from Debian's packages where missing.  No server runs.
fuzz:
	@bash scripts/ms.sh fuzz
