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
