/* check_doc.h -- the doc.h text model, checked after a successful parse
 * (shared by the parser fuzz targets; abort() on any violation). */
#ifndef FUZZ_CHECK_DOC_H
#define FUZZ_CHECK_DOC_H
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s, 0 if invalid (RFC 3629). */
static size_t fuzz_utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80) return 1;
	size_t k = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
	if (!k || k > n) return 0;
	for (size_t i = 1; i < k; ++i) if ((s[i] & 0xC0) != 0x80) return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) return 0;
	return k;
}

static void check_doc(const mm_doc *d, int keep_ws)
{
	const unsigned char *t = (const unsigned char *)d->text.s;
	size_t n = d->text.l;
	if (d->keep_ws != keep_ws) abort();
	if (t && t[n] != 0) abort();                              /* NUL-terminated */
	for (size_t i = 0; i < n;) {                              /* UTF-8, no controls */
		size_t k = fuzz_utf8_len(t + i, n - i);
		if (!k || t[i] < 0x20 || t[i] == 0x7F) abort();
		i += k;
	}
	if (d->n_sec < 1 || d->sec[0].start != 0 || d->sec[d->n_sec - 1].end != n) abort();
	if (d->has_abstract != (d->n_sec > 1)) abort();
	for (int k = 0; k < d->n_sec; ++k) {
		const mm_section *s = &d->sec[k];
		if (s->start > s->end || s->end > n || !s->label) abort();
		if (strpbrk(s->label, "\t\n\r")) abort();              /* a TSV field in mentions.tsv */
		for (size_t j = 0, m, ln = strlen(s->label); j < ln; j += m)
			if (!(m = fuzz_utf8_len((const unsigned char *)s->label + j, ln - j))) abort(); /* UTF-8 */
		if (k > 0) {                                          /* joined by one space */
			uint32_t pe = d->sec[k - 1].end;
			if (s->start != pe + (pe > 0) || (pe > 0 && t[pe] != ' ')) abort();
			if (s->start == s->end && !keep_ws) abort();      /* empty parts are dropped */
		}
		if (!keep_ws && s->end > s->start && (t[s->start] == ' ' || t[s->end - 1] == ' ')) abort(); /* trimmed */
	}
}
/* The indexing terms of a parse with want_meta: strings in the arena,
 * NUL-terminated, of their recorded lengths; qualifiers after a heading. */
static inline void check_meta(const mm_doc *d)
{
	for (int i = 0; i < d->meta.n; ++i) {
		const mm_term *t = &d->meta.t[i];
		if (t->kind > MM_TERM_PMC) abort();
		if ((size_t)t->ui + t->ui_n >= d->meta.str.l || (size_t)t->name + t->name_n >= d->meta.str.l) abort();
		if (strlen(mm_term_ui(d, t)) > t->ui_n || strlen(mm_term_name(d, t)) > t->name_n) abort();
		if (d->meta.str.s[t->ui + t->ui_n] || d->meta.str.s[t->name + t->name_n]) abort();
		if ((t->flags & MM_TERM_MAJR) && t->kind != MM_TERM_MESH) abort();
		for (int f = 0; f < 2; ++f) { /* TSV fields: valid UTF-8, no control characters */
			const unsigned char *u = (const unsigned char *)(f ? mm_term_name(d, t) : mm_term_ui(d, t));
			for (size_t j = 0, m, ln = f ? t->name_n : t->ui_n; j < ln; j += m)
				if (!(m = fuzz_utf8_len(u + j, ln - j)) || u[j] < 0x20 || u[j] == 0x7F) abort();
		}
	}
}

#ifdef MM_MESH_H
/* --with-mesh: a document's heading lines (mesh.h) in each mode: "key<TAB>name",
 * keys not empty, strictly increasing, without tab; major within descriptors within qualified */
static inline void check_mesh(const mm_doc *d)
{
	static const int mode[3] = { MM_MESH_DESCRIPTORS, MM_MESH_QUALIFIED, MM_MESH_MAJOR };
	mm_buf o[3] = { { 0 }, { 0 }, { 0 } };
	for (int q = 0; q < 3; ++q) {
		mm_mesh_doc(&o[q], d, mode[q]);
		const char *s = o[q].s ? o[q].s : "", *e = s + o[q].l, *pk = NULL;
		size_t pn = 0;
		while (s < e) {
			const char *nl = memchr(s, '\n', (size_t)(e - s)), *tab = memchr(s, '\t', (size_t)(e - s));
			if (!nl || !tab || tab > nl || tab == s || memchr(tab + 1, '\t', (size_t)(nl - tab - 1))) abort();
			size_t kn = (size_t)(tab - s);
			if (pk) { int c = memcmp(pk, s, pn < kn ? pn : kn); if (c > 0 || (c == 0 && pn >= kn)) abort(); }
			pk = s; pn = kn;
			s = nl + 1;
		}
	}
	if (o[0].l > o[1].l || o[2].l > o[0].l) abort();
	for (int q = 0; q < 3; ++q) mm_buf_free(&o[q]);
}
#define CHECK_MESH(d) check_mesh(d)
#else
#define CHECK_MESH(d) ((void)0)
#endif

/* Parse again with want_meta (parse(d) returns the parser's status): the
 * same status, text and sections as without, and valid terms. */
#define CHECK_WITH_META(d, rc, parse) do { \
	mm_buf text_ = {0}; int nsec_ = (d)->n_sec; \
	if ((rc) == 0) mm_buf_put(&text_, (d)->text.s ? (d)->text.s : "", (d)->text.l); \
	(d)->want_meta = MM_META_ALL; \
	int rc2_ = (parse); \
	(d)->want_meta = 0; \
	if (rc2_ != (rc)) abort(); \
	if (rc2_ == 0) { \
		if ((d)->text.l != text_.l || memcmp((d)->text.s ? (d)->text.s : "", text_.s ? text_.s : "", text_.l) || (d)->n_sec != nsec_) abort(); \
		check_meta(d); \
		CHECK_MESH(d); \
	} \
	mm_buf_free(&text_); \
} while (0)

#endif
