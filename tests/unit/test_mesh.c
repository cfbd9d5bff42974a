/* --with-mesh: a document's heading keys, the dictionary's name rule, the
 * concept table of the outputs, and document-level concepts in the store. */
#include "test.h"
#include "../../pipeline/mesh.h"

#include <stdlib.h>
#include <string.h>

static const char xml[] =
	"<PubmedArticle><MedlineCitation><PMID Version=\"1\">7</PMID><Article><ArticleTitle>T.</ArticleTitle></Article>"
	"<MeshHeadingList>"
	"<MeshHeading><DescriptorName UI=\"D009220\" MajorTopicYN=\"N\">Myositis</DescriptorName>"
	"<QualifierName UI=\"Q000139\" MajorTopicYN=\"Y\">chemically induced</QualifierName>"
	"<QualifierName UI=\"Q000188\" MajorTopicYN=\"N\">drug therapy</QualifierName></MeshHeading>"
	"<MeshHeading><DescriptorName UI=\"D006801\" MajorTopicYN=\"N\">Humans</DescriptorName></MeshHeading>"
	"<MeshHeading><DescriptorName UI=\"D006801\" MajorTopicYN=\"N\">Humans</DescriptorName></MeshHeading>"
	"</MeshHeadingList></MedlineCitation></PubmedArticle>";

static void test_doc_keys(void)
{
	mm_doc d = {0};
	d.want_meta = MM_META_MESH;
	CHECK(mm_pubmed_parse(xml, sizeof xml - 1, MM_REC_ARTICLE, &d) == 0);
	mm_buf o = {0};
	mm_mesh_doc(&o, &d, MM_MESH_DESCRIPTORS); /* sorted by key, each once */
	CHECK_STR(o.s, "D006801\tHumans\nD009220\tMyositis\n");
	o.l = 0;
	mm_mesh_doc(&o, &d, MM_MESH_QUALIFIED);
	CHECK_STR(o.s, "D006801\tHumans\nD009220\tMyositis\nD009220/Q000139\tMyositis/chemically induced\n"
	               "D009220/Q000188\tMyositis/drug therapy\n");
	o.l = 0;
	mm_mesh_doc(&o, &d, MM_MESH_MAJOR); /* Myositis is major through a qualifier */
	CHECK_STR(o.s, "D009220\tMyositis\n");
	o.l = 0;
	mm_mesh_doc(&o, &d, MM_MESH_OFF);
	CHECK_INT(o.l, 0);
	/* MEDLINE text has no UIs: the names are the keys */
	static const char med[] = "PMID- 8\nTI  - T.\nMH  - *Myositis/chemically induced\nMH  - Humans\n";
	CHECK(mm_medline_parse(med, sizeof med - 1, &d) == 0);
	o.l = 0;
	mm_mesh_doc(&o, &d, MM_MESH_QUALIFIED);
	CHECK_STR(o.s, "Humans\tHumans\nMyositis\tMyositis\nMyositis/chemically induced\tMyositis/chemically induced\n");
	/* terms are TSV fields: invalid UTF-8 as '?', controls as spaces */
	static const char bad[] = "PMID- 9\nTI  - T.\nMH  - Bad\001Name\377\n";
	CHECK(mm_medline_parse(bad, sizeof bad - 1, &d) == 0);
	o.l = 0;
	mm_mesh_doc(&o, &d, MM_MESH_DESCRIPTORS);
	CHECK_STR(o.s, "Bad Name?\tBad Name?\n");
	mm_buf_free(&o);
	mm_doc_free(&d);
}

static void test_dictionary(void)
{
	mm_mesh m;
	mm_mesh_init(&m, MM_MESH_DESCRIPTORS, 3);
	/* the name of the highest (pmid, version), whatever the order met */
	CHECK_INT(mm_mesh_add(&m, "D1", 2, "New name", 8, 20, 1), 0);
	CHECK_INT(mm_mesh_add(&m, "D2", 2, "Other", 5, 5, 1), 1);
	CHECK_INT(mm_mesh_add(&m, "D1", 2, "Old name", 8, 10, 1), 0);
	CHECK_STR(m.e[0].name, "New name");
	CHECK_INT(mm_mesh_add(&m, "D1", 2, "Newer", 5, 20, 2), 0);
	CHECK_STR(m.e[0].name, "Newer");
	CHECK_INT(mm_mesh_add(&m, "D1", 2, "A tie", 5, 20, 2), 0); /* a tie: the smaller name */
	CHECK_STR(m.e[0].name, "A tie");
	/* a record's hits: its text hits, then one document-level hit per heading */
	mm_hit text = { 1, 0, 0, 1, 0 }, *buf = NULL;
	size_t cap = 0;
	const char lines[] = "D0\tZero\nD2\tOther\n";
	uint32_t n = mm_mesh_hits(&m, lines, sizeof lines - 1, 30, 1, &text, 1, &buf, &cap);
	CHECK_INT(n, 3);
	CHECK_INT(buf[0].concept, 1);
	CHECK_INT(buf[1].concept, 3 + 2); CHECK_INT(buf[1].sent, MM_HIT_DOC);
	CHECK_INT(buf[2].concept, 3 + 1); CHECK_INT(buf[2].n, 1);
	/* the concept table: lexicon concepts and the used MeSH concepts, in id order */
	mm_lexicon lx = {0};
	mm_concept c[3] = { { .id = "antibody:HMGCR", .type_idx = 0 }, { .id = "drug:statin", .type_idx = 1 },
	                    { .id = "symptom:weakness", .type_idx = 2 } };
	char *types[3] = { "antibody", "drug", "symptom" };
	lx.c = c; lx.n_concept = 3; lx.type = types; lx.n_type = 3; lx.antibody_type = 0;
	uint8_t used[6] = { 0, 0, 0, 1, 0, 1 }; /* D1 and D0; D2 only in a superseded record */
	uint32_t map[6];
	mm_lexicon *v = mm_mesh_view(&m, &lx, used, map);
	CHECK_INT(v->n_concept, 5);
	CHECK_INT(v->n_type, 4);
	CHECK_STR(v->type[2], "mesh");
	CHECK_INT(v->antibody_type, 0);
	CHECK_STR(v->c[2].id, "mesh:D0");
	CHECK_STR(v->c[3].id, "mesh:D1");
	CHECK_STR(v->c[3].name, "A tie");
	CHECK_INT(v->c[3].type_idx, 2);
	CHECK_INT(v->c[4].type_idx, 3); /* symptom: after mesh */
	CHECK_INT(map[0], 0); CHECK_INT(map[1], 1); CHECK_INT(map[2], 4);
	CHECK_INT(map[3], 3); CHECK_INT(map[5], 2); CHECK_INT(map[4], UINT32_MAX);
	mm_buf err = {0};
	CHECK_INT(mm_mesh_type_clash(&lx, &err), 0);
	CHECK_INT(mm_mesh_type_clash(v, &err), 1);
	mm_buf_free(&err);
	mm_mesh_view_free(v);
	free(buf);
	mm_mesh_free(&m);
}

/* document-level concepts: a document of their own, pairs with the
 * concepts in sentences only, no sentences or mentions */
static void test_store_doc_level(void)
{
	mm_store *s = mm_store_new();
	mm_hit a[] = { { 0, 0, 0, 2, 0 }, { 3, MM_HIT_DOC, MM_HIT_DOC, 1, 0 }, { 2, MM_HIT_DOC, MM_HIT_DOC, 1, 0 } };
	mm_hit b[] = { { 2, MM_HIT_DOC, MM_HIT_DOC, 1, 0 } };
	mm_hit neg[] = { { 1, 0, 0, 0, 1 }, { 3, MM_HIT_DOC, MM_HIT_DOC, 1, 0 } };
	mm_store_article(s, 1, 1, 2010, 1, 2, a, 3, 1);
	mm_store_article(s, 2, 1, 2011, 1, 1, b, 1, 2);
	mm_store_article(s, 3, 1, 2012, 1, 1, neg, 2, 3);
	mm_counts c;
	mm_count_opts co = { 1, 2, 0 };
	mm_store_count(s, 4, &co, &c);
	CHECK_INT(c.c_docs[0], 1); CHECK_INT(c.c_docs[2], 2); CHECK_INT(c.c_docs[3], 2);
	CHECK_INT(c.c_sents[2], 0); CHECK_INT(c.c_mentions[3], 0);
	CHECK_INT(c.mentions, 2);
	CHECK_INT(c.docs_with_mentions, 1);
	CHECK_INT(c.docs_indexed, 3);
	CHECK_INT(c.c_negated[1], 1);
	/* (0,2) and (0,3); never (2,3) */
	CHECK_INT(c.n_pair, 2);
	CHECK_INT(c.pair[0].a, 0); CHECK_INT(c.pair[0].b, 2); CHECK_INT(c.pair[0].docs, 1);
	CHECK_INT(c.pair[0].sents, 0); CHECK_INT(c.pair[0].sec_docs, 0); CHECK_INT(c.pair[0].sent_docs, 0);
	CHECK_INT(c.pair[1].b, 3);
	CHECK_INT(c.evidence[0].pmid, 1); CHECK_INT(c.evidence[0].sent, 0);
	size_t pairs_by_year = 0;
	for (size_t k = 0; k < c.n_year; ++k) pairs_by_year += c.year[k].b != MM_NO_CONCEPT;
	CHECK_INT(pairs_by_year, 2);
	mm_counts_free(&c);
	/* renumbered: the same counts under the new numbers */
	uint32_t map[4] = { 3, 2, 0, 1 };
	mm_store_renumber(s, map);
	uint8_t used[4] = {0};
	mm_store_concepts_used(s, used);
	CHECK(used[0] && used[1] && used[2] && used[3]);
	mm_store_count(s, 4, NULL, &c);
	CHECK_INT(c.c_docs[3], 1); CHECK_INT(c.c_docs[0], 2); CHECK_INT(c.c_docs[1], 2);
	CHECK_INT(c.n_pair, 2);
	CHECK_INT(c.pair[0].a, 0); CHECK_INT(c.pair[0].b, 3);
	CHECK_INT(c.pair[1].a, 1); CHECK_INT(c.pair[1].b, 3);
	mm_counts_free(&c);
	/* a deletion withdraws them too */
	mm_store_delete(s, 2);
	mm_store_count(s, 4, NULL, &c);
	CHECK_INT(c.c_docs[0], 1);
	mm_counts_free(&c);
	mm_store_free(s);
}

void test_mesh(void)
{
	test_doc_keys();
	test_dictionary();
	test_store_doc_level();
}
