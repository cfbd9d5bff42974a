/* store.c -- see store.h */
#include "store.h"

#include <stdlib.h>
#include <string.h>

/* ---- the ids ------------------------------------------------------------------
 *
 * What the store knows of every id seen (seen, live, has an abstract, its
 * sentence count and year code, the filters it fails) is kept in one of two
 * forms, chosen per page of 65,536 ids, so that memory follows the number of
 * ids, never their values:
 *  - sparse: a hash table of 16-byte entries (about 32 bytes per id);
 *  - dense: bit sets and byte arrays over the whole page (152 KB), once
 *    the page holds DENSE_MIN ids (at least 38 bytes per id then, and
 *    2.4 bytes per id of a full page, as PubMed's ids are); a page
 *    with an id that fails the filters has 128 KB more for their masks.
 * A page table (a hash by page number) counts each page's sparse ids and
 * points to its dense form. */

#define PAGE_BITS 16
#define PAGE_IDS (1u << PAGE_BITS)
#define DENSE_MIN 4096 /* ids of a page at which it turns dense */

enum { ID_SEEN = 1, ID_LIVE = 2, ID_ABS = 4 };

/* what the store holds for one id (all zero: never seen) */
typedef struct {
	uint32_t nsent;   /* sentences while live */
	uint8_t flags;    /* ID_* */
	uint8_t year;     /* mm_year_code while live */
	uint16_t fail;    /* while live: the filters its final version fails
	                   * (mm_store_filter_out's mask; 0: it passes) */
} idrec;

typedef struct { uint64_t key; idrec r; } idslot; /* key = id; 0: empty */
typedef struct { idslot *t; size_t cap, n; } idtab;

typedef struct {
	uint64_t seen[PAGE_IDS / 64], live[PAGE_IDS / 64], abs[PAGE_IDS / 64];
	uint8_t nsent[PAGE_IDS];  /* 255: look in the store's big_nsent */
	uint8_t year[PAGE_IDS];
	uint16_t *fail;           /* idrec.fail of each id; NULL until one fails the filters */
} dpage;

typedef struct { uint64_t key; dpage *d; uint32_t n_sparse; } pgslot; /* key = page + 1; 0: empty */
typedef struct { pgslot *t; size_t cap, n; } pgtab;

/* open-addressing map uint64 -> uint32 (key 0 is "empty"; ids are > 0) */
typedef struct { uint64_t *k; uint32_t *v; size_t cap, n; } u64map;

static uint32_t *map_slot(u64map *m, uint64_t key, int create)
{
	if (create && (m->n + 1) * 4 > m->cap * 3) {
		size_t oc = m->cap;
		uint64_t *ok = m->k;
		uint32_t *ov = m->v;
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

static void map_free(u64map *m) { free(m->k); free(m->v); }

/* Open addressing over slots of sz bytes whose first field is a uint64_t
 * key (0: empty), shared by the id and page tables. */
#define SLOT_KEY(t, sz, i) (*(const uint64_t *)((const char *)(t) + (size_t)(i) * (sz)))

/* t (cap slots) rehashed into a new table of ncap slots; t is freed */
static void *slots_grow(void *t, size_t cap, size_t ncap, size_t sz)
{
	char *nt = mm_calloc(ncap, sz);
	for (size_t i = 0; i < cap; ++i) {
		uint64_t k = SLOT_KEY(t, sz, i);
		if (!k) continue;
		size_t h = mm_hash64(k) & (ncap - 1);
		while (SLOT_KEY(nt, sz, h)) h = (h + 1) & (ncap - 1);
		memcpy(nt + h * sz, (const char *)t + i * sz, sz);
	}
	free(t);
	return nt;
}

/* The index of key's slot in t (cap > 0), or of the empty slot where it goes */
static size_t slots_probe(const void *t, size_t cap, size_t sz, uint64_t key)
{
	size_t h = mm_hash64(key) & (cap - 1);
	while (SLOT_KEY(t, sz, h) && SLOT_KEY(t, sz, h) != key) h = (h + 1) & (cap - 1);
	return h;
}

/* the slot of id in t (NULL when absent, or a new zeroed slot with create) */
static idslot *id_slot(idtab *t, uint64_t id, int create)
{
	if (create && (t->n + 1) * 4 > t->cap * 3) {
		size_t nc = t->cap ? t->cap * 2 : 1024;
		t->t = slots_grow(t->t, t->cap, nc, sizeof *t->t);
		t->cap = nc;
	}
	if (!t->cap) return NULL;
	idslot *x = &t->t[slots_probe(t->t, t->cap, sizeof *t->t, id)];
	if (x->key) return x;
	if (!create) return NULL;
	x->key = id;
	t->n++;
	return x;
}

/* Remove slot x of t (linear probing: the entries after it that would no
 * longer be found move back). */
static void id_remove(idtab *t, idslot *x)
{
	size_t mask = t->cap - 1, i = (size_t)(x - t->t), j = i;
	for (;;) {
		j = (j + 1) & mask;
		if (!t->t[j].key) break;
		size_t k = mm_hash64(t->t[j].key) & mask; /* its home slot */
		if (i <= j ? (k <= i || k > j) : (k <= i && k > j)) { t->t[i] = t->t[j]; i = j; }
	}
	memset(&t->t[i], 0, sizeof t->t[i]);
	t->n--;
}

static pgslot *pg_slot(pgtab *t, uint64_t page, int create)
{
	uint64_t key = page + 1;
	if (create && (t->n + 1) * 4 > t->cap * 3) {
		size_t nc = t->cap ? t->cap * 2 : 256;
		t->t = slots_grow(t->t, t->cap, nc, sizeof *t->t);
		t->cap = nc;
	}
	if (!t->cap) return NULL;
	pgslot *x = &t->t[slots_probe(t->t, t->cap, sizeof *t->t, key)];
	if (x->key) return x;
	if (!create) return NULL;
	x->key = key;
	t->n++;
	return x;
}

typedef struct {
	uint64_t pmid;
	uint32_t n_hit;
	uint64_t seq;
	int year;
	int live;
	mm_hit *hit;
} docent;

struct mm_store {
	idtab ids;        /* ids of sparse pages */
	pgtab pages;      /* every page with an id seen */
	u64map big_nsent; /* sentence counts >= 255 of dense pages' ids */
	uint64_t last_page; /* the last dense page looked up (+1; 0 none) */
	dpage *last_dp;
	uint64_t year_docs[256];
	u64map version;   /* ids whose current version is > 1 */
	u64map idx;       /* id -> docent index, for ids that ever had mentions */
	docent *doc;
	size_t n_doc, m_doc;
	mm_store_stats st;
};

/* the dense page of id, or NULL */
static dpage *dense_of(const mm_store *s, uint64_t page)
{
	if (s->last_page == page + 1) return s->last_dp;
	const pgslot *p = pg_slot((pgtab *)&s->pages, page, 0);
	if (!p || !p->d) return NULL;
	((mm_store *)s)->last_page = page + 1; /* a cache, not state */
	((mm_store *)s)->last_dp = p->d;
	return p->d;
}

static idrec dense_get(const mm_store *s, const dpage *d, uint64_t id)
{
	uint32_t o = (uint32_t)(id & (PAGE_IDS - 1));
	idrec r;
	int b = (int)(o & 63);
	r.flags = (uint8_t)((d->seen[o >> 6] >> b & 1) * ID_SEEN | (d->live[o >> 6] >> b & 1) * ID_LIVE |
	                    (d->abs[o >> 6] >> b & 1) * ID_ABS);
	r.year = d->year[o];
	r.fail = d->fail ? d->fail[o] : 0;
	r.nsent = d->nsent[o];
	if (r.nsent == 255) {
		uint32_t *x = map_slot((u64map *)&s->big_nsent, id, 0);
		if (x) r.nsent = *x;
	}
	return r;
}

static void dense_put(mm_store *s, dpage *d, uint64_t id, idrec r)
{
	uint32_t o = (uint32_t)(id & (PAGE_IDS - 1));
	uint64_t bit = 1ULL << (o & 63);
	d->seen[o >> 6] = (d->seen[o >> 6] & ~bit) | (r.flags & ID_SEEN ? bit : 0);
	d->live[o >> 6] = (d->live[o >> 6] & ~bit) | (r.flags & ID_LIVE ? bit : 0);
	d->abs[o >> 6] = (d->abs[o >> 6] & ~bit) | (r.flags & ID_ABS ? bit : 0);
	d->year[o] = r.year;
	if (r.fail && !d->fail) d->fail = mm_calloc(PAGE_IDS, sizeof *d->fail);
	if (d->fail) d->fail[o] = r.fail;
	d->nsent[o] = (uint8_t)(r.nsent < 255 ? r.nsent : 255);
	if (r.nsent >= 255) *map_slot(&s->big_nsent, id, 1) = r.nsent;
}

/* What the store holds for id (all zero when it was never seen). */
static idrec id_get(const mm_store *s, uint64_t id)
{
	idrec z = {0};
	const dpage *d = dense_of(s, id >> PAGE_BITS);
	if (d) return dense_get(s, d, id);
	const idslot *x = id_slot((idtab *)&s->ids, id, 0);
	return x ? x->r : z;
}

/* Page pg turns dense: its ids move out of the sparse table. */
static void make_dense(mm_store *s, pgslot *pg)
{
	uint64_t base = (pg->key - 1) << PAGE_BITS;
	pg->d = mm_calloc(1, sizeof *pg->d);
	for (uint32_t o = 0; o < PAGE_IDS && pg->n_sparse; ++o) {
		idslot *x = id_slot(&s->ids, base + o, 0);
		if (!x) continue;
		dense_put(s, pg->d, base + o, x->r);
		id_remove(&s->ids, x);
		pg->n_sparse--;
	}
}

/* Store r as what is known of id (an id seen stays seen). */
static void id_put(mm_store *s, uint64_t id, idrec r)
{
	dpage *d = dense_of(s, id >> PAGE_BITS);
	if (d) { dense_put(s, d, id, r); return; }
	idslot *x = id_slot(&s->ids, id, 0);
	if (x) { x->r = r; return; }
	x = id_slot(&s->ids, id, 1);
	x->r = r;
	pgslot *pg = pg_slot(&s->pages, id >> PAGE_BITS, 1);
	if (++pg->n_sparse >= DENSE_MIN) make_dense(s, pg);
}

mm_store *mm_store_new(void) { return mm_calloc(1, sizeof(mm_store)); }

void mm_store_free(mm_store *s)
{
	if (!s) return;
	for (size_t i = 0; i < s->pages.cap; ++i) {
		if (!s->pages.t[i].d) continue;
		free(s->pages.t[i].d->fail);
		free(s->pages.t[i].d);
	}
	free(s->pages.t);
	free(s->ids.t);
	map_free(&s->big_nsent);
	map_free(&s->version);
	map_free(&s->idx);
	for (size_t i = 0; i < s->n_doc; ++i) free(s->doc[i].hit);
	free(s->doc);
	free(s);
}

static int current_version(mm_store *s, uint64_t pmid, const idrec *r)
{
	if (!(r->flags & ID_SEEN)) return 0;
	uint32_t *v = map_slot(&s->version, pmid, 0);
	return v && *v ? (int)*v : 1;
}

/* The live id of r leaves the documents that fail the filters (unlive
 * follows) */
static void filter_back(mm_store *s, idrec *r)
{
	s->st.filtered--;
	s->st.filtered_sentences -= r->nsent;
	s->year_docs[r->year]++;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k)
		if (r->fail >> k & 1) s->st.filtered_by[k]--;
	r->fail = 0;
}

void mm_store_filter_out(mm_store *s, uint64_t pmid, unsigned mask)
{
	mask &= (1u << MM_STORE_FILTER_BITS) - 1;
	idrec r = id_get(s, pmid);
	if (!mask || !(r.flags & ID_LIVE) || r.fail) return;
	r.fail = (uint16_t)mask;
	s->st.filtered++;
	s->st.filtered_sentences += r.nsent;
	s->year_docs[r.year]--;
	for (int k = 0; k < MM_STORE_FILTER_BITS; ++k)
		if (mask >> k & 1) s->st.filtered_by[k]++;
	id_put(s, pmid, r);
}

int mm_store_passes(const mm_store *s, uint64_t pmid)
{
	idrec r = id_get(s, pmid);
	return (r.flags & ID_LIVE) && !r.fail;
}

/* r (of a live id) is no longer live */
static void unlive(mm_store *s, idrec *r)
{
	if (r->fail) filter_back(s, r);
	s->st.live--;
	s->st.live_sentences -= r->nsent;
	s->year_docs[r->year]--;
	if (r->flags & ID_ABS) s->st.live_abstract--;
	r->flags &= (uint8_t)~(ID_LIVE | ID_ABS);
	r->nsent = 0;
}

int mm_store_article(mm_store *s, uint64_t pmid, int version, int year, int has_abstract, uint32_t n_sent,
                     const mm_hit *hits, uint32_t n_hit, uint64_t seq)
{
	if (version < 1) version = 1;
	idrec r = id_get(s, pmid);
	if ((r.flags & ID_LIVE) && version < current_version(s, pmid, &r)) {
		s->st.older_ignored++;
		return 0;
	}
	if (r.flags & ID_LIVE) { s->st.superseded++; unlive(s, &r); }
	s->st.applied++;
	s->st.live++;
	r.flags |= ID_SEEN | ID_LIVE;
	if (has_abstract) { r.flags |= ID_ABS; s->st.live_abstract++; }
	r.nsent = n_sent;
	s->st.live_sentences += n_sent;
	r.year = (uint8_t)mm_year_code(year);
	s->year_docs[r.year]++;
	id_put(s, pmid, r);
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

void mm_store_delete(mm_store *s, uint64_t pmid)
{
	s->st.delete_listed++;
	idrec r = id_get(s, pmid);
	if (!(r.flags & ID_LIVE)) return;
	s->st.deleted++;
	unlive(s, &r);
	id_put(s, pmid, r);
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

int mm_store_is_final(const mm_store *s, uint64_t pmid, uint64_t seq)
{
	uint32_t *ix = map_slot((u64map *)&s->idx, pmid, 0);
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
static void evidence_add(mm_evidence *ev, int k, uint64_t pmid, int year, uint32_t sent)
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
 * here; uc: room for n concepts): per sentence (counted), and whether the
 * document has one at all (counted once per document: last_* holds the
 * document that counted it last, doc_tag).  The work is linear in the hits
 * times the concepts that share a sentence or a section: hits are (concept,
 * sentence) pairs, and a section's concepts are counted once each, however
 * many of its sentences name them. */
static void count_local_pairs(pairmap *pm, mm_hit *tmp, uint32_t n, uint64_t doc_tag, uint32_t *uc)
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
		size_t nu = distinct_concepts(tmp + a, b - a, uc);
		for (size_t x = 0; x < nu; ++x)
			for (size_t y = x + 1; y < nu; ++y) {
				pslot *p = pair_get(pm, uc[x], uc[y]);
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

/* The evidence rows of document pmid get the first sentence (1-based) that
 * each pair shares there: hit[0..n) (sorted here by sentence) is swept in
 * sentence order, and a row whose sentence is still 0 takes the current
 * one.  Linear in the hits times the concepts per sentence, as counting. */
static void shared_sentences(mm_counts *out, mm_hit *hit, uint32_t n, uint64_t pmid)
{
	int k = out->evidence_k;
	qsort(hit, n, sizeof *hit, cmp_hit_sent);
	for (uint32_t a = 0; a < n;) {
		uint32_t b = a;
		while (b < n && hit[b].sent == hit[a].sent) ++b;
		for (uint32_t x = a; x < b; ++x)
			for (uint32_t y = x + 1; y < b; ++y) {
				if (hit[x].concept == hit[y].concept) continue;
				mm_evidence *ev = out->evidence + pair_index(out, hit[x].concept, hit[y].concept) * (size_t)k;
				for (int r = 0; r < k && ev[r].pmid; ++r)
					if (ev[r].pmid == pmid) { if (!ev[r].sent) ev[r].sent = hit[a].sent + 1; break; }
			}
		a = b;
	}
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
	int any = 0;
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
				if (k > 0) {
					evidence_add(out->evidence + pair_index(out, uc[x], uc[z]) * (size_t)k, k, d->pmid, d->year, 0);
					any = 1;
				}
			}
		}
		if (any) shared_sentences(out, live, nl, d->pmid);
		any = 0;
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
		count_local_pairs(&pm, tmp, nl, (uint64_t)i + 1, uc);
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
