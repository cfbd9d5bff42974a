/* report.c -- `myomine report`: read an output directory, choose what the
 * page shows, write it (see report.h; the page itself: report_html.c) */
#include "report.h"
#include "report_int.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- files --------------------------------------------------------------------- */

typedef struct {
	const char *s;
	size_t n;
	void *map;
} rfile;

typedef struct {
	const char *dir;
	mm_report_locate loc;
	void *ud;
} rsrc;

/* 1: mapped; 0: the run has no such output; -1: unreadable (message) */
static int rfile_open(const rsrc *src, const char *name, rfile *f, mm_buf *err)
{
	mm_buf path = {0};
	memset(f, 0, sizeof *f);
	f->s = "";
	if (src->loc) {
		if (!src->loc(src->ud, name, &path)) { mm_buf_free(&path); return 0; }
	} else mm_buf_path(&path, src->dir, name);
	int fd = open(path.s, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT) { mm_buf_free(&path); return 0; }
		mm_buf_printf(err, "%s: cannot open: %s", path.s, strerror(e));
		mm_buf_free(&path);
		return -1;
	}
	struct stat st;
	int r = 1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		mm_buf_printf(err, "%s: not a regular file", path.s);
		r = -1;
	} else if (st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) { mm_buf_printf(err, "%s: cannot read: %s", path.s, strerror(errno)); r = -1; }
		else { f->map = p; f->s = p; f->n = (size_t)st.st_size; }
	}
	close(fd);
	mm_buf_free(&path);
	return r;
}

static void rfile_close(rfile *f)
{
	if (f->map) munmap(f->map, f->n);
	memset(f, 0, sizeof *f);
}

/* ---- choosing what to show -------------------------------------------------------- */

/* the order of the top pairs table: lower bound of ln OR, documents, ids */
static int top_better(const rp_pair *x, const rp_pair *y)
{
	if (x->lo != y->lo) return x->lo > y->lo;
	if (x->docs != y->docs) return x->docs > y->docs;
	if (x->a != y->a) return x->a < y->a;
	return x->b < y->b;
}

static int docs_better(const rp_pair *x, const rp_pair *y)
{
	if (x->docs != y->docs) return x->docs > y->docs;
	if (x->a != y->a) return x->a < y->a;
	return x->b < y->b;
}

/* keep the best k of a stream in a min-heap (root = the worst kept) */
static void heap_push(rp_pair *h, int *n, int k, const rp_pair *p, int (*better)(const rp_pair *, const rp_pair *))
{
	int i;
	if (*n < k) {
		i = (*n)++;
		while (i > 0 && better(&h[(i - 1) / 2], p)) { h[i] = h[(i - 1) / 2]; i = (i - 1) / 2; }
		h[i] = *p;
		return;
	}
	if (!k || !better(p, &h[0])) return;
	i = 0;
	for (;;) {
		int c = 2 * i + 1;
		if (c >= k) break;
		if (c + 1 < k && better(&h[c], &h[c + 1])) c++;
		if (!better(p, &h[c])) break;
		h[i] = h[c];
		i = c;
	}
	h[i] = *p;
}

typedef struct {
	rp_report *r;
	rp_pair *topheap;
} pair_ctx;

static void plist_add(rp_plist *l, uint32_t a, uint32_t b, const rp_pair *p)
{
	if (l->n == l->m) { l->m = l->m ? l->m * 2 : 16; l->a = mm_realloc(l->a, l->m * sizeof *l->a); }
	rp_pair q = *p;
	q.a = a;
	q.b = b;
	l->a[l->n++] = q;
}

static void on_pair(void *ud, const rp_pair *p)
{
	pair_ctx *c = ud;
	rp_report *r = c->r;
	const rp_model *m = &r->m;
	int t1 = m->e[p->a].t, t2 = m->e[p->b].t, nt = m->n_type;
	int ta = t1 < t2 ? t1 : t2, tb = t1 < t2 ? t2 : t1;
	r->tp_pairs[ta * nt + tb]++;
	if (p->q < RP_SIG_Q) r->tp_sig[ta * nt + tb]++;
	int h = r->heat_of[ta * nt + tb];
	if (h >= 0) {
		rp_heat *H = &r->heat[h];
		uint32_t x = p->a, y = p->b;
		if (m->e[x].t != ta) { x = p->b; y = p->a; }
		int rx = m->e[x].rank, ry = m->e[y].rank;
		if (rx >= 0 && ry >= 0) {
			if ((uint32_t)rx < H->nr && (uint32_t)ry < H->nc) H->cell[(size_t)rx * H->nc + ry] = *p;
			if (ta == tb && (uint32_t)ry < H->nr && (uint32_t)rx < H->nc) H->cell[(size_t)ry * H->nc + rx] = *p;
		}
	}
	if (r->piv_of[p->a] >= 0 && t2 != r->pivot_t) plist_add(&r->plist[r->piv_of[p->a] * nt + t2], p->a, p->b, p);
	if (r->piv_of[p->b] >= 0 && t1 != r->pivot_t) plist_add(&r->plist[r->piv_of[p->b] * nt + t1], p->b, p->a, p);
	heap_push(c->topheap, &r->n_top, RP_TOP_PAIRS, p, top_better);
	if (t1 != t2) heap_push(r->trend_pair, &r->n_trend_pair, RP_TREND_PAIRS, p, docs_better);
}

static int cmp_top(const void *x, const void *y)
{
	const rp_top *a = x, *b = y;
	return top_better(&a->p, &b->p) ? -1 : top_better(&b->p, &a->p);
}

static int cmp_docs(const void *x, const void *y)
{
	const rp_pair *a = x, *b = y;
	return docs_better(a, b) ? -1 : docs_better(b, a);
}

typedef struct {
	rp_report *r;
	int *slot;                   /* hash of the top pairs: (a, b) -> index + 1 */
	size_t cap;
} ev_ctx;

static size_t pair_hash(uint32_t a, uint32_t b, size_t cap) { return (size_t)mm_hash64((uint64_t)a << 32 | b) & (cap - 1); }

static void on_evid(void *ud, const rp_evid *e)
{
	ev_ctx *c = ud;
	int k = -1;
	for (size_t h = pair_hash(e->a, e->b, c->cap); c->slot[h]; h = (h + 1) & (c->cap - 1)) {
		const rp_top *t = &c->r->top[c->slot[h] - 1];
		if (t->p.a == e->a && t->p.b == e->b) { k = c->slot[h] - 1; break; }
	}
	if (k < 0) return;
	rp_top *t = &c->r->top[k];
	if (t->n_ev < RP_EVID_SHOW) { t->pmid[t->n_ev] = e->pmid; t->year[t->n_ev] = e->year; t->n_ev++; }
	if (!t->text && e->text_len) {
		/* capped at a character boundary */
		size_t n = 0;
		while (n < e->text_len && n < RP_TEXT_MAX) {
			int l = mm_utf8_len((const unsigned char *)e->text + n, e->text_len - n);
			if (!l) l = 1;
			if (n + (size_t)l > RP_TEXT_MAX) break;
			n += (size_t)l;
		}
		mm_buf b = {0};
		mm_buf_put(&b, e->text, n);
		if (n < e->text_len) mm_buf_puts(&b, "\xE2\x80\xA6");
		t->text = b.s;
		t->text_pmid = e->pmid;
	}
}

/* trends: the series of a concept or pair, or -1 */
static int find_series(const rp_report *r, uint32_t a, uint32_t b)
{
	for (int i = 1; i < r->n_ser; ++i) if (r->ser[i].a == a && r->ser[i].b == b) return i;
	return -1;
}

static void series_add(rp_report *r, int s, int year, uint64_t docs)
{
	rp_series *S = &r->ser[s];
	S->total += docs;
	if (year >= r->y0 && year < r->y0 + r->ny) S->v[year - r->y0] += docs;
	else S->outside += docs;
}

typedef struct {
	rp_report *r;
	uint64_t *ydocs;             /* years.tsv: documents per year 1..9999 */
	int ymin, ymax;
	uint64_t total;
} yr_ctx;

static void on_year(void *ud, const rp_year *y)
{
	yr_ctx *c = ud;
	rp_report *r = c->r;
	if (y->a == UINT32_MAX) {    /* years.tsv */
		c->total += y->docs;
		if (!y->year) { r->unknown_year += y->docs; return; }
		c->ydocs[y->year] = y->docs;
		if (!c->ymin || y->year < c->ymin) c->ymin = y->year;
		if (y->year > c->ymax) c->ymax = y->year;
		return;
	}
	/* concepts: the by-year files hold each id once per year; few series */
	int s = find_series(r, y->a, y->b);
	if (s >= 0) series_add(r, s, y->year, y->docs);
}

static void on_fact(void *ud, const rp_fact *x)
{
	rp_report *r = ud;
	if (r->m.e[x->c].t != r->pivot_t || r->pivot_t < 0 || !(x->n[0] || x->n[1] || x->n[2] || x->fem || x->mal)) return;
	r->facts = mm_realloc(r->facts, ((size_t)r->n_facts + 1) * sizeof *r->facts);
	r->facts[r->n_facts++] = *x;
}

/* most documents with a fact first, then id order */
static int cmp_fact(const void *x, const void *y)
{
	const rp_fact *a = x, *b = y;
	uint64_t na = a->n[0] + a->n[1] + a->n[2], nb = b->n[0] + b->n[1] + b->n[2];
	if (na != nb) return na > nb ? -1 : 1;
	return a->c < b->c ? -1 : a->c > b->c;
}

static void report_free(rp_report *r)
{
	for (int h = 0; h < r->n_heat; ++h) { free(r->heat[h].row); free(r->heat[h].col); free(r->heat[h].cell); }
	if (r->plist) for (int i = 0; i < r->n_piv * r->m.n_type; ++i) free(r->plist[i].a);
	if (r->top) for (int i = 0; i < r->n_top; ++i) free(r->top[i].text);
	for (int i = 0; i < r->n_ser; ++i) free(r->ser[i].v);
	free(r->plist); free(r->top); free(r->ser); free(r->facts);
	free(r->heat_of); free(r->tp_pairs); free(r->tp_sig); free(r->piv_of);
	rp_json_free(r->sum);
	rp_model_free(&r->m);
}

/* heatmaps: type pairs with the profiled type first, then other pairs of
 * two types, then pairs within one type; only types with seen concepts */
static void plan_heatmaps(rp_report *r)
{
	const rp_model *m = &r->m;
	int nt = m->n_type;
	for (int i = 0; i < nt * nt; ++i) r->heat_of[i] = -1;
	for (int pass = 0; pass < 3; ++pass)
		for (int ta = 0; ta < nt; ++ta)
			for (int tb = ta; tb < nt; ++tb) {
				int piv = ta == r->pivot_t || tb == r->pivot_t;
				int want = pass == 0 ? ta != tb && piv : pass == 1 ? ta != tb && !piv : ta == tb;
				if (!want || !m->seen_of_type[ta] || !m->seen_of_type[tb] || (ta == tb && m->seen_of_type[ta] < 2)) continue;
				r->n_heat_all++;
				if (r->n_heat == RP_MAX_HEAT) continue;
				rp_heat *H = &r->heat[r->n_heat];
				H->ta = ta;
				H->tb = tb;
				H->nr = (uint32_t)(m->seen_of_type[ta] < RP_HEAT_ROWS ? m->seen_of_type[ta] : RP_HEAT_ROWS);
				size_t colcap = ta == tb ? RP_HEAT_ROWS : RP_HEAT_COLS;
				H->nc = (uint32_t)(m->seen_of_type[tb] < colcap ? m->seen_of_type[tb] : colcap);
				H->row = mm_malloc(H->nr * sizeof *H->row);
				H->col = mm_malloc(H->nc * sizeof *H->col);
				for (uint32_t k = 0; k < H->nr; ++k) H->row[k] = m->order[m->type_off[ta] + k];
				for (uint32_t k = 0; k < H->nc; ++k) H->col[k] = m->order[m->type_off[tb] + k];
				H->cell = mm_calloc((size_t)H->nr * H->nc, sizeof *H->cell);
				r->heat_of[ta * nt + tb] = r->n_heat++;
			}
}

static void plan_profiles(rp_report *r)
{
	const rp_model *m = &r->m;
	r->pivot_t = -1;
	for (int t = 0; t < m->n_type; ++t) if (!strcmp(m->types[t], "antibody")) r->pivot_t = t;
	if (r->pivot_t < 0 && m->n_type > 1) r->pivot_t = 0;
	r->piv_of = mm_malloc((m->n_e ? m->n_e : 1) * sizeof *r->piv_of);
	for (size_t i = 0; i < m->n_e; ++i) r->piv_of[i] = -1;
	r->cmp_a = r->cmp_b = -1;
	if (r->pivot_t < 0) return;
	size_t seen = m->seen_of_type[r->pivot_t];
	r->n_piv = (int)(seen < RP_PIVOTS ? seen : RP_PIVOTS);
	for (int k = 0; k < r->n_piv; ++k) {
		r->piv[k] = m->order[m->type_off[r->pivot_t] + (size_t)k];
		r->piv_of[r->piv[k]] = k;
	}
	r->plist = mm_calloc((size_t)(r->n_piv ? r->n_piv : 1) * (size_t)m->n_type, sizeof *r->plist);
	/* anti-HMGCR beside anti-SRP when both are profiled, else the first two */
	long h = rp_model_find(m, "antibody:HMGCR", 14), s = rp_model_find(m, "antibody:SRP", 12);
	if (h >= 0 && s >= 0 && r->piv_of[h] >= 0 && r->piv_of[s] >= 0) { r->cmp_a = r->piv_of[h]; r->cmp_b = r->piv_of[s]; }
	else if (r->n_piv >= 2) { r->cmp_a = 0; r->cmp_b = 1; }
}

#define NEED(cond, st, ...) do { if (!(cond)) { mm_buf_printf(err, __VA_ARGS__); return st; } } while (0)
#define TRY(step) do { mm_report_status st_ = (step); if (st_ != MM_REPORT_OK) return st_; } while (0)

/* Parse file name of the output directory with parse(R, f, err) (< 0:
 * malformed, said); a file the run did not write is missing: *has = 0, or
 * MM_REPORT_NOTOUT with need. */
typedef long (*parse_fn)(rp_report *R, const rfile *f, void *ctx, mm_buf *err);
static mm_report_status load(const rsrc *src, const char *name, int need, int *has, parse_fn parse, rp_report *R, void *ctx,
                             long *n, mm_buf *err)
{
	rfile f;
	int o = rfile_open(src, name, &f, err);
	if (has) *has = o > 0;
	if (o < 0) return MM_REPORT_NOTOUT;
	if (o == 0) {
		rfile_close(&f);
		NEED(!need, MM_REPORT_NOTOUT, "%s: not a myomine output directory (no %s)", R->outdir, name);
		return MM_REPORT_OK;
	}
	long r = parse(R, &f, ctx, err);
	rfile_close(&f);
	if (n) *n = r;
	return r < 0 ? MM_REPORT_BAD : MM_REPORT_OK;
}

static long parse_summary(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	(void)ctx;
	R->sum = rp_json_parse("summary.json", f->s, f->n, err);
	return R->sum ? 1 : -1;
}

static long parse_entities(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	(void)ctx;
	return rp_entities_parse(&R->m, "entities.tsv", f->s, f->n, err);
}

static long parse_pairs(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	return rp_pairs_parse(&R->m, "pairs.tsv", f->s, f->n, on_pair, ctx, err);
}

static long parse_evidence(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	R->has_text = f->n > 38 && !memcmp(f->s + 33, "\ttext\n", 6);
	return rp_evidence_parse(&R->m, "evidence.tsv", f->s, f->n, on_evid, ctx, err);
}

static long parse_years(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	(void)R;
	return rp_years_parse("years.tsv", f->s, f->n, on_year, ctx, err);
}

static long parse_entity_years(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	return rp_byyear_parse(&R->m, 0, "entities.by-year.tsv", f->s, f->n, on_year, ctx, err);
}

static long parse_pair_years(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	return rp_byyear_parse(&R->m, 1, "pairs.by-year.tsv", f->s, f->n, on_year, ctx, err);
}

static long parse_facts(rp_report *R, const rfile *f, void *ctx, mm_buf *err)
{
	(void)ctx;
	return rp_facts_parse(&R->m, "facts.summary.tsv", f->s, f->n, on_fact, R, err);
}

/* summary.json and entities.tsv (the model), checked against each other;
 * the plans of the profiles and heatmaps */
static mm_report_status load_model(const rsrc *src, rp_report *R, mm_buf *err)
{
	static const char *const need[] = { "summary.json", "entities.tsv", "pairs.tsv" };
	for (int i = 0; i < 3; ++i) {
		rfile f;
		int o = rfile_open(src, need[i], &f, err);
		if (o < 0) return MM_REPORT_NOTOUT;
		rfile_close(&f);
		NEED(o, MM_REPORT_NOTOUT, "%s: not a myomine output directory (no %s)", R->outdir, need[i]);
	}
	TRY(load(src, "summary.json", 1, NULL, parse_summary, R, NULL, NULL, err));
	NEED(rp_json_str(R->sum, "version", NULL) && rp_json_get(R->sum, "documents") && rp_json_get(R->sum, "lexicon"), MM_REPORT_NOTOUT,
	     "summary.json: not a myomine summary (no version, documents or lexicon)");
	R->sentence_level = !strcmp(rp_json_str(R->sum, "level", "document"), "sentence");
	R->keep_negated = rp_json_num(R->sum, "keep_negated", 0) != 0;
	long ne = 0;
	TRY(load(src, "entities.tsv", 1, NULL, parse_entities, R, NULL, &ne, err));
	double want = rp_json_num(rp_json_get(R->sum, "lexicon"), "concepts", -1);
	if (want >= 0) want += rp_json_num(rp_json_get(R->sum, "mesh"), "concepts", 0); /* --with-mesh */
	NEED(want < 0 || want == (double)ne, MM_REPORT_BAD, "entities.tsv: %ld concepts, summary.json says %.0f (truncated or from another run)", ne, want);
	int nt = R->m.n_type;
	R->heat_of = mm_malloc((size_t)(nt ? nt * nt : 1) * sizeof *R->heat_of);
	R->tp_pairs = mm_calloc((size_t)(nt ? nt * nt : 1), sizeof *R->tp_pairs);
	R->tp_sig = mm_calloc((size_t)(nt ? nt * nt : 1), sizeof *R->tp_sig);
	plan_profiles(R);
	plan_heatmaps(R);
	return MM_REPORT_OK;
}

/* pairs.tsv: the heatmaps' cells, the profiles, the top pairs (topheap: room
 * for RP_TOP_PAIRS) and the pairs to trend */
static mm_report_status load_pairs(const rsrc *src, rp_report *R, rp_pair *topheap, mm_buf *err)
{
	pair_ctx pc = { R, topheap };
	TRY(load(src, "pairs.tsv", 1, NULL, parse_pairs, R, &pc, &R->n_pairs, err));
	double want = rp_json_num(R->sum, "pairs", -1);
	NEED(want < 0 || want == (double)R->n_pairs, MM_REPORT_BAD, "pairs.tsv: %ld pairs, summary.json says %.0f (truncated or from another run)", R->n_pairs, want);
	R->top = mm_calloc(RP_TOP_PAIRS, sizeof *R->top);
	for (int i = 0; i < R->n_top; ++i) R->top[i].p = topheap[i];
	qsort(R->top, (size_t)R->n_top, sizeof *R->top, cmp_top);
	qsort(R->trend_pair, (size_t)R->n_trend_pair, sizeof *R->trend_pair, cmp_docs);
	return MM_REPORT_OK;
}

/* evidence.tsv (--evidence): the PMIDs and sentences of the top pairs */
static mm_report_status load_evidence(const rsrc *src, rp_report *R, mm_buf *err)
{
	ev_ctx ec = { R, NULL, 512 };
	ec.slot = mm_calloc(ec.cap, sizeof *ec.slot);
	for (int i = 0; i < R->n_top; ++i) {
		size_t h = pair_hash(R->top[i].p.a, R->top[i].p.b, ec.cap);
		while (ec.slot[h]) h = (h + 1) & (ec.cap - 1);
		ec.slot[h] = i + 1;
	}
	mm_report_status rc = load(src, "evidence.tsv", 0, &R->has_evidence, parse_evidence, R, &ec, &R->n_evid, err);
	free(ec.slot);
	return rc;
}

/* the trend series: all documents, the top concepts of each type, the top pairs */
static void plan_series(rp_report *R, const yr_ctx *yc)
{
	if (yc->ymin) {
		R->y0 = yc->ymax - yc->ymin + 1 > RP_TREND_YEARS ? yc->ymax - RP_TREND_YEARS + 1 : yc->ymin;
		R->ny = yc->ymax - R->y0 + 1;
	}
	int nt = R->m.n_type;
	R->ser = mm_calloc(1 + (size_t)nt * RP_TREND_TYPE + RP_TREND_PAIRS, sizeof *R->ser);
	R->ser[R->n_ser++] = (rp_series){ UINT32_MAX, UINT32_MAX, NULL, 0, 0 };
	for (int t = 0; t < nt; ++t)
		for (size_t k = 0; k < RP_TREND_TYPE && k < R->m.seen_of_type[t]; ++k)
			R->ser[R->n_ser++] = (rp_series){ R->m.order[R->m.type_off[t] + k], UINT32_MAX, NULL, 0, 0 };
	for (int k = 0; k < R->n_trend_pair; ++k) R->ser[R->n_ser++] = (rp_series){ R->trend_pair[k].a, R->trend_pair[k].b, NULL, 0, 0 };
	for (int i = 0; i < R->n_ser; ++i) R->ser[i].v = mm_calloc((size_t)(R->ny ? R->ny : 1), sizeof *R->ser[i].v);
	for (int y = 1; y < 10000; ++y) if (yc->ydocs[y]) series_add(R, 0, y, yc->ydocs[y]);
	R->ser[0].outside += R->unknown_year;
	R->ser[0].total += R->unknown_year;
}

/* the by-year files, checked against entities.tsv and pairs.tsv */
static mm_report_status load_by_year(const rsrc *src, rp_report *R, yr_ctx *yc, mm_buf *err)
{
	int has = 0;
	TRY(load(src, "entities.by-year.tsv", 0, &has, parse_entity_years, R, yc, NULL, err));
	for (size_t i = 0; has && i < R->m.n_e; ++i)
		NEED(R->m.e[i].year_sum == R->m.e[i].docs, MM_REPORT_BAD, "entities.by-year.tsv: %s: %llu documents over the years, entities.tsv says %llu (truncated or from another run)",
		     R->m.e[i].id, (unsigned long long)R->m.e[i].year_sum, (unsigned long long)R->m.e[i].docs);
	TRY(load(src, "pairs.by-year.tsv", 0, &R->has_pair_years, parse_pair_years, R, yc, NULL, err));
	for (int k = 0; k < R->n_trend_pair && R->has_pair_years; ++k) {
		const rp_series *S = &R->ser[find_series(R, R->trend_pair[k].a, R->trend_pair[k].b)];
		NEED(S->total == R->trend_pair[k].docs, MM_REPORT_BAD, "pairs.by-year.tsv: %s and %s: %llu documents over the years, pairs.tsv says %llu (truncated or from another run)",
		     R->m.e[S->a].id, R->m.e[S->b].id, (unsigned long long)S->total, (unsigned long long)R->trend_pair[k].docs);
	}
	return MM_REPORT_OK;
}

/* years.tsv and the by-year files (--by-year): the trends */
static mm_report_status load_years(const rsrc *src, rp_report *R, mm_buf *err)
{
	yr_ctx yc = { R, mm_calloc(10000, sizeof(uint64_t)), 0, 0, 0 };
	mm_report_status rc = load(src, "years.tsv", 0, &R->has_years, parse_years, R, &yc, NULL, err);
	double want = rp_json_num(rp_json_get(R->sum, "documents"), "final", -1);
	if (rc == MM_REPORT_OK && R->has_years && want >= 0 && want != (double)yc.total) {
		mm_buf_printf(err, "years.tsv: %llu documents over the years, summary.json says %.0f final documents", (unsigned long long)yc.total, want);
		rc = MM_REPORT_BAD;
	}
	if (rc == MM_REPORT_OK && R->has_years) plan_series(R, &yc);
	free(yc.ydocs);
	yc.ydocs = NULL;
	return rc == MM_REPORT_OK && R->has_years ? load_by_year(src, R, &yc, err) : rc;
}

/* facts.summary.tsv (--facts): the antibodies with a CK value or an age */
static mm_report_status load_facts(const rsrc *src, rp_report *R, mm_buf *err)
{
	TRY(load(src, "facts.summary.tsv", 0, &R->has_facts, parse_facts, R, NULL, NULL, err));
	if (!R->n_facts) return MM_REPORT_OK;
	qsort(R->facts, (size_t)R->n_facts, sizeof *R->facts, cmp_fact);
	if (R->n_facts > RP_FACT_ROWS) R->n_facts = RP_FACT_ROWS;
	return MM_REPORT_OK;
}

mm_report_status mm_report_build(const char *outdir, mm_report_locate loc, void *ud, mm_buf *html, mm_buf *err)
{
	rsrc src = { outdir, loc, ud };
	rp_report R;
	memset(&R, 0, sizeof R);
	R.outdir = outdir;
	struct stat st;
	mm_report_status rc = MM_REPORT_NOTOUT;
	rp_pair *topheap = mm_malloc(RP_TOP_PAIRS * sizeof *topheap);
	if (!loc && (stat(outdir, &st) < 0 || !S_ISDIR(st.st_mode))) mm_buf_printf(err, "%s: not a directory", outdir);
	else if ((rc = load_model(&src, &R, err)) == MM_REPORT_OK && (rc = load_pairs(&src, &R, topheap, err)) == MM_REPORT_OK &&
	         (rc = load_evidence(&src, &R, err)) == MM_REPORT_OK && (rc = load_years(&src, &R, err)) == MM_REPORT_OK &&
	         (rc = load_facts(&src, &R, err)) == MM_REPORT_OK)
		rp_html(&R, html);
	free(topheap);
	report_free(&R);
	return rc;
}

/* ---- writing ------------------------------------------------------------------------ */

mm_report_status mm_report_write(const char *outdir, const char *out_file, mm_buf *err)
{
	mm_buf html = {0}, path = {0}, tmp = {0};
	mm_report_status rc = mm_report_build(outdir, NULL, NULL, &html, err);
	if (rc != MM_REPORT_OK) { mm_buf_free(&html); return rc; }
	if (out_file && !strcmp(out_file, "-")) {
		if (fwrite(html.s, 1, html.l, stdout) != html.l || fflush(stdout) != 0) {
			mm_buf_printf(err, "standard output: write failed: %s", strerror(errno));
			rc = MM_REPORT_WRITE;
		}
		mm_buf_free(&html);
		return rc;
	}
	if (out_file) mm_buf_puts(&path, out_file);
	else mm_buf_path(&path, outdir, "report.html");
	const char *slash = strrchr(path.s, '/');
	if (slash) mm_buf_printf(&tmp, "%.*s/.%s.myomine-tmp.%ld", (int)(slash - path.s), path.s, slash + 1, (long)getpid());
	else mm_buf_printf(&tmp, ".%s.myomine-tmp.%ld", path.s, (long)getpid());
	int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		mm_buf_printf(err, "%s: cannot create: %s", path.s, strerror(errno));
		rc = MM_REPORT_WRITE;
	} else {
		const char *p = html.s;
		size_t left = html.l;
		int e = 0;
		while (left && !e) {
			ssize_t w = write(fd, p, left);
			if (w < 0 && errno == EINTR) continue;
			if (w <= 0) e = w < 0 ? errno : EIO;
			else { p += w; left -= (size_t)w; }
		}
		if (!e && fsync(fd) != 0 && errno != EINVAL) e = errno;
		if (close(fd) != 0 && !e) e = errno;
		if (!e && rename(tmp.s, path.s) != 0) e = errno;
		if (e) {
			unlink(tmp.s);
			mm_buf_printf(err, "%s: write failed: %s", path.s, strerror(e));
			rc = MM_REPORT_WRITE;
		}
	}
	mm_buf_free(&html);
	mm_buf_free(&path);
	mm_buf_free(&tmp);
	return rc;
}

static const char report_usage[] =
"Usage: myomine report [options] OUTDIR\n"
"\n"
"Write one self-contained HTML page (no network, no external files) about\n"
"the run whose outputs are in OUTDIR: the run, heatmaps per pair of types,\n"
"antibody profiles, top pairs with their PubMed evidence, trends over the\n"
"years and negation. See docs/report.md.\n"
"\n"
"Options:\n"
"  -o, --output FILE   the page (default: OUTDIR/report.html; - for standard\n"
"                      output); written atomically\n"
"  -q, --quiet         no final line\n"
"  -h, --help          show this help and exit\n"
"\n"
"Exit status: 0 success; 1 a file of OUTDIR is truncated or inconsistent\n"
"(the message names it and the line); 2 usage error, or OUTDIR is not a\n"
"myomine output directory; 3 the page could not be written. On any error\n"
"nothing is written.\n";

int mm_report_main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "output", required_argument, 0, 'o' },
		{ "quiet", no_argument, 0, 'q' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 }
	};
	const char *out = NULL;
	int c, quiet = 0;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:qh", lo, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'q': quiet = 1; break;
		case 'h':
			fputs(report_usage, stdout);
			if (fflush(stdout) != 0) { fprintf(stderr, "myomine: error writing to standard output\n"); return 3; }
			return 0;
		case ':': fprintf(stderr, "myomine report: option '%s' needs an argument\nTry 'myomine report --help' for more information.\n", argv[optind - 1]); return 2;
		default: fprintf(stderr, "myomine report: unknown option '%s'\nTry 'myomine report --help' for more information.\n", argv[optind - 1]); return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "myomine report: %s\nTry 'myomine report --help' for more information.\n", optind >= argc ? "no OUTDIR given" : "give one OUTDIR");
		return 2;
	}
	mm_buf err = {0};
	double t0 = mm_realtime();
	mm_report_status rc = mm_report_write(argv[optind], out, &err);
	if (rc != MM_REPORT_OK) fprintf(stderr, "myomine report: %s\n", err.s ? err.s : "failed");
	else if (!quiet && !(out && !strcmp(out, "-")))
		fprintf(stderr, "myomine report: wrote %s%s in %.2f s\n", out ? out : argv[optind], out ? "" : "/report.html", mm_realtime() - t0);
	mm_buf_free(&err);
	return (int)rc;
}
