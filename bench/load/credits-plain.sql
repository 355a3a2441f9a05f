-- The "before" of bench/load/credits.sql (LOAD_CREDITS=plain make load): the
-- same vendor's year of credits, read from the plain vendor_credits view,
-- which recomputes the year's attainment, streaks and credits on every read
\set v random(1, 3)
SELECT vendor, to_char(month, 'YYYY-MM') AS month, monthly_fee, round(100 * credit_share, 2) AS "credits %",
       round(100 * capped_share, 2) AS "owed %", credit_amount AS owed, cap_binding
FROM vendor_credits
WHERE vendor = (ARRAY['Sentinel SOC', 'Helpdesk GmbH', 'Northwind NOC'])[:v]
ORDER BY month;
