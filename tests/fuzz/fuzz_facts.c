/* fuzz_facts.c -- facts.h: mm_facts_extract() over a document made from the
 * input as in fuzz_text.c (first byte: bit 0 = keep_ws; the rest split into
 * sections at NUL bytes).  Checks that every fact lies inside the text, its
 * sentence and its section, starts and ends on character boundaries, is in
 * text order with known kind, statistic and unit and a finite value, and
 * that each formats to one facts.tsv line of 12 fields. */
#include "facts.h"
#include "check_doc.h"
#include <math.h>

static mm_facts *fx;
static mm_facts_ctx *fc;

static int at_char(const mm_doc *d, uint32_t o)
{
	return o == d->text.l || (o < d->text.l && ((unsigned char)d->text.s[o] & 0xC0) != 0x80);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static mm_doc d;
	static mm_text t;
	static mm_buf o;
	if (!fx) {
		mm_buf err = {0};
		if (!(fx = mm_facts_new(&err))) abort();
		fc = mm_facts_ctx_new(fx);
	}
	if (size == 0) return 0;
	mm_doc_reset(&d);
	d.keep_ws = data[0] & 1;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	for (int k = 0; p <= end; ++k) {
		const char *z = memchr(p, 0, (size_t)(end - p));
		if (!z) z = end;
		mm_doc_begin_section(&d, k ? "abstract" : "title", k ? 8 : 5);
		mm_doc_add_text(&d, p, (size_t)(z - p));
		mm_doc_end_section(&d);
		p = z + 1;
	}
	d.has_abstract = d.n_sec > 1;
	d.pmid = 1;
	check_doc(&d, d.keep_ws); /* the document the extractor is given is well formed */
	mm_text_build(&t, &d);
	const mm_fact *f;
	size_t n = mm_facts_extract(fc, &d, &t, &f);
	for (size_t i = 0; i < n; ++i) {
		const mm_fact *x = &f[i];
		if (x->kind > MM_FACT_SEX || x->stat > MM_FST_COUNT || x->unit > MM_FU_MALE) abort();
		if (x->sent >= t.sent_s.n || x->sec != t.sent_sec.a[x->sent] || x->sec >= (uint32_t)d.n_sec) abort();
		if (!(x->start < x->end && x->end <= d.text.l)) abort();
		if (!(x->start <= x->vs && x->vs < x->ve && x->ve <= x->end)) abort();
		if (!(x->us <= x->ue && x->ue <= d.text.l)) abort();
		if (x->start < d.sec[x->sec].start || x->end > d.sec[x->sec].end) abort();
		if (!at_char(&d, x->start) || !at_char(&d, x->end) || !at_char(&d, x->vs) || !at_char(&d, x->ve)) abort();
		if (!isfinite(x->value) || x->value < 0) abort();
		if (i && f[i - 1].start > x->start) abort();
	}
	mm_facts_doc s;
	mm_facts_summarise(f, n, &s);
	if ((s.has_ck && !isfinite(s.ck)) || (s.has_age && !(s.age >= 0 && s.age <= 120))) abort();
	o.l = 0;
	mm_facts_format(&o, &d, f, n);
	size_t lines = 0, tabs = 0;
	for (size_t i = 0; i < o.l; ++i) {
		if (o.s[i] == '\t') tabs++;
		if (o.s[i] == '\n') { if (tabs != 11) abort(); lines++; tabs = 0; }
	}
	if (lines != n || tabs) abort();
	return 0;
}
