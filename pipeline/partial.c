/* partial.c -- the partial-result format (--partial, myomine merge): written
 * and parsed here, from one list of fields per line (runpriv.h).
 *
 * A gzip text file, MM_PARTIAL_NAME, in the output directory:
 *   #myomine-partial 1
 *   #lexicon <fingerprint> <concepts>
 *   F<TAB>path                      a file block begins (files in sorted order)
 *   A<TAB>pmid<TAB>version<TAB>year<TAB>has_abstract<TAB>sentences<TAB>hits[<TAB>concept:sentence:section:count:negated]...
 *   D<TAB>pmid                      a DeleteCitation entry
 *   E<TAB>status<TAB>format<TAB>bytes<TAB>uncompressed<TAB>records<TAB>documents<TAB>failed<TAB>deleted_listed<TAB>invalid_utf8<TAB>bad_refs<TAB>errors
 *   M<TAB>message                   the file's first messages (no tab)
 *   S<TAB>ck<TAB>uln<TAB>age<TAB>sex  --facts: the next A line's summary (numbers %.17g or empty; sex f, m or empty)
 *   T<TAB>line                      --facts: one of the next A line's facts.tsv lines (tabs kept)
 *   X<TAB>mask                      the A line before fails these filters (filter.h)
 *   U<TAB>idx<TAB>pmid<TAB>version<TAB>key<TAB>name
 *                                   --with-mesh: MeSH concept idx (concept <concepts> + idx in
 *                                   the A lines after it) has key, and name from record (pmid,
 *                                   version); before the first A line naming it, and before
 *                                   #end again when a newer record carried it (mesh.h)
 *   I<TAB>path                      an input file of the run, listed before the first F line
 *   #end
 * With --facts a "#facts" line follows the #lexicon line, with --with-mesh
 * a "#mesh <mode>" line; with filters, a line "#filters<TAB>--option=key..."
 * follows them.  A MeSH hit of an A line has sentence and section
 * 4294967295 (MM_HIT_DOC) and count 1.
 * Replaying the blocks of several partials in file-name order gives the
 * store, and so the outputs, of one run over all their files. */
#include "runpriv.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the fields of each line ------------------------------------------------- */

typedef enum { F_U32, F_INT, F_U64, F_ID } ftype; /* F_ID: a uint64_t from 1 to MM_PMID_MAX (0 is refused later) */
typedef struct {
	size_t off;
	ftype type;
} field;

/* A: after the tag, in this order (the hits follow) */
static const field a_fields[] = {
	{ offsetof(mm_item, pmid), F_ID }, { offsetof(mm_item, version), F_INT }, { offsetof(mm_item, year), F_INT },
	{ offsetof(mm_item, has_abs), F_INT }, { offsetof(mm_item, n_sent), F_U32 }, { offsetof(mm_item, n_hit), F_U32 },
};
/* one hit of an A line, ':'-separated */
static const field hit_fields[] = {
	{ offsetof(mm_hit, concept), F_U32 }, { offsetof(mm_hit, sent), F_U32 }, { offsetof(mm_hit, sec), F_U32 },
	{ offsetof(mm_hit, n), F_U32 }, { offsetof(mm_hit, neg), F_U32 },
};
/* U: after the tag (the key and the name follow) */
static const field u_fields[] = {
	{ offsetof(mm_partial_mesh, idx), F_U32 }, { offsetof(mm_partial_mesh, pmid), F_ID },
	{ offsetof(mm_partial_mesh, version), F_INT },
};
#define MM_MESH_MAX_IDX (1u << 24) /* U lines' idx: below this */
/* E: after the status and the format */
static const field e_fields[] = {
	{ offsetof(mm_infile, in_bytes), F_U64 }, { offsetof(mm_infile, out_bytes), F_U64 },
	{ offsetof(mm_infile, records), F_U64 }, { offsetof(mm_infile, docs), F_U64 },
	{ offsetof(mm_infile, failed), F_U64 }, { offsetof(mm_infile, deletes), F_U64 },
	{ offsetof(mm_infile, bad_utf8), F_U64 }, { offsetof(mm_infile, bad_refs), F_U64 },
	{ offsetof(mm_infile, n_err), F_INT },
};
#define N_FIELDS(a) (sizeof(a) / sizeof((a)[0]))

static void put_field(mm_buf *b, const void *base, const field *fd)
{
	const char *p = (const char *)base + fd->off;
	if (fd->type == F_U32) mm_buf_putu(b, *(const uint32_t *)p);
	else if (fd->type == F_U64 || fd->type == F_ID) mm_buf_putu(b, *(const uint64_t *)p);
	else mm_buf_printf(b, "%d", *(const int *)p);
}

/* Parse field fd at *s (before end) into base: decimal digits (a '-' first
 * for an int), in range; *s moves past them.  0 ok, -1 malformed. */
static int parse_field(const char **s, const char *end, void *base, const field *fd)
{
	const char *p = *s;
	int neg = fd->type == F_INT && p < end && *p == '-';
	p += neg;
	uint64_t v = 0, max = fd->type == F_U32 ? UINT32_MAX : fd->type == F_U64 ? UINT64_MAX : fd->type == F_ID ? MM_PMID_MAX : (uint64_t)INT_MAX + neg;
	const char *d0 = p;
	for (; p < end && *p >= '0' && *p <= '9'; ++p) {
		unsigned x = (unsigned)(*p - '0');
		if (v > (max - x) / 10) return -1;
		v = v * 10 + x;
	}
	if (p == d0) return -1;
	char *q = (char *)base + fd->off;
	if (fd->type == F_U32) *(uint32_t *)q = (uint32_t)v;
	else if (fd->type == F_U64 || fd->type == F_ID) *(uint64_t *)q = v;
	else *(int *)q = neg ? (int)(-(int64_t)v) : (int)v;
	*s = p;
	return 0;
}

/* the fields of list fl[0..n), the first after sep0, the others after sep */
static int parse_fields(const char **s, const char *end, void *base, const field *fl, size_t n, char sep0, char sep)
{
	for (size_t k = 0; k < n; ++k) {
		if (*s >= end || **s != (k ? sep : sep0)) return -1;
		++*s;
		if (parse_field(s, end, base, &fl[k]) < 0) return -1;
	}
	return 0;
}

/* the token at *s up to the next tab (or end), as a NUL-terminated copy in
 * out[0..n); -1 when it does not fit */
static int parse_word(const char **s, const char *end, char *out, size_t n)
{
	const char *p = *s, *e = memchr(p, '\t', (size_t)(end - p));
	if (!e) e = end;
	if ((size_t)(e - p) >= n) return -1;
	memcpy(out, p, (size_t)(e - p));
	out[e - p] = 0;
	*s = e;
	return 0;
}

/* ---- one line ------------------------------------------------------------------- */

static void put_double(mm_buf *b, int has, double v);

void mm_partial_put_rec(mm_buf *b, const mm_partial_rec *r)
{
	switch (r->type) {
	case MM_PREC_FILE:
		mm_buf_puts(b, "F\t");
		mm_buf_puts(b, r->text);
		break;
	case MM_PREC_ARTICLE:
		mm_buf_putc(b, 'A');
		for (size_t k = 0; k < N_FIELDS(a_fields); ++k) { mm_buf_putc(b, '\t'); put_field(b, &r->art, &a_fields[k]); }
		for (uint32_t h = 0; h < r->art.n_hit; ++h)
			for (size_t k = 0; k < N_FIELDS(hit_fields); ++k) {
				mm_buf_putc(b, k ? ':' : '\t');
				put_field(b, &r->art.hit[h], &hit_fields[k]);
			}
		break;
	case MM_PREC_DELETE:
		mm_buf_puts(b, "D\t");
		mm_buf_putu(b, r->pmid);
		break;
	case MM_PREC_END_FILE:
		mm_buf_printf(b, "E\t%s\t%s", mm_fs_name[r->file.status], mm_format_name(r->file.fmt));
		for (size_t k = 0; k < N_FIELDS(e_fields); ++k) { mm_buf_putc(b, '\t'); put_field(b, &r->file, &e_fields[k]); }
		break;
	case MM_PREC_MESSAGE:
		mm_buf_puts(b, "M\t");
		for (const char *s = r->text ? r->text : ""; *s; ++s) mm_buf_putc(b, *s == '\n' || *s == '\t' ? ' ' : *s);
		break;
	case MM_PREC_TRAILER:
		mm_buf_puts(b, "#end");
		break;
	case MM_PREC_FACTS_SUM:
		mm_buf_putc(b, 'S');
		put_double(b, r->fs.has_ck, r->fs.ck);
		put_double(b, r->fs.has_uln, r->fs.uln);
		put_double(b, r->fs.has_age, r->fs.age);
		mm_buf_puts(b, r->fs.sex == MM_FU_FEMALE ? "\tf" : r->fs.sex == MM_FU_MALE ? "\tm" : "\t");
		break;
	case MM_PREC_FACTS_LINE:
		mm_buf_puts(b, "T\t");
		for (const char *s = r->text ? r->text : ""; *s; ++s) mm_buf_putc(b, *s == '\n' ? ' ' : *s);
		break;
	case MM_PREC_FILTERED:
		mm_buf_puts(b, "X\t");
		mm_buf_putu(b, r->fail);
		break;
	case MM_PREC_FILTERS:
		mm_buf_puts(b, "#filters");
		mm_buf_puts(b, r->text);
		break;
	case MM_PREC_INPUT:
		mm_buf_puts(b, "I\t");
		for (const char *s = r->text ? r->text : ""; *s; ++s) mm_buf_putc(b, *s == '\n' ? ' ' : *s);
		break;
	case MM_PREC_MESH:
		mm_buf_putc(b, 'U');
		for (size_t k = 0; k < N_FIELDS(u_fields); ++k) { mm_buf_putc(b, '\t'); put_field(b, &r->mesh, &u_fields[k]); }
		mm_buf_putc(b, '\t');
		mm_buf_put(b, r->mesh.key, r->mesh.key_n);
		mm_buf_putc(b, '\t');
		for (const char *x = r->mesh.name; *x; ++x) mm_buf_putc(b, *x == '\n' || *x == '\t' ? ' ' : *x);
		break;
	}
	mm_buf_putc(b, '\n');
}

/* S: a tab, then an empty field or a finite number >= 0 that reads back to itself */
static void put_double(mm_buf *b, int has, double v)
{
	mm_buf_putc(b, '\t');
	if (has) mm_buf_printf(b, "%.17g", v);
}

static int parse_double(const char **s, const char *end, uint8_t *has, double *v)
{
	if (*s >= end || **s != '\t') return -1;
	const char *p = ++*s, *e = p;
	while (e < end && *e != '\t') ++e;
	*has = e > p;
	if (e == p) return 0;
	char buf[40], *x;
	if ((size_t)(e - p) >= sizeof buf) return -1;
	memcpy(buf, p, (size_t)(e - p));
	buf[e - p] = 0;
	*v = strtod(buf, &x);
	if (*x || !isfinite(*v) || !(*v >= 0) || !(buf[0] >= '0' && buf[0] <= '9')) return -1;
	*s = e;
	return 0;
}

static int parse_fsum(const char *s, const char *end, mm_facts_doc *fs)
{
	if (parse_double(&s, end, &fs->has_ck, &fs->ck) < 0 || parse_double(&s, end, &fs->has_uln, &fs->uln) < 0 ||
	    parse_double(&s, end, &fs->has_age, &fs->age) < 0 || s >= end || *s++ != '\t')
		return -1;
	if (s == end) fs->sex = 0;
	else if (end - s == 1 && (*s == 'f' || *s == 'm')) fs->sex = *s == 'f' ? MM_FU_FEMALE : MM_FU_MALE;
	else return -1;
	return 0;
}

static int parse_article(const char *s, const char *end, int n_concept, mm_item *it)
{
	if (parse_fields(&s, end, it, a_fields, N_FIELDS(a_fields), '\t', '\t') < 0) return -1;
	if (!it->pmid || it->n_hit > (1u << 24) || (size_t)(end - s) < (size_t)it->n_hit * 10) return -1;
	it->hit = it->n_hit ? mm_malloc(it->n_hit * sizeof *it->hit) : NULL;
	for (uint32_t k = 0; k < it->n_hit; ++k) {
		if (parse_fields(&s, end, &it->hit[k], hit_fields, N_FIELDS(hit_fields), '\t', ':') < 0) return -1;
		if (it->hit[k].concept >= (uint32_t)n_concept) return -1;
	}
	return s == end ? 0 : -1;
}

/* U: the fields, a key (no tab, not empty) and a name (no tab) */
static int parse_mesh(const char *s, const char *end, mm_partial_mesh *u)
{
	if (parse_fields(&s, end, u, u_fields, N_FIELDS(u_fields), '\t', '\t') < 0 || u->idx >= MM_MESH_MAX_IDX) return -1;
	if (s >= end || *s++ != '\t') return -1;
	const char *t = memchr(s, '\t', (size_t)(end - s));
	if (!t || t == s || memchr(t + 1, '\t', (size_t)(end - t - 1))) return -1;
	u->key = s;
	u->key_n = (size_t)(t - s);
	u->name = t + 1;
	return 0;
}

static int parse_end(const char *s, const char *end, mm_infile *f)
{
	char st[16], fmt[16];
	int k;
	if (s >= end || *s++ != '\t' || parse_word(&s, end, st, sizeof st) < 0) return -1;
	if (s >= end || *s++ != '\t' || parse_word(&s, end, fmt, sizeof fmt) < 0) return -1;
	for (k = 0; k <= MM_FS_SKIPPED && strcmp(st, mm_fs_name[k]); ++k) {}
	if (k > MM_FS_SKIPPED) return -1;
	f->status = k;
	for (k = MM_FMT_AUTO; k <= MM_FMT_PUBTATOR && strcmp(fmt, mm_format_name((mm_format)k)); ++k) {}
	if (k > MM_FMT_PUBTATOR) return -1;
	f->fmt = (mm_format)k;
	if (parse_fields(&s, end, f, e_fields, N_FIELDS(e_fields), '\t', '\t') < 0 || f->n_err < 0) return -1;
	return s == end ? 0 : -1;
}

void mm_partial_rec_free(mm_partial_rec *r)
{
	free(r->art.hit);
	r->art.hit = NULL;
}

int mm_partial_parse_rec(const char *l, size_t n, int n_concept, mm_partial_rec *r, const char **why)
{
	static const char *const bad[] = { "malformed F line", "malformed A line", "malformed D line", "malformed E line",
	                                   "malformed M line", "unknown line", "malformed X line", "malformed S line", "malformed T line",
	                                   "malformed U line", "malformed I line" };
	const char *end = l + n;
	int which = 5;
	mm_partial_rec_free(r);
	memset(r, 0, sizeof *r);
	if (memchr(l, 0, n)) goto fail;
	if (n == 4 && memcmp(l, "#end", 4) == 0) { r->type = MM_PREC_TRAILER; return 0; }
	if (n > 9 && memcmp(l, "#filters\t", 9) == 0) { r->type = MM_PREC_FILTERS; r->text = l + 8; return 0; }
	if (n < 2 || l[1] != '\t') goto fail;
	switch (l[0]) {
	case 'F':
		which = 0;
		r->type = MM_PREC_FILE;
		r->text = l + 2;
		if (n == 2) goto fail;
		return 0;
	case 'A':
		which = 1;
		r->type = MM_PREC_ARTICLE;
		if (parse_article(l + 1, end, n_concept, &r->art) < 0) goto fail;
		return 0;
	case 'D': {
		which = 2;
		static const field pmid = { 0, F_ID };
		const char *s = l + 2;
		r->type = MM_PREC_DELETE;
		if (parse_field(&s, end, &r->pmid, &pmid) < 0 || s != end || !r->pmid) goto fail;
		return 0;
	}
	case 'E':
		which = 3;
		r->type = MM_PREC_END_FILE;
		if (parse_end(l + 1, end, &r->file) < 0) goto fail;
		return 0;
	case 'X': {
		static const field mask = { 0, F_U32 };
		const char *s = l + 2;
		which = 6;
		r->type = MM_PREC_FILTERED;
		if (parse_field(&s, end, &r->fail, &mask) < 0 || s != end || r->fail >= 1u << MM_STORE_FILTER_BITS) goto fail;
		return 0;
	}
	case 'M':
		which = 4;
		r->type = MM_PREC_MESSAGE;
		r->text = l + 2;
		if (memchr(r->text, '\t', n - 2)) goto fail;
		return 0;
	case 'S':
		which = 7;
		r->type = MM_PREC_FACTS_SUM;
		if (parse_fsum(l + 1, end, &r->fs) < 0) goto fail;
		return 0;
	case 'I':
		which = 10;
		r->type = MM_PREC_INPUT;
		r->text = l + 2;
		if (n == 2) goto fail;
		return 0;
	case 'U':
		which = 9;
		r->type = MM_PREC_MESH;
		if (parse_mesh(l + 1, end, &r->mesh) < 0) goto fail;
		return 0;
	case 'T':
		which = 8;
		r->type = MM_PREC_FACTS_LINE;
		r->text = l + 2;
		if (n == 2) goto fail;
		return 0;
	}
fail:
	mm_partial_rec_free(r);
	*why = bad[which];
	return -1;
}

void mm_partial_copy_end(mm_infile *dst, const mm_infile *src)
{
	dst->status = src->status;
	dst->fmt = src->fmt;
	for (size_t k = 0; k < N_FIELDS(e_fields); ++k) {
		size_t sz = e_fields[k].type == F_U64 || e_fields[k].type == F_ID ? sizeof(uint64_t) : e_fields[k].type == F_U32 ? sizeof(uint32_t) : sizeof(int);
		memcpy((char *)dst + e_fields[k].off, (const char *)src + e_fields[k].off, sz);
	}
}

/* ---- the header ------------------------------------------------------------------ */

#define MAGIC "#myomine-partial 1"

uint64_t mm_partial_fingerprint(const mm_lexicon *lx)
{
	mm_buf b = {0};
	for (int i = 0; i < lx->n_concept; ++i) mm_buf_printf(&b, "%s\t%s\n", lx->c[i].id, lx->c[i].type);
	for (int i = 0; i < lx->n_file; ++i) mm_buf_printf(&b, "%08x %llu\n", lx->file[i].crc32, (unsigned long long)lx->file[i].bytes);
	if (lx->negation_path) mm_buf_printf(&b, "negation %08x\n", lx->negation_crc32); /* other negation, other counts */
	uint64_t h = mm_fnv1a(b.s, b.l);
	mm_buf_free(&b);
	return h;
}

void mm_partial_put_header(mm_buf *b, uint64_t fingerprint, int n_concept)
{
	mm_buf_printf(b, MAGIC "\n#lexicon %016llx %d\n", (unsigned long long)fingerprint, n_concept);
}

int mm_partial_parse_lexicon(const char *l, size_t n, uint64_t *fingerprint, int *n_concept)
{
	static const field nc = { 0, F_INT };
	const char *s = l + 9, *end = l + n;
	if (n < 9 || memcmp(l, "#lexicon ", 9)) return -1;
	uint64_t v = 0;
	const char *h0 = s;
	for (; s < end && s - h0 < 16; ++s) {
		int x = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : *s >= 'A' && *s <= 'F' ? *s - 'A' + 10 : -1;
		if (x < 0) break;
		v = v << 4 | (uint64_t)x;
	}
	if (s == h0 || s >= end || *s++ != ' ' || parse_field(&s, end, n_concept, &nc) < 0 || s != end) return -1;
	*fingerprint = v;
	return 0;
}

/* ---- writing (the apply step) ------------------------------------------------------ */

static void out_flush(mm_partial_out *p)
{
	if (p->buf.l > (1u << 20)) (void)mm_out_buf(p->f, &p->buf); /* a failed write shows at close */
}

int mm_partial_open(mm_partial_out *p, const mm_lexicon *lx, mm_buf *err)
{
	p->f = mm_out_open(MM_PARTIAL_NAME, 1, err);
	if (!p->f) return -1;
	p->file = -1;
	mm_partial_put_header(&p->buf, mm_partial_fingerprint(lx), lx->n_concept);
	if (p->facts) mm_buf_puts(&p->buf, "#facts\n");
	if (p->mesh) mm_buf_printf(&p->buf, "#mesh %s\n", mm_mesh_mode_name[p->mesh]);
	return 0;
}

void mm_partial_begin_file(mm_partial_out *p, int file, const char *path)
{
	if (p->file == file) return;
	mm_partial_rec r = { .type = MM_PREC_FILE, .text = path };
	mm_partial_put_rec(&p->buf, &r);
	p->file = file;
}

void mm_partial_end_file(mm_partial_out *p, const mm_infile *f)
{
	mm_partial_rec r = { .type = MM_PREC_END_FILE };
	mm_partial_copy_end(&r.file, f);
	mm_partial_put_rec(&p->buf, &r);
	r.type = MM_PREC_MESSAGE;
	int shown = f->n_err < MM_MAX_ERRORS_SHOWN ? f->n_err : MM_MAX_ERRORS_SHOWN;
	for (int k = 0; k < shown; ++k) {
		r.text = f->err[k];
		mm_partial_put_rec(&p->buf, &r);
	}
	p->file = -1;
	out_flush(p);
}

void mm_partial_article(mm_partial_out *p, const mm_item *it)
{
	mm_partial_rec r = { .type = MM_PREC_ARTICLE, .art = *it };
	mm_partial_put_rec(&p->buf, &r);
	out_flush(p);
}

static void put_mesh(mm_partial_out *p, mm_mesh *m, uint32_t i)
{
	mm_meshent *e = &m->e[i];
	mm_partial_rec r = { .type = MM_PREC_MESH };
	r.mesh = (mm_partial_mesh){ i, e->pmid, e->version, e->key, e->name, strlen(e->key) };
	mm_partial_put_rec(&p->buf, &r);
	e->written = 1;
	e->stale = 0;
}

void mm_partial_mesh_names(mm_partial_out *p, mm_mesh *m, const mm_hit *hit, uint32_t n)
{
	for (uint32_t k = 0; k < n; ++k)
		if (hit[k].sent == MM_HIT_DOC && hit[k].concept >= m->base && !m->e[hit[k].concept - m->base].written)
			put_mesh(p, m, hit[k].concept - m->base);
}

void mm_partial_mesh_final(mm_partial_out *p, mm_mesh *m)
{
	for (uint32_t i = 0; i < m->n; ++i)
		if (m->e[i].stale) put_mesh(p, m, i);
}

void mm_partial_facts(mm_partial_out *p, const mm_item_facts *fx)
{
	mm_partial_rec r = { .type = MM_PREC_FACTS_SUM, .fs = fx->fsum };
	mm_partial_put_rec(&p->buf, &r);
	for (size_t a = 0; a < fx->len;) {
		const char *nl = memchr(fx->lines + a, '\n', fx->len - a);
		size_t e = nl ? (size_t)(nl - fx->lines) : fx->len;
		mm_buf_puts(&p->buf, "T\t");
		mm_buf_put(&p->buf, fx->lines + a, e - a);
		mm_buf_putc(&p->buf, '\n');
		a = e + 1;
	}
}

void mm_partial_filtered(mm_partial_out *p, unsigned fail)
{
	mm_partial_rec r = { .type = MM_PREC_FILTERED, .fail = fail };
	mm_partial_put_rec(&p->buf, &r);
}

void mm_partial_put_filters(mm_buf *b, const mm_filter *f)
{
	unsigned kinds = mm_filter_kinds(f);
	if (!kinds) return;
	mm_buf t = {0};
	for (int k = 0; k < MM_FILT_N; ++k)
		if (kinds >> k & 1) mm_buf_printf(&t, "\t%s=%s", mm_filter_option[k], mm_filter_key(f, (mm_filter_kind)k));
	mm_partial_rec r = { .type = MM_PREC_FILTERS, .text = t.s };
	mm_partial_put_rec(b, &r);
	mm_buf_free(&t);
}

void mm_partial_put_inputs(mm_buf *b, char *const *paths, int n)
{
	mm_partial_rec r = { .type = MM_PREC_INPUT };
	for (int i = 0; i < n; ++i) {
		r.text = paths[i];
		mm_partial_put_rec(b, &r);
	}
}

void mm_partial_delete(mm_partial_out *p, uint64_t pmid)
{
	mm_partial_rec r = { .type = MM_PREC_DELETE, .pmid = pmid };
	mm_partial_put_rec(&p->buf, &r);
}

int mm_partial_close(mm_partial_out *p, mm_buf *err)
{
	mm_partial_rec r = { .type = MM_PREC_TRAILER };
	mm_partial_put_rec(&p->buf, &r);
	int rc = mm_out_buf(p->f, &p->buf);
	mm_buf_free(&p->buf);
	if (mm_out_close(p->f, err) < 0 || rc < 0) return -1;
	p->f = NULL;
	return 0;
}

/* ---- reading (myomine merge) -------------------------------------------------------- */

/* The next line into in->line: 1 ok, 2 a last line without its newline (a
 * truncated file), 0 end of file, -1 read error. */
static int next_line(mm_partial_in *in)
{
	in->line.l = 0;
	for (;;) {
		if (in->pos < in->len) {
			char *nl = memchr(in->buf + in->pos, '\n', in->len - in->pos);
			size_t e = nl ? (size_t)(nl - in->buf) : in->len;
			mm_buf_put(&in->line, in->buf + in->pos, e - in->pos);
			in->pos = e + (nl != NULL);
			if (nl) { in->lineno++; return 1; }
		}
		if (in->eof) { if (in->line.l) { in->lineno++; return 2; } return 0; }
		ssize_t n = mm_reader_read(in->rd, in->buf, in->cap);
		if (n < 0) return -1;
		if (n == 0) in->eof = 1;
		in->len = (size_t)n;
		in->pos = 0;
	}
}

static int in_bad(mm_partial_in *in, mm_buf *err, const char *what)
{
	mm_buf_path(err, in->dir, MM_PARTIAL_NAME);
	mm_buf_printf(err, ": line %llu: %s", (unsigned long long)in->lineno, what);
	return -1;
}

/* Read the next line into in->line: 1, or -1 with a message. */
static int read_line(mm_partial_in *in, mm_buf *err)
{
	int rc = next_line(in);
	if (rc < 0) {
		mm_buf_path(err, in->dir, MM_PARTIAL_NAME);
		mm_buf_printf(err, ": %s", mm_reader_error(in->rd));
		return -1;
	}
	if (rc == 0) return in_bad(in, err, "partial result ends without #end (truncated?)");
	if (rc == 2) return in_bad(in, err, "partial result ends inside a line (truncated?)");
	return 1;
}

/* Parse in->line into in->rec: 1, 0 at #end, -1 with a message.  A U
 * line defines its MeSH concept; an A line may name only those defined. */
static int parse_line(mm_partial_in *in, mm_buf *err)
{
	const char *why;
	mm_partial_rec *r = &in->rec;
	if (mm_partial_parse_rec(in->line.s, in->line.l, in->n_concept + (int)in->n_mesh, r, &why) < 0) return in_bad(in, err, why);
	if (r->type == MM_PREC_MESH) {
		if (!in->mesh) return in_bad(in, err, "U line in a partial result made without --with-mesh");
		if (r->mesh.idx >= in->n_mesh) {
			in->mesh_def = mm_realloc(in->mesh_def, r->mesh.idx + 1);
			memset(in->mesh_def + in->n_mesh, 0, r->mesh.idx + 1 - in->n_mesh);
			in->n_mesh = r->mesh.idx + 1;
		}
		in->mesh_def[r->mesh.idx] = 1;
	}
	if (r->type == MM_PREC_ARTICLE)
		for (uint32_t k = 0; k < r->art.n_hit; ++k) {
			const mm_hit *h = &r->art.hit[k];
			int doc = h->sent == MM_HIT_DOC || h->sec == MM_HIT_DOC;
			if (h->concept >= (uint32_t)in->n_concept && !in->mesh_def[h->concept - (uint32_t)in->n_concept])
				return in_bad(in, err, "A line names a MeSH concept before its U line");
			if (doc != (h->concept >= (uint32_t)in->n_concept) || (doc && (h->sent != h->sec || h->n != 1 || h->neg)))
				return in_bad(in, err, "A line with a malformed MeSH hit (a MeSH concept is in sentence and section 4294967295 with count 1)");
		}
	return r->type == MM_PREC_TRAILER ? 0 : 1;
}

int mm_partial_in_next(mm_partial_in *in, mm_buf *err)
{
	if (read_line(in, err) < 0) return -1;
	return parse_line(in, err);
}

int mm_partial_in_open(mm_partial_in *in, const char *dir, uint64_t fingerprint, int n_concept, mm_buf *err)
{
	char e[256];
	memset(in, 0, sizeof *in);
	in->dir = dir;
	in->n_concept = n_concept;
	in->cap = 1 << 20;
	in->buf = mm_malloc(in->cap);
	mm_buf p = {0};
	mm_buf_path(&p, dir, MM_PARTIAL_NAME);
	in->rd = mm_reader_open(p.s, e, sizeof e);
	if (!in->rd) mm_buf_printf(err, "%s: %s (was the run made with --partial?)", p.s, e);
	mm_buf_free(&p);
	if (!in->rd) return -1;
	uint64_t got = 0;
	int nc = -1;
	if (next_line(in) != 1 || in->line.l != sizeof MAGIC - 1 || memcmp(in->line.s, MAGIC, in->line.l)) return in_bad(in, err, "not a myomine partial result (version 1)"), -1;
	if (next_line(in) != 1 || mm_partial_parse_lexicon(in->line.s, in->line.l, &got, &nc) < 0)
		return in_bad(in, err, "no #lexicon line"), -1;
	if (got != fingerprint || nc != n_concept) {
		mm_buf_printf(err, "%s: made with another lexicon (fingerprint %016llx, %d concepts; this one: %016llx, %d); merge with the same -l",
		              dir, (unsigned long long)got, nc, (unsigned long long)fingerprint, n_concept);
		return -1;
	}
	if (read_line(in, err) < 0) return -1;
	if (in->line.l == 6 && memcmp(in->line.s, "#facts", 6) == 0) {
		in->facts = 1;
		if (read_line(in, err) < 0) return -1;
	}
	if (in->line.l > 6 && memcmp(in->line.s, "#mesh ", 6) == 0) {
		for (int k = 1; k < MM_MESH_N; ++k)
			if (in->line.l == 6 + strlen(mm_mesh_mode_name[k]) && memcmp(in->line.s + 6, mm_mesh_mode_name[k], in->line.l - 6) == 0)
				in->mesh = k;
		if (!in->mesh) return in_bad(in, err, "unknown #mesh mode"), -1;
		if (read_line(in, err) < 0) return -1;
	}
	int rc = parse_line(in, err);
	if (rc == 1 && in->rec.type == MM_PREC_FILTERS) {
		mm_buf_puts(&in->filters, in->rec.text);
		rc = mm_partial_in_next(in, err);
	}
	for (; rc == 1 && in->rec.type == MM_PREC_INPUT; rc = mm_partial_in_next(in, err)) {
		in->inputs = mm_realloc(in->inputs, (size_t)(in->n_inputs + 1) * sizeof *in->inputs);
		in->inputs[in->n_inputs++] = mm_strdup(in->rec.text);
	}
	if (rc < 0) return -1;
	in->ended = rc == 0;
	return 0;
}

void mm_partial_in_close(mm_partial_in *in)
{
	mm_reader_close(in->rd);
	free(in->buf);
	mm_buf_free(&in->line);
	mm_buf_free(&in->filters);
	free(in->mesh_def);
	free(in->mesh_map);
	for (int i = 0; i < in->n_inputs; ++i) free(in->inputs[i]);
	free(in->inputs);
	in->inputs = NULL;
	in->n_inputs = 0;
	in->mesh_def = NULL;
	in->mesh_map = NULL;
	mm_partial_rec_free(&in->rec);
	in->rd = NULL;
	in->buf = NULL;
}
