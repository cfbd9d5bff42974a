/* fuzz_lexcache.c -- mm_lexcache_read() on the input as a compiled-lexicon
 * cache file: it is rejected with a reason, or it loads into a lexicon that
 * passes mm_lexicon_check() and can be matched against a document made of
 * its own (valid UTF-8) concept names without any out-of-range access
 * (checks: check_match.h).  fuzz.mk builds this with
 * FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, which skips the file's CRC-32 so
 * that mutations reach the structural checks. */
#include "lexcache.h"
#include "match.h"
#include "check_match.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int valid_utf8(const char *s)
{
	size_t n = strlen(s);
	for (size_t k = 0; k < n;) {
		int w = mm_utf8_len((const unsigned char *)s + k, n - k);
		if (!w) return 0;
		k += (size_t)w;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/fuzz_lexcache.%d.mmlc", (int)getpid());
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		unlink(path); /* keep it reachable through /proc/self/fd */
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
	mm_buf why = {0};
	mm_lexicon *lx = mm_lexcache_read(path, NULL, &why);
	if (!lx) {
		if (why.l == 0) abort(); /* a rejection says why */
		mm_buf_free(&why);
		return 0;
	}
	if (mm_lexicon_check(lx) < 0) abort();
	mm_doc d = {0};
	mm_text t = {0};
	const mm_mention *m;
	mm_doc_reset(&d);
	mm_doc_begin_section(&d, "title", 5);
	for (int i = 0; i < lx->n_concept; ++i)
		if (valid_utf8(lx->c[i].name)) { mm_doc_add_text(&d, lx->c[i].name, strlen(lx->c[i].name)); mm_doc_add_text(&d, " and ", 5); }
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
	mm_lexicon_free(lx);
	mm_buf_free(&why);
	return 0;
}
