/* lexbuild.c -- compile a lexicon's names and patterns into the matching
 * structures (lexpriv.h): the trie of squeezed keys with its generated
 * variants, the first-token bit set, and the compiled patterns with their
 * literal automaton.  Reading and checking the files is lexicon.c's. */
#include "lexpriv.h"
#include "prefilter.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- the trie, while names are added ---------------------------------- */

typedef struct { uint64_t key; uint32_t child; } edge_slot; /* key = parent<<8|byte, +1 */

struct mm_lexbuild {
	edge_slot *tab;
	size_t cap, n;
	uint32_t n_node;
	mm_buf flags;             /* per node */
	struct tent { uint32_t node, ent; } *te;
	size_t n_te, m_te;
	mm_lexent *ent;
	size_t n_ent, m_ent;
	/* keys queued by insert(), added to the trie by insert_all() */
	struct qkey { uint32_t off, len, ci; uint8_t flags, pre, suf; char *cs; } *q;
	size_t n_q, m_q;
	mm_buf keys;              /* the queued keys' normalised bytes */
	mm_buf norm;              /* the key being queued */
};
typedef struct mm_lexbuild builder;

/* The slot of edge key (parent << 8 | byte) + 1: near 2 * parent, so that
 * the nodes of a new name's tail, created one after the other, have their
 * edges in neighbouring slots (a random hash missed the cache on nearly
 * every byte of a 100k-name lexicon); the byte spreads siblings over 256
 * slots. */
static size_t edge_hash(uint64_t stored)
{
	uint64_t k = stored - 1;
	return (size_t)((k >> 8) * 2 + (((uint32_t)(k & 0xFF) * 0x9E3779B1u) >> 24));
}

static uint32_t *slot_child(builder *b, uint64_t key, int create)
{
	if (create && (b->n + 1) * 2 > b->cap) {
		size_t oc = b->cap;
		edge_slot *old = b->tab;
		b->cap = oc ? oc * 2 : 1024;
		b->tab = mm_calloc(b->cap, sizeof *b->tab);
		for (size_t i = 0; i < oc; ++i) if (old[i].key) {
			size_t h = edge_hash(old[i].key) & (b->cap - 1);
			while (b->tab[h].key) h = (h + 1) & (b->cap - 1);
			b->tab[h] = old[i];
		}
		free(old);
	}
	if (!b->cap) return NULL;
	size_t h = edge_hash(key + 1) & (b->cap - 1);
	while (b->tab[h].key) {
		if (b->tab[h].key == key + 1) return &b->tab[h].child;
		h = (h + 1) & (b->cap - 1);
	}
	if (!create) return NULL;
	b->tab[h].key = key + 1;
	b->tab[h].child = 0;
	b->n++;
	return &b->tab[h].child;
}

static uint32_t new_node(builder *b)
{
	mm_buf_putc(&b->flags, 0);
	return b->n_node++;
}

void mm_squeeze(const char *s, size_t n, int fold, mm_buf *out)
{
	mm_buf tmp = {0};
	mm_normalize(s, n, fold, &tmp, NULL, 0);
	out->l = 0;
	mm_buf_grow(out, tmp.l + 1);
	for (size_t i = 0; i < tmp.l; ++i)
		if (tmp.s[i] != ' ' && tmp.s[i] != '-') out->s[out->l++] = tmp.s[i];
	out->s[out->l] = 0;
	mm_buf_free(&tmp);
}

/* The trie as compressed sparse rows, before it is packed. */
typedef struct {
	uint32_t n_node;
	uint32_t *edge_off;    /* n_node + 1 */
	uint8_t *edge_byte;
	uint32_t *edge_child;
	uint32_t *ent_off;     /* n_node + 1, into the sorted builder te */
	uint8_t *flags;
} csr;

#define DENSE_MIN 4 /* children above which a node gets a dense row */

static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Queue the synonym text s (raw) for concept ci. */
static mm_syn_status insert(builder *b, const char *s, size_t n, uint32_t ci, int flags, int pre, int suf)
{
	b->norm.l = 0;
	mm_normalize(s, n, 1, &b->norm, NULL, 0);
	int any = 0;
	for (size_t i = 0; i < b->norm.l && !any; ++i) any = mm_alnum((unsigned char)b->norm.s[i]);
	if (!any) return MM_SYN_NO_ALNUM;
	/* the matcher starts a name at a token start: a name starting on
	 * another character could never match */
	if (!mm_alnum((unsigned char)b->norm.s[0])) return MM_SYN_BAD_START;
	if (b->n_q == b->m_q) { b->m_q = b->m_q ? b->m_q * 2 : 1024; b->q = mm_realloc(b->q, b->m_q * sizeof *b->q); }
	struct qkey *k = &b->q[b->n_q++];
	k->off = (uint32_t)b->keys.l;
	k->len = (uint32_t)b->norm.l;
	k->ci = ci;
	k->flags = (uint8_t)flags;
	k->pre = (uint8_t)pre;
	k->suf = (uint8_t)suf;
	k->cs = NULL;
	mm_buf_put(&b->keys, b->norm.s, b->norm.l);
	if (flags & MM_F_CS) {
		mm_buf cs = {0};
		mm_squeeze(s, n, 0, &cs);
		/* keep only the synonym itself: the wrapper is compared caseless */
		size_t keep = cs.l >= (size_t)(pre + suf) ? cs.l - (size_t)pre - (size_t)suf : 0;
		k->cs = mm_strndup(cs.s + pre, keep);
		mm_buf_free(&cs);
	}
	return MM_SYN_OK;
}

/* Add one queued key to the trie: its nodes, separator marks and entry. */
static void add_key(builder *b, struct qkey *k)
{
	const char *norm = b->keys.s + k->off;
	uint32_t node = 0;
	int pending = 0;
	char prev = 0;
	for (size_t i = 0; i < k->len; ++i) {
		char c = norm[i];
		if (c == ' ' || c == '-') { pending = 1; continue; }
		if (node && (pending || (is_digit(c) != is_digit(prev) && mm_alnum((unsigned char)c) && mm_alnum((unsigned char)prev))))
			b->flags.s[node] |= MM_NODE_SEP;
		pending = 0;
		uint32_t *ch = slot_child(b, (uint64_t)node << 8 | (unsigned char)c, 1);
		if (!*ch) *ch = new_node(b);
		node = *ch;
		prev = c;
	}
	/* duplicate (node, concept, flags)? (only a node that has entries) */
	if (b->flags.s[node] & MM_NODE_ENT)
	for (size_t j = b->n_te; j-- > 0 && b->n_te - j < 64;)
		if (b->te[j].node == node && b->ent[b->te[j].ent].concept == k->ci && b->ent[b->te[j].ent].flags == k->flags &&
		    !(k->flags & MM_F_CS)) return;
	if (b->n_ent == b->m_ent) { b->m_ent = b->m_ent ? b->m_ent * 2 : 1024; b->ent = mm_realloc(b->ent, b->m_ent * sizeof *b->ent); }
	mm_lexent *e = &b->ent[b->n_ent];
	e->concept = k->ci;
	e->flags = k->flags;
	e->pre = k->pre;
	e->suf = k->suf;
	e->cs = k->cs;             /* moved: a {cs} key is never a duplicate */
	k->cs = NULL;
	if (b->n_te == b->m_te) { b->m_te = b->m_te ? b->m_te * 2 : 1024; b->te = mm_realloc(b->te, b->m_te * sizeof *b->te); }
	b->flags.s[node] |= MM_NODE_ENT;
	b->te[b->n_te].node = node;
	b->te[b->n_te].ent = (uint32_t)b->n_ent;
	b->n_te++;
	b->n_ent++;
}

/* Add the queued keys to the trie, grouped by their first three bytes (a
 * stable radix sort): keys that share a prefix then follow one another, so
 * the prefix's nodes and edges stay in the cache (in file order, nearly
 * every key of a 100k-name lexicon missed it at its first 3-4 nodes). */
static void insert_all(builder *b)
{
	size_t n = b->n_q;
	uint32_t *ord = mm_malloc((n ? n : 1) * sizeof *ord), *tmp = mm_malloc((n ? n : 1) * sizeof *tmp);
	for (size_t i = 0; i < n; ++i) ord[i] = (uint32_t)i;
	for (int pos = 2; pos >= 0; --pos) {
		size_t cnt[257] = {0};
		for (size_t i = 0; i < n; ++i) {
			const struct qkey *k = &b->q[ord[i]];
			cnt[(k->len > (uint32_t)pos ? (unsigned char)b->keys.s[k->off + (uint32_t)pos] : 0) + 1]++;
		}
		for (int c = 0; c < 256; ++c) cnt[c + 1] += cnt[c];
		for (size_t i = 0; i < n; ++i) {
			const struct qkey *k = &b->q[ord[i]];
			tmp[cnt[k->len > (uint32_t)pos ? (unsigned char)b->keys.s[k->off + (uint32_t)pos] : 0]++] = ord[i];
		}
		uint32_t *t = ord; ord = tmp; tmp = t;
	}
	/* the edge table's final size is about 3.4 slots per key: start there
	 * rather than rehash on the way */
	if (!b->cap) {
		size_t cap = 1024;
		while (cap < 4 * n) cap <<= 1;
		b->cap = cap;
		b->tab = mm_calloc(cap, sizeof *b->tab);
	}
	for (size_t i = 0; i < n; ++i) {
		if (i + 8 < n) { /* keys are visited out of arena order */
			__builtin_prefetch(&b->q[ord[i + 8]]);
			if (i + 4 < n) __builtin_prefetch(b->keys.s + b->q[ord[i + 4]].off);
		}
		add_key(b, &b->q[ord[i]]);
	}
	free(ord);
	free(tmp);
}

static const char *wrap_pre[] = { "", "anti-" };
static const char *wrap_suf[] = { "", " antibody", " antibodies", " autoantibody", " autoantibodies", " ab", " abs" };

mm_syn_status mm_lexbuild_add(builder *b, const mm_lexicon *lx, uint32_t ci, const char *s, size_t n, int flags)
{
	mm_syn_status rc = insert(b, s, n, ci, flags, 0, 0);
	if (rc != MM_SYN_OK) return rc;
	mm_buf v = {0};
	if (!(flags & (MM_F_CS | MM_F_EXACT)) && n > 3) {
		unsigned char last = (unsigned char)s[n - 1], pen = n > 1 ? (unsigned char)tolower((unsigned char)s[n - 2]) : 0;
		if (isalpha(last)) {
			int lc = tolower(last);
			v.l = 0;
			if (lc == 'y' && !strchr("aeiou", pen)) { mm_buf_put(&v, s, n - 1); mm_buf_puts(&v, "ies"); }
			else if (lc == 's' || lc == 'x' || lc == 'z' || ((lc == 'h') && (pen == 'c' || pen == 's'))) { mm_buf_put(&v, s, n); mm_buf_puts(&v, "es"); }
			else { mm_buf_put(&v, s, n); mm_buf_putc(&v, 's'); }
			(void)insert(b, v.s, v.l, ci, flags | MM_F_PLURAL, 0, 0);
		}
	}
	if (lx->c[ci].type_idx == lx->antibody_type) {
		mm_buf tmp = {0};
		for (int i = 0; i < 2; ++i)
			for (int j = 0; j < 7; ++j) {
				if (!i && !j) continue;
				v.l = 0;
				mm_buf_puts(&v, wrap_pre[i]);
				mm_buf_put(&v, s, n);
				mm_buf_puts(&v, wrap_suf[j]);
				mm_squeeze(wrap_pre[i], strlen(wrap_pre[i]), 1, &tmp);
				int pre = (int)tmp.l;
				mm_squeeze(wrap_suf[j], strlen(wrap_suf[j]), 1, &tmp);
				(void)insert(b, v.s, v.l, ci, flags | MM_F_WRAP | MM_F_EXACT, pre, (int)tmp.l);
			}
		mm_buf_free(&tmp);
	}
	mm_buf_free(&v);
	return MM_SYN_OK;
}

/* ---- freezing it ------------------------------------------------------ */

/* The trie of b as compressed sparse rows (g), and b's entries (te)
 * grouped by node. */
static void to_csr(builder *b, csr *g)
{
	g->n_node = b->n_node;
	/* edges grouped by parent with a counting sort (a comparison sort of
	 * the whole table was 40% of loading a 100k-name lexicon), then each
	 * parent's few edges ordered by byte */
	size_t ne = b->n;
	g->edge_off = mm_calloc(b->n_node + 1, sizeof *g->edge_off);
	g->edge_byte = mm_malloc((ne ? ne : 1));
	g->edge_child = mm_malloc((ne ? ne : 1) * sizeof *g->edge_child);
	for (size_t i = 0; i < b->cap; ++i)
		if (b->tab[i].key) g->edge_off[((b->tab[i].key - 1) >> 8) + 1]++;
	for (uint32_t i = 0; i < b->n_node; ++i) g->edge_off[i + 1] += g->edge_off[i];
	uint32_t *fill = mm_malloc((size_t)(b->n_node ? b->n_node : 1) * sizeof *fill);
	if (b->n_node) memcpy(fill, g->edge_off, (size_t)b->n_node * sizeof *fill);
	for (size_t i = 0; i < b->cap; ++i) if (b->tab[i].key) {
		uint64_t key = b->tab[i].key - 1;
		uint32_t parent = (uint32_t)(key >> 8), at = fill[parent]++;
		g->edge_byte[at] = (uint8_t)(key & 0xFF);
		g->edge_child[at] = b->tab[i].child;
	}
	free(fill);
	for (uint32_t v = 0; v < b->n_node; ++v) /* insertion sort by byte */
		for (uint32_t i = g->edge_off[v] + 1; i < g->edge_off[v + 1]; ++i) {
			uint8_t eb = g->edge_byte[i];
			uint32_t ec = g->edge_child[i], j = i;
			for (; j > g->edge_off[v] && g->edge_byte[j - 1] > eb; --j) {
				g->edge_byte[j] = g->edge_byte[j - 1];
				g->edge_child[j] = g->edge_child[j - 1];
			}
			g->edge_byte[j] = eb;
			g->edge_child[j] = ec;
		}
	/* entries grouped by node, in entry order within a node (te is in
	 * entry order: a stable counting sort, not a comparison sort) */
	g->ent_off = mm_calloc(b->n_node + 1, sizeof *g->ent_off);
	for (size_t i = 0; i < b->n_te; ++i) g->ent_off[b->te[i].node + 1]++;
	for (uint32_t i = 0; i < b->n_node; ++i) {
		g->ent_off[i + 1] += g->ent_off[i];
		if (g->ent_off[i + 1] != g->ent_off[i]) b->flags.s[i] |= MM_NODE_ENT;
	}
	if (b->n_te) {
		struct tent *sorted = mm_malloc(b->n_te * sizeof *sorted);
		fill = mm_malloc((size_t)b->n_node * sizeof *fill);
		memcpy(fill, g->ent_off, (size_t)b->n_node * sizeof *fill);
		for (size_t i = 0; i < b->n_te; ++i) sorted[fill[b->te[i].node]++] = b->te[i];
		free(fill);
		free(b->te);
		b->te = sorted;
	}
	g->flags = (uint8_t *)b->flags.s;
}

/* The classes of text that may follow a token ending at node v: any after
 * a name's end; after a separator point, the classes of the letters and
 * digits that follow it; after an edge on another byte, MM_TC_OTHER. */
static unsigned tok_classes(const csr *g, uint32_t v)
{
	if (g->flags[v] & MM_NODE_ENT) return 7;
	unsigned m = 0;
	for (uint32_t a = g->edge_off[v]; a < g->edge_off[v + 1]; ++a) {
		unsigned char c = g->edge_byte[a];
		if (!mm_alnum(c)) m |= 1u << MM_TC_OTHER;
		else if (g->flags[v] & MM_NODE_SEP) m |= 1u << (c >= '0' && c <= '9' ? MM_TC_DIGIT : MM_TC_LETTER);
	}
	return m;
}

/* The first-token bit set (lexpriv.h): a depth-first walk over the
 * letter/digit edges sets a bit per (token, class) a node accepts; 16 bits
 * per such pair, at most 2^22 bits (512 KB) in all. */
static void build_tok_bits(mm_lexicon *lx, const csr *g)
{
	typedef struct { uint32_t node, depth; unsigned char c; } frame;
	size_t n_pairs = 0;
	uint8_t *cls = mm_malloc((size_t)g->n_node + 1);
	for (uint32_t v = 1; v < g->n_node; ++v) {
		cls[v] = (uint8_t)tok_classes(g, v);
		n_pairs += (size_t)(cls[v] & 1) + (cls[v] >> 1 & 1) + (cls[v] >> 2 & 1);
	}
	uint32_t bits = 1u << 12;
	while (bits < 16 * n_pairs && bits < (1u << 22)) bits <<= 1;
	lx->tok_mask = bits - 1;
	lx->tok_bits = mm_calloc(bits / 64, sizeof *lx->tok_bits);
	/* each node is pushed once; path[0..depth) is the popped node's token
	 * (its ancestors' bytes stay in place: a subtree is done before the
	 * next sibling is popped) */
	frame *st = mm_malloc(((size_t)g->n_node + 1) * sizeof *st);
	size_t n_st = 0, m_path = 256;
	unsigned char *path = mm_malloc(m_path);
	st[n_st++] = (frame){ 0, 0, 0 };
	while (n_st) {
		frame f = st[--n_st];
		if (f.depth) {
			if (f.depth > m_path) { m_path *= 2; path = mm_realloc(path, m_path); }
			path[f.depth - 1] = f.c;
			uint64_t h = mm_tok_hash(path, f.depth, f.depth);
			for (int k = 0; k < 3; ++k)
				if (cls[f.node] >> k & 1) {
					uint64_t x = mm_tok_bit(lx, h, k);
					lx->tok_bits[x >> 6] |= 1ull << (x & 63);
				}
		}
		for (uint32_t a = g->edge_off[f.node]; a < g->edge_off[f.node + 1]; ++a)
			if (mm_alnum(g->edge_byte[a])) st[n_st++] = (frame){ g->edge_child[a], f.depth + 1, g->edge_byte[a] };
	}
	free(st);
	free(path);
	free(cls);
}

/* Number the nodes breadth-first to depth PACK_BFS, then depth-first
 * below (lexpriv.h), and write the packed records, edges, dense rows and
 * entries in that order. */
#define PACK_BFS 3
static void pack_trie(mm_lexicon *lx, const csr *g, const builder *b)
{
	uint32_t n = g->n_node;
	uint32_t *order = mm_malloc((size_t)n * sizeof *order), *newid = mm_malloc((size_t)n * sizeof *newid);
	uint32_t *depth = mm_calloc(n, sizeof *depth), *stack = mm_malloc((size_t)n * sizeof *stack);
	size_t head = 0, tail = 0;
	order[tail++] = 0;
	size_t deep = 0; /* first node of depth PACK_BFS in order */
	while (head < tail) {
		uint32_t v = order[head++];
		if (depth[v] >= PACK_BFS) continue;
		for (uint32_t a = g->edge_off[v]; a < g->edge_off[v + 1]; ++a) {
			uint32_t u = g->edge_child[a];
			depth[u] = depth[v] + 1;
			order[tail++] = u;
		}
	}
	for (deep = 0; deep < tail && depth[order[deep]] < PACK_BFS; ++deep) {}
	for (size_t i = deep, lim = tail; i < lim; ++i) {
		size_t ns = 0;
		uint32_t v = order[i];
		for (uint32_t a = g->edge_off[v + 1]; a-- > g->edge_off[v];) stack[ns++] = g->edge_child[a];
		while (ns) {
			uint32_t u = stack[--ns];
			order[tail++] = u;
			for (uint32_t a = g->edge_off[u + 1]; a-- > g->edge_off[u];) stack[ns++] = g->edge_child[a];
		}
	}
	for (size_t i = 0; i < n; ++i) newid[order[i]] = (uint32_t)i;
	free(depth);
	free(stack);
	/* dense rows when the edges use at most 63 distinct bytes (ASCII-only
	 * keys: 37); every edge byte then has a class 1..63 */
	size_t ne = g->edge_off[n];
	int ncls = 1;
	for (size_t i = 0; i < ne && ncls <= 64; ++i)
		if (!lx->tcls[g->edge_byte[i]]) lx->tcls[g->edge_byte[i]] = (uint8_t)ncls++;
	int dense_ok = ncls <= 64;
	if (!dense_ok) memset(lx->tcls, 0, sizeof lx->tcls);
	uint32_t nrow = 1;
	for (uint32_t v = 1; v < n; ++v)
		if (dense_ok && g->edge_off[v + 1] - g->edge_off[v] > DENSE_MIN) ++nrow;
	lx->rows = mm_calloc((size_t)nrow << 6, sizeof *lx->rows);
	lx->node = mm_calloc(n ? n : 1, sizeof *lx->node);
	lx->edge_byte = mm_malloc(ne ? ne : 1);
	lx->edge_child = mm_malloc((ne ? ne : 1) * sizeof *lx->edge_child);
	lx->ent_off = mm_calloc((size_t)n + 1, sizeof *lx->ent_off);
	lx->ent = mm_malloc((b->n_te ? b->n_te : 1) * sizeof *lx->ent);
	uint32_t row = 1, e = 0, k = 0;
	for (uint32_t i = 0; i < n; ++i) {
		uint32_t v = order[i], a0 = g->edge_off[v], kids = g->edge_off[v + 1] - a0;
		mm_tnode *t = &lx->node[i];
		t->flags = g->flags[v];
		t->n = (uint16_t)kids;
		if (kids == 1) {
			t->c0 = g->edge_byte[a0];
			t->kid = newid[g->edge_child[a0]];
		} else if (v && dense_ok && kids > DENSE_MIN) {
			t->flags |= MM_NODE_DENSE;
			t->kid = row;
			for (uint32_t a = a0; a < a0 + kids; ++a)
				lx->rows[(size_t)row << 6 | lx->tcls[g->edge_byte[a]]] = newid[g->edge_child[a]];
			++row;
		} else {
			t->kid = e;
			for (uint32_t a = a0; a < a0 + kids; ++a, ++e) {
				lx->edge_byte[e] = g->edge_byte[a];
				lx->edge_child[e] = newid[g->edge_child[a]];
			}
		}
		if (v == 0)
			for (uint32_t a = a0; a < a0 + kids; ++a) lx->root[g->edge_byte[a]] = newid[g->edge_child[a]];
		lx->ent_off[i] = k;
		for (uint32_t x = g->ent_off[v]; x < g->ent_off[v + 1]; ++x) lx->ent[k++] = b->ent[b->te[x].ent];
	}
	lx->ent_off[n] = k;
	lx->n_ent = k;
	lx->n_node = n;
	lx->n_edge = e;
	lx->n_row = row;
	free(order);
	free(newid);
}

mm_lexbuild *mm_lexbuild_new(void)
{
	builder *b = mm_calloc(1, sizeof *b);
	new_node(b); /* root */
	return b;
}

void mm_lexbuild_free(builder *b)
{
	if (!b) return;
	for (size_t i = 0; i < b->n_q; ++i) free(b->q[i].cs);
	free(b->q); mm_buf_free(&b->keys); mm_buf_free(&b->norm);
	for (size_t i = 0; i < b->n_ent; ++i) free(b->ent[i].cs);
	free(b->tab); free(b->te); free(b->ent); mm_buf_free(&b->flags);
	free(b);
}

void mm_lexbuild_finish(builder *b, mm_lexicon *lx)
{
	insert_all(b);
	for (size_t i = 0; i < b->n_q; ++i) free(b->q[i].cs);
	free(b->q); mm_buf_free(&b->keys); mm_buf_free(&b->norm);
	/* freeze the trie: CSR arrays first, then packed node records */
	csr g;
	to_csr(b, &g);
	build_tok_bits(lx, &g);
	pack_trie(lx, &g, b);
	free(g.edge_off); free(g.edge_byte); free(g.edge_child); free(g.ent_off);
	mm_buf_free(&b->flags);
	free(b->tab); free(b->te); free(b->ent);
	free(b);
}

/* ---- patterns --------------------------------------------------------- */

/* Offset of the first upper-case ASCII letter that pattern p matches
 * literally, or -1.  Patterns run on lower-cased text, so such a letter
 * can never match.  Not looked at: escapes (\D, \p{Lu}, \x{41}, ...),
 * character classes, group names, verbs, comments; and nothing at all
 * when the pattern sets options ("(?i)", "(?x)", ...), which may change
 * what a letter matches. */
static long upper_literal(const char *p)
{
	for (const char *q = p; (q = strstr(q, "(?")); q += 2)
		if (isalpha((unsigned char)q[2]) || q[2] == '^' || q[2] == '-') {
			const char *e = q + 2;
			while (isalpha((unsigned char)*e) || *e == '^' || *e == '-') ++e;
			if (*e == ')' || *e == ':') return -1; /* an option setting */
		}
	for (const char *q = p; *q; ++q) {
		if (*q == '\\') {
			if (!q[1]) break;
			if (q[1] == 'Q') { /* \Q...\E: literal text */
				for (q += 2; *q && !(q[0] == '\\' && q[1] == 'E'); ++q)
					if (*q >= 'A' && *q <= 'Z') return (long)(q - p);
				if (!*q) break;
				++q;
				continue;
			}
			++q;
			if (*q == 'c' && q[1]) ++q;                 /* \cX */
			else if (q[1] == '{' || q[1] == '<' || q[1] == '\'') { /* \p{..} \x{..} \k<..> \g{..} */
				char close = q[1] == '{' ? '}' : q[1] == '<' ? '>' : '\'';
				const char *e = strchr(q + 2, close);
				if (!e) break;
				q = e;
			}
			continue;
		}
		if (*q == '[') { /* a class: up to its ']' (a first ']' is literal) */
			++q;
			if (*q == '^') ++q;
			if (*q == ']') ++q;
			for (; *q && *q != ']'; ++q) {
				if (*q == '\\' && q[1]) ++q;
				else if (*q == '[' && q[1] == ':') { const char *e = strstr(q, ":]"); if (e) q = e + 1; }
			}
			if (!*q) break;
			continue;
		}
		if (*q == '(' && (q[1] == '?' || q[1] == '*')) {
			/* group names, verbs, callouts, comments: up to the first
			 * ':', '>', '\'', '=', '!' or ')' */
			const char *e = q + 2;
			if (q[1] == '*' || (*e && strchr("#&C(", *e)) || (*e == 'P' && (e[1] == '=' || e[1] == '>')))
				e = strchr(e, ')');  /* verbs, comments, references, callouts, conditions */
			else
				while (*e && !strchr(":>'=!)", *e)) ++e;
			if (!e || !*e) break;
			q = e;
			continue;
		}
		if (*q >= 'A' && *q <= 'Z') return (long)(q - p);
	}
	return -1;
}

int mm_lexicon_compile_pattern(mm_lexicon *lx, int i, mm_buf *err)
{
	mm_concept *c = &lx->c[i];
	int ec;
	PCRE2_SIZE eo;
	c->re = pcre2_compile((PCRE2_SPTR)c->pattern_src, PCRE2_ZERO_TERMINATED,
	                      PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT, &ec, &eo, NULL);
	if (!c->re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		mm_buf_printf(err, "%s: pattern error at offset %zu: %s", c->where, (size_t)eo, (char *)msg);
		return -1;
	}
	long up = upper_literal(c->pattern_src);
	if (up >= 0) {
		mm_buf_printf(err, "%s: pattern has the upper-case letter '%c' at offset %ld, but patterns run on lower-cased "
		              "text (lexicons/README.md), so it could never match: write it in lower case", c->where,
		              c->pattern_src[up], up);
		return -1;
	}
	c->re_at = pcre2_compile((PCRE2_SPTR)c->pattern_src, PCRE2_ZERO_TERMINATED,
	                         PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_ANCHORED, &ec, &eo, NULL);
	if (!c->re_at) { mm_buf_printf(err, "%s: pattern cannot be anchored", c->where); return -1; }
	c->jit = 0;
#ifndef MM_NO_JIT
	/* where JIT fails, pcre2_match() interprets; the unanchored code is
	 * JIT-compiled by mm_lexicon_build_litac() if it will run at all */
	if (pcre2_jit_compile(c->re_at, PCRE2_JIT_COMPLETE) == 0) c->jit |= 2;
#endif
	/* first bytes of a match, when PCRE2 knows them */
	memset(c->first, 0xFF, sizeof c->first);
	uint32_t fct = 0, fcu = 0;
	const uint8_t *bm = NULL;
	if (pcre2_pattern_info(c->re, PCRE2_INFO_FIRSTCODETYPE, &fct) == 0 && fct == 1 &&
	    pcre2_pattern_info(c->re, PCRE2_INFO_FIRSTCODEUNIT, &fcu) == 0 && fcu < 256) {
		memset(c->first, 0, sizeof c->first);
		c->first[fcu >> 3] |= (uint8_t)(1u << (fcu & 7));
	} else if (fct == 0 && pcre2_pattern_info(c->re, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm)
		memcpy(c->first, bm, sizeof c->first);
	c->at_tokens = 1;
	for (int b = 0; b < 128; ++b)
		if ((c->first[b >> 3] >> (b & 7) & 1) && !mm_alnum((unsigned char)b)) c->at_tokens = 0;
	lx->pattern_concept[lx->n_pattern++] = i;
	/* patterns with (?i) or other options could match upper case
	 * text: the prefilter compares lower-case normalised text */
	if (!strstr(c->pattern_src, "(?")  || !strstr(c->pattern_src, "(?i"))
		c->n_lit = mm_pattern_literals(c->pattern_src, &c->lit);
	return 0;
}

/* The patterns' literal automaton (after every pattern is compiled).  A
 * pattern the automaton selects runs only over the sentences that hold
 * one of its literals, anchored at token starts when every match starts
 * on one (at_tokens); the others, and patterns that may start on another
 * byte, scan with the unanchored code, which is JIT-compiled here for
 * them alone (JIT is most of a pattern's compile
 * time: 18 shipped patterns, 4.8 M instructions saved per run). */
void mm_lexicon_build_litac(mm_lexicon *lx)
{
	if (!lx->n_pattern) return;
	if (!lx->litac) lx->litac = mm_calloc(1, sizeof *lx->litac);
	char ***lits = mm_malloc((size_t)lx->n_pattern * sizeof *lits);
	int *nl = mm_malloc((size_t)lx->n_pattern * sizeof *nl);
	for (int k = 0; k < lx->n_pattern; ++k) { lits[k] = lx->c[lx->pattern_concept[k]].lit; nl[k] = lx->c[lx->pattern_concept[k]].n_lit; }
	mm_litac_build(lx->litac, (char **const *)lits, nl, lx->n_pattern);
	free(lits);
	free(nl);
#ifndef MM_NO_JIT
	for (int k = 0; k < lx->n_pattern; ++k) {
		mm_concept *c = &lx->c[lx->pattern_concept[k]];
		if ((k >= 64 || !(lx->litac->mask >> k & 1) || !c->at_tokens) && pcre2_jit_compile(c->re, PCRE2_JIT_COMPLETE) == 0) c->jit |= 1;
	}
#endif
}

int mm_lexicon_patterns(mm_lexicon *lx, mm_buf *err)
{
	lx->pattern_concept = mm_malloc((size_t)(lx->n_concept ? lx->n_concept : 1) * sizeof *lx->pattern_concept);
	lx->n_pattern = 0;
	for (int i = 0; i < lx->n_concept; ++i)
		if (lx->c[i].pattern_src && mm_lexicon_compile_pattern(lx, i, err) < 0) return -1;
	mm_lexicon_build_litac(lx);
	return 0;
}
