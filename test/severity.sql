-- pgTAP: severity catalog and properties
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

SELECT plan(16);

SELECT has_type('severity');
SELECT has_function('severity_level', ARRAY['severity']);
SELECT function_returns('severity_level', ARRAY['severity'], 'integer');
SELECT function_returns('severity_name', ARRAY['severity'], 'text');
SELECT has_opclass('severity_ops');
SELECT has_opclass('severity_hash_ops');
SELECT has_cast('integer', 'severity');
SELECT has_cast('severity', 'integer');

SELECT throws_ok($$SELECT 'SEV9'::severity$$, '22P02');
SELECT throws_ok($$SELECT 'P0x'::severity$$, '22P02');
SELECT throws_ok($$SELECT 7::severity$$, '22003');

-- every level round-trips through text, name and integer
SELECT is((SELECT count(*)::int FROM generate_series(0, 5) l
           WHERE severity(l)::text::severity = severity(l)
             AND severity_name(severity(l))::severity = severity(l)
             AND severity_level(severity(l)) = l), 6,
          'each level round-trips through text, name and integer');

-- order of severities is the order of levels, for every pair
SELECT is((SELECT count(*)::int FROM generate_series(0, 5) a, generate_series(0, 5) b
           WHERE (severity(a) < severity(b)) <> (a < b)
              OR (severity(a) = severity(b)) <> (a = b)
              OR severity_cmp(severity(a), severity(b)) <> sign(a - b)), 0,
          'comparison agrees with the integer levels on all 36 pairs');

-- hashing is consistent with equality (hash joins rely on it)
SELECT is((SELECT count(DISTINCT severity_hash(s::severity))::int
           FROM unnest(ARRAY['P1', 'sev1', 'critical', 'S1', '1', 'Sev-1']) s), 1,
          'equal severities hash alike');

-- random spellings: the parser agrees with a regex-based reference
SELECT setseed(0.5);
CREATE TEMP TABLE spellings AS
SELECT CASE (random() * 5)::int
         WHEN 0 THEN 'SEV' || l WHEN 1 THEN 'Sev-' || l WHEN 2 THEN 'P' || l
         WHEN 3 THEN ' s' || l || ' ' ELSE l::text END AS s, l
FROM (SELECT (random() * 5)::int AS l FROM generate_series(1, 500)) x;
SELECT is((SELECT count(*)::int FROM spellings WHERE severity_level(s::severity) <> l), 0,
          '500 random spellings parse to their level');

-- pg_input_is_valid (soft errors) on 16+; on 15 the check is skipped
CREATE FUNCTION pg_temp.soft_errors() RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    RETURN QUERY EXECUTE $q$SELECT ok(NOT pg_input_is_valid('SEV9', 'severity')
                                      AND pg_input_is_valid('P1', 'severity'), 'soft input errors')$q$;
  ELSE
    RETURN QUERY SELECT skip('pg_input_is_valid needs PostgreSQL 16', 1);
  END IF;
END $f$;
SELECT * FROM pg_temp.soft_errors();

SELECT * FROM finish();
ROLLBACK;
