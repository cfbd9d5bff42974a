/* filter.h -- the document filters: --mesh, --mesh-major, --pubtype,
 * --lang, --journal, --years, --pmids, --exclude-pmids, --require.
 *
 * A filter set holds one filter per kind, each a list of accepted values
 * (an option given twice adds to its list).  A document passes a filter
 * when any value of its list matches (OR), and passes the set when it
 * passes every filter given (AND).  The verdict is a mask of the filters a
 * document fails (bit 1 << kind): 0 means it passes.  The functions that
 * judge a document are pure and thread-safe; building a set is not.
 *
 * Matching (docs/myomine.1 states the contract):
 *  - --mesh: a MeSH heading's descriptor UI (D009220) or name (Myositis),
 *    case-insensitive; --mesh-major: only headings that are major topics
 *    (the descriptor or any of its qualifiers marked major);
 *  - --pubtype: a publication type's UI or name; --lang: a language code;
 *    --journal: the NlmUniqueID, the MedlineTA or the ISO abbreviation
 *    (case and full stops ignored); --years: FROM <= year <= TO (a
 *    document without a year fails);
 *  - --pmids: the PMID is listed; --exclude-pmids: it is not;
 *  - --require: the document has a mention (not negated unless
 *    keep_negated) of one of the concepts, given by id or by type. */
#ifndef MM_FILTER_H
#define MM_FILTER_H

#include "doc.h"
#include "store.h"
#include "lexicon.h"
#include "util.h"

typedef enum {
	MM_FILT_MESH, MM_FILT_MESH_MAJOR, MM_FILT_PUBTYPE, MM_FILT_LANG, MM_FILT_JOURNAL, MM_FILT_YEARS,
	MM_FILT_PMIDS, MM_FILT_EXCLUDE, MM_FILT_REQUIRE, MM_FILT_N
} mm_filter_kind;

/* The option of each kind: "--mesh", ... */
extern const char *const mm_filter_option[MM_FILT_N];
/* The kinds that need the indexing of a record (PubTator has none). */
#define MM_FILT_META_KINDS (1u << MM_FILT_MESH | 1u << MM_FILT_MESH_MAJOR | 1u << MM_FILT_PUBTYPE | \
                            1u << MM_FILT_LANG | 1u << MM_FILT_JOURNAL | 1u << MM_FILT_YEARS)

typedef struct mm_filter mm_filter;

/* A new, empty set (no filter: every document passes); never NULL. */
mm_filter *mm_filter_new(void);
void mm_filter_free(mm_filter *f);

/* Add the value of an option of kind k: a LIST (items separated by ';', or
 * by ',' not followed by a space, so that "Myositis, Inclusion Body" is one
 * name), FROM-TO for --years, a FILE of PMIDs (one a line; blank lines and
 * '#' comments allowed; gzip read) for --pmids and --exclude-pmids.
 * Returns 0; 1 when the value is accepted with a warning (an unknown
 * publication type), which is then in err; -1 with a message in err naming
 * the value (and file:line) when it is invalid. */
MM_WUR int mm_filter_add(mm_filter *f, mm_filter_kind k, const char *value, mm_buf *err);

/* The mask of the kinds given (0: no filter). */
unsigned mm_filter_kinds(const mm_filter *f);

/* What filter k is, for summary.json: the values as given (value; a file
 * option gives its path and PMID count), and a canonical key (sorted,
 * lower-case names; a PMID file's count and fingerprint, not its path)
 * that two runs with the same filter share.  Both are owned by f. */
const char *mm_filter_value(const mm_filter *f, mm_filter_kind k);
const char *mm_filter_key(const mm_filter *f, mm_filter_kind k);

/* Filter k as described by its key only (myomine merge: the filters of
 * the partial results), for mm_filter_value and mm_filter_key; such a set
 * judges nothing. */
void mm_filter_describe(mm_filter *f, mm_filter_kind k, const char *key);

/* --require: its concept ids and types looked up in lx (which must
 * outlive f's use).  0, or -1 with a message naming an unknown value. */
MM_WUR int mm_filter_resolve(mm_filter *f, const mm_lexicon *lx, mm_buf *err);

/* The filters but --require that d fails (a mask; 0 passes).  The
 * indexing filters need d parsed with want_meta. */
unsigned mm_filter_doc(const mm_filter *f, const mm_doc *d);
/* --require over a document's hits (after mm_filter_resolve): its bit, or 0. */
unsigned mm_filter_hits(const mm_filter *f, const mm_hit *hit, uint32_t n_hit, int keep_negated);

#endif
