-- What drivers send (DESIGN 6b): every function of the extension called the
-- way PgJDBC (a Java String is a varchar parameter), psycopg and node-postgres
-- (untyped parameters) call it.  The calls are generated from the catalog, so a
-- new function is covered without editing this file; then the call shapes that
-- must keep resolving, run with values.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET TimeZone = 'UTC';

-- the extension's functions and aggregates a client can call (not the type
-- support functions that take cstring or internal)
CREATE TEMP VIEW ms_funcs AS
SELECT p.oid, p.proname, p.pronargs, p.proargtypes::oid[] AS args
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'managed_services'
WHERE NOT ('internal'::regtype = ANY (p.proargtypes::oid[]) OR 'cstring'::regtype = ANY (p.proargtypes::oid[]));

-- the types with a text form a driver sends as a string: the extension's
-- base types
CREATE TEMP VIEW ms_text_types AS
SELECT t.oid
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'managed_services'
WHERE t.typtype = 'b' AND t.typcategory <> 'A';

-- every one of them has an implicit cast from text and from varchar (a new
-- type without them shows here)
SELECT t.oid::regtype AS type_without_driver_casts, s.src::regtype AS from_type
FROM ms_text_types t CROSS JOIN (VALUES ('text'::regtype), ('varchar'::regtype)) s (src)
WHERE NOT EXISTS (SELECT FROM pg_cast c WHERE c.castsource = s.src AND c.casttarget = t.oid
                  AND c.castcontext = 'i')
ORDER BY 1, 2;

-- The call of function f with each argument written by shape: text-form
-- arguments as NULL (untyped), NULL::varchar or NULL::text, the others typed;
-- or 'all untyped'.  Returns the function the call resolves to, read from
-- the dependencies of a view that makes the call, or the error.
CREATE FUNCTION pg_temp.call_of(f oid, shape text) RETURNS text
LANGUAGE sql STABLE AS $$
SELECT format('SELECT 1 FROM (SELECT %I(%s)) call', p.proname,
              string_agg(CASE WHEN shape = 'all untyped' THEN 'NULL'
                              WHEN a.t IN (SELECT oid FROM ms_text_types) THEN
                                   CASE shape WHEN 'untyped' THEN 'NULL' ELSE 'NULL::' || shape END
                              ELSE 'NULL::' || format_type(a.t, NULL) END, ', ' ORDER BY a.n))
FROM pg_proc p, unnest(p.proargtypes::oid[]) WITH ORDINALITY a (t, n)
WHERE p.oid = f
GROUP BY p.proname
$$;

CREATE FUNCTION pg_temp.resolves_to(fname name, call text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE 'CREATE TEMP VIEW resolution_probe AS ' || call;
	SELECT string_agg(p.oid::regprocedure::text, ' ') INTO r
	FROM pg_rewrite w
	JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
	                AND d.refclassid = 'pg_proc'::regclass
	JOIN pg_proc p ON p.oid = d.refobjid
	WHERE w.ev_class = 'pg_temp.resolution_probe'::regclass
	  AND p.proname = fname;
	DROP VIEW pg_temp.resolution_probe;
	-- PostgreSQL records no dependency on its own (pinned) functions
	RETURN coalesce(r, 'a pg_catalog function');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

CREATE TEMP TABLE resolution AS
SELECT f.oid, f.proname, f.pronargs, s.shape,
       pg_temp.resolves_to(f.proname, pg_temp.call_of(f.oid, s.shape)) AS resolved
FROM ms_funcs f
CROSS JOIN (VALUES ('untyped'), ('varchar'), ('text'), ('all untyped')) s (shape)
WHERE f.pronargs > 0;

-- sanity: the probe sees calls (every function, four shapes)
SELECT count(*) > 4 * 150 AS probed, count(*) FILTER (WHERE resolved = oid::regprocedure::text) > 3 * 150 AS resolved
FROM resolution;

-- With its text-form arguments untyped, varchar or text and its other
-- arguments typed, every function resolves to itself.  Left out: the calls
-- no type system can settle, where another function of the same name and
-- number of arguments takes the same typed arguments and differs only where
-- this one takes a string (rollup() of sla_summary, availability_state or
-- staffing_state given a string; staffed(?, ?, k) where the state and the
-- window are both untyped: a client passes the state column, not a string).
-- min() and max() given a string are pg_catalog's min(text) and max(text).
SELECT r.oid::regprocedure AS does_not_resolve, r.shape, r.resolved
FROM resolution r
WHERE r.shape <> 'all untyped' AND r.resolved IS DISTINCT FROM r.oid::regprocedure::text
  AND NOT (r.resolved LIKE '42725:%' AND EXISTS (
      SELECT FROM ms_funcs f JOIN ms_funcs o ON o.proname = f.proname AND o.pronargs = f.pronargs AND o.oid <> f.oid
      WHERE f.oid = r.oid
        AND NOT EXISTS (SELECT FROM generate_series(0, f.pronargs - 1) i
                        WHERE f.args[i] <> o.args[i] AND f.args[i] NOT IN (SELECT oid FROM ms_text_types))))
ORDER BY r.oid::regprocedure::text, 2;

-- the calls that are ambiguous that way (the list above leaves them out)
SELECT DISTINCT r.proname, r.pronargs, r.shape
FROM resolution r
WHERE r.shape <> 'all untyped' AND r.resolved LIKE '42725:%'
ORDER BY 1, 2, 3;

-- Every argument untyped (node-postgres with every value a string): the
-- calls that do not resolve (a call that resolves to an overload of the
-- same name, sla_credit(numeric, ...) to sla_credit(double precision, ...),
-- resolves).  Each is an overload of the extension's own of the same arity,
-- where an untyped value cannot say which type it is (the aggregate over
-- ranges or the accessor of a state, given strings), except charge():
-- pg_catalog.charge("char", "char") makes charge(unknown, unknown) ambiguous,
-- and price_charge() is the name to call.
SELECT r.oid::regprocedure AS all_untyped_does_not_resolve, split_part(r.resolved, ':', 1) AS sqlstate
FROM resolution r
WHERE r.shape = 'all untyped' AND r.resolved ~ '^[0-9A-Z]{5}: '
ORDER BY r.oid::regprocedure::text;

-- No function shares its name and number of arguments with a pg_catalog
-- function unless a call with every argument untyped resolves (min and max
-- of severity resolve to pg_catalog's max(text), as for any string).
-- charge() is the documented exception: kept for typed calls.
SELECT DISTINCT f.proname AS collides_with_pg_catalog, f.pronargs,
       pg_temp.resolves_to(f.proname, format('SELECT %I(%s)', f.proname, array_to_string(array_fill('NULL'::text, ARRAY[f.pronargs]), ', '))) LIKE '42725:%' AS ambiguous
FROM ms_funcs f
WHERE EXISTS (SELECT FROM pg_proc c WHERE c.pronamespace = 'pg_catalog'::regnamespace
              AND c.proname = f.proname AND c.pronargs = f.pronargs)
ORDER BY 1, 2;

-- The call shapes that must keep resolving, with values.
-- severity against a literal, a varchar and a text parameter
CREATE TEMP TABLE t (sev severity, w sla_window, p price_schedule, cs credit_schedule, pol sla_policy);
INSERT INTO t VALUES ('P1', 'mon-fri 09:00-17:00 Europe/Berlin', 'per unit 4.50 minimum 1000',
                      'below 99%: 10%; cap 30%', 'SEV1 respond 15 minutes resolve 4 hours');
SELECT sev = 'SEV1' AS eq, 'SEV1' = sev AS eq_left, sev < 'P3' AS lt, sev IN ('P1', 'P2') AS in_list,
       sev BETWEEN 'SEV0' AND 'SEV2' AS between_, sev::int AS level, 'x' || sev AS concat,
       COALESCE(sev, 'SEV3') AS coalesce_, CASE WHEN true THEN sev ELSE 'SEV4' END AS case_
FROM t;
PREPARE sev_v (varchar) AS SELECT sev = $1 AS eq, sev < $1 AS lt, to_severity($1) AS to_sev, severity_name($1) AS name FROM t;
EXECUTE sev_v ('critical');
PREPARE sev_t (text) AS SELECT sev = $1 AS eq, to_severity($1) AS to_sev FROM t;
EXECUTE sev_t ('Sev-1');
PREPARE sev_u AS SELECT sev = $1 AS eq, severity_level($1) AS level FROM t;
EXECUTE sev_u ('P1');
SELECT sev FROM t UNION SELECT 'SEV2' ORDER BY 1;
SELECT max(sev), min(sev), max('SEV2') AS max_text FROM t;
PREPARE ins (varchar) AS INSERT INTO t (sev) VALUES ($1) RETURNING sev;
EXECUTE ins ('minor');

-- the other types: equality with a parameter, and their functions with a
-- varchar and with untyped parameters
PREPARE w_v (varchar, timestamptz, timestamptz) AS
	SELECT w = $1 AS eq, sla_elapsed($1, $2, $3) AS elapsed FROM t WHERE w IS NOT NULL;
EXECUTE w_v ('mon-fri 09:00-17:00 Europe/Berlin', '2026-03-02 08:00+01', '2026-03-03 10:00+01');
PREPARE w_u AS SELECT sla_elapsed($1, $2, $3) AS elapsed;
EXECUTE w_u ('mon-fri 09:00-17:00 Europe/Berlin', '2026-03-02 08:00+01', '2026-03-03 10:00+01');
PREPARE pc_v (varchar, numeric) AS SELECT price_charge($1, $2) AS charged, p = $1 AS eq FROM t WHERE p IS NOT NULL;
EXECUTE pc_v ('per unit 4.50 minimum 1000', 1200);
PREPARE pc_u AS SELECT price_charge($1, $2) AS charged, price_charge($1, $2, $3) AS with_base;
EXECUTE pc_u ('per unit 4.50', '10', '0');
SELECT price_charge('per unit 4.50', '10') AS untyped_literals;
-- charge() for typed calls, as before; untyped it is ambiguous (42725)
SELECT charge(p, 1200) AS typed_column, charge('per unit 4.50'::price_schedule, 10) AS typed_literal FROM t WHERE p IS NOT NULL;
\set VERBOSITY terse
SELECT charge('per unit 4.50', '10');
\set VERBOSITY default
PREPARE cr_v (varchar, numeric, int, int) AS SELECT sla_credit($1, $2, $3, $4) AS credit, cs = $1 AS eq FROM t WHERE cs IS NOT NULL;
EXECUTE cr_v ('below 99%: 10%; cap 30%', 0.985, 0, 1);
PREPARE cr_u AS SELECT sla_credit($1, $2, $3, $4) AS credit;
EXECUTE cr_u ('below 99%: 10%; cap 30%', '0.985', '0', '1');
PREPARE tg_v (varchar, varchar, varchar) AS SELECT sla_target($1, $2, $3) AS target;
EXECUTE tg_v ('SEV1 respond 15 minutes resolve 4 hours', 'P1', 'resolution');
PREPARE sum_v (varchar) AS SELECT sla_compliance($1) AS compliance, sla_met($1) AS met, sla_total($1) AS total;
SELECT sla_summary_agg(w, '2026-03-02 09:00+01', '2026-03-02 10:00+01', '2 hours')::text AS summary FROM t WHERE w IS NOT NULL \gset
EXECUTE sum_v (:'summary');
-- a bad string is the type's own error, as with a cast
\set VERBOSITY terse
EXECUTE sev_v ('SEV9');
EXECUTE pc_v ('per lunch', 1);
\set VERBOSITY default
