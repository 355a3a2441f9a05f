-- The sample's status log, as the vendors' tools export it, and the tickets'
-- SLA clocks built from it (docs/tickets.md, "The clock from the status log").
-- Run after data/types.sql (it reads tickets.sev, ticket_status_history and
-- ticket_priority_changes; data/sample.sql itself is left as it is).
--
-- Helpdesk GmbH runs Jira Service Management (Open, In Progress, Waiting for
-- customer, Resolved, Closed, Reopened); Sentinel SOC and Northwind NOC run
-- Zendesk (new, open, pending, solved, closed).  The log agrees with the
-- tickets table: the same opened and resolved times, and under "reopen
-- continues" the same paused time, because every reopening here replaces a
-- "waiting on customer" span (the ticket was resolved, the customer answered
-- and it was reopened: the time it stood resolved is a pause).  Added: the
-- reopenings (about 3 % of the tickets that waited on the customer), a
-- Closed row four days after the resolution of the tickets the table shows
-- closed, and the priority changes of ticket_priority_changes as rows
-- without a status.  Deterministic: the draws come from the ticket id (md5).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

DROP TABLE IF EXISTS ticket_status_log, clock_rules, ticket_clocks;
CREATE TABLE ticket_status_log (
    ticket_id bigint NOT NULL,
    seq       int NOT NULL,
    at        timestamptz NOT NULL,
    status    text,
    priority  severity,
    PRIMARY KEY (ticket_id, seq)
);
COMMENT ON TABLE ticket_status_log IS
    'the vendors'' status logs (Jira for Helpdesk GmbH, Zendesk for the others): one row per status change, or per priority change (status NULL); seq orders rows of equal times';

INSERT INTO ticket_status_log
WITH h AS (
  SELECT h.ticket_id, h.status, h.changed_at, t.vendor, t.sev,
         row_number() OVER (PARTITION BY h.ticket_id
                            ORDER BY h.changed_at, array_position(ARRAY['new', 'in progress', 'waiting on customer', 'resolved'], h.status)) AS n,
         lead(h.status) OVER (PARTITION BY h.ticket_id
                              ORDER BY h.changed_at, array_position(ARRAY['new', 'in progress', 'waiting on customer', 'resolved'], h.status)) AS next_status,
         ('x' || substr(md5(h.ticket_id || ':reopen'), 1, 8))::bit(32)::bigint / 4294967296.0 < 0.03 AS reopens
  FROM ticket_status_history h JOIN tickets t USING (ticket_id)),
first_wait AS (     -- the span a reopening replaces: the first wait on the customer
  SELECT ticket_id, min(n) AS n FROM h
  WHERE status = 'waiting on customer' AND next_status = 'in progress' AND reopens GROUP BY ticket_id),
rows AS (
  SELECT h.ticket_id, h.changed_at AS at, h.n AS k, h.vendor,
         CASE WHEN h.n = f.n THEN 'resolved'
              WHEN h.n = f.n + 1 AND h.status = 'in progress' THEN 'reopened'
              ELSE h.status END AS status,
         CASE WHEN h.n = 1 THEN h.sev END AS priority
  FROM h LEFT JOIN first_wait f USING (ticket_id)
  UNION ALL      -- closed four days after the resolution
  SELECT ticket_id, resolved_at + interval '4 days', 100, vendor, 'closed', NULL
  FROM tickets WHERE status = 'closed'
  UNION ALL      -- priority changes, a row without a status
  SELECT c.ticket_id, c.changed_at, 200, t.vendor, NULL, c.sev
  FROM ticket_priority_changes c JOIN tickets t USING (ticket_id))
SELECT ticket_id, row_number() OVER (PARTITION BY ticket_id ORDER BY at, k), at,
       CASE WHEN vendor = 'Helpdesk GmbH'
            THEN CASE status WHEN 'new' THEN 'Open' WHEN 'in progress' THEN 'In Progress'
                             WHEN 'waiting on customer' THEN 'Waiting for customer' WHEN 'resolved' THEN 'Resolved'
                             WHEN 'closed' THEN 'Closed' WHEN 'reopened' THEN 'Reopened' END
            ELSE CASE status WHEN 'new' THEN 'new' WHEN 'in progress' THEN 'open'
                             WHEN 'waiting on customer' THEN 'pending' WHEN 'resolved' THEN 'solved'
                             WHEN 'closed' THEN 'closed' WHEN 'reopened' THEN 'open' END
       END,
       priority
FROM rows;

-- the clock's rules per vendor, as each tool declares its resolution SLA
CREATE TABLE clock_rules (vendor text PRIMARY KEY, resolution sla_clock_rules NOT NULL);
COMMENT ON TABLE clock_rules IS 'per vendor, the resolution clock''s rules over its tool''s statuses';
INSERT INTO clock_rules VALUES
  ('Helpdesk GmbH', 'pause on ''Waiting for customer''; stop on ''Resolved'', ''Closed''; reopen continues'),
  ('Sentinel SOC', 'pause on ''pending'', ''on-hold''; stop on ''solved'', ''closed''; reopen continues'),
  ('Northwind NOC', 'pause on ''pending'', ''on-hold''; stop on ''solved'', ''closed''; reopen continues');

-- one clock per ticket: one rules value and one GROUP BY ticket
CREATE TABLE ticket_clocks AS
SELECT l.ticket_id, t.vendor, sla_clock(r.resolution, l.at, l.status, l.priority ORDER BY l.at, l.seq) AS clock
FROM ticket_status_log l JOIN tickets t USING (ticket_id) JOIN clock_rules r USING (vendor)
GROUP BY l.ticket_id, t.vendor;
ALTER TABLE ticket_clocks ADD PRIMARY KEY (ticket_id);
COMMENT ON TABLE ticket_clocks IS 'each ticket''s resolution clock (sla_clock) from ticket_status_log under its vendor''s clock_rules';
ANALYZE ticket_status_log, clock_rules, ticket_clocks;
