/* doc.h -- one parsed document (a PubMed/MEDLINE/PubTator record) and the
 * record parsers that fill it.
 *
 * Text model: d->text is the decoded UTF-8 text of the document, the title
 * first, then (when there is an abstract) one space and the abstract parts
 * joined by single spaces -- the same string a PubTator file carries as
 * "title + ' ' + abstract".  Each control character becomes one space and
 * invalid UTF-8 becomes U+FFFD (counted in bad_utf8); fields are trimmed,
 * except PubTator text, which is kept byte for byte so that offsets agree
 * with the source file.  Every offset myomine reports is a byte offset into this text.
 * Section 0 is the title; sections 1.. are abstract parts with their Label.
 *
 * A mm_doc is owned by one thread; mm_doc_reset() keeps its buffers. */
#ifndef MM_DOC_H
#define MM_DOC_H

#include "util.h"
#include <stdint.h>

typedef enum {
	MM_FMT_AUTO = 0, MM_FMT_PUBMED, MM_FMT_MEDLINE, MM_FMT_PUBTATOR
} mm_format;

typedef enum {
	MM_REC_ARTICLE = 0, /* PubmedArticle, bare MedlineCitation */
	MM_REC_ARTICLE_CUT, /* a PubmedArticle cut off after its complete MedlineCitation */
	MM_REC_BOOK,        /* PubmedBookArticle */
	MM_REC_DELETE,      /* DeleteCitation: a list of PMIDs to withdraw */
	MM_REC_MEDLINE,     /* MEDLINE text record */
	MM_REC_PUBTATOR,    /* PubTator record */
	MM_REC_CHUNK        /* several PubMed XML records, split later (split.h) */
} mm_rec_kind;

typedef struct {
	uint32_t start, end; /* byte range in text */
	char *label;         /* "title", "abstract", or the AbstractText Label, whole
	                      * (valid UTF-8, controls as spaces); owned by the doc */
	size_t label_m;      /* bytes allocated at label (kept across records) */
} mm_section;

/* Working buffers of the record parsers, one per field they gather before
 * the document text is assembled (kept across records, like the text). */
typedef struct {
	mm_buf title;         /* ArticleTitle; MEDLINE TI; PubTator |t| */
	mm_buf btitle;        /* BookTitle; MEDLINE BTI */
	mm_buf vtitle;        /* VernacularTitle; MEDLINE VTI */
	mm_buf abstract;      /* MEDLINE AB; PubTator |a| */
	mm_buf field;         /* PubMed: the text of a captured element (PMID, year) */
	mm_buf attr;          /* PubMed: an attribute value (Version, Label) */
	mm_buf decoded;       /* PubMed: abstract text with references decoded */
} mm_doc_fields;

/* Indexing of a record (PubMed XML and MEDLINE text; PubTator has none),
 * collected only for the kinds in mm_doc.want_meta: a list of terms whose
 * strings are in one arena.  A MeSH heading is an MM_TERM_MESH term
 * followed by its MM_TERM_QUAL qualifiers.  MEDLINE text has no UIs
 * (ui_n is 0) except the journal's NlmUniqueID (JID). */
typedef enum {
	MM_TERM_MESH,       /* MeshHeading/DescriptorName; MEDLINE MH */
	MM_TERM_QUAL,       /* MeshHeading/QualifierName; MEDLINE MH "/qualifier" */
	MM_TERM_SUPPL,      /* SupplMeshList/SupplMeshName; MEDLINE NM */
	MM_TERM_PUBTYPE,    /* PublicationType; MEDLINE PT */
	MM_TERM_LANG,       /* Language; MEDLINE LA */
	MM_TERM_JOURNAL_ID, /* MedlineJournalInfo/NlmUniqueID; MEDLINE JID */
	MM_TERM_JOURNAL_TA, /* MedlineJournalInfo/MedlineTA; MEDLINE TA */
	MM_TERM_JOURNAL_ISO,/* Journal/ISOAbbreviation */
	MM_TERM_KEYWORD,    /* KeywordList/Keyword; MEDLINE OT */
	MM_TERM_PMC         /* ArticleId IdType="pmc"; MEDLINE PMC */
} mm_term_kind;

/* mm_doc.want_meta: the kinds of terms to collect, a bit (1 << kind) each */
#define MM_META_BIT(k) (1u << (k))
#define MM_META_MESH (MM_META_BIT(MM_TERM_MESH) | MM_META_BIT(MM_TERM_QUAL))
#define MM_META_ALL  0x3FFu

#define MM_TERM_MAJOR 1u    /* its own MajorTopicYN="Y" (MEDLINE: '*') */
#define MM_TERM_MAJR  2u    /* MESH: the heading is a major topic (the
                             * descriptor or any qualifier is major) */

typedef struct {
	uint32_t ui, name;      /* offsets of NUL-terminated strings in meta.str */
	uint32_t ui_n, name_n;  /* their lengths (ui_n 0: no UI) */
	uint8_t kind, flags;
} mm_term;

typedef struct {
	mm_buf str;             /* the strings of the terms */
	mm_term *t;
	int n, m;
} mm_meta;

typedef struct {
	uint64_t pmid;
	int version;
	int year;             /* 0 when unknown */
	int has_abstract;
	mm_buf text;
	int n_sec, m_sec;
	mm_section *sec;
	int n_del, m_del;     /* DeleteCitation */
	uint64_t *del_pmid;
	int bad_utf8;         /* invalid sequences replaced */
	int bad_refs;         /* unknown or malformed character references */
	int keep_ws;          /* keep leading/trailing white space (PubTator) */
	mm_buf err;           /* why parsing failed (when a parser returns < 0) */
	unsigned want_meta;   /* the caller's: the term kinds to collect (MM_META_*; 0: none;
	                       * kept by mm_doc_reset) */
	mm_meta meta;         /* indexing terms, when want_meta */
	mm_doc_fields f;      /* parser working buffers */
} mm_doc;

/* Empty d for the next record, keeping its buffers. */
void mm_doc_reset(mm_doc *d);
/* Free what d holds and zero it (d itself is the caller's). */
void mm_doc_free(mm_doc *d);

/* Parsers. Each parses one record of n bytes (as delimited by the splitter)
 * into d (reset first). Return 0 on success, -1 when the record is malformed
 * or has no usable PMID; d->err then says why and where (offset relative to
 * the record start). A DeleteCitation (kind MM_REC_DELETE) fills
 * d->del_pmid only.  Every parser is thread-safe on its own d. */
int mm_pubmed_parse(const char *p, size_t n, mm_rec_kind kind, mm_doc *d) MM_WUR;
int mm_medline_parse(const char *p, size_t n, mm_doc *d) MM_WUR;
int mm_pubtator_parse(const char *p, size_t n, mm_doc *d) MM_WUR;

/* Shared by the parsers: append n bytes of UTF-8 text, repairing invalid
 * sequences, turning controls into spaces and squeezing white space. */
void mm_doc_add_text(mm_doc *d, const char *s, size_t n);
/* The title section (section 0): the first non-empty one of title, book
 * title and vernacular title, in that order (any may be NULL); an empty
 * section when none has text. */
void mm_doc_add_title(mm_doc *d, const mm_buf *title, const mm_buf *btitle, const mm_buf *vtitle);
/* After the title: one section "abstract" holding abs, when abs has text
 * (formats without labelled abstract parts); sets has_abstract. */
void mm_doc_add_abstract(mm_doc *d, const mm_buf *abs);
/* The text formats' line helpers: n without the line's trailing '\n' and
 * '\r' bytes; b emptied, allocated and NUL-terminated. */
size_t mm_line_chomp(const char *p, size_t n);
void mm_buf_clear(mm_buf *b);
/* Begin a section (closes the previous one); label may be NULL. */
void mm_doc_begin_section(mm_doc *d, const char *label, size_t label_len);
void mm_doc_end_section(mm_doc *d);

/* Append a term of kind k with UI ui[0..ui_n) and name name[0..name_n)
 * (white space around them trimmed; stored as valid UTF-8 without control
 * characters: invalid bytes as '?', controls as spaces, lengths kept);
 * returns its index in d->meta.t. */
int mm_doc_add_term(mm_doc *d, mm_term_kind k, const char *ui, size_t ui_n, const char *name, size_t name_n, unsigned flags);
/* Set the name of term i (trimmed), replacing none. */
void mm_doc_term_name(mm_doc *d, int i, const char *name, size_t name_n);
static inline const char *mm_term_ui(const mm_doc *d, const mm_term *t) { return d->meta.str.s + t->ui; }
static inline const char *mm_term_name(const mm_doc *d, const mm_term *t) { return d->meta.str.s + t->name; }

/* A PMID (or the id of a PubTator or local record): a decimal integer from
 * 1 to 2^63 - 1 (MM_PMID_MAX), leading zeros and white space around it
 * allowed. Returns 0 and sets *out, or -1 (*out unchanged). */
#define MM_PMID_MAX 0x7FFFFFFFFFFFFFFFULL
#define MM_PMID_RANGE "a positive integer below 2^63"  /* for messages: "... is not " MM_PMID_RANGE */
int mm_parse_pmid(const char *s, size_t n, uint64_t *out) MM_WUR;

/* First plausible 4-digit year (1000-2999) in s, or 0. */
int mm_first_year(const char *s, size_t n);

#endif
