-- managed_services 0.3.0 to 0.4.0 (ALTER EXTENSION managed_services UPDATE).
-- Frozen once 0.4.0 is released.  Every object added since 0.3.0, in the order
-- of the install script, and the changes to 0.3.0's objects made in place
-- (ALTER, COMMENT): no type or aggregate is dropped, so the user's columns,
-- indexes and views that use them stay.  Values stored by 0.3.0 are read by
-- the 0.4.0 module as they are.

\echo Use "ALTER EXTENSION managed_services UPDATE TO '0.4.0'" to load this file. \quit

-- issue 20: the monthly credit statement and the new credit and price terms
-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
-- (end of the issue 22 section)



-- issue 23: hardening and scale
-- issue 23: max and min of escalation_step as the extension's own aggregates.  The
-- built-in max(anyenum) gives the same answer locally, but Citus looks an aggregate's
-- combine step up by the exact argument type and finds none for max(anyenum) ("no
-- matching oid for function: max"); these name escalation_step and combine with their
-- own transition function, so a distributed max(escalation_step(...)) splits.  The
-- transition functions are PostgreSQL's enum_larger / enum_smaller (what max(anyenum)
-- uses), declared for this type.  No SORTOP: the enum's operators are declared for
-- anyenum, and a sort operator must name the type itself.
CREATE FUNCTION @extschema@.escalation_step_larger(@extschema@.escalation_step, @extschema@.escalation_step)
	RETURNS @extschema@.escalation_step
	AS 'enum_larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step_larger(@extschema@.escalation_step, @extschema@.escalation_step) IS
	'the worse of two escalation steps (transition and combine function of max(escalation_step))';
CREATE FUNCTION @extschema@.escalation_step_smaller(@extschema@.escalation_step, @extschema@.escalation_step)
	RETURNS @extschema@.escalation_step
	AS 'enum_smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step_smaller(@extschema@.escalation_step, @extschema@.escalation_step) IS
	'the milder of two escalation steps (transition and combine function of min(escalation_step))';

CREATE AGGREGATE @extschema@.max(@extschema@.escalation_step) (
	SFUNC = @extschema@.escalation_step_larger,
	STYPE = @extschema@.escalation_step,
	COMBINEFUNC = @extschema@.escalation_step_larger,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.escalation_step) IS
	'the worst escalation step of the group (splits across parallel workers and Citus shards)';
CREATE AGGREGATE @extschema@.min(@extschema@.escalation_step) (
	SFUNC = @extschema@.escalation_step_smaller,
	STYPE = @extschema@.escalation_step,
	COMBINEFUNC = @extschema@.escalation_step_smaller,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.escalation_step) IS
	'the mildest escalation step of the group (splits across parallel workers and Citus shards)';
-- (end of the issue 23 section)
