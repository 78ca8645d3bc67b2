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

/*
 * The GTINs used below, with their GS1 mod-10 check digits (weights 3, 1, 3,
 * ... from the right of the first 13 digits; check = (10 - sum mod 10) mod 10):
 *   0690123456789|2: 0·3 6·1 9·3 0·1 1·3 2·1 3·3 4·1 5·3 6·1 7·3 8·1 9·3
 *                    = 0+6+27+0+3+2+9+4+15+6+21+8+27 = 128 -> 2
 *   0401234567890|1: 0+4+0+1+6+3+12+5+18+7+24+9+0 = 89 -> 1
 *   9999999999999|7: seven 9·3 + six 9·1 = 189 + 54 = 243 -> 7
 *   0000000000000|0: 0 -> 0
 */
#define GTIN_A "06901234567892"
#define GTIN_B "04012345678901"
#define GS_STR "\x1d"

static vbp_errkind
trace(const char *s, vbp_tracecode *c, vbp_error *err)
{
	return vbp_tracecode_parse(s, strlen(s), c, err);
}

/* The canonical text of s, or "ERROR: <detail>". */
static const char *
trace_text(const char *s)
{
	static char out[VBP_TRACECODE_BUFLEN + VBP_DETAIL_LEN];
	vbp_tracecode c;
	vbp_error	err;

	if (trace(s, &c, &err) != VBP_OK)
		snprintf(out, sizeof(out), "ERROR: %s", err.detail);
	else
		vbp_tracecode_format(&c, out);
	return out;
}

/* s is refused as malformed with a detail containing want. */
static bool
trace_refused(const char *s, const char *want)
{
	vbp_tracecode c;
	vbp_error	err;

	if (trace(s, &c, &err) != VBP_ESYNTAX || strstr(err.detail, want) == NULL)
	{
		fprintf(stderr, "    input \"%s\": %s\n", s, trace_text(s));
		return false;
	}
	return true;
}

TEST(tracecode_examples)
{
	vbp_tracecode c,
				d;
	vbp_error	err;
	char		buf[VBP_TRACECODE_BUFLEN];
	const char *s = "81234567890123456789";

	CHECK(trace(s, &c, &err) == VBP_OK);
	CHECK(vbp_tracecode_form_of(&c) == VBP_TRACECODE_NMPA20);
	CHECK_STR(vbp_tracecode_form_name(&c), "nmpa20");
	CHECK(vbp_tracecode_product(&c, buf) == 7);
	CHECK_STR(buf, "8123456");
	CHECK(vbp_tracecode_serial(&c, buf) == 13);
	CHECK_STR(buf, "7890123456789");
	CHECK(vbp_tracecode_format(&c, buf) == 20);
	CHECK_STR(buf, s);
	/* printed 7+13 forms, and blanks around */
	CHECK(trace("8123456 7890123456789", &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	CHECK(trace("8123456-7890123456789", &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	CHECK(trace(" \t81234567890123456789\n", &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	/* leading zeros survive */
	CHECK_STR(trace_text("00000000000000000001"), "00000000000000000001");
	CHECK_STR(trace_text("99999999999999999999"), "99999999999999999999");
	/* 20 digits are always this form, even when they would read as GS1: 01 + 14 + 21 + 2 */
	CHECK_STR(trace_text("01" GTIN_A "2112"), "01" GTIN_A "2112");
	/* 21 digits are not: 01 + 14 + 21 + a 3-digit serial is raw GS1 content */
	CHECK_STR(trace_text("01" GTIN_A "21123"), "(01)" GTIN_A "(21)123");
}

TEST(tracecode_rejects)
{
	CHECK(trace_refused("", "is empty"));
	CHECK(trace_refused("  ", "is empty"));
	CHECK(trace_refused("8123456789012345678", "has 20 digits; this one has 19"));
	CHECK(trace_refused("812345678901234567890", "has 20 digits; this one has more"));
	CHECK(trace_refused("8123456789012345678A", "Character 20 (\"A\") is not a digit"));
	CHECK(trace_refused("81234567 890123456789", "Character 9 (\" \") is not a digit"));
	CHECK(trace_refused("8123456  7890123456789", "Character 9 (\" \") is not a digit"));
	/* GS1 content read from a digit string needs its 01 first; otherwise it is a 20-digit code */
	CHECK(trace_refused("17270630" "01" GTIN_A "21SN1", "has 20 digits; this one has more"));
}

TEST(tracecode_gs1_forms)
{
	/* every way of typing one package gives one canonical value */
	static const char *const same[] = {
		"(01)" GTIN_A "(21)SN0001",
		"(01)" GTIN_A "(17)270630(10)B123(21)SN0001",
		"(21)SN0001(10)B123(17)270630(01)" GTIN_A,
		"(17)270630(21)SN0001(11)250100(01)" GTIN_A "(240)ADD-1(710)PZN123",
		"(01)" GTIN_A " (17)270630  (10)B123 (21)SN0001",
		"  (01)" GTIN_A "(21)SN0001\t",
		/* raw: GS after a variable-length value */
		"01" GTIN_A "17270630" "10B123" GS_STR "21SN0001",
		"01" GTIN_A "21SN0001" GS_STR "10B123",
		"]d2" "01" GTIN_A "17270630" "10B123" GS_STR "21SN0001",
		"]d2" GS_STR "01" GTIN_A "21SN0001",
		GS_STR "01" GTIN_A "21SN0001",
		"]d2" "10B123" GS_STR "01" GTIN_A "21SN0001" GS_STR,
		"]d2" "01" GTIN_A GS_STR "17270630" GS_STR "21SN0001",
		"]d2" "713ANVISA" GS_STR "01" GTIN_A "21SN0001",
		/* raw without separators: longer than 20 characters and 01 first */
		"01" GTIN_A "21SN0001",
		"01" GTIN_A "17270630" "21SN0001",
	};
	vbp_tracecode first,
				c;
	vbp_error	err;
	char		buf[VBP_TRACECODE_BUFLEN];
	size_t		i;

	CHECK(trace(same[0], &first, &err) == VBP_OK);
	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
	{
		CHECK_STR(trace_text(same[i]), "(01)" GTIN_A "(21)SN0001");
		if (trace(same[i], &c, &err) == VBP_OK)
		{
			CHECK(vbp_tracecode_cmp(&first, &c) == 0);
			CHECK(c.len == first.len && memcmp(c.packed, first.packed, c.len) == 0);
		}
	}
	CHECK_STR(vbp_tracecode_form_name(&first), "gs1");
	CHECK(vbp_tracecode_product(&first, buf) == 14);
	CHECK_STR(buf, GTIN_A);
	CHECK(vbp_tracecode_serial(&first, buf) == 6);
	CHECK_STR(buf, "SN0001");
	/* other GTINs of the header comment; a digit serial; set 82 marks; "(" not opening an AI */
	CHECK_STR(trace_text("(01)" GTIN_B "(21)1"), "(01)" GTIN_B "(21)1");
	CHECK_STR(trace_text("(01)99999999999997(21)x"), "(01)99999999999997(21)x");
	CHECK_STR(trace_text("(01)00000000000000(21)0"), "(01)00000000000000(21)0");
	CHECK_STR(trace_text("01" GTIN_A "21123456789"), "(01)" GTIN_A "(21)123456789");
	CHECK_STR(trace_text("(01)" GTIN_A "(21)!\"%&'()*+,-./:;<=>?_"),
			  "(01)" GTIN_A "(21)!\"%&'()*+,-./:;<=>?_");
	CHECK_STR(trace_text("(01)" GTIN_A "(21)A(B(1)(12"), "(01)" GTIN_A "(21)A(B(1)(12");
	/* day 00 is allowed, and the longest values: serial 20, batch 20, (240) 30, NHRN 20 */
	CHECK_STR(trace_text("(01)" GTIN_A "(17)271200(21)S"), "(01)" GTIN_A "(21)S");
	CHECK_STR(trace_text("(01)" GTIN_A "(21)ABCDEFGHIJ0123456789(10)ABCDEFGHIJ0123456789"),
			  "(01)" GTIN_A "(21)ABCDEFGHIJ0123456789");
	CHECK_STR(trace_text("(01)" GTIN_A "(21)S(240)ABCDEFGHIJ0123456789abcdefghij(715)ABCDEFGHIJ0123456789"),
			  "(01)" GTIN_A "(21)S");
	/* the longest accepted input: 100 characters, (01) 18 + (21) 4 + 20 + (10) 4 + 19 + (240) 5 + 30 */
	CHECK_STR(trace_text("(01)" GTIN_A "(21)ABCDEFGHIJ0123456789" "(10)ABCDEFGHIJ012345678"
						 "(240)ABCDEFGHIJ0123456789abcdefghij"),
			  "(01)" GTIN_A "(21)ABCDEFGHIJ0123456789");
}

TEST(tracecode_gs1_rejects)
{
	/*
	 * Positions count characters of the trimmed input: "(01)" + 14 digits fill
	 * 1-18, so the next identifier's "(" is 19 and its digits start at 20;
	 * "]d2" "01" + 14 digits fill 1-19, so "21A" is 20-22 and a separator 23.
	 */
	/* the check digit of 0690123456789 is 2 (header comment) */
	CHECK(trace_refused("(01)06901234567893(21)A", "The GTIN (01) 06901234567893 ends in 3, but its GS1 check digit is 2."));
	CHECK(trace_refused("01069012345678932112345", "its GS1 check digit is 2"));
	CHECK(trace_refused("(01)0690123456789(21)A", "The GTIN (01) at character 2 has 13 characters; it must have 14 digits."));
	CHECK(trace_refused("(01)069012345678920(21)A", "has 15 characters"));
	CHECK(trace_refused("(01)0690123456789X(21)A", "Character 18 (\"X\") in the GTIN (01) is not a digit."));
	CHECK(trace_refused("]d2" "0106901234", "The GTIN (01) at character 4 has 8 characters"));
	/* unknown, duplicated and missing identifiers */
	CHECK(trace_refused("(01)" GTIN_A "(99)X(21)A", "Application identifier (99) at character 20 is not one a traceability code carries"));
	CHECK(trace_refused("(01)" GTIN_A "(7003)2701011200(21)A", "Application identifier (7003)"));
	CHECK(trace_refused("]d2" "01" GTIN_A "716X" GS_STR "21A", "Application identifier (716) at character 20"));
	CHECK(trace_refused("]d2" "01" GTIN_A "24X" GS_STR "21A", "Application identifier (24) at character 20"));
	CHECK(trace_refused("(01)" GTIN_A "(21)A(21)B", "Application identifier (21) appears twice, at characters 20 and 25."));
	CHECK(trace_refused("(01)" GTIN_A "(01)" GTIN_A "(21)A", "(01) appears twice"));
	CHECK(trace_refused("(01)" GTIN_A, "The GS1 code has no serial (21)"));
	CHECK(trace_refused("(21)SN0001(17)270630", "The GS1 code has no GTIN (01)"));
	CHECK(trace_refused("]d2" "21SN0001", "The GS1 code has no GTIN (01)"));
	/* lengths of variable values */
	CHECK(trace_refused("(01)" GTIN_A "(21)", "The serial (21) at character 20 is empty; it has 1 to 20 characters."));
	CHECK(trace_refused("(01)" GTIN_A "(21)ABCDEFGHIJ01234567890", "The serial (21) at character 20 has 21 characters; at most 20 are allowed."));
	CHECK(trace_refused("(01)" GTIN_A "(10)ABCDEFGHIJ01234567890(21)A", "The batch (10) at character 20 has 21 characters"));
	CHECK(trace_refused("(01)" GTIN_A "(240)ABCDEFGHIJ0123456789abcdefghijk(21)A", "has 31 characters; at most 30"));
	CHECK(trace_refused("(01)" GTIN_A "(710)ABCDEFGHIJ01234567890(21)A", "The national healthcare reimbursement number (710) at character 20 has 21"));
	CHECK(trace_refused("]d2" "01" GTIN_A "21A" GS_STR GS_STR "10B", "Character 24 is a group separator where an application identifier should start."));
	/* a separator belongs to the raw form only: in the printed form it is named as such */
	CHECK(trace_refused("(01)" GTIN_A GS_STR "(21)SN0001",
						"Character 19 is a group separator (GS, \\x1d), which belongs only to the raw form a scanner sends"));
	CHECK(trace_refused("(01)" GTIN_A "(10)B1" GS_STR "(21)SN0001", "Character 25 is a group separator (GS, \\x1d)"));
	/* characters outside set 82 */
	CHECK(trace_refused("(01)" GTIN_A "(21)A B", "Character 24 (\" \") in the serial (21) is not in GS1 character set 82"));
	CHECK(trace_refused("(01)" GTIN_A "(21)A#B", "Character 24 (\"#\") in the serial (21)"));
	CHECK(trace_refused("(01)" GTIN_A "(21)\xe5\x8f\xb7", "Character 23 (a non-ASCII character) in the serial (21)"));
	CHECK(trace_refused("(01)" GTIN_A "(10)B\x07" "1(21)A", "Character 24 (a control character) in the batch (10)"));
	/* a group separator there is named as the raw form's separator (above), not as any control character */
	CHECK(trace_refused("(01)" GTIN_A "(10)B\x1d" "1(21)A", "Character 24 is a group separator (GS, \\x1d)"));
	/* a serial that would print with an application identifier inside */
	CHECK(trace_refused("01" GTIN_A "21AB(10)X", "The serial (21) contains \"(10)\""));
	/* dates: month 01-12, day 00-31 */
	CHECK(trace_refused("(01)" GTIN_A "(17)271301(21)A", "The expiry date (17) 271301 has month 13; a date is YYMMDD with month 01 to 12."));
	CHECK(trace_refused("(01)" GTIN_A "(11)270001(21)A", "The production date (11) 270001 has month 00"));
	CHECK(trace_refused("(01)" GTIN_A "(17)270632(21)A", "The expiry date (17) 270632 has day 32; that month has 30 days (day 00 stands for the month)."));
	/* the day within its month: 31 April, 29 February of 2025 are no dates; 29 February 2024 is */
	CHECK(trace_refused("(01)" GTIN_A "(17)270431(21)A", "has day 31; that month has 30 days"));
	CHECK(trace_refused("(01)" GTIN_A "(17)250229(21)A", "has day 29; that month has 28 days"));
	CHECK_STR(trace_text("(01)" GTIN_A "(17)240229(21)A"), "(01)" GTIN_A "(21)A");
	CHECK_STR(trace_text("(01)" GTIN_A "(17)270200(21)A"), "(01)" GTIN_A "(21)A");
	CHECK(trace_refused("(01)" GTIN_A "(17)27063(21)A", "The expiry date (17) at character 20 has 5 characters; it must have 6 digits."));
	CHECK(trace_refused("(01)" GTIN_A "(17)2706AB(21)A", "Character 27 (\"A\") in the expiry date (17) is not a digit."));
	/* printed and raw syntax */
	CHECK(trace_refused("(1)" GTIN_A "(21)A", "Character 1 (\"(\") does not open an application identifier"));
	CHECK(trace_refused("(01)" GTIN_A "(21)A (10)", "The batch (10) at character 26 is empty"));
	CHECK(trace_refused("]C1" "01" GTIN_A "21A", "only ]d2 (GS1 DataMatrix) is accepted"));
	CHECK(trace_refused("]d2", "The GS1 code has no element after its prefix."));
	CHECK(trace_refused("]d2" GS_STR, "The GS1 code has no element after its prefix."));
	CHECK(trace_refused("]d2" "01" GTIN_A "21A" GS_STR "1", "The GS1 code ends inside an application identifier."));
	CHECK(trace_refused("]d2" "01" GTIN_A "21A" GS_STR "X1", "Character 24 (\"X\") is not a digit; a GS1 element starts with its application identifier."));
	/* at most 100 characters: the 100-character input of tracecode_gs1_forms with one more */
	CHECK(trace_refused("(01)" GTIN_A "(21)ABCDEFGHIJ0123456789" "(10)ABCDEFGHIJ012345678"
						"(240)ABCDEFGHIJ0123456789abcdefghij" "X",
						"A traceability code has at most 100 characters; this one has 101."));
}

TEST(tracecode_packed)
{
	vbp_tracecode c,
				d;
	vbp_error	err;
	size_t		n;
	const unsigned char *p;
	unsigned char bad[VBP_TRACECODE_PACKED_MAX];

	/* 8123456 = 0x7BF440, 7890123456789 = 0x072D10018115: form 2, 3 + 6 bytes big-endian */
	static const unsigned char nmpa[] = {2, 0x7B, 0xF4, 0x40, 0x07, 0x2D, 0x10, 0x01, 0x81, 0x15};

	/* 6901234567892 = 0x0646D1A28AD4: form 1, 6 bytes big-endian, then "SN0001" */
	static const unsigned char gs1[] = {1, 0x06, 0x46, 0xD1, 0xA2, 0x8A, 0xD4, 'S', 'N', '0', '0', '0', '1'};

	CHECK(trace("81234567890123456789", &c, &err) == VBP_OK);
	p = vbp_tracecode_packed(&c, &n);
	CHECK(n == sizeof(nmpa) && memcmp(p, nmpa, n) == 0);
	CHECK(vbp_tracecode_unpack(nmpa, sizeof(nmpa), &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	CHECK(trace("(01)" GTIN_A "(21)SN0001", &c, &err) == VBP_OK);
	p = vbp_tracecode_packed(&c, &n);
	CHECK(n == sizeof(gs1) && memcmp(p, gs1, n) == 0);
	CHECK(vbp_tracecode_unpack(gs1, sizeof(gs1), &d, &err) == VBP_OK);
	CHECK(vbp_tracecode_cmp(&c, &d) == 0);
	/* the longest packed value: 1 + 6 + 20 */
	CHECK(trace("(01)" GTIN_A "(21)ABCDEFGHIJ0123456789", &c, &err) == VBP_OK);
	CHECK(c.len == VBP_TRACECODE_PACKED_MAX);

	/* unpacking checks what it reads */
	CHECK(vbp_tracecode_unpack(nmpa, 0, &d, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_unpack(nmpa, sizeof(nmpa) - 1, &d, &err) == VBP_ESYNTAX);
	CHECK(vbp_tracecode_unpack(gs1, 7, &d, &err) == VBP_ESYNTAX);	/* no serial */
	memcpy(bad, nmpa, sizeof(nmpa));
	bad[0] = 3;
	CHECK(vbp_tracecode_unpack(bad, sizeof(nmpa), &d, &err) == VBP_ESYNTAX);
	bad[0] = 2;
	bad[1] = 0x98;				/* product 0x989680 = 10^7, one past 7 digits */
	bad[2] = 0x96;
	bad[3] = 0x80;
	CHECK(vbp_tracecode_unpack(bad, sizeof(nmpa), &d, &err) == VBP_ESYNTAX);
	memcpy(bad, gs1, sizeof(gs1));
	bad[6] = 0xD5;				/* GTIN 06901234567893: check digit 3, not 2 */
	CHECK(vbp_tracecode_unpack(bad, sizeof(gs1), &d, &err) == VBP_ESYNTAX);
	memcpy(bad, gs1, sizeof(gs1));
	bad[7] = ' ';				/* a serial character outside set 82 */
	CHECK(vbp_tracecode_unpack(bad, sizeof(gs1), &d, &err) == VBP_ESYNTAX);
}

/* A random GS1 code: a GTIN with its check digit and a serial of set 82, in canonical text. */
static void
random_gs1(char *gtin, char *serial)
{
	static const char set82[] = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
	int			sum = 0,
				j,
				n = 1 + (int) (rng() % VBP_TRACECODE_GS1_SERIAL_MAX);

	for (j = 0; j < 13; j++)
	{
		gtin[j] = (char) ('0' + rng() % 10);
		sum += (gtin[j] - '0') * (j % 2 == 0 ? 3 : 1); /* 13 digits: the first has weight 3 */
	}
	gtin[13] = (char) ('0' + (10 - sum % 10) % 10);
	gtin[14] = '\0';
	/* no "(" in the serial: "(12)" would read as an identifier (refused, tested above) */
	for (j = 0; j < n; j++)
		serial[j] = set82[5 + rng() % (sizeof(set82) - 6)];
	serial[n] = '\0';
}

TEST(tracecode_round_trip_and_order)
{
	int			i,
				j;

	for (i = 0; i < 20000; i++)
	{
		char		a[VBP_TRACECODE_BUFLEN],
					b[VBP_TRACECODE_BUFLEN],
					out[VBP_TRACECODE_BUFLEN],
					typed[VBP_TRACECODE_INPUT_MAX + 1];
		char		gtin[15],
					serial[VBP_TRACECODE_GS1_SERIAL_MAX + 1];
		vbp_tracecode ca,
					cb,
					again;
		size_t		n;
		const unsigned char *p;

		/* a: 20 digits or GS1, b: the same or sharing a prefix with a, or anything */
		if (rng() % 2)
		{
			for (j = 0; j < 20; j++)
				a[j] = (char) ('0' + rng() % 10);
			a[20] = '\0';
		}
		else
		{
			random_gs1(gtin, serial);
			snprintf(a, sizeof(a), "(01)%s(21)%s", gtin, serial);
		}
		if (i % 5 == 0 && a[0] == '(')
		{
			random_gs1(gtin, serial);
			snprintf(b, sizeof(b), "%.18s(21)%s", a, serial);	/* same GTIN */
		}
		else if (i % 5 == 1 && a[0] != '(')
		{
			memcpy(b, a, 15);
			for (j = 15; j < 20; j++)
				b[j] = (char) ('0' + rng() % 10);
			b[20] = '\0';
		}
		else if (rng() % 2)
		{
			for (j = 0; j < 20; j++)
				b[j] = (char) ('0' + rng() % 10);
			b[20] = '\0';
		}
		else
		{
			random_gs1(gtin, serial);
			snprintf(b, sizeof(b), "(01)%s(21)%s", gtin, serial);
		}
		CHECK(vbp_tracecode_parse(a, strlen(a), &ca, NULL) == VBP_OK);
		CHECK(vbp_tracecode_parse(b, strlen(b), &cb, NULL) == VBP_OK);
		/* format -> parse and packed -> unpack are round trips */
		vbp_tracecode_format(&ca, out);
		CHECK_STR(out, a);
		CHECK(vbp_tracecode_parse(out, strlen(out), &again, NULL) == VBP_OK);
		CHECK(vbp_tracecode_cmp(&ca, &again) == 0);
		p = vbp_tracecode_packed(&ca, &n);
		CHECK(vbp_tracecode_unpack(p, n, &again, NULL) == VBP_OK);
		CHECK(vbp_tracecode_cmp(&ca, &again) == 0);
		/* order is strcmp of the canonical text, on values and on packed bytes */
		CHECK(sign(vbp_tracecode_cmp(&ca, &cb)) == sign(strcmp(a, b)));
		CHECK(sign(vbp_tracecode_cmp_packed(ca.packed, ca.len, cb.packed, cb.len)) == sign(strcmp(a, b)));
		/* a GS1 code typed raw, with ]d2 and separators, and with an expiry first */
		if (a[0] == '(')
		{
			snprintf(typed, sizeof(typed), "]d2" GS_STR "01%.14s21%s", a + 4, a + 22);
			CHECK_STR(trace_text(typed), a);
			snprintf(typed, sizeof(typed), "17991231" "21%s" GS_STR "01%.14s", a + 22, a + 4);
			CHECK_STR(trace_text(typed), a);
			snprintf(typed, sizeof(typed), "(21)%s(17)991231(01)%.14s", a + 22, a + 4);
			CHECK_STR(trace_text(typed), a);
		}
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
	/* a full-width check character (３, 3 bytes): 18 characters, the 18th not in the alphabet */
	CHECK(vbp_uscc_parse("91350100M000100Y4\xef\xbc\x93", 20, &c, &err) == VBP_ESYNTAX);
	CHECK(strstr(err.detail, "Character 18 (a non-ASCII character)") != NULL);
	CHECK(vbp_uscc_parse("91350100M000100Y4\xef\xbc\x93\xef\xbc\x93", 23, &c, &err) == VBP_ESYNTAX);
	CHECK(strstr(err.detail, "this one has 19") != NULL);
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
	{"tracecode_gs1_forms", tracecode_gs1_forms},
	{"tracecode_gs1_rejects", tracecode_gs1_rejects},
	{"tracecode_packed", tracecode_packed},
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
