/* runpriv.h -- private to the driver of a run: the types and functions that
 * run.c (read and worker steps), apply.c (the in-order step and the end of a
 * run), write.c (output files), partial.c (the partial-result format),
 * merge.c (myomine merge) and inputs.c (the input file list) share.
 * Nothing outside these files includes it.  Not thread-safe unless a
 * function says so: the main thread owns the file list, the apply state and
 * the output. */
#ifndef MM_RUNPRIV_H
#define MM_RUNPRIV_H

#include "run.h"
#include "doc.h"
#include "input.h"
#include "split.h"
#include "lexcache.h"
#include "output.h"
#include "store.h"
#include "match.h"
#include "text.h"
#include "filter.h"
#include "util.h"
#include "facts.h"
#include "mesh.h"

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#define MM_MAX_ERRORS_SHOWN 10

static inline int mm_ends_with(const char *s, const char *e)
{
	size_t a = strlen(s), b = strlen(e);
	return a >= b && strcmp(s + a - b, e) == 0;
}

/* ---- input files (inputs.c) ------------------------------------------------ */

enum { MM_FS_PENDING = 0, MM_FS_OK, MM_FS_ERROR, MM_FS_FAILED, MM_FS_SKIPPED };
extern const char *const mm_fs_name[]; /* by status: "pending", "ok", ... */

typedef struct {
	char *path;
	char *preset_err;       /* could not even be listed/opened */
	int from_dir, gz_name;
	uint64_t size;
	dev_t dev;
	ino_t ino;
	/* filled by the apply step */
	int status;
	mm_format fmt;
	uint64_t in_bytes, out_bytes, records, docs, failed, deletes, bad_utf8, bad_refs;
	int n_err;
	char *err[MM_MAX_ERRORS_SHOWN];
} mm_infile;

typedef struct { mm_infile *a; int n, m; } mm_filelist;

/* The file's name in messages for humans ("-" is "standard input"). */
static inline const char *mm_infile_name(const mm_infile *f)
{
	return strcmp(f->path, "-") ? f->path : "standard input";
}

/* INPUT arguments (files, directories searched recursively, "-") to fl:
 * sorted by file name then path, the same file listed once. */
void mm_files_collect(mm_filelist *fl, char **inputs, int n);
/* Append a file (path copied); its counts are zero. */
mm_infile *mm_files_add(mm_filelist *fl, const char *path, int from_dir);
/* The input order of two paths: by file name, then by path. */
int mm_path_cmp(const char *a, const char *b);
/* The index of the file with this path, or -1. */
int mm_files_find(const mm_filelist *fl, const char *path);
/* Free every file's path and messages, and the list. */
void mm_files_free(mm_filelist *fl);

/* ---- batches (run.c fills them, apply.c applies them) ---------------------- */

/* An item: a record, a record that could not be cut out (BAD), an error
 * that ends the file (FATAL), the end of a file, or a file that could not
 * be opened.  The read step fills its first fields, the worker step a
 * record's results (allocated), which the apply step uses and frees. */
typedef enum { MM_IT_REC, MM_IT_BAD, MM_IT_FATAL, MM_IT_FILE_END, MM_IT_OPEN_FAIL } mm_item_type;

typedef struct mm_item {
	mm_item_type type;
	mm_rec_kind kind;
	uint32_t file;
	uint64_t offset, line;
	size_t off, len;          /* record bytes in data, or message in the arena */
	uint64_t in_bytes, out_bytes;
	mm_format fmt;
	/* results */
	int ok;
	uint64_t pmid;
	int version, year, has_abs;
	uint32_t n_sent;
	mm_hit *hit;
	uint32_t n_hit;
	uint64_t *del;
	int n_del;
	char *out;
	size_t out_len;
	char *evtext;             /* "sentence<TAB>text\n" for sentences with 2+ concepts */
	size_t evtext_len;
	char *err;
	int bad_utf8, bad_refs;
	struct mm_item_facts *facts; /* --facts only (else NULL): see below */
	/* a chunk (kind MM_REC_CHUNK): its records and messages, split by the
	 * worker that processes it */
	struct mm_item *sub;
	size_t n_sub;
	int chunk_mcs;            /* its root is <MedlineCitationSet> */
	unsigned fail;            /* the filters the record fails (filter.h; 0: passes) */
	char *docrow;             /* --documents: its row */
	size_t docrow_len;
	char *mesh;               /* --with-mesh: its headings (mm_mesh_doc lines) */
	size_t mesh_len;
} mm_item;

/* --facts: a document's facts.tsv lines and what it adds to
 * facts.summary.tsv (one allocation, freed with the item's results). */
typedef struct mm_item_facts {
	mm_facts_doc fsum;
	size_t len;
	char lines[];
} mm_item_facts;

/* A batch: the items of one read of one file, in one scheduler slot. */
typedef struct {
	mm_item *it;
	size_t n, m;
	mm_buf arena;             /* messages */
	char *data;               /* records: the splitter's buffer (mm_splitter_take) */
	size_t data_cap;
	uint64_t bytes;
	uint64_t in_pos, out_pos;  /* position in its file after this batch (progress) */
	double t_read;             /* seconds spent reading it */
} mm_batch;

/* ---- partial results (partial.c) ------------------------------------------- */

#define MM_PARTIAL_NAME "partial.myomine.gz"

/* One line of a partial result (the format: partial.c). */
typedef enum {
	MM_PREC_FILE,       /* F: text is the path; a file block begins */
	MM_PREC_ARTICLE,    /* A: art (pmid, version, year, has_abs, n_sent, hit, n_hit) */
	MM_PREC_DELETE,     /* D: pmid */
	MM_PREC_END_FILE,   /* E: file's status, fmt, counts and n_err */
	MM_PREC_MESSAGE,    /* M: text is one of the file's messages */
	MM_PREC_TRAILER,    /* #end */
	MM_PREC_FACTS_SUM,  /* S: fs, what the next A line's document adds to facts.summary.tsv (--facts) */
	MM_PREC_FACTS_LINE, /* T: text is one of the next A line's facts.tsv lines (--facts) */
	MM_PREC_FILTERED,   /* X: the article before fails the filters of mask fail */
	MM_PREC_FILTERS,    /* #filters: text is the filters of the run (mm_partial_put_filters) */
	MM_PREC_MESH,       /* U: mesh, a MeSH concept's key and name (--with-mesh) */
	MM_PREC_INPUT       /* I: text is the path of an input file of the run (before the first F line) */
} mm_prec_type;

/* A U line: MeSH concept idx (internal index n_concept + idx in the A
 * lines that follow) has key and, from record (pmid, version), name. */
typedef struct {
	uint32_t idx;
	uint64_t pmid;
	int version;
	const char *key, *name;  /* parsed: point into the line; key is key_n bytes, name NUL-terminated */
	size_t key_n;
} mm_partial_mesh;

typedef struct {
	mm_prec_type type;
	const char *text;   /* F, M: NUL-terminated; parsed: points into the line */
	mm_item art;        /* A; parsed: art.hit is owned by the record */
	uint64_t pmid;      /* D */
	mm_infile file;     /* E: only the fields of an E line */
	mm_facts_doc fs;    /* S */
	unsigned fail;      /* X */
	mm_partial_mesh mesh; /* U */
} mm_partial_rec;

/* Append r as one line (with its newline) to b.  M text has its tabs and
 * newlines written as spaces. */
void mm_partial_put_rec(mm_buf *b, const mm_partial_rec *r);
/* Parse line l[0..n) (no newline; l[n] == 0: the text of F and M records
 * points into l) into r, which must be zeroed before the first call (its
 * previous hits are freed).  0, or -1 with *why saying what
 * is malformed (a static string).  Numbers are plain decimals in range; an
 * A line's concepts are < n_concept.  What parses is written back by
 * mm_partial_put_rec() to a line that parses to the same record. */
MM_WUR int mm_partial_parse_rec(const char *l, size_t n, int n_concept, mm_partial_rec *r, const char **why);
void mm_partial_rec_free(mm_partial_rec *r);
/* Copy the fields of an E line (status, format, counts, n_err). */
void mm_partial_copy_end(mm_infile *dst, const mm_infile *src);

/* The header: the format line and "#lexicon <fingerprint> <concepts>". */
uint64_t mm_partial_fingerprint(const mm_lexicon *lx);
void mm_partial_put_header(mm_buf *b, uint64_t fingerprint, int n_concept);
/* Parse a "#lexicon" line; 0 or -1. */
MM_WUR int mm_partial_parse_lexicon(const char *l, size_t n, uint64_t *fingerprint, int *n_concept);

/* Writing: the apply step's partial.myomine.gz (an output file, output.h). */
typedef struct {
	mm_outfile *f;      /* NULL: no partial result is written */
	mm_buf buf;
	int file;           /* the file whose block is open, -1 none */
	int facts;          /* set before mm_partial_open(): the run has --facts (a #facts header line) */
	int mesh;           /* ... and --with-mesh (MM_MESH_*: a "#mesh MODE" line) */
} mm_partial_out;

MM_WUR int mm_partial_open(mm_partial_out *p, const mm_lexicon *lx, mm_buf *err);
/* Begin file's block unless it is open already. */
void mm_partial_begin_file(mm_partial_out *p, int file, const char *path);
/* The file's E line and messages; closes its block. */
void mm_partial_end_file(mm_partial_out *p, const mm_infile *f);
void mm_partial_article(mm_partial_out *p, const mm_item *it);
/* --with-mesh: before the A line of hits hit[0..n), a U line for each
 * MeSH concept among them that has none yet; before #end, one for each
 * whose record (pmid, version) changed since its U line: so the last U
 * line of a key holds the name of its newest record (mesh.h). */
void mm_partial_mesh_names(mm_partial_out *p, mm_mesh *m, const mm_hit *hit, uint32_t n);
void mm_partial_mesh_final(mm_partial_out *p, mm_mesh *m);
/* The S and T lines of a document's facts (before its A line). */
void mm_partial_facts(mm_partial_out *p, const mm_item_facts *fx);
void mm_partial_delete(mm_partial_out *p, uint64_t pmid);
/* The X line after an article that fails the filters of mask fail. */
void mm_partial_filtered(mm_partial_out *p, unsigned fail);
/* The "#filters" line of filter set f (nothing when f has no filter), after
 * the header; its text names each option and its canonical key. */
void mm_partial_put_filters(mm_buf *b, const mm_filter *f);
/* The I lines of the input files paths[0..n) (after the filters): so that a
 * merge can name the files of a partial result cut off before their blocks. */
void mm_partial_put_inputs(mm_buf *b, char *const *paths, int n);
/* Write #end and close the file: 0, or -1 with a message. */
MM_WUR int mm_partial_close(mm_partial_out *p, mm_buf *err);

/* Reading: one partial result of myomine merge, a line at a time. */
typedef struct {
	const char *dir;
	int n_concept;
	mm_reader *rd;
	char *buf;
	size_t len, pos, cap;
	mm_buf line;        /* the current line (no newline) */
	uint64_t lineno;
	int eof, ended;     /* ended: #end read, or an error */
	int facts;          /* written with --facts (S and T lines) */
	mm_partial_rec rec; /* the current line, parsed */
	mm_buf filters;     /* the text of its #filters line (empty: none) */
	int mesh;           /* its "#mesh" mode (MM_MESH_*) */
	uint8_t *mesh_def;  /* U lines read: mesh_def[idx] = 1 */
	uint32_t n_mesh;    /* 1 + the highest idx of a U line read */
	char **inputs;      /* the paths of its I lines (its run's input files) */
	int n_inputs;
	uint32_t *mesh_map; /* myomine merge: a U line's idx -> the merged MeSH concept */
	uint32_t m_mesh_map;
} mm_partial_in;

/* Open DIR/partial.myomine.gz, check its header against the lexicon and
 * read its first record into in->rec (in->ended when it is #end).  An A
 * line's hits name a lexicon concept or a MeSH concept whose U line came
 * before it.  0, or
 * -1 with a message in err; close in either way. */
MM_WUR int mm_partial_in_open(mm_partial_in *in, const char *dir, uint64_t fingerprint, int n_concept, mm_buf *err);
/* The next record into in->rec: 1, 0 at #end, -1 with a message in err (a
 * read error, a malformed line, or the end of the file before #end). */
MM_WUR int mm_partial_in_next(mm_partial_in *in, mm_buf *err);
void mm_partial_in_close(mm_partial_in *in);

/* ---- the in-order step (apply.c) ------------------------------------------- */

/* The counts of a run over all its files (summary.json: documents,
 * warnings, bytes). */
typedef struct {
	uint64_t records, failed, docs_read, deletes;
	uint64_t bad_utf8, bad_refs;
	uint64_t out_bytes;          /* uncompressed bytes read */
} mm_tally;

/* Add a file's counts (myomine merge: a file of a partial result). */
void mm_tally_add_file(mm_tally *t, const mm_infile *f);

/* Seconds spent in each step (summary.json: timings_s).  read, parse and
 * match are summed over the threads; apply, count and write are the main
 * thread's. */
typedef struct {
	double read, parse, match, apply, count, write;
} mm_timings;

/* --facts: the last applied record (seq) of every PMID that has spooled
 * facts, 0 once deleted: the store keeps sequence numbers only for
 * documents with mentions. */
typedef struct { uint64_t *key, *seq; size_t cap, n; } mm_fseq;
/* An article record applied (seq; spooled: it has facts in the spools). */
void mm_fseq_article(mm_fseq *m, uint64_t pmid, uint64_t seq, int spooled);
void mm_fseq_delete(mm_fseq *m, uint64_t pmid);
int mm_fseq_final(const mm_fseq *m, uint64_t pmid, uint64_t seq);
void mm_fseq_free(mm_fseq *m);
/* A row of the documents spool: a document and its processing rank. */
typedef struct { uint64_t pmid; uint64_t seq; } mm_docseq;

/* myomine merge: one partial result read (summary.json "shards"). */
typedef struct {
	const char *dir;             /* as given (owned by the options) */
	char *msg;                   /* why it could not be read to its end; NULL: it was */
	int files;                   /* file blocks taken from it */
	int duplicates;              /* file blocks skipped: read from another partial result */
} mm_shard;

/* The state of the apply step: everything that depends on input order. */
typedef struct {
	mm_filelist *fl;
	mm_store *store;
	FILE *spool;                 /* --mentions: each document's lines */
	FILE *evspool;               /* --evidence-text: sentences of co-occurrence */
	FILE *fspool, *fsumspool;    /* --facts: facts.tsv lines; per document its summary and concepts */
	mm_fseq fseq;                /* --facts: which spooled records are final */
	uint64_t seq;                /* documents applied */
	mm_tally n;
	mm_timings t;
	mm_partial_out part;         /* --partial (part.f: NULL without) */
	mm_lexcache_info lc;         /* how the lexicon was loaded */
	const mm_filter *filter;     /* the filters (summary.json); NULL: none */
	FILE *docspool;              /* --documents: rows of documents that pass */
	mm_docseq *docseq;           /* ... their (pmid, seq) */
	size_t n_docseq, m_docseq;
	const mm_shard *shard;       /* myomine merge: the partial results read (merge.c owns them) */
	int n_shard;                 /* 0 for a run */
	/* progress */
	int progress;
	double t_start, t_last;
	uint64_t total_size;
	uint64_t in_pos, out_pos;    /* bytes read up to the last applied batch */
	uint64_t in_done, out_done;  /* ... of the files already applied */
	int files_done;
	uint64_t *limit_hits;        /* per pattern: starts given up at a PCRE2 limit, summed over
	                              * the threads' matchers at the end (NULL: none counted) */
	mm_mesh *mesh;               /* --with-mesh: the MeSH concepts met (NULL: without) */
	mm_hit *hbuf;                /* ... a record's hits with its headings */
	size_t hcap;
} mm_applier;

/* --facts: spool the facts of article record it, applied as record seq. */
void mm_apply_facts(mm_applier *ap, uint64_t seq, const mm_item *it);
/* Apply batch b, its items in input order (main thread, one batch at a time). */
void mm_apply_batch(mm_applier *ap, mm_batch *b);
/* The progress line on stderr (at most every 0.5 s unless force). */
void mm_progress_line(mm_applier *ap, int force);
/* End the progress line, so that a message starts on a line of its own. */
void mm_progress_clear(mm_applier *ap);
/* The common end of a run and of a merge: count, write every output,
 * commit, print the final line; frees fl, ap's state and lx.  Returns the
 * exit status (run.h). */
MM_WUR int mm_run_finish(const mm_opts *o, mm_lexicon *lx, mm_filelist *fl, mm_applier *ap, int threads, double t_start);

/* ---- output files (write.c) ------------------------------------------------ */

typedef struct {
	const mm_lexicon *lx;        /* the lexicon */
	const mm_lexicon *cx;        /* the concepts of the counts: lx, or with --with-mesh
	                              * lx's and the MeSH concepts (mm_mesh_view) */
	const mm_counts *cn;
	const mm_opts *o;
	mm_buf err;                  /* the message of a failed write */
} mm_writer;

/* Every output file of the run but summary.json, into the output
 * directory (output.h): 0, or -1 with a message in w->err. */
/* Write b to f, then close f (checked): 0, or -1 with the message in w->err.
 * f may be NULL (mm_out_open failed): -1. */
MM_WUR int mm_write_finish(mm_writer *w, mm_outfile *f, mm_buf *b);
/* buffered writes: flush the buffer into f when it grows large */
#define FLUSH_IF_BIG(f, b) do { if ((b)->l > (1u << 20)) mm_out_buf((f), (b)); } while (0)
/* facts.tsv and facts.summary.tsv (write_facts.c): 0, or -1 with w->err. */
MM_WUR int mm_write_facts(mm_writer *w, const mm_applier *ap);
MM_WUR int mm_write_outputs(mm_writer *w, const mm_applier *ap, int *dense_skipped);
/* summary.json: 0, or -1 with a message in w->err. */
MM_WUR int mm_write_summary(mm_writer *w, const mm_applier *ap, int threads, int exit_status, double t_wall,
                            int dense_skipped);
/* A document's mentions, as lines of mentions.tsv or as its PubTator
 * record, appended to o.  Thread-safe (the worker step calls them). */
void mm_format_mentions_tsv(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_mention *mt, size_t nm);
void mm_format_mentions_pubtator(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_mention *mt, size_t nm);
/* --evidence-text: "sentence<TAB>text" lines of the sentences that hold two
 * or more of the document's n_hit hits (sorted by concept).  Thread-safe. */
void mm_format_evidence_text(mm_buf *o, const mm_doc *d, const mm_text *t, const mm_hit *hit, uint32_t n_hit);
/* --facts: a document's record in ap->fsumspool (when it mentions a
 * concept, not negated): seq, pmid, year code (mm_year_code, for
 * facts.summary.by-year.tsv), summary, then n_concept uint32 indexes. */
typedef struct {
	uint64_t seq, pmid;
	uint32_t n_concept, year;
	mm_facts_doc fs;
} mm_fsum_rec;
/* Spool it's record; 1 when one was written, else 0 (no concept). */
int mm_fsum_spool(FILE *f, uint64_t seq, const mm_item *it);
/* --documents (documents.c): the header and a document's row (thread-safe;
 * hit: its hits, counted per type when not negated), and the file of the
 * final documents that pass, from the spool: 0, or -1 with a message. */
void mm_documents_header(mm_buf *o, const mm_lexicon *lx);
void mm_documents_row(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_hit *hit, uint32_t n_hit);
MM_WUR int mm_write_documents(mm_writer *w, const mm_applier *ap);
/* The apply step: spool the row of document pmid, applied as record seq. */
void mm_documents_spool(mm_applier *ap, uint64_t pmid, uint64_t seq, const char *row, size_t len);
/* An anonymous spool file beside the outputs: it vanishes on any exit.
 * NULL with errno set.  (write.c) */
FILE *mm_spool_open(const char *dir);
/* A spool holds records "seq pmid len\n" and len bytes: a document's lines,
 * applied as record seq.  Append one: */
void mm_spool_put(FILE *f, uint64_t seq, uint64_t pmid, const char *p, size_t len);
/* Read the next one: its bytes into *buf (grown to *cap, NUL-terminated),
 * *len of them.  1, 0 at the end, -1 on a read error or a cut record. */
int mm_spool_next(FILE *f, uint64_t *seq, uint64_t *pmid, char **buf, size_t *cap, size_t *len);

#endif
