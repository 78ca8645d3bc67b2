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


static vbp_rank_cell
cell(int64_t org, int32_t month, int64_t spend, int64_t units)
{
	vbp_rank_cell c = {org, spend, units, month, -2, 0};

	return c;
}

static const vbp_rank_cell *
find_cell(const vbp_rank_cell *c, size_t n, int64_t org, int32_t month)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (c[i].org == org && c[i].month == month)
			return &c[i];
	return NULL;
}

TEST(price_rank_cells)
{
	vbp_rank_cell c[10];
	vbp_error	err;
	size_t		i,
				at = 99;

	/*
	 * Month 1, five peers: D 0.50 (-100 fen / -2 units, a return), A 1.00
	 * (1000 / 10), B 1.00 (500 / 5), E 2.00 (600 / 3), C 3.00 (1200 / 4).
	 * below = 0, 1, 1, 3, 4; hundredths = floor((20000 below + 4) / 8) = 0,
	 * 2500, 2500, 7500, 10000.  Month 2: A alone, fewer than 5 peers: none.
	 * Month 3, three peers (1.00, 2.00, 3.00 for 3 units): fewer than 5: none.
	 */
	c[0] = cell(3, 1, 1200, 4);
	c[1] = cell(1, 1, 1000, 10);
	c[2] = cell(4, 1, -100, -2);
	c[3] = cell(2, 1, 500, 5);
	c[4] = cell(5, 1, 600, 3);
	c[5] = cell(1, 2, 700, 7);
	c[6] = cell(1, 3, 300, 3);
	c[7] = cell(2, 3, 600, 3);
	c[8] = cell(3, 3, 900, 3);
	CHECK(vbp_rank_cells(c, 9, 5, &at, &err) == VBP_OK);
	CHECK(find_cell(c, 9, 4, 1)->hundredths == 0);
	CHECK(find_cell(c, 9, 1, 1)->hundredths == 2500);
	CHECK(find_cell(c, 9, 2, 1)->hundredths == 2500);
	CHECK(find_cell(c, 9, 5, 1)->hundredths == 7500);
	CHECK(find_cell(c, 9, 3, 1)->hundredths == 10000);
	CHECK(find_cell(c, 9, 1, 2)->hundredths == -1);
	CHECK(find_cell(c, 9, 2, 3)->hundredths == -1);
	/* sorted by institution, then month */
	for (i = 1; i < 9; i++)
		CHECK(c[i - 1].org < c[i].org || (c[i - 1].org == c[i].org && c[i - 1].month < c[i].month));
	/* with min_peers 1: month 2's lone cell is 0; month 3: below 0, 1, 2 of 3 peers,
	 * floor((20000 below + 2) / 4) = 0, 5000, 10000 */
	CHECK(vbp_rank_cells(c, 9, 1, &at, &err) == VBP_OK);
	CHECK(find_cell(c, 9, 1, 2)->hundredths == 0);
	CHECK(find_cell(c, 9, 1, 3)->hundredths == 0 && find_cell(c, 9, 2, 3)->hundredths == 5000 &&
		  find_cell(c, 9, 3, 3)->hundredths == 10000);
	/* four peers: 100 x 1 / 3 = 33.33, 100 x 2 / 3 = 66.67 (half up): floor((20000 below + 3) / 6) */
	c[0] = cell(1, 7, 100, 1);
	c[1] = cell(2, 7, 200, 1);
	c[2] = cell(3, 7, 300, 1);
	c[3] = cell(4, 7, 400, 1);
	CHECK(vbp_rank_cells(c, 4, 4, &at, &err) == VBP_OK);
	CHECK(c[0].hundredths == 0 && c[1].hundredths == 3333 && c[2].hundredths == 6667 && c[3].hundredths == 10000);
	/*
	 * Equal prices are equal whatever the quantities: 22522.60 / 12780 and
	 * 19144.21 / 10863 are the same fraction (2252260 x 10863 = 1914421 x 12780
	 * = 24466300380), 1.76233176838810641627... (x 10^20 truncated:
	 * 176233176838810641627); both tie (numeric's own
	 * quotients, 1.7623317683881064 and 1.76233176838810641628, would not)
	 */
	c[0] = cell(1, 1, 1914421, 10863);
	c[1] = cell(2, 1, 2252260, 12780);
	CHECK(vbp_rank_cells(c, 2, 1, &at, &err) == VBP_OK);
	CHECK(c[0].hundredths == 0 && c[1].hundredths == 0);
	CHECK(c[0].price == c[1].price && c[0].price == (vbp_int128) 1762331768388106416LL * 100 + 27);
	/* 10^-20 yuan apart is apart: (10^18 + 1) fen / 10^18 units against 1 fen / 1 unit */
	c[0] = cell(1, 1, 1000000000000000001LL, 1000000000000000000LL);
	c[1] = cell(2, 1, 1, 1);
	CHECK(vbp_rank_cells(c, 2, 1, &at, &err) == VBP_OK);
	CHECK(c[0].hundredths == 10000 && c[1].hundredths == 0);
	/* no units: no unit price; one institution twice in a month */
	c[0] = cell(1, 1, 100, 0);
	CHECK(vbp_rank_cells(c, 1, 1, &at, &err) == VBP_EDIVZERO && err.kind == VBP_EDIVZERO && at == 0);
	c[0] = cell(1, 1, 100, 1);
	c[1] = cell(1, 1, 200, 1);
	CHECK(vbp_rank_cells(c, 2, 1, &at, &err) == VBP_EPARAM && at == 1);
	CHECK(vbp_rank_cells(c, 0, 5, &at, &err) == VBP_OK);
}

const unit_case price_cases[] = {
	{"price_from_base10000", price_from_base10000},
	{"price_decimal_division_scale", price_decimal_division_scale},
	{"price_decimal_add_mul", price_decimal_add_mul},
	{"price_cut_terms", price_cut_terms},
	{"price_rank_cells", price_rank_cells},
	{NULL, NULL}
};
