-- ticket SLAs: sla_policy, per-ticket status, sla_summary and its aggregates

CREATE TYPE @extschema@.sla_policy;
CREATE FUNCTION @extschema@.sla_policy_in(cstring) RETURNS @extschema@.sla_policy
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_policy_recv(internal) RETURNS @extschema@.sla_policy
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sla_policy (
	INPUT = @extschema@.sla_policy_in,
	OUTPUT = @extschema@.sla_policy_out,
	RECEIVE = @extschema@.sla_policy_recv,
	SEND = @extschema@.sla_policy_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.sla_policy IS
	'response and resolution targets per severity, e.g. ''SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day''';
COMMENT ON FUNCTION @extschema@.sla_policy_in(cstring) IS 'sla_policy text input';
COMMENT ON FUNCTION @extschema@.sla_policy_out(@extschema@.sla_policy) IS 'sla_policy canonical text output';
COMMENT ON FUNCTION @extschema@.sla_policy_recv(internal) IS 'sla_policy binary input';
COMMENT ON FUNCTION @extschema@.sla_policy_send(@extschema@.sla_policy) IS 'sla_policy binary output';

CREATE FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.sla_policy_eq(@extschema@.sla_policy, @extschema@.sla_policy) IS 'same targets';
CREATE FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.sla_policy_hash(@extschema@.sla_policy) IS 'hash of an sla_policy';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sla_policy, RIGHTARG = @extschema@.sla_policy,
	FUNCTION = @extschema@.sla_policy_eq, COMMUTATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.sla_policy, @extschema@.sla_policy) IS 'same targets';
CREATE OPERATOR CLASS @extschema@.sla_policy_hash_ops
	DEFAULT FOR TYPE @extschema@.sla_policy USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.sla_policy_hash(@extschema@.sla_policy);

CREATE FUNCTION @extschema@.sla_target(@extschema@.sla_policy, @extschema@.severity, text) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_target(@extschema@.sla_policy, @extschema@.severity, text) IS
	'the policy''s ''response'' or ''resolution'' target for a severity (days are business days); NULL when none';

-- per ticket

CREATE FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) IS
	'met, breached or pending: (window, start, done or NULL while open, target, as of); NULL without a target';

CREATE FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_status_now' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'met, breached or pending as of the transaction''s start (now())';

CREATE FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz) IS
	'business time left before the deadline of (window, start, target) as of an instant; negative once breached';

CREATE FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz) IS
	'percent of the target''s business time used as of an instant: 75 is three quarters (at risk), over 100 once breached';

-- sla_summary

CREATE TYPE @extschema@.sla_summary;
CREATE FUNCTION @extschema@.sla_summary_in(cstring) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_summary_out(@extschema@.sla_summary) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_summary_recv(internal) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_summary_send(@extschema@.sla_summary) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sla_summary (
	INPUT = @extschema@.sla_summary_in,
	OUTPUT = @extschema@.sla_summary_out,
	RECEIVE = @extschema@.sla_summary_recv,
	SEND = @extschema@.sla_summary_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.sla_summary IS
	'met, breached and pending ticket counts with the business time of the done ones; mergeable with rollup()';
COMMENT ON FUNCTION @extschema@.sla_summary_in(cstring) IS 'sla_summary text input';
COMMENT ON FUNCTION @extschema@.sla_summary_out(@extschema@.sla_summary) IS 'sla_summary text output (exact, setting-independent)';
COMMENT ON FUNCTION @extschema@.sla_summary_recv(internal) IS 'sla_summary binary input';
COMMENT ON FUNCTION @extschema@.sla_summary_send(@extschema@.sla_summary) IS 'sla_summary binary output';

CREATE FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz)
	RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) IS
	'transition function of sla_summary_agg';
CREATE FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval)
	RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_summary_trans_now' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'transition function of sla_summary_agg as of now()';
CREATE FUNCTION @extschema@.sla_summary_combine(@extschema@.sla_summary, @extschema@.sla_summary)
	RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_combine(@extschema@.sla_summary, @extschema@.sla_summary) IS
	'merge two summaries (combine function of the summary aggregates; NULL is an empty summary)';

CREATE AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) IS
	'summary of ticket SLAs: (window, start, done or NULL, target, as of)';
CREATE AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'summary of ticket SLAs as of now(): (window, start, done or NULL, target)';
CREATE AGGREGATE @extschema@.rollup(@extschema@.sla_summary) (
	SFUNC = @extschema@.sla_summary_combine,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.sla_summary) IS
	'merge summaries: days into months, shards and partitions into a total';

CREATE FUNCTION @extschema@.sla_compliance(@extschema@.sla_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_summary_compliance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_compliance(@extschema@.sla_summary) IS
	'met / (met + breached); NULL when nothing is decided';
CREATE FUNCTION @extschema@.sla_met(@extschema@.sla_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sla_summary_met' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_met(@extschema@.sla_summary) IS 'tickets that met their target';
CREATE FUNCTION @extschema@.sla_breached(@extschema@.sla_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sla_summary_breached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_breached(@extschema@.sla_summary) IS 'tickets that breached their target (done late, or open past it)';
CREATE FUNCTION @extschema@.sla_pending(@extschema@.sla_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sla_summary_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_pending(@extschema@.sla_summary) IS 'open tickets still within their target';
CREATE FUNCTION @extschema@.sla_untargeted(@extschema@.sla_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sla_summary_untargeted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_untargeted(@extschema@.sla_summary) IS 'tickets not measured: no target for their severity (or no coverage window)';
CREATE FUNCTION @extschema@.sla_timed(@extschema@.sla_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sla_summary_timed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_timed(@extschema@.sla_summary) IS 'tickets done as of the summary''s as_of: those whose business time is in total, min, max and mean';
CREATE FUNCTION @extschema@.sla_total(@extschema@.sla_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_summary_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_total(@extschema@.sla_summary) IS 'total business time of the done tickets';
CREATE FUNCTION @extschema@.sla_mean_elapsed(@extschema@.sla_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_mean_elapsed(@extschema@.sla_summary) IS 'mean business time of the done tickets';
CREATE FUNCTION @extschema@.sla_min_elapsed(@extschema@.sla_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_summary_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_min_elapsed(@extschema@.sla_summary) IS 'shortest business time of the done tickets';
CREATE FUNCTION @extschema@.sla_max_elapsed(@extschema@.sla_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_summary_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_max_elapsed(@extschema@.sla_summary) IS 'longest business time of the done tickets';

CREATE AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	FINALFUNC = @extschema@.sla_compliance,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz) IS
	'share of decided tickets that met their target: (window, start, done or NULL, target, as of)';
CREATE AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	FINALFUNC = @extschema@.sla_compliance,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'share of decided tickets that met their target, as of now()';

-- sla_summary: equality and hashing (DISTINCT, GROUP BY, UNION, hash joins), and the
-- sla_summary as typed columns in one call, for clients that should not parse its text
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
