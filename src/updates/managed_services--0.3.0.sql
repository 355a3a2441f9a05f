-- managed_services: SLA analytics for buyers and sellers of managed services.
-- This file is assembled from src/*.sql by the Makefile; edit those files.

\echo Use "CREATE EXTENSION managed_services" to load this file. \quit
-- severity: levels 0 (most severe) .. 5, printed SEV0 .. SEV5

CREATE TYPE @extschema@.severity;

CREATE FUNCTION @extschema@.severity_in(cstring) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.severity_out(@extschema@.severity) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.severity_recv(internal) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.severity_send(@extschema@.severity) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.severity (
	INPUT = @extschema@.severity_in,
	OUTPUT = @extschema@.severity_out,
	RECEIVE = @extschema@.severity_recv,
	SEND = @extschema@.severity_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.severity IS
	'Ticket severity, SEV0 (most severe) to SEV5; reads P1, Sev-2, critical, ... and sorts most severe first';

COMMENT ON FUNCTION @extschema@.severity_in(cstring) IS 'severity text input';
COMMENT ON FUNCTION @extschema@.severity_out(@extschema@.severity) IS 'severity text output';
COMMENT ON FUNCTION @extschema@.severity_recv(internal) IS 'severity binary input';
COMMENT ON FUNCTION @extschema@.severity_send(@extschema@.severity) IS 'severity binary output';

CREATE FUNCTION @extschema@.severity_level(@extschema@.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.severity_level(@extschema@.severity) IS
	'numeric level of a severity, 0 (most severe) to 5';

CREATE FUNCTION @extschema@.severity_name(@extschema@.severity) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.severity_name(@extschema@.severity) IS
	'canonical name of a severity: emergency, critical, major, minor, low or info';

CREATE FUNCTION @extschema@.severity(integer) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME', 'severity_from_int' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.severity(integer) IS
	'severity of a numeric level 0..5; other levels are out of range';

CREATE CAST (integer AS @extschema@.severity)
	WITH FUNCTION @extschema@.severity(integer) AS ASSIGNMENT;
CREATE CAST (@extschema@.severity AS integer)
	WITH FUNCTION @extschema@.severity_level(@extschema@.severity) AS ASSIGNMENT;
COMMENT ON CAST (integer AS @extschema@.severity) IS 'level 0..5 to severity';
COMMENT ON CAST (@extschema@.severity AS integer) IS 'severity to its level 0..5';

-- comparison

CREATE FUNCTION @extschema@.severity_cmp(@extschema@.severity, @extschema@.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_lt(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_le(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_eq(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_ne(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_ge(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_gt(@extschema@.severity, @extschema@.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_hash(@extschema@.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_hash_extended(@extschema@.severity, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.severity_smaller(@extschema@.severity, @extschema@.severity) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.severity_larger(@extschema@.severity, @extschema@.severity) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.severity_cmp(@extschema@.severity, @extschema@.severity) IS 'btree comparison of severities';
COMMENT ON FUNCTION @extschema@.severity_lt(@extschema@.severity, @extschema@.severity) IS 'more severe than';
COMMENT ON FUNCTION @extschema@.severity_le(@extschema@.severity, @extschema@.severity) IS 'at least as severe as';
COMMENT ON FUNCTION @extschema@.severity_eq(@extschema@.severity, @extschema@.severity) IS 'same severity';
COMMENT ON FUNCTION @extschema@.severity_ne(@extschema@.severity, @extschema@.severity) IS 'different severity';
COMMENT ON FUNCTION @extschema@.severity_ge(@extschema@.severity, @extschema@.severity) IS 'at most as severe as';
COMMENT ON FUNCTION @extschema@.severity_gt(@extschema@.severity, @extschema@.severity) IS 'less severe than';
COMMENT ON FUNCTION @extschema@.severity_hash(@extschema@.severity) IS 'hash of a severity';
COMMENT ON FUNCTION @extschema@.severity_hash_extended(@extschema@.severity, bigint) IS 'seeded hash of a severity';
COMMENT ON FUNCTION @extschema@.severity_smaller(@extschema@.severity, @extschema@.severity) IS 'the more severe of two severities';
COMMENT ON FUNCTION @extschema@.severity_larger(@extschema@.severity, @extschema@.severity) IS 'the less severe of two severities';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.severity, RIGHTARG = @extschema@.severity,
	FUNCTION = @extschema@.severity_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.severity, @extschema@.severity) IS 'more severe than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.severity, @extschema@.severity) IS 'at least as severe as';
COMMENT ON OPERATOR @extschema@.= (@extschema@.severity, @extschema@.severity) IS 'same severity';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.severity, @extschema@.severity) IS 'different severity';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.severity, @extschema@.severity) IS 'at most as severe as';
COMMENT ON OPERATOR @extschema@.> (@extschema@.severity, @extschema@.severity) IS 'less severe than';

CREATE OPERATOR CLASS @extschema@.severity_ops
	DEFAULT FOR TYPE @extschema@.severity USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.severity_cmp(@extschema@.severity, @extschema@.severity);

CREATE OPERATOR CLASS @extschema@.severity_hash_ops
	DEFAULT FOR TYPE @extschema@.severity USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.severity_hash(@extschema@.severity),
		FUNCTION 2 @extschema@.severity_hash_extended(@extschema@.severity, bigint);

CREATE AGGREGATE @extschema@.min(@extschema@.severity) (
	SFUNC = @extschema@.severity_smaller,
	STYPE = @extschema@.severity,
	COMBINEFUNC = @extschema@.severity_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.severity) IS 'most severe severity of the group';

CREATE AGGREGATE @extschema@.max(@extschema@.severity) (
	SFUNC = @extschema@.severity_larger,
	STYPE = @extschema@.severity,
	COMBINEFUNC = @extschema@.severity_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.severity) IS 'least severe severity of the group';

CREATE FUNCTION @extschema@.to_severity(text) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME', 'to_severity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_severity(text) IS
	'the severity a spelling names, or NULL when it names none (the cast raises 22P02 instead)';
CREATE FUNCTION @extschema@.to_severity(text, jsonb) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME', 'to_severity_aliases' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_severity(text, jsonb) IS
	'the severity a spelling names, read through the user''s alias map first (e.g. ''{"Blocker": 1, "Critical": 2}''); NULL when neither knows it';
-- sla_window: coverage hours in one IANA time zone, minus holidays

CREATE TYPE @extschema@.sla_window;

CREATE FUNCTION @extschema@.sla_window_in(cstring) RETURNS @extschema@.sla_window
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_window_out(@extschema@.sla_window) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_window_recv(internal) RETURNS @extschema@.sla_window
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_window_send(@extschema@.sla_window) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.sla_window (
	INPUT = @extschema@.sla_window_in,
	OUTPUT = @extschema@.sla_window_out,
	RECEIVE = @extschema@.sla_window_recv,
	SEND = @extschema@.sla_window_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.sla_window IS
	'coverage hours: weekday ranges in one IANA time zone, minus holidays (e.g. ''mon-fri 09:00-17:00 Europe/Berlin'')';
COMMENT ON FUNCTION @extschema@.sla_window_in(cstring) IS 'sla_window text input';
COMMENT ON FUNCTION @extschema@.sla_window_out(@extschema@.sla_window) IS 'sla_window canonical text output';
COMMENT ON FUNCTION @extschema@.sla_window_recv(internal) IS 'sla_window binary input';
COMMENT ON FUNCTION @extschema@.sla_window_send(@extschema@.sla_window) IS 'sla_window binary output';

CREATE FUNCTION @extschema@.sla_window_eq(@extschema@.sla_window, @extschema@.sla_window) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sla_window_ne(@extschema@.sla_window, @extschema@.sla_window) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sla_window_hash(@extschema@.sla_window) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.sla_window_eq(@extschema@.sla_window, @extschema@.sla_window) IS
	'same coverage hours, zone and holidays';
COMMENT ON FUNCTION @extschema@.sla_window_ne(@extschema@.sla_window, @extschema@.sla_window) IS
	'different coverage hours, zone or holidays';
COMMENT ON FUNCTION @extschema@.sla_window_hash(@extschema@.sla_window) IS 'hash of an sla_window';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sla_window, RIGHTARG = @extschema@.sla_window,
	FUNCTION = @extschema@.sla_window_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.sla_window, RIGHTARG = @extschema@.sla_window,
	FUNCTION = @extschema@.sla_window_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.sla_window, @extschema@.sla_window) IS 'same coverage hours, zone and holidays';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.sla_window, @extschema@.sla_window) IS 'different coverage hours, zone or holidays';

CREATE OPERATOR CLASS @extschema@.sla_window_hash_ops
	DEFAULT FOR TYPE @extschema@.sla_window USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.sla_window_hash(@extschema@.sla_window);

-- business time

CREATE FUNCTION @extschema@.sla_open(@extschema@.sla_window, timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_open(@extschema@.sla_window, timestamptz) IS
	'true when the instant lies in the coverage hours (the SLA clock runs)';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.sla_window, RIGHTARG = timestamptz,
	FUNCTION = @extschema@.sla_open
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.sla_window, timestamptz) IS
	'coverage hours contain the instant';

CREATE FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz) IS
	'business time between two instants: the coverage hours in [a, b), negative when b < a';

CREATE FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval) IS
	'when the SLA clock started at a reaches the target: hours are business hours, days are business days';

CREATE FUNCTION @extschema@.sla_next_open(@extschema@.sla_window, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_next_open(@extschema@.sla_window, timestamptz) IS
	'the first instant at or after t inside the coverage hours';

CREATE FUNCTION @extschema@.sla_next_close(@extschema@.sla_window, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_next_close(@extschema@.sla_window, timestamptz) IS
	'the first instant at or after t outside the coverage hours (infinity when there is none)';

CREATE FUNCTION @extschema@.sla_close_of_business(@extschema@.sla_window, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_close_of_business(@extschema@.sla_window, timestamptz) IS
	'the end of the business day of t: where the clock stops after the day''s last range starts (a lunch break is not a close); the next business day''s when t is after the close or on a closed date';

CREATE FUNCTION @extschema@.sla_next_business_day_close(@extschema@.sla_window, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_next_business_day_close(@extschema@.sla_window, timestamptz) IS
	'a "next business day" deadline: the close of business of the business day after t''s business day';

CREATE FUNCTION @extschema@.sla_next_business_day() RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_next_business_day() IS
	'the target marker for "next business day" (the interval ''-1 days''), as sla_target gives it: sla_deadline, sla_status and sla_summary_agg read it as due at the close of the next business day';

-- calendars

-- not STRICT: NULL holidays (array_agg over no rows) are no holidays
CREATE FUNCTION @extschema@.sla_with_holidays(@extschema@.sla_window, date[]) RETURNS @extschema@.sla_window
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_with_holidays(@extschema@.sla_window, date[]) IS
	'the window with these dates closed as holidays too (e.g. array_agg over a holiday table); NULL dates: no more holidays';

-- not STRICT: NULL holidays are none; NULL hours or zone give NULL
CREATE FUNCTION @extschema@.sla_window(hours text, zone text, holidays date[]) RETURNS @extschema@.sla_window
	AS 'MODULE_PATHNAME', 'sla_window_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_window(text, text, date[]) IS
	'a window from its parts: hours (the text form without a zone), an IANA zone and holidays (NULL: none)';

CREATE FUNCTION @extschema@.sla_with_timezone(@extschema@.sla_window, text) RETURNS @extschema@.sla_window
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_with_timezone(@extschema@.sla_window, text) IS
	'the same hours, holidays and special hours in another IANA time zone';

CREATE FUNCTION @extschema@.sla_holidays(@extschema@.sla_window) RETURNS date[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_holidays(@extschema@.sla_window) IS 'the holidays of a window, sorted';

CREATE FUNCTION @extschema@.sla_timezone(@extschema@.sla_window) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_timezone(@extschema@.sla_window) IS 'the IANA time zone of a window';

-- issue 17: the holiday horizon (a holiday list that ends before the tickets
-- do counts the later holidays as working days)
CREATE FUNCTION @extschema@.sla_holiday_horizon(@extschema@.sla_window) RETURNS date
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_holiday_horizon(@extschema@.sla_window) IS
	'the last date the holiday list covers: 31 December of the year of its latest holiday (a list covers each calendar year it has a holiday in); NULL without holidays';
CREATE FUNCTION @extschema@.sla_holidays_cover(@extschema@.sla_window, tstzrange) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_holidays_cover(@extschema@.sla_window, tstzrange) IS
	'whether the holiday list covers the period: every local calendar year the period touches has a holiday in it (true without holidays, false for a period without an end)';

-- the zones a window accepts (the parser's own list)
CREATE FUNCTION @extschema@.sla_timezone_names() RETURNS TABLE (name text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 1200;
COMMENT ON FUNCTION @extschema@.sla_timezone_names() IS
	'the time zone names a window accepts, as it spells them: those of pg_timezone_names but localtime and posixrules';
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
-- service credits: credit_schedule (a contract's penalty terms), the credit a
-- period earns, the escalation ladder and the termination right

CREATE TYPE @extschema@.credit_schedule;
CREATE FUNCTION @extschema@.credit_schedule_in(cstring) RETURNS @extschema@.credit_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_out(@extschema@.credit_schedule) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_recv(internal) RETURNS @extschema@.credit_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_send(@extschema@.credit_schedule) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.credit_schedule (
	INPUT = @extschema@.credit_schedule_in,
	OUTPUT = @extschema@.credit_schedule_out,
	RECEIVE = @extschema@.credit_schedule_recv,
	SEND = @extschema@.credit_schedule_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.credit_schedule IS
	'a contract''s service-credit terms, e.g. ''below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%''';
COMMENT ON FUNCTION @extschema@.credit_schedule_in(cstring) IS 'credit_schedule text input';
COMMENT ON FUNCTION @extschema@.credit_schedule_out(@extschema@.credit_schedule) IS 'credit_schedule canonical text output';
COMMENT ON FUNCTION @extschema@.credit_schedule_recv(internal) IS 'credit_schedule binary input';
COMMENT ON FUNCTION @extschema@.credit_schedule_send(@extschema@.credit_schedule) IS 'credit_schedule binary output';

CREATE FUNCTION @extschema@.credit_schedule_eq(@extschema@.credit_schedule, @extschema@.credit_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_eq(@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'same terms';
CREATE FUNCTION @extschema@.credit_schedule_ne(@extschema@.credit_schedule, @extschema@.credit_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_ne(@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'different terms';
CREATE FUNCTION @extschema@.credit_schedule_hash(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_hash(@extschema@.credit_schedule) IS 'hash of a credit_schedule';
CREATE FUNCTION @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint) IS 'seeded hash of a credit_schedule';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.credit_schedule, RIGHTARG = @extschema@.credit_schedule,
	FUNCTION = @extschema@.credit_schedule_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.credit_schedule, RIGHTARG = @extschema@.credit_schedule,
	FUNCTION = @extschema@.credit_schedule_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'same terms';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'different terms';
CREATE OPERATOR CLASS @extschema@.credit_schedule_hash_ops
	DEFAULT FOR TYPE @extschema@.credit_schedule USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.credit_schedule_hash(@extschema@.credit_schedule),
		FUNCTION 2 @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint);

-- the credit of one service level in one period.  Not STRICT: a NULL
-- attainment (nothing measured) reaches no band, while per-miss credits and
-- the chronic rule still apply; a NULL in any other argument gives NULL.

CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer) IS
	'share of the fee owed: (schedule, attainment, misses, streak): worst band reached + misses x per-miss credit, then the chronic rule, then the cap; attainment is a share (0.999) for percentage thresholds';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer, integer) IS
	'share of the fee owed: (schedule, attainment, misses, streak, recent_misses), recent_misses counting the misses among the last N periods of the "K of N" rules';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer) IS
	'sla_credit of a double attainment (availability(), sla_compliance()), taken as the shortest decimal it prints as';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer, integer) IS
	'sla_credit of a double attainment, with recent_misses';

CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer) IS
	'credit owed in money: (schedule, fee, attainment, misses, streak): fee x sla_credit, rounded half-up to cents';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer, integer) IS
	'credit owed in money: (schedule, fee, attainment, misses, streak, recent_misses), rounded half-up to cents';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer) IS
	'sla_credit_amount of a double attainment (availability(), sla_compliance())';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer, integer) IS
	'sla_credit_amount of a double attainment, with recent_misses';

-- the escalation ladder and the rules behind it

CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer) IS
	'the highest rung reached by a streak of consecutive misses: ok, warning, remediation, penalty or termination';
CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer, integer) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer, integer) IS
	'the highest rung reached by (streak, recent_misses): ok, warning, remediation, penalty or termination';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer) IS
	'whether a streak of consecutive misses gives the customer the right to terminate';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer, integer) IS
	'whether (streak, recent_misses) gives the customer the right to terminate';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer) IS
	'whether a streak of consecutive misses is a chronic failure under the schedule''s chronic rule';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer, integer) IS
	'whether (streak, recent_misses) is a chronic failure under the schedule''s chronic rule';

-- accessors

CREATE FUNCTION @extschema@.credit_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_cap(@extschema@.credit_schedule) IS
	'the most one period can be credited, as a share of the fee: the cap, else the amount at risk, else 1';
CREATE FUNCTION @extschema@.credit_at_risk(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_at_risk(@extschema@.credit_schedule) IS
	'the share of the fee at risk (the cap of all service levels of a period together); NULL without an at-risk pool';
CREATE FUNCTION @extschema@.earn_back_periods(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_earn_back_periods' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.earn_back_periods(@extschema@.credit_schedule) IS
	'met periods in a row after which a non-chronic credit is forgiven; NULL without earn-back';
CREATE FUNCTION @extschema@.recent_periods(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_recent_periods' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_periods(@extschema@.credit_schedule) IS
	'the N of the schedule''s "K of N" rules (recent_misses counts misses among the last N periods); NULL without such rules';

-- issue 17: the escalation step as an ordered value (max() over service
-- levels is the worst step), and counts of any number type for every
-- function that takes counts: count(*) ... OVER, as the recent_misses recipe
-- builds it, is a bigint.  The overloads take double precision, the
-- preferred numeric type, so that a NULL or an untyped parameter still
-- resolves to one function (a bigint overload would make those ambiguous);
-- the C side takes whole numbers in the integer range only.

CREATE TYPE @extschema@.escalation_step AS ENUM ('ok', 'warning', 'remediation', 'penalty', 'termination');
COMMENT ON TYPE @extschema@.escalation_step IS
	'a rung of the escalation ladder, ordered ok < warning < remediation < penalty < termination: max() is the worst step';

CREATE FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, integer) RETURNS @extschema@.escalation_step
	AS 'MODULE_PATHNAME', 'credit_escalation_step' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, integer) IS
	'escalation() as an ordered escalation_step: the highest rung reached by a streak of consecutive misses';
CREATE FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, integer, integer) RETURNS @extschema@.escalation_step
	AS 'MODULE_PATHNAME', 'credit_escalation_step' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, integer, integer) IS
	'escalation() as an ordered escalation_step: the highest rung reached by (streak, recent_misses)';
CREATE FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, double precision) RETURNS @extschema@.escalation_step
	AS 'MODULE_PATHNAME', 'credit_escalation_step_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, double precision) IS
	'escalation_step with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, double precision, double precision) RETURNS @extschema@.escalation_step
	AS 'MODULE_PATHNAME', 'credit_escalation_step_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation_step(@extschema@.credit_schedule, double precision, double precision) IS
	'escalation_step with counts of another number type, whole numbers (count(*) ... OVER gives a bigint)';

CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, double precision, double precision) IS
	'sla_credit with counts (misses, streak) of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, double precision, double precision, double precision) IS
	'sla_credit with counts (misses, streak, recent_misses) of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, double precision, double precision) IS
	'sla_credit of a double attainment with counts of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, double precision, double precision, double precision) IS
	'sla_credit of a double attainment with counts of another number type: whole numbers, such as the bigint of count(*), with recent_misses';

CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, double precision, double precision) IS
	'sla_credit_amount with counts (misses, streak) of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, double precision, double precision, double precision) IS
	'sla_credit_amount with counts (misses, streak, recent_misses) of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, double precision, double precision) IS
	'sla_credit_amount of a double attainment with counts of another number type: whole numbers, such as the bigint of count(*)';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, double precision, double precision, double precision) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8_wide' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, double precision, double precision, double precision) IS
	'sla_credit_amount of a double attainment with counts of another number type: whole numbers, such as the bigint of count(*), with recent_misses';

CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, double precision) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, double precision) IS
	'escalation with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, double precision, double precision) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, double precision, double precision) IS
	'escalation with counts of another number type, whole numbers (count(*) ... OVER gives a bigint)';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, double precision) IS
	'termination_right with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, double precision, double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, double precision, double precision) IS
	'termination_right with counts of another number type, whole numbers (count(*) ... OVER gives a bigint)';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, double precision) IS
	'chronic_failure with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, double precision, double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, double precision, double precision) IS
	'chronic_failure with counts of another number type, whole numbers (count(*) ... OVER gives a bigint)';

-- issue 16: caps beyond one service level (period, annual, chronic) and
-- partial earn-back

CREATE FUNCTION @extschema@.credit_period_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_period_cap_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_period_cap(@extschema@.credit_schedule) IS
	'the cap on the credits of all service levels of a contract in one period together, as a share of the period''s fee: the smaller of "period cap" and the amount at risk; NULL without either';
CREATE FUNCTION @extschema@.credit_annual_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_annual_cap_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_annual_cap(@extschema@.credit_schedule) IS
	'the cap on a contract year''s credits together, as a share of that year''s fees; NULL without "annual cap"';
CREATE FUNCTION @extschema@.credit_chronic_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_chronic_cap_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_chronic_cap(@extschema@.credit_schedule) IS
	'the cap of one service level while its chronic rule holds, as a share of the fee; NULL without "chronic cap"';
CREATE FUNCTION @extschema@.earn_back_share(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_earn_back_share_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.earn_back_share(@extschema@.credit_schedule) IS
	'the share of a non-chronic credit forgiven by earn-back (1 for "earn back after N"); NULL without earn-back';
CREATE FUNCTION @extschema@.earn_back_target(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_earn_back_target_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.earn_back_target(@extschema@.credit_schedule) IS
	'the target the following periods must reach to earn a credit back ("earn back ... at T", a share for percentages); NULL when it is the service level''s own';
CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, integer, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, integer, numeric[]) IS
	'the part of a period''s credit forgiven: (schedule, credit, streak, attainments of the following periods in order): credit x the earn-back share once the first N all reach the target; 0 for a chronic miss';
CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, integer, integer, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, integer, integer, numeric[]) IS
	'the part of a period''s credit forgiven: (schedule, credit, streak, recent_misses, following attainments)';
-- pricing: price_schedule and charge()

CREATE TYPE @extschema@.price_schedule;
CREATE FUNCTION @extschema@.price_schedule_in(cstring) RETURNS @extschema@.price_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.price_schedule_out(@extschema@.price_schedule) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.price_schedule_recv(internal) RETURNS @extschema@.price_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.price_schedule_send(@extschema@.price_schedule) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.price_schedule (
	INPUT = @extschema@.price_schedule_in,
	OUTPUT = @extschema@.price_schedule_out,
	RECEIVE = @extschema@.price_schedule_recv,
	SEND = @extschema@.price_schedule_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.price_schedule IS
	'how a contract prices a month, e.g. ''fixed 18500.00 including 800 tickets; per ticket 14.50'' or ''graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00''';
COMMENT ON FUNCTION @extschema@.price_schedule_in(cstring) IS 'price_schedule text input';
COMMENT ON FUNCTION @extschema@.price_schedule_out(@extschema@.price_schedule) IS 'price_schedule canonical text output';
COMMENT ON FUNCTION @extschema@.price_schedule_recv(internal) IS 'price_schedule binary input';
COMMENT ON FUNCTION @extschema@.price_schedule_send(@extschema@.price_schedule) IS 'price_schedule binary output';

CREATE FUNCTION @extschema@.price_schedule_eq(@extschema@.price_schedule, @extschema@.price_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.price_schedule_eq(@extschema@.price_schedule, @extschema@.price_schedule) IS 'same pricing';
CREATE FUNCTION @extschema@.price_schedule_ne(@extschema@.price_schedule, @extschema@.price_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.price_schedule_ne(@extschema@.price_schedule, @extschema@.price_schedule) IS 'different pricing';
CREATE FUNCTION @extschema@.price_schedule_hash(@extschema@.price_schedule) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.price_schedule_hash(@extschema@.price_schedule) IS 'hash of a price_schedule';
CREATE FUNCTION @extschema@.price_schedule_hash_extended(@extschema@.price_schedule, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.price_schedule_hash_extended(@extschema@.price_schedule, bigint) IS 'seeded hash of a price_schedule';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.price_schedule, RIGHTARG = @extschema@.price_schedule,
	FUNCTION = @extschema@.price_schedule_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.price_schedule, RIGHTARG = @extschema@.price_schedule,
	FUNCTION = @extschema@.price_schedule_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.price_schedule, @extschema@.price_schedule) IS 'same pricing';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.price_schedule, @extschema@.price_schedule) IS 'different pricing';
CREATE OPERATOR CLASS @extschema@.price_schedule_hash_ops
	DEFAULT FOR TYPE @extschema@.price_schedule USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.price_schedule_hash(@extschema@.price_schedule),
		FUNCTION 2 @extschema@.price_schedule_hash_extended(@extschema@.price_schedule, bigint);

-- charge: not STRICT in the base, so one query can pass a base column that
-- is NULL for the contracts without a share

CREATE FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric) IS
	'the month''s charge for a number of units, exact, rounded half-up to cents; 22023 when the schedule has a share';
CREATE FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric, numeric) IS
	'the month''s charge for (units, base amount of the share), rounded half-up to cents; NULL schedule or units give NULL, a NULL base is no base';

-- accessors, NULL when the schedule has no such term

CREATE FUNCTION @extschema@.price_fixed(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_fixed(@extschema@.price_schedule) IS 'the fixed monthly fee; NULL when none';
CREATE FUNCTION @extschema@.price_included_units(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_included_units(@extschema@.price_schedule) IS 'the units the fixed fee includes; NULL when none';
CREATE FUNCTION @extschema@.price_minimum_units(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_minimum_units(@extschema@.price_schedule) IS 'the minimum commitment in units (billed at least); NULL when none';
CREATE FUNCTION @extschema@.price_share(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_share(@extschema@.price_schedule) IS 'the share of the base amount as a fraction (8% is 0.08); NULL when none';
CREATE FUNCTION @extschema@.price_share_minimum(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_share_minimum(@extschema@.price_schedule) IS 'the floor of the share term; NULL when none';
CREATE FUNCTION @extschema@.price_unit(@extschema@.price_schedule) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_unit(@extschema@.price_schedule) IS 'what the schedule counts (unit, ticket, call, ...); NULL when nothing is priced per unit';
CREATE FUNCTION @extschema@.price_tier(@extschema@.price_schedule, numeric) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_tier(@extschema@.price_schedule, numeric) IS 'the tier (1, 2, ...) that a number of units reaches; NULL without tiers';
CREATE FUNCTION @extschema@.price_rate(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_rate(@extschema@.price_schedule, numeric) IS
	'the unit rate at a number of units: the per-unit (overage) rate, or the rate of the tier reached; NULL when nothing is priced per unit';
-- sla_window with pauses and multiranges

CREATE FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_elapsed_multirange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, tstzmultirange) IS
	'business time inside the ranges: the clock of a ticket with its pauses removed (build it with range_agg)';

CREATE FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_elapsed_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz, tstzmultirange) IS
	'business time between two instants with the clock stopped during the paused ranges (NULL: no pauses)';

CREATE FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval, tstzmultirange) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_deadline_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval, tstzmultirange) IS
	'when the SLA clock started at a reaches the target, the clock stopped during the paused ranges (NULL: no pauses); infinity when a pause never ends';
-- ticket SLAs with pauses

CREATE FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_status_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'met, breached or pending with the clock stopped during the paused ranges (NULL: no pauses)';

CREATE FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange)
	RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_summary_trans_paused' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'transition function of sla_summary_agg with pauses';

CREATE AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'summary of ticket SLAs with pauses: (window, start, done or NULL, target, as of, paused ranges or NULL)';

CREATE FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_remaining_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) IS
	'business time left on the ticket''s clock (stopped during the paused ranges; NULL: none) as of an instant; NULL when a business-day deadline never comes';

CREATE FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_percent_used_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) IS
	'percent of the target''s business time used as of an instant, the clock stopped during the paused ranges (NULL: none); over 100 once breached';

CREATE AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	FINALFUNC = @extschema@.sla_compliance,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'share of decided tickets that met their target, with pauses: (window, start, done or NULL, target, as of, paused ranges or NULL)';
-- breach explanations: one ticket's clock as a timeline of segments, each under
-- one calendar rule, whose business time adds up to sla_elapsed

CREATE FUNCTION @extschema@.sla_explain(w @extschema@.sla_window, start timestamptz, done timestamptz,
		target interval, as_of timestamptz, paused tstzmultirange DEFAULT NULL,
		merge_closed boolean DEFAULT false,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_explain(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange, boolean) IS
	'one ticket''s clock as a timeline: (window, start, done or NULL, target, as of, paused ranges or NULL, merge closed segments) gives open, closed and paused segments (after deadline once past it) with their business time and calendar rule, a deadline row and a closing row with the status';

CREATE FUNCTION @extschema@.sla_explain(w @extschema@.sla_window, start timestamptz, done timestamptz,
		target interval,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sla_explain_now' LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_explain(@extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'one ticket''s clock as a timeline as of the transaction''s start (now())';
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
