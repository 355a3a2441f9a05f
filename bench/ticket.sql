-- Benchmarks of the ticket-SLA aggregate (issue: sla_summary_agg).
--   1. 24x7 window, 2M tickets grouped by month and severity, against the floor
--      count(*) FILTER (WHERE resolved_at <= opened_at + target): target <= 1.5
--   2. business-hours window against calling sla_elapsed on the same rows: <= 1.3
--   3. the speed-up of 2 parallel workers against none (reported)
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET timezone = 'UTC';
SET work_mem = '64MB';
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT (2000000 * :scale)::int AS n_tickets \gset
\set as_of '2026-11-01 00:00+00'
\set win 'mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2025-01-01,2025-04-18,2025-04-21,2025-05-01,2025-05-29,2025-06-09,2025-10-03,2025-12-24,2025-12-25,2025-12-26,2025-12-31,2026-01-01,2026-04-03,2026-04-06,2026-05-01,2026-05-14,2026-05-25,2026-10-03,2026-12-24,2026-12-25'

\echo
\echo == ticket SLA aggregate: :n_tickets tickets
SELECT setseed(0.77);
DROP TABLE IF EXISTS bt;
CREATE TABLE bt AS
SELECT i AS id, sev, opened_at,
       CASE WHEN random() < 0.02 THEN NULL
            ELSE opened_at + (random() ^ 3 * 300) * interval '1 hour' END AS resolved_at,
       -- the policy of a typical contract: hours for SEV1-2, business days for SEV3-4
       (ARRAY['4 hours', '8 hours', '2 days', '5 days'])[severity_level(sev)]::interval AS target,
       (ARRAY['4 hours', '8 hours', '16 hours', '40 hours'])[severity_level(sev)]::interval AS target_hours
FROM (SELECT i, severity(1 + (random() * 3.999)::int) AS sev,
             '2025-01-01'::timestamptz + random() * interval '669 days' AS opened_at
      FROM generate_series(1, :n_tickets) i) x;
-- without statistics on the grouping expression the planner expects millions of
-- groups and ships every row to the leader instead of aggregating in the workers
CREATE STATISTICS bt_month_sev ON (date_trunc('month', opened_at)), sev FROM bt;
VACUUM ANALYZE bt;
SELECT bench.settle() AS settled \gset

\echo
\echo == 1. 24x7: sla_summary_agg by month and severity vs the floor count(*) FILTER (resolved_at <= opened_at + target)
SELECT bench.compare('ticket', '24x7 summary by month and severity / floor count FILTER',
	format($q$SELECT date_trunc('month', opened_at), sev, sla_summary_agg('24x7'::sla_window, opened_at, resolved_at, target, %L)
	          FROM bt GROUP BY 1, 2$q$, :'as_of'),
	$q$SELECT date_trunc('month', opened_at), sev, count(*) FILTER (WHERE resolved_at <= opened_at + target)
	   FROM bt GROUP BY 1, 2$q$,
	'<= 1.5', :n_tickets, :n_tickets, 5) AS line \gset

\echo
\echo == 2. business hours: sla_summary_agg vs calling sla_elapsed on the same rows
SELECT bench.compare('ticket', 'business-hours summary (policy: hours and days) / sum(sla_elapsed)',
	format($q$SELECT date_trunc('month', opened_at), sev, sla_summary_agg(%L::sla_window, opened_at, resolved_at, target, %L)
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of'),
	format($q$SELECT date_trunc('month', opened_at), sev, sum(sla_elapsed(%L::sla_window, opened_at, coalesce(resolved_at, %L)))
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of'),
	'<= 1.3', :n_tickets, :n_tickets, 5) AS line \gset
SELECT bench.compare('ticket', 'business-hours summary (hour targets only) / sum(sla_elapsed)',
	format($q$SELECT date_trunc('month', opened_at), sev, sla_summary_agg(%L::sla_window, opened_at, resolved_at, target_hours, %L)
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of'),
	format($q$SELECT date_trunc('month', opened_at), sev, sum(sla_elapsed(%L::sla_window, opened_at, coalesce(resolved_at, %L)))
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of'),
	'info', :n_tickets, :n_tickets, 5) AS line \gset

\echo
\echo == 3. parallel: the business-hours summary with 2 workers against none
SELECT t[1] AS serial_ms FROM bench.time_many(ARRAY[
	format($q$SELECT date_trunc('month', opened_at), sev, sla_summary_agg(%L::sla_window, opened_at, resolved_at, target, %L)
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of')], 3) AS t \gset
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
EXPLAIN (COSTS OFF)
SELECT date_trunc('month', opened_at), sev, sla_summary_agg('24x7'::sla_window, opened_at, resolved_at, target, '2026-11-01')
FROM bt GROUP BY 1, 2;
SELECT t[1] AS parallel_ms FROM bench.time_many(ARRAY[
	format($q$SELECT date_trunc('month', opened_at), sev, sla_summary_agg(%L::sla_window, opened_at, resolved_at, target, %L)
	          FROM bt GROUP BY 1, 2$q$, :'win', :'as_of')], 3) AS t \gset
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
SELECT bench.record('ticket', 'business-hours summary: 2 parallel workers / none (speed-up)',
	:parallel_ms, :serial_ms, 'info (speed-up)', :n_tickets, :n_tickets) AS line \gset

SELECT metric, round(ratio::numeric, 2) AS ratio, target, met FROM bench_results WHERE bench = 'ticket' ORDER BY seq;
DROP TABLE bt;
