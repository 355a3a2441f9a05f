/*
 * summary.c
 *		sla_summary: the mergeable result of sla_summary_agg.
 *
 * A summary counts met, breached and pending tickets and the business time
 * of those with a done time (total, min, max).  It is an ordinary value, so
 * it can be stored per day and rolled up into months, computed per shard or
 * partition and merged, and shipped between nodes as text (Citus sends
 * partial aggregate states through the type's output and input functions):
 * the text form is readable and round-trips exactly, and does not depend on
 * any setting such as IntervalStyle.
 *
 *	met=120 breached=8 pending=3 untargeted=2 timed=128 total=512:00:00 min=00:05:00 max=40:00:00
 *
 * untargeted counts tickets that could not be measured (no target for their
 * severity, or no coverage window), so that a scorecard shows them rather
 * than losing them.  Text without it (written before it existed) reads as 0.
 */
#include "ticket.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(sla_summary_in);
PG_FUNCTION_INFO_V1(sla_summary_out);
PG_FUNCTION_INFO_V1(sla_summary_recv);
PG_FUNCTION_INFO_V1(sla_summary_send);
PG_FUNCTION_INFO_V1(sla_summary_trans);
PG_FUNCTION_INFO_V1(sla_summary_trans_now);
PG_FUNCTION_INFO_V1(sla_summary_combine);
PG_FUNCTION_INFO_V1(sla_summary_compliance);
PG_FUNCTION_INFO_V1(sla_summary_met);
PG_FUNCTION_INFO_V1(sla_summary_breached);
PG_FUNCTION_INFO_V1(sla_summary_pending);
PG_FUNCTION_INFO_V1(sla_summary_untargeted);
PG_FUNCTION_INFO_V1(sla_summary_timed);
PG_FUNCTION_INFO_V1(sla_summary_total);
PG_FUNCTION_INFO_V1(sla_summary_mean);
PG_FUNCTION_INFO_V1(sla_summary_min);
PG_FUNCTION_INFO_V1(sla_summary_max);

#define PG_GETARG_SLA_SUMMARY_P(n) summary_fetch(PG_GETARG_DATUM(n))

static void check_version(const SlaSummary *s);

/*
 * A summary argument in the current layout: values stored by version 1 (no
 * untargeted count) are widened into a copy.
 */
static SlaSummary *
summary_fetch(Datum d)
{
	SlaSummary *s = (SlaSummary *) PG_DETOAST_DATUM(d);

	if (s->version == 1 && VARSIZE(s) == SLA_SUMMARY_V1_SIZE)
	{
		SlaSummary *w = palloc0(sizeof(SlaSummary));

		memcpy(w, s, SLA_SUMMARY_V1_SIZE);
		SET_VARSIZE(w, sizeof(SlaSummary));
		w->version = SLA_SUMMARY_VERSION;
		return w;
	}
	check_version(s);
	return s;
}

static SlaSummary *
summary_new(MemoryContext mcxt)
{
	SlaSummary *s = MemoryContextAllocZero(mcxt, sizeof(SlaSummary));

	SET_VARSIZE(s, sizeof(SlaSummary));
	s->version = SLA_SUMMARY_VERSION;
	return s;
}

static void
check_version(const SlaSummary *s)
{
	if (s->version != SLA_SUMMARY_VERSION || VARSIZE(s) != sizeof(SlaSummary))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("sla_summary of format version %d is not supported", s->version),
				errdetail("This version of managed_services reads format %d; summaries of different versions cannot be combined.",
						  SLA_SUMMARY_VERSION));
}

static void
overflow(void)
{
	ereport(ERROR,
			errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("sla_summary out of range"),
			errdetail("A count or the total business time does not fit in 64 bits."));
}

/*
 * The largest duration the text form reads (sum_duration): hours up to
 * PG_INT64_MAX / USECS_PER_HOUR / 2, then minutes, seconds and fraction.
 */
#define SUM_MAX_HOURS (PG_INT64_MAX / USECS_PER_HOUR / 2)
#define SUM_MAX_DURATION ((SUM_MAX_HOURS + 1) * USECS_PER_HOUR - 1)

/*
 * What makes a summary valid, for the text input, the binary input and the
 * result of every merge alike, so that whatever is stored or computed reads
 * back from its text: NULL when valid, else what is wrong.
 */
static const char *
summary_problem(const SlaSummary *s)
{
	int64		decided;
	int64		tickets;

	if (s->met < 0 || s->breached < 0 || s->pending < 0 || s->timed < 0 ||
		s->untargeted < 0)
		return "Counts cannot be negative.";
	if (pg_add_s64_overflow(s->met, s->breached, &decided) ||
		pg_add_s64_overflow(decided, s->pending, &tickets) ||
		pg_add_s64_overflow(tickets, s->untargeted, &tickets))
		return "The number of tickets does not fit in 64 bits.";
	if (s->timed > decided)
		return "More timed tickets than decided (met or breached) ones.";
	if (s->total < -SUM_MAX_DURATION || s->total > SUM_MAX_DURATION ||
		s->min < -SUM_MAX_DURATION || s->min > SUM_MAX_DURATION ||
		s->max < -SUM_MAX_DURATION || s->max > SUM_MAX_DURATION)
		return "A duration is out of range.";
	if (s->timed == 0 && (s->total != 0 || s->min != 0 || s->max != 0))
		return "Total, min and max must be 0 when timed=0.";
	if (s->min > s->max)
		return "min is greater than max.";
	return NULL;
}

/* a computed summary (a merge, a transition) that no longer fits: 22003 */
static void
check_computed(const SlaSummary *s)
{
	const char *problem = summary_problem(s);

	if (problem)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("sla_summary out of range"),
				errdetail("%s", problem));
}

/* fold b into a */
static void
summary_merge(SlaSummary *a, const SlaSummary *b)
{
	check_version(a);
	check_version(b);
	if (pg_add_s64_overflow(a->met, b->met, &a->met) ||
		pg_add_s64_overflow(a->breached, b->breached, &a->breached) ||
		pg_add_s64_overflow(a->pending, b->pending, &a->pending) ||
		pg_add_s64_overflow(a->untargeted, b->untargeted, &a->untargeted) ||
		pg_add_s64_overflow(a->total, b->total, &a->total))
		overflow();
	if (b->timed > 0)
	{
		if (a->timed == 0)
		{
			a->min = b->min;
			a->max = b->max;
		}
		else
		{
			a->min = Min(a->min, b->min);
			a->max = Max(a->max, b->max);
		}
		if (pg_add_s64_overflow(a->timed, b->timed, &a->timed))
			overflow();
	}
	check_computed(a);
}

/* ---------------------------------------------------------------------
 * text and binary forms
 * --------------------------------------------------------------------- */

static void
append_duration(StringInfo buf, int64 us)
{
	uint64		u;

	if (us < 0)
	{
		appendStringInfoChar(buf, '-');
		u = -(uint64) us;
	}
	else
		u = (uint64) us;
	appendStringInfo(buf, "%02llu:%02llu:%02llu",
					 (unsigned long long) (u / USECS_PER_HOUR),
					 (unsigned long long) ((u / USECS_PER_MINUTE) % 60),
					 (unsigned long long) ((u / USECS_PER_SEC) % 60));
	if (u % USECS_PER_SEC)
	{
		char		frac[8];
		int			n;

		snprintf(frac, sizeof(frac), "%06llu", (unsigned long long) (u % USECS_PER_SEC));
		for (n = 6; frac[n - 1] == '0'; n--)
			;
		appendStringInfo(buf, ".%.*s", n, frac);
	}
}

Datum
sla_summary_out(PG_FUNCTION_ARGS)
{
	SlaSummary *s = PG_GETARG_SLA_SUMMARY_P(0);
	StringInfoData buf;

	check_version(s);
	initStringInfo(&buf);
	appendStringInfo(&buf, "met=%lld breached=%lld pending=%lld untargeted=%lld timed=%lld total=",
					 (long long) s->met, (long long) s->breached,
					 (long long) s->pending, (long long) s->untargeted,
					 (long long) s->timed);
	append_duration(&buf, s->total);
	if (s->timed > 0)
	{
		appendStringInfoString(&buf, " min=");
		append_duration(&buf, s->min);
		appendStringInfoString(&buf, " max=");
		append_duration(&buf, s->max);
	}
	else
		appendStringInfoString(&buf, " min=- max=-");
	PG_RETURN_CSTRING(buf.data);
}

typedef struct SumParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
} SumParser;

static bool
sum_error(SumParser *ps, const char *expected)
{
	errsave(ps->escontext,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"",
				   "sla_summary", ms_quote_input(ps->str)),
			errdetail("At character %d: expected %s.", (int) (ps->p - ps->str) + 1, expected),
			errhint("The form is: met=N breached=N pending=N untargeted=N timed=N total=H:MM:SS min=H:MM:SS max=H:MM:SS (min and max \"-\" when timed=0)."));
	return false;
}

static bool
sum_key(SumParser *ps, const char *key)
{
	int			n = strlen(key);

	while (isspace((unsigned char) *ps->p))
		ps->p++;
	if (strncmp(ps->p, key, n) != 0 || ps->p[n] != '=')
		return sum_error(ps, psprintf("\"%s=\"", key));
	ps->p += n + 1;
	return true;
}

static bool
sum_count(SumParser *ps, const char *key, int64 *v)
{
	int64		n = 0;

	if (!sum_key(ps, key))
		return false;
	if (!isdigit((unsigned char) *ps->p))
		return sum_error(ps, psprintf("a count after \"%s=\"", key));
	while (isdigit((unsigned char) *ps->p))
	{
		if (pg_mul_s64_overflow(n, 10, &n) ||
			pg_add_s64_overflow(n, *ps->p - '0', &n))
			return sum_error(ps, "a count that fits in 64 bits");
		ps->p++;
	}
	*v = n;
	return true;
}

/* key=N, or nothing (0) when the text does not have the key */
static bool
sum_optional_count(SumParser *ps, const char *key, int64 *v)
{
	const char *q = ps->p;
	int			n = strlen(key);

	while (isspace((unsigned char) *q))
		q++;
	if (strncmp(q, key, n) != 0 || q[n] != '=')
	{
		*v = 0;
		return true;
	}
	return sum_count(ps, key, v);
}

/* [-]H:MM:SS[.ffffff] */
static bool
sum_duration(SumParser *ps, const char *key, int64 *v)
{
	bool		neg = false;
	int64		h = 0;
	int64		us;
	int			m,
				s;
	int64		frac = 0;

	if (!sum_key(ps, key))
		return false;
	if (*ps->p == '-')
	{
		neg = true;
		ps->p++;
	}
	if (!isdigit((unsigned char) *ps->p))
		return sum_error(ps, "a duration H:MM:SS");
	while (isdigit((unsigned char) *ps->p))
	{
		h = h * 10 + (*ps->p++ - '0');
		if (h > PG_INT64_MAX / USECS_PER_HOUR / 2)
			return sum_error(ps, "a duration in range");
	}
	if (ps->p[0] != ':' || !isdigit((unsigned char) ps->p[1]) || !isdigit((unsigned char) ps->p[2]) ||
		ps->p[3] != ':' || !isdigit((unsigned char) ps->p[4]) || !isdigit((unsigned char) ps->p[5]))
		return sum_error(ps, "a duration H:MM:SS");
	m = (ps->p[1] - '0') * 10 + ps->p[2] - '0';
	s = (ps->p[4] - '0') * 10 + ps->p[5] - '0';
	if (m > 59 || s > 59)
		return sum_error(ps, "minutes and seconds below 60");
	ps->p += 6;
	if (*ps->p == '.')
	{
		int			nd = 0;

		ps->p++;
		while (isdigit((unsigned char) *ps->p) && nd < 6)
		{
			frac = frac * 10 + (*ps->p++ - '0');
			nd++;
		}
		if (nd == 0 || isdigit((unsigned char) *ps->p))
			return sum_error(ps, "one to six digits of fractional seconds");
		for (; nd < 6; nd++)
			frac *= 10;
	}
	us = h * USECS_PER_HOUR + m * USECS_PER_MINUTE + s * USECS_PER_SEC + frac;
	*v = neg ? -us : us;
	return true;
}

Datum
sla_summary_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	SlaSummary *s = summary_new(CurrentMemoryContext);
	SumParser	ps;

	ps.str = str;
	ps.p = str;
	ps.escontext = fcinfo->context;
	if (!sum_count(&ps, "met", &s->met) ||
		!sum_count(&ps, "breached", &s->breached) ||
		!sum_count(&ps, "pending", &s->pending) ||
		!sum_optional_count(&ps, "untargeted", &s->untargeted) ||
		!sum_count(&ps, "timed", &s->timed) ||
		!sum_duration(&ps, "total", &s->total))
		PG_RETURN_NULL();
	if (s->timed > 0)
	{
		if (!sum_duration(&ps, "min", &s->min) || !sum_duration(&ps, "max", &s->max))
			PG_RETURN_NULL();
	}
	else
	{
		if (!sum_key(&ps, "min"))
			PG_RETURN_NULL();
		if (*ps.p++ != '-')
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "sla_summary", ms_quote_input(str)),
					errdetail("min and max must be \"-\" when timed=0."));
		if (!sum_key(&ps, "max"))
			PG_RETURN_NULL();
		if (*ps.p++ != '-')
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "sla_summary", ms_quote_input(str)),
					errdetail("min and max must be \"-\" when timed=0."));
	}
	while (isspace((unsigned char) *ps.p))
		ps.p++;
	if (*ps.p != '\0')
	{
		sum_error(&ps, "the end of the summary");
		PG_RETURN_NULL();
	}
	{
		const char *problem = summary_problem(s);

		if (problem != NULL)
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "sla_summary", ms_quote_input(str)),
					errdetail("%s", problem));
	}
	PG_RETURN_POINTER(s);
}

Datum
sla_summary_send(PG_FUNCTION_ARGS)
{
	SlaSummary *s = PG_GETARG_SLA_SUMMARY_P(0);
	StringInfoData buf;

	check_version(s);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SLA_SUMMARY_VERSION);
	pq_sendint64(&buf, s->met);
	pq_sendint64(&buf, s->breached);
	pq_sendint64(&buf, s->pending);
	pq_sendint64(&buf, s->timed);
	pq_sendint64(&buf, s->total);
	pq_sendint64(&buf, s->min);
	pq_sendint64(&buf, s->max);
	pq_sendint64(&buf, s->untargeted);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
sla_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SlaSummary *s = summary_new(CurrentMemoryContext);
	int			version = pq_getmsgbyte(buf);

	int			fields = (version == 1) ? 7 : 8;

	/* version 1 had no untargeted count */
	if (version != 1 && version != SLA_SUMMARY_VERSION)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary sla_summary"),
				errdetail("Unsupported version %d.", version));
	if (buf->len - buf->cursor != fields * 8)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary sla_summary"),
				errdetail("Expected %d bytes after the version, got %d.", fields * 8, buf->len - buf->cursor));
	s->met = pq_getmsgint64(buf);
	s->breached = pq_getmsgint64(buf);
	s->pending = pq_getmsgint64(buf);
	s->timed = pq_getmsgint64(buf);
	s->total = pq_getmsgint64(buf);
	s->min = pq_getmsgint64(buf);
	s->max = pq_getmsgint64(buf);
	s->untargeted = (version == 1) ? 0 : pq_getmsgint64(buf);
	if (summary_problem(s) != NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary sla_summary"),
				errdetail("The figures are inconsistent."));
	PG_RETURN_POINTER(s);
}

/* ---------------------------------------------------------------------
 * the aggregate
 * --------------------------------------------------------------------- */

/* the state to update: in place inside an aggregate, else a copy */
static SlaSummary *
state_for_update(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		aggcxt = CurrentMemoryContext;
	/* a new state is copied into the aggregate's context by the executor */
	if (PG_ARGISNULL(0))
		return summary_new(CurrentMemoryContext);
	if (aggcxt != CurrentMemoryContext)
		return (SlaSummary *) PG_GETARG_POINTER(0);
	{
		SlaSummary *in = PG_GETARG_SLA_SUMMARY_P(0);
		SlaSummary *copy = summary_new(aggcxt);

		check_version(in);
		memcpy(copy, in, sizeof(SlaSummary));
		return copy;
	}
}

static Datum
trans_common(FunctionCallInfo fcinfo, TimestampTz as_of, void *paused)
{
	SlaSummary *st = state_for_update(fcinfo);
	WinSched   *ws;
	int64		e;
	bool		open;
	SlaOutcome	o;

	/* a row without a start is no ticket */
	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(st);

	/*
	 * A ticket with no target (or no coverage window) cannot be measured,
	 * but is counted, so that a scorecard shows what went unmeasured.
	 */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(4))
	{
		if (PG_GETARG_TIMESTAMPTZ(2) <= as_of)
			sla_summary_add_untargeted(st);
		PG_RETURN_POINTER(st);
	}
	ws = win_sched_cached(fcinfo, 1);
	o = sla_classify(ws, paused, PG_GETARG_TIMESTAMPTZ(2), PG_ARGISNULL(3),
					 PG_ARGISNULL(3) ? 0 : PG_GETARG_TIMESTAMPTZ(3),
					 PG_GETARG_INTERVAL_P(4), as_of, &e, &open);
	if (o == SLA_NOT_OPENED)
		PG_RETURN_POINTER(st);
	sla_summary_add(st, o, e, !open);
	PG_RETURN_POINTER(st);
}

/* count a ticket with its outcome; its business time when it was done */
void
sla_summary_add(SlaSummary *st, SlaOutcome o, int64 e, bool timed)
{
	int64	   *count;

	count = (o == SLA_MET) ? &st->met : (o == SLA_BREACHED) ? &st->breached : &st->pending;
	if (pg_add_s64_overflow(*count, 1, count))
		overflow();
	if (timed)
	{
		if (pg_add_s64_overflow(st->total, e, &st->total))
			overflow();
		if (st->timed == 0)
			st->min = st->max = e;
		else
		{
			st->min = Min(st->min, e);
			st->max = Max(st->max, e);
		}
		st->timed++;
	}
	/* a few comparisons: the state must still read back from its text */
	check_computed(st);
}

void
sla_summary_add_untargeted(SlaSummary *st)
{
	if (pg_add_s64_overflow(st->untargeted, 1, &st->untargeted))
		overflow();
}

SlaSummary *
sla_summary_state(FunctionCallInfo fcinfo)
{
	return state_for_update(fcinfo);
}

Datum
sla_summary_trans(PG_FUNCTION_ARGS)
{
	/* an explicit NULL as_of means now, as when it is omitted */
	return trans_common(fcinfo, PG_ARGISNULL(5) ? GetCurrentTransactionStartTimestamp()
						: PG_GETARG_TIMESTAMPTZ(5), NULL);
}

PG_FUNCTION_INFO_V1(sla_summary_trans_paused);

/* with the clock stopped during the sixth argument's ranges (NULL: none) */
Datum
sla_summary_trans_paused(PG_FUNCTION_ARGS)
{
	return trans_common(fcinfo, PG_ARGISNULL(5) ? GetCurrentTransactionStartTimestamp()
						: PG_GETARG_TIMESTAMPTZ(5),
						PG_ARGISNULL(6) ? NULL : PG_GETARG_MULTIRANGE_P(6));
}

Datum
sla_summary_trans_now(PG_FUNCTION_ARGS)
{
	return trans_common(fcinfo, GetCurrentTransactionStartTimestamp(), NULL);
}

/* combine, and the transition of rollup: NULL on either side is nothing */
Datum
sla_summary_combine(PG_FUNCTION_ARGS)
{
	SlaSummary *st;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (PG_ARGISNULL(0))
	{
		/* a new state: the executor copies it into the aggregate's context */
		st = summary_new(CurrentMemoryContext);
		summary_merge(st, PG_GETARG_SLA_SUMMARY_P(1));
		PG_RETURN_POINTER(st);
	}
	st = state_for_update(fcinfo);
	summary_merge(st, PG_GETARG_SLA_SUMMARY_P(1));
	PG_RETURN_POINTER(st);
}

/* ---------------------------------------------------------------------
 * accessors
 * --------------------------------------------------------------------- */

#define SUMMARY_ARG(s) \
	SlaSummary *s = PG_GETARG_SLA_SUMMARY_P(0); \
	check_version(s)

Datum
sla_summary_compliance(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	if (s->met + s->breached == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) s->met / (double) (s->met + s->breached));
}

Datum
sla_summary_met(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INT64(s->met);
}

Datum
sla_summary_breached(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INT64(s->breached);
}

Datum
sla_summary_pending(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INT64(s->pending);
}

Datum
sla_summary_untargeted(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INT64(s->untargeted);
}

Datum
sla_summary_timed(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INT64(s->timed);
}

Datum
sla_summary_total(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	PG_RETURN_INTERVAL_P(ms_interval_usecs(s->total));
}

Datum
sla_summary_mean(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	if (s->timed == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(ms_interval_usecs(s->total / s->timed));
}

Datum
sla_summary_min(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	if (s->timed == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(ms_interval_usecs(s->min));
}

Datum
sla_summary_max(PG_FUNCTION_ARGS)
{
	SUMMARY_ARG(s);

	if (s->timed == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(ms_interval_usecs(s->max));
}

/* ---------------------------------------------------------------------
 * equality and hashing (DISTINCT, GROUP BY, hash joins over summaries), and
 * the summary as typed columns for clients that should not parse its text
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(sla_summary_eq);
PG_FUNCTION_INFO_V1(sla_summary_ne);
PG_FUNCTION_INFO_V1(sla_summary_hash);
PG_FUNCTION_INFO_V1(sla_summary_hash_extended);
PG_FUNCTION_INFO_V1(sla_summary_columns);

/*
 * The counts and times that make a summary what it is: min and max mean
 * nothing without a timed ticket, so they are left out then (two summaries
 * equal by their text are equal here, and hash alike).
 */
static void
summary_key(const SlaSummary *s, int64 key[8])
{
	key[0] = s->met;
	key[1] = s->breached;
	key[2] = s->pending;
	key[3] = s->untargeted;
	key[4] = s->timed;
	key[5] = s->total;
	key[6] = s->timed > 0 ? s->min : 0;
	key[7] = s->timed > 0 ? s->max : 0;
}

static bool
summary_equal(FunctionCallInfo fcinfo)
{
	int64		a[8],
				b[8];

	summary_key(PG_GETARG_SLA_SUMMARY_P(0), a);
	summary_key(PG_GETARG_SLA_SUMMARY_P(1), b);
	return memcmp(a, b, sizeof(a)) == 0;
}

Datum
sla_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(summary_equal(fcinfo));
}

Datum
sla_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!summary_equal(fcinfo));
}

Datum
sla_summary_hash(PG_FUNCTION_ARGS)
{
	int64		key[8];

	summary_key(PG_GETARG_SLA_SUMMARY_P(0), key);
	return hash_any((unsigned char *) key, sizeof(key));
}

Datum
sla_summary_hash_extended(PG_FUNCTION_ARGS)
{
	int64		key[8];

	summary_key(PG_GETARG_SLA_SUMMARY_P(0), key);
	return hash_any_extended((unsigned char *) key, sizeof(key), PG_GETARG_INT64(1));
}

/* microseconds as hours, rounded to 6 decimals (3.6 ms) */
static Datum
usecs_hours(int64 usecs)
{
	Datum		h = DirectFunctionCall2(numeric_div,
									   NumericGetDatum(int64_to_numeric(usecs)),
									   NumericGetDatum(int64_to_numeric(USECS_PER_HOUR)));

	return DirectFunctionCall2(numeric_round, h, Int32GetDatum(6));
}

/*
 * sla_summary_columns(s): met, breached, pending, untargeted, timed,
 * compliance (numeric, exact), total, mean, min, max (interval), total_hours,
 * mean_hours (numeric): the accessors in one call, as the OUT parameters of
 * its SQL declaration say.
 */
Datum
sla_summary_columns(PG_FUNCTION_ARGS)
{
	SlaSummary *s = PG_GETARG_SLA_SUMMARY_P(0);
	TupleDesc	tupdesc;
	Datum		v[12];
	bool		null[12] = {false};

	check_version(s);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE || tupdesc->natts != 12)
		elog(ERROR, "sla_summary_columns: return type must be a row of 12 columns");
	tupdesc = BlessTupleDesc(tupdesc);
	v[0] = Int64GetDatum(s->met);
	v[1] = Int64GetDatum(s->breached);
	v[2] = Int64GetDatum(s->pending);
	v[3] = Int64GetDatum(s->untargeted);
	v[4] = Int64GetDatum(s->timed);
	null[5] = s->met + s->breached == 0;
	if (!null[5])
		v[5] = DirectFunctionCall1(numeric_trim_scale,
								   DirectFunctionCall2(numeric_div,
								   NumericGetDatum(int64_to_numeric(s->met)),
								   NumericGetDatum(int64_to_numeric(s->met + s->breached))));
	v[6] = IntervalPGetDatum(ms_interval_usecs(s->total));
	null[7] = null[8] = null[9] = null[11] = s->timed == 0;
	if (s->timed > 0)
	{
		v[7] = IntervalPGetDatum(ms_interval_usecs(s->total / s->timed));
		v[8] = IntervalPGetDatum(ms_interval_usecs(s->min));
		v[9] = IntervalPGetDatum(ms_interval_usecs(s->max));
		v[11] = usecs_hours(s->total / s->timed);
	}
	v[10] = usecs_hours(s->total);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, v, null)));
}
