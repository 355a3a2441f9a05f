-- data/report.sql's availability per vendor, in coverage hours, planned
-- maintenance excluded, with error budgets, for one month picked at random
\set m random(0, 11)
WITH maint AS (SELECT vendor, range_agg(during) AS windows FROM maintenance GROUP BY vendor),
mo AS (SELECT tstzrange(m, m + interval '1 month') AS period
       FROM (SELECT timestamptz '2025-11-01 00:00+00' + :m * interval '1 month' AS m) x),
monthly AS (
  SELECT c.vendor, mo.period, c.coverage, coalesce(mt.windows, '{}') AS windows,
         c.availability_target::float8 AS target,
         availability(tstzrange(o.started_at, o.ended_at), mo.period, c.coverage, coalesce(mt.windows, '{}')) AS a,
         downtime(tstzrange(o.started_at, o.ended_at), mo.period, c.coverage, coalesce(mt.windows, '{}')) AS down
  FROM contracts c CROSS JOIN mo
  LEFT JOIN maint mt ON mt.vendor = c.vendor
  LEFT JOIN outages o ON o.vendor = c.vendor AND tstzrange(o.started_at, o.ended_at) && mo.period
  GROUP BY c.vendor, mo.period, c.coverage, mt.windows, c.availability_target)
SELECT vendor, round(100 * a::numeric, 3) AS "availability %", date_trunc('second', down) AS downtime,
       date_trunc('second', error_budget_remaining(target, a, period, coverage, windows)) AS budget_left,
       round(nines(a)::numeric, 2) AS nines, round(burn_rate(target, a)::numeric, 2) AS burn_rate
FROM monthly ORDER BY vendor;
