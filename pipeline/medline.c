/* medline.c -- the MEDLINE text record parser (see doc.h).
 *
 * "TAG - value" lines (tag padded to 4 characters), continuation lines
 * indented by 6 spaces.  Read: PMID, TI (title; BTI for books, VTI when
 * there is no title), AB, DP (first 4-digit year); with want_meta also MH,
 * NM, PT, LA, JID, TA, OT and PMC (the terms of doc.h). */
#include "doc.h"

#include <string.h>

/* The term kind of a field tag l[0..tl) read with want_meta, or -1. */
static int meta_tag(const char *l, size_t tl)
{
	static const struct { const char *tag; int kind; } tab[] = {
		{ "MH", MM_TERM_MESH }, { "NM", MM_TERM_SUPPL }, { "PT", MM_TERM_PUBTYPE }, { "LA", MM_TERM_LANG },
		{ "JID", MM_TERM_JOURNAL_ID }, { "TA", MM_TERM_JOURNAL_TA }, { "OT", MM_TERM_KEYWORD }, { "PMC", MM_TERM_PMC },
	};
	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; ++k)
		if (strlen(tab[k].tag) == tl && memcmp(l, tab[k].tag, tl) == 0) return tab[k].kind;
	return -1;
}

/* One MH value v[0..n): the descriptor, then each qualifier after a '/';
 * a '*' before the descriptor or before a qualifier marks a major topic. */
static void add_heading(mm_doc *d, const char *v, size_t n)
{
	const char *e = v + n, *sl = memchr(v, '/', n);
	const char *de = sl ? sl : e;
	int major = v < de && *v == '*';
	int h = mm_doc_add_term(d, MM_TERM_MESH, NULL, 0, v + major, (size_t)(de - v - major), major ? MM_TERM_MAJOR | MM_TERM_MAJR : 0);
	while (sl) {
		const char *q = sl + 1;
		sl = memchr(q, '/', (size_t)(e - q));
		const char *qe = sl ? sl : e;
		int qm = q < qe && *q == '*';
		mm_doc_add_term(d, MM_TERM_QUAL, NULL, 0, q + qm, (size_t)(qe - q - qm), qm ? MM_TERM_MAJOR : 0);
		if (qm) d->meta.t[h].flags |= MM_TERM_MAJR;
	}
}

/* The terms of the fields gathered in m: "kind<TAB>value" lines. */
static void add_terms(mm_doc *d, const mm_buf *m)
{
	for (size_t i = 0; i < m->l;) {
		const char *l = m->s + i, *nl = memchr(l, '\n', m->l - i);
		size_t n = nl ? (size_t)(nl - l) : m->l - i;
		i += n + 1;
		if (n < 2) continue;
		int kind = l[0] - 'a';
		if (kind == MM_TERM_MESH) add_heading(d, l + 2, n - 2);
		else if (kind == MM_TERM_JOURNAL_ID) mm_doc_add_term(d, MM_TERM_JOURNAL_ID, l + 2, n - 2, NULL, 0, 0);
		else mm_doc_add_term(d, (mm_term_kind)kind, NULL, 0, l + 2, n - 2, 0);
	}
}

/* Append the text of a field line or continuation line to field b, joined
 * to what b holds with exactly one space (docs/formats.md): the spaces at
 * the end of b and around v are not kept. */
static void append(mm_buf *b, const char *v, size_t n)
{
	while (n && v[0] == ' ') ++v, --n;
	while (n && v[n - 1] == ' ') --n;
	while (b->l && b->s[b->l - 1] == ' ') b->s[--b->l] = 0;
	if (!n) return;
	if (b->l) mm_buf_putc(b, ' ');
	mm_buf_put(b, v, n);
}

int mm_medline_parse(const char *p, size_t n, mm_doc *d)
{
	mm_doc_reset(d);
	mm_buf *ti = &d->f.title, *bti = &d->f.btitle, *vti = &d->f.vtitle, *ab = &d->f.abstract;
	mm_buf_clear(ti); mm_buf_clear(bti); mm_buf_clear(vti); mm_buf_clear(ab);
	mm_buf *meta = &d->f.field; /* want_meta: "kind<TAB>value" lines */
	meta->l = 0;
	int k;
	mm_buf *cur = NULL;
	int got_pmid = 0, lineno = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		const char *l = p + i;
		size_t ll = mm_line_chomp(l, e - i);
		++lineno;
		i = e;
		if (ll >= 6 && memcmp(l, "      ", 6) == 0) { /* continuation */
			if (cur) append(cur, l + 6, ll - 6);
			continue;
		}
		if (ll < 5 || l[4] != '-') { cur = NULL; continue; } /* not a field line */
		size_t tl = 4;
		while (tl && l[tl - 1] == ' ') --tl;
		const char *v = l + 5;
		size_t vl = ll - 5;
		if (vl && *v == ' ') ++v, --vl;
		cur = NULL;
		if (tl == 4 && memcmp(l, "PMID", 4) == 0) {
			if (mm_parse_pmid(v, vl, &d->pmid) < 0) {
				mm_buf_printf(&d->err, "line +%d: PMID \"%.*s\" is not " MM_PMID_RANGE, lineno - 1, (int)(vl > 40 ? 40 : vl), v);
				return -1;
			}
			got_pmid = 1;
		} else if (tl == 2 && memcmp(l, "TI", 2) == 0) cur = ti;
		else if (tl == 3 && memcmp(l, "BTI", 3) == 0) cur = bti;
		else if (tl == 3 && memcmp(l, "VTI", 3) == 0) cur = vti;
		else if (tl == 2 && memcmp(l, "AB", 2) == 0) cur = ab;
		else if (tl == 2 && memcmp(l, "DP", 2) == 0) d->year = mm_first_year(v, vl);
		else if (d->want_meta && (k = meta_tag(l, tl)) >= 0 && (d->want_meta & MM_META_BIT(k))) {
			if (meta->l) mm_buf_putc(meta, '\n');
			mm_buf_putc(meta, 'a' + k);
			mm_buf_putc(meta, '\t');
			cur = meta;
			mm_buf_put(cur, v, vl);
			continue;
		}
		if (cur) append(cur, v, vl);
	}
	if (!got_pmid) { mm_buf_printf(&d->err, "record has no PMID line"); return -1; }
	if (meta->l) add_terms(d, meta);
	mm_doc_add_title(d, ti, bti, vti);
	mm_doc_add_abstract(d, ab);
	return 0;
}
