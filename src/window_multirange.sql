-- sla_window with pauses and multiranges

CREATE FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_elapsed_multirange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, tstzmultirange) IS
	'business time inside the ranges: the clock of a ticket with its pauses removed (build it with range_agg)';

CREATE FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_elapsed_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_elapsed(@extschema@.sla_window, timestamptz, timestamptz, tstzmultirange) IS
	'business time between two instants with the clock stopped during the paused ranges (NULL: no pauses)';

CREATE FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval, tstzmultirange) RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sla_deadline_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_deadline(@extschema@.sla_window, timestamptz, interval, tstzmultirange) IS
	'when the SLA clock started at a reaches the target, the clock stopped during the paused ranges (NULL: no pauses); infinity when a pause never ends';
