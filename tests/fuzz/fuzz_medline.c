/* fuzz_medline.c -- mm_medline_parse() on one MEDLINE text record. */
#include "doc.h"
#include "mesh.h"
#include "check_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static mm_doc d;
	int rc = mm_medline_parse((const char *)data, size, &d);
	if (rc == 0) { if (d.pmid == 0) abort(); check_doc(&d, 0); }
	else if (rc != -1 || d.err.l == 0) abort();
	CHECK_WITH_META(&d, rc, mm_medline_parse((const char *)data, size, &d));
	return 0;
}
