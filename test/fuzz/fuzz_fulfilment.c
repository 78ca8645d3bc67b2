/*
 * fuzz_fulfilment.c: vbp_fulfilment_factor on the text, then
 * vbp_fulfilment_measure with that factor and counts and dates drawn from the
 * input bytes (extremes included).  The undefined-behaviour sanitizer traps any
 * 128-bit overflow, so this checks the bounds the core claims; the results must
 * be in range and format within the buffer.
 */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t
next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* a count: an extreme one time in four, else anything */
static int64_t
count(uint64_t *x)
{
	static const int64_t extremes[] = {0, 1, -1, INT64_MAX, INT64_MIN, INT64_MAX - 1};
	uint64_t	r = next(x);

	return r % 4 == 0 ? extremes[(r >> 8) % 6] : (int64_t) next(x);
}

static int32_t
day(uint64_t *x)
{
	static const int32_t extremes[] = {INT32_MIN, INT32_MAX, 0, -1};
	uint64_t	r = next(x);

	return r % 4 == 0 ? extremes[(r >> 8) % 4] : (int32_t) (next(x) % 20000) - 10000;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size + 1);
	int64_t		num,
				den;
	vbp_error	err;
	uint64_t	x = 0x9E3779B97F4A7C15ULL;
	size_t		i;

	memcpy(s, data, size);
	s[size] = '\0';
	for (i = 0; i < size; i++)
		x = (x ^ data[i]) * 0x100000001B3ULL;
	x |= 1;
	if (vbp_fulfilment_factor(s, &num, &den, &err) == VBP_OK)
	{
		vbp_fulfilment f;
		int32_t		start = day(&x),
					end = day(&x),
					as_of = day(&x);
		int64_t		sel = count(&x),
					other = count(&x),
					due = count(&x),
					on_time = count(&x),
					agreed = count(&x);

		FUZZ_ASSERT(den >= 1 && den <= 1000000);
		FUZZ_ASSERT(num <= VBP_FULFILMENT_FACTOR_MAX * den && num >= -VBP_FULFILMENT_FACTOR_MAX * den);
		if (vbp_fulfilment_measure(sel, other, due, on_time, agreed, start, end, as_of,
								   num, den, num, den, &f, &err) == VBP_OK)
		{
			char		buf[48];

			FUZZ_ASSERT(end >= start);
			FUZZ_ASSERT(f.time_progress >= 0 && f.time_progress <= 1000000);
			FUZZ_ASSERT(f.status != NULL);
			FUZZ_ASSERT(vbp_format_scaled(f.completion, 6, buf) < 48);
			FUZZ_ASSERT(vbp_format_scaled(f.selected_share, 6, buf) < 48);
			FUZZ_ASSERT(vbp_format_scaled(f.on_time_rate, 6, buf) < 48);
		}
		else
			FUZZ_ASSERT(err.kind == VBP_EPARAM && end < start);
	}
	else
		FUZZ_ASSERT(err.kind == VBP_EPARAM);
	free(s);
	return 0;
}
