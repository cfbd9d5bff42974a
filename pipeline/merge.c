/* merge.c -- myomine merge: the partial results of several runs to the
 * outputs of one run over all their files (run.h).  The file blocks of the
 * partial results are replayed in file-name order into one store, as the
 * apply step of one run would have built it. */
#include "runpriv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Open every partial result.  0, or -1 after saying why (a usage error:
 * nothing is run). */
static int open_all(mm_partial_in *in, int n, char **dirs, const mm_lexicon *lx)
{
	uint64_t fp = mm_partial_fingerprint(lx);
	mm_buf err = {0};
	int rc = 0;
	for (int i = 0; i < n && rc == 0; ++i) {
		if (mm_partial_in_open(&in[i], dirs[i], fp, lx->n_concept, &err) < 0) {
			mm_warn("%s", err.s);
			rc = -1;
		} else if (i > 0 && in[i].mesh != in[0].mesh) {
			mm_warn("%s and %s were made with different --with-mesh (%s; %s); merge partial results made alike",
			        dirs[0], dirs[i], mm_mesh_mode_name[in[0].mesh], mm_mesh_mode_name[in[i].mesh]);
			rc = -1;
		} else if (i > 0 && strcmp(in[i].filters.s ? in[i].filters.s : "", in[0].filters.s ? in[0].filters.s : "")) {
			mm_warn("%s and %s were made with different filters (%s; %s); merge partial results made with the same filters",
			        dirs[0], dirs[i], in[0].filters.l ? in[0].filters.s + 1 : "none", in[i].filters.l ? in[i].filters.s + 1 : "none");
			rc = -1;
		}
	}
	mm_buf_free(&err);
	return rc;
}

/* The partial result whose next block comes first in file-name order, or
 * -1 when every one has ended. */
static int next_block(const mm_partial_in *in, int n)
{
	int best = -1;
	for (int i = 0; i < n; ++i) {
		if (in[i].ended || in[i].rec.type != MM_PREC_FILE) continue;
		if (best < 0 || mm_path_cmp(in[i].rec.text, in[best].rec.text) < 0) best = i;
	}
	return best;
}

/* --facts: the S and T lines read before an A line */
typedef struct {
	mm_facts_doc fs;
	int has;
	mm_buf lines;
} pending_facts;

/* A U line of partial result in: its MeSH concept into the merged ones
 * (with its name unless the block is skipped: then any other name wins) */
static void merge_mesh(mm_applier *ap, mm_partial_in *in, const mm_partial_mesh *u, int skipped)
{
	if (in->n_mesh > in->m_mesh_map) {
		in->m_mesh_map = in->n_mesh > 2 * in->m_mesh_map ? in->n_mesh : 2 * in->m_mesh_map;
		in->mesh_map = mm_realloc(in->mesh_map, in->m_mesh_map * sizeof *in->mesh_map);
	}
	in->mesh_map[u->idx] = mm_mesh_add(ap->mesh, u->key, u->key_n, u->name, strlen(u->name), skipped ? 0 : u->pmid,
	                                   skipped ? 0 : u->version);
}

/* An A line's MeSH hits, renumbered from in's U lines to the merged ones */
static void map_mesh_hits(const mm_applier *ap, const mm_partial_in *in, mm_item *art)
{
	for (uint32_t k = 0; k < art->n_hit; ++k)
		if (art->hit[k].concept >= (uint32_t)in->n_concept)
			art->hit[k].concept = ap->mesh->base + in->mesh_map[art->hit[k].concept - (uint32_t)in->n_concept];
}

/* Replay the records of one file block into the store (f is NULL for a
 * file already read from another partial result: its records are skipped).
 * 1 when the next block follows, 0 at #end, -1 after saying why the partial
 * result cannot be read further: the message goes to sh->msg and, when it
 * cuts f's block short, to f (status error, or failed when none of its
 * records was read), whose records replayed so far stay applied.  --facts:
 * the S and T lines before an A line are that document's facts. */
static int merge_block(mm_applier *ap, mm_partial_in *in, mm_infile *f, mm_shard *sh)
{
	mm_buf err = {0};
	int rc, shown = 0, ended = 0, applied = 0;
	uint64_t n_art = 0, n_del = 0, pmid = 0;
	pending_facts pf = { { 0 }, 0, { 0 } };
	while ((rc = mm_partial_in_next(in, &err)) == 1 && in->rec.type != MM_PREC_FILE) {
		const mm_partial_rec *r = &in->rec;
		if (r->type == MM_PREC_MESH) { merge_mesh(ap, in, &r->mesh, !f); continue; }
		if (!f) continue;
		switch (r->type) {
		case MM_PREC_FACTS_SUM:
			pf.fs = r->fs;
			pf.has = 1;
			break;
		case MM_PREC_FACTS_LINE:
			mm_buf_puts(&pf.lines, r->text);
			mm_buf_putc(&pf.lines, '\n');
			pf.has = 1;
			break;
		case MM_PREC_ARTICLE: {
			n_art++;
			if (ap->mesh) map_mesh_hits(ap, in, &in->rec.art);
			applied = mm_store_article(ap->store, r->art.pmid, r->art.version, r->art.year, r->art.has_abs, r->art.n_sent,
			                           r->art.hit, r->art.n_hit, ++ap->seq);
			pmid = r->art.pmid;
			mm_item it = r->art;
			it.facts = NULL;
			if (pf.has && (ap->fsumspool || (ap->part.f && ap->part.facts))) {
				it.facts = mm_malloc(sizeof *it.facts + pf.lines.l);
				it.facts->fsum = pf.fs;
				it.facts->len = pf.lines.l;
				if (pf.lines.l) memcpy(it.facts->lines, pf.lines.s, pf.lines.l);
			}
			if (ap->part.f && ap->part.facts && it.facts) mm_partial_facts(&ap->part, it.facts);
			if (ap->part.f && ap->mesh) mm_partial_mesh_names(&ap->part, ap->mesh, it.hit, it.n_hit);
			if (ap->part.f) mm_partial_article(&ap->part, &it);
			if (applied && ap->fsumspool) mm_apply_facts(ap, ap->seq, &it);
			free(it.facts);
			pf.has = 0;
			pf.lines.l = 0;
			break;
		}
		case MM_PREC_FILTERED: /* the article before fails the filters */
			if (applied && pmid) mm_store_filter_out(ap->store, pmid, r->fail);
			if (ap->part.f) mm_partial_filtered(&ap->part, r->fail);
			break;
		case MM_PREC_DELETE:
			n_del++;
			mm_store_delete(ap->store, r->pmid);
			if (ap->part.f) mm_partial_delete(&ap->part, r->pmid);
			if (ap->fsumspool) mm_fseq_delete(&ap->fseq, r->pmid);
			break;
		case MM_PREC_END_FILE:
			mm_partial_copy_end(f, &r->file);
			ended = 1;
			break;
		case MM_PREC_MESSAGE:
			if (shown < MM_MAX_ERRORS_SHOWN && shown < f->n_err) f->err[shown++] = mm_strdup(r->text);
			break;
		default:
			break;
		}
	}
	mm_buf_free(&pf.lines);
	if (rc < 0) {
		mm_warn("%s", err.s);
		sh->msg = mm_strdup(err.s);
	}
	if (f && rc < 0 && !ended) {
		/* the block is cut short: what it holds is what was read */
		f->status = n_art || n_del ? MM_FS_ERROR : MM_FS_FAILED;
		f->records = n_art;
		f->docs = n_art;
		f->deletes = n_del;
		for (int k = 0; k < shown; ++k) free(f->err[k]);
		f->err[0] = mm_strdup(err.s);
		f->n_err = shown = 1;
	}
	mm_buf_free(&err);
	if (!f) return rc;
	/* messages an E line counts but the block lacks are empty */
	for (int k = shown; k < f->n_err && k < MM_MAX_ERRORS_SHOWN; ++k) f->err[k] = mm_strdup("");
	if (ap->part.f) mm_partial_end_file(&ap->part, f);
	mm_tally_add_file(&ap->n, f);
	return rc;
}

/* The filters of the shards' "#filters" text ("\t--option=key"...), to
 * describe in summary.json (each value is its key); NULL for none. */
static mm_filter *shard_filters(const char *text)
{
	if (!text || !*text) return NULL;
	mm_filter *f = mm_filter_new();
	for (const char *s = text; *s == '\t';) {
		const char *e = strchr(s + 1, '\t'), *eq = memchr(s + 1, '=', e ? (size_t)(e - s - 1) : strlen(s + 1));
		if (!e) e = s + strlen(s);
		if (eq) {
			char *opt = mm_strndup(s + 1, (size_t)(eq - s - 1)), *key = mm_strndup(eq + 1, (size_t)(e - eq - 1));
			for (int k = 0; k < MM_FILT_N; ++k)
				if (strcmp(opt, mm_filter_option[k]) == 0) mm_filter_describe(f, (mm_filter_kind)k, key);
			free(opt);
			free(key);
		}
		s = e;
	}
	return f;
}

static int cmp_path(const void *x, const void *y) { return mm_path_cmp(*(char *const *)x, *(char *const *)y); }

/* The input files the partial results list, each once, in input order
 * (the caller frees the array, not the strings: in[]'s) */
static char **listed_inputs(const mm_partial_in *in, int n_in, int *n)
{
	int m = 0;
	for (int i = 0; i < n_in; ++i) m += in[i].n_inputs;
	char **p = mm_malloc((size_t)(m ? m : 1) * sizeof *p);
	*n = 0;
	for (int i = 0; i < n_in; ++i)
		for (int k = 0; k < in[i].n_inputs; ++k) p[(*n)++] = in[i].inputs[k];
	if (*n > 1) qsort(p, (size_t)*n, sizeof *p, cmp_path);
	int w = 0;
	for (int k = 0; k < *n; ++k) if (!w || strcmp(p[w - 1], p[k])) p[w++] = p[k];
	*n = w;
	return p;
}

static int cmp_infile(const void *x, const void *y) { return mm_path_cmp(((const mm_infile *)x)->path, ((const mm_infile *)y)->path); }

/* The input files a partial result that could not be read to its end lists
 * but never reached: pending in summary.json, with a message naming the
 * partial result, in input order among the others. */
static void unreached_inputs(mm_filelist *fl, const mm_partial_in *in, const mm_shard *sh, int n_in)
{
	int added = 0;
	for (int i = 0; i < n_in; ++i) {
		if (!sh[i].msg) continue;
		for (int k = 0; k < in[i].n_inputs; ++k) {
			if (mm_files_find(fl, in[i].inputs[k]) >= 0) continue;
			mm_infile *f = mm_files_add(fl, in[i].inputs[k], 0);
			f->status = MM_FS_PENDING;
			mm_buf m = {0};
			mm_buf_printf(&m, "not read: the partial result %s ends before this file's records", in[i].dir);
			f->err[0] = m.s;
			f->n_err = 1;
			added = 1;
		}
	}
	if (added) qsort(fl->a, (size_t)fl->n, sizeof *fl->a, cmp_infile);
}

int mm_merge(const mm_opts *o)
{
	double t_start = mm_realtime();
	if (o->mentions || o->evidence_text) { mm_warn("merge: --mentions and --evidence-text are not available when merging partial results"); return 2; }
	mm_filelist fl = {0};
	mm_applier ap = {0};
	mm_buf err = {0};
	mm_lexicon *lx = mm_lexicon_open(o->lexicon, o->cache_dir, &ap.lc, &err);
	if (!lx) { mm_warn("%s", err.s); mm_buf_free(&err); free(ap.lc.file); return 2; }
	int n_in = o->n_inputs, rc = 0;
	mm_partial_in *in = mm_calloc((size_t)n_in, sizeof *in);
	if (open_all(in, n_in, o->inputs, lx) < 0) rc = 2;
	for (int i = 0; i < n_in && !rc && o->facts; ++i)
		if (!in[i].facts) {
			mm_warn("merge: %s: partial result made without --facts; merge --facts needs partial results made with --partial --facts", in[i].dir);
			rc = 2;
		}
	if (!rc && in[0].mesh && o->level_sentence) {
		mm_warn("merge: the partial results were made with --with-mesh, which counts documents: not with --level sentence");
		rc = 2;
	}
	if (rc) {}
	else if (mm_out_init(o->outdir, NULL, &err) < 0) { mm_warn("%s", err.s); rc = 3; }
	else {
		mm_out_signals();
		ap.part.file = -1;
		ap.part.facts = o->facts != NULL;
		ap.part.mesh = in[0].mesh;
		if (o->facts && (!(ap.fspool = mm_spool_open(mm_out_dir())) || !(ap.fsumspool = mm_spool_open(mm_out_dir())))) {
			mm_warn("%s: cannot create a temporary file: %s", mm_out_dir(), strerror(errno));
			mm_out_abort(); mm_out_free(); rc = 3;
		} else if (o->partial && mm_partial_open(&ap.part, lx, &err) < 0) { mm_warn("%s", err.s); mm_out_abort(); mm_out_free(); rc = 3; }
	}
	mm_buf_free(&err);
	if (rc) {
		for (int i = 0; i < n_in; ++i) mm_partial_in_close(&in[i]);
		if (ap.fspool) fclose(ap.fspool);
		if (ap.fsumspool) fclose(ap.fsumspool);
		free(in);
		mm_lexicon_free(lx);
		free(ap.lc.file);
		return rc;
	}
	ap.fl = &fl;
	ap.store = mm_store_new();
	if (in[0].mesh) {
		ap.mesh = mm_malloc(sizeof *ap.mesh);
		mm_mesh_init(ap.mesh, in[0].mesh, (uint32_t)lx->n_concept);
	}
	mm_filter *filt = shard_filters(in[0].filters.s);
	ap.filter = filt;
	if (ap.part.f) {
		int n_listed;
		char **listed = listed_inputs(in, n_in, &n_listed);
		mm_partial_put_filters(&ap.part.buf, filt);
		mm_partial_put_inputs(&ap.part.buf, listed, n_listed);
		free(listed);
	}
	mm_shard *sh = mm_calloc((size_t)n_in, sizeof *sh);
	for (int i = 0; i < n_in; ++i) sh[i].dir = o->inputs[i];
	ap.shard = sh;
	ap.n_shard = n_in;
	int failed = 0, best;
	while ((best = next_block(in, n_in)) >= 0) {
		mm_partial_in *p = &in[best];
		const char *path = p->rec.text;
		mm_infile *f = NULL;
		if (mm_files_find(&fl, path) >= 0) {
			mm_warn("%s: %s is in more than one partial result; read once", p->dir, path);
			sh[best].duplicates++;
		} else {
			f = mm_files_add(&fl, path, 0);
			sh[best].files++;
			if (ap.part.f) mm_partial_begin_file(&ap.part, fl.n - 1, f->path);
		}
		int r = merge_block(&ap, p, f, &sh[best]);
		if (r <= 0) p->ended = 1;
		failed += r < 0;
	}
	unreached_inputs(&fl, in, sh, n_in);
	for (int i = 0; i < n_in; ++i) mm_partial_in_close(&in[i]);
	free(in);
	if (failed) ap.n.failed++; /* makes the exit status 1: the result is incomplete */
	rc = mm_run_finish(o, lx, &fl, &ap, 1, t_start);
	mm_filter_free(filt);
	for (int i = 0; i < n_in; ++i) free(sh[i].msg);
	free(sh);
	return rc;
}
