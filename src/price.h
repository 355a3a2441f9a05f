/*
 * price.h
 *		The price_schedule type: how a managed-services contract prices a
 *		month (fixed fee, per unit, tiers, share of a base amount).
 */
#ifndef MS_PRICE_H
#define MS_PRICE_H

#include "managed_services.h"

/*
 * Every number of a schedule (amounts, rates, unit counts, percentages) is a
 * fixed-point int64 with 6 decimal places, from 0 to PRICE_MAX.
 */
#define PRICE_SCALE		1000000
#define PRICE_DECIMALS	6
#define PRICE_MAX		INT64CONST(999999999999999999)	/* 999 999 999 999.999999 */
#define PRICE_MAX_SHARE	INT64CONST(100000000)	/* 100% */
#define PRICE_MAX_TIERS 100
#define PRICE_OPEN		INT64CONST(-1)	/* upper bound of the open-ended tier */

/* flags */
#define PRICE_HAS_FIXED		0x01
#define PRICE_HAS_INCLUDED	0x02
#define PRICE_HAS_RATE		0x04	/* per <unit> */
#define PRICE_HAS_MINIMUM	0x08	/* minimum units of the per-unit term */
#define PRICE_HAS_SHARE		0x10
#define PRICE_HAS_SHARE_MIN 0x20
#define PRICE_FLAGS_V1		0x3f
#define PRICE_HAS_MIN_CHARGE 0x40	/* minimum charge: a floor on the whole charge */
#define PRICE_FLAGS_ALL		0x7f

typedef enum PriceTierMode
{
	PRICE_TIERS_NONE = 0,
	PRICE_TIERS_GRADUATED = 1,
	PRICE_TIERS_VOLUME = 2
} PriceTierMode;

typedef struct PriceTier
{
	int64		upto;			/* units up to and including; PRICE_OPEN: no end */
	int64		rate;
} PriceTier;

/*
 * Format versions: 1 is every schedule without the terms of 0.4.0, stored
 * and sent as before; 2 is a schedule with a minimum charge or a unit word
 * of the user's own, which carries a PriceExtra after its tiers.  A value is
 * version 2 exactly when it has one of those terms, so that equal schedules
 * stay equal bytes.
 */
#define PRICE_SCHEDULE_VERSION 1
#define PRICE_SCHEDULE_VERSION_2 2

/* unit: the user's own word, kept in PriceExtra.word */
#define PRICE_UNIT_OWN	255
#define PRICE_WORD_MAX	31		/* bytes of a unit word of the user's own */

typedef struct PriceSchedule
{
	int32		vl_len_;
	uint8		version;
	uint8		flags;
	uint8		tiermode;		/* PriceTierMode */
	uint8		unit;			/* index into the unit words */
	int32		ntiers;
	int32		pad;			/* zero: values compare with memcmp */
	int64		fixed;
	int64		included;		/* units the fixed fee covers */
	int64		rate;			/* per unit, above the included units */
	int64		minimum;		/* units billed at least */
	int64		share;			/* percent, scaled */
	int64		share_min;		/* amount */
	PriceTier	tiers[FLEXIBLE_ARRAY_MEMBER];
} PriceSchedule;

/* version 2: after the tiers */
typedef struct PriceExtra
{
	int64		min_charge;		/* amount; 0 without PRICE_HAS_MIN_CHARGE */
	char		word[PRICE_WORD_MAX + 1];	/* as written, zero-padded; empty
											 * unless unit is PRICE_UNIT_OWN */
} PriceExtra;

#define PRICE_SIZE(ntiers) (offsetof(PriceSchedule, tiers) + sizeof(PriceTier) * (ntiers))
#define PRICE_SIZE_V(ntiers, version) \
	(PRICE_SIZE(ntiers) + ((version) >= PRICE_SCHEDULE_VERSION_2 ? sizeof(PriceExtra) : 0))
#define PRICE_EXTRA(ps) ((PriceExtra *) &(ps)->tiers[(ps)->ntiers])
#define PG_GETARG_PRICE_P(n) ((PriceSchedule *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* the term a problem is found in, so the parser can point at it */
typedef enum PriceTerm
{
	PT_WHOLE,
	PT_FIXED,
	PT_INCLUDED,
	PT_RATE,
	PT_MINIMUM,
	PT_TIERS,					/* + tier index in PriceError.tier */
	PT_SHARE,
	PT_SHARE_MIN,
	PT_MIN_CHARGE,
	PT_UNIT						/* the unit word */
} PriceTerm;

typedef struct PriceError
{
	PriceTerm	term;
	int			tier;
	char		msg[256];
} PriceError;

/*
 * Check a schedule's fields for consistency (what the text parser accepts and
 * what recv must refuse).  False with *err filled when something is wrong.
 */
extern bool price_check(const PriceSchedule *ps, PriceError *err);

/* canonical text */
extern char *price_to_cstring(const PriceSchedule *ps);

#endif							/* MS_PRICE_H */
