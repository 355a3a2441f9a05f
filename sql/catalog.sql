-- Catalog hygiene: every function and aggregate of the extension is
-- PARALLEL SAFE and commented; every type and operator is commented.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;

-- The array type PostgreSQL makes beside each type is a member of the
-- extension from PostgreSQL 17 on (not before); it is PostgreSQL's, with no
-- comment of its own, and left out here so that every version counts alike.
CREATE TEMP VIEW ms_objects AS
SELECT d.classid, d.objid
FROM pg_depend d JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
WHERE e.extname = 'managed_services' AND d.deptype = 'e'
  AND NOT EXISTS (SELECT FROM pg_type a
                  WHERE d.classid = 'pg_type'::regclass AND a.oid = d.objid AND a.typcategory = 'A');

-- functions (and aggregates) that are not parallel safe: must be none
SELECT p.oid::regprocedure AS not_parallel_safe
FROM ms_objects o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
WHERE p.proparallel <> 's' ORDER BY 1::text;

-- functions without a comment: must be none
SELECT p.oid::regprocedure AS no_comment
FROM ms_objects o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
WHERE obj_description(p.oid, 'pg_proc') IS NULL ORDER BY 1::text;

-- types and operators without a comment: must be none
SELECT t.oid::regtype AS type_no_comment
FROM ms_objects o JOIN pg_type t ON o.classid = 'pg_type'::regclass AND o.objid = t.oid
WHERE obj_description(t.oid, 'pg_type') IS NULL ORDER BY 1::text;
SELECT op.oid::regoperator AS operator_no_comment
FROM ms_objects o JOIN pg_operator op ON o.classid = 'pg_operator'::regclass AND o.objid = op.oid
WHERE obj_description(op.oid, 'pg_operator') IS NULL ORDER BY 1::text;

-- aggregates a user groups by and that cannot be split (no combine function: the
-- planner never runs them in parallel workers, Citus never on its shards): only the
-- order-dependent ones (the streaks, the clock, the statement's windows), whose
-- comments say so ("in row order")
SELECT p.oid::regprocedure AS no_combine,
       obj_description(p.oid, 'pg_proc') ~ 'in row order' AS documented_order_dependent
FROM ms_objects o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE a.aggcombinefn = 0 ORDER BY p.oid::regprocedure::text;

-- every type of the extension that sorts (an enum, or a default btree operator
-- class) has max and min of its own, of that exact type, with a combine function:
-- Citus looks the aggregate up by the argument's exact type and does not find
-- max(anyenum) (issue 23)
SELECT t.oid::regtype AS sortable_type, f.name,
       a.aggfnoid IS NOT NULL AS own_aggregate, a.aggcombinefn <> 0 AS combines
FROM ms_objects o JOIN pg_type t ON o.classid = 'pg_type'::regclass AND o.objid = t.oid
CROSS JOIN (VALUES ('max'), ('min')) f(name)
LEFT JOIN pg_aggregate a
  ON a.aggfnoid = to_regprocedure(format('%I.%I(%s)', t.typnamespace::regnamespace, f.name, t.oid::regtype))
WHERE t.typtype = 'e'
   OR EXISTS (SELECT FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod
              WHERE am.amname = 'btree' AND oc.opcdefault AND oc.opcintype = t.oid)
ORDER BY t.oid::regtype::text, f.name;

-- no SECURITY DEFINER anywhere
SELECT p.oid::regprocedure AS security_definer
FROM ms_objects o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
WHERE p.prosecdef;

-- the extension is trusted and not relocatable, in every version (0.1.0's
-- frozen script is installed too, for CREATE EXTENSION ... VERSION '0.1.0')
SELECT name, version, trusted, relocatable FROM pg_available_extension_versions
WHERE name = 'managed_services' ORDER BY version;

-- how many objects of each kind it has (a change here must be deliberate)
SELECT CASE o.classid WHEN 'pg_proc'::regclass THEN 'function'
                      WHEN 'pg_type'::regclass THEN 'type'
                      WHEN 'pg_operator'::regclass THEN 'operator'
                      WHEN 'pg_opclass'::regclass THEN 'operator class'
                      WHEN 'pg_opfamily'::regclass THEN 'operator family'
                      WHEN 'pg_cast'::regclass THEN 'cast'
                      ELSE o.classid::regclass::text END AS kind,
       count(*)
FROM ms_objects o GROUP BY 1 ORDER BY 1;
