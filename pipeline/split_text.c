/* split_text.c -- MEDLINE and PubTator records (see split.h).
 *
 * Records start at "PMID- " (MEDLINE) or "<digits>|" / "<digits><TAB>"
 * (PubTator) and end at a blank line, the next record start or, for
 * PubTator, a line with another PMID. */
#include "splitpriv.h"

#include <ctype.h>
#include <string.h>

/* Index just past the end of the line starting at i ('\n' included), or 0
 * when the line is not complete in the buffer and more input exists. */
static size_t line_end(const mm_splitter *s, size_t i)
{
	const char *nl = memchr(s->buf + i, '\n', s->len - i);
	if (nl) return (size_t)(nl - s->buf) + 1;
	return s->eof ? s->len : 0;
}

static int blank_line(const char *p, size_t n)
{
	for (size_t i = 0; i < n; ++i) if (!isspace((unsigned char)p[i])) return 0;
	return 1;
}

static int rec_start(const mm_splitter *s, const char *p, size_t n)
{
	if (s->fmt == MM_FMT_MEDLINE) return n >= 5 && memcmp(p, "PMID-", 5) == 0;
	return split_pubtator_start(p, n);
}

/* Discard an oversized text-format record up to the blank line that ends
 * it, counting lines, without holding it in memory. */
static mm_split_status skip_text_record(mm_splitter *s, mm_buf *msg)
{
	for (;;) {
		for (size_t i = s->pos; i < s->len; ++i) {
			if (s->buf[i] != '\n') continue;
			s->line++;
			size_t j = i + 1;
			if (j < s->len && s->buf[j] == '\r') ++j;
			if (j < s->len && s->buf[j] == '\n') { /* a blank line: the record ended */
				s->pos = i + 1;
				s->skipping_text = 0;
				mm_buf_printf(msg, "line %llu: record larger than %zu MB; skipped", (unsigned long long)s->skip_off,
				              s->max_rec >> 20);
				return MM_SPLIT_BADREC;
			}
			if (j >= s->len) { s->pos = i; s->line--; goto refill; } /* decide after more data */
		}
		s->pos = s->len;
	refill:;
		int m = split_more(s);
		if (m <= 0) {
			s->skipping_text = 0;
			s->pos = s->len;
			mm_buf_printf(msg, "line %llu: record larger than %zu MB; skipped%s", (unsigned long long)s->skip_off,
			              s->max_rec >> 20, m < 0 ? " (read error)" : "");
			if (m < 0) mm_buf_printf(msg, ": %s", mm_reader_error(s->rd));
			return m < 0 ? MM_SPLIT_FATAL : MM_SPLIT_BADREC;
		}
	}
}

mm_split_status split_text_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	if (s->skipping_text) return skip_text_record(s, msg);
	for (;;) {
		/* skip blank lines */
		size_t i = s->pos, e;
		if (i >= s->len) {
			int m = split_more(s);
			if (m < 0) return split_fatal_read(s, msg);
			if (m == 0) return MM_SPLIT_END;
			continue;
		}
		if (!(e = line_end(s, i))) {
			if (s->len - i > s->max_rec) { s->skipping_text = 1; s->skip_off = s->line; return skip_text_record(s, msg); }
			int m = split_more(s);
			if (m < 0) return split_fatal_read(s, msg);
			continue;
		}
		if (blank_line(s->buf + i, e - i)) { s->pos = e; s->line++; continue; }
		if (!rec_start(s, s->buf + i, e - i)) {
			/* Text outside a record: report the run of such lines once. */
			uint64_t l0 = s->line;
			size_t j = i;
			int complete = 1;
			for (;;) {
				size_t f = line_end(s, j);
				if (!f) { complete = 0; break; }
				if (f == j || rec_start(s, s->buf + j, f - j) || blank_line(s->buf + j, f - j)) break;
				j = f;
				s->line++;
			}
			if (!complete && j == i) { int m = split_more(s); if (m < 0) return split_fatal_read(s, msg); continue; }
			s->pos = j;
			mm_buf_printf(msg, "line %llu: text outside a record (no %s line); skipped",
			              (unsigned long long)l0, s->fmt == MM_FMT_MEDLINE ? "PMID-" : "PMID|t|");
			return MM_SPLIT_BADREC;
		}
		/* record: take lines until a blank line or the next record start */
		uint64_t pmid_len = 0;
		if (s->fmt == MM_FMT_PUBTATOR) while (isdigit((unsigned char)s->buf[i + pmid_len])) ++pmid_len;
		size_t j = e;
		uint64_t nlines = 1;
		int need_more = 0;
		for (;;) {
			if (j >= s->len) { if (s->eof) break; need_more = 1; break; }
			size_t f = line_end(s, j);
			if (!f) { need_more = 1; break; }
			const char *q = s->buf + j;
			if (blank_line(q, f - j)) break;
			if (rec_start(s, q, f - j)) {
				if (s->fmt == MM_FMT_MEDLINE) break;
				if (memcmp(q, s->buf + i, pmid_len) != 0 || isdigit((unsigned char)q[pmid_len])) break;
			}
			j = f;
			nlines++;
		}
		if (need_more) {
			if (s->len - i > s->max_rec) {
				s->skipping_text = 1;
				s->skip_off = s->line;
				s->line += nlines - 1;
				s->pos = j;
				return skip_text_record(s, msg);
			}
			int m = split_more(s);
			if (m < 0) return split_fatal_read(s, msg);
			continue; /* rescan this record with more data */
		}
		rec->p = s->buf + i;
		rec->n = j - i;
		rec->offset = s->base + i;
		rec->line = s->line;
		rec->kind = s->fmt == MM_FMT_MEDLINE ? MM_REC_MEDLINE : MM_REC_PUBTATOR;
		s->line += nlines;
		s->pos = j;
		return MM_SPLIT_RECORD;
	}
}
