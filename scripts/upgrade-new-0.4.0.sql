-- The objects 0.4.0 added, on a database updated from an older version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';

-- issue 20: the monthly credit statement and the new credit and price terms
SELECT 1 AS issue_20;
SELECT s::credit_schedule::text AS canonical, credit_chronic_period_cap(s::credit_schedule),
       credit_annual_cap_base(s::credit_schedule), get_byte(credit_schedule_send(s::credit_schedule), 0) AS version
FROM unnest(ARRAY['below 99%: 10%; period cap 12%; chronic after 2 in a row x2; chronic period cap 20%',
                  'warning after 1; remediation after 3 of 6', 'below 99%: 10%; annual cap 5% of fees to date']) s;
SELECT sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1::bigint, ARRAY[1, 1]::numeric[]) AS earn_back_bigint;
SELECT m, (p).share, (p).period_cap, (s).owed, (s).year_to_date, (s).caps_bound
FROM (SELECT m, credit_period(t, l) AS p, credit_statement(credit_period(t, l), 10000.00) OVER (ORDER BY m) AS s
      FROM (SELECT m, t, credit_line(t, a, 0, a >= 0.99, make_date(2026, m, 1))
                           OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS l
            FROM (VALUES (1, 0.98), (2, 1), (3, 0.97)) v(m, a),
                 (SELECT 'below 99%: 20%; earn back after 1; period cap 15%; annual cap 5% of fees to date'::credit_schedule AS t) c) x
      GROUP BY m) y ORDER BY m;
-- issue 20, price terms: a minimum charge and a unit word of one's own (version 2)
SELECT s::price_schedule::text AS canonical, price_minimum_charge(s::price_schedule), price_unit(s::price_schedule),
       charge(s::price_schedule, 555::numeric), get_byte(price_schedule_send(s::price_schedule), 0) AS version
FROM unnest(ARRAY['graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00',
                  'per incident 95.00', 'minimum charge 5000.00', 'per unit 4.50 minimum 1000']) s;
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
SELECT * FROM sla_clock_explain('mon-fri 09:00-17:00',
  (SELECT sla_clock('pause on Pending; stop on Resolved, Closed; reopen restarts', at, status, prio ORDER BY at, seq) FROM issue21_log),
  'SEV1 resolve 2 hours; SEV2 resolve 4 hours', 'resolution', 'in force', '2026-12-01');
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
SELECT 1 AS issue_22;
SELECT price_charge('per unit 4.50 minimum 1000', '1200') AS untyped,
       price_charge('share 8% minimum 2000.00'::varchar, 10, 50000) AS varchar_schedule;
PREPARE issue_22_v (varchar, varchar) AS
	SELECT $1 = 'SEV1'::severity AS eq, sla_target('SEV1 respond 15 minutes resolve 4 hours', $1, 'resolution') AS target,
	       sla_credit($2, 0.985, 0, 1) AS credit;
EXECUTE issue_22_v ('P1', 'below 99%: 10%; cap 30%');
DEALLOCATE issue_22_v;
SELECT c.* FROM sla_summary_columns('met=3 breached=1 pending=2 untargeted=1 timed=4 total=10:00:00 min=01:00:00 max=04:00:00') c;
SELECT 'met=1 breached=0 pending=0 timed=0 total=00:00:00 min=- max=-'::sla_summary
     = 'met=1 breached=0 pending=0 untargeted=0 timed=0 total=00:00:00 min=- max=-'::sla_summary AS summaries_equal;
SELECT c.*, s = s AS states_equal
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)', 'mon-fri 09:00-17:00 UTC') AS s
      FROM (VALUES (tstzrange('2026-03-02 10:00+00', '2026-03-02 12:00+00'))) v (o)) a,
     LATERAL availability_state_columns(s) c;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- max/min of escalation_step are the extension's own, with a combine function
SELECT max(s) AS worst, min(s) AS mildest, pg_typeof(max(s)) AS type,
       (SELECT count(*) FROM pg_aggregate a
        WHERE a.aggfnoid IN (to_regprocedure('max(escalation_step)'), to_regprocedure('min(escalation_step)'))
          AND a.aggcombinefn <> 0) AS with_combine
FROM (VALUES ('warning'::escalation_step), ('penalty'), ('ok'), (NULL)) v(s);
-- (end of the issue 23 section)
