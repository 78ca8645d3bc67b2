/* fuzz_cny.c: vbp_cny_parse, format round trip, and arithmetic on the value. */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	int64_t		fen,
				again,
				r;
	vbp_error	err;

	if (vbp_cny_parse(s, size, &fen, &err) == VBP_OK)
	{
		char		buf[VBP_CNY_BUFLEN];
		size_t		n = vbp_cny_format(fen, buf);

		FUZZ_ASSERT(n == strlen(buf) && n < VBP_CNY_BUFLEN);
		FUZZ_ASSERT(vbp_cny_parse(buf, n, &again, &err) == VBP_OK && again == fen);
		/* arithmetic either succeeds or reports range/zero, never UB */
		(void) vbp_cny_add(fen, fen, &r, &err);
		(void) vbp_cny_sub(fen, INT64_MAX, &r, &err);
		(void) vbp_cny_mul_int(fen, (int64_t) size - 7, &r, &err);
		if (vbp_cny_div_int(fen, (int64_t) size - 3, &r, &err) == VBP_OK)
			FUZZ_ASSERT(size != 3);
		(void) vbp_cny_neg(fen, &r, &err);
	}
	else
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX || err.kind == VBP_ERANGE);
	free(s);
	return 0;
}
