-- pgTAP: price_schedule on random schedules.
-- Each schedule is drawn as plain columns (fee, included units, rate,
-- minimum, tiers, share, floor), written out as text in a random spelling,
-- and parsed; charge() is checked against a PL/pgSQL reference that works
-- from the columns, so the parser and the arithmetic are both under test.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

SELECT plan(22);

SELECT has_type('price_schedule');
SELECT has_function('charge', ARRAY['price_schedule', 'numeric']);
SELECT has_function('charge', ARRAY['price_schedule', 'numeric', 'numeric']);
SELECT throws_ok($$SELECT 'graduated 0-1000: 5.00, 500+: 4.00'::price_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'per share 4.50'::price_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'per unit 1; minimum charge 0'::price_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'fixed 6000; minimum charge 5000'::price_schedule$$, '22P02');
SELECT has_function('price_minimum_charge', ARRAY['price_schedule']);
-- the new terms' errors are soft (escontext): pg_input_is_valid answers false, raising nothing
CREATE FUNCTION pg_temp.soft_invalid(s text) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
  r boolean;
BEGIN
  EXECUTE 'SELECT NOT pg_input_is_valid($1, ''price_schedule'')' INTO r USING s;
  RETURN r;
END $f$;
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000 THEN
  ok((SELECT bool_and(pg_temp.soft_invalid(s))
      FROM unnest(ARRAY['minimum charge 0', 'minimum charge -1', 'minimum charge 5; minimum charge 6',
                        'fixed 6000; minimum charge 5000', 'per unit 4.50 minimum charge 5000', 'per share 1',
                        'per abcdefghijabcdefghijabcdefghijkl 1', 'per Störung 1',
                        'fixed 1 including 10 incidentz; per incident 2']) s),
     'the errors of minimum charge and unit words are soft errors')
  ELSE skip('pg_input_is_valid needs PostgreSQL 16 or later', 1) END;
SELECT throws_ok($$SELECT charge('share 8%', 10)$$, '22023');
SELECT throws_ok($$SELECT charge('per unit 1', -0.5)$$, '22023');

SELECT setseed(0.42);

-- a random number with 0 to 6 decimals, below 10^digits
CREATE FUNCTION pg_temp.rnd(digits int) RETURNS numeric LANGUAGE sql VOLATILE AS
$$ SELECT round((random() * 10 ^ digits)::numeric, (random() * 6)::int) $$;

CREATE TEMP TABLE draw AS
SELECT i,
       (ARRAY['none', 'per', 'graduated', 'volume'])[1 + floor(random() * 4)::int] AS usage,
       random() < 0.5 AS has_fixed,
       random() < 0.5 AS has_included,
       random() < 0.4 AS has_minimum,
       random() < 0.4 AS has_share,
       random() < 0.5 AS has_share_min,
       (ARRAY['unit', 'ticket', 'call', 'record', 'document', 'user', 'device', 'FTE', 'hour', 'outcome',
              'incident', 'site_visit', 'FTE-month', 'Doc'])[1 + floor(random() * 14)::int] AS word,
       random() < 0.3 AS has_min_charge,
       1 + (random() * 5)::int AS ntiers
FROM generate_series(1, 3000) i;

CREATE TEMP TABLE sched AS
SELECT d.i, d.usage, d.word, d.has_min_charge,
       CASE WHEN random() < 0.5 THEN d.word ELSE upper(d.word) END AS per_word,
       CASE WHEN d.has_fixed OR (d.usage = 'none' AND NOT d.has_share AND NOT (d.has_min_charge AND d.i % 3 = 0))
            THEN pg_temp.rnd(5) END AS fixed,
       CASE WHEN d.has_fixed AND d.has_included AND d.usage = 'per' THEN pg_temp.rnd(4) END AS included,
       CASE WHEN d.usage = 'per' THEN pg_temp.rnd(2) END AS rate,
       d.has_minimum, d.has_share, d.has_share_min, d.ntiers,
       CASE WHEN d.has_share THEN greatest(round((random() * 100)::numeric, (random() * 4)::int), 0.5) END AS share
FROM draw d;
-- a minimum above the included units on a non-zero rate; a floor above 0
ALTER TABLE sched ADD COLUMN minimum numeric, ADD COLUMN share_min numeric,
                  ADD COLUMN bounds numeric[], ADD COLUMN rates numeric[];
UPDATE sched SET minimum = coalesce(included, 0) + 1 + pg_temp.rnd(3)
WHERE usage = 'per' AND has_minimum AND rate > 0;
UPDATE sched SET share_min = 0.01 + pg_temp.rnd(4) WHERE has_share AND has_share_min;
-- now and then a minimum-only share: 0% with a floor bills the floor (issue 16)
UPDATE sched SET share = 0 WHERE share_min IS NOT NULL AND i % 10 = 0;
-- tiers: increasing upper bounds, the last one open (NULL)
UPDATE sched s SET bounds = t.bounds || NULL::numeric, rates = t.rates
FROM (SELECT i, array_agg(b ORDER BY k) FILTER (WHERE k < ntiers) AS bounds,
             array_agg(r ORDER BY k) AS rates
      FROM (SELECT s.i, s.ntiers, k,
                   sum(0.5 + pg_temp.rnd(3)) OVER (PARTITION BY s.i ORDER BY k) AS b,
                   pg_temp.rnd(2) AS r
            FROM sched s, generate_series(1, s.ntiers) k
            WHERE s.usage IN ('graduated', 'volume')) x
      GROUP BY i) t
WHERE s.i = t.i;
UPDATE sched SET bounds = ARRAY[NULL::numeric] WHERE usage IN ('graduated', 'volume') AND bounds IS NULL;
-- a minimum charge (issue 20) above the least the other terms always bill, so that it can bind:
-- fixed + the minimum units beyond the included ones at the rate + the share's floor
ALTER TABLE sched ADD COLUMN min_charge numeric;
UPDATE sched SET min_charge = round(coalesce(fixed, 0) + coalesce(share_min, 0)
                                    + coalesce((minimum - coalesce(included, 0)) * rate, 0), 2)
                              + 0.01 + CASE WHEN random() < 0.5 THEN pg_temp.rnd(4) ELSE 0 END
WHERE has_min_charge;

-- the text, in a random order of terms and a random spelling
CREATE TEMP TABLE spelled AS
SELECT s.*,
       (SELECT string_agg(term, '; ' ORDER BY random())
        FROM unnest(ARRAY[
          CASE WHEN fixed IS NOT NULL THEN
            format('%s %s', (ARRAY['fixed', 'FIXED', 'Fixed'])[1 + (random() * 2)::int], fixed)
            || CASE WHEN included IS NOT NULL THEN format(' including %s %s', included, word || 's') ELSE '' END
          END,
          CASE WHEN usage = 'per' THEN
            format('per %s %s', per_word, rate)
            || CASE WHEN minimum IS NOT NULL THEN format(' minimum %s', minimum) ELSE '' END
          END,
          CASE WHEN usage IN ('graduated', 'volume') THEN
            usage || CASE WHEN word <> 'unit' OR random() < 0.3 THEN ' per ' || per_word ELSE '' END || ' ' ||
            (SELECT string_agg(CASE WHEN b IS NULL THEN format('%s+: %s', coalesce(bounds[k - 1], 0), r)
                                    ELSE format('%s-%s: %s', coalesce(bounds[k - 1], 0), b, r) END,
                               ', ' ORDER BY k)
             FROM unnest(bounds, rates) WITH ORDINALITY u(b, r, k))
          END,
          CASE WHEN share IS NOT NULL THEN
            format('share %s%%', share) || CASE WHEN share_min IS NOT NULL THEN format(' minimum %s', share_min) ELSE '' END
          END,
          CASE WHEN min_charge IS NOT NULL THEN format('minimum charge %s', min_charge) END]) term) AS txt
FROM sched s;
ALTER TABLE spelled ADD COLUMN ps price_schedule;
UPDATE spelled SET ps = txt::price_schedule;

SELECT is((SELECT count(*)::int FROM spelled WHERE ps IS NOT NULL), 3000, '3000 random schedules parse');

SELECT is((SELECT count(*)::int FROM spelled
           WHERE ps::text::price_schedule <> ps OR ps::text::price_schedule::text <> ps::text), 0,
          'canonical text round-trips exactly');

SELECT is((SELECT count(*)::int FROM spelled
           WHERE price_fixed(ps) IS DISTINCT FROM fixed OR price_included_units(ps) IS DISTINCT FROM included
              OR price_minimum_units(ps) IS DISTINCT FROM minimum
              OR price_share(ps) IS DISTINCT FROM share / 100 OR price_share_minimum(ps) IS DISTINCT FROM share_min
              OR price_minimum_charge(ps) IS DISTINCT FROM min_charge
              OR price_unit(ps) IS DISTINCT FROM CASE WHEN usage = 'none' THEN NULL
                                                      WHEN word IN ('incident', 'site_visit', 'FTE-month', 'Doc') THEN per_word
                                                      ELSE word END), 0,
          'the accessors give back the drawn terms (a word of one''s own as written)');

-- every schedule without the terms of issue 20 is stored and sent as in 0.3.0: version 1,
-- 64 bytes and 16 a tier (in memory: the table packs short headers); one with a minimum charge or a word of its own is version 2, 40 more
SELECT is((SELECT count(*)::int FROM spelled
           WHERE get_byte(price_schedule_send(ps), 0)
                 <> CASE WHEN min_charge IS NOT NULL OR (usage <> 'none' AND word IN ('incident', 'site_visit', 'FTE-month', 'Doc'))
                         THEN 2 ELSE 1 END
              OR pg_column_size(ps::text::price_schedule) <> 64 + 16 * coalesce(array_length(bounds, 1), 0)
                                       + CASE WHEN get_byte(price_schedule_send(ps), 0) = 2 THEN 40 ELSE 0 END), 0,
          'version 1 unless a minimum charge or a word of one''s own, with 0.3.0''s layout');
SELECT cmp_ok((SELECT count(*)::int FROM spelled WHERE min_charge IS NOT NULL AND usage = 'none' AND fixed IS NULL AND share IS NULL),
              '>', 20, 'some schedules are a minimum charge alone');

-- binary COPY round trip
CREATE TEMP TABLE copied (i int, ps price_schedule);
SELECT current_setting('data_directory') || '/ms_price_tap.bin' AS copyfile \gset
COPY (SELECT i, ps FROM spelled) TO :'copyfile' (FORMAT binary);
COPY copied FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM spelled s JOIN copied c USING (i) WHERE s.ps = c.ps AND s.ps::text = c.ps::text), 3000,
          'binary COPY round-trips 3000 schedules');

-- equal values hash equally: grouping by the value (hashed) and by its text agree
SET LOCAL enable_sort = off;
SELECT is((SELECT count(*)::int FROM (SELECT ps FROM (SELECT ps FROM spelled UNION ALL SELECT ps FROM copied) u GROUP BY ps) g),
          (SELECT count(DISTINCT ps::text)::int FROM spelled),
          'hash grouping finds the same distinct schedules as their text');
RESET enable_sort;

-- the reference: the definition (DESIGN.md section 6), term by term
CREATE FUNCTION pg_temp.ref_charge(s spelled, units numeric, base numeric) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  total numeric := coalesce(s.fixed, 0);
  lower numeric := 0;
  k int;
BEGIN
  IF s.usage = 'per' THEN
    total := total + greatest(greatest(units, coalesce(s.minimum, 0)) - coalesce(s.included, 0), 0) * s.rate;
  ELSIF s.usage = 'graduated' THEN
    FOR k IN 1 .. array_length(s.rates, 1) LOOP
      EXIT WHEN units <= lower;
      total := total + (least(units, coalesce(s.bounds[k], units)) - lower) * s.rates[k];
      EXIT WHEN s.bounds[k] IS NULL;
      lower := s.bounds[k];
    END LOOP;
  ELSIF s.usage = 'volume' THEN
    k := 1;
    WHILE s.bounds[k] IS NOT NULL AND units > s.bounds[k] LOOP
      k := k + 1;
    END LOOP;
    total := total + units * s.rates[k];
  END IF;
  IF s.share IS NOT NULL THEN
    total := total + greatest(base * s.share / 100, coalesce(s.share_min, 0));
  END IF;
  -- a floor on the whole charge, before the one rounding
  RETURN round(greatest(total, coalesce(s.min_charge, 0)), 2);
END $$;

-- units at every boundary of each schedule (and half a unit either side), and random ones
CREATE TEMP TABLE cases AS
SELECT s.i, u.units, round((random() * 100000)::numeric, (random() * 3)::int) AS base
FROM spelled s,
     LATERAL (SELECT DISTINCT greatest(v + d, 0) AS units
              FROM unnest(ARRAY[0, s.included, s.minimum] || s.bounds) v,
                   unnest(ARRAY[-0.5, 0, 0.5, 1]) d
              WHERE v IS NOT NULL
              UNION ALL
              SELECT round((random() * 20000)::numeric, (random() * 4)::int)
              FROM generate_series(1, 3)) u;

SELECT cmp_ok((SELECT count(*)::int FROM cases), '>', 20000, 'over 20 000 cases');
SELECT is((SELECT count(*)::int FROM cases c JOIN spelled s USING (i)
           WHERE charge(s.ps, c.units, c.base) <> pg_temp.ref_charge(s, c.units, c.base)), 0,
          'charge agrees with the reference at every boundary and on random units');
SELECT diag(string_agg(format('%s: charge(%s, %s) = %s, reference %s', ps, units, base, got, want), E'\n'))
FROM (SELECT s.ps, c.units, c.base, charge(s.ps, c.units, c.base) AS got, pg_temp.ref_charge(s, c.units, c.base) AS want
      FROM cases c JOIN spelled s USING (i)) x
WHERE got <> want;
SELECT is((SELECT count(*)::int FROM cases c JOIN spelled s USING (i)
           WHERE s.share IS NULL AND charge(s.ps, c.units) <> charge(s.ps, c.units, c.base)), 0,
          'without a share the base changes nothing');
-- the results are cents
SELECT is((SELECT count(*)::int FROM cases c JOIN spelled s USING (i)
           WHERE scale(charge(s.ps, c.units, c.base)) <> 2), 0, 'every charge is in cents');

SELECT * FROM finish();
ROLLBACK;
