/* fuzz_pubtator.c -- mm_pubtator_parse() on one PubTator record (text kept
 * byte for byte: keep_ws). */
#include "doc.h"
#include "check_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static mm_doc d;
	int rc = mm_pubtator_parse((const char *)data, size, &d);
	if (rc == 0) { if (d.pmid == 0) abort(); check_doc(&d, 1); }
	else if (rc != -1 || d.err.l == 0) abort();
	return 0;
}
