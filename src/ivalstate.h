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
#include "lib/stringinfo.h"
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
/*
 * The state argument 0 of a transition or combine function: changed in
 * place inside an aggregate, a copy outside one; NULL for NULL.  Checked.
 */
extern void *ivs_state_arg(FunctionCallInfo fcinfo, const IvsLayout *l);
/*
 * The arguments of a combine function: false when a side is NULL, *result
 * then being the function's result (the other side, or NULL); else *a
 * (ivs_state_arg) and *b, both checked.
 */
extern bool ivs_combine_args(FunctionCallInfo fcinfo, const IvsLayout *l,
							 void **a, void **b, Datum *result);
/* the canonical form of a state argument (the final function of the two-step aggregates) */
extern Datum ivs_compact(const IvsLayout *l, Datum d);
/* the embedded window, parsed once per call site of fcinfo */
extern struct WinSched *ivs_sched(FunctionCallInfo fcinfo, const struct varlena *win);

/*
 * The state functions of a type, named as its code calls them, over its
 * layout: state_size, state_resize (a copy with room for cap items),
 * state_copy (a private copy of an argument), state_normalize,
 * state_canonical (sorted, merged, no spare room; st untouched) and
 * state_check_version.
 */
#define IVS_STATE_FUNCTIONS(Type, layout) \
static inline Size state_size(Size winsize, int nfixed, int cap) \
{ return ivs_size(&(layout), winsize, nfixed, cap); } \
static inline Type *state_resize(const Type *st, int cap) \
{ return (Type *) ivs_resize(&(layout), st, cap); } \
static inline Type *state_copy(Datum d) \
{ return (Type *) ivs_copy(&(layout), d); } \
static inline void state_normalize(Type *st) \
{ ivs_normalize(&(layout), st); } \
static inline Type *state_canonical(const Type *st) \
{ return (Type *) ivs_canonical(&(layout), st); } \
static inline void state_check_version(const Type *st) \
{ ivs_check_version(&(layout), st); }

/* arguments and messages */
extern char *ivs_range_text(RangeType *r);
extern char *ivs_ts_text(TimestampTz t);
extern char *ivs_window_text(const struct varlena *win);
extern void ivs_period_bounds(TypeCacheEntry *rng, RangeType *r, bool windowed,
							  const char *what, const char *What,
							  TimestampTz *lo, TimestampTz *hi);
extern void ivs_mixed_group(const char *group, const char *what, const char *detail);

/*
 * The text forms: a parser over the input, for the type's messages, with a
 * soft-error context (16+).  The instants are UTC with every microsecond
 * (ms_parse_utc_ts); an interval is "[lo,hi)" with lo < hi.
 */
typedef struct IvsParser
{
	const char *typname;
	const char *str;
	const char *p;
	Node	   *escontext;
} IvsParser;

#define ivs_syntax_error(ps, ...) \
	ms_syntax_error((ps)->escontext, (ps)->typname, (ps)->str, (ps)->p, __VA_ARGS__)

extern bool ivs_expect(IvsParser *ps, const char *lit);
extern bool ivs_parse_ts(IvsParser *ps, TimestampTz *t);
extern bool ivs_parse_ival(IvsParser *ps, TimestampTz *lo, TimestampTz *hi);
extern bool ivs_window_from_text(IvsParser *ps, char *text, Datum *w);
/*
 * An optional clause ' window="..."' at ps->p: false after reporting an
 * error; else *found says whether there was one, *w is the window and *at
 * where its text starts (for the caller's own checks), ps->p past it.
 */
extern bool ivs_window_clause(IvsParser *ps, bool *found, Datum *w, const char **at);

/* exact UTC text of an instant, shared by the state types' text forms */
extern void ms_append_utc_ts(StringInfo buf, TimestampTz t);
extern bool ms_parse_utc_ts(const char **p, TimestampTz *t, const char **detail);

#endif							/* MS_IVALSTATE_H */
