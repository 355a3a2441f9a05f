-- ticket SLAs with pauses (PostgreSQL 14 and later)

CREATE FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) RETURNS text
	AS 'MODULE_PATHNAME', 'sla_status_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_status(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'met, breached or pending with the clock stopped during the paused ranges (NULL: no pauses)';

CREATE FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange)
	RETURNS @extschema@.sla_summary
	AS 'MODULE_PATHNAME', 'sla_summary_trans_paused' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_summary_trans(@extschema@.sla_summary, @extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'transition function of sla_summary_agg with pauses';

CREATE AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_summary_agg(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'summary of ticket SLAs with pauses: (window, start, done or NULL, target, as of, paused ranges or NULL)';
