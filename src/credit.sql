-- service credits: credit_schedule (a contract's penalty terms), the credit a
-- period earns, the escalation ladder and the termination right

CREATE TYPE @extschema@.credit_schedule;
CREATE FUNCTION @extschema@.credit_schedule_in(cstring) RETURNS @extschema@.credit_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_out(@extschema@.credit_schedule) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_recv(internal) RETURNS @extschema@.credit_schedule
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.credit_schedule_send(@extschema@.credit_schedule) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.credit_schedule (
	INPUT = @extschema@.credit_schedule_in,
	OUTPUT = @extschema@.credit_schedule_out,
	RECEIVE = @extschema@.credit_schedule_recv,
	SEND = @extschema@.credit_schedule_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = main
);
COMMENT ON TYPE @extschema@.credit_schedule IS
	'a contract''s service-credit terms, e.g. ''below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%''';
COMMENT ON FUNCTION @extschema@.credit_schedule_in(cstring) IS 'credit_schedule text input';
COMMENT ON FUNCTION @extschema@.credit_schedule_out(@extschema@.credit_schedule) IS 'credit_schedule canonical text output';
COMMENT ON FUNCTION @extschema@.credit_schedule_recv(internal) IS 'credit_schedule binary input';
COMMENT ON FUNCTION @extschema@.credit_schedule_send(@extschema@.credit_schedule) IS 'credit_schedule binary output';

CREATE FUNCTION @extschema@.credit_schedule_eq(@extschema@.credit_schedule, @extschema@.credit_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_eq(@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'same terms';
CREATE FUNCTION @extschema@.credit_schedule_ne(@extschema@.credit_schedule, @extschema@.credit_schedule) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_ne(@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'different terms';
CREATE FUNCTION @extschema@.credit_schedule_hash(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_hash(@extschema@.credit_schedule) IS 'hash of a credit_schedule';
CREATE FUNCTION @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint) IS 'seeded hash of a credit_schedule';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.credit_schedule, RIGHTARG = @extschema@.credit_schedule,
	FUNCTION = @extschema@.credit_schedule_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.credit_schedule, RIGHTARG = @extschema@.credit_schedule,
	FUNCTION = @extschema@.credit_schedule_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'same terms';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.credit_schedule, @extschema@.credit_schedule) IS 'different terms';
CREATE OPERATOR CLASS @extschema@.credit_schedule_hash_ops
	DEFAULT FOR TYPE @extschema@.credit_schedule USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.credit_schedule_hash(@extschema@.credit_schedule),
		FUNCTION 2 @extschema@.credit_schedule_hash_extended(@extschema@.credit_schedule, bigint);

-- the credit of one service level in one period.  Not STRICT: a NULL
-- attainment (nothing measured) reaches no band, while per-miss credits and
-- the chronic rule still apply; a NULL in any other argument gives NULL.

CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer) IS
	'share of the fee owed: (schedule, attainment, misses, streak): worst band reached + misses x per-miss credit, then the chronic rule, then the cap; attainment is a share (0.999) for percentage thresholds';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, numeric, integer, integer, integer) IS
	'share of the fee owed: (schedule, attainment, misses, streak, recent_misses), recent_misses counting the misses among the last N periods of the "K of N" rules';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer) IS
	'sla_credit of a double attainment (availability(), sla_compliance()), taken as the shortest decimal it prints as';
CREATE FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit(@extschema@.credit_schedule, double precision, integer, integer, integer) IS
	'sla_credit of a double attainment, with recent_misses';

CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer) IS
	'credit owed in money: (schedule, fee, attainment, misses, streak): fee x sla_credit, rounded half-up to cents';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, numeric, integer, integer, integer) IS
	'credit owed in money: (schedule, fee, attainment, misses, streak, recent_misses), rounded half-up to cents';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer) IS
	'sla_credit_amount of a double attainment (availability(), sla_compliance())';
CREATE FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer, integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_credit_amount_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_credit_amount(@extschema@.credit_schedule, numeric, double precision, integer, integer, integer) IS
	'sla_credit_amount of a double attainment, with recent_misses';

-- the escalation ladder and the rules behind it

CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer) IS
	'the highest rung reached by a streak of consecutive misses: ok, warning, remediation, penalty or termination';
CREATE FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer, integer) RETURNS text
	AS 'MODULE_PATHNAME', 'credit_escalation_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.escalation(@extschema@.credit_schedule, integer, integer) IS
	'the highest rung reached by (streak, recent_misses): ok, warning, remediation, penalty or termination';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer) IS
	'whether a streak of consecutive misses gives the customer the right to terminate';
CREATE FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_termination_right' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.termination_right(@extschema@.credit_schedule, integer, integer) IS
	'whether (streak, recent_misses) gives the customer the right to terminate';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer) IS
	'whether a streak of consecutive misses is a chronic failure under the schedule''s chronic rule';
CREATE FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer, integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'credit_chronic_failure' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronic_failure(@extschema@.credit_schedule, integer, integer) IS
	'whether (streak, recent_misses) is a chronic failure under the schedule''s chronic rule';

-- accessors

CREATE FUNCTION @extschema@.credit_cap(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_cap(@extschema@.credit_schedule) IS
	'the most one period can be credited, as a share of the fee: the cap, else the amount at risk, else 1';
CREATE FUNCTION @extschema@.credit_at_risk(@extschema@.credit_schedule) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.credit_at_risk(@extschema@.credit_schedule) IS
	'the share of the fee at risk (the cap of all service levels of a period together); NULL without an at-risk pool';
CREATE FUNCTION @extschema@.earn_back_periods(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_earn_back_periods' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.earn_back_periods(@extschema@.credit_schedule) IS
	'met periods in a row after which a non-chronic credit is forgiven; NULL without earn-back';
CREATE FUNCTION @extschema@.recent_periods(@extschema@.credit_schedule) RETURNS integer
	AS 'MODULE_PATHNAME', 'credit_recent_periods' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_periods(@extschema@.credit_schedule) IS
	'the N of the schedule''s "K of N" rules (recent_misses counts misses among the last N periods); NULL without such rules';

-- issue 17: the escalation step as an ordered value (max() over service
-- levels is the worst step), and counts of any number type for every
-- function that takes counts: count(*) ... OVER, as the recent_misses recipe
-- builds it, is a bigint.  The overloads take double precision, the
-- preferred numeric type, so that a NULL or an untyped parameter still
-- resolves to one function (a bigint overload would make those ambiguous);
-- the C side takes whole numbers in the integer range only.

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

-- issue 16: caps beyond one service level (period, annual, chronic) and
-- partial earn-back

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
