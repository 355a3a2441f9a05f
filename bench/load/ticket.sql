-- one ticket's clock as a service desk screen shows it: deadline, status, time
-- left and share of the target used, pauses honoured, as of the report date
\set id random(1, :tickets)
SELECT t.ticket_id, t.vendor, t.sev,
       sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), p.paused) AS due,
       sla_status(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-11-01 00:00+00', p.paused) AS status,
       sla_remaining(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), '2026-11-01 00:00+00', p.paused) AS remaining,
       sla_percent_used(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), '2026-11-01 00:00+00', p.paused) AS used
FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
WHERE t.ticket_id = :id;
