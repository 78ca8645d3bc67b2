/*
 * test_parse.c
 *		Soft parsers of CSV export fields: integers, decimals and dates in
 *		each accepted form, each rejection with its kind and detail, and the
 *		details' form (a sentence, valid UTF-8) for random input.
 */
#include "unit.h"

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static vbp_error err;

static vbp_errkind
pint(const char *s, int64_t *v)
{
	return vbp_parse_int(s, strlen(s), v, &err);
}

static vbp_errkind
pdec(const char *s, char *buf)
{
	return vbp_parse_decimal(s, strlen(s), buf, VBP_DECIMAL_BUFLEN, &err);
}

static vbp_errkind
pdate(const char *s, int *y, int *m, int *d)
{
	return vbp_parse_date(s, strlen(s), y, m, d, &err);
}

/* true if the date parses to y-m-d */
static bool
date_is(const char *s, int y, int m, int d)
{
	int			gy = 0,
				gm = 0,
				gd = 0;

	return pdate(s, &gy, &gm, &gd) == VBP_OK && gy == y && gm == m && gd == d;
}

static const char *const scientific_detail =
"The value is in scientific notation, as a spreadsheet writes long numbers; export the column as text.";

/* ---------------- integers ---------------- */

TEST(parse_int_accepts)
{
	int64_t		v = 0;

	CHECK(pint("0", &v) == VBP_OK && v == 0);
	CHECK(pint("42", &v) == VBP_OK && v == 42);
	CHECK(pint("+42", &v) == VBP_OK && v == 42);
	CHECK(pint("-42", &v) == VBP_OK && v == -42);
	CHECK(pint("-0", &v) == VBP_OK && v == 0);
	CHECK(pint("007", &v) == VBP_OK && v == 7);	/* leading zeros */
	/* grouping by three: 1,234,567 = 1234567 */
	CHECK(pint("1,234,567", &v) == VBP_OK && v == 1234567);
	CHECK(pint("-1,234", &v) == VBP_OK && v == -1234);
	CHECK(pint("123,456", &v) == VBP_OK && v == 123456);
	/* spreadsheet artefacts: 12.0 and 12.00 are the whole number 12 */
	CHECK(pint("12.0", &v) == VBP_OK && v == 12);
	CHECK(pint("12.00", &v) == VBP_OK && v == 12);
	CHECK(pint("1,200.000", &v) == VBP_OK && v == 1200);
	/* blanks: ASCII, U+3000 ideographic space, U+00A0 no-break space */
	CHECK(pint("  42\t\n", &v) == VBP_OK && v == 42);
	CHECK(pint("\xE3\x80\x80" "42" "\xE3\x80\x80", &v) == VBP_OK && v == 42);
	CHECK(pint("\xC2\xA0" " 42 " "\xC2\xA0\xE3\x80\x80", &v) == VBP_OK && v == 42);
	/* int64 bounds: 2^63 - 1 and -2^63 */
	CHECK(pint("9223372036854775807", &v) == VBP_OK && v == INT64_MAX);
	CHECK(pint("-9223372036854775808", &v) == VBP_OK && v == INT64_MIN);
	CHECK(pint("9,223,372,036,854,775,807", &v) == VBP_OK && v == INT64_MAX);
	/* (pointer, length): bytes after len are not read */
	CHECK(vbp_parse_int("12345", 2, &v, &err) == VBP_OK && v == 12);
}

TEST(parse_int_rejects)
{
	int64_t		v = 77;

	CHECK(pint("", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value is empty.");
	CHECK(pint(" \xE3\x80\x80 ", &v) == VBP_ESYNTAX);	/* only blanks */
	CHECK(pint("+", &v) == VBP_ESYNTAX);
	CHECK(pint("-", &v) == VBP_ESYNTAX);
	CHECK(pint("abc", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "An integer is written with digits, optionally with a sign and thousands separators, such as -1,234.");
	CHECK(pint("- 5", &v) == VBP_ESYNTAX);
	CHECK(pint("+-5", &v) == VBP_ESYNTAX);
	CHECK(pint(".5", &v) == VBP_ESYNTAX);
	CHECK(pint("12a", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Character 3 (\"a\") is not a digit.");
	CHECK(pint("1 234", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Character 2 (\" \") is not a digit.");
	/* a non-ASCII byte is described, not copied: 1２ (U+FF12 fullwidth 2) */
	CHECK(pint("1\xEF\xBC\x92", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Character 2 (a non-ASCII character) is not a digit.");
	/* grouping must be by three */
	CHECK(pint("12,34", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Thousands separators must separate groups of three digits.");
	CHECK(pint("1234,567", &v) == VBP_ESYNTAX);	/* first group of 4 */
	CHECK(pint("1,2345", &v) == VBP_ESYNTAX);
	CHECK(pint("1,,234", &v) == VBP_ESYNTAX);
	CHECK(pint("1,234,", &v) == VBP_ESYNTAX);
	CHECK(pint("-,123", &v) == VBP_ESYNTAX);
	/* a real fraction */
	CHECK(pint("12.5", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value is not a whole number.");
	CHECK(pint("12.001", &v) == VBP_ESYNTAX);
	CHECK(pint("12.", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The decimal point is not followed by digits.");
	CHECK(pint("12.0.0", &v) == VBP_ESYNTAX);
	/* scientific notation as Excel writes a long code */
	CHECK(pint("1.23457E+19", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, scientific_detail);
	CHECK(pint("4.2e5", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, scientific_detail);
	CHECK(pint("-1E-3", &v) == VBP_ESYNTAX);
	CHECK_STR(err.detail, scientific_detail);
	CHECK(pint("1e", &v) == VBP_ESYNTAX);	/* no exponent: an unexpected e */
	CHECK_STR(err.detail, "Character 2 (\"e\") is not a digit.");
	/* int64 bounds: 2^63 and -2^63 - 1 */
	CHECK(pint("9223372036854775808", &v) == VBP_ERANGE);
	CHECK_STR(err.detail, "The value is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807).");
	CHECK(pint("-9223372036854775809", &v) == VBP_ERANGE);
	CHECK(pint("99999999999999999999999999999999999999999999", &v) == VBP_ERANGE);
	/* a syntax error anywhere wins over the range */
	CHECK(pint("99999999999999999999x", &v) == VBP_ESYNTAX);
	CHECK(v == 77);				/* untouched on failure */
}

/* ---------------- decimals ---------------- */

TEST(parse_decimal_accepts)
{
	char		buf[VBP_DECIMAL_BUFLEN];

	CHECK(pdec("1234.50", buf) == VBP_OK);
	CHECK_STR(buf, "1234.50");
	CHECK(pdec("0", buf) == VBP_OK);
	CHECK_STR(buf, "0");
	/* leading zeros go, one 0 stays; the fraction is kept as written */
	CHECK(pdec("0001.50", buf) == VBP_OK);
	CHECK_STR(buf, "1.50");
	CHECK(pdec("000.5", buf) == VBP_OK);
	CHECK_STR(buf, "0.5");
	CHECK(pdec(".5", buf) == VBP_OK);
	CHECK_STR(buf, "0.5");
	CHECK(pdec("5.", buf) == VBP_OK);
	CHECK_STR(buf, "5");
	CHECK(pdec("+7", buf) == VBP_OK);
	CHECK_STR(buf, "7");
	/* negative zero is zero */
	CHECK(pdec("-0.00", buf) == VBP_OK);
	CHECK_STR(buf, "0.00");
	/* grouping, currency markers, sign before or after the marker */
	CHECK(pdec("1,234,567.891", buf) == VBP_OK);
	CHECK_STR(buf, "1234567.891");
	CHECK(pdec("\xC2\xA5-1,234.50", buf) == VBP_OK);	/* ¥-1,234.50 */
	CHECK_STR(buf, "-1234.50");
	CHECK(pdec("-\xC2\xA5" "1,234.50", buf) == VBP_OK);	/* -¥1,234.50 */
	CHECK_STR(buf, "-1234.50");
	CHECK(pdec("\xEF\xBF\xA5" "88", buf) == VBP_OK);	/* ￥88 */
	CHECK_STR(buf, "88");
	CHECK(pdec("RMB 1,000.00", buf) == VBP_OK);
	CHECK_STR(buf, "1000.00");
	CHECK(pdec("cny-3.5", buf) == VBP_OK);
	CHECK_STR(buf, "-3.5");
	CHECK(pdec("Rmb\xC2\xA0" "2", buf) == VBP_OK);	/* RMB + no-break space */
	CHECK_STR(buf, "2");
	/* the 元 suffix, with or without a blank before it */
	CHECK(pdec("1234.5\xE5\x85\x83", buf) == VBP_OK);	/* 1234.5元 */
	CHECK_STR(buf, "1234.5");
	CHECK(pdec("12 \xE5\x85\x83", buf) == VBP_OK);	/* 12 元 */
	CHECK_STR(buf, "12");
	CHECK(pdec("\xC2\xA5" "12\xE5\x85\x83", buf) == VBP_OK);	/* ¥12元 */
	CHECK_STR(buf, "12");
	/* ideographic spaces around the value */
	CHECK(pdec("\xE3\x80\x80" "3.14" "\xE3\x80\x80", buf) == VBP_OK);
	CHECK_STR(buf, "3.14");
}

TEST(parse_decimal_rejects)
{
	char		buf[VBP_DECIMAL_BUFLEN];
	char		big[1200];
	char		small[9];

	CHECK(pdec("", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value is empty.");
	CHECK(pdec("abc", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "A decimal number is written with digits and an optional decimal point, such as -1,234.50, optionally with \xC2\xA5, \xEF\xBF\xA5, RMB or CNY before it or \xE5\x85\x83 after it.");
	CHECK(pdec(".", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value has no digits.");
	CHECK(pdec("-", buf) == VBP_ESYNTAX);
	CHECK(pdec("\xC2\xA5", buf) == VBP_ESYNTAX);	/* ¥ alone */
	CHECK(pdec("\xE5\x85\x83", buf) == VBP_ESYNTAX);	/* 元 alone */
	CHECK(pdec("-\xC2\xA5-5", buf) == VBP_ESYNTAX);	/* two signs */
	CHECK(pdec("--5", buf) == VBP_ESYNTAX);
	CHECK(pdec("USD 5", buf) == VBP_ESYNTAX);
	CHECK(pdec("\xC2\xA5\xC2\xA5" "5", buf) == VBP_ESYNTAX);	/* two markers */
	CHECK(pdec("5\xE5\x85\x83\xE5\x85\x83", buf) == VBP_ESYNTAX);	/* two 元 */
	CHECK_STR(err.detail, "Character 2 (a non-ASCII character) is not a digit.");
	CHECK(pdec("12,34.5", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Thousands separators must separate groups of three digits.");
	CHECK(pdec("1.2.3", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "Character 4 (\".\") is not a digit.");
	CHECK(pdec("1.234,5", buf) == VBP_ESYNTAX);	/* a European comma */
	CHECK(pdec("1.23457E+19", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, scientific_detail);
	CHECK(pdec("\xC2\xA5" "4.2e5", buf) == VBP_ESYNTAX);
	CHECK_STR(err.detail, scientific_detail);
	/* 1000 digits fit, 1001 do not; leading zeros do not count */
	memset(big, '9', 1000);
	big[1000] = '\0';
	CHECK(pdec(big, buf) == VBP_OK && strlen(buf) == 1000);
	big[0] = '.';
	CHECK(pdec(big, buf) == VBP_OK && strlen(buf) == 1001);	/* 0. and 999 nines */
	/* the longest text, -0. and 1000 nines, fits VBP_DECIMAL_BUFLEN */
	big[0] = '-';
	big[1] = '.';
	memset(big + 2, '9', 1000);
	big[1002] = '\0';
	CHECK(pdec(big, buf) == VBP_OK && strlen(buf) == 1003 && strlen(buf) < VBP_DECIMAL_BUFLEN);
	memset(big, '9', 1001);
	big[1001] = '\0';
	CHECK(pdec(big, buf) == VBP_ERANGE);
	CHECK_STR(err.detail, "The value has more than 1000 digits.");
	memset(big, '0', 1100);
	big[1100] = '7';
	big[1101] = '\0';
	CHECK(pdec(big, buf) == VBP_OK);
	CHECK_STR(buf, "7");
	/* the buffer: "-1234.50" needs 9 bytes with its NUL */
	CHECK(vbp_parse_decimal("-1234.50", 8, small, 9, &err) == VBP_OK);
	CHECK_STR(small, "-1234.50");
	CHECK(vbp_parse_decimal("-1234.50", 8, small, 8, &err) == VBP_ERANGE);
	CHECK(vbp_parse_decimal("-1234.501", 9, small, sizeof(small), &err) == VBP_ERANGE);
}

/* The decimal canonical text goes on to vbp_cny_parse for money. */
TEST(parse_decimal_then_cny)
{
	char		buf[VBP_DECIMAL_BUFLEN];
	int64_t		fen = 0;

	/* ¥-1,234.50 = -123450 fen */
	CHECK(pdec("\xC2\xA5-1,234.50", buf) == VBP_OK);
	CHECK(vbp_cny_parse(buf, strlen(buf), &fen, &err) == VBP_OK && fen == -123450);
	/* 3 decimals round half away from zero, as cny input does: 1.005 -> 101 fen, -1.005 -> -101 */
	CHECK(pdec("1.005", buf) == VBP_OK);
	CHECK(vbp_cny_parse(buf, strlen(buf), &fen, &err) == VBP_OK && fen == 101);
	CHECK(pdec("-1.004\xE5\x85\x83", buf) == VBP_OK);
	CHECK(vbp_cny_parse(buf, strlen(buf), &fen, &err) == VBP_OK && fen == -100);
	/* beyond the cny range: 92233720368547758.08 yuan */
	CHECK(pdec("92,233,720,368,547,758.08", buf) == VBP_OK);
	CHECK(vbp_cny_parse(buf, strlen(buf), &fen, &err) == VBP_ERANGE);
}

/* ---------------- dates ---------------- */

TEST(parse_date_accepts)
{
	CHECK(date_is("2024-03-05", 2024, 3, 5));
	CHECK(date_is("2024-3-5", 2024, 3, 5));
	CHECK(date_is("2024/03/05", 2024, 3, 5));
	CHECK(date_is("2024/3/5", 2024, 3, 5));
	CHECK(date_is("2024.3.05", 2024, 3, 5));
	CHECK(date_is("20240305", 2024, 3, 5));
	CHECK(date_is("2024\xE5\xB9\xB4" "3\xE6\x9C\x88" "5\xE6\x97\xA5", 2024, 3, 5));	/* 2024年3月5日 */
	CHECK(date_is("2024\xE5\xB9\xB4" "03\xE6\x9C\x88" "05", 2024, 3, 5));	/* 2024年03月05 */
	/* a time of day is checked and ignored */
	CHECK(date_is("2024-03-05 14:30", 2024, 3, 5));
	CHECK(date_is("2024-03-05 14:30:00", 2024, 3, 5));
	CHECK(date_is("2024/3/5 8:05:09.123", 2024, 3, 5));
	CHECK(date_is("2024-03-05T14:30:00", 2024, 3, 5));
	CHECK(date_is("20240305 00:00", 2024, 3, 5));
	CHECK(date_is("2024\xE5\xB9\xB4" "3\xE6\x9C\x88" "5\xE6\x97\xA5 23:59:59", 2024, 3, 5));
	/* blanks */
	CHECK(date_is("\xE3\x80\x80 2024-03-05\xC2\xA0", 2024, 3, 5));
	/* leap days: 2024 and 2000 are leap years */
	CHECK(date_is("2024-02-29", 2024, 2, 29));
	CHECK(date_is("2000-02-29", 2000, 2, 29));
	CHECK(date_is("2024-12-31", 2024, 12, 31));
	/* the year bounds of vbp's tables: 1990 to 2199 */
	CHECK(date_is("1990-01-01", 1990, 1, 1));
	CHECK(date_is("2199-12-31", 2199, 12, 31));
}

TEST(parse_date_rejects)
{
	int			y = 1,
				m = 1,
				d = 1;
	const char *forms = "A date is written as YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY\xE5\xB9\xB4M\xE6\x9C\x88" "D\xE6\x97\xA5, optionally followed by a time of day such as 14:30:00.";

	CHECK(pdate("", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value is empty.");
	/* leap days: 2023 is not a leap year, nor 2100 (divisible by 100, not by 400) */
	CHECK(pdate("2023-02-29", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The date 2023-02-29 does not exist: 2023 is not a leap year.");
	CHECK(pdate("2100-02-29", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The date 2100-02-29 does not exist: 2100 is not a leap year.");
	CHECK(pdate("2024-04-31", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The date 2024-04-31 does not exist: that month has 30 days.");
	CHECK(pdate("2024-01-00", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-13-01", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "There is no month 13; months are 1 to 12.");
	CHECK(pdate("20241301", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-00-10", &y, &m, &d) == VBP_ESYNTAX);
	/* year bounds */
	CHECK(pdate("1989-12-31", &y, &m, &d) == VBP_ERANGE);
	CHECK_STR(err.detail, "The year 1989 is outside the years vbp accepts (1990 to 2199).");
	CHECK(pdate("2200-01-01", &y, &m, &d) == VBP_ERANGE);
	CHECK_STR(err.detail, "The year 2200 is outside the years vbp accepts (1990 to 2199).");
	CHECK(pdate("00000101", &y, &m, &d) == VBP_ERANGE);
	/* spreadsheet serial numbers: 45321 is 2024-01-30 in Excel */
	CHECK(pdate("45321", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The value looks like a spreadsheet date serial number; export the column as a date (YYYY-MM-DD).");
	CHECK(pdate("45321.5", &y, &m, &d) == VBP_ESYNTAX);	/* with a time of day */
	CHECK_STR(err.detail, "The value looks like a spreadsheet date serial number; export the column as a date (YYYY-MM-DD).");
	/* other forms */
	CHECK(pdate("2024-03/05", &y, &m, &d) == VBP_ESYNTAX);	/* mixed separators */
	CHECK_STR(err.detail, forms);
	CHECK(pdate("2024-003-05", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-005", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("24-03-05", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("05/03/2024", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("202403", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024030", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("202403051", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024\xE5\xB9\xB4" "3-5", &y, &m, &d) == VBP_ESYNTAX);	/* 年 then - */
	CHECK(pdate("2024\xE5\xB9\xB4" "3\xE6\x9C\x88", &y, &m, &d) == VBP_ESYNTAX);	/* no day */
	CHECK(pdate("2024-03-05\xE6\x97\xA5", &y, &m, &d) == VBP_ESYNTAX);	/* 日 after - */
	CHECK(pdate("March 5, 2024", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, forms);
	/* time of day: well-formed, in range */
	CHECK(pdate("2024-03-05  14:30", &y, &m, &d) == VBP_ESYNTAX);	/* two spaces */
	CHECK_STR(err.detail, "The time after the date is written as H:MM, H:MM:SS or H:MM:SS.fff, after one space or T.");
	CHECK(pdate("2024-03-05 14", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 14:3", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 14:30:", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 14:30:00.", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 14:30:00Z", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 14:30:00+08", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05T", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05x14:30", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, forms);
	CHECK(pdate("2024-03-05 24:00", &y, &m, &d) == VBP_ESYNTAX);
	CHECK_STR(err.detail, "The time of day is out of range: hours are 0 to 23, minutes and seconds 0 to 59.");
	CHECK(pdate("2024-03-05 12:60", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(pdate("2024-03-05 12:00:60", &y, &m, &d) == VBP_ESYNTAX);
	CHECK(y == 1 && m == 1 && d == 1);	/* untouched on failure */
}

/* Every day from 1990-01-01 to 2199-12-31 parses back from its three forms. */
TEST(parse_date_every_day)
{
	int			y,
				m,
				d;
	int			days = 0;
	int			bad = 0;
	char		t[64];

	for (y = 1990; y <= 2199; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= 31; d++)
			{
				bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
				int			dim = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
				bool		exists = d <= dim;

				snprintf(t, sizeof(t), "%04d-%02d-%02d", y, m, d);
				if (exists != date_is(t, y, m, d))
					bad++;
				snprintf(t, sizeof(t), "%04d%02d%02d", y, m, d);
				if (exists != date_is(t, y, m, d))
					bad++;
				snprintf(t, sizeof(t), "%d/%d/%d 0:00", y, m, d);
				if (exists != date_is(t, y, m, d))
					bad++;
				days += exists;
			}
	CHECK(bad == 0);
	/* 210 years, 51 of them leap (2100 is not): 210 * 365 + 51 */
	CHECK(days == 210 * 365 + 51);
}

/* ---------------- details of random input ---------------- */

/* true if s is valid UTF-8 (no broken or overlong sequence) */
static bool
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
	{
		int			n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		int			i;

		if (n < 0 || (n == 1 && *p < 0xC2))
			return false;
		for (i = 1; i <= n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return false;
		p += n + 1;
	}
	return true;
}

static bool
sentence(const char *s)
{
	size_t		n = strlen(s);

	return n > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[n - 1] == '.' && valid_utf8(s);
}

TEST(parse_details_are_sentences)
{
	/* bytes spreadsheets and broken encodings produce, and the ones the parsers look at */
	static const char *const pieces[] = {
		"0", "1", "9", "5", ",", ".", "-", "+", "e", "E", " ", "T", ":", "/", "x",
		"\xC2\xA5", "\xEF\xBF\xA5", "\xE5\x85\x83", "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5",
		"\xE3\x80\x80", "\xC2\xA0", "\xE3\x80", "\xC2", "\xA5", "\xFF", "RMB", "\t", "2024", "\x01"
	};
	char		s[64];
	char		buf[VBP_DECIMAL_BUFLEN];
	int			i;
	int			bad = 0;

	for (i = 0; i < 20000; i++)
	{
		size_t		len = 0;
		int			k = (int) (unit_rng(&rng_state) % 8);
		int64_t		v;
		int			y,
					m,
					d;

		while (k-- > 0)
		{
			const char *piece = pieces[unit_rng(&rng_state) % (sizeof(pieces) / sizeof(pieces[0]))];

			memcpy(s + len, piece, strlen(piece));
			len += strlen(piece);
		}
		s[len] = '\0';
		if (vbp_parse_int(s, len, &v, &err) != VBP_OK && !sentence(err.detail))
			bad++;
		if (vbp_parse_decimal(s, len, buf, sizeof(buf), &err) != VBP_OK && !sentence(err.detail))
			bad++;
		if (vbp_parse_date(s, len, &y, &m, &d, &err) != VBP_OK && !sentence(err.detail))
			bad++;
	}
	CHECK(bad == 0);
}

const unit_case parse_cases[] = {
	{"parse_int_accepts", parse_int_accepts},
	{"parse_int_rejects", parse_int_rejects},
	{"parse_decimal_accepts", parse_decimal_accepts},
	{"parse_decimal_rejects", parse_decimal_rejects},
	{"parse_decimal_then_cny", parse_decimal_then_cny},
	{"parse_date_accepts", parse_date_accepts},
	{"parse_date_rejects", parse_date_rejects},
	{"parse_date_every_day", parse_date_every_day},
	{"parse_details_are_sentences", parse_details_are_sentences},
	{NULL, NULL}
};
