/*
 * fuzz_parse.c: the soft parsers of CSV export fields (vbp_parse_int,
 * vbp_parse_decimal, vbp_parse_date) on arbitrary bytes.  An accepted integer
 * printed with %lld parses back to itself, and the decimal parser reads it as
 * the same digits (unless a fraction of zeros takes it past 1000 digits); an
 * accepted decimal's canonical text is canonical and parses
 * back to itself; an accepted date exists and lies in 1990-2199.  A refusal is
 * VBP_ESYNTAX or VBP_ERANGE with a detail that is a sentence in valid UTF-8.
 * The decimal parser also writes into a heap buffer of a size taken from the
 * input, so ASan sees any write past buflen.
 */
#include "fuzz.h"

#include <stdio.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
assert_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
	{
		int			n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 :
			(*p & 0xF8) == 0xF0 ? 3 : -1;
		int			i;

		FUZZ_ASSERT(n >= 0 && !(n == 1 && *p < 0xC2));
		for (i = 1; i <= n; i++)
			FUZZ_ASSERT((p[i] & 0xC0) == 0x80);
		p += n + 1;
	}
}

static void
assert_refusal(const vbp_error *err)
{
	size_t		n = strnlen(err->detail, VBP_DETAIL_LEN);

	FUZZ_ASSERT(err->kind == VBP_ESYNTAX || err->kind == VBP_ERANGE);
	FUZZ_ASSERT(n > 1 && n < VBP_DETAIL_LEN);
	FUZZ_ASSERT(err->detail[0] >= 'A' && err->detail[0] <= 'Z' && err->detail[n - 1] == '.');
	assert_utf8(err->detail);
}

/* [-]digits[.digits], no leading zero but a lone one, no minus on zero */
static void
assert_canonical(const char *t)
{
	const char *p = t;
	bool		nonzero = false;
	int			digits = 0;

	if (*p == '-')
		p++;
	FUZZ_ASSERT(*p >= '0' && *p <= '9');
	FUZZ_ASSERT(!(p[0] == '0' && p[1] >= '0' && p[1] <= '9'));
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		nonzero |= (*p != '0');
	if (*p == '.')
	{
		p++;
		FUZZ_ASSERT(*p >= '0' && *p <= '9');
		for (; *p >= '0' && *p <= '9'; p++, digits++)
			nonzero |= (*p != '0');
	}
	FUZZ_ASSERT(*p == '\0');
	FUZZ_ASSERT(t[0] != '-' || nonzero);
	FUZZ_ASSERT(digits <= VBP_DECIMAL_MAXDIGITS + 1);	/* + the lone 0 of 0.x */
}

static bool
date_exists(int y, int m, int d)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12 || d < 1)
		return false;
	return d <= (m == 2 && leap ? 29 : days[m - 1]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	char		dec[VBP_DECIMAL_BUFLEN];
	char		again[VBP_DECIMAL_BUFLEN];
	vbp_errkind dec_kind;
	bool		dec_ok;
	int64_t		v,
				w;
	int			y,
				m,
				d;
	vbp_error	err;

	/* decimal */
	dec_kind = vbp_parse_decimal(s, size, dec, sizeof(dec), &err);
	dec_ok = dec_kind == VBP_OK;
	if (dec_ok)
	{
		assert_canonical(dec);
		FUZZ_ASSERT(vbp_parse_decimal(dec, strlen(dec), again, sizeof(again), &err) == VBP_OK);
		FUZZ_ASSERT(strcmp(dec, again) == 0);
	}
	else
		assert_refusal(&err);

	/* the same into a buffer of 1 to 16 bytes: fits exactly or fails with ERANGE */
	{
		size_t		buflen = size > 0 ? (size_t) (data[0] % 16) + 1 : 1;
		char	   *small = malloc(buflen);
		vbp_errkind e = vbp_parse_decimal(s, size, small, buflen, &err);

		if (dec_ok)
		{
			FUZZ_ASSERT(e == (strlen(dec) < buflen ? VBP_OK : VBP_ERANGE));
			if (e == VBP_OK)
				FUZZ_ASSERT(strcmp(small, dec) == 0);
		}
		else
			FUZZ_ASSERT(e != VBP_OK);
		free(small);
	}

	/* integer */
	if (vbp_parse_int(s, size, &v, &err) == VBP_OK)
	{
		char		t[32];
		int			n = snprintf(t, sizeof(t), "%lld", (long long) v);
		size_t		k;

		FUZZ_ASSERT(n > 0 && n < (int) sizeof(t));
		FUZZ_ASSERT(vbp_parse_int(t, (size_t) n, &w, &err) == VBP_OK && w == v);
		/*
		 * a decimal too, with the same integer part and a fraction of zeros;
		 * or over its 1000 digits (a whole number may carry any zeros)
		 */
		FUZZ_ASSERT(dec_ok || dec_kind == VBP_ERANGE);
		if (dec_ok)
		{
			FUZZ_ASSERT(strncmp(dec, t, (size_t) n) == 0 && (dec[n] == '\0' || dec[n] == '.'));
			for (k = (size_t) n + 1; dec[n] == '.' && dec[k] != '\0'; k++)
				FUZZ_ASSERT(dec[k] == '0');
		}
	}
	else
		assert_refusal(&err);

	/* date */
	y = m = d = -1;
	if (vbp_parse_date(s, size, &y, &m, &d, &err) == VBP_OK)
	{
		char		t[16];
		int			y2,
					m2,
					d2;

		FUZZ_ASSERT(y >= 1990 && y <= 2199 && date_exists(y, m, d));
		snprintf(t, sizeof(t), "%04d-%02d-%02d", y, m, d);
		FUZZ_ASSERT(vbp_parse_date(t, 10, &y2, &m2, &d2, &err) == VBP_OK);
		FUZZ_ASSERT(y2 == y && m2 == m && d2 == d);
	}
	else
	{
		assert_refusal(&err);
		FUZZ_ASSERT(y == -1 && m == -1 && d == -1);
	}
	free(s);
	return 0;
}
