-- issue 17: the escalation ladder as an ordered value (escalation_step), and counts of
-- any number type (count(*) ... OVER is a bigint) for every function that takes counts
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- S: warning after 1, remediation after 2, penalty after 3, termination after 6 in a row
-- or 4 of the last 12; band below 99%: 10%, 2% per miss, chronic after 2 in a row x2
CREATE TEMP TABLE sched AS
SELECT 'below 99%: 10%; per miss 2%; chronic after 2 in a row x2; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12'::credit_schedule AS s;

-- ---------------------------------------------------------------------------
-- the order: ok < warning < remediation < penalty < termination
-- ---------------------------------------------------------------------------
SELECT enum_range(NULL::escalation_step) AS ladder,
       'penalty'::escalation_step > 'warning' AS penalty_is_worse,
       'termination'::escalation_step = enum_last(NULL::escalation_step) AS last;
-- streak 0..6 without recent_misses (it defaults to min(streak, 12)): ok, warning,
-- remediation, penalty, then termination from 4 on (4 of 12); the same rung as escalation()
SELECT k AS streak, escalation_step(s, k) AS step, escalation(s, k) AS text,
       escalation_step(s, k) = escalation(s, k)::escalation_step AS same
FROM sched, generate_series(0, 6) k ORDER BY k;
-- every (streak, recent_misses): escalation_step is escalation() as the enum
SELECT count(*) AS pairs, count(*) FILTER (WHERE escalation_step(s, k, r)::text = escalation(s, k, r)) AS same
FROM sched, generate_series(0, 12) k, generate_series(0, 12) r WHERE r >= least(k, 12);

-- the issue's case: one vendor, three service levels in a month with streaks 1, 3 and 0
-- (warning, penalty, ok).  max() of the text is "warning" (w > p > o as text); max() of the
-- step is the worst step, penalty; ORDER BY sorts by the ladder
CREATE TEMP TABLE month_sl (vendor text, sla text, streak int);
INSERT INTO month_sl VALUES ('A', 'availability', 1), ('A', 'resolution', 3), ('A', 'response', 0),
                            ('B', 'availability', 0), ('B', 'response', 0);
SELECT vendor, max(escalation(s, streak)) AS max_of_text, max(escalation_step(s, streak)) AS worst_step,
       min(escalation_step(s, streak)) AS best_step
FROM month_sl, sched GROUP BY vendor ORDER BY vendor;
SELECT sla, escalation_step(s, streak) AS step FROM month_sl, sched WHERE vendor = 'A' ORDER BY 2 DESC, 1;
-- the cast from the text works too (a stored escalation column)
SELECT max(x::escalation_step) AS worst FROM unnest(ARRAY['warning', 'penalty', 'ok']) x;

-- ---------------------------------------------------------------------------
-- counts: integer, bigint, smallint, numeric, a mix, NULL and untyped
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE counts (i int, streak int, recent bigint, misses bigint, small smallint, num numeric);
INSERT INTO counts VALUES (1, 1, 4, 2, 1, 1), (2, 3, 3, 0, 3, 3.0), (3, 0, 0, 5, 0, 0);
-- attainment 98.5 %: band 10 %.  Row 1: 10 % + 2 x 2 % = 14 %, streak 1: not chronic; 4 of
-- 12: termination.  Row 2: 10 %, streak 3: chronic x2 = 20 %, penalty.  Row 3: 10 % + 5 x 2 %
-- = 20 %, ok.  Amounts on 1 000.00: 140.00, 200.00, 200.00
SELECT i, escalation(s, streak, recent) AS mixed, escalation_step(s, streak, recent) AS step,
       sla_credit(s, 0.985, misses, streak, recent) AS credit,
       sla_credit_amount(s, 1000.00, 0.985, misses, streak, recent) AS amount,
       sla_credit(s, 0.985::float8, misses, streak) AS credit_4,
       termination_right(s, streak, recent) AS term, chronic_failure(s, streak::bigint) AS chronic,
       escalation_step(s, small) AS from_smallint, escalation(s, num) AS from_numeric
FROM counts, sched ORDER BY i;
-- the same as the integer functions on the same counts
SELECT count(*) FILTER (WHERE sla_credit(s, 0.985, misses, streak, recent) = sla_credit(s, 0.985, misses::int, streak, recent::int)
                          AND sla_credit_amount(s, 1000.00, 0.985::float8, misses, streak, recent)
                              = sla_credit_amount(s, 1000.00, 0.985::float8, misses::int, streak, recent::int)
                          AND escalation(s, streak::bigint, recent) = escalation(s, streak, recent::int)
                          AND termination_right(s, streak::bigint) = termination_right(s, streak)
                          AND chronic_failure(s, streak, recent) = chronic_failure(s, streak, recent::int)) AS agree
FROM counts, sched;
-- integer literals keep resolving to the integer functions, NULL and untyped literals to
-- one function (no "is not unique"): streak 2 is remediation; sla_credit with NULL misses
-- is NULL
SELECT escalation(s, 2) AS int_literal, escalation(s, '2') AS untyped, escalation(s, NULL) IS NULL AS null_streak,
       escalation_step(s, NULL, NULL) IS NULL AS null_step, sla_credit(s, 0.985, NULL, 1) IS NULL AS null_misses,
       sla_credit(s, NULL, 2, 1) AS null_attainment   -- 2 x 2 % = 0.04
FROM sched;
-- a driver that sends parameters untyped (unknown): (misses 3, streak 2, recent 2):
-- 10 % + 6 % = 16 %, chronic x2: 32 %; remediation
PREPARE untyped AS SELECT escalation(s, $1, $2), sla_credit(s, $3, $4, $1, $2), sla_credit_amount(s, $5, $3, $4, $1, $2) FROM sched;
EXECUTE untyped('2', '2', '0.985', '3', '1000.00');
DEALLOCATE untyped;

-- the recent_misses recipe as the README writes it: count(*) FILTER ... OVER (a bigint)
-- passed as it is.  Months 1-5: missed, missed, met, missed, missed.  Streaks 1 2 0 1 2,
-- misses among the last 12: 1 2 2 3 4: warning, remediation, ok, warning, and termination
-- in month 5 (4 of 12)
WITH m(month, met) AS (VALUES (1, false), (2, false), (3, true), (4, false), (5, false))
SELECT month, miss_streak(met) OVER w AS streak,
       count(*) FILTER (WHERE NOT met) OVER (w ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS recent_misses,
       escalation(s, miss_streak(met) OVER w, count(*) FILTER (WHERE NOT met) OVER (w ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)) AS step,
       termination_right(s, miss_streak(met) OVER w, count(*) FILTER (WHERE NOT met) OVER (w ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)) AS term
FROM m, sched WINDOW w AS (ORDER BY month) ORDER BY month;

-- ---------------------------------------------------------------------------
-- out of range (22003) and semantic errors (22023)
-- ---------------------------------------------------------------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT escalation(s, 3000000000::bigint) FROM sched;
SELECT sla_credit(s, 0.985, 2147483648, 1) FROM sched;
SELECT termination_right(s, 1, -9223372036854775807) FROM sched;
SELECT escalation(s, 1, 1.5) FROM sched;
SELECT escalation_step(s, 'NaN'::float8) FROM sched;
SELECT escalation_step(s, (-1)::bigint) FROM sched;
SELECT chronic_failure(s, 1, 13::bigint) FROM sched;
