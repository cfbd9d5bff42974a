/* splitpriv.h -- the record splitter's state and the functions its three
 * files share: split.c (reading, format detection, the public calls),
 * split_xml.c (PubMed XML records and chunks), split_text.c (MEDLINE and
 * PubTator records).  Private to those files. */
#ifndef MM_SPLITPRIV_H
#define MM_SPLITPRIV_H

#include "split.h"

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

/* Read more data, first dropping what lies between the held records and
 * s->pos. Returns 1 when bytes were added, 0 at end of input, -1 on a read
 * error (the reader's message: split_fatal_read()). */
int split_more(mm_splitter *s);
/* MM_SPLIT_FATAL with the reader's error message in msg. */
mm_split_status split_fatal_read(mm_splitter *s, mm_buf *msg);
/* Does p[0, n) start like a PubTator line ("<digits>|" or "<digits><TAB>")? */
int split_pubtator_start(const char *p, size_t n);

/* split_xml.c: is the XML at s->pos PubMed?  1 when a root or record
 * element of ours is seen (or cannot be ruled out), 0 with the reason in
 * err when the whole file holds none. */
int split_xml_probe(mm_splitter *s, char *err, size_t err_len);
mm_split_status split_xml_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg);
/* The end of the last record end tag of the root's kinds in buf[from, to), or 0. */
size_t split_last_record_end(const mm_splitter *s, size_t from, size_t to);

/* split_text.c: the next MEDLINE or PubTator record. */
mm_split_status split_text_next(mm_splitter *s, mm_rawrec *rec, mm_buf *msg);

#endif
