-- hardening: the defects a hostile test found (issue 11), one group each.  Every
-- case failed before its fix; the comment above it says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- ---------------------------------------------------------------------------
-- 1. out of range: 24x7 deadlines past the supported range are 22008, not a
--    wrapped instant (213503982 days * 86400 s * 10^6 wraps 2^64 to just
--    before the start; 106751992 days from 1999 wraps to -infinity, which
--    sla_status used to call breached)
-- ---------------------------------------------------------------------------
SELECT sla_deadline('24x7', '2026-01-01 00:00+00', '213503982 days');
SELECT sla_deadline('24x7', '1999-12-31 04:00:54.775808+00', '106751992 days');
SELECT sla_status('24x7', '1999-12-31 04:00:54.775808+00', NULL, '106751992 days', '2026-01-01');
SELECT sla_deadline('24x7', '2026-01-01', '2147483647 days 2562047788:00:54.775807');
-- the last instant supported is still reached: 2300-01-01 00:00:00+00, then 22008
SELECT sla_deadline('24x7', '2299-12-31', '1 day');
SELECT sla_deadline('24x7', '2299-12-31', '1 day 00:00:00.000001');

-- ---------------------------------------------------------------------------
-- 2. out of range: long business-hours targets.  One minute a week for
--    1 000 000 hours is 60 million weeks: 22008, not an instant before 4713 BC
-- ---------------------------------------------------------------------------
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01',
                    sla_target('SEV1 resolve 1000000 hours', 'SEV1', 'resolution'));
SELECT sla_deadline('mon 00:00-00:01 Europe/Berlin', '2026-01-01', '1000000 hours');
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '100000000 days');
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '2562047788 hours');
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '1000000 hours', '{[2026-02-01,2026-03-01)}'::tstzmultirange);
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '2562047788 hours', '{[2026-02-01,2026-03-01)}'::tstzmultirange);
-- the clock stopped for good before the target is reached: never, infinity
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '1000000 hours', '{[2026-02-01,)}'::tstzmultirange);
-- what is left needs no deadline: the target less the 4 minutes of the Mondays
-- of January 2026 (5, 12, 19, 26): 999999:56:00, not negative
SELECT sla_remaining('mon 00:00-00:01', '2026-01-01', '1000000 hours', '2026-02-01');
-- and the same as through the deadline when that is in range: a 40 h target from
-- Thu 2026-01-01; by Mon 01-05 17:00 Thu, Fri and Mon are done (24 h), 16:00:00 left;
-- the deadline is Wed 01-07 17:00, 16:00:00 after Mon 17:00
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-01-01', '40 hours', '2026-01-05 17:00'),
       sla_elapsed('mon-fri 09:00-17:00', '2026-01-05 17:00',
                   sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '40 hours'));
-- past the deadline: by Thu 01-15 17:00 eleven weekdays of 8 h are done (88 h): -48:00:00
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-01-01', '40 hours', '2026-01-15 17:00');

-- ---------------------------------------------------------------------------
-- 3. parse errors: zones are the names of pg_timezone_names, not POSIX TZ
--    specifications (AAA24BBB-24 jumps 48 hours a year and made a month of
--    24x7 768 hours), nor the host's "localtime" or tzcode's "posixrules"
-- ---------------------------------------------------------------------------
SELECT '24x7 AAA24BBB-24'::sla_window;
SELECT 'mon-fri 09:00-17:00 AAA167BBB-167'::sla_window;
SELECT 'mon-fri 09:00-17:00 localtime'::sla_window;
SELECT 'mon-fri 09:00-17:00 posixrules'::sla_window;
SELECT 'mon-fri 09:00-17:00 EST5EDT4'::sla_window;
SELECT sla_elapsed('24x7 AAA24BBB-24', '2026-03-01', '2026-04-01');
-- every other name of pg_timezone_names is accepted, in any case, and kept as
-- the database spells it: one row, t and 0 names failing (1196 here, 2 less
-- than pg_timezone_names: the count depends on the tz database, so not shown)
CREATE FUNCTION pg_temp.zone_of(name text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN sla_timezone(('mon 09:00-17:00 ' || lower(name))::sla_window);
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;
SELECT bool_and(pg_temp.zone_of(name) IS NOT DISTINCT FROM name) AS all_kept,
       count(*) FILTER (WHERE pg_temp.zone_of(name) IS NULL) AS failing
FROM pg_timezone_names WHERE name NOT IN ('localtime', 'posixrules');
-- UTC, GMT and the Etc aliases: 24x7 (UTC is not printed) | 24x7 GMT | 24x7 Etc/GMT+5 | 24x7 EST5EDT
SELECT '24x7 utc'::sla_window, '24x7 gmt'::sla_window, '24x7 etc/gmt+5'::sla_window, '24x7 est5edt'::sla_window;
-- Etc/GMT+5 is five hours behind UTC: Monday 09:00-17:00 there is 14:00-22:00 UTC,
-- so 2026-01-05 (a Monday) 00:00 to 18:00 UTC counts 4 hours
SELECT sla_elapsed('mon 09:00-17:00 Etc/GMT+5', '2026-01-05 00:00+00', '2026-01-05 18:00+00');

-- ---------------------------------------------------------------------------
-- 4. parse errors: availability_state instants out of range.  Year 586544
--    overflowed the microseconds and read as a period starting in 1990
-- ---------------------------------------------------------------------------
SELECT 'v1 period=[586544-07-24 00:00:00+00,2026-01-01 00:00:00+00) downtime={}'::availability_state;
SELECT 'v1 period=[2026-01-01 00:00:00+00,999999-12-31 00:00:00+00) downtime={}'::availability_state;
SELECT 'v1 period=[294277-01-01 00:00:00+00,294277-01-02 00:00:00+00) downtime={}'::availability_state;
-- the first and the last day of PostgreSQL's timestamps still read back as they print
SELECT 'v1 period=[4714-11-24 00:00:00+00 BC,4714-11-25 00:00:00+00 BC) downtime={}'::availability_state;
SELECT 'v1 period=[294276-12-31 00:00:00+00,294276-12-31 23:59:59.999999+00) downtime={}'::availability_state;

