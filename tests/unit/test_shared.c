/* Spot checks against real records in ../shared/corpus (skipped when absent). */
#include "test.h"
#include "../../pipeline/input.h"
#include "../../pipeline/split.h"
#include <stdlib.h>

/* Stream path, parse every record, stop at pmid. Returns 0 when found. */
static int find_doc(const char *path, uint32_t pmid, mm_doc *d, int *n_docs)
{
	char err[256];
	mm_reader *r = mm_reader_open(path, err, sizeof err);
	if (!r) return -1;
	mm_splitter *s = mm_splitter_new(r, MM_FMT_AUTO, err, sizeof err);
	if (!s) { mm_reader_close(r); return -1; }
	mm_rawrec rec;
	mm_buf msg = {0};
	int found = -1;
	*n_docs = 0;
	while (mm_splitter_next(s, &rec, &msg) == MM_SPLIT_RECORD) {
		int rc = rec.kind == MM_REC_MEDLINE ? mm_medline_parse(rec.p, rec.n, d)
		       : rec.kind == MM_REC_PUBTATOR ? mm_pubtator_parse(rec.p, rec.n, d)
		       : mm_pubmed_parse(rec.p, rec.n, rec.kind, d);
		if (rc == 0 && rec.kind != MM_REC_DELETE) (*n_docs)++;
		if (rc == 0 && d->pmid == pmid && found < 0) { found = 0; break; }
	}
	mm_buf_free(&msg);
	mm_splitter_free(s);
	mm_reader_close(r);
	return found;
}

static const char *sec(const mm_doc *d, int k)
{
	static char buf[1 << 16];
	if (k >= d->n_sec) return "";
	snprintf(buf, sizeof buf, "%.*s", (int)(d->sec[k].end - d->sec[k].start), d->text.s + d->sec[k].start);
	return buf;
}

void test_shared(void)
{
	const char *sd = shared_dir();
	if (!sd) { printf("unit: SKIP shared-corpus spot checks: no shared corpus (MYOMINE_SHARED, default ../shared/corpus)\n"); return; }
	char p[4096];
	mm_doc d = {0};
	int n;
	/* inline markup dropped without adding spaces, as in the source */
	snprintf(p, sizeof p, "%s/pubmed-xml/biopython/title_with_html_tags.xml", sd);
	CHECK_INT(find_doc(p, 27797938, &d, &n), 0);
	CHECK_STR(sec(&d, 0), "Leucocyte telomere length, genetic variants at theTERTgene region and risk of pancreatic cancer.");
	/* MathML and <sub> inside a structured abstract: text kept, no tag names */
	snprintf(p, sizeof p, "%s/pubmed-xml/biopython/pubmed6.xml", sd);
	CHECK_INT(find_doc(p, 30108519, &d, &n), 0);
	CHECK(strstr(d.text.s, "(LEmin)") != NULL);
	CHECK(strstr(d.text.s, "mml") == NULL && strstr(d.text.s, "< 0.001") != NULL && strstr(d.text.s, "<m") == NULL);
	CHECK(strstr(d.text.s, "67.6 \xc2\xb1 4.1 ml\xc2\xb7kg-1\xc2\xb7min-1") != NULL);
	/* numeric character references; copyright is not abstract text */
	snprintf(p, sizeof p, "%s/pubmed-xml/test_current_medline.xml.gz", sd);
	CHECK_INT(find_doc(p, 36400559, &d, &n), 0);
	CHECK(strstr(d.text.s, "greater than 6\xc2\xa0weeks") != NULL);
	CHECK(strstr(d.text.s, "Elsevier") == NULL);
	/* the old MedlineCitationSet root, pretty-printed, structured */
	snprintf(p, sizeof p, "%s/pubmed-xml/medline16n0902.xml.gz", sd);
	CHECK_INT(find_doc(p, 17942999, &d, &n), 0);
	CHECK_STR(sec(&d, 0), "Neuroplasticity in the processing of pitch dimensions: a multidimensional scaling analysis of the mismatch negativity.");
	CHECK_INT(d.year, 2007);
	CHECK_STR(d.sec[1].label, "PURPOSE");
	CHECK(strncmp(sec(&d, 1), "An auditory electrophysiological study was conducted", 51) == 0);
	CHECK_INT(find_doc(p, 1, &d, &n), -1);
	CHECK_INT(n, 604);
	/* a book article with a versioned PMID */
	snprintf(p, sizeof p, "%s/pubmed-xml/exports/solitude6060.xml", sd);
	CHECK_INT(find_doc(p, 29337475, &d, &n), 0);
	CHECK_INT(d.version, 3);
	CHECK(d.text.l > 0);
	/* MEDLINE text */
	snprintf(p, sizeof p, "%s/medline-txt/pubmed_result1.txt", sd);
	CHECK_INT(find_doc(p, 12230038, &d, &n), 0);
	CHECK_STR(sec(&d, 0), "The Bio* toolkits--a brief overview.");
	CHECK_INT(d.year, 2002);
	CHECK(strncmp(sec(&d, 1), "Bioinformatics research is often difficult to do with commercial software. The Open Source", 90) == 0);
	mm_doc_free(&d);
}
