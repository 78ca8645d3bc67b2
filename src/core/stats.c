/*
 * stats.c
 *		Exact order statistics over float8 values: quantiles with the
 *		semantics of PostgreSQL's percentile_cont, the median absolute
 *		deviation (MAD), and the robust z-score of Iglewicz and Hoaglin.
 *
 * NaN sorts after every number, as in PostgreSQL.
 */
#include "vbp_core.h"

#include <math.h>
#include <stdlib.h>

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	if (isnan(x))
		return isnan(y) ? 0 : 1;
	if (isnan(y))
		return -1;
	return x < y ? -1 : (x > y ? 1 : 0);
}

void
vbp_sort_doubles(double *v, size_t n)
{
	qsort(v, n, sizeof(double), cmp_double);
}

/*
 * percentile_cont over sorted values: position p * (n - 1), linear
 * interpolation between the rows below and above it.  n must be > 0.
 */
double
vbp_quantile_sorted(const double *v, size_t n, double p)
{
	double		pos = p * (double) (n - 1);
	size_t		lo = (size_t) floor(pos);
	size_t		hi = (size_t) ceil(pos);

	if (lo == hi)
		return v[lo];
	return v[lo] + (pos - (double) lo) * (v[hi] - v[lo]);
}

/*
 * Median and median absolute deviation of v (sorted in place); scratch holds
 * n doubles.  n must be > 0.
 */
void
vbp_median_mad(double *v, size_t n, double *scratch, double *median, double *mad)
{
	size_t		i;

	vbp_sort_doubles(v, n);
	*median = vbp_quantile_sorted(v, n, 0.5);
	for (i = 0; i < n; i++)
		scratch[i] = fabs(v[i] - *median);
	vbp_sort_doubles(scratch, n);
	*mad = vbp_quantile_sorted(scratch, n, 0.5);
}

/*
 * Mean absolute deviation around the median, the spread the modified z-score
 * falls back on when the MAD is 0 (more than half the values equal the
 * median): after vbp_median_mad, scratch holds the absolute deviations.
 */
double
vbp_meanad(const double *deviations, size_t n)
{
	double		sum = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		sum += deviations[i];
	return sum / (double) n;
}

/*
 * Modified z-score of Iglewicz and Hoaglin: constant x (x - median) / mad,
 * undefined when mad is 0 (no spread to measure against); a negative or NaN
 * mad is a bad parameter.
 */
vbp_errkind
vbp_robust_z(double x, double median, double mad, double constant, bool *defined, double *z,
			 vbp_error *err)
{
	*defined = false;
	if (mad == 0)
		return VBP_OK;
	if (mad < 0 || isnan(mad))
		return vbp_fail(err, VBP_EPARAM, "The median absolute deviation must not be negative or NaN.");
	*z = constant * (x - median) / mad;
	*defined = true;
	return VBP_OK;
}
