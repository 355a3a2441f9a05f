-- pgTAP: garbage in, clean errors out (issue 11, item 2).
-- Every type's text input gets thousands of random and mutated strings
-- (mutations of valid values: character flips, truncations, duplications,
-- splices, digit blow-ups, stray keywords, random unicode) and every recv
-- gets random and mutated bytes (mutations of a valid value's send output)
-- through COPY ... (FORMAT binary).  Each input runs in its own
-- subtransaction that records the SQLSTATE; only the documented ones may
-- occur (never XX000), an accepted input must print a text that reads back
-- as the same value, and the server must still be the one that started the
-- test (no backend crashed and took the postmaster through a restart).
-- pg_input_is_valid() would do for text on PostgreSQL 16+, but not on 15,
-- nor for binary input.
BEGIN;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';
SET max_parallel_workers_per_gather = 0;

SELECT plan(23);

SELECT pg_postmaster_start_time() AS started, pg_backend_pid() AS pid \gset

SELECT setseed(0.1111);

-- ---------------------------------------------------------------------------
-- valid values to mutate: every type, its grammar's corners
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE seed (typ text, val text);
INSERT INTO seed VALUES
  ('severity', 'SEV1'), ('severity', 'Sev-2'), ('severity', 'sev 3'), ('severity', ' S4 '),
  ('severity', 'P0'), ('severity', '5'), ('severity', 'emergency'), ('severity', 'critical'),
  ('severity', 'major'), ('severity', 'moderate'), ('severity', 'cosmetic'), ('severity', 'informational'),
  ('severity', '1 – Critical'), ('severity', 'P2 — High'), ('severity', 'Critical (P1)'), ('severity', 'P3 (Normal)'),
  ('sla_window', '24x7'),
  ('sla_window', 'mon-fri 09:00-17:00 Europe/Berlin'),
  ('sla_window', 'mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00 America/New_York'),
  ('sla_window', 'mon-sun 22:00-06:00 UTC'),
  ('sla_window', 'fri-mon 20:00-24:00; wednesday 00:00-24:00 Australia/Lord_Howe'),
  ('sla_window', 'mon,wed,fri 09:00-17:00 Europe/London holidays 2026-12-25,2026-12-26,2027-01-01'),
  ('sla_window', 'mon-fri 09:00-17:00 Europe/Berlin holidays 2026-12-25 hours 2026-12-24 09:00-12:00; 2026-12-26 10:00-14:00'),
  ('sla_window', 'mon-fri 09:00-17:00 hours 2026-12-31 20:00-02:00'),
  ('sla_window', 'tue,thu 10:00-11:30 Asia/Kolkata hours 2026-01-03,2026-01-10 10:00-14:00,15:00-16:00 holidays 1900-01-01,2299-12-31'),
  ('sla_window', '24x7 Pacific/Apia holidays 2011-12-30'),
  ('sla_policy', 'SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day; SEV4 respond 1 day'),
  ('sla_policy', 'P1 respond 15 minutes resolve 4 hours; 2 - High respond 1 hour resolve 1 day; low respond 1 week'),
  ('sla_policy', 'critical response 1 day 4 hours resolution next business day'),
  ('sla_policy', 'SEV0 respond 100000000 days resolve 1000000 hours; SEV5 resolve 2 weeks'),
  ('sla_policy', 'sev 3 resolve 1 hour 30 minutes'),
  ('sla_summary', 'met=1 breached=2 pending=0 untargeted=0 timed=2 total=24:30:00 min=00:30:00 max=24:00:00'),
  ('sla_summary', 'met=0 breached=0 pending=0 timed=0 total=00:00:00 min=- max=-'),
  ('sla_summary', 'met=12 breached=3 pending=7 untargeted=4 timed=15 total=1000:00:00.5 min=00:00:00.000001 max=999:00:00'),
  ('availability_state', 'v1 period=[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00) downtime={[2026-01-05 10:00:00.123456+00,2026-01-05 12:00:00+00)}'),
  ('availability_state', 'v1 period=[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00) downtime={}'),
  ('availability_state', 'v1 period=[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00) window="mon-fri 09:00-17:00 Europe/Berlin" downtime={[2026-01-05 10:00:00+00,2026-01-05 12:00:00+00),[2026-01-07 10:00:00+00,2026-01-08 12:00:00+00)}'),
  ('availability_state', 'v1 period=[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00) window="mon-fri 09:00-17:00 Europe/Berlin holidays 2026-01-06 hours 2026-01-10 10:00-14:00" maintenance={[2026-01-10 00:00:00+00,2026-01-10 02:00:00+00)} downtime={[2026-01-05 10:00:00.123456+00,2026-01-05 12:00:00+00),[2026-01-07 10:00:00+00,2026-01-08 12:00:00+00)}'),
  ('staffing_state', 'v1 periods={[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00)} depth={[2026-01-05 10:00:00+00,2026-01-05 11:00:00+00):1,[2026-01-05 11:00:00+00,2026-01-05 12:00:00+00):2,[2026-01-05 12:00:00+00,2026-01-08 12:00:00+00):1}'),
  ('staffing_state', 'v1 periods={[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00),[2026-02-01 00:00:00+00,2026-03-01 00:00:00+00)} depth={[2026-01-05 10:00:00+00,2026-01-05 12:00:00+00):1,[2026-02-05 11:00:00+00,2026-02-08 12:00:00+00):1}'),
  ('staffing_state', 'v1 periods={[2026-01-01 00:00:00+00,2026-02-01 00:00:00+00)} depth={}'),
  ('credit_schedule', 'below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%; chronic after 3 in a row x1.5; warning after 1; remediation after 2; penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3; cap 30%'),
  ('credit_schedule', 'CAP 30.0%; below 99.99 %: 10%, below 99%: 30%, below 95%: 100%;'),
  ('credit_schedule', 'above 4.2: 5%, above 6.5: 10%; chronic after 4 of the last 12 +5%; termination right after 3 of 12 or 9 in a row'),
  ('credit_schedule', 'at risk 12% allocation 40%; below 99.5%; per miss; earn-back after 2; remediation plan after 2 in a row'),
  ('credit_schedule', 'below 99.9%: 10%, below 99%: 30%; chronic after 3 in a row x2; earn back 50% after 3 at 99.95%; cap 12%; chronic cap 20%; period cap 15%; annual cap 10%'),
  ('credit_schedule', 'above 2.5: 5%; earn back 25% after 6 at 1.25; annual cap 0.5%'),
  ('credit_schedule', 'below 99.9%: 10%; chronic after 2 in a row or 3 of 6 x2; warning after 1; remediation after 2 of 6; penalty after 3 in a row or 4 of 6; period cap 12%; chronic period cap 20%; annual cap 5% of fees to date'),
  ('price_schedule', 'fixed 18500.00 including 800 tickets; per ticket 14.50'),
  ('price_schedule', 'per unit 4.50 minimum 1000'),
  ('price_schedule', 'graduated 0-1000: 5.00, 1000-5000: 4.00, 5000+: 3.00'),
  ('price_schedule', 'volume per FTE 0-10: 5000, 10-50.5: 4500.123456, 50.5+: 4000'),
  ('price_schedule', 'per outcome 150.00; share 8% minimum 2000.00'),
  ('price_schedule', 'fixed 10000.00 including 500 units; per unit 12.00 minimum 1000'),
  ('price_schedule', 'graduated per ticket 0-500: 9.00, 500+: 7.50; minimum charge 5000.00'),
  ('price_schedule', 'fixed 9500 including 100 incidents; per incident 95.00 minimum 150; share 2% minimum 10; minimum charge 20000'),
  ('price_schedule', 'volume per FTE-month 0-10: 5000, 10+: 4500'),
  ('price_schedule', 'minimum charge 5000'),
  ('sla_clock_rules', 'pause on ''Waiting for customer'', ''Pending''; stop on ''Resolved'', ''Closed''; reopen continues'),
  ('sla_clock_rules', 'start on In Progress; stop on Done, ''Customer''''s turn''; reopen restarts'),
  ('sla_clock_rules', 'reopen ignored; STOP ON solved ; pause on on-hold,pending'),
  ('sla_clock', 'reopen continues; last 2026-11-23 16:00:00+00; 2026-11-23 09:00:00+00 running ''Open'' SEV3; 2026-11-23 10:00:00+00 paused ''Pending'' SEV3; 2026-11-23 11:00:00+00 stopped ''Resolved'' SEV1; 2026-11-23 14:00:00+00 running ''Reopened'' SEV1; 2026-11-23 16:00:00+00 stopped ''Resolved'' SEV1'),
  ('sla_clock', 'reopen restarts; last 2026-11-23 11:00:00.500000+00; 2026-11-23 09:00:00+00 unstarted SEV4; 2026-11-23 09:30:00+00 running ''It''''s new''; 2026-11-23 11:00:00.500000+00 stopped ''Done'''),
  ('sla_clock', 'reopen ignored; last 2299-12-31 00:00:00+00; 1900-01-01 00:00:00+00 stopped ''x'' SEV0; 1900-01-01 00:00:00+00 stopped ''x'' SEV5');

-- the inputs of each type, by cast (one static cast per type: no dynamic SQL in the loop)
CREATE FUNCTION pg_temp.parse(typ text, s text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  CASE typ
    WHEN 'severity' THEN RETURN s::severity::text;
    WHEN 'sla_window' THEN RETURN s::sla_window::text;
    WHEN 'sla_policy' THEN RETURN s::sla_policy::text;
    WHEN 'sla_summary' THEN RETURN s::sla_summary::text;
    WHEN 'availability_state' THEN RETURN s::availability_state::text;
    WHEN 'staffing_state' THEN RETURN s::staffing_state::text;
    WHEN 'credit_schedule' THEN RETURN s::credit_schedule::text;
    WHEN 'price_schedule' THEN RETURN s::price_schedule::text;
    WHEN 'sla_clock_rules' THEN RETURN s::sla_clock_rules::text;
    WHEN 'sla_clock' THEN RETURN s::sla_clock::text;
  END CASE;
END $$;

SELECT is((SELECT count(*)::int FROM seed WHERE pg_temp.parse(typ, val) IS NULL), 0,
          'every seed value is valid');

-- ---------------------------------------------------------------------------
-- text mutations
-- ---------------------------------------------------------------------------
CREATE FUNCTION pg_temp.rint(n int) RETURNS int LANGUAGE sql VOLATILE AS
$$ SELECT floor(random() * n)::int $$;   -- 0 .. n-1

-- a random character: mostly the grammar's own punctuation and digits, some letters,
-- control characters and (in a UTF8 database) anything up to U+10FFFF
CREATE FUNCTION pg_temp.rchar() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r double precision := random();
  c int;
BEGIN
  IF r < 0.45 THEN
    RETURN substr('0123456789-:;,.%+=x[](){}" ''\/*#@!?<>|_ ', 1 + pg_temp.rint(42), 1);
  ELSIF r < 0.7 THEN
    RETURN chr(32 + pg_temp.rint(95));
  ELSIF r < 0.8 THEN
    RETURN chr(1 + pg_temp.rint(31));
  ELSIF getdatabaseencoding() <> 'UTF8' THEN
    RETURN chr(33 + pg_temp.rint(94));
  ELSE
    LOOP
      c := CASE pg_temp.rint(4) WHEN 0 THEN 128 + pg_temp.rint(128) WHEN 1 THEN 256 + pg_temp.rint(1792)
                                WHEN 2 THEN 2048 + pg_temp.rint(63488) ELSE 65536 + pg_temp.rint(1048576) END;
      EXIT WHEN c NOT BETWEEN 55296 AND 57343;   -- no surrogates
    END LOOP;
    RETURN chr(c);
  END IF;
END $$;

CREATE TEMP TABLE vocab AS SELECT ARRAY[
  ' ', ';', ',', '-', ':', '%', '=', '+', 'x', '24:00', '00:00', '23:59', '24:01', '99:99', '2026-02-29', '2024-02-29',
  '1899-12-31', '2300-01-01', '0000-00-00', '9999-12-31', ' holidays ', ' hours ', ' mon ', '-sun', 'fri-mon',
  '24x7', ' Europe/Berlin', ' America/New_York', ' EST5EDT,M3.2.0,M11.1.0', ' localtime', ' posixrules', ' AAA24BBB-24', ' +05',
  ' UTC', 'SEV', 'SEV9', 'P-1', ' respond ', ' resolve ', ' next business day', ' minutes', ' hours', ' days', ' weeks', ' month',
  'met=', 'breached=', 'pending=', 'untargeted=', 'timed=', 'total=', 'min=', 'max=', '-', 'infinity', '-infinity',
  'v1 ', 'v2 ', 'v0 ', 'period=', 'window=', '"', '\"', 'maintenance=', 'downtime=', 'periods=', 'depth=', '{}', '{', '}',
  '[', ')', '(', ']', 'empty', '):', '):0', '):-1', '):2147483648', '+00', '+14:59', '-15', ' BC',
  'below ', 'above ', ' in a row', ' of ', ' or ', 'chronic after ', 'warning after ', 'terminate after ', ' earn back after ',
  'cap ', 'at risk ', ' allocation ', 'per miss', ' x100', ' x0', 'fixed ', ' including ', 'per unit ', ' minimum ',
  'graduated ', 'volume ', 'share ', '+:', ' tickets', ' FTEs', 'NaN', '1e9', '.5', '0.0000001', repeat(' ', 50),
  E'\t', E'\n', E'\r', 'é', '２', '٣', 'ǅ', '🙂'] AS toks;

-- digit runs blown up: past int32, int64, the grammar's limits, negative, fractional
CREATE TEMP TABLE blowup AS SELECT ARRAY[
  '99999999999999999999', '00000000000000000000001', '-1', '-0', '2147483647', '2147483648', '4294967296',
  '9223372036854775807', '9223372036854775808', '18446744073709551616', '999999999999.9999999', '1000000000000',
  '100000001', '1000001', '0', '00', '32', '33', '10001', '100000', '100001', '586544', '1e308', '0.5',
  repeat('9', 200), repeat('1', 5000)] AS toks;

CREATE FUNCTION pg_temp.mutate1(s text, typ text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n int := length(s);
  p int := pg_temp.rint(n + 1);          -- a position 0 .. n
  q int;
  other text;
BEGIN
  CASE pg_temp.rint(11)
    WHEN 0 THEN        -- replace one character
      RETURN left(s, p) || pg_temp.rchar() || substr(s, p + 2);
    WHEN 1 THEN        -- insert one character
      RETURN left(s, p) || pg_temp.rchar() || substr(s, p + 1);
    WHEN 2 THEN        -- truncate
      RETURN left(s, p);
    WHEN 3 THEN        -- delete a span
      RETURN left(s, p) || substr(s, p + 2 + pg_temp.rint(8));
    WHEN 4 THEN        -- duplicate a span in place
      q := pg_temp.rint(n - p + 1);
      RETURN left(s, p + q) || substr(s, p + 1, q) || substr(s, p + q + 1);
    WHEN 5 THEN        -- blow up the next run of digits
      RETURN left(s, p) || regexp_replace(substr(s, p + 1), '[0-9]+',
                                          (SELECT toks[1 + pg_temp.rint(cardinality(toks))] FROM blowup));
    WHEN 6 THEN        -- a stray keyword or token
      RETURN left(s, p) || (SELECT toks[1 + pg_temp.rint(cardinality(toks))] FROM vocab)
             || substr(s, p + 1);
    WHEN 7 THEN        -- splice with another value of the type
      SELECT val INTO other FROM seed WHERE seed.typ = mutate1.typ ORDER BY random() LIMIT 1;
      RETURN left(s, p) || substr(other, 1 + pg_temp.rint(length(other) + 1));
    WHEN 8 THEN        -- change the case
      RETURN CASE WHEN random() < 0.5 THEN upper(s) ELSE lower(s) END;
    WHEN 9 THEN        -- the same value twice, joined
      RETURN s || (ARRAY['', ' ', ';', ',', '; '])[1 + pg_temp.rint(5)] || s;
    ELSE               -- swap two characters
      q := pg_temp.rint(n + 1);
      IF p >= n OR q >= n OR p = q THEN RETURN s; END IF;
      RETURN overlay(overlay(s PLACING substr(s, q + 1, 1) FROM p + 1 FOR 1) PLACING substr(s, p + 1, 1) FROM q + 1 FOR 1);
  END CASE;
END $$;

-- a garbage input of a type: one mutation of a seed (half the time: many of those are
-- still valid, and then must round-trip), up to five, or a random token soup
CREATE FUNCTION pg_temp.garbage(typ text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s text;
BEGIN
  IF random() < 0.15 THEN
    SELECT string_agg(CASE WHEN random() < 0.6 THEN (SELECT toks[1 + pg_temp.rint(cardinality(toks)) + 0 * g] FROM vocab)
                           ELSE pg_temp.rchar() END, '')
    INTO s FROM generate_series(1, pg_temp.rint(30)) g;
    RETURN coalesce(s, '');
  END IF;
  SELECT val INTO s FROM seed WHERE seed.typ = garbage.typ ORDER BY random() LIMIT 1;
  FOR i IN 0 .. CASE WHEN random() < 0.5 THEN 0 ELSE pg_temp.rint(4) END LOOP
    s := pg_temp.mutate1(s, typ);
  END LOOP;
  RETURN s;
END $$;

CREATE TEMP TABLE outcome (kind text, typ text, input text, state text, msg text, output text);

-- two texts of a type mean the same value: their binary forms are equal
CREATE FUNCTION pg_temp.same(typ text, a text, b text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  CASE typ
    WHEN 'severity' THEN RETURN severity_send(a::severity) = severity_send(b::severity);
    WHEN 'sla_window' THEN RETURN sla_window_send(a::sla_window) = sla_window_send(b::sla_window);
    WHEN 'sla_policy' THEN RETURN sla_policy_send(a::sla_policy) = sla_policy_send(b::sla_policy);
    WHEN 'sla_summary' THEN RETURN sla_summary_send(a::sla_summary) = sla_summary_send(b::sla_summary);
    WHEN 'availability_state' THEN RETURN availability_state_send(a::availability_state) = availability_state_send(b::availability_state);
    WHEN 'staffing_state' THEN RETURN staffing_state_send(a::staffing_state) = staffing_state_send(b::staffing_state);
    WHEN 'credit_schedule' THEN RETURN credit_schedule_send(a::credit_schedule) = credit_schedule_send(b::credit_schedule);
    WHEN 'price_schedule' THEN RETURN price_schedule_send(a::price_schedule) = price_schedule_send(b::price_schedule);
    WHEN 'sla_clock_rules' THEN RETURN sla_clock_rules_send(a::sla_clock_rules) = sla_clock_rules_send(b::sla_clock_rules);
    WHEN 'sla_clock' THEN RETURN sla_clock_send(a::sla_clock) = sla_clock_send(b::sla_clock);
  END CASE;
END $$;

-- parse one input; an accepted one must read back: its output parses to the same value,
-- which prints the same output
CREATE FUNCTION pg_temp.try_text(typ text, s text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  out1 text;
  out2 text;
  same boolean;
BEGIN
  BEGIN
    out1 := pg_temp.parse(typ, s);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('text', typ, s, SQLSTATE, SQLERRM, NULL);
    RETURN;
  END;
  BEGIN
    out2 := pg_temp.parse(typ, out1);
    same := pg_temp.same(typ, s, out1);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('text', typ, s, 'reread ' || SQLSTATE, SQLERRM, out1);
    RETURN;
  END;
  INSERT INTO outcome VALUES ('text', typ, s, CASE WHEN out2 IS DISTINCT FROM out1 OR NOT same THEN 'reread differs' END, out2, out1);
END $$;

SELECT count(pg_temp.try_text(t.typ, pg_temp.garbage(t.typ))) AS text_inputs
FROM (SELECT DISTINCT typ FROM seed) t, generate_series(1, 1500) g \gset

-- ---------------------------------------------------------------------------
-- binary: mutated send() output through COPY ... (FORMAT binary)
-- ---------------------------------------------------------------------------
-- The file carries one bytea field, which COPY FROM then reads as the type
-- under test: a bytea's binary form is its bytes, so the field is exactly the
-- bytes given to recv.  One file per backend, in the cluster's data directory.
SELECT current_setting('data_directory') || '/ms_garbage_' || pg_backend_pid() || '.bin' AS binfile \gset
SELECT set_config('ms.binfile', :'binfile', true) AS binfile_set \gset

CREATE TEMP TABLE bin_seed AS
SELECT typ, val, NULL::bytea AS sent FROM seed;
CREATE FUNCTION pg_temp.send_of(typ text, val text) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE b bytea;
BEGIN
  EXECUTE format('SELECT %s(%L::%s)', (SELECT typsend FROM pg_type WHERE oid = typ::regtype), val, typ) INTO b;
  RETURN b;
END $$;
UPDATE bin_seed SET sent = pg_temp.send_of(typ, val);

CREATE FUNCTION pg_temp.rbytes(n int) RETURNS bytea LANGUAGE sql VOLATILE AS
$$ SELECT coalesce(decode(string_agg(lpad(to_hex(floor(random() * 256)::int), 2, '0'), ''), 'hex'), '') FROM generate_series(1, n) $$;

CREATE FUNCTION pg_temp.bmutate1(b bytea, typ text) RETURNS bytea LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n int := length(b);
  p int := pg_temp.rint(n + 1);
  w int;
  other bytea;
BEGIN
  CASE pg_temp.rint(9)
    WHEN 0 THEN        -- one byte to a random value
      IF p >= n THEN RETURN b || pg_temp.rbytes(1); END IF;
      RETURN set_byte(b, p, pg_temp.rint(256));
    WHEN 1 THEN        -- one bit flipped
      IF p >= n THEN RETURN b; END IF;
      w := p * 8 + pg_temp.rint(8);
      RETURN set_bit(b, w, 1 - get_bit(b, w));
    WHEN 2 THEN        -- truncated
      RETURN substr(b, 1, p);
    WHEN 3 THEN        -- random bytes appended or inserted
      RETURN substr(b, 1, p) || pg_temp.rbytes(1 + pg_temp.rint(16)) || substr(b, p + 1);
    WHEN 4 THEN        -- a 2, 4 or 8 byte field overwritten with an extreme value
      w := (ARRAY[2, 4, 8])[1 + pg_temp.rint(3)];
      IF p + w > n THEN RETURN b; END IF;
      RETURN overlay(b PLACING substr((ARRAY['\x7fffffffffffffff', '\x8000000000000000', '\xffffffffffffffff',
                                             '\x0000000000000000', '\x00000000ffffffff', '\x000000007fffffff',
                                             '\x0000000080000000', '\x0001000000000000'])[1 + pg_temp.rint(8)]::bytea, 1, w)
                     FROM p + 1 FOR w);
    WHEN 5 THEN        -- the version byte
      RETURN overlay(b PLACING decode(lpad(to_hex((ARRAY[0, 1, 2, 3, 127, 255])[1 + pg_temp.rint(6)]), 2, '0'), 'hex') FROM 1 FOR 1);
    WHEN 6 THEN        -- a span duplicated
      w := pg_temp.rint(n - p + 1);
      RETURN substr(b, 1, p + w) || substr(b, p + 1, w) || substr(b, p + w + 1);
    WHEN 7 THEN        -- spliced with another value of the type
      SELECT sent INTO other FROM bin_seed s WHERE s.typ = bmutate1.typ ORDER BY random() LIMIT 1;
      RETURN substr(b, 1, p) || substr(other, 1 + pg_temp.rint(length(other) + 1));
    ELSE               -- a span deleted
      RETURN substr(b, 1, p) || substr(b, p + 2 + pg_temp.rint(8));
  END CASE;
END $$;

CREATE FUNCTION pg_temp.bgarbage(typ text) RETURNS bytea LANGUAGE plpgsql VOLATILE AS $$
DECLARE b bytea;
BEGIN
  IF random() < 0.1 THEN
    RETURN pg_temp.rbytes(pg_temp.rint(64));
  END IF;
  SELECT sent INTO b FROM bin_seed s WHERE s.typ = bgarbage.typ ORDER BY random() LIMIT 1;
  FOR i IN 0 .. CASE WHEN random() < 0.5 THEN 0 ELSE pg_temp.rint(3) END LOOP
    b := pg_temp.bmutate1(b, typ);
  END LOOP;
  RETURN b;
END $$;

CREATE TEMP TABLE bin_severity (v severity);
CREATE TEMP TABLE bin_sla_window (v sla_window);
CREATE TEMP TABLE bin_sla_policy (v sla_policy);
CREATE TEMP TABLE bin_sla_summary (v sla_summary);
CREATE TEMP TABLE bin_availability_state (v availability_state);
CREATE TEMP TABLE bin_staffing_state (v staffing_state);
CREATE TEMP TABLE bin_credit_schedule (v credit_schedule);
CREATE TEMP TABLE bin_price_schedule (v price_schedule);
CREATE TEMP TABLE bin_sla_clock_rules (v sla_clock_rules);
CREATE TEMP TABLE bin_sla_clock (v sla_clock);

-- receive one input; an accepted value must print a text that reads back as the same
-- value (equal binary forms), which prints the same text
CREATE FUNCTION pg_temp.try_bin(typ text, b bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  f text := current_setting('ms.binfile');
  out1 text;
  out2 text;
  same boolean;
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
  BEGIN
    EXECUTE format('COPY pg_temp.%I FROM %L (FORMAT binary)', 'bin_' || typ, f);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('binary', typ, encode(b, 'hex'), SQLSTATE, SQLERRM, NULL);
    RETURN;
  END;
  BEGIN
    EXECUTE format('SELECT v::text, %1$s(v) = %1$s(v::text::%2$s) FROM pg_temp.%3$I',
                   (SELECT typsend FROM pg_type WHERE oid = typ::regtype), typ, 'bin_' || typ) INTO out1, same;
    out2 := pg_temp.parse(typ, out1);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('binary', typ, encode(b, 'hex'), 'reread ' || SQLSTATE, SQLERRM, out1);
    EXECUTE format('TRUNCATE pg_temp.%I', 'bin_' || typ);
    RETURN;
  END;
  EXECUTE format('TRUNCATE pg_temp.%I', 'bin_' || typ);
  INSERT INTO outcome VALUES ('binary', typ, encode(b, 'hex'), CASE WHEN out2 IS DISTINCT FROM out1 OR NOT same THEN 'reread differs' END, out2, out1);
END $$;

SELECT count(pg_temp.try_bin(t.typ, pg_temp.bgarbage(t.typ))) AS binary_inputs
FROM (SELECT DISTINCT typ FROM seed) t, generate_series(1, 400) g \gset

-- ---------------------------------------------------------------------------
-- the verdicts
-- ---------------------------------------------------------------------------
-- documented SQLSTATEs: 22P02 bad text, 22023 bad argument, 22003 / 22008 / 22007 out of
-- range, 54000 too long; binary input adds 22P03 (invalid binary representation),
-- 08P01 (protocol violation, which COPY's own framing and pq_getmsg* raise) and 22021
-- (a string that is not valid in the database encoding: pq_getmsgstring, as textrecv)
CREATE TEMP TABLE verdict AS
SELECT kind, typ, count(*) AS tried,
       count(*) FILTER (WHERE state IS NULL) AS accepted,
       count(*) FILTER (WHERE state IS NOT NULL AND NOT (state = ANY (
         CASE kind WHEN 'text' THEN ARRAY['22P02', '22023', '22003', '22008', '22007', '54000']
                   ELSE ARRAY['22P02', '22P03', '08P01', '22021', '22023', '22003', '22008', '22007', '54000'] END))) AS bad,
       string_agg(DISTINCT state, ' ' ORDER BY state) FILTER (WHERE state IS NOT NULL) AS states
FROM outcome GROUP BY kind, typ;

SELECT is(bad, 0::bigint, format('%s %s: %s inputs (%s accepted), SQLSTATEs %s', typ, kind, tried, accepted, states))
FROM verdict ORDER BY typ, kind;

SELECT diag(format('%s %s %s: %L -> %s', kind, typ, state, input, coalesce(msg, '') || coalesce(' / output ' || output, '')))
FROM (SELECT DISTINCT ON (kind, typ, state) * FROM outcome o
      WHERE state IS NOT NULL AND NOT (state = ANY (
         CASE kind WHEN 'text' THEN ARRAY['22P02', '22023', '22003', '22008', '22007', '54000']
                   ELSE ARRAY['22P02', '22P03', '08P01', '22021', '22023', '22003', '22008', '22007', '54000'] END))
      ORDER BY kind, typ, state, length(input)) x;

SELECT ok((SELECT count(*) FROM outcome WHERE kind = 'text') >= 12000
          AND (SELECT count(*) FROM outcome WHERE kind = 'binary') >= 3200
          AND (SELECT bool_and(accepted > 0 AND accepted < tried) FROM verdict WHERE kind = 'text'),
          'every type got its inputs, some of them accepted and some rejected');

SELECT is((SELECT pg_postmaster_start_time()), :'started'::timestamptz,
          'no backend crashed (the postmaster never restarted) and this one still answers');

SELECT * FROM finish();
ROLLBACK;
