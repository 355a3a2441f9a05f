-- Service credits: credit_schedule, sla_credit, sla_credit_amount, escalation,
-- termination_right, chronic_failure and the accessors.
-- Expected values were worked out by hand from the contract terms; each case's
-- comment shows the arithmetic.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';

-- ---------------------------------------------------------------------------
-- credit_schedule: canonical text, round trip, equality
-- ---------------------------------------------------------------------------
-- the DESIGN example is accepted as written and is already canonical
SELECT s::credit_schedule::text = s AS design_example_canonical
FROM (VALUES ('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%')) v(s);
-- spellings: case, spaces, aliases, trailing zeros, terms in any order
SELECT input, input::credit_schedule AS canonical
FROM unnest(ARRAY[
  'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%',     -- AWS EC2
  'BELOW 99.5 %; At Risk 12.0% allocation 40.00%;',                      -- an at-risk pool
  'above 2%:5%,above 5 %:10.50%;per miss 1.0%;CAP 25.00%',
  'below 4.20: 5%, below 3.5: 10%',                                      -- CSAT on a 1-5 scale
  'above -10: 1%, above 0: 2%',                                          -- plain numbers may be negative
  'chronic after 4 of the last 12 or 2 in a row +5%; below 99%: 10%',
  'termination right after 4 of 12; remediation plan after 2 in a row; warning after 1 in a row',
  'below 99.9%: 10%; earn-back after 3; cap 0%',
  'per miss; at risk 12% allocation 40%',
  'below 99.9999%: 0.0001%, below 0%: 100%'
]) input;
-- output -> input -> output is the identity
SELECT count(*) FILTER (WHERE s::credit_schedule::text::credit_schedule::text = s::credit_schedule::text) AS round_trips, count(*) AS of
FROM unnest(ARRAY['below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%',
                  'below 99.5%; per miss; chronic after 2 of 6 x2; terminate after 3 of 6; at risk 12% allocation 40%',
                  'above 4.123456: 1.2345%; warning after 10000']) s;
-- = and <> compare the terms, not the spelling; the hash opclass groups alike
SELECT 'cap 30%; below 99%: 10%'::credit_schedule = 'below 99%: 10.0%; cap 30%' AS same,           -- t
       'below 99%: 10%'::credit_schedule <> 'below 99%: 10%; cap 100%' AS cap_written_differs,     -- t: a written cap is kept
       'below 99%: 10%'::credit_schedule = 'below 99%: 10%; cap 100%' AS equal;                    -- f
SET enable_sort = off;
SELECT s, count(*)   -- 2 groups: the first two are the same terms
FROM unnest(ARRAY['cap 30%; below 99%: 10%', 'below 99%: 10.0%; cap 30.0%', 'below 99%: 10%']::credit_schedule[]) s
GROUP BY s ORDER BY count(*);
RESET enable_sort;
-- binary round trip
CREATE TABLE cs_t (id int, s credit_schedule);
INSERT INTO cs_t VALUES
  (1, 'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%'),
  (2, 'below 99.5%; per miss; at risk 12% allocation 40%'),
  (3, 'above -1.5: 0.0001%; chronic after 7 of 9 +100%; terminate after 9 of 9');
\set copyfile '/tmp/ms_credit_copy.bin'
COPY cs_t TO :'copyfile' (FORMAT binary);
CREATE TABLE cs_copy (LIKE cs_t);
COPY cs_copy FROM :'copyfile' (FORMAT binary);
SELECT a.id, a.s = b.s AS equal, b.s::text = a.s::text AS same_text FROM cs_t a JOIN cs_copy b USING (id) ORDER BY 1;
DROP TABLE cs_t, cs_copy;

-- ---------------------------------------------------------------------------
-- bands: the worst band reached, half-open thresholds
-- ---------------------------------------------------------------------------
-- AWS EC2: below 99.99% -> 10%, below 99% -> 30%, below 95% -> 100%; cap 100%.
-- Attainment is a share: 0.9999 is 99.99%.  Exactly a threshold is not below it.
SELECT a, sla_credit('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%', a, 0, 0) AS credit
FROM unnest(ARRAY[
  1,          -- no band: 0
  0.9999,     -- exactly 99.99%: not below it: 0
  0.99989999, -- below 99.99% only: 0.1
  0.99,       -- exactly 99%: not below 99%, below 99.99%: 0.1
  0.98999,    -- below 99%: 0.3 (the worst band reached, not 0.1 + 0.3)
  0.95,       -- exactly 95%: 0.3
  0.9499,     -- below 95%: 1
  0           -- 1
]::numeric[]) a;
-- the same through the double precision overload (availability() returns a double):
-- a double is taken as the shortest decimal it prints as, so 0.99::float8 is exactly 99%
SELECT a, sla_credit('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%', a, 0, 0) AS credit
FROM unnest(ARRAY[1, 0.9999, 0.99989999, 0.99, 0.98999, 0.95, 0.9499, 0]::float8[]) a;
-- "above": lower is better (a defect rate as a share): above 2% -> 5%, above 5% -> 15%
SELECT a, sla_credit('above 2%: 5%, above 5%: 15%', a, 0, 0) AS credit
FROM unnest(ARRAY[
  0,          -- 0
  0.02,       -- exactly 2%: not above it: 0
  0.0201,     -- above 2%: 0.05
  0.05,       -- exactly 5%: 0.05
  0.0501,     -- above 5%: 0.15
  1           -- 0.15
]::numeric[]) a;
-- plain numbers: CSAT on a 1-5 scale (below 4.2 -> 5%, below 3.5 -> 10%) and a backlog (above 100 -> 2%, above 250 -> 4%)
SELECT a, sla_credit('below 4.2: 5%, below 3.5: 10%', a, 0, 0) AS csat_credit   -- 4.5: 0; 4.2: 0; 4.19: 0.05; 3.5: 0.05; 3.49: 0.1
FROM unnest(ARRAY[4.5, 4.2, 4.19, 3.5, 3.49]::numeric[]) a;
SELECT sla_credit('above 100: 2%, above 250: 4%', 100, 0, 0) AS at_100,      -- 0
       sla_credit('above 100: 2%, above 250: 4%', 100.5, 0, 0) AS at_100_5,  -- 0.02
       sla_credit('above 100: 2%, above 250: 4%', 250, 0, 0) AS at_250,      -- 0.02
       sla_credit('above 100: 2%, above 250: 4%', 1e6, 0, 0) AS at_1e6;      -- 0.04

-- ---------------------------------------------------------------------------
-- per-miss credits, chronic rule, cap: the DESIGN example schedule
--   below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%;
--   chronic after 3 in a row x1.5; ...; cap 30%
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE design AS SELECT 'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%'::credit_schedule AS s;
SELECT label, sla_credit(s, a, m, k) AS credit
FROM design, (VALUES
  ('band only',                         0.995, 0, 1),  -- 10%: 0.1
  ('met, misses only',                  1.0,   2, 1),  -- 0 + 2 x 2% = 4%: 0.04
  ('band + 3 misses',                   0.995, 3, 1),  -- 10% + 3 x 2% = 16%: 0.16
  ('band + 10 misses = cap',            0.995, 10, 1), -- 10% + 20% = 30%: 0.3
  ('band + 12 misses past the cap',     0.995, 12, 1), -- 10% + 24% = 34% -> cap 30%: 0.3
  ('99% band + 1 miss past the cap',    0.98,  1, 1),  -- 30% + 2% = 32% -> 0.3
  ('100% band capped',                  0.5,   0, 1),  -- 100% -> 0.3
  ('a billion misses',                  1.0,   1000000000, 1), -- 2e9 % -> 0.3
  ('streak 2: not chronic',             0.995, 3, 2),  -- 16%: 0.16
  ('chronic x1.5',                      0.995, 0, 3),  -- 10% x 1.5 = 15%: 0.15
  ('chronic x1.5 with misses',          0.995, 3, 3),  -- 16% x 1.5 = 24%: 0.24
  ('chronic reaching the cap exactly',  0.995, 5, 4),  -- 20% x 1.5 = 30%: 0.3
  ('chronic multiply then cap',         0.995, 6, 4),  -- 22% x 1.5 = 33% -> 30%: 0.3
  ('chronic but nothing to multiply',   1.0,   0, 3)   -- 0 x 1.5 = 0
) v(label, a, m, k);

-- chronic add: below 99.9%: 5%, below 99%: 10%; chronic after 3 in a row or 4 of 12 +5%; cap 50%
SELECT label, sla_credit('below 99.9%: 5%, below 99%: 10%; chronic after 3 in a row or 4 of 12 +5%; cap 50%', a, 0, k, r) AS credit
FROM (VALUES
  ('not chronic',                 0.995, 1, 3),   -- 5%: 0.05
  ('3 in a row',                  0.995, 3, 3),   -- 5% + 5% = 10%: 0.1
  ('3 in a row, worse band',      0.98,  3, 3),   -- 10% + 5% = 15%: 0.15
  ('4 of 12, streak 1',           0.98,  1, 4),   -- K of N reached: 15%: 0.15
  ('3 of 12, streak 1',           0.98,  1, 3),   -- 10%: 0.1
  ('met period, 5 of 12',         1.0,   0, 5)    -- no credit to raise: 0
) v(label, a, k, r);
-- without recent_misses, only what the streak proves counts: a streak of s holds min(s, 12) of the last 12
SELECT sla_credit('below 99%: 10%; chronic after 4 of 12 x2', 0.98, 0, 3) AS streak_3,   -- 3 < 4: 0.1
       sla_credit('below 99%: 10%; chronic after 4 of 12 x2', 0.98, 0, 4) AS streak_4,   -- 4 of 12: 10% x 2 = 0.2
       sla_credit('below 99%: 10%; chronic after 4 of 12 x2', 0.98, 0, 1, 4) AS recent_4; -- 0.2

-- NULL attainment (nothing measured): no band, the rest applies; other NULLs give NULL
SELECT sla_credit(s, NULL::numeric, 2, 1) AS null_attainment,            -- 0 + 2 x 2% = 0.04
       sla_credit(s, NULL::float8, 0, 0) AS null_double,                 -- 0
       sla_credit(s, NULL, 3, 3) AS null_chronic,                        -- 6% x 1.5 = 9%: 0.09
       sla_credit(s, 0.99, NULL, 1) IS NULL AS null_misses,              -- t
       sla_credit(NULL, 0.99, 0, 1) IS NULL AS null_schedule,            -- t
       sla_credit(s, 0.99, 0, 1, NULL) IS NULL AS null_recent,           -- t
       sla_credit_amount(s, NULL, 0.99, 0, 1) IS NULL AS null_fee        -- t
FROM design;

-- ---------------------------------------------------------------------------
-- the per-call-site cache of schedules (shared with charge): 100 schedules, 1 000 rows
-- that come back to each in turn, more than the cache holds: every row gets the credit
-- of its own schedule, below 99%: k% for k = 1 .. 100 at 98%: k/100 (t, t)
SELECT bool_and(sla_credit(format('below 99%%: %s%%', i % 100 + 1)::credit_schedule, 0.98, 0, 0)
                = (i % 100 + 1) / 100.0) AS numeric_form,
       bool_and(sla_credit(format('below 99%%: %s%%', i % 100 + 1)::credit_schedule, 0.98::float8, 0, 0)
                = (i % 100 + 1) / 100.0) AS double_form
FROM generate_series(1, 1000) i;

-- money: fee x share, rounded half-up to cents
-- ---------------------------------------------------------------------------
SELECT sla_credit_amount(s, 18500.00, 0.995, 3, 1) AS a,     -- 16% of 18500.00 = 2960.00
       sla_credit_amount(s, 333.33, 0.995, 0, 1) AS b,       -- 10% of 333.33 = 33.333 -> 33.33
       sla_credit_amount(s, 1234.50, 0.995, 0, 3) AS c,      -- 15% of 1234.50 = 185.175 -> 185.18 (half up)
       sla_credit_amount(s, 0.05, 0.995, 0, 1) AS d,         -- 10% of 0.05 = 0.005 -> 0.01
       sla_credit_amount(s, 0, 0.5, 0, 1) AS e,              -- 0.00
       sla_credit_amount(s, 10000, 0.5::float8, 0, 1) AS f   -- 30% of 10000 = 3000.00
FROM design;

-- ---------------------------------------------------------------------------
-- escalation ladder: warning after 1; remediation after 2; penalty after 3;
-- terminate after 6 in a row or 4 of 12
-- ---------------------------------------------------------------------------
SELECT k AS streak, r AS recent_misses, escalation(s, k, r), termination_right(s, k, r), chronic_failure(s, k, r)
FROM design, (VALUES
  (0, 0),    -- ok
  (1, 1),    -- warning
  (2, 2),    -- remediation
  (3, 3),    -- penalty (and chronic: 3 in a row)
  (0, 3),    -- ok: met now, 3 of the last 12 missed
  (1, 4),    -- termination: 4 of 12
  (0, 4),    -- termination: the right stands on a met period while 4 of the last 12 are missed
  (5, 5),    -- termination
  (6, 6),    -- termination: 6 in a row
  (7, 12)    -- termination
) v(k, r);
-- without recent_misses: a streak of 4 proves 4 of the last 12, the termination trigger
SELECT k AS streak, escalation(s, k), termination_right(s, k)
FROM design, generate_series(0, 6) k;
-- partial ladders: the highest rung reached; equal counts let the higher rung win
SELECT k, escalation('warning after 1; penalty after 3', k) AS warn_penalty,
       escalation('remediation after 2; penalty after 2', k) AS equal_counts,
       escalation('below 99%: 10%', k) AS no_ladder,
       termination_right('below 99%: 10%', k) AS no_termination,
       escalation('terminate after 2 of 3', k) AS k_of_n_only
FROM generate_series(0, 4) k;

-- ---------------------------------------------------------------------------
-- accessors
-- ---------------------------------------------------------------------------
SELECT credit_cap(s) AS cap, credit_at_risk(s) AS at_risk, earn_back_periods(s) AS earn_back, recent_periods(s) AS recent_n
FROM unnest(ARRAY[
  'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%',
  -- 0.3 | NULL | 3 | 12
  'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%',   -- 1 | NULL | NULL | NULL
  'below 99%: 10%',                                                  -- no cap written: 1 (never more than the fee)
  'below 99.5%; at risk 12% allocation 40%',                         -- the cap defaults to the amount at risk: 0.12 | 0.12
  'below 99.5%; cap 5%; at risk 12% allocation 40%'                  -- 0.05 | 0.12
]::credit_schedule[]) s;

-- ---------------------------------------------------------------------------
-- the AWS EC2 example: a 30-day month with 3 hours of outage
-- availability = (720 - 3) / 720 = 0.99583...: below 99.99%, not below 99%: 10%
-- ---------------------------------------------------------------------------
SELECT availability(o, '[2026-11-01, 2026-12-01)') AS availability,
       sla_credit('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%',
                  availability(o, '[2026-11-01, 2026-12-01)'), 0, 0) AS credit,          -- 0.1
       sla_credit_amount('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; cap 100%', 1250.00,
                         availability(o, '[2026-11-01, 2026-12-01)'), 0, 0) AS amount    -- 125.00
FROM (VALUES (tstzrange('2026-11-10 02:00+00', '2026-11-10 05:00+00'))) v(o);

-- ---------------------------------------------------------------------------
-- the at-risk pool (Texas DIR style): 12% of the monthly fee is at risk; each
-- service level has an allocation of it (here 40% + 100% + 80% = 220%); a
-- missed service level costs 12% x allocation; all service levels of the
-- month together are capped at the 12% at risk.
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE pool (sl text, s credit_schedule, attainment numeric);
INSERT INTO pool VALUES
  ('response',     'below 95%; at risk 12% allocation 40%',   0.93),   -- missed: 12% x 40% = 4.8%
  ('resolution',   'below 90%; at risk 12% allocation 100%',  0.92),   -- met: 0
  ('availability', 'below 99.9%; at risk 12% allocation 80%', 0.998);  -- missed: 12% x 80% = 9.6%
SELECT sl, sla_credit(s, attainment, 0, 1) AS credit, sla_credit_amount(s, 10000.00, attainment, 0, 1) AS amount
FROM pool ORDER BY sl;
-- one month: 4.8% + 9.6% = 14.4% of 10000.00 = 1440.00, capped at 12% = 1200.00
SELECT sum(sla_credit(s, attainment, 0, 1)) AS uncapped,                                         -- 0.144
       least(sum(sla_credit(s, attainment, 0, 1)), max(credit_at_risk(s))) AS capped,              -- 0.12
       round(10000.00 * least(sum(sla_credit(s, attainment, 0, 1)), max(credit_at_risk(s))), 2) AS amount  -- 1200.00
FROM pool;
-- an allocation of 100% alone reaches the pool; each miss of "per miss" costs the pool share;
-- exact: 12.5% x 33.3333% = 4.16666250%, x 1.5 = 6.24999375%: 0.0624999375
SELECT sla_credit('below 90%; at risk 12% allocation 100%', 0.5, 0, 1) AS full_allocation,   -- 12%: 0.12
       sla_credit('per miss; at risk 12% allocation 40%', NULL, 2, 1) AS two_misses,         -- 2 x 4.8% = 9.6%: 0.096
       sla_credit('per miss; at risk 12% allocation 40%', NULL, 3, 1) AS three_misses,       -- 14.4% -> 12%: 0.12
       sla_credit('below 99.5%; chronic after 2 in a row x1.5; at risk 12.5% allocation 33.3333%', 0.99, 0, 2) AS exact;

-- ---------------------------------------------------------------------------
-- earn-back in one query: the credit of a non-chronic missed period is
-- forgiven when the next N periods (earn_back_periods) are all met.
-- misses_through counts the periods not met up to each row; lead(...,N) - it
-- is the misses among the next N (NULL while fewer than N periods follow: not
-- yet forgiven).  Schedule: below 99.9%: 10%; chronic after 2 in a row x2; earn back after 3
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE months (month int, attainment numeric, met boolean, streak int);
INSERT INTO months VALUES
  (1, 0.995, false, 1),   -- missed: 10%; months 2-4 met: forgiven
  (2, 1, true, 0), (3, 1, true, 0), (4, 1, true, 0),
  (5, 0.99, false, 1),    -- missed: 10%; month 7 missed: stands
  (6, 1, true, 0),
  (7, 0.99, false, 1),    -- missed: 10%; month 8 missed: stands
  (8, 0.99, false, 2),    -- chronic (2 in a row): 10% x 2 = 20%; months 9-11 met, but chronic: stands
  (9, 1, true, 0), (10, 1, true, 0), (11, 1, true, 0),
  (12, 0.995, false, 1);  -- missed: 10%; no period follows yet: stands (for now)
WITH c AS (SELECT 'below 99.9%: 10%; chronic after 2 in a row x2; earn back after 3'::credit_schedule AS s),
p AS (
  SELECT month, s, sla_credit(s, attainment, 0, streak) AS credit,
         chronic_failure(s, streak) AS chronic,
         count(*) FILTER (WHERE met IS NOT TRUE) OVER (ORDER BY month) AS misses_through
  FROM months, c),
e AS (
  SELECT *, credit > 0 AND NOT chronic
            AND lead(misses_through, earn_back_periods(s)) OVER (ORDER BY month) = misses_through AS forgiven
  FROM p)
SELECT month, credit, chronic, coalesce(forgiven, false) AS forgiven,
       CASE WHEN forgiven THEN 0 ELSE credit END AS owed
FROM e ORDER BY month;

-- ---------------------------------------------------------------------------
-- parse errors (22P02, with the character where the text goes wrong)
-- ---------------------------------------------------------------------------
SELECT ''::credit_schedule;
SELECT 'below 99%: 10%; bonus 5%'::credit_schedule;
SELECT 'below 99%: 10% cap 30%'::credit_schedule;
SELECT 'below 99%: 10'::credit_schedule;
SELECT 'below high: 10%'::credit_schedule;
SELECT 'below 99%: 10%,'::credit_schedule;
SELECT 'cap'::credit_schedule;
SELECT 'chronic after 3 in a row'::credit_schedule;
SELECT 'chronic after 3 times x2'::credit_schedule;
SELECT 'earn back after 1.5'::credit_schedule;
SELECT 'at risk 12%'::credit_schedule;
SELECT 'below 99.99999%: 1%'::credit_schedule;
SELECT 'below 4.1234567: 1%'::credit_schedule;
SELECT 'chronic after 3 in a row x1.23456'::credit_schedule;
SELECT 'above 1000000000: 1%'::credit_schedule;
SELECT 'warning after 10001'::credit_schedule;

-- ---------------------------------------------------------------------------
-- semantic errors: contradictory terms (22P02, the detail names the term)
-- ---------------------------------------------------------------------------
-- bands out of order, equal thresholds, mixing directions or units, a worse band giving less
SELECT 'below 95%: 100%, below 99%: 30%'::credit_schedule;
SELECT 'above 5%: 10%, above 2%: 5%'::credit_schedule;
SELECT 'below 99%: 10%, below 99%: 20%'::credit_schedule;
SELECT 'below 99%: 10%, above 5%: 20%'::credit_schedule;
SELECT 'below 99%: 10%, below 4: 20%'::credit_schedule;
SELECT 'below 99%: 30%, below 95%: 10%'::credit_schedule;
SELECT 'below 99.5%, below 95%: 1%; at risk 12% allocation 40%'::credit_schedule;
-- values out of their range
SELECT 'below 150%: 10%'::credit_schedule;
SELECT 'below 99%: 110%'::credit_schedule;
SELECT 'cap 130%'::credit_schedule;
SELECT 'per miss 101%'::credit_schedule;
SELECT 'chronic after 3 in a row x0.5'::credit_schedule;
SELECT 'chronic after 3 in a row +0%'::credit_schedule;
SELECT 'at risk 0% allocation 40%'::credit_schedule;
SELECT 'at risk 12% allocation 140%'::credit_schedule;
-- the ladder out of order
SELECT 'warning after 3; remediation after 2'::credit_schedule;
SELECT 'penalty after 4; terminate after 3 in a row or 2 of 12'::credit_schedule;
-- counts below 1, K > N, different N
SELECT 'chronic after 0 in a row x2'::credit_schedule;
SELECT 'terminate after 6 in a row or 0 of 12'::credit_schedule;
SELECT 'chronic after 13 of 12 x2'::credit_schedule;
SELECT 'terminate after 5 of 4'::credit_schedule;
SELECT 'chronic after 3 of 12 x2; terminate after 3 of 6'::credit_schedule;
-- duplicate terms
SELECT 'cap 30%; cap 20%'::credit_schedule;
SELECT 'below 99%: 1%; below 98%: 2%'::credit_schedule;
SELECT 'terminate after 3 in a row; termination after 4 in a row'::credit_schedule;
SELECT 'chronic after 3 in a row or 4 in a row x2'::credit_schedule;
-- a credit from a pool that is not there, a cap above the pool
SELECT 'below 99%'::credit_schedule;
SELECT 'per miss'::credit_schedule;
SELECT 'cap 20%; at risk 12% allocation 40%'::credit_schedule;
-- soft errors for pg_input_is_valid (PostgreSQL 16+) are covered by the pgTAP file

-- ---------------------------------------------------------------------------
-- out of range: function arguments (22023)
-- ---------------------------------------------------------------------------
-- percentage thresholds take a share: 99.9 must be 0.999
SELECT sla_credit('below 99.9%: 10%', 99.9, 0, 0);
SELECT sla_credit('below 99.9%: 10%', 99.9::float8, 0, 0);
SELECT sla_credit('above 2%: 10%', -0.01, 0, 0);
SELECT sla_credit('below 99.9%: 10%', 'NaN'::numeric, 0, 0);
SELECT sla_credit('below 99.9%: 10%', 'NaN'::float8, 0, 0);
SELECT sla_credit('below 99.9%: 10%', 0.99, -1, 0);
SELECT sla_credit('below 99.9%: 10%', 0.99, 0, -1);
SELECT sla_credit('below 99.9%: 10%; chronic after 4 of 12 x2', 0.99, 0, 1, 13);
SELECT sla_credit_amount('below 99.9%: 10%', -100, 0.99, 0, 0);
-- a fee that is not a finite amount (issue 16): Infinity x 10% would be
-- Infinity and Infinity x 0 (no credit owed: 99.5% is not below 99%) NaN;
-- both forms, the numeric and the double precision attainment
SELECT sla_credit_amount('below 99%: 10%', 'Infinity'::numeric, 0.995, 0, 0);
SELECT sla_credit_amount('below 99%: 10%', 'Infinity'::numeric, 0.98, 0, 0);
SELECT sla_credit_amount('below 99%: 10%', '-Infinity'::numeric, 0.98, 0, 0);
SELECT sla_credit_amount('below 99%: 10%', 'NaN'::numeric, 0.995, 0, 0);
SELECT sla_credit_amount('below 99%: 10%', 'Infinity'::numeric, 0.995::float8, 0, 0);
SELECT sla_credit_amount('below 99%: 10%', 'Infinity'::numeric, NULL::float8, 0, 0, 0);
SELECT escalation('warning after 1', -1);
SELECT termination_right('terminate after 2 of 3', 0, 4);
