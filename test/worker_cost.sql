-- pgTAP: what a fresh backend (a parallel worker starts as one) pays before its
-- first row over a stored sla_window (issue 23, docs/performance.md).  0.3.0 read
-- the whole time-zone database on the first window of a backend, to check the
-- zone's name against the list pg_timezone_names gives: 2.4 MB of files, 30 ms on
-- a quiet machine and 100 to 300 ms on a busy one, paid by every parallel worker
-- of every query.  A stored window's zone was checked when it was stored: now only
-- its own file is read.  Measured without a clock: the bytes the backend reads
-- (rchar of /proc/self/io; Linux, and a superuser to read it), in a backend that
-- has not parsed a window yet (\c).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
DROP TABLE IF EXISTS ms_worker_cost;
CREATE TABLE ms_worker_cost AS
SELECT 'mon-fri 09:00-17:00 Europe/Berlin'::sla_window AS w,
       'mon-fri 08:00-18:00; sat 09:00-13:00 America/New_York'::sla_window AS w2;
\c
SET client_min_messages = warning;
BEGIN;
SELECT plan(3);
CREATE FUNCTION pg_temp.read_bytes() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN substring(pg_read_file('/proc/self/io') FROM 'rchar: (\d+)')::bigint;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
  RETURN NULL;
END $$;
SELECT pg_temp.read_bytes() AS r0 \gset
SELECT sla_elapsed(w, '2026-01-05 00:00+01', '2026-01-06 00:00+01') AS first FROM ms_worker_cost \gset
SELECT pg_temp.read_bytes() AS r1 \gset
SELECT sla_elapsed(w2, '2026-01-05 00:00-05', '2026-01-06 00:00-05') AS second FROM ms_worker_cost \gset
SELECT pg_temp.read_bytes() AS r2 \gset
SELECT is(:'first'::interval || ' ' || :'second'::interval, '08:00:00 10:00:00', 'the answers (a test that could fail)');
SELECT CASE WHEN :'r0' = '' THEN skip('/proc/self/io not readable here', 2) ELSE
       collect_tap(
         cmp_ok(:'r1'::bigint - :'r0'::bigint, '<', 262144::bigint,
                'the first stored window of a fresh backend reads its zone''s file, not the whole time-zone database (0.3.0: 2.4 MB)'),
         cmp_ok(:'r2'::bigint - :'r1'::bigint, '<', 262144::bigint, 'and the second zone its own'))
       END;
SELECT * FROM finish();
ROLLBACK;
DROP TABLE ms_worker_cost;
