-- examples/reconcile.sql: the invoice check, as plain views.  Per vendor and
-- month: units measured (the tickets opened that month), units billed (as the
-- invoice states them), the charge the contract's price_schedule gives for
-- the measured units, the credits owed (capped; examples/scorecard.sql), the
-- expected invoice, the billed one, the difference, and why they differ.
-- Needs examples/scorecard.sql.
--
--   invoice_check          every vendor and month
--   invoice_discrepancies  the months whose billed total differs from the
--                          expected one by more than the tolerance (0.005:
--                          any cent), with the reasons
--
-- Reasons, each from one comparison:
--   volume billed ≠ volume measured   the invoice bills another number of units
--   wrong rate or tier                the billed charge differs from charge() of the
--                                     billed units by 1.00 or more
--   rounding                          ... by less than 1.00
--   credit not applied                a credit is owed and none was deducted
--   credit above cap                  more credit was deducted than the terms allow
--   credit short                      less credit was deducted than is owed

CREATE OR REPLACE VIEW invoice_check AS
WITH measured AS (
  SELECT t.vendor, m.month, count(*) AS units
  FROM tickets t JOIN sla_months m ON m.month = date_trunc('month', t.opened_at AT TIME ZONE 'UTC')::date
  GROUP BY t.vendor, m.month),
billed AS (
  SELECT vendor, month,
         sum(billed) FILTER (WHERE line <> 'service credit') AS billed_charge,
         max(units) FILTER (WHERE line = 'tickets over commitment') AS units_billed,
         coalesce(-sum(billed) FILTER (WHERE line = 'service credit'), 0) AS credit_billed,
         sum(billed) AS billed
  FROM invoices GROUP BY vendor, month),
figures AS (
  SELECT c.vendor, b.month, me.units AS units_measured, b.units_billed,
         price_charge(c.pricing, me.units) AS charge,
         price_charge(c.pricing, coalesce(b.units_billed, me.units)) AS charge_of_billed_units,
         b.billed_charge,
         coalesce(vc.credit_amount, 0) AS credit_owed,
         b.credit_billed,
         price_charge(c.pricing, me.units) - coalesce(vc.credit_amount, 0) AS expected,
         b.billed
  FROM contracts c
  JOIN billed b USING (vendor)
  JOIN measured me ON me.vendor = c.vendor AND me.month = b.month
  LEFT JOIN vendor_credits vc ON vc.vendor = c.vendor AND vc.month = b.month)
SELECT f.*, f.billed - f.expected AS difference,
       array_to_string(ARRAY[
         CASE WHEN f.units_billed IS DISTINCT FROM NULL AND f.units_billed <> f.units_measured
              THEN 'volume billed ≠ volume measured' END,
         CASE WHEN abs(f.billed_charge - f.charge_of_billed_units) >= 1.00 THEN 'wrong rate or tier' END,
         CASE WHEN abs(f.billed_charge - f.charge_of_billed_units) > 0
               AND abs(f.billed_charge - f.charge_of_billed_units) < 1.00 THEN 'rounding' END,
         CASE WHEN f.credit_owed > 0 AND f.credit_billed = 0 THEN 'credit not applied' END,
         CASE WHEN f.credit_billed > f.credit_owed THEN 'credit above cap' END,
         CASE WHEN f.credit_billed > 0 AND f.credit_billed < f.credit_owed THEN 'credit short' END], '; ') AS reasons
FROM figures f;
COMMENT ON VIEW invoice_check IS
    'per vendor and month: units measured and billed, charge, credits owed, expected and billed invoice, difference and reasons';

CREATE OR REPLACE VIEW invoice_discrepancies AS
SELECT vendor, month, units_measured, units_billed, expected, billed, difference, reasons
FROM invoice_check
WHERE abs(difference) > 0.005;
COMMENT ON VIEW invoice_discrepancies IS
    'the invoices that differ from what the contract and the measured service give, with the reasons';
