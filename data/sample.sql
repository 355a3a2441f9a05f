-- data/sample.sql: a deterministic sample database of a company that buys
-- managed services from three vendors (a 24x7 SOC in UTC, a business-hours
-- helpdesk in Europe/Berlin, a NOC in America/New_York), for the demo, the
-- tests and the benchmarks of managed_services.
--
-- Run it with psql into any database (it does not need the extension; the
-- contract terms are plain text in the forms the extension's types read):
--
--     psql -v tickets=50000 -f data/sample.sql        # the demo size (default)
--     psql -v tickets=2000000 -f data/sample.sql      # benchmarks
--
-- Size parameter: the psql variable "tickets" is the total number of tickets
-- over all vendors (SOC 30 %, Helpdesk 50 %, NOC 20 %); 50000 when not set.
-- Everything else (contracts, outages, maintenance) does not depend on it.
--
-- It creates, in the current schema, replacing earlier versions:
--   sample_meta            one row: the report's as-of instant and the size asked for
--   contracts              3 vendors: coverage calendar, severity policy, availability
--                          target, fees, as text in the extension's input forms
--   service_levels         per vendor and service level: target and service-credit terms
--   tickets                12 months of tickets, opened 2025-11-01 .. 2026-11-01 UTC,
--                          severities spelled as each vendor's export spells them
--   ticket_status_history  'new', 'in progress', 'waiting on customer', 'resolved' rows
--   outages                outages per vendor and component, with overlaps,
--                          duplicates, outages inside maintenance, one still going on
--   maintenance            planned maintenance windows (tstzrange)
--   monthly_volumes        tickets opened per vendor and month (in the contract's zone)
--   invoices               the vendors' invoice lines, a few of them deliberately wrong
--   soc_alerts             the SOC's alerts with their false-positive verdicts
--   roster                 agent shifts of the SOC and the helpdesk
--
-- Determinism: the same "tickets" value gives identical tables on every run
-- and machine, whatever the session's TimeZone or DateStyle: random() is
-- seeded with setseed() (once for the tickets, again for the maintenance
-- windows and the outages, which so do not depend on the number of tickets)
-- and only called in serial queries over explicitly ordered rows, no
-- synchronized scans; date arithmetic uses explicit time zones or epoch
-- seconds, never the session's TimeZone.
--
-- Speed: set-based SQL only, keys and indexes built after the load, all in
-- one transaction (a failed run leaves the old tables in place).  The
-- tickets' random draws are one serial pass that stores them
-- (sample_gen._rand); everything after it is arithmetic and joins on stored
-- values, in unlogged tables of the schema sample_gen (dropped at the end)
-- that parallel workers can read, and from 200 000 tickets on the planner may
-- use 2 workers for it (-v workers=N: N; 0: none), with the same rows: only
-- the tables' physical row order may differ then.  Below 200 000 tickets
-- nothing runs in parallel and the tables are exactly what they always were,
-- row order included (50 000 in a few seconds).  Timings at larger sizes:
-- docs/sample-data.md.  The session settings changed below are reset at the
-- end.
--
-- Report as-of instant: 2026-11-01 00:00 UTC.  Months are UTC calendar months,
-- but for the invoices: their volumes count each contract's months in its own zone, as
-- the reports do.

\set ON_ERROR_STOP on
\set sample_quiet :QUIET
\set QUIET on
\if :{?tickets}
\else
\set tickets 50000
\endif
-- fail early and clearly on a size that is not a number
SELECT :'tickets'::int AS tickets \gset sample_
-- parallel workers for the arithmetic after the random draws: none at the
-- demo size (so its tables keep their physical row order), 2 from 200 000
-- tickets on; -v workers=N sets it
\if :{?workers}
SELECT :'workers'::int AS workers \gset sample_
\else
SELECT CASE WHEN :'tickets'::int >= 200000 THEN 2 ELSE 0 END AS workers \gset sample_
\endif
SELECT :sample_workers > 0 AS parallel \gset sample_

SET client_min_messages = warning;          -- no "table does not exist, skipping"
SET max_parallel_workers_per_gather = 0;    -- random() must be called by one process ...
SET synchronize_seqscans = off;             -- ... over rows in a reproducible order
SET work_mem = '256MB';                     -- the big sorts and hashes stay in memory
SET maintenance_work_mem = '512MB';         -- index builds
SET jit = off;                              -- compiling the big expressions costs more than it saves
-- The random sequence of the tickets; the outages and maintenance windows
-- reseed on their own, so that they do not depend on the number of tickets.
SELECT setseed(0.42) AS seed \gset sample_

BEGIN;

DROP TABLE IF EXISTS sample_meta, contracts, tickets, ticket_status_history,
    outages, maintenance, monthly_volumes, invoices, service_levels, soc_alerts CASCADE;
-- the generator's own tables, dropped at the end: ordinary (unlogged) tables
-- in a schema of their own, not temporary ones, which parallel workers
-- cannot read
DROP SCHEMA IF EXISTS sample_gen CASCADE;
CREATE SCHEMA sample_gen;

CREATE TABLE sample_meta (as_of timestamptz, generated_tickets int);
INSERT INTO sample_meta VALUES ('2026-11-01 00:00+00', :tickets);
COMMENT ON TABLE sample_meta IS
    'sample data parameters: the "report as-of" instant (end of the 12-month period) and the number of tickets asked for';

-------------------------------------------------------------------------------
-- Contracts
-------------------------------------------------------------------------------
-- Holiday lists, checked against a calendar (weekday computed in PostgreSQL):
--
-- Helpdesk GmbH, Germany: nationwide public holidays plus 24 and 31 December,
-- which the contract also closes.  Easter Sunday 2026 = 5 April (Gauss /
-- anonymous Gregorian algorithm), hence Good Friday = Easter - 2 = Fri 3 Apr,
-- Easter Monday = Easter + 1 = Mon 6 Apr, Ascension = Easter + 39 = Thu 14 May,
-- Whit Monday = Easter + 50 = Mon 25 May.  Fixed: New Year Thu 2026-01-01,
-- Labour Day Fri 2026-05-01, German Unity Sat 2026-10-03 (a Saturday: listed
-- for completeness, no effect on a mon-fri calendar), Christmas Thu/Fri
-- 2025-12-25/26 and Fri/Sat 2026-12-25/26, closing days Wed 2025-12-24,
-- Wed 2025-12-31, Thu 2026-12-24, Thu 2026-12-31.  (Good Friday and Easter
-- Monday 2025 fall before the period.)  Reformation Day, Corpus Christi etc.
-- are regional, not nationwide: not listed.
--
-- Northwind NOC, United States: federal holidays as observed, from the start
-- of the period to Thanksgiving 2026:
--   Veterans Day        Tue 2025-11-11  (11 November)
--   Thanksgiving        Thu 2025-11-27  (4th Thursday of November; 1 Nov 2025 is a Saturday)
--   Christmas           Thu 2025-12-25
--   New Year            Thu 2026-01-01
--   MLK Day             Mon 2026-01-19  (3rd Monday of January)
--   Presidents' Day     Mon 2026-02-16  (3rd Monday of February)
--   Memorial Day        Mon 2026-05-25  (last Monday of May; 31 May 2026 is a Sunday)
--   Juneteenth          Fri 2026-06-19  (19 June)
--   Independence Day    Fri 2026-07-03  (4 July 2026 is a Saturday: observed the Friday before)
--   Labor Day           Mon 2026-09-07  (1st Monday of September)
--   Columbus Day        Mon 2026-10-12  (2nd Monday of October)
--   Veterans Day        Wed 2026-11-11
--   Thanksgiving        Thu 2026-11-26  (1 Nov 2026 is a Sunday: Thursdays 5, 12, 19, 26)
-- (Veterans Day and Juneteenth are federal holidays too: the list first
-- drafted for this file had left them out.)

CREATE TABLE contracts (
    vendor              text PRIMARY KEY,
    service             text,
    coverage            text,
    policy              text,
    availability_target numeric,
    monthly_fee         numeric,
    unit_price          numeric,
    included_units      int,
    pricing             text
);
INSERT INTO contracts VALUES
  ('Sentinel SOC', 'SOC', '24x7',
   'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 30 minutes resolve 8 hours; SEV3 respond 4 hours resolve 2 days; SEV4 respond 1 day resolve 5 days',
   0.9995, 42000.00, 0, 0, 'fixed 42000.00'),
  ('Helpdesk GmbH', 'Helpdesk',
   'mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2025-12-24,2025-12-25,2025-12-26,2025-12-31,2026-01-01,2026-04-03,2026-04-06,2026-05-01,2026-05-14,2026-05-25,2026-10-03,2026-12-24,2026-12-25,2026-12-26,2026-12-31',
   'SEV1 respond 30 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV3 respond 4 hours resolve 3 days; SEV4 respond 1 day resolve 10 days',
   0.995, 18500.00, 14.50, 800, 'fixed 18500.00 including 800 tickets; per ticket 14.50'),
  ('Northwind NOC', 'NOC',
   'mon-fri 07:00-19:00; sat 09:00-13:00 America/New_York holidays 2025-11-11,2025-11-27,2025-12-25,2026-01-01,2026-01-19,2026-02-16,2026-05-25,2026-06-19,2026-07-03,2026-09-07,2026-10-12,2026-11-11,2026-11-26',
   'SEV1 respond 15 minutes resolve 2 hours; SEV2 respond 30 minutes resolve 6 hours; SEV3 respond 2 hours resolve 2 days; SEV4 respond 8 hours resolve 5 days',
   0.999, 27000.00, 0, 0, 'fixed 27000.00');
COMMENT ON TABLE contracts IS
    'one row per vendor: coverage calendar, severity policy (response/resolution targets), monthly availability target, fees and pricing; coverage, policy and pricing are text in the forms the extension''s types read';

-- Service levels with service-credit terms (credit_schedule text), one row
-- per vendor and measured service level.  attainment is a share (0.995):
--   availability  availability() in coverage hours, maintenance excluded
--   response      sla_compliance() of the response targets
--   resolution    sla_compliance() of the resolution targets, pauses honoured
-- material_misses names what counts as a "per miss" event ('SEV1 breached':
-- resolution breaches of SEV1 tickets).  With 50 000 tickets (the demo) these
-- terms give, among others (checked in the demo report and sql/demo tests):
--   * Northwind NOC availability, AWS-like bands with a chronic multiplier
--     and a ladder: 2026-06 (99.77 %) 10 %, warning; 2026-07 (99.83 %) a
--     second miss in a row, chronic x1.5 = 15 %, remediation plan;
--   * Helpdesk GmbH, an at-risk pool of 12 % of the fee over three service
--     levels (allocations: availability 100 %, response 50 %, resolution
--     50 %): in 2026-03 availability (97.5 % of the coverage hours) and
--     resolution both miss, 12 % + 6 % = 18 % is capped at the 12 % at risk;
--   * Sentinel SOC resolution: a band credit plus 1 % per breached SEV1
--     ticket, capped at 10 % (binding in 2026-06: 5 % + 6 x 1 %);
--   * caps beyond one service level (issue 16): Northwind NOC's credits of a
--     month, all service levels together, are capped at 12 % of the fee
--     (binding in 2026-07: the chronic 15 % becomes 12 %); Sentinel SOC's
--     credits of a contract year (November to October) at 3 % of the year's
--     fees, 15 120.00 (binding from 2026-08 on: August owes 2 520.00 of its
--     3 780.00, October nothing);
--   * partial earn-back: Helpdesk GmbH's response credit is half forgiven
--     when the next 3 months meet the target (2026-02 and 2026-07: 6 % of
--     the fee, 3 % owed);
--   * quality: Helpdesk CSAT misses 4.2 in 2026-04, first contact resolution
--     misses 70 % in 2026-09, SOC false positives exceed 10 % in 2026-08
--     (planted below, at any size of at least a few thousand tickets).
CREATE TABLE service_levels (
    vendor          text,
    sla             text,
    target          numeric,
    credits         text,
    material_misses text,
    better          text NOT NULL DEFAULT 'higher' CHECK (better IN ('higher', 'lower')),
    PRIMARY KEY (vendor, sla)
);
INSERT INTO service_levels VALUES
  ('Sentinel SOC',  'availability', 0.9995, 'below 99.95%: 10%, below 99%: 30%, below 95%: 100%; cap 100%; annual cap 3%', NULL),
  ('Sentinel SOC',  'resolution',   0.89,   'below 89%: 5%; per miss 1%; warning after 1; remediation after 3; cap 10%; annual cap 3%', 'SEV1 breached'),
  ('Helpdesk GmbH', 'availability', 0.995,  'below 99.5%; at risk 12% allocation 100%', NULL),
  ('Helpdesk GmbH', 'response',     0.88,   'below 88%; earn back 50% after 3; at risk 12% allocation 50%', NULL),
  ('Helpdesk GmbH', 'resolution',   0.81,   'below 81%; at risk 12% allocation 50%', NULL),
  ('Northwind NOC', 'availability', 0.999,  'below 99.9%: 10%, below 99%: 25%, below 95%: 100%; chronic after 2 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 4 in a row or 5 of 12; cap 50%; period cap 12%', NULL),
  ('Northwind NOC', 'resolution',   0.775,  'below 77.5%: 5%; warning after 1; remediation after 2; penalty after 3; cap 10%; period cap 12%', NULL);
-- quality service levels: CSAT (mean survey score 1-5, a plain-number
-- threshold), first contact resolution (share of resolved tickets), SOC
-- false-positive rate (lower is better: an "above" band)
INSERT INTO service_levels VALUES
  ('Helpdesk GmbH', 'csat',                     4.2,  'below 4.2; at risk 12% allocation 30%', NULL, 'higher'),
  ('Helpdesk GmbH', 'first contact resolution', 0.70, 'below 70%; at risk 12% allocation 30%', NULL, 'higher'),
  ('Sentinel SOC',  'false positives',          0.10, 'above 10%: 3%; warning after 1; cap 10%; annual cap 3%', NULL, 'lower');
COMMENT ON TABLE service_levels IS
    'per vendor and service level: the attainment target (a share) and the contract''s service-credit terms as credit_schedule text';

-------------------------------------------------------------------------------
-- Generator parameters (temporary tables, dropped at COMMIT)
-------------------------------------------------------------------------------
-- Per vendor: time zone of its working day, number of tickets, and per
-- severity level 0..5 the median acknowledgement delay (business minutes) and
-- median work time to resolve (business hours).  "Business" time is the
-- vendor's coverage calendar (below): a ticket opened on Friday evening at the
-- helpdesk is acknowledged on Monday morning, like in real life, and the SLA
-- figures computed later in coverage hours come out realistic (mostly met,
-- with a tail of breaches).
CREATE UNLOGGED TABLE sample_gen._vendor AS
SELECT * FROM (VALUES
  (1, 'Sentinel SOC',  'UTC',              (:tickets::bigint * 3) / 10,
      '{3,5,10,30,90,180}'::float8[],   '{0.8,0.9,2,10,24,40}'::float8[],   1400),
  (2, 'Helpdesk GmbH', 'Europe/Berlin',    :tickets::bigint / 2,
      '{8,10,20,60,150,240}'::float8[], '{0.8,1,3,8,24,40}'::float8[],       320),
  (3, 'Northwind NOC', 'America/New_York', :tickets::bigint - (:tickets::bigint * 3) / 10 - :tickets::bigint / 2,
      '{4,5,10,35,120,200}'::float8[],  '{0.4,0.5,1.6,8,20,30}'::float8[],   500)
) v(ord, vendor, zone, n_tickets, ack_median_min, work_median_h, max_work_h);

-- The contract holidays, read back from the coverage text (one source of truth).
CREATE UNLOGGED TABLE sample_gen._holiday AS
SELECT v.ord, m[1]::date AS day
FROM sample_gen._vendor v
JOIN contracts c USING (vendor)
CROSS JOIN LATERAL regexp_matches(c.coverage, '(\d{4}-\d{2}-\d{2})', 'g') m;

-- The coverage calendar as UTC hours: one row per vendor and hour (hours
-- since the Unix epoch) from 2025-10-25 to 2029-01-01, whether that hour is
-- covered, and "bidx" = number of covered hours before it.  The calendars
-- change on whole local hours and both zones are whole hours off UTC, so a
-- UTC hour is either fully covered or not at all.  This turns "business
-- minutes since the epoch" into two hash joins on small tables:
--   B(t)    = 60 * bidx(hour of t) + (minutes into that hour if covered)
--   Binv(x) = start of the covered hour number floor(x / 60) + the rest
-- This mirrors the contract text; it is the generator's own simplification
-- and not a substitute for the extension's calendar.
CREATE UNLOGGED TABLE sample_gen._hour AS
SELECT ord, hr, covered,
       (count(*) FILTER (WHERE covered) OVER w - covered::int)::int AS bidx
FROM (
    SELECT v.ord, h.hr,
           CASE v.ord
             WHEN 1 THEN true
             WHEN 2 THEN extract(isodow FROM l.lt) <= 5
                         AND extract(hour FROM l.lt) IN (8, 9, 10, 11, 13, 14, 15, 16)
                         AND NOT EXISTS (SELECT 1 FROM sample_gen._holiday x WHERE x.ord = v.ord AND x.day = l.lt::date)
             ELSE        ((extract(isodow FROM l.lt) <= 5 AND extract(hour FROM l.lt) BETWEEN 7 AND 18)
                          OR (extract(isodow FROM l.lt) = 6 AND extract(hour FROM l.lt) BETWEEN 9 AND 12))
                         AND NOT EXISTS (SELECT 1 FROM sample_gen._holiday x WHERE x.ord = v.ord AND x.day = l.lt::date)
           END AS covered
    FROM sample_gen._vendor v
    CROSS JOIN generate_series(1761350400 / 3600, 1861920000 / 3600 - 1) h(hr)   -- 2025-10-25 .. 2029-01-01
    CROSS JOIN LATERAL (SELECT to_timestamp(h.hr * 3600.0) AT TIME ZONE v.zone AS lt) l
) s
WINDOW w AS (PARTITION BY ord ORDER BY hr);
CREATE INDEX ON sample_gen._hour (ord, hr);

-- Covered hours only, by their number: the table for Binv.
CREATE UNLOGGED TABLE sample_gen._bhour AS
SELECT ord, bidx, hr FROM sample_gen._hour WHERE covered;
ANALYZE sample_gen._hour, sample_gen._bhour;

-------------------------------------------------------------------------------
-- When tickets are opened
-------------------------------------------------------------------------------
-- One "slot" per vendor and local wall-clock hour of the year, weighted by a
-- vendor-specific profile of weekday and hour (office hours for the helpdesk,
-- long days and Saturday mornings for the NOC, round the clock with a daytime
-- bump for the SOC), a mild growth in volume over the year (+30 %), and some
-- day-to-day noise.  The tickets of each vendor are then shared out over its
-- slots in proportion to the weights (cumulative, so the total is exact),
-- and each ticket gets a random minute and second in its slot.
CREATE UNLOGGED TABLE sample_gen._slot_base AS
SELECT v.ord, v.zone, v.n_tickets, d.day, h.h,
       (d.day + make_interval(hours => h.h)) AS local_start,
       extract(isodow FROM d.day)::int AS dow,
       EXISTS (SELECT 1 FROM sample_gen._holiday x WHERE x.ord = v.ord AND x.day = d.day) AS holiday,
       (d.day - date '2025-11-01') / 365.0 AS year_frac
FROM sample_gen._vendor v
CROSS JOIN LATERAL (SELECT date '2025-10-31' + i AS day FROM generate_series(0, 366) i) d
CROSS JOIN generate_series(0, 23) h(h)
-- keep the local hours that lie within the UTC period
WHERE ((d.day + make_interval(hours => h.h)) AT TIME ZONE v.zone) >= timestamptz '2025-11-01 00:00+00'
  AND ((d.day + make_interval(hours => h.h)) AT TIME ZONE v.zone) <= timestamptz '2026-11-01 00:00+00' - interval '1 hour';

CREATE UNLOGGED TABLE sample_gen._slot AS
SELECT ord, local_start, zone, n_tickets,
       row_number() OVER (PARTITION BY ord ORDER BY local_start) AS slot,
       -- integer number of tickets: difference of the rounded cumulative shares
       floor(n_tickets * sum(w) OVER (PARTITION BY ord ORDER BY local_start) / sum(w) OVER (PARTITION BY ord))
     - floor(n_tickets * (sum(w) OVER (PARTITION BY ord ORDER BY local_start) - w) / sum(w) OVER (PARTITION BY ord))
         AS cnt
FROM (
    SELECT b.*,
           round((profile
                  * (1 + 0.3 * year_frac)                          -- growth over the year
                  * (0.75 + 0.5 * random()))::numeric, 6) AS w     -- day-to-day noise
    FROM (
        SELECT s.*,
               CASE ord
                 WHEN 1 THEN   -- SOC, UTC: round the clock, busier in (European/US) daytime
                      (1 + CASE WHEN h BETWEEN 7 AND 18 THEN 1.8 WHEN h IN (6, 19, 20) THEN 0.9 ELSE 0 END)
                      * CASE WHEN dow >= 6 THEN 0.7 ELSE 1 END
                 WHEN 2 THEN   -- Helpdesk, Berlin: office hours, lunch dip, quiet weekends and holidays
                      CASE WHEN dow <= 5 AND NOT holiday THEN
                             CASE WHEN h IN (9, 10) THEN 12 WHEN h = 8 THEN 9 WHEN h = 12 THEN 6
                                  WHEN h BETWEEN 11 AND 16 THEN 10 WHEN h = 7 THEN 1.5
                                  WHEN h BETWEEN 17 AND 21 THEN 1.2 ELSE 0.15 END
                           ELSE CASE WHEN h BETWEEN 9 AND 20 THEN 0.5 ELSE 0.1 END
                      END
                      -- summer holidays and the days between Christmas and New Year
                      * CASE WHEN extract(month FROM day) = 8 THEN 0.85
                             WHEN day BETWEEN date '2025-12-22' AND date '2026-01-02' THEN 0.6
                             ELSE 1 END
                 ELSE          -- NOC, New York: long days, Saturday mornings, alerts at night
                      CASE WHEN dow <= 5 AND NOT holiday THEN
                             CASE WHEN h BETWEEN 9 AND 11 THEN 8 WHEN h BETWEEN 7 AND 18 THEN 6
                                  WHEN h BETWEEN 19 AND 22 THEN 1.2 ELSE 0.6 END
                           WHEN dow = 6 AND NOT holiday THEN
                             CASE WHEN h BETWEEN 9 AND 12 THEN 3 WHEN h BETWEEN 7 AND 20 THEN 0.8 ELSE 0.5 END
                           ELSE CASE WHEN h BETWEEN 8 AND 20 THEN 0.7 ELSE 0.4 END
                      END
               END AS profile
        FROM sample_gen._slot_base s
        ORDER BY ord, local_start
        OFFSET 0          -- keep the ORDER BY: random() is called in this order
    ) b
) s;
DELETE FROM sample_gen._slot WHERE cnt = 0;

-------------------------------------------------------------------------------
-- Tickets, stage 1: every random draw
-------------------------------------------------------------------------------
-- All random numbers of a ticket are drawn here, in one serial pass over the
-- slots in a fixed order (subquery r); the rest is plain arithmetic on them.
-- Delays and durations are log-normal (Box-Muller normals z1..z4), in the
-- vendor's business time: minutes of coverage (see _hour).
-- The draws alone first, in one serial pass: random() is called here, over the
-- slots in a fixed order, and nowhere else for the tickets.
CREATE UNLOGGED TABLE sample_gen._rand AS
SELECT s.ord, s.slot, g.i,
       -- the opening instant: a local wall time, converted by PostgreSQL (DST included)
       floor(extract(epoch FROM ((s.local_start + random() * interval '1 hour') AT TIME ZONE s.zone)))::float8 AS open_s,
       random() AS u_sev, random() AS u_spell, random() AS u_cat, random() AS u_close,
       random() AS u_na, random() AS u1, random() AS u2, random() AS u3, random() AS u4,
       random() AS u_tail, random() AS u_tailx, random() AS u_lw, random() AS u_lwx,
       random() AS u_w, random() AS u_a, random() AS u_b
FROM (SELECT * FROM sample_gen._slot ORDER BY ord, slot OFFSET 0) s
CROSS JOIN LATERAL generate_series(1, s.cnt::int) g(i);

-- From here on only arithmetic on stored values: at large sizes the planner
-- may share the work among parallel workers (see "Speed" above); the
-- values are the same either way.
SET max_parallel_workers_per_gather = :sample_workers;
\if :sample_parallel
-- the rows are the result here, not a few aggregates: without these the
-- planner counts the hand-over of every row to the leader as too dear
SELECT current_setting('parallel_setup_cost') AS setup_cost,
       current_setting('parallel_tuple_cost') AS tuple_cost \gset sample_
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0.001;
\endif

CREATE UNLOGGED TABLE sample_gen._draw AS
SELECT q.ord, q.slot, q.i, q.open_s, v.vendor,
       -- each vendor's export spells severities its own way
       CASE q.ord
         WHEN 1 THEN CASE WHEN q.u_spell < 0.90 THEN 'P' WHEN q.u_spell < 0.95 THEN 'p' ELSE 'Sev-' END || q.lvl
         WHEN 2 THEN CASE q.lvl WHEN 0 THEN 'Emergency' WHEN 1 THEN 'critical'
                                WHEN 2 THEN CASE WHEN q.u_spell < 0.8 THEN 'High' ELSE 'SEV2' END
                                WHEN 3 THEN 'medium' WHEN 4 THEN 'Low' ELSE 'info' END
         ELSE        CASE q.lvl WHEN 0 THEN 'Sev 0' WHEN 1 THEN 'Sev 1'
                                WHEN 2 THEN CASE WHEN q.u_spell < 0.6 THEN 'sev-2' ELSE 'Major' END
                                WHEN 3 THEN CASE WHEN q.u_spell < 0.6 THEN 'S3' ELSE 'minor' END
                                WHEN 4 THEN '4' ELSE 'S5' END
       END AS severity,
       CASE q.ord
         WHEN 1 THEN CASE WHEN q.u_cat < 0.70 THEN 'security' WHEN q.u_cat < 0.82 THEN 'network'
                          WHEN q.u_cat < 0.92 THEN 'access' WHEN q.u_cat < 0.97 THEN 'software' ELSE 'request' END
         WHEN 2 THEN CASE WHEN q.u_cat < 0.003 THEN NULL      -- a few tickets nobody categorised
                          WHEN q.u_cat < 0.30 THEN 'access' WHEN q.u_cat < 0.60 THEN 'software'
                          WHEN q.u_cat < 0.78 THEN 'hardware' WHEN q.u_cat < 0.95 THEN 'request'
                          WHEN q.u_cat < 0.99 THEN 'network' ELSE 'security' END
         ELSE        CASE WHEN q.u_cat < 0.65 THEN 'network' WHEN q.u_cat < 0.90 THEN 'hardware'
                          WHEN q.u_cat < 0.95 THEN 'software' WHEN q.u_cat < 0.98 THEN 'security' ELSE 'request' END
       END AS category,
       q.never_ack,
       q.u_close < 0.85 AS closes,  -- resolved tickets that get closed once a week has passed
       -- acknowledgement delay, business minutes (none if never acknowledged)
       CASE WHEN NOT q.never_ack THEN least(greatest(exp(ln(v.ack_median_min[q.lvl + 1]) + q.z1), 0.5), 1800) END AS ack_b,
       -- the work to resolve, business minutes, cut in parts around the waits on the customer
       CASE WHEN q.n_waits >= 1 THEN w.work_b * q.split_a END AS w1,
       CASE WHEN q.n_waits = 2 THEN w.work_b * (1 - q.split_a) * q.split_b END AS w2,
       w.work_b * CASE q.n_waits WHEN 0 THEN 1 WHEN 1 THEN 1 - q.split_a
                                 ELSE (1 - q.split_a) * (1 - q.split_b) END AS w_last,
       -- the waits, whole seconds of wall-clock time: minutes to 10 days, or a long wait
       CASE WHEN q.n_waits >= 1 THEN floor(coalesce(q.long_wait_s, 60 * least(greatest(exp(ln(150) + 1.6 * q.z3), 3), 14400))) END AS wait1_s,
       CASE WHEN q.n_waits = 2 THEN floor(60 * least(greatest(exp(ln(150) + 1.6 * q.z4), 3), 14400)) END AS wait2_s
FROM (
    SELECT r.ord, r.slot, r.i, r.open_s, r.u_spell, r.u_cat, r.u_close,
           -- severity level: about 0.3 % SEV0, 3 % SEV1, 12 % SEV2, 45 % SEV3, 39.5 % SEV4, 0.2 % SEV5
           CASE WHEN r.u_sev < 0.003 THEN 0 WHEN r.u_sev < 0.033 THEN 1 WHEN r.u_sev < 0.153 THEN 2
                WHEN r.u_sev < 0.603 THEN 3 WHEN r.u_sev < 0.998 THEN 4 ELSE 5 END AS lvl,
           r.u_na < 0.01 AS never_ack,                                     -- about 1 % never acknowledged
           sqrt(-2 * ln(1 - r.u1)) * cos(2 * pi() * r.u2) AS z1,           -- acknowledgement delay
           sqrt(-2 * ln(1 - r.u1)) * sin(2 * pi() * r.u2) AS z2,           -- work time
           sqrt(-2 * ln(1 - r.u3)) * cos(2 * pi() * r.u4) AS z3,           -- first wait on the customer
           sqrt(-2 * ln(1 - r.u3)) * sin(2 * pi() * r.u4) AS z4,           -- second wait
           -- The long tail, which also makes the backlog of open tickets at the
           -- as-of instant (about 2 %, mostly opened in the last weeks):
           -- * stuck at the vendor (parts on order, escalated to a third party,
           --   forgotten in a queue): 8 % of SEV3-5, 4 % of SEV2, 2 % of SEV0-1;
           --   their work time is 2 to 60 times longer (these breach their SLA);
           -- * stuck on the customer: 8 % (1 % of SEV0-1) wait 2 to 40 days for
           --   the customer's answer (the SLA clock is paused meanwhile).
           CASE WHEN r.u_tail < CASE WHEN r.u_sev < 0.033 THEN 0.02 WHEN r.u_sev < 0.153 THEN 0.04 ELSE 0.08 END
                THEN exp(ln(2) + r.u_tailx * ln(30)) ELSE 1 END AS stuck,
           CASE WHEN r.u_lw < CASE WHEN r.u_sev < 0.033 THEN 0.01 ELSE 0.08 END
                THEN 86400 * exp(ln(2) + r.u_lwx * ln(20)) END AS long_wait_s,
           -- waits on the customer: about 15 % of the tickets (the long waits included)
           CASE WHEN r.u_na < 0.01 THEN 0
                WHEN r.u_w < 0.02 THEN 2
                WHEN r.u_w < 0.075 OR r.u_lw < CASE WHEN r.u_sev < 0.033 THEN 0.01 ELSE 0.08 END THEN 1
                ELSE 0 END AS n_waits,
           0.1 + 0.6 * r.u_a AS split_a,      -- share of the work done before the first wait
           0.2 + 0.6 * r.u_b AS split_b       -- share of the rest done before the second wait
    FROM sample_gen._rand r
) q
JOIN sample_gen._vendor v USING (ord)
-- the work time, business minutes (never acknowledged: closed after half of it)
CROSS JOIN LATERAL (
    SELECT least(greatest(exp(ln(v.work_median_h[q.lvl + 1] * 60) + CASE WHEN q.lvl <= 2 THEN 0.8 ELSE 1.0 END * q.z2) * q.stuck, 5),
                 v.max_work_h * 60)
           * CASE WHEN q.never_ack THEN 0.5 ELSE 1 END AS work_b
) w;

-------------------------------------------------------------------------------
-- Tickets, stage 2: timestamps in the vendor's coverage time
-------------------------------------------------------------------------------
-- In business minutes (B and Binv, see _hour):
--   x_open = B(opened)                  opened outside coverage: the next opening
--   ack    = Binv(x_open + ack delay)
--   with waits on the customer the work is done in two or three parts:
--   wait 1 starts at Binv(x_ack + part 1) and lasts a wall-clock time, work
--   resumes at its end e1 with x = B(e1), and so on;
--   resolved = Binv(x after the last wait + last part).
-- Tickets never acknowledged are closed (duplicates, spam, solved by the
-- requester) without an acknowledgement.  Times are whole seconds since the
-- epoch (floor is monotonic: the order of the events is kept).  Ticket ids
-- follow the opening time, like the ids of a ticketing tool.
CREATE UNLOGGED TABLE sample_gen._tick AS
WITH a AS (         -- the acknowledgement and the start of the first wait
    SELECT d.*, xo.x_open + coalesce(d.ack_b, 0) AS x_ack,
           floor(ba.hr * 3600.0::float8 + (xo.x_open + d.ack_b - 60 * ba.bidx) * 60) AS ack_s,
           floor(b1.hr * 3600.0::float8 + (xo.x_open + coalesce(d.ack_b, 0) + d.w1 - 60 * b1.bidx) * 60) AS wait1_start_s
    FROM sample_gen._draw d
    JOIN sample_gen._hour h ON h.ord = d.ord AND h.hr = floor(d.open_s / 3600)::int
    CROSS JOIN LATERAL (SELECT 60 * h.bidx + CASE WHEN h.covered THEN (d.open_s - h.hr * 3600.0::float8) / 60 ELSE 0 END AS x_open) xo
    LEFT JOIN sample_gen._bhour ba ON ba.ord = d.ord AND ba.bidx = floor((xo.x_open + d.ack_b) / 60)::int
    LEFT JOIN sample_gen._bhour b1 ON b1.ord = d.ord AND b1.bidx = floor((xo.x_open + coalesce(d.ack_b, 0) + d.w1) / 60)::int
    OFFSET 0      -- compute each step once (no inlining into the next one)
), b AS (           -- the end of the first wait, the second wait
    SELECT a.*, a.wait1_start_s + a.wait1_s AS wait1_end_s, y1.x_resume1,
           floor(b2.hr * 3600.0::float8 + (y1.x_resume1 + a.w2 - 60 * b2.bidx) * 60) AS wait2_start_s
    FROM a
    LEFT JOIN sample_gen._hour h1 ON h1.ord = a.ord AND h1.hr = floor((a.wait1_start_s + a.wait1_s) / 3600)::int
    CROSS JOIN LATERAL (SELECT 60 * h1.bidx + CASE WHEN h1.covered THEN (a.wait1_start_s + a.wait1_s - h1.hr * 3600.0::float8) / 60 ELSE 0 END AS x_resume1) y1
    LEFT JOIN sample_gen._bhour b2 ON b2.ord = a.ord AND b2.bidx = floor((y1.x_resume1 + a.w2) / 60)::int
    OFFSET 0      -- compute each step once (no inlining into the next one)
), c AS (           -- the end of the second wait, the last part of the work
    SELECT b.*, b.wait2_start_s + b.wait2_s AS wait2_end_s,
           coalesce(60 * h2.bidx + CASE WHEN h2.covered THEN (b.wait2_start_s + b.wait2_s - h2.hr * 3600.0::float8) / 60 ELSE 0 END,
                    b.x_resume1, b.x_ack) + b.w_last AS x_res
    FROM b
    LEFT JOIN sample_gen._hour h2 ON h2.ord = b.ord AND h2.hr = floor((b.wait2_start_s + b.wait2_s) / 3600)::int
    OFFSET 0      -- compute each step once (no inlining into the next one)
)
SELECT row_number() OVER (ORDER BY c.open_s, c.ord, c.slot, c.i) AS ticket_id,
       c.vendor, c.severity, c.category, c.never_ack, c.closes,
       c.open_s, c.ack_s, c.wait1_start_s, c.wait1_end_s, c.wait2_start_s, c.wait2_end_s,
       floor(br.hr * 3600.0::float8 + (c.x_res - 60 * br.bidx) * 60) AS res_s
FROM c
LEFT JOIN sample_gen._bhour br ON br.ord = c.ord AND br.bidx = floor(c.x_res / 60)::int;

-------------------------------------------------------------------------------
-- Tickets, stage 3: the tables, as seen on 2026-11-01 00:00 UTC
-------------------------------------------------------------------------------
-- Anything after the as-of instant has not happened yet: tickets resolved
-- later are still open ('open' when nobody has acknowledged them yet, else
-- 'in progress'), and the history only has the changes before it.
\set as_of_s 1793491200
-- (the as-of instant, 2026-11-01 00:00 UTC, in seconds since the epoch)
-- With parallel workers, CREATE TABLE AS (an INSERT's query never runs in
-- parallel); without, CREATE TABLE and INSERT, which fills the pages in the
-- order the demo's tables always had (the rows are the same either way)
\if :sample_parallel
CREATE TABLE tickets AS
\else
CREATE TABLE tickets (
    ticket_id       bigint NOT NULL,
    vendor          text NOT NULL,
    severity        text NOT NULL,
    category        text,
    opened_at       timestamptz NOT NULL,
    acknowledged_at timestamptz,
    resolved_at     timestamptz,
    status          text NOT NULL,
    csat            smallint,
    first_contact_resolution boolean
);
INSERT INTO tickets
\endif
SELECT t.ticket_id::bigint AS ticket_id, t.vendor::text AS vendor, t.severity::text AS severity,
       t.category::text AS category,
       to_timestamp(t.open_s) AS opened_at,
       CASE WHEN t.ack_s < :as_of_s THEN to_timestamp(t.ack_s) END AS acknowledged_at,
       CASE WHEN t.res_s < :as_of_s THEN to_timestamp(t.res_s) END AS resolved_at,
       CASE WHEN t.res_s < :as_of_s THEN
              -- requesters confirm (or the tool auto-closes) after a few days
              CASE WHEN t.never_ack OR (t.res_s < :as_of_s - 7 * 86400 AND t.closes)
                   THEN 'closed' ELSE 'resolved' END
            WHEN t.ack_s < :as_of_s THEN 'in progress'
            ELSE 'open' END AS status,
       -- CSAT: a fifth of the resolved tickets get an answer, scores
       -- 5/4/3/2/1 with 60/28/7/3/2 % (mean 4.41); planted: the helpdesk's
       -- April 2026 (UTC) scores 35/35/15/8/7 % (mean 3.83, below its 4.2)
       CASE WHEN t.res_s < :as_of_s AND q.u_survey < 0.2 THEN
              CASE WHEN t.vendor = 'Helpdesk GmbH' AND t.open_s >= 1775001600 AND t.open_s < 1777593600
                   THEN CASE WHEN q.u_score < 0.35 THEN 5 WHEN q.u_score < 0.70 THEN 4 WHEN q.u_score < 0.85 THEN 3
                             WHEN q.u_score < 0.93 THEN 2 ELSE 1 END
                   ELSE CASE WHEN q.u_score < 0.60 THEN 5 WHEN q.u_score < 0.88 THEN 4 WHEN q.u_score < 0.95 THEN 3
                             WHEN q.u_score < 0.98 THEN 2 ELSE 1 END
              END
       END::smallint AS csat,
       -- first contact resolution, the helpdesk's flag on resolved tickets:
       -- 76 %; planted: September 2026 (UTC) 62 %, below its 70 %
       CASE WHEN t.vendor = 'Helpdesk GmbH' AND t.res_s < :as_of_s THEN
              q.u_fcr < CASE WHEN t.open_s >= 1788220800 AND t.open_s < 1790812800 THEN 0.62 ELSE 0.76 END
       END AS first_contact_resolution
FROM sample_gen._tick t,       -- _tick is in ticket_id order already: no sort
     -- uniform draws from the ticket id alone (md5), so that the quality
     -- columns leave every random() draw of the generator as it was
     LATERAL (SELECT ('x' || substr(md5(t.ticket_id || ':survey'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_survey,
                     ('x' || substr(md5(t.ticket_id || ':score'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_score,
                     ('x' || substr(md5(t.ticket_id || ':fcr'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_fcr) q;
\if :sample_parallel
ALTER TABLE tickets ALTER COLUMN ticket_id SET NOT NULL, ALTER COLUMN vendor SET NOT NULL,
    ALTER COLUMN severity SET NOT NULL, ALTER COLUMN opened_at SET NOT NULL,
    ALTER COLUMN status SET NOT NULL;
\endif
COMMENT ON TABLE tickets IS
    'vendor tickets opened 2025-11-01 .. 2026-11-01 UTC as exported from the vendors'' tools; severity is the raw spelling of each vendor''s export (cast with severity::severity); csat is the requester''s survey score 1-5 (a fifth of the resolved tickets answer), first_contact_resolution the helpdesk''s flag on resolved tickets';

-- Everything up to the as-of instant: a ticket may be waiting on the
-- customer right then (its last row is 'waiting on customer', its status
-- 'in progress'); the answer comes later.
CREATE TABLE ticket_status_history AS
SELECT t.ticket_id::bigint AS ticket_id, e.status::text AS status, to_timestamp(e.at_s) AS changed_at
FROM sample_gen._tick t
CROSS JOIN LATERAL (VALUES
    (1, 'new',                 t.open_s),
    (2, 'in progress',         t.ack_s),
    (3, 'waiting on customer', t.wait1_start_s),
    (4, 'in progress',         t.wait1_end_s),
    (5, 'waiting on customer', t.wait2_start_s),
    (6, 'in progress',         t.wait2_end_s),
    (7, 'resolved',            t.res_s)
) e(n, status, at_s)
WHERE e.at_s < :as_of_s;
COMMENT ON TABLE ticket_status_history IS
    'status changes of each ticket: new, in progress, waiting on customer (the SLA clock pauses until the next in progress), resolved';
SET max_parallel_workers_per_gather = 0;     -- random() again below
\if :sample_parallel
SET parallel_setup_cost = :'sample_setup_cost';
SET parallel_tuple_cost = :'sample_tuple_cost';
\endif

-------------------------------------------------------------------------------
-- Maintenance windows
-------------------------------------------------------------------------------
-- Monthly planned maintenance, on a Sunday night in the vendor's zone:
-- SOC the 1st Sunday, Helpdesk the 2nd, NOC the 3rd, starting between 21:00
-- and 23:00 local and lasting 1 to 4 hours; plus a few extra windows
-- (a data-centre move on a Saturday, an emergency patch on a weekday night).
SELECT setseed(0.1742) AS seed \gset sample_
CREATE TABLE maintenance (
    vendor text,
    during tstzrange,
    note   text
);
COMMENT ON TABLE maintenance IS
    'planned maintenance windows announced by the vendors; downtime inside them does not count against availability';

INSERT INTO maintenance
SELECT vendor,
       tstzrange((sunday + start_h * interval '1 hour') AT TIME ZONE zone,
                 (sunday + start_h * interval '1 hour' + len_min * interval '1 minute') AT TIME ZONE zone, '[)'),
       note
FROM (
    SELECT v.vendor, v.zone, m.month,
           -- the n-th Sunday of the month
           m.month + ((7 - extract(isodow FROM m.month)::int) % 7) + 7 * (v.ord - 1) AS sunday,
           21 + floor(3 * random())::int AS start_h,
           60 * (1 + floor(4 * random())::int) AS len_min,
           (ARRAY['OS patching', 'firmware upgrade', 'database maintenance', 'certificate rotation',
                  'storage expansion', 'network change'])[1 + floor(6 * random())::int] AS note
    FROM (SELECT * FROM sample_gen._vendor ORDER BY ord OFFSET 0) v
    CROSS JOIN LATERAL (SELECT (date '2025-11-01' + make_interval(months => k))::date AS month
                        FROM generate_series(0, 11) k) m
    ORDER BY v.ord, m.month
    OFFSET 0
) w
UNION ALL
SELECT vendor, tstzrange(lo, hi, '[)'), note FROM (VALUES
    ('Helpdesk GmbH', timestamptz '2026-02-21 18:00+01', timestamptz '2026-02-22 02:00+01', 'data-centre move: telephony and ticket portal'),
    ('Northwind NOC', timestamptz '2026-05-13 23:30-04', timestamptz '2026-05-14 01:30-04', 'emergency firmware patch (vendor advisory), announced 2 days before'),
    ('Sentinel SOC',  timestamptz '2026-08-22 22:00+00', timestamptz '2026-08-23 04:00+00', 'SIEM major version upgrade')
) x(vendor, lo, hi, note);

-------------------------------------------------------------------------------
-- Outages
-------------------------------------------------------------------------------
-- About 30 outages per vendor over the year:
-- 1. Background: a few short outages per vendor and month at random times
--    (SOC 1-2 of 1-6 min, Helpdesk 1-3 of 3-20 min, NOC 1-2 of 2-12 min),
--    small enough that the monthly targets hold on their own.
-- 2. Incidents, written out below.  Computed correctly (union of the
--    outages of a vendor, minus maintenance, per UTC month), exactly these
--    months miss their target, both round the clock and counted in coverage
--    hours only (the incidents are in weekday business hours):
--    * Northwind NOC, 2026-06 (101 min down, 99.77 %) and 2026-07 (74 min,
--      99.83 %) against 99.9 %, with two components down at once each time
--      and the 2026-06-10 WAN edge outage reported twice;
--    * Helpdesk GmbH, 2026-03 (312 min, 99.30 %) against 99.5 %: 3.5 h of
--      phone line and 75 min of ticket portal.
--    Traps for a naive computation:
--    * Sentinel SOC, 2026-02: SIEM and log ingestion overlap; the union is
--      18 min in the month (99.955 %, met), the plain sum 23 min would miss
--      99.95 % (20.16 min allowed in February);
--    * an SOC outage in 2026-04 is reported twice under different ids;
--    * one SOC outage is still going on at the as-of instant (ended_at NULL):
--      it counts up to 2026-11-01 00:00 UTC;
--    * 3. below: counting the outages inside maintenance windows would make
--      SOC and NOC miss in several more months.
-- 3. Outages during maintenance windows: a 45-minute outage inside the
--    monthly window in January, April, July and October (to be excluded),
--    and once per vendor an outage that starts inside a window and runs past
--    its end (only the part after the window counts).
SELECT setseed(0.2718) AS seed \gset sample_
CREATE TEMP TABLE _outage (
    vendor text, service_component text, started_at timestamptz, ended_at timestamptz, impact text
) ON COMMIT DROP;

-- 1. background
INSERT INTO _outage
SELECT vendor, component,
       to_timestamp(floor(start_s)),
       to_timestamp(floor(start_s) + 60 * len_min),
       impact
FROM (
    SELECT v.vendor,
           (CASE v.ord
              WHEN 1 THEN ARRAY['SIEM', 'log ingestion', 'EDR console', 'customer portal']
              WHEN 2 THEN ARRAY['phone line', 'ticket portal', 'chat', 'remote support tool']
              ELSE        ARRAY['monitoring', 'ticket portal', 'WAN edge', 'VPN concentrator', 'DNS']
            END)[1 + floor(random() * CASE v.ord WHEN 3 THEN 5 ELSE 4 END)::int] AS component,
           -- a random instant in the month (the first day of each month is
           -- left out so that nothing straddles a month boundary)
           extract(epoch FROM m.month::timestamp AT TIME ZONE 'UTC') + 86400 * (1 + random() * 26) AS start_s,
           CASE v.ord WHEN 1 THEN 1 + floor(6 * random())
                      WHEN 2 THEN 3 + floor(18 * random())
                      ELSE        2 + floor(11 * random()) END AS len_min,
           CASE WHEN random() < 0.6 THEN 'full' WHEN random() < 0.5 THEN 'partial' ELSE 'degraded' END AS impact,
           k, random() AS u_keep
    FROM (SELECT * FROM sample_gen._vendor ORDER BY ord OFFSET 0) v
    CROSS JOIN LATERAL (SELECT (date '2025-11-01' + make_interval(months => j))::date AS month
                        FROM generate_series(0, 11) j) m
    CROSS JOIN generate_series(1, 3) k
    ORDER BY v.ord, m.month, k
    OFFSET 0
) b
-- 1-2 outages a month for SOC and NOC, 1-3 for the helpdesk
WHERE k = 1 OR (k = 2 AND u_keep < 0.6) OR (k = 3 AND vendor = 'Helpdesk GmbH' AND u_keep < 0.4);

-- 2. incidents (local times where the vendor reported them)
INSERT INTO _outage VALUES
    -- Northwind NOC, June 2026: WAN edge down 75 min, monitoring blind at the same time; duplicate report
    ('Northwind NOC', 'WAN edge',         '2026-06-10 13:20-04', '2026-06-10 14:35-04', 'full'),
    ('Northwind NOC', 'WAN edge',         '2026-06-10 13:20-04', '2026-06-10 14:35-04', 'full'),
    ('Northwind NOC', 'monitoring',       '2026-06-10 13:50-04', '2026-06-10 14:20-04', 'partial'),
    ('Northwind NOC', 'DNS',              '2026-06-24 10:12-04', '2026-06-24 10:31-04', 'partial'),
    -- Northwind NOC, July 2026: VPN concentrator, then DNS while it recovers
    ('Northwind NOC', 'VPN concentrator', '2026-07-14 09:05-04', '2026-07-14 09:52-04', 'full'),
    ('Northwind NOC', 'DNS',              '2026-07-14 09:30-04', '2026-07-14 10:05-04', 'degraded'),
    -- Helpdesk GmbH, March 2026: phone line all morning, ticket portal in the afternoon two weeks later
    ('Helpdesk GmbH', 'phone line',       '2026-03-10 09:10+01', '2026-03-10 12:40+01', 'full'),
    ('Helpdesk GmbH', 'ticket portal',    '2026-03-24 14:05+01', '2026-03-24 15:20+01', 'full'),
    -- Sentinel SOC, February 2026: SIEM and log ingestion overlapping
    ('Sentinel SOC',  'SIEM',             '2026-02-03 10:00+00', '2026-02-03 10:08+00', 'full'),
    ('Sentinel SOC',  'log ingestion',    '2026-02-03 10:03+00', '2026-02-03 10:12+00', 'degraded'),
    -- Sentinel SOC, April 2026: reported twice
    ('Sentinel SOC',  'EDR console',      '2026-04-16 15:42+00', '2026-04-16 15:49+00', 'partial'),
    ('Sentinel SOC',  'EDR console',      '2026-04-16 15:42+00', '2026-04-16 15:49+00', 'partial'),
    -- still going on at the as-of instant
    ('Sentinel SOC',  'log ingestion',    '2026-10-31 23:49+00', NULL,                  'degraded');

-- 3. outages during maintenance: inside the window (the patch needed a
-- reboot) in about a third of the monthly windows ...
INSERT INTO _outage
SELECT m.vendor, CASE m.vendor WHEN 'Sentinel SOC' THEN 'SIEM' WHEN 'Helpdesk GmbH' THEN 'ticket portal' ELSE 'monitoring' END,
       lower(during) + interval '10 minutes',
       least(upper(during) - interval '5 minutes', lower(during) + interval '55 minutes'),
       'full'
FROM maintenance m
WHERE extract(month FROM lower(during) AT TIME ZONE 'UTC') IN (1, 4, 7, 10)
  AND note NOT LIKE '%emergency%';
-- ... and, once per vendor, an outage that started in the window and ran on
-- after it closed (SOC 8, Helpdesk 25, NOC 12 minutes)
INSERT INTO _outage
SELECT vendor, CASE vendor WHEN 'Sentinel SOC' THEN 'SIEM' WHEN 'Helpdesk GmbH' THEN 'ticket portal' ELSE 'monitoring' END,
       upper(during) - interval '20 minutes',
       upper(during) + CASE vendor WHEN 'Sentinel SOC' THEN interval '8 minutes' WHEN 'Helpdesk GmbH' THEN interval '25 minutes'
                                   ELSE interval '12 minutes' END,
       'full'
FROM maintenance
WHERE note LIKE 'data-centre move%' OR note LIKE 'emergency%' OR note LIKE 'SIEM major%';

CREATE TABLE outages (
    outage_id         bigint NOT NULL,
    vendor            text,
    service_component text,
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    impact            text
);
COMMENT ON TABLE outages IS
    'outages reported by the vendors; may overlap (two components down at once), may be reported twice, may fall into maintenance; ended_at NULL = still going on';
INSERT INTO outages
SELECT row_number() OVER (ORDER BY started_at, vendor, service_component, ended_at, impact), *
FROM _outage
ORDER BY 1;

-------------------------------------------------------------------------------
-- Monthly volumes and invoices
-------------------------------------------------------------------------------
CREATE TABLE monthly_volumes (
    vendor text,
    month  date,
    units  int
);
COMMENT ON TABLE monthly_volumes IS
    'billable units per vendor and month: the tickets opened in that month, a calendar month in the contract''s zone (sla_timezone(coverage)), as the reports count them';
INSERT INTO monthly_volumes
SELECT v.vendor, m.month, coalesce(c.n, 0)
FROM sample_gen._vendor v
CROSS JOIN (SELECT (date '2025-11-01' + make_interval(months => k))::date AS month
            FROM generate_series(0, 11) k) m
LEFT JOIN (SELECT t.vendor, date_trunc('month', t.opened_at AT TIME ZONE sla_timezone(k.coverage::sla_window))::date AS month,
                  count(*) AS n
           FROM tickets t JOIN contracts k USING (vendor) GROUP BY 1, 2) c ON c.vendor = v.vendor AND c.month = m.month
ORDER BY v.ord, m.month;

-- One 'monthly fee' line per vendor and month, plus for the helpdesk a
-- 'tickets over commitment' line = greatest(units - included_units, 0) * unit_price.
-- Deliberate errors, for the reconciliation report to find:
--   * Helpdesk GmbH, 2026-02, 'tickets over commitment': billed for 5 % more
--     tickets than were opened (round(units * 1.05)); this shows only when
--     the helpdesk has more than about 760 tickets that month, i.e. from
--     about 20 000 tickets in all.
--   * Helpdesk GmbH, 2026-05, 'tickets over commitment': 0.03 too much
--     (a rounding difference).
--   * The vendors never deduct service credits themselves: the 'monthly fee'
--     is billed in full in the months that missed the availability target
--     (Northwind NOC 2026-06 and 2026-07, Helpdesk GmbH 2026-03), where a
--     service credit is due.
-- Everything else is correct.
--   * Helpdesk GmbH, 2026-08, 'tickets over commitment': the right number
--     of tickets at 15.50 instead of the contract's 14.50 (wrong rate).
-- units: the number of units an invoice line states it bills (the tickets
-- of the month for 'tickets over commitment'), NULL for the fixed fee.
-- The 'service credit' lines are added by data/credits.sql, which needs the
-- extension (see there for the planted credit errors).
CREATE TABLE invoices (
    invoice_id bigint NOT NULL,
    vendor     text,
    month      date,
    line       text,
    units      numeric,
    billed     numeric
);
COMMENT ON TABLE invoices IS
    'invoice lines billed by the vendors per month: the fixed monthly fee, tickets over the commitment for per-ticket pricing, service credits (negative); a few are deliberately wrong';
INSERT INTO invoices
SELECT row_number() OVER (ORDER BY month, ord, line_no), vendor, month, line, units, billed
FROM (
    SELECT v.ord, c.vendor, mv.month, 1 AS line_no, 'monthly fee' AS line, NULL::numeric AS units, c.monthly_fee AS billed
    FROM contracts c JOIN sample_gen._vendor v USING (vendor) JOIN monthly_volumes mv USING (vendor)
    UNION ALL
    SELECT v.ord, c.vendor, mv.month, 2, 'tickets over commitment', b.units,
           greatest(b.units - c.included_units, 0)
           * CASE WHEN mv.month = date '2026-08-01' THEN c.unit_price + 1 ELSE c.unit_price END
           + CASE WHEN mv.month = date '2026-05-01' THEN 0.03 ELSE 0 END
    FROM contracts c JOIN sample_gen._vendor v USING (vendor) JOIN monthly_volumes mv USING (vendor),
         LATERAL (SELECT CASE WHEN mv.month = date '2026-02-01' THEN round(mv.units * 1.05) ELSE mv.units END AS units) b
    WHERE c.unit_price > 0
) l
ORDER BY 1;

-------------------------------------------------------------------------------
-- SOC alerts: what the SOC raised, with the analysts' verdict
-------------------------------------------------------------------------------
-- One to three alerts an hour round the clock; 6 % are false positives,
-- except in August 2026 (UTC), 14 %: above the contract's 10 %.  Drawn from
-- the hour (md5), independent of the number of tickets.
CREATE TABLE soc_alerts (
    alert_id       bigint NOT NULL,
    vendor         text,
    raised_at      timestamptz,
    false_positive boolean
);
COMMENT ON TABLE soc_alerts IS
    'alerts raised by the SOC; false_positive is the verdict after triage (the contract caps the false-positive rate)';
INSERT INTO soc_alerts
SELECT row_number() OVER (ORDER BY h, k), 'Sentinel SOC', h + k * interval '17 minutes',
       ('x' || substr(md5(extract(epoch FROM h)::bigint || ':' || k || ':fp'), 1, 8))::bit(32)::bigint / 4294967296.0
         < CASE WHEN h >= '2026-08-01 00:00+00' AND h < '2026-09-01 00:00+00' THEN 0.14 ELSE 0.06 END
FROM generate_series(timestamptz '2025-11-01 00:00+00', '2026-10-31 23:00+00', interval '1 hour') h,
     generate_series(0, 2) k
WHERE k <= ('x' || substr(md5(extract(epoch FROM h)::bigint || ':n'), 1, 8))::bit(32)::bigint % 3;

-------------------------------------------------------------------------------
-- Keys, indexes, statistics
-------------------------------------------------------------------------------
ALTER TABLE tickets ADD PRIMARY KEY (ticket_id);
ALTER TABLE outages ADD PRIMARY KEY (outage_id);
ALTER TABLE monthly_volumes ADD PRIMARY KEY (vendor, month);
ALTER TABLE invoices ADD PRIMARY KEY (invoice_id);
ALTER TABLE soc_alerts ADD PRIMARY KEY (alert_id);
CREATE INDEX ticket_status_history_ticket_id_changed_at_idx ON ticket_status_history (ticket_id, changed_at);

ANALYZE sample_meta, contracts, service_levels, tickets, ticket_status_history, outages, maintenance, monthly_volumes, invoices, soc_alerts;

DROP SCHEMA sample_gen CASCADE;
COMMIT;

RESET client_min_messages;
RESET max_parallel_workers_per_gather;
RESET synchronize_seqscans;
RESET work_mem;
RESET maintenance_work_mem;
RESET jit;
\set QUIET :sample_quiet

-------------------------------------------------------------------------------
-- Roster: one row per agent shift, for the staffing minimums of the SOC and
-- the helpdesk (staffed() / understaffed()).  Self-contained and without
-- random(): the same rows on every run, whatever the number of tickets.
--
-- Sentinel SOC, 24x7 UTC, at least 2 analysts: three teams of two (soc-01/02,
-- soc-03/04, soc-05/06) rotate daily through early 06:00-14:00, late
-- 14:00-22:00 and night 22:00-06:00 UTC (on day n: early team n % 3, late
-- (n + 1) % 3, night (n + 2) % 3), from the night of 2025-10-31 to the night
-- of 2026-10-31 (so 2025-11-01 00:00 and 2026-11-01 00:00 are covered).
-- Helpdesk GmbH, mon-fri 08:00-12:00, 13:00-17:00 Europe/Berlin, at least 3
-- agents: of hd-anna, hd-ben, hd-clara, hd-dirk, hd-eva one is off each
-- business day in turn (day number % 5), the other four work 08:00-12:00 and
-- 13:00-17:00 Berlin time (two rows: lunch is a gap); nobody on weekends and
-- the contract's holidays.
--
-- Planted understaffing (UTC months), everything else is fully staffed:
--   SOC  2026-01: the night of Sat 01-17 the first analyst of the night team
--                 goes home at 02:00 instead of 06:00: 02:00-06:00 on 01-18 with
--                 one analyst, 4 h
--   SOC  2026-05: on Sat 05-09 the first analyst of the late team starts at
--                 15:00: 14:00-15:00 with one analyst, 1 h
--   SOC  2026-08/09: the night of Mon 08-31 the first analyst of the night team
--                 is missing: 22:00-24:00 is 2 h in August, 00:00-06:00 on
--                 09-01 6 h in September
--   Helpdesk 2025-12: Mon 12-22 the first two agents on duty take a day off:
--                 two agents all day, 8 business hours
--   Helpdesk 2026-02: Tue 02-10 the first two agents on duty go home sick at
--                 lunch: two agents 13:00-17:00, 4 h
--   Helpdesk 2026-07: Tue 07-21 the first two agents on duty start at 09:30:
--                 two agents 08:00-09:30, 1.5 h
-------------------------------------------------------------------------------
\set QUIET on
SET client_min_messages = warning;
BEGIN;
DROP TABLE IF EXISTS roster;
CREATE TABLE roster (
    vendor text,
    agent  text,
    shift  tstzrange
);
COMMENT ON TABLE roster IS
    'agent shifts per vendor (one row per shift; an agent''s break is a gap between two rows), for staffing minimums: SOC 24x7 with 2 analysts, helpdesk business hours with 3 agents; a few understaffed hours planted';
INSERT INTO roster
SELECT vendor, agent, shift FROM (
    -- the SOC: day n = days since 2025-10-31, shift s = 0 early, 1 late, 2 night
    SELECT 'Sentinel SOC' AS vendor,
           format('soc-%s', lpad((2 * ((n + s) % 3) + m)::text, 2, '0')) AS agent,
           tstzrange((d + make_interval(hours => 6 + 8 * s)) AT TIME ZONE 'UTC',
                     (d + make_interval(hours => 14 + 8 * s)) AT TIME ZONE 'UTC') AS shift
    FROM generate_series(0, 365) n
    CROSS JOIN LATERAL (SELECT timestamp '2025-10-31' + make_interval(days => n) AS d) dd
    CROSS JOIN generate_series(0, 2) s
    CROSS JOIN generate_series(1, 2) m
    UNION ALL
    -- the helpdesk: business days of the contract, four agents of five, two halves
    SELECT 'Helpdesk GmbH',
           a.name,
           tstzrange((d + h.starts) AT TIME ZONE 'Europe/Berlin', (d + h.ends) AT TIME ZONE 'Europe/Berlin')
    FROM generate_series(0, 365) n
    CROSS JOIN LATERAL (SELECT timestamp '2025-10-31' + make_interval(days => n) AS d) dd
    CROSS JOIN (VALUES (0, 'hd-anna'), (1, 'hd-ben'), (2, 'hd-clara'), (3, 'hd-dirk'), (4, 'hd-eva')) a(i, name)
    CROSS JOIN (VALUES (time '08:00', time '12:00'), (time '13:00', time '17:00')) h(starts, ends)
    WHERE extract(isodow FROM d) <= 5
      AND d::date NOT IN ('2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31', '2026-01-01', '2026-04-03',
                          '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03')
      AND a.i <> n % 5
) r
ORDER BY vendor, lower(shift), agent;

-- the planted understaffing (see above)
UPDATE roster SET shift = tstzrange(lower(shift), '2026-01-18 02:00+00')
WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-01-17 22:00+00'
  AND agent = (SELECT min(agent) FROM roster WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-01-17 22:00+00');
UPDATE roster SET shift = tstzrange('2026-05-09 15:00+00', upper(shift))
WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-05-09 14:00+00'
  AND agent = (SELECT min(agent) FROM roster WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-05-09 14:00+00');
DELETE FROM roster
WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-08-31 22:00+00'
  AND agent = (SELECT min(agent) FROM roster WHERE vendor = 'Sentinel SOC' AND lower(shift) = '2026-08-31 22:00+00');
DELETE FROM roster
WHERE vendor = 'Helpdesk GmbH' AND (lower(shift) AT TIME ZONE 'Europe/Berlin')::date = '2025-12-22'
  AND agent IN (SELECT DISTINCT agent FROM roster WHERE vendor = 'Helpdesk GmbH'
                  AND (lower(shift) AT TIME ZONE 'Europe/Berlin')::date = '2025-12-22' ORDER BY agent LIMIT 2);
DELETE FROM roster
WHERE vendor = 'Helpdesk GmbH' AND lower(shift) = timestamp '2026-02-10 13:00' AT TIME ZONE 'Europe/Berlin'
  AND agent IN (SELECT agent FROM roster WHERE vendor = 'Helpdesk GmbH'
                  AND lower(shift) = timestamp '2026-02-10 13:00' AT TIME ZONE 'Europe/Berlin' ORDER BY agent LIMIT 2);
UPDATE roster SET shift = tstzrange(timestamp '2026-07-21 09:30' AT TIME ZONE 'Europe/Berlin', upper(shift))
WHERE vendor = 'Helpdesk GmbH' AND lower(shift) = timestamp '2026-07-21 08:00' AT TIME ZONE 'Europe/Berlin'
  AND agent IN (SELECT agent FROM roster WHERE vendor = 'Helpdesk GmbH'
                  AND lower(shift) = timestamp '2026-07-21 08:00' AT TIME ZONE 'Europe/Berlin' ORDER BY agent LIMIT 2);
ANALYZE roster;
COMMIT;
RESET client_min_messages;
\set QUIET :sample_quiet
