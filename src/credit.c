/*
 * credit.c
 *		The SQL functions over a credit_schedule: the credit a period earns,
 *		in shares and money, the escalation ladder and the termination right,
 *		earn-back and the accessors.  The type's text form is credit_text.c,
 *		the arithmetic credit_calc.c.
 */
#include "credit.h"

#include <ctype.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "mb/pg_wchar.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

#include "numeric_fast.h"
#include "schedcache.h"

PG_FUNCTION_INFO_V1(sla_credit_numeric);
PG_FUNCTION_INFO_V1(sla_credit_float8);
PG_FUNCTION_INFO_V1(sla_credit_amount_numeric);
PG_FUNCTION_INFO_V1(sla_credit_amount_float8);
PG_FUNCTION_INFO_V1(credit_escalation_fn);
PG_FUNCTION_INFO_V1(credit_termination_right);
PG_FUNCTION_INFO_V1(credit_chronic_failure);
PG_FUNCTION_INFO_V1(credit_cap);
PG_FUNCTION_INFO_V1(credit_at_risk);
PG_FUNCTION_INFO_V1(credit_earn_back_periods);
PG_FUNCTION_INFO_V1(credit_recent_periods);
PG_FUNCTION_INFO_V1(credit_period_cap_fn);
PG_FUNCTION_INFO_V1(credit_annual_cap_fn);
PG_FUNCTION_INFO_V1(credit_chronic_cap_fn);
PG_FUNCTION_INFO_V1(credit_earn_back_share_fn);
PG_FUNCTION_INFO_V1(credit_earn_back_target_fn);
PG_FUNCTION_INFO_V1(sla_earn_back_fn);

static const char *const level_names[] =
{
	"ok", "warning", "remediation", "penalty", "termination"
};

/* ---------------------------------------------------------------------
 * per call site cache
 * --------------------------------------------------------------------- */

/*
 * The stored form needs no parsing, only the aligned copy the shared cache
 * keeps (src/schedcache.c), and the thresholds as numerics and doubles for
 * comparing attainments, derived on first use.  32 sets of 4: the schedules
 * of some 40 contracts in a join rarely crowd one set.
 */
#define CS_CACHE_SLOTS 128

typedef struct CsSlot
{
	CreditSchedule *cs;			/* the cache's copy, room for the largest value */
	MemoryContext mcxt;			/* the cache slot's */
	bool		num_ready;
	bool		dbl_ready;
	Numeric		num[CS_MAX_BANDS];	/* thresholds (mcxt) */
	double		dbl[CS_MAX_BANDS];
} CsSlot;

/* per call site */
typedef struct CsCache
{
	Numeric		zero;
	Numeric		one;
	Oid			step[lengthof(level_names)];	/* escalation_step's values, looked
												 * up on first use */
} CsCache;

static Numeric
make_numeric(int64 v, int scale)
{
	return int64_div_fast_to_numeric(v, scale);
}

static CsSlot *
cs_cached(FunctionCallInfo fcinfo, int argno)
{
	SchedSlot  *s = sched_cached(fcinfo, argno, CS_CACHE_SLOTS, CS_MAX_SIZE);
	SchedCache *c = sched_cache(fcinfo);

	if (s->len < CS_HEADER_SIZE - VARHDRSZ || s->len > CS_MAX_SIZE - VARHDRSZ)
		elog(ERROR, "credit_schedule of %d bytes", (int) s->len);
	if (c->extra == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		CsCache    *cache = palloc0(sizeof(CsCache));

		cache->zero = make_numeric(0, 0);
		cache->one = make_numeric(1, 0);
		MemoryContextSwitchTo(old);
		c->extra = cache;
	}
	if (s->data == NULL)
	{
		CsSlot	   *slot = MemoryContextAllocZero(s->mcxt, sizeof(CsSlot));

		slot->cs = (CreditSchedule *) s->value;
		slot->mcxt = s->mcxt;
		s->data = slot;
	}
	return (CsSlot *) s->data;
}

static void
slot_numerics(FunctionCallInfo fcinfo, CsSlot *slot)
{
	MemoryContext old = MemoryContextSwitchTo(slot->mcxt);

	for (int i = 0; i < slot->cs->nbands; i++)
		slot->num[i] = make_numeric(slot->cs->band[i].threshold, 6);
	MemoryContextSwitchTo(old);
	slot->num_ready = true;
}

/*
 * A threshold t (value x 10^6, at most 15 significant digits) as the double
 * nearest to it: one correctly rounded division of two exact doubles.
 */
static void
slot_doubles(CsSlot *slot)
{
	for (int i = 0; i < slot->cs->nbands; i++)
		slot->dbl[i] = (double) slot->cs->band[i].threshold / 1e6;
	slot->dbl_ready = true;
}

/* ---------------------------------------------------------------------
 * argument checks
 * --------------------------------------------------------------------- */

static void
attainment_out_of_range(const char *value)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("attainment %s is out of range", value),
			errdetail("The schedule's thresholds are percentages, so attainment is a share in [0, 1] "
					  "as availability() and sla_compliance() return it: 0.999 for 99.9 %%."),
			errhint("Divide a percentage by 100."));
}

static void
attainment_nan(void)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("attainment NaN is not a number"),
			errdetail("Pass NULL when nothing was measured."));
}

static void
attainment_infinite(const char *value)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("attainment %s is not a finite number", value),
			errdetail("No schedule can judge an infinite attainment; pass NULL when nothing was measured."));
}

/* the worst band reached by a numeric attainment; -1 for none */
static int
band_numeric(FunctionCallInfo fcinfo, CsCache *cache, CsSlot *slot, Numeric a)
{
	const CreditSchedule *cs = slot->cs;
	bool		above = (cs->flags & CS_ABOVE) != 0;
	int			i;

	/* whatever the schedule: a value no schedule can judge is refused */
	if (numeric_is_nan(a))
		attainment_nan();
	if (numeric_is_inf(a) && !(cs->flags & CS_PERCENT))
		attainment_infinite(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a))));
	if (cs->nbands == 0)
		return -1;
	if (!slot->num_ready)
		slot_numerics(fcinfo, slot);
	for (i = 0; i < cs->nbands; i++)
	{
		int			c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
														  NumericGetDatum(slot->num[i])));

		if (above ? c <= 0 : c >= 0)
			break;
	}

	/*
	 * Percentage thresholds lie in [0, 1], so only an attainment beyond the
	 * outermost one can be outside: one more comparison at most.
	 */
	if ((cs->flags & CS_PERCENT) && (i == 0 || i == cs->nbands))
	{
		/* i == 0: not beyond the mildest; else beyond the worst */
		bool		high = (i == 0) != above;
		int			c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
														  NumericGetDatum(high ? cache->one : cache->zero)));

		if (high ? c > 0 : c < 0)
			attainment_out_of_range(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a))));
	}
	return i - 1;
}

/*
 * The same for a numeric datum as it comes: one of at most 6 decimals, zero
 * or more and below the plain thresholds' bound (every attainment a
 * percentage schedule takes, as availability() gives it, rounded or not) is
 * read in place as value x 10^6 and compared with the thresholds in
 * integers, exactly; anything else takes band_numeric, its checks and its
 * messages.  No copy of the datum, no numeric comparison.
 */
static int
band_datum(FunctionCallInfo fcinfo, CsCache *cache, CsSlot *slot, Datum att)
{
	const CreditSchedule *cs = slot->cs;
	bool		above = (cs->flags & CS_ABOVE) != 0;
	int128		a6;
	int64		a;
	int			i;

	if (!ms_numeric_fixed(att, 6, CS_PLAIN_MAX - 1, &a6) ||
		((cs->flags & CS_PERCENT) && a6 > CS_ONE_SHARE))
		return band_numeric(fcinfo, cache, slot, DatumGetNumeric(att));

	/* in [0, 1] for a percentage schedule: never out of range */
	a = (int64) a6;
	for (i = 0; i < cs->nbands; i++)
	{
		int64		t = cs->band[i].threshold;

		if (above ? a <= t : a >= t)
			break;
	}
	return i - 1;
}

/*
 * The same for a double, taken as the shortest decimal that reads back as
 * it (what PostgreSQL prints): with thresholds of at most 15 significant
 * digits, comparing the double with the double nearest to each threshold
 * gives exactly the comparison of that decimal with the threshold.
 */
static int
band_double(CsSlot *slot, double a)
{
	const CreditSchedule *cs = slot->cs;
	bool		above = (cs->flags & CS_ABOVE) != 0;
	int			i;

	if (isnan(a))
		attainment_nan();
	if (isinf(a) && !(cs->flags & CS_PERCENT))
		attainment_infinite(float8out_internal(a));
	if (cs->nbands == 0)
		return -1;
	if ((cs->flags & CS_PERCENT) && (a < 0.0 || a > 1.0))
		attainment_out_of_range(float8out_internal(a));
	if (!slot->dbl_ready)
		slot_doubles(slot);
	for (i = 0; i < cs->nbands; i++)
	{
		if (above ? !(a > slot->dbl[i]) : !(a < slot->dbl[i]))
			break;
	}
	return i - 1;
}

static void
check_count(int32 v, const char *name, const char *what)
{
	if (v < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s %d is out of range", name, v),
				errdetail("%s", what));
}

/*
 * The misses among the last N periods: the argument when given (0..N), else
 * what the streak proves (a streak of s ends with s misses in a row, so the
 * last N periods hold at least min(s, N)).
 */
static int32
recent_arg(FunctionCallInfo fcinfo, const CreditSchedule *cs, int argno, int32 streak)
{
	int32		n = credit_recent_n(cs);
	int32		r;

	if (PG_NARGS() <= argno)
		return Min(streak, n);
	r = PG_GETARG_INT32(argno);
	check_count(r, "recent_misses", "recent_misses counts the missed periods among the last N of the schedule's \"K of N\" rules: zero or more.");
	if (n > 0 && r > n)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("recent_misses %d is out of range", r),
				errdetail("The schedule's \"K of N\" rules count the misses among the last %d periods: 0 to %d.", n, n));
	return r;
}

/* ---------------------------------------------------------------------
 * SQL functions
 * --------------------------------------------------------------------- */

static Numeric
share_numeric(int64 q16)
{
	int			scale = CS_Q16_SCALE;

	if (q16 == 0)
		return make_numeric(0, 0);
	while (scale > 0 && q16 % 10 == 0)
	{
		q16 /= 10;
		scale--;
	}
	return make_numeric(q16, scale);
}

/*
 * sla_credit(schedule, attainment, misses, streak [, recent_misses]) and
 * sla_credit_amount(schedule, fee, attainment, ...): not STRICT, because a
 * NULL attainment (nothing measured) reaches no band while the per-miss and
 * chronic terms still apply; any other NULL gives NULL.
 */
static bool
credit_common(FunctionCallInfo fcinfo, int att, bool is_double, int64 *q16)
{
	CsCache    *cache;
	CsSlot	   *slot;
	const CreditSchedule *cs;
	int32		misses,
				streak,
				recent;
	int			band = -1;

	for (int i = 0; i < PG_NARGS(); i++)
		if (i != att && PG_ARGISNULL(i))
			return false;
	slot = cs_cached(fcinfo, 0);
	cache = (CsCache *) sched_cache(fcinfo)->extra;
	cs = slot->cs;
	misses = PG_GETARG_INT32(att + 1);
	streak = PG_GETARG_INT32(att + 2);
	check_count(misses, "misses", "The number of material misses in the period is zero or more.");
	check_count(streak, "streak", "A streak counts consecutive missed periods: zero or more.");
	recent = recent_arg(fcinfo, cs, att + 3, streak);
	if (!PG_ARGISNULL(att))
	{
		if (is_double)
			band = band_double(slot, PG_GETARG_FLOAT8(att));
		else
			band = band_numeric(fcinfo, cache, slot, PG_GETARG_NUMERIC(att));
	}
	*q16 = credit_share_q16(cs, band, misses, credit_chronic(cs, streak, recent));
	return true;
}

bool
credit_line_calc(FunctionCallInfo fcinfo, int sched, int att, int misses_arg,
				 int32 streak, int32 recent, CreditLineCalc *out)
{
	CsSlot	   *slot;
	CsCache    *cache;
	int32		misses;
	int			band = -1;

	if (PG_ARGISNULL(sched) || PG_ARGISNULL(misses_arg))
		return false;
	slot = cs_cached(fcinfo, sched);
	cache = (CsCache *) sched_cache(fcinfo)->extra;
	out->cs = slot->cs;
	misses = PG_GETARG_INT32(misses_arg);
	check_count(misses, "misses", "The number of material misses in the period is zero or more.");
	if (!PG_ARGISNULL(att))
		band = band_datum(fcinfo, cache, slot, PG_GETARG_DATUM(att));
	out->chronic = credit_chronic(slot->cs, streak, recent);
	out->q16 = credit_share_q16_ex(slot->cs, band, misses, out->chronic, &out->capped);
	return true;
}

const CreditSchedule *
credit_cached_schedule(FunctionCallInfo fcinfo, int argno)
{
	return cs_cached(fcinfo, argno)->cs;
}

void	  **
credit_call_site_data(FunctionCallInfo fcinfo)
{
	return &sched_cache_make(fcinfo, CS_CACHE_SLOTS)->caller;
}

Numeric
credit_share_numeric(int64 q16)
{
	return share_numeric(q16);
}

Datum
sla_credit_numeric(PG_FUNCTION_ARGS)
{
	int64		q16;

	if (!credit_common(fcinfo, 1, false, &q16))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(share_numeric(q16));
}

Datum
sla_credit_float8(PG_FUNCTION_ARGS)
{
	int64		q16;

	if (!credit_common(fcinfo, 1, true, &q16))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(share_numeric(q16));
}

static Datum
amount_common(FunctionCallInfo fcinfo, bool is_double)
{
	int64		q16;
	Numeric		fee;
	Datum		prod;

	if (!credit_common(fcinfo, 2, is_double, &q16))
		PG_RETURN_NULL();
	fee = PG_GETARG_NUMERIC(1);

	/*
	 * Not NaN nor infinite, as charge() refuses such units: Infinity x 0 is
	 * NaN, and one NaN credit poisons every sum() over an invoice.
	 */
	if (numeric_is_nan(fee) || numeric_is_inf(fee) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(fee),
										  NumericGetDatum(((CsCache *) sched_cache(fcinfo)->extra)->zero))) < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("fee %s is out of range",
					   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(fee)))),
				errdetail("A fee is a finite amount of money, zero or more."));
	prod = DirectFunctionCall2(numeric_mul, NumericGetDatum(fee), NumericGetDatum(share_numeric(q16)));
	/* numeric rounds half away from zero: half-up for amounts >= 0 */
	return DirectFunctionCall2(numeric_round, prod, Int32GetDatum(2));
}

Datum
sla_credit_amount_numeric(PG_FUNCTION_ARGS)
{
	return amount_common(fcinfo, false);
}

Datum
sla_credit_amount_float8(PG_FUNCTION_ARGS)
{
	return amount_common(fcinfo, true);
}

static const CreditSchedule *
rule_args(FunctionCallInfo fcinfo, int32 *streak, int32 *recent)
{
	const CreditSchedule *cs = cs_cached(fcinfo, 0)->cs;

	*streak = PG_GETARG_INT32(1);
	check_count(*streak, "streak", "A streak counts consecutive missed periods: zero or more.");
	*recent = recent_arg(fcinfo, cs, 2, *streak);
	return cs;
}

Datum
credit_escalation_fn(PG_FUNCTION_ARGS)
{
	int32		streak,
				recent;
	const CreditSchedule *cs = rule_args(fcinfo, &streak, &recent);

	PG_RETURN_TEXT_P(cstring_to_text(level_names[credit_escalation(cs, streak, recent)]));
}

Datum
credit_termination_right(PG_FUNCTION_ARGS)
{
	int32		streak,
				recent;
	const CreditSchedule *cs = rule_args(fcinfo, &streak, &recent);

	PG_RETURN_BOOL(credit_termination(cs, streak, recent));
}

Datum
credit_chronic_failure(PG_FUNCTION_ARGS)
{
	int32		streak,
				recent;
	const CreditSchedule *cs = rule_args(fcinfo, &streak, &recent);

	PG_RETURN_BOOL(credit_chronic(cs, streak, recent));
}

Datum
credit_cap(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	PG_RETURN_NUMERIC(share_numeric(credit_effective_cap(cs) * (CS_MILLION * CS_FACTOR_ONE)));
}

Datum
credit_at_risk(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	if (cs->at_risk == CS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(share_numeric(cs->at_risk * (CS_MILLION * CS_FACTOR_ONE)));
}

Datum
credit_earn_back_periods(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	if (cs->earn_back == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(cs->earn_back);
}

Datum
credit_recent_periods(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);
	int32		n = credit_recent_n(cs);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(n);
}

/* ---------------------------------------------------------------------
 * issue 17: counts of any number type, and the escalation step as an
 * ordered value
 * --------------------------------------------------------------------- */

#include "catalog/pg_enum.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(sla_credit_numeric_wide);
PG_FUNCTION_INFO_V1(sla_credit_float8_wide);
PG_FUNCTION_INFO_V1(sla_credit_amount_numeric_wide);
PG_FUNCTION_INFO_V1(sla_credit_amount_float8_wide);
PG_FUNCTION_INFO_V1(credit_escalation_wide);
PG_FUNCTION_INFO_V1(credit_termination_right_wide);
PG_FUNCTION_INFO_V1(credit_chronic_failure_wide);
PG_FUNCTION_INFO_V1(credit_escalation_step);
PG_FUNCTION_INFO_V1(credit_escalation_step_wide);
PG_FUNCTION_INFO_V1(sla_earn_back_wide);
PG_FUNCTION_INFO_V1(credit_chronic_period_cap_fn);
PG_FUNCTION_INFO_V1(credit_annual_cap_base_fn);

#define CS_MAX_COUNT_ARGS 6

/*
 * The overloads whose counts are double precision: what a count built with
 * count(*) ... OVER (a bigint) or any other number type reaches by an
 * implicit cast.  Not bigint: double precision is the preferred type of
 * the numeric category, so a NULL or an untyped parameter (drivers that
 * send parameters as unknown) still resolves to one function, where a
 * bigint overload beside the integer one would make such calls ambiguous.
 * A count must be whole (22023) and fit in an integer (22003: no count of
 * periods or misses gets there; every bigint below 2^53 is exact here).
 * The integer function then runs on the same FmgrInfo, so it keeps its
 * schedule cache and its NULL and range rules.  first is the position of
 * the first count; names name the counts from there.
 */
static Datum
call_with_int4_counts_upto(FunctionCallInfo fcinfo, int first, int end,
						   const char *const *names, PGFunction fn)
{
	LOCAL_FCINFO(inner, CS_MAX_COUNT_ARGS);
	Datum		result;

	Assert(fcinfo->nargs <= CS_MAX_COUNT_ARGS);
	InitFunctionCallInfoData(*inner, fcinfo->flinfo, fcinfo->nargs, fcinfo->fncollation,
							 fcinfo->context, fcinfo->resultinfo);
	for (int i = 0; i < fcinfo->nargs; i++)
	{
		inner->args[i] = fcinfo->args[i];
		if (i >= first && i < end && !fcinfo->args[i].isnull)
		{
			float8		v = DatumGetFloat8(fcinfo->args[i].value);

			if (isnan(v) || v != rint(v))
				ereport(ERROR,
						errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s %s is not a whole number", names[i - first],
							   float8out_internal(v)),
						errdetail("A count of periods or misses is a whole number, zero or more."));
			if (v < (float8) PG_INT32_MIN || v > (float8) PG_INT32_MAX)
				ereport(ERROR,
						errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("%s %s is out of range", names[i - first], float8out_internal(v)),
						errdetail("A count of periods or misses runs from 0 to %d.", PG_INT32_MAX));
			inner->args[i].value = Int32GetDatum((int32) v);
		}
	}
	result = fn(inner);
	fcinfo->isnull = inner->isnull;
	return result;
}

/* every argument from first on is a count */
static Datum
call_with_int4_counts(FunctionCallInfo fcinfo, int first, const char *const *names,
					  PGFunction fn)
{
	return call_with_int4_counts_upto(fcinfo, first, fcinfo->nargs, names, fn);
}

static const char *const credit_count_names[] = {"misses", "streak", "recent_misses"};
static const char *const rule_count_names[] = {"streak", "recent_misses"};

Datum
sla_credit_numeric_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 2, credit_count_names, sla_credit_numeric);
}

Datum
sla_credit_float8_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 2, credit_count_names, sla_credit_float8);
}

Datum
sla_credit_amount_numeric_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 3, credit_count_names, sla_credit_amount_numeric);
}

Datum
sla_credit_amount_float8_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 3, credit_count_names, sla_credit_amount_float8);
}

Datum
credit_escalation_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 1, rule_count_names, credit_escalation_fn);
}

Datum
credit_termination_right_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 1, rule_count_names, credit_termination_right);
}

Datum
credit_chronic_failure_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 1, rule_count_names, credit_chronic_failure);
}

/*
 * escalation_step(schedule, streak [, recent_misses]): the rung as the
 * extension's enum, so that max() over service levels is the worst step.
 * The enum's values are found by label through the syscache (no OID is
 * fixed across installs); the type is the function's declared result.
 */
Datum
credit_escalation_step(PG_FUNCTION_ARGS)
{
	int32		streak,
				recent;
	const CreditSchedule *cs = rule_args(fcinfo, &streak, &recent);
	int			level = credit_escalation(cs, streak, recent);
	CsCache    *cache = (CsCache *) sched_cache(fcinfo)->extra;

	/* the value's OID, once per call site and level, not per row */
	if (!OidIsValid(cache->step[level]))
	{
		const char *label = level_names[level];
		Oid			typid = get_fn_expr_rettype(fcinfo->flinfo);
		Oid			val;

		if (!OidIsValid(typid))
			typid = get_func_rettype(fcinfo->flinfo->fn_oid);
		val = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							  ObjectIdGetDatum(typid), CStringGetDatum(label));
		if (!OidIsValid(val))
			elog(ERROR, "escalation_step has no value \"%s\"", label);
		cache->step[level] = val;
	}
	PG_RETURN_OID(cache->step[level]);
}

Datum
credit_escalation_step_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts(fcinfo, 1, rule_count_names, credit_escalation_step);
}

/* ---------------------------------------------------------------------
 * the terms of 0.3.0: caps beyond one service level, partial earn-back
 * --------------------------------------------------------------------- */

/* v / 10^scale as a numeric without trailing zeros */
static Numeric
scaled_numeric(int64 v, int scale)
{
	while (scale > 0 && v % 10 == 0)
	{
		v /= 10;
		scale--;
	}
	return make_numeric(v, scale);
}

/* a share in millionths as a numeric, NULL for an absent term */
#define RETURN_SHARE_OR_NULL(v) \
	do { \
		if ((v) == CS_NONE) \
			PG_RETURN_NULL(); \
		PG_RETURN_NUMERIC(scaled_numeric((v), 6)); \
	} while (0)

Datum
credit_period_cap_fn(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	RETURN_SHARE_OR_NULL(credit_period_cap(cs));
}

Datum
credit_annual_cap_fn(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	RETURN_SHARE_OR_NULL(credit_terms2(cs)->annual_cap);
}

Datum
credit_chronic_cap_fn(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	RETURN_SHARE_OR_NULL(credit_terms2(cs)->chronic_cap);
}

Datum
credit_earn_back_share_fn(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);

	if (cs->earn_back == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(scaled_numeric(credit_earn_back_share(cs), 6));
}

Datum
credit_earn_back_target_fn(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);
	const CreditTerms2 *t2 = credit_terms2(cs);

	if (!(t2->xflags & CSX_TARGET))
		PG_RETURN_NULL();
	/* a percentage as a share (99.95% -> 0.9995), like the attainments */
	PG_RETURN_NUMERIC(scaled_numeric(t2->earn_back_target, 6));
}

/*
 * sla_earn_back(schedule, credit, streak [, recent_misses], following):
 * the part of a period's credit forgiven by earn-back, given the
 * attainments of the periods after it, in order.  "earn back P% after N
 * [at T]" forgives P% (all of it without P) once the first N of them all
 * reach T, or without T the service level's own target (the mildest band:
 * not below it, or not above it for "above" bands).  A NULL attainment
 * (nothing measured) does not count as met, fewer than N periods have not
 * earned it back yet, and a chronic miss (by streak and recent_misses, as
 * in sla_credit) is never earned back.  The credit is a share or money:
 * the result is credit x P, exact.
 */
/*
 * One rule for every element of the following attainments, whatever its
 * position and whether or not it is read: NaN, an infinite value and, for
 * percentage thresholds, a share outside [0, 1] are 22023.  A NULL is a
 * period without data, not met.
 */
static void
check_following(CsCache *cache, const CreditSchedule *cs, ArrayType *following)
{
	ArrayIterator it = array_create_iterator(following, 0, NULL);
	Datum		elem;
	bool		isnull;

	while (array_iterate(it, &elem, &isnull))
	{
		Numeric		a;

		if (isnull)
			continue;
		a = DatumGetNumeric(elem);
		if (numeric_is_nan(a))
			attainment_nan();
		if (numeric_is_inf(a) && !(cs->flags & CS_PERCENT))
			attainment_infinite(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a))));
		if ((cs->flags & CS_PERCENT) &&
			(DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(cache->zero))) < 0 ||
			 DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(cache->one))) > 0))
			attainment_out_of_range(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a))));
	}
	array_free_iterator(it);
}

/* whether the first N of the following attainments all reach the target */
static bool
following_met(const CreditSchedule *cs, Numeric target, ArrayType *following)
{
	bool		above = (cs->flags & CS_ABOVE) != 0;
	ArrayIterator it = array_create_iterator(following, 0, NULL);
	Datum		elem;
	bool		isnull;

	for (int n = 0; n < cs->earn_back; n++)
	{
		int			c;

		if (!array_iterate(it, &elem, &isnull) || isnull)
			return false;		/* fewer than N so far, or a period without data */
		c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, elem, NumericGetDatum(target)));
		if (above ? c > 0 : c < 0)
			return false;
	}
	array_free_iterator(it);
	return true;
}

Datum
sla_earn_back_fn(PG_FUNCTION_ARGS)
{
	CsSlot	   *slot = cs_cached(fcinfo, 0);
	CsCache    *cache = (CsCache *) sched_cache(fcinfo)->extra;
	const CreditSchedule *cs = slot->cs;
	const CreditTerms2 *t2 = credit_terms2(cs);
	Numeric		credit = PG_GETARG_NUMERIC(1);
	int32		streak = PG_GETARG_INT32(2);
	ArrayType  *following = PG_GETARG_ARRAYTYPE_P(PG_NARGS() - 1);
	int32		recent;
	Numeric		target;

	if (numeric_is_nan(credit) || numeric_is_inf(credit) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(credit),
										  NumericGetDatum(cache->zero))) < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("credit %s is out of range",
					   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(credit)))),
				errdetail("A credit is a share of the fee or an amount of money, finite, zero or more."));
	check_count(streak, "streak", "A streak counts consecutive missed periods: zero or more.");
	/* recent_misses is the fourth argument of the five-argument form only */
	recent = PG_NARGS() == 5 ? recent_arg(fcinfo, cs, 3, streak) :
		Min(streak, credit_recent_n(cs));
	if (ARR_NDIM(following) > 1)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("the following periods' attainments are a one-dimensional array"));
	check_following(cache, cs, following);
	if (!credit_earn_back_applies(cs, streak, recent))
		PG_RETURN_NUMERIC(cache->zero);
	if (cs->nbands == 0)		/* refused by the validator since 0.4.0 */
		elog(ERROR, "earn-back without bands");

	if (t2->xflags & CSX_TARGET)
		target = make_numeric(t2->earn_back_target, 6);
	else
	{
		if (!slot->num_ready)
			slot_numerics(fcinfo, slot);
		target = slot->num[0];
	}
	if (!following_met(cs, target, following))
		PG_RETURN_NUMERIC(cache->zero);
	if (credit_earn_back_share(cs) == CS_ONE_SHARE)
		PG_RETURN_NUMERIC(credit);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_mul, NumericGetDatum(credit),
										NumericGetDatum(scaled_numeric(credit_earn_back_share(cs), 6))));
}

/*
 * sla_earn_back with counts of another number type (issue 20): the counts
 * are the arguments between the credit and the following attainments.
 */
Datum
sla_earn_back_wide(PG_FUNCTION_ARGS)
{
	return call_with_int4_counts_upto(fcinfo, 2, PG_NARGS() - 1, rule_count_names, sla_earn_back_fn);
}

/* issue 20: the terms of version 3 */

Datum
credit_chronic_period_cap_fn(PG_FUNCTION_ARGS)
{
	const CreditSchedule *cs = cs_cached(fcinfo, 0)->cs;
	int64		v = credit_terms3(cs)->chronic_period_cap;

	if (v == CS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(scaled_numeric(v, 6));
}

Datum
credit_annual_cap_base_fn(PG_FUNCTION_ARGS)
{
	const CreditSchedule *cs = cs_cached(fcinfo, 0)->cs;
	int32		base = credit_terms3(cs)->annual_base;

	if (credit_terms2(cs)->annual_cap == CS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(base == CS_ANNUAL_CONTRACTED ? "contracted fees" :
									 base == CS_ANNUAL_TO_DATE ? "fees to date" : "fees"));
}
