/*
 * procurement.c
 *		Procurement metrics: exact order-statistic aggregates (deciles with
 *		percentile_cont semantics; median and MAD for robust z-scores) and
 *		CUSUM change detection on monthly series (the core's vbp_cusum).
 *
 * Both aggregates collect the values in one state (a growable float8 array)
 * with combine, serial and deserial functions, so they run in parallel plans,
 * partial and partitionwise aggregation.  The finals sort the state in place:
 * the multiset is unchanged, so further transitions and finals stay correct.
 */
#include "vbp_glue.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/date.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "access/htup_details.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

typedef struct FloatBag
{
	int64		n;
	int64		cap;
	double	   *v;
} FloatBag;

static FloatBag *
bag_new(MemoryContext cxt, int64 cap)
{
	FloatBag   *b = MemoryContextAlloc(cxt, sizeof(FloatBag));

	b->n = 0;
	b->cap = Max(cap, 64);
	b->v = MemoryContextAllocHuge(cxt, sizeof(double) * b->cap);
	return b;
}

static void
bag_reserve(FloatBag *b, int64 more)
{
	if (b->n + more > b->cap)
	{
		int64		cap = Max(b->cap * 2, b->n + more);

		b->v = repalloc_huge(b->v, sizeof(double) * cap);
		b->cap = cap;
	}
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "aggregate function called in non-aggregate context");
	return cxt;
}

/* Transition: collects one value; NULLs are skipped. */
PG_FUNCTION_INFO_V1(pgvbp_float8_collect);
Datum
pgvbp_float8_collect(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo);
	FloatBag   *b = PG_ARGISNULL(0) ? bag_new(cxt, 64) : (FloatBag *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		bag_reserve(b, 1);
		b->v[b->n++] = PG_GETARG_FLOAT8(1);
	}
	PG_RETURN_POINTER(b);
}

/* Combine: appends the second state's values to the first (a NULL first is replaced by a copy). */
PG_FUNCTION_INFO_V1(pgvbp_float8_combine);
Datum
pgvbp_float8_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = agg_context(fcinfo);
	FloatBag   *into;
	FloatBag   *from;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	from = (FloatBag *) PG_GETARG_POINTER(1);
	into = PG_ARGISNULL(0) ? bag_new(cxt, from->n) : (FloatBag *) PG_GETARG_POINTER(0);
	bag_reserve(into, from->n);
	memcpy(into->v + into->n, from->v, sizeof(double) * from->n);
	into->n += from->n;
	PG_RETURN_POINTER(into);
}

/* Serial: the count and the values in network byte order. */
PG_FUNCTION_INFO_V1(pgvbp_float8_serialize);
Datum
pgvbp_float8_serialize(PG_FUNCTION_ARGS)
{
	FloatBag   *b = (FloatBag *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int64		i;

	(void) agg_context(fcinfo);
	pq_begintypsend(&buf);
	pq_sendint64(&buf, b->n);
	for (i = 0; i < b->n; i++)
		pq_sendfloat8(&buf, b->v[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserial: the inverse of serial; a malformed state is an error. */
PG_FUNCTION_INFO_V1(pgvbp_float8_deserialize);
Datum
pgvbp_float8_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	FloatBag   *b;
	int64		n,
				i;

	(void) agg_context(fcinfo);
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
	n = pq_getmsgint64(&buf);
	if (n < 0 || (uint64) (buf.len - buf.cursor) != (uint64) n * sizeof(double))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid order-statistics state"),
				 errdetail("The state says %lld values but holds %d bytes.", (long long) n,
						   buf.len - buf.cursor)));
	b = bag_new(CurrentMemoryContext, n);
	for (i = 0; i < n; i++)
		b->v[i] = pq_getmsgfloat8(&buf);
	b->n = n;
	pfree(buf.data);
	PG_RETURN_POINTER(b);
}

/* Final of deciles(): the 10th to 90th percentiles as float8[9], percentile_cont semantics. */
PG_FUNCTION_INFO_V1(pgvbp_deciles_final);
Datum
pgvbp_deciles_final(PG_FUNCTION_ARGS)
{
	FloatBag   *b;
	Datum		d[9];
	int			k;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	b = (FloatBag *) PG_GETARG_POINTER(0);
	if (b->n == 0)
		PG_RETURN_NULL();
	vbp_sort_doubles(b->v, (size_t) b->n);
	for (k = 0; k < 9; k++)
		d[k] = Float8GetDatum(vbp_quantile_sorted(b->v, (size_t) b->n, (k + 1) / 10.0));
	PG_RETURN_ARRAYTYPE_P(construct_array(d, 9, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* Final of median_mad(): (median, mad, n) as the composite type vbp.median_mad. */
PG_FUNCTION_INFO_V1(pgvbp_median_mad_final);
Datum
pgvbp_median_mad_final(PG_FUNCTION_ARGS)
{
	FloatBag   *b;
	TupleDesc	desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	double	   *scratch;
	double		median,
				mad;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	b = (FloatBag *) PG_GETARG_POINTER(0);
	if (b->n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "median_mad must return a composite type");
	scratch = palloc_extended(sizeof(double) * b->n, MCXT_ALLOC_HUGE);
	vbp_median_mad(b->v, (size_t) b->n, scratch, &median, &mad);
	pfree(scratch);
	values[0] = Float8GetDatum(median);
	values[1] = Float8GetDatum(mad);
	values[2] = Int64GetDatum(b->n);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/*
 * Modified z-score of Iglewicz and Hoaglin: constant * (x - median) / mad;
 * NULL when mad is 0 (no spread to measure against).
 */
PG_FUNCTION_INFO_V1(pgvbp_robust_z);
Datum
pgvbp_robust_z(PG_FUNCTION_ARGS)
{
	float8		x = PG_GETARG_FLOAT8(0);
	float8		median = PG_GETARG_FLOAT8(1);
	float8		mad = PG_GETARG_FLOAT8(2);
	float8		constant = PG_GETARG_FLOAT8(3);

	if (mad == 0)
		PG_RETURN_NULL();
	if (mad < 0 || isnan(mad))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("median absolute deviation must not be negative or NaN")));
	PG_RETURN_FLOAT8(constant * (x - median) / mad);
}

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
	if (window < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the baseline window must hold at least 2 values, not %d", window)));
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
	if (vbp_cusum(x, (size_t) n, (size_t) window, threshold, slack, out, &err) != VBP_OK)
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
 * vbp.purchase_tally(units, amount, purchased_on, accepted_on, paid_on,
 * selected, in_batch, cycle_start, cycle_end, as_of, payment_days): one
 * transition per purchase, the date tests done in the core
 * (vbp_tally_add_purchase) rather than as SQL expressions per row.  NULL
 * units, amount, purchase date or cycle bounds skip the row; NULL flags count
 * as false.  The state is the core's vbp_tally, with combine, serial and
 * deserial functions.
 */
#define OPT_DATE(i, var) (PG_ARGISNULL(i) ? NULL : ((var) = PG_GETARG_DATEADT(i), &(var)))

PG_FUNCTION_INFO_V1(pgvbp_tally_accum);
Datum
pgvbp_tally_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	vbp_tally  *t;
	int32		accepted,
				paid,
				days;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "purchase_tally called in non-aggregate context");
	if (PG_ARGISNULL(0))
	{
		t = MemoryContextAlloc(aggcxt, sizeof(vbp_tally));
		vbp_tally_init(t);
	}
	else
		t = (vbp_tally *) PG_GETARG_POINTER(0);
	for (i = 1; i <= 3; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(t);
	for (i = 8; i <= 10; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_POINTER(t);
	vbp_tally_add_purchase(t, PG_GETARG_INT64(1), PG_GETARG_INT64(2), PG_GETARG_DATEADT(3),
						   OPT_DATE(4, accepted), OPT_DATE(5, paid),
						   !PG_ARGISNULL(6) && PG_GETARG_BOOL(6),
						   !PG_ARGISNULL(7) && PG_GETARG_BOOL(7),
						   PG_GETARG_DATEADT(8), PG_GETARG_DATEADT(9), PG_GETARG_DATEADT(10),
						   PG_ARGISNULL(11) ? NULL : (days = PG_GETARG_INT32(11), &days));
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(pgvbp_tally_combine);
Datum
pgvbp_tally_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	vbp_tally  *into;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "purchase_tally called in non-aggregate context");
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* NULL or the left state */
	if (PG_ARGISNULL(0))
	{
		into = MemoryContextAlloc(aggcxt, sizeof(vbp_tally));
		*into = *(vbp_tally *) PG_GETARG_POINTER(1);
		PG_RETURN_POINTER(into);
	}
	into = (vbp_tally *) PG_GETARG_POINTER(0);
	vbp_tally_combine(into, (vbp_tally *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(into);
}

PG_FUNCTION_INFO_V1(pgvbp_tally_serialize);
Datum
pgvbp_tally_serialize(PG_FUNCTION_ARGS)
{
	bytea	   *out = palloc(VARHDRSZ + VBP_TALLY_WIRE);

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "purchase_tally called in non-aggregate context");
	SET_VARSIZE(out, VARHDRSZ + VBP_TALLY_WIRE);
	vbp_tally_serialize((vbp_tally *) PG_GETARG_POINTER(0), (unsigned char *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(pgvbp_tally_deserialize);
Datum
pgvbp_tally_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	vbp_tally  *t;
	vbp_error	err;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "purchase_tally called in non-aggregate context");
	if (VARSIZE_ANY_EXHDR(in) != VBP_TALLY_WIRE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid purchase tally state"),
				 errdetail("A state has %d bytes, not %d.", VBP_TALLY_WIRE, (int) VARSIZE_ANY_EXHDR(in))));
	t = palloc(sizeof(vbp_tally));
	if (vbp_tally_deserialize((const unsigned char *) VARDATA_ANY(in), t, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid purchase tally state"),
				 errdetail("%s", err.detail)));
	PG_RETURN_POINTER(t);
}

/* Final: the composite vbp.purchase_tally; a tally of no rows is all zeros. */
PG_FUNCTION_INFO_V1(pgvbp_tally_final);
Datum
pgvbp_tally_final(PG_FUNCTION_ARGS)
{
	vbp_tally	zero;
	vbp_tally  *t;
	TupleDesc	desc;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	int64		v[4];
	vbp_error	err;

	if (PG_ARGISNULL(0))
	{
		vbp_tally_init(&zero);
		t = &zero;
	}
	else
		t = (vbp_tally *) PG_GETARG_POINTER(0);
	if (vbp_tally_units(t->selected_units, &v[0], &err) != VBP_OK ||
		vbp_tally_units(t->other_units, &v[1], &err) != VBP_OK)
		vbp_value_error(&err, "purchase units out of range");
	if (vbp_int128_to_fen(t->selected_fen, &v[2], &err) != VBP_OK ||
		vbp_int128_to_fen(t->other_fen, &v[3], &err) != VBP_OK)
		vbp_value_error(&err, "purchase spend out of range");
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Int64GetDatum(v[0]);
	values[1] = Int64GetDatum(v[1]);
	values[2] = Int64GetDatum(v[2]);
	values[3] = Int64GetDatum(v[3]);
	values[4] = Int64GetDatum(t->purchases);
	values[5] = Int64GetDatum(t->payments_due);
	values[6] = Int64GetDatum(t->paid_on_time);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/*
 * vbp.time_progress(cycle_start, cycle_end, as_of) -> numeric: the core's
 * fraction as numeric, 0 and 1 at the clips (as the SQL version of 0.6.0
 * returned them), else num / den by numeric division.
 */
PG_FUNCTION_INFO_V1(pgvbp_time_progress);
Datum
pgvbp_time_progress(PG_FUNCTION_ARGS)
{
	DateADT		start = PG_GETARG_DATEADT(0);
	DateADT		end = PG_GETARG_DATEADT(1);
	DateADT		as_of = PG_GETARG_DATEADT(2);
	int64		num,
				den;
	vbp_error	err;

	if (vbp_time_progress(start, end, as_of, &num, &den, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cycle ends (%s) before it starts (%s)",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(end))),
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(start))))));
	if (num == 0 || num == den)
		PG_RETURN_DATUM(DirectFunctionCall1(int4_numeric, Int32GetDatum(num == 0 ? 0 : 1)));
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall1(int8_numeric, Int64GetDatum(num)),
										DirectFunctionCall1(int8_numeric, Int64GetDatum(den))));
}

/*
 * vbp.fulfilment_status(completion, time_progress, lagging_factor): the
 * three comparisons in exact numeric, the classification in the core.  Only
 * the comparisons needed are made.
 */
PG_FUNCTION_INFO_V1(pgvbp_fulfilment_status);
Datum
pgvbp_fulfilment_status(PG_FUNCTION_ARGS)
{
	Datum		c = PG_GETARG_DATUM(0);
	Datum		tau = PG_GETARG_DATUM(1);
	Datum		factor = PG_GETARG_DATUM(2);
	bool		agreed,
				time = false,
				lag = false;
	static Datum one = (Datum) 0;

	if (one == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		one = DirectFunctionCall1(int4_numeric, Int32GetDatum(1));
		MemoryContextSwitchTo(old);
	}
	agreed = DatumGetInt32(DirectFunctionCall2(numeric_cmp, c, one)) >= 0;
	if (!agreed)
		time = DatumGetInt32(DirectFunctionCall2(numeric_cmp, c, tau)) >= 0;
	if (!agreed && !time)
		lag = DatumGetInt32(DirectFunctionCall2(numeric_cmp, c,
												DirectFunctionCall2(numeric_mul, factor, tau))) >= 0;
	PG_RETURN_TEXT_P(cstring_to_text(vbp_fulfilment_status(agreed, time, lag)));
}

/*
 * vbp.fulfilment_measure(selected_units, other_units, payments_due,
 * paid_on_time, agreed_volume, cycle_start, cycle_end, as_of, lagging_factor,
 * selected_share_floor): the measures of one agreement, computed exactly in
 * the core (vbp_fulfilment_measure) instead of by numeric division per row.
 * STRICT.  The two factors are parsed once per call site and kept while they
 * do not change.
 */
typedef struct MeasureCache
{
	TupleDesc	result;			/* blessed vbp.fulfilment_measure */
	Datum		factor[2];		/* copies of the last factors seen */
	int64		num[2];
	int64		den[2];
} MeasureCache;

static Datum
scaled_numeric(vbp_int128 v)
{
	char		buf[48];

#if PG_VERSION_NUM >= 140000
	if (v >= PG_INT64_MIN && v <= PG_INT64_MAX)
		return NumericGetDatum(int64_div_fast_to_numeric((int64) v, VBP_FULFILMENT_SCALE));
#endif
	vbp_format_scaled(v, VBP_FULFILMENT_SCALE, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static void
measure_factor(FunctionCallInfo fcinfo, MeasureCache *mc, int i, const char *name)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(8 + i));
	vbp_error	err;
	MemoryContext old;

	if (mc->factor[i] != (Datum) 0 &&
		VARSIZE_ANY(v) == VARSIZE_ANY(DatumGetPointer(mc->factor[i])) &&
		memcmp(v, DatumGetPointer(mc->factor[i]), VARSIZE_ANY(v)) == 0)
		return;
	if (vbp_decimal_fraction(DatumGetCString(DirectFunctionCall1(numeric_out, PointerGetDatum(v))),
							 VBP_FULFILMENT_SCALE, 1000,
							 &mc->num[i], &mc->den[i], &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s out of range for the fulfilment measures", name),
				 errdetail("%s", err.detail),
				 errhint("Use a decimal of at most 6 decimal places and at most 1000.")));
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (mc->factor[i] != (Datum) 0)
		pfree(DatumGetPointer(mc->factor[i]));
	mc->factor[i] = PointerGetDatum(palloc(VARSIZE_ANY(v)));
	memcpy(DatumGetPointer(mc->factor[i]), v, VARSIZE_ANY(v));
	MemoryContextSwitchTo(old);
}

PG_FUNCTION_INFO_V1(pgvbp_fulfilment_measure);
Datum
pgvbp_fulfilment_measure(PG_FUNCTION_ARGS)
{
	MeasureCache *mc = (MeasureCache *) fcinfo->flinfo->fn_extra;
	vbp_fulfilment f;
	vbp_error	err;
	Datum		values[6];
	bool		nulls[6] = {false};

	if (mc == NULL)
	{
		TupleDesc	td;

		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "fulfilment_measure must return a composite type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		mc = palloc0(sizeof(MeasureCache));
		mc->result = BlessTupleDesc(CreateTupleDescCopy(td));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = mc;
	}
	measure_factor(fcinfo, mc, 0, "lagging_factor");
	measure_factor(fcinfo, mc, 1, "selected_share_floor");
	if (vbp_fulfilment_measure(PG_GETARG_INT64(0), PG_GETARG_INT64(1), PG_GETARG_INT64(2),
							   PG_GETARG_INT64(3), PG_GETARG_INT64(4), PG_GETARG_DATEADT(5),
							   PG_GETARG_DATEADT(6), PG_GETARG_DATEADT(7),
							   mc->num[0], mc->den[0], mc->num[1], mc->den[1], &f, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cycle ends (%s) before it starts (%s)",
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(6))),
						DatumGetCString(DirectFunctionCall1(date_out, PG_GETARG_DATUM(5))))));
	values[0] = scaled_numeric(f.time_progress);
	values[1] = scaled_numeric(f.completion);
	values[2] = PointerGetDatum(cstring_to_text(f.status));
	if (f.has_share)
		values[3] = scaled_numeric(f.selected_share);
	else
		nulls[3] = true;
	values[4] = BoolGetDatum(f.prefers_selected);
	if (f.has_on_time_rate)
		values[5] = scaled_numeric(f.on_time_rate);
	else
		nulls[5] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(mc->result, values, nulls)));
}
