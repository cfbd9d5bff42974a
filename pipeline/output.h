/* output.h -- the output directory, replaced as a whole.
 *
 * A run writes every output into a new hidden directory beside the output
 * directory OUT (PARENT/.OUT.myomine-new.PID) and mm_out_commit() swaps it
 * in with one renameat2(RENAME_EXCHANGE), after every file was written,
 * closed without error and fsynced; the previous directory is then
 * removed.  So OUT holds either the complete previous results or the
 * complete new ones, never a mix.  Where the file system lacks
 * RENAME_EXCHANGE (EINVAL, ENOSYS) two renames are used: OUT to
 * .OUT.myomine-old.PID, then the new directory to OUT; a run killed between
 * the two leaves OUT absent and the previous results under the -old name,
 * and the next run puts them back first.  SIGINT/SIGTERM/SIGHUP are held
 * during the swap, so a signal leaves old or new and its message says which.
 *
 * mm_out_init() takes an exclusive flock on PARENT/.OUT.myomine-lock (a
 * second run on the same OUT fails at once), removes the leftovers of
 * killed runs (.OUT.myomine-new.N and .OUT.myomine-old.N beside OUT) and
 * refuses an OUT that holds anything myomine did not write (it would be
 * lost with the old directory): OUT must be absent, empty, or hold only the
 * outputs of an earlier run (recognised by its summary.json).
 *
 * An output given as a path outside OUT (the mentions file,
 * --mentions=/elsewhere/m.tsv) is written to .NAME.myomine-tmp.PID beside
 * its final path and renamed into place on its own right after the swap; if
 * that rename fails, the swap is undone.
 *
 * Test hook: MYOMINE_TEST_FAULT=STEP:WHAT[,STEP:WHAT...] injects a fault at
 * a step of the commit (sync, swap, swap2, extern, cleanup): WHAT is fail
 * (the call fails with EIO), einval (swap only: as a file system without
 * RENAME_EXCHANGE), int, term or kill (that signal is raised just before the
 * step).  Read only by output.c; for the test suite.
 *
 * Not thread-safe: the main thread owns the output. */
#ifndef MM_OUTPUT_H
#define MM_OUTPUT_H

#include "util.h"

typedef struct mm_outfile mm_outfile;

/* Check and lock the output directory dir and create the new directory the
 * outputs are written to (see above).  mentions: the name of this run's
 * mentions file (accepted in dir as an earlier output), or NULL.  -1 with
 * a message on failure (nothing was changed). */
MM_WUR int mm_out_init(const char *dir, const char *mentions, mm_buf *err);
/* Open NAME (a file name inside the directory, or a path with '/', which
 * may lie outside it).  gz != 0 writes gzip. NULL with a message on
 * failure. */
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
/* Swap the new directory in (see above): 0, or -1 with a message (nothing
 * was changed).  A failure to remove the previous directory afterwards is
 * only warned about. */
MM_WUR int mm_out_commit(mm_buf *err);
/* Remove everything this run wrote (the new directory); OUT is untouched. */
void mm_out_abort(void);
/* Abort if not committed, forget every file, release the lock. */
void mm_out_free(void);
/* Install SIGINT/SIGTERM/SIGHUP handlers that abort (or, after the swap,
 * only say so) and exit 130/143/129. */
void mm_out_signals(void);
/* on != 0: stderr ends in a progress line (no newline), which the signal
 * handler ends before its message. */
void mm_out_progress(int on);
/* The directory the outputs are being written to (the new directory). */
const char *mm_out_dir(void);

#endif
