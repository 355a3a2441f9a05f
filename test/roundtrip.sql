-- pgTAP: round trips of random valid values (issue 11, item 3).
-- For every type: the canonical text reads back as the same value and prints
-- the same text (text -> value -> text is the identity), and binary COPY out
-- and in gives back equal values (by = where the type has it, else by text and
-- send() bytes).  credit_schedule and price_schedule have theirs in
-- test/credit.sql and test/price.sql; here: severity, sla_window (weekly hours,
-- overnight ranges, zones in any letter case, holidays, special hours),
-- sla_policy, sla_summary, availability_state and staffing_state.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;

SELECT plan(22);

SELECT setseed(0.777);
SELECT current_setting('data_directory') || '/ms_roundtrip_' || pg_backend_pid() || '.bin' AS copyfile \gset

CREATE FUNCTION pg_temp.rint(n int) RETURNS int LANGUAGE sql VOLATILE AS
$$ SELECT floor(random() * n)::int $$;   -- 0 .. n-1
CREATE FUNCTION pg_temp.pick(a text[]) RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT a[1 + floor(random() * cardinality(a))::int] $$;
CREATE FUNCTION pg_temp.hhmm(m int) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT lpad((m / 60)::text, 2, '0') || ':' || lpad((m % 60)::text, 2, '0') $$;
CREATE FUNCTION pg_temp.rdate() RETURNS date LANGUAGE sql VOLATILE AS
$$ SELECT CASE WHEN random() < 0.8 THEN '2020-01-01'::date + pg_temp.rint(4000)
               ELSE '1900-01-01'::date + pg_temp.rint(146096) END $$;   -- 1900-01-01 .. 2299-12-31

-- ---------------------------------------------------------------------------
-- severity
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE sev AS
SELECT i, (ARRAY['SEV', 'Sev-', 'sev ', 'S', 'P', ''])[1 + pg_temp.rint(6)] || l AS txt
FROM (SELECT i, pg_temp.rint(6) AS l FROM generate_series(1, 1000) i) x;
ALTER TABLE sev ADD COLUMN v severity;
UPDATE sev SET v = txt::severity;
SELECT is((SELECT count(*)::int FROM sev WHERE v::text::severity <> v OR v::text::severity::text <> v::text), 0,
          'severity: 1000 random values, text -> value -> text is the identity');
CREATE TEMP TABLE sev_copy (i int, v severity);
COPY (SELECT i, v FROM sev) TO :'copyfile' (FORMAT binary);
COPY sev_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM sev JOIN sev_copy c USING (i) WHERE sev.v = c.v), 1000,
          'severity: binary COPY round trip of 1000 values');

-- ---------------------------------------------------------------------------
-- sla_window
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE zones AS
SELECT array_agg(name) AS names FROM pg_timezone_names
WHERE name !~* '^(posix|right)/|^(localtime|posixrules)$';

-- ranges of one day: 1 to 4, apart, on a 5-minute grid; sometimes the last one
-- runs overnight into the next day
CREATE FUNCTION pg_temp.rranges() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  k int := 1 + pg_temp.rint(CASE WHEN random() < 0.7 THEN 2 ELSE 4 END);
  pts int[];
  r text[] := '{}';
BEGIN
  SELECT array_agg(p ORDER BY p) INTO pts
  FROM (SELECT DISTINCT 5 * pg_temp.rint(289) + 0 * g AS p FROM generate_series(1, 2 * k) g) x;
  IF cardinality(pts) % 2 = 1 THEN pts := pts[1:cardinality(pts) - 1]; END IF;
  IF cardinality(pts) = 0 THEN RETURN '09:00-17:00'; END IF;
  FOR j IN 1 .. cardinality(pts) / 2 LOOP
    r := r || (pg_temp.hhmm(pts[2 * j - 1]) || '-' || pg_temp.hhmm(pts[2 * j]));
  END LOOP;
  IF random() < 0.15 AND pts[1] > 0 AND pts[cardinality(pts)] < 1440 THEN
    -- the last range wraps past midnight, ending before the first one starts
    r[cardinality(r)] := pg_temp.hhmm(pts[cardinality(pts) - 1]) || '-' || pg_temp.hhmm(5 * pg_temp.rint(pts[1] / 5 + 1));
  END IF;
  RETURN array_to_string(r, CASE WHEN random() < 0.5 THEN ',' ELSE ', ' END);
END $$;

CREATE FUNCTION pg_temp.rwindow() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  abbr text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  full_ text[] := ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  grp int[] := '{}';
  groups text[] := '{}';
  days text;
  txt text;
  hol text;
  spec text;
  d date;
BEGIN
  IF random() < 0.08 THEN
    txt := '24x7';
  ELSE
    -- each weekday in one of three groups, or closed
    FOR j IN 1 .. 7 LOOP
      grp := grp || pg_temp.rint(4);
    END LOOP;
    FOR g IN 1 .. 3 LOOP
      SELECT string_agg(CASE WHEN random() < 0.8 THEN abbr[j] ELSE full_[j] END, ',') INTO days
      FROM generate_series(1, 7) j WHERE grp[j] = g;
      IF days = 'mon,tue,wed,thu,fri' AND random() < 0.7 THEN days := 'mon-fri'; END IF;
      IF days IS NOT NULL THEN
        groups := groups || (days || ' ' || pg_temp.rranges());
      END IF;
    END LOOP;
    IF cardinality(groups) = 0 THEN groups := ARRAY['mon-fri 09:00-17:00']; END IF;
    txt := array_to_string(groups, CASE WHEN random() < 0.5 THEN '; ' ELSE ';' END);
  END IF;
  IF random() < 0.7 THEN
    txt := txt || ' ' || (SELECT CASE pg_temp.rint(3) WHEN 0 THEN lower(z) WHEN 1 THEN upper(z) ELSE z END
                          FROM (SELECT pg_temp.pick(names) AS z FROM zones) x);
  END IF;
  IF random() < 0.4 THEN
    SELECT string_agg(pg_temp.rdate()::text, ',') INTO hol
    FROM generate_series(1, CASE WHEN random() < 0.1 THEN 300 ELSE 1 + pg_temp.rint(12) END);
  END IF;
  IF random() < 0.35 THEN
    SELECT string_agg(dd, CASE WHEN random() < 0.5 THEN '; ' ELSE ', ' END) INTO spec
    FROM (SELECT string_agg(pg_temp.rdate()::text, ',') || ' ' || pg_temp.rranges() AS dd
          FROM generate_series(1, 1 + pg_temp.rint(6)) e, LATERAL generate_series(1, 1 + pg_temp.rint(2) + 0 * e) f
          GROUP BY e) x;
  END IF;
  IF hol IS NOT NULL AND spec IS NOT NULL AND random() < 0.5 THEN
    txt := txt || ' hours ' || spec || ' holidays ' || hol;        -- either order
  ELSE
    txt := txt || coalesce(' holidays ' || hol, '') || coalesce(' hours ' || spec, '');
  END IF;
  RETURN txt;
END $$;

-- a random text is a valid window most of the time (ranges of a special date may overlap
-- the next date's, a holiday may fall on a special date): keep the valid ones
CREATE FUNCTION pg_temp.try_window(t text) RETURNS sla_window LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::sla_window;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;

CREATE TEMP TABLE win AS
SELECT i, txt, pg_temp.try_window(txt) AS w
FROM (SELECT i, pg_temp.rwindow() AS txt FROM generate_series(1, 3000) i) x;
-- windows made by functions rather than the parser: holidays added to parsed windows (a
-- holiday on a date with special hours is rejected, 22023: those are left out)
CREATE FUNCTION pg_temp.try_with_holidays(w sla_window, h date[]) RETURNS sla_window LANGUAGE plpgsql AS $$
BEGIN
  RETURN sla_with_holidays(w, h);
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN NULL;
END $$;
CREATE TEMP TABLE added AS
SELECT i, w, (SELECT array_agg(pg_temp.rdate() + 0 * g) FROM generate_series(1, 1 + pg_temp.rint(20)) g) AS h
FROM win WHERE i <= 500 AND w IS NOT NULL;
-- also dates the window has special hours on, so that some are rejected
UPDATE added SET h = h || substring(w::text FROM ' hours (\d{4}-\d\d-\d\d)')::date
WHERE i % 3 = 0 AND w::text ~ ' hours ';
INSERT INTO win SELECT 10000 + i, NULL, pg_temp.try_with_holidays(w, h) FROM added;
DELETE FROM win WHERE w IS NULL;

SELECT ok((SELECT count(*) FROM win) >= 2500
          AND (SELECT count(*) FROM win WHERE w::text ~ ' hours ') >= 500
          AND (SELECT count(*) FROM win WHERE w::text ~ ' holidays ') >= 800
          AND (SELECT count(*) FROM win WHERE sla_timezone(w) <> 'UTC') >= 1500,
          format('sla_window: %s random valid windows, %s with special hours, %s with holidays, %s zones',
                 (SELECT count(*) FROM win), (SELECT count(*) FROM win WHERE w::text ~ ' hours '),
                 (SELECT count(*) FROM win WHERE w::text ~ ' holidays '),
                 (SELECT count(DISTINCT sla_timezone(w)) FROM win)));
-- issue 17: sla_with_holidays(w, h) is the text form of w with h written in its holidays
-- (both reject a holiday on a date with special hours, both close the rest)
SELECT is((SELECT count(*)::int FROM added
           WHERE pg_temp.try_with_holidays(w, h) IS DISTINCT FROM
                 pg_temp.try_window(CASE WHEN w::text ~ ' holidays '
                                         THEN regexp_replace(w::text, ' holidays ', ' holidays ' || array_to_string(h, ',') || ',')
                                         ELSE w::text || ' holidays ' || array_to_string(h, ',') END)), 0,
          format('sla_with_holidays: as the text form with the holidays written in, on %s windows (%s rejected)',
                 (SELECT count(*) FROM added), (SELECT count(*) FROM added WHERE pg_temp.try_with_holidays(w, h) IS NULL)));
SELECT is((SELECT count(*)::int FROM win WHERE w::text::sla_window <> w OR w::text::sla_window::text <> w::text), 0,
          'sla_window: text -> value -> text is the identity');
SELECT diag(format('%L -> %L -> %L', txt, w::text, w::text::sla_window::text))
FROM (SELECT * FROM win WHERE w::text::sla_window <> w OR w::text::sla_window::text <> w::text LIMIT 5) x;
-- the random spelling reads as its canonical form
SELECT is((SELECT count(*)::int FROM win WHERE txt IS NOT NULL AND txt::sla_window::text <> w::text), 0,
          'sla_window: the random spelling and the canonical text are the same value');

CREATE TEMP TABLE win_copy (i int, w sla_window);
COPY (SELECT i, w FROM win) TO :'copyfile' (FORMAT binary);
COPY win_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*) FROM win JOIN win_copy c USING (i) WHERE win.w = c.w AND win.w::text = c.w::text),
          (SELECT count(*) FROM win), 'sla_window: binary COPY round trip');
-- and the hash opclass agrees with = after the trip
SET LOCAL enable_sort = off;
SELECT is((SELECT count(*) FROM (SELECT w FROM (SELECT w FROM win UNION ALL SELECT w FROM win_copy) u GROUP BY w) g),
          (SELECT count(DISTINCT w::text) FROM win), 'sla_window: hash grouping after the trip finds the distinct windows');
RESET enable_sort;

-- ---------------------------------------------------------------------------
-- sla_policy
-- ---------------------------------------------------------------------------
CREATE FUNCTION pg_temp.ramount() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE parts text[] := '{}';
BEGIN
  IF random() < 0.08 THEN RETURN 'next business day'; END IF;
  IF random() < 0.4 THEN
    parts := parts || (CASE WHEN random() < 0.05 THEN 1 + pg_temp.rint(100000000) ELSE 1 + pg_temp.rint(30) END
                       || pg_temp.pick(ARRAY[' day', ' days', ' business days', ' d']));
  ELSIF random() < 0.2 THEN
    parts := parts || ((1 + pg_temp.rint(8)) || pg_temp.pick(ARRAY[' week', ' weeks', ' w']));
  END IF;
  IF random() < 0.6 OR cardinality(parts) = 0 THEN
    parts := parts || (CASE WHEN random() < 0.05 THEN pg_temp.rint(1000000) ELSE pg_temp.rint(48) END
                       || pg_temp.pick(ARRAY[' hour', ' hours', ' hrs', ' h', ' business hours']));
  END IF;
  IF random() < 0.4 THEN
    parts := parts || (pg_temp.rint(600) || pg_temp.pick(ARRAY[' minute', ' minutes', ' min', ' mins']));
  END IF;
  RETURN array_to_string(parts, ' ');
END $$;

CREATE FUNCTION pg_temp.rpolicy() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  names text[] := ARRAY['emergency', 'critical', 'major', 'minor', 'low', 'info'];
  entries text[] := '{}';
  e text;
BEGIN
  FOR l IN 0 .. 5 LOOP
    CONTINUE WHEN random() < 0.45;
    e := CASE pg_temp.rint(6) WHEN 0 THEN 'SEV' || l WHEN 1 THEN 'Sev-' || l WHEN 2 THEN 'P' || l
                              WHEN 3 THEN 'S' || l WHEN 4 THEN l::text ELSE names[l + 1] END;
    CASE pg_temp.rint(4)
      WHEN 0 THEN e := e || ' ' || pg_temp.pick(ARRAY['respond', 'response']) || ' ' || pg_temp.ramount();
      WHEN 1 THEN e := e || ' ' || pg_temp.pick(ARRAY['resolve', 'resolution']) || ' ' || pg_temp.ramount();
      WHEN 2 THEN e := e || ' respond ' || pg_temp.ramount() || ' resolve ' || pg_temp.ramount();
      ELSE e := e || ' resolution ' || pg_temp.ramount() || ' response ' || pg_temp.ramount();
    END CASE;
    entries := entries || e;
  END LOOP;
  IF cardinality(entries) = 0 THEN entries := ARRAY['SEV1 respond 1 hour']; END IF;
  RETURN (SELECT string_agg(x, pg_temp.pick(ARRAY['; ', ';', ' ; ']) ORDER BY random()) FROM unnest(entries) x);
END $$;

CREATE FUNCTION pg_temp.try_policy(t text) RETURNS sla_policy LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::sla_policy;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;

CREATE TEMP TABLE pol AS
SELECT i, txt, pg_temp.try_policy(txt) AS p
FROM (SELECT i, pg_temp.rpolicy() AS txt FROM generate_series(1, 3000) i) x;
DELETE FROM pol WHERE p IS NULL;

SELECT ok((SELECT count(*) FROM pol) >= 2500, format('sla_policy: %s random valid policies', (SELECT count(*) FROM pol)));
SELECT is((SELECT count(*)::int FROM pol WHERE NOT p::text::sla_policy = p OR p::text::sla_policy::text <> p::text), 0,
          'sla_policy: text -> value -> text is the identity');
SELECT diag(format('%L -> %L -> %L', txt, p::text, p::text::sla_policy::text))
FROM (SELECT * FROM pol WHERE NOT p::text::sla_policy = p OR p::text::sla_policy::text <> p::text LIMIT 5) x;
-- the targets survive the text: every severity and kind gives the same interval
SELECT is((SELECT count(*)::int FROM pol, generate_series(0, 5) l, unnest(ARRAY['response', 'resolution']) k
           WHERE sla_target(p, severity(l), k) IS DISTINCT FROM sla_target(p::text::sla_policy, severity(l), k)), 0,
          'sla_policy: sla_target is the same on the value read back');
CREATE TEMP TABLE pol_copy (i int, p sla_policy);
COPY (SELECT i, p FROM pol) TO :'copyfile' (FORMAT binary);
COPY pol_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*) FROM pol JOIN pol_copy c USING (i) WHERE pol.p = c.p AND pol.p::text = c.p::text),
          (SELECT count(*) FROM pol), 'sla_policy: binary COPY round trip');

-- ---------------------------------------------------------------------------
-- sla_summary (no = operator: compared by text and send() bytes)
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE tk AS
SELECT i, i % 1500 AS g, o AS opened,
       CASE WHEN random() < 0.2 THEN NULL ELSE o + random() ^ 3 * interval '300 hours' END AS done,
       CASE WHEN random() < 0.1 THEN NULL
            ELSE (ARRAY['15 minutes', '1 hour', '4 hours', '1 day', '2 days 4 hours', '0', '00:00:00.000001'])[1 + pg_temp.rint(7)]::interval END AS target,
       o + random() * interval '200 hours' AS as_of
FROM (SELECT i, '2026-01-01'::timestamptz + random() * interval '300 days' AS o FROM generate_series(1, 15000) i) x;
CREATE TEMP TABLE summ AS
SELECT g, sla_summary_agg((ARRAY['24x7', 'mon-fri 09:00-17:00 Europe/Berlin', 'mon-sun 22:00-06:00 Australia/Lord_Howe'])[1 + g % 3]::sla_window,
                          opened, done, target, as_of) AS s
FROM tk GROUP BY g;
INSERT INTO summ SELECT 10000 + g % 100, rollup(s) FROM summ GROUP BY g % 100;
SELECT is((SELECT count(*)::int FROM summ
           WHERE s::text::sla_summary::text <> s::text OR sla_summary_send(s::text::sla_summary) <> sla_summary_send(s)), 0,
          format('sla_summary: %s summaries (1500 groups, 100 rollups), text -> value -> text is the identity', (SELECT count(*) FROM summ)));
CREATE TEMP TABLE summ_copy (g int, s sla_summary);
COPY (SELECT g, s FROM summ) TO :'copyfile' (FORMAT binary);
COPY summ_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*) FROM summ JOIN summ_copy c USING (g)
           WHERE summ.s::text = c.s::text AND sla_summary_send(summ.s) = sla_summary_send(c.s)),
          (SELECT count(*) FROM summ), 'sla_summary: binary COPY round trip');

-- ---------------------------------------------------------------------------
-- availability_state: random outages over a random month, with and without a
-- window (one of the random windows above) and maintenance
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE grp AS
SELECT g, tstzrange(m, m + interval '1 month') AS period,
       CASE WHEN g % 3 > 0 THEN (SELECT w FROM win ORDER BY i OFFSET g LIMIT 1) END AS w,
       CASE WHEN g % 3 = 2 THEN tstzmultirange(tstzrange(m + interval '3 days', m + interval '3 days 2 hours'),
                                               tstzrange(m + interval '17 days 5 minutes', m + interval '18 days')) END AS maint
FROM (SELECT g, date_trunc('month', '2025-01-01'::timestamptz + random() * interval '700 days') AS m
      FROM generate_series(1, 900) g) x;
CREATE TEMP TABLE outage AS
SELECT g, tstzrange(a, a + random() ^ 2 * interval '30 hours') AS o
FROM (SELECT g.g, lower(g.period) - interval '2 days' + random() * interval '33 days' AS a
      FROM grp g, generate_series(1, 12) k) x;
CREATE TEMP TABLE av AS
SELECT g, CASE WHEN g % 3 = 0 THEN availability_agg(o, period)
               WHEN g % 3 = 1 THEN availability_agg(o, period, w)
               ELSE availability_agg(o, period, w, maint) END AS s
FROM outage JOIN grp USING (g) GROUP BY g, period, w, maint;
SELECT is((SELECT count(*)::int FROM av
           WHERE s IS NULL OR s::text::availability_state::text <> s::text
              OR availability_state_send(s::text::availability_state) <> availability_state_send(s)), 0,
          format('availability_state: %s random states, text -> value -> text is the identity', (SELECT count(*) FROM av)));
CREATE TEMP TABLE av_copy (g int, s availability_state);
COPY (SELECT g, s FROM av) TO :'copyfile' (FORMAT binary);
COPY av_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*) FROM av JOIN av_copy c USING (g)
           WHERE av.s::text = c.s::text AND availability_state_send(av.s) = availability_state_send(c.s)
             AND availability(av.s) IS NOT DISTINCT FROM availability(c.s)),
          (SELECT count(*) FROM av), 'availability_state: binary COPY round trip');

-- ---------------------------------------------------------------------------
-- staffing_state: random shifts over random months, and rollups of them
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE st AS
SELECT g, staffing_agg(o, period) AS s FROM outage JOIN grp USING (g) GROUP BY g;
INSERT INTO st SELECT 10000 + g % 60, rollup(s) FROM st JOIN grp USING (g) GROUP BY g % 60, lower(period);
SELECT is((SELECT count(*)::int FROM st
           WHERE s::text::staffing_state::text <> s::text
              OR staffing_state_send(s::text::staffing_state) <> staffing_state_send(s)), 0,
          format('staffing_state: %s random states, text -> value -> text is the identity', (SELECT count(*) FROM st)));
ALTER TABLE st ADD COLUMN k serial;
CREATE TEMP TABLE st_copy (k int, s staffing_state);
COPY (SELECT k, s FROM st) TO :'copyfile' (FORMAT binary);
COPY st_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*) FROM st a JOIN st_copy c USING (k)
           WHERE a.s::text = c.s::text AND staffing_state_send(a.s) = staffing_state_send(c.s)),
          (SELECT count(*) FROM st), 'staffing_state: binary COPY round trip');

-- ---------------------------------------------------------------------------
-- sla_clock_rules and sla_clock: random rules, random status logs
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE rl AS
SELECT i, (CASE WHEN random() < 0.3 THEN 'start on ' || quote_literal(s1) || '; ' ELSE '' END
           || CASE WHEN random() < 0.7 THEN 'pause on ' || quote_literal(s2) || ', ' || s3 || '; ' ELSE '' END
           || 'stop on ' || quote_literal(s4) || CASE WHEN random() < 0.5 THEN ', ''Closed''' ELSE '' END
           || (ARRAY['', '; reopen continues', '; reopen restarts', '; reopen ignored'])[1 + pg_temp.rint(4)])::sla_clock_rules AS r
FROM (SELECT i, 'Start' || i AS s1, 'Wait''' || i AS s2, 'hold ' || i AS s3, ' Done ' || i || ' ' AS s4
      FROM generate_series(1, 2000) i) x;
SELECT is((SELECT count(*)::int FROM rl WHERE r::text::sla_clock_rules::text <> r::text
             OR sla_clock_rules_send(r::text::sla_clock_rules) <> sla_clock_rules_send(r)), 0,
          'sla_clock_rules: 2000 random rules, text -> value -> text is the identity');
CREATE TEMP TABLE rl_copy (i int, r sla_clock_rules);
COPY (SELECT i, r FROM rl) TO :'copyfile' (FORMAT binary);
COPY rl_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM rl JOIN rl_copy c USING (i)
           WHERE sla_clock_rules_send(rl.r) = sla_clock_rules_send(c.r) AND rl.r::text = c.r::text),
          2000, 'sla_clock_rules: binary COPY round trip');
CREATE TEMP TABLE ck AS
SELECT t, sla_clock(rl.r, at, st, pr ORDER BY at, k) AS c
FROM (SELECT t, k, '2026-01-01'::timestamptz + t * interval '1 day' + k * pg_temp.rint(5000) * interval '1 second' AS at,
             CASE WHEN random() < 0.1 THEN NULL
                  ELSE (ARRAY['Start' || (t % 2000 + 1), 'Wait''' || (t % 2000 + 1), 'hold ' || (t % 2000 + 1), 'Done ' || (t % 2000 + 1), 'Closed', 'other', ' x '])[1 + pg_temp.rint(7)] END AS st,
             CASE WHEN random() < 0.3 THEN ('SEV' || pg_temp.rint(6))::severity END AS pr
      FROM generate_series(0, 2999) t, generate_series(1, 1 + pg_temp.rint(15)) k) x
JOIN rl ON rl.i = t % 2000 + 1 GROUP BY t;
SELECT is((SELECT count(*)::int FROM ck WHERE c::text::sla_clock::text <> c::text
             OR sla_clock_send(c::text::sla_clock) <> sla_clock_send(c)), 0,
          format('sla_clock: %s random clocks, text -> value -> text is the identity', (SELECT count(*) FROM ck WHERE c IS NOT NULL)));
CREATE TEMP TABLE ck_copy (t int, c sla_clock);
COPY (SELECT t, c FROM ck) TO :'copyfile' (FORMAT binary);
COPY ck_copy FROM :'copyfile' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM ck JOIN ck_copy c USING (t)
           WHERE sla_clock_send(ck.c) IS NOT DISTINCT FROM sla_clock_send(c.c) AND ck.c::text IS NOT DISTINCT FROM c.c::text),
          (SELECT count(*)::int FROM ck), 'sla_clock: binary COPY round trip');

SELECT * FROM finish();
ROLLBACK;
