/* split.c -- see split.h: reading, format detection and the public calls.
 * The XML records are found in split_xml.c, the MEDLINE and PubTator records
 * in split_text.c; splitpriv.h holds the state they share. */
#include "splitpriv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *mm_format_name(mm_format f)
{
	switch (f) {
	case MM_FMT_PUBMED: return "pubmed";
	case MM_FMT_MEDLINE: return "medline";
	case MM_FMT_PUBTATOR: return "pubtator";
	default: return "auto";
	}
}

int split_more(mm_splitter *s)
{
	if (s->eof) return s->read_err ? -1 : 0; /* a read error stays an error */
	if (s->pos > s->keep) {
		memmove(s->buf + s->keep, s->buf + s->pos, s->len - s->pos);
		s->len -= s->pos - s->keep;
		s->base += s->pos - s->keep;
		s->pos = s->keep;
	}
	if (s->cap - s->len < CHUNK) {
		s->cap = s->cap ? s->cap * 2 : 4 * CHUNK;
		while (s->cap - s->len < CHUNK) s->cap *= 2;
		s->buf = mm_realloc(s->buf, s->cap + 1);
	}
	ssize_t n = mm_reader_read(s->rd, s->buf + s->len, CHUNK);
	if (n < 0) { s->eof = 1; s->read_err = 1; return -1; }
	if (n == 0) { s->eof = 1; return 0; }
	s->len += (size_t)n;
	s->buf[s->len] = 0;
	return 1;
}

mm_split_status split_fatal_read(mm_splitter *s, mm_buf *msg)
{
	mm_buf_printf(msg, "%s", mm_reader_error(s->rd));
	return MM_SPLIT_FATAL;
}

int split_pubtator_start(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)p[i])) ++i;
	return i > 0 && i < n && (p[i] == '|' || p[i] == '\t');
}

mm_splitter *mm_splitter_new(mm_reader *r, mm_format fmt, char *err, size_t err_len)
{
	mm_splitter *s = mm_calloc(1, sizeof *s);
	s->rd = r;
	s->line = 1;
	s->max_rec = (size_t)16 << 20;
	while (s->len < 4096 && !s->eof)
		if (split_more(s) < 0) break;
	if (s->read_err && s->len == 0) { /* nothing readable at all; otherwise the
	                                    * error is reported after the data */
		snprintf(err, err_len, "%s", mm_reader_error(r));
		mm_splitter_free(s);
		return NULL;
	}
	if (s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0) s->pos = 3; /* BOM */
	size_t i = s->pos;
	while (i < s->len && isspace((unsigned char)s->buf[i])) ++i;
	const char *p = s->buf + i;
	size_t n = s->len - i;
	mm_format got = MM_FMT_AUTO;
	if (n > 0 && p[0] == '<') {
		/* XML: PubMed when it holds a root or record element of ours */
		if (fmt == MM_FMT_AUTO && !split_xml_probe(s, err, err_len)) {
			mm_splitter_free(s);
			return NULL;
		}
		got = MM_FMT_PUBMED;
		i = s->pos;
		while (i < s->len && isspace((unsigned char)s->buf[i])) ++i;
		p = s->buf + i;
		n = s->len - i;
	}
	else if (n >= 5 && memcmp(p, "PMID-", 5) == 0) got = MM_FMT_MEDLINE;
	else if (split_pubtator_start(p, n)) got = MM_FMT_PUBTATOR;
	if (fmt == MM_FMT_AUTO) {
		if (got == MM_FMT_AUTO) {
			if (s->len == 0) snprintf(err, err_len, "empty file");
			else if (n == 0) snprintf(err, err_len, "no records (only white space)");
			else snprintf(err, err_len, "unrecognised format at byte %zu (not PubMed XML, MEDLINE or PubTator)", i);
			mm_splitter_free(s);
			return NULL;
		}
		fmt = got;
	}
	s->fmt = fmt;
	return s;
}

mm_format mm_splitter_format(const mm_splitter *s) { return s->fmt; }
void mm_splitter_set_max_record(mm_splitter *s, size_t bytes) { s->max_rec = bytes < 4096 ? 4096 : bytes; }

int mm_splitter_warnings(const mm_splitter *s) { return s->warnings; }

void mm_splitter_free(mm_splitter *s)
{
	if (!s) return;
	if (!s->chunk) free(s->buf);
	mm_buf_free(&s->pending);
	free(s);
}

mm_split_status mm_splitter_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	mm_split_status st = s->fmt == MM_FMT_PUBMED ? split_xml_next(s, rec, msg) : split_text_next(s, rec, msg);
	if (st == MM_SPLIT_RECORD) {
		rec->at = (size_t)(rec->p - s->buf);
		if (s->hold) s->keep = s->pos; /* the record ends at or before pos */
	}
	return st;
}

void mm_splitter_hold(mm_splitter *s) { s->hold = 1; }

void mm_splitter_take(mm_splitter *s, char **buf, size_t *cap)
{
	char *spare = *buf;
	size_t scap = *cap, rest = s->len - s->pos;
	if (!spare) { /* just the unread bytes; the next read grows it (or is lent a window) */
		scap = rest + 64;
		spare = mm_malloc(scap + 1);
	} else if (scap < rest + CHUNK) {
		free(spare);
		scap = 4 * CHUNK;
		while (scap < rest + CHUNK) scap *= 2;
		spare = mm_malloc(scap + 1);
	}
	memcpy(spare, s->buf + s->pos, rest);
	spare[rest] = 0;
	*buf = s->buf;
	*cap = s->cap;
	s->buf = spare;
	s->cap = scap;
	s->base += s->pos;
	s->len = rest;
	s->pos = 0;
	s->keep = 0;
}

/* ---- chunks (PubMed XML) ------------------------------------------------- */

const char *mm_splitter_root(const mm_splitter *s) { return s->root; }

mm_splitter *mm_splitter_mem(const char *p, size_t n, uint64_t base, const char *root, size_t max_rec)
{
	mm_splitter *s = mm_calloc(1, sizeof *s);
	s->chunk = 1;
	s->buf = (char *)p; /* only read */
	s->len = s->cap = n;
	s->base = base;
	s->eof = 1;
	s->fmt = MM_FMT_PUBMED;
	s->depth = 1;
	s->line = 1;
	s->max_rec = max_rec;
	snprintf(s->root, sizeof s->root, "%s", root);
	return s;
}

mm_split_status mm_splitter_next_chunk(mm_splitter *s, size_t want, mm_rawrec *rec, mm_buf *msg)
{
	if (s->fmt != MM_FMT_PUBMED || s->depth != 1 || s->any || s->skipping || s->pending.l || s->hint || s->chunk)
		return mm_splitter_next(s, rec, msg);
	while (s->len - s->pos < want && !s->eof)
		if (split_more(s) < 0) break;
	size_t cut = split_last_record_end(s, s->pos, s->len);
	/* An end tag in a comment or CDATA section is no record end: cut before
	 * the first "<!" instead, where every end tag is one.  One memchr()
	 * over the chunk: PubMed files hold no '!' but a few in text. */
	for (size_t j = s->pos + 1; cut && j < cut;) {
		const char *x = memchr(s->buf + j, '!', cut - j);
		if (!x) break;
		j = (size_t)(x - s->buf);
		if (s->buf[j - 1] == '<') cut = split_last_record_end(s, s->pos, j - 1);
		j++;
	}
	if (!cut) return mm_splitter_next(s, rec, msg); /* a record longer than want, or the end */
	rec->p = s->buf + s->pos;
	rec->n = cut - s->pos;
	rec->at = s->pos;
	rec->offset = s->base + s->pos;
	rec->line = 0;
	rec->kind = MM_REC_CHUNK;
	s->pos = cut;
	if (s->hold) s->keep = s->pos;
	return MM_SPLIT_RECORD;
}
