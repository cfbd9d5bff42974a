/* apply.c -- the serial in-order step of a run, file errors, the progress
 * line, and the end of a run (runpriv.h). */
#include "runpriv.h"

#include <omp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

void mm_progress_line(merger *mg, int force)
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

static void merge_item(merger *mg, batch *b, item *it)
{
	mfile *f = &mg->fl->a[it->file];
	const char *msg = it->type == R_REC || !b->arena.s ? "" : b->arena.s + it->off; /* records are in b->data */
	int ml = it->type == R_REC ? 0 : (int)it->len;
	if (mg->partial) mm_partial_begin_file(mg, (int)it->file);
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
		if (mg->partial) mm_partial_end_file(mg, f);
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
		if (mg->partial) mm_partial_end_file(mg, f);
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
			if (mg->partial) mm_partial_article(mg, it);
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

void mm_apply_batch(merger *mg, batch *b)
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
	mm_progress_line(mg, 0);
}

int mm_run_finish(const mm_opts *o, mm_lexicon *lx, filelist *flp, merger *mgp, int threads, double t_start,
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
	if (mg.partial && mm_partial_close(&mg, &err) < 0) werr = 1;
	double t0 = mm_realtime();
	mm_counts cn;
	mm_count_opts copt = { o->by_year, o->evidence, o->keep_negated };
	mm_store_count(mg.store, lx->n_concept, &copt, &cn);
	double t_count = mm_realtime() - t0;
	t0 = mm_realtime();
	wstate ws = { lx, &cn, o, {0} };
	int dense_skipped = 0;
	if (werr) mm_buf_put(&ws.err, err.s, err.l);
	if (!werr && (mm_write_entities(&ws) < 0 || mm_write_pairs(&ws) < 0)) werr = 1;
	for (int a = 0; a < lx->n_type && !werr; ++a)
		for (int b2 = a; b2 < lx->n_type && !werr; ++b2)
			if (mm_write_matrix(&ws, a, b2, &dense_skipped) < 0) werr = 1;
	if (!werr && o->mentions && mm_write_mentions(&ws, &mg) < 0) werr = 1;
	if (!werr && o->by_year && mm_write_by_year(&ws) < 0) werr = 1;
	if (!werr && o->evidence > 0 && mm_write_evidence(&ws, &mg) < 0) werr = 1;
	double t_write = mm_realtime() - t0;
	if (!werr && mm_write_summary(&ws, &mg, o, threads, exit_status, mm_realtime() - t_start, t_read, t_parse, t_match,
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
	mm_files_free(&fl);
	mm_buf_free(&ws.err);
	mm_buf_free(&err);
	mm_lexicon_free(lx);
	free(mg.lc.file);
	mm_out_free();
	return exit_status;
}

