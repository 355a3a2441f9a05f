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
