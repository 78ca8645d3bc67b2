/*
 * vbp_glue.h
 *		Helpers shared by the fmgr glue (src/common.c): turning a core
 *		vbp_error into ereport() with the right SQLSTATE, type support,
 *		numeric and text conversions.
 */
#ifndef VBP_GLUE_H
#define VBP_GLUE_H

#include "postgres.h"
#include "fmgr.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"

#include "vbp_core.h"

/*
 * Reports bad text input for type typname: 22P02 (or 22003 for values out of
 * range), quoting the input, with the core's detail.  On PostgreSQL 16+ the
 * error is soft when the caller passed an ErrorSaveContext (pg_input_is_valid),
 * and the function returns; otherwise it does not return.
 */
extern void vbp_input_error(FunctionCallInfo fcinfo, const vbp_error *err,
							const char *typname, const char *input);

/* Reports a failed operation on values (overflow, division by zero ...). */
extern void vbp_value_error(const vbp_error *err, const char *what) pg_attribute_noreturn();

/*
 * Comparison, hashing and sort support for a fixed-length pass-by-reference
 * type whose core comparator is cmpfn(const ctype *, const ctype *).  Defines
 * prefix_cmp, _lt, _le, _eq, _ne, _ge, _gt, _hash, _hash_extended and
 * _sortsupport.  Hashing covers the whole struct, which has no padding.
 */
#define VBP_FIXED_TYPE_SUPPORT(prefix, ctype, cmpfn) \
static inline int \
prefix##_compare(FunctionCallInfo fcinfo) \
{ \
	return cmpfn((const ctype *) PG_GETARG_POINTER(0), (const ctype *) PG_GETARG_POINTER(1)); \
} \
PG_FUNCTION_INFO_V1(prefix##_cmp); \
Datum prefix##_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(prefix##_compare(fcinfo)); } \
PG_FUNCTION_INFO_V1(prefix##_lt); \
Datum prefix##_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) < 0); } \
PG_FUNCTION_INFO_V1(prefix##_le); \
Datum prefix##_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) <= 0); } \
PG_FUNCTION_INFO_V1(prefix##_eq); \
Datum prefix##_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) == 0); } \
PG_FUNCTION_INFO_V1(prefix##_ne); \
Datum prefix##_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) != 0); } \
PG_FUNCTION_INFO_V1(prefix##_ge); \
Datum prefix##_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) >= 0); } \
PG_FUNCTION_INFO_V1(prefix##_gt); \
Datum prefix##_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(prefix##_compare(fcinfo) > 0); } \
PG_FUNCTION_INFO_V1(prefix##_hash); \
Datum prefix##_hash(PG_FUNCTION_ARGS) \
{ \
	return hash_any((const unsigned char *) PG_GETARG_POINTER(0), sizeof(ctype)); \
} \
PG_FUNCTION_INFO_V1(prefix##_hash_extended); \
Datum prefix##_hash_extended(PG_FUNCTION_ARGS) \
{ \
	return hash_any_extended((const unsigned char *) PG_GETARG_POINTER(0), sizeof(ctype), \
							 PG_GETARG_INT64(1)); \
} \
static int \
prefix##_fastcmp(Datum a, Datum b, SortSupport ssup) \
{ \
	(void) ssup; \
	return cmpfn((const ctype *) DatumGetPointer(a), (const ctype *) DatumGetPointer(b)); \
} \
PG_FUNCTION_INFO_V1(prefix##_sortsupport); \
Datum prefix##_sortsupport(PG_FUNCTION_ARGS) \
{ \
	((SortSupport) PG_GETARG_POINTER(0))->comparator = prefix##_fastcmp; \
	PG_RETURN_VOID(); \
}

/*
 * An integral numeric as int64: false if it lies outside the int64 range (the
 * bounds are built once per backend).  The caller reports the error.
 */
extern bool vbp_numeric_to_int64(Numeric n, int64 *out);

/* Monthly series as vbp.cusum takes them (cusum.c): float8[], NULL for a month without a value. */
#define VBP_MONTH_SERIES_MAX 12000	/* a thousand years of months */
typedef struct VbpMonthValue
{
	int32		month;
	int32		pos;			/* position in the caller's input, for messages */
	Datum		value;
	bool		isnull;
} VbpMonthValue;
extern struct ArrayType *vbp_month_series_array(const VbpMonthValue *mv, int n);

/*
 * Aggregate support functions: the aggregate's memory context (the function
 * must be called by an aggregate; `aggname` names it in the internal error),
 * and the error of a malformed serialized state (22P03: "invalid <what>
 * state" with the detail as a sentence).
 */
extern MemoryContext vbp_agg_context(FunctionCallInfo fcinfo, const char *aggname);
extern void vbp_state_error(const char *what, const char *detailfmt,...)
			pg_attribute_printf(2, 3) pg_attribute_noreturn();

/* Reads the text form sent by an identifier's send function. */
extern char *vbp_recv_text(FunctionCallInfo fcinfo);

/* Returns a text datum of len bytes, or SQL NULL when len is 0. */
#define VBP_RETURN_TEXT_OR_NULL(buf, len) \
	do { \
		if ((len) == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_TEXT_P(cstring_to_text_with_len((buf), (len))); \
	} while (0)

/* tracecode.c: a vbp.tracecode datum (short varlena of the packed bytes) */
extern Datum vbp_tracecode_datum(const vbp_tracecode *c);

/* common.c: the feeding triggers write vbp's tables as their owner */
typedef struct VbpSavedUser
{
	Oid			userid;
	int			sec_context;
} VbpSavedUser;
extern Oid	vbp_table_owner(const char *relname);
extern void vbp_become_owner(Oid owner, VbpSavedUser *save);
/* vbp.may_write(org) for C callers: the writer's scope, kept for the transaction */
extern bool vbp_may_write(int64 org);
/* vbp.orgcode's text input, for C callers that parse a code as the type does */
extern PGDLLEXPORT Datum pgvbp_orgcode_in(PG_FUNCTION_ARGS);
extern void vbp_restore_user(const VbpSavedUser *save);

/* explain_guard.c: installs the hook that refuses EXPLAIN to partial-view tenants */
extern void vbp_explain_guard_init(void);

#endif
