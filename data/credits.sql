-- The vendors' 'service credit' invoice lines: what each contract's terms
-- give for the month (vendor_credits of examples/scorecard.sql), as an honest
-- vendor would deduct it, except these deliberate errors for the
-- reconciliation report (examples/reconcile.sql) to find:
--   * credit not applied: Northwind NOC 2026-06 and 2026-07 (availability
--     missed), Helpdesk GmbH 2026-03 (availability and resolution missed):
--     no credit line at all;
--   * credit above cap: Sentinel SOC 2026-06, where 5 % for resolution plus
--     6 late SEV1 tickets at 1 % is 11 % but the terms cap it at 10 %: the
--     vendor deducted 11 % (4 620.00 instead of 4 200.00).
-- Run after data/sample.sql, data/types.sql and examples/scorecard.sql; it
-- replaces earlier credit lines, so it can run again.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

DELETE FROM invoices WHERE line = 'service credit';
INSERT INTO invoices (invoice_id, vendor, month, line, units, billed)
SELECT (SELECT coalesce(max(invoice_id), 0) FROM invoices)
       + row_number() OVER (ORDER BY vc.month, vc.vendor),
       vc.vendor, vc.month, 'service credit', NULL,
       -CASE WHEN (vc.vendor, vc.month) = ('Sentinel SOC', date '2026-06-01')
             THEN vc.credit_amount + round(vc.monthly_fee * 0.01, 2)
             ELSE vc.credit_amount END
FROM vendor_credits vc
WHERE vc.credit_amount > 0
  AND (vc.vendor, vc.month) NOT IN (('Northwind NOC', date '2026-06-01'), ('Northwind NOC', date '2026-07-01'),
                                    ('Helpdesk GmbH', date '2026-03-01'));
ANALYZE invoices;
