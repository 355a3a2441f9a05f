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
-- max/min of escalation_step are the extension's own, with a combine function
SELECT max(s) AS worst, min(s) AS mildest, pg_typeof(max(s)) AS type,
       (SELECT count(*) FROM pg_aggregate a
        WHERE a.aggfnoid IN (to_regprocedure('max(escalation_step)'), to_regprocedure('min(escalation_step)'))
          AND a.aggcombinefn <> 0) AS with_combine
FROM (VALUES ('warning'::escalation_step), ('penalty'), ('ok'), (NULL)) v(s);
-- (end of the issue 23 section)
