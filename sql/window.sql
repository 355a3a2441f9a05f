-- sla_window: coverage hours, canonical text, business-time arithmetic.
-- Every expected value below was worked out by hand; the comment on each
-- query says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- canonical output: days merged, ranges sorted and merged, overnight split at
-- midnight, zone printed unless UTC, holidays sorted and de-duplicated
SELECT w AS input, w::sla_window AS canonical
FROM unnest(ARRAY[
  '24x7',
  '24X7 Europe/Berlin',
  'mon-sun 00:00-24:00',
  'mon-fri 09:00-17:00 Europe/Berlin',
  'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York',
  'mon-sun 22:00-06:00 UTC',
  'sun 22:00-02:00',
  'fri 22:00-00:00',
  'mon-fri 09:00-17:00 Europe/London holidays 2027-01-01,2026-12-25,2026-12-26,2026-12-25',
  'fri-mon 10:00-11:00',
  'Monday, wed , FRI 9:00 - 12:00 , 12:00-13:00 europe/berlin',
  'tue 13:00-17:00; mon 09:00-12:00; wed 09:00-12:00',
  'mon 09:00-10:00 holidays 2026-01-01',
  'sat-sun 00:00-24:00; mon-fri 18:00-24:00 Asia/Kolkata'
]) AS w;

-- output -> input round-trips exactly
SELECT count(*) AS windows, count(*) FILTER (WHERE w::sla_window::text::sla_window::text = w::sla_window::text) AS round_trip
FROM unnest(ARRAY['24x7', 'mon-sun 22:00-06:00 UTC', 'fri-mon 10:00-11:00',
                  'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York holidays 2026-07-03',
                  '24x7 Pacific/Apia holidays 2011-12-30']) w;

-- equality is equality of the canonical form
SELECT 'mon-fri 09:00-17:00'::sla_window = 'MON-FRI 09:00-12:00,12:00-17:00 UTC' AS same,
       'mon-fri 09:00-17:00'::sla_window = 'mon-fri 09:00-17:00 Europe/Berlin' AS other_zone,
       'mon-fri 09:00-17:00'::sla_window <> 'mon-thu 09:00-17:00' AS differ;

-- accessors and calendars built from a holiday table
SELECT sla_timezone('mon 09:00-10:00 europe/berlin') AS zone,                      -- Europe/Berlin
       sla_timezone('24x7') AS default_zone,                                       -- UTC
       sla_holidays('mon 09:00-10:00 holidays 2026-12-26,2026-12-25') AS holidays, -- sorted
       sla_holidays('24x7') AS none;                                               -- {}
CREATE TABLE holiday_table (day date);
INSERT INTO holiday_table VALUES ('2026-12-25'), ('2026-12-26'), ('2026-12-25'), (NULL);
SELECT sla_with_holidays('mon-fri 09:00-17:00 Europe/Berlin holidays 2027-01-01',
                         (SELECT array_agg(day) FROM holiday_table)) AS merged;
DROP TABLE holiday_table;

-- binary COPY round trip
CREATE TABLE win_t (id int, w sla_window);
INSERT INTO win_t VALUES (1, '24x7'), (2, 'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York'),
  (3, 'mon-sun 22:00-06:00 holidays 2026-12-25,2027-01-01'), (4, 'wed 10:00-11:00 Australia/Lord_Howe');
\set copyfile '/tmp/ms_window_copy.bin'
COPY win_t TO :'copyfile' (FORMAT binary);
CREATE TABLE win_copy (LIKE win_t);
COPY win_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.w = b.w AND a.w::text = b.w::text) AS equal
FROM win_t a JOIN win_copy b USING (id);
-- hashing agrees with equality: 4 groups of 2
SELECT w::text AS window, count(*) FROM (SELECT w FROM win_t UNION ALL SELECT w FROM win_copy) x GROUP BY w ORDER BY 1;
DROP TABLE win_t, win_copy;

-- ---------------------------------------------------------------------------
-- sla_elapsed, hand-checked (2026-11-20 is a Friday, 2026-11-23 a Monday)
-- ---------------------------------------------------------------------------
-- a ticket spanning a weekend: Fri 16:00 -> Mon 10:00 in 09-17 = 1h + 1h = 02:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-20 16:00+00', '2026-11-23 10:00+00');
-- the same backwards is negative: -02:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-23 10:00+00', '2026-11-20 16:00+00');
-- a = b: 00:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-23 10:00+00', '2026-11-23 10:00+00');
-- start and end in closed time: Sat 10:00 -> Mon 08:00 = 00:00:00; Sat -> Mon 10:00 = 01:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-21 10:00+00', '2026-11-23 08:00+00') AS closed_closed,
       sla_elapsed('mon-fri 09:00-17:00', '2026-11-21 10:00+00', '2026-11-23 10:00+00') AS closed_open;
-- a lunch break: Mon 11:00 -> 14:00 with 08-12,13-17 = 1h + 1h = 02:00:00
SELECT sla_elapsed('mon-fri 08:00-12:00,13:00-17:00', '2026-11-23 11:00+00', '2026-11-23 14:00+00');
-- a holiday: Thu 2026-12-24 16:00 Berlin -> Mon 12-28 10:00 Berlin, Friday closed = 1h + 1h = 02:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25',
                   '2026-12-24 16:00'::timestamp AT TIME ZONE 'Europe/Berlin',
                   '2026-12-28 10:00'::timestamp AT TIME ZONE 'Europe/Berlin');
-- an overnight range: mon-sun 22:00-06:00, Mon 20:00 -> Tue 12:00 = 2h + 6h = 08:00:00
SELECT sla_elapsed('mon-sun 22:00-06:00', '2026-11-23 20:00+00', '2026-11-24 12:00+00');
-- an overnight range whose morning falls on a holiday date: Tue 00-06 closed = 02:00:00
SELECT sla_elapsed('mon-sun 22:00-06:00 holidays 2026-11-24', '2026-11-23 20:00+00', '2026-11-24 12:00+00');
-- 24x7 equals wall-clock time: a year is 8760:00:00, 2028 (leap) 8784:00:00
SELECT sla_elapsed('24x7', '2026-01-01', '2027-01-01') AS y2026,
       sla_elapsed('24x7 Europe/Berlin', '2028-01-01', '2029-01-01') AS y2028;
-- a business week in a zone without DST (+05:30): 40:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00 Asia/Kolkata', '2026-11-23 00:00+05:30', '2026-11-30 00:00+05:30');
-- a year of business days: 2026 has 261 weekdays = 2088:00:00; minus 3 weekday holidays = 2064:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-01-01', '2027-01-01') AS weekdays,
       sla_elapsed('mon-fri 09:00-17:00 holidays 2026-01-01,2026-12-25,2026-07-04,2026-05-01', '2026-01-01', '2027-01-01') AS minus_holidays;

-- ---------------------------------------------------------------------------
-- DST in the window's zone
-- ---------------------------------------------------------------------------
-- a 00:00-24:00 day has 23 hours on spring-forward and 25 on fall-back days
SELECT z, d,
       sla_elapsed(('mon-sun 00:00-24:00 ' || z)::sla_window,
                   d::timestamp AT TIME ZONE z, (d + 1)::timestamp AT TIME ZONE z) AS open_hours
FROM (VALUES ('Europe/Berlin', date '2026-03-29'), ('Europe/Berlin', date '2026-10-25'),
             ('America/New_York', date '2026-03-08'), ('America/New_York', date '2026-11-01'),
             ('Europe/Berlin', date '2026-06-01'),
             -- Lord Howe shifts by 30 minutes: 23:30 on 2026-10-04, 24:30 on 2026-04-05
             ('Australia/Lord_Howe', date '2026-10-04'), ('Australia/Lord_Howe', date '2026-04-05')) v(z, d);
-- the same as wall-clock time from UTC: Berlin spring 23:00:00, fall 25:00:00
SELECT sla_elapsed('mon-sun 00:00-24:00 Europe/Berlin', '2026-03-28 23:00+00', '2026-03-29 22:00+00') AS spring,
       sla_elapsed('mon-sun 00:00-24:00 Europe/Berlin', '2026-10-24 22:00+00', '2026-10-25 23:00+00') AS fall;
-- an overnight range across the transition: Sat 22:00 -> Sun 06:00 Berlin is 7h in spring, 9h in autumn
SELECT sla_elapsed('sat 22:00-06:00 Europe/Berlin', '2026-03-28', '2026-03-30') AS spring_night,
       sla_elapsed('sat 22:00-06:00 Europe/Berlin', '2026-10-24', '2026-10-26') AS autumn_night;
-- a business day is unaffected by a transition at 02:00: 08:00:00 each
SELECT sla_elapsed('mon-sun 09:00-17:00 America/New_York', '2026-03-08 00:00'::timestamp AT TIME ZONE 'America/New_York',
                   '2026-03-09 00:00'::timestamp AT TIME ZONE 'America/New_York') AS spring_day,
       sla_elapsed('mon-sun 09:00-17:00 America/New_York', '2026-11-01 00:00'::timestamp AT TIME ZONE 'America/New_York',
                   '2026-11-02 00:00'::timestamp AT TIME ZONE 'America/New_York') AS fall_day;
-- a range that starts in the spring-forward gap: 02:30-04:00 New York on 2026-03-08.
-- 02:30 converts like PostgreSQL converts it (the offset before the jump: 07:30 UTC,
-- which is 03:30 EDT) and 04:00 EDT is 08:00 UTC: 00:30:00
SELECT sla_elapsed('sun 02:30-04:00 America/New_York', '2026-03-08', '2026-03-09') AS gap_start,
       '2026-03-08 02:30'::timestamp AT TIME ZONE 'America/New_York' AS pg_converts_0230_to;
-- a range in the fall-back overlap: 01:00-01:30 New York on 2026-11-01 is taken in
-- standard time (06:00-06:30 UTC), once: 00:30:00
SELECT sla_elapsed('sun 01:00-01:30 America/New_York', '2026-11-01', '2026-11-02') AS overlap;
-- Pacific/Apia skipped 2011-12-30 (Friday): a full-day window counts the 48 UTC hours from
-- Thu 12-29 00:00 (-10) to Sun 01-01 00:00 (+14) as 48:00:00
SELECT sla_elapsed('mon-sun 00:00-24:00 Pacific/Apia',
                   '2011-12-29 00:00'::timestamp AT TIME ZONE 'Pacific/Apia',
                   '2012-01-01 00:00'::timestamp AT TIME ZONE 'Pacific/Apia') AS apia_48h;
-- ... and the skipped date's own midnight-to-midnight is empty, as a holiday there changes nothing
SELECT sla_elapsed('mon-sun 00:00-24:00 Pacific/Apia holidays 2011-12-30',
                   '2011-12-29 00:00'::timestamp AT TIME ZONE 'Pacific/Apia',
                   '2012-01-01 00:00'::timestamp AT TIME ZONE 'Pacific/Apia') AS with_holiday;

-- ---------------------------------------------------------------------------
-- sla_open, sla_next_open, sla_next_close
-- ---------------------------------------------------------------------------
-- Monday 2026-11-23 in Berlin (UTC+1): 08:30 UTC is 09:30 local (open), 07:30 UTC is 08:30 (closed);
-- the end of a range is closed, its start open
SELECT sla_open('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-23 08:30+00') AS at_0930,
       'mon-fri 09:00-17:00 Europe/Berlin'::sla_window @> '2026-11-23 07:30+00'::timestamptz AS at_0830,
       sla_open('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-23 08:00+00') AS at_0900,
       sla_open('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-23 16:00+00') AS at_1700,
       sla_open('mon-fri 09:00-17:00 Europe/Berlin holidays 2026-11-23', '2026-11-23 08:30+00') AS on_holiday;
-- from Saturday the next opening is Monday 09:00 Berlin = 08:00 UTC; while open, next_open is t
SELECT sla_next_open('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-21 08:30+00') AS from_saturday,
       sla_next_open('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-23 10:00+00') AS while_open,
       sla_next_close('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-23 08:30+00') AS closes_1700_local,
       sla_next_close('mon-fri 09:00-17:00 Europe/Berlin', '2026-11-21 08:30+00') AS while_closed;
-- touching ranges across midnight do not close: mon-sun 22:00-06:00 closes at 06:00
SELECT sla_next_close('mon-sun 22:00-06:00', '2026-11-23 23:00+00') AS overnight_close,
       sla_next_close('24x7', '2026-01-01') AS never,
       sla_next_close('24x7 Europe/Berlin holidays 2026-12-25', '2026-12-01') AS holiday_midnight_berlin,
       sla_next_open('24x7 holidays 2026-12-25,2026-12-26', '2026-12-25 12:00+00') AS after_holidays;

-- ---------------------------------------------------------------------------
-- sla_deadline (2026-11-23 is a Monday; window 09-17 UTC)
-- ---------------------------------------------------------------------------
-- 4 business hours from Mon 16:00 is Tue 12:00; 1 hour from Mon 16:00 is Mon 17:00, not Tue 09:00
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 16:00+00', '4 hours') AS four_hours,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 16:00+00', '1 hour') AS one_hour;
-- "1 business day" from Saturday, Friday 18:00 and Monday 07:00 is Monday 17:00; from Monday 10:30 Tuesday 10:30
SELECT t AS opened, sla_deadline('mon-fri 09:00-17:00', t, '1 day') AS due
FROM unnest(ARRAY['2026-11-21 12:00+00', '2026-11-20 18:00+00', '2026-11-23 07:00+00',
                  '2026-11-23 10:30+00']::timestamptz[]) t;
-- days then hours: 1 day 2 hours from Mon 10:30 = Tue 12:30; 1 day from Fri 10:30 = Mon 10:30,
-- Tue 10:30 when Monday is a holiday; 24 hours from Mon 10:00 = 7+8+8+1 = Thu 10:00
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:30+00', '1 day 2 hours') AS day_and_hours,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-20 10:30+00', '1 day') AS over_weekend,
       sla_deadline('mon-fri 09:00-17:00 holidays 2026-11-23', '2026-11-20 10:30+00', '1 day') AS over_holiday,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:00+00', '24 hours') AS twenty_four_hours;
-- 5 business days from Mon 10:30 is the next Monday 10:30; 20 from Mon 10:30 is four weeks later
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:30+00', '5 days') AS five_days,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:30+00', '20 days') AS twenty_days;
-- a zero target is due at once; 24x7 deadlines are wall-clock
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-21 12:00+00', '0') AS zero,
       sla_deadline('24x7', '2026-11-21 12:00+00', '36 hours') AS wall_clock;
-- a lunch break: 3 hours from 10:30 in 08-12,13-17 = 1.5h + 1.5h = 14:30
SELECT sla_deadline('mon-fri 08:00-12:00,13:00-17:00', '2026-11-23 10:30+00', '3 hours');
-- across spring-forward in New York: 20 hours of a 00:00-24:00 window from Sat 2026-03-07 12:00 EST
-- (17:00 UTC): 12h to midnight, then Sunday has 23h; 8 local hours later with the jump = 09:00 EDT = 13:00 UTC
SELECT sla_deadline('mon-sun 00:00-24:00 America/New_York', '2026-03-07 17:00+00', '20 hours');

-- ---------------------------------------------------------------------------
-- before 2000-01-01 (PostgreSQL's zero point: local positions are negative)
-- ---------------------------------------------------------------------------
-- Fri 1999-12-31 12:00 is open: next_open is itself, 1 hour later is 13:00; from Thu 18:00 it is Fri 09:00
SELECT sla_next_open('mon-fri 09:00-17:00', '1999-12-31 12:00+00') AS open_friday,
       sla_deadline('mon-fri 09:00-17:00', '1999-12-31 12:00+00', '1 hour') AS hour_later,
       sla_next_open('mon-fri 09:00-17:00', '1999-12-30 18:00+00') AS from_thursday_evening;
-- Berlin had no DST in 1979 (UTC+1): 09:00 local is 08:00 UTC; Kolkata 09:00-17:00 is 03:30-11:30 UTC
SELECT sla_next_open('mon-fri 09:00-17:00 Europe/Berlin', '1979-05-31 07:59+00') AS berlin_1979,
       sla_deadline('mon-fri 09:00-17:00 Asia/Kolkata', '1979-05-31 07:59+00', '1 hour') AS kolkata_1979,
       sla_elapsed('mon-fri 09:00-17:00', '1950-01-02', '1950-01-09') AS week_1950,          -- 40:00:00
       sla_deadline('mon-fri 09:00-17:00', '1950-01-06 16:00+00', '1 day') AS day_1950;     -- Mon 1950-01-09 16:00

-- ---------------------------------------------------------------------------
-- pauses (the clock stopped while waiting on the customer)
-- ---------------------------------------------------------------------------
-- open time inside ranges: [Mon 08:00, 10:00) = 1h, [Mon 16:00, Tue 10:00) = 2h: 03:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00',
                   tstzmultirange(tstzrange('2026-11-23 08:00+00', '2026-11-23 10:00+00'),
                                  tstzrange('2026-11-23 16:00+00', '2026-11-24 10:00+00')));
-- Mon 09:00 -> Tue 17:00 is 16h; paused Mon 12:00 -> Tue 10:00 takes 5h + 1h: 10:00:00
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '2026-11-24 17:00+00',
                   tstzmultirange(tstzrange('2026-11-23 12:00+00', '2026-11-24 10:00+00')));
-- 8 hours from Mon 09:00: 3h, the pause, then 5h from Tue 10:00 = Tue 15:00
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '8 hours',
                    tstzmultirange(tstzrange('2026-11-23 12:00+00', '2026-11-24 10:00+00')));
-- a pause that never ends: the deadline is infinity; no pauses: as without
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '8 hours',
                    tstzmultirange(tstzrange('2026-11-23 12:00+00', NULL))) AS never_resumes,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '8 hours', '{}'::tstzmultirange) AS no_pauses;

-- six windows alternating row by row at one call site (the per-call-site cache keeps four
-- and evicts): the sums equal those computed one window at a time
CREATE TEMP TABLE wins (wid int, w sla_window);
INSERT INTO wins VALUES (1, 'mon-fri 09:00-17:00 Europe/Berlin'), (2, '24x7'), (3, 'mon-sun 22:00-06:00 America/New_York'),
  (4, 'mon-fri 08:00-12:00,13:00-17:00 holidays 2026-12-25'), (5, 'sat-sun 10:00-14:00 Asia/Kolkata'),
  (6, 'mon,wed,fri 07:00-19:00 Australia/Lord_Howe');
CREATE TEMP TABLE spans AS
SELECT i, 1 + i % 6 AS wid, '2026-01-01'::timestamptz + i * interval '7 hours 13 minutes' AS a,
       '2026-01-01'::timestamptz + i * interval '7 hours 13 minutes' + (i % 97) * interval '3 hours' AS b
FROM generate_series(1, 3000) i;
SELECT count(*) AS windows_equal FROM (
  SELECT wid, sum(sla_elapsed(w, a, b)) AS mixed FROM spans JOIN wins USING (wid) GROUP BY wid) m
JOIN (SELECT 1 AS wid, sum(sla_elapsed('mon-fri 09:00-17:00 Europe/Berlin', a, b)) AS alone FROM spans WHERE wid = 1
      UNION ALL SELECT 2, sum(sla_elapsed('24x7', a, b)) FROM spans WHERE wid = 2
      UNION ALL SELECT 3, sum(sla_elapsed('mon-sun 22:00-06:00 America/New_York', a, b)) FROM spans WHERE wid = 3
      UNION ALL SELECT 4, sum(sla_elapsed('mon-fri 08:00-12:00,13:00-17:00 holidays 2026-12-25', a, b)) FROM spans WHERE wid = 4
      UNION ALL SELECT 5, sum(sla_elapsed('sat-sun 10:00-14:00 Asia/Kolkata', a, b)) FROM spans WHERE wid = 5
      UNION ALL SELECT 6, sum(sla_elapsed('mon,wed,fri 07:00-19:00 Australia/Lord_Howe', a, b)) FROM spans WHERE wid = 6) s
USING (wid) WHERE m.mixed = s.alone;
-- ... and the rows really alternate (ordered by i, the window changes every row)
SELECT sum(sla_elapsed(w, a, b)) = (SELECT sum(sla_elapsed(w, a, b)) FROM spans JOIN wins USING (wid)) AS ordered_equal
FROM (SELECT w, a, b FROM spans JOIN wins USING (wid) ORDER BY i) o;
DROP TABLE wins, spans;

-- NULL in, NULL out
SELECT sla_elapsed(NULL, now(), now()), sla_open('24x7', NULL), sla_deadline('24x7', now(), NULL);

-- ---------------------------------------------------------------------------
-- parse errors: 22P02 with the position and what was expected
-- ---------------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT ''::sla_window;
SELECT 'mon-fry 09:00-17:00'::sla_window;
SELECT 'mon-fri 25:00-17:00'::sla_window;
SELECT 'mon-fri 09:00-24:30'::sla_window;
SELECT 'mon-fri 24:00-02:00'::sla_window;
SELECT 'mon-fri 09:00-09:00'::sla_window;
SELECT 'mon-fri 9-17'::sla_window;
SELECT 'mon-fri'::sla_window;
SELECT 'mon-fri 09:00-17:00 Europe/Berln'::sla_window;
SELECT 'mon-fri 09:00-17:00 holidays 2026-02-30'::sla_window;
SELECT 'mon-fri 09:00-17:00 holidays 26-12-25'::sla_window;
SELECT 'mon-fri 09:00-17:00 UTC extra'::sla_window;
SELECT 'mon-fri 09:00-17:00; '::sla_window;
SELECT 'mon-fri 09:00-12:00,11:00-13:00'::sla_window;
SELECT 'mon-sun 22:00-06:00; tue 05:00-07:00'::sla_window;
SELECT 'mon-fri 09:00-17:00 holidays 1850-01-01'::sla_window;

-- ---------------------------------------------------------------------------
-- semantic errors and out of range
-- ---------------------------------------------------------------------------
SELECT sla_deadline('24x7', '2026-11-23', '1 month');
SELECT sla_deadline('24x7', '2026-11-23', '-1 hour');
SELECT sla_elapsed('24x7', '-infinity', '2026-11-23');
SELECT sla_elapsed('24x7', '2026-11-23', 'infinity');
SELECT sla_open('24x7', 'infinity');
SELECT sla_elapsed('mon-fri 09:00-17:00', '1800-01-01', '2026-11-23');
SELECT sla_deadline('mon-fri 09:00-17:00', '2299-12-01', '1000 days');
SELECT sla_elapsed('24x7', tstzmultirange(tstzrange('2026-11-23', NULL)));
SELECT sla_with_holidays('24x7', ARRAY['infinity']::date[]);
