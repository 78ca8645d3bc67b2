/*
 * vbp.c
 *		Module entry point (the EXPLAIN guard's hook), the version function,
 *		the reporting date of the views and the month a date falls in.
 */
#include "postgres.h"

#include "access/xact.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "vbp_glue.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	vbp_explain_guard_init();
}

/* Returns "vbp <library version> (core <core version>)". */
PG_FUNCTION_INFO_V1(vbp_version);
Datum
vbp_version(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text("vbp " VBP_VERSION " (core " VBP_CORE_VERSION ")"));
}

/*
 * vbp.report_date(): the setting vbp.as_of when set and not empty, else
 * today.  The reporting views compare it with every row they filter, so the
 * date parsed from the setting is kept, with what the parse depended on (the
 * text, DateStyle, the time zone and the transaction, for 'today'), and the
 * text is parsed again only when one of them changes.  A malformed setting
 * fails as the cast to date does (22007).
 */
PG_FUNCTION_INFO_V1(pgvbp_report_date);
Datum
pgvbp_report_date(PG_FUNCTION_ARGS)
{
	static char *text = NULL;
	static int	style,
				order;
	static pg_tz *zone;
	static TimestampTz xact;
	static DateADT date;
	const char *v = GetConfigOption("vbp.as_of", true, false);

	(void) fcinfo;
	if (v == NULL || v[0] == '\0')
		PG_RETURN_DATEADT(GetSQLCurrentDate());
	if (text == NULL || strcmp(text, v) != 0 || style != DateStyle || order != DateOrder ||
		zone != session_timezone || xact != GetCurrentTransactionStartTimestamp())
	{
		DateADT		d = DatumGetDateADT(DirectFunctionCall1(date_in, CStringGetDatum(v)));
		char	   *copy = MemoryContextStrdup(TopMemoryContext, v);

		if (text != NULL)
			pfree(text);
		text = copy;
		style = DateStyle;
		order = DateOrder;
		zone = session_timezone;
		xact = GetCurrentTransactionStartTimestamp();
		date = d;
	}
	PG_RETURN_DATEADT(date);
}

/*
 * vbp.month_start(date): the first day of the date's month, from the date's
 * day of the month (PostgreSQL's own calendar, j2date, as date_trunc reads
 * it); infinity and -infinity are returned as they are, as date_trunc does.
 * The first days PostgreSQL knows, 4714-11-24 BC to 4714-11-30 BC, have a
 * month that starts before them: out of range (22008), as date_trunc says too.
 */
PG_FUNCTION_INFO_V1(pgvbp_month_start);
Datum
pgvbp_month_start(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	DateADT		m;
	int			year,
				month,
				day;

	if (DATE_NOT_FINITE(d))
		PG_RETURN_DATEADT(d);
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	m = d - (day - 1);
	if (!IS_VALID_DATE(m))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range: the month of %s starts before the first date",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errdetail("Dates begin on 4714-11-24 BC; the month of 4714-11-24 BC to 4714-11-30 BC starts before it.")));
	PG_RETURN_DATEADT(m);
}
