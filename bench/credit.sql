-- Benchmarks of service credits (issue 9).
--   1. sla_credit over 1 000 000 rows whose schedule comes from a column (rows
--      joined to a contracts table), against the floor that reads the same
--      columns (sum(attainment + misses + streak)): target <= 2
--   2. the same with the schedule re-parsed on every row (a text column cast to
--      credit_schedule per row): what the per-call-site cache saves (info)
--   3. the double precision overload (availability() results) against the floor (info)
--   4. (issue 16) sla_credit with the terms of 0.3.0 (chronic cap, period and
--      annual caps, partial earn-back against a target: version-2 values)
--      against the same floor: target <= 1.3
--   5. (issue 16) a yearly statement over 1 000 contracts x 20 service levels x
--      36 months (720 000 rows): each service level's credit with its streak,
--      the period cap per contract and month, the annual cap over each contract
--      year, against the same query shape without the extension's functions
--      (count(met) as the streak, plain sums and least()): time reported (info)
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

\echo
\echo == 4. sla_credit with chronic cap, period cap, annual cap and partial earn-back vs the same floor
CREATE TABLE bc_contracts2 AS
SELECT c AS contract_id,
       format('below %s%%: 10%%, below 99%%: 30%%, below 95%%: 100%%; per miss 2%%; chronic after 3 in a row or 4 of 12 x2; earn back 50%% after 3 at 99.995%%; cap %s%%; chronic cap %s%%; period cap 15%%; annual cap 8%%',
              99.9 + (c % 10) / 100.0, 10 + c % 5, 20 + c % 10)::credit_schedule AS credits
FROM generate_series(1, 40) c;
VACUUM ANALYZE bc_contracts2;
SELECT bench.compare('credit', 'sla_credit, version-2 schedules (chronic cap, period/annual cap, earn-back) / sum(attainment + misses + streak)',
	$q$SELECT sum(sla_credit(c.credits, r.attainment, r.misses, r.streak)) FROM bc_rows r JOIN bc_contracts2 c USING (contract_id)$q$,
	$q$SELECT sum(r.attainment + r.misses + r.streak), count(c.credits) FROM bc_rows r JOIN bc_contracts2 c USING (contract_id)$q$,
	'<= 1.3', :n_rows, :n_rows, 3) AS line \gset

DROP TABLE bc_contracts, bc_contracts2, bc_rows;

\echo
\echo == 5. a yearly statement: 1 000 contracts x 20 service levels x 36 months, period and annual caps
SELECT (1000 * :scale)::int AS n_contracts \gset
SET client_min_messages = warning;
DROP TABLE IF EXISTS by_sla, by_rows;
SET client_min_messages = notice;
-- each contract's 20 service levels take one of 10 schedule families (200 distinct schedules)
CREATE TABLE by_sla AS
SELECT c AS contract_id, l AS sla,
       format('below %s%%: %s%%, below 98%%: 20%%; per miss 1%%; chronic after 3 in a row x1.5; cap 12%%; chronic cap 18%%; period cap 15%%; annual cap %s%%',
              99 + (l % 10) / 10.0, 2 + l % 5, 5 + c % 10)::credit_schedule AS credits,
       (0.99 + (l % 10) / 1000.0)::numeric AS target
FROM generate_series(1, :n_contracts) c, generate_series(1, 20) l;
CREATE TABLE by_rows AS
SELECT c AS contract_id, l AS sla, (date '2024-01-01' + make_interval(months => m))::date AS month,
       (9000 + (c % 7) * 1000)::numeric(12, 2) AS fee, a AS attainment, a >= (0.99 + (l % 10) / 1000.0) AS met,
       (random() ^ 6 * 3)::int AS misses
FROM generate_series(1, :n_contracts) c, generate_series(1, 20) l, generate_series(0, 35) m,
     LATERAL (SELECT round((1 - random() ^ 3 * 0.03)::numeric, 5) + 0 * c AS a) x;
VACUUM ANALYZE by_sla;
VACUUM ANALYZE by_rows;
SELECT count(*) AS statement_rows FROM by_rows \gset
SELECT bench.settle() AS settled \gset
SELECT bench.compare('credit', format('yearly statement, %s service-level months (period + annual cap) / the same shape without the extension', :statement_rows),
	$q$WITH sl AS (
	     SELECT r.contract_id, r.month, r.fee, s.credits,
	            sla_credit(s.credits, r.attainment, r.misses, miss_streak(r.met) OVER (PARTITION BY r.contract_id, r.sla ORDER BY r.month)) AS credit
	     FROM by_rows r JOIN by_sla s USING (contract_id, sla)),
	   mt AS (
	     SELECT contract_id, month, max(fee) AS fee,
	            round(max(fee) * least(sum(credit), min(credit_period_cap(credits))), 2) AS amount,
	            min(credit_annual_cap(credits)) AS annual_cap
	     FROM sl GROUP BY contract_id, month),
	   yc AS (
	     SELECT *, sum(amount) OVER (PARTITION BY contract_id, date_trunc('year', month) ORDER BY month) AS running,
	            round(annual_cap * sum(fee) OVER (PARTITION BY contract_id, date_trunc('year', month)), 2) AS year_cap
	     FROM mt)
	   SELECT sum(least(running, year_cap) - least(running - amount, year_cap)) FROM yc$q$,
	$q$WITH sl AS (
	     SELECT r.contract_id, r.month, r.fee, s.target,
	            r.attainment + r.misses + count(r.met) OVER (PARTITION BY r.contract_id, r.sla ORDER BY r.month) AS credit
	     FROM by_rows r JOIN by_sla s USING (contract_id, sla)),
	   mt AS (
	     SELECT contract_id, month, max(fee) AS fee,
	            round(max(fee) * least(sum(credit), min(target)), 2) AS amount,
	            min(target) AS annual_cap
	     FROM sl GROUP BY contract_id, month),
	   yc AS (
	     SELECT *, sum(amount) OVER (PARTITION BY contract_id, date_trunc('year', month) ORDER BY month) AS running,
	            round(annual_cap * sum(fee) OVER (PARTITION BY contract_id, date_trunc('year', month)), 2) AS year_cap
	     FROM mt)
	   SELECT sum(least(running, year_cap) - least(running - amount, year_cap)) FROM yc$q$,
	'info', :statement_rows, :statement_rows, 1) AS line \gset

DROP TABLE by_sla, by_rows;
