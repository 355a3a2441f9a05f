-- The objects 0.4.0 added, on a database updated from an older version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';

-- issue 20: the monthly credit statement and the new credit and price terms
SELECT 1 AS issue_20;
-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
SELECT 'pause on ''Waiting for customer'', Pending; stop on Resolved, Closed'::sla_clock_rules AS rules;
CREATE TEMP TABLE issue21_log (t text, seq int, at timestamptz, status text, prio severity);
INSERT INTO issue21_log VALUES
  ('A', 1, '2026-11-23 09:00+00', 'Open', 'SEV2'), ('A', 2, '2026-11-23 10:00+00', 'Pending', NULL),
  ('A', 3, '2026-11-23 12:00+00', 'Open', NULL), ('A', 4, '2026-11-23 13:00+00', NULL, 'SEV1'),
  ('A', 5, '2026-11-23 15:00+00', 'Resolved', NULL), ('A', 6, '2026-11-23 16:00+00', 'Reopened', NULL),
  ('A', 7, '2026-11-24 10:00+00', 'Closed', NULL);
SELECT r, c, sla_clock_elapsed('mon-fri 09:00-17:00', c, '2026-12-01') AS elapsed,
       sla_clock_status('mon-fri 09:00-17:00', c, '4 hours', '2026-12-01') AS status,
       sla_clock_status('mon-fri 09:00-17:00', c, 'SEV1 resolve 2 hours; SEV2 resolve 4 hours', 'resolution', 'in force', '2026-12-01') AS in_force,
       sla_clock_deadline('mon-fri 09:00-17:00', c, '4 hours', '2026-12-01') AS deadline,
       sla_clock_remaining('mon-fri 09:00-17:00', c, '4 hours', '2026-12-01') AS remaining,
       sla_clock_percent_used('mon-fri 09:00-17:00', c, '4 hours', '2026-12-01') AS used,
       sla_clock_paused(c) AS paused, sla_clock_cycles(c) AS cycles, sla_clock_stop(c) AS stop
FROM (SELECT r, sla_clock(r::sla_clock_rules, at, status, prio ORDER BY at, seq) AS c
      FROM issue21_log, unnest(ARRAY['pause on Pending; stop on Resolved, Closed', 'pause on Pending; stop on Resolved, Closed; reopen restarts']) r
      GROUP BY r) x ORDER BY r;
SELECT sla_clock_summary_agg('mon-fri 09:00-17:00', c, '4 hours', '2026-12-01') AS summary
FROM (SELECT sla_clock('pause on Pending; stop on Resolved, Closed', at, status, prio ORDER BY at, seq) AS c FROM issue21_log) x;
SELECT * FROM sla_clock_explain('mon-fri 09:00-17:00',
  (SELECT sla_clock('pause on Pending; stop on Resolved, Closed', at, status, prio ORDER BY at, seq) FROM issue21_log), '4 hours', '2026-12-01');
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
SELECT 1 AS issue_22;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- (end of the issue 23 section)
