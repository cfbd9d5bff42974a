/* documents.c -- --documents: one row per final document that passes the
 * filters (runpriv.h; the columns: docs/outputs.md).
 *
 * The worker formats a row for every document that passes; the apply step
 * spools the rows of the records it applies, with their (pmid, seq); at
 * the end the rows of the final versions are written in input order: a row
 * is final when its seq is the last one spooled for its PMID and the PMID
 * is live and passes (a later version that fails or a deletion leaves the
 * store's PMID failing or not live). */
#include "runpriv.h"

#include <stdlib.h>
#include <string.h>

void mm_documents_header(mm_buf *o, const mm_lexicon *lx)
{
	mm_buf_puts(o, "pmid\tversion\tyear\tjournal\tjournal_id\tlanguage\tpublication_types\tmesh\tmesh_major");
	for (int t = 0; t < lx->n_type; ++t) {
		mm_buf_puts(o, "\tmentions_");
		mm_buf_puts(o, lx->type[t]);
	}
	mm_buf_putc(o, '\n');
}

/* s as one value of a '|'-separated TSV field */
static void put_value(mm_buf *o, const char *s)
{
	for (; *s; ++s) {
		char c = *s;
		mm_buf_putc(o, c == '\t' || c == '\n' || c == '\r' ? ' ' : c == '|' ? '/' : c);
	}
}

/* The terms of d of kind k joined by '|' (UIs when they have one, else
 * names; major: only MeSH headings that are major topics); first: only
 * the first one. */
static void put_terms(mm_buf *o, const mm_doc *d, mm_term_kind k, int major, int first)
{
	int n = 0;
	mm_buf_putc(o, '\t');
	for (int i = 0; i < d->meta.n; ++i) {
		const mm_term *t = &d->meta.t[i];
		if (t->kind != k || (major && !(t->flags & MM_TERM_MAJR))) continue;
		if (n++) mm_buf_putc(o, '|');
		put_value(o, t->ui_n && k != MM_TERM_PUBTYPE ? mm_term_ui(d, t) : t->name_n ? mm_term_name(d, t) : mm_term_ui(d, t));
		if (first) break;
	}
}

void mm_documents_row(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_hit *hit, uint32_t n_hit)
{
	mm_buf_putu(o, d->pmid);
	mm_buf_putc(o, '\t');
	mm_buf_putu(o, (uint64_t)d->version);
	mm_buf_putc(o, '\t');
	if (d->year) mm_buf_putu(o, (uint64_t)d->year);
	int has_ta = 0;
	for (int i = 0; i < d->meta.n && !has_ta; ++i) has_ta = d->meta.t[i].kind == MM_TERM_JOURNAL_TA;
	put_terms(o, d, has_ta ? MM_TERM_JOURNAL_TA : MM_TERM_JOURNAL_ISO, 0, 1);
	put_terms(o, d, MM_TERM_JOURNAL_ID, 0, 1);
	put_terms(o, d, MM_TERM_LANG, 0, 0);
	put_terms(o, d, MM_TERM_PUBTYPE, 0, 0);
	put_terms(o, d, MM_TERM_MESH, 0, 0);
	put_terms(o, d, MM_TERM_MESH, 1, 0);
	for (int t = 0; t < lx->n_type; ++t) {
		uint64_t n = 0;
		for (uint32_t k = 0; k < n_hit; ++k)
			if (lx->c[hit[k].concept].type_idx == t) n += hit[k].n;
		mm_buf_putc(o, '\t');
		mm_buf_putu(o, n);
	}
	mm_buf_putc(o, '\n');
}

void mm_documents_spool(mm_applier *ap, uint64_t pmid, uint64_t seq, const char *row, size_t len)
{
	mm_spool_put(ap->docspool, seq, pmid, row, len);
	if (ap->n_docseq == ap->m_docseq) {
		ap->m_docseq = ap->m_docseq ? 2 * ap->m_docseq : 1024;
		ap->docseq = mm_realloc(ap->docseq, ap->m_docseq * sizeof *ap->docseq);
	}
	ap->docseq[ap->n_docseq++] = (mm_docseq){ pmid, seq };
}

static int cmp_docseq(const void *x, const void *y)
{
	const mm_docseq *a = x, *b = y;
	if (a->pmid != b->pmid) return a->pmid < b->pmid ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

int mm_write_documents(mm_writer *w, const mm_applier *ap)
{
	/* the last seq spooled per PMID */
	size_t n = ap->n_docseq, u = 0;
	mm_docseq *last = mm_malloc((n ? n : 1) * sizeof *last);
	if (n) memcpy(last, ap->docseq, n * sizeof *last);
	qsort(last, n, sizeof *last, cmp_docseq);
	for (size_t i = 0; i < n; ++i) {
		if (u && last[u - 1].pmid == last[i].pmid) last[u - 1] = last[i];
		else last[u++] = last[i];
	}
	mm_outfile *f = mm_out_open(w->o->documents, mm_ends_with(w->o->documents, ".gz"), &w->err);
	if (!f) { free(last); return -1; }
	mm_buf b = {0};
	mm_documents_header(&b, w->lx);
	int rc = 0;
	if (ap->docspool) {
		rewind(ap->docspool);
		uint64_t seq, pmid;
		size_t len, mt = 0;
		char *tmp = NULL;
		int r;
		while ((r = mm_spool_next(ap->docspool, &seq, &pmid, &tmp, &mt, &len)) == 1) {
			size_t lo = 0, hi = u; /* the entry of pmid */
			while (lo < hi) { size_t m = (lo + hi) / 2; if (last[m].pmid < pmid) lo = m + 1; else hi = m; }
			if (lo < u && last[lo].pmid == pmid && last[lo].seq == seq && mm_store_passes(ap->store, pmid)) {
				mm_buf_put(&b, tmp, len);
				if (b.l > (1u << 20)) (void)mm_out_buf(f, &b);
			}
		}
		if (r < 0) rc = -1;
		free(tmp);
	}
	free(last);
	if (rc < 0) mm_buf_printf(&w->err, "documents spool: read error");
	int r = mm_out_buf(f, &b);
	mm_buf_free(&b);
	if (mm_out_close(f, &w->err) < 0 || r < 0) rc = -1;
	return rc;
}
