/*
 * credit_calc.c
 *		The arithmetic of a credit_schedule: the chronic, termination and
 *		escalation rules, the caps in force and the credit share of a period,
 *		in exact scaled integers (credit.h).
 */
#include "credit.h"

/* the credit of a band in units of 10^-12 of a share */
int64
credit_q12(const CreditSchedule *cs, int64 credit)
{
	if (credit == CS_POOL)
		return cs->at_risk * cs->allocation;
	return credit * CS_MILLION;
}

/* ---------------------------------------------------------------------
 * the rules
 * --------------------------------------------------------------------- */

int32
credit_recent_n(const CreditSchedule *cs)
{
	if (cs->chronic_n > 0)
		return cs->chronic_n;
	if (cs->term_n > 0)
		return cs->term_n;
	return credit_terms3(cs)->rung_n;
}

/* a rung of the ladder: N in a row, or K of the last N */
static bool
rung_reached(int32 row, int32 k, int32 streak, int32 recent)
{
	return (row > 0 && streak >= row) || (k > 0 && recent >= k);
}

bool
credit_chronic(const CreditSchedule *cs, int32 streak, int32 recent)
{
	return cs->chronic_effect != CS_CHRONIC_NONE &&
		((cs->chronic_row > 0 && streak >= cs->chronic_row) ||
		 (cs->chronic_k > 0 && recent >= cs->chronic_k));
}

bool
credit_termination(const CreditSchedule *cs, int32 streak, int32 recent)
{
	return (cs->term_row > 0 && streak >= cs->term_row) ||
		(cs->term_k > 0 && recent >= cs->term_k);
}

int
credit_escalation(const CreditSchedule *cs, int32 streak, int32 recent)
{
	const CreditTerms3 *t3 = credit_terms3(cs);

	if (credit_termination(cs, streak, recent))
		return CS_TERMINATION;
	if (rung_reached(cs->penalty, t3->penalty_k, streak, recent))
		return CS_PENALTY;
	if (rung_reached(cs->remediation, t3->remediation_k, streak, recent))
		return CS_REMEDIATION;
	if (rung_reached(cs->warning, t3->warning_k, streak, recent))
		return CS_WARNING;
	return CS_OK;
}

int64
credit_effective_cap(const CreditSchedule *cs)
{
	if (cs->cap != CS_NONE)
		return cs->cap;
	if (cs->at_risk != CS_NONE)
		return cs->at_risk;
	return CS_ONE_SHARE;
}

int64
credit_cap_in_force(const CreditSchedule *cs, bool chronic)
{
	const CreditTerms2 *t2 = credit_terms2(cs);

	if (chronic && t2->chronic_cap != CS_NONE)
		return t2->chronic_cap;
	return credit_effective_cap(cs);
}

bool
credit_earn_back_applies(const CreditSchedule *cs, int32 streak, int32 recent)
{
	return cs->earn_back > 0 && !credit_chronic(cs, streak, recent);
}

int64
credit_earn_back_share(const CreditSchedule *cs)
{
	int64		share = credit_terms2(cs)->earn_back_share;

	return share == 0 ? CS_ONE_SHARE : share;
}

int64
credit_period_cap(const CreditSchedule *cs)
{
	int64		pc = credit_terms2(cs)->period_cap;

	if (pc == CS_NONE)
		return cs->at_risk;
	if (cs->at_risk == CS_NONE)
		return pc;
	return Min(pc, cs->at_risk);
}

/*
 * The credit in 10^-16 of a share.  The band and per-miss credits add up in
 * 10^-12 (the at-risk pool's share is a product of two millionths); once
 * they reach the whole fee nothing can lower them below the cap (a chronic
 * rule only raises a credit, and no cap exceeds 100%), so the sum saturates
 * there and stays exact.  The chronic multiplier (ten-thousandths) then
 * takes it to 10^-16: at most 10^12 x 10^6, well inside int64.
 */
int64
credit_share_q16(const CreditSchedule *cs, int band, int32 misses, bool chronic)
{
	return credit_share_q16_ex(cs, band, misses, chronic, NULL);
}

/* the same, and whether the cap (or chronic cap) cut it */
int64
credit_share_q16_ex(const CreditSchedule *cs, int band, int32 misses, bool chronic, bool *capped)
{
	const int64 one = CS_MILLION * CS_MILLION;	/* a whole share in 10^-12 */
	int64		base = 0;
	int64		r;
	int64		cap;

	if (band >= 0)
		base = credit_q12(cs, cs->band[band].credit);
	if (misses > 0 && cs->per_miss != CS_NONE)
	{
		int64		pm = credit_q12(cs, cs->per_miss);

		if (pm > 0)
		{
			if ((int64) misses > (one - base) / pm)
				base = one;
			else
				base += (int64) misses * pm;
		}
	}
	if (base > one)
		base = one;
	if (base > 0 && chronic)
	{
		if (cs->chronic_effect == CS_CHRONIC_MUL)
			r = base * cs->chronic_value;
		else
			r = base * CS_FACTOR_ONE + cs->chronic_value * (CS_MILLION * CS_FACTOR_ONE);
	}
	else
		r = base * CS_FACTOR_ONE;
	cap = credit_cap_in_force(cs, chronic) * (CS_MILLION * CS_FACTOR_ONE);
	if (capped)
		*capped = r > cap;
	return Min(r, cap);
}
