-- managed_services 0.2.0 to 0.3.0 (ALTER EXTENSION managed_services UPDATE).
-- Frozen once 0.3.0 is released.  Every object added since 0.2.0, in the order
-- of the install script, and the changes to 0.2.0's objects made in place
-- (ALTER, COMMENT): no type or aggregate is dropped, so the user's columns,
-- indexes and views that use them stay.  Values stored by 0.2.0 are read by
-- the 0.3.0 module as they are.

\echo Use "ALTER EXTENSION managed_services UPDATE TO '0.3.0'" to load this file. \quit

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

-- issue 17: the escalation step as an ordered value (escalation_step) and
-- counts of any number type (double precision overloads)

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

-- issue 17: breach explanations (sla_explain)

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

-- issue 16: new credit terms: caps beyond one service level (period, annual,
-- chronic) and partial earn-back (the credit_schedule type reads 0.2.0 values as they are)

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

-- issue 16: the zones a window accepts
CREATE FUNCTION @extschema@.sla_timezone_names() RETURNS TABLE (name text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 1200;
COMMENT ON FUNCTION @extschema@.sla_timezone_names() IS
	'the time zone names a window accepts, as it spells them: those of pg_timezone_names but localtime and posixrules';
