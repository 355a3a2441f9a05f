/*
 * tzcache.c
 *		A time zone's UTC offsets as a sorted table of transitions.
 *
 * Business-time arithmetic converts instants to local wall time and back
 * millions of times per query.  Asking PostgreSQL's time-zone library for
 * each conversion is correct but slow (pg_localtime does calendar
 * arithmetic), so the transitions of each zone over the supported years are
 * read once per backend from PostgreSQL's own time-zone database with
 * pg_next_dst_boundary, and kept in TopMemoryContext.  Offsets then come
 * from a binary search, and local-to-UTC conversion follows
 * DetermineTimeZoneOffset's rules exactly, on the same data.
 */
#include "window.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(sla_timezone_names);

/* seconds between the Unix epoch and PostgreSQL's 2000-01-01 */
#define PG_EPOCH_OFFSET ((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)

/* table margin beyond the supported range, so lookups near the edges work */
#define TABLE_MARGIN_SECS ((int64) 40 * SECS_PER_DAY)

/*
 * Zones kept per backend beyond those in use.  A zone's tables take about
 * 60 kB (most of it the day buckets); a report touches a few zones, and one
 * touching hundreds rebuilds the least recently used ones (about a
 * millisecond each) instead of growing without bound.
 */
#define MS_ZONE_CACHE_MAX 64

typedef struct ZoneEntry
{
	pg_tz	   *tz;				/* hash key: PostgreSQL keeps one pg_tz per zone */
	MsZone	   *zone;
} ZoneEntry;

static HTAB *zone_hash = NULL;
static dlist_head zone_lru = DLIST_STATIC_INIT(zone_lru);
static int	nzones = 0;

/* the names of pg_timezone_names, sorted case-insensitively; read once */
static char **zone_names = NULL;
static int	nzone_names = 0;

static int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int
name_cmp(const void *a, const void *b)
{
	return pg_strcasecmp(*(char *const *) a, *(char *const *) b);
}

/*
 * pg_tzset() also accepts POSIX TZ specifications ("AAA24BBB-24",
 * "EST5EDT,M3.2.0,M11.1.0"), whose rules are not the tz database's and whose
 * jumps can exceed a day, and caches each one for the life of the backend.
 * Only names that pg_timezone_names lists are zones here, as the manual
 * promises: they are read once per backend the way it reads them
 * (pg_tzenumerate, about 30 ms), and looked up by binary search before
 * pg_tzset is ever called.  "localtime" (the host's setting, whatever it is)
 * and "posixrules" (tzcode's template for POSIX rules) are files of the
 * database but not IANA zones.
 */
static void
load_zone_names(void)
{
	pg_tzenum  *e = pg_tzenumerate_start();
	pg_tz	   *tz;
	int			cap = 1024;
	int			n = 0;
	char	  **v = palloc(sizeof(char *) * cap);
	Size		chars = 0;
	char	  **names;
	char	   *p;

	while ((tz = pg_tzenumerate_next(e)) != NULL)
	{
		const char *name = pg_get_timezone_name(tz);
		const char *base = strrchr(name, '/');

		CHECK_FOR_INTERRUPTS();
		base = base ? base + 1 : name;
		if (strcmp(base, "localtime") == 0 || strcmp(base, "posixrules") == 0)
			continue;
		if (n == cap)
		{
			cap *= 2;
			v = repalloc(v, sizeof(char *) * cap);
		}
		v[n++] = pstrdup(name);
		chars += strlen(name) + 1;
	}
	pg_tzenumerate_end(e);
	qsort(v, n, sizeof(char *), name_cmp);

	/* one block in TopMemoryContext, filled only once complete */
	names = MemoryContextAlloc(TopMemoryContext, sizeof(char *) * Max(n, 1) + chars);
	p = (char *) (names + Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		names[i] = p;
		strcpy(p, v[i]);
		p += strlen(v[i]) + 1;
	}
	nzone_names = n;
	zone_names = names;
}

pg_tz *
ms_zone_lookup(const char *name)
{
	const char *canon;
	pg_tz	   *tz;

	if (strlen(name) > TZ_STRLEN_MAX)
		return NULL;
	/* the default zone needs no list */
	if (pg_strcasecmp(name, "UTC") == 0)
		canon = "UTC";
	else
	{
		char	  **hit;

		if (zone_names == NULL)
			load_zone_names();
		hit = bsearch(&name, zone_names, nzone_names, sizeof(char *), name_cmp);
		if (hit == NULL)
			return NULL;
		canon = *hit;
	}
	tz = pg_tzset(canon);
	if (tz == NULL || !pg_tz_acceptable(tz))
		return NULL;
	return tz;
}

/*
 * The zone of a stored sla_window, whose name its input function took from
 * the list above in its canonical spelling.  Loading that list reads every
 * file of the time-zone database (pg_tzenumerate): 30 ms on a quiet machine,
 * over 100 ms on a busy one, and a parallel worker, which starts with no
 * cache, paid it before its first row.  A stored name needs only its own
 * file: pg_tzset, and the name it reports must be the stored one exactly
 * (a POSIX TZ specification, which pg_tzset also accepts, comes back in
 * capitals and is no file of the database; "localtime" and "posixrules" are
 * refused by name).  Anything else goes through the list.
 */
pg_tz *
ms_zone_lookup_stored(const char *name)
{
	const char *base;
	pg_tz	   *tz;

	if (strlen(name) > TZ_STRLEN_MAX)
		return NULL;
	base = strrchr(name, '/');
	base = base ? base + 1 : name;
	if (zone_names == NULL && strcmp(base, "localtime") != 0 &&
		strcmp(base, "posixrules") != 0 && strpbrk(name, ",<>") == NULL)
	{
		tz = pg_tzset(name);
		if (tz != NULL && pg_tz_acceptable(tz) &&
			strcmp(pg_get_timezone_name(tz), name) == 0 &&
			(strcmp(name, "UTC") == 0 || strpbrk(name, "0123456789") == NULL ||
			 strchr(name, '/') != NULL))
			return tz;
	}
	return ms_zone_lookup(name);
}

/*
 * sla_timezone_names(): the names a window accepts as its zone, in the
 * spelling it keeps, from the same list that ms_zone_lookup searches, so
 * that the list and the parser cannot disagree.
 */
Datum
sla_timezone_names(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		if (zone_names == NULL)
			load_zone_names();
		funcctx->max_calls = nzone_names;
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* before SRF_RETURN_NEXT, which counts the call first */
		Datum		name = CStringGetTextDatum(zone_names[funcctx->call_cntr]);

		SRF_RETURN_NEXT(funcctx, name);
	}
	SRF_RETURN_DONE(funcctx);
}

void
ms_zone_release(MsZone *z)
{
	Assert(z->pins > 0);
	z->pins--;
}

/* drop least recently used zones that no window uses, down to the bound */
static void
evict_zones(void)
{
	dlist_node *cur = dlist_is_empty(&zone_lru) ? NULL : dlist_tail_node(&zone_lru);

	while (cur != NULL && nzones > MS_ZONE_CACHE_MAX)
	{
		MsZone	   *z = dlist_container(MsZone, lru, cur);

		cur = dlist_has_prev(&zone_lru, cur) ? dlist_prev_node(&zone_lru, cur) : NULL;
		if (z->pins > 0)
			continue;
		dlist_delete(&z->lru);
		hash_search(zone_hash, &z->tz, HASH_REMOVE, NULL);
		MemoryContextDelete(z->mcxt);
		nzones--;
	}
}

static MsZone *build_zone(pg_tz *tz);

/*
 * The tables of a zone, built once and kept while the cache has room.  The
 * caller holds a pin (the zone is not freed while pinned) until it calls
 * ms_zone_release.
 */
MsZone *
ms_zone_get(pg_tz *tz)
{
	ZoneEntry  *e;
	bool		found;
	MsZone	   *z;

	if (zone_hash == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(pg_tz *);
		ctl.entrysize = sizeof(ZoneEntry);
		ctl.hcxt = TopMemoryContext;
		zone_hash = hash_create("managed_services zones", MS_ZONE_CACHE_MAX * 2, &ctl,
								HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	e = hash_search(zone_hash, &tz, HASH_FIND, NULL);
	if (e != NULL)
	{
		z = e->zone;
		dlist_move_head(&zone_lru, &z->lru);
		z->pins++;
		return z;
	}
	z = build_zone(tz);
	e = hash_search(zone_hash, &tz, HASH_ENTER, &found);
	Assert(!found);
	e->zone = z;
	z->pins = 1;
	dlist_push_head(&zone_lru, &z->lru);
	nzones++;
	evict_zones();
	return z;
}

/*
 * Build a zone's tables in a memory context of its own: under the caller's
 * context while building (an error frees it), then moved under
 * TopMemoryContext.
 */
static MsZone *
build_zone(pg_tz *tz)
{
	const char *name = pg_get_timezone_name(tz);
	MemoryContext zcxt = AllocSetContextCreate(CurrentMemoryContext, "managed_services zone",
											   ALLOCSET_DEFAULT_SIZES);
	MsZone	   *z;
	int			cap = 64;
	int			n = 0;
	int64	   *at;
	int32	   *off;
	pg_time_t	t;
	pg_time_t	end;
	long		before_off;
	long		after_off;
	int			before_dst;
	int			after_dst;
	pg_time_t	boundary;
	int32		cur;
	int			res;
	MemoryContext old;

	old = MemoryContextSwitchTo(zcxt);
	at = palloc(sizeof(int64) * cap);
	off = palloc(sizeof(int32) * cap);

	t = WIN_MIN_DAY * (int64) SECS_PER_DAY - TABLE_MARGIN_SECS + PG_EPOCH_OFFSET;
	end = WIN_MAX_DAY * (int64) SECS_PER_DAY + TABLE_MARGIN_SECS + PG_EPOCH_OFFSET;
	res = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
							   &after_off, &after_dst, tz);
	cur = (int32) before_off;
	z = palloc0(offsetof(MsZone, name) + strlen(name) + 1);
	strcpy(z->name, name);
	z->mcxt = zcxt;
	z->tz = tz;
	z->off_first = cur;

	while (res == 1 && boundary <= end)
	{
		CHECK_FOR_INTERRUPTS();
		/* transitions that only rename the zone change nothing here */
		if ((int32) after_off != cur)
		{
			if (n == cap)
			{
				cap *= 2;
				at = repalloc(at, sizeof(int64) * cap);
				off = repalloc(off, sizeof(int32) * cap);
			}
			at[n] = boundary - PG_EPOCH_OFFSET;
			off[n] = (int32) after_off;
			cur = (int32) after_off;
			n++;
		}
		/* pg_next_dst_boundary returns the first boundary after t */
		t = (boundary > t) ? boundary : t + 1;
		res = pg_next_dst_boundary(&t, &before_off, &before_dst, &boundary,
								   &after_off, &after_dst, tz);
	}
	if (res < 0)
		elog(ERROR, "could not read the transitions of time zone \"%s\"", name);

	z->ntrans = n;
	z->at = at;
	z->off_after = off;
	z->cluster_lo = palloc(sizeof(int32) * (n + 1));
	z->cluster_hi = palloc(sizeof(int32) * (n + 1));

	/*
	 * Around a transition, local boundaries may convert irregularly (gaps,
	 * overlaps, a local time that maps after a later one).  Two local dates
	 * either side of the transition's local date are handled exactly; every
	 * other date has one offset for all of its boundaries.
	 */
	for (int i = 0; i < n; i++)
	{
		int32		before = (i == 0) ? z->off_first : off[i - 1];
		int64		d = floor_div(at[i] + before, SECS_PER_DAY);

		z->cluster_lo[i] = (int32) d - 2;
		z->cluster_hi[i] = (int32) d + 2;
	}
	/* sentinel, never reached by supported dates */
	z->cluster_lo[n] = PG_INT32_MAX;
	z->cluster_hi[n] = PG_INT32_MAX;

	/* merge clusters that overlap or touch */
	z->mc_lo = palloc(sizeof(int32) * (n + 1));
	z->mc_hi = palloc(sizeof(int32) * (n + 1));
	z->nmc = 0;
	for (int i = 0; i < n; i++)
	{
		if (z->nmc > 0 && z->cluster_lo[i] <= z->mc_hi[z->nmc - 1] + 1)
			z->mc_hi[z->nmc - 1] = Max(z->mc_hi[z->nmc - 1], z->cluster_hi[i]);
		else
		{
			z->mc_lo[z->nmc] = z->cluster_lo[i];
			z->mc_hi[z->nmc] = z->cluster_hi[i];
			z->nmc++;
		}
	}
	z->mc_lo[z->nmc] = PG_INT32_MAX;
	z->mc_hi[z->nmc] = PG_INT32_MAX;

	z->nbuckets = ((WIN_MAX_DAY + 64 - MS_ZONE_FIRST_DAY) >> MS_ZONE_BUCKET_SHIFT) + 1;
	z->bucket_trans = palloc(sizeof(int32) * z->nbuckets);
	z->bucket_mcluster = palloc(sizeof(int32) * z->nbuckets);
	{
		int			ti = 0;
		int			ci = 0;

		for (int b = 0; b < z->nbuckets; b++)
		{
			int64		day = MS_ZONE_FIRST_DAY + ((int64) b << MS_ZONE_BUCKET_SHIFT);

			while (ti < n && at[ti] <= day * SECS_PER_DAY)
				ti++;
			while (ci < z->nmc && z->mc_hi[ci] < day)
				ci++;
			z->bucket_trans[b] = ti;
			z->bucket_mcluster[b] = ci;
		}
	}

	MemoryContextSwitchTo(old);
	MemoryContextSetParent(zcxt, TopMemoryContext);
	return z;
}


/* index of the first transition strictly after secs (ntrans if none) */
static inline int
first_after(const MsZone *z, int64 secs)
{
	int			lo = 0;
	int			hi = z->ntrans;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (z->at[mid] <= secs)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* the bucket of a day, or -1 outside the table */
static inline int
bucket_of(const MsZone *z, int64 day)
{
	int64		b = (day - MS_ZONE_FIRST_DAY) >> MS_ZONE_BUCKET_SHIFT;

	return (b < 0 || b >= z->nbuckets) ? -1 : (int) b;
}

/* index of the first transition strictly after secs, via the buckets */
static inline int
first_after_fast(const MsZone *z, int64 secs)
{
	int			b = bucket_of(z, floor_div(secs, SECS_PER_DAY));
	int			i;

	if (b < 0)
		return first_after(z, secs);
	i = z->bucket_trans[b];
	/* the bucket starts at or before secs: scan the few transitions in it */
	while (i < z->ntrans && z->at[i] <= secs)
		i++;
	return i;
}

int32
ms_zone_offset(const MsZone *z, int64 secs)
{
	int			i;

	if (z->ntrans == 0)
		return z->off_first;
	i = first_after_fast(z, secs);
	return (i == 0) ? z->off_first : z->off_after[i - 1];
}

/* index of the first merged cluster ending on or after day (nmc if none) */
int
ms_zone_first_mcluster(const MsZone *z, int64 day)
{
	int			b = bucket_of(z, day);
	int			i;

	if (b < 0)
	{
		int			lo = 0;
		int			hi = z->nmc;

		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (z->mc_hi[mid] < day)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}
	i = z->bucket_mcluster[b];
	while (i < z->nmc && z->mc_hi[i] < day)
		i++;
	return i;
}

/*
 * Local wall time (seconds since 2000-01-01 on the local clock) to UTC, as
 * DetermineTimeZoneOffset does it: look at the first transition after the
 * local time minus one day; a local time that exists once gets its offset,
 * one in a spring-forward gap gets the offset before the jump, and one in a
 * fall-back overlap the offset after it (standard time).
 */
int64
ms_zone_local_to_utc(const MsZone *z, int64 local_secs)
{
	int64		prevtime = local_secs - SECS_PER_DAY;
	int			i;
	int32		before;
	int32		after;
	int64		boundary;
	int64		beforetime;
	int64		aftertime;

	if (z->ntrans == 0)
		return local_secs - z->off_first;
	i = first_after_fast(z, prevtime);
	before = (i == 0) ? z->off_first : z->off_after[i - 1];
	if (i == z->ntrans)
		return local_secs - before;
	after = z->off_after[i];
	boundary = z->at[i];
	beforetime = local_secs - before;
	aftertime = local_secs - after;
	if (beforetime < boundary && aftertime < boundary)
		return beforetime;
	if (beforetime >= boundary && aftertime >= boundary)
		return aftertime;
	/* ambiguous or invalid: spring forward keeps "before", fall back "after" */
	return (beforetime > aftertime) ? beforetime : aftertime;
}
