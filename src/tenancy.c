/*
 * tenancy.c
 *		vbp.tenant_sees(orgcode): whether the current user's tenant scope
 *		(vbp.tenant_scope) covers an institution.  Row-level security policies
 *		call it instead of a subquery, because Citus accepts no subquery in a
 *		policy of a distributed or reference table (doc/scale-out.md).  The
 *		caller's scope rows are read once per call site and query (with the
 *		caller's rights: it sees only its own rows) and kept in fn_extra; each
 *		row then costs a flag test, an array index or a binary search.
 *
 *		vbp.may_write(orgcode): the same test over the writer's scopes only
 *		(vbp.tenant_scope.writes), for a member of vbp_writer: the writers'
 *		policies, the loader, the capture trigger and the guard ask it.  The
 *		guard asks through vbp_may_write(), which keeps the scope for the
 *		transaction.
 */
#include "vbp_glue.h"

#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/memutils.h"

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

/*
 * Reads the current user's scope rows (only the writer's scopes when
 * writes_only), with its own rights: it sees only its own rows.
 */
static void
read_scope(TenantScope *ts, MemoryContext mcxt, bool writes_only)
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
	if (SPI_execute(writes_only
					? "SELECT s.scope, s.province, s.org_code FROM vbp.tenant_scope s"
					" WHERE s.writes AND vbp.scope_holder(s.member, s.member_name)"
					: "SELECT s.scope, s.province, s.org_code FROM vbp.tenant_scope s"
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

static bool
scope_covers(const TenantScope *ts, int64 org)
{
	char		div[VBP_DIVISION_COUNTY + 1];

	if (ts->nation)
		return true;
	if (vbp_orgcode_division_text(org, VBP_DIVISION_PROVINCE, div) == 2
		&& ts->province[(div[0] - '0') * 10 + (div[1] - '0')])
		return true;
	return ts->norgs > 0 && bsearch(&org, ts->orgs, ts->norgs, sizeof(int64), cmp_int64) != NULL;
}

/* The call site's scope (fn_extra), read for the current user if not yet. */
static TenantScope *
call_scope(FunctionCallInfo fcinfo, bool writes_only)
{
	TenantScope *ts = (TenantScope *) fcinfo->flinfo->fn_extra;

	if (ts == NULL || ts->user != GetUserId())
	{
		if (ts == NULL)
			ts = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TenantScope));
		read_scope(ts, fcinfo->flinfo->fn_mcxt, writes_only);
		fcinfo->flinfo->fn_extra = ts;
	}
	return ts;
}

PG_FUNCTION_INFO_V1(pgvbp_tenant_sees);
Datum
pgvbp_tenant_sees(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(scope_covers(call_scope(fcinfo, false), PG_GETARG_INT64(0)));
}

/* A member of vbp_writer (a role that does not exist makes no writer). */
static bool
is_writer(Oid user)
{
	Oid			grp = get_role_oid("vbp_writer", true);

	return OidIsValid(grp) && is_member_of_role(user, grp);
}

PG_FUNCTION_INFO_V1(pgvbp_may_write);
Datum
pgvbp_may_write(PG_FUNCTION_ARGS)
{
	if (!is_writer(GetUserId()))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(scope_covers(call_scope(fcinfo, true), PG_GETARG_INT64(0)));
}

/*
 * vbp_may_write: vbp.may_write for C callers (the guard), with the writer's
 * scope kept for the transaction and user it was read in.
 */
static TenantScope write_scope;
static LocalTransactionId write_scope_lxid = InvalidLocalTransactionId;

bool
vbp_may_write(int64 org)
{
	LocalTransactionId lxid;

#if PG_VERSION_NUM >= 170000
	lxid = MyProc->vxid.lxid;
#else
	lxid = MyProc->lxid;
#endif
	if (!is_writer(GetUserId()))
		return false;
	if (write_scope_lxid != lxid || write_scope.user != GetUserId())
	{
		read_scope(&write_scope, TopMemoryContext, true);
		write_scope_lxid = lxid;
	}
	return scope_covers(&write_scope, org);
}
