#!/usr/bin/env bash
# Runs both suites against the cluster in PGHOST/PGPORT and prints one closing
# line "N passed, N failed" that totals pg_regress tests and pgTAP assertions.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_CONFIG=${PG_CONFIG:-pg_config}

# sql/fdw.sql connects back to this cluster with these (empty where unset)
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)} PGPASSWORD=${PGPASSWORD:-}

logdir=$(mktemp -d /tmp/ms-test.XXXXXX)
passed=0
failed=0

# --- pg_cron (test/cron.sql), in the background ----------------------------
# pg_cron schedules by the minute, so its test waits up to a minute for a
# run; it starts first and waits while the other suites run.  It works in
# the database ms_cron (cron.database_name of the cluster ms.sh starts).
if ! psql -X -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'ms_cron'" | grep -q 1; then
	createdb ms_cron
fi
cron_pid=
if psql -X -qAt -d postgres -c 'SHOW shared_preload_libraries' | grep -qw pg_cron; then
	psql -X -q -d ms_cron -c 'CREATE EXTENSION IF NOT EXISTS pgtap' >/dev/null
	pg_prove -v -d ms_cron test/cron.sql >"$logdir/cron.log" 2>&1 &
	cron_pid=$!
else
	echo "== pg_cron is not preloaded in this cluster: test/cron.sql not run"
	# under make test the cluster always preloads it: not running is a failure
	[ -n "${MS_SUMMARY:-}" ] && failed=$((failed + 1))
fi

# --- pg_regress (sql/, expected/) ----------------------------------------
echo "== pg_regress"
make -s PG_CONFIG="$PG_CONFIG" installcheck >"$logdir/regress.log" 2>&1
regress_rc=$?
cat "$logdir/regress.log"
# PostgreSQL 15 prints "test x ... ok", 16+ prints TAP-like "ok 1 - x".
r_ok=$(grep -E '^(test | +)?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$logdir/regress.log" | wc -l)
r_bad=$(grep -E '\.\.\. FAILED|^not ok [0-9]+ ' "$logdir/regress.log" | wc -l)
if [ "$regress_rc" -ne 0 ] && [ "$r_bad" -eq 0 ]; then r_bad=1; fi
if [ -f regression.diffs ]; then
	echo "---- regression.diffs (first 200 lines) ----"
	head -n 200 regression.diffs
fi
passed=$((passed + r_ok))
failed=$((failed + r_bad))
# a regression file that does not apply to this major says so ("skipped: ...")
grep -H '^skipped: ' results/*.out 2>/dev/null | sed 's|^results/\(.*\)\.out:skipped: |== \1 skipped on this major: |'

# --- pgTAP (test/) ---------------------------------------------------------
echo "== pgTAP"
createdb ms_tap
psql -X -q -d ms_tap -c 'CREATE EXTENSION pgtap' >/dev/null
tap_files=()
for f in test/*.sql; do
	[ "$f" = test/cron.sql ] || tap_files+=("$f")
done
pg_prove -v -d ms_tap "${tap_files[@]}" >"$logdir/tap.log" 2>&1
tap_rc=$?
# Show the summary and any failing assertion, not every "ok" line.
grep -vE '^\s*ok [0-9]+' "$logdir/tap.log"
t_ok=$(grep -cE '^\s*ok [0-9]+' "$logdir/tap.log")
t_bad=$(grep -cE '^\s*not ok [0-9]+' "$logdir/tap.log")
if [ "$tap_rc" -ne 0 ] && [ "$t_bad" -eq 0 ]; then t_bad=1; fi
passed=$((passed + t_ok))
failed=$((failed + t_bad))
dropdb ms_tap

# --- the doc test (every SQL example of the manual, against the sample database) --
# README.md and docs/*.md, in the order of docs/ORDER (one psql session: a
# later block may use what an earlier one created); every docs/*.md must be
# listed there.  Then the manual's links (scripts/doclinks.pl), one test.
echo "== README and docs/ examples"
mapfile -t doc_files < <(grep -vE '^\s*(#|$)' docs/ORDER)
for f in docs/*.md; do
	if ! printf '%s\n' "${doc_files[@]}" | grep -qxF "$f"; then
		echo "not ok: $f is not in docs/ORDER: its examples would not run"
		failed=$((failed + 1))
	fi
done
# The sample database is built by the manual's own steps, as written there
# (the ```sh block after the "doctest-setup" marker in docs/sample-data.md):
# each psql line, its comment dropped, run against ms_doc and stopping at the
# first error.  Steps that miss a file fail here, not silently.
createdb ms_doc
doc_setup=0
setup_file=docs/sample-data.md
doc_steps=$(awk '/^<!-- doctest-setup/ { m = 1; next } m && /^```sh/ { b = 1; next } b && /^```/ { exit } b' "$setup_file")
if [ -z "$doc_steps" ]; then
	echo "$setup_file: no sample-data steps (a \`\`\`sh block after <!-- doctest-setup -->)"
	doc_setup=1
fi
while IFS= read -r step; do
	cmd=${step%%#*}
	[ -n "${cmd// /}" ] || continue
	case "$cmd" in
	"psql "*) ;;
	*)
		echo "$setup_file sample-data step is not a psql command: $step"
		doc_setup=1
		break
		;;
	esac
	if ! eval "psql -X -q -v ON_ERROR_STOP=1 -d ms_doc ${cmd#psql }" >/dev/null; then
		echo "$setup_file sample-data step failed: $step"
		doc_setup=1
		break
	fi
done <<<"$doc_steps"
perl scripts/doctest.pl "${doc_files[@]}" -d ms_doc >"$logdir/doc.log" 2>&1
doc_rc=$?
grep -vE '^ok [0-9]+' "$logdir/doc.log"
d_ok=$(grep -cE '^ok [0-9]+' "$logdir/doc.log")
d_bad=$(grep -cE '^not ok [0-9]+' "$logdir/doc.log")
echo "README and docs/ examples: $d_ok passed, $d_bad failed"
if { [ "$doc_rc" -ne 0 ] || [ "$doc_setup" -ne 0 ]; } && [ "$d_bad" -eq 0 ]; then d_bad=1; fi
passed=$((passed + d_ok))
failed=$((failed + d_bad))
# the demo report (make demo prints it) over the same database: it runs, every
# section it announces is printed, and none comes out empty; one test
echo "== the demo report (data/report.sql)"
psql -X -v ON_ERROR_STOP=1 -d ms_doc -f data/report.sql >"$logdir/report.log" 2>&1
report_rc=$?
sections=$(grep -c '^.echo .== ' data/report.sql)
printed=$(grep -c '^== ' "$logdir/report.log")
empty=$(grep -c '^(0 rows)' "$logdir/report.log")
if [ "$report_rc" -eq 0 ] && [ "$printed" -eq "$sections" ] && [ "$empty" -eq 0 ]; then
	echo "ok - the demo report: $sections sections, none empty"
	passed=$((passed + 1))
else
	tail -n 20 "$logdir/report.log"
	echo "not ok - the demo report: exit $report_rc, $printed of $sections sections printed, $empty empty"
	failed=$((failed + 1))
fi
# the drivers BI tools use (test/clients/run.sh), over the same database
echo "== clients (PgJDBC, psycopg2)"
bash test/clients/run.sh ms_doc >"$logdir/clients.log" 2>&1
clients_rc=$?
grep -vE '^ok [0-9]+' "$logdir/clients.log"
k_ok=$(grep -cE '^ok [0-9]+' "$logdir/clients.log")
k_bad=$(grep -cE '^not ok' "$logdir/clients.log")
if [ "$clients_rc" -ne 0 ] && [ "$k_bad" -eq 0 ]; then k_bad=1; fi
passed=$((passed + k_ok))
failed=$((failed + k_bad))
dropdb ms_doc
if perl scripts/doclinks.pl README.md docs/*.md; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# --- the release metadata (scripts/versions.pl): META.json by the PGXN spec, one
# version in META.json, the control file, debian/changelog and the SQL scripts
echo "== release metadata"
perl scripts/versions.pl >"$logdir/versions.log" 2>&1
grep -v '^ok ' "$logdir/versions.log"
v_ok=$(grep -cE '^ok [0-9]+' "$logdir/versions.log")
v_bad=$(grep -cE '^not ok [0-9]+' "$logdir/versions.log")
[ "$v_ok" -gt 0 ] || v_bad=$((v_bad + 1))
passed=$((passed + v_ok))
failed=$((failed + v_bad))

# --- upgrade from 0.1.0 (scripts/upgrade-test.sh) --------------------------
echo "== upgrade"
bash scripts/upgrade-test.sh >"$logdir/upgrade.log" 2>&1
upgrade_rc=$?
grep -vE '^ok [0-9]+' "$logdir/upgrade.log"
u_ok=$(grep -cE '^ok [0-9]+' "$logdir/upgrade.log")
u_bad=$(grep -cE '^not ok [0-9]+' "$logdir/upgrade.log")
if [ "$upgrade_rc" -ne 0 ] && [ "$u_bad" -eq 0 ]; then u_bad=1; fi
passed=$((passed + u_ok))
failed=$((failed + u_bad))

# --- load: pgbench over the report queries, short (scripts/load.sh) -------
# one test: 2 clients for 10 s, no failed transaction (make load: 4 for 60 s)
echo "== load (short)"
LOAD_CLIENTS=2 LOAD_SECONDS=10 bash scripts/load.sh >"$logdir/load.log" 2>&1
load_rc=$?
grep -E '^load:|^   (number of failed|latency average|tps)' "$logdir/load.log"
if [ "$load_rc" -eq 0 ]; then passed=$((passed + 1)); else cat "$logdir/load.log"; failed=$((failed + 1)); fi

# --- dump and restore (scripts/dumprestore.sh, one test) ------------------
echo "== dump and restore"
MS_DUMP_FROM= PG_CONFIG="$PG_CONFIG" bash scripts/dumprestore.sh >"$logdir/dump.log" 2>&1
dump_rc=$?
cat "$logdir/dump.log"
if [ "$dump_rc" -eq 0 ] && grep -q '^ok 1 ' "$logdir/dump.log"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi

# --- a dump taken on an older major, restored here (make matrix) ----------
# MS_DUMP_FROM: the source database of scripts/dumprestore.sh on the older
# server, which make matrix keeps running while the roots test
if [ -n "${MS_DUMP_FROM:-}" ]; then
	echo "== a dump of an older major restored here"
	PG_CONFIG="$PG_CONFIG" MS_DUMP_FROM="$MS_DUMP_FROM" bash scripts/dumprestore.sh >"$logdir/dumpx.log" 2>&1
	dumpx_rc=$?
	cat "$logdir/dumpx.log"
	if [ "$dumpx_rc" -eq 0 ] && grep -q '^ok 1 ' "$logdir/dumpx.log"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
fi

# --- fuzz targets (fuzz/): a short pass, no server needed -------------------
# Each target counts as one test.  Skipped without clang and its libFuzzer
# runtime (make test tries to install them).
echo "== fuzz targets (${FUZZ_TEST_SECONDS:-5} s each)"
if command -v clang >/dev/null 2>&1 && make -s -C fuzz probe >/dev/null 2>&1; then
	if make -s -C fuzz PG_CONFIG="$PG_CONFIG" >"$logdir/fuzz-build.log" 2>&1; then
		bash fuzz/run.sh "${FUZZ_TEST_SECONDS:-5}" >"$logdir/fuzz.log" 2>&1
		cat "$logdir/fuzz.log"
		f_ok=$(grep -cE '^ok ' "$logdir/fuzz.log")
		f_bad=$(grep -cE '^not ok ' "$logdir/fuzz.log")
		[ "$f_ok" -gt 0 ] || [ "$f_bad" -gt 0 ] || f_bad=1
	else
		cat "$logdir/fuzz-build.log"
		echo "not ok: the fuzz targets do not build"
		f_ok=0
		f_bad=1
	fi
	passed=$((passed + f_ok))
	failed=$((failed + f_bad))
else
	echo "clang with libFuzzer is not available: fuzz pass skipped"
fi

if [ -n "$cron_pid" ]; then
	echo "== pgTAP in ms_cron (pg_cron)"
	wait "$cron_pid"
	cron_rc=$?
	grep -vE '^\s*ok [0-9]+' "$logdir/cron.log"
	c_ok=$(grep -cE '^\s*ok [0-9]+' "$logdir/cron.log")
	c_bad=$(grep -cE '^\s*not ok [0-9]+' "$logdir/cron.log")
	if [ "$cron_rc" -ne 0 ] && [ "$c_bad" -eq 0 ]; then c_bad=1; fi
	passed=$((passed + c_ok))
	failed=$((failed + c_bad))
fi

rm -rf "$logdir"
echo
echo "$passed passed, $failed failed"
[ -n "${MS_SUMMARY:-}" ] && echo "$passed passed, $failed failed" > "$MS_SUMMARY"
[ "$failed" -eq 0 ]
