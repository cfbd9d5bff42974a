/* textfmt.c -- MEDLINE text and PubTator record parsers (see doc.h).
 *
 * MEDLINE: "TAG - value" lines (tag padded to 4 characters), continuation
 * lines indented by 6 spaces.  Read: PMID, TI (title; BTI for books, VTI
 * when there is no title), AB, DP (first 4-digit year).
 * PubTator: "PMID|t|title", "PMID|a|abstract"; annotation and relation
 * lines are ignored. */
#include "doc.h"

#include <ctype.h>
#include <string.h>

static size_t chomp(const char *p, size_t n)
{
	while (n && (p[n - 1] == '\n' || p[n - 1] == '\r')) --n;
	return n;
}

static void assemble(mm_doc *d, const mm_buf *title, const mm_buf *abs)
{
	mm_doc_begin_section(d, "title", 5);
	mm_doc_add_text(d, title->s ? title->s : "", title->l);
	mm_doc_end_section(d);
	if (abs->l) {
		mm_doc_begin_section(d, "abstract", 8);
		mm_doc_add_text(d, abs->s, abs->l);
		mm_doc_end_section(d);
	}
	d->has_abstract = d->n_sec > 1;
}

int mm_medline_parse(const char *p, size_t n, mm_doc *d)
{
	mm_doc_reset(d);
	mm_buf *ti = &d->scratch[0], *bti = &d->scratch[1], *vti = &d->scratch[2], *ab = &d->scratch[3];
	for (int k = 0; k < 4; ++k) { d->scratch[k].l = 0; mm_buf_grow(&d->scratch[k], 1); d->scratch[k].s[0] = 0; }
	mm_buf *cur = NULL;
	int got_pmid = 0, lineno = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		const char *l = p + i;
		size_t ll = chomp(l, e - i);
		++lineno;
		i = e;
		if (ll >= 6 && memcmp(l, "      ", 6) == 0) { /* continuation */
			if (cur) { mm_buf_putc(cur, ' '); mm_buf_put(cur, l + 6, ll - 6); }
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
				mm_buf_printf(&d->err, "line +%d: PMID \"%.*s\" is not a positive integer", lineno - 1, (int)(vl > 40 ? 40 : vl), v);
				return -1;
			}
			got_pmid = 1;
		} else if (tl == 2 && memcmp(l, "TI", 2) == 0) cur = ti;
		else if (tl == 3 && memcmp(l, "BTI", 3) == 0) cur = bti;
		else if (tl == 3 && memcmp(l, "VTI", 3) == 0) cur = vti;
		else if (tl == 2 && memcmp(l, "AB", 2) == 0) cur = ab;
		else if (tl == 2 && memcmp(l, "DP", 2) == 0) d->year = mm_first_year(v, vl);
		if (cur) {
			if (cur->l) mm_buf_putc(cur, ' ');
			mm_buf_put(cur, v, vl);
		}
	}
	if (!got_pmid) { mm_buf_printf(&d->err, "record has no PMID line"); return -1; }
	assemble(d, ti->l ? ti : bti->l ? bti : vti, ab);
	return 0;
}

int mm_pubtator_parse(const char *p, size_t n, mm_doc *d)
{
	mm_doc_reset(d);
	d->keep_ws = 1;
	mm_buf *ti = &d->scratch[0], *ab = &d->scratch[3];
	ti->l = ab->l = 0;
	mm_buf_grow(ti, 1); mm_buf_grow(ab, 1);
	ti->s[0] = ab->s[0] = 0;
	int got_pmid = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		const char *l = p + i;
		size_t ll = chomp(l, e - i);
		i = e;
		size_t k = 0;
		while (k < ll && isdigit((unsigned char)l[k])) ++k;
		if (k + 3 <= ll && l[k] == '|' && (l[k + 1] == 't' || l[k + 1] == 'a') && l[k + 2] == '|') {
			if (!got_pmid) {
				if (mm_parse_pmid(l, k, &d->pmid) < 0) { mm_buf_printf(&d->err, "PMID \"%.*s\" is not a positive integer", (int)(k > 40 ? 40 : k), l); return -1; }
				got_pmid = 1;
			}
			mm_buf *b = l[k + 1] == 't' ? ti : ab;
			if (b->l) mm_buf_putc(b, ' ');
			mm_buf_put(b, l + k + 3, ll - k - 3);
		}
	}
	if (!got_pmid) { mm_buf_printf(&d->err, "record has no PMID|t| or PMID|a| line"); return -1; }
	assemble(d, ti, ab);
	return 0;
}
