/*
 * apportion.c
 *		Glue of core/apportion.c: the apportionment functions used by the
 *		retention of savings (结余留用, src/sql/30_retention.sql).
 *
 * vbp.apportion(total, weight) OVER (PARTITION BY ...) gives each row its
 * share in fen of the partition's total by the largest-remainder method of
 * the core (src/core/apportion.c); vbp.apportion(total, weights[]) does the
 * same for an array.  Weights may be integer, bigint, numeric or cny;
 * numeric weights are scaled to integers exactly by their largest scale.
 */
#include "vbp_glue.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "windowapi.h"

static void
apportion_error(const vbp_error *err)
{
	if (err->kind == VBP_EPARAM)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot apportion the total over these weights"),
				 errdetail("%s", err->detail),
				 errhint("Weights are zero or more, and at least one is positive when the total is not zero.")));
	vbp_value_error(err, "cannot apportion the total over these weights");
}

/* Largest scale (digits after the point) of a numeric weight; 22023 for NaN or infinity. */
static int
numeric_weight_scale(Datum w)
{
	Numeric		n = DatumGetNumeric(w);

	if (numeric_is_nan(n)
#if PG_VERSION_NUM >= 140000
		|| numeric_is_inf(n)
#endif
		)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot apportion over a NaN or infinite weight")));
	return DatumGetInt32(DirectFunctionCall1(numeric_scale, w));
}

/*
 * w * 10^scale as an int64, rounded half away from zero when w has more
 * digits after the point than scale; 22003 if it does not fit.
 */
static int64
numeric_weight_to_int64(Datum w, int scale)
{
	char		buf[32];
	Datum		scaled;
	int64		v;

	snprintf(buf, sizeof(buf), "1e%d", scale);
	scaled = DirectFunctionCall2(numeric_mul, w,
								 DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
													 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	scaled = DirectFunctionCall2(numeric_round, scaled, Int32GetDatum(0));
	if (!vbp_numeric_to_int64(DatumGetNumeric(scaled), &v))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("apportion weight out of range"),
				 errdetail("A weight, rounded half away from zero to the decimal places kept, must be below 2^63 (about 9.2 x 10^18)."),
				 errhint("Scale the weights down: only their ratios matter.")));
	return v;
}

/*
 * The largest scale at which a non-negative numeric w, times 10^scale, still
 * has at most 18 digits: 18 minus its digits before the point when w >= 1;
 * 18 plus its zeros after the point when w < 1 (0.000123 has 3: scaled by
 * 10^21 it is 123000000000000000), so that weights all far below 1 (1e-20
 * and 3e-20) keep their ratio instead of all rounding to zero; 18 for 0.
 */
static int
numeric_scale_cap(Datum w)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, w));
	const char *p = s + (s[0] == '-');
	int			digits = 0;

	if (*p != '0')
	{
		while (p[digits] >= '0' && p[digits] <= '9')
			digits++;
		return Max(0, 18 - digits);
	}
	if (p[1] != '.')
		return 18;				/* 0 */
	for (p += 2; *p == '0'; p++)
		digits++;
	return *p ? 18 + digits : 18;
}

/*
 * Converts n weight datums of type argtype to int64 in place of weights[]
 * (NULLs skipped).  Numeric weights are scaled by 10^(largest scale), which
 * is exact while the largest weight times that fits in 18 digits; beyond
 * (weights from a division such as 1/3, with 20 digits after the point) the
 * scale is cut to the 18 digits that fit and each weight rounded there, half
 * away from zero: the shares then follow the weights to 18 significant
 * digits of the largest, far below a fen of any total.
 */
static void
weights_to_int64(Oid argtype, const Datum *values, const bool *nulls, int64 n, int64 *weights)
{
	int64		i;
	int			scale = 0;

	if (argtype == NUMERICOID)
	{
		Datum		largest = (Datum) 0;
		bool		any = false;

		for (i = 0; i < n; i++)
			if (!nulls[i])
			{
				scale = Max(scale, numeric_weight_scale(values[i]));
				largest = any ? DirectFunctionCall2(numeric_larger, largest, values[i]) : values[i];
				any = true;
			}
		if (any)
			scale = Min(scale, numeric_scale_cap(largest));
	}
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			continue;
		if (argtype == INT4OID)
			weights[i] = DatumGetInt32(values[i]);
		else if (argtype == NUMERICOID)
			weights[i] = numeric_weight_to_int64(values[i], scale);
		else					/* int8 and cny (fen) */
			weights[i] = DatumGetInt64(values[i]);
	}
}

/* Apportions total over the non-NULL weights; shares of NULL weights stay unset. */
static void
apportion_rows(int64 total, const int64 *weights, const bool *nulls, int64 n, int64 *shares)
{
	int64	   *w = palloc(sizeof(int64) * Max(n, 1));
	int64	   *s = palloc(sizeof(int64) * Max(n, 1));
	vbp_apportion_item *scratch = palloc(sizeof(vbp_apportion_item) * Max(n, 1));
	int64		m = 0,
				i;
	vbp_error	err;

	for (i = 0; i < n; i++)
		if (!nulls[i])
			w[m++] = weights[i];
	/* every weight NULL (or none): every share NULL, nothing to refuse */
	if (m > 0 && vbp_apportion(total, w, (size_t) m, s, scratch, &err) != VBP_OK)
		apportion_error(&err);
	for (i = 0, m = 0; i < n; i++)
		if (!nulls[i])
			shares[i] = s[m++];
	pfree(w);
	pfree(s);
	pfree(scratch);
}

typedef struct ApportionPartition
{
	bool		computed;
	int64		nrows;
	int64	   *shares;
	bool	   *isnull;
} ApportionPartition;

/*
 * Window function: the current row's share of the partition's total.  The
 * whole partition is apportioned once, on its first row; ties in the
 * remainders go to the larger weight, then to the earlier row in the
 * window's ORDER BY.
 */
PG_FUNCTION_INFO_V1(pgvbp_apportion_window);
Datum
pgvbp_apportion_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	ApportionPartition *part;
	int64		pos;

	part = (ApportionPartition *) WinGetPartitionLocalMemory(winobj, sizeof(ApportionPartition));
	if (!part->computed)
	{
		/* arrays live as long as the partition: in the context of its local memory */
		MemoryContext partcxt = GetMemoryChunkContext(part);
		Oid			argtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
		int64		n = WinGetPartitionRowCount(winobj);
		Datum	   *values = palloc(sizeof(Datum) * Max(n, 1));
		bool	   *wnull = palloc(sizeof(bool) * Max(n, 1));
		int64	   *weights = palloc(sizeof(int64) * Max(n, 1));
		bool		have_total = false;
		int64		total = 0;
		int64		i;

		part->nrows = n;
		part->shares = MemoryContextAllocZero(partcxt, sizeof(int64) * Max(n, 1));
		part->isnull = MemoryContextAlloc(partcxt, sizeof(bool) * Max(n, 1));
		for (i = 0; i < n; i++)
		{
			bool		isnull,
						isout;
			Datum		t = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false, &isnull, &isout);

			if (!isnull)
			{
				if (have_total && DatumGetInt64(t) != total)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("apportion total differs between rows of one partition"),
							 errdetail("Row %lld has total %lld fen, an earlier row %lld fen.",
									   (long long) i + 1, (long long) DatumGetInt64(t), (long long) total),
							 errhint("Give every row of a window partition the same total.")));
				total = DatumGetInt64(t);
				have_total = true;
			}
			values[i] = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false, &wnull[i], &isout);
			/* a by-reference weight points into a slot the next fetch overwrites */
			if (!wnull[i] && argtype == NUMERICOID)
				values[i] = datumCopy(values[i], false, -1);
			/* a row without a total gets no share either */
			wnull[i] = wnull[i] || isnull;
		}
		weights_to_int64(argtype, values, wnull, n, weights);
		if (have_total)
			apportion_rows(total, weights, wnull, n, part->shares);
		for (i = 0; i < n; i++)
			part->isnull[i] = wnull[i] || !have_total;
		part->computed = true;
		pfree(values);
		pfree(wnull);
		pfree(weights);
	}
	pos = WinGetCurrentPosition(winobj);
	if (part->isnull[pos])
		PG_RETURN_NULL();
	PG_RETURN_INT64(part->shares[pos]);
}

/* Array form: total cny, weights numeric[] -> shares cny[] (NULL weight -> NULL share). */
PG_FUNCTION_INFO_V1(pgvbp_apportion_array);
Datum
pgvbp_apportion_array(PG_FUNCTION_ARGS)
{
	int64		total = PG_GETARG_INT64(0);
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *values;
	bool	   *nulls;
	int			n,
				i;
	int64	   *weights;
	int64	   *shares;
	Datum	   *out;
	int			dims[1];
	int			lbs[1];

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("apportion weights must be a one-dimensional array")));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &values, &nulls, &n);
	weights = palloc(sizeof(int64) * Max(n, 1));
	shares = palloc(sizeof(int64) * Max(n, 1));
	weights_to_int64(elemtype, values, nulls, n, weights);
	apportion_rows(total, weights, nulls, n, shares);
	out = palloc(sizeof(Datum) * Max(n, 1));
	for (i = 0; i < n; i++)
		out[i] = Int64GetDatum(shares[i]);
	dims[0] = n;
	lbs[0] = ARR_NDIM(arr) == 1 ? ARR_LBOUND(arr)[0] : 1;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, nulls, n == 0 ? 0 : 1, dims, lbs,
											 get_fn_expr_rettype(fcinfo->flinfo) == InvalidOid ? INT8OID :
											 get_element_type(get_fn_expr_rettype(fcinfo->flinfo)),
											 sizeof(int64), true, TYPALIGN_DOUBLE));
}
