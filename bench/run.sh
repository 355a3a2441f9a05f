#!/usr/bin/env bash
# Runs the benchmarks against the cluster in PGHOST/PGPORT/PGUSER (make bench
# starts a throwaway one and installs the extension first):
#   - creates the database ms_bench with the extension and bench/lib.sql,
#   - runs every other bench/*.sql in name order,
#   - prints a summary of every measured ratio against its target.
# BENCH_SCALE (default 1) scales the row counts; BENCH_ONLY="credit streak"
# runs only those benchmarks (bench/credit.sql, bench/streak.sql).  A missed target is reported,
# not an error; an SQL error makes the exit status non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."

BENCH_SCALE=${BENCH_SCALE:-1}
DB=ms_bench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")

# psql prefixes messages from a file with "psql:file:line: "; keep that for
# errors, drop it for the NOTICE lines the benches print.
tidy() {
	sed -u -E 's/^psql:[^:]+:[0-9]+: NOTICE:  /  /'
}

t_all=$(date +%s)
echo "== benchmarks (BENCH_SCALE=$BENCH_SCALE) on $(psql -X -At -d postgres -c 'SHOW server_version') ($(nproc) cores)"
PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$DB" && createdb "$DB" || exit 1
"${PSQL[@]}" -c 'CREATE EXTENSION managed_services' || exit 1
"${PSQL[@]}" -f bench/lib.sql || exit 1

failed=()
for f in bench/*.sql; do
	[ "$(basename "$f")" = lib.sql ] && continue
	if [ -n "${BENCH_ONLY:-}" ]; then
		case " $BENCH_ONLY " in *" $(basename "$f" .sql) "*) ;; *) continue ;; esac
	fi
	echo
	echo "==== $f"
	t0=$(date +%s)
	"${PSQL[@]}" -v scale="$BENCH_SCALE" -f "$f" 2>&1 | tidy
	rc=${PIPESTATUS[0]}
	if [ "$rc" -ne 0 ]; then
		echo "==== $f: FAILED (psql exit $rc) after $(($(date +%s) - t0)) s"
		failed+=("$f")
	else
		echo "==== $f: $(($(date +%s) - t0)) s"
	fi
done

echo
echo "==== summary (ratio: time ratio for '<=' targets, speed-up for '>=' targets; ns/row per side)"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<'SQL'
\pset footer off
SELECT bench, metric,
       round(ext_ms::numeric, 1) AS ext_ms, round(bench.ns(ext_ms, ext_rows)::numeric, 1) AS ext_ns_row,
       round(base_ms::numeric, 1) AS base_ms, round(bench.ns(base_ms, base_rows)::numeric, 1) AS base_ns_row,
       round(ratio::numeric, 2) AS ratio, target,
       CASE WHEN met THEN 'yes' WHEN NOT met THEN 'NO' ELSE '-' END AS met
FROM bench_results ORDER BY seq;
SELECT format('%s of %s targets met%s', count(*) FILTER (WHERE met), count(met),
              CASE WHEN count(*) FILTER (WHERE NOT met) > 0
                   THEN ', missed: ' || string_agg(bench || ' / ' || metric, '; ' ORDER BY seq) FILTER (WHERE NOT met)
                   ELSE '' END) AS result
FROM bench_results \gset
\echo :result
SQL
[ $? -ne 0 ] && failed+=(summary)

echo "== benchmarks took $(($(date +%s) - t_all)) s"
if [ ${#failed[@]} -gt 0 ]; then
	echo "== SQL errors in: ${failed[*]}" >&2
	exit 1
fi
exit 0
