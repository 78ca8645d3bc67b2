/*
 * guard.c
 *		vbp.tracecode_guard(): the traceability-code guard (追溯码监管) for a
 *		hospital's own receiving and dispensing tables.
 *
 * Each code has a state in vbp.trace_code_state: received, dispensed (with
 * the units of a split pack sold), returned, exempt; and the count of its
 * receiving rows that stand (receipts), so that a cancelled duplicate receipt
 * does not free a code another receipt still holds.  A row of a watched
 * table is an event for its code: receive, dispense (units, or a whole pack),
 * return (a DELETE, a negative line, or the old code of a corrected row), or
 * a re-sync (an UPDATE that keeps the code at the same site).  Events that
 * break a rule are violations; vbp.trace_rule says, per rule set, whether a
 * violation rejects the statement, is alerted (vbp.trace_alert) or allowed.
 *
 * The trigger is either a row trigger (AFTER INSERT OR UPDATE OR DELETE FOR
 * EACH ROW; BEFORE works too) or a statement trigger with transition tables
 * (vbp.attach_tracecode_guard).  Either way the events go through one batch
 * engine: sort by code, lock the codes' states in code order (SELECT .. FOR
 * UPDATE), apply each code's events in order, insert the new codes (straight
 * into the table and its indexes, as COPY writes; a code whose key another
 * row holds is locked and recomputed, and after that through INSERT .. ON
 * CONFLICT DO NOTHING, which waits for a concurrent writer), update the
 * others, record alerts.  A statement's rows are
 * processed in batches of GUARD_BATCH rows, so memory stays bounded.
 *
 * Options (trigger arguments, key=value):
 *   event=dispense|receive   what the table records (default dispense)
 *   code=COL      the code column, vbp.tracecode or text (default trace_code)
 *   site=COL      the site (institution, pharmacy, department)
 *   when=COL      the date of the row (kept with the code, the alert's date)
 *   units=COL     units dispensed (split packs); absent: a whole pack
 *   drug=COL      the insurance drug code (串码, pack size)
 *   class=COL setting=COL stock=COL   matched against vbp.trace_exemption
 *   rules=NAME    rule set (default national)
 *   mode=reject|alert   overrides the rule set's reject or alert actions
 *   receiving=watched|none   none: receiving is not captured, no gate
 * The positional form (mode, code column, site column, when column) of
 * earlier versions still works, with receiving=none and missing codes allowed.
 */
#include "vbp_glue.h"

#include "access/genam.h"
#include "access/heapam.h"
#include "access/relation.h"
#include "access/htup_details.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/index.h"
#include "catalog/pg_class.h"
#include "executor/executor.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"
#include "utils/inval.h"
#include "utils/guc.h"

#include <math.h>

#define GUARD_BATCH 10000


/* violations, in the order of vbp.trace_rule's CHECK */
enum
{
	V_REPEAT_SALE,
	V_OTHER_SITE,
	V_NOT_RECEIVED,
	V_RECEIVED_TWICE,
	V_WRONG_DRUG,
	V_LATE_RETURN,
	V_MISSING_CODE,
	V_COUNT
};
static const char *const violation_name[V_COUNT] = {
	"repeat_sale", "other_site", "not_received", "received_twice",
	"wrong_drug", "late_return", "missing_code"
};

enum
{
	A_ALLOW, A_ALERT, A_REJECT
};

/* states */
enum
{
	S_NONE, S_RECEIVED, S_DISPENSED, S_RETURNED, S_EXEMPT
};
static const char *const state_name[] = {NULL, "received", "dispensed", "returned", "exempt"};

/* events */
typedef enum
{
	E_DISPENSE, E_RETURN, E_RECEIVE, E_UNRECEIVE
} EventKind;

typedef struct GuardOptions
{
	bool		receive;		/* event=receive */
	char	   *code,
			   *site,
			   *when,
			   *units,
			   *drug,
			   *cls,
			   *setting,
			   *stock;
	char	   *rules;
	int			mode;			/* -1: as the rule set says */
	bool		receiving_none;
	bool		missing_allow;
	/* column numbers, 0 when not given */
	int			code_col,
				site_col,
				when_col,
				units_col,
				drug_col,
				cls_col,
				setting_col,
				stock_col;
} GuardOptions;

typedef struct Event
{
	Datum		code;			/* vbp.tracecode; unused when missing */
	bool		missing;		/* the row has no code */
	int			seq;
	EventKind	kind;
	bool		whole;			/* units not given: a whole pack */
	int			units;
	bool		resync;			/* half of an UPDATE that keeps code and site */
	bool		moved;			/* a code one statement moves from an old row to a new one */
	bool		from_old;		/* made from an old row (DELETE, UPDATE) */
	bool		exempt;
	char	   *site,
			   *when,
			   *drug;
	bool		has_on;			/* when_value holds the when= column's value */
	Datum		when_value;		/* a date or timestamp: byval */
	char	   *code_text;
	uint64		key_hi,			/* the sort key: code_text's first 16 bytes */
				key_lo;
	char	   *product_id;		/* 7 digits or GTIN-14 */
} Event;

typedef struct CodeState
{
	bool		existed;		/* a row was read */
	bool		present;		/* a state after the events */
	int			state;
	char	   *site;
	int			units_out,
				units_total,
				sales,
				returns,
				violations,
				receipts;		/* receiving rows standing (入库次数) */
	double		dispensed_days; /* age of dispensed_at, days; 0 when new */
	int			received_at;	/* 0 keep, 1 now, 2 null */
	int			dispensed_at;
	bool		changed;
	char	   *first_table,
			   *first_when,
			   *first_at;
	bool		redo;			/* being read again under its lock (relock) */
} CodeState;

typedef struct Violation
{
	int			v;
	int			action;
	Event	   *ev;
	int			earlier_state;
	char	   *earlier_site;
	bool		same_site;
	int			units_out,
				units_total;
	int			attempt;
	char	   *code_drug;
	CodeState  *cs;
} Violation;

/*
 * Rules, read once and kept until a rule table changes: the statement
 * trigger vbp.trace_rules_changed() on vbp.trace_rule, vbp.trace_exemption,
 * vbp.parameter and vbp.trace_product sends a relcache invalidation of its
 * table, which reaches every backend (this one at once, the others when the
 * change commits), and rules_invalidate() forgets the rules.
 */
typedef struct Rules
{
	bool		valid;
	char		rule_set[NAMEDATALEN * 2];
	int			action[V_COUNT];
	double		window_days;
	int			escalate_after;
	bool		have_mapping;
	int			nexempt;
	char	  **exempt_kind;
	char	  **exempt_value;
} Rules;

static Rules rules;
static MemoryContext rules_cxt = NULL;
static bool rules_callback = false;
static Oid	rules_tables[4];
static uint64 rules_generation = 0;

static void
rules_invalidate(Datum arg, Oid relid)
{
	int			i;

	for (i = 0; i < 4; i++)
		if (relid == InvalidOid || relid == rules_tables[i])
		{
			rules.valid = false;
			rules_generation++;
		}
}

/* mapping of product identification codes and pack sizes of drugs, per batch */
typedef struct ProductInfo
{
	char	   *key;
	char	   *drug;
	int			units;
} ProductInfo;

/*
 * The texts a batch has made of one column's values, so that a value seen
 * again (a batch is mostly one site, a few days) is not formatted again and
 * its events share one string: a small open-addressed table by the value's
 * hash, emptied with the batch.
 */
#define MEMO_SLOTS 1024
#define MEMO_PROBES 8
typedef struct ColumnMemo
{
	Datum		value[MEMO_SLOTS];
	char	   *text[MEMO_SLOTS];	/* NULL: slot empty */
} ColumnMemo;

typedef struct Guard
{
	Relation	rel;
	TupleDesc	desc;
	char	   *table;
	GuardOptions opt;
	Oid			code_type;
	Oid			code_array;
	int16		code_len;
	bool		code_byval;
	FmgrInfo   *code_cmp;
	Oid			code_col_type;
	FmgrInfo	code_in;
	Oid			code_ioparam;
	FmgrInfo	code_out;
	FmgrInfo	col_out[8];		/* output functions by option column */
	int16		col_len[7];		/* their types' length and passing */
	bool		col_byval[7];
	ColumnMemo *memo[7];		/* the batch's texts of each column, by value */
	Oid			ledger_date_fn;
	bool		privileged;
	bool		hide_others;
	Oid			owner;			/* of vbp.trace_code_state: SPI work runs as it */
	const char *state_rel;		/* where the states are: vbp.trace_code_state, */
	const char *alert_rel;		/* ... or on Citus its shard beside the guarded one */
	VbpSavedUser save;
	int			nmap;
	ProductInfo *map;
	int			ndrug;
	ProductInfo *drugs;
	/* the batch */
	Event	   *ev;
	int			nev;
	int			cap;
	Violation  *viol;
	int			nviol;
	int			viol_cap;
	int			seq;
	MemoryContext batch_cxt;
} Guard;

/*
 * SPI plans, kept for the session; prepared again when the type or the
 * tables they write change (on Citus, the shards co-located with the
 * guarded shard)
 */
static Oid	plans_type = InvalidOid;
static char plans_target[NAMEDATALEN * 6];
static SPIPlanPtr plan_lock = NULL;
static SPIPlanPtr plan_insert = NULL;
static SPIPlanPtr plan_update = NULL;
static SPIPlanPtr plan_delete = NULL;
static SPIPlanPtr plan_alert = NULL;
static SPIPlanPtr plan_map = NULL;
static SPIPlanPtr plan_drug = NULL;

/*
 * Runs a kept plan.  SPI returns in its own procedure context; the batch's
 * allocations go on in the batch's context, which flush() resets.
 */
static int
spi_run(Guard *g, SPIPlanPtr plan, Datum *values, bool read_only)
{
	int			r = SPI_execute_plan(plan, values, NULL, read_only, 0);

	MemoryContextSwitchTo(g->batch_cxt);
	return r;
}

static SPIPlanPtr
prepare(const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, types);

	if (plan == NULL)
		elog(ERROR, "tracecode_guard: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "tracecode_guard: SPI_keepplan failed");
	return plan;
}

static void
prepare_plans(Guard *g)
{
	Oid			ca = g->code_array;
	char		target[NAMEDATALEN * 6];
	const char *st = g->state_rel,
			   *al = g->alert_rel;

	snprintf(target, sizeof(target), "%s %s", st, al);
	if (plans_type == g->code_type && plan_lock != NULL && strcmp(plans_target, target) == 0)
		return;
	if (plan_lock)
	{
		SPI_freeplan(plan_lock);
		SPI_freeplan(plan_insert);
		SPI_freeplan(plan_update);
		SPI_freeplan(plan_delete);
		SPI_freeplan(plan_alert);
		SPI_freeplan(plan_map);
		SPI_freeplan(plan_drug);
		plan_lock = plan_insert = plan_update = plan_delete = plan_alert = plan_map = plan_drug = NULL;
	}
	{
		Oid			t[] = {ca};

		plan_lock = prepare(psprintf("SELECT s.trace_code, s.state, s.site, s.units_out, s.units_total, s.sales, s.returns, "
							"s.violations, extract(epoch FROM pg_catalog.now() OPERATOR(pg_catalog.-) s.dispensed_at) "
							"OPERATOR(pg_catalog./) 86400.0, s.first_table, s.first_when, s.first_seen_at::pg_catalog.text, s.receipts "
							"FROM %s s WHERE s.trace_code OPERATOR(vbp.=) ANY ($1) "
							"ORDER BY s.trace_code USING OPERATOR(vbp.<) FOR UPDATE", st), 1, t);
	}
	{
		Oid			t[] = {ca, TEXTARRAYOID, TEXTARRAYOID, INT4ARRAYOID, INT4ARRAYOID, INT4ARRAYOID,
		INT4ARRAYOID, INT4ARRAYOID, INT4ARRAYOID, INT4ARRAYOID, INT4ARRAYOID, TEXTOID, TEXTARRAYOID};

		plan_insert = prepare(psprintf("INSERT INTO %s (trace_code, state, site, units_out, units_total, sales, "
							  "returns, violations, received_at, dispensed_at, receipts, first_table, first_when) "
							  "SELECT u.c, u.st, u.si, u.uo, u.ut, u.sa, u.re, u.vi, "
							  "CASE WHEN u.ra OPERATOR(pg_catalog.=) 1 THEN pg_catalog.now() END, "
							  "CASE WHEN u.da OPERATOR(pg_catalog.=) 1 THEN pg_catalog.now() END, u.rc, $12, u.fw "
							  "FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8), pg_catalog.unnest($9), pg_catalog.unnest($10), pg_catalog.unnest($11), pg_catalog.unnest($13)) "
							  "AS u(c, st, si, uo, ut, sa, re, vi, ra, da, rc, fw) "
							  "ON CONFLICT (trace_code) DO NOTHING RETURNING trace_code", st), 13, t);
		plan_update = prepare(psprintf("UPDATE %s s SET state = u.st, site = u.si, units_out = u.uo, "
							  "units_total = u.ut, sales = u.sa, returns = u.re, violations = u.vi, "
							  "received_at = CASE WHEN u.ra OPERATOR(pg_catalog.=) 0 THEN s.received_at WHEN u.ra OPERATOR(pg_catalog.=) 1 THEN pg_catalog.now() END, "
							  "dispensed_at = CASE WHEN u.da OPERATOR(pg_catalog.=) 0 THEN s.dispensed_at WHEN u.da OPERATOR(pg_catalog.=) 1 THEN pg_catalog.now() END, "
							  "receipts = u.rc, last_seen_at = pg_catalog.now() "
							  "FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8), pg_catalog.unnest($9), pg_catalog.unnest($10), pg_catalog.unnest($11)) "
							  "AS u(c, st, si, uo, ut, sa, re, vi, ra, da, rc) "
							  "WHERE s.trace_code OPERATOR(vbp.=) u.c", st), 11, t);
	}
	{
		Oid			t[] = {ca};

		plan_delete = prepare(psprintf("DELETE FROM %s WHERE trace_code OPERATOR(vbp.=) ANY ($1)", st), 1, t);
	}
	{
		Oid			t[] = {ca, TEXTARRAYOID, TEXTARRAYOID, INT4ARRAYOID, TEXTOID, TEXTARRAYOID, TEXTARRAYOID,
			DATEARRAYOID, INT4ARRAYOID, TEXTARRAYOID, TEXTARRAYOID, BOOLARRAYOID, INT4ARRAYOID, INT4ARRAYOID,
		TEXTARRAYOID, TEXTARRAYOID};

		plan_alert = prepare(psprintf("INSERT INTO %s (alert_id, trace_code, violation, level, attempt, seen_table, seen_where, "
							 "seen_when, seen_on, units, earlier_state, earlier_site, same_site, units_out, units_total, drug, code_drug) "
							 "SELECT pg_catalog.nextval('vbp.trace_alert_id_seq'::pg_catalog.regclass), u.c, u.v, u.l, u.a, $5, u.w, u.wh, COALESCE(u.o, CURRENT_DATE), "
							 "u.un, u.es, u.esi, u.ss, u.uo, u.ut, u.d, u.cd "
							 "FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8), pg_catalog.unnest($9), pg_catalog.unnest($10), pg_catalog.unnest($11), pg_catalog.unnest($12), pg_catalog.unnest($13), pg_catalog.unnest($14), pg_catalog.unnest($15), pg_catalog.unnest($16)) "
							 "AS u(c, v, l, a, w, wh, o, un, es, esi, ss, uo, ut, d, cd)", al), 16, t);
	}
	{
		Oid			t[] = {TEXTARRAYOID};

		plan_map = prepare("SELECT tp.product_id, tp.product_code::pg_catalog.text, "
						   "COALESCE(tp.units, p.units_per_pack) "
						   "FROM vbp.trace_product tp JOIN vbp.product p ON p.product_code OPERATOR(vbp.=) tp.product_code "
						   "WHERE tp.product_id OPERATOR(pg_catalog.=) ANY ($1)", 1, t);
		plan_drug = prepare("SELECT x.x, p.product_code::pg_catalog.text, p.units_per_pack "
							"FROM pg_catalog.unnest($1) AS x(x) "
							"JOIN vbp.product p ON p.product_code OPERATOR(vbp.=) vbp.parse_drugcode(x.x)", 1, t);
	}
	plans_type = g->code_type;
	strlcpy(plans_target, target, sizeof(plans_target));
}

/* ---------------------------------------------------------------------
 * options, rules
 * --------------------------------------------------------------------- */

static int
column(Relation rel, const char *name, const char *role)
{
	int			attnum = SPI_fnumber(RelationGetDescr(rel), name);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("tracecode_guard: %s column \"%s\" does not exist in table \"%s\"",
						role, name, RelationGetRelationName(rel)),
				 errhint("Name the columns in the trigger's options, e.g. 'code=drug_trace_no', 'site=dept_code'.")));
	return attnum;
}

static void
bad_options(Relation rel, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("tracecode_guard: invalid trigger arguments on table \"%s\"", RelationGetRelationName(rel)),
			 errdetail("%s", detail),
			 errhint("For example: EXECUTE FUNCTION vbp.tracecode_guard('code=drug_trace_no', 'site=org_code', 'when=settle_date', 'units=qty', 'drug=drug_code').")));
}

static void
parse_options(Guard *g, Trigger *trig)
{
	GuardOptions *o = &g->opt;
	char	  **args = trig->tgargs;
	int			n = trig->tgnargs;
	int			i;

	memset(o, 0, sizeof(*o));
	o->mode = -1;
	o->code = "trace_code";
	o->rules = "national";
	if (n > 0 && strchr(args[0], '=') == NULL)
	{
		/* the positional form: mode, code column, site column, when column */
		if (n > 4 || (strcmp(args[0], "reject") != 0 && strcmp(args[0], "alert") != 0))
			bad_options(g->rel, "The positional form is the mode ('reject' or 'alert'), then up to three column names; otherwise give key=value options.");
		o->mode = strcmp(args[0], "reject") == 0 ? A_REJECT : A_ALERT;
		if (n > 1 && args[1][0] != '\0')
			o->code = args[1];
		if (n > 2 && args[2][0] != '\0')
			o->site = args[2];
		if (n > 3 && args[3][0] != '\0')
			o->when = args[3];
		o->receiving_none = true;
		o->missing_allow = true;
	}
	else
	{
		for (i = 0; i < n; i++)
		{
			char	   *eq = strchr(args[i], '=');
			size_t		klen;
			char	   *v;

			if (eq == NULL)
				bad_options(g->rel, psprintf("Option %d (\"%s\") is not key=value.", i + 1, args[i]));
			klen = eq - args[i];
			v = eq + 1;
#define KEY(k) (klen == strlen(k) && strncmp(args[i], k, klen) == 0)
			if (KEY("event"))
			{
				if (strcmp(v, "dispense") == 0)
					o->receive = false;
				else if (strcmp(v, "receive") == 0)
					o->receive = true;
				else
					bad_options(g->rel, "The event is dispense or receive.");
			}
			else if (KEY("code"))
				o->code = v;
			else if (KEY("site") || KEY("where"))
				o->site = v;
			else if (KEY("when"))
				o->when = v;
			else if (KEY("units"))
				o->units = v;
			else if (KEY("drug"))
				o->drug = v;
			else if (KEY("class"))
				o->cls = v;
			else if (KEY("setting"))
				o->setting = v;
			else if (KEY("stock"))
				o->stock = v;
			else if (KEY("rules"))
				o->rules = v;
			else if (KEY("mode"))
			{
				if (strcmp(v, "reject") == 0)
					o->mode = A_REJECT;
				else if (strcmp(v, "alert") == 0)
					o->mode = A_ALERT;
				else
					bad_options(g->rel, "The mode is reject or alert (or leave it out: the rule set decides).");
			}
			else if (KEY("receiving"))
			{
				if (strcmp(v, "none") == 0)
					o->receiving_none = true;
				else if (strcmp(v, "watched") == 0)
					o->receiving_none = false;
				else
					bad_options(g->rel, "The receiving option is watched or none.");
			}
			else
				bad_options(g->rel, psprintf("Unknown option \"%.*s\"; the options are event, code, site, when, units, drug, class, setting, stock, rules, mode and receiving.",
											 (int) klen, args[i]));
#undef KEY
			if (*v == '\0')
				bad_options(g->rel, psprintf("Option \"%s\" has no value.", args[i]));
		}
	}
	o->code_col = column(g->rel, o->code, "code");
	if (o->site)
		o->site_col = column(g->rel, o->site, "site");
	if (o->when)
		o->when_col = column(g->rel, o->when, "when");
	if (o->units)
		o->units_col = column(g->rel, o->units, "units");
	if (o->drug)
		o->drug_col = column(g->rel, o->drug, "drug");
	if (o->cls)
		o->cls_col = column(g->rel, o->cls, "class");
	if (o->setting)
		o->setting_col = column(g->rel, o->setting, "setting");
	if (o->stock)
		o->stock_col = column(g->rel, o->stock, "stock");
}

/* Reads the rule set's actions, parameters and exemptions (once per transaction). */
static void
load_rules(const char *rule_set)
{
	uint64		generation;
	Oid			t[] = {TEXTOID};
	Datum		v[1];
	int			i;
	bool		seen[V_COUNT] = {false};
	MemoryContext old;

	if (!rules_callback)
	{
		CacheRegisterRelcacheCallback(rules_invalidate, (Datum) 0);
		rules_callback = true;
	}
	if (rules.valid && strcmp(rules.rule_set, rule_set) == 0)
		return;
	generation = rules_generation;
	{
		/* the tables whose invalidation drops the rules (a new extension: new tables) */
		Oid			nsp = get_namespace_oid("vbp", false);

		rules_tables[0] = get_relname_relid("trace_rule", nsp);
		rules_tables[1] = get_relname_relid("trace_exemption", nsp);
		rules_tables[2] = get_relname_relid("parameter", nsp);
		rules_tables[3] = get_relname_relid("trace_product", nsp);
	}
	if (rules_cxt == NULL)
		rules_cxt = AllocSetContextCreate(TopMemoryContext, "vbp tracecode_guard rules", ALLOCSET_SMALL_SIZES);
	MemoryContextReset(rules_cxt);
	rules.valid = false;
	v[0] = CStringGetTextDatum(rule_set);

	if (SPI_execute_with_args("SELECT violation, action FROM vbp.trace_rule WHERE rule_set OPERATOR(pg_catalog.=) $1",
							  1, t, v, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "tracecode_guard: reading vbp.trace_rule failed");
	for (i = 0; i < (int) SPI_processed; i++)
	{
		char	   *vn = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *an = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
		int			k;

		for (k = 0; k < V_COUNT; k++)
			if (strcmp(vn, violation_name[k]) == 0)
			{
				seen[k] = true;
				rules.action[k] = strcmp(an, "reject") == 0 ? A_REJECT : strcmp(an, "alert") == 0 ? A_ALERT : A_ALLOW;
			}
	}
	for (i = 0; i < V_COUNT; i++)
		if (!seen[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown traceability-code rule set \"%s\"", rule_set),
					 errdetail(SPI_processed == 0 ? "vbp.trace_rule has no rows for rule set \"%s\"."
							   : "vbp.trace_rule has no row for violation \"%s\" in rule set \"%s\".",
							   SPI_processed == 0 ? rule_set : violation_name[i], rule_set),
					 errhint("Copy the national rules: SELECT vbp.copy_rule_set('vbp.trace_rule', 'national', '%s').", rule_set)));

	/* the one parameter lookup: fails loudly on an unknown rule set or name */
	if (SPI_execute_with_args("SELECT vbp.param($1, 'trace_undo_window_days')::pg_catalog.float8, "
							  "vbp.param($1, 'trace_escalate_after')::pg_catalog.int4, "
							  "EXISTS (SELECT FROM vbp.trace_product)",
							  1, t, v, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "tracecode_guard: reading the parameters failed");
	{
		bool		isnull;

		rules.window_days = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		rules.escalate_after = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
		rules.have_mapping = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	}

	if (SPI_execute_with_args("SELECT kind, value FROM vbp.trace_exemption WHERE rule_set OPERATOR(pg_catalog.=) $1",
							  1, t, v, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "tracecode_guard: reading vbp.trace_exemption failed");
	old = MemoryContextSwitchTo(rules_cxt);
	rules.nexempt = (int) SPI_processed;
	rules.exempt_kind = palloc0(sizeof(char *) * (rules.nexempt + 1));
	rules.exempt_value = palloc0(sizeof(char *) * (rules.nexempt + 1));
	for (i = 0; i < rules.nexempt; i++)
	{
		rules.exempt_kind[i] = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		rules.exempt_value[i] = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
	}
	MemoryContextSwitchTo(old);
	strlcpy(rules.rule_set, rule_set, sizeof(rules.rule_set));

	/*
	 * Kept for later transactions only when read from a fresh snapshot
	 * (READ COMMITTED; a REPEATABLE READ transaction reads its own, possibly
	 * older, rules each time) and when no change arrived while reading.
	 */
	rules.valid = !IsolationUsesXactSnapshot() && generation == rules_generation;
}

static bool
exempt_match(const char *kind, const char *value)
{
	int			i;

	if (value == NULL)
		return false;
	for (i = 0; i < rules.nexempt; i++)
		if (strcmp(rules.exempt_kind[i], kind) == 0)
		{
			if (strcmp(kind, "drug") == 0
				? strncmp(value, rules.exempt_value[i], strlen(rules.exempt_value[i])) == 0
				: strcmp(value, rules.exempt_value[i]) == 0)
				return true;
		}
	return false;
}

static int
action_of(Guard *g, int v)
{
	int			a = rules.action[v];

	if (g->opt.mode == A_REJECT && a == A_ALERT)
		return A_REJECT;
	if (g->opt.mode == A_ALERT && a == A_REJECT)
		return A_ALERT;
	return a;
}

/* ---------------------------------------------------------------------
 * reading rows into events
 * --------------------------------------------------------------------- */

/*
 * A site as the guard keeps it: an institution code in its canonical
 * spelling (upper case, no blanks), so that one institution is one site
 * however a row spells it; any other site (a department) as written.
 */
static char *
site_text(char *s)
{
	int64_t		org;
	vbp_error	err;
	char		buf[32];

	if (s == NULL || vbp_orgcode_parse(s, strlen(s), &org, &err) != VBP_OK)
		return s;
	vbp_orgcode_format(org, buf);
	return strcmp(buf, s) == 0 ? s : pstrdup(buf);
}

static char *col_text_memo(Guard *g, Datum d, int which);

enum
{
	C_SITE, C_WHEN, C_UNITS, C_DRUG, C_CLASS, C_SETTING, C_STOCK
};

static char *
col_text(Guard *g, TupleTableSlot *slot, int attnum, int which)
{
	bool		isnull;
	Datum		d;

	if (attnum <= 0)
		return NULL;
	d = slot_getattr(slot, attnum, &isnull);
	if (isnull)
		return NULL;
	if (which == C_SITE)
		return site_text(col_text_memo(g, d, which));
	return col_text_memo(g, d, which);
}

/* The text of a column's value, looked up by value in the batch's memo. */
static char *
col_text_memo(Guard *g, Datum d, int which)
{
	ColumnMemo *m;
	uint32		h;
	int			k;

	if (g->nev < 16)			/* a row or a few: no table */
		return OutputFunctionCall(&g->col_out[which], d);
	if (g->col_byval[which])
		h = hash_bytes_uint32((uint32) d ^ (uint32) ((uint64) d >> 32));
	else if (g->col_len[which] == -1)
	{
		struct varlena *v = (struct varlena *) DatumGetPointer(d);

		if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
			return OutputFunctionCall(&g->col_out[which], d);
		h = hash_bytes((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	}
	else
		return OutputFunctionCall(&g->col_out[which], d);
	if (g->memo[which] == NULL)
		g->memo[which] = palloc0(sizeof(ColumnMemo));	/* in the batch's memory */
	m = g->memo[which];
	/* linear probing over a few slots; a full run gives its first slot up */
	for (int p = 0; p < MEMO_PROBES; p++)
	{
		k = (h + p) % MEMO_SLOTS;
		if (m->text[k] == NULL)
			break;
		if (datumIsEqual(m->value[k], d, g->col_byval[which], g->col_len[which]))
			return m->text[k];
		if (p == MEMO_PROBES - 1)
			k = h % MEMO_SLOTS;
	}
	m->text[k] = OutputFunctionCall(&g->col_out[which], d);
	m->value[k] = datumCopy(d, g->col_byval[which], g->col_len[which]);
	return m->text[k];
}

static void
init_columns(Guard *g)
{
	int			cols[7];
	int			i;

	cols[C_SITE] = g->opt.site_col;
	cols[C_WHEN] = g->opt.when_col;
	cols[C_UNITS] = g->opt.units_col;
	cols[C_DRUG] = g->opt.drug_col;
	cols[C_CLASS] = g->opt.cls_col;
	cols[C_SETTING] = g->opt.setting_col;
	cols[C_STOCK] = g->opt.stock_col;
	for (i = 0; i < 7; i++)
		if (cols[i] > 0)
		{
			Oid			fn;
			bool		varlena;

			getTypeOutputInfo(TupleDescAttr(g->desc, cols[i] - 1)->atttypid, &fn, &varlena);
			fmgr_info(fn, &g->col_out[i]);
			get_typlenbyval(TupleDescAttr(g->desc, cols[i] - 1)->atttypid, &g->col_len[i], &g->col_byval[i]);
		}
	g->code_col_type = TupleDescAttr(g->desc, g->opt.code_col - 1)->atttypid;
	if (g->code_col_type != g->code_type)
	{
		Oid			fn;
		bool		varlena;

		getTypeOutputInfo(g->code_col_type, &fn, &varlena);
		fmgr_info(fn, &g->col_out[7]);
	}
	g->ledger_date_fn = InvalidOid;
	if (g->opt.when_col > 0)
	{
		Oid			wt = TupleDescAttr(g->desc, g->opt.when_col - 1)->atttypid;

		if (wt == DATEOID || wt == TIMESTAMPOID || wt == TIMESTAMPTZOID)
			g->ledger_date_fn = LookupFuncName(list_make2(makeString("vbp"), makeString("ledger_date")), 1, &wt, true);
	}
}

static Event *
new_event(Guard *g)
{
	if (g->nev == g->cap)
	{
		g->cap = g->cap ? g->cap * 2 : 64;
		g->ev = g->ev ? repalloc(g->ev, sizeof(Event) * g->cap) : palloc(sizeof(Event) * g->cap);
	}
	memset(&g->ev[g->nev], 0, sizeof(Event));
	g->ev[g->nev].seq = g->seq++;
	return &g->ev[g->nev++];
}

/* Bytes from..from+7 of a text of len bytes, big-endian, zeros past its end. */
static uint64
text_prefix(const char *s, int len, int from)
{
	uint64		v = 0;
	int			i;

	for (i = from; i < from + 8; i++)
		v = (v << 8) | (i < len ? (unsigned char) s[i] : 0);
	return v;
}

/* The product identification of a code from its canonical text: 7 digits, or GTIN-14. */
static char *
product_id_of(const char *text)
{
	if (text[0] == '(')
		return pnstrdup(text + 4, 14);	/* "(01)" + 14 digits */
	return pnstrdup(text, 7);
}

/*
 * A writer that is not vbp's owner records codes only for the institutions it
 * may write: the site of each row it writes (or removes) is an institution
 * code that vbp.may_write() accepts (vbp_may_write: the writer's scope read
 * with its own rights, once a transaction), as vbp.capture asks for the rows
 * it captures.  Otherwise a hospital's role could name another institution in
 * its own table and sell, return or receive that institution's codes.
 */
static void
check_site(Guard *g, const char *site)
{
	Oid			user = GetUserId();
	int64_t		org;
	vbp_error	err;

	if (site == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" must name the institution of every row it writes to %s",
						GetUserNameFromId(user, false), g->table),
				 errdetail("A role that is not vbp's owner records traceability codes only for the institutions its tenant scope lets it write; this row has no site."),
				 errhint("Name the site column in the guard's options (site=COL) and fill it with the institution code (定点医药机构代码).")));
	if (vbp_orgcode_parse(site, strlen(site), &org, &err) != VBP_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" may not record traceability codes at site \"%s\"",
						GetUserNameFromId(user, false), site),
				 errdetail("A role that is not vbp's owner records codes only for the institutions its tenant scope lets it write, and the site is not an institution code (定点医药机构代码)."),
				 errhint("Fill the site column with the institution code; departments and pharmacies of one institution share its code.")));
	if (!vbp_may_write(org))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" may not record traceability codes of institution %s",
						GetUserNameFromId(user, false), site),
				 errdetail("A role that is not vbp's owner records codes only for the institutions its tenant scope lets it write, as a member of vbp_writer."),
				 errhint("The DBA runs vbp.grant_tenant(role, 'institution_writer', org_code => ...).")));
}

/*
 * One row as an event; returns false (and makes none) for a row without a
 * code that is not a missing-code violation.  sign: +1 a new row, -1 an old one.
 */
static Event *
row_event(Guard *g, TupleTableSlot *slot, int sign)
{
	bool		isnull;
	Datum		d = slot_getattr(slot, g->opt.code_col, &isnull);
	Event	   *e;
	char	   *units;
	char	   *cls,
			   *setting,
			   *stock;

	e = new_event(g);
	e->from_old = sign < 0;
	e->site = col_text(g, slot, g->opt.site_col, C_SITE);
	if (!g->privileged)
		check_site(g, e->site);
	e->when = col_text(g, slot, g->opt.when_col, C_WHEN);
	e->drug = col_text(g, slot, g->opt.drug_col, C_DRUG);
	cls = col_text(g, slot, g->opt.cls_col, C_CLASS);
	setting = col_text(g, slot, g->opt.setting_col, C_SETTING);
	stock = col_text(g, slot, g->opt.stock_col, C_STOCK);
	e->exempt = exempt_match("class", cls) || exempt_match("setting", setting) ||
		exempt_match("stock", stock) || exempt_match("drug", e->drug);
	units = col_text(g, slot, g->opt.units_col, C_UNITS);
	e->whole = true;
	if (units != NULL && units[strspn(units, " \t\r\n")] != '\0')
	{
		char	   *end;
		double		u = strtod(units, &end);

		/*
		 * a number, blanks around it allowed; an empty value is a whole pack,
		 * anything else is refused rather than guessed
		 */
		if (end == units || end[strspn(end, " \t\r\n")] != '\0')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid units value \"%s\" in %s", units, g->table),
					 errdetail("The guard's units column (units=%s) holds the units a row sells or returns, a number; it is empty for a whole pack.",
							   g->opt.units),
					 errhint("Fix the row's units, or leave them empty to sell a whole pack.")));
		if (!isfinite(u))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("units value \"%s\" in %s is not a finite number", units, g->table),
					 errdetail("The guard's units column (units=%s) holds the units a row sells or returns; NaN and infinity are not a count.",
							   g->opt.units),
					 errhint("Fix the row's units, or leave them empty to sell a whole pack.")));
		{
			/*
			 * a part of a unit uses a unit; a negative line returns; a line
			 * of 0 units sells none (a voided line)
			 */
			double		c = ceil(fabs(u));

			e->whole = false;
			e->units = c > 1e9 ? 1000000000 : (int) c;
			if (u < 0)
				sign = -sign;
		}
	}
	if (g->opt.receive)
		e->kind = sign > 0 ? E_RECEIVE : E_UNRECEIVE;
	else
		e->kind = sign > 0 ? E_DISPENSE : E_RETURN;
	if (g->ledger_date_fn != InvalidOid && g->opt.when_col > 0)
	{
		/* a date or timestamp (by value): made a ledger date only for an alert */
		e->when_value = slot_getattr(slot, g->opt.when_col, &isnull);
		e->has_on = !isnull;
	}
	{
		bool		cnull;
		Datum		c = slot_getattr(slot, g->opt.code_col, &cnull);

		d = c;
		isnull = cnull;
	}
	if (isnull)
	{
		e->missing = true;
		return e;
	}
	if (g->code_col_type == g->code_type)
		e->code = datumCopy(d, g->code_byval, g->code_len);
	else
	{
		char	   *raw = OutputFunctionCall(&g->col_out[7], d);

		e->code = InputFunctionCall(&g->code_in, raw, g->code_ioparam, -1);
	}
	e->code_text = OutputFunctionCall(&g->code_out, e->code);
	{
		int			len = (int) strlen(e->code_text);

		e->key_hi = text_prefix(e->code_text, len, 0);
		e->key_lo = text_prefix(e->code_text, len, 8);
	}
	e->product_id = product_id_of(e->code_text);
	return e;
}

/* ---------------------------------------------------------------------
 * the batch
 * --------------------------------------------------------------------- */

static Guard *sort_guard;

/*
 * The sort key of an event: events without a code last, then the codes in the
 * byte order of their canonical text (the type's order, doc/types.md), then
 * arrival.  The text's first 16 bytes, big-endian, decide almost every
 * comparison without reaching the event; the keys are sorted, not the events.
 */
typedef struct EventKey
{
	uint64		hi,
				lo;
	int32		missing;
	int32		phase;
	int32		seq;
	Event	   *e;
} EventKey;

static inline int
event_key_cmp(const void *a, const void *b)
{
	const EventKey *x = a,
			   *y = b;

	if (x->missing != y->missing)
		return x->missing ? 1 : -1;
	if (!x->missing)
	{
		if (x->hi != y->hi)
			return x->hi < y->hi ? -1 : 1;
		if (x->lo != y->lo)
			return x->lo < y->lo ? -1 : 1;
		{
			int			c = strcmp(x->e->code_text, y->e->code_text);

			if (c != 0)
				return c;
		}
	}
	if (x->phase != y->phase)
		return x->phase < y->phase ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq ? 1 : 0);
}

/* the keys sorted with the comparison inlined (lib/sort_template.h, PostgreSQL 14 on) */
#if PG_VERSION_NUM >= 140000
#define ST_SORT sort_event_keys
#define ST_ELEMENT_TYPE EventKey
#define ST_COMPARE(a, b) event_key_cmp(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"
#else
#define sort_event_keys(k, n) qsort(k, n, sizeof(EventKey), event_key_cmp)
#endif

/* Sorts the batch's events by event_key_cmp. */
static void
sort_events(Guard *g)
{
	int			n = g->nev;
	EventKey   *k = palloc(sizeof(EventKey) * (n + 1));
	Event	   *sorted;
	int			i;

	for (i = 0; i < n; i++)
	{
		Event	   *e = &g->ev[i];

		k[i].e = e;
		k[i].seq = e->seq;
		/*
		 * a statement's old rows go before its new ones: a code an UPDATE
		 * moves from one line to another (two lines' codes swapped) is
		 * returned by its old line before the new line sells it; the halves
		 * of a re-sync stay together, in row order
		 */
		k[i].phase = (e->from_old && !e->resync && (e->kind == E_RETURN || e->kind == E_UNRECEIVE)) ? 0 : 1;
		k[i].missing = e->missing;
		k[i].hi = e->missing ? 0 : e->key_hi;
		k[i].lo = e->missing ? 0 : e->key_lo;
	}
	sort_event_keys(k, n);
	sorted = palloc(sizeof(Event) * (n + 1));
	for (i = 0; i < n; i++)
		sorted[i] = *k[i].e;
	pfree(k);
	pfree(g->ev);
	g->ev = sorted;
	g->cap = n + 1;
}

static int
datum_cmp(const void *a, const void *b)
{
	return DatumGetInt32(FunctionCall2Coll(sort_guard->code_cmp, InvalidOid, *(const Datum *) a, *(const Datum *) b));
}

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
info_cmp(const void *a, const void *b)
{
	return strcmp(((const ProductInfo *) a)->key, ((const ProductInfo *) b)->key);
}

static int
text_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static ProductInfo *
find_info(ProductInfo *arr, int n, const char *key)
{
	ProductInfo probe;

	if (key == NULL || n == 0)
		return NULL;
	probe.key = (char *) key;
	return bsearch(&probe, arr, n, sizeof(ProductInfo), info_cmp);
}

static Datum
text_array(char **vals, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * (n + 1));
	bool	   *nulls = palloc(sizeof(bool) * (n + 1));
	int			dims[1] = {n};
	int			lbs[1] = {1};
	int			i;

	for (i = 0; i < n; i++)
	{
		nulls[i] = vals[i] == NULL;
		d[i] = vals[i] ? CStringGetTextDatum(vals[i]) : (Datum) 0;
	}
	return PointerGetDatum(construct_md_array(d, nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
int_array(int *vals, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * (n + 1));
	int			i;

	for (i = 0; i < n; i++)
		d[i] = Int32GetDatum(vals[i]);
	return PointerGetDatum(construct_array(d, n, INT4OID, 4, true, TYPALIGN_INT));
}

static Datum
code_array(Guard *g, Datum *vals, bool *nulls, int n)
{
	int16		len;
	bool		byval;
	char		align;
	int			dims[1] = {n};
	int			lbs[1] = {1};

	get_typlenbyvalalign(g->code_type, &len, &byval, &align);
	return PointerGetDatum(construct_md_array(vals, nulls, 1, dims, lbs, g->code_type, len, byval, align));
}

/*
 * Runs plan (plan_map or plan_drug) for keys[0..nk-1]; its rows are the key,
 * the drug code and the units, returned sorted by key for find_info.
 */
static ProductInfo *
read_infos(Guard *g, SPIPlanPtr plan, char **keys, int nk, int *n, const char *what)
{
	Datum		v[1];
	ProductInfo *info;
	int			i;

	*n = 0;
	if (nk == 0)
		return NULL;
	v[0] = text_array(keys, nk);
	if (spi_run(g, plan, v, true) != SPI_OK_SELECT)
		elog(ERROR, "tracecode_guard: reading %s failed", what);
	*n = (int) SPI_processed;
	info = palloc(sizeof(ProductInfo) * (*n + 1));
	for (i = 0; i < *n; i++)
	{
		bool		isnull;

		info[i].key = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		info[i].drug = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
		info[i].units = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 3, &isnull));
	}
	SPI_freetuptable(SPI_tuptable);
	qsort(info, *n, sizeof(ProductInfo), info_cmp);
	return info;
}

/* Looks up the product identification codes and drugs the batch names. */
static void
load_products(Guard *g, int first, int n)
{
	char	  **keys = palloc(sizeof(char *) * (n + 1));
	int			nk = 0,
				i;

	g->nmap = g->ndrug = 0;
	if (rules.have_mapping)
	{
		/* the events are sorted by code, so equal identification codes are adjacent */
		for (i = first; i < first + n; i++)
			if (!g->ev[i].missing && g->ev[i].kind != E_RETURN &&
				(nk == 0 || strcmp(keys[nk - 1], g->ev[i].product_id) != 0))
				keys[nk++] = g->ev[i].product_id;
		g->map = read_infos(g, plan_map, keys, nk, &g->nmap, "vbp.trace_product");
	}
	if (g->opt.drug_col > 0)
	{
		/* every drug text named, each once */
		int			nu = 0;

		nk = 0;
		for (i = first; i < first + n; i++)
			if (g->ev[i].drug != NULL)
				keys[nk++] = g->ev[i].drug;
		qsort(keys, nk, sizeof(char *), text_ptr_cmp);
		for (i = 0; i < nk; i++)
			if (nu == 0 || strcmp(keys[nu - 1], keys[i]) != 0)
				keys[nu++] = keys[i];
		nk = nu;
		g->drugs = read_infos(g, plan_drug, keys, nk, &g->ndrug, "vbp.product");
	}
}

static void
add_violation(Guard *g, int v, Event *e, CodeState *cs, int earlier_state, const char *earlier_site,
			  int units_out, const char *code_drug)
{
	Violation  *x;
	int			a = action_of(g, v);

	if (a == A_ALLOW && cs == NULL)
		return;
	if (g->nviol == g->viol_cap)
	{
		g->viol_cap = g->viol_cap ? g->viol_cap * 2 : 16;
		g->viol = g->viol ? repalloc(g->viol, sizeof(Violation) * g->viol_cap) : palloc(sizeof(Violation) * g->viol_cap);
	}
	if (cs)
		cs->violations++;
	if (a == A_ALLOW)
		return;
	x = &g->viol[g->nviol++];
	x->v = v;
	x->action = a;
	x->ev = e;
	x->cs = cs;
	x->earlier_state = earlier_state;
	x->earlier_site = earlier_site ? pstrdup(earlier_site) : NULL;
	x->same_site = same_text(earlier_site, e->site);
	x->units_out = units_out;
	x->units_total = cs ? cs->units_total : 0;
	x->attempt = cs ? cs->violations : 1;
	x->code_drug = code_drug ? pstrdup(code_drug) : NULL;
}

/* Applies one code's events (ev[0..n-1], in order) to its state. */
static void
apply_events(Guard *g, CodeState *cs, Event *ev, int n)
{
	int			i;
	int			resync_base = -1;	/* units out before a re-sync's return half */

	/*
	 * A code a statement takes off one row and puts on another at the same
	 * site (two lines' codes swapped, a scan corrected): the old row's return
	 * and the new row's sale are one package staying where it is, not a
	 * return and a second sale.  The old rows' returns come first (sort_events).
	 */
	if (n > 1)
		for (i = 0; i < n; i++)
		{
			Event	   *r = &ev[i];

			if (r->kind != E_RETURN || !r->from_old || r->resync || r->moved || r->exempt)
				continue;
			for (int j = i + 1; j < n; j++)
			{
				Event	   *d = &ev[j];

				if (d->kind == E_DISPENSE && !d->from_old && !d->resync && !d->moved && !d->exempt &&
					same_text(d->site, r->site))
				{
					r->moved = d->moved = true;
					break;
				}
			}
		}
	for (i = 0; i < n; i++)
	{
		Event	   *e = &ev[i];
		int			before = cs->present ? cs->state : S_NONE;
		char	   *site_before = cs->present ? cs->site : NULL;
		int			out_before = cs->units_out;

		switch (e->kind)
		{
			case E_RECEIVE:
				if (!cs->present)
				{
					ProductInfo *m = rules.have_mapping ? find_info(g->map, g->nmap, e->product_id) : NULL;
					ProductInfo *dr = find_info(g->drugs, g->ndrug, e->drug);

					cs->present = true;
					cs->state = S_RECEIVED;
					cs->site = e->site;
					cs->units_out = 0;
					cs->units_total = m ? m->units : (dr ? dr->units : 1);
					cs->received_at = 1;
					cs->dispensed_at = 2;
					cs->receipts = 1;
					if (!cs->existed)
					{
						cs->first_when = e->when;
					}
				}
				else
				{
					/*
					 * every receiving row counts, a duplicate too (alerted or
					 * allowed): cancelling it takes back its own receipt, not
					 * the first one
					 */
					cs->receipts = (int) Min((int64) cs->receipts + 1, (int64) PG_INT32_MAX);
					/*
					 * the code stays with the site that received it first; the
					 * new half of a re-sent receiving line (its old half took
					 * its receipt back) is no second receipt
					 */
					if (!e->resync)
						add_violation(g, V_RECEIVED_TWICE, e, cs, before, site_before, out_before, NULL);
				}
				cs->changed = true;
				break;

			case E_UNRECEIVE:
				if (!cs->present)
					break;
				/*
				 * a cancelled receiving row takes back one receipt; the code
				 * leaves the store when none is left, nothing of it was sold
				 * and the row was at the site holding it.  The old half of a
				 * re-sent line only takes its receipt back: its new half
				 * gives it again.
				 */
				if (cs->receipts > 0)
				{
					cs->receipts--;
					cs->changed = true;
				}
				if (!e->resync && cs->receipts == 0 && cs->state == S_RECEIVED && cs->sales == 0 &&
					same_text(cs->site, e->site))
				{
					cs->present = false;
					cs->changed = true;
				}
				break;

			case E_DISPENSE:
				{
					ProductInfo *m = rules.have_mapping ? find_info(g->map, g->nmap, e->product_id) : NULL;
					ProductInfo *dr = find_info(g->drugs, g->ndrug, e->drug);
					int			cap = m ? m->units : (dr ? dr->units : 1);
					int			u;

					/* a move counts as the sale it is when the code was not held */
					if (!e->resync && (!e->moved || !cs->present))
						cs->sales++;
					cs->changed = true;
					if (e->exempt)
					{
						if (!cs->present)
						{
							cs->present = true;
							cs->state = S_EXEMPT;
							cs->site = e->site;
							cs->units_total = cap;
							cs->dispensed_at = 1;
							cs->received_at = 0;
							if (!cs->existed)
								cs->first_when = e->when;
						}
						break;
					}
					/* the row's drug as vbp.product spells it (padding and case aside) */
					if (m != NULL && e->drug != NULL && strcmp(m->drug, dr ? dr->drug : e->drug) != 0)
						add_violation(g, V_WRONG_DRUG, e, cs, before, site_before, out_before, m->drug);
					if (!cs->present)
					{
						cs->present = true;
						cs->state = S_DISPENSED;
						cs->site = e->site;
						cs->units_total = cap;
						cs->units_out = 0;
						cs->dispensed_at = 1;
						cs->received_at = 0;
						if (!cs->existed)
							cs->first_when = e->when;
						if (!g->opt.receiving_none && !e->resync)
							add_violation(g, V_NOT_RECEIVED, e, cs, S_NONE, NULL, 0, NULL);
						u = e->whole ? cs->units_total : e->units;
						if (u > cs->units_total)
							add_violation(g, V_REPEAT_SALE, e, cs, before, site_before, out_before, NULL);
					}
					else
					{
						/*
						 * the exemption covers its row, not the code: a code
						 * an exempt row brought in was never received
						 */
						if (cs->state == S_EXEMPT && !g->opt.receiving_none && !e->resync && !e->moved)
							add_violation(g, V_NOT_RECEIVED, e, cs, before, site_before, out_before, NULL);
						if (cs->units_out == 0 && cap > cs->units_total)
							cs->units_total = cap;
						u = e->whole ? cs->units_total : e->units;
						/* the code stays with its site: a sale elsewhere does not move it */
						if (!same_text(cs->site, e->site) && !e->resync)
							add_violation(g, V_OTHER_SITE, e, cs, before, site_before, out_before, NULL);
						else if ((int64) cs->units_out + u > cs->units_total &&
								 /* a re-sync sells more than its line did before, or it is no sale */
								 !(e->resync && resync_base >= 0 && (int64) cs->units_out + u <= resync_base))
							add_violation(g, V_REPEAT_SALE, e, cs, before, site_before, out_before, NULL);
						/* the undo window counts from the latest sale */
						cs->state = S_DISPENSED;
						if (!e->resync && !e->moved)
						{
							cs->dispensed_at = 1;
							cs->dispensed_days = 0;
						}
					}
					cs->units_out = (int) Min((int64) cs->units_out + u, (int64) PG_INT32_MAX);
					resync_base = -1;
				}
				break;

			case E_RETURN:
				if (!cs->present)
					break;
				if (cs->state == S_EXEMPT || e->exempt)
				{
					/* an exempt row sold no unit of the pack: it gives none back */
					if (!e->resync && !e->moved)
						cs->returns++;
					cs->changed = true;
					break;
				}
				if (cs->state != S_DISPENSED)
					break;
				{
					/*
					 * a whole-pack row gives back one pack: a pack sold twice
					 * (alerted, or allowed) stays sold once when one of its
					 * rows is cancelled
					 */
					int			u = Min(e->whole ? cs->units_total : e->units, cs->units_out);

					if (e->resync)
						resync_base = cs->units_out;
					if (e->moved)
					{
						/* the package stays at its site: the new row's sale takes it back */
						cs->units_out -= u;
						cs->changed = true;
						break;
					}
					if (!e->resync && (!same_text(cs->site, e->site) || cs->dispensed_days > rules.window_days))
						add_violation(g, V_LATE_RETURN, e, cs, before, site_before, out_before, NULL);
					else if (e->resync && i + 1 < n && ev[i + 1].resync && ev[i + 1].kind == E_DISPENSE &&
							 !ev[i + 1].exempt &&
							 (ev[i + 1].whole ? cs->units_total : ev[i + 1].units) < u)
					{
						/*
						 * an UPDATE of the same line that sells fewer units
						 * (its next half) returns the difference: the same
						 * window as a return line, and counted as a return
						 */
						if (cs->dispensed_days > rules.window_days)
							add_violation(g, V_LATE_RETURN, e, cs, before, site_before, out_before, NULL);
						cs->returns++;
					}
					cs->units_out -= u;
					if (!e->resync)
						cs->returns++;
					if (cs->units_out == 0 && !e->resync)
					{
						cs->state = S_RETURNED;
						cs->dispensed_at = 2;
					}
					cs->changed = true;
				}
				break;
		}
	}
}

static void
raise_violation(Guard *g, Violation *x)
{
	Event	   *e = x->ev;
	CodeState  *cs = x->cs;
	const char *code = e->code_text ? e->code_text : "(none)";
	const char *site = x->earlier_site;
	const char *first_table = cs ? cs->first_table : NULL;
	const char *first_when = cs ? cs->first_when : NULL;
	const char *first_at = cs ? cs->first_at : NULL;
	bool		hidden = false;
	const char *recorded;
	int			sqlstate = ERRCODE_CHECK_VIOLATION;
	char	   *msg;
	char	   *detail;
	const char *hint = NULL;
	int			others = 0,
				i;

	/* the other rows refused: each counted once, however many rules it breaks */
	for (i = 0; i < g->nviol; i++)
	{
		int			j;

		if (g->viol[i].action != A_REJECT || g->viol[i].ev == e)
			continue;
		for (j = 0; j < i; j++)
			if (g->viol[j].action == A_REJECT && g->viol[j].ev == g->viol[i].ev)
				break;
		if (j == i)
			others++;
	}
	/*
	 * a writer that is not the owner learns whether the code was at its own
	 * site, not where else, nor another table than its own
	 */
	if (g->hide_others && first_table != NULL && strcmp(first_table, g->table) != 0 &&
		(site == NULL || !same_text(site, e->site)))
		first_table = NULL;
	if (g->hide_others && site != NULL && !same_text(site, e->site))
	{
		/* nor when the other institution sold or recorded it */
		site = "another institution";
		hidden = true;
		first_when = NULL;
	}
	recorded = hidden ? "" : psprintf(", recorded at %s", first_at ? first_at : "an unknown time");
	switch (x->v)
	{
		case V_REPEAT_SALE:
			sqlstate = ERRCODE_UNIQUE_VIOLATION;
			msg = psprintf("traceability code %s was already dispensed", code);
			detail = psprintf("It was first seen in %s%s%s%s%s%s; %d of its %d %s sold and this row %s.",
							  first_table ? first_table : "another table",
							  site ? " at " : "", site ? site : "",
							  first_when ? " on " : "", first_when ? first_when : "",
							  recorded,
							  x->units_out, x->units_total, x->units_total == 1 ? "unit is" : "units are",
							  e->whole ? "sells a whole pack" : psprintf("sells %d", e->units));
			hint = "A package is dispensed once, a split pack (拆零) up to its units; a further sale suggests a returned or diverted package (回流药).";
			break;
		case V_OTHER_SITE:
			sqlstate = ERRCODE_UNIQUE_VIOLATION;
			msg = psprintf("traceability code %s belongs to another site", code);
			detail = psprintf("It was %s at %s, first seen in %s%s%s%s.",
							  x->earlier_state == S_RECEIVED || x->earlier_state == S_RETURNED ? "received" : "dispensed",
							  site ? site : "an unnamed site",
							  first_table ? first_table : "another table",
							  first_when ? " on " : "", first_when ? first_when : "",
							  recorded);
			hint = "A package is sold where it was received; a code sold at another site suggests a resold or diverted package (回流药, 串货).";
			break;
		case V_NOT_RECEIVED:
			msg = psprintf("traceability code %s was never received", code);
			detail = pstrdup("A code is scanned at receiving (入库采集) before it is dispensed (发药核销).");
			hint = "Record the receiving first; a guard that watches only dispensing takes the option 'receiving=none'.";
			break;
		case V_RECEIVED_TWICE:
			sqlstate = ERRCODE_UNIQUE_VIOLATION;
			msg = psprintf("traceability code %s was already received", code);
			detail = psprintf("It is %s at %s, first seen in %s%s%s%s.",
							  x->earlier_state > 0 ? state_name[x->earlier_state] : "known",
							  site ? site : "an unnamed site",
							  first_table ? first_table : "another table",
							  first_when ? " on " : "", first_when ? first_when : "",
							  recorded);
			break;
		case V_WRONG_DRUG:
			msg = psprintf("traceability code %s belongs to drug %s, not %s", code,
						   x->code_drug ? x->code_drug : "?", e->drug ? e->drug : "?");
			detail = psprintf("Its identification code %s is mapped to %s in vbp.trace_product.",
							  e->product_id, x->code_drug ? x->code_drug : "?");
			hint = "A code that belongs to another drug (串码) is refused; scan the package dispensed.";
			break;
		case V_LATE_RETURN:
			msg = psprintf("traceability code %s cannot be returned here", code);
			detail = hidden ?
				psprintf("It was dispensed at %s; a return frees a code at the dispensing site within %g days.",
						 site, rules.window_days) :
				psprintf("It was dispensed at %s %.1f days ago; a return frees a code at the dispensing site within %g days.",
						 site ? site : "an unnamed site", cs ? cs->dispensed_days : 0.0, rules.window_days);
			hint = "Returns after the window go through the bureau.";
			break;
		default:
			msg = pstrdup("dispensing row has no traceability code");
			detail = pstrdup("Every package dispensed under insurance is scanned; no exemption (vbp.trace_exemption) covers this row.");
			hint = "Scan the code, or mark the row with an exempt class, setting or stock.";
			break;
	}
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("%s", msg),
			 errdetail("%s%s", detail,
					   others > 0 ? psprintf(" %d other row%s of the statement also break%s a rule.", others,
											 others == 1 ? "" : "s", others == 1 ? "s" : "") : ""),
			 hint ? errhint("%s", hint) : 0,
			 errcontext("vbp.tracecode_guard on %s, row%s%s%s%s (%s)", g->table,
						e->site ? " at " : "", e->site ? e->site : "",
						e->when ? " on " : "", e->when ? e->when : "", violation_name[x->v])));
}

/* Reads the locked states of codes[0..n-1] (sorted) into cs[]. */
static void
lock_states(Guard *g, Datum *codes, CodeState *cs, int n)
{
	Datum		v[1];
	int			i,
				k = 0;

	v[0] = code_array(g, codes, NULL, n);
	if (spi_run(g, plan_lock, v, false) != SPI_OK_SELECT)
		elog(ERROR, "tracecode_guard: locking the codes failed");
	for (i = 0; i < (int) SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		c = SPI_getbinval(t, d, 1, &isnull);
		char	   *st;
		char	   *days;

		/* both sorted by code: walk */
		while (k < n && DatumGetInt32(FunctionCall2Coll(g->code_cmp, InvalidOid, codes[k], c)) < 0)
			k++;
		if (k == n)
			break;
		memset(&cs[k], 0, sizeof(CodeState));
		cs[k].existed = cs[k].present = true;
		st = SPI_getvalue(t, d, 2);
		cs[k].state = strcmp(st, "received") == 0 ? S_RECEIVED : strcmp(st, "dispensed") == 0 ? S_DISPENSED :
			strcmp(st, "returned") == 0 ? S_RETURNED : S_EXEMPT;
		cs[k].site = SPI_getvalue(t, d, 3);
		cs[k].units_out = DatumGetInt32(SPI_getbinval(t, d, 4, &isnull));
		cs[k].units_total = DatumGetInt32(SPI_getbinval(t, d, 5, &isnull));
		cs[k].sales = DatumGetInt32(SPI_getbinval(t, d, 6, &isnull));
		cs[k].returns = DatumGetInt32(SPI_getbinval(t, d, 7, &isnull));
		cs[k].violations = DatumGetInt32(SPI_getbinval(t, d, 8, &isnull));
		days = SPI_getvalue(t, d, 9);
		cs[k].dispensed_days = days ? strtod(days, NULL) : 0.0;
		cs[k].first_table = SPI_getvalue(t, d, 10);
		cs[k].first_when = SPI_getvalue(t, d, 11);
		cs[k].first_at = SPI_getvalue(t, d, 12);
		cs[k].receipts = DatumGetInt32(SPI_getbinval(t, d, 13, &isnull));
		k++;
	}
	SPI_freetuptable(SPI_tuptable);
}

static void
fresh_state(Guard *g, CodeState *cs)
{
	memset(cs, 0, sizeof(CodeState));
	cs->units_total = 1;
	cs->first_table = g->table;
}

/*
 * Reads the states of the codes idx[0..n-1] under their locks and applies
 * their events again, forgetting the violations made against the guessed
 * states; true when one of them turned out not to exist (to be inserted).
 */
static bool
relock(Guard *g, Datum *codes, CodeState *cs, int *start, int *count, int *idx, int n)
{
	Datum	   *lc = palloc(sizeof(Datum) * n);
	CodeState  *ls = palloc(sizeof(CodeState) * n);
	int			i,
				m,
				nv = 0;
	bool		absent = false;

	for (m = 0; m < n; m++)
	{
		lc[m] = codes[idx[m]];
		fresh_state(g, &ls[m]);
		cs[idx[m]].redo = true;
	}
	for (i = 0; i < g->nviol; i++)
		if (g->viol[i].cs == NULL || !g->viol[i].cs->redo)
			g->viol[nv++] = g->viol[i];
	g->nviol = nv;
	lock_states(g, lc, ls, n);
	for (m = 0; m < n; m++)
	{
		int			j = idx[m];

		cs[j] = ls[m];
		if (!cs[j].existed)
			absent = true;
		apply_events(g, &cs[j], &g->ev[start[j]], count[j]);
	}
	return absent;
}

/*
 * The parameters $1..$11 shared by plan_insert and plan_update: the codes
 * idx[0..n-1] and their states.
 */
static void
state_params(Guard *g, Datum *codes, CodeState *cs, int *idx, int n, Datum *v)
{
	Datum	   *c = palloc(sizeof(Datum) * (n + 1));
	char	  **st = palloc(sizeof(char *) * (n + 1)),
			  **si = palloc(sizeof(char *) * (n + 1));
	int		   *uo = palloc(sizeof(int) * (n + 1)),
			   *ut = palloc(sizeof(int) * (n + 1)),
			   *sa = palloc(sizeof(int) * (n + 1)),
			   *re = palloc(sizeof(int) * (n + 1)),
			   *vi = palloc(sizeof(int) * (n + 1)),
			   *ra = palloc(sizeof(int) * (n + 1)),
			   *da = palloc(sizeof(int) * (n + 1)),
			   *rc = palloc(sizeof(int) * (n + 1));
	int			m;

	for (m = 0; m < n; m++)
	{
		CodeState  *x = &cs[idx[m]];

		c[m] = codes[idx[m]];
		st[m] = (char *) state_name[x->state];
		si[m] = x->site;
		uo[m] = x->units_out;
		ut[m] = x->units_total;
		sa[m] = x->sales;
		re[m] = x->returns;
		vi[m] = x->violations;
		ra[m] = x->received_at;
		da[m] = x->dispensed_at;
		rc[m] = x->receipts;
	}
	v[0] = code_array(g, c, NULL, n);
	v[1] = text_array(st, n);
	v[2] = text_array(si, n);
	v[3] = int_array(uo, n);
	v[4] = int_array(ut, n);
	v[5] = int_array(sa, n);
	v[6] = int_array(re, n);
	v[7] = int_array(vi, n);
	v[8] = int_array(ra, n);
	v[9] = int_array(da, n);
	v[10] = int_array(rc, n);
}

/*
 * The columns of vbp.trace_code_state that direct_insert() writes, and their
 * types (InvalidOid: the code's type).
 */
#define STATE_NCOLS 15
static const char *const state_col[STATE_NCOLS] = {
	"trace_code", "state", "site", "units_out", "units_total", "sales", "returns", "violations",
	"first_table", "first_when", "received_at", "dispensed_at", "first_seen_at", "last_seen_at",
	"receipts"
};
static const Oid state_col_type[STATE_NCOLS] = {
	InvalidOid, TEXTOID, TEXTOID, INT4OID, INT4OID, INT4OID, INT4OID, INT4OID,
	TEXTOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID,
	INT4OID
};
#define DIRECT_CHUNK 1000

/*
 * The text datums of the strings direct_insert() writes: the states of a
 * batch share a few site and date strings (ColumnMemo), made into text once
 * each, looked up by address (a table of a power of two slots, by a
 * multiplicative hash of the address).
 */
typedef struct TextCache
{
	int			bits;
	const char **str;
	Datum	   *text;
} TextCache;

static void
text_cache_init(TextCache *tc, int n)
{
	tc->bits = 4;
	while (tc->bits < 12 && (1 << tc->bits) < 4 * n)
		tc->bits++;
	tc->str = palloc0(sizeof(const char *) << tc->bits);
	tc->text = palloc(sizeof(Datum) << tc->bits);
}

static Datum
cached_text(TextCache *tc, const char *s)
{
	int			k = (int) (((uint64) (uintptr_t) s * UINT64CONST(0x9E3779B97F4A7C15)) >> (64 - tc->bits));

	if (tc->str[k] != s)
	{
		tc->str[k] = s;
		tc->text[k] = CStringGetTextDatum(s);
	}
	return tc->text[k];
}

/*
 * A Citus shard is named <table>_<shard id>: the '_' before the shard id, or
 * NULL when the name does not end that way.
 */
static const char *
shard_suffix(const char *name)
{
	const char *us = strrchr(name, '_');
	size_t		digits = us ? strlen(us + 1) : 0;

	if (digits == 0 || digits > 18 || strspn(us + 1, "0123456789") != digits)
		return NULL;
	return us;
}

/*
 * The store's own CHECK constraints, which the states direct_insert() writes
 * satisfy by construction (it checks the same in C): each known by its name
 * (on a Citus shard, trace_code_state_<shard id>, with the shard's id after
 * it) and by its expression as PostgreSQL deparses it.  A constraint a DBA
 * adds, or replaces under the same name with another expression, is not one
 * of them, and direct_insert() evaluates every CHECK of the store.
 */
static const char *const own_check[][2] = {
	{"trace_code_state_state_check",
	"(state = ANY (ARRAY['received'::text, 'dispensed'::text, 'returned'::text, 'exempt'::text]))"},
	{"trace_code_state_units_out_check", "(units_out >= 0)"},
	{"trace_code_state_units_total_check", "(units_total > 0)"},
	{"trace_code_state_receipts_check", "(receipts >= 0)"},
};

/* per relation (the store, or each shard of it): whether its CHECKs are all its own */
#define CHECKS_CACHE 16
static struct
{
	Oid			relid;
	bool		own;
}			checks_cache[CHECKS_CACHE];
static int	checks_next;
static bool checks_callback;

static void
checks_invalidate(Datum arg, Oid relid)
{
	for (int i = 0; i < CHECKS_CACHE; i++)
		if (relid == InvalidOid || checks_cache[i].relid == relid)
			checks_cache[i].relid = InvalidOid;
}

static bool
own_checks_only(Relation rel)
{
	TupleConstr *c = RelationGetDescr(rel)->constr;
	Oid			relid = RelationGetRelid(rel);
	const char *relname = RelationGetRelationName(rel);
	const char *store = "trace_code_state";
	const char *suffix = "";
	List	   *ctx = NIL;
	bool		own = true;
	int			i,
				k;

	if (c == NULL || c->num_check == 0)
		return true;
	for (i = 0; i < CHECKS_CACHE; i++)
		if (checks_cache[i].relid == relid)
			return checks_cache[i].own;
	if (!checks_callback)
	{
		CacheRegisterRelcacheCallback(checks_invalidate, (Datum) 0);
		checks_callback = true;
	}
	/* the store, or a Citus shard of it: trace_code_state[_<shard id>] */
	if (strncmp(relname, store, strlen(store)) != 0)
		own = false;
	else
	{
		suffix = relname + strlen(store);
		if (suffix[0] != '\0' && shard_suffix(relname) != suffix)
			own = false;
	}
	for (k = 0; own && k < c->num_check; k++)
	{
		const char *name = c->check[k].ccname;
		char	   *expr;

		for (i = 0; i < (int) lengthof(own_check); i++)
		{
			size_t		len = strlen(own_check[i][0]);

			if (strncmp(name, own_check[i][0], len) == 0 && strcmp(name + len, suffix) == 0)
				break;
		}
		if (i == (int) lengthof(own_check))
		{
			own = false;
			break;
		}
		if (ctx == NIL)
			ctx = deparse_context_for(relname, relid);
		expr = deparse_expression(stringToNode(c->check[k].ccbin), ctx, false, false);
		if (strcmp(expr, own_check[i][1]) != 0)
			own = false;
	}
	checks_cache[checks_next].relid = relid;
	checks_cache[checks_next].own = own;
	checks_next = (checks_next + 1) % CHECKS_CACHE;
	return own;
}

/*
 * Writes the states of the new codes idx[0..n-1] straight into the store, as
 * COPY writes a table: the rows a page at a time (table_multi_insert), then
 * each index entry, instead of an INSERT .. ON CONFLICT statement (which
 * probes each key before inserting it, and takes a speculative-insertion lock
 * per row).  A unique index asked for a partial check inserts the key and
 * says whether another live or uncommitted row holds it, without waiting: such
 * a code's row is deleted again and ok[m] left false, so that the caller reads
 * the code under its lock and recomputes it, as after a conflict of the
 * statement.  Returns false, having written nothing, when the store is not
 * the plain table this knows (other columns, triggers, rules, forced row
 * security, expression, partial or exclusion indexes): the caller then
 * writes through SQL.
 */
static bool
direct_insert(Guard *g, Datum *codes, CodeState *cs, int *idx, int n, bool *ok)
{
	Oid			relid = DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(g->state_rel)));
	Relation	rel = table_open(relid, RowExclusiveLock);
	TupleDesc	d = RelationGetDescr(rel);
	int			attno[STATE_NCOLS];
	int			live = 0,
				a,
				k,
				m;
	bool		usable;
	EState	   *estate;
	ResultRelInfo *rri;
	TupleTableSlot **slots;
	CommandId	cid;
	Datum		now,
				table,
				state_text[lengthof(state_name)];
	ItemPointerData *lost;
	int			nlost = 0,
				nslots;
	TupleDesc	slot_desc;
	TextCache	tc;
	bool		eval_checks = false;

	usable = rel->rd_rel->relkind == RELKIND_RELATION && rel->trigdesc == NULL && rel->rd_rules == NULL &&
		!rel->rd_rel->relforcerowsecurity;
	for (k = 0; k < STATE_NCOLS; k++)
		attno[k] = -1;
	for (a = 0; usable && a < d->natts; a++)
	{
		Form_pg_attribute att = TupleDescAttr(d, a);

		if (att->attisdropped)
			continue;
		live++;
		for (k = 0; k < STATE_NCOLS; k++)
			if (strcmp(NameStr(att->attname), state_col[k]) == 0)
				break;
		if (k == STATE_NCOLS || att->attgenerated ||
			att->atttypid != (OidIsValid(state_col_type[k]) ? state_col_type[k] : g->code_type))
			usable = false;
		else
			attno[k] = a;
	}
	if (!usable || live != STATE_NCOLS)
	{
		table_close(rel, NoLock);
		return false;
	}
	estate = CreateExecutorState();
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, false);
	for (k = 0; k < rri->ri_NumIndices; k++)
	{
		IndexInfo  *ii = rri->ri_IndexRelationInfo[k];

		if (ii->ii_Expressions != NIL || ii->ii_Predicate != NIL || ii->ii_ExclusionOps != NULL)
			usable = false;
	}
	if (!usable)
	{
		ExecCloseIndices(rri);
		FreeExecutorState(estate);
		table_close(rel, NoLock);
		return false;
	}

	/*
	 * the CHECK constraints are evaluated only if one is not the store's own
	 * (each call would otherwise parse and plan them again: most of a
	 * one-row statement's cost); NOT NULL is checked as ExecConstraints does
	 */
	eval_checks = !own_checks_only(rel);
	nslots = Min(n, DIRECT_CHUNK);
	slots = palloc(sizeof(TupleTableSlot *) * nslots);
	/*
	 * over a copy of the descriptor, not reference-counted: a thousand slots
	 * pinning the relation's would each be remembered, and forgotten by a
	 * search, by the resource owner
	 */
	slot_desc = CreateTupleDescCopy(d);
	for (m = 0; m < nslots; m++)
		slots[m] = MakeSingleTupleTableSlot(slot_desc, table_slot_callbacks(rel));
	text_cache_init(&tc, n);
	lost = palloc(sizeof(ItemPointerData) * (n + 1));
	cid = GetCurrentCommandId(true);
	now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	table = CStringGetTextDatum(g->table);
	for (k = 1; k < (int) lengthof(state_name); k++)
		state_text[k] = CStringGetTextDatum(state_name[k]);
	for (int base = 0; base < n; base += DIRECT_CHUNK)
	{
		int			nc = Min(DIRECT_CHUNK, n - base);

		for (m = 0; m < nc; m++)
		{
			CodeState  *x = &cs[idx[base + m]];
			TupleTableSlot *sl = slots[m];
			Datum	   *v = sl->tts_values;
			bool	   *nu = sl->tts_isnull;

			/* the store's own CHECK constraints, which are not evaluated */
			if (x->state <= S_NONE || x->state >= (int) lengthof(state_name) ||
				x->units_out < 0 || x->units_total <= 0 || x->receipts < 0)
				elog(ERROR, "tracecode_guard: state %d with %d of %d units and %d receipts out of range",
					 x->state, x->units_out, x->units_total, x->receipts);
			ExecClearTuple(sl);
			v[attno[0]] = codes[idx[base + m]];
			v[attno[1]] = state_text[x->state];
			v[attno[2]] = x->site ? cached_text(&tc, x->site) : (Datum) 0;
			v[attno[3]] = Int32GetDatum(x->units_out);
			v[attno[4]] = Int32GetDatum(x->units_total);
			v[attno[5]] = Int32GetDatum(x->sales);
			v[attno[6]] = Int32GetDatum(x->returns);
			v[attno[7]] = Int32GetDatum(x->violations);
			v[attno[8]] = table;
			v[attno[9]] = x->first_when ? cached_text(&tc, x->first_when) : (Datum) 0;
			v[attno[10]] = now;
			v[attno[11]] = now;
			v[attno[12]] = now;
			v[attno[13]] = now;
			v[attno[14]] = Int32GetDatum(x->receipts);
			/* a dropped column is null */
			for (a = 0; a < d->natts; a++)
				nu[a] = true;
			for (k = 0; k < STATE_NCOLS; k++)
				nu[attno[k]] = false;
			nu[attno[2]] = x->site == NULL;
			nu[attno[9]] = x->first_when == NULL;
			nu[attno[10]] = x->received_at != 1;
			nu[attno[11]] = x->dispensed_at != 1;
			ExecStoreVirtualTuple(sl);
			if (eval_checks)
				ExecConstraints(rri, sl, estate);
			else if (d->constr != NULL && d->constr->has_not_null)
				for (a = 0; a < d->natts; a++)
					if (nu[a] && TupleDescAttr(d, a)->attnotnull)
					{
						ExecConstraints(rri, sl, estate);	/* reports it */
						break;
					}
		}
		/*
		 * no bulk-insert state: its ring of buffers would evict the pages
		 * just written, and flush the WAL to reuse them
		 */
		table_multi_insert(rel, slots, nc, cid, 0, NULL);
		for (m = 0; m < nc; m++)
		{
			bool		unique = true;

			for (k = 0; k < rri->ri_NumIndices; k++)
			{
				Relation	ir = rri->ri_IndexRelationDescs[k];
				IndexInfo  *ii = rri->ri_IndexRelationInfo[k];
				Datum		iv[INDEX_MAX_KEYS];
				bool		in[INDEX_MAX_KEYS];
				bool		uniq = ir->rd_index->indisunique;

				if (!ii->ii_ReadyForInserts)
					continue;
				FormIndexDatum(ii, slots[m], estate, iv, in);
				if (!index_insert(ir, iv, in, &slots[m]->tts_tid, rel,
								  uniq ? UNIQUE_CHECK_PARTIAL : UNIQUE_CHECK_NO,
#if PG_VERSION_NUM >= 140000
								  false,
#endif
								  ii) && uniq)
					unique = false;
			}
			ok[base + m] = unique;
			if (!unique)
				lost[nlost++] = slots[m]->tts_tid;
		}
	}
	/* the rows of codes held by another row go again; then the later reads see the rest */
	CommandCounterIncrement();
	for (m = 0; m < nlost; m++)
		simple_heap_delete(rel, &lost[m]);
	if (nlost > 0)
		CommandCounterIncrement();
	for (m = 0; m < nslots; m++)
		ExecDropSingleTupleTableSlot(slots[m]);
	ExecCloseIndices(rri);
	FreeExecutorState(estate);
	table_close(rel, NoLock);
	return true;
}

/* Processes events ev[0..nev-1]; the events are sorted here. */
static void
run_batch(Guard *g)
{
	int			n = g->nev;
	int			ncodes = 0,
				i,
				j;
	Datum	   *codes;
	int		   *start,
			   *count;
	CodeState  *cs;
	bool		retry_pending;
	int			rounds = 0;

	if (n == 0)
		return;
	sort_events(g);

	codes = palloc(sizeof(Datum) * (n + 1));
	start = palloc(sizeof(int) * (n + 1));
	count = palloc(sizeof(int) * (n + 1));
	for (i = 0; i < n && !g->ev[i].missing; i++)
	{
		if (ncodes == 0 || strcmp(g->ev[start[ncodes - 1]].code_text, g->ev[i].code_text) != 0)
		{
			codes[ncodes] = g->ev[i].code;
			start[ncodes] = i;
			count[ncodes] = 0;
			ncodes++;
		}
		count[ncodes - 1]++;
	}

	load_products(g, 0, n);

	/*
	 * First as if every code were new: most codes of a dispensing stream are
	 * (or, with receiving watched, were received), and a new code needs no
	 * locking read, only its insert.  A code whose events as a new code would
	 * be refused, or leave no state (a return), is read under its lock at once.
	 */
	cs = palloc(sizeof(CodeState) * (ncodes + 1));
	for (j = 0; j < ncodes; j++)
	{
		fresh_state(g, &cs[j]);
		apply_events(g, &cs[j], &g->ev[start[j]], count[j]);
	}
	{
		bool	   *need = palloc0(sizeof(bool) * (ncodes + 1));
		int		   *idx = palloc(sizeof(int) * (ncodes + 1));
		int			nn = 0;

		for (i = 0; i < g->nviol; i++)
			if (g->viol[i].cs != NULL && g->viol[i].action == A_REJECT)
				need[g->viol[i].cs - cs] = true;
		for (j = 0; j < ncodes; j++)
			if (need[j] || !cs[j].present)
				idx[nn++] = j;
		if (nn > 0)
			relock(g, codes, cs, start, count, idx, nn);
	}

	/* missing codes */
	for (i = 0; i < n; i++)
		if (g->ev[i].missing && !g->ev[i].exempt && !g->opt.missing_allow && !g->opt.receive &&
			g->ev[i].kind == E_DISPENSE)
			add_violation(g, V_MISSING_CODE, &g->ev[i], NULL, S_NONE, NULL, 0, NULL);

	/* insert the new codes; a code a concurrent writer inserted first is locked and recomputed */
	do
	{
		int		   *idx = palloc(sizeof(int) * (ncodes + 1));
		char	  **fw = palloc(sizeof(char *) * (ncodes + 1));
		int			ni = 0;

		retry_pending = false;
		for (j = 0; j < ncodes; j++)
			if (!cs[j].existed && cs[j].present)
			{
				fw[ni] = cs[j].first_when;
				idx[ni++] = j;
			}
		if (ni > 0)
		{
			bool	   *ok = palloc0(sizeof(bool) * (ni + 1));
			int		   *lost_idx = palloc(sizeof(int) * (ni + 1));
			int			nl = 0;

			/*
			 * Straight into the store first; after a conflict (the codes are
			 * read under their locks, and a code found absent meanwhile comes
			 * back here), or where the store is not the plain table, through
			 * INSERT .. ON CONFLICT DO NOTHING, which waits for a concurrent
			 * writer of the same code.
			 */
			if (rounds > 0 || !direct_insert(g, codes, cs, idx, ni, ok))
			{
				Datum		v[13];
				Datum	   *got;
				int			ngot;

				state_params(g, codes, cs, idx, ni, v);
				v[11] = CStringGetTextDatum(g->table);
				v[12] = text_array(fw, ni);
				if (spi_run(g, plan_insert, v, false) != SPI_OK_INSERT_RETURNING)
					elog(ERROR, "tracecode_guard: recording the codes failed");
				ngot = (int) SPI_processed;
				got = palloc(sizeof(Datum) * (ngot + 1));
				for (i = 0; i < ngot; i++)
				{
					bool		isnull;

					got[i] = datumCopy(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull), g->code_byval, g->code_len);
				}
				SPI_freetuptable(SPI_tuptable);
				sort_guard = g;
				qsort(got, ngot, sizeof(Datum), datum_cmp);
				for (i = 0; i < ni; i++)
				{
					int			lo = 0,
								hi = ngot - 1;

					while (lo <= hi)
					{
						int			mid = (lo + hi) / 2;
						int			c = DatumGetInt32(FunctionCall2Coll(g->code_cmp, InvalidOid, got[mid], codes[idx[i]]));

						if (c == 0)
						{
							ok[i] = true;
							break;
						}
						if (c < 0)
							lo = mid + 1;
						else
							hi = mid - 1;
					}
				}
			}
			for (i = 0; i < ni; i++)
				if (!ok[i])
					lost_idx[nl++] = idx[i];
			/* inserted codes now exist, with their final state */
			for (i = 0; i < ni; i++)
				if (ok[i])
					cs[idx[i]].existed = true, cs[idx[i]].changed = false;
			if (nl > 0)
			{
				if (++rounds > 3)
					ereport(ERROR,
							(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
							 errmsg("tracecode_guard: could not record %d traceability codes written concurrently", nl),
							 errhint("Retry the transaction.")));
				if (relock(g, codes, cs, start, count, lost_idx, nl))
					retry_pending = true;	/* deleted meanwhile: insert again */
			}
		}
	} while (retry_pending);

	/* rejections: nothing of the statement is kept */
	for (i = 0; i < g->nviol; i++)
		if (g->viol[i].action == A_REJECT)
			raise_violation(g, &g->viol[i]);

	/* update the codes that existed and changed; delete those no longer present */
	{
		int		   *uidx = palloc(sizeof(int) * (ncodes + 1));
		Datum	   *dc = palloc(sizeof(Datum) * (ncodes + 1));
		int			nu = 0,
					nd = 0;

		for (j = 0; j < ncodes; j++)
		{
			if (!cs[j].existed || !cs[j].changed)
				continue;
			if (!cs[j].present)
				dc[nd++] = codes[j];
			else
				uidx[nu++] = j;
		}
		if (nu > 0)
		{
			Datum		v[11];

			state_params(g, codes, cs, uidx, nu, v);
			if (spi_run(g, plan_update, v, false) != SPI_OK_UPDATE)
				elog(ERROR, "tracecode_guard: updating the codes failed");
		}
		if (nd > 0)
		{
			Datum		v[1];

			v[0] = code_array(g, dc, NULL, nd);
			if (spi_run(g, plan_delete, v, false) != SPI_OK_DELETE)
				elog(ERROR, "tracecode_guard: removing cancelled receipts failed");
		}
	}

	/* alerts */
	if (g->nviol > 0)
	{
		int			na = g->nviol;
		Datum	   *c = palloc(sizeof(Datum) * na);
		bool	   *cn = palloc(sizeof(bool) * na);
		char	  **vv = palloc(sizeof(char *) * na),
				  **lv = palloc(sizeof(char *) * na),
				  **w = palloc(sizeof(char *) * na),
				  **wh = palloc(sizeof(char *) * na),
				  **es = palloc(sizeof(char *) * na),
				  **esi = palloc(sizeof(char *) * na),
				  **d = palloc(sizeof(char *) * na),
				  **cd = palloc(sizeof(char *) * na);
		int		   *at = palloc(sizeof(int) * na),
				   *un = palloc(sizeof(int) * na),
				   *uo = palloc(sizeof(int) * na),
				   *ut = palloc(sizeof(int) * na);
		Datum	   *on = palloc(sizeof(Datum) * na);
		bool	   *onn = palloc(sizeof(bool) * na);
		Datum	   *ss = palloc(sizeof(Datum) * na);
		bool	   *ssn = palloc(sizeof(bool) * na);
		Datum		v[16];
		int			dims[1] = {na};
		int			lbs[1] = {1};

		for (i = 0; i < na; i++)
		{
			Violation  *x = &g->viol[i];
			Event	   *e = x->ev;

			cn[i] = e->missing;
			c[i] = e->missing ? (Datum) 0 : e->code;
			vv[i] = (char *) violation_name[x->v];
			lv[i] = x->attempt >= rules.escalate_after ? "escalated" : "warning";
			at[i] = x->attempt;
			w[i] = e->site;
			wh[i] = e->when;
			on[i] = e->has_on ? OidFunctionCall1(g->ledger_date_fn, e->when_value) : (Datum) 0;
			onn[i] = !e->has_on;
			un[i] = e->whole ? (x->units_total > 0 ? x->units_total : 1) : e->units;
			es[i] = x->earlier_state > 0 ? (char *) state_name[x->earlier_state] : NULL;
			esi[i] = x->earlier_site;
			ss[i] = BoolGetDatum(x->same_site);
			ssn[i] = x->earlier_state == S_NONE;
			uo[i] = x->units_out;
			ut[i] = x->units_total;
			d[i] = e->drug;
			cd[i] = x->code_drug;
		}
		v[0] = code_array(g, c, cn, na);
		v[1] = text_array(vv, na);
		v[2] = text_array(lv, na);
		v[3] = int_array(at, na);
		v[4] = CStringGetTextDatum(g->table);
		v[5] = text_array(w, na);
		v[6] = text_array(wh, na);
		v[7] = PointerGetDatum(construct_md_array(on, onn, 1, dims, lbs, DATEOID, 4, true, TYPALIGN_INT));
		v[8] = int_array(un, na);
		v[9] = text_array(es, na);
		v[10] = text_array(esi, na);
		v[11] = PointerGetDatum(construct_md_array(ss, ssn, 1, dims, lbs, BOOLOID, 1, true, TYPALIGN_CHAR));
		v[12] = int_array(uo, na);
		v[13] = int_array(ut, na);
		v[14] = text_array(d, na);
		v[15] = text_array(cd, na);
		if (spi_run(g, plan_alert, v, false) != SPI_OK_INSERT)
			elog(ERROR, "tracecode_guard: recording the alerts failed");
	}
}

/* Runs the batch of events read so far and forgets it. */
static void
flush(Guard *g)
{
	MemoryContext old = MemoryContextSwitchTo(g->batch_cxt);

	/* the rows were read as the writer; the states are written as their owner */
	vbp_become_owner(g->owner, &g->save);
	run_batch(g);
	vbp_restore_user(&g->save);
	MemoryContextSwitchTo(old);
	g->nev = 0;
	g->nviol = 0;
	g->ev = NULL;
	g->cap = 0;
	g->viol = NULL;
	g->viol_cap = 0;
	MemoryContextReset(g->batch_cxt);
	memset(g->memo, 0, sizeof(g->memo));	/* freed with the batch */
}

/* The event of one row, made in the batch's memory. */
static Event *
batch_event(Guard *g, TupleTableSlot *slot, int sign)
{
	MemoryContext old = MemoryContextSwitchTo(g->batch_cxt);
	Event	   *e = row_event(g, slot, sign);

	MemoryContextSwitchTo(old);
	return e;
}

/*
 * An old and a new version of one updated row: the old is a return and the
 * new a sale, except that a code kept at the same site is a re-sync of its
 * line (only a change of units counts), and a row without a code on either
 * side has no return or sale on that side.
 */
static void
pair_update(Guard *g)
{
	/* the last two events: taken by index, as making the second may move the array */
	Event	   *a = &g->ev[g->nev - 2];
	Event	   *b = &g->ev[g->nev - 1];

	if (!a->missing && !b->missing && same_text(a->site, b->site) &&
		strcmp(a->code_text, b->code_text) == 0)
	{
		if (a->kind == b->kind)
		{
			/*
			 * a sale line made a refund line (or the other way): the old
			 * line is undone without counting, the new one counts as what
			 * it is
			 */
			a->resync = true;
		}
		else
		{
			a->resync = b->resync = true;
			/* the same line again (same sign, units, exemption and drug): nothing changes */
			if (a->whole == b->whole && a->units == b->units &&
				a->exempt == b->exempt && same_text(a->drug, b->drug))
				g->nev -= 2;
			else if (a->kind == E_DISPENSE || a->kind == E_RECEIVE)
			{
				/*
				 * a refund line changed: its old version (a sale, undoing the
				 * refund) goes after its new one, so that the pair is the
				 * change of units alone, a return first when it returns more
				 */
				Event		t = *a;
				int			seq = a->seq;

				*a = *b;
				*b = t;
				a->seq = seq;
				b->seq = seq + 1;
			}
		}
	}
	else if (a->missing && !b->missing)
	{
		*a = *b;				/* a code added to a row: a sale */
		g->nev--;
	}
	else if (b->missing)
		g->nev--;				/* a code removed: its return only */
}

/* Reads a transition table (or two, for UPDATE) into events, a batch at a time. */
static void
read_tables(Guard *g, Tuplestorestate *olds, Tuplestorestate *news)
{
	TupleTableSlot *os = olds ? MakeSingleTupleTableSlot(g->desc, &TTSOpsMinimalTuple) : NULL;
	TupleTableSlot *ns = news ? MakeSingleTupleTableSlot(g->desc, &TTSOpsMinimalTuple) : NULL;

	if (olds)
		tuplestore_rescan(olds);
	if (news)
		tuplestore_rescan(news);
	for (;;)
	{
		/* an UPDATE's old and new rows are stored side by side, in the same order */
		bool		mo = olds && tuplestore_gettupleslot(olds, true, false, os);
		bool		mn = news && tuplestore_gettupleslot(news, true, false, ns);
		Event	   *a = NULL,
				   *b = NULL;

		if (!mo && !mn)
			break;
		if (mo)
			a = batch_event(g, os, -1);
		if (mn)
			b = batch_event(g, ns, +1);
		if (a && b)
			pair_update(g);
		if (g->nev >= GUARD_BATCH)
			flush(g);
	}
	flush(g);
	if (os)
		ExecDropSingleTupleTableSlot(os);
	if (ns)
		ExecDropSingleTupleTableSlot(ns);
}

/* ---------------------------------------------------------------------
 * Citus
 *
 * On a Citus cluster the guarded table is distributed by its code column
 * and co-located with vbp.trace_code_state and vbp.trace_alert; the trigger
 * fires on each shard, on the worker that holds it, with codes that all hash
 * into that shard.  Their states and alerts are in the shards of the same
 * hash range on the same node: the guard reads and writes those shards
 * directly, by name, as plain local statements (a distributed query from a
 * shard would be refused, or run over other connections, outside the row
 * locks that make the guard exact).  A table that is not such a shard is
 * refused while the states are distributed.  The answer is kept per
 * relation until its relcache entry is invalidated.
 * --------------------------------------------------------------------- */
static Oid	target_relid = InvalidOid;
static bool target_shard;
static char target_state[NAMEDATALEN * 3],
			target_alert[NAMEDATALEN * 3],
			target_table[NAMEDATALEN * 3];

static void
targets_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == target_relid)
		target_relid = InvalidOid;
}

static void
citus_targets(Guard *g)
{
	Oid			relid = RelationGetRelid(g->rel);
	const char *name = RelationGetRelationName(g->rel);
	const char *us = shard_suffix(name);
	int64		shardid = 0;
	static bool callback = false;

	g->state_rel = "vbp.trace_code_state";
	g->alert_rel = "vbp.trace_alert";
	/* Citus works only preloaded: no catalog look-up on a server without it */
	{
		const char *preload = GetConfigOption("shared_preload_libraries", true, false);

		if (preload == NULL || strstr(preload, "citus") == NULL)
			return;
	}
	if (!OidIsValid(get_extension_oid("citus", true)))
		return;
	if (!callback)
	{
		CacheRegisterRelcacheCallback(targets_invalidate, (Datum) 0);
		callback = true;
	}
	if (relid != target_relid)
	{
		Oid			t[] = {INT8OID, TEXTOID, OIDOID};
		Datum		v[3];
		HeapTuple	tup;
		TupleDesc	d;
		bool		isnull,
					state_distributed,
					colocated;
		char	   *logical;

		if (us != NULL)
			shardid = strtoll(us + 1, NULL, 10);
		v[0] = Int64GetDatum(shardid);
		v[1] = CStringGetTextDatum(name);
		v[2] = ObjectIdGetDatum(RelationGetNamespace(g->rel));
		if (SPI_execute_with_args("SELECT d.logicalrelid::pg_catalog.regclass::pg_catalog.text, "
								  "ps.logicalrelid IS NOT NULL, "
								  "pd.colocationid OPERATOR(pg_catalog.=) ps.colocationid, "
								  "pg_catalog.shard_name(st.logicalrelid, st.shardid), "
								  "pg_catalog.shard_name(sa.logicalrelid, sa.shardid) "
								  "FROM (SELECT 1) AS one "
								  "LEFT JOIN (pg_catalog.pg_dist_shard d JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.logicalrelid) "
								  "ON d.shardid OPERATOR(pg_catalog.=) $1 AND c.relnamespace OPERATOR(pg_catalog.=) $3 "
								  "AND c.relname::pg_catalog.text OPERATOR(pg_catalog.||) '_' OPERATOR(pg_catalog.||) d.shardid::pg_catalog.text OPERATOR(pg_catalog.=) $2 "
								  "LEFT JOIN pg_catalog.pg_dist_partition pd ON pd.logicalrelid OPERATOR(pg_catalog.=) d.logicalrelid "
								  "LEFT JOIN pg_catalog.pg_dist_partition ps ON ps.logicalrelid OPERATOR(pg_catalog.=) 'vbp.trace_code_state'::pg_catalog.regclass "
								  "LEFT JOIN pg_catalog.pg_dist_shard st ON st.logicalrelid OPERATOR(pg_catalog.=) ps.logicalrelid "
								  "AND st.shardminvalue OPERATOR(pg_catalog.=) d.shardminvalue "
								  "LEFT JOIN pg_catalog.pg_dist_shard sa ON sa.logicalrelid OPERATOR(pg_catalog.=) 'vbp.trace_alert'::pg_catalog.regclass "
								  "AND sa.shardminvalue OPERATOR(pg_catalog.=) d.shardminvalue",
								  3, t, v, NULL, true, 0) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "tracecode_guard: reading the Citus placement of \"%s\" failed", name);
		tup = SPI_tuptable->vals[0];
		d = SPI_tuptable->tupdesc;
		logical = SPI_getvalue(tup, d, 1);
		state_distributed = DatumGetBool(SPI_getbinval(tup, d, 2, &isnull));
		colocated = DatumGetBool(SPI_getbinval(tup, d, 3, &isnull)) && !isnull;
		if (state_distributed && (logical == NULL || !colocated || SPI_getvalue(tup, d, 4) == NULL ||
								  SPI_getvalue(tup, d, 5) == NULL))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("tracecode_guard on Citus needs table \"%s\" distributed by its code and co-located with vbp.trace_code_state",
							logical ? logical : name),
					 errdetail("The codes' states are distributed by code; the guard decides a code on the node that holds its shard, under its row lock."),
					 errhint("Make the code column vbp.tracecode and run SELECT create_distributed_table('%s', '%s', colocate_with => 'vbp.trace_code_state').",
							 logical ? logical : name, g->opt.code)));
		if (!state_distributed && logical != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("tracecode_guard on Citus shard \"%s\" needs vbp.trace_code_state distributed", name),
					 errdetail("Each node's own copy of the states would see only the codes of its shards' rows."),
					 errhint("Run SELECT vbp.distribute() on the coordinator first (doc/scale-out.md).")));
		target_shard = logical != NULL;
		if (target_shard)
		{
			strlcpy(target_table, logical, sizeof(target_table));
			strlcpy(target_state, SPI_getvalue(tup, d, 4), sizeof(target_state));
			strlcpy(target_alert, SPI_getvalue(tup, d, 5), sizeof(target_alert));
		}
		target_relid = relid;
	}
	if (target_shard)
	{
		g->state_rel = target_state;
		g->alert_rel = target_alert;
		/* the logical table, not the shard, is recorded and named in messages */
		g->table = target_table;
		/* the rules and products are reference tables: read on this node */
		(void) set_config_option("citus.allow_nested_distributed_execution", "on", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	}
}

PG_FUNCTION_INFO_V1(pgvbp_tracecode_guard);
Datum
pgvbp_tracecode_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TriggerEvent evt;
	Guard		g;
	HeapTuple	result = NULL;
	Oid			nsp;
	TypeCacheEntry *tce;
	int			save_nestlevel;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard: not called as a trigger")));
	evt = td->tg_event;
	if (TRIGGER_FIRED_BY_TRUNCATE(evt))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard cannot watch TRUNCATE")));
	if (TRIGGER_FIRED_FOR_STATEMENT(evt) && !TRIGGER_FIRED_AFTER(evt))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard as a statement trigger must be AFTER, with transition tables"),
				 errhint("Use vbp.attach_tracecode_guard(table, options...), or a FOR EACH ROW trigger.")));
	if (TRIGGER_FIRED_FOR_STATEMENT(evt) &&
		((TRIGGER_FIRED_BY_INSERT(evt) && td->tg_newtable == NULL) ||
		 (TRIGGER_FIRED_BY_DELETE(evt) && td->tg_oldtable == NULL) ||
		 (TRIGGER_FIRED_BY_UPDATE(evt) && (td->tg_oldtable == NULL || td->tg_newtable == NULL))))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tracecode_guard as a statement trigger needs its transition tables"),
				 errhint("Use vbp.attach_tracecode_guard(table, options...), which names them (REFERENCING NEW TABLE / OLD TABLE).")));

	memset(&g, 0, sizeof(g));
	g.rel = td->tg_relation;
	g.desc = RelationGetDescr(g.rel);
	g.table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(g.rel)), RelationGetRelationName(g.rel));
	parse_options(&g, td->tg_trigger);

	nsp = get_namespace_oid("vbp", false);
	g.code_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("tracecode"), ObjectIdGetDatum(nsp));
	g.code_array = get_array_type(g.code_type);
	get_typlenbyval(g.code_type, &g.code_len, &g.code_byval);
	tce = lookup_type_cache(g.code_type, TYPECACHE_CMP_PROC_FINFO);
	g.code_cmp = &tce->cmp_proc_finfo;
	{
		Oid			in,
					out;
		bool		varlena;

		getTypeInputInfo(g.code_type, &in, &g.code_ioparam);
		fmgr_info(in, &g.code_in);
		getTypeOutputInfo(g.code_type, &out, &varlena);
		fmgr_info(out, &g.code_out);
	}
	init_columns(&g);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tracecode_guard: SPI_connect failed");
	g.batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "vbp tracecode_guard batch", ALLOCSET_DEFAULT_SIZES);
	/*
	 * The states are vbp's bookkeeping: written and read as their owner, with
	 * a search_path of pg_catalog only, so that nothing the writer put on its
	 * path (an operator, a function) runs with the owner's rights.
	 */
	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	g.owner = vbp_table_owner("trace_code_state");
	g.privileged = superuser() || g.owner == GetUserId();
	g.hide_others = !g.privileged;
	vbp_become_owner(g.owner, &g.save);
	citus_targets(&g);
	load_rules(g.opt.rules);
	prepare_plans(&g);
	vbp_restore_user(&g.save);

	if (TRIGGER_FIRED_FOR_ROW(evt))
	{
		TupleTableSlot *os = MakeSingleTupleTableSlot(g.desc, &TTSOpsHeapTuple);
		TupleTableSlot *ns = MakeSingleTupleTableSlot(g.desc, &TTSOpsHeapTuple);

		if (TRIGGER_FIRED_BY_INSERT(evt))
		{
			ExecStoreHeapTuple(td->tg_trigtuple, ns, false);
			batch_event(&g, ns, +1);
			result = td->tg_trigtuple;
		}
		else if (TRIGGER_FIRED_BY_DELETE(evt))
		{
			ExecStoreHeapTuple(td->tg_trigtuple, os, false);
			batch_event(&g, os, -1);
			result = td->tg_trigtuple;
		}
		else
		{
			ExecStoreHeapTuple(td->tg_trigtuple, os, false);
			ExecStoreHeapTuple(td->tg_newtuple, ns, false);
			batch_event(&g, os, -1);
			batch_event(&g, ns, +1);
			pair_update(&g);
			result = td->tg_newtuple;
		}
		flush(&g);
		ExecDropSingleTupleTableSlot(os);
		ExecDropSingleTupleTableSlot(ns);
	}
	else if (TRIGGER_FIRED_BY_INSERT(evt))
		read_tables(&g, NULL, td->tg_newtable);
	else if (TRIGGER_FIRED_BY_DELETE(evt))
		read_tables(&g, td->tg_oldtable, NULL);
	else
		read_tables(&g, td->tg_oldtable, td->tg_newtable);
	AtEOXact_GUC(true, save_nestlevel);
	SPI_finish();
	if (TRIGGER_FIRED_FOR_ROW(evt))
		return PointerGetDatum(result);
	return PointerGetDatum(NULL);
}

/*
 * vbp.tracecode_guard_check(table, options...): the guard's options checked
 * as the trigger reads them, by the same parse_options() and load_rules(),
 * without a write: an unknown column (42703), a bad option or an unknown rule
 * set (22023) fails here with the error the first write would raise.
 * vbp.attach_tracecode_guard() calls it before it creates its triggers; a
 * row trigger made with CREATE TRIGGER is checked by calling it with the
 * trigger's arguments.
 */
PG_FUNCTION_INFO_V1(pgvbp_tracecode_guard_check);
Datum
pgvbp_tracecode_guard_check(PG_FUNCTION_ARGS)
{
	Oid			relid;
	Guard		g;
	Trigger		trig;
	Datum	   *elems = NULL;
	bool	   *nulls = NULL;
	int			n = 0,
				i,
				save_nestlevel;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the table of a traceability-code guard must not be null")));
	relid = PG_GETARG_OID(0);
	if (!PG_ARGISNULL(1))
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);

		if (ARR_NDIM(arr) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("the options of a traceability-code guard are a one-dimensional array")));
		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	}
	memset(&g, 0, sizeof(g));
	g.rel = relation_open(relid, AccessShareLock);
	g.desc = RelationGetDescr(g.rel);
	memset(&trig, 0, sizeof(trig));
	trig.tgnargs = (int16) n;
	trig.tgargs = palloc(sizeof(char *) * (n + 1));
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			bad_options(g.rel, psprintf("Option %d is null; every option is key=value.", i + 1));
		trig.tgargs[i] = TextDatumGetCString(elems[i]);
	}
	parse_options(&g, &trig);

	/* the rules are read as the trigger reads them: as the states' owner, on pg_catalog's path */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tracecode_guard_check: SPI_connect failed");
	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	g.owner = vbp_table_owner("trace_code_state");
	vbp_become_owner(g.owner, &g.save);
	load_rules(g.opt.rules);
	vbp_restore_user(&g.save);
	AtEOXact_GUC(true, save_nestlevel);
	SPI_finish();
	relation_close(g.rel, AccessShareLock);
	PG_RETURN_VOID();
}

/*
 * vbp.trace_rules_changed(): statement trigger on the tables the guard's
 * rules come from; makes every backend read the rules again.
 */
PG_FUNCTION_INFO_V1(pgvbp_trace_rules_changed);
Datum
pgvbp_trace_rules_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trace_rules_changed: not called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(td->tg_relation));
	{
		/* on Citus a rule table changes through its shard, <table>_<shard id> */
		const char *name = RelationGetRelationName(td->tg_relation);
		const char *us = shard_suffix(name);

		if (us != NULL)
		{
			char	   *base = pnstrdup(name, us - name);
			Oid			relid = get_relname_relid(base, RelationGetNamespace(td->tg_relation));

			if (OidIsValid(relid))
				CacheInvalidateRelcacheByRelid(relid);
		}
	}
	return PointerGetDatum(NULL);
}
