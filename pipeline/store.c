/* store.c -- the document store (store.h); counting is in count.c */
#include "storepriv.h"

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

typedef mm_docent docent;

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
	for (size_t i = 0; i < s->n_doc; ++i) { free(s->doc[i].hit); free(s->doc[i].cx); }
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

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static void clear_hits(docent *d)
{
	free(d->hit);
	free(d->cx);
	d->hit = NULL;
	d->cx = NULL;
	d->n_hit = d->n_cx = 0;
}

/* d's hits become hits[0..n): those in sentences copied, the
 * document-level ones (MM_HIT_DOC) as a sorted list of distinct concepts */
static void set_hits(docent *d, const mm_hit *hits, uint32_t n)
{
	clear_hits(d);
	uint32_t nd = 0;
	for (uint32_t k = 0; k < n; ++k) nd += hits[k].sent == MM_HIT_DOC;
	if (n > nd) d->hit = mm_malloc((n - nd) * sizeof *d->hit);
	if (nd) d->cx = mm_malloc(nd * sizeof *d->cx);
	for (uint32_t k = 0; k < n; ++k) {
		if (hits[k].sent != MM_HIT_DOC) d->hit[d->n_hit++] = hits[k];
		else d->cx[d->n_cx++] = hits[k].concept;
	}
	if (nd > 1) {
		qsort(d->cx, nd, sizeof *d->cx, cmp_u32);
		uint32_t w = 1;
		for (uint32_t k = 1; k < nd; ++k) if (d->cx[k] != d->cx[w - 1]) d->cx[w++] = d->cx[k];
		d->n_cx = w;
	}
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
	set_hits(d, hits, n_hit);
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
		clear_hits(d);
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


const mm_docent *mm_store_docents(const mm_store *s, size_t *n)
{
	*n = s->n_doc;
	return s->doc;
}

const uint64_t *mm_store_year_docs(const mm_store *s) { return s->year_docs; }

static int cmp_hit_cs(const void *x, const void *y)
{
	const mm_hit *a = x, *b = y;
	if (a->concept != b->concept) return a->concept < b->concept ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

void mm_store_renumber(mm_store *s, const uint32_t *map)
{
	for (size_t i = 0; i < s->n_doc; ++i) {
		docent *d = &s->doc[i];
		for (uint32_t k = 0; k < d->n_hit; ++k) d->hit[k].concept = map[d->hit[k].concept];
		for (uint32_t k = 0; k < d->n_cx; ++k) d->cx[k] = map[d->cx[k]];
		if (d->n_hit > 1) qsort(d->hit, d->n_hit, sizeof *d->hit, cmp_hit_cs);
		if (d->n_cx > 1) qsort(d->cx, d->n_cx, sizeof *d->cx, cmp_u32);
	}
}

void mm_store_concepts_used(const mm_store *s, uint8_t *used)
{
	for (size_t i = 0; i < s->n_doc; ++i) {
		const docent *d = &s->doc[i];
		if (!d->live) continue;
		for (uint32_t k = 0; k < d->n_hit; ++k) used[d->hit[k].concept] = 1;
		for (uint32_t k = 0; k < d->n_cx; ++k) used[d->cx[k]] = 1;
	}
}
