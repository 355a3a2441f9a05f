-- miss_streak and longest_miss_streak: consecutive missed periods.
-- Every expected value below is worked by hand in the comments.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- one row per vendor and period; met NULL: no data that period
CREATE TEMP TABLE r (vendor text, i int, met boolean);
INSERT INTO r VALUES
	-- a: NULL before anything, a met, a run of 3 misses with a gap of no data
	--    inside it, a NULL after a met, then a trailing run of 2
	('a', 1, NULL), ('a', 2, true), ('a', 3, false), ('a', 4, false), ('a', 5, NULL),
	('a', 6, false), ('a', 7, true), ('a', 8, NULL), ('a', 9, false), ('a', 10, false),
	-- b: always met
	('b', 1, true), ('b', 2, true), ('b', 3, true),
	-- c: no data at all
	('c', 1, NULL), ('c', 2, NULL),
	-- d: two runs of the same length (the tie does not matter to the longest)
	('d', 1, false), ('d', 2, false), ('d', 3, true), ('d', 4, false), ('d', 5, false),
	-- e: one missed period
	('e', 1, false);

--
-- window form: the streak ending at each row, and the longest so far
--
-- a:  i      1  2  3  4  5  6  7  8  9 10
--     met    -  t  f  f  -  f  t  -  f  f
--     streak 0  0  1  2  2  3  0  0  1  2
--     longest0  0  1  2  2  3  3  3  3  3
-- b:  0 0 0 / 0 0 0;  c: 0 0 / 0 0;  d: 1 2 0 1 2 / 1 2 2 2 2;  e: 1 / 1
SELECT vendor, i, met,
       miss_streak(met) OVER w AS streak,
       longest_miss_streak(met) OVER w AS longest
FROM r
WINDOW w AS (PARTITION BY vendor ORDER BY i)
ORDER BY vendor, i;

-- with a frame of the last 3 rows the aggregate restarts per row (a):
--   1 {-}: 0   2 {-,t}: 0   3 {-,t,f}: 1   4 {t,f,f}: 2   5 {f,f,-}: 2
--   6 {f,-,f}: 2   7 {-,f,t}: 0   8 {f,t,-}: 0   9 {t,-,f}: 1   10 {-,f,f}: 2
SELECT i, met,
       miss_streak(met) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS streak_in_last_3_rows
FROM r WHERE vendor = 'a'
ORDER BY i;

--
-- ordered aggregate: the trailing streak and the longest run per vendor
--
-- a: 2, 3;  b: 0, 0;  c: 0, 0 (all NULL);  d: 2, 2;  e: 1, 1
SELECT vendor, miss_streak(met ORDER BY i) AS trailing, longest_miss_streak(met ORDER BY i) AS longest
FROM r GROUP BY vendor ORDER BY vendor;

-- the order is the one the aggregate is given: backwards, a reads
-- "f f - t f - f f t -" and ends with "t -", so its trailing streak is 0;
-- its longest run is still 3 (f - f f)
SELECT miss_streak(met ORDER BY i DESC) AS trailing_backwards,
       longest_miss_streak(met ORDER BY i DESC) AS longest_backwards
FROM r WHERE vendor = 'a';

-- the rows of a shuffled, ordered by the aggregate: 2, 3 as above
SELECT miss_streak(met ORDER BY i) AS trailing, longest_miss_streak(met ORDER BY i) AS longest
FROM (SELECT * FROM r WHERE vendor = 'a' ORDER BY md5(i::text)) s;

-- no rows: 0 and 0 (a scorecard reads 0, not NULL)
SELECT miss_streak(met) AS trailing, longest_miss_streak(met) AS longest FROM r WHERE false;
-- no rows with GROUP BY: no groups
SELECT vendor, miss_streak(met) FROM r WHERE false GROUP BY vendor;
-- all NULL: 0 and 0
SELECT miss_streak(met), longest_miss_streak(met) FROM (VALUES (NULL::boolean), (NULL)) v(met);

--
-- "K of the last N": 2026-01 to 2026-08 for x with no row for 2026-04, and y
-- with a row every month.  The months come from generate_series, left-joined
-- to the data, so the frame of the last 3 rows is the last 3 months; a month
-- without a row counts as no miss (and does not break the streak either).
--
-- x   month   01 02 03 04 05 06 07 08
--     met      f  f  t  -  f  f  t  f
--     misses in the last 3 months:
--              1  2  2  1  1  2  2  2
--        (04: 02 f, 03 t, 04 -; 05: 03 t, 04 -, 05 f; 06: 04 -, 05 f, 06 f)
--     streak   1  2  0  0  1  2  0  1
-- y   met      t  f  f  f  t  f  f  f
--     misses   0  1  2  3  2  2  2  3
--     streak   0  1  2  3  0  1  2  3
CREATE TEMP TABLE monthly (vendor text, month date, met boolean);
INSERT INTO monthly VALUES
	('x', '2026-01-01', false), ('x', '2026-02-01', false), ('x', '2026-03-01', true),
	('x', '2026-05-01', false), ('x', '2026-06-01', false), ('x', '2026-07-01', true),
	('x', '2026-08-01', false),
	('y', '2026-01-01', true), ('y', '2026-02-01', false), ('y', '2026-03-01', false),
	('y', '2026-04-01', false), ('y', '2026-05-01', true), ('y', '2026-06-01', false),
	('y', '2026-07-01', false), ('y', '2026-08-01', false);

SELECT v.vendor, m.month::date, d.met,
       count(*) FILTER (WHERE NOT d.met) OVER last3 AS misses_of_last_3,
       count(*) FILTER (WHERE NOT d.met) OVER last3 >= 2 AS two_of_three,
       miss_streak(d.met) OVER (PARTITION BY v.vendor ORDER BY m.month) AS streak
FROM (SELECT DISTINCT vendor FROM monthly) v
CROSS JOIN generate_series(date '2026-01-01', date '2026-08-01', interval '1 month') m(month)
LEFT JOIN monthly d ON d.vendor = v.vendor AND d.month = m.month
WINDOW last3 AS (PARTITION BY v.vendor ORDER BY m.month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY v.vendor, m.month;

-- why the series: over the rows alone the last 3 rows of x at 2026-05 reach back
-- to 2026-02 (02 f, 03 t, 05 f: 2 instead of 1).  A RANGE frame of 2 months on
-- the rows alone counts right (1), but only gives a figure for months that have a row.
SELECT month, met,
       count(*) FILTER (WHERE NOT met) OVER (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rows_wrong,
       count(*) FILTER (WHERE NOT met) OVER (ORDER BY month RANGE BETWEEN interval '2 months' PRECEDING AND CURRENT ROW) AS range_right
FROM monthly WHERE vendor = 'x' ORDER BY month;

--
-- semantic errors: states the aggregates never build (support functions called by hand)
--
SELECT miss_streak_trans(-1, true);
SELECT longest_miss_streak_final(-1);
-- current 3 > longest 0
SELECT longest_miss_streak_final(3);
-- these are fine: longest 7 current 2; longest 5 current 3, one more miss
SELECT longest_miss_streak_final((7::bigint << 32) | 2);
SELECT longest_miss_streak_trans((5::bigint << 32) | 3, false) = ((5::bigint << 32) | 4) AS one_more;
SELECT longest_miss_streak_trans((5::bigint << 32) | 3, true) = (5::bigint << 32) AS reset;

--
-- out of range: a streak of 2^31 missed periods is an error, not a wrap
--
SELECT miss_streak_trans(2147483647, false);
SELECT miss_streak_trans(2147483647, true);
SELECT longest_miss_streak_trans((2147483647::bigint << 32) | 2147483647, false);
SELECT longest_miss_streak_final(longest_miss_streak_trans((2147483647::bigint << 32) | 2147483647, true));

-- the catalog: no combine function, the final function leaves the state alone
SELECT aggfnoid::regprocedure, aggcombinefn, aggfinalmodify, agginitval, aggtranstype::regtype
FROM pg_aggregate WHERE aggfnoid IN ('miss_streak'::regproc, 'longest_miss_streak'::regproc)
ORDER BY aggfnoid::regprocedure::text;
