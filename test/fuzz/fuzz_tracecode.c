/*
 * fuzz_tracecode.c: vbp_tracecode_parse on arbitrary bytes, both forms.
 * An accepted code formats to a canonical text of the right shape that parses
 * back to the same packed bytes, and its packed bytes unpack to it; a refusal
 * is VBP_ESYNTAX with a detail sentence.  An input holding a newline is two
 * codes: when both parse, their order (on values and on packed bytes) is
 * strcmp of their canonical texts, and they are equal exactly when the texts
 * are.  Each code is also ordered against a GS1 and a 20-digit reference.
 */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Parses [data, data+size) from an exactly sized copy; checks round trips. */
static bool
parse_checked(const uint8_t *data, size_t size, vbp_tracecode *c, char *text)
{
	char	   *s = fuzz_copy(data, size);
	vbp_tracecode again;
	vbp_error	err;
	const unsigned char *p;
	size_t		n,
				plen;
	bool		ok = vbp_tracecode_parse(s, size, c, &err) == VBP_OK;

	free(s);
	if (!ok)
	{
		n = strnlen(err.detail, VBP_DETAIL_LEN);
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX);
		FUZZ_ASSERT(n > 1 && n < VBP_DETAIL_LEN && err.detail[n - 1] == '.');
		return false;
	}
	n = vbp_tracecode_format(c, text);
	FUZZ_ASSERT(n == strlen(text) && n < VBP_TRACECODE_BUFLEN);
	if (vbp_tracecode_form_of(c) == VBP_TRACECODE_GS1)
	{
		char		serial[VBP_TRACECODE_BUFLEN];
		size_t		sn = vbp_tracecode_serial(c, serial);

		FUZZ_ASSERT(strncmp(text, "(01)", 4) == 0 && strncmp(text + 18, "(21)", 4) == 0);
		FUZZ_ASSERT(sn >= 1 && sn <= VBP_TRACECODE_GS1_SERIAL_MAX && strcmp(text + 22, serial) == 0);
		FUZZ_ASSERT(c->len == 1 + 6 + sn);
	}
	else
	{
		FUZZ_ASSERT(vbp_tracecode_form_of(c) == VBP_TRACECODE_NMPA20);
		FUZZ_ASSERT(n == VBP_TRACECODE_LEN && strspn(text, "0123456789") == n);
		FUZZ_ASSERT(c->len == 10);
	}
	/* canonical text -> the same packed bytes */
	FUZZ_ASSERT(vbp_tracecode_parse(text, n, &again, &err) == VBP_OK);
	FUZZ_ASSERT(again.len == c->len && memcmp(again.packed, c->packed, c->len) == 0);
	/* packed bytes -> the same value */
	p = vbp_tracecode_packed(c, &plen);
	FUZZ_ASSERT(vbp_tracecode_unpack(p, plen, &again, &err) == VBP_OK);
	FUZZ_ASSERT(vbp_tracecode_cmp(c, &again) == 0);
	return true;
}

static void
assert_order(const vbp_tracecode *a, const char *ta, const vbp_tracecode *b, const char *tb)
{
	int			want = sign(strcmp(ta, tb));

	FUZZ_ASSERT(sign(vbp_tracecode_cmp(a, b)) == want);
	FUZZ_ASSERT(sign(vbp_tracecode_cmp_packed(a->packed, a->len, b->packed, b->len)) == want);
	FUZZ_ASSERT((want == 0) == (a->len == b->len && memcmp(a->packed, b->packed, a->len) == 0));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const refs[] = {"(01)06901234567892(21)SN0001", "81234567890123456789"};
	const uint8_t *nl = memchr(data, '\n', size);
	vbp_tracecode a,
				b,
				r;
	char		ta[VBP_TRACECODE_BUFLEN],
				tb[VBP_TRACECODE_BUFLEN],
				tr[VBP_TRACECODE_BUFLEN];
	size_t		i;
	bool		has_a,
				has_b = false;

	if (nl == NULL)
		has_a = parse_checked(data, size, &a, ta);
	else
	{
		has_a = parse_checked(data, (size_t) (nl - data), &a, ta);
		has_b = parse_checked(nl + 1, size - (size_t) (nl - data) - 1, &b, tb);
	}
	if (has_a && has_b)
		assert_order(&a, ta, &b, tb);
	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
	{
		FUZZ_ASSERT(parse_checked((const uint8_t *) refs[i], strlen(refs[i]), &r, tr));
		if (has_a)
			assert_order(&a, ta, &r, tr);
		if (has_b)
			assert_order(&b, tb, &r, tr);
	}
	return 0;
}
