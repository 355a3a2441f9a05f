/*
 * window.h
 *		sla_window: coverage hours in one time zone, minus holidays.
 *
 * Three layers:
 *	- SlaWindow, the on-disk varlena (canonical: parts split per weekday,
 *	  sorted and merged, holidays sorted and unique);
 *	- WinSched, the in-memory form every computation uses, built once per
 *	  call site and kept in fn_extra;
 *	- MsZone (tzcache.c), the time zone's offset transitions over the
 *	  supported years, built once per backend and zone from PostgreSQL's own
 *	  time-zone database.
 *
 * Times inside the engine are PostgreSQL timestamps (microseconds since
 * 2000-01-01 00:00 UTC); "local" values are the same count on the wall clock
 * of the window's zone.  Local dates are day numbers since 2000-01-01.
 */
#ifndef MS_WINDOW_H
#define MS_WINDOW_H

#include "managed_services.h"

#include "datatype/timestamp.h"
#include "lib/ilist.h"
#include "pgtime.h"

/*
 * On disk, version 1 is a window without special hours (the original
 * layout, so that stored values and their equality are unchanged) and
 * version 2 one with them.  The binary form always sends version 2 and
 * reads both.
 */
#define SLA_WINDOW_VERSION 1
#define SLA_WINDOW_VERSION_SPECIAL 2

/* limits that keep every loop and buffer bounded */
#define WIN_MAX_PARTS_PER_DAY 32
#define WIN_MAX_HOLIDAYS 100000
#define WIN_MAX_SPECIAL 100000	/* dates with special hours */

/*
 * Supported instants: 1900-01-01 to 2300-01-01 UTC.  The zone tables cover
 * this range (plus a margin); outside it the functions raise 22008.
 */
#define WIN_MIN_DAY		(-36524)	/* 1900-01-01 as days since 2000-01-01 */
#define WIN_MAX_DAY		(109573)	/* 2300-01-01 */
#define WIN_MIN_TS		((TimestampTz) WIN_MIN_DAY * USECS_PER_DAY)
#define WIN_MAX_TS		((TimestampTz) WIN_MAX_DAY * USECS_PER_DAY)

/* on disk */
typedef struct SlaWindow
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* SLA_WINDOW_VERSION or _SPECIAL */
	uint8		flags;			/* reserved, 0 */
	uint8		nparts[7];		/* day-parts per weekday, Monday first */
	uint8		pad[3];
	int32		nholidays;
	/*
	 * then: int32 holidays[nholidays] (days since 2000-01-01, ascending);
	 * int32 parts[2 * sum(nparts)] (start, end seconds of the local day,
	 * 0 <= start < end <= 86400, ascending, not touching); char zone[]
	 * (NUL-terminated canonical zone name).  Version 2 then has, at the
	 * next 4-byte boundary: int32 nspecial; int32 days[nspecial]
	 * (ascending, none a holiday); int32 first[nspecial + 1] (the parts of
	 * days[i] are pairs first[i] .. first[i+1]-1, at least one); int32
	 * parts[2 * first[nspecial]] (as above, per date).
	 */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} SlaWindow;

#define SLA_WINDOW_HDRSZ offsetof(SlaWindow, data)
/* full detoast: the struct needs the 4-byte header and alignment */
#define DatumGetSlaWindowP(X)	((SlaWindow *) PG_DETOAST_DATUM(X))
#define PG_GETARG_SLA_WINDOW_P(n) DatumGetSlaWindowP(PG_GETARG_DATUM(n))

/* a time zone's offsets over the supported range */
typedef struct MsZone
{
	pg_tz	   *tz;
	int			ntrans;
	int64	   *at;				/* transition instants, seconds since 2000 */
	int32	   *off_after;		/* UTC offset (seconds, east +) from at[i] */
	int32	   *cluster_lo;		/* local dates around each transition whose */
	int32	   *cluster_hi;		/* conversions may be irregular */
	int32		off_first;		/* offset before at[0] (or always) */
	/*
	 * Buckets of 32 days from MS_ZONE_FIRST_DAY: the first transition after
	 * the bucket's start, and the first cluster ending on or after it, so
	 * that lookups scan a step or two instead of searching.
	 */
	int			nbuckets;
	int32	   *bucket_trans;
	int32	   *bucket_mcluster;
	/*
	 * Clusters merged where they overlap or touch: the dates mc_lo[k] ..
	 * mc_hi[k] are handled exactly; between mc_hi[k-1] and mc_lo[k] lies a
	 * regular stretch with one offset.  Sentinels at [nmc].
	 */
	int			nmc;
	int32	   *mc_lo;
	int32	   *mc_hi;
	/* the backend's cache (tzcache.c), after the fields lookups read */
	dlist_node	lru;			/* most recently used first */
	int			pins;			/* windows in use that point here */
	MemoryContext mcxt;			/* holds this struct and its arrays */
	char		name[FLEXIBLE_ARRAY_MEMBER];
} MsZone;

#define MS_ZONE_FIRST_DAY (WIN_MIN_DAY - 64)
#define MS_ZONE_BUCKET_SHIFT 5

/* a zone of pg_timezone_names by any spelling of its name, else NULL */
extern pg_tz *ms_zone_lookup(const char *name);
/* the same for a stored window's canonical zone name, without reading the list */
extern pg_tz *ms_zone_lookup_stored(const char *name);
/* the zone's tables, pinned until ms_zone_release */
extern MsZone *ms_zone_get(pg_tz *tz);
extern void ms_zone_release(MsZone *z);
extern int32 ms_zone_offset(const MsZone *z, int64 secs);
extern int	ms_zone_first_mcluster(const MsZone *z, int64 day);
extern int64 ms_zone_local_to_utc(const MsZone *z, int64 local_secs);

typedef struct WinPart
{
	int64		s;				/* microseconds since local midnight */
	int64		e;
} WinPart;

/* an open interval in instant space, used near DST transitions */
typedef struct WinIval
{
	TimestampTz s;
	TimestampTz e;
} WinIval;

/* in memory */
typedef struct WinSched
{
	int			first[8];		/* parts of weekday w: parts[first[w] .. first[w+1]) */
	WinPart    *parts;
	int64		day_len[7];		/* open microseconds of each weekday */
	int64		week_len;
	bool		full_week;		/* every weekday 00:00-24:00 */
	bool		always_open;	/* full week, one offset, no holidays */
	int			nbusiness_days; /* weekdays with hours */
	/*
	 * Exceptions: the dates whose hours are not their weekday's, sorted:
	 * holidays (no parts) and dates with special hours.  Exception i has
	 * exc_parts[exc_first[i] .. exc_first[i+1]).
	 */
	int			nexc;
	int32	   *exc_day;
	int		   *exc_first;
	WinPart    *exc_parts;
	int64	   *exc_cum;		/* sum over exceptions before i of weekday
								 * hours minus own hours (may be negative) */
	int		   *exc_bcum;		/* the same for "is a business date" */
	/* first exception index at or after each 32-day bucket from the first */
	int			exc_nbuckets;
	int		   *exc_bucket;
	int64		cum_week[15];	/* open time of Monday .. day w-1, over two weeks */
	MsZone	   *zone;
	int64	   *stretch_len;	/* per stretch k: open time, its UTC offset (usecs), */
	int64	   *stretch_off;	/* and local_prefix at its first date (filled with */
	int64	   *stretch_f0;		/* the cluster memo; UNKNOWN until computed) */
	int64	   *exc_prefix;		/* local_prefix at the start of each exception's date */
	MemoryContext mcxt;			/* where the lazily built parts below live */
	WinIval    *scratch;		/* intervals of the cluster last asked for */
	/*
	 * Per merged cluster k of the zone (built when first needed): its merged
	 * open intervals, and the open time up to the start of regular stretch k
	 * (the dates before cluster k) counted from an arbitrary origin, so that
	 * business time across any number of transitions is one subtraction.
	 */
	WinIval   **civ;
	int		   *cn;
	int64	   *pre;			/* valid for k in [pre_lo, pre_hi] */
	int			pre_lo;
	int			pre_hi;
} WinSched;

/* build the in-memory form in mcxt; w must outlive it */
extern WinSched *win_sched_build(const SlaWindow *w, MemoryContext mcxt);

/* the window of argument argno, parsed once per call site (fn_extra) */
extern WinSched *win_sched_cached(FunctionCallInfo fcinfo, int argno);

/* the engine; all instants must be in [WIN_MIN_TS, WIN_MAX_TS] */
extern void win_check_ts(TimestampTz t);
extern bool win_open(WinSched *ws, TimestampTz t);
extern int64 win_elapsed(WinSched *ws, TimestampTz a, TimestampTz b);
extern TimestampTz win_advance(WinSched *ws, TimestampTz a, int64 usecs);
extern TimestampTz win_add_days(WinSched *ws, TimestampTz a, int32 days);
extern TimestampTz win_deadline_parts(WinSched *ws, TimestampTz a, int32 days, int64 usecs);
extern TimestampTz win_next_open(WinSched *ws, TimestampTz t);
extern TimestampTz win_next_close(WinSched *ws, TimestampTz t);
extern TimestampTz win_last_close(WinSched *ws, TimestampTz t);
extern TimestampTz win_close_of_business(WinSched *ws, TimestampTz t);
extern TimestampTz win_next_business_day(WinSched *ws, TimestampTz t);

/*
 * A "next business day" target: due at the close of business of the
 * business day after the one the clock starts on.  sla_target gives it as
 * the interval '-1 days' (no real target is negative); sla_target_parts
 * reads that back as days = WIN_NEXT_BUSINESS_DAY.
 */
#define WIN_NEXT_BUSINESS_DAY (-1)
extern void sla_target_parts(const Interval *d, int32 *days, int64 *usecs);
extern TimestampTz win_deadline(WinSched *ws, TimestampTz a, const Interval *target);

/* the calendar as rules, for explanations */
typedef enum WinDateRule
{
	WIN_DATE_WEEKDAY,			/* the weekday's hours */
	WIN_DATE_SPECIAL,			/* special hours for the date */
	WIN_DATE_HOLIDAY			/* closed all day */
} WinDateRule;
extern int64 win_local_date(WinSched *ws, TimestampTz t);
extern TimestampTz win_date_start(WinSched *ws, int64 day);
extern int32 win_offset_secs(WinSched *ws, TimestampTz t);
extern int	win_date_hours(const WinSched *ws, int64 day, const WinPart **p, WinDateRule *rule);
extern int	win_weekday(int64 day);

#include "utils/multirangetypes.h"
/* the clock stopped during the ranges of a tstzmultirange */
extern int64 win_elapsed_paused(WinSched *ws, MultirangeType *mr, TimestampTz a, TimestampTz b);
extern TimestampTz win_deadline_paused(WinSched *ws, MultirangeType *mr, TimestampTz a,
									   int32 days, int64 usecs);

/* accessors of the varlena */
static inline int32 *
win_holidays(const SlaWindow *w)
{
	return (int32 *) w->data;
}

static inline int
win_total_parts(const SlaWindow *w)
{
	int			n = 0;

	for (int i = 0; i < 7; i++)
		n += w->nparts[i];
	return n;
}

static inline int32 *
win_parts(const SlaWindow *w)
{
	return (int32 *) (w->data + sizeof(int32) * w->nholidays);
}

static inline const char *
win_zone_name(const SlaWindow *w)
{
	return (const char *) (win_parts(w) + 2 * win_total_parts(w));
}

/* the special-hours section of a version 2 window */
static inline const int32 *
win_special_section(const SlaWindow *w)
{
	const char *z = win_zone_name(w);
	Size		off = (z - (const char *) w) + strlen(z) + 1;

	return (const int32 *) ((const char *) w + INTALIGN(off));
}

static inline int
win_nspecial(const SlaWindow *w)
{
	return w->version >= SLA_WINDOW_VERSION_SPECIAL ? win_special_section(w)[0] : 0;
}

static inline const int32 *
win_special_days(const SlaWindow *w)
{
	return win_special_section(w) + 1;
}

static inline const int32 *
win_special_first(const SlaWindow *w)
{
	return win_special_section(w) + 1 + win_nspecial(w);
}

static inline const int32 *
win_special_parts(const SlaWindow *w)
{
	return win_special_section(w) + 2 + 2 * win_nspecial(w);
}

#endif							/* MS_WINDOW_H */
