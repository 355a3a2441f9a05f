-- pgTAP: months in the contract's own zone in every view of examples/
-- (DESIGN 6b; issue 22, finding 6), over a small hand-made database.  One
-- instant, 2026-03-31 23:30 UTC, is 19:30 on 31 March in New York and 01:30 on
-- 1 April in Berlin: a ticket, an outage and a SOC alert at that instant are
-- March's for the New York contract and April's for the Berlin one in every
-- view, as the README's recipe buckets them
-- (date_trunc('month', opened_at AT TIME ZONE sla_timezone(coverage))).
-- Before, the views bucketed in UTC: both were April's.
-- Runs from the repository's root (pg_prove test/months.sql), in its own
-- schema, rolled back at the end.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
CREATE SCHEMA months_test;
SET LOCAL search_path = months_test, public;
SET LOCAL TimeZone = 'UTC';
SET LOCAL jit = off;

SELECT plan(14);

-- reporting months 2025-11 .. 2026-05
CREATE TABLE sample_meta (as_of timestamptz, generated_tickets int);
INSERT INTO sample_meta VALUES ('2026-06-01 00:00+00', 0);
CREATE TABLE contracts (vendor text PRIMARY KEY, coverage sla_window, policy sla_policy, monthly_fee numeric,
                        pricing price_schedule);
INSERT INTO contracts VALUES
  ('New York Co', '24x7 America/New_York', 'SEV3 respond 4 hours resolve 2 days', 10000.00, 'per unit 10.00'),
  ('Berlin Co',   '24x7 Europe/Berlin',    'SEV3 respond 4 hours resolve 2 days', 10000.00, 'per unit 10.00');
CREATE TABLE service_levels (vendor text, sla text, target numeric, credits credit_schedule,
                             material_misses text, better text NOT NULL DEFAULT 'higher',
                             PRIMARY KEY (vendor, sla));
INSERT INTO service_levels
SELECT v, sla, target, credits, NULL, better
FROM unnest(ARRAY['New York Co', 'Berlin Co']) v,
     (VALUES ('availability', 0.999, 'below 99.9%: 10%'::credit_schedule, 'higher'),
             ('csat', 4, 'below 4: 5%', 'higher'),
             ('false positives', 0.10, 'above 10%: 3%', 'lower')) s (sla, target, credits, better);
CREATE TABLE tickets (ticket_id bigint, vendor text, sev severity, opened_at timestamptz,
                      acknowledged_at timestamptz, resolved_at timestamptz, csat smallint,
                      first_contact_resolution boolean);
INSERT INTO tickets VALUES
  (1, 'New York Co', 'SEV3', '2026-03-31 23:30+00', '2026-03-31 23:35+00', '2026-04-01 00:30+00', 3, true),
  (2, 'Berlin Co',   'SEV3', '2026-03-31 23:30+00', '2026-03-31 23:35+00', '2026-04-01 00:30+00', 3, true);
CREATE TABLE ticket_pauses (ticket_id bigint PRIMARY KEY, paused tstzmultirange);
CREATE TABLE maintenance (vendor text, during tstzrange, note text);
-- 50 minutes down, 23:00-23:50 UTC: 19:00-19:50 on 31 March in New York,
-- 01:00-01:50 on 1 April in Berlin (on summer time, UTC+2, from 29 March)
CREATE TABLE outages (outage_id bigint, vendor text, service_component text, started_at timestamptz,
                      ended_at timestamptz, impact text);
INSERT INTO outages VALUES
  (1, 'New York Co', 'portal', '2026-03-31 23:00+00', '2026-03-31 23:50+00', 'down'),
  (2, 'Berlin Co',   'portal', '2026-03-31 23:00+00', '2026-03-31 23:50+00', 'down');
CREATE TABLE soc_alerts (alert_id bigint, vendor text, raised_at timestamptz, false_positive boolean);
INSERT INTO soc_alerts VALUES
  (1, 'New York Co', '2026-03-31 23:30+00', true),
  (2, 'Berlin Co',   '2026-03-31 23:30+00', true);
-- each vendor's invoice bills the month's one ticket, in its own month
CREATE TABLE invoices (invoice_id bigint NOT NULL, vendor text, month date, line text, units numeric, billed numeric);
INSERT INTO invoices VALUES
  (1, 'New York Co', '2026-03-01', 'tickets over commitment', 1, 10.00),
  (2, 'Berlin Co',   '2026-04-01', 'tickets over commitment', 1, 10.00);
ANALYZE contracts, service_levels, tickets, ticket_pauses, maintenance, outages, soc_alerts, invoices;

\set QUIET on
\i examples/scorecard.sql
\i examples/reconcile.sql
\i examples/scheduled.sql
\set QUIET off

-- the contract's month as instants: New York's March from 05:00 UTC (EST)
-- to 04:00 UTC (EDT from 8 March); Berlin's April from 22:00 UTC (CEST)
SELECT results_eq(
  $$SELECT vendor, zone, period FROM contract_months
    WHERE (vendor, month) IN (('New York Co', '2026-03-01'), ('Berlin Co', '2026-04-01')) ORDER BY vendor$$,
  $$VALUES ('Berlin Co', 'Europe/Berlin', tstzrange('2026-03-31 22:00+00', '2026-04-30 22:00+00')),
           ('New York Co', 'America/New_York', tstzrange('2026-03-01 05:00+00', '2026-04-01 04:00+00'))$$,
  'contract_months: each contract''s month in its own zone');

-- every measure's one miss, in the contract's own month: availability
-- 50 minutes of 44 580 (March in New York: 31 days less the hour of the
-- change to summer time) = 0.99888, CSAT 3, false positives 1 (100 %)
SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), sla, met FROM sla_attainment
    WHERE NOT met ORDER BY vendor, sla$$,
  $$VALUES ('Berlin Co', '2026-04', 'availability', false), ('Berlin Co', '2026-04', 'csat', false),
           ('Berlin Co', '2026-04', 'false positives', false),
           ('New York Co', '2026-03', 'availability', false), ('New York Co', '2026-03', 'csat', false),
           ('New York Co', '2026-03', 'false positives', false)$$,
  'sla_attainment: the ticket, the outage and the alert in the contract''s own month');

SELECT is((SELECT round(attainment, 7) FROM sla_attainment
           WHERE vendor = 'New York Co' AND sla = 'availability' AND month = '2026-03-01'),
          round(1 - 50 / 44580.0, 7),
          'availability over New York''s March (44 580 minutes), not the UTC month');

-- the README's recipe: the ticket's month in its contract's zone
SELECT results_eq(
  $$SELECT a.vendor, a.month FROM sla_attainment a WHERE a.sla = 'csat' ORDER BY a.vendor$$,
  $$SELECT t.vendor, date_trunc('month', t.opened_at AT TIME ZONE sla_timezone(c.coverage))::date
    FROM tickets t JOIN contracts c USING (vendor) ORDER BY t.vendor$$,
  'sla_attainment buckets as the README''s recipe does');

SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), sla, credit_share FROM sla_credits
    WHERE credit_share > 0 ORDER BY vendor, sla$$,
  $$VALUES ('Berlin Co', '2026-04', 'availability', 0.1), ('Berlin Co', '2026-04', 'csat', 0.05),
           ('Berlin Co', '2026-04', 'false positives', 0.03),
           ('New York Co', '2026-03', 'availability', 0.1), ('New York Co', '2026-03', 'csat', 0.05),
           ('New York Co', '2026-03', 'false positives', 0.03)$$,
  'sla_credits: the credits in the contract''s own month');

-- 10 % + 5 % + 3 % of 10 000.00, no cap
SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), credit_share, credit_amount FROM vendor_credits
    WHERE credit_share > 0 ORDER BY vendor$$,
  $$VALUES ('Berlin Co', '2026-04', 0.18, 1800.00), ('New York Co', '2026-03', 0.18, 1800.00)$$,
  'vendor_credits: the credit in the contract''s own month');

-- one name for one thing: vendor_credits.credit_share is the sum of the
-- service levels' sla_credits.credit_share, earned_back the sum of theirs
SELECT is((SELECT count(*)::int
           FROM vendor_credits v
           JOIN (SELECT vendor, month, sum(credit_share) AS credit_share, sum(earned_back) AS earned_back
                 FROM sla_credits GROUP BY vendor, month) s USING (vendor, month)
           WHERE (v.credit_share, v.earned_back) IS DISTINCT FROM (s.credit_share, s.earned_back)), 0,
          'vendor_credits.credit_share and earned_back are the sums of sla_credits''');

-- the invoice bills the month's one ticket: measured in the same month, so no
-- "volume billed ≠ volume measured"; expected 10.00 - 1 800.00 of credit
SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), units_measured, units_billed, credit_owed, expected, reasons
    FROM invoice_check ORDER BY vendor$$,
  $$VALUES ('Berlin Co', '2026-04', 1::bigint, 1::numeric, 1800.00::numeric(12,2), -1790.00::numeric(12,2), 'credit not applied'),
           ('New York Co', '2026-03', 1::bigint, 1::numeric, 1800.00::numeric(12,2), -1790.00::numeric(12,2), 'credit not applied')$$,
  'invoice_check: the tickets measured in the invoiced month of the contract''s zone');

SELECT is((SELECT count(*)::int FROM invoice_discrepancies WHERE reasons LIKE '%volume%'), 0,
          'invoice_discrepancies: no false volume difference');

SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), sla FROM scorecard_monthly WHERE NOT met ORDER BY vendor, sla$$,
  $$VALUES ('Berlin Co', '2026-04', 'availability'), ('Berlin Co', '2026-04', 'csat'),
           ('Berlin Co', '2026-04', 'false positives'),
           ('New York Co', '2026-03', 'availability'), ('New York Co', '2026-03', 'csat'),
           ('New York Co', '2026-03', 'false positives')$$,
  'scorecard_monthly: the misses in the contract''s own month');

SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), credit_amount FROM vendor_credits_monthly
    WHERE credit_amount > 0 ORDER BY vendor$$,
  $$VALUES ('Berlin Co', '2026-04', 1800.00::numeric(12,2)), ('New York Co', '2026-03', 1800.00::numeric(12,2))$$,
  'vendor_credits_monthly: the credit in the contract''s own month');

SELECT results_eq(
  $$SELECT vendor, to_char(month, 'YYYY-MM'), units_measured FROM invoice_check_monthly ORDER BY vendor$$,
  $$VALUES ('Berlin Co', '2026-04', 1::bigint), ('New York Co', '2026-03', 1::bigint)$$,
  'invoice_check_monthly: the ticket in the invoiced month');

-- the last month is cut at the as-of instant (New York's May would end at
-- 04:00 UTC on 1 June, after it)
SELECT is((SELECT upper(period) FROM contract_months WHERE vendor = 'New York Co' AND month = '2026-05-01'),
          timestamptz '2026-06-01 00:00+00', 'the last month ends at the as-of instant');

-- no view of examples/ buckets in UTC any more
SELECT is((SELECT count(*)::int FROM pg_views
           WHERE schemaname = 'months_test' AND definition ~* 'time zone ''utc'''), 0,
          'no view of examples/ buckets by the UTC month');

SELECT * FROM finish();
ROLLBACK;
