/*
 * staffing.h
 *		staffing_state: the transition state of the staffing aggregates, and
 *		an ordinary value (text and binary I/O) so that partial aggregates can
 *		travel between nodes and per-day states roll up into months.
 *
 * A state holds the period, as one or more pieces (one per day when days
 * are rolled up into a month), and the depth profile of the shifts clipped
 * to it: a list of events (instant, change of depth).  A shift [a, b) adds
 * +1 at a and -1 at b; events at the same instant are summed and dropped
 * when they cancel, so touching shifts of one agent leave no trace and the
 * list stays small when shifts start and end at the same hours.  While
 * aggregating, events are appended and the list sorted and merged when the
 * room runs out; stored values are canonical (sorted, merged, no spare room).
 *
 * The one-step aggregates (staffed(shift, period, w, k), ...) also carry
 * their window and minimum, since a final function sees only the state.
 */
#ifndef MS_STAFFING_H
#define MS_STAFFING_H

#include "managed_services.h"

#include "datatype/timestamp.h"

#define STAFF_STATE_VERSION 1

/* flags */
#define STAFF_HAS_WINDOW	0x01	/* an sla_window is embedded (one-step form) */
#define STAFF_HAS_K			0x02	/* a minimum k is embedded (one-step form) */
#define STAFF_FLAGS_ALL		(STAFF_HAS_WINDOW | STAFF_HAS_K)

typedef struct StaffPiece
{
	TimestampTz lo;				/* [lo, hi), lo < hi */
	TimestampTz hi;
} StaffPiece;

typedef struct StaffEvent
{
	TimestampTz t;
	int64		delta;			/* change of depth at t; never 0 when canonical */
} StaffEvent;

typedef struct StaffState
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* STAFF_STATE_VERSION */
	uint8		flags;
	uint16		reserved;		/* 0 */
	int32		winsize;		/* bytes of the embedded sla_window, 0 without */
	int32		k;				/* the embedded minimum (STAFF_HAS_K), else 0 */
	int32		npieces;		/* pieces of the period: sorted, not overlapping */
	int32		nevents;		/* events held */
	int32		nsorted;		/* the first nsorted are sorted and merged */
	int32		pad;			/* 0 */

	/*
	 * then: the sla_window varlena (winsize bytes, padded to MAXALIGN);
	 * StaffPiece pieces[npieces]; StaffEvent events[] up to the end of the
	 * value: its capacity.
	 */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} StaffState;

#define STAFF_STATE_HDRSZ offsetof(StaffState, data)
#define DatumGetStaffStateP(X)	((StaffState *) PG_DETOAST_DATUM(X))
#define PG_GETARG_STAFF_STATE_P(n) DatumGetStaffStateP(PG_GETARG_DATUM(n))

static inline struct varlena *
staff_window(const StaffState *st)
{
	return (struct varlena *) st->data;
}

static inline StaffPiece *
staff_pieces(const StaffState *st)
{
	return (StaffPiece *) (st->data + MAXALIGN(st->winsize));
}

static inline StaffEvent *
staff_events(const StaffState *st)
{
	return (StaffEvent *) (staff_pieces(st) + st->npieces);
}

static inline int
staff_capacity(const StaffState *st)
{
	return (int) ((VARSIZE(st) - ((char *) staff_events(st) - (char *) st)) / sizeof(StaffEvent));
}

#endif							/* MS_STAFFING_H */
