/*
 * drugcode.c
 *		vbp.drugcode: 医保药品代码, 16 bytes, order = text order.
 */
#include "vbp_glue.h"

#define TYPNAME "drugcode"

/* Text input: a 23-char X code, a 20-char Z code, or a generic-level prefix. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_in);
Datum
pgvbp_drugcode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	vbp_drugcode *c = palloc(sizeof(vbp_drugcode));
	vbp_error	err;

	if (vbp_drugcode_parse(str, strlen(str), c, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(c);
}

/* Text output: the canonical upper-case code. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_out);
Datum
pgvbp_drugcode_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_DRUGCODE_MAXLEN + 1);

	vbp_drugcode_format((vbp_drugcode *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the text form, validated again. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_recv);
Datum
pgvbp_drugcode_recv(PG_FUNCTION_ARGS)
{
	char	   *str = vbp_recv_text(fcinfo);
	vbp_drugcode *c = palloc(sizeof(vbp_drugcode));
	vbp_error	err;

	if (vbp_drugcode_parse(str, strlen(str), c, &err) != VBP_OK)
		vbp_input_error(NULL, &err, TYPNAME, str);
	PG_RETURN_POINTER(c);
}

/* Binary output: the canonical text. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_send);
Datum
pgvbp_drugcode_send(PG_FUNCTION_ARGS)
{
	char		buf[VBP_DRUGCODE_MAXLEN + 1];
	size_t		n = vbp_drugcode_format((vbp_drugcode *) PG_GETARG_POINTER(0), buf);
	StringInfoData out;

	pq_begintypsend(&out);
	pq_sendtext(&out, buf, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&out));
}

VBP_FIXED_TYPE_SUPPORT(pgvbp_drugcode, vbp_drugcode, vbp_drugcode_cmp)

static Datum
segment(FunctionCallInfo fcinfo, vbp_drug_segment seg)
{
	char		buf[VBP_DRUGCODE_MAXLEN + 1];
	size_t		n = vbp_drugcode_segment((vbp_drugcode *) PG_GETARG_POINTER(0), seg, buf);

	VBP_RETURN_TEXT_OR_NULL(buf, n);
}

/* Category: X (western medicine) or Z (Chinese patent medicine). */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_category);
Datum
pgvbp_drugcode_category(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_CATEGORY);
}

/* Class segment (ATC-like), characters 2-6. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_class);
Datum
pgvbp_drugcode_class(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_CLASS);
}

/* Generic-name code: X characters 7-10, Z characters 7-11. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_generic_name);
Datum
pgvbp_drugcode_generic_name(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_GENERIC);
}

/* Dosage form (X characters 11-14); NULL for Z codes and codes without one. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_dosage_form);
Datum
pgvbp_drugcode_dosage_form(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_FORM);
}

/* Specification/packaging; NULL for generic-level codes. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_specification);
Datum
pgvbp_drugcode_specification(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_SPEC);
}

/* Company code (last 5 characters); NULL for generic-level codes. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_company);
Datum
pgvbp_drugcode_company(PG_FUNCTION_ARGS)
{
	return segment(fcinfo, VBP_SEG_COMPANY);
}

/* Generic-group key as a drugcode: X first 14 characters, Z first 11. */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_generic_group);
Datum
pgvbp_drugcode_generic_group(PG_FUNCTION_ARGS)
{
	vbp_drugcode *g = palloc(sizeof(vbp_drugcode));

	vbp_drugcode_generic_group((vbp_drugcode *) PG_GETARG_POINTER(0), g);
	PG_RETURN_POINTER(g);
}

/* True for a generic-level code (no specification or company). */
PG_FUNCTION_INFO_V1(pgvbp_drugcode_is_generic_level);
Datum
pgvbp_drugcode_is_generic_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(vbp_drugcode_is_generic_level((vbp_drugcode *) PG_GETARG_POINTER(0)));
}
