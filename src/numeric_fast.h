/*
 * numeric_fast.h
 *		Numeric datums read and made directly in numeric's stored form, for
 *		the per-row paths of the credit statement: a scaled integer in, a
 *		numeric out, and back, without numeric arithmetic or a NumericVar.
 */
#ifndef MS_NUMERIC_FAST_H
#define MS_NUMERIC_FAST_H

#include "managed_services.h"
#include "utils/numeric.h"

/*
 * A numeric datum as a whole number of 10^-scale within [0, max]: false for
 * anything else (the long form, NaN, a negative value, more decimals than
 * scale, over max), which the caller reads the slow way, with its checks
 * and messages.  No allocation; max is at most 10^30.
 */
extern bool ms_numeric_fixed(Datum d, int scale, int128 max, int128 *out);

/*
 * v x 10^-scale as a numeric of display scale scale (0 to 31), the very
 * bytes numeric's own arithmetic makes of it (int64_div_fast_to_numeric for
 * an int64); with trim, the fraction's trailing zeros dropped from the
 * display scale first, as numeric_in makes "1.5" of 1.50 written so.
 */
extern Numeric ms_numeric_make(int128 v, int scale, bool trim);

#endif							/* MS_NUMERIC_FAST_H */
