/* matchpriv.h -- the matcher's state, shared by match.c (candidates,
 * selection) and abbrev.c (abbreviations defined in a document).  Private
 * to those files; match.h is the interface. */
#ifndef MM_MATCHPRIV_H
#define MM_MATCHPRIV_H

#include "match.h"
#include "lexpriv.h"

enum { C_REJECT = 0, C_ACCEPT = 1, C_PENDING = 2 };

typedef struct {
	uint32_t s, e;       /* normalised text range */
	uint32_t concept;
	uint32_t sent;
	uint32_t tok;        /* index of the first token */
	uint8_t flags, state;
} cand;

struct mm_matcher {
	const mm_lexicon *lx;
	pcre2_match_data *md;
	pcre2_match_context *mc; /* its offset limit: the end of the range scan_pattern() searches */
	pcre2_match_context *mc_at; /* for the anchored code: the limits, no offset limit */
	pcre2_jit_stack *js;    /* JIT stack of both contexts */
	uint64_t *limit_hits;   /* per pattern: start positions given up at a limit */
	cand *c;
	size_t n, m;
	mm_mention *out;
	size_t n_out, m_out;
	mm_buf tmp;
	uint64_t *mark;         /* per sentence: patterns to run over it */
	size_t m_mark;
};

/* The index of the first token starting at or after pos. */
static inline uint32_t token_at(const mm_text *t, uint32_t pos)
{
	size_t lo = 0, hi = t->tok_s.n;
	while (lo < hi) { size_t mid = (lo + hi) / 2; if (t->tok_s.a[mid] < pos) lo = mid + 1; else hi = mid; }
	return (uint32_t)lo;
}

/* The order of the mentions output (match.h): by start, an outer span
 * before one nested in it, then by concept. */
static inline int cmp_mention(const void *x, const void *y)
{
	const mm_mention *a = x, *b = y;
	if (a->start != b->start) return a->start < b->start ? -1 : 1;
	if (a->end != b->end) return a->end > b->end ? -1 : 1; /* an outer span before one nested in it */
	return a->concept < b->concept ? -1 : a->concept > b->concept;
}

/* abbrev.c: abbreviations defined in the document (Schwartz & Hearst 2003,
 * and the forms docs/accuracy.md lists): a short form defined after a
 * mention's long form becomes a mention of its concept there and at every
 * later use; it runs after selection, over m->out. */
void mm_match_abbreviations(mm_matcher *m, const mm_doc *d, const mm_text *t);

#endif
