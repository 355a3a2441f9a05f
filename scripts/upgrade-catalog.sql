-- The catalog entries of the extension managed_services, one sorted line per
-- object, with every property that an install script sets and nothing that
-- depends on the order objects were created in (no OIDs: regprocedure,
-- regtype and regoperator names instead).  scripts/upgrade-test.sh diffs
-- this output between an updated and a freshly installed database.
\pset format unaligned
\pset tuples_only on
\pset null '<null>'

WITH member AS (
	SELECT d.classid, d.objid
	FROM pg_depend d
	JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
	WHERE e.extname = 'managed_services' AND d.deptype = 'e'
)
SELECT line FROM (
	-- every member, by its identity, with its comment
	SELECT format('member %s %s | comment: %s', i.type, i.identity,
			coalesce(obj_description(m.objid, m.classid::regclass::text), '<none>')) AS line
	FROM member m, pg_identify_object(m.classid, m.objid, 0) i
	UNION ALL
	SELECT format('function %s | kind %s lang %s returns %s%s | volatility %s strict %s parallel %s leakproof %s secdef %s cost %s rows %s support %s | src %s bin %s | argnames %s argmodes %s defaults %s config %s',
			p.oid::regprocedure, p.prokind, l.lanname,
			CASE WHEN p.proretset THEN 'setof ' ELSE '' END, p.prorettype::regtype,
			p.provolatile, p.proisstrict, p.proparallel, p.proleakproof, p.prosecdef,
			p.procost, p.prorows, p.prosupport, p.prosrc, p.probin,
			p.proargnames, p.proargmodes, pg_get_expr(p.proargdefaults, 0), p.proconfig)
	FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	JOIN pg_language l ON l.oid = p.prolang
	UNION ALL
	SELECT format('aggregate %s | kind %s direct %s | trans %s %s space %s init %s | final %s extra %s modify %s | combine %s serial %s deserial %s | moving %s %s %s %s %s %s %s %s | sortop %s',
			a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs,
			a.aggtransfn::regprocedure, a.aggtranstype::regtype, a.aggtransspace, a.agginitval,
			a.aggfinalfn, a.aggfinalextra, a.aggfinalmodify,
			a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
			a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggmfinalextra, a.aggmfinalmodify,
			a.aggmtranstype::regtype, a.aggmtransspace, a.aggminitval,
			a.aggsortop::regoperator)
	FROM member m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
	UNION ALL
	SELECT format('type %s | type %s len %s byval %s category %s preferred %s delim %s | in %s out %s recv %s send %s modin %s modout %s analyze %s subscript %s | elem %s array %s align %s storage %s notnull %s default %s collation %s relid %s',
			t.oid::regtype, t.typtype, t.typlen, t.typbyval, t.typcategory, t.typispreferred, t.typdelim,
			t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze,
			t.typsubscript, t.typelem::regtype, t.typarray::regtype, t.typalign, t.typstorage,
			t.typnotnull, t.typdefault, t.typcollation, t.typrelid::regclass)
	FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	SELECT format('operator %s | returns %s commutator %s negator %s | code %s restrict %s join %s | merges %s hashes %s',
			o.oid::regoperator, o.oprresult::regtype, o.oprcom::regoperator, o.oprnegate::regoperator,
			o.oprcode, o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
	FROM member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT format('opclass %s %s | family %s type %s default %s key %s',
			am.amname, c.opcname, f.opfname, c.opcintype::regtype, c.opcdefault, c.opckeytype::regtype)
	FROM member m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
	JOIN pg_am am ON am.oid = c.opcmethod
	JOIN pg_opfamily f ON f.oid = c.opcfamily
	UNION ALL
	SELECT format('opfamily %s %s | operator %s %s (%s, %s) purpose %s sortfamily %s',
			am.amname, f.opfname, o.amopstrategy, o.amopopr::regoperator,
			o.amoplefttype::regtype, o.amoprighttype::regtype, o.amoppurpose, o.amopsortfamily)
	FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	JOIN pg_am am ON am.oid = f.opfmethod
	JOIN pg_amop o ON o.amopfamily = f.oid
	UNION ALL
	SELECT format('opfamily %s %s | function %s %s (%s, %s)',
			am.amname, f.opfname, p.amprocnum, p.amproc::regprocedure,
			p.amproclefttype::regtype, p.amprocrighttype::regtype)
	FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	JOIN pg_am am ON am.oid = f.opfmethod
	JOIN pg_amproc p ON p.amprocfamily = f.oid
	UNION ALL
	SELECT format('cast (%s AS %s) | function %s context %s method %s',
			c.castsource::regtype, c.casttarget::regtype, c.castfunc::regprocedure,
			c.castcontext, c.castmethod)
	FROM member m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
	UNION ALL
	-- ACLs (a trusted extension's functions keep PUBLIC's EXECUTE)
	SELECT format('acl %s %s', i.identity,
			coalesce((SELECT p.proacl::text FROM pg_proc p WHERE m.classid = 'pg_proc'::regclass AND p.oid = m.objid),
				 (SELECT t.typacl::text FROM pg_type t WHERE m.classid = 'pg_type'::regclass AND t.oid = m.objid),
				 '<default>'))
	FROM member m, pg_identify_object(m.classid, m.objid, 0) i
	WHERE m.classid IN ('pg_proc'::regclass, 'pg_type'::regclass)
	UNION ALL
	SELECT format('extension %s version %s schema %s relocatable %s config %s condition %s | comment: %s',
			e.extname, e.extversion, e.extnamespace::regnamespace, e.extrelocatable,
			e.extconfig, e.extcondition, obj_description(e.oid, 'pg_extension'))
	FROM pg_extension e WHERE e.extname = 'managed_services'
) lines
ORDER BY line COLLATE "C";
