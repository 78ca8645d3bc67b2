/*
 * calendar.c
 *		Calendar arithmetic: the days of a month (the export parsers check
 *		dates with it), and the first day of a day's month, which the monthly
 *		reports group by.
 *
 * A day is counted from 2000-01-01 (day 0), as PostgreSQL counts a date, on
 * the proleptic Gregorian calendar PostgreSQL uses for every date.  The civil
 * date of a day number follows the usual era decomposition: 400-year eras of
 * 146,097 days starting on 1 March, so that the leap day ends its year.
 */
#include "vbp_core.h"

int
vbp_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* days from 0000-03-01 to 2000-01-01 */
#define DAYS_0000_03_01_TO_2000 730425

int32_t
vbp_month_start(int32_t day)
{
	int64_t		z = (int64_t) day + DAYS_0000_03_01_TO_2000;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;		/* day of era, 0 .. 146096 */
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;	/* 0 .. 399 */
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);	/* day of the year from 1 March */
	int64_t		mp = (5 * doy + 2) / 153;	/* month from March, 0 .. 11 */
	int64_t		mday = doy - (153 * mp + 2) / 5;	/* day of the month - 1 */

	return (int32_t) (day - mday);
}
