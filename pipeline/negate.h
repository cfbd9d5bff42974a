/* negate.h -- which mentions of a document are negated.
 *
 * NegEx-style (Chapman et al. 2001): a mention is negated when it lies in
 * the scope of a trigger in its sentence -- after a pre-trigger ("no",
 * "without", "negative for", "ruled out", "denies", ...) or before a
 * post-trigger ("were negative", "was absent", "unlikely", ...); a scope
 * ends at the sentence end, at ';', ':' or ')', at a conjunction (but,
 * however, although, ...), after 4 words that are not mentions or list
 * words (a mention with at most 4 such words between it and the trigger is
 * in the scope), and, going backwards, at "positive".  Pseudo-triggers
 * ("no increase", "not only", "gram negative", ...) are not negations. */
#ifndef MM_NEGATE_H
#define MM_NEGATE_H

#include "match.h"

/* Set the negated flag of each of the n mentions mt (those of one
 * document, sorted by start, as mm_match() makes them; the flags must be 0
 * on entry) whose text t is the document's.  Only sets flags, never
 * clears one.  Thread-safe: the trigger lists are compiled once, on the
 * first call (pthread_once), and read only afterwards. */
void mm_negate(const mm_text *t, mm_mention *mt, size_t n);

#endif
