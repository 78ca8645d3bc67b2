/*
 * stats.c
 *		Glue of core/stats.c: exact order-statistic aggregates (deciles with
 *		percentile_cont semantics; median and MAD) and the robust z-score.
 *
 * Both aggregates collect the values in one state, a float8[] kept expanded
 * (below), with a combine function, so they run in parallel plans, partial
 * and partitionwise aggregation, and as partial aggregates on Citus workers.
 * The finals reorder the state in place (deciles selects the 9 order
 * statistics it needs, median_mad sorts): the multiset is unchanged, so
 * further transitions and finals stay correct.
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

/*
 * The state: a float8[] held as an expanded array in the aggregate's memory
 * context.  A transition appends to it in place and returns it, so the
 * executor adopts it without copying; a flat array (a state read back from a
 * spilled hash table, another process or a Citus worker) is expanded into
 * that context first.  Being an ordinary type, the state crosses process and
 * node boundaries as a float8[] (parallel query: no serial functions; Citus:
 * worker_partial_agg / coord_combine_agg, which ship states as text, and
 * float8 text round-trips exactly).  A group holds at most MaxArraySize values
 * (about 134 million).
 */
static ExpandedArrayHeader *
bag_of(FunctionCallInfo fcinfo, int argno, MemoryContext cxt)
{
	Datum		d;

	if (PG_ARGISNULL(argno))
		return construct_empty_expanded_array(FLOAT8OID, cxt, NULL);
	d = PG_GETARG_DATUM(argno);
	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
		MemoryContextGetParent(DatumGetEOHP(d)->eoh_context) == cxt)
		return (ExpandedArrayHeader *) DatumGetEOHP(d);
	return (ExpandedArrayHeader *) DatumGetEOHP(expand_array(d, cxt, NULL));
}

/* a state (or an array passed by hand) deconstructed into its values */
static void
bag_open(ExpandedArrayHeader *b)
{
	if (b->element_type != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("order-statistics state must be an array of double precision")));
	deconstruct_expanded_array(b);
}

/* the values changed: the flat copy, if any, no longer matches */
static inline void
bag_touched(ExpandedArrayHeader *b)
{
	b->dims[0] = b->nelems;
	b->fvalue = NULL;
	b->fstartptr = b->fendptr = NULL;
	b->flat_size = 0;
}

/* the bag's values, with room for more: deconstructed, one dimension, lower bound 1 */
static void
bag_reserve(ExpandedArrayHeader *b, int more)
{
	int			need;

	bag_open(b);
	if (b->ndims == 0)
	{
		b->dims = MemoryContextAllocZero(b->hdr.eoh_context, 2 * sizeof(int));
		b->lbound = b->dims + 1;
		b->ndims = 1;
		b->lbound[0] = 1;
	}
	else if (b->ndims > 1)
	{
		b->dims[0] = b->nelems;
		b->lbound[0] = 1;
		b->ndims = 1;
	}
	need = b->nelems + more;
	if (need < b->nelems || need > (int) MaxArraySize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many values in one group for an order statistic"),
				 errdetail("A group holds at most %d values.", (int) MaxArraySize)));
	if (need > b->dvalueslen)
	{
		int			len = (int) Min((int64) MaxArraySize, Max((int64) need, Max((int64) 64, (int64) b->dvalueslen * 2)));

		b->dvalues = repalloc_huge(b->dvalues, sizeof(Datum) * len);
		if (b->dnulls)
			b->dnulls = repalloc_huge(b->dnulls, sizeof(bool) * len);
		b->dvalueslen = len;
	}
}

/* appends v[0..n-1] */
static void
bag_append(ExpandedArrayHeader *b, const Datum *v, const bool *nulls, int n)
{
	int			i;

	bag_reserve(b, n);
	for (i = 0; i < n; i++)
		if (nulls == NULL || !nulls[i])
		{
			b->dvalues[b->nelems] = v[i];
			if (b->dnulls)
				b->dnulls[b->nelems] = false;
			b->nelems++;
		}
	bag_touched(b);
}

/*
 * A transition or combine with nothing to add: the state as it is (in the
 * aggregate's context), or NULL while there is none.
 */
static Datum
bag_unchanged(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(EOHPGetRWDatum(&bag_of(fcinfo, 0, cxt)->hdr));
}

/*
 * The context a state lives in: the aggregate's, or, called as a plain
 * function on an array, the caller's (the result is then a new array).
 */
static MemoryContext
bag_context(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		cxt = CurrentMemoryContext;
	return cxt;
}

/* Transition: collects one value; NULLs are skipped. */
PG_FUNCTION_INFO_V1(pgvbp_float8_collect);
Datum
pgvbp_float8_collect(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = bag_context(fcinfo);
	ExpandedArrayHeader *b;
	Datum		x;

	if (PG_ARGISNULL(1))
		return bag_unchanged(fcinfo, cxt);
	b = bag_of(fcinfo, 0, cxt);
	x = Float8GetDatum(PG_GETARG_FLOAT8(1));
	if (likely(b->dvalues != NULL && b->ndims == 1 && b->nelems < b->dvalueslen && b->dnulls == NULL &&
			   b->lbound[0] == 1))
	{
		/* the common case: room left */
		b->dvalues[b->nelems++] = x;
		bag_touched(b);
	}
	else
		bag_append(b, &x, NULL, 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&b->hdr));
}

/* Combine: appends the second state's values to the first (a NULL first is replaced by a copy). */
PG_FUNCTION_INFO_V1(pgvbp_float8_combine);
Datum
pgvbp_float8_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = bag_context(fcinfo);
	ExpandedArrayHeader *into;
	ExpandedArrayHeader *from;

	if (PG_ARGISNULL(1))
		return bag_unchanged(fcinfo, cxt);
	into = bag_of(fcinfo, 0, cxt);
	from = DatumGetExpandedArrayX(PG_GETARG_DATUM(1), NULL);
	bag_open(from);
	bag_append(into, from->dvalues, from->dnulls, from->nelems);
	PG_RETURN_DATUM(EOHPGetRWDatum(&into->hdr));
}

/*
 * The values of a state, NULLs dropped, as a double array the finals may
 * reorder: on 64-bit builds the state's own Datums (float8 is by value: a
 * Datum holds the double's bits), else a copy.
 */
static double *
bag_values(FunctionCallInfo fcinfo, int64 *n)
{
	ExpandedArrayHeader *b = DatumGetExpandedArray(PG_GETARG_DATUM(0));
	int			i,
				k = 0;
	double	   *v;

	bag_open(b);
	if (b->dnulls)
	{
		/* a state built by hand may hold NULLs: they are not values */
		for (i = 0; i < b->nelems; i++)
			if (!b->dnulls[i])
			{
				b->dvalues[k] = b->dvalues[i];
				b->dnulls[k++] = false;
			}
		b->nelems = k;
		if (b->ndims > 0)
			b->ndims = 1;
	}
	else
		k = b->nelems;
	if (b->ndims > 0)
		bag_touched(b);
	*n = k;
#if FLOAT8PASSBYVAL && SIZEOF_DATUM == 8
	StaticAssertStmt(sizeof(Datum) == sizeof(double), "a Datum holds a double");
	v = (double *) b->dvalues;
#else
	v = palloc_extended(sizeof(double) * Max(k, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < k; i++)
		v[i] = DatumGetFloat8(b->dvalues[i]);
#endif
	return v;
}

/*
 * The 10th to 90th percentiles of a deciles state, percentile_cont semantics,
 * as float8[9]; or, for price_deciles(), each cast to numeric (15 significant
 * digits, as float8::numeric) and rounded to 6 decimal places, as
 * round(d::numeric, 6) would: once per group, not once per row that reads it.
 * NULL for no state or no values.
 */
static Datum
deciles_result(FunctionCallInfo fcinfo, bool price)
{
	double	   *v;
	int64		n;
	double		p[9],
				q[9];
	Datum		d[9];
	int			k;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = bag_values(fcinfo, &n);
	if (n == 0)
		PG_RETURN_NULL();
	for (k = 0; k < 9; k++)
		p[k] = (k + 1) / 10.0;
	vbp_quantiles(v, (size_t) n, p, 9, q);
	for (k = 0; k < 9; k++)
		d[k] = price ? DirectFunctionCall2(numeric_round, DirectFunctionCall1(float8_numeric, Float8GetDatum(q[k])),
										   Int32GetDatum(6))
			: Float8GetDatum(q[k]);
	if (price)
		PG_RETURN_ARRAYTYPE_P(construct_array(d, 9, NUMERICOID, -1, false, TYPALIGN_INT));
	PG_RETURN_ARRAYTYPE_P(construct_array(d, 9, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* Final of deciles(): float8[9]. */
PG_FUNCTION_INFO_V1(pgvbp_deciles_final);
Datum
pgvbp_deciles_final(PG_FUNCTION_ARGS)
{
	return deciles_result(fcinfo, false);
}

/* Final of price_deciles(): numeric[9], rounded to 6 places. */
PG_FUNCTION_INFO_V1(pgvbp_price_deciles_final);
Datum
pgvbp_price_deciles_final(PG_FUNCTION_ARGS)
{
	return deciles_result(fcinfo, true);
}

/* Final of median_mad(): (median, mad, n, meanad) as the composite type vbp.median_mad. */
PG_FUNCTION_INFO_V1(pgvbp_median_mad_final);
Datum
pgvbp_median_mad_final(PG_FUNCTION_ARGS)
{
	double	   *v;
	int64		n;
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	double	   *scratch;
	double		median,
				mad,
				meanad;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	v = bag_values(fcinfo, &n);
	if (n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "median_mad must return a composite type");
	scratch = palloc_extended(sizeof(double) * n, MCXT_ALLOC_HUGE);
	vbp_median_mad(v, (size_t) n, scratch, &median, &mad);
	meanad = vbp_meanad(scratch, (size_t) n);
	pfree(scratch);
	values[0] = Float8GetDatum(median);
	values[1] = Float8GetDatum(mad);
	values[2] = Int64GetDatum(n);
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
	{
		if (err.kind == VBP_ERANGE)
			vbp_value_error(&err, "robust z out of range");
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("median absolute deviation must not be negative or NaN")));
	}
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
