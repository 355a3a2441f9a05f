/*
 * numeric_fast.c
 *		Numeric datums read and made directly in numeric's stored form (see
 *		numeric_fast.h).
 *
 * The stored form is on disk (pg_upgrade keeps it), so it is fixed: a
 * varlena holding a 16-bit header and base-10000 digits, most significant
 * first.  The short form's header holds the sign (0x2000), the display
 * scale (bits 7-12) and the weight of the first digit (bits 0-6, two's
 * complement in 7 bits); digit i is worth 10000^(weight - i).  numeric.c's
 * make_result writes every value it can so (display scale at most 63, weight
 * within -64..63), with no leading or trailing zero digit, and zero as no
 * digits, weight 0 and the positive sign; the values made here are all of
 * that kind, and made the same way, byte for byte.
 */
#include "numeric_fast.h"

#define NUM_SHORT		0x8000
#define NUM_FORM_MASK	0xC000
#define NUM_SHORT_SIGN	0x2000
#define NUM_SHORT_DSCALE_SHIFT 7
#define NUM_SHORT_DSCALE(h)	(((h) & 0x1F80) >> NUM_SHORT_DSCALE_SHIFT)
#define NUM_SHORT_WEIGHT_SIGN 0x0040
#define NUM_SHORT_WEIGHT_MASK 0x003F
#define NUM_SHORT_WEIGHT(h)	((h) & NUM_SHORT_WEIGHT_SIGN ? \
							 (int) ((h) & NUM_SHORT_WEIGHT_MASK) - 64 : (int) ((h) & NUM_SHORT_WEIGHT_MASK))
#define NUM_BASE		10000
#define NUM_DEC_DIGITS	4

static const int64 pow10_64[19] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000), INT64CONST(10000),
	INT64CONST(100000), INT64CONST(1000000), INT64CONST(10000000), INT64CONST(100000000),
	INT64CONST(1000000000), INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000), INT64CONST(100000000000000),
	INT64CONST(1000000000000000), INT64CONST(10000000000000000),
	INT64CONST(100000000000000000), INT64CONST(1000000000000000000)
};

/*
 * Read in place, short varlena header and all: the digits of a value with
 * at most scale decimals, each checked (a digit beyond the display scale
 * would not be canonical).
 */
bool
ms_numeric_fixed(Datum d, int scale, int128 max, int128 *out)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *p;
	int			ndigits;
	uint16		h;
	int			weight;
	int128		q = 0;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		return false;			/* toasted or compressed: never a small value */
	p = VARDATA_ANY(v);
	ndigits = ((int) VARSIZE_ANY_EXHDR(v) - (int) sizeof(uint16)) / (int) sizeof(int16);
	if (ndigits < 0)
		return false;
	memcpy(&h, p, sizeof(uint16));
	if ((h & NUM_FORM_MASK) != NUM_SHORT || (h & NUM_SHORT_SIGN) || NUM_SHORT_DSCALE(h) > scale)
		return false;
	weight = NUM_SHORT_WEIGHT(h);
	if (NUM_DEC_DIGITS * weight + scale > 30)
		return false;
	p += sizeof(uint16);
	if (NUM_DEC_DIGITS * weight + scale <= 14)
	{
		/* the common case, every digit worth at most 10^14: in int64 */
		int64		q64 = 0;

		for (int i = 0; i < ndigits; i++)
		{
			int16		digit;
			int			e = NUM_DEC_DIGITS * (weight - i) + scale;

			memcpy(&digit, p + i * sizeof(int16), sizeof(int16));
			if (digit < 0 || digit >= NUM_BASE || e < -3)
				return false;
			if (e >= 0)
				q64 += digit * pow10_64[e];
			else if (digit % pow10_64[-e] != 0)
				return false;
			else
				q64 += digit / pow10_64[-e];
		}
		q = q64;
	}
	else
	{
		for (int i = 0; i < ndigits; i++)
		{
			int16		digit;
			int			e = NUM_DEC_DIGITS * (weight - i) + scale;

			memcpy(&digit, p + i * sizeof(int16), sizeof(int16));
			if (digit < 0 || digit >= NUM_BASE || e < -3)
				return false;
			if (e > 18)
				q += (int128) digit * pow10_64[18] * pow10_64[e - 18];
			else if (e >= 0)
				q += (int128) digit * pow10_64[e];
			else if (digit % pow10_64[-e] != 0)
				return false;
			else
				q += digit / pow10_64[-e];
		}
	}
	if (q > max)
		return false;
	*out = q;
	return true;
}

/* u's trailing decimal zeros dropped while scale allows, 16, 8, 4, 2, 1 at a time */
static uint128
trim_zeros(uint128 u, int *scale)
{
	int			k = 16;

	if (u == 0)
	{
		*scale = 0;
		return 0;
	}
	for (; k > 0 && u > PG_UINT64_MAX; k /= 2)
	{
		if (*scale >= k && u % pow10_64[k] == 0)
		{
			u /= pow10_64[k];
			*scale -= k;
		}
	}
	if (k > 0)
	{
		uint64		w = (uint64) u;

		for (; k > 0; k /= 2)
		{
			if (*scale >= k && w % (uint64) pow10_64[k] == 0)
			{
				w /= (uint64) pow10_64[k];
				*scale -= k;
			}
		}
		u = w;
	}
	return u;
}

Numeric
ms_numeric_make(int128 v, int scale, bool trim)
{
	bool		neg = v < 0;
	uint128		u = neg ? -(uint128) v : (uint128) v;
	int16		group[12];		/* base-10000 digits, least significant first */
	int			n = 0;
	int			first = 0;
	int			pad;
	int			weight;
	Size		len;
	Numeric		res;
	char	   *p;
	uint16		h;

	/* 10^35 and 3 decimals of padding stay within 128 bits */
	if (scale < 0 || scale > 31 || u >= (uint128) pow10_64[18] * pow10_64[17])
		elog(ERROR, "numeric of %d decimals out of range", scale);
	if (trim)
		u = trim_zeros(u, &scale);

	/* align the fraction on whole digits: pad it to a multiple of 4 decimals */
	pad = (NUM_DEC_DIGITS - scale % NUM_DEC_DIGITS) % NUM_DEC_DIGITS;
	if (u <= PG_UINT64_MAX / 1000)
		u = (uint64) u * (uint64) pow10_64[pad];
	else
		u *= pow10_64[pad];
	while (u > PG_UINT64_MAX)
	{
		group[n++] = (int16) (u % NUM_BASE);
		u /= NUM_BASE;
	}
	for (uint64 w = (uint64) u; w > 0; w /= NUM_BASE)
		group[n++] = (int16) (w % NUM_BASE);
	weight = n - 1 - (scale + pad) / NUM_DEC_DIGITS;

	/* no trailing zero digit; zero has none at all, weight 0 and no sign */
	while (first < n && group[first] == 0)
		first++;
	if (first == n)
	{
		weight = 0;
		neg = false;
	}

	len = VARHDRSZ + sizeof(uint16) + (n - first) * sizeof(int16);
	res = (Numeric) palloc(len);
	SET_VARSIZE(res, len);
	h = NUM_SHORT | (neg ? NUM_SHORT_SIGN : 0) | (scale << NUM_SHORT_DSCALE_SHIFT) |
		(weight < 0 ? NUM_SHORT_WEIGHT_SIGN : 0) | (weight & NUM_SHORT_WEIGHT_MASK);
	p = VARDATA(res);
	memcpy(p, &h, sizeof(uint16));
	p += sizeof(uint16);
	for (int i = n - 1; i >= first; i--)
	{
		memcpy(p, &group[i], sizeof(int16));
		p += sizeof(int16);
	}
	return res;
}
