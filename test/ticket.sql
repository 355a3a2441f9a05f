-- pgTAP: ticket SLA properties on random data.
-- sla_status is checked against its definition (DESIGN.md section 3) written
-- with sla_deadline and sla_elapsed; sla_summary_agg against per-row statuses.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';

SELECT plan(11);

SELECT has_type('sla_policy');
SELECT has_type('sla_summary');
SELECT has_function('sla_summary_agg', ARRAY['sla_window', 'timestamp with time zone', 'timestamp with time zone', 'interval', 'timestamp with time zone']);
SELECT throws_ok($$SELECT 'SEV1 respond 1 month'::sla_policy$$, '22P02');
SELECT throws_ok($$SELECT 'SEV1 respond 1 hour; P1 resolve 1 hour'::sla_policy$$, '22P02');

SELECT setseed(0.25);
CREATE TEMP TABLE w (wid int, win sla_window);
INSERT INTO w VALUES (1, 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-04-03,2026-04-06,2026-05-01'),
                     (2, 'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York'),
                     (3, '24x7'),
                     (4, 'mon-sun 22:00-06:00 Australia/Lord_Howe');
CREATE TEMP TABLE t AS
SELECT i, 1 + (random() * 3.999)::int AS wid,
       o AS opened,
       CASE WHEN random() < 0.15 THEN NULL
            ELSE o + (random() ^ 3 * 400) * interval '1 hour' END AS done,
       (ARRAY['15 minutes', '1 hour', '4 hours', '1 day', '2 days 4 hours', '0'])[1 + (random() * 5.999)::int]::interval AS target,
       o + (random() * 300) * interval '1 hour' AS as_of
FROM (SELECT i, '2026-01-01'::timestamptz + random() * interval '360 days' AS o
      FROM generate_series(1, 3000) i) x;

-- the definition, written independently of sla_status; as_of is a snapshot:
-- a ticket done after as_of was open as of then (known_done is NULL)
CREATE TEMP TABLE expect AS
SELECT t.*, w.win, d.deadline, k.known_done,
       CASE WHEN k.known_done IS NOT NULL
            THEN CASE WHEN k.known_done <= d.deadline OR sla_elapsed(w.win, d.deadline, k.known_done) = '0' THEN 'met' ELSE 'breached' END
            ELSE CASE WHEN t.as_of > d.deadline AND sla_elapsed(w.win, d.deadline, t.as_of) > '0' THEN 'breached' ELSE 'pending' END
       END AS expected
FROM t JOIN w USING (wid),
     LATERAL (SELECT sla_deadline(w.win, t.opened, t.target) AS deadline) d,
     LATERAL (SELECT CASE WHEN t.done <= t.as_of THEN t.done END AS known_done) k;

SELECT is((SELECT count(*)::int FROM expect WHERE sla_status(win, opened, done, target, as_of) <> expected), 0,
          'sla_status agrees with its definition on 3000 random tickets');
SELECT diag(string_agg(format('%s %s %s %s as of %s: %s, expected %s', win, opened, done, target, as_of,
                              sla_status(win, opened, done, target, as_of), expected), E'\n'))
FROM (SELECT * FROM expect WHERE sla_status(win, opened, done, target, as_of) <> expected LIMIT 5) x;

-- the data covers every outcome
SELECT is((SELECT count(DISTINCT expected)::int FROM expect), 3, 'random data has met, breached and pending tickets');
SELECT ok((SELECT count(*) FROM expect WHERE done > as_of) > 100, 'random data has tickets done after their as_of');

-- sla_summary_agg counts what sla_status says and times what sla_elapsed says
SELECT is(
  (SELECT count(*)::int FROM (
     SELECT wid, target, sla_summary_agg(win, opened, done, target, as_of) AS s
     FROM expect GROUP BY wid, target) a
   JOIN (
     SELECT wid, target,
            count(*) FILTER (WHERE expected = 'met') AS met,
            count(*) FILTER (WHERE expected = 'breached') AS breached,
            count(*) FILTER (WHERE expected = 'pending') AS pending,
            sum(sla_elapsed(win, opened, known_done)) AS total,
            min(sla_elapsed(win, opened, known_done)) AS mn,
            max(sla_elapsed(win, opened, known_done)) AS mx
     FROM expect GROUP BY wid, target) b USING (wid, target)
   WHERE sla_met(a.s) <> b.met OR sla_breached(a.s) <> b.breached OR sla_pending(a.s) <> b.pending
      OR sla_total(a.s) <> coalesce(b.total, '0') OR sla_min_elapsed(a.s) IS DISTINCT FROM b.mn
      OR sla_max_elapsed(a.s) IS DISTINCT FROM b.mx),
  0, 'sla_summary_agg equals per-row statuses and elapsed times in every group');

-- rollup over any split equals the whole
SELECT is(
  (SELECT count(*)::int FROM (
     SELECT wid, rollup(s)::text AS s FROM (
       SELECT wid, i % 7 AS part, sla_summary_agg(win, opened, done, target, as_of) AS s FROM expect GROUP BY 1, 2) p
     GROUP BY wid) r
   JOIN (SELECT wid, sla_summary_agg(win, opened, done, target, as_of)::text AS s FROM expect GROUP BY wid) whole USING (wid)
   WHERE r.s <> whole.s),
  0, 'rollup of parts equals the summary of the whole');

-- the text form round-trips exactly
SELECT is(
  (SELECT count(*)::int FROM (SELECT sla_summary_agg(win, opened, done, target, as_of) AS s FROM expect GROUP BY wid, target) x
   WHERE s::text::sla_summary::text <> s::text OR sla_total(s::text::sla_summary) <> sla_total(s)),
  0, 'sla_summary text round-trips');

SELECT * FROM finish();
ROLLBACK;
