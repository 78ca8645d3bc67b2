/*
 * cusum.c
 *		Glue of core/cusum.c: vbp.cusum, tabular CUSUM change detection on a
 *		monthly series.
 */
#include "vbp_glue.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/tuplestore.h"

/*
 * vbp.cusum(values float8[], window int, threshold float8, slack float8):
 * one row per element (1-based position, the value, the baseline mean and
 * standard deviation, both cumulative sums, and 'up' / 'down' where a change
 * is signalled).  NULL elements are missing months.  The computation is the
 * core's vbp_cusum; this only converts and returns the rows.
 */
PG_FUNCTION_INFO_V1(pgvbp_cusum);
Datum
pgvbp_cusum(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	int32		window = PG_GETARG_INT32(1);
	float8		threshold = PG_GETARG_FLOAT8(2);
	float8		slack = PG_GETARG_FLOAT8(3);
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n,
				i;
	double	   *x;
	vbp_cusum_point *out;
	vbp_error	err;
	TupleDesc	desc;
	Tuplestorestate *store;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("vbp.cusum must be called in FROM, as a set-returning function")));
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the series must be a one-dimensional array")));
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &elem_nulls, &n);
	x = palloc(sizeof(double) * Max(n, 1));
	out = palloc(sizeof(vbp_cusum_point) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		x[i] = elem_nulls[i] ? NAN : DatumGetFloat8(elems[i]);
		if (!elem_nulls[i] && isnan(x[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("value %d of the series is NaN", i + 1),
					 errhint("Pass NULL for a missing month.")));
	}
	if (vbp_cusum(x, (size_t) n, window, threshold, slack, out, &err) != VBP_OK)
		vbp_value_error(&err, "cannot run CUSUM on this series");

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	desc = CreateTupleDescCopy(desc);
	store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(old);
	for (i = 0; i < n; i++)
	{
		Datum		values[7];
		bool		nulls[7] = {false, false, true, true, true, true, true};

		values[0] = Int32GetDatum(i + 1);
		values[1] = elems[i];
		nulls[1] = elem_nulls[i];
		if (out[i].monitored)
		{
			values[2] = Float8GetDatum(out[i].mean);
			values[3] = Float8GetDatum(out[i].sd);
			values[4] = Float8GetDatum(out[i].up);
			values[5] = Float8GetDatum(out[i].down);
			nulls[2] = nulls[3] = nulls[4] = nulls[5] = false;
		}
		if (out[i].alert != 0)
		{
			values[6] = CStringGetTextDatum(out[i].alert > 0 ? "up" : "down");
			nulls[6] = false;
		}
		tuplestore_putvalues(store, desc, values, nulls);
	}
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = desc;
	return (Datum) 0;
}

/*
 * The series of months mv[0].month .. mv[n - 1].month (n > 0, sorted by
 * month, each once, spanning at most VBP_MONTH_SERIES_MAX months): each
 * month's value, NULL where a month has none.  vbp.month_series and the final
 * of vbp.price_rank_series build their series here.
 */
ArrayType *
vbp_month_series_array(const VbpMonthValue *mv, int n)
{
	int			span = mv[n - 1].month - mv[0].month + 1,
				i;
	Datum	   *out = palloc(sizeof(Datum) * span);
	bool	   *outnull = palloc(sizeof(bool) * span);
	int			dims[1] = {span},
				lbs[1] = {1};

	for (i = 0; i < span; i++)
	{
		out[i] = (Datum) 0;
		outnull[i] = true;
	}
	for (i = 0; i < n; i++)
	{
		out[mv[i].month - mv[0].month] = mv[i].value;
		outnull[mv[i].month - mv[0].month] = mv[i].isnull;
	}
	return construct_md_array(out, outnull, 1, dims, lbs, FLOAT8OID, sizeof(float8),
							  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

static int
month_value_cmp(const void *a, const void *b)
{
	int32		x = ((const VbpMonthValue *) a)->month;
	int32		y = ((const VbpMonthValue *) b)->month;

	return (x > y) - (x < y);
}

/*
 * vbp.month_series(months int[], values float8[]): a monthly series with its
 * gaps, as vbp.cusum takes it.  months are month numbers (year x 12 + month),
 * each once, in any order (two array_agg calls over the same rows pair them
 * without sorting), values the value of each; the result runs from the
 * earliest month to the latest, NULL where a month has no value.
 */
PG_FUNCTION_INFO_V1(pgvbp_month_series);
Datum
pgvbp_month_series(PG_FUNCTION_ARGS)
{
	ArrayType  *months = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *vals = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *m,
			   *v;
	bool	   *mnull,
			   *vnull;
	VbpMonthValue *mv;
	int			n,
				nv,
				i;

	if (ARR_NDIM(months) > 1 || ARR_NDIM(vals) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("months and values must be one-dimensional arrays")));
	deconstruct_array(months, INT4OID, sizeof(int32), true, TYPALIGN_INT, &m, &mnull, &n);
	deconstruct_array(vals, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &v, &vnull, &nv);
	if (n != nv)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("months and values must have the same length"),
				 errdetail("There are %d months and %d values.", n, nv)));
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	mv = palloc(sizeof(VbpMonthValue) * n);
	for (i = 0; i < n; i++)
	{
		if (mnull[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("month %d of the series is null", i + 1)));
		mv[i].month = DatumGetInt32(m[i]);
		mv[i].pos = i + 1;
		mv[i].value = v[i];
		mv[i].isnull = vnull[i];
	}
	qsort(mv, n, sizeof(VbpMonthValue), month_value_cmp);
	for (i = 1; i < n; i++)
		if (mv[i].month == mv[i - 1].month)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("month %d appears twice in the series", mv[i].month),
					 errdetail("At positions %d and %d.", Min(mv[i].pos, mv[i - 1].pos), Max(mv[i].pos, mv[i - 1].pos))));
	if ((int64) mv[n - 1].month - mv[0].month >= VBP_MONTH_SERIES_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the series spans too many months"),
				 errdetail("From month %d to month %d; at most %d months are allowed.",
						   mv[0].month, mv[n - 1].month, VBP_MONTH_SERIES_MAX)));
	PG_RETURN_ARRAYTYPE_P(vbp_month_series_array(mv, n));
}
