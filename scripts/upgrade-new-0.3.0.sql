-- The objects 0.3.0 added, on a database updated to the current version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';
-- issue 16: sla_timezone_names()
SELECT count(*) > 400 AS many, bool_and(('24x7 ' || name)::sla_window IS NOT NULL) AS all_accepted,
       count(*) FILTER (WHERE name IN ('localtime', 'posixrules')) AS refused_listed
FROM sla_timezone_names();
SELECT name FROM sla_timezone_names() WHERE name IN ('Europe/Berlin', 'America/New_York', 'UTC') ORDER BY name;
