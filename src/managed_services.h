/*
 * managed_services.h
 *		Declarations shared by every capability of the extension.
 */
#ifndef MANAGED_SERVICES_H
#define MANAGED_SERVICES_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "datatype/timestamp.h"

#include "pg_compat.h"

#include <ctype.h>
#include <string.h>

/*
 * The text parsers' words: the length of the run of letters at p, and
 * whether those len characters are the keyword w (case-insensitive).
 */
static inline int
ms_alpha_len(const char *p)
{
	int			n = 0;

	while (isalpha((unsigned char) p[n]))
		n++;
	return n;
}

static inline bool
ms_word_is(const char *p, int len, const char *w)
{
	return len == (int) strlen(w) && pg_strncasecmp(p, w, len) == 0;
}

/* An interval of pure time (no days or months), as business time is given. */
extern Interval *ms_interval_usecs(int64 usecs);

/* Shorten a user's input for an error message. */
extern char *ms_quote_input(const char *str);

/*
 * Report bad input text of a type: 22P02 "invalid input syntax for type
 * <type>" with a detail "At character N: <what was expected>".  A soft error
 * where escontext allows (16+), else thrown; returns false, so that parsers
 * can "return ms_syntax_error(...)".
 */
extern bool ms_syntax_error(Node *escontext, const char *type, const char *input,
							const char *at, const char *fmt,...) pg_attribute_printf(5, 6);

#endif							/* MANAGED_SERVICES_H */
