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

/* answers c >= coef x base from a table, recording the questions asked */
typedef struct status_probe
{
	bool		answer[3][3];	/* [coef][base] */
	int			asked;
	vbp_fulfilment_operand coef[4];
	vbp_fulfilment_operand base[4];
} status_probe;

static bool
probe_reaches(void *ctx, vbp_fulfilment_operand coef, vbp_fulfilment_operand base)
{
	status_probe *p = ctx;

	if (p->asked < 4)
	{
		p->coef[p->asked] = coef;
		p->base[p->asked] = base;
	}
	p->asked++;
	return p->answer[coef][base];
}

/* c >= coef x base over doubles: c, tau and the factor by operand */
typedef struct status_values
{
	double		c;
	double		operand[3];
} status_values;

static bool
values_reach(void *ctx, vbp_fulfilment_operand coef, vbp_fulfilment_operand base)
{
	const status_values *v = ctx;

	return v->c >= v->operand[coef] * v->operand[base];
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
}

TEST(tally_fulfilment_status)
{
	status_probe p;
	status_values v = {0, {1, 0.5, 0.8}};
	const vbp_fulfilment_operand one = VBP_FULFILMENT_ONE,
				time = VBP_FULFILMENT_TIME,
				lag = VBP_FULFILMENT_LAGGING;

	/* the thresholds in order, 1 x 1, 1 x tau, factor x tau, asked only as needed */
	memset(&p, 0, sizeof p);
	p.answer[one][one] = p.answer[one][time] = p.answer[lag][time] = true;
	CHECK_STR(vbp_fulfilment_status(probe_reaches, &p), "completed");
	CHECK(p.asked == 1 && p.coef[0] == one && p.base[0] == one);
	memset(&p, 0, sizeof p);
	p.answer[one][time] = p.answer[lag][time] = true;
	CHECK_STR(vbp_fulfilment_status(probe_reaches, &p), "on_track");
	CHECK(p.asked == 2 && p.coef[1] == one && p.base[1] == time);
	memset(&p, 0, sizeof p);
	p.answer[lag][time] = true;
	CHECK_STR(vbp_fulfilment_status(probe_reaches, &p), "lagging");
	CHECK(p.asked == 3 && p.coef[2] == lag && p.base[2] == time);
	memset(&p, 0, sizeof p);
	CHECK_STR(vbp_fulfilment_status(probe_reaches, &p), "severely_lagging");
	CHECK(p.asked == 3);
	/* tau 0.5, factor 0.8 (the SQL test's cases): 1.2, 0.6, 0.45, 0.3 */
	v.c = 1.2;
	CHECK_STR(vbp_fulfilment_status(values_reach, &v), "completed");
	v.c = 0.6;
	CHECK_STR(vbp_fulfilment_status(values_reach, &v), "on_track");
	v.c = 0.45;
	CHECK_STR(vbp_fulfilment_status(values_reach, &v), "lagging");
	v.c = 0.3;
	CHECK_STR(vbp_fulfilment_status(values_reach, &v), "severely_lagging");
}

TEST(tally_decimal_fraction)
{
	int64_t		num,
				den;
	vbp_error	err;

	CHECK(vbp_decimal_fraction("0.8", 6, 1000, &num, &den, &err) == VBP_OK && num == 8 && den == 10);
	/* trailing zeros add no precision: 0.800000000 is 8/10, not 9 places */
	CHECK(vbp_decimal_fraction("0.800000000", 6, 1000, &num, &den, &err) == VBP_OK && num == 8 && den == 10);
	CHECK(vbp_decimal_fraction("-1.25", 6, 1000, &num, &den, &err) == VBP_OK && num == -125 && den == 100);
	CHECK(vbp_decimal_fraction("2", 6, 1000, &num, &den, &err) == VBP_OK && num == 2 && den == 1);
	CHECK(vbp_decimal_fraction("1000.000000", 6, 1000, &num, &den, &err) == VBP_OK && num == 1000 && den == 1);
	CHECK(vbp_decimal_fraction("0.123456", 6, 1000, &num, &den, &err) == VBP_OK && num == 123456 && den == 1000000);
	CHECK(vbp_decimal_fraction("0.1234567", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("1000.000001", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("-1000", 6, 1000, &num, &den, &err) == VBP_OK && num == -1000);
	CHECK(vbp_decimal_fraction("-1000.5", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("1e3", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("NaN", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction(".", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("1.2.3", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	CHECK(vbp_decimal_fraction("1234567890123456789012345678901234567", 6, 1000, &num, &den, &err) == VBP_EPARAM);
	/* the factors of the fulfilment measures: 6 places, at most 1000 */
	CHECK(vbp_fulfilment_factor("0.8", &num, &den, &err) == VBP_OK && num == 8 && den == 10);
	CHECK(vbp_fulfilment_factor("-1000", &num, &den, &err) == VBP_OK && num == -1000 && den == 1);
	CHECK(vbp_fulfilment_factor("0.1234567", &num, &den, &err) == VBP_EPARAM);
	CHECK_STR(err.detail, "0.1234567 has more than 6 decimal places.");
	CHECK(vbp_fulfilment_factor("1000.5", &num, &den, &err) == VBP_EPARAM);
	CHECK_STR(err.detail, "1000.5 is beyond 1000 in magnitude.");
}

TEST(tally_fulfilment_measure)
{
	vbp_fulfilment f;
	vbp_error	err;
	char		buf[48];

	/*
	 * Cycle days 0..364 (365 days), as of day 182: tau = 183/365 = 0.501369863
	 * -> 0.501370.  Agreed 1000, selected 450, other 150: c = 0.45 < tau, and
	 * 0.45 >= 0.8 x 0.501370 = 0.401096: lagging.  Share 450/600 = 0.75 >= 0.5.
	 * 7 of 9 payments on time: 0.777777.. -> 0.777778.
	 */
	CHECK(vbp_fulfilment_measure(450, 150, 9, 7, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK(f.time_progress == 501370 && f.completion == 450000);
	CHECK_STR(f.status, "lagging");
	CHECK(f.has_share && f.selected_share == 750000 && f.prefers_selected);
	CHECK(f.has_on_time_rate && f.on_time_rate == 777778);
	/* 400 selected: 0.4 < 0.401096: severely lagging; share 400/550 = 0.727272.. */
	CHECK(vbp_fulfilment_measure(400, 150, 0, 0, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "severely_lagging");
	CHECK(f.selected_share == 727273 && !f.has_on_time_rate);
	/*
	 * Exact comparison on the unrounded fractions: 183/365 of 365000 is 183000
	 * exactly, so 183000 selected is on track and 182999 is not, although both
	 * round to completions around tau's 0.501370.
	 */
	CHECK(vbp_fulfilment_measure(183000, 0, 0, 0, 365000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "on_track");
	CHECK(f.completion == 501370);
	CHECK(vbp_fulfilment_measure(182999, 0, 0, 0, 365000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "lagging");
	/* completed at 100 %; nothing agreed counts as completed, c = 1 */
	CHECK(vbp_fulfilment_measure(1000, 0, 0, 0, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "completed");
	CHECK(vbp_fulfilment_measure(0, 0, 0, 0, 0, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "completed");
	CHECK(f.completion == 1000000 && !f.has_share && f.prefers_selected);
	/* share below the floor: 100 / 300 = 0.333333 < 0.5 */
	CHECK(vbp_fulfilment_measure(100, 200, 0, 0, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK(f.selected_share == 333333 && !f.prefers_selected);
	/* rounding half away from zero: 1 / 1600000 = 0.000000625 -> 0.000001 */
	CHECK(vbp_fulfilment_measure(1, 0, 1600000, 1, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK(f.on_time_rate == 1);
	/* before the cycle: tau 0, and any purchase is on track */
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 1000, 100, 464, 50, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK(f.time_progress == 0);
	CHECK_STR(f.status, "on_track");
	/* extreme counts do not overflow: 2^63 - 1 units against 1 agreed, infinite dates */
	CHECK(vbp_fulfilment_measure(INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX, 1, INT32_MIN, INT32_MAX, INT32_MAX,
								 1000000000, 1000000, -1000000000, 1000000, &f, &err) == VBP_OK);
	CHECK(f.completion == (vbp_int128) INT64_MAX * 1000000);
	CHECK(vbp_fulfilment_measure(INT64_MAX - 1, 0, 0, 0, INT64_MAX, INT32_MIN, INT32_MAX, 0,
								 1000000000, 1000000, 1, 1000000, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "on_track");	/* c just below 1, tau about 1/2 */
	/* negative units and agreed volumes: compared as fractions like any others */
	CHECK(vbp_fulfilment_measure(-5, 0, 0, 0, 1000, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "severely_lagging");
	CHECK(vbp_fulfilment_measure(-5, 0, 0, 0, -3, 0, 364, 182, 8, 10, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "completed");
	/* a negative lagging factor: any completion reaches factor x tau */
	CHECK(vbp_fulfilment_measure(0, 0, 0, 0, 1000, 0, 364, 182, -1, 1, 5, 10, &f, &err) == VBP_OK);
	CHECK_STR(f.status, "lagging");
	/* an inverted cycle is a parameter error */
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 10, 20, 10, 15, 8, 10, 5, 10, &f, &err) == VBP_EPARAM);
	/* so are factors outside vbp_fulfilment_factor's bounds */
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 10, 0, 364, 182, 8, 0, 5, 10, &f, &err) == VBP_EPARAM);
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 10, 0, 364, 182, 8, 10, 5, 10000000, &f, &err) == VBP_EPARAM);
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 10, 0, 364, 182, 1000000001, 1000000, 5, 10, &f, &err) == VBP_EPARAM);
	CHECK(vbp_fulfilment_measure(1, 0, 0, 0, 10, 0, 364, 182, 8, 10, -10001, 10, &f, &err) == VBP_EPARAM);
	/* the text of scaled values */
	CHECK(vbp_format_scaled(0, 6, buf) == 8);
	CHECK_STR(buf, "0.000000");
	vbp_format_scaled(-5, 6, buf);
	CHECK_STR(buf, "-0.000005");
	vbp_format_scaled(1234567, 6, buf);
	CHECK_STR(buf, "1.234567");
	vbp_format_scaled((vbp_int128) INT64_MAX * 1000000, 6, buf);
	CHECK_STR(buf, "9223372036854775807.000000");
	vbp_format_scaled(42, 0, buf);
	CHECK_STR(buf, "42");
}

const unit_case tally_cases[] = {
	{"tally_purchases", tally_purchases},
	{"tally_time_progress_status", tally_time_progress_status},
	{"tally_fulfilment_status", tally_fulfilment_status},
	{"tally_decimal_fraction", tally_decimal_fraction},
	{"tally_fulfilment_measure", tally_fulfilment_measure},
	{NULL, NULL}
};
