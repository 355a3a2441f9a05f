-- staffing benchmark: the speed target of the staffing issue.
--
--   1. staffed(shift, period, k) over 1M shifts in 1 000 groups (team x month) against the
--      plain-SQL sweep over shift endpoints (clip, +1/-1 per end, running sum, lead)   >= 3x
--   2. the same in coverage hours: staffed(shift, period, w, k) against the sweep measuring
--      each stretch with sla_elapsed                                                    info
--
-- Run by bench/run.sh (psql -v scale=$BENCH_SCALE); the row count scales with it.  Runs on
-- its own too (psql -f bench/staffing.sql in a scratch database): it then loads
-- bench/lib.sql itself.

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
SELECT greatest(10000, round(1000000 * :scale))::bigint AS n_shifts \gset

-- ---------------------------------------------------------------------------
-- data (deterministic): 50 teams x 20 months, 1 000 shifts per team and month of 4 to 10
-- hours starting on the half hour anywhere in the month (plus a day either side, so that
-- some are clipped): about 8 agents on shift at a time
-- ---------------------------------------------------------------------------
SELECT setseed(0.2323) AS seed \gset
CREATE TABLE st_shift (team int NOT NULL, month date NOT NULL, period tstzrange NOT NULL, shift tstzrange);
INSERT INTO st_shift
SELECT team, month, tstzrange(month, (month + interval '1 month')::date),
       tstzrange(s, s + floor(4 + random() * 7) * interval '1 hour')
FROM (SELECT team, month,
             month::timestamptz - interval '1 day' + floor(random() * 33 * 48) * interval '30 minutes' AS s
      FROM (SELECT k % 50 AS team, (date '2025-01-01' + ((k / 50) % 20) * interval '1 month')::date AS month
            FROM generate_series(0, :n_shifts - 1) k) g) x;
CREATE TABLE st_contract (team int PRIMARY KEY, w sla_window NOT NULL);
INSERT INTO st_contract SELECT t, 'mon-fri 08:00-18:00 Europe/Berlin' FROM generate_series(0, 49) t;
VACUUM ANALYZE st_shift, st_contract;
SELECT bench.settle() AS settled \gset

SELECT count(*) AS shifts, count(DISTINCT (team, month)) AS groups, pg_size_pretty(pg_table_size('st_shift')) AS size
FROM st_shift;

-- the extension
\set q_ext 'SELECT team, month, staffed(shift, period, 8) FROM st_shift GROUP BY team, month'
-- the plain-SQL sweep over the shift endpoints, done right: clip, +1 at each start and -1 at
-- each end, changes summed per instant, the depth as a running sum, stretches to the next instant
\set q_base 'SELECT team, month, coalesce(sum(extract(epoch FROM nt - t)) FILTER (WHERE depth >= 8), 0) / max(extract(epoch FROM upper(period) - lower(period))) FROM (SELECT team, month, period, t, lead(t) OVER w AS nt, sum(d) OVER w AS depth FROM (SELECT team, month, period, t, sum(d) AS d FROM (SELECT team, month, period, lower(shift * period) AS t, 1 AS d FROM st_shift WHERE NOT isempty(shift * period) UNION ALL SELECT team, month, period, upper(shift * period), -1 FROM st_shift WHERE NOT isempty(shift * period)) e GROUP BY team, month, period, t) p WINDOW w AS (PARTITION BY team, month ORDER BY t)) s GROUP BY team, month'
-- coverage hours
\set q_ext_w 'SELECT team, month, staffed(shift, period, w, 8) FROM st_shift JOIN st_contract USING (team) GROUP BY team, month'
\set q_base_w 'SELECT team, month, coalesce(sum(extract(epoch FROM sla_elapsed(w, t, nt))) FILTER (WHERE depth >= 8), 0) / max(extract(epoch FROM sla_elapsed(w, lower(period), upper(period)))) FROM (SELECT team, month, period, w, t, lead(t) OVER win AS nt, sum(d) OVER win AS depth FROM (SELECT team, month, period, w, t, sum(d) AS d FROM (SELECT team, month, period, lower(shift * period) AS t, 1 AS d FROM st_shift WHERE NOT isempty(shift * period) UNION ALL SELECT team, month, period, upper(shift * period), -1 FROM st_shift WHERE NOT isempty(shift * period)) e JOIN st_contract USING (team) GROUP BY team, month, period, w, t) p WINDOW win AS (PARTITION BY team, month ORDER BY t)) s GROUP BY team, month'

-- the answers agree before anything is timed
CREATE TEMP TABLE st_check AS
SELECT e.team, e.month, e.a AS e, b.a AS b, ew.a AS ew, bw.a AS bw
FROM (:q_ext) e(team, month, a)
JOIN (:q_base) b(team, month, a) USING (team, month)
JOIN (:q_ext_w) ew(team, month, a) USING (team, month)
JOIN (:q_base_w) bw(team, month, a) USING (team, month);
SELECT count(*) AS groups, count(*) FILTER (WHERE abs(e - b) < 1e-12) AS agree,
       count(*) FILTER (WHERE abs(ew - bw) < 1e-12) AS agree_window,
       round(avg(e)::numeric, 4) AS avg_staffed_8, round(avg(ew)::numeric, 4) AS avg_staffed_8_window
FROM st_check;

SELECT bench.compare('staffing', '1M shifts / 1000 groups: staffed(shift, period, 8) vs plain-SQL endpoint sweep',
                     :'q_ext', :'q_base', '>= 3', :n_shifts, :n_shifts, 3);
SELECT bench.compare('staffing', '1M shifts, coverage hours: staffed(shift, period, w, 8) vs sweep + sla_elapsed',
                     :'q_ext_w', :'q_base_w', 'info (speed-up)', :n_shifts, :n_shifts, 3);

DROP TABLE st_shift, st_contract, st_check;
