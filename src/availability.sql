-- availability: merged downtime over a period, in coverage hours, without planned
-- maintenance; error budgets (maintenance is a tstzmultirange)

-- the transition state of the availability aggregates: a concrete type whose text form
-- round-trips bit for bit, so that partial aggregates can travel as text (Citus)

CREATE TYPE @extschema@.availability_state;

CREATE FUNCTION @extschema@.availability_state_in(cstring) RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.availability_state_out(@extschema@.availability_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.availability_state_recv(internal) RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.availability_state_send(@extschema@.availability_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.availability_state (
	INPUT = @extschema@.availability_state_in,
	OUTPUT = @extschema@.availability_state_out,
	RECEIVE = @extschema@.availability_state_recv,
	SEND = @extschema@.availability_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.availability_state IS
	'outages merged over one period, with its coverage window and maintenance: the state of availability(), downtime() and availability_agg()';
COMMENT ON FUNCTION @extschema@.availability_state_in(cstring) IS 'availability_state text input';
COMMENT ON FUNCTION @extschema@.availability_state_out(@extschema@.availability_state) IS
	'availability_state canonical text output (instants in UTC, exact to the microsecond)';
COMMENT ON FUNCTION @extschema@.availability_state_recv(internal) IS 'availability_state binary input';
COMMENT ON FUNCTION @extschema@.availability_state_send(@extschema@.availability_state) IS 'availability_state binary output';

-- support functions of the aggregates

CREATE FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange)
	RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange,
													 @extschema@.sla_window)
	RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange,
													 @extschema@.sla_window, tstzmultirange)
	RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange) IS
	'transition function of availability(outage, period), downtime() and availability_agg()';
COMMENT ON FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange,
														 @extschema@.sla_window) IS
	'transition function of availability(outage, period, w), downtime() and availability_agg()';
COMMENT ON FUNCTION @extschema@.availability_state_trans(@extschema@.availability_state, tstzrange, tstzrange,
														 @extschema@.sla_window, tstzmultirange) IS
	'transition function of availability(outage, period, w, maintenance), downtime() and availability_agg()';

CREATE FUNCTION @extschema@.availability_state_combine(@extschema@.availability_state, @extschema@.availability_state)
	RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_combine(@extschema@.availability_state, @extschema@.availability_state) IS
	'union of the outages of two states of the same period, window and maintenance (combine function)';

CREATE FUNCTION @extschema@.availability_state_compact(@extschema@.availability_state)
	RETURNS @extschema@.availability_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability_state_compact(@extschema@.availability_state) IS
	'the state with its outages sorted and merged and no spare room (final function of availability_agg and rollup)';

-- accessors (also the final functions of the one-step aggregates)

CREATE FUNCTION @extschema@.availability(@extschema@.availability_state) RETURNS double precision
	AS 'MODULE_PATHNAME', 'availability_state_availability' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability(@extschema@.availability_state) IS
	'share of the open time of the period not covered by an outage; NULL when the period has no open time';

CREATE FUNCTION @extschema@.downtime(@extschema@.availability_state) RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_state_downtime' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.downtime(@extschema@.availability_state) IS
	'open time of the period covered by an outage (overlaps counted once), in hours';

-- whole slices (OpenSLO timeslices, the cloud providers' whole minutes)

CREATE FUNCTION @extschema@.availability(s @extschema@.availability_state, slice interval, rule text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'availability_state_availability_sliced' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.availability(@extschema@.availability_state, interval, text) IS
	'availability counted in slices of the period (from its start): rule ''any'' counts a slice down when any of its open time is down, ''all'' only when all of it is';

CREATE FUNCTION @extschema@.downtime(s @extschema@.availability_state, slice interval, rule text)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_state_downtime_sliced' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.downtime(@extschema@.availability_state, interval, text) IS
	'open time of the slices of the period that are down under the rule (''any'' or ''all''), in hours';

-- the aggregates

CREATE AGGREGATE @extschema@.availability(outage tstzrange, period tstzrange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.availability(outage tstzrange, period tstzrange, w @extschema@.sla_window) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.availability(outage tstzrange, period tstzrange, w @extschema@.sla_window,
										  maintenance tstzmultirange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.availability(tstzrange, tstzrange) IS
	'share of the period not covered by any outage: overlaps count once, outages clipped to the period';
COMMENT ON AGGREGATE @extschema@.availability(tstzrange, tstzrange, @extschema@.sla_window) IS
	'share of the open time of the period (coverage hours of w) not covered by any outage';
COMMENT ON AGGREGATE @extschema@.availability(tstzrange, tstzrange, @extschema@.sla_window, tstzmultirange) IS
	'share of the open time of the period not covered by any outage, planned maintenance removed from both';

CREATE AGGREGATE @extschema@.downtime(outage tstzrange, period tstzrange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.downtime,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.downtime(outage tstzrange, period tstzrange, w @extschema@.sla_window) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.downtime,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.downtime(outage tstzrange, period tstzrange, w @extschema@.sla_window,
									  maintenance tstzmultirange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.downtime,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.downtime(tstzrange, tstzrange) IS
	'merged downtime inside the period: overlapping and duplicate outages count once';
COMMENT ON AGGREGATE @extschema@.downtime(tstzrange, tstzrange, @extschema@.sla_window) IS
	'merged downtime inside the open time (coverage hours of w) of the period';
COMMENT ON AGGREGATE @extschema@.downtime(tstzrange, tstzrange, @extschema@.sla_window, tstzmultirange) IS
	'merged downtime inside the open time of the period, outside planned maintenance';

CREATE AGGREGATE @extschema@.availability_agg(outage tstzrange, period tstzrange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability_state_compact,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.availability_agg(outage tstzrange, period tstzrange, w @extschema@.sla_window) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability_state_compact,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.availability_agg(outage tstzrange, period tstzrange, w @extschema@.sla_window,
											  maintenance tstzmultirange) (
	SFUNC = @extschema@.availability_state_trans,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability_state_compact,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.availability_agg(tstzrange, tstzrange) IS
	'the merged outages of the period as a value: read with availability(s) and downtime(s), merge with rollup(s)';
COMMENT ON AGGREGATE @extschema@.availability_agg(tstzrange, tstzrange, @extschema@.sla_window) IS
	'the merged outages of the period in coverage hours as a value: read with availability(s) and downtime(s)';
COMMENT ON AGGREGATE @extschema@.availability_agg(tstzrange, tstzrange, @extschema@.sla_window, tstzmultirange) IS
	'the merged outages of the period in coverage hours, without maintenance, as a value';

CREATE AGGREGATE @extschema@.rollup(@extschema@.availability_state) (
	SFUNC = @extschema@.availability_state_combine,
	STYPE = @extschema@.availability_state,
	FINALFUNC = @extschema@.availability_state_compact,
	COMBINEFUNC = @extschema@.availability_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.availability_state) IS
	'union of the outages of states for the same period, window and maintenance (shards, components)';

-- error budgets

CREATE FUNCTION @extschema@.downtime_budget(target double precision, period tstzrange) RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_downtime_budget' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.downtime_budget(target double precision, period tstzrange, w @extschema@.sla_window)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_downtime_budget' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.downtime_budget(target double precision, period tstzrange, w @extschema@.sla_window,
											maintenance tstzmultirange)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_downtime_budget' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.downtime_budget(double precision, tstzrange) IS
	'downtime a target allows in the period: (1 - target) * its length (99.95 % of 30 days: 00:21:36)';
COMMENT ON FUNCTION @extschema@.downtime_budget(double precision, tstzrange, @extschema@.sla_window) IS
	'downtime a target allows in the open time (coverage hours of w) of the period';
COMMENT ON FUNCTION @extschema@.downtime_budget(double precision, tstzrange, @extschema@.sla_window, tstzmultirange) IS
	'downtime a target allows in the open time of the period outside planned maintenance';

CREATE FUNCTION @extschema@.error_budget_remaining(target double precision, availability double precision,
												   period tstzrange)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_error_budget_remaining' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.error_budget_remaining(target double precision, availability double precision,
												   period tstzrange, w @extschema@.sla_window)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_error_budget_remaining' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.error_budget_remaining(target double precision, availability double precision,
												   period tstzrange, w @extschema@.sla_window,
												   maintenance tstzmultirange)
	RETURNS interval
	AS 'MODULE_PATHNAME', 'availability_error_budget_remaining' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.error_budget_remaining(double precision, double precision, tstzrange) IS
	'downtime budget of the target minus the downtime the availability implies; negative when overspent';
COMMENT ON FUNCTION @extschema@.error_budget_remaining(double precision, double precision, tstzrange,
													   @extschema@.sla_window) IS
	'downtime budget minus the downtime the availability implies, in the open time (coverage hours of w)';
COMMENT ON FUNCTION @extschema@.error_budget_remaining(double precision, double precision, tstzrange,
													   @extschema@.sla_window, tstzmultirange) IS
	'downtime budget minus the downtime the availability implies, in the open time outside planned maintenance';

CREATE FUNCTION @extschema@.nines(availability double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'availability_nines' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nines(double precision) IS
	'number of nines of an availability: -log10(1 - a), 0.999 -> 3, 0.9995 -> 3.30103, 1 -> Infinity';

CREATE FUNCTION @extschema@.burn_rate(target double precision, availability double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'availability_burn_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.burn_rate(double precision, double precision) IS
	'share of the error budget spent: (1 - availability) / (1 - target); 1 spends exactly the budget';

-- availability_state: equality and hashing (DISTINCT, GROUP BY, UNION, hash joins), and the
-- availability_state as typed columns in one call, for clients that should not parse its text
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
