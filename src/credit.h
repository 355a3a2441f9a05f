/*
 * credit.h
 *		Service credits: the credit_schedule type (a contract's penalty terms)
 *		and the plain computations over it.
 */
#ifndef MS_CREDIT_H
#define MS_CREDIT_H

#include "managed_services.h"
#include "utils/numeric.h"

/*
 * Version 1 is 0.2.0's layout: the header and the bands.  Version 2 (0.3.0)
 * is the same followed by CreditTerms2, the terms 0.3.0 added (period,
 * annual and chronic caps, partial earn-back, an earn-back target).  A
 * schedule without any of them is stored as version 1, so every value keeps
 * one representation: those 0.2.0 stored compare, hash and print as before.
 */
#define CREDIT_SCHEDULE_VERSION 1
#define CREDIT_SCHEDULE_VERSION_2 2

#define CS_MAX_BANDS	16
#define CS_MAX_COUNT	10000		/* periods in any "after N" or "K of N" */

/*
 * Every number is an exact scaled integer:
 *	- shares (credits, caps, the at-risk amount, allocations, percentage
 *	  thresholds) in millionths of a share: 1% = 10000, 100% = 1000000,
 *	  so a percentage takes at most 4 decimals (99.9999%);
 *	- plain thresholds (a 1-5 CSAT scale, a backlog) in millionths: at most
 *	  6 decimals and less than 10^9 in magnitude;
 *	- chronic multipliers in ten-thousandths (x1.5 = 15000).
 * Thresholds of either kind are "value x 10^6", so they compare alike.
 */
#define CS_MILLION		INT64CONST(1000000)
#define CS_ONE_SHARE	CS_MILLION
#define CS_PLAIN_MAX	(INT64CONST(1000000000) * CS_MILLION)	/* exclusive */
#define CS_FACTOR_ONE	10000
#define CS_FACTOR_MAX	(100 * CS_FACTOR_ONE)

#define CS_NONE			(-1)		/* term not given */
#define CS_POOL			(-2)		/* the credit is at risk x allocation */

/* flags */
#define CS_ABOVE		0x01		/* bands are "above" (lower is better) */
#define CS_PERCENT		0x02		/* thresholds are percentages */
#define CS_FLAGS_ALL	(CS_ABOVE | CS_PERCENT)

/* chronic_effect */
#define CS_CHRONIC_NONE 0
#define CS_CHRONIC_MUL	1			/* chronic_value: factor in ten-thousandths */
#define CS_CHRONIC_ADD	2			/* chronic_value: share in millionths */

typedef struct CreditBand
{
	int64		threshold;		/* value x 10^6 (a share for percentages) */
	int64		credit;			/* millionths of a share, or CS_POOL */
} CreditBand;

/*
 * Counts are 0 when the rule is absent.  Bands are listed mildest first:
 * "below" thresholds strictly decrease, "above" thresholds strictly increase.
 */
typedef struct CreditSchedule
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint8		nbands;
	uint8		chronic_effect;
	int32		chronic_row;	/* chronic after N in a row */
	int32		chronic_k;		/* chronic after K of N */
	int32		chronic_n;
	int32		warning;
	int32		remediation;
	int32		penalty;
	int32		term_row;		/* terminate after N in a row */
	int32		term_k;			/* terminate after K of N */
	int32		term_n;
	int32		earn_back;
	int64		per_miss;		/* CS_NONE, CS_POOL or millionths */
	int64		chronic_value;
	int64		cap;			/* CS_NONE or millionths */
	int64		at_risk;		/* CS_NONE or millionths */
	int64		allocation;		/* CS_NONE or millionths */
	CreditBand	band[FLEXIBLE_ARRAY_MEMBER];
} CreditSchedule;

#define CS_HEADER_SIZE	offsetof(CreditSchedule, band)
#define CS_SIZE(n)		(CS_HEADER_SIZE + (n) * sizeof(CreditBand))

/* CreditTerms2.xflags */
#define CSX_TARGET		0x01		/* earn_back_target is given */
#define CSX_FLAGS_ALL	CSX_TARGET

/*
 * The terms of version 2, after the bands (8-aligned: CS_SIZE(n) is a
 * multiple of 8).  All zero/CS_NONE ("absent") is CS_TERMS2_NONE.
 */
typedef struct CreditTerms2
{
	int64		period_cap;		/* CS_NONE or millionths: all service levels */
	int64		annual_cap;		/* CS_NONE or millionths of the year's fees */
	int64		chronic_cap;	/* CS_NONE or millionths: the cap while chronic */
	int64		earn_back_share;	/* 0: the whole credit; else millionths, < 100% */
	int64		earn_back_target;	/* value x 10^6 when xflags & CSX_TARGET, else 0 */
	int32		xflags;
	int32		reserved;		/* 0 */
} CreditTerms2;

extern const CreditTerms2 CS_TERMS2_NONE;

/* CreditTerms3.annual_base: what the annual cap is a share of */
#define CS_ANNUAL_FEES		0		/* the fees of the months in the query */
#define CS_ANNUAL_CONTRACTED 1		/* the contracted annual fee, an argument */
#define CS_ANNUAL_TO_DATE	2		/* the fees billed so far in the year */

/*
 * The terms of version 3 (0.4.0), after CreditTerms2 (which a version-3
 * value always carries, all absent or not).  A schedule without any of
 * them stays version 1 or 2, so every value stored before keeps its bytes.
 */
typedef struct CreditTerms3
{
	int64		chronic_period_cap; /* CS_NONE or millionths: the period cap
									 * while any service level is chronic */
	int32		warning_k;		/* escalation rungs on "K of N" (0: none) */
	int32		remediation_k;
	int32		penalty_k;
	int32		rung_n;			/* their shared N (0 without any) */
	int32		annual_base;	/* CS_ANNUAL_* */
	int32		reserved;		/* 0 */
} CreditTerms3;

extern const CreditTerms3 CS_TERMS3_NONE;

#define CREDIT_SCHEDULE_VERSION_3 3

#define CS_SIZE2(n)		(CS_SIZE(n) + sizeof(CreditTerms2))
#define CS_SIZE3(n)		(CS_SIZE2(n) + sizeof(CreditTerms3))
#define CS_MAX_SIZE		CS_SIZE3(CS_MAX_BANDS)

/* the size of a value of its version */
#define CS_VALUE_SIZE(cs) \
	((cs)->version == CREDIT_SCHEDULE_VERSION_3 ? CS_SIZE3((cs)->nbands) : \
	 (cs)->version == CREDIT_SCHEDULE_VERSION_2 ? CS_SIZE2((cs)->nbands) : CS_SIZE((cs)->nbands))

/* the version-2 terms of a schedule (the absent ones for version 1) */
static inline const CreditTerms2 *
credit_terms2(const CreditSchedule *cs)
{
	if (cs->version >= CREDIT_SCHEDULE_VERSION_2)
		return (const CreditTerms2 *) ((const char *) cs + CS_SIZE(cs->nbands));
	return &CS_TERMS2_NONE;
}

/* the version-3 terms of a schedule (the absent ones before version 3) */
static inline const CreditTerms3 *
credit_terms3(const CreditSchedule *cs)
{
	if (cs->version == CREDIT_SCHEDULE_VERSION_3)
		return (const CreditTerms3 *) ((const char *) cs + CS_SIZE2(cs->nbands));
	return &CS_TERMS3_NONE;
}

#define DatumGetCreditScheduleP(X)	((CreditSchedule *) PG_DETOAST_DATUM(X))
#define PG_GETARG_CREDIT_SCHEDULE_P(n) DatumGetCreditScheduleP(PG_GETARG_DATUM(n))

/* A problem found by the parser or the validator. */
typedef struct CreditError
{
	int			pos;			/* 0-based character, or -1: names a term */
	char		msg[320];
} CreditError;

/* escalation levels */
#define CS_OK			0
#define CS_WARNING		1
#define CS_REMEDIATION	2
#define CS_PENALTY		3
#define CS_TERMINATION	4

/* Parse text into *cs (allocated by the caller at CS_MAX_SIZE, zeroed). */
extern bool credit_parse(const char *str, CreditSchedule *cs, CreditError *err);

/* Check everything a schedule must satisfy, whatever it was read from. */
extern bool credit_validate(const CreditSchedule *cs, CreditError *err);

/* the credit of a band (or CS_POOL) in units of 10^-12 of a share */
extern int64 credit_q12(const CreditSchedule *cs, int64 credit);

/* The N of the schedule's "K of N" rules, 0 when it has none. */
extern int32 credit_recent_n(const CreditSchedule *cs);

/* rules, given a streak and the misses among the last N periods */
extern bool credit_chronic(const CreditSchedule *cs, int32 streak, int32 recent);
extern bool credit_termination(const CreditSchedule *cs, int32 streak, int32 recent);
extern int	credit_escalation(const CreditSchedule *cs, int32 streak, int32 recent);

/*
 * The credit as a share in units of 10^-16, given the worst band reached
 * (-1: none), the material misses and whether the period is chronic.
 */
#define CS_Q16_SCALE	16
extern int64 credit_share_q16(const CreditSchedule *cs, int band, int32 misses, bool chronic);
extern int64 credit_share_q16_ex(const CreditSchedule *cs, int band, int32 misses, bool chronic,
								 bool *capped);

/* the effective cap in millionths: the cap, else the at-risk amount, else 100% */
extern int64 credit_effective_cap(const CreditSchedule *cs);

/* the cap of one service level in force: the chronic cap while chronic */
extern int64 credit_cap_in_force(const CreditSchedule *cs, bool chronic);

/* earn-back: whether a credit of (streak, recent) can be earned back (not chronic) */
extern bool credit_earn_back_applies(const CreditSchedule *cs, int32 streak, int32 recent);

/* the share of a credit earned back, in millionths (all of it: 100%) */
extern int64 credit_earn_back_share(const CreditSchedule *cs);

/*
 * The cap on all service levels of a period together, in millionths: the
 * smaller of "period cap" and the at-risk amount; CS_NONE without either.
 */
extern int64 credit_period_cap(const CreditSchedule *cs);


/*
 * The credit of one service level in one period as sla_credit computes it,
 * from the arguments of a call (credit.c): the schedule at sched, the
 * attainment at att (numeric, NULL: nothing measured), the misses at
 * misses_arg, the streak and the misses among the last N periods given.
 * False when the schedule or the misses are NULL.
 */
typedef struct CreditLineCalc
{
	const CreditSchedule *cs;	/* the call site's cached copy */
	int64		q16;			/* the share, 10^-16 */
	bool		chronic;
	bool		capped;			/* its own cap (or chronic cap) cut it */
} CreditLineCalc;

extern bool credit_line_calc(FunctionCallInfo fcinfo, int sched, int att, int misses_arg,
							 int32 streak, int32 recent, CreditLineCalc *out);
extern Numeric credit_share_numeric(int64 q16);

/* the schedule of argument argno, from the call site's cache (credit.c) */
extern const CreditSchedule *credit_cached_schedule(FunctionCallInfo fcinfo, int argno);

/*
 * A pointer of the caller's own next to that cache (NULL until it sets it,
 * allocated by it in fn_mcxt), for a function that also keeps other things
 * per call site.
 */
extern void **credit_call_site_data(FunctionCallInfo fcinfo);

#endif							/* MS_CREDIT_H */
