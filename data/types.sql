-- Give the sample database the extension's types: contract terms become
-- sla_window and sla_policy columns (parsed once, here, not per row in every
-- report), tickets get a severity column read from the raw export spelling,
-- and the "waiting on customer" spans of the status history become one
-- paused multirange per ticket.  Run after data/sample.sql.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

ALTER TABLE contracts
  ALTER COLUMN coverage TYPE sla_window USING coverage::sla_window,
  ALTER COLUMN policy TYPE sla_policy USING policy::sla_policy,
  ALTER COLUMN pricing TYPE price_schedule USING pricing::price_schedule;

ALTER TABLE service_levels
  ALTER COLUMN credits TYPE credit_schedule USING credits::credit_schedule;

ALTER TABLE tickets ADD COLUMN sev severity GENERATED ALWAYS AS (severity::severity) STORED;

DROP TABLE IF EXISTS ticket_pauses;
CREATE TABLE ticket_pauses AS
SELECT ticket_id, range_agg(span) AS paused
FROM (SELECT ticket_id, status,
             tstzrange(changed_at, lead(changed_at) OVER (PARTITION BY ticket_id ORDER BY changed_at)) AS span
      FROM ticket_status_history) s
WHERE status = 'waiting on customer'
GROUP BY ticket_id;
ALTER TABLE ticket_pauses ADD PRIMARY KEY (ticket_id);
COMMENT ON TABLE ticket_pauses IS 'per ticket, the spans its SLA clock stood still (waiting on customer), from ticket_status_history';
-- A priority-change log, as a ticketing tool's history keeps it: about 2 % of
-- the resolved SEV2-SEV4 tickets changed priority once while open (tickets.sev
-- is the priority they were opened with), upgraded or downgraded by one level.
-- The draws come from the ticket id (md5), so that nothing else in the sample
-- moves.
DROP TABLE IF EXISTS ticket_priority_changes;
CREATE TABLE ticket_priority_changes AS
SELECT t.ticket_id,
       date_trunc('second', t.opened_at + q.u_at * (t.resolved_at - t.opened_at)) AS changed_at,
       CASE WHEN q.u_dir < 0.5 OR severity_level(t.sev) = 4
            THEN severity_level(t.sev) - 1 ELSE severity_level(t.sev) + 1 END::severity AS sev
FROM tickets t,
     LATERAL (SELECT ('x' || substr(md5(t.ticket_id || ':prio'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u,
                     ('x' || substr(md5(t.ticket_id || ':prio-at'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_at,
                     ('x' || substr(md5(t.ticket_id || ':prio-dir'), 1, 8))::bit(32)::bigint / 4294967296.0 AS u_dir) q
WHERE t.resolved_at IS NOT NULL AND severity_level(t.sev) BETWEEN 2 AND 4 AND q.u < 0.02
  AND date_trunc('second', t.opened_at + q.u_at * (t.resolved_at - t.opened_at)) > t.opened_at;
ALTER TABLE ticket_priority_changes ADD PRIMARY KEY (ticket_id, changed_at);
COMMENT ON TABLE ticket_priority_changes IS 'priority changes of the tickets (the new severity from changed_at on); tickets.sev is the priority at creation';
ANALYZE contracts, service_levels, tickets, ticket_pauses, ticket_priority_changes;
