/*
 * schedcache.h
 *		A per-call-site cache (fn_extra) of the schedule values a function is
 *		called with, keyed by their bytes, each with what the type derives
 *		from it once (thresholds as numerics, tier bounds): credit_schedule's
 *		sla_credit and friends and price_schedule's charge share it.
 *
 * Rows usually carry the schedules of a few contracts, in any order (a hash
 * join).  The last hit is tried first; then a set of up to SC_WAYS slots
 * chosen by a hash of the bytes, so that a few schedules never evict each
 * other.  The stored bytes are compared as they come, short header and all:
 * no copy per row.  Each slot holds an aligned copy with a 4-byte header and
 * a memory context for what the type derives, reset when the slot is reused.
 */
#ifndef MS_SCHEDCACHE_H
#define MS_SCHEDCACHE_H

#include "managed_services.h"

#define SC_WAYS 4

typedef struct SchedSlot
{
	struct varlena *value;		/* the copy (mcxt); NULL: an empty slot */
	Size		len;			/* bytes of its payload */
	MemoryContext mcxt;			/* owns the copy and data; reset on reuse */
	void	   *data;			/* the type's derived data; NULL until it sets it */
} SchedSlot;

typedef struct SchedCache
{
	SchedSlot  *last;
	int			nslots;
	uint32		next_victim;
	void	   *extra;			/* the type's per-call-site data (fn_mcxt), or NULL */
	void	   *caller;			/* the calling function's own (fn_mcxt), or NULL */
	SchedSlot	slot[FLEXIBLE_ARRAY_MEMBER];
} SchedCache;

/*
 * The slot of argument argno (a varlena, NULL not allowed) in the cache of
 * fcinfo's call site, made with nslots slots on first use.  A new slot has
 * data NULL; its copy has at least min_size bytes, zeroed past the value.
 */
extern SchedSlot *sched_cached(FunctionCallInfo fcinfo, int argno, int nslots, Size min_size);

/* the cache of fcinfo's call site, made with nslots slots if it has none */
extern SchedCache *sched_cache_make(FunctionCallInfo fcinfo, int nslots);

static inline SchedCache *
sched_cache(FunctionCallInfo fcinfo)
{
	return (SchedCache *) fcinfo->flinfo->fn_extra;
}

#endif							/* MS_SCHEDCACHE_H */
