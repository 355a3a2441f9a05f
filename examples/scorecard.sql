-- examples/scorecard.sql: the monthly SLA scorecard and the service credits
-- it triggers, as plain views over the sample database (data/sample.sql, then
-- data/types.sql).  The same views over your own tables: see the README's
-- "From your own tables".  Months are calendar months in each contract's own
-- zone (sla_timezone(coverage), as the README's recipe buckets them: a ticket
-- opened 2026-03-31 23:30 UTC is a March ticket in New York and an April one
-- in Berlin), reported up to the as-of instant in sample_meta; ticket SLAs
-- are judged as of that instant.
--
--   sla_months       the reporting months
--   contract_months  vendor, month: the month as a range of instants in the
--                    contract's zone
--
--   sla_attainment   vendor, month, service level: attainment in the unit of the
--                    service level's schedule (a share; CSAT a mean score 1-5, rounded to
--                    4 decimals like the quality shares), target, met, unit, better
--   sla_credits      ... plus the streak of missed months, misses in the last 12
--                    months (over a dense series of months), escalation step (the
--                    ordered escalation_step), credit share and the share earned back
--                    (credit_line)
--   vendor_credits   vendor, month: the credit statement: credits of all service
--                    levels together, less what was earned back, capped by the
--                    contract's period cap in force (credit_period), then by its
--                    annual cap, in money (credit_statement)
--
-- Every column has a comment (COMMENT ON COLUMN) that starts with its kind in
-- brackets, [key], [label], [flag], [date], [money], [share], [score],
-- [count], [detail], with the direction of a measure ("higher is better",
-- "lower is better"): the reporting model of docs/reports.md, which the client
-- test (test/clients/) checks through the drivers.  One name is one thing: a
-- credit_share is a share of the monthly fee before earn-back and the period
-- cap, one service level's in sla_credits, the sum of the vendor's service
-- levels' in vendor_credits (test/scorecard.sql checks the sum).

CREATE OR REPLACE VIEW sla_months AS
SELECT m::date AS month, tstzrange(m, m + interval '1 month') AS period, s.as_of
FROM sample_meta s,
     generate_series(timestamptz '2025-11-01 00:00+00', s.as_of - interval '1 month', interval '1 month') m;
COMMENT ON VIEW sla_months IS 'the reporting months up to the as-of instant; each contract''s month runs in its own zone (contract_months)';
COMMENT ON COLUMN sla_months.month IS '[key] the first day of the reporting month, a calendar month in each contract''s own zone (contract_months)';
COMMENT ON COLUMN sla_months.period IS '[label] the month in UTC, [first day 00:00 UTC, next month): for a contract''s own month read contract_months.period';
COMMENT ON COLUMN sla_months.as_of IS '[date] the instant the sample is judged at: tickets still open then are pending';

-- A contract's month runs from midnight to midnight in its coverage's zone
-- (an instant after the as-of instant is not reported yet: New York's last
-- month ends 4 hours after the sample's as-of, and is cut there)
CREATE OR REPLACE VIEW contract_months AS
SELECT c.vendor, m.month, z.zone,
       tstzrange(m.month::timestamp AT TIME ZONE z.zone,
                 least((m.month + interval '1 month')::timestamp AT TIME ZONE z.zone, m.as_of)) AS period,
       m.as_of
FROM contracts c CROSS JOIN LATERAL (SELECT sla_timezone(c.coverage) AS zone) z CROSS JOIN sla_months m;
COMMENT ON VIEW contract_months IS 'per vendor, the reporting months as ranges of instants in the contract''s own zone (sla_timezone(coverage))';
COMMENT ON COLUMN contract_months.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN contract_months.month IS '[key] the first day of the reporting month, in the contract''s zone';
COMMENT ON COLUMN contract_months.zone IS '[label] the contract''s zone, sla_timezone(coverage): the zone its months and days are counted in';
COMMENT ON COLUMN contract_months.period IS '[label] the month as a range of instants, [first day 00:00, next month) in the contract''s zone, cut at as_of';
COMMENT ON COLUMN contract_months.as_of IS '[date] the instant the sample is judged at: tickets still open then are pending';

CREATE OR REPLACE VIEW sla_attainment AS
-- one pass over the tickets for every ticket measure; months are joined on
-- their key (a hash join), not by range containment (a nested loop); a
-- ticket's month is its opening's calendar month in the contract's zone
WITH ticket_months AS (
  SELECT t.vendor, m.month,
         sla_summary_agg(c.coverage, t.opened_at, t.acknowledged_at,
                         sla_target(c.policy, t.sev, 'response'), m.as_of) AS response,
         sla_summary_agg(c.coverage, t.opened_at, t.resolved_at,
                         sla_target(c.policy, t.sev, 'resolution'), m.as_of, p.paused) AS resolution,
         count(*) FILTER (WHERE t.sev = 'SEV1'
                          AND sla_status(c.coverage, t.opened_at, t.resolved_at,
                                         sla_target(c.policy, t.sev, 'resolution'), m.as_of, p.paused) = 'breached') AS sev1_breached,
         -- quality: plain aggregates; what the extension adds is the target,
         -- the miss, the streak and the credit
         avg(t.csat) AS csat,
         avg(t.first_contact_resolution::int) AS fcr
  FROM tickets t
  JOIN contracts c USING (vendor)
  JOIN sla_months m ON m.month = date_trunc('month', t.opened_at AT TIME ZONE sla_timezone(c.coverage))::date
  LEFT JOIN ticket_pauses p USING (ticket_id)
  GROUP BY t.vendor, m.month),
maint AS (SELECT vendor, range_agg(during) AS windows FROM maintenance GROUP BY vendor),
avail_months AS (
  SELECT c.vendor, m.month,
         availability(tstzrange(o.started_at, o.ended_at), m.period, c.coverage, coalesce(mt.windows, '{}')) AS availability,
         downtime(tstzrange(o.started_at, o.ended_at), m.period, c.coverage, coalesce(mt.windows, '{}')) AS downtime
  FROM contracts c JOIN contract_months m USING (vendor)
  LEFT JOIN maint mt ON mt.vendor = c.vendor
  LEFT JOIN outages o ON o.vendor = c.vendor AND tstzrange(o.started_at, o.ended_at) && m.period
  GROUP BY c.vendor, m.month),
alert_months AS (
  SELECT a.vendor, m.month, avg(a.false_positive::int) AS false_positives
  FROM soc_alerts a JOIN contracts c USING (vendor)
  JOIN sla_months m ON m.month = date_trunc('month', a.raised_at AT TIME ZONE sla_timezone(c.coverage))::date
  GROUP BY a.vendor, m.month),
measured AS (
  SELECT vendor, month, 'availability' AS sla, availability::numeric AS attainment, 0 AS sev1_breached, 'share' AS unit FROM avail_months
  UNION ALL
  SELECT vendor, month, 'response', sla_compliance(response)::numeric, sev1_breached, 'share' FROM ticket_months
  UNION ALL
  SELECT vendor, month, 'resolution', sla_compliance(resolution)::numeric, sev1_breached, 'share' FROM ticket_months
  UNION ALL
  SELECT vendor, month, 'csat', round(csat, 4), 0, 'score' FROM ticket_months
  UNION ALL
  SELECT vendor, month, 'first contact resolution', round(fcr, 4), 0, 'share' FROM ticket_months
  UNION ALL
  SELECT vendor, month, 'false positives', round(false_positives, 4), 0, 'share' FROM alert_months)
SELECT sl.vendor, me.month, sl.sla, me.attainment, sl.target,
       CASE WHEN sl.better = 'higher' THEN me.attainment >= sl.target ELSE me.attainment <= sl.target END AS met,
       CASE WHEN sl.material_misses = 'SEV1 breached' THEN me.sev1_breached::int ELSE 0 END AS misses,
       sl.credits, me.unit, sl.better
FROM service_levels sl JOIN measured me USING (vendor, sla);
COMMENT ON VIEW sla_attainment IS 'per vendor, month and service level: the attainment (a share, or a mean score for CSAT), its target, met, and the material misses';
COMMENT ON COLUMN sla_attainment.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN sla_attainment.month IS '[key] the first day of the reporting month, a calendar month in the contract''s zone';
COMMENT ON COLUMN sla_attainment.sla IS '[key] the service level (service_levels.sla): availability, response, resolution, csat, ...';
COMMENT ON COLUMN sla_attainment.attainment IS '[share or score, unit in column unit, direction in column better] what the month attained, in the unit of the service level''s schedule: a share (0.9985) or a mean CSAT score (1-5)';
COMMENT ON COLUMN sla_attainment.target IS '[share or score, unit in column unit, direction in column better] the target the attainment is held to, in the same unit';
COMMENT ON COLUMN sla_attainment.met IS '[flag] the target was met: attainment at or above it (higher is better) or at or below it (lower is better)';
COMMENT ON COLUMN sla_attainment.misses IS '[count, lower is better] material misses in the month (SEV1 tickets that breached their resolution target, where the contract counts them)';
COMMENT ON COLUMN sla_attainment.credits IS '[label] the service level''s credit terms (credit_schedule, read as text)';
COMMENT ON COLUMN sla_attainment.unit IS '[label] the unit of attainment and target: share (0 to 1) or score (a mean rating, CSAT 1-5)';
COMMENT ON COLUMN sla_attainment.better IS '[label] the direction of attainment: higher (availability, compliance, CSAT) or lower (false positives) is better';

CREATE OR REPLACE VIEW sla_credits AS
-- the windows run over a dense series of months (every reporting month of
-- every service level, left-joined to the measurements), so that "the last
-- 12" is the last 12 months even where a month has no data (no tickets, no
-- alerts): such a month counts no miss and neither breaks nor extends a
-- streak, and for earn-back it is a month not shown to be met; only the
-- measured months are reported.  credit_line gives each month's share (as
-- sla_credit), the share earn-back forgives (read from the months after it)
-- and the month that confirmed it
WITH dense AS (
  SELECT sl.vendor, m.month, sl.sla, a.attainment, a.target, a.met, a.misses, a.credits, a.unit, a.better,
         a.month IS NOT NULL AS measured,
         miss_streak(a.met) OVER w AS streak,
         (count(*) FILTER (WHERE NOT a.met) OVER (w ROWS BETWEEN 11 PRECEDING AND CURRENT ROW))::int AS recent_misses,
         credit_line(sl.credits, a.attainment, coalesce(a.misses, 0), a.met, m.month)
           OVER (w ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS line
  FROM service_levels sl CROSS JOIN sla_months m
  LEFT JOIN sla_attainment a ON a.vendor = sl.vendor AND a.sla = sl.sla AND a.month = m.month
  WINDOW w AS (PARTITION BY sl.vendor, sl.sla ORDER BY m.month))
SELECT vendor, month, sla, attainment, target, met, misses, credits, streak, recent_misses,
       escalation_step(credits, streak, recent_misses) AS escalation,
       (line).share AS credit_share,
       -- earn-back: decided by the next months' attainments (none yet: 0)
       (line).forgiven AS earned_back,
       unit, better,
       line AS credit_line
FROM dense
WHERE measured;
COMMENT ON VIEW sla_credits IS 'sla_attainment with the streak of missed months, misses in the last 12 months (a month without data counts none), escalation step, credit share, the share of it earned back, and the month as credit_line computes it';
COMMENT ON COLUMN sla_credits.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN sla_credits.month IS '[key] the first day of the reporting month, a calendar month in the contract''s zone';
COMMENT ON COLUMN sla_credits.sla IS '[key] the service level (service_levels.sla)';
COMMENT ON COLUMN sla_credits.attainment IS '[share or score, unit in column unit, direction in column better] what the month attained (sla_attainment.attainment)';
COMMENT ON COLUMN sla_credits.target IS '[share or score, unit in column unit, direction in column better] the target (sla_attainment.target)';
COMMENT ON COLUMN sla_credits.met IS '[flag] the target was met';
COMMENT ON COLUMN sla_credits.misses IS '[count, lower is better] material misses in the month';
COMMENT ON COLUMN sla_credits.credits IS '[label] the service level''s credit terms (credit_schedule, read as text)';
COMMENT ON COLUMN sla_credits.streak IS '[count, lower is better] consecutive missed months up to this one (a month without data neither breaks nor extends it)';
COMMENT ON COLUMN sla_credits.recent_misses IS '[count, lower is better] missed months among the last 12, this one included';
COMMENT ON COLUMN sla_credits.escalation IS '[label, ordered] the rung of the escalation ladder reached: ok < warning < remediation < penalty < termination (escalation_step: max() is the worst)';
COMMENT ON COLUMN sla_credits.credit_share IS '[share, lower is better] the credit this service level owes for the month as a share of the monthly fee (band + per miss, chronic rule, its own cap), before earn-back and the period cap: credit_line''s share';
COMMENT ON COLUMN sla_credits.earned_back IS '[share, higher is better] the part of credit_share forgiven by earn-back (the following months met the earn-back target; credit_line''s forgiven); 0 until they exist, for a chronic miss or without earn-back';
COMMENT ON COLUMN sla_credits.unit IS '[label] the unit of attainment and target: share or score';
COMMENT ON COLUMN sla_credits.better IS '[label] the direction of attainment: higher or lower is better';
COMMENT ON COLUMN sla_credits.credit_line IS '[detail] the month as credit_line computes it (share, chronic, cap_bound, forgiven, confirmed_in, streak, recent_misses), the input of credit_period; its measures are the columns above';

-- The monthly credit statement in DESIGN's order, as the extension's own
-- calls: each service level's month (credit_line, above), the month's
-- service levels together under the period cap in force (credit_period: the
-- contract's one period cap or at-risk amount, the chronic period cap while
-- any service level is chronic), then the contract year under its annual cap
-- (credit_statement; the sample's contract years run from November to
-- October, and a plain annual cap is a share of the year's fees): a month
-- owes what keeps the year to date within it.
CREATE OR REPLACE VIEW vendor_credits AS
WITH months AS (
  SELECT cr.vendor, cr.month, c.monthly_fee,
         (date_trunc('year', cr.month + interval '2 months') - interval '2 months')::date AS contract_year,
         credit_period(cr.credits, cr.credit_line) AS period
  FROM sla_credits cr JOIN contracts c USING (vendor)
  GROUP BY cr.vendor, cr.month, c.monthly_fee),
years AS (
  SELECT *, credit_statement(period, monthly_fee, year_fees)
              OVER (PARTITION BY vendor, contract_year ORDER BY month) AS statement
  FROM (SELECT *, sum(monthly_fee) OVER (PARTITION BY vendor, contract_year) AS year_fees FROM months) m)
-- money as numeric(12,2): the statement's amounts are already in cents, the
-- declared scale is what a driver reports (the reporting model)
SELECT vendor, month, monthly_fee::numeric(12,2) AS monthly_fee, (period).credits AS credit_share, (period).period_cap,
       (period).share AS capped_share, (statement).owed::numeric(12,2) AS credit_amount,
       (period).period_cap_bound AS cap_binding, (period).forgiven AS earned_back,
       (statement).amount::numeric(12,2) AS month_amount, contract_year,
       (statement).annual_cap::numeric(12,2) AS annual_cap_amount, (statement).year_to_date::numeric(12,2) AS year_to_date,
       'annual cap' = ANY ((statement).caps_bound) AS annual_cap_binding,
       (statement).forgiven::numeric(12,2) AS earned_back_amount, (period).confirmed_in AS earn_back_confirmed_in,
       (statement).caps_bound
FROM years;
COMMENT ON VIEW vendor_credits IS 'per vendor and month, the credit statement: the credits of all service levels together and what earn-back forgave (credit_share, earned_back, earned_back_amount, earn_back_confirmed_in), capped by the period cap in force (capped_share, month_amount), then by the annual cap over the contract year (credit_amount, year_to_date), in money, and every cap that cut the amount (caps_bound)';
COMMENT ON COLUMN vendor_credits.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN vendor_credits.month IS '[key] the first day of the reporting month, a calendar month in the contract''s zone';
COMMENT ON COLUMN vendor_credits.monthly_fee IS '[money] the contract''s monthly fee (contracts.monthly_fee)';
COMMENT ON COLUMN vendor_credits.credit_share IS '[share, lower is better] the credit the vendor''s service levels owe for the month together as a share of the monthly fee, before earn-back and the period cap: the sum of their sla_credits.credit_share (credit_period''s credits)';
COMMENT ON COLUMN vendor_credits.period_cap IS '[share, contract term] the period cap in force: the largest share of the fee the month''s credits may come to (the chronic period cap while a service level is chronic)';
COMMENT ON COLUMN vendor_credits.capped_share IS '[share, lower is better] credit_share less earned_back, cut to period_cap (credit_period''s share)';
COMMENT ON COLUMN vendor_credits.credit_amount IS '[money, lower is better] the credit owed for the month after the annual cap (credit_statement''s owed)';
COMMENT ON COLUMN vendor_credits.cap_binding IS '[flag] the period cap cut the month''s credit';
COMMENT ON COLUMN vendor_credits.earned_back IS '[share, higher is better] the shares forgiven by earn-back, all service levels together (the sum of sla_credits.earned_back)';
COMMENT ON COLUMN vendor_credits.month_amount IS '[money, lower is better] monthly_fee x capped_share, rounded to cents: the month''s credit before the annual cap';
COMMENT ON COLUMN vendor_credits.contract_year IS '[date] the first day of the contract year the month is in (the sample''s run from November)';
COMMENT ON COLUMN vendor_credits.annual_cap_amount IS '[money, contract term] the annual cap in money (a share of the contract year''s fees); NULL without one';
COMMENT ON COLUMN vendor_credits.year_to_date IS '[money, lower is better] the credits owed in the contract year up to this month, within the annual cap';
COMMENT ON COLUMN vendor_credits.annual_cap_binding IS '[flag] the annual cap cut the month''s credit';
COMMENT ON COLUMN vendor_credits.earned_back_amount IS '[money, higher is better] the money earn-back forgave in the month (credit_statement''s forgiven)';
COMMENT ON COLUMN vendor_credits.earn_back_confirmed_in IS '[date] the month whose result confirmed the earn-back; NULL when none was earned back';
COMMENT ON COLUMN vendor_credits.caps_bound IS '[label] every cap that cut the month''s amount, in DESIGN''s order: service level cap, period cap, annual cap; empty when none did';
