/*
 * tracecode.c
 *		vbp.tracecode: 药品追溯码, 20 digits in 12 bytes, order = text order.
 */
#include "vbp_glue.h"

#define TYPNAME "tracecode"

/* Text input: 20 digits, or 7 + 13 separated by one space or hyphen. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_in);
Datum
pgvbp_tracecode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	vbp_tracecode *c = palloc(sizeof(vbp_tracecode));
	vbp_error	err;

	if (vbp_tracecode_parse(str, strlen(str), c, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(c);
}

/* Text output: 20 digits. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_out);
Datum
pgvbp_tracecode_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_TRACECODE_LEN + 1);

	vbp_tracecode_format((vbp_tracecode *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the text form, validated again. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_recv);
Datum
pgvbp_tracecode_recv(PG_FUNCTION_ARGS)
{
	char	   *str = vbp_recv_text(fcinfo);
	vbp_tracecode *c = palloc(sizeof(vbp_tracecode));
	vbp_error	err;

	if (vbp_tracecode_parse(str, strlen(str), c, &err) != VBP_OK)
		vbp_input_error(NULL, &err, TYPNAME, str);
	PG_RETURN_POINTER(c);
}

/* Binary output: the 20 digits as text. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_send);
Datum
pgvbp_tracecode_send(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_LEN + 1];
	size_t		n = vbp_tracecode_format((vbp_tracecode *) PG_GETARG_POINTER(0), buf);
	StringInfoData out;

	pq_begintypsend(&out);
	pq_sendtext(&out, buf, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&out));
}

VBP_FIXED_TYPE_SUPPORT(pgvbp_tracecode, vbp_tracecode, vbp_tracecode_cmp)

/* Drug identification code (药品标识码): the first 7 digits. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_product);
Datum
pgvbp_tracecode_product(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_LEN + 1];

	vbp_tracecode_format((vbp_tracecode *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, VBP_TRACECODE_PRODUCT_LEN));
}

/* Serial part: the last 13 digits. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_serial);
Datum
pgvbp_tracecode_serial(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_LEN + 1];

	vbp_tracecode_format((vbp_tracecode *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf + VBP_TRACECODE_PRODUCT_LEN,
											  VBP_TRACECODE_LEN - VBP_TRACECODE_PRODUCT_LEN));
}
