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
SELECT c.* FROM sla_summary_columns('met=3 breached=1 pending=2 untargeted=1 timed=4 total=10:00:00 min=01:00:00 max=04:00:00') c;
SELECT 'met=1 breached=0 pending=0 timed=0 total=00:00:00 min=- max=-'::sla_summary
     = 'met=1 breached=0 pending=0 untargeted=0 timed=0 total=00:00:00 min=- max=-'::sla_summary AS summaries_equal;
SELECT c.*, s = s AS states_equal
FROM (SELECT availability_agg(o, '[2026-03-01 00:00+00,2026-04-01 00:00+00)', 'mon-fri 09:00-17:00 UTC') AS s
      FROM (VALUES (tstzrange('2026-03-02 10:00+00', '2026-03-02 12:00+00'))) v (o)) a,
     LATERAL availability_state_columns(s) c;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- (end of the issue 23 section)
