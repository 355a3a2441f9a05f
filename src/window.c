/*
 * window.c
 *		The sla_window type: text and binary I/O, the per-call-site cache, and
 *		the SQL-callable business-time functions.
 *
 * Grammar (case-insensitive, white space free between tokens):
 *
 *	window	 := ('24x7' | group (';' group)*) [zone] [holidays] [special]
 *				(holidays and special in either order)
 *	group	 := dayitem (',' dayitem)* range (',' range)*
 *	dayitem  := day ['-' day]				mon .. sun or monday .. sunday; fri-mon wraps
 *	range	 := HH:MM '-' HH:MM				24:00 may end a range; end < start is overnight
 *	holidays := 'holidays' date (',' date)*
 *	special  := 'hours' entry ((';' | ',') entry)*
 *	entry	 := date (',' date)* range (',' range)*
 *
 * Canonical output splits overnight ranges at midnight (the part after
 * midnight belongs to the next day), merges touching ranges, groups days
 * with identical hours, prints the zone unless it is UTC, and sorts and
 * de-duplicates holidays; `24x7` stands for every day 00:00-24:00.  Special
 * hours replace the whole local date's hours; they print one date per entry,
 * sorted, split at midnight like the weekly hours.
 */
#include "window.h"

#include <ctype.h>

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(sla_window_in);
PG_FUNCTION_INFO_V1(sla_window_out);
PG_FUNCTION_INFO_V1(sla_window_recv);
PG_FUNCTION_INFO_V1(sla_window_send);
PG_FUNCTION_INFO_V1(sla_window_eq);
PG_FUNCTION_INFO_V1(sla_window_ne);
PG_FUNCTION_INFO_V1(sla_window_hash);
PG_FUNCTION_INFO_V1(sla_open);
PG_FUNCTION_INFO_V1(sla_elapsed);
PG_FUNCTION_INFO_V1(sla_deadline);
PG_FUNCTION_INFO_V1(sla_next_open);
PG_FUNCTION_INFO_V1(sla_next_close);
PG_FUNCTION_INFO_V1(sla_with_holidays);
PG_FUNCTION_INFO_V1(sla_holidays);
PG_FUNCTION_INFO_V1(sla_timezone);
PG_FUNCTION_INFO_V1(sla_window_make);
PG_FUNCTION_INFO_V1(sla_with_timezone);
PG_FUNCTION_INFO_V1(sla_close_of_business);
PG_FUNCTION_INFO_V1(sla_next_business_day_close);
PG_FUNCTION_INFO_V1(sla_next_business_day);

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const day_full_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

/* ---------------------------------------------------------------------
 * parsing
 * --------------------------------------------------------------------- */

/* one range of the special-hours clause, as read */
typedef struct WinSpecialRaw
{
	int32		day;
	int32		s;
	int32		e;
	bool		tail;			/* the after-midnight part of an overnight range */
	const char *at;				/* where its date was written, for errors */
} WinSpecialRaw;

/* a date with special hours, normalized */
typedef struct WinSpecial
{
	int32		day;
	int			n;
	int32		parts[2 * WIN_MAX_PARTS_PER_DAY];
} WinSpecial;

typedef struct WinInput
{
	int			nparts[7];
	int32		parts[7][2 * WIN_MAX_PARTS_PER_DAY];
	const char *zone;			/* canonical name; NULL means UTC */
	int			nholidays;
	int32	   *holidays;
	int			nraw;
	int			rawcap;
	WinSpecialRaw *raw;
	int			nspecial;
	WinSpecial *special;
} WinInput;

typedef struct WinParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
	WinInput   *in;
} WinParser;

#define syntax_error(ps, at, ...) \
	ms_syntax_error((ps)->escontext, "sla_window", (ps)->str, (at), __VA_ARGS__)

static void
skip_ws(WinParser *ps)
{
	while (*ps->p && isspace((unsigned char) *ps->p))
		ps->p++;
}

/*
 * Lists of days and of ranges are both separated by commas: after a comma,
 * the next item is of the same list only if it starts as that list's items
 * do (a letter for days, a digit for ranges).  Consumes the comma then.
 */
static bool
comma_then(WinParser *ps, int (*starts)(int))
{
	const char *q;

	if (*ps->p != ',')
		return false;
	q = ps->p + 1;
	while (*q && isspace((unsigned char) *q))
		q++;
	if (!starts((unsigned char) *q))
		return false;
	ps->p = q;
	return true;
}

static int
match_day(const char *p, int len)
{
	for (int d = 0; d < 7; d++)
	{
		if ((len == 3 && pg_strncasecmp(p, day_names[d], 3) == 0) ||
			(len == (int) strlen(day_full_names[d]) &&
			 pg_strncasecmp(p, day_full_names[d], len) == 0))
			return d;
	}
	return -1;
}

static bool
parse_day(WinParser *ps, int *day)
{
	int			len = ms_alpha_len(ps->p);

	*day = match_day(ps->p, len);
	if (*day < 0)
	{
		if (len == 0)
			return syntax_error(ps, ps->p, "expected a day (mon, tue, wed, thu, fri, sat, sun) or 24x7.");
		return syntax_error(ps, ps->p, "unknown day \"%.*s\": expected mon, tue, wed, thu, fri, sat or sun.",
							Min(len, 20), ps->p);
	}
	ps->p += len;
	return true;
}

/* days into mask; stops before the first range */
static bool
parse_days(WinParser *ps, bool *mask)
{
	for (;;)
	{
		int			d1,
					d2;

		skip_ws(ps);
		if (!parse_day(ps, &d1))
			return false;
		skip_ws(ps);
		d2 = d1;
		if (*ps->p == '-')
		{
			ps->p++;
			skip_ws(ps);
			if (!parse_day(ps, &d2))
				return false;
			skip_ws(ps);
		}
		for (int d = d1;; d = (d + 1) % 7)
		{
			mask[d] = true;
			if (d == d2)
				break;
		}
		/* another day item, or the ranges begin */
		if (comma_then(ps, isalpha))
			continue;
		return true;
	}
}

/* HH:MM in seconds; 24:00 only where allow24 */
static bool
parse_time(WinParser *ps, int32 *secs, bool allow24)
{
	const char *start = ps->p;
	int			h = 0,
				m = 0,
				nd = 0;

	while (isdigit((unsigned char) *ps->p) && nd < 3)
	{
		h = h * 10 + (*ps->p++ - '0');
		nd++;
	}
	if (nd == 0 || nd > 2 || *ps->p != ':' ||
		!isdigit((unsigned char) ps->p[1]) || !isdigit((unsigned char) ps->p[2]) ||
		isdigit((unsigned char) ps->p[3]))
		return syntax_error(ps, start, "expected a time of day as HH:MM.");
	m = (ps->p[1] - '0') * 10 + (ps->p[2] - '0');
	ps->p += 3;
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return syntax_error(ps, start, "time %.*s is out of range: expected 00:00 to 24:00.",
							(int) (ps->p - start), start);
	if (h == 24 && !allow24)
		return syntax_error(ps, start, "24:00 can only end a range.");
	*secs = h * 3600 + m * 60;
	return true;
}

static bool
add_part(WinParser *ps, const char *at, int day, int32 s, int32 e)
{
	WinInput   *in = ps->in;

	if (in->nparts[day] >= WIN_MAX_PARTS_PER_DAY)
		return syntax_error(ps, at, "more than %d ranges on %s.",
							WIN_MAX_PARTS_PER_DAY, day_names[day]);
	in->parts[day][2 * in->nparts[day]] = s;
	in->parts[day][2 * in->nparts[day] + 1] = e;
	in->nparts[day]++;
	return true;
}

static bool
parse_ranges(WinParser *ps, const bool *mask)
{
	for (;;)
	{
		const char *at;
		int32		s,
					e;

		skip_ws(ps);
		at = ps->p;
		if (!parse_time(ps, &s, false))
			return false;
		skip_ws(ps);
		if (*ps->p != '-')
			return syntax_error(ps, ps->p, "expected \"-\" and the end of the range.");
		ps->p++;
		skip_ws(ps);
		if (!parse_time(ps, &e, true))
			return false;
		if (s == e)
			return syntax_error(ps, at, "the range %.*s is empty.", (int) (ps->p - at), at);
		for (int d = 0; d < 7; d++)
		{
			if (!mask[d])
				continue;
			if (e > s)
			{
				if (!add_part(ps, at, d, s, e))
					return false;
			}
			else
			{
				/* overnight: the part after midnight belongs to the next day */
				if (!add_part(ps, at, d, s, SECS_PER_DAY))
					return false;
				if (e > 0 && !add_part(ps, at, (d + 1) % 7, 0, e))
					return false;
			}
		}
		skip_ws(ps);
		if (comma_then(ps, isdigit))
			continue;
		return true;
	}
}

static int
int32_pair_cmp(const void *a, const void *b)
{
	const int32 *x = a;
	const int32 *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

static int
int32_cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

static char *
fmt_hhmm(int32 secs, char *buf)
{
	sprintf(buf, "%02d:%02d", secs / 3600, (secs % 3600) / 60);
	return buf;
}

/* sort each day's parts, reject overlaps, merge touching parts */
static bool
normalize_parts(WinParser *ps, WinInput *in)
{
	for (int d = 0; d < 7; d++)
	{
		int32	   *p = in->parts[d];
		int			n = in->nparts[d];
		int			m = 0;

		if (n == 0)
			continue;
		qsort(p, n, 2 * sizeof(int32), int32_pair_cmp);
		for (int i = 1; i < n; i++)
		{
			if (p[2 * i] < p[2 * m + 1])
			{
				char		b1[8],
							b2[8],
							b3[8],
							b4[8];

				if (ps == NULL)
					return false;
				errsave(ps->escontext,
						errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"",
							   "sla_window", ms_quote_input(ps->str)),
						errdetail("Hours on %s overlap: %s-%s and %s-%s.", day_names[d],
								  fmt_hhmm(p[2 * m], b1), fmt_hhmm(p[2 * m + 1], b2),
								  fmt_hhmm(p[2 * i], b3), fmt_hhmm(p[2 * i + 1], b4)),
						errhint("Each instant of a day may appear in one range only; overnight ranges continue into the next day."));
				return false;
			}
			if (p[2 * i] == p[2 * m + 1])
				p[2 * m + 1] = p[2 * i + 1];
			else
			{
				m++;
				p[2 * m] = p[2 * i];
				p[2 * m + 1] = p[2 * i + 1];
			}
		}
		in->nparts[d] = m + 1;
	}
	return true;
}

/* sort and de-duplicate holidays */
static void
normalize_holidays(WinInput *in)
{
	int			m = 0;

	if (in->nholidays <= 1)
		return;
	qsort(in->holidays, in->nholidays, sizeof(int32), int32_cmp);
	for (int i = 1; i < in->nholidays; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (in->holidays[i] != in->holidays[m])
			in->holidays[++m] = in->holidays[i];
	}
	in->nholidays = m + 1;
}

static int
raw_cmp(const void *a, const void *b)
{
	const WinSpecialRaw *x = a;
	const WinSpecialRaw *y = b;

	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->s > y->s) - (x->s < y->s);
}

static char *
fmt_date(int32 day, char *buf)
{
	int			y,
				m,
				d;

	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	sprintf(buf, "%04d-%02d-%02d", y, m, d);
	return buf;
}

static bool
is_listed_holiday(const WinInput *in, int32 day)
{
	int			lo = 0;
	int			hi = in->nholidays;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (in->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < in->nholidays && in->holidays[lo] == day;
}

/*
 * From the ranges read to the dates with special hours.  A date written in
 * the clause has exactly the hours the clause gives it (its own ranges and
 * the tails of the day before's overnight ranges); a date that only gets a
 * tail keeps its weekday's hours besides.  Overlaps are errors, touching
 * ranges merge.  A date written both as a holiday and with hours is a
 * contradiction; a tail that falls on a holiday is closed, as the weekly
 * hours' tails are.  Needs the weekly hours and holidays normalized.
 */
static bool
normalize_special(WinParser *ps, WinInput *in)
{
	int			i = 0;

	if (in->nraw == 0)
		return true;
	qsort(in->raw, in->nraw, sizeof(WinSpecialRaw), raw_cmp);
	in->special = palloc(sizeof(WinSpecial) * Min(in->nraw, WIN_MAX_SPECIAL));
	in->nspecial = 0;
	while (i < in->nraw)
	{
		int32		day = in->raw[i].day;
		int			j = i;
		bool		written = false;
		const char *at = in->raw[i].at;
		WinSpecial *sp;
		int32	   *p;
		int			n = 0;
		int			m = 0;
		char		b0[12];

		while (j < in->nraw && in->raw[j].day == day)
		{
			if (!in->raw[j].tail)
			{
				written = true;
				at = in->raw[j].at;
			}
			j++;
		}
		if (is_listed_holiday(in, day))
		{
			if (written)
				return syntax_error(ps, at, "%s is a holiday and has special hours.", fmt_date(day, b0));
			i = j;
			continue;
		}
		if (in->nspecial >= WIN_MAX_SPECIAL)
			return syntax_error(ps, at, "more than %d dates with special hours.", WIN_MAX_SPECIAL);
		sp = &in->special[in->nspecial];
		sp->day = day;
		p = sp->parts;
		if (!written)
		{
			int			w = (int) (((day + 5) % 7 + 7) % 7);

			memcpy(p, in->parts[w], sizeof(int32) * 2 * in->nparts[w]);
			n = in->nparts[w];
		}
		for (; i < j; i++)
		{
			if (n >= WIN_MAX_PARTS_PER_DAY)
				return syntax_error(ps, in->raw[i].at, "more than %d ranges on %s.",
									WIN_MAX_PARTS_PER_DAY, fmt_date(day, b0));
			p[2 * n] = in->raw[i].s;
			p[2 * n + 1] = in->raw[i].e;
			n++;
		}
		qsort(p, n, 2 * sizeof(int32), int32_pair_cmp);
		for (int k = 1; k < n; k++)
		{
			if (p[2 * k] < p[2 * m + 1])
			{
				char		b1[8],
							b2[8],
							b3[8],
							b4[8];

				errsave(ps->escontext,
						errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"",
							   "sla_window", ms_quote_input(ps->str)),
						errdetail("Hours on %s overlap: %s-%s and %s-%s.", fmt_date(day, b0),
								  fmt_hhmm(p[2 * m], b1), fmt_hhmm(p[2 * m + 1], b2),
								  fmt_hhmm(p[2 * k], b3), fmt_hhmm(p[2 * k + 1], b4)),
						errhint("A date with special hours has exactly the hours given for it; the part of an overnight range after midnight is added to the next date's hours."));
				return false;
			}
			if (p[2 * k] == p[2 * m + 1])
				p[2 * m + 1] = p[2 * k + 1];
			else
			{
				m++;
				p[2 * m] = p[2 * k];
				p[2 * m + 1] = p[2 * k + 1];
			}
		}
		sp->n = m + 1;
		in->nspecial++;
	}
	return true;
}

static bool
valid_holiday(int32 day)
{
	return day >= WIN_MIN_DAY && day < WIN_MAX_DAY;
}

/* does p start like a date (YYYY-)? */
static bool
looks_like_date(const char *p)
{
	return isdigit((unsigned char) p[0]) && isdigit((unsigned char) p[1]) &&
		isdigit((unsigned char) p[2]) && isdigit((unsigned char) p[3]) && p[4] == '-';
}

/* YYYY-MM-DD into days since 2000-01-01; noun names it in errors */
static bool
parse_date(WinParser *ps, int32 *day, const char *noun)
{
	const char *at;
	int			y,
				mo,
				d;
	static const char shape[] = "9999-99-99";

	skip_ws(ps);
	at = ps->p;
	for (int i = 0; i < 10; i++)
	{
		if (shape[i] == '9' ? !isdigit((unsigned char) at[i]) : at[i] != '-')
			return syntax_error(ps, at, "expected a %s date as YYYY-MM-DD.", noun);
	}
	if (isdigit((unsigned char) at[10]))
		return syntax_error(ps, at, "expected a %s date as YYYY-MM-DD.", noun);
	y = atoi(at);
	mo = atoi(at + 5);
	d = atoi(at + 8);
	if (mo < 1 || mo > 12 || d < 1 || d > day_tab[isleap(y)][mo - 1])
		return syntax_error(ps, at, "%.10s is not a valid date.", at);
	ps->p += 10;
	*day = date2j(y, mo, d) - POSTGRES_EPOCH_JDATE;
	if (!valid_holiday(*day))
		return syntax_error(ps, at, "%s %.10s is out of range: expected 1900-01-01 to 2299-12-31.",
							noun, at);
	return true;
}

static bool
parse_holidays(WinParser *ps)
{
	WinInput   *in = ps->in;
	int			cap = 16;

	in->holidays = palloc(sizeof(int32) * cap);
	for (;;)
	{
		const char *at;
		int32		day;

		CHECK_FOR_INTERRUPTS();
		skip_ws(ps);
		at = ps->p;
		if (!parse_date(ps, &day, "holiday"))
			return false;
		if (in->nholidays >= WIN_MAX_HOLIDAYS)
			return syntax_error(ps, at, "more than %d holidays.", WIN_MAX_HOLIDAYS);
		if (in->nholidays == cap)
		{
			cap *= 2;
			in->holidays = repalloc(in->holidays, sizeof(int32) * cap);
		}
		in->holidays[in->nholidays++] = day;
		skip_ws(ps);
		if (*ps->p != ',')
			return true;
		ps->p++;
	}
}

static bool
add_raw(WinParser *ps, const char *at, int32 day, int32 s, int32 e, bool tail)
{
	WinInput   *in = ps->in;

	if (in->nraw >= 4 * WIN_MAX_SPECIAL)
		return syntax_error(ps, at, "too many special hours (at most %d dates).", WIN_MAX_SPECIAL);
	if (in->nraw == in->rawcap)
	{
		in->rawcap = Max(16, 2 * in->rawcap);
		in->raw = in->raw ? repalloc(in->raw, sizeof(WinSpecialRaw) * in->rawcap)
			: palloc(sizeof(WinSpecialRaw) * in->rawcap);
	}
	in->raw[in->nraw].day = day;
	in->raw[in->nraw].s = s;
	in->raw[in->nraw].e = e;
	in->raw[in->nraw].tail = tail;
	in->raw[in->nraw].at = at;
	in->nraw++;
	return true;
}

/* a comma, then (after white space) something that looks like a date */
static bool
comma_then_date(WinParser *ps)
{
	const char *q;

	if (*ps->p != ',')
		return false;
	q = ps->p + 1;
	while (*q && isspace((unsigned char) *q))
		q++;
	if (!looks_like_date(q))
		return false;
	ps->p = q;
	return true;
}

/*
 * The special-hours clause: entries of dates and ranges.  The part of an
 * overnight range after midnight belongs to the next date (a tail).
 */
static bool
parse_special(WinParser *ps)
{
	int			cap = 8;
	int32	   *days = palloc(sizeof(int32) * cap);
	const char **dat = palloc(sizeof(char *) * cap);

	for (;;)
	{
		int			nd = 0;
		bool		next_entry = false;

		/* the dates of the entry */
		for (;;)
		{
			skip_ws(ps);
			if (nd == cap)
			{
				cap *= 2;
				days = repalloc(days, sizeof(int32) * cap);
				dat = repalloc(dat, sizeof(char *) * cap);
			}
			dat[nd] = ps->p;
			if (!parse_date(ps, &days[nd], "date"))
				return false;
			nd++;
			if (nd > WIN_MAX_SPECIAL)
				return syntax_error(ps, dat[nd - 1], "more than %d dates with special hours.", WIN_MAX_SPECIAL);
			skip_ws(ps);
			if (!comma_then_date(ps))
				break;
		}
		if (!isdigit((unsigned char) *ps->p))
			return syntax_error(ps, ps->p, "expected hours as HH:MM-HH:MM after the date.");
		/* its ranges */
		for (;;)
		{
			const char *at;
			int32		s,
						e;

			skip_ws(ps);
			at = ps->p;
			if (!parse_time(ps, &s, false))
				return false;
			skip_ws(ps);
			if (*ps->p != '-')
				return syntax_error(ps, ps->p, "expected \"-\" and the end of the range.");
			ps->p++;
			skip_ws(ps);
			if (!parse_time(ps, &e, true))
				return false;
			if (s == e)
				return syntax_error(ps, at, "the range %.*s is empty.", (int) (ps->p - at), at);
			for (int i = 0; i < nd; i++)
			{
				if (!add_raw(ps, dat[i], days[i], s, e > s ? e : SECS_PER_DAY, false))
					return false;
				if (e < s && e > 0)
				{
					if (!valid_holiday(days[i] + 1))
						return syntax_error(ps, at, "the overnight range runs past 2299-12-31.");
					if (!add_raw(ps, dat[i], days[i] + 1, 0, e, true))
						return false;
				}
			}
			skip_ws(ps);
			if (comma_then_date(ps))
			{
				next_entry = true;
				break;
			}
			if (comma_then(ps, isdigit))
				continue;
			break;
		}
		if (next_entry)
			continue;
		if (*ps->p == ';')
		{
			ps->p++;
			continue;
		}
		return true;
	}
}

static bool
is_word(const char *p, const char *w)
{
	int			n = strlen(w);

	return pg_strncasecmp(p, w, n) == 0 && !isalnum((unsigned char) p[n]) && p[n] != '_';
}

/* a zone of pg_timezone_names (not a POSIX TZ specification), or NULL */
#define lookup_zone(name) ms_zone_lookup(name)

static bool
parse_window(WinParser *ps)
{
	WinInput   *in = ps->in;

	skip_ws(ps);
	if (*ps->p == '\0')
		return syntax_error(ps, ps->p, "the value is empty: expected coverage hours such as \"mon-fri 09:00-17:00 Europe/Berlin\" or \"24x7\".");
	if (pg_strncasecmp(ps->p, "24x7", 4) == 0 &&
		(ps->p[4] == '\0' || isspace((unsigned char) ps->p[4])))
	{
		for (int d = 0; d < 7; d++)
		{
			in->nparts[d] = 1;
			in->parts[d][0] = 0;
			in->parts[d][1] = SECS_PER_DAY;
		}
		ps->p += 4;
	}
	else
	{
		for (;;)
		{
			bool		mask[7] = {false};

			if (!parse_days(ps, mask))
				return false;
			skip_ws(ps);
			if (!isdigit((unsigned char) *ps->p))
				return syntax_error(ps, ps->p, "expected hours as HH:MM-HH:MM after the days.");
			if (!parse_ranges(ps, mask))
				return false;
			skip_ws(ps);
			if (*ps->p != ';')
				break;
			ps->p++;
		}
	}

	skip_ws(ps);
	if (*ps->p != '\0' && !is_word(ps->p, "holidays") && !is_word(ps->p, "hours"))
	{
		const char *at = ps->p;
		char		name[TZ_STRLEN_MAX + 1];
		int			n = 0;
		pg_tz	   *tz;

		while (*ps->p && !isspace((unsigned char) *ps->p) && *ps->p != ';' && *ps->p != ',')
		{
			if (n < TZ_STRLEN_MAX)
				name[n++] = *ps->p;
			ps->p++;
		}
		name[n] = '\0';
		if (n == 0 || !(isalpha((unsigned char) name[0])))
			return syntax_error(ps, at, "expected a time zone name such as Europe/Berlin, \"holidays\", \"hours\", or the end.");
		tz = lookup_zone(name);
		if (tz == NULL)
			return syntax_error(ps, at, "unknown time zone \"%s\": expected a name that sla_timezone_names() lists (those of pg_timezone_names but localtime and posixrules, in any letter case).",
								name);
		in->zone = pstrdup(pg_get_timezone_name(tz));
		skip_ws(ps);
	}
	for (int clause = 0; clause < 2; clause++)
	{
		if (is_word(ps->p, "holidays") && in->holidays == NULL)
		{
			ps->p += strlen("holidays");
			if (!parse_holidays(ps))
				return false;
			skip_ws(ps);
		}
		else if (is_word(ps->p, "hours") && in->raw == NULL)
		{
			ps->p += strlen("hours");
			if (!parse_special(ps))
				return false;
			skip_ws(ps);
		}
	}
	if (*ps->p != '\0')
		return syntax_error(ps, ps->p, "junk after the end of the window: \"%.20s\".", ps->p);
	return true;
}

/* ---------------------------------------------------------------------
 * building and printing the varlena
 * --------------------------------------------------------------------- */

static SlaWindow *
win_build(const WinInput *in)
{
	const char *zone = in->zone ? in->zone : "UTC";
	int			nparts = 0;
	Size		size;
	SlaWindow  *w;
	int32	   *parts;

	Size		base;
	int			nsparts = 0;

	for (int d = 0; d < 7; d++)
		nparts += in->nparts[d];
	base = SLA_WINDOW_HDRSZ + sizeof(int32) * in->nholidays +
		sizeof(int32) * 2 * nparts + strlen(zone) + 1;
	size = base;
	if (in->nspecial > 0)
	{
		for (int i = 0; i < in->nspecial; i++)
			nsparts += in->special[i].n;
		size = INTALIGN(base) + sizeof(int32) * (2 + 2 * in->nspecial + 2 * nsparts);
	}
	w = palloc0(size);
	SET_VARSIZE(w, size);
	/* version 1 without special hours: the layout and bytes of before */
	w->version = in->nspecial > 0 ? SLA_WINDOW_VERSION_SPECIAL : SLA_WINDOW_VERSION;
	w->nholidays = in->nholidays;
	if (in->nholidays > 0)
		memcpy(win_holidays(w), in->holidays, sizeof(int32) * in->nholidays);
	for (int d = 0; d < 7; d++)
		w->nparts[d] = in->nparts[d];
	parts = win_parts(w);
	for (int d = 0; d < 7; d++)
	{
		memcpy(parts, in->parts[d], sizeof(int32) * 2 * in->nparts[d]);
		parts += 2 * in->nparts[d];
	}
	strcpy((char *) parts, zone);
	if (in->nspecial > 0)
	{
		int32	   *sec = (int32 *) ((char *) w + INTALIGN(base));
		int32	   *sdays = sec + 1;
		int32	   *sfirst = sdays + in->nspecial;
		int32	   *sparts = sfirst + in->nspecial + 1;
		int			k = 0;

		Assert(sec == win_special_section(w));
		sec[0] = in->nspecial;
		for (int i = 0; i < in->nspecial; i++)
		{
			sdays[i] = in->special[i].day;
			sfirst[i] = k;
			memcpy(sparts + 2 * k, in->special[i].parts, sizeof(int32) * 2 * in->special[i].n);
			k += in->special[i].n;
		}
		sfirst[in->nspecial] = k;
	}
	return w;
}

/* copy a stored window back into the parser's form */
static void
win_unpack(const SlaWindow *w, WinInput *in)
{
	const int32 *parts = win_parts(w);

	memset(in, 0, sizeof(WinInput));
	for (int d = 0; d < 7; d++)
	{
		in->nparts[d] = w->nparts[d];
		memcpy(in->parts[d], parts, sizeof(int32) * 2 * w->nparts[d]);
		parts += 2 * w->nparts[d];
	}
	in->nholidays = w->nholidays;
	in->holidays = palloc(sizeof(int32) * Max(w->nholidays, 1));
	memcpy(in->holidays, win_holidays(w), sizeof(int32) * w->nholidays);
	in->zone = win_zone_name(w);
	in->nspecial = win_nspecial(w);
	if (in->nspecial > 0)
	{
		const int32 *sdays = win_special_days(w);
		const int32 *sfirst = win_special_first(w);
		const int32 *sparts = win_special_parts(w);

		in->special = palloc(sizeof(WinSpecial) * in->nspecial);
		for (int i = 0; i < in->nspecial; i++)
		{
			in->special[i].day = sdays[i];
			in->special[i].n = sfirst[i + 1] - sfirst[i];
			memcpy(in->special[i].parts, sparts + 2 * sfirst[i],
				   sizeof(int32) * 2 * in->special[i].n);
		}
	}
}

static bool
window_has_hours(const WinInput *in)
{
	for (int d = 0; d < 7; d++)
		if (in->nparts[d] > 0)
			return true;
	return false;
}

Datum
sla_window_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	WinInput   *in = palloc0(sizeof(WinInput));
	WinParser	ps;

	ps.str = str;
	ps.p = str;
	ps.escontext = fcinfo->context;
	ps.in = in;
	if (!parse_window(&ps) || !normalize_parts(&ps, in))
		PG_RETURN_NULL();
	normalize_holidays(in);
	if (!normalize_special(&ps, in))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(win_build(in));
}

static bool
same_parts(const SlaWindow *w, const int32 *pa, int da, const int32 *pb, int db)
{
	return w->nparts[da] == w->nparts[db] &&
		memcmp(pa, pb, sizeof(int32) * 2 * w->nparts[da]) == 0;
}

Datum
sla_window_out(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);
	const int32 *dayparts[7];
	const int32 *p = win_parts(w);
	const char *zone = win_zone_name(w);
	bool		done[7] = {false};
	bool		full = true;
	StringInfoData buf;

	initStringInfo(&buf);
	for (int d = 0; d < 7; d++)
	{
		dayparts[d] = p;
		p += 2 * w->nparts[d];
		if (!(w->nparts[d] == 1 && dayparts[d][0] == 0 && dayparts[d][1] == SECS_PER_DAY))
			full = false;
	}

	if (full)
		appendStringInfoString(&buf, "24x7");
	else
	{
		bool		first_group = true;

		for (int d = 0; d < 7; d++)
		{
			bool		members[7] = {false};
			bool		first_item = true;
			char		b1[8],
						b2[8];

			if (done[d] || w->nparts[d] == 0)
				continue;
			for (int e = d; e < 7; e++)
			{
				if (!done[e] && same_parts(w, dayparts[d], d, dayparts[e], e))
				{
					members[e] = true;
					done[e] = true;
				}
			}
			if (!first_group)
				appendStringInfoString(&buf, "; ");
			first_group = false;
			/* runs of consecutive days print as mon-fri */
			for (int e = 0; e < 7; e++)
			{
				int			f = e;

				if (!members[e])
					continue;
				while (f + 1 < 7 && members[f + 1])
					f++;
				appendStringInfo(&buf, "%s%s", first_item ? "" : ",", day_names[e]);
				if (f > e)
					appendStringInfo(&buf, "-%s", day_names[f]);
				first_item = false;
				e = f;
			}
			appendStringInfoChar(&buf, ' ');
			for (int i = 0; i < w->nparts[d]; i++)
				appendStringInfo(&buf, "%s%s-%s", i > 0 ? "," : "",
								 fmt_hhmm(dayparts[d][2 * i], b1),
								 fmt_hhmm(dayparts[d][2 * i + 1], b2));
		}
	}
	if (strcmp(zone, "UTC") != 0)
		appendStringInfo(&buf, " %s", zone);
	if (w->nholidays > 0)
	{
		const int32 *h = win_holidays(w);

		appendStringInfoString(&buf, " holidays ");
		for (int i = 0; i < w->nholidays; i++)
		{
			int			y,
						m,
						d;

			CHECK_FOR_INTERRUPTS();
			j2date(h[i] + POSTGRES_EPOCH_JDATE, &y, &m, &d);
			appendStringInfo(&buf, "%s%04d-%02d-%02d", i > 0 ? "," : "", y, m, d);
		}
	}
	if (win_nspecial(w) > 0)
	{
		const int32 *sdays = win_special_days(w);
		const int32 *sfirst = win_special_first(w);
		const int32 *sparts = win_special_parts(w);

		appendStringInfoString(&buf, " hours ");
		for (int i = 0; i < win_nspecial(w); i++)
		{
			char		b0[12],
						b1[8],
						b2[8];

			appendStringInfo(&buf, "%s%s ", i > 0 ? "; " : "", fmt_date(sdays[i], b0));
			for (int k = sfirst[i]; k < sfirst[i + 1]; k++)
				appendStringInfo(&buf, "%s%s-%s", k > sfirst[i] ? "," : "",
								 fmt_hhmm(sparts[2 * k], b1), fmt_hhmm(sparts[2 * k + 1], b2));
		}
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: version byte; zone name; for each weekday the number of parts
 * and their (start, end) seconds; the number of holidays and the days since
 * 2000-01-01; from version 2 on, the number of dates with special hours and
 * for each its day, number of parts and their (start, end) seconds.  recv
 * validates all of it as the text input would, and reads version 1 too.
 */
Datum
sla_window_send(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);
	const int32 *p = win_parts(w);
	const int32 *h = win_holidays(w);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SLA_WINDOW_VERSION_SPECIAL);
	pq_sendstring(&buf, win_zone_name(w));
	for (int d = 0; d < 7; d++)
	{
		pq_sendbyte(&buf, w->nparts[d]);
		for (int i = 0; i < w->nparts[d]; i++)
		{
			pq_sendint32(&buf, *p++);
			pq_sendint32(&buf, *p++);
		}
	}
	pq_sendint32(&buf, w->nholidays);
	for (int i = 0; i < w->nholidays; i++)
	{
		CHECK_FOR_INTERRUPTS();
		pq_sendint32(&buf, h[i]);
	}
	pq_sendint32(&buf, win_nspecial(w));
	for (int i = 0; i < win_nspecial(w); i++)
	{
		const int32 *sfirst = win_special_first(w);
		const int32 *sparts = win_special_parts(w);

		pq_sendint32(&buf, win_special_days(w)[i]);
		pq_sendbyte(&buf, sfirst[i + 1] - sfirst[i]);
		for (int k = sfirst[i]; k < sfirst[i + 1]; k++)
		{
			pq_sendint32(&buf, sparts[2 * k]);
			pq_sendint32(&buf, sparts[2 * k + 1]);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_binary(const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary sla_window"),
			errdetail_internal("%s", detail));
}

Datum
sla_window_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	WinInput   *in = palloc0(sizeof(WinInput));
	int			version = pq_getmsgbyte(buf);
	const char *zone;
	pg_tz	   *tz;

	if (version != SLA_WINDOW_VERSION && version != SLA_WINDOW_VERSION_SPECIAL)
		bad_binary(psprintf("Unsupported version %d.", version));
	zone = pq_getmsgstring(buf);
	tz = lookup_zone(zone);
	if (tz == NULL)
		bad_binary(psprintf("Unknown time zone \"%s\".", zone));
	in->zone = pstrdup(pg_get_timezone_name(tz));
	for (int d = 0; d < 7; d++)
	{
		int			n = pq_getmsgbyte(buf);

		if (n > WIN_MAX_PARTS_PER_DAY)
			bad_binary("Too many ranges in a day.");
		in->nparts[d] = n;
		for (int i = 0; i < n; i++)
		{
			int32		s = pq_getmsgint(buf, 4);
			int32		e = pq_getmsgint(buf, 4);

			if (s < 0 || e > SECS_PER_DAY || s >= e || s % 60 != 0 || e % 60 != 0)
				bad_binary("Range out of bounds.");
			if (i > 0 && s <= in->parts[d][2 * i - 1])
				bad_binary("Ranges not sorted, overlapping or touching.");
			in->parts[d][2 * i] = s;
			in->parts[d][2 * i + 1] = e;
		}
	}
	in->nholidays = pq_getmsgint(buf, 4);
	if (in->nholidays < 0 || in->nholidays > WIN_MAX_HOLIDAYS ||
		(Size) in->nholidays * 4 > (Size) (buf->len - buf->cursor))
		bad_binary("Bad number of holidays.");
	in->holidays = palloc(sizeof(int32) * Max(in->nholidays, 1));
	for (int i = 0; i < in->nholidays; i++)
	{
		CHECK_FOR_INTERRUPTS();
		in->holidays[i] = pq_getmsgint(buf, 4);
		if (!valid_holiday(in->holidays[i]))
			bad_binary("Holiday out of range.");
		if (i > 0 && in->holidays[i] <= in->holidays[i - 1])
			bad_binary("Holidays not sorted or repeated.");
	}
	if (!window_has_hours(in))
		bad_binary("No coverage hours.");
	if (version >= SLA_WINDOW_VERSION_SPECIAL)
	{
		in->nspecial = pq_getmsgint(buf, 4);
		if (in->nspecial < 0 || in->nspecial > WIN_MAX_SPECIAL ||
			(Size) in->nspecial * 5 > (Size) (buf->len - buf->cursor))
			bad_binary("Bad number of dates with special hours.");
		in->special = palloc(sizeof(WinSpecial) * Max(in->nspecial, 1));
		for (int i = 0; i < in->nspecial; i++)
		{
			WinSpecial *sp = &in->special[i];

			sp->day = pq_getmsgint(buf, 4);
			if (!valid_holiday(sp->day))
				bad_binary("Special date out of range.");
			if (i > 0 && sp->day <= in->special[i - 1].day)
				bad_binary("Special dates not sorted or repeated.");
			if (is_listed_holiday(in, sp->day))
				bad_binary("Special date that is a holiday.");
			sp->n = pq_getmsgbyte(buf);
			if (sp->n < 1 || sp->n > WIN_MAX_PARTS_PER_DAY)
				bad_binary("Bad number of ranges on a special date.");
			for (int k = 0; k < sp->n; k++)
			{
				int32		s = pq_getmsgint(buf, 4);
				int32		e = pq_getmsgint(buf, 4);

				if (s < 0 || e > SECS_PER_DAY || s >= e || s % 60 != 0 || e % 60 != 0)
					bad_binary("Range out of bounds.");
				if (k > 0 && s <= sp->parts[2 * k - 1])
					bad_binary("Ranges not sorted, overlapping or touching.");
				sp->parts[2 * k] = s;
				sp->parts[2 * k + 1] = e;
			}
		}
	}
	pq_getmsgend(buf);
	PG_RETURN_POINTER(win_build(in));
}

static bool
win_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

Datum
sla_window_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(win_equal(fcinfo));
}

Datum
sla_window_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!win_equal(fcinfo));
}

Datum
sla_window_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);

	return hash_any((unsigned char *) VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
}

/* ---------------------------------------------------------------------
 * the in-memory form and its cache
 * --------------------------------------------------------------------- */

WinSched *
win_sched_build(const SlaWindow *w, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	WinSched   *ws = palloc0(sizeof(WinSched));
	const int32 *p = win_parts(w);
	int			total = win_total_parts(w);
	int			k = 0;
	pg_tz	   *tz;

	ws->mcxt = mcxt;
	ws->pre_lo = 0;
	ws->pre_hi = -1;
	ws->parts = palloc(sizeof(WinPart) * Max(total, 1));
	ws->full_week = true;
	for (int d = 0; d < 7; d++)
	{
		ws->first[d] = k;
		ws->day_len[d] = 0;
		for (int i = 0; i < w->nparts[d]; i++)
		{
			ws->parts[k].s = (int64) p[0] * USECS_PER_SEC;
			ws->parts[k].e = (int64) p[1] * USECS_PER_SEC;
			ws->day_len[d] += ws->parts[k].e - ws->parts[k].s;
			p += 2;
			k++;
		}
		if (w->nparts[d] > 0)
			ws->nbusiness_days++;
		if (ws->day_len[d] != USECS_PER_DAY)
			ws->full_week = false;
		ws->week_len += ws->day_len[d];
	}
	ws->first[7] = k;
	ws->cum_week[0] = 0;
	for (int d = 0; d < 14; d++)
		ws->cum_week[d + 1] = ws->cum_week[d] + ws->day_len[d % 7];

	/* exceptions: holidays and special dates (disjoint), merged in order */
	{
		int			nh = w->nholidays;
		int			ns = win_nspecial(w);
		const int32 *h = win_holidays(w);
		const int32 *sdays = ns > 0 ? win_special_days(w) : NULL;
		const int32 *sfirst = ns > 0 ? win_special_first(w) : NULL;
		const int32 *sparts = ns > 0 ? win_special_parts(w) : NULL;
		int			ih = 0,
					is = 0,
					np = 0;

		ws->nexc = nh + ns;
		ws->exc_day = palloc(sizeof(int32) * Max(ws->nexc, 1));
		ws->exc_first = palloc(sizeof(int) * (ws->nexc + 1));
		ws->exc_parts = palloc(sizeof(WinPart) * Max(ns > 0 ? sfirst[ns] : 0, 1));
		ws->exc_cum = palloc(sizeof(int64) * (ws->nexc + 1));
		ws->exc_bcum = palloc(sizeof(int) * (ws->nexc + 1));
		ws->exc_cum[0] = 0;
		ws->exc_bcum[0] = 0;
		for (int i = 0; i < ws->nexc; i++)
		{
			int64		day;
			int			wd;
			int64		len = 0;

			CHECK_FOR_INTERRUPTS();
			ws->exc_first[i] = np;
			if (is >= ns || (ih < nh && h[ih] < sdays[is]))
				day = h[ih++];
			else
			{
				day = sdays[is];
				for (int j = sfirst[is]; j < sfirst[is + 1]; j++)
				{
					ws->exc_parts[np].s = (int64) sparts[2 * j] * USECS_PER_SEC;
					ws->exc_parts[np].e = (int64) sparts[2 * j + 1] * USECS_PER_SEC;
					len += ws->exc_parts[np].e - ws->exc_parts[np].s;
					np++;
				}
				is++;
			}
			ws->exc_day[i] = (int32) day;
			wd = (int) (((day + 5) % 7 + 7) % 7);
			ws->exc_cum[i + 1] = ws->exc_cum[i] + ws->day_len[wd] - len;
			ws->exc_bcum[i + 1] = ws->exc_bcum[i] + (w->nparts[wd] > 0 ? 1 : 0) -
				(np > ws->exc_first[i] ? 1 : 0);
		}
		ws->exc_first[ws->nexc] = np;
		if (ws->nexc > 0)
		{
			int32		e0 = ws->exc_day[0];
			int			i = 0;

			ws->exc_nbuckets = ((ws->exc_day[ws->nexc - 1] - e0) >> 5) + 1;
			ws->exc_bucket = palloc(sizeof(int) * ws->exc_nbuckets);
			for (int b = 0; b < ws->exc_nbuckets; b++)
			{
				while (i < ws->nexc && ws->exc_day[i] < e0 + (b << 5))
					i++;
				ws->exc_bucket[b] = i;
			}
		}
	}
	tz = ms_zone_lookup_stored(win_zone_name(w));
	if (tz == NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("time zone \"%s\" of an sla_window is not in this server's time-zone database",
					   win_zone_name(w)));
	if (ws->nbusiness_days == 0)
		elog(ERROR, "sla_window without coverage hours");
	/* last: the zone stays pinned until win_sched_cached lets ws go */
	ws->zone = ms_zone_get(tz);
	ws->always_open = ws->full_week && ws->nexc == 0 && ws->zone->ntrans == 0;
	MemoryContextSwitchTo(old);
	return ws;
}

#define WIN_CACHE_SLOTS 4

typedef struct WinCacheSlot
{
	Size		len;			/* payload bytes, 0 when empty */
	SlaWindow  *win;			/* aligned copy with a 4-byte header */
	WinSched   *ws;
} WinCacheSlot;

typedef struct WinCache
{
	int			next_victim;
	bool		arg_stable;		/* the argument is a constant: never compare */
	MemoryContextCallback unpin;	/* releases the zones when fn_mcxt goes */
	WinCacheSlot slot[WIN_CACHE_SLOTS];
} WinCache;

static void
win_cache_unpin(void *arg)
{
	WinCache   *cache = (WinCache *) arg;

	for (int i = 0; i < WIN_CACHE_SLOTS; i++)
	{
		if (cache->slot[i].len > 0)
		{
			ms_zone_release(cache->slot[i].ws->zone);
			cache->slot[i].len = 0;
		}
	}
}

/*
 * Is argument argno of the call a Const?  (Not merely "stable": PL/pgSQL
 * re-binds external Params between evaluations of one expression state.)
 */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL)
		return false;
	if (IsA(expr, FuncExpr))
		args = ((FuncExpr *) expr)->args;
	else if (IsA(expr, OpExpr))
		args = ((OpExpr *) expr)->args;
	else
		return false;
	if (argno >= list_length(args))
		return false;
	return IsA(list_nth(args, argno), Const);
}

/*
 * The window of argument argno, parsed once per call site.  A few slots
 * keep it cheap when rows alternate between the windows of a few contracts.
 */
WinSched *
win_sched_cached(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	WinCache   *cache = (WinCache *) fcinfo->flinfo->fn_extra;
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
	const char *payload;
	Size		len;
	WinCacheSlot *slot;

	/* a constant window (the usual literal in a report) is parsed once */
	if (cache != NULL && cache->arg_stable && cache->slot[0].len > 0)
		return cache->slot[0].ws;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v);
	payload = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(mcxt, sizeof(WinCache));
		cache->arg_stable = arg_is_const(fcinfo->flinfo, argno);
		cache->unpin.func = win_cache_unpin;
		cache->unpin.arg = cache;
		MemoryContextRegisterResetCallback(mcxt, &cache->unpin);
		fcinfo->flinfo->fn_extra = cache;
	}
	for (int i = 0; i < WIN_CACHE_SLOTS; i++)
	{
		slot = &cache->slot[i];
		if (slot->len == len && memcmp(VARDATA(slot->win), payload, len) == 0)
			return slot->ws;
	}

	slot = &cache->slot[cache->next_victim];
	cache->next_victim = (cache->next_victim + 1) % WIN_CACHE_SLOTS;
	if (slot->len > 0)
	{
		if (slot->ws->civ)
		{
			for (int k = 0; k < slot->ws->zone->nmc; k++)
				if (slot->ws->civ[k])
					pfree(slot->ws->civ[k]);
			pfree(slot->ws->civ);
			pfree(slot->ws->cn);
			pfree(slot->ws->pre);
			pfree(slot->ws->stretch_len);
			pfree(slot->ws->stretch_off);
			pfree(slot->ws->stretch_f0);
		}
		if (slot->ws->exc_bucket)
			pfree(slot->ws->exc_bucket);
		if (slot->ws->exc_prefix)
			pfree(slot->ws->exc_prefix);
		pfree(slot->ws->exc_day);
		pfree(slot->ws->exc_first);
		pfree(slot->ws->exc_parts);
		pfree(slot->ws->exc_cum);
		pfree(slot->ws->exc_bcum);
		pfree(slot->ws->parts);
		slot->len = 0;
		ms_zone_release(slot->ws->zone);
		pfree(slot->ws);
		pfree(slot->win);
	}
	slot->win = MemoryContextAlloc(mcxt, VARHDRSZ + len);
	SET_VARSIZE(slot->win, VARHDRSZ + len);
	memcpy(VARDATA(slot->win), payload, len);
	slot->ws = win_sched_build(slot->win, mcxt);
	slot->len = len;
	return slot->ws;
}

/* ---------------------------------------------------------------------
 * SQL-callable functions
 * --------------------------------------------------------------------- */

Datum
sla_open(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	win_check_ts(t);
	PG_RETURN_BOOL(win_open(ws, t));
}

Datum
sla_elapsed(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz a = PG_GETARG_TIMESTAMPTZ(1);
	TimestampTz b = PG_GETARG_TIMESTAMPTZ(2);

	win_check_ts(a);
	win_check_ts(b);
	PG_RETURN_INTERVAL_P(ms_interval_usecs(win_elapsed(ws, a, b)));
}

/* split a target interval into business days and business microseconds */
void
sla_target_parts(const Interval *d, int32 *days, int64 *usecs)
{
	if (d->month == 0 && d->day == WIN_NEXT_BUSINESS_DAY && d->time == 0)
	{
		/* the marker of a "next business day" target */
		*days = WIN_NEXT_BUSINESS_DAY;
		*usecs = 0;
		return;
	}
	if (d->month != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("SLA targets cannot be given in months or years"),
				errdetail("Months have no fixed length in business time."),
				errhint("Use business days, e.g. '20 days', or hours."));
	if (d->day < 0 || d->time < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("SLA target %s is negative",
					   DatumGetCString(DirectFunctionCall1(interval_out, IntervalPGetDatum(d)))),
				errdetail("Targets must be zero or positive."));
	*days = d->day;
	*usecs = d->time;
}

TimestampTz
win_deadline(WinSched *ws, TimestampTz a, const Interval *target)
{
	int32		days;
	int64		usecs;
	TimestampTz t;

	sla_target_parts(target, &days, &usecs);
	t = win_deadline_parts(ws, a, days, usecs);
	return t;
}

Datum
sla_deadline(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz a = PG_GETARG_TIMESTAMPTZ(1);
	Interval   *d = PG_GETARG_INTERVAL_P(2);

	win_check_ts(a);
	PG_RETURN_TIMESTAMPTZ(win_deadline(ws, a, d));
}

Datum
sla_next_open(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	win_check_ts(t);
	PG_RETURN_TIMESTAMPTZ(win_next_open(ws, t));
}

Datum
sla_next_close(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	win_check_ts(t);
	PG_RETURN_TIMESTAMPTZ(win_next_close(ws, t));
}

/* the position of the first element of the sorted a[0 .. n) that is >= v */
static int
first_not_below(const int32 *a, int n, int32 v)
{
	int			lo = 0;
	int			hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (a[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* is day in the sorted array a[0 .. n) */
static bool
day_in_sorted(const int32 *a, int n, int32 day)
{
	int			i = first_not_below(a, n, day);

	return i < n && a[i] == day;
}

/*
 * A date is a holiday or has special hours, never both: the text form
 * rejects a text that says both (22P02), and the constructors reject
 * holidays that fall on a date with special hours (22023), instead of
 * letting one silently win.  A special date here is one the window's
 * stored form has, or one the hours text writes; the after-midnight tail
 * of an overnight range that falls on a holiday is closed, as in the text
 * form, so it is no conflict.
 */
static void
reject_holiday_on_special(const WinInput *in, const int32 *days, int n)
{
	int32		hit = 0;
	bool		found = false;

	for (int i = 0; i < in->nspecial && !found; i++)
	{
		if (day_in_sorted(days, n, in->special[i].day))
		{
			hit = in->special[i].day;
			found = true;
		}
	}
	for (int i = 0; i < in->nraw && !found; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!in->raw[i].tail && day_in_sorted(days, n, in->raw[i].day))
		{
			hit = in->raw[i].day;
			found = true;
		}
	}
	if (found)
	{
		char		b[12];

		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("holiday %s has special hours in the window", fmt_date(hit, b)),
				errdetail("A date is either a holiday or a date with special hours, never both; the text form, sla_window(hours, zone, holidays) and sla_with_holidays all reject it."),
				errhint("Leave the date out of the holidays to keep its special hours, or out of the special hours to close it."));
	}
}

/*
 * holidays of a date array added to in (NULL elements ignored); 22023 when
 * one falls on a date with special hours
 */
static void
add_holiday_array(WinInput *in, ArrayType *arr)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			m = 0;
	int32	   *all;
	int32	   *added;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("holidays must be a one-dimensional date array"));
	deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT, &elems, &nulls, &n);
	if ((Size) in->nholidays + n > WIN_MAX_HOLIDAYS)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("an sla_window can hold at most %d holidays", WIN_MAX_HOLIDAYS));
	added = palloc(sizeof(int32) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		DateADT		d;

		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			continue;			/* a NULL holiday closes nothing */
		d = DatumGetDateADT(elems[i]);
		if (DATE_NOT_FINITE(d) || !valid_holiday(d))
			ereport(ERROR,
					errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					errmsg("holiday %s is out of range",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
					errdetail("Holidays run from 1900-01-01 to 2299-12-31."));
		added[m++] = d;
	}
	qsort(added, m, sizeof(int32), int32_cmp);
	reject_holiday_on_special(in, added, m);
	all = palloc(sizeof(int32) * (in->nholidays + m + 1));
	memcpy(all, in->holidays, sizeof(int32) * in->nholidays);
	memcpy(all + in->nholidays, added, sizeof(int32) * m);
	in->nholidays += m;
	in->holidays = all;
	normalize_holidays(in);
}

/* not strict on the array: NULL holidays (array_agg of no rows) are none */
Datum
sla_with_holidays(PG_FUNCTION_ARGS)
{
	SlaWindow  *w;
	WinInput   *in;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	w = PG_GETARG_SLA_WINDOW_P(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(w);
	in = palloc(sizeof(WinInput));
	win_unpack(w, in);
	add_holiday_array(in, PG_GETARG_ARRAYTYPE_P(1));
	PG_RETURN_POINTER(win_build(in));
}

/* the canonical name of a zone argument; 22023 when unknown */
static const char *
zone_argument(text *zt)
{
	char	   *name = text_to_cstring(zt);
	pg_tz	   *tz = lookup_zone(name);

	if (tz == NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("time zone \"%s\" not recognized", name),
				errhint("Use a name that sla_timezone_names() lists (those of pg_timezone_names but localtime and posixrules), such as Europe/Berlin."));
	return pstrdup(pg_get_timezone_name(tz));
}

/*
 * sla_window(hours, zone, holidays): a calendar from parts.  hours is the
 * text form without a zone; NULL hours or zone give NULL (a missing zone is
 * not quietly UTC), NULL holidays none.
 */
Datum
sla_window_make(PG_FUNCTION_ARGS)
{
	char	   *str;
	WinInput   *in;
	WinParser	ps;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	str = text_to_cstring(PG_GETARG_TEXT_PP(0));
	in = palloc0(sizeof(WinInput));
	ps.str = str;
	ps.p = str;
	ps.escontext = NULL;
	ps.in = in;
	(void) (parse_window(&ps) && normalize_parts(&ps, in));
	if (in->zone != NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("the hours \"%s\" name a time zone", ms_quote_input(str)),
				errdetail("sla_window(hours, zone, holidays) takes the zone from its second argument."));
	in->zone = zone_argument(PG_GETARG_TEXT_PP(1));
	normalize_holidays(in);

	/*
	 * The array's holidays join the text's before the special hours are
	 * read, so that the result is the text form's with those holidays
	 * written in it: tails on them closed, written dates rejected.
	 */
	if (!PG_ARGISNULL(2))
		add_holiday_array(in, PG_GETARG_ARRAYTYPE_P(2));
	(void) normalize_special(&ps, in);
	PG_RETURN_POINTER(win_build(in));
}

/* the same hours, holidays and special hours in another zone */
Datum
sla_with_timezone(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);
	WinInput   *in = palloc(sizeof(WinInput));

	win_unpack(w, in);
	in->zone = zone_argument(PG_GETARG_TEXT_PP(1));
	PG_RETURN_POINTER(win_build(in));
}

Datum
sla_close_of_business(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	win_check_ts(t);
	PG_RETURN_TIMESTAMPTZ(win_close_of_business(ws, t));
}

Datum
sla_next_business_day_close(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	win_check_ts(t);
	PG_RETURN_TIMESTAMPTZ(win_next_business_day(ws, t));
}

/* the target marker that sla_target gives for "next business day" */
Datum
sla_next_business_day(PG_FUNCTION_ARGS)
{
	Interval   *r = palloc(sizeof(Interval));

	r->month = 0;
	r->day = WIN_NEXT_BUSINESS_DAY;
	r->time = 0;
	PG_RETURN_INTERVAL_P(r);
}

Datum
sla_holidays(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);
	Datum	   *elems = palloc(sizeof(Datum) * Max(w->nholidays, 1));
	const int32 *h = win_holidays(w);

	for (int i = 0; i < w->nholidays; i++)
	{
		CHECK_FOR_INTERRUPTS();
		elems[i] = DateADTGetDatum(h[i]);
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, w->nholidays, DATEOID,
										  sizeof(DateADT), true, TYPALIGN_INT));
}

Datum
sla_timezone(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);

	PG_RETURN_TEXT_P(cstring_to_text(win_zone_name(w)));
}

/* ---------------------------------------------------------------------
 * pauses: the clock stopped during a tstzmultirange (PostgreSQL 14+)
 * --------------------------------------------------------------------- */

#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(sla_elapsed_multirange);
PG_FUNCTION_INFO_V1(sla_elapsed_paused);
PG_FUNCTION_INFO_V1(sla_deadline_paused);

/* fn_extra holds the window cache, so the range type comes from typcache */
static TypeCacheEntry *
mr_rangetype(MultirangeType *mr)
{
	TypeCacheEntry *tc = lookup_type_cache(MultirangeTypeGetOid(mr), TYPECACHE_MULTIRANGE_INFO);

	if (tc->rngtype == NULL)
		elog(ERROR, "type %u is not a multirange type", MultirangeTypeGetOid(mr));
	return tc->rngtype;
}

/* bounds of range i; infinite bounds become -infinity / infinity */
static void
mr_bounds(TypeCacheEntry *rt, MultirangeType *mr, int i, TimestampTz *lo, TimestampTz *hi)
{
	RangeBound	lower,
				upper;

	multirange_get_bounds(rt, mr, i, &lower, &upper);
	*lo = lower.infinite ? DT_NOBEGIN : DatumGetTimestampTz(lower.val);
	*hi = upper.infinite ? DT_NOEND : DatumGetTimestampTz(upper.val);
}

Datum
sla_elapsed_multirange(PG_FUNCTION_ARGS)
{
	WinSched   *ws = win_sched_cached(fcinfo, 0);
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(1);
	TypeCacheEntry *rt = mr_rangetype(mr);
	int64		total = 0;

	for (int i = 0; i < (int) mr->rangeCount; i++)
	{
		TimestampTz lo,
					hi;

		CHECK_FOR_INTERRUPTS();
		mr_bounds(rt, mr, i, &lo, &hi);
		win_check_ts(lo);
		win_check_ts(hi);
		total += win_elapsed(ws, lo, hi);
	}
	PG_RETURN_INTERVAL_P(ms_interval_usecs(total));
}

/* business time of the pauses inside [a, b), a <= b */
static int64
paused_elapsed(WinSched *ws, TypeCacheEntry *rt, MultirangeType *mr,
			   TimestampTz a, TimestampTz b)
{
	int64		total = 0;

	for (int i = 0; i < (int) mr->rangeCount; i++)
	{
		TimestampTz lo,
					hi;

		CHECK_FOR_INTERRUPTS();
		mr_bounds(rt, mr, i, &lo, &hi);
		if (hi <= a)
			continue;
		if (lo >= b)
			break;
		total += win_elapsed(ws, Max(lo, a), Min(hi, b));
	}
	return total;
}

/* a NULL pause multirange is no pauses, as in every function with pauses */
Datum
sla_elapsed_paused(PG_FUNCTION_ARGS)
{
	WinSched   *ws;
	TimestampTz a;
	TimestampTz b;
	MultirangeType *mr;
	int64		sign = 1;
	int64		total;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	ws = win_sched_cached(fcinfo, 0);
	a = PG_GETARG_TIMESTAMPTZ(1);
	b = PG_GETARG_TIMESTAMPTZ(2);
	mr = PG_ARGISNULL(3) ? NULL : PG_GETARG_MULTIRANGE_P(3);
	win_check_ts(a);
	win_check_ts(b);
	if (b < a)
	{
		TimestampTz t = a;

		a = b;
		b = t;
		sign = -1;
	}
	total = win_elapsed(ws, a, b);
	if (mr)
		total -= paused_elapsed(ws, mr_rangetype(mr), mr, a, b);
	PG_RETURN_INTERVAL_P(ms_interval_usecs(sign * total));
}

/*
 * With pauses the clock runs only in open, unpaused time.  A target's
 * business days are stepped as without pauses; the open time paused within
 * them, and then the hours, are counted on the unpaused clock after that.
 */
TimestampTz
win_deadline_paused(WinSched *ws, MultirangeType *mr, TimestampTz a,
					int32 days, int64 usecs)
{
	TypeCacheEntry *rt = mr_rangetype(mr);
	/* more than the supported range is as unreachable as any more: no overflow below */
	int64		rem = Min(usecs, WIN_MAX_TS - WIN_MIN_TS + 1);
	TimestampTz cur;

	cur = win_deadline_parts(ws, a, days, 0);
	if (TIMESTAMP_NOT_FINITE(cur))
		return cur;				/* a window that never closes: no close of business */
	rem += paused_elapsed(ws, rt, mr, a, cur);

	for (int i = 0; i < (int) mr->rangeCount; i++)
	{
		TimestampTz lo,
					hi;
		int64		run;

		CHECK_FOR_INTERRUPTS();
		mr_bounds(rt, mr, i, &lo, &hi);
		if (hi <= cur)
			continue;
		lo = Max(lo, cur);
		if (rem == 0)
			return cur;
		/* a pause after the supported range: the target comes first, or is out of it */
		if (lo > WIN_MAX_TS)
			break;
		/* reached before the pause? (asked so, a target out of range is no error yet) */
		run = win_elapsed(ws, cur, lo);
		if (rem <= run)
			return win_advance(ws, cur, rem);
		rem -= run;
		if (TIMESTAMP_IS_NOEND(hi))
			return DT_NOEND;	/* the clock never resumes */
		win_check_ts(hi);
		cur = hi;
	}
	return win_advance(ws, cur, rem);
}

/* open, unpaused business time in [a, b), a <= b */
int64
win_elapsed_paused(WinSched *ws, MultirangeType *mr, TimestampTz a, TimestampTz b)
{
	return win_elapsed(ws, a, b) - paused_elapsed(ws, mr_rangetype(mr), mr, a, b);
}

/* infinity when a pause never ends before the clock reaches the target */
Datum
sla_deadline_paused(PG_FUNCTION_ARGS)
{
	WinSched   *ws;
	TimestampTz a;
	int32		days;
	int64		usecs;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	ws = win_sched_cached(fcinfo, 0);
	a = PG_GETARG_TIMESTAMPTZ(1);
	win_check_ts(a);
	sla_target_parts(PG_GETARG_INTERVAL_P(2), &days, &usecs);
	if (PG_ARGISNULL(3))
		PG_RETURN_TIMESTAMPTZ(win_deadline_parts(ws, a, days, usecs));
	PG_RETURN_TIMESTAMPTZ(win_deadline_paused(ws, PG_GETARG_MULTIRANGE_P(3), a, days, usecs));
}


/* ---------------------------------------------------------------------
 * issue 17: the holiday horizon
 *
 * A holiday list is kept per calendar year (a country's holidays of 2026),
 * and a window whose list stops at 2026 counts the holidays of 2027 as
 * working days, silently.  The horizon makes that visible: the list covers
 * each calendar year in which it has a holiday, and a report can flag the
 * periods that reach a year it does not cover.
 * --------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(sla_holiday_horizon);
PG_FUNCTION_INFO_V1(sla_holidays_cover);

static int
year_of_day(int32 day)
{
	int			y,
				m,
				d;

	j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return y;
}

/* the last day of the year of the latest holiday; NULL without holidays */
Datum
sla_holiday_horizon(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);

	if (w->nholidays == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(date2j(year_of_day(win_holidays(w)[w->nholidays - 1]), 12, 31) -
					  POSTGRES_EPOCH_JDATE);
}

/* the local calendar year of instant t in the window's zone */
static int
local_year(WinSched *ws, TimestampTz t)
{
	int64		secs = t / USECS_PER_SEC - (t % USECS_PER_SEC < 0 ? 1 : 0);
	int64		local = t + (int64) ms_zone_offset(ws->zone, secs) * USECS_PER_SEC;
	int64		day = local / USECS_PER_DAY - (local % USECS_PER_DAY < 0 ? 1 : 0);

	return year_of_day((int32) day);
}

/*
 * Does the list hold a holiday in calendar year y?  holidays are sorted:
 * the first one on or after 1 January decides.
 */
static bool
year_has_holiday(const int32 *h, int n, int y)
{
	int32		from = date2j(y, 1, 1) - POSTGRES_EPOCH_JDATE;
	int32		to = date2j(y + 1, 1, 1) - POSTGRES_EPOCH_JDATE;
	int			i = first_not_below(h, n, from);

	return i < n && h[i] < to;
}

/*
 * sla_holidays_cover(w, period): every local calendar year the period
 * touches has a holiday in the window's list.  A window without holidays
 * has no list to run out of (true); an empty period is covered; a period
 * without an end is not.
 */
Datum
sla_holidays_cover(PG_FUNCTION_ARGS)
{
	SlaWindow  *w = PG_GETARG_SLA_WINDOW_P(0);
	RangeType  *r = PG_GETARG_RANGE_P(1);
	TypeCacheEntry *tc;
	RangeBound	lower,
				upper;
	bool		empty;
	TimestampTz a,
				b;
	WinSched   *ws;
	int			y1,
				y2;

	if (w->nholidays == 0)
		PG_RETURN_BOOL(true);
	tc = lookup_type_cache(RangeTypeGetOid(r), TYPECACHE_RANGE_INFO);
	range_deserialize(tc, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_BOOL(true);
	if (lower.infinite || upper.infinite)
		PG_RETURN_BOOL(false);
	a = DatumGetTimestampTz(lower.val);
	b = DatumGetTimestampTz(upper.val);
	if (TIMESTAMP_NOT_FINITE(a) || TIMESTAMP_NOT_FINITE(b))
		PG_RETURN_BOOL(false);
	win_check_ts(a);
	win_check_ts(b);
	/* the last instant inside: a non-empty [a, b) has b > a */
	if (!upper.inclusive)
		b--;
	ws = win_sched_cached(fcinfo, 0);
	y1 = local_year(ws, a);
	y2 = local_year(ws, b);
	for (int y = y1; y <= y2; y++)
	{
		if (!year_has_holiday(win_holidays(w), w->nholidays, y))
			PG_RETURN_BOOL(false);
	}
	PG_RETURN_BOOL(true);
}
