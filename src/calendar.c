/*
 * calendar.c
 *		Glue of core/calendar.c: vbp.month_start(date).
 */
#include "vbp_glue.h"

#include "utils/date.h"

/*
 * vbp.month_start(date): the first day of the date's month; infinity and
 * -infinity are returned as they are, as date_trunc does.  The first days
 * PostgreSQL knows, 4714-11-24 BC to 4714-11-30 BC, have a month that starts
 * before them: out of range (22008), as date_trunc says too.
 */
PG_FUNCTION_INFO_V1(pgvbp_month_start);
Datum
pgvbp_month_start(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	DateADT		m;

	if (DATE_NOT_FINITE(d))
		PG_RETURN_DATEADT(d);
	m = (DateADT) vbp_month_start((int32) d);
	if (!IS_VALID_DATE(m))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range: the month of %s starts before the first date",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errdetail("Dates begin on 4714-11-24 BC; the month of 4714-11-24 BC to 4714-11-30 BC starts before it.")));
	PG_RETURN_DATEADT(m);
}
