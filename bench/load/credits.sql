-- A vendor's year of credits owed per month, for one vendor picked at
-- random, as a BI tool reads it: from the stored vendor_credits_monthly of
-- examples/scheduled.sql (refreshed by refresh_reports() on a schedule), not
-- the plain vendor_credits view, which recomputes the year's attainment,
-- streaks and credits on every read
\set v random(1, 3)
SELECT vendor, to_char(month, 'YYYY-MM') AS month, monthly_fee, round(100 * credit_share, 2) AS "credits %",
       round(100 * capped_share, 2) AS "owed %", credit_amount AS owed, cap_binding
FROM vendor_credits_monthly
WHERE vendor = (ARRAY['Sentinel SOC', 'Helpdesk GmbH', 'Northwind NOC'])[:v]
ORDER BY month;
