/* fuzz_drugcode.c: vbp_drugcode_parse, round trip, segments and group key. */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_copy(data, size);
	vbp_drugcode c,
				again,
				group;
	vbp_error	err;

	if (vbp_drugcode_parse(s, size, &c, &err) == VBP_OK)
	{
		char		buf[VBP_DRUGCODE_MAXLEN + 1];
		char		seg[VBP_DRUGCODE_MAXLEN + 1];
		size_t		n = vbp_drugcode_format(&c, buf);
		int			k;

		FUZZ_ASSERT(n >= 10 && n <= VBP_DRUGCODE_MAXLEN);
		FUZZ_ASSERT(vbp_drugcode_parse(buf, n, &again, &err) == VBP_OK);
		FUZZ_ASSERT(vbp_drugcode_cmp(&c, &again) == 0);
		for (k = VBP_SEG_CATEGORY; k <= VBP_SEG_COMPANY; k++)
			FUZZ_ASSERT(vbp_drugcode_segment(&c, (vbp_drug_segment) k, seg) <= 5);
		vbp_drugcode_generic_group(&c, &group);
		/* the group key is a prefix, so it sorts at or before the code */
		FUZZ_ASSERT(vbp_drugcode_cmp(&group, &c) <= 0);
		FUZZ_ASSERT(vbp_drugcode_is_generic_level(&group));
	}
	else
		FUZZ_ASSERT(err.kind == VBP_ESYNTAX);
	free(s);
	return 0;
}
