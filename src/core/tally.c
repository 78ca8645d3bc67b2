/*
 * tally.c
 *		The purchase tally behind fulfilment and retention: in one pass over
 *		purchases, the units and spend of selected and other products and the
 *		payment counts of products in the batch (DOMAIN.md §4: completion,
 *		selected share, on-time payment; §5: actual spend).
 *
 * Sums are 128-bit, so no realistic input overflows; the final values are
 * range-checked into 64 bits.
 */
#include "vbp_core.h"

void
vbp_tally_init(vbp_tally *t)
{
	t->selected_units = 0;
	t->other_units = 0;
	t->selected_fen = 0;
	t->other_fen = 0;
	t->purchases = 0;
	t->payments_due = 0;
	t->paid_on_time = 0;
}

void
vbp_tally_add(vbp_tally *t, int64_t units, int64_t fen, bool selected, bool bid,
			  bool due, bool on_time)
{
	if (selected)
	{
		t->selected_units += units;
		t->selected_fen += fen;
	}
	else
	{
		t->other_units += units;
		t->other_fen += fen;
	}
	if (bid)
	{
		t->purchases++;
		t->payments_due += due;
		t->paid_on_time += on_time;
	}
}

/*
 * One purchase of an agreement cycle as of a date (days since any epoch;
 * PostgreSQL's infinite dates are the int32 extremes and compare right):
 * counted if cycle_start <= purchased <= min(cycle_end, as_of).  For
 * products in the batch, the payment is due once accepted + payment_days <=
 * as_of or once paid, and on time if paid <= accepted + payment_days.  A
 * missing accepted/paid date or payment_days makes the comparison false, as
 * NULL does in SQL.
 */
void
vbp_tally_add_purchase(vbp_tally *t, int64_t units, int64_t fen, int32_t purchased,
					   const int32_t *accepted, const int32_t *paid, bool selected, bool bid,
					   int32_t cycle_start, int32_t cycle_end, int32_t as_of,
					   const int32_t *payment_days)
{
	bool		due,
				on_time;

	if (purchased < cycle_start || purchased > cycle_end || purchased > as_of)
		return;
	due = paid != NULL ||
		(accepted != NULL && payment_days != NULL &&
		 (int64_t) *accepted + *payment_days <= (int64_t) as_of);
	on_time = paid != NULL && accepted != NULL && payment_days != NULL &&
		(int64_t) *paid <= (int64_t) *accepted + *payment_days;
	vbp_tally_add(t, units, fen, selected, bid, due, on_time);
}

void
vbp_tally_combine(vbp_tally *into, const vbp_tally *from)
{
	into->selected_units += from->selected_units;
	into->other_units += from->other_units;
	into->selected_fen += from->selected_fen;
	into->other_fen += from->other_fen;
	into->purchases += from->purchases;
	into->payments_due += from->payments_due;
	into->paid_on_time += from->paid_on_time;
}

void
vbp_tally_serialize(const vbp_tally *t, unsigned char *wire)
{
	vbp_put_be128(wire, t->selected_units);
	vbp_put_be128(wire + 16, t->other_units);
	vbp_put_be128(wire + 32, t->selected_fen);
	vbp_put_be128(wire + 48, t->other_fen);
	vbp_put_be128(wire + 64, t->purchases);
	vbp_put_be128(wire + 80, t->payments_due);
	vbp_put_be128(wire + 96, t->paid_on_time);
}

vbp_errkind
vbp_tally_deserialize(const unsigned char *wire, vbp_tally *t, vbp_error *err)
{
	vbp_int128	counts[3];
	int			i;

	t->selected_units = vbp_get_be128(wire);
	t->other_units = vbp_get_be128(wire + 16);
	t->selected_fen = vbp_get_be128(wire + 32);
	t->other_fen = vbp_get_be128(wire + 48);
	for (i = 0; i < 3; i++)
	{
		counts[i] = vbp_get_be128(wire + 64 + 16 * i);
		if (counts[i] < 0 || counts[i] > INT64_MAX)
			return vbp_fail(err, VBP_ERANGE, "A purchase count of the state is out of range.");
	}
	t->purchases = (int64_t) counts[0];
	t->payments_due = (int64_t) counts[1];
	t->paid_on_time = (int64_t) counts[2];
	if (t->paid_on_time > t->purchases || t->payments_due > t->purchases)
		return vbp_fail(err, VBP_ERANGE, "The state counts more payments than purchases.");
	return VBP_OK;
}

vbp_errkind
vbp_tally_units(vbp_int128 units, int64_t *out, vbp_error *err)
{
	if (units > INT64_MAX || units < INT64_MIN)
		return vbp_fail(err, VBP_ERANGE, "The units add up to more than a bigint holds.");
	*out = (int64_t) units;
	return VBP_OK;
}

/*
 * Time progress of a cycle on a date as a fraction num / den, clipped to
 * [0, 1]: (as_of - start + 1) / (end - start + 1) (DOMAIN.md §4).  Dates are
 * days; a cycle ending before it starts is a bad parameter.
 */
vbp_errkind
vbp_time_progress(int32_t cycle_start, int32_t cycle_end, int32_t as_of,
				  int64_t *num, int64_t *den, vbp_error *err)
{
	if (cycle_end < cycle_start)
		return vbp_fail(err, VBP_EPARAM, "The cycle ends before it starts.");
	*den = (int64_t) cycle_end - cycle_start + 1;
	*num = (int64_t) as_of - cycle_start + 1;
	if (*num < 0)
		*num = 0;
	if (*num > *den)
		*num = *den;
	return VBP_OK;
}

/*
 * Fulfilment status from the three exact comparisons (DOMAIN.md §4):
 * completed if completion >= 1, on_track if completion >= time progress,
 * lagging if completion >= lagging factor x time progress, else severely
 * lagging.  The caller compares (the glue in exact numeric).
 */
const char *
vbp_fulfilment_status(bool reached_agreed, bool reached_time, bool reached_lagging)
{
	if (reached_agreed)
		return "completed";
	if (reached_time)
		return "on_track";
	if (reached_lagging)
		return "lagging";
	return "severely_lagging";
}
