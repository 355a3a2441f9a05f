-- pgTAP: the SLA clock from random status logs against today's recipes, ticket
-- by ticket: the lead() pause ranges, the reopen recipe (continues), the cycle
-- recipe (restarts), the first stop (ignored), and docs/tickets.md's priority
-- recipe for the three readings; as of a moment after every event and as of
-- one in the middle of the logs (a snapshot: the events at or before it).
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET TimeZone = 'UTC';
SET LOCAL max_parallel_workers_per_gather = 0;   -- keep random() draws in one order

SELECT plan(32);

SELECT has_type('sla_clock_rules');
SELECT has_type('sla_clock');
SELECT throws_ok($$SELECT 'pause on A; stop on a'::sla_clock_rules$$, '22P02');
SELECT throws_ok($$SELECT 'pause on A'::sla_clock_rules$$, '22P02');

-- 400 tickets, 3 to 12 events each, 1 to 600 minutes apart; a status row or a
-- priority change alone (status NULL)
SELECT setseed(0.21);
CREATE TEMP TABLE log AS
WITH t AS (
  SELECT g AS ticket, 3 + (random() * 9)::int AS n,
         timestamptz '2026-11-23 06:00+00' + random() * interval '60 hours' AS t0
  FROM generate_series(1, 400) g),
e AS (
  SELECT ticket, s AS seq, t0, (1 + random() * 599)::int AS gap, random() AS r1, random() AS r2, random() AS r3
  FROM t, generate_series(1, n) s)
SELECT ticket, seq,
       t0 + sum(gap) OVER (PARTITION BY ticket ORDER BY seq) * interval '1 minute' AS at,
       CASE WHEN seq = 1 THEN 'Open'
            WHEN r1 < 0.12 THEN NULL
            ELSE (ARRAY['Open', 'In Progress', 'Pending', 'Waiting for customer', 'Resolved', 'Closed', 'Reopened', 'Escalated'])[1 + (r2 * 7.999)::int] END AS status,
       CASE WHEN seq = 1 OR r1 < 0.12 OR r3 < 0.05
            THEN ('SEV' || (1 + (r3 * 20)::int % 4))::severity END AS prio
FROM e;
UPDATE log SET prio = 'SEV3' WHERE seq = 1 AND prio IS NULL;
UPDATE log SET status = 'Open' WHERE status IS NULL AND prio IS NULL;

CREATE TEMP TABLE terms AS
SELECT sla_window 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-11-26' AS w,
       sla_policy 'SEV1 resolve 4 hours; SEV2 resolve 8 hours; SEV3 resolve 2 days; SEV4 resolve 3 days 4 hours' AS policy,
       interval '6 hours' AS target;
CREATE TEMP TABLE asof (as_of timestamptz);
INSERT INTO asof VALUES ('2026-11-25 12:00+00'), ('2027-01-01 00:00+00');
CREATE TEMP TABLE modes (mode text, rules sla_clock_rules);
INSERT INTO modes VALUES
  ('continues', 'pause on ''Pending'', ''Waiting for customer''; stop on ''Resolved'', ''Closed''; reopen continues'),
  ('restarts', 'pause on ''Pending'', ''Waiting for customer''; stop on ''Resolved'', ''Closed''; reopen restarts'),
  ('ignored', 'pause on ''Pending'', ''Waiting for customer''; stop on ''Resolved'', ''Closed''; reopen ignored');

-- the clocks, one per ticket, rules and as_of (the log as it stood then)
CREATE TEMP TABLE clk AS
SELECT l.ticket, m.mode, a.as_of, sla_clock(m.rules, l.at, l.status, l.prio ORDER BY l.at, l.seq) AS c
FROM log l CROSS JOIN modes m CROSS JOIN asof a WHERE l.at <= a.as_of GROUP BY 1, 2, 3;
-- the clocks over the whole log, read as of each instant
CREATE TEMP TABLE full_clk AS
SELECT l.ticket, m.mode, sla_clock(m.rules, l.at, l.status, l.prio ORDER BY l.at, l.seq) AS c
FROM log l CROSS JOIN modes m GROUP BY 1, 2;

-- today's recipes on the log as it stood as of each instant: the status rows,
-- each with the next one's time (lead()), the stop runs and the reopenings
CREATE TEMP VIEW steps AS
SELECT a.as_of, l.ticket, l.seq, l.at, l.status,
       l.status IN ('Resolved', 'Closed') AS is_stop, l.status IN ('Pending', 'Waiting for customer') AS is_pause,
       lead(l.at) OVER (PARTITION BY a.as_of, l.ticket ORDER BY l.at, l.seq) AS next_at,
       lag(l.status IN ('Resolved', 'Closed')) OVER (PARTITION BY a.as_of, l.ticket ORDER BY l.at, l.seq) AS prev_stop,
       row_number() OVER (PARTITION BY a.as_of, l.ticket ORDER BY l.at, l.seq) AS k
FROM log l CROSS JOIN asof a WHERE l.at <= a.as_of AND l.status IS NOT NULL;
-- continues: one clock to the final stop (the first of the last run of
-- stops), every stop before it a pause, as the reopen recipe of docs/tickets.md
CREATE TEMP TABLE ref_continues AS
WITH last_open AS (
  SELECT as_of, ticket, max(k) FILTER (WHERE NOT is_stop) AS k_open, max(k) AS k_last FROM steps GROUP BY 1, 2),
ends AS (
  SELECT s.as_of, s.ticket, min(s.at) AS opened,
         min(s.at) FILTER (WHERE s.is_stop AND s.k > coalesce(o.k_open, 0)) AS resolved,
         coalesce(o.k_open, 0) AS k_open
  FROM steps s JOIN last_open o USING (as_of, ticket) GROUP BY 1, 2, o.k_open)
SELECT e.as_of, e.ticket, e.opened, e.resolved,
       (SELECT range_agg(tstzrange(s.at, s.next_at)) FROM steps s
        WHERE s.as_of = e.as_of AND s.ticket = e.ticket AND (s.is_pause OR s.is_stop) AND s.k <= e.k_open) AS paused
FROM ends e;
-- ignored: the first stop stands
CREATE TEMP TABLE ref_ignored AS
WITH ends AS (
  SELECT as_of, ticket, min(at) AS opened, min(at) FILTER (WHERE is_stop) AS resolved FROM steps GROUP BY 1, 2)
SELECT e.*, (SELECT range_agg(tstzrange(s.at, s.next_at)) FROM steps s
             WHERE s.as_of = e.as_of AND s.ticket = e.ticket AND s.is_pause
               AND (e.resolved IS NULL OR s.at < e.resolved)) AS paused
FROM ends e;
-- restarts: a cycle from the first event or a reopening (a status row that is
-- no stop after a stop) to its first stop
CREATE TEMP TABLE ref_cycles AS
WITH numbered AS (
  SELECT s.*, sum(CASE WHEN NOT s.is_stop AND s.prev_stop THEN 1 ELSE 0 END)
                OVER (PARTITION BY s.as_of, s.ticket ORDER BY s.k) AS cycle
  FROM steps s),
ends AS (
  SELECT as_of, ticket, cycle, min(at) AS opened, min(at) FILTER (WHERE is_stop) AS resolved FROM numbered GROUP BY 1, 2, 3)
SELECT e.*, (SELECT range_agg(tstzrange(n.at, n.next_at)) FROM numbered n
             WHERE n.as_of = e.as_of AND n.ticket = e.ticket AND n.cycle = e.cycle AND n.is_pause
               AND (e.resolved IS NULL OR n.at < e.resolved)) AS paused
FROM ends e;

-- elapsed and status with a fixed target
SELECT is((SELECT count(*)::int FROM clk WHERE mode = 'continues' AND sla_clock_start(c) IS NOT NULL),
          (SELECT count(*)::int FROM ref_continues), 'a clock per ticket that had started as of each instant');
SELECT is((SELECT count(*)::int FROM clk k JOIN ref_continues r USING (as_of, ticket) CROSS JOIN terms
           WHERE k.mode = 'continues'
             AND (sla_clock_elapsed(w, c, as_of) IS DISTINCT FROM sla_elapsed(w, r.opened, coalesce(r.resolved, as_of), r.paused)
              OR sla_clock_status(w, c, target, as_of) IS DISTINCT FROM sla_status(w, r.opened, r.resolved, target, as_of, r.paused))), 0,
          'continues: elapsed and status = the reopen recipe with lead() pauses');
SELECT is((SELECT count(*)::int FROM clk k JOIN ref_continues r USING (as_of, ticket) CROSS JOIN terms
           WHERE k.mode = 'continues'
             AND (sla_clock_deadline(w, c, '2 days', as_of) IS DISTINCT FROM sla_deadline(w, r.opened, '2 days', r.paused)
              OR sla_clock_remaining(w, c, target, as_of) IS DISTINCT FROM sla_remaining(w, r.opened, target, coalesce(r.resolved, as_of), r.paused)
              OR sla_clock_percent_used(w, c, '1 day 2 hours', as_of) IS DISTINCT FROM sla_percent_used(w, r.opened, '1 day 2 hours', coalesce(r.resolved, as_of), r.paused))), 0,
          'continues: deadline, remaining and share used = the recipe (as the clock stood at its stop)');
SELECT is((SELECT count(*)::int FROM clk k JOIN ref_ignored r USING (as_of, ticket) CROSS JOIN terms
           WHERE k.mode = 'ignored'
             AND (sla_clock_elapsed(w, c, as_of) IS DISTINCT FROM sla_elapsed(w, r.opened, coalesce(r.resolved, as_of), r.paused)
              OR sla_clock_status(w, c, target, as_of) IS DISTINCT FROM sla_status(w, r.opened, r.resolved, target, as_of, r.paused)
              OR sla_clock_stop(c) IS DISTINCT FROM r.resolved)), 0,
          'ignored: the first stop stands (elapsed, status, stop)');
SELECT is((SELECT count(*)::int FROM clk k JOIN (
             SELECT as_of, ticket, count(*) AS n,
                    sum(sla_elapsed(x.w, opened, coalesce(resolved, as_of), paused)) AS elapsed,
                    CASE WHEN bool_or(s = 'breached') THEN 'breached' WHEN bool_or(s = 'pending') THEN 'pending' ELSE 'met' END AS status
             FROM (SELECT r.*, terms.w, sla_status(terms.w, opened, resolved, terms.target, as_of, paused) AS s
                   FROM ref_cycles r CROSS JOIN terms) x GROUP BY 1, 2) r USING (as_of, ticket) CROSS JOIN terms
           WHERE k.mode = 'restarts'
             AND (sla_clock_elapsed(w, c, as_of) IS DISTINCT FROM r.elapsed
              OR sla_clock_status(w, c, target, as_of) IS DISTINCT FROM r.status
              OR sla_clock_cycles(c) <> r.n)), 0,
          'restarts: the sum of the cycles, the worst status, the cycle count');
SELECT ok((SELECT count(*) FROM ref_cycles WHERE cycle > 0) > 50, 'restarts: the logs have reopenings');
SELECT is((SELECT count(*)::int FROM clk k JOIN (
             SELECT DISTINCT ON (as_of, ticket) * FROM ref_cycles ORDER BY as_of, ticket, cycle DESC) r USING (as_of, ticket) CROSS JOIN terms
           WHERE k.mode = 'restarts'
             AND (sla_clock_deadline(w, c, target, as_of) IS DISTINCT FROM sla_deadline(w, r.opened, target, r.paused)
              OR sla_clock_remaining(w, c, target, as_of) IS DISTINCT FROM sla_remaining(w, r.opened, target, coalesce(r.resolved, as_of), r.paused))), 0,
          'restarts: deadline and remaining time are the current cycle''s');

-- as_of is a snapshot: the clock over the whole log read as of T = the clock of the log up to T
SELECT is((SELECT count(*)::int FROM clk k JOIN full_clk f USING (ticket, mode) CROSS JOIN terms
           WHERE sla_clock_elapsed(w, k.c, k.as_of) IS DISTINCT FROM sla_clock_elapsed(w, f.c, k.as_of)
              OR sla_clock_status(w, k.c, target, k.as_of) IS DISTINCT FROM sla_clock_status(w, f.c, target, k.as_of)
              OR sla_clock_status(w, k.c, policy, 'resolution', 'in force', k.as_of)
                 IS DISTINCT FROM sla_clock_status(w, f.c, policy, 'resolution', 'in force', k.as_of)
              OR sla_clock_remaining(w, k.c, target, k.as_of) IS DISTINCT FROM sla_clock_remaining(w, f.c, target, k.as_of)), 0,
          'as_of is a snapshot: the whole clock read as of T = the clock of the events up to T');

-- the priority recipe of docs/tickets.md (34 lines), on the tickets and
-- changes the log gives under reopen continues
CREATE TEMP TABLE prio_tickets AS
SELECT r.as_of, r.ticket AS id, r.opened AS opened_at, r.resolved AS resolved_at, r.paused,
       (SELECT l.prio FROM log l WHERE l.ticket = r.ticket AND l.at <= r.opened AND l.prio IS NOT NULL ORDER BY l.at DESC, l.seq DESC LIMIT 1) AS sev
FROM ref_continues r;
CREATE TEMP TABLE prio_changes AS
SELECT ticket AS id, at AS changed_at, prio AS sev FROM log WHERE prio IS NOT NULL;
CREATE TEMP TABLE prio_targets AS
WITH periods AS (
  SELECT t.as_of, t.id, p.changed_at, sla_target(terms.policy, p.sev, 'resolution') AS target,
         lead(p.changed_at) OVER (PARTITION BY t.as_of, t.id ORDER BY p.changed_at) AS next_change
  FROM prio_tickets t CROSS JOIN terms
  CROSS JOIN LATERAL (SELECT t.opened_at AS changed_at, t.sev
                      UNION ALL
                      SELECT c.changed_at, c.sev FROM prio_changes c
                      WHERE c.id = t.id AND c.changed_at > t.opened_at
                        AND c.changed_at < least(coalesce(t.resolved_at, t.as_of), t.as_of)) p),
judged AS (
  SELECT p.*, sla_status(terms.w, t.opened_at, coalesce(p.next_change, t.resolved_at), p.target, t.as_of, t.paused) AS status
  FROM periods p JOIN prio_tickets t USING (as_of, id) CROSS JOIN terms)
SELECT as_of, id,
       (array_agg(target ORDER BY changed_at))[1] AS at_creation,
       coalesce((array_agg(target ORDER BY changed_at) FILTER (WHERE status = 'breached'))[1],
                (array_agg(target ORDER BY changed_at DESC))[1]) AS in_force,
       (array_agg(target ORDER BY changed_at DESC))[1] AS at_end
FROM judged GROUP BY as_of, id;
SELECT ok((SELECT count(*) FROM prio_targets WHERE at_creation <> at_end) > 50, 'the logs have priority changes that matter');
SELECT is((SELECT count(*)::int FROM clk k JOIN prio_tickets t ON t.as_of = k.as_of AND t.id = k.ticket
           JOIN prio_targets p ON p.as_of = k.as_of AND p.id = k.ticket CROSS JOIN terms
           CROSS JOIN unnest(ARRAY['at creation', 'in force', 'at end']) r(reading)
           WHERE k.mode = 'continues'
             AND (sla_clock_status(w, c, policy, 'resolution', r.reading, k.as_of)
                  IS DISTINCT FROM sla_status(w, t.opened_at, t.resolved_at,
                                              CASE r.reading WHEN 'at creation' THEN p.at_creation WHEN 'in force' THEN p.in_force ELSE p.at_end END,
                                              k.as_of, t.paused)
               OR sla_clock_deadline(w, c, policy, 'resolution', r.reading, k.as_of)
                  IS DISTINCT FROM sla_deadline(w, t.opened_at,
                                                CASE r.reading WHEN 'at creation' THEN p.at_creation WHEN 'in force' THEN p.in_force ELSE p.at_end END,
                                                t.paused))), 0,
          'priority readings at creation, in force, at end: status and deadline = the 34-line recipe''s, ticket by ticket');
SELECT is((SELECT count(DISTINCT (k.as_of, k.ticket))::int FROM clk k JOIN prio_targets p ON p.as_of = k.as_of AND p.id = k.ticket CROSS JOIN terms
           WHERE k.mode = 'continues' AND p.in_force IS DISTINCT FROM p.at_end
             AND sla_clock_status(w, c, policy, 'resolution', 'in force', k.as_of)
                 IS DISTINCT FROM sla_clock_status(w, c, policy, 'resolution', 'at end', k.as_of)) > 0, true,
          'the readings differ on some tickets');

-- the summary: per as_of, the same as sla_summary_agg over the recipe
SELECT is((SELECT count(*)::int FROM (
             SELECT as_of, sla_clock_summary_agg(w, c, target, as_of)::text AS s FROM clk CROSS JOIN terms WHERE mode = 'continues' GROUP BY as_of) a
           FULL JOIN (
             SELECT as_of, sla_summary_agg(w, opened, resolved, target, as_of, paused)::text AS s FROM ref_continues CROSS JOIN terms GROUP BY as_of) b
           USING (as_of) WHERE a.s IS DISTINCT FROM b.s), 0,
          'sla_clock_summary_agg = sla_summary_agg over the recipe');
SELECT is((SELECT count(*)::int FROM (
             SELECT k.as_of, sla_clock_summary_agg(w, c, policy, 'resolution', 'in force', k.as_of)::text AS s
             FROM clk k CROSS JOIN terms WHERE mode = 'continues' GROUP BY k.as_of) a
           FULL JOIN (
             SELECT t.as_of, sla_summary_agg(w, t.opened_at, t.resolved_at, p.in_force, t.as_of, t.paused)::text AS s
             FROM prio_tickets t JOIN prio_targets p USING (as_of, id) CROSS JOIN terms GROUP BY t.as_of) b
           USING (as_of) WHERE a.s IS DISTINCT FROM b.s), 0,
          'sla_clock_summary_agg in force = sla_summary_agg over the recipe''s in-force targets');

-- the clock's text and binary forms round-trip exactly
SELECT is((SELECT count(*)::int FROM full_clk WHERE c::text::sla_clock::text <> c::text
             OR sla_clock_send(c::text::sla_clock) <> sla_clock_send(c)), 0, 'sla_clock text round trip');

-- the clock needs no ORDER BY: it puts a ticket's events in time order itself
-- (at one instant, in the order received; this log has no two events of a
-- ticket at one instant).  The log shuffled, the tickets hashed, not sorted:
SET LOCAL enable_sort = off;
CREATE TEMP TABLE shuffled AS SELECT * FROM log ORDER BY md5(ticket || '/' || seq);
CREATE FUNCTION pg_temp.plan_hashes() RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
	l text;
	hashed boolean := false;
BEGIN
	FOR l IN EXECUTE $q$EXPLAIN (COSTS OFF) SELECT l.ticket, m.mode, sla_clock(m.rules, l.at, l.status, l.prio)
	                    FROM shuffled l CROSS JOIN modes m GROUP BY 1, 2$q$ LOOP
		hashed := hashed OR l LIKE '%HashAggregate%';
		IF l LIKE '%Sort%' THEN
			RETURN false;
		END IF;
	END LOOP;
	RETURN hashed;
END
$f$;
SELECT ok(pg_temp.plan_hashes(), 'sla_clock without ORDER BY: the plan hashes the tickets and sorts nothing');
SELECT is((SELECT count(*)::int FROM (
             SELECT l.ticket, m.mode, sla_clock(m.rules, l.at, l.status, l.prio) AS c
             FROM shuffled l CROSS JOIN modes m GROUP BY 1, 2) h
           FULL JOIN full_clk f USING (ticket, mode)
           WHERE h.c::text IS DISTINCT FROM f.c::text), 0,
          'the shuffled log, hashed, without ORDER BY: every clock = the ORDER BY at, seq one');
SELECT is((SELECT count(*)::int FROM (
             SELECT l.ticket, m.mode, a.as_of, sla_clock(m.rules, l.at, l.status, l.prio) AS c
             FROM shuffled l CROSS JOIN modes m CROSS JOIN asof a WHERE l.at <= a.as_of GROUP BY 1, 2, 3) h
           FULL JOIN clk f USING (ticket, mode, as_of)
           WHERE h.c::text IS DISTINCT FROM f.c::text), 0,
          'the same for the log as it stood as of each instant');
RESET enable_sort;
SELECT is((SELECT count(*)::int FROM (
             SELECT l.ticket, m.mode, sla_clock(m.rules, l.at, l.status, l.prio ORDER BY l.at DESC, l.seq DESC) AS c
             FROM log l CROSS JOIN modes m GROUP BY 1, 2) h
           JOIN full_clk f USING (ticket, mode)
           WHERE h.c::text IS DISTINCT FROM f.c::text), 0,
          'the events in reverse: the same clocks');
-- as a window function: each row's running clock = the clock of the events up to it
SELECT is((SELECT count(*)::int FROM (
             SELECT l.ticket, l.seq, m.mode,
                    sla_clock(m.rules, l.at, l.status, l.prio) OVER (PARTITION BY l.ticket, m.mode ORDER BY l.at, l.seq) AS c
             FROM log l CROSS JOIN modes m WHERE l.ticket <= 60) w
           JOIN LATERAL (SELECT sla_clock(m.rules, x.at, x.status, x.prio ORDER BY x.at, x.seq) AS c
                         FROM log x, modes m WHERE x.ticket = w.ticket AND x.seq <= w.seq AND m.mode = w.mode) a ON true
           WHERE w.c::text IS DISTINCT FROM a.c::text), 0,
          'sla_clock OVER (ORDER BY at, seq): each row''s clock = the clock of the events up to it');

-- serial against forced-parallel plans: sla_clock_summary_agg over stored clocks
-- (temp tables are not read by parallel workers: a real one, dropped by the ROLLBACK)
CREATE TABLE clock_par AS SELECT f.*, t.w, t.policy, t.target FROM full_clk f CROSS JOIN terms t, generate_series(1, 20);
ANALYZE clock_par;
CREATE TEMP TABLE serial AS
SELECT mode, sla_clock_summary_agg(w, c, target, '2027-01-01')::text AS s,
       sla_clock_summary_agg(w, c, policy, 'resolution', 'in force', '2027-01-01')::text AS p
FROM clock_par GROUP BY mode;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
CREATE FUNCTION pg_temp.plan_has_partial() RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
	l text;
BEGIN
	FOR l IN EXECUTE $q$EXPLAIN (COSTS OFF) SELECT mode, sla_clock_summary_agg(w, c, target, '2027-01-01') FROM clock_par GROUP BY mode$q$ LOOP
		IF l LIKE '%Partial%Aggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END
$f$;
SELECT ok(pg_temp.plan_has_partial(), 'forced parallel: the plan has a Partial Aggregate');
SELECT is((SELECT count(*)::int FROM (
             SELECT mode, sla_clock_summary_agg(w, c, target, '2027-01-01')::text AS s,
                    sla_clock_summary_agg(w, c, policy, 'resolution', 'in force', '2027-01-01')::text AS p
             FROM clock_par GROUP BY mode) par
           FULL JOIN serial ser USING (mode)
           WHERE par.s IS DISTINCT FROM ser.s OR par.p IS DISTINCT FROM ser.p), 0,
          'forced-parallel results = serial results (20 copies of each clock)');
SET LOCAL max_parallel_workers_per_gather = 0;

-- sla_clock_explain with a priority reading: hand-worked, T1 of docs/tickets.md
-- (SEV3 Monday 09:00, SEV1 at 15:00, resolved Tuesday 10:00; 09-17 UTC): the
-- SEV3 period has 6 h on the clock, the SEV1 one 2 + 1 h; in force the cycle
-- is judged by SEV1's 4 h from the start (deadline Monday 13:00, breached),
-- at creation by SEV3's 16 h (deadline Tuesday 17:00, met)
CREATE TEMP TABLE t1 AS
SELECT sla_clock('stop on Resolved', at, status, sev ORDER BY at) AS c
FROM (VALUES ('2026-11-23 09:00+00'::timestamptz, 'Open', 'SEV3'::severity), ('2026-11-23 15:00+00', NULL, 'SEV1'),
             ('2026-11-24 10:00+00', 'Resolved', NULL)) v(at, status, sev);
SELECT results_eq(
  $$SELECT starts, ends, kind, business, rule FROM t1, sla_clock_explain('mon-fri 09:00-17:00', c,
      'SEV1 resolve 4 hours; SEV2 resolve 8 hours; SEV3 resolve 16 hours', 'resolution', 'in force', '2026-11-30')
    WHERE kind IN ('start', 'priority', 'deadline', 'resolved')$$,
  $$VALUES ('2026-11-23 09:00+00'::timestamptz, '2026-11-23 09:00+00'::timestamptz, 'start', interval '0', 'status ''Open'''),
           ('2026-11-23 09:00+00', '2026-11-23 15:00+00', 'priority', '6 hours', 'SEV3: resolution target 16:00:00'),
           ('2026-11-23 15:00+00', '2026-11-24 10:00+00', 'priority', '3 hours', 'SEV1: resolution target 04:00:00'),
           ('2026-11-23 13:00+00', '2026-11-23 13:00+00', 'deadline', '0', 'target 04:00:00'),
           ('2026-11-24 10:00+00', '2026-11-24 10:00+00', 'resolved', '0', 'breached')$$,
  'sla_clock_explain in force: the priority periods, the SEV1 deadline, breached');
SELECT results_eq(
  $$SELECT starts, kind, rule FROM t1, sla_clock_explain('mon-fri 09:00-17:00', c,
      'SEV1 resolve 4 hours; SEV2 resolve 8 hours; SEV3 resolve 16 hours', 'resolution', 'at creation', '2026-11-30')
    WHERE kind IN ('deadline', 'resolved')$$,
  $$VALUES ('2026-11-24 10:00+00'::timestamptz, 'resolved', 'met'), ('2026-11-24 17:00+00', 'deadline', 'target 16:00:00')$$,
  'sla_clock_explain at creation: the SEV3 deadline, met');

-- on the random clocks, for the three readings and the three reopen rules: the
-- explanation's verdict (the worst of its cycles' last rows) is sla_clock_status,
-- the current cycle's deadline row sla_clock_deadline (5 374 of them), and the priority periods
-- add up to sla_clock_elapsed
CREATE TEMP TABLE readings (reading text);
INSERT INTO readings VALUES ('at creation'), ('in force'), ('at end');
CREATE TEMP TABLE expl AS
SELECT k.ticket, k.mode, k.as_of, r.reading, x.*
FROM clk k CROSS JOIN terms CROSS JOIN readings r,
     sla_clock_explain(w, k.c, policy, 'resolution', r.reading, k.as_of) WITH ORDINALITY x;
SELECT is((SELECT count(*)::int FROM (
             SELECT k.ticket, k.mode, k.as_of, r.reading, sla_clock_status(w, k.c, policy, 'resolution', r.reading, k.as_of) AS s
             FROM clk k CROSS JOIN terms CROSS JOIN readings r) a
           FULL JOIN (
             SELECT ticket, mode, as_of, reading,
                    CASE WHEN bool_or(rule = 'breached') THEN 'breached' WHEN bool_or(rule = 'pending') THEN 'pending' ELSE 'met' END AS s
             FROM expl WHERE kind IN ('resolved', 'as of') GROUP BY 1, 2, 3, 4) b
           USING (ticket, mode, as_of, reading) WHERE a.s IS DISTINCT FROM b.s), 0,
          'sla_clock_explain with a reading: its verdict = sla_clock_status (2 400 clocks x 3 readings)');
CREATE TEMP TABLE expl_dl AS
WITH cur AS (SELECT ticket, mode, as_of, reading, max(ordinality) AS o FROM expl WHERE kind IN ('start', 'reopened') GROUP BY 1, 2, 3, 4)
SELECT e.ticket, e.mode, e.as_of, e.reading, e.starts AS deadline
FROM expl e JOIN cur USING (ticket, mode, as_of, reading) WHERE e.kind = 'deadline' AND e.ordinality > cur.o;
SELECT is((SELECT count(*)::int FROM clk k CROSS JOIN terms CROSS JOIN readings r
           LEFT JOIN expl_dl d ON (d.ticket, d.mode, d.as_of, d.reading) = (k.ticket, k.mode, k.as_of, r.reading)
           WHERE d.deadline IS DISTINCT FROM nullif(sla_clock_deadline(w, k.c, policy, 'resolution', r.reading, k.as_of), 'infinity')), 0,
          'sla_clock_explain with a reading: the current cycle''s deadline row = sla_clock_deadline (none while an open pause holds it: infinity)');
SELECT is((SELECT count(*)::int FROM (
             SELECT k.ticket, k.mode, k.as_of, r.reading, sla_clock_elapsed(w, k.c, k.as_of) AS e
             FROM clk k CROSS JOIN terms CROSS JOIN readings r) a
           FULL JOIN (
             SELECT ticket, mode, as_of, reading, sum(business) AS e FROM expl WHERE kind = 'priority' GROUP BY 1, 2, 3, 4) b
           USING (ticket, mode, as_of, reading) WHERE a.e IS DISTINCT FROM b.e), 0,
          'sla_clock_explain with a reading: the priority periods add up to sla_clock_elapsed');
SELECT is((SELECT count(*)::int FROM sla_clock_explain('mon-fri 09:00-17:00', (SELECT c FROM t1),
             'SEV1 resolve 4 hours', 'resolution', 'in force', NULL)), 0,
          'sla_clock_explain with a reading as of NULL: no rows');

-- a GROUP BY ticket over a million events (125 000 tickets of 8 events)
CREATE TEMP TABLE big AS
SELECT g / 8 AS ticket, g % 8 AS seq,
       timestamptz '2026-11-02 08:00+00' + (g / 8 % 5000) * interval '17 minutes' + (g % 8) * interval '95 minutes' AS at,
       (ARRAY['Open', 'In Progress', 'Pending', 'In Progress', 'Resolved', 'Reopened', 'Waiting for customer', 'Closed'])[1 + g % 8] AS status
FROM generate_series(0, 999999) g;
SELECT is((SELECT sla_clock_summary_agg(w, c, target, '2027-01-01')::text FROM (
             SELECT sla_clock(rules, at, status ORDER BY at, seq) AS c FROM big CROSS JOIN modes WHERE mode = 'continues' GROUP BY ticket) x
           CROSS JOIN terms),
          (SELECT sla_summary_agg(w, o, d, target, '2027-01-01', p)::text FROM (
             SELECT ticket, min(at) AS o, max(at) AS d,
                    range_agg(tstzrange(at, at + interval '95 minutes')) FILTER (WHERE seq IN (2, 4, 6)) AS p
             FROM big GROUP BY ticket) x CROSS JOIN terms),
          'a million events: the clocks'' summary = the recipe''s');

SELECT * FROM finish();
ROLLBACK;
