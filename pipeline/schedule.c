/* schedule.c -- see schedule.h */
#include "schedule.h"
#include "util.h"

#include <omp.h>
#include <pthread.h>
#include <stdlib.h>

enum { SL_FREE, SL_READING, SL_READY, SL_APPLYING };

typedef struct {
	int state, stream;
	unsigned seq;              /* the batch's number within its stream */
	size_t n, next, done;      /* items; next to hand out; processed */
} slot;

typedef struct {
	unsigned n_read, n_applied; /* batches read, applied */
	int reading, ended;        /* a read runs; the last batch has been read */
} stream;

typedef struct {
	const mm_sched *s;
	int threads;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	slot *sl;
	stream *st;
	int head;                  /* first stream not completely applied */
	int applying;
	int prep;                  /* prepare(): P_TODO .. P_FAILED */
	int prep_rc;
} sched;

enum { P_TODO, P_RUNNING, P_DONE, P_FAILED };

typedef enum { J_NONE, J_DONE, J_PREPARE, J_APPLY, J_READ, J_PROCESS } job_kind;
typedef struct { job_kind kind; int slot; size_t from, to; } job;

static int free_slot(const sched *x)
{
	for (int i = 0; i < x->s->n_slots; ++i) if (x->sl[i].state == SL_FREE) return i;
	return -1;
}

static int n_free(const sched *x)
{
	int n = 0;
	for (int i = 0; i < x->s->n_slots; ++i) n += x->sl[i].state == SL_FREE;
	return n;
}

static job start_read(sched *x, int s)
{
	int i = free_slot(x);
	slot *b = &x->sl[i];
	b->state = SL_READING;
	b->stream = s;
	b->seq = x->st[s].n_read;
	x->st[s].reading = 1;
	return (job){ J_READ, i, 0, 0 };
}

/* The next job, by priority: preparing; applying frees a slot; reading the
 * first stream is the critical path; processing; reading ahead in later
 * streams (never into the last free slot: that one is the first stream's).
 * Until prepare() is done only reads run.  Called with the lock held. */
static job pick(sched *x)
{
	const mm_sched *s = x->s;
	if (x->prep == P_FAILED) return (job){ J_DONE, -1, 0, 0 };
	if (x->prep == P_TODO) {
		x->prep = P_RUNNING;
		return (job){ J_PREPARE, -1, 0, 0 };
	}
	int ready = x->prep == P_DONE;
	while (x->head < s->n_streams && x->st[x->head].ended && x->st[x->head].n_applied == x->st[x->head].n_read) x->head++;
	if (x->head == s->n_streams) return (job){ J_DONE, -1, 0, 0 };
	stream *h = &x->st[x->head];
	if (ready && !x->applying)
		for (int i = 0; i < s->n_slots; ++i) {
			slot *b = &x->sl[i];
			if (b->state == SL_READY && b->stream == x->head && b->seq == h->n_applied && b->done == b->n) {
				b->state = SL_APPLYING;
				x->applying = 1;
				return (job){ J_APPLY, i, 0, 0 };
			}
		}
	int nf = n_free(x);
	/* While preparing, read no more than the threads take up right after:
	 * batches beyond that would fill fresh memory, and first touches of
	 * memory cost more than the early reads save (100k-name lexicon, -t 2:
	 * 2.30 s with 3 slots in use during the load, 2.64 s with all 13). */
	if (!ready && s->n_slots - nf >= x->threads + 1) return (job){ J_NONE, -1, 0, 0 };
	if (!h->reading && !h->ended && nf >= 1) return start_read(x, x->head);
	int best = -1;
	for (int i = 0; i < s->n_slots && ready; ++i) {
		slot *b = &x->sl[i];
		if (b->state != SL_READY || b->next == b->n) continue;
		if (best < 0 || b->stream < x->sl[best].stream || (b->stream == x->sl[best].stream && b->seq < x->sl[best].seq)) best = i;
	}
	if (best >= 0) {
		slot *b = &x->sl[best];
		size_t chunk = (b->n + 4 * (size_t)x->threads - 1) / (4 * (size_t)x->threads);
		job j = { J_PROCESS, best, b->next, b->next + chunk < b->n ? b->next + chunk : b->n };
		b->next = j.to;
		return j;
	}
	int last = x->head + s->max_open < s->n_streams ? x->head + s->max_open : s->n_streams;
	for (int k = x->head + 1; k < last && nf >= 2; ++k)
		if (!x->st[k].reading && !x->st[k].ended) return start_read(x, k);
	return (job){ J_NONE, -1, 0, 0 };
}

static void worker(sched *x, int thread)
{
	const mm_sched *s = x->s;
	pthread_mutex_lock(&x->mu);
	for (;;) {
		job j = pick(x);
		if (j.kind == J_DONE) break;
		if (j.kind == J_NONE) { pthread_cond_wait(&x->cv, &x->mu); continue; }
		if (j.kind == J_PREPARE) {
			pthread_mutex_unlock(&x->mu);
			int rc = s->prepare(s->ctx);
			pthread_mutex_lock(&x->mu);
			x->prep_rc = rc;
			x->prep = rc ? P_FAILED : P_DONE;
			pthread_cond_broadcast(&x->cv);
			continue;
		}
		slot *b = &x->sl[j.slot];
		pthread_mutex_unlock(&x->mu);
		size_t n = 0;
		int last = 0;
		if (j.kind == J_READ) last = s->read(s->ctx, b->stream, j.slot, &n);
		else if (j.kind == J_PROCESS) s->process(s->ctx, j.slot, j.from, j.to, thread);
		else s->apply(s->ctx, j.slot);
		pthread_mutex_lock(&x->mu);
		if (j.kind == J_READ) {
			stream *st = &x->st[b->stream];
			st->reading = 0;
			st->n_read++;
			st->ended = last;
			b->n = n;
			b->next = b->done = 0;
			b->state = SL_READY;
		} else if (j.kind == J_PROCESS) {
			b->done += j.to - j.from;
		} else {
			x->st[b->stream].n_applied++;
			b->state = SL_FREE;
			x->applying = 0;
		}
		pthread_cond_broadcast(&x->cv);
	}
	pthread_cond_broadcast(&x->cv);
	pthread_mutex_unlock(&x->mu);
}

int mm_sched_run(const mm_sched *s, int threads)
{
	sched x = { .s = s, .threads = threads > 0 ? threads : 1, .prep = s->prepare ? P_TODO : P_DONE };
	pthread_mutex_init(&x.mu, NULL);
	pthread_cond_init(&x.cv, NULL);
	x.sl = mm_calloc((size_t)s->n_slots, sizeof *x.sl);
	x.st = mm_calloc(s->n_streams > 0 ? (size_t)s->n_streams : 1, sizeof *x.st);
#pragma omp parallel num_threads(x.threads)
	worker(&x, omp_get_thread_num());
	free(x.sl);
	free(x.st);
	pthread_cond_destroy(&x.cv);
	pthread_mutex_destroy(&x.mu);
	return x.prep_rc;
}
