-- pgTAP: the README's recipes for priority changes during a ticket (the readings at
-- creation, in force at each moment, at the end) and for contract terms that change
-- from a date, on hand-worked tickets and, for the priority readings, properties on
-- random tickets.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
CREATE EXTENSION IF NOT EXISTS btree_gist;
RESET client_min_messages;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;

SELECT plan(9);

CREATE TEMP TABLE terms AS
SELECT sla_window 'mon-fri 09:00-17:00' AS w,
       sla_policy 'SEV1 resolve 4 hours; SEV2 resolve 8 hours; SEV3 resolve 16 hours; SEV4 resolve 2 days' AS policy,
       timestamptz '2026-11-24 14:00+00' AS as_of;
CREATE TEMP TABLE tix (id text PRIMARY KEY, opened_at timestamptz, resolved_at timestamptz, sev severity);
CREATE TEMP TABLE changes (id text, changed_at timestamptz, sev severity);

-- the README's recipe: each ticket's target under each reading
CREATE TEMP VIEW targets AS
WITH periods AS (
  SELECT t.id, p.changed_at, sla_target(terms.policy, p.sev, 'resolution') AS target,
         lead(p.changed_at) OVER (PARTITION BY t.id ORDER BY p.changed_at) AS next_change
  FROM tix t CROSS JOIN terms
  CROSS JOIN LATERAL (SELECT t.opened_at AS changed_at, t.sev
                      UNION ALL
                      SELECT c.changed_at, c.sev FROM changes c
                      WHERE c.id = t.id AND c.changed_at > t.opened_at
                        AND c.changed_at < least(coalesce(t.resolved_at, terms.as_of), terms.as_of)) p),
judged AS (
  SELECT p.*, sla_status(terms.w, t.opened_at, coalesce(p.next_change, t.resolved_at), p.target, terms.as_of) AS status
  FROM periods p JOIN tix t USING (id) CROSS JOIN terms)
SELECT id,
       (array_agg(target ORDER BY changed_at))[1] AS at_creation,
       coalesce((array_agg(target ORDER BY changed_at) FILTER (WHERE status = 'breached'))[1],
                (array_agg(target ORDER BY changed_at DESC))[1]) AS in_force,
       (array_agg(target ORDER BY changed_at DESC))[1] AS at_end
FROM judged GROUP BY id;
CREATE TEMP VIEW readings AS
SELECT id, sla_status(terms.w, opened_at, resolved_at, at_creation, terms.as_of) AS at_creation,
       sla_status(terms.w, opened_at, resolved_at, in_force, terms.as_of) AS in_force,
       sla_status(terms.w, opened_at, resolved_at, at_end, terms.as_of) AS at_end
FROM tix JOIN targets USING (id) CROSS JOIN terms;

-- hand-worked, Monday 2026-11-23 (09-17 UTC), as of Tuesday 14:00:
--   H1: SEV3 (16 h) at 09:00, SEV1 (4 h) from 15:00 (6 h on the clock), resolved Tue 10:00
--       (8 + 1 = 9 h): met at creation; in force the SEV1 period ends with 9 h > 4 h: breached
--   H2: SEV1 at 09:00, SEV2 (8 h) from 14:00 (5 h > 4 h: the SEV1 period breached), resolved
--       16:00 (7 h <= 8 h): breached at creation and in force, met at the end
--   H3: SEV2 at 09:00, SEV1 from 10:00 (1 h), resolved 12:00 (3 h): met throughout
--   H4: SEV2 on Tuesday 09:00, SEV1 from 11:00 (2 h), open at 14:00 (5 h): pending at creation
--       (5 h <= 8 h), breached in force and at the end (5 h > 4 h)
--   H5: SEV4 (2 days = 16 h) at Monday 09:00, SEV3 from 12:00 (3 h), SEV1 from Tuesday 09:00
--       (8 h: breached at the change), SEV4 again from 10:00, resolved 11:00 (10 h): met at
--       creation and at the end, breached in force (the SEV1 period)
--   H6: no change, SEV1 resolved 12:00 (3 h): met throughout
--   H7: a change after the resolution is no change: SEV2 resolved 16:00 (7 h), "SEV1" at 17:30
INSERT INTO tix VALUES
  ('H1', '2026-11-23 09:00+00', '2026-11-24 10:00+00', 'SEV3'),
  ('H2', '2026-11-23 09:00+00', '2026-11-23 16:00+00', 'SEV1'),
  ('H3', '2026-11-23 09:00+00', '2026-11-23 12:00+00', 'SEV2'),
  ('H4', '2026-11-24 09:00+00', NULL, 'SEV2'),
  ('H5', '2026-11-23 09:00+00', '2026-11-24 11:00+00', 'SEV4'),
  ('H6', '2026-11-23 09:00+00', '2026-11-23 12:00+00', 'SEV1'),
  ('H7', '2026-11-23 09:00+00', '2026-11-23 16:00+00', 'SEV2');
INSERT INTO changes VALUES
  ('H1', '2026-11-23 15:00+00', 'SEV1'), ('H2', '2026-11-23 14:00+00', 'SEV2'),
  ('H3', '2026-11-23 10:00+00', 'SEV1'), ('H4', '2026-11-24 11:00+00', 'SEV1'),
  ('H5', '2026-11-23 12:00+00', 'SEV3'), ('H5', '2026-11-24 09:00+00', 'SEV1'), ('H5', '2026-11-24 10:00+00', 'SEV4'),
  ('H7', '2026-11-23 17:30+00', 'SEV1');

SELECT results_eq(
  $$SELECT id, at_creation, in_force, at_end FROM readings ORDER BY id$$,
  $$VALUES ('H1', 'met', 'breached', 'breached'), ('H2', 'breached', 'breached', 'met'),
           ('H3', 'met', 'met', 'met'), ('H4', 'pending', 'breached', 'breached'),
           ('H5', 'met', 'breached', 'met'), ('H6', 'met', 'met', 'met'), ('H7', 'met', 'met', 'met')$$,
  'priority changes: the three readings of hand-worked tickets');
-- the summaries under each reading: at creation 5 met of 6 decided (H4 pending, H2 breached);
-- in force 3 met (H3, H6, H7) of 7; at the end 5 met (H2, H3, H5, H6, H7) of 7
SELECT results_eq(
  $$SELECT sla_met(a), sla_breached(a), sla_pending(a), sla_met(b), sla_breached(b), sla_met(c), sla_breached(c)
    FROM (SELECT sla_summary_agg(terms.w, opened_at, resolved_at, at_creation, terms.as_of) AS a,
                 sla_summary_agg(terms.w, opened_at, resolved_at, in_force, terms.as_of) AS b,
                 sla_summary_agg(terms.w, opened_at, resolved_at, at_end, terms.as_of) AS c
          FROM tix JOIN targets USING (id) CROSS JOIN terms) s$$,
  $$VALUES (5::bigint, 1::bigint, 1::bigint, 3::bigint, 4::bigint, 5::bigint, 2::bigint)$$,
  'priority changes: the summaries under each reading');

-- random tickets: with no change every reading is the plain status; a breach at the end
-- is a breach in force (the last period is judged with the same target)
DELETE FROM tix; DELETE FROM changes;
SELECT setseed(0.23);
INSERT INTO tix
SELECT 'R' || i, a, CASE WHEN random() < 0.2 THEN NULL ELSE a + random() * interval '6 days' END,
       (1 + (random() * 3.999)::int)::severity
FROM (SELECT i, '2026-11-02'::timestamptz + random() * interval '21 days' AS a FROM generate_series(1, 400) i) s;
UPDATE terms SET as_of = '2026-12-01';
INSERT INTO changes
SELECT id, opened_at + random() * (coalesce(resolved_at, '2026-12-01') - opened_at), (1 + (random() * 3.999)::int)::severity
FROM tix, generate_series(1, 2) g WHERE id <> 'R1' AND right(id, 1) IN ('1', '3', '5', '7');
SELECT is((SELECT count(*)::int FROM readings r JOIN tix t USING (id) CROSS JOIN terms
           WHERE NOT EXISTS (SELECT FROM changes c WHERE c.id = r.id)
             AND (r.at_creation, r.in_force, r.at_end) IS DISTINCT FROM
                 (sla_status(terms.w, t.opened_at, t.resolved_at, sla_target(terms.policy, t.sev, 'resolution'), terms.as_of),
                  sla_status(terms.w, t.opened_at, t.resolved_at, sla_target(terms.policy, t.sev, 'resolution'), terms.as_of),
                  sla_status(terms.w, t.opened_at, t.resolved_at, sla_target(terms.policy, t.sev, 'resolution'), terms.as_of))), 0,
          'priority changes: a ticket without changes has its plain status under every reading');
SELECT is((SELECT count(*)::int FROM readings WHERE at_end = 'breached' AND in_force <> 'breached'), 0,
          'priority changes: breached at the end is breached in force');
SELECT cmp_ok((SELECT count(*)::int FROM readings WHERE at_creation IS DISTINCT FROM in_force), '>', 0,
              'priority changes: the readings differ on some random tickets (the test sees changes)');

-- contract terms from a date
CREATE TEMP TABLE contract_terms (
  vendor text NOT NULL, valid daterange NOT NULL, coverage sla_window NOT NULL,
  policy sla_policy NOT NULL, pricing price_schedule NOT NULL, monthly_fee numeric NOT NULL,
  EXCLUDE USING gist (vendor WITH =, valid WITH &&));
INSERT INTO contract_terms VALUES
  ('V', daterange(NULL, '2026-07-01'), 'mon-fri 09:00-17:00', 'SEV2 resolve 1 day', 'fixed 18500.00 including 800 tickets; per ticket 14.50', 18500),
  ('V', daterange('2026-07-01', NULL), 'mon-fri 07:00-19:00', 'SEV2 resolve 8 hours', 'fixed 19500.00 including 900 tickets; per ticket 14.00', 19500);
SELECT throws_ok($$INSERT INTO contract_terms VALUES ('V', daterange('2026-10-01', NULL), 'mon-fri 09:00-17:00', 'SEV2 resolve 1 day', 'fixed 1', 1)$$,
                 '23P01', NULL, 'contract terms: overlapping terms of one vendor are refused');
SELECT lives_ok($$INSERT INTO contract_terms VALUES ('W', daterange('2026-10-01', NULL), 'mon-fri 09:00-17:00', 'SEV2 resolve 1 day', 'fixed 1', 1)$$,
                'contract terms: another vendor''s are not');
-- a ticket opened Tuesday 2026-06-30 09:00 and one on Wednesday 2026-07-01 09:00, each
-- resolved at 17:30.  The first has the old terms (09-17, one business day): due at the close,
-- Tuesday 17:00, and 17:00-17:30 is closed: met.  The second has the new ones (07-19, 8 hours):
-- due 17:00, and 17:00-17:30 is open: breached.
SELECT results_eq(
  $$SELECT d, sla_status(ct.coverage, d, d + interval '8 hours 30 minutes', sla_target(ct.policy, 'SEV2', 'resolution'), '2026-08-01')
    FROM unnest(ARRAY[timestamptz '2026-06-30 09:00+00', '2026-07-01 09:00+00']) d
    JOIN contract_terms ct ON ct.vendor = 'V' AND ct.valid @> (d AT TIME ZONE 'UTC')::date ORDER BY d$$,
  $$VALUES (timestamptz '2026-06-30 09:00+00', 'met'), ('2026-07-01 09:00+00', 'breached')$$,
  'contract terms: each ticket is judged by the terms in force on the date it opened');
-- months: June 2 287 units at the old price, 18 500.00 + 1 487 x 14.50 = 40 061.50; July
-- 2 430 at the new, 19 500.00 + 1 530 x 14.00 = 40 920.00
SELECT results_eq(
  $$SELECT m, charge(ct.pricing, u)
    FROM (VALUES (date '2026-06-01', 2287), ('2026-07-01', 2430)) v(m, u)
    JOIN contract_terms ct ON ct.vendor = 'V' AND ct.valid @> v.m ORDER BY m$$,
  $$VALUES (date '2026-06-01', 40061.50), ('2026-07-01', 40920.00)$$,
  'contract terms: each month is priced by the terms in force on its first day');
SELECT * FROM finish();
ROLLBACK;
