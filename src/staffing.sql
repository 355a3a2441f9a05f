-- staffing: staffing minimums and backup coverage from a roster (one row per agent
-- shift): the share of a period's coverage hours with at least k agents on shift, and
-- the understaffed time (with the availability part)

-- the transition state: the depth profile of the shifts clipped to the period, a
-- concrete type whose text form round-trips bit for bit (Citus, stored daily states)

CREATE TYPE @extschema@.staffing_state;

CREATE FUNCTION @extschema@.staffing_state_in(cstring) RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffing_state_out(@extschema@.staffing_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffing_state_recv(internal) RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffing_state_send(@extschema@.staffing_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.staffing_state (
	INPUT = @extschema@.staffing_state_in,
	OUTPUT = @extschema@.staffing_state_out,
	RECEIVE = @extschema@.staffing_state_recv,
	SEND = @extschema@.staffing_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.staffing_state IS
	'shifts of a roster over one period (or several, rolled up) as a depth profile: the state of staffed(), understaffed() and staffing_agg()';
COMMENT ON FUNCTION @extschema@.staffing_state_in(cstring) IS 'staffing_state text input';
COMMENT ON FUNCTION @extschema@.staffing_state_out(@extschema@.staffing_state) IS
	'staffing_state canonical text output (instants in UTC, exact to the microsecond)';
COMMENT ON FUNCTION @extschema@.staffing_state_recv(internal) IS 'staffing_state binary input';
COMMENT ON FUNCTION @extschema@.staffing_state_send(@extschema@.staffing_state) IS 'staffing_state binary output';

-- support functions of the aggregates

CREATE FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange)
	RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange, integer)
	RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange,
												 @extschema@.sla_window, integer)
	RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange) IS
	'transition function of staffing_agg(shift, period)';
COMMENT ON FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange, integer) IS
	'transition function of staffed(shift, period, k) and understaffed(shift, period, k)';
COMMENT ON FUNCTION @extschema@.staffing_state_trans(@extschema@.staffing_state, tstzrange, tstzrange,
													 @extschema@.sla_window, integer) IS
	'transition function of staffed(shift, period, w, k) and understaffed(shift, period, w, k)';

CREATE FUNCTION @extschema@.staffing_state_combine(@extschema@.staffing_state, @extschema@.staffing_state)
	RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffing_state_combine(@extschema@.staffing_state, @extschema@.staffing_state) IS
	'merge two staffing states: depths add up over the same period, separate periods are joined (combine function, rollup)';

CREATE FUNCTION @extschema@.staffing_state_compact(@extschema@.staffing_state)
	RETURNS @extschema@.staffing_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffing_state_compact(@extschema@.staffing_state) IS
	'the state with its depth profile sorted and merged and no spare room (final function of staffing_agg and rollup)';

CREATE FUNCTION @extschema@.staffing_state_staffed(@extschema@.staffing_state) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffing_state_staffed(@extschema@.staffing_state) IS
	'final function of staffed(shift, period, [w,] k): the share staffed under the window and minimum the state carries';
CREATE FUNCTION @extschema@.staffing_state_understaffed(@extschema@.staffing_state) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffing_state_understaffed(@extschema@.staffing_state) IS
	'final function of understaffed(shift, period, [w,] k): the understaffed time under the window and minimum the state carries';

-- accessors of a staffing_agg() state

CREATE FUNCTION @extschema@.staffed(s @extschema@.staffing_state, k integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'staffing_staffed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.staffed(s @extschema@.staffing_state, w @extschema@.sla_window, k integer)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'staffing_staffed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.staffed(@extschema@.staffing_state, integer) IS
	'share of the period during which at least k shifts overlap; NULL for no open time';
COMMENT ON FUNCTION @extschema@.staffed(@extschema@.staffing_state, @extschema@.sla_window, integer) IS
	'share of the open time of the period (coverage hours of w) during which at least k shifts overlap; NULL for no open time';

CREATE FUNCTION @extschema@.understaffed(s @extschema@.staffing_state, k integer) RETURNS interval
	AS 'MODULE_PATHNAME', 'staffing_understaffed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.understaffed(s @extschema@.staffing_state, w @extschema@.sla_window, k integer)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'staffing_understaffed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.understaffed(@extschema@.staffing_state, integer) IS
	'time of the period during which fewer than k shifts overlap, in hours';
COMMENT ON FUNCTION @extschema@.understaffed(@extschema@.staffing_state, @extschema@.sla_window, integer) IS
	'open time of the period (coverage hours of w) during which fewer than k shifts overlap, in hours';

-- the aggregates

CREATE AGGREGATE @extschema@.staffed(shift tstzrange, period tstzrange, k integer) (
	SFUNC = @extschema@.staffing_state_trans,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_staffed,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.staffed(shift tstzrange, period tstzrange, w @extschema@.sla_window, k integer) (
	SFUNC = @extschema@.staffing_state_trans,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_staffed,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.staffed(tstzrange, tstzrange, integer) IS
	'share of the period during which at least k shifts overlap (k = 2: backup coverage); shifts clipped to the period';
COMMENT ON AGGREGATE @extschema@.staffed(tstzrange, tstzrange, @extschema@.sla_window, integer) IS
	'share of the open time of the period (coverage hours of w) during which at least k shifts overlap';

CREATE AGGREGATE @extschema@.understaffed(shift tstzrange, period tstzrange, k integer) (
	SFUNC = @extschema@.staffing_state_trans,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_understaffed,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.understaffed(shift tstzrange, period tstzrange, w @extschema@.sla_window, k integer) (
	SFUNC = @extschema@.staffing_state_trans,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_understaffed,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.understaffed(tstzrange, tstzrange, integer) IS
	'time of the period during which fewer than k shifts overlap';
COMMENT ON AGGREGATE @extschema@.understaffed(tstzrange, tstzrange, @extschema@.sla_window, integer) IS
	'open time of the period (coverage hours of w) during which fewer than k shifts overlap';

CREATE AGGREGATE @extschema@.staffing_agg(shift tstzrange, period tstzrange) (
	SFUNC = @extschema@.staffing_state_trans,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_compact,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.staffing_agg(tstzrange, tstzrange) IS
	'the shifts of the period as a depth profile: read with staffed(s, [w,] k) and understaffed(s, [w,] k), merge with rollup(s)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.staffing_state) (
	SFUNC = @extschema@.staffing_state_combine,
	STYPE = @extschema@.staffing_state,
	FINALFUNC = @extschema@.staffing_state_compact,
	COMBINEFUNC = @extschema@.staffing_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.staffing_state) IS
	'merge staffing states: the same period adds depths (parts of a roster), separate periods join (days into a month)';
