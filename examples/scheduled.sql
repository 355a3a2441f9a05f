-- examples/scheduled.sql: the monthly scorecard and the invoice check as
-- materialized views for BI tools and scheduled reports, with the unique
-- indexes that let REFRESH MATERIALIZED VIEW CONCURRENTLY rebuild them while
-- readers go on reading.  Needs examples/scorecard.sql and
-- examples/reconcile.sql.  Plain columns only (numeric, never float8; text;
-- the ordered escalation_step): what a BI tool reads without knowing the
-- extension's types.  Each column's comment says its kind, unit and direction
-- (docs/reports.md, "The reporting model").
--
-- What to materialize: the three views BI tools chart, each read in
-- milliseconds where the plain view recomputes a year of tickets (0.5 to 1 s
-- each at 50 000 tickets): scorecard_monthly (sla_credits), vendor_credits_monthly
-- (vendor_credits) and invoice_check_monthly (invoice_check).  The plain views
-- they come from stay for ad-hoc questions.
--
-- Refresh them together, in the order of the data (the scorecard, the credits
-- it gives, the invoice check that deducts them), in one transaction: the
-- procedure refresh_reports() below.  A reader then never sees a month's
-- credits in one view and not yet in the next.  CONCURRENTLY: readers go on
-- reading the old rows meanwhile.  On a schedule with pg_cron (in the database
-- named by cron.database_name; see docs/reports.md, "Scheduled reports"):
--   SELECT cron.schedule('reports', '15 * * * *', 'CALL refresh_reports()');
-- or from cron, a systemd timer or the end of the ETL job with psql.

CREATE MATERIALIZED VIEW IF NOT EXISTS scorecard_monthly AS
SELECT vendor, month, sla, attainment, target, unit, better, met,
       misses, streak, recent_misses, escalation, credit_share
FROM sla_credits;
CREATE UNIQUE INDEX IF NOT EXISTS scorecard_monthly_key ON scorecard_monthly (vendor, month, sla);
COMMENT ON MATERIALIZED VIEW scorecard_monthly IS
    'per vendor, month and service level: attainment, target, met, streak, escalation and credit share, for BI tools';
COMMENT ON COLUMN scorecard_monthly.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN scorecard_monthly.month IS '[key] the first day of the reporting month, a calendar month in the contract''s zone';
COMMENT ON COLUMN scorecard_monthly.sla IS '[key] the service level (service_levels.sla)';
COMMENT ON COLUMN scorecard_monthly.attainment IS '[share or score, unit in column unit, direction in column better] what the month attained, in the unit of the service level''s schedule';
COMMENT ON COLUMN scorecard_monthly.target IS '[share or score, unit in column unit, direction in column better] the target, in the same unit';
COMMENT ON COLUMN scorecard_monthly.unit IS '[label] the unit of attainment and target: share (0 to 1) or score (a mean rating, CSAT 1-5)';
COMMENT ON COLUMN scorecard_monthly.better IS '[label] the direction of attainment: higher or lower is better';
COMMENT ON COLUMN scorecard_monthly.met IS '[flag] the target was met';
COMMENT ON COLUMN scorecard_monthly.misses IS '[count, lower is better] material misses in the month';
COMMENT ON COLUMN scorecard_monthly.streak IS '[count, lower is better] consecutive missed months up to this one';
COMMENT ON COLUMN scorecard_monthly.recent_misses IS '[count, lower is better] missed months among the last 12, this one included';
COMMENT ON COLUMN scorecard_monthly.escalation IS '[label, ordered] the rung of the escalation ladder reached: ok < warning < remediation < penalty < termination';
COMMENT ON COLUMN scorecard_monthly.credit_share IS '[share, lower is better] the credit this service level owes for the month as a share of the monthly fee';

CREATE MATERIALIZED VIEW IF NOT EXISTS vendor_credits_monthly AS
SELECT vendor, month, monthly_fee, credit_share, earned_back, period_cap, capped_share,
       cap_binding, month_amount, contract_year, annual_cap_amount, credit_amount,
       year_to_date, annual_cap_binding, earned_back_amount, earn_back_confirmed_in, caps_bound
FROM vendor_credits;
CREATE UNIQUE INDEX IF NOT EXISTS vendor_credits_monthly_key ON vendor_credits_monthly (vendor, month);
COMMENT ON MATERIALIZED VIEW vendor_credits_monthly IS
    'per vendor and month: the credit statement, the credits owed after earn-back, the period cap and the annual cap (vendor_credits), for BI tools';
COMMENT ON COLUMN vendor_credits_monthly.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN vendor_credits_monthly.month IS '[key] the first day of the reporting month, a calendar month in the contract''s zone';
COMMENT ON COLUMN vendor_credits_monthly.monthly_fee IS '[money] the contract''s monthly fee';
COMMENT ON COLUMN vendor_credits_monthly.credit_share IS '[share, lower is better] the credit the vendor''s service levels owe for the month together as a share of the monthly fee, before earn-back and the period cap: the sum of their scorecard_monthly.credit_share';
COMMENT ON COLUMN vendor_credits_monthly.earned_back IS '[share, higher is better] the shares forgiven by earn-back, all service levels together';
COMMENT ON COLUMN vendor_credits_monthly.period_cap IS '[share, contract term] the period cap in force: the largest share of the fee the month''s credits may come to';
COMMENT ON COLUMN vendor_credits_monthly.capped_share IS '[share, lower is better] credit_share less earned_back, cut to period_cap';
COMMENT ON COLUMN vendor_credits_monthly.cap_binding IS '[flag] the period cap cut the month''s credit';
COMMENT ON COLUMN vendor_credits_monthly.month_amount IS '[money, lower is better] monthly_fee x capped_share, rounded to cents: the month''s credit before the annual cap';
COMMENT ON COLUMN vendor_credits_monthly.contract_year IS '[date] the first day of the contract year the month is in';
COMMENT ON COLUMN vendor_credits_monthly.annual_cap_amount IS '[money, contract term] the annual cap in money (a share of the contract year''s fees); NULL without one';
COMMENT ON COLUMN vendor_credits_monthly.credit_amount IS '[money, lower is better] the credit owed for the month after the annual cap';
COMMENT ON COLUMN vendor_credits_monthly.year_to_date IS '[money, lower is better] the credits owed in the contract year up to this month, within the annual cap';
COMMENT ON COLUMN vendor_credits_monthly.annual_cap_binding IS '[flag] the annual cap cut the month''s credit';
COMMENT ON COLUMN vendor_credits_monthly.earned_back_amount IS '[money, higher is better] the money earn-back forgave in the month';
COMMENT ON COLUMN vendor_credits_monthly.earn_back_confirmed_in IS '[date] the month whose result confirmed the earn-back; NULL when none was earned back';
COMMENT ON COLUMN vendor_credits_monthly.caps_bound IS '[label] every cap that cut the month''s amount, in DESIGN''s order: service level cap, period cap, annual cap; empty when none did';

CREATE MATERIALIZED VIEW IF NOT EXISTS invoice_check_monthly AS
SELECT vendor, month, units_measured, units_billed, charge, credit_owed, expected, billed, difference,
       abs(difference) > 0.005 AS differs, reasons
FROM invoice_check;
CREATE UNIQUE INDEX IF NOT EXISTS invoice_check_monthly_key ON invoice_check_monthly (vendor, month);
COMMENT ON MATERIALIZED VIEW invoice_check_monthly IS
    'per vendor and month: the invoice check (expected against billed, with reasons), for BI tools';
COMMENT ON COLUMN invoice_check_monthly.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN invoice_check_monthly.month IS '[key] the first day of the invoiced month, a calendar month in the contract''s zone';
COMMENT ON COLUMN invoice_check_monthly.units_measured IS '[count, volume] the units the contract prices, as measured: the tickets opened in the month (in the contract''s zone)';
COMMENT ON COLUMN invoice_check_monthly.units_billed IS '[count, volume] the units the invoice bills (its line "tickets over commitment"); NULL when it states none';
COMMENT ON COLUMN invoice_check_monthly.charge IS '[money] what the contract''s price_schedule charges for the measured units';
COMMENT ON COLUMN invoice_check_monthly.credit_owed IS '[money, lower is better] the service credit owed for the month (vendor_credits.credit_amount; 0 when none)';
COMMENT ON COLUMN invoice_check_monthly.expected IS '[money] the invoice the contract and the measured service give: charge less credit_owed';
COMMENT ON COLUMN invoice_check_monthly.billed IS '[money] the invoice''s total';
COMMENT ON COLUMN invoice_check_monthly.difference IS '[money, closer to 0 is better] billed less expected: positive is an overcharge';
COMMENT ON COLUMN invoice_check_monthly.differs IS '[flag] billed and expected differ by more than the tolerance (0.005: any cent)';
COMMENT ON COLUMN invoice_check_monthly.reasons IS '[label] why billed and expected differ, one or more of: volume billed ≠ volume measured; wrong rate or tier; rounding; credit not applied; credit above cap; credit short. NULL when none applies';

-- the three refreshed together, in the order of the data, in the caller's
-- transaction (CALL refresh_reports() from pg_cron or psql)
CREATE OR REPLACE PROCEDURE refresh_reports()
LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY scorecard_monthly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY vendor_credits_monthly;
  REFRESH MATERIALIZED VIEW CONCURRENTLY invoice_check_monthly;
END
$$;
COMMENT ON PROCEDURE refresh_reports() IS
    'refresh scorecard_monthly, vendor_credits_monthly and invoice_check_monthly, in that order, in one transaction';
