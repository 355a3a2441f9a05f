/*
 * ticket.h
 *		Ticket SLAs: policies, per-ticket outcomes and the sla_summary type.
 */
#ifndef MS_TICKET_H
#define MS_TICKET_H

#include "severity.h"
#include "window.h"

#define SLA_RESPONSE	0
#define SLA_RESOLUTION	1
#define SLA_KINDS		2

typedef struct SlaTarget
{
	int32		days;			/* business days */
	int64		usecs;			/* business time */
} SlaTarget;

#define SLA_POLICY_VERSION 1

/* fixed layout, stored as a varlena so that the format can change */
typedef struct SlaPolicy
{
	int32		vl_len_;
	uint8		version;
	uint8		present[SEVERITY_LEVELS];	/* bit k: target of kind k set */
	uint8		pad;
	SlaTarget	target[SEVERITY_LEVELS][SLA_KINDS];
} SlaPolicy;

#define PG_GETARG_SLA_POLICY_P(n) ((SlaPolicy *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

typedef enum SlaOutcome
{
	SLA_MET = 0,
	SLA_BREACHED = 1,
	SLA_PENDING = 2,
	SLA_NOT_OPENED = 3			/* opened after as_of: no ticket yet */
} SlaOutcome;

/*
 * The outcome of one ticket as of as_of; paused (a MultirangeType *, NULL
 * for none) stops the clock.  A ticket done after as_of was still open then.
 * *elapsed (if not NULL) gets the business time from start to done (to as_of
 * when the ticket was open as of then); *open_at_as_of whether it was.
 */
extern SlaOutcome sla_classify(WinSched *ws, void *paused, TimestampTz start,
							   bool done_null, TimestampTz done,
							   const Interval *target, TimestampTz as_of,
							   int64 *elapsed, bool *open_at_as_of);

/*
 * Pauses that stop a ticket's clock: a tstzmultirange (mr), or, when mr is
 * NULL, n sorted disjoint ranges iv[2i] .. iv[2i+1] (the upper bound may be
 * DT_NOEND).  Functions taking a SlaPauses * read NULL as no pauses.
 */
typedef struct SlaPauses
{
	void	   *mr;
	const TimestampTz *iv;
	int			n;
} SlaPauses;

extern SlaOutcome sla_classify_p(WinSched *ws, const SlaPauses *paused, TimestampTz start,
								 bool done_null, TimestampTz done,
								 const Interval *target, TimestampTz as_of,
								 int64 *elapsed, bool *open_at_as_of);
/* business time left before the deadline as of as_of; see sla_remaining */
extern int64 sla_remaining_p(WinSched *ws, const SlaPauses *paused, TimestampTz start,
							 const Interval *target, TimestampTz as_of, bool *none,
							 int64 *whole);
extern TimestampTz sla_deadline_p(WinSched *ws, const SlaPauses *paused, TimestampTz a,
								  const Interval *target);
extern int64 sla_elapsed_p(WinSched *ws, const SlaPauses *paused, TimestampTz a, TimestampTz b);

/*
 * Version 2 added untargeted.  Values stored by version 1 (the same layout
 * without it) are still read: summary_upgrade() widens them.
 */
#define SLA_SUMMARY_VERSION 2
#define SLA_SUMMARY_V1_SIZE (offsetof(SlaSummary, untargeted))

typedef struct SlaSummary
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	int64		met;
	int64		breached;
	int64		pending;
	int64		timed;			/* tickets with a done time */
	int64		total;			/* their business time, microseconds */
	int64		min;			/* valid when timed > 0 */
	int64		max;
	int64		untargeted;		/* tickets without a target: not measured */
} SlaSummary;

/* for the summary aggregates over other inputs (src/clock_fn.c) */
extern SlaSummary *sla_summary_state(FunctionCallInfo fcinfo);
extern void sla_summary_add(SlaSummary *st, SlaOutcome o, int64 elapsed, bool timed);
extern void sla_summary_add_untargeted(SlaSummary *st);

#endif							/* MS_TICKET_H */
