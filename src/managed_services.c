/*
 * managed_services.c
 *		Module entry and helpers shared by every capability.
 */
#include "managed_services.h"

#include "datatype/timestamp.h"
#include "mb/pg_wchar.h"

PG_MODULE_MAGIC;

/*
 * Input text quoted back in an error message is cut at 64 bytes (on a
 * character boundary), so 300 characters of junk give a readable message.
 */
#define MS_QUOTE_MAX 64

char *
ms_quote_input(const char *str)
{
	int			len = strlen(str);
	int			cut;

	if (len <= MS_QUOTE_MAX)
		return pstrdup(str);
	cut = pg_mbcliplen(str, len, MS_QUOTE_MAX);
	return psprintf("%.*s...", cut, str);
}

bool
ms_syntax_error(Node *escontext, const char *type, const char *input,
				const char *at, const char *fmt,...)
{
	char		buf[256];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	errsave(escontext,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", type, ms_quote_input(input)),
			errdetail("At character %d: %s", (int) (at - input) + 1, buf));
	return false;
}

Interval *
ms_interval_usecs(int64 usecs)
{
	Interval   *r = palloc(sizeof(Interval));

	r->month = 0;
	r->day = 0;
	r->time = usecs;
	return r;
}
