-- Benchmarks of charge() (issue 10, pricing).
--   1. graduated tiers, 1M rows, against the same tiers written as a plain SQL
--      numeric expression: target <= 2.0
--   2. three contracts' graduated schedules alternating row by row through a
--      join (the per-call-site cache keeps all three parsed) against the same
--      rows sorted by contract (each schedule in one run): target <= 1.3;
--      parsing the schedule again on every row would be several times slower
--   3. graduated tiers with a minimum charge (issue 20) against the same tiers
--      without it: what the floor costs (one comparison a row): target <= 1.1.
--      Both sides agree with a plain SQL expression before they are timed.
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT (1000000 * :scale)::int AS n_rows \gset

\echo
\echo == pricing: :n_rows monthly volumes
SELECT setseed(0.31);
DROP TABLE IF EXISTS bp, bp_sorted, bp_contracts;
CREATE TABLE bp_contracts (vendor int PRIMARY KEY, pricing price_schedule);
INSERT INTO bp_contracts VALUES
  (1, 'graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00'),
  (2, 'graduated 0-800: 6.00, 800-4000: 4.50, 4000+: 2.75'),
  (3, 'graduated 0-1200: 5.50, 1200-6000: 3.80, 6000+: 3.10');
CREATE TABLE bp AS
SELECT i AS id, 1 + i % 3 AS vendor, round((random() * 8000)::numeric, (i % 3)) AS units
FROM generate_series(1, :n_rows) i;
CREATE TABLE bp_sorted AS SELECT * FROM bp ORDER BY vendor, id;
VACUUM ANALYZE bp, bp_sorted, bp_contracts;
SELECT bench.settle() AS settled \gset

-- the two sides agree before they are timed
SELECT count(*) AS disagreements FROM bp
WHERE charge('graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', units)
   <> round(least(units, 1000) * 5.00 + greatest(least(units, 5000) - 1000, 0) * 4.00
            + greatest(units - 5000, 0) * 3.00, 2) \gset
\if :disagreements
\echo charge and the plain SQL expression disagree on :disagreements rows
SELECT 1/0;
\endif

SELECT count(*) AS disagreements_floor FROM bp
WHERE charge('graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00', units)
   <> round(greatest(least(units, 500) * 9.00 + greatest(units - 500, 0) * 7.50, 5000.00), 2) \gset
\if :disagreements_floor
\echo charge with a minimum charge and the plain SQL expression disagree on :disagreements_floor rows
SELECT 1/0;
\endif

\echo
\echo == 1. graduated tiers: charge() vs the same tiers as a plain SQL expression
SELECT bench.compare('price', 'charge graduated / plain SQL expression',
	$q$SELECT sum(charge('graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00', units)) FROM bp$q$,
	$q$SELECT sum(round(least(units, 1000) * 5.00 + greatest(least(units, 5000) - 1000, 0) * 4.00
	                    + greatest(units - 5000, 0) * 3.00, 2)) FROM bp$q$,
	'<= 2.0', :n_rows, :n_rows, 3) AS line \gset

\echo
\echo == 2. three schedules alternating row by row through a join vs the rows sorted by contract
SELECT bench.compare('price', 'charge, 3 schedules alternating per row / sorted by schedule',
	$q$SELECT sum(charge(c.pricing, b.units)) FROM bp b JOIN bp_contracts c USING (vendor)$q$,
	$q$SELECT sum(charge(c.pricing, b.units)) FROM bp_sorted b JOIN bp_contracts c USING (vendor)$q$,
	'<= 1.3', :n_rows, :n_rows, 5) AS line \gset

\echo
\echo == 3. graduated tiers with a minimum charge vs the same tiers without it
SELECT bench.compare('price', 'charge graduated + minimum charge / the same tiers without it',
	$q$SELECT sum(charge('graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00', units)) FROM bp$q$,
	$q$SELECT sum(charge('graduated per ticket 0-500: 9.00, 500+: 7.50', units)) FROM bp$q$,
	'<= 1.1', :n_rows, :n_rows, 3) AS line \gset

DROP TABLE bp, bp_sorted, bp_contracts;
