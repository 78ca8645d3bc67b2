/*
 * cusum.c
 *		Tabular CUSUM change detection on a monthly series, as OpenPrescribing
 *		runs it on each organisation's percentile series (doc/domain.md §7),
 *		after Montgomery, Introduction to Statistical Quality Control.
 *
 * A baseline (mean mu, population standard deviation sigma) is estimated from
 * the next `window` present values, starting at the first value; from there
 *		up_t   = max(0, up_{t-1}   + x_t - (mu + slack * sigma))
 *		down_t = max(0, down_{t-1} + (mu - slack * sigma) - x_t)
 * and a change is signalled at the first t where up_t or down_t exceeds
 * threshold * sigma.  After a signal both sums restart at 0 and a new
 * baseline is estimated from the next `window` present values (so a level
 * shift is signalled once, not every month after it).  Missing values (NaN)
 * are skipped: they produce no sums and leave the state unchanged.  Fewer
 * than two present values left for a baseline end the monitoring.
 */
#include "vbp_core.h"

#include <math.h>

/*
 * mean and population sd of the first `window` present values from start;
 * values beyond 2^500 are scaled by a power of two (exactly) while summed,
 * so that finite values whose sums or squares would leave float8 still give
 * their mean and sd (1e308, -1e308: mean 0, sd 1e308); an sd that does not
 * fit float8 comes back infinite, for the caller to refuse
 */
static size_t
baseline(const double *x, size_t n, size_t start, size_t window, double *mean, double *sd)
{
	size_t		i,
				m = 0;
	double		sum = 0,
				ss = 0,
				mu,
				top = 0;
	int			e = 0;

	for (i = start; i < n && m < window; i++)
		if (!isnan(x[i]))
		{
			top = fmax(top, fabs(x[i]));
			m++;
		}
	if (m < 2)
		return m;
	if (top > 0x1p500)
		(void) frexp(top, &e);	/* top = f x 2^e, f in [0.5, 1) */
	m = 0;
	for (i = start; i < n && m < window; i++)
		if (!isnan(x[i]))
		{
			sum += ldexp(x[i], -e);
			m++;
		}
	mu = sum / (double) m;
	m = 0;
	for (i = start; i < n && m < window; i++)
		if (!isnan(x[i]))
		{
			double		d = ldexp(x[i], -e) - mu;

			ss += d * d;
			m++;
		}
	*mean = ldexp(mu, e);
	*sd = ldexp(sqrt(ss / (double) m), e);
	return m;
}

vbp_errkind
vbp_cusum(const double *x, size_t n, int64_t window, double threshold, double slack,
		  vbp_cusum_point *out, vbp_error *err)
{
	size_t		i;
	double		mean = 0,
				sd = 0,
				up = 0,
				down = 0;
	int			active = 0;

	if (window < 2)
		return vbp_fail(err, VBP_EPARAM, "The baseline window must hold at least 2 values, not %lld.",
						(long long) window);
	if (!(threshold > 0) || !isfinite(threshold))
		return vbp_fail(err, VBP_EPARAM, "The threshold must be a positive number of standard deviations.");
	if (!(slack >= 0) || !isfinite(slack))
		return vbp_fail(err, VBP_EPARAM, "The slack must be a non-negative number of standard deviations.");
	for (i = 0; i < n; i++)
		if (isinf(x[i]))
			return vbp_fail(err, VBP_EPARAM, "Value %zu of the series is infinite.", i + 1);

	for (i = 0; i < n; i++)
	{
		vbp_cusum_point *p = &out[i];

		p->monitored = false;
		p->alert = 0;
		p->mean = p->sd = p->up = p->down = 0;
		if (isnan(x[i]))
			continue;
		if (!active)
		{
			if (baseline(x, n, i, (size_t) window, &mean, &sd) < 2)
				continue;		/* not enough values left: unmonitored */
			if (!isfinite(mean) || !isfinite(sd))
				return vbp_fail(err, VBP_ERANGE,
								"The baseline from value %zu has a standard deviation beyond the range of float8.", i + 1);
			active = 1;
			up = down = 0;
		}
		up = fmax(0, up + x[i] - (mean + slack * sd));
		down = fmax(0, down + (mean - slack * sd) - x[i]);
		if (!isfinite(up) || !isfinite(down))
			return vbp_fail(err, VBP_ERANGE, "The cumulative sums at value %zu leave the range of float8.", i + 1);
		p->monitored = true;
		p->mean = mean;
		p->sd = sd;
		p->up = up;
		p->down = down;
		if (up > threshold * sd || down > threshold * sd)
		{
			p->alert = up > threshold * sd ? 1 : -1;
			active = 0;			/* restart with a new baseline at the next value */
		}
	}
	return VBP_OK;
}
