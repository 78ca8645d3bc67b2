/*
 * rng.c
 *		Glue of core/rng.c: the deterministic uniform draw of the demo
 *		generator.
 */
#include "vbp_glue.h"

/* Uniform in [0, 1) from (seed, stream, key1, key2); the same arguments give the same value. */
PG_FUNCTION_INFO_V1(pgvbp_demo_uniform);
Datum
pgvbp_demo_uniform(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(vbp_uniform((uint64) PG_GETARG_INT64(0), (uint64) PG_GETARG_INT32(1),
								 (uint64) PG_GETARG_INT64(2), (uint64) PG_GETARG_INT64(3)));
}
