/*
 * common.c
 *		Error reporting and small text helpers shared by the core codecs.
 */
#include "vbp_core.h"

#include <stdarg.h>
#include <stdio.h>

vbp_errkind
vbp_fail(vbp_error *err, vbp_errkind kind, const char *fmt,...)
{
	if (err != NULL)
	{
		va_list		ap;

		err->kind = kind;
		va_start(ap, fmt);
		vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
		va_end(ap);
	}
	return kind;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t
vbp_trim(const char **s, size_t len)
{
	const char *p = *s;

	while (len > 0 && is_space(p[0]))
	{
		p++;
		len--;
	}
	while (len > 0 && is_space(p[len - 1]))
		len--;
	*s = p;
	return len;
}

const char *
vbp_describe_char(char c, char *buf)
{
	unsigned char u = (unsigned char) c;

	if (u >= 0x80)
		return "a non-ASCII character";
	if (u < 0x20 || u == 0x7F)
		return "a control character";
	snprintf(buf, VBP_CHARDESC_LEN, "\"%c\"", c);
	return buf;
}

/* Big-endian wire format of aggregate states: 128-bit and 64-bit integers. */
void
vbp_put_be128(unsigned char *wire, vbp_int128 v)
{
	vbp_uint128 u = (vbp_uint128) v;
	int			i;

	for (i = 15; i >= 0; i--)
	{
		wire[i] = (unsigned char) (u & 0xFF);
		u >>= 8;
	}
}

vbp_int128
vbp_get_be128(const unsigned char *wire)
{
	vbp_uint128 u = 0;
	int			i;

	for (i = 0; i < 16; i++)
		u = (u << 8) | wire[i];
	return (vbp_int128) u;
}

void
vbp_put_be64(unsigned char *wire, int64_t v)
{
	uint64_t	u = (uint64_t) v;
	int			i;

	for (i = 7; i >= 0; i--)
	{
		wire[i] = (unsigned char) (u & 0xFF);
		u >>= 8;
	}
}

int64_t
vbp_get_be64(const unsigned char *wire)
{
	uint64_t	u = 0;
	int			i;

	for (i = 0; i < 8; i++)
		u = (u << 8) | wire[i];
	return (int64_t) u;
}
