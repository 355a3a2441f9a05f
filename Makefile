EXTENSION  = managed_services
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = managed_services
OBJS = \
	src/managed_services.o \
	src/severity.o \
	src/tzcache.o \
	src/window_engine.o \
	src/window.o \
	src/ivalstate.o \
	src/availability.o \
	src/staffing.o \
	src/ticket.o \
	src/summary.o \
	src/streak.o \
	src/schedcache.o \
	src/numeric_fast.o \
	src/credit_text.o \
	src/credit_calc.o \
	src/credit.o \
	src/credit_statement.o \
	src/price.o \
	src/clock.o \
	src/clock_fn.o \
	src/explain.o

# The install script is assembled from the per-capability SQL files, in this
# order (later files use types declared by earlier ones).
SQL_PARTS = \
	src/preamble.sql \
	src/severity.sql \
	src/window.sql \
	src/ticket.sql \
	src/streak.sql \
	src/credit.sql \
	src/price.sql \
	src/window_multirange.sql \
	src/ticket_multirange.sql \
	src/clock.sql \
	src/explain.sql \
	src/availability.sql \
	src/staffing.sql \
	src/casts.sql

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# Released versions, frozen and never edited: the install script of each
# earlier version (CREATE EXTENSION ... VERSION '0.1.0') and the upgrade
# scripts from each to the next (ALTER EXTENSION ... UPDATE).
DATA = $(wildcard src/updates/$(EXTENSION)--*.sql)

REGRESS = severity window ticket clock fdw availability staffing streak credit credit_terms credit_statement escalation horizon price hardening soft_errors garbage security resolution summary_columns catalog
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

# PostgreSQL 15, 17 and 18 are supported (src/pg_compat.h holds what differs)
ifneq ($(MAJORVERSION),)
ifeq ($(shell test "$(MAJORVERSION)" -lt 15 && echo old),old)
$(error managed_services needs PostgreSQL 15 or later; $(PG_CONFIG) is PostgreSQL $(MAJORVERSION))
endif
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) $(EXTENSION).control
	cat $(SQL_PARTS) > $@

# The two commands of the README.  Both install what is missing from Debian's
# packages, build, install and run against a throwaway cluster.
.PHONY: demo test bench load fuzz matrix
demo:
	@bash scripts/ms.sh demo

test:
	@bash scripts/ms.sh test

# make test on PostgreSQL 15, 17 and 18, each in the Debian release that
# ships it (debootstrap roots, cached), the Debian packages (debian/) and the
# PGXN zip built, installed and tested, and one closing line over all
matrix:
	@bash scripts/matrix.sh

bench:
	@bash scripts/ms.sh bench

# the PGXN release: managed_services-$(EXTVERSION).zip (scripts/dist.sh)
.PHONY: dist
dist:
	@bash scripts/dist.sh

# pgbench over the report queries (LOAD_CLIENTS=4, LOAD_SECONDS=60)
load:
	@bash scripts/ms.sh load

# libFuzzer targets over the input functions (fuzz/), FUZZ_SECONDS each;
# installs clang from Debian's packages where missing.  No server runs.
fuzz:
	@bash scripts/ms.sh fuzz
