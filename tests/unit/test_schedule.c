/* The ordered batch scheduler (schedule.h): every item processed once, batches
 * applied in stream order and read order, one read per stream at a time and
 * one apply at a time, for any thread, slot and open-stream count. */
#include "test.h"
#include "../../pipeline/schedule.h"

#include <stdatomic.h>
#include <stdlib.h>

#define N_STREAMS 9
#define MAX_SLOTS 6
#define MAX_BATCH 40

typedef struct {
	int stream, seq;
	size_t n;
	atomic_int done[MAX_BATCH];
} tslot;

typedef struct {
	tslot slot[MAX_SLOTS];
	int next_seq[N_STREAMS];
	atomic_int reading[N_STREAMS];
	atomic_int applying, bad, prepared, processed;
	int prep_rc;
	int log_stream[1024], log_seq[1024], n_log;
	unsigned long spin;
} tctx;

/* Stream k has 1 + k % 4 batches (stream 0 a single one); batch sizes vary,
 * some are empty. */
static int n_batches(int k) { return 1 + k % 4; }
static size_t batch_size(int k, int seq) { return (size_t)((k * 7 + seq * 13) % MAX_BATCH); }

static void busy(tctx *c, int n)
{
	volatile unsigned long x = 0;
	for (int i = 0; i < n * 200; ++i) x += (unsigned long)i;
	(void)x; (void)c;
}

static int t_read(void *ctx, int stream, int slot, size_t *n)
{
	tctx *c = ctx;
	if (atomic_fetch_add(&c->reading[stream], 1) != 0) atomic_store(&c->bad, 1);
	tslot *s = &c->slot[slot];
	s->stream = stream;
	s->seq = c->next_seq[stream]++;
	s->n = batch_size(stream, s->seq);
	for (size_t i = 0; i < s->n; ++i) atomic_store(&s->done[i], 0);
	busy(c, (stream * 5 + s->seq) % 7);
	*n = s->n;
	int last = s->seq + 1 == n_batches(stream);
	atomic_fetch_sub(&c->reading[stream], 1);
	return last;
}

/* prepare(): slow, so that reads run beside it; process and apply check
 * it has finished */
static int t_prepare(void *ctx)
{
	tctx *c = ctx;
	busy(c, 500);
	atomic_store(&c->prepared, 1);
	return c->prep_rc;
}

static void t_process(void *ctx, int slot, size_t from, size_t to, int thread)
{
	tctx *c = ctx;
	atomic_fetch_add(&c->processed, 1);
	if (!atomic_load(&c->prepared)) atomic_store(&c->bad, 1);
	for (size_t i = from; i < to; ++i) { atomic_fetch_add(&c->slot[slot].done[i], 1); busy(c, (int)(i % 3)); }
}

static void t_apply(void *ctx, int slot)
{
	tctx *c = ctx;
	if (atomic_fetch_add(&c->applying, 1) != 0) atomic_store(&c->bad, 1);
	if (!atomic_load(&c->prepared)) atomic_store(&c->bad, 1);
	tslot *s = &c->slot[slot];
	for (size_t i = 0; i < s->n; ++i) if (atomic_load(&s->done[i]) != 1) atomic_store(&c->bad, 1);
	if (c->n_log < 1024) { c->log_stream[c->n_log] = s->stream; c->log_seq[c->n_log] = s->seq; c->n_log++; }
	atomic_fetch_sub(&c->applying, 1);
}

void test_sched(void)
{
	static const int threads[] = { 1, 2, 3, 8 }, slots[] = { 2, 3, 6 }, open[] = { 1, 2, 5 };
	for (int a = 0; a < 4; ++a)
		for (int b = 0; b < 3; ++b)
			for (int o = 0; o < 3; ++o)
			for (int p = 0; p < 2; ++p) {
				tctx *c = calloc(1, sizeof *c);
				mm_sched s = { c, N_STREAMS, slots[b], open[o], t_read, t_process, t_apply, p ? t_prepare : NULL };
				if (!p) atomic_store(&c->prepared, 1);
				int rc = mm_sched_run(&s, threads[a]);
				int ok = !atomic_load(&c->bad) && rc == 0, k = 0;
				for (int st = 0; st < N_STREAMS; ++st)
					for (int q = 0; q < n_batches(st); ++q, ++k)
						ok &= k < c->n_log && c->log_stream[k] == st && c->log_seq[k] == q;
				ok &= k == c->n_log;
				if (!ok) fprintf(stderr, "sched: threads %d slots %d open %d prepare %d\n", threads[a], slots[b], open[o], p);
				CHECK(ok);
				free(c);
			}
	/* a failing prepare(): its status back, nothing processed or applied */
	for (int a = 0; a < 4; ++a) {
		tctx *c = calloc(1, sizeof *c);
		c->prep_rc = 5;
		mm_sched s = { c, N_STREAMS, 3, 2, t_read, t_process, t_apply, t_prepare };
		CHECK_INT(mm_sched_run(&s, threads[a]), 5);
		CHECK_INT(c->n_log, 0);
		CHECK_INT(atomic_load(&c->processed), 0);
		free(c);
	}
	/* no streams at all */
	tctx *c = calloc(1, sizeof *c);
	mm_sched s = { c, 0, 2, 1, t_read, t_process, t_apply, NULL };
	CHECK_INT(mm_sched_run(&s, 2), 0);
	CHECK_INT(c->n_log, 0);
	free(c);
}
