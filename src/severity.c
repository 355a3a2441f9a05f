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

/* The first name of each level is its canonical name (severity_name). */
static const struct
{
	const char *name;
	int			level;
}			severity_names[] =
{
	{"emergency", 0},
	{"critical", 1},
	{"major", 2},
	{"high", 2},
	{"minor", 3},
	{"medium", 3},
	{"moderate", 3},
	{"low", 4},
	{"cosmetic", 4},
	{"info", 5},
	{"informational", 5},
};

static const char *const canonical_names[SEVERITY_LEVELS] =
{
	"emergency", "critical", "major", "minor", "low", "info"
};

const char *
severity_accepted_hint(void)
{
	return "Accepted: SEV0 to SEV5, also written Sev-1, sev 1, S1, P1 or 1, "
		"or a name: emergency (0), critical (1), major or high (2), "
		"minor, medium or moderate (3), low or cosmetic (4), info or informational (5).";
}

int
severity_parse(const char *str, int len, const char **detail)
{
	char		buf[16];
	int			n = 0;
	int			i;
	const char *p;
	const char *end;

	*detail = NULL;

	/* trim surrounding white space */
	p = str;
	end = str + len;
	while (p < end && isspace((unsigned char) *p))
		p++;
	while (end > p && isspace((unsigned char) end[-1]))
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

	for (i = 0; i < (int) lengthof(severity_names); i++)
	{
		if (strcmp(buf, severity_names[i].name) == 0)
			return severity_names[i].level;
	}

	/* prefix forms: sev1, sev-1, sev 1, s1, p1; or a bare digit */
	p = buf;
	if (strncmp(p, "sev", 3) == 0)
		p += 3;
	else if (*p == 's' || *p == 'p')
		p++;
	if (p != buf)
	{
		if (*p == '-')
			p++;
		else
			while (*p == ' ')
				p++;
	}
	if (p[0] >= '0' && p[0] <= '9' && p[1] == '\0')
	{
		int			level = p[0] - '0';

		if (level > SEVERITY_MAX)
		{
			*detail = "Severity levels run from 0 (most severe) to 5.";
			return -1;
		}
		return level;
	}
	return -1;
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
