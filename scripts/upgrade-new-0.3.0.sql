-- The objects 0.3.0 added, on a database updated to the current version and on
-- a fresh install (scripts/upgrade-test.sh): the same results.
SET TimeZone = 'UTC';
-- issue 16: the new credit terms (version-2 values) and a version-1 one
SELECT s::text, credit_period_cap(s), credit_annual_cap(s), credit_chronic_cap(s), earn_back_share(s), earn_back_target(s),
       encode(credit_schedule_send(s), 'hex'),
       sla_credit(s, 0.98, 1, 3), sla_earn_back(s, 0.12, 1, ARRAY[0.9996, 0.9995, 1]),
       sla_earn_back(s, 0.12, 1, 0, ARRAY[0.9996, 0.999, 1])
FROM unnest(ARRAY['below 99.9%: 10%, below 99%: 30%; chronic after 3 in a row x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 20%; period cap 15%; annual cap 10%',
                  'below 99.9%: 10%; earn back after 3']::credit_schedule[]) s;
