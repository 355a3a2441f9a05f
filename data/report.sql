-- The demo report: what managed_services computes from the sample database.
-- Run by `make demo` after data/sample.sql; each section is one query a BI
-- tool or a scheduled report could run as it is.
\pset footer off
\pset null '-'

\echo
\echo '== Tickets per vendor and severity, as the vendors spelled them and as severity reads them'
SELECT vendor, severity::severity AS sev,
       string_agg(DISTINCT severity, ', ' ORDER BY severity) AS raw_spellings,
       count(*) AS tickets
FROM tickets
GROUP BY 1, 2
ORDER BY 1, 2;

\echo
\echo '== Tickets per vendor and month, by severity'
SELECT vendor, to_char(date_trunc('month', opened_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
       count(*) FILTER (WHERE severity::severity <= 'SEV1') AS "SEV0-1",
       count(*) FILTER (WHERE severity::severity = 'SEV2') AS "SEV2",
       count(*) FILTER (WHERE severity::severity = 'SEV3') AS "SEV3",
       count(*) FILTER (WHERE severity::severity >= 'SEV4') AS "SEV4-5",
       count(*) AS total
FROM tickets
GROUP BY 1, 2
ORDER BY 1, 2;
