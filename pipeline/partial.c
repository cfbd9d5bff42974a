/* partial.c -- the partial-result format (--partial, myomine merge). */
#include "runpriv.h"

#include <stdlib.h>
#include <string.h>

/* ---- partial results (--partial, myomine merge) --------------------------------
 * A gzip text file, MM_PARTIAL_NAME, in the output directory:
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

uint64_t mm_partial_fingerprint(const mm_lexicon *lx)
{
	mm_buf b = {0};
	for (int i = 0; i < lx->n_concept; ++i) mm_buf_printf(&b, "%s\t%s\n", lx->c[i].id, lx->c[i].type);
	for (int i = 0; i < lx->n_file; ++i) mm_buf_printf(&b, "%08x %llu\n", lx->file[i].crc32, (unsigned long long)lx->file[i].bytes);
	uint64_t h = mm_fnv1a(b.s, b.l);
	mm_buf_free(&b);
	return h;
}

static void partial_flush(mm_applier *ap)
{
	if (ap->pbuf.l > (1u << 20)) mm_out_buf(ap->partial, &ap->pbuf);
}

void mm_partial_begin_file(mm_applier *ap, int file)
{
	if (ap->pfile == file) return;
	mm_buf_printf(&ap->pbuf, "F\t%s\n", ap->fl->a[file].path);
	ap->pfile = file;
}

void mm_partial_end_file(mm_applier *ap, const mm_infile *f)
{
	mm_buf *b = &ap->pbuf;
	mm_buf_printf(b, "E\t%s\t%s\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%llu\t%d\n", mm_fs_name[f->status], mm_format_name(f->fmt),
	              (unsigned long long)f->in_bytes, (unsigned long long)f->out_bytes, (unsigned long long)f->records,
	              (unsigned long long)f->docs, (unsigned long long)f->failed, (unsigned long long)f->deletes,
	              (unsigned long long)f->bad_utf8, (unsigned long long)f->bad_refs, f->n_err);
	int shown = f->n_err < MM_MAX_ERRORS_SHOWN ? f->n_err : MM_MAX_ERRORS_SHOWN;
	for (int k = 0; k < shown; ++k) {
		mm_buf_puts(b, "M\t");
		for (const char *s = f->err[k] ? f->err[k] : ""; *s; ++s) mm_buf_putc(b, *s == '\n' || *s == '\t' ? ' ' : *s);
		mm_buf_putc(b, '\n');
	}
	ap->pfile = -1;
	partial_flush(ap);
}

void mm_partial_article(mm_applier *ap, const mm_item *it)
{
	mm_buf *b = &ap->pbuf;
	mm_buf_printf(b, "A\t%u\t%d\t%d\t%d\t%u\t%u", it->pmid, it->version, it->year, it->has_abs, it->n_sent, it->n_hit);
	for (uint32_t k = 0; k < it->n_hit; ++k)
		mm_buf_printf(b, "\t%u:%u:%u:%u:%u", it->hit[k].concept, it->hit[k].sent, it->hit[k].sec, it->hit[k].n, it->hit[k].neg);
	mm_buf_putc(b, '\n');
	partial_flush(ap);
}

int mm_partial_open(mm_applier *ap, const mm_lexicon *lx, mm_buf *err)
{
	ap->partial = mm_out_open(MM_PARTIAL_NAME, 1, err);
	if (!ap->partial) return -1;
	ap->pfile = -1;
	mm_buf_printf(&ap->pbuf, "#myomine-partial 1\n#lexicon %016llx %d\n", (unsigned long long)mm_partial_fingerprint(lx), lx->n_concept);
	return 0;
}

int mm_partial_close(mm_applier *ap, mm_buf *err)
{
	mm_buf_puts(&ap->pbuf, "#end\n");
	int r = mm_out_buf(ap->partial, &ap->pbuf);
	mm_buf_free(&ap->pbuf);
	if (mm_out_close(ap->partial, err) < 0 || r < 0) return -1;
	ap->partial = NULL;
	return 0;
}


/* ---- reading partial results ------------------------------------------------ */

/* Next line of a shard into sh->line. 1 ok, 0 end, -1 read error. */
int mm_shard_line(mm_shard *sh)
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

int mm_shard_bad(mm_shard *sh, const char *what)
{
	mm_warn("%s/%s: line %llu: %s", sh->dir, MM_PARTIAL_NAME, (unsigned long long)sh->lineno, what);
	return -1;
}

/* Parse an A line into it (hits allocated). */
int mm_partial_parse_article(const char *s, mm_item *it, int n_concept)
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
