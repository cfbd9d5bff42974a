/* write.c -- the output files of a run (runpriv.h): per-document lines,
 * entities.tsv, pairs.tsv, the matrices, the mentions file, the by-year
 * tables and evidence.tsv.  The facts files are written by write_facts.c,
 * documents.tsv by documents.c, summary.json by summary.c. */
#include "runpriv.h"
#include "negate.h"
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- spools ------------------------------------------------------------------ */

FILE *mm_spool_open(const char *dir)
{
	mm_buf p = {0};
	mm_buf_path(&p, dir, ".myomine-spool-XXXXXX");
	int fd = mkstemp(p.s);
	FILE *f = NULL;
	if (fd >= 0) { unlink(p.s); f = fdopen(fd, "w+b"); }
	mm_buf_free(&p);
	return f;
}

void mm_spool_put(FILE *f, uint64_t seq, uint64_t pmid, const char *p, size_t len)
{
	fprintf(f, "%llu %llu %zu\n", (unsigned long long)seq, (unsigned long long)pmid, len);
	fwrite(p, 1, len, f); /* a failed write shows as a short record when read back */
}

int mm_spool_next(FILE *f, uint64_t *seq, uint64_t *pmid, char **buf, size_t *cap, size_t *len)
{
	unsigned long long s, p;
	int r = fscanf(f, "%llu %llu %zu\n", &s, &p, len);
	if (r != 3) return r == EOF && !ferror(f) ? 0 : -1;
	if (*len + 1 > *cap) { *cap = *len + 1; *buf = mm_realloc(*buf, *cap); }
	if (fread(*buf, 1, *len, f) != *len) return -1;
	(*buf)[*len] = 0;
	*seq = s;
	*pmid = p;
	return 1;
}

/* ---- per-document lines (formatted by the worker step) ---------------------- */

static size_t cp_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; ++i) c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The code points of text[base..pos), counted on from a cursor (*at, *cp:
 * a byte position >= base and the code points before it), which moves to
 * pos; it restarts at base when pos lies before it.  Mentions come in text
 * order, so a document's offsets cost one pass over its text. */
static size_t cp_upto(const char *text, size_t base, size_t pos, size_t *at, size_t *cp)
{
	if (*at < base || *at > pos) { *at = base; *cp = 0; }
	*cp += cp_count(text + *at, pos - *at);
	*at = pos;
	return *cp;
}

void mm_format_evidence_text(mm_buf *o, const mm_doc *d, const mm_text *t, const mm_hit *hit, uint32_t n_hit)
{
	/* hits are sorted by concept: mark the sentences seen twice */
	uint32_t ns = (uint32_t)t->sent_s.n;
	uint8_t *cnt = mm_calloc(ns ? ns : 1, 1);
	for (uint32_t k = 0; k < n_hit; ++k) if (hit[k].sent < ns && cnt[hit[k].sent] < 2) cnt[hit[k].sent]++;
	for (uint32_t sidx = 0; sidx < ns; ++sidx) {
		if (cnt[sidx] < 2) continue;
		uint32_t a = t->map.a[t->sent_s.a[sidx]], e = t->map.a[t->sent_e.a[sidx]];
		mm_buf_putu(o, sidx + 1);
		mm_buf_putc(o, '\t');
		mm_buf_put(o, d->text.s + a, e - a);
		mm_buf_putc(o, '\n');
	}
	free(cnt);
}

/* PubTator: the title and abstract lines, then one line per mention with
 * offsets in code points from the start of the title (the abstract after
 * the title and one separator) */
void mm_format_mentions_pubtator(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_mention *mt, size_t nm)
{
	const char *text = d->text.s;
	const mm_section *t0s = &d->sec[0];
	uint32_t abs0 = d->n_sec > 1 ? d->sec[1].start : (uint32_t)d->text.l;
	size_t tchars = cp_count(text + t0s->start, t0s->end - t0s->start);
	mm_buf_putu(o, d->pmid); mm_buf_puts(o, "|t|");
	mm_buf_put(o, text + t0s->start, t0s->end - t0s->start);
	mm_buf_putc(o, '\n');
	mm_buf_putu(o, d->pmid); mm_buf_puts(o, "|a|");
	mm_buf_put(o, text + abs0, d->text.l - abs0);
	mm_buf_putc(o, '\n');
	size_t at = 0, cp = 0;
	for (size_t i = 0; i < nm; ++i) {
		const mm_mention *m = &mt[i];
		size_t cs = m->start < abs0 ? cp_upto(text, 0, m->start, &at, &cp) : tchars + 1 + cp_upto(text, abs0, m->start, &at, &cp);
		size_t ce = cs + cp_count(text + m->start, m->end - m->start);
		const mm_concept *c = &lx->c[m->concept];
		mm_buf_putu(o, d->pmid); mm_buf_putc(o, '\t');
		mm_buf_putu(o, cs); mm_buf_putc(o, '\t');
		mm_buf_putu(o, ce); mm_buf_putc(o, '\t');
		mm_buf_put(o, text + m->start, m->end - m->start); mm_buf_putc(o, '\t');
		mm_buf_puts(o, c->type); mm_buf_putc(o, '\t');
		mm_buf_puts(o, c->id); mm_buf_putc(o, '\n');
	}
	mm_buf_putc(o, '\n');
}

/* mentions.tsv: pmid, section, sentence, byte offsets, text, id, type, negated */
void mm_format_mentions_tsv(mm_buf *o, const mm_lexicon *lx, const mm_doc *d, const mm_mention *mt, size_t nm)
{
	const char *text = d->text.s;
	for (size_t i = 0; i < nm; ++i) {
		const mm_mention *m = &mt[i];
		const mm_concept *c = &lx->c[m->concept];
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

/* ---- tables: entities.tsv, pairs.tsv ------------------------------------------ */

int mm_write_finish(mm_writer *w, mm_outfile *f, mm_buf *b)
{
	if (!f) return -1;
	int r = mm_out_buf(f, b);
	if (mm_out_close(f, &w->err) < 0 || r < 0) return -1;
	return 0;
}

static int write_entities(mm_writer *w)
{
	mm_outfile *f = mm_out_open("entities.tsv", 0, &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	mm_buf_puts(&b, "id\ttype\tname\tdocuments\tsentences\tmentions\tnegated\n");
	for (int i = 0; i < w->cx->n_concept; ++i) {
		const mm_concept *c = &w->cx->c[i];
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
	int r = mm_write_finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

/* pairs.tsv: counts and association statistics (docs/statistics.md). At
 * --level sentence the statistics use sentence counts and N = sentences.
 * Benjamini-Hochberg runs over the pairs of each type pair; the
 * co-occurrence score's marginals are sums within the type pair. */
static int write_pairs(mm_writer *w)
{
	const mm_lexicon *lx = w->cx;
	const mm_counts *cn = w->cn;
	int sent = w->o->level_sentence, nt = lx->n_type;
	size_t np = cn->n_pair, n1 = np ? np : 1;
	mm_stats_pair *sp = mm_malloc(n1 * sizeof *sp);
	mm_assoc *as = mm_malloc(n1 * sizeof *as);
	for (size_t k = 0; k < np; ++k) {
		const mm_pair *pr = &cn->pair[k];
		mm_table2 t;
		int ok = sent ? mm_stats_table(&t, pr->sents, cn->c_sents[pr->a], cn->c_sents[pr->b], cn->n_sents)
		              : mm_stats_table(&t, pr->docs, cn->c_docs[pr->a], cn->c_docs[pr->b], cn->n_docs);
		(void)ok; /* counts from one store are always consistent */
		mm_stats_assoc(&t, &as[k]);
		sp[k] = (mm_stats_pair){ pr->a, pr->b, lx->c[pr->a].type_idx, lx->c[pr->b].type_idx,
		                         mm_stats_cooc_count(pr->docs, pr->sec_docs, pr->sent_docs), as[k].fisher_p };
	}
	double *q = mm_malloc(n1 * sizeof *q), *wp = mm_malloc(n1 * sizeof *wp);
	size_t *order = mm_malloc(n1 * sizeof *order), *widx = mm_malloc(n1 * sizeof *widx);
	mm_stats_bh_by_family(sp, np, nt, order, wp, widx, q);
	double *row = mm_malloc(((size_t)lx->n_concept * (size_t)nt + 1) * sizeof *row);
	double *all = mm_malloc(((size_t)nt * (size_t)nt + 1) * sizeof *all);
	mm_stats_cooc_margins(sp, np, lx->n_concept, nt, row, all);
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
			double score = mm_stats_pair_score(&sp[k], nt, row, all);
			mm_buf_printf(&b, "%s\t%s\t%s\t%s\t%llu\t%llu\t%llu\t%llu\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\n",
			              A->id, B->id, A->type, B->type, (unsigned long long)pr->docs, (unsigned long long)pr->sents,
			              (unsigned long long)pr->sec_docs, (unsigned long long)pr->sent_docs,
			              s->expected, s->pmi, s->npmi, s->odds.lor, s->odds.lo, s->odds.hi, s->chi2, s->fisher_p,
			              s->fisher_lnp / 2.302585092994045684, q[k], s->jaccard, score);
			FLUSH_IF_BIG(f, &b);
		}
		r = mm_write_finish(w, f, &b);
		mm_buf_free(&b);
	}
	free(sp); free(as); free(q); free(wp); free(order); free(widx); free(row); free(all);
	return r;
}

/* ---- matrices: matrix.A-B.{mtx,rows,cols,csv} ------------------------------- */

typedef struct { uint32_t i, j; uint64_t v; } cell;

static int cmp_cell(const void *x, const void *y)
{
	const cell *a = x, *b = y;
	if (a->i != b->i) return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

/* The matrix between types ta (rows) and tb (columns): its non-zero cells */
typedef struct {
	int ta, tb;
	int *rank;                /* a concept's row (type ta) or column (type tb), -1 others */
	uint32_t nr, nc;
	cell *cl;                 /* by row, then column */
	size_t n, m;
} matrix;

static void add_cell(matrix *x, int i, int j, uint64_t v)
{
	if (x->n == x->m) { x->m = x->m ? x->m * 2 : 1024; x->cl = mm_realloc(x->cl, x->m * sizeof *x->cl); }
	x->cl[x->n++] = (cell){ (uint32_t)i, (uint32_t)j, v };
}

/* The cells of the matrix ta x tb: documents (sentences with --level
 * sentence) per pair; a matrix of one type is symmetric, with each
 * concept's own count on the diagonal. */
static void matrix_build(matrix *x, const mm_lexicon *lx, const mm_counts *cn, int sent, int ta, int tb)
{
	memset(x, 0, sizeof *x);
	x->ta = ta;
	x->tb = tb;
	x->rank = mm_malloc((size_t)lx->n_concept * sizeof *x->rank);
	for (int i = 0; i < lx->n_concept; ++i) {
		if (lx->c[i].type_idx == ta) x->rank[i] = (int)x->nr++;
		else if (lx->c[i].type_idx == tb) x->rank[i] = (int)x->nc++;
		else x->rank[i] = -1;
	}
	if (ta == tb) x->nc = x->nr;
	const int *rank = x->rank;
	for (size_t k = 0; k < cn->n_pair; ++k) {
		const mm_pair *p = &cn->pair[k];
		uint64_t v = sent ? p->sents : p->docs;
		if (!v) continue;
		int xa = lx->c[p->a].type_idx, xb = lx->c[p->b].type_idx;
		if (ta == tb) {
			if (xa != ta || xb != ta) continue;
			add_cell(x, rank[p->a], rank[p->b], v);
			add_cell(x, rank[p->b], rank[p->a], v);
		} else if (xa == ta && xb == tb) add_cell(x, rank[p->a], rank[p->b], v);
		else if (xa == tb && xb == ta) add_cell(x, rank[p->b], rank[p->a], v);
	}
	if (ta == tb)
		for (int i = 0; i < lx->n_concept; ++i) {
			uint64_t v = sent ? cn->c_sents[i] : cn->c_docs[i];
			if (lx->c[i].type_idx == ta && v) add_cell(x, rank[i], rank[i], v);
		}
	if (x->n) qsort(x->cl, x->n, sizeof *x->cl, cmp_cell);
}

/* matrix.A-B.mtx: Matrix Market coordinates */
static int write_mtx(mm_writer *w, const matrix *x, mm_buf *b)
{
	const char *A = w->cx->type[x->ta], *B = w->cx->type[x->tb];
	char name[512];
	snprintf(name, sizeof name, "matrix.%s-%s.mtx", A, B);
	mm_outfile *f = mm_out_open(name, 0, &w->err);
	if (!f) return -1;
	mm_buf_printf(b, "%%%%MatrixMarket matrix coordinate integer general\n"
	                 "%% myomine %s: number of %s in which the row (%s) and column (%s) concepts co-occur%s\n"
	                 "%% row labels: matrix.%s-%s.rows, column labels: matrix.%s-%s.cols\n"
	                 "%u %u %zu\n", MM_VERSION, w->o->level_sentence ? "sentences" : "documents", A, B,
	              x->ta == x->tb ? "; the diagonal counts the concept itself" : "", A, B, A, B, x->nr, x->nc, x->n);
	for (size_t k = 0; k < x->n; ++k) {
		mm_buf_putu(b, x->cl[k].i + 1); mm_buf_putc(b, ' ');
		mm_buf_putu(b, x->cl[k].j + 1); mm_buf_putc(b, ' ');
		mm_buf_putu(b, x->cl[k].v); mm_buf_putc(b, '\n');
		FLUSH_IF_BIG(f, b);
	}
	return mm_write_finish(w, f, b);
}

/* matrix.A-B.rows and .cols: the concept IDs of the rows and columns */
static int write_labels(mm_writer *w, const matrix *x, mm_buf *b)
{
	const mm_lexicon *lx = w->cx;
	for (int side = 0; side < 2; ++side) {
		int t = side ? x->tb : x->ta;
		char name[512];
		snprintf(name, sizeof name, "matrix.%s-%s.%s", lx->type[x->ta], lx->type[x->tb], side ? "cols" : "rows");
		mm_outfile *f = mm_out_open(name, 0, &w->err);
		if (!f) return -1;
		for (int i = 0; i < lx->n_concept; ++i)
			if (lx->c[i].type_idx == t) { mm_buf_puts(b, lx->c[i].id); mm_buf_putc(b, '\n'); }
		if (mm_write_finish(w, f, b) < 0) return -1;
	}
	return 0;
}

/* a CSV field: s as it is, or quoted (RFC 4180) when it holds a comma, a
 * quote or a line end (MeSH names of MEDLINE records as ids) */
static void put_csv(mm_buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) { mm_buf_puts(b, s); return; }
	mm_buf_putc(b, '"');
	for (; *s; ++s) { if (*s == '"') mm_buf_putc(b, '"'); mm_buf_putc(b, *s); }
	mm_buf_putc(b, '"');
}

/* matrix.A-B.csv: the dense matrix with its labels */
static int write_csv(mm_writer *w, const matrix *x, mm_buf *b)
{
	const mm_lexicon *lx = w->cx;
	char name[512];
	snprintf(name, sizeof name, "matrix.%s-%s.csv", lx->type[x->ta], lx->type[x->tb]);
	mm_outfile *f = mm_out_open(name, 0, &w->err);
	if (!f) return -1;
	uint32_t nr = x->nr, nc = x->nc;
	int *row_c = mm_malloc((nr + 1) * sizeof *row_c), *col_c = mm_malloc((nc + 1) * sizeof *col_c);
	for (int i = 0; i < lx->n_concept; ++i) {
		if (lx->c[i].type_idx == x->ta) row_c[x->rank[i]] = i;
		if (lx->c[i].type_idx == x->tb) col_c[x->rank[i]] = i;
	}
	mm_buf_puts(b, "id");
	for (uint32_t j = 0; j < nc; ++j) { mm_buf_putc(b, ','); put_csv(b, lx->c[col_c[j]].id); }
	mm_buf_putc(b, '\n');
	/* most cells are 0: runs of ",0" are copied from a ready string */
	char *zeros = mm_malloc(2 * (size_t)nc + 1);
	for (uint32_t j = 0; j < nc; ++j) { zeros[2 * j] = ','; zeros[2 * j + 1] = '0'; }
	size_t k = 0;
	for (uint32_t i = 0; i < nr; ++i) {
		put_csv(b, lx->c[row_c[i]].id);
		uint32_t j = 0;
		for (; k < x->n && x->cl[k].i == i; ++k) {
			mm_buf_put(b, zeros, 2 * (size_t)(x->cl[k].j - j));
			mm_buf_putc(b, ',');
			mm_buf_putu(b, x->cl[k].v);
			j = x->cl[k].j + 1;
		}
		mm_buf_put(b, zeros, 2 * (size_t)(nc - j));
		mm_buf_putc(b, '\n');
		FLUSH_IF_BIG(f, b);
	}
	free(zeros); free(row_c); free(col_c);
	return mm_write_finish(w, f, b);
}

/* The matrix between types ta and tb, in every form; the dense CSV only up
 * to --dense-max cells (else *dense_skipped is incremented). */
static int write_matrix(mm_writer *w, int ta, int tb, int *dense_skipped)
{
	matrix x;
	matrix_build(&x, w->cx, w->cn, w->o->level_sentence, ta, tb);
	mm_buf b = {0};
	int rc = write_mtx(w, &x, &b) < 0 || write_labels(w, &x, &b) < 0 ? -1 : 0;
	if (rc == 0 && (double)x.nr * x.nc > (double)w->o->dense_max) (*dense_skipped)++;
	else if (rc == 0) rc = write_csv(w, &x, &b);
	mm_buf_free(&b);
	free(x.cl);
	free(x.rank);
	return rc;
}

static int write_mentions(mm_writer *w, const mm_applier *ap)
{
	const char *name = w->o->mentions;
	mm_outfile *f = mm_out_open(name, mm_ends_with(name, ".gz"), &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	if (!w->o->mentions_pubtator) mm_buf_puts(&b, "pmid\tsection\tsentence\tstart\tend\ttext\tid\ttype\tnegated\n");
	if (ap->spool) {
		rewind(ap->spool);
		uint64_t seq, pmid;
		size_t len, mt = 0;
		char *tmp = NULL;
		int r;
		while ((r = mm_spool_next(ap->spool, &seq, &pmid, &tmp, &mt, &len)) == 1)
			if (mm_store_is_final(ap->store, pmid, seq)) { mm_buf_put(&b, tmp, len); FLUSH_IF_BIG(f, &b); }
		free(tmp);
		if (r < 0) { mm_buf_printf(&w->err, "mentions spool: read error"); mm_buf_free(&b); return -1; }
	}
	int r = mm_write_finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

/* --by-year: years.tsv (documents per year, the denominator), and the
 * document counts of every concept and pair per publication year. */
static int write_by_year(mm_writer *w)
{
	const mm_lexicon *lx = w->cx;
	const mm_counts *cn = w->cn;
	mm_buf b = {0};
	mm_outfile *f = mm_out_open("years.tsv", 0, &w->err);
	if (!f) return -1;
	mm_buf_puts(&b, "year\tdocuments\n");
	for (uint32_t y = 1; y < 256; ++y)
		if (cn->year_docs[y]) mm_buf_printf(&b, "%d\t%llu\n", mm_year_of_code(y), (unsigned long long)cn->year_docs[y]);
	if (cn->year_docs[0]) mm_buf_printf(&b, "unknown\t%llu\n", (unsigned long long)cn->year_docs[0]);
	if (mm_write_finish(w, f, &b) < 0) { mm_buf_free(&b); return -1; }
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
		if (mm_write_finish(w, f, &b) < 0) { mm_buf_free(&b); return -1; }
	}
	mm_buf_free(&b);
	return 0;
}

/* --evidence K: up to K supporting documents per pair, most recent first
 * (year, then PMID), with a sentence they share when there is one. */
typedef struct { uint64_t pmid; uint32_t sent; char *text; } evtext_slot; /* pmid 0: empty */

/* the slot of (pmid, sent): its own, or the empty one where it goes */
static evtext_slot *evtext_find(evtext_slot *t, size_t cap, uint64_t pmid, uint32_t sent)
{
	size_t h = mm_hash64(pmid ^ mm_hash64(sent)) & (cap - 1);
	while (t[h].pmid && (t[h].pmid != pmid || t[h].sent != sent)) h = (h + 1) & (cap - 1);
	return &t[h];
}

static size_t evidence_table_size(const mm_counts *cn)
{
	size_t cap, need = cn->n_pair * (size_t)cn->evidence_k;
	for (cap = 1024; cap < need * 2 + 2; cap *= 2) {}
	return cap;
}

/* --evidence-text: the (pmid, sentence) of every evidence row into tab,
 * then one pass over the spool for their texts, final versions only.  0,
 * or -1 on a read error. */
static int evidence_texts(evtext_slot *tab, size_t cap, const mm_counts *cn, const mm_applier *ap)
{
	size_t need = cn->n_pair * (size_t)cn->evidence_k;
	for (size_t k = 0; k < need; ++k)
		if (cn->evidence[k].pmid && cn->evidence[k].sent) {
			evtext_slot *s = evtext_find(tab, cap, cn->evidence[k].pmid, cn->evidence[k].sent);
			s->pmid = cn->evidence[k].pmid;
			s->sent = cn->evidence[k].sent;
		}
	rewind(ap->evspool);
	uint64_t seq, pmid;
	size_t len, mt = 0;
	char *buf = NULL;
	int r;
	while ((r = mm_spool_next(ap->evspool, &seq, &pmid, &buf, &mt, &len)) == 1) {
		if (!mm_store_is_final(ap->store, pmid, seq)) continue;
		for (char *l = buf; *l;) {
			char *nl = strchr(l, '\n');
			if (!nl) break;
			*nl = 0;
			uint32_t sn = (uint32_t)strtoul(l, NULL, 10);
			evtext_slot *s = evtext_find(tab, cap, pmid, sn);
			char *tabc = strchr(l, '\t');
			if (s->pmid && !s->text && tabc) s->text = mm_strdup(tabc + 1);
			l = nl + 1;
		}
	}
	free(buf);
	return r < 0 ? -1 : 0;
}

static int write_evidence(mm_writer *w, const mm_applier *ap)
{
	const mm_lexicon *lx = w->cx;
	const mm_counts *cn = w->cn;
	int with_text = w->o->evidence_text && ap->evspool;
	evtext_slot *tab = NULL;
	size_t cap = 0;
	if (with_text) {
		cap = evidence_table_size(cn);
		tab = mm_calloc(cap, sizeof *tab);
		if (evidence_texts(tab, cap, cn, ap) < 0) {
			mm_buf_printf(&w->err, "evidence spool: read error");
			for (size_t i = 0; i < cap; ++i) free(tab[i].text);
			free(tab);
			return -1;
		}
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
				mm_buf_printf(&b, "%s\t%s\t%d\t%llu\t", lx->c[p->a].id, lx->c[p->b].id, r + 1, (unsigned long long)ev[r].pmid);
				if (ev[r].year) mm_buf_printf(&b, "%d\t", ev[r].year); else mm_buf_puts(&b, "\t");
				if (ev[r].sent) mm_buf_printf(&b, "%u", ev[r].sent);
				if (with_text) {
					mm_buf_putc(&b, '\t');
					if (ev[r].sent) {
						evtext_slot *s = evtext_find(tab, cap, ev[r].pmid, ev[r].sent);
						if (s->text) mm_buf_puts(&b, s->text);
					}
				}
				mm_buf_putc(&b, '\n');
			}
			FLUSH_IF_BIG(f, &b);
		}
		rc = mm_write_finish(w, f, &b);
		mm_buf_free(&b);
	}
	for (size_t i = 0; i < cap; ++i) free(tab[i].text);
	free(tab);
	return rc;
}

int mm_write_outputs(mm_writer *w, const mm_applier *ap, int *dense_skipped)
{
	const mm_opts *o = w->o;
	const mm_lexicon *cx = w->cx;
	int nt = cx->n_type;
	if (write_entities(w) < 0 || write_pairs(w) < 0) return -1;
	for (int a = 0; a < nt; ++a)
		for (int b = a; b < nt; ++b) {
			if (a == b && cx != w->lx && strcmp(cx->type[a], "mesh") == 0) continue; /* headings do not pair (store.h) */
			if (write_matrix(w, a, b, dense_skipped) < 0) return -1;
		}
	if (o->mentions && write_mentions(w, ap) < 0) return -1;
	if (o->by_year && write_by_year(w) < 0) return -1;
	if (o->evidence > 0 && write_evidence(w, ap) < 0) return -1;
	if (o->facts && mm_write_facts(w, ap) < 0) return -1;
	if (o->documents && mm_write_documents(w, ap) < 0) return -1;
	return 0;
}

