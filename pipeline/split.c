/* split.c -- see split.h.
 *
 * XML: the root must be <PubmedArticleSet> or <MedlineCitationSet>; its
 * children <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> and
 * <DeleteCitation> are records.  A record ends at its matching end tag
 * (these elements never nest in the DTD); if another record of the same
 * name starts first, the unfinished one is reported and skipped.
 * Text formats: records start at "PMID- " (MEDLINE) or "<digits>|" /
 * "<digits><TAB>" (PubTator) and end at a blank line, the next record start
 * or, for PubTator, a line with another PMID. */
#include "split.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (1u << 20)

struct mm_splitter {
	mm_reader *rd;
	mm_format fmt;
	char *buf;
	size_t len, cap, pos;
	uint64_t base;     /* file offset of buf[0] (of buf[i] is base + i, i >= keep) */
	int hold;          /* records stay in buf until mm_splitter_take() */
	size_t keep;       /* buf[0, keep): records handed out and held */
	uint64_t line;     /* line number at buf[pos] */
	int eof, read_err;
	int depth;         /* XML: 0 before root, 1 inside, 2 after */
	char root[64];
	size_t hint;       /* bytes of the current record already searched */
	mm_buf pending;    /* a fatal error to report after a salvaged record */
	size_t max_rec;    /* larger records are skipped without being buffered */
	int skipping;      /* discarding an oversized XML record */
	int skipping_text; /* discarding an oversized text-format record */
	uint64_t skip_off; /* its offset */
	char skip_name[64];
	int warnings;
	int chunk;         /* mm_splitter_mem(): buf is borrowed; its end is a clean end */
};

const char *mm_format_name(mm_format f)
{
	switch (f) {
	case MM_FMT_PUBMED: return "pubmed";
	case MM_FMT_MEDLINE: return "medline";
	case MM_FMT_PUBTATOR: return "pubtator";
	default: return "auto";
	}
}

/* Read more data, first dropping what lies between the held records and
 * s->pos. Returns 1 when bytes were added, 0 at end of input, -1 on a read
 * error. */
static int more(mm_splitter *s)
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

static int is_pubtator_start(const char *p, size_t n)
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
		if (more(s) < 0) break;
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
		/* XML: PubMed only if its root is one of ours (looked for in the
		 * first 64 KB, past any DOCTYPE) */
		while (s->len < 65536 && !s->eof)
			if (more(s) < 0) break;
		size_t lim = s->len < 65536 ? s->len : 65536;
		if (memmem(s->buf, lim, "<PubmedArticleSet", 17) || memmem(s->buf, lim, "<MedlineCitationSet", 19))
			got = MM_FMT_PUBMED;
		else if (fmt == MM_FMT_AUTO) {
			snprintf(err, err_len, "unrecognised format: XML, but no <PubmedArticleSet> or <MedlineCitationSet> root");
			mm_splitter_free(s);
			return NULL;
		}
		i = s->pos;
		while (i < s->len && isspace((unsigned char)s->buf[i])) ++i;
		p = s->buf + i;
		n = s->len - i;
	}
	else if (n >= 5 && memcmp(p, "PMID-", 5) == 0) got = MM_FMT_MEDLINE;
	else if (is_pubtator_start(p, n)) got = MM_FMT_PUBTATOR;
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

/* Discard an oversized record up to its end tag, keeping only enough bytes
 * to see a tag that straddles two reads. */
static mm_split_status skip_record(mm_splitter *s, mm_buf *msg)
{
	char endpat[72];
	snprintf(endpat, sizeof endpat, "</%s>", s->skip_name);
	size_t el = strlen(endpat);
	for (;;) {
		const char *e = s->pos < s->len ? mm_find(s->buf + s->pos, s->len - s->pos, endpat, el) : NULL;
		if (e) {
			s->pos = (size_t)(e - s->buf) + el;
			s->skipping = 0;
			mm_buf_printf(msg, "byte %llu: <%s> record larger than %zu MB (ends at byte %llu); skipped",
			              (unsigned long long)s->skip_off, s->skip_name, s->max_rec >> 20, (unsigned long long)(s->base + s->pos));
			return MM_SPLIT_BADREC;
		}
		if (s->len - s->pos > el) s->pos = s->len - el;
		int m = more(s);
		if (m <= 0) {
			s->skipping = 0;
			mm_buf_printf(msg, "byte %llu: <%s> record larger than %zu MB cut off by the end of the file", (unsigned long long)s->skip_off,
			              s->skip_name, s->max_rec >> 20);
			if (m < 0) mm_buf_printf(msg, " (%s)", mm_reader_error(s->rd));
			return MM_SPLIT_FATAL;
		}
	}
}
int mm_splitter_warnings(const mm_splitter *s) { return s->warnings; }

void mm_splitter_free(mm_splitter *s)
{
	if (!s) return;
	if (!s->chunk) free(s->buf);
	mm_buf_free(&s->pending);
	free(s);
}

static mm_split_status fatal_read(mm_splitter *s, mm_buf *msg)
{
	mm_buf_printf(msg, "%s", mm_reader_error(s->rd));
	return MM_SPLIT_FATAL;
}

/* ---- XML ---------------------------------------------------------------- */

static int name_char(int c) { return isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.'; }

static mm_rec_kind record_kind(const char *name, size_t n, int *ok)
{
	*ok = 1;
	if (n == 13 && memcmp(name, "PubmedArticle", 13) == 0) return MM_REC_ARTICLE;
	if (n == 17 && memcmp(name, "PubmedBookArticle", 17) == 0) return MM_REC_BOOK;
	if (n == 15 && memcmp(name, "MedlineCitation", 15) == 0) return MM_REC_ARTICLE;
	if (n == 14 && memcmp(name, "DeleteCitation", 14) == 0) return MM_REC_DELETE;
	*ok = 0;
	return MM_REC_ARTICLE;
}

/* Find the end of a tag starting at buf[i] == '<' (skipping quoted attribute
 * values). Returns the index just after '>', or 0 if not in the buffer. */
static size_t tag_end(const mm_splitter *s, size_t i)
{
	char q = 0;
	for (size_t j = i + 1; j < s->len; ++j) {
		char c = s->buf[j];
		if (q) { if (c == q) q = 0; }
		else if (c == '"' || c == '\'') q = c;
		else if (c == '>') return j + 1;
	}
	return 0;
}

static size_t find(const mm_splitter *s, size_t from, const char *pat)
{
	size_t pl = strlen(pat);
	if (from >= s->len) return (size_t)-1;
	const char *p = mm_find(s->buf + from, s->len - from, pat, pl);
	return p ? (size_t)(p - s->buf) : (size_t)-1;
}

/* The first tag at or after buf[from] that ends a record named `name` (nl
 * bytes): its end tag </name>, or a start tag <name followed by '>', white
 * space or '/' (the next record, so ours is unterminated; <PubmedArticleSet
 * and the like are not one).  Returns the index of its '<' and sets *closes
 * (1: the end tag), or (size_t)-1 when neither is complete in the buffer.
 * One search for the bare name finds both tags, so a record's bytes are read
 * once, not twice: for a single large file the splitting thread is the
 * wall time. */
static size_t rec_tag(const mm_splitter *s, size_t from, const char *name, size_t nl, int *closes)
{
	for (size_t k = from + 1; k < s->len;) {
		const char *q = mm_find(s->buf + k, s->len - k, name, nl);
		if (!q) break;
		size_t at = (size_t)(q - s->buf), after = at + nl;
		if (after >= s->len) break; /* its next byte is not read yet */
		char c = s->buf[after], b1 = s->buf[at - 1];
		if (b1 == '<' && (c == '>' || c == '/' || isspace((unsigned char)c))) { *closes = 0; return at - 1; }
		if (b1 == '/' && c == '>' && at >= from + 2 && s->buf[at - 2] == '<') { *closes = 1; return at - 2; }
		k = at + 1;
	}
	return (size_t)-1;
}

static mm_split_status xml_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	if (s->pending.l) {
		mm_buf_put(msg, s->pending.s, s->pending.l);
		s->pending.l = 0;
		return MM_SPLIT_FATAL;
	}
	if (s->skipping) return skip_record(s, msg);
	for (;;) {
		size_t i = s->pos;
		const char *lt = i < s->len ? memchr(s->buf + i, '<', s->len - i) : NULL;
		if (!lt) {
			/* Only text up to here: it lies between records. */
			s->pos = s->len;
			int m = more(s);
			if (m < 0) return fatal_read(s, msg);
			if (m == 0) {
				if (s->depth == 0) { mm_buf_printf(msg, "no XML root element"); return MM_SPLIT_FATAL; }
				if (s->depth == 1 && !s->chunk) {
					mm_buf_printf(msg, "byte %llu: file ends before </%s> (truncated XML)",
					              (unsigned long long)(s->base + s->len), s->root);
					return MM_SPLIT_FATAL;
				}
				return MM_SPLIT_END;
			}
			continue;
		}
		i = (size_t)(lt - s->buf);
		s->pos = i;
		if (s->len - i < 16 && !s->eof) { int m = more(s); if (m < 0) return fatal_read(s, msg); continue; }
		const char *p = s->buf + i;
		size_t avail = s->len - i;
		const char *close_pat = NULL;
		if (avail >= 2 && p[1] == '?') close_pat = "?>";
		else if (avail >= 4 && memcmp(p, "<!--", 4) == 0) close_pat = "-->";
		else if (avail >= 9 && memcmp(p, "<![CDATA[", 9) == 0) close_pat = "]]>";
		if (close_pat) {
			size_t e = find(s, i + 2, close_pat);
			if (e == (size_t)-1) {
				int m = more(s);
				if (m < 0) return fatal_read(s, msg);
				if (m == 0) { mm_buf_printf(msg, "byte %llu: unterminated markup", (unsigned long long)(s->base + i)); return MM_SPLIT_FATAL; }
				continue;
			}
			s->pos = e + strlen(close_pat);
			continue;
		}
		if (avail >= 2 && p[1] == '!') { /* DOCTYPE: skip, internal subset included, never expanded */
			size_t j = i + 2, e = 0;
			int br = 0;
			for (; j < s->len; ++j) {
				char c = s->buf[j];
				if (c == '[') br++;
				else if (c == ']') br--;
				else if (c == '>' && br <= 0) { e = j + 1; break; }
			}
			if (!e) {
				int m = more(s);
				if (m < 0) return fatal_read(s, msg);
				if (m == 0) { mm_buf_printf(msg, "byte %llu: unterminated <!DOCTYPE", (unsigned long long)(s->base + i)); return MM_SPLIT_FATAL; }
				continue;
			}
			s->pos = e;
			continue;
		}
		int is_end = avail >= 2 && p[1] == '/';
		size_t ns = i + 1 + (size_t)is_end, ne = ns;
		while (ne < s->len && name_char((unsigned char)s->buf[ne])) ++ne;
		if (ne == s->len && !s->eof) { int m = more(s); if (m < 0) return fatal_read(s, msg); continue; }
		size_t te = tag_end(s, i);
		if (!te) {
			int m = more(s);
			if (m < 0) return fatal_read(s, msg);
			if (m == 0) { mm_buf_printf(msg, "byte %llu: unterminated tag", (unsigned long long)(s->base + i)); return MM_SPLIT_FATAL; }
			continue;
		}
		size_t nl = ne - ns;
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(nl < 63 ? nl : 63), s->buf + ns);
		int self_close = s->buf[te - 2] == '/';
		if (nl == 0) {
			mm_buf_printf(msg, "byte %llu: malformed tag", (unsigned long long)(s->base + i));
			s->pos = te;
			s->warnings++;
			return MM_SPLIT_BADREC;
		}
		if (is_end) {
			s->pos = te;
			if (s->depth == 1 && strcmp(name, s->root) == 0) s->depth = 2;
			else s->warnings++;
			continue;
		}
		if (s->depth == 0) {
			if (strcmp(name, "PubmedArticleSet") && strcmp(name, "MedlineCitationSet")) {
				mm_buf_printf(msg, "byte %llu: not PubMed XML (root element <%s>)", (unsigned long long)(s->base + i), name);
				return MM_SPLIT_FATAL;
			}
			snprintf(s->root, sizeof s->root, "%s", name);
			s->depth = self_close ? 2 : 1;
			s->pos = te;
			continue;
		}
		if (s->depth == 2) { s->warnings++; s->pos = te; continue; }
		int is_rec;
		mm_rec_kind kind = record_kind(name, nl, &is_rec);
		if (self_close) {
			s->pos = te;
			if (is_rec) {
				mm_buf_printf(msg, "byte %llu: empty <%s/> record", (unsigned long long)(s->base + i), name);
				return MM_SPLIT_BADREC;
			}
			s->warnings++;
			continue;
		}
		size_t from = te + (s->hint > te - i + 80 ? s->hint - (te - i) - 80 : 0);
		size_t tl = strlen(name); /* nl may exceed the 63 bytes kept in name */
		int closes = 0;
		size_t e = rec_tag(s, from, name, tl, &closes);
		/* Another record of the same name before our end tag means ours is
		 * unterminated (a cut or corrupt record): report and resume there. */
		if (e != (size_t)-1 && !closes) {
			mm_buf_printf(msg, "byte %llu: <%s> record has no end tag before the next <%s> at byte %llu; record skipped",
			              (unsigned long long)(s->base + i), name, name, (unsigned long long)(s->base + e));
			s->pos = e;
			s->hint = 0;
			return MM_SPLIT_BADREC;
		}
		if (e == (size_t)-1 && s->chunk) { /* see mm_splitter_next_chunk() */
			mm_buf_printf(msg, "byte %llu: <%s> record has no end tag before byte %llu, where its batch was cut "
			              "(a record end tag in a comment between records?); record skipped",
			              (unsigned long long)(s->base + i), name, (unsigned long long)(s->base + s->len));
			s->pos = s->len;
			return MM_SPLIT_BADREC;
		}
		if (e == (size_t)-1 && s->len - i > s->max_rec) {
			s->skipping = 1;
			s->skip_off = s->base + i;
			snprintf(s->skip_name, sizeof s->skip_name, "%s", name);
			s->pos = te;
			s->hint = 0;
			return skip_record(s, msg);
		}
		if (e == (size_t)-1) {
			s->hint = s->len - i;
			int m = more(s);
			if (m > 0) continue;
			i = s->pos;
			mm_buf_printf(msg, "byte %llu: <%s> record cut off ", (unsigned long long)(s->base + i), name);
			if (m < 0) mm_buf_printf(msg, "(%s)", mm_reader_error(s->rd));
			else mm_buf_printf(msg, "by the end of the file");
			/* A PubmedArticle whose MedlineCitation is complete has everything
			 * myomine reads (only PubmedData is missing): keep it. */
			size_t mc = kind == MM_REC_ARTICLE && strcmp(name, "PubmedArticle") == 0 ? find(s, i, "</MedlineCitation>") : (size_t)-1;
			if (mc == (size_t)-1) return MM_SPLIT_FATAL;
			mm_buf_puts(msg, "; its complete <MedlineCitation> was kept");
			s->pending.l = 0;
			mm_buf_put(&s->pending, msg->s, msg->l);
			msg->l = 0;
			rec->p = s->buf + i;
			rec->n = mc + 18 - i;
			rec->offset = s->base + i;
			rec->line = 0;
			rec->kind = MM_REC_ARTICLE_CUT;
			s->pos = s->len;
			s->hint = 0;
			return MM_SPLIT_RECORD;
		}
		s->hint = 0;
		size_t end = e + tl + 3; /* past </name> */
		if (!is_rec) { s->warnings++; s->pos = end; continue; }
		if (s->chunk && end - i > s->max_rec) { /* as skip_record() reports it */
			s->pos = end;
			mm_buf_printf(msg, "byte %llu: <%s> record larger than %zu MB (ends at byte %llu); skipped",
			              (unsigned long long)(s->base + i), name, s->max_rec >> 20, (unsigned long long)(s->base + end));
			return MM_SPLIT_BADREC;
		}
		rec->p = s->buf + i;
		rec->n = end - i;
		rec->offset = s->base + i;
		rec->line = 0;
		rec->kind = kind;
		s->pos = end;
		return MM_SPLIT_RECORD;
	}
}

/* ---- line formats ------------------------------------------------------- */

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
	return is_pubtator_start(p, n);
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
		int m = more(s);
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

static mm_split_status text_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	if (s->skipping_text) return skip_text_record(s, msg);
	for (;;) {
		/* skip blank lines */
		size_t i = s->pos, e;
		if (i >= s->len) {
			int m = more(s);
			if (m < 0) return fatal_read(s, msg);
			if (m == 0) return MM_SPLIT_END;
			continue;
		}
		if (!(e = line_end(s, i))) {
			if (s->len - i > s->max_rec) { s->skipping_text = 1; s->skip_off = s->line; return skip_text_record(s, msg); }
			int m = more(s);
			if (m < 0) return fatal_read(s, msg);
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
			if (!complete && j == i) { int m = more(s); if (m < 0) return fatal_read(s, msg); continue; }
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
			int m = more(s);
			if (m < 0) return fatal_read(s, msg);
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

mm_split_status mm_splitter_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	mm_split_status st = s->fmt == MM_FMT_PUBMED ? xml_next(s, rec, msg) : text_next(s, rec, msg);
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

/* The end of the last end tag in buf[from, to) of a record of the root's
 * kinds ("</PubmedArticle>" etc.; a bare MedlineCitation is a record only
 * under <MedlineCitationSet>), or 0. */
static size_t last_record_end(const mm_splitter *s, size_t from, size_t to)
{
	static const struct { const char *t; size_t n; } art[] = {
		{ "</PubmedArticle>", 16 }, { "</PubmedBookArticle>", 20 }, { "</DeleteCitation>", 17 }
	}, mcs[] = { { "</MedlineCitation>", 18 }, { "</DeleteCitation>", 17 } };
	int is_mcs = strcmp(s->root, "MedlineCitationSet") == 0;
	size_t nt = is_mcs ? 2 : 3;
	const char *b = s->buf;
	while (to > from) {
		const char *lt = memrchr(b + from, '<', to - from);
		if (!lt) return 0;
		size_t i = (size_t)(lt - b);
		if (i + 1 < s->len && b[i + 1] == '/')
			for (size_t k = 0; k < nt; ++k) {
				const char *t = is_mcs ? mcs[k].t : art[k].t;
				size_t tn = is_mcs ? mcs[k].n : art[k].n;
				if (i + tn <= s->len && memcmp(b + i, t, tn) == 0) return i + tn;
			}
		to = i;
	}
	return 0;
}

mm_split_status mm_splitter_next_chunk(mm_splitter *s, size_t want, mm_rawrec *rec, mm_buf *msg)
{
	if (s->fmt != MM_FMT_PUBMED || s->depth != 1 || s->skipping || s->pending.l || s->hint || s->chunk)
		return mm_splitter_next(s, rec, msg);
	while (s->len - s->pos < want && !s->eof)
		if (more(s) < 0) break;
	size_t cut = last_record_end(s, s->pos, s->len);
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
