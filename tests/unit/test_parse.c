/* Record parsers: fields, character references, inline markup, traps. */
#include "test.h"
#include "../../pipeline/doc.h"

static int pm(const char *x, mm_doc *d) { return mm_pubmed_parse(x, strlen(x), MM_REC_ARTICLE, d); }

void test_parse(void)
{
	mm_doc d = {0};
	/* ids: 1 to 2^63 - 1, leading zeros and white space allowed */
	uint64_t id = 0;
	CHECK(mm_parse_pmid(" 9223372036854775807\n", 21, &id) == 0 && id == 9223372036854775807ULL);
	CHECK(mm_parse_pmid("000004294967296", 15, &id) == 0 && id == 4294967296ULL);
	CHECK(mm_parse_pmid("9223372036854775808", 19, &id) < 0);
	CHECK(mm_parse_pmid("18446744073709551616", 20, &id) < 0);
	CHECK(mm_parse_pmid("0", 1, &id) < 0 && mm_parse_pmid("12a", 3, &id) < 0 && mm_parse_pmid(" ", 1, &id) < 0);
	const char *rec =
		"<PubmedArticle><MedlineCitation Status=\"MEDLINE\"><PMID Version=\"2\">12345</PMID>"
		"<Article><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue></Journal>"
		"<ArticleTitle>Anti-<i>HMGCR</i> myopathy &amp; CD<sub>8</sub> cells: TIF1-&#x3b3; &#947;&#xa0;x</ArticleTitle>"
		"<Abstract><AbstractText Label=\"BACKGROUND\" NlmCategory=\"BACKGROUND\">Statins &lt;cause&gt; \"weakness\".</AbstractText>"
		"<AbstractText Label=\"RESULTS\">p<mml:math><mml:mi>x</mml:mi></mml:math>&unknown; &amp x</AbstractText>"
		"<CopyrightInformation>(c) Nobody</CopyrightInformation></Abstract></Article>"
		"<CommentsCorrectionsList><CommentsCorrections><PMID Version=\"1\">999</PMID></CommentsCorrections></CommentsCorrectionsList>"
		"<OtherAbstract><AbstractText>Autre texte</AbstractText></OtherAbstract>"
		"</MedlineCitation></PubmedArticle>";
	CHECK_INT(pm(rec, &d), 0);
	CHECK_INT(d.pmid, 12345);
	CHECK_INT(d.version, 2);
	CHECK_INT(d.year, 1998);
	CHECK_INT(d.n_sec, 3);
	CHECK_STR(d.sec[0].label, "title");
	CHECK_STR(d.sec[1].label, "BACKGROUND");
	CHECK_STR(d.sec[2].label, "RESULTS");
	CHECK_STR(d.text.s, "Anti-HMGCR myopathy & CD8 cells: TIF1-\xce\xb3 \xce\xb3\xc2\xa0x Statins <cause> \"weakness\". px&unknown; &amp x");
	CHECK_INT(d.bad_refs, 2);
	CHECK_INT(d.has_abstract, 1);
	CHECK(strstr(d.text.s, "Nobody") == NULL && strstr(d.text.s, "Autre") == NULL);

	/* vernacular title when the title is empty; Year; book records */
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID>7</PMID><Article><Journal><JournalIssue><PubDate><Year>2004</Year></PubDate></JournalIssue></Journal>"
	             "<ArticleTitle></ArticleTitle><VernacularTitle>Myositis bei Kindern</VernacularTitle></Article></MedlineCitation></PubmedArticle>", &d), 0);
	CHECK_STR(d.text.s, "Myositis bei Kindern");
	CHECK_INT(d.year, 2004);
	CHECK_INT(d.has_abstract, 0);
	CHECK_INT(mm_pubmed_parse("<PubmedBookArticle><BookDocument><PMID>8</PMID><Book><BookTitle>GeneReviews</BookTitle><PubDate><Year>2010</Year></PubDate></Book>"
	                          "<Abstract><AbstractText>Text.</AbstractText></Abstract></BookDocument></PubmedBookArticle>", 220, MM_REC_BOOK, &d), 0);
	CHECK_STR(d.text.s, "GeneReviews Text.");
	CHECK_INT(d.year, 2010);

	/* labels are TSV fields: valid UTF-8, never cut inside a character
	 * (fuzzer findings) */
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID>9</PMID><Article><Abstract><AbstractText Label=\"\xff\tA\">x</AbstractText>"
	             "<AbstractText Label=\"\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\xce\xb3\">y</AbstractText>"
	             "</Abstract></Article></MedlineCitation></PubmedArticle>", &d), 0);
	CHECK_STR(d.sec[1].label, "? A");
	CHECK_INT(strlen(d.sec[2].label), 50); /* whole: labels are not cut */

	/* attributes are read in order; a huge Version is clamped (fuzzer review) */
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID Version=\"99999999999\">5</PMID><Article><Abstract>"
	             "<AbstractText NlmCategory=\"x Label='FAKE'\" Label=\"REAL\">y</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>", &d), 0);
	CHECK_INT(d.version, 1000000);
	CHECK_STR(d.sec[1].label, "REAL");

	/* DeleteCitation */
	const char *del = "<DeleteCitation><PMID Version=\"1\">11</PMID><PMID Version=\"1\">12</PMID></DeleteCitation>";
	CHECK_INT(mm_pubmed_parse(del, strlen(del), MM_REC_DELETE, &d), 0);
	CHECK_INT(d.n_del, 2);
	CHECK_INT(d.del_pmid[1], 12);

	/* malformed: mismatched tags, no PMID, bad PMID, invalid UTF-8 repaired */
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID>1</PMID><Article></MedlineCitation></PubmedArticle>", &d), -1);
	CHECK(strstr(d.err.s, "does not match") != NULL);
	CHECK_INT(pm("<PubmedArticle><MedlineCitation></MedlineCitation></PubmedArticle>", &d), -1);
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID>12a</PMID></MedlineCitation></PubmedArticle>", &d), -1);
	CHECK_INT(pm("<PubmedArticle><MedlineCitation><PMID>3</PMID><Article><ArticleTitle>a\xff\xfe b\xc3</ArticleTitle></Article></MedlineCitation></PubmedArticle>", &d), 0);
	CHECK_INT(d.bad_utf8, 3);
	CHECK_STR(d.text.s, "a\xef\xbf\xbd\xef\xbf\xbd b\xef\xbf\xbd");

	/* MEDLINE */
	const char *ml = "PMID- 777\nTI  - A title\n      continued.\nDP  - 2015 Mar\nAB  - Line one\n      line two.\nAU  - X Y\n";
	CHECK_INT(mm_medline_parse(ml, strlen(ml), &d), 0);
	CHECK_INT(d.pmid, 777);
	CHECK_INT(d.year, 2015);
	CHECK_STR(d.text.s, "A title continued. Line one line two.");
	/* PubTator: text kept byte for byte */
	const char *pt = "42|t|Title  here \n42|a| Abstract.\n42\t0\t5\tTitle\tX\tY\n";
	CHECK_INT(mm_pubtator_parse(pt, strlen(pt), &d), 0);
	CHECK_INT(d.pmid, 42);
	CHECK_STR(d.text.s, "Title  here   Abstract.");
	CHECK_INT(d.sec[1].start, 13);
	mm_doc_free(&d);
}
