#!/usr/bin/env bash
# The client test (scripts/run-tests.sh runs it in `make test`): the
# extension through the real drivers BI tools use, from Debian's packages
# (scripts/ms.sh installs them): PgJDBC (libpostgresql-jdbc-java, run by Java's
# single-file source launcher from default-jre-headless) and psycopg2
# (python3-psycopg2).  Each calls every function of the extension with string
# parameters and reads every reporting view of examples/ from DATABASE (the
# sample database with the examples loaded), checking each column's type as
# the driver reports it against the model (test/clients/model.sql).
# Prints TAP lines; exits non-zero when one is "not ok".
# Usage: bash test/clients/run.sh DATABASE
set -uo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: $0 DATABASE}

# the views the examples define, in the order they define them
mapfile -t views < <(sed -nE 's/^CREATE (OR REPLACE )?(MATERIALIZED )?VIEW (IF NOT EXISTS )?([a-z_0-9]+).*/\4/p' examples/*.sql)
if [ ${#views[@]} -eq 0 ]; then
	echo "not ok - no view found in examples/*.sql"
	exit 1
fi

rc=0
jar=/usr/share/java/postgresql.jar
if command -v java >/dev/null 2>&1 && [ -f "$jar" ]; then
	# PgJDBC speaks TCP only: a socket directory in PGHOST means the
	# cluster's TCP address is localhost (scripts/ms.sh listens there too)
	host=${PGHOST:-localhost}
	case "$host" in /*) host=127.0.0.1 ;; esac
	url="jdbc:postgresql://$host:${PGPORT:-5432}/$db?user=${PGUSER:-$(id -un)}"
	[ -n "${PGPASSWORD:-}" ] && url="$url&password=$PGPASSWORD"
	java -cp "$jar" test/clients/Clients.java "$url" test/clients/functions.sql test/clients/model.sql "${views[@]}" || rc=1
else
	echo "not ok - PgJDBC: java or $jar is missing (Debian: default-jre-headless libpostgresql-jdbc-java)"
	rc=1
fi
# Debian's python3 (python3-psycopg2 is installed for it), not another first
# on PATH
py=/usr/bin/python3
if "$py" -c 'import psycopg2' 2>/dev/null; then
	"$py" test/clients/clients.py "dbname=$db" test/clients/functions.sql test/clients/model.sql "${views[@]}" || rc=1
else
	echo "not ok - psycopg2: $py cannot import psycopg2 (Debian: python3-psycopg2)"
	rc=1
fi
exit $rc
