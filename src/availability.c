/*
 * availability.c
 *		Availability SLAs: the merged downtime of outages over a period, in
 *		coverage hours and without planned maintenance; error budgets.
 *
 * availability(), downtime() and availability_agg() share one transition
 * state, availability_state (see availability.h), so a query asking for
 * both availability and downtime over the same arguments aggregates once.
 * The state is a concrete type, not internal: partial aggregates travel
 * between nodes (Citus) as its text form, which round-trips bit for bit.
 *
 * Semantics (DESIGN.md section 4):
 *	- outages are clipped to the period; overlapping, touching and duplicate
 *	  outages count once; an unbounded (or infinite) upper bound means still
 *	  going on: down until the end of the period; an unbounded lower bound
 *	  means down since the start of the period; empty outages count nothing;
 *	- only open time of the window counts (all of it without a window), and
 *	  the maintenance is removed from both the period and the outages;
 *	- availability = (open - down) / open, NULL when the period has no open
 *	  time;
 *	- the period, window and maintenance are the same on every row of a
 *	  group; a row where one of them is NULL is skipped (as by a STRICT
 *	  aggregate), a row whose outage is NULL counts no downtime but still
 *	  gives the group its period: a group of NULL outages (an outer join
 *	  against a calendar) is 100 % available, not NULL.
 *
 * Everything here needs multiranges, so PostgreSQL 14 or later.
 */
#include "availability.h"

#include <ctype.h>
#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/multirangetypes.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "ivalstate.h"
#include "window.h"

PG_FUNCTION_INFO_V1(availability_state_in);
PG_FUNCTION_INFO_V1(availability_state_out);
PG_FUNCTION_INFO_V1(availability_state_recv);
PG_FUNCTION_INFO_V1(availability_state_send);
PG_FUNCTION_INFO_V1(availability_state_trans);
PG_FUNCTION_INFO_V1(availability_state_combine);
PG_FUNCTION_INFO_V1(availability_state_compact);
PG_FUNCTION_INFO_V1(availability_state_availability);
PG_FUNCTION_INFO_V1(availability_state_downtime);
PG_FUNCTION_INFO_V1(availability_state_availability_sliced);
PG_FUNCTION_INFO_V1(availability_state_downtime_sliced);
PG_FUNCTION_INFO_V1(availability_downtime_budget);
PG_FUNCTION_INFO_V1(availability_error_budget_remaining);
PG_FUNCTION_INFO_V1(availability_nines);
PG_FUNCTION_INFO_V1(availability_burn_rate);

/* the sla_window's I/O, in window.c */
extern Datum sla_window_in(PG_FUNCTION_ARGS);
extern Datum sla_window_out(PG_FUNCTION_ARGS);
extern Datum sla_window_recv(PG_FUNCTION_ARGS);
extern Datum sla_window_send(PG_FUNCTION_ARGS);

#define AVAIL_INITIAL_CAPACITY 8
#define AVAIL_MAX_IVALS ((int) ((MaxAllocSize - 4096) / sizeof(AvailIval)))

/* ---------------------------------------------------------------------
 * interval sets
 * --------------------------------------------------------------------- */

#define ST_SORT sort_ivals
#define ST_ELEMENT_TYPE AvailIval
#define ST_COMPARE(a, b) (((a)->lo > (b)->lo) - ((a)->lo < (b)->lo))
#define ST_SCOPE static
#define ST_CHECK_FOR_INTERRUPTS
#define ST_DEFINE
#include "lib/sort_template.h"

/* sort by start, merge overlapping and touching intervals; the new count */
static int
normalize_ivals(void *items, int n)
{
	AvailIval  *v = items;
	int			m = 0;

	if (n <= 1)
		return n;
	sort_ivals(v, n);
	for (int i = 1; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (v[i].lo <= v[m].hi)
		{
			if (v[i].hi > v[m].hi)
				v[m].hi = v[i].hi;
		}
		else
			v[++m] = v[i];
	}
	return m + 1;
}

static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* ---------------------------------------------------------------------
 * the state
 * --------------------------------------------------------------------- */

static void
too_many(void)
{
	ereport(ERROR,
			errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("too many separate outages in one availability group"),
			errdetail("At most %d separate (non-overlapping) outages fit in one state.", AVAIL_MAX_IVALS));
}

static const IvsLayout avail_layout = {
	"availability_state", AVAIL_STATE_VERSION, AVAIL_HAS_WINDOW, AVAIL_STATE_HDRSZ,
	sizeof(AvailIval), sizeof(AvailIval), AVAIL_MAX_IVALS,
	offsetof(AvailState, nmaint), offsetof(AvailState, ndown), offsetof(AvailState, nsorted),
	normalize_ivals, too_many
};

IVS_STATE_FUNCTIONS(AvailState, avail_layout)

/*
 * A new state with room for cap outages.  win is an sla_window datum (any
 * header), or NULL.
 */
static AvailState *
state_create(TimestampTz lo, TimestampTz hi, const struct varlena *win,
			 bool has_maint, const AvailIval *maint, int nmaint, int cap)
{
	AvailState *st = ivs_create(&avail_layout, win, has_maint ? AVAIL_HAS_MAINT : 0,
								maint, nmaint, cap);

	st->lo = lo;
	st->hi = hi;
	return st;
}

/*
 * The period as both inputs require it (the text input also points at where
 * it is wrong): NULL when fine, else what is wrong.
 */
static const char *
period_problem(TimestampTz lo, TimestampTz hi, bool windowed)
{
	int64		len;

	if (TIMESTAMP_NOT_FINITE(lo) || TIMESTAMP_NOT_FINITE(hi) ||
		!IS_VALID_TIMESTAMP(lo) || !IS_VALID_TIMESTAMP(hi))
		return "the period is not finite or out of range.";
	if (lo >= hi)
		return "the period is empty.";
	if (pg_sub_s64_overflow(hi, lo, &len))
		return "the period is too long.";
	if (windowed && (lo < WIN_MIN_TS || hi > WIN_MAX_TS))
		return "a period with a window must lie between 1900 and 2300.";
	return NULL;
}

/*
 * Add one outage [lo, hi) (inside the period).  In-order input (the common
 * case: outage tables are written in time order) extends or follows the last
 * interval and keeps everything merged; other input is appended and the set
 * sorted and merged when the room runs out, doubling the room only when it
 * is still more than half full.  Returns the state, or a larger copy of it
 * (which the aggregate machinery moves into the aggregate context, freeing
 * the old one: the old one must therefore not be freed or repalloc'd here).
 */
static AvailState *
state_add(AvailState *st, TimestampTz lo, TimestampTz hi)
{
	AvailIval  *d = avail_down(st);
	int			n = st->ndown;
	int			cap;
	bool		in_order = (n == 0);

	if (n > 0 && n == st->nsorted && lo >= d[n - 1].lo)
	{
		if (lo <= d[n - 1].hi)
		{
			if (hi > d[n - 1].hi)
				d[n - 1].hi = hi;
			return st;
		}
		in_order = true;
	}
	cap = avail_capacity(st);
	if (n >= cap)
	{
		state_normalize(st);
		if (st->ndown > cap / 2 || cap < AVAIL_INITIAL_CAPACITY)
			st = state_resize(st, Max(2 * cap, AVAIL_INITIAL_CAPACITY));
		return state_add(st, lo, hi);
	}
	d[n].lo = lo;
	d[n].hi = hi;
	st->ndown = n + 1;
	if (in_order && st->nsorted == n)
		st->nsorted = n + 1;
	return st;
}

/* ---------------------------------------------------------------------
 * arguments
 * --------------------------------------------------------------------- */

#define ts_text(t) ivs_ts_text(t)

static char *
ival_text(TimestampTz lo, TimestampTz hi)
{
	return psprintf("[%s, %s)", ts_text(lo), ts_text(hi));
}

/* the period: finite, non-empty, inside the window's range when there is one */
static inline void
period_bounds(TypeCacheEntry *rng, RangeType *r, bool windowed,
			  TimestampTz *lo, TimestampTz *hi)
{
	ivs_period_bounds(rng, r, windowed, "availability", "Availability", lo, hi);
}

/* an outage clipped to [plo, phi); false when nothing is left */
static bool
clip_range(TypeCacheEntry *rng, RangeType *r, TimestampTz plo, TimestampTz phi,
		   TimestampTz *lo, TimestampTz *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	if (RangeIsEmpty(r))
		return false;
	range_deserialize(rng, r, &lower, &upper, &empty);

	/*
	 * (,) is what tstzrange(NULL, NULL) builds from the missing row of an
	 * outer join (a month without outages): no outage, like NULL.  An outage
	 * with one end known still counts (an open end: still going on).
	 */
	if (lower.infinite && upper.infinite)
		return false;
	/* -infinity and infinity are INT64_MIN and INT64_MAX: they clip too */
	*lo = lower.infinite ? plo : Max(DatumGetTimestampTz(lower.val), plo);
	*hi = upper.infinite ? phi : Min(DatumGetTimestampTz(upper.val), phi);
	return *lo < *hi;
}

/* the maintenance inside [plo, phi), canonical, in *out (palloc'd in mcxt) */
static int
clip_multirange(MultirangeType *mr, TimestampTz plo, TimestampTz phi,
				MemoryContext mcxt, AvailIval **out)
{
	TypeCacheEntry *mrt = lookup_type_cache(MultirangeTypeGetOid(mr), TYPECACHE_MULTIRANGE_INFO);
	AvailIval  *v = MemoryContextAlloc(mcxt, sizeof(AvailIval) * Max(mr->rangeCount, 1));
	int			n = 0;

	if (mrt->rngtype == NULL)
		elog(ERROR, "type %u is not a multirange type", MultirangeTypeGetOid(mr));
	for (uint32 i = 0; i < mr->rangeCount; i++)
	{
		RangeBound	lower,
					upper;
		TimestampTz lo,
					hi;

		CHECK_FOR_INTERRUPTS();
		multirange_get_bounds(mrt->rngtype, mr, i, &lower, &upper);
		lo = lower.infinite ? plo : Max(DatumGetTimestampTz(lower.val), plo);
		hi = upper.infinite ? phi : Min(DatumGetTimestampTz(upper.val), phi);
		if (lo < hi)
		{
			v[n].lo = lo;
			v[n].hi = hi;
			n++;
		}
	}
	*out = v;
	return normalize_ivals(v, n);
}

static inline void
mixed_group(const char *what, const char *detail)
{
	ivs_mixed_group("an availability", what, detail);
}

static void
check_same_period(const AvailState *st, TimestampTz lo, TimestampTz hi)
{
	if (st->lo != lo || st->hi != hi)
		mixed_group("period",
					psprintf("The group has rows for the periods %s and %s.",
							 ival_text(st->lo, st->hi), ival_text(lo, hi)));
}

static void
check_same_window(const AvailState *st, const struct varlena *win)
{
	if (!ivs_same_window(&avail_layout, st, win))
		mixed_group("coverage window",
					psprintf("The group has rows for the windows \"%s\" and \"%s\".",
							 (st->flags & AVAIL_HAS_WINDOW) ? ivs_window_text(avail_window(st)) : "none",
							 ivs_window_text(win)));
}

static void
check_same_maint(const AvailState *st, bool has_maint, const AvailIval *m, int nm)
{
	if (((st->flags & AVAIL_HAS_MAINT) != 0) != has_maint || st->nmaint != nm ||
		(nm > 0 && memcmp(avail_maint(st), m, sizeof(AvailIval) * nm) != 0))
		mixed_group("maintenance",
					"The maintenance inside the period differs between rows.");
}

/* ---------------------------------------------------------------------
 * the transition function
 * --------------------------------------------------------------------- */

/* per call site: type information and the last maintenance seen */
typedef struct TransCache
{
	TypeCacheEntry *rng;		/* tstzrange */
	Size		mlen;			/* payload of the multirange below, 0: none */
	char	   *mbytes;
	TimestampTz mlo;			/* the period it was clipped to */
	TimestampTz mhi;
	int			nm;
	AvailIval  *m;
} TransCache;

static TransCache *
trans_cache(FunctionCallInfo fcinfo)
{
	TransCache *c = fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TransCache));
		c->rng = lookup_type_cache(TSTZRANGEOID, TYPECACHE_RANGE_INFO);
		if (c->rng->rngelemtype == NULL)
			elog(ERROR, "tstzrange is not a range type");
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/* the maintenance of argument argno inside the period, remembered per call site */
static int
trans_maint(FunctionCallInfo fcinfo, TransCache *c, int argno,
			TimestampTz lo, TimestampTz hi, AvailIval **m)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	Size		len;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (c->mlen != len || c->mlo != lo || c->mhi != hi ||
		memcmp(c->mbytes, VARDATA_ANY(v), len) != 0)
	{
		MultirangeType *mr = DatumGetMultirangeTypeP(PointerGetDatum(v));

		if (c->mbytes)
			pfree(c->mbytes);
		if (c->m)
			pfree(c->m);
		c->mbytes = NULL;
		c->m = NULL;
		c->mlen = 0;
		c->nm = clip_multirange(mr, lo, hi, fcinfo->flinfo->fn_mcxt, &c->m);
		c->mbytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, Max(len, 1));
		memcpy(c->mbytes, VARDATA_ANY(v), len);
		c->mlen = len;
		c->mlo = lo;
		c->mhi = hi;
	}
	*m = c->m;
	return c->nm;
}

/*
 * availability_state_trans(state, outage, period [, window [, maintenance]])
 *
 * Not STRICT: a NULL outage still sets the period.  Inside an aggregate the
 * state is changed in place; called directly, on a copy.
 */
Datum
availability_state_trans(PG_FUNCTION_ARGS)
{
	int			nargs = PG_NARGS();
	bool		windowed = nargs > 3;
	bool		has_maint = nargs > 4;
	AvailState *st = NULL;
	TransCache *c;
	TimestampTz plo,
				phi,
				lo,
				hi;
	struct varlena *win = NULL;
	AvailIval  *m = NULL;
	int			nm = 0;

	st = ivs_state_arg(fcinfo, &avail_layout);

	/* STRICT in everything but the outage */
	if (PG_ARGISNULL(2) || (windowed && PG_ARGISNULL(3)) || (has_maint && PG_ARGISNULL(4)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}

	c = trans_cache(fcinfo);
	period_bounds(c->rng, PG_GETARG_RANGE_P(2), windowed, &plo, &phi);
	if (windowed)
	{
		win = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(3));
		if (VARATT_IS_EXTERNAL(win) || VARATT_IS_COMPRESSED(win))
			win = pg_detoast_datum_packed(win);
	}
	if (has_maint)
		nm = trans_maint(fcinfo, c, 4, plo, phi, &m);

	if (st == NULL)
		st = state_create(plo, phi, win, has_maint, m, nm, AVAIL_INITIAL_CAPACITY);
	else
	{
		check_same_period(st, plo, phi);
		check_same_window(st, win);
		if (has_maint || (st->flags & AVAIL_HAS_MAINT))
			check_same_maint(st, has_maint, m, nm);
	}

	if (!PG_ARGISNULL(1) &&
		clip_range(c->rng, PG_GETARG_RANGE_P(1), plo, phi, &lo, &hi))
		st = state_add(st, lo, hi);
	PG_RETURN_POINTER(st);
}

/*
 * Merge two states of the same group (parallel workers, shards, rollup).
 * NULL on either side is nothing to merge.
 */
Datum
availability_state_combine(PG_FUNCTION_ARGS)
{
	AvailState *a;
	AvailState *b;
	int			cap;
	Datum		result;

	if (!ivs_combine_args(fcinfo, &avail_layout, (void **) &a, (void **) &b, &result))
		return result;

	check_same_period(a, b->lo, b->hi);
	check_same_window(a, (b->flags & AVAIL_HAS_WINDOW) ? avail_window(b) : NULL);
	check_same_maint(a, (b->flags & AVAIL_HAS_MAINT) != 0, avail_maint(b), b->nmaint);

	/*
	 * b's outages are appended, and the whole set is sorted and merged only
	 * when the room runs out (doubling it while the merged set still fills
	 * more than half) and once by the final function: a rollup of n states
	 * costs O(n log n), not a sort of the union per state.
	 */
	cap = avail_capacity(a);
	if (a->ndown + b->ndown > cap)
	{
		state_normalize(a);
		if ((int64) a->ndown + b->ndown > AVAIL_MAX_IVALS)
			too_many();
		if (a->ndown + b->ndown > cap || a->ndown > cap / 2)
			a = state_resize(a, Max(2 * cap, a->ndown + b->ndown));
	}
	{
		AvailIval  *d = avail_down(a);
		bool		in_order = (a->nsorted == a->ndown && b->nsorted == b->ndown &&
								(a->ndown == 0 || b->ndown == 0 ||
								 avail_down(b)[0].lo > d[a->ndown - 1].hi));

		memcpy(d + a->ndown, avail_down(b), sizeof(AvailIval) * b->ndown);
		a->ndown += b->ndown;
		/* states rolled up in time order stay sorted and merged */
		if (in_order)
			a->nsorted = a->ndown;
	}
	if (!AggCheckCallContext(fcinfo, NULL))
		PG_RETURN_POINTER(state_canonical(a));
	PG_RETURN_POINTER(a);
}

/* final function of availability_agg and rollup: the canonical value */
Datum
availability_state_compact(PG_FUNCTION_ARGS)
{
	return ivs_compact(&avail_layout, PG_GETARG_DATUM(0));
}

/* ---------------------------------------------------------------------
 * measuring
 * --------------------------------------------------------------------- */

static inline int64
measure(WinSched *ws, TimestampTz a, TimestampTz b)
{
	return ws ? win_elapsed(ws, a, b) : b - a;
}

/* the first of the sorted, apart intervals v[0 .. n) that ends after t */
static int
ivals_ending_after(const AvailIval *v, int n, TimestampTz t)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (v[mid].hi <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Open time of [lo, hi) without the maintenance m, and of the outages d
 * inside it.  m and d are canonical (sorted, merged); they may reach outside
 * [lo, hi), which measures a part of the period (a time slice).
 */
static void
measure_sets(WinSched *ws, TimestampTz lo, TimestampTz hi,
			 const AvailIval *m, int nm, const AvailIval *d, int nd,
			 int64 *open, int64 *down)
{
	TimestampTz gs = lo;
	int			i = ivals_ending_after(d, nd, lo);
	int			j = ivals_ending_after(m, nm, lo);

	*open = 0;
	*down = 0;
	/* the gaps between maintenance intervals, then the one after the last */
	for (;;)
	{
		bool		last = (j >= nm || m[j].lo >= hi);
		TimestampTz ge = last ? hi : m[j].lo;

		if (gs < ge)
		{
			*open += measure(ws, gs, ge);
			while (i < nd && d[i].hi <= gs)
				i++;
			for (int k = i; k < nd && d[k].lo < ge; k++)
			{
				TimestampTz s = Max(d[k].lo, gs);
				TimestampTz e = Min(d[k].hi, ge);

				CHECK_FOR_INTERRUPTS();
				if (s < e)
					*down += measure(ws, s, e);
			}
		}
		if (last)
			break;
		gs = Max(gs, m[j].hi);
		j++;
		CHECK_FOR_INTERRUPTS();
	}
}

static void
state_measure(FunctionCallInfo fcinfo, const AvailState *st, int64 *open, int64 *down)
{
	const AvailIval *d = avail_down(st);
	int			nd = st->ndown;

	state_check_version(st);
	/* sort a copy: the final function leaves the state as it found it */
	if (st->nsorted < nd)
	{
		AvailIval  *copy = palloc(sizeof(AvailIval) * nd);

		memcpy(copy, d, sizeof(AvailIval) * nd);
		nd = normalize_ivals(copy, nd);
		d = copy;
	}
	measure_sets((st->flags & AVAIL_HAS_WINDOW) ? ivs_sched(fcinfo, avail_window(st)) : NULL,
				 st->lo, st->hi, avail_maint(st), st->nmaint, d, nd, open, down);
}

/* availability(availability_state): also the final function of availability() */
Datum
availability_state_availability(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	int64		open,
				down;

	state_measure(fcinfo, st, &open, &down);
	if (open <= 0)
		PG_RETURN_NULL();		/* no open time: nothing to be available in */
	/* one rounding: open - down and open are exact as doubles below 2^53 */
	PG_RETURN_FLOAT8((double) (open - down) / (double) open);
}

/* downtime(availability_state): also the final function of downtime() */
Datum
availability_state_downtime(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	int64		open,
				down;

	state_measure(fcinfo, st, &open, &down);
	PG_RETURN_INTERVAL_P(ms_interval_usecs(down));
}

/* ---------------------------------------------------------------------
 * time slices (OpenSLO "timeslices", the cloud providers' whole minutes)
 *
 * The period is cut into slices of a fixed length from its start; the last
 * one is what is left (shorter).  A slice counts with its open time (its
 * time in coverage hours, without maintenance); a slice without open time
 * does not count.  Rule "any": a slice is down when some of its open time is
 * down (strict); rule "all": only when all of its open time is down (partial
 * minutes are not counted).  Downtime is the open time of the down slices.
 *
 * Only the slices an outage touches are looked at: those inside an outage
 * are down under both rules, those at its two ends are measured one by one
 * (against all the outages, since a slice may hold several), and runs of
 * down slices are measured in one step.  So the cost grows with the number
 * of outages, not with the number of slices in the period.
 * --------------------------------------------------------------------- */

typedef enum SliceRule
{
	SLICE_ANY,
	SLICE_ALL
} SliceRule;

static char *
interval_text(Interval *iv)
{
	return DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(iv)));
}

/* the slice length in microseconds: positive, no months */
static int64
slice_length(Interval *iv)
{
	int64		len;

	if (iv->month != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("time slice \"%s\" has months", interval_text(iv)),
				errdetail("A time slice has a fixed length, e.g. '1 minute' or '5 minutes'."));
	if (pg_mul_s64_overflow((int64) iv->day, USECS_PER_DAY, &len) ||
		pg_add_s64_overflow(len, iv->time, &len))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("time slice \"%s\" is out of range", interval_text(iv)));
	if (len <= 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("time slice \"%s\" is not positive", interval_text(iv)),
				errdetail("A time slice has a positive length, e.g. '1 minute'."));
	return len;
}

static SliceRule
slice_rule(text *t)
{
	char	   *r = text_to_cstring(t);

	if (strcmp(r, "any") == 0)
		return SLICE_ANY;
	if (strcmp(r, "all") == 0)
		return SLICE_ALL;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown time-slice rule \"%s\"", ms_quote_input(r)),
			errdetail("The rule is \"any\" (a slice is down when any of it is down) or \"all\" (only when all of it is down)."));
	return SLICE_ANY;			/* keep the compiler quiet */
}

typedef struct Slicer
{
	WinSched   *ws;
	TimestampTz lo;				/* the period */
	TimestampTz hi;
	int64		len;
	SliceRule	rule;
	const AvailIval *m;
	int			nm;
	const AvailIval *d;
	int			nd;
	int64		evaluated;		/* the slice last looked at, -1: none */
	bool		evaluated_down;
} Slicer;

static inline TimestampTz
slice_start(const Slicer *sl, int64 i)
{
	return sl->lo + i * sl->len;
}

static inline TimestampTz
slice_end(const Slicer *sl, int64 i)
{
	TimestampTz s = slice_start(sl, i);

	return (sl->hi - s <= sl->len) ? sl->hi : s + sl->len;
}

/* slice i is down under the rule (asked in ascending order) */
static bool
slice_down(Slicer *sl, int64 i)
{
	int64		open,
				down;

	if (i == sl->evaluated)
		return sl->evaluated_down;
	measure_sets(sl->ws, slice_start(sl, i), slice_end(sl, i), sl->m, sl->nm, sl->d, sl->nd,
				 &open, &down);
	sl->evaluated = i;
	sl->evaluated_down = (sl->rule == SLICE_ANY) ? down > 0 : (open > 0 && down == open);
	return sl->evaluated_down;
}

/* open time of the slices i0 .. i1 */
static int64
slices_open(Slicer *sl, int64 i0, int64 i1)
{
	int64		open,
				down;

	measure_sets(sl->ws, slice_start(sl, i0), slice_end(sl, i1), sl->m, sl->nm, NULL, 0,
				 &open, &down);
	return open;
}

static void
state_measure_sliced(FunctionCallInfo fcinfo, const AvailState *st, Interval *slice, text *rule,
					 int64 *open, int64 *down)
{
	Slicer		sl;
	AvailIval  *d = avail_down(st);
	int			nd = st->ndown;
	int64		run0 = 0,
				run1 = -2;		/* the current run of down slices, inclusive */
	int64		ignored;

	state_check_version(st);
	sl.len = slice_length(slice);
	sl.rule = slice_rule(rule);
	if (st->nsorted < nd)
	{
		AvailIval  *copy = palloc(sizeof(AvailIval) * nd);

		memcpy(copy, d, sizeof(AvailIval) * nd);
		nd = normalize_ivals(copy, nd);
		d = copy;
	}
	sl.ws = (st->flags & AVAIL_HAS_WINDOW) ? ivs_sched(fcinfo, avail_window(st)) : NULL;
	sl.lo = st->lo;
	sl.hi = st->hi;
	sl.m = avail_maint(st);
	sl.nm = st->nmaint;
	sl.d = d;
	sl.nd = nd;
	sl.evaluated = -1;
	sl.evaluated_down = false;

	measure_sets(sl.ws, st->lo, st->hi, sl.m, sl.nm, NULL, 0, open, &ignored);
	*down = 0;
	for (int k = 0; k < nd; k++)
	{
		/* the slices of the first and the last instant of the outage */
		int64		i0 = (d[k].lo - st->lo) / sl.len;
		int64		i1 = (d[k].hi - 1 - st->lo) / sl.len;
		int64		j0 = i0,
					j1 = i1;

		/* the slices in between lie inside the outage: down either way */
		if (!slice_down(&sl, i0))
			j0 = i0 + 1;
		if (i1 > i0 && !slice_down(&sl, i1))
			j1 = i1 - 1;
		if (j0 > j1)
			continue;
		if (j0 <= run1 + 1)
			run1 = Max(run1, j1);
		else
		{
			if (run0 <= run1)
				*down += slices_open(&sl, run0, run1);
			run0 = j0;
			run1 = j1;
		}
		CHECK_FOR_INTERRUPTS();
	}
	if (run0 <= run1)
		*down += slices_open(&sl, run0, run1);
}

/* availability(availability_state, slice, rule) */
Datum
availability_state_availability_sliced(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	int64		open,
				down;

	state_measure_sliced(fcinfo, st, PG_GETARG_INTERVAL_P(1), PG_GETARG_TEXT_PP(2), &open, &down);
	if (open <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) (open - down) / (double) open);
}

/* downtime(availability_state, slice, rule) */
Datum
availability_state_downtime_sliced(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	int64		open,
				down;

	state_measure_sliced(fcinfo, st, PG_GETARG_INTERVAL_P(1), PG_GETARG_TEXT_PP(2), &open, &down);
	PG_RETURN_INTERVAL_P(ms_interval_usecs(down));
}

/* ---------------------------------------------------------------------
 * error budgets
 * --------------------------------------------------------------------- */

/*
 * 1 - x for a share x in [0, 1], taking x as the decimal it prints as:
 * 0.999 is stored as 0.99899999999999999911..., whose exact complement
 * 0.00100000000000000089 would make nines(0.999) 2.9999999999999996.  The
 * shortest decimal that reads back as x is what the user wrote (or what
 * PostgreSQL printed), and its complement is computed exactly.
 */
static double
complement(double x)
{
	char		buf[40];
	int			p;
	int64		digits = 0;
	int64		pow10 = 1;

	if (x < 0.5)
		return 1.0 - x;			/* exact enough: no cancellation */
	if (x >= 1.0)
		return 0.0;
	for (p = 1; p < 17; p++)
	{
		snprintf(buf, sizeof(buf), "%.*e", p - 1, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*e", p - 1, x);
	/* 0.5 <= x < 1: buf is d.ddd...e-01 with p digits, x = 0.dddd... */
	for (const char *s = buf; *s && *s != 'e'; s++)
	{
		if (*s >= '0' && *s <= '9')
		{
			digits = digits * 10 + (*s - '0');
			pow10 *= 10;
		}
	}
	snprintf(buf, sizeof(buf), INT64_FORMAT "e-%d", pow10 - digits, p);
	return strtod(buf, NULL);
}

static void
check_target(double target)
{
	if (isnan(target) || target <= 0.0 || target > 1.0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("availability target %s is out of range", float8out_internal(target)),
				errdetail("A target is a share in (0, 1], e.g. 0.999 for 99.9 %%."),
				target > 1.0 && target <= 100.0 ?
				errhint("Give the target as a share: %.15g %% is %.15g.", target, target / 100.0) : 0);
}

static void
check_availability(double a)
{
	if (isnan(a) || a < 0.0 || a > 1.0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("availability %s is out of range", float8out_internal(a)),
				errdetail("An availability is a share in [0, 1], e.g. 0.9995 for 99.95 %%."));
}

/* open time of the period (argument argno), minus the maintenance when given */
static int64
period_open(FunctionCallInfo fcinfo, int argno)
{
	int			nargs = PG_NARGS();
	bool		windowed = nargs > argno + 1;
	TypeCacheEntry *rng = lookup_type_cache(TSTZRANGEOID, TYPECACHE_RANGE_INFO);
	WinSched   *ws = NULL;
	TimestampTz lo,
				hi;
	AvailIval  *m = NULL;
	int			nm = 0;
	int64		open,
				down;

	period_bounds(rng, PG_GETARG_RANGE_P(argno), windowed, &lo, &hi);
	if (windowed)
		ws = win_sched_cached(fcinfo, argno + 1);
	if (nargs > argno + 2)
		nm = clip_multirange(PG_GETARG_MULTIRANGE_P(argno + 2), lo, hi, CurrentMemoryContext, &m);
	measure_sets(ws, lo, hi, m, nm, NULL, 0, &open, &down);
	return open;
}

static int64
share_of(double share, int64 usecs)
{
	return (int64) rint(share * (double) usecs);
}

/* downtime_budget(target, period [, w [, maintenance]]) */
Datum
availability_downtime_budget(PG_FUNCTION_ARGS)
{
	double		target = PG_GETARG_FLOAT8(0);
	int64		open;

	check_target(target);
	open = period_open(fcinfo, 1);
	PG_RETURN_INTERVAL_P(ms_interval_usecs(share_of(complement(target), open)));
}

/* error_budget_remaining(target, availability, period [, w [, maintenance]]) */
Datum
availability_error_budget_remaining(PG_FUNCTION_ARGS)
{
	double		target = PG_GETARG_FLOAT8(0);
	double		a = PG_GETARG_FLOAT8(1);
	int64		open;

	check_target(target);
	check_availability(a);
	open = period_open(fcinfo, 2);
	/* the budget minus the downtime, each rounded as downtime_budget rounds */
	PG_RETURN_INTERVAL_P(ms_interval_usecs(share_of(complement(target), open) -
										share_of(complement(a), open)));
}

/* nines(availability): -log10(1 - a) */
Datum
availability_nines(PG_FUNCTION_ARGS)
{
	double		a = PG_GETARG_FLOAT8(0);
	double		c;

	check_availability(a);
	c = complement(a);
	if (c <= 0.0)
		PG_RETURN_FLOAT8(get_float8_infinity());
	if (c >= 1.0)
		PG_RETURN_FLOAT8(0.0);
	PG_RETURN_FLOAT8(-log10(c));
}

/* burn_rate(target, availability): the share of the budget spent */
Datum
availability_burn_rate(PG_FUNCTION_ARGS)
{
	double		target = PG_GETARG_FLOAT8(0);
	double		a = PG_GETARG_FLOAT8(1);
	double		ct,
				ca;

	check_target(target);
	check_availability(a);
	ct = complement(target);
	ca = complement(a);
	if (ct <= 0.0)
		PG_RETURN_FLOAT8(ca > 0.0 ? get_float8_infinity() : 0.0);
	PG_RETURN_FLOAT8(ca / ct);
}

/* ---------------------------------------------------------------------
 * text I/O
 *
 *	v1 period=[2026-03-01 00:00:00+00,2026-04-01 00:00:00+00)
 *	   window="mon-fri 09:00-17:00 Europe/Berlin"		(when there is one)
 *	   maintenance={[..,..),...}						(the maintenance form)
 *	   downtime={[2026-03-10 08:10:00+00,2026-03-10 11:40:00+00),...}
 *
 * on one line, separated by single spaces.  Instants are printed in UTC with
 * all their microseconds, whatever DateStyle and TimeZone say, so that the
 * text form read back is the same value bit for bit.
 * --------------------------------------------------------------------- */

static void
append_ivals(StringInfo buf, const AvailIval *v, int n)
{
	appendStringInfoChar(buf, '{');
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoChar(buf, ',');
		appendStringInfoChar(buf, '[');
		ms_append_utc_ts(buf, v[i].lo);
		appendStringInfoChar(buf, ',');
		ms_append_utc_ts(buf, v[i].hi);
		appendStringInfoChar(buf, ')');
	}
	appendStringInfoChar(buf, '}');
}

Datum
availability_state_out(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	StringInfoData buf;

	state_check_version(st);
	st = state_canonical(st);
	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d period=[", AVAIL_STATE_VERSION);
	ms_append_utc_ts(&buf, st->lo);
	appendStringInfoChar(&buf, ',');
	ms_append_utc_ts(&buf, st->hi);
	appendStringInfoChar(&buf, ')');
	if (st->flags & AVAIL_HAS_WINDOW)
		appendStringInfo(&buf, " window=\"%s\"",
						 DatumGetCString(DirectFunctionCall1(sla_window_out,
															 PointerGetDatum(avail_window(st)))));
	if (st->flags & AVAIL_HAS_MAINT)
	{
		appendStringInfoString(&buf, " maintenance=");
		append_ivals(&buf, avail_maint(st), st->nmaint);
	}
	appendStringInfoString(&buf, " downtime=");
	append_ivals(&buf, avail_down(st), st->ndown);
	PG_RETURN_CSTRING(buf.data);
}

typedef IvsParser StateParser;

#define state_syntax_error(ps, ...) ivs_syntax_error(ps, __VA_ARGS__)

static inline bool
expect(StateParser *ps, const char *lit)
{
	return ivs_expect(ps, lit);
}

static inline bool
parse_ts(StateParser *ps, TimestampTz *t)
{
	return ivs_parse_ts(ps, t);
}

static inline bool
parse_ival(StateParser *ps, AvailIval *v)
{
	return ivs_parse_ival(ps, &v->lo, &v->hi);
}

/* {[a,b),...}: intervals sorted, apart and inside [lo, hi) */
static bool
parse_ivals(StateParser *ps, TimestampTz lo, TimestampTz hi, AvailIval **out, int *n)
{
	int			cap = 8;
	AvailIval  *v = palloc(sizeof(AvailIval) * cap);

	*n = 0;
	if (!expect(ps, "{"))
		return false;
	if (*ps->p != '}')
	{
		for (;;)
		{
			const char *start = ps->p;

			CHECK_FOR_INTERRUPTS();
			if (*n == cap)
			{
				if (cap >= AVAIL_MAX_IVALS / 2)
					return state_syntax_error(ps, "too many intervals.");
				cap *= 2;
				v = repalloc(v, sizeof(AvailIval) * cap);
			}
			if (!parse_ival(ps, &v[*n]))
				return false;
			if (v[*n].lo < lo || v[*n].hi > hi)
			{
				ps->p = start;
				return state_syntax_error(ps, "interval outside the period.");
			}
			if (*n > 0 && v[*n].lo <= v[*n - 1].hi)
			{
				ps->p = start;
				return state_syntax_error(ps, "intervals must be sorted and apart (not overlapping or touching).");
			}
			(*n)++;
			if (*ps->p != ',')
				break;
			ps->p++;
		}
	}
	if (!expect(ps, "}"))
		return false;
	*out = v;
	return true;
}

Datum
availability_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	StateParser ps = {"availability_state", str, str, fcinfo->context};
	AvailIval	period;
	Datum		win = (Datum) 0;
	bool		has_window = false;
	const char *wat = NULL;	/* where the window's text starts */
	bool		has_maint = false;
	AvailIval  *m = NULL;
	AvailIval  *d = NULL;
	int			nm = 0;
	int			nd = 0;
	const char *problem;
	AvailState *st;

	if (strncmp(ps.p, "v", 1) == 0 && isdigit((unsigned char) ps.p[1]) &&
		strncmp(ps.p, "v1 ", 3) != 0)
		ereturn(ps.escontext, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"",
					   "availability_state", ms_quote_input(str)),
				errdetail("Version %d is not supported: this version of managed_services reads version %d.",
						  atoi(ps.p + 1), AVAIL_STATE_VERSION));
	if (!expect(&ps, "v1 period=") || !parse_ival(&ps, &period))
		PG_RETURN_NULL();
	if ((problem = period_problem(period.lo, period.hi, false)) != NULL)
	{
		ps.p = str;
		state_syntax_error(&ps, "%s", problem);
		PG_RETURN_NULL();
	}
	if (!ivs_window_clause(&ps, &has_window, &win, &wat))
		PG_RETURN_NULL();
	if (has_window && (problem = period_problem(period.lo, period.hi, true)) != NULL)
	{
		ps.p = wat;
		state_syntax_error(&ps, "%s", problem);
		PG_RETURN_NULL();
	}
	if (strncmp(ps.p, " maintenance=", 13) == 0)
	{
		ps.p += 13;
		if (!parse_ivals(&ps, period.lo, period.hi, &m, &nm))
			PG_RETURN_NULL();
		has_maint = true;
	}
	if (!expect(&ps, " downtime=") || !parse_ivals(&ps, period.lo, period.hi, &d, &nd))
		PG_RETURN_NULL();
	if (*ps.p != '\0')
	{
		state_syntax_error(&ps, "junk after the end of the value.");
		PG_RETURN_NULL();
	}

	st = state_create(period.lo, period.hi,
					  has_window ? (struct varlena *) DatumGetPointer(win) : NULL,
					  has_maint, m, nm, nd);
	if (nd > 0)
		memcpy(avail_down(st), d, sizeof(AvailIval) * nd);
	st->ndown = st->nsorted = nd;
	PG_RETURN_POINTER(st);
}

/* ---------------------------------------------------------------------
 * binary I/O: version byte, flags byte, the period (int8 microseconds
 * since 2000), the window as sla_window_send sends it (int4 length first),
 * then the maintenance and the outages, each an int4 count and int8 pairs.
 * --------------------------------------------------------------------- */

static void
send_ivals(StringInfo buf, const AvailIval *v, int n)
{
	pq_sendint32(buf, n);
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		pq_sendint64(buf, v[i].lo);
		pq_sendint64(buf, v[i].hi);
	}
}

Datum
availability_state_send(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	StringInfoData buf;

	state_check_version(st);
	st = state_canonical(st);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, AVAIL_STATE_VERSION);
	pq_sendbyte(&buf, st->flags);
	pq_sendint64(&buf, st->lo);
	pq_sendint64(&buf, st->hi);
	if (st->flags & AVAIL_HAS_WINDOW)
	{
		bytea	   *w = DatumGetByteaPP(DirectFunctionCall1(sla_window_send,
															PointerGetDatum(avail_window(st))));

		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(w));
		pq_sendbytes(&buf, VARDATA_ANY(w), VARSIZE_ANY_EXHDR(w));
	}
	if (st->flags & AVAIL_HAS_MAINT)
		send_ivals(&buf, avail_maint(st), st->nmaint);
	send_ivals(&buf, avail_down(st), st->ndown);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_binary(const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary availability_state"),
			errdetail_internal("%s", detail));
}

static AvailIval *
recv_ivals(StringInfo buf, TimestampTz lo, TimestampTz hi, int *n)
{
	int			count = pq_getmsgint(buf, 4);
	AvailIval  *v;

	if (count < 0 || count > AVAIL_MAX_IVALS ||
		(Size) count * 16 > (Size) (buf->len - buf->cursor))
		bad_binary("Bad number of intervals.");
	v = palloc(sizeof(AvailIval) * Max(count, 1));
	for (int i = 0; i < count; i++)
	{
		CHECK_FOR_INTERRUPTS();
		v[i].lo = pq_getmsgint64(buf);
		v[i].hi = pq_getmsgint64(buf);
		if (v[i].lo >= v[i].hi || v[i].lo < lo || v[i].hi > hi)
			bad_binary("Interval empty or outside the period.");
		if (i > 0 && v[i].lo <= v[i - 1].hi)
			bad_binary("Intervals not sorted, overlapping or touching.");
	}
	*n = count;
	return v;
}

Datum
availability_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			flags;
	TimestampTz lo,
				hi;
	struct varlena *win = NULL;
	AvailIval  *m = NULL;
	AvailIval  *d;
	int			nm = 0;
	int			nd;
	AvailState *st;

	if (version != AVAIL_STATE_VERSION)
		bad_binary(psprintf("Unsupported version %d.", version));
	flags = pq_getmsgbyte(buf);
	if (flags & ~AVAIL_FLAGS_ALL)
		bad_binary("Unknown flags.");
	lo = pq_getmsgint64(buf);
	hi = pq_getmsgint64(buf);
	if (period_problem(lo, hi, false) != NULL)
		bad_binary("Period not finite, empty or out of range.");
	if (flags & AVAIL_HAS_WINDOW)
	{
		int			wlen = pq_getmsgint(buf, 4);
		StringInfoData wbuf;

		if (wlen < 0 || wlen > buf->len - buf->cursor)
			bad_binary("Bad window length.");
		initStringInfo(&wbuf);
		appendBinaryStringInfo(&wbuf, pq_getmsgbytes(buf, wlen), wlen);
		win = (struct varlena *) DatumGetPointer(DirectFunctionCall1(sla_window_recv,
																	 PointerGetDatum(&wbuf)));
		if (period_problem(lo, hi, true) != NULL)
			bad_binary("Period with a window outside 1900 to 2300.");
	}
	if (flags & AVAIL_HAS_MAINT)
		m = recv_ivals(buf, lo, hi, &nm);
	d = recv_ivals(buf, lo, hi, &nd);
	if (buf->cursor != buf->len)
		bad_binary("Junk after the end of the value.");

	st = state_create(lo, hi, win, (flags & AVAIL_HAS_MAINT) != 0, m, nm, nd);
	if (nd > 0)
		memcpy(avail_down(st), d, sizeof(AvailIval) * nd);
	st->ndown = st->nsorted = nd;
	PG_RETURN_POINTER(st);
}


/* ---------------------------------------------------------------------
 * equality and hashing (DISTINCT, GROUP BY over states), and a state as
 * typed columns for clients that should not parse its text
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(availability_state_eq);
PG_FUNCTION_INFO_V1(availability_state_ne);
PG_FUNCTION_INFO_V1(availability_state_hash);
PG_FUNCTION_INFO_V1(availability_state_hash_extended);
PG_FUNCTION_INFO_V1(availability_state_columns);

/*
 * Two states are equal when their canonical text is: the same period,
 * window, maintenance and merged outages, however the outages were added
 * (a state straight from the transition function holds them unmerged).
 */
static char *
state_text(Datum d)
{
	return DatumGetCString(DirectFunctionCall1(availability_state_out, d));
}

Datum
availability_state_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(strcmp(state_text(PG_GETARG_DATUM(0)), state_text(PG_GETARG_DATUM(1))) == 0);
}

Datum
availability_state_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(strcmp(state_text(PG_GETARG_DATUM(0)), state_text(PG_GETARG_DATUM(1))) != 0);
}

Datum
availability_state_hash(PG_FUNCTION_ARGS)
{
	char	   *t = state_text(PG_GETARG_DATUM(0));

	return hash_any((unsigned char *) t, strlen(t));
}

Datum
availability_state_hash_extended(PG_FUNCTION_ARGS)
{
	char	   *t = state_text(PG_GETARG_DATUM(0));

	return hash_any_extended((unsigned char *) t, strlen(t), PG_GETARG_INT64(1));
}

/*
 * availability_state_columns(s): period_start, period_end, open_time,
 * downtime (interval), availability (numeric, exact: the open time up over
 * the open time), downtime_minutes (numeric, 6 decimals).
 */
Datum
availability_state_columns(PG_FUNCTION_ARGS)
{
	AvailState *st = PG_GETARG_AVAIL_STATE_P(0);
	TupleDesc	tupdesc;
	Datum		v[6];
	bool		null[6] = {false};
	int64		open,
				down;

	state_measure(fcinfo, st, &open, &down);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE || tupdesc->natts != 6)
		elog(ERROR, "availability_state_columns: return type must be a row of 6 columns");
	tupdesc = BlessTupleDesc(tupdesc);
	v[0] = TimestampTzGetDatum(st->lo);
	v[1] = TimestampTzGetDatum(st->hi);
	v[2] = IntervalPGetDatum(ms_interval_usecs(open));
	v[3] = IntervalPGetDatum(ms_interval_usecs(down));
	null[4] = open <= 0;
	if (open > 0)
		v[4] = DirectFunctionCall1(numeric_trim_scale,
								   DirectFunctionCall2(numeric_div,
								   NumericGetDatum(int64_to_numeric(open - down)),
								   NumericGetDatum(int64_to_numeric(open))));
	v[5] = DirectFunctionCall2(numeric_round,
							   DirectFunctionCall2(numeric_div,
												   NumericGetDatum(int64_to_numeric(down)),
												   NumericGetDatum(int64_to_numeric(USECS_PER_MINUTE))),
							   Int32GetDatum(6));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, null)));
}
