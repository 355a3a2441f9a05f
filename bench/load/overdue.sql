-- data/report.sql's five most overdue open tickets (business time past the
-- deadline, pauses excluded)
SELECT t.ticket_id, t.vendor, t.sev, t.opened_at,
       d.due, sla_elapsed(c.coverage, d.due, '2026-11-01 00:00+00', coalesce(p.paused, '{}')) AS overdue_by
FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id),
     LATERAL (SELECT sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'),
                                  coalesce(p.paused, '{}')) AS due) d
WHERE t.resolved_at IS NULL AND d.due < '2026-11-01 00:00+00'
ORDER BY overdue_by DESC, t.ticket_id LIMIT 5;
