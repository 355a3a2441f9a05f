-- The calls the client test makes through each driver (test/clients/run.sh):
-- every function and aggregate of the extension that a client can call (not
-- the type support functions that take cstring or internal), read from the
-- catalog, with a sample value for each argument as the text a driver sends.
-- kind: 'string' for the types with a text form and text (a Java String, a
-- Python str), else the SQL type the driver binds its own value as.
-- ambiguous_varchar, ambiguous_untyped: another function of the same name and
-- arity differs only where this one takes a string, as a varchar (rollup()
-- of a state) or untyped (also staffed(?, ?, k): a staffing_state and an
-- sla_window, or two tstzranges?): no driver can call it so, and
-- sql/resolution.sql lists these.
WITH ext_types AS (
	SELECT t.oid
	FROM pg_type t
	JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'managed_services'
	WHERE t.typtype = 'b' AND t.typcategory <> 'A'
), funcs AS (
	SELECT p.oid, p.proname, p.pronargs, p.proargtypes::oid[] AS args
	FROM pg_proc p
	JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'managed_services'
	WHERE NOT ('internal'::regtype = ANY (p.proargtypes::oid[]) OR 'cstring'::regtype = ANY (p.proargtypes::oid[]))
), samples (typ, val) AS (VALUES
	('severity', 'P1'),
	('sla_window', 'mon-fri 09:00-17:00 Europe/Berlin'),
	('sla_policy', 'SEV1 respond 15 minutes resolve 4 hours'),
	('credit_schedule', 'below 99%: 10%; cap 30%'),
	('price_schedule', 'per unit 4.50 minimum 1000'),
	('sla_summary', 'met=1 breached=0 pending=0 untargeted=0 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'),
	('availability_state', (SELECT availability_agg(tstzrange('2026-03-02 10:00+00', '2026-03-02 11:00+00'),
	                                                tstzrange('2026-03-01 00:00+00', '2026-04-01 00:00+00'))::text)),
	('staffing_state', (SELECT staffing_agg(tstzrange('2026-03-02 08:00+00', '2026-03-02 16:00+00'),
	                                        tstzrange('2026-03-02 00:00+00', '2026-03-03 00:00+00'))::text)),
	('text', 'resolution'),
	('timestamp with time zone', '2026-03-02T09:00:00+01:00'),
	('interval', '4 hours'),
	('numeric', '0.985'),
	('integer', '1'),
	('bigint', '1'),
	('double precision', '0.985'),
	('boolean', 'true'),
	('tstzrange', '[2026-03-01 00:00+00,2026-04-01 00:00+00)'),
	('tstzmultirange', '{}'),
	('date[]', '{}'),
	('numeric[]', '{0.999,0.999,0.999}'),
	('jsonb', '{}'))
SELECT f.oid::regprocedure::text AS signature, f.proname,
       array_agg(CASE WHEN a.t IN (SELECT oid FROM ext_types) OR a.t = 'text'::regtype THEN 'string'
                      ELSE format_type(a.t, NULL) END ORDER BY a.n) AS kinds,
       array_agg(s.val ORDER BY a.n) AS vals,
       EXISTS (SELECT FROM funcs o
               WHERE o.proname = f.proname AND o.pronargs = f.pronargs AND o.oid <> f.oid
                 AND NOT EXISTS (SELECT FROM generate_series(0, f.pronargs - 1) i
                                 WHERE f.args[i] <> o.args[i]
                                   AND NOT (f.args[i] IN (SELECT oid FROM ext_types) AND o.args[i] IN (SELECT oid FROM ext_types)))) AS ambiguous_varchar,
       EXISTS (SELECT FROM funcs o
               WHERE o.proname = f.proname AND o.pronargs = f.pronargs AND o.oid <> f.oid
                 AND NOT EXISTS (SELECT FROM generate_series(0, f.pronargs - 1) i
                                 WHERE f.args[i] <> o.args[i] AND f.args[i] NOT IN (SELECT oid FROM ext_types)
                                   AND f.args[i] <> 'text'::regtype)) AS ambiguous_untyped
FROM funcs f
CROSS JOIN LATERAL unnest(f.args) WITH ORDINALITY a (t, n)
LEFT JOIN samples s ON s.typ = format_type(a.t, NULL)
WHERE f.pronargs > 0
GROUP BY f.oid, f.proname, f.pronargs, f.args
UNION ALL
SELECT f.oid::regprocedure::text, f.proname, '{}', '{}', false, false
FROM funcs f WHERE f.pronargs = 0
ORDER BY 1;
