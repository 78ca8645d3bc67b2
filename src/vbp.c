/*
 * vbp.c
 *		Module entry point (the EXPLAIN guard's hook) and the version function.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "vbp_glue.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	vbp_explain_guard_init();
}

/* Returns "vbp <library version> (core <core version>)". */
PG_FUNCTION_INFO_V1(vbp_version);
Datum
vbp_version(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text("vbp " VBP_VERSION " (core " VBP_CORE_VERSION ")"));
}
