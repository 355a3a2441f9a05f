-- pgTAP: sla_explain, the breach explanation.  Its segments partition the ticket's
-- span, their business time adds up to exactly sla_elapsed (the figure the summaries
-- use), the deadline row is sla_deadline and the closing row's status is sla_status,
-- on random tickets over windows with holidays, special hours, overnight ranges, DST
-- zones and pauses.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'Pacific/Chatham';     -- no result may depend on the session's zone
SET max_parallel_workers_per_gather = 0;

SELECT plan(23);

-- a hand-worked ticket: Thursday 2026-04-02 15:00 Berlin (CEST, +02), Good Friday a
-- holiday, 4 business hours, resolved Tuesday 11:00.  Thursday 15-17 is 2 h, Friday
-- the holiday, the weekend no hours, Monday 09-11 the other 2 h: due Monday 11:00;
-- Monday 11-17 (6 h) and Tuesday 09-11 (2 h) run after it: breached, 12 h in all.
SELECT results_eq(
  $$SELECT starts, ends, kind, business, rule
    FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin holidays 2026-04-03',
                     '2026-04-02 15:00+02', '2026-04-07 11:00+02', '4 hours', '2026-05-01')$$,
  $$VALUES ('2026-04-02 15:00+02'::timestamptz, '2026-04-02 17:00+02'::timestamptz, 'open', '2 hours'::interval, 'Europe/Berlin: weekday hours thu 09:00-17:00'),
           ('2026-04-02 17:00+02', '2026-04-03 00:00+02', 'closed', '0', 'Europe/Berlin: outside weekday hours thu 09:00-17:00'),
           ('2026-04-03 00:00+02', '2026-04-04 00:00+02', 'closed', '0', 'Europe/Berlin: holiday 2026-04-03'),
           ('2026-04-04 00:00+02', '2026-04-05 00:00+02', 'closed', '0', 'Europe/Berlin: no hours sat'),
           ('2026-04-05 00:00+02', '2026-04-06 00:00+02', 'closed', '0', 'Europe/Berlin: no hours sun'),
           ('2026-04-06 00:00+02', '2026-04-06 09:00+02', 'closed', '0', 'Europe/Berlin: outside weekday hours mon 09:00-17:00'),
           ('2026-04-06 09:00+02', '2026-04-06 11:00+02', 'open', '2 hours', 'Europe/Berlin: weekday hours mon 09:00-17:00'),
           ('2026-04-06 11:00+02', '2026-04-06 11:00+02', 'deadline', '0', 'target 04:00:00'),
           ('2026-04-06 11:00+02', '2026-04-06 17:00+02', 'open after deadline', '6 hours', 'Europe/Berlin: weekday hours mon 09:00-17:00'),
           ('2026-04-06 17:00+02', '2026-04-07 00:00+02', 'closed after deadline', '0', 'Europe/Berlin: outside weekday hours mon 09:00-17:00'),
           ('2026-04-07 00:00+02', '2026-04-07 09:00+02', 'closed after deadline', '0', 'Europe/Berlin: outside weekday hours tue 09:00-17:00'),
           ('2026-04-07 09:00+02', '2026-04-07 11:00+02', 'open after deadline', '2 hours', 'Europe/Berlin: weekday hours tue 09:00-17:00'),
           ('2026-04-07 11:00+02', '2026-04-07 11:00+02', 'resolved', '0', 'breached')$$,
  'a breached ticket across a holiday weekend, segment by segment');

-- merged: Thursday 17:00 to Monday 09:00 is one closed row naming each rule once
SELECT results_eq(
  $$SELECT starts, ends, kind, rule
    FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin holidays 2026-04-03',
                     '2026-04-02 15:00+02', '2026-04-07 11:00+02', '4 hours', '2026-05-01', NULL, true)
    WHERE kind LIKE 'closed%'$$,
  $$VALUES ('2026-04-02 17:00+02'::timestamptz, '2026-04-06 09:00+02'::timestamptz, 'closed',
            'Europe/Berlin: outside weekday hours thu 09:00-17:00; holiday 2026-04-03; no hours sat; no hours sun; outside weekday hours mon 09:00-17:00'),
           ('2026-04-06 17:00+02', '2026-04-07 09:00+02', 'closed after deadline',
            'Europe/Berlin: outside weekday hours mon 09:00-17:00; outside weekday hours tue 09:00-17:00')$$,
  'merge_closed folds the nights and the long weekend');

-- special hours, DST and a pause in a 24x7 window: Saturday 2026-03-28 22:00 CET, one
-- business day (the same local time on Sunday, a 23-hour day: 22:00 CEST), paused
-- Sunday 10:00-12:00 CEST, which moves the deadline 2 open hours on to Monday 00:00;
-- Monday has special hours 08:00-12:00: 4 h run after the deadline by the 20:00 as-of.
-- Clock: Sat 2 h + Sun 00:00-10:00 CEST (9 h, an hour skipped) + Sun 12-24 (12 h) = 23 h,
-- then 4 h late: 27 h.
SELECT results_eq(
  $$SELECT starts, ends, kind, business, rule
    FROM sla_explain('mon-sun 00:00-24:00 Europe/Berlin hours 2026-03-30 08:00-12:00',
                     '2026-03-28 22:00+01', NULL, '1 day', '2026-03-30 20:00+02',
                     tstzmultirange(tstzrange('2026-03-29 10:00+02', '2026-03-29 12:00+02')))$$,
  $$VALUES ('2026-03-28 22:00+01'::timestamptz, '2026-03-29 00:00+01'::timestamptz, 'open', '2 hours'::interval, 'Europe/Berlin: weekday hours sat 00:00-24:00'),
           ('2026-03-29 00:00+01', '2026-03-29 10:00+02', 'open', '9 hours', 'Europe/Berlin: weekday hours sun 00:00-24:00, DST change UTC+01:00 to UTC+02:00'),
           ('2026-03-29 10:00+02', '2026-03-29 12:00+02', 'paused', '0', 'Europe/Berlin: weekday hours sun 00:00-24:00, DST change UTC+01:00 to UTC+02:00'),
           ('2026-03-29 12:00+02', '2026-03-30 00:00+02', 'open', '12 hours', 'Europe/Berlin: weekday hours sun 00:00-24:00, DST change UTC+01:00 to UTC+02:00'),
           ('2026-03-30 00:00+02', '2026-03-30 00:00+02', 'deadline', '0', 'target 1 day'),
           ('2026-03-30 00:00+02', '2026-03-30 08:00+02', 'closed after deadline', '0', 'Europe/Berlin: outside special hours 2026-03-30 08:00-12:00'),
           ('2026-03-30 08:00+02', '2026-03-30 12:00+02', 'open after deadline', '4 hours', 'Europe/Berlin: special hours 2026-03-30 08:00-12:00'),
           ('2026-03-30 12:00+02', '2026-03-30 20:00+02', 'closed after deadline', '0', 'Europe/Berlin: outside special hours 2026-03-30 08:00-12:00'),
           ('2026-03-30 20:00+02', '2026-03-30 20:00+02', 'as of', '0', 'breached')$$,
  'special hours, a DST day and a pause');

-- met in the closed time right after the deadline (Friday 17:00 due, done Saturday):
-- the clock had stopped; the deadline row comes before the closing row
SELECT results_eq(
  $$SELECT kind, rule FROM sla_explain('mon-fri 09:00-17:00', '2026-01-09 13:00Z', '2026-01-10 12:00Z', '4 hours', '2026-02-01')
    WHERE business = '0' AND kind NOT LIKE 'closed%'$$,
  $$VALUES ('deadline', 'target 04:00:00'), ('resolved', 'met')$$,
  'done in the closed time after the deadline is met');

-- pending, the deadline after the as-of: it comes last
SELECT results_eq(
  $$SELECT starts, kind, rule FROM sla_explain('mon-fri 09:00-17:00', '2026-01-05 09:00Z', NULL, '8 hours', '2026-01-05 12:00Z')$$,
  $$VALUES ('2026-01-05 09:00Z'::timestamptz, 'open', 'UTC: weekday hours mon 09:00-17:00'),
           ('2026-01-05 12:00Z', 'as of', 'pending'),
           ('2026-01-05 17:00Z', 'deadline', 'target 08:00:00')$$,
  'a pending ticket: the as-of row, then the deadline to come');

SELECT is((SELECT count(*)::int FROM sla_explain('mon-fri 09:00-17:00', '2026-01-05 09:00Z', NULL, '8 hours', '2026-01-01')), 0,
          'a ticket opened after the as-of has no timeline (sla_status is NULL)');
SELECT is((SELECT count(*)::int FROM sla_explain('mon-fri 09:00-17:00', '2026-01-05 09:00Z', NULL, NULL, '2026-02-01')), 0,
          'no target, no timeline');
SELECT throws_ok($$SELECT * FROM sla_explain('mon-fri 09:00-17:00', '2026-01-05 09:00Z', '2026-01-04 09:00Z', '8 hours', '2026-02-01')$$,
                 '22023', 'a ticket done before it started has no timeline', 'done before start: 22023');
SELECT throws_ok($$SELECT * FROM sla_explain('mon-fri 09:00-17:00', 'infinity', NULL, '8 hours', 'infinity')$$,
                 '22008', NULL, 'infinite start: 22008');

-- cost: a row per opening, closing and local midnight.  A ticket open through 2025 in a
-- Mon-Fri 09-17 window: 261 business days of three rows (closed 00-09, open, closed 17-24)
-- and 104 weekend days of one, 887, plus the deadline and the closing row: 889.  Merged:
-- 261 open rows, 260 closed ones between them, one before the first and one after the
-- last, 523, plus the two: 525.
SELECT is((SELECT count(*)::int FROM sla_explain('mon-fri 09:00-17:00', '2025-01-01 00:00+00', '2026-01-01 00:00+00', '8 hours', '2026-02-01 00:00+00')),
          889, 'a year: a row per opening, closing and midnight');
SELECT is((SELECT count(*)::int FROM sla_explain('mon-fri 09:00-17:00', '2025-01-01 00:00+00', '2026-01-01 00:00+00', '8 hours', '2026-02-01 00:00+00', NULL, true)),
          525, 'a year merged: about two rows a business day');

-- the property, on random tickets
SELECT setseed(0.17);
CREATE TEMP TABLE w (wid int, win sla_window);
INSERT INTO w VALUES
  (1, 'mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2025-12-25,2025-12-26,2026-01-01,2026-04-03,2026-04-06 hours 2025-12-24 08:00-12:00; 2026-03-28 10:00-14:00'),
  (2, 'mon-fri 07:00-19:00; sat 09:00-13:00 America/New_York holidays 2025-11-27,2026-01-19'),
  (3, 'mon-sun 22:00-06:00 Australia/Lord_Howe'),
  (4, 'mon-fri 09:00-17:00'),
  (5, '24x7 Europe/London holidays 2025-12-25'),
  (6, 'tue,thu 10:00-11:30 Asia/Kolkata');
CREATE TEMP TABLE t AS
SELECT i, 1 + (random() * 5.999)::int AS wid,
       a, CASE WHEN random() < 0.15 THEN NULL ELSE a + random() * interval '20 days' END AS done,
       (ARRAY['4 hours', '30 minutes', '1 day', '3 days 2 hours', '-1 days', '0'])[1 + (random() * 5.999)::int]::interval AS target,
       CASE WHEN random() < 0.4 THEN tstzmultirange(tstzrange(a + random() * interval '3 days', a + interval '3 days' + random() * interval '3 days'),
                                                    tstzrange(a + interval '7 days', a + interval '7 days' + random() * interval '2 days'))
       END AS paused
FROM (SELECT i, '2025-10-01'::timestamptz + random() * interval '200 days' AS a FROM generate_series(1, 1500) i) s;
CREATE TEMP TABLE r AS
SELECT t.*, w.win, timestamptz '2026-05-01' AS as_of FROM t JOIN w USING (wid);
CREATE TEMP TABLE ex AS
SELECT r.i, x.* FROM r, sla_explain(r.win, r.a, r.done, r.target, r.as_of, r.paused) x;
-- (a ticket done after the as-of was open then: its clock ends at the as-of)
CREATE TEMP TABLE exm AS
SELECT r.i, x.* FROM r, sla_explain(r.win, r.a, r.done, r.target, r.as_of, r.paused, true) x;
CREATE INDEX ON ex (i);
CREATE INDEX ON exm (i);
ANALYZE r, ex, exm;

SELECT is((SELECT count(*)::int FROM r
           WHERE (SELECT sum(business) FROM ex WHERE ex.i = r.i) <> sla_elapsed(win, a, least(coalesce(done, as_of), as_of), paused)), 0,
          'the segments'' business time adds up to sla_elapsed');
SELECT is((SELECT count(*)::int FROM r
           WHERE (SELECT sum(business) FROM exm WHERE exm.i = r.i) <> sla_elapsed(win, a, least(coalesce(done, as_of), as_of), paused)), 0,
          'merged, too');
SELECT is((SELECT count(*)::int FROM r
           WHERE (SELECT rule FROM ex WHERE ex.i = r.i AND kind IN ('resolved', 'as of'))
                 IS DISTINCT FROM sla_status(win, a, done, target, as_of, paused)), 0,
          'the closing row''s status is sla_status');
SELECT is((SELECT count(*)::int FROM r
           WHERE (SELECT starts FROM ex WHERE ex.i = r.i AND kind = 'deadline')
                 IS DISTINCT FROM nullif(sla_deadline(win, a, target, paused), 'infinity')), 0,
          'the deadline row is sla_deadline (none when a pause never ends)');
-- segments are contiguous from start to end, none empty, in order
SELECT is((SELECT count(*)::int FROM (
             SELECT i, starts, ends, lag(ends) OVER (PARTITION BY i ORDER BY starts, ends) AS prev,
                    row_number() OVER (PARTITION BY i ORDER BY starts, ends) AS n
             FROM ex WHERE kind NOT IN ('deadline', 'resolved', 'as of')) s JOIN r USING (i)
           WHERE ends <= starts OR (n = 1 AND starts <> r.a) OR (n > 1 AND starts <> prev)), 0,
          'the segments partition the span, from the start on');
SELECT is((SELECT count(*)::int FROM r
           WHERE (SELECT max(ends) FROM ex WHERE ex.i = r.i AND kind NOT IN ('deadline', 'resolved', 'as of'))
                 <> least(coalesce(done, as_of), as_of)), 0,
          'and end where the clock ends');
-- after deadline exactly from the deadline on; business time only in open segments
SELECT is((SELECT count(*)::int FROM ex JOIN r USING (i)
           WHERE kind NOT IN ('deadline', 'resolved', 'as of')
             AND ((kind LIKE '% after deadline') <> (starts >= sla_deadline(win, a, target, paused))
                  OR (business <> '0') <> (kind LIKE 'open%' AND ends > starts))), 0,
          'after deadline from the deadline on, business time in open segments only');
-- issue 23: where sla_status, sla_remaining and sla_elapsed answer a ticket near the
-- end of the supported range (2300-01-01 UTC), sla_explain answers it too.  A target in
-- hours whose deadline lies past 2300: 600 000 business hours from Monday 2026-01-05 in
-- a 40-hour week is some 290 years away; two days in, pending with 16 hours run, and a
-- deadline row with no instant that says where it is
SELECT results_eq(
  $$SELECT starts, ends, kind, business, rule
    FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05 00:00+01', NULL,
                     '600000 hours', '2026-01-07 00:00+01', merge_closed => true)$$,
  $$VALUES ('2026-01-05 00:00+01'::timestamptz, '2026-01-05 09:00+01'::timestamptz, 'closed', interval '0', 'Europe/Berlin: outside weekday hours mon 09:00-17:00'),
           ('2026-01-05 09:00+01', '2026-01-05 17:00+01', 'open', '8 hours', 'Europe/Berlin: weekday hours mon 09:00-17:00'),
           ('2026-01-05 17:00+01', '2026-01-06 09:00+01', 'closed', '0', 'Europe/Berlin: outside weekday hours mon 09:00-17:00; outside weekday hours tue 09:00-17:00'),
           ('2026-01-06 09:00+01', '2026-01-06 17:00+01', 'open', '8 hours', 'Europe/Berlin: weekday hours tue 09:00-17:00'),
           ('2026-01-06 17:00+01', '2026-01-07 00:00+01', 'closed', '0', 'Europe/Berlin: outside weekday hours tue 09:00-17:00'),
           ('2026-01-07 00:00+01', '2026-01-07 00:00+01', 'as of', '0', 'pending'),
           (NULL, NULL, 'deadline', '0', 'target 600000:00:00, due after 2300-01-01 UTC (past the supported range)')$$,
  'a deadline past 2300: the timeline, pending, and a deadline row without an instant');
SELECT is((SELECT rule FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05', NULL,
                                        '600000 hours', '2026-02-01') WHERE kind = 'as of')
          || ' ' || (SELECT sum(business) FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05', NULL,
                                                           '600000 hours', '2026-02-01'))::text,
          sla_status('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05', NULL, '600000 hours', '2026-02-01'::timestamptz)
          || ' ' || sla_elapsed('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05', '2026-02-01')::text,
          'the ticket of the issue: the status and the business time of sla_status and sla_elapsed');
-- the window's next opening past 2300 with the deadline in range: Sunday 22:00 to Monday
-- 02:00 Tokyo; 2300-01-01 is a Monday, 01:00 there is 2299-12-31 16:00 UTC.  One hour open,
-- due 17:00 UTC, closed from then to the end of the range (the next opening, Sunday
-- 2300-01-07 22:00, is past it): pending, not breached, as sla_status says
SELECT results_eq(
  $$SELECT starts, ends, kind, business, rule
    FROM sla_explain('sun 22:00-02:00 Asia/Tokyo', '2299-12-31 16:00+00', NULL, '1 hour', '2300-01-01 00:00+00')$$,
  $$VALUES ('2299-12-31 16:00+00'::timestamptz, '2299-12-31 17:00+00'::timestamptz, 'open', interval '1 hour', 'Asia/Tokyo: weekday hours mon 00:00-02:00'),
           ('2299-12-31 17:00+00', '2299-12-31 17:00+00', 'deadline', '0', 'target 01:00:00'),
           ('2299-12-31 17:00+00', '2300-01-01 00:00+00', 'closed after deadline', '0', 'Asia/Tokyo: outside weekday hours mon 00:00-02:00'),
           ('2300-01-01 00:00+00', '2300-01-01 00:00+00', 'as of', '0', 'pending')$$,
  'the next opening past 2300: closed to the end, pending');
SELECT is(sla_status('sun 22:00-02:00 Asia/Tokyo', '2299-12-31 16:00+00', NULL, '1 hour', '2300-01-01 00:00+00'::timestamptz),
          'pending', 'which is sla_status');
-- a target in business days steps through the calendar to its deadline: past 2300 that is
-- 22008 for sla_status, and the same for sla_explain
SELECT throws_ok($$SELECT * FROM sla_explain('mon-fri 09:00-17:00 Europe/Berlin', '2026-01-05', NULL,
                                              '150000 days', '2026-02-01')$$,
                 '22008', NULL, 'a business-day deadline past 2300: 22008, as sla_status raises');
SELECT * FROM finish();
ROLLBACK;
