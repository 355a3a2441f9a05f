-- The demo report: what managed_services computes from the sample database.
-- Run by `make demo` after data/sample.sql and data/types.sql; each section
-- is one query a BI tool or a scheduled report could run as it is.
\pset footer off
\pset null '-'
SET intervalstyle = 'postgres';
SELECT as_of FROM sample_meta \gset

\echo
\echo '== Contracts: coverage hours, pricing and the service levels with credit terms'
SELECT vendor, service, sla_timezone(coverage) AS zone, cardinality(sla_holidays(coverage)) AS holidays,
       monthly_fee, pricing
FROM contracts ORDER BY vendor;
-- each figure in its own unit, which the schedule's thresholds give: a plain
-- number (below 4.2) is a score, a percentage (below 99.5%) a share
SELECT vendor, sla AS "service level",
       CASE WHEN credits::text ~ '^(below|above) [0-9.]+([:;,]|$)' THEN round(target, 2)::text
            ELSE round(100 * target, 2) || ' %' END AS target,
       better || ' is better' AS direction, credits
FROM service_levels ORDER BY vendor, sla;

\echo
\echo '== Tickets per vendor and severity: the spellings of each export, read by the severity type'
SELECT vendor, sev, string_agg(DISTINCT severity, ', ' ORDER BY severity) AS raw_spellings, count(*) AS tickets
FROM tickets GROUP BY 1, 2 ORDER BY 1, 2;

\echo
\echo '== Response and resolution times: business hours of each contract next to wall-clock time'
\echo '   (averages over resolved tickets; business time counts only the coverage hours, minus holidays)'
SELECT t.vendor,
       count(*) AS resolved,
       justify_hours(date_trunc('second', avg(t.acknowledged_at - t.opened_at))) AS response_wall,
       date_trunc('second', avg(sla_elapsed(c.coverage, t.opened_at, t.acknowledged_at))) AS response_business,
       justify_hours(date_trunc('second', avg(t.resolved_at - t.opened_at))) AS resolution_wall,
       date_trunc('second', avg(sla_elapsed(c.coverage, t.opened_at, t.resolved_at))) AS resolution_business,
       date_trunc('second', make_interval(secs => percentile_cont(0.9) WITHIN GROUP (
         ORDER BY extract(epoch FROM sla_elapsed(c.coverage, t.opened_at, t.resolved_at))))) AS p90_business
FROM tickets t JOIN contracts c USING (vendor)
WHERE t.resolved_at IS NOT NULL AND t.acknowledged_at IS NOT NULL
GROUP BY t.vendor ORDER BY 1;

\echo
\echo '== Five Helpdesk tickets opened on a Friday afternoon (Berlin): the weekend does not count'
SELECT t.ticket_id, t.sev,
       to_char(t.opened_at AT TIME ZONE 'Europe/Berlin', 'Dy DD Mon HH24:MI') AS opened_berlin,
       to_char(t.resolved_at AT TIME ZONE 'Europe/Berlin', 'Dy DD Mon HH24:MI') AS resolved_berlin,
       t.resolved_at - t.opened_at AS wall_clock,
       sla_elapsed(c.coverage, t.opened_at, t.resolved_at) AS business,
       sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution')) AS due,
       sla_status(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), :'as_of') AS status
FROM tickets t JOIN contracts c USING (vendor)
WHERE t.vendor = 'Helpdesk GmbH' AND t.resolved_at IS NOT NULL
  AND extract(isodow FROM t.opened_at AT TIME ZONE 'Europe/Berlin') = 5
  AND (t.opened_at AT TIME ZONE 'Europe/Berlin')::time >= '15:00'
  AND t.resolved_at < t.opened_at + interval '4 days'
ORDER BY t.ticket_id LIMIT 5;

\echo
\echo '== Monthly SLA scorecard: response and resolution compliance per vendor (pauses honoured, as of the report date)'
WITH s AS (
  SELECT t.vendor, date_trunc('month', t.opened_at AT TIME ZONE sla_timezone(c.coverage))::date AS month,
         sla_summary_agg(c.coverage, t.opened_at, t.acknowledged_at,
                         sla_target(c.policy, t.sev, 'response'), :'as_of') AS response,
         sla_summary_agg(c.coverage, t.opened_at, t.resolved_at,
                         sla_target(c.policy, t.sev, 'resolution'), :'as_of', p.paused) AS resolution
  FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
  GROUP BY 1, 2)
SELECT vendor, to_char(month, 'YYYY-MM') AS month,
       round(100 * sla_compliance(response)::numeric, 2) AS "response %",
       sla_breached(response) AS "resp. breached",
       round(100 * sla_compliance(resolution)::numeric, 2) AS "resolution %",
       sla_breached(resolution) AS "res. breached",
       sla_pending(resolution) AS "res. pending",
       date_trunc('minute', sla_mean_elapsed(resolution)) AS "mean resolution (business)"
FROM s WHERE month IN (SELECT month FROM sla_months)   -- the reporting months, each in the contract's zone
ORDER BY 1, 2;

\echo
\echo '== October 2026 by severity: resolution SLA with and without the waiting-on-customer pauses'
SELECT t.vendor, t.sev, sla_target(c.policy, t.sev, 'resolution') AS target,
       sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), :'as_of', p.paused) AS with_pauses,
       round(100 * sla_compliance(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), :'as_of')::numeric, 2) AS "% without pauses"
FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
WHERE t.opened_at >= '2026-10-01' AND t.opened_at < '2026-11-01'
  AND sla_target(c.policy, t.sev, 'resolution') IS NOT NULL
GROUP BY t.vendor, t.sev, c.policy ORDER BY 1, 2;

\echo
\echo '== Open tickets at the report date: within target, overdue, or waiting on the customer (clock stopped)'
WITH open AS (
  SELECT t.vendor,
         sla_status(c.coverage, t.opened_at, NULL, sla_target(c.policy, t.sev, 'resolution'), :'as_of', p.paused) AS status,
         p.paused IS NOT NULL AND upper_inf(p.paused) AS waiting
  FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
  WHERE t.resolved_at IS NULL AND sla_target(c.policy, t.sev, 'resolution') IS NOT NULL)
SELECT vendor, count(*) AS open,
       count(*) FILTER (WHERE status = 'pending') AS within_target,
       count(*) FILTER (WHERE status = 'breached') AS overdue,
       count(*) FILTER (WHERE waiting) AS waiting_on_customer
FROM open GROUP BY vendor ORDER BY vendor;

\echo
\echo '== The five most overdue open tickets (business time past the deadline; pauses excluded)'
SELECT t.ticket_id, t.vendor, t.sev, t.opened_at,
       d.due, sla_elapsed(c.coverage, d.due, :'as_of', coalesce(p.paused, '{}')) AS overdue_by
FROM tickets t JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id),
     LATERAL (SELECT sla_deadline(c.coverage, t.opened_at, sla_target(c.policy, t.sev, 'resolution'),
                                  coalesce(p.paused, '{}')) AS due) d
WHERE t.resolved_at IS NULL AND d.due < :'as_of'
ORDER BY overdue_by DESC, t.ticket_id LIMIT 5;

\echo
\echo '== Breach explanation for a dispute: a breached Helpdesk ticket, segment by segment (Berlin time)'
\echo '   (business time of the segments adds up to sla_elapsed; closed nights merged; the rule is the calendar''s)'
WITH one AS (
  SELECT t.ticket_id, t.sev, c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution') AS target, p.paused
  FROM tickets t JOIN contracts c USING (vendor) JOIN ticket_pauses p USING (ticket_id)
  WHERE t.vendor = 'Helpdesk GmbH' AND t.sev = 'SEV2' AND t.resolved_at < t.opened_at + interval '2 days'
    AND sla_status(c.coverage, t.opened_at, t.resolved_at, sla_target(c.policy, t.sev, 'resolution'), :'as_of', p.paused) = 'breached'
  ORDER BY t.ticket_id LIMIT 1)
SELECT one.ticket_id, one.sev, to_char(x.starts AT TIME ZONE 'Europe/Berlin', 'Dy DD Mon HH24:MI:SS') AS starts,
       to_char(x.ends AT TIME ZONE 'Europe/Berlin', 'Dy DD Mon HH24:MI:SS') AS ends,
       x.kind, x.business, x.rule
FROM one, sla_explain(one.coverage, one.opened_at, one.resolved_at, one.target, :'as_of', one.paused, true) x;

\echo
\echo '== Priority changes: the tickets whose priority changed while open, their resolution SLA under each reading'
\echo '   (at creation: the opening priority throughout; in force: each priority held to its own target while in force,'
\echo '    its deadline from the ticket''s start, a breach stands; at the end: the final priority, from the start)'
\set QUIET on
CREATE TEMP VIEW priority_targets AS
WITH periods AS (
  SELECT t.ticket_id, p.changed_at, p.sev, sla_target(c.policy, p.sev, 'resolution') AS target,
         lead(p.changed_at) OVER (PARTITION BY t.ticket_id ORDER BY p.changed_at) AS next_change
  FROM tickets t JOIN contracts c USING (vendor), sample_meta m,
       LATERAL (SELECT t.opened_at AS changed_at, t.sev
                UNION ALL
                SELECT ch.changed_at, ch.sev FROM ticket_priority_changes ch
                WHERE ch.ticket_id = t.ticket_id AND ch.changed_at > t.opened_at
                  AND ch.changed_at < least(coalesce(t.resolved_at, m.as_of), m.as_of)) p
  WHERE t.ticket_id IN (SELECT ticket_id FROM ticket_priority_changes)),
judged AS (
  SELECT p.*, sla_status(c.coverage, t.opened_at, coalesce(p.next_change, t.resolved_at), p.target, m.as_of, tp.paused) AS status
  FROM periods p JOIN tickets t USING (ticket_id) JOIN contracts c ON c.vendor = t.vendor
  LEFT JOIN ticket_pauses tp USING (ticket_id) CROSS JOIN sample_meta m)
SELECT ticket_id, string_agg(sev::text, ' > ' ORDER BY changed_at) AS priorities,
       (array_agg(target ORDER BY changed_at))[1] AS at_creation,
       coalesce((array_agg(target ORDER BY changed_at) FILTER (WHERE status = 'breached'))[1],
                (array_agg(target ORDER BY changed_at DESC))[1]) AS in_force,
       (array_agg(target ORDER BY changed_at DESC))[1] AS at_end
FROM judged GROUP BY ticket_id;
\set QUIET off
SELECT t.vendor, count(*) AS changed,
       round(100 * sla_compliance(sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, g.at_creation, :'as_of', p.paused))::numeric, 2) AS "at creation %",
       round(100 * sla_compliance(sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, g.in_force, :'as_of', p.paused))::numeric, 2) AS "in force %",
       round(100 * sla_compliance(sla_summary_agg(c.coverage, t.opened_at, t.resolved_at, g.at_end, :'as_of', p.paused))::numeric, 2) AS "at the end %"
FROM priority_targets g JOIN tickets t USING (ticket_id) JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
GROUP BY t.vendor ORDER BY 1;
SELECT t.ticket_id, t.vendor, g.priorities, sla_elapsed(c.coverage, t.opened_at, t.resolved_at, p.paused) AS clock,
       sla_status(c.coverage, t.opened_at, t.resolved_at, g.at_creation, :'as_of', p.paused) AS at_creation,
       sla_status(c.coverage, t.opened_at, t.resolved_at, g.in_force, :'as_of', p.paused) AS in_force,
       sla_status(c.coverage, t.opened_at, t.resolved_at, g.at_end, :'as_of', p.paused) AS at_end
FROM priority_targets g JOIN tickets t USING (ticket_id) JOIN contracts c USING (vendor) LEFT JOIN ticket_pauses p USING (ticket_id)
WHERE sla_status(c.coverage, t.opened_at, t.resolved_at, g.at_creation, :'as_of', p.paused)
      IS DISTINCT FROM sla_status(c.coverage, t.opened_at, t.resolved_at, g.in_force, :'as_of', p.paused)
ORDER BY t.ticket_id LIMIT 4;

\echo
\echo '== Availability per vendor and month (each contract''s months in its own zone), in coverage hours, planned maintenance excluded'
\echo '   (overlapping and duplicated outages count once; an ongoing outage counts until the month ends)'
WITH maint AS (SELECT vendor, range_agg(during) AS windows FROM maintenance GROUP BY vendor),
monthly AS (
  SELECT c.vendor, mo.month, mo.period, c.coverage, coalesce(mt.windows, '{}') AS windows,
         c.availability_target::float8 AS target,
         availability(tstzrange(o.started_at, o.ended_at), mo.period, c.coverage, coalesce(mt.windows, '{}')) AS a,
         downtime(tstzrange(o.started_at, o.ended_at), mo.period, c.coverage, coalesce(mt.windows, '{}')) AS down
  FROM contracts c JOIN contract_months mo ON mo.vendor = c.vendor
  LEFT JOIN maint mt ON mt.vendor = c.vendor
  LEFT JOIN outages o ON o.vendor = c.vendor
                     AND tstzrange(o.started_at, o.ended_at) && mo.period
  GROUP BY c.vendor, mo.month, mo.period, c.coverage, mt.windows, c.availability_target)
SELECT vendor, to_char(month, 'YYYY-MM') AS month,
       round(100 * target::numeric, 2) AS "target %",
       round(100 * a::numeric, 3) AS "availability %",
       CASE WHEN a >= target THEN 'met' ELSE 'MISSED' END AS sla,
       date_trunc('second', down) AS downtime,
       date_trunc('second', downtime_budget(target, period, coverage, windows)) AS budget,
       date_trunc('second', error_budget_remaining(target, a, period, coverage, windows)) AS budget_left,
       round(nines(a)::numeric, 2) AS nines,
       round(burn_rate(target, a)::numeric, 2) AS burn_rate
FROM monthly ORDER BY vendor, month;

\echo
\echo '== Service levels per vendor and month: attainment against target, streak of missed months, escalation, credit'
\echo '   (the views of examples/scorecard.sql; credit shares are of the monthly fee, each capped by its own terms;'
\echo '   a score such as CSAT as a score, a rate as a percentage)'
SELECT vendor, to_char(month, 'YYYY-MM') AS month, sla,
       CASE WHEN credits::text ~ '^(below|above) [0-9.]+([:;,]|$)' THEN round(attainment, 2)::text
            ELSE round(100 * attainment, 2) || ' %' END AS attained,
       CASE WHEN credits::text ~ '^(below|above) [0-9.]+([:;,]|$)' THEN round(target, 2)::text
            ELSE round(100 * target, 2) || ' %' END AS target,
       CASE WHEN met THEN 'met' ELSE 'MISSED' END AS result,
       misses AS "SEV1 late", streak, recent_misses AS "misses/12", escalation,
       round(100 * credit_share, 2) AS "credit %"
FROM sla_credits
WHERE NOT met OR credit_share > 0
ORDER BY vendor, sla, month;

\echo
\echo '== The credit statement per vendor and month (credit_line, credit_period, credit_statement), every step a column'
\echo '   (in order: each service level by its own cap, less what later months earned back (Helpdesk GmbH response: half after'
\echo '   3 months met, with the money forgiven and the month that confirmed it), the month capped across service levels by'
\echo '   the period cap in force (Helpdesk GmbH: its 12 % at-risk pool; Northwind NOC: a period cap of 12 %), then the'
\echo '   contract year, November to October, by its annual cap (Sentinel SOC: 3 % of the year''s fees, 15 120.00); the last'
\echo '   column lists every cap that cut the amount)'
SELECT vendor, to_char(month, 'YYYY-MM') AS month, monthly_fee,
       round(100 * credit_share, 2) AS "credits %", round(100 * earned_back, 2) AS "earned back %",
       round(100 * period_cap, 2) AS "month cap %", round(100 * capped_share, 2) AS "month %", month_amount AS "month total",
       annual_cap_amount AS "annual cap", year_to_date AS "year to date", credit_amount AS "owed",
       earned_back_amount AS "forgiven", to_char(earn_back_confirmed_in, 'YYYY-MM') AS "confirmed in",
       array_to_string(caps_bound, ', ') AS "caps that bound"
FROM vendor_credits
WHERE credit_share > 0
ORDER BY vendor, month;

\echo
\echo '== The year per vendor: credits owed, worst escalation reached, termination right'
SELECT v.vendor, sum(v.credit_amount) AS "credits owed",
       (SELECT max(escalation_step(c.credits, c.streak, c.recent_misses))
        FROM sla_credits c WHERE c.vendor = v.vendor) AS "worst step",
       (SELECT bool_or(termination_right(c.credits, c.streak, c.recent_misses)) FROM sla_credits c WHERE c.vendor = v.vendor) AS "termination right"
FROM vendor_credits v GROUP BY v.vendor ORDER BY v.vendor;

\echo
\echo '== Staffing next to availability: coverage hours with fewer agents on shift than the contract minimum'
\echo '   (SOC: at least 2 analysts round the clock; Helpdesk: at least 3 agents in business hours; from the roster)'
WITH staffing AS (
  SELECT r.vendor, m.month,
         understaffed(r.shift, m.period, c.coverage, v.minimum) AS understaffed,
         staffed(r.shift, m.period, c.coverage, v.minimum) AS staffed
  FROM (VALUES ('Sentinel SOC', 2), ('Helpdesk GmbH', 3)) v(vendor, minimum)
  JOIN contracts c USING (vendor)
  JOIN contract_months m ON m.vendor = v.vendor
  JOIN roster r ON r.vendor = v.vendor AND r.shift && m.period
  GROUP BY r.vendor, m.month)
SELECT s.vendor, to_char(s.month, 'YYYY-MM') AS month,
       round(100 * s.staffed::numeric, 2) AS "staffed %", s.understaffed,
       round(100 * a.attainment, 3) AS "availability %", CASE WHEN a.met THEN 'met' ELSE 'MISSED' END AS availability
FROM staffing s JOIN sla_attainment a ON a.vendor = s.vendor AND a.month = s.month AND a.sla = 'availability'
WHERE s.understaffed > '0' OR NOT a.met
ORDER BY 1, 2;

\echo
\echo '== Quality: CSAT (mean survey score), first contact resolution, SOC false positives, against target'
SELECT vendor, to_char(month, 'YYYY-MM') AS month, sla AS "service level",
       CASE WHEN credits::text ~ '^(below|above) [0-9.]+([:;,]|$)' THEN round(attainment, 2)::text
            ELSE round(100 * attainment, 2) || ' %' END AS measured,
       CASE WHEN credits::text ~ '^(below|above) [0-9.]+([:;,]|$)' THEN round(target, 2)::text
            ELSE round(100 * target, 2) || ' %' END AS target,
       CASE WHEN met THEN 'met' ELSE 'MISSED' END AS result, escalation,
       round(100 * credit_share, 2) AS "credit %"
FROM sla_credits
WHERE sla IN ('csat', 'first contact resolution', 'false positives')
  AND (NOT met OR month = (SELECT max(month) FROM sla_months))
ORDER BY vendor, sla, month;

\echo
\echo '== Invoice check: expected (contract price of the measured units, less the credits owed) against billed'
SELECT vendor, to_char(month, 'YYYY-MM') AS month, units_measured AS "units", units_billed AS "units billed",
       charge, credit_owed AS "credits owed", expected, billed, difference,
       CASE WHEN abs(difference) > 0.005 THEN reasons ELSE '' END AS "why it differs"
FROM invoice_check
WHERE month >= (SELECT max(month) FROM sla_months) - interval '2 months' OR abs(difference) > 0.005
ORDER BY vendor, month;
SELECT count(*) AS "invoices checked", count(*) FILTER (WHERE abs(difference) > 0.005) AS "differ",
       sum(difference) FILTER (WHERE difference > 0) AS "overbilled in all",
       -sum(difference) FILTER (WHERE difference < 0) AS "underbilled in all"
FROM invoice_check;

\echo
\echo '== Clocks from the status logs (ticket_clocks): resolution compliance per vendor, reopened tickets under the three reopen rules'
-- compliance over every ticket's clock (priority in force); then each vendor's
-- rules (clock_rules) with each reopen rule in turn over the reopened tickets
-- (more than one cycle under "reopen restarts")
WITH rules AS (
  SELECT vendor, m.mode, (regexp_replace(resolution::text, '; reopen \w+$', '') || '; reopen ' || m.mode)::sla_clock_rules AS r
  FROM clock_rules CROSS JOIN (VALUES ('continues'), ('restarts'), ('ignored')) m(mode)),
reopened AS (
  SELECT ticket_id FROM (
    SELECT l.ticket_id, sla_clock(r.r, l.at, l.status, l.priority ORDER BY l.at, l.seq) AS clock
    FROM ticket_status_log l JOIN tickets t USING (ticket_id) JOIN rules r ON r.vendor = t.vendor AND r.mode = 'restarts'
    GROUP BY l.ticket_id) x
  WHERE sla_clock_cycles(clock) > 1),
modes AS (
  SELECT t.vendor, r.mode, sla_clock(r.r, l.at, l.status, l.priority ORDER BY l.at, l.seq) AS clock
  FROM ticket_status_log l JOIN reopened USING (ticket_id) JOIN tickets t USING (ticket_id) JOIN rules r ON r.vendor = t.vendor
  GROUP BY l.ticket_id, t.vendor, r.mode),
per_mode AS (
  SELECT m.vendor, count(*) FILTER (WHERE mode = 'continues') AS reopened,
         sla_clock_summary_agg(c.coverage, m.clock, c.policy, 'resolution', 'in force', :'as_of') FILTER (WHERE mode = 'continues') AS continues,
         sla_clock_summary_agg(c.coverage, m.clock, c.policy, 'resolution', 'in force', :'as_of') FILTER (WHERE mode = 'restarts') AS restarts,
         sla_clock_summary_agg(c.coverage, m.clock, c.policy, 'resolution', 'in force', :'as_of') FILTER (WHERE mode = 'ignored') AS ignored
  FROM modes m JOIN contracts c USING (vendor) GROUP BY m.vendor),
per_vendor AS (
  SELECT k.vendor, count(*) AS tickets, sla_clock_summary_agg(c.coverage, k.clock, c.policy, 'resolution', 'in force', :'as_of') AS s
  FROM ticket_clocks k JOIN contracts c USING (vendor) GROUP BY k.vendor)
SELECT vendor, tickets, round((100 * sla_compliance(s))::numeric, 2) AS "resolution %", reopened,
       round((100 * sla_compliance(continues))::numeric, 2) AS "reopened: continues %",
       round((100 * sla_compliance(restarts))::numeric, 2) AS "restarts %",
       round((100 * sla_compliance(ignored))::numeric, 2) AS "ignored %"
FROM per_vendor JOIN per_mode USING (vendor) ORDER BY vendor;
-- the first Jira ticket reopened, its clock explained (in force): its status, priority, pause and
-- deadline rows, and the verdict (the hour-by-hour open and closed rows left out)
SELECT k.ticket_id, x.starts, x.ends, x.kind, x.business, x.rule
FROM ticket_clocks k JOIN contracts c USING (vendor),
     sla_clock_explain(c.coverage, k.clock, c.policy, 'resolution', 'in force', :'as_of') x
WHERE k.ticket_id = (SELECT min(ticket_id) FROM ticket_status_log WHERE status = 'Reopened')
  AND x.kind NOT IN ('open', 'closed', 'open after deadline', 'closed after deadline');
