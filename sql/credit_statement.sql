-- issue 20: the monthly credit statement as the extension's own calls
-- (DESIGN 5b): credit_line per service level and month, credit_period per
-- contract and month, credit_statement over the contract year.  Every figure
-- below is worked out by hand in the comments.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;

-- A: two service levels, fee 10 000.00 a month, period cap 15 %, chronic
-- period cap 25 %, earn-back of availability after 2 met months, annual cap
-- 6 % of the contracted 120 000.00 (7 200.00)
CREATE TABLE sched (sla text, target numeric, s credit_schedule);
INSERT INTO sched VALUES
  ('availability', 0.999, 'below 99.9%: 10%, below 99%: 20%; chronic after 2 in a row x2; earn back after 2; period cap 15%; chronic period cap 25%; annual cap 6% of contracted fees'),
  ('response',     0.95,  'below 95%: 10%; period cap 15%; annual cap 6% of contracted fees');
CREATE TABLE att (month int, sla text, attainment numeric);
INSERT INTO att VALUES
  (1, 'availability', 0.995), (1, 'response', 0.90),
  (2, 'availability', 1),     (2, 'response', 0.96),
  (3, 'availability', 1),     (3, 'response', 0.94),
  (4, 'availability', 0.98),  (4, 'response', 1),
  (5, 'availability', 0.98),  (5, 'response', 0.90),
  (6, 'availability', 1),     (6, 'response', 1),
  (7, 'availability', 0.995), (7, 'response', 1);
CREATE VIEW lines AS
SELECT month, sla, s,
       credit_line(s, attainment, 0, attainment >= target, make_date(2026, month, 1))
         OVER (PARTITION BY sla ORDER BY month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
FROM att JOIN sched USING (sla);
-- per service level: availability month 1 (10 %) is forgiven by months 2
-- and 3 (confirmed 2026-03-01); month 4 (20 %) is not (month 5 missed);
-- month 5 is chronic (two in a row, 20 % x 2 = 40 %), never earned back;
-- month 7 (10 %) has fewer than 2 months after it: forgiven 0, not NULL
SELECT month, sla, (line).* FROM lines WHERE (line).share > 0 ORDER BY sla, month;
-- the statement:
--   1: 10 % + 10 % = 20 %, less 10 % forgiven: 10 % -> 1 000.00; without the
--      forgiveness 20 % capped at 15 % -> 1 500.00: 500.00 forgiven
--   2: 0; 3: response 10 % -> 1 000.00
--   4: 20 %, period cap 15 % -> 1 500.00 (period cap)
--   5: 40 % + 10 % = 50 %, chronic: the chronic period cap 25 % -> 2 500.00
--   6: 0; 7: 10 % -> 1 000.00, owed in full
--   year to date 7 000.00, within 7 200.00
SELECT month, p.period_cap, p.share, p.chronic, (st).amount, (st).annual_cap, (st).year_to_date, (st).owed,
       (st).forgiven, p.confirmed_in, (st).caps_bound
FROM (SELECT month, credit_period(s, line) AS p,
             credit_statement(credit_period(s, line), 10000.00, 120000.00) OVER (ORDER BY month) AS st
      FROM lines GROUP BY month) x, LATERAL (SELECT (x.p).*) p
ORDER BY month;

-- B: the three bases of an annual cap of 5 %, one service level at 20 %
-- below 99 %, fee 10 000.00, months 1 and 4 missed
--   of fees to date: 1: cap 500.00, owes 500.00 (1 500.00 cut, never paid
--   later); 2, 3: nothing; 4: cap 2 000.00, 1 500.00 room: owes 1 500.00
--   of the year's fees (4 months, 40 000.00): cap 2 000.00: 1 owes 2 000.00,
--   4 finds the year at its cap: 0.00
--   of contracted fees (120 000.00): cap 6 000.00: both owe 2 000.00
CREATE TABLE b (contract text, s credit_schedule, month int, attainment numeric);
INSERT INTO b SELECT c, s, m, CASE WHEN m IN (1, 4) THEN 0.98 ELSE 1 END
FROM (VALUES ('to date', 'below 99%: 20%; annual cap 5% of fees to date'::credit_schedule),
             ('year',    'below 99%: 20%; annual cap 5%'),
             ('contracted', 'below 99%: 20%; annual cap 5% of contracted fees')) v(c, s),
     generate_series(1, 4) m;
SELECT contract, month, (st).amount, (st).annual_cap, (st).owed, (st).year_to_date, (st).caps_bound
FROM (SELECT contract, month,
             credit_statement(credit_period(s, line), 10000.00,
                              CASE contract WHEN 'year' THEN 40000.00 WHEN 'contracted' THEN 120000.00 END)
               OVER (PARTITION BY contract ORDER BY month) AS st
      FROM (SELECT contract, month, s,
                   credit_line(s, attainment, 0, attainment >= 0.99, make_date(2026, month, 1))
                     OVER (PARTITION BY contract ORDER BY month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
            FROM b) l
      GROUP BY contract, month) x
ORDER BY contract, month;

-- no period cap: shares over 100 % are printed as they are (60 % + 70 %)
SELECT (credit_period(s, line)).share, (credit_period(s, line)).period_cap
FROM (SELECT s, credit_line(s, 0.5, 0, false, date '2026-01-01')
                  OVER (PARTITION BY s::text ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
      FROM unnest(ARRAY['below 99%: 60%'::credit_schedule, 'below 98%: 70%']) s) x;
-- one number per contract: period caps (or at-risk amounts) of 12 % and 15 %
-- are 22023 naming both, never the smaller or the larger
SELECT credit_period(s, line)
FROM (SELECT s, credit_line(s, 0.5, 0, false, date '2026-01-01')
                  OVER (PARTITION BY s::text ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
      FROM unnest(ARRAY['below 99%: 10%; period cap 12%'::credit_schedule, 'below 98%: 10%; at risk 15% allocation 50%']) s) x;
SELECT credit_period(s, line)
FROM (SELECT s, credit_line(s, 0.5, 0, false, date '2026-01-01')
                  OVER (PARTITION BY s::text ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
      FROM unnest(ARRAY['below 99%: 10%; annual cap 5%'::credit_schedule, 'below 98%: 10%; annual cap 5% of fees to date']) s) x;
-- a schedule that states no period cap does not vote
SELECT (credit_period(s, line)).period_cap, (credit_period(s, line)).share
FROM (SELECT s, credit_line(s, 0.5, 0, false, date '2026-01-01')
                  OVER (PARTITION BY s::text ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
      FROM unnest(ARRAY['below 99%: 10%; period cap 12%'::credit_schedule, 'below 98%: 10%']) s) x;   -- 0.12, 0.12
-- "of contracted fees" and a plain annual cap need the fees: 22023
SELECT credit_statement(credit_period(s, line), 10000.00) OVER (ORDER BY 1)
FROM (SELECT 'below 99%: 10%; annual cap 5% of contracted fees'::credit_schedule AS s,
             credit_line('below 99%: 10%; annual cap 5% of contracted fees', 0.5, 0, false, date '2026-01-01')
               OVER (ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line) x
GROUP BY s;
-- money is whole cents
SELECT credit_statement(credit_period(s, line), 10000.005, 1) OVER (ORDER BY 1)
FROM (SELECT 'below 99%: 10%'::credit_schedule AS s,
             credit_line('below 99%: 10%', 0.5, 0, false, date '2026-01-01')
               OVER (ORDER BY 1 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line) x
GROUP BY s;
-- the windows they need: anything else is an error, not figures of the wrong row
SELECT credit_line('below 99%: 10%', 0.5, 0, false, date '2026-01-01') OVER (ORDER BY 1);
SELECT credit_line('below 99%: 10%', 0.5, 0, false, date '2026-01-01');
SELECT credit_line('below 99%: 10%', 0.5, 0, false, date '2026-01-01') OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING);
SELECT credit_statement(NULL::credit_period, 1) OVER (ORDER BY 1 ROWS BETWEEN 1 PRECEDING AND CURRENT ROW);
-- NULL: a line with a NULL count is NULL and adds nothing; a month without
-- data (NULL attainment, NULL met) is not met for earn-back, reaches no band,
-- and neither breaks nor extends the streak
SELECT m, (credit_line(s, a, misses, a >= 0.99, make_date(2026, m, 1))
             OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)).*
FROM (VALUES (1, 0.98, 0), (2, NULL, 0), (3, 1, NULL), (4, 1, 0)) v(m, a, misses),
     (SELECT 'below 99%: 10%; per miss 1%; earn back after 1'::credit_schedule AS s) c
ORDER BY m;
-- earn-back against the missed month's own schedule and target, any N: the
-- 13 months after month 1 must reach 99.95 % (exactly 99.95 % does), whatever
-- their own schedules say; with month 2 missed nothing is forgiven, with
-- months 2 to 14 at 99.95 % half of the 10 % is, confirmed by month 14
-- (month 15's 99.94 % comes one month too late to matter)
SELECT m, (l).*
FROM (SELECT m, credit_line(s, a, 0, a >= 0.99, make_date(2026, 1, 1) + m)
                  OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS l
      FROM (SELECT m, CASE WHEN m IN (1, 2) THEN 0.98 WHEN m = 15 THEN 0.9994 ELSE 0.9995 END AS a,
                   CASE WHEN m = 1 THEN 'below 99%: 10%; earn back 50% after 13 at 99.95%'::credit_schedule
                        ELSE 'below 99%: 10%' END AS s
            FROM generate_series(1, 16) m) x) y
WHERE m IN (1, 2) ORDER BY m;   -- month 2 missed: nothing forgiven
SELECT m, (l).*
FROM (SELECT m, credit_line(s, a, 0, a >= 0.99, make_date(2026, 1, 1) + m)
                  OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS l
      FROM (SELECT m, CASE WHEN m = 1 THEN 0.98 WHEN m = 15 THEN 0.9994 ELSE 0.9995 END AS a,
                   CASE WHEN m = 1 THEN 'below 99%: 10%; earn back 50% after 13 at 99.95%'::credit_schedule
                        ELSE 'below 99%: 10%' END AS s
            FROM generate_series(1, 16) m) x) y
WHERE m IN (1, 14) ORDER BY m;   -- 1: 0.05 forgiven, confirmed 2026-01-15 (month 14)
-- states are checked: any bytea given to a final function
SELECT credit_line_final('\x00'::bytea);
SELECT credit_period_final('\x0102'::bytea);
SELECT credit_statement_final(decode(repeat('00', 80), 'hex'));
-- the streak and the misses among the last N, counted from met as
-- miss_streak and count(*) FILTER (WHERE NOT met) OVER (ROWS N-1 PRECEDING)
-- count them: chronic after 2 of 3, a NULL month in between
SELECT m, met, (l).streak, (l).recent_misses, (l).chronic, (l).share,
       miss_streak(met) OVER w AS miss_streak,
       count(*) FILTER (WHERE NOT met) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS recent
FROM (SELECT m, met, credit_line('below 99%: 10%; chronic after 2 of 3 x2', CASE WHEN met THEN 1 WHEN NOT met THEN 0.98 END,
                                 0, met, make_date(2026, m::int, 1))
                       OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS l
      FROM unnest(ARRAY[false, true, NULL, false, false, true, true, false]) WITH ORDINALITY u(met, m)) x
WINDOW w AS (ORDER BY m)
ORDER BY m;
-- credit_period combines partial states: a parallel plan gives the serial
-- figures (the lines computed first: windows do not run in parallel)
CREATE TABLE par AS
SELECT g % 50 AS contract, (credit_line(s, a, g % 3, a >= 0.999, make_date(2026, 1, 1) + g / 50)
                              OVER (PARTITION BY g % 50 ORDER BY g ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)) AS line, s
FROM (SELECT g, (0.99 + (g * 7919 % 1000) / 100000.0)::numeric AS a,
             'below 99.9%: 1%, below 99.5%: 2%; per miss 0.5%; chronic after 2 in a row x2; earn back 50% after 1; period cap 15%; chronic period cap 20%; annual cap 4%'::credit_schedule AS s
      FROM generate_series(1, 20000) g) x;
ANALYZE par;
CREATE TABLE par_serial AS SELECT contract % 5 AS k, credit_period(s, line) AS p FROM par GROUP BY 1;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.p::text = x.p::text) AS equal
FROM par_serial s JOIN (SELECT contract % 5 AS k, credit_period(s, line) AS p FROM par GROUP BY 1) x USING (k);
SELECT (credit_period(s, line)).share > 0 AS some_credit FROM par;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
