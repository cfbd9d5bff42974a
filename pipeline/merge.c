/* merge.c -- myomine merge: partial results to the outputs of one run
 * (run.h). */
#include "runpriv.h"

#include <stdlib.h>
#include <string.h>

int mm_merge(const mm_opts *o)
{
	double t_start = mm_realtime();
	mm_buf err = {0};
	if (o->mentions || o->evidence_text) { mm_warn("merge: --mentions and --evidence-text are not available when merging partial results"); return 2; }
	mm_filelist fl = {0};
	mm_applier ap = {0};
	mm_lexicon *lx = mm_lexicon_open(o->lexicon, o->cache_dir, &ap.lc, &err);
	if (!lx) { mm_warn("%s", err.s); mm_buf_free(&err); free(ap.lc.file); return 2; }
	uint64_t fp = mm_partial_fingerprint(lx);
	mm_shard *sh = mm_calloc((size_t)o->n_inputs, sizeof *sh);
	int n_sh = o->n_inputs, bad = 0;
	for (int i = 0; i < n_sh && !bad; ++i) {
		char e[256];
		mm_buf p = {0};
		mm_buf_printf(&p, "%s/%s", o->inputs[i], MM_PARTIAL_NAME);
		sh[i].dir = o->inputs[i];
		sh[i].cap = 1 << 20;
		sh[i].buf = mm_malloc(sh[i].cap);
		sh[i].rd = mm_reader_open(p.s, e, sizeof e);
		if (!sh[i].rd) { mm_warn("%s: %s (was the run made with --partial?)", p.s, e); bad = 1; }
		else {
			unsigned long long got = 0;
			int nc = -1;
			if (mm_shard_line(&sh[i]) != 1 || strcmp(sh[i].line.s, "#myomine-partial 1")) bad = mm_shard_bad(&sh[i], "not a myomine partial result (version 1)") < 0;
			else if (mm_shard_line(&sh[i]) != 1 || sscanf(sh[i].line.s, "#lexicon %llx %d", &got, &nc) != 2) bad = mm_shard_bad(&sh[i], "no #lexicon line") < 0;
			else if (got != fp || nc != lx->n_concept) {
				mm_warn("%s: made with another lexicon (fingerprint %016llx, %d concepts; this one: %016llx, %d); merge with the same -l",
				        o->inputs[i], got, nc, (unsigned long long)fp, lx->n_concept);
				bad = 1;
			} else if (mm_shard_line(&sh[i]) != 1) bad = mm_shard_bad(&sh[i], "partial result ends without #end (truncated?)") < 0;
		}
		mm_buf_free(&p);
	}
	if (bad || mm_out_init(o->outdir, &err) < 0) {
		if (err.l) mm_warn("%s", err.s);
		for (int i = 0; i < n_sh; ++i) { mm_reader_close(sh[i].rd); free(sh[i].buf); mm_buf_free(&sh[i].line); }
		free(sh); mm_lexicon_free(lx); mm_buf_free(&err); free(ap.lc.file);
		return bad ? 2 : 3;
	}
	mm_out_signals();
	ap.fl = &fl;
	ap.store = mm_store_new();
	ap.pfile = -1;
	if (o->partial && mm_partial_open(&ap, lx, &err) < 0) { mm_warn("%s", err.s); mm_out_abort(); return 3; }
	int failed_shards = 0;
	for (;;) {
		/* the shard whose next block comes first in file-name order */
		int best = -1;
		for (int i = 0; i < n_sh; ++i) {
			if (sh[i].ended || sh[i].line.l < 2 || sh[i].line.s[0] != 'F') continue;
			if (best < 0) { best = i; continue; }
			mm_infile x = { .path = sh[i].line.s + 2 }, y = { .path = sh[best].line.s + 2 };
			if (mm_file_cmp(&x, &y) < 0) best = i;
		}
		if (best < 0) break;
		mm_shard *s = &sh[best];
		int dup = 0;
		for (int k = 0; k < fl.n && !dup; ++k) dup = strcmp(fl.a[k].path, s->line.s + 2) == 0;
		mm_infile *f = NULL;
		if (dup) mm_warn("%s: %s is in more than one partial result; read once", s->dir, s->line.s + 2);
		else {
			f = mm_files_add(&fl, s->line.s + 2, 0);
			if (ap.partial) mm_partial_begin_file(&ap, fl.n - 1);
		}
		int rc, shown = 0;
		while ((rc = mm_shard_line(s)) == 1) {
			const char *l = s->line.s;
			if (l[0] == 'F' || strcmp(l, "#end") == 0) break;
			if (!f) continue;
			if (l[0] == 'A') {
				mm_item it;
				if (mm_partial_parse_article(l + 1, &it, lx->n_concept) < 0) { free(it.hit); mm_shard_bad(s, "malformed A line"); rc = -2; break; }
				mm_store_article(ap.store, it.pmid, it.version, it.year, it.has_abs, it.n_sent, it.hit, it.n_hit, ++ap.seq);
				if (ap.partial) mm_partial_article(&ap, &it);
				free(it.hit);
			} else if (l[0] == 'D') {
				uint32_t pmid;
				if (mm_parse_pmid(l + 2, s->line.l - 2, &pmid) < 0) { mm_shard_bad(s, "malformed D line"); rc = -2; break; }
				mm_store_delete(ap.store, pmid);
				if (ap.partial) mm_buf_printf(&ap.pbuf, "D\t%u\n", pmid);
			} else if (l[0] == 'E') {
				char st[16], fmt[16];
				unsigned long long v[9];
				if (sscanf(l, "E\t%15s\t%15s\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%d", st, fmt, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &f->n_err) != 11) {
					mm_shard_bad(s, "malformed E line"); rc = -2; break;
				}
				for (int k = 0; k < 5; ++k) if (!strcmp(st, mm_fs_name[k])) f->status = k;
				f->fmt = !strcmp(fmt, "pubmed") ? MM_FMT_PUBMED : !strcmp(fmt, "medline") ? MM_FMT_MEDLINE : !strcmp(fmt, "pubtator") ? MM_FMT_PUBTATOR : MM_FMT_AUTO;
				f->in_bytes = v[0]; f->out_bytes = v[1]; f->records = v[2]; f->docs = v[3]; f->failed = v[4];
				f->deletes = v[5]; f->bad_utf8 = v[6]; f->bad_refs = v[7];
			} else if (l[0] == 'M') {
				if (shown < MM_MAX_ERRORS_SHOWN && shown < f->n_err) f->err[shown++] = mm_strdup(l + 2);
				if (ap.partial && shown == (f->n_err < MM_MAX_ERRORS_SHOWN ? f->n_err : MM_MAX_ERRORS_SHOWN)) mm_partial_end_file(&ap, f);
			} else { mm_shard_bad(s, "unknown line"); rc = -2; break; }
		}
		if (f && ap.partial && ap.pfile >= 0) mm_partial_end_file(&ap, f);
		if (rc == 1 && strcmp(s->line.s, "#end") == 0) s->ended = 1;
		else if (rc != 1) {
			if (rc == 0) mm_shard_bad(s, "partial result ends without #end (truncated?)");
			else if (rc == -1) mm_warn("%s/%s: %s", s->dir, MM_PARTIAL_NAME, mm_reader_error(s->rd));
			s->ended = 1;
			failed_shards++;
		}
		if (f) {
			ap.records += f->records; ap.failed += f->failed; ap.docs_read += f->docs; ap.deletes += f->deletes;
			ap.bad_utf8 += f->bad_utf8; ap.bad_refs += f->bad_refs; ap.out_bytes += f->out_bytes;
		}
	}
	for (int i = 0; i < n_sh; ++i) { mm_reader_close(sh[i].rd); free(sh[i].buf); mm_buf_free(&sh[i].line); }
	free(sh);
	mm_buf_free(&err);
	if (failed_shards) ap.failed++; /* makes the exit status 1: the result is incomplete */
	return mm_run_finish(o, lx, &fl, &ap, 1, t_start, 0, 0, 0);
}
