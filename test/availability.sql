-- pgTAP: availability aggregates against a plain-SQL reference on random data.
--
-- The reference is what a user would write by hand, done right: clip each outage to the period
-- (outage * period), merge with range_agg, remove the maintenance with multirange subtraction,
-- and measure open time with sla_elapsed(w, multirange).  One assertion per property over the
-- whole batch, with up to 10 mismatching groups printed as diagnostics.
--
-- Seeded (setseed), so reproducible; the session TimeZone is deliberately exotic because no
-- result may depend on it.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET LOCAL TimeZone = 'Pacific/Chatham';
SET LOCAL max_parallel_workers_per_gather = 0;          -- keep random() draws in one order

SELECT plan(25);

-- catalog
SELECT has_type('availability_state');
SELECT is_aggregate('availability', ARRAY['tstzrange', 'tstzrange']);
SELECT is_aggregate('availability', ARRAY['tstzrange', 'tstzrange', 'sla_window', 'tstzmultirange']);
SELECT is_aggregate('downtime', ARRAY['tstzrange', 'tstzrange', 'sla_window']);
SELECT function_returns('availability_agg', ARRAY['tstzrange', 'tstzrange', 'sla_window'], 'availability_state');
SELECT function_returns('downtime_budget', ARRAY['double precision', 'tstzrange', 'sla_window', 'tstzmultirange'], 'interval');
SELECT function_returns('nines', ARRAY['double precision'], 'double precision');

-- errors
SELECT throws_ok($$SELECT availability(NULL, 'empty')$$, '22023');
SELECT throws_ok($$SELECT availability(NULL, tstzrange(now(), NULL))$$, '22008');
SELECT throws_ok($$SELECT availability(NULL, p) FROM (VALUES (tstzrange('2026-01-01', '2026-02-01')), ('[2026-01-01, 2026-02-02)')) v(p)$$,
                 '22023', NULL, 'a group that mixes periods');
SELECT throws_ok($$SELECT downtime_budget(1.01, '[2026-01-01, 2026-02-01)')$$, '22023');
SELECT throws_ok($$SELECT 'v1 period=[2026-01-01 00:00:00+00,2026-01-01 00:00:00+00) downtime={}'::availability_state$$, '22P02');

-------------------------------------------------------------------------------------------------
-- random groups: a period (minute granularity, 1 hour to 2 months, often around DST changes),
-- a window, maintenance, and 0 to 40 outages: overlapping, nested, touching, duplicated, outside
-- the period, unbounded on either side, empty, NULL
-------------------------------------------------------------------------------------------------
SELECT setseed(0.4242);
CREATE TEMP TABLE grp AS
SELECT g, p, w, m
FROM (SELECT g,
             (ARRAY['24x7',
                    'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-03-27,2026-04-03,2026-10-26,2026-12-25',
                    'mon-sun 22:00-06:00 America/New_York',
                    'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 Australia/Lord_Howe',
                    'mon-sun 00:00-24:00 Europe/London',
                    'tue,thu 06:30-18:45 Asia/Kolkata'])[1 + floor(random() * 6)::int]::sla_window AS w,
             -- around a DST change of 2026 half of the time, anywhere in 2025-2027 otherwise
             CASE WHEN random() < 0.5
                  THEN (ARRAY[timestamptz '2026-03-29 01:00+00', '2026-10-25 01:00+00', '2026-03-08 07:00+00',
                              '2026-11-01 06:00+00', '2026-04-05 15:00+00'])[1 + floor(random() * 5)::int]
                       - floor(random() * 4 * 1440) * interval '1 minute'
                  ELSE timestamptz '2025-01-01 00:00+00' + floor(random() * 3 * 365 * 1440) * interval '1 minute'
             END AS lo,
             (ARRAY[60, 1440, 7 * 1440, 31 * 1440, 61 * 1440])[1 + floor(random() * 5)::int]
               + floor(random() * 600) AS len_min,
             random() AS u_maint
      FROM generate_series(1, 400) g) x,
     LATERAL (SELECT tstzrange(lo, lo + len_min * interval '1 minute') AS p) y,
     LATERAL (SELECT CASE WHEN u_maint < 0.3 THEN '{}'::tstzmultirange
                          ELSE (SELECT coalesce(range_agg(tstzrange(s, s + floor(random() * 300 + 1) * interval '1 minute')), '{}')
                                FROM (SELECT lo - 1440 * interval '1 minute'
                                             + floor(random() * (len_min + 2880)) * interval '1 minute' AS s, k
                                      FROM generate_series(1, 1 + (u_maint * 4)::int) k) mm)
                     END AS m) z;

CREATE TEMP TABLE ev AS
SELECT g, CASE WHEN kind < 0.02 THEN NULL
               WHEN kind < 0.04 THEN 'empty'::tstzrange
               WHEN kind < 0.05 THEN tstzrange(s, NULL)                              -- still going on
               WHEN kind < 0.06 THEN tstzrange(NULL, s + len)                        -- since forever
               WHEN kind < 0.10 THEN tstzrange(s, s + len, '[]')                     -- closed bounds
               ELSE tstzrange(s, s + len) END AS o
FROM (SELECT grp.g, random() AS kind,
             lower(p) - interval '1 day' + floor(random() * (period_min + 2880)) * interval '1 minute' AS s,
             -- mostly short, sometimes a good part of the period, now and then nothing
             (CASE WHEN random() < 0.05 THEN 0 ELSE floor(random() ^ 3 * (period_min * 0.1 + 30) * 60) END) * interval '1 second' AS len
      FROM grp, LATERAL (SELECT extract(epoch FROM upper(p) - lower(p)) / 60 AS period_min) pm,
           -- (0 * grp.g makes the count a fresh draw per group)
           LATERAL generate_series(1, floor(random() * 41)::int + 0 * grp.g) k) x;
-- duplicates: report a tenth of the outages twice; and some touching neighbours
INSERT INTO ev SELECT g, o FROM ev WHERE random() < 0.1;
INSERT INTO ev SELECT g, tstzrange(upper(o), upper(o) + interval '17 minutes') FROM ev
WHERE o IS NOT NULL AND NOT isempty(o) AND NOT upper_inf(o) AND random() < 0.05;
-- every group has at least one row (a NULL outage where none): as in an outer join
INSERT INTO ev SELECT g, NULL FROM grp WHERE g NOT IN (SELECT g FROM ev);
-- shuffle the physical order
CREATE TEMP TABLE ev_shuffled AS SELECT * FROM ev ORDER BY random();

SELECT ok((SELECT count(*) FROM ev) > 6000 AND (SELECT count(DISTINCT w::text) FROM grp) = 6,
          'several thousand random outages over 400 groups and 6 windows');

-- the C aggregates
CREATE TEMP TABLE got AS
SELECT g, downtime(o, p) AS d, availability(o, p) AS a,
       downtime(o, p, w) AS dw, availability(o, p, w) AS aw,
       downtime(o, p, w, m) AS dm, availability(o, p, w, m) AS am,
       availability_agg(o, p, w, m) AS s
FROM ev_shuffled JOIN grp USING (g) GROUP BY g;

-- the plain-SQL reference, in microseconds
CREATE FUNCTION pg_temp.us(i interval) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT (extract(epoch FROM i) * 1000000)::bigint $$;
CREATE TEMP TABLE ref AS
SELECT g, merged, p, w, m,
       -- no window: wall-clock length of the merged, clipped outages
       (SELECT coalesce(sum(pg_temp.us(upper(r) - lower(r))), 0)::bigint FROM unnest(merged) r) AS down_us,
       pg_temp.us(upper(p) - lower(p)) AS open_us,
       -- window: open time of the same set
       pg_temp.us(sla_elapsed(w, merged)) AS down_w_us,
       pg_temp.us(sla_elapsed(w, tstzmultirange(p))) AS open_w_us,
       -- window and maintenance: the maintenance removed from both
       pg_temp.us(sla_elapsed(w, merged - m)) AS down_m_us,
       pg_temp.us(sla_elapsed(w, tstzmultirange(p) - m)) AS open_m_us
FROM (SELECT g, p, w, m, coalesce(range_agg(o * p), '{}') AS merged
      FROM ev JOIN grp USING (g) GROUP BY g, p, w, m) x;

CREATE FUNCTION pg_temp.share(open_us bigint, down_us bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN open_us > 0 THEN (open_us - down_us)::float8 / open_us END $$;

-- one assertion per property; diag shows the first mismatches
CREATE FUNCTION pg_temp.check(what text, bad_query text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
	n bigint;
	r record;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || bad_query || ') b' INTO n;
	RETURN NEXT is(n, 0::bigint, what);
	FOR r IN EXECUTE bad_query || ' LIMIT 10' LOOP
		RETURN NEXT diag(row_to_json(r)::text);
	END LOOP;
END
$f$;

SELECT pg_temp.check('every group is there: 400 results for 400 groups',
  $$SELECT g FROM grp WHERE g NOT IN (SELECT g FROM got) UNION ALL SELECT g FROM got WHERE g NOT IN (SELECT g FROM grp)$$);
SELECT pg_temp.check('downtime(o, p) = length of range_agg(o * p)',
  $$SELECT g, p, pg_temp.us(d) AS got, down_us AS want FROM got JOIN ref USING (g) WHERE pg_temp.us(d) <> down_us$$);
SELECT pg_temp.check('availability(o, p) = (period - downtime) / period',
  $$SELECT g, p, a AS got, pg_temp.share(open_us, down_us) AS want FROM got JOIN ref USING (g)
    WHERE a IS DISTINCT FROM pg_temp.share(open_us, down_us)$$);
SELECT pg_temp.check('downtime(o, p, w) = sla_elapsed(w, range_agg(o * p))',
  $$SELECT g, p, w, pg_temp.us(dw) AS got, down_w_us AS want FROM got JOIN ref USING (g) WHERE pg_temp.us(dw) <> down_w_us$$);
SELECT pg_temp.check('availability(o, p, w) = 1 - that / sla_elapsed(w, p) (NULL without open time)',
  $$SELECT g, p, w, aw AS got, pg_temp.share(open_w_us, down_w_us) AS want FROM got JOIN ref USING (g)
    WHERE aw IS DISTINCT FROM pg_temp.share(open_w_us, down_w_us)$$);
SELECT pg_temp.check('downtime(o, p, w, m) = sla_elapsed(w, range_agg(o * p) - m)',
  $$SELECT g, p, w, m, pg_temp.us(dm) AS got, down_m_us AS want FROM got JOIN ref USING (g) WHERE pg_temp.us(dm) <> down_m_us$$);
SELECT pg_temp.check('availability(o, p, w, m) = 1 - that / sla_elapsed(w, p - m)',
  $$SELECT g, p, w, m, am AS got, pg_temp.share(open_m_us, down_m_us) AS want FROM got JOIN ref USING (g)
    WHERE am IS DISTINCT FROM pg_temp.share(open_m_us, down_m_us)$$);
SELECT pg_temp.check('downtime_budget(t, p, w, m) = (1 - t) * sla_elapsed(w, p - m)',
  $$SELECT g, t, pg_temp.us(downtime_budget(t, p, w, m)) AS got, round((1 - t::numeric) * open_m_us) AS want
    FROM ref, unnest(ARRAY[0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999, 1]::float8[]) t
    WHERE pg_temp.us(downtime_budget(t, p, w, m)) <> round((1 - t::numeric) * open_m_us)$$);
SELECT pg_temp.check('error_budget_remaining(t, a, p, w, m) = budget - downtime implied by a',
  $$SELECT g, t, am, pg_temp.us(error_budget_remaining(t, am, p, w, m)) AS got,
           pg_temp.us(downtime_budget(t, p, w, m)) - round((1 - am) * open_m_us) AS want
    FROM got JOIN ref USING (g), unnest(ARRAY[0.99, 0.999]::float8[]) t
    WHERE am IS NOT NULL
      AND abs(pg_temp.us(error_budget_remaining(t, am, p, w, m)) - (pg_temp.us(downtime_budget(t, p, w, m)) - round((1 - am) * open_m_us))) > 1$$);

-- the state: text round trip, and merging parts of a group (combine) equals the whole
SELECT pg_temp.check('availability_state text round trip, bit for bit',
  $$SELECT g, s::text FROM got WHERE s::text::availability_state::text <> s::text
       OR availability_state_send(s::text::availability_state) <> availability_state_send(s)$$);
SELECT pg_temp.check('rollup of three random parts of each group = the whole group',
  $$SELECT g FROM (SELECT g, rollup(s) AS r
                   FROM (SELECT g, availability_agg(o, p, w, m) AS s
                         FROM (SELECT *, floor(random() * 3) AS part FROM ev) e JOIN grp USING (g)
                         GROUP BY g, part) parts
                   GROUP BY g) x JOIN got USING (g)
    WHERE r::text <> s::text OR availability(r) IS DISTINCT FROM am$$);

-- nines and burn_rate against their formulas on a grid
SELECT pg_temp.check('nines(a) = -log10(1 - a) and burn_rate(t, a) = (1 - a) / (1 - t)',
  $$SELECT t, a, nines(a), burn_rate(t, a)
    FROM unnest(ARRAY[0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999]::float8[]) t,
         unnest(ARRAY[0, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999, 0.999999]::float8[]) a
    WHERE abs(nines(a) - (-log(1 - a::numeric))) > 1e-12
       OR abs(burn_rate(t, a) - (1 - a::numeric) / (1 - t::numeric)) > 1e-14 * (1 - a::numeric) / (1 - t::numeric)$$);

SELECT * FROM finish();
ROLLBACK;
