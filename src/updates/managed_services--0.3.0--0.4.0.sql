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

-- issue 20, price terms: "minimum charge" and unit words of the user's own
-- are version-2 values of price_schedule (src/price.h); version-1 values keep
-- their bytes, so nothing stored changes.  One new accessor.
CREATE FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) IS 'the floor on the whole charge (minimum charge 5000.00); NULL when none';
COMMENT ON FUNCTION @extschema@.price_unit(@extschema@.price_schedule) IS 'what the schedule counts (unit, ticket, call, or the user''s own word as written: incident, ...); NULL when nothing is priced per unit';

-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
-- (end of the issue 22 section)



-- issue 23: hardening and scale
-- (end of the issue 23 section)
