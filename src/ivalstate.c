/*
 * ivalstate.c
 *		The layout and the argument checks availability_state and
 *		staffing_state share (see ivalstate.h).
 */
#include "ivalstate.h"

#include <ctype.h>

#include "common/int.h"
#include "utils/datetime.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

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

/* ---------------------------------------------------------------------
 * Instants in the text forms of both states: UTC with all their
 * microseconds, whatever DateStyle and TimeZone say, so that the text read
 * back is the same value bit for bit.
 * --------------------------------------------------------------------- */

/*
 * An instant in UTC with all its microseconds, whatever DateStyle and
 * TimeZone say: 2026-03-10 08:10:00.5+00.
 */
void
ms_append_utc_ts(StringInfo buf, TimestampTz t)
{
	int64		day = t / USECS_PER_DAY - (t % USECS_PER_DAY < 0);
	int64		tod = t - day * USECS_PER_DAY;
	int			y,
				m,
				d;
	int			frac = (int) (tod % USECS_PER_SEC);
	int			secs = (int) (tod / USECS_PER_SEC);

	j2date((int) (day + POSTGRES_EPOCH_JDATE), &y, &m, &d);
	appendStringInfo(buf, "%04d-%02d-%02d %02d:%02d:%02d",
					 y > 0 ? y : 1 - y, m, d, secs / 3600, (secs / 60) % 60, secs % 60);
	if (frac > 0)
	{
		char		f[8];
		int			len = 6;

		snprintf(f, sizeof(f), "%06d", frac);
		while (f[len - 1] == '0')
			len--;
		appendStringInfo(buf, ".%.*s", len, f);
	}
	appendStringInfoString(buf, "+00");
	if (y <= 0)
		appendStringInfoString(buf, " BC");
}

static bool
ts_lit(const char **p, const char *lit, const char **detail)
{
	int			n = strlen(lit);

	if (strncmp(*p, lit, n) != 0)
	{
		*detail = psprintf("expected \"%s\".", lit);
		return false;
	}
	*p += n;
	return true;
}

static bool
ts_digits(const char **p, int min, int max, int *val, const char **detail)
{
	int			n = 0;

	*val = 0;
	while (n < max && isdigit((unsigned char) (*p)[n]))
		*val = *val * 10 + ((*p)[n++] - '0');
	if (n < min || isdigit((unsigned char) (*p)[n]))
	{
		*detail = "expected an instant as YYYY-MM-DD HH:MM:SS[.ffffff]+00.";
		return false;
	}
	*p += n;
	return true;
}

/*
 * An instant as ms_append_utc_ts() prints it, at *p.  On success *p is moved
 * past it; on failure *p points at the problem and *detail says what was
 * expected (for an errdetail "At character N: ...").
 */
bool
ms_parse_utc_ts(const char **p, TimestampTz *t, const char **detail)
{
	const char *start = *p;
	int			y,
				mo,
				d,
				h,
				mi,
				s,
				frac = 0;
	int64		jd;

	if (!ts_digits(p, 4, 6, &y, detail) || !ts_lit(p, "-", detail) ||
		!ts_digits(p, 2, 2, &mo, detail) || !ts_lit(p, "-", detail) ||
		!ts_digits(p, 2, 2, &d, detail) || !ts_lit(p, " ", detail) ||
		!ts_digits(p, 2, 2, &h, detail) || !ts_lit(p, ":", detail) ||
		!ts_digits(p, 2, 2, &mi, detail) || !ts_lit(p, ":", detail) ||
		!ts_digits(p, 2, 2, &s, detail))
		return false;
	if (**p == '.')
	{
		int			n = 0;

		(*p)++;
		while (n < 6 && isdigit((unsigned char) (*p)[n]))
			frac = frac * 10 + ((*p)[n++] - '0');
		if (n == 0 || isdigit((unsigned char) (*p)[n]))
		{
			*detail = "expected 1 to 6 digits of a second's fraction.";
			return false;
		}
		*p += n;
		for (; n < 6; n++)
			frac *= 10;
	}
	if (!ts_lit(p, "+00", detail))
		return false;
	if (strncmp(*p, " BC", 3) == 0)
	{
		*p += 3;
		if (y == 0)
		{
			*p = start;
			*detail = "there is no year 0 BC.";
			return false;
		}
		y = 1 - y;
	}
	if (y == 0 || mo < 1 || mo > 12 || d < 1 || d > day_tab[isleap(y)][mo - 1] ||
		h > 23 || mi > 59 || s > 59 || !IS_VALID_JULIAN(y, mo, d))
	{
		*p = start;
		*detail = "not a valid instant.";
		return false;
	}
	jd = date2j(y, mo, d) - POSTGRES_EPOCH_JDATE;
	/* the date first: six digits of years overflow the microseconds */
	if (jd < DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE ||
		jd >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE)
	{
		*p = start;
		*detail = "instant out of range.";
		return false;
	}
	*t = jd * USECS_PER_DAY + ((int64) ((h * 60 + mi) * 60 + s)) * USECS_PER_SEC + frac;
	if (!IS_VALID_TIMESTAMP(*t))
	{
		*p = start;
		*detail = "instant out of range.";
		return false;
	}
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
