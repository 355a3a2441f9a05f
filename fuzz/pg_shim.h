/*
 * pg_shim.h
 *		What the harnesses see of the backend shim (pg_shim.c).
 */
#ifndef MS_PG_SHIM_H
#define MS_PG_SHIM_H

#include <setjmp.h>

typedef struct ShimError
{
	int			sqlerrcode;
	char		message[512];
	char		detail[512];
	char		hint[1024];
	char		where[256];
} ShimError;

/* where an ERROR jumps to; NULL: an ERROR aborts */
extern sigjmp_buf *shim_error_jmp;
/* the last ERROR raised */
extern ShimError shim_error;

/* free everything palloc'd since the last reset */
extern void shim_reset(void);
/* an SQLSTATE bad user input may give (class 22, 54, 08P01) */
extern bool shim_user_sqlstate(int code);
extern const char *shim_sqlstate(int code);
/* valid UTF-8 with no NUL: what a UTF-8 server hands an input function */
extern bool shim_valid_utf8(const char *s, size_t len);
/* called by the generated stubs */
extern void shim_unreachable(const char *name) pg_attribute_noreturn();

#endif							/* MS_PG_SHIM_H */
