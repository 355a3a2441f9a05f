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
-- sla_summary: equality, hashing, columns (src/ticket.sql)
CREATE FUNCTION @extschema@.sla_summary_eq(@extschema@.sla_summary, @extschema@.sla_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_eq(@extschema@.sla_summary, @extschema@.sla_summary) IS 'the same counts and business times (min and max only when a ticket is timed)';
CREATE FUNCTION @extschema@.sla_summary_ne(@extschema@.sla_summary, @extschema@.sla_summary) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_ne(@extschema@.sla_summary, @extschema@.sla_summary) IS 'different counts or business times';
CREATE FUNCTION @extschema@.sla_summary_hash(@extschema@.sla_summary) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_hash(@extschema@.sla_summary) IS 'hash of an sla_summary, equal for equal values';
CREATE FUNCTION @extschema@.sla_summary_hash_extended(@extschema@.sla_summary, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_hash_extended(@extschema@.sla_summary, bigint) IS 'seeded hash of an sla_summary';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sla_summary, RIGHTARG = @extschema@.sla_summary,
	FUNCTION = @extschema@.sla_summary_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.sla_summary, RIGHTARG = @extschema@.sla_summary,
	FUNCTION = @extschema@.sla_summary_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.sla_summary, @extschema@.sla_summary) IS 'the same counts and business times (min and max only when a ticket is timed)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.sla_summary, @extschema@.sla_summary) IS 'different counts or business times';
CREATE OPERATOR CLASS @extschema@.sla_summary_hash_ops
	DEFAULT FOR TYPE @extschema@.sla_summary USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.sla_summary_hash(@extschema@.sla_summary),
		FUNCTION 2 @extschema@.sla_summary_hash_extended(@extschema@.sla_summary, bigint);

CREATE FUNCTION @extschema@.sla_summary_columns(s @extschema@.sla_summary,
	OUT met bigint, OUT breached bigint, OUT pending bigint, OUT untargeted bigint, OUT timed bigint,
	OUT compliance numeric, OUT total interval, OUT mean interval, OUT min interval, OUT max interval,
	OUT total_hours numeric, OUT mean_hours numeric)
	RETURNS record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_columns(@extschema@.sla_summary) IS
	'the summary as typed columns, for FROM t, LATERAL sla_summary_columns(t.s): the counts, compliance as an exact numeric share (NULL with nothing decided), the business times as intervals and as hours (6 decimals)';

-- price_charge(): charge() under a name pg_catalog does not have (src/price.sql)
CREATE FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric) IS
	'the month''s charge for a number of units, exact, rounded half-up to cents; 22023 when the schedule has a share';
CREATE FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric, numeric) IS
	'the month''s charge for (units, base amount of the share), rounded half-up to cents; NULL schedule or units give NULL, a NULL base is no base';
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric) IS
	'price_charge() under its first name, for typed calls only: charge(unknown, unknown) also matches pg_catalog.charge("char", "char")';
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric, numeric) IS
	'price_charge(schedule, units, base) under its first name, for typed calls';

-- availability_state: equality, hashing, columns (src/availability.sql)
CREATE FUNCTION @extschema@.availability_state_eq(@extschema@.availability_state, @extschema@.availability_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_eq(@extschema@.availability_state, @extschema@.availability_state) IS 'the same period, window, maintenance and merged outages';
CREATE FUNCTION @extschema@.availability_state_ne(@extschema@.availability_state, @extschema@.availability_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_ne(@extschema@.availability_state, @extschema@.availability_state) IS 'a different period, window, maintenance or outages';
CREATE FUNCTION @extschema@.availability_state_hash(@extschema@.availability_state) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_hash(@extschema@.availability_state) IS 'hash of an availability_state, equal for equal values';
CREATE FUNCTION @extschema@.availability_state_hash_extended(@extschema@.availability_state, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_hash_extended(@extschema@.availability_state, bigint) IS 'seeded hash of an availability_state';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.availability_state, RIGHTARG = @extschema@.availability_state,
	FUNCTION = @extschema@.availability_state_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.availability_state, RIGHTARG = @extschema@.availability_state,
	FUNCTION = @extschema@.availability_state_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.availability_state, @extschema@.availability_state) IS 'the same period, window, maintenance and merged outages';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.availability_state, @extschema@.availability_state) IS 'a different period, window, maintenance or outages';
CREATE OPERATOR CLASS @extschema@.availability_state_hash_ops
	DEFAULT FOR TYPE @extschema@.availability_state USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.availability_state_hash(@extschema@.availability_state),
		FUNCTION 2 @extschema@.availability_state_hash_extended(@extschema@.availability_state, bigint);

CREATE FUNCTION @extschema@.availability_state_columns(s @extschema@.availability_state,
	OUT period_start timestamptz, OUT period_end timestamptz, OUT open_time interval, OUT downtime interval,
	OUT availability numeric, OUT downtime_minutes numeric)
	RETURNS record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_columns(@extschema@.availability_state) IS
	'the state as typed columns, for FROM t, LATERAL availability_state_columns(t.s): the period, its open time and downtime, availability as an exact numeric share (NULL without open time), downtime in minutes (6 decimals)';

-- casts from text and varchar to every type with a text form (src/casts.sql)
CREATE CAST (text AS @extschema@.severity) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.severity) IS
	'severity from a driver''s text parameter, through severity''s input function';
CREATE CAST (varchar AS @extschema@.severity) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.severity) IS
	'severity from a driver''s varchar parameter, through severity''s input function';

CREATE CAST (text AS @extschema@.sla_window) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.sla_window) IS
	'sla_window from a driver''s text parameter, through sla_window''s input function';
CREATE CAST (varchar AS @extschema@.sla_window) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.sla_window) IS
	'sla_window from a driver''s varchar parameter, through sla_window''s input function';

CREATE CAST (text AS @extschema@.sla_policy) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.sla_policy) IS
	'sla_policy from a driver''s text parameter, through sla_policy''s input function';
CREATE CAST (varchar AS @extschema@.sla_policy) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.sla_policy) IS
	'sla_policy from a driver''s varchar parameter, through sla_policy''s input function';

CREATE CAST (text AS @extschema@.sla_summary) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.sla_summary) IS
	'sla_summary from a driver''s text parameter, through sla_summary''s input function';
CREATE CAST (varchar AS @extschema@.sla_summary) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.sla_summary) IS
	'sla_summary from a driver''s varchar parameter, through sla_summary''s input function';

CREATE CAST (text AS @extschema@.credit_schedule) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.credit_schedule) IS
	'credit_schedule from a driver''s text parameter, through credit_schedule''s input function';
CREATE CAST (varchar AS @extschema@.credit_schedule) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.credit_schedule) IS
	'credit_schedule from a driver''s varchar parameter, through credit_schedule''s input function';

CREATE CAST (text AS @extschema@.price_schedule) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.price_schedule) IS
	'price_schedule from a driver''s text parameter, through price_schedule''s input function';
CREATE CAST (varchar AS @extschema@.price_schedule) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.price_schedule) IS
	'price_schedule from a driver''s varchar parameter, through price_schedule''s input function';

CREATE CAST (text AS @extschema@.availability_state) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.availability_state) IS
	'availability_state from a driver''s text parameter, through availability_state''s input function';
CREATE CAST (varchar AS @extschema@.availability_state) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.availability_state) IS
	'availability_state from a driver''s varchar parameter, through availability_state''s input function';

CREATE CAST (text AS @extschema@.staffing_state) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.staffing_state) IS
	'staffing_state from a driver''s text parameter, through staffing_state''s input function';
CREATE CAST (varchar AS @extschema@.staffing_state) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.staffing_state) IS
	'staffing_state from a driver''s varchar parameter, through staffing_state''s input function';
-- (end of the issue 22 section)



-- issue 23: hardening and scale
-- (end of the issue 23 section)
