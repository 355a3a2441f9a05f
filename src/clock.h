/*
 * clock.h
 *		The SLA clock built from a ticket's own status log: the rules
 *		(sla_clock_rules) and the clock (sla_clock), DESIGN section 3b.
 */
#ifndef MS_CLOCK_H
#define MS_CLOCK_H

#include "ticket.h"

#include "lib/stringinfo.h"

/* what a status does to the clock */
#define CLOCK_START		0
#define CLOCK_PAUSE		1
#define CLOCK_STOP		2
#define CLOCK_OTHER		3		/* a status the rules do not name: it runs */

/* what an event after a stop does */
#define CLOCK_REOPEN_CONTINUES	0
#define CLOCK_REOPEN_RESTARTS	1
#define CLOCK_REOPEN_IGNORED	2

#define SLA_CLOCK_RULES_VERSION 1
#define CLOCK_MAX_STATUS_LEN	200
#define CLOCK_MAX_STATUSES		1000

/*
 * On disk: nstatus entries of one byte (CLOCK_START, _PAUSE or _STOP) and
 * the status's name, NUL-terminated, in canonical order (start, pause, stop
 * terms, each in the order given).  Names are trimmed, and unique compared
 * case-insensitively (ASCII letters).
 */
typedef struct SlaClockRules
{
	int32		vl_len_;
	uint8		version;
	uint8		reopen;
	uint16		nstatus;
	char		data[FLEXIBLE_ARRAY_MEMBER];
} SlaClockRules;

#define PG_GETARG_SLA_CLOCK_RULES_P(n) ((SlaClockRules *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* the state of the clock from a segment's start to the next one's */
#define SEG_UNSTARTED	0
#define SEG_RUNNING		1
#define SEG_PAUSED		2
#define SEG_STOPPED		3

#define SLA_CLOCK_VERSION 1

typedef struct ClockSeg
{
	TimestampTz at;
	int32		name;			/* offset in the names area, -1 for none */
	int8		kind;			/* SEG_* */
	int8		prio;			/* severity in force, -1 for none */
	int16		pad;
} ClockSeg;

/*
 * The clock's whole timeline: a segment wherever the state, the status or
 * the priority changes, so that a reading as of any instant sees exactly
 * the events at or before it.  While it is built it has room to grow
 * (segcap, namecap); a finished value has none.
 *
 * The aggregate's state is not a clock but the ticket's events as received
 * (clock.c's ClockGather), a varlena with SLA_CLOCK_GATHERING where a
 * clock has its version; every reader of a clock refuses it.
 */
#define SLA_CLOCK_GATHERING		0xFF
#define CLOCK_NONE				4		/* an event without a status */
#define CLOCK_GATHER_HAS_START	0x01	/* the rules have a start term */
#define CLOCK_GATHER_UNSORTED	0x02	/* an event came before an earlier one */

typedef struct SlaClock
{
	int32		vl_len_;
	uint8		version;
	uint8		reopen;			/* CLOCK_REOPEN_* of the rules */
	uint8		pad[2];
	int32		nseg;
	int32		segcap;
	int32		namelen;		/* bytes of names used */
	int32		namecap;
	TimestampTz last;			/* the last event's time */
	ClockSeg	seg[FLEXIBLE_ARRAY_MEMBER];
	/* then namecap bytes: NUL-terminated names */
} SlaClock;

#define CLOCK_HDRSZ offsetof(SlaClock, seg)
#define PG_GETARG_SLA_CLOCK_P(n) clock_arg(PG_GETARG_DATUM(n))

/* a clock argument, detoasted; the aggregate's working state is refused */
static inline SlaClock *
clock_arg(Datum d)
{
	SlaClock   *c = (SlaClock *) PG_DETOAST_DATUM(d);

	if (c->version != SLA_CLOCK_VERSION)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("not a finished sla_clock value"),
				errdetail("The state of the sla_clock aggregate is a clock only after sla_clock_final."));
	return c;
}

static inline char *
clock_names(const SlaClock *c)
{
	return (char *) &c->seg[c->segcap];
}

static inline const char *
clock_seg_name(const SlaClock *c, int i)
{
	return c->seg[i].name < 0 ? NULL : clock_names(c) + c->seg[i].name;
}

/* one open-to-stop stretch of a clock as of an instant */
typedef struct ClockCycle
{
	TimestampTz start;
	bool		open;			/* not stopped as of then */
	TimestampTz done;
	int			lo;				/* its segments: lo .. hi - 1 */
	int			hi;
	SlaPauses	pauses;			/* sorted, disjoint */
} ClockCycle;

/* t in UTC, "2026-11-23 09:00:00+00", whatever the session's settings */
extern void clock_append_ts(StringInfo buf, TimestampTz t);

/* sorted, disjoint pauses as a tstzmultirange */
extern MultirangeType *clock_pauses_multirange(const TimestampTz *iv, int n);

/* per pause of a cycle, the statuses behind it ('A', 'B'), for sla_clock_explain */
extern char **clock_pause_names(const SlaClock *c, const ClockCycle *cy);

/* the cycles of c as of as_of (none before it starts) */
extern int	clock_cycles(const SlaClock *c, TimestampTz as_of, ClockCycle **out);

/* one priority period of a cycle, for sla_clock_explain */
typedef struct ClockPeriodRow
{
	TimestampTz from;
	TimestampTz to;
	int64		business;		/* business time from..to, pauses honoured */
	char	   *rule;			/* the priority and its target */
} ClockPeriodRow;

/* a clock judged under a policy and a reading, for sla_clock_explain */
typedef struct ClockExplained
{
	int			ncy;
	ClockCycle *cy;
	const Interval **targets;	/* per cycle, the target it is judged by (NULL: none) */
	int		   *nper;			/* per cycle, its priority periods */
	ClockPeriodRow **per;
} ClockExplained;

extern bool clock_explain_policy(FunctionCallInfo fcinfo, WinSched *ws, TimestampTz *as_of,
								 ClockExplained *x);

#endif							/* MS_CLOCK_H */
