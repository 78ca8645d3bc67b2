/*
 * uscc.c
 *		vbp.uscc: 统一社会信用代码 (GB 32100-2015), 12 bytes, check derived.
 */
#include "vbp_glue.h"

#include "mb/pg_wchar.h"

#define TYPNAME "uscc"

/* Text input: 18 characters with a valid check, or 17 followed by '?'. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_in);
Datum
pgvbp_uscc_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	vbp_uscc   *c = palloc(sizeof(vbp_uscc));
	vbp_error	err;

	if (vbp_uscc_parse(str, strlen(str), c, &err) != VBP_OK)
	{
		vbp_input_error(fcinfo, &err, TYPNAME, str);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(c);
}

/* Text output: 18 upper-case characters including the check. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_out);
Datum
pgvbp_uscc_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(VBP_USCC_LEN + 1);

	vbp_uscc_format((vbp_uscc *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the text form, validated again (a '?' is not accepted). */
PG_FUNCTION_INFO_V1(pgvbp_uscc_recv);
Datum
pgvbp_uscc_recv(PG_FUNCTION_ARGS)
{
	char	   *str = vbp_recv_text(fcinfo);
	vbp_uscc   *c = palloc(sizeof(vbp_uscc));
	vbp_error	err;

	if (strchr(str, '?') != NULL)
	{
		err.kind = VBP_ESYNTAX;
		strlcpy(err.detail, "Binary input carries the check character itself, not \"?\".", sizeof(err.detail));
		vbp_input_error(NULL, &err, TYPNAME, str);
	}
	if (vbp_uscc_parse(str, strlen(str), c, &err) != VBP_OK)
		vbp_input_error(NULL, &err, TYPNAME, str);
	PG_RETURN_POINTER(c);
}

/* Binary output: the 18 characters as text. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_send);
Datum
pgvbp_uscc_send(PG_FUNCTION_ARGS)
{
	char		buf[VBP_USCC_LEN + 1];
	size_t		n = vbp_uscc_format((vbp_uscc *) PG_GETARG_POINTER(0), buf);
	StringInfoData out;

	pq_begintypsend(&out);
	pq_sendtext(&out, buf, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&out));
}

VBP_FIXED_TYPE_SUPPORT(pgvbp_uscc, vbp_uscc, vbp_uscc_cmp)

/* Characters [from, from+len) of the code as text. */
static Datum
slice(FunctionCallInfo fcinfo, int from, int len)
{
	char		buf[VBP_USCC_LEN + 1];

	vbp_uscc_format((vbp_uscc *) PG_GETARG_POINTER(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf + from, len));
}

/* Registering authority (登记管理部门代码): character 1. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_authority);
Datum
pgvbp_uscc_authority(PG_FUNCTION_ARGS)
{
	return slice(fcinfo, 0, 1);
}

/* Organisation type (机构类别代码): character 2. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_org_type);
Datum
pgvbp_uscc_org_type(PG_FUNCTION_ARGS)
{
	return slice(fcinfo, 1, 1);
}

/* Administrative division of registration (登记管理机关行政区划码): characters 3-8. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_division);
Datum
pgvbp_uscc_division(PG_FUNCTION_ARGS)
{
	return slice(fcinfo, 2, 6);
}

/* Entity identification code (主体标识码, the organisation code): characters 9-17. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_entity);
Datum
pgvbp_uscc_entity(PG_FUNCTION_ARGS)
{
	return slice(fcinfo, 8, 9);
}

/* Check character for the first 17 characters of a text. */
PG_FUNCTION_INFO_V1(pgvbp_uscc_check_char_text);
Datum
pgvbp_uscc_check_char_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char	   *s = text_to_cstring(t);
	size_t		len = strlen(s);
	char		check;
	vbp_error	err;
	const char *p = s;
	size_t		n = vbp_trim(&p, len);	/* trimmed once: p moves past the leading blanks */
	int			chars = pg_mbstrlen_with_len(p, (int) n);

	if (chars != 17)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a check character is computed from exactly 17 characters"),
				 errdetail("The argument \"%s\" has %d characters after trimming blanks.", s, chars)));
	if (n != 17)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compute a check character for \"%s\"", s),
				 errdetail("It holds a character that is not an ASCII digit or capital letter of the code's alphabet.")));
	if (vbp_uscc_check_char(p, 17, &check, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compute a check character for \"%s\"", s),
				 errdetail("%s", err.detail)));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(&check, 1));
}
