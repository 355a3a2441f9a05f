-- issue 17: the holiday horizon.  A holiday list that ends before the tickets do counts
-- the later holidays as working days; sla_holiday_horizon says where the list ends and
-- sla_holidays_cover whether it covers a period (every local calendar year the period
-- touches has a holiday in the list)
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';
SET IntervalStyle = 'postgres';

-- German holidays of 2026 only (New Year, Good Friday, Christmas)
CREATE TEMP TABLE cal AS
SELECT 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-01-01,2026-04-03,2026-12-25,2026-12-26'::sla_window AS w;

-- the silent loss: 2027-01-01 is a Friday and counts as a working day (8 hours), as
-- 2026-01-01 (a Thursday) does not
SELECT sla_elapsed(w, '2026-01-01 00:00+01', '2026-01-02 00:00+01') AS new_year_2026,
       sla_elapsed(w, '2027-01-01 00:00+01', '2027-01-02 00:00+01') AS new_year_2027
FROM cal;

-- the horizon: 31 December of the year of the latest holiday (2026-12-26): 2026-12-31
SELECT sla_holiday_horizon(w) AS horizon, sla_holiday_horizon('24x7') IS NULL AS none,
       sla_holiday_horizon('24x7 holidays 2030-03-01') AS one_holiday,       -- 2030-12-31
       sla_holiday_horizon(sla_with_holidays(w, ARRAY['2027-01-01']::date[])) AS extended  -- 2027-12-31
FROM cal;

-- cover, month by month in Berlin time: March and December 2026 (local bounds) are
-- covered; January 2027 is not; December 2025 is before the list (2025 has no holiday)
SELECT p.label, sla_holidays_cover(w, p.period) AS covered
FROM cal, (VALUES
  ('2026-03',                  tstzrange('2026-03-01 00:00+01', '2026-04-01 00:00+02')),
  ('2026-12 local',            tstzrange('2026-12-01 00:00+01', '2027-01-01 00:00+01')),
  ('2026-12 in UTC',           tstzrange('2026-12-01 00:00+00', '2027-01-01 00:00+00')),  -- ends 01:00 on 1 January in Berlin: f
  ('2027-01',                  tstzrange('2027-01-01 00:00+01', '2027-02-01 00:00+01')),
  ('2025-12',                  tstzrange('2025-12-01 00:00+01', '2026-01-01 00:00+01')),
  ('the year 2026',            tstzrange('2026-01-01 00:00+01', '2027-01-01 00:00+01')),
  ('one instant',              tstzrange('2026-06-01 12:00+00', '2026-06-01 12:00+00', '[]')),
  ('to 2026-12-31 23:00 incl', tstzrange('2026-06-01 00:00+00', '2026-12-31 22:59:59.999999+00', '[]')),
  ('to 2026-12-31 23:00 UTC',  tstzrange('2026-06-01 00:00+00', '2026-12-31 23:00:00.000001+00', '[]')),  -- 00:00:00.000001 local 2027: f
  ('empty',                    'empty'::tstzrange),
  ('no end',                   tstzrange('2026-06-01', NULL)),
  ('no start',                 tstzrange(NULL, '2026-06-01')),
  ('to infinity',              tstzrange('2026-06-01', 'infinity'))) p(label, period)
ORDER BY p.label;

-- a gap in the list: 2025 and 2027 have holidays, 2026 none
SELECT sla_holidays_cover('mon-fri 09:00-17:00 holidays 2025-12-25,2027-01-01', tstzrange('2026-05-01', '2026-06-01')) AS gap_year,
       sla_holidays_cover('mon-fri 09:00-17:00 holidays 2025-12-25,2027-01-01', tstzrange('2025-05-01', '2025-06-01')) AS year_2025,
       sla_holiday_horizon('mon-fri 09:00-17:00 holidays 2025-12-25,2027-01-01') AS horizon;   -- 2027-12-31
-- no holidays: nothing to run out of; NULL in, NULL out
SELECT sla_holidays_cover('24x7', tstzrange('2026-06-01', NULL)) AS no_holidays,
       sla_holidays_cover('mon-fri 09:00-17:00 hours 2027-12-24 09:00-12:00', tstzrange('2030-01-01', '2030-02-01')) AS special_hours_only,
       sla_holidays_cover(NULL, tstzrange('2026-06-01', '2026-07-01')) IS NULL AS null_window,
       sla_holidays_cover('24x7', NULL) IS NULL AS null_period;

-- the report recipe: flag the months a contract's holiday list does not cover, with local
-- month bounds (the window's zone)
SELECT to_char(m, 'YYYY-MM') AS month,
       NOT sla_holidays_cover(w, tstzrange(m AT TIME ZONE sla_timezone(w), (m + interval '1 month') AT TIME ZONE sla_timezone(w))) AS past_horizon
FROM cal, generate_series(timestamp '2026-10-01', '2027-02-01', '1 month') m ORDER BY m;

-- out of range: the supported instants (22008)
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT sla_holidays_cover(w, tstzrange('1800-01-01', '2026-01-01')) FROM cal;
