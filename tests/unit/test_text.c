/* Normalisation, tokens and sentence splitting. */
#include "test.h"
#include "../../pipeline/text.h"
#include <stdlib.h>

static const char *norm(const char *s)
{
	static mm_buf b;
	b.l = 0;
	mm_normalize(s, strlen(s), 1, &b, NULL, 0);
	return b.s;
}

static int n_sentences(const char *s)
{
	mm_doc d = {0};
	mm_text t = {0};
	mm_doc_begin_section(&d, "abstract", 8);
	mm_doc_add_text(&d, s, strlen(s));
	mm_doc_end_section(&d);
	mm_text_build(&t, &d);
	int n = (int)t.sent_s.n;
	mm_text_free(&t);
	mm_doc_free(&d);
	return n;
}

/* Text fidelity (issue 16, item 15). */
static void test_fidelity(void)
{
	/* summary.json stays valid JSON and UTF-8 for a path that is not UTF-8:
	 * each invalid byte is \ufffd, valid sequences are kept */
	mm_buf j = {0};
	mm_buf_json(&j, "in/caf\xe9-\xc3\xa9\xff\"\x01.xml");
	CHECK_STR(j.s, "\"in/caf\\ufffd-\xc3\xa9\\ufffd\\\"\\u0001.xml\"");
	mm_buf_free(&j);

	/* a letter and combining marks fold like the precomposed letter; the
	 * marks map to nothing, so a match ending at the letter spans them */
	CHECK_STR(norm("Sjo\xcc\x88gren"), norm("Sj\xc3\xb6gren"));
	CHECK_STR(norm("cafe\xcc\x81\xcc\x80 x"), "cafe x");
	{
		mm_buf nb = {0};
		mm_u32v mp = {0};
		mm_normalize("cafe\xcc\x81 x", 8, 1, &nb, &mp, 0);
		CHECK_INT(nb.l, 6);
		CHECK_INT(mp.a[3], 3);
		CHECK_INT(mp.a[4], 6); /* the space after the mark */
		mm_buf_free(&nb);
		free(mp.a);
	}

	/* U+0085, U+2028, U+2029: one space each (docs/formats.md) */
	{
		mm_doc d = {0};
		mm_doc_begin_section(&d, "title", 5);
		const char *x = "a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9" "d";
		mm_doc_add_text(&d, x, strlen(x));
		mm_doc_end_section(&d);
		CHECK_STR(d.text.s, "a b c d");
		mm_doc_free(&d);
	}

	/* MEDLINE: a continuation line is joined with exactly one space, also
	 * when the line before ends in a space (docs/formats.md) */
	const char *rec = "PMID- 9\nTI  - Anti-Jo-1 \n      antibody \n      myositis.\nAB  - One \n        two.\n";
	mm_doc d = {0};
	CHECK_INT(mm_medline_parse(rec, strlen(rec), &d), 0);
	CHECK_STR(d.text.s, "Anti-Jo-1 antibody myositis. One two.");
	mm_doc_free(&d);
}

void test_text(void)
{
	test_fidelity();
	CHECK_STR(norm("TIF1\xe2\x80\x90\xce\xb3"), "tif1-gamma");          /* U+2010 hyphen, gamma */
	CHECK_STR(norm("anti\xe2\x80\x93HMGCR"), "anti-hmgcr");             /* en dash */
	CHECK_STR(norm("a\xc2\xa0" "b\xe2\x80\x89" "c"), "a b c");            /* NBSP, thin space */
	CHECK_STR(norm("Raynaud\xe2\x80\x99s"), "raynaud's");               /* curly apostrophe */
	CHECK_STR(norm("Sj\xc3\xb6gren \xc3\x9f"), "sjogren ss");
	CHECK_STR(norm("\xef\xbc\x8d\xe2\x88\x92\xef\xb9\xa3"), "---");      /* FF0D, 2212, FE63 */
	CHECK_STR(norm("5\xc2\xb5g \xc2\xb1" "1"), "5mug #1");
	CHECK_STR(norm("\xce\x93\xce\xb2"), "gammabeta");
	/* raw bytes that are not UTF-8 (fuzzer finding: a truncated sequence was
	 * decoded past the end) become '#', one per byte */
	CHECK_STR(norm("a\xe2\x82"), "a##");
	CHECK_STR(norm("\xff\xc3|\xce"), "##|#");
	/* offsets map back to the original bytes */
	mm_buf b = {0};
	mm_u32v map = {0};
	mm_normalize("x\xce\xb3y", 4, 1, &b, &map, 0);
	CHECK_INT(b.l, 7);
	CHECK_INT(map.a[1], 1); CHECK_INT(map.a[5], 1); CHECK_INT(map.a[6], 3);
	free(map.a);
	mm_buf_free(&b);

	CHECK_INT(n_sentences("Weakness was seen. Statins were stopped."), 2);
	CHECK_INT(n_sentences("Drugs, e.g. Statins, and others, i.e. Fibrates, were used."), 1);
	CHECK_INT(n_sentences("As shown by Smith et al. Jo-1 was positive."), 1);
	CHECK_INT(n_sentences("HMGCR vs. SRP were compared."), 1);
	CHECK_INT(n_sentences("See Fig. 2 for details."), 1);
	CHECK_INT(n_sentences("The dose was 2.5 mg/kg daily."), 1);
	CHECK_INT(n_sentences("Treated by J. Smith and K. L. Jones today."), 1);
	CHECK_INT(n_sentences("Given i.v. Methylprednisolone was used."), 1);
	CHECK_INT(n_sentences("CK was 5400 IU/L. Antibodies were negative."), 2);
	CHECK_INT(n_sentences("Is it? Yes! It is."), 3);
	CHECK_INT(n_sentences("Results (n = 5). 2 patients died."), 2);

	/* expanding characters back to back (each Greek letter: 2 bytes in,
	 * up to 7 out) re-reserve the buffers; the map stays one entry per byte */
	{
		mm_buf in = {0}, out = {0};
		mm_u32v omap = {0};
		for (int i = 0; i < 3000; ++i) mm_buf_put(&in, i % 3 ? "\xce\xb5" : "x", i % 3 ? 2 : 1);
		mm_normalize(in.s, in.l, 1, &out, &omap, 7);
		CHECK_INT((int)out.l, 1000 + 2000 * 7);
		CHECK_INT((int)omap.n, (int)out.l);
		int ok = 1;
		for (size_t i = 0, k = 0; i < in.l; i += (k % 3 ? 2 : 1), ++k) {
			size_t at = (k / 3) * 15 + (k % 3 ? 1 + (k % 3 - 1) * 7 : 0);
			if (omap.a[at] != 7 + i) ok = 0;
		}
		CHECK(ok);
		CHECK(memcmp(out.s, "xepsilonepsilonx", 16) == 0);
		mm_buf_free(&in); mm_buf_free(&out); free(omap.a);
	}
	/* mm_find agrees with memmem, around the 16-byte blocks and at the ends */
	{
		const char *needles[] = { "</PubmedArticle>", "<PubmedArticle", "-->", "]]>", "ab", "a", "</AuthorList>" };
		char hay[300];
		unsigned seed = 12345;
		int agree = 1;
		for (int r = 0; r < 20000; ++r) {
			const char *nd = needles[r % 7];
			size_t nn = strlen(nd), n = (size_t)(r % 97) + (size_t)(r % 3) * 100;
			for (size_t i = 0; i < n; ++i) {
				seed = seed * 1103515245u + 12345u;
				hay[i] = "<>/ab-]P"[(seed >> 16) % 8];
			}
			seed = seed * 1103515245u + 12345u;
			if (n >= nn && (seed >> 16) % 2) memcpy(hay + (seed >> 8) % (n - nn + 1), nd, nn);
			if (mm_find(hay, n, nd, nn) != memmem(hay, n, nd, nn)) agree = 0;
		}
		CHECK(agree);
	}
}
