-- streaks: consecutive missed periods of a service level, as window functions
-- (OVER (PARTITION BY vendor, sla ORDER BY month)) or ordered aggregates
-- (miss_streak(met ORDER BY month)).
--
-- The states are plain integers: the STRICT transition functions with a non-NULL
-- initial state skip NULL rows (no data neither breaks nor extends a streak), and a
-- window with the default frame advances the state by one row per row.  The result
-- depends on row order, so there is no combine function: the planner never splits
-- these aggregates across parallel workers.

CREATE FUNCTION @extschema@.miss_streak_trans(integer, boolean) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.miss_streak_trans(integer, boolean) IS
	'transition function of miss_streak: the streak after one more period (0 when met)';

CREATE AGGREGATE @extschema@.miss_streak(met boolean) (
	SFUNC = @extschema@.miss_streak_trans,
	STYPE = integer,
	INITCOND = '0',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.miss_streak(boolean) IS
	'consecutive missed periods (met = false) ending at the last row, in row order; NULL rows are skipped; 0 when none';

CREATE FUNCTION @extschema@.longest_miss_streak_trans(bigint, boolean) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.longest_miss_streak_trans(bigint, boolean) IS
	'transition function of longest_miss_streak: state longest * 2^32 + current after one more period';
CREATE FUNCTION @extschema@.longest_miss_streak_final(bigint) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.longest_miss_streak_final(bigint) IS
	'final function of longest_miss_streak: the longest run of the state';

CREATE AGGREGATE @extschema@.longest_miss_streak(met boolean) (
	SFUNC = @extschema@.longest_miss_streak_trans,
	STYPE = bigint,
	INITCOND = '0',
	FINALFUNC = @extschema@.longest_miss_streak_final,
	FINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.longest_miss_streak(boolean) IS
	'the longest run of consecutive missed periods (met = false), in row order; NULL rows are skipped; 0 when none';
