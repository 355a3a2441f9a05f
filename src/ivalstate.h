/*
 * ivalstate.h
 *		What the aggregate states availability_state and staffing_state have
 *		in common: a varlena that holds a fixed header, an embedded sla_window
 *		(winsize bytes, padded to MAXALIGN), an array of items fixed for the
 *		group (the maintenance; the pieces of the period) and, up to the end
 *		of the value, a growing array of items (the outages; the changes of
 *		depth) whose first nsorted are sorted and merged.
 *
 * Each type keeps its own struct, and so its stored format, and describes
 * it with an IvsLayout: where its counts are, how large its items are, how
 * it sorts and merges them.  The code that sizes, builds, copies, grows and
 * compacts such a value, and the argument checks both aggregates make, live
 * here once.
 */
#ifndef MS_IVALSTATE_H
#define MS_IVALSTATE_H

#include "managed_services.h"

#include "datatype/timestamp.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

/* the first fields of both state structs, in this order */
typedef struct IvsHeader
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;
	uint8		flags;
	uint16		reserved;		/* 0 */
	int32		winsize;		/* bytes of the embedded sla_window, 0 without */
} IvsHeader;

typedef struct IvsLayout
{
	const char *typname;		/* for messages: "availability_state" */
	uint8		version;		/* the one version read and written */
	uint8		window_flag;	/* the flag that says a window is embedded */
	Size		hdrsz;			/* offsetof(struct, data) */
	Size		fixed_size;		/* bytes of an item of the fixed array */
	Size		item_size;		/* bytes of an item of the growing array */
	int			max_items;		/* fixed and growing items together, at most */
	Size		off_nfixed;		/* offsets of the int32 counts in the struct */
	Size		off_nitems;
	Size		off_nsorted;
	/* sort and merge n items in place; the new count */
	int			(*normalize) (void *items, int n);
	/* the error for a value past max_items */
	void		(*too_many) (void);
} IvsLayout;

static inline int32 *
ivs_count(const void *st, Size off)
{
	return (int32 *) ((char *) st + off);
}

static inline struct varlena *
ivs_window(const IvsLayout *l, const void *st)
{
	return (struct varlena *) ((char *) st + l->hdrsz);
}

static inline char *
ivs_fixed(const IvsLayout *l, const void *st)
{
	return (char *) st + l->hdrsz + MAXALIGN(((const IvsHeader *) st)->winsize);
}

static inline char *
ivs_items(const IvsLayout *l, const void *st)
{
	return ivs_fixed(l, st) + l->fixed_size * *ivs_count(st, l->off_nfixed);
}

/* how many growing items fit */
static inline int
ivs_capacity(const IvsLayout *l, const void *st)
{
	return (int) ((VARSIZE(st) - (ivs_items(l, st) - (char *) st)) / l->item_size);
}

extern Size ivs_size(const IvsLayout *l, Size winsize, int nfixed, int cap);
extern void *ivs_create(const IvsLayout *l, const struct varlena *win, uint8 flags,
						const void *fixed, int nfixed, int cap);
extern void *ivs_resize(const IvsLayout *l, const void *st, int cap);
extern void *ivs_copy(const IvsLayout *l, Datum d);
extern void ivs_normalize(const IvsLayout *l, void *st);
extern void *ivs_canonical(const IvsLayout *l, const void *st);
extern void ivs_check_version(const IvsLayout *l, const void *st);
extern bool ivs_same_window(const IvsLayout *l, const void *st, const struct varlena *win);

/* arguments and messages */
extern char *ivs_range_text(RangeType *r);
extern char *ivs_ts_text(TimestampTz t);
extern char *ivs_window_text(const struct varlena *win);
extern void ivs_period_bounds(TypeCacheEntry *rng, RangeType *r, bool windowed,
							  const char *what, const char *What,
							  TimestampTz *lo, TimestampTz *hi);
extern void ivs_mixed_group(const char *group, const char *what, const char *detail);

#endif							/* MS_IVALSTATE_H */
