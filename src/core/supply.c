/*
 * supply.c
 *		The supply of one order line from its events (doc/supply.md): first
 *		and latest response, units confirmed in part, delivered (net) and
 *		cancelled, the first delivery, and the first day at whose end the
 *		deliveries so far reach what is due (ordered - cancelled).  The reports aggregate a
 *		line's events with vbp.order_line_track, whose final calls this.
 */
#include "vbp_core.h"

#include <string.h>

const char *const vbp_order_event_names[VBP_EV_KINDS] = {
	"confirmed", "partially_confirmed", "refused", "delivered", "cancelled"
};

int
vbp_order_event_kind_of(const char *s, size_t len)
{
	int			k;

	for (k = 0; k < VBP_EV_KINDS; k++)
		if (strlen(vbp_order_event_names[k]) == len && memcmp(vbp_order_event_names[k], s, len) == 0)
			return k;
	return -1;
}

static int
event_cmp(const vbp_order_event *a, const vbp_order_event *b, vbp_text_cmp cmp, void *arg)
{
	int			c;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	/* as ORDER BY event_no: an event without a number after every number */
	if (a->no_null != b->no_null)
		return a->no_null ? 1 : -1;
	if (!a->no_null)
	{
		c = cmp(a->no, a->no_len, b->no, b->no_len, arg);
		if (c != 0)
			return c;
	}
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->has_qty != b->has_qty)
		return a->has_qty ? 1 : -1;
	if (a->qty != b->qty)
		return a->qty < b->qty ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

static void
sift_down(vbp_order_event *ev, size_t root, size_t n, vbp_text_cmp cmp, void *arg)
{
	for (;;)
	{
		size_t		child = 2 * root + 1;
		vbp_order_event t;

		if (child >= n)
			return;
		if (child + 1 < n && event_cmp(&ev[child], &ev[child + 1], cmp, arg) < 0)
			child++;
		if (event_cmp(&ev[root], &ev[child], cmp, arg) >= 0)
			return;
		t = ev[root];
		ev[root] = ev[child];
		ev[child] = t;
		root = child;
	}
}

static void
sort_events(vbp_order_event *ev, size_t n, vbp_text_cmp cmp, void *arg)
{
	size_t		i;

	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift_down(ev, i, n, cmp, arg);
	for (i = n - 1; i > 0; i--)
	{
		vbp_order_event t = ev[0];

		ev[0] = ev[i];
		ev[i] = t;
		sift_down(ev, 0, i, cmp, arg);
	}
}

static bool
fits_int64(vbp_int128 v)
{
	return v >= (vbp_int128) INT64_MIN && v <= (vbp_int128) INT64_MAX;
}

vbp_errkind
vbp_line_supply_compute(vbp_order_event *ev, size_t n, int64_t ordered,
						vbp_text_cmp cmp, void *cmp_arg, vbp_line_supply *out, vbp_error *err)
{
	vbp_int128	confirmed_part = 0,
				delivered = 0,
				cancelled = 0,
				so_far = 0,
				need;
	size_t		i;
	bool		delivered_today = false;

	memset(out, 0, sizeof(*out));
	out->response = -1;
	sort_events(ev, n, cmp, cmp_arg);
	for (i = 0; i < n; i++)
	{
		const vbp_order_event *e = &ev[i];
		vbp_int128	q = e->has_qty ? e->qty : 0;

		switch (e->kind)
		{
			case VBP_EV_PARTIALLY_CONFIRMED:
				if (e->has_qty)
				{
					confirmed_part += q;
					out->has_confirmed_part = true;
				}
				/* FALLTHROUGH */
			case VBP_EV_CONFIRMED:
			case VBP_EV_REFUSED:
				if (!out->has_responded)
				{
					out->has_responded = true;
					out->responded_on = e->day;
				}
				out->response = e->kind;	/* sorted: the last one is the latest */
				out->response_on = e->day;
				break;
			case VBP_EV_DELIVERED:
				delivered += q;
				if (q > 0 && !out->has_first_delivered)
				{
					out->has_first_delivered = true;
					out->first_delivered_on = e->day;
				}
				break;
			case VBP_EV_CANCELLED:
				cancelled += q;
				out->has_cancelled_on = true;
				out->cancelled_on = e->day;
				break;
			default:
				return vbp_fail(err, VBP_EPARAM, "Event kind %d is not an order event.", (int) e->kind);
		}
	}
	if (!fits_int64(delivered) || !fits_int64(cancelled) || !fits_int64(confirmed_part))
		return vbp_fail(err, VBP_ERANGE, "The units of an order line's events exceed the range of bigint.");
	out->delivered = (int64_t) delivered;
	out->cancelled = (int64_t) cancelled;
	out->confirmed_part = (int64_t) confirmed_part;
	/*
	 * The first day at whose end the deliveries so far cover what is due: a
	 * day's deliveries and returns are taken together (a delivery sent back
	 * the same day does not deliver the line in full, whatever the order of
	 * the two events)
	 */
	need = (vbp_int128) ordered - cancelled;
	for (i = 0; i < n; i++)
	{
		if (ev[i].kind == VBP_EV_DELIVERED)
		{
			so_far += ev[i].has_qty ? ev[i].qty : 0;
			delivered_today = true;
		}
		if (i + 1 < n && ev[i + 1].day == ev[i].day)
			continue;			/* the day's other events first (sorted by day) */
		if (delivered_today && so_far >= need)
		{
			out->has_full = true;
			out->full_on = ev[i].day;
			break;
		}
		delivered_today = false;
	}
	return VBP_OK;
}
