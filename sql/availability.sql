-- availability: merged downtime over a period, coverage hours, planned maintenance,
-- error budgets.  Every expected value below was worked out by hand; the comment
-- next to each case or query says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- ---------------------------------------------------------------------------
-- merging and clipping, no window: one group per case, the period is Monday
-- 2026-11-23 00:00 to 24:00 UTC (24 h); availability = (24 h - downtime) / 24 h
-- ---------------------------------------------------------------------------
CREATE TABLE outage (kase text, during tstzrange);
INSERT INTO outage VALUES
  -- a nested: 10:00-12:00 contains 10:30-11:00                   02:00:00  22/24   = 0.9166666666666666
  ('a nested', '[2026-11-23 10:00, 2026-11-23 12:00)'), ('a nested', '[2026-11-23 10:30, 2026-11-23 11:00)'),
  -- b touching: 10:00-11:00 and 11:00-12:00 make 10:00-12:00      02:00:00  22/24   = 0.9166666666666666
  ('b touching', '[2026-11-23 10:00, 2026-11-23 11:00)'), ('b touching', '[2026-11-23 11:00, 2026-11-23 12:00)'),
  -- c duplicate: the same hour reported twice                     01:00:00  23/24   = 0.9583333333333334
  ('c duplicate', '[2026-11-23 10:00, 2026-11-23 11:00)'), ('c duplicate', '[2026-11-23 10:00, 2026-11-23 11:00)'),
  -- d chain: 08:00-09:30, 09:00-10:00, 09:45-10:15 = 08:00-10:15  02:15:00  1305/1440 = 0.90625
  ('d chain', '[2026-11-23 08:00, 2026-11-23 09:30)'), ('d chain', '[2026-11-23 09:00, 2026-11-23 10:00)'),
  ('d chain', '[2026-11-23 09:45, 2026-11-23 10:15)'),
  -- e out of period: Sun 22:00-Mon 01:00 counts 1 h, Mon 23:30-Tue 02:00 counts 30 min,
  --   Tue 00:00-01:00 (touches the end) and last Friday count nothing  01:30:00  1350/1440 = 0.9375
  ('e out of period', '[2026-11-22 22:00, 2026-11-23 01:00)'), ('e out of period', '[2026-11-23 23:30, 2026-11-24 02:00)'),
  ('e out of period', '[2026-11-24 00:00, 2026-11-24 01:00)'), ('e out of period', '[2026-11-20 10:00, 2026-11-20 11:00)'),
  -- f ongoing: started 20:00, no end yet: down until the end of the period   04:00:00  20/24 = 0.8333333333333334
  ('f ongoing', tstzrange('2026-11-23 20:00', NULL)),
  -- g no start: unbounded and -infinity lower bounds count from the start of the period:
  --   (,03:00) and [-infinity,01:00) = 00:00-03:00                 03:00:00  21/24   = 0.875
  ('g no start', tstzrange(NULL, '2026-11-23 03:00')), ('g no start', tstzrange('-infinity', '2026-11-23 01:00')),
  -- h nothing: an empty range and a NULL outage count nothing      00:00:00  1
  ('h nothing', 'empty'), ('h nothing', NULL),
  -- i bounds: [10:00,11:00] and (11:00,12:00) measure 2 h; an instant has no length   02:00:00  0.9166666666666666
  ('i bounds', '[2026-11-23 10:00, 2026-11-23 11:00]'), ('i bounds', '(2026-11-23 11:00, 2026-11-23 12:00)'),
  -- j all of it: the whole month                                  24:00:00  0
  ('j all of it', '[2026-11-01, 2026-12-01)'),
  -- k unordered: 15:00-16:00, 09:00-10:00, 09:30-15:30 = 09:00-16:00   07:00:00  17/24 = 0.7083333333333334
  ('k unordered', '[2026-11-23 15:00, 2026-11-23 16:00)'), ('k unordered', '[2026-11-23 09:00, 2026-11-23 10:00)'),
  ('k unordered', '[2026-11-23 09:30, 2026-11-23 15:30)');

SELECT kase, downtime(during, '[2026-11-23, 2026-11-24)'), availability(during, '[2026-11-23, 2026-11-24)')
FROM outage GROUP BY kase ORDER BY kase;

-- the same availabilities as exact fractions (the division is rounded once): all true
SELECT bool_and(a = x) AS exact
FROM (SELECT kase, availability(during, '[2026-11-23, 2026-11-24)') AS a FROM outage GROUP BY kase) r
JOIN (VALUES ('a nested', 22 / 24.0::float8), ('b touching', 22 / 24.0), ('c duplicate', 23 / 24.0),
             ('d chain', 1305 / 1440.0), ('e out of period', 1350 / 1440.0), ('f ongoing', 20 / 24.0),
             ('g no start', 21 / 24.0), ('h nothing', 1), ('i bounds', 22 / 24.0), ('j all of it', 0),
             ('k unordered', 17 / 24.0)) e(kase, x) USING (kase);

-- an aggregate over no rows is NULL; a group of NULL outages is fully available,
-- since the period is known: NULL | NULL | 1 | 00:00:00
SELECT availability(during, '[2026-11-23, 2026-11-24)') AS no_rows, downtime(during, '[2026-11-23, 2026-11-24)') AS no_rows
FROM outage WHERE false;
SELECT availability(NULL::tstzrange, '[2026-11-23, 2026-11-24)') AS null_outage,
       downtime(NULL::tstzrange, '[2026-11-23, 2026-11-24)') AS null_outage;
-- ... as in an outer join against a calendar: November 1.0 (no outage), December 0.9986559139784946
-- (1 h of 744 h = 743/744)
SELECT month, availability(o.during, tstzrange(month, month + interval '1 month')) AS availability
FROM (VALUES (timestamptz '2026-11-01'), ('2026-12-01')) m(month)
LEFT JOIN (VALUES (tstzrange('2026-12-10 10:00', '2026-12-10 11:00'))) o(during)
  ON o.during && tstzrange(month, month + interval '1 month')
GROUP BY month ORDER BY month;
-- a row whose period is NULL is skipped, as by a STRICT aggregate: 01:00:00
SELECT downtime(o, p)
FROM (VALUES (tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), tstzrange('2026-11-23', '2026-11-24')),
             (tstzrange('2026-11-23 12:00', '2026-11-23 13:00'), NULL)) v(o, p);
-- downtime of a period with a fractional outage keeps the microseconds: 00:00:01.000001
SELECT downtime(tstzrange('2026-11-23 10:00:00', '2026-11-23 10:00:01.000001'), '[2026-11-23, 2026-11-24)');

-- ---------------------------------------------------------------------------
-- coverage hours: only open time counts.  Window mon-fri 09:00-17:00 Berlin
-- (UTC+1 in November), period the week Mon 2026-11-23 00:00 to Mon 11-30
-- 00:00 Berlin: 40 open hours
-- ---------------------------------------------------------------------------
CREATE TABLE berlin_outage (kase text, during tstzrange);
INSERT INTO berlin_outage VALUES
  -- w1 closed night: Mon 16:00 -> Tue 10:00 Berlin = 1 h + 1 h      02:00:00  38/40 = 0.95
  ('w1 closed night', '[2026-11-23 16:00+01, 2026-11-24 10:00+01)'),
  -- w2 weekend: Fri 16:30 -> Sun 23:00 Berlin = 30 min                00:30:00  39.5/40 = 0.9875
  ('w2 weekend', '[2026-11-27 16:30+01, 2026-11-29 23:00+01)'),
  -- w3 night only: Tue 20:00 -> Wed 06:00                             00:00:00  1
  ('w3 night only', '[2026-11-24 20:00+01, 2026-11-25 06:00+01)'),
  -- w4 overlapping: Wed 10:00-12:00 and 11:00-13:00 = 3 h             03:00:00  37/40 = 0.925
  ('w4 overlapping', '[2026-11-25 10:00+01, 2026-11-25 12:00+01)'), ('w4 overlapping', '[2026-11-25 11:00+01, 2026-11-25 13:00+01)'),
  -- w5 before the week: Sun 11-22 23:30 -> Mon 09:30 Berlin, clipped at Mon 00:00: 30 min   00:30:00  0.9875
  ('w5 clipped', '[2026-11-22 23:30+01, 2026-11-23 09:30+01)');
SELECT kase,
       downtime(during, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin'),
       availability(during, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin')
FROM berlin_outage GROUP BY kase ORDER BY kase;

-- a holiday: with Wednesday 2026-11-25 closed the week has 32 open hours; an outage
-- Tue 16:00 -> Thu 10:00 Berlin = Tue 1 h + Wed 0 + Thu 1 h: 02:00:00 and 30/32 = 0.9375
SELECT downtime(o, p, w), availability(o, p, w)
FROM (VALUES (tstzrange('2026-11-24 16:00+01', '2026-11-26 10:00+01'), tstzrange('2026-11-23 00:00+01', '2026-11-30 00:00+01'),
              'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-11-25'::sla_window)) v(o, p, w);
-- a period without open time (a weekend) has no availability (NULL) and no downtime (00:00:00)
SELECT availability(o, p, 'mon-fri 09:00-17:00 Europe/Berlin'), downtime(o, p, 'mon-fri 09:00-17:00 Europe/Berlin')
FROM (VALUES (tstzrange('2026-11-28 10:00+01', '2026-11-28 12:00+01'), tstzrange('2026-11-28 00:00+01', '2026-11-30 00:00+01'))) v(o, p);

-- DST in the window's zone: a 00:00-24:00 Berlin day has 23 hours on 2026-03-29 and 25 on
-- 2026-10-25.  Spring: 01:00 CET -> 04:00 CEST is 00:00 -> 02:00 UTC = 2 h: 02:00:00, 21/23 = 0.9130434782608695.
-- Autumn: 01:00 CEST -> 04:00 CET is 23:00 -> 03:00 UTC = 4 h: 04:00:00, 21/25 = 0.84
SELECT d, downtime(o, p, w), availability(o, p, w), availability(o, p, w) = x AS exact
FROM (VALUES (date '2026-03-29', 21 / 23.0::float8), ('2026-10-25', 21 / 25.0)) v(d, x),
     LATERAL (SELECT 'mon-sun 00:00-24:00 Europe/Berlin'::sla_window AS w,
                     tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin') AS p,
                     tstzrange((d + time '01:00') AT TIME ZONE 'Europe/Berlin', (d + time '04:00') AT TIME ZONE 'Europe/Berlin') AS o) x
GROUP BY d, x ORDER BY d;
-- ... and without a window the same periods are 23 and 25 hours of wall-clock time: the same answers
SELECT d, downtime(o, p), availability(o, p)
FROM (VALUES (date '2026-03-29'), ('2026-10-25')) v(d),
     LATERAL (SELECT tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin', (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin') AS p,
                     tstzrange((d + time '01:00') AT TIME ZONE 'Europe/Berlin', (d + time '04:00') AT TIME ZONE 'Europe/Berlin') AS o) x
GROUP BY d ORDER BY d;
-- a business day across the spring change: mon-sun 08:00-12:00 Berlin, outage 01:00 CET -> 10:00 CEST
-- (00:00 -> 08:00 UTC) covers 08:00-10:00 local of the 4 open hours: 02:00:00 and 0.5
SELECT downtime(o, p, w), availability(o, p, w)
FROM (VALUES (tstzrange('2026-03-29 00:00+00', '2026-03-29 08:00+00'), tstzrange('2026-03-28 23:00+00', '2026-03-29 22:00+00'),
              'mon-sun 08:00-12:00 Europe/Berlin'::sla_window)) v(o, p, w);

-- ---------------------------------------------------------------------------
-- planned maintenance: removed from the period's open time and from the downtime.
-- Period Monday 2026-11-23 UTC, window 24x7 (no coverage restriction)
-- ---------------------------------------------------------------------------
-- maintenance 02:00-04:00 leaves 22 open hours.
--   m1: 03:00-05:00 counts only 04:00-05:00             01:00:00  21/22 = 0.9545454545454546
--   m2: 02:30-03:00 lies inside the maintenance          00:00:00  1
--   m3: 01:00-06:00 spans it: 1 h + 2 h                 03:00:00  19/22 = 0.8636363636363636
SELECT kase, downtime(o, '[2026-11-23, 2026-11-24)', '24x7', '{[2026-11-23 02:00, 2026-11-23 04:00)}'),
       availability(o, '[2026-11-23, 2026-11-24)', '24x7', '{[2026-11-23 02:00, 2026-11-23 04:00)}')
FROM (VALUES ('m1', tstzrange('2026-11-23 03:00', '2026-11-23 05:00')), ('m2', '[2026-11-23 02:30, 2026-11-23 03:00)'),
             ('m3', '[2026-11-23 01:00, 2026-11-23 06:00)')) v(kase, o)
GROUP BY kase ORDER BY kase;
-- maintenance outside the period, unbounded, or overlapping itself: {[Sun 20:00, Mon 01:00), [22:00,)}
-- removes 00:00-01:00 and 22:00-24:00: 21 open hours; outage 21:00-23:00 counts 1 h: 01:00:00, 20/21 = 0.9523809523809523
SELECT downtime(o, p, '24x7', m), availability(o, p, '24x7', m)
FROM (VALUES (tstzrange('2026-11-23 21:00', '2026-11-23 23:00'), tstzrange('2026-11-23', '2026-11-24'),
              '{[2026-11-22 20:00, 2026-11-23 01:00), [2026-11-23 22:00,), [2026-11-23 23:00, 2026-11-23 23:30)}'::tstzmultirange)) v(o, p, m);
-- maintenance in coverage hours: mon-fri 09:00-17:00 Berlin week (40 h); maintenance Wed 12:00-14:00
-- and Sat 10:00-14:00 Berlin (closed anyway) leaves 38 h; outage Wed 11:00-15:00 counts 11-12 and 14-15:
-- 02:00:00 and 36/38 = 0.9473684210526315
SELECT downtime(o, p, w, m), availability(o, p, w, m), availability(o, p, w, m) = 36 / 38.0::float8 AS exact
FROM (VALUES (tstzrange('2026-11-25 11:00+01', '2026-11-25 15:00+01'), tstzrange('2026-11-23 00:00+01', '2026-11-30 00:00+01'),
              'mon-fri 09:00-17:00 Europe/Berlin'::sla_window,
              '{[2026-11-25 12:00+01, 2026-11-25 14:00+01), [2026-11-28 10:00+01, 2026-11-28 14:00+01)}'::tstzmultirange)) v(o, p, w, m);

-- the recipe: a maintenance table, one multirange per vendor (range_agg), vendors without
-- maintenance get an empty one.  November 2026 (720 h), coverage 24x7:
--   acme: maintenance Sun 11-08 22:00 -> 11-09 02:00 (4 h); outages 11-09 01:00-03:00 (1 h counts)
--         and 11-20 10:00-10:30: 01:30:00, 1 - 1.5/716 = 714.5/716 = 0.9979050279329609
--   bolt: no maintenance; outage 11-20 10:00-11:00: 01:00:00, 719/720 = 0.9986111111111111
CREATE TABLE maintenance (vendor text, during tstzrange);
INSERT INTO maintenance VALUES ('acme', '[2026-11-08 22:00, 2026-11-09 00:00)'), ('acme', '[2026-11-09 00:00, 2026-11-09 02:00)');
CREATE TABLE vendor_outage (vendor text, started_at timestamptz, ended_at timestamptz);
INSERT INTO vendor_outage VALUES ('acme', '2026-11-09 01:00', '2026-11-09 03:00'), ('acme', '2026-11-20 10:00', '2026-11-20 10:30'),
                                 ('bolt', '2026-11-20 10:00', '2026-11-20 11:00');
WITH m AS (SELECT vendor, range_agg(during) AS windows FROM maintenance GROUP BY vendor)
SELECT o.vendor,
       downtime(tstzrange(o.started_at, o.ended_at), tstzrange('2026-11-01', '2026-12-01'), '24x7', coalesce(m.windows, '{}')),
       availability(tstzrange(o.started_at, o.ended_at), tstzrange('2026-11-01', '2026-12-01'), '24x7', coalesce(m.windows, '{}'))
FROM vendor_outage o LEFT JOIN m USING (vendor)
GROUP BY o.vendor ORDER BY o.vendor;

-- ---------------------------------------------------------------------------
-- two steps: availability_agg, accessors, rollup
-- ---------------------------------------------------------------------------
-- per component, then the service: down when any component is down.  Components on
-- Monday 2026-11-23: db 10:00-11:00, web 10:30-12:00, dns 23:00-24:00.
-- db 23/24, web 22.5/24, dns 23/24; the service 10:00-12:00 and 23:00-24:00: 03:00:00, 21/24 = 0.875
CREATE TABLE component_outage (component text, during tstzrange);
INSERT INTO component_outage VALUES ('db', '[2026-11-23 10:00, 2026-11-23 11:00)'), ('web', '[2026-11-23 10:30, 2026-11-23 12:00)'),
                                    ('dns', '[2026-11-23 23:00, 2026-11-24 00:00)');
CREATE TABLE component_state AS
SELECT component, availability_agg(during, '[2026-11-23, 2026-11-24)') AS s FROM component_outage GROUP BY component;
SELECT component, availability(s), downtime(s) FROM component_state ORDER BY component;
SELECT availability(rollup(s)), downtime(rollup(s)), rollup(s) FROM component_state;
-- rollup equals the one-step aggregate over all rows: true
SELECT (SELECT rollup(s)::text FROM component_state) =
       (SELECT availability_agg(during, '[2026-11-23, 2026-11-24)')::text FROM component_outage) AS same;
-- NULL states are skipped by rollup: 00:00:00 and 00:00:00
SELECT downtime(rollup(s)) FROM (VALUES (NULL::availability_state), ('v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={}')) v(s);
SELECT downtime(availability_state_combine(NULL, 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={}'));
-- as a window function: the availability of each component's day beside its rows
SELECT component, lower(during) AS started, availability(during, '[2026-11-23, 2026-11-24)') OVER (PARTITION BY component)
FROM component_outage ORDER BY component;

-- ---------------------------------------------------------------------------
-- the state's text and binary forms
-- ---------------------------------------------------------------------------
-- instants print in UTC with all their microseconds whatever TimeZone and DateStyle say
SET timezone = 'America/New_York';
SET datestyle = 'SQL, DMY';
SELECT availability_agg(o, p, 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25', '{[2026-11-25 12:00+01, 2026-11-25 14:00+01)}')
FROM (VALUES (tstzrange('2026-11-24 16:00:00.000001+01', '2026-11-24 17:30:00.5+01'), tstzrange('2026-11-23 00:00+01', '2026-11-30 00:00+01')),
             (tstzrange('2026-11-24 09:00+01', '2026-11-24 10:00+01'), tstzrange('2026-11-23 00:00+01', '2026-11-30 00:00+01'))) v(o, p);
RESET timezone;
RESET datestyle;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';

CREATE TABLE state_t (id int, s availability_state);
INSERT INTO state_t
SELECT 1, availability_agg(during, '[2026-11-23, 2026-11-24)') FROM outage
UNION ALL
SELECT 2, availability_agg(during, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin') FROM berlin_outage
UNION ALL
SELECT 3, availability_agg(tstzrange('2026-11-24 16:00:00.000001+01', '2026-11-24 17:30:00.5+01'), '[2026-11-23 00:00+01, 2026-11-30 00:00+01)',
                           'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25', '{[2026-11-25 12:00+01, 2026-11-25 14:00+01)}')
UNION ALL
SELECT 4, availability_agg(NULL, '[2026-11-23, 2026-11-24)', '24x7', '{}')
UNION ALL
-- an ancient period, far from the window's range
SELECT 5, availability_agg(tstzrange('0044-03-15 11:00+00 BC', '0044-03-15 11:00:00.000007+00 BC'), tstzrange('0044-03-15 00:00+00 BC', '0044-03-16 00:00+00 BC'))
UNION ALL
SELECT 6, availability_agg(tstzrange('294276-12-31 23:00+00', NULL), tstzrange('294276-12-31 00:00+00', '294276-12-31 23:59:59.999999+00'));
SELECT id, s FROM state_t ORDER BY id;
-- text round trip, bit for bit (the binary form compares the bytes): 6 and 6
SELECT count(*) AS states,
       count(*) FILTER (WHERE s::text::availability_state::text = s::text
                          AND availability_state_send(s::text::availability_state) = availability_state_send(s)) AS round_trip
FROM state_t;
-- binary COPY round trip
\set copyfile '/tmp/ms_availability_copy.bin'
COPY state_t TO :'copyfile' (FORMAT binary);
CREATE TABLE state_copy (LIKE state_t);
COPY state_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text = b.s::text
                                            AND availability_state_send(a.s) = availability_state_send(b.s)
                                            AND availability(a.s) IS NOT DISTINCT FROM availability(b.s)) AS equal
FROM state_t a JOIN state_copy b USING (id);
-- the accessors on the extreme states: 7 microseconds of a day (1 - 7 / 86 400 000 000 =
-- 0.9999999999189815) and the last hour of time, still going on, in a period one microsecond
-- short of a day (00:59:59.999999, 82 800 000 000 / 86 399 999 999 = 0.9583333333444252)
SELECT id, downtime(s), availability(s) FROM state_t WHERE id IN (5, 6) ORDER BY id;
DROP TABLE state_copy;

-- ---------------------------------------------------------------------------
-- error budgets, 30-day period (2 592 000 s)
-- ---------------------------------------------------------------------------
-- 99.9 % allows 00:43:12, 99.95 % 00:21:36, 99.99 % 00:04:19.2, 100 % nothing
SELECT target, downtime_budget(target, '[2026-04-01, 2026-05-01)')
FROM unnest(ARRAY[0.999, 0.9995, 0.9999, 1]) target;
-- in coverage hours: 99 % of a 40-hour business week = 00:24:00; 99.9 % of March 2026 in
-- Berlin round the clock (743 h, the spring change) = 2674.8 s = 00:44:34.8; with 4 h of
-- maintenance 739 h = 00:44:20.4
SELECT downtime_budget(0.99, '[2026-11-23 00:00+01, 2026-11-30 00:00+01)', 'mon-fri 09:00-17:00 Europe/Berlin') AS business_week,
       downtime_budget(0.999, tstzrange('2026-03-01 00:00+01', '2026-04-01 00:00+02'), 'mon-sun 00:00-24:00 Europe/Berlin') AS march_berlin,
       downtime_budget(0.999, tstzrange('2026-03-01 00:00+01', '2026-04-01 00:00+02'), 'mon-sun 00:00-24:00 Europe/Berlin',
                       '{[2026-03-08 00:00+01, 2026-03-08 04:00+01)}') AS minus_maintenance;
-- remaining: 99.9 % target at 99.95 % = 00:21:36 left; at 99.8 % = -00:43:12 (overspent);
-- at exactly the target 00:00:00
SELECT error_budget_remaining(0.999, 0.9995, '[2026-04-01, 2026-05-01)') AS half_left,
       error_budget_remaining(0.999, 0.998, '[2026-04-01, 2026-05-01)') AS overspent,
       error_budget_remaining(0.999, 0.999, '[2026-04-01, 2026-05-01)') AS spent;
-- ... from the aggregate: a 99.5 % target, week w1 of the Berlin cases at 0.95 (2 h of 40 h down)
-- allows 12 min, so 12 min - 2 h = -01:48:00
SELECT error_budget_remaining(0.995, availability(during, p, w), p, w)
FROM berlin_outage, LATERAL (SELECT tstzrange('2026-11-23 00:00+01', '2026-11-30 00:00+01') AS p,
                                    'mon-fri 09:00-17:00 Europe/Berlin'::sla_window AS w) x
WHERE kase = 'w1 closed night' GROUP BY p, w;
-- nines: 0.999 -> 3, 0.9995 -> 3.30103 (-log10(0.0005) = 3.3010299956639813), 0.99999 -> 5,
-- 0.9 -> 1, 0 -> 0, 1 -> Infinity
SELECT a, nines(a) FROM unnest(ARRAY[0.999, 0.9995, 0.99999, 0.9, 0, 1]::float8[]) a;
SELECT round(nines(0.9995)::numeric, 5) AS rounded;
-- burn rate: at the target 1; half the downtime 0.5; twice 2; none 0; a 100 % target
-- burns infinitely fast with any downtime and not at all without
SELECT burn_rate(0.999, 0.999) AS at_target, burn_rate(0.999, 0.9995) AS half, burn_rate(0.999, 0.998) AS twice,
       burn_rate(0.999, 1) AS none, burn_rate(1, 0.9999) AS perfect_target, burn_rate(1, 1) AS perfect_both;
-- NULL in, NULL out
SELECT downtime_budget(NULL, '[2026-04-01, 2026-05-01)'), nines(NULL), burn_rate(0.999, NULL),
       error_budget_remaining(0.999, NULL, '[2026-04-01, 2026-05-01)');

-- ---------------------------------------------------------------------------
-- order does not matter; serial and parallel plans agree
-- ---------------------------------------------------------------------------
-- 200 000 outages in 40 groups (vendor x month of 2026), 1 to 10 minutes each, placed by a
-- hash: overlapping, some empty, a few still going on
CREATE TABLE big (vendor int, month int, during tstzrange);
INSERT INTO big
SELECT vendor, month,
       CASE WHEN g % 49999 = 0 THEN tstzrange(s, NULL)
            WHEN g % 991 = 0 THEN 'empty'
            ELSE tstzrange(s, s + ((hashint4(-g)::bigint + 2147483648) % 10 + 1) * interval '1 minute') END
FROM (SELECT g, g % 4 AS vendor, (g / 4) % 10 + 1 AS month,
             timestamptz '2026-01-01' + ((g / 4) % 10) * interval '1 month'
             + ((hashint4(g)::bigint + 2147483648) % (32 * 1440)) * interval '1 minute' - interval '1 day' AS s
      FROM generate_series(1, 200000) g) x;
ANALYZE big;
CREATE VIEW big_q AS
SELECT vendor, month, tstzrange(m, m + interval '1 month') AS p, during,
       (ARRAY['24x7', 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-05-01',
              'mon-sun 22:00-06:00 America/New_York', 'mon-sat 07:00-19:00 Asia/Kolkata'])[vendor + 1]::sla_window AS w,
       tstzmultirange(tstzrange(m + interval '6 days', m + interval '6 days 4 hours'),
                      tstzrange(m + interval '20 days 1 hour', m + interval '20 days 3 hours')) AS maint
FROM big, LATERAL (SELECT timestamptz '2026-01-01' + (month - 1) * interval '1 month' AS m) x;

-- the same groups, input in three orders: all 40 groups equal
SELECT count(*) AS groups, count(*) FILTER (WHERE a1 = a2 AND a2 = a3 AND d1 = d2 AND d2 = d3) AS equal
FROM (SELECT vendor, month,
             availability(during, p, w ORDER BY lower(during), upper(during)) AS a1,
             availability(during, p, w ORDER BY upper(during) DESC) AS a2,
             availability(during, p, w ORDER BY md5(during::text)) AS a3,
             downtime(during, p, w ORDER BY lower(during)) AS d1,
             downtime(during, p, w ORDER BY upper(during) DESC) AS d2,
             downtime(during, p, w ORDER BY md5(during::text)) AS d3
      FROM big_q GROUP BY vendor, month) x;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS
SELECT vendor, month, availability(during, p) AS a, downtime(during, p) AS d,
       availability(during, p, w) AS aw, downtime(during, p, w) AS dw,
       availability(during, p, w, maint) AS am, downtime(during, p, w, maint) AS dm,
       availability_agg(during, p, w, maint)::text AS s
FROM big_q GROUP BY vendor, month;
-- one group (the same value in parallel below)
SELECT count(*) AS total_rows, availability(during, p) AS jan_vendor0 FROM big_q WHERE vendor = 0 AND month = 1 GROUP BY p;

SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF)
SELECT vendor, month, availability(during, p) AS a, downtime(during, p) AS d,
       availability(during, p, w) AS aw, downtime(during, p, w) AS dw,
       availability(during, p, w, maint) AS am, downtime(during, p, w, maint) AS dm,
       availability_agg(during, p, w, maint)::text AS s
FROM big_q GROUP BY vendor, month;
CREATE TABLE parallel_r AS
SELECT vendor, month, availability(during, p) AS a, downtime(during, p) AS d,
       availability(during, p, w) AS aw, downtime(during, p, w) AS dw,
       availability(during, p, w, maint) AS am, downtime(during, p, w, maint) AS dm,
       availability_agg(during, p, w, maint)::text AS s
FROM big_q GROUP BY vendor, month;
-- all 40 groups identical, to the bit
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (s.a, s.d, s.aw, s.dw, s.am, s.dm, s.s) IS NOT DISTINCT FROM (p.a, p.d, p.aw, p.dw, p.am, p.dm, p.s)) AS identical
FROM serial_r s JOIN parallel_r p USING (vendor, month);
-- one group, parallel
EXPLAIN (COSTS OFF)
SELECT availability(during, p) FROM big_q WHERE vendor = 0 AND month = 1 GROUP BY p;
SELECT count(*) AS total_rows, availability(during, p) AS jan_vendor0 FROM big_q WHERE vendor = 0 AND month = 1 GROUP BY p;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP VIEW big_q;
DROP TABLE big, serial_r, parallel_r;

-- ---------------------------------------------------------------------------
-- semantic errors and out of range
-- ---------------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
-- an empty period (22023), an unbounded or infinite one (22008), one beyond the window's range (22008)
SELECT availability(tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), 'empty');
SELECT availability(tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), tstzrange('2026-11-23', NULL));
SELECT downtime(tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), tstzrange('-infinity', '2026-11-24'));
SELECT downtime_budget(0.999, tstzrange('2026-11-23', 'infinity'));
SELECT availability(tstzrange('1850-11-23 10:00', '1850-11-23 11:00'), tstzrange('1850-11-23', '1850-11-24'), 'mon-fri 09:00-17:00');
-- the period is checked on rows whose outage is NULL too
SELECT availability(NULL, 'empty');
-- a group that mixes periods, windows or maintenance (22023)
SELECT availability(o, p)
FROM (VALUES (tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), tstzrange('2026-11-23', '2026-11-24')),
             (NULL, tstzrange('2026-11-23', '2026-11-25'))) v(o, p);
SELECT availability(o, '[2026-11-23, 2026-11-24)', w)
FROM (VALUES (tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), '24x7'::sla_window), (NULL, 'mon-fri 09:00-17:00')) v(o, w);
SELECT availability(o, '[2026-11-23, 2026-11-24)', '24x7', m)
FROM (VALUES (tstzrange('2026-11-23 10:00', '2026-11-23 11:00'), '{}'::tstzmultirange), (NULL, '{[2026-11-23 01:00, 2026-11-23 02:00)}')) v(o, m);
SELECT rollup(s) FROM (VALUES ('v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={}'::availability_state),
                              ('v1 period=[2026-11-23 00:00:00+00,2026-11-25 00:00:00+00) downtime={}')) v(s);
-- targets outside (0, 1] and availabilities outside [0, 1] (22023)
SELECT downtime_budget(0, '[2026-04-01, 2026-05-01)');
SELECT downtime_budget(1.5, '[2026-04-01, 2026-05-01)');
SELECT downtime_budget(99.9, '[2026-04-01, 2026-05-01)');
SELECT burn_rate(-0.1, 0.9);
SELECT burn_rate('NaN', 0.9);
SELECT nines(1.0001);
SELECT error_budget_remaining(0.999, -0.5, '[2026-04-01, 2026-05-01)');
-- the SQLSTATE of each
DO $$
DECLARE q text;
BEGIN
  FOREACH q IN ARRAY ARRAY[
    $q$SELECT availability(NULL, 'empty')$q$,
    $q$SELECT availability(NULL, tstzrange('2026-11-23', NULL))$q$,
    $q$SELECT downtime_budget(0.999, tstzrange('2026-11-23', 'infinity'))$q$,
    $q$SELECT availability(NULL, tstzrange('1850-11-23', '1850-11-24'), '24x7')$q$,
    $q$SELECT availability(NULL, p) FROM (VALUES (tstzrange('2026-11-23', '2026-11-24')), ('[2026-11-23, 2026-11-25)')) v(p)$q$,
    $q$SELECT availability(NULL, '[2026-11-23, 2026-11-24)', w) FROM (VALUES ('24x7'::sla_window), ('mon 09:00-10:00')) v(w)$q$,
    $q$SELECT downtime_budget(0, '[2026-04-01, 2026-05-01)')$q$,
    $q$SELECT downtime_budget(1.0000001, '[2026-04-01, 2026-05-01)')$q$,
    $q$SELECT burn_rate(0.999, 2)$q$,
    $q$SELECT nines(-1)$q$] LOOP
    BEGIN
      EXECUTE q;
      RAISE NOTICE 'no error: %', q;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '% -> SQLSTATE %', left(q, 72), SQLSTATE;
    END;
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- parse errors (22P02) and corrupted binary input (22P03)
-- ---------------------------------------------------------------------------
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 11:00:00+00,2026-11-23 10:00:00+00)}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 10:00:00+00,2026-11-23 11:00:00+00),[2026-11-23 11:00:00+00,2026-11-23 12:00:00+00)}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 20:00:00+00,2026-11-24 01:00:00+00)}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={[2026-11-23 10:00:00+01,2026-11-23 11:00:00+00)}'::availability_state;
SELECT 'v1 period=[2026-02-30 00:00:00+00,2026-11-24 00:00:00+00) downtime={}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) window="mon-fry 09:00-17:00" downtime={}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={} extra'::availability_state;
SELECT 'v2 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) downtime={}'::availability_state;
SELECT ''::availability_state;
-- the window clause: a period outside the window's range (reported where the window's text
-- starts, character 67), and an unterminated window
SELECT 'v1 period=[1850-11-23 00:00:00+00,1850-11-24 00:00:00+00) window="24x7" downtime={}'::availability_state;
SELECT 'v1 period=[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00) window="24x7 downtime={}'::availability_state;
CREATE TABLE state_bad (s availability_state);
\set badfile '/tmp/ms_availability_bad.bin'
-- version 9
COPY (SELECT '\x0900'::bytea || int8send(0) || int8send(86400000000) || int4send(0)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- an empty period
COPY (SELECT '\x0100'::bytea || int8send(86400000000) || int8send(86400000000) || int4send(0)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- outages out of order
COPY (SELECT '\x0100'::bytea || int8send(0) || int8send(86400000000) || int4send(2)
             || int8send(7200000000) || int8send(10800000000) || int8send(0) || int8send(3600000000)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- a count larger than the data
COPY (SELECT '\x0100'::bytea || int8send(0) || int8send(86400000000) || int4send(1000000)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- junk after the end
COPY (SELECT '\x0100'::bytea || int8send(0) || int8send(86400000000) || int4send(0) || '\x00'::bytea) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
-- ... and a good one: 2000-01-01 with 01:00-02:00 down
COPY (SELECT '\x0100'::bytea || int8send(0) || int8send(86400000000) || int4send(1)
             || int8send(3600000000) || int8send(7200000000)) TO :'badfile' (FORMAT binary);
COPY state_bad FROM :'badfile' (FORMAT binary);
SELECT s, availability(s) FROM state_bad;
DROP TABLE state_bad;

DROP TABLE outage, berlin_outage, maintenance, vendor_outage, component_outage, component_state, state_t;

-- ---------------------------------------------------------------------------
-- the calendar outer join (issue 8.2): a month without outages is 100 %
-- ---------------------------------------------------------------------------
-- The missing row of a LEFT JOIN builds tstzrange(NULL, NULL) = (,), which is
-- read as no outage (like NULL); a range with one end known still counts.
-- Acme: 2 hours down in January (744 h): 742/744 = 0.9973118279569892; February none: 1
-- Globex: no outages at all: 1 and 1
CREATE TABLE cal_vendor (vendor text);
INSERT INTO cal_vendor VALUES ('Acme'), ('Globex');
CREATE TABLE cal_outage (vendor text, started_at timestamptz, ended_at timestamptz);
INSERT INTO cal_outage VALUES ('Acme', '2026-01-10 10:00+00', '2026-01-10 12:00+00');
SELECT v.vendor, m.month::date,
       availability(tstzrange(o.started_at, o.ended_at), tstzrange(m.month, m.month + interval '1 month')),
       downtime(tstzrange(o.started_at, o.ended_at), tstzrange(m.month, m.month + interval '1 month'))
FROM cal_vendor v
CROSS JOIN generate_series(timestamptz '2026-01-01 00:00+00', '2026-02-01 00:00+00', interval '1 month') m(month)
LEFT JOIN cal_outage o ON o.vendor = v.vendor
                      AND tstzrange(o.started_at, o.ended_at) && tstzrange(m.month, m.month + interval '1 month')
GROUP BY v.vendor, m.month ORDER BY 1, 2;
-- (,) alone is nothing; [x,) from a known start is down to the period's end: 1 | 00:00:00 | 0.5 | 12:00:00
SELECT availability(tstzrange(NULL, NULL), '[2026-11-23, 2026-11-24)') AS unbounded_both,
       downtime(tstzrange(NULL, NULL), '[2026-11-23, 2026-11-24)') AS unbounded_both,
       availability(tstzrange('2026-11-23 12:00', NULL), '[2026-11-23, 2026-11-24)') AS ongoing,
       downtime(tstzrange('2026-11-23 12:00', NULL), '[2026-11-23, 2026-11-24)') AS ongoing;
DROP TABLE cal_vendor, cal_outage;
