/* fuzz_report.c -- the parsers and the page of `myomine report`.  The input
 * is an output directory in one text: parts separated by lines "##", in
 * the order entities.tsv, pairs.tsv, summary.json, evidence.tsv, years.tsv,
 * entities.by-year.tsv, pairs.by-year.tsv, facts.summary.tsv (missing parts: no such file;
 * a missing summary.json is a minimal valid one).  Each part goes through
 * its parser straight from memory, then the whole directory through
 * mm_report_build() (the files read through the locate callback from a
 * private temporary directory).  Checks: a failure says why; indices the
 * parsers hand out are in range; a page that was built has exactly one
 * script, and every link goes to PubMed. */
#include "report.h"
#include "report_int.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const names[] = { "entities.tsv", "pairs.tsv", "summary.json", "evidence.tsv", "years.tsv",
                                     "entities.by-year.tsv", "pairs.by-year.tsv", "facts.summary.tsv" };
#define NPART 8

static size_t n_ent;

static void on_pair(void *ud, const rp_pair *p) { (void)ud; if (p->a >= p->b || p->b >= n_ent) abort(); }
static void on_evid(void *ud, const rp_evid *e) { (void)ud; if (e->a >= e->b || e->b >= n_ent || e->rank < 1) abort(); }
static void on_fact(void *ud, const rp_fact *f) { (void)ud; if (f->c >= n_ent) abort(); }
static void on_year(void *ud, const rp_year *y) { (void)ud; if (y->a >= n_ent || (y->b != UINT32_MAX && y->b >= n_ent)) abort(); }

static char dir[64];
static int present[NPART];

static int locate(void *ud, const char *name, mm_buf *path)
{
	(void)ud;
	for (int k = 0; k < NPART; ++k)
		if (!strcmp(name, names[k])) {
			if (!present[k]) return 0;
			mm_buf_printf(path, "%s/%s", dir, name);
			return 1;
		}
	return 0;
}

static void cleanup(void)
{
	char p[128];
	for (int k = 0; k < NPART; ++k) { snprintf(p, sizeof p, "%s/%s", dir, names[k]); unlink(p); }
	rmdir(dir);
}

static void put(const char *name, const char *s, size_t n)
{
	char p[128];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	if (!f) abort();
	if (n && fwrite(s, 1, n, f) != n) abort();
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *e = s + size;
	const char *part[NPART];
	size_t len[NPART];
	int n = 0;
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_report.XXXXXX");
		if (!mkdtemp(dir)) abort();
		atexit(cleanup);
	}
	while (n < NPART) {
		const char *sep = NULL;
		for (const char *q = s; q + 3 <= e; ++q)
			if ((q == (const char *)data || q[-1] == '\n') && !memcmp(q, "##\n", 3)) { sep = q; break; }
		part[n] = s;
		len[n] = (size_t)((sep ? sep : e) - s);
		n++;
		if (!sep) break;
		s = sep + 3;
	}
	static const char min_summary[] = "{\"version\": \"0\", \"documents\": {\"final\": 1}, \"lexicon\": {}}\n";
	memset(present, 0, sizeof present);
	for (int k = 0; k < NPART; ++k) {
		present[k] = k < n || k == 2;
		if (k < n) put(names[k], part[k], len[k]);
		else if (k == 2) put(names[k], min_summary, sizeof min_summary - 1);
	}
	/* each parser on its part */
	mm_buf err = {0};
	rp_model m;
	memset(&m, 0, sizeof m);
	long ne = rp_entities_parse(&m, "entities.tsv", part[0], len[0], &err);
	if (ne < 0 && !err.l) abort();
	n_ent = m.n_e;
	for (size_t i = 0; ne >= 0 && i < m.n_e; ++i)
		if (m.e[i].t < 0 || m.e[i].t >= m.n_type || rp_model_find(&m, m.e[i].id, strlen(m.e[i].id)) != (long)i) abort();
	if (ne >= 0) {
		err.l = 0;
		if (n > 1 && rp_pairs_parse(&m, "pairs.tsv", part[1], len[1], on_pair, NULL, &err) < 0 && !err.l) abort();
		err.l = 0;
		if (n > 3 && rp_evidence_parse(&m, "evidence.tsv", part[3], len[3], on_evid, NULL, &err) < 0 && !err.l) abort();
		err.l = 0;
		if (n > 5 && rp_byyear_parse(&m, 0, "entities.by-year.tsv", part[5], len[5], on_year, NULL, &err) < 0 && !err.l) abort();
		err.l = 0;
		if (n > 6 && rp_byyear_parse(&m, 1, "pairs.by-year.tsv", part[6], len[6], on_year, NULL, &err) < 0 && !err.l) abort();
		err.l = 0;
		if (n > 7 && rp_facts_parse(&m, "facts.summary.tsv", part[7], len[7], on_fact, NULL, &err) < 0 && !err.l) abort();
	}
	err.l = 0;
	if (n > 4 && rp_years_parse("years.tsv", part[4], len[4], NULL, NULL, &err) < 0 && !err.l) abort();
	err.l = 0;
	if (n > 2) {
		rp_json *j = rp_json_parse("summary.json", part[2], len[2], &err);
		if (!j && !err.l) abort();
		rp_json_free(j);
	}
	rp_model_free(&m);
	/* the whole page */
	mm_buf html = {0};
	err.l = 0;
	mm_report_status st = mm_report_build(dir, locate, NULL, &html, &err);
	if (st != MM_REPORT_OK) {
		if (!err.l) abort();
	} else {
		const char *p = html.s;
		int scripts = 0;
		while ((p = strstr(p, "<script"))) { scripts++; p++; }
		if (scripts != 1) abort();
		for (p = html.s; (p = strstr(p, "href=\"")); p++)
			if (p[6] != '#' && strncmp(p + 6, "https://pubmed.ncbi.nlm.nih.gov/", 32)) abort();
	}
	mm_buf_free(&html);
	mm_buf_free(&err);
	return 0;
}
