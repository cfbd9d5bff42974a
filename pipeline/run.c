/* run.c -- the pipeline of a run (run.h): the read step, the worker step,
 * the scheduler's callbacks and mm_run(). */
#include "runpriv.h"
#include "lexicon.h"
#include "match.h"
#include "split.h"
#include "schedule.h"
#include "text.h"

#include <errno.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ITEMS 65536
#define BATCH_MEMORY ((size_t)128 << 20) /* batches in memory at once, bytes */

/* ---- the read step ----------------------------------------------------------- */

typedef struct {
	mm_reader *rd;
	mm_splitter *sp;
	mm_buf msg;
	int opened;
} rstream;

typedef struct {
	mm_filelist *fl;
	rstream *rs;              /* one per file */
	mm_batch *b;                 /* the scheduler's slots */
	mm_format force;
	size_t batch_bytes, max_record;
} reader;

static mm_item *push_item(mm_batch *b, mm_item_type t, uint32_t file)
{
	if (b->n == b->m) { b->m = b->m ? b->m * 2 : 1024; b->it = mm_realloc(b->it, b->m * sizeof *b->it); }
	mm_item *it = &b->it[b->n++];
	memset(it, 0, sizeof *it);
	it->type = t;
	it->file = file;
	return it;
}

static void put_msg(mm_batch *b, mm_item *it, const char *m, size_t n)
{
	it->off = b->arena.l;
	it->len = n;
	mm_buf_put(&b->arena, m, n);
}

static void close_stream(rstream *s)
{
	mm_splitter_free(s->sp);
	mm_reader_close(s->rd);
	mm_buf_free(&s->msg);
	s->sp = NULL;
	s->rd = NULL;
}

/* Open file fi; on failure push an MM_IT_OPEN_FAIL item and return -1. */
static int open_stream(reader *r, int fi, mm_batch *b)
{
	rstream *s = &r->rs[fi];
	mm_infile *f = &r->fl->a[fi];
	char err[512];
	s->opened = 1;
	if (f->preset_err) {
		mm_item *it = push_item(b, MM_IT_OPEN_FAIL, (uint32_t)fi);
		put_msg(b, it, f->preset_err, strlen(f->preset_err));
		return -1;
	}
	s->rd = mm_reader_open(f->path, err, sizeof err);
	if (s->rd) s->sp = mm_splitter_new(s->rd, r->force, err, sizeof err);
	if (s->sp) {
		mm_splitter_set_max_record(s->sp, r->max_record);
		mm_splitter_hold(s->sp); /* records are not copied: the batch takes the buffer */
		return 0;
	}
	mm_item *it = push_item(b, MM_IT_OPEN_FAIL, (uint32_t)fi);
	put_msg(b, it, err, strlen(err));
	if (s->rd) it->in_bytes = mm_reader_in_bytes(s->rd);
	close_stream(s);
	return -1;
}

/* The size of file fi's next batch: batch_bytes, but half of what is left
 * near the end of the file (estimated from the compressed bytes left and the
 * ratio so far), down to 1 MB.  The last batch is processed after the last
 * read, so on one large file a smaller one shortens the run (the batches,
 * like everything else, do not depend on the thread count). */
static size_t tail_limit(const reader *r, int fi)
{
	const rstream *s = &r->rs[fi];
	uint64_t size = r->fl->a[fi].size, in = mm_reader_in_bytes(s->rd), out = mm_reader_out_bytes(s->rd);
	if (!size || !in || in >= size || r->batch_bytes <= ((size_t)2 << 20)) return r->batch_bytes;
	double left = (double)(size - in) * ((double)out / (double)in);
	if (left >= 2.0 * (double)r->batch_bytes) return r->batch_bytes;
	size_t half = (size_t)(left / 2);
	return half > ((size_t)1 << 20) ? half : (size_t)1 << 20;
}

/* Fill slot with the next records of file fi, up to batch_bytes; returns 1
 * when the file is done (its last item is MM_IT_FILE_END or MM_IT_OPEN_FAIL). Runs
 * beside the workers and beside the reads of other files; the scheduler
 * never runs two reads of one file at once. */
static int read_batch(reader *r, int fi, int slot, size_t *n_items)
{
	rstream *s = &r->rs[fi];
	mm_batch *b = &r->b[slot];
	double t0 = omp_get_wtime();
	int done = 0;
	b->n = 0;
	b->arena.l = 0;
	b->bytes = 0;
	if (!s->opened && open_stream(r, fi, b) < 0) done = 1;
	if (!done && b->data) { /* continue in this slot's window (faulted in already) */
		mm_splitter_take(s->sp, &b->data, &b->data_cap);
		free(b->data);
		b->data = NULL;
		b->data_cap = 0;
	}
	size_t limit = done ? 0 : tail_limit(r, fi);
	while (!done && b->bytes < limit && b->n < MAX_ITEMS) {
		mm_rawrec rec;
		s->msg.l = 0;
		/* PubMed XML: a batch that starts between records is one chunk,
		 * cut after the last record end tag, and split by its worker */
		mm_split_status st = b->n == 0 ? mm_splitter_next_chunk(s->sp, limit, &rec, &s->msg)
		                               : mm_splitter_next(s->sp, &rec, &s->msg);
		if (st == MM_SPLIT_RECORD) {
			mm_item *it = push_item(b, MM_IT_REC, (uint32_t)fi);
			it->kind = rec.kind;
			it->offset = rec.offset;
			it->line = rec.line;
			it->off = rec.at;
			it->len = rec.n;
			b->bytes += rec.n;
			if (rec.kind == MM_REC_CHUNK) { /* alone in its batch: one worker owns it */
				it->chunk_mcs = strcmp(mm_splitter_root(s->sp), "MedlineCitationSet") == 0;
				break;
			}
			continue;
		}
		if (st == MM_SPLIT_BADREC || st == MM_SPLIT_FATAL) {
			mm_item *it = push_item(b, st == MM_SPLIT_BADREC ? MM_IT_BAD : MM_IT_FATAL, (uint32_t)fi);
			put_msg(b, it, s->msg.s ? s->msg.s : "", s->msg.l);
			if (st == MM_SPLIT_BADREC) continue;
		}
		mm_item *it = push_item(b, MM_IT_FILE_END, (uint32_t)fi);
		it->in_bytes = mm_reader_in_bytes(s->rd);
		it->out_bytes = mm_reader_out_bytes(s->rd);
		it->fmt = mm_splitter_format(s->sp);
		mm_splitter_take(s->sp, &b->data, &b->data_cap); /* b->data is NULL: the */
		close_stream(s);                                   /* records' window comes back */
		done = 1;
	}
	/* The batch keeps the window with its records; the file keeps only its
	 * unfinished record until its next read lends it a slot's window again:
	 * so the windows are the slots' buffers, one each. */
	if (!done) mm_splitter_take(s->sp, &b->data, &b->data_cap);
	b->in_pos = done ? 0 : mm_reader_in_bytes(s->rd);
	b->out_pos = done ? 0 : mm_reader_out_bytes(s->rd);
	b->t_read = omp_get_wtime() - t0;
	*n_items = b->n;
	return done;
}

/* ---- the worker step ------------------------------------------------------------ */

/* One thread's state: reused from record to record. */
typedef struct {
	mm_doc d;
	mm_text t;
	mm_matcher *m;
	mm_facts_ctx *fc;         /* --facts */
	mm_buf out;
	mm_mention *tmp;
	size_t m_tmp;
	double t_parse, t_match;
	uint64_t n_docs;
} tstate;

typedef struct {
	const mm_lexicon *lx;
	int want_mentions, pubtator, evidence_text;
	size_t max_record;
	const mm_filter *filter;  /* NULL: none */
	int keep_negated, documents;
	mm_facts *fx;             /* --facts: the patterns (NULL: not asked for) */
	int with_mesh;            /* MM_MESH_* */
} wctx;

static void tstate_free(tstate *ts)
{
	mm_matcher_free(ts->m);
	mm_facts_ctx_free(ts->fc);
	mm_doc_free(&ts->d);
	mm_text_free(&ts->t);
	mm_buf_free(&ts->out);
	free(ts->tmp);
}

static int cmp_mention_cs(const void *x, const void *y)
{
	const mm_mention *a = x, *b = y;
	if (a->concept != b->concept) return a->concept < b->concept ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static void process(const wctx *w, mm_batch *b, mm_item *it, tstate *ts);

/* Split chunk `it` (alone in batch b, so this thread owns b) into its
 * records and messages, it->sub, and process the records.  The split time
 * counts as parsing. */
static void process_chunk(const wctx *w, mm_batch *b, mm_item *it, tstate *ts)
{
	double t0 = omp_get_wtime();
	mm_splitter *sp = mm_splitter_mem(b->data + it->off, it->len, it->offset,
	                                  it->chunk_mcs ? "MedlineCitationSet" : "PubmedArticleSet", w->max_record);
	mm_buf msg = {0};
	size_t m_sub = 0;
	for (;;) {
		mm_rawrec rec;
		msg.l = 0;
		mm_split_status st = mm_splitter_next(sp, &rec, &msg);
		if (st == MM_SPLIT_END) break;
		if (it->n_sub == m_sub) { m_sub = m_sub ? 2 * m_sub : 256; it->sub = mm_realloc(it->sub, m_sub * sizeof *it->sub); }
		mm_item *r = &it->sub[it->n_sub++];
		memset(r, 0, sizeof *r);
		r->file = it->file;
		if (st == MM_SPLIT_RECORD) {
			r->type = MM_IT_REC;
			r->kind = rec.kind;
			r->offset = rec.offset;
			r->off = it->off + rec.at;
			r->len = rec.n;
			ts->t_parse += omp_get_wtime() - t0;
			process(w, b, r, ts);
			t0 = omp_get_wtime();
			continue;
		}
		r->type = MM_IT_BAD; /* a fatal error inside a chunk loses only the rest of the chunk */
		put_msg(b, r, msg.s ? msg.s : "", msg.l);
		if (st == MM_SPLIT_FATAL) break;
	}
	mm_buf_free(&msg);
	mm_splitter_free(sp);
	ts->t_parse += omp_get_wtime() - t0;
}

/* Parse record it into ts->d: 0, or -1 with it->err set. */
static int parse_record(const mm_batch *b, mm_item *it, tstate *ts)
{
	const char *p = b->data + it->off;
	mm_doc *d = &ts->d;
	int rc;
	if (it->kind == MM_REC_MEDLINE) rc = mm_medline_parse(p, it->len, d);
	else if (it->kind == MM_REC_PUBTATOR) rc = mm_pubtator_parse(p, it->len, d);
	else rc = mm_pubmed_parse(p, it->len, it->kind, d);
	it->bad_utf8 = d->bad_utf8;
	it->bad_refs = d->bad_refs;
	it->ok = rc == 0;
	if (rc < 0) it->err = mm_strdup(d->err.s ? d->err.s : "malformed record");
	return rc < 0 ? -1 : 0;
}

/* The hits of a document, it->hit: one per (concept, sentence), with its
 * mentions counted as n (not negated) and neg (negated; --keep-negated adds
 * them when counting, so a partial result does not depend on the option). */
static void collect_hits(mm_item *it, const mm_mention *mt, size_t nm, tstate *ts)
{
	if (nm > ts->m_tmp) { ts->m_tmp = nm; ts->tmp = mm_realloc(ts->tmp, nm * sizeof *ts->tmp); }
	mm_mention *tmp = ts->tmp;
	memcpy(tmp, mt, nm * sizeof *tmp);
	qsort(tmp, nm, sizeof *tmp, cmp_mention_cs);
	it->hit = mm_malloc(nm * sizeof *it->hit);
	uint32_t nh = 0;
	for (size_t i = 0; i < nm; ++i) {
		if (!nh || it->hit[nh - 1].concept != tmp[i].concept || it->hit[nh - 1].sent != tmp[i].sent) {
			it->hit[nh] = (mm_hit){ tmp[i].concept, tmp[i].sent, tmp[i].sec, 0, 0 };
			nh++;
		}
		if (tmp[i].negated) it->hit[nh - 1].neg++;
		else it->hit[nh - 1].n++;
	}
	it->n_hit = nh;
}

/* --facts: the document's facts.tsv lines and summary, it->facts and it->fsum */
static void collect_facts(mm_item *it, const mm_doc *d, tstate *ts)
{
	const mm_fact *f;
	size_t n = mm_facts_extract(ts->fc, d, &ts->t, &f);
	if (!n) return;
	ts->out.l = 0;
	mm_facts_format(&ts->out, d, f, n);
	it->facts = mm_malloc(sizeof *it->facts + ts->out.l);
	mm_facts_summarise(f, n, &it->facts->fsum);
	it->facts->len = ts->out.l;
	memcpy(it->facts->lines, ts->out.s, ts->out.l);
}

/* The filters but --require, on record it (parsed into d): 1 when it
 * fails them (it->fail), 0 when it passes; a PubTator record under a filter
 * that needs indexing PubTator lacks fails to parse, since judging it
 * would drop it silently. */
static int filter_record(const wctx *w, mm_item *it, const mm_doc *d)
{
	unsigned meta = mm_filter_kinds(w->filter) & MM_FILT_META_KINDS;
	if (it->kind == MM_REC_PUBTATOR && meta) {
		int k = 0;
		while (!(meta >> k & 1)) ++k;
		mm_buf m = {0};
		mm_buf_printf(&m, "PubTator has no MeSH headings, publication types, language, journal or year: %s cannot judge "
		              "its documents (with PubTator input filter by --pmids, --exclude-pmids or --require)", mm_filter_option[k]);
		it->ok = 0;
		it->err = m.s;
		return 1;
	}
	it->fail = mm_filter_doc(w->filter, d);
	return it->fail != 0;
}

/* Parse, normalise and match one item (records only; a chunk is split
 * first), filling its results for the apply step.  Runs on any thread. */
static void process(const wctx *w, mm_batch *b, mm_item *it, tstate *ts)
{
	if (it->type != MM_IT_REC) return;
	if (it->kind == MM_REC_CHUNK) { process_chunk(w, b, it, ts); return; }
	double t0 = omp_get_wtime();
	int rc = parse_record(b, it, ts);
	double t1 = omp_get_wtime();
	ts->t_parse += t1 - t0;
	if (rc < 0) return;
	mm_doc *d = &ts->d;
	if (it->kind == MM_REC_DELETE) {
		it->n_del = d->n_del;
		if (d->n_del) {
			it->del = mm_malloc((size_t)d->n_del * sizeof *it->del);
			memcpy(it->del, d->del_pmid, (size_t)d->n_del * sizeof *it->del);
		}
		return;
	}
	it->pmid = d->pmid;
	it->version = d->version;
	it->year = d->year;
	it->has_abs = d->has_abstract;
	ts->n_docs++;
	if (w->filter && filter_record(w, it, d)) return; /* fails: neither matched nor counted */
	mm_text_build(&ts->t, d);
	it->n_sent = (uint32_t)ts->t.sent_s.n;
	const mm_mention *mt;
	size_t nm = mm_match(ts->m, d, &ts->t, &mt);
	if (nm) collect_hits(it, mt, nm, ts);
	mm_buf *o = &ts->out;
	if (w->filter && (it->fail = mm_filter_hits(w->filter, it->hit, it->n_hit, w->keep_negated))) {
		free(it->hit);
		it->hit = NULL;
		it->n_hit = 0;
		ts->t_match += omp_get_wtime() - t1;
		return;
	}
	if (w->documents) {
		o->l = 0;
		mm_documents_row(o, w->lx, d, it->hit, it->n_hit);
		it->docrow = mm_strndup(o->s, o->l);
		it->docrow_len = o->l;
	}
	if (w->evidence_text && it->n_hit > 1) {
		o->l = 0;
		mm_format_evidence_text(o, d, &ts->t, it->hit, it->n_hit);
		if (o->l) { it->evtext = mm_strndup(o->s, o->l); it->evtext_len = o->l; }
	}
	if (w->want_mentions && nm) {
		o->l = 0;
		if (w->pubtator) mm_format_mentions_pubtator(o, w->lx, d, mt, nm);
		else mm_format_mentions_tsv(o, w->lx, d, mt, nm);
		it->out = mm_strndup(o->s, o->l);
		it->out_len = o->l;
	}
	if (w->fx) collect_facts(it, d, ts);
	if (w->with_mesh) {
		o->l = 0;
		mm_mesh_doc(o, d, w->with_mesh);
		if (o->l) { it->mesh = mm_strndup(o->s, o->l); it->mesh_len = o->l; }
	}
	ts->t_match += omp_get_wtime() - t1;
}

/* ---- the scheduler's callbacks (schedule.h) ----------------------------------- */

typedef struct {
	reader *rd;
	wctx *w;
	mm_applier *ap;
	tstate *ts;
	const mm_opts *o;
	int threads;
	mm_lexicon *lx;           /* set by prepare_cb() */
} run_ctx;

static int read_batch_cb(void *ctx, int fi, int slot, size_t *n_items)
{
	return read_batch(((run_ctx *)ctx)->rd, fi, slot, n_items);
}

static void process_cb(void *ctx, int slot, size_t from, size_t to, int thread)
{
	run_ctx *c = ctx;
	mm_batch *b = &c->rd->b[slot];
	for (size_t i = from; i < to; ++i) process(c->w, b, &b->it[i], &c->ts[thread]);
}

static void apply_cb(void *ctx, int slot)
{
	run_ctx *c = ctx;
	mm_apply_batch(c->ap, &c->rd->b[slot]);
}

/* Load the lexicon and open the outputs, while other threads already read
 * the first batches (a 100,000-name lexicon takes about 0.3 s).  Returns 0,
 * or the exit status after saying why: 2 for the lexicon (or a --require
 * value it lacks), 3 for the
 * output directory. */
static int prepare_cb(void *ctx)
{
	run_ctx *c = ctx;
	const mm_opts *o = c->o;
	mm_applier *ap = c->ap;
	mm_buf err = {0};
	int rc = 0;
	mm_lexicon *lx = mm_lexicon_open(o->lexicon, o->cache_dir, &ap->lc, &err);
	if (!lx) rc = 2;
	else if (o->with_mesh && mm_mesh_type_clash(lx, &err)) rc = 2;
	else if (o->filter && mm_filter_resolve(o->filter, lx, &err) < 0) rc = 2; /* --require */
	else if (mm_out_init(o->outdir, o->mentions, &err) < 0) rc = 3;
	else {
		mm_out_signals();
		if ((o->mentions && !(ap->spool = mm_spool_open(mm_out_dir()))) || (o->evidence_text && !(ap->evspool = mm_spool_open(mm_out_dir())))) {
			mm_buf_printf(&err, "%s: cannot create a temporary file: %s", mm_out_dir(), strerror(errno));
			rc = 3;
		} else if (o->facts && (!(ap->fspool = mm_spool_open(mm_out_dir())) || !(ap->fsumspool = mm_spool_open(mm_out_dir())))) {
			mm_buf_printf(&err, "%s: cannot create a temporary file: %s", mm_out_dir(), strerror(errno));
			rc = 3;
		} else if (o->facts && !(c->w->fx = mm_facts_new(&err))) {
			mm_out_abort();
			rc = 2;
		} else if (o->partial && (ap->part.facts = o->facts != NULL, ap->part.mesh = o->with_mesh, mm_partial_open(&ap->part, lx, &err) < 0)) {
			mm_out_abort();
			rc = 3;
		} else if (o->documents && !(ap->docspool = mm_spool_open(mm_out_dir()))) {
			mm_buf_printf(&err, "%s: cannot create a temporary file: %s", mm_out_dir(), strerror(errno));
			rc = 3;
		} else if (ap->part.f) {
			mm_partial_put_filters(&ap->part.buf, ap->filter);
			char **paths = mm_malloc((size_t)(ap->fl->n ? ap->fl->n : 1) * sizeof *paths);
			for (int i = 0; i < ap->fl->n; ++i) paths[i] = ap->fl->a[i].path;
			mm_partial_put_inputs(&ap->part.buf, paths, ap->fl->n);
			free(paths);
		}
	}
	if (rc) {
		mm_warn("%s", err.s ? err.s : "error");
		mm_buf_free(&err);
		mm_lexicon_free(lx);
		return rc;
	}
	mm_buf_free(&err);
	c->lx = lx;
	c->w->lx = lx;
	if (o->with_mesh) {
		ap->mesh = mm_malloc(sizeof *ap->mesh);
		mm_mesh_init(ap->mesh, o->with_mesh, (uint32_t)lx->n_concept);
	}
	for (int i = 0; i < c->threads; ++i) c->ts[i].m = mm_matcher_new(lx);
	if (o->facts)
		for (int i = 0; i < c->threads; ++i) c->ts[i].fc = mm_facts_ctx_new(c->w->fx);
	return 0;
}

/* ---- the job --------------------------------------------------------------- */

int mm_run(const mm_opts *o)
{
	double t_start = mm_realtime();
	mm_filelist fl = {0};
	mm_files_collect(&fl, o->inputs, o->n_inputs);
	if (fl.n == 0) { /* only directories, none with an input file: a usage error, nothing changed */
		for (int i = 0; i < o->n_inputs; ++i) mm_warn("%s: no input file in this directory (none named *.xml, *.xml.gz, *.txt, ...; see --help)", o->inputs[i]);
		mm_files_free(&fl);
		return 2;
	}
	int threads = o->threads > 0 ? o->threads : omp_get_num_procs();
	omp_set_dynamic(0);

	mm_applier ap = {0};
	ap.fl = &fl;
	ap.store = mm_store_new();
	ap.progress = !o->quiet && isatty(2);
	ap.t_start = ap.t_last = t_start;
	for (int i = 0; i < fl.n; ++i) ap.total_size += fl.a[i].size;
	ap.part.file = -1;
	reader rd = {0};
	rd.fl = &fl;
	rd.force = o->format;
	rd.batch_bytes = o->batch_bytes;
	rd.max_record = o->max_record;
	wctx w = { NULL, o->mentions != NULL, o->mentions_pubtator, o->evidence_text, o->max_record,
	           mm_filter_kinds(o->filter) ? o->filter : NULL, o->keep_negated, o->documents != NULL, NULL, o->with_mesh };
	tstate *ts = mm_calloc((size_t)threads, sizeof *ts); /* matchers: prepare_cb() */
	unsigned want_meta = (mm_filter_kinds(o->filter) & MM_FILT_META_KINDS) || o->documents ? MM_META_ALL
	                   : o->with_mesh ? MM_META_MESH : 0;
	for (int i = 0; i < threads; ++i) ts[i].d.want_meta = want_meta;
	ap.filter = w.filter;

	/* Batches in memory: with several threads, 6 per thread + 1 so that
	 * the next files are read ahead in the gaps (a single gzip stream
	 * reads slower than the other threads process it: without read-ahead
	 * they wait at the end of each file); capped at BATCH_MEMORY. Files
	 * read at once: up to one per two slots. */
	int slots = threads == 1 ? 3 : 6 * threads + 1, cap = (int)(BATCH_MEMORY / (o->batch_bytes ? o->batch_bytes : 1));
	if (slots > cap) slots = cap > 3 ? cap : 3;
	run_ctx rc = { &rd, &w, &ap, ts, o, threads, NULL };
	rd.b = mm_calloc((size_t)slots, sizeof *rd.b);
	rd.rs = mm_calloc(fl.n ? (size_t)fl.n : 1, sizeof *rd.rs);
	mm_sched sc = { &rc, fl.n, slots, slots / 2 < fl.n ? slots / 2 : (fl.n ? fl.n : 1), read_batch_cb, process_cb, apply_cb,
	                prepare_cb };
	if (threads == 1) sc.max_open = 1;
	int failed = mm_sched_run(&sc, threads);
	if (!failed) {
		mm_progress_line(&ap, 1);
		mm_progress_clear(&ap);
	}
	for (int i = 0; i < threads; ++i) {
		if (ts[i].m && rc.lx && rc.lx->n_pattern) { /* summed in thread order: the same totals at any -t */
			const uint64_t *h = mm_matcher_limit_hits(ts[i].m);
			if (!ap.limit_hits) ap.limit_hits = mm_calloc((size_t)rc.lx->n_pattern, sizeof *ap.limit_hits);
			for (int k = 0; k < rc.lx->n_pattern; ++k) ap.limit_hits[k] += h[k];
		}
		ap.t.parse += ts[i].t_parse;
		ap.t.match += ts[i].t_match;
		tstate_free(&ts[i]);
	}
	free(ts);
	mm_facts_free(w.fx);
	for (int k = 0; k < slots; ++k) { free(rd.b[k].it); mm_buf_free(&rd.b[k].arena); free(rd.b[k].data); }
	free(rd.b);
	if (failed) {
		/* no batch was processed or applied: close what the reads opened */
		for (int i = 0; i < fl.n; ++i) close_stream(&rd.rs[i]);
		free(rd.rs);
		if (ap.spool) fclose(ap.spool);
		if (ap.evspool) fclose(ap.evspool);
		if (ap.fspool) fclose(ap.fspool);
		if (ap.fsumspool) fclose(ap.fsumspool);
		if (ap.docspool) fclose(ap.docspool);
		mm_store_free(ap.store);
		if (ap.mesh) mm_mesh_free(ap.mesh);
		free(ap.mesh);
		mm_files_free(&fl);
		mm_out_free();
		free(ap.lc.file);
		free(ap.limit_hits);
		return failed;
	}
	free(rd.rs);
	return mm_run_finish(o, rc.lx, &fl, &ap, threads, t_start);
}
