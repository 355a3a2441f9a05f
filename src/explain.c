/*
 * explain.c
 *		sla_explain: one ticket's clock as a timeline, for disputes.
 *
 * The span from the ticket's start to its end (done, or as_of while it is
 * open) is cut at every opening and closing of the window, at every local
 * midnight, at the ends of the pauses and at the deadline, so that each
 * piece lies in one local date under one calendar rule (weekday hours,
 * special hours, a holiday, no hours; the zone and its DST changes) and in
 * one state (open, closed, paused; before or after the deadline).  The
 * business time of a piece is the engine's own measure of it, so the pieces
 * add up to exactly the figure sla_elapsed and the summaries use.  Two
 * marker rows (no time) place the deadline and close the timeline with the
 * status.
 *
 * The cost is proportional to the rows: one per opening, closing and local
 * midnight the ticket spans, fewer with merge_closed, which folds the
 * closed pieces between two openings (nights, weekends, holidays) into one
 * row naming each rule.  The state of the window is asked once per opening
 * or closing, not per piece.
 */
#include "window.h"
#include "ticket.h"
#include "clock.h"

#include "access/xact.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(sla_explain);
PG_FUNCTION_INFO_V1(sla_explain_now);

typedef enum ExplKind
{
	EX_OPEN,
	EX_CLOSED,
	EX_PAUSED
} ExplKind;

static const char *const kind_names[2][3] = {
	{"open", "closed", "paused"},
	{"open after deadline", "closed after deadline", "paused after deadline"}
};

static const char *const weekday_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* the timeline being written */
typedef struct Explainer
{
	WinSched   *ws;
	const char *zone;
	Tuplestorestate *ts;
	TupleDesc	desc;
	bool		merge_closed;
	/* a closed row held back while merge_closed may extend it */
	bool		held;
	TimestampTz held_s;
	TimestampTz held_e;
	bool		held_late;
	StringInfoData held_rule;
	char	   *held_last;		/* the last rule appended to it */
	char	  **pause_names;	/* a clock's: the statuses behind each pause */
} Explainer;

static void
put_row(Explainer *ex, TimestampTz s, TimestampTz e, const char *kind,
		int64 business, const char *rule)
{
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	values[0] = TimestampTzGetDatum(s);
	values[1] = TimestampTzGetDatum(e);
	values[2] = CStringGetTextDatum(kind);
	values[3] = IntervalPGetDatum(ms_interval_usecs(business));
	values[4] = CStringGetTextDatum(rule);
	tuplestore_putvalues(ex->ts, ex->desc, values, nulls);
}

static char *target_text(const Interval *target);

/*
 * The executor passes the row type it expects (the OUT parameters); without
 * one (a caller that is not the executor), the catalog's.
 */
static void
explain_init_srf(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, rsinfo && IsA(rsinfo, ReturnSetInfo) &&
						rsinfo->expectedDesc ? MAT_SRF_USE_EXPECTED_DESC : 0);
}

/*
 * The deadline of a target in hours that falls past 2300-01-01, where no
 * instant can say it: a deadline row with no starts or ends, last.
 */
static void
put_beyond_row(Explainer *ex, const Interval *target)
{
	Datum		values[5];
	bool		nulls[5] = {true, true, false, false, false};

	values[0] = values[1] = (Datum) 0;
	values[2] = CStringGetTextDatum("deadline");
	values[3] = IntervalPGetDatum(ms_interval_usecs(0));
	values[4] = CStringGetTextDatum(psprintf("%s, due after 2300-01-01 UTC (past the supported range)",
											 target_text(target)));
	tuplestore_putvalues(ex->ts, ex->desc, values, nulls);
}

static void
flush_held(Explainer *ex)
{
	if (!ex->held)
		return;
	put_row(ex, ex->held_s, ex->held_e, kind_names[ex->held_late][EX_CLOSED], 0,
			ex->held_rule.data);
	ex->held = false;
}

static void
append_date(StringInfo buf, int64 day)
{
	int			y,
				m,
				d;

	j2date((int) (day + POSTGRES_EPOCH_JDATE), &y, &m, &d);
	appendStringInfo(buf, "%04d-%02d-%02d", y, m, d);
}

static void
append_offset(StringInfo buf, int32 secs)
{
	int32		a = secs < 0 ? -secs : secs;

	appendStringInfo(buf, "UTC%c%02d:%02d", secs < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
	if (a % 60 != 0)
		appendStringInfo(buf, ":%02d", a % 60);
}

/*
 * The calendar rule of local date day, as the window's text would say it,
 * from the point of view of an open or a closed piece of it: e.g. "weekday
 * hours mon 09:00-17:00", "outside special hours 2025-12-24 08:00-12:00",
 * "holiday 2025-12-25", "no hours sat"; a date whose UTC offset changes
 * says so.  The rows put the zone in front, once.
 */
static char *
date_rule(Explainer *ex, int64 day, bool open)
{
	StringInfoData buf;
	const WinPart *p;
	WinDateRule r;
	int			n = win_date_hours(ex->ws, day, &p, &r);
	int32		o1,
				o2;

	initStringInfo(&buf);
	if (r == WIN_DATE_HOLIDAY)
	{
		appendStringInfoString(&buf, "holiday ");
		append_date(&buf, day);
	}
	else if (n == 0)
		appendStringInfo(&buf, "no hours %s", weekday_names[win_weekday(day)]);
	else
	{
		if (!open)
			appendStringInfoString(&buf, "outside ");
		if (r == WIN_DATE_SPECIAL)
		{
			appendStringInfoString(&buf, "special hours ");
			append_date(&buf, day);
		}
		else
			appendStringInfo(&buf, "weekday hours %s", weekday_names[win_weekday(day)]);
		for (int i = 0; i < n; i++)
		{
			int64		s = p[i].s / USECS_PER_SEC;
			int64		e = p[i].e / USECS_PER_SEC;

			appendStringInfo(&buf, "%c%02d:%02d-%02d:%02d", i == 0 ? ' ' : ',',
							 (int) (s / 3600), (int) (s % 3600 / 60),
							 (int) (e / 3600), (int) (e % 3600 / 60));
		}
	}
	/* the zone's rule: a date whose offset changes is a DST (or zone) change */
	o1 = win_offset_secs(ex->ws, win_date_start(ex->ws, day));
	o2 = win_offset_secs(ex->ws, win_date_start(ex->ws, day + 1));
	if (o1 != o2)
	{
		appendStringInfoString(&buf, ", DST change ");
		append_offset(&buf, o1);
		appendStringInfoString(&buf, " to ");
		append_offset(&buf, o2);
	}
	return buf.data;
}

static void
put_piece(Explainer *ex, TimestampTz s, TimestampTz e, ExplKind kind, bool late,
		  int64 business, const char *rule)
{
	if (kind == EX_CLOSED && ex->merge_closed)
	{
		if (ex->held && ex->held_late == late && ex->held_e == s)
		{
			ex->held_e = e;
			if (strcmp(ex->held_last, rule) != 0)
			{
				appendStringInfo(&ex->held_rule, "; %s", rule);
				ex->held_last = pstrdup(rule);
			}
			return;
		}
		flush_held(ex);
		ex->held = true;
		ex->held_s = s;
		ex->held_e = e;
		ex->held_late = late;
		resetStringInfo(&ex->held_rule);
		appendStringInfo(&ex->held_rule, "%s: %s", ex->zone, rule);
		ex->held_last = pstrdup(rule);
		return;
	}
	flush_held(ex);
	put_row(ex, s, e, kind_names[late][kind], business, psprintf("%s: %s", ex->zone, rule));
}

static void
mr_bounds(TypeCacheEntry *rt, MultirangeType *mr, int i, TimestampTz *lo, TimestampTz *hi)
{
	RangeBound	lower,
				upper;

	multirange_get_bounds(rt, mr, i, &lower, &upper);
	*lo = lower.infinite ? DT_NOBEGIN : DatumGetTimestampTz(lower.val);
	*hi = upper.infinite ? DT_NOEND : DatumGetTimestampTz(upper.val);
}

static char *
target_text(const Interval *target)
{
	int32		days;
	int64		usecs;

	sla_target_parts(target, &days, &usecs);
	if (days == WIN_NEXT_BUSINESS_DAY)
		return "target next business day";
	return psprintf("target %s",
					DatumGetCString(DirectFunctionCall1(interval_out,
														IntervalPGetDatum(target))));
}

/*
 * The deadline of the timeline, as sla_status reads it.  A target in
 * business days steps through the calendar (win_deadline_parts), and raises
 * 22008 past 2300 exactly where sla_status and sla_remaining do.  A target
 * in hours is judged by the clock alone, so those functions answer a ticket
 * whose deadline lies past the supported range (pending, the time left):
 * here that deadline is DL_BEYOND, no instant but a row that says so.  The
 * clock is probed a year past the timeline's end first, so the common case
 * costs one short business-time count, not one up to 2300.
 */
typedef enum ExplDeadline
{
	DL_AT,						/* at *dl */
	DL_NEVER,					/* a pause never ends: no deadline, nothing late */
	DL_BEYOND					/* past 2300-01-01 */
} ExplDeadline;

static int64
clock_run(WinSched *ws, MultirangeType *mr, TimestampTz a, TimestampTz b)
{
	return mr ? win_elapsed_paused(ws, mr, a, b) : win_elapsed(ws, a, b);
}

static ExplDeadline
explain_deadline(WinSched *ws, MultirangeType *mr, TimestampTz start, TimestampTz end,
				 int32 days, int64 usecs, TimestampTz *dl)
{
	if (days == 0)
	{
		int64		need;

		if (usecs > WIN_MAX_TS - start)
			return DL_BEYOND;
		need = usecs - clock_run(ws, mr, start, end);
		if (need > 0 &&
			need > clock_run(ws, mr, end, Min(WIN_MAX_TS, end + 8 * USECS_PER_DAY)) &&
			need > clock_run(ws, mr, end, Min(WIN_MAX_TS, end + 366 * USECS_PER_DAY)) &&
			need > clock_run(ws, mr, end, WIN_MAX_TS))
		{
			TypeCacheEntry *rt;
			RangeBound	lower,
						upper;

			/* the clock stops for good before 2300 (infinity), or runs on past it */
			if (mr == NULL || mr->rangeCount == 0)
				return DL_BEYOND;
			rt = lookup_type_cache(MultirangeTypeGetOid(mr), TYPECACHE_MULTIRANGE_INFO)->rngtype;
			multirange_get_bounds(rt, mr, mr->rangeCount - 1, &lower, &upper);
			if (!upper.infinite ||
				(!lower.infinite && DatumGetTimestampTz(lower.val) > WIN_MAX_TS))
				return DL_BEYOND;
			*dl = DT_NOEND;
			return DL_NEVER;
		}
	}
	*dl = mr ? win_deadline_paused(ws, mr, start, days, usecs)
		: win_deadline_parts(ws, start, days, usecs);
	/* a pause that never ends: no deadline (infinity), nothing is late */
	return TIMESTAMP_NOT_FINITE(*dl) ? DL_NEVER : DL_AT;
}

/*
 * The next instant after t, up to end, where the window opens (closed at t)
 * or closes (open at t).  The engine looks past the timeline for it, and
 * raises 22008 when there is none before 2300; a timeline that ends before
 * then needs only "not before end".  Whether the window changes state again
 * between end and 2300 is asked once per call (*after: 0 unknown, 1 yes,
 * -1 no); only when it does not is the span from t to end counted.
 */
static TimestampTz
next_change(WinSched *ws, TimestampTz t, TimestampTz end, bool is_open, int after[2])
{
	/* a week and a day first: any window with hours changes state in it */
	for (int64 ndays = 8; after[is_open] == 0; ndays = WIN_MAX_DAY - WIN_MIN_DAY)
	{
		TimestampTz hi = end + Min(WIN_MAX_TS - end, ndays * USECS_PER_DAY);
		int64		run = win_elapsed(ws, end, hi);

		if (is_open ? run < hi - end : run > 0)
			after[is_open] = 1;
		else if (hi == WIN_MAX_TS)
			after[is_open] = -1;
	}
	if (after[is_open] < 0)
	{
		int64		run = win_elapsed(ws, t, end);

		if (is_open ? run == end - t : run == 0)
			return end;
	}
	return is_open ? win_next_close(ws, t) : win_next_open(ws, t);
}

/*
 * The timeline of (window, start, done or NULL, target) as of as_of, the
 * clock stopped during paused (NULL: none).  Arguments as sla_status reads
 * them: a ticket done after as_of was open then; one opened after as_of has
 * no timeline yet.
 */
static void
explain_ticket(Explainer *ex, TimestampTz start, bool done_null, TimestampTz done,
			   const Interval *target, TimestampTz as_of, MultirangeType *mr)
{
	WinSched   *ws = ex->ws;
	TypeCacheEntry *rt = NULL;
	int			npause = 0;
	int			pi = 0;
	TimestampTz end;
	TimestampTz dl = 0;
	ExplDeadline dlk;
	int32		days;
	int64		usecs;
	TimestampTz t;
	TimestampTz state_until;
	bool		is_open = false;
	bool		dl_put = false;
	bool		late_open = false;
	int			after[2] = {0, 0};

	win_check_ts(start);
	if (start > as_of)
		return;
	if (!done_null && done > as_of)
		done_null = true;
	end = done_null ? as_of : done;
	win_check_ts(end);
	if (end < start)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("a ticket done before it started has no timeline"),
				errdetail("done is %s, start is %s.",
						  timestamptz_to_str(end), timestamptz_to_str(start)));

	if (mr != NULL)
	{
		rt = lookup_type_cache(MultirangeTypeGetOid(mr), TYPECACHE_MULTIRANGE_INFO)->rngtype;
		npause = (int) mr->rangeCount;
	}
	sla_target_parts(target, &days, &usecs);
	dlk = explain_deadline(ws, mr, start, end, days, usecs, &dl);
	/* no deadline in range: nothing is late */
	if (dlk != DL_AT)
		dl_put = true;

	t = start;
	state_until = start;
	while (t < end)
	{
		int64		day;
		TimestampTz e;
		TimestampTz mid;
		ExplKind	kind;
		bool		in_pause = false;
		const char *rule;

		CHECK_FOR_INTERRUPTS();
		if (!dl_put && t >= dl)
		{
			flush_held(ex);
			put_row(ex, dl, dl, "deadline", 0, target_text(target));
			dl_put = true;
		}
		/* the window's state changes only at its openings and closings */
		if (t >= state_until)
		{
			is_open = win_open(ws, t);
			state_until = next_change(ws, t, end, is_open, after);
			if (state_until <= t)
				elog(ERROR, "sla_explain: the window's state does not advance at %s",
					 timestamptz_to_str(t));
		}
		day = win_local_date(ws, t);
		mid = win_date_start(ws, day + 1);
		if (mid <= t)
			mid = win_date_start(ws, day + 2);
		e = Min(state_until, end);
		if (mid > t)
			e = Min(e, mid);
		if (!dl_put)
			e = Min(e, dl);

		/* pauses matter only in open time, but cut every piece they touch */
		while (pi < npause)
		{
			TimestampTz lo,
						hi;

			mr_bounds(rt, mr, pi, &lo, &hi);
			if (hi <= t)
			{
				pi++;
				continue;
			}
			if (lo <= t)
			{
				in_pause = true;
				e = Min(e, hi);
			}
			else
				e = Min(e, lo);
			break;
		}

		kind = !is_open ? EX_CLOSED : in_pause ? EX_PAUSED : EX_OPEN;
		rule = date_rule(ex, day, is_open);
		if (kind == EX_PAUSED && ex->pause_names && ex->pause_names[pi])
			rule = psprintf("%s; status %s", rule, ex->pause_names[pi]);
		{
			int64		business = (kind == EX_OPEN) ? win_elapsed(ws, t, e) : 0;

			if (dl_put && business > 0 && dlk == DL_AT)
				late_open = true;
			put_piece(ex, t, e, kind, dl_put && dlk == DL_AT, business, rule);
		}
		t = e;
	}
	flush_held(ex);
	if (!dl_put && dl <= end)
	{
		put_row(ex, dl, dl, "deadline", 0, target_text(target));
		dl_put = true;
	}

	/*
	 * The status, read off the timeline: breached when the clock ran after
	 * the deadline, else met when done, pending while open.
	 */
	put_row(ex, end, end, done_null ? "as of" : "resolved", 0,
			late_open ? "breached" : done_null ? "pending" : "met");
	if (!dl_put)
		put_row(ex, dl, dl, "deadline", 0, target_text(target));
	else if (dlk == DL_BEYOND)
		put_beyond_row(ex, target);
}

/*
 * Memory: the rows go to a tuplestore in the per-query context (the
 * executor ends it once read), with the executor's own expected tuple
 * descriptor, which it frees: building one from the catalog per call would
 * leave its lookups in the per-query context.  Everything else the
 * timeline takes (rule texts, intervals) lives in a context deleted when the
 * call returns, so a statement calling sla_explain once per ticket keeps
 * nothing per call (bench/memory.sql, test/memory.sql).
 */
static Datum
explain_common(FunctionCallInfo fcinfo, TimestampTz as_of, MultirangeType *mr,
			   bool merge_closed)
{
	Explainer	ex;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext callcxt;
	MemoryContext oldcxt;

	explain_init_srf(fcinfo);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		return (Datum) 0;

	memset(&ex, 0, sizeof(ex));
	ex.ws = win_sched_cached(fcinfo, 0);
	callcxt = AllocSetContextCreate(CurrentMemoryContext, "sla_explain call",
									ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(callcxt);
	ex.zone = pstrdup(win_zone_name(PG_GETARG_SLA_WINDOW_P(0)));
	ex.ts = rsinfo->setResult;
	ex.desc = rsinfo->setDesc;
	ex.merge_closed = merge_closed;
	initStringInfo(&ex.held_rule);
	explain_ticket(&ex, PG_GETARG_TIMESTAMPTZ(1), PG_ARGISNULL(2),
				   PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2),
				   PG_GETARG_INTERVAL_P(3), as_of, mr);
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(callcxt);
	return (Datum) 0;
}

/*
 * sla_explain(w, start, done, target, as_of, paused, merge_closed): a NULL
 * as_of has no timeline (as sla_status has no status), a NULL paused is no
 * pauses.
 */
Datum
sla_explain(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(4))
	{
		explain_init_srf(fcinfo);
		return (Datum) 0;
	}
	return explain_common(fcinfo, PG_GETARG_TIMESTAMPTZ(4),
						  PG_ARGISNULL(5) ? NULL : PG_GETARG_MULTIRANGE_P(5),
						  !PG_ARGISNULL(6) && PG_GETARG_BOOL(6));
}

/* sla_explain(w, start, done, target): as of the transaction's start */
Datum
sla_explain_now(PG_FUNCTION_ARGS)
{
	return explain_common(fcinfo, GetCurrentTransactionStartTimestamp(), NULL, false);
}

PG_FUNCTION_INFO_V1(sla_clock_explain);
PG_FUNCTION_INFO_V1(sla_clock_explain_policy);

/* the explainer of a clock's call, in callcxt */
static void
clock_explainer(FunctionCallInfo fcinfo, Explainer *ex, bool merge_closed)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	memset(ex, 0, sizeof(Explainer));
	ex->ws = win_sched_cached(fcinfo, 0);
	ex->zone = pstrdup(win_zone_name(PG_GETARG_SLA_WINDOW_P(0)));
	ex->ts = rsinfo->setResult;
	ex->desc = rsinfo->setDesc;
	ex->merge_closed = merge_closed;
	initStringInfo(&ex->held_rule);
}

/*
 * One cycle: a row naming the status that started it ("start", or
 * "reopened"), its priority periods (policy form), then its timeline as
 * sla_explain gives it against target, each paused piece naming the
 * statuses behind the pause; no timeline without a target.
 */
static void
clock_explain_cycle(Explainer *ex, const SlaClock *c, const ClockCycle *cy, bool first,
					const Interval *target, TimestampTz as_of,
					const ClockPeriodRow *per, int nper)
{
	put_row(ex, cy->start, cy->start, first ? "start" : "reopened", 0,
			psprintf("status '%s'", clock_seg_name(c, cy->lo)));
	for (int k = 0; k < nper; k++)
		put_row(ex, per[k].from, per[k].to, "priority", per[k].business, per[k].rule);
	if (target == NULL)
		return;
	ex->pause_names = clock_pause_names(c, cy);
	explain_ticket(ex, cy->start, cy->open, cy->done, target, as_of,
				   cy->pauses.n > 0 ? clock_pauses_multirange(cy->pauses.iv, cy->pauses.n) : NULL);
}

/*
 * sla_clock_explain(w, clock, target [, as_of [, merge_closed]]): each
 * cycle explained against the target.
 */
Datum
sla_clock_explain(PG_FUNCTION_ARGS)
{
	Explainer	ex;
	MemoryContext callcxt;
	MemoryContext oldcxt;
	TimestampTz as_of;
	SlaClock   *c;
	ClockCycle *cy;
	int			n;

	explain_init_srf(fcinfo);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || (PG_NARGS() > 3 && PG_ARGISNULL(3)))
		return (Datum) 0;
	as_of = PG_NARGS() > 3 ? PG_GETARG_TIMESTAMPTZ(3) : GetCurrentTransactionStartTimestamp();
	callcxt = AllocSetContextCreate(CurrentMemoryContext, "sla_clock_explain call",
									ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(callcxt);
	clock_explainer(fcinfo, &ex, PG_NARGS() > 4 && !PG_ARGISNULL(4) && PG_GETARG_BOOL(4));
	c = PG_GETARG_SLA_CLOCK_P(1);
	n = clock_cycles(c, as_of, &cy);
	for (int i = 0; i < n; i++)
		clock_explain_cycle(&ex, c, &cy[i], i == 0, PG_GETARG_INTERVAL_P(2), as_of, NULL, 0);
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(callcxt);
	return (Datum) 0;
}

/*
 * sla_clock_explain(w, clock, policy, kind, reading [, as_of]): each cycle
 * with its priority periods and its timeline against the target the
 * reading gives it, as sla_clock_status judges it.
 */
Datum
sla_clock_explain_policy(PG_FUNCTION_ARGS)
{
	Explainer	ex;
	MemoryContext callcxt;
	MemoryContext oldcxt;
	TimestampTz as_of;
	ClockExplained x;

	explain_init_srf(fcinfo);
	if (PG_ARGISNULL(0) || (PG_NARGS() > 5 && PG_ARGISNULL(5)))
		return (Datum) 0;
	callcxt = AllocSetContextCreate(CurrentMemoryContext, "sla_clock_explain call",
									ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(callcxt);
	clock_explainer(fcinfo, &ex, false);
	if (clock_explain_policy(fcinfo, ex.ws, &as_of, &x))
	{
		SlaClock   *c = PG_GETARG_SLA_CLOCK_P(1);

		for (int i = 0; i < x.ncy; i++)
			clock_explain_cycle(&ex, c, &x.cy[i], i == 0, x.targets[i], as_of,
								x.per[i], x.nper[i]);
	}
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(callcxt);
	return (Datum) 0;
}
