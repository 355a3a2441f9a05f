-- sla_window benchmarks: the speed targets of the sla_window issue.
--
--   1. sla_elapsed over 1M tickets, window constant / from a joined contracts
--      row, against the floor sum(resolved_at - opened_at)          <= 3.0
--   2. the plain-SQL way (generate_series over local dates) on a 2 000-row
--      sample, per row                                               >= 100x
--   3. span independence of sla_elapsed: 365-day / 1-hour spans      <= 1.5
--   4. sla_deadline '4 hours' and '2 days' over 1M tickets against the floor
--      max(opened_at + interval '4 hours')                          <= 3.0
--      and a plain-SQL deadline on a 500-row sample, per row         >= 100x
--   5. span independence of sla_deadline: '2000 hours' / '1 hour'    <= 1.5
--   6. the window parsed once per query, not per row: the window from a
--      column (same value in every row) / the window as a constant   ~ 1.0
--
-- Run by bench/run.sh (psql -v scale=$BENCH_SCALE); row counts scale with it.
-- Timings are the best of several runs; the queries compared with each other
-- run in turn (bench.time_many, bench.compare) so that load hits all alike.

SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET timezone = 'UTC';
SET work_mem = '64MB';
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT greatest(4000, round(1000000 * :scale))::bigint AS n_tickets,
       greatest(1000, round(100000 * :scale))::bigint AS n_span,
       2000 AS n_sample, 500 AS n_dl_sample \gset

-- German-style holidays 2025-2027: the national ones (New Year, Good Friday,
-- Easter Monday, 1 May, Ascension, Whit Monday, 3 October, Christmas) plus
-- Epiphany, Corpus Christi, All Saints and the company's 24 and 31 December.
\set holidays '2025-01-01,2025-01-06,2025-04-18,2025-04-21,2025-05-01,2025-05-29,2025-06-09,2025-06-19,2025-10-03,2025-11-01,2025-12-24,2025-12-25,2025-12-26,2025-12-31,2026-01-01,2026-01-06,2026-04-03,2026-04-06,2026-05-01,2026-05-14,2026-05-25,2026-06-04,2026-10-03,2026-11-01,2026-12-24,2026-12-25,2026-12-26,2026-12-31,2027-01-01,2027-01-06,2027-03-26,2027-03-29,2027-05-01,2027-05-06,2027-05-17,2027-05-27,2027-10-03,2027-11-01,2027-12-24,2027-12-25,2027-12-26,2027-12-31'
\set win 'mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays ' :holidays
-- the same window in a zone without DST, to show what the DST transitions cost
\set win_utc 'mon-fri 08:00-12:00,13:00-17:00 UTC holidays ' :holidays

-- ---------------------------------------------------------------------------
-- data (deterministic)
-- ---------------------------------------------------------------------------
-- opened_at uniform over 2025-2026 (whole seconds); durations log-uniform from
-- 1 minute to 6 weeks (60 480 minutes): median about 4 hours, long tail.
SELECT setseed(0.2025) AS seed \gset
CREATE TABLE tickets (id serial, opened_at timestamptz NOT NULL, resolved_at timestamptz NOT NULL);
INSERT INTO tickets (opened_at, resolved_at)
SELECT o, o + make_interval(secs => d)
FROM (SELECT to_timestamp(1735689600 + floor(random() * 730 * 86400)) AS o,   -- 2025-01-01 00:00 UTC + [0, 730 days)
             floor(60 * exp(random() * ln(60480))) AS d
      FROM generate_series(1, :n_tickets)) x;

-- the same opened_at in both span tables: only the span differs
CREATE TABLE span_1h (id serial, opened_at timestamptz NOT NULL, resolved_at timestamptz NOT NULL);
INSERT INTO span_1h (opened_at, resolved_at)
SELECT o, o + interval '1 hour'
FROM (SELECT to_timestamp(1735689600 + floor(random() * 730 * 86400)) AS o FROM generate_series(1, :n_span)) x;
CREATE TABLE span_365d AS SELECT id, opened_at, opened_at + interval '365 days' AS resolved_at FROM span_1h;

-- samples for the plain-SQL baselines, spread over the whole table
CREATE TABLE sample_2k AS
	SELECT * FROM tickets WHERE id % (:n_tickets / :n_sample) = 0 ORDER BY id LIMIT :n_sample;
CREATE TABLE sample_500 AS
	SELECT * FROM tickets WHERE id % (:n_tickets / :n_dl_sample) = 7 ORDER BY id LIMIT :n_dl_sample;
-- the extension's per-row time is measured on the same rows repeated (200 000
-- rows): on 2 000 or 500 rows alone the fixed cost of a query (~0.05 ms) would
-- count as a sizeable part of the extension's "per-row" time
CREATE TABLE sample_2k_rep AS SELECT s.* FROM generate_series(1, 100) k CROSS JOIN sample_2k s;
CREATE TABLE sample_500_rep AS SELECT s.* FROM generate_series(1, 400) k CROSS JOIN sample_500 s;
SELECT (SELECT count(*) FROM sample_2k_rep) AS n_sample_rep, (SELECT count(*) FROM sample_500_rep) AS n_dl_sample_rep \gset

-- what a user without the extension has: a holiday table and the daily ranges
CREATE TABLE holidays (day date PRIMARY KEY);
INSERT INTO holidays SELECT unnest(string_to_array(:'holidays', ','))::date;
CREATE TABLE day_ranges (starts time NOT NULL, ends time NOT NULL);
INSERT INTO day_ranges VALUES ('08:00', '12:00'), ('13:00', '17:00');

-- a one-row contracts table, and every ticket with its contract's window
CREATE TABLE contracts (id int PRIMARY KEY, name text NOT NULL, w sla_window NOT NULL);
INSERT INTO contracts VALUES (1, 'helpdesk Berlin', :'win');
CREATE TABLE tickets_w AS SELECT t.id, t.opened_at, t.resolved_at, c.w FROM tickets t CROSS JOIN contracts c;

VACUUM ANALYZE tickets, span_1h, span_365d, sample_2k, sample_500, sample_2k_rep, sample_500_rep, holidays, day_ranges, contracts, tickets_w;
SELECT bench.settle() AS settled \gset

-- read everything once so that it is in cache
SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM span_1h) AS span_1h,
       (SELECT count(*) FROM span_365d) AS span_365d, (SELECT count(*) FROM tickets_w) AS tickets_w,
       (SELECT count(*) FROM sample_2k) AS sample_2k, (SELECT count(*) FROM sample_500) AS sample_500,
       (SELECT count(*) FROM sample_2k_rep) AS sample_2k_rep, (SELECT count(*) FROM sample_500_rep) AS sample_500_rep,
       (SELECT count(*) FROM holidays) AS holidays,
       pg_size_pretty(pg_table_size('tickets')) AS tickets_size,
       pg_size_pretty(pg_table_size('tickets_w')) AS tickets_w_size;

SELECT :'win'::sla_window AS canonical_window \gset
\echo window: :canonical_window
SELECT 'all tickets' AS rows, min(resolved_at - opened_at) AS min,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS median,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS p90,
       percentile_disc(0.99) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS p99,
       max(resolved_at - opened_at) AS max, min(opened_at) AS first_opened, max(opened_at) AS last_opened
FROM tickets
UNION ALL
SELECT 'sample_2k', min(resolved_at - opened_at),
       percentile_disc(0.5) WITHIN GROUP (ORDER BY resolved_at - opened_at),
       percentile_disc(0.9) WITHIN GROUP (ORDER BY resolved_at - opened_at),
       percentile_disc(0.99) WITHIN GROUP (ORDER BY resolved_at - opened_at),
       max(resolved_at - opened_at), min(opened_at), max(opened_at)
FROM sample_2k;

-- ---------------------------------------------------------------------------
-- the plain-SQL baselines, written as a competent SQL user would
-- ---------------------------------------------------------------------------
-- business time: every local date the ticket touches, its two ranges as local
-- times converted with AT TIME ZONE, weekends and holidays excluded, each
-- range clipped to [opened_at, resolved_at)
CREATE VIEW plain_elapsed_2k AS
SELECT t.id,
       (SELECT coalesce(sum(least(o.e, t.resolved_at) - greatest(o.s, t.opened_at)), interval '0')
        FROM (SELECT (g.day + r.starts) AT TIME ZONE 'Europe/Berlin' AS s,
                     (g.day + r.ends) AT TIME ZONE 'Europe/Berlin' AS e
              FROM generate_series((t.opened_at AT TIME ZONE 'Europe/Berlin')::date::timestamp,
                                   (t.resolved_at AT TIME ZONE 'Europe/Berlin')::date::timestamp,
                                   interval '1 day') AS g(day)
              CROSS JOIN day_ranges r
              WHERE extract(isodow FROM g.day) < 6
                AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.day = g.day::date)) o
        WHERE o.e > t.opened_at AND o.s < t.resolved_at) AS business
FROM sample_2k t;

-- deadline: the open intervals of the next 15 local days (enough for these
-- targets even across Christmas), a running sum, the first interval where the
-- running sum reaches the target, minus the overshoot.  With equal business
-- days, '2 days' of sla_deadline is 16 business hours in this window.
SELECT format($v$
CREATE VIEW %I AS
SELECT t.id, t.opened_at,
       (SELECT y.e - (y.reached - %L::interval)
        FROM (SELECT x.s, x.e, sum(x.e - x.s) OVER (ORDER BY x.s) AS reached
              FROM (SELECT greatest((g.day + r.starts) AT TIME ZONE 'Europe/Berlin', t.opened_at) AS s,
                           (g.day + r.ends) AT TIME ZONE 'Europe/Berlin' AS e
                    FROM generate_series((t.opened_at AT TIME ZONE 'Europe/Berlin')::date::timestamp,
                                         (t.opened_at AT TIME ZONE 'Europe/Berlin')::date::timestamp + interval '14 days',
                                         interval '1 day') AS g(day)
                    CROSS JOIN day_ranges r
                    WHERE extract(isodow FROM g.day) < 6
                      AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.day = g.day::date)) x
              WHERE x.e > x.s) y
        WHERE y.reached >= %L::interval
        ORDER BY y.s
        LIMIT 1) AS due
FROM sample_500 t$v$, v, target, target)
FROM (VALUES ('plain_deadline_4h', '4 hours'), ('plain_deadline_16h', '16 hours')) AS x(v, target) \gexec

-- ---------------------------------------------------------------------------
-- 1. sla_elapsed over all tickets against the floor
-- ---------------------------------------------------------------------------
\echo
\echo == 1. sla_elapsed over :n_tickets tickets against the floor sum(resolved_at - opened_at)
SELECT bench.compare('window', 'elapsed, constant window / floor',
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM tickets$q$, :'win'),
	$q$SELECT sum(resolved_at - opened_at) FROM tickets$q$,
	'<= 3.0', :n_tickets, :n_tickets, 7) AS line \gset
-- the floor includes the same one-row join; the plain floor is reported too
SELECT t[1] AS t_join, t[2] AS f_join, t[3] AS f_plain FROM bench.time_many(ARRAY[
	$q$SELECT sum(sla_elapsed(c.w, t.opened_at, t.resolved_at)) FROM tickets t CROSS JOIN contracts c$q$,
	$q$SELECT sum(t.resolved_at - t.opened_at) FROM tickets t CROSS JOIN contracts c$q$,
	$q$SELECT sum(resolved_at - opened_at) FROM tickets$q$], 7) AS t \gset
SELECT bench.record('window', 'elapsed, window joined from contracts / floor with the join', :t_join, :f_join,
	'<= 3.0', :n_tickets, :n_tickets) AS line \gset
SELECT bench.record('window', 'elapsed, window joined from contracts / plain floor', :t_join, :f_plain,
	'info', :n_tickets, :n_tickets) AS line \gset
EXPLAIN (COSTS OFF) SELECT sum(sla_elapsed(c.w, t.opened_at, t.resolved_at)) FROM tickets t CROSS JOIN contracts c;

-- ---------------------------------------------------------------------------
-- 2. the plain-SQL way on a sample
-- ---------------------------------------------------------------------------
\echo
\echo == 2. plain SQL (generate_series over local dates) against sla_elapsed, :n_sample tickets
SELECT sum(p.business) AS plain_sql_sum,
       sum(sla_elapsed(:'win', t.opened_at, t.resolved_at)) AS extension_sum,
       round(extract(epoch FROM sum(p.business)) / 3600, 4) AS plain_sql_hours,
       round(extract(epoch FROM sum(sla_elapsed(:'win', t.opened_at, t.resolved_at))) / 3600, 4) AS extension_hours,
       count(*) AS tickets,
       count(*) FILTER (WHERE p.business <> sla_elapsed(:'win', t.opened_at, t.resolved_at)) AS tickets_differing
FROM sample_2k t JOIN plain_elapsed_2k p USING (id);
SELECT count(*) = 0 AS elapsed_agree
FROM sample_2k t JOIN plain_elapsed_2k p USING (id)
WHERE p.business IS DISTINCT FROM sla_elapsed(:'win', t.opened_at, t.resolved_at) \gset
\if :elapsed_agree
\echo sla_elapsed and the plain-SQL baseline agree on every sampled ticket
\else
\echo !!!!!!!! MISMATCH: sla_elapsed and the plain-SQL baseline differ (a bug in one of them); first differences:
SELECT t.id, t.opened_at, t.resolved_at, p.business AS plain_sql,
       sla_elapsed(:'win', t.opened_at, t.resolved_at) AS extension
FROM sample_2k t JOIN plain_elapsed_2k p USING (id)
WHERE p.business IS DISTINCT FROM sla_elapsed(:'win', t.opened_at, t.resolved_at)
ORDER BY t.id LIMIT 10;
\endif
INSERT INTO bench_results (bench, metric, target, met, ext_rows, base_rows)
VALUES ('window', 'check: sla_elapsed = plain SQL on every sampled ticket', 'identical', :'elapsed_agree'::bool, :n_sample, :n_sample);
SELECT t[1] AS t_ext, t[2] AS t_plain, t[3] AS f_sample FROM bench.time_many(ARRAY[
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM sample_2k_rep$q$, :'win'),
	$q$SELECT sum(business) FROM plain_elapsed_2k$q$,
	$q$SELECT sum(resolved_at - opened_at) FROM sample_2k_rep$q$], 9) AS t \gset
SELECT round((:t_plain * 1000 / :n_sample)::numeric, 3) AS plain_sql_us_per_row,
       round((:t_ext * 1000 / :n_sample_rep)::numeric, 3) AS extension_us_per_row,
       round((:f_sample * 1000 / :n_sample_rep)::numeric, 3) AS floor_us_per_row;
SELECT bench.record('window', 'elapsed, day-by-day plain SQL / extension per row (sample)', :t_ext, :t_plain,
	'>= 100', :n_sample_rep, :n_sample) AS line \gset
SELECT bench.record('window', 'elapsed, plain SQL / extension per row (sample), both net of floor',
	:t_ext - :f_sample, :t_plain - :f_sample * :n_sample / :n_sample_rep, 'info (speed-up)', :n_sample_rep, :n_sample) AS line \gset

-- 2b. The literal "generate_series business hours" way: one row per minute of
-- the ticket, kept when its Berlin wall time is a weekday business minute that
-- is not a holiday.  On minute-aligned copies of 300 sampled tickets the count
-- is exact, so it must equal sla_elapsed.
CREATE TEMP TABLE sample_min AS
SELECT id, date_trunc('minute', opened_at) AS opened_at, date_trunc('minute', resolved_at) AS resolved_at
FROM sample_2k ORDER BY id LIMIT 300;
CREATE TEMP TABLE sample_min_rep AS SELECT s.* FROM generate_series(1, 500) k CROSS JOIN sample_min s;
SELECT count(*) AS n_min, (SELECT count(*) FROM sample_min_rep) AS n_min_rep FROM sample_min \gset
\set minute_sql 'SELECT t.id, (SELECT count(*) FROM generate_series(t.opened_at, t.resolved_at - interval ''1 minute'', interval ''1 minute'') m WHERE extract(isodow FROM m AT TIME ZONE ''Europe/Berlin'') < 6 AND (((m AT TIME ZONE ''Europe/Berlin'')::time >= ''08:00'' AND (m AT TIME ZONE ''Europe/Berlin'')::time < ''12:00'') OR ((m AT TIME ZONE ''Europe/Berlin'')::time >= ''13:00'' AND (m AT TIME ZONE ''Europe/Berlin'')::time < ''17:00'')) AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.day = (m AT TIME ZONE ''Europe/Berlin'')::date)) * interval ''1 minute'' AS business FROM sample_min t'
SELECT count(*) = 0 AS minute_agree FROM (:minute_sql) p JOIN sample_min t USING (id)
WHERE p.business <> sla_elapsed(:'win', t.opened_at, t.resolved_at) \gset
\if :minute_agree
\echo the minute-by-minute generate_series baseline agrees with sla_elapsed on every sampled ticket
\else
\echo !!!!!!!! MISMATCH between sla_elapsed and the minute-by-minute generate_series baseline
\endif
INSERT INTO bench_results (bench, metric, target, met, ext_rows, base_rows)
VALUES ('window', 'check: sla_elapsed = minute-by-minute generate_series on every sampled ticket', 'identical', :'minute_agree'::bool, :n_min, :n_min);
SELECT t[1] AS t_ext_min, t[2] AS t_minute FROM bench.time_many(ARRAY[
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM sample_min_rep$q$, :'win'),
	format($q$SELECT sum(business) FROM (%s) p$q$, :'minute_sql')], 3) AS t \gset
SELECT bench.record('window', 'elapsed, minute-by-minute generate_series / extension per row (sample)', :t_ext_min, :t_minute,
	'>= 100', :n_min_rep, :n_min) AS line \gset

-- ---------------------------------------------------------------------------
-- 3. span independence of sla_elapsed
-- ---------------------------------------------------------------------------
\echo
\echo == 3. sla_elapsed over :n_span 365-day spans against :n_span 1-hour spans
-- (the last two: the same window in UTC, no DST transition to cross)
SELECT t[1] AS t_365, t[2] AS f_365, t[3] AS t_1h, t[4] AS f_1h, t[5] AS t_365u, t[6] AS t_1hu FROM bench.time_many(ARRAY[
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM span_365d$q$, :'win'),
	$q$SELECT sum(resolved_at - opened_at) FROM span_365d$q$,
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM span_1h$q$, :'win'),
	$q$SELECT sum(resolved_at - opened_at) FROM span_1h$q$,
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM span_365d$q$, :'win_utc'),
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM span_1h$q$, :'win_utc')], 11) AS t \gset
-- the target speaks of what rows cost (scan included); the function alone is reported too
SELECT bench.record('window', 'elapsed span independence 365d / 1h, rows', :t_365, :t_1h, '<= 1.5', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'elapsed span independence 365d / 1h, net of floor', :t_365 - :f_365, :t_1h - :f_1h,
	'info', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'elapsed 1-hour spans / floor', :t_1h, :f_1h, 'info', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'elapsed 365-day spans / floor', :t_365, :f_365, 'info', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'elapsed span independence 365d / 1h, window in UTC (no DST), net of floor',
	:t_365u - :f_365, :t_1hu - :f_1h, 'info', :n_span, :n_span) AS line \gset

-- ---------------------------------------------------------------------------
-- 4. sla_deadline over all tickets against the floor, and the plain-SQL way
-- ---------------------------------------------------------------------------
\echo
\echo '== 4. sla_deadline over' :n_tickets 'tickets against the floor max(opened_at + interval ''4 hours'')'
SELECT bench.compare('window', 'deadline 4 hours / floor',
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '4 hours')) FROM tickets$q$, :'win'),
	$q$SELECT max(opened_at + interval '4 hours') FROM tickets$q$,
	'<= 3.0', :n_tickets, :n_tickets, 7) AS line \gset
SELECT bench.compare('window', 'deadline 2 days / floor',
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '2 days')) FROM tickets$q$, :'win'),
	$q$SELECT max(opened_at + interval '4 hours') FROM tickets$q$,
	'<= 3.0', :n_tickets, :n_tickets, 7) AS line \gset
-- in this window (equal business days) '2 days' is the same deadline as
-- '16 hours': the difference is the cost of the business-day step
SELECT bench.compare('window', 'deadline 16 hours (= 2 days here) / floor',
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '16 hours')) FROM tickets$q$, :'win'),
	$q$SELECT max(opened_at + interval '4 hours') FROM tickets$q$,
	'info', :n_tickets, :n_tickets, 3) AS line \gset
SELECT count(*) AS tickets,
       count(*) FILTER (WHERE sla_deadline(:'win', opened_at, '2 days') IS DISTINCT FROM sla_deadline(:'win', opened_at, '16 hours'))
         AS two_days_differs_from_16_hours
FROM tickets;

\echo
\echo == 4b. plain SQL (running sum over the open intervals) against sla_deadline, :n_dl_sample tickets
SELECT '4 hours' AS target, count(*) AS tickets,
       count(*) FILTER (WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '4 hours')) AS differing,
       min(p.due) AS first_due, max(p.due) AS last_due
FROM plain_deadline_4h p
UNION ALL
SELECT '2 days (16 hours)', count(*),
       count(*) FILTER (WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '2 days')),
       min(p.due), max(p.due)
FROM plain_deadline_16h p;
SELECT (SELECT count(*) FROM plain_deadline_4h p WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '4 hours'))
     + (SELECT count(*) FROM plain_deadline_16h p WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '2 days'))
     = 0 AS deadline_agree \gset
\if :deadline_agree
\echo sla_deadline and the plain-SQL baseline agree on every sampled ticket
\else
\echo !!!!!!!! MISMATCH: sla_deadline and the plain-SQL baseline differ (a bug in one of them); first differences:
SELECT '4 hours' AS target, p.id, p.opened_at, p.due AS plain_sql, sla_deadline(:'win', p.opened_at, '4 hours') AS extension
FROM plain_deadline_4h p WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '4 hours')
UNION ALL
SELECT '2 days', p.id, p.opened_at, p.due, sla_deadline(:'win', p.opened_at, '2 days')
FROM plain_deadline_16h p WHERE p.due IS DISTINCT FROM sla_deadline(:'win', p.opened_at, '2 days')
ORDER BY 1, 2 LIMIT 10;
\endif
INSERT INTO bench_results (bench, metric, target, met, ext_rows, base_rows)
VALUES ('window', 'check: sla_deadline = plain SQL on every sampled ticket (4 hours, 2 days)', 'identical', :'deadline_agree'::bool, :n_dl_sample, :n_dl_sample);
SELECT t[1] AS t_ext, t[2] AS t_plain, t[3] AS f_sample FROM bench.time_many(ARRAY[
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '4 hours')) FROM sample_500_rep$q$, :'win'),
	$q$SELECT max(due) FROM plain_deadline_4h$q$,
	$q$SELECT max(opened_at + interval '4 hours') FROM sample_500_rep$q$], 9) AS t \gset
SELECT round((:t_plain * 1000 / :n_dl_sample)::numeric, 3) AS plain_sql_us_per_row,
       round((:t_ext * 1000 / :n_dl_sample_rep)::numeric, 3) AS extension_us_per_row,
       round((:f_sample * 1000 / :n_dl_sample_rep)::numeric, 3) AS floor_us_per_row;
SELECT bench.record('window', 'deadline 4 hours, plain SQL / extension per row (sample)', :t_ext, :t_plain,
	'>= 100', :n_dl_sample_rep, :n_dl_sample) AS line \gset
SELECT bench.record('window', 'deadline 4 hours, plain SQL / extension per row (sample), both net of floor',
	:t_ext - :f_sample, :t_plain - :f_sample * :n_dl_sample / :n_dl_sample_rep, 'info (speed-up)', :n_dl_sample_rep, :n_dl_sample) AS line \gset

-- ---------------------------------------------------------------------------
-- 5. span independence of sla_deadline
-- ---------------------------------------------------------------------------
\echo
\echo '== 5. sla_deadline ''2000 hours'' against ''1 hour'',' :n_span 'tickets each'
-- (the last two: the same window in UTC, no DST transition to cross)
SELECT t[1] AS t_2000, t[2] AS f_2000, t[3] AS t_1, t[4] AS f_1, t[5] AS t_2000u, t[6] AS t_1u FROM bench.time_many(ARRAY[
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '2000 hours')) FROM span_1h$q$, :'win'),
	$q$SELECT max(opened_at + interval '2000 hours') FROM span_1h$q$,
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '1 hour')) FROM span_1h$q$, :'win'),
	$q$SELECT max(opened_at + interval '1 hour') FROM span_1h$q$,
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '2000 hours')) FROM span_1h$q$, :'win_utc'),
	format($q$SELECT max(sla_deadline(%L::sla_window, opened_at, interval '1 hour')) FROM span_1h$q$, :'win_utc')], 11) AS t \gset
-- the target speaks of what rows cost (scan included); the function alone is reported too
SELECT bench.record('window', 'deadline span independence 2000h / 1h, rows', :t_2000, :t_1, '<= 1.5', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'deadline span independence 2000h / 1h, net of floor', :t_2000 - :f_2000, :t_1 - :f_1,
	'info', :n_span, :n_span) AS line \gset
SELECT bench.record('window', 'deadline span independence 2000h / 1h, window in UTC (no DST), net of floor',
	:t_2000u - :f_2000, :t_1u - :f_1, 'info', :n_span, :n_span) AS line \gset

-- ---------------------------------------------------------------------------
-- 6. the window is parsed once per query, not per row
-- ---------------------------------------------------------------------------
\echo
\echo == 6. window from a column (the same value in all :n_tickets rows) against the window as a constant
SELECT t[1] AS t_col, t[2] AS t_const, t[3] AS f_w FROM bench.time_many(ARRAY[
	$q$SELECT sum(sla_elapsed(w, opened_at, resolved_at)) FROM tickets_w$q$,
	format($q$SELECT sum(sla_elapsed(%L::sla_window, opened_at, resolved_at)) FROM tickets_w$q$, :'win'),
	$q$SELECT sum(resolved_at - opened_at) FROM tickets_w$q$], 7) AS t \gset
SELECT bench.record('window', 'elapsed, window from a column / constant window', :t_col, :t_const,
	'<= 1.2', :n_tickets, :n_tickets) AS line \gset
SELECT bench.record('window', 'elapsed, window from a column / constant window, net of floor', :t_col - :f_w, :t_const - :f_w,
	'info', :n_tickets, :n_tickets) AS line \gset
-- what parsing every row would cost: the window through text and back on each row
SELECT bench.compare('window', 'elapsed, window re-parsed from text every row / from a column',
	format($q$SELECT sum(sla_elapsed(w::text::sla_window, opened_at, resolved_at)) FROM (SELECT * FROM tickets_w LIMIT %s) t$q$, :n_span),
	format($q$SELECT sum(sla_elapsed(w, opened_at, resolved_at)) FROM (SELECT * FROM tickets_w LIMIT %s) t$q$, :n_span),
	'info', :n_span, :n_span, 3) AS line \gset

\echo
SELECT metric, round(ext_ms::numeric, 1) AS ext_ms, round(bench.ns(ext_ms, ext_rows)::numeric, 1) AS ext_ns_row,
       round(base_ms::numeric, 1) AS base_ms, round(bench.ns(base_ms, base_rows)::numeric, 1) AS base_ns_row,
       round(ratio::numeric, 2) AS ratio, target, met
FROM bench_results WHERE bench = 'window' ORDER BY seq;
