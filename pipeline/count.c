/* count.c -- counting over the store's final documents (store.h): per
 * concept, per pair, per year, and the evidence documents of each pair. */
#include "storepriv.h"

#include <stdlib.h>
#include <string.h>

typedef mm_docent docent;

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
 * live[0..d->n_hit + d->n_cx) in concept order: those with mentions that
 * are not negated and, with keep_negated, those with negated ones, whose
 * count then includes them, merged with the document-level concepts
 * (MM_HIT_DOC hits).  Returns how many; *n_sent: how many are in
 * sentences. */
static uint32_t counted_hits(const docent *d, int keep_negated, mm_hit *live, uint32_t *n_sent)
{
	uint32_t nl = 0, j = 0;
	for (uint32_t k = 0; k < d->n_hit; ++k) {
		const mm_hit *h = &d->hit[k];
		if (!h->n && !(keep_negated && h->neg)) continue;
		for (; j < d->n_cx && d->cx[j] < h->concept; ++j) live[nl++] = (mm_hit){ d->cx[j], MM_HIT_DOC, MM_HIT_DOC, 1, 0 };
		live[nl] = *h;
		if (keep_negated) live[nl].n += live[nl].neg;
		nl++;
	}
	*n_sent = nl - j;
	for (; j < d->n_cx; ++j) live[nl++] = (mm_hit){ d->cx[j], MM_HIT_DOC, MM_HIT_DOC, 1, 0 };
	return nl;
}

/* The hits of hit[0..n) in sentences, copied to out; returns how many. */
static uint32_t sentence_hits(const mm_hit *hit, uint32_t n, mm_hit *out)
{
	uint32_t m = 0;
	for (uint32_t k = 0; k < n; ++k) if (hit[k].sent != MM_HIT_DOC) out[m++] = hit[k];
	return m;
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

/* The same, the concepts in sentences into uc (*nu of them) and the
 * document-level ones into dc (*nd), each list sorted.  A document's pairs
 * are those of two concepts of uc and those of one of uc with one of dc
 * (never two of dc: store.h), so they cost nu x (nu + nd), not (nu + nd)^2. */
static void distinct_split(const mm_hit *hit, uint32_t n, uint32_t *uc, size_t *nu, uint32_t *dc, size_t *nd)
{
	*nu = *nd = 0;
	for (uint32_t k = 0; k < n; ++k) {
		uint32_t *l = hit[k].sent == MM_HIT_DOC ? dc : uc;
		size_t *m = hit[k].sent == MM_HIT_DOC ? nd : nu;
		if (!*m || l[*m - 1] != hit[k].concept) l[(*m)++] = hit[k].concept;
	}
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

/* Working arrays, each with room for the hits of the largest document */
typedef struct {
	mm_hit *live, *tmp;
	uint32_t *uc, *dc;
	size_t m;
} work;

static void work_fit(work *w, size_t n)
{
	if (n <= w->m) return;
	w->m = n;
	w->live = mm_realloc(w->live, n * sizeof *w->live);
	w->tmp = mm_realloc(w->tmp, n * sizeof *w->tmp);
	w->uc = mm_realloc(w->uc, n * sizeof *w->uc);
	w->dc = mm_realloc(w->dc, n * sizeof *w->dc);
}

/* The second pass, over the pairs counted: per-year keys (b = 2^28-1 for a
 * concept alone) into out->year, and the evidence documents of each pair. */
static void count_years_evidence(const mm_store *s, const mm_count_opts *opt, mm_counts *out, work *w)
{
	int k = opt->evidence;
	if (k > 0) out->evidence = mm_calloc(out->n_pair * (size_t)k + 1, sizeof *out->evidence);
	out->evidence_k = k;
	uint64_t *keys = NULL;
	size_t nk = 0, mk = 0, n_doc;
	const docent *docs = mm_store_docents(s, &n_doc);
	for (size_t i = 0; i < n_doc; ++i) {
		const docent *d = &docs[i];
		if (!d->live || (!d->n_hit && !d->n_cx)) continue;
		uint32_t ns, nl = counted_hits(d, opt->keep_negated, w->live, &ns);
		if (!nl) continue;
		uint64_t y = mm_year_code(d->year);
		size_t nu, nd;
		distinct_split(w->live, nl, w->uc, &nu, w->dc, &nd);
		const uint32_t *uc = w->uc, *dc = w->dc;
		for (size_t x = 0; opt->by_year && x < nu + nd; ++x)
			push_key(&keys, &nk, &mk, y << 56 | (uint64_t)(x < nu ? uc[x] : dc[x - nu]) << 28 | 0x0FFFFFFF);
		for (size_t x = 0; x < nu; ++x)
			for (size_t z = x + 1; z < nu + nd; ++z) {
				uint32_t a = uc[x], b = z < nu ? uc[z] : dc[z - nu];
				if (a > b) { uint32_t t = a; a = b; b = t; }
				if (opt->by_year) push_key(&keys, &nk, &mk, y << 56 | (uint64_t)a << 28 | b);
				if (k > 0) evidence_add(out->evidence + pair_index(out, a, b) * (size_t)k, k, d->pmid, d->year, 0);
			}
		if (k > 0 && ns > 1) shared_sentences(out, w->tmp, sentence_hits(w->live, nl, w->tmp), d->pmid);
	}
	year_rows(keys, nk, out);
	free(keys);
}

/* One document's counts: concepts, mentions and document-level pairs. */
static void count_doc(mm_counts *out, pairmap *pm, const docent *d, uint64_t doc_tag, int keep, work *w)
{
	work_fit(w, (size_t)d->n_hit + d->n_cx);
	/* negated-only hits: counted, but no part of co-occurrence */
	for (uint32_t k = 0; k < d->n_hit; ++k) {
		out->c_negated[d->hit[k].concept] += d->hit[k].neg;
		out->negated += d->hit[k].neg;
	}
	uint32_t ns, nl = counted_hits(d, keep, w->live, &ns);
	if (!nl) return;
	if (ns) out->docs_with_mentions++;
	if (nl > ns) out->docs_indexed++;
	for (uint32_t k = 0; k < nl; ++k) {
		const mm_hit *h = &w->live[k];
		if (h->sent == MM_HIT_DOC) continue;
		out->c_sents[h->concept]++;
		out->c_mentions[h->concept] += h->n;
		out->mentions += h->n;
	}
	size_t nu, nd;
	distinct_split(w->live, nl, w->uc, &nu, w->dc, &nd);
	for (size_t x = 0; x < nd; ++x) out->c_docs[w->dc[x]]++;
	for (size_t x = 0; x < nu; ++x) {
		out->c_docs[w->uc[x]]++;
		for (size_t z = x + 1; z < nu + nd; ++z) {
			uint32_t a = w->uc[x], b = z < nu ? w->uc[z] : w->dc[z - nu];
			pair_get(pm, a < b ? a : b, a < b ? b : a)->docs++;
		}
	}
	uint32_t nt = ns == nl ? (memcpy(w->tmp, w->live, nl * sizeof *w->tmp), nl) : sentence_hits(w->live, nl, w->tmp);
	count_local_pairs(pm, w->tmp, nt, doc_tag, w->uc);
}

void mm_store_count(const mm_store *s, int n_concept, const mm_count_opts *opt, mm_counts *out)
{
	const mm_store_stats *st = mm_store_get_stats(s);
	memset(out, 0, sizeof *out);
	memcpy(out->year_docs, mm_store_year_docs(s), sizeof out->year_docs);
	out->n_concept = n_concept;
	out->c_docs = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_sents = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_mentions = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->c_negated = mm_calloc((size_t)n_concept, sizeof(uint64_t));
	out->n_docs = st->live - st->filtered;
	out->n_sents = st->live_sentences - st->filtered_sentences;
	int keep = opt && opt->keep_negated;
	pairmap pm = {0};
	work w = {0};
	size_t n_doc;
	const docent *docs = mm_store_docents(s, &n_doc);
	for (size_t i = 0; i < n_doc; ++i)
		if (docs[i].live && (docs[i].n_hit || docs[i].n_cx)) count_doc(out, &pm, &docs[i], (uint64_t)i + 1, keep, &w);
	collect_pairs(&pm, out);
	if (opt && (opt->by_year || opt->evidence > 0)) count_years_evidence(s, opt, out, &w);
	free(w.live); free(w.tmp); free(w.uc); free(w.dc);
}

void mm_counts_free(mm_counts *c)
{
	free(c->c_docs); free(c->c_sents); free(c->c_mentions); free(c->c_negated); free(c->pair);
	free(c->year); free(c->evidence);
	memset(c, 0, sizeof *c);
}
