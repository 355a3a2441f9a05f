/*
 * schedcache.c
 *		The per-call-site cache of schedule values (see schedcache.h).
 */
#include "schedcache.h"

#include "common/hashfn.h"
#include "utils/memutils.h"

static inline bool
slot_holds(const SchedSlot *s, const char *payload, Size len)
{
	return s->value != NULL && s->len == len && memcmp(VARDATA(s->value), payload, len) == 0;
}

SchedCache *
sched_cache_make(FunctionCallInfo fcinfo, int nslots)
{
	SchedCache *c = sched_cache(fcinfo);

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
								   offsetof(SchedCache, slot) + sizeof(SchedSlot) * nslots);
		c->nslots = nslots;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

SchedSlot *
sched_cached(FunctionCallInfo fcinfo, int argno, int nslots, Size min_size)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	SchedCache *c = sched_cache(fcinfo);
	const char *payload;
	Size		len;
	int			base = 0,
				ways = nslots;
	SchedSlot  *s;
	SchedSlot  *victim = NULL;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v);
	payload = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);

	if (c == NULL)
		c = sched_cache_make(fcinfo, nslots);
	s = c->last;
	if (s != NULL && slot_holds(s, payload, len))
		return s;

	if (c->nslots > SC_WAYS)
	{
		ways = SC_WAYS;
		base = (int) (hash_bytes((const unsigned char *) payload, (int) len) % (c->nslots / SC_WAYS)) * SC_WAYS;
	}
	else
		ways = c->nslots;
	for (int i = 0; i < ways; i++)
	{
		s = &c->slot[base + i];
		if (slot_holds(s, payload, len))
		{
			c->last = s;
			return s;
		}
		if (s->value == NULL && victim == NULL)
			victim = s;
	}

	/* a new value: an empty slot of the set, else the next in turn */
	if (victim == NULL)
		victim = &c->slot[base + (int) (c->next_victim++ % (uint32) ways)];
	if (victim->mcxt == NULL)
		victim->mcxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "schedule cache",
											 ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(victim->mcxt);
	victim->data = NULL;
	victim->value = MemoryContextAllocZero(victim->mcxt, Max(VARHDRSZ + len, min_size));
	SET_VARSIZE(victim->value, VARHDRSZ + len);
	memcpy(VARDATA(victim->value), payload, len);
	victim->len = len;
	c->last = victim;
	return victim;
}
