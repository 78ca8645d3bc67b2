/*
 * test_stats.c
 *		Quantiles (percentile_cont semantics), median and MAD, the robust
 *		z-score, and CUSUM.
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

TEST(stats_cusum)
{
	/*
	 * window 4, threshold 2 sd, slack 0.5 sd.  Baseline 1, 3, 1, 3: mean 2,
	 * population sd 1, so up_t = max(0, up + x - 2.5), down_t = max(0, down
	 * + 1.5 - x), signal above 2.  x = 1: up 0, down 0.5; 3: 0.5, 0; 1: 0,
	 * 0.5; 3: 0.5, 0; 2: 0, 0; 2: 0, 0; 6: up 3.5 > 2, upward signal.  Then
	 * a new baseline 6, 6, 6, 6 (mean 6, sd 0): the sums stay 0.
	 */
	double		x[11] = {1, 3, 1, 3, 2, 2, 6, 6, 6, 6, 6};
	double		want_up[11] = {0, 0.5, 0, 0.5, 0, 0, 3.5, 0, 0, 0, 0};
	double		want_down[11] = {0.5, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0};
	/* baseline 10, 12, 10, 12 (mean 11, sd 1): 7 after 11 gives down 3.5, a downward signal;
	 * one value is left for the next baseline, so the last month is not monitored */
	double		y[7] = {10, 12, 10, 12, 11, 7, 7};
	/* a missing month (NaN) is skipped: no sums, state unchanged */
	double		z[6] = {1, 3, NAN, 1, 3, 6};
	/* a flat baseline has sd 0: any departure signals */
	double		f[6] = {5, 5, 5, 5, 5, 6};
	double		inf[2] = {1, INFINITY};
	vbp_cusum_point out[11];
	vbp_error	err;
	int			i;

	CHECK(vbp_cusum(x, 11, 4, 2, 0.5, out, &err) == VBP_OK);
	for (i = 0; i < 11; i++)
	{
		CHECK(out[i].monitored);
		CHECK(close_to(out[i].up, want_up[i]));
		CHECK(close_to(out[i].down, want_down[i]));
		CHECK(out[i].alert == (i == 6 ? 1 : 0));
		CHECK(close_to(out[i].mean, i <= 6 ? 2 : 6));
		CHECK(close_to(out[i].sd, i <= 6 ? 1 : 0));
	}
	CHECK(vbp_cusum(y, 7, 4, 2, 0.5, out, &err) == VBP_OK);
	CHECK(close_to(out[5].down, 3.5) && out[5].alert == -1);
	for (i = 0; i < 5; i++)
		CHECK(out[i].alert == 0);
	CHECK(!out[6].monitored && out[6].alert == 0);
	CHECK(vbp_cusum(z, 6, 4, 2, 0.5, out, &err) == VBP_OK);
	/* baseline 1, 3, 1, 3 skips the gap; 6 gives up 0.5 + 3.5 = 4 > 2 */
	CHECK(!out[2].monitored && out[3].monitored);
	CHECK(close_to(out[4].up, 0.5) && close_to(out[5].up, 4) && out[5].alert == 1);
	CHECK(vbp_cusum(f, 6, 4, 2, 0.5, out, &err) == VBP_OK);
	CHECK(out[4].alert == 0 && out[5].alert == 1 && close_to(out[5].up, 1));
	/* bad parameters and values */
	CHECK(vbp_cusum(x, 11, 1, 2, 0.5, out, &err) == VBP_EPARAM);
	CHECK_STR(err.detail, "The baseline window must hold at least 2 values, not 1.");
	CHECK(vbp_cusum(x, 11, 0, 2, 0.5, out, &err) == VBP_EPARAM);
	CHECK(vbp_cusum(x, 11, -3, 2, 0.5, out, &err) == VBP_EPARAM);
	CHECK_STR(err.detail, "The baseline window must hold at least 2 values, not -3.");
	/* a window longer than the series: one baseline over all present values */
	CHECK(vbp_cusum(x, 11, INT32_MAX, 2, 0.5, out, &err) == VBP_OK && out[0].monitored);
	CHECK(vbp_cusum(x, 11, 4, 0, 0.5, out, &err) == VBP_EPARAM);
	CHECK(vbp_cusum(x, 11, 4, NAN, 0.5, out, &err) == VBP_EPARAM);
	CHECK(vbp_cusum(x, 11, 4, 2, -1, out, &err) == VBP_EPARAM);
	CHECK(vbp_cusum(inf, 2, 4, 2, 0.5, out, &err) == VBP_EPARAM);
	/* an empty series is fine */
	CHECK(vbp_cusum(x, 0, 4, 2, 0.5, out, &err) == VBP_OK);
}

TEST(stats_robust_z)
{
	bool		defined;
	double		z = 0;
	vbp_error	err;

	/* 0.6745 x (5 - 2) / 1.5 */
	CHECK(vbp_robust_z(5, 2, 1.5, 0.6745, &defined, &z, &err) == VBP_OK && defined);
	CHECK(z == 0.6745 * (5.0 - 2.0) / 1.5);
	CHECK(vbp_robust_z(-1, 2, 0.5, 1, &defined, &z, &err) == VBP_OK && defined && z == -6);
	/* no spread: undefined, whatever x is */
	CHECK(vbp_robust_z(5, 2, 0, 0.6745, &defined, &z, &err) == VBP_OK && !defined);
	CHECK(vbp_robust_z(NAN, 2, -0.0, 0.6745, &defined, &z, &err) == VBP_OK && !defined);
	/* a negative or NaN mad is a bad parameter */
	CHECK(vbp_robust_z(5, 2, -1, 0.6745, &defined, &z, &err) == VBP_EPARAM && !defined);
	CHECK(vbp_robust_z(5, 2, NAN, 0.6745, &defined, &z, &err) == VBP_EPARAM && !defined);
	/* NaN and infinite x, median or constant follow IEEE arithmetic */
	CHECK(vbp_robust_z(INFINITY, 2, 1, 1, &defined, &z, &err) == VBP_OK && defined && isinf(z));
	CHECK(vbp_robust_z(1, NAN, 1, 1, &defined, &z, &err) == VBP_OK && defined && isnan(z));
}

/* the same value, NaN included, bit for bit (-0 and 0 count as equal, as in a sort) */
static int
same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* vbp_quantiles selects what a full sort gives, on shapes a quickselect can stumble on */
TEST(stats_quantiles_select)
{
	enum
	{
		N = 5000
	};
	static double v[N],
				sorted[N];
	double		p[9],
				got[9];
	uint64_t	rng = 88172645463325252ULL;
	int			shape,
				k;
	size_t		n,
				i;

	for (k = 0; k < 9; k++)
		p[k] = (k + 1) / 10.0;
	/* 1..10 by selection: 1.9, 5.5 and 9.1 as above */
	for (i = 0; i < 10; i++)
		v[i] = (double) ((i * 7) % 10 + 1);
	vbp_quantiles(v, 10, p, 9, got);
	CHECK(close_to(got[0], 1.9) && close_to(got[4], 5.5) && close_to(got[8], 9.1));
	for (shape = 0; shape < 9; shape++)
		for (n = 1; n <= N; n = n * 3 + 1)
		{
			for (i = 0; i < n; i++)
			{
				uint64_t	r = unit_rng(&rng);

				switch (shape)
				{
					case 0:		/* uniform */
						v[i] = (double) (r % 1000000) / 7;
						break;
					case 1:		/* few distinct values: ties */
						v[i] = (double) (r % 3);
						break;
					case 2:		/* all equal */
						v[i] = 42;
						break;
					case 3:		/* ascending */
						v[i] = (double) i;
						break;
					case 4:		/* descending */
						v[i] = (double) (n - i);
						break;
					case 5:		/* organ pipe */
						v[i] = (double) (i < n / 2 ? i : n - i);
						break;
					case 6:		/* with NaNs and infinities */
						v[i] = r % 10 == 0 ? NAN : (r % 10 == 1 ? INFINITY : (r % 10 == 2 ? -INFINITY : (double) (r % 100)));
						break;
					case 7:		/* mostly NaN */
						v[i] = r % 10 < 8 ? NAN : (double) (r % 50);
						break;
					default:	/* sawtooth */
						v[i] = (double) (i % 17);
						break;
				}
			}
			memcpy(sorted, v, n * sizeof(double));
			vbp_sort_doubles(sorted, n);
			vbp_quantiles(v, n, p, 9, got);
			for (k = 0; k < 9; k++)
				CHECK(same_double(got[k], vbp_quantile_sorted(sorted, n, p[k])));
			/* the multiset is unchanged */
			vbp_sort_doubles(v, n);
			for (i = 0; i < n; i++)
				if (!same_double(v[i], sorted[i]))
				{
					CHECK(same_double(v[i], sorted[i]));
					break;
				}
		}
}

const unit_case stats_cases[] = {
	{"stats_quantiles_select", stats_quantiles_select},
	{"stats_cusum", stats_cusum},
	{"stats_robust_z", stats_robust_z},
	{"stats_quantiles", stats_quantiles},
	{"stats_median_mad", stats_median_mad},
	{NULL, NULL}
};
