/*
 * harness.h
 *		The checks every fuzz target makes, for one type of the extension.
 *
 * Text targets feed the input (as a UTF-8 server would: valid UTF-8, no
 * NUL) to TYPE_in; binary targets feed it to TYPE_recv as COPY BINARY does
 * (a StringInfo of exactly the field's bytes, which must all be consumed).
 * Either may raise an ERROR with a user-facing SQLSTATE (pg_shim.c aborts on
 * any other).  A value that is accepted must then behave:
 *	- TYPE_out succeeds, and TYPE_in reads that text back to the same bytes,
 *	  which print the same text (canonical output round-trips exactly; for a
 *	  received value this is "recv validates everything in validates");
 *	- TYPE_send succeeds and TYPE_recv reads it back to the same bytes.
 * A failed check prints what failed and aborts, which libFuzzer reports as
 * a crash with the input saved.
 */
#ifndef MS_FUZZ_HARNESS_H
#define MS_FUZZ_HARNESS_H

#include "postgres.h"
#include "pg_compat.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/memutils.h"

#include "pg_shim.h"

typedef struct FuzzType
{
	const char *name;
	PGFunction	in;
	PGFunction	out;
	PGFunction	send;
	PGFunction	recv;
	bool		byval;
} FuzzType;

#define FUZZ_TYPE(t, isbyval) \
	extern Datum t##_in(PG_FUNCTION_ARGS); \
	extern Datum t##_out(PG_FUNCTION_ARGS); \
	extern Datum t##_send(PG_FUNCTION_ARGS); \
	extern Datum t##_recv(PG_FUNCTION_ARGS); \
	static const FuzzType fuzz_type = {#t, t##_in, t##_out, t##_send, t##_recv, isbyval}

extern int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fuzz_stage;

static void pg_attribute_noreturn()
fuzz_fail(const FuzzType *t, const char *what, const char *text)
{
	fprintf(stderr, "\n%s: %s: %s\n", t->name, fuzz_stage, what);
	if (text)
		fprintf(stderr, "  text: \"%s\"\n", text);
	if (shim_error.message[0])
		fprintf(stderr, "  last error: %s: %s\n  detail: %s\n  at %s\n",
				shim_sqlstate(shim_error.sqlerrcode), shim_error.message,
				shim_error.detail, shim_error.where);
	abort();
}

/*
 * Call f(arg, InvalidOid, -1) as the server calls I/O functions (with a
 * FmgrInfo of its own, and escontext as fcinfo->context); false when it
 * raised an ERROR.
 */
static bool
fuzz_call_ctx(PGFunction f, Datum arg, Node *escontext, Datum *result, bool *isnull)
{
	sigjmp_buf	jb;
	sigjmp_buf *volatile save = shim_error_jmp;
	volatile bool ok = false;
	FmgrInfo	flinfo;
	LOCAL_FCINFO(fcinfo, 3);

	memset(&flinfo, 0, sizeof(flinfo));
	flinfo.fn_addr = f;
	flinfo.fn_nargs = 3;
	flinfo.fn_strict = true;
	flinfo.fn_mcxt = CurrentMemoryContext;
	InitFunctionCallInfoData(*fcinfo, &flinfo, 3, InvalidOid, escontext, NULL);
	fcinfo->args[0].value = arg;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = ObjectIdGetDatum(InvalidOid);
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = Int32GetDatum(-1);
	fcinfo->args[2].isnull = false;
	memset(&shim_error, 0, sizeof(shim_error));
	if (sigsetjmp(jb, 0) == 0)
	{
		shim_error_jmp = &jb;
		*result = f(fcinfo);
		*isnull = fcinfo->isnull;
		ok = true;
	}
	shim_error_jmp = save;
	return ok;
}

static bool
fuzz_call(PGFunction f, Datum arg, Datum *result, bool *isnull)
{
	return fuzz_call_ctx(f, arg, NULL, result, isnull);
}

/*
 * Soft input errors (16+, pg_input_is_valid): the text the input function
 * rejected with an ERROR is rejected softly when the caller asks, with no
 * ERROR raised; a text it accepted is accepted the same.
 */
static void
fuzz_check_soft(const FuzzType *t, const char *str, bool accepted)
{
#ifdef MS_HAVE_SOFT_ERRORS
	ErrorSaveContext escontext = {T_ErrorSaveContext};
	Datum		v;
	bool		isnull;

	fuzz_stage = "in, soft errors";
	if (!fuzz_call_ctx(t->in, CStringGetDatum(str), (Node *) &escontext, &v, &isnull))
		fuzz_fail(t, "a soft error was asked for, and an ERROR was raised", str);
	if (accepted && escontext.error_occurred)
		fuzz_fail(t, "accepted, but rejected when soft errors are asked for", str);
	if (!accepted && !escontext.error_occurred)
		fuzz_fail(t, "rejected, but accepted when soft errors are asked for", str);
#endif
}

static bool
fuzz_same(const FuzzType *t, Datum a, Datum b)
{
	if (t->byval)
		return a == b;
	return VARSIZE_ANY(DatumGetPointer(a)) == VARSIZE_ANY(DatumGetPointer(b)) &&
		memcmp(DatumGetPointer(a), DatumGetPointer(b), VARSIZE_ANY(DatumGetPointer(a))) == 0;
}

/* recv over bytes as COPY BINARY gives them; false when rejected */
static bool
fuzz_recv(const FuzzType *t, const char *data, int len, Datum *v)
{
	StringInfoData buf;
	bool		isnull;

	buf.data = palloc(len + 1);
	memcpy(buf.data, data, len);
	buf.data[len] = '\0';
	buf.len = len;
	buf.maxlen = len + 1;
	buf.cursor = 0;
	if (!fuzz_call(t->recv, PointerGetDatum(&buf), v, &isnull))
		return false;
	if (isnull)
		fuzz_fail(t, "recv returned NULL without an error", NULL);
	/* CopyReadBinaryAttribute: "incorrect binary data format" */
	return buf.cursor == buf.len;
}

static void
fuzz_check_value(const FuzzType *t, Datum v)
{
	Datum		r,
				v2,
				v3;
	bool		isnull;
	char	   *text;
	bytea	   *bin;

	fuzz_stage = "out";
	if (!fuzz_call(t->out, v, &r, &isnull) || isnull)
		fuzz_fail(t, "output of an accepted value failed", NULL);
	text = DatumGetCString(r);

	fuzz_stage = "in(out(value))";
	if (!fuzz_call(t->in, CStringGetDatum(text), &v2, &isnull))
		fuzz_fail(t, "the output text of an accepted value does not read back", text);
	if (isnull)
		fuzz_fail(t, "in returned NULL without an error", text);
	if (!fuzz_same(t, v, v2))
		fuzz_fail(t, "the output text reads back to a different value", text);
	if (!fuzz_call(t->out, v2, &r, &isnull) || isnull)
		fuzz_fail(t, "output of the value read back failed", text);
	if (strcmp(text, DatumGetCString(r)) != 0)
	{
		fprintf(stderr, "  second output: \"%s\"\n", DatumGetCString(r));
		fuzz_fail(t, "the output is not canonical (prints differently once read back)", text);
	}

	fuzz_stage = "recv(send(value))";
	if (!fuzz_call(t->send, v, &r, &isnull) || isnull)
		fuzz_fail(t, "send of an accepted value failed", text);
	bin = DatumGetByteaPP(r);
	if (!fuzz_recv(t, VARDATA_ANY(bin), VARSIZE_ANY_EXHDR(bin), &v3))
		fuzz_fail(t, "the binary form of an accepted value is not received back", text);
	if (!fuzz_same(t, v, v3))
		fuzz_fail(t, "the binary form receives back a different value", text);
}

/* a text target */
static int
fuzz_text(const FuzzType *t, const uint8_t *data, size_t size)
{
	char	   *str;
	Datum		v;
	bool		isnull;

	/* the server only hands valid, NUL-free text to input functions */
	if (!shim_valid_utf8((const char *) data, size))
		return -1;
	str = palloc(size + 1);
	memcpy(str, data, size);
	str[size] = '\0';
	fuzz_stage = "in";
	if (fuzz_call(t->in, CStringGetDatum(str), &v, &isnull))
	{
		if (isnull)
			fuzz_fail(t, "in returned NULL without an error", str);
		fuzz_check_value(t, v);
		fuzz_check_soft(t, str, true);
	}
	else
		fuzz_check_soft(t, str, false);
	shim_reset();
	return 0;
}

/* a binary target */
static int
fuzz_binary(const FuzzType *t, const uint8_t *data, size_t size)
{
	Datum		v;

	fuzz_stage = "recv";
	if (size < INT_MAX && fuzz_recv(t, (const char *) data, (int) size, &v))
		fuzz_check_value(t, v);
	shim_reset();
	return 0;
}

#endif							/* MS_FUZZ_HARNESS_H */
