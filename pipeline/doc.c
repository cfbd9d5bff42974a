/* doc.c -- document text assembly shared by the record parsers. */
#include "doc.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void mm_doc_reset(mm_doc *d)
{
	d->pmid = 0;
	d->version = 1;
	d->year = 0;
	d->has_abstract = 0;
	d->text.l = 0;
	if (d->text.s) d->text.s[0] = 0;
	d->n_sec = 0;
	d->n_del = 0;
	d->bad_utf8 = d->bad_refs = 0;
	d->keep_ws = 0;
	d->err.l = 0;
	if (d->err.s) d->err.s[0] = 0;
	d->meta.n = 0;
	d->meta.str.l = 0;
}

void mm_doc_free(mm_doc *d)
{
	mm_buf_free(&d->text);
	mm_buf_free(&d->err);
	mm_buf_free(&d->f.title);
	mm_buf_free(&d->f.btitle);
	mm_buf_free(&d->f.vtitle);
	mm_buf_free(&d->f.abstract);
	mm_buf_free(&d->f.field);
	mm_buf_free(&d->f.attr);
	mm_buf_free(&d->f.decoded);
	for (int k = 0; k < d->m_sec; ++k) free(d->sec[k].label);
	free(d->sec);
	free(d->del_pmid);
	mm_buf_free(&d->meta.str);
	free(d->meta.t);
	memset(d, 0, sizeof *d);
}

void mm_doc_add_text(mm_doc *d, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	mm_buf *t = &d->text;
	mm_buf_grow(t, n + 4);
	uint32_t sec_start = d->n_sec ? d->sec[d->n_sec - 1].start : 0;
	for (size_t i = 0; i < n;) {
		/* a run of printable ASCII (spaces too once a space would be kept):
		 * copied as is */
		size_t j = i;
		unsigned lo = d->keep_ws || t->l > sec_start ? 0x20 : 0x21; /* lowest byte of the run */
#ifdef __SSE2__
		{ /* 16 bytes at a time: stop at a byte below lo (bytes >= 0x80 are
		   * negative as signed chars, so below it too) or at DEL */
			const __m128i lov = _mm_set1_epi8((char)lo), del = _mm_set1_epi8(0x7F);
			for (; j + 16 <= n; j += 16) {
				__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
				unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpgt_epi8(lov, v), _mm_cmpeq_epi8(v, del)));
				if (m) { j += (size_t)__builtin_ctz(m); goto run_end; }
			}
		}
#endif
		while (j < n && s[j] >= lo && s[j] < 0x7F) ++j;
#ifdef __SSE2__
	run_end:
#endif
		if (j > i) {
			if (t->l + (j - i) + 2 > t->m) mm_buf_grow(t, j - i + 1);
			memcpy(t->s + t->l, s + i, j - i);
			t->l += j - i;
			t->s[t->l] = 0;
			i = j;
			if (i == n) break;
		}
		unsigned c = s[i];
		if (c < 0x80) {
			if (c <= 0x20 || c == 0x7F) {
				/* white space and controls: a space each (offsets stay those of
				 * the source text); leading ones dropped unless keep_ws */
				if (d->keep_ws || t->l > sec_start) mm_buf_putc(t, ' ');
				if (c == 0) d->bad_utf8++;
			} else mm_buf_putc(t, (int)c);
			++i;
			continue;
		}
		int k = mm_utf8_len(s + i, n - i);
		if (k == 0) {
			mm_buf_put(t, "\xEF\xBF\xBD", 3);
			d->bad_utf8++;
			++i;
			continue;
		}
		/* U+0085 NEL and U+2028/2029 separators are line breaks: spaces */
		if ((k == 2 && c == 0xC2 && s[i + 1] == 0x85) ||
		    (k == 3 && c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))) {
			if (d->keep_ws || t->l > sec_start) mm_buf_putc(t, ' ');
		} else mm_buf_put(t, s + i, (size_t)k);
		i += (size_t)k;
	}
}

void mm_doc_add_title(mm_doc *d, const mm_buf *title, const mm_buf *btitle, const mm_buf *vtitle)
{
	const mm_buf *t = title && title->l ? title : btitle && btitle->l ? btitle : vtitle;
	mm_doc_begin_section(d, "title", 5);
	if (t) mm_doc_add_text(d, t->s ? t->s : "", t->l);
	mm_doc_end_section(d);
}

void mm_doc_add_abstract(mm_doc *d, const mm_buf *abs)
{
	if (abs->l) {
		mm_doc_begin_section(d, "abstract", 8);
		mm_doc_add_text(d, abs->s, abs->l);
		mm_doc_end_section(d);
	}
	d->has_abstract = d->n_sec > 1;
}

/* src[0..n) into dst (room for n + 1 bytes), NUL-terminated, as a field of
 * a TSV output: valid UTF-8 only (invalid bytes as '?'), controls as spaces;
 * one output byte per input byte. */
static void field_copy(char *dst, const char *src, size_t n)
{
	const unsigned char *u = (const unsigned char *)src;
	for (size_t i = 0; i < n;) {
		int k = mm_utf8_len(u + i, n - i);
		if (k == 0) { dst[i++] = '?'; continue; }
		if (k == 1 && (u[i] < 0x20 || u[i] == 0x7F)) dst[i] = ' ';
		else memcpy(dst + i, u + i, (size_t)k);
		i += (size_t)k;
	}
	dst[n] = 0;
}

void mm_doc_begin_section(mm_doc *d, const char *label, size_t label_len)
{
	if (d->n_sec == d->m_sec) {
		int om = d->m_sec;
		d->m_sec = d->m_sec ? d->m_sec * 2 : 8;
		d->sec = mm_realloc(d->sec, (size_t)d->m_sec * sizeof *d->sec);
		memset(d->sec + om, 0, (size_t)(d->m_sec - om) * sizeof *d->sec);
	}
	/* Sections after the title are separated from what precedes by a space. */
	if (d->n_sec > 0) {
		mm_buf_grow(&d->text, 1);
		if (d->text.l > 0) mm_buf_putc(&d->text, ' ');
	}
	mm_section *s = &d->sec[d->n_sec++];
	s->start = s->end = (uint32_t)d->text.l;
	/* the label goes into a TSV field */
	if (label_len + 1 > s->label_m) {
		s->label_m = label_len + 1 > 64 ? label_len + 1 : 64;
		s->label = mm_realloc(s->label, s->label_m);
	}
	field_copy(s->label, label, label_len);
}

void mm_doc_end_section(mm_doc *d)
{
	if (!d->n_sec) return;
	mm_section *s = &d->sec[d->n_sec - 1];
	while (!d->keep_ws && d->text.l > s->start && d->text.s[d->text.l - 1] == ' ') d->text.l--;
	if (d->text.s) d->text.s[d->text.l] = 0;
	s->end = (uint32_t)d->text.l;
	if (d->n_sec > 1 && s->end == s->start) {
		/* empty abstract part: drop it and the separator space */
		d->n_sec--;
		if (d->text.l > 0 && d->text.s[d->text.l - 1] == ' ') d->text.s[--d->text.l] = 0;
	}
}

/* s[0..n) trimmed of white space (ASCII) */
static const char *trim(const char *s, size_t *n)
{
	while (*n && isspace((unsigned char)*s)) ++s, --*n;
	while (*n && isspace((unsigned char)s[*n - 1])) --*n;
	return s;
}

/* s[0..n) into the terms' arena, as a TSV field (field_copy) */
static uint32_t put_str(mm_meta *m, const char *s, size_t n)
{
	uint32_t off = (uint32_t)m->str.l;
	mm_buf_grow(&m->str, n + 1);
	field_copy(m->str.s + off, s, n);
	m->str.l += n + 1;
	m->str.s[m->str.l] = 0;
	return off;
}

int mm_doc_add_term(mm_doc *d, mm_term_kind k, const char *ui, size_t ui_n, const char *name, size_t name_n, unsigned flags)
{
	mm_meta *m = &d->meta;
	if (m->n == m->m) {
		m->m = m->m ? m->m * 2 : 32;
		m->t = mm_realloc(m->t, (size_t)m->m * sizeof *m->t);
	}
	ui = trim(ui ? ui : "", &ui_n);
	name = trim(name ? name : "", &name_n);
	mm_term *t = &m->t[m->n];
	t->kind = (uint8_t)k;
	t->flags = (uint8_t)flags;
	t->ui_n = (uint32_t)ui_n;
	t->ui = put_str(m, ui, ui_n);
	t->name_n = (uint32_t)name_n;
	t->name = put_str(m, name, name_n);
	return m->n++;
}

void mm_doc_term_name(mm_doc *d, int i, const char *name, size_t name_n)
{
	name = trim(name ? name : "", &name_n);
	d->meta.t[i].name_n = (uint32_t)name_n;
	d->meta.t[i].name = put_str(&d->meta, name, name_n);
}

int mm_parse_pmid(const char *s, size_t n, uint64_t *out)
{
	while (n && isspace((unsigned char)*s)) ++s, --n;
	while (n && isspace((unsigned char)s[n - 1])) --n;
	if (n == 0) return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < n; ++i) {
		if (!isdigit((unsigned char)s[i])) return -1;
		unsigned x = (unsigned)(s[i] - '0');
		if (v > (MM_PMID_MAX - x) / 10) return -1;
		v = v * 10 + x;
	}
	if (v == 0) return -1;
	*out = v;
	return 0;
}

int mm_first_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 4 <= n; ++i) {
		if ((s[i] == '1' || s[i] == '2') && isdigit((unsigned char)s[i + 1]) &&
		    isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
		    (i == 0 || !isdigit((unsigned char)s[i - 1])) &&
		    (i + 4 == n || !isdigit((unsigned char)s[i + 4])))
			return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	}
	return 0;
}

size_t mm_line_chomp(const char *p, size_t n)
{
	while (n && (p[n - 1] == '\n' || p[n - 1] == '\r')) --n;
	return n;
}

void mm_buf_clear(mm_buf *b)
{
	b->l = 0;
	mm_buf_grow(b, 1);
	b->s[0] = 0;
}
