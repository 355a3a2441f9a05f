-- hardening: the defects a hostile test found (issue 11), one group each.  Every
-- case failed before its fix; the comment above it says what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET datestyle = 'ISO, YMD';
SET intervalstyle = 'postgres';

-- ---------------------------------------------------------------------------
-- 1. out of range: 24x7 deadlines past the supported range are 22008, not a
--    wrapped instant (213503982 days * 86400 s * 10^6 wraps 2^64 to just
--    before the start; 106751992 days from 1999 wraps to -infinity, which
--    sla_status used to call breached)
-- ---------------------------------------------------------------------------
SELECT sla_deadline('24x7', '2026-01-01 00:00+00', '213503982 days');
SELECT sla_deadline('24x7', '1999-12-31 04:00:54.775808+00', '106751992 days');
SELECT sla_status('24x7', '1999-12-31 04:00:54.775808+00', NULL, '106751992 days', '2026-01-01');
SELECT sla_deadline('24x7', '2026-01-01', '2147483647 days 2562047788:00:54.775807');
-- the last instant supported is still reached: 2300-01-01 00:00:00+00, then 22008
SELECT sla_deadline('24x7', '2299-12-31', '1 day');
SELECT sla_deadline('24x7', '2299-12-31', '1 day 00:00:00.000001');

-- ---------------------------------------------------------------------------
-- 2. out of range: long business-hours targets.  One minute a week for
--    1 000 000 hours is 60 million weeks: 22008, not an instant before 4713 BC
-- ---------------------------------------------------------------------------
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01',
                    sla_target('SEV1 resolve 1000000 hours', 'SEV1', 'resolution'));
SELECT sla_deadline('mon 00:00-00:01 Europe/Berlin', '2026-01-01', '1000000 hours');
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '100000000 days');
SELECT sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '2562047788 hours');
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '1000000 hours', '{[2026-02-01,2026-03-01)}'::tstzmultirange);
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '2562047788 hours', '{[2026-02-01,2026-03-01)}'::tstzmultirange);
-- the clock stopped for good before the target is reached: never, infinity
SELECT sla_deadline('mon 00:00-00:01', '2026-01-01', '1000000 hours', '{[2026-02-01,)}'::tstzmultirange);
-- what is left needs no deadline: the target less the 4 minutes of the Mondays
-- of January 2026 (5, 12, 19, 26): 999999:56:00, not negative
SELECT sla_remaining('mon 00:00-00:01', '2026-01-01', '1000000 hours', '2026-02-01');
-- and the same as through the deadline when that is in range: a 40 h target from
-- Thu 2026-01-01; by Mon 01-05 17:00 Thu, Fri and Mon are done (24 h), 16:00:00 left;
-- the deadline is Wed 01-07 17:00, 16:00:00 after Mon 17:00
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-01-01', '40 hours', '2026-01-05 17:00'),
       sla_elapsed('mon-fri 09:00-17:00', '2026-01-05 17:00',
                   sla_deadline('mon-fri 09:00-17:00', '2026-01-01', '40 hours'));
-- past the deadline: by Thu 01-15 17:00 eleven weekdays of 8 h are done (88 h): -48:00:00
SELECT sla_remaining('mon-fri 09:00-17:00', '2026-01-01', '40 hours', '2026-01-15 17:00');

-- ---------------------------------------------------------------------------
-- 3. parse errors: zones are the names of pg_timezone_names, not POSIX TZ
--    specifications (AAA24BBB-24 jumps 48 hours a year and made a month of
--    24x7 768 hours), nor the host's "localtime" or tzcode's "posixrules"
-- ---------------------------------------------------------------------------
SELECT '24x7 AAA24BBB-24'::sla_window;
SELECT 'mon-fri 09:00-17:00 AAA167BBB-167'::sla_window;
SELECT 'mon-fri 09:00-17:00 localtime'::sla_window;
SELECT 'mon-fri 09:00-17:00 posixrules'::sla_window;
SELECT 'mon-fri 09:00-17:00 EST5EDT4'::sla_window;
SELECT sla_elapsed('24x7 AAA24BBB-24', '2026-03-01', '2026-04-01');
-- every other name of pg_timezone_names is accepted, in any case, and kept as
-- the database spells it: one row, t and 0 names failing (1196 here, 2 less
-- than pg_timezone_names: the count depends on the tz database, so not shown)
CREATE FUNCTION pg_temp.zone_of(name text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN sla_timezone(('mon 09:00-17:00 ' || lower(name))::sla_window);
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;
SELECT bool_and(pg_temp.zone_of(name) IS NOT DISTINCT FROM name) AS all_kept,
       count(*) FILTER (WHERE pg_temp.zone_of(name) IS NULL) AS failing
FROM pg_timezone_names WHERE name NOT IN ('localtime', 'posixrules');
-- sla_timezone_names() lists exactly the names a window accepts (issue 16): those of
-- pg_timezone_names but localtime and posixrules, none missing (0), none extra (0), each
-- accepted and kept as listed (t), the two refused names not listed (0); sorted as the
-- parser searches them, case-insensitively (t)
SELECT (SELECT count(*) FROM (SELECT name FROM pg_timezone_names WHERE name NOT IN ('localtime', 'posixrules')
                              EXCEPT SELECT name FROM sla_timezone_names()) m) AS missing,
       (SELECT count(*) FROM (SELECT name FROM sla_timezone_names()
                              EXCEPT SELECT name FROM pg_timezone_names WHERE name NOT IN ('localtime', 'posixrules')) x) AS extra,
       (SELECT bool_and(sla_timezone(('mon 09:00-17:00 ' || name)::sla_window) = name) FROM sla_timezone_names()) AS all_kept,
       (SELECT count(*) FROM sla_timezone_names() WHERE name IN ('localtime', 'posixrules')) AS refused_listed,
       (SELECT array_agg(name) = array_agg(name ORDER BY lower(name) COLLATE "C") FROM sla_timezone_names()) AS sorted;
-- UTC, GMT and the Etc aliases: 24x7 (UTC is not printed) | 24x7 GMT | 24x7 Etc/GMT+5 | 24x7 Etc/GMT-14
-- (zones every supported tzdata has: Debian 13 moved EST5EDT and the like to tzdata-legacy)
SELECT '24x7 utc'::sla_window, '24x7 gmt'::sla_window, '24x7 etc/gmt+5'::sla_window, '24x7 etc/gmt-14'::sla_window;
-- Etc/GMT+5 is five hours behind UTC: Monday 09:00-17:00 there is 14:00-22:00 UTC,
-- so 2026-01-05 (a Monday) 00:00 to 18:00 UTC counts 4 hours
SELECT sla_elapsed('mon 09:00-17:00 Etc/GMT+5', '2026-01-05 00:00+00', '2026-01-05 18:00+00');

-- ---------------------------------------------------------------------------
-- 4. parse errors: availability_state instants out of range.  Year 586544
--    overflowed the microseconds and read as a period starting in 1990
-- ---------------------------------------------------------------------------
SELECT 'v1 period=[586544-07-24 00:00:00+00,2026-01-01 00:00:00+00) downtime={}'::availability_state;
SELECT 'v1 period=[2026-01-01 00:00:00+00,999999-12-31 00:00:00+00) downtime={}'::availability_state;
SELECT 'v1 period=[294277-01-01 00:00:00+00,294277-01-02 00:00:00+00) downtime={}'::availability_state;
-- the first and the last day of PostgreSQL's timestamps still read back as they print
SELECT 'v1 period=[4714-11-24 00:00:00+00 BC,4714-11-25 00:00:00+00 BC) downtime={}'::availability_state;
SELECT 'v1 period=[294276-12-31 00:00:00+00,294276-12-31 23:59:59.999999+00) downtime={}'::availability_state;

-- ---------------------------------------------------------------------------
-- 5. out of range: rollup(sla_summary) past 64 bits is 22003.  Merged, the
--    first two have met and breached 4611686018427387904 each (they fit) but
--    timed 2^63 (it does not); the last two total 2 x 1281023894 hours, more
--    than the text form reads back (the cap on hours is 1281023894)
-- ---------------------------------------------------------------------------
SELECT rollup(s) FROM (VALUES
  ('met=4611686018427387903 breached=4611686018427387904 pending=0 timed=9223372036854775807 total=01:00:00 min=00:00:00 max=01:00:00'::sla_summary),
  ('met=1 breached=0 pending=0 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'::sla_summary)) v(s);
SELECT rollup(s) FROM (VALUES
  ('met=1 breached=0 pending=0 timed=1 total=1281023894:00:00 min=1281023894:00:00 max=1281023894:00:00'::sla_summary),
  ('met=1 breached=0 pending=0 timed=1 total=1281023894:00:00 min=1281023894:00:00 max=1281023894:00:00'::sla_summary)) v(s);
-- met + breached + pending must fit too (accessors add them up)
SELECT 'met=9223372036854775807 breached=0 pending=1 timed=0 total=00:00:00 min=- max=-'::sla_summary;
-- untargeted counts too: in the total of tickets, and in a rollup
SELECT 'met=1 breached=0 pending=0 untargeted=9223372036854775807 timed=0 total=00:00:00 min=- max=-'::sla_summary;
SELECT rollup(s) FROM (VALUES
  ('met=0 breached=0 pending=0 untargeted=9223372036854775807 timed=0 total=00:00:00 min=- max=-'::sla_summary),
  ('met=0 breached=0 pending=0 untargeted=1 timed=0 total=00:00:00 min=- max=-'::sla_summary)) v(s);
-- up to the edge it works: met=9223372036854775806 breached=0 pending=1 timed=2 total=02:00:00 min=01:00:00 max=01:00:00
SELECT rollup(s) FROM (VALUES
  ('met=9223372036854775805 breached=0 pending=1 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'::sla_summary),
  ('met=1 breached=0 pending=0 timed=1 total=01:00:00 min=01:00:00 max=01:00:00'::sla_summary)) v(s);

-- ---------------------------------------------------------------------------
-- 6. corrupted binary input: recv accepts only what the text input accepts
-- ---------------------------------------------------------------------------
CREATE TABLE bin_w (w sla_window);
CREATE TABLE bin_p (p sla_policy);
CREATE TABLE bin_s (s sla_summary);
CREATE TABLE bin_a (a availability_state);
\set binfile '/tmp/ms_hardening_bin.bin'
-- a window, mon 09:00-17:00, with a POSIX zone: its text form would not read back
COPY (SELECT '\x01'::bytea || convert_to('EST5EDT,M3.2.0,M11.1.0', 'UTF8') || '\x00'::bytea
             || '\x01'::bytea || int4send(32400) || int4send(61200) || '\x000000000000'::bytea || int4send(0))
  TO :'binfile' (FORMAT binary);
COPY bin_w FROM :'binfile' (FORMAT binary);
COPY (SELECT '\x01'::bytea || convert_to('+05', 'UTF8') || '\x00'::bytea
             || '\x01'::bytea || int4send(32400) || int4send(61200) || '\x000000000000'::bytea || int4send(0))
  TO :'binfile' (FORMAT binary);
COPY bin_w FROM :'binfile' (FORMAT binary);
-- the same with a zone of the database, spelt in lower case: mon 09:00-17:00 Europe/Berlin
COPY (SELECT '\x01'::bytea || convert_to('europe/berlin', 'UTF8') || '\x00'::bytea
             || '\x01'::bytea || int4send(32400) || int4send(61200) || '\x000000000000'::bytea || int4send(0))
  TO :'binfile' (FORMAT binary);
COPY bin_w FROM :'binfile' (FORMAT binary);
SELECT w FROM bin_w;
-- a policy (SEV0 to SEV5), SEV0 respond 1000000 hours 1 minute, and SEV0 respond 100000001 days:
-- longer than the text input takes (and than one amount of its output says)
COPY (SELECT '\x0101'::bytea || int4send(0) || int8send(3600000060000000) || '\x0000000000'::bytea)
  TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
COPY (SELECT '\x0101'::bytea || int4send(100000001) || int8send(0) || '\x0000000000'::bytea)
  TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
-- the largest: SEV0 respond 100000000 days 1000000 hours
COPY (SELECT '\x0101'::bytea || int4send(100000000) || int8send(3600000000000000) || '\x0000000000'::bytea)
  TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
SELECT p, p::text::sla_policy = p AS reads_back FROM bin_p;
-- a summary, met=1 timed=1, whose total, min and max are 2^63 - 1 microseconds
COPY (SELECT '\x01'::bytea || int8send(1) || int8send(0) || int8send(0) || int8send(1)
             || int8send(9223372036854775807) || int8send(9223372036854775807) || int8send(9223372036854775807))
  TO :'binfile' (FORMAT binary);
COPY bin_s FROM :'binfile' (FORMAT binary);
-- and met 2^63 - 1 with one pending
COPY (SELECT '\x01'::bytea || int8send(9223372036854775807) || int8send(0) || int8send(1) || int8send(0)
             || int8send(0) || int8send(0) || int8send(0))
  TO :'binfile' (FORMAT binary);
COPY bin_s FROM :'binfile' (FORMAT binary);
-- a state for 2026-01-05 embedding the window with the POSIX zone
COPY (SELECT '\x0101'::bytea || int8send(820800000000000) || int8send(820886400000000)
             || int4send(40) || '\x01'::bytea || convert_to('EST5EDT,M3.2.0,M11.1.0', 'UTF8') || '\x00'::bytea
             || '\x01'::bytea || int4send(32400) || int4send(61200) || '\x000000000000'::bytea || int4send(0)
             || int4send(0))
  TO :'binfile' (FORMAT binary);
COPY bin_a FROM :'binfile' (FORMAT binary);
SELECT (SELECT count(*) FROM bin_s) + (SELECT count(*) FROM bin_a) AS nothing_else_loaded;
DROP TABLE bin_w, bin_p, bin_s, bin_a;

-- ---------------------------------------------------------------------------
-- 7. memory: each zone's tables (about 60 kB) were kept for the life of the
--    backend; now at most 64 are kept beyond those in use.  Windows in every
--    zone of the database, three per zone: the backend's memory outside
--    PostgreSQL's own time-zone cache ("Timezones", about 27 kB a zone) grows
--    by about 4 MB (it grew by 56 MB), and a second round adds nothing
-- ---------------------------------------------------------------------------
CREATE FUNCTION pg_temp.backend_kb() RETURNS bigint LANGUAGE sql AS $$
  SELECT sum(total_bytes)::bigint / 1024 FROM pg_backend_memory_contexts WHERE name <> 'Timezones'
$$;
SELECT pg_temp.backend_kb() AS kb0 \gset
SELECT count(*) AS windows, count(DISTINCT sla_timezone(w)) = (SELECT count(*) FROM pg_timezone_names
         WHERE name NOT IN ('localtime', 'posixrules')) AS every_zone,
       sum(extract(epoch FROM sla_elapsed(w, '2026-01-01', '2026-02-01'))) > 0 AS computed
FROM (SELECT ('mon-fri 0' || h || ':00-17:00 ' || name)::sla_window AS w
      FROM pg_timezone_names, generate_series(1, 3) h
      WHERE name NOT IN ('localtime', 'posixrules')) s \gset
SELECT pg_temp.backend_kb() AS kb1 \gset
SELECT count(*) AS windows2,
       sum(extract(epoch FROM sla_elapsed(w, '2026-01-01', '2026-02-01'))) > 0 AS computed2
FROM (SELECT ('mon-fri 0' || h || ':00-16:00 ' || name)::sla_window AS w
      FROM pg_timezone_names, generate_series(4, 6) h
      WHERE name NOT IN ('localtime', 'posixrules')) s \gset
SELECT pg_temp.backend_kb() AS kb2 \gset
-- t, t, t, t: under 16 MB the first round, under 1 MB the second
SELECT :'every_zone'::bool AND :'computed'::bool AND :'computed2'::bool AS all_computed,
       :windows = :windows2 AS same_windows,
       :kb1 - :kb0 < 16384 AS first_round_bounded,
       :kb2 - :kb1 < 1024 AS second_round_flat;
SELECT count(*) <= 65 AS zones_kept_bounded FROM pg_backend_memory_contexts WHERE name = 'managed_services zone';

-- ---------------------------------------------------------------------------
-- 8. rollup(availability_state) sorted the whole union on every merge:
--    40 000 one-outage states took 14 s; now well under a second.  The
--    outages are 5 minutes every 330 s from 2026-01-01, shuffled: downtime
--    40000 x 5 min = 3333:20:00, and the rollup is the same value as one
--    availability_agg over all the outages
-- ---------------------------------------------------------------------------
CREATE TABLE roll AS
SELECT g, availability_agg(tstzrange(t, t + interval '5 minutes'), '[2026-01-01,2027-01-01)') AS s
FROM (SELECT g, timestamptz '2026-01-01' + g * interval '330 seconds' AS t FROM generate_series(1, 40000) g) x
GROUP BY g ORDER BY md5(g::text);
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
CREATE TABLE rolled AS SELECT rollup(s) AS r FROM roll;
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS rollup_secs \gset
-- 3333:20:00 | t | t
SELECT downtime(r),
       r::text = (SELECT availability_agg(tstzrange(t, t + interval '5 minutes'), '[2026-01-01,2027-01-01)')::text
                  FROM (SELECT timestamptz '2026-01-01' + g * interval '330 seconds' AS t
                        FROM generate_series(1, 40000) g) x) AS same_as_one_aggregate,
       :rollup_secs < 2 AS under_two_seconds
FROM rolled;
DROP TABLE roll, rolled;

-- ---------------------------------------------------------------------------
-- 9. cancellation: a call over a multirange of 1 000 000 pieces ran to its
--    end (about 100 ms) before a statement timeout could stop it.  Each call
--    is timed in full, then with a 5 ms statement_timeout: cancelled in well
--    under half the time of the full call (only the fetch of the 16 MB value
--    is left uninterrupted).  The sums are not shown, only that they are positive
-- ---------------------------------------------------------------------------
CREATE TABLE big (mr tstzmultirange);
ALTER TABLE big ALTER mr SET STORAGE EXTERNAL;
INSERT INTO big
SELECT range_agg(tstzrange(t, t + interval '1 minute'))
FROM generate_series(timestamptz '2000-01-01', timestamptz '2000-01-01' + 999999 * interval '7 minutes',
                     interval '7 minutes') t;
-- warm the caches (a window in UTC: no transitions, whose handling checked for
-- interrupts already)
SELECT sla_elapsed('mon-fri 09:00-17:00', mr) > '0' AS warm FROM big;
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
SELECT sla_elapsed('mon-fri 09:00-17:00', mr) > '0' AS elapsed_over_pieces FROM big;
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS full1 \gset
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
SELECT sla_elapsed('mon-fri 09:00-17:00', '2000-01-01', '2014-01-01', mr) > '0' AS elapsed_net_of_pauses FROM big;
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS full2 \gset
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
SET statement_timeout = '5ms';
SELECT sla_elapsed('mon-fri 09:00-17:00', mr) FROM big;
RESET statement_timeout;
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS cancel1 \gset
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
SET statement_timeout = '5ms';
SELECT sla_elapsed('mon-fri 09:00-17:00', '2000-01-01', '2014-01-01', mr) FROM big;
RESET statement_timeout;
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS cancel2 \gset
-- t | t
SELECT :cancel1 < :full1 / 2 AS elapsed_cancelled_early, :cancel2 < :full2 / 2 AS paused_cancelled_early;
DROP TABLE big;

-- ---------------------------------------------------------------------------
-- 8. found by the fuzz targets (fuzz/): values that recv accepted but whose
--    text form the text input refuses (a text dump of them did not restore),
--    and undefined behaviour while quoting a corrupt value in an error
-- ---------------------------------------------------------------------------
CREATE TABLE bin_p (p sla_policy);
CREATE TABLE bin_c (c credit_schedule);
-- sla_policy_recv: a policy without any target (version 1, six zero flag
-- bytes; fuzz input 01 00 00 00 00 00 00) printed as '', which sla_policy_in
-- refuses ("the value is empty"); now: invalid binary sla_policy, No targets.
COPY (SELECT '\x01000000000000'::bytea) TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
-- credit_schedule_recv: a schedule without any term (version 1, no flags, no
-- counts, per miss/cap/at risk/allocation "none" (-1), no bands) printed as
-- ''; now: invalid binary credit_schedule, The schedule has no terms.
COPY (SELECT '\x010000'::bytea || int4send(0) || int4send(0) || int4send(0) || int4send(0) || int4send(0)
             || int4send(0) || int4send(0) || int4send(0) || int4send(0) || int4send(0)
             || int8send(-1) || int8send(0) || int8send(-1) || int8send(-1) || int8send(-1) || '\x00'::bytea)
  TO :'binfile' (FORMAT binary);
COPY bin_c FROM :'binfile' (FORMAT binary);
-- credit_schedule_recv: a band with a share of -2^63 millionths (the fuzz
-- input had it as the credit of a band; here it is the threshold of a
-- percentage band) negated -2^63 while quoting the band in the error:
-- undefined behaviour (with -fwrapv it printed "below --922337203685477.-5808%");
-- now: Band "below -922337203685477.5808%: 10%" (-2^63 / 10^4 percent)
COPY (SELECT '\x010200'::bytea || int4send(0) || int4send(0) || int4send(0) || int4send(0) || int4send(0)
             || int4send(0) || int4send(0) || int4send(0) || int4send(0) || int4send(0)
             || int8send(-1) || int8send(0) || int8send(-1) || int8send(-1) || int8send(-1)
             || '\x01'::bytea || int8send(-9223372036854775808) || int8send(100000))
  TO :'binfile' (FORMAT binary);
COPY bin_c FROM :'binfile' (FORMAT binary);
-- 0 | 0
SELECT (SELECT count(*) FROM bin_p) AS policies_loaded, (SELECT count(*) FROM bin_c) AS schedules_loaded;
DROP TABLE bin_p, bin_c;
