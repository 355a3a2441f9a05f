-- staffing: depth of overlapping shifts over a period, in coverage hours; whole-slice
-- availability; multiwindow burn-rate alerts.  Every expected value below was worked out
-- by hand; the comment next to each case or query says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- ---------------------------------------------------------------------------
-- depth, no window: one group per case, the period is Monday 2026-11-23
-- 00:00 to 24:00 UTC (24 h).  Columns: staffed k = 1, understaffed k = 1,
-- understaffed k = 2 (backup coverage), staffed k = 3
-- ---------------------------------------------------------------------------
CREATE TABLE roster (kase text, agent text, shift tstzrange);
INSERT INTO roster VALUES
  -- a nested: 08:00-16:00 contains 10:00-12:00: depth 1 for 8 h, 2 for 2 h
  --   8/24 = 0.3333333333333333 | 16:00:00 | 22:00:00 | 0
  ('a nested', 'ann', '[2026-11-23 08:00, 2026-11-23 16:00)'), ('a nested', 'bob', '[2026-11-23 10:00, 2026-11-23 12:00)'),
  -- b touching: one agent 08:00-12:00 then 12:00-16:00: no gap, 8 h at depth 1
  --   0.3333333333333333 | 16:00:00 | 24:00:00 | 0
  ('b touching', 'ann', '[2026-11-23 08:00, 2026-11-23 12:00)'), ('b touching', 'ann', '[2026-11-23 12:00, 2026-11-23 16:00)'),
  -- c duplicate: two rows 08:00-16:00 are two agents: depth 2 for 8 h
  --   0.3333333333333333 | 16:00:00 | 16:00:00 | 0
  ('c duplicate', 'ann', '[2026-11-23 08:00, 2026-11-23 16:00)'), ('c duplicate', 'bob', '[2026-11-23 08:00, 2026-11-23 16:00)'),
  -- d one second: 08:00-12:00 and 12:00:01-16:00 leave a gap of a second: 7:59:59 staffed
  --   28799/86400 = 0.3333217592592593 | 16:00:01 | 24:00:00 | 0
  ('d one second', 'ann', '[2026-11-23 08:00, 2026-11-23 12:00)'), ('d one second', 'ann', '[2026-11-23 12:00:01, 2026-11-23 16:00)'),
  -- e midnight: night shifts Sun 22:00-Mon 06:00 and Mon 22:00-Tue 06:00 are clipped to
  --   00:00-06:00 and 22:00-24:00; with 06:00-14:00 and 14:00-22:00 the day is covered once
  --   1 | 00:00:00 | 24:00:00 | 0
  ('e midnight', 'ann', '[2026-11-22 22:00, 2026-11-23 06:00)'), ('e midnight', 'bob', '[2026-11-23 06:00, 2026-11-23 14:00)'),
  ('e midnight', 'cem', '[2026-11-23 14:00, 2026-11-23 22:00)'), ('e midnight', 'dan', '[2026-11-23 22:00, 2026-11-24 06:00)'),
  -- f three at once: 09:00-12:00, 10:00-13:00, 11:00-14:00: depth 1 09-10 and 13-14,
  --   2 10-11 and 12-13, 3 11-12: staffed k=1 5 h, k=2 3 h, k=3 1 h
  --   5/24 = 0.20833333333333334 | 19:00:00 | 21:00:00 | 1/24 = 0.041666666666666664
  ('f three at once', 'ann', '[2026-11-23 09:00, 2026-11-23 12:00)'), ('f three at once', 'bob', '[2026-11-23 10:00, 2026-11-23 13:00)'),
  ('f three at once', 'cem', '[2026-11-23 11:00, 2026-11-23 14:00)'),
  -- g unbounded: (,03:00) from the start of the period, [20:00,) to its end: 7 h
  --   7/24 = 0.2916666666666667 | 17:00:00 | 24:00:00 | 0
  ('g unbounded', 'ann', tstzrange(NULL, '2026-11-23 03:00')), ('g unbounded', 'bob', tstzrange('2026-11-23 20:00', NULL)),
  -- h nobody: an empty shift, a NULL shift and a shift on another day count nothing
  --   0 | 24:00:00 | 24:00:00 | 0
  ('h nobody', 'ann', 'empty'), ('h nobody', 'bob', NULL), ('h nobody', 'cem', '[2026-11-24 08:00, 2026-11-24 16:00)'),
  -- i bounds: [08:00,10:00] and (10:00,12:00) measure 4 h, as [08:00,12:00)
  --   4/24 = 0.16666666666666666 | 20:00:00 | 24:00:00 | 0
  ('i bounds', 'ann', '[2026-11-23 08:00, 2026-11-23 10:00]'), ('i bounds', 'ann', '(2026-11-23 10:00, 2026-11-23 12:00)');

SELECT kase, staffed(shift, '[2026-11-23, 2026-11-24)', 1) AS staffed_1,
       understaffed(shift, '[2026-11-23, 2026-11-24)', 1) AS under_1,
       understaffed(shift, '[2026-11-23, 2026-11-24)', 2) AS under_2,
       staffed(shift, '[2026-11-23, 2026-11-24)', 3) AS staffed_3
FROM roster GROUP BY kase ORDER BY kase;

-- k = 0 is no minimum: always staffed (1, 00:00:00); k above the number of shifts: never
-- (case c has 2 shifts: k = 3 gives 0 and 24:00:00, k = 1000 the same)
SELECT staffed(shift, '[2026-11-23, 2026-11-24)', 0) AS k0, understaffed(shift, '[2026-11-23, 2026-11-24)', 0) AS k0,
       staffed(shift, '[2026-11-23, 2026-11-24)', 3) AS k3, understaffed(shift, '[2026-11-23, 2026-11-24)', 3) AS k3,
       staffed(shift, '[2026-11-23, 2026-11-24)', 1000) AS k1000
FROM roster WHERE kase = 'c duplicate';

-- no rows: NULL; only NULL shifts (a calendar outer join): nobody on shift, 0 and 24:00:00
SELECT staffed(shift, '[2026-11-23, 2026-11-24)', 1) AS no_rows FROM roster WHERE false;
SELECT staffed(NULL::tstzrange, '[2026-11-23, 2026-11-24)', 1) AS null_shift,
       understaffed(NULL::tstzrange, '[2026-11-23, 2026-11-24)', 1) AS null_shift;
-- rows with a NULL period or k are skipped: 08:00-16:00 alone, 16:00:00
SELECT understaffed(s, p, k)
FROM (VALUES (tstzrange('2026-11-23 08:00', '2026-11-23 16:00'), tstzrange('2026-11-23', '2026-11-24'), 1),
             (tstzrange('2026-11-23 16:00', '2026-11-23 20:00'), NULL, 1),
             (tstzrange('2026-11-23 16:00', '2026-11-23 20:00'), tstzrange('2026-11-23', '2026-11-24'), NULL)) v(s, p, k);
-- microseconds are kept: a shift 08:00 to 08:00:00.000001 leaves 23:59:59.999999
SELECT understaffed(tstzrange('2026-11-23 08:00', '2026-11-23 08:00:00.000001'), '[2026-11-23, 2026-11-24)', 1);

-- ---------------------------------------------------------------------------
-- coverage hours: only open time counts
-- ---------------------------------------------------------------------------
-- a business week, mon-fri 09:00-17:00 Berlin (UTC+1 in November: 08:00-16:00 UTC),
-- Mon 2026-11-23 to Mon 11-30 Berlin, 40 open hours.  ann works 07:00-15:00 UTC Mon-Thu
-- (7 open hours a day), bob 09:00-17:00 UTC Mon-Fri (7 open hours a day), and both a
-- Saturday (closed).  k = 1: Mon-Thu 08:00-16:00 (8 h each) and Fri 09:00-16:00 (7 h): 39 h,
-- 39/40 = 0.975, 01:00:00 short; k = 2: Mon-Thu 09:00-15:00 (6 h each), Fri none: 24 h,
-- 24/40 = 0.6, 16:00:00 short
CREATE TABLE week (agent text, shift tstzrange);
INSERT INTO week
SELECT 'ann', tstzrange(d + time '07:00', d + time '15:00') FROM generate_series(date '2026-11-23', '2026-11-26', '1 day') d
UNION ALL
SELECT 'bob', tstzrange(d + time '09:00', d + time '17:00') FROM generate_series(date '2026-11-23', '2026-11-27', '1 day') d
UNION ALL
SELECT a, '[2026-11-28 08:00, 2026-11-28 16:00)' FROM unnest(ARRAY['ann', 'bob']) a;
SELECT staffed(shift, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS staffed_1,
       understaffed(shift, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS under_1,
       staffed(shift, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 2) AS staffed_2,
       understaffed(shift, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 2) AS under_2
FROM week;
-- a weekend has no open time: NULL and 00:00:00
SELECT staffed(shift, '[2026-11-28 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS weekend,
       understaffed(shift, '[2026-11-28 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS weekend
FROM week;

-- night shifts across a DST change in the window's zone.  Window sun 00:00-06:00 Berlin.
-- Spring, Sunday 2026-03-29 (the local day is 23 h: 2026-03-28 23:00 to 03-29 22:00 UTC):
-- open 00:00 CET to 06:00 CEST = 23:00 to 04:00 UTC = 5 h.  Night shift Sat 22:00 CET to
-- Sun 06:00 CEST = 21:00 to 04:00 UTC (7 hours worked, clipped to 5), backup 01:00-03:00 UTC.
-- k = 1: 1 and 00:00:00; k = 2: 2/5 = 0.4 and 03:00:00
-- Autumn, Sunday 2026-10-25 (25 h: 2026-10-24 22:00 to 10-25 23:00 UTC): open 00:00 CEST to
-- 06:00 CET = 22:00 to 05:00 UTC = 7 h.  Night shift Sat 22:00 CEST to Sun 06:00 CET =
-- 20:00 to 05:00 UTC (9 hours worked), backup 00:00-02:00 UTC.
-- k = 1: 1 and 00:00:00; k = 2: 2/7 = 0.2857142857142857 and 05:00:00
CREATE TABLE night (season text, period tstzrange, shift tstzrange);
INSERT INTO night VALUES
  ('spring', tstzrange('2026-03-29 00:00+01', '2026-03-30 00:00+02'), tstzrange('2026-03-28 22:00+01', '2026-03-29 06:00+02')),
  ('spring', tstzrange('2026-03-29 00:00+01', '2026-03-30 00:00+02'), '[2026-03-29 01:00+00, 2026-03-29 03:00+00)'),
  ('autumn', tstzrange('2026-10-25 00:00+02', '2026-10-26 00:00+01'), tstzrange('2026-10-24 22:00+02', '2026-10-25 06:00+01')),
  ('autumn', tstzrange('2026-10-25 00:00+02', '2026-10-26 00:00+01'), '[2026-10-25 00:00+00, 2026-10-25 02:00+00)');
SELECT season, upper(period) - lower(period) AS day_length,
       staffed(shift, period, 'sun 00:00-06:00 Europe/Berlin', 1) AS staffed_1,
       understaffed(shift, period, 'sun 00:00-06:00 Europe/Berlin', 1) AS under_1,
       staffed(shift, period, 'sun 00:00-06:00 Europe/Berlin', 2) AS staffed_2,
       understaffed(shift, period, 'sun 00:00-06:00 Europe/Berlin', 2) AS under_2
FROM night GROUP BY season, period ORDER BY season DESC;

-- ---------------------------------------------------------------------------
-- two steps: staffing_agg, accessors, rollup
-- ---------------------------------------------------------------------------
-- the state of case f: depth 1, 2, 3, 2, 1 from 09:00 to 14:00
SELECT staffing_agg(shift, '[2026-11-23, 2026-11-24)') FROM roster WHERE kase = 'f three at once';
-- touching shifts of one agent leave no trace in the state (case b: one stretch 08:00-16:00),
-- a one-second gap does (case d: two stretches)
SELECT kase, staffing_agg(shift, '[2026-11-23, 2026-11-24)') FROM roster WHERE kase IN ('b touching', 'd one second')
GROUP BY kase ORDER BY kase;
-- the accessors read what the one-step aggregates compute: all true
SELECT bool_and(staffed(s, 1) = a1 AND understaffed(s, 2) = u2 AND staffed(s, 3) = a3) AS same
FROM (SELECT kase, staffing_agg(shift, '[2026-11-23, 2026-11-24)') AS s,
             staffed(shift, '[2026-11-23, 2026-11-24)', 1) AS a1,
             understaffed(shift, '[2026-11-23, 2026-11-24)', 2) AS u2,
             staffed(shift, '[2026-11-23, 2026-11-24)', 3) AS a3
      FROM roster GROUP BY kase) x;
-- ... with a window too: the week again, 0.975 | 16:00:00
SELECT staffed(s, 'mon-fri 09:00-17:00 Europe/Berlin', 1), understaffed(s, 'mon-fri 09:00-17:00 Europe/Berlin', 2)
FROM (SELECT staffing_agg(shift, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)') AS s FROM week) x;

-- rollup of days into the week equals the week: a state per Berlin day, periods joined.
-- The Friday state has bob only, the weekend days ann and bob on Saturday and nobody on
-- Sunday (the outer join gives Sunday its period).  Same figures: 0.975 | 01:00:00 | 0.6 | 16:00:00
CREATE TABLE day_state AS
SELECT d, staffing_agg(w.shift, tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')) AS s
FROM (SELECT g::date AS d FROM generate_series(date '2026-11-23', '2026-11-29', '1 day') g) dd
LEFT JOIN week w ON w.shift && tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')
GROUP BY d;
SELECT staffed(r, 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS staffed_1, understaffed(r, 'mon-fri 09:00-17:00 Europe/Berlin', 1) AS under_1,
       staffed(r, 'mon-fri 09:00-17:00 Europe/Berlin', 2) AS staffed_2, understaffed(r, 'mon-fri 09:00-17:00 Europe/Berlin', 2) AS under_2
FROM (SELECT rollup(s) AS r FROM day_state) x;
-- its periods are the seven days; in any order: true
SELECT r::text = (SELECT rollup(s ORDER BY d DESC) FROM day_state)::text AS order_free,
       r::text LIKE 'v1 periods={[2026-11-22 23:00:00+00,2026-11-23 23:00:00+00),[2026-11-23 23:00:00+00,%' AS days
FROM (SELECT rollup(s ORDER BY d) AS r FROM day_state) x;
-- shards of one roster (the same period): the depths add up.  ann and bob in two shards
-- of case c: depth 2 08:00-16:00, as the whole
SELECT rollup(s) FROM (SELECT staffing_agg(shift, '[2026-11-23, 2026-11-24)') AS s FROM roster WHERE kase = 'c duplicate' GROUP BY agent) x;
-- shards of days and days together: Monday of bob and the week of ann, then the rest of bob
SELECT rollup(s)::text = (SELECT rollup(s) FROM day_state)::text AS mixed_ok
FROM (SELECT staffing_agg(shift, tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')) AS s
      FROM (SELECT g::date AS d FROM generate_series(date '2026-11-23', '2026-11-29', '1 day') g) dd
      LEFT JOIN week w ON w.shift && tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')
      GROUP BY d, agent) x;

-- text and binary round trips, bit for bit
CREATE TABLE state_t (id int, s staffing_state);
INSERT INTO state_t
SELECT 1, staffing_agg(shift, '[2026-11-23, 2026-11-24)') FROM roster WHERE kase = 'f three at once'
UNION ALL SELECT 2, rollup(s) FROM day_state
UNION ALL SELECT 3, staffing_agg(NULL, '[2026-11-23, 2026-11-24)')
UNION ALL SELECT 4, staffing_agg('[2026-11-23 10:00:00.000001, 2026-11-23 10:00:00.000002)', '[2026-11-23, 2026-11-24)')
UNION ALL SELECT 5, staffing_agg(s, '[0044-03-15 BC, 2026-11-24)') FROM (VALUES (tstzrange('0044-03-15 12:00 BC', '2026-11-23'))) v(s);
SELECT id, s FROM state_t WHERE id IN (3, 4, 5) ORDER BY id;
SELECT count(*) AS states,
       count(*) FILTER (WHERE s::text::staffing_state::text = s::text
                          AND staffing_state_send(s::text::staffing_state) = staffing_state_send(s)) AS round_trip
FROM state_t;
\set copyfile '/tmp/ms_staffing_copy.bin'
COPY state_t TO :'copyfile' (FORMAT binary);
CREATE TABLE state_copy (LIKE state_t);
COPY state_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text = b.s::text
                                            AND staffing_state_send(a.s) = staffing_state_send(b.s)
                                            AND staffed(a.s, 1) IS NOT DISTINCT FROM staffed(b.s, 1)) AS equal
FROM state_t a JOIN state_copy b USING (id);
DROP TABLE state_copy;
-- the state of a one-step aggregate carries its window and k
SELECT staffing_state_trans(NULL, '[2026-11-23 08:00, 2026-11-23 16:00)', '[2026-11-23, 2026-11-24)', 'mon-fri 09:00-17:00 Europe/Berlin', 2);
SELECT staffing_state_staffed(staffing_state_trans(NULL, '[2026-11-23 08:00, 2026-11-23 16:00)', '[2026-11-23, 2026-11-24)', 'mon-fri 09:00-17:00 Europe/Berlin', 1));

-- ---------------------------------------------------------------------------
-- whole slices (OpenSLO timeslices).  Period Monday 2026-11-23 10:00 to 11:00 UTC,
-- one-minute slices from 10:00.  Columns: exact downtime, slices down under "any",
-- under "all"
-- ---------------------------------------------------------------------------
CREATE TABLE outage (kase text, during tstzrange);
INSERT INTO outage VALUES
  -- A mid-minute: 10:00:30-10:02:30 touches slices 10:00, 10:01, 10:02 and covers 10:01
  --   00:02:00 | 00:03:00 | 00:01:00
  ('A mid-minute', '[2026-11-23 10:00:30, 2026-11-23 10:02:30)'),
  -- B exactly a minute: 10:05-10:06 is one slice under both rules      00:01:00 | 00:01:00 | 00:01:00
  ('B exactly a minute', '[2026-11-23 10:05, 2026-11-23 10:06)'),
  -- C a minute off the grid: 10:05:30-10:06:30 touches two slices, covers none
  --   00:01:00 | 00:02:00 | 00:00:00
  ('C off the grid', '[2026-11-23 10:05:30, 2026-11-23 10:06:30)'),
  -- D touching halves: 10:20:00-10:20:30 and 10:20:30-10:21:00 cover the slice together
  --   00:01:00 | 00:01:00 | 00:01:00
  ('D touching halves', '[2026-11-23 10:20:00, 2026-11-23 10:20:30)'), ('D touching halves', '[2026-11-23 10:20:30, 2026-11-23 10:21:00)'),
  -- E two bits of one minute: 10:30:10-10:30:20 and 10:30:40-10:30:50
  --   00:00:20 | 00:01:00 | 00:00:00
  ('E two bits', '[2026-11-23 10:30:10, 2026-11-23 10:30:20)'), ('E two bits', '[2026-11-23 10:30:40, 2026-11-23 10:30:50)');
-- F all of them in one group: B and C merge to 10:05-10:06:30 (slices 10:05 down under both,
--   10:06 only under "any"): exact 2:00 + 1:30 + 1:00 + 0:20 = 00:04:50, any 3 + 2 + 1 + 1 =
--   00:07:00, all 1 + 1 + 1 + 0 = 00:03:00; availability (3600 - 290)/3600 = 0.9194444444444444,
--   53/60 = 0.8833333333333333, 57/60 = 0.95
INSERT INTO outage SELECT 'F all together', during FROM outage;
SELECT kase, downtime(s) AS exact, downtime(s, '1 minute', 'any') AS any, downtime(s, '1 minute', 'all') AS all,
       availability(s) AS a_exact, availability(s, '1 minute', 'any') AS a_any, availability(s, '1 minute', 'all') AS a_all
FROM (SELECT kase, availability_agg(during, '[2026-11-23 10:00, 2026-11-23 11:00)') AS s FROM outage GROUP BY kase) x
ORDER BY kase;
-- five-minute slices of F: any: 10:00, 10:05, 10:20, 10:30 = 00:20:00; all: none = 00:00:00
SELECT downtime(availability_agg(during, '[2026-11-23 10:00, 2026-11-23 11:00)'), '5 minutes', 'any') AS any,
       downtime(availability_agg(during, '[2026-11-23 10:00, 2026-11-23 11:00)'), '5 minutes', 'all') AS all
FROM outage WHERE kase = 'F all together';
-- the last slice is what is left of the period: period 10:00-10:02:30, its last slice
-- 10:02-10:02:30 (30 s).  10:02:10-10:02:30: exact 00:00:20, any 00:00:30, all 00:00:00;
-- 10:02:00-10:02:30 covers it: 00:00:30 under every rule
SELECT o, downtime(availability_agg(o, '[2026-11-23 10:00, 2026-11-23 10:02:30)')) AS exact,
       downtime(availability_agg(o, '[2026-11-23 10:00, 2026-11-23 10:02:30)'), '1 minute', 'any') AS any,
       downtime(availability_agg(o, '[2026-11-23 10:00, 2026-11-23 10:02:30)'), '1 minute', 'all') AS all
FROM unnest(ARRAY['[2026-11-23 10:02:10, 2026-11-23 10:02:30)', '[2026-11-23 10:02:00, 2026-11-23 10:02:30)']::tstzrange[]) o
GROUP BY o ORDER BY o;
-- slices are aligned to the period's start: the same outage 10:00:30-10:02:30 with the
-- period starting at 10:00:30 is two whole slices: 00:02:00 under both rules
SELECT downtime(s, '1 minute', 'any') AS any, downtime(s, '1 minute', 'all') AS all
FROM (SELECT availability_agg(during, '[2026-11-23 10:00:30, 2026-11-23 11:00:30)') AS s FROM outage WHERE kase = 'A mid-minute') x;
-- with a window a slice counts with its open time.  mon-fri 09:00-17:00 Berlin opens at
-- 08:00 UTC; period 07:58-08:03 UTC (3 open minutes).  07:58:30-08:00:30: the slices 07:58
-- and 07:59 are closed, 08:00 half down: exact 00:00:30, any 00:01:00, all 00:00:00.
-- 07:59:30-08:01:00: slice 08:00 is down in all its open time: 00:01:00 under every rule.
-- With the period from 07:59:30, the slice 07:59:30-08:00:30 is open 30 s, and
-- 07:59:00-08:00:30 covers them: 00:00:30 under every rule (availability 150/180 = 0.8333333333333334)
SELECT p, o, downtime(s) AS exact, downtime(s, '1 minute', 'any') AS any, downtime(s, '1 minute', 'all') AS all,
       availability(s, '1 minute', 'all') AS a_all
FROM (SELECT p, o, availability_agg(o, p, 'mon-fri 09:00-17:00 Europe/Berlin') AS s
      FROM (VALUES (tstzrange('2026-11-23 07:58', '2026-11-23 08:03'), tstzrange('2026-11-23 07:58:30', '2026-11-23 08:00:30')),
                   (tstzrange('2026-11-23 07:58', '2026-11-23 08:03'), tstzrange('2026-11-23 07:59:30', '2026-11-23 08:01:00')),
                   (tstzrange('2026-11-23 07:59:30', '2026-11-23 08:03'), tstzrange('2026-11-23 07:59:00', '2026-11-23 08:00:30'))) v(p, o)
      GROUP BY p, o) x
ORDER BY p, o;
-- maintenance is not open time: 24x7, period 10:00-10:05, maintenance 10:01:30-10:02:30
-- (4 open minutes), outages 10:01:00-10:01:30 and 10:02:30-10:02:50.  Slice 10:01 is open
-- 10:01:00-10:01:30, all of it down: down under both rules (30 s); slice 10:02 is open
-- 10:02:30-10:03:00, 20 s of it down: down only under "any" (30 s).  exact 00:00:50,
-- any 00:01:00, all 00:00:30; availability any 180/240 = 0.75, all 210/240 = 0.875
SELECT downtime(s) AS exact, downtime(s, '1 minute', 'any') AS any, downtime(s, '1 minute', 'all') AS all,
       availability(s, '1 minute', 'any') AS a_any, availability(s, '1 minute', 'all') AS a_all
FROM (SELECT availability_agg(o, '[2026-11-23 10:00, 2026-11-23 10:05)', '24x7', '{[2026-11-23 10:01:30, 2026-11-23 10:02:30)}') AS s
      FROM unnest(ARRAY['[2026-11-23 10:01:00, 2026-11-23 10:01:30)', '[2026-11-23 10:02:30, 2026-11-23 10:02:50)']::tstzrange[]) o) x;
-- no outage: 1 and 00:00:00; a slice longer than the period is the whole period: an outage of
-- a second in a day with '1 week' slices: any 24:00:00, all 00:00:00
SELECT availability(availability_agg(NULL, '[2026-11-23, 2026-11-24)'), '1 minute', 'any') AS none,
       downtime(availability_agg('[2026-11-23 10:00, 2026-11-23 10:00:01)', '[2026-11-23, 2026-11-24)'), '7 days', 'any') AS any,
       downtime(availability_agg('[2026-11-23 10:00, 2026-11-23 10:00:01)', '[2026-11-23, 2026-11-24)'), '7 days', 'all') AS all;

-- ---------------------------------------------------------------------------
-- multiwindow burn-rate alerts (the SRE workbook, 30-day budget), as of Monday
-- 2026-11-23 12:00 UTC, target 99.9 % (burn rate = share down / 0.001):
--   fast page:   14.4x over 1 hour [11:00, 12:00) and over 5 minutes [11:55, 12:00)
--   slow page:   6x over 6 hours [06:00, 12:00) and over 30 minutes [11:30, 12:00)
--   ticket:      1x over 3 days [Fri 12:00, 12:00) and over 6 hours
-- burn rates, long/short (a window of L minutes with D down burns D/L/0.001):
--   fast       11:50-11:58:        1 h 8/60 = 133.3, 5 m 3/5 = 600       fires
--                                  6 h 8/360 = 22.2, 30 m 8/30 = 266.7   fires
--                                  3 d 8/4320 = 1.9, 6 h 22.2            fires
--   ongoing    11:58-(still down): 1 h 2/60 = 33.3, 5 m 2/5 = 400        fires
--                                  6 h 2/360 = 5.6 (< 6), 30 m 66.7      no
--                                  3 d 2/4320 = 0.5 (< 1), 6 h 5.6       no
--   recovered  11:00-11:30:        1 h 30/60 = 500, 5 m 0                no
--                                  6 h 30/360 = 83.3, 30 m 0             no
--                                  3 d 30/4320 = 6.9, 6 h 83.3           fires
--   slow       09:00-09:30, 11:45-11:48: 1 h 3/60 = 50, 5 m 0             no
--                                  6 h 33/360 = 91.7, 30 m 3/30 = 100    fires
--                                  3 d 33/4320 = 7.6, 6 h 91.7           fires
--   budget     Sat 03:00-03:05, Mon 08:00-08:01: 1 h 0, 5 m 0            no
--                                  6 h 1/360 = 2.8, 30 m 0               no
--                                  3 d 6/4320 = 1.4, 6 h 2.8             fires
--   old        Sat 10:00-16:00:    1 h 0, 5 m 0                           no
--                                  6 h 0, 30 m 0                          no
--                                  3 d 360/4320 = 83.3, 6 h 0            no
--   quiet      only 12:30-13:00, after the as-of instant: 0 everywhere    no
-- ---------------------------------------------------------------------------
CREATE TABLE service (service text, target float8);
INSERT INTO service SELECT s, 0.999 FROM unnest(ARRAY['budget', 'fast', 'old', 'ongoing', 'quiet', 'recovered', 'slow']) s;
CREATE TABLE service_outage (service text, started_at timestamptz, ended_at timestamptz);
INSERT INTO service_outage VALUES
  ('fast', '2026-11-23 11:50', '2026-11-23 11:58'),
  ('ongoing', '2026-11-23 11:58', NULL),
  ('recovered', '2026-11-23 11:00', '2026-11-23 11:30'),
  ('slow', '2026-11-23 09:00', '2026-11-23 09:30'), ('slow', '2026-11-23 11:45', '2026-11-23 11:48'),
  ('budget', '2026-11-21 03:00', '2026-11-21 03:05'), ('budget', '2026-11-23 08:00', '2026-11-23 08:01'),
  ('old', '2026-11-21 10:00', '2026-11-21 16:00'),
  ('quiet', '2026-11-23 12:30', '2026-11-23 13:00');

WITH alert (alert, long_window, short_window, factor) AS (
  VALUES ('page: 2 % of the budget in 1 hour', interval '1 hour', interval '5 minutes', 14.4),
         ('page: 5 % of the budget in 6 hours', '6 hours', '30 minutes', 6),
         ('ticket: 10 % of the budget in 3 days', '3 days', '6 hours', 1)),
burn AS (
  SELECT s.service, a.alert, a.factor,
         burn_rate(s.target, availability(o.during, tstzrange(timestamptz '2026-11-23 12:00' - a.long_window, '2026-11-23 12:00'))) AS long_burn,
         burn_rate(s.target, availability(o.during, tstzrange(timestamptz '2026-11-23 12:00' - a.short_window, '2026-11-23 12:00'))) AS short_burn
  FROM service s CROSS JOIN alert a
  -- (the range is built inside: tstzrange(NULL, NULL) of an unmatched row would be "always down")
  LEFT JOIN (SELECT service, tstzrange(started_at, ended_at) AS during FROM service_outage) o
         ON o.service = s.service
        AND o.during && tstzrange(timestamptz '2026-11-23 12:00' - a.long_window, '2026-11-23 12:00')
  GROUP BY s.service, s.target, a.alert, a.long_window, a.short_window, a.factor)
SELECT service, alert, round(long_burn::numeric, 1) AS long_burn, round(short_burn::numeric, 1) AS short_burn,
       long_burn > factor AND short_burn > factor AS fires
FROM burn ORDER BY service, alert;

-- ---------------------------------------------------------------------------
-- semantic errors and out of range
-- ---------------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
-- a negative minimum (22023)
SELECT staffed(shift, '[2026-11-23, 2026-11-24)', -1) FROM roster;
SELECT understaffed(staffing_agg(NULL, '[2026-11-23, 2026-11-24)'), -2);
-- empty (22023), unbounded (22008) and out-of-window-range (22008) periods
SELECT staffed(NULL::tstzrange, 'empty', 1);
SELECT staffed(NULL::tstzrange, tstzrange('2026-11-23', NULL), 1);
SELECT staffed(NULL::tstzrange, '[1850-11-23, 1850-11-24)', '24x7', 1);
SELECT staffed(staffing_agg(NULL, '[1850-11-23, 1850-11-24)'), '24x7', 1);
-- a group that mixes periods, windows or minimums (22023)
SELECT staffed(NULL::tstzrange, p, 1) FROM (VALUES (tstzrange('2026-11-23', '2026-11-24')), ('[2026-11-23, 2026-11-25)')) v(p);
SELECT staffed(NULL::tstzrange, '[2026-11-23, 2026-11-24)', w, 1) FROM (VALUES ('24x7'::sla_window), ('mon-fri 09:00-17:00')) v(w);
SELECT staffed(NULL::tstzrange, '[2026-11-23, 2026-11-24)', k) FROM (VALUES (1), (2)) v(k);
-- rollup of partly overlapping periods (22023)
SELECT rollup(s) FROM (SELECT staffing_agg(NULL, '[2026-11-23, 2026-11-24)') UNION ALL SELECT staffing_agg(NULL, '[2026-11-23 12:00, 2026-11-24 12:00)')) v(s);
-- time slices: months, zero, negative; an unknown rule (22023)
SELECT downtime(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '1 month', 'any');
SELECT downtime(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '0 minutes', 'any');
SELECT downtime(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '-1 minute', 'any');
SELECT availability(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '1 minute', 'strict');
-- the SQLSTATE of each
DO $$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY ARRAY[
    $q$SELECT staffed(NULL::tstzrange, '[2026-11-23, 2026-11-24)', -1)$q$,
    $q$SELECT staffed(NULL::tstzrange, 'empty', 1)$q$,
    $q$SELECT staffed(NULL::tstzrange, tstzrange('2026-11-23', NULL), 1)$q$,
    $q$SELECT staffed(NULL::tstzrange, '[1850-11-23, 1850-11-24)', '24x7', 1)$q$,
    $q$SELECT staffed(NULL::tstzrange, p, 1) FROM (VALUES (tstzrange('2026-11-23', '2026-11-24')), ('[2026-11-23, 2026-11-25)')) v(p)$q$,
    $q$SELECT rollup(s) FROM (SELECT staffing_agg(NULL, '[2026-11-23, 2026-11-24)') UNION ALL SELECT staffing_agg(NULL, '[2026-11-23 12:00, 2026-11-24 12:00)')) v(s)$q$,
    $q$SELECT downtime(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '1 month', 'any')$q$,
    $q$SELECT downtime(availability_agg(NULL, '[2026-11-01, 2026-12-01)'), '1 minute', 'some')$q$] LOOP
    BEGIN
      EXECUTE q;
      RAISE NOTICE 'no error: %', q;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '% -> SQLSTATE %', left(q, 72), SQLSTATE;
    END;
  END LOOP;
END $$;

-- sizes near 2^63 (issue 16).  Two touching periods, 4714-11-24 BC to 2000-01-01
-- (211 813 488 000 000 000 us) and 2000-01-01 to 294276-12-31 23:59:59.999999
-- (9 223 371 331 199 999 999 us): each fits an interval, together they hold
-- 9 435 184 819 199 999 999 us > 2^63 - 1 = 9 223 372 036 854 775 807, so measuring them
-- is out of range (22008), with any k, not a wrapped sum (understaffed negative, staffed NULL)
CREATE TABLE huge AS
SELECT rollup(s) AS s
FROM (SELECT staffing_agg(NULL, '[4714-11-24 00:00+00 BC, 2000-01-01 00:00+00)')
      UNION ALL SELECT staffing_agg(NULL, '[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)')) v(s);
SELECT s FROM huge;
SELECT staffed(s, 0) FROM huge;
SELECT staffed(s, 1) FROM huge;
SELECT understaffed(s, 1) FROM huge;
-- one shift in each half: the stretches touch at 2000-01-01 and join into one across both
-- periods, longer than an interval too: 22008
SELECT rollup(s) FROM (
  SELECT staffing_agg('[4714-11-24 00:00+00 BC, 2000-01-01 00:00+00)', '[4714-11-24 00:00+00 BC, 2000-01-01 00:00+00)')
  UNION ALL SELECT staffing_agg('[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)', '[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)')) v(s);
SELECT staffed(rollup(s), 1) FROM (
  SELECT staffing_agg('[4714-11-24 00:00+00 BC, 2000-01-01 00:00+00)', '[4714-11-24 00:00+00 BC, 2000-01-01 00:00+00)')
  UNION ALL SELECT staffing_agg('[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)', '[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)')) v(s);
-- the second period alone fits: nobody on shift, 0 and 9 223 371 331 199 999 999 us =
-- 2 562 047 591 h (9 223 371 327 600 s) + 3 599.999999 s = 2562047591:59:59.999999
SELECT staffed(s, 1), understaffed(s, 1)
FROM (SELECT staffing_agg(NULL, '[2000-01-01 00:00+00, 294276-12-31 23:59:59.999999+00)') AS s) x;
-- two shards of one day's roster, 06:00-14:00 at depth 2^63 - 1 and 10:00-18:00 at depth 1:
-- 10:00-14:00 would be 2^63 deep, which no state can hold (text and binary input refuse it):
-- the merge fails (22003) rather than drop a stretch; so does adding a shift to the deep state
CREATE TABLE deep (id int, s staffing_state);
INSERT INTO deep VALUES
  (1, 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 06:00:00+00,2026-11-23 14:00:00+00):9223372036854775807}'),
  (2, 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 10:00:00+00,2026-11-23 18:00:00+00):1}'),
  (3, 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 06:00:00+00,2026-11-23 14:00:00+00):9223372036854775806}');
SELECT rollup(s) FROM deep WHERE id IN (1, 2);
SELECT staffed(rollup(s), 1) FROM deep WHERE id IN (1, 2);
SELECT staffing_state_combine(a.s, b.s) FROM deep a, deep b WHERE a.id = 1 AND b.id = 2;
SELECT staffing_state_trans(s, '[2026-11-23 08:00, 2026-11-23 09:00)', '[2026-11-23, 2026-11-24)') FROM deep WHERE id = 1;
-- one less fits: 06:00-10:00 at 2^63 - 2, 10:00-14:00 at 2^63 - 1, 14:00-18:00 at 1, and it
-- reads back as text and as binary (COPY): t, t
CREATE TABLE deep_sum AS SELECT rollup(s) AS s FROM deep WHERE id IN (2, 3);
SELECT s FROM deep_sum;
SELECT s::text::staffing_state::text = s::text AS text_round_trip FROM deep_sum;
\set deepfile '/tmp/ms_staffing_deep.bin'
COPY deep_sum TO :'deepfile' (FORMAT binary);
CREATE TABLE deep_copy (LIKE deep_sum);
COPY deep_copy FROM :'deepfile' (FORMAT binary);
SELECT staffing_state_send(a.s) = staffing_state_send(b.s) AS binary_round_trip FROM deep_sum a, deep_copy b;
-- the SQLSTATE of each
DO $$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY ARRAY[
    $q$SELECT staffed(s, 0) FROM huge$q$,
    $q$SELECT understaffed(s, 1) FROM huge$q$,
    $q$SELECT rollup(s) FROM deep WHERE id IN (1, 2)$q$] LOOP
    BEGIN
      EXECUTE q;
      RAISE NOTICE 'no error: %', q;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '% -> SQLSTATE %', q, SQLSTATE;
    END;
  END LOOP;
END $$;
DROP TABLE huge, deep, deep_sum, deep_copy;

-- ---------------------------------------------------------------------------
-- parse errors (22P02) and corrupted binary input (22P03)
-- ---------------------------------------------------------------------------
-- periods overlapping, a stretch outside them, touching stretches of the same depth, depth 0,
-- stretches out of order, a negative k, junk, another version, nothing
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00),[2026-11-23 12:00:00+00,2026-11-25 00:00:00+00)} depth={}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 20:00:00+00,2026-11-24 01:00:00+00):1}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):1,[2026-11-23 12:00:00+00,2026-11-23 16:00:00+00):1}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):0}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 12:00:00+00,2026-11-23 16:00:00+00):1,[2026-11-23 08:00:00+00,2026-11-23 10:00:00+00):2}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} k=-1 depth={}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={} extra'::staffing_state;
SELECT 'v2 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={}'::staffing_state;
SELECT ''::staffing_state;
-- the window clause: a period outside the window's range (reported where the window's text
-- starts, character 70), and an unterminated window
SELECT 'v1 periods={[1850-11-23 00:00:00+00,1850-11-24 00:00:00+00)} window="24x7" depth={}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} window="24x7 depth={}'::staffing_state;
-- ... and good ones: a stretch across two touching periods, and touching stretches of
-- different depths (the depth changes at 12:00)
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00),[2026-11-24 00:00:00+00,2026-11-25 00:00:00+00)} depth={[2026-11-23 22:00:00+00,2026-11-24 06:00:00+00):1}'::staffing_state;
SELECT 'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):1,[2026-11-23 12:00:00+00,2026-11-23 16:00:00+00):3}'::staffing_state;
CREATE TABLE state_bad (s staffing_state);
\set badfile '/tmp/ms_staffing_bad.bin'
-- version 9
COPY (SELECT '\x0900'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(0)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- no period
COPY (SELECT '\x0100'::bytea || int4send(0) || int4send(0)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- a negative depth: -1 at 01:00, +1 at 02:00
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(2)
             || int8send(3600000000) || int8send(-1) || int8send(7200000000) || int8send(1)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- a depth that does not return to 0
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(1)
             || int8send(3600000000) || int8send(1)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- events outside the period
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(2)
             || int8send(3600000000) || int8send(1) || int8send(90000000000) || int8send(-1)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- a count larger than the data
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(1000000)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- junk after the end
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(0) || '\x00'::bytea) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- ... and a good one: 2000-01-01, two agents 01:00-02:00: 1 - 1/24 = 0.9583333333333334
-- understaffed at k = 2
COPY (SELECT '\x0100'::bytea || int4send(1) || int8send(0) || int8send(86400000000) || int4send(2)
             || int8send(3600000000) || int8send(2) || int8send(7200000000) || int8send(-2)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
SELECT s, 1 - staffed(s, 2) AS under_share FROM state_bad;
DROP TABLE state_bad;

DROP TABLE roster, week, night, day_state, state_t, outage, service, service_outage;
