-- Pricing: price_schedule, charge() and the accessors.
-- Every charge below was worked out by hand; the comment beside each row says
-- what it must print and why.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- ---------------------------------------------------------------------------
-- canonical text: amounts with cents, counts and percentages without
-- trailing zeros, terms in the order fixed, unit price or tiers, share; the
-- schedule's unit word in every term that counts units
-- ---------------------------------------------------------------------------
SELECT s AS input, s::price_schedule AS canonical
FROM unnest(ARRAY[
  'fixed 18500.00 including 800 units; per unit 14.50',
  'per unit 4.50 minimum 1000',
  'graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00',
  'volume 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00',
  'per outcome 150.00',
  'share 8% minimum 2000.00',
  'fixed 10000.00 including 500 units; per unit 12.00',
  'per Ticket 14.5; FIXED 18500 including 800 units',
  'per unit 4.5 minimum 1000 calls;',
  'fixed 1200 including 1 FTE; per FTEs 8250',
  'graduated per document 0 - 10000 : 0.05 , 10000+ : 0.0375',
  'share 12.5 % ; fixed 1500',
  'volume 0+: 2.000000'
]) s;
-- the canonical text reads back as the same value
SELECT count(*) AS schedules,
       count(*) FILTER (WHERE s::price_schedule::text::price_schedule = s::price_schedule
                          AND s::price_schedule::text::price_schedule::text = s::price_schedule::text) AS round_trips
FROM unnest(ARRAY['fixed 18500.00 including 800 units; per unit 14.50', 'per unit 4.50 minimum 1000',
                  'graduated per call 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', 'share 8%',
                  'volume 0-0.5: 1.123456, 0.5+: 0']) s;
-- equality compares the pricing, not the spelling; the hash agrees
SELECT 'per unit 4.5'::price_schedule = 'per units 4.500000' AS same_rate,
       'per unit 4.5'::price_schedule <> 'per ticket 4.5' AS other_word,
       'graduated 0-1000: 5, 1000+: 4'::price_schedule = 'volume 0-1000: 5, 1000+: 4' AS graduated_is_volume,
       price_schedule_hash('per unit 4.5') = price_schedule_hash('PER UNIT 4.500') AS same_hash;

-- ---------------------------------------------------------------------------
-- graduated against volume at every tier boundary
--   graduated: each tier's units at its own rate
--   volume:    all units at the rate of the tier reached
-- a tier a-b holds the units above a up to and including b
-- ---------------------------------------------------------------------------
SELECT u AS units,
       charge('graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', u) AS graduated,
       charge('volume 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', u) AS volume,
       price_tier('volume 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', u) AS tier,
       price_rate('volume 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', u) AS rate
FROM unnest(ARRAY[0, 1, 999, 1000, 1000.5, 1001, 4999, 5000, 5001, 10000]::numeric[]) u;
--     0:     0.00 |     0.00  tier 1
--     1:     5.00 |     5.00  tier 1
--   999:  4995.00 |  4995.00  tier 1
--  1000:  5000.00 |  5000.00  tier 1 (1000 is in 0-1000)
-- 1000.5: 5000 + 0.5 x 4 = 5002.00 | 1000.5 x 4 = 4002.00  tier 2
--  1001:  5000 + 4 = 5004.00 | 1001 x 4 = 4004.00  tier 2
--  4999:  5000 + 3999 x 4 = 20996.00 | 4999 x 4 = 19996.00  tier 2
--  5000:  5000 + 16000 = 21000.00 | 20000.00  tier 2
--  5001:  21000 + 3 = 21003.00 | 5001 x 3 = 15003.00  tier 3
-- 10000:  21000 + 5000 x 3 = 36000.00 | 30000.00  tier 3

-- ---------------------------------------------------------------------------
-- fixed fee including units, overage above them
-- ---------------------------------------------------------------------------
SELECT u AS units, charge('fixed 18500.00 including 800 units; per unit 14.50', u) AS charge
FROM unnest(ARRAY[0, 799, 800, 800.5, 801, 1000]::numeric[]) u;
--    0, 799, 800: 18500.00 (within the included units)
--  800.5: 18500 + 0.5 x 14.50 = 18507.25
--    801: 18514.50
--   1000: 18500 + 200 x 14.50 = 21400.00
SELECT u AS units, charge('fixed 10000.00 including 500 units; per unit 12.00', u) AS charge
FROM unnest(ARRAY[0, 500, 501, 750]::numeric[]) u;
--   0, 500: 10000.00;  501: 10012.00;  750: 10000 + 250 x 12 = 13000.00

-- ---------------------------------------------------------------------------
-- minimum commitment: at least that many units are billed
-- ---------------------------------------------------------------------------
SELECT u AS units, charge('per unit 4.50 minimum 1000', u) AS charge
FROM unnest(ARRAY[0, 999, 1000, 1001, 2000]::numeric[]) u;
--   0, 999, 1000: 1000 x 4.50 = 4500.00;  1001: 4504.50;  2000: 9000.00
-- with included units: billed = greatest(units, minimum), overage above the included
SELECT u AS units, charge('fixed 10000.00 including 500 units; per unit 12.00 minimum 1000', u) AS charge
FROM unnest(ARRAY[0, 1000, 1200]::numeric[]) u;
--   0, 1000: 10000 + 500 x 12 = 16000.00;  1200: 10000 + 700 x 12 = 18400.00

-- ---------------------------------------------------------------------------
-- share of a base amount, with a floor
-- ---------------------------------------------------------------------------
SELECT b AS base, charge('share 8% minimum 2000.00', 0, b) AS with_floor, charge('share 8%', 0, b) AS no_floor
FROM unnest(ARRAY[0, 24999.99, 25000, 25000.07, 30000]::numeric[]) b;
--        0: floor 2000.00 | 0.00
-- 24999.99: 1999.9992 under the floor: 2000.00 | 2000.00 (1999.9992 rounds up)
--    25000: exactly 2000.00 | 2000.00
-- 25000.07: 2000.0056: 2000.01 | 2000.01
--    30000: 2400.00 | 2400.00
-- a minimum-only share (issue 16): 0% of the base, at least 8 695.00, is 8 695.00 whatever the
-- base; canonical text "share 0% minimum 8695.00" (percentages without trailing zeros, money
-- with two decimals), which reads back as the same value, in text and in binary: t, t;
-- price_share 0, price_share_minimum 8695.00.  Beside a fixed fee: 1500 + 8695 = 10195.00
SELECT 'share 0% minimum 8695'::price_schedule AS canonical;
SELECT b AS base, charge('share 0% minimum 8695', 0, b) AS minimum_only,
       charge('fixed 1500; share 0% minimum 8695', 0, b) AS with_fixed
FROM unnest(ARRAY[0, 8695, 120000.55]::numeric[]) b;
SELECT s::text::price_schedule = s AS text_round_trip,
       price_schedule_send(s::text::price_schedule) = price_schedule_send(s) AS send_equal,
       price_share(s) AS share, price_share_minimum(s) AS share_min
FROM (SELECT 'share 0% minimum 8695'::price_schedule AS s) x;

-- ---------------------------------------------------------------------------
-- combined components, per outcome, zero and fractional units
-- ---------------------------------------------------------------------------
SELECT label, charge(s::price_schedule, u, b) AS charge
FROM (VALUES
  ('fixed + share',          'fixed 1500.00; share 8%',                  0,    10000),   -- 1500 + 800 = 2300.00
  ('fixed incl + share',     'fixed 1000 including 10 units; per unit 50; share 2%', 12, 50000), -- 1000 + 2 x 50 + 1000 = 2100.00
  ('per outcome',            'per outcome 150.00',                       3,    NULL),    -- 450.00
  ('fractional FTE',         'per FTE 8250.00',                          2.5,  NULL),    -- 20625.00
  ('zero units',             'per FTE 8250.00',                          0,    NULL),    -- 0.00
  ('fixed alone',            'fixed 999.99',                             123,  NULL),    -- 999.99 whatever the units
  ('base without a share',   'per unit 2',                               3,    100),     -- 6.00: the base is ignored
  ('free first tier',        'graduated 0-100: 0, 100+: 1.25',           140,  NULL),    -- 40 x 1.25 = 50.00
  ('huge, exact',            'per unit 999999999999.999999',             1000000, NULL)  -- 999999999999999999.00
) v(label, s, u, b);

-- ---------------------------------------------------------------------------
-- rounding: exact sum of all terms, rounded once, half-up to cents
-- ---------------------------------------------------------------------------
SELECT s AS schedule, u AS units, charge(s::price_schedule, u) AS charge
FROM (VALUES
  ('per unit 0.0025', 1),      -- 0.0025 -> 0.00
  ('per unit 0.0025', 2),      -- 0.005  -> 0.01 (half-up)
  ('per unit 0.0025', 3),      -- 0.0075 -> 0.01
  ('per unit 0.0025', 6),      -- 0.015  -> 0.02
  ('per unit 0.125', 1),       -- 0.125  -> 0.13
  ('per unit 0.125', 3),       -- 0.375  -> 0.38
  ('graduated 0-1: 0.004, 1+: 0.004', 2)   -- 0.004 + 0.004 = 0.008 -> 0.01 (not 0.00 + 0.00)
) v(s, u);

-- ---------------------------------------------------------------------------
-- accessors, NULL when the schedule has no such term
-- ---------------------------------------------------------------------------
SELECT s AS schedule, price_fixed(s) AS fixed, price_included_units(s) AS included,
       price_minimum_units(s) AS minimum, price_unit(s) AS unit, price_rate(s, 900) AS rate_at_900,
       price_tier(s, 900) AS tier_at_900, price_share(s) AS share, price_share_minimum(s) AS share_min
FROM unnest(ARRAY['fixed 18500.00 including 800 tickets; per ticket 14.50',
                  'per unit 4.50 minimum 1000',
                  'graduated 0-500: 5.00, 500+: 4.00',
                  'fixed 1500; share 8% minimum 2000']::price_schedule[]) s;

-- the per-call-site cache of schedules (shared with sla_credit): 50 schedules, 1 000 rows
-- that come back to each in turn, more than the cache holds: every row is charged by its
-- own schedule, per unit k for k = 1 .. 50, 2 units: 2k (t)
SELECT bool_and(charge(format('per unit %s', i % 50 + 1)::price_schedule, 2) = 2 * (i % 50 + 1)) AS own_schedule
FROM generate_series(1, 1000) i;

-- NULL in, NULL out; a NULL base is no base
SELECT charge(NULL::price_schedule, 1) IS NULL AS null_schedule, charge('per unit 1', NULL::numeric) IS NULL AS null_units,
       charge('per unit 1', 2, NULL) AS null_base;   -- 2.00

-- binary COPY round trip
CREATE TABLE price_t (id int, s price_schedule);
INSERT INTO price_t VALUES
  (1, 'fixed 18500.00 including 800 tickets; per ticket 14.50 minimum 900'),
  (2, 'graduated per call 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00; share 0.5% minimum 10'),
  (3, 'volume 0-0.000001: 999999999999.999999, 0.000001+: 0'),
  (4, 'share 100%');
-- a file in the cluster's data directory: no clash with other clusters, gone with it
SELECT current_setting('data_directory') || '/ms_price_copy.bin' AS copyfile \gset
COPY price_t TO :'copyfile' (FORMAT binary);
CREATE TABLE price_copy (LIKE price_t);
COPY price_copy FROM :'copyfile' (FORMAT binary);
SELECT a.id, a.s = b.s AS equal, b.s FROM price_t a JOIN price_copy b USING (id) ORDER BY 1;
-- and hashing: a hash join and a hash aggregate find the equal values
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*) AS hash_joined FROM price_t a JOIN price_copy b ON a.s = b.s;   -- 4
RESET enable_mergejoin; RESET enable_nestloop;
SELECT count(*) AS distinct_schedules
FROM (SELECT s FROM (SELECT s FROM price_t UNION ALL SELECT s FROM price_copy) u GROUP BY s) x;  -- 4 (8 rows, hashed)

-- ---------------------------------------------------------------------------
-- parse errors
-- ---------------------------------------------------------------------------
SELECT ''::price_schedule;
SELECT 'monthly 500'::price_schedule;
SELECT 'per share 4.50'::price_schedule;
SELECT 'per 4.50'::price_schedule;
SELECT 'fixed'::price_schedule;
SELECT 'fixed $18,500'::price_schedule;
SELECT 'fixed 500 per unit 2'::price_schedule;
SELECT 'share 8'::price_schedule;
SELECT 'graduated 0-1000 5.00, 1000+: 4.00'::price_schedule;
SELECT 'graduated 0-1000: 5.00, 1000: 4.00'::price_schedule;
SELECT 'fixed 500;; per unit 2'::price_schedule;

-- ---------------------------------------------------------------------------
-- tiers: unordered, overlapping, gaps, not from 0, empty, not open-ended
-- ---------------------------------------------------------------------------
SELECT 'graduated 1000-5000: 4.00, 0-1000: 5.00, 5000+: 3.00'::price_schedule;
SELECT 'volume 0-1000: 5.00, 5000+: 3.00, 1000-5000: 4.00'::price_schedule;
SELECT 'graduated 0-1000: 5.00, 500-5000: 4.00, 5000+: 3.00'::price_schedule;
SELECT 'graduated 1-1000: 5.00, 1001-5000: 4.00, 5001+: 3.00'::price_schedule;
SELECT 'graduated 0-1000: 5.00, 1001-5000: 4.00, 5001+: 3.00'::price_schedule;
SELECT 'volume 0-1000: 5.00, 1000-1000: 4.00, 1000+: 3.00'::price_schedule;
SELECT 'graduated 0-1000: 5.00, 1000-5000: 4.00'::price_schedule;
SELECT 'graduated 0+: 5.00, 1000+: 4.00'::price_schedule;

-- ---------------------------------------------------------------------------
-- semantic errors: terms that contradict or mean nothing
-- ---------------------------------------------------------------------------
-- twice the same component
SELECT 'fixed 500; fixed 600'::price_schedule;
SELECT 'per unit 4.50; per unit 4.50'::price_schedule;
SELECT 'graduated 0+: 1; volume 0+: 1'::price_schedule;
SELECT 'share 8%; share 2%'::price_schedule;
-- two ways of pricing every unit
SELECT 'per unit 4.50; graduated 0-1000: 5.00, 1000+: 4.00'::price_schedule;
-- two kinds of unit in one schedule
SELECT 'fixed 18500 including 800 tickets; per call 14.50'::price_schedule;
-- included units with no price above them, or with tiers
SELECT 'fixed 18500 including 800 units'::price_schedule;
SELECT 'fixed 18500 including 800 units; graduated 0-1000: 5.00, 1000+: 4.00'::price_schedule;
-- a minimum above nothing
SELECT 'minimum 1000'::price_schedule;
SELECT 'per unit 4.50; minimum 1000'::price_schedule;
SELECT 'including 800 units'::price_schedule;
SELECT 'per unit 4.50 minimum 0'::price_schedule;
SELECT 'per unit 0.00 minimum 1000'::price_schedule;
SELECT 'fixed 10000 including 500 units; per unit 12.00 minimum 400'::price_schedule;
SELECT 'share 8% minimum 0'::price_schedule;
SELECT 'share 0%'::price_schedule;
SELECT 'share 0% minimum 0'::price_schedule;

-- ---------------------------------------------------------------------------
-- out of range
-- ---------------------------------------------------------------------------
SELECT 'per unit -4.50'::price_schedule;
SELECT 'graduated 0-1000: 5.00, 1000+: -1'::price_schedule;
SELECT 'fixed 1000000000000'::price_schedule;
SELECT 'per unit 0.0000001'::price_schedule;
SELECT 'share 120%'::price_schedule;
SELECT ('graduated ' || string_agg(format('%s-%s: 1', i, i + 1), ', ') || ', 101+: 1')::price_schedule
FROM generate_series(0, 100) i;

-- ---------------------------------------------------------------------------
-- charge: bad arguments (22023)
-- ---------------------------------------------------------------------------
SELECT charge('per unit 4.50', -1);
SELECT charge('per unit 4.50', 'NaN'::numeric);
SELECT charge('per unit 4.50', 'Infinity'::numeric);
SELECT charge('share 8% minimum 2000.00', 100);
SELECT charge('fixed 1500; share 8%', 100, NULL);
SELECT charge('share 8%', 0, -500);
SELECT price_tier('graduated 0+: 1', -1);

-- ---------------------------------------------------------------------------
-- binary input is checked like text: the bytes are written with COPY from a
-- bytea column and read back as price_schedule
-- ---------------------------------------------------------------------------
CREATE TABLE price_bytes (b bytea);
CREATE TABLE price_in (s price_schedule);
-- per unit 4.50: version 1, flags 04 (rate), no tiers, unit 0, rate 4500000
INSERT INTO price_bytes VALUES ('\x01040000000000000044aa20');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
SELECT s FROM price_in;
-- version 2 with neither of its terms (per unit 4.50 is version 1)
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x02040000000000000044aa20');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- unit word 42
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x0104002a000000000044aa20');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- a negative rate
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x01040000ffffffffffffffff');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- graduated with one tier 0-1000 at 5.00: the last tier is not open-ended
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x0100010000000001000000003b9aca0000000000004c4b40');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- share 101%
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x011000000000000006052340');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- a minimum of units without a unit price
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x01090000000000003b9aca00000000003b9aca00');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- a byte too many
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x01040000000000000044aa2000');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- share 0% (flags 10, share 0) with no minimum: refused as text refuses it
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x011000000000000000000000');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- share 0% minimum 8695.00 (flags 30, share 0, minimum 8695 x 10^6 = 0x206432bc0): accepted
-- as text accepts it (issue 16)
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x0130000000000000000000000000000206432bc0');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- 2: the first and the minimum-only share
SELECT s FROM price_in ORDER BY s::text;
DROP TABLE price_t, price_copy, price_bytes, price_in;

-- ---------------------------------------------------------------------------
-- issue 20: minimum charge, a floor on the period's whole charge
-- ---------------------------------------------------------------------------
-- graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00
--     0: tiers 0.00, under the floor: 5000.00
--   500: 500 x 9 = 4500.00, under the floor: 5000.00
--   555: 4500 + 55 x 7.50 = 4912.50: 5000.00
--   567: 4500 + 67 x 7.50 = 5002.50 (above the floor)
--   600: 4500 + 100 x 7.50 = 5250.00
SELECT s AS schedule, u, charge(s, u)
FROM (SELECT 'graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00'::price_schedule AS s) x,
     unnest(ARRAY[0, 500, 555, 567, 600]::numeric[]) u;
-- alone it bills its amount, whatever the units (and a base it has no share for)
SELECT s AS schedule, charge(s, 0) AS none, charge(s, 1000000) AS a_million, charge(s, 10, 99999) AS with_base
FROM (SELECT 'minimum charge 5000'::price_schedule AS s) x;   -- 5000.00 each, printed minimum charge 5000.00
-- a minimum of units, a share's minimum and the minimum charge each apply to their own part:
-- fixed 1000.00; per ticket 4.50 minimum 1000; share 8% minimum 2000.00; minimum charge 9000.00
--  units  base:  fixed + tickets (at least 1000)  + share (at least 2000) = parts -> charge
--      0      0:  1000 + 1000 x 4.50 = 4500       + 2000                   =  7500 -> 9000.00
--   1200      0:  1000 + 1200 x 4.50 = 5400       + 2000                   =  8400 -> 9000.00
--   1200  30000:  1000 + 5400                     + 2400                   =  8800 -> 9000.00
--   1400  25000:  1000 + 6300                     + 2000                   =  9300 -> 9300.00
--   1500  30000:  1000 + 6750                     + 2400                   = 10150 -> 10150.00
SELECT u, b, charge('fixed 1000.00; per ticket 4.50 minimum 1000; share 8% minimum 2000.00; minimum charge 9000.00', u, b)
FROM (VALUES (0, 0), (1200, 0), (1200, 30000), (1400, 25000), (1500, 30000)) v(u, b);
-- the floor applies to the exact sum, then the one rounding: per call 3.333333; minimum charge 10.00
--   3 calls: 9.999999 -> 10.00 (floor);  3.0001 calls: 10.00033... -> 10.00;  4 calls: 13.333332 -> 13.33
SELECT u, charge('per call 3.333333; minimum charge 10.00', u) FROM unnest(ARRAY[3, 3.0001, 4]::numeric[]) u;
-- printed last, whatever the order written; the accessor; the text reads back
SELECT s AS schedule, price_minimum_charge(s), s::text::price_schedule = s AS text_round_trip
FROM (SELECT 'minimum charge 5000; graduated per ticket 0-500: 9, 500+: 7.5'::price_schedule AS s
      UNION ALL SELECT 'share 8% minimum 2000; minimum charge 3000.5'
      UNION ALL SELECT 'fixed 100 including 10 tickets; per ticket 2; minimum charge 150') x;
-- none: NULL
SELECT price_minimum_charge('per unit 4.50 minimum 1000') IS NULL AS no_minimum_charge;

-- ---------------------------------------------------------------------------
-- issue 20: any single unit word, kept as written
-- ---------------------------------------------------------------------------
-- per incident 95.00: 3 incidents 285.00; per document 1.20 minimum 500 (the word after a
-- count may be repeated, or with an "s"; the canonical text leaves it out there): 100
-- documents bill 500 x 1.20 = 600.00; fixed 9500 including 100 incidents: 120 incidents
-- 9500 + 20 x 95 = 11400.00; graduated per FTE-month 0-10: 5000, 10+: 4500: 12 of them
-- 10 x 5000 + 2 x 4500 = 59000.00; the user's capitals are kept (per Incident)
SELECT s AS schedule, price_unit(s) AS unit, u, charge(s, u)
FROM (VALUES ('per incident 95.00'::price_schedule, 3),
             ('per document 1.20 minimum 500 documents', 100),
             ('fixed 9500 including 100 incidents; per incident 95.00', 120),
             ('graduated per FTE-month 0-10: 5000, 10+: 4500', 12),
             ('per Incident 95', 1),
             ('volume per site_visit 0-10: 80, 10+: 70', 11)) v(s, u);
-- the ten built-in words keep their meaning and bytes: case-folded, plural accepted, the
-- stored index (unit 1 is ticket): version 1, flags 04, tiers 00, unit 01, rate 4 500 000
SELECT 'per Tickets 4.50'::price_schedule AS schedule,
       price_schedule_send('per Tickets 4.50') = '\x01040001000000000044aa20' AS same_bytes,
       pg_column_size('per Tickets 4.50'::price_schedule) AS stored_size;   -- 64
-- a word of one's own is a version-2 value: version 02, flags 04, tiers 00, unit ff (the
-- user's word), rate 95 000 000 = 0x5a995c0, then the word: 8 bytes "incident"
SELECT price_schedule_send('per incident 95') = '\x020400ff0000000005a995c008696e636964656e74' AS incident_bytes,
       price_schedule_send('minimum charge 5000') = '\x02400000000000012a05f200' AS minimum_charge_bytes,
       pg_column_size('per incident 95'::price_schedule) AS stored_size;   -- 64 + 40
-- the spelling is the value: per Incident and per incident print differently and differ
SELECT 'per Incident 95'::price_schedule = 'per incident 95'::price_schedule AS same_spelling;   -- f
SELECT 'fixed 9500 including 100 incidents; per incident 95.00'::price_schedule
     = 'fixed 9500 including 100; per incident 95.00'::price_schedule AS same_value;   -- t
-- a word of 31 characters is the longest
SELECT 'per abcdefghijabcdefghijabcdefghijk 1'::price_schedule;
-- binary COPY round trip of version-2 values, and hashing them
CREATE TABLE price_t (id int, s price_schedule);
INSERT INTO price_t VALUES
  (1, 'graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00'),
  (2, 'fixed 9500 including 100 incidents; per incident 95.00 minimum 150; share 2% minimum 10; minimum charge 20000'),
  (3, 'volume per FTE-month 0-10: 5000, 10+: 4500'),
  (4, 'minimum charge 0.01');
COPY price_t TO :'copyfile' (FORMAT binary);
CREATE TABLE price_copy (LIKE price_t);
COPY price_copy FROM :'copyfile' (FORMAT binary);
SELECT a.id, a.s = b.s AS equal, b.s FROM price_t a JOIN price_copy b USING (id) ORDER BY 1;
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*) AS hash_joined FROM price_t a JOIN price_copy b ON a.s = b.s;   -- 4
RESET enable_mergejoin; RESET enable_nestloop;
DROP TABLE price_t, price_copy;

-- ---------------------------------------------------------------------------
-- issue 20: parse and semantic errors of the new terms (22P02, naming the term)
-- ---------------------------------------------------------------------------
SELECT 'minimum charge 0'::price_schedule;
SELECT 'per unit 2; minimum charge 0.00'::price_schedule;
SELECT 'minimum charge -5000'::price_schedule;
SELECT 'minimum charge'::price_schedule;
SELECT 'minimum charge 5000; per unit 2; minimum charge 6000'::price_schedule;
SELECT 'per ticket 4.50 minimum charge 5000'::price_schedule;
SELECT 'share 8% minimum charge 5000'::price_schedule;
-- a floor the other terms always reach never applies: 6000.00 fixed; 500 x 10.00 = 5000.00
SELECT 'fixed 6000; minimum charge 5000'::price_schedule;
SELECT 'per unit 10 minimum 500; minimum charge 5000'::price_schedule;
SELECT 'fixed 1000; share 1% minimum 4000; minimum charge 5000'::price_schedule;
-- unit words: a word of the grammar, too long, not a word, two kinds of unit
SELECT 'per charge 4.50'::price_schedule;
SELECT 'graduated per minimum 0+: 1'::price_schedule;
SELECT 'per abcdefghijabcdefghijabcdefghijkl 1'::price_schedule;
SELECT 'per _ticket 1'::price_schedule;
SELECT 'per Störung 1'::price_schedule;
SELECT 'fixed 100 including 10 incidentz; per incident 95'::price_schedule;
SELECT 'fixed 100 including 10 incidents; per ticket 2'::price_schedule;
SELECT 'fixed 100 including 10 tickets; per incident 2'::price_schedule;
SELECT 'per incident 2 minimum 10 tickets'::price_schedule;
-- charge: a share still needs its base with a minimum charge (22023)
SELECT charge('share 8%; minimum charge 100', 0);

-- ---------------------------------------------------------------------------
-- issue 20: binary input of version 2 is checked like text
-- ---------------------------------------------------------------------------
CREATE TABLE price_bytes (b bytea);
CREATE TABLE price_in (s price_schedule);
-- per incident 95.00 and minimum charge 5000.00 (above): accepted
INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c008696e636964656e74'), ('\x02400000000000012a05f200');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
SELECT s FROM price_in ORDER BY s::text;
-- minimum charge in a version-1 value (flags 40): version 1 has no place for its amount, so
-- with the amount the bytes are too many (08P01), without it the flag is refused
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x01400000000000012a05f200');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x01400000');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- minimum charge 0.00
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x024000000000000000000000');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- a unit word of 0 and of 32 bytes
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c000');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c020' || decode(repeat('61', 32), 'hex'));
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- words text refuses: "share" (a word of the grammar), "ticket" (built in, stored as unit 1),
-- "in cident" (a space), "_x"
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c0057368617265');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c0067469636b6574');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c009696e20636964656e74');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c0025f78');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- the word cut short
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x020400ff0000000005a995c008696e63');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- version 3
TRUNCATE price_bytes; INSERT INTO price_bytes VALUES ('\x03400000000000012a05f200');
COPY price_bytes TO :'copyfile' (FORMAT binary);
COPY price_in FROM :'copyfile' (FORMAT binary);
-- still the two accepted first
SELECT count(*) AS received FROM price_in;
DROP TABLE price_bytes, price_in;
