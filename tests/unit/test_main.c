/* Unit tests of the pipeline modules. Run by tests/run-tests.sh. */
#include "test.h"
#include <stdlib.h>
#include <sys/stat.h>

int t_fail, t_run;

const char *shared_dir(void)
{
	static char buf[4096];
	const char *e = getenv("MYOMINE_SHARED");
	snprintf(buf, sizeof buf, "%s", e && *e ? e : "../shared/corpus");
	struct stat st;
	return stat(buf, &st) == 0 ? buf : NULL;
}

void test_input(void);
void test_record(void);
void test_parse(void);
void test_text(void);
void test_lexicon(void);
void test_match(void);
void test_store(void);
void test_store_ids(void);
void test_shared(void);
void test_stats(void);
void test_sched(void);
void test_facts(void);
void test_filter(void);
void test_mesh(void);

int main(void)
{
	test_input();
	test_record();
	test_parse();
	test_text();
	test_lexicon();
	test_match();
	test_store();
	test_store_ids();
	test_stats();
	test_sched();
	test_facts();
	test_filter();
	test_mesh();
	test_shared();
	printf("unit: %d checks, %d failed\n", t_run, t_fail);
	return t_fail || !t_run ? 1 : 0;
}
