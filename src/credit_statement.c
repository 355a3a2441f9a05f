/*
 * credit_statement.c
 *		The monthly credit statement (DESIGN 5b) as three aggregates, in the
 *		order a contract's credit clause computes it:
 *
 *	credit_line(schedule, attainment, misses, met, month)
 *		OVER (PARTITION BY contract, sla ORDER BY month
 *			  ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
 *		each service level's month: its share (band + per miss, chronic, its
 *		own cap or chronic cap, as sla_credit, with the streak and the misses
 *		among the last N counted from met as miss_streak counts them),
 *		whether it is chronic, whether its own cap cut it, the share earn-back
 *		forgave and the month whose result confirmed it.  A moving aggregate:
 *		the frame reaches forward, every row is added once and dropped once
 *		(the inverse function), so any N of "earn back after N" works at no
 *		extra cost.
 *
 *	credit_period(schedule, credit_line) ... GROUP BY contract, month
 *		the service levels of the month together: the period cap in force
 *		(one number per contract: schedules that state different ones are
 *		22023), the chronic period cap while any service level is chronic,
 *		the capped share, with and without the forgiveness.
 *
 *	credit_statement(credit_period, fee [, annual_fees])
 *		OVER (PARTITION BY contract, contract_year ORDER BY month)
 *		the annual cap over the contract year, the money owed (rounded
 *		half-up to cents once, on the month's amount), the year to date, the
 *		money forgiven and every cap that cut the amount.
 *
 * Every state is a bytea (a concrete type whose text form round-trips
 * exactly) holding a flat struct; the functions that read one check it, since
 * they can be called with any bytea.  credit_line and credit_statement depend
 * on the order of their rows and have no combine function; credit_period
 * combines.
 */
#include "credit.h"
#include "numeric_fast.h"

#include <ctype.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "nodes/execnodes.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(credit_line_step);
PG_FUNCTION_INFO_V1(credit_line_inverse);
PG_FUNCTION_INFO_V1(credit_line_final);
PG_FUNCTION_INFO_V1(credit_period_step);
PG_FUNCTION_INFO_V1(credit_period_combine);
PG_FUNCTION_INFO_V1(credit_period_final);
PG_FUNCTION_INFO_V1(credit_statement_step);
PG_FUNCTION_INFO_V1(credit_statement_final);

#define ST_VERSION 1
#define LINE_MAGIC 0x4c4e		/* "LN" */
#define PERIOD_MAGIC 0x5052		/* "PR" */
#define STMT_MAGIC	0x5354		/* "ST" */

#define Q16_ONE		INT64CONST(10000000000000000)	/* a whole share in 10^-16 */

/* ---------------------------------------------------------------------
 * shared helpers
 * --------------------------------------------------------------------- */

static void
bad_state(const char *type)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("invalid %s state", type),
			errdetail("The state of an aggregate is made by its own transition function."));
}

/* the aggregate's memory context, or an error outside an aggregate */
static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s called outside an aggregate", fn));
	return cxt;
}

/*
 * A window aggregate that reads its frame a certain way: credit_line reports
 * the first row of a frame that starts at the current row, credit_statement
 * the last of a running frame.  Anything else would give figures of the
 * wrong row, so it is an error.
 */
static void
check_frame(FunctionCallInfo fcinfo, const char *fn, int need, const char *frame)
{
	WindowAggState *w;

	if (AggCheckCallContext(fcinfo, NULL) != AGG_CONTEXT_WINDOW)
		ereport(ERROR,
				errcode(ERRCODE_WINDOWING_ERROR),
				errmsg("%s is a window aggregate", fn),
				errhint("Call it as %s(...) OVER (PARTITION BY ... ORDER BY month%s).", fn, frame));
	w = (WindowAggState *) fcinfo->context;
	if ((w->frameOptions & need) != need ||
		(w->frameOptions & FRAMEOPTION_EXCLUSION) != 0 ||
		((WindowAgg *) w->ss.ps.plan)->ordNumCols == 0)
		ereport(ERROR,
				errcode(ERRCODE_WINDOWING_ERROR),
				errmsg("%s needs a window ordered by month, %s%s", fn,
					   *frame ? "with the frame" : "whose frame runs to the current row (the default frame)",
					   frame),
				errhint("Call it as %s(...) OVER (PARTITION BY ... ORDER BY month%s).", fn, frame));
}

/* a composite result type's descriptor, blessed once per call site */
static TupleDesc
result_desc(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		TupleDesc	td;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		td = CreateTupleDescCopy(td);
		BlessTupleDesc(td);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = td;
	}
	return (TupleDesc) fcinfo->flinfo->fn_extra;
}

/* whether a row type's last two fields are int4 */
static bool
ends_with_two_int4(TupleDesc td)
{
	return td->natts >= 2 &&
		TupleDescAttr(td, td->natts - 1)->atttypid == INT4OID &&
		!TupleDescAttr(td, td->natts - 1)->attisdropped &&
		TupleDescAttr(td, td->natts - 2)->atttypid == INT4OID &&
		!TupleDescAttr(td, td->natts - 2)->attisdropped;
}

/*
 * The fields of a composite argument.  The row type's descriptor comes from
 * the type cache, whose entries live as long as the backend: the entry is
 * kept and its descriptor used while its identifier is unchanged (as the
 * executor's field selection does), so a row costs no cache look-up and no
 * reference count.
 */
static void
deform_row(HeapTupleHeader th, int natts, Datum *values, bool *nulls, bool *counts_last)
{
	static TypeCacheEntry *tce[2];
	static uint64 tce_id[2];
	Oid			typid = HeapTupleHeaderGetTypeId(th);
	TypeCacheEntry *t = NULL;
	TupleDesc	td;
	HeapTupleData tup;

	for (int i = 0; i < (int) lengthof(tce); i++)
		if (tce[i] != NULL && tce[i]->type_id == typid && tce[i]->tupDesc != NULL &&
			tce[i]->tupDesc_identifier == tce_id[i])
			t = tce[i];
	if (t == NULL && typid != RECORDOID)
	{
		int			i = natts == 7 ? 0 : 1;	/* credit_line's slot, credit_period's */

		t = lookup_type_cache(typid, TYPECACHE_TUPDESC);
		if (t->tupDesc == NULL)
			elog(ERROR, "type %u is not composite", typid);
		tce[i] = t;
		tce_id[i] = t->tupDesc_identifier;
	}
	td = t != NULL ? t->tupDesc : lookup_rowtype_tupdesc(typid, HeapTupleHeaderGetTypMod(th));
	if (td->natts != natts)
		elog(ERROR, "a row of %d fields where %d are expected", td->natts, natts);
	tup.t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&tup.t_self);
	tup.t_tableOid = InvalidOid;
	tup.t_data = th;
	heap_deform_tuple(&tup, td, values, nulls);
	if (counts_last != NULL)
		*counts_last = ends_with_two_int4(td);
	if (t == NULL)
		ReleaseTupleDesc(td);
}

static void
deform_arg(FunctionCallInfo fcinfo, int argno, int natts, Datum *values, bool *nulls)
{
	deform_row(PG_GETARG_HEAPTUPLEHEADER(argno), natts, values, nulls, NULL);
}

/* v x 10^-scale, of display scale scale */
static Numeric
num(int64 v, int scale)
{
	return ms_numeric_make(v, scale, false);
}

/* a share in millionths, without trailing zeros (as credit_period_cap prints it) */
static Numeric
share_m(int64 v)
{
	return ms_numeric_make(v, 6, true);
}

/* v x 10^-scale without the fraction's trailing zeros, as sla_credit prints its shares */
static Numeric
numeric_q(int128 v, int scale)
{
	return ms_numeric_make(v, scale, true);
}

/* 10^e, 0 <= e <= 18 */
static int64
pow10i(int e)
{
	int64		r = 1;

	while (e-- > 0)
		r *= 10;
	return r;
}

static int
ncmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
nmul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

static char *
nout(Numeric a)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a)));
}

/*
 * n x 10^scale as a whole number within [0, max]; what names it in the error.
 * The caller has checked that n is finite.
 */
static int64
scaled_whole(Numeric n, int scale, int64 max, const char *what, const char *detail)
{
	Numeric		m = nmul(n, num(pow10i(scale), 0));
	Numeric		f = DatumGetNumeric(DirectFunctionCall1(numeric_floor, NumericGetDatum(m)));

	if (ncmp(f, m) != 0 || ncmp(m, num(0, 0)) < 0 || ncmp(m, num(max, 0)) > 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s %s is out of range", what, nout(n)),
				errdetail("%s", detail));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(m)));
}

/* a share in millionths as "12.5%" */
static void
fmt_pct(char *buf, size_t len, int64 v)
{
	char		frac[8];
	int			n;

	snprintf(frac, sizeof(frac), "%04d", (int) (v % 10000));
	for (n = 4; n > 0 && frac[n - 1] == '0'; n--)
		frac[n - 1] = '\0';
	snprintf(buf, len, "%d%s%s%%", (int) (v / 10000), n > 0 ? "." : "", frac);
}

/* one number per contract: a stated value (not CS_NONE) votes */
static void
vote_slow(int64 *have, int64 v, const char *what)
{
	if (*have == CS_NONE)
	{
		*have = v;
		return;
	}
	{
		char		a[32];
		char		b[32];

		fmt_pct(a, sizeof(a), Min(*have, v));
		fmt_pct(b, sizeof(b), Max(*have, v));
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("the schedules of one contract state different %ss: %s and %s", what, a, b),
				errdetail("A contract has one %s; a statement takes neither the smaller nor the larger.", what),
				errhint("Give every schedule of the contract the same %s, or leave it out of all but one.", what));
	}
}

static inline void
vote(int64 *have, int64 v, const char *what)
{
	if (v != CS_NONE && *have != v)
		vote_slow(have, v, what);
}

static const char *const base_names[] = {"fees", "contracted fees", "fees to date"};

static void
vote_base(int32 *have, int32 v)
{
	if (v < 0 || *have == v)
		return;
	if (*have < 0)
	{
		*have = v;
		return;
	}
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("the schedules of one contract state different annual cap bases: %s and %s",
				   base_names[Min(*have, v)], base_names[Max(*have, v)]),
			errdetail("A contract has one annual cap, a share of one base: its fees, its contracted fees or its fees to date."));
}

/* int128 <-> two int64 words (a state is only 8-aligned) */
static void
put128(int64 *words, int128 v)
{
	memcpy(words, &v, sizeof(int128));
}

static int128
get128(const int64 *words)
{
	int128		v;

	memcpy(&v, words, sizeof(int128));
	return v;
}

/* ---------------------------------------------------------------------
 * credit_line: each service level's month, earn-back looking forward
 * --------------------------------------------------------------------- */

#define LE_NULL		0x01		/* an argument other than the attainment was NULL */
#define LE_CHRONIC	0x02
#define LE_CAPPED	0x04
#define LE_PENDING	0x08		/* earn-back not decided yet */
#define LE_FORGIVEN 0x10
#define LE_ABOVE	0x20		/* lower is better: met when not above target */
#define LE_MISSED	0x40		/* met is false */
#define LE_ALL		0x7f

typedef struct LineEntry
{
	int64		q16;			/* the share, 10^-16 */
	int64		target;			/* the earn-back target x 10^6 */
	int64		eb_share;		/* the share of the credit forgiven, millionths */
	int32		month;			/* DateADT */
	int32		confirmed;		/* DateADT: the month that confirmed it */
	int32		need;			/* met months still needed while pending */
	int32		flags;
	int32		streak;			/* consecutive misses ending here */
	int32		recent;			/* misses among the last N, this one included */
} LineEntry;

typedef struct LineState
{
	int32		vl_len_;
	uint16		magic;
	uint16		version;
	int32		head;			/* the frame's first row: the current one */
	int32		count;			/* rows added */
	int32		capacity;
	int32		first_pending;	/* no row before it is pending */
	int32		streak;			/* consecutive misses ending at the last row added */
	int32		recent_n;		/* the N of the last row's schedule; -1: none yet */
	LineEntry	e[FLEXIBLE_ARRAY_MEMBER];
} LineState;

#define LINE_SIZE(cap)	(offsetof(LineState, e) + (Size) (cap) * sizeof(LineEntry))
#define LINE_MAX_ROWS	(MaxAllocSize / sizeof(LineEntry) / 2)

static LineState *
line_state(bytea *b)
{
	LineState  *st = (LineState *) b;

	if (VARSIZE(b) < offsetof(LineState, e) || st->magic != LINE_MAGIC || st->version != ST_VERSION ||
		st->capacity < 0 || st->capacity > (int32) LINE_MAX_ROWS ||
		VARSIZE(b) != LINE_SIZE(st->capacity) ||
		st->count < 0 || st->count > st->capacity || st->head < 0 || st->head > st->count ||
		st->first_pending < st->head || st->first_pending > st->count ||
		st->streak < 0 || st->recent_n < -1 || st->recent_n > CS_MAX_COUNT)
		bad_state("credit_line");
	return st;
}

/* room for one more row, in the aggregate's context */
static LineState *
line_grow(LineState *st, MemoryContext cxt)
{
	int32		cap;

	if (st == NULL)
	{
		cap = 16;
		st = MemoryContextAllocZero(cxt, LINE_SIZE(cap));
		st->magic = LINE_MAGIC;
		st->version = ST_VERSION;
		st->recent_n = -1;
	}
	else if (st->count == st->capacity)
	{
		LineState  *bigger;

		if (st->capacity >= (int32) LINE_MAX_ROWS / 2)
			ereport(ERROR,
					errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("credit_line: too many months in one partition"));

		/*
		 * A new value, not repalloc: the executor frees the old one itself
		 * when a transition function returns another pointer.
		 */
		cap = st->capacity * 2;
		bigger = MemoryContextAlloc(cxt, LINE_SIZE(cap));
		memcpy(bigger, st, LINE_SIZE(st->capacity));
		st = bigger;
	}
	else
		return st;
	st->capacity = cap;
	SET_VARSIZE(st, LINE_SIZE(cap));
	return st;
}

/*
 * A target (x 10^6) as a numeric, from a small cache that lives as long as
 * the backend: the pending rows of a partition have a few targets, and
 * comparing numerics keeps earn-back exact without scaling every attainment.
 */
#define TARGET_CACHE 8

static Numeric
target_numeric(int64 t)
{
	static int64 keys[TARGET_CACHE];
	static Numeric vals[TARGET_CACHE];
	static int	next;
	MemoryContext old;

	for (int i = 0; i < TARGET_CACHE; i++)
		if (vals[i] != NULL && keys[i] == t)
			return vals[i];
	if (vals[next] != NULL)
		pfree(vals[next]);
	old = MemoryContextSwitchTo(TopMemoryContext);
	vals[next] = num(t, 6);
	MemoryContextSwitchTo(old);
	keys[next] = t;
	next = (next + 1) % TARGET_CACHE;
	return vals[(next + TARGET_CACHE - 1) % TARGET_CACHE];
}

/*
 * The rows still waiting for their earn-back read this month's result.  The
 * attainment is read once, and only when a row waits: as a whole number of
 * millionths when it has at most 6 decimals (targets are in millionths, so
 * the comparison is exact in integers), else as a numeric.
 */
static void
line_judge(LineState *st, bool met_known, Datum att, int32 month)
{
	Numeric		a = NULL;
	int128		a6 = 0;
	bool		read = false;
	bool		fixed = false;

	for (int i = st->first_pending; i < st->count; i++)
	{
		LineEntry  *e = &st->e[i];
		bool		met = false;

		if (!(e->flags & LE_PENDING))
			continue;
		if (met_known)
		{
			int			c;

			if (!read)
			{
				fixed = ms_numeric_fixed(att, 6, CS_PLAIN_MAX, &a6);
				if (!fixed)
					a = DatumGetNumeric(att);
				read = true;
			}
			c = fixed ? (a6 > e->target) - (a6 < e->target) : ncmp(a, target_numeric(e->target));
			met = (e->flags & LE_ABOVE) ? c <= 0 : c >= 0;
		}
		if (!met)
			e->flags &= ~LE_PENDING;	/* a month missed (or without data) */
		else if (--e->need == 0)
		{
			e->flags = (e->flags & ~LE_PENDING) | LE_FORGIVEN;
			e->confirmed = month;
		}
	}
	while (st->first_pending < st->count && !(st->e[st->first_pending].flags & LE_PENDING))
		st->first_pending++;
}

/* the misses among the last n rows added, the new one (missed or not) included */
static int32
line_recent(const LineState *st, int32 n, bool missed)
{
	int32		r = missed ? 1 : 0;

	for (int i = st->count - 1; i >= 0 && i > st->count - n; i--)
		if (st->e[i].flags & LE_MISSED)
			r++;
	return r;
}

/* a row's own figures: share, chronic, own cap, and earn-back if it applies */
static void
line_entry(LineEntry *e, const CreditLineCalc *calc)
{
	const CreditSchedule *cs = calc->cs;
	const CreditTerms2 *t2 = credit_terms2(cs);

	e->q16 = calc->q16;
	e->flags |= (calc->chronic ? LE_CHRONIC : 0) | (calc->capped ? LE_CAPPED : 0);
	if (calc->q16 > 0 && cs->earn_back > 0 && !calc->chronic && cs->nbands > 0)
	{
		e->flags |= LE_PENDING | ((cs->flags & CS_ABOVE) ? LE_ABOVE : 0);
		e->need = cs->earn_back;
		e->target = (t2->xflags & CSX_TARGET) ? t2->earn_back_target : cs->band[0].threshold;
		e->eb_share = credit_earn_back_share(cs);
	}
}

/*
 * args: state, schedule, attainment, misses, met, month.  The frame starts
 * at the current row and runs to the partition's end, so the first row's
 * frame adds every row of the partition in order, and later rows only drop
 * the head: the streak and the misses among the last N are counted here as
 * rows are added, as miss_streak and count(*) FILTER (WHERE NOT met) OVER
 * (ROWS N-1 PRECEDING) count them (a NULL met neither breaks nor extends a
 * streak and is no miss), and each earlier row still waiting for its
 * earn-back reads the new row's attainment.
 */
Datum
credit_line_step(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "credit_line_step");
	LineState  *st = PG_ARGISNULL(0) ? NULL : line_state(PG_GETARG_BYTEA_P(0));
	CreditLineCalc calc;
	LineEntry  *e;
	bool		known = false;
	bool		missed = !PG_ARGISNULL(4) && !PG_GETARG_BOOL(4);

	/* the frame is the window's: checked when a frame starts (no state yet) */
	if (st == NULL)
		check_frame(fcinfo, "credit_line",
					FRAMEOPTION_ROWS | FRAMEOPTION_START_CURRENT_ROW | FRAMEOPTION_END_UNBOUNDED_FOLLOWING,
					" ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING");
	if (PG_ARGISNULL(5))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("credit_line: the month is NULL"),
				errdetail("Each row is a month of one service level; the month that confirms an earn-back is reported."));
	st = line_grow(st, cxt);
	if (!PG_ARGISNULL(4))
		st->streak = missed ? st->streak + 1 : 0;
	e = &st->e[st->count];
	memset(e, 0, sizeof(LineEntry));
	e->month = PG_GETARG_DATEADT(5);
	e->streak = st->streak;
	e->flags = missed ? LE_MISSED : 0;
	if (!PG_ARGISNULL(1))
	{
		/*
		 * The misses among the last N of the schedule's "K of N" rules: N of
		 * the last row's schedule, checked against this row's once it is
		 * looked up (one look-up per row; the rows of a partition usually
		 * have one schedule).
		 */
		int32		n = st->recent_n >= 0 ? st->recent_n : credit_recent_n(credit_cached_schedule(fcinfo, 1));

		e->recent = n > 0 ? line_recent(st, n, missed) : Min(e->streak, n);
		known = credit_line_calc(fcinfo, 1, 2, 3, e->streak, e->recent, &calc);
		if (known && credit_recent_n(calc.cs) != n)
		{
			n = credit_recent_n(calc.cs);
			e->recent = n > 0 ? line_recent(st, n, missed) : Min(e->streak, n);
			known = credit_line_calc(fcinfo, 1, 2, 3, e->streak, e->recent, &calc);
		}
		if (known)
			st->recent_n = n;
	}
	line_judge(st, known && !PG_ARGISNULL(2), PG_GETARG_DATUM(2), e->month);
	if (known)
		line_entry(e, &calc);
	else
		e->flags |= LE_NULL;
	st->count++;
	PG_RETURN_BYTEA_P(st);
}

/* the current row leaves the frame: the next one is the head */
Datum
credit_line_inverse(PG_FUNCTION_ARGS)
{
	LineState  *st;

	(void) agg_context(fcinfo, "credit_line_inverse");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = line_state(PG_GETARG_BYTEA_P(0));
	if (st->head < st->count)
		st->head++;
	if (st->first_pending < st->head)
		st->first_pending = st->head;
	PG_RETURN_BYTEA_P(st);
}

/*
 * A share (10^-16) as sla_credit prints it, from a small cache that lives as
 * long as the backend: a statement's lines take a few shares (the bands, the
 * per-miss steps, the caps), and heap_form_tuple copies the value anyway, so
 * a line costs no conversion and no allocation.  One value at a time: the
 * next call may replace it (the zero of zero_numeric stays).
 */
#define SHARE_CACHE 32

static Numeric
share_numeric_cached(int64 q16)
{
	static int64 keys[SHARE_CACHE];
	static Numeric vals[SHARE_CACHE];
	int			i = (int) ((uint64) q16 % 1000003 % SHARE_CACHE);
	MemoryContext old;

	if (vals[i] != NULL && keys[i] == q16)
		return vals[i];
	if (vals[i] != NULL)
		pfree(vals[i]);
	vals[i] = NULL;
	old = MemoryContextSwitchTo(TopMemoryContext);
	vals[i] = credit_share_numeric(q16);
	MemoryContextSwitchTo(old);
	keys[i] = q16;
	return vals[i];
}

static Numeric
zero_numeric(void)
{
	static Numeric zero;

	if (zero == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		zero = num(0, 0);
		MemoryContextSwitchTo(old);
	}
	return zero;
}

/*
 * credit_line's rows, kept per call site (fn_extra, with the row type):
 * forming a row of 7 fields (heap_form_tuple: the size of every field, then
 * every field copied in, each numeric given a short header) costs more than
 * the rest of a call.  The rows of a partition show few shares, and the
 * streak and the misses among the last N, the two int4 fields that close
 * the row, are what varies most: a row is kept by the other figures it
 * shows, and a month with the same ones copies it and writes its own two
 * counts at the row's end, where heap_form_tuple put them (checked when the
 * row is kept).
 */
#define LINE_ROWS_BITS 8
#define LINE_ROWS	(1 << LINE_ROWS_BITS)

typedef struct LineRowKey
{
	int64		q16;
	int64		eb_share;		/* when forgiven, else 0 */
	int32		flags;			/* LE_CHRONIC, LE_CAPPED, LE_FORGIVEN */
	int32		confirmed;		/* when forgiven, else 0 */
} LineRowKey;

typedef struct LineRows
{
	TupleDesc	td;
	bool		counts_last;	/* the row type ends with the two int4 counts */
	LineRowKey	key[LINE_ROWS];
	HeapTupleHeader row[LINE_ROWS]; /* each its own chunk (fn_mcxt); NULL: empty */
} LineRows;

static LineRows *
line_rows(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		LineRows   *lr;
		TupleDesc	td;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		lr = palloc0(sizeof(LineRows));
		lr->td = CreateTupleDescCopy(td);
		BlessTupleDesc(lr->td);
		lr->counts_last = lr->td->natts == 7 && ends_with_two_int4(lr->td);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = lr;
	}
	return (LineRows *) fcinfo->flinfo->fn_extra;
}

static inline int
line_row_slot(const LineRowKey *k)
{
	uint64		h = (uint64) k->q16 * UINT64CONST(0x9E3779B97F4A7C15);

	h ^= (uint64) k->eb_share * UINT64CONST(0xC2B2AE3D27D4EB4F);
	h ^= ((uint64) (uint32) k->flags << 32 | (uint32) k->confirmed) * UINT64CONST(0x165667B19E3779F9);
	return (int) (h >> (64 - LINE_ROWS_BITS));
}

/* the row's two closing int4 fields, at its end */
static inline void
line_row_counts(char *row, Size len, int32 *streak, int32 *recent, bool write)
{
	if (write)
	{
		memcpy(row + len - 2 * sizeof(int32), streak, sizeof(int32));
		memcpy(row + len - sizeof(int32), recent, sizeof(int32));
	}
	else
	{
		memcpy(streak, row + len - 2 * sizeof(int32), sizeof(int32));
		memcpy(recent, row + len - sizeof(int32), sizeof(int32));
	}
}

Datum
credit_line_final(PG_FUNCTION_ARGS)
{
	LineState  *st;
	const LineEntry *e;
	LineRows   *lr;
	LineRowKey	key;
	int			slot;
	HeapTupleHeader th;
	Size		len;
	int32		streak,
				recent;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	Numeric		share;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = line_state(PG_GETARG_BYTEA_P(0));
	if (st->head >= st->count)
		PG_RETURN_NULL();
	e = &st->e[st->head];
	if ((e->flags & ~LE_ALL) || e->q16 < 0 || e->q16 > Q16_ONE || e->streak < 0 || e->recent < 0 ||
		e->eb_share < 0 || e->eb_share > CS_ONE_SHARE)
		bad_state("credit_line");
	if (e->flags & LE_NULL)
		PG_RETURN_NULL();

	/* every figure the row shows but the two counts */
	lr = line_rows(fcinfo);
	key.q16 = e->q16;
	key.eb_share = (e->flags & LE_FORGIVEN) ? e->eb_share : 0;
	key.flags = e->flags & (LE_CHRONIC | LE_CAPPED | LE_FORGIVEN);
	key.confirmed = (e->flags & LE_FORGIVEN) ? e->confirmed : 0;
	slot = line_row_slot(&key);
	streak = e->streak;
	recent = e->recent;
	th = lr->row[slot];
	if (th != NULL && memcmp(&lr->key[slot], &key, sizeof(LineRowKey)) == 0)
	{
		char	   *copy;

		len = HeapTupleHeaderGetDatumLength(th);
		copy = palloc(len);
		memcpy(copy, th, len);
		line_row_counts(copy, len, &streak, &recent, true);
		PG_RETURN_POINTER(copy);
	}

	share = share_numeric_cached(e->q16);
	values[0] = NumericGetDatum(share);
	values[1] = BoolGetDatum((e->flags & LE_CHRONIC) != 0);
	values[2] = BoolGetDatum((e->flags & LE_CAPPED) != 0);
	if (!(e->flags & LE_FORGIVEN))
		values[3] = NumericGetDatum(zero_numeric());
	else if (e->eb_share == CS_ONE_SHARE)
		values[3] = NumericGetDatum(share);
	else
		values[3] = NumericGetDatum(numeric_q((int128) e->q16 * e->eb_share, 22));
	values[4] = DateADTGetDatum(e->confirmed);
	nulls[4] = !(e->flags & LE_FORGIVEN);
	values[5] = Int32GetDatum(e->streak);
	values[6] = Int32GetDatum(e->recent);
	th = DatumGetHeapTupleHeader(HeapTupleGetDatum(heap_form_tuple(lr->td, values, nulls)));
	len = HeapTupleHeaderGetDatumLength(th);
	if (lr->counts_last)
	{
		int32		s2,
					r2;

		line_row_counts((char *) th, len, &s2, &r2, false);
		if (s2 == streak && r2 == recent)
		{
			if (lr->row[slot] != NULL)
				pfree(lr->row[slot]);
			lr->row[slot] = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len);
			memcpy(lr->row[slot], th, len);
			lr->key[slot] = key;
		}
	}
	PG_RETURN_POINTER(th);
}

/* ---------------------------------------------------------------------
 * credit_period: the service levels of a contract's month together
 * --------------------------------------------------------------------- */

#define PS_CHRONIC	0x01
#define PS_CAPPED	0x02		/* a service level's own cap cut its share */
#define PS_CONFIRMED 0x04		/* confirmed holds a month */
#define PS_ALL		0x07

typedef struct PeriodState
{
	int32		vl_len_;
	uint16		magic;
	uint16		version;
	int32		flags;
	int32		confirmed;		/* the latest month that confirmed an earn-back */
	int32		annual_base;	/* CS_ANNUAL_*, -1: no vote */
	int32		reserved;
	int64		lines;
	int64		credits[2];		/* int128, 10^-22 of a share */
	int64		forgiven[2];	/* int128, 10^-22 */
	int64		period_cap;		/* millionths, CS_NONE: no vote */
	int64		chronic_period_cap;
	int64		annual_cap;
} PeriodState;

/* a month of 10^9 service levels at 100% each stays far inside int128 */
#define PERIOD_MAX_LINES INT64CONST(1000000000)

static PeriodState *
period_state(bytea *b)
{
	PeriodState *st = (PeriodState *) b;

	if (VARSIZE(b) != sizeof(PeriodState) || st->magic != PERIOD_MAGIC || st->version != ST_VERSION ||
		(st->flags & ~PS_ALL) || st->annual_base < -1 || st->annual_base > CS_ANNUAL_TO_DATE ||
		st->reserved != 0 || st->lines < 0 || st->lines > PERIOD_MAX_LINES ||
		get128(st->credits) < 0 || get128(st->forgiven) < 0 || get128(st->forgiven) > get128(st->credits) ||
		get128(st->credits) > (int128) st->lines * Q16_ONE * CS_MILLION ||
		(st->period_cap != CS_NONE && (st->period_cap < 0 || st->period_cap > CS_ONE_SHARE)) ||
		(st->chronic_period_cap != CS_NONE && (st->chronic_period_cap < 0 || st->chronic_period_cap > CS_ONE_SHARE)) ||
		(st->annual_cap != CS_NONE && (st->annual_cap < 0 || st->annual_cap > CS_ONE_SHARE)))
		bad_state("credit_period");
	return st;
}

static PeriodState *
period_new(MemoryContext cxt)
{
	PeriodState *st = MemoryContextAllocZero(cxt, sizeof(PeriodState));

	SET_VARSIZE(st, sizeof(PeriodState));
	st->magic = PERIOD_MAGIC;
	st->version = ST_VERSION;
	st->annual_base = -1;
	st->period_cap = st->chronic_period_cap = st->annual_cap = CS_NONE;
	return st;
}

/*
 * Whether a numeric datum is 0, without arithmetic or a copy: a zero has no
 * digits, only the 2-byte header of the short form (NaN and the infinities
 * have the same size and a special header).  The header is read from the
 * datum as it comes, a short varlena header included.
 */
static bool
numeric_zero(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	uint16		h;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v);
	if (VARSIZE_ANY_EXHDR(v) != sizeof(uint16))
		return false;
	memcpy(&h, VARDATA_ANY(v), sizeof(uint16));
	return (h & 0xC000) != 0xC000;
}

/*
 * A credit_line share in 10^-16, as credit_line made it: 0 to 1, at most 16
 * decimals.  Read from its decimal text, which is exact and cheaper than
 * numeric arithmetic on every row.
 */
static int64
share_q16(Numeric share)
{
	char	   *txt = nout(share);
	const char *p = txt;
	int64		q16 = 0;
	int			decimals = -1;
	bool		ok = isdigit((unsigned char) *p);

	for (; ok && *p; p++)
	{
		if (*p == '.' && decimals < 0)
			decimals = 0;
		else if (!isdigit((unsigned char) *p) || decimals >= CS_Q16_SCALE || q16 > Q16_ONE)
			ok = false;
		else
		{
			q16 = q16 * 10 + (*p - '0');
			if (decimals >= 0)
				decimals++;
		}
	}
	for (decimals = Max(decimals, 0); ok && decimals < CS_Q16_SCALE; decimals++)
		q16 *= 10;
	if (!ok || q16 > Q16_ONE)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("credit_line share %s is out of range", txt),
				errdetail("A service level's share is what credit_line gives: 0 to 1, at most 16 decimals."));
	pfree(txt);
	return q16;
}

/*
 * What credit_period takes from a credit_line row.  The last rows read are
 * kept per call site by their bytes: the rows of a month come service level
 * by service level, most of them the same line but for the streak (no
 * credit, or the same band), and comparing a row's bytes costs a fraction
 * of reading its fields.  The two counts that close the row (streak and
 * misses among the last N, int4 both) are not read, so they are left out of
 * the comparison when the row type ends with them.
 */
typedef struct LineSeen
{
	bool		known;			/* the share is not NULL */
	bool		forgiven;		/* a forgiven share other than 0 */
	bool		chronic;
	bool		capped;
	bool		confirmed_set;
	DateADT		confirmed;
	int64		q16;
} LineSeen;

#define SEEN_ROWS	4
#define SEEN_MAX	128			/* bytes of a row kept; a longer one is read each time */

typedef struct SeenRow
{
	uint32		len;			/* 0: empty */
	uint32		cmp_len;		/* the bytes that decide what is read */
	LineSeen	seen;
	char		bytes[SEEN_MAX];
} SeenRow;

typedef struct PeriodCache
{
	int			last;			/* the row found or kept last */
	int			next;			/* the next to replace */
	SeenRow		row[SEEN_ROWS];
} PeriodCache;

/* a row's fields; *counts_last: it ends with its two counts, both known */
static void
line_read(HeapTupleHeader th, LineSeen *out, bool *counts_last)
{
	Datum		v[7];
	bool		n[7];
	int128		q128;

	memset(out, 0, sizeof(LineSeen));
	deform_row(th, 7, v, n, counts_last);
	*counts_last = *counts_last && !n[5] && !n[6];
	if (n[0])
		return;
	out->known = true;
	if (ms_numeric_fixed(v[0], CS_Q16_SCALE, Q16_ONE, &q128))
		out->q16 = (int64) q128;
	else if (!numeric_zero(v[0]))
		out->q16 = share_q16(DatumGetNumeric(v[0]));
	out->forgiven = !n[3] && !numeric_zero(v[3]);
	out->chronic = !n[1] && DatumGetBool(v[1]);
	out->capped = !n[2] && DatumGetBool(v[2]);
	out->confirmed_set = !n[4];
	out->confirmed = n[4] ? 0 : DatumGetDateADT(v[4]);
}

/* argument argno, a credit_line row, read or found among the rows kept */
static void
line_arg(FunctionCallInfo fcinfo, int argno, LineSeen *out)
{
	HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(argno);
	uint32		len = HeapTupleHeaderGetDatumLength(th);
	void	  **extra = credit_call_site_data(fcinfo);
	PeriodCache *pc = (PeriodCache *) *extra;
	SeenRow    *r;
	bool		counts_last;

	if (pc == NULL)
		*extra = pc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PeriodCache));
	for (int k = 0; k < SEEN_ROWS; k++)
	{
		int			i = (pc->last + k) % SEEN_ROWS;

		r = &pc->row[i];
		if (r->len == len && memcmp(r->bytes, th, r->cmp_len) == 0)
		{
			pc->last = i;
			*out = r->seen;
			return;
		}
	}
	line_read(th, out, &counts_last);
	if (len > SEEN_MAX || len < SizeofHeapTupleHeader + 2 * sizeof(int32))
		return;
	pc->last = pc->next;
	pc->next = (pc->next + 1) % SEEN_ROWS;
	r = &pc->row[pc->last];
	memcpy(r->bytes, th, len);
	r->len = len;
	r->cmp_len = counts_last ? len - 2 * sizeof(int32) : len;
	r->seen = *out;
}

/* args: state, schedule, credit_line */
Datum
credit_period_step(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "credit_period_step");
	PeriodState *st = PG_ARGISNULL(0) ? period_new(cxt) : period_state(PG_GETARG_BYTEA_P(0));
	const CreditSchedule *cs;
	LineSeen	line;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_BYTEA_P(st);	/* as sum(): a NULL line adds nothing */
	line_arg(fcinfo, 2, &line);
	if (!line.known)
		PG_RETURN_BYTEA_P(st);
	cs = credit_cached_schedule(fcinfo, 1);
	if (st->lines >= PERIOD_MAX_LINES)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("credit_period: too many service levels in one period"));
	st->lines++;
	put128(st->credits, get128(st->credits) + (int128) line.q16 * CS_MILLION);
	/* forgiven: its share of the credit, by the schedule of the missed month */
	if (line.forgiven)
		put128(st->forgiven, get128(st->forgiven) + (int128) line.q16 * credit_earn_back_share(cs));
	if (line.chronic)
		st->flags |= PS_CHRONIC;
	if (line.capped)
		st->flags |= PS_CAPPED;
	if (line.confirmed_set && (!(st->flags & PS_CONFIRMED) || line.confirmed > st->confirmed))
	{
		st->confirmed = line.confirmed;
		st->flags |= PS_CONFIRMED;
	}
	vote(&st->period_cap, credit_period_cap(cs), "period cap");
	vote(&st->chronic_period_cap, credit_terms3(cs)->chronic_period_cap, "chronic period cap");
	vote(&st->annual_cap, credit_terms2(cs)->annual_cap, "annual cap");
	if (credit_terms2(cs)->annual_cap != CS_NONE)
		vote_base(&st->annual_base, credit_terms3(cs)->annual_base);
	PG_RETURN_BYTEA_P(st);
}

Datum
credit_period_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "credit_period_combine");
	PeriodState *a;
	PeriodState *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_BYTEA_P(period_state(PG_GETARG_BYTEA_P(0)));
	}
	b = period_state(PG_GETARG_BYTEA_P(1));
	if (PG_ARGISNULL(0))
	{
		a = MemoryContextAlloc(cxt, sizeof(PeriodState));
		memcpy(a, b, sizeof(PeriodState));
		PG_RETURN_BYTEA_P(a);
	}
	a = period_state(PG_GETARG_BYTEA_P(0));
	if (a->lines + b->lines > PERIOD_MAX_LINES)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("credit_period: too many service levels in one period"));
	a->lines += b->lines;
	put128(a->credits, get128(a->credits) + get128(b->credits));
	put128(a->forgiven, get128(a->forgiven) + get128(b->forgiven));
	if ((b->flags & PS_CONFIRMED) && (!(a->flags & PS_CONFIRMED) || b->confirmed > a->confirmed))
		a->confirmed = b->confirmed;
	a->flags |= b->flags;
	vote(&a->period_cap, b->period_cap, "period cap");
	vote(&a->chronic_period_cap, b->chronic_period_cap, "chronic period cap");
	vote(&a->annual_cap, b->annual_cap, "annual cap");
	vote_base(&a->annual_base, b->annual_base);
	PG_RETURN_BYTEA_P(a);
}

Datum
credit_period_final(PG_FUNCTION_ARGS)
{
	PeriodState *st;
	Datum		values[11];
	bool		nulls[11] = {false};
	int128		credits,
				net,
				cap = -1;
	int64		cap_m;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = period_state(PG_GETARG_BYTEA_P(0));
	if (st->lines == 0)
		PG_RETURN_NULL();
	credits = get128(st->credits);
	net = credits - get128(st->forgiven);
	/* the chronic period cap replaces the period cap while any is chronic */
	cap_m = (st->flags & PS_CHRONIC) && st->chronic_period_cap != CS_NONE ?
		st->chronic_period_cap : st->period_cap;
	if (cap_m != CS_NONE)
		cap = (int128) cap_m * Q16_ONE;
	values[0] = NumericGetDatum(numeric_q(credits, 22));
	values[1] = NumericGetDatum(numeric_q(get128(st->forgiven), 22));
	values[2] = NumericGetDatum(share_m(Max(cap_m, 0)));
	nulls[2] = cap_m == CS_NONE;
	values[3] = NumericGetDatum(numeric_q(cap >= 0 && net > cap ? cap : net, 22));
	values[4] = NumericGetDatum(numeric_q(cap >= 0 && credits > cap ? cap : credits, 22));
	values[5] = BoolGetDatum((st->flags & PS_CHRONIC) != 0);
	values[6] = BoolGetDatum((st->flags & PS_CAPPED) != 0);
	values[7] = BoolGetDatum(cap >= 0 && net > cap);
	values[8] = DateADTGetDatum(st->confirmed);
	nulls[8] = !(st->flags & PS_CONFIRMED);
	values[9] = NumericGetDatum(share_m(Max(st->annual_cap, 0)));
	nulls[9] = st->annual_cap == CS_NONE;
	values[10] = CStringGetTextDatum(base_names[Max(st->annual_base, 0)]);
	nulls[10] = st->annual_cap == CS_NONE;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result_desc(fcinfo), values, nulls)));
}

/* ---------------------------------------------------------------------
 * credit_statement: the contract year, month by month
 * --------------------------------------------------------------------- */

#define SS_ROW		0x01		/* the last row has figures (not NULL) */
#define SS_SL_CAP	0x02		/* caps that cut the last row's amount */
#define SS_PERIOD_CAP 0x04
#define SS_ANNUAL_CAP 0x08
#define SS_HAS_CAP	0x10		/* the last row has an annual cap in force */
#define SS_ALL		0x1f

/* money in cents; a fee of 10^16 is beyond any contract */
#define MONEY_MAX_CENTS INT64CONST(1000000000000000000)

typedef struct StatementState
{
	int32		vl_len_;
	uint16		magic;
	uint16		version;
	int32		flags;
	int32		annual_base;	/* CS_ANNUAL_*, -1: no annual cap seen */
	int64		annual_cap;		/* millionths, CS_NONE: none seen */
	int64		ytd;			/* cents owed so far in the year */
	int64		fees;			/* cents of fees so far in the year */
	int64		fee;			/* the last row's figures, cents */
	int64		amount;
	int64		cap;
	int64		owed;
	int64		forgiven;
} StatementState;

static StatementState *
statement_state(bytea *b)
{
	StatementState *st = (StatementState *) b;

	if (VARSIZE(b) != sizeof(StatementState) || st->magic != STMT_MAGIC || st->version != ST_VERSION ||
		(st->flags & ~SS_ALL) || st->annual_base < -1 || st->annual_base > CS_ANNUAL_TO_DATE ||
		(st->annual_cap != CS_NONE && (st->annual_cap < 0 || st->annual_cap > CS_ONE_SHARE)) ||
		st->ytd < 0 || st->ytd > MONEY_MAX_CENTS || st->fees < 0 || st->fees > MONEY_MAX_CENTS ||
		st->fee < 0 || st->fee > MONEY_MAX_CENTS || st->amount < 0 || st->amount > MONEY_MAX_CENTS ||
		st->cap < 0 || st->cap > MONEY_MAX_CENTS || st->owed < 0 || st->owed > st->amount ||
		st->forgiven < 0 || st->forgiven > MONEY_MAX_CENTS)
		bad_state("credit_statement");
	return st;
}

/* money as cents: finite, zero or more, whole cents */
static int64
money_cents(Datum d, const char *what)
{
	int128		c;
	Numeric		n;

	if (ms_numeric_fixed(d, 2, MONEY_MAX_CENTS / 100, &c))
		return (int64) c;
	n = DatumGetNumeric(d);
	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s %s is out of range", what, nout(n)),
				errdetail("Money is a finite amount, zero or more, in whole cents."));
	return scaled_whole(n, 2, MONEY_MAX_CENTS / 100, what,
						"Money is a finite amount, zero or more, in whole cents.");
}

/*
 * fee x share rounded half-up to cents, in cents: exactly in int128 when the
 * share is a plain one of at most 22 decimals (as credit_period gives it),
 * else in numerics.  fee_cents is fee in cents.
 */
static int64
amount_cents(Datum fee, int64 fee_cents, Datum share)
{
	const int128 q22 = (int128) INT64CONST(10000000000) * INT64CONST(1000000000000);
	int128		q;
	Datum		r;

	if (ms_numeric_fixed(share, 22, q22 * INT64CONST(100000000), &q) &&
		q <= (int128) PG_INT64_MAX * PG_INT64_MAX / Max(fee_cents, 1))
		return (int64) ((fee_cents * q + q22 / 2) / q22);
	r = DirectFunctionCall2(numeric_round,
							NumericGetDatum(nmul(DatumGetNumeric(fee), DatumGetNumeric(share))),
							Int32GetDatum(2));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8,
											 NumericGetDatum(nmul(DatumGetNumeric(r), num(100, 0)))));
}

/* the annual cap in force this month, in cents; -1 without one */
static int64
annual_cap_cents(FunctionCallInfo fcinfo, StatementState *st)
{
	int64		base;

	if (st->annual_cap == CS_NONE)
		return -1;
	if (st->annual_base == CS_ANNUAL_TO_DATE)
		base = st->fees;		/* the month's own fee included */
	else
	{
		if (PG_NARGS() < 4 || PG_ARGISNULL(3))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("the annual cap is a share of the %s, and none is given",
						   st->annual_base == CS_ANNUAL_CONTRACTED ? "contracted annual fee" : "year's fees"),
					errhint("Pass it as credit_statement's third argument: %s.",
							st->annual_base == CS_ANNUAL_CONTRACTED ? "the contract's annual fee" :
							"sum(fee) OVER (PARTITION BY contract, contract_year)"));
		base = money_cents(PG_GETARG_DATUM(3), "annual fees");
	}
	/* half-up to cents */
	return (int64) (((int128) st->annual_cap * base + CS_MILLION / 2) / CS_MILLION);
}

/* args: state, credit_period, fee [, annual_fees] */
Datum
credit_statement_step(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo, "credit_statement_step");
	StatementState *st;
	Datum		v[11];
	bool		n[11];
	int64		before,
				room;

	check_frame(fcinfo, "credit_statement",
				FRAMEOPTION_START_UNBOUNDED_PRECEDING | FRAMEOPTION_END_CURRENT_ROW,
				"");
	if (PG_ARGISNULL(0))
	{
		st = MemoryContextAllocZero(cxt, sizeof(StatementState));
		SET_VARSIZE(st, sizeof(StatementState));
		st->magic = STMT_MAGIC;
		st->version = ST_VERSION;
		st->annual_base = -1;
		st->annual_cap = CS_NONE;
	}
	else
		st = statement_state(PG_GETARG_BYTEA_P(0));
	st->flags = 0;
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_BYTEA_P(st);	/* a month without figures: NULL, the year goes on */
	deform_arg(fcinfo, 1, 11, v, n);
	if (n[3] || n[4])
		PG_RETURN_BYTEA_P(st);
	st->fee = money_cents(PG_GETARG_DATUM(2), "fee");
	if (!n[9])
	{
		int128		cap;
		char	   *base = n[10] ? NULL : TextDatumGetCString(v[10]);

		if (!ms_numeric_fixed(v[9], 6, CS_ONE_SHARE, &cap))
			cap = scaled_whole(DatumGetNumeric(v[9]), 6, CS_ONE_SHARE, "annual cap",
							   "An annual cap is a share of fees, 0 to 1.");
		vote(&st->annual_cap, (int64) cap, "annual cap");
		vote_base(&st->annual_base, base == NULL ? CS_ANNUAL_FEES :
				  strcmp(base, "contracted fees") == 0 ? CS_ANNUAL_CONTRACTED :
				  strcmp(base, "fees to date") == 0 ? CS_ANNUAL_TO_DATE : CS_ANNUAL_FEES);
	}
	st->fees += st->fee;
	if (st->fees > MONEY_MAX_CENTS)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("credit_statement: the year's fees are out of range"));
	st->amount = amount_cents(PG_GETARG_DATUM(2), st->fee, v[3]);
	before = amount_cents(PG_GETARG_DATUM(2), st->fee, v[4]);
	st->cap = annual_cap_cents(fcinfo, st);
	room = st->cap < 0 ? PG_INT64_MAX : Max(st->cap - st->ytd, 0);
	st->owed = Min(st->amount, room);
	/* what it would owe without the forgiveness, the year to date unchanged */
	st->forgiven = Max(Min(before, room) - st->owed, 0);
	st->ytd += st->owed;
	st->flags = SS_ROW | (st->cap >= 0 ? SS_HAS_CAP : 0) |
		(!n[6] && DatumGetBool(v[6]) ? SS_SL_CAP : 0) |
		(!n[7] && DatumGetBool(v[7]) ? SS_PERIOD_CAP : 0) |
		(st->owed < st->amount ? SS_ANNUAL_CAP : 0);
	if (st->cap < 0)
		st->cap = 0;
	PG_RETURN_BYTEA_P(st);
}

Datum
credit_statement_final(PG_FUNCTION_ARGS)
{
	StatementState *st;
	Datum		values[7];
	bool		nulls[7] = {false};
	Datum		caps[3];
	int			ncaps = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = statement_state(PG_GETARG_BYTEA_P(0));
	if (!(st->flags & SS_ROW))
		PG_RETURN_NULL();
	if (st->flags & SS_SL_CAP)
		caps[ncaps++] = CStringGetTextDatum("service level cap");
	if (st->flags & SS_PERIOD_CAP)
		caps[ncaps++] = CStringGetTextDatum("period cap");
	if (st->flags & SS_ANNUAL_CAP)
		caps[ncaps++] = CStringGetTextDatum("annual cap");
	values[0] = NumericGetDatum(num(st->fee, 2));
	values[1] = NumericGetDatum(num(st->amount, 2));
	values[2] = NumericGetDatum(num(st->cap, 2));
	nulls[2] = !(st->flags & SS_HAS_CAP);
	values[3] = NumericGetDatum(num(st->ytd, 2));
	values[4] = NumericGetDatum(num(st->owed, 2));
	values[5] = NumericGetDatum(num(st->forgiven, 2));
	values[6] = PointerGetDatum(construct_array(caps, ncaps, TEXTOID, -1, false, TYPALIGN_INT));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result_desc(fcinfo), values, nulls)));
}
