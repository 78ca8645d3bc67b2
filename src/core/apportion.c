/*
 * apportion.c
 *		Exact apportionment of an amount in fen over non-negative weights by
 *		the largest-remainder (Hamilton) method.
 *
 * Each share is floor(T * w_i / W) fen, and the k fen left over go one each
 * to the rows with the largest remainders (T * w_i mod W); ties go to the
 * larger weight, then to the earlier row.  Shares sum to T exactly, each lies
 * within one fen of its proportional value T * w_i / W, and a larger weight
 * never gets a smaller share.  A negative total is apportioned as its absolute
 * value and negated, so the method is symmetric.  The arithmetic is exact in
 * 128 bits: |T| < 2^63 and w_i < 2^63, so T * w_i < 2^126.
 */
#include "vbp_core.h"

#include <stdlib.h>

static int
item_order(const void *a, const void *b)
{
	const vbp_apportion_item *x = a;
	const vbp_apportion_item *y = b;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

vbp_errkind
vbp_apportion(int64_t total, const int64_t *weights, size_t n, int64_t *shares,
			  vbp_apportion_item *scratch, vbp_error *err)
{
	vbp_uint128 t = total < 0 ? (vbp_uint128) (-(vbp_int128) total) : (vbp_uint128) total;
	vbp_uint128 sum_w = 0;
	vbp_uint128 given = 0;
	size_t		i,
				k;

	for (i = 0; i < n; i++)
	{
		if (weights[i] < 0)
			return vbp_fail(err, VBP_EPARAM,
							"Weight %lld of row %zu is negative; weights must be zero or more.",
							(long long) weights[i], i + 1);
		sum_w += (vbp_uint128) weights[i];
	}
	if (sum_w == 0)
	{
		if (t != 0)
			return vbp_fail(err, VBP_EPARAM,
							"Every weight is zero, so a non-zero total has no proportional shares.");
		for (i = 0; i < n; i++)
			shares[i] = 0;
		return VBP_OK;
	}
	for (i = 0; i < n; i++)
	{
		vbp_uint128 prod = t * (vbp_uint128) weights[i];

		scratch[i].quota = (int64_t) (prod / sum_w);
		scratch[i].rem = prod % sum_w;
		scratch[i].weight = weights[i];
		scratch[i].index = i;
		given += (vbp_uint128) scratch[i].quota;
	}
	k = (size_t) (t - given);	/* fewer than n fen are left over */
	for (i = 0; i < n; i++)
		shares[i] = scratch[i].quota;
	if (k > 0)
	{
		qsort(scratch, n, sizeof(vbp_apportion_item), item_order);
		for (i = 0; i < k; i++)
			shares[scratch[i].index]++;
	}
	if (total < 0)
		for (i = 0; i < n; i++)
			shares[i] = -shares[i];
	return VBP_OK;
}
