/*
 * test_price.c
 *		128-bit decimals with numeric's results (value and display scale) and
 *		the price-cut terms.  Expected values are what PostgreSQL 15 prints
 *		for the same numeric expressions.
 */
#include "unit.h"

static int
dec_is(const vbp_decimal *d, const char *want)
{
	char		buf[48];

	vbp_format_scaled(d->coef, d->scale, buf);
	if (strcmp(buf, want) != 0)
	{
		fprintf(stderr, "    got %s, want %s\n", buf, want);
		return 0;
	}
	return 1;
}

static vbp_decimal
dec(long long coef, int scale)
{
	vbp_decimal d;

	d.coef = coef;
	d.scale = scale;
	return d;
}

TEST(price_from_base10000)
{
	/* 12345.6789: digits 1|2345|6789 with weight 1, dscale 4 */
	int16_t		a[3] = {1, 2345, 6789};
	/* 4.5 is stored as 4|5000 (weight 0) with dscale 1: the last digit's zeros are not shown */
	int16_t		b[2] = {4, 5000};
	/* 0.00012 is 0.0001|2000: digits 1, 2000 with weight -1 */
	int16_t		c[2] = {1, 2000};
	/* 1e30 is one digit 100 of weight 7; 12 digits of 9999 do not fit */
	int16_t		e[1] = {100};
	int16_t		big[12] = {9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999, 9999};
	int16_t		bad[1] = {10000};
	vbp_decimal d;

	CHECK(vbp_decimal_from_base10000(a, 3, 1, 4, false, &d, NULL) == VBP_OK && dec_is(&d, "12345.6789"));
	CHECK(vbp_decimal_from_base10000(b, 2, 0, 1, true, &d, NULL) == VBP_OK && dec_is(&d, "-4.5"));
	CHECK(vbp_decimal_from_base10000(b, 2, 0, 3, false, &d, NULL) == VBP_OK && dec_is(&d, "4.500"));
	CHECK(vbp_decimal_from_base10000(c, 2, -1, 5, false, &d, NULL) == VBP_OK && dec_is(&d, "0.00012"));
	CHECK(vbp_decimal_from_base10000(e, 1, 7, 0, false, &d, NULL) == VBP_OK &&
		  dec_is(&d, "1000000000000000000000000000000"));
	/* zero keeps its display scale */
	CHECK(vbp_decimal_from_base10000(NULL, 0, 0, 2, false, &d, NULL) == VBP_OK && dec_is(&d, "0.00"));
	CHECK(vbp_decimal_from_base10000(big, 12, 11, 0, false, &d, NULL) == VBP_ERANGE);
	CHECK(vbp_decimal_from_base10000(e, 1, 10, 0, false, &d, NULL) == VBP_ERANGE);
	CHECK(vbp_decimal_from_base10000(a, 3, 1, 39, false, &d, NULL) == VBP_ERANGE);
	CHECK(vbp_decimal_from_base10000(bad, 1, 0, 0, false, &d, NULL) == VBP_EPARAM);
	/* 4.5 shown with no decimals would hide a digit */
	CHECK(vbp_decimal_from_base10000(b, 2, 0, 0, false, &d, NULL) == VBP_EPARAM);
}

TEST(price_decimal_division_scale)
{
	vbp_decimal a,
				b,
				q;
	vbp_error	err;

	/* 1 / 3: leading digits 1 <= 3, quotient weight -1: 16 + 4 = 20 places, rounded half up */
	a = dec(1, 0);
	b = dec(3, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "0.33333333333333333333"));
	/* 2 / 3 rounds up the last place */
	a = dec(2, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "0.66666666666666666667"));
	/* 4.00 / 10.00 = 0.40000000000000000000; 1903.00 / 3009.00 = 0.632436025257560651379... */
	a = dec(400, 2);
	b = dec(1000, 2);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "0.40000000000000000000"));
	a = dec(190300, 2);
	b = dec(300900, 2);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "0.63243602525756065138"));
	/* 123456789 / 2: weights 2 and 0, leading digits 1 <= 2: quotient weight 1, 16 - 4 = 12 places */
	a = dec(123456789, 0);
	b = dec(2, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "61728394.500000000000"));
	/* 9 / 2: leading 9 > 2, quotient weight 0: 16 places */
	a = dec(9, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "4.5000000000000000"));
	/*
	 * an operand's scale wins when larger: 1 / 0.0000000004 (leading digit 400 of weight -3,
	 * quotient weight 2: 8 places, but the divisor shows 10) = 2500000000.0000000000; with 25
	 * places the quotient 2.5 x 10^24 leaves 128 bits
	 */
	a = dec(1, 0);
	b = dec(4, 10);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "2500000000.0000000000"));
	b = dec(4, 25);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_ERANGE);
	/* zero divided keeps the scale: 0 / 7 = 0.00000000000000000000 */
	a = dec(0, 0);
	b = dec(7, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "0.00000000000000000000"));
	/* negative: -1 / 3 rounds away from zero */
	a = dec(-2, 0);
	b = dec(3, 0);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_OK && dec_is(&q, "-0.66666666666666666667"));
	/* too many places (1 / 10^30 needs 46), and division by zero */
	a = dec(1, 0);
	b = dec(1, 0);
	b.coef = (vbp_int128) 1000000000000000LL * 1000000000000000LL;
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_ERANGE);
	b = dec(0, 2);
	CHECK(vbp_decimal_div(&a, &b, &q, &err) == VBP_EDIVZERO);
}

TEST(price_decimal_add_mul)
{
	vbp_decimal s = dec(0, 0),
				x;
	vbp_error	err;

	/* 0 + 1.5 + 0.25 = 1.75: the larger scale */
	x = dec(15, 1);
	CHECK(vbp_decimal_add(&s, &x, &err) == VBP_OK && dec_is(&s, "1.5"));
	x = dec(25, 2);
	CHECK(vbp_decimal_add(&s, &x, &err) == VBP_OK && dec_is(&s, "1.75"));
	x = dec(-3, 0);
	CHECK(vbp_decimal_add(&s, &x, &err) == VBP_OK && dec_is(&s, "-1.25"));
	/* rescaling beyond 128 bits fails and leaves the sum */
	s = dec(1, 0);
	s.coef = (vbp_int128) 1000000000000000000LL * 1000000000000000000LL;
	x = dec(1, 3);
	CHECK(vbp_decimal_add(&s, &x, &err) == VBP_ERANGE && err.kind == VBP_ERANGE && s.scale == 0);
	/* 2.50 x 1.5 = 3.750: the scales add */
	s = dec(250, 2);
	x = dec(15, 1);
	CHECK(vbp_decimal_mul(&s, &x, &s, &err) == VBP_OK && dec_is(&s, "3.750"));
	x = dec(1, 37);
	CHECK(vbp_decimal_mul(&s, &x, &s, &err) == VBP_ERANGE);
}

TEST(price_cut_terms)
{
	vbp_decimal ref = dec(1000, 2),
				sel = dec(400, 2),
				vol = dec(100, 0);
	vbp_price_cut_terms t;
	vbp_error	err;

	/* 1 - 4.00 / 10.00 = 0.60000000000000000000; 10.00 x 100 = 1000.00; 4.00 x 100 = 400.00 */
	CHECK(vbp_price_cut_row(&ref, &sel, &vol, &t, &err) == VBP_OK);
	CHECK(dec_is(&t.cut, "0.60000000000000000000"));
	CHECK(dec_is(&t.reference_value, "1000.00") && dec_is(&t.selected_value, "400.00"));
	/* a free product cuts 100 %: 1 - 0 / 3 = 1.00000000000000000000 */
	sel = dec(0, 0);
	ref = dec(3, 0);
	CHECK(vbp_price_cut_row(&ref, &sel, &vol, &t, &err) == VBP_OK && dec_is(&t.cut, "1.00000000000000000000"));
	/* a dearer selected price is a negative cut: 1 - 5 / 4 = -0.2500000000000000 (5 > 4: 16 places) */
	sel = dec(5, 0);
	ref = dec(4, 0);
	CHECK(vbp_price_cut_row(&ref, &sel, &vol, &t, &err) == VBP_OK && dec_is(&t.cut, "-0.2500000000000000"));
	/* refused prices: reference 0 or below, selected below 0 (NaN counts as above every number) */
	ref = dec(0, 0);
	CHECK(vbp_price_cut_row(&ref, &sel, &vol, &t, &err) == VBP_EPARAM && err.kind == VBP_EPARAM);
	ref = dec(1, 0);
	sel = dec(-1, 2);
	CHECK(vbp_price_cut_row(&ref, &sel, &vol, &t, &err) == VBP_EPARAM);
	CHECK(vbp_price_cut_check(1, 0, &err) == VBP_OK && vbp_price_cut_check(0, 1, &err) == VBP_EPARAM &&
		  vbp_price_cut_check(-1, 1, &err) == VBP_EPARAM && vbp_price_cut_check(1, -1, &err) == VBP_EPARAM);
}

const unit_case price_cases[] = {
	{"price_from_base10000", price_from_base10000},
	{"price_decimal_division_scale", price_decimal_division_scale},
	{"price_decimal_add_mul", price_decimal_add_mul},
	{"price_cut_terms", price_cut_terms},
	{NULL, NULL}
};
