-- pgTAP: a scheduled refresh with pg_cron (run by scripts/run-tests.sh in the
-- database ms_cron, where the cluster's pg_cron works).
--
-- A monthly scorecard is a materialized view with a unique index, so that
-- REFRESH ... CONCURRENTLY can run while BI tools read it.  pg_cron 1.4
-- schedules by the minute: the test schedules the refresh every minute and
-- waits (up to 75 s) for the first run.  Not in a transaction: the job runs
-- in another session and must see what this one committed.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE EXTENSION IF NOT EXISTS managed_services;
-- what an interrupted earlier run may have left
SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname IN ('ms-scorecard-refresh', 'ms-reports-refresh');
DROP MATERIALIZED VIEW IF EXISTS cron_scorecard;
DROP TABLE IF EXISTS cron_tickets, cron_contracts;
RESET client_min_messages;

-- examples/scheduled.sql over a small sample (3 000 tickets): the three
-- materialized views, refreshed together by refresh_reports()
\set tickets 3000
\set QUIET on
SET client_min_messages = warning;
\i data/sample.sql
\i data/types.sql
\i examples/scorecard.sql
\i data/credits.sql
\i examples/reconcile.sql
\i examples/scheduled.sql
RESET client_min_messages;

SELECT plan(16);
SELECT has_extension('pg_cron');

CREATE TABLE cron_contracts (vendor text PRIMARY KEY, coverage sla_window, policy sla_policy);
INSERT INTO cron_contracts VALUES
  ('acme', '24x7', 'SEV1 resolve 4 hours; SEV2 resolve 1 day'),
  ('beta', '24x7', 'SEV1 resolve 4 hours; SEV2 resolve 1 day');
CREATE TABLE cron_tickets (id int PRIMARY KEY, vendor text, severity severity,
                           opened_at timestamptz, resolved_at timestamptz);
INSERT INTO cron_tickets VALUES
  (1, 'acme', 'SEV1', '2026-11-02 10:00+00', '2026-11-02 12:00+00'),   -- 2 h of 4: met
  (2, 'acme', 'SEV1', '2026-11-03 10:00+00', '2026-11-03 15:00+00'),   -- 5 h of 4: breached
  (3, 'acme', 'SEV2', '2026-11-04 09:00+00', '2026-11-04 20:00+00'),   -- 11 h of 24: met
  (4, 'acme', 'SEV2', '2026-11-05 09:00+00', '2026-11-05 09:30+00');   -- met

-- the scorecard: resolution compliance per vendor and month
CREATE MATERIALIZED VIEW cron_scorecard AS
SELECT vendor, month, tickets, sla_met(s) AS met, sla_breached(s) AS breached,
       round(sla_compliance(s)::numeric, 4) AS compliance
FROM (SELECT t.vendor, date_trunc('month', t.opened_at AT TIME ZONE 'UTC') AS month, count(*) AS tickets,
             sla_summary_agg(c.coverage, t.opened_at, t.resolved_at,
                             sla_target(c.policy, t.severity, 'resolution'), timestamptz '2026-12-01') AS s
      FROM cron_tickets t JOIN cron_contracts c USING (vendor)
      GROUP BY 1, 2) x;
CREATE UNIQUE INDEX ON cron_scorecard (vendor, month);

SELECT results_eq($$SELECT vendor, month::text, tickets, met, breached, compliance FROM cron_scorecard ORDER BY 1, 2$$,
                  $$VALUES ('acme', '2026-11-01 00:00:00', 4::bigint, 3::bigint, 1::bigint, 0.7500)$$,
                  'the scorecard as created: 3 of 4 met');

-- new tickets arrive: the view does not see them until it is refreshed
INSERT INTO cron_tickets VALUES
  (5, 'acme', 'SEV1', '2026-11-10 08:00+00', '2026-11-10 13:00+00'),   -- 5 h of 4: breached
  (6, 'acme', 'SEV2', '2026-11-11 08:00+00', '2026-11-13 08:00+00'),   -- 48 h of 24: breached
  (7, 'acme', 'SEV1', '2026-11-12 08:00+00', '2026-11-12 09:00+00'),   -- met
  (8, 'beta', 'SEV2', '2026-11-20 10:00+00', '2026-11-20 12:00+00');   -- met
SELECT is((SELECT sum(tickets)::int FROM cron_scorecard), 4, 'before the refresh the view still has 4 tickets');

SELECT cron.schedule('ms-scorecard-refresh', '* * * * *',
                     'REFRESH MATERIALIZED VIEW CONCURRENTLY public.cron_scorecard') AS jobid \gset
SELECT is((SELECT command FROM cron.job WHERE jobid = :jobid),
          'REFRESH MATERIALIZED VIEW CONCURRENTLY public.cron_scorecard', 'the refresh is scheduled every minute');

-- the reports of examples/scheduled.sql: as created they are the plain
-- views; a stricter availability target for one vendor changes its misses
-- (the scorecard), a higher fee its credits in money and so its expected
-- invoices, which the stored views do not see until refresh_reports() runs
-- (scheduled in the same minute as the job above)
CREATE TEMP VIEW reports_stale AS
SELECT (SELECT count(*) FROM (SELECT vendor, month, sla, attainment, target, unit, better, met, misses, streak,
                                     recent_misses, escalation, credit_share FROM sla_credits
                              EXCEPT TABLE scorecard_monthly) x) AS scorecard,
       (SELECT count(*) FROM (SELECT vendor, month, credit_amount::numeric(12,2) FROM vendor_credits
                              EXCEPT SELECT vendor, month, credit_amount FROM vendor_credits_monthly) x) AS credits,
       (SELECT count(*) FROM (SELECT vendor, month, credit_owed, expected, difference, reasons FROM invoice_check
                              EXCEPT SELECT vendor, month, credit_owed, expected, difference, reasons FROM invoice_check_monthly) x) AS invoices;
SELECT results_eq('SELECT scorecard, credits, invoices FROM reports_stale', 'VALUES (0::bigint, 0::bigint, 0::bigint)',
                  'the stored reports as created: the plain views, row for row');
UPDATE service_levels SET target = 0.99999 WHERE vendor = 'Sentinel SOC' AND sla = 'availability';
UPDATE contracts SET monthly_fee = 2 * monthly_fee WHERE vendor = 'Sentinel SOC';
SELECT ok((SELECT scorecard > 0 AND credits > 0 AND invoices > 0 FROM reports_stale),
          'a stricter target and a higher fee: the scorecard, the credits and the invoice check differ from the stored reports');
SELECT cron.schedule('ms-reports-refresh', '* * * * *', 'CALL public.refresh_reports()') AS reports_jobid \gset

-- wait for pg_cron's first run of the job (the next minute boundary)
CREATE FUNCTION pg_temp.wait_for_run(job bigint, timeout interval) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  deadline timestamptz := clock_timestamp() + timeout;
  st text;
BEGIN
  LOOP
    SELECT status INTO st FROM cron.job_run_details
    WHERE jobid = job AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1;
    IF st IS NOT NULL OR clock_timestamp() > deadline THEN
      RETURN coalesce(st, 'no run within ' || timeout);
    END IF;
    PERFORM pg_sleep(0.5);
  END LOOP;
END $$;
SELECT is(pg_temp.wait_for_run(:jobid, '75 seconds'), 'succeeded', 'cron.job_run_details shows a succeeded run');
SELECT is((SELECT return_message FROM cron.job_run_details WHERE jobid = :jobid ORDER BY runid LIMIT 1),
          'REFRESH MATERIALIZED VIEW', 'the run refreshed the view');

SELECT is(pg_temp.wait_for_run(:reports_jobid, '75 seconds'), 'succeeded', 'refresh_reports() ran from pg_cron');
SELECT is((SELECT return_message FROM cron.job_run_details WHERE jobid = :reports_jobid ORDER BY runid LIMIT 1),
          'CALL', 'the run called the procedure');
SELECT results_eq('SELECT scorecard, credits, invoices FROM reports_stale', 'VALUES (0::bigint, 0::bigint, 0::bigint)',
                  'after the scheduled refresh the stored reports are the plain views again, all three');
SELECT is((SELECT count(*)::int FROM invoice_check_monthly i JOIN vendor_credits_monthly v USING (vendor, month)
           WHERE i.credit_owed <> v.credit_amount), 0,
          'the invoice check deducts the credits the stored credits view shows');
SELECT ok(cron.unschedule('ms-reports-refresh'), 'the reports refresh unscheduled');

-- acme: 7 tickets, 4 met, 3 breached (4/7 = 0.5714); beta appears: 1 of 1
SELECT results_eq($$SELECT vendor, month::text, tickets, met, breached, compliance FROM cron_scorecard ORDER BY 1, 2$$,
                  $$VALUES ('acme', '2026-11-01 00:00:00', 7::bigint, 4::bigint, 3::bigint, 0.5714),
                           ('beta', '2026-11-01 00:00:00', 1::bigint, 1::bigint, 0::bigint, 1.0000)$$,
                  'after the scheduled refresh the scorecard has the new tickets');

SELECT ok(cron.unschedule('ms-scorecard-refresh'), 'unscheduled');
SELECT is((SELECT count(*)::int FROM cron.job WHERE jobname = 'ms-scorecard-refresh'), 0, 'no job left');

SELECT * FROM finish();
DROP MATERIALIZED VIEW cron_scorecard;
DROP TABLE cron_tickets, cron_contracts;
SET client_min_messages = warning;
DROP PROCEDURE refresh_reports();
DROP TABLE sample_meta, contracts, tickets, ticket_status_history, outages, maintenance, monthly_volumes,
           invoices, service_levels, soc_alerts, roster, ticket_pauses, ticket_priority_changes CASCADE;
