/*
 * price.c
 *		The price_schedule type and charge(): how a managed-services contract
 *		prices a month.
 *
 * Schedule text (keywords and unit words case-insensitive):
 *
 *	schedule := term (';' term)*
 *	term	 := 'fixed' amount ['including' count [unit]]
 *			  | 'per' unit amount ['minimum' count [unit]]
 *			  | ('graduated' | 'volume') ['per' unit] tier (',' tier)*
 *			  | 'share' number '%' ['minimum' amount]
 *			  | 'minimum' 'charge' amount
 *	tier	 := count '-' count ':' amount  |  count '+' ':' amount
 *	unit	 := unit | ticket | call | record | document | user | device | FTE
 *			  | hour | outcome		(or the plural)
 *			  | word				(the user's own: see below)
 *
 * A unit word other than the ten above is the user's own (per incident
 * 95.00): an ASCII letter, then letters, '-' or '_', at most 31 bytes, not a
 * word of the grammar (reserved_words), kept as written.  The ten keep their
 * 0.3.0 meaning and bytes (case-insensitive, stored as an index, printed in
 * lower case); the user's own word is stored as written in a version-2 value.
 * After "including N" or "minimum N" the user's word may be repeated, or
 * written with an "s" (including 100 incidents; per incident 95.00), and the
 * canonical text leaves it out there (including 100; per incident 95.00),
 * since the plural of a word of the user's own is not ours to spell.
 * "minimum charge" is a floor on the whole charge, printed last.
 *
 * e.g. "fixed 18500.00 including 800 tickets; per ticket 14.50".  A tier a-b
 * holds the units above a up to and including b (Stripe's up_to), the first
 * tier starts at 0 and the last is open (5000+).  The including units are
 * billed by the fixed fee, the units above them at the per-unit rate; a
 * minimum bills at least that many units (per unit) or that amount (share).
 *
 * Every number is kept as an int64 with 6 decimal places and the charge is
 * computed in numeric, exactly, then rounded half-up to cents once.
 */
#include "price.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "schedcache.h"

PG_FUNCTION_INFO_V1(price_schedule_in);
PG_FUNCTION_INFO_V1(price_schedule_out);
PG_FUNCTION_INFO_V1(price_schedule_recv);
PG_FUNCTION_INFO_V1(price_schedule_send);
PG_FUNCTION_INFO_V1(price_schedule_eq);
PG_FUNCTION_INFO_V1(price_schedule_ne);
PG_FUNCTION_INFO_V1(price_schedule_hash);
PG_FUNCTION_INFO_V1(price_schedule_hash_extended);
PG_FUNCTION_INFO_V1(price_charge);
PG_FUNCTION_INFO_V1(price_fixed);
PG_FUNCTION_INFO_V1(price_included_units);
PG_FUNCTION_INFO_V1(price_minimum_units);
PG_FUNCTION_INFO_V1(price_share);
PG_FUNCTION_INFO_V1(price_share_minimum);
PG_FUNCTION_INFO_V1(price_minimum_charge);
PG_FUNCTION_INFO_V1(price_unit);
PG_FUNCTION_INFO_V1(price_tier);
PG_FUNCTION_INFO_V1(price_rate);

/* the words a schedule counts units in; the first is the generic one */
static const struct
{
	const char *one;
	const char *many;
}			unit_words[] =
{
	{"unit", "units"},
	{"ticket", "tickets"},
	{"call", "calls"},
	{"record", "records"},
	{"document", "documents"},
	{"user", "users"},
	{"device", "devices"},
	{"FTE", "FTEs"},
	{"hour", "hours"},
	{"outcome", "outcomes"},
};

#define UNIT_GENERIC 0
#define UNIT_WORDS_HINT "a word such as unit, ticket, call or incident"

/* words of the grammar: never a unit word (so never the user's own) */
static const char *const reserved_words[] =
{
	"fixed", "including", "per", "minimum", "charge", "graduated", "volume", "share"
};

static const char *const tier_mode_words[] = {"", "graduated", "volume"};

/* ---------------------------------------------------------------------
 * numbers: int64 with 6 decimals
 * --------------------------------------------------------------------- */

/*
 * v / 10^decimals as text, with trailing zeros cut down to min_decimals
 * (2 for money, 0 for counts and percentages).
 */
static void
append_fixed(StringInfo buf, int64 v, int decimals, int min_decimals)
{
	int64		unit = 1;
	char		frac[24];
	int			n;

	for (int i = 0; i < decimals; i++)
		unit *= 10;
	appendStringInfo(buf, "%lld", (long long) (v / unit));
	snprintf(frac, sizeof(frac), "%0*lld", decimals, (long long) (v % unit));
	n = decimals;
	while (n > min_decimals && frac[n - 1] == '0')
		n--;
	if (n > 0)
		appendStringInfo(buf, ".%.*s", n, frac);
}

static void
append_money(StringInfo buf, int64 v)
{
	append_fixed(buf, v, PRICE_DECIMALS, 2);
}

static void
append_count(StringInfo buf, int64 v)
{
	append_fixed(buf, v, PRICE_DECIMALS, 0);
}

static Numeric
fixed_numeric(int64 v, int decimals, int min_decimals)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_fixed(&buf, v, decimals, min_decimals);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf.data),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

static Numeric
money_numeric(int64 v)
{
	return fixed_numeric(v, PRICE_DECIMALS, 2);
}

static Numeric
count_numeric(int64 v)
{
	return fixed_numeric(v, PRICE_DECIMALS, 0);
}

/* a share as the fraction it is (8% is 0.08): percent with 6 decimals = 8 */
static Numeric
share_numeric(int64 v)
{
	return fixed_numeric(v, PRICE_DECIMALS + 2, 0);
}

/* ---------------------------------------------------------------------
 * consistency, shared by the text parser and recv
 * --------------------------------------------------------------------- */

static bool
perr(PriceError *err, PriceTerm term, int tier, const char *fmt,...) pg_attribute_printf(4, 5);

static bool
perr(PriceError *err, PriceTerm term, int tier, const char *fmt,...)
{
	va_list		args;

	err->term = term;
	err->tier = tier;
	va_start(args, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, args);
	va_end(args);
	return false;
}

static const char *
count_str(int64 v)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_count(&buf, v);
	return buf.data;
}

static const char *
money_str(int64 v)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_money(&buf, v);
	return buf.data;
}

static bool
in_range(int64 v)
{
	return v >= 0 && v <= PRICE_MAX;
}

/* the unit word after "per" */
static const char *
unit_one(const PriceSchedule *ps)
{
	if (ps->unit == PRICE_UNIT_OWN)
		return PRICE_EXTRA(ps)->word;
	return unit_words[ps->unit].one;
}

/* the unit word after a count: none for the user's own word (see the top) */
static const char *
unit_word(const PriceSchedule *ps, int64 count)
{
	if (ps->unit == PRICE_UNIT_OWN)
		return NULL;
	return count == PRICE_SCALE ? unit_words[ps->unit].one : unit_words[ps->unit].many;
}

/* " N tickets", or " N" with the user's own word */
static const char *
count_unit_str(const PriceSchedule *ps, int64 count)
{
	const char *w = unit_word(ps, count);

	return psprintf("%s%s%s", count_str(count), w ? " " : "", w ? w : "");
}

static bool
is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

/* length of the word at p: an ASCII letter, then letters, '-' or '_' */
static int
word_len(const char *p)
{
	int			n = 0;

	if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')))
		return 0;
	while (is_word_char(p[n]))
		n++;
	return n;
}

static bool
is_reserved(const char *p, int len)
{
	for (int i = 0; i < (int) lengthof(reserved_words); i++)
		if (ms_word_is(p, len, reserved_words[i]))
			return true;
	return false;
}

static int
unit_lookup(const char *p, int len)
{
	for (int i = 0; i < (int) lengthof(unit_words); i++)
		if (ms_word_is(p, len, unit_words[i].one) || ms_word_is(p, len, unit_words[i].many))
			return i;
	return -1;
}

/*
 * The version-2 tail: a minimum charge and the user's own unit word, each
 * present exactly when its term is, zero otherwise (equal values are equal
 * bytes).
 */
static bool
check_extra(const PriceSchedule *ps, PriceError *err)
{
	const PriceExtra *x = PRICE_EXTRA(ps);
	bool		has_charge = (ps->flags & PRICE_HAS_MIN_CHARGE) != 0;
	bool		has_word = ps->unit == PRICE_UNIT_OWN;
	int			len = 0;

	if (ps->version == PRICE_SCHEDULE_VERSION)
	{
		if (has_charge || has_word)
			return perr(err, PT_WHOLE, 0, "a minimum charge or a unit word of one's own in a version-1 value.");
		return true;
	}
	if (!has_charge && !has_word)
		return perr(err, PT_WHOLE, 0, "a version-2 value with neither a minimum charge nor a unit word of one's own.");
	if (!has_charge && x->min_charge != 0)
		return perr(err, PT_WHOLE, 0, "a value is set for an absent term.");
	while (len <= PRICE_WORD_MAX && x->word[len] != '\0')
		len++;
	for (int i = len; i <= PRICE_WORD_MAX; i++)
		if (x->word[i] != '\0')
			return perr(err, PT_UNIT, 0, "the unit word is not zero-padded.");
	if (!has_word)
		return len == 0 ? true : perr(err, PT_WHOLE, 0, "a value is set for an absent term.");
	if (len == 0 || len > PRICE_WORD_MAX)
		return perr(err, PT_UNIT, 0, "a unit word has 1 to %d characters.", PRICE_WORD_MAX);
	if (word_len(x->word) != len)
		return perr(err, PT_UNIT, 0, "a unit word is an ASCII letter, then letters, \"-\" or \"_\".");
	if (is_reserved(x->word, len))
		return perr(err, PT_UNIT, 0, "\"%s\" is a word of the grammar, not a unit.", x->word);
	if (unit_lookup(x->word, len) >= 0)
		return perr(err, PT_UNIT, 0, "\"%s\" is one of the built-in unit words, stored by its index.", x->word);
	return true;
}

/*
 * A minimum charge must be able to bind: above 0 and above the least the
 * other terms always bill (the fixed fee, the minimum units beyond the
 * included ones at the rate, the share's minimum), in 10^-12 exactly.
 */
static bool
check_min_charge(const PriceSchedule *ps, PriceError *err)
{
	int64		mc = PRICE_EXTRA(ps)->min_charge;
	int128		least;

	if (!in_range(mc))
		return perr(err, PT_MIN_CHARGE, 0, "the minimum charge is out of range.");
	if (mc == 0)
		return perr(err, PT_MIN_CHARGE, 0, "a minimum charge of 0.00 is no minimum: leave it out.");
	least = ((int128) ps->fixed + ps->share_min) * PRICE_SCALE;
	if (ps->flags & PRICE_HAS_MINIMUM)
		least += (int128) ps->rate * (ps->minimum - ps->included);
	if ((int128) mc * PRICE_SCALE <= least)
		return perr(err, PT_MIN_CHARGE, 0,
					"minimum charge %s never applies: the fixed fee, the minimum units and the share's minimum always bill at least that much.",
					money_str(mc));
	return true;
}

/*
 * The layout: a known version, flags and unit, the tail of version 2, absent
 * terms zero (so that equal schedules are equal bytes), each value in range.
 */
static bool
check_shape(const PriceSchedule *ps, PriceError *err)
{
	int			f = ps->flags;

	if (ps->version != PRICE_SCHEDULE_VERSION && ps->version != PRICE_SCHEDULE_VERSION_2)
		return perr(err, PT_WHOLE, 0, "unsupported format version %d.", ps->version);
	if ((f & ~PRICE_FLAGS_ALL) != 0 || ps->tiermode > PRICE_TIERS_VOLUME || ps->pad != 0)
		return perr(err, PT_WHOLE, 0, "bad flags.");
	if (ps->unit >= lengthof(unit_words) && ps->unit != PRICE_UNIT_OWN)
		return perr(err, PT_WHOLE, 0, "unknown unit word %d.", ps->unit);
	if (ps->ntiers < 0 || ps->ntiers > PRICE_MAX_TIERS)
		return perr(err, PT_TIERS, 0, "between 1 and %d tiers are allowed.", PRICE_MAX_TIERS);
	if (!check_extra(ps, err))
		return false;
	if (f == 0 && ps->tiermode == PRICE_TIERS_NONE)
		return perr(err, PT_WHOLE, 0, "the schedule has no terms.");

	/* absent terms are zero, so that equal schedules are equal bytes */
	if ((!(f & PRICE_HAS_FIXED) && ps->fixed != 0) ||
		(!(f & PRICE_HAS_INCLUDED) && ps->included != 0) ||
		(!(f & PRICE_HAS_RATE) && ps->rate != 0) ||
		(!(f & PRICE_HAS_MINIMUM) && ps->minimum != 0) ||
		(!(f & PRICE_HAS_SHARE) && ps->share != 0) ||
		(!(f & PRICE_HAS_SHARE_MIN) && ps->share_min != 0) ||
		(ps->tiermode == PRICE_TIERS_NONE && ps->ntiers != 0))
		return perr(err, PT_WHOLE, 0, "a value is set for an absent term.");

	if (!in_range(ps->fixed))
		return perr(err, PT_FIXED, 0, "the fee is out of range.");
	if (!in_range(ps->included))
		return perr(err, PT_INCLUDED, 0, "the included units are out of range.");
	if (!in_range(ps->rate))
		return perr(err, PT_RATE, 0, "the rate is out of range.");
	if (!in_range(ps->minimum))
		return perr(err, PT_MINIMUM, 0, "the minimum is out of range.");
	if (ps->share < 0 || ps->share > PRICE_MAX_SHARE)
		return perr(err, PT_SHARE, 0, "a share is at most 100%%.");
	if (!in_range(ps->share_min))
		return perr(err, PT_SHARE_MIN, 0, "the minimum is out of range.");
	return true;
}

bool
price_check(const PriceSchedule *ps, PriceError *err)
{
	int			f = ps->flags;

	if (!check_shape(ps, err))
		return false;

	if ((f & PRICE_HAS_INCLUDED) && !(f & PRICE_HAS_FIXED))
		return perr(err, PT_INCLUDED, 0, "included units need a fixed fee.");
	if ((f & PRICE_HAS_INCLUDED) && ps->tiermode != PRICE_TIERS_NONE)
		return perr(err, PT_INCLUDED, 0,
					"\"including\" does not combine with tiers: write the included units as a first tier at 0.00, e.g. graduated 0-%s: 0.00, %s+: ...",
					count_str(ps->included), count_str(ps->included));
	if ((f & PRICE_HAS_INCLUDED) && !(f & PRICE_HAS_RATE))
		return perr(err, PT_INCLUDED, 0,
					"\"including %s\" needs a rate for the units above them: add a term such as \"per %s 14.50\".",
					count_unit_str(ps, ps->included), unit_one(ps));
	if ((f & PRICE_HAS_RATE) && ps->tiermode != PRICE_TIERS_NONE)
		return perr(err, PT_TIERS, 0,
					"\"per %s\" and \"%s\" both price every unit: use one of them.",
					unit_one(ps), tier_mode_words[ps->tiermode]);
	if ((f & PRICE_HAS_MINIMUM) && !(f & PRICE_HAS_RATE))
		return perr(err, PT_MINIMUM, 0, "a minimum of units needs a \"per unit\" rate.");
	if (f & PRICE_HAS_MINIMUM)
	{
		if (ps->minimum == 0)
			return perr(err, PT_MINIMUM, 0, "a minimum of 0 is no minimum: leave it out.");
		if (ps->rate == 0)
			return perr(err, PT_MINIMUM, 0,
						"a minimum of %s at a rate of 0.00 bills nothing.",
						count_unit_str(ps, ps->minimum));
		if ((f & PRICE_HAS_INCLUDED) && ps->minimum <= ps->included)
			return perr(err, PT_MINIMUM, 0,
						"a minimum of %s is within the %s included in the fixed fee: it bills nothing more.",
						count_unit_str(ps, ps->minimum), count_str(ps->included));
	}
	if (ps->unit != UNIT_GENERIC && !(f & PRICE_HAS_RATE) && ps->tiermode == PRICE_TIERS_NONE)
		return perr(err, PT_WHOLE, 0, "a unit word without a unit price.");
	if ((f & PRICE_HAS_SHARE_MIN) && !(f & PRICE_HAS_SHARE))
		return perr(err, PT_SHARE_MIN, 0, "a minimum amount needs a share.");
	/* 0% with a floor bills the floor: a real term (a minimum-only share) */
	if ((f & PRICE_HAS_SHARE) && ps->share == 0 && !(f & PRICE_HAS_SHARE_MIN))
		return perr(err, PT_SHARE, 0, "a share of 0%% with no minimum bills nothing: leave the term out, or give it a minimum (share 0%% minimum 2000.00).");
	if ((f & PRICE_HAS_SHARE_MIN) && ps->share_min == 0)
		return perr(err, PT_SHARE_MIN, 0, "a minimum of 0.00 is no minimum: leave it out.");
	if ((f & PRICE_HAS_MIN_CHARGE) && !check_min_charge(ps, err))
		return false;

	if (ps->tiermode != PRICE_TIERS_NONE)
	{
		int64		lower = 0;

		if (ps->ntiers < 1 || ps->ntiers > PRICE_MAX_TIERS)
			return perr(err, PT_TIERS, 0, "between 1 and %d tiers are allowed.", PRICE_MAX_TIERS);
		for (int i = 0; i < ps->ntiers; i++)
		{
			const PriceTier *t = &ps->tiers[i];
			bool		last = (i == ps->ntiers - 1);

			if (!in_range(t->rate))
				return perr(err, PT_TIERS, i, "the rate is out of range.");
			if (t->upto == PRICE_OPEN)
			{
				if (!last)
					return perr(err, PT_TIERS, i + 1,
								"a tier after the open-ended tier %s+.", count_str(lower));
				continue;
			}
			if (!in_range(t->upto))
				return perr(err, PT_TIERS, i, "the tier's bound is out of range.");
			if (t->upto <= lower)
				return perr(err, PT_TIERS, i, "empty tier %s-%s: the upper bound must be above the lower.",
							count_str(lower), count_str(t->upto));
			if (last)
				return perr(err, PT_TIERS, i,
							"the last tier ends at %s, so the units above it have no price: end with an open tier such as %s+: 3.00.",
							count_str(t->upto), count_str(t->upto));
			lower = t->upto;
		}
	}
	return true;
}

/* ---------------------------------------------------------------------
 * text input
 * --------------------------------------------------------------------- */

typedef struct PriceParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
	const char *unit_at;		/* where the schedule's unit word was first given */
	int			unit_len;
	/* where each term starts, to point at it */
	const char *at_fixed;
	const char *at_included;
	const char *at_rate;
	const char *at_minimum;
	const char *at_tiers;
	const char *at_tier[PRICE_MAX_TIERS + 1];
	const char *at_share;
	const char *at_share_min;
	const char *at_min_charge;
	int64		min_charge;
	/* the user's own unit word: where "per" gave it, where a count did */
	const char *own_at;
	int			own_len;
	const char *qty_at;
	int			qty_len;
} PriceParser;

#define price_error(pp, at, ...) \
	ms_syntax_error((pp)->escontext, "price_schedule", (pp)->str, (at), __VA_ARGS__)

static void
pskip(PriceParser *pp)
{
	while (*pp->p && isspace((unsigned char) *pp->p))
		pp->p++;
}

/* the next word, if it is w (consumed) */
static bool
accept_word(PriceParser *pp, const char *w)
{
	int			len;

	pskip(pp);
	len = ms_alpha_len(pp->p);
	if (len > 0 && ms_word_is(pp->p, len, w))
	{
		pp->p += len;
		return true;
	}
	return false;
}

/* a unit word with a character no word has (Störung, _x) */
static bool
not_a_word(PriceParser *pp, const char *at)
{
	int			n = 0;

	while (at[n] && !isspace((unsigned char) at[n]) && !isdigit((unsigned char) at[n]) && at[n] != ';' &&
		   (n < 40 || ((unsigned char) at[n] & 0xC0) == 0x80))
		n++;
	return price_error(pp, at, "\"%.*s\" is not a unit word: an ASCII letter, then letters, \"-\" or \"_\", at most %d characters.",
					   n, at, PRICE_WORD_MAX);
}

/*
 * The user's own word after a count (qty) is the word of "per", or it with
 * an "s" (including 100 incidents; per incident 95.00).
 */
static bool
own_word_agrees(PriceParser *pp, const char *qty, int qlen)
{
	int			n = pp->own_len;

	if (qlen == n && pg_strncasecmp(qty, pp->own_at, n) == 0)
		return true;
	if (qlen == n + 1 && pg_strncasecmp(qty, pp->own_at, n) == 0 &&
		(qty[n] == 's' || qty[n] == 'S'))
		return true;
	return price_error(pp, qty, "\"%.*s\" here but \"per %.*s\": a schedule counts one kind of unit (the word of \"per\", or it with an \"s\").",
					   qlen, qty, n, pp->own_at);
}

/*
 * A unit word at pp->p (required when required, else only if a word that is
 * not of the grammar is there): a schedule counts one kind of unit, "unit"
 * being the generic word.  pricing: after "per", where the user's own word
 * is spelled for the canonical text.
 */
static bool
parse_unit(PriceParser *pp, PriceSchedule *ps, bool required, bool pricing, const char *after)
{
	const char *at;
	int			len;
	int			u;

	pskip(pp);
	at = pp->p;
	len = word_len(at);
	if ((unsigned char) at[len] >= 0x80 ||
		(len == 0 && ((unsigned char) at[0] >= 0x80 || at[0] == '_' || at[0] == '-')))
		return not_a_word(pp, at);
	if (len == 0 || is_reserved(at, len))
	{
		if (!required)
			return true;
		if (len == 0)
			return price_error(pp, at, "expected a unit after \"%s\": %s.", after, UNIT_WORDS_HINT);
		return price_error(pp, at, "\"%.*s\" is a word of the grammar, not a unit: expected %s after \"%s\".",
						   len, at, UNIT_WORDS_HINT, after);
	}
	if (len > PRICE_WORD_MAX)
		return price_error(pp, at, "unit word \"%.*s...\" is longer than %d characters.",
						   PRICE_WORD_MAX, at, PRICE_WORD_MAX);
	u = unit_lookup(at, len);
	pp->p += len;
	if (u == UNIT_GENERIC)
		return true;
	if (u < 0)
		u = PRICE_UNIT_OWN;
	if (ps->unit == PRICE_UNIT_OWN && u != PRICE_UNIT_OWN)
		return price_error(pp, at, "\"%.*s\" here but \"%.*s\" in an earlier term: a schedule counts one kind of unit.",
						   len, at, pp->unit_len, pp->unit_at);
	if (ps->unit != UNIT_GENERIC && ps->unit != u)
		return price_error(pp, at, "\"%.*s\" here but %s in an earlier term: a schedule counts one kind of unit.",
						   len, at, unit_words[ps->unit].many);
	ps->unit = (uint8) u;
	if (pp->unit_at == NULL)
	{
		pp->unit_at = at;
		pp->unit_len = len;
	}
	if (u != PRICE_UNIT_OWN)
		return true;
	if (pricing)
	{
		pp->own_at = at;
		pp->own_len = len;
		/* an "including" before the "per" */
		return pp->qty_at == NULL || own_word_agrees(pp, pp->qty_at, pp->qty_len);
	}
	if (pp->own_at != NULL)
		return own_word_agrees(pp, at, len);
	if (pp->qty_at != NULL && !(len == pp->qty_len && pg_strncasecmp(at, pp->qty_at, len) == 0))
		return price_error(pp, at, "\"%.*s\" here but \"%.*s\" in an earlier term: a schedule counts one kind of unit.",
						   len, at, pp->qty_len, pp->qty_at);
	pp->qty_at = at;
	pp->qty_len = len;
	return true;
}

/*
 * A number with up to 12 integer digits and 6 decimals (more decimals only
 * if they are zeros), into *v scaled by 10^6.  what says what was expected.
 */
static bool
parse_number(PriceParser *pp, int64 *v, const char *what)
{
	const char *at;
	int64		ip = 0;
	int64		frac = 0;
	int			ndig = 0;

	pskip(pp);
	at = pp->p;
	if (*at == '-' && (isdigit((unsigned char) at[1]) || at[1] == '.'))
	{
		const char *e = at + 1;

		while (isdigit((unsigned char) *e) || *e == '.')
			e++;
		return price_error(pp, at, "negative number \"%.*s\": amounts, rates and units are zero or more.",
						   (int) Min(e - at, 30), at);
	}
	if (!isdigit((unsigned char) *at))
		return price_error(pp, at, "expected %s.", what);
	while (isdigit((unsigned char) *pp->p))
	{
		ip = ip * 10 + (*pp->p++ - '0');
		if (ip > PRICE_MAX / PRICE_SCALE)
		{
			while (isdigit((unsigned char) *pp->p))
				pp->p++;
			return price_error(pp, at, "%.*s is out of range: at most 999999999999.999999.",
							   (int) Min(pp->p - at, 30), at);
		}
	}
	if (*pp->p == '.' && isdigit((unsigned char) pp->p[1]))
	{
		pp->p++;
		while (isdigit((unsigned char) *pp->p))
		{
			if (ndig < PRICE_DECIMALS)
				frac = frac * 10 + (*pp->p - '0');
			else if (*pp->p != '0')
			{
				while (isdigit((unsigned char) *pp->p))
					pp->p++;
				return price_error(pp, at, "%.*s has more than %d decimal places.",
								   (int) Min(pp->p - at, 30), at, PRICE_DECIMALS);
			}
			ndig++;
			pp->p++;
		}
		for (; ndig < PRICE_DECIMALS; ndig++)
			frac *= 10;
	}
	*v = ip * PRICE_SCALE + frac;
	return true;
}

static const char *
tier_str(int64 lower, int64 upto)
{
	return psprintf("%s%s%s", count_str(lower), upto == PRICE_OPEN ? "+" : "-",
					upto == PRICE_OPEN ? "" : count_str(upto));
}

/*
 * The tier list, read whole and then checked in order, so that tiers given
 * in the wrong order are called that rather than a gap or an overlap.
 */
static bool
parse_tiers(PriceParser *pp, PriceSchedule **psp)
{
	PriceSchedule *ps;
	int64		lower[PRICE_MAX_TIERS];
	int64		upto[PRICE_MAX_TIERS];
	int64		rate[PRICE_MAX_TIERS];
	int			n = 0;

	for (;;)
	{
		const char *at;

		pskip(pp);
		at = pp->p;
		if (n == PRICE_MAX_TIERS)
			return price_error(pp, at, "more than %d tiers.", PRICE_MAX_TIERS);
		pp->at_tier[n] = at;
		if (!parse_number(pp, &lower[n], "a tier such as 0-1000: 5.00 or 5000+: 3.00"))
			return false;
		pskip(pp);
		if (*pp->p == '+')
		{
			pp->p++;
			upto[n] = PRICE_OPEN;
		}
		else if (*pp->p == '-')
		{
			pp->p++;
			if (!parse_number(pp, &upto[n], "the tier's upper bound after \"-\""))
				return false;
		}
		else
			return price_error(pp, pp->p, "expected \"-\" and an upper bound, or \"+\", after the tier's lower bound %s.",
							   count_str(lower[n]));
		if (upto[n] != PRICE_OPEN && upto[n] <= lower[n])
			return price_error(pp, at, "empty tier %s: the upper bound must be above the lower.",
							   tier_str(lower[n], upto[n]));
		pskip(pp);
		if (*pp->p != ':')
			return price_error(pp, pp->p, "expected \":\" and a rate after the tier.");
		pp->p++;
		if (!parse_number(pp, &rate[n], "a rate after \":\""))
			return false;
		n++;
		pskip(pp);
		if (*pp->p != ',')
			break;
		pp->p++;
	}

	for (int i = 1; i < n; i++)
		if (lower[i] < lower[i - 1])
			return price_error(pp, pp->at_tier[i], "tiers out of order: %s comes after %s; list them from the fewest units up.",
							   tier_str(lower[i], upto[i]), tier_str(lower[i - 1], upto[i - 1]));
	for (int i = 0; i < n; i++)
	{
		int64		prev = (i == 0) ? 0 : upto[i - 1];

		if (i == 0 && lower[0] != 0)
			return price_error(pp, pp->at_tier[0], "the first tier must start at 0 (a tier a-b holds the units above a up to and including b).");
		if (i > 0 && prev == PRICE_OPEN)
			return price_error(pp, pp->at_tier[i], "a tier after the open-ended tier %s.",
							   tier_str(lower[i - 1], PRICE_OPEN));
		if (lower[i] < prev)
			return price_error(pp, pp->at_tier[i], "tier %s overlaps the tier before, which ends at %s.",
							   tier_str(lower[i], upto[i]), count_str(prev));
		if (lower[i] > prev)
			return price_error(pp, pp->at_tier[i], "gap between %s and %s: each tier starts where the one before ends (a tier a-b holds the units above a up to and including b).",
							   count_str(prev), count_str(lower[i]));
	}

	ps = repalloc(*psp, PRICE_SIZE(n));
	for (int i = 0; i < n; i++)
	{
		ps->tiers[i].upto = upto[i];
		ps->tiers[i].rate = rate[i];
	}
	ps->ntiers = n;
	SET_VARSIZE(ps, PRICE_SIZE(n));
	*psp = ps;
	return true;
}

static bool
duplicate(PriceParser *pp, const char *at, const char *earlier, const char *what)
{
	return price_error(pp, at, "%s: the schedule already has one at character %d.",
					   what, (int) (earlier - pp->str) + 1);
}

/* "minimum charge" right after a term, with no ";" */
static bool
charge_not_here(PriceParser *pp, const char *term)
{
	return price_error(pp, pp->p, "\"minimum charge\" is a term of its own, a floor on the whole charge: write it after a \";\", as in %s; minimum charge 5000.00.",
					   term);
}

/* per UNIT RATE [minimum COUNT [UNIT]], after "per" at at */
static bool
parse_per(PriceParser *pp, PriceSchedule *ps, const char *at)
{
	if (ps->flags & PRICE_HAS_RATE)
		return duplicate(pp, at, pp->at_rate, "a second unit price");
	if (ps->tiermode != PRICE_TIERS_NONE)
		return price_error(pp, at, "\"per\" and \"%s\" both price every unit: use one of them.",
						   tier_mode_words[ps->tiermode]);
	pp->at_rate = at;
	ps->flags |= PRICE_HAS_RATE;
	if (!parse_unit(pp, ps, true, true, "per") ||
		!parse_number(pp, &ps->rate, "a rate after the unit, e.g. per ticket 4.50"))
		return false;
	pskip(pp);
	pp->at_minimum = pp->p;
	if (accept_word(pp, "minimum"))
	{
		if (accept_word(pp, "charge"))
			return charge_not_here(pp, "per unit 4.50");
		ps->flags |= PRICE_HAS_MINIMUM;
		if (!parse_number(pp, &ps->minimum, "a number of units after \"minimum\", e.g. minimum 1000") ||
			!parse_unit(pp, ps, false, false, "minimum"))
			return false;
	}
	return true;
}

/* share PERCENT% [minimum AMOUNT], after "share" at at */
static bool
parse_share(PriceParser *pp, PriceSchedule *ps, const char *at)
{
	if (ps->flags & PRICE_HAS_SHARE)
		return duplicate(pp, at, pp->at_share, "a second share");
	pp->at_share = at;
	ps->flags |= PRICE_HAS_SHARE;
	if (!parse_number(pp, &ps->share, "a percentage after \"share\", e.g. share 8%"))
		return false;
	pskip(pp);
	if (*pp->p != '%')
		return price_error(pp, pp->p, "expected \"%%\": a share is a percentage of the base amount, e.g. share 8%%.");
	pp->p++;
	pskip(pp);
	pp->at_share_min = pp->p;
	if (accept_word(pp, "minimum"))
	{
		if (accept_word(pp, "charge"))
			return charge_not_here(pp, "share 8%");
		ps->flags |= PRICE_HAS_SHARE_MIN;
		if (!parse_number(pp, &ps->share_min, "an amount after \"minimum\", e.g. minimum 2000.00"))
			return false;
	}
	return true;
}

static bool
parse_term(PriceParser *pp, PriceSchedule **psp)
{
	PriceSchedule *ps = *psp;
	const char *at;
	int			len;

	pskip(pp);
	at = pp->p;
	len = ms_alpha_len(at);
	if (len == 0)
		return price_error(pp, at, "expected a term: fixed, per, graduated, volume, share or minimum charge.");
	pp->p += len;

	if (ms_word_is(at, len, "fixed"))
	{
		if (ps->flags & PRICE_HAS_FIXED)
			return duplicate(pp, at, pp->at_fixed, "a second fixed fee");
		pp->at_fixed = at;
		ps->flags |= PRICE_HAS_FIXED;
		if (!parse_number(pp, &ps->fixed, "an amount after \"fixed\", e.g. fixed 18500.00"))
			return false;
		pskip(pp);
		pp->at_included = pp->p;
		if (accept_word(pp, "including"))
		{
			ps->flags |= PRICE_HAS_INCLUDED;
			if (!parse_number(pp, &ps->included, "a number of units after \"including\", e.g. including 800 units") ||
				!parse_unit(pp, ps, false, false, "including"))
				return false;
		}
	}
	else if (ms_word_is(at, len, "per"))
		return parse_per(pp, ps, at);
	else if (ms_word_is(at, len, "graduated") || ms_word_is(at, len, "volume"))
	{
		int			mode = ms_word_is(at, len, "graduated") ? PRICE_TIERS_GRADUATED : PRICE_TIERS_VOLUME;

		if (ps->tiermode != PRICE_TIERS_NONE)
			return duplicate(pp, at, pp->at_tiers, "a second set of tiers");
		if (ps->flags & PRICE_HAS_RATE)
			return price_error(pp, at, "\"%s\" and \"per\" both price every unit: use one of them.",
							   tier_mode_words[mode]);
		pp->at_tiers = at;
		ps->tiermode = (uint8) mode;
		if (accept_word(pp, "per") && !parse_unit(pp, ps, true, true, "per"))
			return false;
		if (!parse_tiers(pp, psp))
			return false;
	}
	else if (ms_word_is(at, len, "share"))
		return parse_share(pp, ps, at);
	else if (ms_word_is(at, len, "minimum") && accept_word(pp, "charge"))
	{
		if (pp->at_min_charge != NULL)
			return duplicate(pp, at, pp->at_min_charge, "a second minimum charge");
		pp->at_min_charge = at;
		if (!parse_number(pp, &pp->min_charge, "an amount after \"minimum charge\", e.g. minimum charge 5000.00"))
			return false;
	}
	else if (ms_word_is(at, len, "minimum"))
		return price_error(pp, at, "\"minimum\" with no term before it: it follows the term it applies to, as in per unit 4.50 minimum 1000 or share 8%% minimum 2000.00, or it is a minimum charge (minimum charge 5000.00).");
	else if (ms_word_is(at, len, "including"))
		return price_error(pp, at, "\"including\" follows a fixed fee, as in fixed 18500.00 including 800 units.");
	else
		return price_error(pp, at, "unknown term \"%.*s\": expected fixed, per, graduated, volume, share or minimum charge.",
						   Min(len, 30), at);
	return true;
}

static const char *
term_position(PriceParser *pp, const PriceError *err)
{
	const char *at = NULL;

	switch (err->term)
	{
		case PT_WHOLE:
			break;
		case PT_FIXED:
			at = pp->at_fixed;
			break;
		case PT_INCLUDED:
			at = pp->at_included;
			break;
		case PT_RATE:
			at = pp->at_rate;
			break;
		case PT_MINIMUM:
			at = pp->at_minimum;
			break;
		case PT_TIERS:
			at = (err->tier >= 0 && err->tier <= PRICE_MAX_TIERS && pp->at_tier[err->tier])
				? pp->at_tier[err->tier] : pp->at_tiers;
			break;
		case PT_SHARE:
			at = pp->at_share;
			break;
		case PT_SHARE_MIN:
			at = pp->at_share_min;
			break;
		case PT_MIN_CHARGE:
			at = pp->at_min_charge;
			break;
		case PT_UNIT:
			at = pp->unit_at;
			break;
	}
	return at ? at : pp->str;
}

/* a version-2 value: the minimum charge and the user's own word after the tiers */
static PriceSchedule *
add_extra(PriceParser *pp, PriceSchedule *ps)
{
	PriceExtra *x;
	const char *word = pp->own_at ? pp->own_at : pp->qty_at;
	int			len = pp->own_at ? pp->own_len : pp->qty_len;

	ps = repalloc(ps, PRICE_SIZE_V(ps->ntiers, PRICE_SCHEDULE_VERSION_2));
	SET_VARSIZE(ps, PRICE_SIZE_V(ps->ntiers, PRICE_SCHEDULE_VERSION_2));
	ps->version = PRICE_SCHEDULE_VERSION_2;
	x = PRICE_EXTRA(ps);
	memset(x, 0, sizeof(PriceExtra));
	if (pp->at_min_charge != NULL)
	{
		ps->flags |= PRICE_HAS_MIN_CHARGE;
		x->min_charge = pp->min_charge;
	}
	if (ps->unit == PRICE_UNIT_OWN)
		memcpy(x->word, word, len);
	return ps;
}

/*
 * Parse schedule text into a new schedule; NULL (after a soft error where
 * escontext allows) when the text is bad.
 */
static PriceSchedule *
price_parse(const char *str, Node *escontext)
{
	PriceParser pp;
	PriceSchedule *ps = palloc0(PRICE_SIZE(0));
	PriceError err;

	memset(&pp, 0, sizeof(pp));
	pp.str = str;
	pp.p = str;
	pp.escontext = escontext;
	SET_VARSIZE(ps, PRICE_SIZE(0));
	ps->version = PRICE_SCHEDULE_VERSION;

	pskip(&pp);
	if (*pp.p == '\0')
	{
		price_error(&pp, pp.p, "the value is empty: expected terms such as \"fixed 18500.00 including 800 units; per unit 14.50\".");
		return NULL;
	}
	for (;;)
	{
		if (!parse_term(&pp, &ps))
			return NULL;
		pskip(&pp);
		if (*pp.p == '\0')
			break;
		if (*pp.p != ';')
		{
			price_error(&pp, pp.p, "expected \";\" and another term, or the end.");
			return NULL;
		}
		pp.p++;
		pskip(&pp);
		if (*pp.p == '\0')
			break;				/* a trailing ';' is harmless */
	}
	if (pp.at_min_charge != NULL || ps->unit == PRICE_UNIT_OWN)
		ps = add_extra(&pp, ps);
	if (!price_check(ps, &err))
	{
		price_error(&pp, term_position(&pp, &err), "%s", err.msg);
		return NULL;
	}
	return ps;
}

Datum
price_schedule_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	PriceSchedule *ps = price_parse(str, fcinfo->context);

	if (ps == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(ps);
}

/* ---------------------------------------------------------------------
 * text output
 * --------------------------------------------------------------------- */

char *
price_to_cstring(const PriceSchedule *ps)
{
	StringInfoData buf;
	const char *sep = "";

	initStringInfo(&buf);
	if (ps->flags & PRICE_HAS_FIXED)
	{
		appendStringInfoString(&buf, "fixed ");
		append_money(&buf, ps->fixed);
		if (ps->flags & PRICE_HAS_INCLUDED)
			appendStringInfo(&buf, " including %s", count_unit_str(ps, ps->included));
		sep = "; ";
	}
	if (ps->flags & PRICE_HAS_RATE)
	{
		appendStringInfo(&buf, "%sper %s ", sep, unit_one(ps));
		append_money(&buf, ps->rate);
		if (ps->flags & PRICE_HAS_MINIMUM)
		{
			appendStringInfoString(&buf, " minimum ");
			append_count(&buf, ps->minimum);
		}
		sep = "; ";
	}
	if (ps->tiermode != PRICE_TIERS_NONE)
	{
		int64		lower = 0;

		appendStringInfo(&buf, "%s%s", sep, tier_mode_words[ps->tiermode]);
		if (ps->unit != UNIT_GENERIC)
			appendStringInfo(&buf, " per %s", unit_one(ps));
		for (int i = 0; i < ps->ntiers; i++)
		{
			appendStringInfoString(&buf, i == 0 ? " " : ", ");
			append_count(&buf, lower);
			if (ps->tiers[i].upto == PRICE_OPEN)
				appendStringInfoChar(&buf, '+');
			else
			{
				appendStringInfoChar(&buf, '-');
				append_count(&buf, ps->tiers[i].upto);
				lower = ps->tiers[i].upto;
			}
			appendStringInfoString(&buf, ": ");
			append_money(&buf, ps->tiers[i].rate);
		}
		sep = "; ";
	}
	if (ps->flags & PRICE_HAS_SHARE)
	{
		appendStringInfo(&buf, "%sshare ", sep);
		append_count(&buf, ps->share);
		appendStringInfoChar(&buf, '%');
		if (ps->flags & PRICE_HAS_SHARE_MIN)
		{
			appendStringInfoString(&buf, " minimum ");
			append_money(&buf, ps->share_min);
		}
		sep = "; ";
	}
	if (ps->flags & PRICE_HAS_MIN_CHARGE)
	{
		appendStringInfo(&buf, "%sminimum charge ", sep);
		append_money(&buf, PRICE_EXTRA(ps)->min_charge);
	}
	return buf.data;
}

Datum
price_schedule_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(price_to_cstring(PG_GETARG_PRICE_P(0)));
}

/* ---------------------------------------------------------------------
 * binary I/O: version, flags, tier mode, unit, then the present values;
 * version 2 then the minimum charge (if any) and the user's own unit word
 * (if any) as a length byte and its bytes
 * --------------------------------------------------------------------- */

Datum
price_schedule_send(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ps->version);
	pq_sendbyte(&buf, ps->flags);
	pq_sendbyte(&buf, ps->tiermode);
	pq_sendbyte(&buf, ps->unit);
	if (ps->flags & PRICE_HAS_FIXED)
		pq_sendint64(&buf, ps->fixed);
	if (ps->flags & PRICE_HAS_INCLUDED)
		pq_sendint64(&buf, ps->included);
	if (ps->flags & PRICE_HAS_RATE)
		pq_sendint64(&buf, ps->rate);
	if (ps->flags & PRICE_HAS_MINIMUM)
		pq_sendint64(&buf, ps->minimum);
	if (ps->tiermode != PRICE_TIERS_NONE)
	{
		pq_sendint32(&buf, ps->ntiers);
		for (int i = 0; i < ps->ntiers; i++)
		{
			pq_sendint64(&buf, ps->tiers[i].upto);
			pq_sendint64(&buf, ps->tiers[i].rate);
		}
	}
	if (ps->flags & PRICE_HAS_SHARE)
		pq_sendint64(&buf, ps->share);
	if (ps->flags & PRICE_HAS_SHARE_MIN)
		pq_sendint64(&buf, ps->share_min);
	if (ps->flags & PRICE_HAS_MIN_CHARGE)
		pq_sendint64(&buf, PRICE_EXTRA(ps)->min_charge);
	if (ps->unit == PRICE_UNIT_OWN)
	{
		int			len = strlen(PRICE_EXTRA(ps)->word);

		pq_sendbyte(&buf, len);
		pq_sendbytes(&buf, PRICE_EXTRA(ps)->word, len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_binary(const char *detail)
{
	/* the checks write for "At character N: ..."; a detail is a sentence */
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary price_schedule"),
			errdetail_internal("%c%s", pg_ascii_toupper((unsigned char) detail[0]), detail + 1));
}

/* version 2's tail, into PRICE_EXTRA (zeroed); price_check judges it */
static void
recv_extra(StringInfo buf, PriceSchedule *ps)
{
	PriceExtra *x = PRICE_EXTRA(ps);

	if (ps->flags & PRICE_HAS_MIN_CHARGE)
		x->min_charge = pq_getmsgint64(buf);
	if (ps->unit == PRICE_UNIT_OWN)
	{
		int			len = pq_getmsgbyte(buf);

		if (len < 1 || len > PRICE_WORD_MAX)
			bad_binary(psprintf("A unit word of %d bytes: 1 to %d are allowed.", len, PRICE_WORD_MAX));
		pq_copymsgbytes(buf, x->word, len);
	}
}

Datum
price_schedule_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			flags;
	int			tiermode;
	int			unit;
	int			ntiers = 0;
	PriceSchedule *ps;
	PriceError	err;

	if (version != PRICE_SCHEDULE_VERSION && version != PRICE_SCHEDULE_VERSION_2)
		bad_binary(psprintf("Unsupported version %d.", version));
	flags = pq_getmsgbyte(buf);
	tiermode = pq_getmsgbyte(buf);
	unit = pq_getmsgbyte(buf);
	if ((flags & ~PRICE_FLAGS_ALL) != 0 || tiermode > PRICE_TIERS_VOLUME)
		bad_binary("Bad flags.");

	ps = palloc0(PRICE_SIZE_V(PRICE_MAX_TIERS, PRICE_SCHEDULE_VERSION_2));
	ps->version = (uint8) version;
	ps->flags = (uint8) flags;
	ps->tiermode = (uint8) tiermode;
	ps->unit = (uint8) unit;
	if (flags & PRICE_HAS_FIXED)
		ps->fixed = pq_getmsgint64(buf);
	if (flags & PRICE_HAS_INCLUDED)
		ps->included = pq_getmsgint64(buf);
	if (flags & PRICE_HAS_RATE)
		ps->rate = pq_getmsgint64(buf);
	if (flags & PRICE_HAS_MINIMUM)
		ps->minimum = pq_getmsgint64(buf);
	if (tiermode != PRICE_TIERS_NONE)
	{
		ntiers = pq_getmsgint(buf, 4);
		if (ntiers < 1 || ntiers > PRICE_MAX_TIERS)
			bad_binary(psprintf("%d tiers: between 1 and %d are allowed.", ntiers, PRICE_MAX_TIERS));
		for (int i = 0; i < ntiers; i++)
		{
			ps->tiers[i].upto = pq_getmsgint64(buf);
			ps->tiers[i].rate = pq_getmsgint64(buf);
		}
	}
	ps->ntiers = ntiers;
	if (flags & PRICE_HAS_SHARE)
		ps->share = pq_getmsgint64(buf);
	if (flags & PRICE_HAS_SHARE_MIN)
		ps->share_min = pq_getmsgint64(buf);
	if (version == PRICE_SCHEDULE_VERSION_2)
		recv_extra(buf, ps);
	pq_getmsgend(buf);

	if (!price_check(ps, &err))
		bad_binary(err.msg);
	SET_VARSIZE(ps, PRICE_SIZE_V(ntiers, version));
	PG_RETURN_POINTER(ps);
}

/* ---------------------------------------------------------------------
 * equality and hashing: the stored form is canonical
 * --------------------------------------------------------------------- */

static bool
price_equal(const PriceSchedule *a, const PriceSchedule *b)
{
	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

Datum
price_schedule_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(price_equal(PG_GETARG_PRICE_P(0), PG_GETARG_PRICE_P(1)));
}

Datum
price_schedule_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!price_equal(PG_GETARG_PRICE_P(0), PG_GETARG_PRICE_P(1)));
}

Datum
price_schedule_hash(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	return hash_any((unsigned char *) ps + VARHDRSZ, VARSIZE(ps) - VARHDRSZ);
}

Datum
price_schedule_hash_extended(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	return hash_any_extended((unsigned char *) ps + VARHDRSZ, VARSIZE(ps) - VARHDRSZ,
							 PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------------
 * charge: the schedule's numbers as numerics, cached per call site
 * --------------------------------------------------------------------- */

#define PRICE_CACHE_SLOTS 4

typedef struct PriceNumerics
{
	PriceSchedule *ps;			/* the cache's copy */
	Numeric		fixed;
	Numeric		included;
	Numeric		rate;
	Numeric		minimum;
	Numeric		share;			/* as a fraction */
	Numeric		share_min;
	Numeric		min_charge;
	Numeric    *upto;			/* per tier, NULL for the open one */
	Numeric    *trate;
} PriceNumerics;

static void
numerics_fill(PriceNumerics *pn, PriceSchedule *ps)
{
	pn->ps = ps;
	pn->fixed = money_numeric(ps->fixed);
	pn->included = count_numeric(ps->included);
	pn->rate = money_numeric(ps->rate);
	pn->minimum = count_numeric(ps->minimum);
	pn->share = share_numeric(ps->share);
	pn->share_min = money_numeric(ps->share_min);
	pn->min_charge = money_numeric((ps->flags & PRICE_HAS_MIN_CHARGE) ? PRICE_EXTRA(ps)->min_charge : 0);
	pn->upto = palloc0(sizeof(Numeric) * (ps->ntiers + 1));
	pn->trate = palloc0(sizeof(Numeric) * (ps->ntiers + 1));
	for (int i = 0; i < ps->ntiers; i++)
	{
		if (ps->tiers[i].upto != PRICE_OPEN)
			pn->upto[i] = count_numeric(ps->tiers[i].upto);
		pn->trate[i] = money_numeric(ps->tiers[i].rate);
	}
}

/*
 * The schedule of argument argno with its numbers, from a few slots per call
 * site (rows of a join alternate between the schedules of a few contracts),
 * in the cache credit_schedule uses too (src/schedcache.c).
 */
static PriceNumerics *
price_cached(FunctionCallInfo fcinfo, int argno)
{
	SchedSlot  *s = sched_cached(fcinfo, argno, PRICE_CACHE_SLOTS, 0);

	if (s->data == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(s->mcxt);
		PriceNumerics *pn = palloc0(sizeof(PriceNumerics));

		numerics_fill(pn, (PriceSchedule *) s->value);
		MemoryContextSwitchTo(old);
		s->data = pn;
	}
	return (PriceNumerics *) s->data;
}

static int
ncmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
nadd(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
nsub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
nmul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

/* a cached numeric handed out as a result: the cache may be reset */
static Numeric
ncopy(Numeric a)
{
	Numeric		r = palloc(VARSIZE(a));

	memcpy(r, a, VARSIZE(a));
	return r;
}

/*
 * 0, made once: charge() compares with it and starts its sum from it on every
 * row (numeric arithmetic never writes to its arguments)
 */
static Numeric
nzero(void)
{
	static Numeric zero = NULL;

	if (zero == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		zero = DatumGetNumeric(DirectFunctionCall1(int4_numeric, Int32GetDatum(0)));
		MemoryContextSwitchTo(old);
	}
	return zero;
}

/* units and base amounts: finite and not negative */
static void
check_quantity(Numeric n, const char *what)
{
	bool		special = numeric_is_nan(n);

	special = special || numeric_is_inf(n);
	if (special || ncmp(n, nzero()) < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s %s is not a valid amount to charge for", what,
					   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)))),
				errdetail("The %s must be zero or more.", what));
}

/* index of the tier that units reach: the first whose bound holds them */
static int
tier_reached(const PriceNumerics *pn, Numeric units)
{
	int			i;

	for (i = 0; i < pn->ps->ntiers - 1; i++)
		if (ncmp(units, pn->upto[i]) <= 0)
			break;
	return i;
}

static Numeric
charge_units(const PriceNumerics *pn, Numeric units)
{
	const PriceSchedule *ps = pn->ps;
	Numeric		total = nzero();

	if (ps->flags & PRICE_HAS_RATE)
	{
		Numeric		billed = units;

		if ((ps->flags & PRICE_HAS_MINIMUM) && ncmp(billed, pn->minimum) < 0)
			billed = pn->minimum;
		if (ps->flags & PRICE_HAS_INCLUDED)
		{
			billed = nsub(billed, pn->included);
			if (ncmp(billed, total) < 0)
				billed = total;
		}
		total = nmul(billed, pn->rate);
	}
	else if (ps->tiermode == PRICE_TIERS_VOLUME)
		total = nmul(units, pn->trate[tier_reached(pn, units)]);
	else if (ps->tiermode == PRICE_TIERS_GRADUATED)
	{
		Numeric		lower = total;

		for (int i = 0; i < ps->ntiers; i++)
		{
			Numeric		top = units;

			if (ncmp(units, lower) <= 0)
				break;
			if (pn->upto[i] != NULL && ncmp(pn->upto[i], units) < 0)
				top = pn->upto[i];
			total = nadd(total, nmul(nsub(top, lower), pn->trate[i]));
			lower = pn->upto[i];
			if (lower == NULL)
				break;
		}
	}
	return total;
}

Datum
price_charge(PG_FUNCTION_ARGS)
{
	PriceNumerics *pn;
	Numeric		units;
	Numeric		total;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	pn = price_cached(fcinfo, 0);
	units = PG_GETARG_NUMERIC(1);
	check_quantity(units, "number of units");

	total = charge_units(pn, units);
	if (pn->ps->flags & PRICE_HAS_FIXED)
		total = nadd(total, pn->fixed);
	if (pn->ps->flags & PRICE_HAS_SHARE)
	{
		Numeric		base;
		Numeric		part;

		if (PG_NARGS() < 3 || PG_ARGISNULL(2))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("price schedule \"%s\" charges a share of a base amount, and no base was given",
						   ms_quote_input(price_to_cstring(pn->ps))),
					errhint("Pass the base amount (e.g. the month's cloud spend) as the third argument: charge(schedule, units, base)."));
		base = PG_GETARG_NUMERIC(2);
		check_quantity(base, "base amount");
		part = nmul(base, pn->share);
		if ((pn->ps->flags & PRICE_HAS_SHARE_MIN) && ncmp(part, pn->share_min) < 0)
			part = pn->share_min;
		total = nadd(total, part);
	}
	/* a floor on the whole charge, before the one rounding */
	if ((pn->ps->flags & PRICE_HAS_MIN_CHARGE) && ncmp(total, pn->min_charge) < 0)
		total = pn->min_charge;
	/* all terms are >= 0: numeric's round half away from zero is half-up */
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_round, NumericGetDatum(total), Int32GetDatum(2)));
}

/* ---------------------------------------------------------------------
 * accessors
 * --------------------------------------------------------------------- */

Datum
price_fixed(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_FIXED))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(money_numeric(ps->fixed));
}

Datum
price_included_units(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_INCLUDED))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(count_numeric(ps->included));
}

Datum
price_minimum_units(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_MINIMUM))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(count_numeric(ps->minimum));
}

Datum
price_share(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_SHARE))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(share_numeric(ps->share));
}

Datum
price_share_minimum(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_SHARE_MIN))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(money_numeric(ps->share_min));
}

Datum
price_minimum_charge(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_MIN_CHARGE))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(money_numeric(PRICE_EXTRA(ps)->min_charge));
}

Datum
price_unit(PG_FUNCTION_ARGS)
{
	PriceSchedule *ps = PG_GETARG_PRICE_P(0);

	if (!(ps->flags & PRICE_HAS_RATE) && ps->tiermode == PRICE_TIERS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(unit_one(ps)));
}

Datum
price_tier(PG_FUNCTION_ARGS)
{
	PriceNumerics *pn = price_cached(fcinfo, 0);
	Numeric		units = PG_GETARG_NUMERIC(1);

	check_quantity(units, "number of units");
	if (pn->ps->tiermode == PRICE_TIERS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_INT32(tier_reached(pn, units) + 1);
}

Datum
price_rate(PG_FUNCTION_ARGS)
{
	PriceNumerics *pn = price_cached(fcinfo, 0);
	Numeric		units = PG_GETARG_NUMERIC(1);

	check_quantity(units, "number of units");
	if (pn->ps->flags & PRICE_HAS_RATE)
		PG_RETURN_NUMERIC(ncopy(pn->rate));
	if (pn->ps->tiermode == PRICE_TIERS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(ncopy(pn->trate[tier_reached(pn, units)]));
}
