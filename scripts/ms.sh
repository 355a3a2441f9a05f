#!/usr/bin/env bash
# Set-up shared by `make demo`, `make test`, `make bench` and `make load`:
#   1. install what is missing from Debian's packages,
#   2. build (warnings are errors) and install the extension,
#   3. run the job against a throwaway cluster (pg_virtualenv, or initdb +
#      pg_ctl in a temporary directory where pg_virtualenv is missing).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The supported majors (src/pg_compat.h, the README's version table): each is
# what one Debian release ships, and `make matrix` tests each of them.
SUPPORTED="15 17 18"

# The PostgreSQL major this Debian release ships: the one its `postgresql`
# package depends on (15 on Debian 12, 17 on Debian 13, 18 on unstable).
debian_pgver() {
	local v
	v=$(apt-cache show --no-all-versions postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | head -n 1)
	if [ -z "$v" ]; then
		# a fresh machine whose package lists were never fetched
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
		v=$(apt-cache show --no-all-versions postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | head -n 1)
	fi
	echo "$v"
}

if [ -z "${PGVER:-}" ]; then
	PGVER=$(debian_pgver)
	if [ -z "$PGVER" ]; then
		echo "could not tell which PostgreSQL this Debian release ships (apt-cache show postgresql): set PGVER to one of $SUPPORTED" >&2
		exit 1
	fi
fi
case " $SUPPORTED " in
*" $PGVER "*) ;;
*)
	echo "PostgreSQL $PGVER is not supported: set PGVER to one of $SUPPORTED" >&2
	exit 1
	;;
esac
export PGVER

deps() {
	local pkgs=(make gcc "postgresql-$PGVER" "postgresql-server-dev-$PGVER"
		"postgresql-$PGVER-pgtap" libtap-parser-sourcehandler-pgtap-perl
		"postgresql-$PGVER-cron" postgresql-common)
	local missing=()
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "== installing from Debian: ${missing[*]}"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

# the drivers of the client test (test/clients/): PgJDBC with a Java runtime
# whose single-file launcher compiles test/clients/Clients.java, and psycopg2;
# the same names in Debian 12, 13 and unstable
deps_clients() {
	local pkgs=(default-jre-headless libpostgresql-jdbc-java python3-psycopg2)
	local missing=()
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "== installing from Debian: ${missing[*]}"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

# clang and its sanitizer/libFuzzer runtime, for the fuzz targets (fuzz/)
deps_fuzz() {
	local missing=()
	dpkg-query -W -f='${Status}' clang 2>/dev/null | grep -q 'install ok installed' || missing+=(clang)
	if [ ${#missing[@]} -gt 0 ]; then
		echo "== installing from Debian: ${missing[*]}"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
			return 1
	fi
	# the runtime package is named after clang's major version (libclang-rt-14-dev)
	local rt
	rt="libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
	if ! dpkg-query -W -f='${Status}' "$rt" 2>/dev/null | grep -q 'install ok installed'; then
		echo "== installing from Debian: $rt"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$rt" >/dev/null ||
			return 1
	fi
}

# MS_PGPREFIX: a private, relocated copy of PostgreSQL's /usr tree (lib/,
# share/, include/ below it) to build, install and test against, so that
# several checkouts on one machine do not overwrite each other's installed
# build.  Unset (the normal case): the system's PostgreSQL.
PGPREFIX=${MS_PGPREFIX:-/usr}
PG_CONFIG=$PGPREFIX/lib/postgresql/$PGVER/bin/pg_config
export PG_CONFIG
PGBIN=$PGPREFIX/lib/postgresql/$PGVER/bin
export PATH="$PGBIN:$PATH"

build() {
	echo "== building against PostgreSQL $("$PG_CONFIG" --version)"
	make -s PG_CONFIG="$PG_CONFIG" COPT="-Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror" >/dev/null
	if [ -n "${MS_PGPREFIX:-}" ]; then
		make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	else
		as_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	fi
}

# pg_cron runs scheduled refreshes (test/cron.sql, the README's recipe): it
# works in the database ms_cron and runs its jobs in background workers, so
# it needs no connection settings or password of its own.
CRON_OPTS=(shared_preload_libraries=pg_cron cron.database_name=ms_cron cron.use_background_workers=on)

# Run "$@" with PGHOST/PGPORT/PGUSER/PGDATABASE pointing at a throwaway cluster.
with_cluster() {
	local o
	if [ -z "${MS_PGPREFIX:-}" ] && command -v pg_virtualenv >/dev/null 2>&1; then
		local opts=(-o max_worker_processes=8 -o max_parallel_workers=4)
		for o in "${CRON_OPTS[@]}"; do opts+=(-o "$o"); done
		# NONROOT: keep the cluster in a private temp dir even when run as root
		NONROOT=1 pg_virtualenv -v "$PGVER" "${opts[@]}" "$@"
		return
	fi
	local dir
	dir=$(mktemp -d /tmp/ms-cluster.XXXXXX)
	local run=()
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$dir"
		run=(runuser -u postgres --)
	fi
	"${run[@]}" "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
	local copts=""
	for o in "${CRON_OPTS[@]}"; do copts+=" -c $o"; done
	# MS_PGPORT: another port, for several checkouts testing at once; on
	# localhost too, for the drivers that speak TCP only (PgJDBC)
	local port=${MS_PGPORT:-54329}
	"${run[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c max_worker_processes=8 -c max_parallel_workers=4$copts" start >/dev/null
	local rc=0
	PGHOST=$dir PGPORT=$port PGUSER=postgres PGDATABASE=postgres "$@" || rc=$?
	"${run[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
	rm -rf "$dir"
	return $rc
}

# pg_cron's launcher retries every second until its database exists
cron_db() {
	psql -X -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'ms_cron'" | grep -q 1 || createdb ms_cron
}

case "${1:-}" in
demo)
	deps; build
	with_cluster bash scripts/ms.sh demo-inner
	;;
demo-inner)
	cron_db
	createdb ms_demo
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION managed_services'
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -v tickets="${DEMO_TICKETS:-50000}" -f data/sample.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f data/types.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f data/statuslog.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f examples/scorecard.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f data/credits.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f examples/reconcile.sql >/dev/null
	psql -X -q -d ms_demo -v ON_ERROR_STOP=1 -f examples/scheduled.sql >/dev/null
	psql -X -d ms_demo -v ON_ERROR_STOP=1 -f data/report.sql
	;;
test)
	deps; deps_clients; build
	# the fuzz pass of the suite is skipped (not failed) without clang
	deps_fuzz || echo "== clang and its libFuzzer runtime could not be installed: the fuzz pass will be skipped"
	# the closing "N passed, N failed" line is printed last, after the
	# throwaway cluster is gone (pg_virtualenv reports its own clean-up)
	MS_SUMMARY=$(mktemp /tmp/ms-summary.XXXXXX)
	export MS_SUMMARY
	rc=0
	with_cluster bash scripts/ms.sh test-inner || rc=$?
	echo
	if [ -s "$MS_SUMMARY" ]; then cat "$MS_SUMMARY"; else echo "0 passed, 1 failed"; rc=1; fi
	rm -f "$MS_SUMMARY"
	exit $rc
	;;
test-inner)
	bash scripts/run-tests.sh
	;;
dump-source)
	# make matrix: the source database of scripts/dumprestore.sh on this
	# machine's major, kept until $MS_READY is removed; $MS_READY gets the
	# connection string (TCP on localhost, which a root shares)
	deps; build
	with_cluster bash scripts/ms.sh dump-source-inner
	;;
dump-source-inner)
	MS_DUMP_SOURCE_ONLY=1 bash scripts/dumprestore.sh || exit 1
	case "${PGHOST:-}" in
	/*) echo "the throwaway cluster listens on a socket only: no dump source for the roots" >&2; exit 1 ;;
	esac
	echo "host=${PGHOST:-localhost} port=$PGPORT user=$PGUSER password=${PGPASSWORD:-} dbname=ms_dump_src" >"$MS_READY.tmp"
	mv "$MS_READY.tmp" "$MS_READY"
	while [ -e "$MS_READY" ]; do sleep 1; done
	;;
fuzz)
	deps
	deps_fuzz
	make -s -C fuzz PG_CONFIG="$PG_CONFIG" >/dev/null
	bash fuzz/run.sh "${FUZZ_SECONDS:-60}"
	;;
run)
	# any command against a throwaway cluster with the build installed, e.g.
	#   bash scripts/ms.sh run make installcheck REGRESS=credit
	shift
	deps; build
	with_cluster "$@"
	;;
bench)
	deps; build
	with_cluster bash scripts/ms.sh bench-inner
	;;
bench-inner)
	cron_db
	bash bench/run.sh
	;;
load)
	deps; build
	with_cluster bash scripts/ms.sh load-inner
	;;
load-inner)
	cron_db
	bash scripts/load.sh
	;;
*)
	echo "usage: $0 demo|test|bench|load|fuzz|run CMD..." >&2
	exit 2
	;;
esac
