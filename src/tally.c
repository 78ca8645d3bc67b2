/*
 * tally.c
 *		Glue of core/tally.c: the purchase tally aggregates (vbp.purchase_tally
 *		of one agreement cycle, vbp.cycle_tally of every cycle of one
 *		institution), time progress, and the fulfilment status and measures.
 *		The date tests, the counting and every fulfilment rule are the core's;
 *		this converts arguments, keeps aggregate states and reports errors.
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

/* a nullable date argument as the core takes it: NULL, or var's address */
#define OPT_DATE(i, var) (PG_ARGISNULL(i) ? NULL : ((var) = PG_GETARG_DATEADT(i), &(var)))

/*
 * The columns of vbp.purchase_tally (also the last seven of vbp.cycle_totals)
 * from a tally: the unit and spend sums range-checked into bigint, then the
 * three purchase counts.
 */
#define TALLY_COLUMNS 7

static void
tally_values(const vbp_tally *t, Datum *values)
{
	int64		v[4];
	vbp_error	err;

	if (vbp_tally_units(t->selected_units, &v[0], &err) != VBP_OK ||
		vbp_tally_units(t->other_units, &v[1], &err) != VBP_OK)
		vbp_value_error(&err, "purchase units out of range");
	if (vbp_int128_to_fen(t->selected_fen, &v[2], &err) != VBP_OK ||
		vbp_int128_to_fen(t->other_fen, &v[3], &err) != VBP_OK)
		vbp_value_error(&err, "purchase spend out of range");
	values[0] = Int64GetDatum(v[0]);
	values[1] = Int64GetDatum(v[1]);
	values[2] = Int64GetDatum(v[2]);
	values[3] = Int64GetDatum(v[3]);
	values[4] = Int64GetDatum(t->purchases);
	values[5] = Int64GetDatum(t->payments_due);
	values[6] = Int64GetDatum(t->paid_on_time);
}

/* ---------------- vbp.purchase_tally ---------------- */

/*
 * vbp.purchase_tally(units, amount, purchased_on, accepted_on, paid_on,
 * selected, in_batch, cycle_start, cycle_end, as_of, payment_days): one
 * transition per purchase, the date tests done in the core
 * (vbp_tally_add_purchase) rather than as SQL expressions per row.  NULL
 * units, amount, purchase date or cycle bounds skip the row; NULL flags count
 * as false.  The state is the core's vbp_tally, with combine, serial and
 * deserial functions.
 */
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

	aggcxt = vbp_agg_context(fcinfo, "purchase_tally");
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

	aggcxt = vbp_agg_context(fcinfo, "purchase_tally");
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

	(void) vbp_agg_context(fcinfo, "purchase_tally");
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

	(void) vbp_agg_context(fcinfo, "purchase_tally");
	if (VARSIZE_ANY_EXHDR(in) != VBP_TALLY_WIRE)
		vbp_state_error("purchase tally", "The state has %d bytes, not %d.", (int) VARSIZE_ANY_EXHDR(in), VBP_TALLY_WIRE);
	t = palloc(sizeof(vbp_tally));
	if (vbp_tally_deserialize((const unsigned char *) VARDATA_ANY(in), t, &err) != VBP_OK)
		vbp_state_error("purchase tally", "%s", err.detail);
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
	Datum		values[TALLY_COLUMNS];
	bool		nulls[TALLY_COLUMNS] = {false};

	if (PG_ARGISNULL(0))
	{
		vbp_tally_init(&zero);
		t = &zero;
	}
	else
		t = (vbp_tally *) PG_GETARG_POINTER(0);
	tally_values(t, values);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/* ---------------- vbp.cycle_tally ---------------- */

/*
 * vbp.cycle_tally: the purchase tally of every agreement cycle of one
 * institution in one pass, with the product -> cycle map inside the
 * aggregate instead of a join per purchase.
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

	aggcxt = vbp_agg_context(fcinfo, "cycle_tally");
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

	aggcxt = vbp_agg_context(fcinfo, "cycle_tally");
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

	(void) vbp_agg_context(fcinfo, "cycle_tally");
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

	(void) vbp_agg_context(fcinfo, "cycle_tally");
	buf.data = VARDATA_ANY(in);
	buf.len = VARSIZE_ANY_EXHDR(in);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	n = buf.len >= 4 ? (int32) pq_getmsgint(&buf, 4) : -1;
	if (n < 0 || (int64) buf.len != 4 + (int64) n * (4 + VBP_TALLY_WIRE))
		vbp_state_error("cycle tally", "The state's size does not match its %d entries.", n);
	s = state_new(CurrentMemoryContext);
	for (i = 0; i < n; i++)
	{
		int32		cid = (int32) pq_getmsgint(&buf, 4);
		vbp_tally	t;
		int32		before = s->n;
		vbp_tally  *into = state_tally(s, cid, CurrentMemoryContext);

		if (s->n == before)
			vbp_state_error("cycle tally", "Cycle id %d appears twice.", cid);
		if (vbp_tally_deserialize((const unsigned char *) pq_getmsgbytes(&buf, VBP_TALLY_WIRE), &t, &err) != VBP_OK)
			vbp_state_error("cycle tally", "%s", err.detail);
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
		Datum		values[1 + TALLY_COLUMNS];
		bool		nulls[1 + TALLY_COLUMNS] = {false};

		values[0] = Int32GetDatum(s->cid[order[i]]);
		tally_values(&s->tally[order[i]], values + 1);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(td, values, nulls));
	}
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, s->n, elemtype, typlen, typbyval, typalign));
}

/* ---------------- time progress and fulfilment ---------------- */

/* The core's one time-progress error (VBP_EPARAM), with the dates. */
static void cycle_error(Datum start, Datum end) pg_attribute_noreturn();

static void
cycle_error(Datum start, Datum end)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cycle ends (%s) before it starts (%s)",
					DatumGetCString(DirectFunctionCall1(date_out, end)),
					DatumGetCString(DirectFunctionCall1(date_out, start)))));
	pg_unreachable();
}

/*
 * A cycle runs between real dates: 22008 for an infinite start or end.  The
 * reporting date may be infinite (-infinity: before every cycle, progress 0;
 * infinity: after every cycle, progress 1).
 */
static void
require_finite_cycle(DateADT start, DateADT end)
{
	if (DATE_NOT_FINITE(start) || DATE_NOT_FINITE(end))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cycle dates must be finite"),
				 errdetail("The cycle runs from %s to %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(start))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(end))))));
}

/*
 * vbp.time_progress(cycle_start, cycle_end, as_of) -> numeric: the core's
 * fraction as numeric: exactly 0 and 1 at the clips, else num / den by
 * numeric division.
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

	require_finite_cycle(start, end);
	if (vbp_time_progress(start, end, as_of, &num, &den, &err) != VBP_OK)
		cycle_error(DateADTGetDatum(start), DateADTGetDatum(end));
	if (num == 0 || num == den)
		PG_RETURN_DATUM(DirectFunctionCall1(int4_numeric, Int32GetDatum(num == 0 ? 0 : 1)));
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall1(int8_numeric, Int64GetDatum(num)),
										DirectFunctionCall1(int8_numeric, Int64GetDatum(den))));
}

/*
 * vbp.fulfilment_status(completion, time_progress, lagging_factor): the
 * core's rule (vbp_fulfilment_status), asking this for each threshold it
 * needs whether completion >= coef x base, compared in exact numeric.  STRICT.
 */
typedef struct StatusOperands
{
	Datum		completion;
	Datum		operand[3];		/* by vbp_fulfilment_operand */
} StatusOperands;

static bool
numeric_reaches(void *ctx, vbp_fulfilment_operand coef, vbp_fulfilment_operand base)
{
	const StatusOperands *so = ctx;
	Datum		mark = so->operand[base];

	if (coef != VBP_FULFILMENT_ONE)
		mark = DirectFunctionCall2(numeric_mul, so->operand[coef], mark);
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, so->completion, mark)) >= 0;
}

PG_FUNCTION_INFO_V1(pgvbp_fulfilment_status);
Datum
pgvbp_fulfilment_status(PG_FUNCTION_ARGS)
{
	static Datum one = (Datum) 0;
	StatusOperands so;

	if (one == (Datum) 0)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		one = DirectFunctionCall1(int4_numeric, Int32GetDatum(1));
		MemoryContextSwitchTo(old);
	}
	so.completion = PG_GETARG_DATUM(0);
	so.operand[VBP_FULFILMENT_ONE] = one;
	so.operand[VBP_FULFILMENT_TIME] = PG_GETARG_DATUM(1);
	so.operand[VBP_FULFILMENT_LAGGING] = PG_GETARG_DATUM(2);
	PG_RETURN_TEXT_P(cstring_to_text(vbp_fulfilment_status(numeric_reaches, &so)));
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
	if (vbp_fulfilment_factor(DatumGetCString(DirectFunctionCall1(numeric_out, PointerGetDatum(v))),
							  &mc->num[i], &mc->den[i], &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s out of range for the fulfilment measures", name),
				 errdetail("%s", err.detail),
				 errhint("Use a decimal of at most %d decimal places and at most %d.",
						 VBP_FULFILMENT_SCALE, VBP_FULFILMENT_FACTOR_MAX)));
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
	require_finite_cycle(PG_GETARG_DATEADT(5), PG_GETARG_DATEADT(6));
	if (vbp_fulfilment_measure(PG_GETARG_INT64(0), PG_GETARG_INT64(1), PG_GETARG_INT64(2),
							   PG_GETARG_INT64(3), PG_GETARG_INT64(4), PG_GETARG_DATEADT(5),
							   PG_GETARG_DATEADT(6), PG_GETARG_DATEADT(7),
							   mc->num[0], mc->den[0], mc->num[1], mc->den[1], &f, &err) != VBP_OK)
		cycle_error(PG_GETARG_DATUM(5), PG_GETARG_DATUM(6));	/* the factors passed the core's check */
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
