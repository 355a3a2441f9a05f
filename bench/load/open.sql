-- data/report.sql's open tickets at the report date: within target, overdue,
-- or waiting on the customer
WITH open AS (
  SELECT t.vendor,
         sla_status(c.coverage, t.opened_at, NULL, sla_target(c.policy, t.sev, 'resolution'), '2026-11-01 00:00+00', p.paused) AS status,
         p.paused IS NOT NULL AND upper_inf(p.paused) AS waiting
  FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
  WHERE t.resolved_at IS NULL AND sla_target(c.policy, t.sev, 'resolution') IS NOT NULL)
SELECT vendor, count(*) AS open,
       count(*) FILTER (WHERE status = 'pending') AS within_target,
       count(*) FILTER (WHERE status = 'breached') AS overdue,
       count(*) FILTER (WHERE waiting) AS waiting_on_customer
FROM open GROUP BY vendor ORDER BY vendor;
