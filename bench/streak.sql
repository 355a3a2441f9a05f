-- Benchmarks of the streak aggregates (issue 9, item 1).
--   1. miss_streak as a window over 1M periods in 10 000 sequences against the
--      gaps-and-islands SQL that gives the same per-row streaks (info, speed-up;
--      the 3x target is retired (issue 16): what matters is item 2, the floor)
--   2. the same window against count(met) over the same window, the floor of any
--      one-argument window aggregate (info: the ratio that matters, 1.09x when
--      issue 16 was filed; no target, the machine's noise is of that order)
--   3. linearity: 1M periods in 10 000 sequences of 100 against 250 000 in sequences of
--      25, per-row time (info): a window that re-scanned its frame would grow with the
--      length.  (Not 4M against 1M: a 4M-row table does not fit in the default 128MB of
--      shared_buffers, and the index scan alone then costs 1.6x per row.)
--   4. longest_miss_streak(met ORDER BY i) per sequence against the largest island of
--      the gaps-and-islands SQL (info, speed-up)
-- The periods are a scorecard table with its natural key (sequence, period) as the
-- primary key, stored in key order (as after CLUSTER) and read through it, so that no
-- query needs a full sort (as when the periods come out of a GROUP BY vendor, month).
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '64MB';
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT 10000 AS n_seq, (100 * :scale)::int AS len, (25 * :scale)::int AS len_q \gset
SELECT :n_seq * :len AS n_rows, :n_seq * :len_q AS n_rows_q \gset

-- a tenth of the periods without data, a third of the rest missed
SELECT setseed(0.2718);
DROP TABLE IF EXISTS bs, bs_q;
CREATE TABLE bs AS
SELECT p, i, CASE WHEN random() < 0.1 THEN NULL ELSE random() >= 0.3 END AS met
FROM generate_series(1, :n_seq) p, generate_series(1, :len) i
ORDER BY p, i;
ALTER TABLE bs ADD PRIMARY KEY (p, i);
CREATE TABLE bs_q AS
SELECT p, i, CASE WHEN random() < 0.1 THEN NULL ELSE random() >= 0.3 END AS met
FROM generate_series(1, :n_seq) p, generate_series(1, :len_q) i
ORDER BY p, i;
ALTER TABLE bs_q ADD PRIMARY KEY (p, i);
VACUUM ANALYZE bs;
VACUUM ANALYZE bs_q;
SELECT bench.settle() AS settled \gset

-- the streak ending at each period without the extension: the met periods so far number
-- the islands; the misses so far in a period's island are its streak (NULL: no data, counts
-- neither way)
\set islands 'SELECT p, i, count(*) FILTER (WHERE NOT met) OVER (PARTITION BY p, island ORDER BY i) AS streak FROM (SELECT p, i, met, count(*) FILTER (WHERE met) OVER (PARTITION BY p ORDER BY i) AS island FROM bs) s'

\echo
\echo == 1. miss_streak(met) OVER (PARTITION BY p ORDER BY i), :n_rows periods in :n_seq sequences, vs gaps and islands
SELECT bench.compare('streak', 'miss_streak window / gaps-and-islands SQL (speed-up)',
	$q$SELECT p, i, miss_streak(met) OVER (PARTITION BY p ORDER BY i) FROM bs$q$,
	:'islands',
	'info (speed-up)', :n_rows, :n_rows, 5) AS line \gset

\echo
\echo == 2. the same window against count(met) over the same window (the floor of a window aggregate)
SELECT bench.compare('streak', 'miss_streak window / count(met) window (floor)',
	$q$SELECT p, i, miss_streak(met) OVER (PARTITION BY p ORDER BY i) FROM bs$q$,
	$q$SELECT p, i, count(met) OVER (PARTITION BY p ORDER BY i) FROM bs$q$,
	'info', :n_rows, :n_rows, 5) AS line \gset

\echo
\echo == 3. linearity: :n_rows periods (sequences of :len) against :n_rows_q (sequences of :len_q), per row
SELECT bench.compare('streak', 'miss_streak window: 4x the rows in 4x longer sequences / 1x (per row)',
	$q$SELECT p, i, miss_streak(met) OVER (PARTITION BY p ORDER BY i) FROM bs$q$,
	$q$SELECT p, i, miss_streak(met) OVER (PARTITION BY p ORDER BY i) FROM bs_q$q$,
	'info', :n_rows, :n_rows_q, 5) AS line \gset

\echo
\echo == 4. longest_miss_streak(met ORDER BY i) per sequence vs the largest gaps-and-islands streak
SELECT bench.compare('streak', 'longest_miss_streak ordered aggregate / max over gaps-and-islands SQL (speed-up)',
	$q$SELECT p, longest_miss_streak(met ORDER BY i) FROM bs GROUP BY p$q$,
	format('SELECT p, max(streak) FROM (%s) t GROUP BY p', :'islands'),
	'info (speed-up)', :n_rows, :n_rows, 5) AS line \gset

SELECT metric, round(ratio::numeric, 2) AS ratio, target, met FROM bench_results WHERE bench = 'streak' ORDER BY seq;
DROP TABLE bs, bs_q;
