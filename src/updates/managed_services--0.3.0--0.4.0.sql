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
	'(schedule, attainment, misses, met, month) OVER (PARTITION BY contract, sla ORDER BY month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING): the service level''s month (its streak and recent misses counted from met) with its earn-back, read from the months after it; a window over the months in row order (no combine function)';
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
	'(credit_period, fee) OVER (PARTITION BY contract, contract_year ORDER BY month): the month in money under the annual cap (of fees to date, or none); a running window over the year in row order (no combine function)';
CREATE AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric, numeric) (
	SFUNC = @extschema@.credit_statement_step, STYPE = bytea, FINALFUNC = @extschema@.credit_statement_final, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.credit_statement(@extschema@.credit_period, numeric, numeric) IS
	'(credit_period, fee, annual_fees) OVER (PARTITION BY contract, contract_year ORDER BY month): the month in money under the annual cap; annual_fees is the contracted annual fee ("of contracted fees") or the year''s fees (plain "annual cap"); a running window over the year in row order (no combine function)';

-- issue 20, price terms: "minimum charge" and unit words of the user's own
-- are version-2 values of price_schedule (src/price.h); version-1 values keep
-- their bytes, so nothing stored changes.  One new accessor.
CREATE FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) IS 'the floor on the whole charge (minimum charge 5000.00); NULL when none';
COMMENT ON FUNCTION @extschema@.price_unit(@extschema@.price_schedule) IS 'what the schedule counts (unit, ticket, call, or the user''s own word as written: incident, ...); NULL when nothing is priced per unit';

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

CREATE CAST (text AS @extschema@.sla_clock_rules) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.sla_clock_rules) IS
	'sla_clock_rules from a driver''s text parameter, through sla_clock_rules''s input function';
CREATE CAST (varchar AS @extschema@.sla_clock_rules) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.sla_clock_rules) IS
	'sla_clock_rules from a driver''s varchar parameter, through sla_clock_rules''s input function';

CREATE CAST (text AS @extschema@.sla_clock) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.sla_clock) IS
	'sla_clock from a driver''s text parameter (a stored clock), through sla_clock''s input function';
CREATE CAST (varchar AS @extschema@.sla_clock) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (varchar AS @extschema@.sla_clock) IS
	'sla_clock from a driver''s varchar parameter (a stored clock), through sla_clock''s input function';
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
