/*
 * money.c
 *		Exact RMB amounts in fen (int64), 128-bit sums, and the one place
 *		where vbp rounds: half away from zero (四舍五入).
 */
#include "vbp_core.h"

#include <string.h>

/*
 * The range is symmetric, |fen| <= INT64_MAX: every amount has a negation
 * and an absolute value, and the error text states one limit for both signs.
 * INT64_MIN is never a cny amount.
 */
#define FEN_MAX INT64_MAX
#define FEN_MIN (-INT64_MAX)

vbp_errkind
vbp_cny_range_error(vbp_error *err)
{
	return vbp_fail(err, VBP_ERANGE,
					"The result does not fit in a cny amount (at most 92233720368547758.07 yuan in absolute value).");
}

/* Rounds num/den to an integer, halves away from zero. */
vbp_errkind
vbp_round_div(vbp_int128 num, vbp_int128 den, vbp_int128 *quotient, vbp_error *err)
{
	vbp_int128	q,
				r;
	vbp_uint128 ar,
				aden;

	if (den == 0)
		return vbp_fail(err, VBP_EDIVZERO, "The divisor is zero.");
	q = num / den;				/* truncates toward zero */
	r = num % den;				/* same sign as num */
	ar = r < 0 ? -(vbp_uint128) r : (vbp_uint128) r;
	aden = den < 0 ? -(vbp_uint128) den : (vbp_uint128) den;
	if (ar >= aden - ar)		/* 2|r| >= |den|, without overflow */
		q += ((num < 0) != (den < 0)) ? -1 : 1;
	*quotient = q;
	return VBP_OK;
}

vbp_errkind
vbp_int128_to_fen(vbp_int128 v, int64_t *fen, vbp_error *err)
{
	if (v > FEN_MAX || v < FEN_MIN)
		return vbp_cny_range_error(err);
	*fen = (int64_t) v;
	return VBP_OK;
}

/* Character positions count UTF-8 characters (¥ is one). */
static vbp_errkind
unexpected(vbp_error *err, const char *s, const char *p)
{
	char		desc[VBP_CHARDESC_LEN];
	int			pos = 1;
	const char *q;

	for (q = s; q < p; q++)
		if (((unsigned char) *q & 0xC0) != 0x80)
			pos++;
	return vbp_fail(err, VBP_ESYNTAX, "Unexpected character %s at position %d.",
					vbp_describe_char(*p, desc), pos);
}

/* Reads one UTF-8 currency sign (¥ U+00A5 or ￥ U+FFE5) at p; returns its length. */
static size_t
currency_sign(const char *p, size_t left)
{
	const unsigned char *u = (const unsigned char *) p;

	if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA5)
		return 2;
	if (left >= 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xA5)
		return 3;
	return 0;
}

/*
 * Parses an amount in yuan: [sign][¥|￥][sign]digits[,ddd...][.digits]
 * Thousands separators must group by three.  Digits after the second decimal
 * are rounded half away from zero.
 */
vbp_errkind
vbp_cny_parse(const char *s, size_t len, int64_t *fen, vbp_error *err)
{
	const char *p;
	const char *end;
	bool		neg = false;
	bool		have_sign = false;
	vbp_int128	yuan = 0;
	int			int_digits = 0;
	int			group = -1;		/* digits since the last comma, -1 = none */
	int			frac = 0;
	int			frac_digits = 0;
	bool		round_up = false;
	size_t		n;

	len = vbp_trim(&s, len);
	p = s;
	end = s + len;
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The amount is empty.");

	if (p < end && (*p == '-' || *p == '+'))
	{
		neg = (*p == '-');
		have_sign = true;
		p++;
	}
	if ((n = currency_sign(p, end - p)) > 0)
	{
		p += n;
		if (!have_sign && p < end && (*p == '-' || *p == '+'))
		{
			neg = (*p == '-');
			p++;
		}
	}
	if (p == end || !(*p >= '0' && *p <= '9'))
		return vbp_fail(err, VBP_ESYNTAX,
						"An amount is a number of yuan such as 1234.56, optionally with a sign, ¥ and thousands separators.");

	for (; p < end && *p != '.'; p++)
	{
		if (*p == ',')
		{
			if (int_digits == 0 || (group >= 0 && group != 3) || (group < 0 && int_digits > 3))
				return vbp_fail(err, VBP_ESYNTAX,
								"Thousands separators must separate groups of three digits.");
			group = 0;
			continue;
		}
		if (!(*p >= '0' && *p <= '9'))
			return unexpected(err, s, p);
		yuan = yuan * 10 + (*p - '0');
		if (yuan > (vbp_int128) FEN_MAX)	/* far beyond range; stop growth */
			return vbp_cny_range_error(err);
		int_digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return vbp_fail(err, VBP_ESYNTAX,
						"Thousands separators must separate groups of three digits.");
	if (p < end && *p == '.')
	{
		p++;
		for (; p < end; p++)
		{
			if (!(*p >= '0' && *p <= '9'))
				return unexpected(err, s, p);
			if (frac_digits < 2)
				frac = frac * 10 + (*p - '0');
			else if (frac_digits == 2)
				round_up = (*p >= '5');
			frac_digits++;
		}
	}
	if (frac_digits == 1)
		frac *= 10;

	{
		vbp_int128	v = yuan * 100 + frac + (round_up ? 1 : 0);

		if (neg)
			v = -v;
		return vbp_int128_to_fen(v, fen, err);
	}
}

/* Writes "-1234.56"; returns the length. */
size_t
vbp_cny_format(int64_t fen, char *buf)
{
	char		tmp[VBP_CNY_BUFLEN];
	uint64_t	a = fen < 0 ? (uint64_t) 0 - (uint64_t) fen : (uint64_t) fen;
	int			n = 0;
	size_t		len = 0;

	/* digits in reverse: two decimals, the point, then at least one digit */
	tmp[n++] = (char) ('0' + a % 10);
	a /= 10;
	tmp[n++] = (char) ('0' + a % 10);
	a /= 10;
	tmp[n++] = '.';
	do
	{
		tmp[n++] = (char) ('0' + a % 10);
		a /= 10;
	} while (a > 0);
	if (fen < 0)
		buf[len++] = '-';
	while (n > 0)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
	return len;
}

vbp_errkind
vbp_cny_add(int64_t a, int64_t b, int64_t *r, vbp_error *err)
{
	if (__builtin_add_overflow(a, b, r) || *r < FEN_MIN)
		return vbp_cny_range_error(err);
	return VBP_OK;
}

vbp_errkind
vbp_cny_sub(int64_t a, int64_t b, int64_t *r, vbp_error *err)
{
	if (__builtin_sub_overflow(a, b, r) || *r < FEN_MIN)
		return vbp_cny_range_error(err);
	return VBP_OK;
}

/*
 * Price-per-unit saving: what was spent beyond the units at the benchmark unit
 * price, max(0, spend - cost), both in fen.
 */
vbp_errkind
vbp_ppu_saving(int64_t spend, int64_t cost, int64_t *r, vbp_error *err)
{
	int64_t		d;

	if (__builtin_sub_overflow(spend, cost, &d))
		return vbp_cny_range_error(err);
	*r = d > 0 ? d : 0;
	return VBP_OK;
}

vbp_errkind
vbp_cny_neg(int64_t a, int64_t *r, vbp_error *err)
{
	if (a < FEN_MIN)
		return vbp_cny_range_error(err);
	*r = -a;
	return VBP_OK;
}

vbp_errkind
vbp_cny_abs(int64_t a, int64_t *r, vbp_error *err)
{
	return a < 0 ? vbp_cny_neg(a, r, err) : (*r = a, VBP_OK);
}

vbp_errkind
vbp_cny_mul_int(int64_t a, int64_t k, int64_t *r, vbp_error *err)
{
	if (__builtin_mul_overflow(a, k, r) || *r < FEN_MIN)
		return vbp_cny_range_error(err);
	return VBP_OK;
}

vbp_errkind
vbp_cny_div_int(int64_t a, int64_t k, int64_t *r, vbp_error *err)
{
	vbp_int128	q;
	vbp_errkind e = vbp_round_div(a, k, &q, err);

	if (e != VBP_OK)
		return e;
	return vbp_int128_to_fen(q, r, err);
}

void
vbp_cny_sum_init(vbp_cny_sum *s)
{
	s->total = 0;
	s->count = 0;
}

/*
 * The 128-bit total cannot overflow in practice: 2^127 fen needs more than
 * 2^63 rows of the largest amount, and count is int64.
 */
void
vbp_cny_sum_add(vbp_cny_sum *s, int64_t fen)
{
	s->total += fen;
	s->count++;
}

void
vbp_cny_sum_remove(vbp_cny_sum *s, int64_t fen)
{
	s->total -= fen;
	s->count--;
}

void
vbp_cny_sum_combine(vbp_cny_sum *into, const vbp_cny_sum *from)
{
	into->total += from->total;
	into->count += from->count;
}

void
vbp_cny_sum_serialize(const vbp_cny_sum *s, unsigned char *wire)
{
	vbp_put_be128(wire, s->total);
	vbp_put_be64(wire + 16, s->count);
}

void
vbp_cny_sum_deserialize(const unsigned char *wire, vbp_cny_sum *s)
{
	s->total = vbp_get_be128(wire);
	s->count = vbp_get_be64(wire + 16);
}

vbp_errkind
vbp_cny_sum_total(const vbp_cny_sum *s, int64_t *fen, vbp_error *err)
{
	return vbp_int128_to_fen(s->total, fen, err);
}

/* Mean in fen, rounded half away from zero; the caller handles count == 0. */
vbp_errkind
vbp_cny_sum_mean(const vbp_cny_sum *s, int64_t *fen, vbp_error *err)
{
	vbp_int128	q;
	vbp_errkind e = vbp_round_div(s->total, s->count, &q, err);

	if (e != VBP_OK)
		return e;
	return vbp_int128_to_fen(q, fen, err);
}
