-- pgTAP: what splits across parallel workers and Citus shards (issue 23, docs/scale.md).
-- max/min of escalation_step are the extension's own aggregates (Citus looks an
-- aggregate up by the argument's exact type, and max(anyenum) failed there with "no
-- matching oid for function: max"): a query names them, they run as partial
-- aggregates in parallel workers combined in the leader, and give what serial
-- execution and PostgreSQL's own max(anyenum) give.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET LOCAL timezone = 'UTC';

SELECT plan(9);

SELECT has_function('max', ARRAY['escalation_step'], 'max(escalation_step) of its own');
SELECT has_function('min', ARRAY['escalation_step'], 'min(escalation_step) of its own');

-- a month of service levels: 40 vendors x 50 service levels x 24 months, streaks from
-- a fixed sequence, up to vendor % 8 in a row (so the worst step differs by vendor), the step from one schedule (warning after 1,
-- remediation after 2, penalty after 3, termination after 6 in a row or 4 of 12)
-- (a plain table: temporary ones are never read by parallel workers)
CREATE TABLE esc_par AS
SELECT v AS vendor, sl, m AS month,
       escalation_step('below 99%: 10%; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12'::credit_schedule,
                       (sl * 13 + m * 31) % (1 + v % 8), (sl * 13 + m * 31) % (1 + v % 8)) AS step
FROM generate_series(1, 40) v, generate_series(1, 50) sl, generate_series(1, 24) m;
UPDATE esc_par SET step = NULL WHERE (vendor + sl + month) % 17 = 0;   -- no data: skipped
ANALYZE esc_par;

-- a view over it names the extension's aggregate, not max(anyenum)
CREATE TEMP VIEW worst AS SELECT vendor, max(step) AS worst, min(step) AS mildest FROM esc_par GROUP BY vendor;
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_rewrite r ON d.objid = r.oid
           WHERE r.ev_class = 'worst'::regclass AND d.refclassid = 'pg_proc'::regclass
             AND d.refobjid IN ('max(escalation_step)'::regprocedure, 'min(escalation_step)'::regprocedure)),
          2, 'max(step) and min(step) resolve to the extension''s aggregates');

CREATE TEMP TABLE serial AS
SELECT vendor, max(step) AS worst, min(step) AS mildest,
       pg_catalog.max(step) AS builtin_worst, pg_catalog.min(step) AS builtin_mildest
FROM esc_par GROUP BY vendor;
SELECT is((SELECT count(*)::int FROM serial WHERE worst IS DISTINCT FROM builtin_worst OR mildest IS DISTINCT FROM builtin_mildest),
          0, 'serial: the same as PostgreSQL''s max(anyenum) and min(anyenum)');
-- by hand: up to k = vendor % 8 misses in a row (and as many of the last 12): 0 ok, 1
-- warning, 2 remediation, 3 penalty, 4 to 7 termination (4 of 12); each vendor has a
-- month with no miss
SELECT results_eq($$SELECT DISTINCT vendor % 8, worst, mildest FROM serial ORDER BY 1$$,
                  $$VALUES (0, 'ok'::escalation_step, 'ok'::escalation_step), (1, 'warning', 'ok'), (2, 'remediation', 'ok'),
                           (3, 'penalty', 'ok'), (4, 'termination', 'ok'), (5, 'termination', 'ok'),
                           (6, 'termination', 'ok'), (7, 'termination', 'ok')$$,
                  'the worst step per vendor, worked by hand');

SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;          -- the workers must read the rows
SET LOCAL enable_hashagg = off;
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

SELECT alike(pg_temp.plan($$SELECT vendor, max(step), min(step) FROM esc_par GROUP BY vendor$$),
            '%Partial%Aggregate%', 'GROUP BY vendor with parallel forced: partial aggregates in the workers');
SELECT alike(pg_temp.plan($$SELECT max(step), min(step) FROM esc_par$$),
            '%Partial Aggregate%', 'and over the whole table');
SELECT results_eq($$SELECT vendor, max(step), min(step) FROM esc_par GROUP BY vendor ORDER BY vendor$$,
                  $$SELECT vendor, worst, mildest FROM serial ORDER BY vendor$$,
                  'parallel = serial, per vendor');
SELECT results_eq($$SELECT max(step), min(step) FROM esc_par$$,
                  $$SELECT max(worst), min(mildest) FROM serial$$,
                  'parallel = serial, the whole table');

SELECT * FROM finish();
ROLLBACK;
