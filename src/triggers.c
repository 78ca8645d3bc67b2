/*
 * triggers.c
 *		Triggers for existing databases.
 *
 * vbp.tracecode_guard(): a BEFORE INSERT OR UPDATE row trigger for any table
 * with a traceability-code column.  Every code seen goes into
 * vbp.trace_sighting (primary key on the code) with INSERT .. ON CONFLICT DO
 * NOTHING, so the unique index decides who saw a code first: a second
 * session inserting the same new code waits for the first and then finds the
 * conflict, whichever order they commit in, and a rolled-back first sighting
 * leaves the code free.  A code already sighted is either rejected (SQLSTATE
 * 23505, naming the code and where and when it was first seen) or recorded in
 * vbp.trace_alert and let through.  One index probe per row, never a scan.
 *
 * Arguments (CREATE TRIGGER .. EXECUTE FUNCTION vbp.tracecode_guard(...)):
 *   1 mode: 'reject' or 'alert'
 *   2 the code column (default trace_code): vbp.tracecode or text
 *   3 optional "where" column (e.g. org_code) and 4 optional "when" column
 *     (e.g. dispensed_on), stored as text with the sighting for the message
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "miscadmin.h"
#include "executor/spi.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

static SPIPlanPtr sighting_insert = NULL;
static SPIPlanPtr sighting_first = NULL;
static SPIPlanPtr alert_insert = NULL;

static SPIPlanPtr
prepare(const char *sql, int nargs)
{
	Oid			types[6] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, types);

	if (plan == NULL)
		elog(ERROR, "tracecode_guard: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "tracecode_guard: SPI_keepplan failed");
	return plan;
}

static int
column(Relation rel, const char *name, const char *role)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), name);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("tracecode_guard: %s column \"%s\" does not exist in table \"%s\"",
						role, name, RelationGetRelationName(rel)),
				 errhint("Give the column names as trigger arguments: mode, code column, where column, when column.")));
	return attnum;
}

/* the text of a column, or NULL */
static char *
column_text(HeapTuple tuple, TupleDesc desc, int attnum)
{
	return attnum > 0 ? SPI_getvalue(tuple, desc, attnum) : NULL;
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_guard);
Datum
pgvbp_tracecode_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	tuple;
	char	  **args;
	bool		reject;
	bool		privileged;
	VbpSavedUser save;
	int			code_col,
				where_col = 0,
				when_col = 0;
	char	   *raw,
			   *where,
			   *when,
			   *table;
	char		canon[VBP_TRACECODE_BUFLEN];
	vbp_tracecode code;
	vbp_error	err;
	Datum		values[6];
	char		nulls[6];

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard: not called as a trigger")));
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard must be a BEFORE INSERT OR UPDATE ... FOR EACH ROW trigger")));
	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	args = td->tg_trigger->tgargs;
	if (td->tg_trigger->tgnargs < 1 || td->tg_trigger->tgnargs > 4 ||
		(strcmp(args[0], "reject") != 0 && strcmp(args[0], "alert") != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tracecode_guard: invalid trigger arguments on table \"%s\"", RelationGetRelationName(rel)),
				 errdetail("The first argument is the mode, 'reject' or 'alert'; then up to three column names."),
				 errhint("For example: EXECUTE FUNCTION vbp.tracecode_guard('reject', 'trace_code', 'org_code', 'dispensed_on').")));
	reject = strcmp(args[0], "reject") == 0;
	code_col = column(rel, td->tg_trigger->tgnargs > 1 ? args[1] : "trace_code", "code");
	if (td->tg_trigger->tgnargs > 2 && args[2][0] != '\0')
		where_col = column(rel, args[2], "where");
	if (td->tg_trigger->tgnargs > 3 && args[3][0] != '\0')
		when_col = column(rel, args[3], "when");

	/* an UPDATE that keeps the code, or a row without one, has nothing to guard */
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		bool		old_null,
					new_null;
		Datum		old_v = heap_getattr(td->tg_trigtuple, code_col, desc, &old_null);
		Datum		new_v = heap_getattr(tuple, code_col, desc, &new_null);
		Form_pg_attribute att = TupleDescAttr(desc, code_col - 1);

		if (new_null || (!old_null && datumIsEqual(old_v, new_v, att->attbyval, att->attlen)))
			return PointerGetDatum(tuple);
	}
	raw = column_text(tuple, desc, code_col);
	if (raw == NULL)
		return PointerGetDatum(tuple);
	if (vbp_tracecode_parse(raw, strlen(raw), &code, &err) != VBP_OK)
		vbp_input_error(NULL, &err, "tracecode", raw);
	vbp_tracecode_format(&code, canon);
	where = column_text(tuple, desc, where_col);
	when = column_text(tuple, desc, when_col);
	table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), RelationGetRelationName(rel));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tracecode_guard: SPI_connect failed");
	/* the sightings are vbp's bookkeeping: written and read as their owner */
	vbp_become_owner(vbp_table_owner("trace_sighting"), &save);
	privileged = superuser_arg(save.userid) || save.userid == GetUserId();
	if (sighting_insert == NULL)
		sighting_insert = prepare("INSERT INTO vbp.trace_sighting (trace_code, first_table, first_where, first_when) "
								  "VALUES ($1::vbp.tracecode, $2, $3, $4) ON CONFLICT (trace_code) DO NOTHING", 4);
	if (sighting_first == NULL)
		sighting_first = prepare("SELECT first_table, first_where, first_when, first_seen_at::text "
								 "FROM vbp.trace_sighting WHERE trace_code OPERATOR(vbp.=) $1::vbp.tracecode", 1);
	if (alert_insert == NULL)
		alert_insert = prepare("INSERT INTO vbp.trace_alert (trace_code, seen_table, seen_where, seen_when) "
							   "VALUES ($1::vbp.tracecode, $2, $3, $4)", 4);

	values[0] = CStringGetTextDatum(canon);
	values[1] = CStringGetTextDatum(table);
	values[2] = where ? CStringGetTextDatum(where) : (Datum) 0;
	values[3] = when ? CStringGetTextDatum(when) : (Datum) 0;
	nulls[0] = nulls[1] = ' ';
	nulls[2] = where ? ' ' : 'n';
	nulls[3] = when ? ' ' : 'n';
	if (SPI_execute_plan(sighting_insert, values, nulls, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "tracecode_guard: recording the sighting failed");
	if (SPI_processed == 0)
	{
		/* seen before (or by a concurrent transaction that has committed) */
		if (reject)
		{
			char	   *first_table = NULL,
					   *first_where = NULL,
					   *first_when = NULL,
					   *first_at = NULL;

			/* not read-only: a fresh snapshot sees a sighting made earlier in this statement */
			if (SPI_execute_plan(sighting_first, values, nulls, false, 1) == SPI_OK_SELECT && SPI_processed == 1)
			{
				first_table = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
				first_where = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
				first_when = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
				first_at = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4);
			}
			/*
			 * A writer that is not the owner learns whether the first sale was
			 * at its own site, not which other institution or table it was.
			 */
			if (!privileged && first_where != NULL && (where == NULL || strcmp(first_where, where) != 0))
			{
				first_table = NULL;
				first_where = "another institution";
			}
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("traceability code %s was already dispensed", canon),
					 errdetail("It was first seen in %s%s%s%s%s, recorded at %s.",
							   first_table ? first_table : "another table",
							   first_where ? " at " : "", first_where ? first_where : "",
							   first_when ? " on " : "", first_when ? first_when : "",
							   first_at ? first_at : "an unknown time"),
					 errhint("A package is dispensed once; a second sale of its code suggests a returned or diverted package (回流药).")));
		}
		if (SPI_execute_plan(alert_insert, values, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "tracecode_guard: recording the alert failed");
	}
	vbp_restore_user(&save);
	SPI_finish();
	return PointerGetDatum(tuple);
}
