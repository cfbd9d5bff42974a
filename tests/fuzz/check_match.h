/* check_match.h -- match.h's mention invariants (order, spans, nesting), and, when the lexicon has a
 * pattern prefilter (FUZZ_PREFILTER, set by fuzz.mk), its promise: every
 * non-empty match of a pattern contains one of the literals recorded for it
 * (else the pattern would be skipped where it matches).  abort() on any
 * violation. */
#ifndef FUZZ_CHECK_MATCH_H
#define FUZZ_CHECK_MATCH_H
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void check_mentions(const mm_lexicon *lx, const mm_doc *d, const mm_text *t, const mm_mention *m, size_t nm)
{
	const unsigned char *s = (const unsigned char *)d->text.s;
	for (size_t i = 0; i < nm; ++i) {
		if (m[i].start >= m[i].end || m[i].end > d->text.l) abort();
		if ((s[m[i].start] & 0xC0) == 0x80 || (m[i].end < d->text.l && (s[m[i].end] & 0xC0) == 0x80)) abort(); /* UTF-8 boundaries */
		if (m[i].concept >= (uint32_t)lx->n_concept || m[i].sent >= t->sent_s.n || m[i].sec >= (uint32_t)d->n_sec) abort();
		if (m[i].start < d->sec[m[i].sec].start || m[i].end > d->sec[m[i].sec].end) abort(); /* inside its section */
		/* sorted (match.h): by start, an outer span before one nested in it, then by concept */
		if (i && (m[i].start < m[i - 1].start ||
		          (m[i].start == m[i - 1].start && (m[i].end > m[i - 1].end ||
		                                            (m[i].end == m[i - 1].end && m[i].concept <= m[i - 1].concept)))))
			abort();
		/* no partial overlaps: a mention overlapping an earlier one lies inside it
		 * (the same span with another concept, or a nested concept of another type) */
		for (size_t j = i; j-- > 0;)
			if (m[j].end > m[i].start && m[i].end > m[j].end) abort();
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

/* The input as a file for loaders that take a path: written to one
 * unlinked temporary per process, named by its /proc/self/fd path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *tag)
{
	static char path[64];
	static int fd = -1;
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/%s.%d", tag, (int)getpid());
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		unlink(path); /* keep it reachable through /proc/self/fd */
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
	return path;
}

/* A loaded lexicon: consistent (mm_lexicon_check), and matched against a
 * document made of its own concept names (those that are valid UTF-8, as
 * document text is) with check_mentions and check_literals. */
static inline void check_own_names(const mm_lexicon *lx)
{
	if (mm_lexicon_check(lx) < 0) abort();
	mm_doc d = {0};
	mm_text t = {0};
	const mm_mention *m;
	mm_doc_reset(&d);
	mm_doc_begin_section(&d, "title", 5);
	for (int i = 0; i < lx->n_concept; ++i) {
		const char *s = lx->c[i].name;
		size_t n = strlen(s), k = 0;
		for (int w; k < n && (w = mm_utf8_len((const unsigned char *)s + k, n - k)) > 0;) k += (size_t)w;
		if (k < n) continue;
		mm_doc_add_text(&d, s, n);
		mm_doc_add_text(&d, " and ", 5);
	}
	mm_doc_end_section(&d);
	mm_text_build(&t, &d);
	mm_matcher *mt = mm_matcher_new(lx);
	size_t nm = mm_match(mt, &d, &t, &m);
	check_mentions(lx, &d, &t, m, nm);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	check_literals(lx, &t, md);
	pcre2_match_data_free(md);
	mm_matcher_free(mt);
	mm_text_free(&t);
	mm_doc_free(&d);
}
#endif
