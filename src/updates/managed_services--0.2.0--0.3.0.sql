-- managed_services 0.2.0 to 0.3.0 (ALTER EXTENSION managed_services UPDATE).
-- Frozen once 0.3.0 is released.  Every object added since 0.2.0, in the order
-- of the install script, and the changes to 0.2.0's objects made in place
-- (ALTER, COMMENT): no type or aggregate is dropped, so the user's columns,
-- indexes and views that use them stay.  Values stored by 0.2.0 are read by
-- the 0.3.0 module as they are.

\echo Use "ALTER EXTENSION managed_services UPDATE TO '0.3.0'" to load this file. \quit

-- issue 16: the zones a window accepts
CREATE FUNCTION @extschema@.sla_timezone_names() RETURNS TABLE (name text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 1200;
COMMENT ON FUNCTION @extschema@.sla_timezone_names() IS
	'the time zone names a window accepts, as it spells them: those of pg_timezone_names but localtime and posixrules';
