/* test_filter.c -- the indexing the parsers read (want_meta), the filters
 * (filter.h) and the store's filtered documents under update semantics. */
#include "test.h"
#include "../../pipeline/doc.h"
#include "../../pipeline/filter.h"
#include "../../pipeline/store.h"

#include <stdlib.h>
#include <string.h>

static const char medline_rec[] =
	"PMID- 123\n"
	"TI  - Statin myopathy.\n"
	"DP  - 2012 Mar\n"
	"LA  - ENG\n"
	"PT  - Case Reports\n"
	"PT  - Research Support, Non-U.S. Gov't\n"
	"TA  - J Rheumatol\n"
	"JID - 7501984\n"
	"MH  - *Myositis/chemically induced\n"
	"MH  - Humans\n"
	"MH  - Hydroxymethylglutaryl-CoA Reductase Inhibitors/*adverse effects/therapeutic\n"
	"      use\n"
	"OT  - statin\n"
	"PMC - PMC42\n";

static const char xml_rec[] =
	"<PubmedArticle><MedlineCitation><PMID Version=\"2\">456</PMID>"
	"<Article><Journal><JournalIssue><PubDate><Year>2009</Year></PubDate></JournalIssue>"
	"<ISOAbbreviation>J. Rheumatol.</ISOAbbreviation></Journal><ArticleTitle>T</ArticleTitle>"
	"<Language>fre</Language><PublicationTypeList><PublicationType UI=\"D016454\">Review</PublicationType>"
	"</PublicationTypeList></Article>"
	"<MedlineJournalInfo><MedlineTA>J Rheumatol</MedlineTA><NlmUniqueID>7501984</NlmUniqueID></MedlineJournalInfo>"
	"<MeshHeadingList><MeshHeading><DescriptorName UI=\"D009220\" MajorTopicYN=\"N\">Myositis</DescriptorName>"
	"<QualifierName UI=\"Q000188\" MajorTopicYN=\"Y\">drug therapy</QualifierName></MeshHeading>"
	"<MeshHeading><DescriptorName UI=\"D006801\" MajorTopicYN=\"N\">Humans</DescriptorName></MeshHeading>"
	"</MeshHeadingList><KeywordList><Keyword>anti-<i>HMGCR</i></Keyword></KeywordList></MedlineCitation>"
	"<PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">456</ArticleId><ArticleId IdType=\"pmc\">PMC9</ArticleId>"
	"</ArticleIdList><ReferenceList><Reference><ArticleIdList><ArticleId IdType=\"pmc\">PMC1</ArticleId></ArticleIdList>"
	"</Reference></ReferenceList></PubmedData></PubmedArticle>";

static int n_kind(const mm_doc *d, mm_term_kind k)
{
	int n = 0;
	for (int i = 0; i < d->meta.n; ++i) n += d->meta.t[i].kind == k;
	return n;
}

static const mm_term *term(const mm_doc *d, mm_term_kind k, int nth)
{
	for (int i = 0; i < d->meta.n; ++i)
		if (d->meta.t[i].kind == k && nth-- == 0) return &d->meta.t[i];
	return NULL;
}

/* The verdict of one filter option on d: the mask. */
static unsigned judge(const mm_doc *d, mm_filter_kind k, const char *value)
{
	mm_filter *f = mm_filter_new();
	mm_buf e = {0};
	int rc = mm_filter_add(f, k, value, &e);
	CHECK(rc >= 0);
	unsigned m = mm_filter_doc(f, d);
	mm_filter_free(f);
	mm_buf_free(&e);
	return m;
}

static void test_parsers(void)
{
	mm_doc d = {0};
	/* without want_meta nothing is collected */
	CHECK(mm_medline_parse(medline_rec, sizeof medline_rec - 1, &d) == 0);
	CHECK_INT(d.meta.n, 0);
	CHECK(mm_pubmed_parse(xml_rec, sizeof xml_rec - 1, MM_REC_ARTICLE, &d) == 0);
	CHECK_INT(d.meta.n, 0);
	CHECK_STR(d.text.s, "T");

	d.want_meta = MM_META_ALL;
	CHECK(mm_medline_parse(medline_rec, sizeof medline_rec - 1, &d) == 0);
	CHECK_INT(n_kind(&d, MM_TERM_MESH), 3);
	CHECK_INT(n_kind(&d, MM_TERM_QUAL), 3);
	const mm_term *t = term(&d, MM_TERM_MESH, 0);
	CHECK_STR(mm_term_name(&d, t), "Myositis");
	CHECK_INT(t->flags, MM_TERM_MAJOR | MM_TERM_MAJR);
	CHECK_INT(term(&d, MM_TERM_MESH, 1)->flags, 0);
	t = term(&d, MM_TERM_MESH, 2); /* major through its qualifier */
	CHECK_STR(mm_term_name(&d, t), "Hydroxymethylglutaryl-CoA Reductase Inhibitors");
	CHECK_INT(t->flags, MM_TERM_MAJR);
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_QUAL, 1)), "adverse effects");
	CHECK_INT(term(&d, MM_TERM_QUAL, 1)->flags, MM_TERM_MAJOR);
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_QUAL, 2)), "therapeutic use"); /* a continuation line */
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_PUBTYPE, 1)), "Research Support, Non-U.S. Gov't");
	CHECK_STR(mm_term_ui(&d, term(&d, MM_TERM_JOURNAL_ID, 0)), "7501984");
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_KEYWORD, 0)), "statin");
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_PMC, 0)), "PMC42");
	CHECK_STR(d.text.s, "Statin myopathy.");
	/* the filters on it: names for MEDLINE text (it has no UIs) */
	CHECK_INT(judge(&d, MM_FILT_MESH, "myositis"), 0);
	CHECK_INT(judge(&d, MM_FILT_MESH, "D009220"), 1u << MM_FILT_MESH);
	CHECK_INT(judge(&d, MM_FILT_MESH_MAJOR, "Humans;Lupus"), 1u << MM_FILT_MESH_MAJOR);
	CHECK_INT(judge(&d, MM_FILT_MESH_MAJOR, "Humans,Hydroxymethylglutaryl-CoA Reductase Inhibitors"), 0);
	CHECK_INT(judge(&d, MM_FILT_PUBTYPE, "Research Support, Non-U.S. Gov't"), 0);
	CHECK_INT(judge(&d, MM_FILT_LANG, "eng"), 0);
	CHECK_INT(judge(&d, MM_FILT_JOURNAL, "7501984"), 0);
	CHECK_INT(judge(&d, MM_FILT_JOURNAL, "J. Rheumatol."), 0);
	CHECK_INT(judge(&d, MM_FILT_YEARS, "2012"), 0);
	CHECK_INT(judge(&d, MM_FILT_YEARS, "2013-"), 1u << MM_FILT_YEARS);

	CHECK(mm_pubmed_parse(xml_rec, sizeof xml_rec - 1, MM_REC_ARTICLE, &d) == 0);
	CHECK_INT(d.version, 2);
	t = term(&d, MM_TERM_MESH, 0);
	CHECK_STR(mm_term_ui(&d, t), "D009220");
	CHECK_INT(t->flags, MM_TERM_MAJR); /* its qualifier is major, not the descriptor */
	CHECK_INT(term(&d, MM_TERM_QUAL, 0)->flags, MM_TERM_MAJOR);
	CHECK_STR(mm_term_ui(&d, term(&d, MM_TERM_PUBTYPE, 0)), "D016454");
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_LANG, 0)), "fre");
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_KEYWORD, 0)), "anti-HMGCR");
	CHECK_INT(n_kind(&d, MM_TERM_PMC), 1);
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_PMC, 0)), "PMC9"); /* not a reference's */
	CHECK_STR(mm_term_name(&d, term(&d, MM_TERM_JOURNAL_ISO, 0)), "J. Rheumatol.");
	CHECK_INT(judge(&d, MM_FILT_MESH, "D009220"), 0);
	CHECK_INT(judge(&d, MM_FILT_MESH_MAJOR, "d009220"), 0);
	CHECK_INT(judge(&d, MM_FILT_MESH_MAJOR, "Humans"), 1u << MM_FILT_MESH_MAJOR);
	CHECK_INT(judge(&d, MM_FILT_PUBTYPE, "D016454"), 0);
	CHECK_INT(judge(&d, MM_FILT_PUBTYPE, "Case Reports"), 1u << MM_FILT_PUBTYPE);
	CHECK_INT(judge(&d, MM_FILT_JOURNAL, "j rheumatol"), 0);
	CHECK_INT(judge(&d, MM_FILT_YEARS, "-2009"), 0);
	mm_doc_free(&d);
}

static void test_options(void)
{
	mm_filter *f = mm_filter_new();
	mm_buf e = {0};
	CHECK_INT(mm_filter_add(f, MM_FILT_YEARS, "2020-2010", &e), -1);
	CHECK(e.s && strstr(e.s, "2020-2010"));
	e.l = 0;
	CHECK_INT(mm_filter_add(f, MM_FILT_YEARS, "20x0", &e), -1);
	e.l = 0;
	CHECK_INT(mm_filter_add(f, MM_FILT_LANG, "english", &e), -1);
	CHECK(e.s && strstr(e.s, "english"));
	e.l = 0;
	CHECK_INT(mm_filter_add(f, MM_FILT_PUBTYPE, "Case Report", &e), 1); /* a warning, with a suggestion */
	CHECK(e.s && strstr(e.s, "Case Reports"));
	e.l = 0;
	CHECK_INT(mm_filter_add(f, MM_FILT_MESH, "Myositis;;x", &e), -1);
	e.l = 0;
	CHECK_INT(mm_filter_add(f, MM_FILT_MESH, "Myositis, Inclusion Body,D009220", &e), 0);
	CHECK_STR(mm_filter_key(f, MM_FILT_MESH), "D009220;myositis, inclusion body");
	CHECK_INT(mm_filter_add(f, MM_FILT_YEARS, "2010-", &e), 0);
	CHECK_STR(mm_filter_key(f, MM_FILT_YEARS), "2010-");
	CHECK_INT(mm_filter_kinds(f), 1u << MM_FILT_MESH | 1u << MM_FILT_YEARS | 1u << MM_FILT_PUBTYPE);
	/* a PMID file with a garbage line: named with file and line */
	const char *dir = getenv("TMPDIR_TESTS");
	char path[512];
	snprintf(path, sizeof path, "%s/unit-pmids.txt", dir ? dir : "/tmp");
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs("# list\n12\n\n 7 \r\n12\n", fp);
		fclose(fp);
		e.l = 0;
		CHECK_INT(mm_filter_add(f, MM_FILT_PMIDS, path, &e), 0);
		mm_doc d = {0};
		mm_doc_reset(&d);
		d.pmid = 7;
		d.year = 2011;
		CHECK_INT(mm_filter_doc(f, &d), 1u << MM_FILT_MESH | 1u << MM_FILT_PUBTYPE);
		d.pmid = 8;
		d.year = 0;
		CHECK_INT(mm_filter_doc(f, &d), 1u << MM_FILT_MESH | 1u << MM_FILT_PUBTYPE | 1u << MM_FILT_PMIDS | 1u << MM_FILT_YEARS);
		mm_doc_free(&d);
		fp = fopen(path, "w");
		fputs("12\n13\nPMID: 14\n", fp);
		fclose(fp);
		e.l = 0;
		CHECK_INT(mm_filter_add(f, MM_FILT_EXCLUDE, path, &e), -1);
		CHECK(e.s && strstr(e.s, ":3: 'PMID: 14'"));
		remove(path);
	}
	mm_buf_free(&e);
	mm_filter_free(f);
}

/* Update semantics with a filter: the final version is judged. */
static void test_store_filtered(void)
{
	mm_store *s = mm_store_new();
	mm_hit h = { 0, 0, 0, 1, 0 };
	/* 1: passes, then its update fails; 2: fails, then passes; 3: passes,
	 * then is deleted; 4: fails, then an older version (ignored) */
	CHECK(mm_store_article(s, 1, 1, 2010, 1, 3, &h, 1, 1) == 1);
	CHECK(mm_store_article(s, 2, 1, 2010, 1, 2, NULL, 0, 2) == 1);
	mm_store_filter_out(s, 2, 1u << 0 | 1u << 5);
	CHECK(mm_store_article(s, 3, 1, 2011, 0, 4, &h, 1, 3) == 1);
	CHECK(mm_store_article(s, 4, 2, 2012, 0, 5, NULL, 0, 4) == 1);
	mm_store_filter_out(s, 4, 1u << 0);
	CHECK_INT(mm_store_get_stats(s)->filtered, 2);
	CHECK(mm_store_article(s, 1, 1, 2010, 1, 3, NULL, 0, 5) == 1);
	mm_store_filter_out(s, 1, 1u << 5);
	CHECK(mm_store_article(s, 2, 1, 2010, 1, 2, &h, 1, 6) == 1);
	mm_store_delete(s, 3);
	CHECK(mm_store_article(s, 4, 1, 2012, 0, 5, &h, 1, 7) == 0);
	const mm_store_stats *st = mm_store_get_stats(s);
	CHECK_INT(st->live, 3);
	CHECK_INT(st->filtered, 2);
	CHECK_INT(st->filtered_by[0], 1);
	CHECK_INT(st->filtered_by[5], 1);
	CHECK(!mm_store_passes(s, 1));
	CHECK(mm_store_passes(s, 2));
	CHECK(!mm_store_passes(s, 3));
	CHECK(!mm_store_passes(s, 4));
	mm_counts cn;
	mm_count_opts co = { 1, 0, 0 };
	mm_store_count(s, 1, &co, &cn);
	CHECK_INT(cn.n_docs, 1);
	CHECK_INT(cn.n_sents, 2);
	CHECK_INT(cn.c_docs[0], 1);
	CHECK_INT(cn.year_docs[mm_year_code(2010)], 1);
	CHECK_INT(cn.year_docs[mm_year_code(2012)], 0);
	mm_counts_free(&cn);
	mm_store_free(s);
}

/* The filter state of ids above 2^32, in sparse records and in a page
 * that turns dense while some of its ids fail the filters. */
static void test_store_filtered_pages(void)
{
	mm_store *s = mm_store_new();
	const uint64_t base = 1ULL << 40, far = (1ULL << 62) + 7;
	const int n = 5000; /* ids base + 2k + 1: the page turns dense on the way */
	uint64_t by[MM_STORE_FILTER_BITS] = {0}, n_out = 0;
	for (int k = 0; k < n; ++k) {
		CHECK(mm_store_article(s, base + 2 * (uint64_t)k + 1, 1, 2010, 1, 2, NULL, 0, (uint64_t)k + 1) == 1);
		if (k % 3 == 0) { mm_store_filter_out(s, base + 2 * (uint64_t)k + 1, 1u << (k % 16)); by[k % 16]++; n_out++; }
	}
	CHECK(mm_store_article(s, far, 1, 2011, 0, 4, NULL, 0, (uint64_t)n + 1) == 1);
	mm_store_filter_out(s, far, 1u << 2);
	by[2]++;
	n_out++;
	const mm_store_stats *st = mm_store_get_stats(s);
	CHECK_INT(st->live, n + 1);
	CHECK_INT(st->filtered, n_out);
	CHECK_INT(st->filtered_sentences, 2 * (n_out - 1) + 4);
	int by_ok = 1;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k) by_ok &= st->filtered_by[k] == by[k];
	CHECK(by_ok);
	int pass_ok = 1;
	for (int k = 0; k < n; ++k) pass_ok &= mm_store_passes(s, base + 2 * (uint64_t)k + 1) == (k % 3 != 0);
	CHECK(pass_ok);
	CHECK(!mm_store_passes(s, far));
	CHECK(!mm_store_passes(s, base + 2)); /* never seen */
	/* the ids that fail: every other one is superseded by a version that
	 * passes, the others are deleted (deleted stays deleted) */
	for (int k = 0, j = 0; k < n; k += 3, ++j) {
		uint64_t id = base + 2 * (uint64_t)k + 1;
		if (j & 1) mm_store_delete(s, id);
		else CHECK(mm_store_article(s, id, 2, 2010, 1, 2, NULL, 0, (uint64_t)(n + 2 + k)) == 1);
	}
	mm_store_delete(s, far);
	CHECK_INT(st->filtered, 0);
	CHECK_INT(st->filtered_sentences, 0);
	by_ok = 1;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k) by_ok &= st->filtered_by[k] == 0;
	CHECK(by_ok);
	CHECK(mm_store_passes(s, base + 1));     /* k = 0: superseded */
	CHECK(!mm_store_passes(s, base + 7));    /* k = 3: deleted */
	mm_store_filter_out(s, base + 7, 1u);   /* a deleted id stays out of the filtered */
	CHECK_INT(st->filtered, 0);
	mm_counts cn;
	mm_store_count(s, 1, NULL, &cn);
	CHECK_INT(cn.n_docs, st->live);
	CHECK_INT(cn.n_sents, st->live_sentences);
	CHECK_INT(cn.year_docs[mm_year_code(2010)], st->live);
	mm_counts_free(&cn);
	mm_store_free(s);
}

void test_filter(void)
{
	test_parsers();
	test_options();
	test_store_filtered();
	test_store_filtered_pages();
}
