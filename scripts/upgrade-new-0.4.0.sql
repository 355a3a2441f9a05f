-- The objects 0.4.0 added, on a database updated from an older version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';

-- issue 20: the monthly credit statement and the new credit and price terms
SELECT 1 AS issue_20;
SELECT s::credit_schedule::text AS canonical, credit_chronic_period_cap(s::credit_schedule),
       credit_annual_cap_base(s::credit_schedule), get_byte(credit_schedule_send(s::credit_schedule), 0) AS version
FROM unnest(ARRAY['below 99%: 10%; period cap 12%; chronic after 2 in a row x2; chronic period cap 20%',
                  'warning after 1; remediation after 3 of 6', 'below 99%: 10%; annual cap 5% of fees to date']) s;
SELECT sla_earn_back('below 99.9%: 10%; earn back after 2', 0.1, 1::bigint, ARRAY[1, 1]::numeric[]) AS earn_back_bigint;
SELECT m, (p).share, (p).period_cap, (s).owed, (s).year_to_date, (s).caps_bound
FROM (SELECT m, credit_period(t, l) AS p, credit_statement(credit_period(t, l), 10000.00) OVER (ORDER BY m) AS s
      FROM (SELECT m, t, credit_line(t, a, 0, a >= 0.99, make_date(2026, m, 1))
                           OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS l
            FROM (VALUES (1, 0.98), (2, 1), (3, 0.97)) v(m, a),
                 (SELECT 'below 99%: 20%; earn back after 1; period cap 15%; annual cap 5% of fees to date'::credit_schedule AS t) c) x
      GROUP BY m) y ORDER BY m;
-- issue 20, price terms: a minimum charge and a unit word of one's own (version 2)
SELECT s::price_schedule::text AS canonical, price_minimum_charge(s::price_schedule), price_unit(s::price_schedule),
       charge(s::price_schedule, 555::numeric), get_byte(price_schedule_send(s::price_schedule), 0) AS version
FROM unnest(ARRAY['graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00',
                  'per incident 95.00', 'minimum charge 5000.00', 'per unit 4.50 minimum 1000']) s;
-- (end of the issue 20 section)



-- issue 21: the SLA clock from the status log
SELECT 1 AS issue_21;
-- (end of the issue 21 section)



-- issue 22: what reporting clients read
SELECT 1 AS issue_22;
-- (end of the issue 22 section)



-- issue 23: hardening and scale
SELECT 1 AS issue_23;
-- (end of the issue 23 section)
