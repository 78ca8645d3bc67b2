/*
 * common.c
 *		Glue of core/common.c: a core vbp_error reported with the SQLSTATE of
 *		its kind; and the helpers every glue file shares (vbp_glue.h).
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "miscadmin.h"
#include "utils/elog.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

static int
sqlstate_of(vbp_errkind kind)
{
	switch (kind)
	{
		case VBP_ERANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case VBP_EPARAM:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case VBP_EDIVZERO:
			return ERRCODE_DIVISION_BY_ZERO;
		case VBP_ESYNTAX:
		case VBP_OK:
			break;
	}
	return ERRCODE_INVALID_TEXT_REPRESENTATION;
}

void
vbp_input_error(FunctionCallInfo fcinfo, const vbp_error *err,
				const char *typname, const char *input)
{
#if PG_VERSION_NUM >= 160000
	Node	   *escontext = fcinfo ? fcinfo->context : NULL;
#define VBP_REPORT(...) errsave(escontext, __VA_ARGS__)
#else
#define VBP_REPORT(...) ereport(ERROR, __VA_ARGS__)
	(void) fcinfo;				/* soft errors need PostgreSQL 16 */
#endif

	if (err->kind == VBP_ERANGE)
		VBP_REPORT((errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("value \"%s\" is out of range for type %s", input, typname),
					errdetail("%s", err->detail)));
	else
		VBP_REPORT((errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
					errdetail("%s", err->detail)));
#undef VBP_REPORT
}

void
vbp_value_error(const vbp_error *err, const char *what)
{
	ereport(ERROR,
			(errcode(sqlstate_of(err->kind)),
			 errmsg("%s", what),
			 errdetail("%s", err->detail)));
	pg_unreachable();
}

MemoryContext
vbp_agg_context(FunctionCallInfo fcinfo, const char *aggname)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "%s called in non-aggregate context", aggname);
	return cxt;
}

void
vbp_state_error(const char *what, const char *detailfmt,...)
{
	char		detail[512];
	va_list		ap;

	va_start(ap, detailfmt);
	vsnprintf(detail, sizeof(detail), detailfmt, ap);
	va_end(ap);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid %s state", what),
			 errdetail("%s", detail)));
	pg_unreachable();
}

char *
vbp_recv_text(FunctionCallInfo fcinfo)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;

	return pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
}

bool
vbp_numeric_to_int64(Numeric n, int64 *out)
{
	static Numeric min_int64 = NULL;
	static Numeric max_int64 = NULL;

	if (max_int64 == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		min_int64 = DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MIN)));
		max_int64 = DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MAX)));
		MemoryContextSwitchTo(old);
	}
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n), NumericGetDatum(max_int64))) > 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n), NumericGetDatum(min_int64))) < 0)
		return false;
	*out = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(n)));
	return true;
}

/*
 * The triggers that feed vbp from a user's own tables (vbp.capture,
 * vbp.tracecode_guard) write vbp's ledgers and bookkeeping as the owner of
 * the vbp table they write, as PostgreSQL's own foreign-key triggers do: the
 * writing role needs no privilege on vbp's tables and reads none of their
 * rows.  What a writer may write is checked first, with its own rights
 * (vbp.may_write for the capture trigger).
 */
Oid
vbp_table_owner(const char *relname)
{
	Oid			nsp = get_namespace_oid("vbp", false);
	Oid			rel = get_relname_relid(relname, nsp);
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(rel))
		elog(ERROR, "vbp table \"%s\" does not exist", relname);
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(rel));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", rel);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

/* Becomes owner (of a vbp table: vbp_table_owner), saving the caller's identity in *save. */
void
vbp_become_owner(Oid owner, VbpSavedUser *save)
{
	GetUserIdAndSecContext(&save->userid, &save->sec_context);
	SetUserIdAndSecContext(owner, save->sec_context | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
}

/* Back to the caller saved by vbp_become_owner (an error restores it too). */
void
vbp_restore_user(const VbpSavedUser *save)
{
	SetUserIdAndSecContext(save->userid, save->sec_context);
}
