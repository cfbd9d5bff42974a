/* fuzz_lexicon.c -- mm_lexicon_load() on the input as a .tsv file: it loads
 * (and the compiled trie is consistent) or fails with "path...: reason";
 * never crashes or leaks.  A loaded lexicon is then matched against a
 * document made of its own concept names (checks: check_match.h). */
#include "match.h"
#include "check_match.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static int fd = -1;
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/fuzz_lexicon.%d.tsv", (int)getpid());
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		unlink(path); /* keep it reachable through /proc/self/fd */
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
	mm_buf err = {0};
	mm_lexicon *lx = mm_lexicon_load(path, &err);
	if (!lx) {
		if (err.l == 0 || strncmp(err.s, path, strlen(path)) != 0) abort();
		mm_buf_free(&err);
		return 0;
	}
	if (mm_lexicon_check(lx) < 0) abort();
	mm_doc d = {0};
	mm_text t = {0};
	const mm_mention *m;
	mm_doc_reset(&d);
	mm_doc_begin_section(&d, "title", 5);
	for (int i = 0; i < lx->n_concept; ++i) { mm_doc_add_text(&d, lx->c[i].name, strlen(lx->c[i].name)); mm_doc_add_text(&d, " and ", 5); }
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
	mm_buf_free(&err);
	return 0;
}
