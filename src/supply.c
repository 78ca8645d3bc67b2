/*
 * supply.c
 *		Glue of core/supply.c: the aggregate vbp.order_line_track, which
 *		collects the events of one order line and returns what the supply
 *		reports need (vbp.order_line_supply_for), in one pass over the events.
 *
 * The state keeps the events (day, kind, quantity, event number) in arrays
 * in the aggregate's memory context, with combine, serial and deserial
 * functions so partial and parallel aggregation work; the final sorts them
 * (core) by day and event number, the event numbers compared under the
 * aggregate's collation, as ORDER BY happened_on, event_no would.
 */
#include "vbp_glue.h"

#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "funcapi.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/varlena.h"

typedef struct LineTrack
{
	MemoryContext cxt;			/* where the state and its arrays live */
	bool		has_ordered;
	int64		ordered;
	Oid			collation;
	int32		n;
	int32		cap;
	vbp_order_event *ev;		/* ev[i].no is NULL while collecting: see off */
	uint32	   *off;			/* each event number's offset in text */
	StringInfoData text;
} LineTrack;

/*
 * A new state in cxt, with room for cap events and text_cap bytes of event
 * numbers (grown as needed): most lines have a handful of short event
 * numbers, and the final aggregation of a parallel plan makes one state per
 * line in the leader.
 */
static LineTrack *
track_new(MemoryContext cxt, Oid collation, int32 cap, int text_cap)
{
	LineTrack  *t = MemoryContextAllocZero(cxt, sizeof(LineTrack));

	t->cxt = cxt;
	t->collation = OidIsValid(collation) ? collation : DEFAULT_COLLATION_OID;
	t->cap = Max(cap, 4);
	t->ev = MemoryContextAlloc(cxt, sizeof(vbp_order_event) * t->cap);
	t->off = MemoryContextAlloc(cxt, sizeof(uint32) * t->cap);
	t->text.maxlen = Max(text_cap, 16) + 1;
	t->text.data = MemoryContextAlloc(cxt, t->text.maxlen);
	t->text.data[0] = '\0';
	t->text.len = 0;
	t->text.cursor = 0;
	return t;
}

static void
track_add(LineTrack *t, int32 day, int kind, bool has_qty, int64 qty, const char *no, int no_len, bool no_null)
{
	MemoryContext old = MemoryContextSwitchTo(t->cxt);
	vbp_order_event *e;

	if (t->n == t->cap)
	{
		if (t->cap >= (int32) (MaxAllocSize / sizeof(vbp_order_event) / 2))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("an order line has too many events")));
		t->cap *= 2;
		t->ev = repalloc(t->ev, sizeof(vbp_order_event) * t->cap);
		t->off = repalloc(t->off, sizeof(uint32) * t->cap);
	}
	e = &t->ev[t->n];
	e->day = day;
	e->kind = kind;
	e->has_qty = has_qty;
	e->qty = has_qty ? qty : 0;
	e->no = NULL;
	e->no_len = (size_t) no_len;
	e->no_null = no_null;
	e->seq = (uint32) t->n;
	t->off[t->n] = (uint32) t->text.len;
	appendBinaryStringInfo(&t->text, no, no_len);
	t->n++;
	MemoryContextSwitchTo(old);
}

/*
 * The units ordered, which every row of a line gives alike: rows that differ
 * would make the result depend on which came first.
 */
static void
track_set_ordered(LineTrack *t, int64 ordered)
{
	if (!t->has_ordered)
	{
		t->has_ordered = true;
		t->ordered = ordered;
	}
	else if (t->ordered != ordered)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the rows of one order line give different units ordered"),
				 errdetail("One row gives " INT64_FORMAT " units and another " INT64_FORMAT ".", t->ordered, ordered),
				 errhint("Group the events by order line and pass the line's own units ordered on each row.")));
}

/*
 * Transition (ordered bigint, event text, happened_on date, event_no text,
 * quantity bigint): a row without an event (a line with none, from an outer
 * join) only records the units ordered.
 */
PG_FUNCTION_INFO_V1(pgvbp_order_line_track_collect);
Datum
pgvbp_order_line_track_collect(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = vbp_agg_context(fcinfo, "order_line_track");
	LineTrack  *t = PG_ARGISNULL(0) ? track_new(cxt, PG_GET_COLLATION(), 8, 32) : (LineTrack *) PG_GETARG_POINTER(0);
	text	   *ev,
			   *no;
	int			kind;
	DateADT		day;

	if (!PG_ARGISNULL(1))
		track_set_ordered(t, PG_GETARG_INT64(1));
	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(t);
	ev = PG_GETARG_TEXT_PP(2);
	kind = vbp_order_event_kind_of(VARDATA_ANY(ev), VARSIZE_ANY_EXHDR(ev));
	if (kind < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not an order event", text_to_cstring(ev)),
				 errhint("An order event is confirmed, partially_confirmed, refused, delivered or cancelled.")));
	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("an order event must have a date")));
	day = PG_GETARG_DATEADT(3);
	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("an order event must have a finite date")));
	no = PG_ARGISNULL(4) ? NULL : PG_GETARG_TEXT_PP(4);
	track_add(t, (int32) day, kind, !PG_ARGISNULL(5), PG_ARGISNULL(5) ? 0 : PG_GETARG_INT64(5),
			  no ? VARDATA_ANY(no) : "", no ? (int) VARSIZE_ANY_EXHDR(no) : 0, no == NULL);
	PG_RETURN_POINTER(t);
}

/* Combine: appends the second state's events to the first's. */
PG_FUNCTION_INFO_V1(pgvbp_order_line_track_combine);
Datum
pgvbp_order_line_track_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = vbp_agg_context(fcinfo, "order_line_track");
	LineTrack  *a = PG_ARGISNULL(0) ? NULL : (LineTrack *) PG_GETARG_POINTER(0);
	LineTrack  *b = PG_ARGISNULL(1) ? NULL : (LineTrack *) PG_GETARG_POINTER(1);
	int32		i;

	if (b == NULL)
		PG_RETURN_POINTER(a);
	/* the first state of a group, already in the aggregate's context: kept as it is */
	if (a == NULL && b->cxt == cxt)
		PG_RETURN_POINTER(b);
	if (a == NULL)
		a = track_new(cxt, b->collation, b->n, b->text.len);
	if (b->has_ordered)
		track_set_ordered(a, b->ordered);
	for (i = 0; i < b->n; i++)
		track_add(a, b->ev[i].day, b->ev[i].kind, b->ev[i].has_qty, b->ev[i].qty,
				  b->text.data + b->off[i], (int) b->ev[i].no_len, b->ev[i].no_null);
	/* a deserialized state made in this context is not read again: freed */
	if (b->cxt == cxt)
	{
		pfree(b->ev);
		pfree(b->off);
		pfree(b->text.data);
		pfree(b);
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serial: has_ordered (1), ordered (8), collation (4), n (4), then each event:
 * day (4), kind (1), has_qty (1), qty (8), event number length (4; -1 for
 * none) and bytes.
 */
PG_FUNCTION_INFO_V1(pgvbp_order_line_track_serialize);
Datum
pgvbp_order_line_track_serialize(PG_FUNCTION_ARGS)
{
	LineTrack  *t = (LineTrack *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int32		i;

	(void) vbp_agg_context(fcinfo, "order_line_track");
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, t->has_ordered ? 1 : 0);
	pq_sendint64(&buf, t->ordered);
	pq_sendint32(&buf, t->collation);
	pq_sendint32(&buf, t->n);
	for (i = 0; i < t->n; i++)
	{
		pq_sendint32(&buf, t->ev[i].day);
		pq_sendbyte(&buf, t->ev[i].kind);
		pq_sendbyte(&buf, t->ev[i].has_qty ? 1 : 0);
		pq_sendint64(&buf, t->ev[i].qty);
		/* no event number: length -1 */
		pq_sendint32(&buf, t->ev[i].no_null ? -1 : (int32) t->ev[i].no_len);
		pq_sendbytes(&buf, t->text.data + t->off[i], (int) t->ev[i].no_len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserial: the inverse of serial; a malformed state is an error. */
PG_FUNCTION_INFO_V1(pgvbp_order_line_track_deserialize);
Datum
pgvbp_order_line_track_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MemoryContext cxt;
	LineTrack  *t;
	int32		n,
				i;

	cxt = vbp_agg_context(fcinfo, "order_line_track");
	buf.data = VARDATA_ANY(in);
	buf.len = VARSIZE_ANY_EXHDR(in);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (buf.len < 17)
		vbp_state_error("order line track", "The state is shorter than its header.");
	{
		bool		has_ordered = pq_getmsgbyte(&buf) != 0;
		int64		ordered = pq_getmsgint64(&buf);
		Oid			collation = (Oid) pq_getmsgint(&buf, 4);

		n = (int32) pq_getmsgint(&buf, 4);
		/* each event takes at least 18 bytes: a count past that is malformed */
		if (n < 0 || n > (buf.len - buf.cursor) / 18)
			vbp_state_error("order line track", "The number of events does not fit the state.");
		/* in the aggregate's context, sized for its events: the combine keeps it */
		t = track_new(cxt, collation, n, buf.len - buf.cursor - 18 * n);
		t->has_ordered = has_ordered;
		t->ordered = ordered;
	}
	for (i = 0; i < n; i++)
	{
		int32		day,
					len;
		int			kind;
		bool		has_qty;
		int64		qty;

		if (buf.len - buf.cursor < 18)
			vbp_state_error("order line track", "The state ends inside an event.");
		day = (int32) pq_getmsgint(&buf, 4);
		kind = pq_getmsgbyte(&buf);
		has_qty = pq_getmsgbyte(&buf) != 0;
		qty = pq_getmsgint64(&buf);
		len = (int32) pq_getmsgint(&buf, 4);
		if (kind >= VBP_EV_KINDS)
			vbp_state_error("order line track", "An event has an unknown kind.");
		if (len < -1 || len > buf.len - buf.cursor)
			vbp_state_error("order line track", "An event number is longer than the state.");
		track_add(t, day, kind, has_qty, qty, len < 0 ? "" : pq_getmsgbytes(&buf, len), Max(len, 0), len < 0);
	}
	if (buf.cursor != buf.len)
		vbp_state_error("order line track", "The state has bytes after its last event.");
	PG_RETURN_POINTER(t);
}

static int
event_no_cmp(const char *a, size_t alen, const char *b, size_t blen, void *arg)
{
	return varstr_cmp(a, (int) alen, b, (int) blen, *(Oid *) arg);
}

/*
 * Final: a vbp.order_line_track row (responded_on, response, confirmed_part,
 * delivered, cancelled, cancelled_on, first_delivered_on, full_on,
 * response_on); a line
 * without events has no dates, no response and 0 units delivered and
 * cancelled.  The final only reads the state (it sorts a copy of the events).
 */
PG_FUNCTION_INFO_V1(pgvbp_order_line_track_final);
Datum
pgvbp_order_line_track_final(PG_FUNCTION_ARGS)
{
	LineTrack  *t = PG_ARGISNULL(0) ? NULL : (LineTrack *) PG_GETARG_POINTER(0);
	TupleDesc	desc;
	Datum		values[9];
	bool		nulls[9];
	vbp_line_supply s;
	vbp_error	err;
	vbp_order_event *ev = NULL;
	int32		n = t ? t->n : 0,
				i;

	(void) vbp_agg_context(fcinfo, "order_line_track");
	/* the result's descriptor, looked up once per call site (one per line otherwise) */
	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "order_line_track must return a composite type");
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	if (n > 0)
	{
		ev = palloc(sizeof(vbp_order_event) * n);
		for (i = 0; i < n; i++)
		{
			ev[i] = t->ev[i];
			ev[i].no = t->text.data + t->off[i];
		}
	}
	if (vbp_line_supply_compute(ev, (size_t) n, t && t->has_ordered ? t->ordered : 0,
								event_no_cmp, t ? &t->collation : NULL, &s, &err) != VBP_OK)
		vbp_value_error(&err, "order line units out of range");
	memset(nulls, 0, sizeof(nulls));
	values[0] = DateADTGetDatum(s.responded_on);
	nulls[0] = !s.has_responded;
	if (s.response >= 0)
		values[1] = CStringGetTextDatum(vbp_order_event_names[s.response]);
	nulls[1] = s.response < 0;
	values[2] = Int64GetDatum(s.confirmed_part);
	nulls[2] = !s.has_confirmed_part;
	values[3] = Int64GetDatum(s.delivered);
	values[4] = Int64GetDatum(s.cancelled);
	values[5] = DateADTGetDatum(s.cancelled_on);
	nulls[5] = !s.has_cancelled_on;
	values[6] = DateADTGetDatum(s.first_delivered_on);
	nulls[6] = !s.has_first_delivered;
	values[7] = DateADTGetDatum(s.full_on);
	nulls[7] = !s.has_full || !(t && t->has_ordered);
	values[8] = DateADTGetDatum(s.response_on);
	nulls[8] = s.response < 0;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
