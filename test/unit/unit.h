/*
 * unit.h
 *		A minimal test harness for the pure-C core: each TEST is one case,
 *		each CHECK an assertion; the runner prints one line per case and
 *		"N passed, N failed" at the end.
 */
#ifndef VBP_UNIT_H
#define VBP_UNIT_H

#include <stdio.h>
#include <string.h>

#include "../../src/core/vbp_core.h"

typedef void (*unit_fn) (int *failures);

typedef struct unit_case
{
	const char *name;
	unit_fn		fn;
} unit_case;

#define CHECK(cond) do { \
	if (!(cond)) { \
		(*failures)++; \
		fprintf(stderr, "    %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (strcmp(g_, w_) != 0) { \
		(*failures)++; \
		fprintf(stderr, "    %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_, w_); \
	} \
} while (0)

#define TEST(name) static void name(int *failures)

/* Deterministic xorshift64 for property tests, so failures reproduce. */
static inline uint64_t
unit_rng(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* each test_*.c exports its table */
extern const unit_case money_cases[];
extern const unit_case drugcode_cases[];
extern const unit_case tracecode_cases[];
extern const unit_case orgcode_cases[];
extern const unit_case uscc_cases[];
extern const unit_case rng_cases[];
extern const unit_case apportion_cases[];
extern const unit_case price_cases[];
extern const unit_case stats_cases[];
extern const unit_case tally_cases[];
extern const unit_case parse_cases[];
extern const unit_case supply_cases[];

#endif
