/*
 * tracecode.c
 *		药品追溯码 (drug traceability code) in its two forms: the Chinese
 *		20-digit code (7-digit drug identification code 药品标识码 + 13-digit
 *		serial, also printed 7 + 13 with one space or hyphen), and the GS1
 *		DataMatrix content of imported packages, identified by its GTIN (01)
 *		and serial (21).  vbp_core.h describes the packed form.
 */
#include "vbp_core.h"

#include <stdio.h>
#include <string.h>

#define GS '\x1d'				/* group separator: FNC1 in a raw GS1 scan */
#define GTIN_BYTES 6
#define NMPA20_BYTES (1 + 3 + 6)
#define GS1_MIN_BYTES (1 + GTIN_BYTES + 1)

static const char cset82_marks[] = "!\"%&'()*+,-./:;<=>?_";

/* The application identifiers a traceability code may carry. */
typedef enum ai_kind
{
	AI_GTIN,					/* 14 digits, GS1 mod-10 check digit */
	AI_DATE,					/* YYMMDD, day 00 allowed */
	AI_TEXT						/* 1 to maxlen characters of set 82 */
} ai_kind;

typedef struct gs1_ai
{
	const char *ai;
	ai_kind		kind;
	int			maxlen;			/* the exact length of a GTIN or date */
	const char *what;
} gs1_ai;

static const gs1_ai gs1_ais[] = {
	{"01", AI_GTIN, VBP_TRACECODE_GTIN_LEN, "GTIN"},
	{"10", AI_TEXT, 20, "batch"},
	{"11", AI_DATE, 6, "production date"},
	{"17", AI_DATE, 6, "expiry date"},
	{"21", AI_TEXT, VBP_TRACECODE_GS1_SERIAL_MAX, "serial"},
	{"240", AI_TEXT, 30, "additional product identification"},
	{"710", AI_TEXT, 20, "national healthcare reimbursement number"},
	{"711", AI_TEXT, 20, "national healthcare reimbursement number"},
	{"712", AI_TEXT, 20, "national healthcare reimbursement number"},
	{"713", AI_TEXT, 20, "national healthcare reimbursement number"},
	{"714", AI_TEXT, 20, "national healthcare reimbursement number"},
	{"715", AI_TEXT, 20, "national healthcare reimbursement number"},
};

#define N_AIS ((int) (sizeof(gs1_ais) / sizeof(gs1_ais[0])))
#define AI_01 0
#define AI_21 4
#define KNOWN_AIS "(01), (10), (11), (17), (21), (240) and (710) to (715)"

/* What one GS1 parse has found so far. */
typedef struct gs1_state
{
	const char *start;			/* the trimmed input, for positions */
	int			seen_at[N_AIS]; /* character position of each AI, 0 if absent */
	uint64_t	gtin;
	const char *serial;
	size_t		serial_len;
} gs1_state;

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* GS1 AI encodable character set 82: letters, digits and !"%&'()*+,-./:;<=>?_ */
static bool
is_cset82(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c != '\0' && strchr(cset82_marks, c) != NULL);
}

/* 1-based position of p in s, counted in UTF-8 characters. */
static int
char_pos(const char *s, const char *p)
{
	int			pos = 1;

	for (; s < p; s++)
		if (((unsigned char) *s & 0xC0) != 0x80)
			pos++;
	return pos;
}

/*
 * Length of the application identifier opener "(" 2-4 digits ")" at p, or 0.
 * In the parenthesised form it ends a value; a serial may not contain one.
 */
static size_t
opener_len(const char *p, const char *end)
{
	size_t		n = 1;

	if (p >= end || *p != '(')
		return 0;
	while (p + n < end && is_digit(p[n]) && n <= 5)
		n++;
	if (n < 3 || n > 5 || p + n >= end || p[n] != ')')
		return 0;
	return n + 1;
}

/* GS1 mod-10 check digit of the first n digits: weights 3, 1, 3, ... from the right. */
static int
gs1_check_digit(const char *d, int n)
{
	int			sum = 0;
	int			i;

	for (i = 0; i < n; i++)
		sum += (d[n - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
	return (10 - sum % 10) % 10;
}

static int
ai_lookup(const char *ai, size_t n)
{
	int			k;

	for (k = 0; k < N_AIS; k++)
		if (strlen(gs1_ais[k].ai) == n && memcmp(gs1_ais[k].ai, ai, n) == 0)
			return k;
	return -1;
}

static vbp_errkind
unknown_ai(vbp_error *err, const gs1_state *st, const char *ai, size_t n)
{
	return vbp_fail(err, VBP_ESYNTAX,
					"Application identifier (%.*s) at character %d is not one a traceability code carries; those are " KNOWN_AIS ".",
					(int) n, ai, char_pos(st->start, ai));
}

/*
 * Checks the value [v, v+n) of AI k found at character `at`, and records it.
 */
static vbp_errkind
gs1_element(gs1_state *st, int k, const char *at, const char *v, size_t n, vbp_error *err)
{
	const gs1_ai *a = &gs1_ais[k];
	char		desc[VBP_CHARDESC_LEN];
	size_t		i;

	if (st->seen_at[k] != 0)
		return vbp_fail(err, VBP_ESYNTAX,
						"Application identifier (%s) appears twice, at characters %d and %d.",
						a->ai, st->seen_at[k], char_pos(st->start, at));
	st->seen_at[k] = char_pos(st->start, at);
	if (a->kind == AI_TEXT)
	{
		if (n == 0)
			return vbp_fail(err, VBP_ESYNTAX,
							"The %s (%s) at character %d is empty; it has 1 to %d characters.",
							a->what, a->ai, st->seen_at[k], a->maxlen);
		if (n > (size_t) a->maxlen)
			return vbp_fail(err, VBP_ESYNTAX,
							"The %s (%s) at character %d has %d characters; at most %d are allowed.",
							a->what, a->ai, st->seen_at[k], (int) n, a->maxlen);
		for (i = 0; i < n; i++)
			if (!is_cset82(v[i]))
				return vbp_fail(err, VBP_ESYNTAX,
								"Character %d (%s) in the %s (%s) is not in GS1 character set 82 (letters, digits and %s).",
								char_pos(st->start, v + i), vbp_describe_char(v[i], desc),
								a->what, a->ai, cset82_marks);
		if (k == AI_21)
		{
			for (i = 0; i < n; i++)
			{
				size_t		o = opener_len(v + i, v + n);

				if (o > 0)
					return vbp_fail(err, VBP_ESYNTAX,
									"The serial (21) contains \"%.*s\", which would read as an application identifier in the printed form.",
									(int) o, v + i);
			}
			st->serial = v;
			st->serial_len = n;
		}
		return VBP_OK;
	}
	if (n != (size_t) a->maxlen)
		return vbp_fail(err, VBP_ESYNTAX,
						"The %s (%s) at character %d has %d characters; it must have %d digits.",
						a->what, a->ai, st->seen_at[k], (int) n, a->maxlen);
	for (i = 0; i < n; i++)
		if (!is_digit(v[i]))
			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) in the %s (%s) is not a digit.",
							char_pos(st->start, v + i), vbp_describe_char(v[i], desc),
							a->what, a->ai);
	if (a->kind == AI_GTIN)
	{
		int			check = gs1_check_digit(v, VBP_TRACECODE_GTIN_LEN - 1);

		if (v[VBP_TRACECODE_GTIN_LEN - 1] - '0' != check)
			return vbp_fail(err, VBP_ESYNTAX,
							"The GTIN (01) %.14s ends in %c, but its GS1 check digit is %d.",
							v, v[VBP_TRACECODE_GTIN_LEN - 1], check);
		st->gtin = 0;
		for (i = 0; i < n; i++)
			st->gtin = st->gtin * 10 + (uint64_t) (v[i] - '0');
	}
	else
	{
		int			month = (v[2] - '0') * 10 + (v[3] - '0');
		int			day = (v[4] - '0') * 10 + (v[5] - '0');
		int			year = (v[0] - '0') * 10 + (v[1] - '0');
		int			last;

		/* GS1 reads YY within 49 years back and 50 ahead: 1901-2099, where every 4th year is leap */
		static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

		if (month < 1 || month > 12)
			return vbp_fail(err, VBP_ESYNTAX,
							"The %s (%s) %.6s has month %02d; a date is YYMMDD with month 01 to 12.",
							a->what, a->ai, v, month);
		last = (month == 2 && year % 4 != 0) ? 28 : mdays[month - 1];
		if (day > last)
			return vbp_fail(err, VBP_ESYNTAX,
							"The %s (%s) %.6s has day %02d; that month has %d days (day 00 stands for the month).",
							a->what, a->ai, v, day, last);
	}
	return VBP_OK;
}

static void
put_be(unsigned char *p, uint64_t v, int nbytes)
{
	int			i;

	for (i = nbytes - 1; i >= 0; i--)
	{
		p[i] = (unsigned char) (v & 0xFF);
		v >>= 8;
	}
}

static uint64_t
get_be(const unsigned char *p, int nbytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < nbytes; i++)
		v = (v << 8) | p[i];
	return v;
}

/* The GTIN and serial found, packed; or the missing identifier. */
static vbp_errkind
gs1_finish(const gs1_state *st, vbp_tracecode *out, vbp_error *err)
{
	if (st->seen_at[AI_01] == 0)
		return vbp_fail(err, VBP_ESYNTAX,
						"The GS1 code has no GTIN (01); a traceability code needs the GTIN and the serial (21).");
	if (st->seen_at[AI_21] == 0)
		return vbp_fail(err, VBP_ESYNTAX,
						"The GS1 code has no serial (21); a traceability code needs the GTIN (01) and the serial.");
	out->packed[0] = VBP_TRACECODE_GS1;
	put_be(out->packed + 1, st->gtin, GTIN_BYTES);
	memcpy(out->packed + 1 + GTIN_BYTES, st->serial, st->serial_len);
	out->len = (uint8_t) (1 + GTIN_BYTES + st->serial_len);
	return VBP_OK;
}

/*
 * The human-readable form: "(AI)value" elements in any order, a value running
 * to the next application identifier opener; blanks may separate elements.
 */
static vbp_errkind
gs1_parse_printed(const char *s, size_t len, vbp_tracecode *out, vbp_error *err)
{
	const char *p = s;
	const char *end = s + len;
	gs1_state	st;
	vbp_errkind e;

	memset(&st, 0, sizeof(st));
	st.start = s;
	{
		/* a separator is the raw form's; the printed form's elements start at their "(" */
		const char *gs = memchr(s, GS, len);

		if (gs != NULL)
			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d is a group separator (GS, \\x1d), which belongs only to the raw form a scanner sends (01<GTIN>21<serial>, without brackets); the printed form (01)<GTIN>(21)<serial> has none.",
							char_pos(s, gs));
	}
	while (p < end)
	{
		size_t		o = opener_len(p, end);
		const char *v,
				   *q;
		int			k;

		if (o == 0)
		{
			char		desc[VBP_CHARDESC_LEN];

			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) does not open an application identifier such as (01).",
							char_pos(s, p), vbp_describe_char(*p, desc));
		}
		k = ai_lookup(p + 1, o - 2);
		if (k < 0)
			return unknown_ai(err, &st, p + 1, o - 2);
		v = p + o;
		/* the value ends at the next opener, or at blanks before one */
		for (q = v; q < end; q++)
		{
			const char *r = q;

			while (r < end && *r == ' ')
				r++;
			if (opener_len(r, end) > 0)
				break;
		}
		if ((e = gs1_element(&st, k, p + 1, v, (size_t) (q - v), err)) != VBP_OK)
			return e;
		for (p = q; p < end && *p == ' '; p++)
			;
	}
	return gs1_finish(&st, out, err);
}

/*
 * The raw form a scanner sends: optional symbology identifier ]d2 and leading
 * FNC1, then AI and value without brackets; a variable-length value ends at a
 * group separator or at the end.
 */
static vbp_errkind
gs1_parse_raw(const char *s, size_t len, vbp_tracecode *out, vbp_error *err)
{
	const char *p = s;
	const char *end = s + len;
	gs1_state	st;
	vbp_errkind e;
	char		desc[VBP_CHARDESC_LEN];

	memset(&st, 0, sizeof(st));
	st.start = s;
	if (*p == ']')
	{
		if (len < 3 || p[1] != 'd' || p[2] != '2')
			return vbp_fail(err, VBP_ESYNTAX,
							"A symbology identifier starts the code, but only ]d2 (GS1 DataMatrix) is accepted.");
		p += 3;
	}
	if (p < end && *p == GS)
		p++;
	if (p == end)
		return vbp_fail(err, VBP_ESYNTAX, "The GS1 code has no element after its prefix.");
	while (p < end)
	{
		const char *at = p;
		size_t		n = 2;
		const char *v;
		int			k;

		if (*p == GS)
			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d is a group separator where an application identifier should start.",
							char_pos(s, p));
		if (is_digit(p[0]) && end - p < 2)
			return vbp_fail(err, VBP_ESYNTAX,
							"The GS1 code ends inside an application identifier.");
		if (!is_digit(p[0]) || !is_digit(p[1]))
		{
			const char *bad = is_digit(p[0]) ? p + 1 : p;

			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) is not a digit; a GS1 element starts with its application identifier.",
							char_pos(s, bad), vbp_describe_char(*bad, desc));
		}
		if ((p[0] == '2' && p[1] == '4') || (p[0] == '7' && p[1] == '1'))
		{
			if (end - p < 3 || !is_digit(p[2]))
				return unknown_ai(err, &st, p, 2);
			n = 3;
		}
		k = ai_lookup(p, n);
		if (k < 0)
			return unknown_ai(err, &st, p, n);
		v = p + n;
		if (gs1_ais[k].kind == AI_TEXT)
		{
			const char *q = memchr(v, GS, (size_t) (end - v));

			p = q ? q : end;
		}
		else
			p = (end - v) < gs1_ais[k].maxlen ? end : v + gs1_ais[k].maxlen;
		if ((e = gs1_element(&st, k, at, v, (size_t) (p - v), err)) != VBP_OK)
			return e;
		/* a separator ends a variable value; one after a fixed value or at the end is tolerated */
		if (p < end && *p == GS)
			p++;
	}
	return gs1_finish(&st, out, err);
}

/* 20 digits, or 7 + 13 with one space or hyphen: the shape of the nmpa20 form. */
static bool
nmpa20_shape(const char *s, size_t len)
{
	size_t		i;

	if (len != VBP_TRACECODE_LEN && len != VBP_TRACECODE_LEN + 1)
		return false;
	/* 21 characters: the 20 digits with a space or hyphen after the seventh */
	for (i = 0; i < len; i++)
		if (len == VBP_TRACECODE_LEN + 1 && i == VBP_TRACECODE_PRODUCT_LEN)
		{
			if (s[i] != ' ' && s[i] != '-')
				return false;
		}
		else if (!is_digit(s[i]))
			return false;
	return true;
}

static vbp_errkind
nmpa20_parse(const char *s, size_t len, vbp_tracecode *out, vbp_error *err)
{
	uint32_t	product = 0;
	uint64_t	serial = 0;
	int			digits = 0;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		char		ch = s[i];

		if (is_digit(ch))
		{
			if (digits >= VBP_TRACECODE_LEN)
				return vbp_fail(err, VBP_ESYNTAX,
								"A traceability code has 20 digits; this one has more.");
			if (digits < VBP_TRACECODE_PRODUCT_LEN)
				product = product * 10 + (uint32_t) (ch - '0');
			else
				serial = serial * 10 + (uint64_t) (ch - '0');
			digits++;
		}
		else if ((ch == ' ' || ch == '-') && digits == VBP_TRACECODE_PRODUCT_LEN &&
				 i == VBP_TRACECODE_PRODUCT_LEN)
			continue;
		else
		{
			char		desc[VBP_CHARDESC_LEN];

			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) is not a digit; a traceability code is 20 digits, optionally printed as 7 + 13, or GS1 content such as (01)<GTIN>(21)<serial>.",
							char_pos(s, s + i), vbp_describe_char(ch, desc));
		}
	}
	if (digits != VBP_TRACECODE_LEN)
		return vbp_fail(err, VBP_ESYNTAX,
						"A traceability code has 20 digits; this one has %d.", digits);
	out->packed[0] = VBP_TRACECODE_NMPA20;
	put_be(out->packed + 1, product, 3);
	put_be(out->packed + 4, serial, 6);
	out->len = NMPA20_BYTES;
	return VBP_OK;
}

vbp_errkind
vbp_tracecode_parse(const char *s, size_t len, vbp_tracecode *out, vbp_error *err)
{
	int			chars;

	len = vbp_trim(&s, len);
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The traceability code is empty.");
	chars = char_pos(s, s + len) - 1;
	if (chars > VBP_TRACECODE_INPUT_MAX)
		return vbp_fail(err, VBP_ESYNTAX,
						"A traceability code has at most %d characters; this one has %d.",
						VBP_TRACECODE_INPUT_MAX, chars);
	if (nmpa20_shape(s, len))
		return nmpa20_parse(s, len, out, err);
	if (s[0] == '(')
		return gs1_parse_printed(s, len, out, err);
	if (s[0] == ']' || memchr(s, GS, len) != NULL ||
		(len > VBP_TRACECODE_LEN && s[0] == '0' && s[1] == '1'))
		return gs1_parse_raw(s, len, out, err);
	return nmpa20_parse(s, len, out, err);
}

vbp_tracecode_form
vbp_tracecode_form_of(const vbp_tracecode *c)
{
	return (vbp_tracecode_form) c->packed[0];
}

const char *
vbp_tracecode_form_name(const vbp_tracecode *c)
{
	return vbp_tracecode_form_of(c) == VBP_TRACECODE_GS1 ? "gs1" : "nmpa20";
}

size_t
vbp_tracecode_product(const vbp_tracecode *c, char *buf)
{
	if (vbp_tracecode_form_of(c) == VBP_TRACECODE_GS1)
		return (size_t) snprintf(buf, VBP_TRACECODE_BUFLEN, "%014llu",
								 (unsigned long long) get_be(c->packed + 1, GTIN_BYTES));
	return (size_t) snprintf(buf, VBP_TRACECODE_BUFLEN, "%07u",
							 (unsigned) get_be(c->packed + 1, 3));
}

size_t
vbp_tracecode_serial(const vbp_tracecode *c, char *buf)
{
	if (vbp_tracecode_form_of(c) == VBP_TRACECODE_GS1)
	{
		size_t		n = (size_t) c->len - 1 - GTIN_BYTES;

		memcpy(buf, c->packed + 1 + GTIN_BYTES, n);
		buf[n] = '\0';
		return n;
	}
	return (size_t) snprintf(buf, VBP_TRACECODE_BUFLEN, "%013llu",
							 (unsigned long long) get_be(c->packed + 4, 6));
}

size_t
vbp_tracecode_format(const vbp_tracecode *c, char *buf)
{
	char		product[VBP_TRACECODE_BUFLEN];
	char		serial[VBP_TRACECODE_BUFLEN];

	vbp_tracecode_product(c, product);
	vbp_tracecode_serial(c, serial);
	if (vbp_tracecode_form_of(c) == VBP_TRACECODE_GS1)
		return (size_t) snprintf(buf, VBP_TRACECODE_BUFLEN, "(01)%s(21)%s", product, serial);
	return (size_t) snprintf(buf, VBP_TRACECODE_BUFLEN, "%s%s", product, serial);
}

const unsigned char *
vbp_tracecode_packed(const vbp_tracecode *c, size_t *len)
{
	*len = c->len;
	return c->packed;
}

int
vbp_tracecode_cmp_packed(const unsigned char *a, size_t alen,
						 const unsigned char *b, size_t blen)
{
	int			r = memcmp(a, b, alen < blen ? alen : blen);

	if (r != 0)
		return r < 0 ? -1 : 1;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

int
vbp_tracecode_cmp(const vbp_tracecode *a, const vbp_tracecode *b)
{
	return vbp_tracecode_cmp_packed(a->packed, a->len, b->packed, b->len);
}

vbp_errkind
vbp_tracecode_unpack(const unsigned char *p, size_t len, vbp_tracecode *out, vbp_error *err)
{
	if (len >= 1 && p[0] == VBP_TRACECODE_NMPA20 && len == NMPA20_BYTES)
	{
		if (get_be(p + 1, 3) >= 10000000u || get_be(p + 4, 6) >= 10000000000000ULL)
			return vbp_fail(err, VBP_ESYNTAX,
							"The packed 20-digit code holds a number beyond its digits.");
	}
	else if (len >= GS1_MIN_BYTES && len <= VBP_TRACECODE_PACKED_MAX && p[0] == VBP_TRACECODE_GS1)
	{
		char		gtin[VBP_TRACECODE_GTIN_LEN + 1];
		gs1_state	st;
		vbp_errkind e;

		if (get_be(p + 1, GTIN_BYTES) >= 100000000000000ULL)
			return vbp_fail(err, VBP_ESYNTAX, "The packed GTIN has more than 14 digits.");
		snprintf(gtin, sizeof(gtin), "%014llu", (unsigned long long) get_be(p + 1, GTIN_BYTES));
		memset(&st, 0, sizeof(st));
		st.start = gtin;
		if ((e = gs1_element(&st, AI_01, gtin, gtin, VBP_TRACECODE_GTIN_LEN, err)) != VBP_OK)
			return e;
		st.start = (const char *) p + 1 + GTIN_BYTES;
		if ((e = gs1_element(&st, AI_21, st.start, st.start, len - 1 - GTIN_BYTES, err)) != VBP_OK)
			return e;
	}
	else
		return vbp_fail(err, VBP_ESYNTAX,
						"%d packed bytes of form %d are not a traceability code.",
						(int) len, len >= 1 ? p[0] : -1);
	memcpy(out->packed, p, len);
	out->len = (uint8_t) len;
	return VBP_OK;
}
