/* fuzz_pubmed.c -- mm_pubmed_parse() on one record, as every record kind.
 * Checks the doc.h text model (check_doc.h) after each successful parse;
 * as DELETE, only the list of PMIDs is read. */
#include "doc.h"
#include "mesh.h"
#include <stdlib.h>
#include <string.h>
#include "check_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const mm_rec_kind kinds[] = { MM_REC_ARTICLE, MM_REC_BOOK, MM_REC_DELETE, MM_REC_ARTICLE_CUT };
	static mm_doc d; /* reused across runs, as the pipeline reuses its docs */
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; ++k) {
		int rc = mm_pubmed_parse((const char *)data, size, kinds[k], &d);
		if (rc == 0 && kinds[k] == MM_REC_DELETE) { for (int i = 0; i < d.n_del; ++i) if (!d.del_pmid[i]) abort(); }
		else if (rc == 0) { if (d.pmid == 0) abort(); check_doc(&d, 0); }
		else if (rc != -1 || d.err.l == 0) abort(); /* failures must say why */
		if (kinds[k] != MM_REC_DELETE) CHECK_WITH_META(&d, rc, mm_pubmed_parse((const char *)data, size, kinds[k], &d));
	}
	return 0;
}
