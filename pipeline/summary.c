/* summary.c -- summary.json: the run, its inputs, lexicon, filters, counts
 * and timings (runpriv.h; docs/outputs.md lists every key). */
#include "runpriv.h"
#include "negate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *status_of(const mm_infile *f) { return mm_fs_name[f->status]; }

/* "key": {"total": N, "<type>": n, ...}: per-concept counts summed by
 * type (of the lexicon's types: MeSH headings are no mentions) */
static void json_per_type(mm_buf *b, const char *key, uint64_t total, const uint64_t *per_concept, const mm_lexicon *lx,
                          int skip)
{
	mm_buf_printf(b, "  \"%s\": {\"total\": %llu", key, (unsigned long long)total);
	for (int t = 0; t < lx->n_type; ++t) {
		if (t == skip) continue;
		uint64_t s = 0;
		for (int i = 0; i < lx->n_concept; ++i) if (lx->c[i].type_idx == t) s += per_concept[i];
		mm_buf_puts(b, ", ");
		mm_buf_json(b, lx->type[t]);
		mm_buf_printf(b, ": %llu", (unsigned long long)s);
	}
	mm_buf_putc(b, '}');
}

/* "lexicon": {...}: what was loaded, from where, how */
static void json_lexicon(mm_buf *bp, const mm_lexicon *lx, const char *path, const mm_lexcache_info *lc)
{
	mm_buf_puts(bp, "  \"lexicon\": {\n    \"path\": ");
	mm_buf_json(bp, path);
	mm_buf_printf(bp, ",\n    \"concepts\": %d,\n    \"names\": %llu,\n    \"patterns\": %d,\n    \"types\": [", lx->n_concept,
	              (unsigned long long)lx->n_names, lx->n_pattern);
	for (int t = 0; t < lx->n_type; ++t) { if (t) mm_buf_puts(bp, ", "); mm_buf_json(bp, lx->type[t]); }
	mm_buf_puts(bp, "],\n    \"files\": [");
	for (int i = 0; i < lx->n_file; ++i) {
		mm_buf_puts(bp, i ? ",\n      {\"path\": " : "\n      {\"path\": ");
		mm_buf_json(bp, lx->file[i].path);
		mm_buf_printf(bp, ", \"bytes\": %llu, \"concepts\": %d, \"crc32\": \"%08x\"}", (unsigned long long)lx->file[i].bytes,
		              lx->file[i].concepts, lx->file[i].crc32);
	}
	mm_buf_puts(bp, "\n    ],\n    \"blocklist\": ");
	if (lx->blocklist_path) {
		mm_buf_puts(bp, "{\"path\": ");
		mm_buf_json(bp, lx->blocklist_path);
		mm_buf_printf(bp, ", \"entries\": %d, \"crc32\": \"%08x\"}", lx->n_block, lx->blocklist_crc32);
	} else mm_buf_puts(bp, "null");
	mm_buf_puts(bp, ",\n    \"negation\": ");
	if (lx->negation_path) {
		mm_buf_puts(bp, "{\"path\": ");
		mm_buf_json(bp, lx->negation_path);
		mm_buf_printf(bp, ", \"rules\": %d, \"crc32\": \"%08x\"}", mm_negrules_count(lx->neg), lx->negation_crc32);
	} else mm_buf_puts(bp, "\"built-in\"");
	static const char *const lc_state[] = { "off", "small", "hit", "written", "unwritable" };
	mm_buf_printf(bp, ",\n    \"cache\": \"%s\",\n    \"cache_file\": ", lc_state[lc->state]);
	if (lc->file) mm_buf_json(bp, lc->file);
	else mm_buf_puts(bp, "null");
}

/* "inputs": [...]: every file, its status, counts and first messages;
 * n_st[status] counts the files of each status */
static void json_inputs(mm_buf *bp, const mm_filelist *fl, int *n_st)
{
	mm_buf_puts(bp, "\n  },\n  \"inputs\": [");
	for (int i = 0; i < fl->n; ++i) {
		const mm_infile *f = &fl->a[i];
		n_st[f->status]++;
		mm_buf_puts(bp, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
		mm_buf_json(bp, f->path);
		mm_buf_printf(bp, ", \"status\": \"%s\", \"format\": \"%s\", \"bytes\": %llu, \"uncompressed_bytes\": %llu, "
		                  "\"records\": %llu, \"documents\": %llu, \"failed\": %llu, \"deleted_listed\": %llu, "
		                  "\"invalid_utf8\": %llu, \"bad_character_references\": %llu, \"errors\": %d, \"messages\": [",
		              status_of(f), f->status == MM_FS_OK || f->status == MM_FS_ERROR ? mm_format_name(f->fmt) : "unknown",
		              (unsigned long long)f->in_bytes, (unsigned long long)f->out_bytes, (unsigned long long)f->records,
		              (unsigned long long)f->docs, (unsigned long long)f->failed, (unsigned long long)f->deletes,
		              (unsigned long long)f->bad_utf8, (unsigned long long)f->bad_refs, f->n_err);
		int shown = f->n_err < MM_MAX_ERRORS_SHOWN ? f->n_err : MM_MAX_ERRORS_SHOWN;
		for (int k = 0; k < shown; ++k) { if (k) mm_buf_puts(bp, ", "); mm_buf_json(bp, f->err[k]); }
		mm_buf_puts(bp, "]}");
	}
}

/* "filters": {...}: the filters, the final documents each one removed
 * (a document failing two is counted by both) and how many passed all;
 * nothing without filters */
static void json_filters(mm_buf *b, const mm_filter *f, const mm_store_stats *st)
{
	unsigned kinds = mm_filter_kinds(f);
	if (!kinds) return;
	mm_buf_printf(b, "  \"filters\": {\"final\": %llu, \"removed\": %llu, \"passed\": %llu, \"by_filter\": [",
	              (unsigned long long)st->live, (unsigned long long)st->filtered, (unsigned long long)(st->live - st->filtered));
	int n = 0;
	for (int k = 0; k < MM_FILT_N; ++k) {
		if (!(kinds >> k & 1)) continue;
		mm_buf_puts(b, n++ ? ",\n    {\"option\": " : "\n    {\"option\": ");
		mm_buf_json(b, mm_filter_option[k]);
		mm_buf_puts(b, ", \"value\": ");
		mm_buf_json(b, mm_filter_value(f, (mm_filter_kind)k));
		mm_buf_puts(b, ", \"key\": ");
		mm_buf_json(b, mm_filter_key(f, (mm_filter_kind)k));
		mm_buf_printf(b, ", \"removed\": %llu}", (unsigned long long)st->filtered_by[k]);
	}
	mm_buf_puts(b, "\n  ]},\n");
}

/* "shards": [...] (myomine merge): each partial result, whether it was read
 * to its end, the file blocks taken from it and why it failed */
static void json_shards(mm_buf *bp, const mm_shard *sh, int n)
{
	int n_failed = 0;
	mm_buf_puts(bp, "  \"shards\": [");
	for (int i = 0; i < n; ++i) {
		mm_buf_puts(bp, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
		mm_buf_json(bp, sh[i].dir);
		mm_buf_printf(bp, ", \"status\": \"%s\", \"files\": %d, \"duplicate_files\": %d, \"message\": ",
		              sh[i].msg ? "failed" : "ok", sh[i].files, sh[i].duplicates);
		if (sh[i].msg) mm_buf_json(bp, sh[i].msg);
		else mm_buf_puts(bp, "null");
		mm_buf_putc(bp, '}');
		n_failed += sh[i].msg != NULL;
	}
	mm_buf_printf(bp, "\n  ],\n  \"shards_failed\": %d,\n", n_failed);
}

/* "pattern_limit_hits": the patterns whose searches gave up at a PCRE2
 * limit, with the number of start positions (hits may be NULL: none). */
static void json_limit_hits(mm_buf *b, const mm_lexicon *lx, const uint64_t *hits)
{
	mm_buf_puts(b, "  \"pattern_limit_hits\": [");
	int n = 0;
	for (int k = 0; hits && k < lx->n_pattern; ++k) {
		if (!hits[k]) continue;
		const mm_concept *c = &lx->c[lx->pattern_concept[k]];
		const char *w = c->where ? c->where : "", *colon = strrchr(w, ':');
		mm_buf_puts(b, n++ ? ",\n    {\"file\": " : "\n    {\"file\": ");
		char *file = mm_strndup(w, colon ? (size_t)(colon - w) : strlen(w));
		mm_buf_json(b, file);
		free(file);
		mm_buf_printf(b, ", \"line\": %ld, \"id\": ", colon ? strtol(colon + 1, NULL, 10) : 0L);
		mm_buf_json(b, c->id);
		mm_buf_printf(b, ", \"hits\": %llu}", (unsigned long long)hits[k]);
	}
	mm_buf_puts(b, n ? "\n  ],\n" : "],\n");
}

int mm_write_summary(mm_writer *w, const mm_applier *ap, int threads, int exit_status, double t_wall, int dense_skipped)
{
	const mm_opts *o = w->o;
	const mm_timings *tm = &ap->t;
	const mm_lexicon *lx = w->lx;
	const mm_store_stats *st = mm_store_get_stats(ap->store);
	mm_buf b = {0};
	mm_buf_printf(&b, "{\n  \"version\": \"%s\",\n  \"command\": ", MM_VERSION);
	mm_buf_json(&b, o->cmdline ? o->cmdline : "");
	mm_buf_printf(&b, ",\n  \"exit_status\": %d,\n  \"threads\": %d,\n  \"level\": \"%s\",\n", exit_status, threads,
	              o->level_sentence ? "sentence" : "document");
	json_lexicon(&b, lx, o->lexicon, &ap->lc);
	int n_st[MM_FS_SKIPPED + 1] = {0};
	json_inputs(&b, ap->fl, n_st);
	mm_buf_printf(&b, "\n  ],\n  \"files\": {\"total\": %d, \"ok\": %d, \"error\": %d, \"failed\": %d, \"skipped\": %d, \"pending\": %d},\n",
	              ap->fl->n, n_st[MM_FS_OK], n_st[MM_FS_ERROR], n_st[MM_FS_FAILED], n_st[MM_FS_SKIPPED], n_st[MM_FS_PENDING]);
	if (ap->n_shard) json_shards(&b, ap->shard, ap->n_shard);
	mm_buf_printf(&b, "  \"documents\": {\"records\": %llu, \"read\": %llu, \"failed\": %llu, \"superseded\": %llu, "
	                  "\"older_version_ignored\": %llu, \"delete_listed\": %llu, \"deleted\": %llu, \"final\": %llu, "
	                  "\"with_abstract\": %llu, \"with_mentions\": %llu, \"sentences\": %llu},\n",
	              (unsigned long long)ap->n.records, (unsigned long long)ap->n.docs_read, (unsigned long long)ap->n.failed,
	              (unsigned long long)st->superseded, (unsigned long long)st->older_ignored,
	              (unsigned long long)st->delete_listed, (unsigned long long)st->deleted, (unsigned long long)st->live,
	              (unsigned long long)st->live_abstract, (unsigned long long)w->cn->docs_with_mentions,
	              (unsigned long long)st->live_sentences);
	json_filters(&b, ap->filter, st);
	const mm_lexicon *cx = w->cx;
	int mt = -1;
	for (int t = 0; cx != lx && t < cx->n_type; ++t) if (strcmp(cx->type[t], "mesh") == 0) mt = t;
	if (mt >= 0) {
		int nc = 0;
		for (int i = 0; i < cx->n_concept; ++i) nc += cx->c[i].type_idx == mt;
		mm_buf_printf(&b, "  \"mesh\": {\"mode\": \"%s\", \"concepts\": %d, \"documents_indexed\": %llu},\n",
		              mm_mesh_mode_name[ap->mesh->mode], nc, (unsigned long long)w->cn->docs_indexed);
	}
	json_per_type(&b, "mentions", w->cn->mentions, w->cn->c_mentions, cx, mt);
	mm_buf_puts(&b, ",\n");
	json_per_type(&b, "negated_mentions", w->cn->negated, w->cn->c_negated, cx, mt);
	mm_buf_printf(&b, ",\n  \"keep_negated\": %s,\n  \"pairs\": %zu,\n  \"dense_matrices_skipped\": %d,\n",
	              o->keep_negated ? "true" : "false", w->cn->n_pair, dense_skipped);
	mm_buf_printf(&b, "  \"warnings\": {\"invalid_utf8\": %llu, \"bad_character_references\": %llu},\n",
	              (unsigned long long)ap->n.bad_utf8, (unsigned long long)ap->n.bad_refs);
	json_limit_hits(&b, lx, ap->limit_hits);
	uint64_t cin = 0;
	for (int i = 0; i < ap->fl->n; ++i) cin += ap->fl->a[i].in_bytes;
	mm_buf_printf(&b, "  \"bytes\": {\"compressed\": %llu, \"uncompressed\": %llu},\n", (unsigned long long)cin,
	              (unsigned long long)ap->n.out_bytes);
	mm_buf_printf(&b, "  \"timings_s\": {\"read_inflate_split\": %.3f, \"parse\": %.3f, \"normalise_match\": %.3f, "
	                  "\"merge\": %.3f, \"count\": %.3f, \"write\": %.3f, \"wall\": %.3f, \"cpu\": %.3f},\n",
	              tm->read, tm->parse, tm->match, tm->apply, tm->count, tm->write, t_wall, mm_cputime());
	mm_buf_printf(&b, "  \"peak_rss_kb\": %ld\n}\n", mm_peakrss_kb());
	mm_outfile *f = mm_out_open("summary.json", 0, &w->err);
	int r = mm_write_finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}
