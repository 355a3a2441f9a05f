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
