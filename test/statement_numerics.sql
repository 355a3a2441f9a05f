-- pgTAP: the statement's figures are numerics in numeric's own canonical
-- form (credit_line, credit_period and credit_statement make them directly
-- in the stored form, src/numeric_fast.c), and credit_line's rows, which are
-- kept per call site and copied with the month's own streak and misses,
-- carry the counts miss_streak and a count over the same months give.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET LOCAL max_parallel_workers_per_gather = 0;

SELECT plan(5);

-- 30 contracts x 6 service levels x 24 months; attainments with 2 to 7
-- decimals, some NULL; schedules with earn-back, chronic terms and caps
SELECT setseed(0.57);
CREATE TEMP TABLE s_sla AS
SELECT c AS contract_id, l AS sla,
       format('below %s%%: %s%%, below 97%%: 20%%; per miss 0.5%%; chronic after 2 in a row x1.5; remediation after 3 of 6; earn back after %s; cap 12%%; period cap 15%%; chronic period cap 20%%; annual cap %s%%',
              99 + (l % 10) / 10.0, 1 + l % 5 + (c % 3) / 4.0, 1 + l % 4, 5 + c % 10)::credit_schedule AS credits
FROM generate_series(1, 30) c, generate_series(1, 6) l;
CREATE TEMP TABLE s_rows AS
SELECT c AS contract_id, l AS sla, (date '2025-01-01' + make_interval(months => m))::date AS month,
       (7000 + (c % 5) * 1234.56)::numeric(12, 2) AS fee,
       CASE WHEN random() < 0.03 THEN NULL ELSE round((1 - random() ^ 3 * 0.04)::numeric, 2 + (m % 6)) END AS attainment,
       (random() ^ 4 * 3)::int AS misses
FROM generate_series(1, 30) c, generate_series(1, 6) l, generate_series(0, 23) m;
CREATE TEMP TABLE s_lines AS
SELECT r.*, s.credits, r.attainment >= 0.99 AS met,
       credit_line(s.credits, r.attainment, r.misses, r.attainment >= 0.99, r.month)
         OVER (PARTITION BY r.contract_id, r.sla ORDER BY r.month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
FROM s_rows r JOIN s_sla s USING (contract_id, sla);
CREATE TEMP TABLE s_st AS
SELECT contract_id, month, p,
       credit_statement(p, fee, 12 * fee) OVER (PARTITION BY contract_id, date_trunc('year', month) ORDER BY month) AS st
FROM (SELECT contract_id, month, max(fee) AS fee, credit_period(credits, line) AS p FROM s_lines GROUP BY contract_id, month) x;

CREATE FUNCTION pg_temp.canonical(x numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT x IS NULL OR numeric_send(x) = numeric_send(x::text::numeric) $$;

SELECT ok((SELECT count(*) FROM s_lines WHERE (line).share IS NOT NULL) > 3000, 'lines with shares to check');
SELECT is((SELECT count(*)::int FROM s_lines
           WHERE NOT (pg_temp.canonical((line).share) AND pg_temp.canonical((line).forgiven))), 0,
          'credit_line: share and forgiven in canonical form');
SELECT is((SELECT count(*)::int FROM s_st
           WHERE NOT (pg_temp.canonical((p).credits) AND pg_temp.canonical((p).forgiven) AND pg_temp.canonical((p).period_cap)
                      AND pg_temp.canonical((p).share) AND pg_temp.canonical((p).share_before_earn_back)
                      AND pg_temp.canonical((p).annual_cap)
                      AND pg_temp.canonical((st).fee) AND pg_temp.canonical((st).amount) AND pg_temp.canonical((st).annual_cap)
                      AND pg_temp.canonical((st).year_to_date) AND pg_temp.canonical((st).owed) AND pg_temp.canonical((st).forgiven))), 0,
          'credit_period and credit_statement: every figure in canonical form');
-- the streak: consecutive missed months up to this one (a NULL attainment is
-- not a miss here, as miss_streak counts met IS FALSE)
SELECT is((SELECT count(*)::int FROM (
             SELECT (line).streak AS streak,
                    miss_streak(met) OVER (PARTITION BY contract_id, sla ORDER BY month) AS ref
             FROM s_lines) x WHERE streak IS DISTINCT FROM ref), 0,
          'credit_line''s streak = miss_streak over the same months, row by row');
SELECT is((SELECT count(*)::int FROM (
             SELECT (line).share AS share, sla_credit(credits, attainment, misses,
                    miss_streak(met) OVER (PARTITION BY contract_id, sla ORDER BY month)) AS ref
             FROM s_lines) x WHERE share IS DISTINCT FROM ref), 0,
          'credit_line''s share = sla_credit with the streak, row by row (before earn-back)');

SELECT * FROM finish();
ROLLBACK;
