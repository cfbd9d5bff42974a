/* Case facts (pipeline/facts.c): every pattern family and distractor, the
 * number rule, offsets and lines, and precision and recall on the judged
 * fixtures tests/facts/real.tsv and tests/facts/constructed.tsv. */
#include "test.h"
#include "../../pipeline/facts.h"
#include <stdlib.h>

static mm_facts *fx;
static mm_facts_ctx *fc;
static mm_doc d;
static mm_text t;

/* the facts of a one-sentence abstract as "kind:stat:value[:unit]" joined
 * by " | " (value: the normalised one, or the written one and "?"), or "-" */
static size_t extract(const char *title, const char *abstract, const mm_fact **f)
{
	mm_buf rec = {0};
	mm_buf_printf(&rec, "1|t|%s\n1|a|%s\n", title, abstract);
	int rc = mm_pubtator_parse(rec.s, rec.l, &d);
	mm_buf_free(&rec);
	if (rc < 0) return 0;
	mm_text_build(&t, &d);
	return mm_facts_extract(fc, &d, &t, f);
}

static void compact(mm_buf *o, const mm_fact *x)
{
	mm_buf_printf(o, "%s:%s:", mm_fact_kind_name[x->kind], mm_fact_stat_name[x->stat]);
	if (x->kind == MM_FACT_SEX && x->stat == MM_FST_VALUE) { mm_buf_puts(o, mm_fact_unit_name[x->unit]); return; }
	if (x->has_value) mm_facts_put_number(o, x->value);
	else { mm_buf_put(o, d.text.s + x->vs, x->ve - x->vs); mm_buf_putc(o, '?'); }
	if (x->unit && x->has_value) mm_buf_printf(o, ":%s", mm_fact_unit_name[x->unit]);
}

static const char *facts_of(const char *text)
{
	static mm_buf o;
	const mm_fact *f;
	size_t n = extract("T.", text, &f);
	o.l = 0;
	mm_buf_puts(&o, n ? "" : "-");
	for (size_t i = 0; i < n; ++i) { if (i) mm_buf_puts(&o, " | "); compact(&o, &f[i]); }
	return o.s;
}

/* ---- precision and recall over a fixture ------------------------------------ */

typedef struct { int tp, fp, fn; } prf;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* split "a | b | c" into sorted items (in place) */
static int split_items(char *s, char **it, int max)
{
	int n = 0;
	if (!strcmp(s, "-")) return 0;
	for (char *p = s; p && n < max;) {
		char *q = strstr(p, " | ");
		if (q) *q = 0;
		it[n++] = p;
		p = q ? q + 3 : NULL;
	}
	qsort(it, (size_t)n, sizeof *it, cmp_str);
	return n;
}

static int kind_of(const char *item) { return !strncmp(item, "ck:", 3) ? 0 : !strncmp(item, "age:", 4) ? 1 : 2; }

/* read the fixture, compare; 0 or -1 when it cannot be read */
static int evaluate(const char *path, prf *r)
{
	FILE *f = fopen(path, "r");
	if (!f) return -1;
	char line[8192];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n') continue;
		line[strcspn(line, "\n")] = 0;
		char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t2) continue;
		*t2 = 0;
		char *exp_s = t2 + 1, got_s[4096];
		snprintf(got_s, sizeof got_s, "%s", facts_of(t1 + 1));
		char *e[64], *g[64];
		int ne = split_items(exp_s, e, 64), ng = split_items(got_s, g, 64);
		int i = 0, j = 0; /* merge the sorted lists: equal items are true positives */
		while (i < ne || j < ng) {
			int c = i == ne ? 1 : j == ng ? -1 : strcmp(e[i], g[j]);
			if (c == 0) r[kind_of(e[i])].tp++, i++, j++;
			else if (c < 0) { r[kind_of(e[i])].fn++; if (getenv("FACTS_VERBOSE")) fprintf(stderr, "facts: missed %s in %s\n", e[i], line); i++; }
			else { r[kind_of(g[j])].fp++; if (getenv("FACTS_VERBOSE")) fprintf(stderr, "facts: wrong %s in %s\n", g[j], line); j++; }
		}
	}
	fclose(f);
	return 0;
}

static void accuracy(const char *name, const char *path, const double *pmin, const double *rmin)
{
	static const char *kind[3] = { "ck", "age", "sex" };
	prf r[3] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
	CHECK(evaluate(path, r) == 0);
	for (int k = 0; k < 3; ++k) {
		double p = r[k].tp + r[k].fp ? (double)r[k].tp / (r[k].tp + r[k].fp) : 1;
		double c = r[k].tp + r[k].fn ? (double)r[k].tp / (r[k].tp + r[k].fn) : 1;
		printf("facts accuracy %s %s: precision %.3f recall %.3f (tp %d, fp %d, fn %d)\n", name, kind[k], p, c, r[k].tp,
		       r[k].fp, r[k].fn);
		CHECK(r[k].tp > 0);
		CHECK(p >= pmin[k]);
		CHECK(c >= rmin[k]);
	}
}

void test_facts(void)
{
	mm_buf err = {0};
	fx = mm_facts_new(&err);
	CHECK(fx != NULL);
	if (!fx) return;
	fc = mm_facts_ctx_new(fx);

	/* creatine kinase: units */
	CHECK_STR(facts_of("CK was 9,800 IU/L."), "ck:value:9800:U/L");
	CHECK_STR(facts_of("CPK 3200 U/l."), "ck:value:3200:U/L");
	CHECK_STR(facts_of("Creatine phosphokinase was 700 units/L."), "ck:value:700:U/L");
	CHECK_STR(facts_of("Creatine kinase activity of 5000 IU L-1."), "ck:value:5000:U/L");
	CHECK_STR(facts_of("CK was 4.2 \xc2\xb5kat/L."), "ck:value:252:U/L");        /* µ, micro sign */
	CHECK_STR(facts_of("CK was 4.2 \xce\xbckat/L."), "ck:value:252:U/L");        /* μ, Greek mu */
	CHECK_STR(facts_of("CK was 4.2 ukat/L."), "ck:value:252:U/L");
	CHECK_STR(facts_of("CK was 40 times the upper limit of normal."), "ck:value:40:xULN");
	CHECK_STR(facts_of("CK 50 \xc3\x97 ULN."), "ck:value:50:xULN");             /* × */
	CHECK_STR(facts_of("CK was 12x ULN."), "ck:value:12:xULN");
	CHECK_STR(facts_of("CK was elevated 35-fold."), "ck:value:35:xULN");
	CHECK_STR(facts_of("12,000 U/L creatine kinase was found."), "ck:value:12000:U/L");
	/* numbers: a comma before exactly three digits groups thousands, any
	 * other comma is a decimal comma; a dot is always a decimal point */
	CHECK_STR(facts_of("CK 14,250 U/L."), "ck:value:14250:U/L");
	CHECK_STR(facts_of("CK 1,234,567 U/L."), "ck:value:1234567:U/L");
	CHECK_STR(facts_of("CK 4,2 ukat/L."), "ck:value:252:U/L");
	CHECK_STR(facts_of("CK 2,50 ukat/L."), "ck:value:150:U/L");
	CHECK_STR(facts_of("CK 1,2345 ukat/L."), "ck:value:74.07:U/L");
	CHECK_STR(facts_of("CK 8.500 U/L."), "ck:value:8.5:U/L");
	CHECK_STR(facts_of("CK 12\xe2\x80\x89" "400 U/L."), "ck:value:12400:U/L");   /* thin space */
	CHECK_STR(facts_of("CK 12\xc2\xa0" "400 U/L."), "ck:value:12400:U/L");       /* no-break space */
	CHECK_STR(facts_of("CK 12 400 U/L."), "-");                                 /* a plain space: two numbers */
	/* statistics */
	CHECK_STR(facts_of("CK peaked at 24,000 U/L."), "ck:peak:24000:U/L");
	CHECK_STR(facts_of("Peak CK was 24,000 U/L."), "ck:peak:24000:U/L");
	CHECK_STR(facts_of("Mean CK was 5,400 U/L."), "ck:mean:5400:U/L");
	CHECK_STR(facts_of("The median CK at diagnosis was 6,200 IU/L."), "ck:median:6200:U/L");
	CHECK_STR(facts_of("CK ranged from 1,900 to 24,000 IU/L."), "ck:range_low:1900:U/L | ck:range_high:24000:U/L");
	CHECK_STR(facts_of("CK 1900\xe2\x80\x93" "24000 U/L."), "ck:range_low:1900:U/L | ck:range_high:24000:U/L");
	CHECK_STR(facts_of("CK between 2,500 and 11,000 IU/L."), "ck:range_low:2500:U/L | ck:range_high:11000:U/L");
	CHECK_STR(facts_of("CK fell from 6200 to 1100 IU/L."), "ck:value:6200:U/L | ck:value:1100:U/L");
	CHECK_STR(facts_of("CK rose from 900 to 9,000 U/L."), "ck:value:900:U/L | ck:peak:9000:U/L");
	CHECK_STR(facts_of("CK 9,800 and troponin 12 ng/L."), "ck:value:9,800?");
	/* a number without a unit: U/L only when the document writes U/L for CK */
	CHECK_STR(facts_of("The CK level of 5400 was recorded."), "ck:value:5400?");
	CHECK_STR(facts_of("The CK level of 5400 fell; a later CK was 800 U/L."), "ck:value:5400:U/L | ck:value:800:U/L");
	CHECK_STR(facts_of("The CK level of 5400 fell; a later CK was 8 ukat/L."), "ck:value:5400? | ck:value:480:U/L");
	/* distractors */
	CHECK_STR(facts_of("CK-MB was 45 U/L."), "-");
	CHECK_STR(facts_of("CK MB 45 U/L and CK-BB 3 U/L."), "-");
	CHECK_STR(facts_of("CK-MM was 900 U/L."), "-");
	CHECK_STR(facts_of("Creatinine was 1.2 mg/dL and troponin 0.5 ng/mL."), "-");
	CHECK_STR(facts_of("Creatinine kinase 300."), "-");
	CHECK_STR(facts_of("Cytokeratin CK 7 and CK 20 were negative."), "-");
	CHECK_STR(facts_of("CK at 3 months was lower."), "-");
	CHECK_STR(facts_of("CK was 3."), "-");
	/* negated, hypothetical, bounds and reference ranges */
	CHECK_STR(facts_of("CK was normal."), "-");
	CHECK_STR(facts_of("There was no CK elevation."), "-");
	CHECK_STR(facts_of("CK was not elevated (120 U/L)."), "-");
	CHECK_STR(facts_of("If CK exceeds 1,000 U/L, stop."), "-");
	CHECK_STR(facts_of("CK > 1000 U/L was required."), "-");
	CHECK_STR(facts_of("CK remained < 500 units/L."), "-");
	CHECK_STR(facts_of("The upper limit of normal for CK is 200 U/L."), "-");
	CHECK_STR(facts_of("CK (normal 30-170 U/L) was raised."), "-");
	CHECK_STR(facts_of("CK elevations greater than 10 times the upper limit of normal."), "-");

	/* age */
	CHECK_STR(facts_of("A 58-year-old woman."), "sex:value:female | age:value:58:years");
	CHECK_STR(facts_of("He was 62 years old."), "age:value:62:years");
	CHECK_STR(facts_of("A boy 7 years of age."), "sex:value:male | age:value:7:years");
	CHECK_STR(facts_of("The patient, aged 47 years, was seen."), "age:value:47:years");
	CHECK_STR(facts_of("Weakness began at the age of 40."), "age:value:40:years");
	CHECK_STR(facts_of("A 33 yo man."), "sex:value:male | age:value:33:years");
	CHECK_STR(facts_of("An 18-month-old boy."), "sex:value:male | age:value:1.5:years");
	CHECK_STR(facts_of("A 6-week-old girl."), "sex:value:female | age:value:0.11:years");
	CHECK_STR(facts_of("A 10-day-old infant."), "age:value:0.03:years");
	CHECK_STR(facts_of("A woman in her sixties."), "sex:value:female | age:range_low:60:years | age:range_high:69:years");
	CHECK_STR(facts_of("A man in his early forties."), "sex:value:male | age:range_low:40:years | age:range_high:43:years");
	CHECK_STR(facts_of("A man in his mid-fifties."), "sex:value:male | age:range_low:54:years | age:range_high:56:years");
	CHECK_STR(facts_of("A girl in her late teens."), "sex:value:female | age:range_low:13:years | age:range_high:19:years");
	CHECK_STR(facts_of("The mean age was 54.3 years."), "age:mean:54.3:years");
	CHECK_STR(facts_of("The median age at onset was 61 years."), "age:median:61:years");
	CHECK_STR(facts_of("A mean (SD) age of 63 (8) years."), "age:mean:63:years");
	CHECK_STR(facts_of("Patients aged 20 to 35 years."), "age:range_low:20:years | age:range_high:35:years");
	CHECK_STR(facts_of("Three patients (age 37-52 years)."), "age:range_low:37:years | age:range_high:52:years");
	CHECK_STR(facts_of("Patients aged 18 years or older were included."), "-");
	CHECK_STR(facts_of("Patients older than 65 years were excluded."), "-");
	CHECK_STR(facts_of("Uveitis developed after 16 years of age."), "-");
	CHECK_STR(facts_of("Cancer before age 50 years."), "-");
	CHECK_STR(facts_of("The commonest myopathy after the age of 50 years."), "-");
	CHECK_STR(facts_of("His 30-year-old son was healthy."), "-");
	CHECK_STR(facts_of("An 8-week-old mouse."), "-");
	CHECK_STR(facts_of("A 200-year-old tree."), "-");

	/* sex */
	CHECK_STR(facts_of("A female patient."), "sex:value:female");
	CHECK_STR(facts_of("A 45-year-old male received statins."), "sex:value:male | age:value:45:years");
	CHECK_STR(facts_of("A gentleman and a lady."), "sex:value:male | sex:value:female");
	CHECK_STR(facts_of("A male predominance."), "-");
	CHECK_STR(facts_of("The male-to-female ratio was 2:1."), "-");
	CHECK_STR(facts_of("Female sex was a risk factor."), "-");
	CHECK_STR(facts_of("Of 30 patients, 60% were female."), "-");
	CHECK_STR(facts_of("The patient reported that her legs were weak."), "sex:value:female");
	CHECK_STR(facts_of("The patient was treated and his CK fell."), "sex:value:male");
	CHECK_STR(facts_of("Her legs were weak."), "-");
	CHECK_STR(facts_of("The patient's mother said that she was weak."), "-");
	CHECK_STR(facts_of("12 women and 5 men."), "sex:count:12:female | sex:count:5:male");
	CHECK_STR(facts_of("7,705 postmenopausal women."), "sex:count:7705:female");
	CHECK_STR(facts_of("Eleven homosexual men."), "sex:count:11:male");
	CHECK_STR(facts_of("5 (29%) men."), "sex:count:5:male");
	CHECK_STR(facts_of("12 male mice were treated."), "-");

	/* offsets, sentences and the facts.tsv line */
	const mm_fact *f;
	size_t n = extract("Title.", "First. CK was 4,2 \xc2\xb5kat/L.", &f);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(f[0].sent, 2);
		CHECK_INT(f[0].start, 14);
		CHECK_INT(f[0].end, 32);
		mm_buf o = {0};
		d.pmid = 42;
		mm_facts_format(&o, &d, f, n);
		CHECK_STR(o.s, "42\tabstract\t3\t14\t32\tck\tvalue\t4,2\t\xc2\xb5kat/L\t252\tU/L\tCK was 4,2 \xc2\xb5kat/L\n");
		mm_buf_free(&o);
	}
	mm_facts_doc s;
	n = extract("A 58-year-old woman.", "CK was 900 U/L and CK peaked at 9,000 U/L; CK was 20x ULN. Mean CK 99999 U/L.", &f);
	mm_facts_summarise(f, n, &s);
	CHECK(s.has_ck && s.ck == 9000);
	CHECK(s.has_uln && s.uln == 20);
	CHECK(s.has_age && s.age == 58);
	CHECK_INT(s.sex, MM_FU_FEMALE);
	n = extract("Patients aged 40 to 60 years.", "", &f);
	mm_facts_summarise(f, n, &s);
	CHECK(s.has_age && s.age == 50 && !s.has_ck && !s.sex);

	/* judged accuracy: real excerpts and constructed sentences apart */
	const char *dir = getenv("MYOMINE_TESTDIR");
	char path[1024];
	static const double p_min[3] = { 0.97, 0.97, 0.95 }, r_min[3] = { 0.9, 0.9, 0.9 };
	snprintf(path, sizeof path, "%s/facts/real.tsv", dir && *dir ? dir : "tests");
	accuracy("real", path, p_min, r_min);
	snprintf(path, sizeof path, "%s/facts/constructed.tsv", dir && *dir ? dir : "tests");
	accuracy("constructed", path, p_min, r_min);

	mm_facts_ctx_free(fc);
	mm_facts_free(fx);
	mm_doc_free(&d);
	mm_text_free(&t);
	mm_buf_free(&err);
}
