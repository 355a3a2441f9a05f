-- The objects 0.3.0 added, on a database updated from an older version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';
-- issue 17: the holiday horizon, escalation_step and counts of any number type
SELECT vendor, sla_holiday_horizon(coverage),
       sla_holidays_cover(coverage, tstzrange('2026-03-01', '2026-04-01')),
       sla_holidays_cover(coverage, tstzrange('2031-03-01', '2031-04-01'))
FROM app.contracts ORDER BY vendor;
SELECT k, escalation_step(s, k), escalation_step(s, k::bigint, k::bigint), escalation(s, k::bigint),
       termination_right(s, k::bigint), chronic_failure(s, k::bigint, k::bigint),
       sla_credit(s, 0.985, k::bigint, k::bigint), sla_credit(s, 0.985::float8, 1, k, k::bigint),
       sla_credit_amount(s, 1000.00, 0.985, k::bigint, k::bigint, k::bigint), sla_credit_amount(s, 1000.00, 0.985::float8, k::bigint, k)
FROM (SELECT 'below 99%: 10%; per miss 2%; chronic after 2 in a row x2; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12'::credit_schedule AS s) c,
     generate_series(0, 6) k ORDER BY k;
SELECT max(escalation_step('warning after 1; penalty after 3', k)), enum_range(NULL::escalation_step) FROM generate_series(0, 2) k;

-- issue 17: breach explanations
SELECT t.ticket_id, count(*), sum(x.business),
       string_agg(x.kind || ' ' || x.rule, ' | ' ORDER BY x.starts, x.ends) FILTER (WHERE x.kind IN ('deadline', 'resolved', 'as of'))
FROM app.tickets t JOIN app.contracts c USING (vendor),
     sla_explain(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), '2026-07-01 00:00+00', t.paused, true) x
GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM app.tickets t JOIN app.contracts c USING (vendor),
     sla_explain(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'response')) x
WHERE t.resolved_at IS NOT NULL;

-- issue 16: the new credit terms (version-2 values) and a version-1 one
SELECT s::text, credit_period_cap(s), credit_annual_cap(s), credit_chronic_cap(s), earn_back_share(s), earn_back_target(s),
       encode(credit_schedule_send(s), 'hex'),
       sla_credit(s, 0.98, 1, 3), sla_earn_back(s, 0.12, 1, ARRAY[0.9996, 0.9995, 1]),
       sla_earn_back(s, 0.12, 1, 0, ARRAY[0.9996, 0.999, 1])
FROM unnest(ARRAY['below 99.9%: 10%, below 99%: 30%; chronic after 3 in a row x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 20%; period cap 15%; annual cap 10%',
                  'below 99.9%: 10%; earn back after 3']::credit_schedule[]) s;

-- issue 16: sla_timezone_names()
SELECT count(*) > 400 AS many, bool_and(('24x7 ' || name)::sla_window IS NOT NULL) AS all_accepted,
       count(*) FILTER (WHERE name IN ('localtime', 'posixrules')) AS refused_listed
FROM sla_timezone_names();
SELECT name FROM sla_timezone_names() WHERE name IN ('Europe/Berlin', 'America/New_York', 'UTC') ORDER BY name;
