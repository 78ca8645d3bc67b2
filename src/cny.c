/*
 * cny.c
 *		vbp.cny: an exact RMB amount in fen, pass-by-value int64 (the type
 *		glue of core/money.c).
 *
 * Integer arithmetic and all rounding of integers go through the core
 * (src/core/money.c).  Multiplying or dividing by numeric or float8 uses
 * PostgreSQL's exact numeric arithmetic with the same rule, half away from
 * zero (numeric round() is half away from zero; division is done as an
 * exact truncated quotient plus remainder, so there is no double rounding).
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "vbp_glue.h"

#define TYPNAME "cny"

static void
money_error(const vbp_error *err)
{
	vbp_value_error(err, err->kind == VBP_EDIVZERO ? "division by zero" : "cny out of range");
}

/* Text input: 1234.56, ¥1,234.56, -0.5; more than two decimals round half away from zero. */
PG_FUNCTION_INFO_V1(pgvbp_cny_in);
Datum
pgvbp_cny_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int64		fen;
	vbp_error	err;

	if (vbp_cny_parse(str, strlen(str), &fen, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	PG_RETURN_INT64(fen);
}

/* Text output: yuan with exactly two decimals, no separators: -1234.50 */
PG_FUNCTION_INFO_V1(pgvbp_cny_out);
Datum
pgvbp_cny_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_CNY_BUFLEN);

	vbp_cny_format(PG_GETARG_INT64(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: an int64 count of fen, any but INT64_MIN (the range is symmetric). */
PG_FUNCTION_INFO_V1(pgvbp_cny_recv);
Datum
pgvbp_cny_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		fen = pq_getmsgint64(buf);
	vbp_error	err;

	if (fen == PG_INT64_MIN)
	{
		vbp_cny_range_error(&err);
		money_error(&err);
	}
	PG_RETURN_INT64(fen);
}

/* Binary output: the int64 count of fen. */
PG_FUNCTION_INFO_V1(pgvbp_cny_send);
Datum
pgvbp_cny_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, PG_GETARG_INT64(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* cny + cny */
PG_FUNCTION_INFO_V1(pgvbp_cny_pl);
Datum
pgvbp_cny_pl(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_add(PG_GETARG_INT64(0), PG_GETARG_INT64(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny - cny */
PG_FUNCTION_INFO_V1(pgvbp_cny_mi);
Datum
pgvbp_cny_mi(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_sub(PG_GETARG_INT64(0), PG_GETARG_INT64(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* - cny */
PG_FUNCTION_INFO_V1(pgvbp_cny_um);
Datum
pgvbp_cny_um(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_neg(PG_GETARG_INT64(0), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* abs(cny) */
PG_FUNCTION_INFO_V1(pgvbp_cny_abs);
Datum
pgvbp_cny_abs(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_abs(PG_GETARG_INT64(0), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny * bigint (also bigint * cny with the arguments swapped by SQL). */
PG_FUNCTION_INFO_V1(pgvbp_cny_mul_int8);
Datum
pgvbp_cny_mul_int8(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_mul_int(PG_GETARG_INT64(0), PG_GETARG_INT64(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny * integer */
PG_FUNCTION_INFO_V1(pgvbp_cny_mul_int4);
Datum
pgvbp_cny_mul_int4(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_mul_int(PG_GETARG_INT64(0), PG_GETARG_INT32(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny / bigint, rounded half away from zero to the fen */
PG_FUNCTION_INFO_V1(pgvbp_cny_div_int8);
Datum
pgvbp_cny_div_int8(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_div_int(PG_GETARG_INT64(0), PG_GETARG_INT64(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny / integer, rounded half away from zero to the fen */
PG_FUNCTION_INFO_V1(pgvbp_cny_div_int4);
Datum
pgvbp_cny_div_int4(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_div_int(PG_GETARG_INT64(0), PG_GETARG_INT32(1), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* ---------------- numeric and float8 factors ---------------- */

static Numeric
int8_to_num(int64 v)
{
	return DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(v)));
}

static int
num_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

/* Rejects NaN and infinite factors: they have no amount. */
static void
check_factor(Numeric n)
{
	if (numeric_is_nan(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("NaN has no cny amount"),
				 errdetail("NaN is neither an amount of yuan nor a factor of one.")));
#if PG_VERSION_NUM >= 140000
	if (numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cny out of range"),
				 errdetail("An infinite factor has no amount.")));
#endif
}

/* An integral numeric to fen, or 22003 if it does not fit int64. */
static int64
integral_num_to_fen(Numeric n)
{
	int64		fen;
	vbp_error	err;

	if (!vbp_numeric_to_int64(n, &fen) || fen == PG_INT64_MIN)
	{
		vbp_cny_range_error(&err);
		money_error(&err);
	}
	return fen;
}

/* fen * n, rounded half away from zero (numeric multiplication is exact). */
static int64
fen_times(int64 fen, Numeric n)
{
	Datum		prod;

	check_factor(n);
	prod = DirectFunctionCall2(numeric_mul, NumericGetDatum(int8_to_num(fen)), NumericGetDatum(n));
	prod = DirectFunctionCall2(numeric_round, prod, Int32GetDatum(0));
	return integral_num_to_fen(DatumGetNumeric(prod));
}

/* fen / n, rounded half away from zero: truncated quotient, then the remainder decides. */
static int64
fen_divided_by(int64 fen, Numeric n)
{
	Datum		num,
				q,
				r,
				twice_r;

	check_factor(n);
	if (num_cmp(n, int8_to_num(0)) == 0)
		ereport(ERROR, (errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero")));
	num = NumericGetDatum(int8_to_num(fen));
	q = DirectFunctionCall2(numeric_div_trunc, num, NumericGetDatum(n));
	r = DirectFunctionCall2(numeric_mod, num, NumericGetDatum(n));
	twice_r = DirectFunctionCall1(numeric_abs,
								  DirectFunctionCall2(numeric_mul, r, NumericGetDatum(int8_to_num(2))));
	if (num_cmp(DatumGetNumeric(twice_r),
				DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(n)))) >= 0)
	{
		bool		negative = (fen < 0) != (num_cmp(n, int8_to_num(0)) < 0);

		q = DirectFunctionCall2(numeric_add, q, NumericGetDatum(int8_to_num(negative ? -1 : 1)));
	}
	return integral_num_to_fen(DatumGetNumeric(q));
}

static Numeric
float8_to_num(float8 f)
{
	if (isnan(f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("NaN has no cny amount"),
				 errdetail("NaN is neither an amount of yuan nor a factor of one.")));
	if (isinf(f))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cny out of range"),
				 errdetail("An infinite factor has no amount.")));
	/* float8 -> numeric keeps 15 significant digits, so 0.1 is exactly 0.1 */
	return DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(f)));
}

/* cny * numeric */
PG_FUNCTION_INFO_V1(pgvbp_cny_mul_numeric);
Datum
pgvbp_cny_mul_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_times(PG_GETARG_INT64(0), PG_GETARG_NUMERIC(1)));
}

/* cny / numeric */
PG_FUNCTION_INFO_V1(pgvbp_cny_div_numeric);
Datum
pgvbp_cny_div_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_divided_by(PG_GETARG_INT64(0), PG_GETARG_NUMERIC(1)));
}

/* cny * float8 */
PG_FUNCTION_INFO_V1(pgvbp_cny_mul_float8);
Datum
pgvbp_cny_mul_float8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_times(PG_GETARG_INT64(0), float8_to_num(PG_GETARG_FLOAT8(1))));
}

/* cny / float8 */
PG_FUNCTION_INFO_V1(pgvbp_cny_div_float8);
Datum
pgvbp_cny_div_float8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_divided_by(PG_GETARG_INT64(0), float8_to_num(PG_GETARG_FLOAT8(1))));
}

/* cny / cny: the exact ratio as numeric (shares, completion of a budget). */
PG_FUNCTION_INFO_V1(pgvbp_cny_div_cny);
Datum
pgvbp_cny_div_cny(PG_FUNCTION_ARGS)
{
	int64		b = PG_GETARG_INT64(1);

	if (b == 0)
		ereport(ERROR, (errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero")));
	return DirectFunctionCall2(numeric_div,
							   NumericGetDatum(int8_to_num(PG_GETARG_INT64(0))),
							   NumericGetDatum(int8_to_num(b)));
}

/* numeric (yuan) -> cny, rounded half away from zero to the fen */
PG_FUNCTION_INFO_V1(pgvbp_cny_from_numeric);
Datum
pgvbp_cny_from_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_times(100, PG_GETARG_NUMERIC(0)));
}

/*
 * The benchmark unit price of vbp.ppu_saving in millionths of a yuan, kept for
 * the call site: a report passes one price per month x generic group and a
 * quantity per row.  Valid when the price is finite, not negative, a whole
 * number of millionths and under 10^12 yuan; otherwise the numeric path runs.
 */
typedef struct PpuPrice
{
	bool		exact;
	int64		micro;
	Size		len;
	Size		room;
	char	   *bytes;
} PpuPrice;

static bool
ppu_price_micro(FunctionCallInfo fcinfo, Numeric price, int64 *micro)
{
	PpuPrice   *c = (PpuPrice *) fcinfo->flinfo->fn_extra;
	Size		len = VARSIZE(price);

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PpuPrice));
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->bytes == NULL || c->len != len || memcmp(c->bytes, price, len) != 0)
	{
		static Numeric million = NULL;
		static Numeric limit = NULL;
		static Numeric zero = NULL;
		Datum		scaled;

		if (c->room < len)
		{
			c->bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len);
			c->room = len;
		}
		memcpy(c->bytes, price, len);
		c->len = len;
		c->exact = false;
		if (million == NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			zero = int8_to_num(0);
			million = int8_to_num(1000000);
			limit = int8_to_num(INT64CONST(1000000000000));
			MemoryContextSwitchTo(old);
		}
		if (numeric_is_nan(price)
#if PG_VERSION_NUM >= 140000
			|| numeric_is_inf(price)
#endif
			|| num_cmp(price, limit) >= 0 || num_cmp(price, zero) < 0)
			return false;
		scaled = DirectFunctionCall2(numeric_mul, NumericGetDatum(price), NumericGetDatum(million));
		if (num_cmp(DatumGetNumeric(scaled), DatumGetNumeric(DirectFunctionCall2(numeric_round, scaled, Int32GetDatum(0)))) != 0 ||
			!vbp_numeric_to_int64(DatumGetNumeric(scaled), &c->micro))
			return false;
		c->exact = true;
	}
	*micro = c->micro;
	return c->exact;
}

/* A quantity that is a whole number in int64, not negative. */
static bool
ppu_whole_quantity(Numeric q, int64 *units)
{
	if (numeric_is_nan(q)
#if PG_VERSION_NUM >= 140000
		|| numeric_is_inf(q)
#endif
		)
		return false;
	if (DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(q))) != 0)
		return false;
	return vbp_numeric_to_int64(q, units) && *units >= 0;
}

/*
 * vbp.ppu_saving(spend, quantity, benchmark unit price): the units at the
 * benchmark price, exact in numeric and rounded half away from zero to the fen
 * as the numeric-to-cny cast does, then the core's max(0, spend - cost).  A
 * whole quantity at a price in whole millionths of a yuan (a report's rounded
 * benchmark) is the same product in 128-bit integers: units x millionths /
 * 10^4 fen, rounded half away from zero by the core.
 */
PG_FUNCTION_INFO_V1(pgvbp_ppu_saving);
Datum
pgvbp_ppu_saving(PG_FUNCTION_ARGS)
{
	int64		spend = PG_GETARG_INT64(0);
	Numeric		quantity = PG_GETARG_NUMERIC(1);
	Numeric		price = PG_GETARG_NUMERIC(2);
	Numeric		zero;
	int64		cost,
				r,
				units,
				micro;
	vbp_error	err;

	if (ppu_whole_quantity(quantity, &units) && ppu_price_micro(fcinfo, price, &micro))
	{
		vbp_int128	fen;

		if (vbp_round_div((vbp_int128) units * micro, 10000, &fen, NULL) == VBP_OK &&
			vbp_int128_to_fen(fen, &cost, NULL) == VBP_OK)
		{
			if (vbp_ppu_saving(spend, cost, &r, &err) != VBP_OK)
				money_error(&err);
			PG_RETURN_INT64(r);
		}
	}
	zero = int8_to_num(0);
	if (num_cmp(quantity, zero) < 0 || num_cmp(price, zero) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantity and benchmark unit price must not be negative"),
				 errdetail("Quantity %s, benchmark unit price %s.",
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(quantity))),
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(price))))));
	cost = fen_times(100, DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(quantity),
															  NumericGetDatum(price))));
	if (vbp_ppu_saving(spend, cost, &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* cny -> numeric (yuan) with scale 2, exact */
PG_FUNCTION_INFO_V1(pgvbp_cny_to_numeric);
Datum
pgvbp_cny_to_numeric(PG_FUNCTION_ARGS)
{
#if PG_VERSION_NUM >= 150000
	/* fen / 10^2, with 2 decimal places, as the text form reads */
	PG_RETURN_NUMERIC(int64_div_fast_to_numeric(PG_GETARG_INT64(0), 2));
#else
	char		buf[VBP_CNY_BUFLEN];

	vbp_cny_format(PG_GETARG_INT64(0), buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
#endif
}

/* integer (fen) -> cny */
PG_FUNCTION_INFO_V1(pgvbp_cny_from_int4);
Datum
pgvbp_cny_from_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) PG_GETARG_INT32(0));
}

/* bigint (fen) -> cny: every bigint but -2^63, whose negation has no amount */
PG_FUNCTION_INFO_V1(pgvbp_cny_from_int8);
Datum
pgvbp_cny_from_int8(PG_FUNCTION_ARGS)
{
	int64		fen = PG_GETARG_INT64(0);

	if (fen == PG_INT64_MIN)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cny out of range"),
				 errdetail("The result does not fit in a cny amount (at most 92233720368547758.07 yuan in absolute value).")));
	PG_RETURN_INT64(fen);
}

/* ---------------- exact sum() and avg() ---------------- */

static vbp_cny_sum *
sum_state(FunctionCallInfo fcinfo, int argno)
{
	MemoryContext aggcontext;
	vbp_cny_sum *s;

	aggcontext = vbp_agg_context(fcinfo, "cny aggregate function");
	if (!PG_ARGISNULL(argno))
		return (vbp_cny_sum *) PG_GETARG_POINTER(argno);
	s = MemoryContextAlloc(aggcontext, sizeof(vbp_cny_sum));
	vbp_cny_sum_init(s);
	return s;
}

/* Transition: adds one amount (NULLs are skipped) to a 128-bit total and a count. */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_accum);
Datum
pgvbp_cny_sum_accum(PG_FUNCTION_ARGS)
{
	vbp_cny_sum *s = sum_state(fcinfo, 0);

	if (!PG_ARGISNULL(1))
		vbp_cny_sum_add(s, PG_GETARG_INT64(1));
	PG_RETURN_POINTER(s);
}

/* Inverse transition for moving windows: removes one amount. */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_accum_inv);
Datum
pgvbp_cny_sum_accum_inv(PG_FUNCTION_ARGS)
{
	vbp_cny_sum *s = sum_state(fcinfo, 0);

	if (!PG_ARGISNULL(1))
		vbp_cny_sum_remove(s, PG_GETARG_INT64(1));
	PG_RETURN_POINTER(s);
}

/* Combine: merges two partial states (parallel workers, partitions). */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_combine);
Datum
pgvbp_cny_sum_combine(PG_FUNCTION_ARGS)
{
	vbp_cny_sum *into;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	/* a NULL first state is replaced by a copy of the second in the agg context */
	into = sum_state(fcinfo, 0);
	vbp_cny_sum_combine(into, (vbp_cny_sum *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(into);
}

/* Serial: the state as 24 bytes (big-endian 128-bit total, 64-bit count). */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_serialize);
Datum
pgvbp_cny_sum_serialize(PG_FUNCTION_ARGS)
{
	bytea	   *out = palloc(VARHDRSZ + VBP_CNY_SUM_WIRE);

	(void) vbp_agg_context(fcinfo, "cny aggregate function");
	SET_VARSIZE(out, VARHDRSZ + VBP_CNY_SUM_WIRE);
	vbp_cny_sum_serialize((vbp_cny_sum *) PG_GETARG_POINTER(0), (unsigned char *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* Deserial: the inverse of serial; rejects a malformed state. */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_deserialize);
Datum
pgvbp_cny_sum_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	vbp_cny_sum *s;

	(void) vbp_agg_context(fcinfo, "cny aggregate function");
	if (VARSIZE_ANY_EXHDR(in) != VBP_CNY_SUM_WIRE)
		vbp_state_error("cny sum", "The state has %d bytes, not %d.", (int) VARSIZE_ANY_EXHDR(in),
						VBP_CNY_SUM_WIRE);
	s = palloc(sizeof(vbp_cny_sum));
	vbp_cny_sum_deserialize((const unsigned char *) VARDATA_ANY(in), s);
	PG_RETURN_POINTER(s);
}

/* The total (mean = false) or the rounded mean of a state; NULL for no rows. */
static Datum
sum_result(FunctionCallInfo fcinfo, bool mean)
{
	vbp_cny_sum *s;
	int64		fen;
	vbp_error	err;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (vbp_cny_sum *) PG_GETARG_POINTER(0);
	if (s->count == 0)
		PG_RETURN_NULL();
	if ((mean ? vbp_cny_sum_mean(s, &fen, &err) : vbp_cny_sum_total(s, &fen, &err)) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(fen);
}

/* Final for sum(): the exact total, NULL when no row was summed. */
PG_FUNCTION_INFO_V1(pgvbp_cny_sum_final);
Datum
pgvbp_cny_sum_final(PG_FUNCTION_ARGS)
{
	return sum_result(fcinfo, false);
}

/* Final for avg(): total / count rounded half away from zero, NULL for no rows. */
PG_FUNCTION_INFO_V1(pgvbp_cny_avg_final);
Datum
pgvbp_cny_avg_final(PG_FUNCTION_ARGS)
{
	return sum_result(fcinfo, true);
}

/* bigint * cny */
PG_FUNCTION_INFO_V1(pgvbp_int8_mul_cny);
Datum
pgvbp_int8_mul_cny(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_mul_int(PG_GETARG_INT64(1), PG_GETARG_INT64(0), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* integer * cny */
PG_FUNCTION_INFO_V1(pgvbp_int4_mul_cny);
Datum
pgvbp_int4_mul_cny(PG_FUNCTION_ARGS)
{
	int64		r;
	vbp_error	err;

	if (vbp_cny_mul_int(PG_GETARG_INT64(1), PG_GETARG_INT32(0), &r, &err) != VBP_OK)
		money_error(&err);
	PG_RETURN_INT64(r);
}

/* numeric * cny */
PG_FUNCTION_INFO_V1(pgvbp_numeric_mul_cny);
Datum
pgvbp_numeric_mul_cny(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_times(PG_GETARG_INT64(1), PG_GETARG_NUMERIC(0)));
}

/* float8 * cny */
PG_FUNCTION_INFO_V1(pgvbp_float8_mul_cny);
Datum
pgvbp_float8_mul_cny(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(fen_times(PG_GETARG_INT64(1), float8_to_num(PG_GETARG_FLOAT8(0))));
}
