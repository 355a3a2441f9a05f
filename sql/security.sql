-- The install script must not pick up look-alike objects planted in a schema
-- that precedes pg_catalog in the installing user's search_path (contrib's
-- seg/sql/security.sql makes the same check).
CREATE DATABASE ms_security;
\c ms_security
CREATE TABLE public.trap_log (what text);
-- look-alikes of built-ins the script or its SQL functions could use unqualified
CREATE FUNCTION public.text_trap(integer) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.trap_log VALUES ('text(integer)'); RETURN 'trap'; END $$;
CREATE FUNCTION public.int_eq_trap(integer, integer) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.trap_log VALUES ('=(integer,integer)'); RETURN false; END $$;
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.int_eq_trap);
CREATE FUNCTION public.int_lt_trap(integer, integer) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.trap_log VALUES ('<(integer,integer)'); RETURN false; END $$;
CREATE OPERATOR public.< (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.int_lt_trap);
-- a database owner who is not a superuser installs it: the extension is trusted
CREATE ROLE ms_owner NOSUPERUSER;
GRANT CREATE ON DATABASE ms_security TO ms_owner;
GRANT INSERT, SELECT ON public.trap_log TO ms_owner;
SET ROLE ms_owner;
SET search_path = public, pg_catalog;
CREATE SCHEMA ms;
CREATE EXTENSION managed_services SCHEMA ms;
SELECT extname, extowner::regrole FROM pg_extension WHERE extname = 'managed_services';
-- every object went to the extension's schema, none to public
SELECT count(*) AS objects_in_public
FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid AND d.refclassid = 'pg_extension'::regclass
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE e.extname = 'managed_services' AND p.pronamespace = 'public'::regnamespace;
-- use the extension through the planted search_path
CREATE TABLE ms.t (s ms.severity);
INSERT INTO ms.t VALUES ('P1'), ('low'), ('Sev-2');
SELECT s, ms.severity_level(s), ms.severity_name(s) FROM ms.t WHERE s OPERATOR(ms.<) 'P3' ORDER BY s;
SELECT ms.min(s), ms.max(s) FROM ms.t;
SELECT count(*) AS traps_fired FROM public.trap_log;
RESET ROLE;
\c contrib_regression
DROP DATABASE ms_security;
DROP ROLE ms_owner;
