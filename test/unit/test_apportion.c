/*
 * test_apportion.c
 *		Largest-remainder apportionment: worked examples and properties over
 *		random totals and weights.
 */
#include "unit.h"

#include <stdlib.h>

static int64_t shares[64];
static vbp_apportion_item scratch[64];

TEST(apportion_examples)
{
	/* 100.00 yuan over 1:1:1: quotas 3333 each, 1 fen left; ties on remainder
	 * and weight go to the first row -> 33.34, 33.33, 33.33 */
	int64_t		w1[] = {1, 1, 1};
	/* 10.00 over 5:3:2 is exact: 5.00, 3.00, 2.00 */
	int64_t		w2[] = {5, 3, 2};
	/* 0.05 over 1:1: 2.5 fen each; the leftover fen goes to the first -> 0.03, 0.02 */
	int64_t		w3[] = {1, 1};
	/* 1.00 over 2:1:1:0 -> 50, 25, 25, 0 */
	int64_t		w4[] = {2, 1, 1, 0};
	/* 0.10 over 7:2:1 -> 7, 2, 1 exactly; 0.11 -> quotas 7.7, 2.2, 1.1 = 7, 2, 1,
	 * 1 left, largest remainder 0.7 -> 8, 2, 1 */
	int64_t		w5[] = {7, 2, 1};

	CHECK(vbp_apportion(10000, w1, 3, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == 3334 && shares[1] == 3333 && shares[2] == 3333);
	CHECK(vbp_apportion(1000, w2, 3, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == 500 && shares[1] == 300 && shares[2] == 200);
	CHECK(vbp_apportion(5, w3, 2, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == 3 && shares[1] == 2);
	CHECK(vbp_apportion(100, w4, 4, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == 50 && shares[1] == 25 && shares[2] == 25 && shares[3] == 0);
	CHECK(vbp_apportion(11, w5, 3, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == 8 && shares[1] == 2 && shares[2] == 1);
	/* negative totals mirror positive ones: -0.05 over 1:1 -> -0.03, -0.02 */
	CHECK(vbp_apportion(-5, w3, 2, shares, scratch, NULL) == VBP_OK);
	CHECK(shares[0] == -3 && shares[1] == -2);
	/* ties on remainder go to the larger weight first: 0.01 over 2:1 is 0.67, 0.33 fen,
	 * remainders 2 and 1 (of 3) -> the leftover fen goes to weight 2 */
	{
		int64_t		w6[] = {1, 2};

		CHECK(vbp_apportion(1, w6, 2, shares, scratch, NULL) == VBP_OK);
		CHECK(shares[0] == 0 && shares[1] == 1);
	}
}

TEST(apportion_extremes_and_errors)
{
	int64_t		big[] = {INT64_MAX, INT64_MAX, 1};
	int64_t		neg[] = {1, -1};
	int64_t		zero[] = {0, 0};
	vbp_error	err;

	CHECK(vbp_apportion(INT64_MAX, big, 3, shares, scratch, NULL) == VBP_OK);
	CHECK((vbp_int128) shares[0] + shares[1] + shares[2] == INT64_MAX);
	CHECK(vbp_apportion(INT64_MIN, big, 3, shares, scratch, NULL) == VBP_OK);
	CHECK((vbp_int128) shares[0] + shares[1] + shares[2] == INT64_MIN);
	CHECK(vbp_apportion(100, neg, 2, shares, scratch, &err) == VBP_EPARAM);
	CHECK(vbp_apportion(100, zero, 2, shares, scratch, &err) == VBP_EPARAM);
	CHECK(vbp_apportion(0, zero, 2, shares, scratch, &err) == VBP_OK && shares[0] == 0 && shares[1] == 0);
	CHECK(vbp_apportion(100, zero, 0, shares, scratch, &err) == VBP_EPARAM);	/* no rows */
}

static uint64_t seed_state = 0x2545F4914F6CDD1DULL;

static uint64_t
next(void)
{
	return unit_rng(&seed_state);
}

/*
 * Properties over 20,000 random cases: the shares sum to the total exactly,
 * each is within one fen of T * w_i / W, and a larger weight never gets less.
 */
TEST(apportion_properties)
{
	int			c;

	for (c = 0; c < 20000; c++)
	{
		size_t		n = 1 + next() % 40,
					i,
					j;
		int64_t		w[64];
		int64_t		total;
		vbp_int128	sum = 0,
					wsum = 0;

		for (i = 0; i < n; i++)
		{
			switch (next() % 4)
			{
				case 0:
					w[i] = 0;
					break;
				case 1:
					w[i] = (int64_t) (next() % 10);
					break;
				case 2:
					w[i] = (int64_t) (next() % 1000000);
					break;
				default:
					w[i] = (int64_t) (next() >> 2);
					break;
			}
			wsum += w[i];
		}
		if (wsum == 0)
			w[0] = 1, wsum = 1;
		total = (c % 3 == 0) ? (int64_t) (next() % 1000) - 500 : (int64_t) (next() >> 1) * ((c % 2) ? 1 : -1);
		CHECK(vbp_apportion(total, w, n, shares, scratch, NULL) == VBP_OK);
		for (i = 0; i < n; i++)
		{
			/* |share * W - T * w| < W, i.e. within one fen of the proportional value */
			vbp_int128	diff = (vbp_int128) shares[i] * wsum - (vbp_int128) total * w[i];

			if (diff < 0)
				diff = -diff;
			CHECK(diff < wsum);
			sum += shares[i];
			for (j = 0; j < n; j++)
				if (w[i] > w[j])
					CHECK(total >= 0 ? shares[i] >= shares[j] : shares[i] <= shares[j]);
		}
		CHECK(sum == total);
	}
}

/* The scratch array works at an address aligned to 8 but not 16, as palloc gives. */
TEST(apportion_scratch_alignment)
{
	uint64_t	storage[8 * 6 + 2];
	char	   *base = (char *) storage;
	int64_t		w[] = {5, 3, 2, 1};

	if (((uintptr_t) base) % 16 == 0)
		base += 8;
	CHECK(_Alignof(vbp_apportion_item) == 8);
	/* 10.00 over 5:3:2:1: quotas 454, 272, 181, 90 with remainders 6, 8, 9, 10 (of 11);
	 * the 3 fen left go to the three largest remainders -> 454, 273, 182, 91 */
	CHECK(vbp_apportion(1000, w, 4, shares, (vbp_apportion_item *) base, NULL) == VBP_OK);
	CHECK(shares[0] == 454 && shares[1] == 273 && shares[2] == 182 && shares[3] == 91);
}

const unit_case apportion_cases[] = {
	{"apportion_scratch_alignment", apportion_scratch_alignment},
	{"apportion_examples", apportion_examples},
	{"apportion_extremes_and_errors", apportion_extremes_and_errors},
	{"apportion_properties", apportion_properties},
	{NULL, NULL}
};
