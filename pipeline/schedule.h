/* schedule.h -- an ordered batch pipeline over several input streams.
 *
 * The input is a sequence of streams (files), each a sequence of batches.
 * Three kinds of work, run by a team of threads:
 *   read     fill a free batch slot with the next batch of one stream; the
 *            reads of one stream run one at a time, in order; up to
 *            max_open streams (the first ones not yet applied) are read at
 *            once, so several files inflate in parallel;
 *   process  items of any batch that has been read, in parallel;
 *   apply    whole batches, one at a time, strictly in order: stream by
 *            stream, and within a stream in the order they were read.
 * So the apply step sees exactly the sequence that one thread reading the
 * streams one after the other would produce, whatever the thread count.
 *
 * Memory: n_slots batches at most exist at once. One slot is always left
 * for the first unapplied stream (the others may not take the last free
 * one), so the apply step can always advance: no deadlock for n_slots >= 2.
 *
 * Preparation: an optional prepare() (e.g. loading the lexicon) runs once,
 * first, on one thread; reads (into at most threads + 1 slots) run beside
 * it, process() and apply() only after it has succeeded.  If it fails, no
 * further job starts.
 *
 * Threads: mm_sched_run() starts `threads` threads (OpenMP) and returns when
 * every stream has been read, processed and applied, or prepare() failed.
 * The callbacks run concurrently with each other, except that read() of one
 * stream and apply() are each never run twice at once. */
#ifndef MM_SCHEDULE_H
#define MM_SCHEDULE_H

#include "util.h"
#include <stddef.h>

typedef struct {
	void *ctx;
	int n_streams;
	int n_slots;     /* >= 2 */
	int max_open;    /* >= 1: streams read at once */
	/* Fill slot with the next batch of stream; return its item count in
	 * *n_items (may be 0) and 1 when this is the stream's last batch. */
	int (*read)(void *ctx, int stream, int slot, size_t *n_items);
	/* Process items [from, to) of slot; thread is 0..threads-1. */
	void (*process)(void *ctx, int slot, size_t from, size_t to, int thread);
	/* Apply slot's results; the slot is free again afterwards. */
	void (*apply)(void *ctx, int slot);
	/* Optional (may be NULL): run once before any process() or apply();
	 * returns 0, or non-zero to stop. */
	int (*prepare)(void *ctx);
} mm_sched;

/* Returns prepare()'s result: 0 (also without a prepare()) when every
 * stream has been read, processed and applied; non-zero when prepare()
 * failed, after which batches may have been read but none processed or
 * applied. */
int mm_sched_run(const mm_sched *s, int threads) MM_WUR;

#endif
