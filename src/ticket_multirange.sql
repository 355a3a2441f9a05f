-- ticket SLAs with pauses

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

CREATE FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) RETURNS interval
	AS 'MODULE_PATHNAME', 'sla_remaining_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_remaining(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) IS
	'business time left on the ticket''s clock (stopped during the paused ranges; NULL: none) as of an instant; NULL when a business-day deadline never comes';

CREATE FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sla_percent_used_paused' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sla_percent_used(@extschema@.sla_window, timestamptz, interval, timestamptz, tstzmultirange) IS
	'percent of the target''s business time used as of an instant, the clock stopped during the paused ranges (NULL: none); over 100 once breached';

CREATE AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) (
	SFUNC = @extschema@.sla_summary_trans,
	STYPE = @extschema@.sla_summary,
	COMBINEFUNC = @extschema@.sla_summary_combine,
	FINALFUNC = @extschema@.sla_compliance,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sla_compliance(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange) IS
	'share of decided tickets that met their target, with pauses: (window, start, done or NULL, target, as of, paused ranges or NULL)';
