/* report_parse.c -- the parsers of `myomine report`: see report_int.h */
#include "report_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- lines and fields ------------------------------------------------------ */

typedef struct {
	const char *p, *end, *name;
	size_t line;
} lines_t;

typedef struct {
	const char *s;
	size_t n;
} fld;

/* 1: the next line (without its newline) in *s, *n; 0: end of the buffer;
 * -1: a last line without a newline (a truncated file) */
static int next_line(lines_t *L, const char **s, size_t *n, mm_buf *err)
{
	if (L->p >= L->end) return 0;
	const char *nl = memchr(L->p, '\n', (size_t)(L->end - L->p));
	L->line++;
	if (!nl) {
		mm_buf_printf(err, "%s:%zu: truncated (the last line has no newline)", L->name, L->line);
		return -1;
	}
	*s = L->p;
	*n = (size_t)(nl - L->p);
	L->p = nl + 1;
	return 1;
}

/* split at tabs into f[0..max); the number of fields (max + 1 when more) */
static int split(const char *s, size_t n, fld *f, int max)
{
	int k = 0;
	const char *e = s + n;
	for (;;) {
		const char *t = memchr(s, '\t', (size_t)(e - s));
		if (k == max) return max + 1;
		f[k].s = s;
		f[k].n = t ? (size_t)(t - s) : (size_t)(e - s);
		k++;
		if (!t) return k;
		s = t + 1;
	}
}

static int get_u64(fld f, uint64_t *v)
{
	if (f.n == 0 || f.n > 20) return -1;
	uint64_t x = 0;
	for (size_t i = 0; i < f.n; ++i) {
		unsigned d = (unsigned char)f.s[i] - '0';
		if (d > 9 || x > (UINT64_MAX - d) / 10) return -1;
		x = x * 10 + d;
	}
	*v = x;
	return 0;
}

/* a %.6g float as written (also inf, -inf); NaN is refused */
static int get_dbl(fld f, double *v)
{
	char b[64];
	if (f.n == 0 || f.n >= sizeof b) return -1;
	for (size_t i = 0; i < f.n; ++i) {
		char c = f.s[i];
		if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == 'i' || c == 'n' || c == 'f')) return -1;
	}
	memcpy(b, f.s, f.n);
	b[f.n] = 0;
	char *e;
	double x = strtod(b, &e);
	if (*e || isnan(x)) return -1;
	*v = x;
	return 0;
}

/* a year: 1..9999, or "unknown" (0) */
static int get_year(fld f, int *y)
{
	uint64_t v;
	if (f.n == 7 && !memcmp(f.s, "unknown", 7)) { *y = 0; return 0; }
	if (get_u64(f, &v) < 0 || v < 1 || v > 9999) return -1;
	*y = (int)v;
	return 0;
}

static int header(lines_t *L, const char *want, mm_buf *err)
{
	const char *s;
	size_t n;
	int r = next_line(L, &s, &n, err);
	if (r < 0) return -1;
	if (r == 0) { mm_buf_printf(err, "%s: empty file (no header line)", L->name); return -1; }
	if (n != strlen(want) || memcmp(s, want, n)) {
		mm_buf_printf(err, "%s:1: unexpected header (not a myomine %s)", L->name, L->name);
		return -1;
	}
	return 0;
}

static void bad(mm_buf *err, const lines_t *L, const char *what)
{
	mm_buf_printf(err, "%s:%zu: %s", L->name, L->line, what);
}

/* ---- the model: entities.tsv ---------------------------------------------------- */

long rp_model_find(const rp_model *m, const char *id, size_t n)
{
	if (!m->hcap) return -1;
	size_t mask = m->hcap - 1;
	for (size_t h = mm_fnv1a(id, n) & mask;; h = (h + 1) & mask) {
		uint32_t v = m->hash[h];
		if (!v) return -1;
		const char *e = m->e[v - 1].id;
		if (strlen(e) == n && !memcmp(e, id, n)) return (long)v - 1;
	}
}

void rp_model_free(rp_model *m)
{
	for (size_t i = 0; i < m->n_e; ++i) { free(m->e[i].id); free(m->e[i].type); free(m->e[i].name); }
	for (int t = 0; t < m->n_type; ++t) free(m->types[t]);
	free(m->e); free(m->types); free(m->n_of_type); free(m->seen_of_type);
	free(m->order); free(m->type_off); free(m->hash);
	memset(m, 0, sizeof *m);
}

typedef struct {
	uint64_t docs;
	uint32_t i;
} rank_key;

static int cmp_rank(const void *x, const void *y)
{
	const rank_key *a = x, *b = y;
	if (a->docs != b->docs) return a->docs > b->docs ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

#define MAX_TYPES 1000

long rp_entities_parse(rp_model *m, const char *name, const char *buf, size_t len, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n, cap = 0;
	fld f[8];
	int r;
	if (header(&L, "id\ttype\tname\tdocuments\tsentences\tmentions\tnegated", err) < 0) return -1;
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		if (split(s, n, f, 7) != 7) { bad(err, &L, "expected 7 tab-separated fields"); return -1; }
		if (!f[0].n || !f[1].n || memchr(f[0].s, 0, f[0].n) || memchr(f[1].s, 0, f[1].n) || memchr(f[2].s, 0, f[2].n)) {
			bad(err, &L, "empty id or type"); return -1;
		}
		rp_ent e;
		memset(&e, 0, sizeof e);
		if (get_u64(f[3], &e.docs) < 0 || get_u64(f[4], &e.sents) < 0 || get_u64(f[5], &e.mentions) < 0 || get_u64(f[6], &e.negated) < 0) {
			bad(err, &L, "a count is not a number"); return -1;
		}
		if (m->n_e) {
			const char *p = m->e[m->n_e - 1].id;
			size_t pl = strlen(p);
			int c = memcmp(p, f[0].s, pl < f[0].n ? pl : f[0].n);
			if (c > 0 || (c == 0 && pl >= f[0].n)) { bad(err, &L, "ids not in strictly increasing order"); return -1; }
		}
		if (m->n_e >= UINT32_MAX - 1) { bad(err, &L, "too many concepts"); return -1; }
		if (m->n_e == cap) { cap = cap ? cap * 2 : 256; m->e = mm_realloc(m->e, cap * sizeof *m->e); }
		e.id = mm_strndup(f[0].s, f[0].n);
		e.type = mm_strndup(f[1].s, f[1].n);
		e.name = mm_strndup(f[2].s, f[2].n);
		e.rank = -1;
		m->e[m->n_e++] = e;
	}
	if (r < 0) return -1;
	/* types: distinct, sorted */
	for (size_t i = 0; i < m->n_e; ++i) {
		int t = 0;
		while (t < m->n_type && strcmp(m->types[t], m->e[i].type)) ++t;
		if (t == m->n_type) {
			if (m->n_type == MAX_TYPES) { mm_buf_printf(err, "%s: more than %d types", name, MAX_TYPES); return -1; }
			m->types = mm_realloc(m->types, (size_t)(m->n_type + 1) * sizeof *m->types);
			m->types[m->n_type++] = mm_strdup(m->e[i].type);
		}
	}
	if (m->n_type) qsort(m->types, (size_t)m->n_type, sizeof *m->types, cmp_str);
	m->n_of_type = mm_calloc((size_t)m->n_type + 1, sizeof *m->n_of_type);
	m->seen_of_type = mm_calloc((size_t)m->n_type + 1, sizeof *m->seen_of_type);
	m->type_off = mm_calloc((size_t)m->n_type + 1, sizeof *m->type_off);
	for (size_t i = 0; i < m->n_e; ++i) {
		const char *ty = m->e[i].type;
		int lo = 0, hi = m->n_type - 1;
		while (lo < hi) { int mid = (lo + hi) / 2; if (strcmp(m->types[mid], ty) < 0) lo = mid + 1; else hi = mid; }
		m->e[i].t = lo;
		m->n_of_type[lo]++;
		if (m->e[i].docs) m->seen_of_type[lo]++;
	}
	for (int t = 0; t < m->n_type; ++t) m->type_off[t + 1] = m->type_off[t] + m->n_of_type[t];
	/* ranks within each type: documents descending, then id */
	rank_key *rk = mm_malloc((m->n_e ? m->n_e : 1) * sizeof *rk);
	size_t *fill = mm_calloc((size_t)m->n_type + 1, sizeof *fill);
	for (size_t i = 0; i < m->n_e; ++i) {
		int t = m->e[i].t;
		rk[m->type_off[t] + fill[t]++] = (rank_key){ m->e[i].docs, (uint32_t)i };
	}
	m->order = mm_malloc((m->n_e ? m->n_e : 1) * sizeof *m->order);
	for (int t = 0; t < m->n_type; ++t) {
		qsort(rk + m->type_off[t], m->n_of_type[t], sizeof *rk, cmp_rank);
		for (size_t k = 0; k < m->n_of_type[t]; ++k) {
			uint32_t i = rk[m->type_off[t] + k].i;
			m->order[m->type_off[t] + k] = i;
			m->e[i].rank = m->e[i].docs ? (int)(k < INT32_MAX ? k : INT32_MAX) : -1;
		}
	}
	free(fill);
	free(rk);
	/* the id index */
	m->hcap = 16;
	while (m->hcap < m->n_e * 2) m->hcap *= 2;
	m->hash = mm_calloc(m->hcap, sizeof *m->hash);
	for (size_t i = 0; i < m->n_e; ++i) {
		size_t mask = m->hcap - 1, h = mm_fnv1a(m->e[i].id, strlen(m->e[i].id)) & mask;
		while (m->hash[h]) h = (h + 1) & mask;
		m->hash[h] = (uint32_t)i + 1;
	}
	return (long)m->n_e;
}

/* ---- pairs.tsv and evidence.tsv ----------------------------------------------------- */

/* ids (and types when tf != NULL) of a pair: a < b, both known */
static int pair_ids(const rp_model *m, const lines_t *L, fld ia, fld ib, const fld *ta, const fld *tb, uint32_t *a, uint32_t *b, mm_buf *err)
{
	long x = rp_model_find(m, ia.s, ia.n), y = rp_model_find(m, ib.s, ib.n);
	if (x < 0 || y < 0) {
		fld u = x < 0 ? ia : ib;
		mm_buf_printf(err, "%s:%zu: concept '%.*s' is not in entities.tsv", L->name, L->line, (int)(u.n > 200 ? 200 : u.n), u.s);
		return -1;
	}
	if (x >= y) { bad(err, L, "id_a is not before id_b"); return -1; }
	if (ta && ((strlen(m->e[x].type) != ta->n || memcmp(m->e[x].type, ta->s, ta->n)) ||
	           (strlen(m->e[y].type) != tb->n || memcmp(m->e[y].type, tb->s, tb->n)))) {
		bad(err, L, "a type differs from entities.tsv"); return -1;
	}
	*a = (uint32_t)x;
	*b = (uint32_t)y;
	return 0;
}

long rp_pairs_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_pair_fn fn, void *ud, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n;
	fld f[21];
	int r;
	long count = 0;
	uint32_t pa = 0, pb = 0;
	if (header(&L, "id_a\tid_b\ttype_a\ttype_b\tdocuments\tsentences\tsection_documents\tsentence_documents\t"
	               "expected\tpmi\tnpmi\tlog_odds\tlog_odds_low\tlog_odds_high\tchi2\tfisher_p\tlog10_fisher_p\t"
	               "q_value\tjaccard\tcooc_score", err) < 0) return -1;
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		if (split(s, n, f, 20) != 20) { bad(err, &L, "expected 20 tab-separated fields"); return -1; }
		rp_pair p;
		if (pair_ids(m, &L, f[0], f[1], &f[2], &f[3], &p.a, &p.b, err) < 0) return -1;
		if (count && (p.a < pa || (p.a == pa && p.b <= pb))) { bad(err, &L, "pairs not in increasing (id_a, id_b) order"); return -1; }
		pa = p.a, pb = p.b;
		if (get_u64(f[4], &p.docs) < 0 || get_u64(f[5], &p.sents) < 0) { bad(err, &L, "a count is not a number"); return -1; }
		if (get_dbl(f[10], &p.npmi) < 0 || get_dbl(f[11], &p.lor) < 0 || get_dbl(f[12], &p.lo) < 0 || get_dbl(f[13], &p.hi) < 0 ||
		    get_dbl(f[16], &p.log10p) < 0 || get_dbl(f[17], &p.q) < 0) {
			bad(err, &L, "a statistic is not a number"); return -1;
		}
		if (p.docs > m->e[p.a].docs || p.docs > m->e[p.b].docs) {
			bad(err, &L, "more documents than entities.tsv gives one of the two concepts"); return -1;
		}
		if (fn) fn(ud, &p);
		count++;
	}
	return r < 0 ? -1 : count;
}

/* an empty field (no value) or a number */
static int get_opt(fld f, int has, double *v)
{
	if (!has) return f.n == 0 ? 0 : -1;
	return get_dbl(f, v);
}

long rp_facts_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_fact_fn fn, void *ud, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n;
	fld f[19];
	int r;
	long count = 0;
	if (header(&L, "id\ttype\tname\tdocuments\tck_documents\tck_median\tck_q1\tck_q3\tuln_documents\tuln_median"
	               "\tuln_q1\tuln_q3\tage_documents\tage_median\tage_q1\tage_q3\tfemale\tmale", err) < 0) return -1;
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		if (split(s, n, f, 18) != 18) { bad(err, &L, "expected 18 tab-separated fields"); return -1; }
		long c = rp_model_find(m, f[0].s, f[0].n);
		if (c < 0) { bad(err, &L, "a concept that entities.tsv does not list"); return -1; }
		rp_fact x;
		memset(&x, 0, sizeof x);
		x.c = (uint32_t)c;
		if (get_u64(f[3], &x.docs) < 0 || get_u64(f[16], &x.fem) < 0 || get_u64(f[17], &x.mal) < 0) { bad(err, &L, "a count is not a number"); return -1; }
		for (int k = 0; k < 3; ++k) {
			if (get_u64(f[4 + 4 * k], &x.n[k]) < 0 || get_opt(f[5 + 4 * k], x.n[k] > 0, &x.med[k]) < 0 ||
			    get_opt(f[6 + 4 * k], x.n[k] > 0, &x.q1[k]) < 0 || get_opt(f[7 + 4 * k], x.n[k] > 0, &x.q3[k]) < 0) {
				bad(err, &L, "a value is not a number, or missing"); return -1;
			}
			if (x.n[k] > x.docs || (x.n[k] && !(x.q1[k] <= x.med[k] && x.med[k] <= x.q3[k]))) { bad(err, &L, "inconsistent counts or quartiles"); return -1; }
		}
		if (x.fem + x.mal > x.docs || x.docs > m->e[c].docs) { bad(err, &L, "more documents than the concept has"); return -1; }
		if (fn) fn(ud, &x);
		count++;
	}
	return r < 0 ? -1 : count;
}

long rp_evidence_parse(const rp_model *m, const char *name, const char *buf, size_t len, rp_evid_fn fn, void *ud, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n;
	fld f[8];
	int r, nf;
	long count = 0;
	rp_evid prev = { 0, 0, 0, 0, 0, 0, NULL, 0 };
	r = next_line(&L, &s, &n, err);
	if (r < 0) return -1;
	if (r == 0) { mm_buf_printf(err, "%s: empty file (no header line)", name); return -1; }
	static const char h6[] = "id_a\tid_b\trank\tpmid\tyear\tsentence", h7[] = "id_a\tid_b\trank\tpmid\tyear\tsentence\ttext";
	if (n == sizeof h6 - 1 && !memcmp(s, h6, n)) nf = 6;
	else if (n == sizeof h7 - 1 && !memcmp(s, h7, n)) nf = 7;
	else { mm_buf_printf(err, "%s:1: unexpected header (not a myomine %s)", name, name); return -1; }
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		if (split(s, n, f, nf) != nf) { mm_buf_printf(err, "%s:%zu: expected %d tab-separated fields", name, L.line, nf); return -1; }
		rp_evid e;
		memset(&e, 0, sizeof e);
		uint64_t v;
		if (pair_ids(m, &L, f[0], f[1], NULL, NULL, &e.a, &e.b, err) < 0) return -1;
		if (get_u64(f[2], &v) < 0 || v < 1 || v > 1000) { bad(err, &L, "bad rank"); return -1; }
		e.rank = (int)v;
		if (get_u64(f[3], &e.pmid) < 0 || !e.pmid) { bad(err, &L, "bad PMID"); return -1; }
		if (f[4].n && (get_year(f[4], &e.year) < 0 || !e.year)) { bad(err, &L, "bad year"); return -1; }
		if (f[5].n) {
			if (get_u64(f[5], &v) < 0 || v < 1 || v > UINT32_MAX) { bad(err, &L, "bad sentence number"); return -1; }
			e.sent = (uint32_t)v;
		}
		if (nf == 7 && f[6].n) { e.text = f[6].s; e.text_len = f[6].n; }
		int same = count && e.a == prev.a && e.b == prev.b;
		if (count && !same && (e.a < prev.a || (e.a == prev.a && e.b < prev.b))) { bad(err, &L, "pairs not in increasing (id_a, id_b) order"); return -1; }
		if (e.rank != (same ? prev.rank + 1 : 1)) { bad(err, &L, "ranks of a pair do not run 1, 2, ..."); return -1; }
		prev = e;
		if (fn) fn(ud, &e);
		count++;
	}
	return r < 0 ? -1 : count;
}

/* ---- years.tsv and the by-year files ------------------------------------------------------ */

long rp_years_parse(const char *name, const char *buf, size_t len, rp_year_fn fn, void *ud, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n;
	fld f[3];
	int r, prev = 0, unknown = 0;
	long count = 0;
	if (header(&L, "year\tdocuments", err) < 0) return -1;
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		rp_year y = { 0, UINT32_MAX, UINT32_MAX, 0 };
		if (split(s, n, f, 2) != 2) { bad(err, &L, "expected 2 tab-separated fields"); return -1; }
		if (get_year(f[0], &y.year) < 0 || get_u64(f[1], &y.docs) < 0) { bad(err, &L, "bad year or count"); return -1; }
		/* increasing years, "unknown" last */
		if (unknown || (y.year && y.year <= prev)) { bad(err, &L, "years not in increasing order"); return -1; }
		if (!y.year) unknown = 1;
		prev = y.year;
		if (fn) fn(ud, &y);
		count++;
	}
	return r < 0 ? -1 : count;
}

long rp_byyear_parse(rp_model *m, int pairs, const char *name, const char *buf, size_t len, rp_year_fn fn, void *ud, mm_buf *err)
{
	lines_t L = { buf, buf + len, name, 0 };
	const char *s;
	size_t n;
	fld f[7];
	int r, nf = pairs ? 6 : 4, prev = -1;
	long count = 0;
	if (header(&L, pairs ? "year\tid_a\tid_b\ttype_a\ttype_b\tdocuments" : "year\tid\ttype\tdocuments", err) < 0) return -1;
	while ((r = next_line(&L, &s, &n, err)) > 0) {
		rp_year y = { 0, 0, UINT32_MAX, 0 };
		if (split(s, n, f, nf) != nf) { mm_buf_printf(err, "%s:%zu: expected %d tab-separated fields", name, L.line, nf); return -1; }
		if (get_year(f[0], &y.year) < 0) { bad(err, &L, "bad year"); return -1; }
		/* sorted by year; "unknown" (code 0) first */
		if (y.year < prev) { bad(err, &L, "years not in increasing order"); return -1; }
		prev = y.year;
		if (get_u64(f[nf - 1], &y.docs) < 0 || !y.docs) { bad(err, &L, "bad document count"); return -1; }
		if (pairs) {
			if (pair_ids(m, &L, f[1], f[2], &f[3], &f[4], &y.a, &y.b, err) < 0) return -1;
		} else {
			long x = rp_model_find(m, f[1].s, f[1].n);
			if (x < 0) { mm_buf_printf(err, "%s:%zu: concept '%.*s' is not in entities.tsv", name, L.line, (int)(f[1].n > 200 ? 200 : f[1].n), f[1].s); return -1; }
			if (strlen(m->e[x].type) != f[2].n || memcmp(m->e[x].type, f[2].s, f[2].n)) { bad(err, &L, "the type differs from entities.tsv"); return -1; }
			y.a = (uint32_t)x;
			m->e[x].year_sum += y.docs;
			if (m->e[x].year_sum > m->e[x].docs) { bad(err, &L, "more documents over the years than entities.tsv gives the concept"); return -1; }
		}
		if (fn) fn(ud, &y);
		count++;
	}
	return r < 0 ? -1 : count;
}

/* ---- JSON ---------------------------------------------------------------------------- */

typedef struct {
	const char *s, *p, *end, *name;
	mm_buf *err;
	int depth;
} jp;

static int jfail(jp *J, const char *msg)
{
	mm_buf_printf(J->err, "%s: byte %zu: %s", J->name, (size_t)(J->p - J->s), J->p >= J->end ? "truncated (unexpected end of file)" : msg);
	return -1;
}

static void jws(jp *J)
{
	while (J->p < J->end && (*J->p == ' ' || *J->p == '\t' || *J->p == '\n' || *J->p == '\r')) J->p++;
}

static int hex4(const char *p, unsigned *v)
{
	unsigned x = 0;
	for (int i = 0; i < 4; ++i) {
		char c = p[i];
		x <<= 4;
		if (c >= '0' && c <= '9') x |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') x |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') x |= (unsigned)(c - 'A' + 10);
		else return -1;
	}
	*v = x;
	return 0;
}

static void put_utf8(mm_buf *b, unsigned c)
{
	if (c < 0x80) mm_buf_putc(b, (int)c);
	else if (c < 0x800) { mm_buf_putc(b, 0xC0 | (c >> 6)); mm_buf_putc(b, 0x80 | (c & 63)); }
	else if (c < 0x10000) { mm_buf_putc(b, 0xE0 | (c >> 12)); mm_buf_putc(b, 0x80 | ((c >> 6) & 63)); mm_buf_putc(b, 0x80 | (c & 63)); }
	else { mm_buf_putc(b, 0xF0 | (c >> 18)); mm_buf_putc(b, 0x80 | ((c >> 12) & 63)); mm_buf_putc(b, 0x80 | ((c >> 6) & 63)); mm_buf_putc(b, 0x80 | (c & 63)); }
}

/* a string literal at J->p (at its opening quote) into a new NUL-terminated copy */
static char *jstring(jp *J)
{
	mm_buf b = {0};
	J->p++;
	mm_buf_puts(&b, "");
	while (J->p < J->end && *J->p != '"') {
		unsigned char c = (unsigned char)*J->p;
		if (c < 0x20) { jfail(J, "control character in a string"); goto fail; }
		if (c != '\\') {
			int k = mm_utf8_len((const unsigned char *)J->p, (size_t)(J->end - J->p));
			if (!k) { jfail(J, "invalid UTF-8 in a string"); goto fail; }
			mm_buf_put(&b, J->p, (size_t)k);
			J->p += k;
			continue;
		}
		if (J->end - J->p < 2) { J->p = J->end; jfail(J, ""); goto fail; }
		char e = J->p[1];
		J->p += 2;
		switch (e) {
		case '"': mm_buf_putc(&b, '"'); break;
		case '\\': mm_buf_putc(&b, '\\'); break;
		case '/': mm_buf_putc(&b, '/'); break;
		case 'b': case 'f': case 'n': case 'r': case 't': mm_buf_putc(&b, ' '); break;
		case 'u': {
			unsigned u, v;
			if (J->end - J->p < 4 || hex4(J->p, &u) < 0) { jfail(J, "bad \\u escape"); goto fail; }
			J->p += 4;
			if (u >= 0xD800 && u < 0xDC00) {
				if (J->end - J->p < 6 || J->p[0] != '\\' || J->p[1] != 'u' || hex4(J->p + 2, &v) < 0 || v < 0xDC00 || v > 0xDFFF) {
					jfail(J, "unpaired surrogate"); goto fail;
				}
				J->p += 6;
				u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
			} else if (u >= 0xDC00 && u < 0xE000) { jfail(J, "unpaired surrogate"); goto fail; }
			put_utf8(&b, u ? u : ' ');
			break;
		}
		default: J->p--; jfail(J, "bad escape"); goto fail;
		}
	}
	if (J->p >= J->end) { jfail(J, ""); goto fail; }
	J->p++;
	return b.s;
fail:
	mm_buf_free(&b);
	return NULL;
}

static int jvalue(jp *J, rp_json *v);

static int jlist(jp *J, rp_json *v, char close)
{
	size_t cap = 0;
	J->p++;
	jws(J);
	if (J->p < J->end && *J->p == close) { J->p++; return 0; }
	for (;;) {
		if (v->n == cap) { cap = cap ? cap * 2 : 4; v->kid = mm_realloc(v->kid, cap * sizeof *v->kid); }
		rp_json *k = &v->kid[v->n++];
		memset(k, 0, sizeof *k);
		jws(J);
		if (close == '}') {
			if (J->p >= J->end || *J->p != '"') return jfail(J, "expected a member name");
			if (!(k->key = jstring(J))) return -1;
			jws(J);
			if (J->p >= J->end || *J->p != ':') return jfail(J, "expected ':'");
			J->p++;
		}
		if (jvalue(J, k) < 0) return -1;
		jws(J);
		if (J->p < J->end && *J->p == ',') { J->p++; continue; }
		if (J->p < J->end && *J->p == close) { J->p++; return 0; }
		return jfail(J, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int jvalue(jp *J, rp_json *v)
{
	jws(J);
	if (J->p >= J->end) return jfail(J, "");
	char c = *J->p;
	if (c == '{' || c == '[') {
		if (++J->depth > 64) return jfail(J, "nested too deeply");
		v->kind = c == '{' ? RJ_OBJ : RJ_ARR;
		int r = jlist(J, v, c == '{' ? '}' : ']');
		J->depth--;
		return r;
	}
	if (c == '"') {
		v->kind = RJ_STR;
		return (v->str = jstring(J)) ? 0 : -1;
	}
	static const char *const words[] = { "true", "false", "null" };
	for (int w = 0; w < 3; ++w) {
		size_t l = strlen(words[w]);
		if ((size_t)(J->end - J->p) >= l && !memcmp(J->p, words[w], l)) {
			v->kind = w == 2 ? RJ_NULL : RJ_BOOL;
			v->num = w == 0;
			J->p += l;
			return 0;
		}
	}
	/* a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
	const char *q = J->p;
	if (q < J->end && *q == '-') q++;
	if (q >= J->end || *q < '0' || *q > '9') return jfail(J, "unexpected character");
	if (*q == '0') q++;
	else while (q < J->end && *q >= '0' && *q <= '9') q++;
	if (q < J->end && *q == '.') {
		q++;
		if (q >= J->end || *q < '0' || *q > '9') { J->p = q; return jfail(J, "bad number"); }
		while (q < J->end && *q >= '0' && *q <= '9') q++;
	}
	if (q < J->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < J->end && (*q == '+' || *q == '-')) q++;
		if (q >= J->end || *q < '0' || *q > '9') { J->p = q; return jfail(J, "bad number"); }
		while (q < J->end && *q >= '0' && *q <= '9') q++;
	}
	char b[64];
	if ((size_t)(q - J->p) >= sizeof b) return jfail(J, "number too long");
	memcpy(b, J->p, (size_t)(q - J->p));
	b[q - J->p] = 0;
	v->kind = RJ_NUM;
	v->num = strtod(b, NULL);
	J->p = q;
	return 0;
}

static void json_clear(rp_json *j)
{
	for (size_t i = 0; i < j->n; ++i) json_clear(&j->kid[i]);
	free(j->kid);
	free(j->str);
	free(j->key);
}

void rp_json_free(rp_json *j)
{
	if (!j) return;
	json_clear(j);
	free(j);
}

rp_json *rp_json_parse(const char *name, const char *buf, size_t len, mm_buf *err)
{
	jp J = { buf, buf, buf + len, name, err, 0 };
	rp_json *j = mm_calloc(1, sizeof *j);
	if (jvalue(&J, j) < 0) { rp_json_free(j); return NULL; }
	jws(&J);
	if (J.p != J.end) { jfail(&J, "text after the JSON value"); rp_json_free(j); return NULL; }
	return j;
}

const rp_json *rp_json_get(const rp_json *o, const char *key)
{
	if (!o || o->kind != RJ_OBJ) return NULL;
	for (size_t i = 0; i < o->n; ++i) if (!strcmp(o->kid[i].key, key)) return &o->kid[i];
	return NULL;
}

double rp_json_num(const rp_json *o, const char *key, double def)
{
	const rp_json *v = rp_json_get(o, key);
	return v && (v->kind == RJ_NUM || v->kind == RJ_BOOL) ? v->num : def;
}

const char *rp_json_str(const rp_json *o, const char *key, const char *def)
{
	const rp_json *v = rp_json_get(o, key);
	return v && v->kind == RJ_STR ? v->str : def;
}
