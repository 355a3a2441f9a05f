-- examples/reconcile.sql: the invoice check, as plain views.  Per vendor and
-- month: units measured (the tickets opened that month, a calendar month in
-- the contract's zone as in examples/scorecard.sql), units billed (as the
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
  FROM tickets t JOIN contracts c USING (vendor)
  JOIN sla_months m ON m.month = date_trunc('month', t.opened_at AT TIME ZONE sla_timezone(c.coverage))::date
  GROUP BY t.vendor, m.month),
billed AS (
  SELECT vendor, month,
         sum(billed) FILTER (WHERE line <> 'service credit') AS billed_charge,
         max(units) FILTER (WHERE line = 'tickets over commitment') AS units_billed,
         coalesce(-sum(billed) FILTER (WHERE line = 'service credit'), 0) AS credit_billed,
         sum(billed) AS billed
  FROM invoices GROUP BY vendor, month),
figures AS (
  -- money as numeric(12,2): rounded to cents, with the scale a driver reports
  SELECT c.vendor, b.month, me.units AS units_measured, b.units_billed,
         price_charge(c.pricing, me.units)::numeric(12,2) AS charge,
         price_charge(c.pricing, coalesce(b.units_billed, me.units))::numeric(12,2) AS charge_of_billed_units,
         b.billed_charge::numeric(12,2) AS billed_charge,
         coalesce(vc.credit_amount, 0)::numeric(12,2) AS credit_owed,
         b.credit_billed::numeric(12,2) AS credit_billed,
         (price_charge(c.pricing, me.units) - coalesce(vc.credit_amount, 0))::numeric(12,2) AS expected,
         b.billed::numeric(12,2) AS billed
  FROM contracts c
  JOIN billed b USING (vendor)
  JOIN measured me ON me.vendor = c.vendor AND me.month = b.month
  LEFT JOIN vendor_credits vc ON vc.vendor = c.vendor AND vc.month = b.month)
SELECT f.*, (f.billed - f.expected)::numeric(12,2) AS difference,
       -- NULL, not '', when nothing differs
       nullif(array_to_string(ARRAY[
         CASE WHEN f.units_billed IS DISTINCT FROM NULL AND f.units_billed <> f.units_measured
              THEN 'volume billed ≠ volume measured' END,
         CASE WHEN abs(f.billed_charge - f.charge_of_billed_units) >= 1.00 THEN 'wrong rate or tier' END,
         CASE WHEN abs(f.billed_charge - f.charge_of_billed_units) > 0
               AND abs(f.billed_charge - f.charge_of_billed_units) < 1.00 THEN 'rounding' END,
         CASE WHEN f.credit_owed > 0 AND f.credit_billed = 0 THEN 'credit not applied' END,
         CASE WHEN f.credit_billed > f.credit_owed THEN 'credit above cap' END,
         CASE WHEN f.credit_billed > 0 AND f.credit_billed < f.credit_owed THEN 'credit short' END], '; '), '') AS reasons
FROM figures f;
COMMENT ON VIEW invoice_check IS
    'per vendor and month: units measured and billed, charge, credits owed, expected and billed invoice, difference and reasons';
COMMENT ON COLUMN invoice_check.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN invoice_check.month IS '[key] the first day of the invoiced month, a calendar month in the contract''s zone';
COMMENT ON COLUMN invoice_check.units_measured IS '[count, volume] the units the contract prices, as measured: the tickets opened in the month (in the contract''s zone)';
COMMENT ON COLUMN invoice_check.units_billed IS '[count, volume] the units the invoice bills (its line "tickets over commitment"); NULL when it states none';
COMMENT ON COLUMN invoice_check.charge IS '[money] what the contract''s price_schedule charges for the measured units';
COMMENT ON COLUMN invoice_check.charge_of_billed_units IS '[money] what the price_schedule charges for the billed units';
COMMENT ON COLUMN invoice_check.billed_charge IS '[money] the invoice''s charge lines (all but the service credit)';
COMMENT ON COLUMN invoice_check.credit_owed IS '[money, lower is better] the service credit owed for the month (vendor_credits.credit_amount; 0 when none)';
COMMENT ON COLUMN invoice_check.credit_billed IS '[money] the service credit the invoice deducts (a positive amount)';
COMMENT ON COLUMN invoice_check.expected IS '[money] the invoice the contract and the measured service give: charge less credit_owed';
COMMENT ON COLUMN invoice_check.billed IS '[money] the invoice''s total';
COMMENT ON COLUMN invoice_check.difference IS '[money, closer to 0 is better] billed less expected: positive is an overcharge';
COMMENT ON COLUMN invoice_check.reasons IS '[label] why billed and expected differ, one or more of: volume billed ≠ volume measured; wrong rate or tier; rounding; credit not applied; credit above cap; credit short. NULL when none applies';

CREATE OR REPLACE VIEW invoice_discrepancies AS
SELECT vendor, month, units_measured, units_billed, expected, billed, difference, reasons
FROM invoice_check
WHERE abs(difference) > 0.005;
COMMENT ON VIEW invoice_discrepancies IS
    'the invoices that differ from what the contract and the measured service give, with the reasons';
COMMENT ON COLUMN invoice_discrepancies.vendor IS '[key] the vendor (contracts.vendor)';
COMMENT ON COLUMN invoice_discrepancies.month IS '[key] the first day of the invoiced month, a calendar month in the contract''s zone';
COMMENT ON COLUMN invoice_discrepancies.units_measured IS '[count, volume] the units the contract prices, as measured: the tickets opened in the month (in the contract''s zone)';
COMMENT ON COLUMN invoice_discrepancies.units_billed IS '[count, volume] the units the invoice bills (its line "tickets over commitment"); NULL when it states none';
COMMENT ON COLUMN invoice_discrepancies.expected IS '[money] the invoice the contract and the measured service give: charge less credit_owed';
COMMENT ON COLUMN invoice_discrepancies.billed IS '[money] the invoice''s total';
COMMENT ON COLUMN invoice_discrepancies.difference IS '[money, closer to 0 is better] billed less expected: positive is an overcharge';
COMMENT ON COLUMN invoice_discrepancies.reasons IS '[label] why billed and expected differ, one or more of: volume billed ≠ volume measured; wrong rate or tier; rounding; credit not applied; credit above cap; credit short. NULL when none applies';
