/* report_int.h -- internals of `myomine report`: the parsers of a finished
 * output directory's files and the model the HTML is drawn from.
 *
 * The parsers read a file's bytes from memory (buf, len: not necessarily
 * NUL-terminated) and check them as a run writes them (docs/outputs.md):
 * the header line, the number of tab-separated fields, numbers where numbers
 * belong, sort order, ids known to entities.tsv and a final newline.  A
 * parser returns 0 (or a count >= 0) on success and -1 with a message into
 * err naming the file and line ("pairs.tsv:12: ...") on the first fault; it
 * never prints, never exits and never reads outside buf[0..len).  Rows are
 * handed to the caller's callback as they are read, so a file of any size
 * is read once without being held.  Nothing here is shared between threads;
 * one model belongs to one caller.  Public entry points: report.h. */
#ifndef MM_REPORT_INT_H
#define MM_REPORT_INT_H

#include "util.h"

#include <stddef.h>
#include <stdint.h>

/* one concept of entities.tsv */
typedef struct {
	char *id, *type, *name;       /* owned by the model */
	uint64_t docs, sents, mentions, negated;
	int t;                        /* index into rp_model.types */
	int rank;                     /* place within its type by documents (0 = most), -1 when never seen */
	uint64_t year_sum;            /* documents summed over entities.by-year.tsv */
} rp_ent;

typedef struct {
	rp_ent *e;
	size_t n_e;
	char **types;                 /* sorted, distinct */
	int n_type;
	size_t *n_of_type;            /* concepts per type */
	size_t *seen_of_type;         /* concepts per type with documents > 0 */
	uint32_t *order;              /* per type, its concepts by rank: order + type_off[t] */
	size_t *type_off;
	uint32_t *hash;               /* id -> index + 1, open addressing */
	size_t hcap;
} rp_model;

/* one line of pairs.tsv: a, b index the model (id_a < id_b) */
typedef struct {
	uint32_t a, b;
	uint64_t docs, sents;
	double npmi, lor, lo, hi, q, log10p;
} rp_pair;

/* one line of evidence.tsv (text NULL/0 without a text column or when empty) */
typedef struct {
	uint32_t a, b;
	int rank, year;               /* year 0 = unknown */
	uint64_t pmid;
	uint32_t sent;
	const char *text;
	size_t text_len;
} rp_evid;

/* one line of a by-year file; b = UINT32_MAX for entities.by-year.tsv,
 * year 0 = "unknown" */
typedef struct {
	int year;
	uint32_t a, b;
	uint64_t docs;
} rp_year;

/* entities.tsv into an empty (zeroed) model: every concept, types, ranks.
 * Returns the number of concepts, or -1. */
long rp_entities_parse(rp_model *m, const char *name, const char *buf, size_t len, mm_buf *err) MM_WUR;
void rp_model_free(rp_model *m);
/* index of id (n bytes) in the model, or -1 */
long rp_model_find(const rp_model *m, const char *id, size_t n);

/* pairs.tsv against the model.  fn (may be NULL) is called for each line.
 * Returns the number of pairs, or -1. */
typedef void (*rp_pair_fn)(void *ud, const rp_pair *p);
long rp_pairs_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_pair_fn fn, void *ud, mm_buf *err) MM_WUR;

typedef void (*rp_evid_fn)(void *ud, const rp_evid *e);
long rp_evidence_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_evid_fn fn, void *ud, mm_buf *err) MM_WUR;

/* years.tsv (a = b = UINT32_MAX), entities.by-year.tsv (pairs = 0) or
 * pairs.by-year.tsv (pairs = 1).  entities.by-year.tsv also fills
 * e[].year_sum. */
typedef void (*rp_year_fn)(void *ud, const rp_year *y);
long rp_years_parse(const char *name, const char *buf, size_t len, rp_year_fn fn, void *ud, mm_buf *err) MM_WUR;
long rp_byyear_parse(rp_model *m, int pairs, const char *name, const char *buf, size_t len, rp_year_fn fn, void *ud, mm_buf *err) MM_WUR;

/* one line of facts.summary.tsv (--facts): c indexes the model; k = 0 CK in
 * U/L, 1 CK in xULN, 2 age in years: n[k] documents with the value, its
 * median and quartiles (when n[k] > 0) */
typedef struct {
	uint32_t c;
	uint64_t docs, n[3], fem, mal;
	double med[3], q1[3], q3[3];
} rp_fact;
typedef void (*rp_fact_fn)(void *ud, const rp_fact *f);
long rp_facts_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_fact_fn fn, void *ud, mm_buf *err) MM_WUR;

/* A JSON value (summary.json).  Members of an object keep their order. */
enum { RJ_NULL, RJ_BOOL, RJ_NUM, RJ_STR, RJ_ARR, RJ_OBJ };
typedef struct rp_json {
	int kind;
	double num;                   /* RJ_NUM; RJ_BOOL: 0 or 1 */
	char *str;                    /* RJ_STR (NUL-terminated UTF-8; may hold NUL as \u0000 -> replaced by a space) */
	char *key;                    /* the member name when inside an object */
	struct rp_json *kid;          /* RJ_ARR, RJ_OBJ */
	size_t n;
} rp_json;

/* Parse one JSON value (and nothing after it but white space); depth is
 * limited to 64.  NULL with "NAME: byte N: ..." in err on a fault. */
rp_json *rp_json_parse(const char *name, const char *buf, size_t len, mm_buf *err) MM_WUR;
void rp_json_free(rp_json *j);
/* member KEY of object o (NULL when o is not an object or has no such key) */
const rp_json *rp_json_get(const rp_json *o, const char *key);
/* the number / string at o.key, or def */
double rp_json_num(const rp_json *o, const char *key, double def);
const char *rp_json_str(const rp_json *o, const char *key, const char *def);

/* ---- what the page shows (filled by report.c, drawn by report_html.c) ---- */

#define RP_HEAT_ROWS   20      /* concepts per heatmap side (rows) */
#define RP_HEAT_COLS   25      /* and columns */
#define RP_MAX_HEAT    16      /* heatmaps */
#define RP_PIVOTS      10      /* profiled concepts */
#define RP_PROF_K      8       /* partners per profile and type */
#define RP_TOP_PAIRS   200     /* rows of the top pairs table */
#define RP_EVID_SHOW   5       /* PMIDs per pair */
#define RP_TEXT_MAX    400     /* bytes of a shared sentence */
#define RP_TREND_TYPE  4       /* trend charts per type */
#define RP_TREND_PAIRS 6       /* trend charts of pairs */
#define RP_TREND_YEARS 80      /* years on the shared axis */
#define RP_NEG_ROWS    40      /* rows of the negation table */
#define RP_FACT_ROWS   30      /* antibodies of the case facts panel */
#define RP_INPUTS      100     /* input files listed (failures first) */
#define RP_SIG_Q       0.05    /* significance after Benjamini-Hochberg */

typedef struct {
	int ta, tb;                  /* row type <= column type */
	uint32_t nr, nc, *row, *col; /* shown concepts, by rank */
	rp_pair *cell;               /* nr x nc; docs == 0: no pair */
} rp_heat;

typedef struct {
	rp_pair *a;                  /* a = the profiled concept, b = the partner */
	size_t n, m;
} rp_plist;

typedef struct {
	rp_pair p;                   /* p.a < p.b as in pairs.tsv */
	int n_ev;
	uint64_t pmid[RP_EVID_SHOW];
	int year[RP_EVID_SHOW];
	char *text;                  /* the first shared sentence (capped), or NULL */
	uint64_t text_pmid;
	uint64_t year_sum;
} rp_top;

typedef struct {
	uint32_t a, b;               /* b = UINT32_MAX: a concept; a = b = UINT32_MAX: all documents */
	uint64_t *v;                 /* documents per year of the axis */
	uint64_t total, outside;     /* all documents; those outside the axis (or unknown year) */
} rp_series;

typedef struct {
	const char *outdir;
	rp_json *sum;
	rp_model m;
	int sentence_level, keep_negated;
	long n_pairs, n_evid;
	int has_evidence, has_text, has_years, has_pair_years;
	/* heatmaps */
	int n_heat, n_heat_all;      /* shown, type pairs that have pairs */
	rp_heat heat[RP_MAX_HEAT];
	int *heat_of;                /* n_type x n_type -> index into heat, or -1 */
	uint64_t *tp_pairs, *tp_sig; /* n_type x n_type (row <= col): pairs, significant pairs */
	/* profiles */
	int pivot_t;                 /* the profiled type, or -1 */
	int n_piv;
	uint32_t piv[RP_PIVOTS];
	int *piv_of;                 /* concept -> profile, or -1 */
	rp_plist *plist;             /* n_piv x n_type */
	int cmp_a, cmp_b;            /* the two profiles shown side by side */
	/* top pairs */
	rp_top *top;
	int n_top;
	rp_pair trend_pair[RP_TREND_PAIRS];
	int n_trend_pair;
	/* trends */
	int y0, ny;                  /* axis: years y0 .. y0 + ny - 1 */
	uint64_t unknown_year;
	rp_series *ser;              /* [0] all documents, then concepts, then pairs */
	int n_ser;
	/* case facts (facts.summary.tsv): the antibodies with a fact, most documents first */
	int has_facts;
	rp_fact *facts;
	int n_facts;
} rp_report;

/* the page, appended to *o (report_html.c) */
void rp_html(const rp_report *r, mm_buf *o);
/* its panels after the heatmaps (report_panels.c) */
void rp_profiles_panel(const rp_report *r, mm_buf *o);
void rp_pairs_panel(const rp_report *r, mm_buf *o);
void rp_trends_panel(const rp_report *r, mm_buf *o);
void rp_negation_panel(const rp_report *r, mm_buf *o);
void rp_facts_panel(const rp_report *r, mm_buf *o);

/* helpers of both (report_html.c): n bytes of s escaped for HTML text and
 * attributes (invalid UTF-8 as U+FFFD, control characters as spaces); s
 * cut to max characters; the display name of concept i; numbers with dec
 * decimals; a q-value; a sort key; the colour of a value of statistic
 * stat (0 count, 1 NPMI, 2 lower bound of ln OR; max: the largest count) */
void rp_esc(mm_buf *o, const char *s, size_t n);
void rp_escs(mm_buf *o, const char *s);
void rp_esc_cut(mm_buf *o, const char *s, int max);
const char *rp_name(const rp_report *r, uint32_t i);
void rp_num(mm_buf *o, double x, int dec);
void rp_q(mm_buf *o, double q);
void rp_sortv(mm_buf *o, double x);
void rp_colour(char out[8], int stat, double v, double max);
extern const char *const rp_stat_name[3];

#endif
