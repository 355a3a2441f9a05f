/*
 * clock.c
 *		The SLA clock from a ticket's status log (DESIGN section 3b): the
 *		sla_clock_rules type, the sla_clock type and the sla_clock aggregate.
 *
 * Rules text:
 *
 *	rules	:= term (';' term)*
 *	term	:= ('start' | 'pause' | 'stop') 'on' status (',' status)*
 *			 | 'reopen' ('continues' | 'restarts' | 'ignored')
 *	status	:= 'quoted text' ('' for a quote inside) | bare text up to , or ;
 *
 * Statuses are trimmed and compare case-insensitively (ASCII letters); the
 * canonical text quotes each as first written, terms in the order start,
 * pause, stop, reopen.
 *
 * Clock text: "reopen MODE; last TIME; TIME KIND ['status'] [SEVn]; ..."
 * with times in UTC ("2026-11-23 09:00:00+00", microseconds when there are
 * any), so that it reads back exactly whatever the session's settings.
 */
#include "clock.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "common/pg_prng.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(sla_clock_rules_in);
PG_FUNCTION_INFO_V1(sla_clock_rules_out);
PG_FUNCTION_INFO_V1(sla_clock_rules_recv);
PG_FUNCTION_INFO_V1(sla_clock_rules_send);
PG_FUNCTION_INFO_V1(sla_clock_in);
PG_FUNCTION_INFO_V1(sla_clock_out);
PG_FUNCTION_INFO_V1(sla_clock_recv);
PG_FUNCTION_INFO_V1(sla_clock_send);
PG_FUNCTION_INFO_V1(sla_clock_trans);
PG_FUNCTION_INFO_V1(sla_clock_final);

static const char *const term_words[] = {"start", "pause", "stop"};
static const char *const reopen_words[] = {"continues", "restarts", "ignored"};
static const char *const seg_words[] = {"unstarted", "running", "paused", "stopped"};

/* ---------------------------------------------------------------------
 * rules
 * --------------------------------------------------------------------- */

/* a status of the rules being built */
typedef struct RuleStatus
{
	int			kind;
	const char *name;
	int			len;
} RuleStatus;

typedef struct RulesBuild
{
	int			n;
	RuleStatus	st[CLOCK_MAX_STATUSES];
	int			reopen;			/* -1 until given */
	bool		seen[3];
} RulesBuild;

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* equal after trimming, ASCII letters case-insensitively */
static bool
status_eq(const char *a, int alen, const char *b, int blen)
{
	return alen == blen && pg_strncasecmp(a, b, alen) == 0;
}

/*
 * Add a status to a term; NULL when fine, else why not (the contradiction
 * names both terms).
 */
static const char *
rules_add(RulesBuild *rb, int kind, const char *name, int len)
{
	if (len == 0)
		return "a status is empty.";
	if (len > CLOCK_MAX_STATUS_LEN)
		return psprintf("a status is longer than %d bytes.", CLOCK_MAX_STATUS_LEN);
	if (memchr(name, '\0', len) != NULL)
		return "a status contains a zero byte.";
	if (is_space(name[0]) || is_space(name[len - 1]))
		return "a status has spaces around it.";
	if (rb->n >= CLOCK_MAX_STATUSES)
		return psprintf("more than %d statuses.", CLOCK_MAX_STATUSES);
	for (int i = 0; i < rb->n; i++)
		if (status_eq(rb->st[i].name, rb->st[i].len, name, len))
		{
			int			show = pg_mbcliplen(name, len, 40);

			if (rb->st[i].kind == kind)
				return psprintf("'%.*s' appears twice in \"%s on\".", show, name,
								term_words[kind]);
			return psprintf("'%.*s' is in both \"%s on\" and \"%s on\": a status belongs to one term.",
							show, name, term_words[rb->st[i].kind], term_words[kind]);
		}
	rb->st[rb->n].kind = kind;
	rb->st[rb->n].name = name;
	rb->st[rb->n].len = len;
	rb->n++;
	return NULL;
}

static SlaClockRules *
rules_make(const RulesBuild *rb)
{
	Size		sz = offsetof(SlaClockRules, data);
	SlaClockRules *r;
	char	   *p;

	for (int i = 0; i < rb->n; i++)
		sz += 1 + rb->st[i].len + 1;
	r = palloc0(sz);
	SET_VARSIZE(r, sz);
	r->version = SLA_CLOCK_RULES_VERSION;
	r->reopen = (uint8) (rb->reopen < 0 ? CLOCK_REOPEN_CONTINUES : rb->reopen);
	r->nstatus = (uint16) rb->n;
	p = r->data;
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < rb->n; i++)
		{
			if (rb->st[i].kind != k)
				continue;
			*p++ = (char) k;
			memcpy(p, rb->st[i].name, rb->st[i].len);
			p += rb->st[i].len;
			*p++ = '\0';
		}
	return r;
}

typedef struct RulesParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
	RulesBuild *rb;
} RulesParser;

#define rules_error(ps, at, ...) \
	ms_syntax_error((ps)->escontext, "sla_clock_rules", (ps)->str, (at), __VA_ARGS__)

static void
rskip(RulesParser *ps)
{
	while (is_space(*ps->p))
		ps->p++;
}

/* one status, quoted or bare; its trimmed text in *out */
static bool
parse_status(RulesParser *ps, StringInfo out)
{
	rskip(ps);
	resetStringInfo(out);
	if (*ps->p == '\'')
	{
		const char *at = ps->p++;

		for (;;)
		{
			if (*ps->p == '\0')
				return rules_error(ps, at, "unterminated quoted status.");
			if (*ps->p == '\'')
			{
				if (ps->p[1] != '\'')
					break;
				ps->p++;
			}
			appendStringInfoChar(out, *ps->p++);
		}
		ps->p++;
	}
	else
	{
		while (*ps->p && *ps->p != ',' && *ps->p != ';')
		{
			if (*ps->p == '\'')
				return rules_error(ps, ps->p, "a quote inside a status: write the status quoted, with the quote doubled ('Customer''s turn').");
			appendStringInfoChar(out, *ps->p++);
		}
	}
	/* trimmed: statuses compare after trimming */
	while (out->len > 0 && is_space(out->data[out->len - 1]))
		out->data[--out->len] = '\0';
	{
		int			lead = 0;

		while (lead < out->len && is_space(out->data[lead]))
			lead++;
		if (lead > 0)
		{
			memmove(out->data, out->data + lead, out->len - lead + 1);
			out->len -= lead;
		}
	}
	return true;
}

static bool
parse_status_list(RulesParser *ps, int kind)
{
	StringInfoData s;

	initStringInfo(&s);
	for (;;)
	{
		const char *at;
		const char *problem;

		rskip(ps);
		at = ps->p;
		if (!parse_status(ps, &s))
			return false;
		if (s.len == 0)
			return rules_error(ps, at, "expected a status after \"%s on\" or \",\".", term_words[kind]);
		problem = rules_add(ps->rb, kind, pstrdup(s.data), s.len);
		if (problem)
			return rules_error(ps, at, "%s", problem);
		rskip(ps);
		if (*ps->p != ',')
			return true;
		ps->p++;
	}
}

static bool
parse_term(RulesParser *ps)
{
	const char *at = ps->p;
	int			len = ms_alpha_len(at);
	int			kind = -1;

	for (int k = 0; k < 3; k++)
		if (ms_word_is(at, len, term_words[k]))
			kind = k;
	if (kind < 0 && ms_word_is(at, len, "reopen"))
	{
		const char *m;
		int			mlen;

		if (ps->rb->reopen >= 0)
			return rules_error(ps, at, "\"reopen\" appears twice.");
		ps->p += len;
		rskip(ps);
		m = ps->p;
		mlen = ms_alpha_len(m);
		for (int r = 0; r < 3; r++)
			if (ms_word_is(m, mlen, reopen_words[r]))
				ps->rb->reopen = r;
		if (ps->rb->reopen < 0)
			return rules_error(ps, m, "expected \"continues\", \"restarts\" or \"ignored\" after \"reopen\".");
		ps->p += mlen;
		return true;
	}
	if (kind < 0)
		return rules_error(ps, at, "expected \"start on\", \"pause on\", \"stop on\" or \"reopen\".");
	if (ps->rb->seen[kind])
		return rules_error(ps, at, "\"%s on\" appears twice: list its statuses once, separated by commas.",
						   term_words[kind]);
	ps->rb->seen[kind] = true;
	ps->p += len;
	rskip(ps);
	if (!ms_word_is(ps->p, ms_alpha_len(ps->p), "on"))
		return rules_error(ps, ps->p, "expected \"on\" after \"%s\".", term_words[kind]);
	ps->p += 2;
	return parse_status_list(ps, kind);
}

static bool
parse_rules(RulesParser *ps)
{
	rskip(ps);
	if (*ps->p == '\0')
		return rules_error(ps, ps->p, "the value is empty: expected rules such as \"pause on 'Pending'; stop on 'Resolved'\".");
	for (;;)
	{
		rskip(ps);
		if (!parse_term(ps))
			return false;
		rskip(ps);
		if (*ps->p == ';')
		{
			ps->p++;
			rskip(ps);
			if (*ps->p != '\0')
				continue;
		}
		if (*ps->p != '\0')
			return rules_error(ps, ps->p, "expected \";\" or the end after a term.");
		break;
	}
	if (!ps->rb->seen[CLOCK_STOP])
		return rules_error(ps, ps->p, "\"stop on\" is required: the statuses that stop the clock.");
	return true;
}

static RulesBuild *
rules_build_new(void)
{
	RulesBuild *rb = palloc0(sizeof(RulesBuild));

	rb->reopen = -1;
	return rb;
}

Datum
sla_clock_rules_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RulesParser ps;

	ps.str = str;
	ps.p = str;
	ps.escontext = fcinfo->context;
	ps.rb = rules_build_new();
	if (!parse_rules(&ps))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(rules_make(ps.rb));
}

static void
append_quoted(StringInfo buf, const char *s)
{
	appendStringInfoChar(buf, '\'');
	for (; *s; s++)
	{
		if (*s == '\'')
			appendStringInfoChar(buf, '\'');
		appendStringInfoChar(buf, *s);
	}
	appendStringInfoChar(buf, '\'');
}

Datum
sla_clock_rules_out(PG_FUNCTION_ARGS)
{
	SlaClockRules *r = PG_GETARG_SLA_CLOCK_RULES_P(0);
	StringInfoData buf;
	const char *p = r->data;
	int			last = -1;

	initStringInfo(&buf);
	for (int i = 0; i < r->nstatus; i++)
	{
		int			kind = *p++;

		if (kind != last)
			appendStringInfo(&buf, "%s%s on ", last < 0 ? "" : "; ", term_words[kind]);
		else
			appendStringInfoString(&buf, ", ");
		append_quoted(&buf, p);
		p += strlen(p) + 1;
		last = kind;
	}
	appendStringInfo(&buf, "; reopen %s", reopen_words[r->reopen]);
	PG_RETURN_CSTRING(buf.data);
}

Datum
sla_clock_rules_send(PG_FUNCTION_ARGS)
{
	SlaClockRules *r = PG_GETARG_SLA_CLOCK_RULES_P(0);
	StringInfoData buf;
	const char *p = r->data;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SLA_CLOCK_RULES_VERSION);
	pq_sendbyte(&buf, r->reopen);
	pq_sendint32(&buf, r->nstatus);
	for (int i = 0; i < r->nstatus; i++)
	{
		pq_sendbyte(&buf, *p++);
		pq_sendstring(&buf, p);
		p += strlen(p) + 1;
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void pg_attribute_noreturn()
bad_binary(const char *type, const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary %s", type),
			errdetail("%s", detail));
}

/* the same checks as the text input, through the same rules_add */
Datum
sla_clock_rules_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RulesBuild *rb = rules_build_new();
	int			version = pq_getmsgbyte(buf);
	int			n;
	int			last = 0;

	if (version != SLA_CLOCK_RULES_VERSION)
		bad_binary("sla_clock_rules", psprintf("Unsupported version %d.", version));
	rb->reopen = pq_getmsgbyte(buf);
	if (rb->reopen > CLOCK_REOPEN_IGNORED)
		bad_binary("sla_clock_rules", "Unknown reopen rule.");
	n = (int) pq_getmsgint(buf, 4);
	if (n < 1 || n > CLOCK_MAX_STATUSES)
		bad_binary("sla_clock_rules", "Bad status count.");
	for (int i = 0; i < n; i++)
	{
		int			kind = pq_getmsgbyte(buf);
		const char *name;
		const char *problem;

		if (kind > CLOCK_STOP || kind < last)
			bad_binary("sla_clock_rules", "Bad or unordered term.");
		last = kind;
		rb->seen[kind] = true;
		name = pstrdup(pq_getmsgstring(buf));
		problem = rules_add(rb, kind, name, strlen(name));
		if (problem)
			bad_binary("sla_clock_rules", problem);
	}
	pq_getmsgend(buf);
	if (!rb->seen[CLOCK_STOP])
		bad_binary("sla_clock_rules", "No stop status.");
	PG_RETURN_POINTER(rules_make(rb));
}

/* a status (*s, *len bytes) without its leading and trailing spaces */
static void
trim_status(const char **s, int *len)
{
	while (*len > 0 && is_space(**s))
		(*s)++, (*len)--;
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

/* what a status (untrimmed) does under the rules */
static int
rules_classify(const SlaClockRules *r, const char *s, int len, bool *has_start)
{
	const char *p = r->data;
	int			found = CLOCK_OTHER;

	trim_status(&s, &len);
	*has_start = false;
	for (int i = 0; i < r->nstatus; i++)
	{
		int			kind = *p++;
		int			nlen = strlen(p);

		if (kind == CLOCK_START)
			*has_start = true;
		if (found == CLOCK_OTHER && status_eq(p, nlen, s, len))
			found = kind;
		p += nlen + 1;
	}
	return found;
}

/* ---------------------------------------------------------------------
 * the clock value
 * --------------------------------------------------------------------- */

static SlaClock *
clock_alloc(int segcap, int namecap)
{
	Size		sz = CLOCK_HDRSZ + sizeof(ClockSeg) * segcap + namecap;
	SlaClock   *c = palloc(sz);

	/* the segments and names are written as they are added */
	memset(c, 0, CLOCK_HDRSZ);

	SET_VARSIZE(c, sz);
	c->version = SLA_CLOCK_VERSION;
	c->segcap = segcap;
	c->namecap = namecap;
	return c;
}

/* a copy with room for at least segcap segments and namecap bytes of names */
static SlaClock *
clock_resized(const SlaClock *c, int segcap, int namecap)
{
	SlaClock   *n;

	if ((Size) segcap * sizeof(ClockSeg) + namecap > MaxAllocSize / 2)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("sla_clock has too many events"));
	n = clock_alloc(segcap, namecap);
	n->reopen = c->reopen;
	n->nseg = c->nseg;
	n->namelen = c->namelen;
	n->last = c->last;
	memcpy(n->seg, c->seg, sizeof(ClockSeg) * c->nseg);
	memcpy(clock_names(n), clock_names(c), c->namelen);
	return n;
}

/* add name (len bytes, room checked) to c's names; its offset */
static int32
clock_name_append(SlaClock *c, const char *name, int len)
{
	int32		off = c->namelen;

	memcpy(clock_names(c) + off, name, len);
	clock_names(c)[off + len] = '\0';
	c->namelen += len + 1;
	return off;
}

/* the offset of name (len bytes) in c's names, adding it; -1 when no room */
static int32
clock_name_ref(SlaClock *c, const char *name, int len)
{
	char	   *names = clock_names(c);
	int32		off = 0;

	while (off < c->namelen)
	{
		int			l = strlen(names + off);

		if (l == len && memcmp(names + off, name, len) == 0)
			return off;
		off += l + 1;
	}
	if (c->namelen + len + 1 > c->namecap)
		return -1;
	return clock_name_append(c, name, len);
}

/*
 * Append a segment (kind, the name at offset ref or -1, prio) at t unless
 * nothing changes; returns the clock, a larger copy when it had no room.
 * Names are stored once, so equal offsets are equal names.
 */
static SlaClock *
clock_push_ref(SlaClock *c, TimestampTz t, int kind, int32 ref, int prio)
{
	if (c->nseg == 0 && kind == SEG_UNSTARTED && prio < 0)
		return c;				/* nothing known yet */
	if (c->nseg > 0)
	{
		ClockSeg   *l = &c->seg[c->nseg - 1];

		if (l->kind == kind && l->prio == prio && l->name == ref)
			return c;
	}
	if (c->nseg == c->segcap)
		c = clock_resized(c, c->segcap * 2, c->namecap);
	c->seg[c->nseg].at = t;
	c->seg[c->nseg].name = ref;
	c->seg[c->nseg].kind = (int8) kind;
	c->seg[c->nseg].prio = (int8) prio;
	c->seg[c->nseg].pad = 0;
	c->nseg++;
	return c;
}

/*
 * The names placed in a clock being built from nothing, so that a name
 * costs a comparison with the few already there (by the caller's pointer
 * first: the replay passes each status's one copy in its dictionary), not
 * a scan of the names area.  Past CLOCK_NAME_CACHE names, the scan.
 */
#define CLOCK_NAME_CACHE 16

typedef struct ClockNameCache
{
	int			n;
	const char *ptr[CLOCK_NAME_CACHE];
	int			len[CLOCK_NAME_CACHE];
	int32		ref[CLOCK_NAME_CACHE];
} ClockNameCache;

/* the offset of name (len bytes) in *c's names, adding it (*c may grow) */
static int32
clock_ref_for(SlaClock **c, const char *name, int len, ClockNameCache *nc)
{
	int32		ref;

	if (nc && nc->n <= CLOCK_NAME_CACHE)
	{
		for (int i = 0; i < nc->n; i++)
			if (nc->ptr[i] == name ||
				(nc->len[i] == len && memcmp(clock_names(*c) + nc->ref[i], name, len) == 0))
				return nc->ref[i];
		/* every name of *c is in the cache: this one is new */
		if ((*c)->namelen + len + 1 > (*c)->namecap)
			*c = clock_resized(*c, (*c)->segcap, Max((*c)->namecap * 2, (*c)->namelen + len + 1));
		ref = clock_name_append(*c, name, len);
		if (nc->n < CLOCK_NAME_CACHE)
		{
			nc->ptr[nc->n] = name;
			nc->len[nc->n] = len;
			nc->ref[nc->n] = ref;
		}
		nc->n++;
		return ref;
	}
	ref = clock_name_ref(*c, name, len);
	if (ref < 0)
	{
		*c = clock_resized(*c, (*c)->segcap, Max((*c)->namecap * 2, (*c)->namelen + len + 1));
		ref = clock_name_ref(*c, name, len);
	}
	return ref;
}

/* clock_push_ref with the name given as text (NULL for none) */
static SlaClock *
clock_push(SlaClock *c, TimestampTz t, int kind, const char *name, int len, int prio)
{
	int32		ref;

	if (c->nseg == 0 && kind == SEG_UNSTARTED && prio < 0)
		return c;
	/* the name first: placing it may move the clock */
	ref = name ? clock_ref_for(&c, name, len, NULL) : -1;
	return clock_push_ref(c, t, kind, ref, prio);
}

/*
 * The problem with a clock's timeline, or NULL: what the text and binary
 * inputs accept is what the aggregate can build.
 */
static const char *
clock_problem(const SlaClock *c)
{
	bool		started = false;
	bool		stopped = false;

	if (c->reopen > CLOCK_REOPEN_IGNORED)
		return "unknown reopen rule";
	for (int i = 0; i < c->nseg; i++)
	{
		const ClockSeg *s = &c->seg[i];
		const ClockSeg *p = i > 0 ? &c->seg[i - 1] : NULL;

		if (s->kind < SEG_UNSTARTED || s->kind > SEG_STOPPED || s->prio < -1 || s->prio > SEVERITY_MAX)
			return "bad segment";
		if (p && s->at < p->at)
			return "segments out of order";
		if (s->kind == SEG_UNSTARTED ? (started || s->name >= 0) : s->name < 0)
			return "an unstarted segment after the start, or a segment without its status";
		if ((p && p->kind == s->kind && p->prio == s->prio && p->name == s->name) ||
			(!p && s->kind == SEG_UNSTARTED && s->prio < 0))
			return "a segment that changes nothing";
		if (p && p->kind == SEG_STOPPED && s->kind == SEG_STOPPED && p->name != s->name)
			return "a stop that changes its status";
		if (stopped && c->reopen == CLOCK_REOPEN_IGNORED && s->kind != SEG_STOPPED)
			return "a reopening under \"reopen ignored\"";
		started |= s->kind != SEG_UNSTARTED;
		stopped |= s->kind == SEG_STOPPED;
	}
	if (c->nseg > 0 && c->last < c->seg[c->nseg - 1].at)
		return "the last event before a segment";
	if (c->last < WIN_MIN_TS || c->last > WIN_MAX_TS)
		return "the last event out of range";
	return NULL;
}

void
clock_append_ts(StringInfo buf, TimestampTz t)
{
	int64		days = t / USECS_PER_DAY;
	int64		us = t - days * USECS_PER_DAY;
	int			y,
				m,
				d;

	if (us < 0)
	{
		days--;
		us += USECS_PER_DAY;
	}
	j2date((int) days + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	appendStringInfo(buf, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d,
					 (int) (us / USECS_PER_HOUR), (int) (us / USECS_PER_MINUTE % 60),
					 (int) (us / USECS_PER_SEC % 60));
	if (us % USECS_PER_SEC)
		appendStringInfo(buf, ".%06d", (int) (us % USECS_PER_SEC));
	appendStringInfoString(buf, "+00");
}

Datum
sla_clock_out(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_SLA_CLOCK_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "reopen %s; last ", reopen_words[c->reopen]);
	clock_append_ts(&buf, c->last);
	for (int i = 0; i < c->nseg; i++)
	{
		appendStringInfoString(&buf, "; ");
		clock_append_ts(&buf, c->seg[i].at);
		appendStringInfo(&buf, " %s", seg_words[c->seg[i].kind]);
		if (c->seg[i].name >= 0)
		{
			appendStringInfoChar(&buf, ' ');
			append_quoted(&buf, clock_seg_name(c, i));
		}
		if (c->seg[i].prio >= 0)
			appendStringInfo(&buf, " SEV%d", c->seg[i].prio);
	}
	PG_RETURN_CSTRING(buf.data);
}

typedef struct ClockParser
{
	const char *str;
	const char *p;
	Node	   *escontext;
} ClockParser;

#define clock_error(ps, at, ...) \
	ms_syntax_error((ps)->escontext, "sla_clock", (ps)->str, (at), __VA_ARGS__)

static bool
digits(ClockParser *ps, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++)
	{
		if (!isdigit((unsigned char) ps->p[i]))
			return false;
		*v = *v * 10 + (ps->p[i] - '0');
	}
	ps->p += n;
	return true;
}

/* YYYY-MM-DD HH:MM:SS[.ffffff]+00, as append_ts writes it */
static bool
parse_ts(ClockParser *ps, TimestampTz *t)
{
	const char *at = ps->p;
	int			y,
				m,
				d,
				hh,
				mi,
				ss,
				us = 0;

	if (!digits(ps, 4, &y) || *ps->p++ != '-' || !digits(ps, 2, &m) || *ps->p++ != '-' ||
		!digits(ps, 2, &d) || *ps->p++ != ' ' || !digits(ps, 2, &hh) || *ps->p++ != ':' ||
		!digits(ps, 2, &mi) || *ps->p++ != ':' || !digits(ps, 2, &ss))
		return clock_error(ps, at, "expected a time such as 2026-11-23 09:00:00+00.");
	if (*ps->p == '.')
	{
		ps->p++;
		if (!digits(ps, 6, &us) || us == 0)
			return clock_error(ps, at, "expected six digits of microseconds, not all zero.");
	}
	if (strncmp(ps->p, "+00", 3) != 0)
		return clock_error(ps, at, "expected the time in UTC, ending \"+00\".");
	ps->p += 3;
	if (m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1] || hh > 23 || mi > 59 || ss > 59)
		return clock_error(ps, at, "no such date or time.");
	*t = ((TimestampTz) (date2j(y, m, d) - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY) +
		hh * USECS_PER_HOUR + mi * USECS_PER_MINUTE + (int64) ss * USECS_PER_SEC + us;
	if (*t < WIN_MIN_TS || *t > WIN_MAX_TS)
		return clock_error(ps, at, "times are supported from 1900 to 2300.");
	return true;
}

/* one segment after its time: KIND ['status'] [SEVn] */
static bool
parse_seg(ClockParser *ps, SlaClock **c, TimestampTz t)
{
	const char *at = ps->p;
	int			len = ms_alpha_len(at);
	int			kind = -1;
	StringInfoData name;
	int			prio = -1;

	for (int k = 0; k < 4; k++)
		if (len == (int) strlen(seg_words[k]) && strncmp(at, seg_words[k], len) == 0)
			kind = k;
	if (kind < 0)
		return clock_error(ps, at, "expected unstarted, running, paused or stopped.");
	ps->p += len;
	initStringInfo(&name);
	if (ps->p[0] == ' ' && ps->p[1] == '\'')
	{
		RulesParser rp = {ps->str, ps->p + 1, ps->escontext, NULL};

		if (!parse_status(&rp, &name))
			return false;
		ps->p = rp.p;
		if (name.len == 0)
			return clock_error(ps, at, "a status is empty.");
	}
	if (strncmp(ps->p, " SEV", 4) == 0 && ps->p[4] >= '0' && ps->p[4] <= '0' + SEVERITY_MAX)
	{
		prio = ps->p[4] - '0';
		ps->p += 5;
	}
	if (name.len > CLOCK_MAX_STATUS_LEN)
		return clock_error(ps, at, "a status is longer than %d bytes.", CLOCK_MAX_STATUS_LEN);
	*c = clock_push(*c, t, kind, name.len ? name.data : NULL, name.len, prio);
	return true;
}

static bool
parse_clock(ClockParser *ps, SlaClock **c)
{
	int			r = -1;
	int			len;
	const char *problem;

	if (strncmp(ps->p, "reopen ", 7) != 0)
		return clock_error(ps, ps->p, "expected \"reopen continues\", \"reopen restarts\" or \"reopen ignored\".");
	ps->p += 7;
	len = ms_alpha_len(ps->p);
	for (int k = 0; k < 3; k++)
		if (len == (int) strlen(reopen_words[k]) && strncmp(ps->p, reopen_words[k], len) == 0)
			r = k;
	if (r < 0)
		return clock_error(ps, ps->p, "expected continues, restarts or ignored.");
	(*c)->reopen = (uint8) r;
	ps->p += len;
	if (strncmp(ps->p, "; last ", 7) != 0)
		return clock_error(ps, ps->p, "expected \"; last\" and the time of the last event.");
	ps->p += 7;
	if (!parse_ts(ps, &(*c)->last))
		return false;
	while (*ps->p)
	{
		TimestampTz t;
		int			before = (*c)->nseg;

		if (strncmp(ps->p, "; ", 2) != 0)
			return clock_error(ps, ps->p, "expected \"; \" and a segment, or the end.");
		ps->p += 2;
		if (!parse_ts(ps, &t))
			return false;
		if (*ps->p++ != ' ')
			return clock_error(ps, ps->p - 1, "expected a space after the time.");
		if (!parse_seg(ps, c, t))
			return false;
		if ((*c)->nseg == before)
			return clock_error(ps, ps->p, "a segment that changes nothing.");
	}
	problem = clock_problem(*c);
	if (problem)
		return clock_error(ps, ps->p, "the timeline is not one the aggregate builds: %s.", problem);
	return true;
}

/* a finished value: no room to grow */
static SlaClock *
clock_compact(const SlaClock *c)
{
	return clock_resized(c, c->nseg, c->namelen);
}

Datum
sla_clock_in(PG_FUNCTION_ARGS)
{
	ClockParser ps;
	SlaClock   *c = clock_alloc(4, 64);

	ps.str = PG_GETARG_CSTRING(0);
	ps.p = ps.str;
	ps.escontext = fcinfo->context;
	if (!parse_clock(&ps, &c))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(clock_compact(c));
}

Datum
sla_clock_send(PG_FUNCTION_ARGS)
{
	SlaClock   *c = PG_GETARG_SLA_CLOCK_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SLA_CLOCK_VERSION);
	pq_sendbyte(&buf, c->reopen);
	pq_sendint64(&buf, c->last);
	pq_sendint32(&buf, c->nseg);
	for (int i = 0; i < c->nseg; i++)
	{
		const char *name = clock_seg_name(c, i);

		pq_sendint64(&buf, c->seg[i].at);
		pq_sendbyte(&buf, c->seg[i].kind);
		pq_sendbyte(&buf, (uint8) (c->seg[i].prio + 1));
		pq_sendstring(&buf, name ? name : "");
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* rebuilt segment by segment, as the text input does, and checked the same */
Datum
sla_clock_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SlaClock   *c = clock_alloc(4, 64);
	int			version = pq_getmsgbyte(buf);
	int			n;
	const char *problem;

	if (version != SLA_CLOCK_VERSION)
		bad_binary("sla_clock", psprintf("Unsupported version %d.", version));
	c->reopen = pq_getmsgbyte(buf);
	c->last = pq_getmsgint64(buf);
	n = (int) pq_getmsgint(buf, 4);
	if (n < 0 || n > (buf->len - buf->cursor) / 11)
		bad_binary("sla_clock", "Bad segment count.");
	for (int i = 0; i < n; i++)
	{
		TimestampTz t = pq_getmsgint64(buf);
		int			kind = pq_getmsgbyte(buf);
		int			prio = pq_getmsgbyte(buf) - 1;
		const char *name = pq_getmsgstring(buf);
		int			len = strlen(name);

		if (t < WIN_MIN_TS || t > WIN_MAX_TS)
			bad_binary("sla_clock", "Time out of range.");
		if (len > CLOCK_MAX_STATUS_LEN || (len > 0 && (is_space(name[0]) || is_space(name[len - 1]))))
			bad_binary("sla_clock", "Bad status.");
		if (kind > SEG_STOPPED || prio > SEVERITY_MAX)
			bad_binary("sla_clock", "Bad segment.");
		{
			int			before = c->nseg;

			c = clock_push(c, t, kind, len ? name : NULL, len, prio);
			if (c->nseg == before)
				bad_binary("sla_clock", "A segment that changes nothing.");
		}
	}
	pq_getmsgend(buf);
	problem = clock_problem(c);
	if (problem)
		bad_binary("sla_clock", problem);
	PG_RETURN_POINTER(clock_compact(c));
}

/* ---------------------------------------------------------------------
 * the aggregate: sla_clock(rules, at, status [, priority] [ORDER BY at, seq])
 * --------------------------------------------------------------------- */

/*
 * One event, in time order, into a clock being built: a segment where it
 * changes the state, the status or the priority.  status is trimmed and
 * clipped, NULL for none.  Returns the clock, a larger copy when it had no
 * room.
 */
static SlaClock *
clock_event(SlaClock *c, int what, bool has_start, TimestampTz t,
			const char *status, int len, int prio, ClockNameCache *nc)
{
	int			last = c->nseg > 0 ? c->seg[c->nseg - 1].kind : SEG_UNSTARTED;
	int32		lref = c->nseg > 0 ? c->seg[c->nseg - 1].name : -1;
	int			lprio = c->nseg > 0 ? c->seg[c->nseg - 1].prio : -1;
	int			kind;
	int32		ref;

	if (prio < 0)
		prio = lprio;
	if (status == NULL)
		return clock_push_ref(c, t, last, lref, prio);
	if (last == SEG_STOPPED)
	{
		/* a run of stops stops at the first; after it, ignored stands */
		if (what == CLOCK_STOP || c->reopen == CLOCK_REOPEN_IGNORED)
			return clock_push_ref(c, t, last, lref, prio);
	}
	else if (last == SEG_UNSTARTED && has_start && what != CLOCK_START && what != CLOCK_STOP)
		/* before the start: the priority only */
		return clock_push_ref(c, t, SEG_UNSTARTED, -1, prio);
	kind = what == CLOCK_STOP ? SEG_STOPPED : what == CLOCK_PAUSE ? SEG_PAUSED : SEG_RUNNING;
	/* the name first: placing it may move the clock */
	ref = clock_ref_for(&c, status, len, nc);
	return clock_push_ref(c, t, kind, ref, prio);
}

/*
 * The aggregate gathers a ticket's events as received and the final
 * function replays them in time order (events at one instant in the order
 * received).  So a call needs no ORDER BY unless the log has equal times,
 * and the plan may hash the tickets instead of sorting the log.
 *
 * Per call site (fn_extra): the rules, detoasted once, and a dictionary of
 * the statuses seen, each with what it does under the rules; an event in
 * the state is its time and 4 bytes (the status's entry, what it does, its
 * priority), so that a ticket's state stays small and an event costs a
 * hash lookup.
 */
typedef struct ClockStatus
{
	uint32		hash;
	int			rawlen;
	char	   *raw;			/* as given */
	const char *name;			/* trimmed and clipped; NULL when blank */
	int			namelen;
	int			what;			/* CLOCK_*, under the rules of generation gen */
	uint32		gen;
} ClockStatus;

typedef struct ClockDict
{
	uint64		nonce;			/* random: a state names its dictionary by it too */
	int			n;
	int			cap;
	ClockStatus *st;
	int			tsize;			/* slots of the hash table, a power of 2 */
	int		   *table;			/* index into st + 1; 0 for none */
} ClockDict;

typedef struct ClockTransCache
{
	SlaClockRules *rules;		/* NULL until the first event */
	bool		rules_const;	/* the call's rules are a constant */
	bool		has_start;
	uint32		gen;			/* bumped when the rules change */
	ClockDict	dict;
} ClockTransCache;

/*
 * The gathering state: a varlena labelled sla_clock with version
 * SLA_CLOCK_GATHERING (every reader of a clock refuses it), then cap times
 * and cap event words.
 */
typedef struct ClockGather
{
	int32		vl_len_;
	uint8		version;		/* SLA_CLOCK_GATHERING */
	uint8		reopen;
	uint8		flags;			/* CLOCK_GATHER_* */
	uint8		pad;
	int32		nev;
	int32		cap;
	ClockDict  *dict;			/* the call site's statuses, */
	uint64		nonce;			/* ... checked live before it is read */
	TimestampTz at[FLEXIBLE_ARRAY_MEMBER];
	/* then cap uint32: EV_WHAT | EV_PRIO | EV_STATUS */
} ClockGather;

#define GATHER_HDRSZ offsetof(ClockGather, at)
#define GATHER_FIRST_CAP 8		/* 8 events: 128 bytes */
#define EV_WHAT(w)		((uint32) (w) & 0x7)
#define EV_PRIO(w)		((int) (((w) >> 3) & 0xF) - 1)
#define EV_STATUS(w)	((int) ((w) >> 7) - 1)	/* -1: none */
#define EV_MAX_STATUSES	((1 << 25) - 2)

static inline uint32 *
gather_words(const ClockGather *g)
{
	return (uint32 *) &g->at[g->cap];
}

static ClockGather *
gather_alloc(int cap)
{
	Size		sz = GATHER_HDRSZ + (sizeof(TimestampTz) + sizeof(uint32)) * (Size) cap;
	ClockGather *g;

	if (sz > MaxAllocSize / 2)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("sla_clock has too many events"));
	g = palloc(sz);
	SET_VARSIZE(g, sz);
	g->version = SLA_CLOCK_GATHERING;
	g->flags = 0;
	g->pad = 0;
	g->nev = 0;
	g->cap = cap;
	return g;
}

/*
 * The dictionaries of this backend's running sla_clock calls.  A state
 * points at its call site's dictionary; the final function reads it only
 * when it is one of these with the state's nonce, so that a state of
 * another query, or bytes stored by an aggregate of the user's own, is an
 * error and never a read of freed memory.  A dictionary leaves the list
 * when its call site's memory goes.
 */
static ClockDict **live_dicts = NULL;
static int	n_live_dicts = 0;
static int	cap_live_dicts = 0;

static void
dict_forget(void *arg)
{
	for (int i = 0; i < n_live_dicts; i++)
		if (live_dicts[i] == (ClockDict *) arg)
		{
			live_dicts[i] = live_dicts[--n_live_dicts];
			return;
		}
}

static void
dict_register(ClockDict *d, MemoryContext cxt)
{
	MemoryContextCallback *cb = MemoryContextAlloc(cxt, sizeof(MemoryContextCallback));

	if (n_live_dicts == cap_live_dicts)
	{
		cap_live_dicts = Max(8, cap_live_dicts * 2);
		live_dicts = live_dicts
			? repalloc(live_dicts, sizeof(ClockDict *) * cap_live_dicts)
			: MemoryContextAlloc(TopMemoryContext, sizeof(ClockDict *) * cap_live_dicts);
	}
	d->nonce = pg_prng_uint64(&pg_global_prng_state);
	live_dicts[n_live_dicts++] = d;
	cb->func = dict_forget;
	cb->arg = d;
	MemoryContextRegisterResetCallback(cxt, cb);
}

static bool
dict_live(const ClockDict *d, uint64 nonce)
{
	for (int i = 0; i < n_live_dicts; i++)
		if (live_dicts[i] == d)
			return d->nonce == nonce;
	return false;
}

/* the rules of this event, the cached copy while they stay the same */
static ClockTransCache *
clock_cache_rules(FunctionCallInfo fcinfo)
{
	ClockTransCache *cc = (ClockTransCache *) fcinfo->flinfo->fn_extra;
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(1));

	if (cc && cc->rules_const)
		return cc;
	if (cc && cc->rules && !VARATT_IS_EXTERNAL(raw) && !VARATT_IS_COMPRESSED(raw) &&
		VARSIZE_ANY_EXHDR(raw) == VARSIZE(cc->rules) - VARHDRSZ &&
		memcmp(VARDATA_ANY(raw), VARDATA(cc->rules), VARSIZE(cc->rules) - VARHDRSZ) == 0)
		return cc;
	if (cc == NULL)
	{
		Aggref	   *aggref = AggGetAggref(fcinfo);

		cc = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ClockTransCache));
		dict_register(&cc->dict, fcinfo->flinfo->fn_mcxt);
		/* rules written as a constant need no comparison per event */
		cc->rules_const = aggref && list_length(aggref->args) > 0 &&
			IsA(((TargetEntry *) linitial(aggref->args))->expr, Const);
	}
	else if (cc->rules)
		pfree(cc->rules);
	{
		SlaClockRules *r = PG_GETARG_SLA_CLOCK_RULES_P(1);
		const char *p = r->data;

		cc->rules = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(r));
		memcpy(cc->rules, r, VARSIZE(r));
		cc->has_start = false;
		for (int i = 0; i < r->nstatus; i++)
		{
			cc->has_start |= *p == CLOCK_START;
			p += 1 + strlen(p + 1) + 1;
		}
	}
	cc->gen++;					/* every status is classified anew */
	return cc;
}

/*
 * A status's hash: its length and three of its bytes, mixed.  Statuses are
 * few and short; a collision costs a comparison.
 */
static inline uint32
status_hash(const char *s, int len)
{
	uint32		h = (uint32) len;

	if (len > 0)
		h = h * 0x01000193 ^ (uint8) s[0] ^ ((uint32) (uint8) s[len / 2] << 8) ^
			((uint32) (uint8) s[len - 1] << 16);
	return murmurhash32(h);
}

/* the dictionary's entry for a status as given, added when new */
static int
clock_status_ref(ClockTransCache *cc, MemoryContext cxt, const char *s, int len)
{
	ClockDict  *d = &cc->dict;
	uint32		h = status_hash(s, len);
	int			slot;
	ClockStatus *st;

	if (d->tsize > 0)
	{
		for (slot = h & (d->tsize - 1); d->table[slot] != 0; slot = (slot + 1) & (d->tsize - 1))
		{
			st = &d->st[d->table[slot] - 1];
			if (st->hash == h && st->rawlen == len && memcmp(st->raw, s, len) == 0)
			{
				if (st->gen != cc->gen)
				{
					bool		has_start;

					st->what = st->name ? rules_classify(cc->rules, s, len, &has_start) : CLOCK_NONE;
					st->gen = cc->gen;
				}
				return d->table[slot] - 1;
			}
		}
	}
	if (d->n >= EV_MAX_STATUSES)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("sla_clock has too many different statuses"));
	/* a new status; the table at most half full */
	if (d->n == d->cap)
	{
		d->cap = Max(16, d->cap * 2);
		d->st = d->st ? repalloc(d->st, sizeof(ClockStatus) * d->cap)
			: MemoryContextAlloc(cxt, sizeof(ClockStatus) * d->cap);
	}
	if ((d->n + 1) * 2 > d->tsize)
	{
		int			tsize = Max(32, d->tsize * 2);

		d->table = d->table ? repalloc(d->table, sizeof(int) * tsize)
			: MemoryContextAlloc(cxt, sizeof(int) * tsize);
		memset(d->table, 0, sizeof(int) * tsize);
		d->tsize = tsize;
		for (int i = 0; i < d->n; i++)
		{
			for (slot = d->st[i].hash & (tsize - 1); d->table[slot] != 0; slot = (slot + 1) & (tsize - 1))
				;
			d->table[slot] = i + 1;
		}
	}
	st = &d->st[d->n];
	st->hash = h;
	st->rawlen = len;
	st->raw = MemoryContextAlloc(cxt, len + 1);
	memcpy(st->raw, s, len);
	st->raw[len] = '\0';
	{
		const char *n = st->raw;
		int			nlen = len;

		trim_status(&n, &nlen);
		if (nlen > CLOCK_MAX_STATUS_LEN)
			nlen = pg_mbcliplen(n, nlen, CLOCK_MAX_STATUS_LEN);
		st->name = nlen > 0 ? n : NULL;
		st->namelen = nlen;
		if (st->name)
		{
			bool		has_start;

			st->what = rules_classify(cc->rules, s, len, &has_start);
			/* the clipped name ends where a clock's names end */
			if (nlen < len - (n - st->raw))
			{
				char	   *copy = MemoryContextAlloc(cxt, nlen + 1);

				memcpy(copy, n, nlen);
				copy[nlen] = '\0';
				st->name = copy;
			}
		}
		else
			st->what = CLOCK_NONE;
	}
	st->gen = cc->gen;
	for (slot = h & (d->tsize - 1); d->table[slot] != 0; slot = (slot + 1) & (d->tsize - 1))
		;
	d->table[slot] = d->n + 1;
	return d->n++;
}

/*
 * Append an event to the gathering state.  Returns the state, a larger copy
 * when it had no room (in the per-call context, so that the executor copies
 * it into the aggregate's context and frees the old one).
 */
static ClockGather *
gather_event(ClockGather *g, TimestampTz t, int what, int status, int prio)
{
	if (g->nev == g->cap)
	{
		ClockGather *n = gather_alloc(g->cap * 2);

		n->reopen = g->reopen;
		n->flags = g->flags;
		n->dict = g->dict;
		n->nonce = g->nonce;
		n->nev = g->nev;
		memcpy(n->at, g->at, sizeof(TimestampTz) * g->nev);
		memcpy(gather_words(n), gather_words(g), sizeof(uint32) * g->nev);
		g = n;
	}
	if (g->nev > 0 && t < g->at[g->nev - 1])
		g->flags |= CLOCK_GATHER_UNSORTED;
	g->at[g->nev] = t;
	gather_words(g)[g->nev] = EV_WHAT(what) | ((uint32) (prio + 1) << 3) | ((uint32) (status + 1) << 7);
	g->nev++;
	return g;
}

/*
 * sla_clock(rules, at, status [, priority]): a row without a time, or with
 * neither status nor priority, is no event; a NULL or blank status with a
 * priority is a priority change alone.
 */
Datum
sla_clock_trans(PG_FUNCTION_ARGS)
{
	ClockGather *g;
	ClockTransCache *cc;
	TimestampTz t;
	int			prio = -1;
	int			status = -1;
	int			what = CLOCK_NONE;
	uint8		has_start;

	/* the call site's cache exists once an aggregate has called it */
	if (fcinfo->flinfo->fn_extra == NULL && !AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("sla_clock_trans called outside the sla_clock aggregate"));
	CHECK_FOR_INTERRUPTS();
	if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
		prio = PG_GETARG_SEVERITY(4);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || (PG_ARGISNULL(3) && prio < 0))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cc = clock_cache_rules(fcinfo);
	t = PG_GETARG_TIMESTAMPTZ(2);
	if (t < WIN_MIN_TS || t > WIN_MAX_TS)
		win_check_ts(t);
	has_start = cc->has_start ? CLOCK_GATHER_HAS_START : 0;
	if (PG_ARGISNULL(0))
	{
		g = gather_alloc(GATHER_FIRST_CAP);
		g->reopen = cc->rules->reopen;
		g->flags = has_start;
		g->dict = &cc->dict;
		g->nonce = cc->dict.nonce;
	}
	else
	{
		g = (ClockGather *) PG_GETARG_POINTER(0);
		if (g->version != SLA_CLOCK_GATHERING || g->dict != &cc->dict)
			ereport(ERROR,
					errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("sla_clock_trans called outside the sla_clock aggregate"));
		if (g->reopen != cc->rules->reopen || (g->flags & CLOCK_GATHER_HAS_START) != has_start)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("sla_clock rules differ between the events of one clock"));
	}
	if (!PG_ARGISNULL(3))
	{
		text	   *s = PG_GETARG_TEXT_PP(3);

		status = clock_status_ref(cc, fcinfo->flinfo->fn_mcxt, VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s));
		what = cc->dict.st[status].what;
	}
	PG_RETURN_POINTER(gather_event(g, t, what, status, prio));
}

/* events in time order, at one instant in the order received */
static int
event_order_cmp(const void *a, const void *b, void *arg)
{
	const TimestampTz *at = (const TimestampTz *) arg;
	int			x = *(const int *) a;
	int			y = *(const int *) b;

	if (at[x] != at[y])
		return at[x] < at[y] ? -1 : 1;
	return x < y ? -1 : x > y ? 1 : 0;
}

/* replay the gathered events in time order into a finished clock */
static SlaClock *
clock_replay(const ClockGather *g)
{
	bool		has_start = (g->flags & CLOCK_GATHER_HAS_START) != 0;
	const uint32 *words = gather_words(g);
	int		   *order = NULL;
	int			namecap = 0;
	ClockNameCache nc;
	SlaClock   *c;

	if (g->flags & CLOCK_GATHER_UNSORTED)
	{
		order = palloc(sizeof(int) * g->nev);
		for (int i = 0; i < g->nev; i++)
			order[i] = i;
		qsort_arg(order, g->nev, sizeof(int), event_order_cmp, (void *) g->at);
	}
	/* room for the names of the first events; it grows when needed */
	for (int i = 0; i < Min(g->nev, 16); i++)
	{
		int			st = EV_STATUS(words[i]);

		if (st >= 0 && g->dict->st[st].name)
			namecap += g->dict->st[st].namelen + 1;
	}
	c = clock_alloc(Min(g->nev, 64), Max(namecap, 16));
	c->reopen = g->reopen;
	c->last = g->at[order ? order[g->nev - 1] : g->nev - 1];
	nc.n = 0;
	for (int k = 0; k < g->nev; k++)
	{
		int			i = order ? order[k] : k;
		uint32		w = words[i];
		int			st = EV_STATUS(w);
		const ClockStatus *cs = st >= 0 ? &g->dict->st[st] : NULL;

		if ((k & 4095) == 4095)
			CHECK_FOR_INTERRUPTS();
		c = clock_event(c, EV_WHAT(w) == CLOCK_NONE ? CLOCK_OTHER : EV_WHAT(w), has_start, g->at[i],
						cs ? cs->name : NULL, cs ? cs->namelen : 0, EV_PRIO(w), &nc);
	}
	if (order)
		pfree(order);
	/* a finished value has no room to grow: close the gap in place */
	if (c->segcap > c->nseg || c->namecap > c->namelen)
	{
		memmove(&c->seg[c->nseg], clock_names(c), c->namelen);
		c->segcap = c->nseg;
		c->namecap = c->namelen;
		SET_VARSIZE(c, CLOCK_HDRSZ + sizeof(ClockSeg) * c->nseg + c->namelen);
	}
	return c;
}

Datum
sla_clock_final(PG_FUNCTION_ARGS)
{
	struct varlena *v;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	if (VARSIZE_ANY(v) >= GATHER_HDRSZ && ((ClockGather *) v)->version == SLA_CLOCK_GATHERING)
	{
		ClockGather *g = (ClockGather *) v;

		if (!AggCheckCallContext(fcinfo, NULL) || !dict_live(g->dict, g->nonce))
			ereport(ERROR,
					errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("sla_clock_final called outside the sla_clock aggregate"));
		if (g->cap < 1 || g->nev < 1 || g->nev > g->cap ||
			VARSIZE(g) != GATHER_HDRSZ + (sizeof(TimestampTz) + sizeof(uint32)) * (Size) g->cap)
			ereport(ERROR,
					errcode(ERRCODE_DATA_CORRUPTED),
					errmsg("invalid sla_clock aggregate state"));
		for (int i = 0; i < g->nev; i++)
		{
			uint32		w = gather_words(g)[i];

			if (EV_WHAT(w) > CLOCK_NONE || EV_PRIO(w) > SEVERITY_MAX ||
				EV_STATUS(w) >= g->dict->n || g->at[i] < WIN_MIN_TS || g->at[i] > WIN_MAX_TS)
				ereport(ERROR,
						errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("invalid sla_clock aggregate state"));
		}
		PG_RETURN_POINTER(clock_replay(g));
	}
	PG_RETURN_POINTER(clock_compact(clock_arg(PG_GETARG_DATUM(0))));
}

/* ---------------------------------------------------------------------
 * reading a clock as of an instant
 * --------------------------------------------------------------------- */

/* add [lo, hi) to a sorted pause list, merging where it touches */
static void
pause_add(TimestampTz *iv, int *n, TimestampTz lo, TimestampTz hi)
{
	if (hi <= lo)
		return;
	if (*n > 0 && iv[2 * *n - 1] >= lo)
	{
		iv[2 * *n - 1] = Max(iv[2 * *n - 1], hi);
		return;
	}
	iv[2 * *n] = lo;
	iv[2 * *n + 1] = hi;
	(*n)++;
}

/* the pauses among segments lo .. hi - 1 of a view of n segments */
static void
cycle_pauses(const SlaClock *c, int n, ClockCycle *cy, bool stops_pause)
{
	TimestampTz *iv = palloc(sizeof(TimestampTz) * 2 * Max(cy->hi - cy->lo, 1));
	int			k = 0;

	for (int i = cy->lo; i < cy->hi; i++)
		if (c->seg[i].kind == SEG_PAUSED || (stops_pause && c->seg[i].kind == SEG_STOPPED))
			pause_add(iv, &k, c->seg[i].at, i + 1 < n ? c->seg[i + 1].at : DT_NOEND);
	cy->pauses.mr = NULL;
	cy->pauses.iv = iv;
	cy->pauses.n = k;
}

int
clock_cycles(const SlaClock *c, TimestampTz as_of, ClockCycle **out)
{
	int			n = 0;
	int			f = 0;
	int			ncy = 0;
	ClockCycle *cy;

	while (n < c->nseg && c->seg[n].at <= as_of)
		n++;
	while (f < n && c->seg[f].kind == SEG_UNSTARTED)
		f++;
	*out = cy = palloc0(sizeof(ClockCycle) * Max(n - f, 1));
	if (f == n)
		return 0;
	for (int i = f; i < n;)
	{
		int			j = i;

		/* the cycle runs to its first stop; under continues, to the last */
		if (c->reopen == CLOCK_REOPEN_CONTINUES)
		{
			j = n;
			while (j > i && c->seg[j - 1].kind == SEG_STOPPED)
				j--;
		}
		else
			while (j < n && c->seg[j].kind != SEG_STOPPED)
				j++;
		cy[ncy].start = c->seg[i].at;
		cy[ncy].lo = i;
		cy[ncy].hi = j;
		cy[ncy].open = (j == n);
		cy[ncy].done = cy[ncy].open ? 0 : c->seg[j].at;
		cycle_pauses(c, n, &cy[ncy], c->reopen == CLOCK_REOPEN_CONTINUES);
		ncy++;
		if (j == n || c->reopen != CLOCK_REOPEN_RESTARTS)
			break;
		/* the stop's run, then a reopening starts the next cycle */
		while (j < n && c->seg[j].kind == SEG_STOPPED)
			j++;
		i = j;
	}
	return ncy;
}

/*
 * The statuses behind each pause of a cycle, in the order of cy->pauses
 * (touching pauses are merged there: a wait, then a resolution reopened
 * later, is one pause of two statuses).
 */
char **
clock_pause_names(const SlaClock *c, const ClockCycle *cy)
{
	char	  **names = palloc0(sizeof(char *) * Max(cy->pauses.n, 1));
	StringInfoData buf;
	int			k = 0;
	const char *last = NULL;

	initStringInfo(&buf);
	for (int i = cy->lo; i < cy->hi && k < cy->pauses.n; i++)
	{
		const ClockSeg *s = &c->seg[i];

		if (s->kind != SEG_PAUSED && !(s->kind == SEG_STOPPED && c->reopen == CLOCK_REOPEN_CONTINUES))
			continue;
		while (k < cy->pauses.n && cy->pauses.iv[2 * k + 1] <= s->at)
			k++;
		if (k == cy->pauses.n || cy->pauses.iv[2 * k] > s->at)
			continue;			/* an empty pause (a tie) */
		if (names[k] == NULL)
			last = NULL;
		if (last == NULL || strcmp(last, clock_seg_name(c, i)) != 0)
		{
			resetStringInfo(&buf);
			if (names[k])
				appendStringInfo(&buf, "%s, ", names[k]);
			append_quoted(&buf, clock_seg_name(c, i));
			names[k] = pstrdup(buf.data);
			last = clock_seg_name(c, i);
		}
	}
	return names;
}
