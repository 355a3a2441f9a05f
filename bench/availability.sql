-- availability benchmarks: the speed targets of the availability issue.
--
--   1. availability(o, p) over 1M outages in 1 000 groups (vendor x month) against the
--      plain-SQL way, range_agg(o * p) then the lengths of its ranges           >= 3x
--   2. the same against the floor sum(upper(o) - lower(o)) over the same rows   info
--      (what any per-row aggregate costs; the extension also merges)
--   3. availability(o, p, w) in coverage hours against range_agg + sla_elapsed(w, multirange),
--      and availability(o, p, w, maintenance) against the same minus the maintenance   info
--   4. the outages in time order (as outage tables usually are) against random order   info
--
-- Run by bench/run.sh (psql -v scale=$BENCH_SCALE); the row count scales with it.  Runs
-- on its own too (psql -f bench/availability.sql in a scratch database): it then loads
-- bench/lib.sql itself.

SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET timezone = 'UTC';
SET work_mem = '256MB';
SET client_min_messages = notice;

\if :{?scale}
\else
\set scale 1
\endif
SELECT to_regnamespace('bench') IS NOT NULL AS have_lib \gset
\if :have_lib
\else
\ir lib.sql
\endif
SELECT greatest(10000, round(1000000 * :scale))::bigint AS n_outages, 1000 AS n_groups \gset

-- ---------------------------------------------------------------------------
-- data (deterministic): 50 vendors x 20 months, 1 000 outages per vendor and month,
-- 1 to 10 minutes long at random instants of the month (plus a day either side, so that
-- some are clipped), some overlapping; 1 in 5 000 is still going on
-- ---------------------------------------------------------------------------
SELECT setseed(0.0505) AS seed \gset
CREATE TABLE av_outage (vendor int NOT NULL, month date NOT NULL, period tstzrange NOT NULL, during tstzrange);
INSERT INTO av_outage
SELECT vendor, month, tstzrange(month, (month + interval '1 month')::date),
       CASE WHEN random() < 0.0002 THEN tstzrange(s, NULL) ELSE tstzrange(s, s + floor(1 + random() * 10) * interval '1 minute') END
FROM (SELECT vendor, month,
             month::timestamptz - interval '1 day' + floor(random() * 33 * 1440) * interval '1 minute' AS s
      FROM (SELECT k % 50 AS vendor, (date '2025-01-01' + ((k / 50) % 20) * interval '1 month')::date AS month
            FROM generate_series(0, :n_outages - 1) k) g) x;
-- the same rows in time order within each group
CREATE TABLE av_outage_sorted AS SELECT * FROM av_outage ORDER BY vendor, month, lower(during);
-- coverage hours and maintenance per vendor: a business-hours window in Berlin with
-- holidays, and a monthly 4-hour maintenance on the first Sunday night
CREATE TABLE av_contract (vendor int PRIMARY KEY, w sla_window NOT NULL);
INSERT INTO av_contract
SELECT v, 'mon-fri 08:00-18:00 Europe/Berlin holidays 2025-01-01,2025-04-18,2025-04-21,2025-05-01,2025-12-25,2025-12-26,2026-01-01,2026-04-03,2026-04-06,2026-05-01'
FROM generate_series(0, 49) v;
CREATE TABLE av_maintenance (vendor int NOT NULL, during tstzrange NOT NULL);
INSERT INTO av_maintenance
SELECT v, tstzrange(d + time '22:00', d + time '22:00' + interval '4 hours')
FROM generate_series(0, 49) v,
     LATERAL (SELECT (date '2025-01-01' + k * interval '1 month')::date AS m FROM generate_series(0, 19) k) mo,
     LATERAL (SELECT m + (7 - extract(isodow FROM m)::int) % 7 AS d) su;
-- the maintenance of each vendor as one multirange, as the recipe of docs/availability.md builds it
CREATE VIEW av_maint AS SELECT vendor, range_agg(during) AS maint FROM av_maintenance GROUP BY vendor;
VACUUM ANALYZE av_outage, av_outage_sorted, av_contract, av_maintenance;
SELECT bench.settle() AS settled \gset

SELECT count(*) AS outages, count(DISTINCT (vendor, month)) AS groups,
       pg_size_pretty(pg_table_size('av_outage')) AS size,
       round(avg(extract(epoch FROM upper(during) - lower(during))) FILTER (WHERE NOT upper_inf(during)) / 60, 1) AS mean_minutes
FROM av_outage;

-- ---------------------------------------------------------------------------
-- the queries: one row per vendor and month
-- ---------------------------------------------------------------------------
-- the extension
\set q_ext 'SELECT vendor, month, availability(during, period) FROM av_outage GROUP BY vendor, month'
-- the plain-SQL way, done right: clip, merge with range_agg, measure the merged ranges
\set q_base 'SELECT vendor, month, 1 - coalesce((SELECT sum(extract(epoch FROM upper(r) - lower(r))) FROM unnest(m) r), 0) / extract(epoch FROM upper(period) - lower(period)) FROM (SELECT vendor, month, period, range_agg(during * period) AS m FROM av_outage GROUP BY vendor, month, period) x'
-- the floor: one cheap aggregate over the same rows (and wrong: overlaps count twice)
\set q_floor 'SELECT vendor, month, sum(upper(during) - lower(during)) FROM av_outage GROUP BY vendor, month'
-- coverage hours: the contract's window joined to every outage
\set q_ext_w 'SELECT vendor, month, availability(during, period, w) FROM av_outage JOIN av_contract USING (vendor) GROUP BY vendor, month'
\set q_base_w 'SELECT vendor, month, 1 - extract(epoch FROM sla_elapsed(w, m)) / extract(epoch FROM sla_elapsed(w, tstzmultirange(period))) FROM (SELECT vendor, month, period, w, range_agg(during * period) AS m FROM av_outage JOIN av_contract USING (vendor) GROUP BY vendor, month, period, w) x'
-- coverage hours and maintenance: the vendor's maintenance (20 months of it) joined too
\set q_ext_m 'SELECT vendor, month, availability(during, period, w, maint) FROM av_outage JOIN av_contract USING (vendor) JOIN av_maint USING (vendor) GROUP BY vendor, month'
\set q_base_m 'SELECT vendor, month, 1 - extract(epoch FROM sla_elapsed(w, m - maint)) / extract(epoch FROM sla_elapsed(w, tstzmultirange(period) - maint)) FROM (SELECT vendor, month, period, w, maint, range_agg(during * period) AS m FROM av_outage JOIN av_contract USING (vendor) JOIN av_maint USING (vendor) GROUP BY vendor, month, period, w, maint) x'
-- time order
\set q_ext_sorted 'SELECT vendor, month, availability(during, period) FROM av_outage_sorted GROUP BY vendor, month'

-- the answers agree before anything is timed (to 1e-12: the baseline divides seconds as numeric)
CREATE TEMP TABLE av_check AS
SELECT e.vendor, e.month, e.a AS e, b.a AS b, ew.a AS ew, bw.a AS bw, em.a AS em, bm.a AS bm
FROM (:q_ext) e(vendor, month, a)
JOIN (:q_base) b(vendor, month, a) USING (vendor, month)
JOIN (:q_ext_w) ew(vendor, month, a) USING (vendor, month)
JOIN (:q_base_w) bw(vendor, month, a) USING (vendor, month)
JOIN (:q_ext_m) em(vendor, month, a) USING (vendor, month)
JOIN (:q_base_m) bm(vendor, month, a) USING (vendor, month);
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(e - b) < 1e-12) AS agree_24x7,
       count(*) FILTER (WHERE abs(ew - bw) < 1e-12) AS agree_window,
       count(*) FILTER (WHERE abs(em - bm) < 1e-12) AS agree_maintenance,
       round(min(e)::numeric, 4) AS min_24x7, round(avg(e)::numeric, 4) AS avg_24x7,
       round(avg(ew)::numeric, 4) AS avg_window, round(avg(em)::numeric, 4) AS avg_maintenance
FROM av_check;

-- ---------------------------------------------------------------------------
-- timings (best of 5, the two queries of a comparison in turn)
-- ---------------------------------------------------------------------------
SELECT bench.compare('availability', '1M outages / 1000 groups: availability() vs range_agg + lengths',
                     :'q_ext', :'q_base', '>= 3', :n_outages, :n_outages, 5);
SELECT bench.compare('availability', '1M outages: availability() vs floor sum(upper - lower)',
                     :'q_ext', :'q_floor', 'info', :n_outages, :n_outages, 5);
SELECT bench.compare('availability', '1M outages, coverage hours: availability(o, p, w) vs range_agg + sla_elapsed',
                     :'q_ext_w', :'q_base_w', 'info (speed-up)', :n_outages, :n_outages, 5);
SELECT bench.compare('availability', '1M outages, hours + maintenance: availability(o, p, w, m) vs range_agg - m + sla_elapsed',
                     :'q_ext_m', :'q_base_m', 'info (speed-up)', :n_outages, :n_outages, 5);
SELECT bench.compare('availability', '1M outages in time order / in random order',
                     :'q_ext_sorted', :'q_ext', 'info', :n_outages, :n_outages, 5);

DROP VIEW av_maint;
DROP TABLE av_outage, av_outage_sorted, av_contract, av_maintenance, av_check;
