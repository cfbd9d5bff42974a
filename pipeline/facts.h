/* facts.h -- case facts: creatine kinase values with their units, patient
 * age and sex, found in a document's text with PCRE2 patterns.
 *
 * The patterns run over the normalised text (text.h: lower case, dashes as
 * '-', µ and μ as "mu", × as '#'); every offset in a fact is a byte offset
 * into the document's original text, like a mention's.  Every rule is
 * written in docs/outputs.md ("facts.tsv"); in short:
 *  - ck: total creatine kinase (CK, CPK, creatine (phospho)kinase), never
 *    CK-MB/-BB/-MM/-MI, creatinine or cytokeratins, followed only by linking
 *    words ("level of", "was", "peaked at", "(") and a number or a range
 *    with an optional unit, or preceded by a number with its unit: U/L and
 *    IU/L (U/L), µkat/L (x 60 -> U/L), multiples of the upper limit of
 *    normal ("x ULN", "times the upper limit of normal", "-fold"; unit
 *    xULN).  A word of negation or comparison between the term and the
 *    number stops it; so does "if", "normal", "reference", "cut-off", ...
 *    just before the term.  A number without a unit is in U/L when the
 *    document writes a CK value in U/L.
 *    Numbers: a comma followed by exactly three digits (and no fourth) is a
 *    thousands separator ("14,250" = 14250); any other comma between digits
 *    is a decimal comma ("4,2" = 4.2); a thin or no-break space between
 *    groups of three digits separates thousands, a plain space never.
 *  - age: "N-year-old", "N years old", "N years of age", "aged N", "at the
 *    age of N", "N yo", months/weeks/days for children (in years, 2
 *    decimals), "in his fifties" (a range), "mean/median age N" (cohort);
 *    no bounds ("older than 65"), relatives ("his 30-year-old son") or
 *    sentences about animals.
 *  - sex: a singular patient noun after an article ("a 58-year-old woman",
 *    "a male patient"), a pronoun after the patient noun of its sentence
 *    (no other person between them), and cohort counts ("12 women and 5
 *    men", statistic count).
 * Each sentence is first scanned once for the literals each family needs;
 * a family's patterns run only where they occur.
 *
 * Thread safety: a mm_facts (the compiled patterns) is read-only after
 * mm_facts_new() and shared by all threads; each thread owns its
 * mm_facts_ctx (match data and results). */
#ifndef MM_FACTS_H
#define MM_FACTS_H

#include "doc.h"
#include "text.h"

typedef enum { MM_FACT_CK = 0, MM_FACT_AGE, MM_FACT_SEX } mm_fact_kind;

typedef enum {
	MM_FST_VALUE = 0, MM_FST_PEAK, MM_FST_MEAN, MM_FST_MEDIAN, MM_FST_RANGE_LOW, MM_FST_RANGE_HIGH, MM_FST_COUNT
} mm_fact_stat;

/* Normalised units. */
typedef enum {
	MM_FU_NONE = 0, MM_FU_UL, MM_FU_ULN, MM_FU_YEARS, MM_FU_FEMALE, MM_FU_MALE
} mm_fact_unit;

extern const char *const mm_fact_kind_name[];  /* "ck", "age", "sex" */
extern const char *const mm_fact_stat_name[];  /* "value", "peak", ... */
extern const char *const mm_fact_unit_name[];  /* "", "U/L", "xULN", "years", "female", "male" */

typedef struct {
	uint8_t kind, stat, unit;   /* mm_fact_kind, mm_fact_stat, mm_fact_unit */
	uint8_t has_value;          /* 0: no normalised value (a CK number without a unit) */
	uint32_t sent, sec;         /* 0-based sentence and section */
	uint32_t start, end;        /* the fact's span, original byte offsets */
	uint32_t vs, ve;            /* the value as written (sex: the noun) */
	uint32_t us, ue;            /* the unit as written; us == ue: none */
	double value;               /* normalised; sex: 0 (the unit says which) */
} mm_fact;

/* What a document contributes to facts.summary.tsv. */
typedef struct {
	double ck, uln, age;        /* peak CK in U/L, peak xULN, the patient's age */
	uint8_t has_ck, has_uln, has_age;
	uint8_t sex;                /* 0 none, MM_FU_FEMALE or MM_FU_MALE */
} mm_facts_doc;

typedef struct mm_facts mm_facts;
typedef struct mm_facts_ctx mm_facts_ctx;

/* Compile the patterns (JIT where available): NULL with a message in err
 * when a pattern does not compile (a bug). */
mm_facts *mm_facts_new(mm_buf *err);
void mm_facts_free(mm_facts *fx);            /* NULL is a no-op */
mm_facts_ctx *mm_facts_ctx_new(const mm_facts *fx);
void mm_facts_ctx_free(mm_facts_ctx *c);     /* NULL is a no-op */

/* The facts of document d (t built from d by mm_text_build()), in text
 * order; *out points into c and stays valid until the next call. */
size_t mm_facts_extract(mm_facts_ctx *c, const mm_doc *d, const mm_text *t, const mm_fact **out);

/* A document's summary: the peak of its CK values (statistics value, peak,
 * range_high) in U/L and in xULN; its age (the first value, else the first
 * mean or median, else the middle of the first range); its sex (the first
 * singular patient noun or pronoun). */
void mm_facts_summarise(const mm_fact *f, size_t n, mm_facts_doc *s);

/* facts.tsv lines of d's facts: pmid, section, sentence, start, end, kind,
 * statistic, value, unit, normalised value, normalised unit, text. */
void mm_facts_format(mm_buf *o, const mm_doc *d, const mm_fact *f, size_t n);

/* A normalised value as written in facts.tsv ("%.10g"). */
void mm_facts_put_number(mm_buf *o, double v);

#endif
