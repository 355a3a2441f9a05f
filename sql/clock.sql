-- The SLA clock from a ticket's status log (DESIGN section 3b): sla_clock_rules,
-- the sla_clock aggregate, and the functions over clocks, on hand-worked tickets.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';

-- sla_clock_rules: canonical text (start, pause, stop, reopen; statuses trimmed,
-- quoted, as first written; a quote inside doubled)
SELECT r::sla_clock_rules AS canonical FROM (VALUES
  ('pause on ''Waiting for customer'', ''Pending''; stop on ''Resolved'', ''Closed''; reopen continues'),
  ('stop on Resolved,Closed ; pause on  Waiting for customer , Pending'),
  ('reopen restarts; stop on ''Done''; start on ''In Progress'''),
  ('STOP ON solved; Reopen Ignored'),
  ('stop on ''Customer''''s turn'', '' spaced  ''')) v(r);
-- case-insensitive (ASCII letters) and trimmed: the same status
SELECT 'pause on pending; stop on resolved'::sla_clock_rules::text
     = 'pause on pending; stop on resolved;'::sla_clock_rules::text AS trailing_semicolon;

-- parse errors
SELECT ''::sla_clock_rules;
SELECT 'pause on Pending'::sla_clock_rules;
SELECT 'stop on'::sla_clock_rules;
SELECT 'stop on Resolved, '::sla_clock_rules;
SELECT 'stop Resolved'::sla_clock_rules;
SELECT 'stop on ''Resolved'::sla_clock_rules;
SELECT 'stop on Customer''s turn'::sla_clock_rules;
SELECT 'stop on Resolved; reopen sometimes'::sla_clock_rules;
SELECT 'stop on Resolved; hold on Pending'::sla_clock_rules;
SELECT 'stop on Resolved Closed; pause on x y'::sla_clock_rules::text;
-- contradictions: 22P02 naming the terms
SELECT 'pause on Pending; stop on Resolved, PENDING'::sla_clock_rules;
SELECT 'start on Open; pause on '' open ''; stop on Resolved'::sla_clock_rules;
SELECT 'stop on Resolved, resolved'::sla_clock_rules;
SELECT 'stop on Resolved; stop on Closed'::sla_clock_rules;
SELECT 'stop on Resolved; reopen continues; reopen restarts'::sla_clock_rules;

-- the status log of five tickets, Monday 2026-11-23, a 09-17 window
CREATE TABLE ev (ticket text, seq int, at timestamptz, status text, prio severity);
INSERT INTO ev VALUES
  -- OPS-1: resolved 11:00, reopened 14:00, resolved again 16:00 (docs' Jira example)
  ('OPS-1', 1, '2026-11-23 09:00+00', 'Open', 'SEV3'),
  ('OPS-1', 2, '2026-11-23 11:00+00', 'Resolved', NULL),
  ('OPS-1', 3, '2026-11-23 14:00+00', 'Reopened', NULL),
  ('OPS-1', 4, '2026-11-23 16:00+00', 'Resolved', NULL),
  -- OPS-2: waits on the customer 10-12, an unknown status runs the clock, Resolved then Closed
  ('OPS-2', 1, '2026-11-23 09:00+00', 'Open', 'SEV2'),
  ('OPS-2', 2, '2026-11-23 10:00+00', 'Waiting for customer', NULL),
  ('OPS-2', 3, '2026-11-23 12:00+00', 'Escalated to vendor', NULL),
  ('OPS-2', 4, '2026-11-23 13:00+00', NULL, 'SEV1'),
  ('OPS-2', 5, '2026-11-23 15:00+00', '  resolved ', NULL),
  ('OPS-2', 6, '2026-11-23 15:30+00', 'Closed', 'SEV4'),
  ('OPS-2', 7, NULL, 'Open', NULL),
  -- OPS-3: first event a stop (resolved on creation)
  ('OPS-3', 1, '2026-11-23 10:00+00', 'Resolved', 'SEV3'),
  -- OPS-4: still open, paused since 15:00
  ('OPS-4', 1, '2026-11-23 13:00+00', 'New', 'SEV3'),
  ('OPS-4', 2, '2026-11-23 15:00+00', 'Pending', NULL),
  -- OPS-5: ties: resolved and reopened at 12:00 in the order received
  ('OPS-5', 1, '2026-11-23 09:00+00', 'Open', 'SEV3'),
  ('OPS-5', 2, '2026-11-23 12:00+00', 'Resolved', NULL),
  ('OPS-5', 3, '2026-11-23 12:00+00', 'Reopened', NULL),
  ('OPS-5', 4, '2026-11-23 13:00+00', 'Resolved', NULL);
CREATE TABLE rules (name text, r sla_clock_rules);
INSERT INTO rules VALUES
  ('continues', 'pause on ''Waiting for customer'', Pending; stop on Resolved, Closed'),
  ('restarts', 'pause on ''Waiting for customer'', Pending; stop on Resolved, Closed; reopen restarts'),
  ('ignored', 'pause on ''Waiting for customer'', Pending; stop on Resolved, Closed; reopen ignored');
CREATE TABLE clocks AS
SELECT ticket, name, sla_clock(r, at, status, prio ORDER BY at, seq) AS c
FROM ev CROSS JOIN rules GROUP BY ticket, name;

-- the clocks as values: the whole timeline, one segment wherever something changes
SELECT ticket, name, c FROM clocks WHERE ticket IN ('OPS-1', 'OPS-2') ORDER BY 1, 2;

-- start, stop (NULL while open), pauses and cycles under each reopen rule
SELECT ticket, name, sla_clock_start(c) AS start, sla_clock_stop(c) AS stop,
       sla_clock_paused(c) AS paused, sla_clock_cycles(c) AS cycles,
       sla_clock_elapsed('mon-fri 09:00-17:00', c, '2026-11-30') AS elapsed
FROM clocks ORDER BY 1, 2;

-- 4-hour target as of the next Monday; as of 12:00 Monday (OPS-1 resolved
-- at 11:00, reopened later: judged as resolved)
SELECT ticket, name,
       sla_clock_status('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30') AS status,
       sla_clock_deadline('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30') AS deadline,
       sla_clock_remaining('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30') AS remaining,
       round(sla_clock_percent_used('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30')::numeric, 1) AS used,
       sla_clock_status('mon-fri 09:00-17:00', c, '4 hours', '2026-11-23 12:00+00') AS at_noon,
       sla_clock_elapsed('mon-fri 09:00-17:00', c, '2026-11-23 12:00+00') AS elapsed_noon
FROM clocks ORDER BY 1, 2;

-- priority readings: SEV1 2 hours, SEV2 4 hours, SEV3 8 hours
SELECT ticket, name, reading,
       sla_clock_status('mon-fri 09:00-17:00', c, 'SEV1 resolve 2 hours; SEV2 resolve 4 hours; SEV3 resolve 8 hours',
                        'resolution', reading, '2026-11-30') AS status,
       sla_clock_deadline('mon-fri 09:00-17:00', c, 'SEV1 resolve 2 hours; SEV2 resolve 4 hours; SEV3 resolve 8 hours',
                          'resolution', reading, '2026-11-30') AS deadline
FROM clocks CROSS JOIN unnest(ARRAY['at creation', 'in force', 'at end']) reading
WHERE ticket = 'OPS-2' AND name = 'continues' ORDER BY 1, 2, 3;
SELECT sla_clock_priority(c, t) AS prio, t
FROM clocks CROSS JOIN unnest(ARRAY['2026-11-23 08:00+00', '2026-11-23 09:00+00', '2026-11-23 13:00+00', '2026-11-23 16:00+00']::timestamptz[]) t
WHERE ticket = 'OPS-2' AND name = 'continues' ORDER BY t;
SELECT sla_clock_status('mon-fri 09:00-17:00', c, 'SEV1 resolve 2 hours', 'resolution', 'at creation', '2026-11-30') AS no_target
FROM clocks WHERE ticket = 'OPS-2' AND name = 'continues';
SELECT sla_clock_status('mon-fri 09:00-17:00', c, 'SEV1 resolve 2 hours', 'resolution', 'sometime', '2026-11-30')
FROM clocks WHERE ticket = 'OPS-2' AND name = 'continues';

-- the summary counts tickets, not cycles
SELECT name, sla_clock_summary_agg('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30') AS summary
FROM clocks GROUP BY name ORDER BY name;
SELECT sla_clock_summary_agg('mon-fri 09:00-17:00', c,
         'SEV1 resolve 2 hours; SEV2 resolve 4 hours; SEV3 resolve 8 hours', 'resolution', 'in force', '2026-11-30') AS in_force,
       sla_clock_summary_agg(NULL, c, '4 hours', '2026-11-30') AS no_window
FROM clocks WHERE name = 'continues';

-- start on: earlier events count for the priority only
SELECT sla_clock('start on ''In Progress''; stop on Done', at, s, p ORDER BY at) AS c
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, 'New', 'SEV4'::severity),
             ('2026-11-23 09:30+00', NULL, 'SEV2'),
             ('2026-11-23 10:00+00', 'in progress', NULL),
             ('2026-11-23 11:00+00', 'Done', NULL)) v(at, s, p);
-- start on: a stop before the start starts and stops the clock
SELECT sla_clock('start on ''In Progress''; stop on Done', at, s ORDER BY at) AS c
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, 'New'), ('2026-11-23 10:00+00', 'Done'),
             ('2026-11-23 11:00+00', 'In Progress')) v(at, s);
-- an empty log, and rows without a time: no clock
SELECT sla_clock('stop on Done', at, s) IS NULL AS no_clock
FROM (VALUES (NULL::timestamptz, 'Open'), (NULL, 'Done')) v(at, s);

-- events out of order: the clock puts them in time order (Done at 09:00
-- starts and stops it, Open at 10:00 reopens it), with or without ORDER BY
SELECT sla_clock('stop on Done', at, s) FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open'), ('2026-11-23 09:00+00', 'Done')) v(at, s);
SELECT sla_clock('stop on Done', at, s ORDER BY at DESC) FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open'), ('2026-11-23 09:00+00', 'Done')) v(at, s);
-- at one instant, the order received: Open then Done is stopped after 10:00, Done then Open running
SELECT sla_clock('stop on Done', at, s) FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open'), ('2026-11-23 10:00+00', 'Done')) v(at, s);
SELECT sla_clock('stop on Done', at, s) FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Done'), ('2026-11-23 10:00+00', 'Open')) v(at, s);
-- ties among events out of order keep their order too: Pending, then Open, at 11:00 (running after)
SELECT sla_clock('pause on Pending; stop on Done', at, s)
FROM (VALUES ('2026-11-23 11:00+00'::timestamptz, 'Pending'), ('2026-11-23 09:00+00', 'New'),
             ('2026-11-23 11:00+00', 'Open'), ('2026-11-23 10:00+00', 'Pending')) v(at, s);
-- a blank status (no priority) is no change, but it is the last event
SELECT sla_clock('stop on Done', at, s) FROM (VALUES ('2026-11-23 11:00+00'::timestamptz, '  '), ('2026-11-23 10:00+00', 'Open')) v(at, s);
-- statuses that trim to one name are one name: ' Pending ' and 'Pending' one pause
SELECT sla_clock('pause on Pending; stop on Done', at, s)
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, 'Open'), ('2026-11-23 10:00+00', ' Pending '), ('2026-11-23 11:00+00', 'Pending')) v(at, s);
-- a long log out of order: 40 events of 20 statuses (more than the clock's
-- first room, more names than its name cache), shuffled = in order
WITH ev AS (SELECT i, timestamptz '2026-11-23 09:00+00' + i * interval '7 minutes' AS at,
                   CASE WHEN i = 40 THEN 'Done' WHEN i % 7 = 3 THEN 'Pending' ELSE 'Status ' || (i % 19) END AS s
            FROM generate_series(1, 40) i)
SELECT (SELECT sla_clock('pause on Pending; stop on Done', at, s) FROM (SELECT * FROM ev ORDER BY md5(i::text)) x)::text
     = (SELECT sla_clock('pause on Pending; stop on Done', at, s ORDER BY at) FROM ev)::text AS shuffled_same,
       sla_clock_cycles(sla_clock('pause on Pending; stop on Done', at, s)) AS cycles,
       sla_clock_paused(sla_clock('pause on Pending; stop on Done', at, s)) = tstzmultirange(
         (SELECT range_agg(tstzrange(at, at + interval '7 minutes')) FROM ev WHERE i % 7 = 3)) AS pauses_right
FROM ev;
-- the aggregate's working state is not a clock: an aggregate of the user's own
-- over sla_clock_trans without sla_clock_final cannot hand it out
CREATE AGGREGATE pg_temp.raw_clock(sla_clock_rules, timestamptz, text) (SFUNC = sla_clock_trans, STYPE = sla_clock);
SELECT pg_temp.raw_clock('stop on Done', at, s)::text FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open')) v(at, s);
SELECT sla_clock_trans(NULL, 'stop on Done', '2026-11-23 10:00+00', 'Open');
-- nor can such a state, stored, be finished later: its statuses were the query's
CREATE TEMP TABLE raw_states AS
SELECT pg_temp.raw_clock('stop on Done', at, s) AS g FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open')) v(at, s);
CREATE FUNCTION pg_temp.keep(sla_clock, sla_clock) RETURNS sla_clock LANGUAGE sql AS 'SELECT $2';
CREATE AGGREGATE pg_temp.finish_clock(sla_clock) (SFUNC = pg_temp.keep, STYPE = sla_clock, FINALFUNC = sla_clock_final);
SELECT pg_temp.finish_clock(g) FROM raw_states;
-- in the query that gathered it, the same state finishes as the clock
SELECT pg_temp.finish_clock(g) FROM (SELECT pg_temp.raw_clock('stop on Done', at, s) AS g
                                     FROM (VALUES ('2026-11-23 10:00+00'::timestamptz, 'Open')) v(at, s)) x;

-- rules that change between events, times out of range
SELECT sla_clock(r::sla_clock_rules, at, s ORDER BY at)
FROM (VALUES ('stop on Done', '2026-11-23 09:00+00'::timestamptz, 'Open'), ('stop on Done; reopen ignored', '2026-11-23 10:00+00', 'Done')) v(r, at, s);
SELECT sla_clock('stop on Done', 'infinity', 'Open');

-- sla_clock text: exact round trip; what the aggregate cannot build is refused
SELECT count(*) FILTER (WHERE c::text::sla_clock::text = c::text
                          AND sla_clock_send(c::text::sla_clock) = sla_clock_send(c)) AS round_trips,
       count(*) AS clocks
FROM clocks;
SELECT 'reopen continues; last 2026-11-23 09:00:00.250000+00; 2026-11-23 09:00:00.250000+00 stopped ''It''''s done'' SEV0'::sla_clock;
SELECT 'reopen continues; last 2026-11-23 09:00:00+00'::sla_clock;
SELECT 'reopen ignored; last 2026-11-23 12:00:00+00; 2026-11-23 09:00:00+00 stopped ''Done''; 2026-11-23 10:00:00+00 running ''Open'''::sla_clock;
SELECT 'reopen continues; last 2026-11-23 12:00:00+00; 2026-11-23 10:00:00+00 running ''Open''; 2026-11-23 09:00:00+00 stopped ''Done'''::sla_clock;
SELECT 'reopen continues; last 2026-11-23 12:00:00+00; 2026-11-23 10:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 running ''Open'''::sla_clock;
SELECT 'reopen continues; last 2026-11-23 12:00:00+00; 2026-11-23 10:00:00+00 running'::sla_clock;
SELECT 'reopen continues; last 2026-11-23 08:00:00+00; 2026-11-23 10:00:00+00 running ''Open'''::sla_clock;
SELECT 'reopen continues; last 2026-02-30 08:00:00+00'::sla_clock;
SELECT 'reopen continues; last 2026-11-23 08:00:00+01'::sla_clock;

-- every documented call shape resolves with untyped literals, and the forms
-- that existed before the clock still do
SELECT sla_elapsed('mon-fri 09:00-17:00', '2026-11-23 08:00+00', '2026-11-23 12:00+00') AS before_1,
       sla_elapsed('mon-fri 09:00-17:00', '{[2026-11-23 10:00+00,2026-11-23 11:00+00)}') AS before_2,
       sla_status('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '2026-11-23 15:00+00', '4 hours', '2026-12-01') AS before_3,
       sla_deadline('mon-fri 09:00-17:00', '2026-11-23 09:00+00', '4 hours') AS before_4;
SELECT sla_clock_elapsed('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '2026-12-01') AS e,
       sla_clock_status('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour', '2026-12-01') AS s,
       sla_clock_deadline('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour', '2026-12-01') AS d,
       sla_clock_remaining('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour', '2026-12-01') AS r,
       sla_clock_percent_used('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour', '2026-12-01') AS p;
SELECT sla_clock_status('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                        'SEV1 resolve 4 hours', 'resolution', 'in force', '2026-12-01') AS s,
       sla_clock_deadline('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                          'SEV1 resolve 4 hours', 'resolution', 'at end', '2026-12-01') AS d,
       sla_clock_remaining('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                           'SEV1 resolve 4 hours', 'resolution', 'at creation', '2026-12-01') AS r,
       sla_clock_percent_used('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                              'SEV1 resolve 4 hours', 'resolution', 'at creation', '2026-12-01') AS p;
SELECT sla_clock_start('reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''') AS start,
       sla_clock_stop('reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''') AS stop,
       sla_clock_cycles('reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''') AS cycles,
       sla_clock_paused('reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 paused ''Pending''') AS paused,
       sla_clock_priority('reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV2', '2026-11-23 10:00+00') AS prio;
SELECT sla_clock_summary_agg('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour', '2026-12-01') AS fixed,
       sla_clock_summary_agg('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                             'SEV1 resolve 4 hours', 'resolution', 'in force', '2026-12-01') AS by_priority;
-- (the forms as of now(): the same shapes without the last argument)
SELECT sla_clock_status('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''', '1 hour') AS s,
       sla_clock_elapsed('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open''; 2026-11-23 11:00:00+00 stopped ''Done''') AS e,
       sla_clock_status('mon-fri 09:00-17:00', 'reopen continues; last 2026-11-23 11:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV1; 2026-11-23 11:00:00+00 stopped ''Done'' SEV1',
                        'SEV1 resolve 4 hours', 'resolution', 'at end') AS p;
SELECT sla_clock('stop on Done', '2026-11-23 09:00+00', 'Open') AS one_event,
       sla_clock('stop on Done', '2026-11-23 09:00+00', NULL, 'SEV2') AS priority_only;

-- sla_clock_explain: each cycle after a row naming the status that started it;
-- the paused pieces name the statuses behind the pause
SELECT c.ticket, c.name, x.starts, x.ends, x.kind, x.business, x.rule
FROM clocks c, sla_clock_explain('mon-fri 09:00-17:00', c.c, '4 hours', '2026-11-30', true) WITH ORDINALITY x
WHERE c.ticket IN ('OPS-1', 'OPS-2') AND c.name IN ('continues', 'restarts') ORDER BY c.ticket, c.name, x.ordinality;
-- the business time of the rows adds up to the clock's, under every reopen rule
SELECT count(*) AS clocks,
       count(*) FILTER (WHERE (SELECT sum(business) FROM sla_clock_explain('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30'))
                              = sla_clock_elapsed('mon-fri 09:00-17:00', c, '2026-11-30')) AS adds_up,
       count(*) FILTER (WHERE (SELECT x.rule FROM sla_clock_explain('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30') x
                               WHERE x.kind IN ('resolved', 'as of') ORDER BY x.starts DESC LIMIT 1)
                              IS NOT DISTINCT FROM sla_clock_status('mon-fri 09:00-17:00', c, '4 hours', '2026-11-30')
                          OR name = 'restarts') AS same_status
FROM clocks;

-- thousands of events per ticket: the timeline grows with the changes, not the events
SELECT length(sla_clock('stop on Done', t, 'Open' ORDER BY t)::text) AS one_status_100000_events,
       sla_clock_cycles(sla_clock('pause on Pending; stop on Done; reopen restarts', t,
                                  (ARRAY['Open', 'Pending', 'Done', 'Reopened'])[1 + i % 4] ORDER BY t)) AS cycles
FROM generate_series(1, 100000) i, LATERAL (SELECT timestamptz '2026-01-01 00:00+00' + i * interval '1 minute' AS t) x;
