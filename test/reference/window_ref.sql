-- Slow, obviously-right reference implementation of sla_window semantics.
--
-- Loaded by test/window_reference.sql (\ir) and usable on its own in psql:
--     \i test/reference/window_ref.sql
--     SELECT ref.elapsed(s.spec, '2026-03-02 16:00+00', '2026-03-03 12:00+00')
--     FROM ref.random_window(0.5) s;
-- It needs no extension: the C type is compared against it, never used by it.
--
-- A window is given as a structured spec instead of text:
--     {"zone": "Europe/Berlin",
--      "holidays": ["2026-12-25", ...],
--      "days": {"1": [[540, 1020]], ..., "7": []},
--      "special": {"2026-12-24": [[540, 720]], ...}}
-- "days" maps ISO weekdays (1 = Mon .. 7 = Sun) to day-parts [s, e) in minutes of the local day,
-- 0 <= s < e <= 1440, with overnight ranges already split (the part after midnight is listed
-- under the next weekday).  "special" maps dates to the day-parts that replace their weekday's
-- on that date (never a holiday).  "zone" defaults to UTC, "holidays" and "special" to none.
--
-- Definition implemented literally (the C code implements the same):
--   for each local date D that is not a holiday, for each day-part [s, e) of D (its special
--   hours when it has some, else its weekday's),
--   the open interval is [(D + s)::timestamp AT TIME ZONE zone, (D + e)::timestamp AT TIME ZONE zone),
--   kept only when its end is after its start (PostgreSQL's own conversion decides DST gaps and
--   overlaps); the open set is the union of those intervals.
--
-- Everything here is independent of the session's TimeZone and DateStyle: local wall times are
-- only ever obtained with AT TIME ZONE <window zone>, and only pure-time intervals (no day or
-- month field) are ever added to a timestamptz.
--
-- Correctness over speed: the open set is rebuilt, day by day, for exactly the local dates a
-- question needs (plus 2 days of margin on each side), and searches that go forward without a
-- known end rebuild it over a growing range of dates.

CREATE SCHEMA IF NOT EXISTS ref;

-------------------------------------------------------------------------------------------------
-- Small helpers
-------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION ref.zone(spec jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(spec->>'zone', 'UTC')
$$;

-- The local (wall-clock) date of instant t in the window's zone.
CREATE OR REPLACE FUNCTION ref.local_date(spec jsonb, t timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT (t AT TIME ZONE ref.zone(spec))::date
$$;

-- 00:00 UTC of date d, as an instant.  Used to bound the instants for which an open set built
-- over a range of local dates is known to be complete (see ref.open_set).
CREATE OR REPLACE FUNCTION ref.utc_midnight(d date) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
    SELECT d::timestamp AT TIME ZONE 'UTC'
$$;

CREATE OR REPLACE FUNCTION ref.is_holiday(spec jsonb, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(spec->'holidays', '[]'::jsonb) ? to_char(d, 'YYYY-MM-DD')
$$;

-- The day-parts [s, e) (minutes) of date d, ignoring holidays: its special hours when it has
-- some, else its weekday's.
CREATE OR REPLACE FUNCTION ref.day_parts(spec jsonb, d date) RETURNS TABLE (s int, e int)
LANGUAGE sql IMMUTABLE AS $$
    SELECT (p->>0)::int, (p->>1)::int
    FROM jsonb_array_elements(coalesce(spec->'special'->to_char(d, 'YYYY-MM-DD'),
                                       spec->'days'->(extract(isodow FROM d)::int::text),
                                       '[]'::jsonb)) AS p
    ORDER BY 1
$$;

-- A business date: not a holiday, and its weekday has at least one day-part.
CREATE OR REPLACE FUNCTION ref.is_business_date(spec jsonb, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT NOT ref.is_holiday(spec, d) AND EXISTS (SELECT FROM ref.day_parts(spec, d))
$$;

-- Does any weekday have a day-part at all?  (If not, the window is never open.)
CREATE OR REPLACE FUNCTION ref.has_hours(spec jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT EXISTS (SELECT FROM jsonb_each(coalesce(spec->'days', '{}'::jsonb)) AS kv
                   WHERE jsonb_array_length(kv.value) > 0)
$$;

-- True when every local date from d on is entirely open: all seven weekdays are covered
-- 00:00-24:00 and no holiday and no special date other than 00:00-24:00 falls on or after d.  Then consecutive dates' intervals
-- [(D 00:00) AT TIME ZONE z, (D+1 00:00) AT TIME ZONE z) share their end points, so the open
-- set contains every instant from (d 00:00) AT TIME ZONE z on, and nothing ever closes again.
CREATE OR REPLACE FUNCTION ref.always_open_from(spec jsonb, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT (SELECT count(*) = 7
            FROM (SELECT w, range_agg(int4range((p->>0)::int, (p->>1)::int)) AS covered
                  FROM generate_series(1, 7) AS w,
                       jsonb_array_elements(coalesce(spec->'days'->(w::text), '[]'::jsonb)) AS p
                  GROUP BY w) AS c
            WHERE covered = '{[0,1440)}'::int4multirange)
       AND NOT EXISTS (SELECT FROM jsonb_array_elements_text(coalesce(spec->'holidays', '[]'::jsonb)) AS h
                       WHERE h::date >= d)
       AND NOT EXISTS (SELECT FROM jsonb_each(coalesce(spec->'special', '{}'::jsonb)) AS sp
                       WHERE sp.key::date >= d AND sp.value <> '[[0, 1440]]'::jsonb)
$$;

-- Microseconds from a to b (exact: extract(epoch ...) is numeric).
CREATE OR REPLACE FUNCTION ref.usecs(a timestamptz, b timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT ((extract(epoch FROM b) - extract(epoch FROM a)) * 1000000)::bigint
$$;

-- A pure-time interval (no day or month field) of n microseconds, e.g. '26:00:00'.
CREATE OR REPLACE FUNCTION ref.usecs_interval(n bigint) RETURNS interval
LANGUAGE sql IMMUTABLE AS $$
    SELECT interval '1 microsecond' * n
$$;

-- Microseconds of a pure-time interval (its day and month fields must be zero).
CREATE OR REPLACE FUNCTION ref.interval_usecs(i interval) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT (extract(epoch FROM i) * 1000000)::bigint
$$;

-- Total measure of a multirange, in microseconds.
CREATE OR REPLACE FUNCTION ref.measure(m tstzmultirange) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(sum(ref.usecs(lower(r), upper(r))), 0)::bigint FROM unnest(m) AS r
$$;

-- An instant as a literal that reads back the same in any session TimeZone, e.g.
-- '2026-03-29 01:30:00+00' (microseconds only when there are some).
CREATE OR REPLACE FUNCTION ref.lit(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t IS NULL THEN 'NULL'
                WHEN NOT isfinite(t) THEN t::text
                ELSE to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                     || CASE WHEN extract(microseconds FROM t)::bigint % 1000000 <> 0
                             THEN rtrim(to_char(t AT TIME ZONE 'UTC', '.US'), '0') ELSE '' END
                     || '+00'
           END
$$;

-- An instant for diagnostics: the literal plus the wall time in the window's zone.
CREATE OR REPLACE FUNCTION ref.show(t timestamptz, zone text DEFAULT 'UTC') RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT ref.lit(t) || CASE WHEN t IS NOT NULL AND isfinite(t)
                              THEN ' (' || to_char(t AT TIME ZONE zone, 'Dy YYYY-MM-DD HH24:MI:SS')
                                   || ' ' || zone || ')'
                              ELSE '' END
$$;

-------------------------------------------------------------------------------------------------
-- The open set
-------------------------------------------------------------------------------------------------

-- The union of the open intervals of the local dates from_date .. to_date (inclusive).
--
-- Completeness: a date D's intervals lie between (D 00:00) and (D+1 00:00) local, i.e. within
-- [D - 14 h, D + 1 day + 12 h] in UTC (zone offsets stay within -12 h .. +14 h).  Hence dates
-- outside from_date .. to_date contribute nothing in
--     [ref.utc_midnight(from_date + 1), ref.utc_midnight(to_date)),
-- and on that span of instants the result equals the full open set.  Callers only trust
-- answers inside that span (the "trusted span" below).
CREATE OR REPLACE FUNCTION ref.open_set(spec jsonb, from_date date, to_date date)
RETURNS tstzmultirange
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    zone   text := ref.zone(spec);
    d      date := from_date;
    p      record;
    lo     timestamptz;
    hi     timestamptz;
    pieces tstzrange[] := '{}';
BEGIN
    WHILE d <= to_date LOOP
        -- A holiday closes the whole local date (including the after-midnight part of an
        -- overnight range that started the day before: that part belongs to this date).
        IF NOT ref.is_holiday(spec, d) THEN
            FOR p IN SELECT * FROM ref.day_parts(spec, d) LOOP
                IF NOT (0 <= p.s AND p.s < p.e AND p.e <= 1440) THEN
                    RAISE EXCEPTION 'ref.open_set: bad day-part [%, %) in spec %', p.s, p.e, spec;
                END IF;
                -- date + interval is a timestamp (no time zone): the local wall time.
                -- e = 1440 gives the next date's 00:00.
                lo := (d + p.s * interval '1 minute') AT TIME ZONE zone;
                hi := (d + p.e * interval '1 minute') AT TIME ZONE zone;
                -- Inside a DST gap the conversion can make the end come before the start.
                IF hi > lo THEN
                    pieces := pieces || tstzrange(lo, hi);
                END IF;
            END LOOP;
        END IF;
        d := d + 1;
    END LOOP;
    -- range_agg merges adjacent and overlapping pieces (they can overlap around a gap).
    RETURN (SELECT coalesce(range_agg(x), '{}'::tstzmultirange) FROM unnest(pieces) AS x);
END
$$;

-------------------------------------------------------------------------------------------------
-- The functions under test
-------------------------------------------------------------------------------------------------

-- Is t open?
CREATE OR REPLACE FUNCTION ref.is_open(spec jsonb, t timestamptz) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d date := ref.local_date(spec, t);
BEGIN
    -- t lies in the trusted span of dates d-2 .. d+2.
    RETURN ref.open_set(spec, d - 2, d + 2) @> t;
END
$$;

-- Measure of (open set ∩ [a, b)) as a pure-time interval; negative when b < a.
CREATE OR REPLACE FUNCTION ref.elapsed(spec jsonb, a timestamptz, b timestamptz) RETURNS interval
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    os tstzmultirange;
BEGIN
    IF a = b THEN
        RETURN interval '0';
    ELSIF b < a THEN
        RETURN -ref.elapsed(spec, b, a);
    END IF;
    -- [a, b) lies in the trusted span of dates local(a)-2 .. local(b)+2.
    os := ref.open_set(spec, ref.local_date(spec, a) - 2, ref.local_date(spec, b) + 2);
    RETURN ref.usecs_interval(ref.measure(os * tstzmultirange(tstzrange(a, b))));
END
$$;

-- Smallest t' >= t that is open ('infinity' if none).
CREATE OR REPLACE FUNCTION ref.next_open(spec jsonb, t timestamptz) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d0   date := ref.local_date(spec, t);
    span int := 8;
    os   tstzmultirange;
    r    tstzrange;
BEGIN
    IF NOT ref.has_hours(spec) THEN
        RETURN 'infinity';
    END IF;
    LOOP
        -- Trusted span: [utc_midnight(d0 - 1), utc_midnight(d0 + span)), which contains t.
        os := ref.open_set(spec, d0 - 2, d0 + span);
        -- The first piece that ends after t: either it contains t, or it starts after t.
        SELECT x INTO r FROM unnest(os) AS x WHERE upper(x) > t ORDER BY lower(x) LIMIT 1;
        IF r IS NOT NULL AND greatest(lower(r), t) < ref.utc_midnight(d0 + span) THEN
            RETURN greatest(lower(r), t);
        END IF;
        -- Holidays are finite and some weekday has hours, so this ends.
        IF span > 100000 THEN
            RAISE EXCEPTION 'ref.next_open: no opening found within % days of %', span, t;
        END IF;
        span := span * 4;
    END LOOP;
END
$$;

-- Smallest t' >= t that is not open ('infinity' if the window never closes again).
CREATE OR REPLACE FUNCTION ref.next_close(spec jsonb, t timestamptz) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d0   date := ref.local_date(spec, t);
    span int := 8;
    os   tstzmultirange;
    r    tstzrange;
BEGIN
    LOOP
        os := ref.open_set(spec, d0 - 2, d0 + span);
        SELECT x INTO r FROM unnest(os) AS x WHERE x @> t;
        IF r IS NULL THEN
            RETURN t;                       -- t itself is closed
        END IF;
        IF upper(r) < ref.utc_midnight(d0 + span) THEN
            RETURN upper(r);                -- the piece holding t ends inside the trusted span
        END IF;
        -- The piece holding t runs to the end of what was built (past the start of local date
        -- d0 + span - 2); if everything is open from that date on, it never ends.
        IF ref.always_open_from(spec, d0 + span - 2) THEN
            RETURN 'infinity';
        END IF;
        IF span > 100000 THEN
            RAISE EXCEPTION 'ref.next_close: no closing found within % days of %', span, t;
        END IF;
        span := span * 4;
    END LOOP;
END
$$;

-- Smallest t >= t1 with elapsed(t1, t) >= r, for a pure-time r >= 0.  If the target is reached
-- exactly at the end of an open piece, that end is the answer (not the next opening).
CREATE OR REPLACE FUNCTION ref.add_open_time(spec jsonb, t1 timestamptz, r interval)
RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    need  bigint := ref.interval_usecs(r);
    d0    date := ref.local_date(spec, t1);
    span  int := 8;
    os    tstzmultirange;
    p     tstzrange;
    st    timestamptz;
    avail bigint;
    todo  bigint;
    ans   timestamptz;
BEGIN
    IF need = 0 THEN
        RETURN t1;
    END IF;
    IF NOT ref.has_hours(spec) THEN
        RETURN 'infinity';
    END IF;
    LOOP
        os := ref.open_set(spec, d0 - 2, d0 + span);
        todo := need;
        ans := NULL;
        -- Walk the open pieces from t1 on, spending the open time of each.
        FOR p IN SELECT x FROM unnest(os) AS x WHERE upper(x) > t1 ORDER BY lower(x) LOOP
            st := greatest(lower(p), t1);
            avail := ref.usecs(st, upper(p));
            IF avail >= todo THEN
                ans := st + ref.usecs_interval(todo);
                EXIT;
            END IF;
            todo := todo - avail;
        END LOOP;
        -- Everything between t1 and ans is inside the trusted span, so ans is exact.
        IF ans IS NOT NULL AND ans < ref.utc_midnight(d0 + span) THEN
            RETURN ans;
        END IF;
        IF span > 100000 THEN
            RAISE EXCEPTION 'ref.add_open_time: not reached within % days of %', span, t1;
        END IF;
        span := span * 4;
    END LOOP;
END
$$;

-- When the clock started at a reaches d.
--   d: months = 0, no negative component; n = its days (business days), r = its time part
--   (business time).
--   Day step (n > 0): s = next_open(a); L = s's local wall time, D0 = L::date, tod = L::time;
--     D_n = the n-th business date after D0; x = (D_n + tod) AT TIME ZONE zone;
--     t1 = the earliest instant <= x such that no open time lies in [t1, x).
--   n = 0: t1 = a.
--   Time step: the smallest t >= t1 with elapsed(t1, t) >= r.
CREATE OR REPLACE FUNCTION ref.deadline(spec jsonb, a timestamptz, d interval) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    zone   text := ref.zone(spec);
    months int := extract(year FROM d)::int * 12 + extract(month FROM d)::int;
    n      int := extract(day FROM d)::int;
    r      interval;
    s      timestamptz;
    l      timestamp;
    dd     date;
    tod    time;
    k      int := 0;
    x      timestamptz;
    os     tstzmultirange;
    t1     timestamptz;
BEGIN
    IF d = interval '-1 days' THEN                -- the "next business day" marker
        RETURN ref.next_business_day_close(spec, a);
    END IF;
    IF months <> 0 THEN
        RAISE EXCEPTION 'ref.deadline: months are not allowed: %', d USING ERRCODE = '22023';
    END IF;
    r := d - make_interval(days => n);          -- the time part alone (hours/minutes/seconds)
    IF n < 0 OR r < interval '0' THEN
        RAISE EXCEPTION 'ref.deadline: negative component: %', d USING ERRCODE = '22023';
    END IF;

    IF n > 0 THEN
        s := ref.next_open(spec, a);
        IF NOT isfinite(s) THEN
            RETURN s;
        END IF;
        l := s AT TIME ZONE zone;
        dd := l::date;
        tod := l::time;
        WHILE k < n LOOP                        -- the n-th business date after D0
            dd := dd + 1;
            IF ref.is_business_date(spec, dd) THEN
                k := k + 1;
            END IF;
        END LOOP;
        x := (dd + tod) AT TIME ZONE zone;
        -- s is open and s < x, so the dates local(s)-2 .. local(x)+2 hold every piece that
        -- matters, inside their trusted span.  If x is strictly inside a piece, t1 = x;
        -- otherwise t1 is the end of the last piece before x.
        os := ref.open_set(spec, ref.local_date(spec, s) - 2, ref.local_date(spec, x) + 2);
        SELECT least(x, max(upper(p))) INTO t1 FROM unnest(os) AS p WHERE lower(p) < x;
        IF t1 IS NULL OR t1 < s THEN
            RAISE EXCEPTION 'ref.deadline: internal error (s=%, x=%, t1=%)', s, x, t1;
        END IF;
    ELSE
        t1 := a;
    END IF;

    RETURN ref.add_open_time(spec, t1, r);
END
$$;

-- Close of business of business date d: where the clock stops after the start of d's last
-- day-part (a lunch break is not a close; an overnight range closes the next morning).
CREATE OR REPLACE FUNCTION ref.close_of_date(spec jsonb, d date) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
    SELECT ref.next_close(spec, (d + max(p.s) * interval '1 minute') AT TIME ZONE ref.zone(spec))
    FROM ref.day_parts(spec, d) AS p
$$;

-- The business day of t: among the business dates from the day before t's local date on, the
-- first whose close of business is after t, where the day before counts only when its close
-- differs from that of t's own date (two dates that close together are the later one's).
CREATE OR REPLACE FUNCTION ref.business_day_of(spec jsonb, t timestamptz,
                                               OUT day date, OUT cob timestamptz)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d  date := ref.local_date(spec, t);
    b0 boolean := ref.is_business_date(spec, d);
    c0 timestamptz;
    c  timestamptz;
BEGIN
    IF b0 THEN
        c0 := ref.close_of_date(spec, d);
    END IF;
    IF ref.is_business_date(spec, d - 1) THEN
        c := ref.close_of_date(spec, d - 1);
        IF c > t AND NOT (b0 AND c0 = c) THEN
            day := d - 1;  cob := c;
            RETURN;
        END IF;
    END IF;
    IF b0 AND c0 > t THEN
        day := d;  cob := c0;
        RETURN;
    END IF;
    LOOP
        d := d + 1;
        IF ref.is_business_date(spec, d) THEN
            c := ref.close_of_date(spec, d);
            IF c > t THEN
                day := d;  cob := c;
                RETURN;
            END IF;
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION ref.close_of_business(spec jsonb, t timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
    SELECT (ref.business_day_of(spec, t)).cob
$$;

-- The close of business of the first business date after t's business day.
CREATE OR REPLACE FUNCTION ref.next_business_day_close(spec jsonb, t timestamptz) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d date := (ref.business_day_of(spec, t)).day + 1;
BEGIN
    WHILE NOT ref.is_business_date(spec, d) LOOP
        d := d + 1;
    END LOOP;
    RETURN ref.close_of_date(spec, d);
END
$$;

-------------------------------------------------------------------------------------------------
-- Random windows: the text form for the C type and the matching spec
-------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION ref.rand_int(lo int, hi int) RETURNS int
LANGUAGE sql VOLATILE AS $$
    SELECT lo + floor(random() * (hi - lo + 1))::int
$$;

-- 'HH:MM' for a minute of the day; 1440 is '24:00'.
CREATE OR REPLACE FUNCTION ref.hhmm(m int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT lpad((m / 60)::text, 2, '0') || ':' || lpad((m % 60)::text, 2, '0')
$$;

-- The zones random windows are drawn from.
CREATE OR REPLACE FUNCTION ref.test_zones() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe',
                 'Pacific/Apia', 'Asia/Kolkata', 'America/Sao_Paulo', 'Europe/London']
$$;

-- A random non-empty set of ISO weekdays.
CREATE OR REPLACE FUNCTION ref.random_day_set() RETURNS int[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    u      float8 := random();
    st     int;
    len    int;
    result int[] := '{}';
BEGIN
    IF u < 0.30 THEN
        RETURN '{1,2,3,4,5}';
    ELSIF u < 0.40 THEN
        RETURN '{1,2,3,4,5,6,7}';
    ELSIF u < 0.70 THEN                          -- a run of consecutive days, maybe wrapping
        st := ref.rand_int(1, 7);
        len := ref.rand_int(1, 6);
        SELECT array_agg((st - 1 + i) % 7 + 1 ORDER BY (st - 1 + i) % 7 + 1)
        INTO result FROM generate_series(0, len - 1) AS i;
        RETURN result;
    END IF;
    WHILE cardinality(result) = 0 LOOP          -- any subset
        SELECT coalesce(array_agg(w ORDER BY w), '{}') INTO result
        FROM generate_series(1, 7) AS w WHERE random() < 0.45;
    END LOOP;
    RETURN result;
END
$$;

-- Text for a set of ISO weekdays: maximal runs (wrapping through Sunday) as 'a-b', single
-- days as 'a', joined by ','; sometimes a run is spelled day by day, sometimes the items are
-- shuffled, sometimes all seven days are written as a wrapping range such as 'wed-tue'.
CREATE OR REPLACE FUNCTION ref.render_days(days int[]) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    dn    text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    items text[] := '{}';
    w     int;
    len   int;
    st    int;
BEGIN
    IF cardinality(days) = 7 THEN
        IF random() < 0.85 THEN
            RETURN 'mon-sun';
        END IF;
        st := ref.rand_int(2, 7);
        RETURN dn[st] || '-' || dn[st - 1];
    END IF;
    FOR w IN 1..7 LOOP
        -- a run starts at w when w is in and the day before (cyclically) is not
        IF w = ANY (days) AND NOT ((w + 5) % 7 + 1) = ANY (days) THEN
            len := 1;
            WHILE ((w - 1 + len) % 7 + 1) = ANY (days) LOOP
                len := len + 1;
            END LOOP;
            IF len = 1 THEN
                items := items || dn[w];
            ELSIF random() < 0.8 THEN
                items := items || (dn[w] || '-' || dn[(w - 1 + len - 1) % 7 + 1]);
            ELSE
                FOR st IN 0..len - 1 LOOP
                    items := items || dn[(w - 1 + st) % 7 + 1];
                END LOOP;
            END IF;
        END IF;
    END LOOP;
    IF random() < 0.2 THEN
        SELECT array_agg(i ORDER BY random()) INTO items FROM unnest(items) AS i;
    END IF;
    RETURN array_to_string(items, ',');
END
$$;

-- A random minute of the day for a range end point, biased towards the hours at which DST
-- changes happen in the test zones (00:00, 01:00, 01:30, 02:00, 02:30, 03:00, 23:00, 24:00).
CREATE OR REPLACE FUNCTION ref.random_minute() RETURNS int
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    u float8 := random();
BEGIN
    IF u < 0.25 THEN
        RETURN (ARRAY[0, 60, 90, 120, 150, 180, 1380, 1440])[ref.rand_int(1, 8)];
    ELSIF u < 0.65 THEN
        RETURN 30 * ref.rand_int(0, 48);
    END IF;
    RETURN ref.rand_int(0, 1440);
END
$$;

-- A random window, as the text the C type parses and the matching spec.
--   seed: if given, setseed(seed) first, so a window can be regenerated from its seed;
--         otherwise the session's random() sequence is used (setseed once before a batch).
--   near: holidays are drawn around this date (default: a random date in 2010-2030).
--   zone: default: one of ref.test_zones().
-- The text follows the grammar exactly: lowercase days, zero-padded HH:MM, '; ' between
-- groups, ',' between ranges.  No two day-parts of the same weekday (after splitting overnight
-- ranges) overlap or even touch, so the C parser never has a reason to reject the text.
CREATE OR REPLACE FUNCTION ref.random_window(seed double precision DEFAULT NULL,
                                             near date DEFAULT NULL,
                                             zone text DEFAULT NULL,
                                             OUT txt text, OUT spec jsonb)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    -- accepted day-parts, as parallel arrays (weekday, start, end)
    pw      int[] := '{}';
    ps      int[] := '{}';
    pe      int[] := '{}';
    -- the candidate group's day-parts
    gw      int[];
    gs      int[];
    ge      int[];
    groups  text[] := '{}';
    ngroups int;
    days    int[];
    k       int;
    pts     int[];
    m       int;
    rs      int[];
    re      int[];
    rtext   text[];
    ok      boolean;
    attempt int;
    g       int;
    i       int;
    j       int;
    w       int;
    hol     date[] := '{}';
    htext   text[];
    stext   text[] := '{}';
    special jsonb := '{}';
    sparts  jsonb;
    wparts  jsonb;
    tail    jsonb;
    sdates  date[] := '{}';
    taken   date[] := '{}';
    d       date;
    e       int;
    nhol    int;
    u       float8;
BEGIN
    IF seed IS NOT NULL THEN
        PERFORM setseed(seed);
    END IF;
    zone := coalesce(zone, (ref.test_zones())[ref.rand_int(1, cardinality(ref.test_zones()))]);
    near := coalesce(near, date '2010-01-01' + ref.rand_int(0, 7670));

    IF random() < 0.1 THEN
        txt := '24x7';
        pw := '{1,2,3,4,5,6,7}';
        ps := '{0,0,0,0,0,0,0}';
        pe := '{1440,1440,1440,1440,1440,1440,1440}';
    ELSE
        u := random();
        ngroups := CASE WHEN u < 0.6 THEN 1 WHEN u < 0.9 THEN 2 ELSE 3 END;
        FOR g IN 1..ngroups LOOP
            FOR attempt IN 1..30 LOOP
                days := ref.random_day_set();
                -- 1-3 ranges: 2k distinct sorted minutes, paired up (so ranges are disjoint and
                -- do not touch)
                u := random();
                k := CASE WHEN u < 0.5 THEN 1 WHEN u < 0.85 THEN 2 ELSE 3 END;
                pts := '{}';
                WHILE cardinality(pts) < 2 * k LOOP
                    m := ref.random_minute();
                    IF NOT m = ANY (pts) THEN
                        pts := pts || m;
                    END IF;
                END LOOP;
                SELECT array_agg(x ORDER BY x) INTO pts FROM unnest(pts) AS x;
                IF random() < 0.2 THEN
                    pts[2 * k] := 1440;                        -- ends at 24:00
                END IF;
                rs := '{}';
                re := '{}';
                FOR i IN 1..k LOOP
                    rs := rs || pts[2 * i - 1];
                    re := re || pts[2 * i];
                END LOOP;
                -- sometimes the last range runs overnight: its end before its start
                IF random() < 0.25 AND rs[k] > 0 THEN
                    u := random();
                    IF u < 0.05 THEN
                        re[k] := 0;                            -- e.g. 22:00-00:00
                    ELSIF u < 0.8 AND rs[1] > 1 THEN
                        re[k] := ref.rand_int(1, rs[1] - 1);   -- before the group's first start
                    ELSE
                        re[k] := ref.rand_int(1, rs[k] - 1);   -- anything (may be rejected)
                    END IF;
                END IF;
                -- the group's day-parts, overnight ranges split at midnight
                gw := '{}';
                gs := '{}';
                ge := '{}';
                FOREACH w IN ARRAY days LOOP
                    FOR i IN 1..k LOOP
                        IF re[i] > rs[i] THEN
                            gw := gw || w;  gs := gs || rs[i];  ge := ge || re[i];
                        ELSE
                            gw := gw || w;  gs := gs || rs[i];  ge := ge || 1440;
                            IF re[i] > 0 THEN
                                gw := gw || (w % 7 + 1);  gs := gs || 0;  ge := ge || re[i];
                            END IF;
                        END IF;
                    END LOOP;
                END LOOP;
                -- no two parts of one weekday may overlap or touch, within the group or with
                -- the groups accepted so far
                ok := true;
                FOR i IN 1..cardinality(gw) LOOP
                    FOR j IN 1..cardinality(pw) LOOP
                        IF pw[j] = gw[i] AND ps[j] <= ge[i] AND gs[i] <= pe[j] THEN
                            ok := false;
                        END IF;
                    END LOOP;
                    FOR j IN 1..i - 1 LOOP
                        IF gw[j] = gw[i] AND gs[j] <= ge[i] AND gs[i] <= ge[j] THEN
                            ok := false;
                        END IF;
                    END LOOP;
                END LOOP;
                CONTINUE WHEN NOT ok;
                pw := pw || gw;
                ps := ps || gs;
                pe := pe || ge;
                rtext := '{}';
                FOR i IN 1..k LOOP
                    rtext := rtext || (ref.hhmm(rs[i]) || '-' || ref.hhmm(re[i]));
                END LOOP;
                IF random() < 0.2 THEN
                    SELECT array_agg(x ORDER BY random()) INTO rtext FROM unnest(rtext) AS x;
                END IF;
                groups := groups || (ref.render_days(days) || ' ' || array_to_string(rtext, ','));
                EXIT;
            END LOOP;
        END LOOP;
        IF cardinality(groups) = 0 THEN            -- cannot happen (first group never clashes
            groups := '{mon-fri 09:00-17:00}';     -- with earlier ones), but stay valid anyway
            pw := '{1,2,3,4,5}';
            ps := '{540,540,540,540,540}';
            pe := '{1020,1020,1020,1020,1020}';
        END IF;
        txt := array_to_string(groups, '; ');
    END IF;

    IF zone <> 'UTC' OR random() < 0.5 THEN
        txt := txt || ' ' || zone;
    END IF;

    -- 0-25 holidays, mostly from 10 days before `near` to 60 days after it
    IF random() >= 0.35 THEN
        nhol := ref.rand_int(1, 25);
        FOR i IN 1..nhol LOOP
            u := random();
            IF u < 0.05 THEN
                hol := hol || (near + ref.rand_int(-400, 400));
            ELSIF u < 0.15 THEN
                hol := hol || near;
            ELSE
                hol := hol || (near + ref.rand_int(-10, 60));
            END IF;
        END LOOP;
        SELECT array_agg(DISTINCT to_char(h, 'YYYY-MM-DD')) INTO htext FROM unnest(hol) AS h;
        IF random() < 0.1 THEN
            htext := htext || htext[1];                              -- a duplicate
        END IF;
        IF random() < 0.3 THEN
            SELECT array_agg(x ORDER BY random()) INTO htext FROM unnest(htext) AS x;
        END IF;
        htext := ARRAY[' holidays ' || array_to_string(htext, ',')];
    ELSE
        htext := ARRAY[''];
    END IF;

    -- 0-5 dates with special hours near `near`, never a holiday: one or two ranges, the last
    -- sometimes overnight (its tail goes to the next date, which keeps its weekday's hours)
    IF random() < 0.45 THEN
        FOR i IN 1..ref.rand_int(1, 5) LOOP
            d := near + ref.rand_int(-10, 60);
            CONTINUE WHEN d = ANY (hol) OR d = ANY (taken);
            k := ref.rand_int(1, 2);
            pts := '{}';
            WHILE cardinality(pts) < 2 * k LOOP
                m := ref.random_minute();
                IF NOT m = ANY (pts) THEN
                    pts := pts || m;
                END IF;
            END LOOP;
            SELECT array_agg(x ORDER BY x) INTO pts FROM unnest(pts) AS x;
            rtext := '{}';
            sparts := '[]';
            FOR j IN 1..k LOOP
                rs := ARRAY[pts[2 * j - 1]];
                re := ARRAY[pts[2 * j]];
                -- the last range overnight, when the next date is free and the tail fits
                IF j = k AND random() < 0.3 AND pts[1] > 1 AND NOT (d + 1) = ANY (hol)
                   AND NOT (d + 1) = ANY (taken) AND NOT (d + 1) = ANY (sdates) THEN
                    e := ref.rand_int(1, pts[1] - 1);
                    wparts := coalesce((SELECT jsonb_agg(jsonb_build_array(ps[ix], pe[ix]))
                                        FROM generate_subscripts(pw, 1) AS ix
                                        WHERE pw[ix] = extract(isodow FROM d + 1)::int), '[]');
                    IF NOT EXISTS (SELECT FROM jsonb_array_elements(wparts) AS q
                                   WHERE (q->>0)::int < e) THEN
                        re := ARRAY[e];
                        tail := jsonb_build_array(jsonb_build_array(0, e)) || wparts;
                    END IF;
                END IF;
                rtext := rtext || (ref.hhmm(rs[1]) || '-' || ref.hhmm(re[1]));
                sparts := sparts || jsonb_build_array(jsonb_build_array(rs[1], CASE WHEN re[1] > rs[1] THEN re[1] ELSE 1440 END));
            END LOOP;
            IF tail IS NOT NULL THEN
                special := special || jsonb_build_object(to_char(d + 1, 'YYYY-MM-DD'), tail);
                taken := taken || (d + 1);
                tail := NULL;
            END IF;
            special := special || jsonb_build_object(to_char(d, 'YYYY-MM-DD'), sparts);
            sdates := sdates || d;
            taken := taken || d;
            stext := stext || (to_char(d, 'YYYY-MM-DD') || ' ' || array_to_string(rtext, ','));
        END LOOP;
    END IF;
    IF cardinality(stext) > 0 THEN
        IF random() < 0.3 THEN
            SELECT array_agg(x ORDER BY random()) INTO stext FROM unnest(stext) AS x;
        END IF;
        stext := ARRAY[' hours ' || array_to_string(stext, CASE WHEN random() < 0.7 THEN '; ' ELSE ', ' END)];
    ELSE
        stext := ARRAY[''];
    END IF;
    IF random() < 0.7 THEN
        txt := txt || htext[1] || stext[1];
    ELSE
        txt := txt || stext[1] || htext[1];
    END IF;
    -- parts in the spec are sorted, touching ones merged
    SELECT coalesce(jsonb_object_agg(kv.key,
               (SELECT jsonb_agg(jsonb_build_array(lower(r), upper(r)) ORDER BY lower(r))
                FROM unnest((SELECT range_agg(int4range((q->>0)::int, (q->>1)::int))
                             FROM jsonb_array_elements(kv.value) AS q)) AS r)), '{}')
    INTO special FROM jsonb_each(special) AS kv;

    SELECT jsonb_build_object(
               'zone', zone,
               'special', special,
               'holidays', coalesce((SELECT jsonb_agg(DISTINCT to_char(h, 'YYYY-MM-DD'))
                                     FROM unnest(hol) AS h), '[]'::jsonb),
               'days', (SELECT jsonb_object_agg(wd::text,
                                   coalesce((SELECT jsonb_agg(jsonb_build_array(ps[ix], pe[ix])
                                                               ORDER BY ps[ix])
                                             FROM generate_subscripts(pw, 1) AS ix
                                             WHERE pw[ix] = wd), '[]'::jsonb))
                        FROM generate_series(1, 7) AS wd))
    INTO spec;
END
$$;

-- Weekly open minutes and number of weekdays with hours: used to size random targets.
CREATE OR REPLACE FUNCTION ref.week_minutes(spec jsonb) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(sum((p->>1)::int - (p->>0)::int), 0)::int
    FROM jsonb_each(spec->'days') AS kv, jsonb_array_elements(kv.value) AS p
$$;

CREATE OR REPLACE FUNCTION ref.week_days(spec jsonb) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
    SELECT count(*)::int FROM jsonb_each(spec->'days') AS kv WHERE jsonb_array_length(kv.value) > 0
$$;

-------------------------------------------------------------------------------------------------
-- A reference parser: text form -> spec
-------------------------------------------------------------------------------------------------

-- Parses the text form (the grammar of DESIGN.md section 2) into a spec in normal form: all
-- seven weekdays present, each weekday's parts sorted with touching parts merged, holidays
-- sorted and de-duplicated, zone defaulted to UTC.  Raises 22P02 on text outside the grammar
-- and on overlapping ranges of one weekday, as the C parser does.
-- Used to check that ref.random_window's text and spec agree, and that the C type's canonical
-- output still means the same window.
CREATE OR REPLACE FUNCTION ref.parse_window(src text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    dn     text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    body   text := btrim(src);
    zone   text := 'UTC';
    hol    text[] := '{}';
    m      text[];
    grp    text;
    item   text;
    rng    text;
    days   int[];
    d1     int;
    d2     int;
    s      int;
    e      int;
    w      int;
    pw     int[] := '{}';
    ps     int[] := '{}';
    pe     int[] := '{}';
    i      int;
    j      int;
    result jsonb;
    clause text;
    spc    text := NULL;
    holtxt text := NULL;
    sd     date[] := '{}';            -- special ranges as read: date, start, end, tail?
    ss     int[] := '{}';
    se     int[] := '{}';
    st     boolean[] := '{}';
    dl     date[];
    dd     date;
    sdays  jsonb := '{}';
    wparts jsonb;
BEGIN
    -- trailing clauses "holidays d1,d2,..." and "hours entries", in either order
    m := regexp_match(body, '^(.*?)\s+((holidays|hours)\s.*)$', 'i');
    IF m IS NOT NULL THEN
        body := m[1];
        FOREACH clause IN ARRAY regexp_split_to_array(m[2], '\s+(?=(holidays|hours)\s)', 'i') LOOP
            IF lower(clause) ~ '^hours\s' THEN
                spc := regexp_replace(clause, '^hours\s+', '', 'i');
            ELSE
                holtxt := regexp_replace(clause, '^holidays\s+', '', 'i');
                IF holtxt ~ '\s' THEN
                    RAISE EXCEPTION 'ref.parse_window: bad holidays "%" in "%"', clause, src
                        USING ERRCODE = '22P02';
                END IF;
            END IF;
        END LOOP;
    END IF;
    IF holtxt IS NOT NULL THEN
        FOREACH item IN ARRAY string_to_array(holtxt, ',') LOOP
            IF item !~ '^\d{4}-\d{2}-\d{2}$' THEN
                RAISE EXCEPTION 'ref.parse_window: bad holiday "%" in "%"', item, src
                    USING ERRCODE = '22P02';
            END IF;
            hol := hol || to_char(item::date, 'YYYY-MM-DD');
        END LOOP;
    END IF;
    -- special hours: entries "dates ranges" separated by ';' or by ',' before a date
    IF spc IS NOT NULL THEN
        spc := regexp_replace(spc, '(\d{2}:\d{2})\s*,\s*(\d{4}-)', '\1;\2', 'g');
        FOREACH grp IN ARRAY string_to_array(spc, ';') LOOP
            m := regexp_match(btrim(grp), '^(\d{4}-\d{2}-\d{2}(?:\s*,\s*\d{4}-\d{2}-\d{2})*)\s+([0-9:,-]+)$');
            IF m IS NULL THEN
                RAISE EXCEPTION 'ref.parse_window: bad special hours "%" in "%"', grp, src
                    USING ERRCODE = '22P02';
            END IF;
            dl := string_to_array(regexp_replace(m[1], '\s', '', 'g'), ',')::date[];
            FOREACH rng IN ARRAY string_to_array(m[2], ',') LOOP
                IF rng !~ '^\d{2}:\d{2}-\d{2}:\d{2}$' THEN
                    RAISE EXCEPTION 'ref.parse_window: bad range "%" in "%"', rng, src
                        USING ERRCODE = '22P02';
                END IF;
                s := substr(rng, 1, 2)::int * 60 + substr(rng, 4, 2)::int;
                e := substr(rng, 7, 2)::int * 60 + substr(rng, 10, 2)::int;
                IF s >= 1440 OR e > 1440 OR s = e THEN
                    RAISE EXCEPTION 'ref.parse_window: bad range "%" in "%"', rng, src
                        USING ERRCODE = '22P02';
                END IF;
                FOREACH dd IN ARRAY dl LOOP
                    sd := sd || dd;  ss := ss || s;  se := se || CASE WHEN e > s THEN e ELSE 1440 END;
                    st := st || false;
                    IF e < s AND e > 0 THEN
                        sd := sd || (dd + 1);  ss := ss || 0;  se := se || e;  st := st || true;
                    END IF;
                END LOOP;
            END LOOP;
        END LOOP;
    END IF;

    -- trailing zone: a last word that is not a list of time ranges and not 24x7
    m := regexp_match(body, '^(.*\S)\s+(\S+)$');
    IF m IS NOT NULL AND m[2] !~ '^[0-9:,-]+$' AND lower(m[2]) <> '24x7' THEN
        body := m[1];
        zone := m[2];
        PERFORM now() AT TIME ZONE zone;                -- validates the zone name
    END IF;

    IF lower(body) = '24x7' THEN
        FOR w IN 1..7 LOOP
            pw := pw || w;  ps := ps || 0;  pe := pe || 1440;
        END LOOP;
    ELSE
        FOREACH grp IN ARRAY string_to_array(body, ';') LOOP
            m := regexp_match(btrim(grp), '^([A-Za-z,-]+)\s+([0-9:,-]+)$');
            IF m IS NULL THEN
                RAISE EXCEPTION 'ref.parse_window: bad group "%" in "%"', grp, src
                    USING ERRCODE = '22P02';
            END IF;
            -- days: comma list of "day" or "day-day" (wrapping through Sunday)
            days := '{}';
            FOREACH item IN ARRAY string_to_array(lower(m[1]), ',') LOOP
                d1 := array_position(dn, split_part(item, '-', 1));
                d2 := array_position(dn, CASE WHEN item LIKE '%-%' THEN split_part(item, '-', 2)
                                              ELSE item END);
                IF d1 IS NULL OR d2 IS NULL OR item ~ '-.*-' THEN
                    RAISE EXCEPTION 'ref.parse_window: bad days "%" in "%"', item, src
                        USING ERRCODE = '22P02';
                END IF;
                LOOP
                    days := days || d1;
                    EXIT WHEN d1 = d2;
                    d1 := d1 % 7 + 1;
                END LOOP;
            END LOOP;
            -- ranges: comma list of HH:MM-HH:MM; end before start = overnight
            FOREACH rng IN ARRAY string_to_array(m[2], ',') LOOP
                IF rng !~ '^\d{2}:\d{2}-\d{2}:\d{2}$'
                   OR substr(rng, 4, 2)::int > 59 OR substr(rng, 10, 2)::int > 59 THEN
                    RAISE EXCEPTION 'ref.parse_window: bad range "%" in "%"', rng, src
                        USING ERRCODE = '22P02';
                END IF;
                s := substr(rng, 1, 2)::int * 60 + substr(rng, 4, 2)::int;
                e := substr(rng, 7, 2)::int * 60 + substr(rng, 10, 2)::int;
                IF s >= 1440 OR e > 1440 OR s = e THEN
                    RAISE EXCEPTION 'ref.parse_window: bad range "%" in "%"', rng, src
                        USING ERRCODE = '22P02';
                END IF;
                FOREACH w IN ARRAY days LOOP
                    IF e > s THEN
                        pw := pw || w;  ps := ps || s;  pe := pe || e;
                    ELSE
                        pw := pw || w;  ps := ps || s;  pe := pe || 1440;
                        IF e > 0 THEN
                            pw := pw || (w % 7 + 1);  ps := ps || 0;  pe := pe || e;
                        END IF;
                    END IF;
                END LOOP;
            END LOOP;
        END LOOP;
        -- overlapping parts of one weekday are an error (touching ones are merged below)
        FOR i IN 1..cardinality(pw) LOOP
            FOR j IN 1..i - 1 LOOP
                IF pw[i] = pw[j] AND ps[i] < pe[j] AND ps[j] < pe[i] THEN
                    RAISE EXCEPTION 'ref.parse_window: overlapping ranges on % in "%"',
                        dn[pw[i]], src USING ERRCODE = '22P02';
                END IF;
            END LOOP;
        END LOOP;
    END IF;

    -- the dates with special hours: a date written in the clause has the hours the clause gives
    -- it (its ranges and the after-midnight parts of the day before's); a date that only gets
    -- such a part keeps its weekday's hours besides; a tail on a holiday is closed, a written
    -- date that is a holiday is an error; overlaps are errors, touching ranges merge
    FOR dd IN SELECT DISTINCT x FROM unnest(sd) AS x ORDER BY 1 LOOP
        IF to_char(dd, 'YYYY-MM-DD') = ANY (hol) THEN
            IF EXISTS (SELECT FROM generate_subscripts(sd, 1) AS ix WHERE sd[ix] = dd AND NOT st[ix]) THEN
                RAISE EXCEPTION 'ref.parse_window: % is a holiday and has special hours in "%"', dd, src
                    USING ERRCODE = '22P02';
            END IF;
            CONTINUE;
        END IF;
        wparts := NULL;
        IF NOT EXISTS (SELECT FROM generate_subscripts(sd, 1) AS ix WHERE sd[ix] = dd AND NOT st[ix]) THEN
            -- only a tail: the weekday's hours as well
            SELECT jsonb_agg(jsonb_build_array(ps[ix], pe[ix])) INTO wparts
            FROM generate_subscripts(pw, 1) AS ix WHERE pw[ix] = extract(isodow FROM dd)::int;
        END IF;
        IF (SELECT count(*) FROM (
                SELECT int4range(a.s, a.e) AS r, row_number() OVER () AS n
                FROM (SELECT ss[ix] AS s, se[ix] AS e FROM generate_subscripts(sd, 1) AS ix WHERE sd[ix] = dd
                      UNION ALL
                      SELECT (p->>0)::int, (p->>1)::int FROM jsonb_array_elements(coalesce(wparts, '[]')) AS p) AS a) AS x
            JOIN (SELECT int4range(a.s, a.e) AS r, row_number() OVER () AS n
                  FROM (SELECT ss[ix] AS s, se[ix] AS e FROM generate_subscripts(sd, 1) AS ix WHERE sd[ix] = dd
                        UNION ALL
                        SELECT (p->>0)::int, (p->>1)::int FROM jsonb_array_elements(coalesce(wparts, '[]')) AS p) AS a) AS y
            ON x.n < y.n AND x.r && y.r) > 0 THEN
            RAISE EXCEPTION 'ref.parse_window: overlapping special hours on % in "%"', dd, src
                USING ERRCODE = '22P02';
        END IF;
        sdays := sdays || jsonb_build_object(to_char(dd, 'YYYY-MM-DD'),
            (SELECT jsonb_agg(jsonb_build_array(lower(r), upper(r)) ORDER BY lower(r))
             FROM unnest((SELECT range_agg(int4range(a.s, a.e))
                          FROM (SELECT ss[ix] AS s, se[ix] AS e FROM generate_subscripts(sd, 1) AS ix
                                WHERE sd[ix] = dd
                                UNION ALL
                                SELECT (p->>0)::int, (p->>1)::int
                                FROM jsonb_array_elements(coalesce(wparts, '[]')) AS p) AS a)) AS r));
    END LOOP;

    SELECT jsonb_build_object(
               'zone', zone,
               'special', sdays,
               'holidays', coalesce((SELECT jsonb_agg(DISTINCT h) FROM unnest(hol) AS h),
                                    '[]'::jsonb),
               'days', (SELECT jsonb_object_agg(wd::text,
                                   coalesce((SELECT jsonb_agg(jsonb_build_array(lower(r), upper(r))
                                                              ORDER BY lower(r))
                                             FROM unnest((SELECT range_agg(int4range(ps[ix], pe[ix]))
                                                          FROM generate_subscripts(pw, 1) AS ix
                                                          WHERE pw[ix] = wd)) AS r),
                                            '[]'::jsonb))
                        FROM generate_series(1, 7) AS wd))
    INTO result;
    RETURN result;
END
$$;

-------------------------------------------------------------------------------------------------
-- Random instants
-------------------------------------------------------------------------------------------------

-- A random instant near `near` for window `spec`:
--   25%: exactly a boundary of a day-part (start or end, as the open-set definition converts it)
--        of a local date within a day of `near`;
--   10%: exactly `special` (e.g. a DST transition instant), when given;
--   otherwise `near` itself, sometimes plus random seconds or microseconds.
CREATE OR REPLACE FUNCTION ref.random_instant(spec jsonb, near timestamptz,
                                              special timestamptz DEFAULT NULL)
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    u  float8 := random();
    d  date;
    m  int;
BEGIN
    IF u < 0.25 THEN
        d := ref.local_date(spec, near) + ref.rand_int(-1, 1);
        SELECT CASE WHEN random() < 0.5 THEN p.s ELSE p.e END INTO m
        FROM ref.day_parts(spec, d) AS p ORDER BY random() LIMIT 1;
        IF m IS NOT NULL THEN
            RETURN (d + m * interval '1 minute') AT TIME ZONE ref.zone(spec);
        END IF;
    ELSIF u < 0.35 AND special IS NOT NULL THEN
        RETURN special;
    END IF;
    u := random();
    IF u < 0.05 THEN
        RETURN near + make_interval(secs => ref.rand_int(0, 59999999) / 1000000.0);
    ELSIF u < 0.3 THEN
        RETURN near + make_interval(secs => ref.rand_int(0, 59));
    END IF;
    RETURN near;
END
$$;
