/*
 * severity.h
 *		The severity type: levels 0 (most severe) to 5, one byte, by value.
 */
#ifndef MS_SEVERITY_H
#define MS_SEVERITY_H

#include "managed_services.h"

typedef uint8 Severity;

#define SEVERITY_MIN 0
#define SEVERITY_MAX 5
#define SEVERITY_LEVELS (SEVERITY_MAX + 1)

#define DatumGetSeverity(X)		((Severity) DatumGetUInt8(X))
#define SeverityGetDatum(X)		UInt8GetDatum(X)
#define PG_GETARG_SEVERITY(n)	DatumGetSeverity(PG_GETARG_DATUM(n))
#define PG_RETURN_SEVERITY(x)	return SeverityGetDatum(x)

/*
 * Parse one severity spelling (len bytes at str, no terminator needed).
 * Returns the level, or -1 when the text is not a severity; *detail then
 * says why (a static string) or is NULL for plain junk.
 */
extern int	severity_parse(const char *str, int len, const char **detail);

/* The list of accepted spellings, for error hints. */
extern const char *severity_accepted_hint(void);

#endif							/* MS_SEVERITY_H */
