-- The objects 0.4.0 added, on a database updated from an older version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';

-- issue 20: the monthly credit statement and the new credit and price terms
SELECT 1 AS issue_20;
-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
SELECT 1 AS issue_21;
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
SELECT 1 AS issue_22;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- (end of the issue 23 section)
