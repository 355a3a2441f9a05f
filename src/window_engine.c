/*
 * window_engine.c
 *		Business-time arithmetic over an sla_window.
 *
 * The open set of a window is the union, over local dates D and the
 * day-parts [s, e) of D (its special hours when it has some, none when it is
 * a holiday, else its weekday's), of the instants [utc(D + s), utc(D + e)),
 * each local time converted the way PostgreSQL converts a timestamp in the
 * window's zone.
 *
 * Cost must not grow with the length of a span.  The timeline is cut into
 *	- regular stretches: runs of local dates with one UTC offset for all of
 *	  their boundaries.  There the open set is the weekly pattern shifted by
 *	  that offset, so measures are sums of weekday lengths (weeks at a time)
 *	  corrected by the exceptions (holidays and dates with special hours:
 *	  prefix sums over their sorted list);
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
/* not computed yet, in the per-stretch memo */
#define UNKNOWN PG_INT64_MIN

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
 * The merged cluster of irregular dates containing or following date d:
 * [*c1, *c2] with *c2 >= d; NO_CLUSTER when none.  Returns its index.
 */
static inline int
next_cluster(WinSched *ws, int64 d, int64 *c1, int64 *c2)
{
	const MsZone *z = ws->zone;
	int			k = ms_zone_first_mcluster(z, d);

	if (k >= z->nmc)
	{
		*c1 = *c2 = NO_CLUSTER;
		return z->nmc;
	}
	*c1 = z->mc_lo[k];
	*c2 = z->mc_hi[k];
	return k;
}

/*
 * The merged cluster containing or preceding date d; *c2 = -NO_CLUSTER (and
 * -1 returned) when none.  Returns its index.
 */
static int
prev_cluster(WinSched *ws, int64 d, int64 *c1, int64 *c2)
{
	const MsZone *z = ws->zone;
	int			k = ms_zone_first_mcluster(z, d);

	if (k >= z->nmc || z->mc_lo[k] > d)
		k--;
	if (k < 0)
	{
		*c1 = *c2 = -(int64) NO_CLUSTER;
		return -1;
	}
	*c1 = z->mc_lo[k];
	*c2 = z->mc_hi[k];
	return k;
}

/* ---------------------------------------------------------------------
 * exceptions (holidays, special hours) and the weekly pattern, in local time
 * --------------------------------------------------------------------- */

/* index of the first exception >= day: a bucket, then a step or two */
static inline int
exc_lower(const WinSched *ws, int64 day)
{
	int			i;

	if (ws->nexc == 0 || day <= ws->exc_day[0])
		return 0;
	if (day > ws->exc_day[ws->nexc - 1])
		return ws->nexc;
	i = ws->exc_bucket[(day - ws->exc_day[0]) >> 5];
	while (ws->exc_day[i] < day)
		i++;
	return i;
}

/* the index of day among the exceptions, or -1 */
static inline int
exc_index(const WinSched *ws, int64 day)
{
	int			i;

	if (ws->nexc == 0)
		return -1;
	i = exc_lower(ws, day);
	return (i < ws->nexc && ws->exc_day[i] == day) ? i : -1;
}

/* the day-parts of local date day: *p gets the first, returns how many */
static inline int
day_parts(const WinSched *ws, int64 day, const WinPart **p)
{
	int			i = exc_index(ws, day);
	int			w;

	if (i >= 0)
	{
		*p = ws->exc_parts + ws->exc_first[i];
		return ws->exc_first[i + 1] - ws->exc_first[i];
	}
	w = dow(day);
	*p = ws->parts + ws->first[w];
	return ws->first[w + 1] - ws->first[w];
}

/* open microseconds of exception i on the local clock */
static inline int64
exc_len(const WinSched *ws, int i)
{
	int64		len = 0;

	for (int j = ws->exc_first[i]; j < ws->exc_first[i + 1]; j++)
		len += ws->exc_parts[j].e - ws->exc_parts[j].s;
	return len;
}

/* the first exception >= day, or NO_CLUSTER */
static inline int64
next_exception(const WinSched *ws, int64 day, int *idx)
{
	int			i;

	if (ws->nexc == 0)
		return NO_CLUSTER;
	i = exc_lower(ws, day);
	*idx = i;
	return i < ws->nexc ? ws->exc_day[i] : NO_CLUSTER;
}

static inline bool
is_business_date(const WinSched *ws, int64 day)
{
	const WinPart *p;

	return day_parts(ws, day, &p) > 0;
}

/* a Monday well before every supported date: local_prefix counts from it */
#define WEEK_ORIGIN (-36601)

/*
 * Open microseconds on the local clock from WEEK_ORIGIN to local position x,
 * as if there were no DST: whole weeks, the weekdays before x's, corrected
 * by the exceptions before x's date, plus x's own date up to x.  One
 * exception lookup.
 */
static int64
local_prefix(const WinSched *ws, int64 x)
{
	int64		d = floor_div(x, DAY);
	int64		tod = x - d * DAY;
	int64		n = d - WEEK_ORIGIN;
	int64		q = floor_div(n, 7);
	int			w = (int) (n - 7 * q);
	int64		f = q * ws->week_len + ws->cum_week[w];
	const WinPart *p = ws->parts + ws->first[w];
	int			np = ws->first[w + 1] - ws->first[w];

	if (ws->nexc > 0)
	{
		int			i = exc_lower(ws, d);

		f -= ws->exc_cum[i];
		if (i < ws->nexc && ws->exc_day[i] == d)
		{
			p = ws->exc_parts + ws->exc_first[i];
			np = ws->exc_first[i + 1] - ws->exc_first[i];
		}
	}
	for (int i = 0; i < np; i++, p++)
	{
		if (p->s >= tod)
			break;
		f += Min(p->e, tod) - p->s;
	}
	return f;
}

/* open microseconds of the whole dates [d1, d2) */
static inline int64
nominal(const WinSched *ws, int64 d1, int64 d2)
{
	if (d2 <= d1)
		return 0;
	return local_prefix(ws, d2 * DAY) - local_prefix(ws, d1 * DAY);
}

/* open microseconds between local positions x <= y of one regular stretch */
static inline int64
local_measure(const WinSched *ws, int64 x, int64 y)
{
	return local_prefix(ws, y) - local_prefix(ws, x);
}

/* the position inside parts p[0 .. n-1] of date d where rem (> 0) is reached */
static inline int64
position_in_parts(const WinPart *p, int n, int64 d, int64 rem)
{
	/* a long target in short hours lands centuries away: d * DAY would overflow */
	if (d > WIN_MAX_DAY)
		beyond_range();
	for (int i = 0; i < n; i++)
	{
		int64		len = p[i].e - p[i].s;

		if (rem <= len)
			return d * DAY + p[i].s + rem;
		rem -= len;
	}
	elog(ERROR, "business-time position not found in its day");
	return LOCAL_NONE;			/* keep the compiler quiet */
}

/*
 * The smallest local position x with local_prefix(x) >= f (f above the
 * origin's).  Between two exceptions local_prefix is the weekly pattern
 * corrected by the exceptions before, so after a binary search for the first
 * exception whose date starts at or above f, the answer lies either in the
 * exception before it (its own hours) or in the regular dates between the
 * two, and there it is arithmetic: whole weeks, the weekday from the weekly
 * table, then the parts of that day.
 */
static int64
local_prefix_inverse(WinSched *ws, int64 f)
{
	int64		p = f;
	int64		q;
	int64		rem;
	int64		d;
	int			w;

	if (ws->nexc > 0)
	{
		int			lo = 0;
		int			hi = ws->nexc;

		if (ws->exc_prefix == NULL)
		{
			ws->exc_prefix = MemoryContextAlloc(ws->mcxt, sizeof(int64) * ws->nexc);
			for (int i = 0; i < ws->nexc; i++)
			{
				CHECK_FOR_INTERRUPTS();
				ws->exc_prefix[i] = local_prefix(ws, (int64) ws->exc_day[i] * DAY);
			}
		}
		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (ws->exc_prefix[mid] < f)
				lo = mid + 1;
			else
				hi = mid;
		}
		/* reached inside the date of the exception before? */
		if (lo > 0 && ws->exc_prefix[lo - 1] + exc_len(ws, lo - 1) >= f)
			return position_in_parts(ws->exc_parts + ws->exc_first[lo - 1],
									 ws->exc_first[lo] - ws->exc_first[lo - 1],
									 ws->exc_day[lo - 1], f - ws->exc_prefix[lo - 1]);
		/* no exception lies between the answer and the lo-th exception */
		p = f + ws->exc_cum[lo];
	}
	q = (p - 1) / ws->week_len;
	rem = p - q * ws->week_len;
	for (w = 0; w < 6 && ws->cum_week[w + 1] < rem; w++)
		;
	rem -= ws->cum_week[w];
	d = WEEK_ORIGIN + 7 * q + w;
	return position_in_parts(ws->parts + ws->first[w], ws->first[w + 1] - ws->first[w], d, rem);
}

/* the local position where rem more open microseconds are reached inside
 * date day, counting from tod; LOCAL_NONE (and rem reduced) when the day ends first */
static int64
advance_in_day(const WinSched *ws, int64 day, int64 tod, int64 *rem)
{
	const WinPart *parts;
	int			n = day_parts(ws, day, &parts);

	for (int i = 0; i < n; i++)
	{
		const WinPart *p = &parts[i];
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
 * Open microseconds the exceptions among the dates [d1, d2) take away from
 * the weekly pattern (negative when they add more than they take)
 */
static inline int64
exc_delta(const WinSched *ws, int64 d1, int64 d2)
{
	if (ws->nexc == 0 || d2 <= d1)
		return 0;
	return ws->exc_cum[exc_lower(ws, d2)] - ws->exc_cum[exc_lower(ws, d1)];
}

/* are there exceptions among the dates [d1, d2)? */
static inline bool
any_exception(const WinSched *ws, int64 d1, int64 d2)
{
	if (ws->nexc == 0 || d2 <= d1)
		return false;
	return exc_lower(ws, d2) > exc_lower(ws, d1);
}

/*
 * Advance rem open microseconds from local position x, staying before local
 * date dstop; the local result, or LOCAL_NONE with rem reduced by what was
 * passed.  Whole weeks are skipped with the exceptions inside them counted
 * in one lookup, so the cost does not grow with the span or with the number
 * of holidays crossed.
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
		int64		q;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		/* whole weeks, leaving rem > 0 (fewer when special hours add time) */
		q = Min((*rem - 1) / ws->week_len, (dstop - d) / 7);
		while (q > 0 && *rem - (q * ws->week_len - exc_delta(ws, d, d + 7 * q)) <= 0)
			q /= 2;
		if (q > 0)
		{
			*rem -= q * ws->week_len - exc_delta(ws, d, d + 7 * q);
			d += 7 * q;
			continue;
		}
		/*
		 * Less than a week of open time left: the weekly table says on which
		 * of the next days it runs out; that holds unless an exception is in
		 * the way, and then the days are walked.
		 */
		{
			int			w = dow(d);
			int			j = 0;

			while (j < 13 && ws->cum_week[w + j + 1] - ws->cum_week[w] < *rem)
				j++;
			if (j < 13 && d + j < dstop && !any_exception(ws, d, d + j + 1))
			{
				*rem -= ws->cum_week[w + j] - ws->cum_week[w];
				return advance_in_day(ws, d + j, 0, rem);
			}
		}
		for (int i = 0; i < 8 && d < dstop; i++, d++)
		{
			int			ei = exc_index(ws, d);
			int64		len = ei >= 0 ? exc_len(ws, ei) : ws->day_len[dow(d)];

			if (*rem <= len)
				return advance_in_day(ws, d, 0, rem);
			*rem -= len;
		}
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
		const WinPart *p;
		int			n;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		n = day_parts(ws, d, &p);
		for (int i = 0; i < n; i++)
		{
			if (p[i].e > tod)
				return d * DAY + Max(p[i].s, tod);
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
		const WinPart *p;
		int			n;

		CHECK_FOR_INTERRUPTS();
		if (d < WIN_MIN_DAY)
			return LOCAL_NONE;
		n = day_parts(ws, d, &p);
		for (int i = n - 1; i >= 0; i--)
		{
			if (p[i].s < tod)
				return d * DAY + Min(p[i].e, tod);
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

/* the per-cluster memory of a window, allocated when first needed */
static void
alloc_cluster_memo(WinSched *ws)
{
	const MsZone *z = ws->zone;

	if (ws->civ != NULL)
		return;
	ws->civ = MemoryContextAllocZero(ws->mcxt, sizeof(WinIval *) * Max(z->nmc, 1));
	ws->cn = MemoryContextAllocZero(ws->mcxt, sizeof(int) * Max(z->nmc, 1));
	ws->pre = MemoryContextAllocZero(ws->mcxt, sizeof(int64) * (z->nmc + 1));
	ws->stretch_len = MemoryContextAlloc(ws->mcxt, sizeof(int64) * (z->nmc + 1));
	ws->stretch_off = MemoryContextAlloc(ws->mcxt, sizeof(int64) * (z->nmc + 1));
	ws->stretch_f0 = MemoryContextAlloc(ws->mcxt, sizeof(int64) * (z->nmc + 1));
	for (int k = 0; k <= z->nmc; k++)
		ws->stretch_len[k] = ws->stretch_off[k] = ws->stretch_f0[k] = UNKNOWN;
}

/* the merged open intervals of merged cluster k (< nmc), built once per window */
static int
cluster_intervals(WinSched *ws, int k)
{
	const MsZone *z = ws->zone;
	int64		c1 = z->mc_lo[k];
	int64		c2 = z->mc_hi[k];
	int			n = 0;
	int			m;
	WinIval    *iv;

	Assert(k >= 0 && k < z->nmc);
	alloc_cluster_memo(ws);
	if (ws->civ[k] != NULL)
	{
		ws->scratch = ws->civ[k];
		return ws->cn[k];
	}
	iv = MemoryContextAlloc(ws->mcxt, sizeof(WinIval) * (c2 - c1 + 1) * WIN_MAX_PARTS_PER_DAY + 1);
	for (int64 d = c1; d <= c2; d++)
	{
		const WinPart *p;
		int			np = day_parts(ws, d, &p);

		for (int i = 0; i < np; i++)
		{
			TimestampTz s = inst_of(ws, d, p[i].s);
			TimestampTz e = inst_of(ws, d, p[i].e);

			if (e > s)
			{
				iv[n].s = s;
				iv[n].e = e;
				n++;
			}
		}
	}
	m = 0;
	if (n > 0)
	{
		qsort(iv, n, sizeof(WinIval), ival_cmp);
		for (int i = 1; i < n; i++)
		{
			if (iv[i].s <= iv[m].e)
				iv[m].e = Max(iv[m].e, iv[i].e);
			else
				iv[++m] = iv[i];
		}
		m++;
	}
	ws->civ[k] = iv;
	ws->cn[k] = m;
	ws->scratch = iv;
	return m;
}

/* first local date of regular stretch k (the dates before cluster k) */
static inline int64
stretch_start(const WinSched *ws, int k)
{
	return (k == 0) ? MS_ZONE_FIRST_DAY : (int64) ws->zone->mc_hi[k - 1] + 1;
}

/* open time of regular stretch k < nmc */
static inline int64
stretch_len(WinSched *ws, int k)
{
	if (unlikely(ws->civ == NULL))
		alloc_cluster_memo(ws);
	if (unlikely(ws->stretch_len[k] == UNKNOWN))
		ws->stretch_len[k] = nominal(ws, stretch_start(ws, k), ws->zone->mc_lo[k]);
	return ws->stretch_len[k];
}

/* local_prefix at the first date of stretch k */
static inline int64
stretch_prefix(WinSched *ws, int k)
{
	if (unlikely(ws->civ == NULL))
		alloc_cluster_memo(ws);
	if (unlikely(ws->stretch_f0[k] == UNKNOWN))
		ws->stretch_f0[k] = local_prefix(ws, stretch_start(ws, k) * DAY);
	return ws->stretch_f0[k];
}

/* UTC offset (microseconds) of regular stretch k */
static inline int64
stretch_offset(WinSched *ws, int k)
{
	if (unlikely(ws->civ == NULL))
		alloc_cluster_memo(ws);
	if (unlikely(ws->stretch_off[k] == UNKNOWN))
		ws->stretch_off[k] = offset_at(ws, inst_of(ws, stretch_start(ws, k) + 1, 0));
	return ws->stretch_off[k];
}

static int64
cluster_len(WinSched *ws, int k)
{
	int			n = cluster_intervals(ws, k);
	int64		sum = 0;

	for (int i = 0; i < n; i++)
		sum += ws->scratch[i].e - ws->scratch[i].s;
	return sum;
}

/* make ws->pre[k] valid: open time before stretch k, from a fixed origin */
static void
ensure_pre_slow(WinSched *ws, int k)
{
	alloc_cluster_memo(ws);
	if (ws->pre_hi < ws->pre_lo)
	{
		ws->pre_lo = ws->pre_hi = k;
		ws->pre[k] = 0;
		return;
	}
	while (k > ws->pre_hi)
	{
		int			j = ws->pre_hi;

		CHECK_FOR_INTERRUPTS();
		ws->pre[j + 1] = ws->pre[j] + stretch_len(ws, j) + cluster_len(ws, j);
		ws->pre_hi++;
	}
	while (k < ws->pre_lo)
	{
		int			j = ws->pre_lo - 1;

		CHECK_FOR_INTERRUPTS();
		ws->pre[j] = ws->pre[j + 1] - stretch_len(ws, j) - cluster_len(ws, j);
		ws->pre_lo--;
	}
}

static inline void
ensure_pre(WinSched *ws, int k)
{
	if (likely(ws->civ != NULL && k >= ws->pre_lo && k <= ws->pre_hi))
		return;
	ensure_pre_slow(ws, k);
}

/*
 * G(t): open time from the origin up to instant t, whose local position x
 * has date d in stretch or cluster k.  In a regular stretch it is the
 * stretch's prefix plus local measure from the stretch's first date; in a
 * cluster, the prefix, the stretch before it and the cluster's intervals up
 * to t.
 */
static int64
open_before_at(WinSched *ws, TimestampTz t, int64 x, int64 d, int k)
{
	const MsZone *z = ws->zone;
	int64		g;
	int			n;

	ensure_pre(ws, k);
	if (k == z->nmc || d < z->mc_lo[k])
		return ws->pre[k] + local_prefix(ws, x) - stretch_prefix(ws, k);
	g = ws->pre[k] + stretch_len(ws, k);
	n = cluster_intervals(ws, k);
	for (int i = 0; i < n && ws->scratch[i].s < t; i++)
		g += Min(ws->scratch[i].e, t) - ws->scratch[i].s;
	return g;
}

static int64
open_before(WinSched *ws, TimestampTz t)
{
	int64		x = t + offset_at(ws, t);
	int64		d = floor_div(x, DAY);

	return open_before_at(ws, t, x, d, ms_zone_first_mcluster(ws->zone, d));
}

/* ---------------------------------------------------------------------
 * the operations
 * --------------------------------------------------------------------- */

bool
win_open(WinSched *ws, TimestampTz t)
{
	int			kc;
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
	kc = next_cluster(ws, d, &c1, &c2);
	if (d < c1)
	{
		int64		tod = x - d * DAY;
		const WinPart *p;
		int			n = day_parts(ws, d, &p);

		for (int i = 0; i < n; i++)
		{
			if (p[i].s <= tod && tod < p[i].e)
				return true;
		}
		return false;
	}
	else
	{
		int			n = cluster_intervals(ws, kc);

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
	int64		off;
	int64		d;
	int64		c1,
				c2;
	int			k;

	if (b < a)
		return -win_elapsed(ws, b, a);
	if (ws->always_open || a == b)
		return b - a;

	/* both ends in one regular stretch: local time, one offset */
	off = offset_at(ws, a);
	d = floor_div(a + off, DAY);
	k = next_cluster(ws, d, &c1, &c2);
	if (d < c1 && (c1 == NO_CLUSTER || b <= c1 * DAY - off))
		return local_measure(ws, a + off, b + off);
	/* across transitions: two prefix lookups, whatever the span */
	return open_before(ws, b) - open_before_at(ws, a, a + off, d, k);
}

/*
 * win_advance for an a whose offset off, local date d, and following (or
 * containing) cluster k starting at date c1 are known.
 */
static TimestampTz
advance_at(WinSched *ws, TimestampTz a, int64 usecs, int64 off, int64 d, int k, int64 c1)
{
	const MsZone *z = ws->zone;
	int64		target;
	bool		in_cluster = (d >= c1);

	if (!in_cluster && usecs <= ws->week_len)
	{
		/* up to a week of open time: walk from a */
		int64		rem = usecs;
		int64		r = local_advance(ws, a + off, &rem, c1);

		if (r != LOCAL_NONE)
			return r - off;
	}

	/* otherwise find the segment where the open time from the origin reaches the target */
	target = open_before_at(ws, a, a + off, d, k) + usecs;
	for (;;)
	{
		int64		rem;

		CHECK_FOR_INTERRUPTS();
		ensure_pre(ws, k);
		if (k == z->nmc || (!in_cluster && target <= ws->pre[k] + stretch_len(ws, k)))
		{
			/* in regular stretch k (the last one has no end) */
			int64		r = local_prefix_inverse(ws, target - ws->pre[k] + stretch_prefix(ws, k));

			if (floor_div(r, DAY) > WIN_MAX_DAY)
				beyond_range();
			return r - stretch_offset(ws, k);
		}
		ensure_pre(ws, k + 1);
		if (target <= ws->pre[k + 1])
		{
			int			n = cluster_intervals(ws, k);

			rem = target - ws->pre[k] - stretch_len(ws, k);
			for (int i = 0; i < n; i++)
			{
				int64		len = ws->scratch[i].e - ws->scratch[i].s;

				if (rem <= len)
					return ws->scratch[i].s + rem;
				rem -= len;
			}
			elog(ERROR, "business-time deadline not found in its cluster");
		}
		if (z->mc_hi[k] > WIN_MAX_DAY)
			beyond_range();
		k++;
		in_cluster = false;
	}
}

TimestampTz
win_advance(WinSched *ws, TimestampTz a, int64 usecs)
{
	int64		off;
	int64		d;
	int64		c1,
				c2;
	int			k;

	if (usecs <= 0)
		return a;
	/* open time never outruns the clock: a + usecs is a lower bound */
	if (usecs > WIN_MAX_TS - a)
		beyond_range();
	if (ws->always_open)
		return a + usecs;
	off = offset_at(ws, a);
	d = floor_div(a + off, DAY);
	k = next_cluster(ws, d, &c1, &c2);
	return advance_at(ws, a, usecs, off, d, k, c1);
}

TimestampTz
win_next_open(WinSched *ws, TimestampTz t)
{
	int			kc;
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
		kc = next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			int64		r = local_next_open(ws, cur + off, c1);

			if (r != LOCAL_NONE)
				return r - off;
			cur = c1 * DAY - off;
		}
		n = cluster_intervals(ws, kc);
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
	int			kc;
	TimestampTz cur = t;
	int64		off;
	int64		d;

	if (ws->full_week)
	{
		/*
		 * Open everywhere but on exceptions: jump to the first exception
		 * from t's date on that is not open all day, and look from there.
		 */
		int64		h;
		int			i = 0;

		if (!win_open(ws, t))
			return t;
		off = offset_at(ws, t);
		d = floor_div(t + off, DAY);
		for (h = next_exception(ws, d, &i); h != NO_CLUSTER; h = ws->exc_day[i])
		{
			CHECK_FOR_INTERRUPTS();
			if (!(ws->exc_first[i + 1] - ws->exc_first[i] == 1 &&
				  ws->exc_parts[ws->exc_first[i]].s == 0 &&
				  ws->exc_parts[ws->exc_first[i]].e == DAY))
				break;
			if (++i >= ws->nexc)
			{
				h = NO_CLUSTER;
				break;
			}
		}
		if (h == NO_CLUSTER)
			return DT_NOEND;
		/* the exception may begin before t's date ends only on DST days */
		if (h > d)
			cur = Max(t, inst_of(ws, h, 0));
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
		kc = next_cluster(ws, d, &c1, &c2);
		if (d < c1)
		{
			/* follow parts that touch across midnight within the stretch */
			int64		x = cur + off;

			for (;;)
			{
				int64		dd = floor_div(x, DAY);
				int64		tod = x - dd * DAY;
				int64		end = LOCAL_NONE;
				const WinPart *p;
				int			np;

				if (dd >= c1)
					break;
				np = day_parts(ws, dd, &p);
				for (int i = 0; i < np; i++)
				{
					if (p[i].s <= tod && tod < p[i].e)
					{
						end = p[i].e;
						break;
					}
				}
				if (end == LOCAL_NONE)
					return x - off;
				x = dd * DAY + end;
				CHECK_FOR_INTERRUPTS();
			}
			cur = c1 * DAY - off;
		}
		n = cluster_intervals(ws, kc);
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
	int			kc;
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
		kc = prev_cluster(ws, d, &c1, &c2);
		if (d > c2)
		{
			int64		r = local_last_open_end(ws, cur + off, c2 + 1);

			if (r != LOCAL_NONE)
				return r - off;
			if (c2 == -(int64) NO_CLUSTER)
				beyond_range();
			cur = (c2 + 1) * DAY - off;
		}
		n = cluster_intervals(ws, kc);
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

/*
 * Business dates of the weekly pattern that the exceptions in [d1, d2) take
 * away (negative when special hours open more dates than holidays close)
 */
static inline int64
business_delta(const WinSched *ws, int64 d1, int64 d2)
{
	if (ws->nexc == 0 || d2 <= d1)
		return 0;
	return ws->exc_bcum[exc_lower(ws, d2)] - ws->exc_bcum[exc_lower(ws, d1)];
}

/* the date k business dates after date d (k > 0) */
static int64
step_business_days(WinSched *ws, int64 d, int64 k)
{
	while (k > 0)
	{
		int64		q;

		CHECK_FOR_INTERRUPTS();
		if (d > WIN_MAX_DAY)
			beyond_range();
		/* whole weeks, leaving k > 0 (fewer when special hours add dates) */
		q = (k - 1) / ws->nbusiness_days;
		while (q > 0 && k - (q * ws->nbusiness_days - business_delta(ws, d + 1, d + 1 + 7 * q)) <= 0)
			q /= 2;
		if (q > 0)
		{
			k -= q * ws->nbusiness_days - business_delta(ws, d + 1, d + 1 + 7 * q);
			d += 7 * q;
			continue;
		}
		d++;
		if (is_business_date(ws, d))
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
	int			k;
	int64		off;
	int64		x;
	int64		d;
	int64		c1,
				c2;

	/*
	 * Each business day takes at least a date and open time never outruns
	 * the clock: beyond these bounds the deadline is past the supported
	 * range, and checking first keeps the arithmetic below from overflowing.
	 */
	if (days > WIN_MAX_DAY - WIN_MIN_DAY || usecs > WIN_MAX_TS - a)
		beyond_range();
	if (days == WIN_NEXT_BUSINESS_DAY)
	{
		TimestampTz t = win_next_business_day(ws, a);

		return TIMESTAMP_NOT_FINITE(t) ? t : win_advance(ws, t, usecs);
	}
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
	k = next_cluster(ws, d, &c1, &c2);
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
			/* long targets jump through the prefix instead of walking */
			if (usecs > ws->week_len)
				return advance_at(ws, t1 - off, usecs, off, floor_div(t1, DAY), k, c1);
			r = local_advance(ws, t1, &rem, c1);
			if (r != LOCAL_NONE)
				return r - off;
		}
	}
	return win_advance(ws, win_add_days(ws, a, days), usecs);
}

/* ---------------------------------------------------------------------
 * close of business and "next business day"
 * --------------------------------------------------------------------- */

/*
 * The close of business of business date d: where the clock stops after
 * the start of d's last range (so a lunch break is not a close, and an
 * overnight range closes the next morning); infinity when it never stops.
 */
static TimestampTz
close_of_date(WinSched *ws, int64 d)
{
	const WinPart *p;
	int			n = day_parts(ws, d, &p);

	Assert(n > 0);
	return win_next_close(ws, inst_of(ws, d, p[n - 1].s));
}

/*
 * The business day of instant t: the first business date (from the day
 * before t's local date on) whose close of business is after t, where dates
 * that close together count as the later one.  So t before the opening, in
 * a lunch break or during the day belongs to its own date, t after the
 * close or on a closed date to the next business date, and t in the
 * after-midnight part of an overnight range to the date the range started
 * on.  *cob gets that date's close of business.
 */
static int64
business_day_of(WinSched *ws, TimestampTz t, TimestampTz *cob)
{
	int64		d = floor_div(t + offset_at(ws, t), DAY);
	bool		b0 = is_business_date(ws, d);
	TimestampTz c0 = b0 ? close_of_date(ws, d) : 0;

	if (is_business_date(ws, d - 1))
	{
		TimestampTz c = close_of_date(ws, d - 1);

		if (c > t && !(b0 && c0 == c))
		{
			*cob = c;
			return d - 1;
		}
	}
	if (b0 && c0 > t)
	{
		*cob = c0;
		return d;
	}
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		d = step_business_days(ws, d, 1);
		*cob = close_of_date(ws, d);
		if (*cob > t)
			return d;
	}
}

/* the end of the business day of t (see business_day_of) */
TimestampTz
win_close_of_business(WinSched *ws, TimestampTz t)
{
	TimestampTz cob;

	if (ws->always_open)
		return DT_NOEND;
	(void) business_day_of(ws, t, &cob);
	return cob;
}

/* the close of business of the business date after t's business day */
TimestampTz
win_next_business_day(WinSched *ws, TimestampTz t)
{
	TimestampTz cob;
	int64		d;

	if (ws->always_open)
		return DT_NOEND;
	d = business_day_of(ws, t, &cob);
	return close_of_date(ws, step_business_days(ws, d, 1));
}

/* ---------------------------------------------------------------------
 * the calendar as rules, for explanations (explain.c)
 * --------------------------------------------------------------------- */

/* the local date of instant t, days since 2000-01-01 */
int64
win_local_date(WinSched *ws, TimestampTz t)
{
	return floor_div(t + offset_at(ws, t), DAY);
}

/* the instant local date day begins, converted as PostgreSQL converts it */
TimestampTz
win_date_start(WinSched *ws, int64 day)
{
	return inst_of(ws, day, 0);
}

/* the UTC offset in effect at instant t, seconds east */
int32
win_offset_secs(WinSched *ws, TimestampTz t)
{
	return ms_zone_offset(ws->zone, floor_div(t, USECS_PER_SEC));
}

/*
 * The hours of local date day and the rule that gives them: a holiday (no
 * parts), special hours, or its weekday's hours.  Returns how many parts;
 * *p gets the first.
 */
int
win_date_hours(const WinSched *ws, int64 day, const WinPart **p, WinDateRule *rule)
{
	int			i = exc_index(ws, day);

	if (i >= 0)
		*rule = ws->exc_first[i + 1] > ws->exc_first[i] ? WIN_DATE_SPECIAL : WIN_DATE_HOLIDAY;
	else
		*rule = WIN_DATE_WEEKDAY;
	return day_parts(ws, day, p);
}

/* Monday = 0 */
int
win_weekday(int64 day)
{
	return dow(day);
}
