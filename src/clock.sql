-- the SLA clock from a ticket's status log (DESIGN section 3b): rules,
-- the clock aggregate, and the per-ticket functions and summary over clocks

CREATE TYPE @extschema@.sla_clock_rules;
CREATE FUNCTION @extschema@.sla_clock_rules_in(cstring) RETURNS @extschema@.sla_clock_rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_rules_out(@extschema@.sla_clock_rules) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_rules_recv(internal) RETURNS @extschema@.sla_clock_rules
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_rules_send(@extschema@.sla_clock_rules) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sla_clock_rules (
	INPUT = @extschema@.sla_clock_rules_in,
	OUTPUT = @extschema@.sla_clock_rules_out,
	RECEIVE = @extschema@.sla_clock_rules_recv,
	SEND = @extschema@.sla_clock_rules_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.sla_clock_rules IS
	'the clock''s conditions over a status log, e.g. pause on ''Pending''; stop on ''Resolved'', ''Closed''; reopen continues';
COMMENT ON FUNCTION @extschema@.sla_clock_rules_in(cstring) IS 'sla_clock_rules text input';
COMMENT ON FUNCTION @extschema@.sla_clock_rules_out(@extschema@.sla_clock_rules) IS 'sla_clock_rules canonical text output';
COMMENT ON FUNCTION @extschema@.sla_clock_rules_recv(internal) IS 'sla_clock_rules binary input';
COMMENT ON FUNCTION @extschema@.sla_clock_rules_send(@extschema@.sla_clock_rules) IS 'sla_clock_rules binary output';

CREATE TYPE @extschema@.sla_clock;
CREATE FUNCTION @extschema@.sla_clock_in(cstring) RETURNS @extschema@.sla_clock
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_out(@extschema@.sla_clock) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_recv(internal) RETURNS @extschema@.sla_clock
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sla_clock_send(@extschema@.sla_clock) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sla_clock (
	INPUT = @extschema@.sla_clock_in,
	OUTPUT = @extschema@.sla_clock_out,
	RECEIVE = @extschema@.sla_clock_recv,
	SEND = @extschema@.sla_clock_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.sla_clock IS
	'one ticket''s SLA clock built from its status log by the sla_clock aggregate: start, stops, pauses, cycles and the priority timeline';
COMMENT ON FUNCTION @extschema@.sla_clock_in(cstring) IS 'sla_clock text input';
COMMENT ON FUNCTION @extschema@.sla_clock_out(@extschema@.sla_clock) IS 'sla_clock canonical text output';
COMMENT ON FUNCTION @extschema@.sla_clock_recv(internal) IS 'sla_clock binary input';
COMMENT ON FUNCTION @extschema@.sla_clock_send(@extschema@.sla_clock) IS 'sla_clock binary output';

CREATE FUNCTION @extschema@.sla_clock_trans(@extschema@.sla_clock, @extschema@.sla_clock_rules, timestamptz, text) RETURNS @extschema@.sla_clock
	AS 'MODULE_PATHNAME', 'sla_clock_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_trans(@extschema@.sla_clock, @extschema@.sla_clock_rules, timestamptz, text) IS
	'transition function of sla_clock (rules, at, status)';
CREATE FUNCTION @extschema@.sla_clock_trans(@extschema@.sla_clock, @extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) RETURNS @extschema@.sla_clock
	AS 'MODULE_PATHNAME', 'sla_clock_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_trans(@extschema@.sla_clock, @extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) IS
	'transition function of sla_clock (rules, at, status, priority)';
CREATE FUNCTION @extschema@.sla_clock_final(@extschema@.sla_clock) RETURNS @extschema@.sla_clock
	AS 'MODULE_PATHNAME', 'sla_clock_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_final(@extschema@.sla_clock) IS
	'final function of sla_clock: the clock without room to grow';
CREATE AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text) (
	SFUNC = @extschema@.sla_clock_trans,
	STYPE = @extschema@.sla_clock,
	FINALFUNC = @extschema@.sla_clock_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text) IS
	'one ticket''s clock from its status log: (rules, at, status [ORDER BY at, seq]); it puts its events in time order, those at one instant in row order (no combine function)';
CREATE AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) (
	SFUNC = @extschema@.sla_clock_trans,
	STYPE = @extschema@.sla_clock,
	FINALFUNC = @extschema@.sla_clock_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) IS
	'one ticket''s clock from its status log with priorities: (rules, at, status or NULL, priority or NULL [ORDER BY at, seq]); it puts its events in time order, those at one instant in row order (no combine function)';

CREATE FUNCTION @extschema@.sla_clock_start(@extschema@.sla_clock) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_start(@extschema@.sla_clock) IS
	'when the clock started (NULL before it has)';
CREATE FUNCTION @extschema@.sla_clock_stop(@extschema@.sla_clock) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_stop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_stop(@extschema@.sla_clock) IS
	'when the clock stopped for good: the last cycle''s stop; NULL while it runs';
CREATE FUNCTION @extschema@.sla_clock_paused(@extschema@.sla_clock) RETURNS tstzmultirange
	AS 'MODULE_PATHNAME', 'sla_clock_paused' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_paused(@extschema@.sla_clock) IS
	'the clock''s pauses (under reopen continues also the time it stood stopped before a reopening)';
CREATE FUNCTION @extschema@.sla_clock_cycles(@extschema@.sla_clock) RETURNS integer
	AS 'MODULE_PATHNAME', 'sla_clock_cycles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_cycles(@extschema@.sla_clock) IS
	'how many open-to-stop cycles the clock has (more than one only under reopen restarts)';
CREATE FUNCTION @extschema@.sla_clock_priority(@extschema@.sla_clock, timestamptz) RETURNS @extschema@.severity
	AS 'MODULE_PATHNAME', 'sla_clock_priority' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_priority(@extschema@.sla_clock, timestamptz) IS
	'the priority in force at an instant: the last one given at or before it';

CREATE FUNCTION @extschema@.sla_clock_elapsed(@extschema@.sla_window, @extschema@.sla_clock, timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_elapsed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_elapsed(@extschema@.sla_window, @extschema@.sla_clock, timestamptz) IS
	'business time on the clock (the sum of its cycles) to its stop, or to as of while it runs';
CREATE FUNCTION @extschema@.sla_clock_elapsed(@extschema@.sla_window, @extschema@.sla_clock) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_elapsed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_elapsed(@extschema@.sla_window, @extschema@.sla_clock) IS
	'business time on the clock to its stop, or to now() while it runs';
CREATE FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_clock_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'met, breached or pending (the worst of the cycles): (window, clock, target, as of)';
CREATE FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, interval) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_clock_status' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'met, breached or pending (the worst of the cycles): (window, clock, target) as of now()';
CREATE FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_clock_status_policy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'met, breached or pending (the worst of the cycles): (window, clock, policy, response or resolution, reading at creation, in force or at end, as of)';
CREATE FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_clock_status_policy' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_status(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'met, breached or pending (the worst of the cycles): (window, clock, policy, kind, reading) as of now()';
CREATE FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_deadline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'the current cycle''s deadline: (window, clock, target, as of)';
CREATE FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, interval) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'the current cycle''s deadline: (window, clock, target) as of now()';
CREATE FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_deadline_policy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'the current cycle''s deadline: (window, clock, policy, response or resolution, reading at creation, in force or at end, as of)';
CREATE FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_clock_deadline_policy' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_deadline(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'the current cycle''s deadline: (window, clock, policy, kind, reading) as of now()';
CREATE FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_remaining' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'business time left on the current cycle before its deadline, as the clock stood at its stop or as of; negative once past: (window, clock, target, as of)';
CREATE FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, interval) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_remaining' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'business time left on the current cycle before its deadline, as the clock stood at its stop or as of; negative once past: (window, clock, target) as of now()';
CREATE FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_remaining_policy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'business time left on the current cycle before its deadline, as the clock stood at its stop or as of; negative once past: (window, clock, policy, response or resolution, reading at creation, in force or at end, as of)';
CREATE FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_clock_remaining_policy' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_remaining(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'business time left on the current cycle before its deadline, as the clock stood at its stop or as of; negative once past: (window, clock, policy, kind, reading) as of now()';
CREATE FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_clock_percent_used' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'percent of the target used by the current cycle, as the clock stood at its stop or as of: (window, clock, target, as of)';
CREATE FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, interval) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_clock_percent_used' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'percent of the target used by the current cycle, as the clock stood at its stop or as of: (window, clock, target) as of now()';
CREATE FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_clock_percent_used_policy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'percent of the target used by the current cycle, as the clock stood at its stop or as of: (window, clock, policy, response or resolution, reading at creation, in force or at end, as of)';
CREATE FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_clock_percent_used_policy' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_percent_used(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'percent of the target used by the current cycle, as the clock stood at its stop or as of: (window, clock, policy, kind, reading) as of now()';

CREATE FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_clock_summary_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'transition function of sla_clock_summary_agg (window, clock, target, as of)';
CREATE FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, interval) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_clock_summary_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'transition function of sla_clock_summary_agg as of now()';
CREATE FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_clock_summary_trans_policy' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'transition function of sla_clock_summary_agg (window, clock, policy, kind, reading, as of)';
CREATE FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_clock_summary_trans_policy' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_clock_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'transition function of sla_clock_summary_agg (window, clock, policy, kind, reading) as of now()';
CREATE AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) (
	SFUNC = @extschema@.sla_clock_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz) IS
	'summary of ticket SLAs over clocks, one ticket per clock: (window, clock, target, as of)';
CREATE AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, interval) (
	SFUNC = @extschema@.sla_clock_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'summary of ticket SLAs over clocks as of now(): (window, clock, target)';
CREATE AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) (
	SFUNC = @extschema@.sla_clock_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'summary of ticket SLAs over clocks with a priority reading: (window, clock, policy, kind, reading, as of)';
CREATE AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) (
	SFUNC = @extschema@.sla_clock_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock_summary_agg(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text) IS
	'summary of ticket SLAs over clocks with a priority reading as of now(): (window, clock, policy, kind, reading)';

CREATE FUNCTION @extschema@.sla_clock_explain(w @extschema@.sla_window, clock @extschema@.sla_clock, target interval,
		as_of timestamptz, merge_closed boolean DEFAULT false,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sla_clock_explain' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_clock_explain(@extschema@.sla_window, @extschema@.sla_clock, interval, timestamptz, boolean) IS
	'a clock''s timeline as sla_explain gives it, per cycle: a row naming the status that started (or reopened) it, each paused piece naming the statuses behind the pause';
CREATE FUNCTION @extschema@.sla_clock_explain(w @extschema@.sla_window, clock @extschema@.sla_clock, target interval,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sla_clock_explain' LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_clock_explain(@extschema@.sla_window, @extschema@.sla_clock, interval) IS
	'a clock''s timeline as of the transaction''s start (now())';
CREATE FUNCTION @extschema@.sla_clock_explain(w @extschema@.sla_window, clock @extschema@.sla_clock, policy @extschema@.sla_policy,
		metric text, reading text, as_of timestamptz,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sla_clock_explain_policy' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_clock_explain(@extschema@.sla_window, @extschema@.sla_clock, @extschema@.sla_policy, text, text, timestamptz) IS
	'a clock''s timeline with a priority reading, per cycle: the row naming its status, a row per priority period with its target, then the timeline against the target the reading gives the cycle (as sla_clock_status judges it): (window, clock, policy, response or resolution, reading at creation, in force or at end, as of)';
