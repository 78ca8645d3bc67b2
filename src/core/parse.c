/*
 * parse.c
 *		Soft parsers (容错解析) for the fields of hospital and bureau CSV
 *		exports: integers, decimal amounts and dates as spreadsheets write
 *		them.  Each returns the value or fails with a vbp_error whose detail
 *		says why, so the loader can keep a bad row instead of aborting.
 *
 * Inputs are UTF-8.  Blanks around a value (ASCII white space, U+00A0 and
 * the ideographic space U+3000) are trimmed.  Details never quote the input,
 * so they never carry a broken multibyte sequence.
 */
#include "vbp_core.h"

#include <stdio.h>
#include <string.h>

#define UTF8_NBSP		"\xC2\xA0"	/* U+00A0 no-break space */
#define UTF8_IDEO_SPACE "\xE3\x80\x80"	/* U+3000 ideographic space */
#define UTF8_YEN		"\xC2\xA5"	/* U+00A5 ¥ */
#define UTF8_FW_YEN		"\xEF\xBF\xA5"	/* U+FFE5 ￥ */
#define UTF8_YUAN		"\xE5\x85\x83"	/* U+5143 元 */
#define UTF8_NIAN		"\xE5\xB9\xB4"	/* U+5E74 年 */
#define UTF8_YUE		"\xE6\x9C\x88"	/* U+6708 月 */
#define UTF8_RI			"\xE6\x97\xA5"	/* U+65E5 日 */

#define YEAR_MIN 1990
#define YEAR_MAX 2199

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
has_prefix(const char *p, const char *end, const char *lit, size_t n)
{
	return (size_t) (end - p) >= n && memcmp(p, lit, n) == 0;
}

/* Length of the blank (ASCII white space, U+00A0, U+3000) that starts at p; 0 if none. */
static size_t
blank_at(const char *p, const char *end)
{
	if (p < end && is_ascii_space(*p))
		return 1;
	if (has_prefix(p, end, UTF8_NBSP, 2))
		return 2;
	if (has_prefix(p, end, UTF8_IDEO_SPACE, 3))
		return 3;
	return 0;
}

/* Length of the blank that ends at end; 0 if none. */
static size_t
blank_before(const char *start, const char *end)
{
	size_t		left = (size_t) (end - start);

	if (left >= 1 && is_ascii_space(end[-1]))
		return 1;
	if (left >= 2 && memcmp(end - 2, UTF8_NBSP, 2) == 0)
		return 2;
	if (left >= 3 && memcmp(end - 3, UTF8_IDEO_SPACE, 3) == 0)
		return 3;
	return 0;
}

size_t
vbp_parse_trim(const char **s, size_t len)
{
	const char *p = *s;
	const char *end = p + len;
	size_t		n;

	while ((n = blank_at(p, end)) > 0)
		p += n;
	while ((n = blank_before(p, end)) > 0)
		end -= n;
	*s = p;
	return (size_t) (end - p);
}

/* "Character N (X) is not a digit." counting UTF-8 characters from s. */
static vbp_errkind
not_digit(vbp_error *err, const char *s, const char *p)
{
	char		desc[VBP_CHARDESC_LEN];
	int			pos = 1;
	const char *q;

	for (q = s; q < p; q++)
		if (((unsigned char) *q & 0xC0) != 0x80)
			pos++;
	return vbp_fail(err, VBP_ESYNTAX, "Character %d (%s) is not a digit.",
					pos, vbp_describe_char(*p, desc));
}

static vbp_errkind
empty(vbp_error *err)
{
	return vbp_fail(err, VBP_ESYNTAX, "The value is empty.");
}

static vbp_errkind
grouping_error(vbp_error *err)
{
	return vbp_fail(err, VBP_ESYNTAX,
					"Thousands separators must separate groups of three digits.");
}

/*
 * True if [p, end) is a number in scientific notation: a mantissa of digits
 * (with separators or a point), e or E, an optional sign and digits.
 */
static bool
scientific(const char *p, const char *end)
{
	bool		mantissa = false;

	if (p < end && (*p == '+' || *p == '-'))
		p++;
	for (; p < end && (is_digit(*p) || *p == ',' || *p == '.'); p++)
		if (is_digit(*p))
			mantissa = true;
	if (!mantissa || p == end || (*p != 'e' && *p != 'E'))
		return false;
	p++;
	if (p < end && (*p == '+' || *p == '-'))
		p++;
	if (p == end)
		return false;
	for (; p < end; p++)
		if (!is_digit(*p))
			return false;
	return true;
}

static vbp_errkind
scientific_error(vbp_error *err)
{
	return vbp_fail(err, VBP_ESYNTAX,
					"The value is in scientific notation, as a spreadsheet writes long numbers; export the column as text.");
}

/*
 * Scans the integer digits of a number at *pp up to a '.' or end, with
 * optional thousands separators in groups of three.  Counts the digits in
 * *ndigits; stops at the first character that is neither.
 */
static vbp_errkind
scan_integer_digits(const char *s, const char **pp, const char *end, int *ndigits,
					vbp_error *err)
{
	const char *p = *pp;
	int			digits = 0;
	int			group = -1;		/* digits since the last separator; -1 = none yet */

	for (; p < end && *p != '.'; p++)
	{
		if (*p == ',')
		{
			if (digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
				return grouping_error(err);
			group = 0;
			continue;
		}
		if (!is_digit(*p))
			return not_digit(err, s, p);
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return grouping_error(err);
	*pp = p;
	*ndigits = digits;
	return VBP_OK;
}

/*
 * An integer: [sign] digits [,ddd ...] [.000]; a fraction of zeros only is a
 * spreadsheet's way of writing a whole number.
 */
vbp_errkind
vbp_parse_int(const char *s, size_t len, int64_t *out, vbp_error *err)
{
	const char *p;
	const char *q;
	const char *end;
	bool		neg = false;
	int			digits;
	bool		whole = true;
	int			frac_digits = 0;
	vbp_uint128 mag = 0;
	vbp_uint128 limit;
	vbp_errkind e;

	len = vbp_parse_trim(&s, len);
	if (len == 0)
		return empty(err);
	p = s;
	end = s + len;
	if (scientific(p, end))
		return scientific_error(err);
	if (*p == '+' || *p == '-')
	{
		neg = (*p == '-');
		p++;
	}
	if (p == end || !is_digit(*p))
		return vbp_fail(err, VBP_ESYNTAX,
						"An integer is written with digits, optionally with a sign and thousands separators, such as -1,234.");
	q = p;
	if ((e = scan_integer_digits(s, &p, end, &digits, err)) != VBP_OK)
		return e;
	if (p < end)				/* at the point */
	{
		for (p++; p < end; p++)
		{
			if (!is_digit(*p))
				return not_digit(err, s, p);
			if (*p != '0')
				whole = false;
			frac_digits++;
		}
		if (frac_digits == 0)
			return vbp_fail(err, VBP_ESYNTAX,
							"The decimal point is not followed by digits.");
		if (!whole)
			return vbp_fail(err, VBP_ESYNTAX,
							"The value is not a whole number.");
	}

	limit = neg ? (vbp_uint128) INT64_MAX + 1 : (vbp_uint128) INT64_MAX;
	for (; q < end && *q != '.'; q++)
	{
		if (*q == ',')
			continue;
		mag = mag * 10 + (vbp_uint128) (*q - '0');
		if (mag > limit)
			return vbp_fail(err, VBP_ERANGE,
							"The value is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807).");
	}
	if (neg)
		*out = mag == 0 ? 0 : -(int64_t) (mag - 1) - 1;
	else
		*out = (int64_t) mag;
	return VBP_OK;
}

/* Length of a currency marker at p (¥, ￥, RMB, CNY); 0 if none. */
static size_t
currency_marker(const char *p, const char *end)
{
	if (has_prefix(p, end, UTF8_YEN, 2))
		return 2;
	if (has_prefix(p, end, UTF8_FW_YEN, 3))
		return 3;
	if (end - p >= 3)
	{
		char		a = (char) (p[0] & ~0x20),	/* ASCII upper case */
					b = (char) (p[1] & ~0x20),
					c = (char) (p[2] & ~0x20);

		if ((a == 'R' && b == 'M' && c == 'B') || (a == 'C' && b == 'N' && c == 'Y'))
			return 3;
	}
	return 0;
}

/*
 * A decimal: [sign] [¥|￥|RMB|CNY [blanks]] [sign] digits [,ddd ...] [.digits] [[blanks] 元],
 * with at most one sign; written to buf as [-]digits[.digits].
 */
vbp_errkind
vbp_parse_decimal(const char *s, size_t len, char *buf, size_t buflen, vbp_error *err)
{
	const char *p;
	const char *end;
	const char *int_start;
	const char *frac_start = NULL;
	bool		neg = false;
	bool		have_sign = false;
	bool		zero = true;
	int			int_digits;
	int			lead_zeros = 0;
	int			frac_digits = 0;
	int			sig_digits;
	size_t		need;
	size_t		n;
	size_t		o = 0;
	vbp_errkind e;

	len = vbp_parse_trim(&s, len);
	if (len == 0)
		return empty(err);
	p = s;
	end = s + len;
	if (len >= 3 && memcmp(end - 3, UTF8_YUAN, 3) == 0)
	{
		end -= 3;
		while ((n = blank_before(p, end)) > 0)
			end -= n;
	}
	if (p < end && (*p == '-' || *p == '+'))
	{
		neg = (*p == '-');
		have_sign = true;
		p++;
	}
	if ((n = currency_marker(p, end)) > 0)
	{
		p += n;
		while ((n = blank_at(p, end)) > 0)
			p += n;
		if (!have_sign && p < end && (*p == '-' || *p == '+'))
		{
			neg = (*p == '-');
			p++;
		}
	}
	if (scientific(p, end))
		return scientific_error(err);
	if (p == end || !(is_digit(*p) || *p == '.'))
		return vbp_fail(err, VBP_ESYNTAX,
						"A decimal number is written with digits and an optional decimal point, such as -1,234.50, optionally with ¥, ￥, RMB or CNY before it or 元 after it.");

	int_start = p;
	if ((e = scan_integer_digits(s, &p, end, &int_digits, err)) != VBP_OK)
		return e;
	if (p < end)				/* at the point */
	{
		frac_start = ++p;
		for (; p < end; p++)
		{
			if (!is_digit(*p))
				return not_digit(err, s, p);
			if (*p != '0')
				zero = false;
			frac_digits++;
		}
	}
	if (int_digits + frac_digits == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The value has no digits.");

	/* leading zeros of the integer part go; one 0 stays */
	for (p = int_start; p < end && *p != '.'; p++)
	{
		if (*p == ',')
			continue;
		if (*p != '0')
		{
			zero = false;
			break;
		}
		lead_zeros++;
	}
	sig_digits = int_digits - lead_zeros;
	if (sig_digits + frac_digits > VBP_DECIMAL_MAXDIGITS)
		return vbp_fail(err, VBP_ERANGE, "The value has more than %d digits.",
						VBP_DECIMAL_MAXDIGITS);
	need = (neg && !zero ? 1 : 0) + (size_t) (sig_digits > 0 ? sig_digits : 1) +
		(frac_start != NULL && frac_digits > 0 ? 1 + (size_t) frac_digits : 0) + 1;
	if (need > buflen)
		return vbp_fail(err, VBP_ERANGE,
						"The value needs %zu bytes of text but only %zu are available.",
						need, buflen);

	if (neg && !zero)
		buf[o++] = '-';
	if (sig_digits == 0)
		buf[o++] = '0';
	else
		for (; p < end && *p != '.'; p++)	/* p is at the first significant digit */
			if (*p != ',')
				buf[o++] = *p;
	if (frac_digits > 0)
	{
		buf[o++] = '.';
		memcpy(buf + o, frac_start, (size_t) frac_digits);
		o += (size_t) frac_digits;
	}
	buf[o] = '\0';
	return VBP_OK;
}

/* Reads 1 to max digits at *pp into *v; returns how many (0: none). */
static int
read_digits(const char **pp, const char *end, int max, int *v)
{
	const char *p = *pp;
	int			n = 0;

	*v = 0;
	while (p < end && n < max && is_digit(*p))
	{
		*v = *v * 10 + (*p - '0');
		p++;
		n++;
	}
	*pp = p;
	return n;
}

static vbp_errkind
date_forms_error(vbp_error *err)
{
	return vbp_fail(err, VBP_ESYNTAX,
					"A date is written as YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日, optionally followed by a time of day such as 14:30:00.");
}

static vbp_errkind
time_form_error(vbp_error *err)
{
	return vbp_fail(err, VBP_ESYNTAX,
					"The time after the date is written as H:MM, H:MM:SS or H:MM:SS.fff, after one space or T.");
}

/* A time of day H:MM[:SS[.fff]] filling [p, end), checked and ignored. */
static vbp_errkind
check_time(const char *p, const char *end, vbp_error *err)
{
	int			h,
				mi,
				sec = 0;

	if (read_digits(&p, end, 2, &h) == 0 || p == end || *p++ != ':' ||
		read_digits(&p, end, 2, &mi) != 2)
		return time_form_error(err);
	if (p < end && *p == ':')
	{
		p++;
		if (read_digits(&p, end, 2, &sec) != 2)
			return time_form_error(err);
		if (p < end && *p == '.')
		{
			p++;
			if (p == end)
				return time_form_error(err);
			while (p < end && is_digit(*p))
				p++;
		}
	}
	if (p != end)
		return time_form_error(err);
	if (h > 23 || mi > 59 || sec > 59)
		return vbp_fail(err, VBP_ESYNTAX,
						"The time of day is out of range: hours are 0 to 23, minutes and seconds 0 to 59.");
	return VBP_OK;
}

static bool
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

/* True if [p, end) is 5 digits, optionally with a fraction: a spreadsheet serial. */
static bool
serial_number(const char *p, const char *end)
{
	int			v;

	if (read_digits(&p, end, 5, &v) != 5)
		return false;
	if (p < end && *p == '.')
	{
		p++;
		if (p == end || !is_digit(*p))
			return false;
		while (p < end && is_digit(*p))
			p++;
	}
	return p == end;
}

/*
 * A date: YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日 (日 optional),
 * optionally followed by a time of day after one space or T.
 */
vbp_errkind
vbp_parse_date(const char *s, size_t len, int *year, int *month, int *day, vbp_error *err)
{
	const char *p;
	const char *end;
	int			y,
				m,
				d,
				n;
	vbp_errkind e;

	len = vbp_parse_trim(&s, len);
	if (len == 0)
		return empty(err);
	p = s;
	end = s + len;
	if (serial_number(p, end))
		return vbp_fail(err, VBP_ESYNTAX,
						"The value looks like a spreadsheet date serial number; export the column as a date (YYYY-MM-DD).");

	n = read_digits(&p, end, 8, &y);
	if (n == 8 && (p == end || !is_digit(*p)))
	{
		d = y % 100;
		m = y / 100 % 100;
		y /= 10000;
	}
	else if (n == 4 && p < end && (*p == '-' || *p == '/' || *p == '.'))
	{
		char		sep = *p++;

		if (read_digits(&p, end, 2, &m) == 0 || p == end || *p++ != sep ||
			read_digits(&p, end, 2, &d) == 0)
			return date_forms_error(err);
	}
	else if (n == 4 && has_prefix(p, end, UTF8_NIAN, 3))
	{
		p += 3;
		if (read_digits(&p, end, 2, &m) == 0 || !has_prefix(p, end, UTF8_YUE, 3))
			return date_forms_error(err);
		p += 3;
		if (read_digits(&p, end, 2, &d) == 0)
			return date_forms_error(err);
		if (has_prefix(p, end, UTF8_RI, 3))
			p += 3;
	}
	else
		return date_forms_error(err);

	if (p < end)
	{
		if (*p != ' ' && *p != 'T')
			return date_forms_error(err);
		if ((e = check_time(p + 1, end, err)) != VBP_OK)
			return e;
	}

	if (m < 1 || m > 12)
		return vbp_fail(err, VBP_ESYNTAX, "There is no month %d; months are 1 to 12.", m);
	if (d < 1 || d > days_in_month(y, m))
	{
		if (m == 2 && d == 29)
			return vbp_fail(err, VBP_ESYNTAX,
							"The date %04d-02-29 does not exist: %04d is not a leap year.", y, y);
		return vbp_fail(err, VBP_ESYNTAX,
						"The date %04d-%02d-%02d does not exist: that month has %d days.",
						y, m, d, days_in_month(y, m));
	}
	if (y < YEAR_MIN || y > YEAR_MAX)
		return vbp_fail(err, VBP_ERANGE,
						"The year %04d is outside the years vbp accepts (%d to %d).",
						y, YEAR_MIN, YEAR_MAX);
	*year = y;
	*month = m;
	*day = d;
	return VBP_OK;
}
