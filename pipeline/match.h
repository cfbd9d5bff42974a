/* match.h -- find lexicon mentions in a document.
 *
 * At every token start the trie is walked over the normalised text (spaces
 * and hyphens skipped where the lexicon allows them); a match must end on a
 * token boundary and stay inside one sentence.  PCRE2 pattern entries add
 * candidates.  Case-sensitive entries are checked against the original
 * text; {ctx} entries need antibody context (an anti-/antibody wrapper, an
 * antibody word within 8 tokens in the sentence, or coordination -- only
 * commas, "and", "or", "/" between -- with an accepted antibody mention).
 * Overlaps are resolved leftmost-longest; one span may carry several
 * concepts when the lexicon says so.  A candidate inside a kept span is
 * kept too (nested) when its type differs from every concept of that span
 * and the span does not come from a {whole} name: "statin" in
 * "statin-associated autoimmune myopathy" is a drug mention inside the
 * disease mention.  Nested candidates of one type are again
 * leftmost-longest.
 *
 * Abbreviations (Schwartz & Hearst 2003): "long form (SF)" makes SF, there
 * and later in the document, a mention of the long form's concept; a
 * lexicon mention of SF with another sense is dropped in the document.
 *
 * Negation: negate.h.
 *
 * A mm_matcher is per thread; the lexicon it points to is shared. */
#ifndef MM_MATCH_H
#define MM_MATCH_H

#include "lexicon.h"
#include "text.h"

typedef struct {
	uint32_t start, end;   /* byte offsets in the document text */
	uint32_t concept;
	uint32_t sent;         /* 0-based sentence of the document */
	uint32_t sec;          /* section index */
	uint32_t tok0, tok1;   /* its tokens [tok0, tok1) */
	int negated;           /* inside a negation scope (NegEx-style) */
} mm_mention;

typedef struct mm_matcher mm_matcher;

/* PCRE2 limits of one pattern search (lexicons/README.md): the match
 * limit (backtracking steps), the depth limit (the interpreter's
 * backtracking depth) and the largest JIT stack. A start position where a
 * search gives up at one of them is counted (mm_matcher_limit_hits). */
#define MM_RE_MATCH_LIMIT 1000000
#define MM_RE_DEPTH_LIMIT 100000
#define MM_RE_JIT_STACK (1024 * 1024)

/* A matcher over lx, which must outlive it; never NULL (allocation failure
 * exits, util.h). One per thread. */
mm_matcher *mm_matcher_new(const mm_lexicon *lx);
/* Free m (NULL is a no-op); the lexicon is not touched. */
void mm_matcher_free(mm_matcher *m);
/* Per pattern (lx->pattern_concept order, lx->n_pattern entries): the
 * start positions where a search of that pattern gave up at a PCRE2 limit
 * (catastrophic backtracking), so that a match starting there may be lost,
 * summed over every mm_match() call of m. Owned by m. */
const uint64_t *mm_matcher_limit_hits(const mm_matcher *m);

/* Match document d whose text has been built into t. Returns the number of
 * mentions (0 or more: matching never fails); *out points to them (owned by
 * the matcher, valid until the next call), sorted by start offset, then end
 * offset (longest first: an outer mention before one nested in it), then
 * concept. */
size_t mm_match(mm_matcher *m, const mm_doc *d, const mm_text *t, const mm_mention **out) MM_WUR;

#endif
