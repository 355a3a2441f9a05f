/*
 * ivalstate.c
 *		The layout and the argument checks availability_state and
 *		staffing_state share (see ivalstate.h).
 */
#include "ivalstate.h"

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "availability.h"
#include "window.h"

/* the sla_window's text I/O, in window.c */
extern Datum sla_window_in(PG_FUNCTION_ARGS);
extern Datum sla_window_out(PG_FUNCTION_ARGS);

Size
ivs_size(const IvsLayout *l, Size winsize, int nfixed, int cap)
{
	if ((Size) nfixed + (Size) cap > (Size) l->max_items)
		l->too_many();
	return l->hdrsz + MAXALIGN(winsize) + l->fixed_size * (Size) nfixed + l->item_size * (Size) cap;
}

/*
 * A new value with room for cap growing items, the header's other fields 0;
 * win is an sla_window datum (any header) or NULL.
 */
void *
ivs_create(const IvsLayout *l, const struct varlena *win, uint8 flags,
		   const void *fixed, int nfixed, int cap)
{
	Size		winsize = win ? VARHDRSZ + VARSIZE_ANY_EXHDR(win) : 0;
	Size		size = ivs_size(l, winsize, nfixed, cap);
	IvsHeader  *st = palloc0(size);

	SET_VARSIZE(st, size);
	st->version = l->version;
	st->flags = flags | (win ? l->window_flag : 0);
	st->winsize = (int32) winsize;
	*ivs_count(st, l->off_nfixed) = nfixed;
	if (win)
	{
		SET_VARSIZE(ivs_window(l, st), winsize);
		memcpy(VARDATA(ivs_window(l, st)), VARDATA_ANY(win), winsize - VARHDRSZ);
	}
	if (nfixed > 0)
		memcpy(ivs_fixed(l, st), fixed, l->fixed_size * nfixed);
	return st;
}

/* a copy with room for cap growing items (cap >= the items held) */
void *
ivs_resize(const IvsLayout *l, const void *st, int cap)
{
	int			n = *ivs_count(st, l->off_nitems);
	Size		used = (ivs_items(l, st) + l->item_size * n) - (const char *) st;
	Size		size = ivs_size(l, ((const IvsHeader *) st)->winsize,
							*ivs_count(st, l->off_nfixed), cap);
	void	   *r = palloc(size);

	Assert(cap >= n);
	memcpy(r, st, used);
	SET_VARSIZE(r, size);
	return r;
}

/* a private copy of a state argument, to change outside an aggregate */
void *
ivs_copy(const IvsLayout *l, Datum d)
{
	void	   *st = PG_DETOAST_DATUM(d);

	return ivs_resize(l, st, *ivs_count(st, l->off_nitems));
}

void
ivs_normalize(const IvsLayout *l, void *st)
{
	int32	   *n = ivs_count(st, l->off_nitems);
	int32	   *nsorted = ivs_count(st, l->off_nsorted);

	if (*nsorted < *n)
		*n = l->normalize(ivs_items(l, st), *n);
	*nsorted = *n;
}

/* the canonical stored form: sorted, merged, no spare room; st is untouched */
void *
ivs_canonical(const IvsLayout *l, const void *st)
{
	void	   *r = ivs_resize(l, st, *ivs_count(st, l->off_nitems));

	ivs_normalize(l, r);
	SET_VARSIZE(r, ivs_size(l, ((IvsHeader *) r)->winsize, *ivs_count(r, l->off_nfixed),
							*ivs_count(r, l->off_nitems)));
	return r;
}

void
ivs_check_version(const IvsLayout *l, const void *st)
{
	int			version = ((const IvsHeader *) st)->version;

	if (version != l->version)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("%s version %d is not supported", l->typname, version),
				errdetail("This version of managed_services reads version %d.", l->version));
}

/* the state embeds win (both NULL: no window) */
bool
ivs_same_window(const IvsLayout *l, const void *st, const struct varlena *win)
{
	bool		has = (((const IvsHeader *) st)->flags & l->window_flag) != 0;

	if (win == NULL || !has)
		return win == NULL && !has;
	return VARSIZE_ANY_EXHDR(win) == VARSIZE(ivs_window(l, st)) - VARHDRSZ &&
		memcmp(VARDATA_ANY(win), VARDATA(ivs_window(l, st)), VARSIZE_ANY_EXHDR(win)) == 0;
}

void *
ivs_state_arg(FunctionCallInfo fcinfo, const IvsLayout *l)
{
	void	   *st;

	if (PG_ARGISNULL(0))
		return NULL;
	if (AggCheckCallContext(fcinfo, NULL))
		st = PG_GETARG_POINTER(0);
	else
		st = ivs_copy(l, PG_GETARG_DATUM(0));
	ivs_check_version(l, st);
	return st;
}

bool
ivs_combine_args(FunctionCallInfo fcinfo, const IvsLayout *l,
				 void **a, void **b, Datum *result)
{
	if (PG_ARGISNULL(1))
	{
		fcinfo->isnull = PG_ARGISNULL(0);
		*result = PG_ARGISNULL(0) ? (Datum) 0 : PG_GETARG_DATUM(0);
		return false;
	}
	*b = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	ivs_check_version(l, *b);
	/* the aggregate machinery copies a new pointer into its context */
	if (PG_ARGISNULL(0))
	{
		*result = PointerGetDatum(*b);
		return false;
	}
	*a = ivs_state_arg(fcinfo, l);
	return true;
}

Datum
ivs_compact(const IvsLayout *l, Datum d)
{
	void	   *st = PG_DETOAST_DATUM(d);

	ivs_check_version(l, st);
	return PointerGetDatum(ivs_canonical(l, st));
}

WinSched *
ivs_sched(FunctionCallInfo fcinfo, const struct varlena *win)
{
	LOCAL_FCINFO(wfcinfo, 1);

	/* win_sched_cached() keeps its cache in our flinfo's fn_extra */
	InitFunctionCallInfoData(*wfcinfo, fcinfo->flinfo, 1, InvalidOid, NULL, NULL);
	wfcinfo->args[0].value = PointerGetDatum(win);
	wfcinfo->args[0].isnull = false;
	return win_sched_cached(wfcinfo, 0);
}

/* ---------------------------------------------------------------------
 * arguments and messages
 * --------------------------------------------------------------------- */

char *
ivs_range_text(RangeType *r)
{
	Oid			typoutput;
	bool		isvarlena;

	getTypeOutputInfo(RangeTypeGetOid(r), &typoutput, &isvarlena);
	return OidOutputFunctionCall(typoutput, RangeTypePGetDatum(r));
}

char *
ivs_ts_text(TimestampTz t)
{
	return DatumGetCString(DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(t)));
}

/* an sla_window (any header) as text; "none" for NULL */
char *
ivs_window_text(const struct varlena *win)
{
	if (win == NULL)
		return "none";
	return DatumGetCString(DirectFunctionCall1(sla_window_out,
											   PointerGetDatum(PG_DETOAST_DATUM(PointerGetDatum(win)))));
}

/*
 * The period: finite, non-empty, inside the window's range when there is
 * one.  what and What name the measure in messages ("staffing", "Staffing").
 */
void
ivs_period_bounds(TypeCacheEntry *rng, RangeType *r, bool windowed,
				  const char *what, const char *What,
				  TimestampTz *lo, TimestampTz *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;
	int64		len;

	range_deserialize(rng, r, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s period is empty", what),
				errdetail("%s is measured over a non-empty period.", What),
				errhint("Pass the span being measured, e.g. tstzrange('2026-03-01', '2026-04-01')."));
	if (lower.infinite || upper.infinite ||
		TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(lower.val)) ||
		TIMESTAMP_NOT_FINITE(DatumGetTimestampTz(upper.val)))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("%s period %s is not finite", what, ivs_range_text(r)),
				errdetail("%s is measured over a period with a finite start and end.", What),
				errhint("Pass the span being measured, e.g. tstzrange('2026-03-01', '2026-04-01')."));
	*lo = DatumGetTimestampTz(lower.val);
	*hi = DatumGetTimestampTz(upper.val);
	if (pg_sub_s64_overflow(*hi, *lo, &len))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("%s period %s is too long", what, ivs_range_text(r)));
	if (windowed)
	{
		win_check_ts(*lo);
		win_check_ts(*hi);
	}
}

/* rows of one group that disagree on what must be the same; group: "an availability" */
void
ivs_mixed_group(const char *group, const char *what, const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("all rows of %s group must have the same %s", group, what),
			errdetail_internal("%s", detail),
			errhint("Group by what determines the %s (e.g. the month and the vendor), or compute it from the group key.", what));
}

/* ---------------------------------------------------------------------
 * text forms
 * --------------------------------------------------------------------- */

bool
ivs_expect(IvsParser *ps, const char *lit)
{
	int			n = strlen(lit);

	if (strncmp(ps->p, lit, n) != 0)
		return ivs_syntax_error(ps, "expected \"%s\".", lit);
	ps->p += n;
	return true;
}

bool
ivs_parse_ts(IvsParser *ps, TimestampTz *t)
{
	const char *detail;

	if (!ms_parse_utc_ts(&ps->p, t, &detail))
		return ivs_syntax_error(ps, "%s", detail);
	return true;
}

bool
ivs_parse_ival(IvsParser *ps, TimestampTz *lo, TimestampTz *hi)
{
	const char *start = ps->p;

	if (!ivs_expect(ps, "[") || !ivs_parse_ts(ps, lo) || !ivs_expect(ps, ",") ||
		!ivs_parse_ts(ps, hi) || !ivs_expect(ps, ")"))
		return false;
	if (*lo >= *hi)
	{
		ps->p = start;
		return ivs_syntax_error(ps, "an interval must end after it starts.");
	}
	return true;
}

/* an embedded window's text, read softly */
bool
ivs_window_from_text(IvsParser *ps, char *text, Datum *w)
{
	return DirectInputFunctionCallSafe(sla_window_in, text, InvalidOid, -1, ps->escontext, w);
}

bool
ivs_window_clause(IvsParser *ps, bool *found, Datum *w, const char **at)
{
	const char *end;

	*found = false;
	if (strncmp(ps->p, " window=\"", 9) != 0)
		return true;
	ps->p += 9;
	*at = ps->p;
	end = strchr(ps->p, '"');
	if (end == NULL)
		return ivs_syntax_error(ps, "unterminated window: expected a closing \".");
	if (!ivs_window_from_text(ps, pnstrdup(ps->p, end - ps->p), w))
		return false;
	*found = true;
	ps->p = end + 1;
	return true;
}
