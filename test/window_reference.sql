-- sla_window: the C functions against the slow reference in test/reference/window_ref.sql.
--
--     pg_prove -d DB test/window_reference.sql        (from the repository root)
--
-- Part 1 checks the reference itself on hand-checked cases.  Part 2 draws random windows
-- (text for the C type, spec for the reference) and random instants, spread over 1950-2030 and
-- clustered around the DST transitions of each window's zone, and compares every C function
-- with the reference: one assertion per function over the whole batch, with up to 10
-- mismatching cases printed as diagnostics (ready to paste into psql).  Part 3 checks algebraic
-- properties of the C functions on the same cases.
--
-- Everything is seeded (setseed) and so reproducible; the session TimeZone is deliberately
-- exotic because no result may depend on it.

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
\ir reference/window_ref.sql

SET LOCAL TimeZone = 'Pacific/Chatham';                 -- +12:45/+13:45: must not matter
SET LOCAL max_parallel_workers_per_gather = 0;          -- keep random() draws in one order

SELECT plan(92);

-------------------------------------------------------------------------------------------------
-- Part 1: the reference on hand-checked cases
-------------------------------------------------------------------------------------------------

-- the parser's spec, spelled out
SELECT is(ref.parse_window('mon-fri 09:00-17:00'),
          '{"zone": "UTC", "holidays": [], "special": {},
            "days": {"1": [[540, 1020]], "2": [[540, 1020]], "3": [[540, 1020]], "4": [[540, 1020]],
                     "5": [[540, 1020]], "6": [], "7": []}}'::jsonb,
          'ref.parse_window: mon-fri 09:00-17:00 (zone defaults to UTC)');
SELECT is(ref.parse_window('sun 22:00-02:00 Europe/Berlin holidays 2026-12-26,2026-12-25,2026-12-26'),
          '{"zone": "Europe/Berlin", "holidays": ["2026-12-25", "2026-12-26"], "special": {},
            "days": {"1": [[0, 120]], "2": [], "3": [], "4": [], "5": [], "6": [],
                     "7": [[1320, 1440]]}}'::jsonb,
          'ref.parse_window: an overnight range is split, its tail belongs to the next weekday');
SELECT is(ref.parse_window('fri-mon 20:00-24:00,06:00-07:30; wed 12:00-13:00 America/New_York'),
          '{"zone": "America/New_York", "holidays": [], "special": {},
            "days": {"1": [[360, 450], [1200, 1440]], "2": [], "3": [[720, 780]], "4": [],
                     "5": [[360, 450], [1200, 1440]], "6": [[360, 450], [1200, 1440]],
                     "7": [[360, 450], [1200, 1440]]}}'::jsonb,
          'ref.parse_window: wrapping day range, several ranges and groups');
SELECT throws_ok($$SELECT ref.parse_window('mon 09:00-12:00; mon-tue 11:00-13:00')$$, '22P02', NULL,
                 'ref.parse_window: overlapping ranges on one weekday are rejected');
-- special hours: a written date has exactly its hours; a date that only gets the tail of an
-- overnight range keeps its weekday's hours besides; a tail on a holiday is closed
SELECT is(ref.parse_window('mon-fri 09:00-17:00 holidays 2027-01-01 hours 2026-12-24,2026-12-31 09:00-12:00, '
                           '2026-12-26 10:00-14:00; 2026-12-30 20:00-02:00,06:00-08:00; 2026-12-31 22:00-01:00'),
          '{"zone": "UTC", "holidays": ["2027-01-01"],
            "special": {"2026-12-24": [[540, 720]], "2026-12-26": [[600, 840]],
                        "2026-12-30": [[360, 480], [1200, 1440]],
                        "2026-12-31": [[0, 120], [540, 720], [1320, 1440]]},
            "days": {"1": [[540, 1020]], "2": [[540, 1020]], "3": [[540, 1020]], "4": [[540, 1020]],
                     "5": [[540, 1020]], "6": [], "7": []}}'::jsonb,
          'ref.parse_window: special hours (date lists, both separators, overnight tails)');
SELECT is(ref.parse_window('mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00')->'special',
          '{"2026-12-31": [[1200, 1440]], "2027-01-01": [[0, 120], [540, 1020]]}'::jsonb,
          'ref.parse_window: a tail-only date keeps its weekday''s hours');
SELECT throws_ok($$SELECT ref.parse_window('mon-fri 09:00-17:00 holidays 2026-12-24 hours 2026-12-24 09:00-12:00')$$,
                 '22P02', NULL, 'ref.parse_window: a date both holiday and special is rejected');
SELECT throws_ok($$SELECT ref.parse_window('mon-fri 22:00-06:00 hours 2026-12-31 20:00-04:00')$$,
                 '22P02', NULL, 'ref.parse_window: a tail overlapping the next date''s hours is rejected');
-- Thu 2026-12-24 half day, Fri 12-25 holiday, an extra working Saturday 12-26 (UTC)
SELECT is(ref.elapsed(ref.parse_window('mon-fri 09:00-17:00 holidays 2026-12-25 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00'),
                      '2026-12-21 00:00+00', '2026-12-29 00:00+00')::text,
          '39:00:00', 'elapsed: 3 x 8 + 3 (half day) + 0 (holiday) + 4 (Saturday) + 8 = 39 hours');
SELECT is(ref.close_of_business(ref.parse_window('mon-fri 08:00-12:00,13:00-17:00'), '2026-03-02 12:30+00'),
          '2026-03-02 17:00+00', 'close_of_business: a lunch break is not the close of business');
SELECT is(ref.next_business_day_close(ref.parse_window('mon-fri 09:00-17:00 holidays 2026-03-09'), '2026-03-06 18:00+00'),
          '2026-03-11 17:00+00', 'next_business_day_close: Fri evening counts as opened Tue (Mon holiday), due Wed close');

-- mon-fri 09:00-17:00 UTC; 2026-03-02 is a Monday
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 16:00+00', '4 hours'),
          '2026-03-03 12:00+00', 'deadline: 4 hours from Mon 16:00 is Tue 12:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 16:00+00', '1 hour'),
          '2026-03-02 17:00+00', 'deadline: 1 hour from Mon 16:00 is Mon 17:00, not Tue 09:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-06 16:00+00', '1 hour'),
          '2026-03-06 17:00+00', 'deadline: 1 hour from Fri 16:00 is Fri 17:00, not Mon 09:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-06 16:00+00', '2 hours'),
          '2026-03-09 10:00+00', 'deadline: 2 hours from Fri 16:00 is Mon 10:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 16:00+00', '8 hours'),
          '2026-03-03 16:00+00', 'deadline: 8 hours from Mon 16:00 is Tue 16:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 11:00+00', '0'),
          '2026-03-07 11:00+00', 'deadline: a zero target is due at once, even when closed');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 11:00+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Sat 11:00 is Mon 17:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 00:00+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Sat 00:00 is Mon 17:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-08 23:59:59+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Sun 23:59:59 is Mon 17:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-06 18:00+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Fri 18:00 is Mon 17:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 07:00+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Mon 07:00 is Mon 17:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 09:00+00', '1 day'),
          '2026-03-09 17:00+00', 'deadline: 1 day from Mon 09:00 is Mon 17:00 (Tue 09:00 sits at an opening)');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 10:30+00', '1 day'),
          '2026-03-10 10:30+00', 'deadline: 1 day from Mon 10:30 is Tue 10:30');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 10:30+00', '1 day 02:00'),
          '2026-03-10 12:30+00', 'deadline: 1 day 2 hours from Mon 10:30 is Tue 12:30 (days first)');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-04 13:00+00', '3 days'),
          '2026-03-09 13:00+00', 'deadline: 3 days from Wed 13:00 is Mon 13:00');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 16:00+00', '24 hours'),
          '2026-03-12 16:00+00', 'deadline: 24 hours are business hours (Mon 16:00 -> Thu 16:00)');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00 holidays 2026-03-03'),
                       '2026-03-02 16:00+00', '4 hours'),
          '2026-03-04 12:00+00', 'deadline: a holiday Tuesday is skipped (4 hours from Mon 16:00)');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00 holidays 2026-03-03'),
                       '2026-03-02 10:30+00', '1 day'),
          '2026-03-04 10:30+00', 'deadline: a holiday is not a business date (1 day from Mon 10:30)');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-12:00'), '2026-03-02 11:00+00', '1 day'),
          '2026-03-03 11:00+00', 'deadline: 1 day from Mon 11:00 in a 09-12 window is Tue 11:00');
SELECT throws_ok($$SELECT ref.deadline(ref.parse_window('24x7'), '2026-03-02 11:00+00', '1 month')$$,
                 '22023', NULL, 'deadline: months are an error (22023)');
SELECT throws_ok($$SELECT ref.deadline(ref.parse_window('24x7'), '2026-03-02 11:00+00', '1 day -01:00')$$,
                 '22023', NULL, 'deadline: a negative component is an error (22023)');

SELECT is(ref.elapsed(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 00:00+00', '2026-03-09 00:00+00')::text,
          '40:00:00', 'elapsed: a Mon-Fri 09-17 week is 40 hours, as pure time');
SELECT is(ref.elapsed(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 00:00+00', '2026-03-02 00:00+00')::text,
          '-40:00:00', 'elapsed: negative when b < a');
SELECT is(ref.elapsed(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 10:00+00', '2026-03-02 10:00+00')::text,
          '00:00:00', 'elapsed: zero when a = b');
SELECT is(ref.elapsed(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 16:00+00', '2026-03-03 12:00+00')::text,
          '04:00:00', 'elapsed: Mon 16:00 -> Tue 12:00 is 4 hours');
SELECT is(ARRAY[ref.is_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 09:00+00'),
                ref.is_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 16:59:59.999999+00'),
                ref.is_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 17:00+00'),
                ref.is_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-02 08:59:59.999999+00'),
                ref.is_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 12:00+00')],
          ARRAY[true, true, false, false, false],
          'is_open: ranges are half-open [09:00, 17:00), weekends closed');
SELECT is(ref.next_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 12:00+00'),
          '2026-03-09 09:00+00', 'next_open: from Sat 12:00 is Mon 09:00');
SELECT is(ref.next_open(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 10:00+00'),
          '2026-03-09 10:00+00', 'next_open: an open instant is its own next opening');
SELECT is(ref.next_close(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-09 10:00+00'),
          '2026-03-09 17:00+00', 'next_close: from Mon 10:00 is Mon 17:00');
SELECT is(ref.next_close(ref.parse_window('mon-fri 09:00-17:00'), '2026-03-07 12:00+00'),
          '2026-03-07 12:00+00', 'next_close: a closed instant is its own next closing');

-- 24x7
SELECT is(ref.elapsed(ref.parse_window('24x7'), '2026-03-02 00:00+00', '2026-03-03 02:00+00')::text,
          '26:00:00', 'elapsed: 24x7 over 26 hours is ''26:00:00'', never ''1 day 02:00:00''');
SELECT is(ref.next_close(ref.parse_window('24x7'), '2026-03-02 00:00+00'),
          'infinity', 'next_close: 24x7 without holidays never closes');
SELECT is(ref.next_close(ref.parse_window('24x7 holidays 2026-12-25'), '2026-12-20 12:00+00'),
          '2026-12-25 00:00+00', 'next_close: 24x7 closes at its holiday');
SELECT is(ref.next_open(ref.parse_window('24x7 holidays 2026-12-25'), '2026-12-25 05:00+00'),
          '2026-12-26 00:00+00', 'next_open: 24x7 reopens after its holiday');

-- overnight
SELECT is(ref.elapsed(ref.parse_window('sun 22:00-02:00'), '2026-03-02 00:00+00', '2026-03-09 00:00+00')::text,
          '04:00:00', 'elapsed: sun 22:00-02:00 gives Mon 00-02 and Sun 22-24 in a Mon-Mon week');
SELECT ok(ref.is_open(ref.parse_window('sun 22:00-02:00'), '2026-03-09 01:00+00'),
          'is_open: Mon 01:00 is open under sun 22:00-02:00');
SELECT is(ref.elapsed(ref.parse_window('sun 22:00-02:00 holidays 2026-03-09'),
                      '2026-03-08 00:00+00', '2026-03-10 00:00+00')::text,
          '02:00:00', 'elapsed: a holiday Monday closes the after-midnight part of Sunday''s range');

-- DST: a 00:00-24:00 day lasts 23 or 25 hours
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 Europe/Berlin'),
                                                      '2026-03-29', '2026-03-29')))::text,
          '23:00:00', 'open_set: Europe/Berlin 2026-03-29 has 23 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 Europe/Berlin'),
                                                      '2026-10-25', '2026-10-25')))::text,
          '25:00:00', 'open_set: Europe/Berlin 2026-10-25 has 25 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 America/New_York'),
                                                      '2026-03-08', '2026-03-08')))::text,
          '23:00:00', 'open_set: America/New_York 2026-03-08 has 23 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 America/New_York'),
                                                      '2026-11-01', '2026-11-01')))::text,
          '25:00:00', 'open_set: America/New_York 2026-11-01 has 25 hours');
SELECT is(ref.elapsed(ref.parse_window('sun 00:00-24:00 Europe/Berlin'),
                      '2026-03-23 00:00 Europe/Berlin', '2026-04-06 00:00 Europe/Berlin')::text,
          '47:00:00', 'elapsed: Berlin Sundays 2026-03-29 and 04-05 are 23 + 24 hours');
SELECT is(ref.elapsed(ref.parse_window('sun 00:00-24:00 Europe/Berlin'),
                      '2026-10-19 00:00 Europe/Berlin', '2026-11-02 00:00 Europe/Berlin')::text,
          '49:00:00', 'elapsed: Berlin Sundays 2026-10-25 and 11-01 are 25 + 24 hours');
SELECT is(ref.elapsed(ref.parse_window('sun 00:00-24:00 America/New_York'),
                      '2026-03-02 00:00 America/New_York', '2026-03-16 00:00 America/New_York')::text,
          '47:00:00', 'elapsed: New York Sundays 2026-03-08 and 03-15 are 23 + 24 hours');
SELECT is(ref.elapsed(ref.parse_window('sun 00:00-24:00 America/New_York'),
                      '2026-10-26 00:00 America/New_York', '2026-11-09 00:00 America/New_York')::text,
          '49:00:00', 'elapsed: New York Sundays 2026-11-01 and 11-08 are 25 + 24 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 Australia/Lord_Howe'),
                                                      '2026-10-04', '2026-10-04')))::text,
          '23:30:00', 'open_set: Australia/Lord_Howe 2026-10-04 has 23.5 hours (30-minute shift)');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 Australia/Lord_Howe'),
                                                      '2026-04-05', '2026-04-05')))::text,
          '24:30:00', 'open_set: Australia/Lord_Howe 2026-04-05 has 24.5 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 America/Sao_Paulo'),
                                                      '2018-11-04', '2018-11-04')))::text,
          '23:00:00', 'open_set: America/Sao_Paulo 2018-11-04 (DST from midnight) has 23 hours');
SELECT is(ref.usecs_interval(ref.measure(ref.open_set(ref.parse_window('mon-sun 00:00-24:00 America/Sao_Paulo'),
                                                      '2019-02-16', '2019-02-16')))::text,
          '25:00:00', 'open_set: America/Sao_Paulo 2019-02-16 (DST ends at midnight) has 25 hours');

-- DST gaps and overlaps at part boundaries (Berlin: 02:00 -> 03:00 on 2026-03-29, back on 10-25)
SELECT is(ref.open_set(ref.parse_window('mon-sun 02:00-03:00 Europe/Berlin'), '2026-03-29', '2026-03-29'),
          '{}'::tstzmultirange, 'open_set: a part lying in the spring-forward gap is empty');
SELECT is(ref.open_set(ref.parse_window('mon-sun 02:30-04:00 Europe/Berlin'), '2026-03-29', '2026-03-29'),
          '{["2026-03-29 01:30:00+00","2026-03-29 02:00:00+00")}'::tstzmultirange,
          'open_set: a start in the gap converts with the offset before the jump');
SELECT is(ref.open_set(ref.parse_window('mon-sun 01:00-02:40,03:00-05:00 Europe/Berlin'), '2026-03-29', '2026-03-29'),
          '{["2026-03-29 00:00:00+00","2026-03-29 03:00:00+00")}'::tstzmultirange,
          'open_set: parts that overlap after conversion around the gap are merged (3 hours, not 3:40)');
SELECT is(ref.open_set(ref.parse_window('mon-sun 02:00-03:00 Europe/Berlin'), '2026-10-25', '2026-10-25'),
          '{["2026-10-25 01:00:00+00","2026-10-25 02:00:00+00")}'::tstzmultirange,
          'open_set: an ambiguous 02:00 in the fall-back overlap is standard time');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00 Europe/Berlin'),
                       '2026-03-27 10:00 Europe/Berlin', '1 day'),
          '2026-03-30 10:00 Europe/Berlin', 'deadline: 1 day keeps the local time of day across DST');
SELECT is(ref.deadline(ref.parse_window('mon-fri 09:00-17:00 America/New_York'),
                       '2026-10-30 13:00 America/New_York', '8 hours'),
          '2026-11-02 13:00 America/New_York', 'deadline: 8 hours across the fall-back weekend');

-- Pacific/Apia skipped 2011-12-30 (a Friday): its 00:00-24:00 converts to an empty interval,
-- and a Friday range converts with the -10:00 offset, landing on Saturday 12-31 (+14:00)
SELECT is(ref.elapsed(ref.parse_window('mon-sun 00:00-24:00 Pacific/Apia'),
                      '2011-12-29 00:00 Pacific/Apia', '2012-01-01 00:00 Pacific/Apia')::text,
          '48:00:00', 'elapsed: Pacific/Apia 2011-12-29 .. 31 is 48 hours (12-30 never happened)');
SELECT is(ref.elapsed(ref.parse_window('fri 09:00-17:00 Pacific/Apia'),
                      '2011-12-26 00:00+00', '2012-01-03 00:00+00')::text,
          '08:00:00', 'elapsed: Pacific/Apia fri 09-17 still gives 8 hours that week');
SELECT ok(ref.is_open(ref.parse_window('fri 09:00-17:00 Pacific/Apia'), '2011-12-31 12:00+14'),
          'is_open: Pacific/Apia Sat 2011-12-31 12:00 is open by the skipped Friday''s range');

-- a zone without DST, half-hour offset
SELECT is(ARRAY[ref.is_open(ref.parse_window('mon-fri 09:00-17:00 Asia/Kolkata'), '2026-03-02 03:30+00'),
                ref.is_open(ref.parse_window('mon-fri 09:00-17:00 Asia/Kolkata'), '2026-03-02 03:29:59+00')],
          ARRAY[true, false], 'is_open: Asia/Kolkata 09:00 is 03:30 UTC');

-------------------------------------------------------------------------------------------------
-- Part 2: random cases
-------------------------------------------------------------------------------------------------

-- DST transitions (instants where the UTC offset changes) of the test zones, 2010-2030
CREATE TEMP TABLE tz_transition AS
SELECT z.zone,
       (SELECT min(m)
        FROM generate_series(d.t, d.t + interval '24 hours', interval '1 minute') AS m
        WHERE (m AT TIME ZONE z.zone) - (m AT TIME ZONE 'UTC') = d.next_off) AS instant
FROM unnest(ref.test_zones()) AS z(zone),
     LATERAL (SELECT t,
                     (t AT TIME ZONE z.zone) - (t AT TIME ZONE 'UTC') AS off,
                     lead((t AT TIME ZONE z.zone) - (t AT TIME ZONE 'UTC')) OVER (ORDER BY t) AS next_off
              FROM generate_series(timestamptz '2010-01-01 00:00+00', timestamptz '2030-12-31 00:00+00',
                                   interval '24 hours') AS t) AS d
WHERE d.off <> d.next_off;

-- The cases: a window, instants a, b, c and two deadline targets (time only; with days)
CREATE TEMP TABLE wcase (
    id      int PRIMARY KEY,
    zone    text,
    txt     text,
    spec    jsonb,
    a       timestamptz,
    b       timestamptz,
    c       timestamptz,
    d_time  interval,
    d_days  interval
);

DO $gen$
DECLARE
    n_cases CONSTANT int := 3000;
    zones   text[] := ref.test_zones();
    z       text;
    tr      timestamptz[];
    tsel    timestamptz;
    anchor  timestamptz;
    win     record;
    a       timestamptz;
    b       timestamptz;
    c       timestamptz;
    span    float8;
    cal     float8;
    wmin    int;
    wdays   int;
    dt      interval;
    dd      interval;
    u       float8;
BEGIN
    PERFORM setseed(0.2026);
    FOR i IN 1..n_cases LOOP
        z := zones[ref.rand_int(1, cardinality(zones))];
        SELECT coalesce(array_agg(instant ORDER BY instant), '{}') INTO tr FROM tz_transition WHERE zone = z;
        -- anchor: near a DST transition of the zone (60%) or anywhere in 1950-2030
        -- (before 2000, PostgreSQL's zero point, local positions are negative)
        IF cardinality(tr) > 0 AND random() < 0.6 THEN
            tsel := tr[ref.rand_int(1, cardinality(tr))];
            anchor := tsel + make_interval(secs => 60 * round((random() * 6 - 3) * 1440));
        ELSE
            tsel := NULL;
            anchor := timestamptz '1950-01-01 00:00+00' + make_interval(mins => ref.rand_int(0, 29220 * 1440));
        END IF;
        SELECT * INTO win
        FROM ref.random_window(NULL, (anchor AT TIME ZONE z)::date - ref.rand_int(0, 10), z);

        a := ref.random_instant(win.spec, anchor, tsel);
        -- b - a: 5% zero, 4% 40..400 days, else 1 minute .. 40 days (log-uniform); 20% negative
        u := random();
        span := CASE WHEN u < 0.05 THEN 0
                     WHEN u < 0.09 THEN (40 + random() * 360) * 86400
                     ELSE exp(random() * ln(57600)) * 60 END;
        IF random() < 0.2 THEN
            span := -span;
        END IF;
        b := ref.random_instant(win.spec, a + make_interval(secs => round(span)));
        -- c: a third instant for additivity, anywhere from a few minutes to 40 days from b
        span := exp(random() * ln(57600)) * 60 * CASE WHEN random() < 0.3 THEN -1 ELSE 1 END;
        c := ref.random_instant(win.spec, b + make_interval(secs => round(span)));

        -- deadline targets sized so the deadline lands minutes to 40 days (a few 400) after a
        wmin := ref.week_minutes(win.spec);
        wdays := ref.week_days(win.spec);
        cal := CASE WHEN random() < 0.05 THEN (40 + random() * 360) * 1440
                    ELSE exp(random() * ln(57600)) END;                 -- calendar minutes
        u := random();
        IF u < 0.05 THEN
            dt := interval '0';
        ELSE
            dt := make_interval(mins => greatest(1, round(cal * wmin / 10080.0))::int);
            IF u < 0.25 THEN
                dt := dt + make_interval(secs => ref.rand_int(0, 59));
            ELSIF u < 0.28 THEN
                dt := dt + make_interval(secs => ref.rand_int(0, 59999999) / 1000000.0);
            END IF;
        END IF;
        cal := CASE WHEN random() < 0.05 THEN 40 + random() * 360
                    ELSE exp(random() * ln(40)) END;                    -- calendar days
        dd := make_interval(days => greatest(1, round(cal * wdays / 7.0))::int);
        IF random() < 0.4 THEN                                          -- plus part of a day
            dd := dd + make_interval(mins => ref.rand_int(0, wmin / greatest(wdays, 1)));
        END IF;

        INSERT INTO wcase VALUES (i, z, win.txt, win.spec, a, b, c, dt, dd);
    END LOOP;
END
$gen$;

-- The reference's answers
CREATE TEMP TABLE wref AS
SELECT id,
       ref.elapsed(spec, a, b)::text        AS elapsed,
       ref.is_open(spec, a)::text           AS open_a,
       ref.is_open(spec, b)::text           AS open_b,
       ref.next_open(spec, a)::text         AS next_open,
       ref.next_close(spec, a)::text        AS next_close,
       ref.deadline(spec, a, d_time)::text  AS deadline_time,
       ref.deadline(spec, a, d_days)::text  AS deadline_days,
       -- (half the cases: the reference is slow here, and 1500 cover the ground)
       CASE WHEN id % 2 = 0 THEN ref.close_of_business(spec, a)::text END AS close_of_business,
       CASE WHEN id % 2 = 0 THEN ref.next_business_day_close(spec, a)::text END AS next_business_day
FROM wcase;

-- Self-checks of the generator and the reference (no C involved)
SELECT is((SELECT count(*) FROM wcase WHERE ref.parse_window(txt) IS DISTINCT FROM spec)::int, 0,
          'ref.random_window: every text parses (ref.parse_window) to its spec');
SELECT is((SELECT count(*) FROM wcase
           WHERE id <= 300
             AND ref.elapsed(spec, a, ref.deadline(spec, a, d_time))::text IS DISTINCT FROM d_time::text)::int, 0,
          'ref: elapsed(a, deadline(a, d)) = d for time-only d');
SELECT is((SELECT count(*) FROM wcase
           WHERE id <= 300
             AND ref.elapsed(spec, a, c) IS DISTINCT FROM ref.elapsed(spec, a, b) + ref.elapsed(spec, b, c))::int, 0,
          'ref: elapsed(a, c) = elapsed(a, b) + elapsed(b, c)');
SELECT is((SELECT count(*) FROM wcase w JOIN wref r USING (id)
           WHERE id <= 600
             AND NOT (    (r.next_open::timestamptz = a) = (r.open_a = 'true')
                      AND (r.next_close::timestamptz = a) = (r.open_a = 'false')
                      AND ref.is_open(spec, r.next_open::timestamptz)
                      AND ref.elapsed(spec, a, r.next_open::timestamptz) = interval '0'
                      AND (r.next_close = 'infinity'
                           OR (NOT ref.is_open(spec, r.next_close::timestamptz)
                               AND ref.elapsed(spec, a, r.next_close::timestamptz)
                                   = ref.usecs_interval(ref.usecs(a, r.next_close::timestamptz))))))::int, 0,
          'ref: next_open / next_close agree with is_open and elapsed');
SELECT is((SELECT count(*) FROM wcase w JOIN wref r USING (id)
           WHERE r.deadline_days::timestamptz < a
              OR (d_days >= interval '1 day'
                  AND ref.elapsed(spec, a, r.deadline_days::timestamptz) = interval '0'))::int, 0,
          'ref: a deadline with days is after a and some open time passes before it');

-- The C type's answers; errors are caught per case and reported as mismatches
CREATE FUNCTION pg_temp.try_window(txt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM txt::sla_window;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_elapsed(w sla_window, a timestamptz, b timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_elapsed(w, a, b)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_open(w sla_window, t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_open(w, t)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_next_open(w sla_window, t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_next_open(w, t)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_next_close(w sla_window, t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_next_close(w, t)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_cob(w sla_window, t timestamptz) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_close_of_business(w, t)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_deadline(w sla_window, a timestamptz, d interval) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN sla_deadline(w, a, d)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.try_output(w sla_window) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN w::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- output -> input -> output
CREATE FUNCTION pg_temp.try_roundtrip(txt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN txt::sla_window::text;
EXCEPTION WHEN OTHERS THEN
    RETURN 'ERROR ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- the reference parser's reading of a text, NULL when it rejects it
CREATE FUNCTION pg_temp.try_parse(txt text) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
    RETURN ref.parse_window(txt);
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END $$;
-- a timestamptz given as text, NULL when it is not one (an error message)
CREATE FUNCTION pg_temp.ts(v text) RETURNS timestamptz LANGUAGE plpgsql AS $$
BEGIN
    RETURN v::timestamptz;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END $$;
-- an interval given as text, NULL when it is not one
CREATE FUNCTION pg_temp.iv(v text) RETURNS interval LANGUAGE plpgsql AS $$
BEGIN
    RETURN v::interval;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END $$;

CREATE TEMP TABLE wparse AS
SELECT id, pg_temp.try_window(txt) AS err FROM wcase;

CREATE TEMP TABLE wc AS
SELECT w.*, p.err, CASE WHEN p.err IS NULL THEN w.txt::sla_window END AS win
FROM wcase w JOIN wparse p USING (id);

CREATE TEMP TABLE wcres AS
SELECT id,
       pg_temp.try_output(win)                    AS output,
       pg_temp.try_elapsed(win, a, b)             AS elapsed,
       pg_temp.try_open(win, a)                   AS open_a,
       pg_temp.try_open(win, b)                   AS open_b,
       pg_temp.try_next_open(win, a)              AS next_open,
       pg_temp.try_next_close(win, a)             AS next_close,
       pg_temp.try_deadline(win, a, d_time)       AS deadline_time,
       pg_temp.try_deadline(win, a, d_days)       AS deadline_days,
       CASE WHEN id % 2 = 0 THEN pg_temp.try_cob(win, a) END AS close_of_business,
       CASE WHEN id % 2 = 0 THEN pg_temp.try_deadline(win, a, sla_next_business_day()) END AS next_business_day
FROM wc;

-- one row per (case, function) with both answers, for the assertions and diagnostics below
CREATE TEMP TABLE wcmp AS
SELECT w.id, f.fn, f.c_result, f.ref_result
FROM wc w JOIN wref r USING (id) JOIN wcres x USING (id),
LATERAL (VALUES ('elapsed',       x.elapsed,       r.elapsed),
                ('open_a',        x.open_a,        r.open_a),
                ('open_b',        x.open_b,        r.open_b),
                ('next_open',     x.next_open,     r.next_open),
                ('next_close',    x.next_close,    r.next_close),
                ('deadline_time', x.deadline_time, r.deadline_time),
                ('deadline_days', x.deadline_days, r.deadline_days),
                ('close_of_business', x.close_of_business, r.close_of_business),
                ('next_business_day', x.next_business_day, r.next_business_day)) AS f(fn, c_result, ref_result);

-- A result for diagnostics: instants in UTC and in the window's local time, the rest as is.
CREATE FUNCTION pg_temp.show_result(v text, zone text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    IF v IS NULL OR v LIKE 'ERROR%' OR v IN ('true', 'false') THEN
        RETURN coalesce(v, 'NULL (window did not parse)');
    END IF;
    BEGIN
        RETURN ref.show(v::timestamptz, zone);
    EXCEPTION WHEN OTHERS THEN
        RETURN v;                                       -- an interval
    END;
END $$;

-- Diagnostics for the mismatches of the functions named like `f`: the count, then up to 10
-- cases as a call ready to paste into psql, with the instants also in the window's local time.
CREATE FUNCTION pg_temp.mismatches(f text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT diag(format('%s mismatches in %s comparisons; the first ones:',
                       count(*) FILTER (WHERE m), count(*)))
    FROM (SELECT c_result IS DISTINCT FROM ref_result AS m FROM wcmp WHERE fn LIKE f) AS s
    HAVING count(*) FILTER (WHERE m) > 0
    UNION ALL
    (SELECT diag(format(E'case %s: %s\n      C:   %s\n      ref: %s',
                        m.id,
                        CASE m.fn
                            WHEN 'elapsed' THEN format(E'sla_elapsed(%L, %L, %L)\n      a = %s\n      b = %s',
                                                       w.txt, ref.lit(w.a), ref.lit(w.b),
                                                       ref.show(w.a, w.zone), ref.show(w.b, w.zone))
                            WHEN 'open_a' THEN format(E'sla_open(%L, %L)\n      t = %s',
                                                      w.txt, ref.lit(w.a), ref.show(w.a, w.zone))
                            WHEN 'open_b' THEN format(E'sla_open(%L, %L)\n      t = %s',
                                                      w.txt, ref.lit(w.b), ref.show(w.b, w.zone))
                            WHEN 'next_open' THEN format(E'sla_next_open(%L, %L)\n      t = %s',
                                                         w.txt, ref.lit(w.a), ref.show(w.a, w.zone))
                            WHEN 'next_close' THEN format(E'sla_next_close(%L, %L)\n      t = %s',
                                                          w.txt, ref.lit(w.a), ref.show(w.a, w.zone))
                            WHEN 'deadline_time' THEN format(E'sla_deadline(%L, %L, %L)\n      a = %s',
                                                             w.txt, ref.lit(w.a), w.d_time, ref.show(w.a, w.zone))
                            WHEN 'deadline_days' THEN format(E'sla_deadline(%L, %L, %L)\n      a = %s',
                                                             w.txt, ref.lit(w.a), w.d_days, ref.show(w.a, w.zone))
                            WHEN 'close_of_business' THEN format(E'sla_close_of_business(%L, %L)\n      t = %s',
                                                                 w.txt, ref.lit(w.a), ref.show(w.a, w.zone))
                            WHEN 'next_business_day' THEN format(E'sla_next_business_day_close(%L, %L)\n      t = %s',
                                                                 w.txt, ref.lit(w.a), ref.show(w.a, w.zone))
                        END,
                        pg_temp.show_result(m.c_result, w.zone), pg_temp.show_result(m.ref_result, w.zone)))
     FROM wcmp m JOIN wcase w USING (id)
     WHERE m.fn LIKE f AND m.c_result IS DISTINCT FROM m.ref_result
     ORDER BY m.id, m.fn
     LIMIT 10)
$$;

SELECT is((SELECT count(*) FROM wparse WHERE err IS NOT NULL)::int, 0,
          'sla_window: every random window text parses');
SELECT diag(format('case %s: %L::sla_window -> %s', id, txt, err))
FROM (SELECT id, w.txt, p.err FROM wparse p JOIN wcase w USING (id)
      WHERE p.err IS NOT NULL ORDER BY id LIMIT 10) AS s;

CREATE TEMP TABLE wout AS
SELECT wc.id, wc.txt, x.output, pg_temp.try_roundtrip(x.output) AS again,
       pg_temp.try_parse(x.output) IS NOT DISTINCT FROM wc.spec AS same
FROM wc JOIN wcres x USING (id)
WHERE win IS NOT NULL;
SELECT is((SELECT count(*) FROM wout WHERE again IS DISTINCT FROM output OR NOT same)::int, 0,
          'sla_window: canonical output round-trips and means the same window (ref.parse_window)');
SELECT diag(format(E'case %s: %L\n      output: %L\n      output read back: %L%s', id, txt, output, again,
                   CASE WHEN same THEN '' ELSE E'\n      (the output does not mean the same window)' END))
FROM (SELECT * FROM wout WHERE again IS DISTINCT FROM output OR NOT same ORDER BY id LIMIT 10) AS s;

SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'elapsed' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_elapsed = ref.elapsed on every random case (text form: pure time, no days)');
SELECT pg_temp.mismatches('elapsed');
SELECT is((SELECT count(*) FROM wcmp WHERE fn LIKE 'open_%' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_open = ref.is_open on every random case (at a and at b)');
SELECT pg_temp.mismatches('open_%');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'next_open' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_next_open = ref.next_open on every random case');
SELECT pg_temp.mismatches('next_open');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'next_close' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_next_close = ref.next_close on every random case');
SELECT pg_temp.mismatches('next_close');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'deadline_time' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_deadline = ref.deadline on every random case, hours/minutes targets');
SELECT pg_temp.mismatches('deadline_time');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'deadline_days' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_deadline = ref.deadline on every random case, targets with days');
SELECT pg_temp.mismatches('deadline_days');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'close_of_business' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_close_of_business = ref.close_of_business on every random case');
SELECT pg_temp.mismatches('close_of_business');
SELECT is((SELECT count(*) FROM wcmp WHERE fn = 'next_business_day' AND c_result IS DISTINCT FROM ref_result)::int, 0,
          'sla_deadline(w, a, sla_next_business_day()) = ref.next_business_day_close on every random case');
SELECT pg_temp.mismatches('next_business_day');
SELECT is((SELECT count(*) FROM wc WHERE win IS NOT NULL
           AND sla_next_business_day_close(win, a) IS DISTINCT FROM sla_deadline(win, a, sla_next_business_day()))::int, 0,
          'sla_next_business_day_close(w, a) = sla_deadline(w, a, sla_next_business_day())');
SELECT is((SELECT count(*) FROM wcase WHERE spec->'special' <> '{}')::int > 600, true,
          'a good share of the random windows has special hours');

-------------------------------------------------------------------------------------------------
-- Part 3: properties of the C functions on the same cases
-------------------------------------------------------------------------------------------------

CREATE TEMP TABLE wprop AS
SELECT id, zone, txt, a, b, c, d_time,
       pg_temp.try_deadline(win, a, d_time)           AS dl,
       pg_temp.try_elapsed(win, a, pg_temp.ts(pg_temp.try_deadline(win, a, d_time))) AS dl_elapsed,
       pg_temp.try_elapsed(win, a, c)                 AS e_ac,
       pg_temp.try_elapsed(win, a, b)                 AS e_ab,
       pg_temp.try_elapsed(win, b, c)                 AS e_bc,
       pg_temp.try_elapsed(win, b, a)                 AS e_ba,
       pg_temp.try_elapsed('24x7 UTC', a, b)          AS e_247,
       pg_temp.try_open(win, a)                       AS open_a,
       pg_temp.try_next_open(win, a)                  AS next_open,
       pg_temp.try_next_close(win, a)                 AS next_close
FROM wc
WHERE win IS NOT NULL;

SELECT is((SELECT count(*) FROM wprop WHERE dl_elapsed IS DISTINCT FROM d_time::text)::int, 0,
          'sla_elapsed(w, a, sla_deadline(w, a, d)) = d for hours/minutes targets');
SELECT diag(format(E'case %s: sla_deadline(%L, %L, %L)\n      = %s\n      elapsed from a to it: %s',
                   id, txt, ref.lit(a), d_time, pg_temp.show_result(dl, zone), dl_elapsed))
FROM (SELECT * FROM wprop WHERE dl_elapsed IS DISTINCT FROM d_time::text ORDER BY id LIMIT 10) AS s;

SELECT is((SELECT count(*) FROM wprop
           WHERE e_ac IS DISTINCT FROM (pg_temp.iv(e_ab) + pg_temp.iv(e_bc))::text)::int, 0,
          'sla_elapsed(w, a, c) = sla_elapsed(w, a, b) + sla_elapsed(w, b, c)');
SELECT diag(format(E'case %s: %L a=%L b=%L c=%L\n      a->c %s, a->b %s, b->c %s',
                   id, txt, ref.lit(a), ref.lit(b), ref.lit(c), e_ac, e_ab, e_bc))
FROM (SELECT * FROM wprop WHERE e_ac IS DISTINCT FROM (pg_temp.iv(e_ab) + pg_temp.iv(e_bc))::text
      ORDER BY id LIMIT 10) AS s;

SELECT is((SELECT count(*) FROM wprop WHERE e_ba IS DISTINCT FROM (-pg_temp.iv(e_ab))::text)::int, 0,
          'sla_elapsed(w, a, b) = -sla_elapsed(w, b, a)');
SELECT diag(format(E'case %s: %L a=%L b=%L\n      a->b %s, b->a %s', id, txt, ref.lit(a), ref.lit(b), e_ab, e_ba))
FROM (SELECT * FROM wprop WHERE e_ba IS DISTINCT FROM (-pg_temp.iv(e_ab))::text ORDER BY id LIMIT 10) AS s;

SELECT is((SELECT count(*) FROM wprop
           WHERE e_247 IS DISTINCT FROM ref.usecs_interval(ref.usecs(a, b))::text)::int, 0,
          'sla_elapsed(''24x7 UTC'', a, b) = b - a as pure time');
SELECT diag(format(E'case %s: sla_elapsed(''24x7 UTC'', %L, %L) = %s, expected %s',
                   id, ref.lit(a), ref.lit(b), e_247, ref.usecs_interval(ref.usecs(a, b))))
FROM (SELECT * FROM wprop WHERE e_247 IS DISTINCT FROM ref.usecs_interval(ref.usecs(a, b))::text
      ORDER BY id LIMIT 10) AS s;

SELECT is((SELECT count(*) FROM wprop
           WHERE open_a NOT IN ('true', 'false')
              OR (next_open = a::text) IS DISTINCT FROM (open_a = 'true')
              OR (next_close = a::text) IS DISTINCT FROM (open_a = 'false'))::int, 0,
          'sla_next_open(w, t) = t exactly when sla_open(w, t), sla_next_close(w, t) = t exactly when not');
SELECT diag(format(E'case %s: %L\n      t = %s\n      sla_open: %s\n      sla_next_open: %s\n      sla_next_close: %s',
                   id, txt, ref.show(a, zone), open_a, pg_temp.show_result(next_open, zone),
                   pg_temp.show_result(next_close, zone)))
FROM (SELECT * FROM wprop
      WHERE open_a NOT IN ('true', 'false')
         OR (next_open = a::text) IS DISTINCT FROM (open_a = 'true')
         OR (next_close = a::text) IS DISTINCT FROM (open_a = 'false')
      ORDER BY id LIMIT 10) AS s;

SELECT * FROM finish();
ROLLBACK;
