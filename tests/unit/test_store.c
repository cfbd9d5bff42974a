/* Update semantics and counting. */
#include "test.h"
#include "../../pipeline/store.h"

void test_store(void)
{
	mm_store *s = mm_store_new();
	mm_hit h1[] = { { 0, 0, 0, 1, 0 }, { 1, 0, 0, 2, 0 }, { 2, 1, 1, 1, 0 } };
	mm_hit h2[] = { { 0, 0, 0, 1, 0 }, { 2, 0, 0, 1, 0 } };
	mm_store_article(s, 10, 1, 2000, 1, 5, h1, 3, 1);
	mm_store_article(s, 11, 1, 2001, 0, 5, h2, 2, 2);
	mm_store_article(s, 12, 1, 2001, 1, 5, NULL, 0, 3);
	mm_store_article(s, 4000000000u, 1, 2001, 1, 5, NULL, 0, 4);
	mm_counts c;
	mm_store_count(s, 3, NULL, &c);
	CHECK_INT(c.n_docs, 4);
	CHECK_INT(c.n_sents, 20);
	CHECK_INT(c.c_docs[0], 2);
	CHECK_INT(c.c_mentions[1], 2);
	CHECK_INT(c.n_pair, 3);
	CHECK_INT(c.pair[0].a, 0); CHECK_INT(c.pair[0].b, 1); CHECK_INT(c.pair[0].docs, 1); CHECK_INT(c.pair[0].sents, 1);
	CHECK_INT(c.pair[1].a, 0); CHECK_INT(c.pair[1].b, 2); CHECK_INT(c.pair[1].docs, 2); CHECK_INT(c.pair[1].sents, 1);
	/* (0,1) share sentence 0 of doc 10; (0,2) share a sentence (and so a
	 * section) only in doc 11 */
	CHECK_INT(c.pair[0].sec_docs, 1); CHECK_INT(c.pair[0].sent_docs, 1);
	CHECK_INT(c.pair[1].sec_docs, 1); CHECK_INT(c.pair[1].sent_docs, 1);
	CHECK_INT(c.pair[2].a, 1); CHECK_INT(c.pair[2].sec_docs, 0);
	mm_counts_free(&c);
	/* a revised record replaces the first; a deletion withdraws; an older version is ignored */
	mm_store_article(s, 10, 1, 2000, 1, 5, h2, 2, 5);
	mm_store_delete(s, 11);
	mm_store_delete(s, 99);
	mm_store_article(s, 12, 2, 2001, 1, 5, h2, 2, 6);
	CHECK_INT(mm_store_article(s, 12, 1, 2001, 1, 5, h1, 3, 7), 0);
	const mm_store_stats *st = mm_store_get_stats(s);
	CHECK_INT(st->live, 3);
	CHECK_INT(st->superseded, 2);
	CHECK_INT(st->older_ignored, 1);
	CHECK_INT(st->deleted, 1);
	CHECK_INT(st->live_sentences, 15);
	CHECK_INT(st->delete_listed, 2);
	CHECK(mm_store_is_final(s, 10, 5) && !mm_store_is_final(s, 10, 1) && !mm_store_is_final(s, 11, 2));
	mm_store_count(s, 3, NULL, &c);
	CHECK_INT(c.c_docs[0], 2);
	CHECK_INT(c.c_docs[1], 0);
	CHECK_INT(c.n_pair, 1);
	CHECK_INT(c.pair[0].docs, 2);
	mm_counts_free(&c);
	mm_store_free(s);
}
