-- Memory (issue 11, item 7): a statement that uses a different window or
-- schedule on every row keeps the backend's memory flat.
--
-- Each query below reads N rows (5 000 and 20 000 at scale 1), every row with
-- its own sla_window (different hours, zone, holidays and special hours), its
-- own credit_schedule and its own price_schedule, so the per-call-site caches
-- (fn_extra) miss on every row and the zone cache sees 100 zones.  Inside the
-- statement, every 1 000 rows, the query reads the backend's own memory: the
-- sum of total_bytes over pg_backend_memory_contexts, and VmRSS from
-- /proc/self/status.  It prints, per query and N:
--   ctx@1k, ctx@N   memory contexts at row 1 000 and at the last row (kB);
--   ctx growth      ctx@N - ctx@1k: flat when it does not grow with N;
--   rss@1k, rss@N   VmRSS at the same rows (kB), and its growth;
--   after           contexts once the statement is over, against before it.
-- Reading /proc needs a superuser (make bench runs as one); RSS is NULL otherwise.
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = notice;
SET timezone = 'UTC';

\if :{?scale}
\else
\set scale 1
\endif
SELECT (5000 * :scale)::int AS n_small, (20000 * :scale)::int AS n_large \gset

\echo
\echo == memory: one distinct window and schedule per row, :n_small and :n_large rows
SELECT setseed(0.7);
SET client_min_messages = warning;
DROP TABLE IF EXISTS bm_rows, bm_result;
SET client_min_messages = notice;

CREATE TABLE bm_rows AS
SELECT i, wt, wt::sla_window AS w, ct, ct::credit_schedule AS cs, pt, pt::price_schedule AS ps,
       '2026-01-01'::timestamptz + (i % 997) * interval '7 hours' AS a,
       '2026-01-01'::timestamptz + (i % 997) * interval '7 hours' + (1 + i % 300) * interval '1 hour' AS b,
       0.9 + (i % 1000) / 10000.0 AS attainment, (i * 37) % 9000 AS units, (i * 101) % 100000 AS base
FROM (SELECT i,
             format('mon-fri %s-%s; sat %s-13:00 %s holidays %s,%s hours %s 10:00-%s',
                    to_char(time '06:00' + (i % 180) * interval '1 minute', 'HH24:MI'),
                    to_char(time '15:00' + (i / 180 % 300) * interval '1 minute', 'HH24:MI'),
                    to_char(time '08:00' + (i % 60) * interval '1 minute', 'HH24:MI'),
                    z.names[1 + i % 100],
                    '2026-01-01'::date + i % 3000, '2026-01-01'::date + 3001 + i / 3 % 3000,
                    '2020-01-01'::date + i % 2000, to_char(time '14:00' + (i % 600) * interval '1 minute', 'HH24:MI')) AS wt,
             format('below %s%%: 10%%, below 99%%: 30%%, below %s%%: 100%%; per miss %s%%; chronic after %s in a row x1.5; cap %s%%',
                    99 + (i % 9999 + 1) / 10000.0, 90 + (i % 50) / 10.0, 1 + i % 5, 2 + i % 6, 30 + i / 10000 % 70) AS ct,
             format('fixed %s including %s tickets; per ticket %s; share %s%% minimum %s',
                    10000 + i, 100 + i % 900, 10 + (i % 1000) / 100.0, 1 + i % 20, 500 + i % 77) AS pt
      FROM generate_series(1, :n_large) i,
           (SELECT array_agg(name ORDER BY name) AS names
            FROM (SELECT name FROM pg_timezone_names
                  WHERE name ~ '^(Europe|America|Asia|Africa|Australia|Pacific)/[A-Za-z_]+$'
                  ORDER BY name LIMIT 100) x) z) x;
ANALYZE bm_rows;
SELECT count(DISTINCT w::text) AS windows, count(DISTINCT cs::text) AS credit_schedules,
       count(DISTINCT ps::text) AS price_schedules, count(DISTINCT sla_timezone(w)) AS zones
FROM bm_rows;

-- the backend's memory: contexts (bytes) and VmRSS (kB)
CREATE OR REPLACE FUNCTION pg_temp.ctx_bytes() RETURNS bigint LANGUAGE sql VOLATILE AS
$$ SELECT sum(total_bytes)::bigint FROM pg_backend_memory_contexts $$;
CREATE OR REPLACE FUNCTION pg_temp.rss_kb() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN substring(pg_read_file('/proc/self/status') FROM 'VmRSS:\s+(\d+) kB')::bigint;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
  RETURN NULL;
END $$;

CREATE TABLE bm_result (query text, n int, ctx_before bigint, ctx_1k bigint, ctx_n bigint, ctx_after bigint,
                        rss_1k bigint, rss_n bigint, seconds float8);

-- Run one query over the first n rows of bm_rows.  The query is a SELECT list
-- over bm_rows r; a mark column samples memory every 1 000 rows, in the same
-- target list, so after the work of that row.
CREATE OR REPLACE FUNCTION pg_temp.measure(label text, expr text, n int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before bigint := pg_temp.ctx_bytes();
  t0 timestamptz := clock_timestamp();
  c1 bigint; cn bigint; r1 bigint; rn bigint;
  done bigint;   -- results computed: every row's expression must be evaluated
BEGIN
  EXECUTE format($q$
    SELECT (array_agg(ctx ORDER BY i) FILTER (WHERE ctx IS NOT NULL))[1],
           (array_agg(ctx ORDER BY i DESC) FILTER (WHERE ctx IS NOT NULL))[1],
           (array_agg(rss ORDER BY i) FILTER (WHERE ctx IS NOT NULL))[1],
           (array_agg(rss ORDER BY i DESC) FILTER (WHERE ctx IS NOT NULL))[1],
           count(x)
    FROM (SELECT i, x, CASE WHEN i %% 1000 = 0 THEN pg_temp.ctx_bytes() END AS ctx,
                       CASE WHEN i %% 1000 = 0 THEN pg_temp.rss_kb() END AS rss
          FROM (SELECT r.i, (%s) AS x FROM bm_rows r WHERE r.i <= %s OFFSET 0) s) m$q$, expr, n)
  INTO c1, cn, r1, rn, done;
  IF done <> n THEN
    RAISE EXCEPTION '%: % results for % rows', label, done, n;
  END IF;
  INSERT INTO bm_result VALUES (label, n, before, c1, cn, pg_temp.ctx_bytes(), r1, rn,
                                extract(epoch FROM clock_timestamp() - t0));
END $$;

SELECT set_config('ms_bench.n_small', :'n_small', false), set_config('ms_bench.n_large', :'n_large', false) \gset

-- Each query at both sizes; the rows are read in i order (a seq scan of a table
-- built in that order), the sample column evaluated after the work of its row.
DO $$
DECLARE
  q record;
  n int;
BEGIN
  FOR q IN SELECT * FROM (VALUES
      (1, 'sla_elapsed + sla_deadline, stored windows',
          'sla_elapsed(r.w, r.a, r.b)::text || sla_deadline(r.w, r.a, interval ''4 hours'')::text'),
      (2, 'windows parsed per row (text -> sla_window)',
          'sla_open(r.wt::sla_window, r.a)'),
      (3, 'sla_status per row, paused',
          'sla_status(r.w, r.a, r.b, interval ''8 hours'', r.b + interval ''1 day'', tstzmultirange(tstzrange(r.a, r.a + interval ''1 hour'')))'),
      (4, 'sla_credit + escalation, stored schedules',
          'sla_credit(r.cs, r.attainment, 1, 2)::text || escalation(r.cs, 3)'),
      (5, 'credit schedules parsed per row',
          'sla_credit(r.ct::credit_schedule, r.attainment, 0, 1)'),
      (6, 'charge, stored schedules',
          'charge(r.ps, r.units, r.base)'),
      (7, 'price schedules parsed per row',
          'charge(r.pt::price_schedule, r.units, r.base)'),
      (8, 'running sla_summary_agg over distinct windows (window aggregate)',
          'sla_summary_agg(r.w, r.a, r.b, interval ''4 hours'', ''2027-01-01'') OVER (ORDER BY r.i ROWS UNBOUNDED PRECEDING)')
    ) v(k, label, expr) ORDER BY k
  LOOP
    FOREACH n IN ARRAY ARRAY[current_setting('ms_bench.n_small')::int, current_setting('ms_bench.n_large')::int] LOOP
      PERFORM pg_temp.measure(q.label, q.expr, n);
    END LOOP;
  END LOOP;
END $$;

-- sla_explain once per ticket (issue 23), in the FROM list: the sample is taken on
-- each ticket's closing row.  0.3.0 kept about 0.8 kB a call until the statement ended.
CREATE OR REPLACE FUNCTION pg_temp.measure_explain(n int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before bigint := pg_temp.ctx_bytes();
  t0 timestamptz := clock_timestamp();
  c1 bigint; cn bigint; r1 bigint; rn bigint;
  done bigint;
BEGIN
  SELECT (array_agg(ctx ORDER BY i) FILTER (WHERE ctx IS NOT NULL))[1],
         (array_agg(ctx ORDER BY i DESC) FILTER (WHERE ctx IS NOT NULL))[1],
         (array_agg(rss ORDER BY i) FILTER (WHERE ctx IS NOT NULL))[1],
         (array_agg(rss ORDER BY i DESC) FILTER (WHERE ctx IS NOT NULL))[1],
         count(*) FILTER (WHERE kind = 'resolved')
  INTO c1, cn, r1, rn, done
  FROM (SELECT i, kind, CASE WHEN i % 1000 = 0 AND kind = 'resolved' THEN pg_temp.ctx_bytes() END AS ctx,
                        CASE WHEN i % 1000 = 0 AND kind = 'resolved' THEN pg_temp.rss_kb() END AS rss
        FROM (SELECT r.i, x.kind FROM bm_rows r,
                     sla_explain(r.w, r.a, r.b, interval '4 hours', '2027-01-01') x
              WHERE r.i <= n OFFSET 0) s) m;
  IF done <> n THEN
    RAISE EXCEPTION 'sla_explain: % tickets explained of %', done, n;
  END IF;
  INSERT INTO bm_result VALUES ('sla_explain per ticket (FROM list)', n, before, c1, cn, pg_temp.ctx_bytes(), r1, rn,
                                extract(epoch FROM clock_timestamp() - t0));
END $$;
SELECT pg_temp.measure_explain(:n_small), pg_temp.measure_explain(:n_large);

SELECT query, n AS rows,
       round(ctx_1k / 1024.0) AS "ctx@1k kB", round(ctx_n / 1024.0) AS "ctx@N kB",
       round((ctx_n - ctx_1k) / 1024.0) AS "ctx growth kB",
       rss_1k AS "rss@1k kB", rss_n AS "rss@N kB", rss_n - rss_1k AS "rss growth kB",
       round((ctx_after - ctx_before) / 1024.0) AS "after - before kB",
       round(seconds::numeric, 2) AS s
FROM bm_result ORDER BY query, n;

-- the verdict: between 5k and 20k rows, growth inside the statement stays within
-- 1 MB of contexts and 4 MB of RSS (what is allocated per row would be 15 000
-- times its size)
SELECT bool_and(ctx_n - ctx_1k < 1048576) AS contexts_flat,
       bool_and(rss_n - rss_1k < 4096) AS rss_flat,
       max(ctx_n - ctx_1k) AS worst_ctx_growth_bytes, max(rss_n - rss_1k) AS worst_rss_growth_kb
FROM bm_result WHERE n = :n_large;
