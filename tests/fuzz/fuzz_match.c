/* fuzz_match.c -- mm_text_build() + mm_match() of the shipped lexicons over
 * the input as a one-section document.  Lexicons: $FUZZ_LEXICONS, else
 * lexicons/ of the source tree holding this binary (tests/fuzz/bin/..);
 * without them every input is skipped (after one notice).  Checks: see
 * check_match.h; and the same lexicons without the pattern prefilter (every
 * pattern scans the whole text) give the same mentions. */
#include "match.h"
#include "prefilter.h"
#include "check_match.h"
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static mm_lexicon *lx, *lx_all;
static mm_matcher *mt, *mt_all;
static pcre2_match_data *md;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char exe[4096] = "", path[4200];
	const char *env = getenv("FUZZ_LEXICONS");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) exe[n] = 0;
	snprintf(path, sizeof path, "%s", env ? env : "");
	if (!env) snprintf(path, sizeof path, "%s/../../../lexicons", dirname(exe));
	mm_buf err = {0};
	if (access(path, R_OK) != 0 || !(lx = mm_lexicon_load(path, &err)))
		fprintf(stderr, "fuzz_match: no lexicons (%s): every input skipped; set FUZZ_LEXICONS\n", err.l ? err.s : path);
	else {
		mt = mm_matcher_new(lx);
		md = pcre2_match_data_create(1, NULL);
		if ((lx_all = mm_lexicon_load(path, &err))) {
			mm_litac_free(lx_all->litac); /* no prefilter: every pattern runs everywhere */
			mt_all = mm_matcher_new(lx_all);
		}
	}
	mm_buf_free(&err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static mm_doc d;
	static mm_text t;
	if (!lx) return 0;
	mm_doc_reset(&d);
	mm_doc_begin_section(&d, "title", 5);
	mm_doc_add_text(&d, (const char *)data, size);
	mm_doc_end_section(&d);
	mm_text_build(&t, &d);
	const mm_mention *m;
	size_t nm = mm_match(mt, &d, &t, &m);
	check_mentions(lx, &d, &t, m, nm);
	check_literals(lx, &t, md);
	if (mt_all) {
		static mm_mention *keep;
		static size_t cap;
		if (nm > cap) { cap = nm; keep = realloc(keep, cap * sizeof *keep); }
		if (nm) memcpy(keep, m, nm * sizeof *m);
		const mm_mention *m2;
		size_t n2 = mm_match(mt_all, &d, &t, &m2);
		if (n2 != nm) abort();
		for (size_t i = 0; i < nm; ++i)
			if (m2[i].start != keep[i].start || m2[i].end != keep[i].end || m2[i].concept != keep[i].concept ||
			    m2[i].negated != keep[i].negated || m2[i].sent != keep[i].sent) abort();
	}
	return 0;
}
