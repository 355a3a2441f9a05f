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
-- severity labels after en and em dashes and in parentheses (issue 17)
SELECT '1 – Critical'::severity, '1 — Critical'::severity, 'Critical (P1)'::severity, 'P1 (Critical)'::severity,
       'Sev 2 (High)'::severity, 'High (Sev-2)'::severity;

-- credit_schedule's terms of 0.3.0 (a version-2 value): every new term, both
-- kinds of earn-back target
SELECT 'below 99.9%: 10%, below 99%: 30%; per miss 2%; chronic after 3 in a row or 4 of 12 x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 20%; period cap 15%; annual cap 10%'::credit_schedule,
       'above 2.5: 5%, above 4: 10%; chronic after 2 of 6 +5%; earn back 25% after 6 at 1.25; cap 10%; chronic cap 15%'::credit_schedule,
       'below 95%; per miss; chronic after 2 in a row x1.5; earn back after 2 at 97.5%; chronic cap 12%; at risk 12% allocation 40%; period cap 10%; annual cap 8%'::credit_schedule;

-- credit_schedule's terms of 0.4.0 (a version-3 value): the chronic period
-- cap, escalation rungs on K of N, the bases of the annual cap (issue 20)
SELECT 'below 99.9%: 10%, below 99%: 30%; chronic after 3 in a row or 4 of 12 x2; warning after 1; remediation after 2 in a row or 3 of 12; penalty after 4 of 12; terminate after 6 in a row or 5 of 12; period cap 12%; chronic period cap 20%; annual cap 5% of contracted fees'::credit_schedule,
       'remediation plan after 3 of 6; annual cap 5% of fees to date'::credit_schedule,
       'below 95%; at risk 12% allocation 40%; chronic period cap 25%; annual cap 3%'::credit_schedule;
