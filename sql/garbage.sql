-- garbage: the defects that test/garbage.sql (random and mutated text and binary
-- input, issue 11 item 2) found, one case each, with what it must print.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS managed_services;
RESET client_min_messages;
SET timezone = 'UTC';

-- A binary COPY file with one bytea field holds exactly the bytes that recv is
-- given when the same file is read into a column of the type under test.
SELECT current_setting('data_directory') || '/ms_garbage_regress.bin' AS binfile \gset

-- ---------------------------------------------------------------------------
-- semantic errors: sla_policy_recv took a policy without any target (version 1,
-- no flags for SEV0 to SEV5), whose text form is '' and cannot be read back,
-- so a text dump of it would not restore.  The text input rejects it too.
-- ---------------------------------------------------------------------------
CREATE TABLE bin_p (p sla_policy);
COPY (SELECT '\x01000000000000'::bytea) TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
SELECT ''::sla_policy;
-- one target is enough: SEV1 respond 1 hour (flags 1, 0 days, 3 600 000 000 us)
COPY (SELECT '\x0100'::bytea || '\x01'::bytea || int4send(0) || int8send(3600000000) || '\x00000000'::bytea)
  TO :'binfile' (FORMAT binary);
COPY bin_p FROM :'binfile' (FORMAT binary);
SELECT p, p::text::sla_policy = p AS reads_back FROM bin_p;
DROP TABLE bin_p;
