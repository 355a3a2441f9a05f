-- pgTAP: properties of business-time arithmetic that hold for any window, checked on
-- long and short targets, many holidays, DST zones and instants from 1950 to 2030.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'Pacific/Chatham';     -- no result may depend on the session's zone
SET max_parallel_workers_per_gather = 0;

SELECT plan(5);

SELECT setseed(0.31);
CREATE TEMP TABLE w (wid int, win sla_window);
-- holidays: 15 random dates a year over 1950-2030 for two of the windows
INSERT INTO w
SELECT 1, sla_with_holidays('mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin',
                            (SELECT array_agg(DISTINCT ('1950-01-01'::date + (random() * 29585)::int)) FROM generate_series(1, 1200)));
INSERT INTO w
SELECT 2, sla_with_holidays('mon-fri 07:00-19:00; sat 09:00-13:00 America/New_York',
                            (SELECT array_agg(DISTINCT ('1950-01-01'::date + (random() * 29585)::int)) FROM generate_series(1, 1200)));
-- special hours: 800 random dates over 1950-2030 (half days, extra Saturdays, late shifts,
-- some overnight) and holidays besides, so long spans cross hundreds of exceptions (on other
-- dates: a holiday on a date with special hours is an error)
CREATE TEMP TABLE sp AS SELECT DISTINCT '1950-01-01'::date + (random() * 29585)::int AS d FROM generate_series(1, 800);
INSERT INTO w
SELECT 7, sla_with_holidays(
         ('mon-fri 08:00-12:00,13:00-17:00 America/New_York hours ' ||
          (SELECT string_agg(to_char(d, 'YYYY-MM-DD') || ' ' ||
                             (ARRAY['09:00-12:00', '10:00-14:00', '13:00-21:00', '20:00-23:00,23:30-24:00'])[1 + (random() * 3.999)::int],
                             '; ')
           FROM sp))::sla_window,
         (SELECT array_agg(DISTINCT h)
          FROM (SELECT '1950-01-01'::date + (random() * 29585)::int AS h FROM generate_series(1, 600)) x
          WHERE h NOT IN (SELECT d FROM sp)));
INSERT INTO w VALUES (3, 'mon-sun 22:00-06:00 Australia/Lord_Howe'), (4, 'mon-fri 09:00-17:00'),
                     (5, '24x7 Europe/London holidays 2020-12-25,2021-12-25'), (6, 'tue,thu 10:00-11:30 Asia/Kolkata');

CREATE TEMP TABLE c AS
SELECT i, 1 + (random() * 6.999)::int AS wid,
       '1950-01-01'::timestamptz + random() * interval '80 years' AS a,
       CASE WHEN random() < 0.5 THEN (random() * 5000)::int * interval '1 hour' + (random() * 59)::int * interval '1 minute'
            ELSE (random() * 3000)::int * interval '1 minute' END AS target
FROM generate_series(1, 4000) i;
CREATE TEMP TABLE r AS
SELECT c.*, w.win, sla_deadline(w.win, c.a, c.target) AS due FROM c JOIN w USING (wid);

SELECT is((SELECT count(*)::int FROM r WHERE sla_elapsed(win, a, due) <> target), 0,
          'the clock reaches the target exactly at the deadline (targets up to 5000 hours)');
SELECT diag(string_agg(format('%s from %s + %s: due %s, elapsed %s', win, a, target, due, sla_elapsed(win, a, due)), E'\n'))
FROM (SELECT * FROM r WHERE sla_elapsed(win, a, due) <> target LIMIT 5) x;

SELECT is((SELECT count(*)::int FROM r WHERE target > '0' AND sla_elapsed(win, a, due - interval '1 microsecond') >= target), 0,
          'the deadline is the earliest such instant');

SELECT is((SELECT count(*)::int FROM r WHERE due < a), 0, 'no deadline before its start');

-- business days: the deadline of n days is the deadline of 1 day applied n times, for
-- windows whose business dates all have the same hours and a start inside them (then
-- every day step keeps the time of day; window 2's shorter Saturday would not)
CREATE TEMP TABLE dd AS
SELECT i, w.win, sla_next_open(w.win, date_trunc('hour', c.a)) AS a, 1 + (i % 12) AS n
FROM c JOIN w USING (wid) WHERE wid IN (1, 4) LIMIT 600;
CREATE FUNCTION pg_temp.step_days(win sla_window, a timestamptz, n int) RETURNS timestamptz LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..n LOOP
    a := sla_deadline(win, a, '1 day');
  END LOOP;
  RETURN a;
END $$;
SELECT is((SELECT count(*)::int FROM dd
           WHERE sla_open(win, a) AND sla_deadline(win, a, make_interval(days => n)) <> pg_temp.step_days(win, a, n)), 0,
          'n business days equal n single business days');
SELECT diag(string_agg(format('%s from %s + %s days: %s, stepped %s', win, a, n,
                              sla_deadline(win, a, make_interval(days => n)), pg_temp.step_days(win, a, n)), E'\n'))
FROM (SELECT * FROM dd WHERE sla_open(win, a) AND sla_deadline(win, a, make_interval(days => n)) <> pg_temp.step_days(win, a, n) LIMIT 5) x;

-- additivity over long spans crossing many transitions and holidays
SELECT is((SELECT count(*)::int FROM c JOIN w USING (wid)
           WHERE sla_elapsed(win, a, a + interval '700 days')
                 <> sla_elapsed(win, a, a + interval '300 days') + sla_elapsed(win, a + interval '300 days', a + interval '700 days')),
          0, 'elapsed is additive over long spans');

SELECT * FROM finish();
ROLLBACK;
