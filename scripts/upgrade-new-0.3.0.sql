-- The objects 0.3.0 added, on a database updated to the current version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';
-- issue 17: breach explanations
SELECT t.ticket_id, count(*), sum(x.business),
       string_agg(x.kind || ' ' || x.rule, ' | ' ORDER BY x.starts, x.ends) FILTER (WHERE x.kind IN ('deadline', 'resolved', 'as of'))
FROM app.tickets t JOIN app.contracts c USING (vendor),
     sla_explain(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused, true) x
GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM app.tickets t JOIN app.contracts c USING (vendor),
     sla_explain(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'response')) x
WHERE t.resolved_at IS NOT NULL;
