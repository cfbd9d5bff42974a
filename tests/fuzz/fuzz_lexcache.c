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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "fuzz_lexcache");
	mm_buf why = {0};
	mm_lexicon *lx = mm_lexcache_read(path, NULL, &why);
	if (!lx) {
		if (why.l == 0) abort(); /* a rejection says why */
		mm_buf_free(&why);
		return 0;
	}
	check_own_names(lx);
	mm_lexicon_free(lx);
	mm_buf_free(&why);
	return 0;
}
