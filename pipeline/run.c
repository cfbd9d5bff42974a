/* run.c -- see run.h */
#include "run.h"
#include "store.h"
#include "input.h"
#include "lexicon.h"
#include "lexcache.h"
#include "match.h"
#include "output.h"
#include "split.h"
#include "schedule.h"
#include "stats.h"
#include "text.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ERRORS_SHOWN 10
#define MAX_ITEMS 65536
#define BATCH_MEMORY ((size_t)128 << 20) /* batches in memory at once, bytes */

/* ---- input files ------------------------------------------------------ */

enum { FS_PENDING = 0, FS_OK, FS_ERROR, FS_FAILED, FS_SKIPPED };
static const char *fs_name[] = { "pending", "ok", "error", "failed", "skipped" };

typedef struct {
	char *path;
	char *preset_err;       /* could not even be listed/opened */
	int from_dir, gz_name;
	uint64_t size;
	dev_t dev;
	ino_t ino;
	/* filled by the merge step */
	int status;
	mm_format fmt;
	uint64_t in_bytes, out_bytes, records, docs, failed, deletes, bad_utf8, bad_refs;
	int n_err;
	char *err[MAX_ERRORS_SHOWN];
} mfile;

typedef struct { mfile *a; int n, m; } filelist;

static const char *exts[] = { ".xml", ".xml.gz", ".txt", ".txt.gz", ".medline", ".medline.gz", ".pubtator", ".pubtator.gz", NULL };

static int ends_with(const char *s, const char *e)
{
	size_t a = strlen(s), b = strlen(e);
	return a >= b && strcmp(s + a - b, e) == 0;
}

static mfile *add_file(filelist *fl, const char *path, int from_dir)
{
	if (fl->n == fl->m) { fl->m = fl->m ? fl->m * 2 : 64; fl->a = mm_realloc(fl->a, (size_t)fl->m * sizeof *fl->a); }
	mfile *f = &fl->a[fl->n++];
	memset(f, 0, sizeof *f);
	f->path = mm_strdup(path);
	f->from_dir = from_dir;
	f->gz_name = ends_with(path, ".gz");
	return f;
}

static void walk_dir(filelist *fl, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		mfile *f = add_file(fl, dir, 1);
		mm_buf e = {0};
		mm_buf_printf(&e, "cannot open directory: %s", strerror(errno));
		f->preset_err = e.s;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.') continue;
		mm_buf p = {0};
		mm_buf_printf(&p, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", de->d_name);
		struct stat st;
		if (stat(p.s, &st) < 0) {
			mfile *f = add_file(fl, p.s, 1);
			mm_buf e = {0};
			mm_buf_printf(&e, "cannot open: %s", strerror(errno));
			f->preset_err = e.s;
		} else if (S_ISDIR(st.st_mode)) {
			walk_dir(fl, p.s);
		} else {
			int ok = 0;
			for (int i = 0; exts[i] && !ok; ++i) ok = ends_with(de->d_name, exts[i]);
			if (ok) {
				mfile *f = add_file(fl, p.s, 1);
				f->size = (uint64_t)st.st_size;
				f->dev = st.st_dev;
				f->ino = st.st_ino;
			}
		}
		mm_buf_free(&p);
	}
	closedir(d);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int cmp_file(const void *x, const void *y)
{
	const mfile *a = x, *b = y;
	int c = strcmp(base_name(a->path), base_name(b->path));
	return c ? c : strcmp(a->path, b->path);
}

static void collect_inputs(filelist *fl, char **inputs, int n)
{
	for (int i = 0; i < n; ++i) {
		struct stat st;
		if (strcmp(inputs[i], "-") == 0) { add_file(fl, "-", 0); continue; }
		if (stat(inputs[i], &st) < 0) {
			mfile *f = add_file(fl, inputs[i], 0);
			mm_buf e = {0};
			mm_buf_printf(&e, "cannot open: %s", strerror(errno));
			f->preset_err = e.s;
		} else if (S_ISDIR(st.st_mode)) walk_dir(fl, inputs[i]);
		else {
			mfile *f = add_file(fl, inputs[i], 0);
			f->size = (uint64_t)st.st_size;
			f->dev = st.st_dev;
			f->ino = st.st_ino;
		}
	}
	qsort(fl->a, (size_t)fl->n, sizeof *fl->a, cmp_file);
	/* the same file named twice (or found twice) is read once */
	int k = 0;
	for (int i = 0; i < fl->n; ++i) {
		int dup = 0;
		if (fl->a[i].ino && !fl->a[i].preset_err)
			for (int j = 0; j < k && !dup; ++j)
				dup = fl->a[j].ino == fl->a[i].ino && fl->a[j].dev == fl->a[i].dev && !fl->a[j].preset_err;
		if (dup) {
			if (mm_verbose) mm_warn("%s: listed more than once; read once", fl->a[i].path);
			free(fl->a[i].path);
			continue;
		}
		fl->a[k++] = fl->a[i];
	}
	fl->n = k;
}

/* ---- batches ------------------------------------------------------------ */

typedef enum { R_REC, R_BAD, R_FATAL, R_FILE_END, R_OPEN_FAIL } rtype;

typedef struct item {
	rtype type;
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
	struct item *sub;
	size_t n_sub;
	int chunk_mcs;            /* its root is <MedlineCitationSet> */
} item;

typedef struct {
	item *it;
	size_t n, m;
	mm_buf arena;             /* messages */
	char *data;               /* records: the splitter's buffer (mm_splitter_take) */
	size_t data_cap;
	uint64_t bytes;
	uint64_t in_pos, out_pos;  /* position in its file after this batch (progress) */
	double t_read;             /* seconds spent reading it */
} batch;

/* The reading state of one input file (a stream of the scheduler). */
typedef struct {
	mm_reader *rd;
	mm_splitter *sp;
	mm_buf msg;
	int opened;
} rstream;

typedef struct {
	filelist *fl;
	rstream *rs;              /* one per file */
	batch *b;                 /* the scheduler's slots */
	mm_format force;
	size_t batch_bytes, max_record;
} reader;

static item *push_item(batch *b, rtype t, uint32_t file)
{
	if (b->n == b->m) { b->m = b->m ? b->m * 2 : 1024; b->it = mm_realloc(b->it, b->m * sizeof *b->it); }
	item *it = &b->it[b->n++];
	memset(it, 0, sizeof *it);
	it->type = t;
	it->file = file;
	return it;
}

static void put_msg(batch *b, item *it, const char *m, size_t n)
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

/* Open file fi; on failure push an R_OPEN_FAIL item and return -1. */
static int open_stream(reader *r, int fi, batch *b)
{
	rstream *s = &r->rs[fi];
	mfile *f = &r->fl->a[fi];
	char err[512];
	s->opened = 1;
	if (f->preset_err) {
		item *it = push_item(b, R_OPEN_FAIL, (uint32_t)fi);
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
	item *it = push_item(b, R_OPEN_FAIL, (uint32_t)fi);
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
 * when the file is done (its last item is R_FILE_END or R_OPEN_FAIL). Runs
 * beside the workers and beside the reads of other files; the scheduler
 * never runs two reads of one file at once. */
static int read_batch(reader *r, int fi, int slot, size_t *n_items)
{
	rstream *s = &r->rs[fi];
	batch *b = &r->b[slot];
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
			item *it = push_item(b, R_REC, (uint32_t)fi);
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
			item *it = push_item(b, st == MM_SPLIT_BADREC ? R_BAD : R_FATAL, (uint32_t)fi);
			put_msg(b, it, s->msg.s ? s->msg.s : "", s->msg.l);
			if (st == MM_SPLIT_BADREC) continue;
		}
		item *it = push_item(b, R_FILE_END, (uint32_t)fi);
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

/* ---- per-thread work ---------------------------------------------------- */

typedef struct {
	mm_doc d;
	mm_text t;
	mm_matcher *m;
	mm_buf out;
	mm_hit *hit;
	size_t m_hit;
	double t_parse, t_match;
	uint64_t n_docs;
} tstate;

typedef struct {
	const mm_lexicon *lx;
	int want_mentions, pubtator, evidence_text;
	size_t max_record;
} wctx;

static size_t cp_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; ++i) c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int cmp_mention_cs(const void *x, const void *y)
{
	const mm_mention *a = x, *b = y;
	if (a->concept != b->concept) return a->concept < b->concept ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static void process(const wctx *w, batch *b, item *it, tstate *ts);

/* Split chunk `it` (alone in batch b, so this thread owns b) into its
 * records and messages, it->sub, and process the records.  The split time
 * counts as parsing. */
static void process_chunk(const wctx *w, batch *b, item *it, tstate *ts)
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
		item *r = &it->sub[it->n_sub++];
		memset(r, 0, sizeof *r);
		r->file = it->file;
		if (st == MM_SPLIT_RECORD) {
			r->type = R_REC;
			r->kind = rec.kind;
			r->offset = rec.offset;
			r->off = it->off + rec.at;
			r->len = rec.n;
			ts->t_parse += omp_get_wtime() - t0;
			process(w, b, r, ts);
			t0 = omp_get_wtime();
			continue;
		}
		r->type = R_BAD; /* a fatal error inside a chunk loses only the rest of the chunk */
		put_msg(b, r, msg.s ? msg.s : "", msg.l);
		if (st == MM_SPLIT_FATAL) break;
	}
	mm_buf_free(&msg);
	mm_splitter_free(sp);
	ts->t_parse += omp_get_wtime() - t0;
}

static void process(const wctx *w, batch *b, item *it, tstate *ts)
{
	if (it->type != R_REC) return;
	if (it->kind == MM_REC_CHUNK) { process_chunk(w, b, it, ts); return; }
	const char *p = b->data + it->off;
	mm_doc *d = &ts->d;
	double t0 = omp_get_wtime();
	int rc;
	if (it->kind == MM_REC_MEDLINE) rc = mm_medline_parse(p, it->len, d);
	else if (it->kind == MM_REC_PUBTATOR) rc = mm_pubtator_parse(p, it->len, d);
	else rc = mm_pubmed_parse(p, it->len, it->kind, d);
	double t1 = omp_get_wtime();
	ts->t_parse += t1 - t0;
	it->bad_utf8 = d->bad_utf8;
	it->bad_refs = d->bad_refs;
	if (rc < 0) {
		it->ok = 0;
		it->err = mm_strdup(d->err.s ? d->err.s : "malformed record");
		return;
	}
	it->ok = 1;
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
	mm_text_build(&ts->t, d);
	it->n_sent = (uint32_t)ts->t.sent_s.n;
	const mm_mention *mt;
	size_t nm = mm_match(ts->m, d, &ts->t, &mt);
	if (nm) {
		/* hits: (concept, sentence) with counts */
		if (nm > ts->m_hit) { ts->m_hit = nm; ts->hit = mm_realloc(ts->hit, nm * sizeof(mm_mention)); }
		mm_mention *tmp = (mm_mention *)ts->hit;
		memcpy(tmp, mt, nm * sizeof *tmp);
		qsort(tmp, nm, sizeof *tmp, cmp_mention_cs);
		it->hit = mm_malloc(nm * sizeof *it->hit);
		uint32_t nh = 0;
		for (size_t i = 0; i < nm; ++i) {
			/* n: mentions not negated; neg: negated (--keep-negated adds them
			 * when counting, so a partial does not depend on the option) */
			int counts = !tmp[i].negated;
			if (!nh || it->hit[nh - 1].concept != tmp[i].concept || it->hit[nh - 1].sent != tmp[i].sent) {
				it->hit[nh].concept = tmp[i].concept;
				it->hit[nh].sent = tmp[i].sent;
				it->hit[nh].sec = tmp[i].sec;
				it->hit[nh].n = it->hit[nh].neg = 0;
				nh++;
			}
			if (counts) it->hit[nh - 1].n++;
			if (tmp[i].negated) it->hit[nh - 1].neg++;
		}
		it->n_hit = nh;
	}
	if (w->evidence_text && it->n_hit > 1) {
		/* sentences with two or more concepts: their text, for --evidence-text
		 * (hits are sorted by concept, so mark sentences seen twice) */
		mm_buf *o = &ts->out;
		o->l = 0;
		uint32_t ns = (uint32_t)ts->t.sent_s.n;
		uint8_t *cnt = mm_calloc(ns ? ns : 1, 1);
		for (uint32_t k = 0; k < it->n_hit; ++k) if (it->hit[k].sent < ns && cnt[it->hit[k].sent] < 2) cnt[it->hit[k].sent]++;
		for (uint32_t sidx = 0; sidx < ns; ++sidx) {
			if (cnt[sidx] < 2) continue;
			uint32_t a = ts->t.map.a[ts->t.sent_s.a[sidx]], e = ts->t.map.a[ts->t.sent_e.a[sidx]];
			mm_buf_putu(o, sidx + 1);
			mm_buf_putc(o, '\t');
			mm_buf_put(o, d->text.s + a, e - a);
			mm_buf_putc(o, '\n');
		}
		free(cnt);
		if (o->l) { it->evtext = mm_strndup(o->s, o->l); it->evtext_len = o->l; }
	}
	if (w->want_mentions && nm) {
		mm_buf *o = &ts->out;
		o->l = 0;
		const char *text = d->text.s;
		if (w->pubtator) {
			const mm_section *t0s = &d->sec[0];
			uint32_t abs0 = d->n_sec > 1 ? d->sec[1].start : (uint32_t)d->text.l;
			size_t tchars = cp_count(text + t0s->start, t0s->end - t0s->start);
			mm_buf_putu(o, d->pmid); mm_buf_puts(o, "|t|");
			mm_buf_put(o, text + t0s->start, t0s->end - t0s->start);
			mm_buf_putc(o, '\n');
			mm_buf_putu(o, d->pmid); mm_buf_puts(o, "|a|");
			mm_buf_put(o, text + abs0, d->text.l - abs0);
			mm_buf_putc(o, '\n');
			for (size_t i = 0; i < nm; ++i) {
				const mm_mention *m = &mt[i];
				size_t cs = m->start < abs0 ? cp_count(text, m->start) : tchars + 1 + cp_count(text + abs0, m->start - abs0);
				size_t ce = cs + cp_count(text + m->start, m->end - m->start);
				const mm_concept *c = &w->lx->c[m->concept];
				mm_buf_putu(o, d->pmid); mm_buf_putc(o, '\t');
				mm_buf_putu(o, cs); mm_buf_putc(o, '\t');
				mm_buf_putu(o, ce); mm_buf_putc(o, '\t');
				mm_buf_put(o, text + m->start, m->end - m->start); mm_buf_putc(o, '\t');
				mm_buf_puts(o, c->type); mm_buf_putc(o, '\t');
				mm_buf_puts(o, c->id); mm_buf_putc(o, '\n');
			}
			mm_buf_putc(o, '\n');
		} else {
			for (size_t i = 0; i < nm; ++i) {
				const mm_mention *m = &mt[i];
				const mm_concept *c = &w->lx->c[m->concept];
				mm_buf_putu(o, d->pmid); mm_buf_putc(o, '\t');
				mm_buf_puts(o, d->sec[m->sec].label); mm_buf_putc(o, '\t');
				mm_buf_putu(o, m->sent + 1); mm_buf_putc(o, '\t');
				mm_buf_putu(o, m->start); mm_buf_putc(o, '\t');
				mm_buf_putu(o, m->end); mm_buf_putc(o, '\t');
				mm_buf_put(o, text + m->start, m->end - m->start); mm_buf_putc(o, '\t');
				mm_buf_puts(o, c->id); mm_buf_putc(o, '\t');
				mm_buf_puts(o, c->type); mm_buf_putc(o, '\t');
				mm_buf_putc(o, m->negated ? '1' : '0'); mm_buf_putc(o, '\n');
			}
		}
		it->out = mm_strndup(o->s, o->l);
		it->out_len = o->l;
	}
	ts->t_match += omp_get_wtime() - t1;
}

/* ---- merge (serial, in input order) --------------------------------------- */

typedef struct {
	filelist *fl;
	mm_store *store;
	FILE *spool;
	FILE *evspool;          /* --evidence-text: sentences of co-occurrence */
	uint64_t seq;
	uint64_t records, failed, docs_read, deletes;
	uint64_t bad_utf8, bad_refs;
	int any_error;
	double t_merge;
	/* --partial: the document events of each file, in processing order */
	mm_outfile *partial;
	mm_buf pbuf;
	int pfile;              /* file whose block is open, -1 none */
	/* progress */
	int progress;
	double t_start, t_last;
	uint64_t total_size, out_bytes;
	uint64_t in_pos, out_pos;    /* bytes read up to the last merged batch */
	uint64_t in_done, out_done;  /* ... of the files already merged */
	double t_read;               /* time in reading, all threads */
	int files_done;
	mm_lexcache_info lc;         /* how the lexicon was loaded */
} merger;

static void file_error(merger *mg, mfile *f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void file_error(merger *mg, mfile *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mm_buf m = {0};
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	mm_buf_grow(&m, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(m.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	m.l = (size_t)n;
	if (f->n_err < MAX_ERRORS_SHOWN) {
		if (mg->progress) fputs("\r\033[K", stderr);
		fprintf(stderr, "myomine: %s: %s\n", f->path, m.s);
		f->err[f->n_err] = m.s;
	} else {
		if (f->n_err == MAX_ERRORS_SHOWN) fprintf(stderr, "myomine: %s: further errors in this file are counted in summary.json only\n", f->path);
		free(m.s);
	}
	f->n_err++;
}

static void progress_line(merger *mg, int force)
{
	double now = mm_realtime();
	if (!mg->progress || (!force && now - mg->t_last < 0.5)) return;
	mg->t_last = now;
	double el = now - mg->t_start;
	double mbs = el > 0 ? mg->out_pos / el / 1e6 : 0;
	char eta[32] = "?";
	if (mg->in_pos && mg->total_size > mg->in_pos) {
		double left = el * (double)(mg->total_size - mg->in_pos) / (double)mg->in_pos;
		snprintf(eta, sizeof eta, "%dm%02ds", (int)(left / 60), (int)left % 60);
	} else if (mg->in_pos >= mg->total_size) snprintf(eta, sizeof eta, "0s");
	fprintf(stderr, "\r\033[Kmyomine: files %d/%d, %llu documents, %.1f MB/s, ETA %s",
	        mg->files_done, mg->fl->n, (unsigned long long)mg->docs_read, mbs, eta);
}

/* ---- partial results (--partial, myomine merge) --------------------------------
 * A gzip text file, PARTIAL_NAME, in the output directory:
 *   #myomine-partial 1
 *   #lexicon <fingerprint> <concepts>
 *   F<TAB>path                      a file block begins (files in sorted order)
 *   A<TAB>pmid<TAB>version<TAB>year<TAB>has_abstract<TAB>sentences<TAB>hits[<TAB>concept:sentence:section:count:negated]...
 *   D<TAB>pmid                      a DeleteCitation entry
 *   E<TAB>status<TAB>format<TAB>bytes<TAB>uncompressed<TAB>records<TAB>documents<TAB>failed<TAB>deleted_listed<TAB>invalid_utf8<TAB>bad_refs<TAB>errors
 *   M<TAB>message                   the file's first messages
 *   #end
 * Replaying the blocks of several partials in file-name order gives the
 * store, and so the outputs, of one run over all their files. */
#define PARTIAL_NAME "partial.myomine.gz"

static uint64_t lexicon_fingerprint(const mm_lexicon *lx)
{
	mm_buf b = {0};
	for (int i = 0; i < lx->n_concept; ++i) mm_buf_printf(&b, "%s\t%s\n", lx->c[i].id, lx->c[i].type);
	for (int i = 0; i < lx->n_file; ++i) mm_buf_printf(&b, "%08x %llu\n", lx->file[i].crc32, (unsigned long long)lx->file[i].bytes);
	uint64_t h = mm_fnv1a(b.s, b.l);
	mm_buf_free(&b);
	return h;
}

static void partial_flush(merger *mg)
{
	if (mg->pbuf.l > (1u << 20)) mm_out_buf(mg->partial, &mg->pbuf);
}

static void partial_begin_file(merger *mg, int file)
{
	if (mg->pfile == file) return;
	mm_buf_printf(&mg->pbuf, "F\t%s\n", mg->fl->a[file].path);
	mg->pfile = file;
}

static void partial_end_file(merger *mg, const mfile *f)
{
	mm_buf *b = &mg->pbuf;
	mm_buf_printf(b, "E\t%s\t%s\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%d\n", fs_name[f->status], mm_format_name(f->fmt),
	              (unsigned long long)f->in_bytes, (unsigned long long)f->out_bytes, (unsigned long long)f->records,
	              (unsigned long long)f->docs, (unsigned long long)f->failed, (unsigned long long)f->deletes,
	              (unsigned long long)f->bad_utf8, (unsigned long long)f->bad_refs, f->n_err);
	int shown = f->n_err < MAX_ERRORS_SHOWN ? f->n_err : MAX_ERRORS_SHOWN;
	for (int k = 0; k < shown; ++k) {
		mm_buf_puts(b, "M\t");
		for (const char *s = f->err[k] ? f->err[k] : ""; *s; ++s) mm_buf_putc(b, *s == '\n' || *s == '\t' ? ' ' : *s);
		mm_buf_putc(b, '\n');
	}
	mg->pfile = -1;
	partial_flush(mg);
}

static void partial_article(merger *mg, const item *it)
{
	mm_buf *b = &mg->pbuf;
	mm_buf_printf(b, "A\t%u\t%d\t%d\t%d\t%u\t%u", it->pmid, it->version, it->year, it->has_abs, it->n_sent, it->n_hit);
	for (uint32_t k = 0; k < it->n_hit; ++k)
		mm_buf_printf(b, "\t%u:%u:%u:%u:%u", it->hit[k].concept, it->hit[k].sent, it->hit[k].sec, it->hit[k].n, it->hit[k].neg);
	mm_buf_putc(b, '\n');
	partial_flush(mg);
}

static int partial_open(merger *mg, const mm_lexicon *lx, mm_buf *err)
{
	mg->partial = mm_out_open(PARTIAL_NAME, 1, err);
	if (!mg->partial) return -1;
	mg->pfile = -1;
	mm_buf_printf(&mg->pbuf, "#myomine-partial 1\n#lexicon %016llx %d\n", (unsigned long long)lexicon_fingerprint(lx), lx->n_concept);
	return 0;
}

static int partial_close(merger *mg, mm_buf *err)
{
	mm_buf_puts(&mg->pbuf, "#end\n");
	int r = mm_out_buf(mg->partial, &mg->pbuf);
	mm_buf_free(&mg->pbuf);
	if (mm_out_close(mg->partial, err) < 0 || r < 0) return -1;
	mg->partial = NULL;
	return 0;
}

/* Apply one item (a record, message or file event) of batch b. */
static void merge_item(merger *mg, batch *b, item *it)
{
	mfile *f = &mg->fl->a[it->file];
	const char *msg = it->type == R_REC || !b->arena.s ? "" : b->arena.s + it->off; /* records are in b->data */
	int ml = it->type == R_REC ? 0 : (int)it->len;
	if (mg->partial) partial_begin_file(mg, (int)it->file);
	switch (it->type) {
	case R_OPEN_FAIL:
		if (f->from_dir && !f->gz_name && f->size > 0 && strncmp(msg, "unrecognised format", 19) == 0) {
			f->status = FS_SKIPPED;
			if (mm_verbose) mm_warn("%s: skipped: %.*s", f->path, ml, msg);
			f->err[f->n_err++] = mm_strndup(msg, it->len);
		} else {
			f->status = FS_FAILED;
			file_error(mg, f, "%.*s", ml, msg);
		}
		f->in_bytes = it->in_bytes;
		mg->in_done += f->size;
		mg->files_done++;
		if (mg->partial) partial_end_file(mg, f);
		break;
	case R_BAD:
		f->records++;
		f->failed++;
		mg->records++;
		mg->failed++;
		file_error(mg, f, "%.*s", ml, msg);
		break;
	case R_FATAL:
		f->status = FS_ERROR;
		file_error(mg, f, "%.*s; records before this point were kept", ml, msg);
		break;
	case R_FILE_END:
		f->in_bytes = it->in_bytes;
		f->out_bytes = it->out_bytes;
		f->fmt = it->fmt;
		mg->out_bytes += it->out_bytes;
		mg->in_done += it->in_bytes;
		mg->out_done += it->out_bytes;
		if (f->status == FS_PENDING) f->status = f->failed ? FS_ERROR : FS_OK;
		if (f->bad_utf8 && mm_verbose) mm_warn("%s: %llu invalid UTF-8 sequences replaced by U+FFFD", f->path, (unsigned long long)f->bad_utf8);
		if (f->bad_refs && mm_verbose) mm_warn("%s: %llu unknown or malformed character references kept as text", f->path, (unsigned long long)f->bad_refs);
		mg->files_done++;
		if (mg->partial) partial_end_file(mg, f);
		break;
	case R_REC:
		f->records++;
		mg->records++;
		f->bad_utf8 += (uint64_t)it->bad_utf8;
		f->bad_refs += (uint64_t)it->bad_refs;
		mg->bad_utf8 += (uint64_t)it->bad_utf8;
		mg->bad_refs += (uint64_t)it->bad_refs;
		if (!it->ok) {
			f->failed++;
			mg->failed++;
			if (it->line) file_error(mg, f, "line %llu: record skipped: %s", (unsigned long long)it->line, it->err);
			else file_error(mg, f, "byte %llu: record skipped: %s (offset within the record)", (unsigned long long)it->offset, it->err);
		} else if (it->kind == MM_REC_DELETE) {
			f->deletes += (uint64_t)it->n_del;
			mg->deletes += (uint64_t)it->n_del;
			for (int k = 0; k < it->n_del; ++k) {
				mm_store_delete(mg->store, it->del[k]);
				if (mg->partial) mm_buf_printf(&mg->pbuf, "D\t%u\n", it->del[k]);
			}
		} else {
			f->docs++;
			mg->docs_read++;
			uint64_t seq = ++mg->seq;
			int applied = mm_store_article(mg->store, it->pmid, it->version, it->year, it->has_abs, it->n_sent, it->hit, it->n_hit, seq);
			if (mg->partial) partial_article(mg, it);
			if (applied && it->evtext_len && mg->evspool) {
				fprintf(mg->evspool, "%llu %u %zu\n", (unsigned long long)seq, it->pmid, it->evtext_len);
				fwrite(it->evtext, 1, it->evtext_len, mg->evspool);
			}
			if (applied && it->out_len && mg->spool) {
				fprintf(mg->spool, "%llu %u %zu\n", (unsigned long long)seq, it->pmid, it->out_len);
				fwrite(it->out, 1, it->out_len, mg->spool);
			}
		}
		break;
	}
	free(it->hit); free(it->del); free(it->out); free(it->err); free(it->evtext);
	it->hit = NULL; it->del = NULL; it->out = NULL; it->err = NULL; it->evtext = NULL;
}

static void merge(merger *mg, batch *b)
{
	double t0 = omp_get_wtime();
	for (size_t i = 0; i < b->n; ++i) {
		item *it = &b->it[i];
		if (it->type == R_REC && it->kind == MM_REC_CHUNK) {
			for (size_t k = 0; k < it->n_sub; ++k) merge_item(mg, b, &it->sub[k]);
			free(it->sub);
			it->sub = NULL;
			it->n_sub = 0;
			continue;
		}
		merge_item(mg, b, it);
	}
	mg->in_pos = mg->in_done + b->in_pos;
	mg->out_pos = mg->out_done + b->out_pos;
	mg->t_read += b->t_read;
	mg->t_merge += omp_get_wtime() - t0;
	progress_line(mg, 0);
}

/* ---- the scheduler's callbacks (schedule.h) ----------------------------------- */

typedef struct {
	reader *rd;
	wctx *w;
	merger *mg;
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
	batch *b = &c->rd->b[slot];
	for (size_t i = from; i < to; ++i) process(c->w, b, &b->it[i], &c->ts[thread]);
}

static void merge_cb(void *ctx, int slot)
{
	run_ctx *c = ctx;
	merge(c->mg, &c->rd->b[slot]);
}

static FILE *spool_open(const char *dir);

/* Load the lexicon and open the outputs, while other threads already read
 * the first batches (a 100,000-name lexicon takes about 0.3 s).  Returns 0,
 * or the exit status after saying why: 2 for the lexicon, 3 for the
 * output directory. */
static int prepare_cb(void *ctx)
{
	run_ctx *c = ctx;
	const mm_opts *o = c->o;
	merger *mg = c->mg;
	mm_buf err = {0};
	int rc = 0;
	mm_lexicon *lx = mm_lexicon_open(o->lexicon, o->cache_dir, &mg->lc, &err);
	if (!lx) rc = 2;
	else if (mm_out_init(o->outdir, &err) < 0) rc = 3;
	else {
		mm_out_signals();
		if ((o->mentions && !(mg->spool = spool_open(o->outdir))) || (o->evidence_text && !(mg->evspool = spool_open(o->outdir)))) {
			mm_buf_printf(&err, "%s: cannot create a temporary file: %s", o->outdir, strerror(errno));
			rc = 3;
		} else if (o->partial && partial_open(mg, lx, &err) < 0) {
			mm_out_abort();
			rc = 3;
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
	for (int i = 0; i < c->threads; ++i) c->ts[i].m = mm_matcher_new(lx);
	return 0;
}

/* ---- writers ------------------------------------------------------------ */

typedef struct {
	const mm_lexicon *lx;
	const mm_counts *cn;
	const mm_opts *o;
	mm_buf err;
} wstate;

static int finish(wstate *w, mm_outfile *f, mm_buf *b)
{
	if (!f) return -1;
	int r = mm_out_buf(f, b);
	if (mm_out_close(f, &w->err) < 0 || r < 0) return -1;
	return 0;
}

/* buffered writes: flush the buffer into f when it grows large */
#define FLUSH_IF_BIG(f, b) do { if ((b)->l > (1u << 20)) mm_out_buf((f), (b)); } while (0)

static int write_entities(wstate *w)
{
	mm_outfile *f = mm_out_open("entities.tsv", 0, &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	mm_buf_puts(&b, "id\ttype\tname\tdocuments\tsentences\tmentions\tnegated\n");
	for (int i = 0; i < w->lx->n_concept; ++i) {
		const mm_concept *c = &w->lx->c[i];
		/* put, not printf: 100k-name lexicons write 100k rows */
		mm_buf_puts(&b, c->id); mm_buf_putc(&b, '\t');
		mm_buf_puts(&b, c->type); mm_buf_putc(&b, '\t');
		mm_buf_puts(&b, c->name); mm_buf_putc(&b, '\t');
		mm_buf_putu(&b, w->cn->c_docs[i]); mm_buf_putc(&b, '\t');
		mm_buf_putu(&b, w->cn->c_sents[i]); mm_buf_putc(&b, '\t');
		mm_buf_putu(&b, w->cn->c_mentions[i]); mm_buf_putc(&b, '\t');
		mm_buf_putu(&b, w->cn->c_negated[i]); mm_buf_putc(&b, '\n');
		FLUSH_IF_BIG(f, &b);
	}
	int r = finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

/* pairs.tsv: counts and association statistics (docs/statistics.md). At
 * --level sentence the statistics use sentence counts and N = sentences.
 * Benjamini-Hochberg runs over the pairs of each type pair; the
 * co-occurrence score's marginals are sums within the type pair. */
static int write_pairs(wstate *w)
{
	const mm_lexicon *lx = w->lx;
	const mm_counts *cn = w->cn;
	int sent = w->o->level_sentence, nt = lx->n_type;
	size_t np = cn->n_pair;
	double *p = mm_malloc((np ? np : 1) * sizeof *p), *q = mm_malloc((np ? np : 1) * sizeof *q);
	double *c = mm_malloc((np ? np : 1) * sizeof *c);
	double *rsum = mm_calloc((size_t)lx->n_concept * (size_t)nt, sizeof *rsum); /* C_i. per other type */
	double *tsum = mm_calloc((size_t)nt * (size_t)nt, sizeof *tsum);             /* C.. per type pair */
	int *grp = mm_malloc((np ? np : 1) * sizeof *grp);
	mm_assoc *as = mm_malloc((np ? np : 1) * sizeof *as);
	for (size_t k = 0; k < np; ++k) {
		const mm_pair *pr = &cn->pair[k];
		int ta = lx->c[pr->a].type_idx, tb = lx->c[pr->b].type_idx;
		grp[k] = ta < tb ? ta * nt + tb : tb * nt + ta;
		mm_table2 t;
		int ok = sent ? mm_stats_table(&t, pr->sents, cn->c_sents[pr->a], cn->c_sents[pr->b], cn->n_sents)
		              : mm_stats_table(&t, pr->docs, cn->c_docs[pr->a], cn->c_docs[pr->b], cn->n_docs);
		(void)ok; /* counts from one store are always consistent */
		mm_stats_assoc(&t, &as[k]);
		p[k] = as[k].fisher_p;
		c[k] = mm_stats_cooc_count(pr->docs, pr->sec_docs, pr->sent_docs);
		rsum[(size_t)pr->a * nt + tb] += c[k];
		rsum[(size_t)pr->b * nt + ta] += c[k];
		tsum[grp[k]] += c[k];
	}
	/* BH within each type pair */
	size_t *order = mm_malloc((np ? np : 1) * sizeof *order);
	double *gp = mm_malloc((np ? np : 1) * sizeof *gp);
	size_t *idx = mm_malloc((np ? np : 1) * sizeof *idx);
	for (int g = 0; g < nt * nt; ++g) {
		size_t n = 0;
		for (size_t k = 0; k < np; ++k) if (grp[k] == g) { idx[n] = k; gp[n++] = p[k]; }
		if (!n) continue;
		mm_stats_bh(gp, n, order, gp);
		for (size_t x = 0; x < n; ++x) q[idx[x]] = gp[x];
	}
	mm_outfile *f = mm_out_open("pairs.tsv", 0, &w->err);
	int r = -1;
	if (f) {
		mm_buf b = {0};
		mm_buf_puts(&b, "id_a\tid_b\ttype_a\ttype_b\tdocuments\tsentences\tsection_documents\tsentence_documents\t"
		                "expected\tpmi\tnpmi\tlog_odds\tlog_odds_low\tlog_odds_high\tchi2\tfisher_p\tlog10_fisher_p\t"
		                "q_value\tjaccard\tcooc_score\n");
		for (size_t k = 0; k < np; ++k) {
			const mm_pair *pr = &cn->pair[k];
			if (pr->docs < (uint64_t)w->o->min_docs) continue;
			const mm_concept *A = &lx->c[pr->a], *B = &lx->c[pr->b];
			const mm_assoc *s = &as[k];
			double score = mm_stats_cooc_score(c[k], rsum[(size_t)pr->a * nt + B->type_idx],
			                                   rsum[(size_t)pr->b * nt + A->type_idx], tsum[grp[k]]);
			mm_buf_printf(&b, "%s\t%s\t%s\t%s\t%llu\t%llu\t%llu\t%llu\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\n",
			              A->id, B->id, A->type, B->type, (unsigned long long)pr->docs, (unsigned long long)pr->sents,
			              (unsigned long long)pr->sec_docs, (unsigned long long)pr->sent_docs,
			              s->expected, s->pmi, s->npmi, s->odds.lor, s->odds.lo, s->odds.hi, s->chi2, s->fisher_p,
			              s->fisher_lnp / 2.302585092994045684, q[k], s->jaccard, score);
			FLUSH_IF_BIG(f, &b);
		}
		r = finish(w, f, &b);
		mm_buf_free(&b);
	}
	free(p); free(q); free(c); free(rsum); free(tsum); free(grp); free(as); free(order); free(gp); free(idx);
	return r;
}

typedef struct { uint32_t i, j; uint64_t v; } cell;

static int cmp_cell(const void *x, const void *y)
{
	const cell *a = x, *b = y;
	if (a->i != b->i) return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

static int write_matrix(wstate *w, int ta, int tb, int *dense_skipped)
{
	const mm_lexicon *lx = w->lx;
	const mm_counts *cn = w->cn;
	int sent = w->o->level_sentence;
	/* rank of each concept within its type */
	int *rank = mm_malloc((size_t)lx->n_concept * sizeof *rank);
	uint32_t nr = 0, nc = 0;
	for (int i = 0; i < lx->n_concept; ++i) {
		if (lx->c[i].type_idx == ta) rank[i] = (int)nr++;
		else if (lx->c[i].type_idx == tb) rank[i] = (int)nc++;
		else rank[i] = -1;
	}
	if (ta == tb) nc = nr;
	cell *cl = NULL;
	size_t n = 0, m = 0;
#define ADD(I, J, V) do { if (n == m) { m = m ? m * 2 : 1024; cl = mm_realloc(cl, m * sizeof *cl); } cl[n].i = (I); cl[n].j = (J); cl[n].v = (V); n++; } while (0)
	for (size_t k = 0; k < cn->n_pair; ++k) {
		const mm_pair *p = &cn->pair[k];
		uint64_t v = sent ? p->sents : p->docs;
		if (!v) continue;
		int xa = lx->c[p->a].type_idx, xb = lx->c[p->b].type_idx;
		if (ta == tb) {
			if (xa != ta || xb != ta) continue;
			ADD((uint32_t)rank[p->a], (uint32_t)rank[p->b], v);
			ADD((uint32_t)rank[p->b], (uint32_t)rank[p->a], v);
		} else if (xa == ta && xb == tb) ADD((uint32_t)rank[p->a], (uint32_t)rank[p->b], v);
		else if (xa == tb && xb == ta) ADD((uint32_t)rank[p->b], (uint32_t)rank[p->a], v);
	}
	if (ta == tb)
		for (int i = 0; i < lx->n_concept; ++i) {
			uint64_t v = sent ? cn->c_sents[i] : cn->c_docs[i];
			if (lx->c[i].type_idx == ta && v) ADD((uint32_t)rank[i], (uint32_t)rank[i], v);
		}
#undef ADD
	if (n) qsort(cl, n, sizeof *cl, cmp_cell);
	char name[512];
	const char *A = lx->type[ta], *B = lx->type[tb];
	int rc = 0;
	mm_buf b = {0};
	/* Matrix Market */
	snprintf(name, sizeof name, "matrix.%s-%s.mtx", A, B);
	mm_outfile *f = mm_out_open(name, 0, &w->err);
	if (!f) { rc = -1; goto done; }
	mm_buf_printf(&b, "%%%%MatrixMarket matrix coordinate integer general\n"
	                  "%% myomine %s: number of %s in which the row (%s) and column (%s) concepts co-occur%s\n"
	                  "%% row labels: matrix.%s-%s.rows, column labels: matrix.%s-%s.cols\n"
	                  "%u %u %zu\n", MM_VERSION, sent ? "sentences" : "documents", A, B,
	              ta == tb ? "; the diagonal counts the concept itself" : "", A, B, A, B, nr, nc, n);
	for (size_t k = 0; k < n; ++k) {
		mm_buf_putu(&b, cl[k].i + 1); mm_buf_putc(&b, ' ');
		mm_buf_putu(&b, cl[k].j + 1); mm_buf_putc(&b, ' ');
		mm_buf_putu(&b, cl[k].v); mm_buf_putc(&b, '\n');
		FLUSH_IF_BIG(f, &b);
	}
	if (finish(w, f, &b) < 0) { rc = -1; goto done; }
	/* labels */
	for (int side = 0; side < 2; ++side) {
		int t = side ? tb : ta;
		snprintf(name, sizeof name, "matrix.%s-%s.%s", A, B, side ? "cols" : "rows");
		f = mm_out_open(name, 0, &w->err);
		if (!f) { rc = -1; goto done; }
		for (int i = 0; i < lx->n_concept; ++i)
			if (lx->c[i].type_idx == t) { mm_buf_puts(&b, lx->c[i].id); mm_buf_putc(&b, '\n'); }
		if (finish(w, f, &b) < 0) { rc = -1; goto done; }
	}
	/* dense CSV */
	if ((double)nr * nc > (double)w->o->dense_max) { (*dense_skipped)++; goto done; }
	snprintf(name, sizeof name, "matrix.%s-%s.csv", A, B);
	f = mm_out_open(name, 0, &w->err);
	if (!f) { rc = -1; goto done; }
	{
		int *row_c = mm_malloc((nr + 1) * sizeof *row_c), *col_c = mm_malloc((nc + 1) * sizeof *col_c);
		for (int i = 0; i < lx->n_concept; ++i) {
			if (lx->c[i].type_idx == ta) row_c[rank[i]] = i;
			if (lx->c[i].type_idx == tb) col_c[rank[i]] = i;
		}
		mm_buf_puts(&b, "id");
		for (uint32_t j = 0; j < nc; ++j) { mm_buf_putc(&b, ','); mm_buf_puts(&b, lx->c[col_c[j]].id); }
		mm_buf_putc(&b, '\n');
		/* most cells are 0: runs of ",0" are copied from a ready string */
		char *zeros = mm_malloc(2 * (size_t)nc + 1);
		for (uint32_t j = 0; j < nc; ++j) { zeros[2 * j] = ','; zeros[2 * j + 1] = '0'; }
		size_t k = 0;
		for (uint32_t i = 0; i < nr; ++i) {
			mm_buf_puts(&b, lx->c[row_c[i]].id);
			uint32_t j = 0;
			for (; k < n && cl[k].i == i; ++k) {
				mm_buf_put(&b, zeros, 2 * (size_t)(cl[k].j - j));
				mm_buf_putc(&b, ',');
				mm_buf_putu(&b, cl[k].v);
				j = cl[k].j + 1;
			}
			mm_buf_put(&b, zeros, 2 * (size_t)(nc - j));
			mm_buf_putc(&b, '\n');
			FLUSH_IF_BIG(f, &b);
		}
		free(zeros); free(row_c); free(col_c);
	}
	if (finish(w, f, &b) < 0) rc = -1;
done:
	mm_buf_free(&b);
	free(cl);
	free(rank);
	return rc;
}

static int write_mentions(wstate *w, merger *mg)
{
	const char *name = w->o->mentions;
	mm_outfile *f = mm_out_open(name, ends_with(name, ".gz"), &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	if (!w->o->mentions_pubtator) mm_buf_puts(&b, "pmid\tsection\tsentence\tstart\tend\ttext\tid\ttype\tnegated\n");
	if (mg->spool) {
		rewind(mg->spool);
		unsigned long long seq;
		unsigned pmid;
		size_t len;
		char *tmp = NULL;
		size_t mt = 0;
		while (fscanf(mg->spool, "%llu %u %zu\n", &seq, &pmid, &len) == 3) {
			if (len > mt) { mt = len; tmp = mm_realloc(tmp, mt); }
			if (fread(tmp, 1, len, mg->spool) != len) { mm_buf_printf(&w->err, "mentions spool: read error"); free(tmp); mm_buf_free(&b); return -1; }
			if (mm_store_is_final(mg->store, pmid, seq)) { mm_buf_put(&b, tmp, len); FLUSH_IF_BIG(f, &b); }
		}
		if (ferror(mg->spool)) { mm_buf_printf(&w->err, "mentions spool: read error"); free(tmp); mm_buf_free(&b); return -1; }
		free(tmp);
	}
	int r = finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

/* --by-year: years.tsv (documents per year, the denominator), and the
 * document counts of every concept and pair per publication year. */
static int write_by_year(wstate *w)
{
	const mm_lexicon *lx = w->lx;
	const mm_counts *cn = w->cn;
	mm_buf b = {0};
	mm_outfile *f = mm_out_open("years.tsv", 0, &w->err);
	if (!f) return -1;
	mm_buf_puts(&b, "year\tdocuments\n");
	for (uint32_t y = 1; y < 256; ++y)
		if (cn->year_docs[y]) mm_buf_printf(&b, "%d\t%llu\n", mm_year_of_code(y), (unsigned long long)cn->year_docs[y]);
	if (cn->year_docs[0]) mm_buf_printf(&b, "unknown\t%llu\n", (unsigned long long)cn->year_docs[0]);
	if (finish(w, f, &b) < 0) { mm_buf_free(&b); return -1; }
	for (int pairs = 0; pairs < 2; ++pairs) {
		f = mm_out_open(pairs ? "pairs.by-year.tsv" : "entities.by-year.tsv", 0, &w->err);
		if (!f) { mm_buf_free(&b); return -1; }
		mm_buf_puts(&b, pairs ? "year\tid_a\tid_b\ttype_a\ttype_b\tdocuments\n" : "year\tid\ttype\tdocuments\n");
		for (size_t k = 0; k < cn->n_year; ++k) {
			const mm_yearcount *y = &cn->year[k];
			if ((y->b == MM_NO_CONCEPT) == pairs) continue;
			if (y->year) mm_buf_printf(&b, "%d\t", y->year);
			else mm_buf_puts(&b, "unknown\t");
			const mm_concept *A = &lx->c[y->a];
			if (pairs) {
				const mm_concept *B = &lx->c[y->b];
				mm_buf_printf(&b, "%s\t%s\t%s\t%s\t%llu\n", A->id, B->id, A->type, B->type, (unsigned long long)y->docs);
			} else mm_buf_printf(&b, "%s\t%s\t%llu\n", A->id, A->type, (unsigned long long)y->docs);
			FLUSH_IF_BIG(f, &b);
		}
		if (finish(w, f, &b) < 0) { mm_buf_free(&b); return -1; }
	}
	mm_buf_free(&b);
	return 0;
}

/* --evidence K: up to K supporting documents per pair, most recent first
 * (year, then PMID), with a sentence they share when there is one. */
typedef struct { uint64_t key; char *text; } evtext_slot; /* key = pmid<<32 | sentence */

static evtext_slot *evtext_find(evtext_slot *t, size_t cap, uint64_t key)
{
	size_t h = mm_hash64(key) & (cap - 1);
	while (t[h].key && t[h].key != key) h = (h + 1) & (cap - 1);
	return &t[h];
}

static int write_evidence(wstate *w, merger *mg)
{
	const mm_lexicon *lx = w->lx;
	const mm_counts *cn = w->cn;
	int with_text = w->o->evidence_text && mg->evspool;
	evtext_slot *tab = NULL;
	size_t cap = 0;
	if (with_text) {
		/* the (pmid, sentence) of every evidence row, then one pass over
		 * the spool for their texts, final versions only */
		size_t need = cn->n_pair * (size_t)cn->evidence_k;
		for (cap = 1024; cap < need * 2 + 2; cap *= 2) {}
		tab = mm_calloc(cap, sizeof *tab);
		for (size_t k = 0; k < need; ++k)
			if (cn->evidence[k].pmid && cn->evidence[k].sent)
				evtext_find(tab, cap, (uint64_t)cn->evidence[k].pmid << 32 | cn->evidence[k].sent)->key =
					(uint64_t)cn->evidence[k].pmid << 32 | cn->evidence[k].sent;
		rewind(mg->evspool);
		unsigned long long seq;
		unsigned pmid;
		size_t len, mt = 0;
		char *buf = NULL;
		while (fscanf(mg->evspool, "%llu %u %zu\n", &seq, &pmid, &len) == 3) {
			if (len + 1 > mt) { mt = len + 1; buf = mm_realloc(buf, mt); }
			if (fread(buf, 1, len, mg->evspool) != len) break;
			buf[len] = 0;
			if (!mm_store_is_final(mg->store, pmid, seq)) continue;
			for (char *l = buf; *l;) {
				char *nl = strchr(l, '\n');
				if (!nl) break;
				*nl = 0;
				uint32_t sn = (uint32_t)strtoul(l, NULL, 10);
				evtext_slot *s = evtext_find(tab, cap, (uint64_t)pmid << 32 | sn);
				char *tabc = strchr(l, '\t');
				if (s->key && !s->text && tabc) s->text = mm_strdup(tabc + 1);
				l = nl + 1;
			}
		}
		free(buf);
		if (ferror(mg->evspool)) { mm_buf_printf(&w->err, "evidence spool: read error"); return -1; }
	}
	mm_outfile *f = mm_out_open("evidence.tsv", 0, &w->err);
	int rc = -1;
	if (f) {
		mm_buf b = {0};
		mm_buf_puts(&b, with_text ? "id_a\tid_b\trank\tpmid\tyear\tsentence\ttext\n" : "id_a\tid_b\trank\tpmid\tyear\tsentence\n");
		for (size_t k = 0; k < cn->n_pair; ++k) {
			const mm_pair *p = &cn->pair[k];
			if (p->docs < (uint64_t)w->o->min_docs) continue;
			const mm_evidence *ev = cn->evidence + k * (size_t)cn->evidence_k;
			for (int r = 0; r < cn->evidence_k && ev[r].pmid; ++r) {
				mm_buf_printf(&b, "%s\t%s\t%d\t%u\t", lx->c[p->a].id, lx->c[p->b].id, r + 1, ev[r].pmid);
				if (ev[r].year) mm_buf_printf(&b, "%d\t", ev[r].year); else mm_buf_puts(&b, "\t");
				if (ev[r].sent) mm_buf_printf(&b, "%u", ev[r].sent);
				if (with_text) {
					mm_buf_putc(&b, '\t');
					if (ev[r].sent) {
						evtext_slot *s = evtext_find(tab, cap, (uint64_t)ev[r].pmid << 32 | ev[r].sent);
						if (s->text) mm_buf_puts(&b, s->text);
					}
				}
				mm_buf_putc(&b, '\n');
			}
			FLUSH_IF_BIG(f, &b);
		}
		rc = finish(w, f, &b);
		mm_buf_free(&b);
	}
	for (size_t i = 0; i < cap; ++i) free(tab[i].text);
	free(tab);
	return rc;
}

static const char *status_of(const mfile *f) { return fs_name[f->status]; }

/* "key": {"total": N, "<type>": n, ...}: per-concept counts summed by type */
static void json_per_type(mm_buf *b, const char *key, uint64_t total, const uint64_t *per_concept, const mm_lexicon *lx)
{
	mm_buf_printf(b, "  \"%s\": {\"total\": %llu", key, (unsigned long long)total);
	for (int t = 0; t < lx->n_type; ++t) {
		uint64_t s = 0;
		for (int i = 0; i < lx->n_concept; ++i) if (lx->c[i].type_idx == t) s += per_concept[i];
		mm_buf_puts(b, ", ");
		mm_buf_json(b, lx->type[t]);
		mm_buf_printf(b, ": %llu", (unsigned long long)s);
	}
	mm_buf_putc(b, '}');
}

static int write_summary(wstate *w, merger *mg, const mm_opts *o, int threads, int exit_status,
                         double t_wall, double t_read, double t_parse, double t_match, double t_count, double t_write,
                         int dense_skipped)
{
	const mm_lexicon *lx = w->lx;
	const mm_store_stats *st = mm_store_get_stats(mg->store);
	mm_buf b = {0};
	mm_buf_printf(&b, "{\n  \"version\": \"%s\",\n  \"command\": ", MM_VERSION);
	mm_buf_json(&b, o->cmdline ? o->cmdline : "");
	mm_buf_printf(&b, ",\n  \"exit_status\": %d,\n  \"threads\": %d,\n  \"level\": \"%s\",\n", exit_status, threads,
	              o->level_sentence ? "sentence" : "document");
	mm_buf_puts(&b, "  \"lexicon\": {\n    \"path\": ");
	mm_buf_json(&b, o->lexicon);
	mm_buf_printf(&b, ",\n    \"concepts\": %d,\n    \"names\": %llu,\n    \"patterns\": %d,\n    \"types\": [", lx->n_concept,
	              (unsigned long long)lx->n_names, lx->n_pattern);
	for (int t = 0; t < lx->n_type; ++t) { if (t) mm_buf_puts(&b, ", "); mm_buf_json(&b, lx->type[t]); }
	mm_buf_puts(&b, "],\n    \"files\": [");
	for (int i = 0; i < lx->n_file; ++i) {
		mm_buf_puts(&b, i ? ",\n      {\"path\": " : "\n      {\"path\": ");
		mm_buf_json(&b, lx->file[i].path);
		mm_buf_printf(&b, ", \"bytes\": %llu, \"concepts\": %d, \"crc32\": \"%08x\"}", (unsigned long long)lx->file[i].bytes,
		              lx->file[i].concepts, lx->file[i].crc32);
	}
	mm_buf_puts(&b, "\n    ],\n    \"blocklist\": ");
	if (lx->blocklist_path) {
		mm_buf_puts(&b, "{\"path\": ");
		mm_buf_json(&b, lx->blocklist_path);
		mm_buf_printf(&b, ", \"entries\": %d, \"crc32\": \"%08x\"}", lx->n_block, lx->blocklist_crc32);
	} else mm_buf_puts(&b, "null");
	static const char *const lc_state[] = { "off", "small", "hit", "written", "unwritable" };
	mm_buf_printf(&b, ",\n    \"cache\": \"%s\",\n    \"cache_file\": ", lc_state[mg->lc.state]);
	if (mg->lc.file) mm_buf_json(&b, mg->lc.file);
	else mm_buf_puts(&b, "null");
	mm_buf_puts(&b, "\n  },\n  \"inputs\": [");
	int n_ok = 0, n_err = 0, n_failed = 0, n_skipped = 0;
	for (int i = 0; i < mg->fl->n; ++i) {
		const mfile *f = &mg->fl->a[i];
		n_ok += f->status == FS_OK;
		n_err += f->status == FS_ERROR;
		n_failed += f->status == FS_FAILED;
		n_skipped += f->status == FS_SKIPPED;
		mm_buf_puts(&b, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
		mm_buf_json(&b, f->path);
		mm_buf_printf(&b, ", \"status\": \"%s\", \"format\": \"%s\", \"bytes\": %llu, \"uncompressed_bytes\": %llu, "
		                  "\"records\": %llu, \"documents\": %llu, \"failed\": %llu, \"deleted_listed\": %llu, "
		                  "\"invalid_utf8\": %llu, \"bad_character_references\": %llu, \"errors\": %d, \"messages\": [",
		              status_of(f), f->status == FS_OK || f->status == FS_ERROR ? mm_format_name(f->fmt) : "unknown",
		              (unsigned long long)f->in_bytes, (unsigned long long)f->out_bytes, (unsigned long long)f->records,
		              (unsigned long long)f->docs, (unsigned long long)f->failed, (unsigned long long)f->deletes,
		              (unsigned long long)f->bad_utf8, (unsigned long long)f->bad_refs, f->n_err);
		int shown = f->n_err < MAX_ERRORS_SHOWN ? f->n_err : MAX_ERRORS_SHOWN;
		for (int k = 0; k < shown; ++k) { if (k) mm_buf_puts(&b, ", "); mm_buf_json(&b, f->err[k]); }
		mm_buf_puts(&b, "]}");
	}
	mm_buf_printf(&b, "\n  ],\n  \"files\": {\"total\": %d, \"ok\": %d, \"error\": %d, \"failed\": %d, \"skipped\": %d},\n",
	              mg->fl->n, n_ok, n_err, n_failed, n_skipped);
	mm_buf_printf(&b, "  \"documents\": {\"records\": %llu, \"read\": %llu, \"failed\": %llu, \"superseded\": %llu, "
	                  "\"older_version_ignored\": %llu, \"delete_listed\": %llu, \"deleted\": %llu, \"final\": %llu, "
	                  "\"with_abstract\": %llu, \"with_mentions\": %llu, \"sentences\": %llu},\n",
	              (unsigned long long)mg->records, (unsigned long long)mg->docs_read, (unsigned long long)mg->failed,
	              (unsigned long long)st->superseded, (unsigned long long)st->older_ignored,
	              (unsigned long long)st->delete_listed, (unsigned long long)st->deleted, (unsigned long long)st->live,
	              (unsigned long long)st->live_abstract, (unsigned long long)w->cn->docs_with_mentions,
	              (unsigned long long)st->live_sentences);
	json_per_type(&b, "mentions", w->cn->mentions, w->cn->c_mentions, lx);
	mm_buf_puts(&b, ",\n");
	json_per_type(&b, "negated_mentions", w->cn->negated, w->cn->c_negated, lx);
	mm_buf_printf(&b, ",\n  \"keep_negated\": %s,\n  \"pairs\": %zu,\n  \"dense_matrices_skipped\": %d,\n",
	              o->keep_negated ? "true" : "false", w->cn->n_pair, dense_skipped);
	mm_buf_printf(&b, "  \"warnings\": {\"invalid_utf8\": %llu, \"bad_character_references\": %llu},\n",
	              (unsigned long long)mg->bad_utf8, (unsigned long long)mg->bad_refs);
	uint64_t cin = 0;
	for (int i = 0; i < mg->fl->n; ++i) cin += mg->fl->a[i].in_bytes;
	mm_buf_printf(&b, "  \"bytes\": {\"compressed\": %llu, \"uncompressed\": %llu},\n", (unsigned long long)cin,
	              (unsigned long long)mg->out_bytes);
	mm_buf_printf(&b, "  \"timings_s\": {\"read_inflate_split\": %.3f, \"parse\": %.3f, \"normalise_match\": %.3f, "
	                  "\"merge\": %.3f, \"count\": %.3f, \"write\": %.3f, \"wall\": %.3f, \"cpu\": %.3f},\n",
	              t_read, t_parse, t_match, mg->t_merge, t_count, t_write, t_wall, mm_cputime());
	mm_buf_printf(&b, "  \"peak_rss_kb\": %ld\n}\n", mm_peakrss_kb());
	mm_outfile *f = mm_out_open("summary.json", 0, &w->err);
	int r = finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

/* The common end of a run and of a merge: count, write every output,
 * commit, print the final line, free the run's state. */
static int finish_run(const mm_opts *o, mm_lexicon *lx, filelist *flp, merger *mgp, int threads, double t_start,
                      double t_read, double t_parse, double t_match)
{
	filelist fl = *flp;
	merger mg = *mgp;
	mm_buf err = {0};
	int exit_status = 0;
	for (int i = 0; i < fl.n; ++i)
		if (fl.a[i].status == FS_ERROR || fl.a[i].status == FS_FAILED) exit_status = 1;
	if (mg.failed) exit_status = 1;
	int werr = 0;
	if (mg.partial && partial_close(&mg, &err) < 0) werr = 1;
	double t0 = mm_realtime();
	mm_counts cn;
	mm_count_opts copt = { o->by_year, o->evidence, o->keep_negated };
	mm_store_count(mg.store, lx->n_concept, &copt, &cn);
	double t_count = mm_realtime() - t0;
	t0 = mm_realtime();
	wstate ws = { lx, &cn, o, {0} };
	int dense_skipped = 0;
	if (werr) mm_buf_put(&ws.err, err.s, err.l);
	if (!werr && (write_entities(&ws) < 0 || write_pairs(&ws) < 0)) werr = 1;
	for (int a = 0; a < lx->n_type && !werr; ++a)
		for (int b2 = a; b2 < lx->n_type && !werr; ++b2)
			if (write_matrix(&ws, a, b2, &dense_skipped) < 0) werr = 1;
	if (!werr && o->mentions && write_mentions(&ws, &mg) < 0) werr = 1;
	if (!werr && o->by_year && write_by_year(&ws) < 0) werr = 1;
	if (!werr && o->evidence > 0 && write_evidence(&ws, &mg) < 0) werr = 1;
	double t_write = mm_realtime() - t0;
	if (!werr && write_summary(&ws, &mg, o, threads, exit_status, mm_realtime() - t_start, t_read, t_parse, t_match,
	                           t_count, t_write, dense_skipped) < 0) werr = 1;
	if (!werr && mm_out_commit(&ws.err) < 0) werr = 1;
	if (werr) {
		mm_out_abort();
		mm_warn("%s; no output was changed", ws.err.s ? ws.err.s : "output error");
		exit_status = 3;
	} else if (dense_skipped && mm_verbose) {
		mm_warn("%d dense CSV matrices skipped (more than %ld cells; see --dense-max); the .mtx files are complete", dense_skipped, o->dense_max);
	}
	const mm_store_stats *st = mm_store_get_stats(mg.store);
	if (!o->quiet) {
		fprintf(stderr, "myomine %s: %d files, %llu documents read (%llu final, %llu superseded, %llu deleted, %llu failed), "
		                "%llu mentions; %.2f s wall, %.2f s CPU, %.1f MB peak RSS%s%s\n",
		        MM_VERSION, fl.n, (unsigned long long)mg.docs_read, (unsigned long long)st->live,
		        (unsigned long long)(st->superseded + st->older_ignored), (unsigned long long)st->deleted,
		        (unsigned long long)mg.failed, (unsigned long long)cn.mentions, mm_realtime() - t_start, mm_cputime(),
		        mm_peakrss_kb() / 1024.0, werr ? "" : "; results in ", werr ? "" : o->outdir);
	}
	if (mg.spool) fclose(mg.spool);
	if (mg.evspool) fclose(mg.evspool);
	mm_counts_free(&cn);
	mm_store_free(mg.store);
	for (int i = 0; i < fl.n; ++i) {
		free(fl.a[i].path);
		free(fl.a[i].preset_err);
		int shown = fl.a[i].n_err < MAX_ERRORS_SHOWN ? fl.a[i].n_err : MAX_ERRORS_SHOWN;
		for (int k = 0; k < shown; ++k) free(fl.a[i].err[k]);
	}
	free(fl.a);
	mm_buf_free(&ws.err);
	mm_buf_free(&err);
	mm_lexicon_free(lx);
	free(mg.lc.file);
	mm_out_free();
	return exit_status;
}

/* An anonymous spool file beside the outputs: it vanishes on any exit. */
static FILE *spool_open(const char *dir)
{
	mm_buf p = {0};
	mm_buf_printf(&p, "%s/.myomine-spool-XXXXXX", dir);
	int fd = mkstemp(p.s);
	FILE *f = NULL;
	if (fd >= 0) { unlink(p.s); f = fdopen(fd, "w+b"); }
	mm_buf_free(&p);
	return f;
}

/* ---- the job --------------------------------------------------------------- */

int mm_run(const mm_opts *o)
{
	double t_start = mm_realtime();
	filelist fl = {0};
	collect_inputs(&fl, o->inputs, o->n_inputs);
	int threads = o->threads > 0 ? o->threads : omp_get_num_procs();
	omp_set_dynamic(0);

	merger mg = {0};
	mg.fl = &fl;
	mg.store = mm_store_new();
	mg.progress = !o->quiet && isatty(2);
	mg.t_start = mg.t_last = t_start;
	for (int i = 0; i < fl.n; ++i) mg.total_size += fl.a[i].size;
	mg.pfile = -1;
	reader rd = {0};
	rd.fl = &fl;
	rd.force = o->format;
	rd.batch_bytes = o->batch_bytes;
	rd.max_record = o->max_record;
	wctx w = { NULL, o->mentions != NULL, o->mentions_pubtator, o->evidence_text, o->max_record };
	tstate *ts = mm_calloc((size_t)threads, sizeof *ts); /* matchers: prepare_cb() */

	/* Batches in memory: with several threads, 6 per thread + 1 so that
	 * the next files are read ahead in the gaps (a single gzip stream
	 * reads slower than the other threads process it: without read-ahead
	 * they wait at the end of each file); capped at BATCH_MEMORY. Files
	 * read at once: up to one per two slots. */
	int slots = threads == 1 ? 3 : 6 * threads + 1, cap = (int)(BATCH_MEMORY / (o->batch_bytes ? o->batch_bytes : 1));
	if (slots > cap) slots = cap > 3 ? cap : 3;
	run_ctx rc = { &rd, &w, &mg, ts, o, threads, NULL };
	rd.b = mm_calloc((size_t)slots, sizeof *rd.b);
	rd.rs = mm_calloc(fl.n ? (size_t)fl.n : 1, sizeof *rd.rs);
	mm_sched sc = { &rc, fl.n, slots, slots / 2 < fl.n ? slots / 2 : (fl.n ? fl.n : 1), read_batch_cb, process_cb, merge_cb,
	                prepare_cb };
	if (threads == 1) sc.max_open = 1;
	int failed = mm_sched_run(&sc, threads);
	if (!failed) {
		progress_line(&mg, 1);
		if (mg.progress) fputs("\r\033[K", stderr);
		if (fl.n == 0 && mm_verbose) mm_warn("no input files found");
	}

	double t_parse = 0, t_match = 0;
	for (int i = 0; i < threads; ++i) {
		t_parse += ts[i].t_parse;
		t_match += ts[i].t_match;
		mm_matcher_free(ts[i].m);
		mm_doc_free(&ts[i].d);
		mm_text_free(&ts[i].t);
		mm_buf_free(&ts[i].out);
		free(ts[i].hit);
	}
	free(ts);
	for (int k = 0; k < slots; ++k) { free(rd.b[k].it); mm_buf_free(&rd.b[k].arena); free(rd.b[k].data); }
	free(rd.b);
	if (failed) {
		/* no batch was processed or merged: close what the reads opened */
		for (int i = 0; i < fl.n; ++i) close_stream(&rd.rs[i]);
		free(rd.rs);
		if (mg.spool) fclose(mg.spool);
		if (mg.evspool) fclose(mg.evspool);
		mm_store_free(mg.store);
		for (int i = 0; i < fl.n; ++i) { free(fl.a[i].path); free(fl.a[i].preset_err); }
		free(fl.a);
		mm_out_free();
		free(mg.lc.file);
		return failed;
	}
	free(rd.rs);
	return finish_run(o, rc.lx, &fl, &mg, threads, t_start, mg.t_read, t_parse, t_match);
}

/* ---- myomine merge ------------------------------------------------------------ */

typedef struct {
	char *dir;
	mm_reader *rd;
	char *buf;
	size_t len, pos, cap;
	mm_buf line;        /* the current line (no newline) */
	uint64_t lineno;
	int eof, ended;     /* ended: "#end" seen */
} shard;

/* Next line of a shard into sh->line. 1 ok, 0 end, -1 read error. */
static int shard_line(shard *sh)
{
	sh->line.l = 0;
	for (;;) {
		if (sh->pos < sh->len) {
			char *nl = memchr(sh->buf + sh->pos, '\n', sh->len - sh->pos);
			size_t e = nl ? (size_t)(nl - sh->buf) : sh->len;
			mm_buf_put(&sh->line, sh->buf + sh->pos, e - sh->pos);
			sh->pos = e + (nl != NULL);
			if (nl) { sh->lineno++; return 1; }
		}
		if (sh->eof) { if (sh->line.l) { sh->lineno++; return 1; } return 0; }
		ssize_t n = mm_reader_read(sh->rd, sh->buf, sh->cap);
		if (n < 0) return -1;
		if (n == 0) sh->eof = 1;
		sh->len = (size_t)n;
		sh->pos = 0;
	}
}

static int shard_bad(shard *sh, const char *what)
{
	mm_warn("%s/%s: line %llu: %s", sh->dir, PARTIAL_NAME, (unsigned long long)sh->lineno, what);
	return -1;
}

/* Parse an A line into it (hits allocated). */
static int parse_article(const char *s, item *it, int n_concept)
{
	char *e;
	memset(it, 0, sizeof *it);
	unsigned long v[6];
	for (int k = 0; k < 6; ++k) {
		if (*s != '\t') return -1;
		v[k] = strtoul(s + 1, &e, 10);
		if (e == s + 1) return -1;
		s = e;
	}
	it->pmid = (uint32_t)v[0]; it->version = (int)v[1]; it->year = (int)v[2]; it->has_abs = (int)v[3];
	it->n_sent = (uint32_t)v[4]; it->n_hit = (uint32_t)v[5];
	if (!it->pmid || it->n_hit > (1u << 24)) return -1;
	it->hit = it->n_hit ? mm_malloc(it->n_hit * sizeof *it->hit) : NULL;
	for (uint32_t k = 0; k < it->n_hit; ++k) {
		unsigned long h[5];
		for (int j = 0; j < 5; ++j) {
			if (*s != (j ? ':' : '\t')) return -1;
			h[j] = strtoul(s + 1, &e, 10);
			if (e == s + 1) return -1;
			s = e;
		}
		if (h[0] >= (unsigned long)n_concept) return -1;
		it->hit[k] = (mm_hit){ (uint32_t)h[0], (uint32_t)h[1], (uint32_t)h[2], (uint32_t)h[3], (uint32_t)h[4] };
	}
	return *s ? -1 : 0;
}

int mm_merge(const mm_opts *o)
{
	double t_start = mm_realtime();
	mm_buf err = {0};
	if (o->mentions || o->evidence_text) { mm_warn("merge: --mentions and --evidence-text are not available when merging partial results"); return 2; }
	filelist fl = {0};
	merger mg = {0};
	mm_lexicon *lx = mm_lexicon_open(o->lexicon, o->cache_dir, &mg.lc, &err);
	if (!lx) { mm_warn("%s", err.s); mm_buf_free(&err); free(mg.lc.file); return 2; }
	uint64_t fp = lexicon_fingerprint(lx);
	shard *sh = mm_calloc((size_t)o->n_inputs, sizeof *sh);
	int n_sh = o->n_inputs, bad = 0;
	for (int i = 0; i < n_sh && !bad; ++i) {
		char e[256];
		mm_buf p = {0};
		mm_buf_printf(&p, "%s/%s", o->inputs[i], PARTIAL_NAME);
		sh[i].dir = o->inputs[i];
		sh[i].cap = 1 << 20;
		sh[i].buf = mm_malloc(sh[i].cap);
		sh[i].rd = mm_reader_open(p.s, e, sizeof e);
		if (!sh[i].rd) { mm_warn("%s: %s (was the run made with --partial?)", p.s, e); bad = 1; }
		else {
			unsigned long long got = 0;
			int nc = -1;
			if (shard_line(&sh[i]) != 1 || strcmp(sh[i].line.s, "#myomine-partial 1")) bad = shard_bad(&sh[i], "not a myomine partial result (version 1)") < 0;
			else if (shard_line(&sh[i]) != 1 || sscanf(sh[i].line.s, "#lexicon %llx %d", &got, &nc) != 2) bad = shard_bad(&sh[i], "no #lexicon line") < 0;
			else if (got != fp || nc != lx->n_concept) {
				mm_warn("%s: made with another lexicon (fingerprint %016llx, %d concepts; this one: %016llx, %d); merge with the same -l",
				        o->inputs[i], got, nc, (unsigned long long)fp, lx->n_concept);
				bad = 1;
			} else if (shard_line(&sh[i]) != 1) bad = shard_bad(&sh[i], "partial result ends without #end (truncated?)") < 0;
		}
		mm_buf_free(&p);
	}
	if (bad || mm_out_init(o->outdir, &err) < 0) {
		if (err.l) mm_warn("%s", err.s);
		for (int i = 0; i < n_sh; ++i) { mm_reader_close(sh[i].rd); free(sh[i].buf); mm_buf_free(&sh[i].line); }
		free(sh); mm_lexicon_free(lx); mm_buf_free(&err); free(mg.lc.file);
		return bad ? 2 : 3;
	}
	mm_out_signals();
	mg.fl = &fl;
	mg.store = mm_store_new();
	mg.pfile = -1;
	if (o->partial && partial_open(&mg, lx, &err) < 0) { mm_warn("%s", err.s); mm_out_abort(); return 3; }
	int failed_shards = 0;
	for (;;) {
		/* the shard whose next block comes first in file-name order */
		int best = -1;
		for (int i = 0; i < n_sh; ++i) {
			if (sh[i].ended || sh[i].line.l < 2 || sh[i].line.s[0] != 'F') continue;
			if (best < 0) { best = i; continue; }
			mfile x = { .path = sh[i].line.s + 2 }, y = { .path = sh[best].line.s + 2 };
			if (cmp_file(&x, &y) < 0) best = i;
		}
		if (best < 0) break;
		shard *s = &sh[best];
		int dup = 0;
		for (int k = 0; k < fl.n && !dup; ++k) dup = strcmp(fl.a[k].path, s->line.s + 2) == 0;
		mfile *f = NULL;
		if (dup) mm_warn("%s: %s is in more than one partial result; read once", s->dir, s->line.s + 2);
		else {
			f = add_file(&fl, s->line.s + 2, 0);
			if (mg.partial) partial_begin_file(&mg, fl.n - 1);
		}
		int rc, shown = 0;
		while ((rc = shard_line(s)) == 1) {
			const char *l = s->line.s;
			if (l[0] == 'F' || strcmp(l, "#end") == 0) break;
			if (!f) continue;
			if (l[0] == 'A') {
				item it;
				if (parse_article(l + 1, &it, lx->n_concept) < 0) { free(it.hit); shard_bad(s, "malformed A line"); rc = -2; break; }
				mm_store_article(mg.store, it.pmid, it.version, it.year, it.has_abs, it.n_sent, it.hit, it.n_hit, ++mg.seq);
				if (mg.partial) partial_article(&mg, &it);
				free(it.hit);
			} else if (l[0] == 'D') {
				uint32_t pmid;
				if (mm_parse_pmid(l + 2, s->line.l - 2, &pmid) < 0) { shard_bad(s, "malformed D line"); rc = -2; break; }
				mm_store_delete(mg.store, pmid);
				if (mg.partial) mm_buf_printf(&mg.pbuf, "D\t%u\n", pmid);
			} else if (l[0] == 'E') {
				char st[16], fmt[16];
				unsigned long long v[9];
				if (sscanf(l, "E\t%15s\t%15s\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%d", st, fmt, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &f->n_err) != 11) {
					shard_bad(s, "malformed E line"); rc = -2; break;
				}
				for (int k = 0; k < 5; ++k) if (!strcmp(st, fs_name[k])) f->status = k;
				f->fmt = !strcmp(fmt, "pubmed") ? MM_FMT_PUBMED : !strcmp(fmt, "medline") ? MM_FMT_MEDLINE : !strcmp(fmt, "pubtator") ? MM_FMT_PUBTATOR : MM_FMT_AUTO;
				f->in_bytes = v[0]; f->out_bytes = v[1]; f->records = v[2]; f->docs = v[3]; f->failed = v[4];
				f->deletes = v[5]; f->bad_utf8 = v[6]; f->bad_refs = v[7];
			} else if (l[0] == 'M') {
				if (shown < MAX_ERRORS_SHOWN && shown < f->n_err) f->err[shown++] = mm_strdup(l + 2);
				if (mg.partial && shown == (f->n_err < MAX_ERRORS_SHOWN ? f->n_err : MAX_ERRORS_SHOWN)) partial_end_file(&mg, f);
			} else { shard_bad(s, "unknown line"); rc = -2; break; }
		}
		if (f && mg.partial && mg.pfile >= 0) partial_end_file(&mg, f);
		if (rc == 1 && strcmp(s->line.s, "#end") == 0) s->ended = 1;
		else if (rc != 1) {
			if (rc == 0) shard_bad(s, "partial result ends without #end (truncated?)");
			else if (rc == -1) mm_warn("%s/%s: %s", s->dir, PARTIAL_NAME, mm_reader_error(s->rd));
			s->ended = 1;
			failed_shards++;
		}
		if (f) {
			mg.records += f->records; mg.failed += f->failed; mg.docs_read += f->docs; mg.deletes += f->deletes;
			mg.bad_utf8 += f->bad_utf8; mg.bad_refs += f->bad_refs; mg.out_bytes += f->out_bytes;
		}
	}
	for (int i = 0; i < n_sh; ++i) { mm_reader_close(sh[i].rd); free(sh[i].buf); mm_buf_free(&sh[i].line); }
	free(sh);
	mm_buf_free(&err);
	if (failed_shards) mg.failed++; /* makes the exit status 1: the result is incomplete */
	return finish_run(o, lx, &fl, &mg, 1, t_start, 0, 0, 0);
}
