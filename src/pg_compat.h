/*
 * pg_compat.h
 *		Every difference between the PostgreSQL majors the extension supports
 *		(15, 17 and 18), in one place, so that the rest of the code reads as
 *		if there were one version.
 *
 * Included right after postgres.h: by managed_services.h, and by the fuzz
 * harness (fuzz/), which builds the same C files without a server.
 */
#ifndef MS_PG_COMPAT_H
#define MS_PG_COMPAT_H

#include "fmgr.h"
#include "nodes/nodes.h"

#if PG_VERSION_NUM < 150000
#error "managed_services needs PostgreSQL 15 or later"
#endif

/*
 * Since 16, postgres.h no longer includes varatt.h (VARSIZE, SET_VARSIZE,
 * VARDATA, ...).
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * Soft input errors (pg_input_is_valid, pg_input_error_info) arrived in 16:
 * input functions report through fcinfo->context with errsave/ereturn, and
 * an input function is called softly with DirectInputFunctionCallSafe.  On
 * 15 a soft error is simply a hard one, and a direct call is a plain call.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define MS_HAVE_SOFT_ERRORS 1
#else
#define errsave(context, ...) \
	ereport(ERROR, __VA_ARGS__)
#define ereturn(context, dummy_value, ...) \
	do { \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#define SOFT_ERROR_OCCURRED(escontext) false

static inline bool
DirectInputFunctionCallSafe(PGFunction func, char *str, Oid typioparam,
							int32 typmod, Node *escontext, Datum *result)
{
	*result = DirectFunctionCall3(func, CStringGetDatum(str),
								  ObjectIdGetDatum(typioparam),
								  Int32GetDatum(typmod));
	return true;
}
#endif

/*
 * Since 16, appendBinaryStringInfo and pq_sendbytes take the bytes as
 * const void *; the fuzz harness's stand-in for the backend (fuzz/pg_shim.c)
 * defines them and must match the server's headers.
 */
#if PG_VERSION_NUM >= 160000
typedef const void *ms_bytes_arg;
#else
typedef const char *ms_bytes_arg;
#endif

/* ... and since 18, pq_copymsgbytes copies into a void * */
#if PG_VERSION_NUM >= 180000
typedef void *ms_copy_arg;
#else
typedef char *ms_copy_arg;
#endif

/*
 * 18 dropped pg_attribute_noreturn() (a prefix pg_noreturn took its place);
 * the fuzz harness marks its abort paths with it.
 */
#ifndef pg_attribute_noreturn
#define pg_attribute_noreturn() __attribute__((noreturn))
#endif

/* Since 16, make_range reports soft errors through an escontext */
#if PG_VERSION_NUM >= 160000
#define ms_make_range(tc, lower, upper, empty) make_range((tc), (lower), (upper), (empty), NULL)
#else
#define ms_make_range(tc, lower, upper, empty) make_range((tc), (lower), (upper), (empty))
#endif

#endif							/* MS_PG_COMPAT_H */
