-- breach explanations: one ticket's clock as a timeline of segments, each under
-- one calendar rule, whose business time adds up to sla_elapsed

CREATE FUNCTION @extschema@.sla_explain(w @extschema@.sla_window, start timestamptz, done timestamptz,
		target interval, as_of timestamptz, paused tstzmultirange DEFAULT NULL,
		merge_closed boolean DEFAULT false,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_explain(@extschema@.sla_window, timestamptz, timestamptz, interval, timestamptz, tstzmultirange, boolean) IS
	'one ticket''s clock as a timeline: (window, start, done or NULL, target, as of, paused ranges or NULL, merge closed segments) gives open, closed and paused segments (after deadline once past it) with their business time and calendar rule, a deadline row and a closing row with the status';

CREATE FUNCTION @extschema@.sla_explain(w @extschema@.sla_window, start timestamptz, done timestamptz,
		target interval,
		OUT starts timestamptz, OUT ends timestamptz, OUT kind text, OUT business interval, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sla_explain_now' LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.sla_explain(@extschema@.sla_window, timestamptz, timestamptz, interval) IS
	'one ticket''s clock as a timeline as of the transaction''s start (now())';
