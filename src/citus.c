/*
 * citus.c
 *		vbp.citus_drop_guard(): an event trigger at the start of DROP EXTENSION.
 *		When the extension dropped is vbp and vbp's tables are Citus tables,
 *		it asks vbp.citus_forget_tables() to drop their shards and Citus
 *		metadata first, while vbp's types still exist: Citus's own drop trigger
 *		runs after the types are gone and cannot read the shards' bounds then
 *		(doc/scale-out.md).  It holds no policy: it only recognises the
 *		statement.
 */
#include "vbp_glue.h"

#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "nodes/parsenodes.h"

static bool
drops_vbp(Node *parsetree)
{
	DropStmt   *stmt;
	ListCell   *lc;

	if (parsetree == NULL || !IsA(parsetree, DropStmt))
		return false;
	stmt = (DropStmt *) parsetree;
	if (stmt->removeType != OBJECT_EXTENSION)
		return false;
	foreach(lc, stmt->objects)
	{
		Node	   *obj = lfirst(lc);

		if (IsA(obj, String) && strcmp(strVal(obj), "vbp") == 0)
			return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(pgvbp_citus_drop_guard);
Datum
pgvbp_citus_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_EVENT_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("vbp.citus_drop_guard must be called as an event trigger")));
	trigdata = (EventTriggerData *) fcinfo->context;
	if (!drops_vbp(trigdata->parsetree) || !OidIsValid(get_extension_oid("citus", true)))
		PG_RETURN_VOID();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "vbp.citus_drop_guard: SPI_connect failed");
	if (SPI_execute("SELECT vbp.citus_forget_tables()", false, 0) != SPI_OK_SELECT)
		elog(ERROR, "vbp.citus_drop_guard: vbp.citus_forget_tables() failed");
	SPI_finish();
	PG_RETURN_VOID();
}
