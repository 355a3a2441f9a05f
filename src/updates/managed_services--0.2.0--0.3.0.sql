-- managed_services 0.2.0 to 0.3.0 (ALTER EXTENSION managed_services UPDATE).
-- Frozen once 0.3.0 is released.  Every object added since 0.2.0, in the order
-- of the install script, and the changes to 0.2.0's objects made in place
-- (ALTER, COMMENT): no type or aggregate is dropped, so the user's columns,
-- indexes and views that use them stay.  Values stored by 0.2.0 are read by
-- the 0.3.0 module as they are.

\echo Use "ALTER EXTENSION managed_services UPDATE TO '0.3.0'" to load this file. \quit

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
