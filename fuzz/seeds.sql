-- Extra seeds for the fuzz targets (fuzz/extract-literals.pl reads the
-- literals of this file with those of the tests and the manual): the state
-- types' text forms with every optional part, which the tests mostly build
-- through their aggregates rather than write out.
SELECT 'v1 period=[2026-03-01 00:00:00+00,2026-04-01 00:00:00+00) window="mon-fri 09:00-17:00 Europe/Berlin" downtime={[2026-03-02 10:00:00+00,2026-03-02 11:30:00+00)}'::availability_state,
       'v1 period=[2026-03-01 00:00:00+00,2026-04-01 00:00:00+00) maintenance={[2026-03-07 02:00:00+00,2026-03-07 04:00:00+00)} downtime={[2026-03-02 10:00:00+00,2026-03-02 11:30:00.25+00),[2026-03-09 00:00:00+00,2026-03-09 00:00:01+00)}'::availability_state,
       'v1 period=[2026-01-01 00:00:00+00,2027-01-01 00:00:00+00) window="mon-fri 08:00-18:00; sat 09:00-12:00 America/New_York holidays 2026-01-01, 2026-12-25 hours 2026-12-24 08:00-12:00" maintenance={} downtime={}'::availability_state,
       'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00)} window="24x7 Asia/Kolkata" k=2 depth={[2026-11-23 08:00:00+00,2026-11-23 12:00:00+00):1,[2026-11-23 12:00:00+00,2026-11-23 16:00:00.5+00):3}'::staffing_state,
       'v1 periods={[2026-11-23 00:00:00+00,2026-11-24 00:00:00+00),[2026-11-25 00:00:00+00,2026-11-26 00:00:00+00)} window="mon-fri 09:00-17:00 Europe/London" depth={}'::staffing_state,
       'v1 periods={[1999-12-31 23:00:00+00,2000-01-01 01:00:00+00)} k=1 depth={[1999-12-31 23:30:00+00,2000-01-01 00:30:00+00):9223372036854775807}'::staffing_state;
