/* store.c -- see store.h */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_BITS 16 /* one bitmap page covers 65536 PMIDs (8 KB) */

typedef struct {
	uint64_t **page;
	size_t n_page;
} bitmap;

static int bm_get(const bitmap *b, uint32_t k)
{
	size_t p = k >> PAGE_BITS;
	if (p >= b->n_page || !b->page[p]) return 0;
	uint32_t o = k & ((1u << PAGE_BITS) - 1);
	return (int)(b->page[p][o >> 6] >> (o & 63) & 1);
}

static void bm_set(bitmap *b, uint32_t k, int v)
{
	size_t p = k >> PAGE_BITS;
	if (p >= b->n_page) {
		if (!v) return;
		size_t np = p + 1;
		b->page = mm_realloc(b->page, np * sizeof *b->page);
		memset(b->page + b->n_page, 0, (np - b->n_page) * sizeof *b->page);
		b->n_page = np;
	}
	if (!b->page[p]) { if (!v) return; b->page[p] = mm_calloc(1u << (PAGE_BITS - 6), sizeof(uint64_t)); }
	uint32_t o = k & ((1u << PAGE_BITS) - 1);
	if (v) b->page[p][o >> 6] |= 1ULL << (o & 63);
	else b->page[p][o >> 6] &= ~(1ULL << (o & 63));
}

static void bm_free(bitmap *b)
{
	for (size_t i = 0; i < b->n_page; ++i) free(b->page[i]);
	free(b->page);
}

/* open-addressing map uint32 -> uint32 (key 0 is "empty"; PMIDs are > 0) */
typedef struct { uint32_t *k, *v; size_t cap, n; } u32map;

static uint32_t *map_slot(u32map *m, uint32_t key, int create)
{
	if (create && (m->n + 1) * 4 > m->cap * 3) {
		size_t oc = m->cap;
		uint32_t *ok = m->k, *ov = m->v;
		m->cap = oc ? oc * 2 : 1024;
		m->k = mm_calloc(m->cap, sizeof *m->k);
		m->v = mm_malloc(m->cap * sizeof *m->v);
		for (size_t i = 0; i < oc; ++i) if (ok[i]) {
			size_t h = mm_hash64(ok[i]) & (m->cap - 1);
			while (m->k[h]) h = (h + 1) & (m->cap - 1);
			m->k[h] = ok[i];
			m->v[h] = ov[i];
		}
		free(ok); free(ov);
	}
	if (!m->cap) return NULL;
	size_t h = mm_hash64(key) & (m->cap - 1);
	while (m->k[h]) {
		if (m->k[h] == key) return &m->v[h];
		h = (h + 1) & (m->cap - 1);
	}
	if (!create) return NULL;
	m->k[h] = key;
	m->n++;
	return &m->v[h];
}

typedef struct {
	uint32_t pmid;
	uint32_t n_hit;
	uint64_t seq;
	int year;
	int live;
	mm_hit *hit;
} docent;

/* sentence count per PMID: one byte in sparse pages, 255 = look in `big` */
typedef struct {
	uint8_t **page;
	size_t n_page;
	u32map big;
} bytemap;

static uint32_t *map_slot(u32map *m, uint32_t key, int create);

static uint32_t bytes_get(bytemap *b, uint32_t k)
{
	size_t p = k >> PAGE_BITS;
	if (p >= b->n_page || !b->page[p]) return 0;
	uint8_t v = b->page[p][k & ((1u << PAGE_BITS) - 1)];
	if (v < 255) return v;
	uint32_t *x = map_slot(&b->big, k, 0);
	return x ? *x : 255;
}

static void bytes_set(bytemap *b, uint32_t k, uint32_t v)
{
	size_t p = k >> PAGE_BITS;
	if (p >= b->n_page) {
		b->page = mm_realloc(b->page, (p + 1) * sizeof *b->page);
		memset(b->page + b->n_page, 0, (p + 1 - b->n_page) * sizeof *b->page);
		b->n_page = p + 1;
	}
	if (!b->page[p]) b->page[p] = mm_calloc(1u << PAGE_BITS, 1);
	b->page[p][k & ((1u << PAGE_BITS) - 1)] = (uint8_t)(v < 255 ? v : 255);
	if (v >= 255) *map_slot(&b->big, k, 1) = v;
}

struct mm_store {
	bitmap seen, live, abs;
	bytemap nsent;    /* sentences of each live PMID */
	bytemap year;     /* publication year - 1799 (1..255), 0 = unknown */
	uint64_t year_docs[256];
	u32map version;   /* PMIDs whose current version is > 1 */
	u32map idx;       /* PMID -> docent index, for PMIDs that ever had mentions */
	docent *doc;
	size_t n_doc, m_doc;
	mm_store_stats st;
	bitmap out, fail[MM_STORE_FILTER_BITS]; /* live PMIDs that fail the filters, and which */
};

mm_store *mm_store_new(void) { return mm_calloc(1, sizeof(mm_store)); }

void mm_store_free(mm_store *s)
{
	if (!s) return;
	bm_free(&s->seen); bm_free(&s->live); bm_free(&s->abs);
	bm_free(&s->out);
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k) bm_free(&s->fail[k]);
	for (size_t i = 0; i < s->nsent.n_page; ++i) free(s->nsent.page[i]);
	free(s->nsent.page); free(s->nsent.big.k); free(s->nsent.big.v);
	for (size_t i = 0; i < s->year.n_page; ++i) free(s->year.page[i]);
	free(s->year.page); free(s->year.big.k); free(s->year.big.v);
	free(s->version.k); free(s->version.v);
	free(s->idx.k); free(s->idx.v);
	for (size_t i = 0; i < s->n_doc; ++i) free(s->doc[i].hit);
	free(s->doc);
	free(s);
}

static int current_version(mm_store *s, uint32_t pmid)
{
	if (!bm_get(&s->seen, pmid)) return 0;
	uint32_t *v = map_slot(&s->version, pmid, 0);
	return v && *v ? (int)*v : 1;
}

/* pmid leaves the documents that fail the filters (unlive follows) */
static void filter_back(mm_store *s, uint32_t pmid)
{
	bm_set(&s->out, pmid, 0);
	s->st.filtered--;
	s->st.filtered_sentences -= bytes_get(&s->nsent, pmid);
	s->year_docs[bytes_get(&s->year, pmid) & 255]++;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k)
		if (bm_get(&s->fail[k], pmid)) { bm_set(&s->fail[k], pmid, 0); s->st.filtered_by[k]--; }
}

void mm_store_filter_out(mm_store *s, uint32_t pmid, unsigned mask)
{
	if (!mask || !bm_get(&s->live, pmid) || bm_get(&s->out, pmid)) return;
	bm_set(&s->out, pmid, 1);
	s->st.filtered++;
	s->st.filtered_sentences += bytes_get(&s->nsent, pmid);
	s->year_docs[bytes_get(&s->year, pmid) & 255]--;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k)
		if (mask >> k & 1) { bm_set(&s->fail[k], pmid, 1); s->st.filtered_by[k]++; }
}

int mm_store_passes(const mm_store *s, uint32_t pmid)
{
	return bm_get(&s->live, pmid) && !bm_get(&s->out, pmid);
}

static void unlive(mm_store *s, uint32_t pmid)
{
	if (bm_get(&s->out, pmid)) filter_back(s, pmid);
	bm_set(&s->live, pmid, 0);
	s->st.live--;
	s->st.live_sentences -= bytes_get(&s->nsent, pmid);
	bytes_set(&s->nsent, pmid, 0);
	s->year_docs[bytes_get(&s->year, pmid) & 255]--;
	if (bm_get(&s->abs, pmid)) { s->st.live_abstract--; bm_set(&s->abs, pmid, 0); }
}

int mm_store_article(mm_store *s, uint32_t pmid, int version, int year, int has_abstract, uint32_t n_sent,
                     const mm_hit *hits, uint32_t n_hit, uint64_t seq)
{
	if (version < 1) version = 1;
	if (bm_get(&s->live, pmid) && version < current_version(s, pmid)) {
		s->st.older_ignored++;
		return 0;
	}
	if (bm_get(&s->live, pmid)) { s->st.superseded++; unlive(s, pmid); }
	s->st.applied++;
	bm_set(&s->seen, pmid, 1);
	bm_set(&s->live, pmid, 1);
	s->st.live++;
	if (has_abstract) { bm_set(&s->abs, pmid, 1); s->st.live_abstract++; }
	bytes_set(&s->nsent, pmid, n_sent);
	s->st.live_sentences += n_sent;
	uint32_t yc = mm_year_code(year);
	bytes_set(&s->year, pmid, yc);
	s->year_docs[yc]++;
	uint32_t *vs = map_slot(&s->version, pmid, version > 1);
	if (vs) *vs = (uint32_t)version;
	uint32_t *ix = map_slot(&s->idx, pmid, 0);
	if (!ix) {
		if (!n_hit) return 1; /* no mentions now, none before */
		if (s->n_doc == s->m_doc) { s->m_doc = s->m_doc ? s->m_doc * 2 : 1024; s->doc = mm_realloc(s->doc, s->m_doc * sizeof *s->doc); }
		memset(&s->doc[s->n_doc], 0, sizeof *s->doc);
		s->doc[s->n_doc].pmid = pmid;
		ix = map_slot(&s->idx, pmid, 1);
		*ix = (uint32_t)s->n_doc++;
	}
	docent *d = &s->doc[*ix];
	free(d->hit);
	d->hit = NULL;
	d->n_hit = n_hit;
	if (n_hit) {
		d->hit = mm_malloc(n_hit * sizeof *hits);
		memcpy(d->hit, hits, n_hit * sizeof *hits);
	}
	d->seq = seq;
	d->year = year;
	d->live = 1;
	return 1;
}

void mm_store_delete(mm_store *s, uint32_t pmid)
{
	s->st.delete_listed++;
	if (!bm_get(&s->live, pmid)) return;
	s->st.deleted++;
	unlive(s, pmid);
	uint32_t *vs = map_slot(&s->version, pmid, 0);
	if (vs) *vs = 1;
	uint32_t *ix = map_slot(&s->idx, pmid, 0);
	if (ix) {
		docent *d = &s->doc[*ix];
		free(d->hit);
		d->hit = NULL;
		d->n_hit = 0;
		d->live = 0;
	}
}

const mm_store_stats *mm_store_get_stats(const mm_store *s) { return &s->st; }

int mm_store_is_final(const mm_store *s, uint32_t pmid, uint64_t seq)
{
	uint32_t *ix = map_slot((u32map *)&s->idx, pmid, 0);
	if (!ix) return 0;
	const docent *d = &s->doc[*ix];
	return d->live && d->seq == seq;
}

uint32_t mm_year_code(int year) { return year >= 1800 && year <= 2054 ? (uint32_t)(year - 1799) : 0; }
int mm_year_of_code(uint32_t code) { return code ? (int)code + 1799 : 0; }

/* ---- counting ---------------------------------------------------------- */

typedef struct { uint64_t key; uint64_t docs, sents, sec_docs, sent_docs; uint64_t last_sec, last_sent; } pslot;
typedef struct { pslot *t; size_t cap, n; } pairmap;

static pslot *pair_get(pairmap *m, uint32_t a, uint32_t b)
{
	uint64_t key = ((uint64_t)a << 32 | b) + 1;
	if ((m->n + 1) * 2 > m->cap) {
		size_t oc = m->cap;
		pslot *old = m->t;
		m->cap = oc ? oc * 2 : 4096;
		m->t = mm_calloc(m->cap, sizeof *m->t);
		for (size_t i = 0; i < oc; ++i) if (old[i].key) {
			size_t h = mm_hash64(old[i].key) & (m->cap - 1);
			while (m->t[h].key) h = (h + 1) & (m->cap - 1);
			m->t[h] = old[i];
		}
		free(old);
	}
	size_t h = mm_hash64(key) & (m->cap - 1);
	while (m->t[h].key && m->t[h].key != key) h = (h + 1) & (m->cap - 1);
	if (!m->t[h].key) { m->t[h].key = key; m->n++; }
	return &m->t[h];
}

static int cmp_hit_sent(const void *x, const void *y)
{
	const mm_hit *a = x, *b = y;
	if (a->sent != b->sent) return a->sent < b->sent ? -1 : 1;
	return a->concept < b->concept ? -1 : a->concept > b->concept;
}

static int cmp_hit_sec(const void *x, const void *y)
{
	const mm_hit *a = x, *b = y;
	if (a->sec != b->sec) return a->sec < b->sec ? -1 : 1;
	return a->concept < b->concept ? -1 : a->concept > b->concept;
}

static int cmp_pair(const void *x, const void *y)
{
	const mm_pair *a = x, *b = y;
	if (a->a != b->a) return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* index of pair (a, b) in the sorted pair array */
static size_t pair_index(const mm_counts *c, uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = c->n_pair;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		const mm_pair *p = &c->pair[m];
		if (p->a < a || (p->a == a && p->b < b)) lo = m + 1; else hi = m;
	}
	return lo;
}

/* Keep the k most recent (year, then PMID) documents of a pair. */
static void evidence_add(mm_evidence *ev, int k, uint32_t pmid, int year, uint32_t sent)
{
	int n = 0;
	while (n < k && ev[n].pmid) ++n;
	int pos = n;
	while (pos > 0 && (ev[pos - 1].year < year || (ev[pos - 1].year == year && ev[pos - 1].pmid < pmid))) --pos;
	if (pos >= k) return;
	memmove(ev + pos + 1, ev + pos, (size_t)((n < k ? n : k - 1) - pos) * sizeof *ev);
	ev[pos].pmid = pmid;
	ev[pos].year = year;
	ev[pos].sent = sent;
}

/* The hits of document d that take part in co-occurrence, copied to
 * live[0..d->n_hit): those with mentions that are not negated and, with
 * keep_negated, those with negated ones, whose count then includes them.
 * Returns how many. */
static uint32_t counted_hits(const docent *d, int keep_negated, mm_hit *live)
{
	uint32_t nl = 0;
	for (uint32_t k = 0; k < d->n_hit; ++k)
		if (d->hit[k].n || (keep_negated && d->hit[k].neg)) {
			live[nl] = d->hit[k];
			if (keep_negated) live[nl].n += live[nl].neg;
			nl++;
		}
	return nl;
}

/* The distinct concepts of hit[0..n) (sorted by concept) into uc; returns
 * how many. */
static size_t distinct_concepts(const mm_hit *hit, uint32_t n, uint32_t *uc)
{
	size_t nu = 0;
	for (uint32_t k = 0; k < n; ++k)
		if (!nu || uc[nu - 1] != hit[k].concept) uc[nu++] = hit[k].concept;
	return nu;
}

/* Sentence and section pairs of one document's hits (tmp: a copy, sorted
 * here): per sentence (counted), and whether the document has one at all
 * (counted once per document: last_* holds the document that counted it
 * last, doc_tag). */
static void count_local_pairs(pairmap *pm, mm_hit *tmp, uint32_t n, uint64_t doc_tag)
{
	qsort(tmp, n, sizeof *tmp, cmp_hit_sent);
	for (uint32_t a = 0; a < n;) {
		uint32_t b = a;
		while (b < n && tmp[b].sent == tmp[a].sent) ++b;
		for (uint32_t x = a; x < b; ++x)
			for (uint32_t y = x + 1; y < b; ++y) {
				pslot *p = pair_get(pm, tmp[x].concept, tmp[y].concept);
				p->sents++;
				if (p->last_sent != doc_tag) { p->last_sent = doc_tag; p->sent_docs++; }
			}
		a = b;
	}
	qsort(tmp, n, sizeof *tmp, cmp_hit_sec);
	for (uint32_t a = 0; a < n;) {
		uint32_t b = a;
		while (b < n && tmp[b].sec == tmp[a].sec) ++b;
		for (uint32_t x = a; x < b; ++x)
			for (uint32_t y = x + 1; y < b; ++y) {
				if (tmp[x].concept == tmp[y].concept) continue;
				pslot *p = pair_get(pm, tmp[x].concept, tmp[y].concept);
				if (p->last_sec != doc_tag) { p->last_sec = doc_tag; p->sec_docs++; }
			}
		a = b;
	}
}

/* The pairs of pm into out->pair, sorted by (a, b); pm is freed. */
static void collect_pairs(pairmap *pm, mm_counts *out)
{
	out->pair = mm_malloc((pm->n ? pm->n : 1) * sizeof *out->pair);
	for (size_t i = 0; i < pm->cap; ++i) if (pm->t[i].key) {
		uint64_t k = pm->t[i].key - 1;
		mm_pair *p = &out->pair[out->n_pair++];
		p->a = (uint32_t)(k >> 32);
		p->b = (uint32_t)k;
		p->docs = pm->t[i].docs;
		p->sents = pm->t[i].sents;
		p->sec_docs = pm->t[i].sec_docs;
		p->sent_docs = pm->t[i].sent_docs;
	}
	qsort(out->pair, out->n_pair, sizeof *out->pair, cmp_pair);
	free(pm->t);
	memset(pm, 0, sizeof *pm);
}

/* The first sentence (1-based) where concepts a and b both occur among
 * hit[0..n) (sorted by concept, then sentence), or 0. */
static uint32_t shared_sentence(const mm_hit *hit, uint32_t n, uint32_t a, uint32_t b)
{
	for (uint32_t p = 0; p < n; ++p) {
		if (hit[p].concept != a) continue;
		for (uint32_t q = 0; q < n; ++q)
			if (hit[q].concept == b && hit[q].sent == hit[p].sent) return hit[p].sent + 1;
	}
	return 0;
}

/* The per-year rows of out->year from keys[0..nk) (year<<56 | a<<28 | b),
 * each key once per document: sorted, and counted by key. */
static void year_rows(uint64_t *keys, size_t nk, mm_counts *out)
{
	if (nk) qsort(keys, nk, sizeof *keys, cmp_u64);
	for (size_t a = 0; a < nk;) {
		size_t b = a;
		while (b < nk && keys[b] == keys[a]) ++b;
		if (out->n_year == out->m_year) { out->m_year = out->m_year ? out->m_year * 2 : 1024; out->year = mm_realloc(out->year, out->m_year * sizeof *out->year); }
		mm_yearcount *yc = &out->year[out->n_year++];
		yc->year = mm_year_of_code((uint32_t)(keys[a] >> 56));
		yc->a = (uint32_t)(keys[a] >> 28 & 0x0FFFFFFF);
		yc->b = (uint32_t)(keys[a] & 0x0FFFFFFF);
		yc->docs = b - a;
		a = b;
	}
}

static void push_key(uint64_t **keys, size_t *nk, size_t *mk, uint64_t key)
{
	if (*nk == *mk) { *mk = *mk ? *mk * 2 : 4096; *keys = mm_realloc(*keys, *mk * sizeof **keys); }
	(*keys)[(*nk)++] = key;
}

/* The second pass, over the pairs counted: per-year keys (b = 2^28-1 for a
 * concept alone) into out->year, and the evidence documents of each pair.
 * live and uc hold as many entries as the largest document has hits. */
static void count_years_evidence(const mm_store *s, const mm_count_opts *opt, mm_counts *out, mm_hit *live, uint32_t *uc)
{
	int k = opt->evidence;
	if (k > 0) out->evidence = mm_calloc(out->n_pair * (size_t)k + 1, sizeof *out->evidence);
	out->evidence_k = k;
	uint64_t *keys = NULL;
	size_t nk = 0, mk = 0;
	for (size_t i = 0; i < s->n_doc; ++i) {
		const docent *d = &s->doc[i];
		if (!d->live || !d->n_hit) continue;
		uint32_t nl = counted_hits(d, opt->keep_negated, live);
		if (!nl) continue;
		uint64_t y = mm_year_code(d->year);
		size_t nu = distinct_concepts(live, nl, uc);
		for (size_t x = 0; x < nu; ++x) {
			if (opt->by_year) push_key(&keys, &nk, &mk, y << 56 | (uint64_t)uc[x] << 28 | 0x0FFFFFFF);
			for (size_t z = x + 1; z < nu; ++z) {
				if (opt->by_year) push_key(&keys, &nk, &mk, y << 56 | (uint64_t)uc[x] << 28 | uc[z]);
				if (k > 0)
					evidence_add(out->evidence + pair_index(out, uc[x], uc[z]) * (size_t)k, k, d->pmid, d->year,
					             shared_sentence(live, nl, uc[x], uc[z]));
			}
		}
	}
	year_rows(keys, nk, out);
	free(keys);
}

void mm_store_count(const mm_store *s, int n_concept, const mm_count_opts *opt, mm_counts *out)
{
	memset(out, 0, sizeof *out);
	memcpy(out->year_docs, s->year_docs, sizeof out->year_docs);
	out->n_concept = n_concept;
	out->c_docs = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_sents = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_mentions = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_negated = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->n_docs = s->st.live - s->st.filtered;
	out->n_sents = s->st.live_sentences - s->st.filtered_sentences;
	int keep = opt && opt->keep_negated;
	pairmap pm = {0};
	uint32_t *uc = NULL;
	mm_hit *tmp = NULL, *live = NULL;
	size_t m_buf = 0;
	for (size_t i = 0; i < s->n_doc; ++i) {
		const docent *d = &s->doc[i];
		if (!d->live || !d->n_hit) continue;
		if (d->n_hit > m_buf) {
			m_buf = d->n_hit;
			tmp = mm_realloc(tmp, m_buf * sizeof *tmp);
			live = mm_realloc(live, m_buf * sizeof *live);
			uc = mm_realloc(uc, m_buf * sizeof *uc);
		}
		/* negated-only hits: counted, but no part of co-occurrence */
		for (uint32_t k = 0; k < d->n_hit; ++k) {
			out->c_negated[d->hit[k].concept] += d->hit[k].neg;
			out->negated += d->hit[k].neg;
		}
		uint32_t nl = counted_hits(d, keep, live);
		if (!nl) continue;
		out->docs_with_mentions++;
		for (uint32_t k = 0; k < nl; ++k) {
			const mm_hit *h = &live[k];
			out->c_sents[h->concept]++;
			out->c_mentions[h->concept] += h->n;
			out->mentions += h->n;
		}
		size_t nu = distinct_concepts(live, nl, uc);
		for (size_t x = 0; x < nu; ++x) {
			out->c_docs[uc[x]]++;
			for (size_t y = x + 1; y < nu; ++y) pair_get(&pm, uc[x], uc[y])->docs++;
		}
		memcpy(tmp, live, nl * sizeof *tmp);
		count_local_pairs(&pm, tmp, nl, (uint64_t)i + 1);
	}
	collect_pairs(&pm, out);
	if (opt && (opt->by_year || opt->evidence > 0)) count_years_evidence(s, opt, out, live, uc);
	free(uc); free(tmp); free(live);
}

void mm_counts_free(mm_counts *c)
{
	free(c->c_docs); free(c->c_sents); free(c->c_mentions); free(c->c_negated); free(c->pair);
	free(c->year); free(c->evidence);
	memset(c, 0, sizeof *c);
}
