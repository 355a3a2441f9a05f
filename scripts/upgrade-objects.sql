-- The user's objects over managed_services 0.1.0 for scripts/upgrade-test.sh:
-- columns of every 0.1.0 type with their indexes (btree and hash), a stored
-- generated column, views over its aggregates (sla_summary_agg, availability)
-- and a materialized view that stores summaries and availability states.
-- Only 0.1.0 objects are used; the data are deterministic (no random()).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE SCHEMA app;

CREATE TABLE app.contracts (
	vendor text PRIMARY KEY,
	coverage sla_window NOT NULL,
	policy sla_policy NOT NULL
);
CREATE INDEX contracts_coverage ON app.contracts USING hash (coverage);
CREATE INDEX contracts_policy ON app.contracts USING hash (policy);
INSERT INTO app.contracts VALUES
  ('Sentinel SOC', '24x7',
   'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 30 minutes resolve 8 hours; SEV3 respond 4 hours resolve 2 days; SEV4 respond 1 day resolve 5 days'),
  ('Helpdesk GmbH',
   'mon-fri 08:00-12:00,13:00-17:00 Europe/Berlin holidays 2025-12-24,2025-12-25,2025-12-26,2025-12-31,2026-01-01,2026-04-03,2026-04-06',
   'SEV1 respond 30 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV3 respond 4 hours resolve 3 days'),
  ('Northwind NOC', 'mon-fri 07:00-19:00; sat 09:00-13:00 America/New_York holidays 2025-11-27,2025-12-25,2026-01-01',
   'SEV1 respond 15 minutes resolve 2 hours; SEV2 respond 30 minutes resolve 6 hours; SEV3 respond 2 hours resolve 2 days; SEV4 respond 8 hours resolve 5 days');

CREATE TABLE app.tickets (
	ticket_id int PRIMARY KEY,
	vendor text NOT NULL REFERENCES app.contracts,
	raw_severity text NOT NULL,
	sev severity GENERATED ALWAYS AS (raw_severity::severity) STORED,
	opened_at timestamptz NOT NULL,
	acknowledged_at timestamptz,
	resolved_at timestamptz,
	paused tstzmultirange
);
CREATE INDEX tickets_sev ON app.tickets (sev);
-- 3000 tickets over six months, spread by fixed strides (primes) so that
-- every vendor, severity, weekday and hour occurs; some open, some paused
INSERT INTO app.tickets (ticket_id, vendor, raw_severity, opened_at, acknowledged_at, resolved_at, paused)
SELECT i,
       (ARRAY['Sentinel SOC', 'Helpdesk GmbH', 'Northwind NOC'])[1 + i % 3],
       (ARRAY['SEV1', 'P2', 'sev3', 'Low', 'S2', 'critical'])[1 + (i / 3) % 6],
       o,
       o + make_interval(mins => 5 + (i * 13) % 300),
       CASE WHEN i % 17 = 0 THEN NULL ELSE o + make_interval(mins => 30 + (i * 7919) % 9000) END,
       CASE WHEN i % 5 = 0 THEN tstzmultirange(tstzrange(o + interval '1 hour', o + make_interval(hours => 2 + i % 30))) END
FROM generate_series(1, 3000) i,
     LATERAL (SELECT timestamptz '2026-01-01 00:00+00' + make_interval(mins => (i * 86413) % (181 * 1440)) AS o) t;

CREATE TABLE app.severity_labels (sev severity NOT NULL, label text NOT NULL);
CREATE INDEX severity_labels_sev ON app.severity_labels USING hash (sev);
INSERT INTO app.severity_labels VALUES ('SEV1', 'critical'), ('SEV2', 'major'), ('SEV3', 'minor'), ('SEV4', 'low');

CREATE TABLE app.outages (vendor text NOT NULL REFERENCES app.contracts, during tstzrange NOT NULL);
INSERT INTO app.outages
SELECT (ARRAY['Sentinel SOC', 'Helpdesk GmbH', 'Northwind NOC'])[1 + i % 3],
       tstzrange(s, s + make_interval(mins => 3 + (i * 37) % 240))
FROM generate_series(1, 400) i,
     LATERAL (SELECT timestamptz '2026-01-01 00:00+00' + make_interval(mins => (i * 65521) % (181 * 1440)) AS s) t;

CREATE TABLE app.maintenance (vendor text NOT NULL REFERENCES app.contracts, windows tstzmultirange NOT NULL);
INSERT INTO app.maintenance
SELECT vendor, range_agg(tstzrange(d + interval '2 hours', d + interval '4 hours'))
FROM app.contracts, generate_series(timestamptz '2026-01-04 00:00+00', '2026-06-28', interval '7 days') d
GROUP BY vendor;

-- summaries stored in a table, as a nightly job would keep them
CREATE TABLE app.daily_summaries (
	vendor text,
	day date,
	response sla_summary,
	resolution sla_summary,
	PRIMARY KEY (vendor, day)
);
INSERT INTO app.daily_summaries
SELECT t.vendor, (t.opened_at AT TIME ZONE 'UTC')::date,
       sla_summary_agg(c.coverage, t.opened_at, t.acknowledged_at, sla_target(c.policy, t.sev, 'response'), '2026-07-01 00:00+00'),
       sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused)
FROM app.tickets t JOIN app.contracts c USING (vendor)
GROUP BY 1, 2;

CREATE VIEW app.months AS
SELECT m AS month, tstzrange(m, m + interval '1 month') AS period
FROM generate_series(timestamptz '2026-01-01 00:00+00', '2026-06-01 00:00+00', interval '1 month') m;

CREATE VIEW app.scorecard AS
SELECT t.vendor, m.month,
       sla_summary_agg(c.coverage, t.opened_at, t.acknowledged_at,
                       sla_target(c.policy, t.sev, 'response'), '2026-07-01 00:00+00') AS response,
       sla_summary_agg(c.coverage, t.opened_at, t.resolved_at,
                       sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused) AS resolution,
       sla_compliance(c.coverage, t.opened_at, t.resolved_at,
                      sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00') AS resolution_unpaused,
       min(t.sev) AS worst, max(t.sev) AS mildest
FROM app.tickets t JOIN app.contracts c USING (vendor) JOIN app.months m ON t.opened_at <@ m.period
GROUP BY t.vendor, m.month;

CREATE VIEW app.availability AS
SELECT c.vendor, m.month,
       availability(o.during, m.period, c.coverage, coalesce(mt.windows, '{}')) AS availability,
       downtime(o.during, m.period, c.coverage, coalesce(mt.windows, '{}')) AS downtime,
       availability_agg(o.during, m.period, c.coverage, coalesce(mt.windows, '{}')) AS state,
       downtime_budget(0.999, m.period, c.coverage, coalesce(mt.windows, '{}')) AS budget
FROM app.contracts c CROSS JOIN app.months m
LEFT JOIN app.maintenance mt USING (vendor)
LEFT JOIN app.outages o ON o.vendor = c.vendor AND o.during && m.period
GROUP BY c.vendor, m.month, m.period, c.coverage, mt.windows;

CREATE MATERIALIZED VIEW app.report AS
SELECT s.vendor, s.month, s.response, s.resolution, s.resolution_unpaused, s.worst, s.mildest,
       a.availability, a.downtime, a.state, a.budget
FROM app.scorecard s JOIN app.availability a USING (vendor, month);
CREATE UNIQUE INDEX report_key ON app.report (vendor, month);

ANALYZE;
