/*
 * tally.c
 *		The purchase tally behind fulfilment and retention: in one pass over
 *		purchases, the units and spend of selected and other products and the
 *		payment counts of products in the batch (doc/domain.md §4.7:
 *		completion, selected share, on-time payment; §5: actual spend).
 *
 * Sums are 128-bit, so no realistic input overflows; the final values are
 * range-checked into 64 bits.
 */
#include "vbp_core.h"

void
vbp_tally_init(vbp_tally *t)
{
	t->selected_units = 0;
	t->other_units = 0;
	t->selected_fen = 0;
	t->other_fen = 0;
	t->purchases = 0;
	t->payments_due = 0;
	t->paid_on_time = 0;
}

void
vbp_tally_add(vbp_tally *t, int64_t units, int64_t fen, bool selected, bool bid,
			  bool due, bool on_time)
{
	if (selected)
	{
		t->selected_units += units;
		t->selected_fen += fen;
	}
	else
	{
		t->other_units += units;
		t->other_fen += fen;
	}
	/* a return (negative units) nets the units and spend but is no purchase to pay */
	if (bid && units > 0)
	{
		t->purchases++;
		t->payments_due += due;
		t->paid_on_time += on_time;
	}
}

/*
 * One purchase of an agreement cycle as of a date (days since any epoch;
 * PostgreSQL's infinite dates are the int32 extremes and compare right):
 * counted if cycle_start <= purchased <= min(cycle_end, as_of).  For
 * products in the batch, the payment is due once paid, or once its time has
 * passed: accepted + payment_days < as_of (on the last day itself it may still
 * be paid on time); it is on time if paid <= accepted + payment_days.  A
 * payment made after as_of is not yet known on as_of: the purchase counts as
 * unpaid.  A missing accepted/paid date or payment_days makes the comparison
 * false, as NULL does in SQL.
 */
void
vbp_tally_add_purchase(vbp_tally *t, int64_t units, int64_t fen, int32_t purchased,
					   const int32_t *accepted, const int32_t *paid, bool selected, bool bid,
					   int32_t cycle_start, int32_t cycle_end, int32_t as_of,
					   const int32_t *payment_days)
{
	bool		due,
				on_time;

	if (purchased < cycle_start || purchased > cycle_end || purchased > as_of)
		return;
	if (paid != NULL && *paid > as_of)
		paid = NULL;
	due = paid != NULL ||
		(accepted != NULL && payment_days != NULL &&
		 (int64_t) *accepted + *payment_days < (int64_t) as_of);
	on_time = paid != NULL && accepted != NULL && payment_days != NULL &&
		(int64_t) *paid <= (int64_t) *accepted + *payment_days;
	vbp_tally_add(t, units, fen, selected, bid, due, on_time);
}

void
vbp_tally_combine(vbp_tally *into, const vbp_tally *from)
{
	into->selected_units += from->selected_units;
	into->other_units += from->other_units;
	into->selected_fen += from->selected_fen;
	into->other_fen += from->other_fen;
	into->purchases += from->purchases;
	into->payments_due += from->payments_due;
	into->paid_on_time += from->paid_on_time;
}

void
vbp_tally_serialize(const vbp_tally *t, unsigned char *wire)
{
	vbp_put_be128(wire, t->selected_units);
	vbp_put_be128(wire + 16, t->other_units);
	vbp_put_be128(wire + 32, t->selected_fen);
	vbp_put_be128(wire + 48, t->other_fen);
	vbp_put_be128(wire + 64, t->purchases);
	vbp_put_be128(wire + 80, t->payments_due);
	vbp_put_be128(wire + 96, t->paid_on_time);
}

vbp_errkind
vbp_tally_deserialize(const unsigned char *wire, vbp_tally *t, vbp_error *err)
{
	vbp_int128	counts[3];
	int			i;

	t->selected_units = vbp_get_be128(wire);
	t->other_units = vbp_get_be128(wire + 16);
	t->selected_fen = vbp_get_be128(wire + 32);
	t->other_fen = vbp_get_be128(wire + 48);
	for (i = 0; i < 3; i++)
	{
		counts[i] = vbp_get_be128(wire + 64 + 16 * i);
		if (counts[i] < 0 || counts[i] > INT64_MAX)
			return vbp_fail(err, VBP_ERANGE, "A purchase count of the state is out of range.");
	}
	t->purchases = (int64_t) counts[0];
	t->payments_due = (int64_t) counts[1];
	t->paid_on_time = (int64_t) counts[2];
	if (t->paid_on_time > t->purchases || t->payments_due > t->purchases)
		return vbp_fail(err, VBP_ERANGE, "The state counts more payments than purchases.");
	return VBP_OK;
}

vbp_errkind
vbp_tally_units(vbp_int128 units, int64_t *out, vbp_error *err)
{
	if (units > INT64_MAX || units < INT64_MIN)
		return vbp_fail(err, VBP_ERANGE, "The units add up to more than a bigint holds.");
	*out = (int64_t) units;
	return VBP_OK;
}

/*
 * Time progress of a cycle on a date as a fraction num / den, clipped to
 * [0, 1]: (as_of - start + 1) / (end - start + 1) (doc/domain.md §4.7).
 * Dates are days; a cycle ending before it starts is a bad parameter.
 */
vbp_errkind
vbp_time_progress(int32_t cycle_start, int32_t cycle_end, int32_t as_of,
				  int64_t *num, int64_t *den, vbp_error *err)
{
	if (cycle_end < cycle_start)
		return vbp_fail(err, VBP_EPARAM, "The cycle ends before it starts.");
	*den = (int64_t) cycle_end - cycle_start + 1;
	*num = (int64_t) as_of - cycle_start + 1;
	if (*num < 0)
		*num = 0;
	if (*num > *den)
		*num = *den;
	return VBP_OK;
}

/*
 * Fulfilment status (doc/domain.md §4.7): the first threshold completion reaches,
 * each threshold coef x base, else severely_lagging.  This table is the only
 * statement of the rule; the callers only compare.
 */
static const struct
{
	const char *status;
	vbp_fulfilment_operand coef;
	vbp_fulfilment_operand base;
}			fulfilment_thresholds[] = {
	{"completed", VBP_FULFILMENT_ONE, VBP_FULFILMENT_ONE},	/* c >= 1 */
	{"on_track", VBP_FULFILMENT_ONE, VBP_FULFILMENT_TIME},	/* c >= tau */
	{"lagging", VBP_FULFILMENT_LAGGING, VBP_FULFILMENT_TIME},	/* c >= factor x tau */
};

const char *
vbp_fulfilment_status(vbp_fulfilment_reaches reaches, void *ctx)
{
	size_t		i;

	for (i = 0; i < sizeof(fulfilment_thresholds) / sizeof(fulfilment_thresholds[0]); i++)
		if (reaches(ctx, fulfilment_thresholds[i].coef, fulfilment_thresholds[i].base))
			return fulfilment_thresholds[i].status;
	return "severely_lagging";
}

/*
 * A plain decimal ("0.8", "-1.25", "2") as num / 10^scale, for the policy
 * factors the fulfilment measures compare against.  At most max_scale
 * decimal places (trailing zeros aside) and |value| <= max_abs; VBP_EPARAM
 * otherwise, so the exact comparisons below cannot overflow 128 bits.
 */
vbp_errkind
vbp_decimal_fraction(const char *s, int max_scale, int64_t max_abs,
					 int64_t *num, int64_t *den, vbp_error *err)
{
	const char *p = s;
	bool		neg = false,
				point = false;
	int			ndigits = 0,
				scale = 0;
	vbp_int128	n = 0,
				d = 1;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p; p++)
	{
		if (*p == '.' && !point)
		{
			point = true;
			continue;
		}
		if (*p < '0' || *p > '9' || ndigits >= 36)
			return vbp_fail(err, VBP_EPARAM, "\"%s\" is not a plain decimal of at most 36 digits.", s);
		n = n * 10 + (*p - '0');
		ndigits++;
		if (point)
		{
			scale++;
			d *= 10;
		}
	}
	if (ndigits == 0)
		return vbp_fail(err, VBP_EPARAM, "\"%s\" has no digits.", s);
	while (scale > 0 && n % 10 == 0)	/* trailing zeros add no precision */
	{
		n /= 10;
		d /= 10;
		scale--;
	}
	if (scale > max_scale)
		return vbp_fail(err, VBP_EPARAM, "%s has more than %d decimal places.", s, max_scale);
	if (n > (vbp_int128) max_abs * d)
		return vbp_fail(err, VBP_EPARAM, "%s is beyond %lld in magnitude.", s, (long long) max_abs);
	*num = (int64_t) (neg ? -n : n);
	*den = (int64_t) d;
	return VBP_OK;
}

vbp_errkind
vbp_fulfilment_factor(const char *s, int64_t *num, int64_t *den, vbp_error *err)
{
	return vbp_decimal_fraction(s, VBP_FULFILMENT_SCALE, VBP_FULFILMENT_FACTOR_MAX, num, den, err);
}

/* round(num / den, VBP_FULFILMENT_SCALE) half away from zero, scaled */
static vbp_int128
ratio6(vbp_int128 num, vbp_int128 den)
{
	vbp_int128	q;
	vbp_error	err;

	(void) vbp_round_div(num * 1000000, den, &q, &err);	/* den != 0 here */
	return q;
}

/* within the bounds of vbp_fulfilment_factor: 0 < den <= 10^scale, |num / den| <= the maximum */
static bool
factor_ok(int64_t num, int64_t den)
{
	vbp_int128	max_den = 1,
				abs_num = num < 0 ? -(vbp_int128) num : (vbp_int128) num;
	int			i;

	for (i = 0; i < VBP_FULFILMENT_SCALE; i++)
		max_den *= 10;
	return den > 0 && den <= max_den && abs_num <= (vbp_int128) VBP_FULFILMENT_FACTOR_MAX * den;
}

/*
 * The operands of the status thresholds as exact fractions num / den (den >
 * 0), indexed by vbp_fulfilment_operand, and completion c_num / c_den.
 */
typedef struct fulfilment_fractions
{
	int64_t		c_num;
	int64_t		c_den;
	int64_t		num[3];
	int64_t		den[3];
} fulfilment_fractions;

/*
 * c >= coef x base:  c_num x kd x bd >= kn x bn x c_den.  For the thresholds
 * of the rule (1 x 1, 1 x tau, factor x tau) no product exceeds 2^126: see
 * vbp_fulfilment_measure.
 */
static bool
fractions_reach(void *ctx, vbp_fulfilment_operand coef, vbp_fulfilment_operand base)
{
	const fulfilment_fractions *f = ctx;

	return (vbp_int128) f->c_num * f->den[coef] * f->den[base] >=
		(vbp_int128) f->num[coef] * f->num[base] * f->c_den;
}

/*
 * The fulfilment measures of one agreement on a date (doc/domain.md §4.7), each
 * ratio rounded to 6 places from its exact value and every comparison made
 * exactly on the unrounded fractions:
 *   time progress tau = (as_of - start + 1) / (end - start + 1) in [0, 1];
 *   completion c = Q_selected / Q_agreed (1 when nothing was agreed);
 *   status: vbp_fulfilment_status on c, tau and the lagging factor;
 *   selected share = Q_selected / (Q_selected + Q_other) (none without
 *     purchases), preferring selected products when it reaches the floor
 *     (and when there is no share);
 *   on-time rate = paid on time / payments due (none without dues).
 * The factors are fractions as vbp_fulfilment_factor gives them (checked
 * again here): |num| <= 10^9 < 2^30 and den <= 10^6 < 2^20; with 64-bit
 * counts and day spans below 2^33 no product below exceeds 2^126.
 */
vbp_errkind
vbp_fulfilment_measure(int64_t selected, int64_t other, int64_t due, int64_t on_time,
					   int64_t agreed, int32_t cycle_start, int32_t cycle_end, int32_t as_of,
					   int64_t lag_num, int64_t lag_den, int64_t floor_num, int64_t floor_den,
					   vbp_fulfilment *f, vbp_error *err)
{
	fulfilment_fractions fr;
	vbp_int128	sum;
	vbp_errkind e;

	if (!factor_ok(lag_num, lag_den) || !factor_ok(floor_num, floor_den))
		return vbp_fail(err, VBP_EPARAM,
						"A factor has more than %d decimal places or is beyond %d in magnitude.",
						VBP_FULFILMENT_SCALE, VBP_FULFILMENT_FACTOR_MAX);
	e = vbp_time_progress(cycle_start, cycle_end, as_of, &fr.num[VBP_FULFILMENT_TIME],
						  &fr.den[VBP_FULFILMENT_TIME], err);
	if (e != VBP_OK)
		return e;
	fr.num[VBP_FULFILMENT_ONE] = fr.den[VBP_FULFILMENT_ONE] = 1;
	fr.num[VBP_FULFILMENT_LAGGING] = lag_num;
	fr.den[VBP_FULFILMENT_LAGGING] = lag_den;
	fr.c_num = agreed > 0 ? selected : 1;
	fr.c_den = agreed > 0 ? agreed : 1;
	f->time_progress = ratio6(fr.num[VBP_FULFILMENT_TIME], fr.den[VBP_FULFILMENT_TIME]);
	f->completion = ratio6(fr.c_num, fr.c_den);
	f->status = vbp_fulfilment_status(fractions_reach, &fr);
	sum = (vbp_int128) selected + other;
	f->has_share = sum != 0;
	if (f->has_share)
	{
		vbp_int128	n = selected;

		if (sum < 0)
		{
			n = -n;
			sum = -sum;
		}
		f->selected_share = ratio6(n, sum);
		f->prefers_selected = n * floor_den >= (vbp_int128) floor_num * sum;
	}
	else
	{
		f->selected_share = 0;
		f->prefers_selected = true;
	}
	f->has_on_time_rate = due != 0;
	f->on_time_rate = f->has_on_time_rate ? ratio6(on_time, due) : 0;
	return VBP_OK;
}

/*
 * A value scaled by 10^scale as decimal text ("-12.340000"); buf holds at
 * least 48 bytes.  Returns the length.
 */
size_t
vbp_format_scaled(vbp_int128 v, int scale, char *buf)
{
	char		digits[48];
	int			n = 0;
	size_t		len = 0;
	vbp_uint128 u = v < 0 ? -(vbp_uint128) v : (vbp_uint128) v;

	do
	{
		digits[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u > 0 || n <= scale);
	if (v < 0)
		buf[len++] = '-';
	while (n > 0)
	{
		if (n == scale)
			buf[len++] = '.';
		buf[len++] = digits[--n];
	}
	buf[len] = '\0';
	return len;
}
