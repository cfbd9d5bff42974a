/* write_facts.c -- facts.tsv, facts.summary.tsv and, with --by-year,
 * facts.summary.by-year.tsv (--facts), and the map
 * of each PMID's final record that filters their spools (runpriv.h). */
#include "runpriv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static uint64_t *fseq_slot(const mm_fseq *m, uint64_t pmid)
{
	size_t h = mm_hash64(pmid) & (m->cap - 1);
	while (m->key[h] && m->key[h] != pmid) h = (h + 1) & (m->cap - 1);
	return &m->key[h];
}

void mm_fseq_article(mm_fseq *m, uint64_t pmid, uint64_t seq, int spooled)
{
	if (!m->cap && !spooled) return;
	if (spooled && (m->n + 1) * 2 > m->cap) { /* grow: keep the load at most 1/2 */
		mm_fseq o = *m;
		m->cap = o.cap ? 2 * o.cap : 1024;
		m->key = mm_calloc(m->cap, sizeof *m->key);
		m->seq = mm_calloc(m->cap, sizeof *m->seq);
		for (size_t i = 0; i < o.cap; ++i)
			if (o.key[i]) { uint64_t *k = fseq_slot(m, o.key[i]); *k = o.key[i]; m->seq[k - m->key] = o.seq[i]; }
		free(o.key); free(o.seq);
	}
	uint64_t *k = fseq_slot(m, pmid);
	if (!*k && !spooled) return;
	if (!*k) { *k = pmid; m->n++; }
	m->seq[k - m->key] = seq;
}

void mm_fseq_delete(mm_fseq *m, uint64_t pmid)
{
	if (!m->cap) return;
	uint64_t *k = fseq_slot(m, pmid);
	if (*k) m->seq[k - m->key] = 0;
}

int mm_fseq_final(const mm_fseq *m, uint64_t pmid, uint64_t seq)
{
	if (!m->cap) return 0;
	uint64_t *k = fseq_slot(m, pmid);
	return *k && m->seq[k - m->key] == seq;
}

void mm_fseq_free(mm_fseq *m)
{
	free(m->key); free(m->seq);
	memset(m, 0, sizeof *m);
}

int mm_fsum_spool(FILE *f, uint64_t seq, const mm_item *it)
{
	uint32_t n = 0, last = MM_NO_CONCEPT;
	for (uint32_t k = 0; k < it->n_hit; ++k)
		if (it->hit[k].n && it->hit[k].concept != last) { last = it->hit[k].concept; n++; }
	if (!n) return 0;
	mm_fsum_rec r;
	memset(&r, 0, sizeof r);
	r.seq = seq; r.pmid = it->pmid; r.n_concept = n; r.year = mm_year_code(it->year);
	if (it->facts) r.fs = it->facts->fsum;
	fwrite(&r, sizeof r, 1, f);
	last = MM_NO_CONCEPT;
	for (uint32_t k = 0; k < it->n_hit; ++k)
		if (it->hit[k].n && it->hit[k].concept != last) { last = it->hit[k].concept; fwrite(&last, sizeof last, 1, f); }
	return 1;
}

static int write_facts(mm_writer *w, const mm_applier *ap)
{
	const char *name = w->o->facts;
	mm_outfile *f = mm_out_open(name, mm_ends_with(name, ".gz"), &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	mm_buf_puts(&b, "pmid\tsection\tsentence\tstart\tend\tkind\tstatistic\tvalue\tunit\tnorm_value\tnorm_unit\ttext\n");
	rewind(ap->fspool);
	uint64_t seq, pmid;
	size_t len, mt = 0;
	char *tmp = NULL;
	int r;
	while ((r = mm_spool_next(ap->fspool, &seq, &pmid, &tmp, &mt, &len)) == 1)
		if (mm_fseq_final(&ap->fseq, pmid, seq) && mm_store_passes(ap->store, pmid)) { mm_buf_put(&b, tmp, len); FLUSH_IF_BIG(f, &b); }
	free(tmp);
	if (r < 0) { mm_buf_printf(&w->err, "facts spool: read error"); mm_buf_free(&b); return -1; }
	r = mm_write_finish(w, f, &b);
	mm_buf_free(&b);
	return r;
}

typedef struct { double *a; size_t n, m; } dvec;

static void dvec_push(dvec *v, double x)
{
	if (v->n == v->m) { v->m = v->m ? 2 * v->m : 8; v->a = mm_realloc(v->a, v->m * sizeof *v->a); }
	v->a[v->n++] = x;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

/* n, then the median and quartiles (linear interpolation between order
 * statistics, R's type 7), rounded to 2 decimals; empty fields when n = 0 */
static void put_quartiles(mm_buf *b, dvec *v)
{
	mm_buf_putc(b, '\t');
	mm_buf_putu(b, v->n);
	if (!v->n) { mm_buf_puts(b, "\t\t\t"); return; }
	qsort(v->a, v->n, sizeof *v->a, cmp_double);
	static const double p[3] = { 0.5, 0.25, 0.75 };
	for (int k = 0; k < 3; ++k) {
		double h = (double)(v->n - 1) * p[k];
		size_t lo = (size_t)h;
		double x = v->a[lo] + (lo + 1 < v->n ? (h - (double)lo) * (v->a[lo + 1] - v->a[lo]) : 0);
		mm_buf_putc(b, '\t');
		mm_facts_put_number(b, round(x * 100) / 100);
	}
}

/* One concept's row of facts.summary.tsv (after the columns before "id"),
 * from what its documents contributed. */
typedef struct {
	uint64_t docs, fem, mal;
	dvec ck, uln, age;
} fsum_acc;

static void fsum_add(fsum_acc *a, const mm_facts_doc *fs)
{
	a->docs++;
	if (fs->has_ck) dvec_push(&a->ck, fs->ck);
	if (fs->has_uln) dvec_push(&a->uln, fs->uln);
	if (fs->has_age) dvec_push(&a->age, fs->age);
	if (fs->sex == MM_FU_FEMALE) a->fem++;
	if (fs->sex == MM_FU_MALE) a->mal++;
}

static void fsum_put_row(mm_buf *b, const mm_concept *c, fsum_acc *a)
{
	mm_buf_printf(b, "%s\t%s\t%s\t", c->id, c->type, c->name);
	mm_buf_putu(b, a->docs);
	put_quartiles(b, &a->ck);
	put_quartiles(b, &a->uln);
	put_quartiles(b, &a->age);
	mm_buf_putc(b, '\t'); mm_buf_putu(b, a->fem);
	mm_buf_putc(b, '\t'); mm_buf_putu(b, a->mal);
	mm_buf_putc(b, '\n');
}

#define FSUM_HEADER "id\ttype\tname\tdocuments\tck_documents\tck_median\tck_q1\tck_q3\tuln_documents\tuln_median" \
                    "\tuln_q1\tuln_q3\tage_documents\tage_median\tage_q1\tage_q3\tfemale\tmale\n"

/* --by-year: one (year code, concept rank) of a counted document, and what
 * the document contributed; sorted by key, a group is one row. */
typedef struct {
	uint64_t key;               /* year code << 32 | the concept's rank in facts.summary.tsv */
	mm_facts_doc fs;
} fsum_year;

static int cmp_fsum_year(const void *x, const void *y)
{
	uint64_t a = ((const fsum_year *)x)->key, b = ((const fsum_year *)y)->key;
	return a < b ? -1 : a > b;
}

/* facts.summary.by-year.tsv from yr[0..n) (sorted here); order[r] is the
 * concept of rank r.  0, or -1 with w->err. */
static int write_facts_summary_by_year(mm_writer *w, fsum_year *yr, size_t n, const int *order)
{
	qsort(yr, n, sizeof *yr, cmp_fsum_year);
	mm_outfile *f = mm_out_open("facts.summary.by-year.tsv", 0, &w->err);
	if (!f) return -1;
	mm_buf b = {0};
	fsum_acc a;
	memset(&a, 0, sizeof a);
	mm_buf_puts(&b, "year\t" FSUM_HEADER);
	for (size_t i = 0, j; i < n; i = j) {
		a.docs = a.fem = a.mal = 0;
		a.ck.n = a.uln.n = a.age.n = 0;
		for (j = i; j < n && yr[j].key == yr[i].key; ++j) fsum_add(&a, &yr[j].fs);
		uint32_t y = (uint32_t)(yr[i].key >> 32);
		if (y) mm_buf_printf(&b, "%d\t", mm_year_of_code(y));
		else mm_buf_puts(&b, "unknown\t");
		fsum_put_row(&b, &w->lx->c[order[(uint32_t)yr[i].key]], &a);
		FLUSH_IF_BIG(f, &b);
	}
	free(a.ck.a); free(a.uln.a); free(a.age.a);
	int rc = mm_write_finish(w, f, &b);
	mm_buf_free(&b);
	return rc;
}

static int write_facts_summary(mm_writer *w, const mm_applier *ap)
{
	const mm_lexicon *lx = w->lx;
	int nc = lx->n_concept, by_year = w->o->by_year;
	fsum_acc *acc = mm_calloc((size_t)nc + 1, sizeof *acc);
	/* the antibodies first, then the other concepts, each group in id order */
	int *order = mm_calloc((size_t)nc + 1, sizeof *order), *rank = mm_calloc((size_t)nc + 1, sizeof *rank), no = 0;
	for (int pass = 0; pass < 2; ++pass)
		for (int i = 0; i < nc; ++i)
			if ((lx->c[i].type_idx == lx->antibody_type) == (pass == 0)) { rank[i] = no; order[no++] = i; }
	fsum_year *yr = NULL;
	size_t n_yr = 0, m_yr = 0;
	uint32_t *cs = NULL;
	size_t mcs = 0;
	mm_fsum_rec r;
	int rc = 0;
	rewind(ap->fsumspool);
	while (fread(&r, sizeof r, 1, ap->fsumspool) == 1) {
		if (r.n_concept > mcs) { mcs = r.n_concept; cs = mm_realloc(cs, mcs * sizeof *cs); }
		if (fread(cs, sizeof *cs, r.n_concept, ap->fsumspool) != r.n_concept) { rc = -1; break; }
		if (!mm_fseq_final(&ap->fseq, r.pmid, r.seq) || !mm_store_passes(ap->store, r.pmid)) continue; /* as the counts */
		for (uint32_t k = 0; k < r.n_concept; ++k) {
			uint32_t c = cs[k] < (uint32_t)nc ? cs[k] : (uint32_t)nc;
			fsum_add(&acc[c], &r.fs);
			if (!by_year || c == (uint32_t)nc) continue;
			if (n_yr == m_yr) { m_yr = m_yr ? 2 * m_yr : 1024; yr = mm_realloc(yr, m_yr * sizeof *yr); }
			yr[n_yr].key = (uint64_t)r.year << 32 | (uint32_t)rank[c];
			yr[n_yr++].fs = r.fs;
		}
	}
	if (rc < 0 || ferror(ap->fsumspool)) { mm_buf_printf(&w->err, "facts spool: read error"); rc = -1; }
	mm_outfile *f = rc < 0 ? NULL : mm_out_open("facts.summary.tsv", 0, &w->err);
	if (f) {
		mm_buf b = {0};
		mm_buf_puts(&b, FSUM_HEADER);
		for (int k = 0; k < no; ++k) {
			if (!acc[order[k]].docs) continue;
			fsum_put_row(&b, &lx->c[order[k]], &acc[order[k]]);
			FLUSH_IF_BIG(f, &b);
		}
		rc = mm_write_finish(w, f, &b);
		mm_buf_free(&b);
	} else rc = -1;
	if (!rc && by_year) rc = write_facts_summary_by_year(w, yr, n_yr, order);
	for (int i = 0; i <= nc; ++i) { free(acc[i].ck.a); free(acc[i].uln.a); free(acc[i].age.a); }
	free(acc); free(order); free(rank); free(yr); free(cs);
	return rc;
}

int mm_write_facts(mm_writer *w, const mm_applier *ap)
{
	return write_facts(w, ap) < 0 || write_facts_summary(w, ap) < 0 ? -1 : 0;
}
