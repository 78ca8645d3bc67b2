/*
 * vbp.c
 *		Module entry point (the EXPLAIN guard's hook), the version function and
 *		the reporting date of the views.
 */
#include "postgres.h"

#include "access/xact.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
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
