#!/usr/bin/env bash
# Load test (issue 11, item 6), against the cluster in PGHOST/PGPORT/PGUSER
# with the extension installed (`make load` starts a throwaway cluster):
# loads the sample database (data/sample.sql, data/types.sql, data/statuslog.sql,
# examples/scorecard.sql, data/credits.sql, examples/reconcile.sql and the
# materialized reports of examples/scheduled.sql) into the database ms_load,
# then runs pgbench with
# several clients for a bounded time over the report queries (bench/load/*.sql,
# from data/report.sql and the scorecard views, as of the report date
# 2026-11-01), and fails on any error.  Prints the throughput and latencies.
#
#   LOAD_CLIENTS  (4)      concurrent clients
#   LOAD_SECONDS  (60)     duration
#   LOAD_TICKETS  (50000)  size of the sample database
#   LOAD_CREDITS  (stored) plain: a vendor's year of credits read from the
#                          plain vendor_credits view (bench/load/credits-plain.sql),
#                          the "before" of docs/performance.md, instead of the
#                          stored vendor_credits_monthly (bench/load/credits.sql)
#
# make test runs a short pass: LOAD_CLIENTS=2 LOAD_SECONDS=10.
set -uo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${LOAD_CLIENTS:-4}
DURATION=${LOAD_SECONDS:-60}
TICKETS=${LOAD_TICKETS:-50000}
DB=ms_load
# pgbench worker threads: no more than the clients or the cores
THREADS=$(nproc 2>/dev/null || echo 1)
[ "$THREADS" -gt "$CLIENTS" ] && THREADS=$CLIENTS

# script@weight: cheap per-ticket lookups most often, as a service desk runs
# them; the monthly reports less; a vendor's year of credits least (from the
# stored vendor_credits_monthly, as a BI tool reads it: the plain view
# recomputes the year, 0.9 s a query under this load)
SCRIPTS=(
	bench/load/ticket.sql@20
	bench/load/monthly.sql@4
	bench/load/availability.sql@4
	bench/load/open.sql@2
	bench/load/overdue.sql@2
	bench/load/credits.sql@1
)
if [ "${LOAD_CREDITS:-stored}" = plain ]; then
	SCRIPTS[${#SCRIPTS[@]} - 1]=bench/load/credits-plain.sql@1
fi

echo "== load: $CLIENTS clients for $DURATION s over the report queries, $TICKETS tickets, on $(psql -X -At -d postgres -c 'SHOW server_version') ($(nproc) cores)"
t0=$(date +%s)
PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$DB" && createdb "$DB" || exit 1
P=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")
"${P[@]}" -c 'CREATE EXTENSION managed_services' &&
	"${P[@]}" -v tickets="$TICKETS" -f data/sample.sql >/dev/null &&
	"${P[@]}" -f data/types.sql >/dev/null &&
	"${P[@]}" -f data/statuslog.sql >/dev/null &&
	"${P[@]}" -f examples/scorecard.sql >/dev/null &&
	"${P[@]}" -f data/credits.sql >/dev/null &&
	"${P[@]}" -f examples/reconcile.sql >/dev/null &&
	"${P[@]}" -f examples/scheduled.sql >/dev/null &&
	"${P[@]}" -c 'VACUUM ANALYZE' || { echo "load: FAILED loading the sample database"; exit 1; }
echo "   sample database loaded in $(($(date +%s) - t0)) s"

args=(-n -c "$CLIENTS" -j "$THREADS" -T "$DURATION" -D tickets="$TICKETS")
for s in "${SCRIPTS[@]}"; do args+=(-f "$s"); done
[ "$DURATION" -ge 30 ] && args+=(-P 10)
log=$(mktemp /tmp/ms-load.XXXXXX)
pgbench "${args[@]}" "$DB" >"$log" 2>&1
rc=$?

# progress lines, then the summary without pgbench's preamble
grep -E '^progress:' "$log" | sed 's/^/   /'
sed -n '/^transaction type:/,$p' "$log" | grep -vE '^progress:|^pgbench \(' | sed 's/^/   /'

processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$log")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$log")
errors=$(grep -cE 'ERROR|FATAL|aborted' "$log")
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$log")
latency=$(sed -n 's/^latency average = \(.*\)/\1/p' "$log")
if [ "$rc" -ne 0 ] || [ -z "$processed" ] || [ "$processed" -eq 0 ] || [ "${failed:-0}" -ne 0 ] || [ "$errors" -ne 0 ]; then
	grep -iE 'error|fatal|aborted' "$log" | head -n 20 | sed 's/^/   /'
	echo "load: FAILED (pgbench exit $rc, ${processed:-no} transactions, ${failed:-?} failed, $errors error lines)"
	rm -f "$log"
	exit 1
fi
rm -f "$log"
dropdb "$DB"
echo "load: $CLIENTS clients, $DURATION s: $processed transactions, 0 failed, tps = $tps, latency average = $latency"
