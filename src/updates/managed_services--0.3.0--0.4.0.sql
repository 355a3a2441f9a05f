-- managed_services 0.3.0 to 0.4.0 (ALTER EXTENSION managed_services UPDATE).
-- Frozen once 0.4.0 is released.  Every object added since 0.3.0, in the order
-- of the install script, and the changes to 0.3.0's objects made in place
-- (ALTER, COMMENT): no type or aggregate is dropped, so the user's columns,
-- indexes and views that use them stay.  Values stored by 0.3.0 are read by
-- the 0.4.0 module as they are.

\echo Use "ALTER EXTENSION managed_services UPDATE TO '0.4.0'" to load this file. \quit

-- issue 20: the monthly credit statement and the new credit and price terms
CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, numeric[]) IS
	'sla_earn_back with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, double precision, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, double precision, numeric[]) IS
	'sla_earn_back with counts (streak, recent_misses) of another number type, whole numbers (count(*) ... OVER gives a bigint)';

CREATE FUNCTION @extschema@.credit_chronic_period_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME', 'credit_chronic_period_cap_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_chronic_period_cap(@extschema@.credit_schedule) IS
	'the period cap on all service levels of a contract together while any of them is chronic ("chronic period cap"), as a share of the period''s fee; NULL without one';
CREATE FUNCTION @extschema@.credit_annual_cap_base(@extschema@.credit_schedule) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_annual_cap_base_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_annual_cap_base(@extschema@.credit_schedule) IS
	'what the annual cap is a share of: ''fees'' (the year''s fees), ''contracted fees'' or ''fees to date''; NULL without "annual cap"';

-- issue 20: the monthly credit statement as three aggregates, in DESIGN
-- 5b's order: credit_line per service level and month (a window looking
-- forward, for earn-back), credit_period per contract and month (GROUP BY:
-- the period cap), credit_statement over the contract year (a running
-- window: the annual cap, year to date, owed).  States are bytea, a concrete
-- type whose text form round-trips exactly; the two order-dependent ones
-- have no combine function.

CREATE TYPE @extschema@.credit_line AS (share numeric, chronic boolean, cap_bound boolean, forgiven numeric, confirmed_in date,
                                        streak integer, recent_misses integer);
COMMENT ON TYPE @extschema@.credit_line IS
	'one service level''s month in a credit statement: its share of the fee (band + per miss, chronic, its own cap, as sla_credit), chronic, whether its own cap cut it, the share forgiven by earn-back and the month that confirmed it, the streak of missed months and the misses among the last N';
CREATE TYPE @extschema@.credit_period AS (credits numeric, forgiven numeric, period_cap numeric, share numeric,
                                          share_before_earn_back numeric, chronic boolean, service_level_cap_bound boolean,
                                          period_cap_bound boolean, confirmed_in date, annual_cap numeric, annual_cap_base text);
COMMENT ON TYPE @extschema@.credit_period IS
	'a contract''s month in a credit statement: the service levels'' shares summed, the share forgiven, the period cap in force, the capped share (with and without the forgiveness), whether any service level is chronic, which caps cut, the annual cap terms';
CREATE TYPE @extschema@.credit_statement AS (fee numeric, amount numeric, annual_cap numeric, year_to_date numeric,
                                             owed numeric, forgiven numeric, caps_bound text[]);
COMMENT ON TYPE @extschema@.credit_statement IS
	'a contract''s month in a credit statement, in money: the fee, the amount after the period cap, the annual cap in force, the year to date, what is owed, the money forgiven by earn-back, and every cap that cut the amount';

CREATE FUNCTION @extschema@.credit_line_step(bytea, @extschema@.credit_schedule, numeric, integer, boolean, date) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_line_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_line_step(bytea, @extschema@.credit_schedule, numeric, integer, boolean, date) IS 'credit_line transition';
CREATE FUNCTION @extschema@.credit_line_inverse(bytea, @extschema@.credit_schedule, numeric, integer, boolean, date) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_line_inverse' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_line_inverse(bytea, @extschema@.credit_schedule, numeric, integer, boolean, date) IS 'credit_line inverse transition: the current month leaves the frame';
CREATE FUNCTION @extschema@.credit_line_final(bytea) RETURNS @extschema@.credit_line
	AS 'MODULE_PATHNAME', 'credit_line_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_line_final(bytea) IS 'credit_line final: the current month''s line';
CREATE AGGREGATE @extschema@.credit_line(@extschema@.credit_schedule, numeric, integer, boolean, date) (
	SFUNC = @extschema@.credit_line_step, STYPE = bytea, FINALFUNC = @extschema@.credit_line_final,
	MSFUNC = @extschema@.credit_line_step, MINVFUNC = @extschema@.credit_line_inverse, MSTYPE = bytea,
	MFINALFUNC = @extschema@.credit_line_final, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.credit_line(@extschema@.credit_schedule, numeric, integer, boolean, date) IS
	'(schedule, attainment, misses, met, month) OVER (PARTITION BY contract, sla ORDER BY month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING): the service level''s month (its streak and recent misses counted from met) with its earn-back, read from the months after it';
CREATE FUNCTION @extschema@.credit_period_step(bytea, @extschema@.credit_schedule, @extschema@.credit_line) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_period_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_period_step(bytea, @extschema@.credit_schedule, @extschema@.credit_line) IS 'credit_period transition';
CREATE FUNCTION @extschema@.credit_period_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_period_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_period_combine(bytea, bytea) IS 'credit_period combine: merges the service levels of two partial states';
CREATE FUNCTION @extschema@.credit_period_final(bytea) RETURNS @extschema@.credit_period
	AS 'MODULE_PATHNAME', 'credit_period_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_period_final(bytea) IS 'credit_period final';
CREATE AGGREGATE @extschema@.credit_period(@extschema@.credit_schedule, @extschema@.credit_line) (
	SFUNC = @extschema@.credit_period_step, STYPE = bytea, COMBINEFUNC = @extschema@.credit_period_combine,
	FINALFUNC = @extschema@.credit_period_final, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.credit_period(@extschema@.credit_schedule, @extschema@.credit_line) IS
	'(schedule, credit_line) ... GROUP BY contract, month: the service levels of a contract''s month together under the period cap in force (the chronic period cap while any is chronic)';

CREATE FUNCTION @extschema@.credit_statement_step(bytea, @extschema@.credit_period, numeric) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_statement_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_statement_step(bytea, @extschema@.credit_period, numeric) IS 'credit_statement transition';
CREATE FUNCTION @extschema@.credit_statement_step(bytea, @extschema@.credit_period, numeric, numeric) RETURNS bytea
	AS 'MODULE_PATHNAME', 'credit_statement_step' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_statement_step(bytea, @extschema@.credit_period, numeric, numeric) IS 'credit_statement transition, with the annual fees';
CREATE FUNCTION @extschema@.credit_statement_final(bytea) RETURNS @extschema@.credit_statement
	AS 'MODULE_PATHNAME', 'credit_statement_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_statement_final(bytea) IS 'credit_statement final: the current month';
CREATE AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric) (
	SFUNC = @extschema@.credit_statement_step, STYPE = bytea, FINALFUNC = @extschema@.credit_statement_final, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric) IS
	'(credit_period, fee) OVER (PARTITION BY contract, contract_year ORDER BY month): the month in money under the annual cap (of fees to date, or none)';
CREATE AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric, numeric) (
	SFUNC = @extschema@.credit_statement_step, STYPE = bytea, FINALFUNC = @extschema@.credit_statement_final, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric, numeric) IS
	'(credit_period, fee, annual_fees) OVER (PARTITION BY contract, contract_year ORDER BY month): the month in money under the annual cap; annual_fees is the contracted annual fee ("of contracted fees") or the year''s fees (plain "annual cap")';

-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
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
	'one ticket''s clock from its status log: (rules, at, status ORDER BY at, seq)';
CREATE AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) (
	SFUNC = @extschema@.sla_clock_trans,
	STYPE = @extschema@.sla_clock,
	FINALFUNC = @extschema@.sla_clock_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_clock(@extschema@.sla_clock_rules, timestamptz, text, @extschema@.severity) IS
	'one ticket''s clock from its status log with priorities: (rules, at, status or NULL, priority or NULL ORDER BY at, seq)';

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
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
-- (end of the issue 22 section)



-- issue 23: hardening and scale
-- (end of the issue 23 section)
