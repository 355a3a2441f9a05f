-- pgTAP: memory stays flat inside a statement that uses a different window or
-- schedule on every row (issue 11, item 7; bench/memory.sql has the figures).
-- 20 000 rows, each with its own sla_window (hours, one of 100 zones,
-- holidays, special hours), credit_schedule and price_schedule: the
-- per-call-site caches miss on every row.  The sum of the backend's memory
-- contexts is sampled in the statement at row 1 000 and at row 20 000; a leak
-- of 56 bytes a row would add more than 1 MB in between.  Seen: 0 to 256 kB
-- (one context block), the same at 80 000 rows.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;
SET jit = off;

SELECT plan(8);

CREATE TEMP TABLE mrow AS
SELECT i, wt, wt::sla_window AS w, ct, pt,
       '2026-01-01'::timestamptz + (i % 997) * interval '7 hours' AS a,
       '2026-01-01'::timestamptz + (i % 997) * interval '7 hours' + (1 + i % 300) * interval '1 hour' AS b,
       0.9 + (i % 1000) / 10000.0 AS attainment, (i * 37) % 9000 AS units, (i * 101) % 100000 AS base
FROM (SELECT i,
             format('mon-fri %s-%s; sat %s-13:00 %s holidays %s,%s hours %s 10:00-%s',
                    to_char(time '06:00' + (i % 180) * interval '1 minute', 'HH24:MI'),
                    to_char(time '15:00' + (i / 180 % 300) * interval '1 minute', 'HH24:MI'),
                    to_char(time '08:00' + (i % 60) * interval '1 minute', 'HH24:MI'),
                    z.names[1 + i % cardinality(z.names)],
                    '2026-01-01'::date + i % 3000, '2026-01-01'::date + 3001 + i / 3 % 3000,
                    '2020-01-01'::date + i % 2000, to_char(time '14:00' + (i % 600) * interval '1 minute', 'HH24:MI')) AS wt,
             format('below %s%%: 10%%, below 99%%: 30%%, below %s%%: 100%%; per miss %s%%; chronic after %s in a row x1.5; cap %s%%',
                    99 + (i % 9999 + 1) / 10000.0, 90 + (i % 50) / 10.0, 1 + i % 5, 2 + i % 6, 30 + i / 10000 % 70) AS ct,
             format('fixed %s including %s tickets; per ticket %s; share %s%% minimum %s',
                    10000 + i, 100 + i % 900, 10 + (i % 1000) / 100.0, 1 + i % 20, 500 + i % 77) AS pt
      FROM generate_series(1, 20000) i,
           (SELECT array_agg(name ORDER BY name) AS names
            FROM (SELECT name FROM pg_timezone_names
                  WHERE name ~ '^(Europe|America|Asia|Africa|Australia|Pacific)/[A-Za-z_]+$'
                  ORDER BY name LIMIT 100) x) z) x;

SELECT is((SELECT count(DISTINCT w::text)::int FROM mrow), 20000, '20000 distinct windows');

CREATE FUNCTION pg_temp.ctx_bytes() RETURNS bigint LANGUAGE sql VOLATILE AS
$$ SELECT sum(total_bytes)::bigint FROM pg_backend_memory_contexts $$;

-- growth of the contexts (bytes) from row 1 000 to row 20 000 of one query; the
-- sample is taken in the same target list, after the row's own work
CREATE FUNCTION pg_temp.growth(expr text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  c1 bigint;
  cn bigint;
  done bigint;
BEGIN
  EXECUTE format($q$
    SELECT max(ctx) FILTER (WHERE i = 1000), max(ctx) FILTER (WHERE i = 20000), count(x)
    FROM (SELECT i, x, CASE WHEN i IN (1000, 20000) THEN pg_temp.ctx_bytes() END AS ctx
          FROM (SELECT r.i, (%s) AS x FROM mrow r OFFSET 0) s) m$q$, expr)
  INTO c1, cn, done;
  IF done <> 20000 THEN
    RAISE EXCEPTION '% results for 20000 rows', done;
  END IF;
  RETURN cn - c1;
END $$;

SELECT cmp_ok(pg_temp.growth($$sla_elapsed(r.w, r.a, r.b)::text || sla_deadline(r.w, r.a, interval '4 hours')::text$$),
              '<', 1048576::bigint, 'sla_elapsed and sla_deadline over 20000 distinct stored windows: flat');
SELECT cmp_ok(pg_temp.growth($$sla_status(r.wt::sla_window, r.a, r.b, interval '8 hours', r.b + interval '1 day',
                                          tstzmultirange(tstzrange(r.a, r.a + interval '1 hour')))$$),
              '<', 1048576::bigint, 'sla_status over 20000 windows parsed per row, paused: flat');
SELECT cmp_ok(pg_temp.growth($$sla_credit(r.ct::credit_schedule, r.attainment, 1, 2)::text || escalation(r.ct::credit_schedule, 3)$$),
              '<', 1048576::bigint, 'sla_credit and escalation over 20000 credit schedules parsed per row: flat');
SELECT cmp_ok(pg_temp.growth($$charge(r.pt::price_schedule, r.units, r.base)$$),
              '<', 1048576::bigint, 'charge over 20000 price schedules parsed per row: flat');
SELECT cmp_ok(pg_temp.growth($$sla_summary_agg(r.w, r.a, r.b, interval '4 hours', '2027-01-01')
                                 OVER (ORDER BY r.i ROWS UNBOUNDED PRECEDING)$$),
              '<', 1048576::bigint, 'a running sla_summary_agg over 20000 distinct windows: flat');

-- sla_explain once per ticket (issue 23): a set-returning function's memory must go per
-- call, not at the end of the statement.  0.3.0 kept about 0.8 kB a call (its row type
-- read from the catalog and its rule texts, in the per-query context): 16 MB between
-- call 1 000 and call 20 000.  Sampled on each ticket's closing row, in the FROM list
-- (LATERAL, a function scan) and in the target list (ProjectSet).
CREATE FUNCTION pg_temp.explain_growth(lateral_form boolean) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  c1 bigint;
  cn bigint;
  done bigint;
  q text := CASE WHEN lateral_form THEN
    $q$SELECT r.i, x.kind FROM mrow r,
         sla_explain(r.w, r.a, r.b, interval '4 hours', '2027-01-01', merge_closed => r.i % 2 = 0) x$q$
  ELSE
    $q$SELECT i, (x).kind FROM (SELECT r.i, sla_explain(r.w, r.a, r.b, interval '4 hours', '2027-01-01') AS x
                                FROM mrow r) y$q$
  END;
BEGIN
  EXECUTE format($f$
    SELECT max(ctx) FILTER (WHERE i = 1000), max(ctx) FILTER (WHERE i = 20000), count(ctx) + count(*) FILTER (WHERE ctx IS NULL AND kind = 'resolved')
    FROM (SELECT i, kind, CASE WHEN i IN (1000, 20000) AND kind = 'resolved' THEN pg_temp.ctx_bytes() END AS ctx
          FROM (%s OFFSET 0) s) m$f$, q)
  INTO c1, cn, done;
  IF done <> 20000 THEN
    RAISE EXCEPTION '% tickets explained of 20000', done;
  END IF;
  RETURN cn - c1;
END $$;
SELECT cmp_ok(pg_temp.explain_growth(true), '<', 1048576::bigint,
              'sla_explain in FROM over 20000 tickets and windows: flat');
SELECT cmp_ok(pg_temp.explain_growth(false), '<', 1048576::bigint,
              'sla_explain in the target list over 20000 tickets and windows: flat');

SELECT * FROM finish();
ROLLBACK;
