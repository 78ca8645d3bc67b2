/*
 * tenancy.c
 *		vbp.tenant_sees(orgcode): whether the current user's tenant scope
 *		(vbp.tenant_scope) covers an institution.  Row-level security policies
 *		call it instead of a subquery, because Citus accepts no subquery in a
 *		policy of a distributed or reference table (doc/scale-out.md).  The
 *		caller's scope rows are read once per call site and query (with the
 *		caller's rights: it sees only its own rows) and kept in fn_extra; each
 *		row then costs a flag test, an array index or a binary search.
 */
#include "vbp_glue.h"

#include "executor/spi.h"
#include "miscadmin.h"

typedef struct TenantScope
{
	Oid			user;			/* the user the rows were read for */
	bool		nation;			/* a nation scope: every institution */
	bool		province[100];	/* province scopes, by 2-digit code */
	int			norgs;			/* institution scopes, sorted */
	int64	   *orgs;
} TenantScope;

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return (x > y) - (x < y);
}

static void
read_scope(TenantScope *ts, MemoryContext mcxt)
{
	uint64		i;
	int			n = 0;

	if (ts->orgs)				/* read before for another user */
		pfree(ts->orgs);
	memset(ts, 0, sizeof(*ts));
	ts->user = GetUserId();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "vbp.tenant_sees: SPI_connect failed");
	/* qualified names only; vbp.scope_holder's body was bound at creation */
	if (SPI_execute("SELECT s.scope, s.province, s.org_code FROM vbp.tenant_scope s"
					" WHERE vbp.scope_holder(s.member, s.member_name)", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "vbp.tenant_sees: reading vbp.tenant_scope failed");
	ts->orgs = MemoryContextAlloc(mcxt, sizeof(int64) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *scope = SPI_getvalue(tup, desc, 1);
		char	   *prov = SPI_getvalue(tup, desc, 2);
		bool		isnull;
		Datum		org = SPI_getbinval(tup, desc, 3, &isnull);

		if (scope == NULL)
			continue;
		if (strcmp(scope, "nation") == 0)
			ts->nation = true;
		else if (strcmp(scope, "province") == 0 && prov != NULL && strlen(prov) == 2
				 && prov[0] >= '0' && prov[0] <= '9' && prov[1] >= '0' && prov[1] <= '9')
			ts->province[(prov[0] - '0') * 10 + (prov[1] - '0')] = true;
		else if (strcmp(scope, "institution") == 0 && !isnull)
			ts->orgs[n++] = DatumGetInt64(org);
	}
	SPI_finish();
	if (n > 1)
		qsort(ts->orgs, n, sizeof(int64), cmp_int64);
	ts->norgs = n;
}

PG_FUNCTION_INFO_V1(pgvbp_tenant_sees);
Datum
pgvbp_tenant_sees(PG_FUNCTION_ARGS)
{
	TenantScope *ts = (TenantScope *) fcinfo->flinfo->fn_extra;
	int64		org = PG_GETARG_INT64(0);
	char		div[VBP_DIVISION_COUNTY + 1];

	if (ts == NULL || ts->user != GetUserId())
	{
		if (ts == NULL)
			ts = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TenantScope));
		read_scope(ts, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = ts;
	}
	if (ts->nation)
		PG_RETURN_BOOL(true);
	if (vbp_orgcode_division_text(org, VBP_DIVISION_PROVINCE, div) == 2
		&& ts->province[(div[0] - '0') * 10 + (div[1] - '0')])
		PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(ts->norgs > 0
				   && bsearch(&org, ts->orgs, ts->norgs, sizeof(int64), cmp_int64) != NULL);
}
