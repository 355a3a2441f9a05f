-- The reporting model of one view (the parameter), column by column, as a client
-- should read it (test/clients/run.sh): the type name the driver reports,
-- the precision and scale of a numeric with a declared scale, and what breaks
-- a rule of the model (docs/reports.md, "The reporting model"): no float8,
-- and every column commented.
SELECT a.attname AS column_name, t.typname AS type_name,
       CASE WHEN a.atttypid = 'numeric'::regtype AND a.atttypmod >= 0 THEN ((a.atttypmod - 4) >> 16) & 65535 END AS numeric_precision,
       CASE WHEN a.atttypid = 'numeric'::regtype AND a.atttypmod >= 0 THEN (a.atttypmod - 4) & 65535 END AS numeric_scale,
       concat_ws('; ',
                 CASE WHEN a.atttypid IN ('float8'::regtype, 'float4'::regtype) THEN 'a float, not numeric' END,
                 CASE WHEN col_description(a.attrelid, a.attnum) IS NULL THEN 'no comment' END) AS problem
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = (:view)::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
