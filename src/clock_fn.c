/*
 * clock_fn.c
 *		The per-ticket functions and the summary over sla_clock values: a
 *		clock in place of (start, done, paused), with a fixed target or a
 *		policy and a priority reading (DESIGN section 3b).
 *
 * Under "reopen restarts" each cycle is judged against the ticket's target:
 * the ticket's business time is the sum of its cycles', its status the
 * worst of theirs (breached, then pending, then met), its deadline,
 * remaining time and share used the current (last) cycle's.
 */
#include "clock.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#define READ_AT_CREATION	0
#define READ_IN_FORCE		1
#define READ_AT_END			2

/* where a cycle's target comes from */
typedef struct ClockTarget
{
	const Interval *fixed;		/* a fixed target, or else: */
	const SlaPolicy *pol;
	int			kind;			/* SLA_RESPONSE / SLA_RESOLUTION */
	int			reading;		/* READ_* */
} ClockTarget;

/* a clock judged as of an instant */
typedef struct ClockJudged
{
	int			ncy;			/* 0: not started as of then */
	ClockCycle *cy;
	SlaOutcome	status;			/* the worst of the cycles' */
	bool		untargeted;		/* no target (for some cycle) */
	int64		elapsed;		/* sum over the cycles */
	const Interval *target;		/* the current cycle's target */
	const Interval **targets;	/* each cycle's (NULL: none) */
} ClockJudged;

static const Interval *
prio_target(const ClockTarget *ct, int prio)
{
	Interval   *r;

	if (prio < 0 || !(ct->pol->present[prio] & (1 << ct->kind)))
		return NULL;
	r = palloc(sizeof(Interval));
	r->month = 0;
	r->day = ct->pol->target[prio][ct->kind].days;
	r->time = ct->pol->target[prio][ct->kind].usecs;
	return r;
}

/*
 * The priority periods of a cycle: the priority at its start (the last given
 * at or before it), then each change before it stopped (and before as_of).
 * Returns the count; from[i], prio[i] filled.
 */
static int
cycle_periods(const SlaClock *c, const ClockCycle *cy, TimestampTz as_of,
			  TimestampTz *from, int *prio)
{
	int			m = 1;
	int			k = cy->lo;
	TimestampTz end = cy->open ? as_of : Min(cy->done, as_of);

	from[0] = cy->start;
	prio[0] = c->seg[k].prio;
	while (k + 1 < c->nseg && c->seg[k + 1].at == cy->start && c->seg[k + 1].at <= as_of)
		prio[0] = c->seg[++k].prio;
	for (k = k + 1; k < cy->hi && c->seg[k].at < end; k++)
	{
		if (c->seg[k].prio == prio[m - 1])
			continue;
		from[m] = c->seg[k].at;
		prio[m] = c->seg[k].prio;
		m++;
	}
	return m;
}

/*
 * One cycle judged "in force": each period with its priority's target from
 * the cycle's start; breached when some period is, else as the last.  The
 * target is the first breached period's, else the last period's.
 */
static SlaOutcome
judge_in_force(WinSched *ws, const SlaClock *c, const ClockCycle *cy, const ClockTarget *ct,
			   TimestampTz as_of, const Interval **target)
{
	TimestampTz *from = palloc(sizeof(TimestampTz) * (cy->hi - cy->lo + 1));
	int		   *prio = palloc(sizeof(int) * (cy->hi - cy->lo + 1));
	int			m = cycle_periods(c, cy, as_of, from, prio);
	SlaOutcome	last = SLA_NOT_OPENED;

	*target = NULL;
	for (int i = 0; i < m; i++)
	{
		const Interval *t = prio_target(ct, prio[i]);
		bool		open = (i + 1 == m) ? cy->open : false;
		TimestampTz end = (i + 1 == m) ? cy->done : from[i + 1];
		SlaOutcome	o;

		CHECK_FOR_INTERRUPTS();
		if (t == NULL)
			continue;
		o = sla_classify_p(ws, &cy->pauses, cy->start, open, end, t, as_of, NULL, NULL);
		if (o == SLA_BREACHED)
		{
			*target = t;
			return o;
		}
		*target = t;
		last = o;
	}
	return last;
}

/* the priority the ticket starts with, or ends with, as of as_of */
static int
clock_prio(const SlaClock *c, const ClockCycle *cy, int ncy, TimestampTz as_of, bool at_end)
{
	const ClockCycle *one = at_end ? &cy[ncy - 1] : &cy[0];
	TimestampTz *from = palloc(sizeof(TimestampTz) * (one->hi - one->lo + 1));
	int		   *prio = palloc(sizeof(int) * (one->hi - one->lo + 1));
	int			m = cycle_periods(c, one, as_of, from, prio);

	return at_end ? prio[m - 1] : prio[0];
}

static SlaOutcome
worse(SlaOutcome a, SlaOutcome b)
{
	if (a == SLA_BREACHED || b == SLA_BREACHED)
		return SLA_BREACHED;
	if (a == SLA_PENDING || b == SLA_PENDING)
		return SLA_PENDING;
	return SLA_MET;
}

static void
clock_judge(WinSched *ws, const SlaClock *c, const ClockTarget *ct, TimestampTz as_of,
			ClockJudged *j)
{
	const Interval *ticket_target = ct->fixed;

	memset(j, 0, sizeof(ClockJudged));
	j->ncy = clock_cycles(c, as_of, &j->cy);
	j->status = SLA_MET;
	if (j->ncy == 0)
		return;
	j->targets = palloc0(sizeof(Interval *) * j->ncy);
	if (!ct->fixed && ct->reading != READ_IN_FORCE)
		ticket_target = prio_target(ct, clock_prio(c, j->cy, j->ncy, as_of,
												   ct->reading == READ_AT_END));
	for (int i = 0; i < j->ncy; i++)
	{
		ClockCycle *cy = &j->cy[i];
		const Interval *t = ticket_target;
		SlaOutcome	o;
		int64		e;

		CHECK_FOR_INTERRUPTS();
		if (!ct->fixed && ct->reading == READ_IN_FORCE)
			o = judge_in_force(ws, c, cy, ct, as_of, &t);
		else
			o = t ? sla_classify_p(ws, &cy->pauses, cy->start, cy->open, cy->done, t,
								   as_of, &e, NULL) : SLA_NOT_OPENED;
		/* the classification measured the cycle where it could */
		if (t == NULL || (!ct->fixed && ct->reading == READ_IN_FORCE))
			e = sla_elapsed_p(ws, &cy->pauses, cy->start, cy->open ? as_of : cy->done);
		j->elapsed += e;
		if (t == NULL)
			j->untargeted = true;
		else
			j->status = worse(j->status, o);
		j->target = t;
		j->targets[i] = t;
	}
}

/* the current cycle's end as of as_of: its stop, or as_of while open */
static TimestampTz
current_end(const ClockJudged *j, TimestampTz as_of)
{
	const ClockCycle *cy = &j->cy[j->ncy - 1];

	return cy->open ? as_of : cy->done;
}

/* ---------------------------------------------------------------------
 * argument decoding
 * --------------------------------------------------------------------- */

static int
reading_of(text *t)
{
	char	   *s = text_to_cstring(t);
	char	   *p = s;
	int			len;

	while (*p == ' ')
		p++;
	len = strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	if (len == 11 && pg_strncasecmp(p, "at creation", 11) == 0)
		return READ_AT_CREATION;
	if (len == 8 && pg_strncasecmp(p, "in force", 8) == 0)
		return READ_IN_FORCE;
	if (len == 6 && pg_strncasecmp(p, "at end", 6) == 0)
		return READ_AT_END;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown priority reading \"%s\"", s),
			errhint("Use 'at creation', 'in force' or 'at end'."));
	return -1;
}

static int
kind_of(text *t)
{
	char	   *s = text_to_cstring(t);

	if (pg_strcasecmp(s, "response") == 0 || pg_strcasecmp(s, "respond") == 0)
		return SLA_RESPONSE;
	if (pg_strcasecmp(s, "resolution") == 0 || pg_strcasecmp(s, "resolve") == 0)
		return SLA_RESOLUTION;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown SLA target kind \"%s\"", s),
			errhint("Use 'response' or 'resolution'."));
	return -1;
}

/*
 * Arguments from first: a target (one argument) when policy is false, else
 * a policy, a kind and a reading; then as_of when there is one more.
 * Returns false when one is NULL.
 */
static bool
target_args(FunctionCallInfo fcinfo, int first, bool policy, ClockTarget *ct, TimestampTz *as_of)
{
	int			n = policy ? 3 : 1;

	for (int i = first; i < first + n; i++)
		if (PG_ARGISNULL(i))
			return false;
	memset(ct, 0, sizeof(ClockTarget));
	if (policy)
	{
		ct->pol = PG_GETARG_SLA_POLICY_P(first);
		ct->kind = kind_of(PG_GETARG_TEXT_PP(first + 1));
		ct->reading = reading_of(PG_GETARG_TEXT_PP(first + 2));
	}
	else
		ct->fixed = PG_GETARG_INTERVAL_P(first);
	if (PG_NARGS() > first + n)
	{
		/* an explicit NULL as_of means now, as when it is omitted */
		*as_of = PG_ARGISNULL(first + n) ? GetCurrentTransactionStartTimestamp()
			: PG_GETARG_TIMESTAMPTZ(first + n);
	}
	else
		*as_of = GetCurrentTransactionStartTimestamp();
	return true;
}

/* (w, clock, target | policy, kind, reading [, as_of]) judged */
static bool
judged_args(FunctionCallInfo fcinfo, bool policy, ClockJudged *j, WinSched **ws,
			TimestampTz *as_of)
{
	ClockTarget ct;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || !target_args(fcinfo, 2, policy, &ct, as_of))
		return false;
	*ws = win_sched_cached(fcinfo, 0);
	clock_judge(*ws, PG_GETARG_SLA_CLOCK_P(1), &ct, *as_of, j);
	return j->ncy > 0 && j->target != NULL;
}

/*
 * For sla_clock_explain's policy form, (w, clock, policy, kind, reading
 * [, as_of]): the clock judged as sla_clock_status judges it, each cycle
 * with the target it is judged by (NULL: none) and its priority periods,
 * each a row (from, to, business time in it, "SEV2: resolution target
 * 08:00:00").  Returns false when an argument is NULL.
 */
bool
clock_explain_policy(FunctionCallInfo fcinfo, WinSched *ws, TimestampTz *as_of,
					 ClockExplained *x)
{
	ClockTarget ct;
	ClockJudged j;
	const SlaClock *c;

	memset(x, 0, sizeof(ClockExplained));
	if (PG_ARGISNULL(1) || !target_args(fcinfo, 2, true, &ct, as_of))
		return false;
	c = PG_GETARG_SLA_CLOCK_P(1);
	clock_judge(ws, c, &ct, *as_of, &j);
	x->ncy = j.ncy;
	x->cy = j.cy;
	x->targets = j.targets;
	x->nper = palloc0(sizeof(int) * Max(j.ncy, 1));
	x->per = palloc0(sizeof(ClockPeriodRow *) * Max(j.ncy, 1));
	for (int i = 0; i < j.ncy; i++)
	{
		const ClockCycle *cy = &j.cy[i];
		TimestampTz *from = palloc(sizeof(TimestampTz) * (cy->hi - cy->lo + 1));
		int		   *prio = palloc(sizeof(int) * (cy->hi - cy->lo + 1));
		int			m = cycle_periods(c, cy, *as_of, from, prio);
		TimestampTz end = cy->open ? *as_of : Min(cy->done, *as_of);

		x->nper[i] = m;
		x->per[i] = palloc(sizeof(ClockPeriodRow) * m);
		for (int k = 0; k < m; k++)
		{
			ClockPeriodRow *r = &x->per[i][k];
			const Interval *t = prio_target(&ct, prio[k]);
			const char *kind = ct.kind == SLA_RESPONSE ? "response" : "resolution";

			r->from = from[k];
			r->to = k + 1 < m ? from[k + 1] : end;
			r->business = sla_elapsed_p(ws, &cy->pauses, r->from, r->to);
			if (prio[k] < 0)
				r->rule = psprintf("no priority: no %s target", kind);
			else if (t == NULL)
				r->rule = psprintf("SEV%d: no %s target", prio[k], kind);
			else
				r->rule = psprintf("SEV%d: %s target %s", prio[k], kind,
								   DatumGetCString(DirectFunctionCall1(interval_out,
																	   IntervalPGetDatum(t))));
		}
	}
	return true;
}

/* ---------------------------------------------------------------------
 * per ticket
 * --------------------------------------------------------------------- */

static const char *const outcome_names[] = {"met", "breached", "pending"};

PG_FUNCTION_INFO_V1(sla_clock_elapsed);
PG_FUNCTION_INFO_V1(sla_clock_status);
PG_FUNCTION_INFO_V1(sla_clock_status_policy);
PG_FUNCTION_INFO_V1(sla_clock_deadline);
PG_FUNCTION_INFO_V1(sla_clock_deadline_policy);
PG_FUNCTION_INFO_V1(sla_clock_remaining);
PG_FUNCTION_INFO_V1(sla_clock_remaining_policy);
PG_FUNCTION_INFO_V1(sla_clock_percent_used);
PG_FUNCTION_INFO_V1(sla_clock_percent_used_policy);

/* business time on the clock (every cycle's) to its stop, or to as_of */
Datum
sla_clock_elapsed(PG_FUNCTION_ARGS)
{
	ClockTarget ct = {NULL, NULL, 0, 0};
	Interval	none = {0, 0, 0};
	ClockJudged j;
	TimestampTz as_of = PG_NARGS() > 2 ? PG_GETARG_TIMESTAMPTZ(2)
		: GetCurrentTransactionStartTimestamp();

	ct.fixed = &none;
	clock_judge(win_sched_cached(fcinfo, 0), PG_GETARG_SLA_CLOCK_P(1), &ct, as_of, &j);
	if (j.ncy == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(ms_interval_usecs(j.elapsed));
}

static Datum
status_common(FunctionCallInfo fcinfo, bool policy)
{
	ClockJudged j;
	WinSched   *ws;
	TimestampTz as_of;

	if (!judged_args(fcinfo, policy, &j, &ws, &as_of) || j.untargeted)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(outcome_names[j.status]));
}

Datum
sla_clock_status(PG_FUNCTION_ARGS)
{
	return status_common(fcinfo, false);
}

Datum
sla_clock_status_policy(PG_FUNCTION_ARGS)
{
	return status_common(fcinfo, true);
}

/* the current cycle's deadline, its pauses as of as_of */
static Datum
deadline_common(FunctionCallInfo fcinfo, bool policy)
{
	ClockJudged j;
	WinSched   *ws;
	TimestampTz as_of;
	ClockCycle *cy;

	if (!judged_args(fcinfo, policy, &j, &ws, &as_of))
		PG_RETURN_NULL();
	cy = &j.cy[j.ncy - 1];
	PG_RETURN_TIMESTAMPTZ(sla_deadline_p(ws, &cy->pauses, cy->start, j.target));
}

Datum
sla_clock_deadline(PG_FUNCTION_ARGS)
{
	return deadline_common(fcinfo, false);
}

Datum
sla_clock_deadline_policy(PG_FUNCTION_ARGS)
{
	return deadline_common(fcinfo, true);
}

/*
 * The current cycle's time left (percent false) or share used, as the clock
 * stood at its stop, or at as_of while it runs.
 */
static Datum
remaining_common(FunctionCallInfo fcinfo, bool policy, bool percent)
{
	ClockJudged j;
	WinSched   *ws;
	TimestampTz as_of;
	ClockCycle *cy;
	bool		none;
	int64		left,
				whole;

	if (!judged_args(fcinfo, policy, &j, &ws, &as_of))
		PG_RETURN_NULL();
	cy = &j.cy[j.ncy - 1];
	left = sla_remaining_p(ws, &cy->pauses, cy->start, j.target, current_end(&j, as_of),
						   &none, &whole);
	if (none)
		PG_RETURN_NULL();
	if (!percent)
		PG_RETURN_INTERVAL_P(ms_interval_usecs(left));
	if (whole <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * ((double) whole - (double) left) / (double) whole);
}

Datum
sla_clock_remaining(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, false, false);
}

Datum
sla_clock_remaining_policy(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, true, false);
}

Datum
sla_clock_percent_used(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, false, true);
}

Datum
sla_clock_percent_used_policy(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, true, true);
}

/* ---------------------------------------------------------------------
 * the summary: one ticket per clock
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(sla_clock_summary_trans);
PG_FUNCTION_INFO_V1(sla_clock_summary_trans_policy);

static Datum
summary_trans_common(FunctionCallInfo fcinfo, bool policy)
{
	SlaSummary *st = sla_summary_state(fcinfo);
	ClockTarget ct;
	ClockJudged j;
	TimestampTz as_of;
	bool		have_target;

	/* a row without a clock is no ticket */
	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);
	have_target = !PG_ARGISNULL(1) && target_args(fcinfo, 3, policy, &ct, &as_of);
	if (!have_target)
	{
		/* counted as unmeasured when it had started as of as_of */
		int			nargs = policy ? 3 : 1;
		ClockCycle *cy;

		as_of = (PG_NARGS() > 3 + nargs && !PG_ARGISNULL(3 + nargs))
			? PG_GETARG_TIMESTAMPTZ(3 + nargs) : GetCurrentTransactionStartTimestamp();
		if (clock_cycles(PG_GETARG_SLA_CLOCK_P(2), as_of, &cy) > 0)
			sla_summary_add_untargeted(st);
		PG_RETURN_POINTER(st);
	}
	clock_judge(win_sched_cached(fcinfo, 1), PG_GETARG_SLA_CLOCK_P(2), &ct, as_of, &j);
	if (j.ncy == 0)
		PG_RETURN_POINTER(st);
	if (j.untargeted)
		sla_summary_add_untargeted(st);
	else
		sla_summary_add(st, j.status, j.elapsed, !j.cy[j.ncy - 1].open);
	PG_RETURN_POINTER(st);
}

Datum
sla_clock_summary_trans(PG_FUNCTION_ARGS)
{
	return summary_trans_common(fcinfo, false);
}

Datum
sla_clock_summary_trans_policy(PG_FUNCTION_ARGS)
{
	return summary_trans_common(fcinfo, true);
}

/* ---------------------------------------------------------------------
 * the clock's figures over its whole timeline
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(sla_clock_start);
PG_FUNCTION_INFO_V1(sla_clock_stop);
PG_FUNCTION_INFO_V1(sla_clock_paused);
PG_FUNCTION_INFO_V1(sla_clock_cycles);
PG_FUNCTION_INFO_V1(sla_clock_priority);

Datum
sla_clock_start(PG_FUNCTION_ARGS)
{
	ClockCycle *cy;

	if (clock_cycles(PG_GETARG_SLA_CLOCK_P(0), DT_NOEND, &cy) == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(cy[0].start);
}

Datum
sla_clock_stop(PG_FUNCTION_ARGS)
{
	ClockCycle *cy;
	int			n = clock_cycles(PG_GETARG_SLA_CLOCK_P(0), DT_NOEND, &cy);

	if (n == 0 || cy[n - 1].open)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(cy[n - 1].done);
}

Datum
sla_clock_cycles(PG_FUNCTION_ARGS)
{
	ClockCycle *cy;

	PG_RETURN_INT32(clock_cycles(PG_GETARG_SLA_CLOCK_P(0), DT_NOEND, &cy));
}

/* sorted, disjoint pauses as a tstzmultirange */
MultirangeType *
clock_pauses_multirange(const TimestampTz *iv, int n)
{
	TypeCacheEntry *mt = lookup_type_cache(TSTZMULTIRANGEOID, TYPECACHE_MULTIRANGE_INFO);
	RangeType **r = palloc(sizeof(RangeType *) * Max(n, 1));

	for (int k = 0; k < n; k++)
	{
		RangeBound	lo = {TimestampTzGetDatum(iv[2 * k]), false, true, true};
		RangeBound	hi = {TimestampTzGetDatum(iv[2 * k + 1]), TIMESTAMP_IS_NOEND(iv[2 * k + 1]), false, false};

		r[k] = ms_make_range(mt->rngtype, &lo, &hi, false);
	}
	return make_multirange(TSTZMULTIRANGEOID, mt->rngtype, n, r);
}

/* the pauses of every cycle */
Datum
sla_clock_paused(PG_FUNCTION_ARGS)
{
	ClockCycle *cy;
	int			n = clock_cycles(PG_GETARG_SLA_CLOCK_P(0), DT_NOEND, &cy);
	int			total = 0;
	TimestampTz *iv;

	for (int i = 0; i < n; i++)
		total += cy[i].pauses.n;
	iv = palloc(sizeof(TimestampTz) * 2 * Max(total, 1));
	total = 0;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < cy[i].pauses.n; k++)
		{
			iv[2 * total] = cy[i].pauses.iv[2 * k];
			iv[2 * total + 1] = cy[i].pauses.iv[2 * k + 1];
			total++;
		}
	PG_RETURN_MULTIRANGE_P(clock_pauses_multirange(iv, total));
}

/* the priority in force at an instant: the last given at or before it */
Datum
sla_clock_priority(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_SLA_CLOCK_P(0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int			prio = -1;

	for (int i = 0; i < c->nseg && c->seg[i].at <= t; i++)
		prio = c->seg[i].prio;
	if (prio < 0)
		PG_RETURN_NULL();
	PG_RETURN_SEVERITY((Severity) prio);
}
