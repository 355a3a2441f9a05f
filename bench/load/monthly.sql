-- data/report.sql's monthly SLA scorecard (response and resolution
-- compliance per vendor, pauses honoured), for one month picked at random
\set m random(0, 11)
WITH s AS (
  SELECT t.vendor,
         sla_summary_agg(c.coverage, t.opened_at, t.acknowledged_at,
                         sla_target(c.policy, t.sev, 'response'), '2026-11-01 00:00+00') AS response,
         sla_summary_agg(c.coverage, t.opened_at, t.resolved_at,
                         sla_target(c.policy, t.sev, 'resolution'), '2026-11-01 00:00+00', p.paused) AS resolution
  FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
  WHERE t.opened_at >= timestamptz '2025-11-01 00:00+00' + :m * interval '1 month'
    AND t.opened_at < timestamptz '2025-11-01 00:00+00' + (:m + 1) * interval '1 month'
  GROUP BY 1)
SELECT vendor, round(100 * sla_compliance(response)::numeric, 2) AS "response %",
       sla_breached(response) AS "resp. breached",
       round(100 * sla_compliance(resolution)::numeric, 2) AS "resolution %",
       sla_breached(resolution) AS "res. breached", sla_pending(resolution) AS "res. pending",
       date_trunc('minute', sla_mean_elapsed(resolution)) AS "mean resolution"
FROM s ORDER BY 1;
