/* filter.c -- the document filters (filter.h). */
#include "filter.h"
#include "input.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const mm_filter_option[MM_FILT_N] = {
	"--mesh", "--mesh-major", "--pubtype", "--lang", "--journal", "--years", "--pmids", "--exclude-pmids", "--require"
};

typedef struct {
	char *s;        /* lower case (a UI: upper case) */
	int ui;         /* a MeSH or publication type UI (D016428) */
} fval;

typedef struct {
	fval *v;
	int n, m;
	mm_buf value, key;
} flist;

struct mm_filter {
	unsigned kinds;
	flist l[MM_FILT_N];
	int y_from, y_to;                   /* --years (0: open) */
	uint64_t *pmid[2];                  /* --pmids, --exclude-pmids: sorted, unique */
	size_t n_pmid[2];
	const mm_lexicon *lx;               /* --require, resolved */
	uint8_t *req;                       /* per concept: 1 when it satisfies --require */
};

/* The publication types PubMed uses (for a warning about other names). */
static const char *const pubtypes[] = {
	"Adaptive Clinical Trial", "Address", "Autobiography", "Bibliography", "Biography", "Case Reports",
	"Classical Article", "Clinical Conference", "Clinical Study", "Clinical Trial", "Clinical Trial Protocol",
	"Clinical Trial, Phase I", "Clinical Trial, Phase II", "Clinical Trial, Phase III", "Clinical Trial, Phase IV",
	"Clinical Trial, Veterinary", "Collected Work", "Comment", "Comparative Study", "Congress", "Congresses",
	"Consensus Development Conference", "Consensus Development Conference, NIH", "Controlled Clinical Trial",
	"Corrected and Republished Article", "Dataset", "Dictionary", "Directory", "Duplicate Publication", "Editorial",
	"English Abstract", "Equivalence Trial", "Evaluation Study", "Evaluation Studies", "Expression of Concern",
	"Festschrift", "Government Publication", "Guideline", "Historical Article", "Interactive Tutorial", "Interview",
	"Introductory Journal Article", "Journal Article", "Lecture", "Legal Case", "Legislation", "Letter",
	"Meta-Analysis", "Multicenter Study", "News", "Newspaper Article", "Observational Study",
	"Observational Study, Veterinary", "Overall", "Patient Education Handout", "Periodical Index",
	"Personal Narrative", "Portrait", "Practice Guideline", "Pragmatic Clinical Trial", "Preprint",
	"Published Erratum", "Randomized Controlled Trial", "Randomized Controlled Trial, Veterinary",
	"Research Support, American Recovery and Reinvestment Act", "Research Support, N.I.H., Extramural",
	"Research Support, N.I.H., Intramural", "Research Support, Non-U.S. Gov't",
	"Research Support, U.S. Gov't, Non-P.H.S.", "Research Support, U.S. Gov't, P.H.S.",
	"Research Support, U.S. Government", "Retracted Publication", "Retraction Notice", "Retraction of Publication",
	"Review", "Scientific Integrity Review", "Systematic Review", "Technical Report", "Twin Study",
	"Validation Study", "Validation Studies", "Video-Audio Media", "Webcast",
};

mm_filter *mm_filter_new(void) { return mm_calloc(1, sizeof(mm_filter)); }

void mm_filter_free(mm_filter *f)
{
	if (!f) return;
	for (int k = 0; k < MM_FILT_N; ++k) {
		for (int i = 0; i < f->l[k].n; ++i) free(f->l[k].v[i].s);
		free(f->l[k].v);
		mm_buf_free(&f->l[k].value);
		mm_buf_free(&f->l[k].key);
	}
	free(f->pmid[0]);
	free(f->pmid[1]);
	free(f->req);
	free(f);
}

unsigned mm_filter_kinds(const mm_filter *f) { return f ? f->kinds : 0; }
const char *mm_filter_value(const mm_filter *f, mm_filter_kind k) { return f->l[k].value.s ? f->l[k].value.s : ""; }
const char *mm_filter_key(const mm_filter *f, mm_filter_kind k) { return f->l[k].key.s ? f->l[k].key.s : ""; }

/* A MeSH or publication type UI: a letter D, C or Q and 6 to 9 digits. */
static int is_ui(const char *s, size_t n)
{
	if (n < 7 || n > 10 || !strchr("DCQdcq", s[0])) return 0;
	for (size_t i = 1; i < n; ++i) if (!isdigit((unsigned char)s[i])) return 0;
	return 1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(((const fval *)a)->s, ((const fval *)b)->s); }

/* The canonical key of list l: its values sorted, ';'-separated. */
static void make_key(flist *l)
{
	qsort(l->v, (size_t)l->n, sizeof *l->v, cmp_str);
	l->key.l = 0;
	for (int i = 0; i < l->n; ++i) {
		if (i && strcmp(l->v[i].s, l->v[i - 1].s) == 0) continue;
		if (l->key.l) mm_buf_putc(&l->key, ';');
		mm_buf_puts(&l->key, l->v[i].s);
	}
}

/* Whether name is a publication type of the list; near: a name that
 * differs from it only by case or a final 's', or NULL. */
static int known_pubtype(const char *name, const char **near)
{
	size_t n = strlen(name);
	*near = NULL;
	for (size_t k = 0; k < sizeof pubtypes / sizeof *pubtypes; ++k) {
		size_t m = strlen(pubtypes[k]);
		if (m == n && strcasecmp(pubtypes[k], name) == 0) return 1;
		if ((m == n + 1 && pubtypes[k][n] == 's' && strncasecmp(pubtypes[k], name, n) == 0) ||
		    (n == m + 1 && tolower((unsigned char)name[m]) == 's' && strncasecmp(pubtypes[k], name, m) == 0))
			*near = pubtypes[k];
	}
	return 0;
}

static int add_list(mm_filter *f, mm_filter_kind k, const char *value, mm_buf *err)
{
	flist *l = &f->l[k];
	int warned = 0, n0 = l->n; /* an invalid value adds nothing */
	const char *opt = mm_filter_option[k];
	for (const char *s = value;;) {
		const char *e = s;
		while (*e && *e != ';' && !(*e == ',' && e[1] != ' ')) ++e;
		const char *a = s, *b = e;
		while (a < b && isspace((unsigned char)*a)) ++a;
		while (b > a && isspace((unsigned char)b[-1])) --b;
		size_t n = (size_t)(b - a);
		if (n == 0) {
			mm_buf_printf(err, "%s '%s': an empty item in the list", opt, value);
			goto fail;
		}
		char *v = mm_strndup(a, n);
		int ui = (k == MM_FILT_MESH || k == MM_FILT_MESH_MAJOR || k == MM_FILT_PUBTYPE) && is_ui(v, n);
		for (size_t i = 0; i < n; ++i) {
			unsigned char c = (unsigned char)v[i];
			if (c == '\t' || c == '\n' || c == '\r') v[i] = ' ';
			else v[i] = (char)(ui ? toupper(c) : tolower(c));
		}
		if (k == MM_FILT_LANG && (n != 3 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) || !isalpha((unsigned char)v[2]))) {
			mm_buf_printf(err, "--lang '%.*s': a language is a three-letter code as PubMed gives it (eng, fre, ger, ...)", (int)n, a);
			free(v);
			goto fail;
		}
		if (k == MM_FILT_JOURNAL) { /* full stops ignored */
			size_t j = 0;
			for (size_t i = 0; i < n; ++i) if (v[i] != '.') v[j++] = v[i];
			v[j] = 0;
		}
		if (k == MM_FILT_PUBTYPE && !ui && !warned) {
			const char *near;
			if (!known_pubtype(v, &near)) {
				mm_buf_printf(err, "--pubtype '%.*s' is not a publication type PubMed uses%s%s%s; it is kept (names match exactly, ignoring case)",
				              (int)n, a, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
				warned = 1;
			}
		}
		if (l->n == l->m) { l->m = l->m ? 2 * l->m : 8; l->v = mm_realloc(l->v, (size_t)l->m * sizeof *l->v); }
		l->v[l->n].s = v;
		l->v[l->n].ui = ui;
		l->n++;
		if (!*e) break;
		s = e + 1;
	}
	if (l->value.l) mm_buf_putc(&l->value, ';');
	mm_buf_puts(&l->value, value);
	make_key(l);
	return warned;
fail:
	while (l->n > n0) free(l->v[--l->n].s);
	return -1;
}

/* FROM-TO, either end open; a single year is FROM-FROM. */
static int add_years(mm_filter *f, const char *value, mm_buf *err)
{
	const char *dash = strchr(value, '-');
	int y[2] = { 0, 0 };
	for (int k = 0; k < 2; ++k) {
		const char *s = k ? (dash ? dash + 1 : value) : value, *e = k ? s + strlen(s) : (dash ? dash : value + strlen(value));
		if (s == e) continue;
		int v = 0;
		for (const char *p = s; p < e; ++p) {
			if (!isdigit((unsigned char)*p) || e - s != 4) {
				mm_buf_printf(err, "--years '%s': give FROM-TO with four-digit years (2010-2020, 2010-, -1999, 2015)", value);
				return -1;
			}
			v = v * 10 + (*p - '0');
		}
		y[k] = v;
	}
	if (!dash) y[1] = y[0];
	if (!y[0] && !y[1]) { mm_buf_printf(err, "--years '%s': give at least one year", value); return -1; }
	if (y[0] && y[1] && y[0] > y[1]) {
		mm_buf_printf(err, "--years '%s': the first year is after the last (did you mean %d-%d?)", value, y[1], y[0]);
		return -1;
	}
	if (f->kinds & 1u << MM_FILT_YEARS) { mm_buf_printf(err, "--years given twice"); return -1; }
	f->y_from = y[0];
	f->y_to = y[1];
	flist *l = &f->l[MM_FILT_YEARS];
	mm_buf_puts(&l->value, value);
	if (y[0]) mm_buf_printf(&l->key, "%d", y[0]);
	mm_buf_putc(&l->key, '-');
	if (y[1]) mm_buf_printf(&l->key, "%d", y[1]);
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* A file of PMIDs, one a line, into the sorted set `which`. */
static int add_pmids(mm_filter *f, mm_filter_kind k, const char *path, mm_buf *err)
{
	int which = k == MM_FILT_EXCLUDE;
	char e[256];
	mm_reader *rd = mm_reader_open(path, e, sizeof e);
	if (!rd) { mm_buf_printf(err, "%s %s: %s", mm_filter_option[k], path, e); return -1; }
	mm_buf t = {0};
	char buf[65536];
	ssize_t n;
	while ((n = mm_reader_read(rd, buf, sizeof buf)) > 0) mm_buf_put(&t, buf, (size_t)n);
	if (n < 0) {
		mm_buf_printf(err, "%s %s: %s", mm_filter_option[k], path, mm_reader_error(rd));
		mm_reader_close(rd);
		mm_buf_free(&t);
		return -1;
	}
	mm_reader_close(rd);
	size_t cap = f->n_pmid[which] + 1024;
	uint64_t *a = mm_realloc(f->pmid[which], cap * sizeof *a);
	size_t na = f->n_pmid[which];
	long line = 0;
	int rc = 0;
	for (size_t i = 0; i < t.l;) {
		const char *l = t.s + i, *nl = memchr(l, '\n', t.l - i);
		size_t ll = nl ? (size_t)(nl - l) : t.l - i;
		i += ll + 1;
		++line;
		const char *s = l;
		size_t sl = ll;
		while (sl && isspace((unsigned char)*s)) ++s, --sl;
		while (sl && isspace((unsigned char)s[sl - 1])) --sl;
		if (sl == 0 || *s == '#') continue;
		uint64_t v;
		if (mm_parse_pmid(s, sl, &v) < 0) {
			mm_buf_printf(err, "%s %s:%ld: '%.*s' is not a PMID (one PMID a line; '#' begins a comment)", mm_filter_option[k],
			              path, line, (int)(sl > 40 ? 40 : sl), s);
			rc = -1;
			break;
		}
		if (na == cap) { cap *= 2; a = mm_realloc(a, cap * sizeof *a); }
		a[na++] = v;
	}
	mm_buf_free(&t);
	f->pmid[which] = a;
	if (rc < 0) return -1;
	qsort(a, na, sizeof *a, cmp_u64);
	size_t u = 0;
	for (size_t j = 0; j < na; ++j) if (!u || a[u - 1] != a[j]) a[u++] = a[j];
	f->n_pmid[which] = u;
	flist *l = &f->l[k];
	if (l->value.l) mm_buf_putc(&l->value, ';');
	mm_buf_puts(&l->value, path);
	l->key.l = 0;
	mm_buf_printf(&l->key, "%zu PMIDs, fingerprint %016llx", u, (unsigned long long)mm_fnv1a(a, u * sizeof *a));
	return 0;
}

int mm_filter_add(mm_filter *f, mm_filter_kind k, const char *value, mm_buf *err)
{
	int rc;
	if (!*value) { mm_buf_printf(err, "%s: an empty value", mm_filter_option[k]); return -1; }
	if (k == MM_FILT_YEARS) rc = add_years(f, value, err);
	else if (k == MM_FILT_PMIDS || k == MM_FILT_EXCLUDE) rc = add_pmids(f, k, value, err);
	else rc = add_list(f, k, value, err);
	if (rc >= 0) f->kinds |= 1u << k;
	return rc;
}

void mm_filter_describe(mm_filter *f, mm_filter_kind k, const char *key)
{
	f->kinds |= 1u << k;
	f->l[k].value.l = f->l[k].key.l = 0;
	mm_buf_puts(&f->l[k].value, key);
	mm_buf_puts(&f->l[k].key, key);
}

int mm_filter_resolve(mm_filter *f, const mm_lexicon *lx, mm_buf *err)
{
	if (!(f->kinds & 1u << MM_FILT_REQUIRE)) return 0;
	f->lx = lx;
	free(f->req);
	f->req = mm_calloc(lx->n_concept ? (size_t)lx->n_concept : 1, 1);
	const flist *l = &f->l[MM_FILT_REQUIRE];
	for (int i = 0; i < l->n; ++i) {
		const char *v = l->v[i].s;
		int found = 0;
		for (int c = 0; c < lx->n_concept; ++c)
			if (strcasecmp(lx->c[c].id, v) == 0 || strcasecmp(lx->c[c].type, v) == 0) { f->req[c] = 1; found = 1; }
		if (!found) {
			mm_buf_printf(err, "--require '%s': no concept has this id or type in the lexicon (ids look like antibody:HMGCR; types:", v);
			for (int t = 0; t < lx->n_type; ++t) mm_buf_printf(err, "%s %s", t ? "," : "", lx->type[t]);
			mm_buf_puts(err, ")");
			if (!strncmp(v, "mesh", 4) && (!v[4] || v[4] == ':'))
				mm_buf_puts(err, "; MeSH headings are filtered with --mesh or --mesh-major (D009220, Myositis)");
			return -1;
		}
	}
	return 0;
}

/* s equals the lower-case value v, ignoring case (and, for journals, full
 * stops in s) */
static int eq_lower(const char *s, const char *v, int nodots)
{
	for (;; ++s) {
		if (nodots && *s == '.') continue;
		if (tolower((unsigned char)*s) != (unsigned char)*v) return 0;
		if (!*s) return 1;
		++v;
	}
}

static int match_term(const flist *l, const mm_doc *d, const mm_term *t, int journal)
{
	for (int i = 0; i < l->n; ++i) {
		if (l->v[i].ui) { if (t->ui_n && strcasecmp(mm_term_ui(d, t), l->v[i].s) == 0) return 1; }
		else if (eq_lower(mm_term_name(d, t), l->v[i].s, journal)) return 1;
		else if (journal && t->ui_n && eq_lower(mm_term_ui(d, t), l->v[i].s, 1)) return 1;
	}
	return 0;
}

static int in_set(const uint64_t *a, size_t n, uint64_t v)
{
	return n && bsearch(&v, a, n, sizeof *a, cmp_u64) != NULL;
}

unsigned mm_filter_doc(const mm_filter *f, const mm_doc *d)
{
	unsigned fail = f->kinds & ~(1u << MM_FILT_REQUIRE);
	if (!fail) return 0;
	if ((fail & 1u << MM_FILT_PMIDS) && in_set(f->pmid[0], f->n_pmid[0], d->pmid)) fail &= ~(1u << MM_FILT_PMIDS);
	if ((fail & 1u << MM_FILT_EXCLUDE) && !in_set(f->pmid[1], f->n_pmid[1], d->pmid)) fail &= ~(1u << MM_FILT_EXCLUDE);
	if ((fail & 1u << MM_FILT_YEARS) && d->year && (!f->y_from || d->year >= f->y_from) && (!f->y_to || d->year <= f->y_to))
		fail &= ~(1u << MM_FILT_YEARS);
	if (!(fail & (1u << MM_FILT_MESH | 1u << MM_FILT_MESH_MAJOR | 1u << MM_FILT_PUBTYPE | 1u << MM_FILT_LANG | 1u << MM_FILT_JOURNAL)))
		return fail;
	for (int i = 0; i < d->meta.n; ++i) {
		const mm_term *t = &d->meta.t[i];
		switch (t->kind) {
		case MM_TERM_MESH:
			if ((fail & 1u << MM_FILT_MESH) && match_term(&f->l[MM_FILT_MESH], d, t, 0)) fail &= ~(1u << MM_FILT_MESH);
			if ((fail & 1u << MM_FILT_MESH_MAJOR) && (t->flags & MM_TERM_MAJR) && match_term(&f->l[MM_FILT_MESH_MAJOR], d, t, 0))
				fail &= ~(1u << MM_FILT_MESH_MAJOR);
			break;
		case MM_TERM_PUBTYPE:
			if ((fail & 1u << MM_FILT_PUBTYPE) && match_term(&f->l[MM_FILT_PUBTYPE], d, t, 0)) fail &= ~(1u << MM_FILT_PUBTYPE);
			break;
		case MM_TERM_LANG:
			if ((fail & 1u << MM_FILT_LANG) && match_term(&f->l[MM_FILT_LANG], d, t, 0)) fail &= ~(1u << MM_FILT_LANG);
			break;
		case MM_TERM_JOURNAL_ID: case MM_TERM_JOURNAL_TA: case MM_TERM_JOURNAL_ISO:
			if ((fail & 1u << MM_FILT_JOURNAL) && match_term(&f->l[MM_FILT_JOURNAL], d, t, 1)) fail &= ~(1u << MM_FILT_JOURNAL);
			break;
		default: break;
		}
	}
	return fail;
}

unsigned mm_filter_hits(const mm_filter *f, const mm_hit *hit, uint32_t n_hit, int keep_negated)
{
	if (!(f->kinds & 1u << MM_FILT_REQUIRE)) return 0;
	for (uint32_t k = 0; k < n_hit; ++k)
		if (f->req && f->req[hit[k].concept] && (hit[k].n || (keep_negated && hit[k].neg))) return 0;
	return 1u << MM_FILT_REQUIRE;
}
