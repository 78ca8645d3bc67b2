/* fuzz_orgcode.c: vbp_orgcode_parse, round trip, and the binary-input check. */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	int64_t		v,
				again,
				raw = 0;
	vbp_error	err;

	if (vbp_orgcode_parse(s, size, &v, &err) == VBP_OK)
	{
		char		buf[VBP_ORGCODE_LEN + 1];
		size_t		n = vbp_orgcode_format(v, buf);

		FUZZ_ASSERT(n == VBP_ORGCODE_LEN);
		FUZZ_ASSERT(vbp_orgcode_check(v, &err) == VBP_OK);
		FUZZ_ASSERT(vbp_orgcode_parse(buf, n, &again, &err) == VBP_OK && again == v);
	}
	else
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX);
	/* any 8 bytes as a packed value: accepted ones must format and re-parse */
	if (size >= 8)
	{
		memcpy(&raw, data, 8);
		if (vbp_orgcode_check(raw, &err) == VBP_OK)
		{
			char		buf[VBP_ORGCODE_LEN + 1];

			FUZZ_ASSERT(vbp_orgcode_format(raw, buf) == VBP_ORGCODE_LEN);
			FUZZ_ASSERT(vbp_orgcode_parse(buf, VBP_ORGCODE_LEN, &again, &err) == VBP_OK && again == raw);
		}
	}
	free(s);
	return 0;
}
