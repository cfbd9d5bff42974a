/* split.h -- split a decompressed byte stream into records.
 *
 * The splitter reads through a mm_reader into a window buffer and returns one
 * record at a time, pointing into that window (valid until the next call).
 * Memory is bounded by the record size limit plus the read size; it never
 * grows with the file.  Only the record boundaries are found here (a cheap scan);
 * the records are parsed later, in parallel, by doc.h's parsers.  PubMed XML
 * can also be read in chunks of many records, cut where a backwards search
 * finds the last record end tag and split later on the parsing threads
 * (mm_splitter_next_chunk, mm_splitter_mem), so that for one large file the
 * reading thread does little but inflate. */
#ifndef MM_SPLIT_H
#define MM_SPLIT_H

#include "doc.h"
#include "input.h"

typedef struct {
	const char *p;
	size_t n;
	size_t at;       /* p's offset in the splitter's buffer (see mm_splitter_hold) */
	uint64_t offset; /* uncompressed byte offset of the record in its file */
	uint64_t line;   /* 1-based line of the record start */
	mm_rec_kind kind;
} mm_rawrec;

typedef enum {
	MM_SPLIT_RECORD = 1,   /* *rec holds a record */
	MM_SPLIT_END = 0,      /* clean end of input */
	MM_SPLIT_BADREC = -1,  /* a malformed record was skipped; msg says where; call again */
	MM_SPLIT_FATAL = -2    /* the rest of the file cannot be read; msg says why */
} mm_split_status;

typedef struct mm_splitter mm_splitter;

/* Create a splitter over r (not owned). fmt may be MM_FMT_AUTO: the format
 * is then detected from the content (XML is PubMed when it holds one of
 * PubMed's root or record elements, under any root and past a prolog of any
 * size; looked for in the first 16 MB). On failure to detect, returns NULL
 * with the reason in err ("unrecognised format ..." for content of no known
 * format, "not PubMed XML: ..." for XML without a PubMed element). */
mm_splitter *mm_splitter_new(mm_reader *r, mm_format fmt, char *err, size_t err_len);
mm_format mm_splitter_format(const mm_splitter *s);
/* Records larger than this (default 16 MB) are reported (MM_SPLIT_BADREC)
 * and skipped without being held in memory: an XML record up to its end
 * tag, a MEDLINE/PubTator record up to the blank line that ends it. */
void mm_splitter_set_max_record(mm_splitter *s, size_t bytes);
mm_split_status mm_splitter_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg);

/* Zero-copy batches.  After mm_splitter_hold(), the bytes of every record
 * returned stay where they are in the splitter's buffer, at rec->at, until
 * mm_splitter_take(); rec->p itself is valid only until the next call (the
 * buffer may be reallocated).  mm_splitter_take() hands that buffer, with
 * all records since the last take at their rec->at, to the caller in
 * exchange for *buf: a buffer of *cap + 1 bytes from an earlier take that
 * the caller no longer needs, into which the splitter copies its unread
 * bytes and goes on reading; or NULL and 0, and the splitter keeps its
 * unread bytes in a new buffer just big enough (it grows as reading goes
 * on).  On return *buf and *cap describe the caller's buffer, to free() or
 * to pass to a later take.  So a caller can lend a big buffer for a batch
 * of reading and take it back, with the records, afterwards.  Between
 * takes the buffer holds the records returned plus the current one and one
 * read: call take every few MB.  Without hold, nothing is kept (default). */
void mm_splitter_hold(mm_splitter *s);
void mm_splitter_take(mm_splitter *s, char **buf, size_t *cap);
/* Several records at once (PubMed XML): when the splitter stands between
 * records inside a <PubmedArticleSet> or <MedlineCitationSet> root (never
 * under another root) and the next `want` bytes (or the rest of the
 * file) hold the end tag of a record of one of the root's kinds, returns
 * MM_SPLIT_RECORD with rec->kind MM_REC_CHUNK: the bytes from here to just
 * past the last such end tag, found by searching backwards, so that the
 * reading thread does not scan the records themselves.  Split them later,
 * on any thread, with mm_splitter_mem().  Otherwise behaves exactly as
 * mm_splitter_next().  Records and messages come out as mm_splitter_next()
 * alone gives them (a chunk never ends inside a comment or CDATA section),
 * except when a record end tag lies in a processing instruction and the
 * cut falls there: the chunk's split then reports the record it cannot end. */
mm_split_status mm_splitter_next_chunk(mm_splitter *s, size_t want, mm_rawrec *rec, mm_buf *msg);
/* The root element's name (PubMed XML; "" before it is read, and when the
 * root is itself a record). */
const char *mm_splitter_root(const mm_splitter *s);
/* A splitter over the bytes p[0, n) of a chunk (not copied: they must
 * outlive it) that starts at file offset base inside root element `root`;
 * mm_splitter_next() then gives its records (rec->at relative to p) and
 * messages, and MM_SPLIT_END at its end. Records over max_rec bytes are
 * reported and skipped, as the reading splitter does. */
mm_splitter *mm_splitter_mem(const char *p, size_t n, uint64_t base, const char *root, size_t max_rec);
/* Non-fatal oddities seen so far (e.g. text outside records). */
int mm_splitter_warnings(const mm_splitter *s);
void mm_splitter_free(mm_splitter *s);

const char *mm_format_name(mm_format f);

#endif
