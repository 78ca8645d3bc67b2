/*
 * orgcode.c
 *		定点医药机构编码 (designated medical institution code, NHSA field
 *		fixmedins_code): H (medical institution) or P (retail pharmacy), a
 *		6-digit GB/T 2260 division code and a 5-digit sequence.
 *
 * Packed as kind * 10^11 + division * 10^5 + sequence with H = 0 and P = 1,
 * so integer order is text order.
 */
#include "vbp_core.h"

#include <stdio.h>

#define E5	INT64_C(100000)
#define E11 INT64_C(100000000000)

/* The 31 province-level divisions of the mainland (GB/T 2260). */
bool
vbp_province_code_valid(int p)
{
	switch (p)
	{
		case 11: case 12: case 13: case 14: case 15:
		case 21: case 22: case 23:
		case 31: case 32: case 33: case 34: case 35: case 36: case 37:
		case 41: case 42: case 43: case 44: case 45: case 46:
		case 50: case 51: case 52: case 53: case 54:
		case 61: case 62: case 63: case 64: case 65:
			return true;
		default:
			return false;
	}
}

/* A 6-digit division code cut to a level: its first `level` digits. */
static int32_t
division_at(int32_t division, vbp_division_level level)
{
	int			i;

	for (i = level; i < VBP_DIVISION_COUNTY; i++)
		division /= 10;
	return division;
}

static vbp_errkind
check_division(int32_t division, vbp_error *err)
{
	if (!vbp_province_code_valid(division_at(division, VBP_DIVISION_PROVINCE)))
		return vbp_fail(err, VBP_ESYNTAX,
						"The division code %06d does not start with one of the 31 province codes of GB/T 2260 (11 to 65).",
						(int) division);
	return VBP_OK;
}

vbp_errkind
vbp_orgcode_parse(const char *s, size_t len, int64_t *out, vbp_error *err)
{
	int64_t		kind;
	int32_t		division = 0;
	int32_t		seq = 0;
	size_t		i;
	vbp_errkind e;
	char		desc[VBP_CHARDESC_LEN];

	len = vbp_trim(&s, len);
	if (len == 0)
		return vbp_fail(err, VBP_ESYNTAX, "The institution code is empty.");
	if (s[0] == 'H' || s[0] == 'h')
		kind = 0;
	else if (s[0] == 'P' || s[0] == 'p')
		kind = 1;
	else
		return vbp_fail(err, VBP_ESYNTAX,
						"An institution code starts with H (medical institution) or P (retail pharmacy), not %s.",
						vbp_describe_char(s[0], desc));
	for (i = 1; i < len; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return vbp_fail(err, VBP_ESYNTAX,
							"Character %d (%s) is not a digit.", (int) i + 1,
							vbp_describe_char(s[i], desc));
	if (len != VBP_ORGCODE_LEN)
		return vbp_fail(err, VBP_ESYNTAX,
						"An institution code has 12 characters (a letter, a 6-digit division and a 5-digit sequence); this one has %d.",
						(int) len);
	for (i = 1; i < len; i++)
	{
		if (i <= 6)
			division = division * 10 + (s[i] - '0');
		else
			seq = seq * 10 + (s[i] - '0');
	}
	if ((e = check_division(division, err)) != VBP_OK)
		return e;
	*out = kind * E11 + (int64_t) division * E5 + seq;
	return VBP_OK;
}

vbp_errkind
vbp_orgcode_check(int64_t v, vbp_error *err)
{
	if (v < 0 || v >= 2 * E11)
		return vbp_fail(err, VBP_ESYNTAX, "The packed value %lld is not an institution code.",
						(long long) v);
	return check_division(vbp_orgcode_division(v), err);
}

char
vbp_orgcode_kind(int64_t v)
{
	return v >= E11 ? 'P' : 'H';
}

int32_t
vbp_orgcode_division(int64_t v)
{
	return (int32_t) ((v % E11) / E5);
}

size_t
vbp_orgcode_division_text(int64_t v, vbp_division_level level, char *buf)
{
	return (size_t) snprintf(buf, (size_t) level + 1, "%0*d", (int) level,
							 (int) division_at(vbp_orgcode_division(v), level));
}

size_t
vbp_orgcode_format(int64_t v, char *buf)
{
	return (size_t) snprintf(buf, VBP_ORGCODE_LEN + 1, "%c%06d%05d",
							 vbp_orgcode_kind(v), (int) vbp_orgcode_division(v),
							 (int) (v % E5));
}
