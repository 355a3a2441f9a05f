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
SELECT price_charge('per unit 4.50 minimum 1000', '1200') AS untyped,
       price_charge('share 8% minimum 2000.00'::varchar, 10, 50000) AS varchar_schedule;
PREPARE issue_22_v (varchar, varchar) AS
	SELECT $1 = 'SEV1'::severity AS eq, sla_target('SEV1 respond 15 minutes resolve 4 hours', $1, 'resolution') AS target,
	       sla_credit($2, 0.985, 0, 1) AS credit;
EXECUTE issue_22_v ('P1', 'below 99%: 10%; cap 30%');
DEALLOCATE issue_22_v;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- (end of the issue 23 section)
