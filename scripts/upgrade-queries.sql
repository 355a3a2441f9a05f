-- Query results over the objects of scripts/upgrade-objects.sql, compared by
-- scripts/upgrade-test.sh before and after ALTER EXTENSION ... UPDATE and
-- against a fresh install of the new version.  Only 0.1.0 objects.
\set ON_ERROR_STOP on
SET TimeZone = 'UTC';
SET intervalstyle = 'postgres';
SET extra_float_digits = 0;

\echo == the scorecard view (sla_summary_agg, sla_compliance, min/max(severity))
SELECT vendor, month, response, resolution, round(resolution_unpaused::numeric, 6) AS unpaused,
       sla_met(resolution), sla_breached(resolution), sla_pending(resolution),
       sla_mean_elapsed(resolution), worst, mildest
FROM app.scorecard ORDER BY vendor, month;

\echo == the availability view (availability, downtime, availability_agg, downtime_budget)
SELECT vendor, month, round(availability::numeric, 9) AS availability, downtime, state,
       round(availability(state)::numeric, 9) AS from_state, budget
FROM app.availability ORDER BY vendor, month;

\echo == the materialized view, as stored and as refreshed
SELECT vendor, month, resolution, state FROM app.report ORDER BY vendor, month;
REFRESH MATERIALIZED VIEW app.report;
SELECT count(*) AS unchanged FROM app.report r JOIN app.scorecard s USING (vendor, month)
WHERE r.resolution::text = s.resolution::text;

\echo == stored summaries rolled up
SELECT vendor, date_trunc('month', day)::date AS month, rollup(response) AS response, rollup(resolution) AS resolution
FROM app.daily_summaries GROUP BY 1, 2 ORDER BY 1, 2;

\echo == the severity indexes (btree, hash), then the same without them
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SET enable_indexonlyscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM app.tickets WHERE sev <= 'SEV2';
EXPLAIN (COSTS OFF) SELECT label FROM app.severity_labels WHERE sev = 'SEV3';
EXPLAIN (COSTS OFF) SELECT vendor FROM app.contracts WHERE coverage = '24x7'::sla_window;
SELECT sev, count(*) FROM app.tickets WHERE sev <= 'SEV2' GROUP BY sev ORDER BY sev;
SELECT count(*) FROM app.tickets WHERE sev = 'SEV3';
SELECT ticket_id FROM app.tickets WHERE sev = 'SEV1' ORDER BY sev, ticket_id LIMIT 5;
SELECT label FROM app.severity_labels WHERE sev = 'SEV3';
\echo == the window and policy hash indexes
SELECT vendor FROM app.contracts WHERE coverage = '24x7'::sla_window;
SELECT vendor FROM app.contracts
WHERE policy = 'SEV1 respond 15 minutes resolve 2 hours; SEV2 respond 30 minutes resolve 6 hours; SEV3 respond 2 hours resolve 2 days; SEV4 respond 8 hours resolve 5 days'::sla_policy;
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET enable_indexonlyscan;
SELECT sev, count(*) FROM app.tickets WHERE sev <= 'SEV2' GROUP BY sev ORDER BY sev;
SELECT count(*) FROM app.tickets WHERE sev = 'SEV3';

\echo == per-ticket functions of 0.1.0 (no NULL pauses: 0.2.0 reads them as none, 0.1.0 gave NULL)
SELECT t.ticket_id, t.sev, sla_elapsed(c.coverage, t.opened_at, t.resolved_at) AS elapsed,
       sla_elapsed(c.coverage, t.opened_at, t.resolved_at, coalesce(t.paused, '{}')) AS elapsed_paused,
       sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution')) AS due,
       sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), coalesce(t.paused, '{}')) AS due_paused,
       sla_status(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused) AS status,
       sla_remaining(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00') AS remaining
FROM app.tickets t JOIN app.contracts c USING (vendor)
WHERE t.ticket_id % 97 = 0 ORDER BY t.ticket_id;
SELECT vendor, coverage, sla_holidays(coverage), sla_timezone(coverage), policy,
       sla_with_holidays(coverage, ARRAY[date '2026-03-02']) AS more_holidays
FROM app.contracts ORDER BY vendor;
