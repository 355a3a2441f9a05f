-- examples/scheduled.sql: the monthly scorecard and the invoice check as
-- materialized views for BI tools and scheduled reports, with the unique
-- indexes that let REFRESH MATERIALIZED VIEW CONCURRENTLY rebuild them while
-- readers go on reading.  Needs examples/scorecard.sql and
-- examples/reconcile.sql.  Plain columns only (numeric, never float8; text;
-- the ordered escalation_step): what a BI tool reads without knowing the
-- extension's types.  Each column's comment says its kind, unit and direction
-- (docs/reports.md, "The reporting model").
--
-- Refresh on a schedule with pg_cron (in the database named by
-- cron.database_name; see docs/reports.md, "Scheduled reports"):
--   SELECT cron.schedule('scorecard', '15 * * * *',
--          'REFRESH MATERIALIZED VIEW CONCURRENTLY scorecard_monthly');
--   SELECT cron.schedule('invoice-check', '20 * * * *',
--          'REFRESH MATERIALIZED VIEW CONCURRENTLY invoice_check_monthly');
-- or from cron, a systemd timer or the end of the ETL job with psql.

CREATE MATERIALIZED VIEW IF NOT EXISTS scorecard_monthly AS
SELECT vendor, month, sla, attainment, target, unit, better, met,
       misses, streak, recent_misses, escalation, credit_share
FROM sla_credits;
CREATE UNIQUE INDEX IF NOT EXISTS scorecard_monthly_key ON scorecard_monthly (vendor, month, sla);
COMMENT ON MATERIALIZED VIEW scorecard_monthly IS
    'per vendor, month and service level: attainment, target, met, streak, escalation and credit share, for BI tools';
COMMENT ON COLUMN scorecard_monthly.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN scorecard_monthly.month IS '[key] the first day of the reporting month';
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

CREATE MATERIALIZED VIEW IF NOT EXISTS invoice_check_monthly AS
SELECT vendor, month, units_measured, units_billed, charge, credit_owed, expected, billed, difference,
       abs(difference) > 0.005 AS differs, reasons
FROM invoice_check;
CREATE UNIQUE INDEX IF NOT EXISTS invoice_check_monthly_key ON invoice_check_monthly (vendor, month);
COMMENT ON MATERIALIZED VIEW invoice_check_monthly IS
    'per vendor and month: the invoice check (expected against billed, with reasons), for BI tools';
COMMENT ON COLUMN invoice_check_monthly.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN invoice_check_monthly.month IS '[key] the first day of the invoiced month';
COMMENT ON COLUMN invoice_check_monthly.units_measured IS '[count, volume] the units the contract prices, as measured: the tickets opened in the month';
COMMENT ON COLUMN invoice_check_monthly.units_billed IS '[count, volume] the units the invoice bills (its line "tickets over commitment"); NULL when it states none';
COMMENT ON COLUMN invoice_check_monthly.charge IS '[money] what the contract''s price_schedule charges for the measured units';
COMMENT ON COLUMN invoice_check_monthly.credit_owed IS '[money, lower is better] the service credit owed for the month (vendor_credits.credit_amount; 0 when none)';
COMMENT ON COLUMN invoice_check_monthly.expected IS '[money] the invoice the contract and the measured service give: charge less credit_owed';
COMMENT ON COLUMN invoice_check_monthly.billed IS '[money] the invoice''s total';
COMMENT ON COLUMN invoice_check_monthly.difference IS '[money, closer to 0 is better] billed less expected: positive is an overcharge';
COMMENT ON COLUMN invoice_check_monthly.differs IS '[flag] billed and expected differ by more than the tolerance (0.005: any cent)';
COMMENT ON COLUMN invoice_check_monthly.reasons IS '[label] why billed and expected differ, one or more of: volume billed ≠ volume measured; wrong rate or tier; rounding; credit not applied; credit above cap; credit short. NULL when none applies';
