/*
 * staffing.c
 *		Staffing minimums and backup coverage from a roster: the share of a
 *		period's coverage hours during which at least k shifts overlap, and
 *		the understaffed time.
 *
 * staffed(), understaffed() and staffing_agg() share one transition state,
 * staffing_state (see staffing.h): the depth profile of the shifts clipped
 * to the period.  It is a concrete type whose text form round-trips bit for
 * bit, so partial aggregates travel between nodes (Citus) and per-day states
 * can be stored and rolled up into months.
 *
 * Semantics:
 *	- the depth at an instant is the number of shifts [lo, hi) containing
 *	  it: overlapping shifts add up, duplicates count twice (two rows are two
 *	  agents), touching shifts of one agent leave no gap, a gap of a second
 *	  is a gap; shifts are clipped to the period; an unbounded end runs to
 *	  the end of the period, an unbounded start from its start;
 *	- staffed(k) = open time where depth >= k / open time of the period
 *	  (all of it without a window), NULL when the period has no open time;
 *	  understaffed(k) = open time where depth < k;
 *	- k = 0 is always staffed (no minimum); a negative k is an error (22023);
 *	- the period (and the window and k of the one-step forms) are the same on
 *	  every row of a group; a row where one of them is NULL is skipped, a row
 *	  whose shift is NULL counts nothing but gives the group its period (a
 *	  calendar outer join gives an understaffed day, not NULL);
 *	- rollup / combine: the period of the result is the union of the
 *	  periods, kept as pieces.  Two pieces must be the same (shards of one
 *	  day's roster: their depths add up) or not overlap (days into a month);
 *	  a partial overlap is an error (22023), whatever the order of merging.
 *
 * Everything here is O(n log n) in the shifts of a group (one sort of their
 * end points) and holds at most two events per shift.
 */
#include "staffing.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "common/int.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "ivalstate.h"
#include "window.h"

PG_FUNCTION_INFO_V1(staffing_state_in);
PG_FUNCTION_INFO_V1(staffing_state_out);
PG_FUNCTION_INFO_V1(staffing_state_recv);
PG_FUNCTION_INFO_V1(staffing_state_send);
PG_FUNCTION_INFO_V1(staffing_state_trans);
PG_FUNCTION_INFO_V1(staffing_state_combine);
PG_FUNCTION_INFO_V1(staffing_state_compact);
PG_FUNCTION_INFO_V1(staffing_state_staffed);
PG_FUNCTION_INFO_V1(staffing_state_understaffed);
PG_FUNCTION_INFO_V1(staffing_staffed);
PG_FUNCTION_INFO_V1(staffing_understaffed);

/* the sla_window's I/O, in window.c */
extern Datum sla_window_in(PG_FUNCTION_ARGS);
extern Datum sla_window_out(PG_FUNCTION_ARGS);
extern Datum sla_window_recv(PG_FUNCTION_ARGS);
extern Datum sla_window_send(PG_FUNCTION_ARGS);

#define STAFF_INITIAL_CAPACITY 16
#define STAFF_MAX_ITEMS ((int) ((MaxAllocSize - 4096) / sizeof(StaffEvent)))

/* ---------------------------------------------------------------------
 * events
 * --------------------------------------------------------------------- */

#define ST_SORT sort_events
#define ST_ELEMENT_TYPE StaffEvent
#define ST_COMPARE(a, b) (((a)->t > (b)->t) - ((a)->t < (b)->t))
#define ST_SCOPE static
#define ST_CHECK_FOR_INTERRUPTS
#define ST_DEFINE
#include "lib/sort_template.h"

static void
too_many(void)
{
	ereport(ERROR,
			errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("too many shift boundaries in one staffing group"),
			errdetail("At most %d distinct shift starts and ends fit in one state.", STAFF_MAX_ITEMS));
}

static void
too_deep(TimestampTz t)
{
	ereport(ERROR,
			errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("staffing depth out of range"),
			errdetail("More than " INT64_FORMAT " shifts overlap at %s.", PG_INT64_MAX,
					  DatumGetCString(DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(t)))));
}

/*
 * Sort by instant, sum the changes at one instant, drop those that cancel.
 * The events are those of whole shifts (or stretches), so the running sum
 * is the depth: it is checked, as text and binary input check it, so that a
 * merge of deep states never yields a value that does not read back.  The
 * sum of the changes at one instant lies between minus the depth before and
 * the depth after, so it overflows only where the depth does.
 */
static int
normalize_events(void *items, int n)
{
	StaffEvent *v = items;
	int			m = -1;
	int64		depth = 0;

	if (n == 0)
		return 0;
	sort_events(v, n);
	for (int i = 0; i < n; i++)
	{
		if (m >= 0 && v[i].t == v[m].t)
		{
			if (pg_add_s64_overflow(v[m].delta, v[i].delta, &v[m].delta))
				too_deep(v[m].t);
		}
		else
		{
			if (m >= 0 && v[m].delta == 0)
				m--;
			v[++m] = v[i];
		}
	}
	if (v[m].delta == 0)
		m--;
	for (int i = 0; i <= m; i++)
	{
		if (pg_add_s64_overflow(depth, v[i].delta, &depth))
			too_deep(v[i].t);
	}
	return m + 1;
}

/* ---------------------------------------------------------------------
 * the state
 * --------------------------------------------------------------------- */

static const IvsLayout staff_layout = {
	"staffing_state", STAFF_STATE_VERSION, STAFF_HAS_WINDOW, STAFF_STATE_HDRSZ,
	sizeof(StaffPiece), sizeof(StaffEvent), STAFF_MAX_ITEMS,
	offsetof(StaffState, npieces), offsetof(StaffState, nevents), offsetof(StaffState, nsorted),
	normalize_events, too_many
};

IVS_STATE_FUNCTIONS(StaffState, staff_layout)

/* a new state with room for cap events; win is an sla_window datum or NULL */
static StaffState *
state_create(const struct varlena *win, bool has_k, int32 k,
			 const StaffPiece *pieces, int npieces, int cap)
{
	StaffState *st = ivs_create(&staff_layout, win, has_k ? STAFF_HAS_K : 0,
								pieces, npieces, cap);

	st->k = has_k ? k : 0;
	return st;
}

/*
 * Add a shift [lo, hi) (inside the period): two events, appended; the list
 * is sorted and merged when the room runs out, and the room doubled only
 * when it is still more than half full.  Returns the state or a larger copy
 * (the aggregate machinery frees the old one: it must not be freed here).
 */
static StaffState *
state_add(StaffState *st, TimestampTz lo, TimestampTz hi)
{
	StaffEvent *e;
	int			cap = staff_capacity(st);

	if (st->nevents + 2 > cap)
	{
		state_normalize(st);
		if (st->nevents + 2 > cap / 2 || cap < STAFF_INITIAL_CAPACITY)
			st = state_resize(st, Max(2 * cap, STAFF_INITIAL_CAPACITY));
	}
	e = staff_events(st) + st->nevents;
	e[0].t = lo;
	e[0].delta = 1;
	e[1].t = hi;
	e[1].delta = -1;
	st->nevents += 2;
	return st;
}

/* ---------------------------------------------------------------------
 * arguments
 * --------------------------------------------------------------------- */

#define ts_text(t) ivs_ts_text(t)

static char *
piece_text(const StaffPiece *p)
{
	return psprintf("[%s, %s)", ts_text(p->lo), ts_text(p->hi));
}

/* the period: finite, non-empty, inside the window's range when there is one */
static inline void
period_bounds(TypeCacheEntry *rng, RangeType *r, bool windowed, StaffPiece *p)
{
	ivs_period_bounds(rng, r, windowed, "staffing", "Staffing", &p->lo, &p->hi);
}

/* a shift clipped to the period; false when nothing is left */
static bool
clip_shift(TypeCacheEntry *rng, RangeType *r, const StaffPiece *p,
		   TimestampTz *lo, TimestampTz *hi)
{
	RangeBound	lower,
				upper;
	bool		empty;

	if (RangeIsEmpty(r))
		return false;
	range_deserialize(rng, r, &lower, &upper, &empty);
	/* -infinity and infinity are INT64_MIN and INT64_MAX: they clip too */
	*lo = lower.infinite ? p->lo : Max(DatumGetTimestampTz(lower.val), p->lo);
	*hi = upper.infinite ? p->hi : Min(DatumGetTimestampTz(upper.val), p->hi);
	return *lo < *hi;
}

static void
check_k(int64 k)
{
	if (k < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("staffing minimum %lld is negative", (long long) k),
				errdetail("The minimum is the number of agents that must be on shift at once: 0 or more (2 is backup coverage)."));
}

static inline void
mixed_group(const char *what, const char *detail)
{
	ivs_mixed_group("a staffing", what, detail);
}

#define window_text(win) ivs_window_text(win)

static inline bool
same_window(const StaffState *st, const struct varlena *win)
{
	return ivs_same_window(&staff_layout, st, win);
}

/* the window and minimum of two states (or of a state and a row) agree */
static void
check_same_terms(const StaffState *st, const struct varlena *win, bool has_k, int32 k)
{
	if (!same_window(st, win))
		mixed_group("coverage window",
					psprintf("The group has rows for the windows \"%s\" and \"%s\".",
							 (st->flags & STAFF_HAS_WINDOW) ? window_text(staff_window(st)) : "none",
							 window_text(win)));
	if (((st->flags & STAFF_HAS_K) != 0) != has_k || st->k != (has_k ? k : 0))
		mixed_group("staffing minimum",
					psprintf("The group has rows for the minimums %s and %s.",
							 (st->flags & STAFF_HAS_K) ? psprintf("%d", st->k) : "none",
							 has_k ? psprintf("%d", k) : "none"));
}

/* ---------------------------------------------------------------------
 * the transition function
 * --------------------------------------------------------------------- */

/*
 * staffing_state_trans(state, shift, period)				staffing_agg
 * staffing_state_trans(state, shift, period, k)			staffed / understaffed
 * staffing_state_trans(state, shift, period, w, k)			the same in coverage hours
 *
 * Not STRICT: a NULL shift still sets the period.  Inside an aggregate the
 * state is changed in place; called directly, on a copy.
 */
Datum
staffing_state_trans(PG_FUNCTION_ARGS)
{
	int			nargs = PG_NARGS();
	bool		has_k = nargs >= 4;
	bool		windowed = nargs >= 5;
	int			kargno = nargs - 1;
	StaffState *st = NULL;
	TypeCacheEntry *rng;
	StaffPiece	p;
	struct varlena *win = NULL;
	int32		k = 0;
	TimestampTz lo,
				hi;

	st = ivs_state_arg(fcinfo, &staff_layout);

	/* STRICT in everything but the shift */
	if (PG_ARGISNULL(2) || (windowed && PG_ARGISNULL(3)) || (has_k && PG_ARGISNULL(kargno)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}

	rng = fcinfo->flinfo->fn_extra;
	if (rng == NULL)
	{
		rng = lookup_type_cache(TSTZRANGEOID, TYPECACHE_RANGE_INFO);
		if (rng->rngelemtype == NULL)
			elog(ERROR, "tstzrange is not a range type");
		fcinfo->flinfo->fn_extra = rng;
	}
	period_bounds(rng, PG_GETARG_RANGE_P(2), windowed, &p);
	if (windowed)
	{
		win = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(3));
		if (VARATT_IS_EXTERNAL(win) || VARATT_IS_COMPRESSED(win))
			win = pg_detoast_datum_packed(win);
	}
	if (has_k)
	{
		k = PG_GETARG_INT32(kargno);
		check_k(k);
	}

	if (st == NULL)
		st = state_create(win, has_k, k, &p, 1, STAFF_INITIAL_CAPACITY);
	else
	{
		StaffPiece *sp = staff_pieces(st);

		if (st->npieces != 1 || sp->lo != p.lo || sp->hi != p.hi)
			mixed_group("period",
						psprintf("The group has rows for the periods %s and %s.",
								 st->npieces == 1 ? piece_text(sp) : "(several)", piece_text(&p)));
		check_same_terms(st, win, has_k, k);
	}

	if (!PG_ARGISNULL(1) && clip_shift(rng, PG_GETARG_RANGE_P(1), &p, &lo, &hi))
		st = state_add(st, lo, hi);
	PG_RETURN_POINTER(st);
}

/*
 * The union of two sorted piece lists: pieces equal in both are kept once,
 * the others must not overlap.  out has room for na + nb.
 */
static int
merge_pieces(const StaffPiece *a, int na, const StaffPiece *b, int nb, StaffPiece *out)
{
	int			i = 0,
				j = 0,
				n = 0;

	while (i < na || j < nb)
	{
		if (j >= nb || (i < na && a[i].hi <= b[j].lo))
			out[n++] = a[i++];
		else if (i >= na || b[j].hi <= a[i].lo)
			out[n++] = b[j++];
		else if (a[i].lo == b[j].lo && a[i].hi == b[j].hi)
		{
			out[n++] = a[i++];
			j++;
		}
		else
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("staffing states with overlapping periods cannot be merged"),
					errdetail("The periods %s and %s overlap without being the same.",
							  piece_text(&a[i]), piece_text(&b[j])),
					errhint("Roll up states of the same period (parts of one roster) or of separate periods (days into a month)."));
	}
	return n;
}

/*
 * Merge two states (parallel workers, shards, days into months).  NULL on
 * either side is nothing to merge.
 */
Datum
staffing_state_combine(PG_FUNCTION_ARGS)
{
	StaffState *a;
	StaffState *b;
	StaffState *r;
	StaffPiece *pieces;
	int			np;
	Datum		result;

	if (!ivs_combine_args(fcinfo, &staff_layout, (void **) &a, (void **) &b, &result))
		return result;
	check_same_terms(a, (b->flags & STAFF_HAS_WINDOW) ? staff_window(b) : NULL,
					 (b->flags & STAFF_HAS_K) != 0, b->k);
	if ((int64) a->nevents + b->nevents > STAFF_MAX_ITEMS)
	{
		state_normalize(a);
		if ((int64) a->nevents + b->nevents > STAFF_MAX_ITEMS)
			too_many();
	}

	if (a->npieces == b->npieces &&
		memcmp(staff_pieces(a), staff_pieces(b), sizeof(StaffPiece) * a->npieces) == 0)
	{
		/* the same period: the depths add up */
		if (a->nevents + b->nevents > staff_capacity(a))
			a = state_resize(a, a->nevents + b->nevents);
		r = a;
	}
	else
	{
		pieces = palloc(sizeof(StaffPiece) * ((Size) a->npieces + b->npieces));
		np = merge_pieces(staff_pieces(a), a->npieces, staff_pieces(b), b->npieces, pieces);
		r = state_create((a->flags & STAFF_HAS_WINDOW) ? staff_window(a) : NULL,
						 (a->flags & STAFF_HAS_K) != 0, a->k, pieces, np,
						 a->nevents + b->nevents);
		memcpy(staff_events(r), staff_events(a), sizeof(StaffEvent) * a->nevents);
		r->nevents = a->nevents;
	}
	memcpy(staff_events(r) + r->nevents, staff_events(b), sizeof(StaffEvent) * b->nevents);
	r->nevents += b->nevents;
	r->nsorted = 0;
	state_normalize(r);
	PG_RETURN_POINTER(r);
}

/* final function of staffing_agg and rollup: the canonical value */
Datum
staffing_state_compact(PG_FUNCTION_ARGS)
{
	return ivs_compact(&staff_layout, PG_GETARG_DATUM(0));
}

/* ---------------------------------------------------------------------
 * measuring
 * --------------------------------------------------------------------- */

/*
 * Each piece of a period fits in an interval, but pieces together (and a
 * stretch across touching pieces) may not: an error, not a wrapped sum.
 */
static void
too_long(void)
{
	ereport(ERROR,
			errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			errmsg("staffing periods are too long together"),
			errdetail("The open time of a staffing state's periods, all pieces together, must fit in an interval: at most " INT64_FORMAT " microseconds.",
					  PG_INT64_MAX));
}

/* acc += the open time of [a, b) */
static inline void
measure_add(WinSched *ws, TimestampTz a, TimestampTz b, int64 *acc)
{
	int64		len;

	if (ws)
		len = win_elapsed(ws, a, b);
	else if (pg_sub_s64_overflow(b, a, &len))
		too_long();
	if (pg_add_s64_overflow(*acc, len, acc))
		too_long();
}

/*
 * Open time of the period's pieces, and the open time in which at least k
 * shifts overlap: one sweep over the sorted events.
 */
static void
state_measure(WinSched *ws, const StaffState *st, int32 k, int64 *open, int64 *staffed)
{
	const StaffPiece *p = staff_pieces(st);
	const StaffEvent *e = staff_events(st);
	int			ne = st->nevents;
	int64		depth = 0;
	TimestampTz start = 0;

	state_check_version(st);
	if (ws && st->npieces > 0)
	{
		win_check_ts(p[0].lo);
		win_check_ts(p[st->npieces - 1].hi);
	}
	*open = 0;
	for (int i = 0; i < st->npieces; i++)
		measure_add(ws, p[i].lo, p[i].hi, open);
	if (k <= 0)
	{
		*staffed = *open;
		return;
	}
	/* sort a copy: the final function leaves the state as it found it */
	if (st->nsorted < ne)
	{
		StaffEvent *copy = palloc(sizeof(StaffEvent) * ne);

		memcpy(copy, e, sizeof(StaffEvent) * ne);
		ne = normalize_events(copy, ne);
		e = copy;
	}
	*staffed = 0;
	for (int i = 0; i < ne; i++)
	{
		int64		next = depth + e[i].delta;

		if (depth < k && next >= k)
			start = e[i].t;
		else if (depth >= k && next < k)
			measure_add(ws, start, e[i].t, staffed);
		depth = next;
		CHECK_FOR_INTERRUPTS();
	}
}

static Datum
staffed_result(int64 open, int64 staffed, bool share, FunctionCallInfo fcinfo)
{
	if (share)
	{
		if (open <= 0)
			PG_RETURN_NULL();	/* no open time: nothing to staff */
		PG_RETURN_FLOAT8((double) staffed / (double) open);
	}
	PG_RETURN_INTERVAL_P(ms_interval_usecs(open - staffed));
}

/* final functions of the one-step aggregates: the state's own window and k */
static Datum
state_final(FunctionCallInfo fcinfo, bool share)
{
	StaffState *st = PG_GETARG_STAFF_STATE_P(0);
	int64		open,
				staffed;

	state_check_version(st);
	if (!(st->flags & STAFF_HAS_K))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("staffing_state has no staffing minimum"),
				errdetail("Only the states of staffed(shift, period, [w,] k) and understaffed(...) carry one."),
				errhint("Read a staffing_agg() state with staffed(s, k) or staffed(s, w, k)."));
	state_measure((st->flags & STAFF_HAS_WINDOW) ? ivs_sched(fcinfo, staff_window(st)) : NULL,
				  st, st->k, &open, &staffed);
	return staffed_result(open, staffed, share, fcinfo);
}

Datum
staffing_state_staffed(PG_FUNCTION_ARGS)
{
	return state_final(fcinfo, true);
}

Datum
staffing_state_understaffed(PG_FUNCTION_ARGS)
{
	return state_final(fcinfo, false);
}

/* staffed(s, k), staffed(s, w, k), understaffed(...): the accessors */
static Datum
accessor(FunctionCallInfo fcinfo, bool share)
{
	StaffState *st = PG_GETARG_STAFF_STATE_P(0);
	bool		windowed = PG_NARGS() == 3;
	int32		k = PG_GETARG_INT32(windowed ? 2 : 1);
	int64		open,
				staffed;

	state_check_version(st);
	check_k(k);
	state_measure(windowed ? win_sched_cached(fcinfo, 1) : NULL, st, k, &open, &staffed);
	return staffed_result(open, staffed, share, fcinfo);
}

Datum
staffing_staffed(PG_FUNCTION_ARGS)
{
	return accessor(fcinfo, true);
}

Datum
staffing_understaffed(PG_FUNCTION_ARGS)
{
	return accessor(fcinfo, false);
}

/* ---------------------------------------------------------------------
 * text I/O
 *
 *	v1 periods={[2026-03-01 00:00:00+00,2026-03-02 00:00:00+00),...}
 *	   window="mon-fri 09:00-17:00 Europe/Berlin"	(one-step forms only)
 *	   k=2											(one-step forms only)
 *	   depth={[2026-03-01 06:00:00+00,2026-03-01 14:00:00+00):2,...}
 *
 * on one line, separated by single spaces.  The depth profile lists the
 * stretches where at least one shift is on, each with its depth; touching
 * stretches differ in depth.  Instants are in UTC with all their
 * microseconds, so the text read back is the same value bit for bit.
 * --------------------------------------------------------------------- */

static void
append_piece(StringInfo buf, TimestampTz lo, TimestampTz hi)
{
	appendStringInfoChar(buf, '[');
	ms_append_utc_ts(buf, lo);
	appendStringInfoChar(buf, ',');
	ms_append_utc_ts(buf, hi);
	appendStringInfoChar(buf, ')');
}

Datum
staffing_state_out(PG_FUNCTION_ARGS)
{
	StaffState *st = PG_GETARG_STAFF_STATE_P(0);
	StringInfoData buf;
	StaffPiece *p;
	StaffEvent *e;
	int64		depth = 0;
	bool		first = true;

	state_check_version(st);
	st = state_canonical(st);
	p = staff_pieces(st);
	e = staff_events(st);
	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d periods={", STAFF_STATE_VERSION);
	for (int i = 0; i < st->npieces; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		append_piece(&buf, p[i].lo, p[i].hi);
	}
	appendStringInfoChar(&buf, '}');
	if (st->flags & STAFF_HAS_WINDOW)
		appendStringInfo(&buf, " window=\"%s\"", window_text(staff_window(st)));
	if (st->flags & STAFF_HAS_K)
		appendStringInfo(&buf, " k=%d", st->k);
	appendStringInfoString(&buf, " depth={");
	for (int i = 0; i < st->nevents; i++)
	{
		if (depth > 0)
		{
			if (!first)
				appendStringInfoChar(&buf, ',');
			first = false;
			append_piece(&buf, e[i - 1].t, e[i].t);
			appendStringInfo(&buf, ":" INT64_FORMAT, depth);
		}
		depth += e[i].delta;
	}
	appendStringInfoChar(&buf, '}');
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
parse_piece(StateParser *ps, StaffPiece *v)
{
	return ivs_parse_ival(ps, &v->lo, &v->hi);
}

/* a positive integer below max */
static bool
parse_count(StateParser *ps, int64 min, int64 max, int64 *val)
{
	const char *start = ps->p;

	*val = 0;
	if (!isdigit((unsigned char) *ps->p))
		return state_syntax_error(ps, "expected a number.");
	while (isdigit((unsigned char) *ps->p))
	{
		if (*val > (max - (*ps->p - '0')) / 10)
		{
			ps->p = start;
			return state_syntax_error(ps, "number out of range.");
		}
		*val = *val * 10 + (*ps->p++ - '0');
	}
	if (*val < min)
	{
		ps->p = start;
		return state_syntax_error(ps, "expected a number of at least " INT64_FORMAT ".", min);
	}
	return true;
}

/* grow a palloc'd array of n elements of size sz to hold one more */
static void *
grow(StateParser *ps, void *v, int n, int *cap, Size sz, bool *ok)
{
	*ok = true;
	if (n < *cap)
		return v;
	if (*cap >= STAFF_MAX_ITEMS / 2)
	{
		*ok = state_syntax_error(ps, "too many intervals.");
		return v;
	}
	*cap *= 2;
	return repalloc(v, sz * *cap);
}

Datum
staffing_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	StateParser ps = {"staffing_state", str, str, fcinfo->context};
	int			pcap = 4,
				np = 0,
				ecap = 16,
				ne = 0;
	StaffPiece *pieces = palloc(sizeof(StaffPiece) * pcap);
	StaffEvent *events = palloc(sizeof(StaffEvent) * ecap);
	Datum		win = (Datum) 0;
	bool		has_window = false;
	const char *wat = NULL;	/* where the window's text starts */
	bool		has_k = false;
	int64		k = 0;
	int64		depth = 0;		/* of the last stretch read */
	TimestampTz last_hi = 0;
	int			run = 0;		/* the piece the last stretch ended in */
	bool		ok;
	StaffState *st;

	if (strncmp(ps.p, "v", 1) == 0 && isdigit((unsigned char) ps.p[1]) &&
		strncmp(ps.p, "v1 ", 3) != 0)
		ereturn(ps.escontext, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"",
					   "staffing_state", ms_quote_input(str)),
				errdetail("Version %d is not supported: this version of managed_services reads version %d.",
						  atoi(ps.p + 1), STAFF_STATE_VERSION));
	if (!expect(&ps, "v1 periods={"))
		PG_RETURN_NULL();
	for (;;)
	{
		const char *start = ps.p;
		int64		len;

		pieces = grow(&ps, pieces, np, &pcap, sizeof(StaffPiece), &ok);
		if (!ok || !parse_piece(&ps, &pieces[np]))
			PG_RETURN_NULL();
		if (pg_sub_s64_overflow(pieces[np].hi, pieces[np].lo, &len))
		{
			ps.p = start;
			state_syntax_error(&ps, "the period is too long.");
			PG_RETURN_NULL();
		}
		if (np > 0 && pieces[np].lo < pieces[np - 1].hi)
		{
			ps.p = start;
			state_syntax_error(&ps, "periods must be sorted and must not overlap.");
			PG_RETURN_NULL();
		}
		np++;
		if (*ps.p != ',')
			break;
		ps.p++;
	}
	if (!expect(&ps, "}"))
		PG_RETURN_NULL();
	if (!ivs_window_clause(&ps, &has_window, &win, &wat))
		PG_RETURN_NULL();
	if (has_window && (pieces[0].lo < WIN_MIN_TS || pieces[np - 1].hi > WIN_MAX_TS))
	{
		ps.p = wat;
		state_syntax_error(&ps, "periods with a window must lie between 1900 and 2300.");
		PG_RETURN_NULL();
	}
	if (strncmp(ps.p, " k=", 3) == 0)
	{
		ps.p += 3;
		if (!parse_count(&ps, 0, PG_INT32_MAX, &k))
			PG_RETURN_NULL();
		has_k = true;
	}
	if (!expect(&ps, " depth={"))
		PG_RETURN_NULL();
	while (*ps.p != '}')
	{
		const char *start = ps.p;
		StaffPiece	s;
		int64		d;

		if (ne > 0 && !expect(&ps, ","))
			PG_RETURN_NULL();
		start = ps.p;
		if (!parse_piece(&ps, &s) || !expect(&ps, ":") || !parse_count(&ps, 1, PG_INT64_MAX, &d))
			PG_RETURN_NULL();
		if (ne > 0 && (s.lo < last_hi || (s.lo == last_hi && d == depth)))
		{
			ps.p = start;
			state_syntax_error(&ps, "stretches must be sorted, apart, or touching with different depths.");
			PG_RETURN_NULL();
		}
		/* inside one run of touching pieces of the period */
		while (run < np && pieces[run].hi <= s.lo)
			run++;
		for (int r = run;; r++)
		{
			if (r >= np || pieces[r].lo > (r == run ? s.lo : pieces[r - 1].hi))
			{
				ps.p = start;
				state_syntax_error(&ps, "stretch outside the periods.");
				PG_RETURN_NULL();
			}
			if (pieces[r].hi >= s.hi)
				break;
		}
		/* events: close the previous stretch unless this one touches it */
		if (ne > 0 && s.lo != last_hi)
		{
			events = grow(&ps, events, ne, &ecap, sizeof(StaffEvent), &ok);
			if (!ok)
				PG_RETURN_NULL();
			events[ne].t = last_hi;
			events[ne++].delta = -depth;
			depth = 0;
		}
		events = grow(&ps, events, ne, &ecap, sizeof(StaffEvent), &ok);
		if (!ok)
			PG_RETURN_NULL();
		events[ne].t = s.lo;
		events[ne++].delta = d - depth;
		depth = d;
		last_hi = s.hi;
	}
	if (ne > 0)
	{
		events = grow(&ps, events, ne, &ecap, sizeof(StaffEvent), &ok);
		if (!ok)
			PG_RETURN_NULL();
		events[ne].t = last_hi;
		events[ne++].delta = -depth;
	}
	ps.p++;
	if (*ps.p != '\0')
	{
		state_syntax_error(&ps, "junk after the end of the value.");
		PG_RETURN_NULL();
	}

	st = state_create(has_window ? (struct varlena *) DatumGetPointer(win) : NULL,
					  has_k, (int32) k, pieces, np, ne);
	memcpy(staff_events(st), events, sizeof(StaffEvent) * ne);
	st->nevents = st->nsorted = ne;
	PG_RETURN_POINTER(st);
}

/* ---------------------------------------------------------------------
 * binary I/O: version byte, flags byte, k (int4, when embedded), the window
 * as sla_window_send sends it (int4 length first, when embedded), the
 * pieces (int4 count, int8 pairs), the events (int4 count, int8 instant and
 * int8 change of depth), everything canonical.
 * --------------------------------------------------------------------- */

Datum
staffing_state_send(PG_FUNCTION_ARGS)
{
	StaffState *st = PG_GETARG_STAFF_STATE_P(0);
	StringInfoData buf;
	StaffPiece *p;
	StaffEvent *e;

	state_check_version(st);
	st = state_canonical(st);
	p = staff_pieces(st);
	e = staff_events(st);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STAFF_STATE_VERSION);
	pq_sendbyte(&buf, st->flags);
	if (st->flags & STAFF_HAS_K)
		pq_sendint32(&buf, st->k);
	if (st->flags & STAFF_HAS_WINDOW)
	{
		bytea	   *w = DatumGetByteaPP(DirectFunctionCall1(sla_window_send,
															PointerGetDatum(staff_window(st))));

		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(w));
		pq_sendbytes(&buf, VARDATA_ANY(w), VARSIZE_ANY_EXHDR(w));
	}
	pq_sendint32(&buf, st->npieces);
	for (int i = 0; i < st->npieces; i++)
	{
		pq_sendint64(&buf, p[i].lo);
		pq_sendint64(&buf, p[i].hi);
	}
	pq_sendint32(&buf, st->nevents);
	for (int i = 0; i < st->nevents; i++)
	{
		pq_sendint64(&buf, e[i].t);
		pq_sendint64(&buf, e[i].delta);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_binary(const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary staffing_state"),
			errdetail_internal("%s", detail));
}

static int
recv_count(StringInfo buf)
{
	int			count = pq_getmsgint(buf, 4);

	if (count < 0 || count > STAFF_MAX_ITEMS ||
		(Size) count * 16 > (Size) (buf->len - buf->cursor))
		bad_binary("Bad count.");
	return count;
}

/*
 * What text input checks of the depth profile: events sorted, no zero
 * changes, the depth never negative, back to 0 at the end, and positive
 * only inside a run of touching pieces of the period.
 */
static void
check_events(const StaffPiece *p, int np, const StaffEvent *e, int ne)
{
	int64		depth = 0;
	int			run = 0;

	for (int i = 0; i < ne; i++)
	{
		if (e[i].delta == 0)
			bad_binary("Zero change of depth.");
		if (i > 0 && e[i].t <= e[i - 1].t)
			bad_binary("Events not sorted or not merged.");
		if (pg_add_s64_overflow(depth, e[i].delta, &depth) || depth < 0)
			bad_binary("Negative depth.");
		if (depth > 0)
		{
			if (i + 1 >= ne)
				bad_binary("The depth does not return to 0.");
			/* [e[i].t, e[i + 1].t) inside one run of touching pieces */
			while (run < np && p[run].hi <= e[i].t)
				run++;
			for (int r = run;; r++)
			{
				if (r >= np || p[r].lo > (r == run ? e[i].t : p[r - 1].hi))
					bad_binary("Shifts outside the periods.");
				if (p[r].hi >= e[i + 1].t)
					break;
			}
		}
	}
}

Datum
staffing_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			flags;
	int32		k = 0;
	struct varlena *win = NULL;
	StaffPiece *p;
	StaffEvent *e;
	int			np,
				ne;
	StaffState *st;

	if (version != STAFF_STATE_VERSION)
		bad_binary(psprintf("Unsupported version %d.", version));
	flags = pq_getmsgbyte(buf);
	if (flags & ~STAFF_FLAGS_ALL)
		bad_binary("Unknown flags.");
	if (flags & STAFF_HAS_K)
	{
		k = pq_getmsgint(buf, 4);
		if (k < 0)
			bad_binary("Negative staffing minimum.");
	}
	if (flags & STAFF_HAS_WINDOW)
	{
		int			wlen = pq_getmsgint(buf, 4);
		StringInfoData wbuf;

		if (wlen < 0 || wlen > buf->len - buf->cursor)
			bad_binary("Bad window length.");
		initStringInfo(&wbuf);
		appendBinaryStringInfo(&wbuf, pq_getmsgbytes(buf, wlen), wlen);
		win = (struct varlena *) DatumGetPointer(DirectFunctionCall1(sla_window_recv,
																	 PointerGetDatum(&wbuf)));
	}
	np = recv_count(buf);
	if (np < 1)
		bad_binary("No period.");
	p = palloc(sizeof(StaffPiece) * np);
	for (int i = 0; i < np; i++)
	{
		int64		len;

		p[i].lo = pq_getmsgint64(buf);
		p[i].hi = pq_getmsgint64(buf);
		if (TIMESTAMP_NOT_FINITE(p[i].lo) || TIMESTAMP_NOT_FINITE(p[i].hi) ||
			!IS_VALID_TIMESTAMP(p[i].lo) || !IS_VALID_TIMESTAMP(p[i].hi) ||
			p[i].lo >= p[i].hi || pg_sub_s64_overflow(p[i].hi, p[i].lo, &len))
			bad_binary("Period not finite, empty or out of range.");
		if (i > 0 && p[i].lo < p[i - 1].hi)
			bad_binary("Periods not sorted or overlapping.");
	}
	if (win && (p[0].lo < WIN_MIN_TS || p[np - 1].hi > WIN_MAX_TS))
		bad_binary("Periods with a window outside 1900 to 2300.");
	ne = recv_count(buf);
	e = palloc(sizeof(StaffEvent) * Max(ne, 1));
	for (int i = 0; i < ne; i++)
	{
		e[i].t = pq_getmsgint64(buf);
		e[i].delta = pq_getmsgint64(buf);
	}
	check_events(p, np, e, ne);
	if (buf->cursor != buf->len)
		bad_binary("Junk after the end of the value.");

	st = state_create(win, (flags & STAFF_HAS_K) != 0, k, p, np, ne);
	memcpy(staff_events(st), e, sizeof(StaffEvent) * ne);
	st->nevents = st->nsorted = ne;
	PG_RETURN_POINTER(st);
}

