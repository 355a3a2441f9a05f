/*
 * window_engine.c
 *		Business-time arithmetic over an sla_window.
 *
 * The open set of a window is the union, over local dates D that are not
 * holidays and the day-parts [s, e) of D's weekday, of the instants
 * [utc(D + s), utc(D + e)), each local time converted the way PostgreSQL
 * converts a timestamp in the window's zone.
 *
 * Cost must not grow with the length of a span.  The timeline is cut into
 *	- regular stretches: runs of local dates with one UTC offset for all of
 *	  their boundaries.  There the open set is the weekly pattern shifted by
 *	  that offset, so measures are sums of weekday lengths (weeks at a time)
 *	  minus holidays (prefix sums over the sorted holiday list);
 *	- clusters: the few dates around each DST transition (tzcache.c), where
 *	  the intervals are converted one by one, sorted and merged.
 * A span of a year crosses two clusters and a handful of holiday lookups.
 */
#include "window.h"

#include "miscadmin.h"

#define DAY USECS_PER_DAY
#define NO_CLUSTER PG_INT32_MAX
/* "not found" for local positions, which are negative before 2000 */
#define LOCAL_NONE PG_INT64_MIN

static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* weekday of a local date, Monday = 0 (2000-01-01 was a Saturday) */
static inline int
dow(int64 day)
{
	int64		r = (day + 5) % 7;

	return (int) (r < 0 ? r + 7 : r);
}

void
win_check_ts(TimestampTz t)
{
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("infinite timestamps are not allowed in business-time arithmetic"),
				errhint("Business time is counted between finite instants from 1900 to 2300."));
	if (t < WIN_MIN_TS || t > WIN_MAX_TS)
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range for business-time arithmetic"),
				errdetail("Supported instants run from 1900-01-01 to 2300-01-01 UTC."));
}

static void
beyond_range(void)
{
	ereport(ERROR,
			errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			errmsg("business-time result out of range"),
			errdetail("Supported instants run from 1900-01-01 to 2300-01-01 UTC."));
}

/* ---------------------------------------------------------------------
 * time zone helpers
 * --------------------------------------------------------------------- */

/* UTC offset in effect at instant t, microseconds */
static inline int64
offset_at(WinSched *ws, TimestampTz t)
{
	return (int64) ms_zone_offset(ws->zone, floor_div(t, USECS_PER_SEC)) * USECS_PER_SEC;
}

/* instant of local date day at tod microseconds after local midnight */
static inline TimestampTz
inst_of(WinSched *ws, int64 day, int64 tod)
{
	int64		local = day * DAY + tod;
	int64		secs = floor_div(local, USECS_PER_SEC);

	return ms_zone_local_to_utc(ws->zone, secs) * USECS_PER_SEC +
		(local - secs * USECS_PER_SEC);
}

/*
 * The cluster of irregular dates containing or following date d: [*c1, *c2]
 * with *c2 >= d, overlapping clusters merged; NO_CLUSTER when none.
 */
static void
next_cluster(WinSched *ws, int64 d, int64 *c1, int64 *c2)
{
	const MsZone *z = ws->zone;
	int			i = ms_zone_first_cluster(z, d);

	if (i >= z->ntrans)
	{
		*c1 = *c2 = NO_CLUSTER;
		return;
	}
	*c1 = z->cluster_lo[i];
	*c2 = z->cluster_hi[i];
	while (i + 1 < z->ntrans && z->cluster_lo[i + 1] <= *c2 + 1)
	{
		i++;
		*c2 = Max(*c2, (int64) z->cluster_hi[i]);
	}
}

/* The cluster containing or preceding date d; *c2 = -NO_CLUSTER when none. */
static void
prev_cluster(WinSched *ws, int64 d, int64 *c1, int64 *c2)
{
	const MsZone *z = ws->zone;
	int			lo = 0;
	int			hi = z->ntrans;
	int			i;

	/* first cluster starting after d */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (z->cluster_lo[mid] <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lo - 1;
	if (i < 0)
	{
		*c1 = *c2 = -(int64) NO_CLUSTER;
		return;
	}
	*c1 = z->cluster_lo[i];
	*c2 = z->cluster_hi[i];
	while (i - 1 >= 0 && z->cluster_hi[i - 1] >= *c1 - 1)
	{
		i--;
		*c1 = Min(*c1, (int64) z->cluster_lo[i]);
	}
}

/* ---------------------------------------------------------------------
 * holidays and the weekly pattern, in local time
 * --------------------------------------------------------------------- */

/* index of the first holiday >= day */
static inline int
hol_lower(const WinSched *ws, int64 day)
{
	int			lo = 0;
	int			hi = ws->nholidays;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (ws->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static inline bool
is_holiday(const WinSched *ws, int64 day)
{
	int			i;

	if (ws->nholidays == 0)
		return false;
	i = hol_lower(ws, day);
	return i < ws->nholidays && ws->holidays[i] == day;
}

/* the first holiday >= day, or NO_CLUSTER */
static inline int64
next_holiday(const WinSched *ws, int64 day)
{
	int			i;

	if (ws->nholidays == 0)
		return NO_CLUSTER;
	i = hol_lower(ws, day);
	return i < ws->nholidays ? ws->holidays[i] : NO_CLUSTER;
}

/* the last holiday <= day, or -NO_CLUSTER */
static inline int64
prev_holiday(const WinSched *ws, int64 day)
{
	int			i;

	if (ws->nholidays == 0)
		return -(int64) NO_CLUSTER;
	i = hol_lower(ws, day + 1) - 1;
	return i >= 0 ? ws->holidays[i] : -(int64) NO_CLUSTER;
}

static inline bool
is_business_date(const WinSched *ws, int64 day)
{
	int			w = dow(day);

	return ws->first[w + 1] > ws->first[w] && !is_holiday(ws, day);
}

/* open microseconds of date day before tod (0 on holidays) */
static int64
partial(const WinSched *ws, int64 day, int64 tod)
{
	int			w = dow(day);
	int64		sum = 0;

	if (is_holiday(ws, day))
		return 0;
	for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
	{
		const WinPart *p = &ws->parts[i];

		if (p->s >= tod)
			break;
		sum += Min(p->e, tod) - p->s;
	}
	return sum;
}

/* open microseconds of the whole dates [d1, d2) */
static int64
nominal(const WinSched *ws, int64 d1, int64 d2)
{
	int64		n = d2 - d1;
	int64		sum;
	int			w;

	if (n <= 0)
		return 0;
	sum = (n / 7) * ws->week_len;
	w = dow(d1);
	for (int64 k = 0; k < n % 7; k++)
		sum += ws->day_len[(w + k) % 7];
	if (ws->nholidays > 0)
	{
		int			i1 = hol_lower(ws, d1);
		int			i2 = hol_lower(ws, d2);

		sum -= ws->hol_cum[i2] - ws->hol_cum[i1];
	}
	return sum;
}

/* open microseconds between local positions x <= y of one regular stretch */
static int64
local_measure(const WinSched *ws, int64 x, int64 y)
{
	int64		dx = floor_div(x, DAY);
	int64		dy = floor_div(y, DAY);
	int64		tx = x - dx * DAY;
	int64		ty = y - dy * DAY;

	if (dx == dy)
		return partial(ws, dy, ty) - partial(ws, dx, tx);
	return nominal(ws, dx, dy) - partial(ws, dx, tx) + partial(ws, dy, ty);
}

/* the local position where rem more open microseconds are reached inside
 * date day, counting from tod; LOCAL_NONE (and rem reduced) when the day ends first */
static int64
advance_in_day(const WinSched *ws, int64 day, int64 tod, int64 *rem)
{
	int			w = dow(day);

	if (is_holiday(ws, day))
		return LOCAL_NONE;
	for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
	{
		const WinPart *p = &ws->parts[i];
		int64		s;

		if (p->e <= tod)
			continue;
		s = Max(p->s, tod);
		if (*rem <= p->e - s)
			return day * DAY + s + *rem;
		*rem -= p->e - s;
	}
	return LOCAL_NONE;
}

/*
 * Advance rem open microseconds from local position x, staying before local
 * date dstop; the local result, or LOCAL_NONE with rem reduced by what was passed.
 */
static int64
local_advance(const WinSched *ws, int64 x, int64 *rem, int64 dstop)
{
	int64		d = floor_div(x, DAY);
	int64		r;

	r = advance_in_day(ws, d, x - d * DAY, rem);
	if (r != LOCAL_NONE)
		return r;
	d++;
	while (d < dstop)
	{
		int64		hd = next_holiday(ws, d);
		int64		lim = Min(hd, dstop);

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		/* whole weeks up to the next holiday, leaving rem > 0 */
		if (lim - d >= 7 && ws->week_len > 0)
		{
			int64		q = Min((lim - d) / 7, (*rem - 1) / ws->week_len);

			d += 7 * q;
			*rem -= q * ws->week_len;
		}
		/* at most 13 single days remain before lim or the answer */
		for (; d < lim; d++)
		{
			int64		len = ws->day_len[dow(d)];

			if (*rem <= len)
				return advance_in_day(ws, d, 0, rem);
			*rem -= len;
		}
		if (d == hd)
			d++;
	}
	return LOCAL_NONE;
}

/* the first open local position >= x before date dstop, or LOCAL_NONE */
static int64
local_next_open(const WinSched *ws, int64 x, int64 dstop)
{
	int64		d = floor_div(x, DAY);
	int64		tod = x - d * DAY;

	for (; d < dstop; d++, tod = 0)
	{
		int			w = dow(d);

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		if (is_holiday(ws, d))
			continue;
		for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
		{
			if (ws->parts[i].e > tod)
				return d * DAY + Max(ws->parts[i].s, tod);
		}
	}
	return LOCAL_NONE;
}

/*
 * The supremum of the open set below local position x, not before date
 * dmin: x itself when the instant just before x is open, else the end of the
 * last open part before x; LOCAL_NONE when there is none from dmin on.
 */
static int64
local_last_open_end(const WinSched *ws, int64 x, int64 dmin)
{
	int64		d = floor_div(x, DAY);
	int64		tod = x - d * DAY;

	for (; d >= dmin; d--, tod = DAY)
	{
		int			w = dow(d);

		CHECK_FOR_INTERRUPTS();
		if (d < WIN_MIN_DAY)
			return LOCAL_NONE;
		if (is_holiday(ws, d))
			continue;
		for (int i = ws->first[w + 1] - 1; i >= ws->first[w]; i--)
		{
			if (ws->parts[i].s < tod)
				return d * DAY + Min(ws->parts[i].e, tod);
		}
	}
	return LOCAL_NONE;
}

/* ---------------------------------------------------------------------
 * the exact path around transitions
 * --------------------------------------------------------------------- */

static int
ival_cmp(const void *a, const void *b)
{
	const WinIval *x = a;
	const WinIval *y = b;

	return (x->s > y->s) - (x->s < y->s);
}

/* merged open intervals of local dates [c1, c2], in ws->scratch */
static int
exact_intervals(WinSched *ws, int64 c1, int64 c2)
{
	int			need = (int) (c2 - c1 + 1) * WIN_MAX_PARTS_PER_DAY;
	int			n = 0;
	int			m;

	/* rows near the same transition reuse the last cluster */
	if (ws->ex_c1 == c1 && ws->ex_c2 == c2 && ws->scratch != NULL)
		return ws->ex_n;
	if (need > ws->scratch_len)
	{
		ws->scratch = ws->scratch
			? repalloc(ws->scratch, sizeof(WinIval) * need)
			: MemoryContextAlloc(ws->mcxt, sizeof(WinIval) * need);
		ws->scratch_len = need;
	}
	for (int64 d = c1; d <= c2; d++)
	{
		int			w = dow(d);

		if (is_holiday(ws, d))
			continue;
		for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
		{
			TimestampTz s = inst_of(ws, d, ws->parts[i].s);
			TimestampTz e = inst_of(ws, d, ws->parts[i].e);

			if (e > s)
			{
				ws->scratch[n].s = s;
				ws->scratch[n].e = e;
				n++;
			}
		}
	}
	ws->ex_c1 = c1;
	ws->ex_c2 = c2;
	ws->ex_n = 0;
	if (n == 0)
		return 0;
	qsort(ws->scratch, n, sizeof(WinIval), ival_cmp);
	m = 0;
	for (int i = 1; i < n; i++)
	{
		if (ws->scratch[i].s <= ws->scratch[m].e)
			ws->scratch[m].e = Max(ws->scratch[m].e, ws->scratch[i].e);
		else
			ws->scratch[++m] = ws->scratch[i];
	}
	ws->ex_n = m + 1;
	return m + 1;
}

/* ---------------------------------------------------------------------
 * the operations
 * --------------------------------------------------------------------- */

bool
win_open(WinSched *ws, TimestampTz t)
{
	int64		off;
	int64		x;
	int64		d;
	int64		c1,
				c2;

	if (ws->always_open)
		return true;
	off = offset_at(ws, t);
	x = t + off;
	d = floor_div(x, DAY);
	next_cluster(ws, d, &c1, &c2);
	if (d < c1)
	{
		int64		tod = x - d * DAY;
		int			w = dow(d);

		if (is_holiday(ws, d))
			return false;
		for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
		{
			if (ws->parts[i].s <= tod && tod < ws->parts[i].e)
				return true;
		}
		return false;
	}
	else
	{
		int			n = exact_intervals(ws, c1, c2);

		for (int i = 0; i < n; i++)
		{
			if (ws->scratch[i].s <= t && t < ws->scratch[i].e)
				return true;
		}
		return false;
	}
}

int64
win_elapsed(WinSched *ws, TimestampTz a, TimestampTz b)
{
	int64		total = 0;
	TimestampTz cur;
	int64		off;
	int64		d;

	if (b < a)
		return -win_elapsed(ws, b, a);
	if (ws->always_open || a == b)
		return b - a;

	cur = a;
	off = offset_at(ws, cur);
	d = floor_div(cur + off, DAY);
	for (;;)
	{
		int64		c1,
					c2;
		TimestampTz end;
		int			n;

		CHECK_FOR_INTERRUPTS();
		next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			/* regular stretch: one offset up to local date c1 */
			end = (c1 == NO_CLUSTER) ? DT_NOEND : c1 * DAY - off;
			if (b <= end)
				return total + local_measure(ws, cur + off, b + off);
			total += local_measure(ws, cur + off, c1 * DAY);
			cur = end;
		}
		n = exact_intervals(ws, c1, c2);
		for (int i = 0; i < n; i++)
		{
			TimestampTz s = Max(ws->scratch[i].s, cur);
			TimestampTz e = Min(ws->scratch[i].e, b);

			if (e > s)
				total += e - s;
		}
		end = inst_of(ws, c2 + 1, 0);
		if (b <= end)
			return total;
		cur = end;
		off = offset_at(ws, cur);
		d = c2 + 1;
	}
}

TimestampTz
win_advance(WinSched *ws, TimestampTz a, int64 usecs)
{
	int64		rem = usecs;
	TimestampTz cur;
	int64		off;
	int64		d;

	if (usecs <= 0)
		return a;
	if (ws->always_open)
	{
		if (a > WIN_MAX_TS - usecs)
			beyond_range();
		return a + usecs;
	}

	cur = a;
	off = offset_at(ws, cur);
	d = floor_div(cur + off, DAY);
	for (;;)
	{
		int64		c1,
					c2;
		int			n;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			int64		r = local_advance(ws, cur + off, &rem, c1);

			if (r != LOCAL_NONE)
				return r - off;
			cur = c1 * DAY - off;
		}
		n = exact_intervals(ws, c1, c2);
		for (int i = 0; i < n; i++)
		{
			TimestampTz s = Max(ws->scratch[i].s, cur);
			TimestampTz e = ws->scratch[i].e;

			if (e <= s)
				continue;
			if (rem <= e - s)
				return s + rem;
			rem -= e - s;
		}
		cur = Max(cur, inst_of(ws, c2 + 1, 0));
		off = offset_at(ws, cur);
		d = c2 + 1;
	}
}

TimestampTz
win_next_open(WinSched *ws, TimestampTz t)
{
	TimestampTz cur = t;
	int64		off = offset_at(ws, cur);
	int64		d = floor_div(cur + off, DAY);

	if (ws->always_open)
		return t;
	for (;;)
	{
		int64		c1,
					c2;
		int			n;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			int64		r = local_next_open(ws, cur + off, c1);

			if (r != LOCAL_NONE)
				return r - off;
			cur = c1 * DAY - off;
		}
		n = exact_intervals(ws, c1, c2);
		for (int i = 0; i < n; i++)
		{
			if (ws->scratch[i].e > cur)
				return Max(ws->scratch[i].s, cur);
		}
		cur = Max(cur, inst_of(ws, c2 + 1, 0));
		off = offset_at(ws, cur);
		d = c2 + 1;
	}
}

TimestampTz
win_next_close(WinSched *ws, TimestampTz t)
{
	TimestampTz cur = t;
	int64		off;
	int64		d;

	if (ws->full_week)
	{
		/* open everywhere but on holidays */
		int64		h;

		if (!win_open(ws, t))
			return t;
		off = offset_at(ws, t);
		d = floor_div(t + off, DAY);
		h = next_holiday(ws, d + 1);
		if (h == NO_CLUSTER)
			return DT_NOEND;
		/* the holiday may begin before t's date ends only on DST days */
		return Max(t, inst_of(ws, h, 0));
	}

	off = offset_at(ws, cur);
	d = floor_div(cur + off, DAY);
	for (;;)
	{
		int64		c1,
					c2;
		int			n;
		bool		moved;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			/* follow parts that touch across midnight within the stretch */
			int64		x = cur + off;

			for (;;)
			{
				int64		dd = floor_div(x, DAY);
				int64		tod = x - dd * DAY;
				int			w = dow(dd);
				int64		end = LOCAL_NONE;

				if (dd >= c1)
					break;
				if (!is_holiday(ws, dd))
				{
					for (int i = ws->first[w]; i < ws->first[w + 1]; i++)
					{
						if (ws->parts[i].s <= tod && tod < ws->parts[i].e)
						{
							end = ws->parts[i].e;
							break;
						}
					}
				}
				if (end == LOCAL_NONE)
					return x - off;
				x = dd * DAY + end;
				CHECK_FOR_INTERRUPTS();
			}
			cur = c1 * DAY - off;
		}
		n = exact_intervals(ws, c1, c2);
		moved = false;
		for (int i = 0; i < n && !moved; i++)
		{
			if (ws->scratch[i].s <= cur && cur < ws->scratch[i].e)
			{
				cur = ws->scratch[i].e;
				moved = true;
			}
		}
		/* closed here, unless the next stretch opens exactly where we are */
		if (!moved || cur < inst_of(ws, c2 + 1, 0))
			return cur;
		off = offset_at(ws, cur);
		d = c2 + 1;
	}
}

/*
 * The earliest instant t <= x from which no open time passes until x: x
 * when the clock was running just before x, else the end of the last open
 * interval before x.
 */
TimestampTz
win_last_close(WinSched *ws, TimestampTz x)
{
	TimestampTz cur = x;
	int64		off;
	int64		d;

	if (ws->always_open)
		return x;
	off = offset_at(ws, cur - 1);
	d = floor_div(cur - 1 + off, DAY);
	for (;;)
	{
		int64		c1,
					c2;
		int			n;
		TimestampTz best = DT_NOBEGIN;

		CHECK_FOR_INTERRUPTS();
		if (d < WIN_MIN_DAY)
			beyond_range();
		prev_cluster(ws, d, &c1, &c2);
		if (d > c2)
		{
			int64		r = local_last_open_end(ws, cur + off, c2 + 1);

			if (r != LOCAL_NONE)
				return r - off;
			if (c2 == -(int64) NO_CLUSTER)
				beyond_range();
			cur = (c2 + 1) * DAY - off;
		}
		n = exact_intervals(ws, c1, c2);
		for (int i = 0; i < n; i++)
		{
			if (ws->scratch[i].s < cur)
				best = Min(ws->scratch[i].e, cur);
		}
		if (best != DT_NOBEGIN)
			return best;
		cur = Min(cur, inst_of(ws, c1, 0));
		off = offset_at(ws, cur - 1);
		d = c1 - 1;
	}
}

/* the date k business dates after date d (k > 0) */
static int64
step_business_days(WinSched *ws, int64 d, int64 k)
{
	int64		hd = next_holiday(ws, d + 1);

	while (k > 0)
	{
		int64		span;
		int64		q;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		/* whole weeks before the next holiday, leaving k > 0 */
		span = hd - (d + 1);
		q = Min(span / 7, (k - 1) / ws->nbusiness_days);
		d += 7 * q;
		k -= q * ws->nbusiness_days;
		d++;
		if (d == hd)
		{
			hd = next_holiday(ws, d + 1);
			continue;
		}
		if (ws->first[dow(d) + 1] > ws->first[dow(d)])
			k--;
	}
	if (d > WIN_MAX_DAY)
		beyond_range();
	return d;
}

/*
 * The business-day step of a deadline: from the first open instant at or
 * after a, the same local time of day on the days-th business date after,
 * then back over closed time to where the clock last stopped.
 */
TimestampTz
win_add_days(WinSched *ws, TimestampTz a, int32 days)
{
	TimestampTz s;
	int64		off;
	int64		local;
	int64		d;
	int64		tod;

	if (days <= 0)
		return a;
	s = win_next_open(ws, a);
	off = offset_at(ws, s);
	local = s + off;
	d = floor_div(local, DAY);
	tod = local - d * DAY;
	d = step_business_days(ws, d, days);
	return win_last_close(ws, inst_of(ws, d, tod));
}

/*
 * A deadline of days business days and usecs business microseconds.  When
 * everything happens inside one regular stretch, it is computed on the local
 * clock with a single offset lookup; otherwise in instant space.
 */
TimestampTz
win_deadline_parts(WinSched *ws, TimestampTz a, int32 days, int64 usecs)
{
	int64		off;
	int64		x;
	int64		d;
	int64		c1,
				c2;

	if (ws->always_open)
	{
		TimestampTz t = a + (int64) days * DAY;

		if (t > WIN_MAX_TS || t > WIN_MAX_TS - usecs)
			beyond_range();
		return t + usecs;
	}
	off = offset_at(ws, a);
	x = a + off;
	d = floor_div(x, DAY);
	next_cluster(ws, d, &c1, &c2);
	if (d < c1)
	{
		int64		t1 = x;
		bool		ok = true;

		if (days > 0)
		{
			int64		sl = local_next_open(ws, x, c1);

			ok = false;
			if (sl != LOCAL_NONE)
			{
				int64		d0 = floor_div(sl, DAY);
				int64		tod = sl - d0 * DAY;
				int64		dn = step_business_days(ws, d0, days);

				if (dn + 1 < c1)
				{
					t1 = local_last_open_end(ws, dn * DAY + tod, d0);
					ok = (t1 != LOCAL_NONE);
				}
			}
		}
		if (ok)
		{
			int64		rem = usecs;
			int64		r;

			if (usecs <= 0)
				return t1 - off;
			r = local_advance(ws, t1, &rem, c1);
			if (r != LOCAL_NONE)
				return r - off;
		}
	}
	return win_advance(ws, win_add_days(ws, a, days), usecs);
}
