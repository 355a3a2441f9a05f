/*
 * streak.c
 *		miss_streak and longest_miss_streak: consecutive missed periods.
 *
 * Both are plain aggregates over one boolean per period (met or missed; NULL
 * when there is no data for the period), to be fed in period order: as window
 * functions (OVER (PARTITION BY vendor, sla ORDER BY month)) or as ordered
 * aggregates (miss_streak(met ORDER BY month)).
 *
 * The states are pass-by-value integers, so that
 *	- the transition functions can be STRICT with a non-NULL initial state:
 *	  the executor then skips NULL rows, which is exactly "no data neither
 *	  breaks nor extends a streak";
 *	- in a window with the default frame the executor only advances the state
 *	  by one row per row (the final function does not modify it), so the
 *	  window form is O(1) per row, never a re-scan of the frame;
 *	- the state is a concrete type whose text form round-trips exactly.
 *
 * miss_streak's state is the current streak itself (int4).  The state of
 * longest_miss_streak is an int8 holding longest * 2^32 + current.
 *
 * The result depends on the order of the rows, so there is no combine
 * function: a partial aggregate could not know whether its first rows extend
 * the previous part's streak.  Without one the planner never splits them.
 */
#include "managed_services.h"

PG_FUNCTION_INFO_V1(miss_streak_trans);
PG_FUNCTION_INFO_V1(longest_miss_streak_trans);
PG_FUNCTION_INFO_V1(longest_miss_streak_final);

/* consecutive misses and the longest run so far */
typedef struct MissRun
{
	int32		current;
	int32		longest;
} MissRun;

/*
 * One more period.  Returns false when the streak would exceed INT32_MAX
 * periods.
 */
static inline bool
miss_run_step(MissRun *run, bool met)
{
	if (met)
	{
		run->current = 0;
		return true;
	}
	if (run->current == PG_INT32_MAX)
		return false;
	run->current++;
	if (run->current > run->longest)
		run->longest = run->current;
	return true;
}

static inline int64
miss_run_pack(MissRun run)
{
	return ((int64) run.longest << 32) | (int64) run.current;
}

/* false when the int8 is no state of the aggregate (hand-made) */
static inline bool
miss_run_unpack(int64 packed, MissRun *run)
{
	int64		current = packed & INT64CONST(0xFFFFFFFF);
	int64		longest = packed >> 32;

	if (packed < 0 || current > PG_INT32_MAX || current > longest)
		return false;
	run->current = (int32) current;
	run->longest = (int32) longest;
	return true;
}

static void
streak_overflow(void)
{
	ereport(ERROR,
			errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("miss streak out of range"),
			errdetail("A streak counts at most %d consecutive missed periods.", PG_INT32_MAX));
}

static void
bad_state(const char *agg, const char *state)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("invalid %s state: %s", agg, state),
			errdetail("The state is one the aggregate itself built; it is not meant to be written by hand."));
}

Datum
miss_streak_trans(PG_FUNCTION_ARGS)
{
	MissRun		run;

	run.current = PG_GETARG_INT32(0);
	run.longest = run.current;
	if (run.current < 0)
		bad_state("miss_streak", psprintf("%d", run.current));
	if (!miss_run_step(&run, PG_GETARG_BOOL(1)))
		streak_overflow();
	PG_RETURN_INT32(run.current);
}

Datum
longest_miss_streak_trans(PG_FUNCTION_ARGS)
{
	int64		packed = PG_GETARG_INT64(0);
	MissRun		run;

	if (!miss_run_unpack(packed, &run))
		bad_state("longest_miss_streak", psprintf(INT64_FORMAT, packed));
	if (!miss_run_step(&run, PG_GETARG_BOOL(1)))
		streak_overflow();
	PG_RETURN_INT64(miss_run_pack(run));
}

Datum
longest_miss_streak_final(PG_FUNCTION_ARGS)
{
	int64		packed = PG_GETARG_INT64(0);
	MissRun		run;

	if (!miss_run_unpack(packed, &run))
		bad_state("longest_miss_streak", psprintf(INT64_FORMAT, packed));
	PG_RETURN_INT32(run.longest);
}
