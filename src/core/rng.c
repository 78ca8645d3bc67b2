/*
 * rng.c
 *		Counter-based pseudo-random numbers for the demo generator: a value is
 *		a pure function of (seed, stream, key), so set-based SQL can draw in
 *		any order, in parallel, and get the same data for the same seed.
 *		SplitMix64 finaliser (Steele, Lea, Flood 2014).
 */
#include "vbp_core.h"

uint64_t
vbp_mix64(uint64_t x)
{
	x += UINT64_C(0x9E3779B97F4A7C15);
	x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
	return x ^ (x >> 31);
}

double
vbp_uniform(uint64_t seed, uint64_t stream, uint64_t key1, uint64_t key2)
{
	uint64_t	h = vbp_mix64(seed ^ vbp_mix64(stream ^ vbp_mix64(key1 ^ vbp_mix64(key2))));

	return (double) (h >> 11) * (1.0 / 9007199254740992.0);	/* [0, 1) with 53 bits */
}
