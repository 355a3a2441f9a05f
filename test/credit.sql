-- pgTAP: credit_schedule and sla_credit properties on random data.
-- Random valid schedules are generated as parameters, written out both in a
-- random spelling and in the canonical form; the parsed value must print the
-- canonical form, survive binary COPY, and sla_credit / escalation must agree
-- with a slow PL/pgSQL reference that reads the parameters, not the value.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

SELECT plan(45);

SELECT has_type('credit_schedule');
SELECT has_function('sla_credit', ARRAY['credit_schedule', 'numeric', 'integer', 'integer', 'integer']);
SELECT has_function('sla_credit', ARRAY['credit_schedule', 'double precision', 'integer', 'integer']);
SELECT has_function('sla_credit_amount', ARRAY['credit_schedule', 'numeric', 'numeric', 'integer', 'integer']);
SELECT has_function('escalation', ARRAY['credit_schedule', 'integer', 'integer']);
SELECT function_returns('sla_credit', ARRAY['credit_schedule', 'numeric', 'integer', 'integer'], 'numeric');

-- ---------------------------------------------------------------------------
-- bad input: 22P02
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT ''::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99%: 10%; bonus 5%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 95%: 100%, below 99%: 30%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99%: 10%, above 5%: 20%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99%: 30%, below 95%: 10%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'warning after 3; penalty after 2'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'cap 101%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'chronic after 0 in a row x2'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'terminate after 5 of 4'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'cap 30%; cap 30%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99.99999%: 1%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT sla_credit('below 99%: 1%', 99.5, 0, 0)$$, '22023');
SELECT throws_ok($$SELECT sla_credit('below 99%: 1%', 0.5, -1, 0)$$, '22023');
-- the terms of 0.3.0 (issue 16)
SELECT throws_ok($$SELECT 'below 99%: 10%; chronic after 2 in a row x2; cap 12%; chronic cap 10%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99%; at risk 12% allocation 50%; period cap 15%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT 'below 99.9%: 10%; earn back 50% after 3 at 99.8%'::credit_schedule$$, '22P02');
SELECT throws_ok($$SELECT sla_earn_back('below 99%: 10%; earn back after 1', 'NaN', 1, ARRAY[1])$$, '22023');

-- pg_input_is_valid (soft errors) on 16+; on 15 the check is skipped
CREATE FUNCTION pg_temp.soft_errors() RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    RETURN QUERY EXECUTE $q$SELECT ok(NOT pg_input_is_valid('below 95%: 1%, below 99%: 2%', 'credit_schedule')
                                      AND NOT pg_input_is_valid('cap', 'credit_schedule')
                                      AND pg_input_is_valid('cap 30%', 'credit_schedule'), 'soft input errors')$q$;
  ELSE
    RETURN QUERY SELECT skip('pg_input_is_valid needs PostgreSQL 16', 1);
  END IF;
END $f$;
SELECT * FROM pg_temp.soft_errors();

-- ---------------------------------------------------------------------------
-- random valid schedules
-- ---------------------------------------------------------------------------
-- p: the parameters, in the units of the C code: shares and percentage
-- thresholds in millionths of a share (1% = 10000), plain thresholds x 10^6,
-- multipliers x 10^4; "pool" for a credit taken from the at-risk pool.

-- a share in millionths as a percentage, canonical (no trailing zeros)
CREATE FUNCTION pg_temp.pct(v bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT trim_scale(v / 10000.0)::text || '%' $$;
CREATE FUNCTION pg_temp.num(v bigint, d int) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT trim_scale(v / (10.0 ^ d))::text $$;
-- a non-canonical spelling of the same number: trailing zeros, a space before %
CREATE FUNCTION pg_temp.pct_in(v bigint) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT CASE WHEN random() < 0.3 THEN round(v / 10000.0, 4)::text ELSE trim_scale(v / 10000.0)::text END
          || CASE WHEN random() < 0.2 THEN ' %' ELSE '%' END $$;
CREATE FUNCTION pg_temp.kw(w text) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT CASE WHEN random() < 0.2 THEN upper(w) WHEN random() < 0.1 THEN initcap(w) ELSE w END $$;
-- a random share in millionths with few decimals, lo..hi
CREATE FUNCTION pg_temp.rshare(lo bigint, hi bigint) RETURNS bigint LANGUAGE sql VOLATILE AS
$$ SELECT greatest(lo, least(hi, (round((lo + random() * (hi - lo)) / g) * g)::bigint))
   FROM (SELECT (ARRAY[1, 100, 10000, 50000, 100000])[1 + floor(random() * 5)::int] AS g) x $$;

CREATE FUNCTION pg_temp.trigger_text(row_n int, k int, n int, canonical bool) RETURNS text LANGUAGE plpgsql VOLATILE AS $f$
DECLARE
  a text := CASE WHEN row_n IS NOT NULL THEN row_n || ' in a row' END;
  b text := CASE WHEN k IS NOT NULL THEN k || CASE WHEN NOT canonical AND random() < 0.3 THEN ' of the last ' ELSE ' of ' END || n END;
BEGIN
  IF a IS NOT NULL AND b IS NOT NULL THEN
    IF canonical OR random() < 0.5 THEN RETURN a || ' or ' || b; END IF;
    RETURN b || ' or ' || a;
  END IF;
  RETURN coalesce(a, b);
END $f$;

CREATE FUNCTION pg_temp.gen(seq int, OUT input text, OUT canonical text, OUT p jsonb) LANGUAGE plpgsql VOLATILE AS $f$
DECLARE
  terms_c text[] := '{}';
  terms_i text[] := '{}';
  above bool := random() < 0.4;
  pct bool := random() < 0.7;
  nb int := CASE WHEN random() < 0.85 THEN 1 + floor(random() * 4)::int ELSE 0 END;
  ts bigint[];
  cs bigint[];
  pool bool := random() < 0.3;
  ar bigint;
  al bigint;
  pool_q numeric;              -- the pool's share
  bands_c text[] := '{}';
  bands_i text[] := '{}';
  t bigint;
  c bigint;
  pm text;                     -- 'pool', a number of millionths, or NULL
  ch_row int; ch_k int; ch_n int; ch_eff text; ch_v bigint;
  rung int[] := ARRAY[NULL, NULL, NULL]::int[];
  last int := 1;
  tr_row int; tr_k int; tr_n int;
  eb int;
  cap bigint;
  n_shared int := 1 + floor(random() * 24)::int;
  s text;
  band_json jsonb := '[]';
BEGIN
  IF pool THEN
    ar := pg_temp.rshare(10000, 1000000);
    al := pg_temp.rshare(10000, 1000000);
    pool_q := ar / 1e6 * al / 1e6;
  END IF;

  -- bands: distinct thresholds from the mildest to the worst, credits non-decreasing
  IF nb > 0 THEN
    IF pct THEN
      SELECT array_agg(v ORDER BY v) INTO ts FROM (SELECT DISTINCT pg_temp.rshare(0, 1000000) AS v FROM generate_series(1, nb)) x;
    ELSE
      SELECT array_agg(v ORDER BY v) INTO ts FROM (SELECT DISTINCT (round((random() * 15 - 5) * 10 ^ d) * 10 ^ (6 - d))::bigint AS v
                                                   FROM generate_series(1, nb), (SELECT floor(random() * 7)::int AS d) dd) x;
    END IF;
    nb := cardinality(ts);
    IF NOT above THEN
      SELECT array_agg(v ORDER BY v DESC) INTO ts FROM unnest(ts) v;
    END IF;
    SELECT array_agg(v ORDER BY v) INTO cs FROM (SELECT pg_temp.rshare(0, 1000000) AS v FROM generate_series(1, nb)) x;
    FOR i IN 1 .. nb LOOP
      t := ts[i];
      c := cs[i];
      -- the mildest band may cost the pool's share when every later credit is at least that
      IF i = 1 AND pool AND random() < 0.6 AND (nb = 1 OR cs[2] / 1e6 >= pool_q) THEN
        c := NULL;
      END IF;
      s := CASE WHEN above THEN 'above ' ELSE 'below ' END
           || CASE WHEN pct THEN pg_temp.pct(t) ELSE pg_temp.num(t, 6) END;
      bands_c := bands_c || (s || CASE WHEN c IS NULL THEN '' ELSE ': ' || pg_temp.pct(c) END);
      bands_i := bands_i || (pg_temp.kw(CASE WHEN above THEN 'above' ELSE 'below' END) || ' '
                             || CASE WHEN pct THEN pg_temp.pct_in(t) ELSE pg_temp.num(t, 6) END
                             || CASE WHEN c IS NULL THEN '' ELSE CASE WHEN random() < 0.3 THEN ':' ELSE ': ' END || pg_temp.pct_in(c) END);
      band_json := band_json || jsonb_build_array(jsonb_build_array(t, c));
    END LOOP;
    terms_c := terms_c || array_to_string(bands_c, ', ');
    terms_i := terms_i || array_to_string(bands_i, CASE WHEN random() < 0.3 THEN ',' ELSE ', ' END);
  END IF;

  -- per miss
  IF random() < 0.5 THEN
    IF pool AND random() < 0.4 THEN
      pm := 'pool';
      terms_c := terms_c || 'per miss'::text;
      terms_i := terms_i || pg_temp.kw('per miss');
    ELSE
      c := pg_temp.rshare(0, 200000);
      pm := c::text;
      terms_c := terms_c || ('per miss ' || pg_temp.pct(c));
      terms_i := terms_i || (pg_temp.kw('per miss') || ' ' || pg_temp.pct_in(c));
    END IF;
  END IF;

  -- chronic
  IF random() < 0.5 THEN
    IF random() < 0.7 THEN ch_row := 1 + floor(random() * 6)::int; END IF;
    IF ch_row IS NULL OR random() < 0.4 THEN
      ch_n := n_shared;
      ch_k := 1 + floor(random() * ch_n)::int;
    END IF;
    IF random() < 0.5 THEN
      ch_eff := 'x';
      ch_v := (ARRAY[10000, 12500, 15000, 20000, 30000, 13333, 1000000])[1 + floor(random() * 7)::int];
      s := 'x' || pg_temp.num(ch_v, 4);
    ELSE
      ch_eff := '+';
      ch_v := pg_temp.rshare(100, 500000);
      s := '+' || pg_temp.pct(ch_v);
    END IF;
    terms_c := terms_c || ('chronic after ' || pg_temp.trigger_text(ch_row, ch_k, ch_n, true) || ' ' || s);
    terms_i := terms_i || (pg_temp.kw('chronic') || ' after ' || pg_temp.trigger_text(ch_row, ch_k, ch_n, false) || ' ' || s);
  END IF;

  -- the ladder: counts never decreasing
  FOR i IN 1 .. 3 LOOP
    IF random() < 0.5 THEN
      last := last + floor(random() * 3)::int;
      rung[i] := last;
      terms_c := terms_c || ((ARRAY['warning', 'remediation', 'penalty'])[i] || ' after ' || last);
      terms_i := terms_i || ((ARRAY['warning', CASE WHEN random() < 0.3 THEN 'remediation plan' ELSE 'remediation' END, 'penalty'])[i]
                             || ' after ' || last || CASE WHEN random() < 0.2 THEN ' in a row' ELSE '' END);
    END IF;
  END LOOP;
  IF random() < 0.4 THEN
    IF random() < 0.7 THEN tr_row := last + floor(random() * 4)::int; END IF;
    IF tr_row IS NULL OR random() < 0.4 THEN
      tr_n := n_shared;
      tr_k := 1 + floor(random() * tr_n)::int;
    END IF;
    terms_c := terms_c || ('terminate after ' || pg_temp.trigger_text(tr_row, tr_k, tr_n, true));
    terms_i := terms_i || (CASE WHEN random() < 0.3 THEN 'termination right' ELSE 'terminate' END
                           || ' after ' || pg_temp.trigger_text(tr_row, tr_k, tr_n, false));
  END IF;

  -- earn-back needs bands (a period is met against the mildest threshold)
  IF nb > 0 AND random() < 0.4 THEN
    eb := 1 + floor(random() * 12)::int;
    terms_c := terms_c || ('earn back after ' || eb);
    terms_i := terms_i || (CASE WHEN random() < 0.2 THEN 'earn-back' ELSE 'earn back' END || ' after ' || eb);
  END IF;

  IF random() < 0.5 THEN
    cap := pg_temp.rshare(0, coalesce(ar, 1000000));
    terms_c := terms_c || ('cap ' || pg_temp.pct(cap));
    terms_i := terms_i || (pg_temp.kw('cap') || ' ' || pg_temp.pct_in(cap));
  END IF;

  IF pool THEN
    terms_c := terms_c || ('at risk ' || pg_temp.pct(ar) || ' allocation ' || pg_temp.pct(al));
    terms_i := terms_i || (pg_temp.kw('at risk') || ' ' || pg_temp.pct_in(ar) || ' allocation ' || pg_temp.pct_in(al));
  END IF;

  IF cardinality(terms_c) = 0 THEN
    terms_c := ARRAY['cap 100%'];
    terms_i := ARRAY['cap 100%'];
    cap := 1000000;
  END IF;

  canonical := array_to_string(terms_c, '; ');
  -- any order of terms, any spacing around ';', perhaps a trailing ';'
  SELECT string_agg(x, CASE WHEN random() < 0.3 THEN ';' ELSE ' ; ' END ORDER BY random()) INTO input FROM unnest(terms_i) x;
  IF random() < 0.2 THEN input := input || ';'; END IF;
  p := jsonb_build_object('above', above, 'pct', pct, 'bands', band_json, 'pm', pm,
                          'ch_row', ch_row, 'ch_k', ch_k, 'ch_n', ch_n, 'ch_eff', ch_eff, 'ch_v', ch_v,
                          'warning', rung[1], 'remediation', rung[2], 'penalty', rung[3],
                          'tr_row', tr_row, 'tr_k', tr_k, 'tr_n', tr_n, 'eb', eb, 'cap', cap, 'ar', ar, 'al', al);
END $f$;

-- the reference: DESIGN section 5 read from the parameters, in exact numeric
CREATE FUNCTION pg_temp.ref_recent(p jsonb, streak int, recent int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(recent, least(streak, coalesce((p->>'ch_n')::int, (p->>'tr_n')::int, 0)))
$$;

CREATE FUNCTION pg_temp.ref_credit(p jsonb, a numeric, misses int, streak int, recent int) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE
  pool numeric := (p->>'ar')::numeric / 1e6 * (p->>'al')::numeric / 1e6;
  band numeric := 0;
  per numeric := 0;
  base numeric;
  r numeric;
  chronic bool;
  cap numeric;
  b jsonb;
  t numeric;
BEGIN
  recent := pg_temp.ref_recent(p, streak, recent);
  IF a IS NOT NULL THEN
    FOR b IN SELECT * FROM jsonb_array_elements(p->'bands') LOOP
      t := (b->>0)::numeric / 1e6;
      IF (p->>'above')::bool AND a > t OR NOT (p->>'above')::bool AND a < t THEN
        band := coalesce((b->>1)::numeric / 1e6, pool);   -- the last band reached is the worst
      END IF;
    END LOOP;
  END IF;
  IF p->>'pm' = 'pool' THEN per := pool;
  ELSIF p->>'pm' IS NOT NULL THEN per := (p->>'pm')::numeric / 1e6;
  END IF;
  base := band + misses * per;
  chronic := p->>'ch_eff' IS NOT NULL
             AND (streak >= (p->>'ch_row')::int IS TRUE OR recent >= (p->>'ch_k')::int IS TRUE);
  r := base;
  IF base > 0 AND chronic THEN
    IF p->>'ch_eff' = 'x' THEN r := base * (p->>'ch_v')::numeric / 1e4;
    ELSE r := base + (p->>'ch_v')::numeric / 1e6;
    END IF;
  END IF;
  cap := coalesce((p->>'cap')::numeric, (p->>'ar')::numeric, 1e6) / 1e6;
  RETURN least(r, cap);
END $f$;

CREATE FUNCTION pg_temp.ref_escalation(p jsonb, streak int, recent int) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  recent := pg_temp.ref_recent(p, streak, recent);
  IF streak >= (p->>'tr_row')::int IS TRUE OR recent >= (p->>'tr_k')::int IS TRUE THEN RETURN 'termination'; END IF;
  IF streak >= (p->>'penalty')::int IS TRUE THEN RETURN 'penalty'; END IF;
  IF streak >= (p->>'remediation')::int IS TRUE THEN RETURN 'remediation'; END IF;
  IF streak >= (p->>'warning')::int IS TRUE THEN RETURN 'warning'; END IF;
  RETURN 'ok';
END $f$;

-- the 4- or 5-argument form, as recent is NULL (omitted) or not
CREATE FUNCTION pg_temp.credit(cs credit_schedule, a numeric, m int, k int, r int) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN r IS NULL THEN sla_credit(cs, a, m, k) ELSE sla_credit(cs, a, m, k, r) END $$;

SELECT setseed(0.42);
CREATE TEMP TABLE sched AS SELECT i, g.* FROM generate_series(1, 3000) i, LATERAL pg_temp.gen(i) g;

SELECT is((SELECT count(*)::int FROM sched WHERE input::credit_schedule::text <> canonical), 0,
          '3000 random schedules in random spellings print their canonical form');
SELECT diag(string_agg(format('%s => %s, expected %s', input, input::credit_schedule, canonical), E'\n'))
FROM (SELECT * FROM sched WHERE input::credit_schedule::text <> canonical LIMIT 5) x;
SELECT is((SELECT count(*)::int FROM sched WHERE canonical::credit_schedule::text <> canonical
                                              OR canonical::credit_schedule <> input::credit_schedule), 0,
          'the canonical form reads back as itself and equals the random spelling');
SELECT ok((SELECT count(DISTINCT canonical) FROM sched) > 2900, 'the random schedules are nearly all different');
SELECT ok((SELECT count(*) FROM sched WHERE p->>'ar' IS NOT NULL) > 100
          AND (SELECT count(*) FROM sched WHERE p->>'ch_eff' = 'x') > 300
          AND (SELECT count(*) FROM sched WHERE p->>'tr_k' IS NOT NULL) > 100
          AND (SELECT count(*) FROM sched WHERE (p->>'above')::bool AND jsonb_array_length(p->'bands') > 1) > 100,
          'the random schedules cover pools, multipliers, K of N terminations and above-bands');

-- binary COPY round trip
CREATE TEMP TABLE sched_v AS SELECT i, canonical::credit_schedule AS s FROM sched;
\set copyfile '/tmp/ms_credit_tap.bin'
COPY sched_v TO :'copyfile' (FORMAT binary);
CREATE TEMP TABLE sched_back (LIKE sched_v);
COPY sched_back FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM sched_v a JOIN sched_back b USING (i) WHERE a.s = b.s AND a.s::text = b.s::text), 3000,
          'binary COPY round trip of 3000 random schedules');
-- hashing agrees with equality: grouping the values and their copies gives one group per distinct schedule
SELECT is((SELECT count(*)::int FROM (SELECT s FROM (SELECT s FROM sched_v UNION ALL SELECT s FROM sched_back) u GROUP BY s) g),
          (SELECT count(DISTINCT canonical)::int FROM sched),
          'hash grouping: one group per distinct schedule');

-- sla_credit against the reference: attainments near and at the thresholds
CREATE TEMP TABLE cases AS
SELECT i, s.canonical::credit_schedule AS cs, s.p, a.a,
       CASE WHEN random() < 0.1 THEN 1000 + floor(random() * 1e8)::int ELSE floor(random() * 6)::int END AS misses,
       floor(random() * 9)::int AS streak,
       CASE WHEN random() < 0.5 THEN NULL
            ELSE floor(random() * (coalesce((s.p->>'ch_n')::int, (s.p->>'tr_n')::int, 8) + 1))::int END AS recent
FROM sched s, generate_series(1, 3) j,
LATERAL (SELECT CASE
           WHEN random() < 0.05 THEN NULL
           WHEN random() < 0.3 AND jsonb_array_length(s.p->'bands') > 0
             THEN ((s.p->'bands'->(floor(random() * jsonb_array_length(s.p->'bands'))::int)->>0)::numeric / 1e6)
                  + (ARRAY[0, 0, 1e-6, -1e-6, 1e-12, -1e-12])[1 + floor(random() * 6)::int]
           WHEN (s.p->>'pct')::bool THEN round(random()::numeric, (1 + floor(random() * 8))::int)
           ELSE round((random() * 17 - 6)::numeric, (floor(random() * 7))::int) END AS a) a;
-- percentage schedules take attainments in [0, 1]
UPDATE cases SET a = greatest(0, least(1, a)) WHERE (p->>'pct')::bool;

SELECT is((SELECT count(*)::int FROM cases
           WHERE pg_temp.credit(cs, a, misses, streak, recent) IS DISTINCT FROM pg_temp.ref_credit(p, a, misses, streak, recent)), 0,
          'sla_credit agrees with the reference on 9000 random cases');
SELECT diag(string_agg(format('%s (%s, %s, %s, %s): %s, expected %s', cs, a, misses, streak, recent,
                              pg_temp.credit(cs, a, misses, streak, recent), pg_temp.ref_credit(p, a, misses, streak, recent)), E'\n'))
FROM (SELECT * FROM cases
      WHERE pg_temp.credit(cs, a, misses, streak, recent) IS DISTINCT FROM pg_temp.ref_credit(p, a, misses, streak, recent) LIMIT 5) x;
SELECT ok((SELECT count(DISTINCT pg_temp.credit(cs, a, misses, streak, recent)) FROM cases) > 1000
          AND (SELECT count(*) FROM cases WHERE pg_temp.credit(cs, a, misses, streak, recent) = credit_cap(cs) AND credit_cap(cs) > 0) > 500
          AND (SELECT count(*) FROM cases WHERE pg_temp.credit(cs, a, misses, streak, recent) = 0) > 500,
          'the cases reach many credits, the cap and zero');
-- the double overload: an attainment of at most 15 significant digits compares as its decimal
SELECT is((SELECT count(*)::int FROM cases
           WHERE a IS NOT NULL AND coalesce(recent, -1) >= -1
             AND (sla_credit(cs, a::float8, misses, streak) <> sla_credit(cs, a, misses, streak)
                  OR sla_credit(cs, a::float8, misses, streak, coalesce(recent, 0)) <> sla_credit(cs, a, misses, streak, coalesce(recent, 0)))), 0,
          'sla_credit of a double equals sla_credit of the decimal it prints as');
-- money: the share times the fee, rounded half up to cents
SELECT is((SELECT count(*)::int FROM cases, (VALUES (12345.67), (0.05), (999999.99)) f(fee)
           WHERE sla_credit_amount(cs, fee, a, misses, streak, coalesce(recent, 0))
                 <> round(fee * pg_temp.ref_credit(p, a, misses, streak, coalesce(recent, 0)), 2)), 0,
          'sla_credit_amount is the fee times the credit, rounded to cents');
-- escalation, termination right, chronic failure
SELECT is((SELECT count(*)::int FROM cases
           WHERE CASE WHEN recent IS NULL THEN escalation(cs, streak) ELSE escalation(cs, streak, recent) END
                 <> pg_temp.ref_escalation(p, streak, recent)), 0,
          'escalation agrees with the reference ladder');
SELECT is((SELECT count(*)::int FROM cases
           WHERE termination_right(cs, streak, recent) <> (pg_temp.ref_escalation(p, streak, recent) = 'termination')
              OR (recent IS NULL AND termination_right(cs, streak) <> (pg_temp.ref_escalation(p, streak, NULL) = 'termination'))), 0,
          'termination_right is the termination rung');
SELECT ok((SELECT count(DISTINCT escalation(cs, streak)) FROM cases) = 5, 'every rung is reached');
-- accessors
SELECT is((SELECT count(*)::int FROM sched s
           WHERE credit_cap(canonical::credit_schedule) <> coalesce((p->>'cap')::numeric, (p->>'ar')::numeric, 1e6) / 1e6
              OR credit_at_risk(canonical::credit_schedule) IS DISTINCT FROM (p->>'ar')::numeric / 1e6
              OR earn_back_periods(canonical::credit_schedule) IS DISTINCT FROM (p->>'eb')::int
              OR recent_periods(canonical::credit_schedule) IS DISTINCT FROM coalesce((p->>'ch_n')::int, (p->>'tr_n')::int)), 0,
          'credit_cap, credit_at_risk, earn_back_periods, recent_periods');

-- the terms of 0.3.0 on the random schedules: a period cap (at most the
-- amount at risk) and an annual cap, appended (they print last); neither
-- changes one service level's credit
CREATE TEMP TABLE sched2 AS
SELECT i, p, canonical, pc, ac,
       canonical || coalesce('; period cap ' || pg_temp.pct(pc), '') || coalesce('; annual cap ' || pg_temp.pct(ac), '') AS canonical2
FROM (SELECT s.*,
             CASE WHEN random() < 0.7 THEN pg_temp.rshare(0, coalesce((p->>'ar')::bigint, 1000000)) END AS pc,
             CASE WHEN random() < 0.7 THEN pg_temp.rshare(0, 1000000) END AS ac
      FROM sched s) x;
SELECT is((SELECT count(*)::int FROM sched2 WHERE canonical2::credit_schedule::text <> canonical2), 0,
          '3000 random schedules with period and annual caps print their canonical form');
SELECT is((SELECT count(*)::int FROM sched2
           WHERE credit_period_cap(canonical2::credit_schedule) IS DISTINCT FROM
                   least(pc, (p->>'ar')::bigint) / 1e6
              OR credit_annual_cap(canonical2::credit_schedule) IS DISTINCT FROM ac / 1e6
              OR (pc IS NULL AND ac IS NULL) <> (substr(credit_schedule_send(canonical2::credit_schedule), 1, 1) = '\x01')), 0,
          'credit_period_cap is the smaller of the period cap and the amount at risk, credit_annual_cap the annual cap; version 2 only with one of them');
CREATE TEMP TABLE sched2_v AS SELECT i, canonical2::credit_schedule AS s FROM sched2;
COPY sched2_v TO :'copyfile' (FORMAT binary);
CREATE TEMP TABLE sched2_back (LIKE sched2_v);
COPY sched2_back FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM sched2_v a JOIN sched2_back b USING (i) WHERE a.s = b.s AND a.s::text = b.s::text), 3000,
          'binary COPY round trip of 3000 random schedules with the new caps');
SELECT is((SELECT count(*)::int FROM cases c JOIN sched2 s2 USING (i)
           WHERE pg_temp.credit(s2.canonical2::credit_schedule, c.a, c.misses, c.streak, c.recent)
                 IS DISTINCT FROM pg_temp.ref_credit(c.p, c.a, c.misses, c.streak, c.recent)), 0,
          'period and annual caps leave sla_credit of one service level as it was');

-- one call site, rows alternating between many schedules (cache slots collide): same results
SELECT is((SELECT count(*)::int FROM (SELECT * FROM cases ORDER BY random()) c
           WHERE pg_temp.credit(cs, a, misses, streak, recent) IS DISTINCT FROM pg_temp.ref_credit(p, a, misses, streak, recent)), 0,
          'shuffled rows over 3000 schedules at one call site');
SELECT diag(string_agg(format('%s (%s, %s, %s, %s): %s, expected %s', cs, a, misses, streak, recent,
                              pg_temp.credit(cs, a, misses, streak, recent), pg_temp.ref_credit(p, a, misses, streak, recent)), E'\n'))
FROM (SELECT * FROM (SELECT * FROM cases ORDER BY random()) c
      WHERE pg_temp.credit(cs, a, misses, streak, recent) IS DISTINCT FROM pg_temp.ref_credit(p, a, misses, streak, recent) LIMIT 5) x;

-- a constant schedule in a prepared statement, re-executed with different values
PREPARE q(credit_schedule, numeric) AS SELECT sla_credit($1, $2, 0, 0);
CREATE FUNCTION pg_temp.run_prepared() RETURNS int LANGUAGE plpgsql AS $f$
DECLARE
  bad int := 0;
  r record;
  v numeric;
BEGIN
  FOR r IN SELECT * FROM cases WHERE a IS NOT NULL LIMIT 300 LOOP
    EXECUTE 'EXECUTE q(' || quote_literal(r.cs::text) || ', ' || r.a || ')' INTO v;
    IF v IS DISTINCT FROM pg_temp.ref_credit(r.p, r.a, 0, 0, NULL) THEN bad := bad + 1; END IF;
  END LOOP;
  RETURN bad;
END $f$;
SELECT is(pg_temp.run_prepared(), 0, 'a prepared statement re-executed with 300 schedules');

SELECT * FROM finish();
ROLLBACK;
