/*
 * uscc.c
 *		统一社会信用代码 (unified social credit code, GB 32100-2015).
 *
 * 18 characters: registering authority (1), organisation type (1), division
 * (6 digits), entity code (9), check (1).  Alphabet 0-9 A-H J-N P-R T U W-Y
 * with values 0-30; weights W_i = 3^i mod 31; check value
 * = 31 - (sum v_i W_i mod 31), where 31 becomes 0.
 */
#include "vbp_core.h"

#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

/* Registering authorities of GB 32100-2015 table 1. */
static const char authorities[] = "123456789ANY";

static int
symbol_value(char c)
{
	const char *p;

	if (c >= 'a' && c <= 'z')
		c = (char) (c - 'a' + 'A');
	if (c == '\0')
		return -1;
	p = strchr(alphabet, c);
	return p ? (int) (p - alphabet) : -1;
}

static vbp_errkind
bad_symbol(vbp_error *err, size_t pos, char c)
{
	char		desc[VBP_CHARDESC_LEN];

	return vbp_fail(err, VBP_ESYNTAX,
					"Character %d (%s) is not in the code alphabet (digits and upper-case letters other than I, O, S, V and Z).",
					(int) pos + 1, vbp_describe_char(c, desc));
}

vbp_errkind
vbp_uscc_check_char(const char *s, size_t len, char *check, vbp_error *err)
{
	int			sum = 0;
	int			i,
				c;

	len = vbp_trim(&s, len);
	if (len < 17)
		return vbp_fail(err, VBP_ESYNTAX,
						"The check character is computed from 17 characters; %d were given.", (int) len);
	for (i = 0; i < 17; i++)
	{
		int			v = symbol_value(s[i]);

		if (v < 0)
			return bad_symbol(err, i, s[i]);
		sum += v * weights[i];
	}
	c = 31 - sum % 31;
	*check = alphabet[c == 31 ? 0 : c];
	return VBP_OK;
}

/*
 * Parses 18 characters, or 17 followed by '?' (the check is then computed,
 * as contrib/isn does for its types).
 */
vbp_errkind
vbp_uscc_parse(const char *s, size_t len, vbp_uscc *out, vbp_error *err)
{
	vbp_uint128 v = 0;
	char		check;
	int			i;
	vbp_errkind e;

	len = vbp_trim(&s, len);
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The credit code is empty.");
	for (i = 0; i < (int) len && i < 17; i++)
		if (symbol_value(s[i]) < 0)
			return bad_symbol(err, i, s[i]);
	if (len != VBP_USCC_LEN)
	{
		/* characters, not bytes: a full-width letter is one character of three bytes */
		int			nchars = 0;
		size_t		k;

		for (k = 0; k < len; k++)
			if (((unsigned char) s[k] & 0xC0) != 0x80)
				nchars++;
		if (nchars == VBP_USCC_LEN)
			for (k = 0; k < len; k++)
				if ((unsigned char) s[k] >= 0x80)
					return bad_symbol(err, k, s[k]);
		return vbp_fail(err, VBP_ESYNTAX,
						"A unified social credit code has 18 characters; this one has %d.", nchars);
	}
	if (strchr(authorities, s[0] >= 'a' ? s[0] - 'a' + 'A' : s[0]) == NULL)
		return vbp_fail(err, VBP_ESYNTAX,
						"The registering authority \"%c\" is not one of 1-9, A, N or Y.", s[0]);	/* in the alphabet */
	if (!(s[1] >= '1' && s[1] <= '9'))
		return vbp_fail(err, VBP_ESYNTAX,
						"The organisation type \"%c\" is not a digit 1-9.", s[1]);	/* in the alphabet */
	for (i = 2; i < 8; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return vbp_fail(err, VBP_ESYNTAX,
							"The division code (characters 3 to 8) must be digits; character %d is \"%c\".",
							i + 1, s[i]);
	if ((e = vbp_uscc_check_char(s, 17, &check, err)) != VBP_OK)
		return e;
	if (s[17] != '?')
	{
		int			given = symbol_value(s[17]);

		if (given < 0)
			return bad_symbol(err, 17, s[17]);
		if (alphabet[given] != check)
			return vbp_fail(err, VBP_ESYNTAX,
							"The check character is \"%c\" but should be \"%c\".",
							alphabet[given], check);
	}
	for (i = 0; i < 17; i++)
		v = v * 31 + (vbp_uint128) symbol_value(s[i]);
	out->limb[0] = (uint32_t) (v >> 64);
	out->limb[1] = (uint32_t) (v >> 32);
	out->limb[2] = (uint32_t) v;
	return VBP_OK;
}

size_t
vbp_uscc_format(const vbp_uscc *c, char *buf)
{
	vbp_uint128 v = ((vbp_uint128) c->limb[0] << 64) |
		((vbp_uint128) c->limb[1] << 32) | c->limb[2];
	int			i;

	for (i = 16; i >= 0; i--)
	{
		buf[i] = alphabet[v % 31];
		v /= 31;
	}
	(void) vbp_uscc_check_char(buf, 17, &buf[17], NULL);
	buf[18] = '\0';
	return VBP_USCC_LEN;
}

int
vbp_uscc_cmp(const vbp_uscc *a, const vbp_uscc *b)
{
	int			i;

	for (i = 0; i < 3; i++)
		if (a->limb[i] != b->limb[i])
			return a->limb[i] < b->limb[i] ? -1 : 1;
	return 0;
}
