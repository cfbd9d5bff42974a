/* split.c -- see split.h.
 *
 * XML: under the root <PubmedArticleSet> or <MedlineCitationSet>, the
 * children <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> and
 * <DeleteCitation> are records (other children are skipped whole).  Under
 * any other root (a re-serialised export, <RAW_DATA>) the same elements are
 * records at any depth: the other elements are stepped into; a file with
 * such a root and no record is an error.  A root that is itself a record
 * is read as one.  A record ends at its matching end tag (these elements
 * never nest in the DTD), outside comments and CDATA sections; if another
 * record of the same name starts first, the unfinished one is reported and
 * skipped.
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
	int any;           /* XML: 1 under another root, 2 the root is a record */
	int nest;          /* XML, any: elements open inside the root */
	int seen_rec;      /* XML: a record start tag was seen */
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

/* The end of a <!DOCTYPE ...> starting at b[i] (just past its '>'), its
 * internal subset, quoted strings, comments and processing instructions
 * included; 0 when it does not end in b[0, n). */
static size_t doctype_end(const char *b, size_t i, size_t n)
{
	int br = 0;
	char q = 0;
	for (size_t j = i + 2; j < n; ++j) {
		char c = b[j];
		if (q) { if (c == q) q = 0; continue; }
		if (c == '"' || c == '\'') q = c;
		else if (c == '[') br++;
		else if (c == ']') br--;
		else if (c == '>' && br <= 0) return j + 1;
		else if (c == '<' && br > 0 && j + 1 < n && (b[j + 1] == '!' || b[j + 1] == '?')) {
			int com = j + 3 < n && b[j + 2] == '-' && b[j + 3] == '-';
			if (!com && b[j + 1] == '!') continue; /* a declaration: its quotes count */
			const char *e = mm_find(b + j + 2, n - j - 2, com ? "-->" : "?>", com ? 3 : 2);
			if (!e) return 0;
			j = (size_t)(e - b) + (com ? 2 : 1);
		}
	}
	return 0;
}

/* The name of the first element in b[i, n) past comments, processing
 * instructions and a DOCTYPE, into out; "" when there is none. */
static void xml_root_name(const char *b, size_t i, size_t n, char *out, size_t cap)
{
	*out = 0;
	while (i < n) {
		const char *lt = memchr(b + i, '<', n - i);
		if (!lt) return;
		i = (size_t)(lt - b);
		const char *e = NULL;
		if (i + 1 < n && b[i + 1] == '?') e = mm_find(b + i + 2, n - i - 2, "?>", 2);
		else if (i + 3 < n && memcmp(b + i, "<!--", 4) == 0) e = mm_find(b + i + 4, n - i - 4, "-->", 3);
		else if (i + 1 < n && b[i + 1] == '!') {
			size_t d = doctype_end(b, i, n);
			if (!d) return;
			i = d;
			continue;
		} else {
			size_t j = i + 1;
			while (j < n && j - i <= cap - 1 && (isalnum((unsigned char)b[j]) || strchr("_:-.", b[j]))) ++j;
			snprintf(out, cap, "%.*s", (int)(j - i - 1), b + i + 1);
			return;
		}
		if (!e) return;
		i = (size_t)(e - b) + (b[i + 1] == '?' ? 2 : 3);
	}
}

#define PROBE_MAX ((size_t)16 << 20)

/* XML found by mm_splitter_new(): is it PubMed?  Reads until the start tag
 * of a root or record of ours is seen (past a prolog of any size), up to
 * PROBE_MAX bytes.  Returns 1 when one is seen, when PROBE_MAX bytes hold
 * none (the splitter decides at the end of the file) or on a read error
 * (reported after the data); 0, with the reason in err, when the whole
 * file holds none. */
static int xml_probe(mm_splitter *s, char *err, size_t err_len)
{
	static const char *const tag[] = { "<PubmedArticle", "<PubmedBookArticle", "<MedlineCitation", "<DeleteCitation" };
	size_t from = s->pos;
	for (;;) {
		for (int k = 0; k < 4; ++k)
			if (mm_find(s->buf + from, s->len - from, tag[k], strlen(tag[k]))) return 1;
		if (s->eof || s->len >= PROBE_MAX) break;
		from = s->len > s->pos + 20 ? s->len - 20 : s->pos; /* a tag across two reads */
		if (more(s) < 0) return 1;
	}
	if (s->len >= PROBE_MAX || s->read_err) return 1;
	char root[64];
	xml_root_name(s->buf, s->pos, s->len, root, sizeof root);
	snprintf(err, err_len, "not PubMed XML: no <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> or <DeleteCitation> element%s%s%s",
	         *root ? " under the root <" : "", root, *root ? ">" : "");
	return 0;
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
		/* XML: PubMed when it holds a root or record element of ours */
		if (fmt == MM_FMT_AUTO && !xml_probe(s, err, err_len)) {
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

/* rec_tag()'s tag at e, found from a record's start tag ending at te, may
 * lie in a comment or CDATA section of the record.  Only when the record's
 * bytes [te, e) hold a '!' (rare in text; every "<!--" and "<![CDATA[" has
 * one) are they stepped over, and the search goes on past any that holds
 * the tag.  Returns the tag outside them (setting *closes), or (size_t)-1
 * when none is complete in the buffer; *open is then set when a comment or
 * CDATA section is still open at the end of the buffer. */
static size_t rec_tag_outside(const mm_splitter *s, size_t te, size_t e, const char *name, size_t nl, int *closes, int *open)
{
	size_t m = te; /* bytes before m are outside comments and CDATA */
	*open = 0;
	while (e != (size_t)-1 && m < e) {
		const char *x = memchr(s->buf + m, '!', e - m);
		if (!x) break;
		size_t j = (size_t)(x - s->buf); /* '<' at j - 1 >= te - 1: the start tag's '>' */
		m = j + 1;
		const char *close;
		size_t co, cl;
		if (s->buf[j - 1] != '<') continue;
		if (j + 2 < s->len && s->buf[j + 1] == '-' && s->buf[j + 2] == '-') close = "-->", co = j + 3, cl = 3;
		else if (j + 7 < s->len && memcmp(s->buf + j + 1, "[CDATA[", 7) == 0) close = "]]>", co = j + 8, cl = 3;
		else continue;
		const char *c = mm_find(s->buf + co, s->len - co, close, cl);
		if (!c) { *open = 1; return (size_t)-1; }
		m = (size_t)(c - s->buf) + cl;
		if (m > e) e = rec_tag(s, m - 1, name, nl, closes); /* the tag was inside: search on after it */
	}
	return e;
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
				if (s->depth == 1 && !s->chunk && s->any != 2) {
					mm_buf_printf(msg, "byte %llu: file ends before </%s> (truncated XML)",
					              (unsigned long long)(s->base + s->len), s->root);
					return MM_SPLIT_FATAL;
				}
				if (s->any && !s->seen_rec) {
					mm_buf_printf(msg, "not PubMed XML: no <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> or "
					              "<DeleteCitation> element under the root <%s>", s->root);
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
			size_t e = doctype_end(s->buf, i, s->len);
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
			if (s->nest > 0) s->nest--;
			else if (s->depth == 1 && s->any != 2 && strcmp(name, s->root) == 0) s->depth = 2;
			else s->warnings++;
			continue;
		}
		int is_rec;
		mm_rec_kind kind = record_kind(name, nl, &is_rec);
		if (s->depth == 0) {
			s->depth = 1;
			if (!strcmp(name, "PubmedArticleSet") || !strcmp(name, "MedlineCitationSet")) s->any = 0;
			else if (is_rec) { s->any = 2; continue; } /* read it as a record */
			else s->any = 1;
			snprintf(s->root, sizeof s->root, "%s", name);
			if (self_close) s->depth = 2;
			s->pos = te;
			continue;
		}
		if (s->depth == 2) { s->warnings++; s->pos = te; continue; }
		if (is_rec) s->seen_rec = 1;
		else if (s->any) { /* step into it: records may lie deeper */
			if (!self_close) s->nest++;
			s->pos = te;
			continue;
		}
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
		int closes = 0, open = 0;
		size_t e = rec_tag(s, from, name, tl, &closes);
		if (e != (size_t)-1) e = rec_tag_outside(s, te, e, name, tl, &closes, &open);
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
			              "(a record end tag in a processing instruction?); record skipped",
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
			s->hint = open ? 0 : s->len - i; /* an open comment is searched again from te */
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
	if (s->fmt != MM_FMT_PUBMED || s->depth != 1 || s->any || s->skipping || s->pending.l || s->hint || s->chunk)
		return mm_splitter_next(s, rec, msg);
	while (s->len - s->pos < want && !s->eof)
		if (more(s) < 0) break;
	size_t cut = last_record_end(s, s->pos, s->len);
	/* An end tag in a comment or CDATA section is no record end: cut before
	 * the first "<!" instead, where every end tag is one.  One memchr()
	 * over the chunk: PubMed files hold no '!' but a few in text. */
	for (size_t j = s->pos + 1; cut && j < cut;) {
		const char *x = memchr(s->buf + j, '!', cut - j);
		if (!x) break;
		j = (size_t)(x - s->buf);
		if (s->buf[j - 1] == '<') cut = last_record_end(s, s->pos, j - 1);
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
