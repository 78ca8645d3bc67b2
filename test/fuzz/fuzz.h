/*
 * fuzz.h
 *		Shared by the libFuzzer targets: every accepted input must format to
 *		a canonical text that parses back to the same value; abort() marks a
 *		finding.  Built with -fsanitize=fuzzer,address,undefined.
 */
#ifndef VBP_FUZZ_H
#define VBP_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/vbp_core.h"

#define FUZZ_ASSERT(cond) do { if (!(cond)) abort(); } while (0)

/* The parsers take (pointer, length) and must not read past it: copy the
 * input into an exactly sized heap buffer so ASan sees any overread. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size ? size : 1);

	if (size)
		memcpy(s, data, size);
	return s;
}

#endif
