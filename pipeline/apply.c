/* apply.c -- the serial in-order step of a run, file errors, the progress
 * line, and the end of a run (runpriv.h). */
#include "runpriv.h"
#include "report.h"

#include <omp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void file_error(mm_applier *ap, mm_infile *f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void file_error(mm_applier *ap, mm_infile *f, const char *fmt, ...)
{
	va_list va;
	va_start(va, fmt);
	mm_buf m = {0};
	int n = vsnprintf(NULL, 0, fmt, va);
	va_end(va);
	mm_buf_grow(&m, (size_t)n);
	va_start(va, fmt);
	vsnprintf(m.s, (size_t)n + 1, fmt, va);
	va_end(va);
	m.l = (size_t)n;
	if (f->n_err < MM_MAX_ERRORS_SHOWN) {
		mm_progress_clear(ap);
		fprintf(stderr, "myomine: %s: %s\n", mm_infile_name(f), m.s);
		f->err[f->n_err] = m.s;
	} else {
		if (f->n_err == MM_MAX_ERRORS_SHOWN) mm_progress_clear(ap), fprintf(stderr, "myomine: %s: further errors in this file are counted in summary.json only\n", mm_infile_name(f));
		free(m.s);
	}
	f->n_err++;
}

void mm_progress_clear(mm_applier *ap)
{
	if (!ap->progress) return;
	fputs("\r\033[K", stderr);
	mm_out_progress(0);
}

void mm_progress_line(mm_applier *ap, int force)
{
	double now = mm_realtime();
	if (!ap->progress || (!force && now - ap->t_last < 0.5)) return;
	ap->t_last = now;
	double el = now - ap->t_start;
	double mbs = el > 0 ? ap->out_pos / el / 1e6 : 0;
	char eta[32] = "?";
	if (ap->in_pos && ap->total_size > ap->in_pos) {
		double left = el * (double)(ap->total_size - ap->in_pos) / (double)ap->in_pos;
		snprintf(eta, sizeof eta, "%dm%02ds", (int)(left / 60), (int)left % 60);
	} else if (ap->in_pos >= ap->total_size) snprintf(eta, sizeof eta, "0s");
	fprintf(stderr, "\r\033[Kmyomine: files %d/%d, %llu documents, %.1f MB/s, ETA %s",
	        ap->files_done, ap->fl->n, (unsigned long long)ap->n.docs_read, mbs, eta);
	mm_out_progress(1); /* an interrupt ends the line before its message */
}

/* A record: a document to store (and spool), a list of deletions, or a
 * record that could not be parsed. */
static void apply_record(mm_applier *ap, mm_infile *f, const mm_item *it)
{
	f->records++;
	ap->n.records++;
	f->bad_utf8 += (uint64_t)it->bad_utf8;
	f->bad_refs += (uint64_t)it->bad_refs;
	ap->n.bad_utf8 += (uint64_t)it->bad_utf8;
	ap->n.bad_refs += (uint64_t)it->bad_refs;
	if (!it->ok) {
		f->failed++;
		ap->n.failed++;
		if (it->line) file_error(ap, f, "line %llu: record skipped: %s", (unsigned long long)it->line, it->err);
		else file_error(ap, f, "byte %llu: record skipped: %s (offset within the record)", (unsigned long long)it->offset, it->err);
	} else if (it->kind == MM_REC_DELETE) {
		f->deletes += (uint64_t)it->n_del;
		ap->n.deletes += (uint64_t)it->n_del;
		for (int k = 0; k < it->n_del; ++k) {
			mm_store_delete(ap->store, it->del[k]);
			if (ap->part.f) mm_partial_delete(&ap->part, it->del[k]);
			if (ap->fsumspool) mm_fseq_delete(&ap->fseq, it->del[k]);
		}
	} else {
		f->docs++;
		ap->n.docs_read++;
		uint64_t seq = ++ap->seq;
		mm_item a = *it; /* with --with-mesh, its hits and its headings' */
		if (ap->mesh && it->mesh_len)
			a.n_hit = mm_mesh_hits(ap->mesh, it->mesh, it->mesh_len, it->pmid, it->version, it->hit, it->n_hit, &ap->hbuf, &ap->hcap),
			a.hit = ap->hbuf;
		int applied = mm_store_article(ap->store, it->pmid, it->version, it->year, it->has_abs, it->n_sent, a.hit, a.n_hit, seq);
		if (ap->part.f && it->facts) mm_partial_facts(&ap->part, it->facts);
		if (ap->part.f && ap->mesh) mm_partial_mesh_names(&ap->part, ap->mesh, a.hit, a.n_hit);
		if (ap->part.f) mm_partial_article(&ap->part, &a);
		if (it->fail) {
			if (applied) mm_store_filter_out(ap->store, it->pmid, it->fail);
			if (ap->part.f) mm_partial_filtered(&ap->part, it->fail);
		}
		if (applied && ap->fsumspool) mm_apply_facts(ap, seq, it);
		if (applied && it->docrow_len && ap->docspool) mm_documents_spool(ap, it->pmid, seq, it->docrow, it->docrow_len);
		if (applied && it->evtext_len && ap->evspool) mm_spool_put(ap->evspool, seq, it->pmid, it->evtext, it->evtext_len);
		if (applied && it->out_len && ap->spool) mm_spool_put(ap->spool, seq, it->pmid, it->out, it->out_len);
	}
}

void mm_apply_facts(mm_applier *ap, uint64_t seq, const mm_item *it)
{
	if (it->facts && it->facts->len) mm_spool_put(ap->fspool, seq, it->pmid, it->facts->lines, it->facts->len);
	int sp = mm_fsum_spool(ap->fsumspool, seq, it);
	mm_fseq_article(&ap->fseq, it->pmid, seq, sp || it->facts);
}

static void apply_item(mm_applier *ap, mm_batch *b, mm_item *it)
{
	mm_infile *f = &ap->fl->a[it->file];
	const char *msg = it->type == MM_IT_REC || !b->arena.s ? "" : b->arena.s + it->off; /* records are in b->data */
	int ml = it->type == MM_IT_REC ? 0 : (int)it->len;
	if (ap->part.f) mm_partial_begin_file(&ap->part, (int)it->file, f->path);
	switch (it->type) {
	case MM_IT_OPEN_FAIL:
		if (f->from_dir && !f->gz_name && f->size > 0 && strncmp(msg, "unrecognised format", 19) == 0) {
			f->status = MM_FS_SKIPPED;
			if (mm_verbose) mm_progress_clear(ap), mm_warn("%s: skipped: %.*s", mm_infile_name(f), ml, msg);
			f->err[f->n_err++] = mm_strndup(msg, it->len);
		} else {
			f->status = MM_FS_FAILED;
			file_error(ap, f, "%.*s", ml, msg);
		}
		f->in_bytes = it->in_bytes;
		ap->in_done += f->size;
		ap->files_done++;
		if (ap->part.f) mm_partial_end_file(&ap->part, f);
		break;
	case MM_IT_BAD:
		f->records++;
		f->failed++;
		ap->n.records++;
		ap->n.failed++;
		file_error(ap, f, "%.*s", ml, msg);
		break;
	case MM_IT_FATAL:
		f->status = MM_FS_ERROR;
		file_error(ap, f, "%.*s; records before this point were kept", ml, msg);
		break;
	case MM_IT_FILE_END:
		f->in_bytes = it->in_bytes;
		f->out_bytes = it->out_bytes;
		f->fmt = it->fmt;
		ap->n.out_bytes += it->out_bytes;
		ap->in_done += it->in_bytes;
		ap->out_done += it->out_bytes;
		if (f->status == MM_FS_PENDING) f->status = f->failed ? MM_FS_ERROR : MM_FS_OK;
		if (f->bad_utf8 && mm_verbose) mm_progress_clear(ap), mm_warn("%s: %llu invalid UTF-8 sequences replaced by U+FFFD", mm_infile_name(f), (unsigned long long)f->bad_utf8);
		if (f->bad_refs && mm_verbose) mm_progress_clear(ap), mm_warn("%s: %llu unknown or malformed character references kept as text", mm_infile_name(f), (unsigned long long)f->bad_refs);
		if (ap->mesh && f->fmt == MM_FMT_PUBTATOR && f->docs && mm_verbose)
			mm_progress_clear(ap), mm_warn("%s: PubTator has no MeSH headings: its %llu documents count with no mesh concept (--with-mesh)",
			                               mm_infile_name(f), (unsigned long long)f->docs);
		ap->files_done++;
		if (ap->part.f) mm_partial_end_file(&ap->part, f);
		break;
	case MM_IT_REC:
		apply_record(ap, f, it);
		break;
	}
	free(it->hit); free(it->del); free(it->out); free(it->err); free(it->evtext); free(it->docrow); free(it->facts); free(it->mesh);
	it->hit = NULL; it->del = NULL; it->out = NULL; it->err = NULL; it->evtext = NULL; it->docrow = NULL; it->facts = NULL; it->mesh = NULL;
}

void mm_apply_batch(mm_applier *ap, mm_batch *b)
{
	double t0 = omp_get_wtime();
	for (size_t i = 0; i < b->n; ++i) {
		mm_item *it = &b->it[i];
		if (it->type == MM_IT_REC && it->kind == MM_REC_CHUNK) {
			for (size_t k = 0; k < it->n_sub; ++k) apply_item(ap, b, &it->sub[k]);
			free(it->sub);
			it->sub = NULL;
			it->n_sub = 0;
			continue;
		}
		apply_item(ap, b, it);
	}
	ap->in_pos = ap->in_done + b->in_pos;
	ap->out_pos = ap->out_done + b->out_pos;
	ap->t.read += b->t_read;
	ap->t.apply += omp_get_wtime() - t0;
	mm_progress_line(ap, 0);
}

void mm_tally_add_file(mm_tally *t, const mm_infile *f)
{
	t->records += f->records;
	t->failed += f->failed;
	t->docs_read += f->docs;
	t->deletes += f->deletes;
	t->bad_utf8 += f->bad_utf8;
	t->bad_refs += f->bad_refs;
	t->out_bytes += f->out_bytes;
}

/* ---- the end of a run ------------------------------------------------------------ */

/* 1 when an input failed (some or all of it), else 0 */
static int inputs_status(const mm_filelist *fl, const mm_tally *n)
{
	for (int i = 0; i < fl->n; ++i)
		if (fl->a[i].status == MM_FS_ERROR || fl->a[i].status == MM_FS_FAILED) return 1;
	return n->failed ? 1 : 0;
}

/* report.html from the outputs just written (report.h): it is built from
 * the new directory, so it is committed with them.  0, or -1 with a
 * message in w->err. */
static int write_report(mm_writer *w)
{
	mm_buf html = {0}, e = {0};
	int rc = -1;
	if (mm_report_build(mm_out_dir(), NULL, NULL, &html, &e) != MM_REPORT_OK) mm_buf_printf(&w->err, "report.html: %s", e.s ? e.s : "error");
	else {
		mm_outfile *f = mm_out_open("report.html", 0, &w->err);
		if (f) {
			int r = mm_out_buf(f, &html);
			rc = mm_out_close(f, &w->err) < 0 || r < 0 ? -1 : 0;
		}
	}
	mm_buf_free(&html);
	mm_buf_free(&e);
	return rc;
}

/* The last line on stderr: what was read, found and how long it took. */
static void final_line(const mm_opts *o, const mm_filelist *fl, const mm_applier *ap, const mm_counts *cn,
                       double t_start, int written)
{
	const mm_store_stats *st = mm_store_get_stats(ap->store);
	char passed[64] = "";
	if (mm_filter_kinds(ap->filter)) snprintf(passed, sizeof passed, ", %llu passed the filters", (unsigned long long)(st->live - st->filtered));
	fprintf(stderr, "myomine %s: %d file%s, %llu documents read (%llu final, %llu superseded, %llu deleted, %llu failed)%s, "
	                "%llu mentions; %.2f s wall, %.2f s CPU, %.1f MB peak RSS%s%s\n",
	        MM_VERSION, fl->n, fl->n == 1 ? "" : "s", (unsigned long long)ap->n.docs_read, (unsigned long long)st->live,
	        (unsigned long long)(st->superseded + st->older_ignored), (unsigned long long)st->deleted,
	        (unsigned long long)ap->n.failed, passed, (unsigned long long)cn->mentions, mm_realtime() - t_start, mm_cputime(),
	        mm_peakrss_kb() / 1024.0, written ? "; results in " : "", written ? o->outdir : "");
}

/* --with-mesh: the concepts of the outputs, the lexicon's and the MeSH
 * concepts of the final documents in id order (mesh.h), which the store's
 * concepts are renumbered to. */
static mm_lexicon *mesh_concepts(mm_applier *ap, const mm_lexicon *lx)
{
	size_t n = (size_t)ap->mesh->base + ap->mesh->n;
	uint8_t *used = mm_calloc(n ? n : 1, 1);
	uint32_t *map = mm_malloc((n ? n : 1) * sizeof *map);
	mm_store_concepts_used(ap->store, used);
	mm_lexicon *cx = mm_mesh_view(ap->mesh, lx, used, map);
	mm_store_renumber(ap->store, map);
	free(used);
	free(map);
	return cx;
}

int mm_run_finish(const mm_opts *o, mm_lexicon *lx, mm_filelist *fl, mm_applier *ap, int threads, double t_start)
{
	int exit_status = inputs_status(fl, &ap->n);
	mm_writer ws = { lx, lx, NULL, o, {0} };
	if (ap->part.f && ap->mesh) mm_partial_mesh_final(&ap->part, ap->mesh);
	int werr = ap->part.f && mm_partial_close(&ap->part, &ws.err) < 0;
	double t0 = mm_realtime();
	mm_counts cn;
	mm_count_opts copt = { o->by_year, o->evidence, o->keep_negated };
	mm_lexicon *cx = ap->mesh ? mesh_concepts(ap, lx) : NULL;
	if (cx) ws.cx = cx;
	mm_store_count(ap->store, ws.cx->n_concept, &copt, &cn);
	ws.cn = &cn;
	ap->t.count = mm_realtime() - t0;
	t0 = mm_realtime();
	int dense_skipped = 0;
	if (!werr && mm_write_outputs(&ws, ap, &dense_skipped) < 0) werr = 1;
	ap->t.write = mm_realtime() - t0;
	if (!werr && mm_write_summary(&ws, ap, threads, exit_status, mm_realtime() - t_start, dense_skipped) < 0) werr = 1;
	if (!werr && o->report && write_report(&ws) < 0) werr = 1;
	if (!werr && mm_out_commit(&ws.err) < 0) werr = 1;
	if (werr) {
		mm_out_abort();
		mm_warn("%s; no output was changed", ws.err.s ? ws.err.s : "output error");
		exit_status = 3;
	} else if (dense_skipped && mm_verbose) {
		mm_warn("%d dense CSV matrices skipped (more than %ld cells; see --dense-max); the .mtx files are complete", dense_skipped, o->dense_max);
	}
	for (int k = 0; ap->limit_hits && mm_verbose && k < lx->n_pattern; ++k) {
		const mm_concept *c = &lx->c[lx->pattern_concept[k]];
		if (ap->limit_hits[k])
			mm_warn("%s: the pattern of %s gave up at a PCRE2 limit (catastrophic backtracking) at %llu start positions: "
			        "mentions starting there may be lost; simplify the pattern (lexicons/README.md, \"Patterns\")",
			        c->where ? c->where : "?", c->id, (unsigned long long)ap->limit_hits[k]);
	}
	if (!o->quiet) final_line(o, fl, ap, &cn, t_start, !werr);
	if (ap->spool) fclose(ap->spool);
	if (ap->evspool) fclose(ap->evspool);
	if (ap->fspool) fclose(ap->fspool);
	if (ap->fsumspool) fclose(ap->fsumspool);
	mm_fseq_free(&ap->fseq);
	if (ap->docspool) fclose(ap->docspool);
	free(ap->docseq);
	mm_counts_free(&cn);
	mm_store_free(ap->store);
	mm_files_free(fl);
	mm_buf_free(&ws.err);
	mm_mesh_view_free(cx);
	mm_lexicon_free(lx);
	free(ap->lc.file);
	free(ap->limit_hits);
	if (ap->mesh) mm_mesh_free(ap->mesh);
	free(ap->mesh);
	free(ap->hbuf);
	mm_out_free();
	return exit_status;
}
