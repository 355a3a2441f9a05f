-- Ticket SLAs: sla_policy, sla_status, sla_remaining, sla_summary and its aggregates.
-- Expected values were worked out by hand; each query's comment says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- ---------------------------------------------------------------------------
-- sla_policy: canonical text (severity order, SEVn, units spelled out), round trip
-- ---------------------------------------------------------------------------
SELECT p AS input, p::sla_policy AS canonical
FROM unnest(ARRAY[
  'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV4 respond 1 day',
  'sev4 respond 1 day; P1 resolve 4 hrs respond 15 min',
  'critical respond 90 mins resolve 1 business day 4 hours;',
  'Sev-3 resolution 3 days response 2 h',
  'SEV0 respond 0 minutes'
]) p;
SELECT count(*) FILTER (WHERE p::sla_policy::text::sla_policy::text = p::sla_policy::text) AS round_trips
FROM unnest(ARRAY['SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day',
                  'P3 respond 90 minutes', 'SEV5 resolve 20 days']) p;
-- sla_target: the interval, days as business days; NULL when the policy has none
SELECT sla_target(p, 'P1', 'resolution') AS sev1_resolve,   -- 04:00:00
       sla_target(p, 'P2', 'resolution') AS sev2_resolve,   -- 1 day
       sla_target(p, 'P2', 'response') AS sev2_respond,     -- 01:00:00
       sla_target(p, 'P3', 'response') AS sev3_respond,     -- NULL
       sla_target(p, 'low', 'respond') AS sev4_respond      -- 1 day
FROM (SELECT 'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV4 respond 1 day'::sla_policy p) x;
-- binary round trip
CREATE TABLE pol_t (id int, p sla_policy);
INSERT INTO pol_t VALUES (1, 'SEV1 respond 15 minutes resolve 4 hours'), (2, 'SEV2 respond 1 hour 30 minutes resolve 2 days 4 hours; SEV5 respond 5 days');
\set copyfile '/tmp/ms_policy_copy.bin'
COPY pol_t TO :'copyfile' (FORMAT binary);
CREATE TABLE pol_copy (LIKE pol_t);
COPY pol_copy FROM :'copyfile' (FORMAT binary);
SELECT a.id, a.p = b.p AS equal, b.p FROM pol_t a JOIN pol_copy b USING (id) ORDER BY 1;
DROP TABLE pol_t, pol_copy;

-- ---------------------------------------------------------------------------
-- sla_status: every boundary (window 09-17 UTC; 2026-11-23 is a Monday)
-- ---------------------------------------------------------------------------
SELECT label, sla_status('mon-fri 09:00-17:00', s, d, t, a) AS status
FROM (VALUES
  -- done exactly at the deadline (Mon 13:00): met
  ('done at deadline',            '2026-11-23 09:00+00'::timestamptz, '2026-11-23 13:00+00'::timestamptz, '4 hours'::interval, '2026-12-01'::timestamptz),
  -- one second later: breached
  ('done 1s late',                '2026-11-23 09:00+00', '2026-11-23 13:00:01+00', '4 hours', '2026-12-01'),
  -- due Mon 17:00, done Tue 08:30: no open time passed after the deadline: met
  ('done in closed time after',   '2026-11-23 16:00+00', '2026-11-24 08:30+00', '1 hour', '2026-12-01'),
  -- due Mon 17:00, done Tue 09:00:01: one open second: breached
  ('done 1s after reopening',     '2026-11-23 16:00+00', '2026-11-24 09:00:01+00', '1 hour', '2026-12-01'),
  -- open, as_of exactly at the deadline: pending
  ('open, as of deadline',        '2026-11-23 09:00+00', NULL, '4 hours', '2026-11-23 13:00+00'),
  -- open, as_of in the closed time after the deadline: still pending
  ('open, as of closed after',    '2026-11-23 16:00+00', NULL, '1 hour', '2026-11-24 08:00+00'),
  -- open, one open second after the deadline: breached
  ('open, past deadline',         '2026-11-23 09:00+00', NULL, '4 hours', '2026-11-23 13:00:01+00'),
  -- a business-day target: opened Sat, due Mon 17:00; done Mon 16:59: met
  ('1 day, done Mon 16:59',       '2026-11-21 12:00+00', '2026-11-23 16:59+00', '1 day', '2026-12-01'),
  -- ... done Tue 09:30: breached
  ('1 day, done Tue 09:30',       '2026-11-21 12:00+00', '2026-11-24 09:30+00', '1 day', '2026-12-01'),
  -- ... open as of Tue 08:00 (closed after the deadline): pending
  ('1 day, open Tue 08:00',       '2026-11-21 12:00+00', NULL, '1 day', '2026-11-24 08:00+00'),
  -- a zero target: any open time before done breaches it; done at once meets it
  ('zero target, done at once',   '2026-11-23 10:00+00', '2026-11-23 10:00+00', '0', '2026-12-01'),
  ('zero target, done later',     '2026-11-23 10:00+00', '2026-11-23 10:01+00', '0', '2026-12-01')
) v(label, s, d, t, a);
-- NULL target -> NULL status; NULL window, start or as_of -> NULL
SELECT sla_status('24x7', now(), NULL, NULL, now()) AS null_target,
       sla_status(NULL, now(), now(), '1 hour', now()) AS null_window,
       sla_status('24x7', now(), now(), '1 hour', NULL) AS null_as_of;
-- the four-argument form is as of now(): a ticket opened 2 hours ago on 24x7 with a 1-hour target is breached
SELECT sla_status('24x7', now() - interval '2 hours', NULL, '1 hour') AS as_of_now;

-- sla_remaining: 3h left at Mon 10:00 for a Mon 09:00 + 4h ticket; at Tue 10:00 it is 5 business hours late
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 10:00+00') AS left,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-24 10:00+00') AS late,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-21 12:00+00', '1 day', '2026-11-23 09:00+00') AS one_day_left;  -- 08:00:00

-- ---------------------------------------------------------------------------
-- sla_summary_agg, accessors, rollup
-- ---------------------------------------------------------------------------
CREATE TABLE tk (id int, sev severity, opened timestamptz, done timestamptz);
INSERT INTO tk VALUES
  (1, 'P1', '2026-11-23 09:00+00', '2026-11-23 12:00+00'),  -- 3h  <= 4h: met
  (2, 'P1', '2026-11-23 09:00+00', '2026-11-24 12:00+00'),  -- 11h > 4h: breached
  (3, 'P1', '2026-11-30 09:00+00', NULL),                   -- open: 8h by as_of Dec 1 > 4h: breached
  (4, 'P1', '2026-11-30 15:00+00', NULL),                   -- open: 2h by as_of: pending
  (5, 'P2', '2026-11-23 10:00+00', '2026-11-23 10:30+00'),  -- 30 min, met
  (6, 'P2', NULL, '2026-11-23 10:30+00');                   -- no start: no SLA, skipped
SELECT sev, s AS summary, sla_compliance(s), sla_met(s), sla_breached(s), sla_pending(s),
       sla_total(s), sla_mean_elapsed(s), sla_min_elapsed(s), sla_max_elapsed(s)
FROM (SELECT sev, sla_summary_agg('mon-fri 09:00-17:00', opened, done, '4 hours', '2026-12-01') AS s
      FROM tk GROUP BY sev) x ORDER BY sev;
-- P1: met=1 breached=2 pending=1, timed 2 (3h + 11h = 14h, mean 7h); compliance 1/3
-- the one-step aggregate gives the same compliance
SELECT sev, sla_compliance('mon-fri 09:00-17:00', opened, done, '4 hours', '2026-12-01') FROM tk GROUP BY sev ORDER BY sev;
-- nothing decided: compliance NULL; no rows: NULL summary
SELECT sla_compliance(sla_summary_agg('24x7', opened, NULL, '10000 hours', '2026-12-01')) AS undecided,
       sla_summary_agg('24x7', opened, done, '1 hour', '2026-12-01') FILTER (WHERE false) AS empty
FROM tk;
-- rollup merges; NULL summaries count as empty
SELECT rollup(s) FROM (VALUES ('met=1 breached=0 pending=2 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'::sla_summary),
                              (NULL), ('met=3 breached=1 pending=0 timed=4 total=10:30:00.5 min=00:15:00 max=05:00:00'),
                              ('met=0 breached=0 pending=1 timed=0 total=00:00:00 min=- max=-')) v(s);
-- binary COPY round trip of summaries
CREATE TABLE sum_t AS SELECT sev, sla_summary_agg('mon-fri 09:00-17:00', opened, done, '4 hours', '2026-12-01') AS s FROM tk GROUP BY sev;
\set copyfile '/tmp/ms_summary_copy.bin'
COPY sum_t TO :'copyfile' (FORMAT binary);
CREATE TABLE sum_copy (LIKE sum_t);
COPY sum_copy FROM :'copyfile' (FORMAT binary);
SELECT a.sev, a.s::text = b.s::text AS equal FROM sum_t a JOIN sum_copy b USING (sev) ORDER BY 1;
DROP TABLE sum_t, sum_copy, tk;

-- ---------------------------------------------------------------------------
-- a month of tickets: rollup of daily summaries = the month's summary;
-- serial = forced parallel; Partial Aggregate in the plan
-- ---------------------------------------------------------------------------
CREATE TABLE tickets_m (id int, sev severity, opened timestamptz, done timestamptz);
INSERT INTO tickets_m
SELECT i, severity(1 + i % 4),
       '2026-11-01'::timestamptz + (i * 193 % 43200) * interval '1 minute',
       CASE WHEN i % 17 = 0 THEN NULL
            ELSE '2026-11-01'::timestamptz + (i * 193 % 43200) * interval '1 minute'
                 + ((i * 7919) % 6000) * interval '1 minute' END
FROM generate_series(1, 200000) i;
ANALYZE tickets_m;
CREATE TEMP TABLE month_whole AS
SELECT sev, sla_summary_agg('mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2026-11-19', opened, done,
                            '8 hours', '2026-12-01')::text AS s
FROM tickets_m GROUP BY sev;
CREATE TEMP TABLE month_days AS
SELECT sev, rollup(s)::text AS s FROM (
  SELECT sev, date_trunc('day', opened), sla_summary_agg('mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2026-11-19',
                                                         opened, done, '8 hours', '2026-12-01') AS s
  FROM tickets_m GROUP BY 1, 2) d GROUP BY sev;
SELECT (SELECT count(*) FROM month_whole) AS groups,
       (SELECT count(*) FROM month_whole w JOIN month_days d USING (sev) WHERE w.s = d.s) AS rollup_equal;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT sev, sla_summary_agg('mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2026-11-19', opened, done, '8 hours', '2026-12-01')
FROM tickets_m GROUP BY sev;
CREATE TEMP TABLE month_parallel AS
SELECT sev, sla_summary_agg('mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2026-11-19', opened, done,
                            '8 hours', '2026-12-01')::text AS s
FROM tickets_m GROUP BY sev;
SELECT count(*) AS parallel_equal FROM month_whole w JOIN month_parallel p USING (sev) WHERE w.s = p.s;
-- FILTER leaving groups empty in some workers does not break combine
SELECT sev, sla_summary_agg('24x7', opened, done, '8 hours', '2026-12-01') FILTER (WHERE id = 4) AS only_one,
       sla_summary_agg('24x7', opened, done, '8 hours', '2026-12-01') FILTER (WHERE false) AS none
FROM tickets_m GROUP BY sev ORDER BY sev;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;

-- ---------------------------------------------------------------------------
-- pauses: the clock stops while waiting on the customer
-- ---------------------------------------------------------------------------
-- Mon 09:00 + 4h, done Mon 16:00 = 7h; paused Mon 10:00-14:00 takes 4h: 3h, met (breached without)
-- 1 day from Mon 10:30 is due Tue 10:30; a 1h pause moves it to Tue 11:30: done Tue 11:00 is met
SELECT label, sla_status('mon-fri 09:00-17:00', s, d, t, '2026-12-01', p) AS with_pause,
       sla_status('mon-fri 09:00-17:00', s, d, t, '2026-12-01') AS without
FROM (VALUES
  ('4h, paused 4h',  '2026-11-23 09:00+00'::timestamptz, '2026-11-23 16:00+00'::timestamptz, '4 hours'::interval,
                     tstzmultirange(tstzrange('2026-11-23 10:00+00', '2026-11-23 14:00+00'))),
  ('1 day, paused 1h', '2026-11-23 10:30+00', '2026-11-24 11:00+00', '1 day',
                     tstzmultirange(tstzrange('2026-11-23 12:00+00', '2026-11-23 13:00+00'))),
  ('NULL pauses',    '2026-11-23 09:00+00', '2026-11-23 16:00+00', '4 hours', NULL)
) v(label, s, d, t, p);
-- open and paused since Mon 10:00: as of Wed only 1h has run: pending
SELECT sla_status('mon-fri 09:00-17:00', '2026-11-23 09:00+00', NULL, '4 hours', '2026-11-25 12:00+00',
                  tstzmultirange(tstzrange('2026-11-23 10:00+00', NULL))) AS waiting_forever;
-- the summary honours pauses: met=2, timed 2 with 3h and 0:30 (the pause takes 1h of 1h30)
SELECT sla_summary_agg('mon-fri 09:00-17:00', s, d, '4 hours', '2026-12-01', p)
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, '2026-11-23 16:00+00'::timestamptz,
              tstzmultirange(tstzrange('2026-11-23 10:00+00', '2026-11-23 14:00+00'))),
             ('2026-11-24 09:00+00', '2026-11-24 10:30+00',
              tstzmultirange(tstzrange('2026-11-24 09:15+00', '2026-11-24 10:15+00')))) v(s, d, p);

-- percentiles are not re-implemented: percentile_cont over sla_elapsed gives p90 (exact)
SELECT sev, percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM sla_elapsed('24x7', opened, done))) / 3600 AS p90_hours
FROM (VALUES ('P1'::severity, '2026-11-23 09:00+00'::timestamptz, '2026-11-23 10:00+00'::timestamptz),
             ('P1', '2026-11-23 09:00+00', '2026-11-23 11:00+00'), ('P1', '2026-11-23 09:00+00', '2026-11-23 19:00+00')) v(sev, opened, done)
GROUP BY sev;   -- 1, 2, 10 hours: p90 = 2 + 0.8 * 8 = 8.4
DROP TABLE tickets_m;

-- ---------------------------------------------------------------------------
-- parse errors, semantic errors, corrupted input
-- ---------------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT ''::sla_policy;
SELECT 'SEV9 respond 1 hour'::sla_policy;
SELECT 'whoever respond 1 hour'::sla_policy;
SELECT 'SEV1 respond 1 hour; P1 resolve 4 hours'::sla_policy;
SELECT 'SEV1 respond 15'::sla_policy;
SELECT 'SEV1 respond 1 month'::sla_policy;
SELECT 'SEV1 respond 1.5 hours'::sla_policy;
SELECT 'SEV1 respond 1 hour respond 2 hours'::sla_policy;
SELECT 'SEV1 respond 1 fortnight'::sla_policy;
SELECT 'SEV1'::sla_policy;
SELECT 'SEV1 respond'::sla_policy;
SELECT sla_target('SEV1 respond 1 hour', 'P1', 'fix');
SELECT 'met=1 breached=0 pending=0 timed=2 total=01:00:00 min=00:30:00 max=00:30:00'::sla_summary;
SELECT 'met=1 breached=0'::sla_summary;
SELECT 'met=1 breached=0 pending=0 timed=1 total=01:00:00 min=01:00:00 max=00:30:00'::sla_summary;
SELECT 'met=1 breached=0 pending=0 timed=1 total=01:61:00 min=01:00:00 max=01:00:00'::sla_summary;
SELECT sla_status('24x7', '2026-11-23', NULL, '1 month', '2026-12-01');
-- corrupted binary summaries are rejected
CREATE TABLE bad (s sla_summary);
\set badfile '/tmp/ms_summary_bad.bin'
COPY (SELECT '\x01'::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
COPY (SELECT ('\x01' || repeat('00', 6 * 8) || 'ffffffffffffffff')::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
COPY (SELECT ('\x02' || repeat('00', 7 * 8))::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
COPY (SELECT ('\x03' || repeat('00', 8 * 8))::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
COPY (SELECT ('\x02' || repeat('00', 7 * 8) || 'ffffffffffffffff')::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
COPY (SELECT ('\x01' || '0000000000000001' || repeat('00', 2 * 8) || '0000000000000005' || repeat('00', 3 * 8))::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
SELECT count(*) AS nothing_loaded FROM bad;
-- a version-1 value (before untargeted existed: 7 fields) still reads, with untargeted=0
COPY (SELECT ('\x01' || '0000000000000002' || '0000000000000001' || '0000000000000000' || '0000000000000001'
              || '00000000D693A400' || '00000000D693A400' || '00000000D693A400')::bytea) TO :'badfile' (FORMAT binary);
COPY bad FROM :'badfile' (FORMAT binary);
SELECT s FROM bad;   -- 0xD693A400 us = 3600 s: met=2 breached=1 pending=0 untargeted=0 timed=1 total=01:00:00 min=max=01:00:00
DROP TABLE bad;

-- ---------------------------------------------------------------------------
-- as_of is a snapshot (issue 8.1): a ticket resolved after as_of was open then
-- ---------------------------------------------------------------------------
-- window 09-17 UTC, Mon 2026-11-23 09:00, target 4h, resolved Mon 15:00 (6h: breached in the end)
--   as of 12:00: open, 3h used -> pending; as of 14:00: open, 5h used -> breached; as of Tue: breached
-- resolved Mon 12:00 (3h): as of 11:00 open, 2h used -> pending; as of 13:00 -> met
-- opened after as_of: no status (NULL)
SELECT label, sla_status('mon-fri 09:00-17:00', s, d, '4 hours', a) AS status
FROM (VALUES
  ('late, as of 12:00',   '2026-11-23 09:00+00'::timestamptz, '2026-11-23 15:00+00'::timestamptz, '2026-11-23 12:00+00'::timestamptz),
  ('late, as of 14:00',   '2026-11-23 09:00+00', '2026-11-23 15:00+00', '2026-11-23 14:00+00'),
  ('late, as of Tue',     '2026-11-23 09:00+00', '2026-11-23 15:00+00', '2026-11-24 09:00+00'),
  ('on time, as of 11:00','2026-11-23 09:00+00', '2026-11-23 12:00+00', '2026-11-23 11:00+00'),
  ('on time, as of 13:00','2026-11-23 09:00+00', '2026-11-23 12:00+00', '2026-11-23 13:00+00'),
  ('not opened yet',      '2026-11-24 09:00+00', '2026-11-24 10:00+00', '2026-11-23 13:00+00')) v(label, s, d, a);
-- the month-end report of November, rerun in December, gives what it gave on Nov 30:
-- A done in Nov (met, 2h), B done in Dec (open on Nov 30 20:00 with 8h used of 4h: breached),
-- C opened Nov 30 16:00, done Dec 1 10:00 (open on Nov 30 20:00 with 1h used: pending),
-- D opened in Dec: not counted; E has no target: untargeted; F no window: untargeted
SELECT sla_summary_agg(w, s, d, t, '2026-11-30 20:00+00') AS as_of_nov30,
       sla_summary_agg(w, s, d, t, '2026-12-31 00:00+00') AS as_of_dec31
FROM (VALUES
  ('A', 'mon-fri 09:00-17:00'::sla_window, '2026-11-27 09:00+00'::timestamptz, '2026-11-27 11:00+00'::timestamptz, '4 hours'::interval),
  ('B', 'mon-fri 09:00-17:00', '2026-11-27 09:00+00', '2026-12-01 09:30+00', '4 hours'),
  ('C', 'mon-fri 09:00-17:00', '2026-11-30 16:00+00', '2026-12-01 10:00+00', '4 hours'),
  ('D', 'mon-fri 09:00-17:00', '2026-12-01 09:00+00', '2026-12-01 10:00+00', '4 hours'),
  ('E', 'mon-fri 09:00-17:00', '2026-11-27 09:00+00', '2026-11-27 10:00+00', NULL),
  ('F', NULL,                  '2026-11-27 09:00+00', '2026-11-27 10:00+00', '4 hours')) v(id, w, s, d, t);
-- (Nov 27 is a Friday, Nov 30 a Monday.)  As of Nov 30 20:00: A met (2h), B open with Fri 8h + Mon 8h used:
-- breached, C open with Mon 16-17 used: pending: met=1 breached=1 pending=1 untargeted=2 timed=1 total=2h
-- As of Dec 31: A met 2h; B breached (Fri 8h + Mon 8h + Tue 09:00-09:30 = 16:30); C met (Mon 16-17 + Tue 09-10 = 2h);
-- D met 1h; E and F untargeted: met=3 breached=1 untargeted=2 timed=4 total=21:30 min=1h max=16:30
-- 24x7 ticket done after 24h of a 4h target (breached, timed), one without a target, one without a window
SELECT sla_untargeted(s) AS untargeted, sla_timed(s) AS timed, sla_met(s) + sla_breached(s) + sla_pending(s) AS measured
FROM (SELECT sla_summary_agg(w, s, d, t, '2026-12-31') AS s
      FROM (VALUES ('24x7'::sla_window, '2026-11-27'::timestamptz, '2026-11-28'::timestamptz, '4 hours'::interval),
                   ('24x7', '2026-11-27', NULL, NULL), (NULL, '2026-11-27', NULL, '1 hour')) v(w, s, d, t)) x;
-- untargeted survives rollup and text; text written before it existed reads as 0
SELECT rollup(s) FROM (VALUES ('met=1 breached=0 pending=0 untargeted=3 timed=0 total=00:00:00 min=- max=-'::sla_summary),
                              ('met=0 breached=0 pending=1 timed=0 total=00:00:00 min=- max=-')) v(s);

-- ---------------------------------------------------------------------------
-- pauses everywhere (issue 8.9); a NULL pause multirange is no pauses
-- ---------------------------------------------------------------------------
-- Mon 09:00 + 4h, as of Mon 13:00, paused 10:00-11:00: 3h used, 1h left; without pauses 0 left
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 13:00+00',
                     tstzmultirange(tstzrange('2026-11-23 10:00+00', '2026-11-23 11:00+00'))) AS paused_1h,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 13:00+00', NULL) AS null_pauses,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 13:00+00') AS no_pauses;
-- paused since Mon 10:00 with no end: deadline infinity; 3h left on the clock (1h used);
-- for a 1-day target the deadline never comes: remaining NULL
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', tstzmultirange(tstzrange('2026-11-23 10:00+00', NULL))) AS deadline,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-25 12:00+00',
                     tstzmultirange(tstzrange('2026-11-23 10:00+00', NULL))) AS left_hours,
       sla_remaining('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '1 day', '2026-11-25 12:00+00',
                     tstzmultirange(tstzrange('2026-11-23 10:00+00', NULL))) AS left_day_target;
-- NULL pauses in sla_elapsed and sla_deadline: as without (Mon 09:00 to Tue 09:00 = 8h; 4h from Mon 15:00 = Tue 11:00)
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '2026-11-24 09:00+00', NULL) AS elapsed,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 15:00+00', '4 hours', NULL) AS deadline,
       sla_elapsed(NULL, '2026-11-23 09:00+00', '2026-11-24 09:00+00', NULL) AS null_window;
-- the one-step compliance with pauses agrees with the summary: 1 met (paused), 1 breached -> 0.5
SELECT sla_compliance('mon-fri 09:00-17:00', s, d, '4 hours', '2026-12-01', p) AS one_step,
       sla_compliance(sla_summary_agg('mon-fri 09:00-17:00', s, d, '4 hours', '2026-12-01', p)) AS two_step
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, '2026-11-23 16:00+00'::timestamptz,
              tstzmultirange(tstzrange('2026-11-23 10:00+00', '2026-11-23 14:00+00'))),
             ('2026-11-24 09:00+00', '2026-11-24 16:00+00', NULL)) v(s, d, p);

-- ---------------------------------------------------------------------------
-- at risk (issue 8.10): percent of the target used
-- ---------------------------------------------------------------------------
-- Mon 09:00 + 4h: as of 10:00 25; 12:00 75 (at risk); 15:00 150 (breached); paused 10-11 as of 12:00: 50
-- 1 day from Mon 13:00 is due Tue 13:00 = 8 business hours: as of Tue 09:00 4h used -> 50
-- before the start: NULL
SELECT sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 10:00+00') AS p25,
       sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 12:00+00') AS p75,
       sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 15:00+00') AS p150,
       sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours', '2026-11-23 12:00+00',
                        tstzmultirange(tstzrange('2026-11-23 10:00+00', '2026-11-23 11:00+00'))) AS p50_paused,
       sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 13:00+00', '1 day', '2026-11-24 09:00+00') AS p50_day,
       sla_percent_used('mon-fri 09:00-17:00', '2026-11-23 13:00+00', '1 day', '2026-11-23 12:00+00') AS before_start;
-- a week is 7 business days in both sla_policy and sla_deadline
SELECT sla_target('SEV4 resolve 1 week', 'SEV4', 'resolution') AS policy_week,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:00+00', '1 week') AS deadline_week,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 10:00+00', sla_target('SEV4 resolve 1 week', 'SEV4', 'resolution')) AS deadline_policy;

-- ---------------------------------------------------------------------------
-- reopened tickets (issue 8.11): the resolved -> reopened gap is a pause
-- ---------------------------------------------------------------------------
-- opened Mon 09:00, resolved 11:00, reopened 14:00, resolved again 16:00: 7h less the 3h gap = 4h: met (4h target)
-- without the pause it is 7h: breached; status from the history, as the README recipe builds it
CREATE TEMP TABLE history (ticket int, status text, at timestamptz);
INSERT INTO history VALUES
  (1, 'open', '2026-11-23 09:00+00'), (1, 'resolved', '2026-11-23 11:00+00'),
  (1, 'reopened', '2026-11-23 14:00+00'), (1, 'resolved', '2026-11-23 16:00+00'),
  (2, 'open', '2026-11-23 09:00+00'), (2, 'resolved', '2026-11-23 12:00+00');
WITH steps AS (
  SELECT ticket, status, at, lead(at) OVER (PARTITION BY ticket ORDER BY at) AS next_at
  FROM history),
cycles AS (
  SELECT ticket, min(at) FILTER (WHERE status = 'open') AS opened,
         max(at) FILTER (WHERE status = 'resolved') AS resolved,
         range_agg(tstzrange(at, next_at)) FILTER (WHERE status = 'resolved' AND next_at IS NOT NULL) AS gaps
  FROM steps GROUP BY ticket)
SELECT ticket, gaps, sla_elapsed('mon-fri 09:00-17:00', opened, resolved, gaps) AS clock,
       sla_status('mon-fri 09:00-17:00', opened, resolved, '4 hours', '2026-12-01', gaps) AS status
FROM cycles ORDER BY ticket;
