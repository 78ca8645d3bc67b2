/*
 * price.c
 *		Glue of core/price.c: vbp.price_cut, the aggregate vbp.price_cuts, and
 *		the aggregate vbp.price_rank_series of the price change alerts.
 *
 * The core computes a cut, and the products and sums of the aggregate, in
 * 128-bit decimals equal to what numeric gives.  What it cannot hold (a value
 * beyond 128 bits or 38 decimal places, NaN, an infinity) this computes with
 * numeric's own functions, so results are numeric's in every case.
 *
 * The arguments are read where they lie, without copying them: the stored
 * form of a numeric (a header word with its sign, display scale and weight,
 * then base-10000 digits) is PostgreSQL's on-disk format, which pg_upgrade
 * carries unchanged between major versions.
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

/* the header word of a stored numeric (utils/adt/numeric.c) */
#define NUM_FLAG_MASK		0xC000
#define NUM_NEG				0x4000
#define NUM_SHORT			0x8000
#define NUM_SPECIAL			0xC000
#define NUM_SPECIAL_MASK	0xF000
#define NUM_NAN				0xC000
#define NUM_NINF			0xF000
#define NUM_SHORT_NEG		0x2000
#define NUM_SHORT_DSCALE_MASK	0x1F80
#define NUM_SHORT_DSCALE_SHIFT	7
#define NUM_SHORT_WEIGHT_NEG	0x0040
#define NUM_SHORT_WEIGHT_MASK	0x003F
#define NUM_DSCALE_MASK		0x3FFF

/* more base-10000 digits than this never fit in 128 bits */
#define VIEW_MAXDIGITS 10

/* a numeric argument as the core takes it */
typedef struct NumericView
{
	int			sign;			/* -1, 0, 1; NaN (above every number) 1 */
	bool		fits;			/* dec holds the value (not NaN, infinite or too large) */
	vbp_decimal dec;
} NumericView;

static void
numeric_view(Datum datum, NumericView *v)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(datum);
	const char *data = VARDATA_ANY(p);
	int			len = VARSIZE_ANY_EXHDR(p);
	uint16		header;
	int16		weight;
	int			dscale,
				ndigits;
	bool		negative;
	const char *digits;
	int16		d[VIEW_MAXDIGITS];

	memcpy(&header, data, sizeof(uint16));
	v->fits = false;
	if ((header & NUM_FLAG_MASK) == NUM_SPECIAL)
	{
		v->sign = (header & NUM_SPECIAL_MASK) == NUM_NINF ? -1 : 1;
		return;
	}
	if ((header & NUM_FLAG_MASK) == NUM_SHORT)
	{
		negative = (header & NUM_SHORT_NEG) != 0;
		dscale = (header & NUM_SHORT_DSCALE_MASK) >> NUM_SHORT_DSCALE_SHIFT;
		weight = (int16) (header & NUM_SHORT_WEIGHT_MASK);
		if (header & NUM_SHORT_WEIGHT_NEG)
			weight -= NUM_SHORT_WEIGHT_MASK + 1;
		digits = data + sizeof(uint16);
	}
	else
	{
		negative = (header & NUM_FLAG_MASK) == NUM_NEG;
		dscale = header & NUM_DSCALE_MASK;
		memcpy(&weight, data + sizeof(uint16), sizeof(int16));
		digits = data + sizeof(uint16) + sizeof(int16);
	}
	ndigits = (len - (digits - data)) / (int) sizeof(int16);
	v->sign = ndigits == 0 ? 0 : (negative ? -1 : 1);
	if (ndigits > VIEW_MAXDIGITS)
		return;
	memcpy(d, digits, ndigits * sizeof(int16));
	v->fits = vbp_decimal_from_base10000(d, ndigits, weight, dscale, negative, &v->dec, NULL) == VBP_OK;
}

/* a decimal as numeric, with its display scale */
static Datum
decimal_numeric(const vbp_decimal *d)
{
	char		buf[48];

#if PG_VERSION_NUM >= 140000
	if (d->coef >= PG_INT64_MIN && d->coef <= PG_INT64_MAX)
		return NumericGetDatum(int64_div_fast_to_numeric((int64) d->coef, d->scale));
#endif
	vbp_format_scaled(d->coef, d->scale, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static Datum
numeric_one(void)
{
	return DirectFunctionCall1(int4_numeric, Int32GetDatum(1));
}

/*
 * The prices a cut is defined for (the core's rule), or 22023 naming them,
 * the message vbp.price_cut has always given.
 */
static void
check_prices(const NumericView *ref, const NumericView *sel, Datum ref_datum, Datum sel_datum)
{
	vbp_error	err;

	if (vbp_price_cut_check(ref->sign, sel->sign, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prices must be positive (reference %s, selected %s)",
						DatumGetCString(DirectFunctionCall1(numeric_out, ref_datum)),
						DatumGetCString(DirectFunctionCall1(numeric_out, sel_datum)))));
}

/* 1 - selected / reference in numeric, for prices the core cannot hold */
static Datum
cut_numeric(Datum ref, Datum sel)
{
	return DirectFunctionCall2(numeric_sub, numeric_one(), DirectFunctionCall2(numeric_div, sel, ref));
}

/*
 * vbp.price_cut(reference, selected) -> 1 - selected / reference, exactly as
 * numeric computes it; 22023 unless reference > 0 and selected >= 0.  STRICT.
 */
PG_FUNCTION_INFO_V1(pgvbp_price_cut);
Datum
pgvbp_price_cut(PG_FUNCTION_ARGS)
{
	NumericView ref,
				sel;
	vbp_price_cut_terms t;
	static const vbp_decimal zero = {0, 0};

	numeric_view(PG_GETARG_DATUM(0), &ref);
	numeric_view(PG_GETARG_DATUM(1), &sel);
	check_prices(&ref, &sel, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1));
	if (ref.fits && sel.fits && vbp_price_cut_row(&ref.dec, &sel.dec, &zero, &t, NULL) == VBP_OK)
		PG_RETURN_DATUM(decimal_numeric(&t.cut));
	PG_RETURN_DATUM(cut_numeric(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

/* ---------------- vbp.price_cuts ---------------- */

/*
 * The state: the row count and three sums (cuts, reference x volume,
 * selected x volume), each a 128-bit decimal plus, once a sum leaves 128
 * bits or meets NaN or an infinity, a numeric part in the aggregate context.
 * Numeric addition is exact with the larger display scale, so the split does
 * not change the total.
 */
#define PRICE_CUT_SUMS 3

typedef struct PriceCutState
{
	int64		n;
	vbp_decimal sum[PRICE_CUT_SUMS];
	Datum		spill[PRICE_CUT_SUMS];	/* numeric, or 0 */
} PriceCutState;

/* spill[i] += x (a numeric), the result in cxt */
static void
spill_add(PriceCutState *s, int i, Datum x, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum		prev = s->spill[i];

	if (prev == (Datum) 0)
		s->spill[i] = datumCopy(x, false, -1);
	else
	{
		s->spill[i] = DirectFunctionCall2(numeric_add, prev, x);
		pfree(DatumGetPointer(prev));
	}
	MemoryContextSwitchTo(old);
}

/* sum[i] += x; a sum that would leave 128 bits moves to the numeric part first */
static void
sum_add(PriceCutState *s, int i, const vbp_decimal *x, MemoryContext cxt)
{
	static const vbp_decimal zero = {0, 0};

	if (likely(vbp_decimal_add(&s->sum[i], x, NULL) == VBP_OK))
		return;
	spill_add(s, i, decimal_numeric(&s->sum[i]), cxt);
	s->sum[i] = zero;
	if (vbp_decimal_add(&s->sum[i], x, NULL) != VBP_OK)
		elog(ERROR, "a price cut term does not fit its own sum");
}

/* the total of sum i as numeric */
static Datum
state_total(const PriceCutState *s, int i)
{
	Datum		d = decimal_numeric(&s->sum[i]);

	if (s->spill[i] != (Datum) 0)
		d = DirectFunctionCall2(numeric_add, d, s->spill[i]);
	return d;
}

/*
 * The state as the aggregate keeps it: a bytea in the machine's own layout,
 * the count and the three 128-bit sums in a fixed header, updated in place
 * row after row (the executor then copies nothing), followed, only once a sum
 * has left 128 bits, by the numeric parts in numeric's binary form.  Being an
 * ordinary type, it crosses processes and nodes as it is (parallel query
 * needs no serial functions; Citus ships it as bytea text).  A state that
 * does not come from this code (a bytea given by hand, one from another
 * machine) is checked before it is read.
 */
#define PRICE_CUTS_MAGIC 0x56504331		/* "VPC1" */

typedef struct PriceCutFlat
{
	int32		vl_len_;
	uint32		magic;
	int64		n;
	vbp_decimal sum[PRICE_CUT_SUMS];
	int32		spill_len[PRICE_CUT_SUMS];	/* bytes of numeric_send's form; 0: none */
} PriceCutFlat;

#define FLAT_HEADER MAXALIGN(sizeof(PriceCutFlat))

static PriceCutFlat *
flat_new(MemoryContext cxt)
{
	PriceCutFlat *f = MemoryContextAllocZero(cxt, FLAT_HEADER);

	SET_VARSIZE(f, FLAT_HEADER);
	f->magic = PRICE_CUTS_MAGIC;
	return f;
}

static bool
flat_has_spill(const PriceCutFlat *f)
{
	return f->spill_len[0] != 0 || f->spill_len[1] != 0 || f->spill_len[2] != 0;
}

/* argument argno as a checked state (detoasted; may be the argument itself) */
static PriceCutFlat *
flat_arg(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *b = PG_GETARG_BYTEA_P(argno);
	PriceCutFlat *f;
	int64		total = FLAT_HEADER;
	int			i;

	if (VARSIZE(b) < FLAT_HEADER)
		vbp_state_error("price cuts", "The state is not a price-cuts state of this build (%d bytes).", (int) VARSIZE(b));
	/* a bytea inside a tuple may be aligned for int only; the sums want more */
	if ((uintptr_t) b % MAXIMUM_ALIGNOF != 0)
	{
		bytea	   *c = palloc(VARSIZE(b));

		memcpy(c, b, VARSIZE(b));
		b = c;
	}
	f = (PriceCutFlat *) b;
	if (f->magic != PRICE_CUTS_MAGIC)
		vbp_state_error("price cuts", "The state is not a price-cuts state of this build (%d bytes).", (int) VARSIZE(b));
	if (f->n < 0)
		vbp_state_error("price cuts", "The count is negative.");
	for (i = 0; i < PRICE_CUT_SUMS; i++)
	{
		if (f->sum[i].scale < 0 || f->sum[i].scale > VBP_DECIMAL_MAXSCALE)
			vbp_state_error("price cuts", "A sum has scale %d.", (int) f->sum[i].scale);
		if (f->spill_len[i] < 0)
			vbp_state_error("price cuts", "A sum's numeric part has a negative length.");
		total += f->spill_len[i];
	}
	if (total != VARSIZE(b))
		vbp_state_error("price cuts", "The state has %d bytes where its parts make %lld.", (int) VARSIZE(b),
						(long long) total);
	return f;
}

/* the working form: the numeric parts read back (numeric_recv checks them) */
static void
flat_to_state(const PriceCutFlat *f, PriceCutState *s, MemoryContext cxt)
{
	const char *p = (const char *) f + FLAT_HEADER;
	int			i;

	memset(s, 0, sizeof(*s));
	s->n = f->n;
	for (i = 0; i < PRICE_CUT_SUMS; i++)
	{
		s->sum[i] = f->sum[i];
		if (f->spill_len[i] > 0)
		{
			StringInfoData buf;
			MemoryContext old = MemoryContextSwitchTo(cxt);

			/*
			 * numeric's binary form: ndigits, weight, sign, dscale (2 bytes
			 * each), then ndigits digits of 2 bytes; a part of another length
			 * would make numeric_recv read past it (a protocol error)
			 */
			if (f->spill_len[i] < 8 ||
				f->spill_len[i] != 8 + 2 * (int32) (((unsigned char) p[0] << 8) | (unsigned char) p[1]))
				vbp_state_error("price cuts", "A sum's numeric part has %d bytes, which its digit count does not make.",
								(int) f->spill_len[i]);
			buf.data = (char *) p;
			buf.len = buf.maxlen = f->spill_len[i];
			buf.cursor = 0;
			s->spill[i] = DirectFunctionCall3(numeric_recv, PointerGetDatum(&buf),
											  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
			if (buf.cursor != buf.len)
				vbp_state_error("price cuts", "A sum's numeric part has bytes after its digits.");
			MemoryContextSwitchTo(old);
			p += f->spill_len[i];
		}
	}
}

static PriceCutFlat *
state_to_flat(const PriceCutState *s, MemoryContext cxt)
{
	bytea	   *spill[PRICE_CUT_SUMS] = {NULL, NULL, NULL};
	int64		total = FLAT_HEADER;
	PriceCutFlat *f;
	char	   *p;
	int			i;

	for (i = 0; i < PRICE_CUT_SUMS; i++)
		if (s->spill[i] != (Datum) 0)
		{
			spill[i] = DatumGetByteaPP(DirectFunctionCall1(numeric_send, s->spill[i]));
			total += VARSIZE_ANY_EXHDR(spill[i]);
		}
	f = MemoryContextAllocZero(cxt, total);
	SET_VARSIZE(f, total);
	f->magic = PRICE_CUTS_MAGIC;
	f->n = s->n;
	p = (char *) f + FLAT_HEADER;
	for (i = 0; i < PRICE_CUT_SUMS; i++)
	{
		f->sum[i] = s->sum[i];
		if (spill[i])
		{
			f->spill_len[i] = VARSIZE_ANY_EXHDR(spill[i]);
			memcpy(p, VARDATA_ANY(spill[i]), f->spill_len[i]);
			p += f->spill_len[i];
		}
	}
	return f;
}

/*
 * The state to add to: in an aggregate, the transition value itself (the
 * aggregate owns it); called as a plain function, a copy, so that the caller's
 * value is left as it was.
 */
static PriceCutFlat *
flat_target(FunctionCallInfo fcinfo, MemoryContext *cxt)
{
	bool		aggregate = AggCheckCallContext(fcinfo, cxt);
	PriceCutFlat *f,
			   *c;

	if (!aggregate)
		*cxt = CurrentMemoryContext;
	if (PG_ARGISNULL(0))
		return flat_new(*cxt);
	f = flat_arg(fcinfo, 0);
	if (aggregate && (Pointer) f == DatumGetPointer(PG_GETARG_DATUM(0)))
		return f;
	/* a plain call, or a value detoasted into a copy: a copy of our own */
	c = MemoryContextAlloc(*cxt, VARSIZE(f));
	memcpy(c, f, VARSIZE(f));
	return c;
}

/* sum[i] += x in the fixed part; false when it would leave 128 bits */
static bool
flat_add(PriceCutFlat *f, int i, const vbp_decimal *x)
{
	vbp_decimal r = f->sum[i];

	if (vbp_decimal_add(&r, x, NULL) != VBP_OK)
		return false;
	f->sum[i] = r;
	return true;
}

/*
 * Transition: adds one product (reference price, selected price, volume); a
 * row with a NULL is skipped, and 22023 for prices vbp.price_cut refuses.
 */
PG_FUNCTION_INFO_V1(pgvbp_price_cuts_accum);
Datum
pgvbp_price_cuts_accum(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	PriceCutFlat *f;
	NumericView ref,
				sel,
				vol;
	vbp_price_cut_terms t;
	PriceCutState s;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(flat_target(fcinfo, &cxt));
	}
	f = flat_target(fcinfo, &cxt);
	numeric_view(PG_GETARG_DATUM(1), &ref);
	numeric_view(PG_GETARG_DATUM(2), &sel);
	numeric_view(PG_GETARG_DATUM(3), &vol);
	check_prices(&ref, &sel, PG_GETARG_DATUM(1), PG_GETARG_DATUM(2));
	if (likely(ref.fits && sel.fits && vol.fits && !flat_has_spill(f) &&
			   vbp_price_cut_row(&ref.dec, &sel.dec, &vol.dec, &t, NULL) == VBP_OK))
	{
		PriceCutFlat keep = *f;

		if (likely(flat_add(f, 0, &t.cut) && flat_add(f, 1, &t.reference_value) &&
				   flat_add(f, 2, &t.selected_value)))
		{
			f->n++;
			PG_RETURN_POINTER(f);
		}
		*f = keep;				/* a sum left 128 bits: the slow way below */
	}
	/* the working form, a sum or a term beyond 128 bits moved to numeric */
	flat_to_state(f, &s, CurrentMemoryContext);
	if (ref.fits && sel.fits && vol.fits &&
		vbp_price_cut_row(&ref.dec, &sel.dec, &vol.dec, &t, NULL) == VBP_OK)
	{
		sum_add(&s, 0, &t.cut, CurrentMemoryContext);
		sum_add(&s, 1, &t.reference_value, CurrentMemoryContext);
		sum_add(&s, 2, &t.selected_value, CurrentMemoryContext);
	}
	else
	{
		spill_add(&s, 0, cut_numeric(PG_GETARG_DATUM(1), PG_GETARG_DATUM(2)), CurrentMemoryContext);
		spill_add(&s, 1, DirectFunctionCall2(numeric_mul, PG_GETARG_DATUM(1), PG_GETARG_DATUM(3)), CurrentMemoryContext);
		spill_add(&s, 2, DirectFunctionCall2(numeric_mul, PG_GETARG_DATUM(2), PG_GETARG_DATUM(3)), CurrentMemoryContext);
	}
	s.n++;
	PG_RETURN_POINTER(state_to_flat(&s, cxt));
}

/* Combine: adds the second state to the first (a NULL first becomes a copy of the second). */
PG_FUNCTION_INFO_V1(pgvbp_price_cuts_combine);
Datum
pgvbp_price_cuts_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	PriceCutFlat *into;
	PriceCutFlat *from;
	PriceCutState a,
				b;
	int			i;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(flat_target(fcinfo, &cxt));
	}
	into = flat_target(fcinfo, &cxt);
	from = flat_arg(fcinfo, 1);
	if (!flat_has_spill(into) && !flat_has_spill(from))
	{
		PriceCutFlat keep = *into;

		if (flat_add(into, 0, &from->sum[0]) && flat_add(into, 1, &from->sum[1]) &&
			flat_add(into, 2, &from->sum[2]))
		{
			into->n += from->n;
			PG_RETURN_POINTER(into);
		}
		*into = keep;
	}
	flat_to_state(into, &a, CurrentMemoryContext);
	flat_to_state(from, &b, CurrentMemoryContext);
	a.n += b.n;
	for (i = 0; i < PRICE_CUT_SUMS; i++)
	{
		sum_add(&a, i, &b.sum[i], CurrentMemoryContext);
		if (b.spill[i] != (Datum) 0)
			spill_add(&a, i, b.spill[i], CurrentMemoryContext);
	}
	PG_RETURN_POINTER(state_to_flat(&a, cxt));
}

/*
 * Final: vbp.price_cut_summary (unweighted, volume_weighted, n): the mean
 * cut sum / n, and 1 - sum(selected x volume) / sum(reference x volume) when
 * that denominator is above zero; NULL for no rows.
 */
PG_FUNCTION_INFO_V1(pgvbp_price_cuts_final);
Datum
pgvbp_price_cuts_final(PG_FUNCTION_ARGS)
{
	PriceCutState st,
			   *s = &st;
	TupleDesc	desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	Datum		reference_value;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	flat_to_state(flat_arg(fcinfo, 0), s, CurrentMemoryContext);
	if (s->n == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "price_cuts must return a composite type");
	values[0] = DirectFunctionCall2(numeric_div, state_total(s, 0),
									DirectFunctionCall1(int8_numeric, Int64GetDatum(s->n)));
	reference_value = state_total(s, 1);
	if (DatumGetBool(DirectFunctionCall2(numeric_gt, reference_value,
										 DirectFunctionCall1(int4_numeric, Int32GetDatum(0)))))
		values[1] = DirectFunctionCall2(numeric_sub, numeric_one(),
										DirectFunctionCall2(numeric_div, state_total(s, 2), reference_value));
	else
		nulls[1] = true;
	values[2] = Int64GetDatum(s->n);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/*
 * vbp.price_rank_series(org_code, month, spend, units, min_peers): the change
 * alerts' monthly percentile-rank series of every institution in a generic
 * group, from the group's cells in one aggregate (GROUP BY the group).  The
 * state gathers the cells; the final ranks them in their months and builds
 * each institution's series (vbp_rank_cells).  A group's cells fit in memory
 * where a month x group cell's peers do (48 bytes per cell).
 */
typedef struct RankState
{
	int64		min_peers;
	int64		n;
	int64		cap;
	vbp_rank_cell *cells;
} RankState;

#define RANK_WIRE_CELL 28				/* org, spend, units (8 each), month (4) */

static RankState *
rank_state_new(MemoryContext cxt, int64 min_peers, int64 cap)
{
	RankState  *s = MemoryContextAlloc(cxt, sizeof(RankState));

	s->min_peers = min_peers;
	s->n = 0;
	s->cap = Max(cap, 64);
	s->cells = MemoryContextAllocHuge(cxt, sizeof(vbp_rank_cell) * s->cap);
	return s;
}

static vbp_rank_cell *
rank_state_push(RankState *s)
{
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->cells = repalloc_huge(s->cells, sizeof(vbp_rank_cell) * s->cap);
	}
	return &s->cells[s->n++];
}

static int32
month_number(DateADT d)
{
	int			y,
				m,
				day;

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the month of a price cell must be finite")));
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return y * 12 + m - 1;
}

static DateADT
month_date(int32 month)
{
	/* floor division: months before year 0 (BC) keep their month of the year */
	int32		year = month >= 0 ? month / 12 : -((11 - month) / 12);

	return date2j(year, month - year * 12 + 1, 1) - POSTGRES_EPOCH_JDATE;
}

static void
min_peers_match(int64 a, int64 b)
{
	if (a != b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_peers must be the same for every row of a group"),
				 errdetail("It is %lld in one row and %lld in another.", (long long) a, (long long) b)));
}

PG_FUNCTION_INFO_V1(pgvbp_price_rank_series_accum);
Datum
pgvbp_price_rank_series_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = vbp_agg_context(fcinfo, "price_rank_series");
	RankState  *s = PG_ARGISNULL(0) ? NULL : (RankState *) PG_GETARG_POINTER(0);
	vbp_rank_cell *c;
	int			i;

	if (PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("min_peers must not be null")));
	/* a cell without its institution, month, spend or units is skipped */
	for (i = 1; i <= 4; i++)
		if (PG_ARGISNULL(i))
		{
			if (s == NULL)
				PG_RETURN_NULL();
			PG_RETURN_POINTER(s);
		}
	if (s == NULL)
		s = rank_state_new(aggcxt, PG_GETARG_INT32(5), 64);
	else
		min_peers_match(s->min_peers, PG_GETARG_INT32(5));
	c = rank_state_push(s);
	c->org = PG_GETARG_INT64(1);
	c->month = month_number(PG_GETARG_DATEADT(2));
	c->spend = PG_GETARG_INT64(3);
	c->units = PG_GETARG_INT64(4);
	c->hundredths = -1;
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pgvbp_price_rank_series_combine);
Datum
pgvbp_price_rank_series_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = vbp_agg_context(fcinfo, "price_rank_series");
	RankState  *into,
			   *from;

	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* NULL or the left state */
	from = (RankState *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
		into = rank_state_new(aggcxt, from->min_peers, from->n);
	else
	{
		into = (RankState *) PG_GETARG_POINTER(0);
		min_peers_match(into->min_peers, from->min_peers);
	}
	if (into->cap < into->n + from->n)
	{
		into->cap = into->n + from->n;
		into->cells = repalloc_huge(into->cells, sizeof(vbp_rank_cell) * into->cap);
	}
	memcpy(&into->cells[into->n], from->cells, sizeof(vbp_rank_cell) * from->n);
	into->n += from->n;
	PG_RETURN_POINTER(into);
}

/* Wire: int64 min_peers, int64 n, then n x (org, spend, units, month), big-endian. */
PG_FUNCTION_INFO_V1(pgvbp_price_rank_series_serialize);
Datum
pgvbp_price_rank_series_serialize(PG_FUNCTION_ARGS)
{
	RankState  *s = (RankState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int64		i;

	(void) vbp_agg_context(fcinfo, "price_rank_series");
	if ((Size) s->n > (MaxAllocSize - VARHDRSZ - 16) / RANK_WIRE_CELL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a generic group has too many price cells to pass between processes"),
				 errdetail("It has %lld cells.", (long long) s->n)));
	pq_begintypsend(&buf);
	pq_sendint64(&buf, s->min_peers);
	pq_sendint64(&buf, s->n);
	for (i = 0; i < s->n; i++)
	{
		pq_sendint64(&buf, s->cells[i].org);
		pq_sendint64(&buf, s->cells[i].spend);
		pq_sendint64(&buf, s->cells[i].units);
		pq_sendint32(&buf, s->cells[i].month);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(pgvbp_price_rank_series_deserialize);
Datum
pgvbp_price_rank_series_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	RankState  *s;
	int64		min_peers,
				n,
				i;

	(void) vbp_agg_context(fcinfo, "price_rank_series");
	buf.data = VARDATA_ANY(in);
	buf.len = VARSIZE_ANY_EXHDR(in);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (buf.len < 16)
		vbp_state_error("price rank series", "The state has %d bytes, fewer than its 16-byte header.", buf.len);
	min_peers = pq_getmsgint64(&buf);
	n = pq_getmsgint64(&buf);
	if (n < 0 || n > (buf.len - 16) / RANK_WIRE_CELL || (int64) buf.len != 16 + n * RANK_WIRE_CELL)
		vbp_state_error("price rank series", "The state's size does not match its %lld cells.", (long long) n);
	s = rank_state_new(CurrentMemoryContext, min_peers, n);
	for (i = 0; i < n; i++)
	{
		vbp_rank_cell *c = rank_state_push(s);

		c->org = pq_getmsgint64(&buf);
		c->spend = pq_getmsgint64(&buf);
		c->units = pq_getmsgint64(&buf);
		c->month = (int32) pq_getmsgint(&buf, 4);
		c->hundredths = -1;
	}
	PG_RETURN_POINTER(s);
}

typedef struct RankSeriesCache
{
	Oid			elemtype;
	TupleDesc	desc;			/* blessed vbp.price_rank_series */
} RankSeriesCache;

/*
 * Final: vbp.price_rank_series[], one element per institution in code order,
 * its series from its first month to its last, NULL for a month without a
 * percentile (no purchase, or too few peers).  The cells are reordered in
 * place (the multiset is unchanged, so a later final sees the same cells).
 */
PG_FUNCTION_INFO_V1(pgvbp_price_rank_series_final);
Datum
pgvbp_price_rank_series_final(PG_FUNCTION_ARGS)
{
	RankState  *s;
	RankSeriesCache *cache = (RankSeriesCache *) fcinfo->flinfo->fn_extra;
	vbp_error	err;
	size_t		at = 0;
	Datum	   *series;
	VbpMonthValue *mv;
	int64		i,
				start;
	int			k = 0;

	(void) vbp_agg_context(fcinfo, "price_rank_series");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (RankState *) PG_GETARG_POINTER(0);
	if (cache == NULL)
	{
		Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
		Oid			elemtype = OidIsValid(rettype) ? get_element_type(rettype) : InvalidOid;
		MemoryContext old;

		if (!OidIsValid(elemtype))
			elog(ERROR, "could not determine the result type of price_rank_series");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache = palloc(sizeof(RankSeriesCache));
		cache->elemtype = elemtype;
		cache->desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(elemtype, -1));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	if (vbp_rank_cells(s->cells, (size_t) s->n, s->min_peers, &at, &err) != VBP_OK)
	{
		char		org[VBP_ORGCODE_LEN + 1];

		vbp_orgcode_format(s->cells[at].org, org);
		ereport(ERROR,
				(errcode(err.kind == VBP_EDIVZERO ? ERRCODE_DIVISION_BY_ZERO : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg(err.kind == VBP_EDIVZERO ? "a price cell has no units" : "a price cell appears twice"),
				 errdetail("%s Institution %s, month %s.", err.detail, org,
						   DatumGetCString(DirectFunctionCall1(date_out,
															   DateADTGetDatum(month_date(s->cells[at].month)))))));
	}
	series = palloc(sizeof(Datum) * Max(s->n, 1));
	mv = palloc(sizeof(VbpMonthValue) * Max(s->n, 1));
	for (start = 0; start < s->n; start = i)
	{
		const vbp_rank_cell *c = &s->cells[start];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		int			m = 0;

		/* the institution's months, in order, each once (vbp_rank_cells) */
		for (i = start; i < s->n && s->cells[i].org == c->org; i++, m++)
		{
			mv[m].month = s->cells[i].month;
			mv[m].pos = (int32) (i + 1);
			/* the double of the two-decimal percentile, hundredths / 100 */
			mv[m].isnull = s->cells[i].hundredths < 0;
			mv[m].value = mv[m].isnull ? (Datum) 0 : Float8GetDatum((double) s->cells[i].hundredths / 100.0);
		}
		if ((int64) mv[m - 1].month - mv[0].month >= VBP_MONTH_SERIES_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the series spans too many months"),
					 errdetail("From %s to %s; at most %d months are allowed.",
							   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(month_date(mv[0].month)))),
							   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(month_date(mv[m - 1].month)))),
							   VBP_MONTH_SERIES_MAX)));
		values[0] = Int64GetDatum(c->org);
		values[1] = DateADTGetDatum(month_date(c->month));
		values[2] = PointerGetDatum(vbp_month_series_array(mv, m));
		series[k++] = HeapTupleGetDatum(heap_form_tuple(cache->desc, values, nulls));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(series, k, cache->elemtype, -1, false, TYPALIGN_DOUBLE));
}
