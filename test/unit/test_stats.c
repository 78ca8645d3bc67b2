/*
 * test_stats.c
 *		Quantiles (percentile_cont semantics), median and MAD.
 */
#include "unit.h"

#include <math.h>

static int
close_to(double a, double b)
{
	return fabs(a - b) <= 1e-12 * (1 + fabs(b));
}

TEST(stats_quantiles)
{
	/* 1..10: percentile_cont(0.1) = position 0.9 -> 1 + 0.9 = 1.9; 0.5 -> position 4.5 -> 5.5 */
	double		v[10] = {10, 3, 1, 7, 5, 2, 9, 4, 8, 6};

	vbp_sort_doubles(v, 10);
	CHECK(close_to(vbp_quantile_sorted(v, 10, 0.1), 1.9));
	CHECK(close_to(vbp_quantile_sorted(v, 10, 0.5), 5.5));
	CHECK(close_to(vbp_quantile_sorted(v, 10, 0.9), 9.1));
	CHECK(vbp_quantile_sorted(v, 10, 0) == 1 && vbp_quantile_sorted(v, 10, 1) == 10);
	/* one value is every quantile */
	CHECK(vbp_quantile_sorted(v + 4, 1, 0.3) == 5);
}

TEST(stats_median_mad)
{
	/* 1, 2, 3, 4, 100: median 3; |x - 3| = 2, 1, 0, 1, 97 -> MAD 1 */
	double		v[5] = {100, 4, 1, 3, 2};
	double		scratch[5];
	double		med,
				mad;
	/* NaN sorts last, as in PostgreSQL */
	double		w[3] = {NAN, 1, 2};

	vbp_median_mad(v, 5, scratch, &med, &mad);
	CHECK(med == 3 && mad == 1);
	vbp_sort_doubles(w, 3);
	CHECK(w[0] == 1 && w[1] == 2 && isnan(w[2]));
}

const unit_case stats_cases[] = {
	{"stats_quantiles", stats_quantiles},
	{"stats_median_mad", stats_median_mad},
	{NULL, NULL}
};
