/* check_match.h -- match.h's mention invariants, and, when the lexicon has a
 * pattern prefilter (FUZZ_PREFILTER, set by fuzz.mk), its promise: every
 * non-empty match of a pattern contains one of the literals recorded for it
 * (else the pattern would be skipped where it matches).  abort() on any
 * violation. */
#ifndef FUZZ_CHECK_MATCH_H
#define FUZZ_CHECK_MATCH_H
#include <stdlib.h>
#include <string.h>

static void check_mentions(const mm_lexicon *lx, const mm_doc *d, const mm_text *t, const mm_mention *m, size_t nm)
{
	const unsigned char *s = (const unsigned char *)d->text.s;
	for (size_t i = 0; i < nm; ++i) {
		if (m[i].start >= m[i].end || m[i].end > d->text.l) abort();
		if ((s[m[i].start] & 0xC0) == 0x80 || (m[i].end < d->text.l && (s[m[i].end] & 0xC0) == 0x80)) abort(); /* UTF-8 boundaries */
		if (m[i].concept >= (uint32_t)lx->n_concept || m[i].sent >= t->sent_s.n || m[i].sec >= (uint32_t)d->n_sec) abort();
		if (m[i].start < d->sec[m[i].sec].start || m[i].end > d->sec[m[i].sec].end) abort(); /* inside its section */
		if (i && (m[i].start < m[i - 1].start || (m[i].start == m[i - 1].start && m[i].concept <= m[i - 1].concept))) abort(); /* sorted */
		if (i && m[i].start < m[i - 1].end && (m[i].start != m[i - 1].start || m[i].end != m[i - 1].end)) abort(); /* no overlaps */
	}
}

static void check_literals(const mm_lexicon *lx, const mm_text *t, pcre2_match_data *md)
{
#ifdef FUZZ_PREFILTER
	for (int k = 0; k < lx->n_pattern; ++k) {
		const mm_concept *c = &lx->c[lx->pattern_concept[k]];
		if (!c->n_lit || strstr(c->pattern_src, "\\K")) continue; /* \K: a literal may precede the match */
		for (PCRE2_SIZE start = 0; start < t->norm.l;) {
			if (pcre2_match(c->re, (PCRE2_SPTR)t->norm.s, t->norm.l, start, 0, md, NULL) < 0) break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			int found = ov[1] <= ov[0];
			for (int x = 0; x < c->n_lit && !found; ++x)
				found = memmem(t->norm.s + ov[0], ov[1] - ov[0], c->lit[x], strlen(c->lit[x])) != NULL;
			if (!found) abort();
			start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		}
	}
#else
	(void)lx; (void)t; (void)md;
#endif
}
#endif
