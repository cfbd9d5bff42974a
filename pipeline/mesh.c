/* mesh.c -- MeSH headings as concepts (mesh.h) */
#include "mesh.h"

#include <stdlib.h>
#include <string.h>

const char *const mm_mesh_mode_name[MM_MESH_N] = { "none", "descriptors", "qualified", "major" };

/* ---- a document's keys (the worker step) -------------------------------------- */

/* a term's key part: its UI, or its name where the record has no UI (terms
 * hold no control characters, doc.h: so no tab or line end) */
static void put_key(mm_buf *b, const mm_doc *d, const mm_term *t)
{
	if (t->ui_n) mm_buf_put(b, mm_term_ui(d, t), t->ui_n);
	else mm_buf_put(b, mm_term_name(d, t), t->name_n);
}

static int line_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

/* the length of the key of line s[0..n) (up to its tab) */
static size_t key_len(const char *s, size_t n)
{
	const char *t = memchr(s, '\t', n);
	return t ? (size_t)(t - s) : n;
}

/* lines by key, then by name */
static int key_name_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t ak = key_len(a, an), bk = key_len(b, bn);
	int c = line_cmp(a, ak, b, bk);
	return c ? c : line_cmp(a + ak, an - ak, b + bk, bn - bk);
}

typedef struct { const char *s; size_t n; } line;

static int cmp_line(const void *x, const void *y)
{
	const line *a = x, *b = y;
	return key_name_cmp(a->s, a->n, b->s, b->n);
}

void mm_mesh_doc(mm_buf *o, const mm_doc *d, int mode)
{
	if (mode == MM_MESH_OFF) return;
	mm_buf b = {0};
	size_t n = 0;
	const mm_term *desc = NULL;
	for (int i = 0; i < d->meta.n; ++i) {
		const mm_term *t = &d->meta.t[i];
		if (t->kind == MM_TERM_MESH) {
			desc = t;
			if (mode == MM_MESH_MAJOR && !(t->flags & MM_TERM_MAJR)) continue;
		} else if (t->kind != MM_TERM_QUAL || !desc || mode != MM_MESH_QUALIFIED) continue;
		size_t at = b.l;
		put_key(&b, d, desc);
		if (t != desc) { mm_buf_putc(&b, '/'); put_key(&b, d, t); }
		if (b.l == at) continue; /* no key */
		mm_buf_putc(&b, '\t');
		mm_buf_put(&b, mm_term_name(d, desc), desc->name_n);
		if (t != desc) { mm_buf_putc(&b, '/'); mm_buf_put(&b, mm_term_name(d, t), t->name_n); }
		mm_buf_putc(&b, '\n');
		n++;
	}
	if (!n) { mm_buf_free(&b); return; }
	/* sorted by key then name (qsort: a record may hold any number of headings) */
	line *l = mm_malloc(n * sizeof *l);
	for (size_t i = 0, at = 0; i < n; ++i) {
		const char *e = memchr(b.s + at, '\n', b.l - at);
		l[i] = (line){ b.s + at, (size_t)(e - (b.s + at)) };
		at = (size_t)(e - b.s) + 1;
	}
	qsort(l, n, sizeof *l, cmp_line);
	for (size_t i = 0; i < n; ++i) {
		size_t kl = key_len(l[i].s, l[i].n);
		if (i && kl == key_len(l[i - 1].s, l[i - 1].n) && memcmp(l[i].s, l[i - 1].s, kl) == 0) continue;
		mm_buf_put(o, l[i].s, l[i].n);
		mm_buf_putc(o, '\n');
	}
	free(l);
	mm_buf_free(&b);
}

/* ---- the dictionary (the in-order step) ---------------------------------------- */

void mm_mesh_init(mm_mesh *m, int mode, uint32_t base)
{
	memset(m, 0, sizeof *m);
	m->mode = mode;
	m->base = base;
}

void mm_mesh_free(mm_mesh *m)
{
	for (uint32_t i = 0; i < m->n; ++i) { free(m->e[i].key); free(m->e[i].name); }
	free(m->e);
	free(m->hash);
	memset(m, 0, sizeof *m);
}

static size_t probe(const mm_mesh *m, const char *key, size_t n)
{
	size_t h = mm_fnv1a(key, n) & (m->cap - 1);
	while (m->hash[h]) {
		const char *k = m->e[m->hash[h] - 1].key;
		if (strlen(k) == n && memcmp(k, key, n) == 0) break;
		h = (h + 1) & (m->cap - 1);
	}
	return h;
}

static void grow(mm_mesh *m)
{
	size_t oc = m->cap;
	uint32_t *old = m->hash;
	m->cap = oc ? 2 * oc : 1024;
	m->hash = mm_calloc(m->cap, sizeof *m->hash);
	for (size_t i = 0; i < oc; ++i)
		if (old[i]) {
			const char *k = m->e[old[i] - 1].key;
			m->hash[probe(m, k, strlen(k))] = old[i];
		}
	free(old);
}

uint32_t mm_mesh_add(mm_mesh *m, const char *key, size_t key_n, const char *name, size_t name_n, uint64_t pmid, int version)
{
	if ((m->n + 1) * 2 > m->cap) grow(m);
	size_t h = probe(m, key, key_n);
	if (!m->hash[h]) {
		if (m->n == m->m) { m->m = m->m ? 2 * m->m : 1024; m->e = mm_realloc(m->e, m->m * sizeof *m->e); }
		m->e[m->n] = (mm_meshent){ mm_strndup(key, key_n), mm_strndup(name, name_n), pmid, version, 0, 1 };
		m->hash[h] = ++m->n;
		return m->n - 1;
	}
	uint32_t i = m->hash[h] - 1;
	mm_meshent *e = &m->e[i];
	int newer = pmid != e->pmid ? pmid > e->pmid : version != e->version ? version > e->version
	          : line_cmp(name, name_n, e->name, strlen(e->name)) < 0;
	if (newer) {
		if (strlen(e->name) != name_n || memcmp(e->name, name, name_n)) {
			free(e->name);
			e->name = mm_strndup(name, name_n);
		}
		e->pmid = pmid;
		e->version = version;
		e->stale = 1;
	}
	return i;
}

uint32_t mm_mesh_hits(mm_mesh *m, const char *lines, size_t len, uint64_t pmid, int version, const mm_hit *text,
                      uint32_t n_text, mm_hit **buf, size_t *cap)
{
	size_t need = n_text;
	for (size_t i = 0; i < len; ++i) need += lines[i] == '\n';
	if (need > *cap) { *cap = need; *buf = mm_realloc(*buf, need * sizeof **buf); }
	if (n_text) memcpy(*buf, text, n_text * sizeof *text);
	uint32_t n = n_text;
	for (size_t a = 0; a < len;) {
		const char *nl = memchr(lines + a, '\n', len - a), *s = lines + a;
		size_t ll = nl ? (size_t)(nl - s) : len - a, kl = key_len(s, ll);
		uint32_t k = mm_mesh_add(m, s, kl, s + kl + (kl < ll), ll - kl - (kl < ll), pmid, version);
		(*buf)[n++] = (mm_hit){ m->base + k, MM_HIT_DOC, MM_HIT_DOC, 1, 0 };
		a += ll + 1;
	}
	return n;
}

/* ---- the concept table of the outputs ------------------------------------------ */

typedef struct { const char *key; uint32_t i; } keyref;

static int cmp_key(const void *x, const void *y) { return strcmp(((const keyref *)x)->key, ((const keyref *)y)->key); }

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

mm_lexicon *mm_mesh_view(const mm_mesh *m, const mm_lexicon *lx, const uint8_t *used, uint32_t *map)
{
	mm_lexicon *v = mm_malloc(sizeof *v);
	*v = *lx;
	v->n_pattern = 0;
	v->pattern_concept = NULL;
	/* the types: the lexicon's and "mesh", in name order */
	v->n_type = lx->n_type + 1;
	v->type = mm_malloc((size_t)v->n_type * sizeof *v->type);
	memcpy(v->type, lx->type, (size_t)lx->n_type * sizeof *v->type);
	v->type[lx->n_type] = mm_strdup("mesh");
	qsort(v->type, (size_t)v->n_type, sizeof *v->type, cmp_str);
	int mt = 0, *tmap = mm_malloc((size_t)(lx->n_type ? lx->n_type : 1) * sizeof *tmap);
	for (int t = 0, j = 0; t < v->n_type; ++t) {
		if (strcmp(v->type[t], "mesh") == 0) mt = t;
		else tmap[j++] = t;
	}
	v->antibody_type = lx->antibody_type < 0 ? -1 : tmap[lx->antibody_type];
	/* the MeSH concepts used, by key */
	uint32_t nu = 0;
	keyref *mo = mm_malloc((m->n ? m->n : 1) * sizeof *mo);
	for (uint32_t i = 0; i < m->n; ++i) {
		map[m->base + i] = UINT32_MAX;
		if (used[m->base + i]) mo[nu++] = (keyref){ m->e[i].key, i };
	}
	if (nu > 1) qsort(mo, nu, sizeof *mo, cmp_key);
	/* merged with the lexicon's concepts in id order */
	v->n_concept = lx->n_concept + (int)nu;
	v->c = mm_calloc((size_t)v->n_concept, sizeof *v->c);
	uint32_t a = 0, b = 0, k = 0;
	mm_buf id = {0};
	while (a < (uint32_t)lx->n_concept || b < nu) {
		if (b < nu) { id.l = 0; mm_buf_puts(&id, "mesh:"); mm_buf_puts(&id, mo[b].key); }
		if (b >= nu || (a < (uint32_t)lx->n_concept && strcmp(lx->c[a].id, id.s) < 0)) {
			v->c[k] = lx->c[a];
			v->c[k].type_idx = tmap[lx->c[a].type_idx];
			map[a++] = k++;
		} else {
			mm_concept *c = &v->c[k];
			c->id = mm_strdup(id.s);
			c->type = v->type[mt];
			c->name = mm_strdup(m->e[mo[b].i].name);
			c->type_idx = mt;
			map[m->base + mo[b++].i] = k++;
		}
	}
	mm_buf_free(&id);
	free(mo);
	free(tmap);
	return v;
}

void mm_mesh_view_free(mm_lexicon *v)
{
	if (!v) return;
	int mt = -1;
	for (int t = 0; t < v->n_type; ++t) if (strcmp(v->type[t], "mesh") == 0) mt = t;
	for (int i = 0; i < v->n_concept; ++i)
		if (v->c[i].type_idx == mt) { free(v->c[i].id); free(v->c[i].name); }
	if (mt >= 0) free(v->type[mt]);
	free(v->type);
	free(v->c);
	free(v);
}

int mm_mesh_type_clash(const mm_lexicon *lx, mm_buf *err)
{
	for (int t = 0; t < lx->n_type; ++t)
		if (strcmp(lx->type[t], "mesh") == 0) {
			mm_buf_printf(err, "--with-mesh: the lexicon has a type \"mesh\" of its own, the type of the MeSH headings; rename it");
			return 1;
		}
	return 0;
}
