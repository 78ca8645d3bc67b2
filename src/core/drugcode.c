/*
 * drugcode.c
 *		医保药品代码 (NHSA drug classification and code) codec.
 *
 * Layout (0-based slices of the text form):
 *		X (western, 23 chars): category [0:1] class [1:6] generic [6:10]
 *			form [10:14] specification [14:18] company [18:23]
 *		Z (Chinese patent, 20 chars): category [0:1] class [1:6]
 *			generic [6:11] specification [11:15] company [15:20]
 * Generic-level codes from catalogues are prefixes: X of 10 to 14 characters
 * (up to the dosage form), Z of 11 (up to the generic name).
 */
#include "vbp_core.h"

#include <string.h>

#define BASE 37

static int
symbol_value(char c)
{
	if (c >= '0' && c <= '9')
		return 1 + (c - '0');
	if (c >= 'A' && c <= 'Z')
		return 11 + (c - 'A');
	return -1;
}

static char
symbol_char(int v)
{
	return v <= 10 ? (char) ('0' + v - 1) : (char) ('A' + v - 11);
}

static vbp_uint128
to_u128(const vbp_drugcode *c)
{
	return ((vbp_uint128) c->hi << 64) | c->lo;
}

static void
from_u128(vbp_uint128 v, vbp_drugcode *c)
{
	c->hi = (uint64_t) (v >> 64);
	c->lo = (uint64_t) v;
}

static bool
is_letter(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Validates upper-cased text t of length n; fills err on failure. */
static vbp_errkind
validate(const char *t, size_t n, vbp_error *err)
{
	if (t[0] != 'X' && t[0] != 'Z')
		return vbp_fail(err, VBP_ESYNTAX,
						"A drug code starts with X (western medicine) or Z (Chinese patent medicine), not \"%c\".",
						t[0]);
	if (t[0] == 'X' && !(n == 23 || (n >= 10 && n <= 14)))
		return vbp_fail(err, VBP_ESYNTAX,
						"A western-medicine (X) code has 23 characters, or 10 to 14 at generic level; this one has %d.",
						(int) n);
	if (t[0] == 'Z' && !(n == 20 || n == 11))
		return vbp_fail(err, VBP_ESYNTAX,
						"A Chinese-patent-medicine (Z) code has 20 characters, or 11 at generic level; this one has %d.",
						(int) n);
	if (!(is_letter(t[1]) && is_digit(t[2]) && is_digit(t[3]) &&
		  is_letter(t[4]) && is_letter(t[5])))
		return vbp_fail(err, VBP_ESYNTAX,
						"The class segment (characters 2 to 6) must be a letter, two digits and two letters, like A01AB; it is \"%.5s\".",
						t + 1);
	return VBP_OK;
}

vbp_errkind
vbp_drugcode_parse(const char *s, size_t len, vbp_drugcode *out, vbp_error *err)
{
	char		t[VBP_DRUGCODE_MAXLEN];
	vbp_uint128 v = 0;
	size_t		i;
	vbp_errkind e;

	len = vbp_trim(&s, len);
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The drug code is empty.");
	for (i = 0; i < len; i++)
	{
		char		ch = (s[i] >= 'a' && s[i] <= 'z') ? (char) (s[i] - 'a' + 'A') : s[i];
		char		desc[VBP_CHARDESC_LEN];

		if (symbol_value(ch) < 0)
			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) is not a letter or digit.",
							(int) i + 1, vbp_describe_char(s[i], desc));
	}
	if (len > VBP_DRUGCODE_MAXLEN)
		return vbp_fail(err, VBP_ESYNTAX,
						"A drug code has at most 23 characters; this one has %d.", (int) len);
	for (i = 0; i < len; i++)
		t[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char) (s[i] - 'a' + 'A') : s[i];
	if ((e = validate(t, len, err)) != VBP_OK)
		return e;
	for (i = 0; i < VBP_DRUGCODE_MAXLEN; i++)
		v = v * BASE + (i < len ? (vbp_uint128) symbol_value(t[i]) : 0);
	from_u128(v, out);
	return VBP_OK;
}

/* Decodes into 23 symbol slots, returns the text length. */
static size_t
decode(const vbp_drugcode *c, char *buf)
{
	vbp_uint128 v = to_u128(c);
	int			sym[VBP_DRUGCODE_MAXLEN];
	size_t		n = 0;
	int			i;

	for (i = VBP_DRUGCODE_MAXLEN - 1; i >= 0; i--)
	{
		sym[i] = (int) (v % BASE);
		v /= BASE;
	}
	for (i = 0; i < VBP_DRUGCODE_MAXLEN && sym[i] != 0; i++)
		buf[n++] = symbol_char(sym[i]);
	buf[n] = '\0';
	return n;
}

size_t
vbp_drugcode_format(const vbp_drugcode *c, char *buf)
{
	return decode(c, buf);
}

int
vbp_drugcode_cmp(const vbp_drugcode *a, const vbp_drugcode *b)
{
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return 0;
}

bool
vbp_drugcode_is_generic_level(const vbp_drugcode *c)
{
	char		buf[VBP_DRUGCODE_MAXLEN + 1];
	size_t		n = decode(c, buf);

	return !(n == 23 || n == 20);
}

size_t
vbp_drugcode_segment(const vbp_drugcode *c, vbp_drug_segment seg, char *out)
{
	char		buf[VBP_DRUGCODE_MAXLEN + 1];
	size_t		n = decode(c, buf);
	bool		x = (buf[0] == 'X');
	size_t		from = 0,
				to = 0;

	switch (seg)
	{
		case VBP_SEG_CATEGORY:
			from = 0, to = 1;
			break;
		case VBP_SEG_CLASS:
			from = 1, to = 6;
			break;
		case VBP_SEG_GENERIC:
			from = 6, to = x ? 10 : 11;
			break;
		case VBP_SEG_FORM:
			if (!x)
				from = to = 0;
			else
				from = 10, to = 14;
			break;
		case VBP_SEG_SPEC:
			from = x ? 14 : 11, to = x ? 18 : 15;
			break;
		case VBP_SEG_COMPANY:
			from = x ? 18 : 15, to = x ? 23 : 20;
			break;
	}
	/* generic-level X codes may carry a partial form of 1-3 chars */
	if (to > n)
		to = (seg == VBP_SEG_FORM && from < n) ? n : from;
	memcpy(out, buf + from, to - from);
	out[to - from] = '\0';
	return to - from;
}

void
vbp_drugcode_generic_group(const vbp_drugcode *c, vbp_drugcode *out)
{
	char		buf[VBP_DRUGCODE_MAXLEN + 1];
	size_t		n = decode(c, buf);
	size_t		keep = buf[0] == 'X' ? 14 : 11;

	if (n <= keep)
	{
		*out = *c;
		return;
	}
	(void) vbp_drugcode_parse(buf, keep, out, NULL);
}
