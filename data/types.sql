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
ANALYZE contracts, service_levels, tickets, ticket_pauses;
