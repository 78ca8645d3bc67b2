/*
 * tracecode.c
 *		vbp.tracecode: 药品追溯码, a short varlena holding the core's packed
 *		form (form byte + payload); order = C order of the canonical text,
 *		equality is bitwise.
 */
#include "vbp_glue.h"

#define TYPNAME "tracecode"

/* The packed bytes of a tracecode datum (detoasted, header kept short). */
#define PACKED_ARG(n, v) \
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n))
#define PACKED_BYTES(v) ((const unsigned char *) VARDATA_ANY(v))
#define PACKED_LEN(v) ((size_t) VARSIZE_ANY_EXHDR(v))

Datum
vbp_tracecode_datum(const vbp_tracecode *c)
{
	size_t		len;
	const unsigned char *bytes = vbp_tracecode_packed(c, &len);
	struct varlena *v = palloc(VARHDRSZ + len);

	SET_VARSIZE(v, VARHDRSZ + len);
	memcpy(VARDATA(v), bytes, len);
	return PointerGetDatum(v);
}

/* The code held by argument n, checked (a corrupt datum is an error). */
static void
tracecode_arg(FunctionCallInfo fcinfo, int n, vbp_tracecode *c)
{
	PACKED_ARG(n, v);
	vbp_error	err;

	if (vbp_tracecode_unpack(PACKED_BYTES(v), PACKED_LEN(v), c, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value of type %s", TYPNAME),
				 errdetail("%s", err.detail)));
}

/* Text input: 20 digits (or 7 + 13), or GS1 DataMatrix content. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_in);
Datum
pgvbp_tracecode_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	vbp_tracecode c;
	vbp_error	err;

	if (vbp_tracecode_parse(str, strlen(str), &c, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	return vbp_tracecode_datum(&c);
}

/* Text output: the canonical text, 20 digits or (01)<GTIN>(21)<serial>. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_out);
Datum
pgvbp_tracecode_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_TRACECODE_BUFLEN);
	vbp_tracecode c;

	tracecode_arg(fcinfo, 0, &c);
	vbp_tracecode_format(&c, buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the text form, validated again. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_recv);
Datum
pgvbp_tracecode_recv(PG_FUNCTION_ARGS)
{
	char	   *str = vbp_recv_text(fcinfo);
	vbp_tracecode c;
	vbp_error	err;

	if (vbp_tracecode_parse(str, strlen(str), &c, &err) != VBP_OK)
		vbp_input_error(NULL, &err, TYPNAME, str);
	return vbp_tracecode_datum(&c);
}

/* Binary output: the canonical text. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_send);
Datum
pgvbp_tracecode_send(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_BUFLEN];
	vbp_tracecode c;
	size_t		n;
	StringInfoData out;

	tracecode_arg(fcinfo, 0, &c);
	n = vbp_tracecode_format(&c, buf);
	pq_begintypsend(&out);
	pq_sendtext(&out, buf, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&out));
}

static int
tracecode_compare(FunctionCallInfo fcinfo)
{
	PACKED_ARG(0, a);
	PACKED_ARG(1, b);
	int			r = vbp_tracecode_cmp_packed(PACKED_BYTES(a), PACKED_LEN(a),
											 PACKED_BYTES(b), PACKED_LEN(b));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_cmp);
Datum
pgvbp_tracecode_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(tracecode_compare(fcinfo));
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_lt);
Datum
pgvbp_tracecode_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_le);
Datum
pgvbp_tracecode_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_eq);
Datum
pgvbp_tracecode_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_ne);
Datum
pgvbp_tracecode_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_ge);
Datum
pgvbp_tracecode_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_gt);
Datum
pgvbp_tracecode_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(tracecode_compare(fcinfo) > 0);
}

/* Hash of the packed bytes: equal codes have equal bytes. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_hash);
Datum
pgvbp_tracecode_hash(PG_FUNCTION_ARGS)
{
	PACKED_ARG(0, v);
	Datum		h = hash_any(PACKED_BYTES(v), (int) PACKED_LEN(v));

	PG_FREE_IF_COPY(v, 0);
	return h;
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_hash_extended);
Datum
pgvbp_tracecode_hash_extended(PG_FUNCTION_ARGS)
{
	PACKED_ARG(0, v);
	Datum		h = hash_any_extended(PACKED_BYTES(v), (int) PACKED_LEN(v), PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(v, 0);
	return h;
}

static int
tracecode_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(x);
	struct varlena *b = PG_DETOAST_DATUM_PACKED(y);
	int			r = vbp_tracecode_cmp_packed(PACKED_BYTES(a), PACKED_LEN(a),
											 PACKED_BYTES(b), PACKED_LEN(b));

	(void) ssup;
	if ((Pointer) a != DatumGetPointer(x))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(y))
		pfree(b);
	return r;
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_sortsupport);
Datum
pgvbp_tracecode_sortsupport(PG_FUNCTION_ARGS)
{
	((SortSupport) PG_GETARG_POINTER(0))->comparator = tracecode_fastcmp;
	PG_RETURN_VOID();
}

/* Product code: the drug identification code (药品标识码, 7 digits) or the GTIN (14). */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_product);
Datum
pgvbp_tracecode_product(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_BUFLEN];
	vbp_tracecode c;
	size_t		n;

	tracecode_arg(fcinfo, 0, &c);
	n = vbp_tracecode_product(&c, buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) n));
}

/* Serial: the last 13 digits, or the GS1 serial (21). */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_serial);
Datum
pgvbp_tracecode_serial(PG_FUNCTION_ARGS)
{
	char		buf[VBP_TRACECODE_BUFLEN];
	vbp_tracecode c;
	size_t		n;

	tracecode_arg(fcinfo, 0, &c);
	n = vbp_tracecode_serial(&c, buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) n));
}

/* The form: 'nmpa20' or 'gs1'. */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_form);
Datum
pgvbp_tracecode_form(PG_FUNCTION_ARGS)
{
	vbp_tracecode c;

	tracecode_arg(fcinfo, 0, &c);
	PG_RETURN_TEXT_P(cstring_to_text(vbp_tracecode_form_name(&c)));
}
