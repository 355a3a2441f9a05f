-- pgTAP: the views of examples/scorecard.sql over a small hand-made database
-- (the tables data/sample.sql and data/types.sql build, a few rows in each),
-- with a month without data and two schedules of one contract that state
-- different amounts at risk.  Every expected row is worked out below.
-- Runs from the repository's root (pg_prove test/scorecard.sql), in its own
-- schema, rolled back at the end.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
CREATE SCHEMA scorecard_test;
SET LOCAL search_path = scorecard_test, public;
SET LOCAL TimeZone = 'UTC';
SET LOCAL jit = off;            -- the views' estimates are for the sample, not for a few rows

SELECT plan(4);

-- reporting months 2025-11 .. 2026-12 (14): sla_months runs up to as_of - 1 month
CREATE TABLE sample_meta (as_of timestamptz, generated_tickets int);
INSERT INTO sample_meta VALUES ('2027-01-01 00:00+00', 0);
CREATE TABLE contracts (vendor text PRIMARY KEY, coverage sla_window, policy sla_policy, monthly_fee numeric);
INSERT INTO contracts VALUES
  ('Gap Co',  '24x7', 'SEV3 respond 4 hours resolve 2 days', 10000.00),
  ('Pool Co', '24x7', 'SEV3 respond 4 hours resolve 2 days', 10000.00);
CREATE TABLE service_levels (vendor text, sla text, target numeric, credits credit_schedule,
                             material_misses text, better text NOT NULL DEFAULT 'higher',
                             PRIMARY KEY (vendor, sla));
INSERT INTO service_levels VALUES
  ('Gap Co',  'csat', 4, 'below 4: 5%; chronic after 2 of 12 x2; warning after 1; terminate after 2 of 12', NULL, 'higher'),
  ('Pool Co', 'csat', 4, 'below 4; at risk 10% allocation 100%', NULL, 'higher'),
  ('Pool Co', 'first contact resolution', 0.5, 'below 50%; at risk 20% allocation 100%', NULL, 'higher');
CREATE TABLE tickets (ticket_id bigint, vendor text, sev severity, opened_at timestamptz,
                      acknowledged_at timestamptz, resolved_at timestamptz, csat smallint,
                      first_contact_resolution boolean);
-- Gap Co: one ticket on the 10th of each month but March 2026 (no data that month),
-- CSAT 3 (a miss of "below 4") in November 2025 and November 2026, else 5
INSERT INTO tickets
SELECT row_number() OVER (ORDER BY m), 'Gap Co', 'SEV3', m + interval '9 days 10 hours',
       m + interval '9 days 10 hours 5 minutes', m + interval '9 days 11 hours',
       CASE WHEN m IN ('2025-11-01', '2026-11-01') THEN 3 ELSE 5 END, true
FROM generate_series(timestamptz '2025-11-01', '2026-12-01', interval '1 month') m
WHERE m <> '2026-03-01';
-- Pool Co: January 2026 misses both service levels (CSAT 3, no first contact
-- resolution), February 2026 only first contact resolution
INSERT INTO tickets VALUES
  (101, 'Pool Co', 'SEV3', '2026-01-10 10:00', '2026-01-10 10:05', '2026-01-10 11:00', 3, false),
  (102, 'Pool Co', 'SEV3', '2026-02-10 10:00', '2026-02-10 10:05', '2026-02-10 11:00', 5, false);
CREATE TABLE ticket_pauses (ticket_id bigint PRIMARY KEY, paused tstzmultirange);
CREATE TABLE maintenance (vendor text, during tstzrange, note text);
CREATE TABLE outages (outage_id bigint, vendor text, service_component text, started_at timestamptz,
                      ended_at timestamptz, impact text);
CREATE TABLE soc_alerts (alert_id bigint, vendor text, raised_at timestamptz, false_positive boolean);
-- statistics, as data/types.sql takes them: no JIT compile of the views for a few rows
ANALYZE contracts, service_levels, tickets, ticket_pauses, maintenance, outages, soc_alerts;

\set QUIET on
\i examples/scorecard.sql
\set QUIET off

-- Gap Co's CSAT.  "The last 12" is 12 months, not 12 rows: in November 2026 the
-- last 12 months are 2025-12 .. 2026-11, one miss (November 2026), so the streak
-- of 1 gives a warning and 5 %; over the rows, whose last 12 reach back to
-- November 2025 across the gap, it would be two misses: the chronic rule (x2:
-- 10 %) and the termination right.  Every other month's last 12 months hold one
-- miss (November 2025 until October 2026, November 2026 after it).  The gap month
-- has no row.
SELECT results_eq(
  $$SELECT to_char(month, 'YYYY-MM'), met, streak, recent_misses, escalation::text, credit_share
    FROM sla_credits WHERE vendor = 'Gap Co' ORDER BY month$$,
  $$VALUES ('2025-11', false, 1, 1, 'warning', 0.05),
           ('2025-12', true, 0, 1, 'ok', 0), ('2026-01', true, 0, 1, 'ok', 0), ('2026-02', true, 0, 1, 'ok', 0),
           ('2026-04', true, 0, 1, 'ok', 0), ('2026-05', true, 0, 1, 'ok', 0), ('2026-06', true, 0, 1, 'ok', 0),
           ('2026-07', true, 0, 1, 'ok', 0), ('2026-08', true, 0, 1, 'ok', 0), ('2026-09', true, 0, 1, 'ok', 0),
           ('2026-10', true, 0, 1, 'ok', 0),
           ('2026-11', false, 1, 1, 'warning', 0.05),
           ('2026-12', true, 0, 1, 'ok', 0)$$,
  'misses in the last 12 count months, across a month without data');

-- the same count as a frame of 11 months before each measured month, over the rows
SELECT is((SELECT count(*)::int
           FROM (SELECT c.recent_misses,
                        count(*) FILTER (WHERE NOT a.met)
                          OVER (PARTITION BY a.vendor, a.sla ORDER BY a.month
                                RANGE BETWEEN interval '11 months' PRECEDING AND CURRENT ROW) AS by_range
                 FROM sla_attainment a JOIN sla_credits c USING (vendor, sla, month)) x
           WHERE recent_misses <> by_range), 0,
          'recent_misses is the misses of the 12 calendar months up to each month');

SELECT is((SELECT count(*)::int FROM sla_credits WHERE month = '2026-03-01' AND vendor = 'Gap Co'), 0,
          'a month without data is not reported');

-- Pool Co: the two schedules state 10 % and 20 % at risk.  A contract has one
-- period cap (DESIGN 5b): schedules of one contract and month that state
-- different ones are an error naming both, never the smaller or the larger
-- (0.3.0's view took the larger)
SELECT throws_ok(
  $$SELECT * FROM vendor_credits WHERE vendor = 'Pool Co'$$,
  '22023', 'the schedules of one contract state different period caps: 10% and 20%',
  'schedules of one contract that state different period caps are an error');

SELECT * FROM finish();
ROLLBACK;
