-- The objects 0.2.0 added, on a database updated to the current version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';
SELECT to_severity('Blocker', '{"Blocker": 1}'), to_severity('nonsense'),
       sla_next_business_day_close(coverage, '2026-03-06 15:00+00'), sla_with_timezone(coverage, 'Asia/Tokyo')
FROM app.contracts ORDER BY vendor;
SELECT vendor, sla_compliance(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused),
       sla_untargeted(sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00')),
       sum(sla_percent_used(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused)::numeric(20, 6))
FROM app.tickets t JOIN app.contracts c USING (vendor) GROUP BY vendor ORDER BY vendor;
SELECT vendor, month, round(availability(state, '5 minutes', 'any')::numeric, 9), downtime(state, '1 hour', 'all')
FROM app.report ORDER BY vendor, month;
SELECT understaffed(tstzrange(o.during), '[2026-01-01,2026-02-01)', '24x7', 1) FROM app.outages o;
SELECT credit_cap('below 99%: 10%, below 95%: 30%; cap 25%'), charge('per ticket 14.5; fixed 18500 including 800 units', 1000);
