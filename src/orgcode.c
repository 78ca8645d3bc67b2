/*
 * orgcode.c
 *		vbp.orgcode: 定点医药机构编码, pass-by-value int8 (as contrib/isn does),
 *		so comparison and hashing reuse the server's int8 functions.
 */
#include "vbp_glue.h"

#define TYPNAME "orgcode"

/* Text input: H|P + 6-digit division (a mainland province) + 5-digit sequence. */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_in);
Datum
pgvbp_orgcode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int64		v;
	vbp_error	err;

	if (vbp_orgcode_parse(str, strlen(str), &v, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	PG_RETURN_INT64(v);
}

/* Text output: 12 characters. */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_out);
Datum
pgvbp_orgcode_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_ORGCODE_LEN + 1);

	vbp_orgcode_format(PG_GETARG_INT64(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the packed int64, validated again. */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_recv);
Datum
pgvbp_orgcode_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		v = pq_getmsgint64(buf);
	vbp_error	err;

	if (vbp_orgcode_check(v, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type %s", TYPNAME),
				 errdetail("%s", err.detail)));
	PG_RETURN_INT64(v);
}

/* Binary output: the packed int64 (kind * 10^11 + division * 10^5 + sequence). */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_send);
Datum
pgvbp_orgcode_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, PG_GETARG_INT64(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The division code at a GB/T 2260 level as text. */
static Datum
division_text(FunctionCallInfo fcinfo, vbp_division_level level)
{
	char		buf[VBP_DIVISION_COUNTY + 1];
	size_t		n = vbp_orgcode_division_text(PG_GETARG_INT64(0), level, buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) n));
}

/* Kind: H (medical institution) or P (retail pharmacy). */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_kind);
Datum
pgvbp_orgcode_kind(PG_FUNCTION_ARGS)
{
	char		k = vbp_orgcode_kind(PG_GETARG_INT64(0));

	PG_RETURN_TEXT_P(cstring_to_text_with_len(&k, 1));
}

/* GB/T 2260 division code (6 digits). */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_division);
Datum
pgvbp_orgcode_division(PG_FUNCTION_ARGS)
{
	return division_text(fcinfo, VBP_DIVISION_COUNTY);
}

/* Province code: the first 2 digits of the division. */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_province);
Datum
pgvbp_orgcode_province(PG_FUNCTION_ARGS)
{
	return division_text(fcinfo, VBP_DIVISION_PROVINCE);
}

/* Prefecture-city code: the first 4 digits of the division. */
PG_FUNCTION_INFO_V1(pgvbp_orgcode_city);
Datum
pgvbp_orgcode_city(PG_FUNCTION_ARGS)
{
	return division_text(fcinfo, VBP_DIVISION_CITY);
}
