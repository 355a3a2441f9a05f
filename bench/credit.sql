-- Benchmarks of service credits (issue 9).
--   1. sla_credit over 1 000 000 rows whose schedule comes from a column (rows
--      joined to a contracts table), against the floor that reads the same
--      columns (sum(attainment + misses + streak)): target <= 2
--   2. the same with the schedule re-parsed on every row (a text column cast to
--      credit_schedule per row): what the per-call-site cache saves (info)
--   3. the double precision overload (availability() results) against the floor (info)
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT (1000000 * :scale)::int AS n_rows \gset

\echo
\echo == service credits: :n_rows service-level periods over 40 contracts
SELECT setseed(0.19);
SET client_min_messages = warning;
DROP TABLE IF EXISTS bc_contracts, bc_rows;
SET client_min_messages = notice;
-- 40 contracts with different schedules: AWS-like bands, chronic rules, ladders, at-risk pools
CREATE TABLE bc_contracts AS
SELECT c AS contract_id,
       s::credit_schedule AS credits,
       s AS credits_text
FROM (SELECT c, CASE c % 4
         WHEN 0 THEN format('below %s%%: 10%%, below 99%%: 30%%, below 95%%: 100%%; cap 100%%', 99.9 + (c % 10) / 100.0)
         WHEN 1 THEN format('below 99.99%%: 10%%, below 99%%: 30%%, below 95%%: 100%%; per miss 2%%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap %s%%', 20 + c)
         WHEN 2 THEN format('below %s%%; per miss; chronic after 2 in a row or 3 of 12 +5%%; at risk 12%% allocation %s%%', 95 + c % 5, 10 * (1 + c % 9))
         ELSE format('below 99.5%%: 5%%, below 98%%: %s%%, below 90%%: 50%%; per miss 1%%; cap 50%%', 10 + c % 7) END AS s
      FROM generate_series(1, 40) c) x;
CREATE TABLE bc_rows AS
SELECT i AS id, 1 + (random() * 39.999)::int AS contract_id,
       round((1 - random() ^ 4 * 0.08)::numeric, 6) AS attainment,
       (random() ^ 3 * 4)::int AS misses,
       (random() ^ 2 * 7)::int AS streak
FROM generate_series(1, :n_rows) i;
VACUUM ANALYZE bc_contracts;
VACUUM ANALYZE bc_rows;
SELECT bench.settle() AS settled \gset

\echo
\echo == 1. sum(sla_credit(c.credits, ...)) over the join vs the floor sum(attainment + misses + streak) over the same join
SELECT bench.compare('credit', 'sla_credit, schedule from a joined column / sum(attainment + misses + streak)',
	$q$SELECT sum(sla_credit(c.credits, r.attainment, r.misses, r.streak)) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	$q$SELECT sum(r.attainment + r.misses + r.streak), count(c.credits) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	'<= 2', :n_rows, :n_rows, 3) AS line \gset

\echo
\echo == 2. the schedule re-parsed on every row (text column cast per row) vs the cached one
SELECT bench.compare('credit', 're-parsed per row / cached per call site',
	$q$SELECT sum(sla_credit(c.credits_text::credit_schedule, r.attainment, r.misses, r.streak)) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	$q$SELECT sum(sla_credit(c.credits, r.attainment, r.misses, r.streak)) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	'info', :n_rows, :n_rows, 3) AS line \gset

\echo
\echo == 3. double precision attainment (as availability() returns it) vs the same floor
SELECT bench.compare('credit', 'sla_credit of a double / sum(attainment + misses + streak)',
	$q$SELECT sum(sla_credit(c.credits, r.attainment::float8, r.misses, r.streak)) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	$q$SELECT sum(r.attainment + r.misses + r.streak), count(c.credits) FROM bc_rows r JOIN bc_contracts c USING (contract_id)$q$,
	'info', :n_rows, :n_rows, 3) AS line \gset

DROP TABLE bc_contracts, bc_rows;
