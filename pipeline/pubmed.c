/* pubmed.c -- parse one PubMed XML record (PubmedArticle, PubmedBookArticle,
 * bare MedlineCitation, DeleteCitation) into a mm_doc.
 *
 * A small pull parser over the record bytes: it tracks the element path,
 * captures the text of the fields we need, keeps the text inside inline
 * markup (<i>, <sup>, MathML...) and drops the tags without adding spaces
 * (CD<sub>8</sub> is CD8).  Character references are decoded; entities
 * declared in a DOCTYPE are never expanded.  OtherAbstract and
 * CopyrightInformation are not abstract text. */
#include "doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct { const char *name; unsigned cp; } entity;
static const entity entities[] = {
#include "entities.inc"
};

static int ent_cmp(const void *k, const void *e)
{
	return strcmp((const char *)k, ((const entity *)e)->name);
}

static void put_cp(mm_buf *b, unsigned cp)
{
	char u[4];
	int n;
	if (cp < 0x80) { u[0] = (char)cp; n = 1; }
	else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
	else if (cp < 0x10000) { u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | (cp >> 6 & 0x3F)); u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
	else { u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | (cp >> 12 & 0x3F)); u[2] = (char)(0x80 | (cp >> 6 & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
	mm_buf_put(b, u, (size_t)n);
}

/* Decode character data p[0..n) into out (appending). Returns the number of
 * unknown or malformed references (kept literally, or U+FFFD for a bad
 * numeric reference). */
static int decode(const char *p, size_t n, mm_buf *out)
{
	int bad = 0;
	size_t i = 0;
	while (i < n) {
		const char *amp = memchr(p + i, '&', n - i);
		size_t j = amp ? (size_t)(amp - p) : n;
		mm_buf_put(out, p + i, j - i);
		if (!amp) break;
		i = j;
		size_t k = i + 1;
		while (k < n && k - i <= 32 && p[k] != ';' && p[k] != '&' && !isspace((unsigned char)p[k]) && p[k] != '<') ++k;
		if (k >= n || p[k] != ';' || k == i + 1) { /* a stray '&' */
			mm_buf_putc(out, '&');
			bad++;
			i++;
			continue;
		}
		if (p[i + 1] == '#') {
			unsigned long cp = 0;
			int ok = 1, hex = (p[i + 2] == 'x' || p[i + 2] == 'X');
			size_t d = i + 2 + (size_t)hex;
			if (d == k) ok = 0;
			for (; d < k && ok; ++d) {
				int c = (unsigned char)p[d];
				int v = isdigit(c) ? c - '0' : (hex && isxdigit(c)) ? (tolower(c) - 'a' + 10) : -1;
				if (v < 0) ok = 0;
				else if ((cp = cp * (hex ? 16 : 10) + (unsigned long)v) > 0x10FFFF) ok = 0;
			}
			if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) { put_cp(out, 0xFFFD); bad++; }
			else put_cp(out, (unsigned)cp);
		} else {
			char name[40];
			memcpy(name, p + i + 1, k - i - 1);
			name[k - i - 1] = 0;
			const entity *e = bsearch(name, entities, sizeof entities / sizeof *entities, sizeof *entities, ent_cmp);
			if (e) put_cp(out, e->cp);
			else { mm_buf_put(out, p + i, k + 1 - i); bad++; }
		}
		i = k + 1;
	}
	return bad;
}

/* The values of the attributes names[0..k) of start tag t[0..n), decoded
 * into outs[] (each emptied first when found): a bit (1 << i) for each
 * found, the first of a name that occurs twice.  One pass over the tag,
 * however many are asked for; attributes are read in order, so a name
 * inside another attribute's value is never taken for an attribute. */
static unsigned attrs(const char *t, size_t n, const char *const *names, mm_buf *const *outs, int k)
{
	size_t i = 1;
	unsigned found = 0;
	while (i < n && !isspace((unsigned char)t[i]) && t[i] != '>' && t[i] != '/') ++i; /* the tag name */
	for (;;) {
		while (i < n && isspace((unsigned char)t[i])) ++i;
		if (i >= n || t[i] == '>' || t[i] == '/') return found;
		size_t a = i;
		while (i < n && t[i] != '=' && !isspace((unsigned char)t[i]) && t[i] != '>') ++i;
		size_t an = i - a;
		while (i < n && isspace((unsigned char)t[i])) ++i;
		if (i >= n || t[i] != '=') continue; /* an attribute without a value */
		++i;
		while (i < n && isspace((unsigned char)t[i])) ++i;
		if (i >= n || (t[i] != '"' && t[i] != '\'')) return found;
		char q = t[i++];
		const char *e = memchr(t + i, q, n - i);
		if (!e) return found;
		for (int x = 0; x < k; ++x)
			if (!(found >> x & 1) && strlen(names[x]) == an && memcmp(t + a, names[x], an) == 0) {
				outs[x]->l = 0;
				mm_buf_grow(outs[x], 1);
				decode(t + i, (size_t)(e - (t + i)), outs[x]);
				found |= 1u << x;
				break;
			}
		if (found == (1u << k) - 1) return found;
		i = (size_t)(e - t) + 1;
	}
}

/* Value of attribute `name` in the tag text t[0..n) (decoded into out), or
 * -1 when absent. */
static int attr(const char *t, size_t n, const char *name, mm_buf *out)
{
	const char *names[1] = { name };
	mm_buf *outs[1] = { out };
	return attrs(t, n, names, outs, 1) ? 0 : -1;
}

enum { F_NONE, F_PMID, F_TITLE, F_VTITLE, F_BTITLE, F_ABS, F_YEAR, F_MDATE, F_DEL, F_META };
/* F_META + k: the text of a term of kind k (mm_term_kind) */

#define MAXDEPTH 256

typedef struct { const char *s; int n; } sref;

static int is(sref r, const char *lit) { return (size_t)r.n == strlen(lit) && memcmp(r.s, lit, (size_t)r.n) == 0; }


/* Elements under a record whose content myomine never reads. */
/* bytes that end a tag name or need the careful tag scan: white space
 * (isspace in the C locale), '/', '>', quotes */
static const unsigned char tag_stop[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
	['/'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1,
};

static int skippable(sref name)
{
	/* tested on every tag: most are told apart by their length and their
	 * last four bytes before any name is compared */
#define N(s) { s, sizeof s - 1 }
	static const struct { const char *s; int n; } lists[] = {
		N("AuthorList"), N("MeshHeadingList"), N("GrantList"), N("ChemicalList"), N("KeywordList"),
		N("CommentsCorrectionsList"), N("InvestigatorList"), N("SupplMeshList"), N("GeneSymbolList"),
		N("PersonalNameSubjectList"), N("PublicationTypeList"), N("DataBankList"), N("ArticleIdList")
	}, others[] = { N("PubmedData"), N("MedlineJournalInfo"), N("History") };
#undef N
	enum { LENS = 1u << 7 | 1u << 9 | 1u << 10 | 1u << 11 | 1u << 12 | 1u << 13 | 1u << 14 | 1u << 15 | 1u << 16 |
	              1u << 18 | 1u << 19 | 1u << 23 };
	if (name.n < 7 || name.n > 23 || !((unsigned)LENS >> name.n & 1)) return 0;
	int list = memcmp(name.s + name.n - 4, "List", 4) == 0;
	size_t nk = list ? sizeof lists / sizeof lists[0] : sizeof others / sizeof others[0];
	for (size_t k = 0; k < nk; ++k) {
		const char *t = list ? lists[k].s : others[k].s;
		if (name.n == (list ? lists[k].n : others[k].n) && memcmp(name.s, t, (size_t)name.n) == 0) return 1;
	}
	return 0;
}

/* Comments, CDATA sections, processing instructions and declarations: the
 * markup at p[i] (which starts "<!" or "<?"). CDATA text goes where the
 * captured field's text goes. Returns the offset after it, or 0 (err). */
static size_t other_markup(const char *p, size_t n, size_t i, int cap, mm_buf *cap_buf, mm_doc *d)
{
	if (i + 4 <= n && memcmp(p + i, "<!--", 4) == 0) {
		const char *e = mm_find(p + i + 4, n - i - 4, "-->", 3);
		if (!e) { mm_buf_printf(&d->err, "byte %zu: unterminated comment", i); return 0; }
		return (size_t)(e - p) + 3;
	}
	if (i + 9 <= n && memcmp(p + i, "<![CDATA[", 9) == 0) {
		const char *e = mm_find(p + i + 9, n - i - 9, "]]>", 3);
		if (!e) { mm_buf_printf(&d->err, "byte %zu: unterminated CDATA section", i); return 0; }
		if (cap == F_ABS) mm_doc_add_text(d, p + i + 9, (size_t)(e - p) - i - 9);
		else if (cap != F_NONE) mm_buf_put(cap_buf, p + i + 9, (size_t)(e - p) - i - 9);
		return (size_t)(e - p) + 3;
	}
	const char *e = memchr(p + i, '>', n - i);
	if (!e) { mm_buf_printf(&d->err, "byte %zu: unterminated markup", i); return 0; }
	return (size_t)(e - p) + 1;
}

/* The tag at p[i]: its name starts at ns; *ne receives the name's end.
 * Returns the offset of its closing '>', or 0 (err). */
static inline size_t tag_extent(const char *p, size_t n, size_t i, size_t ns, size_t *ne_out, mm_doc *d)
{
	size_t ne = ns, te;
	/* the common case, a tag without attributes: the name runs to '>' */
	while (ne < n && !tag_stop[(unsigned char)p[ne]]) ++ne;
	if (ne < n && p[ne] == '>') te = ne;
	else {
		/* find tag end, honouring quotes */
		char q = 0;
		for (te = i + 1; te < n; ++te) {
			char c = p[te];
			if (q) { if (c == q) q = 0; }
			else if (c == '"' || c == '\'') q = c;
			else if (c == '>') break;
		}
		if (te >= n) { mm_buf_printf(&d->err, "byte %zu: unterminated tag", i); return 0; }
		ne = ns;
		while (ne < te && !isspace((unsigned char)p[ne]) && p[ne] != '/' && p[ne] != '>') ++ne;
	}
	*ne_out = ne;
	return te;
}

/* The parser's working buffers, named for the fields they gather. */
typedef struct { mm_buf *title, *vtitle, *btitle, *field, *label; } fields;

/* The end of a captured element of kind cap (at byte i): its field is
 * stored in d. 0, or -1 (err). */
static int capture_end(mm_doc *d, int cap, const fields *b, size_t i, int *got_pmid, int *got_year)
{
	switch (cap) {
	case F_PMID:
		if (mm_parse_pmid(b->field->s, b->field->l, &d->pmid) < 0) {
			mm_buf_printf(&d->err, "byte %zu: PMID \"%.*s\" is not " MM_PMID_RANGE, i, (int)(b->field->l > 40 ? 40 : b->field->l), b->field->s);
			return -1;
		}
		*got_pmid = 1;
		break;
	case F_DEL: {
		uint64_t v;
		if (mm_parse_pmid(b->field->s, b->field->l, &v) < 0) {
			mm_buf_printf(&d->err, "byte %zu: deleted PMID \"%.*s\" is not " MM_PMID_RANGE, i, (int)(b->field->l > 40 ? 40 : b->field->l), b->field->s);
			return -1;
		}
		if (d->n_del == d->m_del) {
			d->m_del = d->m_del ? d->m_del * 2 : 16;
			d->del_pmid = mm_realloc(d->del_pmid, (size_t)d->m_del * sizeof *d->del_pmid);
		}
		d->del_pmid[d->n_del++] = v;
		break;
	}
	case F_YEAR: case F_MDATE: {
		int y = mm_first_year(b->field->s, b->field->l);
		if (y) { d->year = y; *got_year = 1; }
		break;
	}
	case F_ABS:
		mm_doc_end_section(d);
		break;
	default:
		if (cap >= F_META) mm_doc_term_name(d, d->meta.n - 1, b->field->s, b->field->l);
		break;
	}
	return 0;
}

/* The subtree of the skippable element name, whose start tag ends at te,
 * skipped in one search for its end tag (none of them nests inside itself
 * in the DTD; their content is not checked for well-formedness). Returns
 * the offset after the end tag, or 0 (err). */
static inline __attribute__((always_inline)) size_t skip_subtree(const char *p, size_t n, size_t i, size_t te, sref name, mm_doc *d)
{
	char endtag[40]; /* skippable() names have at most 23 bytes */
	size_t el = (size_t)name.n + 3;
	endtag[0] = '<';
	endtag[1] = '/';
	memcpy(endtag + 2, name.s, (size_t)name.n);
	endtag[el - 1] = '>';
	const char *e = mm_find(p + te + 1, n - te - 1, endtag, el);
	if (!e) { mm_buf_printf(&d->err, "byte %zu: <%.*s> is not closed", i, name.n, name.s); return 0; }
	return (size_t)(e - p) + el;
}

/* The lists that are skipped unless a kind of term they hold is collected
 * (want: mm_doc.want_meta). */
static int meta_list(sref name, unsigned want)
{
	return (is(name, "MeshHeadingList") && (want & MM_META_MESH)) || (is(name, "KeywordList") && (want & MM_META_BIT(MM_TERM_KEYWORD))) ||
	       (is(name, "SupplMeshList") && (want & MM_META_BIT(MM_TERM_SUPPL))) ||
	       (is(name, "PublicationTypeList") && (want & MM_META_BIT(MM_TERM_PUBTYPE))) ||
	       (is(name, "MedlineJournalInfo") && (want & (MM_META_BIT(MM_TERM_JOURNAL_ID) | MM_META_BIT(MM_TERM_JOURNAL_TA))));
}

/* The term field (F_META + kind) that the start tag name under parent par
 * begins, or F_NONE. */
static __attribute__((noinline)) int meta_field(sref name, sref par, unsigned want)
{
#define T(n, p, k) { n, p, sizeof n - 1, sizeof p - 1, k }
	static const struct { const char *name, *par; int nn, pn, kind; } tab[] = {
		T("DescriptorName", "MeshHeading", MM_TERM_MESH), T("QualifierName", "MeshHeading", MM_TERM_QUAL),
		T("SupplMeshName", "SupplMeshList", MM_TERM_SUPPL), T("PublicationType", "PublicationTypeList", MM_TERM_PUBTYPE),
		T("PublicationType", "BookDocument", MM_TERM_PUBTYPE), T("Language", "Article", MM_TERM_LANG),
		T("Language", "BookDocument", MM_TERM_LANG), T("NlmUniqueID", "MedlineJournalInfo", MM_TERM_JOURNAL_ID),
		T("MedlineTA", "MedlineJournalInfo", MM_TERM_JOURNAL_TA), T("ISOAbbreviation", "Journal", MM_TERM_JOURNAL_ISO),
		T("Keyword", "KeywordList", MM_TERM_KEYWORD),
	};
#undef T
	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; ++k)
		if (name.n == tab[k].nn && par.n == tab[k].pn && (want & MM_META_BIT(tab[k].kind)) &&
		    memcmp(name.s, tab[k].name, (size_t)name.n) == 0 && memcmp(par.s, tab[k].par, (size_t)par.n) == 0)
			return F_META + tab[k].kind;
	return F_NONE;
}

/* A term field begins: the term, with its UI and major flag from the start
 * tag t[0..tn), is added now and named at its end. */
static __attribute__((noinline)) void meta_begin(int f, const char *t, size_t tn, const fields *b, mm_doc *d)
{
	int kind = f - F_META;
	/* b->field is free until capture_begin() */
	static const char *const names[2] = { "MajorTopicYN", "UI" };
	mm_buf *const outs[2] = { b->field, b->label };
	int want_ui = kind == MM_TERM_MESH || kind == MM_TERM_QUAL || kind == MM_TERM_SUPPL || kind == MM_TERM_PUBTYPE;
	unsigned got = attrs(t, tn, names, outs, 1 + want_ui);
	unsigned flags = (got & 1) && b->field->l == 1 && b->field->s[0] == 'Y' ? MM_TERM_MAJOR : 0;
	const char *ui = NULL;
	size_t ui_n = 0;
	if (got & 2) ui = b->label->s, ui_n = b->label->l;
	if (kind == MM_TERM_MESH && flags) flags |= MM_TERM_MAJR;
	if (kind == MM_TERM_QUAL && flags) /* the heading (the last descriptor) is a major topic */
		for (int i = d->meta.n - 1; i >= 0; --i)
			if (d->meta.t[i].kind == MM_TERM_MESH) { d->meta.t[i].flags |= MM_TERM_MAJR; break; }
	mm_doc_add_term(d, (mm_term_kind)kind, ui, ui_n, NULL, 0, flags);
}

/* <PubmedData>, whose start tag ends at te: the record's PMC id, from its
 * ArticleIdList (the first one: the others are its references'), and the
 * offset after </PubmedData>, or 0 (err). */
static __attribute__((noinline)) size_t pubmed_data(const char *p, size_t n, size_t i, size_t te, const fields *b, mm_doc *d)
{
	const char *e = mm_find(p + te + 1, n - te - 1, "</PubmedData>", 13);
	if (!e) { mm_buf_printf(&d->err, "byte %zu: <PubmedData> is not closed", i); return 0; }
	size_t end = (size_t)(e - p) + 13;
	const char *s = p + te + 1;
	const char *l = mm_find(s, (size_t)(e - s), "<ArticleIdList>", 15);
	const char *le = l ? mm_find(l, (size_t)(e - l), "</ArticleIdList>", 16) : NULL;
	for (const char *a = l; le && (a = mm_find(a, (size_t)(le - a), "<ArticleId ", 11)) != NULL; ++a) {
		const char *gt = memchr(a, '>', (size_t)(le - a)), *lt = gt ? memchr(gt, '<', (size_t)(le - gt)) : NULL;
		if (!lt) break;
		if (attr(a, (size_t)(gt - a) + 1, "IdType", b->label) == 0 && strcmp(b->label->s, "pmc") == 0) {
			mm_doc_add_term(d, MM_TERM_PMC, NULL, 0, gt + 1, (size_t)(lt - gt - 1), 0);
			break;
		}
	}
	return end;
}

/* The field (F_*) that the start tag name, under parent par and
 * grandparent gp, begins, or F_NONE.  The tag's text is t[0..tn), for its
 * Version attribute. */
static int field_of(sref name, sref par, sref gp, const char *t, size_t tn, const fields *b, mm_doc *d,
                    int got_pmid, int got_year)
{
	if (is(name, "PMID")) {
		if ((is(par, "MedlineCitation") || is(par, "BookDocument")) && !got_pmid) {
			if (attr(t, tn, "Version", b->label) == 0) {
				long v = strtol(b->label->s, NULL, 10); /* clamped: no overflow */
				d->version = v > 0 ? (v > 1000000 ? 1000000 : (int)v) : 1;
			}
			return F_PMID;
		}
		if (is(par, "DeleteCitation")) return F_DEL;
	} else if (is(name, "ArticleTitle") && (is(par, "Article") || is(par, "BookDocument"))) {
		if (b->title->l == 0) return F_TITLE;
	} else if (is(name, "VernacularTitle") && is(par, "Article")) {
		if (b->vtitle->l == 0) return F_VTITLE;
	} else if (is(name, "BookTitle") && is(par, "Book")) {
		if (b->btitle->l == 0) return F_BTITLE;
	} else if (is(name, "AbstractText") && is(par, "Abstract") && (is(gp, "Article") || is(gp, "BookDocument"))) {
		return F_ABS;
	} else if ((is(name, "Year") || is(name, "MedlineDate")) && is(par, "PubDate") &&
	           (is(gp, "JournalIssue") || is(gp, "Book")) && !got_year) {
		return is(name, "Year") ? F_YEAR : F_MDATE;
	}
	return d->want_meta ? meta_field(name, par, d->want_meta) : F_NONE;
}

/* Begin capturing field f, whose start tag is t[0..tn): returns the buffer
 * its text goes to, or NULL for the document text (an abstract part, whose
 * section begins here -- after the title section, at the first part). */
static mm_buf *capture_begin(int f, const char *t, size_t tn, const fields *b, mm_doc *d, int *n_abs)
{
	mm_buf *buf;
	switch (f) {
	case F_TITLE: buf = b->title; break;
	case F_VTITLE: buf = b->vtitle; break;
	case F_BTITLE: buf = b->btitle; break;
	case F_ABS:
		if ((*n_abs)++ == 0) mm_doc_add_title(d, b->title, b->btitle, b->vtitle);
		if (attr(t, tn, "Label", b->label) == 0 && b->label->l)
			mm_doc_begin_section(d, b->label->s, b->label->l);
		else mm_doc_begin_section(d, "abstract", 8);
		return NULL;
	default: b->field->l = 0; buf = b->field; break;
	}
	mm_buf_grow(buf, 1);
	return buf;
}

int mm_pubmed_parse(const char *p, size_t n, mm_rec_kind kind, mm_doc *d)
{
	mm_doc_reset(d);
	const fields b = { &d->f.title, &d->f.vtitle, &d->f.btitle, &d->f.field, &d->f.attr };
	b.title->l = b.vtitle->l = b.btitle->l = b.field->l = b.label->l = 0;
	int got_pmid = 0, got_year = 0;
	sref stack[MAXDEPTH];
	int depth = 0, cap = F_NONE, cap_depth = 0, n_abs = 0;
	mm_buf *cap_buf = NULL;
	size_t i = 0;
	mm_buf_grow(&d->text, n / 4);
	while (i < n) {
		if (p[i] != '<') { /* character data */
			const char *lt = memchr(p + i, '<', n - i);
			size_t j = lt ? (size_t)(lt - p) : n;
			if (cap == F_ABS) {
				mm_buf *t = &d->f.decoded;
				t->l = 0;
				d->bad_refs += decode(p + i, j - i, t);
				mm_doc_add_text(d, t->s ? t->s : "", t->l);
			} else if (cap != F_NONE) d->bad_refs += decode(p + i, j - i, cap_buf);
			i = j;
			continue;
		}
		if (i + 1 < n && (p[i + 1] == '?' || p[i + 1] == '!')) {
			if (!(i = other_markup(p, n, i, cap, cap_buf, d))) return -1;
			continue;
		}
		int is_end = i + 1 < n && p[i + 1] == '/';
		size_t ns = i + 1 + (size_t)is_end, ne;
		size_t te = tag_extent(p, n, i, ns, &ne, d);
		if (!te) return -1;
		sref name = { p + ns, (int)(ne - ns) };
		int self_close = !is_end && p[te - 1] == '/';
		if (name.n == 0) { mm_buf_printf(&d->err, "byte %zu: malformed tag", i); return -1; }
		if (is_end) {
			if (depth == 0 || stack[depth - 1].n != name.n || memcmp(stack[depth - 1].s, name.s, (size_t)name.n) != 0) {
				mm_buf_printf(&d->err, "byte %zu: end tag </%.*s> does not match <%.*s>", i, name.n, name.s,
				              depth ? stack[depth - 1].n : 0, depth ? stack[depth - 1].s : "");
				return -1;
			}
			depth--;
			if (cap != F_NONE && depth == cap_depth) { /* the captured element ends */
				if (capture_end(d, cap, &b, i, &got_pmid, &got_year) < 0) return -1;
				cap = F_NONE;
				cap_buf = NULL;
			}
			i = te + 1;
			continue;
		}
		if (!self_close && cap == F_NONE) {
			if (skippable(name)) {
				if (!d->want_meta) {
					if (!(i = skip_subtree(p, n, i, te, name, d))) return -1;
					continue;
				}
				if (!meta_list(name, d->want_meta)) { /* the indexing is read */
					if (!(i = is(name, "PubmedData") && (d->want_meta & MM_META_BIT(MM_TERM_PMC)) ? pubmed_data(p, n, i, te, &b, d)
					                                                                              : skip_subtree(p, n, i, te, name, d))) return -1;
					continue;
				}
			}
			sref par = depth > 0 ? stack[depth - 1] : (sref){ "", 0 };
			sref gp = depth > 1 ? stack[depth - 2] : (sref){ "", 0 };
			int f = field_of(name, par, gp, p + i, te - i, &b, d, got_pmid, got_year);
			if (f != F_NONE) {
				cap = f;
				cap_depth = depth;
				if (f >= F_META) meta_begin(f, p + i, te - i, &b, d);
				cap_buf = capture_begin(f, p + i, te - i, &b, d, &n_abs);
			}
		}
		if (!self_close) {
			if (depth == MAXDEPTH) { mm_buf_printf(&d->err, "byte %zu: elements nested deeper than %d", i, MAXDEPTH); return -1; }
			stack[depth++] = name;
		}
		i = te + 1;
	}
	if (kind == MM_REC_ARTICLE_CUT && depth == 1 && is(stack[0], "PubmedArticle")) depth = 0;
	if (depth != 0) {
		mm_buf_printf(&d->err, "record ends inside <%.*s>", stack[depth - 1].n, stack[depth - 1].s);
		return -1;
	}
	if (kind == MM_REC_DELETE) return 0;
	if (!got_pmid) { mm_buf_printf(&d->err, "record has no PMID"); return -1; }
	/* without an abstract the title section is still to be made; a title
	 * after the abstract (not in the DTD order) leaves it empty */
	if (n_abs == 0) mm_doc_add_title(d, b.title, b.btitle, b.vtitle);
	d->has_abstract = d->n_sec > 1;
	return 0;
}
