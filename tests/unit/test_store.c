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

/* Ids of every size, in both forms of the id table: the pages of dense runs
 * of ids (which turn dense as they fill, ids moving out of the hash table)
 * and spread ids up to 2^63 - 1.  Random articles (versions, sentence
 * counts past 255, abstracts) and deletions, checked against a plain model. */
typedef struct { uint64_t id; int seen, live, version, abs, nsent; uint64_t seq; } store_model;

static uint64_t rnd(uint64_t *x) { *x ^= *x << 13; *x ^= *x >> 7; *x ^= *x << 17; return *x; }

void test_store_ids(void)
{
	enum { N = 12000 };
	static store_model m[N];
	uint64_t r = 88172645463325252ULL;
	for (int i = 0; i < N; ++i) {
		memset(&m[i], 0, sizeof m[i]);
		if (i < 6000) m[i].id = (5ULL << 16) + (uint64_t)i;               /* one page, dense */
		else if (i < 8000) m[i].id = (1ULL << 40) + (uint64_t)(i - 6000) * 3; /* a dense run across a page boundary */
		else if (i == 8000) m[i].id = 0x7FFFFFFFFFFFFFFFULL;
		else m[i].id = 1 + rnd(&r) % 0x7FFFFFFFFFFFFFFEULL;                 /* spread */
	}
	mm_store *s = mm_store_new();
	mm_hit h = { 0, 0, 0, 1, 0 };
	uint64_t superseded = 0, older = 0, deleted = 0, seq = 0;
	for (int step = 0; step < 60000; ++step) {
		store_model *e = &m[rnd(&r) % N];
		if (rnd(&r) % 8 == 0) {
			mm_store_delete(s, e->id);
			if (e->live) { e->live = 0; e->version = 1; ++deleted; }
			continue;
		}
		int ver = 1 + (int)(rnd(&r) % 3), abs = (int)(rnd(&r) & 1), ns = (int)(rnd(&r) % 600);
		++seq;
		int applied = mm_store_article(s, e->id, ver, 2000, abs, (uint32_t)ns, &h, rnd(&r) & 1, seq);
		int want = !(e->live && ver < e->version);
		CHECK_INT(applied, want);
		if (!want) { ++older; continue; }
		superseded += e->live;
		e->seen = e->live = 1;
		e->version = ver;
		e->abs = abs;
		e->nsent = ns;
		e->seq = seq;
	}
	uint64_t live = 0, live_abs = 0, sents = 0;
	int final_ok = 1;
	for (int i = 0; i < N; ++i) {
		if (!m[i].live) continue;
		++live;
		live_abs += (uint64_t)m[i].abs;
		sents += (uint64_t)m[i].nsent;
	}
	const mm_store_stats *st = mm_store_get_stats(s);
	CHECK_INT(st->live, live);
	CHECK_INT(st->live_abstract, live_abs);
	CHECK_INT(st->live_sentences, sents);
	CHECK_INT(st->superseded, superseded);
	CHECK_INT(st->older_ignored, older);
	CHECK_INT(st->deleted, deleted);
	/* a document with mentions is final exactly at its last applied record */
	for (int i = 0; i < N; ++i)
		if (m[i].live && mm_store_is_final(s, m[i].id, m[i].seq + 1)) final_ok = 0;
	CHECK(final_ok);
	mm_store_free(s);
}
