-- The reporting model of one view (the parameter), column by column, as a client
-- should read it (test/clients/run.sh): the type name the driver reports,
-- the precision and scale of a numeric with a declared scale, and what breaks
-- a rule of the model (docs/reports.md, "The reporting model"):
--   - every column has a comment that starts with its kind in brackets:
--     [key], [label], [flag], [date], [money], [share], [score], [count],
--     [share or score] (the unit in another column) or [detail] (a value of
--     one of the extension's composite types, the input of its own functions,
--     whose measures are columns of their own);
--   - a measure (share, score, count) says its direction: higher is better,
--     lower is better, closer to 0 is better, direction in column better; or
--     says it is a contract term or a volume, not a measure of service;
--   - money is numeric rounded to cents with its scale declared
--     (numeric(12,2): a driver reports precision 12, scale 2); shares and
--     scores are numeric; no float anywhere; a flag is a boolean.
WITH cols AS (
	SELECT a.attname, a.atttypid, a.atttypmod, t.typname, col_description(a.attrelid, a.attnum) AS comment,
	       substring(col_description(a.attrelid, a.attnum) FROM '^\[([a-z ]+)[],]') AS kind,
	       t.typtype, a.attnum
	FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
	WHERE a.attrelid = (:view)::regclass AND a.attnum > 0 AND NOT a.attisdropped)
SELECT attname AS column_name, typname AS type_name,
       CASE WHEN atttypid = 'numeric'::regtype AND atttypmod >= 0 THEN ((atttypmod - 4) >> 16) & 65535 END AS numeric_precision,
       CASE WHEN atttypid = 'numeric'::regtype AND atttypmod >= 0 THEN (atttypmod - 4) & 65535 END AS numeric_scale,
       concat_ws('; ',
                 CASE WHEN atttypid IN ('float8'::regtype, 'float4'::regtype) THEN 'a float, not numeric' END,
                 CASE WHEN comment IS NULL THEN 'no comment'
                      WHEN kind IS NULL OR kind NOT IN ('key', 'label', 'flag', 'date', 'money', 'share', 'score', 'count', 'share or score', 'detail')
                      THEN 'the comment does not start with its kind ([key], [money], [share], ...)' END,
                 CASE WHEN kind IN ('share', 'score', 'count', 'share or score')
                       AND comment !~ '^\[[^]]*(higher is better|lower is better|closer to 0 is better|direction in column better|contract term|volume)[^]]*\]'
                      THEN 'a measure without its direction' END,
                 CASE WHEN kind = 'money' AND NOT (atttypid = 'numeric'::regtype AND atttypmod >= 0 AND ((atttypmod - 4) & 65535) = 2)
                      THEN 'money without a declared scale of 2 (numeric(12,2))' END,
                 CASE WHEN kind IN ('money', 'share', 'score', 'share or score') AND atttypid <> 'numeric'::regtype
                      THEN 'a ' || kind || ' that is not numeric' END,
                 CASE WHEN kind = 'flag' AND atttypid <> 'boolean'::regtype THEN 'a flag that is not boolean' END,
                 CASE WHEN kind = 'detail' AND typtype <> 'c' THEN 'a detail that is not a composite value' END) AS problem
FROM cols
ORDER BY attnum
