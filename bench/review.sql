-- The monthly business review over the benchmark data (issue: pricing,
-- reconciliation, scheduled reports).  The sample database at 2 000 000
-- tickets (x BENCH_SCALE) with its outages, roster, alerts and invoices, in a
-- schema of its own, and the example views on top:
--   1. the review from the live views: the scorecard with credits
--      (sla_credits) and the invoice check (invoice_check), against the
--      per-ticket business-time work they contain (the floor of the review:
--      three business-time computations per ticket, the same joins)
--   2. refreshing the two materialized views of examples/scheduled.sql
--   3. reading them, which is what a BI tool does after a scheduled refresh
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET timezone = 'UTC';
SET work_mem = '64MB';
SET client_min_messages = warning;

\if :{?scale}
\else
\set scale 1
\endif
SELECT (2000000 * :scale)::int AS tickets \gset

DROP SCHEMA IF EXISTS review CASCADE;
CREATE SCHEMA review;
SET search_path = review, public, bench;
\echo
\echo == business review: loading the sample database with :tickets tickets
SELECT clock_timestamp() AS t0 \gset
\i data/sample.sql
\i data/types.sql
\i data/statuslog.sql
\i examples/scorecard.sql
\i data/credits.sql
\i examples/reconcile.sql
\i examples/scheduled.sql
SET client_min_messages = notice;
SELECT format('loaded in %s s', round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1)) AS loaded \gset
\echo :loaded
SELECT bench.settle() AS settled \gset

-- the per-ticket work of the review: response, resolution (with pauses) and
-- the SEV1 status, in the same joins, with nothing else
CREATE FUNCTION review.floor_query() RETURNS text LANGUAGE sql AS $q$
  SELECT $$SELECT t.vendor, m.month,
         sum(sla_elapsed(c.coverage, t.opened_at, coalesce(t.acknowledged_at, m.as_of))),
         sum(sla_elapsed(c.coverage, t.opened_at, coalesce(t.resolved_at, m.as_of), p.paused)),
         count(sla_status(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), m.as_of, p.paused))
  FROM tickets t JOIN contracts c USING (vendor) JOIN sla_months m ON m.month = date_trunc('month', t.opened_at AT TIME ZONE 'UTC')::date
  LEFT JOIN ticket_pauses p USING (ticket_id)
  GROUP BY 1, 2$$
$q$;

SELECT bench.compare('review', 'scorecard with credits (sla_credits) / its per-ticket business-time work',
       'SELECT * FROM review.sla_credits', review.floor_query(), 'info', NULL, NULL, 1);
SELECT bench.compare('review', 'invoice check (invoice_check) / the per-ticket business-time work',
       'SELECT * FROM review.invoice_check', review.floor_query(), 'info', NULL, NULL, 1);

-- refreshing the materialized views against computing the live views, and
-- reading them against computing them
CREATE FUNCTION review.refresh_ms() RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	REFRESH MATERIALIZED VIEW CONCURRENTLY review.scorecard_monthly;
	REFRESH MATERIALIZED VIEW CONCURRENTLY review.invoice_check_monthly;
	RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END
$$;
SELECT review.refresh_ms() AS refresh_ms \gset
SELECT bench.time_many(ARRAY['SELECT * FROM review.sla_credits', 'SELECT * FROM review.invoice_check'], 1) AS live \gset
SELECT bench.record('review', 'refresh of both materialized views / computing both live views',
       :refresh_ms, (:'live'::float8[])[1] + (:'live'::float8[])[2], 'info');
SELECT bench.time_many(ARRAY['SELECT * FROM review.scorecard_monthly', 'SELECT * FROM review.invoice_check_monthly'], 3) AS mv \gset
SELECT bench.record('review', 'reading both materialized views / computing both live views (speed-up)',
       (:'mv'::float8[])[1] + (:'mv'::float8[])[2], (:'live'::float8[])[1] + (:'live'::float8[])[2], 'info (speed-up)');

-- where the time of the live review goes: the scan and joins alone (the
-- floor that reads the same rows), against the per-ticket business time
SELECT bench.compare('review', 'per-ticket business-time work / the same joins with wall-clock sums (floor)',
       review.floor_query(),
       $$SELECT t.vendor, m.month, sum(coalesce(t.acknowledged_at, m.as_of) - t.opened_at),
                sum(coalesce(t.resolved_at, m.as_of) - t.opened_at), count(p.paused)
         FROM review.tickets t JOIN review.contracts c USING (vendor) JOIN review.sla_months m ON m.month = date_trunc('month', t.opened_at AT TIME ZONE 'UTC')::date
         LEFT JOIN review.ticket_pauses p USING (ticket_id) GROUP BY 1, 2$$, 'info', NULL, NULL, 1);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA review CASCADE;
