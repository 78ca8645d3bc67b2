/*
 * test_money.c
 *		cny parsing, formatting, arithmetic and exact sums.
 */
#include "unit.h"

static int64_t
parse_ok(const char *s, int *failures)
{
	int64_t		fen = 0;
	vbp_error	err;

	if (vbp_cny_parse(s, strlen(s), &fen, &err) != VBP_OK)
	{
		(*failures)++;
		fprintf(stderr, "    \"%s\" rejected: %s\n", s, err.detail);
	}
	return fen;
}

static vbp_errkind
parse_kind(const char *s)
{
	int64_t		fen;
	vbp_error	err;

	return vbp_cny_parse(s, strlen(s), &fen, &err);
}

TEST(money_parse_accepts)
{
	CHECK(parse_ok("1234.56", failures) == 123456);
	CHECK(parse_ok("¥1,234.56", failures) == 123456);	/* ¥ and separators */
	CHECK(parse_ok("￥1,234,567.8", failures) == 123456780);	/* full-width sign */
	CHECK(parse_ok("-0.5", failures) == -50);
	CHECK(parse_ok("-¥0.5", failures) == -50);
	CHECK(parse_ok("¥-0.5", failures) == -50);
	CHECK(parse_ok("  7  ", failures) == 700);
	CHECK(parse_ok("+3.", failures) == 300);
	CHECK(parse_ok("0", failures) == 0);
	/* 12.345 -> third decimal 5 -> half away from zero -> 12.35 */
	CHECK(parse_ok("12.345", failures) == 1235);
	/* 12.3449 -> 0.0049 < 0.005 -> 12.34 */
	CHECK(parse_ok("12.3449", failures) == 1234);
	/* -12.345 -> away from zero -> -12.35 */
	CHECK(parse_ok("-12.345", failures) == -1235);
	CHECK(parse_ok("-0.005", failures) == -1);
	CHECK(parse_ok("0.004999999", failures) == 0);
	/* the extremes in fen: the range is symmetric, |fen| <= INT64_MAX */
	CHECK(parse_ok("92233720368547758.07", failures) == INT64_MAX);
	CHECK(parse_ok("-92233720368547758.07", failures) == -INT64_MAX);
}

/* INT64_MIN fen (-92233720368547758.08) is no amount: it has no negation,
 * and the range error says "at most 92233720368547758.07 yuan in absolute value" */
TEST(money_range_symmetric)
{
	int64_t		r;
	vbp_error	err;

	CHECK(parse_kind("-92233720368547758.08") == VBP_ERANGE);
	CHECK(parse_kind("-92,233,720,368,547,758.075") == VBP_ERANGE);	/* rounds to ...08 */
	CHECK(vbp_cny_parse("-92233720368547758.08", 21, &r, &err) == VBP_ERANGE &&
		  strstr(err.detail, "92233720368547758.07") != NULL);
	CHECK(vbp_int128_to_fen(-(vbp_int128) INT64_MAX, &r, NULL) == VBP_OK && r == -INT64_MAX);
	CHECK(vbp_int128_to_fen((vbp_int128) INT64_MIN, &r, NULL) == VBP_ERANGE);
	/* arithmetic that would land on INT64_MIN is out of range, as its mirror is */
	CHECK(vbp_cny_sub(-INT64_MAX, 1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_add(-INT64_MAX, -1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_mul_int(INT64_MIN / 2, 2, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_neg(-INT64_MAX, &r, NULL) == VBP_OK && r == INT64_MAX);
	CHECK(vbp_cny_abs(-INT64_MAX, &r, NULL) == VBP_OK && r == INT64_MAX);
}

TEST(money_parse_rejects)
{
	CHECK(parse_kind("1.2.3") == VBP_ESYNTAX);
	CHECK(parse_kind("abc") == VBP_ESYNTAX);
	CHECK(parse_kind("") == VBP_ESYNTAX);
	CHECK(parse_kind("   ") == VBP_ESYNTAX);
	CHECK(parse_kind("-") == VBP_ESYNTAX);
	CHECK(parse_kind("¥") == VBP_ESYNTAX);
	CHECK(parse_kind(".5") == VBP_ESYNTAX);
	CHECK(parse_kind("1,23") == VBP_ESYNTAX);
	CHECK(parse_kind("1234,567") == VBP_ESYNTAX);
	CHECK(parse_kind("1,2345") == VBP_ESYNTAX);
	CHECK(parse_kind(",123") == VBP_ESYNTAX);
	CHECK(parse_kind("1,") == VBP_ESYNTAX);
	CHECK(parse_kind("--1") == VBP_ESYNTAX);
	CHECK(parse_kind("-¥-1") == VBP_ESYNTAX);
	CHECK(parse_kind("1e3") == VBP_ESYNTAX);
	CHECK(parse_kind("1 000") == VBP_ESYNTAX);
	CHECK(parse_kind("92233720368547758.08") == VBP_ERANGE);
	CHECK(parse_kind("-92233720368547758.09") == VBP_ERANGE);
	CHECK(parse_kind("99999999999999999999999999999999999") == VBP_ERANGE);
	/* rounding may overflow: 92233720368547758.075 -> .08 */
	CHECK(parse_kind("92233720368547758.075") == VBP_ERANGE);
}

TEST(money_format)
{
	char		buf[VBP_CNY_BUFLEN];

	vbp_cny_format(123456, buf);
	CHECK_STR(buf, "1234.56");
	vbp_cny_format(-50, buf);
	CHECK_STR(buf, "-0.50");
	vbp_cny_format(0, buf);
	CHECK_STR(buf, "0.00");
	vbp_cny_format(7, buf);
	CHECK_STR(buf, "0.07");
	vbp_cny_format(INT64_MAX, buf);
	CHECK_STR(buf, "92233720368547758.07");
	vbp_cny_format(INT64_MIN, buf);
	CHECK_STR(buf, "-92233720368547758.08");
}

TEST(money_round_trip)
{
	/* every formatted value parses back to itself */
	static const int64_t samples[] = {0, 1, -1, 99, -99, 100, 123456789, INT64_MAX, -INT64_MAX, -INT64_MAX + 1};
	size_t		i;

	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		char		buf[VBP_CNY_BUFLEN];

		vbp_cny_format(samples[i], buf);
		CHECK(parse_ok(buf, failures) == samples[i]);
	}
}

TEST(money_round_div)
{
	vbp_int128	q;

	/* 5/2 = 2.5 -> 3; -5/2 -> -3; 5/-2 -> -3; -5/-2 -> 3 */
	CHECK(vbp_round_div(5, 2, &q, NULL) == VBP_OK && q == 3);
	CHECK(vbp_round_div(-5, 2, &q, NULL) == VBP_OK && q == -3);
	CHECK(vbp_round_div(5, -2, &q, NULL) == VBP_OK && q == -3);
	CHECK(vbp_round_div(-5, -2, &q, NULL) == VBP_OK && q == 3);
	/* 7/3 = 2.33 -> 2; 8/3 = 2.67 -> 3; -8/3 -> -3 */
	CHECK(vbp_round_div(7, 3, &q, NULL) == VBP_OK && q == 2);
	CHECK(vbp_round_div(8, 3, &q, NULL) == VBP_OK && q == 3);
	CHECK(vbp_round_div(-8, 3, &q, NULL) == VBP_OK && q == -3);
	CHECK(vbp_round_div(1, 0, &q, NULL) == VBP_EDIVZERO);
}

TEST(money_arithmetic)
{
	int64_t		r;

	CHECK(vbp_cny_add(150, 250, &r, NULL) == VBP_OK && r == 400);
	CHECK(vbp_cny_add(INT64_MAX, 1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_sub(INT64_MIN, 1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_neg(INT64_MIN, &r, NULL) == VBP_ERANGE);
	/* saving: 500.00 spent, 100 units at 1.80 = 180.00 -> 320.00; cheaper than the benchmark -> 0 */
	CHECK(vbp_ppu_saving(50000, 18000, &r, NULL) == VBP_OK && r == 32000);
	CHECK(vbp_ppu_saving(5000, 18000, &r, NULL) == VBP_OK && r == 0);
	CHECK(vbp_ppu_saving(INT64_MAX, -1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_abs(-5, &r, NULL) == VBP_OK && r == 5);
	CHECK(vbp_cny_mul_int(333, 3, &r, NULL) == VBP_OK && r == 999);
	CHECK(vbp_cny_mul_int(INT64_MAX / 2 + 1, 2, &r, NULL) == VBP_ERANGE);
	/* 10.00 / 3 = 333.33.. fen -> 333 fen; 0.05 / 2 = 2.5 fen -> 3 fen */
	CHECK(vbp_cny_div_int(1000, 3, &r, NULL) == VBP_OK && r == 333);
	CHECK(vbp_cny_div_int(5, 2, &r, NULL) == VBP_OK && r == 3);
	CHECK(vbp_cny_div_int(-5, 2, &r, NULL) == VBP_OK && r == -3);
	CHECK(vbp_cny_div_int(INT64_MIN, -1, &r, NULL) == VBP_ERANGE);
	CHECK(vbp_cny_div_int(1, 0, &r, NULL) == VBP_EDIVZERO);
}

TEST(money_sum_exact)
{
	vbp_cny_sum a,
				b,
				c;
	unsigned char wire[VBP_CNY_SUM_WIRE];
	int64_t		fen;
	int			i;

	vbp_cny_sum_init(&a);
	vbp_cny_sum_init(&b);
	/* 4 x INT64_MAX overflows int64 but not the 128-bit state */
	for (i = 0; i < 4; i++)
		vbp_cny_sum_add(&a, INT64_MAX);
	for (i = 0; i < 4; i++)
		vbp_cny_sum_add(&b, -INT64_MAX);
	CHECK(vbp_cny_sum_total(&a, &fen, NULL) == VBP_ERANGE);
	vbp_cny_sum_combine(&a, &b);
	CHECK(a.count == 8);
	CHECK(vbp_cny_sum_total(&a, &fen, NULL) == VBP_OK && fen == 0);

	/* mean of 1, 2 fen = 1.5 -> 2; of -1, -2 -> -2 */
	vbp_cny_sum_init(&c);
	vbp_cny_sum_add(&c, 1);
	vbp_cny_sum_add(&c, 2);
	CHECK(vbp_cny_sum_mean(&c, &fen, NULL) == VBP_OK && fen == 2);
	vbp_cny_sum_init(&c);
	vbp_cny_sum_add(&c, -1);
	vbp_cny_sum_add(&c, -2);
	CHECK(vbp_cny_sum_mean(&c, &fen, NULL) == VBP_OK && fen == -2);

	/* serialization round trip keeps a negative 128-bit total */
	vbp_cny_sum_init(&a);
	for (i = 0; i < 3; i++)
		vbp_cny_sum_add(&a, INT64_MIN);
	vbp_cny_sum_serialize(&a, wire);
	vbp_cny_sum_deserialize(wire, &b);
	CHECK(b.total == a.total && b.count == 3);

	/* removal (moving windows) undoes an addition, past int64 too */
	vbp_cny_sum_remove(&a, INT64_MIN);
	vbp_cny_sum_remove(&a, INT64_MIN);
	CHECK(a.count == 1 && vbp_cny_sum_total(&a, &fen, NULL) == VBP_ERANGE);	/* INT64_MIN: no amount */
	vbp_cny_sum_remove(&a, INT64_MIN);
	vbp_cny_sum_add(&a, -INT64_MAX);
	CHECK(a.count == 1 && vbp_cny_sum_total(&a, &fen, NULL) == VBP_OK && fen == -INT64_MAX);
	vbp_cny_sum_remove(&a, -INT64_MAX);
	vbp_cny_sum_add(&a, INT64_MIN);
	vbp_cny_sum_remove(&a, INT64_MIN);
	CHECK(a.count == 0 && a.total == 0);
}

/* The range error the glue reports for a numeric result is the core's. */
TEST(money_range_error)
{
	vbp_error	err,
				want;
	int64_t		r;

	CHECK(vbp_cny_range_error(&err) == VBP_ERANGE && err.kind == VBP_ERANGE);
	CHECK(vbp_cny_add(INT64_MAX, 1, &r, &want) == VBP_ERANGE);
	CHECK_STR(err.detail, want.detail);
}

/* The state works at an address aligned to 8 but not 16, as palloc gives. */
TEST(money_sum_alignment)
{
	uint64_t	storage[8];
	char	   *base = (char *) storage;
	vbp_cny_sum *s;
	int64_t		fen;

	if (((uintptr_t) base) % 16 == 0)
		base += 8;
	s = (vbp_cny_sum *) base;
	vbp_cny_sum_init(s);
	vbp_cny_sum_add(s, 5);
	vbp_cny_sum_add(s, 7);
	vbp_cny_sum_combine(s, s);
	CHECK(vbp_cny_sum_total(s, &fen, NULL) == VBP_OK && fen == 24);
	CHECK(s->count == 4);
}

const unit_case money_cases[] = {
	{"money_sum_alignment", money_sum_alignment},
	{"money_parse_accepts", money_parse_accepts},
	{"money_range_symmetric", money_range_symmetric},
	{"money_parse_rejects", money_parse_rejects},
	{"money_format", money_format},
	{"money_round_trip", money_round_trip},
	{"money_round_div", money_round_div},
	{"money_arithmetic", money_arithmetic},
	{"money_sum_exact", money_sum_exact},
	{"money_range_error", money_range_error},
	{NULL, NULL}
};
