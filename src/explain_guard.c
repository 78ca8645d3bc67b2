/*
 * explain_guard.c
 *		Refuses EXPLAIN to tenants whose rows are filtered by row-level security.
 *
 * EXPLAIN ANALYZE prints how many rows each plan node produced, and a scan's
 * count is taken below the row-security filter: an institution user probing
 * vbp.dispensing value by value would learn other institutions' counts (and
 * plain EXPLAIN prints estimates drawn from statistics over every row).  So
 * members of the tenant groups that see part of the data, vbp_institution_user,
 * vbp_province_analyst and vbp_writer, get 42501 for any EXPLAIN.  The BI reader (whole
 * nation) and the owner are not affected.
 *
 * The hook must be in place before a tenant's first statement: the library is
 * loaded at session start through session_preload_libraries, which
 * vbp.grant_tenant() sets on each tenant login (ALTER ROLE ... SET), or for a
 * whole database or cluster by the DBA (doc/security.md).
 */
#include "postgres.h"

#include "commands/explain.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "tcop/utility.h"
#include "utils/acl.h"

#include "vbp_glue.h"

static ProcessUtility_hook_type prev_process_utility = NULL;

/* Whether the current user belongs to a tenant group that sees only part of the rows. */
static bool
restricted_tenant(void)
{
	static const char *const groups[] = {"vbp_institution_user", "vbp_province_analyst", "vbp_writer"};
	Oid			user = GetUserId();

	if (superuser_arg(user))
		return false;
	for (int i = 0; i < (int) lengthof(groups); i++)
	{
		Oid			grp = get_role_oid(groups[i], true);

		if (OidIsValid(grp) && is_member_of_role(user, grp))
			return true;
	}
	return false;
}

static void
vbp_process_utility(PlannedStmt *pstmt, const char *queryString,
#if PG_VERSION_NUM >= 140000
					bool readOnlyTree,
#endif
					ProcessUtilityContext context, ParamListInfo params,
					QueryEnvironment *queryEnv, DestReceiver *dest, QueryCompletion *qc)
{
	if (IsA(pstmt->utilityStmt, ExplainStmt) && restricted_tenant())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("EXPLAIN is not available to vbp tenants"),
				 errdetail("A plan's row counts and estimates are taken below row-level security and would reveal rows of other institutions."),
				 errhint("Ask the database owner or a BI reader to explain the query.")));
	if (prev_process_utility)
		prev_process_utility(pstmt, queryString,
#if PG_VERSION_NUM >= 140000
							 readOnlyTree,
#endif
							 context, params, queryEnv, dest, qc);
	else
		standard_ProcessUtility(pstmt, queryString,
#if PG_VERSION_NUM >= 140000
								readOnlyTree,
#endif
								context, params, queryEnv, dest, qc);
}

void
vbp_explain_guard_init(void)
{
	prev_process_utility = ProcessUtility_hook;
	ProcessUtility_hook = vbp_process_utility;
}
