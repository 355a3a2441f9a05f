-- What drivers send (DESIGN 6b): PgJDBC binds a Java String as varchar,
-- psycopg and node-postgres send untyped text.  An IMPLICIT cast from text and
-- from varchar to every type with a text form lets such a parameter resolve
-- where the type is expected (sla_credit(?, ...), WHERE severity = ?), as
-- PostGIS does for geometry.  Each cast is the type's own input function
-- (WITH INOUT): the same text is accepted and the same errors raised.
-- varchar needs its own cast: PostgreSQL does not chain varchar -> text -> type.
-- (Casts to the types, never from them: no call that resolves to a text
-- function today can resolve differently.)

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
