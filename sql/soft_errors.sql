-- Soft input errors (PostgreSQL 16 and later): every type's input function
-- reports bad text through escontext, so pg_input_is_valid answers false
-- instead of raising, and pg_input_error_info gives the SQLSTATE, message and
-- detail that the cast would raise.  PostgreSQL 15 has neither function: the
-- file says so and stops (expected/soft_errors_1.out).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SELECT current_setting('server_version_num')::int >= 160000 AS have_soft_errors \gset
\if :have_soft_errors
\else
\echo 'skipped: soft input errors (pg_input_is_valid, pg_input_error_info) need PostgreSQL 16 or later'
\quit
\endif

CREATE TEMP TABLE inputs (n serial, type regtype, input text);
INSERT INTO inputs (type, input) VALUES
  -- severity: valid; unknown level; junk after the level
  ('severity', 'Sev-1'), ('severity', 'SEV9'), ('severity', 'P0x'), ('severity', ''),
  -- sla_window: valid; syntax; overlapping ranges; an unknown zone; the host's
  -- localtime; a POSIX TZ specification; a holiday out of range; a date both a
  -- holiday and a special-hours date
  ('sla_window', 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25'),
  ('sla_window', 'mon-fri 09:00'),
  ('sla_window', 'mon-fri 09:00-12:00,11:00-13:00'),
  ('sla_window', 'mon-fri 09:00-17:00 Mars/Olympus_Mons'),
  ('sla_window', '24x7 localtime'),
  ('sla_window', '24x7 EST5EDT,M3.2.0,M11.1.0'),
  ('sla_window', '24x7 holidays 2300-01-01'),
  ('sla_window', 'mon-fri 09:00-17:00 holidays 2026-12-24 hours 2026-12-24 09:00-12:00'),
  -- sla_policy: valid; an unknown unit; a month; a severity twice
  ('sla_policy', 'SEV1 respond 15 minutes resolve 4 hours'),
  ('sla_policy', 'SEV1 respond 1 fortnight'),
  ('sla_policy', 'SEV1 respond 1 month'),
  ('sla_policy', 'SEV1 respond 1 hour; P1 resolve 4 hours'),
  -- sla_summary: valid; a bad time; counts that do not add up; min above max
  ('sla_summary', 'met=1 breached=0 pending=0 untargeted=0 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'),
  ('sla_summary', 'met=1 breached=0 pending=0 timed=1 total=01:61:00 min=01:00:00 max=01:00:00'),
  ('sla_summary', 'met=1 breached=0 pending=0 timed=2 total=01:00:00 min=00:30:00 max=00:30:00'),
  ('sla_summary', 'met=1 breached=0 pending=0 timed=1 total=01:00:00 min=01:00:00 max=00:30:00'),
  -- credit_schedule: valid; bands in mixed directions; a threshold above 100%;
  -- an allocation without the pool
  ('credit_schedule', 'below 99.9%: 10%, below 99%: 25%; cap 30%'),
  ('credit_schedule', 'above 5%: 10%, above 2%: 5%'),
  ('credit_schedule', 'below 150%: 10%'),
  ('credit_schedule', 'at risk 12%'),
  ('credit_schedule', 'below 99.9%: 10%; cap 130%'),
  -- price_schedule: valid; a currency sign; a unit that differs; an amount out
  -- of range; tiers that overlap
  ('price_schedule', 'fixed 18500.00 including 800 units; per unit 14.50'),
  ('price_schedule', 'fixed $18,500'),
  ('price_schedule', 'fixed 18500 including 800 tickets; per call 14.50'),
  ('price_schedule', 'fixed 1000000000000'),
  ('price_schedule', 'graduated 0-1000: 5.00, 500-5000: 4.00'),
  -- availability_state: valid; an impossible date; overlapping downtime; a bad window inside
  ('availability_state', 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 10:00:00+00,2026-11-23 11:00:00+00)}'),
  ('availability_state', 'v1 period=[2026-02-30 00:00:00+00,2026-11-24 00:00:00+00) downtime={}'),
  ('availability_state', 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 10:00:00+00,2026-11-23 11:00:00+00),[2026-11-23 10:30:00+00,2026-11-23 12:00:00+00)}'),
  ('availability_state', 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) window="mon-fri 09:00 Mars/Olympus_Mons" downtime={}'),
  -- staffing_state: valid; depth 0; junk at the end; a bad window inside
  ('staffing_state', 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):1}'),
  ('staffing_state', 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):0}'),
  ('staffing_state', 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={} extra'),
  ('staffing_state', 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} window="24x7 localtime" depth={}'),
  -- escalation_step, an enum (PostgreSQL's own input function): valid; the
  -- labels are lower case
  ('escalation_step', 'penalty'), ('escalation_step', 'Penalty'),
  -- sla_clock_rules: valid; a status both pausing and stopping; no stop; a term twice
  ('sla_clock_rules', 'pause on ''Waiting for customer''; stop on Resolved, Closed'),
  ('sla_clock_rules', 'pause on Pending; stop on Resolved, pending'),
  ('sla_clock_rules', 'pause on Pending'),
  ('sla_clock_rules', 'stop on Resolved; stop on Closed'),
  -- sla_clock: valid; junk for a time; a state that is not one
  ('sla_clock', 'reopen continues; last 2026-11-23 16:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV3; 2026-11-23 11:00:00+00 stopped ''Resolved'' SEV1'),
  ('sla_clock', 'reopen continues; last yesterday'),
  ('sla_clock', 'reopen continues; last 2026-11-23 09:00:00+00; 2026-11-23 09:00:00+00 sleeping ''Open''');

-- what pg_input_is_valid and pg_input_error_info say of each
SELECT n, type, pg_input_is_valid(input, type::text) AS valid, e.sql_error_code, e.message
FROM inputs, LATERAL pg_input_error_info(input, type::text) e
ORDER BY n;

-- the detail of each (where and what was expected)
SELECT n, e.detail
FROM inputs, LATERAL pg_input_error_info(input, type::text) e
WHERE e.detail IS NOT NULL
ORDER BY n;

-- the cast raises exactly what pg_input_error_info reports (SQLSTATE,
-- message, detail), and accepts exactly what pg_input_is_valid accepts:
-- must be no row
CREATE FUNCTION pg_temp.hard_error(input text, type regtype, OUT state text, OUT message text, OUT detail text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', input, type);
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
END $$;
SELECT n, type, h.state, h.message, e.sql_error_code, e.message
FROM inputs, LATERAL pg_temp.hard_error(input, type) h, LATERAL pg_input_error_info(input, type::text) e
WHERE h.state IS DISTINCT FROM e.sql_error_code OR h.message IS DISTINCT FROM e.message
   OR nullif(h.detail, '') IS DISTINCT FROM e.detail;

-- every type of the extension with an input function of its own is in the list, valid and invalid
SELECT t.typname, count(i.n) FILTER (WHERE pg_input_is_valid(i.input, t.typname)) AS valid,
       count(i.n) FILTER (WHERE NOT pg_input_is_valid(i.input, t.typname)) AS invalid
FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'managed_services'
LEFT JOIN inputs i ON i.type = t.oid
WHERE t.typcategory <> 'A'
  AND t.typtype <> 'c'   -- the statement's row types read through PostgreSQL's own record input
GROUP BY 1 ORDER BY 1;
