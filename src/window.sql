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
