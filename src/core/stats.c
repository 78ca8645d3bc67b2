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
#include <string.h>

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

static inline void
swap_doubles(double *v, size_t i, size_t j)
{
	double		t = v[i];

	v[i] = v[j];
	v[j] = t;
}

/* Insertion sort of v[lo..hi] (no NaN). */
static void
insertion_sort(double *v, size_t lo, size_t hi)
{
	size_t		i,
				j;

	for (i = lo + 1; i <= hi; i++)
	{
		double		x = v[i];

		for (j = i; j > lo && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Hoare partition of v[lo..hi] (hi - lo >= 2, no NaN) around the median of
 * its first, middle and last values: returns j with lo <= j < hi, every
 * value of v[lo..j] <= every value of v[j+1..hi].  Equal values stop both
 * scans, so runs of ties split evenly.
 */
static size_t
partition(double *v, size_t lo, size_t hi)
{
	size_t		mid = lo + (hi - lo) / 2;
	size_t		i = lo,
				j = hi;
	double		pivot;

	if (v[mid] < v[lo])
		swap_doubles(v, lo, mid);
	if (v[hi] < v[lo])
		swap_doubles(v, lo, hi);
	if (v[hi] < v[mid])
		swap_doubles(v, mid, hi);
	pivot = v[mid];
	/* v[lo] <= pivot <= v[hi] stop the scans at the ends */
	for (;;)
	{
		while (v[i] < pivot)
			i++;
		while (v[j] > pivot)
			j--;
		if (i >= j)
			return j;
		swap_doubles(v, i, j);
		i++;
		j--;
	}
}

/*
 * Puts into v[r], for each rank r of ranks[0..nranks) (ascending, within
 * lo..hi), the value a full sort of v[lo..hi] would put there: a quicksort
 * that only descends into the parts holding a wanted rank.  Past depth
 * levels of partitioning (a pattern the median of three splits badly) the
 * part is sorted outright.
 */
static void
select_ranks(double *v, size_t lo, size_t hi, const size_t *ranks, size_t nranks, int depth)
{
	while (nranks > 0)
	{
		size_t		j,
					left;

		if (hi - lo < 16)
		{
			insertion_sort(v, lo, hi);
			return;
		}
		if (depth-- == 0)
		{
			qsort(v + lo, hi - lo + 1, sizeof(double), cmp_double);
			return;
		}
		j = partition(v, lo, hi);
		for (left = 0; left < nranks && ranks[left] <= j; left++)
			;
		/* recurse into the side with fewer ranks, loop on the other */
		if (left <= nranks - left)
		{
			select_ranks(v, lo, j, ranks, left, depth);
			ranks += left;
			nranks -= left;
			lo = j + 1;
		}
		else
		{
			select_ranks(v, j + 1, hi, ranks + left, nranks - left, depth);
			nranks = left;
			hi = j;
		}
	}
}

/*
 * percentile_cont of v[0..n) at each fraction p[i] (0 <= p[i] <= 1) into
 * out[i], reordering v: the same values as vbp_quantile_sorted over the
 * sorted values, but the order statistics the fractions need are selected
 * rather than everything sorted (average time linear in n for a few
 * fractions).  NaN sorts after every number, as in PostgreSQL.  n > 0.
 */
void
vbp_quantiles(double *v, size_t n, const double *p, int np, double *out)
{
	size_t		ranks[2 * VBP_QUANTILES_MAX];
	size_t		nranks = 0,
				numbers = n,
				i;
	int			k,
				depth = 0;

	if (np > VBP_QUANTILES_MAX)
	{
		vbp_sort_doubles(v, n);
		for (k = 0; k < np; k++)
			out[k] = vbp_quantile_sorted(v, n, p[k]);
		return;
	}
	/* NaNs to the end: they are the top ranks, and the rest compare with < */
	for (i = 0; i < numbers;)
	{
		if (isnan(v[i]))
			swap_doubles(v, i, --numbers);
		else
			i++;
	}
	/* the ranks below and above each position, ascending, once each, among the numbers */
	for (k = 0; k < np; k++)
	{
		double		pos = p[k] * (double) (n - 1);
		size_t		r[2];
		int			e;

		r[0] = (size_t) floor(pos);
		r[1] = (size_t) ceil(pos);
		for (e = 0; e < 2; e++)
		{
			size_t		at = nranks;

			if (r[e] >= numbers)
				continue;
			while (at > 0 && ranks[at - 1] > r[e])
				at--;
			if (at > 0 && ranks[at - 1] == r[e])
				continue;
			memmove(ranks + at + 1, ranks + at, (nranks - at) * sizeof(size_t));
			ranks[at] = r[e];
			nranks++;
		}
	}
	for (i = numbers; i > 1; i >>= 1)
		depth += 2;
	if (numbers > 0)
		select_ranks(v, 0, numbers - 1, ranks, nranks, depth);
	for (k = 0; k < np; k++)
		out[k] = vbp_quantile_sorted(v, n, p[k]);
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
 * mad is a bad parameter; a z beyond float8 from finite arguments is a range
 * error.
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
	/* finite arguments whose z leaves float8 (as SQL's float8 arithmetic would say) */
	if (isinf(*z) && isfinite(x) && isfinite(median) && isfinite(constant))
		return vbp_fail(err, VBP_ERANGE, "The robust z of %g against median %g and MAD %g is beyond the range of float8.",
						x, median, mad);
	*defined = true;
	return VBP_OK;
}
