/*
 * ticket.c
 *		Ticket SLAs: the sla_policy type (response and resolution targets per
 *		severity) and the per-ticket status and remaining time.
 *
 * Policy text:
 *
 *	policy	:= clause (';' clause)*
 *	clause	:= severity target+
 *	target	:= ('respond' | 'resolve') (amount unit [amount unit ...] | 'next business day')
 *	unit	:= minute(s) | min(s) | hour(s) | hr(s) | h | [business] day(s) | week(s)
 *
 * e.g. "SEV1 respond 15 minutes resolve 4 hours; SEV2 respond 1 hour resolve 1 day".
 * Days are business days (as sla_deadline reads an interval's days), hours
 * and minutes business time; a week is 7 business days, as sla_deadline reads
 * '1 week'.  Months and years are rejected: they have no fixed length in
 * business time.  "next business day" is due at the close of business of the
 * business day after the ticket's (stored as days = -1, given by sla_target
 * as the marker interval '-1 days').
 */
#include "ticket.h"

#include <ctype.h>

#include "access/xact.h"
#include "common/int.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(sla_policy_in);
PG_FUNCTION_INFO_V1(sla_policy_out);
PG_FUNCTION_INFO_V1(sla_policy_recv);
PG_FUNCTION_INFO_V1(sla_policy_send);
PG_FUNCTION_INFO_V1(sla_policy_eq);
PG_FUNCTION_INFO_V1(sla_policy_hash);
PG_FUNCTION_INFO_V1(sla_target);
PG_FUNCTION_INFO_V1(sla_status);
PG_FUNCTION_INFO_V1(sla_status_now);
PG_FUNCTION_INFO_V1(sla_remaining);
PG_FUNCTION_INFO_V1(sla_percent_used);

static const char *const kind_words[SLA_KINDS] = {"respond", "resolve"};

/*
 * The largest target: what the text form can say in one amount of days and
 * one of hours (its output), so that every policy reads back from its text.
 */
#define MAX_TARGET_DAYS 100000000
#define MAX_TARGET_USECS ((int64) 1000000 * USECS_PER_HOUR)

/* a target as the text input can make it; shared with the binary input */
static bool
target_in_range(const SlaTarget *t)
{
	if (t->days == WIN_NEXT_BUSINESS_DAY && t->usecs == 0)
		return true;			/* "next business day" */
	return t->days >= 0 && t->days <= MAX_TARGET_DAYS &&
		t->usecs >= 0 && t->usecs <= MAX_TARGET_USECS &&
		t->usecs % USECS_PER_MINUTE == 0;
}

static bool
policy_has_targets(const SlaPolicy *pol)
{
	for (int s = 0; s < SEVERITY_LEVELS; s++)
		if (pol->present[s] != 0)
			return true;
	return false;
}

typedef struct PolicyParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
} PolicyParser;

#define policy_error(ps, at, ...) \
	ms_syntax_error((ps)->escontext, "sla_policy", (ps)->str, (at), __VA_ARGS__)

static void
pskip(PolicyParser *ps)
{
	while (*ps->p && isspace((unsigned char) *ps->p))
		ps->p++;
}

/* respond / response -> 0, resolve / resolution -> 1, else -1 */
static int
kind_word(const char *p, int len)
{
	if (ms_word_is(p, len, "respond") || ms_word_is(p, len, "response"))
		return SLA_RESPONSE;
	if (ms_word_is(p, len, "resolve") || ms_word_is(p, len, "resolution"))
		return SLA_RESOLUTION;
	return -1;
}

/* amount unit [amount unit ...] up to the next keyword, ';' or the end */
static bool
parse_amounts(PolicyParser *ps, SlaTarget *t)
{
	bool		any = false;

	t->days = 0;
	t->usecs = 0;
	pskip(ps);
	if (ms_word_is(ps->p, ms_alpha_len(ps->p), "next"))
	{
		const char *at = ps->p;

		ps->p += 4;
		pskip(ps);
		if (!ms_word_is(ps->p, ms_alpha_len(ps->p), "business"))
			return policy_error(ps, ps->p, "expected \"business day\" after \"next\".");
		ps->p += ms_alpha_len(ps->p);
		pskip(ps);
		if (!ms_word_is(ps->p, ms_alpha_len(ps->p), "day"))
			return policy_error(ps, ps->p, "expected \"day\" after \"next business\".");
		ps->p += 3;
		pskip(ps);
		if (isdigit((unsigned char) *ps->p))
			return policy_error(ps, at, "\"next business day\" is a target of its own: it cannot be combined with an amount.");
		t->days = WIN_NEXT_BUSINESS_DAY;
		return true;
	}
	for (;;)
	{
		const char *at;
		int64		n = 0;
		int			len;
		const char *u;

		pskip(ps);
		at = ps->p;
		if (!isdigit((unsigned char) *ps->p))
		{
			if (any)
				return true;
			return policy_error(ps, at, "expected a target such as \"4 hours\" after \"%s\".",
								"respond/resolve");
		}
		while (isdigit((unsigned char) *ps->p))
		{
			n = n * 10 + (*ps->p++ - '0');
			if (n > 100000000)
				return policy_error(ps, at, "target amount is out of range.");
		}
		if (*ps->p == '.' || *ps->p == ',')
		{
			if (*ps->p == '.' && isdigit((unsigned char) ps->p[1]))
				return policy_error(ps, at, "expected a whole number: write 90 minutes rather than 1.5 hours.");
		}
		pskip(ps);
		u = ps->p;
		len = ms_alpha_len(u);
		if (len == 0)
			return policy_error(ps, u, "missing unit after %lld: expected minutes, hours or days.", (long long) n);
		ps->p += len;
		if (ms_word_is(u, len, "business"))
		{
			pskip(ps);
			u = ps->p;
			len = ms_alpha_len(u);
			ps->p += len;
			if (!(ms_word_is(u, len, "day") || ms_word_is(u, len, "days") ||
				  ms_word_is(u, len, "hour") || ms_word_is(u, len, "hours")))
				return policy_error(ps, u, "expected \"days\" or \"hours\" after \"business\".");
		}
		if (ms_word_is(u, len, "minute") || ms_word_is(u, len, "minutes") ||
			ms_word_is(u, len, "min") || ms_word_is(u, len, "mins") || ms_word_is(u, len, "m"))
			t->usecs += n * USECS_PER_MINUTE;
		else if (ms_word_is(u, len, "hour") || ms_word_is(u, len, "hours") ||
				 ms_word_is(u, len, "hr") || ms_word_is(u, len, "hrs") || ms_word_is(u, len, "h"))
			t->usecs += n * USECS_PER_HOUR;
		else if (ms_word_is(u, len, "day") || ms_word_is(u, len, "days") || ms_word_is(u, len, "d") ||
				 ms_word_is(u, len, "week") || ms_word_is(u, len, "weeks") || ms_word_is(u, len, "w"))
		{
			/*
			 * A week is 7 business days, as sla_deadline reads an interval's
			 * '1 week' (PostgreSQL stores it as 7 days).
			 */
			if (u[0] == 'w' || u[0] == 'W')
				n *= 7;
			if (t->days + n > MAX_TARGET_DAYS)
				return policy_error(ps, at, "target amount is out of range.");
			t->days += (int32) n;
		}
		else if (ms_word_is(u, len, "month") || ms_word_is(u, len, "months") ||
				 ms_word_is(u, len, "year") || ms_word_is(u, len, "years"))
			return policy_error(ps, u, "\"%.*s\" has no fixed length in business time: give the target in business days, hours or minutes.",
								len, u);
		else
			return policy_error(ps, u, "unknown unit \"%.*s\": expected minutes, hours or days.",
								Min(len, 20), u);
		any = true;
		if (!target_in_range(t))
			return policy_error(ps, at, "target amount is out of range.");
	}
}

static bool
parse_policy(PolicyParser *ps, SlaPolicy *pol)
{
	pskip(ps);
	if (*ps->p == '\0')
		return policy_error(ps, ps->p, "the value is empty: expected targets such as \"SEV1 respond 15 minutes resolve 4 hours\".");
	for (;;)
	{
		const char *sev_at;
		const char *sev_end;
		const char *detail;
		int			level;
		int			kinds_seen = 0;

		pskip(ps);
		sev_at = ps->p;
		/* the severity is everything before the first respond/resolve */
		for (;;)
		{
			int			len;

			while (*ps->p && !isalpha((unsigned char) *ps->p) && *ps->p != ';')
				ps->p++;
			if (*ps->p == '\0' || *ps->p == ';')
				return policy_error(ps, ps->p, "expected \"respond\" or \"resolve\" and a target after the severity.");
			len = ms_alpha_len(ps->p);
			if (kind_word(ps->p, len) >= 0)
				break;
			ps->p += len;
		}
		sev_end = ps->p;
		while (sev_end > sev_at && isspace((unsigned char) sev_end[-1]))
			sev_end--;
		level = severity_parse(sev_at, sev_end - sev_at, &detail);
		if (level < 0)
			return policy_error(ps, sev_at, "unknown severity \"%.*s\": %s",
								(int) Min(sev_end - sev_at, 30), sev_at, severity_accepted_hint());
		if (pol->present[level] != 0)
			return policy_error(ps, sev_at, "SEV%d appears twice.", level);

		while (*ps->p && *ps->p != ';')
		{
			const char *kw = ps->p;
			int			len = ms_alpha_len(kw);
			int			kind = kind_word(kw, len);

			if (kind < 0)
				return policy_error(ps, kw, "expected \"respond\", \"resolve\", \";\" or the end.");
			if (kinds_seen & (1 << kind))
				return policy_error(ps, kw, "two %s targets for SEV%d.", kind_words[kind], level);
			kinds_seen |= 1 << kind;
			ps->p += len;
			if (!parse_amounts(ps, &pol->target[level][kind]))
				return false;
			pskip(ps);
		}
		pol->present[level] = (uint8) kinds_seen;
		if (*ps->p == '\0')
			return true;
		ps->p++;				/* ';' */
		pskip(ps);
		if (*ps->p == '\0')
			return true;		/* a trailing ';' is harmless */
	}
}

static SlaPolicy *
policy_new(void)
{
	SlaPolicy  *pol = palloc0(sizeof(SlaPolicy));

	SET_VARSIZE(pol, sizeof(SlaPolicy));
	pol->version = SLA_POLICY_VERSION;
	return pol;
}

Datum
sla_policy_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	SlaPolicy  *pol = policy_new();
	PolicyParser ps;

	ps.str = str;
	ps.p = str;
	ps.escontext = fcinfo->context;
	if (!parse_policy(&ps, pol))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(pol);
}

static void
append_amount(StringInfo buf, const SlaTarget *t)
{
	int64		hours = t->usecs / USECS_PER_HOUR;
	int64		minutes = (t->usecs % USECS_PER_HOUR) / USECS_PER_MINUTE;
	bool		any = false;

	if (t->days == WIN_NEXT_BUSINESS_DAY)
	{
		appendStringInfoString(buf, " next business day");
		return;
	}
	if (t->days > 0)
	{
		appendStringInfo(buf, " %d day%s", t->days, t->days == 1 ? "" : "s");
		any = true;
	}
	if (hours > 0)
	{
		appendStringInfo(buf, " %lld hour%s", (long long) hours, hours == 1 ? "" : "s");
		any = true;
	}
	if (minutes > 0 || !any)
		appendStringInfo(buf, " %lld minute%s", (long long) minutes, minutes == 1 ? "" : "s");
}

Datum
sla_policy_out(PG_FUNCTION_ARGS)
{
	SlaPolicy  *pol = PG_GETARG_SLA_POLICY_P(0);
	StringInfoData buf;
	bool		first = true;

	initStringInfo(&buf);
	for (int s = 0; s < SEVERITY_LEVELS; s++)
	{
		if (pol->present[s] == 0)
			continue;
		appendStringInfo(&buf, "%sSEV%d", first ? "" : "; ", s);
		first = false;
		for (int k = 0; k < SLA_KINDS; k++)
		{
			if (!(pol->present[s] & (1 << k)))
				continue;
			appendStringInfo(&buf, " %s", kind_words[k]);
			append_amount(&buf, &pol->target[s][k]);
		}
	}
	PG_RETURN_CSTRING(buf.data);
}

Datum
sla_policy_send(PG_FUNCTION_ARGS)
{
	SlaPolicy  *pol = PG_GETARG_SLA_POLICY_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SLA_POLICY_VERSION);
	for (int s = 0; s < SEVERITY_LEVELS; s++)
	{
		pq_sendbyte(&buf, pol->present[s]);
		for (int k = 0; k < SLA_KINDS; k++)
		{
			if (!(pol->present[s] & (1 << k)))
				continue;
			pq_sendint32(&buf, pol->target[s][k].days);
			pq_sendint64(&buf, pol->target[s][k].usecs);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
sla_policy_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SlaPolicy  *pol = policy_new();
	int			version = pq_getmsgbyte(buf);

	if (version != SLA_POLICY_VERSION)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary sla_policy"),
				errdetail("Unsupported version %d.", version));
	for (int s = 0; s < SEVERITY_LEVELS; s++)
	{
		int			present = pq_getmsgbyte(buf);

		if (present & ~3)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("invalid binary sla_policy"),
					errdetail("Bad target flags %d.", present));
		pol->present[s] = (uint8) present;
		for (int k = 0; k < SLA_KINDS; k++)
		{
			if (!(present & (1 << k)))
				continue;
			pol->target[s][k].days = pq_getmsgint(buf, 4);
			pol->target[s][k].usecs = pq_getmsgint64(buf);
			if (!target_in_range(&pol->target[s][k]))
				ereport(ERROR,
						errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("invalid binary sla_policy"),
						errdetail("Target out of range."));
		}
	}
	pq_getmsgend(buf);
	/* the text input takes no empty policy, so neither does this */
	if (!policy_has_targets(pol))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary sla_policy"),
				errdetail("The policy has no targets."));
	PG_RETURN_POINTER(pol);
}

Datum
sla_policy_eq(PG_FUNCTION_ARGS)
{
	SlaPolicy  *a = PG_GETARG_SLA_POLICY_P(0);
	SlaPolicy  *b = PG_GETARG_SLA_POLICY_P(1);

	PG_RETURN_BOOL(memcmp(a, b, sizeof(SlaPolicy)) == 0);
}

Datum
sla_policy_hash(PG_FUNCTION_ARGS)
{
	SlaPolicy  *a = PG_GETARG_SLA_POLICY_P(0);

	return hash_any((unsigned char *) a + VARHDRSZ, sizeof(SlaPolicy) - VARHDRSZ);
}

Datum
sla_target(PG_FUNCTION_ARGS)
{
	SlaPolicy  *pol = PG_GETARG_SLA_POLICY_P(0);
	Severity	sev = PG_GETARG_SEVERITY(1);
	text	   *kt = PG_GETARG_TEXT_PP(2);
	char	   *kind_str = text_to_cstring(kt);
	int			kind = kind_word(kind_str, strlen(kind_str));
	Interval   *r;

	if (kind < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown SLA target kind \"%s\"", kind_str),
				errhint("Use 'response' or 'resolution'."));
	if (!(pol->present[sev] & (1 << kind)))
		PG_RETURN_NULL();
	r = palloc(sizeof(Interval));
	r->month = 0;
	r->day = pol->target[sev][kind].days;
	r->time = pol->target[sev][kind].usecs;
	PG_RETURN_INTERVAL_P(r);
}

/* ---------------------------------------------------------------------
 * per-ticket status
 * --------------------------------------------------------------------- */

/*
 * Pauses come as a tstzmultirange (the functions with pauses) or as an array
 * of sorted, disjoint ranges (a clock's, src/clock.c): both stop the clock.
 */
static int64
pauses_within(WinSched *ws, const SlaPauses *p, TimestampTz a, TimestampTz b)
{
	int64		total = 0;

	for (int i = 0; i < p->n; i++)
	{
		TimestampTz lo = p->iv[2 * i];
		TimestampTz hi = p->iv[2 * i + 1];

		if (hi <= a)
			continue;
		if (lo >= b)
			break;
		total += win_elapsed(ws, Max(lo, a), Min(hi, b));
	}
	return total;
}

/* open, unpaused time in [a, b), a <= b */
static int64
paused_elapsed_p(WinSched *ws, const SlaPauses *p, TimestampTz a, TimestampTz b)
{
	if (p->mr)
		return win_elapsed_paused(ws, p->mr, a, b);
	return win_elapsed(ws, a, b) - pauses_within(ws, p, a, b);
}

/*
 * win_deadline_paused over an array: business days stepped as without
 * pauses, then the open time paused within them and the hours counted on
 * the unpaused clock.
 */
static TimestampTz
deadline_ivals(WinSched *ws, const SlaPauses *p, TimestampTz a, int32 days, int64 usecs)
{
	int64		rem = Min(usecs, WIN_MAX_TS - WIN_MIN_TS + 1);
	TimestampTz cur = win_deadline_parts(ws, a, days, 0);

	if (TIMESTAMP_NOT_FINITE(cur))
		return cur;
	rem += pauses_within(ws, p, a, cur);
	for (int i = 0; i < p->n; i++)
	{
		TimestampTz lo = p->iv[2 * i];
		TimestampTz hi = p->iv[2 * i + 1];
		int64		run;

		CHECK_FOR_INTERRUPTS();
		if (hi <= cur)
			continue;
		lo = Max(lo, cur);
		if (rem == 0)
			return cur;
		if (lo > WIN_MAX_TS)
			break;
		run = win_elapsed(ws, cur, lo);
		if (rem <= run)
			return win_advance(ws, cur, rem);
		rem -= run;
		if (TIMESTAMP_IS_NOEND(hi))
			return DT_NOEND;
		win_check_ts(hi);
		cur = hi;
	}
	return win_advance(ws, cur, rem);
}

/* business time on the ticket's clock: pauses (if any) stop it */
static int64
clock_elapsed(WinSched *ws, const SlaPauses *paused, TimestampTz a, TimestampTz b)
{
	if (paused)
		return (b >= a) ? paused_elapsed_p(ws, paused, a, b)
			: -paused_elapsed_p(ws, paused, b, a);
	return win_elapsed(ws, a, b);
}

static TimestampTz
clock_deadline(WinSched *ws, const SlaPauses *paused, TimestampTz a, int32 days, int64 usecs)
{
	if (paused && paused->mr)
		return win_deadline_paused(ws, paused->mr, a, days, usecs);
	if (paused)
		return deadline_ivals(ws, paused, a, days, usecs);
	return win_deadline_parts(ws, a, days, usecs);
}

TimestampTz
sla_deadline_p(WinSched *ws, const SlaPauses *paused, TimestampTz a, const Interval *target)
{
	int32		days;
	int64		usecs;

	win_check_ts(a);
	sla_target_parts(target, &days, &usecs);
	return clock_deadline(ws, paused, a, days, usecs);
}

int64
sla_elapsed_p(WinSched *ws, const SlaPauses *paused, TimestampTz a, TimestampTz b)
{
	win_check_ts(a);
	win_check_ts(b);
	return clock_elapsed(ws, paused, a, b);
}

SlaOutcome
sla_classify(WinSched *ws, void *paused, TimestampTz start, bool done_null,
			 TimestampTz done, const Interval *target, TimestampTz as_of,
			 int64 *elapsed, bool *open_at_as_of)
{
	SlaPauses	p = {paused, NULL, 0};

	return sla_classify_p(ws, paused ? &p : NULL, start, done_null, done, target,
						  as_of, elapsed, open_at_as_of);
}

SlaOutcome
sla_classify_p(WinSched *ws, const SlaPauses *paused, TimestampTz start, bool done_null,
			   TimestampTz done, const Interval *target, TimestampTz as_of,
			   int64 *elapsed, bool *open_at_as_of)
{
	int32		days;
	int64		usecs;
	TimestampTz end;
	int64		e;

	win_check_ts(start);
	if (start > as_of)
		return SLA_NOT_OPENED;

	/*
	 * as_of is a snapshot: a ticket resolved after it was open then, and is
	 * judged by the clock at as_of, so month-end reports can be rerun later.
	 */
	if (!done_null && done > as_of)
		done_null = true;
	if (open_at_as_of)
		*open_at_as_of = done_null;
	end = done_null ? as_of : done;
	sla_target_parts(target, &days, &usecs);
	win_check_ts(end);
	e = clock_elapsed(ws, paused, start, end);
	if (elapsed)
		*elapsed = e;

	if (days == 0)
	{
		/*
		 * The deadline D is where the clock reaches the target, so "no open
		 * time between D and done" is "elapsed(start, done) <= target": one
		 * business-time computation, no deadline needed.
		 */
		if (e <= usecs)
			return done_null ? SLA_PENDING : SLA_MET;
		return SLA_BREACHED;
	}
	else
	{
		TimestampTz d = clock_deadline(ws, paused, start, days, usecs);

		/* after D, the first open instant is where the clock resumes */
		if (end <= d || clock_elapsed(ws, paused, d, end) <= 0)
			return done_null ? SLA_PENDING : SLA_MET;
		return SLA_BREACHED;
	}
}

PG_FUNCTION_INFO_V1(sla_status_paused);

static const char *const outcome_names[] = {"met", "breached", "pending"};

static Datum
status_common(FunctionCallInfo fcinfo, TimestampTz as_of, void *paused)
{
	WinSched   *ws;
	SlaOutcome	o;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	ws = win_sched_cached(fcinfo, 0);
	o = sla_classify(ws, paused, PG_GETARG_TIMESTAMPTZ(1), PG_ARGISNULL(2),
					 PG_ARGISNULL(2) ? 0 : PG_GETARG_TIMESTAMPTZ(2),
					 PG_GETARG_INTERVAL_P(3), as_of, NULL, NULL);
	/* a ticket opened after as_of has no status as of then */
	if (o == SLA_NOT_OPENED)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(outcome_names[o]));
}

Datum
sla_status(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(4))
		PG_RETURN_NULL();
	return status_common(fcinfo, PG_GETARG_TIMESTAMPTZ(4), NULL);
}

Datum
sla_status_now(PG_FUNCTION_ARGS)
{
	return status_common(fcinfo, GetCurrentTransactionStartTimestamp(), NULL);
}

/* with the clock stopped during the sixth argument's ranges (NULL: none) */
Datum
sla_status_paused(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(4))
		PG_RETURN_NULL();
	return status_common(fcinfo, PG_GETARG_TIMESTAMPTZ(4),
						 PG_ARGISNULL(5) ? NULL : PG_GETARG_MULTIRANGE_P(5));
}

/*
 * Business time left on the ticket's clock until the deadline as of as_of;
 * negative once it has passed.  For a target in hours that is the target
 * less the clock so far, which stays finite when a pause never ends; a
 * target in business days whose deadline never comes (the clock stopped for
 * good) has none: *none is set.
 */
int64
sla_remaining_p(WinSched *ws, const SlaPauses *paused, TimestampTz start,
				const Interval *target, TimestampTz as_of, bool *none,
				int64 *whole)
{
	int32		days;
	int64		usecs;
	int64		used;
	int64		r;
	TimestampTz d;

	*none = false;
	win_check_ts(start);
	win_check_ts(as_of);
	sla_target_parts(target, &days, &usecs);
	if (days == 0)
	{
		used = clock_elapsed(ws, paused, start, as_of);
		if (pg_sub_s64_overflow(usecs, used, &r))
			ereport(ERROR,
					errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					errmsg("remaining time out of range"));
		if (whole)
			*whole = usecs;
		return r;
	}
	d = clock_deadline(ws, paused, start, days, usecs);
	if (TIMESTAMP_NOT_FINITE(d))
	{
		*none = true;
		return 0;
	}
	/* the target's length in business time, for sla_percent_used */
	if (whole)
		*whole = clock_elapsed(ws, paused, start, d);
	return clock_elapsed(ws, paused, as_of, d);
}

static Datum
remaining_common(FunctionCallInfo fcinfo, void *paused)
{
	SlaPauses	p = {paused, NULL, 0};
	WinSched   *ws;
	bool		none;
	int64		r;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	ws = win_sched_cached(fcinfo, 0);
	r = sla_remaining_p(ws, paused ? &p : NULL, PG_GETARG_TIMESTAMPTZ(1), PG_GETARG_INTERVAL_P(2),
						PG_GETARG_TIMESTAMPTZ(3), &none, NULL);
	if (none)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(ms_interval_usecs(r));
}

Datum
sla_remaining(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, NULL);
}

/*
 * How much of the target's business time is used as of as_of, in percent:
 * 75 is three quarters, over 100 once breached (ServiceNow and Znuny warn at
 * 50 and 75).  NULL before the ticket opened, for a zero target, and when a
 * business-day target's deadline never comes.
 */
static Datum
percent_used_common(FunctionCallInfo fcinfo, void *paused)
{
	SlaPauses	p = {paused, NULL, 0};
	WinSched   *ws;
	TimestampTz start,
				as_of;
	bool		none;
	int64		left,
				whole;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	ws = win_sched_cached(fcinfo, 0);
	start = PG_GETARG_TIMESTAMPTZ(1);
	as_of = PG_GETARG_TIMESTAMPTZ(3);
	if (as_of < start)
		PG_RETURN_NULL();
	/* used = whole - left: one business-time computation for hour targets */
	left = sla_remaining_p(ws, paused ? &p : NULL, start, PG_GETARG_INTERVAL_P(2), as_of, &none, &whole);
	if (none || whole <= 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * ((double) whole - (double) left) / (double) whole);
}

Datum
sla_percent_used(PG_FUNCTION_ARGS)
{
	return percent_used_common(fcinfo, NULL);
}

PG_FUNCTION_INFO_V1(sla_remaining_paused);
PG_FUNCTION_INFO_V1(sla_percent_used_paused);

/* with the clock stopped during the fifth argument's ranges (NULL: none) */
Datum
sla_remaining_paused(PG_FUNCTION_ARGS)
{
	return remaining_common(fcinfo, PG_ARGISNULL(4) ? NULL : PG_GETARG_MULTIRANGE_P(4));
}

Datum
sla_percent_used_paused(PG_FUNCTION_ARGS)
{
	return percent_used_common(fcinfo, PG_ARGISNULL(4) ? NULL : PG_GETARG_MULTIRANGE_P(4));
}
