-- postgres_fdw: with the foreign server's option extensions 'managed_services',
-- sla_summary_agg over a partitioned table of foreign partitions runs on the
-- remote side (partitionwise aggregation), and its result, shipped back as
-- the summary's text form, equals the local computation.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
RESET client_min_messages;
SET timezone = 'UTC';

-- the same tickets, once locally and once in two tables of a second database
CREATE TABLE tickets_local (vendor text, sev severity, opened timestamptz, done timestamptz);
INSERT INTO tickets_local
SELECT CASE WHEN i % 3 = 0 THEN 'Acme' ELSE 'Globex' END, severity(1 + i % 4),
       '2026-11-01'::timestamptz + (i * 97 % 40000) * interval '1 minute',
       CASE WHEN i % 11 = 0 THEN NULL
            ELSE '2026-11-01'::timestamptz + (i * 97 % 40000) * interval '1 minute' + (i * 31 % 3000) * interval '1 minute' END
FROM generate_series(1, 5000) i;

CREATE DATABASE ms_remote;
\c ms_remote
SET client_min_messages = warning;
CREATE EXTENSION managed_services;
RESET client_min_messages;
CREATE TABLE tickets_acme (vendor text, sev severity, opened timestamptz, done timestamptz);
CREATE TABLE tickets_globex (vendor text, sev severity, opened timestamptz, done timestamptz);
\c contrib_regression
SET timezone = 'UTC';

-- connection settings come from the environment of the test run
\getenv pghost PGHOST
\getenv pgport PGPORT
\getenv pguser PGUSER
\getenv pgpassword PGPASSWORD
CREATE SERVER ms_remote FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (dbname 'ms_remote', host :'pghost', port :'pgport', extensions 'managed_services');
CREATE USER MAPPING FOR CURRENT_USER SERVER ms_remote OPTIONS (user :'pguser', password :'pgpassword');

CREATE TABLE tickets_fdw (vendor text, sev severity, opened timestamptz, done timestamptz) PARTITION BY LIST (vendor);
CREATE FOREIGN TABLE tickets_fdw_acme PARTITION OF tickets_fdw FOR VALUES IN ('Acme')
  SERVER ms_remote OPTIONS (table_name 'tickets_acme');
CREATE FOREIGN TABLE tickets_fdw_globex PARTITION OF tickets_fdw FOR VALUES IN ('Globex')
  SERVER ms_remote OPTIONS (table_name 'tickets_globex');
INSERT INTO tickets_fdw SELECT * FROM tickets_local;
SELECT vendor, count(*) FROM tickets_fdw GROUP BY vendor ORDER BY vendor;

-- the aggregate is computed remotely, one query per partition
SET enable_partitionwise_aggregate = on;
EXPLAIN (VERBOSE, COSTS OFF)
SELECT vendor, sla_summary_agg('mon-fri 09:00-17:00 Europe/Berlin'::sla_window, opened, done, '4 hours', '2026-12-01')
FROM tickets_fdw GROUP BY vendor;

-- and equals the local result
CREATE TEMP TABLE remote_result AS
SELECT vendor, sla_summary_agg('mon-fri 09:00-17:00 Europe/Berlin'::sla_window, opened, done, '4 hours', '2026-12-01')::text AS s
FROM tickets_fdw GROUP BY vendor;
CREATE TEMP TABLE local_result AS
SELECT vendor, sla_summary_agg('mon-fri 09:00-17:00 Europe/Berlin'::sla_window, opened, done, '4 hours', '2026-12-01')::text AS s
FROM tickets_local GROUP BY vendor;
SELECT l.vendor, l.s = r.s AS equal, r.s AS remote_summary
FROM local_result l JOIN remote_result r USING (vendor) ORDER BY 1;

-- rolling the remote per-vendor summaries up gives the local total
SELECT (SELECT rollup(s::sla_summary)::text FROM remote_result)
     = (SELECT sla_summary_agg('mon-fri 09:00-17:00 Europe/Berlin'::sla_window, opened, done, '4 hours', '2026-12-01')::text
        FROM tickets_local) AS total_equal;

DROP TABLE tickets_fdw;
DROP USER MAPPING FOR CURRENT_USER SERVER ms_remote;
DROP SERVER ms_remote;
DROP TABLE tickets_local;
DROP DATABASE ms_remote;
