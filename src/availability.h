/*
 * availability.h
 *		availability_state: the transition state of the availability
 *		aggregates, and an ordinary value (text and binary I/O) so that
 *		partial aggregates can travel between nodes.
 *
 * A state holds what is constant within a group (the period, the coverage
 * window, the planned maintenance) and the outages seen so far as [lo, hi)
 * intervals clipped to the period.  While aggregating, new intervals are
 * appended after a sorted and merged prefix and the whole set is sorted and
 * merged when the space runs out, so a state stays within a small factor of
 * the number of merged outages.  Stored values (availability_agg, input,
 * receive) are always canonical: every interval sorted, merged and apart,
 * and no spare space.
 */
#ifndef MS_AVAILABILITY_H
#define MS_AVAILABILITY_H

#include "managed_services.h"

#include "datatype/timestamp.h"
#include "lib/stringinfo.h"

#define AVAIL_STATE_VERSION 1

/* flags */
#define AVAIL_HAS_WINDOW	0x01	/* an sla_window is embedded */
#define AVAIL_HAS_MAINT		0x02	/* the maintenance form (even if none falls in the period) */
#define AVAIL_FLAGS_ALL		(AVAIL_HAS_WINDOW | AVAIL_HAS_MAINT)

typedef struct AvailIval
{
	TimestampTz lo;				/* [lo, hi), lo < hi */
	TimestampTz hi;
} AvailIval;

typedef struct AvailState
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* AVAIL_STATE_VERSION */
	uint8		flags;
	uint16		reserved;		/* 0 */
	int32		winsize;		/* bytes of the embedded sla_window, 0 without */
	int32		nmaint;			/* maintenance intervals */
	int32		ndown;			/* outage intervals held */
	int32		nsorted;		/* the first nsorted are sorted, merged, apart */
	TimestampTz lo;				/* the period [lo, hi), finite */
	TimestampTz hi;

	/*
	 * then: the sla_window varlena (winsize bytes, padded to MAXALIGN);
	 * AvailIval maint[nmaint] (canonical, inside the period); AvailIval
	 * down[] (inside the period) up to the end of the value: its capacity.
	 */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} AvailState;

#define AVAIL_STATE_HDRSZ offsetof(AvailState, data)
/* full detoast: the struct needs the 4-byte header and alignment */
#define DatumGetAvailStateP(X)	((AvailState *) PG_DETOAST_DATUM(X))
#define PG_GETARG_AVAIL_STATE_P(n) DatumGetAvailStateP(PG_GETARG_DATUM(n))

static inline struct varlena *
avail_window(const AvailState *st)
{
	return (struct varlena *) st->data;
}

static inline AvailIval *
avail_maint(const AvailState *st)
{
	return (AvailIval *) (st->data + MAXALIGN(st->winsize));
}

static inline AvailIval *
avail_down(const AvailState *st)
{
	return avail_maint(st) + st->nmaint;
}

/* how many outage intervals fit */
static inline int
avail_capacity(const AvailState *st)
{
	return (int) ((VARSIZE(st) - ((char *) avail_down(st) - (char *) st)) / sizeof(AvailIval));
}

#endif							/* MS_AVAILABILITY_H */
