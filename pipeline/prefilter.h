/* prefilter.h -- the literals a PCRE2 pattern's matches must contain, and
 * an Aho-Corasick automaton over the literals of many patterns, so that a
 * pattern runs only over the sentences that hold one of its literals
 * (match.c).  The automaton's layout is in lexpriv.h.  Both are built once
 * per lexicon; a built automaton is read-only and may be shared by threads. */
#ifndef MM_PREFILTER_H
#define MM_PREFILTER_H

#include "util.h"

typedef struct mm_litac mm_litac;

/* Literals one of which every match of the PCRE2 pattern must contain
 * (lower case, ASCII), for a cheap prefilter. Returns how many (*lits: that
 * many malloc'ed strings in a malloc'ed array, the caller's), or 0 (*lits
 * NULL) when the pattern is not understood well enough to tell -- then it
 * must always be run. */
int mm_pattern_literals(const char *pattern, char ***lits) MM_WUR;

/* Build ac over the literals lits[p][0 .. n_lits[p]) of patterns
 * p < min(n_pattern, 64).  When a pattern has an empty literal, or there are
 * too many, ac->mask is 0: no prefilter, every pattern runs. */
void mm_litac_build(mm_litac *ac, char **const *lits, const int *n_lits, int n_pattern);
/* Free what ac holds and zero it (mask 0: no prefilter); NULL is a no-op. */
void mm_litac_free(mm_litac *ac);

#endif
