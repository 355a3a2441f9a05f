-- pgTAP: staffing aggregates against a plain-SQL reference on random rosters, and the
-- properties of staffing_state (order, parallel plans, rollup, round trips).
--
-- The reference is the sweep a user would write by hand: clip each shift to the period
-- (shift * period), turn it into +1 / -1 at its ends, sum the changes per instant, a running
-- sum gives the depth of each stretch between consecutive instants, and the stretches with
-- depth >= k are measured with sla_elapsed(w, a, b) (or b - a without a window).
--
-- Seeded (setseed), so reproducible; the session TimeZone is deliberately exotic because no
-- result may depend on it.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET LOCAL TimeZone = 'Pacific/Chatham';
SET LOCAL max_parallel_workers_per_gather = 0;

SELECT plan(16);

SELECT has_type('staffing_state');
SELECT is_aggregate('staffed', ARRAY['tstzrange', 'tstzrange', 'sla_window', 'integer']);
SELECT is_aggregate('understaffed', ARRAY['tstzrange', 'tstzrange', 'integer']);
SELECT function_returns('staffing_agg', ARRAY['tstzrange', 'tstzrange'], 'staffing_state');
SELECT throws_ok($$SELECT staffed(NULL::tstzrange, '[2026-01-01, 2026-02-01)', -1)$$, '22023');
SELECT throws_ok($$SELECT 'v1 periods={} depth={}'::staffing_state$$, '22P02');

-------------------------------------------------------------------------------------------------
-- random groups: a period (1 day to 5 weeks, often around a DST change), a window, a minimum
-- k from 0 to 4, and 0 to 60 shifts of 1 to 12 hours at whole minutes (so that shifts
-- touch and duplicate often), some of a second more or less, some across the period's ends,
-- some unbounded, empty or NULL
-------------------------------------------------------------------------------------------------
SELECT setseed(0.1212);
CREATE TEMP TABLE grp AS
SELECT g, tstzrange(lo, lo + len_h * interval '1 hour') AS p, w, k
FROM (SELECT g,
             (ARRAY['24x7', 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-03-27,2026-10-26',
                    'mon-sun 22:00-06:00 America/New_York', 'mon-sun 00:00-24:00 Europe/London',
                    'sat,sun 08:00-20:00 Australia/Lord_Howe'])[1 + floor(random() * 5)::int]::sla_window AS w,
             CASE WHEN random() < 0.5
                  THEN (ARRAY[timestamptz '2026-03-29 01:00+00', '2026-10-25 01:00+00', '2026-03-08 07:00+00',
                              '2026-11-01 06:00+00', '2026-04-05 15:00+00'])[1 + floor(random() * 5)::int]
                       - floor(random() * 48) * interval '1 hour'
                  ELSE timestamptz '2025-06-01 00:00+00' + floor(random() * 500 * 24) * interval '1 hour'
             END AS lo,
             (ARRAY[24, 48, 7 * 24, 35 * 24])[1 + floor(random() * 4)::int] AS len_h,
             floor(random() * 5)::int AS k
      FROM generate_series(1, 300) g) x;

CREATE TEMP TABLE sh AS
SELECT g, CASE WHEN kind < 0.02 THEN NULL
               WHEN kind < 0.04 THEN 'empty'::tstzrange
               WHEN kind < 0.05 THEN tstzrange(s, NULL)
               WHEN kind < 0.06 THEN tstzrange(NULL, s + len)
               WHEN kind < 0.10 THEN tstzrange(s, s + len + interval '1 second')
               ELSE tstzrange(s, s + len) END AS shift
FROM (SELECT grp.g, random() AS kind,
             lower(p) - interval '12 hours' + floor(random() * (extract(epoch FROM upper(p) - lower(p)) / 1800 + 48)) * interval '30 minutes' AS s,
             floor(1 + random() * 12) * interval '1 hour' AS len
      FROM grp, LATERAL generate_series(1, floor(random() * 61)::int + 0 * grp.g) n) x;
-- duplicates, and touching successors (an agent's next shift)
INSERT INTO sh SELECT g, shift FROM sh WHERE random() < 0.1;
INSERT INTO sh SELECT g, tstzrange(upper(shift), upper(shift) + interval '4 hours') FROM sh
WHERE shift IS NOT NULL AND NOT isempty(shift) AND NOT upper_inf(shift) AND random() < 0.1;
INSERT INTO sh SELECT g, NULL FROM grp WHERE g NOT IN (SELECT g FROM sh);
CREATE TEMP TABLE sh_shuffled AS SELECT * FROM sh ORDER BY random();

SELECT ok((SELECT count(*) FROM sh) > 8000, 'several thousand random shifts over 300 groups');

CREATE FUNCTION pg_temp.us(i interval) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT (extract(epoch FROM i) * 1000000)::bigint $$;

-- the reference sweep, per group: open and staffed time in microseconds, with and without w
CREATE TEMP TABLE ref AS
WITH ev AS (
  SELECT g, lower(c) AS t, 1 AS d FROM (SELECT g, shift * p AS c FROM sh JOIN grp USING (g)) x WHERE NOT isempty(c)
  UNION ALL
  SELECT g, upper(c), -1 FROM (SELECT g, shift * p AS c FROM sh JOIN grp USING (g)) x WHERE NOT isempty(c)),
pt AS (SELECT g, t, sum(d) AS d FROM ev GROUP BY g, t),
seg AS (SELECT g, t, lead(t) OVER (PARTITION BY g ORDER BY t) AS nt,
               sum(d) OVER (PARTITION BY g ORDER BY t) AS depth FROM pt)
SELECT grp.g,
       pg_temp.us(upper(p) - lower(p)) AS open_us,
       pg_temp.us(sla_elapsed(w, lower(p), upper(p))) AS open_w_us,
       coalesce((SELECT sum(pg_temp.us(nt - t)) FROM seg WHERE seg.g = grp.g AND depth >= grp.k AND nt IS NOT NULL), 0)::bigint AS staffed_us,
       coalesce((SELECT sum(pg_temp.us(sla_elapsed(grp.w, t, nt))) FROM seg WHERE seg.g = grp.g AND depth >= grp.k AND nt IS NOT NULL), 0)::bigint AS staffed_w_us,
       coalesce((SELECT sum(pg_temp.us(nt - t)) FROM seg WHERE seg.g = grp.g AND depth >= 2 AND nt IS NOT NULL), 0)::bigint AS backup_us
FROM grp;

CREATE TEMP TABLE got AS
SELECT g, staffed(shift, p, k) AS a, understaffed(shift, p, k) AS u,
       staffed(shift, p, w, k) AS aw, understaffed(shift, p, w, k) AS uw,
       staffing_agg(shift, p) AS s
FROM sh_shuffled JOIN grp USING (g) GROUP BY g;

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

SELECT pg_temp.check('staffed(shift, p, k) and understaffed(...) = the plain-SQL sweep (k = 0 .. 4)',
  $$SELECT g, k, a, u, staffed_us, open_us FROM got JOIN ref USING (g) JOIN grp USING (g)
    WHERE (k = 0 AND a <> 1) OR (k > 0 AND a IS DISTINCT FROM staffed_us::float8 / open_us)
       OR (k > 0 AND pg_temp.us(u) <> open_us - staffed_us) OR (k = 0 AND pg_temp.us(u) <> 0)$$);
SELECT pg_temp.check('staffed(shift, p, w, k) and understaffed(...) in coverage hours = the sweep with sla_elapsed',
  $$SELECT g, k, w, aw, uw, staffed_w_us, open_w_us FROM got JOIN ref USING (g) JOIN grp USING (g)
    WHERE aw IS DISTINCT FROM CASE WHEN open_w_us = 0 THEN NULL WHEN k = 0 THEN 1 ELSE staffed_w_us::float8 / open_w_us END
       OR pg_temp.us(uw) <> CASE WHEN k = 0 THEN 0 ELSE open_w_us - staffed_w_us END$$);
SELECT pg_temp.check('staffing_agg accessors: staffed(s, 2) = the backup coverage of the sweep, staffed(s, w, k) = the one-step form',
  $$SELECT g FROM got JOIN ref USING (g) JOIN grp USING (g)
    WHERE staffed(s, 2) IS DISTINCT FROM backup_us::float8 / open_us
       OR staffed(s, w, k) IS DISTINCT FROM aw OR understaffed(s, w, k) <> uw$$);
SELECT pg_temp.check('shuffled input gives the same states as input in time order',
  $$SELECT g FROM got JOIN (SELECT g, staffing_agg(shift, p ORDER BY lower(shift), upper(shift)) AS s2
                            FROM sh JOIN grp USING (g) GROUP BY g) o USING (g)
    WHERE s::text <> s2::text$$);
SELECT pg_temp.check('text and binary round trips, bit for bit',
  $$SELECT g FROM got WHERE s::text::staffing_state::text <> s::text
       OR staffing_state_send(s::text::staffing_state) <> staffing_state_send(s)$$);
SELECT pg_temp.check('rollup of three random shards of each group = the whole group',
  $$SELECT g FROM (SELECT g, rollup(s) AS r
                   FROM (SELECT g, staffing_agg(shift, p) AS s
                         FROM (SELECT *, floor(random() * 3) AS part FROM sh) e JOIN grp USING (g)
                         GROUP BY g, part) parts GROUP BY g) x JOIN got USING (g)
    WHERE r::text <> s::text$$);

-- rollup of days = the month: one roster for March 2026 in Berlin (the spring change), a
-- state per local day, against the month in one go
CREATE TEMP TABLE march AS
SELECT tstzrange(s, s + floor(2 + random() * 10) * interval '1 hour') AS shift
FROM (SELECT timestamptz '2026-03-01 00:00+01' + floor(random() * 31 * 48) * interval '30 minutes' AS s
      FROM generate_series(1, 600)) x;
SELECT pg_temp.check('rollup of daily states = the month (staffed k = 1, 2, 3 in Berlin business hours)',
  $$SELECT k FROM (SELECT rollup(s) AS r
                   FROM (SELECT d, staffing_agg(m.shift, tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin',
                                                                   (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')) AS s
                         FROM (SELECT x::date AS d FROM generate_series(timestamp '2026-03-01', '2026-03-31', '1 day') x) days
                         LEFT JOIN march m ON m.shift && tstzrange(d::timestamp AT TIME ZONE 'Europe/Berlin',
                                                                   (d + 1)::timestamp AT TIME ZONE 'Europe/Berlin')
                         GROUP BY d) x) r,
                  (SELECT staffing_agg(shift, tstzrange('2026-03-01 00:00+01', '2026-04-01 00:00+02')) AS m FROM march) m,
                  generate_series(1, 3) k
    WHERE staffed(r, 'mon-fri 08:00-18:00 Europe/Berlin', k) IS DISTINCT FROM staffed(m, 'mon-fri 08:00-18:00 Europe/Berlin', k)
       OR understaffed(r, k) <> understaffed(m, k)$$);

-- serial against forced-parallel plans
CREATE TEMP TABLE serial AS
SELECT g, staffed(shift, p, w, k) AS aw, understaffed(shift, p, k) AS u, staffing_agg(shift, p)::text AS s
FROM sh JOIN grp USING (g) GROUP BY g;
-- (temp tables are not read by parallel workers: a real one, dropped by the ROLLBACK)
CREATE TABLE staffing_par AS SELECT sh.g, shift, p, w, k FROM sh JOIN grp USING (g);
ANALYZE staffing_par;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
CREATE FUNCTION pg_temp.plan_has_partial() RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
	l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT g, staffed(shift, p, w, k), understaffed(shift, p, k), staffing_agg(shift, p) FROM staffing_par GROUP BY g' LOOP
		IF l LIKE '%Partial%Aggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END
$f$;
SELECT ok(pg_temp.plan_has_partial(), 'forced parallel: the plan has a Partial Aggregate');
SELECT pg_temp.check('forced-parallel results = serial results',
  $$SELECT g FROM (SELECT g, staffed(shift, p, w, k) AS aw, understaffed(shift, p, k) AS u, staffing_agg(shift, p)::text AS s
                   FROM staffing_par GROUP BY g) par
    FULL JOIN serial USING (g)
    WHERE par.aw IS DISTINCT FROM serial.aw OR par.u IS DISTINCT FROM serial.u OR par.s IS DISTINCT FROM serial.s$$);

SELECT * FROM finish();
ROLLBACK;
