-- examples/scheduled.sql: the monthly scorecard and the invoice check as
-- materialized views for BI tools and scheduled reports, with the unique
-- indexes that let REFRESH MATERIALIZED VIEW CONCURRENTLY rebuild them while
-- readers go on reading.  Needs examples/scorecard.sql and
-- examples/reconcile.sql.  Plain numeric and text columns only: what a BI
-- tool reads without knowing the extension's types.
--
-- Refresh on a schedule with pg_cron (in the database named by
-- cron.database_name; see docs/reports.md, "Scheduled reports"):
--   SELECT cron.schedule('scorecard', '15 * * * *',
--          'REFRESH MATERIALIZED VIEW CONCURRENTLY scorecard_monthly');
--   SELECT cron.schedule('invoice-check', '20 * * * *',
--          'REFRESH MATERIALIZED VIEW CONCURRENTLY invoice_check_monthly');
-- or from cron, a systemd timer or the end of the ETL job with psql.

CREATE MATERIALIZED VIEW IF NOT EXISTS scorecard_monthly AS
SELECT vendor, month, sla AS service_level,
       attainment::float8 AS attainment, target::float8 AS target, met,
       misses, streak, recent_misses, escalation,
       credit_share::float8 AS credit_share
FROM sla_credits;
CREATE UNIQUE INDEX IF NOT EXISTS scorecard_monthly_key ON scorecard_monthly (vendor, month, service_level);
COMMENT ON MATERIALIZED VIEW scorecard_monthly IS
    'per vendor, month and service level: attainment, target, met, streak, escalation and credit share, for BI tools';

CREATE MATERIALIZED VIEW IF NOT EXISTS invoice_check_monthly AS
SELECT vendor, month, units_measured, units_billed, charge, credit_owed, expected, billed, difference,
       abs(difference) > 0.005 AS differs, reasons
FROM invoice_check;
CREATE UNIQUE INDEX IF NOT EXISTS invoice_check_monthly_key ON invoice_check_monthly (vendor, month);
COMMENT ON MATERIALIZED VIEW invoice_check_monthly IS
    'per vendor and month: the invoice check (expected against billed, with reasons), for BI tools';
