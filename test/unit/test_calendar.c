/*
 * test_calendar.c
 *		The days of a month, and the first day of a month against a walk of
 *		the calendar month by month.
 */
#include "unit.h"

/*
 * Every day from 4714-01-01 BC (year -4713; PostgreSQL's first date is
 * 4714-11-24 BC) to 9999-12-31, walked month by month from 2000-01-01 (day
 * 0) both ways: each day's month starts where the walk entered that month.
 */
TEST(month_start_every_day)
{
	int32_t		start = 0;
	int			y = 2000,
				m = 1,
				d;
	long		wrong = 0;

	/* forwards */
	while (y <= 9999)
	{
		int			n = vbp_days_in_month(y, m);

		for (d = 0; d < n; d++)
			wrong += vbp_month_start(start + d) != start;
		start += n;
		if (++m > 12)
		{
			m = 1;
			y++;
		}
	}
	CHECK(start == 2921940);	/* 10000-01-01 */
	/* backwards */
	start = 0;
	y = 1999;
	m = 12;
	while (y >= -4713)
	{
		int			n = vbp_days_in_month(y, m);

		start -= n;
		for (d = 0; d < n; d++)
			wrong += vbp_month_start(start + d) != start;
		if (--m < 1)
		{
			m = 12;
			y--;
		}
	}
	CHECK(wrong == 0);
	/* 4714-01-01 BC (year -4713): 6,713 years back, 1,627 of them leap years */
	CHECK(start == -2451872);
}

TEST(days_in_month_known)
{
	CHECK(vbp_days_in_month(2000, 2) == 29);	/* divisible by 400 */
	CHECK(vbp_days_in_month(1900, 2) == 28);	/* by 100, not 400 */
	CHECK(vbp_days_in_month(2024, 2) == 29);
	CHECK(vbp_days_in_month(2023, 2) == 28);
	CHECK(vbp_days_in_month(2100, 2) == 28);
	CHECK(vbp_days_in_month(-4713, 2) == 28);	/* 4714 BC */
	CHECK(vbp_days_in_month(-4, 2) == 29);		/* 5 BC, a leap year on the proleptic calendar */
	CHECK(vbp_days_in_month(2023, 1) == 31 && vbp_days_in_month(2023, 4) == 30 &&
		  vbp_days_in_month(2023, 12) == 31 && vbp_days_in_month(2023, 11) == 30);
}

TEST(month_start_known_days)
{
	CHECK(vbp_month_start(0) == 0);				/* 2000-01-01 */
	CHECK(vbp_month_start(30) == 0);			/* 2000-01-31 */
	CHECK(vbp_month_start(31) == 31);			/* 2000-02-01 */
	CHECK(vbp_month_start(59) == 31);			/* 2000-02-29, a leap day */
	CHECK(vbp_month_start(60) == 60);			/* 2000-03-01 */
	CHECK(vbp_month_start(-1) == -31);			/* 1999-12-31 -> 1999-12-01 */
	CHECK(vbp_month_start(-36466) == -36466 - 27);	/* 1900-02-28 -> 1900-02-01 (1900 is no leap year) */
	CHECK(vbp_month_start(-36465) == -36465);	/* 1900-03-01 */
	CHECK(vbp_month_start(8581) == 8581 - 29);	/* 2023-06-30 -> 2023-06-01 */
	/* the ends of int32 do not overflow */
	CHECK(vbp_month_start(INT32_MAX) <= INT32_MAX && vbp_month_start(INT32_MAX) > INT32_MAX - 31);
	CHECK(vbp_month_start(INT32_MIN + 31) >= INT32_MIN && vbp_month_start(INT32_MIN + 31) <= INT32_MIN + 31);
}

const unit_case calendar_cases[] = {
	{"days_in_month_known", days_in_month_known},
	{"month_start_every_day", month_start_every_day},
	{"month_start_known_days", month_start_known_days},
	{NULL, NULL}
};
