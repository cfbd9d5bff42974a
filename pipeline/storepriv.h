/* storepriv.h -- private to the store (store.c) and its counting (count.c):
 * what the store keeps of a document with concepts. */
#ifndef MM_STOREPRIV_H
#define MM_STOREPRIV_H

#include "store.h"

/* A document that has (or had) concepts.  Its hits in sentences (sorted by
 * concept, then sentence) and its document-level concepts (MM_HIT_DOC
 * hits, kept as bare concept indexes, sorted): 4 bytes per indexing term,
 * not a whole mm_hit. */
typedef struct {
	uint64_t pmid;
	uint64_t seq;
	uint32_t n_hit, n_cx;
	int year;
	int live;
	mm_hit *hit;
	uint32_t *cx;
} mm_docent;

/* The documents the store holds concepts for (live or not), and the live
 * documents per year code. */
const mm_docent *mm_store_docents(const mm_store *s, size_t *n);
const uint64_t *mm_store_year_docs(const mm_store *s);

#endif
