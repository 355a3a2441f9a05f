-- severity: input spellings, ordering, operators, indexes, casts, binary I/O
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- every accepted spelling, with the level it must give
SELECT s AS spelling, s::severity AS sev, severity_level(s::severity) AS level
FROM (VALUES ('SEV0'), ('SEV1'), ('sev2'), ('Sev-3'), ('sev 4'), ('SEV  5'),
             ('S0'), ('s1'), ('P1'), ('p2'), ('P-3'), ('0'), ('1'), ('5'),
             ('  P1  '), (E'\tcritical\n'),
             ('emergency'), ('critical'), ('CRITICAL'), ('major'), ('High'),
             ('minor'), ('medium'), ('Moderate'), ('low'), ('cosmetic'),
             ('info'), ('Informational')) AS v(s);

-- canonical output and canonical names
SELECT severity(l) AS sev, severity_name(severity(l)) AS name FROM generate_series(0, 5) AS l;

-- ordering: lower level = more severe = sorts first
SELECT s::severity AS sev FROM (VALUES ('low'), ('P1'), ('info'), ('Sev-0'), ('3'), ('high')) v(s)
ORDER BY 1;
SELECT 'P1'::severity < 'P2'::severity AS p1_before_p2,
       'critical'::severity = 'SEV1'::severity AS critical_is_sev1,
       'high'::severity = 'major'::severity AS high_is_major,
       'low'::severity > 'minor'::severity AS low_after_minor,
       'P3'::severity <= 'moderate'::severity AS le,
       'P3'::severity >= 'P4'::severity AS ge,
       'P3'::severity <> 'P4'::severity AS ne;
SELECT min(s::severity), max(s::severity) FROM (VALUES ('low'), ('P2'), ('minor')) v(s);
SELECT min(s), max(s) FROM (SELECT NULL::severity) v(s);

-- casts to and from integer
SELECT 'P2'::severity::integer AS level, 4::severity AS sev;
SELECT severity_level('info');

-- an index on a severity column is used; hash join and hash aggregate work
CREATE TABLE sev_t (id int, sev severity);
INSERT INTO sev_t SELECT i, severity(i % 6) FROM generate_series(1, 6000) i;
CREATE INDEX ON sev_t (sev);
ANALYZE sev_t;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM sev_t WHERE sev = 'P1';
SELECT count(*) FROM sev_t WHERE sev = 'P1';
EXPLAIN (COSTS OFF) SELECT count(*) FROM sev_t WHERE sev < 'SEV2';
SELECT count(*) FROM sev_t WHERE sev < 'SEV2';
RESET enable_seqscan;
CREATE TABLE sev_names (sev severity, label text);
INSERT INTO sev_names SELECT severity(l), severity_name(severity(l)) FROM generate_series(0, 5) l;
ANALYZE sev_names;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT n.label, count(*) FROM sev_t t JOIN sev_names n ON t.sev = n.sev GROUP BY n.label;
SELECT n.label, count(*) FROM sev_t t JOIN sev_names n ON t.sev = n.sev GROUP BY n.label ORDER BY 1;
RESET enable_mergejoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT sev, count(*) FROM sev_t GROUP BY sev;
SELECT sev, count(*) FROM sev_t GROUP BY sev ORDER BY sev;
EXPLAIN (COSTS OFF) SELECT DISTINCT sev FROM sev_t;
RESET enable_sort;

-- binary COPY round trip
CREATE TABLE sev_copy (LIKE sev_t);
\set copyfile '/tmp/ms_severity_copy.bin'
COPY sev_t TO :'copyfile' (FORMAT binary);
COPY sev_copy FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.sev = b.sev) AS equal
FROM sev_t a JOIN sev_copy b USING (id);
-- the wire form is one byte: the level
SELECT severity_send('P3');
-- text round trip
SELECT bool_and(sev::text::severity = sev) AS text_round_trip FROM sev_t;
DROP TABLE sev_t, sev_names, sev_copy;

-- NULL in, NULL out
SELECT severity_level(NULL), severity_name(NULL), severity(NULL::integer);

-- parse errors: SQLSTATE 22P02 with what is accepted
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT 'SEV9'::severity;
SELECT 'P0x'::severity;
SELECT ''::severity;
SELECT '   '::severity;
SELECT 'critical!'::severity;
SELECT 'sev--1'::severity;
SELECT 'P 1 2'::severity;
SELECT repeat('x', 300)::severity;
SELECT 'urgentest'::severity;
SELECT 'P1 -'::severity;
SELECT 'Priority 7 - Later'::severity;
-- the SQLSTATE of each
DO $$
DECLARE s text;
BEGIN
  FOREACH s IN ARRAY ARRAY['SEV9', 'P0x', '', 'critical!', repeat('x', 300)] LOOP
    BEGIN
      PERFORM s::severity;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '% -> SQLSTATE %', left(s, 10), SQLSTATE;
    END;
  END LOOP;
END $$;

-- out of range
SELECT 6::severity;
SELECT (-1)::severity;
-- corrupted binary input
CREATE TABLE sev_bad (sev severity);
\set badfile '/tmp/ms_severity_bad.bin'
-- a one-byte field holding level 9
COPY (SELECT '\x09'::bytea) TO :'badfile' (FORMAT binary);
COPY sev_bad FROM :'badfile' (FORMAT binary);
-- a two-byte field: junk after the level
COPY (SELECT '\x0101'::bytea) TO :'badfile' (FORMAT binary);
COPY sev_bad FROM :'badfile' (FORMAT binary);
SELECT count(*) AS nothing_loaded FROM sev_bad;
DROP TABLE sev_bad;

-- ---------------------------------------------------------------------------
-- the spellings of real tools (each level worked out from DESIGN and README)
-- ---------------------------------------------------------------------------
-- Zendesk: urgent 1, high 2, normal 3, low 4
-- Jira: Highest 1, High 2, Medium 3, Low 4, Lowest 5; Blocker 0, Critical 1, Major 2, Minor 3, Trivial 4
-- ServiceNow: "1 - Critical" .. "5 - Planning"; "P1 - Critical"; "Priority 1"; the number decides
SELECT s, s::severity AS sev
FROM unnest(ARRAY['urgent', 'High', 'normal', 'LOW',
                  'Highest', 'Medium', 'Lowest', 'Blocker', 'Trivial',
                  '1 - Critical', '2 - High', '3 - Moderate', '4 - Low', '5 - Planning',
                  'P1 - Critical', 'P3: Normal', 'Priority 1', 'priority-4', 'Severity 2', ' 0 - Emergency ']) s;
-- to_severity: NULL instead of an error, so one bad row does not abort a report
SELECT to_severity('Sev 3') AS sev3, to_severity('not a severity') AS nothing, to_severity('') AS empty,
       to_severity('P9') AS out_of_range, to_severity(NULL) AS null_in;
-- a user's map decides where tools disagree: this Jira puts Critical below Blocker
SELECT s, to_severity(s, '{"Blocker": 1, "Critical": "SEV2", " major ": 3}') AS mapped
FROM unnest(ARRAY['Blocker', 'CRITICAL', 'Major', 'Minor', 'P4', 'nonsense']) s;
-- the map from a column, a different one per row (each built once per change)
SELECT v, to_severity(s, m) FROM (VALUES
  ('a', 'Critical', '{"critical": 0}'::jsonb), ('b', 'Critical', '{}'), ('c', 'Critical', '{"critical": 0}'),
  ('d', 'x', '{"x": "low"}')) t(v, s, m) ORDER BY v;
-- a bad map is the caller's error (22023), not a NULL
SELECT to_severity('x', '{"x": "bad"}');
SELECT to_severity('x', '{"x": 7}');
SELECT to_severity('x', '{"x": [1]}');
SELECT to_severity('x', '["x"]');
-- policies read the same spellings
SELECT 'Priority 1 respond 15 minutes; 2 - High respond 1 hour; normal resolve 1 day'::sla_policy;

-- issue 17: labels after en and em dashes (U+2013, U+2014) and in parentheses, as exports
-- write them; after a level number the label is ignored, so the number decides:
-- 1 – Critical, 1 — Critical, Critical (P1), P1 (Critical), P1 – Critical: 1;
-- 2 —High, Sev 2 (High), High (Sev-2), critical(2) : 2; Major (P4) is 4, not 2
SELECT s, s::severity AS sev, to_severity(s) AS to_sev
FROM unnest(ARRAY['1 – Critical', '1 — Critical', 'Critical (P1)', 'P1 (Critical)', 'P1 – Critical',
                  '2 —High', 'Sev 2 (High)', 'High (Sev-2)', 'critical(2)', 'Major (P4)', ' Low  ( P4 ) ',
                  '5 – Planning', 'Priority 0 (Emergency)']) s;
-- not severities: two numbers, no number, empty or unclosed parentheses, a dash with no
-- label, a figure dash (U+2012), a level out of range
SELECT s, to_severity(s) IS NULL AS rejected
FROM unnest(ARRAY['P1 (P2)', 'Critical (High)', '(P1)', 'P1 ()', 'P1 (Critical', 'Critical P1)',
                  'Critical ((P1))', '1 –', '1 ‒ Critical', 'Critical (P7)', 'P1 (Crit) (x)']) s;
SELECT 'Critical (P7)'::severity;
SELECT '1 — '::severity;
-- policies read them too
SELECT '1 – Critical respond 15 minutes; P2 (High) resolve 1 day; Low (P4) respond 1 day'::sla_policy;
