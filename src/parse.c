/*
 * parse.c
 *		Glue of core/parse.c: soft parsers (容错解析) for the data loader.
 *		Each vbp.parse_X(text) returns the value, or NULL where a cast would
 *		raise; vbp.parse_error(kind, text) says why a value is bad.
 *
 * PostgreSQL 15 has no pg_input_is_valid, so these do not go through the
 * types' input functions: they call the same core parsers and build the
 * same datums.  The identifier codes are first trimmed of the blanks that
 * spreadsheet exports carry (U+3000, U+00A0, ASCII white space), then
 * parsed exactly as the type's input parses them.
 */
#include "vbp_glue.h"

#include "utils/date.h"
#include "utils/datetime.h"

typedef enum parse_kind
{
	PARSE_INT,
	PARSE_NUMERIC,
	PARSE_MONEY,
	PARSE_DATE,
	PARSE_ORGCODE,
	PARSE_DRUGCODE,
	PARSE_TRACECODE,
	PARSE_USCC
} parse_kind;

static const char *const kind_names[] = {
	"int", "numeric", "money", "date", "orgcode", "drugcode", "tracecode", "uscc"
};

StaticAssertDecl(lengthof(kind_names) == PARSE_USCC + 1, "a name for every parse kind");

/*
 * Parses [s, s+len) as kind; on success stores the datum in *result when
 * result is not NULL.  The one path for vbp.parse_X and vbp.parse_error, so
 * the two always agree.
 */
static vbp_errkind
parse_value(parse_kind kind, const char *s, size_t len, Datum *result, vbp_error *err)
{
	vbp_errkind e = VBP_OK;

	switch (kind)
	{
		case PARSE_INT:
			{
				int64_t		v;

				if ((e = vbp_parse_int(s, len, &v, err)) == VBP_OK && result)
					*result = Int64GetDatum(v);
				break;
			}
		case PARSE_NUMERIC:
			{
				char		buf[VBP_DECIMAL_BUFLEN];

				if ((e = vbp_parse_decimal(s, len, buf, sizeof(buf), err)) == VBP_OK && result)
					*result = DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
												  ObjectIdGetDatum(InvalidOid),
												  Int32GetDatum(-1));
				break;
			}
		case PARSE_MONEY:
			{
				char		buf[VBP_DECIMAL_BUFLEN];
				int64_t		fen;

				if ((e = vbp_parse_decimal(s, len, buf, sizeof(buf), err)) != VBP_OK)
					break;
				if ((e = vbp_cny_parse(buf, strlen(buf), &fen, err)) == VBP_OK && result)
					*result = Int64GetDatum(fen);
				break;
			}
		case PARSE_DATE:
			{
				int			y,
							m,
							d;

				if ((e = vbp_parse_date(s, len, &y, &m, &d, err)) == VBP_OK && result)
					*result = DateADTGetDatum(date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
				break;
			}
		case PARSE_ORGCODE:
			{
				int64_t		v;

				len = vbp_parse_trim(&s, len);
				if ((e = vbp_orgcode_parse(s, len, &v, err)) == VBP_OK && result)
					*result = Int64GetDatum(v);
				break;
			}
		case PARSE_DRUGCODE:
			{
				vbp_drugcode c;

				len = vbp_parse_trim(&s, len);
				if ((e = vbp_drugcode_parse(s, len, &c, err)) == VBP_OK && result)
				{
					vbp_drugcode *r = palloc(sizeof(vbp_drugcode));

					*r = c;
					*result = PointerGetDatum(r);
				}
				break;
			}
		case PARSE_TRACECODE:
			{
				vbp_tracecode c;

				len = vbp_parse_trim(&s, len);
				if ((e = vbp_tracecode_parse(s, len, &c, err)) == VBP_OK && result)
					*result = vbp_tracecode_datum(&c);
				break;
			}
		case PARSE_USCC:
			{
				vbp_uscc	c;

				len = vbp_parse_trim(&s, len);
				if ((e = vbp_uscc_parse(s, len, &c, err)) == VBP_OK && result)
				{
					vbp_uscc   *r = palloc(sizeof(vbp_uscc));

					*r = c;
					*result = PointerGetDatum(r);
				}
				break;
			}
	}
	return e;
}

/* The value of argument argno parsed as kind, or SQL NULL. */
static Datum
soft_parse(FunctionCallInfo fcinfo, int argno, parse_kind kind)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	Datum		result;
	vbp_error	err;

	if (parse_value(kind, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &result, &err) != VBP_OK)
		PG_RETURN_NULL();
	return result;
}

/* An integer as a spreadsheet writes it (1,234; 12.00), or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_int);
Datum
pgvbp_parse_int(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_INT);
}

/* A decimal number (¥1,234.50, 1234.50元), or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_numeric);
Datum
pgvbp_parse_numeric(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_NUMERIC);
}

/* An amount in yuan as cny (half away from zero past the fen), or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_money);
Datum
pgvbp_parse_money(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_MONEY);
}

/* A date in one of the export forms, any time of day ignored, or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_date);
Datum
pgvbp_parse_date(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_DATE);
}

/* An orgcode, or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_orgcode);
Datum
pgvbp_parse_orgcode(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_ORGCODE);
}

/* A drugcode, or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_drugcode);
Datum
pgvbp_parse_drugcode(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_DRUGCODE);
}

/* A tracecode, or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_tracecode);
Datum
pgvbp_parse_tracecode(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_TRACECODE);
}

/* A uscc, or NULL. */
PG_FUNCTION_INFO_V1(pgvbp_parse_uscc);
Datum
pgvbp_parse_uscc(PG_FUNCTION_ARGS)
{
	return soft_parse(fcinfo, 0, PARSE_USCC);
}

/* Why value is not a valid kind, as one sentence; NULL when it is valid. */
PG_FUNCTION_INFO_V1(pgvbp_parse_error);
Datum
pgvbp_parse_error(PG_FUNCTION_ARGS)
{
	char	   *kind = text_to_cstring(PG_GETARG_TEXT_PP(0));
	text	   *t = PG_GETARG_TEXT_PP(1);
	vbp_error	err;
	int			k;

	for (k = 0; k < (int) lengthof(kind_names); k++)
		if (strcmp(kind, kind_names[k]) == 0)
			break;
	if (k == (int) lengthof(kind_names))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown parse kind \"%s\"", kind),
				 errhint("The kinds are int, numeric, money, date, orgcode, drugcode, tracecode and uscc.")));
	if (parse_value((parse_kind) k, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL, &err) == VBP_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(err.detail));
}
