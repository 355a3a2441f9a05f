-- cancellation latency (issue 11, item 6): how long after statement_timeout fires the
-- error comes, for the worst cases we can construct.  Target: under 100 ms.
--
-- Each case is timed in full once (bench.time_ms), then run again with
-- statement_timeout set to half that time (at least 5 ms); the latency is the wall
-- time from just before the SET to just after the error, less the timeout (so it
-- includes two round trips to the server, well under a millisecond here).  It is
-- recorded as ext_ms = latency against base_ms = 100 (the budget), target '<= 1.0'.
-- The errors "canceling statement due to statement timeout" in the output are expected.
--
--   1. the text input of a window with 100 000 holidays
--   2. deadlines from a window with 100 000 holidays (its tables built per statement)
--   3. 100-year spans in a DST zone, 200 000 rows (the clusters of a century per statement)
--   4. a deadline of 100 years of business time, 200 000 rows
--   5. availability(o, p, w) over a group of 1 000 000 outages
--   6. downtime() of a stored state of 1 000 000 outages (the final function's loop)
--   7. sla_elapsed over a multirange of 1 000 000 pieces (one call)
--   8. rollup of 100 000 availability states
--
-- Run by bench/run.sh (psql -v scale=$BENCH_SCALE); sizes scale with it.  Runs on its
-- own too (psql -f bench/cancel.sql in a scratch database): it then loads bench/lib.sql.

SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET timezone = 'UTC';
SET work_mem = '256MB';
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT to_regnamespace('bench') IS NOT NULL AS have_lib \gset
\if :have_lib
\else
\ir lib.sql
\endif
SELECT greatest(10000, round(1000000 * :scale))::bigint AS n_big,
       greatest(2000, round(200000 * :scale))::bigint AS n_rows,
       greatest(1000, round(100000 * :scale))::bigint AS n_states \gset

-- ---------------------------------------------------------------------------
-- data
-- ---------------------------------------------------------------------------
-- 100 000 holidays: every date from 1950 on but the 1st and 15th of each month
-- (so that some days stay open), mon-fri 09:00-17:00 in Europe/Berlin
CREATE TABLE cw (w sla_window);
INSERT INTO cw
SELECT sla_with_holidays('mon-fri 09:00-17:00 Europe/Berlin', array_agg(d ORDER BY d))
FROM (SELECT d FROM (SELECT (date '1950-01-01' + i) AS d FROM generate_series(0, 110000) i) s
      WHERE extract(day FROM d) NOT IN (1, 15) ORDER BY d LIMIT 100000) s;
SELECT w::text AS w100k FROM cw \gset
SELECT cardinality(sla_holidays(w)) AS holidays FROM cw;

-- 1 000 000 outages in one group (2026), 10 s every 30 s (apart: nothing merges), shuffled
CREATE TABLE co (during tstzrange);
INSERT INTO co
SELECT tstzrange(t, t + interval '10 seconds')
FROM (SELECT timestamptz '2026-01-01' + g * (interval '364 days' / :n_big) AS t
      FROM generate_series(0, :n_big - 1) g) s
ORDER BY md5(t::text);
-- the same as a stored state, uncompressed
CREATE TABLE cs (s availability_state);
ALTER TABLE cs ALTER s SET STORAGE EXTERNAL;
INSERT INTO cs SELECT availability_agg(during, '[2026-01-01,2027-01-01)', 'mon-fri 09:00-17:00 Europe/Berlin') FROM co;
-- a multirange of 1 000 000 pieces, uncompressed
CREATE TABLE cm (mr tstzmultirange);
ALTER TABLE cm ALTER mr SET STORAGE EXTERNAL;
INSERT INTO cm
SELECT range_agg(tstzrange(t, t + interval '1 minute'))
FROM generate_series(timestamptz '2000-01-01', timestamptz '2000-01-01' + (:n_big - 1) * interval '7 minutes',
                     interval '7 minutes') t;
-- 100 000 one-outage states, shuffled
CREATE TABLE cr AS
SELECT g, availability_agg(tstzrange(t, t + interval '5 minutes'), '[2026-01-01,2027-01-01)') AS s
FROM (SELECT g, timestamptz '2026-01-01' + g * interval '300 seconds' AS t FROM generate_series(1, :n_states) g) x
GROUP BY g ORDER BY md5(g::text);
ANALYZE cw, co, cs, cm, cr;

-- ---------------------------------------------------------------------------
-- the cases: set name and q, then the same block each time
-- ---------------------------------------------------------------------------
\set name '1. text input, window of 100 000 holidays'
\set q 'SELECT length(w::text) FROM (SELECT (' :'w100k' '::text)::sla_window AS w) s'
\ir cancel_case.psql

\set name '2. deadlines, window of 100 000 holidays'
\set q 'SELECT max(sla_deadline(w, timestamptz ''1950-01-02'' + g * interval ''1 day'', ''400 hours'')) FROM cw, generate_series(1, 20000) g'
\ir cancel_case.psql

\set name '3. 100-year spans in Europe/Berlin'
\set q 'SELECT sum(extract(epoch FROM sla_elapsed(''mon-fri 09:00-17:00 Europe/Berlin'', t, t + interval ''100 years''))) FROM (SELECT timestamptz ''1950-01-01'' + g * interval ''1 hour'' AS t FROM generate_series(1, ' :n_rows ') g) s'
\ir cancel_case.psql

\set name '4. deadlines of 100 years of business time'
\set q 'SELECT max(sla_deadline(''mon-fri 09:00-17:00 Europe/Berlin'', t, ''208000 hours'')) FROM (SELECT timestamptz ''1950-01-01'' + g * interval ''1 hour'' AS t FROM generate_series(1, ' :n_rows ') g) s'
\ir cancel_case.psql

\set name '5. availability(o, p, w), one group of 1 000 000 outages'
\set q 'SELECT availability(during, ''[2026-01-01,2027-01-01)'', ''mon-fri 09:00-17:00 Europe/Berlin'') FROM co'
\ir cancel_case.psql

\set name '6. downtime() of a stored state of 1 000 000 outages'
\set q 'SELECT downtime(s) FROM cs'
\ir cancel_case.psql

\set name '7. sla_elapsed over a multirange of 1 000 000 pieces'
\set q 'SELECT sla_elapsed(''mon-fri 09:00-17:00'', mr) FROM cm'
\ir cancel_case.psql

\set name '8. rollup of 100 000 availability states'
\set q 'SELECT downtime(rollup(s)) FROM cr'
\ir cancel_case.psql

DROP TABLE cw, co, cs, cm, cr;
