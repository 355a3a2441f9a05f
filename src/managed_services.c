/*
 * managed_services.c
 *		Module entry and helpers shared by every capability.
 */
#include "managed_services.h"

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
