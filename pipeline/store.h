/* store.h -- the document store and co-occurrence counts.
 *
 * PubMed update semantics: records are applied in processing order (files
 * sorted by name, records in file order).  A record replaces an earlier one
 * with the same PMID unless it has a lower Version; <DeleteCitation>
 * withdraws a PMID.  Only the final version of each PMID counts.  The store
 * keeps per-document concept hits for documents with mentions (needed to
 * undo a superseded version and to count sentence-level pairs) and, for
 * every PMID seen, whether it is live and has an abstract, its sentence
 * count and year: in a hash table (about 32 bytes per PMID) where PMIDs are
 * spread out, and in bit sets and byte arrays over pages of 65,536 PMIDs
 * (2.4 bytes per PMID of a full page) where 4,096 or more of a page are
 * seen.  Memory follows the number of PMIDs, never their values.  A PMID
 * is any id from 1 to 2^63 - 1 (mm_parse_pmid).
 *
 * The store is not thread-safe: the pipeline applies records serially, in
 * order, after the parallel parse/match step. */
#ifndef MM_STORE_H
#define MM_STORE_H

#include "util.h"
#include <stdint.h>

typedef struct {
	uint32_t concept, sent, sec;
	uint32_t n;        /* mentions of the concept in that sentence, not negated */
	uint32_t neg;      /* negated mentions */
} mm_hit;             /* counting uses n (+ neg with keep_negated); a hit whose count is 0 takes no part in co-occurrence */

/* sent and sec of a document-level hit: a concept of the document as a
 * whole (a MeSH heading with --with-mesh), in no sentence and no section,
 * with n = 1 and neg = 0.  It counts as a document of its concept and in
 * the document-level pairs it forms with the document's other concepts --
 * those in sentences, never another document-level one -- and nowhere
 * else (no sentences, mentions or sentence and section pairs). */
#define MM_HIT_DOC 0xFFFFFFFFu

typedef struct mm_store mm_store;

#define MM_STORE_FILTER_BITS 16

typedef struct {
	uint64_t applied;          /* article records applied */
	uint64_t superseded;       /* records replaced by a later or newer version */
	uint64_t older_ignored;    /* records ignored because a newer Version was seen */
	uint64_t delete_listed;    /* PMIDs listed in DeleteCitation */
	uint64_t deleted;          /* live documents withdrawn by DeleteCitation */
	uint64_t live;             /* documents in the result */
	uint64_t live_abstract;    /* ... of which with an abstract */
	uint64_t live_sentences;   /* sentences of the live documents */
	uint64_t filtered;         /* live documents that fail the filters (mm_store_filter_out) */
	uint64_t filtered_sentences;
	uint64_t filtered_by[MM_STORE_FILTER_BITS]; /* ... that fail filter k (bit 1 << k of their mask) */
} mm_store_stats;

/* A new, empty store; never NULL (allocation failure exits, util.h). */
mm_store *mm_store_new(void);
/* Free s and everything it holds (NULL is a no-op). */
void mm_store_free(mm_store *s);

/* Apply one article. hits (those in sentences sorted by concept, then sentence; MM_HIT_DOC hits in any order) are copied.
 * seq is the record's processing rank. Returns 1 if the record was applied,
 * 0 if it was ignored (an older version): both are outcomes, not errors,
 * and are counted in the store's stats. */
int mm_store_article(mm_store *s, uint64_t pmid, int version, int year, int has_abstract, uint32_t n_sent,
                     const mm_hit *hits, uint32_t n_hit, uint64_t seq);
/* The article just applied for pmid (mm_store_article returned 1) fails the
 * filters of mask (bits below 1 << MM_STORE_FILTER_BITS): it stays the
 * final version of pmid (a later record or a deletion replaces it as
 * usual) but is no document of the counts: apply it without hits.  The
 * counts' documents, sentences and years are those of the documents that
 * pass. */
void mm_store_filter_out(mm_store *s, uint64_t pmid, unsigned mask);
/* 1 when pmid is live and its final version passes the filters. */
int mm_store_passes(const mm_store *s, uint64_t pmid) MM_WUR;
/* Withdraw pmid (DeleteCitation); a PMID not live is only counted. */
void mm_store_delete(mm_store *s, uint64_t pmid);
/* The store's running counts (owned by the store). */
const mm_store_stats *mm_store_get_stats(const mm_store *s);

/* 1 when seq is the final, live record of pmid, else 0 (used to filter
 * spooled mentions). */
int mm_store_is_final(const mm_store *s, uint64_t pmid, uint64_t seq) MM_WUR;

/* Renumber every concept the store holds: concept c becomes map[c] (the
 * order of the outputs once every concept is known, --with-mesh). */
void mm_store_renumber(mm_store *s, const uint32_t *map);
/* used[c] = 1 for every concept c of a live document (used has room for
 * every concept index the store holds; the rest is left as it is). */
void mm_store_concepts_used(const mm_store *s, uint8_t *used);

/* Counts over the final documents (count.c). */
typedef struct {
	uint32_t a, b;             /* concept indexes, a < b */
	uint64_t docs, sents;      /* documents, sentences with both */
	uint64_t sec_docs;         /* documents where they share a section */
	uint64_t sent_docs;        /* documents where they share a sentence */
} mm_pair;

typedef struct {
	int year;                  /* 0 = unknown */
	uint32_t a, b;             /* b = MM_NO_CONCEPT: counts of concept a alone */
	uint64_t docs;
} mm_yearcount;
#define MM_NO_CONCEPT 0x0FFFFFFFu

typedef struct {
	uint64_t pmid;             /* 0 = empty slot */
	int year;
	uint32_t sent;             /* 1-based sentence shared by both, 0 = none */
} mm_evidence;

typedef struct {
	int by_year;               /* fill year[] */
	int evidence;              /* keep this many documents per pair */
	int keep_negated;          /* negated mentions count like the others */
} mm_count_opts;

typedef struct {
	int n_concept;
	uint64_t *c_docs, *c_sents, *c_mentions, *c_negated;
	mm_pair *pair;             /* sorted by (a, b) */
	size_t n_pair;
	uint64_t n_docs;           /* live documents */
	uint64_t n_sents;          /* sentences of the live documents */
	uint64_t docs_with_mentions;
	uint64_t docs_indexed;     /* live documents with a document-level concept */
	uint64_t mentions;
	uint64_t negated;
	uint64_t year_docs[256];   /* live documents per year code (mm_year_code) */
	mm_yearcount *year;        /* sorted by (year, a, b); concept rows have b = MM_NO_CONCEPT */
	size_t n_year, m_year;
	mm_evidence *evidence;     /* evidence_k slots per pair, most recent first */
	int evidence_k;
} mm_counts;

/* Count over the final documents into out (overwritten; the caller frees
 * it with mm_counts_free). opt may be NULL (no by-year, no evidence).
 * Never fails; s is only read. */
void mm_store_count(const mm_store *s, int n_concept, const mm_count_opts *opt, mm_counts *out);
/* Years are kept as codes 1..255 for 1800..2054; 0 is unknown (and any
 * year out of that range). */
uint32_t mm_year_code(int year);
int mm_year_of_code(uint32_t code);
/* Free what c holds and zero it. */
void mm_counts_free(mm_counts *c);

#endif
