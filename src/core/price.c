/*
 * price.c
 *		Price cuts (降幅): a selected product's cut 1 - selected / reference
 *		price, and the terms vbp.price_cuts sums, in 128-bit decimals that
 *		give exactly what PostgreSQL's numeric gives, value and display scale
 *		alike, so a result does not depend on which arithmetic computed it.
 *
 * A vbp_decimal is coef x 10^-scale, scale being numeric's display scale.
 * Addition and multiplication are exact, with the scale numeric gives them
 * (the larger scale; the sum of the scales).  Division follows numeric's
 * rule: at least 16 significant digits and no fewer decimals than either
 * operand shows, rounded half away from zero.  What does not fit in 128 bits
 * or VBP_DECIMAL_MAXSCALE decimals is VBP_ERANGE, and the caller computes
 * that one in numeric itself.
 */
#include <stdlib.h>

#include "vbp_core.h"

/* numeric's division scale: NUMERIC_MIN_SIG_DIGITS, in base-10000 digits of DEC_DIGITS */
#define MIN_SIG_DIGITS 16
#define DEC_DIGITS 4
#define NBASE 10000

#define E18 ((vbp_int128) 1000000000000000000LL)

static const vbp_int128 powers_of_10[VBP_DECIMAL_MAXSCALE + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL,
	100000000000000000LL, E18, E18 * 10, E18 * 100, E18 * 1000, E18 * 10000,
	E18 * 100000, E18 * 1000000, E18 * 10000000, E18 * 100000000,
	E18 * 1000000000, E18 * 10000000000LL, E18 * 100000000000LL,
	E18 * 1000000000000LL, E18 * 10000000000000LL, E18 * 100000000000000LL,
	E18 * 1000000000000000LL, E18 * 10000000000000000LL,
	E18 * 100000000000000000LL, E18 * E18, E18 * E18 * 10, E18 * E18 * 100
};

static vbp_errkind
too_large(vbp_error *err)
{
	return vbp_fail(err, VBP_ERANGE, "The value does not fit in 128 bits and %d decimal places.",
					VBP_DECIMAL_MAXSCALE);
}

vbp_errkind
vbp_decimal_from_base10000(const int16_t *digits, int ndigits, int weight, int dscale,
						   bool negative, vbp_decimal *out, vbp_error *err)
{
	vbp_int128	acc = 0;
	int			shift,
				i;

	if (dscale < 0 || dscale > VBP_DECIMAL_MAXSCALE)
		return too_large(err);
	for (i = 0; i < ndigits; i++)
	{
		if (digits[i] < 0 || digits[i] >= NBASE)
			return vbp_fail(err, VBP_EPARAM, "A base-10000 digit is %d.", digits[i]);
		if (__builtin_mul_overflow(acc, NBASE, &acc) || __builtin_add_overflow(acc, digits[i], &acc))
			return too_large(err);
	}
	/* acc is in units of the last digit, 10000^(weight - ndigits + 1) */
	shift = DEC_DIGITS * (weight - ndigits + 1) + dscale;
	if (acc == 0)
		;
	else if (shift >= 0)
	{
		if (shift > VBP_DECIMAL_MAXSCALE || __builtin_mul_overflow(acc, powers_of_10[shift], &acc))
			return too_large(err);
	}
	else
	{
		if (-shift > DEC_DIGITS - 1 || acc % powers_of_10[-shift] != 0)
			return vbp_fail(err, VBP_EPARAM, "The digits go beyond the display scale %d.", dscale);
		acc /= powers_of_10[-shift];
	}
	out->coef = negative ? -acc : acc;
	out->scale = dscale;
	return VBP_OK;
}

vbp_errkind
vbp_decimal_add(vbp_decimal *sum, const vbp_decimal *x, vbp_error *err)
{
	vbp_int128	s = sum->coef,
				v = x->coef;
	int32_t		scale = sum->scale;

	if (x->scale > scale)
	{
		if (__builtin_mul_overflow(s, powers_of_10[x->scale - scale], &s))
			return too_large(err);
		scale = x->scale;
	}
	else if (x->scale < scale && __builtin_mul_overflow(v, powers_of_10[scale - x->scale], &v))
		return too_large(err);
	if (__builtin_add_overflow(s, v, &s))
		return too_large(err);
	sum->coef = s;
	sum->scale = scale;
	return VBP_OK;
}

vbp_errkind
vbp_decimal_mul(const vbp_decimal *a, const vbp_decimal *b, vbp_decimal *r, vbp_error *err)
{
	vbp_int128	p;

	if (a->scale + b->scale > VBP_DECIMAL_MAXSCALE || __builtin_mul_overflow(a->coef, b->coef, &p))
		return too_large(err);
	r->coef = p;
	r->scale = a->scale + b->scale;
	return VBP_OK;
}

/*
 * The weight and value of the leading base-10000 digit of coef x 10^-scale,
 * as numeric stores it (0 and 0 for zero).
 */
static void
leading_digit(vbp_int128 coef, int scale, int *weight, int *first)
{
	vbp_uint128 u = coef < 0 ? -(vbp_uint128) coef : (vbp_uint128) coef;
	int			ndigits = 1,
				exponent,
				w,
				shift;

	if (u == 0)
	{
		*weight = 0;
		*first = 0;
		return;
	}
	while (ndigits <= VBP_DECIMAL_MAXSCALE && u >= (vbp_uint128) powers_of_10[ndigits])
		ndigits++;
	exponent = ndigits - 1 - scale; /* of the leading decimal digit */
	w = exponent >= 0 ? exponent / DEC_DIGITS : -((-exponent + DEC_DIGITS - 1) / DEC_DIGITS);
	shift = scale + DEC_DIGITS * w; /* between ndigits - 4 and ndigits - 1 */
	*weight = w;
	*first = (int) (shift >= 0 ? u / (vbp_uint128) powers_of_10[shift] : u * (vbp_uint128) powers_of_10[-shift]);
}

vbp_errkind
vbp_decimal_div(const vbp_decimal *a, const vbp_decimal *b, vbp_decimal *q, vbp_error *err)
{
	int			weight1,
				first1,
				weight2,
				first2,
				qweight,
				rscale,
				k;
	vbp_int128	num = 0,
				quotient;
	vbp_errkind kind;

	if (b->coef == 0)
		return vbp_fail(err, VBP_EDIVZERO, "The divisor is zero.");
	leading_digit(a->coef, a->scale, &weight1, &first1);
	leading_digit(b->coef, b->scale, &weight2, &first2);
	/* numeric's select_div_scale: the quotient's weight, guessing low on equal leading digits */
	qweight = weight1 - weight2;
	if (first1 <= first2)
		qweight--;
	rscale = MIN_SIG_DIGITS - qweight * DEC_DIGITS;
	if (rscale < a->scale)
		rscale = a->scale;
	if (rscale < b->scale)
		rscale = b->scale;
	if (rscale < 0)
		rscale = 0;
	if (rscale > VBP_DECIMAL_MAXSCALE)
		return too_large(err);
	/* a / b = a.coef x 10^(rscale + b.scale - a.scale) / b.coef x 10^-rscale */
	k = rscale + b->scale - a->scale;
	if (a->coef != 0 && (k > VBP_DECIMAL_MAXSCALE || __builtin_mul_overflow(a->coef, powers_of_10[k], &num)))
		return too_large(err);
	kind = vbp_round_div(num, b->coef, &quotient, err);
	if (kind != VBP_OK)
		return kind;
	q->coef = quotient;
	q->scale = rscale;
	return VBP_OK;
}

/*
 * The prices a cut is defined for: a reference price above zero and a
 * selected price not below it.  Signs are -1, 0 or 1; numeric's NaN, which
 * sorts above every number, counts as 1.
 */
vbp_errkind
vbp_price_cut_check(int reference_sign, int selected_sign, vbp_error *err)
{
	if (reference_sign <= 0 || selected_sign < 0)
		return vbp_fail(err, VBP_EPARAM,
						"The reference price must be above zero and the selected price not below zero.");
	return VBP_OK;
}

static int
sign_of(const vbp_decimal *d)
{
	return d->coef > 0 ? 1 : (d->coef < 0 ? -1 : 0);
}

/*
 * One product's terms: its cut 1 - selected / reference (numeric's division,
 * then the subtraction from 1 at the quotient's scale), reference x volume
 * and selected x volume.
 */
vbp_errkind
vbp_price_cut_row(const vbp_decimal *reference, const vbp_decimal *selected,
				  const vbp_decimal *volume, vbp_price_cut_terms *t, vbp_error *err)
{
	vbp_decimal q;
	vbp_errkind kind;

	if ((kind = vbp_price_cut_check(sign_of(reference), sign_of(selected), err)) != VBP_OK ||
		(kind = vbp_decimal_div(selected, reference, &q, err)) != VBP_OK ||
		(kind = vbp_decimal_mul(reference, volume, &t->reference_value, err)) != VBP_OK ||
		(kind = vbp_decimal_mul(selected, volume, &t->selected_value, err)) != VBP_OK)
		return kind;
	/* 0 <= q.coef < 2^127 and 10^q.scale <= 10^38: the difference fits */
	t->cut.coef = powers_of_10[q.scale] - q.coef;
	t->cut.scale = q.scale;
	return VBP_OK;
}

static int
unit_price_cmp(const vbp_rank_cell *a, const vbp_rank_cell *b)
{
	return (a->price > b->price) - (a->price < b->price);
}

static int
month_price_cmp(const void *p, const void *q)
{
	const vbp_rank_cell *a = p,
			   *b = q;

	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return unit_price_cmp(a, b);
}

static int
org_month_cmp(const void *p, const void *q)
{
	const vbp_rank_cell *a = p,
			   *b = q;

	if (a->org != b->org)
		return a->org < b->org ? -1 : 1;
	return (a->month > b->month) - (a->month < b->month);
}

vbp_errkind
vbp_rank_cells(vbp_rank_cell *cells, size_t n, int64_t min_peers, size_t *at, vbp_error *err)
{
	size_t		i,
				start;

	/*
	 * The unit price in yuan truncated to 20 places, as an integer: spend in fen
	 * x 10^18 / units, truncated towards zero (|spend| x 10^18 < 2^127)
	 */
	for (i = 0; i < n; i++)
	{
		if (cells[i].units == 0)
		{
			*at = i;
			return vbp_fail(err, VBP_EDIVZERO, "A cell has 0 units, so its unit price is undefined.");
		}
		cells[i].price = (vbp_int128) cells[i].spend * E18 / cells[i].units;
	}
	qsort(cells, n, sizeof(vbp_rank_cell), month_price_cmp);
	for (start = 0; start < n; start = i)
	{
		size_t		peers,
					below = 0,
					j;

		for (i = start; i < n && cells[i].month == cells[start].month; i++)
			;
		peers = i - start;
		for (j = start; j < i; j++)
		{
			/* below: the cells of the month with a lower unit price */
			if (j > start && unit_price_cmp(&cells[j - 1], &cells[j]) != 0)
				below = j - start;
			if ((int64_t) peers < min_peers)
				cells[j].hundredths = -1;
			else if (peers == 1)
				cells[j].hundredths = 0;
			else
				cells[j].hundredths = (int32_t) ((20000 * (int64_t) below + (int64_t) peers - 1) /
												 (2 * ((int64_t) peers - 1)));
		}
	}
	qsort(cells, n, sizeof(vbp_rank_cell), org_month_cmp);
	for (i = 1; i < n; i++)
		if (cells[i].org == cells[i - 1].org && cells[i].month == cells[i - 1].month)
		{
			*at = i;
			return vbp_fail(err, VBP_EPARAM, "An institution has two cells in one month.");
		}
	return VBP_OK;
}
