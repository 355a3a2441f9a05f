-- Summaries as plain values and plain columns (DESIGN 6b): sla_summary and
-- availability_state have equality and hashing (DISTINCT, GROUP BY, UNION,
-- hash joins), and each reads as typed columns in one call.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET TimeZone = 'UTC';

-- sla_summary: equal by counts and business times
SELECT 'met=1 breached=2 pending=3 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=03:00:00'::sla_summary
     = 'met=1 breached=2 pending=3 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=03:00:00'::sla_summary AS same,
       'met=1 breached=2 pending=3 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=03:00:00'::sla_summary
     = 'met=1 breached=2 pending=3 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=04:00:00'::sla_summary AS other_max,
       'met=1 breached=2 pending=3 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=03:00:00'::sla_summary
    <> 'met=1 breached=2 pending=4 untargeted=0 timed=3 total=06:00:00 min=01:00:00 max=03:00:00'::sla_summary AS other_pending;
-- text written before untargeted existed reads as untargeted=0, and is equal
SELECT 'met=1 breached=0 pending=0 timed=0 total=00:00:00 min=- max=-'::sla_summary
     = 'met=1 breached=0 pending=0 untargeted=0 timed=0 total=00:00:00 min=- max=-'::sla_summary AS old_text_equal;

-- a month of tickets summarised per vendor in one pass, and as the rollup
-- of its days in another order: the same values, found by a hash join, one
-- DISTINCT value per vendor, and equal hashes
CREATE TEMP TABLE tk AS
SELECT v.vendor, timestamptz '2026-03-02 08:00+00' + (i * 37 % 600) * interval '1 hour' AS opened,
       CASE WHEN i % 7 = 0 THEN NULL
            ELSE timestamptz '2026-03-02 08:00+00' + (i * 37 % 600) * interval '1 hour' + (i % 13) * interval '1 hour' END AS done
FROM generate_series(1, 300) i, (VALUES ('Acme', 300), ('Globex', 200)) v (vendor, n)
WHERE i <= v.n;
CREATE TEMP TABLE one_pass AS
SELECT vendor, sla_summary_agg('mon-fri 09:00-17:00 UTC', opened, done, '4 hours', '2026-04-30') AS s
FROM tk GROUP BY vendor;
CREATE TEMP TABLE by_day AS
SELECT vendor, date_trunc('day', opened) AS day, sla_summary_agg('mon-fri 09:00-17:00 UTC', opened, done, '4 hours', '2026-04-30') AS s
FROM tk GROUP BY 1, 2;
CREATE TEMP TABLE rolled AS
SELECT vendor, rollup(s ORDER BY day DESC) AS s FROM by_day GROUP BY vendor;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT o.vendor FROM one_pass o JOIN rolled r ON o.s = r.s;
SELECT o.vendor, o.vendor = r.vendor AS same_vendor, sla_summary_hash(o.s) = sla_summary_hash(r.s) AS same_hash,
       sla_summary_hash_extended(o.s, 7) = sla_summary_hash_extended(r.s, 7) AS same_hash_extended
FROM one_pass o JOIN rolled r ON o.s = r.s ORDER BY 1;
RESET enable_mergejoin;
RESET enable_nestloop;
-- (hashed: a summary has no order, so count(DISTINCT s) and ORDER BY s are
-- not offered)
SELECT count(*) AS distinct_summaries FROM (SELECT DISTINCT s FROM (SELECT s FROM one_pass UNION ALL SELECT s FROM rolled) x) y;
SELECT count(*) AS union_rows FROM (SELECT s FROM one_pass UNION SELECT s FROM rolled) x;
SELECT s = (SELECT s FROM one_pass WHERE vendor = 'Acme') AS is_acme, count(*)
FROM (SELECT s FROM one_pass UNION ALL SELECT s FROM rolled) x GROUP BY s ORDER BY 1;
\set VERBOSITY terse
SELECT s FROM one_pass ORDER BY s;
\set VERBOSITY default

-- the summary as typed columns: by hand, 3 met and 1 breached of 4 timed
-- tickets (10 hours in all, 1 to 4 each) and 2 pending
SELECT c.* FROM sla_summary_columns('met=3 breached=1 pending=2 untargeted=1 timed=4 total=10:00:00 min=01:00:00 max=04:00:00') c;
-- nothing decided, nothing timed: compliance and the times per ticket are NULL
SELECT c.* FROM sla_summary_columns('met=0 breached=0 pending=2 untargeted=0 timed=0 total=00:00:00 min=- max=-') c;
SELECT sla_summary_columns(NULL) IS NULL AS null_in_null_out;
-- every column is the accessor's value (compliance exactly met / decided)
SELECT vendor,
       c.met = sla_met(s) AND c.breached = sla_breached(s) AND c.pending = sla_pending(s)
   AND c.untargeted = sla_untargeted(s) AND c.timed = sla_timed(s) AND c.total = sla_total(s)
   AND c.mean = sla_mean_elapsed(s) AND c.min = sla_min_elapsed(s) AND c.max = sla_max_elapsed(s) AS accessors,
       c.compliance = c.met::numeric / (c.met + c.breached) AS compliance_exact,
       abs(c.compliance - sla_compliance(s)::numeric) < 1e-15 AS compliance_as_float,
       c.total_hours = round(extract(epoch FROM c.total) / 3600, 6) AS total_hours,
       c.mean_hours = round(extract(epoch FROM c.mean) / 3600, 6) AS mean_hours
FROM one_pass, LATERAL sla_summary_columns(s) c ORDER BY vendor;
SELECT pg_typeof(c.compliance) AS compliance, pg_typeof(c.met) AS met, pg_typeof(c.total_hours) AS hours
FROM one_pass, LATERAL sla_summary_columns(s) c LIMIT 1;

-- availability_state: equal by period, window, maintenance and merged
-- outages, however the outages came (overlapping ones, or in another order)
CREATE TEMP TABLE outages (id int, o tstzrange);
INSERT INTO outages VALUES (1, '[2026-03-02 10:00+00,2026-03-02 11:00+00)'), (2, '[2026-03-02 10:30+00,2026-03-02 12:00+00)'),
                           (3, '[2026-03-10 00:00+00,2026-03-10 00:30+00)');
SELECT a.s = b.s AS merged_equal, a.s <> c.s AS differs_from_one_less,
       availability_state_hash(a.s) = availability_state_hash(b.s) AS same_hash,
       availability_state_hash_extended(a.s, 7) = availability_state_hash_extended(b.s, 7) AS same_hash_extended
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)' ORDER BY id) AS s FROM outages) a,
     (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)' ORDER BY id DESC) AS s FROM outages) b,
     (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)') AS s FROM outages WHERE id < 3) c;
SELECT count(*) AS distinct_states FROM (SELECT DISTINCT s
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)') AS s FROM outages
      UNION ALL SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)') FROM outages WHERE id <> 2
      UNION ALL SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)') FROM outages WHERE id < 3) x) y;
-- as columns, by hand: March is 744 hours; down 10:00-12:00 and 00:00-00:30,
-- 150 minutes; availability (744 h - 2.5 h) / 744 h = 741.5 / 744
SELECT c.*, c.availability = 741.5 / 744.0 AS exact,
       abs(c.availability - availability(s)::numeric) < 1e-15 AS as_float
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)') AS s FROM outages) a,
     LATERAL availability_state_columns(s) c;
-- in coverage hours (mon-fri 09:00-17:00 UTC): March 2026 has 22 weekdays,
-- 176 open hours; down 10:00-12:00 on Monday 2 March (2 hours; the outage of
-- Tuesday 10 March at 00:00 is outside them)
SELECT c.open_time, c.downtime, c.availability, c.downtime_minutes
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)', 'mon-fri 09:00-17:00 UTC') AS s FROM outages) a,
     LATERAL availability_state_columns(s) c;
