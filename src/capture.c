/*
 * capture.c
 *		vbp.capture(): a generic capture trigger that feeds
 *		vbp's ledger (vbp.purchase or vbp.dispensing) from a user's own
 *		purchase or dispensing table, so a hospital database feeds vbp without
 *		changing its schema.
 *
 *   CREATE TRIGGER vbp_capture AFTER INSERT OR UPDATE OR DELETE ON his.orders
 *     FOR EACH ROW EXECUTE FUNCTION vbp.capture('purchase', 'order_id',
 *       'org_code=hosp_code', 'product_code=drug_code', 'purchased_on=order_date',
 *       'quantity=qty', 'amount=total_yuan');
 *
 * Arguments: the target ('purchase' or 'dispensing'), the source table's key
 * column, then target=source column pairs; every NOT NULL column of the
 * target must be mapped.  quantity_packs=col gives the quantity in packs,
 * converted with the product's units_per_pack; channel values are translated
 * through vbp.load_value (医院 -> hospital).  An optional 'on_error=quarantine'
 * lets the hospital's row commit when its ledger row cannot be written: the
 * problem goes to vbp.load_reject (source table, key, reason, SQLSTATE) and
 * the row is tried again when it is next updated; the default,
 * 'on_error=reject', raises the error in the writer's statement.  Each
 * source row maps to one ledger row, linked in vbp.capture_link by (the
 * source table's identity, key), so a renamed table keeps its links: INSERT
 * writes the ledger row and the link, UPDATE replaces the ledger row (a new
 * date may move it to another partition), DELETE removes both.  Dates go
 * through vbp.ledger_date (a date, timestamp or timestamptz as itself, text
 * by its own form), so neither DateStyle nor TimeZone of the writing session
 * changes them; other values are converted by the target types' input
 * functions, so a bad value is the type's own error (22P02 ...),
 * with a context line naming the source row; since the trigger runs in the
 * writer's statement, a rejected row leaves nothing half-written.
 */
#include "vbp_glue.h"

#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

typedef struct TargetColumn
{
	const char *name;			/* as mapped */
	const char *type;			/* cast target, schema-qualified */
	bool		required;
	const char *column;			/* ledger column, when not name */
} TargetColumn;

static const TargetColumn purchase_columns[] = {
	{"org_code", "vbp.orgcode", true, NULL},
	{"product_code", "vbp.drugcode", true, NULL},
	{"purchased_on", "pg_catalog.date", true, NULL},
	{"quantity", "pg_catalog.int8", true, NULL},
	{"quantity_packs", "pg_catalog.int8", false, "quantity"},
	{"amount", "vbp.cny", true, NULL},
	{"accepted_on", "pg_catalog.date", false, NULL},
	{"paid_on", "pg_catalog.date", false, NULL},
	{NULL, NULL, false, NULL}
};

static const TargetColumn dispensing_columns[] = {
	{"org_code", "vbp.orgcode", true, NULL},
	{"product_code", "vbp.drugcode", true, NULL},
	{"dispensed_on", "pg_catalog.date", true, NULL},
	{"quantity", "pg_catalog.int8", true, NULL},
	{"quantity_packs", "pg_catalog.int8", false, "quantity"},
	{"amount", "vbp.cny", true, NULL},
	{"fund_paid", "vbp.cny", true, NULL},
	{"patient_id", "pg_catalog.text", true, NULL},
	{"trace_code", "vbp.tracecode", false, NULL},
	{"channel", "pg_catalog.text", true, NULL},
	{"drg_group", "pg_catalog.text", false, NULL},
	{"days_supply", "pg_catalog.int4", false, NULL},
	{"prescription_id", "pg_catalog.text", false, NULL},
	{NULL, NULL, false, NULL}
};

#define MAX_MAPPED 14

typedef struct CaptureMap
{
	const char *target;			/* purchase or dispensing */
	const char *id_column;		/* purchase_id or dispensing_id */
	const char *date_column;	/* purchased_on or dispensed_on */
	int			key_col;		/* source key attnum */
	bool		quarantine;		/* on_error=quarantine */
	int			n;
	const TargetColumn *col[MAX_MAPPED];
	int			src[MAX_MAPPED];	/* source attnums */
} CaptureMap;

typedef struct CaptureContext
{
	const char *table;
	const char *key;
} CaptureContext;

static void
capture_error_context(void *arg)
{
	CaptureContext *c = (CaptureContext *) arg;

	errcontext("vbp.capture of %s row with key %s", c->table, c->key ? c->key : "NULL");
}

static void
bad_arguments(Relation rel, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("vbp.capture: invalid trigger arguments on table \"%s\"", RelationGetRelationName(rel)),
			 errdetail("%s", detail),
			 errhint("Arguments: 'purchase' or 'dispensing', the key column, then target=source pairs such as 'org_code=hosp_code'.")));
}

static void
parse_map(Trigger *trig, Relation rel, CaptureMap *m)
{
	const TargetColumn *cols;
	const TargetColumn *c;
	int			i;

	if (trig->tgnargs < 2)
		bad_arguments(rel, "The target and the key column are missing.");
	if (strcmp(trig->tgargs[0], "purchase") == 0)
	{
		cols = purchase_columns;
		m->target = "purchase";
		m->id_column = "purchase_id";
		m->date_column = "purchased_on";
	}
	else if (strcmp(trig->tgargs[0], "dispensing") == 0)
	{
		cols = dispensing_columns;
		m->target = "dispensing";
		m->id_column = "dispensing_id";
		m->date_column = "dispensed_on";
	}
	else
		bad_arguments(rel, "The target must be 'purchase' or 'dispensing'.");
	m->key_col = SPI_fnumber(RelationGetDescr(rel), trig->tgargs[1]);
	if (m->key_col <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("vbp.capture: key column \"%s\" does not exist in table \"%s\"",
						trig->tgargs[1], RelationGetRelationName(rel))));
	m->n = 0;
	m->quarantine = false;
	for (i = 2; i < trig->tgnargs; i++)
	{
		const char *arg = trig->tgargs[i];
		const char *eq = strchr(arg, '=');
		char	   *target;
		int			j;

		if (eq == NULL || eq == arg || eq[1] == '\0')
			bad_arguments(rel, psprintf("\"%s\" is not a target=source pair.", arg));
		target = pnstrdup(arg, eq - arg);
		if (strcmp(target, "on_error") == 0)
		{
			if (strcmp(eq + 1, "quarantine") == 0)
				m->quarantine = true;
			else if (strcmp(eq + 1, "reject") != 0)
				bad_arguments(rel, psprintf("on_error is \"%s\"; it must be reject or quarantine.", eq + 1));
			continue;
		}
		for (c = cols; c->name; c++)
			if (strcmp(c->name, target) == 0)
				break;
		if (c->name == NULL)
			bad_arguments(rel, psprintf("vbp.%s has no column \"%s\" to fill.", m->target, target));
		for (j = 0; j < m->n; j++)
			if (m->col[j] == c ||
				strcmp(m->col[j]->column ? m->col[j]->column : m->col[j]->name, c->column ? c->column : c->name) == 0)
				bad_arguments(rel, psprintf("Column \"%s\" is mapped twice.", c->column ? c->column : c->name));
		m->col[m->n] = c;
		m->src[m->n] = SPI_fnumber(RelationGetDescr(rel), eq + 1);
		if (m->src[m->n] <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("vbp.capture: source column \"%s\" does not exist in table \"%s\"",
							eq + 1, RelationGetRelationName(rel))));
		m->n++;
	}
	for (c = cols; c->name; c++)
	{
		bool		found = false;

		for (i = 0; i < m->n; i++)
			found |= m->col[i] == c || (m->col[i]->column && strcmp(m->col[i]->column, c->name) == 0);
		if (c->required && !found)
			bad_arguments(rel, psprintf("Required column \"%s\" of vbp.%s is not mapped.", c->name, m->target));
	}
}

/*
 * Writes the ledger row for a source row and links it; returns nothing.
 *
 * The values go into the statement as quoted literals, each cast to its
 * column's type, not as parameters: on Citus, where the ledger is distributed,
 * the coordinator evaluates part of a parameterised INSERT and sends the shard
 * a statement whose remaining parameters it cannot type (doc/scale-out.md).  A
 * literal is the value's own output, read back in the same session, so no
 * setting in between changes it.
 */
static void
capture_insert(CaptureMap *m, HeapTuple tuple, TupleDesc desc, Oid relid, const char *key)
{
	StringInfoData sql;
	Oid			types[MAX_MAPPED + 2];
	Datum		values[MAX_MAPPED + 2];
	char	   *lit[MAX_MAPPED + 2];
	bool		isnull;
	int			i;
	int64		id;
	Datum		date;

	int			product = 0;

	initStringInfo(&sql);
	appendStringInfo(&sql, "INSERT INTO vbp.%s (", m->target);
	for (i = 0; i < m->n; i++)
	{
		char	   *v = SPI_getvalue(tuple, desc, m->src[i]);

		appendStringInfo(&sql, "%s%s", i ? ", " : "", m->col[i]->column ? m->col[i]->column : m->col[i]->name);
		if (strcmp(m->col[i]->name, "product_code") == 0)
			product = i;
		lit[i] = v ? quote_literal_cstr(v) : "NULL";
	}
	appendStringInfoString(&sql, ") VALUES (");
	for (i = 0; i < m->n; i++)
	{
		Oid			srctype = getBaseType(TupleDescAttr(desc, m->src[i] - 1)->atttypid);

		if (i)
			appendStringInfoString(&sql, ", ");
		if (strcmp(m->col[i]->type, "pg_catalog.date") == 0 &&
			(srctype == DATEOID || srctype == TIMESTAMPOID || srctype == TIMESTAMPTZOID))
			/*
			 * A date, timestamp or timestamptz column goes over as its own type,
			 * not as text: vbp.ledger_date takes the date of a timestamptz in the
			 * ledger's time zone, whatever the writing session's TimeZone.
			 */
			appendStringInfo(&sql, "vbp.ledger_date(%s::%s)", lit[i], format_type_be_qualified(srctype));
		else if (strcmp(m->col[i]->type, "pg_catalog.date") == 0)
			/* a date written as text: read by its own form, not by DateStyle */
			appendStringInfo(&sql, "vbp.ledger_date(%s::pg_catalog.text)", lit[i]);
		else if (strcmp(m->col[i]->name, "quantity_packs") == 0)
			/* packs -> smallest units; the product is mapped (required) */
			appendStringInfo(&sql, "vbp.packs_to_units(%s::pg_catalog.int8, %s::vbp.drugcode)", lit[i], lit[product]);
		else if (strcmp(m->col[i]->name, "channel") == 0)
			/* the hospital's own spelling (医院, 药店) through the enumeration table */
			appendStringInfo(&sql, "vbp.translate_value('channel', %s::pg_catalog.text)", lit[i]);
		else if ((srctype == CASHOID || srctype == FLOAT4OID || srctype == FLOAT8OID) &&
				 strcmp(m->col[i]->type, "vbp.cny") == 0)
			/*
			 * an amount kept as money or as a binary fraction goes over as its
			 * own type, not as text (money's text carries a currency sign,
			 * a float's digits follow extra_float_digits): vbp.ledger_amount
			 * converts it, as vbp.capture_diff does
			 */
			appendStringInfo(&sql, "vbp.ledger_amount(%s::%s)", lit[i], format_type_be_qualified(srctype));
		else
			appendStringInfo(&sql, "%s::%s", lit[i], m->col[i]->type);
	}
	appendStringInfo(&sql, ") RETURNING %s, %s", m->id_column, m->date_column);

	/*
	 * No row limit (0): with a limit the executor stops at the RETURNING row
	 * before the INSERT node finishes, and the statement's AFTER STATEMENT
	 * triggers (the fulfilment counters) never fire.
	 */
	if (SPI_execute(sql.data, false, 0) != SPI_OK_INSERT_RETURNING || SPI_processed != 1)
		elog(ERROR, "vbp.capture: writing vbp.%s failed", m->target);
	id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	date = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

	types[0] = REGCLASSOID;
	types[1] = TEXTOID;
	types[2] = TEXTOID;
	types[3] = INT8OID;
	types[4] = DATEOID;
	values[0] = ObjectIdGetDatum(relid);
	values[1] = CStringGetTextDatum(key);
	values[2] = CStringGetTextDatum(m->target);
	values[3] = Int64GetDatum(id);
	values[4] = date;
	if (SPI_execute_with_args("INSERT INTO vbp.capture_link (source_table, source_key, target, target_id, target_date) "
							  "VALUES ($1, $2, $3, $4, $5)", 5, types, values, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "vbp.capture: writing vbp.capture_link failed");
}

/*
 * A role that is not the owner of vbp's ledgers may capture only rows of the
 * institutions it may write (vbp.may_write: a member of vbp_writer whose
 * tenant scope covers the institution), checked with its own rights before the
 * trigger writes as the owner (vbp_may_write: the scope read once a
 * transaction, not once a row).
 */
static void
authorize(CaptureMap *m, HeapTuple tuple, TupleDesc desc)
{
	char	   *org = NULL;
	int64		code;
	int			i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->col[i]->name, "org_code") == 0)
			org = SPI_getvalue(tuple, desc, m->src[i]);
	if (org == NULL)
		return;					/* NULL institution: the ledger's NOT NULL refuses it */
	/* a malformed code is refused as the ledger's column would refuse it (22P02) */
	code = DatumGetInt64(DirectFunctionCall1(pgvbp_orgcode_in, CStringGetDatum(org)));
	if (!vbp_may_write(code))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" may not write vbp.%s rows of institution %s",
						GetUserNameFromId(GetUserId(), false), m->target, org),
				 errdetail("A capturing role writes only the institutions its tenant scope covers, as a member of vbp_writer."),
				 errhint("The DBA runs vbp.grant_tenant(role, 'institution_writer', org_code => ...).")));
}

/*
 * Removes the ledger row linked to a source key, and the link; false if none.
 * *org is set to the institution of the ledger row removed (NULL if none).
 */
static bool
capture_delete(Oid relid, const char *key, char **org)
{
	Oid			types[2] = {REGCLASSOID, TEXTOID};
	Datum		values[2];
	bool		isnull;
	Datum		id,
				date;
	const char *sql;
	char	   *target;

	values[0] = ObjectIdGetDatum(relid);
	values[1] = CStringGetTextDatum(key);
	if (SPI_execute_with_args("DELETE FROM vbp.capture_link WHERE source_table = $1 AND source_key = $2 "
							  "RETURNING target, target_id, target_date", 2, types, values, NULL, false, 0)
		!= SPI_OK_DELETE_RETURNING)
		elog(ERROR, "vbp.capture: reading vbp.capture_link failed");
	*org = NULL;
	if (SPI_processed == 0)
		return false;
	target = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	id = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	date = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
	{
		Oid			t2[2] = {INT8OID, DATEOID};
		Datum		v2[2];

		/*
		 * The ledger the link names, not the trigger's present target: a
		 * trigger re-created with another target must not delete a row of the
		 * other ledger that happens to have the same id.
		 */
		v2[0] = id;
		v2[1] = date;
		if (strcmp(target, "purchase") == 0)
			sql = "DELETE FROM vbp.purchase WHERE purchase_id = $1 AND purchased_on = $2 RETURNING org_code::pg_catalog.text";
		else if (strcmp(target, "dispensing") == 0)
			sql = "DELETE FROM vbp.dispensing WHERE dispensing_id = $1 AND dispensed_on = $2 RETURNING org_code::pg_catalog.text";
		else
			elog(ERROR, "vbp.capture: link to unknown ledger \"%s\"", target);
		if (SPI_execute_with_args(sql, 2, t2, v2, NULL, false, 0) != SPI_OK_DELETE_RETURNING)
			elog(ERROR, "vbp.capture: removing the vbp.%s row failed", target);
		if (SPI_processed > 0)
			*org = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	}
	return true;
}

/*
 * Records a row the capture could not write (quarantine mode), as the ledger
 * owner but in the capturing role's name, so that role reads it.
 */
static void
quarantine(Oid owner, const char *table, const char *key, const char *who, ErrorData *edata)
{
	VbpSavedUser save;
	Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	StringInfoData reason;

	initStringInfo(&reason);
	appendStringInfoString(&reason, edata->message ? edata->message : "unknown error");
	if (edata->detail)
		appendStringInfo(&reason, ": %s", edata->detail);
	values[0] = CStringGetTextDatum(table);
	values[1] = key ? CStringGetTextDatum(key) : (Datum) 0;
	nulls[1] = key ? ' ' : 'n';
	values[2] = CStringGetTextDatum(reason.data);
	values[3] = CStringGetTextDatum(unpack_sql_state(edata->sqlerrcode));
	values[4] = CStringGetTextDatum(who);
	vbp_become_owner(owner, &save);
	if (SPI_execute_with_args("INSERT INTO vbp.load_reject (source, source_key, reason, sqlstate, rejected_by) "
							  "VALUES ($1, $2, $3, $4, $5::name)", 5, types, values, nulls, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "vbp.capture: writing vbp.load_reject failed");
	vbp_restore_user(&save);
	ereport(WARNING,
			(errcode(edata->sqlerrcode),
			 errmsg("vbp.capture quarantined %s row with key %s: %s", table, key ? key : "NULL", edata->message),
			 errdetail("The row is kept; vbp.load_reject records the problem, and the row is captured again when it is next updated.")));
}

/* The ledger work of one trigger call: the scope check, then as the owner. */
static void
capture_work(CaptureMap *m, TriggerData *td, TupleDesc desc,
			 const char *old_key, const char *new_key, Oid owner)
{
	Oid			relid = RelationGetRelid(td->tg_relation);
	VbpSavedUser save;
	bool		checked = !superuser() && GetUserId() != owner;
	char	   *removed_org = NULL;

	if (checked)
	{
		if (old_key != NULL)
			authorize(m, td->tg_trigtuple, desc);
		if (new_key != NULL)
			authorize(m, TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple, desc);
	}
	vbp_become_owner(owner, &save);
	if (old_key != NULL)
		(void) capture_delete(relid, old_key, &removed_org);
	if (new_key != NULL)
		capture_insert(m, TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple,
					   desc, relid, new_key);
	vbp_restore_user(&save);

	/*
	 * The ledger row the link named must be one the role may write too: the
	 * hospital's row may have been changed to name the role's institution
	 * while the ledger row it was captured as is another's (an UPDATE the
	 * quarantine let stand).  Refused, everything above rolls back.
	 */
	if (checked && removed_org != NULL &&
		!vbp_may_write(DatumGetInt64(DirectFunctionCall1(pgvbp_orgcode_in, CStringGetDatum(removed_org)))))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" may not remove vbp.%s rows of institution %s",
						GetUserNameFromId(GetUserId(), false), m->target, removed_org),
				 errdetail("The ledger row this table's row was captured as belongs to an institution the role's tenant scope does not cover."),
				 errhint("The DBA runs vbp.grant_tenant(role, 'institution_writer', org_code => ...).")));
}

/*
 * The ledger work in a subtransaction of its own: true when it was done; on
 * an error, rolled back, and false with the error in *edata.
 */
static bool
capture_work_sub(CaptureMap *m, TriggerData *td, TupleDesc desc,
				 const char *old_key, const char *new_key, Oid owner, ErrorData **edata)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	volatile bool done = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		capture_work(m, td, desc, old_key, new_key, owner);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(oldcontext);
		*edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
		done = false;
	}
	PG_END_TRY();
	return done;
}

/*
 * Quarantine mode: when the ledger work fails, it is rolled back, the
 * hospital's row stays, and the problem is recorded.  An UPDATE whose new row
 * failed: its old ledger row no longer stands for the hospital's row, so it
 * and its link go (where the role may not remove them either, they stay).
 */
static void
capture_quarantined(CaptureMap *m, TriggerData *td, TupleDesc desc, const char *table,
					const char *old_key, const char *new_key, Oid owner)
{
	const char *who = GetUserNameFromId(GetUserId(), false);
	ErrorData  *edata = NULL;

	if (capture_work_sub(m, td, desc, old_key, new_key, owner, &edata))
		return;
	quarantine(owner, table, new_key ? new_key : old_key, who, edata);
	FreeErrorData(edata);
	if (old_key != NULL && new_key != NULL &&
		!capture_work_sub(m, td, desc, old_key, NULL, owner, &edata))
		FreeErrorData(edata);
}

/*
 * A row's key as the link keeps it: the key column's text, with the settings a
 * date, time or floating-point key's text depends on fixed (ISO dates, UTC,
 * all float digits), so that a row is found again whatever the session that
 * deletes or updates it has set; vbp.capture_diff compares under the same.
 */
static char *
key_text(HeapTuple tuple, TupleDesc desc, int col)
{
	Oid			t = getBaseType(TupleDescAttr(desc, col - 1)->atttypid);
	int			level;
	char	   *v;

	if (t != DATEOID && t != TIMESTAMPOID && t != TIMESTAMPTZOID && t != TIMEOID &&
		t != TIMETZOID && t != INTERVALOID && t != FLOAT4OID && t != FLOAT8OID)
		return SPI_getvalue(tuple, desc, col);
	level = NewGUCNestLevel();
	(void) set_config_option("datestyle", "ISO, YMD", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("timezone", "UTC", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("intervalstyle", "postgres", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("extra_float_digits", "3", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	v = SPI_getvalue(tuple, desc, col);
	AtEOXact_GUC(true, level);
	return v;
}

PG_FUNCTION_INFO_V1(pgvbp_capture);
Datum
pgvbp_capture(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	CaptureMap	m;
	CaptureContext cc;
	Oid			owner;
	ErrorContextCallback callback;
	char	   *table;
	char	   *old_key = NULL,
			   *new_key = NULL;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("vbp.capture: not called as a trigger")));

	/*
	 * TRUNCATE removes the source rows without a row trigger, which would
	 * leave their ledger rows and links behind: attached BEFORE TRUNCATE ...
	 * FOR EACH STATEMENT, the trigger refuses it.
	 */
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("cannot truncate \"%s\", which vbp.capture keeps in step with vbp's ledger",
						RelationGetRelationName(td->tg_relation)),
				 errdetail("TRUNCATE fires no row trigger, so the captured ledger rows would stay behind."),
				 errhint("DELETE the rows instead, or drop the capture triggers first.")));
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_AFTER(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("vbp.capture must be an AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW trigger")));
	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	parse_map(td->tg_trigger, rel, &m);
	table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), RelationGetRelationName(rel));
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		old_key = key_text(td->tg_trigtuple, desc, m.key_col);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		new_key = key_text(td->tg_trigtuple, desc, m.key_col);
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		new_key = key_text(td->tg_newtuple, desc, m.key_col);

	cc.table = table;
	cc.key = new_key ? new_key : old_key;
	callback.callback = capture_error_context;
	callback.arg = &cc;
	callback.previous = error_context_stack;
	error_context_stack = &callback;

	if ((TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)) && new_key == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("vbp.capture: key column \"%s\" of \"%s\" is NULL", td->tg_trigger->tgargs[1],
						RelationGetRelationName(rel)),
				 errdetail("Every captured row needs a key to link it to its vbp.%s row.", m.target)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "vbp.capture: SPI_connect failed");
	owner = vbp_table_owner(m.target);
	if (m.quarantine)
		capture_quarantined(&m, td, desc, table, old_key, new_key, owner);
	else
		capture_work(&m, td, desc, old_key, new_key, owner);
	SPI_finish();
	error_context_stack = callback.previous;
	return PointerGetDatum(NULL);
}
