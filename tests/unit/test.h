/* test.h -- a minimal test harness: CHECK() records failures and goes on. */
#ifndef MM_TEST_H
#define MM_TEST_H
#include <stdio.h>
#include <string.h>

extern int t_fail, t_run;
#define CHECK(c) do { t_run++; if (!(c)) { t_fail++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); t_run++; \
	if (!a_ || !b_ || strcmp(a_, b_)) { t_fail++; fprintf(stderr, "FAIL %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); t_run++; \
	if (a_ != b_) { t_fail++; fprintf(stderr, "FAIL %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); } } while (0)

/* Where the shared corpus lives, or NULL (tests that need it then skip). */
const char *shared_dir(void);
#endif
