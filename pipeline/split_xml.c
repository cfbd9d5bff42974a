/* split_xml.c -- PubMed XML records (see split.h and splitpriv.h).
 *
 * Under the root <PubmedArticleSet> or <MedlineCitationSet>, the
 * children <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> and
 * <DeleteCitation> are records (other children are skipped whole).  Under
 * any other root (a re-serialised export, <RAW_DATA>) the same elements are
 * records at any depth: the other elements are stepped into; a file with
 * such a root and no record is an error.  A root that is itself a record
 * is read as one.  A record ends at its matching end tag (these elements
 * never nest in the DTD), outside comments and CDATA sections; if another
 * record of the same name starts first, the unfinished one is reported and
 * skipped. */
#include "splitpriv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
int split_xml_probe(mm_splitter *s, char *err, size_t err_len)
{
	static const char *const tag[] = { "<PubmedArticle", "<PubmedBookArticle", "<MedlineCitation", "<DeleteCitation" };
	size_t from = s->pos;
	for (;;) {
		for (int k = 0; k < 4; ++k)
			if (mm_find(s->buf + from, s->len - from, tag[k], strlen(tag[k]))) return 1;
		if (s->eof || s->len >= PROBE_MAX) break;
		from = s->len > s->pos + 20 ? s->len - 20 : s->pos; /* a tag across two reads */
		if (split_more(s) < 0) return 1;
	}
	if (s->len >= PROBE_MAX || s->read_err) return 1;
	char root[64];
	xml_root_name(s->buf, s->pos, s->len, root, sizeof root);
	snprintf(err, err_len, "not PubMed XML: no <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> or <DeleteCitation> element%s%s%s",
	         *root ? " under the root <" : "", root, *root ? ">" : "");
	return 0;
}

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
		int m = split_more(s);
		if (m <= 0) {
			s->skipping = 0;
			mm_buf_printf(msg, "byte %llu: <%s> record larger than %zu MB cut off by the end of the file", (unsigned long long)s->skip_off,
			              s->skip_name, s->max_rec >> 20);
			if (m < 0) mm_buf_printf(msg, " (%s)", mm_reader_error(s->rd));
			return MM_SPLIT_FATAL;
		}
	}
}

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

/* xml_next()'s helpers return an mm_split_status to hand out, or XML_AGAIN
 * to go on scanning from s->pos (more input may have been read). */
#define XML_AGAIN 2

/* More input for a construct at s->pos that is not complete in the buffer:
 * XML_AGAIN, or MM_SPLIT_FATAL when the input ends first ("what" says what
 * was left open). */
static int need_more(mm_splitter *s, const char *what, mm_buf *msg)
{
	int m = split_more(s);
	if (m < 0) return split_fatal_read(s, msg);
	if (m == 0) {
		mm_buf_printf(msg, "byte %llu: %s", (unsigned long long)(s->base + s->pos), what);
		return MM_SPLIT_FATAL;
	}
	return XML_AGAIN;
}

/* The input ended between records: a clean end only when the root was
 * closed (or need not be: a chunk, a root that is itself a record) and,
 * under another root, some record was seen. */
static mm_split_status xml_end(mm_splitter *s, mm_buf *msg)
{
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

/* Markup at s->pos that holds no element -- a processing instruction,
 * comment, CDATA section or DOCTYPE (its internal subset included, never
 * expanded) -- is skipped whole: XML_AGAIN.  0 when s->pos starts an
 * element tag; MM_SPLIT_FATAL when the markup never ends. */
static int xml_skip_markup(mm_splitter *s, mm_buf *msg)
{
	size_t i = s->pos, avail = s->len - i;
	const char *p = s->buf + i, *close_pat = NULL;
	if (avail >= 2 && p[1] == '?') close_pat = "?>";
	else if (avail >= 4 && memcmp(p, "<!--", 4) == 0) close_pat = "-->";
	else if (avail >= 9 && memcmp(p, "<![CDATA[", 9) == 0) close_pat = "]]>";
	if (close_pat) {
		size_t e = find(s, i + 2, close_pat);
		if (e == (size_t)-1) return need_more(s, "unterminated markup", msg);
		s->pos = e + strlen(close_pat);
		return XML_AGAIN;
	}
	if (avail >= 2 && p[1] == '!') {
		size_t e = doctype_end(s->buf, i, s->len);
		if (!e) return need_more(s, "unterminated <!DOCTYPE", msg);
		s->pos = e;
		return XML_AGAIN;
	}
	return 0;
}

/* A PubmedArticle at buf[i] cut off by the end of the input (m: what
 * split_more() returned).  One whose MedlineCitation is complete has
 * everything myomine reads (only PubmedData is missing): it is handed out
 * as MM_REC_ARTICLE_CUT and the error follows on the next call; otherwise
 * the error is fatal now. */
static mm_split_status xml_cut(mm_splitter *s, const char *name, mm_rec_kind kind, int m, mm_rawrec *rec, mm_buf *msg)
{
	size_t i = s->pos;
	mm_buf_printf(msg, "byte %llu: <%s> record cut off ", (unsigned long long)(s->base + i), name);
	if (m < 0) mm_buf_printf(msg, "(%s)", mm_reader_error(s->rd));
	else mm_buf_printf(msg, "by the end of the file");
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

/* The element <name ...> at buf[i], whose start tag ends at te, is a record
 * (is_rec) or, under our root, another child to skip whole: find its end
 * tag (outside comments and CDATA) and hand the record out. */
static int xml_record(mm_splitter *s, size_t i, size_t te, const char *name, mm_rec_kind kind, int is_rec,
                      mm_rawrec *rec, mm_buf *msg)
{
	size_t from = te + (s->hint > te - i + 80 ? s->hint - (te - i) - 80 : 0);
	size_t tl = strlen(name); /* the tag's name may exceed the 63 bytes kept in name */
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
		int m = split_more(s);
		if (m > 0) return XML_AGAIN;
		return xml_cut(s, name, kind, m, rec, msg);
	}
	s->hint = 0;
	size_t end = e + tl + 3; /* past </name> */
	if (!is_rec) { s->warnings++; s->pos = end; return XML_AGAIN; }
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

/* The element tag at s->pos: an end tag closes a stepped-into element or
 * the root; the first start tag is the root; later ones are records, or
 * other children (skipped whole under our root, stepped into under
 * another). */
static int xml_element(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
{
	size_t i = s->pos;
	int is_end = s->len - i >= 2 && s->buf[i + 1] == '/';
	size_t ns = i + 1 + (size_t)is_end, ne = ns;
	while (ne < s->len && name_char((unsigned char)s->buf[ne])) ++ne;
	if (ne == s->len && !s->eof) { int m = split_more(s); if (m < 0) return split_fatal_read(s, msg); return XML_AGAIN; }
	size_t te = tag_end(s, i);
	if (!te) return need_more(s, "unterminated tag", msg);
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
		return XML_AGAIN;
	}
	int is_rec;
	mm_rec_kind kind = record_kind(name, nl, &is_rec);
	if (s->depth == 0) {
		s->depth = 1;
		if (!strcmp(name, "PubmedArticleSet") || !strcmp(name, "MedlineCitationSet")) s->any = 0;
		else if (is_rec) { s->any = 2; return XML_AGAIN; } /* read it as a record */
		else s->any = 1;
		snprintf(s->root, sizeof s->root, "%s", name);
		if (self_close) s->depth = 2;
		s->pos = te;
		return XML_AGAIN;
	}
	if (s->depth == 2) { s->warnings++; s->pos = te; return XML_AGAIN; }
	if (is_rec) s->seen_rec = 1;
	else if (s->any) { /* step into it: records may lie deeper */
		if (!self_close) s->nest++;
		s->pos = te;
		return XML_AGAIN;
	}
	if (self_close) {
		s->pos = te;
		if (is_rec) {
			mm_buf_printf(msg, "byte %llu: empty <%s/> record", (unsigned long long)(s->base + i), name);
			return MM_SPLIT_BADREC;
		}
		s->warnings++;
		return XML_AGAIN;
	}
	return xml_record(s, i, te, name, kind, is_rec, rec, msg);
}

mm_split_status split_xml_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg)
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
			int m = split_more(s);
			if (m < 0) return split_fatal_read(s, msg);
			if (m == 0) return xml_end(s, msg);
			continue;
		}
		s->pos = (size_t)(lt - s->buf);
		if (s->len - s->pos < 16 && !s->eof) { if (split_more(s) < 0) return split_fatal_read(s, msg); continue; }
		int r = xml_skip_markup(s, msg);
		if (r == 0) r = xml_element(s, rec, msg);
		if (r != XML_AGAIN) return (mm_split_status)r;
	}
}

/* The end of the last end tag in buf[from, to) of a record of the root's
 * kinds ("</PubmedArticle>" etc.; a bare MedlineCitation is a record only
 * under <MedlineCitationSet>), or 0. */
size_t split_last_record_end(const mm_splitter *s, size_t from, size_t to)
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
