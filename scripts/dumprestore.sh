#!/usr/bin/env bash
# Dump and restore (issue 11, item 4): a database whose tables, indexes (hash
# indexes on every type that has a hash opclass, expression indexes, a
# generated column, a check constraint), views and materialized views use
# every type and aggregate of the extension survives pg_dump -Fc + pg_restore
# into a fresh database, and a plain pg_dump replayed by psql, with identical
# query results (md5 of each query's text output).
#
# The extension lives in its own schema (ms), not on the dump's search_path:
# pg_dump restores with search_path = '', so anything that reaches another
# object of the extension without @extschema@ fails here.
#
# Runs against the cluster in PGHOST/PGPORT/PGUSER; uses the pg_dump and
# pg_restore of $PG_CONFIG --bindir.  Prints TAP: "ok 1 - ..." or "not ok 1 - ...".
#
# Across majors (make matrix): MS_DUMP_SOURCE_ONLY=1 builds the source
# database and leaves it in place; MS_DUMP_FROM=CONNINFO then takes that
# source, on another server (an older major), dumps it with this major's
# pg_dump, restores it here and compares the same queries on both.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_CONFIG=${PG_CONFIG:-pg_config}
BIN=$("$PG_CONFIG" --bindir)
src=ms_dump_src
dst=ms_dump_dst
dst2=ms_dump_plain
from=${MS_DUMP_FROM:-}
what="dump and restore"
tmp=$(mktemp -d /tmp/ms-dump.XXXXXX)
if [ -n "${MS_DUMP_SOURCE_ONLY:-}" ]; then
	trap 'rm -rf "$tmp"' EXIT
else
	trap 'rm -rf "$tmp"; for d in $src $dst $dst2; do dropdb --if-exists "$d" >/dev/null 2>&1; done' EXIT
fi

psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

fail() {
	echo "not ok 1 - $what: $*"
	exit 1
}

for d in $src $dst $dst2; do dropdb --if-exists "$d" >/dev/null 2>&1; done
if [ -n "$from" ]; then
	srcver=$(psql -X -qAt -d "$from" -c 'SHOW server_version_num') || fail "cannot reach the source ($from)"
	what="a dump of PostgreSQL ${srcver:0:2} restored on PostgreSQL $("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9.]*\).*/\1/')"
else
createdb "$src" || fail "createdb $src"

# --------------------------------------------------------------------------
# the source database
# --------------------------------------------------------------------------
psqlq -b -d "$src" >"$tmp/build.log" 2>&1 <<'SQL' || { cat "$tmp/build.log"; fail "building the source database"; }
SET client_min_messages = warning;
CREATE SCHEMA ms;
CREATE EXTENSION managed_services SCHEMA ms;
SET search_path = public, ms;
SET timezone = 'UTC';
SELECT setseed(0.5);

CREATE TABLE contracts (
  vendor    text PRIMARY KEY,
  coverage  sla_window NOT NULL CHECK (sla_timezone(coverage) <> ''),
  policy    sla_policy NOT NULL,
  credits   credit_schedule,
  pricing   price_schedule,
  worst     severity DEFAULT 'SEV0'
);
INSERT INTO contracts VALUES
  ('acme', 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25,2026-12-26 hours 2026-12-24 09:00-12:00',
   'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV4 respond 1 day',
   'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%',
   'fixed 18500.00 including 800 tickets; per ticket 14.50', 'SEV1'),
  ('globex', 'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York',
   'P1 respond 15 minutes resolve 4 hours; 2 - High respond 1 hour resolve 1 day; low respond 1 week',
   'at risk 12% allocation 40%; below 99.5%; per miss', 'graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', 'SEV2'),
  ('initech', '24x7', 'SEV0 respond 5 minutes resolve 1 hour; SEV3 resolve next business day',
   'above 4.2: 5%, above 6.5: 10%; cap 10%', 'per unit 4.50 minimum 1000; share 8% minimum 2000.00', 'SEV0'),
  ('umbrella', 'mon-sun 22:00-06:00 Australia/Lord_Howe holidays 2026-01-26',
   'critical response 1 day 4 hours resolution 2 days', NULL, 'volume per FTE 0-10: 5000, 10+: 4500', DEFAULT);

CREATE TABLE tickets (
  id        int PRIMARY KEY,
  vendor    text NOT NULL REFERENCES contracts,
  raw_sev   text NOT NULL,
  sev       severity GENERATED ALWAYS AS (raw_sev::ms.severity) STORED,
  opened    timestamptz NOT NULL,
  done      timestamptz
);
INSERT INTO tickets (id, vendor, raw_sev, opened, done)
SELECT i, (ARRAY['acme', 'globex', 'initech', 'umbrella'])[1 + i % 4],
       (ARRAY['P1', 'Sev-2', 'critical', 'sev 3', 'low', '0', 'S5'])[1 + (random() * 6)::int],
       o, CASE WHEN random() < 0.1 THEN NULL ELSE o + random() ^ 3 * interval '200 hours' END
FROM (SELECT i, '2026-01-01'::timestamptz + random() * interval '360 days' AS o FROM generate_series(1, 4000) i) x;
CREATE TABLE pauses (ticket int PRIMARY KEY REFERENCES tickets, paused tstzmultirange);
INSERT INTO pauses SELECT id, tstzmultirange(tstzrange(opened + interval '1 hour', opened + interval '3 hours'))
FROM tickets WHERE id % 5 = 0;

CREATE TABLE outages (id serial PRIMARY KEY, vendor text REFERENCES contracts, span tstzrange);
INSERT INTO outages (vendor, span)
SELECT (ARRAY['acme', 'globex', 'initech', 'umbrella'])[1 + i % 4], tstzrange(a, a + random() ^ 2 * interval '6 hours')
FROM (SELECT i, '2026-01-01'::timestamptz + random() * interval '360 days' AS a FROM generate_series(1, 600) i) x;
CREATE TABLE shifts (id serial PRIMARY KEY, vendor text REFERENCES contracts, span tstzrange);
INSERT INTO shifts (vendor, span)
SELECT (ARRAY['acme', 'globex', 'initech', 'umbrella'])[1 + i % 4], tstzrange(a, a + interval '8 hours')
FROM (SELECT i, '2026-01-01'::timestamptz + (i / 3) * interval '8 hours' + random() * interval '2 hours' AS a
      FROM generate_series(1, 3000) i) x;
CREATE TABLE months AS
SELECT m::date AS month, tstzrange(m, m + interval '1 month') AS period
FROM generate_series('2026-01-01'::timestamptz, '2026-12-01', '1 month') m;
CREATE TABLE maintenance (vendor text, during tstzmultirange);
INSERT INTO maintenance SELECT vendor, tstzmultirange(tstzrange('2026-03-01 00:00+00', '2026-03-01 04:00+00'),
                                                      tstzrange('2026-09-01 00:00+00', '2026-09-01 04:00+00'))
FROM contracts;
CREATE TABLE volumes (vendor text, month date, units numeric, spend numeric);
INSERT INTO volumes SELECT c.vendor, m.month, (random() * 6000)::int, round((random() * 100000)::numeric, 2)
FROM contracts c, months m;

-- stored values of the summary types (aggregate states as columns), in two parts
-- per vendor and month (odd and even ids) that rollup() merges
CREATE TABLE stored_states (
  vendor text, month date, part int,
  summary sla_summary, avail availability_state, staffing staffing_state,
  PRIMARY KEY (vendor, month, part));
INSERT INTO stored_states
SELECT c.vendor, m.month, p.part,
       (SELECT sla_summary_agg(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution'), '2027-01-01')
        FROM tickets t WHERE t.vendor = c.vendor AND t.opened <@ m.period AND t.id % 2 = p.part),
       (SELECT availability_agg(o.span, m.period, c.coverage) FROM outages o WHERE o.vendor = c.vendor AND o.id % 2 = p.part),
       (SELECT staffing_agg(s.span, m.period) FROM shifts s WHERE s.vendor = c.vendor AND s.id % 2 = p.part)
FROM contracts c, months m, (VALUES (0), (1)) p(part);

-- the SLA clock (issue 21): rules and clocks as columns, each reopen rule, a
-- priority, a pause, and a stop that may come before the pause (a reopening)
CREATE TABLE clocks (ticket int PRIMARY KEY REFERENCES tickets, rules sla_clock_rules NOT NULL, clock sla_clock);
INSERT INTO clocks
SELECT t.id, ('pause on Pending; stop on Resolved, Closed; reopen ' || r.mode)::ms.sla_clock_rules,
       sla_clock(('pause on Pending; stop on Resolved, Closed; reopen ' || r.mode)::ms.sla_clock_rules, e.at, e.status, e.prio ORDER BY e.at, e.k)
FROM tickets t
CROSS JOIN LATERAL (SELECT (ARRAY['continues', 'restarts', 'ignored'])[1 + t.id % 3] AS mode) r
CROSS JOIN LATERAL (VALUES (1, t.opened, 'Open', t.sev), (2, t.opened + interval '1 hour', 'Pending', NULL),
                           (3, t.opened + interval '3 hours', 'In Progress', 'SEV1'::ms.severity), (4, t.done, 'Resolved', NULL)) e(k, at, status, prio)
GROUP BY t.id, r.mode;

-- indexes: hash on every type with a hash opclass, btree on severity, expressions
CREATE INDEX contracts_coverage_hash ON contracts USING hash (coverage);
CREATE INDEX contracts_policy_hash ON contracts USING hash (policy);
CREATE INDEX contracts_credits_hash ON contracts USING hash (credits);
CREATE INDEX contracts_pricing_hash ON contracts USING hash (pricing);
CREATE INDEX tickets_sev_hash ON tickets USING hash (sev);
CREATE INDEX tickets_sev_btree ON tickets (sev, opened);
CREATE INDEX contracts_zone ON contracts (sla_timezone(coverage));
CREATE INDEX tickets_target ON tickets ((sla_target('SEV1 respond 1 hour resolve 4 hours'::ms.sla_policy, sev, 'resolution')));
CREATE INDEX tickets_severity_level ON tickets (severity_level(sev)) WHERE sev <= 'SEV2';

-- views: every aggregate
CREATE VIEW ticket_scorecard AS
SELECT t.vendor, date_trunc('month', t.opened) AS month, t.sev,
       sla_summary_agg(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution'), '2027-01-01') AS summary,
       sla_compliance(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution'), '2027-01-01') AS compliance,
       sla_summary_agg(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'response'), '2027-01-01', p.paused) AS paused_summary,
       sla_compliance(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'response'), '2027-01-01', p.paused) AS paused_compliance,
       min(t.sev) AS worst, max(t.sev) AS mildest
FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN pauses p ON p.ticket = t.id
GROUP BY 1, 2, 3;
-- as of now(): only tickets that are done, so the result does not depend on the clock
CREATE VIEW done_scorecard AS
SELECT t.vendor, sla_summary_agg(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution')) AS summary,
       sla_compliance(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution')) AS compliance
FROM tickets t JOIN contracts c USING (vendor)
WHERE t.done IS NOT NULL AND t.done < '2027-01-01' AND sla_target(c.policy, t.sev, 'resolution') IS NOT NULL
GROUP BY 1;
CREATE VIEW availability_report AS
SELECT c.vendor, m.month,
       availability(o.span, m.period) AS a_all, availability(o.span, m.period, c.coverage) AS a_window,
       availability(o.span, m.period, c.coverage, mt.during) AS a_maint,
       downtime(o.span, m.period) AS d_all, downtime(o.span, m.period, c.coverage) AS d_window,
       downtime(o.span, m.period, c.coverage, mt.during) AS d_maint,
       availability_agg(o.span, m.period) AS s_all, availability_agg(o.span, m.period, c.coverage) AS s_window,
       availability_agg(o.span, m.period, c.coverage, mt.during) AS s_maint
FROM contracts c JOIN outages o USING (vendor) JOIN maintenance mt USING (vendor) CROSS JOIN months m
GROUP BY c.vendor, m.month, m.period, c.coverage, mt.during;
CREATE VIEW staffing_report AS
SELECT c.vendor, m.month,
       staffed(s.span, m.period, 1) AS staffed1, staffed(s.span, m.period, c.coverage, 2) AS staffed2_window,
       understaffed(s.span, m.period, 1) AS under1, understaffed(s.span, m.period, c.coverage, 2) AS under2_window,
       staffing_agg(s.span, m.period) AS state
FROM contracts c JOIN shifts s USING (vendor) CROSS JOIN months m
GROUP BY c.vendor, m.month, m.period, c.coverage;
CREATE VIEW rollups AS
SELECT vendor, rollup(summary) AS summary, rollup(staffing) AS staffing,
       sla_compliance(rollup(summary)) AS compliance, staffed(rollup(staffing), 1) AS staffed
FROM stored_states GROUP BY vendor;
CREATE VIEW monthly_states AS
SELECT vendor, month, rollup(summary) AS summary, rollup(avail) AS avail, rollup(staffing) AS staffing
FROM stored_states GROUP BY vendor, month;
CREATE VIEW credits_owed AS
SELECT c.vendor, s.month, a.availability, k.streak, k.longest,
       sla_credit(c.credits, a.availability, 0, k.streak::int) AS credit,
       sla_credit_amount(c.credits, 10000.00, a.availability::numeric, 1, k.streak::int) AS credit_amount,
       escalation(c.credits, k.streak::int) AS ladder,
       charge(c.pricing, v.units, v.spend) AS charged
FROM contracts c
JOIN monthly_states s USING (vendor)
JOIN volumes v ON v.vendor = c.vendor AND v.month = s.month
CROSS JOIN LATERAL (SELECT availability(s.avail) AS availability) a
JOIN (SELECT vendor, month,
             miss_streak(availability(avail) >= 0.999) OVER (PARTITION BY vendor ORDER BY month) AS streak,
             longest_miss_streak(availability(avail) >= 0.999) OVER (PARTITION BY vendor) AS longest
      FROM monthly_states) k ON k.vendor = c.vendor AND k.month = s.month
WHERE c.credits IS NOT NULL;
CREATE VIEW window_calls AS
SELECT t.id, sla_elapsed(c.coverage, t.opened, t.done) AS elapsed,
       sla_deadline(c.coverage, t.opened, sla_target(c.policy, t.sev, 'resolution')) AS due,
       sla_status(c.coverage, t.opened, t.done, sla_target(c.policy, t.sev, 'resolution'), '2027-01-01') AS status,
       c.coverage @> t.opened AS open_at_start
FROM tickets t JOIN contracts c USING (vendor);

-- materialized views: the same, stored (pg_restore refreshes them after the data)
CREATE MATERIALIZED VIEW mv_scorecard AS SELECT * FROM ticket_scorecard;
CREATE MATERIALIZED VIEW mv_availability AS SELECT * FROM availability_report;
CREATE MATERIALIZED VIEW mv_staffing AS SELECT * FROM staffing_report;
CREATE MATERIALIZED VIEW mv_rollups AS SELECT * FROM rollups;
CREATE MATERIALIZED VIEW mv_monthly AS SELECT * FROM monthly_states;
CREATE MATERIALIZED VIEW mv_credits AS SELECT * FROM credits_owed;
CREATE MATERIALIZED VIEW mv_severity AS
SELECT sev, count(*) AS n, min(sev) AS mn, max(sev) AS mx FROM tickets GROUP BY sev;
CREATE UNIQUE INDEX mv_severity_sev ON mv_severity (sev);
CREATE INDEX mv_scorecard_sev_hash ON mv_scorecard USING hash (sev);
ANALYZE;
SQL
if [ -n "${MS_DUMP_SOURCE_ONLY:-}" ]; then
	echo "ok 1 - the source database $src is built"
	exit 0
fi
fi

# --------------------------------------------------------------------------
# the queries compared, one per line (each one's text output is hashed)
# --------------------------------------------------------------------------
cat >"$tmp/queries.sql" <<'SQL'
SELECT * FROM contracts ORDER BY vendor
SELECT * FROM tickets ORDER BY id
SELECT * FROM pauses ORDER BY ticket
SELECT * FROM outages ORDER BY id
SELECT * FROM shifts ORDER BY id
SELECT * FROM stored_states ORDER BY vendor, month, part
SELECT * FROM monthly_states ORDER BY vendor, month
SELECT * FROM ticket_scorecard ORDER BY 1, 2, 3
SELECT * FROM done_scorecard ORDER BY 1
SELECT * FROM availability_report ORDER BY 1, 2
SELECT * FROM staffing_report ORDER BY 1, 2
SELECT * FROM rollups ORDER BY 1
SELECT * FROM credits_owed ORDER BY 1, 2
SELECT * FROM window_calls ORDER BY 1
SELECT * FROM mv_scorecard ORDER BY 1, 2, 3
SELECT * FROM mv_availability ORDER BY 1, 2
SELECT * FROM mv_staffing ORDER BY 1, 2
SELECT * FROM mv_rollups ORDER BY 1
SELECT * FROM mv_monthly ORDER BY 1, 2
SELECT * FROM mv_credits ORDER BY 1, 2
SELECT * FROM mv_severity ORDER BY 1
SELECT * FROM clocks ORDER BY ticket
SELECT c.ticket, c.rules::text, sla_clock_elapsed(k.coverage, c.clock, '2027-01-01'), sla_clock_status(k.coverage, c.clock, k.policy, 'resolution', 'in force', '2027-01-01'), sla_clock_deadline(k.coverage, c.clock, '8 hours', '2027-01-01'), sla_clock_paused(c.clock), sla_clock_cycles(c.clock) FROM clocks c JOIN tickets t ON t.id = c.ticket JOIN contracts k ON k.vendor = t.vendor ORDER BY 1
SELECT t.vendor, sla_clock_summary_agg(k.coverage, c.clock, k.policy, 'resolution', 'at end', '2027-01-01') FROM clocks c JOIN tickets t ON t.id = c.ticket JOIN contracts k ON k.vendor = t.vendor GROUP BY 1 ORDER BY 1
SET enable_seqscan = off
SELECT vendor FROM contracts WHERE coverage = 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25,2026-12-26 hours 2026-12-24 09:00-12:00'
SELECT vendor FROM contracts WHERE policy = 'SEV0 respond 5 minutes resolve 1 hour; SEV3 resolve next business day'
SELECT vendor FROM contracts WHERE credits = 'above 4.2: 5%, above 6.5: 10%; cap 10%'
SELECT vendor FROM contracts WHERE pricing = 'graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00'
SELECT vendor FROM contracts WHERE sla_timezone(coverage) = 'America/New_York'
SELECT count(*) FROM tickets WHERE sev = 'critical'
SELECT count(*) FROM tickets WHERE sev <= 'SEV2' AND severity_level(sev) = 2
SELECT count(*) FROM tickets WHERE sla_target('SEV1 respond 1 hour resolve 4 hours'::sla_policy, sev, 'resolution') = '4 hours'
SELECT count(*), min(sev), max(sev) FROM mv_scorecard WHERE sev = 'P3'
SELECT c.vendor, t.sev, count(*) FROM tickets t JOIN contracts c ON c.worst = t.sev GROUP BY 1, 2 ORDER BY 1, 2
SQL

# run every query in one session and print one line per query: number, md5 of
# its output, lines (the lookups run with enable_seqscan off, so that the restored
# indexes answer them)
hashes() {
	local db=$1 conn=${2:-$1}
	awk '{ printf "\\echo @@query %d\n%s;\n", NR, $0 }' "$tmp/queries.sql" >"$tmp/run.sql"
	rm -rf "$tmp/out.$db"
	mkdir "$tmp/out.$db"
	psql -X -q -d "$conn" -c "SET search_path = public, ms" -c "SET timezone = 'UTC'" \
		-c "SET max_parallel_workers_per_gather = 0" \
		-f "$tmp/run.sql" >"$tmp/out.$db/all" 2>&1
	awk -v dir="$tmp/out.$db" '/^@@query / { f = dir "/" $2; printf "" > f; next } f { print > f }' "$tmp/out.$db/all"
	local n
	n=$(wc -l <"$tmp/queries.sql")
	(
		cd "$tmp/out.$db" || exit 1
		for i in $(seq 1 "$n"); do [ -f "$i" ] || echo "ERROR: no output" >"$i"; done
		# one process each for all the files (spawning is slow on a loaded machine)
		md5sum $(seq 1 "$n") >md5
		wc -l $(seq 1 "$n") >lines
		grep -l -E '^(psql:.*)?ERROR' $(seq 1 "$n") >errors
		awk 'FILENAME == "errors" { err[$1] = 1; next }
		     FILENAME == "lines" { if ($2 != "total") nl[$2] = $1; next }
		     { f = $2; if (f in err) print f, "ERROR"; else print f, $1, nl[f] }' errors lines md5
	)
}

srcconn=${from:-$src}
"$BIN/pg_dump" -Fc -d "$srcconn" -f "$tmp/src.dump" 2>"$tmp/dump.log" || { cat "$tmp/dump.log"; fail "pg_dump -Fc"; }
"$BIN/pg_dump" -d "$srcconn" -f "$tmp/src.sql" 2>"$tmp/dump.log" || { cat "$tmp/dump.log"; fail "pg_dump (plain)"; }
createdb "$dst" || fail "createdb $dst"
createdb "$dst2" || fail "createdb $dst2"
# PostgreSQL's own difference, not the extension's: 15.20 keeps an internal
# option pg_attver on every column (pg_attribute.attoptions), which its own
# pg_dump leaves out but a pg_dump released before it (18.6) copies into the
# dump as ALTER COLUMN ... SET (pg_attver=N), which no server accepts.  Across
# majors, those lines (and only those) are dropped, and the run says how many.
attver='^ALTER TABLE ONLY [^ ]+ ALTER COLUMN [^ ]+ SET \(pg_attver=[0-9]+\);$'
if [ -n "$from" ] && grep -qE "$attver" "$tmp/src.sql"; then
	echo "# $(grep -cE "$attver" "$tmp/src.sql") lines ALTER COLUMN ... SET (pg_attver=N) dropped: the source's internal column option, which this pg_dump copies"
	grep -vE "$attver" "$tmp/src.sql" >"$tmp/src.sql.new" && mv "$tmp/src.sql.new" "$tmp/src.sql"
	"$BIN/pg_restore" -f - "$tmp/src.dump" 2>"$tmp/restore.log" | grep -vE "$attver" |
		psql -X -q -v ON_ERROR_STOP=1 -d "$dst" >"$tmp/restore.log" 2>&1 ||
		{ tail -20 "$tmp/restore.log"; fail "pg_restore -f - | psql"; }
else
	"$BIN/pg_restore" --exit-on-error -d "$dst" "$tmp/src.dump" 2>"$tmp/restore.log" ||
		{ cat "$tmp/restore.log"; fail "pg_restore"; }
fi
psql -X -q -v ON_ERROR_STOP=1 -d "$dst2" -f "$tmp/src.sql" >"$tmp/plain.log" 2>&1 ||
	{ tail -20 "$tmp/plain.log"; fail "replaying the plain dump"; }

hashes "$src" "$srcconn" >"$tmp/src.md5"
hashes "$dst" >"$tmp/dst.md5"
hashes "$dst2" >"$tmp/dst2.md5"

nq=$(wc -l <"$tmp/queries.sql")
bad=0
if grep -q ERROR "$tmp/src.md5"; then
	grep ERROR "$tmp/src.md5" | sed 's/^/# source: query /'
	bad=1
fi
for f in dst dst2; do
	if ! diff "$tmp/src.md5" "$tmp/$f.md5" >"$tmp/$f.diff"; then
		echo "# $f differs from the source (query number, md5, lines):"
		sed 's/^/# /' "$tmp/$f.diff"
		bad=1
	fi
done
# the restored hash indexes are the ones answering the indexed queries
psql -X -q -d "$dst" -c "ANALYZE" || bad=1
for probe in "contracts_coverage_hash:SELECT vendor FROM contracts WHERE coverage = '24x7'" \
	"contracts_policy_hash:SELECT vendor FROM contracts WHERE policy = 'SEV1 respond 1 hour'" \
	"tickets_sev_(hash|btree):SELECT id FROM tickets WHERE sev = 'critical'" \
	"mv_scorecard_sev_hash:SELECT vendor FROM mv_scorecard WHERE sev = 'SEV3'"; do
	if ! psql -X -qAt -d "$dst" -c "SET search_path = public, ms" -c "SET enable_seqscan = off" \
		-c "SET enable_bitmapscan = off" -c "EXPLAIN (COSTS OFF) ${probe#*:}" | grep -qE "${probe%%:*}"; then
		echo "# the restored index ${probe%%:*} does not answer: ${probe#*:}"
		bad=1
	fi
done
rows=$(awk '{ s += $3 } END { print s }' "$tmp/src.md5")
if [ "$bad" -ne 0 ]; then
	fail "$nq queries compared after pg_restore and after a plain dump"
fi
echo "ok 1 - $what: $nq queries ($rows lines of output) identical after pg_dump -Fc | pg_restore and after a plain pg_dump | psql"
