/*
 * credit_text.c
 *		The credit_schedule type's text and binary forms: the parser, the
 *		canonical printer, the validator every value passes, whatever it was
 *		read from, and the type's I/O, equality and hash functions.
 *
 * Schedule text (case-insensitive; terms in any order, each at most once):
 *
 *	schedule	:= term (';' term)* [';']
 *	term		:= bands | per_miss | chronic | rung | terminate | earn_back
 *				 | cap | chronic_cap | at_risk | period_cap | annual_cap
 *	bands		:= band (',' band)*
 *	band		:= ('below' | 'above') threshold [':' percent]
 *	threshold	:= percent | number
 *	per_miss	:= 'per miss' [percent]
 *	chronic		:= 'chronic after' trigger ('x' factor | '+' percent)
 *	trigger		:= count 'in a row' ['or' count 'of' count]
 *				 | count 'of' count ['or' count 'in a row']
 *	rung		:= ('warning' | 'remediation' ['plan'] | 'penalty') 'after' count ['in a row']
 *	terminate	:= ('terminate' | 'termination' ['right']) 'after' trigger
 *	earn_back	:= 'earn back' [percent] 'after' count ['at' threshold]
 *	cap			:= 'cap' percent
 *	chronic_cap := 'chronic cap' percent
 *	at_risk		:= 'at risk' percent 'allocation' percent
 *	period_cap	:= 'period cap' percent
 *	annual_cap	:= 'annual cap' percent
 *	percent		:= number '%'
 *
 * e.g. "below 99.99%: 10%, below 99%: 30%, below 95%: 100%; per miss 2%;
 * chronic after 3 in a row x1.5; warning after 1; remediation after 2;
 * penalty after 3; terminate after 6 in a row or 4 of 12; earn back after 3;
 * cap 30%".  A band or "per miss" without a credit costs the at-risk pool's
 * share (at risk x allocation).  docs/credits.md states the meaning of each term.
 * The terms of 0.3.0 (chronic cap, period cap, annual cap, a share or a
 * target of earn-back) make a version-2 value (credit.h).
 *
 * All numbers are exact scaled integers (see credit.h), so the canonical
 * output is exact and the arithmetic of a credit is exact too.
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

#include "schedcache.h"

PG_FUNCTION_INFO_V1(credit_schedule_in);
PG_FUNCTION_INFO_V1(credit_schedule_out);
PG_FUNCTION_INFO_V1(credit_schedule_recv);
PG_FUNCTION_INFO_V1(credit_schedule_send);
PG_FUNCTION_INFO_V1(credit_schedule_eq);
PG_FUNCTION_INFO_V1(credit_schedule_ne);
PG_FUNCTION_INFO_V1(credit_schedule_hash);
PG_FUNCTION_INFO_V1(credit_schedule_hash_extended);

const CreditTerms2 CS_TERMS2_NONE = {CS_NONE, CS_NONE, CS_NONE, 0, 0, 0, 0};
const CreditTerms3 CS_TERMS3_NONE = {CS_NONE, 0, 0, 0, 0, CS_ANNUAL_FEES, 0};

/* ---------------------------------------------------------------------
 * formatting (shared by the output function and the error messages)
 * --------------------------------------------------------------------- */

/* v / 10^decimals, without trailing zeros */
static void
fmt_scaled(char *buf, size_t len, int64 v, int decimals)
{
	uint64		pow10 = 1;
	uint64		u,
				ip,
				fp;
	const char *sign = "";
	char		frac[24];
	int			n;

	for (int i = 0; i < decimals; i++)
		pow10 *= 10;
	/* the magnitude unsigned: a corrupt binary value may be -2^63 */
	if (v < 0)
	{
		sign = "-";
		u = -(uint64) v;
	}
	else
		u = (uint64) v;
	ip = u / pow10;
	fp = u % pow10;
	if (fp == 0)
	{
		snprintf(buf, len, "%s" UINT64_FORMAT, sign, ip);
		return;
	}
	snprintf(frac, sizeof(frac), "%0*llu", decimals, (unsigned long long) fp);
	n = strlen(frac);
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = '\0';
	snprintf(buf, len, "%s" UINT64_FORMAT ".%s", sign, ip, frac);
}

/* a share in millionths as a percentage: 999900 -> "99.99%" */
static void
fmt_percent(char *buf, size_t len, int64 millionths)
{
	char		num[32];

	fmt_scaled(num, sizeof(num), millionths, 4);
	snprintf(buf, len, "%s%%", num);
}

static void
fmt_threshold(char *buf, size_t len, const CreditSchedule *cs, int64 t)
{
	if (cs->flags & CS_PERCENT)
		fmt_percent(buf, len, t);
	else
		fmt_scaled(buf, len, t, 6);
}

static void
fmt_band(char *buf, size_t len, const CreditSchedule *cs, int i)
{
	char		th[40];
	char		cr[40];

	fmt_threshold(th, sizeof(th), cs, cs->band[i].threshold);
	if (cs->band[i].credit == CS_POOL)
		snprintf(buf, len, "%s %s", (cs->flags & CS_ABOVE) ? "above" : "below", th);
	else
	{
		fmt_percent(cr, sizeof(cr), cs->band[i].credit);
		snprintf(buf, len, "%s %s: %s", (cs->flags & CS_ABOVE) ? "above" : "below", th, cr);
	}
}

static void
fmt_trigger(char *buf, size_t len, int32 row, int32 k, int32 n)
{
	if (row > 0 && k > 0)
		snprintf(buf, len, "%d in a row or %d of %d", row, k, n);
	else if (row > 0)
		snprintf(buf, len, "%d in a row", row);
	else
		snprintf(buf, len, "%d of %d", k, n);
}

static void
fmt_chronic(char *buf, size_t len, const CreditSchedule *cs)
{
	char		trig[64];
	char		eff[40];

	fmt_trigger(trig, sizeof(trig), cs->chronic_row, cs->chronic_k, cs->chronic_n);
	if (cs->chronic_effect == CS_CHRONIC_MUL)
	{
		eff[0] = 'x';
		fmt_scaled(eff + 1, sizeof(eff) - 1, cs->chronic_value, 4);
	}
	else
	{
		eff[0] = '+';
		fmt_percent(eff + 1, sizeof(eff) - 1, cs->chronic_value);
	}
	snprintf(buf, len, "chronic after %s %s", trig, eff);
}

static void
fmt_terminate(char *buf, size_t len, const CreditSchedule *cs)
{
	char		trig[64];

	fmt_trigger(trig, sizeof(trig), cs->term_row, cs->term_k, cs->term_n);
	snprintf(buf, len, "terminate after %s", trig);
}

/* "warning after 2", "remediation after 3 of 6", "penalty after 3 in a row or 4 of 6" */
static void
fmt_rung(char *buf, size_t len, const char *name, int32 row, int32 k, int32 n)
{
	char		trig[64];

	if (k == 0)
		snprintf(trig, sizeof(trig), "%d", row);
	else
		fmt_trigger(trig, sizeof(trig), row, k, n);
	snprintf(buf, len, "%s after %s", name, trig);
}

static void
fmt_at_risk(char *buf, size_t len, const CreditSchedule *cs)
{
	char		a[40];
	char		l[40];

	fmt_percent(a, sizeof(a), cs->at_risk);
	fmt_percent(l, sizeof(l), cs->allocation);
	snprintf(buf, len, "at risk %s allocation %s", a, l);
}

static void
fmt_earn_back(char *buf, size_t len, const CreditSchedule *cs)
{
	const CreditTerms2 *t2 = credit_terms2(cs);
	char		share[48] = "";
	char		target[48] = "";

	if (t2->earn_back_share != 0)
	{
		fmt_percent(share + 1, sizeof(share) - 1, t2->earn_back_share);
		share[0] = ' ';
	}
	if (t2->xflags & CSX_TARGET)
	{
		strcpy(target, " at ");
		fmt_threshold(target + 4, sizeof(target) - 4, cs, t2->earn_back_target);
	}
	snprintf(buf, len, "earn back%s after %d%s", share, cs->earn_back, target);
}

/* ---------------------------------------------------------------------
 * parser
 * --------------------------------------------------------------------- */

/* terms, for "each term at most once" */
#define T_BANDS		0x001
#define T_PER_MISS	0x002
#define T_CHRONIC	0x004
#define T_WARNING	0x008
#define T_REMEDIATION 0x010
#define T_PENALTY	0x020
#define T_TERMINATE 0x040
#define T_EARN_BACK 0x080
#define T_CAP		0x100
#define T_AT_RISK	0x200
#define T_CHRONIC_CAP 0x400
#define T_PERIOD_CAP 0x800
#define T_ANNUAL_CAP 0x1000
#define T_CHRONIC_PERIOD_CAP 0x2000

typedef struct CsParser
{
	const char *str;
	const char *p;
	CreditSchedule *cs;
	CreditError *err;
	int			seen;
	CreditTerms2 t2;			/* placed after the bands once all are read */
	CreditTerms3 t3;			/* and these after them */
	bool		target_percent; /* the earn-back target's kind, for checking */
} CsParser;

static bool cs_error(CsParser *ps, const char *at, const char *fmt,...) pg_attribute_printf(3, 4);

static bool
cs_error(CsParser *ps, const char *at, const char *fmt,...)
{
	va_list		args;

	ps->err->pos = at ? (int) (at - ps->str) : -1;
	va_start(args, fmt);
	vsnprintf(ps->err->msg, sizeof(ps->err->msg), fmt, args);
	va_end(args);
	return false;
}

static bool verr(CreditError *err, const char *fmt,...) pg_attribute_printf(2, 3);

static bool
verr(CreditError *err, const char *fmt,...)
{
	va_list		args;

	err->pos = -1;
	va_start(args, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, args);
	va_end(args);
	return false;
}

static void
skip(CsParser *ps)
{
	while (*ps->p && isspace((unsigned char) *ps->p))
		ps->p++;
}

/* the next token, quoted in messages: a word, a number or one character */
static int
token_len(const char *p)
{
	int			n = ms_alpha_len(p);

	if (n > 0)
		return Min(n, 24);
	while (p[n] && (isdigit((unsigned char) p[n]) || p[n] == '.') && n < 24)
		n++;
	if (n == 0 && *p)
		n = pg_mblen(p);
	return n;
}

/* consume the word w (after white space) or report what was expected */
static bool
expect_word(CsParser *ps, const char *w, const char *after)
{
	int			len;

	skip(ps);
	len = ms_alpha_len(ps->p);
	if (!ms_word_is(ps->p, len, w))
	{
		if (*ps->p == '\0')
			return cs_error(ps, ps->p, "expected \"%s\" after \"%s\", found the end.", w, after);
		return cs_error(ps, ps->p, "expected \"%s\" after \"%s\", found \"%.*s\".", w, after,
						token_len(ps->p), ps->p);
	}
	ps->p += len;
	return true;
}

/* is the next word w?  (consumes it when so) */
static bool
accept_word(CsParser *ps, const char *w)
{
	const char *save = ps->p;
	int			len;

	skip(ps);
	len = ms_alpha_len(ps->p);
	if (ms_word_is(ps->p, len, w))
	{
		ps->p += len;
		return true;
	}
	ps->p = save;
	return false;
}

/*
 * A decimal number, [-]digits[.digits], as value x 10^6.  Digits beyond the
 * sixth decimal must be zeros (the value must be exact); magnitude below 10^9.
 */
static bool
parse_number(CsParser *ps, bool allow_minus, const char *what, int64 *out)
{
	const char *at;
	bool		neg = false;
	int64		ip = 0;
	int64		fp = 0;
	int			dec = 0;

	skip(ps);
	at = ps->p;
	if (*ps->p == '-' && allow_minus)
	{
		neg = true;
		ps->p++;
	}
	if (!isdigit((unsigned char) *ps->p))
	{
		if (*at == '\0')
			return cs_error(ps, at, "expected %s, found the end.", what);
		return cs_error(ps, at, "expected %s, found \"%.*s\".", what, token_len(at), at);
	}
	while (isdigit((unsigned char) *ps->p))
	{
		ip = ip * 10 + (*ps->p++ - '0');
		if (ip >= 1000000000)
		{
			while (isdigit((unsigned char) *ps->p))
				ps->p++;
			return cs_error(ps, at, "%.*s is too large: numbers must be below 1000000000.",
							(int) Min(ps->p - at, 30), at);
		}
	}
	if (*ps->p == '.' && isdigit((unsigned char) ps->p[1]))
	{
		ps->p++;
		while (isdigit((unsigned char) *ps->p))
		{
			if (dec < 6)
			{
				fp = fp * 10 + (*ps->p - '0');
				dec++;
			}
			else if (*ps->p != '0')
			{
				while (isdigit((unsigned char) *ps->p))
					ps->p++;
				return cs_error(ps, at, "%.*s is too precise: plain numbers take at most 6 decimals, percentages and multipliers at most 4.",
								(int) Min(ps->p - at, 30), at);
			}
			ps->p++;
		}
	}
	for (; dec < 6; dec++)
		fp *= 10;
	*out = ip * CS_MILLION + fp;
	if (neg)
		*out = -*out;
	return true;
}

/* a number followed by '%', as millionths of a share */
static bool
parse_percent(CsParser *ps, const char *what, int64 *out)
{
	const char *at;
	int64		v;

	skip(ps);
	at = ps->p;
	if (!parse_number(ps, false, what, &v))
		return false;
	skip(ps);
	if (*ps->p != '%')
		return cs_error(ps, ps->p, "expected \"%%\" after %.*s: credits, caps and shares are percentages of the fee (10%% for a tenth).",
						(int) Min(ps->p - at, 30), at);
	ps->p++;
	if (v % 100 != 0)
		return cs_error(ps, at, "%.*s is too precise: percentages take at most 4 decimals (99.9999%%).",
						(int) Min(ps->p - at, 30), at);
	*out = v / 100;
	return true;
}

/* a whole number of periods, 1 .. CS_MAX_COUNT */
static bool
parse_count(CsParser *ps, const char *term, int32 *out)
{
	const char *at;
	int64		n = 0;

	skip(ps);
	at = ps->p;
	if (!isdigit((unsigned char) *ps->p))
	{
		if (*at == '\0')
			return cs_error(ps, at, "expected a number of periods after \"%s\", found the end.", term);
		return cs_error(ps, at, "expected a number of periods after \"%s\", found \"%.*s\".", term,
						token_len(at), at);
	}
	while (isdigit((unsigned char) *ps->p))
	{
		n = n * 10 + (*ps->p++ - '0');
		if (n > CS_MAX_COUNT)
		{
			while (isdigit((unsigned char) *ps->p))
				ps->p++;
			return cs_error(ps, at, "\"%s\" %.*s: counts of periods run from 1 to %d.", term,
							(int) Min(ps->p - at, 20), at, CS_MAX_COUNT);
		}
	}
	if (*ps->p == '.' && isdigit((unsigned char) ps->p[1]))
		return cs_error(ps, at, "\"%s\" needs a whole number of periods.", term);
	if (n < 1)
		return cs_error(ps, at, "a count of 0 periods in \"%s\": counts of periods must be at least 1.", term);
	*out = (int32) n;
	return true;
}

/* N in a row [or K of N] | K of N [or N in a row] */
static bool
parse_trigger_ex(CsParser *ps, const char *term, bool bare_row, int32 *row, int32 *k, int32 *n)
{
	*row = *k = *n = 0;
	for (;;)
	{
		int32		c;
		const char *at;
		int			len;

		if (!parse_count(ps, term, &c))
			return false;
		skip(ps);
		at = ps->p;
		len = ms_alpha_len(at);
		if (ms_word_is(at, len, "in"))
		{
			ps->p += len;
			if (!expect_word(ps, "a", "in") || !expect_word(ps, "row", "in a"))
				return false;
			if (*row > 0)
				return cs_error(ps, at, "\"%s\" gives two \"in a row\" counts.", term);
			*row = c;
		}
		else if (ms_word_is(at, len, "of"))
		{
			ps->p += len;
			/* "K of the last N" reads as "K of N" */
			if (accept_word(ps, "the") && !expect_word(ps, "last", "of the"))
				return false;
			(void) accept_word(ps, "last");
			if (*k > 0)
				return cs_error(ps, at, "\"%s\" gives two \"K of N\" counts.", term);
			*k = c;
			if (!parse_count(ps, term, n))
				return false;
		}
		else if (bare_row && *row == 0)
			*row = c;			/* a rung's "after N": N in a row */
		else if (*at == '\0')
			return cs_error(ps, at, "expected \"in a row\" or \"of N\" after %d, found the end.", c);
		else
			return cs_error(ps, at, "expected \"in a row\" or \"of N\" after %d, found \"%.*s\".", c,
							token_len(at), at);
		if (!accept_word(ps, "or"))
			return true;
	}
}

static bool
parse_trigger(CsParser *ps, const char *term, int32 *row, int32 *k, int32 *n)
{
	return parse_trigger_ex(ps, term, false, row, k, n);
}

static bool
parse_bands(CsParser *ps)
{
	CreditSchedule *cs = ps->cs;

	for (;;)
	{
		const char *at;
		int			len;
		bool		above;
		bool		percent;
		int64		t;
		int64		credit = CS_POOL;
		char		b0[96];
		int			i = cs->nbands;

		skip(ps);
		at = ps->p;
		len = ms_alpha_len(at);
		if (ms_word_is(at, len, "below"))
			above = false;
		else if (ms_word_is(at, len, "above"))
			above = true;
		else if (*at == '\0')
			return cs_error(ps, at, "expected another band (\"below\" or \"above\") after \",\", found the end.");
		else
			return cs_error(ps, at, "expected another band (\"below\" or \"above\") after \",\", found \"%.*s\".",
							token_len(at), at);
		ps->p += len;

		/* the threshold: a percentage or a plain number */
		{
			const char *nat;

			skip(ps);
			nat = ps->p;
			if (!parse_number(ps, true, "a threshold (99.9% or a plain number)", &t))
				return false;
			skip(ps);
			percent = (*ps->p == '%');
			if (percent)
			{
				ps->p++;
				if (t < 0)
					return cs_error(ps, nat, "a percentage threshold is between 0%% and 100%%: %.*s.",
									(int) Min(ps->p - nat, 30), nat);
				if (t % 100 != 0)
					return cs_error(ps, nat, "%.*s is too precise: percentages take at most 4 decimals (99.9999%%).",
									(int) Min(ps->p - nat, 30), nat);
				t /= 100;
			}
		}
		skip(ps);
		if (*ps->p == ':')
		{
			ps->p++;
			if (!parse_percent(ps, "a credit such as 10% after \":\"", &credit))
				return false;
		}

		if (i >= CS_MAX_BANDS)
			return cs_error(ps, at, "too many bands: at most %d.", CS_MAX_BANDS);
		if (i > 0)
		{
			fmt_band(b0, sizeof(b0), cs, 0);
			if (above != ((cs->flags & CS_ABOVE) != 0))
				return cs_error(ps, at, "\"%.*s\" mixes directions with \"%s\": the bands of a schedule are all \"below\" (higher is better) or all \"above\" (lower is better).",
								(int) Min(ps->p - at, 40), at, b0);
			if (percent != ((cs->flags & CS_PERCENT) != 0))
				return cs_error(ps, at, "\"%.*s\" mixes %s with the %s of \"%s\": the thresholds of a schedule are all percentages or all plain numbers.",
								(int) Min(ps->p - at, 40), at,
								percent ? "a percentage" : "a plain number",
								percent ? "plain number" : "percentage", b0);
		}
		else
			cs->flags = (above ? CS_ABOVE : 0) | (percent ? CS_PERCENT : 0);
		cs->band[i].threshold = t;
		cs->band[i].credit = credit;
		cs->nbands = i + 1;

		skip(ps);
		if (*ps->p != ',')
			return true;
		ps->p++;
	}
}

/* the term at ps->p: its bit and name; false (with the error) when unknown */
static bool
term_kind(CsParser *ps, const char *at, int len, int *bit, const char **name)
{
	static const struct
	{
		const char *word;
		int			bit;
		const char *name;
	}			words[] =
	{
		{"below", T_BANDS, "bands"},
		{"above", T_BANDS, "bands"},
		{"per", T_PER_MISS, "per miss"},
		{"period", T_PERIOD_CAP, "period cap"},
		{"annual", T_ANNUAL_CAP, "annual cap"},
		{"warning", T_WARNING, "warning"},
		{"remediation", T_REMEDIATION, "remediation"},
		{"penalty", T_PENALTY, "penalty"},
		{"terminate", T_TERMINATE, "terminate"},
		{"termination", T_TERMINATE, "terminate"},
		{"earn", T_EARN_BACK, "earn back"},
		{"cap", T_CAP, "cap"},
		{"at", T_AT_RISK, "at risk"},
	};

	if (ms_word_is(at, len, "chronic"))
	{
		const char *q = at + len;

		while (*q && isspace((unsigned char) *q))
			q++;
		*bit = ms_word_is(q, ms_alpha_len(q), "cap") ? T_CHRONIC_CAP :
			ms_word_is(q, ms_alpha_len(q), "period") ? T_CHRONIC_PERIOD_CAP : T_CHRONIC;
		*name = *bit == T_CHRONIC_CAP ? "chronic cap" :
			*bit == T_CHRONIC_PERIOD_CAP ? "chronic period cap" : "chronic";
		return true;
	}
	for (int i = 0; i < (int) lengthof(words); i++)
	{
		if (ms_word_is(at, len, words[i].word))
		{
			*bit = words[i].bit;
			*name = words[i].name;
			return true;
		}
	}
	if (*at == '\0' || *at == ';')
		return cs_error(ps, at, "expected a term before \"%s\".", *at ? ";" : "the end");
	return cs_error(ps, at, "unknown term \"%.*s\": expected below, above, per miss, chronic, warning, remediation, penalty, terminate, earn back, cap, chronic cap, at risk, period cap, chronic period cap or annual cap.",
					token_len(at), at);
}

/* chronic := 'chronic after' trigger ('x' factor | '+' percent) */
static bool
parse_chronic(CsParser *ps)
{
	CreditSchedule *cs = ps->cs;

	if (!expect_word(ps, "after", "chronic") ||
		!parse_trigger(ps, "chronic", &cs->chronic_row, &cs->chronic_k, &cs->chronic_n))
		return false;
	skip(ps);
	if (*ps->p == 'x' || *ps->p == 'X')
	{
		const char *fat;
		int64		f;

		ps->p++;
		skip(ps);
		fat = ps->p;
		if (!parse_number(ps, false, "a multiplier such as x1.5", &f))
			return false;
		if (f % 100 != 0)
			return cs_error(ps, fat, "x%.*s is too precise: multipliers take at most 4 decimals.",
							(int) Min(ps->p - fat, 30), fat);
		cs->chronic_effect = CS_CHRONIC_MUL;
		cs->chronic_value = f / 100;
	}
	else if (*ps->p == '+')
	{
		ps->p++;
		if (!parse_percent(ps, "a share such as 5% after \"+\"", &cs->chronic_value))
			return false;
		cs->chronic_effect = CS_CHRONIC_ADD;
	}
	else if (*ps->p == '\0')
		return cs_error(ps, ps->p, "expected what a chronic failure does to the credit (x1.5 multiplies it, +5%% adds a share of the fee), found the end.");
	else
		return cs_error(ps, ps->p, "expected what a chronic failure does to the credit (x1.5 multiplies it, +5%% adds a share of the fee), found \"%.*s\".",
						token_len(ps->p), ps->p);
	return true;
}

/*
 * rung := ('warning' | 'remediation' ['plan'] | 'penalty') 'after' count ['in a row']
 *		   ['or' count 'of' count] | ... 'after' count 'of' count ['or' count ['in a row']]
 * The K-of-N rungs of a schedule share one N (recent_misses is one number).
 */
static bool
parse_rung(CsParser *ps, int bit, const char *name)
{
	CreditSchedule *cs = ps->cs;
	int32	   *row = bit == T_WARNING ? &cs->warning :
		bit == T_REMEDIATION ? &cs->remediation : &cs->penalty;
	int32	   *k = bit == T_WARNING ? &ps->t3.warning_k :
		bit == T_REMEDIATION ? &ps->t3.remediation_k : &ps->t3.penalty_k;
	int32		n;
	const char *at;

	if (bit == T_REMEDIATION)
		(void) accept_word(ps, "plan");
	if (!expect_word(ps, "after", name))
		return false;
	skip(ps);
	at = ps->p;
	if (!parse_trigger_ex(ps, name, true, row, k, &n))
		return false;
	if (*k == 0)
		return true;
	if (ps->t3.rung_n > 0 && ps->t3.rung_n != n)
		return cs_error(ps, at, "\"%s after ... %d of %d\" counts over %d periods where another rung counts over %d: recent_misses is one number, so the \"K of N\" terms of a schedule share N.",
						name, *k, n, n, ps->t3.rung_n);
	ps->t3.rung_n = n;
	return true;
}

/* the target of "earn back ... at T": a threshold, a percentage or plain */
static bool
parse_earn_back_target(CsParser *ps)
{
	const char *tat;

	skip(ps);
	tat = ps->p;
	if (!parse_number(ps, true, "the target earn-back needs (99.95% or a plain number) after \"at\"",
					  &ps->t2.earn_back_target))
		return false;
	skip(ps);
	ps->target_percent = (*ps->p == '%');
	if (ps->target_percent)
	{
		ps->p++;
		if (ps->t2.earn_back_target < 0)
			return cs_error(ps, tat, "a percentage target is between 0%% and 100%%: %.*s.",
							(int) Min(ps->p - tat, 30), tat);
		if (ps->t2.earn_back_target % 100 != 0)
			return cs_error(ps, tat, "%.*s is too precise: percentages take at most 4 decimals (99.9999%%).",
							(int) Min(ps->p - tat, 30), tat);
		ps->t2.earn_back_target /= 100;
	}
	ps->t2.xflags |= CSX_TARGET;
	return true;
}

/* earn_back := 'earn back' [percent] 'after' count ['at' threshold] */
static bool
parse_earn_back(CsParser *ps)
{
	skip(ps);
	if (*ps->p == '-')
		ps->p++;
	if (!expect_word(ps, "back", "earn"))
		return false;
	skip(ps);
	if (isdigit((unsigned char) *ps->p))
	{
		const char *sat = ps->p;
		int64		share;

		if (!parse_percent(ps, "the share forgiven, e.g. 50%, after \"earn back\"", &share))
			return false;
		if (share <= 0 || share > CS_ONE_SHARE)
			return cs_error(ps, sat, "\"earn back %.*s\": the share of a credit earned back is above 0%% and at most 100%%.",
							(int) Min(ps->p - sat, 30), sat);
		/* 100% is what "earn back after N" says: one canonical form */
		ps->t2.earn_back_share = share == CS_ONE_SHARE ? 0 : share;
	}
	if (!expect_word(ps, "after", "earn back") ||
		!parse_count(ps, "earn back", &ps->cs->earn_back))
		return false;
	if (accept_word(ps, "at"))
		return parse_earn_back_target(ps);
	return true;
}

/* ['of' ('contracted fees' | 'fees to date')] after "annual cap P%" */
static bool
parse_annual_base(CsParser *ps)
{
	const char *at;

	if (!accept_word(ps, "of"))
		return true;
	skip(ps);
	at = ps->p;
	if (accept_word(ps, "contracted"))
	{
		ps->t3.annual_base = CS_ANNUAL_CONTRACTED;
		return expect_word(ps, "fees", "of contracted");
	}
	if (accept_word(ps, "fees"))
	{
		ps->t3.annual_base = CS_ANNUAL_TO_DATE;
		return expect_word(ps, "to", "of fees") && expect_word(ps, "date", "of fees to");
	}
	if (*at == '\0')
		return cs_error(ps, at, "expected \"contracted fees\" or \"fees to date\" after \"annual cap ... of\", found the end.");
	return cs_error(ps, at, "expected \"contracted fees\" or \"fees to date\" after \"annual cap ... of\", found \"%.*s\".",
					token_len(at), at);
}

/* the rest of a term, its first word read */
static bool
parse_term_body(CsParser *ps, int bit, const char *name)
{
	CreditSchedule *cs = ps->cs;

	switch (bit)
	{
		case T_PER_MISS:
			if (!expect_word(ps, "miss", "per"))
				return false;
			skip(ps);
			if (isdigit((unsigned char) *ps->p))
				return parse_percent(ps, "a credit such as 2% after \"per miss\"", &cs->per_miss);
			cs->per_miss = CS_POOL;
			return true;
		case T_CHRONIC:
			return parse_chronic(ps);
		case T_WARNING:
		case T_REMEDIATION:
		case T_PENALTY:
			return parse_rung(ps, bit, name);
		case T_TERMINATE:
			(void) accept_word(ps, "right");
			return expect_word(ps, "after", "terminate") &&
				parse_trigger(ps, "terminate", &cs->term_row, &cs->term_k, &cs->term_n);
		case T_EARN_BACK:
			return parse_earn_back(ps);
		case T_CAP:
			return parse_percent(ps, "a cap such as 30% after \"cap\"", &cs->cap);
		case T_CHRONIC_CAP:
			return expect_word(ps, "cap", "chronic") &&
				parse_percent(ps, "a cap such as 20% after \"chronic cap\"", &ps->t2.chronic_cap);
		case T_PERIOD_CAP:
			return expect_word(ps, "cap", "period") &&
				parse_percent(ps, "a cap such as 15% after \"period cap\"", &ps->t2.period_cap);
		case T_ANNUAL_CAP:
			return expect_word(ps, "cap", "annual") &&
				parse_percent(ps, "a cap such as 10% after \"annual cap\"", &ps->t2.annual_cap) &&
				parse_annual_base(ps);
		case T_CHRONIC_PERIOD_CAP:
			return expect_word(ps, "period", "chronic") && expect_word(ps, "cap", "chronic period") &&
				parse_percent(ps, "a cap such as 20% after \"chronic period cap\"", &ps->t3.chronic_period_cap);
		case T_AT_RISK:
			return expect_word(ps, "risk", "at") &&
				parse_percent(ps, "the share of the fee at risk, e.g. 12%, after \"at risk\"", &cs->at_risk) &&
				expect_word(ps, "allocation", "at risk") &&
				parse_percent(ps, "this service level's allocation, e.g. 40%, after \"allocation\"", &cs->allocation);
	}
	return false;				/* not reached */
}

static bool
parse_term(CsParser *ps)
{
	const char *at;
	int			len;
	int			bit = 0;
	const char *name = NULL;

	skip(ps);
	at = ps->p;
	len = ms_alpha_len(at);
	if (!term_kind(ps, at, len, &bit, &name))
		return false;
	if (ps->seen & bit)
	{
		if (bit == T_BANDS)
			return cs_error(ps, at, "a second list of bands: write all bands in one term, separated by commas (below 99.9%%: 10%%, below 99%%: 25%%).");
		return cs_error(ps, at, "a second \"%s\" term: each term may appear once.", name);
	}
	ps->seen |= bit;
	if (bit == T_BANDS)
		return parse_bands(ps);
	ps->p += len;
	return parse_term_body(ps, bit, name);
}

bool
credit_parse(const char *str, CreditSchedule *cs, CreditError *err)
{
	CsParser	ps;

	ps.str = str;
	ps.p = str;
	ps.cs = cs;
	ps.err = err;
	ps.seen = 0;
	ps.t2 = CS_TERMS2_NONE;
	ps.t3 = CS_TERMS3_NONE;
	ps.target_percent = false;

	cs->version = CREDIT_SCHEDULE_VERSION;
	cs->per_miss = CS_NONE;
	cs->cap = CS_NONE;
	cs->at_risk = CS_NONE;
	cs->allocation = CS_NONE;

	skip(&ps);
	if (*ps.p == '\0')
		return cs_error(&ps, ps.p, "the schedule is empty: expected terms such as \"below 99.9%%: 10%%, below 99%%: 25%%; cap 30%%\".");
	for (;;)
	{
		if (!parse_term(&ps))
			return false;
		skip(&ps);
		if (*ps.p == '\0')
			break;
		if (*ps.p != ';')
			return cs_error(&ps, ps.p, "expected \";\" between terms, or the end, found \"%.*s\".",
							token_len(ps.p), ps.p);
		ps.p++;
		skip(&ps);
		if (*ps.p == '\0')
			break;				/* a trailing ';' is harmless */
	}

	/* the earn-back target is a threshold of the bands' kind */
	if ((ps.t2.xflags & CSX_TARGET) && cs->nbands > 0 &&
		ps.target_percent != ((cs->flags & CS_PERCENT) != 0))
		return verr(err, "\"earn back ... at\" gives %s target where the bands' thresholds are %s: the target is a threshold like theirs.",
					ps.target_percent ? "a percentage" : "a plain-number",
					ps.target_percent ? "plain numbers" : "percentages");
	if (memcmp(&ps.t3, &CS_TERMS3_NONE, sizeof(CreditTerms3)) != 0)
	{
		cs->version = CREDIT_SCHEDULE_VERSION_3;
		memcpy((char *) cs + CS_SIZE(cs->nbands), &ps.t2, sizeof(CreditTerms2));
		memcpy((char *) cs + CS_SIZE2(cs->nbands), &ps.t3, sizeof(CreditTerms3));
	}
	else if (memcmp(&ps.t2, &CS_TERMS2_NONE, sizeof(CreditTerms2)) != 0)
	{
		cs->version = CREDIT_SCHEDULE_VERSION_2;
		memcpy((char *) cs + CS_SIZE(cs->nbands), &ps.t2, sizeof(CreditTerms2));
	}
	return credit_validate(cs, err);
}

/* ---------------------------------------------------------------------
 * validation: everything a schedule must satisfy, from text or binary
 * --------------------------------------------------------------------- */

static bool
count_ok(int32 c)
{
	return c >= 0 && c <= CS_MAX_COUNT;
}

static bool
validate_header(const CreditSchedule *cs, CreditError *err)
{
	const CreditTerms2 *t2 = credit_terms2(cs);

	if (cs->version < CREDIT_SCHEDULE_VERSION || cs->version > CREDIT_SCHEDULE_VERSION_3)
		return verr(err, "unsupported version %d.", cs->version);
	if (cs->version == CREDIT_SCHEDULE_VERSION_2 &&
		memcmp(t2, &CS_TERMS2_NONE, sizeof(CreditTerms2)) == 0)
		return verr(err, "a version-2 schedule without any term of version 2.");
	if (cs->version == CREDIT_SCHEDULE_VERSION_3 &&
		memcmp(credit_terms3(cs), &CS_TERMS3_NONE, sizeof(CreditTerms3)) == 0)
		return verr(err, "a version-3 schedule without any term of version 3.");
	if (cs->flags & ~CS_FLAGS_ALL)
		return verr(err, "unknown flags %d.", cs->flags);
	if (cs->nbands > CS_MAX_BANDS)
		return verr(err, "%d bands: at most %d.", cs->nbands, CS_MAX_BANDS);
	if (cs->nbands == 0 && cs->flags != 0)
		return verr(err, "band flags without bands.");
	return true;
}

/* the at-risk pool first: bands and "per miss" may refer to it */
static bool
validate_pool(const CreditSchedule *cs, CreditError *err)
{
	char		a[96];

	if ((cs->at_risk == CS_NONE) != (cs->allocation == CS_NONE))
		return verr(err, "an at-risk amount needs an allocation, and an allocation an at-risk amount.");
	if (cs->at_risk != CS_NONE)
	{
		fmt_at_risk(a, sizeof(a), cs);
		if (cs->at_risk <= 0 || cs->at_risk > CS_ONE_SHARE)
			return verr(err, "\"%s\": the amount at risk is a share of the fee above 0%% and at most 100%%.", a);
		if (cs->allocation <= 0 || cs->allocation > CS_ONE_SHARE)
			return verr(err, "\"%s\": an allocation is a share of the amount at risk above 0%% and at most 100%%.", a);
	}
	return true;
}

/* band i on its own: its credit and its threshold */
static bool
validate_band(const CreditSchedule *cs, int i, CreditError *err)
{
	char		a[96];
	int64		t = cs->band[i].threshold;
	int64		c = cs->band[i].credit;

	if (c == CS_POOL)
	{
		if (cs->at_risk == CS_NONE)
		{
			fmt_band(a, sizeof(a), cs, i);
			return verr(err, "band \"%s\" has no credit: give one (\"%s: 10%%\") or an at-risk pool (\"at risk 12%% allocation 40%%\") whose share it costs.",
						a, a);
		}
	}
	else if (c < 0 || c > CS_ONE_SHARE)
	{
		fmt_band(a, sizeof(a), cs, i);
		return verr(err, "band \"%s\": a credit is a share of the fee between 0%% and 100%%.", a);
	}
	if (cs->flags & CS_PERCENT)
	{
		if (t < 0 || t > CS_ONE_SHARE)
		{
			fmt_band(a, sizeof(a), cs, i);
			return verr(err, "band \"%s\": a percentage threshold is between 0%% and 100%%; use a plain number (without %%) for other scales.", a);
		}
	}
	else if (t <= -CS_PLAIN_MAX || t >= CS_PLAIN_MAX)
		return verr(err, "a plain threshold is below 1000000000 in magnitude.");
	return true;
}

/* band i against the milder band before it */
static bool
validate_band_order(const CreditSchedule *cs, int i, CreditError *err)
{
	char		a[96];
	char		b[96];
	int64		t = cs->band[i].threshold;
	int64		tp = cs->band[i - 1].threshold;
	bool		ordered = (cs->flags & CS_ABOVE) ? t > tp : t < tp;

	if (!ordered)
	{
		fmt_band(a, sizeof(a), cs, i - 1);
		fmt_band(b, sizeof(b), cs, i);
		if (t == tp)
			return verr(err, "bands \"%s\" and \"%s\" have the same threshold.", a, b);
		return verr(err, "bands out of order: \"%s\" comes before \"%s\"; list the bands from the mildest miss to the worst (%s).",
					a, b, (cs->flags & CS_ABOVE) ? "above-thresholds increasing" : "below-thresholds decreasing");
	}
	if (credit_q12(cs, cs->band[i].credit) < credit_q12(cs, cs->band[i - 1].credit))
	{
		fmt_band(a, sizeof(a), cs, i - 1);
		fmt_band(b, sizeof(b), cs, i);
		return verr(err, "band \"%s\" gives a smaller credit than the milder band \"%s\": a worse attainment must not give a smaller credit.",
					b, a);
	}
	return true;
}

static bool
validate_bands(const CreditSchedule *cs, CreditError *err)
{
	char		a[96];

	for (int i = 0; i < cs->nbands; i++)
	{
		if (!validate_band(cs, i, err))
			return false;
		if (i > 0 && !validate_band_order(cs, i, err))
			return false;
	}
	if (cs->per_miss == CS_POOL)
	{
		if (cs->at_risk == CS_NONE)
			return verr(err, "\"per miss\" has no credit: give one (\"per miss 2%%\") or an at-risk pool (\"at risk 12%% allocation 40%%\") whose share each miss costs.");
	}
	else if (cs->per_miss != CS_NONE && (cs->per_miss < 0 || cs->per_miss > CS_ONE_SHARE))
	{
		fmt_percent(a, sizeof(a), cs->per_miss);
		return verr(err, "\"per miss %s\": a credit is a share of the fee between 0%% and 100%%.", a);
	}
	return true;
}

static bool
validate_chronic(const CreditSchedule *cs, CreditError *err)
{
	char		a[96];

	if (!count_ok(cs->chronic_row) || !count_ok(cs->chronic_k) || !count_ok(cs->chronic_n) ||
		!count_ok(cs->term_row) || !count_ok(cs->term_k) || !count_ok(cs->term_n) ||
		!count_ok(cs->warning) || !count_ok(cs->remediation) || !count_ok(cs->penalty) ||
		!count_ok(cs->earn_back))
		return verr(err, "counts of periods run from 1 to %d.", CS_MAX_COUNT);
	if ((cs->chronic_k > 0) != (cs->chronic_n > 0) || (cs->term_k > 0) != (cs->term_n > 0))
		return verr(err, "\"K of N\" needs both counts.");
	if (cs->chronic_effect > CS_CHRONIC_ADD)
		return verr(err, "unknown chronic effect %d.", cs->chronic_effect);
	if ((cs->chronic_effect == CS_CHRONIC_NONE) != (cs->chronic_row == 0 && cs->chronic_k == 0))
		return verr(err, "a chronic rule needs both a trigger and an effect.");
	if (cs->chronic_effect != CS_CHRONIC_NONE)
	{
		fmt_chronic(a, sizeof(a), cs);
		if (cs->chronic_k > cs->chronic_n)
			return verr(err, "\"%s\": %d misses cannot happen in %d periods (K of N needs K <= N).",
						a, cs->chronic_k, cs->chronic_n);
		if (cs->chronic_effect == CS_CHRONIC_MUL &&
			(cs->chronic_value < CS_FACTOR_ONE || cs->chronic_value > CS_FACTOR_MAX))
			return verr(err, "\"%s\": the multiplier of a chronic failure is from x1 to x100.", a);
		if (cs->chronic_effect == CS_CHRONIC_ADD &&
			(cs->chronic_value <= 0 || cs->chronic_value > CS_ONE_SHARE))
			return verr(err, "\"%s\": the share added for a chronic failure is above 0%% and at most 100%%.", a);
	}
	else if (cs->chronic_value != 0)
		return verr(err, "a chronic value without a chronic rule.");
	return true;
}

/* the ladder, by consecutive misses */
static bool
validate_ladder(const CreditSchedule *cs, CreditError *err)
{
	static const char *const rung[] = {"warning", "remediation", "penalty", "terminate"};
	char		a[96];
	char		b[96];
	int32		after[4];
	int			prev = -1;

	if (cs->term_row > 0 || cs->term_k > 0)
	{
		fmt_terminate(a, sizeof(a), cs);
		if (cs->term_k > cs->term_n)
			return verr(err, "\"%s\": %d misses cannot happen in %d periods (K of N needs K <= N).",
						a, cs->term_k, cs->term_n);
	}
	after[0] = cs->warning;
	after[1] = cs->remediation;
	after[2] = cs->penalty;
	after[3] = cs->term_row;
	for (int i = 0; i < 4; i++)
	{
		if (after[i] == 0)
			continue;
		if (prev >= 0 && after[i] < after[prev])
			return verr(err, "ladder out of order: \"%s after %d%s\" comes after fewer misses than \"%s after %d\"; the rungs run warning, remediation, penalty, terminate, each after at least as many misses in a row as the one before.",
						rung[i], after[i], i == 3 ? " in a row" : "", rung[prev], after[prev]);
		prev = i;
	}
	if (cs->chronic_n > 0 && cs->term_n > 0 && cs->chronic_n != cs->term_n)
	{
		fmt_chronic(a, sizeof(a), cs);
		fmt_terminate(b, sizeof(b), cs);
		return verr(err, "\"%s\" and \"%s\" count over different periods (%d and %d): recent_misses is one number, so the \"K of N\" rules of a schedule share N.",
					a, b, cs->chronic_n, cs->term_n);
	}
	return true;
}

static bool
validate_cap(const CreditSchedule *cs, CreditError *err)
{
	char		a[96];
	char		b[96];

	if (cs->cap != CS_NONE)
	{
		fmt_percent(a, sizeof(a), cs->cap);
		if (cs->cap < 0 || cs->cap > CS_ONE_SHARE)
			return verr(err, "\"cap %s\" is outside 0%% to 100%%: the cap is a share of the period's fee.", a);
		if (cs->at_risk != CS_NONE && cs->cap > cs->at_risk)
		{
			fmt_percent(b, sizeof(b), cs->at_risk);
			return verr(err, "\"cap %s\" is above the amount at risk (%s): no more than the amount at risk can be credited.", a, b);
		}
	}
	return true;
}

static bool
validate_chronic_cap(const CreditSchedule *cs, const CreditTerms2 *t2, CreditError *err)
{
	char		a[96];
	char		b[96];
	int64		cap = credit_effective_cap(cs);

	fmt_percent(a, sizeof(a), t2->chronic_cap);
	if (t2->chronic_cap < 0 || t2->chronic_cap > CS_ONE_SHARE)
		return verr(err, "\"chronic cap %s\" is outside 0%% to 100%%: the cap is a share of the period's fee.", a);
	if (cs->chronic_effect == CS_CHRONIC_NONE)
		return verr(err, "\"chronic cap %s\" without a chronic rule: it replaces the cap while a chronic rule (\"chronic after 3 in a row x1.5\") holds.", a);
	if (cs->cap == CS_NONE && cs->at_risk == CS_NONE)
		return verr(err, "\"chronic cap %s\" without a cap to replace: give \"cap\" too (\"cap 12%%; chronic cap 20%%\").", a);
	if (t2->chronic_cap < cap)
	{
		fmt_percent(b, sizeof(b), cap);
		return verr(err, "\"chronic cap %s\" is below the cap (%s): a chronic failure must not lower the cap.", a, b);
	}
	if (cs->at_risk != CS_NONE && t2->chronic_cap > cs->at_risk)
	{
		fmt_percent(b, sizeof(b), cs->at_risk);
		return verr(err, "\"chronic cap %s\" is above the amount at risk (%s): no more than the amount at risk can be credited.", a, b);
	}
	return true;
}

static bool
validate_period_caps(const CreditSchedule *cs, const CreditTerms2 *t2, CreditError *err)
{
	char		a[96];
	char		b[96];

	if (t2->period_cap != CS_NONE)
	{
		fmt_percent(a, sizeof(a), t2->period_cap);
		if (t2->period_cap < 0 || t2->period_cap > CS_ONE_SHARE)
			return verr(err, "\"period cap %s\" is outside 0%% to 100%%: the period cap is a share of the period's fee.", a);
		if (cs->at_risk != CS_NONE && t2->period_cap > cs->at_risk)
		{
			fmt_percent(b, sizeof(b), cs->at_risk);
			return verr(err, "\"period cap %s\" is above the amount at risk (%s), which already caps the period's credits.", a, b);
		}
	}
	if (t2->annual_cap != CS_NONE)
	{
		fmt_percent(a, sizeof(a), t2->annual_cap);
		if (t2->annual_cap < 0 || t2->annual_cap > CS_ONE_SHARE)
			return verr(err, "\"annual cap %s\" is outside 0%% to 100%%: the annual cap is a share of the year's fees.", a);
	}
	return true;
}

static bool
validate_earn_back(const CreditSchedule *cs, const CreditTerms2 *t2, CreditError *err)
{
	char		a[96];
	char		b[96];

	if ((t2->earn_back_share != 0 || (t2->xflags & CSX_TARGET)) && cs->earn_back == 0)
		return verr(err, "an earn-back share or target without \"earn back after N\".");
	if (t2->earn_back_share < 0 || t2->earn_back_share >= CS_ONE_SHARE)
	{
		fmt_percent(a, sizeof(a), t2->earn_back_share);
		return verr(err, "\"earn back %s\": a share earned back is above 0%% and below 100%% (100%% is \"earn back after N\").", a);
	}
	if (t2->xflags & CSX_TARGET)
	{
		int64		t = t2->earn_back_target;

		if (cs->nbands == 0)
			return verr(err, "\"earn back ... at\": a target for earn-back needs bands, whose mildest threshold is the service level's own target.");
		fmt_earn_back(a, sizeof(a), cs);
		if ((cs->flags & CS_PERCENT) ? (t < 0 || t > CS_ONE_SHARE) :
			(t <= -CS_PLAIN_MAX || t >= CS_PLAIN_MAX))
			return verr(err, "\"%s\": the target is out of range.", a);
		if ((cs->flags & CS_ABOVE) ? t >= cs->band[0].threshold : t <= cs->band[0].threshold)
		{
			fmt_band(b, sizeof(b), cs, 0);
			return verr(err, "\"%s\" is not a higher target than the service level's own (\"%s\"): earn-back against a target needs a stricter one, %s it.",
						a, b, (cs->flags & CS_ABOVE) ? "below" : "above");
		}
	}
	else if (t2->earn_back_target != 0)
		return verr(err, "an earn-back target value without its flag.");
	if (cs->earn_back > 0 && cs->nbands == 0)
		return verr(err, "\"earn back after %d\" without bands: a period is met when its attainment reaches the mildest band's threshold, so earn-back needs bands (\"below 99.9%%: 10%%; earn back after %d\").",
					cs->earn_back, cs->earn_back);
	return true;
}

/* the terms of version 2 */
static bool
validate_terms2(const CreditSchedule *cs, CreditError *err)
{
	const CreditTerms2 *t2 = credit_terms2(cs);

	if (t2->xflags & ~CSX_FLAGS_ALL)
		return verr(err, "unknown flags %d.", t2->xflags);
	if (t2->reserved != 0)
		return verr(err, "reserved field %d is not 0.", t2->reserved);
	if (t2->chronic_cap != CS_NONE && !validate_chronic_cap(cs, t2, err))
		return false;
	return validate_period_caps(cs, t2, err) && validate_earn_back(cs, t2, err);
}

/* the escalation rungs on "K of N" and the N every "K of N" term shares */
static bool
validate_rungs_k(const CreditSchedule *cs, const CreditTerms3 *t3, CreditError *err)
{
	static const char *const rung[] = {"warning", "remediation", "penalty", "terminate"};
	int32		k[4];
	int32		ns[3];
	int			prev = -1;

	if (!count_ok(t3->warning_k) || !count_ok(t3->remediation_k) || !count_ok(t3->penalty_k) ||
		!count_ok(t3->rung_n))
		return verr(err, "counts of periods run from 1 to %d.", CS_MAX_COUNT);
	k[0] = t3->warning_k;
	k[1] = t3->remediation_k;
	k[2] = t3->penalty_k;
	k[3] = cs->term_k;
	if ((k[0] > 0 || k[1] > 0 || k[2] > 0) != (t3->rung_n > 0))
		return verr(err, "\"K of N\" needs both counts.");
	for (int i = 0; i < 4; i++)
	{
		if (k[i] == 0)
			continue;
		if (i < 3 && k[i] > t3->rung_n)
			return verr(err, "\"%s after %d of %d\": %d misses cannot happen in %d periods (K of N needs K <= N).",
						rung[i], k[i], t3->rung_n, k[i], t3->rung_n);
		if (prev >= 0 && k[i] < k[prev])
			return verr(err, "ladder out of order: \"%s after %d of N\" comes after fewer misses than \"%s after %d of N\"; the rungs run warning, remediation, penalty, terminate.",
						rung[i], k[i], rung[prev], k[prev]);
		prev = i;
	}
	ns[0] = cs->chronic_n;
	ns[1] = cs->term_n;
	ns[2] = t3->rung_n;
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (ns[i] > 0 && ns[j] > 0 && ns[i] != ns[j])
				return verr(err, "\"K of N\" terms count over different periods (%d and %d): recent_misses is one number, so the \"K of N\" terms of a schedule share N.",
							ns[i], ns[j]);
	return true;
}

/* the terms of version 3 */
static bool
validate_terms3(const CreditSchedule *cs, CreditError *err)
{
	const CreditTerms3 *t3 = credit_terms3(cs);
	char		a[96];
	char		b[96];

	if (t3->reserved != 0)
		return verr(err, "reserved field %d is not 0.", t3->reserved);
	if (t3->annual_base < CS_ANNUAL_FEES || t3->annual_base > CS_ANNUAL_TO_DATE)
		return verr(err, "unknown annual cap base %d.", t3->annual_base);
	if (t3->annual_base != CS_ANNUAL_FEES && credit_terms2(cs)->annual_cap == CS_NONE)
		return verr(err, "an annual cap base without \"annual cap\".");
	if (!validate_rungs_k(cs, t3, err))
		return false;
	if (t3->chronic_period_cap != CS_NONE)
	{
		int64		pc = credit_period_cap(cs);

		fmt_percent(a, sizeof(a), t3->chronic_period_cap);
		if (t3->chronic_period_cap < 0 || t3->chronic_period_cap > CS_ONE_SHARE)
			return verr(err, "\"chronic period cap %s\" is outside 0%% to 100%%: the period cap is a share of the period's fee.", a);
		if (pc == CS_NONE)
			return verr(err, "\"chronic period cap %s\" without a period cap to replace: give \"period cap\" (or an at-risk pool) too (\"period cap 12%%; chronic period cap 20%%\").", a);
		if (t3->chronic_period_cap < pc)
		{
			fmt_percent(b, sizeof(b), pc);
			return verr(err, "\"chronic period cap %s\" is below the period cap (%s): a chronic failure must not lower the cap.", a, b);
		}
	}
	return true;
}

bool
credit_validate(const CreditSchedule *cs, CreditError *err)
{
	if (!validate_header(cs, err) || !validate_pool(cs, err) || !validate_bands(cs, err) ||
		!validate_chronic(cs, err) || !validate_ladder(cs, err) || !validate_cap(cs, err) ||
		!validate_terms2(cs, err) || !validate_terms3(cs, err))
		return false;

	/* a schedule without terms prints as "", which the text input refuses */
	if (cs->nbands == 0 && cs->per_miss == CS_NONE && cs->chronic_effect == CS_CHRONIC_NONE &&
		cs->warning == 0 && cs->remediation == 0 && cs->penalty == 0 &&
		cs->term_row == 0 && cs->term_k == 0 && cs->earn_back == 0 &&
		cs->cap == CS_NONE && cs->at_risk == CS_NONE && cs->version == CREDIT_SCHEDULE_VERSION)
		return verr(err, "the schedule has no terms.");
	return true;
}

/* ---------------------------------------------------------------------
 * type I/O
 * --------------------------------------------------------------------- */

static CreditSchedule *
cs_alloc(void)
{
	return palloc0(CS_MAX_SIZE);
}

Datum
credit_schedule_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	CreditSchedule *cs = cs_alloc();
	CreditError err;

	if (!credit_parse(str, cs, &err))
	{
		if (err.pos >= 0)
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "credit_schedule", ms_quote_input(str)),
					errdetail("At character %d: %s", err.pos + 1, err.msg));
		else
			ereturn(fcinfo->context, (Datum) 0,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "credit_schedule", ms_quote_input(str)),
					errdetail("%c%s", pg_toupper((unsigned char) err.msg[0]), err.msg + 1));
	}
	SET_VARSIZE(cs, CS_VALUE_SIZE(cs));
	PG_RETURN_POINTER(cs);
}

static void
append_term(StringInfo buf, bool *first, const char *text)
{
	if (!*first)
		appendStringInfoString(buf, "; ");
	appendStringInfoString(buf, text);
	*first = false;
}

/* "name P%" when the term is given */
static void
append_percent_term(StringInfo buf, bool *first, const char *name, int64 v)
{
	char		p[40];
	char		t[80];

	if (v == CS_NONE)
		return;
	fmt_percent(p, sizeof(p), v);
	snprintf(t, sizeof(t), "%s %s", name, p);
	append_term(buf, first, t);
}

Datum
credit_schedule_out(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);
	const CreditTerms2 *t2 = credit_terms2(cs);
	const CreditTerms3 *t3 = credit_terms3(cs);
	StringInfoData buf;
	char		t[128];
	bool		first = true;

	initStringInfo(&buf);
	for (int i = 0; i < cs->nbands; i++)
	{
		fmt_band(t, sizeof(t), cs, i);
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoString(&buf, t);
		first = false;
	}
	if (cs->per_miss == CS_POOL)
		append_term(&buf, &first, "per miss");
	else if (cs->per_miss != CS_NONE)
	{
		char		p[40];

		fmt_percent(p, sizeof(p), cs->per_miss);
		snprintf(t, sizeof(t), "per miss %s", p);
		append_term(&buf, &first, t);
	}
	if (cs->chronic_effect != CS_CHRONIC_NONE)
	{
		fmt_chronic(t, sizeof(t), cs);
		append_term(&buf, &first, t);
	}
	if (cs->warning > 0 || t3->warning_k > 0)
	{
		fmt_rung(t, sizeof(t), "warning", cs->warning, t3->warning_k, t3->rung_n);
		append_term(&buf, &first, t);
	}
	if (cs->remediation > 0 || t3->remediation_k > 0)
	{
		fmt_rung(t, sizeof(t), "remediation", cs->remediation, t3->remediation_k, t3->rung_n);
		append_term(&buf, &first, t);
	}
	if (cs->penalty > 0 || t3->penalty_k > 0)
	{
		fmt_rung(t, sizeof(t), "penalty", cs->penalty, t3->penalty_k, t3->rung_n);
		append_term(&buf, &first, t);
	}
	if (cs->term_row > 0 || cs->term_k > 0)
	{
		fmt_terminate(t, sizeof(t), cs);
		append_term(&buf, &first, t);
	}
	if (cs->earn_back > 0)
	{
		fmt_earn_back(t, sizeof(t), cs);
		append_term(&buf, &first, t);
	}
	append_percent_term(&buf, &first, "cap", cs->cap);
	append_percent_term(&buf, &first, "chronic cap", t2->chronic_cap);
	if (cs->at_risk != CS_NONE)
	{
		fmt_at_risk(t, sizeof(t), cs);
		append_term(&buf, &first, t);
	}
	append_percent_term(&buf, &first, "period cap", t2->period_cap);
	append_percent_term(&buf, &first, "chronic period cap", t3->chronic_period_cap);
	if (t2->annual_cap != CS_NONE)
	{
		char		p[40];

		fmt_percent(p, sizeof(p), t2->annual_cap);
		snprintf(t, sizeof(t), "annual cap %s%s", p,
				 t3->annual_base == CS_ANNUAL_CONTRACTED ? " of contracted fees" :
				 t3->annual_base == CS_ANNUAL_TO_DATE ? " of fees to date" : "");
		append_term(&buf, &first, t);
	}
	PG_RETURN_CSTRING(buf.data);
}

Datum
credit_schedule_send(PG_FUNCTION_ARGS)
{
	CreditSchedule *cs = PG_GETARG_CREDIT_SCHEDULE_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	/* version 1 unless a term of version 2 is given: 0.2.0's clients read it */
	pq_sendbyte(&buf, cs->version);
	pq_sendbyte(&buf, cs->flags);
	pq_sendbyte(&buf, cs->chronic_effect);
	pq_sendint32(&buf, cs->chronic_row);
	pq_sendint32(&buf, cs->chronic_k);
	pq_sendint32(&buf, cs->chronic_n);
	pq_sendint32(&buf, cs->warning);
	pq_sendint32(&buf, cs->remediation);
	pq_sendint32(&buf, cs->penalty);
	pq_sendint32(&buf, cs->term_row);
	pq_sendint32(&buf, cs->term_k);
	pq_sendint32(&buf, cs->term_n);
	pq_sendint32(&buf, cs->earn_back);
	pq_sendint64(&buf, cs->per_miss);
	pq_sendint64(&buf, cs->chronic_value);
	pq_sendint64(&buf, cs->cap);
	pq_sendint64(&buf, cs->at_risk);
	pq_sendint64(&buf, cs->allocation);
	pq_sendbyte(&buf, cs->nbands);
	for (int i = 0; i < cs->nbands; i++)
	{
		pq_sendint64(&buf, cs->band[i].threshold);
		pq_sendint64(&buf, cs->band[i].credit);
	}
	if (cs->version >= CREDIT_SCHEDULE_VERSION_2)
	{
		const CreditTerms2 *t2 = credit_terms2(cs);

		pq_sendint64(&buf, t2->period_cap);
		pq_sendint64(&buf, t2->annual_cap);
		pq_sendint64(&buf, t2->chronic_cap);
		pq_sendint64(&buf, t2->earn_back_share);
		pq_sendint64(&buf, t2->earn_back_target);
		pq_sendint32(&buf, t2->xflags);
	}
	if (cs->version == CREDIT_SCHEDULE_VERSION_3)
	{
		const CreditTerms3 *t3 = credit_terms3(cs);

		pq_sendint64(&buf, t3->chronic_period_cap);
		pq_sendint32(&buf, t3->warning_k);
		pq_sendint32(&buf, t3->remediation_k);
		pq_sendint32(&buf, t3->penalty_k);
		pq_sendint32(&buf, t3->rung_n);
		pq_sendbyte(&buf, t3->annual_base);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
credit_schedule_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CreditSchedule *cs = cs_alloc();
	CreditError err;
	int			nbands;

	cs->version = pq_getmsgbyte(buf);
	if (cs->version < CREDIT_SCHEDULE_VERSION || cs->version > CREDIT_SCHEDULE_VERSION_3)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary credit_schedule"),
				errdetail("Unsupported version %d.", cs->version));
	cs->flags = pq_getmsgbyte(buf);
	cs->chronic_effect = pq_getmsgbyte(buf);
	cs->chronic_row = pq_getmsgint(buf, 4);
	cs->chronic_k = pq_getmsgint(buf, 4);
	cs->chronic_n = pq_getmsgint(buf, 4);
	cs->warning = pq_getmsgint(buf, 4);
	cs->remediation = pq_getmsgint(buf, 4);
	cs->penalty = pq_getmsgint(buf, 4);
	cs->term_row = pq_getmsgint(buf, 4);
	cs->term_k = pq_getmsgint(buf, 4);
	cs->term_n = pq_getmsgint(buf, 4);
	cs->earn_back = pq_getmsgint(buf, 4);
	cs->per_miss = pq_getmsgint64(buf);
	cs->chronic_value = pq_getmsgint64(buf);
	cs->cap = pq_getmsgint64(buf);
	cs->at_risk = pq_getmsgint64(buf);
	cs->allocation = pq_getmsgint64(buf);
	nbands = pq_getmsgbyte(buf);
	if (nbands > CS_MAX_BANDS)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary credit_schedule"),
				errdetail("%d bands: at most %d.", nbands, CS_MAX_BANDS));
	cs->nbands = nbands;
	for (int i = 0; i < nbands; i++)
	{
		cs->band[i].threshold = pq_getmsgint64(buf);
		cs->band[i].credit = pq_getmsgint64(buf);
	}
	if (cs->version >= CREDIT_SCHEDULE_VERSION_2)
	{
		CreditTerms2 *t2 = (CreditTerms2 *) ((char *) cs + CS_SIZE(nbands));

		t2->period_cap = pq_getmsgint64(buf);
		t2->annual_cap = pq_getmsgint64(buf);
		t2->chronic_cap = pq_getmsgint64(buf);
		t2->earn_back_share = pq_getmsgint64(buf);
		t2->earn_back_target = pq_getmsgint64(buf);
		t2->xflags = pq_getmsgint(buf, 4);
		t2->reserved = 0;
	}
	if (cs->version == CREDIT_SCHEDULE_VERSION_3)
	{
		CreditTerms3 *t3 = (CreditTerms3 *) ((char *) cs + CS_SIZE2(nbands));

		t3->chronic_period_cap = pq_getmsgint64(buf);
		t3->warning_k = pq_getmsgint(buf, 4);
		t3->remediation_k = pq_getmsgint(buf, 4);
		t3->penalty_k = pq_getmsgint(buf, 4);
		t3->rung_n = pq_getmsgint(buf, 4);
		t3->annual_base = pq_getmsgbyte(buf);
		t3->reserved = 0;
	}
	pq_getmsgend(buf);
	if (!credit_validate(cs, &err))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary credit_schedule"),
				errdetail("%c%s", pg_toupper((unsigned char) err.msg[0]), err.msg + 1));
	SET_VARSIZE(cs, CS_VALUE_SIZE(cs));
	PG_RETURN_POINTER(cs);
}

Datum
credit_schedule_eq(PG_FUNCTION_ARGS)
{
	CreditSchedule *a = PG_GETARG_CREDIT_SCHEDULE_P(0);
	CreditSchedule *b = PG_GETARG_CREDIT_SCHEDULE_P(1);

	PG_RETURN_BOOL(VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0);
}

Datum
credit_schedule_ne(PG_FUNCTION_ARGS)
{
	CreditSchedule *a = PG_GETARG_CREDIT_SCHEDULE_P(0);
	CreditSchedule *b = PG_GETARG_CREDIT_SCHEDULE_P(1);

	PG_RETURN_BOOL(!(VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0));
}

Datum
credit_schedule_hash(PG_FUNCTION_ARGS)
{
	CreditSchedule *a = PG_GETARG_CREDIT_SCHEDULE_P(0);

	return hash_any((unsigned char *) a + VARHDRSZ, VARSIZE(a) - VARHDRSZ);
}

Datum
credit_schedule_hash_extended(PG_FUNCTION_ARGS)
{
	CreditSchedule *a = PG_GETARG_CREDIT_SCHEDULE_P(0);

	return hash_any_extended((unsigned char *) a + VARHDRSZ, VARSIZE(a) - VARHDRSZ,
							 PG_GETARG_INT64(1));
}
