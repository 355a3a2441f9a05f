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


-- ---------------------------------------------------------------------------
-- touching ranges are one range: the canonical form is the value
-- ---------------------------------------------------------------------------
-- New York springs forward on Sun 2026-03-08 at 02:00 EST to 03:00 EDT.  Touching ranges merge
-- at input, so 'sun 02:30-03:10,03:10-05:00' IS 'sun 02:30-05:00' and behaves exactly like it.
-- 02:30 does not exist that day; PostgreSQL converts it with the offset before the jump (EST,
-- -05:00): 07:30 UTC, which is 03:30 EDT.  05:00 EDT is 09:00 UTC: 01:30:00 for both spellings.
-- 03:10-05:00 alone starts at 03:10 EDT = 07:10 UTC: 01:50:00, 20 minutes more.
SELECT 'sun 02:30-03:10,03:10-05:00 America/New_York'::sla_window AS canonical,
       'sun 02:30-03:10,03:10-05:00 America/New_York'::sla_window = 'sun 02:30-05:00 America/New_York' AS equal,
       sla_elapsed('sun 02:30-03:10,03:10-05:00 America/New_York', '2026-03-08', '2026-03-09') AS as_written,
       sla_elapsed('sun 02:30-05:00 America/New_York', '2026-03-08', '2026-03-09') AS merged,
       sla_elapsed('sun 03:10-05:00 America/New_York', '2026-03-08', '2026-03-09') AS later_start;
-- 07:20 UTC (03:20 EDT) is closed under the merged range (it opens at 07:30 UTC), open under
-- 03:10-05:00; the merged range opens at 07:30 UTC
SELECT sla_open('sun 02:30-03:10,03:10-05:00 America/New_York', '2026-03-08 07:20+00') AS merged_0720,
       sla_open('sun 03:10-05:00 America/New_York', '2026-03-08 07:20+00') AS later_0720,
       sla_next_open('sun 02:30-03:10,03:10-05:00 America/New_York', '2026-03-08 05:00+00') AS merged_opens;

-- ---------------------------------------------------------------------------
-- special hours on given dates
-- ---------------------------------------------------------------------------
-- canonical: one date per entry, sorted, '; ' between entries, split at midnight; date lists
-- and ',' before a date are accepted; holidays print before hours; a date that only gets the
-- after-midnight part of an overnight range keeps its weekday hours besides (Fri 2027-01-01
-- 00:00-02:00 plus 09:00-17:00); a tail on a holiday is closed
SELECT w AS input, w::sla_window AS canonical
FROM unnest(ARRAY[
  'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25 hours 2026-12-24 09:00-12:00, 2026-12-27 10:00-14:00',
  'mon-fri 09:00-17:00 hours 2026-12-31,2026-12-24 09:00-12:00 holidays 2026-12-25',
  'mon-fri 09:00-17:00 HOURS 2026-12-24 13:00-14:00 , 09:00-12:00 ; 2026-12-26 10:00-14:00',
  'mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00',
  'mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00; 2027-01-01 10:00-11:00',
  'mon-fri 09:00-17:00 holidays 2027-01-01 hours 2026-12-31 20:00-02:00',
  '24x7 hours 2026-12-24 00:00-24:00'
]) AS w;

-- A: Berlin (UTC+1 in December).  Thu 12-24 half day 09-12, Fri 12-25 holiday, Sat 12-26 an
-- extra working day 10-14, Tue 12-29 a different shift 13-21.
CREATE TEMP TABLE cal AS SELECT 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00; 2026-12-29 13:00-21:00'::sla_window AS w;
-- Mon 12-21 .. Mon 12-28 00:00: 3 x 8 + 3 + 0 + 4 = 31:00:00; to Wed 12-30 00:00: + 8 + 8 = 47:00:00
SELECT sla_elapsed(w, '2026-12-21 00:00+01', '2026-12-28 00:00+01') AS week,
       sla_elapsed(w, '2026-12-21 00:00+01', '2026-12-30 00:00+01') AS nine_days
FROM cal;
-- open: Thu 11:00 yes, Thu 12:30 no (half day), Sat 12:00 yes, Tue 10:00 no, Tue 20:00 yes
SELECT sla_open(w, '2026-12-24 11:00+01') AS thu_1100, sla_open(w, '2026-12-24 12:30+01') AS thu_1230,
       sla_open(w, '2026-12-26 12:00+01') AS sat_1200, sla_open(w, '2026-12-29 10:00+01') AS tue_1000,
       sla_open(w, '2026-12-29 20:00+01') AS tue_2000
FROM cal;
-- next opening after the half day is Sat 10:00+01 (09:00 UTC), which closes at 14:00+01
-- (13:00 UTC); Tue opens at 13:00+01 (12:00 UTC); Thu's close of business is 12:00+01
SELECT sla_next_open(w, '2026-12-24 12:30+01') AS after_half_day,
       sla_next_close(w, '2026-12-26 10:00+01') AS saturday_closes,
       sla_next_open(w, '2026-12-29 08:00+01') AS tuesday_opens,
       sla_close_of_business(w, '2026-12-24 08:00+01') AS thursday_close
FROM cal;
-- hours: Thu 11:00 + 4h = 1h Thu + 3h Sat = Sat 13:00+01 (12:00 UTC); Wed 16:00 + 2h = Thu
-- 10:00+01 (09:00 UTC); Mon 12-28 15:00 + 4h = 2h Mon + 2h from Tue 13:00 = Tue 15:00+01 (14:00 UTC)
SELECT sla_deadline(w, '2026-12-24 11:00+01', '4 hours') AS over_holiday,
       sla_deadline(w, '2026-12-23 16:00+01', '2 hours') AS into_half_day,
       sla_deadline(w, '2026-12-28 15:00+01', '4 hours') AS into_late_shift
FROM cal;
-- days: 1 day from Wed 14:00 = Thu 14:00, closed since 12:00: Thu 12:00+01 (11:00 UTC);
-- 1 day from Thu 10:30 = Sat 10:30+01 (09:30 UTC, the holiday skipped, Saturday a business
-- date); 2 days from Wed 11:00 = Sat 11:00+01 (10:00 UTC); 1 day from Mon 12-28 10:00 = Tue
-- 10:00, closed until 13:00, so where the clock last stopped: Mon 17:00+01 (16:00 UTC)
SELECT sla_deadline(w, '2026-12-23 14:00+01', '1 day') AS to_half_day,
       sla_deadline(w, '2026-12-24 10:30+01', '1 day') AS to_saturday,
       sla_deadline(w, '2026-12-23 11:00+01', '2 days') AS two_days,
       sla_deadline(w, '2026-12-28 10:00+01', '1 day') AS before_late_shift
FROM cal;
DROP TABLE cal;
-- an overnight special range (UTC): Thu 12-31 20:00-24:00, Fri 2027-01-01 00:00-02:00 and its
-- weekday 09:00-17:00.  Thu..Sat: 4 + 2 + 8 = 14:00:00; Thu 10:00 is closed (the date's hours
-- are replaced); from Thu 21:00 the clock runs to Fri 02:00; 2 hours from Thu 23:00 = Fri 01:00
SELECT sla_elapsed('mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00', '2026-12-31', '2027-01-02') AS new_year,
       sla_open('mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00', '2026-12-31 10:00+00') AS thu_1000,
       sla_next_close('mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00', '2026-12-31 21:00+00') AS closes,
       sla_deadline('mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00', '2026-12-31 23:00+00', '2 hours') AS due;
-- long spans (UTC): 2026 has 261 weekdays = 2088 hours; the half day takes 5, the Saturday
-- adds 4: 2087:00:00.  From Mon 2026-06-01 00:00, 1000 hours are 25 weeks (Fri 11-20 17:00)
-- without special hours; a half-day Friday 07-03 (-5) and a working Saturday 08-01 (+4) move
-- it one business hour on: Mon 11-23 10:00.  125 business days from Mon 06-01 10:00 are Mon
-- 11-23 10:00, one date sooner with the extra Saturday: Fri 11-20 10:00
SELECT sla_elapsed('mon-fri 09:00-17:00 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00', '2026-01-01', '2027-01-01') AS year,
       sla_deadline('mon-fri 09:00-17:00', '2026-06-01', '1000 hours') AS plain_1000h,
       sla_deadline('mon-fri 09:00-17:00 hours 2026-07-03 09:00-12:00; 2026-08-01 10:00-14:00', '2026-06-01', '1000 hours') AS special_1000h,
       sla_deadline('mon-fri 09:00-17:00', '2026-06-01 10:00+00', '125 days') AS plain_125d,
       sla_deadline('mon-fri 09:00-17:00 hours 2026-07-03 09:00-12:00; 2026-08-01 10:00-14:00', '2026-06-01 10:00+00', '125 days') AS special_125d;
-- special hours on DST days in Berlin: all of Sun 2026-03-29 is 23 hours; Sat 03-28 22:00 (+01,
-- 21:00 UTC) to Sun 06:00 (+02, 04:00 UTC) is 7 hours
SELECT sla_elapsed('mon-fri 09:00-17:00 Europe/Berlin hours 2026-03-29 00:00-24:00', '2026-03-28 12:00+00', '2026-03-30 00:00+00') AS dst_sunday,
       'mon-fri 09:00-17:00 Europe/Berlin hours 2026-03-28 22:00-06:00'::sla_window AS night,
       sla_elapsed('mon-fri 09:00-17:00 Europe/Berlin hours 2026-03-28 22:00-06:00', '2026-03-28 12:00+00', '2026-03-29 12:00+00') AS dst_night;
-- pauses: 4 hours from Thu 12-24 09:00 (UTC window) paused 10:00-11:00: 1h, the pause, 1h to
-- 12:00, the holiday, then 2h from Sat 10:00 = Sat 12:00
SELECT sla_deadline('mon-fri 09:00-17:00 holidays 2026-12-25 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00', '2026-12-24 09:00+00', '4 hours',
                    tstzmultirange(tstzrange('2026-12-24 10:00+00', '2026-12-24 11:00+00'))) AS paused_due;

-- binary COPY of special hours; a version 1 value (as sent before special hours) still reads
CREATE TABLE win_t (id int, w sla_window);
INSERT INTO win_t VALUES (1, 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00'),
  (2, 'mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00'), (3, '24x7 hours 2026-12-24 00:00-12:00');
COPY win_t TO :'copyfile' (FORMAT binary);
CREATE TABLE win_copy (LIKE win_t);
COPY win_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.w = b.w AND a.w::text = b.w::text) AS equal
FROM win_t a JOIN win_copy b USING (id);
-- version 1, 'mon-fri 09:00-17:00' UTC: zone, five days of one range (32400, 61200 s), no holidays
SELECT lo_from_bytea(0, decode('5047434f50590aff0d0a00' || '00000000' || '00000000' ||
         '0001' || '00000038' || '01' || '55544300' || repeat('0100007e900000ef10', 5) || '0000' || '00000000' ||
         'ffff', 'hex')) AS v1_lo \gset
SELECT lo_export(:v1_lo, :'copyfile') AS written, lo_unlink(:v1_lo) AS unlinked;
CREATE TABLE win_v1 (w sla_window);
COPY win_v1 FROM :'copyfile' (FORMAT binary);
SELECT w, w = 'mon-fri 09:00-17:00' AS same, get_byte(sla_window_send(w), 0) AS sends_version FROM win_v1;
DROP TABLE win_t, win_copy, win_v1;

-- ---------------------------------------------------------------------------
-- close of business and "next business day"
-- ---------------------------------------------------------------------------
-- L: 08-12 and 13-17 UTC, Monday 2026-03-09 a holiday.  sla_next_close stops at the lunch break,
-- sla_close_of_business at 17:00; after the close or on closed days it is the next business
-- day's: Tue 18:00 -> Wed 17:00, Tue 07:00 -> Tue 17:00, Sat and Fri 18:00 -> Tue 17:00
CREATE TEMP TABLE cal AS SELECT 'mon-fri 08:00-12:00,13:00-17:00 holidays 2026-03-09'::sla_window AS w;
SELECT sla_next_close(w, '2026-03-10 10:00+00') AS next_close,
       sla_close_of_business(w, '2026-03-10 10:00+00') AS cob_1000,
       sla_close_of_business(w, '2026-03-10 12:30+00') AS cob_lunch,
       sla_close_of_business(w, '2026-03-10 18:00+00') AS cob_evening,
       sla_close_of_business(w, '2026-03-10 07:00+00') AS cob_early,
       sla_close_of_business(w, '2026-03-07 12:00+00') AS cob_saturday,
       sla_close_of_business(w, '2026-03-06 18:00+00') AS cob_friday_evening
FROM cal;
-- next business day: the close of the business day after the ticket's business day.
-- Fri 10:00 -> Tue 17:00 (Monday is a holiday); Fri 18:00, Sat, holiday Mon 10:00, Tue 07:00
-- and Tue 12:30 (lunch) all count as Tuesday's -> Wed 17:00; Tue 17:00 is after the close -> Thu
-- 17:00.  "1 day" from Fri 18:00 is Tue 17:00 (the next opening, one business date on)
SELECT t AS opened, sla_next_business_day_close(w, t) AS next_business_day,
       sla_deadline(w, t, sla_next_business_day()) AS via_target, sla_deadline(w, t, '1 day') AS one_day
FROM cal, unnest(ARRAY['2026-03-06 10:00+00', '2026-03-06 18:00+00', '2026-03-07 12:00+00', '2026-03-09 10:00+00',
                       '2026-03-10 07:00+00', '2026-03-10 12:30+00', '2026-03-10 17:00+00']::timestamptz[]) t;
-- an overnight window (mon-fri 22:00-06:00): Tue 03:00 is in Monday's range, which closes Tue
-- 06:00; Tue 10:00 belongs to Tuesday's, closing Wed 06:00; next business day from Tue 03:00 is
-- Tuesday's range: Wed 06:00.  24x7 never closes: infinity
SELECT sla_close_of_business('mon-fri 22:00-06:00', '2026-03-10 03:00+00') AS night_cob,
       sla_close_of_business('mon-fri 22:00-06:00', '2026-03-10 10:00+00') AS day_cob,
       sla_next_business_day_close('mon-fri 22:00-06:00', '2026-03-10 03:00+00') AS night_nbd,
       sla_close_of_business('24x7', '2026-03-10 03:00+00') AS always,
       sla_next_business_day_close('24x7 Europe/Berlin', '2026-03-10 03:00+00') AS always_nbd;
-- in a policy: 'next business day' is stored and printed as such; sla_target gives the marker
SELECT p, sla_target(p, 'SEV4', 'response') AS target,
       sla_target(p, 'SEV4', 'response') = sla_next_business_day() AS is_marker
FROM (VALUES ('SEV1 respond 1 hour resolve 4 hours; SEV4 respond next business day resolve 5 days'::sla_policy)) v(p);
-- ... and survives binary COPY
CREATE TABLE pol_t (p sla_policy);
INSERT INTO pol_t VALUES ('SEV2 resolve next business day; SEV4 respond next business day resolve 3 days');
COPY pol_t TO :'copyfile' (FORMAT binary);
CREATE TABLE pol_copy (LIKE pol_t);
COPY pol_copy FROM :'copyfile' (FORMAT binary);
SELECT b.p, a.p = b.p AS equal FROM pol_t a, pol_copy b;
DROP TABLE pol_t, pol_copy;
-- the SEV4 ticket opened Fri 18:00 is due Wed 17:00: done Wed 11:00 met, done Wed 17:30 (closed
-- time right after the deadline) met, done Thu 09:00 breached; open as of Wed 16:00 pending,
-- as of Thu 09:00 breached; remaining at Wed 15:00: 02:00:00
SELECT sla_status(w, '2026-03-06 18:00+00', '2026-03-11 11:00+00', sla_next_business_day(), '2026-03-20') AS wed_1100,
       sla_status(w, '2026-03-06 18:00+00', '2026-03-11 17:30+00', sla_next_business_day(), '2026-03-20') AS wed_1730,
       sla_status(w, '2026-03-06 18:00+00', '2026-03-12 09:00+00', sla_next_business_day(), '2026-03-20') AS thu_0900,
       sla_status(w, '2026-03-06 18:00+00', NULL, sla_next_business_day(), '2026-03-11 16:00+00') AS open_wed,
       sla_status(w, '2026-03-06 18:00+00', NULL, sla_next_business_day(), '2026-03-12 09:00+00') AS open_thu,
       sla_remaining(w, '2026-03-06 18:00+00', sla_next_business_day(), '2026-03-11 15:00+00') AS remaining
FROM cal;
-- the summary of those three done tickets and the two open ones: met 2, breached 2, pending 1;
-- with a pause of Tue 10:00-11:00 the deadline moves one business hour to Thu 09:00, so the
-- Thu 09:00 ticket is met (the clock reaches the target exactly there)
SELECT sla_summary_agg(w, o, d, sla_target('SEV4 respond next business day', 'SEV4', 'response'), a) AS summary,
       sla_deadline(w, '2026-03-06 18:00+00', sla_next_business_day(),
                    tstzmultirange(tstzrange('2026-03-10 10:00+00', '2026-03-10 11:00+00'))) AS paused_due,
       sla_status(w, '2026-03-06 18:00+00', '2026-03-12 09:00+00', sla_next_business_day(), '2026-03-20',
                  tstzmultirange(tstzrange('2026-03-10 10:00+00', '2026-03-10 11:00+00'))) AS paused_thu_0900
FROM cal, (VALUES ('2026-03-06 18:00+00'::timestamptz, '2026-03-11 11:00+00'::timestamptz, '2026-03-20'::timestamptz),
                  ('2026-03-06 18:00+00', '2026-03-11 17:30+00', '2026-03-20'),
                  ('2026-03-06 18:00+00', '2026-03-12 09:00+00', '2026-03-20'),
                  ('2026-03-06 18:00+00', NULL, '2026-03-11 16:00+00'),
                  ('2026-03-06 18:00+00', NULL, '2026-03-12 09:00+00')) v(o, d, a)
GROUP BY w;
DROP TABLE cal;

-- ---------------------------------------------------------------------------
-- calendars from parts
-- ---------------------------------------------------------------------------
-- NULL holidays are none
SELECT sla_window('mon-fri 09:00-17:00', 'europe/berlin', NULL) AS from_parts,
       sla_window('mon-fri 09:00-17:00 holidays 2026-01-01 hours 2026-12-24 09:00-12:00', 'America/New_York',
                  ARRAY['2026-12-25', '2026-12-31', NULL]::date[]) AS with_holidays,
       sla_window(NULL, 'UTC', NULL) IS NULL AS null_hours,
       sla_window('24x7', NULL, NULL) IS NULL AS null_zone;
SELECT sla_with_timezone('mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25 hours 2026-12-24 09:00-12:00', 'Asia/Kolkata') AS moved,
       sla_with_timezone('mon-fri 09:00-17:00 Europe/Berlin', 'UTC') AS to_utc;
-- the holiday recipe with a contract that has no holiday rows: array_agg gives NULL, the
-- window stays as it is (NULL only for a NULL window)
CREATE TEMP TABLE holiday_rows (day date);
SELECT sla_with_holidays('mon-fri 09:00-17:00 Europe/Berlin', (SELECT array_agg(day) FROM holiday_rows)) AS no_rows,
       sla_with_holidays(NULL, ARRAY['2026-12-25']::date[]) IS NULL AS null_window;
DROP TABLE holiday_rows;

-- issue 17: a date that is both a holiday and a special-hours date is rejected by every
-- constructor, as by the text form (it used to vanish silently from the constructors: the
-- Berlin half day below gave December 220 hours instead of 224).  December 2025 in
-- Mon-Fri 08:00-18:00 has 23 weekdays, 230 hours; the half day 2025-12-24 (a Wednesday)
-- 08:00-12:00 takes 10 - 4 = 6 of them: 224:00:00
SELECT sla_elapsed(sla_window('mon-fri 08:00-18:00 hours 2025-12-24 08:00-12:00', 'Europe/Berlin', NULL),
                   '2025-12-01 00:00+01', '2026-01-01 00:00+01') AS december;
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT sla_window('mon-fri 08:00-18:00 hours 2025-12-24 08:00-12:00', 'Europe/Berlin', ARRAY['2025-12-24']::date[]);
SELECT sla_with_holidays('mon-fri 08:00-18:00 Europe/Berlin hours 2025-12-24 08:00-12:00', ARRAY['2025-12-26', '2025-12-24']::date[]);
SELECT 'mon-fri 08:00-18:00 Europe/Berlin holidays 2025-12-24 hours 2025-12-24 08:00-12:00'::sla_window;
-- a date the canonical form writes with special hours, the next date of an overnight
-- range included, is a special date for sla_with_holidays: its text plus the holiday is
-- rejected too
SELECT 'mon-fri 08:00-18:00 Europe/Berlin hours 2025-12-24 22:00-02:00'::sla_window AS overnight;
SELECT sla_with_holidays('mon-fri 08:00-18:00 Europe/Berlin hours 2025-12-24 22:00-02:00', ARRAY['2025-12-25']::date[]);
SELECT 'mon-fri 08:00-18:00 Europe/Berlin holidays 2025-12-25 hours 2025-12-24 22:00-24:00; 2025-12-25 00:00-02:00,08:00-18:00'::sla_window;
-- the tail of an overnight special range on a holiday is closed, the same in the text form
-- and in sla_window(hours, zone, holidays) with the holiday in the array
SELECT 'mon-fri 08:00-18:00 Europe/Berlin holidays 2025-12-25 hours 2025-12-24 22:00-02:00'::sla_window AS text_form,
       sla_window('mon-fri 08:00-18:00 hours 2025-12-24 22:00-02:00', 'Europe/Berlin', ARRAY['2025-12-25']::date[]) AS from_parts,
       sla_window('mon-fri 08:00-18:00 hours 2025-12-24 22:00-02:00', 'Europe/Berlin', ARRAY['2025-12-25']::date[])
         = 'mon-fri 08:00-18:00 Europe/Berlin holidays 2025-12-25 hours 2025-12-24 22:00-02:00'::sla_window AS same;
-- holidays on other dates are added as before: special hours kept
SELECT sla_with_holidays('mon-fri 08:00-18:00 Europe/Berlin hours 2025-12-24 08:00-12:00', ARRAY['2025-12-25', '2025-12-26']::date[]) AS kept;

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
SELECT 'mon-fri 09:00-17:00 hours 2026-12-24'::sla_window;
SELECT 'mon-fri 09:00-17:00 hours 2026-02-30 09:00-12:00'::sla_window;
SELECT 'mon-fri 09:00-17:00 hours 2026-12-24 09:00-12:00,11:00-13:00'::sla_window;
SELECT 'mon-fri 09:00-17:00 holidays 2026-12-24 hours 2026-12-24 09:00-12:00'::sla_window;
SELECT 'mon-fri 22:00-06:00 hours 2026-12-31 20:00-04:00'::sla_window;
SELECT 'mon-fri 09:00-17:00 hours 2299-12-31 22:00-02:00'::sla_window;
SELECT 'hours 2026-12-24 09:00-12:00'::sla_window;
SELECT 'SEV4 respond next business'::sla_policy;
SELECT 'SEV4 respond next business day 2 hours'::sla_policy;

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
SELECT sla_window('mon-fri 09:00-17:00 Europe/Berlin', 'Europe/Berlin', NULL);
SELECT sla_window('mon-fri 09:00-17:00', 'Mars/Olympus', NULL);
SELECT sla_with_timezone('24x7', 'Nowhere/City');
