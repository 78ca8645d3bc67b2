/*
 * vbp_core.h
 *		The pure-C core of vbp: identifier codecs, exact money arithmetic and
 *		(later) apportionment, statistics and policy formulas.
 *
 * Nothing here includes a PostgreSQL header.  Every function reports failure
 * through a vbp_error, which the fmgr glue in src/ turns into ereport() with
 * the SQLSTATE that matches vbp_errkind.  The core never allocates memory.
 * The glue of src/core/X.c is src/X.c (of money.c, the type file src/cny.c).
 */
#ifndef VBP_CORE_H
#define VBP_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if !defined(__SIZEOF_INT128__)
#error "vbp needs a compiler with 128-bit integers (gcc or clang on a 64-bit target)"
#endif

typedef __int128 vbp_int128;
typedef unsigned __int128 vbp_uint128;

/* The version is written once, in vbp.control; the Makefiles pass it in. */
#ifndef VBP_VERSION
#error "VBP_VERSION is not defined: build through the Makefile, which takes it from vbp.control"
#endif
#define VBP_CORE_VERSION VBP_VERSION

/* What went wrong; the glue maps each kind to one SQLSTATE. */
typedef enum vbp_errkind
{
	VBP_OK = 0,
	VBP_ESYNTAX,				/* malformed input: 22P02 */
	VBP_ERANGE,					/* value out of range: 22003 */
	VBP_EPARAM,					/* bad parameter: 22023 */
	VBP_EDIVZERO				/* division by zero: 22012 */
} vbp_errkind;

#define VBP_DETAIL_LEN 256

typedef struct vbp_error
{
	vbp_errkind kind;
	char		detail[VBP_DETAIL_LEN];	/* a sentence for errdetail */
} vbp_error;

/* Sets err (when not NULL) and returns kind; detail is printf-style. */
extern vbp_errkind vbp_fail(vbp_error *err, vbp_errkind kind, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/*
 * Describes byte c for a detail message: "\"x\"" for printable ASCII, else
 * "a non-ASCII character" or "a control character", so a message never
 * carries a broken multibyte sequence.  buf needs VBP_CHARDESC_LEN bytes.
 */
#define VBP_CHARDESC_LEN 24
extern const char *vbp_describe_char(char c, char *buf);

/* Strips ASCII white space from both ends of [s, s+len); returns new len. */
extern size_t vbp_trim(const char **s, size_t len);

/*
 * Big-endian wire format of aggregate states (serial / deserial functions).
 * Inline, and written as whole 64-bit words so the compiler emits one load
 * or store and a byte swap: a parallel plan's leader deserializes every
 * worker's states, and a byte-at-a-time 128-bit loop would be a large part
 * of its work (vbp.cycle_tally, doc/benchmarks.md).
 */
static inline void
vbp_put_be64(unsigned char *wire, int64_t v)
{
	uint64_t	u = (uint64_t) v;

	wire[0] = (unsigned char) (u >> 56);
	wire[1] = (unsigned char) (u >> 48);
	wire[2] = (unsigned char) (u >> 40);
	wire[3] = (unsigned char) (u >> 32);
	wire[4] = (unsigned char) (u >> 24);
	wire[5] = (unsigned char) (u >> 16);
	wire[6] = (unsigned char) (u >> 8);
	wire[7] = (unsigned char) u;
}

static inline int64_t
vbp_get_be64(const unsigned char *wire)
{
	return (int64_t) (((uint64_t) wire[0] << 56) | ((uint64_t) wire[1] << 48) |
					  ((uint64_t) wire[2] << 40) | ((uint64_t) wire[3] << 32) |
					  ((uint64_t) wire[4] << 24) | ((uint64_t) wire[5] << 16) |
					  ((uint64_t) wire[6] << 8) | (uint64_t) wire[7]);
}

static inline void
vbp_put_be128(unsigned char *wire, vbp_int128 v)
{
	vbp_uint128 u = (vbp_uint128) v;

	vbp_put_be64(wire, (int64_t) (uint64_t) (u >> 64));
	vbp_put_be64(wire + 8, (int64_t) (uint64_t) u);
}

static inline vbp_int128
vbp_get_be128(const unsigned char *wire)
{
	vbp_uint128 hi = (uint64_t) vbp_get_be64(wire);
	vbp_uint128 lo = (uint64_t) vbp_get_be64(wire + 8);

	return (vbp_int128) ((hi << 64) | lo);
}

/* ---------------------------------------------------------------------
 * Money (cny): exact amounts in fen held in int64.  Rounding is half away
 * from zero (四舍五入) and happens only in vbp_round_div().
 * ---------------------------------------------------------------------
 */
#define VBP_CNY_BUFLEN 32		/* enough for "-92233720368547758.08" */

/* Sets err to the out-of-range error of an amount (no cny holds the result). */
extern vbp_errkind vbp_cny_range_error(vbp_error *err);

extern vbp_errkind vbp_round_div(vbp_int128 num, vbp_int128 den,
								 vbp_int128 *quotient, vbp_error *err);
extern vbp_errkind vbp_int128_to_fen(vbp_int128 v, int64_t *fen, vbp_error *err);
extern vbp_errkind vbp_cny_parse(const char *s, size_t len, int64_t *fen,
								 vbp_error *err);
extern size_t vbp_cny_format(int64_t fen, char *buf);
extern vbp_errkind vbp_cny_add(int64_t a, int64_t b, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_cny_sub(int64_t a, int64_t b, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_cny_neg(int64_t a, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_ppu_saving(int64_t spend, int64_t cost, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_cny_abs(int64_t a, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_cny_mul_int(int64_t a, int64_t k, int64_t *r, vbp_error *err);
extern vbp_errkind vbp_cny_div_int(int64_t a, int64_t k, int64_t *r, vbp_error *err);

/*
 * A 128-bit integer that only needs 8-byte alignment: aggregate states live
 * in palloc'd memory, which is aligned to 8, and gcc would otherwise use
 * 16-byte aligned moves on it (PostgreSQL's c.h does the same for int128).
 */
typedef __int128 vbp_int128_a8 __attribute__((aligned(8)));

/* Exact running sum for sum()/avg(): 128-bit total and a count. */
typedef struct vbp_cny_sum
{
	vbp_int128_a8 total;
	int64_t		count;
} vbp_cny_sum;

#define VBP_CNY_SUM_WIRE 24		/* serialized size, big-endian */

extern void vbp_cny_sum_init(vbp_cny_sum *s);
extern void vbp_cny_sum_add(vbp_cny_sum *s, int64_t fen);
/* the inverse of vbp_cny_sum_add, for moving windows */
extern void vbp_cny_sum_remove(vbp_cny_sum *s, int64_t fen);
extern void vbp_cny_sum_combine(vbp_cny_sum *into, const vbp_cny_sum *from);
extern void vbp_cny_sum_serialize(const vbp_cny_sum *s, unsigned char *wire);
extern void vbp_cny_sum_deserialize(const unsigned char *wire, vbp_cny_sum *s);
extern vbp_errkind vbp_cny_sum_total(const vbp_cny_sum *s, int64_t *fen, vbp_error *err);
extern vbp_errkind vbp_cny_sum_mean(const vbp_cny_sum *s, int64_t *fen, vbp_error *err);

/* ---------------------------------------------------------------------
 * 医保药品代码 drugcode: X (23 chars) or Z (20 chars) codes, and their
 * generic-level prefixes (X: 10-14 chars, Z: 11 chars).  Stored as a base-37
 * number of up to 23 symbols (0 = end, digits 1-10, letters 11-36), so the
 * integer order is the text order.
 * ---------------------------------------------------------------------
 */
#define VBP_DRUGCODE_MAXLEN 23

typedef struct vbp_drugcode
{
	uint64_t	hi;
	uint64_t	lo;
} vbp_drugcode;

typedef enum vbp_drug_segment
{
	VBP_SEG_CATEGORY,
	VBP_SEG_CLASS,
	VBP_SEG_GENERIC,
	VBP_SEG_FORM,
	VBP_SEG_SPEC,
	VBP_SEG_COMPANY
} vbp_drug_segment;

extern vbp_errkind vbp_drugcode_parse(const char *s, size_t len, vbp_drugcode *out,
									  vbp_error *err);
/* Writes the canonical text (NUL-terminated, <= 23 chars); returns length. */
extern size_t vbp_drugcode_format(const vbp_drugcode *c, char *buf);
extern int	vbp_drugcode_cmp(const vbp_drugcode *a, const vbp_drugcode *b);
extern bool vbp_drugcode_is_generic_level(const vbp_drugcode *c);
/* Copies one segment into buf (NUL-terminated); returns its length, 0 if absent. */
extern size_t vbp_drugcode_segment(const vbp_drugcode *c, vbp_drug_segment seg, char *buf);
/* The generic-group key: category + class + generic name (+ form for X). */
extern void vbp_drugcode_generic_group(const vbp_drugcode *c, vbp_drugcode *out);

/* ---------------------------------------------------------------------
 * 药品追溯码 tracecode, in one of two forms:
 *   nmpa20  the Chinese code: 20 digits = 7-digit drug identification code
 *           (药品标识码) + 13-digit serial; canonical text the 20 digits;
 *   gs1     GS1 DataMatrix content: GTIN-14 (01) + serial (21); canonical
 *           text "(01)<14 digits>(21)<serial>".  The other application
 *           identifiers (expiry, batch, ...) are checked, not kept: they do
 *           not identify the package.
 * A value is packed as a form byte and a payload; memcmp of the packed bytes,
 * the shorter first on a tie, is the C order of the canonical text:
 *   VBP_TRACECODE_GS1     the GTIN in 6 bytes big-endian, then the serial's bytes
 *   VBP_TRACECODE_NMPA20  the product code in 3 bytes big-endian, the serial in 6
 * Equal codes have equal packed bytes, so equality is bitwise.
 * ---------------------------------------------------------------------
 */
#define VBP_TRACECODE_LEN 20	/* digits of the nmpa20 form */
#define VBP_TRACECODE_PRODUCT_LEN 7	/* its drug identification code leads */
#define VBP_TRACECODE_GTIN_LEN 14
#define VBP_TRACECODE_GS1_SERIAL_MAX 20
#define VBP_TRACECODE_INPUT_MAX 100 /* characters: the insurance interface's field */
#define VBP_TRACECODE_PACKED_MAX (1 + 6 + VBP_TRACECODE_GS1_SERIAL_MAX)
/* canonical text and NUL: "(01)" 14 digits "(21)" up to 20 characters */
#define VBP_TRACECODE_BUFLEN (4 + VBP_TRACECODE_GTIN_LEN + 4 + VBP_TRACECODE_GS1_SERIAL_MAX + 1)

/* the form byte: GS1 sorts first, as "(" sorts before the digits */
typedef enum vbp_tracecode_form
{
	VBP_TRACECODE_GS1 = 1,
	VBP_TRACECODE_NMPA20 = 2
} vbp_tracecode_form;

typedef struct vbp_tracecode
{
	uint8_t		len;			/* bytes used in packed */
	unsigned char packed[VBP_TRACECODE_PACKED_MAX];
} vbp_tracecode;

/*
 * Parses either form (surrounding ASCII white space trimmed, at most
 * VBP_TRACECODE_INPUT_MAX characters): 20 digits, or 7 + 13 with one space or
 * hyphen, are always nmpa20; GS1 content is accepted with parenthesised
 * application identifiers in any order, or raw (group separator 0x1D after a
 * variable-length field, optional ]d2 and leading separator; without either,
 * when it starts with 01 and is longer than 20 characters).
 */
extern vbp_errkind vbp_tracecode_parse(const char *s, size_t len, vbp_tracecode *out,
									   vbp_error *err);
/* Writes the canonical text (NUL-terminated) into buf[VBP_TRACECODE_BUFLEN]; returns its length. */
extern size_t vbp_tracecode_format(const vbp_tracecode *c, char *buf);
extern int	vbp_tracecode_cmp(const vbp_tracecode *a, const vbp_tracecode *b);
/* The packed bytes (form byte first); *len gets their number. */
extern const unsigned char *vbp_tracecode_packed(const vbp_tracecode *c, size_t *len);
/* The order of two packed values: vbp_tracecode_cmp without unpacking. */
extern int	vbp_tracecode_cmp_packed(const unsigned char *a, size_t alen,
									 const unsigned char *b, size_t blen);
/* Reads packed bytes back into *out, checking that they are a valid code. */
extern vbp_errkind vbp_tracecode_unpack(const unsigned char *p, size_t len, vbp_tracecode *out,
										vbp_error *err);
extern vbp_tracecode_form vbp_tracecode_form_of(const vbp_tracecode *c);
/* "nmpa20" or "gs1" */
extern const char *vbp_tracecode_form_name(const vbp_tracecode *c);
/* The product code (7 digits, or the 14-digit GTIN) into buf[VBP_TRACECODE_BUFLEN]; returns its length. */
extern size_t vbp_tracecode_product(const vbp_tracecode *c, char *buf);
/* The serial (13 digits, or the GS1 serial) into buf[VBP_TRACECODE_BUFLEN]; returns its length. */
extern size_t vbp_tracecode_serial(const vbp_tracecode *c, char *buf);

/* ---------------------------------------------------------------------
 * 定点医药机构编码 orgcode: H|P + 6-digit GB/T 2260 division + 5-digit
 * sequence, packed into an int64 whose order is the text order.
 * ---------------------------------------------------------------------
 */
#define VBP_ORGCODE_LEN 12

extern vbp_errkind vbp_orgcode_parse(const char *s, size_t len, int64_t *out,
									 vbp_error *err);
/* Re-validates a packed value (binary input, casts). */
extern vbp_errkind vbp_orgcode_check(int64_t v, vbp_error *err);
extern size_t vbp_orgcode_format(int64_t v, char *buf);
extern char vbp_orgcode_kind(int64_t v);
extern int32_t vbp_orgcode_division(int64_t v);

/* GB/T 2260 levels: a division code's first 2 digits are its province, 4 its city */
typedef enum vbp_division_level
{
	VBP_DIVISION_PROVINCE = 2,
	VBP_DIVISION_CITY = 4,
	VBP_DIVISION_COUNTY = 6
} vbp_division_level;

/* The division code of an institution at a level, as text (level digits + NUL in buf). */
extern size_t vbp_orgcode_division_text(int64_t v, vbp_division_level level, char *buf);
extern bool vbp_province_code_valid(int province);

/* ---------------------------------------------------------------------
 * 统一社会信用代码 uscc (GB 32100-2015): 18 chars over a 31-symbol alphabet,
 * the last a mod-31 check character.  Stored as the base-31 number of the
 * first 17 symbols in three 32-bit limbs (12 bytes); the check is derived.
 * ---------------------------------------------------------------------
 */
#define VBP_USCC_LEN 18

typedef struct vbp_uscc
{
	uint32_t	limb[3];		/* big-endian limbs of a < 2^85 number */
} vbp_uscc;

extern vbp_errkind vbp_uscc_parse(const char *s, size_t len, vbp_uscc *out,
								  vbp_error *err);
extern size_t vbp_uscc_format(const vbp_uscc *c, char *buf);
extern int	vbp_uscc_cmp(const vbp_uscc *a, const vbp_uscc *b);
/* Check character of the first 17 characters of s; fails on a bad symbol. */
extern vbp_errkind vbp_uscc_check_char(const char *s, size_t len, char *check,
									   vbp_error *err);

/* ---------------------------------------------------------------------
 * Largest-remainder apportionment (apportion.c).
 * ---------------------------------------------------------------------
 */
typedef unsigned __int128 vbp_uint128_a8 __attribute__((aligned(8)));

/* one row's working data; 8-byte aligned like palloc'd memory */
typedef struct vbp_apportion_item
{
	vbp_uint128_a8 rem;			/* T * w mod W */
	int64_t		quota;			/* floor(T * w / W) */
	int64_t		weight;
	size_t		index;
} vbp_apportion_item;

/*
 * Splits total fen over n weights (each >= 0) into shares[] that sum to total
 * exactly; scratch holds n items.  VBP_EPARAM for a negative weight, or all
 * weights zero with a non-zero total.
 */
extern vbp_errkind vbp_apportion(int64_t total, const int64_t *weights, size_t n,
								 int64_t *shares, vbp_apportion_item *scratch,
								 vbp_error *err);

/* ---------------------------------------------------------------------
 * Price cuts (price.c): 1 - selected / reference price, and the sums of
 * vbp.price_cuts, in 128-bit decimals equal to PostgreSQL's numeric results
 * (value and display scale).  What does not fit is VBP_ERANGE; the glue
 * computes that part in numeric.
 * ---------------------------------------------------------------------
 */
#define VBP_DECIMAL_MAXSCALE 38

/* coef x 10^-scale, scale (0 .. VBP_DECIMAL_MAXSCALE) being numeric's display scale */
typedef struct vbp_decimal
{
	vbp_int128_a8 coef;
	int32_t		scale;
} vbp_decimal;

/*
 * A numeric as it stores itself: base-10000 digits, the weight of the first,
 * the display scale and the sign.  VBP_ERANGE if it does not fit, VBP_EPARAM
 * for a digit out of range or digits beyond the display scale.
 */
extern vbp_errkind vbp_decimal_from_base10000(const int16_t *digits, int ndigits, int weight,
											  int dscale, bool negative, vbp_decimal *out,
											  vbp_error *err);
/* sum += x; on VBP_ERANGE sum is unchanged */
extern vbp_errkind vbp_decimal_add(vbp_decimal *sum, const vbp_decimal *x, vbp_error *err);
extern vbp_errkind vbp_decimal_mul(const vbp_decimal *a, const vbp_decimal *b, vbp_decimal *r,
								   vbp_error *err);
/* a / b at numeric's result scale, rounded half away from zero; VBP_EDIVZERO for b = 0 */
extern vbp_errkind vbp_decimal_div(const vbp_decimal *a, const vbp_decimal *b, vbp_decimal *q,
								   vbp_error *err);

/* reference > 0 and selected >= 0, from their signs (-1, 0, 1; NaN counts as 1): else VBP_EPARAM */
extern vbp_errkind vbp_price_cut_check(int reference_sign, int selected_sign, vbp_error *err);

/* one product's terms of vbp.price_cuts */
typedef struct vbp_price_cut_terms
{
	vbp_decimal cut;			/* 1 - selected / reference */
	vbp_decimal reference_value;	/* reference x volume */
	vbp_decimal selected_value; /* selected x volume */
} vbp_price_cut_terms;

/* the terms of one product; VBP_EPARAM for prices vbp_price_cut_check refuses */
extern vbp_errkind vbp_price_cut_row(const vbp_decimal *reference, const vbp_decimal *selected,
									 const vbp_decimal *volume, vbp_price_cut_terms *t,
									 vbp_error *err);

/*
 * Percentile ranks of price cells (price.c), for the price benchmark's change
 * alerts.  A cell is an institution's units and spend of one generic group in
 * one month; the cells of one group are ranked within their month by unit
 * price spend / units truncated to 20 decimal places (as vbp.price_cells
 * gives it: equal prices are equal whatever the quantities), equal prices
 * sharing the lower rank as rank() does.  The percentile is round(100 x below
 * / (peers - 1), 2) in hundredths, floor((20000 below + peers - 1) / (2 (peers
 * - 1))); 0 for a cell alone; none (-1) where the month has fewer than
 * min_peers cells.  The cells are left sorted by institution and month.
 * VBP_EDIVZERO for a cell of 0 units, VBP_EPARAM for two cells of one
 * institution in one month; *at is then the position of the cell.
 */
typedef struct vbp_rank_cell
{
	int64_t		org;			/* the institution, any 64-bit key */
	int64_t		spend;			/* fen */
	int64_t		units;
	int32_t		month;			/* a month number, year x 12 + month - 1 */
	int32_t		hundredths;		/* out: the percentile in hundredths, -1 none */
	vbp_int128_a8 price;		/* out: spend x 10^18 / units, the price in 10^-20 yuan */
} vbp_rank_cell;

extern vbp_errkind vbp_rank_cells(vbp_rank_cell *cells, size_t n, int64_t min_peers, size_t *at,
								  vbp_error *err);

/* ---------------------------------------------------------------------
 * Exact order statistics (stats.c).
 * ---------------------------------------------------------------------
 */
extern void vbp_sort_doubles(double *v, size_t n);
/* percentile_cont semantics over sorted values; n > 0, 0 <= p <= 1 */
extern double vbp_quantile_sorted(const double *v, size_t n, double p);
/*
 * percentile_cont of v[0..n) at fractions p[0..np) into out[np], by selecting
 * the order statistics they need (v is reordered); n > 0.  More than
 * VBP_QUANTILES_MAX fractions sort v instead.
 */
#define VBP_QUANTILES_MAX 16
extern void vbp_quantiles(double *v, size_t n, const double *p, int np, double *out);
/* median and MAD; sorts v, uses scratch[n]; n > 0 */
extern void vbp_median_mad(double *v, size_t n, double *scratch, double *median, double *mad);
/* mean absolute deviation around the median, from vbp_median_mad's scratch */
extern double vbp_meanad(const double *deviations, size_t n);
/*
 * Modified z-score of Iglewicz and Hoaglin, constant x (x - median) / mad:
 * *defined is false when mad is 0 (no spread to measure against), and a
 * negative or NaN mad is VBP_EPARAM.
 */
extern vbp_errkind vbp_robust_z(double x, double median, double mad, double constant,
								bool *defined, double *z, vbp_error *err);

/* ---------------------------------------------------------------------
 * Purchase tally for fulfilment and retention (tally.c): units and spend
 * of selected and other products, payment counts of products in the batch.
 * ---------------------------------------------------------------------
 */
typedef struct vbp_tally
{
	vbp_int128_a8 selected_units;
	vbp_int128_a8 other_units;
	vbp_int128_a8 selected_fen;
	vbp_int128_a8 other_fen;
	int64_t		purchases;		/* purchases of products in the batch */
	int64_t		payments_due;	/* of them, payment due by the date */
	int64_t		paid_on_time;	/* of them, paid within the payment days */
} vbp_tally;

#define VBP_TALLY_WIRE 112		/* serialized size, big-endian */

extern void vbp_tally_init(vbp_tally *t);
extern void vbp_tally_add(vbp_tally *t, int64_t units, int64_t fen, bool selected, bool bid,
						  bool due, bool on_time);
/* one purchase of a cycle as of a date; NULL pointers are missing values */
extern void vbp_tally_add_purchase(vbp_tally *t, int64_t units, int64_t fen, int32_t purchased,
								   const int32_t *accepted, const int32_t *paid, bool selected,
								   bool bid, int32_t cycle_start, int32_t cycle_end, int32_t as_of,
								   const int32_t *payment_days);
extern void vbp_tally_combine(vbp_tally *into, const vbp_tally *from);
extern void vbp_tally_serialize(const vbp_tally *t, unsigned char *wire);
extern vbp_errkind vbp_tally_deserialize(const unsigned char *wire, vbp_tally *t, vbp_error *err);
/* time progress (as_of - start + 1) / (end - start + 1) clipped to [0, 1], as num / den */
extern vbp_errkind vbp_time_progress(int32_t cycle_start, int32_t cycle_end, int32_t as_of,
									 int64_t *num, int64_t *den, vbp_error *err);

/*
 * Fulfilment status (doc/domain.md §4.7), the one statement of the rule: completed
 * if completion c >= 1, on_track if c >= time progress, lagging if c >=
 * lagging factor x time progress, else severely_lagging.  Each threshold is
 * coef x base over the operands below; reaches(ctx, coef, base) answers
 * c >= coef x base in the caller's exact arithmetic (numeric in the glue,
 * 128-bit fractions in vbp_fulfilment_measure) and is asked only what the
 * status needs, in the rule's order.
 */
typedef enum vbp_fulfilment_operand
{
	VBP_FULFILMENT_ONE,			/* 1: the agreed volume, as a completion */
	VBP_FULFILMENT_TIME,		/* time progress */
	VBP_FULFILMENT_LAGGING		/* the lagging factor */
} vbp_fulfilment_operand;

typedef bool (*vbp_fulfilment_reaches) (void *ctx, vbp_fulfilment_operand coef,
										vbp_fulfilment_operand base);
extern const char *vbp_fulfilment_status(vbp_fulfilment_reaches reaches, void *ctx);
/* a 128-bit unit sum as int64, or VBP_ERANGE */
extern vbp_errkind vbp_tally_units(vbp_int128 units, int64_t *out, vbp_error *err);

/* fulfilment measures of one agreement; ratios scaled by 10^VBP_FULFILMENT_SCALE */
#define VBP_FULFILMENT_SCALE 6
/* the factors they take (lagging factor, selected-share floor): at most this in magnitude */
#define VBP_FULFILMENT_FACTOR_MAX 1000
typedef struct vbp_fulfilment
{
	vbp_int128	time_progress;
	vbp_int128	completion;
	const char *status;
	bool		has_share;		/* false: nothing bought */
	vbp_int128	selected_share;
	bool		prefers_selected;
	bool		has_on_time_rate;	/* false: no payment due */
	vbp_int128	on_time_rate;
} vbp_fulfilment;

extern vbp_errkind vbp_decimal_fraction(const char *s, int max_scale, int64_t max_abs,
										int64_t *num, int64_t *den, vbp_error *err);
/*
 * A factor of the fulfilment measures as num / den: a plain decimal of at
 * most VBP_FULFILMENT_SCALE places and VBP_FULFILMENT_FACTOR_MAX in magnitude.
 */
extern vbp_errkind vbp_fulfilment_factor(const char *s, int64_t *num, int64_t *den,
										 vbp_error *err);
extern vbp_errkind vbp_fulfilment_measure(int64_t selected, int64_t other, int64_t due,
										  int64_t on_time, int64_t agreed, int32_t cycle_start,
										  int32_t cycle_end, int32_t as_of, int64_t lag_num,
										  int64_t lag_den, int64_t floor_num, int64_t floor_den,
										  vbp_fulfilment *f, vbp_error *err);
/* a value scaled by 10^scale as decimal text; buf of at least 48 bytes */
extern size_t vbp_format_scaled(vbp_int128 v, int scale, char *buf);

/* ---------------------------------------------------------------------
 * Tabular CUSUM change detection (cusum.c).
 * ---------------------------------------------------------------------
 */
typedef struct vbp_cusum_point
{
	bool		monitored;		/* false: missing value or no baseline */
	int			alert;			/* +1 upward change, -1 downward, 0 none */
	double		mean;			/* baseline mean */
	double		sd;				/* baseline population standard deviation */
	double		up;				/* upper cumulative sum */
	double		down;			/* lower cumulative sum (as a magnitude) */
} vbp_cusum_point;

/*
 * CUSUM over x[0..n) (NaN = missing) with a baseline of `window` values
 * (at least 2), a signal above threshold x sd and a slack of slack x sd;
 * fills out[n].
 */
extern vbp_errkind vbp_cusum(const double *x, size_t n, int64_t window, double threshold,
							 double slack, vbp_cusum_point *out, vbp_error *err);

/* ---------------------------------------------------------------------
 * Supply of an order line (supply.c): the events of one line, in the order
 * they happened, reduced to what the supply reports need.
 * ---------------------------------------------------------------------
 */
typedef enum vbp_order_event_kind
{
	VBP_EV_CONFIRMED = 0,
	VBP_EV_PARTIALLY_CONFIRMED,
	VBP_EV_REFUSED,
	VBP_EV_DELIVERED,
	VBP_EV_CANCELLED,
	VBP_EV_KINDS
} vbp_order_event_kind;

extern const char *const vbp_order_event_names[VBP_EV_KINDS];
/* The kind of an event name (exact, lower case); -1 when it is none. */
extern int	vbp_order_event_kind_of(const char *s, size_t len);

typedef struct vbp_order_event
{
	int32_t		day;			/* the day it happened (any epoch) */
	int32_t		kind;			/* vbp_order_event_kind */
	bool		has_qty;
	int64_t		qty;
	const char *no;				/* the event number, compared by the caller's collation */
	size_t		no_len;
	bool		no_null;		/* no event number: sorts after every number */
	uint32_t	seq;			/* arrival order: the last tie-break */
} vbp_order_event;

/* Compares two event numbers (<0, 0, >0) as text under the caller's rules. */
typedef int (*vbp_text_cmp) (const char *a, size_t alen, const char *b, size_t blen, void *arg);

typedef struct vbp_line_supply
{
	bool		has_responded;	/* first response: confirmed, partially confirmed or refused */
	int32_t		responded_on;
	int32_t		response;		/* the latest response's kind, -1 for none */
	int32_t		response_on;	/* and its day */
	bool		has_confirmed_part;
	int64_t		confirmed_part; /* units of the partial confirmations */
	int64_t		delivered;		/* units delivered, net of goods sent back */
	int64_t		cancelled;		/* units cancelled */
	bool		has_cancelled_on;
	int32_t		cancelled_on;	/* the last cancellation */
	bool		has_first_delivered;
	int32_t		first_delivered_on; /* the first delivery of a positive quantity */
	bool		has_full;
	int32_t		full_on;		/* the first day at whose end the deliveries so far reach ordered - cancelled */
} vbp_line_supply;

/*
 * Sorts ev[0..n) by day, event number (cmp; none after every number), kind,
 * quantity and arrival (in place, heapsort: no allocation, n log n whatever
 * the input) and reduces them for a line of `ordered` units; events alike in
 * all but arrival give the same result in any order.  VBP_ERANGE when a
 * total leaves int64.
 */
extern vbp_errkind vbp_line_supply_compute(vbp_order_event *ev, size_t n, int64_t ordered,
										   vbp_text_cmp cmp, void *cmp_arg,
										   vbp_line_supply *out, vbp_error *err);

/* ---------------------------------------------------------------------
 * Deterministic random numbers for the demo generator (rng.c).
 * ---------------------------------------------------------------------
 */
extern uint64_t vbp_mix64(uint64_t x);
/* Uniform in [0, 1), a pure function of its arguments. */
extern double vbp_uniform(uint64_t seed, uint64_t stream, uint64_t key1, uint64_t key2);

/* ---------------------------------------------------------------------
 * Soft parsers (容错解析) for CSV exports (parse.c): integers, decimals and
 * dates as spreadsheets write them.  Blanks around the value (ASCII white
 * space, U+00A0, the ideographic space U+3000) are trimmed; bad input fails
 * with VBP_ESYNTAX or VBP_ERANGE and a detail saying why.
 * ---------------------------------------------------------------------
 */
#define VBP_DECIMAL_MAXDIGITS 1000
/* a sign, a lone 0 before the point, the digits, the point and the NUL */
#define VBP_DECIMAL_BUFLEN (VBP_DECIMAL_MAXDIGITS + 4)

/* Strips ASCII white space, U+00A0 and U+3000 from both ends; returns the new len. */
extern size_t vbp_parse_trim(const char **s, size_t len);
/* [sign] digits [,ddd ...] [.0...]: a fraction other than zeros, or scientific notation, is refused */
extern vbp_errkind vbp_parse_int(const char *s, size_t len, int64_t *out, vbp_error *err);
/*
 * [sign] [¥|￥|RMB|CNY] [sign] digits [,ddd ...] [.digits] [元], written to buf
 * (buflen bytes; VBP_DECIMAL_BUFLEN always suffices) as [-]digits[.digits]
 * with the integer part's leading zeros removed; at most
 * VBP_DECIMAL_MAXDIGITS digits.
 */
extern vbp_errkind vbp_parse_decimal(const char *s, size_t len, char *buf, size_t buflen,
									 vbp_error *err);
/*
 * YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日, optionally with a
 * time of day (checked, then ignored); a date that exists, years 1990 to 2199.
 */
extern vbp_errkind vbp_parse_date(const char *s, size_t len, int *year, int *month, int *day,
								  vbp_error *err);

#endif							/* VBP_CORE_H */
