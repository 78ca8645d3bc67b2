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
