-- issue 16: the credit terms contracts write beyond one service level's cap:
-- period cap, annual cap, chronic cap, partial earn-back and an earn-back
-- target.  Expected values were worked out by hand; each comment shows the
-- arithmetic.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- ---------------------------------------------------------------------------
-- text: spellings and the canonical form
-- ---------------------------------------------------------------------------
SELECT input, input::credit_schedule AS canonical
FROM unnest(ARRAY[
  'below 99.9%: 10%; Period Cap 15.0%',          -- below 99.9%: 10%; period cap 15%
  'annual cap 10 %; below 99%: 5%',              -- bands first: below 99%: 5%; annual cap 10%
  'chronic cap 20%; below 99%: 10%; chronic after 3 in a row x2; cap 12%',  -- ...; cap 12%; chronic cap 20%
  'below 99.9%: 10%; earn-back 50.0 % after 3',  -- earn back 50% after 3
  'below 99.9%: 10%; earn back 100% after 3',    -- 100% is the whole credit: earn back after 3
  'below 99.9%: 10%; earn back after 2 AT 99.95%',   -- earn back after 2 at 99.95%
  'above 2.5: 5%; earn back 25% after 6 at 1.25',    -- lower is better: the target is below 2.5
  'below 95%; chronic after 2 in a row x1.5; chronic cap 12%; at risk 12% allocation 40%; period cap 10%'
]) input;
-- the DESIGN example and a 0.2.0 value keep their text
SELECT s::credit_schedule::text = s AS unchanged
FROM (VALUES ('below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%'),
             ('below 99.9%: 10%; earn back 50% after 3 at 99.95%; cap 12%; period cap 15%; annual cap 10%')) v(s);
-- the version byte: 1 (0.2.0's layout, 84 + 16 per band bytes) unless a new
-- term is given, then 2 (44 bytes more: five int64 and an int32)
SELECT s, substr(credit_schedule_send(s::credit_schedule), 1, 1) AS version,
       length(credit_schedule_send(s::credit_schedule)) AS bytes
FROM unnest(ARRAY['below 99%: 10%; earn back after 3',     -- \x01, 84 + 16 = 100
                  'below 99%: 10%; earn back 100% after 3', -- the same value: \x01, 100
                  'below 99%: 10%; earn back 50% after 3',  -- \x02, 144
                  'below 99%: 10%; annual cap 0%']) s;      -- \x02, 144
-- equality is by terms: 100% earn-back is "earn back after N"
SELECT 'below 99%: 10%; earn back 100% after 3'::credit_schedule = 'below 99%: 10%; earn back after 3' AS same,  -- t
       'below 99%: 10%; period cap 10%'::credit_schedule = 'below 99%: 10%; cap 10%' AS period_is_not_cap;      -- f

-- contradictions: 22P02 naming the term
SELECT 'below 99%: 10%; chronic after 2 in a row x2; cap 12%; chronic cap 10%'::credit_schedule;  -- below the cap
SELECT 'below 99%: 10%; cap 12%; chronic cap 20%'::credit_schedule;     -- no chronic rule
SELECT 'below 99%: 10%; chronic after 2 in a row x2; chronic cap 20%'::credit_schedule;  -- no cap to replace
SELECT 'below 99%; chronic after 2 in a row x2; chronic cap 20%; at risk 12% allocation 50%'::credit_schedule;  -- above the pool
SELECT 'below 99%: 10%; chronic after 2 in a row x2; cap 12%; chronic cap 101%'::credit_schedule;
SELECT 'below 99%: 10%; period cap 100.5%'::credit_schedule;
SELECT 'below 99%; at risk 12% allocation 50%; period cap 15%'::credit_schedule;  -- above the pool
SELECT 'below 99%: 10%; annual cap 120%'::credit_schedule;
SELECT 'below 99%: 10%; period cap 10%; period cap 12%'::credit_schedule;
SELECT 'below 99%: 10%; earn back 0% after 3'::credit_schedule;
SELECT 'below 99%: 10%; earn back 150% after 3'::credit_schedule;
SELECT 'below 99%: 10%; earn back 50%'::credit_schedule;
SELECT 'per miss 2%; earn back after 3 at 99.95%'::credit_schedule;     -- no bands
SELECT 'below 99.9%: 10%; earn back after 3 at 99.9%'::credit_schedule; -- not higher than its own
SELECT 'above 2.5: 5%; earn back after 3 at 3'::credit_schedule;        -- lower is better: 3 is laxer
SELECT 'below 99.9%: 10%; earn back after 3 at 4.5'::credit_schedule;   -- a plain target, percentage bands
SELECT 'below 99.9%: 10%; annual cap'::credit_schedule;
SELECT 'below 99.9%: 10%; period 10%'::credit_schedule;

-- binary COPY round trip of new and old terms
CREATE TABLE ct (id int, s credit_schedule);
INSERT INTO ct VALUES
  (1, 'below 99.9%: 10%, below 99%: 30%; chronic after 3 in a row x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 20%; period cap 15%; annual cap 10%'),
  (2, 'above 2.5: 5%; earn back 25% after 6 at 1.25'),
  (3, 'below 95%; chronic after 2 in a row x1.5; chronic cap 12%; at risk 12% allocation 40%; period cap 10%'),
  (4, 'annual cap 0%'),
  (5, 'below 99%: 10%; earn back after 3');
\set copyfile '/tmp/ms_credit_terms.bin'
COPY ct TO :'copyfile' (FORMAT binary);
CREATE TABLE ct_copy (LIKE ct);
COPY ct_copy FROM :'copyfile' (FORMAT binary);
SELECT a.id, a.s = b.s AS equal, b.s::text = a.s::text AS same_text,
       credit_schedule_send(a.s) = credit_schedule_send(b.s) AS same_bytes
FROM ct a JOIN ct_copy b USING (id) ORDER BY 1;
-- text COPY too
COPY ct TO :'copyfile';
TRUNCATE ct_copy;
COPY ct_copy FROM :'copyfile';
SELECT count(*) FILTER (WHERE a.s = b.s) AS equal, count(*) AS of FROM ct a JOIN ct_copy b USING (id);

-- recv refuses what in refuses: binary forms built by hand from a valid one
CREATE TABLE cb (b bytea);
CREATE TABLE cs_in (s credit_schedule);
CREATE FUNCTION pg_temp.recv_detail(b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; st text;
BEGIN
  TRUNCATE cb, cs_in;
  INSERT INTO cb VALUES (b);
  EXECUTE format('COPY cb TO %L (FORMAT binary)', '/tmp/ms_credit_terms.bin');
  EXECUTE format('COPY cs_in FROM %L (FORMAT binary)', '/tmp/ms_credit_terms.bin');
  RETURN (SELECT s::text FROM cs_in);
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, d = PG_EXCEPTION_DETAIL;
  RETURN st || ': ' || d;
END $$;
-- v2 value: 1 version + 1 flags + 1 effect + 10 x 4 counts + 5 x 8 shares + 1 nbands
-- = 84, one band 16 -> 100; then period cap at 101..108, annual 109..116,
-- chronic 117..124, earn-back share 125..132, target 133..140, xflags 141..144
SELECT credit_schedule_send('below 99%: 10%; annual cap 10%') AS v2 \gset
SELECT pg_temp.recv_detail(:'v2'::bytea) AS as_sent,                                   -- the value
       pg_temp.recv_detail(set_byte(:'v2'::bytea, 0, 4)) AS version_4,               -- unsupported (3 is 0.4.0's)
       -- annual cap back to absent (-1): a version 2 without any new term
       pg_temp.recv_detail(overlay(:'v2'::bytea placing '\xffffffffffffffff'::bytea from 109)) AS v2_without_terms,
       -- earn-back share 100% (1000000 = 0x0f4240) is written as "earn back after N"
       pg_temp.recv_detail(overlay(:'v2'::bytea placing '\x00000000000f4240'::bytea from 125)) AS share_without_earn_back,
       -- an unknown flag
       pg_temp.recv_detail(set_byte(:'v2'::bytea, 143, 2)) AS xflags_2,
       -- the v1 form of the same bands without the annual cap: 0.2.0's bytes
       pg_temp.recv_detail(set_byte(substr(:'v2'::bytea, 1, 100), 0, 1)) AS version_1,
       -- version 1 followed by version 2's terms: trailing bytes
       pg_temp.recv_detail(set_byte(:'v2'::bytea, 0, 1)) AS v1_with_more;
-- the DESIGN example in 0.2.0's binary form, written out: version 1, flags 2
-- (percentages), chronic effect 1 (multiply); chronic after 3, K 0, N 0,
-- warning 1, remediation 2, penalty 3, terminate 6 in a row or 4 of 12, earn
-- back 3; per miss 20000 (2%), x1.5 (15000), cap 300000 (30%), no pool (-1,
-- -1); 3 bands 999900:100000, 990000:300000, 950000:1000000.  It reads as
-- before, and a value read from it sends the same bytes.
SELECT pg_temp.recv_detail(decode('01020100000003000000000000000000000001000000020000000300000006000000040000000c000000030000000000004e200000000000003a9800000000000493e0ffffffffffffffffffffffffffffffff0300000000000f41dc00000000000186a000000000000f1b3000000000000493e000000000000e7ef000000000000f4240', 'hex')) AS from_0_2_0;
SELECT encode(credit_schedule_send(s), 'hex') = '01020100000003000000000000000000000001000000020000000300000006000000040000000c000000030000000000004e200000000000003a9800000000000493e0ffffffffffffffffffffffffffffffff0300000000000f41dc00000000000186a000000000000f1b3000000000000493e000000000000e7ef000000000000f4240' AS same_bytes FROM cs_in;

-- ---------------------------------------------------------------------------
-- accessors
-- ---------------------------------------------------------------------------
SELECT s, credit_cap(s), credit_chronic_cap(s) AS chronic_cap, credit_period_cap(s) AS period_cap,
       credit_annual_cap(s) AS annual_cap, earn_back_periods(s) AS eb_n, earn_back_share(s) AS eb_share,
       earn_back_target(s) AS eb_target
FROM unnest(ARRAY[
  'below 99.9%: 10%; chronic after 3 in a row x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 25%; period cap 15%; annual cap 10%',
      -- 0.12, 0.25, 0.15, 0.1, 3, 0.5, 0.9995
  'below 95%; at risk 12% allocation 40%',                    -- 0.12, NULL, pool 0.12, NULL, NULL x3
  'below 95%; at risk 12% allocation 40%; period cap 10%',    -- 0.12, NULL, min(0.10, 0.12) = 0.1
  'above 2.5: 5%; earn back after 6 at 1.25',                 -- 1, ..., 6, 1 (the whole credit), 1.25
  'below 99%: 10%'                                            -- 1, all NULL
]::credit_schedule[]) s;

-- ---------------------------------------------------------------------------
-- sla_credit: the chronic cap replaces the cap while chronic
-- ---------------------------------------------------------------------------
-- s1: bands 10% / 30%, 2% per miss, x2 after 3 in a row, cap 12%, chronic cap 25%
-- s0: the same without the chronic cap: the 12% cap cancels the multiplier
SELECT att, misses, streak,
       sla_credit('below 99.9%: 10%, below 99%: 30%; per miss 2%; chronic after 3 in a row x2; cap 12%; chronic cap 25%', att, misses, streak) AS s1,
       sla_credit('below 99.9%: 10%, below 99%: 30%; per miss 2%; chronic after 3 in a row x2; cap 12%', att, misses, streak) AS s0
FROM (VALUES
  (0.995, 0, 1),   -- 10%, not chronic: 0.1 / 0.1
  (0.98,  0, 1),   -- 30% capped at 12%: 0.12 / 0.12
  (0.995, 0, 3),   -- chronic 10% x2 = 20%, under 25%: 0.2 / capped 0.12
  (0.98,  0, 3),   -- chronic 30% x2 = 60%: 0.25 / 0.12
  (0.995, 2, 4),   -- chronic (10% + 2 x 2%) x2 = 28%: 0.25 / 0.12
  (1,     3, 0)    -- met, but 3 material misses accrue 3 x 2% = 6% in a met period: 0.06 / 0.06
) v(att, misses, streak);
-- money: 18 500.00 x 25% = 4 625.00 (chronic, capped at 25%); x 12% = 2 220.00
SELECT sla_credit_amount('below 99%: 30%; chronic after 3 in a row x2; cap 12%; chronic cap 25%', 18500.00, 0.98, 0, 3) AS chronic,
       sla_credit_amount('below 99%: 30%; chronic after 3 in a row x2; cap 12%; chronic cap 25%', 18500.00, 0.98, 0, 2) AS not_chronic;
-- "K of N" chronic triggers use the chronic cap too: 2 of the last 6 missed
SELECT sla_credit('below 99%: 30%; chronic after 2 of 6 x1.5; cap 10%; chronic cap 15%', 0.98, 0, 1, 2) AS k_of_n;  -- 30% x1.5 capped at 15%: 0.15

-- ---------------------------------------------------------------------------
-- the period cap across service levels, the annual cap over the year
-- ---------------------------------------------------------------------------
-- contract C: 2 service levels, fee 10 000.00 a month, a 15% period cap and
-- a 4% annual cap (January to June: fees 60 000.00, annual cap 2 400.00)
CREATE TABLE sl (sla text, s credit_schedule);
INSERT INTO sl VALUES
  ('availability', 'below 99.9%: 10%, below 99%: 20%; period cap 15%; annual cap 4%'),
  ('response',     'below 95%: 10%; period cap 15%; annual cap 4%');
CREATE TABLE m (month date, sla text, attainment numeric, fee numeric);
INSERT INTO m VALUES
  ('2026-01-01', 'availability', 0.995, 10000.00), ('2026-01-01', 'response', 0.90, 10000.00),
  ('2026-02-01', 'availability', 1,     10000.00), ('2026-02-01', 'response', 0.96, 10000.00),
  ('2026-03-01', 'availability', 0.98,  10000.00), ('2026-03-01', 'response', 0.94, 10000.00),
  ('2026-04-01', 'availability', 0.995, 10000.00), ('2026-04-01', 'response', 1,    10000.00),
  ('2026-05-01', 'availability', 1,     10000.00), ('2026-05-01', 'response', 1,    10000.00),
  ('2026-06-01', 'availability', 1,     10000.00), ('2026-06-01', 'response', 1,    10000.00);
-- Jan: 10% + 10% = 20%, period cap 15%: 1 500.00; year to date 1 500.00
-- Feb: nothing; year to date 1 500.00
-- Mar: 20% + 10% = 30%, capped at 15%: 1 500.00; 3 000.00 passes the annual cap
--      2 400.00: the year to date is 2 400.00, March owes 2 400.00 - 1 500.00 = 900.00
-- Apr: 10%: 1 000.00, the year already at its cap: owes 0.00
-- May, Jun: nothing
WITH month_total AS (
  SELECT month, max(fee) AS fee, sum(sla_credit(sl.s, attainment, 0, 0)) AS sl_total,
         min(credit_period_cap(sl.s)) AS period_cap, min(credit_annual_cap(sl.s)) AS annual_cap
  FROM m JOIN sl USING (sla) GROUP BY month),
month_capped AS (
  SELECT *, round(fee * least(sl_total, period_cap), 2) AS amount FROM month_total),
year_capped AS (
  SELECT *, least(sum(amount) OVER y, round(annual_cap * sum(fee) OVER yr, 2)) AS year_to_date,
         least(sum(amount) OVER y, round(annual_cap * sum(fee) OVER yr, 2))
           - least(sum(amount) OVER y - amount, round(annual_cap * sum(fee) OVER yr, 2)) AS owed
  FROM month_capped
  WINDOW y AS (PARTITION BY date_trunc('year', month) ORDER BY month),
         yr AS (PARTITION BY date_trunc('year', month)))
SELECT to_char(month, 'YYYY-MM') AS month, sl_total, least(sl_total, period_cap) AS month_share, amount,
       year_to_date, owed,
       concat_ws(', ', CASE WHEN sl_total > period_cap THEN 'period cap' END,
                       CASE WHEN owed < amount THEN 'annual cap' END) AS bound
FROM year_capped ORDER BY month;
-- without an annual cap (credit_annual_cap NULL) least() leaves the running total alone
SELECT least(1500.00, NULL) AS no_cap;  -- 1500.00

-- ---------------------------------------------------------------------------
-- sla_earn_back: a hand-worked year
-- ---------------------------------------------------------------------------
-- 10% below 99.9%, doubled after 2 misses in a row; half of a non-chronic
-- credit is forgiven when the next 3 months each reach 99.95%; fee 10 000.00
--   m1  99.8%  miss, streak 1: 1 000.00; m2 misses: not earned back
--   m2  99.7%  miss, streak 2, chronic: 20% = 2 000.00; m3-m5 reach 99.95%,
--              but a chronic miss is never earned back: 0
--   m3-m5 99.99%, 99.99%, 99.98%: met
--   m6  99.8%  miss, streak 1: 1 000.00; m7 99.96%, m8 exactly 99.95%, m9
--              99.97% all reach the target: 50% x 1 000.00 = 500.00 forgiven
--   m7-m9      met
--   m10 99.85% miss, streak 1: 1 000.00; m11 99.94% meets the service level
--              (99.9%) but not the earn-back target, so: 0
--   m11 99.94%, m12 100%: met
-- credits 1 000 + 2 000 + 1 000 + 1 000 = 5 000.00, forgiven 500.00, owed 4 500.00
CREATE TABLE y (m int, att numeric);
INSERT INTO y VALUES (1, 0.998), (2, 0.997), (3, 0.9999), (4, 0.9999), (5, 0.9998), (6, 0.998),
  (7, 0.9996), (8, 0.9995), (9, 0.9997), (10, 0.9985), (11, 0.9994), (12, 1);
CREATE TABLE eb AS
SELECT m, att, streak, credit, sla_earn_back(s, credit, streak, following) AS forgiven
FROM (SELECT m, att, s, streak, following,
             sla_credit_amount(s, 10000.00, att, 0, streak) AS credit
      FROM (SELECT y.*, s, miss_streak(att >= 0.999) OVER w AS streak,
                   array_agg(att) OVER (ORDER BY m ROWS BETWEEN 1 FOLLOWING AND 12 FOLLOWING) AS following
            FROM y, (SELECT 'below 99.9%: 10%; chronic after 2 in a row x2; earn back 50% after 3 at 99.95%'::credit_schedule AS s) c
            WINDOW w AS (ORDER BY m)) x) z;
SELECT * FROM eb ORDER BY m;
SELECT sum(credit) AS credits, sum(forgiven) AS forgiven, sum(credit) - sum(forgiven) AS owed FROM eb;  -- 5000.00, 500.000, 4500.000
-- m10 with its own target only (no "at"): 99.94%, 100% and a 99.9% next month all meet 99.9%: 500.00
SELECT sla_earn_back('below 99.9%: 10%; earn back 50% after 3', 1000.00, 1, ARRAY[0.9994, 1, 0.999]) AS own_target,          -- 500.000
       sla_earn_back('below 99.9%: 10%; earn back 50% after 3 at 99.95%', 1000.00, 1, ARRAY[0.9994, 1, 0.999]) AS higher,   -- 0
       sla_earn_back('below 99.9%: 10%; earn back after 3', 0.1, 1, ARRAY[1, 1, 1, 0.5]) AS whole_share,                   -- 0.1: the first 3
       sla_earn_back('below 99.9%: 10%; earn back after 3', 0.1, 1, ARRAY[1, NULL, 1]) AS null_is_not_met,                 -- 0
       sla_earn_back('below 99.9%: 10%; earn back after 3', 0.1, 1, ARRAY[1, 1]) AS not_yet,                               -- 0
       sla_earn_back('below 99.9%: 10%', 0.1, 1, ARRAY[1, 1, 1]) AS no_earn_back;                                          -- 0
-- lower is better: a defect rate "above 2.5: 5%", earned back at 1.25 or less
SELECT sla_earn_back('above 2.5: 5%; earn back 25% after 2 at 1.25', 400.00, 1, ARRAY[1.25, 0.5]) AS met,       -- 25% x 400 = 100.0000
       sla_earn_back('above 2.5: 5%; earn back 25% after 2 at 1.25', 400.00, 1, ARRAY[1.3, 0.5]) AS not_met;   -- 0
-- chronic by "K of N": recent_misses 3 of 6 is chronic, so nothing is forgiven
SELECT sla_earn_back('below 99%: 10%; chronic after 3 of 6 x2; earn back after 1', 0.1, 1, 3, ARRAY[1]) AS chronic,  -- 0
       sla_earn_back('below 99%: 10%; chronic after 3 of 6 x2; earn back after 1', 0.1, 1, 2, ARRAY[1]) AS not_chronic;  -- 0.1
-- bad arguments: 22023
SELECT sla_earn_back('below 99%: 10%; earn back after 1', -1, 1, ARRAY[1]);
SELECT sla_earn_back('below 99%: 10%; earn back after 1', 'Infinity', 1, ARRAY[1]);
SELECT sla_earn_back('below 99%: 10%; earn back after 1', 0.1, -1, ARRAY[1]);
SELECT sla_earn_back('below 99%: 10%; earn back after 1', 0.1, 1, ARRAY[99.5]);
SELECT sla_earn_back('below 99%: 10%; earn back after 1', 0.1, 1, ARRAY['NaN'::numeric]);
SELECT sla_earn_back('per miss 2%; earn back after 1', 0.1, 1, ARRAY[1]);
SELECT sla_earn_back('below 99%: 10%; earn back after 1', 0.1, 1, ARRAY[[1], [1]]);
-- STRICT
SELECT sla_earn_back('below 99%: 10%; earn back after 1', NULL, 1, ARRAY[1]) IS NULL AS strict;

-- issue 20: earn-back needs bands, refused at input (it was accepted, then
-- every call failed): 22P02 naming the term, in text and in the validator
SELECT 'per miss 2%; earn back after 3'::credit_schedule;
SELECT 'per miss 1%; earn back 50% after 2'::credit_schedule;
-- counts of another number type (count(*) ... OVER is a bigint), as the
-- docs' recipe passes them; integer counts still call the integer function
SELECT sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1::bigint, ARRAY[1, 1]::numeric[]) AS bigint_streak,        -- 0.1
       sla_earn_back('below 99.9%: 10%; chronic after 2 of 6 x2; earn back after 2', 0.1, 1::bigint, 2::bigint, ARRAY[1, 1]::numeric[]) AS chronic,  -- 0
       sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, '1', ARRAY[1, 1]::numeric[]) AS untyped,              -- 0.1
       sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1.0::numeric, 1::numeric, ARRAY[1, 1]::numeric[]) AS numeric_counts;  -- 0.1
SELECT sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1.5::numeric, ARRAY[1, 1]::numeric[]);   -- 22023: not whole
SELECT count(*) FROM pg_proc WHERE proname = 'sla_earn_back';   -- 4
-- one rule for a bad value in the following array, whatever its position
-- and whether or not the first N decide: NaN, an infinite value, a share
-- outside [0, 1] for percentages are 22023; NULL is a month not met
SELECT sla_earn_back('below 99.9%: 10%; earn back after 3', 0.1, 1, '{NaN}'::numeric[]);
SELECT sla_earn_back('below 99.9%: 10%; earn back after 3', 0.1, 1, '{0.98,NaN,1}'::numeric[]);
SELECT sla_earn_back('below 99.9%: 10%; earn back after 1', 0.1, 1, ARRAY[0.5, 99.9]);
SELECT sla_earn_back('below 99.9%: 10%; earn back after 1', 0.1, 1, ARRAY[0.995, 99.9]);
SELECT sla_earn_back('below 99.9%: 10%; earn back after 1', 0.1, 1, '{1,1,Infinity}'::numeric[]);
SELECT sla_earn_back('above 4: 10%; earn back after 1', 0.1, 1, '{1,-Infinity}'::numeric[]);
SELECT sla_earn_back('below 99.9%: 10%; chronic after 1 in a row x2; earn back after 1', 0.1, 1, '{1,NaN}'::numeric[]);  -- chronic: still 22023
SELECT sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1, ARRAY[1, NULL, 1]) AS null_not_met;   -- 0
-- attainments a schedule cannot judge: NaN and infinite values are 22023
-- whatever the schedule (a percentage one refused them already)
SELECT sla_credit('above 4: 10%', 'Infinity'::numeric, 1, 1);
SELECT sla_credit('above 4: 10%', '-Infinity'::numeric, 1, 1);
SELECT sla_credit('above 4: 10%', 'Infinity'::float8, 1, 1);
SELECT sla_credit('per miss 2%', 'NaN'::numeric, 1, 1);
SELECT sla_credit('per miss 2%', 'NaN'::float8, 1, 1);
SELECT sla_credit('per miss 2%', 'Infinity'::numeric, 1, 1);
SELECT sla_credit_amount('per miss 2%', 100.00, 'NaN'::numeric, 1, 1);
SELECT sla_credit('below 99%: 10%', 'Infinity'::numeric, 1, 1);      -- as before: out of range
SELECT sla_credit('per miss 2%', NULL::numeric, 1, 1) AS null_is_nothing_measured;   -- 0.02

-- issue 20: the terms of 0.4.0, accepted as written, printed canonically
SELECT input, input::credit_schedule AS canonical
FROM unnest(ARRAY[
  'below 99.9%: 10%; period cap 12%; chronic after 3 in a row x2; chronic period cap 20%',
  'below 99.9%: 10%; CHRONIC  PERIOD CAP 20.00%; at risk 12% allocation 40%',
  'warning after 1; remediation after 3 of 6; penalty after 4 of the last 6',
  'remediation plan after 2 in a row or 3 of 6; warning after 1 in a row',
  'penalty after 4 of 12 or 3; chronic after 4 of 12 x1.5; below 99%: 10%',
  'below 99%: 10%; annual cap 5% of contracted fees',
  'below 99%: 10%; Annual Cap 5% Of Fees To Date',
  'below 99%: 10%; annual cap 5%'
]) input;
-- the accessors
SELECT credit_chronic_period_cap('below 99.9%: 10%; period cap 12%; chronic period cap 20%') AS chronic_period_cap,  -- 0.2
       credit_chronic_period_cap('below 99.9%: 10%; period cap 12%') AS none,                                         -- NULL
       credit_annual_cap_base('below 99%: 10%; annual cap 5% of contracted fees') AS contracted,
       credit_annual_cap_base('below 99%: 10%; annual cap 5% of fees to date') AS to_date,
       credit_annual_cap_base('below 99%: 10%; annual cap 5%') AS fees,
       credit_annual_cap_base('below 99%: 10%') AS no_annual_cap,                                                  -- NULL
       credit_annual_cap('below 99%: 10%; annual cap 5% of fees to date') AS annual_cap,                          -- 0.05
       recent_periods('remediation after 3 of 6') AS recent_periods;                                               -- 6
-- escalation rungs on K of N: a rung is reached by its streak or by its K
-- of the last N (recent_misses), whichever comes first
SELECT streak, recent, escalation(s, streak, recent), escalation_step(s, streak, recent)
FROM (VALUES (0, 0), (1, 1), (1, 2), (1, 3), (1, 4), (2, 2), (3, 3), (0, 5)) v(streak, recent),
     (SELECT 'warning after 1; remediation after 2 in a row or 3 of 6; penalty after 4 of 6; terminate after 5 of 6'::credit_schedule AS s) c
ORDER BY streak, recent;
-- without recent_misses only what the streak proves counts: min(streak, N)
SELECT escalation('remediation after 3 of 6', 2) AS two, escalation('remediation after 3 of 6', 3) AS three;   -- ok, remediation
-- text and binary round trips; version 3 only when a term of 0.4.0 is
-- given, so the values of 0.2.0 and 0.3.0 keep their bytes (version 1, 2)
SELECT s, s::credit_schedule::text::credit_schedule = s::credit_schedule AS text_round_trip,
       pg_temp.recv_detail(credit_schedule_send(s::credit_schedule)) = s::credit_schedule::text AS binary_round_trip,
       get_byte(credit_schedule_send(s::credit_schedule), 0) AS version,
       length(credit_schedule_send(s::credit_schedule)) AS bytes
FROM unnest(ARRAY['below 99%: 10%', 'below 99%: 10%; annual cap 5%', 'below 99%: 10%; annual cap 5% of fees to date',
                  'below 99%: 10%; period cap 12%; chronic period cap 20%', 'remediation after 3 of 6',
                  'warning after 1 in a row or 2 of 4; penalty after 3 of 4; terminate after 4 of 4']) s;
-- recv refuses what in refuses: version 3 (100 + 44 of version 2 + 25)
SELECT credit_schedule_send('below 99%: 10%; annual cap 5% of fees to date') AS v3 \gset
SELECT pg_temp.recv_detail(:'v3'::bytea) AS as_sent,
       -- annual base 3: unknown
       pg_temp.recv_detail(set_byte(:'v3'::bytea, 168, 3)) AS base_3,
       -- no term of version 3 (base 0, the year's fees)
       pg_temp.recv_detail(set_byte(:'v3'::bytea, 168, 0)) AS v3_without_terms,
       -- remediation 7 of 6
       pg_temp.recv_detail(overlay(:'v3'::bytea placing '\x000000070000000000000006'::bytea from 157)) AS k_above_n,
       -- truncated
       pg_temp.recv_detail(substr(:'v3'::bytea, 1, 168)) AS truncated;
-- contradictions: 22P02 naming the term
SELECT 'below 99%: 10%; chronic period cap 20%'::credit_schedule;                  -- no period cap to replace
SELECT 'below 99%: 10%; period cap 15%; chronic period cap 10%'::credit_schedule;  -- below the period cap
SELECT 'below 99%: 10%; period cap 15%; chronic period cap 120%'::credit_schedule;
SELECT 'below 99%: 10%; period cap 15%; chronic period cap 20%; chronic period cap 25%'::credit_schedule;
SELECT 'remediation after 3 of 6; penalty after 4 of 12'::credit_schedule;         -- rungs share one N
SELECT 'remediation after 3 of 6; chronic after 4 of 12 x2; below 99%: 10%'::credit_schedule;  -- and with chronic
SELECT 'remediation after 3 of 6; terminate after 4 of 12'::credit_schedule;       -- and with terminate
SELECT 'warning after 4 of 6; remediation after 3 of 6'::credit_schedule;          -- ladder out of order
SELECT 'remediation after 7 of 6'::credit_schedule;                                -- K > N
SELECT 'remediation after 3 of 6 or 2 of 6'::credit_schedule;
SELECT 'warning after 2 or 3'::credit_schedule;
SELECT 'below 99%: 10%; annual cap 5% of bananas'::credit_schedule;
SELECT 'below 99%: 10%; annual cap 5% of fees'::credit_schedule;
SELECT 'below 99%: 10%; annual cap 5% of contracted'::credit_schedule;
