-- Helpers shared by the benchmarks, loaded once by bench/run.sh into the
-- database ms_bench (after CREATE EXTENSION managed_services).
--
--   bench.time_ms(query, reps)      best wall time in ms of a query over reps runs
--   bench.time_many(queries, reps)  the same for several queries, run in turn (round
--                                   robin) so that load from elsewhere hits all alike
--   bench.record(bench, metric, ext_ms, base_ms, target, ext_rows, base_rows)
--                                   stores one measured ratio in bench_results and
--                                   returns (and RAISEs as a NOTICE) a readable line
--   bench.compare(bench, metric, ext_query, base_query, target, ext_rows, base_rows, reps)
--                                   times both queries (alternating, best of reps) and records
--   bench.ns(ms, rows)              nanoseconds per row
--
-- Every bench file sets, for stable per-row ratios:
--   SET jit = off; SET max_parallel_workers_per_gather = 0;
-- (also made the database default below).

CREATE SCHEMA bench;

DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
	EXECUTE format('ALTER DATABASE %I SET max_parallel_workers_per_gather = 0', current_database());
END
$$;

-- One row per measured ratio.  ratio is what the target constrains:
--   target '<= X': ratio = extension time / baseline time (per row when row
--                  counts are given); lower is better.
--   target '>= X': ratio = baseline time / extension time (per row), i.e. how
--                  many times faster the extension is; higher is better.
--   target 'info': reported only (ratio = ext / base), met is NULL;
--   'info (speed-up)': reported only, ratio = base / ext.
CREATE TABLE bench_results (
	bench     text NOT NULL,
	metric    text NOT NULL,
	ext_ms    float8,
	base_ms   float8,
	ratio     float8,
	target    text,
	met       bool,
	ext_rows  bigint,
	base_rows bigint,
	seq       serial
);

CREATE FUNCTION bench.ns(ms float8, nrows bigint) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$ SELECT ms * 1e6 / nullif(nrows, 0) $$;

-- Best wall time (ms) of the query over reps runs, measured with clock_timestamp().
--
-- The query runs as SELECT count(q) FROM (<query>) q: a whole-row reference, so
-- the output size does not matter and yet every output column is computed.
-- (Do NOT use count(*) there: the planner then drops unreferenced output
-- columns of the subquery, replacing e.g. sum(sla_elapsed(...)) by NULL, and
-- the function is never called.)  Prefer aggregate queries (one output row):
-- then the wrapper costs nothing per row.
CREATE FUNCTION bench.time_ms(query text, reps int DEFAULT 3) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	best float8;
	t0   timestamptz;
	ms   float8;
	n    bigint;
BEGIN
	FOR i IN 1 .. greatest(reps, 1) LOOP
		t0 := clock_timestamp();
		EXECUTE 'SELECT count(q) FROM (' || query || ') q' INTO n;
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		best := least(best, ms);
	END LOOP;
	RETURN best;
END
$$;

-- A number with d decimals, right-aligned in at least width characters.
CREATE FUNCTION bench.fmt(x float8, width int, d int DEFAULT 1) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN length(s) < width THEN lpad(s, width) ELSE s END
	FROM (SELECT coalesce(round(x::numeric, d)::text, '-') AS s) v
$$;

-- Store one result and return a readable line (also RAISEd as a NOTICE).
--   target: '<= 3.0', '>= 100', 'info' or 'info (speed-up)' (see bench_results above)
--   ext_rows / base_rows: rows each timing covers; when both are given the
--   ratio compares per-row times (they may differ, e.g. a 1M-row run against a
--   2 000-row sample).
CREATE FUNCTION bench.record(p_bench text, p_metric text, p_ext_ms float8, p_base_ms float8,
							 p_target text, p_ext_rows bigint DEFAULT NULL, p_base_rows bigint DEFAULT NULL)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	op    text := split_part(btrim(p_target), ' ', 1);
	lim   float8;
	e     float8 := p_ext_ms;
	b     float8 := p_base_ms;
	r     float8;
	ok    bool;
	line  text;
BEGIN
	IF p_ext_rows IS NOT NULL AND p_base_rows IS NOT NULL THEN
		e := p_ext_ms / p_ext_rows;
		b := p_base_ms / p_base_rows;
	END IF;
	IF op IN ('<=', '>=') THEN
		lim := split_part(btrim(p_target), ' ', 2)::float8;
		IF op = '<=' THEN
			r := e / nullif(b, 0);
			ok := r <= lim;
		ELSE
			r := b / nullif(e, 0);
			ok := r >= lim;
		END IF;
	ELSIF p_target LIKE '%speed-up%' THEN
		r := b / nullif(e, 0);
		ok := NULL;
	ELSE
		r := e / nullif(b, 0);
		ok := NULL;
	END IF;
	INSERT INTO bench_results (bench, metric, ext_ms, base_ms, ratio, target, met, ext_rows, base_rows)
	VALUES (p_bench, p_metric, p_ext_ms, p_base_ms, r, p_target, ok, p_ext_rows, p_base_rows);
	line := format('[%s] %s: ext %s ms (%s ns/row), base %s ms (%s ns/row), ratio %s, target %s: %s',
				   p_bench, p_metric,
				   bench.fmt(p_ext_ms, 1, CASE WHEN abs(p_ext_ms) < 10 THEN 3 ELSE 1 END),
				   bench.fmt(bench.ns(p_ext_ms, p_ext_rows), 1, 1),
				   bench.fmt(p_base_ms, 1, CASE WHEN abs(p_base_ms) < 10 THEN 3 ELSE 1 END),
				   bench.fmt(bench.ns(p_base_ms, p_base_rows), 1, 1),
				   bench.fmt(r, 1, 2), p_target,
				   CASE WHEN ok THEN 'met' WHEN NOT ok THEN 'MISSED' ELSE 'info' END);
	RAISE NOTICE '%', line;
	RETURN line;
END
$$;

-- Best wall time (ms) of each query, the queries run in turn reps times after
-- one uncounted warm-up round.
CREATE FUNCTION bench.time_many(queries text[], reps int DEFAULT 3) RETURNS float8[]
LANGUAGE plpgsql AS $$
DECLARE
	best float8[] := array_fill(NULL::float8, ARRAY[cardinality(queries)]);
BEGIN
	FOR q IN 1 .. cardinality(queries) LOOP
		PERFORM bench.time_ms(queries[q], 1);
	END LOOP;
	FOR i IN 1 .. greatest(reps, 1) LOOP
		FOR q IN 1 .. cardinality(queries) LOOP
			best[q] := least(best[q], bench.time_ms(queries[q], 1));
		END LOOP;
	END LOOP;
	RETURN best;
END
$$;

-- Time an extension query against a baseline query, alternating the runs so
-- that drift (CPU frequency, caches, load) hits both alike, and record the ratio.
CREATE FUNCTION bench.compare(p_bench text, p_metric text, p_ext_query text, p_base_query text,
							  p_target text, p_ext_rows bigint DEFAULT NULL, p_base_rows bigint DEFAULT NULL,
							  p_reps int DEFAULT 3)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t float8[] := bench.time_many(ARRAY[p_ext_query, p_base_query], p_reps);
BEGIN
	RETURN bench.record(p_bench, p_metric, t[1], t[2], p_target, p_ext_rows, p_base_rows);
END
$$;

-- After loading data: flush it (so that the checkpointer does not write it out
-- while queries are timed) and let autovacuum see the tables as analyzed.
-- CHECKPOINT needs superuser or pg_checkpoint; without them this is skipped.
CREATE FUNCTION bench.settle() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	BEGIN
		EXECUTE 'CHECKPOINT';
	EXCEPTION WHEN insufficient_privilege THEN
		RAISE NOTICE 'bench.settle: no privilege for CHECKPOINT, skipped';
	END;
END
$$;
