/*
 * cycle_tally.c
 *		vbp.cycle_tally: the purchase tally of every agreement cycle of one
 *		institution in one pass, with the product -> cycle map inside the
 *		aggregate instead of a join per purchase.
 *
 *   vbp.cycle_tally(product_code, units, amount, purchased_on, accepted_on,
 *                   paid_on, map vbp.product_cycle[], as_of, payment_days)
 *     -> vbp.cycle_totals[]   (one element per cycle the rows touched)
 *
 * Grouped by institution, each purchase looks its product up in a hash table
 * built once from the map (product -> the cycles it belongs to, with its
 * selected / bid flags and the cycle dates) and is added to the tally of each
 * of those cycles by the core's vbp_tally_add_purchase, the same rule as
 * vbp.purchase_tally.  The state is a sparse set of per-cycle tallies with
 * combine, serial and deserial functions, so the aggregate runs in parallel
 * and partial aggregation.
 *
 * The map must be the same for every row of an aggregation (a constant, a
 * function parameter or a scalar subquery).  It is built from the first row
 * and checked byte for byte whenever a new group starts; when the argument is
 * not a constant or parameter it is checked on every row.
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

typedef struct CycleLink
{
	vbp_drugcode product;
	int32		cid;
	DateADT		start;
	DateADT		end;
	bool		selected;
	bool		bid;
} CycleLink;

typedef struct ProductSlot
{
	vbp_drugcode product;
	int32		first;			/* links[first .. first + count) */
	int32		count;			/* 0: empty slot */
} ProductSlot;

typedef struct CycleMap
{
	struct varlena *bytes;		/* copy of the map array, to check it */
	Datum		seen;			/* the argument pointer last checked */
	bool		arg_stable;		/* the argument is a Const or a Param */
	uint32		mask;
	ProductSlot *slots;
	CycleLink  *links;
} CycleMap;

/* per institution: the tallies of the cycles its rows touched, hashed by id */
typedef struct CycleState
{
	int32		n;
	int32		cap;
	int32	   *cid;
	vbp_tally  *tally;
	uint32		mask;			/* slots: 2 x cap, entry + 1, 0 = empty */
	int32	   *slots;
} CycleState;

static inline uint32
product_hash(const vbp_drugcode *c)
{
	uint64		h = c->hi * UINT64CONST(0x9E3779B97F4A7C15) ^ c->lo;

	h ^= h >> 31;
	h *= UINT64CONST(0xBF58476D1CE4E5B9);
	h ^= h >> 29;
	return (uint32) h;
}

static int
link_cmp(const void *a, const void *b)
{
	return vbp_drugcode_cmp(&((const CycleLink *) a)->product, &((const CycleLink *) b)->product);
}

static void
map_error(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid product-cycle map for cycle_tally"),
			 errdetail("%s", detail)));
}

/* Builds the hash table from a vbp.product_cycle[] in cxt. */
static void
map_build(CycleMap *m, ArrayType *arr, MemoryContext cxt)
{
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *enulls;
	int			n,
				i,
				nprod = 0;
	TupleDesc	td;
	uint32		size = 16;
	MemoryContext old;

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &elems, &enulls, &n);
	td = lookup_rowtype_tupdesc(elemtype, -1);
	if (td->natts != 6)
		map_error("The map is not a vbp.product_cycle[].");
	old = MemoryContextSwitchTo(cxt);
	m->links = palloc(sizeof(CycleLink) * Max(n, 1));
	MemoryContextSwitchTo(old);
	for (i = 0; i < n; i++)
	{
		HeapTupleHeader h;
		HeapTupleData tuple;
		Datum		v[6];
		bool		isnull[6];
		CycleLink  *l = &m->links[i];

		if (enulls[i])
			map_error("An element of the map is NULL.");
		h = DatumGetHeapTupleHeader(elems[i]);
		tuple.t_len = HeapTupleHeaderGetDatumLength(h);
		ItemPointerSetInvalid(&tuple.t_self);
		tuple.t_tableOid = InvalidOid;
		tuple.t_data = h;
		heap_deform_tuple(&tuple, td, v, isnull);
		if (isnull[0] || isnull[1] || isnull[2] || isnull[3])
			map_error("A product, cycle id or cycle date in the map is NULL.");
		l->product = *(vbp_drugcode *) DatumGetPointer(v[0]);
		l->cid = DatumGetInt32(v[1]);
		l->start = DatumGetDateADT(v[2]);
		l->end = DatumGetDateADT(v[3]);
		l->selected = !isnull[4] && DatumGetBool(v[4]);
		l->bid = !isnull[5] && DatumGetBool(v[5]);
	}
	ReleaseTupleDesc(td);
	qsort(m->links, n, sizeof(CycleLink), link_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || vbp_drugcode_cmp(&m->links[i].product, &m->links[i - 1].product) != 0)
			nprod++;
	while (size < (uint32) nprod * 2)
		size *= 2;
	m->mask = size - 1;
	m->slots = MemoryContextAllocZero(cxt, sizeof(ProductSlot) * size);
	for (i = 0; i < n; i++)
	{
		uint32		pos;

		if (i > 0 && vbp_drugcode_cmp(&m->links[i].product, &m->links[i - 1].product) == 0)
			continue;
		pos = product_hash(&m->links[i].product) & m->mask;
		while (m->slots[pos].count != 0)
			pos = (pos + 1) & m->mask;
		m->slots[pos].product = m->links[i].product;
		m->slots[pos].first = i;
		while (i + m->slots[pos].count < n &&
			   vbp_drugcode_cmp(&m->links[i + m->slots[pos].count].product, &m->links[i].product) == 0)
			m->slots[pos].count++;
	}
}

static inline const ProductSlot *
map_lookup(const CycleMap *m, const vbp_drugcode *product)
{
	uint32		pos = product_hash(product) & m->mask;

	for (;;)
	{
		const ProductSlot *s = &m->slots[pos];

		if (s->count == 0)
			return NULL;
		if (s->product.hi == product->hi && s->product.lo == product->lo)
			return s;
		pos = (pos + 1) & m->mask;
	}
}

static bool
arg_is_stable(FunctionCallInfo fcinfo, int argno)
{
	Aggref	   *agg = AggGetAggref(fcinfo);
	TargetEntry *te;

	if (agg == NULL || list_length(agg->args) < argno)
		return false;
	te = (TargetEntry *) list_nth(agg->args, argno - 1);
	return IsA(te->expr, Const) || IsA(te->expr, Param);
}

/*
 * The map for this row: built from the first one, rebuilt when the bytes
 * change.  check: compare the bytes even if the pointer is the one seen.
 */
static CycleMap *
map_get(FunctionCallInfo fcinfo, Datum arg, bool check)
{
	CycleMap   *m = (CycleMap *) fcinfo->flinfo->fn_extra;
	MemoryContext cxt = fcinfo->flinfo->fn_mcxt;
	struct varlena *v;

	if (m != NULL && arg == m->seen && !check && m->arg_stable)
		return m;
	v = (struct varlena *) PG_DETOAST_DATUM(arg);
	if (m != NULL && VARSIZE(v) == VARSIZE(m->bytes) && memcmp(v, m->bytes, VARSIZE(v)) == 0)
	{
		m->seen = arg;
		return m;
	}
	if (m != NULL)
	{
		pfree(m->bytes);
		pfree(m->links);
		pfree(m->slots);
	}
	else
	{
		m = MemoryContextAllocZero(cxt, sizeof(CycleMap));
		m->arg_stable = arg_is_stable(fcinfo, 7);
		fcinfo->flinfo->fn_extra = m;
	}
	if (ARR_NDIM((ArrayType *) v) > 1)
		map_error("The map has more than one dimension.");
	m->bytes = MemoryContextAlloc(cxt, VARSIZE(v));
	memcpy(m->bytes, v, VARSIZE(v));
	m->seen = arg;
	map_build(m, (ArrayType *) m->bytes, cxt);
	return m;
}

static inline uint32
cycle_hash(int32 cid)
{
	return (uint32) cid * 2654435761U;
}

static void
state_index(CycleState *s, MemoryContext cxt)
{
	int32		i;

	s->mask = (uint32) s->cap * 2 - 1;
	s->slots = MemoryContextAllocZero(cxt, sizeof(int32) * (s->mask + 1));
	for (i = 0; i < s->n; i++)
	{
		uint32		pos = cycle_hash(s->cid[i]) & s->mask;

		while (s->slots[pos] != 0)
			pos = (pos + 1) & s->mask;
		s->slots[pos] = i + 1;
	}
}

static CycleState *
state_new(MemoryContext cxt)
{
	CycleState *s = MemoryContextAlloc(cxt, sizeof(CycleState));

	s->n = 0;
	s->cap = 4;
	s->cid = MemoryContextAlloc(cxt, sizeof(int32) * s->cap);
	s->tally = MemoryContextAlloc(cxt, sizeof(vbp_tally) * s->cap);
	state_index(s, cxt);
	return s;
}

/* The tally of cycle cid in s, created (zero) if new. */
static vbp_tally *
state_tally(CycleState *s, int32 cid, MemoryContext cxt)
{
	uint32		pos = cycle_hash(cid) & s->mask;

	while (s->slots[pos] != 0)
	{
		if (s->cid[s->slots[pos] - 1] == cid)
			return &s->tally[s->slots[pos] - 1];
		pos = (pos + 1) & s->mask;
	}
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->cid = repalloc(s->cid, sizeof(int32) * s->cap);
		s->tally = repalloc(s->tally, sizeof(vbp_tally) * s->cap);
		pfree(s->slots);
		state_index(s, cxt);
		pos = cycle_hash(cid) & s->mask;
		while (s->slots[pos] != 0)
			pos = (pos + 1) & s->mask;
	}
	s->cid[s->n] = cid;
	vbp_tally_init(&s->tally[s->n]);
	s->slots[pos] = ++s->n;
	return &s->tally[s->n - 1];
}

#define OPT_DATE(i, var) (PG_ARGISNULL(i) ? NULL : (var = PG_GETARG_DATEADT(i), &var))

PG_FUNCTION_INFO_V1(pgvbp_cycle_tally_accum);
Datum
pgvbp_cycle_tally_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	CycleState *s = PG_ARGISNULL(0) ? NULL : (CycleState *) PG_GETARG_POINTER(0);
	CycleMap   *m;
	const ProductSlot *slot;
	DateADT		accepted,
				paid;
	int32		days;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "cycle_tally called in non-aggregate context");
	/* a skipped row leaves the state as it is, NULL (no rows yet) included */
	for (i = 1; i <= 8; i++)
		if (PG_ARGISNULL(i) && i != 5 && i != 6)
		{
			if (s == NULL)
				PG_RETURN_NULL();
			PG_RETURN_POINTER(s);
		}
	m = map_get(fcinfo, PG_GETARG_DATUM(7), s == NULL);
	if (s == NULL)
		s = state_new(aggcxt);
	slot = map_lookup(m, (const vbp_drugcode *) PG_GETARG_POINTER(1));
	if (slot == NULL)
		PG_RETURN_POINTER(s);
	for (i = slot->first; i < slot->first + slot->count; i++)
	{
		const CycleLink *l = &m->links[i];

		vbp_tally_add_purchase(state_tally(s, l->cid, aggcxt), PG_GETARG_INT64(2), PG_GETARG_INT64(3),
							   PG_GETARG_DATEADT(4), OPT_DATE(5, accepted), OPT_DATE(6, paid),
							   l->selected, l->bid, l->start, l->end, PG_GETARG_DATEADT(8),
							   PG_ARGISNULL(9) ? NULL : (days = PG_GETARG_INT32(9), &days));
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pgvbp_cycle_tally_combine);
Datum
pgvbp_cycle_tally_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	CycleState *into,
			   *from;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "cycle_tally called in non-aggregate context");
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* NULL or the left state */
	from = (CycleState *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
		into = state_new(aggcxt);
	else
		into = (CycleState *) PG_GETARG_POINTER(0);
	for (i = 0; i < from->n; i++)
		vbp_tally_combine(state_tally(into, from->cid[i], aggcxt), &from->tally[i]);
	PG_RETURN_POINTER(into);
}

/* Wire: int32 n, then n x (int32 cycle id, tally wire), big-endian. */
PG_FUNCTION_INFO_V1(pgvbp_cycle_tally_serialize);
Datum
pgvbp_cycle_tally_serialize(PG_FUNCTION_ARGS)
{
	CycleState *s = (CycleState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	unsigned char wire[VBP_TALLY_WIRE];
	int			i;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "cycle_tally called in non-aggregate context");
	pq_begintypsend(&buf);
	pq_sendint32(&buf, s->n);
	for (i = 0; i < s->n; i++)
	{
		pq_sendint32(&buf, s->cid[i]);
		vbp_tally_serialize(&s->tally[i], wire);
		pq_sendbytes(&buf, (const char *) wire, VBP_TALLY_WIRE);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(pgvbp_cycle_tally_deserialize);
Datum
pgvbp_cycle_tally_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	CycleState *s;
	int32		n,
				i;
	vbp_error	err;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "cycle_tally called in non-aggregate context");
	buf.data = VARDATA_ANY(in);
	buf.len = VARSIZE_ANY_EXHDR(in);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	n = buf.len >= 4 ? (int32) pq_getmsgint(&buf, 4) : -1;
	if (n < 0 || (int64) buf.len != 4 + (int64) n * (4 + VBP_TALLY_WIRE))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid cycle tally state"),
				 errdetail("The state's size does not match its %d entries.", n)));
	s = state_new(CurrentMemoryContext);
	for (i = 0; i < n; i++)
	{
		int32		cid = (int32) pq_getmsgint(&buf, 4);
		vbp_tally	t;
		int32		before = s->n;
		vbp_tally  *into = state_tally(s, cid, CurrentMemoryContext);

		if (s->n == before)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid cycle tally state"),
					 errdetail("Cycle id %d appears twice.", cid)));
		if (vbp_tally_deserialize((const unsigned char *) pq_getmsgbytes(&buf, VBP_TALLY_WIRE), &t, &err) != VBP_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid cycle tally state"),
					 errdetail("%s", err.detail)));
		*into = t;
	}
	PG_RETURN_POINTER(s);
}

static int
entry_cmp(const void *a, const void *b, void *arg)
{
	const int32 *cid = (const int32 *) arg;
	int32		x = cid[*(const int32 *) a],
				y = cid[*(const int32 *) b];

	return x < y ? -1 : x > y;
}

/* Final: vbp.cycle_totals[] in cycle id order; NULL when no row was counted. */
PG_FUNCTION_INFO_V1(pgvbp_cycle_tally_final);
Datum
pgvbp_cycle_tally_final(PG_FUNCTION_ARGS)
{
	CycleState *s;
	Oid			elemtype;
	TupleDesc	td;
	Datum	   *elems;
	int32	   *order;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			i;
	vbp_error	err;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (CycleState *) PG_GETARG_POINTER(0);
	elemtype = get_element_type(get_fn_expr_rettype(fcinfo->flinfo));
	if (!OidIsValid(elemtype))
		elog(ERROR, "cycle_tally must return an array");
	td = BlessTupleDesc(lookup_rowtype_tupdesc_copy(elemtype, -1));
	elems = palloc(sizeof(Datum) * Max(s->n, 1));
	order = palloc(sizeof(int32) * Max(s->n, 1));
	for (i = 0; i < s->n; i++)
		order[i] = i;
	qsort_arg(order, s->n, sizeof(int32), entry_cmp, s->cid);
	for (i = 0; i < s->n; i++)
	{
		const vbp_tally *t = &s->tally[order[i]];
		Datum		values[8];
		bool		nulls[8] = {false};
		int64		v[4];

		if (vbp_tally_units(t->selected_units, &v[0], &err) != VBP_OK ||
			vbp_tally_units(t->other_units, &v[1], &err) != VBP_OK)
			vbp_value_error(&err, "purchase units out of range");
		if (vbp_int128_to_fen(t->selected_fen, &v[2], &err) != VBP_OK ||
			vbp_int128_to_fen(t->other_fen, &v[3], &err) != VBP_OK)
			vbp_value_error(&err, "purchase spend out of range");
		values[0] = Int32GetDatum(s->cid[order[i]]);
		values[1] = Int64GetDatum(v[0]);
		values[2] = Int64GetDatum(v[1]);
		values[3] = Int64GetDatum(v[2]);
		values[4] = Int64GetDatum(v[3]);
		values[5] = Int64GetDatum(t->purchases);
		values[6] = Int64GetDatum(t->payments_due);
		values[7] = Int64GetDatum(t->paid_on_time);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(td, values, nulls));
	}
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, s->n, elemtype, typlen, typbyval, typalign));
}
