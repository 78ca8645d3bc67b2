/*
 * test_supply.c
 *		The supply of an order line from its events (core/supply.c), each case
 *		worked by hand; and a property test against a brute-force reference.
 */
#include "unit.h"

static int
bytes_cmp(const char *a, size_t alen, const char *b, size_t blen, void *arg)
{
	size_t		n = alen < blen ? alen : blen;
	int			c = memcmp(a, b, n);

	(void) arg;
	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen ? 1 : 0;
}

static vbp_order_event
E(int32_t day, int kind, int64_t qty, const char *no)
{
	static uint32_t seq;
	vbp_order_event e;

	e.day = day;
	e.kind = kind;
	e.has_qty = kind != VBP_EV_REFUSED && kind != VBP_EV_CONFIRMED;
	e.qty = e.has_qty ? qty : 0;
	e.no = no ? no : "";
	e.no_len = no ? strlen(no) : 0;
	e.no_null = no == NULL;
	e.seq = seq++;
	return e;
}

TEST(supply_line_by_hand)
{
	vbp_line_supply s;
	vbp_error	err;
	/*
	 * 100 ordered on day 0.  Given out of order: delivered 60 on day 5, a
	 * partial confirmation of 80 on day 1, cancelled 20 on day 4, delivered
	 * 30 on day 3 (event 2) and 10 on day 3 (event 1).  Sorted: 1 partial(80),
	 * 3 delivered 10 (no 1), 3 delivered 30 (no 2), 4 cancelled 20, 5
	 * delivered 60.  Need = 100 - 20 = 80; running 10, 40, 100: full on day 5.
	 * Delivered 100, cancelled 20, first delivery day 3, last cancel day 4.
	 */
	vbp_order_event ev[] = {
		E(5, VBP_EV_DELIVERED, 60, "3"), E(1, VBP_EV_PARTIALLY_CONFIRMED, 80, "1"),
		E(4, VBP_EV_CANCELLED, 20, "1"), E(3, VBP_EV_DELIVERED, 30, "2"), E(3, VBP_EV_DELIVERED, 10, "1")
	};

	CHECK(vbp_line_supply_compute(ev, 5, 100, bytes_cmp, NULL, &s, &err) == VBP_OK);
	CHECK(s.has_responded && s.responded_on == 1);
	CHECK(s.response == VBP_EV_PARTIALLY_CONFIRMED);
	CHECK(s.has_confirmed_part && s.confirmed_part == 80);
	CHECK(s.delivered == 100 && s.cancelled == 20);
	CHECK(s.has_cancelled_on && s.cancelled_on == 4);
	CHECK(s.has_first_delivered && s.first_delivered_on == 3);
	CHECK(s.has_full && s.full_on == 5);
	/* the events are sorted in place: day, then event number */
	CHECK(ev[0].day == 1 && ev[1].day == 3 && ev[1].qty == 10 && ev[2].qty == 30 && ev[4].day == 5);
}

TEST(supply_line_returns_and_refusal)
{
	vbp_line_supply s;
	vbp_error	err;
	/*
	 * 50 ordered.  Confirmed day 1, then refused day 2 (latest response:
	 * refused).  Delivered 50 day 3, 20 sent back (-20) day 4, 20 again day
	 * 6.  Running 50 (>= 50: full on day 3, the first time it is reached).
	 * Delivered net 50.  First delivery of a positive quantity: day 3.
	 */
	vbp_order_event ev[] = {
		E(6, VBP_EV_DELIVERED, 20, "3"), E(2, VBP_EV_REFUSED, 0, "1"), E(1, VBP_EV_CONFIRMED, 0, "1"),
		E(4, VBP_EV_DELIVERED, -20, "2"), E(3, VBP_EV_DELIVERED, 50, "1")
	};

	CHECK(vbp_line_supply_compute(ev, 5, 50, bytes_cmp, NULL, &s, &err) == VBP_OK);
	CHECK(s.responded_on == 1 && s.response == VBP_EV_REFUSED);
	CHECK(!s.has_confirmed_part);
	CHECK(s.delivered == 50 && s.cancelled == 0 && !s.has_cancelled_on);
	CHECK(s.first_delivered_on == 3 && s.has_full && s.full_on == 3);
}

TEST(supply_line_empty_and_short)
{
	vbp_line_supply s;
	vbp_error	err;
	/* no events: nothing responded, 0 delivered, never full */
	CHECK(vbp_line_supply_compute(NULL, 0, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
	CHECK(!s.has_responded && s.response == -1 && s.delivered == 0 && !s.has_full && !s.has_first_delivered);
	{
		/* 10 ordered, 4 + 5 delivered: 9 < 10, never full */
		vbp_order_event ev[] = {E(2, VBP_EV_DELIVERED, 4, "1"), E(3, VBP_EV_DELIVERED, 5, "2")};

		CHECK(vbp_line_supply_compute(ev, 2, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(s.delivered == 9 && !s.has_full);
	}
	{
		/* totals beyond bigint are refused */
		vbp_order_event ev[] = {E(2, VBP_EV_DELIVERED, INT64_MAX, "1"), E(3, VBP_EV_DELIVERED, 5, "2")};

		CHECK(vbp_line_supply_compute(ev, 2, 10, bytes_cmp, NULL, &s, &err) == VBP_ERANGE);
	}
	CHECK(vbp_order_event_kind_of("delivered", 9) == VBP_EV_DELIVERED);
	CHECK(vbp_order_event_kind_of("Delivered", 9) == -1);
	CHECK(vbp_order_event_kind_of("deliver", 7) == -1);
}

/* property: the full day equals a brute-force scan over every prefix, for random lines */
TEST(supply_line_property)
{
	uint64_t	rng = 42;
	int			round;

	for (round = 0; round < 2000; round++)
	{
		vbp_order_event ev[40],
					ref[40];
		char		nos[40][4];
		int			n = (int) (unit_rng(&rng) % 40),
					i,
					j;
		int64_t		ordered = (int64_t) (unit_rng(&rng) % 100) + 1;
		vbp_line_supply s;
		vbp_error	err;
		int64_t		cancelled = 0,
					delivered = 0;
		int32_t		best = -1;

		for (i = 0; i < n; i++)
		{
			snprintf(nos[i], sizeof(nos[i]), "%d", (int) (unit_rng(&rng) % 12));
			ev[i] = E((int32_t) (unit_rng(&rng) % 20), (int) (unit_rng(&rng) % VBP_EV_KINDS),
					  (int64_t) (unit_rng(&rng) % 50) - 5, nos[i]);
			ref[i] = ev[i];
			if (ev[i].kind == VBP_EV_CANCELLED)
				cancelled += ev[i].qty;
			if (ev[i].kind == VBP_EV_DELIVERED)
				delivered += ev[i].qty;
		}
		CHECK(vbp_line_supply_compute(ev, (size_t) n, ordered, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(s.delivered == delivered && s.cancelled == cancelled);
		/* sorted: non-decreasing by (day, number) */
		for (i = 1; i < n; i++)
			CHECK(ev[i - 1].day < ev[i].day ||
				  (ev[i - 1].day == ev[i].day && bytes_cmp(ev[i - 1].no, ev[i - 1].no_len, ev[i].no, ev[i].no_len, NULL) <= 0));
		/*
		 * brute force: the least day d with a delivery such that every
		 * delivery of a day up to d, that day's included, reaches the need
		 */
		for (i = 0; i < n; i++)
		{
			int64_t		so_far = 0;

			if (ref[i].kind != VBP_EV_DELIVERED)
				continue;
			for (j = 0; j < n; j++)
				if (ref[j].kind == VBP_EV_DELIVERED && ref[j].day <= ref[i].day)
					so_far += ref[j].qty;
			if (so_far >= ordered - cancelled && (best < 0 || ref[i].day < best))
				best = ref[i].day;
		}
		CHECK(s.has_full == (best >= 0));
		if (best >= 0)
			CHECK(s.full_on == best);
		/* the same events in reverse arrival order give the same line */
		{
			vbp_line_supply r;

			for (i = 0; i < n; i++)
			{
				ev[i] = ref[n - 1 - i];
				ev[i].seq = (uint32_t) i;
			}
			CHECK(vbp_line_supply_compute(ev, (size_t) n, ordered, bytes_cmp, NULL, &r, &err) == VBP_OK);
			CHECK(r.has_full == s.has_full && (!s.has_full || r.full_on == s.full_on));
			CHECK(r.response == s.response && r.has_responded == s.has_responded && r.responded_on == s.responded_on);
			CHECK(r.delivered == s.delivered && r.cancelled == s.cancelled && r.confirmed_part == s.confirmed_part);
		}
	}
}

TEST(supply_line_ties)
{
	vbp_line_supply s;
	vbp_error	err;

	{
		/*
		 * 10 ordered; on day 1 delivered 10 and sent back 10 (-10), same
		 * event number: net 0 at the day's end, so not delivered in full, in
		 * either order of the two events
		 */
		vbp_order_event a[] = {E(1, VBP_EV_DELIVERED, 10, "D"), E(1, VBP_EV_DELIVERED, -10, "D")};
		vbp_order_event b[] = {E(1, VBP_EV_DELIVERED, -10, "D"), E(1, VBP_EV_DELIVERED, 10, "D")};

		CHECK(vbp_line_supply_compute(a, 2, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(!s.has_full && s.delivered == 0 && s.first_delivered_on == 1);
		CHECK(vbp_line_supply_compute(b, 2, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(!s.has_full && s.delivered == 0);
	}
	{
		/*
		 * 10 ordered: day 1 delivered 10 and sent back 10 under different
		 * numbers, day 2 delivered 10: full on day 2 (net 0 after day 1, 10
		 * after day 2); a day with a cancellation after its deliveries is
		 * still judged at its end
		 */
		vbp_order_event ev[] = {E(1, VBP_EV_DELIVERED, 10, "1"), E(1, VBP_EV_DELIVERED, -10, "2"),
		E(2, VBP_EV_DELIVERED, 10, "1"), E(2, VBP_EV_CANCELLED, 0, "9")};

		CHECK(vbp_line_supply_compute(ev, 4, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(s.has_full && s.full_on == 2);
	}
	{
		/*
		 * an event without a number sorts after every number of its day, as
		 * ORDER BY happened_on, event_no: confirmed (E1) then refused (none)
		 * on day 1, so the latest response is the refusal
		 */
		vbp_order_event ev[] = {E(1, VBP_EV_REFUSED, 0, NULL), E(1, VBP_EV_CONFIRMED, 0, "E1")};

		CHECK(vbp_line_supply_compute(ev, 2, 10, bytes_cmp, NULL, &s, &err) == VBP_OK);
		CHECK(s.response == VBP_EV_REFUSED && s.responded_on == 1);
	}
}

const unit_case supply_cases[] = {
	{"supply_line_by_hand", supply_line_by_hand},
	{"supply_line_returns_and_refusal", supply_line_returns_and_refusal},
	{"supply_line_empty_and_short", supply_line_empty_and_short},
	{"supply_line_property", supply_line_property},
	{"supply_line_ties", supply_line_ties},
	{NULL, NULL}
};
