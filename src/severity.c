/*
 * severity.c
 *		The severity type.
 *
 * Tickets arrive with severities spelled the way each vendor's tool exports
 * them (P1, Sev-2, critical, ...).  The type reads all of them and stores one
 * byte, so a severity column sorts, indexes and hashes like a small integer
 * while still printing as SEV0..SEV5.
 */
#include "severity.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(severity_in);
PG_FUNCTION_INFO_V1(severity_out);
PG_FUNCTION_INFO_V1(severity_recv);
PG_FUNCTION_INFO_V1(severity_send);
PG_FUNCTION_INFO_V1(severity_from_int);
PG_FUNCTION_INFO_V1(severity_level);
PG_FUNCTION_INFO_V1(severity_name);
PG_FUNCTION_INFO_V1(severity_cmp);
PG_FUNCTION_INFO_V1(severity_lt);
PG_FUNCTION_INFO_V1(severity_le);
PG_FUNCTION_INFO_V1(severity_eq);
PG_FUNCTION_INFO_V1(severity_ne);
PG_FUNCTION_INFO_V1(severity_ge);
PG_FUNCTION_INFO_V1(severity_gt);
PG_FUNCTION_INFO_V1(severity_hash);
PG_FUNCTION_INFO_V1(severity_hash_extended);
PG_FUNCTION_INFO_V1(severity_smaller);
PG_FUNCTION_INFO_V1(severity_larger);

/*
 * The first name of each level is its canonical name (severity_name).  The
 * others are the words of the tools tickets come from: Zendesk (urgent, high,
 * normal, low), Jira (Highest .. Lowest; Blocker, Critical, Major, Minor,
 * Trivial), ServiceNow (1 - Critical .. 5 - Planning).  Where a tool means
 * something else by a word, to_severity(text, aliases) maps it.
 */
static const struct
{
	const char *name;
	int			level;
}			severity_names[] =
{
	{"emergency", 0},
	{"blocker", 0},
	{"critical", 1},
	{"urgent", 1},
	{"highest", 1},
	{"major", 2},
	{"high", 2},
	{"minor", 3},
	{"medium", 3},
	{"moderate", 3},
	{"normal", 3},
	{"low", 4},
	{"cosmetic", 4},
	{"trivial", 4},
	{"info", 5},
	{"informational", 5},
	{"lowest", 5},
	{"planning", 5},
};

static const char *const canonical_names[SEVERITY_LEVELS] =
{
	"emergency", "critical", "major", "minor", "low", "info"
};

/* words that may stand before a level number: "Priority 1", "sev-2", "P3" */
static const char *const level_prefixes[] =
{
	"priority", "severity", "prio", "sev", "pri", "s", "p"
};

const char *
severity_accepted_hint(void)
{
	return "Accepted: SEV0 to SEV5, also written Sev-1, sev 1, S1, P1, Priority 1 or 1, "
		"optionally with a label after -, :, an en or em dash, or in parentheses "
		"(\"1 - Critical\", \"P2: High\", \"P1 (Critical)\", \"Critical (P1)\"); "
		"or a name: emergency or blocker (0), critical, urgent or highest (1), "
		"major or high (2), minor, medium, moderate or normal (3), "
		"low, cosmetic or trivial (4), info, informational, lowest or planning (5). "
		"Other spellings: to_severity(text, aliases jsonb).";
}

static bool
is_space(char c)
{
	return isspace((unsigned char) c);
}

/*
 * The separator between a level number and its label: "-", ":", or the en
 * and em dashes (U+2013, U+2014, in UTF-8) that exports and word processors
 * write ("1 – Critical").  Its length in bytes, 0 when there is none.
 */
static int
label_separator(const char *p)
{
	if (*p == '-' || *p == ':')
		return 1;
	if ((unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 &&
		((unsigned char) p[2] == 0x93 || (unsigned char) p[2] == 0x94))
		return 3;
	return 0;
}

/*
 * A level number at p (lower case, NUL-terminated): after an optional
 * prefix word (sev1, sev-1, sev 1, s1, p1, priority 1) or bare.  Returns
 * the digit and sets *rest after it; -1 when p is no level number, -2 when
 * it is one out of range (*detail says so).
 */
static int
level_number(const char *p, const char **rest, const char **detail)
{
	for (int i = 0; i < (int) lengthof(level_prefixes); i++)
	{
		int			pl = strlen(level_prefixes[i]);

		if (strncmp(p, level_prefixes[i], pl) == 0 &&
			(p[pl] == '-' || p[pl] == ' ' || isdigit((unsigned char) p[pl])))
		{
			p += pl;
			if (*p == '-')
				p++;
			else
				while (*p == ' ')
					p++;
			break;
		}
	}
	if (!isdigit((unsigned char) p[0]))
		return -1;
	if (isdigit((unsigned char) p[1]) || p[0] - '0' > SEVERITY_MAX)
	{
		*detail = "Severity levels run from 0 (most severe) to 5.";
		return -2;
	}
	*rest = p + 1;
	return p[0] - '0';
}

/* a label: a tool's own word for the level, not checked beyond its start */
static bool
is_label(const char *p)
{
	return isalpha((unsigned char) *p);
}

/*
 * "Critical (P1)" and "P1 (Critical)": a level number and a label, one of
 * them in closing parentheses.  The number decides, as after a dash.
 * buf is trimmed; returns -1 when it is not of this form.
 */
static int
parenthesized_level(char *buf, int n, const char **detail)
{
	char	   *open;
	char	   *inner;
	char	   *before_end;
	const char *rest;
	int			lb,
				li;

	if (n < 4 || buf[n - 1] != ')' || (open = strrchr(buf, '(')) == NULL || open == buf)
		return -1;
	/* split in place: before "(", and inside the parentheses, both trimmed */
	buf[n - 1] = '\0';
	inner = open + 1;
	while (*inner == ' ')
		inner++;
	for (char *e = buf + n - 2; e >= inner && *e == ' '; e--)
		*e = '\0';
	before_end = open;
	while (before_end > buf && before_end[-1] == ' ')
		before_end--;
	*before_end = '\0';
	if (strchr(buf, '(') != NULL || strchr(buf, ')') != NULL || strchr(inner, ')') != NULL)
		return -1;

	lb = level_number(buf, &rest, detail);
	if (lb >= 0 && *rest != '\0')
		lb = -1;				/* "P1 - Critical (x)" is not this form */
	li = level_number(inner, &rest, detail);
	if (li >= 0 && *rest != '\0')
		li = -1;
	if (lb == -2 || li == -2)
		return -2;
	*detail = NULL;
	if (lb >= 0 && li == -1 && is_label(inner))
		return lb;				/* P1 (Critical) */
	if (li >= 0 && lb == -1 && is_label(buf))
		return li;				/* Critical (P1) */
	return -1;
}

int
severity_parse(const char *str, int len, const char **detail)
{
	char		buf[64];
	char		tmp[64];
	int			n = 0;
	int			i;
	const char *p;
	const char *end;
	int			level;
	int			sep;

	*detail = NULL;

	/* trim surrounding white space */
	p = str;
	end = str + len;
	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end)
	{
		*detail = "The value is empty.";
		return -1;
	}
	if (end - p >= (int) sizeof(buf))
		return -1;				/* longer than any spelling */

	for (; p < end; p++)
		buf[n++] = pg_ascii_tolower((unsigned char) *p);
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL)
		return -1;				/* a NUL inside a text is no spelling */

	for (i = 0; i < (int) lengthof(severity_names); i++)
	{
		if (strcmp(buf, severity_names[i].name) == 0)
			return severity_names[i].level;
	}

	/* a level number and a label in parentheses, either way round */
	memcpy(tmp, buf, n + 1);
	level = parenthesized_level(tmp, n, detail);
	if (level >= 0)
		return level;
	if (level == -2)
		return -1;

	/*
	 * A level number, optionally followed by a label after "-", ":" or a
	 * dash ("1 - Critical", "P2: High", "1 – Critical").  The number
	 * decides; the label is the tool's own name for it and is not checked.
	 */
	level = level_number(buf, &p, detail);
	if (level < 0)
		return -1;
	if (*p != '\0')
	{
		/* a label: separator, then a word */
		while (*p == ' ')
			p++;
		if ((sep = label_separator(p)) == 0)
			return -1;
		p += sep;
		while (*p == ' ')
			p++;
		if (!is_label(p))
			return -1;
	}
	return level;
}

Datum
severity_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *detail;
	int			level;

	level = severity_parse(str, strlen(str), &detail);
	if (level < 0)
	{
		if (detail)
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"",
						   "severity", ms_quote_input(str)),
					errdetail_internal("%s", detail),
					errhint("%s", severity_accepted_hint()));
		else
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"",
						   "severity", ms_quote_input(str)),
					errhint("%s", severity_accepted_hint()));
	}
	PG_RETURN_SEVERITY((Severity) level);
}

Datum
severity_out(PG_FUNCTION_ARGS)
{
	Severity	s = PG_GETARG_SEVERITY(0);

	PG_RETURN_CSTRING(psprintf("SEV%d", (int) s));
}

Datum
severity_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			level = pq_getmsgbyte(buf);

	if (level < SEVERITY_MIN || level > SEVERITY_MAX)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary severity level %d", level),
				errdetail("Severity levels run from 0 to 5."));
	PG_RETURN_SEVERITY((Severity) level);
}

Datum
severity_send(PG_FUNCTION_ARGS)
{
	Severity	s = PG_GETARG_SEVERITY(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
severity_from_int(PG_FUNCTION_ARGS)
{
	int32		level = PG_GETARG_INT32(0);

	if (level < SEVERITY_MIN || level > SEVERITY_MAX)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("severity level %d is out of range", level),
				errdetail("Severity levels run from 0 (most severe) to 5."));
	PG_RETURN_SEVERITY((Severity) level);
}

Datum
severity_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_SEVERITY(0));
}

Datum
severity_name(PG_FUNCTION_ARGS)
{
	Severity	s = PG_GETARG_SEVERITY(0);

	PG_RETURN_TEXT_P(cstring_to_text(canonical_names[s]));
}

#define SEV_ARGS \
	Severity	a = PG_GETARG_SEVERITY(0); \
	Severity	b = PG_GETARG_SEVERITY(1)

Datum
severity_cmp(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_INT32((a > b) - (a < b));
}

Datum
severity_lt(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a < b);
}

Datum
severity_le(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a <= b);
}

Datum
severity_eq(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a == b);
}

Datum
severity_ne(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a != b);
}

Datum
severity_ge(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a >= b);
}

Datum
severity_gt(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_BOOL(a > b);
}

Datum
severity_smaller(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_SEVERITY(a <= b ? a : b);
}

Datum
severity_larger(PG_FUNCTION_ARGS)
{
	SEV_ARGS;

	PG_RETURN_SEVERITY(a >= b ? a : b);
}

Datum
severity_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_SEVERITY(0));
}

Datum
severity_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_SEVERITY(0),
								PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------------
 * to_severity: reading exported spellings without aborting a report
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(to_severity);
PG_FUNCTION_INFO_V1(to_severity_aliases);

/* text, or NULL when it is not a severity (the cast raises instead) */
Datum
to_severity(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *detail;
	int			level = severity_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &detail);

	if (level < 0)
		PG_RETURN_NULL();
	PG_RETURN_SEVERITY((Severity) level);
}

/* a user's alias map, parsed once per call site */
typedef struct AliasMap
{
	MemoryContext cxt;			/* holds this map; reset for the next one */
	Jsonb	   *src;			/* the map it was parsed from, to compare */
	int			n;
	char	  **keys;			/* trimmed, lower case */
	int		   *lens;
	Severity   *levels;
} AliasMap;

/*
 * trimmed, lower-cased copy of len bytes at s into *out: buf when it is
 * large enough (no palloc per row for the usual short spellings), else
 * palloc'd
 */
static int
fold_spelling_buf(const char *s, int len, char **out, char *buf, int bufsize)
{
	const char *end = s + len;
	char	   *r;
	int			n = 0;

	while (s < end && is_space(*s))
		s++;
	while (end > s && is_space(end[-1]))
		end--;
	r = (end - s < bufsize) ? buf : palloc(end - s + 1);
	for (; s < end; s++)
		r[n++] = pg_ascii_tolower((unsigned char) *s);
	r[n] = '\0';
	*out = r;
	return n;
}

static int
fold_spelling(const char *s, int len, char **out)
{
	return fold_spelling_buf(s, len, out, NULL, 0);
}

static AliasMap *
alias_map_build(Jsonb *jb, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	AliasMap   *m = palloc0(sizeof(AliasMap));
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			cap;
	char	   *key = NULL;
	int			keylen = 0;

	m->cxt = mcxt;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("severity aliases must be a JSON object"),
				errhint("Map each spelling to a severity, e.g. '{\"Blocker\": \"SEV1\", \"Critical\": 2}'."));
	cap = Max(JB_ROOT_COUNT(jb), 1);
	m->keys = palloc(sizeof(char *) * cap);
	m->lens = palloc(sizeof(int) * cap);
	m->levels = palloc(sizeof(Severity) * cap);
	m->src = palloc(VARSIZE(jb));
	memcpy(m->src, jb, VARSIZE(jb));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		const char *val;
		int			vlen;
		const char *detail;
		int			level;

		if (tok == WJB_KEY)
		{
			keylen = fold_spelling(v.val.string.val, v.val.string.len, &key);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		if (v.type == jbvString)
		{
			val = v.val.string.val;
			vlen = v.val.string.len;
		}
		else if (v.type == jbvNumeric)
		{
			val = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v.val.numeric)));
			vlen = strlen(val);
		}
		else
		{
			val = "";
			vlen = 0;
		}
		level = severity_parse(val, vlen, &detail);
		if (level < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("severity alias \"%s\" maps to %s, which is not a severity",
						   key, v.type == jbvString || v.type == jbvNumeric ?
						   psprintf("\"%.*s\"", Min(vlen, 40), val) : "a non-scalar value"),
					errhint("Map to a level 0 to 5 or a spelling such as \"SEV1\" or \"critical\"."));
		m->keys[m->n] = key;
		m->lens[m->n] = keylen;
		m->levels[m->n] = (Severity) level;
		m->n++;
	}
	MemoryContextSwitchTo(old);
	return m;
}

/*
 * The spelling read through the user's map first (keys compared ignoring
 * case and surrounding white space), then as a built-in spelling; NULL when
 * neither knows it.
 */
Datum
to_severity_aliases(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	Jsonb	   *jb = PG_GETARG_JSONB_P(1);
	AliasMap   *m = (AliasMap *) fcinfo->flinfo->fn_extra;
	char		buf[64];
	char	   *folded;
	int			flen;
	const char *detail;
	int			level;

	if (m == NULL || VARSIZE(m->src) != VARSIZE(jb) ||
		memcmp(m->src, jb, VARSIZE(jb)) != 0)
	{
		/* a map per row (from a column) must not grow memory per row */
		MemoryContext cxt;

		if (m != NULL)
		{
			cxt = m->cxt;
			MemoryContextReset(cxt);
		}
		else
			cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "severity aliases",
										ALLOCSET_SMALL_SIZES);
		fcinfo->flinfo->fn_extra = NULL;
		m = alias_map_build(jb, cxt);
		fcinfo->flinfo->fn_extra = m;
	}
	flen = fold_spelling_buf(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &folded, buf, sizeof(buf));
	for (int i = 0; i < m->n; i++)
	{
		if (m->lens[i] == flen && memcmp(m->keys[i], folded, flen) == 0)
			PG_RETURN_SEVERITY(m->levels[i]);
	}
	level = severity_parse(folded, flen, &detail);
	if (level < 0)
		PG_RETURN_NULL();
	PG_RETURN_SEVERITY((Severity) level);
}
