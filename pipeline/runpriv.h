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
#include "util.h"

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

/* INPUT arguments (files, directories searched recursively, "-") to fl:
 * sorted by file name then path, the same file listed once. */
void mm_files_collect(mm_filelist *fl, char **inputs, int n);
/* Append a file (path copied); its counts are zero. */
mm_infile *mm_files_add(mm_filelist *fl, const char *path, int from_dir);
/* The input order of two files (mm_infile *), for qsort: file name, then path. */
int mm_file_cmp(const void *x, const void *y);
/* Free every file's path and messages, and the list. */
void mm_files_free(mm_filelist *fl);

/* ---- batches (run.c fills them, apply.c applies them) ---------------------- */

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
	uint32_t pmid;
	int version, year, has_abs;
	uint32_t n_sent;
	mm_hit *hit;
	uint32_t n_hit;
	uint32_t *del;
	int n_del;
	char *out;
	size_t out_len;
	char *evtext;             /* "sentence<TAB>text\n" for sentences with 2+ concepts */
	size_t evtext_len;
	char *err;
	int bad_utf8, bad_refs;
	/* a chunk (kind MM_REC_CHUNK): its records and messages, split by the
	 * worker that processes it */
	struct mm_item *sub;
	size_t n_sub;
	int chunk_mcs;            /* its root is <MedlineCitationSet> */
} mm_item;

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


/* ---- the in-order step (apply.c) ------------------------------------------- */

typedef struct {
	mm_filelist *fl;
	mm_store *store;
	FILE *spool;
	FILE *evspool;          /* --evidence-text: sentences of co-occurrence */
	uint64_t seq;
	uint64_t records, failed, docs_read, deletes;
	uint64_t bad_utf8, bad_refs;
	int any_error;
	double t_apply;
	/* --partial: the document events of each file, in processing order */
	mm_outfile *partial;
	mm_buf pbuf;
	int pfile;              /* file whose block is open, -1 none */
	/* progress */
	int progress;
	double t_start, t_last;
	uint64_t total_size, out_bytes;
	uint64_t in_pos, out_pos;    /* bytes read up to the last applied batch */
	uint64_t in_done, out_done;  /* ... of the files already applied */
	double t_read;               /* time in reading, all threads */
	int files_done;
	mm_lexcache_info lc;         /* how the lexicon was loaded */
} mm_applier;

/* Apply batch b, its items in input order (main thread, one batch at a time). */
void mm_apply_batch(mm_applier *ap, mm_batch *b);
/* The progress line on stderr (at most every 0.5 s unless force). */
void mm_progress_line(mm_applier *ap, int force);
/* The common end of a run and of a merge: count, write every output,
 * commit, print the final line, free the run's state (fl, ap, lx).
 * Returns the exit status (run.h). */
int mm_run_finish(const mm_opts *o, mm_lexicon *lx, mm_filelist *flp, mm_applier *app, int threads, double t_start,
                  double t_read, double t_parse, double t_match);

/* ---- partial results (partial.c) ------------------------------------------- */

#define MM_PARTIAL_NAME "partial.myomine.gz"

uint64_t mm_partial_fingerprint(const mm_lexicon *lx);
int mm_partial_open(mm_applier *ap, const mm_lexicon *lx, mm_buf *err);
void mm_partial_begin_file(mm_applier *ap, int file);
void mm_partial_end_file(mm_applier *ap, const mm_infile *f);
void mm_partial_article(mm_applier *ap, const mm_item *it);
int mm_partial_close(mm_applier *ap, mm_buf *err);

typedef struct {
	char *dir;
	mm_reader *rd;
	char *buf;
	size_t len, pos, cap;
	mm_buf line;        /* the current line (no newline) */
	uint64_t lineno;
	int eof, ended;     /* ended: "#end" seen */
} mm_shard;

int mm_shard_line(mm_shard *sh);
int mm_shard_bad(mm_shard *sh, const char *what);
int mm_partial_parse_article(const char *s, mm_item *it, int n_concept);

/* ---- output files (write.c) ------------------------------------------------ */

typedef struct {
	const mm_lexicon *lx;
	const mm_counts *cn;
	const mm_opts *o;
	mm_buf err;
} mm_writer;

int mm_write_entities(mm_writer *w);
int mm_write_pairs(mm_writer *w);
int mm_write_matrix(mm_writer *w, int ta, int tb, int *dense_skipped);
int mm_write_mentions(mm_writer *w, mm_applier *ap);
int mm_write_by_year(mm_writer *w);
int mm_write_evidence(mm_writer *w, mm_applier *ap);
int mm_write_summary(mm_writer *w, mm_applier *ap, const mm_opts *o, int threads, int exit_status,
                     double t_wall, double t_read, double t_parse, double t_match, double t_count, double t_write,
                     int dense_skipped);
/* An anonymous spool file beside the outputs: it vanishes on any exit. */
FILE *mm_spool_open(const char *dir);

#endif
