/* write_facts.c -- facts.tsv and facts.summary.tsv (--facts), and the map
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
	r.seq = seq; r.pmid = it->pmid; r.n_concept = n;
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
	unsigned long long seq, pmid;
	size_t len, mt = 0;
	char *tmp = NULL;
	while (fscanf(ap->fspool, "%llu %llu %zu\n", &seq, &pmid, &len) == 3) {
		if (len > mt) { mt = len; tmp = mm_realloc(tmp, mt); }
		if (fread(tmp, 1, len, ap->fspool) != len) break;
		if (mm_fseq_final(&ap->fseq, pmid, seq) && mm_store_passes(ap->store, pmid)) { mm_buf_put(&b, tmp, len); FLUSH_IF_BIG(f, &b); }
	}
	free(tmp);
	if (ferror(ap->fspool)) { mm_buf_printf(&w->err, "facts spool: read error"); mm_buf_free(&b); return -1; }
	int r = mm_write_finish(w, f, &b);
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

static int write_facts_summary(mm_writer *w, const mm_applier *ap)
{
	const mm_lexicon *lx = w->lx;
	int nc = lx->n_concept;
	uint64_t *docs = mm_calloc((size_t)nc + 1, sizeof *docs), *fem = mm_calloc((size_t)nc + 1, sizeof *fem),
	         *mal = mm_calloc((size_t)nc + 1, sizeof *mal);
	dvec *ck = mm_calloc((size_t)nc + 1, sizeof *ck), *uln = mm_calloc((size_t)nc + 1, sizeof *uln),
	     *age = mm_calloc((size_t)nc + 1, sizeof *age);
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
			docs[c]++;
			if (r.fs.has_ck) dvec_push(&ck[c], r.fs.ck);
			if (r.fs.has_uln) dvec_push(&uln[c], r.fs.uln);
			if (r.fs.has_age) dvec_push(&age[c], r.fs.age);
			if (r.fs.sex == MM_FU_FEMALE) fem[c]++;
			if (r.fs.sex == MM_FU_MALE) mal[c]++;
		}
	}
	if (rc < 0 || ferror(ap->fsumspool)) { mm_buf_printf(&w->err, "facts spool: read error"); rc = -1; }
	mm_outfile *f = rc < 0 ? NULL : mm_out_open("facts.summary.tsv", 0, &w->err);
	if (f) {
		mm_buf b = {0};
		mm_buf_puts(&b, "id\ttype\tname\tdocuments\tck_documents\tck_median\tck_q1\tck_q3\tuln_documents\tuln_median"
		                "\tuln_q1\tuln_q3\tage_documents\tage_median\tage_q1\tage_q3\tfemale\tmale\n");
		/* the antibodies first, then the other concepts, each group in id order */
		for (int pass = 0; pass < 2; ++pass)
			for (int i = 0; i < nc; ++i) {
				const mm_concept *c = &lx->c[i];
				if ((c->type_idx == lx->antibody_type) != (pass == 0) || !docs[i]) continue;
				mm_buf_printf(&b, "%s\t%s\t%s\t", c->id, c->type, c->name);
				mm_buf_putu(&b, docs[i]);
				put_quartiles(&b, &ck[i]);
				put_quartiles(&b, &uln[i]);
				put_quartiles(&b, &age[i]);
				mm_buf_putc(&b, '\t'); mm_buf_putu(&b, fem[i]);
				mm_buf_putc(&b, '\t'); mm_buf_putu(&b, mal[i]);
				mm_buf_putc(&b, '\n');
				FLUSH_IF_BIG(f, &b);
			}
		rc = mm_write_finish(w, f, &b);
		mm_buf_free(&b);
	} else rc = -1;
	for (int i = 0; i <= nc; ++i) { free(ck[i].a); free(uln[i].a); free(age[i].a); }
	free(ck); free(uln); free(age); free(docs); free(fem); free(mal); free(cs);
	return rc;
}

int mm_write_facts(mm_writer *w, const mm_applier *ap)
{
	return write_facts(w, ap) < 0 || write_facts_summary(w, ap) < 0 ? -1 : 0;
}
