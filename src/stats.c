/*
 * stats.c
 *		Glue of core/stats.c: exact order-statistic aggregates (deciles with
 *		percentile_cont semantics; median and MAD) and the robust z-score.
 *
 * Both aggregates collect the values in one state (a growable float8 array)
 * with combine, serial and deserial functions, so they run in parallel plans,
 * partial and partitionwise aggregation.  The finals reorder the state in
 * place (deciles selects the 9 order statistics it needs, median_mad sorts):
 * the multiset is unchanged, so further transitions and finals stay correct.
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/memutils.h"

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

/* Transition: collects one value; NULLs are skipped. */
PG_FUNCTION_INFO_V1(pgvbp_float8_collect);
Datum
pgvbp_float8_collect(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = vbp_agg_context(fcinfo, "aggregate function");
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
	MemoryContext cxt = vbp_agg_context(fcinfo, "aggregate function");
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

	(void) vbp_agg_context(fcinfo, "aggregate function");
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

	(void) vbp_agg_context(fcinfo, "aggregate function");
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in));
	n = pq_getmsgint64(&buf);
	if (n < 0 || (uint64) (buf.len - buf.cursor) != (uint64) n * sizeof(double))
		vbp_state_error("order-statistics", "The state says %lld values but holds %d bytes.",
						(long long) n, buf.len - buf.cursor);
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
	double		p[9],
				q[9];
	Datum		d[9];
	int			k;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	b = (FloatBag *) PG_GETARG_POINTER(0);
	if (b->n == 0)
		PG_RETURN_NULL();
	for (k = 0; k < 9; k++)
		p[k] = (k + 1) / 10.0;
	vbp_quantiles(b->v, (size_t) b->n, p, 9, q);
	for (k = 0; k < 9; k++)
		d[k] = Float8GetDatum(q[k]);
	PG_RETURN_ARRAYTYPE_P(construct_array(d, 9, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* Final of median_mad(): (median, mad, n, meanad) as the composite type vbp.median_mad. */
PG_FUNCTION_INFO_V1(pgvbp_median_mad_final);
Datum
pgvbp_median_mad_final(PG_FUNCTION_ARGS)
{
	FloatBag   *b;
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	double	   *scratch;
	double		median,
				mad,
				meanad;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	b = (FloatBag *) PG_GETARG_POINTER(0);
	if (b->n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "median_mad must return a composite type");
	scratch = palloc_extended(sizeof(double) * b->n, MCXT_ALLOC_HUGE);
	vbp_median_mad(b->v, (size_t) b->n, scratch, &median, &mad);
	meanad = vbp_meanad(scratch, (size_t) b->n);
	pfree(scratch);
	values[0] = Float8GetDatum(median);
	values[1] = Float8GetDatum(mad);
	values[2] = Int64GetDatum(b->n);
	values[3] = Float8GetDatum(meanad);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/*
 * vbp.robust_z(x, median, mad, constant): the core's modified z-score;
 * NULL when mad is 0.
 */
PG_FUNCTION_INFO_V1(pgvbp_robust_z);
Datum
pgvbp_robust_z(PG_FUNCTION_ARGS)
{
	bool		defined;
	double		z;
	vbp_error	err;

	if (vbp_robust_z(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
					 PG_GETARG_FLOAT8(3), &defined, &z, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("median absolute deviation must not be negative or NaN")));
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(z);
}

/*
 * vbp.count_below(sorted numeric[], x numeric): how many elements of an array
 * sorted ascending (numeric order, no NULLs) are less than x, by binary
 * search.  Report queries call it once per row against the same array of a
 * group (the peers' unit prices of a cell), so the deconstructed array is
 * kept in fn_extra while the argument's bytes stay the same: a row then costs
 * a memcmp of the array and log2(n) comparisons instead of a pass over it.
 * The order is checked once per distinct array; an unsorted array is refused.
 */
typedef struct SortedCache
{
	Size		rawlen;			/* 0 until an array is kept */
	char	   *raw;			/* a copy of the array's bytes, to recognise it */
	int			n;
	Datum	   *elems;
} SortedCache;

static inline int
numeric_compare(Datum a, Datum b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, a, b));
}

static void
sorted_cache_fill(FunctionCallInfo fcinfo, SortedCache *c, ArrayType *arr)
{
	MemoryContext old;
	Size		rawlen = VARSIZE(arr);
	bool	   *nulls;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("sorted array must have one dimension")));
	c->rawlen = 0;				/* until complete */
	if (c->raw)
		pfree(c->raw);
	if (c->elems)
		pfree(c->elems);
	c->elems = NULL;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	c->raw = palloc(rawlen);
	memcpy(c->raw, arr, rawlen);
	deconstruct_array((ArrayType *) c->raw, NUMERICOID, -1, false, TYPALIGN_INT,
					  &c->elems, &nulls, &c->n);
	MemoryContextSwitchTo(old);
	for (i = 0; i < c->n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("sorted array must not contain nulls"),
					 errdetail("Element %d is null.", i + 1)));
	for (i = 1; i < c->n; i++)
		if (numeric_compare(c->elems[i - 1], c->elems[i]) > 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("array is not sorted ascending"),
					 errdetail("Element %d is greater than element %d.", i, i + 1),
					 errhint("Build it with array_agg(x ORDER BY x).")));
	c->rawlen = rawlen;
}

PG_FUNCTION_INFO_V1(pgvbp_count_below);
Datum
pgvbp_count_below(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum		x = PG_GETARG_DATUM(1);
	SortedCache *c = (SortedCache *) fcinfo->flinfo->fn_extra;
	int			lo,
				hi;

	if (c == NULL)
		fcinfo->flinfo->fn_extra = c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SortedCache));
	if (c->rawlen != VARSIZE(arr) || memcmp(c->raw, arr, c->rawlen) != 0)
		sorted_cache_fill(fcinfo, c, arr);
	/* the first index whose element is not less than x */
	lo = 0;
	hi = c->n;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (numeric_compare(c->elems[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	PG_RETURN_INT64((int64) lo);
}
