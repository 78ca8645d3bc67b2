/*
 * test_tally.c
 *		The purchase tally, time progress and fulfilment status.
 */
#include "unit.h"

TEST(tally_purchases)
{
	/* cycle days 100..465, as of day 280, 30 payment days (the SQL test uses the same cases) */
	vbp_tally	t,
				u,
				back;
	unsigned char wire[VBP_TALLY_WIRE];
	vbp_error	err;
	int32_t		acc,
				paid,
				days = 30;

	vbp_tally_init(&t);
	acc = 105, paid = 127;		/* paid 22 days after acceptance: due, on time */
	vbp_tally_add_purchase(&t, 100, 10000, 100, &acc, &paid, true, true, 100, 465, 280, &days);
	acc = 221, paid = 271;		/* 50 days: due, late */
	vbp_tally_add_purchase(&t, 50, 8000, 218, &acc, &paid, false, true, 100, 465, 280, &days);
	vbp_tally_add_purchase(&t, 20, 4000, 160, NULL, NULL, false, false, 100, 465, 280, &days);
	acc = 282;					/* after the date: not counted */
	vbp_tally_add_purchase(&t, 7, 700, 281, &acc, NULL, true, true, 100, 465, 280, &days);
	acc = 101, paid = 104;		/* before the cycle: not counted */
	vbp_tally_add_purchase(&t, 5, 500, 99, &acc, &paid, true, true, 100, 465, 280, &days);
	acc = 261;					/* unpaid, 261 + 30 > 280: not due */
	vbp_tally_add_purchase(&t, 30, 3000, 256, &acc, NULL, true, true, 100, 465, 280, &days);
	CHECK(t.selected_units == 130 && t.other_units == 70);
	CHECK(t.selected_fen == 13000 && t.other_fen == 12000);
	CHECK(t.purchases == 3 && t.payments_due == 2 && t.paid_on_time == 1);
	/* NULL payment days: due only when paid, never on time */
	vbp_tally_init(&u);
	acc = 105, paid = 106;
	vbp_tally_add_purchase(&u, 1, 100, 104, &acc, &paid, true, true, 100, 465, 280, NULL);
	vbp_tally_add_purchase(&u, 1, 100, 104, &acc, NULL, true, true, 100, 465, 280, NULL);
	CHECK(u.purchases == 2 && u.payments_due == 1 && u.paid_on_time == 0);
	/* infinite as_of (INT32_MAX) and cycle bounds do not overflow */
	vbp_tally_add_purchase(&u, 1, 100, 104, &acc, NULL, true, true, INT32_MIN, INT32_MAX, INT32_MAX, &days);
	CHECK(u.purchases == 3 && u.payments_due == 2);
	/* combine, and serial round trip */
	vbp_tally_combine(&t, &u);
	CHECK(t.selected_units == 133 && t.purchases == 6);
	vbp_tally_serialize(&t, wire);
	CHECK(vbp_tally_deserialize(wire, &back, &err) == VBP_OK);
	CHECK(memcmp(&back, &t, sizeof t) == 0);
	/* a state with more payments on time than purchases is refused */
	wire[VBP_TALLY_WIRE - 1] = 0xFF;
	CHECK(vbp_tally_deserialize(wire, &back, &err) == VBP_ERANGE);
	/* units beyond int64 are a range error */
	{
		int64_t		out;

		CHECK(vbp_tally_units((vbp_int128) INT64_MAX + 1, &out, &err) == VBP_ERANGE);
		CHECK(vbp_tally_units(-5, &out, &err) == VBP_OK && out == -5);
	}
}

TEST(tally_time_progress_status)
{
	int64_t		num,
				den;
	vbp_error	err;

	/* a 366-day cycle, day 183: 183 / 366 */
	CHECK(vbp_time_progress(0, 365, 182, &num, &den, &err) == VBP_OK && num == 183 && den == 366);
	/* clipped to [0, 1] */
	CHECK(vbp_time_progress(10, 20, 5, &num, &den, &err) == VBP_OK && num == 0);
	CHECK(vbp_time_progress(10, 20, 50, &num, &den, &err) == VBP_OK && num == den);
	CHECK(vbp_time_progress(10, 20, INT32_MAX, &num, &den, &err) == VBP_OK && num == den && den == 11);
	CHECK(vbp_time_progress(20, 10, 15, &num, &den, &err) == VBP_EPARAM);
	CHECK_STR(vbp_fulfilment_status(true, true, true), "completed");
	CHECK_STR(vbp_fulfilment_status(false, true, true), "on_track");
	CHECK_STR(vbp_fulfilment_status(false, false, true), "lagging");
	CHECK_STR(vbp_fulfilment_status(false, false, false), "severely_lagging");
}

const unit_case tally_cases[] = {
	{"tally_purchases", tally_purchases},
	{"tally_time_progress_status", tally_time_progress_status},
	{NULL, NULL}
};
