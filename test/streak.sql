-- pgTAP: miss_streak and longest_miss_streak against gaps-and-islands references in plain SQL
-- on random sequences of met / missed / no data, as window functions and as ordered
-- aggregates; and the same answer when parallel plans are forced (the aggregates have no
-- combine function, so the planner must never split them).
--
-- The references are what a user writes without the extension:
--   streak at a row: the met rows so far number the islands
--       (count(*) FILTER (WHERE met) OVER (PARTITION BY p ORDER BY i));
--     the misses so far in the row's island are its streak;
--   longest: the classic islands of the rows with data, row_number() over the partition
--     minus row_number() over (partition, met): the largest island of misses;
--   trailing: the misses after the last met row.
-- One assertion per property over the whole batch, up to 10 mismatches printed as diagnostics.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET LOCAL max_parallel_workers_per_gather = 0;          -- keep random() draws in one order

SELECT plan(20);

-- catalog
SELECT is_aggregate('miss_streak', ARRAY['boolean']);
SELECT is_aggregate('longest_miss_streak', ARRAY['boolean']);
SELECT function_returns('miss_streak', ARRAY['boolean'], 'integer');
SELECT function_returns('longest_miss_streak', ARRAY['boolean'], 'integer');
SELECT is((SELECT count(*) FROM pg_aggregate
           WHERE aggfnoid IN ('miss_streak'::regproc, 'longest_miss_streak'::regproc)
             AND aggcombinefn = 0 AND aggfinalmodify = 'r'),
          2::bigint, 'no combine function (order-dependent state); final function read-only');

-- errors
SELECT throws_ok($$SELECT miss_streak_trans(2147483647, false)$$, '22003');
SELECT throws_ok($$SELECT longest_miss_streak_trans((2147483647::bigint << 32) | 2147483647, false)$$, '22003');
SELECT throws_ok($$SELECT longest_miss_streak_final(5)$$, '22023');

-------------------------------------------------------------------------------------------------
-- 2 000 random sequences of 1 to 40 periods; per sequence a miss rate (from rare to almost
-- always, for long runs) and a rate of periods without data (none, some, many, all)
-------------------------------------------------------------------------------------------------
SELECT setseed(0.3141);
CREATE TEMP TABLE sp AS
SELECT p, 1 + floor(random() * 40)::int AS n,
       (ARRAY[0.1, 0.4, 0.7, 0.95])[1 + floor(random() * 4)::int] AS miss_rate,
       (ARRAY[0, 0.1, 0.4, 1])[1 + floor(random() * 4)::int] AS null_rate
FROM generate_series(1, 2000) p;
CREATE TEMP TABLE seq AS
SELECT p, i, CASE WHEN random() < null_rate THEN NULL ELSE random() >= miss_rate END AS met
FROM sp, LATERAL generate_series(1, n) i;
-- shuffle the physical order: the window and the aggregate must sort
CREATE TEMP TABLE seq_shuffled AS SELECT * FROM seq ORDER BY random();

SELECT ok((SELECT count(*) FROM seq) > 30000
          AND (SELECT count(*) FROM sp WHERE null_rate = 1) > 100
          AND (SELECT max(l) FROM (SELECT longest_miss_streak(met ORDER BY i) AS l FROM seq GROUP BY p) x) >= 15,
          'tens of thousands of periods in 2000 sequences, some all NULL, some long runs');

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

-- references
CREATE TEMP TABLE ref_row AS
SELECT p, i, met, streak, max(streak) OVER (PARTITION BY p ORDER BY i) AS longest
FROM (SELECT p, i, met, count(*) FILTER (WHERE NOT met) OVER (PARTITION BY p, island ORDER BY i) AS streak
      FROM (SELECT p, i, met, count(*) FILTER (WHERE met) OVER (PARTITION BY p ORDER BY i) AS island
            FROM seq) s) t;
CREATE TEMP TABLE ref_seq AS
SELECT sp.p, coalesce(tr.trailing, 0) AS trailing, coalesce(isl.longest, 0) AS longest
FROM sp
LEFT JOIN (SELECT p, count(*) FILTER (WHERE NOT met AND i > coalesce(last_met, 0)) AS trailing
           FROM (SELECT p, i, met, max(i) FILTER (WHERE met) OVER (PARTITION BY p) AS last_met FROM seq) x
           GROUP BY p) tr USING (p)
LEFT JOIN (SELECT p, max(len) AS longest
           FROM (SELECT p, island, count(*) AS len
                 FROM (SELECT p, met,
                              row_number() OVER (PARTITION BY p ORDER BY i)
                                - row_number() OVER (PARTITION BY p, met ORDER BY i) AS island
                       FROM seq WHERE met IS NOT NULL) x
                 WHERE NOT met GROUP BY p, island) y
           GROUP BY p) isl USING (p);

-- window form
CREATE TEMP TABLE got_row AS
SELECT p, i, miss_streak(met) OVER w AS streak, longest_miss_streak(met) OVER w AS longest
FROM seq_shuffled WINDOW w AS (PARTITION BY p ORDER BY i);

SELECT pg_temp.check('window: a result for every row',
  $$SELECT p, i FROM seq EXCEPT SELECT p, i FROM got_row$$);
SELECT pg_temp.check('window: miss_streak(met) OVER (PARTITION BY p ORDER BY i) = misses in the row''s island',
  $$SELECT p, i, met, g.streak AS got, r.streak AS want FROM got_row g JOIN ref_row r USING (p, i)
    WHERE g.streak <> r.streak$$);
SELECT pg_temp.check('window: longest_miss_streak(met) OVER (...) = running max of that',
  $$SELECT p, i, met, g.longest AS got, r.longest AS want FROM got_row g JOIN ref_row r USING (p, i)
    WHERE g.longest <> r.longest$$);

-- ordered aggregate
CREATE TEMP TABLE got_seq AS
SELECT p, miss_streak(met ORDER BY i) AS trailing, longest_miss_streak(met ORDER BY i) AS longest
FROM seq_shuffled GROUP BY p;

SELECT pg_temp.check('aggregate: a result for every sequence',
  $$SELECT p FROM sp EXCEPT SELECT p FROM got_seq$$);
SELECT pg_temp.check('aggregate: miss_streak(met ORDER BY i) = misses after the last met period',
  $$SELECT p, g.trailing AS got, r.trailing AS want FROM got_seq g JOIN ref_seq r USING (p)
    WHERE g.trailing <> r.trailing$$);
SELECT pg_temp.check('aggregate: longest_miss_streak(met ORDER BY i) = largest island of misses (row_number difference)',
  $$SELECT p, g.longest AS got, r.longest AS want FROM got_seq g JOIN ref_seq r USING (p)
    WHERE g.longest <> r.longest$$);
SELECT pg_temp.check('the window at the last row = the ordered aggregate',
  $$SELECT p FROM got_seq s JOIN got_row w USING (p) JOIN sp USING (p)
    WHERE w.i = sp.n AND (w.streak, w.longest) <> (s.trailing, s.longest)$$);

-------------------------------------------------------------------------------------------------
-- parallel plans forced: the aggregates have no combine function, so the planner never runs
-- them as Partial Aggregates; the rows may come from parallel workers, the result is the same
-- (a plain table: temporary ones are never read by parallel workers)
-------------------------------------------------------------------------------------------------
CREATE TABLE streak_par AS SELECT * FROM seq_shuffled;
ANALYZE streak_par;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;          -- the workers must read some rows
DO $$ BEGIN
	PERFORM set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
	                        THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', true);
END $$;

CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	r text;
	s text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		s := s || r || E'\n';
	END LOOP;
	RETURN s;
END
$f$;

SELECT ok(pg_temp.plan($$SELECT p, miss_streak(met ORDER BY i), longest_miss_streak(met ORDER BY i) FROM streak_par GROUP BY p$$)
            ~ 'Gather'
          AND pg_temp.plan($$SELECT p, miss_streak(met ORDER BY i), longest_miss_streak(met ORDER BY i) FROM streak_par GROUP BY p$$)
            !~ 'Partial',
          'GROUP BY with parallel forced: rows gathered from workers, no Partial Aggregate');
SELECT ok(pg_temp.plan($$SELECT p, miss_streak(met), longest_miss_streak(met) FROM (SELECT * FROM streak_par ORDER BY p, i) s GROUP BY p$$)
            !~ 'Partial'
          AND pg_temp.plan($$SELECT p, count(*) FROM streak_par GROUP BY p$$) ~ 'Partial',
          'no Partial Aggregate either without ORDER BY in the call (count(*) on the same rows: one)');
SELECT pg_temp.check('GROUP BY with parallel forced = serial',
  $$SELECT p FROM (SELECT p, miss_streak(met ORDER BY i) AS trailing, longest_miss_streak(met ORDER BY i) AS longest
                   FROM streak_par GROUP BY p) x JOIN got_seq g USING (p)
    WHERE (x.trailing, x.longest) <> (g.trailing, g.longest)$$);
SELECT pg_temp.check('window with parallel forced = serial',
  $$SELECT p, i FROM (SELECT p, i, miss_streak(met) OVER w AS streak, longest_miss_streak(met) OVER w AS longest
                      FROM streak_par WINDOW w AS (PARTITION BY p ORDER BY i)) x JOIN got_row g USING (p, i)
    WHERE (x.streak, x.longest) <> (g.streak, g.longest)$$);

SELECT * FROM finish();
ROLLBACK;
