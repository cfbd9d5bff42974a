/* output.h -- atomic output files.
 *
 * Every output is written to a hidden temporary file in the output
 * directory and renamed into place only by mm_out_commit(), after every
 * file of the run has been written and closed without error and then
 * fsynced (all together, at commit); summary.json is renamed last, then
 * the directory is fsynced.  mm_out_abort() (also run from SIGINT/SIGTERM and on
 * any write error) removes the temporaries, so a failed run leaves the
 * previous complete results untouched and no partial file.  After a
 * commit, outputs of an earlier run that this run did not produce (e.g. a
 * matrix for a type no longer in the lexicon) are removed, so the
 * directory never mixes two runs.  Not thread-safe: the main thread owns
 * the output. */
#ifndef MM_OUTPUT_H
#define MM_OUTPUT_H

#include "util.h"

typedef struct mm_outfile mm_outfile;

/* Create the directory if needed. -1 with a message on failure. */
MM_WUR int mm_out_init(const char *dir, mm_buf *err);
/* Open NAME (a file name inside the directory, or a path with '/').
 * gz != 0 writes gzip. NULL with a message on failure. */
MM_WUR mm_outfile *mm_out_open(const char *name, int gz, mm_buf *err);
/* Write n bytes: 0, or -1 on error.  An error is remembered and reported
 * by mm_out_close(), so a caller may check only the close. */
int mm_out_write(mm_outfile *f, const void *p, size_t n);
static inline int mm_out_buf(mm_outfile *f, mm_buf *b)
{
	int r = mm_out_write(f, b->s ? b->s : "", b->l);
	b->l = 0;
	return r;
}
/* Flush and close (checked). -1 with a message when anything failed. */
MM_WUR int mm_out_close(mm_outfile *f, mm_buf *err);
/* Rename every file into place (see above): 0, or -1 with a message. */
MM_WUR int mm_out_commit(mm_buf *err);
void mm_out_abort(void);
/* Forget every file (after commit or abort); frees the registry. */
void mm_out_free(void);
/* Install SIGINT/SIGTERM/SIGHUP handlers that abort and exit 130/143. */
void mm_out_signals(void);
/* on != 0: stderr ends in a progress line (no newline), which the signal
 * handler ends before its message. */
void mm_out_progress(int on);
const char *mm_out_dir(void);

#endif
