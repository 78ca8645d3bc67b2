/*
 * tracecode.c
 *		药品追溯码 (drug traceability code): 20 digits, the first 7 the drug
 *		identification code (药品标识码), the last 13 the serial.  The printed
 *		7+13 form with one space or hyphen after the seventh digit is accepted.
 */
#include "vbp_core.h"

#include <stdio.h>

vbp_errkind
vbp_tracecode_parse(const char *s, size_t len, vbp_tracecode *out, vbp_error *err)
{
	uint32_t	product = 0;
	uint64_t	serial = 0;
	int			digits = 0;
	size_t		i;

	len = vbp_trim(&s, len);
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The traceability code is empty.");
	for (i = 0; i < len; i++)
	{
		char		ch = s[i];

		if (ch >= '0' && ch <= '9')
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
							"Character %d (%s) is not a digit; a traceability code is 20 digits, optionally printed as 7 + 13.",
							(int) i + 1, vbp_describe_char(ch, desc));
		}
	}
	if (digits != VBP_TRACECODE_LEN)
		return vbp_fail(err, VBP_ESYNTAX,
						"A traceability code has 20 digits; this one has %d.", digits);
	out->product = product;
	out->serial_hi = (uint32_t) (serial >> 32);
	out->serial_lo = (uint32_t) serial;
	return VBP_OK;
}

uint64_t
vbp_tracecode_serial(const vbp_tracecode *c)
{
	return ((uint64_t) c->serial_hi << 32) | c->serial_lo;
}

size_t
vbp_tracecode_format(const vbp_tracecode *c, char *buf)
{
	return (size_t) snprintf(buf, VBP_TRACECODE_LEN + 1, "%07u%013llu",
							 (unsigned) c->product,
							 (unsigned long long) vbp_tracecode_serial(c));
}

int
vbp_tracecode_cmp(const vbp_tracecode *a, const vbp_tracecode *b)
{
	uint64_t	sa,
				sb;

	if (a->product != b->product)
		return a->product < b->product ? -1 : 1;
	sa = vbp_tracecode_serial(a);
	sb = vbp_tracecode_serial(b);
	return sa < sb ? -1 : (sa > sb ? 1 : 0);
}
