/* fuzz_lexicon.c -- mm_lexicon_load() on the input as a .tsv file: it loads
 * (and the compiled trie is consistent) or fails with "path...: reason";
 * never crashes or leaks.  A loaded lexicon is then matched against a
 * document made of its own concept names (checks: check_match.h). */
#include "match.h"
#include "check_match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "fuzz_lexicon");
	mm_buf err = {0};
	mm_lexicon *lx = mm_lexicon_load(path, &err);
	if (!lx) {
		if (err.l == 0 || strncmp(err.s, path, strlen(path)) != 0) abort();
		mm_buf_free(&err);
		return 0;
	}
	check_own_names(lx);
	mm_lexicon_free(lx);
	mm_buf_free(&err);
	return 0;
}
