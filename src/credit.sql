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

-- issue 20: sla_earn_back with counts of another number type, as the other
-- count-taking functions (the docs' count(*) ... OVER recipe passes a bigint)

CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, numeric[]) IS
	'sla_earn_back with a streak of another number type (a whole number)';
CREATE FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, double precision, numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'sla_earn_back_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_earn_back(@extschema@.credit_schedule, numeric, double precision, double precision, numeric[]) IS
	'sla_earn_back with counts (streak, recent_misses) of another number type, whole numbers (count(*) ... OVER gives a bigint)';

-- issue 20: the terms of 0.4.0

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
