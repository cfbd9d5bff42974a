/* negate.h -- which mentions of a document are negated.
 *
 * A trigger / pseudo-trigger / scope-terminator model in the spirit of
 * NegEx and ConText (Chapman et al. 2001, 2007), adapted to abstracts.
 * The word lists are rules (mm_negrules) read from negation.txt in the
 * lexicon directory (lexicons/README.md gives the format and each kind);
 * without that file the built-in rules apply, which are the shipped file's.
 * In a sentence:
 *   - a pseudo-trigger ("not only", "no difference", "with or without",
 *     "but not") negates nothing, and its words trigger nothing;
 *   - a pre-trigger ("no", "without", "negative for", "ruled out") negates
 *     the mentions after it, up to 4 words that are neither mentions nor
 *     list words (and, or, nor, anti) -- every member of a coordinated list
 *     is in the scope; verbs right after the trigger ("did not have") do
 *     not count;
 *   - the scope ends at ';', ':' or ')', at a terminator ("but", "whereas",
 *     "although", "suggesting"), at a relation word ("was not associated
 *     with", "did not correlate with", "no increased risk of": what follows
 *     is the relation's object, not negated), at "and"/"or" before a verb
 *     (a new clause), at a comma before a determiner (a new subject), at a
 *     preposition ("in", "on", "from") after a word that is not a mention
 *     ("lack of Fhit protein in cancers"), and at a population word ("No
 *     patient with anti-SRP had cancer": the scope starts after the verb);
 *   - a clause-initial "neither" ("Neither A nor B caused X") negates
 *     nothing: its subject is not absent;
 *   - a post-trigger ("were negative", "was ruled out", "was absent")
 *     negates the mentions before it (same window; back to a terminator or
 *     "positive"), unless "for" or "by" follows it ("tumours were negative
 *     for CK7", "tumors not detected by mammography");
 *   - an adjacent trigger ("negative", "free") negates only the mention
 *     right before it: in "X-negative Y" or "X-free Y" X is negated, Y not
 *     ("HIV-negative patients", "tumour-free rats", but not "PD-L1-negative
 *     tumor cells", "triple-negative breast cancer", "disease-free survival");
 *   - a prefix ("non-HIV") negates the mention it is joined to;
 *   - a mention that modifies the word after it -- joined by a hyphen
 *     ("tumor-induced osteomalacia") or followed by a head word ("cancer
 *     risk", "DMD gene", "cancer patients") -- is not negated: the head is.
 * Only sets flags. */
#ifndef MM_NEGATE_H
#define MM_NEGATE_H

#include "match.h"

typedef struct mm_negrules mm_negrules;

/* Parse negation rules from text (the format of lexicons/negation.txt;
 * where names the file in messages). NULL with "where:line: reason" in err.
 * The result is read-only and may be shared by threads; free it with
 * mm_negrules_free(). */
mm_negrules *mm_negrules_parse(const char *text, size_t len, const char *where, mm_buf *err) MM_WUR;
/* Free r (NULL is a no-op). */
void mm_negrules_free(mm_negrules *r);
/* Rules in r (lines that are not comments or blank). */
int mm_negrules_count(const mm_negrules *r);
/* The built-in rules' text (the shipped lexicons/negation.txt), static. */
const char *mm_negrules_default_text(void);

/* Set the negated flag of each of the n mentions mt (those of one
 * document, sorted by start, as mm_match() makes them; the flags must be 0
 * on entry) whose text t is the document's, by rules r (NULL: the built-in
 * rules, compiled once on first use). Thread-safe; r is only read. */
void mm_negate(const mm_negrules *r, const mm_text *t, mm_mention *mt, size_t n);

#endif
