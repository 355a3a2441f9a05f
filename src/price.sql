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

-- price_charge is the name to call: charge() is also pg_catalog.charge("char",
-- "char") (the >= of "char"), so charge('per unit 4.50', '10') with untyped
-- arguments, as psycopg and node-postgres send them, is not unique (42725).
-- charge() stays for typed calls (a price_schedule column, numeric units).
CREATE FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric) IS
	'the month''s charge for a number of units, exact, rounded half-up to cents; 22023 when the schedule has a share';
CREATE FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_charge(@extschema@.price_schedule, numeric, numeric) IS
	'the month''s charge for (units, base amount of the share), rounded half-up to cents; NULL schedule or units give NULL, a NULL base is no base';
CREATE FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric) IS
	'price_charge() under its first name, for typed calls only: charge(unknown, unknown) also matches pg_catalog.charge("char", "char")';
CREATE FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'price_charge' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.charge(@extschema@.price_schedule, numeric, numeric) IS
	'price_charge(schedule, units, base) under its first name, for typed calls';

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
CREATE FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_minimum_charge(@extschema@.price_schedule) IS 'the floor on the whole charge (minimum charge 5000.00); NULL when none';
CREATE FUNCTION @extschema@.price_unit(@extschema@.price_schedule) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_unit(@extschema@.price_schedule) IS 'what the schedule counts (unit, ticket, call, or the user''s own word as written: incident, ...); NULL when nothing is priced per unit';
CREATE FUNCTION @extschema@.price_tier(@extschema@.price_schedule, numeric) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_tier(@extschema@.price_schedule, numeric) IS 'the tier (1, 2, ...) that a number of units reaches; NULL without tiers';
CREATE FUNCTION @extschema@.price_rate(@extschema@.price_schedule, numeric) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.price_rate(@extschema@.price_schedule, numeric) IS
	'the unit rate at a number of units: the per-unit (overage) rate, or the rate of the tier reached; NULL when nothing is priced per unit';
