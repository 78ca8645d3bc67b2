/*
 * test_codes.c
 *		drugcode, tracecode, orgcode and uscc codecs: the valid examples of
 *		doc/domain.md §3, rejections, round trips and order = text order.
 */
#include "unit.h"

#include <stdlib.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rng(void)
{
	return unit_rng(&rng_state);
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

/* ---------------- drugcode ---------------- */

static vbp_errkind
drug(const char *s, vbp_drugcode *c)
{
	vbp_error	err;

	return vbp_drugcode_parse(s, strlen(s), c, &err);
}

TEST(drugcode_examples)
{
	vbp_drugcode c,
				g;
	char		buf[32];

	CHECK(drug("XA01ABD075A002010100483", &c) == VBP_OK);
	vbp_drugcode_format(&c, buf);
	CHECK_STR(buf, "XA01ABD075A002010100483");
	CHECK(!vbp_drugcode_is_generic_level(&c));
	vbp_drugcode_segment(&c, VBP_SEG_CATEGORY, buf);
	CHECK_STR(buf, "X");
	vbp_drugcode_segment(&c, VBP_SEG_CLASS, buf);
	CHECK_STR(buf, "A01AB");
	vbp_drugcode_segment(&c, VBP_SEG_GENERIC, buf);
	CHECK_STR(buf, "D075");
	vbp_drugcode_segment(&c, VBP_SEG_FORM, buf);
	CHECK_STR(buf, "A002");
	vbp_drugcode_segment(&c, VBP_SEG_SPEC, buf);
	CHECK_STR(buf, "0101");
	vbp_drugcode_segment(&c, VBP_SEG_COMPANY, buf);
	CHECK_STR(buf, "00483");
	vbp_drugcode_generic_group(&c, &g);
	vbp_drugcode_format(&g, buf);
	CHECK_STR(buf, "XA01ABD075A002");
	CHECK(vbp_drugcode_is_generic_level(&g));

	/* lower case and surrounding blanks are normalised */
	CHECK(drug("  xa01abd075a002010100483 ", &g) == VBP_OK);
	CHECK(vbp_drugcode_cmp(&c, &g) == 0);

	/* generic-level forms from catalogues */
	CHECK(drug("XB06ACL388B0", &c) == VBP_OK);
	CHECK(vbp_drugcode_is_generic_level(&c));
	CHECK(vbp_drugcode_segment(&c, VBP_SEG_FORM, buf) == 2);
	CHECK_STR(buf, "B0");
	CHECK(vbp_drugcode_segment(&c, VBP_SEG_COMPANY, buf) == 0);
	CHECK(drug("ZG02AAG0401", &c) == VBP_OK);
	vbp_drugcode_segment(&c, VBP_SEG_GENERIC, buf);
	CHECK_STR(buf, "G0401");
	CHECK(vbp_drugcode_segment(&c, VBP_SEG_FORM, buf) == 0);

	/* a full Z code: group key is the first 11 characters */
	CHECK(drug("ZA01AAA0012010100001", &c) == VBP_OK);
	vbp_drugcode_generic_group(&c, &g);
	vbp_drugcode_format(&g, buf);
	CHECK_STR(buf, "ZA01AAA0012");
	vbp_drugcode_segment(&c, VBP_SEG_SPEC, buf);
	CHECK_STR(buf, "0101");
	vbp_drugcode_segment(&c, VBP_SEG_COMPANY, buf);
	CHECK_STR(buf, "00001");
}

TEST(drugcode_rejects)
{
	vbp_drugcode c;

	CHECK(drug("", &c) == VBP_ESYNTAX);
	CHECK(drug("YA01ABD075A002010100483", &c) == VBP_ESYNTAX);	/* category */
	CHECK(drug("XA01ABD075A00201010048", &c) == VBP_ESYNTAX);	/* 22 chars */
	CHECK(drug("XA01ABD075A0020101004831", &c) == VBP_ESYNTAX);	/* 24 chars */
	CHECK(drug("XA01ABD07", &c) == VBP_ESYNTAX);	/* 9 chars */
	CHECK(drug("XA01ABD075A0020", &c) == VBP_ESYNTAX);	/* 15 chars */
	CHECK(drug("ZG02AAG040", &c) == VBP_ESYNTAX);	/* Z of 10 */
	CHECK(drug("XA01ABD075A00201010048-", &c) == VBP_ESYNTAX);	/* alphabet */
	CHECK(drug("XA01ABD075A00201010048\xe4", &c) == VBP_ESYNTAX);
	CHECK(drug("X101ABD075A002010100483", &c) == VBP_ESYNTAX);	/* class */
	CHECK(drug("XAA1ABD075A002010100483", &c) == VBP_ESYNTAX);
	CHECK(drug("XA01A1D075A002010100483", &c) == VBP_ESYNTAX);
}

/* random valid full or generic-level code */
static size_t
random_drugcode(char *t)
{
	static const int lens_x[] = {10, 11, 12, 13, 14, 23};
	const char *al = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	bool		x = rng() % 2;
	size_t		n = x ? (size_t) lens_x[rng() % 6] : (rng() % 2 ? 20 : 11);
	size_t		i;

	t[0] = x ? 'X' : 'Z';
	t[1] = (char) ('A' + rng() % 26);
	t[2] = (char) ('0' + rng() % 10);
	t[3] = (char) ('0' + rng() % 10);
	t[4] = (char) ('A' + rng() % 26);
	t[5] = (char) ('A' + rng() % 26);
	for (i = 6; i < n; i++)
		t[i] = al[rng() % 36];
	t[n] = '\0';
	return n;
}

TEST(drugcode_round_trip_and_order)
{
	int			i;

	for (i = 0; i < 20000; i++)
	{
		char		a[32],
					b[32],
					out[32];
		vbp_drugcode ca,
					cb;

		random_drugcode(a);
		random_drugcode(b);
		if (i % 7 == 0 && a[0] == b[0])	/* shared prefixes: padding */
			memcpy(b, a, strlen(a) < strlen(b) ? strlen(a) : strlen(b));
		CHECK(drug(a, &ca) == VBP_OK);
		CHECK(drug(b, &cb) == VBP_OK);
		vbp_drugcode_format(&ca, out);
		CHECK_STR(out, a);
		CHECK(sign(vbp_drugcode_cmp(&ca, &cb)) == sign(strcmp(a, b)));
	}
}

/* ---------------- tracecode ---------------- */

TEST(tracecode_examples)
{
	vbp_tracecode c,
				d;
	vbp_error	err;
	char		buf[32];
	const char *s = "81234567890123456789";

	CHECK(vbp_tracecode_parse(s, strlen(s), &c, &err) == VBP_OK);
	CHECK(c.product == 8123456);
	CHECK(vbp_tracecode_serial(&c) == 7890123456789ULL);
	vbp_tracecode_format(&c, buf);
	CHECK_STR(buf, s);
	/* printed 7+13 forms */
	CHECK(vbp_tracecode_parse("8123456 7890123456789", 21, &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	CHECK(vbp_tracecode_parse("8123456-7890123456789", 21, &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	/* leading zeros survive */
	CHECK(vbp_tracecode_parse("00000000000000000001", 20, &d, &err) == VBP_OK);
	vbp_tracecode_format(&d, buf);
	CHECK_STR(buf, "00000000000000000001");
	CHECK(vbp_tracecode_parse("99999999999999999999", 20, &d, &err) == VBP_OK);
	vbp_tracecode_format(&d, buf);
	CHECK_STR(buf, "99999999999999999999");
}

TEST(tracecode_rejects)
{
	vbp_tracecode c;
	vbp_error	err;

	CHECK(vbp_tracecode_parse("", 0, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_parse("8123456789012345678", 19, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_parse("812345678901234567890", 21, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_parse("8123456789012345678A", 20, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_parse("81234567 890123456789", 21, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_parse("8123456  7890123456789", 22, &c, &err) == VBP_ESYNTAX);
}

TEST(tracecode_round_trip_and_order)
{
	int			i,
				j;

	for (i = 0; i < 20000; i++)
	{
		char		a[21],
					b[21],
					out[32];
		vbp_tracecode ca,
					cb;

		for (j = 0; j < 20; j++)
		{
			a[j] = (char) ('0' + rng() % 10);
			b[j] = (i % 5 == 0 && j < 15) ? a[j] : (char) ('0' + rng() % 10);
		}
		a[20] = b[20] = '\0';
		CHECK(vbp_tracecode_parse(a, 20, &ca, NULL) == VBP_OK);
		CHECK(vbp_tracecode_parse(b, 20, &cb, NULL) == VBP_OK);
		vbp_tracecode_format(&ca, out);
		CHECK_STR(out, a);
		CHECK(sign(vbp_tracecode_cmp(&ca, &cb)) == sign(strcmp(a, b)));
	}
}

/* ---------------- orgcode ---------------- */

TEST(orgcode_examples)
{
	int64_t		v;
	vbp_error	err;
	char		buf[16];

	CHECK(vbp_orgcode_parse("H44010300351", 12, &v, &err) == VBP_OK);
	CHECK(vbp_orgcode_kind(v) == 'H');
	CHECK(vbp_orgcode_division(v) == 440103);
	/* GB/T 2260 levels: province 44, city 4401, county 440103 */
	CHECK(vbp_orgcode_division_text(v, VBP_DIVISION_PROVINCE, buf) == 2);
	CHECK_STR(buf, "44");
	CHECK(vbp_orgcode_division_text(v, VBP_DIVISION_CITY, buf) == 4);
	CHECK_STR(buf, "4401");
	CHECK(vbp_orgcode_division_text(v, VBP_DIVISION_COUNTY, buf) == 6);
	CHECK_STR(buf, "440103");
	vbp_orgcode_format(v, buf);
	CHECK_STR(buf, "H44010300351");
	CHECK(vbp_orgcode_check(v, &err) == VBP_OK);
	CHECK(vbp_orgcode_parse("p11010500001", 12, &v, &err) == VBP_OK);
	CHECK(vbp_orgcode_kind(v) == 'P');
	vbp_orgcode_format(v, buf);
	CHECK_STR(buf, "P11010500001");
	/* H sorts before P */
	{
		int64_t		h,
					p;

		vbp_orgcode_parse("H65999999999", 12, &h, NULL);
		vbp_orgcode_parse("P11000000000", 12, &p, NULL);
		CHECK(h < p);
	}
}

TEST(orgcode_rejects)
{
	int64_t		v;
	vbp_error	err;

	CHECK(vbp_orgcode_parse("", 0, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_parse("X44010300351", 12, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_parse("H4401030035", 11, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_parse("H440103003511", 13, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_parse("H4401030035A", 12, &v, &err) == VBP_ESYNTAX);
	/* 99 and 71 (Taiwan, not in NHSA's scope) are not mainland provinces */
	CHECK(vbp_orgcode_parse("H99010300351", 12, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_parse("H71010300351", 12, &v, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_check(-1, &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_check(INT64_C(200000000000), &err) == VBP_ESYNTAX);
	CHECK(vbp_orgcode_check(INT64_C(9900000001), &err) == VBP_ESYNTAX);
}

/* ---------------- uscc ---------------- */

static const char *const uscc_examples[] = {
	"91350100M000100Y43", "91110108551385082Q", "91440300708461136T", NULL
};

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

TEST(uscc_examples_case)
{
	int			i;

	for (i = 0; uscc_examples[i] != NULL; i++)
	{
		vbp_uscc	c;
		vbp_error	err;
		char		buf[32],
					q[32],
					check;

		CHECK(vbp_uscc_parse(uscc_examples[i], 18, &c, &err) == VBP_OK);
		vbp_uscc_format(&c, buf);
		CHECK_STR(buf, uscc_examples[i]);
		CHECK(vbp_uscc_check_char(uscc_examples[i], 17, &check, &err) == VBP_OK);
		CHECK(check == uscc_examples[i][17]);
		/* 17 characters and '?' compute the check */
		memcpy(q, uscc_examples[i], 17);
		q[17] = '?';
		q[18] = '\0';
		CHECK(vbp_uscc_parse(q, 18, &c, &err) == VBP_OK);
		vbp_uscc_format(&c, buf);
		CHECK_STR(buf, uscc_examples[i]);
	}
}

/*
 * Every single-character substitution of a valid example is rejected: any
 * other alphabet symbol changes the weighted sum by d*W_i with 0 < |d| < 31
 * and W_i invertible mod 31, so the check fails; anything else fails the
 * alphabet or structure rules.
 */
TEST(uscc_substitutions_rejected)
{
	int			i,
				pos,
				ch;
	long		tried = 0;

	for (i = 0; uscc_examples[i] != NULL; i++)
		for (pos = 0; pos < 18; pos++)
			for (ch = 1; ch < 256; ch++)
			{
				char		s[19];
				vbp_uscc	c;
				vbp_error	err;

				memcpy(s, uscc_examples[i], 19);
				if ((char) ch == s[pos])
					continue;
				/* the same symbol in lower case is not a substitution */
				if (ch >= 'a' && ch <= 'z' && ch - 'a' + 'A' == s[pos])
					continue;
				/* '?' in the check position asks for the check to be computed */
				if (pos == 17 && ch == '?')
					continue;
				/* blanks at the ends are trimmed, leaving 17 characters */
				if ((pos == 0 || pos == 17) && (ch == ' ' || (ch >= '\t' && ch <= '\r')))
				{
					s[pos] = (char) ch;
					CHECK(vbp_uscc_parse(s, 18, &c, &err) == VBP_ESYNTAX);
					continue;
				}
				s[pos] = (char) ch;
				tried++;
				if (vbp_uscc_parse(s, 18, &c, &err) != VBP_ESYNTAX)
				{
					(*failures)++;
					fprintf(stderr, "    accepted substitution %s\n", s);
				}
			}
	CHECK(tried > 3 * 18 * 200);
	(void) uscc_alphabet;
}

TEST(uscc_rejects)
{
	vbp_uscc	c;
	vbp_error	err;

	CHECK(vbp_uscc_parse("", 0, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_uscc_parse("91350100M000100Y4", 17, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_uscc_parse("91350100M000100Y433", 19, &c, &err) == VBP_ESYNTAX);
	CHECK(vbp_uscc_parse("91350100M000100I43", 18, &c, &err) == VBP_ESYNTAX);	/* I */
	CHECK(vbp_uscc_parse("B1350100M000100Y43", 18, &c, &err) == VBP_ESYNTAX);	/* authority */
	CHECK(vbp_uscc_parse("9A350100M000100Y43", 18, &c, &err) == VBP_ESYNTAX);	/* type */
	CHECK(vbp_uscc_parse("913501A0M000100Y43", 18, &c, &err) == VBP_ESYNTAX);	/* division */
	CHECK(vbp_uscc_parse("91350100M000100Y44", 18, &c, &err) == VBP_ESYNTAX);	/* check */
	CHECK(strstr(err.detail, "should be \"3\"") != NULL);
}

TEST(uscc_round_trip_and_order)
{
	int			i,
				j;

	for (i = 0; i < 20000; i++)
	{
		char		a[19],
					b[19],
					out[32];
		vbp_uscc	ca,
					cb;

		for (j = 0; j < 17; j++)
		{
			a[j] = uscc_alphabet[rng() % 31];
			b[j] = (i % 3 == 0 && j < 12) ? a[j] : uscc_alphabet[rng() % 31];
		}
		a[0] = b[0] = '9';
		a[1] = '1';
		b[1] = '2';
		if (i % 2)
			b[1] = '1';
		for (j = 2; j < 8; j++)
		{
			a[j] = (char) ('0' + rng() % 10);
			b[j] = (i % 3 == 0) ? a[j] : (char) ('0' + rng() % 10);
		}
		vbp_uscc_check_char(a, 17, &a[17], NULL);
		vbp_uscc_check_char(b, 17, &b[17], NULL);
		a[18] = b[18] = '\0';
		CHECK(vbp_uscc_parse(a, 18, &ca, NULL) == VBP_OK);
		CHECK(vbp_uscc_parse(b, 18, &cb, NULL) == VBP_OK);
		vbp_uscc_format(&ca, out);
		CHECK_STR(out, a);
		CHECK(sign(vbp_uscc_cmp(&ca, &cb)) == sign(strcmp(a, b)));
	}
}

const unit_case drugcode_cases[] = {
	{"drugcode_examples", drugcode_examples},
	{"drugcode_rejects", drugcode_rejects},
	{"drugcode_round_trip_and_order", drugcode_round_trip_and_order},
	{NULL, NULL}
};

const unit_case tracecode_cases[] = {
	{"tracecode_examples", tracecode_examples},
	{"tracecode_rejects", tracecode_rejects},
	{"tracecode_round_trip_and_order", tracecode_round_trip_and_order},
	{NULL, NULL}
};

const unit_case orgcode_cases[] = {
	{"orgcode_examples", orgcode_examples},
	{"orgcode_rejects", orgcode_rejects},
	{NULL, NULL}
};

const unit_case uscc_cases[] = {
	{"uscc_examples", uscc_examples_case},
	{"uscc_substitutions_rejected", uscc_substitutions_rejected},
	{"uscc_rejects", uscc_rejects},
	{"uscc_round_trip_and_order", uscc_round_trip_and_order},
	{NULL, NULL}
};
