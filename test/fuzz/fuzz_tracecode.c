/* fuzz_tracecode.c: vbp_tracecode_parse and its round trip. */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	vbp_tracecode c,
				again;
	vbp_error	err;

	if (vbp_tracecode_parse(s, size, &c, &err) == VBP_OK)
	{
		char		buf[VBP_TRACECODE_LEN + 1];
		size_t		n = vbp_tracecode_format(&c, buf);

		FUZZ_ASSERT(n == VBP_TRACECODE_LEN);
		FUZZ_ASSERT(c.product < 10000000u && vbp_tracecode_serial(&c) < 10000000000000ULL);
		FUZZ_ASSERT(vbp_tracecode_parse(buf, n, &again, &err) == VBP_OK);
		FUZZ_ASSERT(vbp_tracecode_cmp(&c, &again) == 0);
	}
	else
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX);
	free(s);
	return 0;
}
