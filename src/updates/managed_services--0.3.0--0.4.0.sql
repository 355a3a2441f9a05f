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

-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
-- (end of the issue 22 section)



-- issue 23: hardening and scale
-- (end of the issue 23 section)
