/* fuzz_uscc.c: vbp_uscc_parse, round trip, and the check character. */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	vbp_uscc	c,
				again;
	vbp_error	err;
	char		check;

	if (vbp_uscc_parse(s, size, &c, &err) == VBP_OK)
	{
		char		buf[VBP_USCC_LEN + 1];
		size_t		n = vbp_uscc_format(&c, buf);

		FUZZ_ASSERT(n == VBP_USCC_LEN);
		FUZZ_ASSERT(vbp_uscc_parse(buf, n, &again, &err) == VBP_OK);
		FUZZ_ASSERT(vbp_uscc_cmp(&c, &again) == 0);
		FUZZ_ASSERT(vbp_uscc_check_char(buf, 17, &check, &err) == VBP_OK && check == buf[17]);
	}
	else
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX);
	(void) vbp_uscc_check_char(s, size, &check, &err);
	free(s);
	return 0;
}
