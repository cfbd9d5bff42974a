/* facts.c -- see facts.h */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "facts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const mm_fact_kind_name[] = { "ck", "age", "sex" };
const char *const mm_fact_stat_name[] = { "value", "peak", "mean", "median", "range_low", "range_high", "count" };
const char *const mm_fact_unit_name[] = { "", "U/L", "xULN", "years", "female", "male" };

/* ---- the patterns (over normalised text: lower case, '-' for dashes) ---- */

/* A number: thousands groups of exactly three digits first, then digits
 * with one optional decimal point or comma (facts.h states the rule). */
#define NUM "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])|\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?(?![\\d,])|\\d+(?:[.,]\\d+)?(?!\\d))"
#define UNIT \
	"((?:i\\.?u\\.?|u|ui|units?)\\s*(?:/|per)\\s*(?:l|liter|litre)\\b" \
	"|(?:iu|u)\\s*l\\s*-\\s*1\\b" \
	"|(?:mu|u|micro)\\s*-?\\s*kat\\s*/\\s*l\\b" \
	"|-?\\s*fold\\b" \
	"|(?:times|x|#)\\s*(?:the\\s+)?(?:uln|upper\\s+limits?\\s+of\\s+(?:the\\s+)?normal(?:\\s+(?:range|values?|limits?))?" \
	"|upper\\s+normal\\s+limits?|upper\\s+(?:reference|normal)\\s+(?:range|values?|limits?)" \
	"|normal(?:\\s+(?:range|values?|levels?|limits?))?)\\b)"

/* CK: 1 statistic word before the term, 2 the linking words, 3 between/from,
 * 4 number, 5 unit, 6 connector, 7 second number, 8 its unit */
static const char *const re_ck =
	"(?:\\b(mean|average|median|peak|maximum|max|highest)\\s+(?:(?:serum|plasma|total|blood)\\s+)?)?"
	"\\b(?:creatine\\s*-?\\s*(?:phospho)?\\s*-?\\s*kinase|cpk|ck)\\b(?![- ]?(?:mb|bb|mm|mi)\\b)(?!-\\d)"
	"(?:\\s*\\(\\s*(?:ck|cpk)\\s*\\))?"
	"((?:\\s*(?:levels?|values?|concentrations?|activity|activities|serum|plasma|blood|total|elevations?|increase"
	"|was|were|is|are|of|at|to|reached|peaked|peaking|rose|rising|increased|elevated|markedly|highly|significantly"
	"|severely|mildly|moderately|up|maximum|max|peak|highest|initial|initially|measured|found|as|high|approximately"
	"|about|around|nearly|ranged|ranging|range|the|a|an|mean|average|median|with|on\\s+admission|at\\s+admission"
	"|at\\s+presentation|on\\s+presentation|at\\s+diagnosis|at\\s+baseline|at\\s+onset|had|has|dropped|decreased|declined|fell|normali[sz]ed|returned|down)\\b"
	"|\\s*[,:=(])*?)"
	"\\s*(?:(between|from)\\s+)?" NUM "(?:\\s*" UNIT ")?"
	"(?:\\s*(-|to|and)\\s*" NUM "(?:\\s*" UNIT ")?)?";

/* "66,680 U/L creatine kinase": 1 number, 2 unit (required) */
static const char *const re_ck_rev =
	NUM "\\s*" UNIT "\\s+(?:of\\s+)?(?:(?:serum|plasma|total)\\s+)?"
	"(?:creatine\\s*-?\\s*(?:phospho)?\\s*-?\\s*kinase|cpk|ck)\\b(?![- ]?(?:mb|bb|mm|mi)\\b)(?!-\\d)";

/* ages; A_MEAN: 1 mean/median, 2 number, 3 unit */
static const char *const re_age_mean =
	"\\b(mean|average|median)\\s+(?:\\([^)]{0,24}\\)\\s*)?(?:patients?'?\\s+)?age\\s*(?:\\([^)]{0,24}\\)\\s*)?"
	"(?:at\\s+(?:disease\\s+|symptom\\s+)?(?:onset|diagnosis|presentation|biopsy|inclusion|baseline)\\s*)?"
	"(?:\\([^)]{0,24}\\)\\s*)?(?:(?:was|were|is|of|=|:|,)\\s*)?(?:was\\s+)?(\\d{1,3}(?:\\.\\d+)?)(?!\\d)"
	"(?:\\s*(years?|yrs?|y)\\b)?";
/* 1 early/mid/late, 2 decade word */
static const char *const re_age_decade =
	"\\bin\\s+(?:his|her|their)\\s+(?:(early|mid|late)\\s*-?\\s*)?"
	"(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b";
/* 1 number, 2 unit: "58-year-old", "18 months old", "58 years of age", "58 yo" */
static const char *const re_age_old =
	"\\b(\\d{1,3}(?:\\.\\d+)?)\\s*-?\\s*(years?|yrs?|y|months?|mos?|weeks?|wks?|days?)\\s*-?\\s*olds?\\b"
	"|\\b(\\d{1,3}(?:\\.\\d+)?)\\s*(years?|months?)\\s+of\\s+age\\b"
	"|\\b(\\d{1,3})\\s*(yo|y/o|y\\.o)\\b";
/* 1 number, 2 second number (a range), 3 unit */
static const char *const re_age_aged =
	"\\b(?:aged|at\\s+(?:the\\s+)?age\\s+(?:of\\s+)?"
	"|ages?(?:\\s+(?:range[sd]?|ranging|was|were))?(?:\\s+(?:from|of))?\\s*[:=]?)\\s*(?:between\\s+)?"
	"(?>(\\d{1,3}(?:\\.\\d+)?)(?!\\d)(?:\\s*(?:-|to|and)\\s*(\\d{1,3}(?:\\.\\d+)?)(?!\\d))?(?:\\s*(years?|yrs?|y|months?)\\b)?)"
	"(?!\\s*(?:\\+|or\\s+(?:older|more|over|above|younger|less)|and\\s+(?:older|over|above)))";

/* sex: 1 a singular patient noun after an article and up to four words */
static const char *const re_sex_noun =
	"\\b(?:a|an|one|the|this|our)\\s+(?:(?!(?:and|or|with|of|who|in|to|for|from|patients?)\\b)[a-z0-9][a-z0-9'.-]*,?\\s+){0,4}?"
	"(woman|man|girl|boy|lady|gentleman|female|male)\\b(?!-)";
/* 1 count, 2 noun */
static const char *const re_sex_count =
	"\\b(\\d{1,3}(?:,\\d{3})+(?![\\d,])|\\d{1,6}(?![\\d,.])|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
	"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
	"\\s*(?:\\(\\s*\\d+(?:\\.\\d+)?\\s*%\\s*\\)\\s*)?(?:(?:were|are)\\s+)?"
	"(?:(?!(?:and|or|of|with|in|the|were|are|patients?|years?|months?)\\b)[a-z][a-z-]*\\s+){0,2}?"
	"(women|men|females|males|girls|boys|female|male)\\b(?!-)";
static const char *const re_patient =
	"\\b(?:the|our|this|that|a|an)\\s+(?:[a-z0-9-]+\\s+){0,3}?(?:patient|proband|index\\s+case)\\b(?!s)";
static const char *const re_pronoun = "\\b(she|her|hers|herself|he|his|him|himself)\\b";
static const char *const re_person =
	"\\b(?:wom[ae]n|m[ae]n|girls?|boys?|mother|father|husband|wife|sons?|daughters?|sisters?|brothers?|siblings?"
	"|parents?|physicians?|doctors?|clinicians?|friends?|child|children|infants?|baby|family|relatives?)\\b";

static const char *const re_animal =
	"\\b(?:rats?|mice|mouse|murine|rodents?|dogs?|canine|rabbits?|pigs?|piglets?|monkeys?|primates?|sheep|ewes?|cattle"
	"|cows?|calves|horses?|cats?|hamsters?|guinea\\s+pigs?|animals?|zebrafish|chickens?|birds?)\\b";

enum { P_CK, P_CK_REV, P_AGE_MEAN, P_AGE_DECADE, P_AGE_OLD, P_AGE_AGED, P_SEX_NOUN, P_SEX_COUNT, P_PATIENT, P_PRONOUN, P_PERSON, P_ANIMAL, P_N };

static const char *const *const pat_src[P_N] = {
	&re_ck, &re_ck_rev, &re_age_mean, &re_age_decade, &re_age_old, &re_age_aged, &re_sex_noun, &re_sex_count, &re_patient,
	&re_pronoun, &re_person, &re_animal
};

struct mm_facts {
	pcre2_code *re[P_N];
	int jit[P_N];
};

struct mm_facts_ctx {
	const mm_facts *fx;
	pcre2_match_data *md;
	mm_fact *f;
	size_t n, m;
};

mm_facts *mm_facts_new(mm_buf *err)
{
	mm_facts *fx = mm_calloc(1, sizeof *fx);
	for (int i = 0; i < P_N; ++i) {
		int ec;
		PCRE2_SIZE eo;
		fx->re[i] = pcre2_compile((PCRE2_SPTR)*pat_src[i], PCRE2_ZERO_TERMINATED, 0, &ec, &eo, NULL);
		if (!fx->re[i]) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(ec, msg, sizeof msg);
			mm_buf_printf(err, "facts pattern %d, offset %zu: %s", i, (size_t)eo, (const char *)msg);
			mm_facts_free(fx);
			return NULL;
		}
#ifndef MM_NO_JIT
		fx->jit[i] = pcre2_jit_compile(fx->re[i], PCRE2_JIT_COMPLETE) == 0;
#endif
	}
	return fx;
}

void mm_facts_free(mm_facts *fx)
{
	if (!fx) return;
	for (int i = 0; i < P_N; ++i) if (fx->re[i]) pcre2_code_free(fx->re[i]);
	free(fx);
}

mm_facts_ctx *mm_facts_ctx_new(const mm_facts *fx)
{
	mm_facts_ctx *c = mm_calloc(1, sizeof *c);
	c->fx = fx;
	c->md = pcre2_match_data_create(12, NULL);
	if (!c->md) { fprintf(stderr, "myomine: out of memory (PCRE2 match data)\n"); exit(3); }
	return c;
}

void mm_facts_ctx_free(mm_facts_ctx *c)
{
	if (!c) return;
	pcre2_match_data_free(c->md);
	free(c->f);
	free(c);
}

/* ---- helpers -------------------------------------------------------------- */

typedef struct {
	mm_facts_ctx *c;
	const mm_doc *d;
	const mm_text *t;
	const char *s;     /* normalised text */
	size_t n;          /* the end of the current sentence: no match goes past it */
	size_t from;       /* its start */
	long sent;         /* its index */
	int digit;         /* it has a digit */
	int age, old, decade, noun, count, patient; /* it holds a literal the patterns need */
	PCRE2_SIZE *ov;
} scan;

static int find(scan *S, int p, size_t at)
{
	const mm_facts *fx = S->c->fx;
	int rc;
	if (at > S->n) return -1;
#ifndef MM_NO_JIT
	if (fx->jit[p]) rc = pcre2_jit_match(fx->re[p], (PCRE2_SPTR)S->s, S->n, at, 0, S->c->md, NULL);
	else
#endif
		rc = pcre2_match(fx->re[p], (PCRE2_SPTR)S->s, S->n, at, 0, S->c->md, NULL);
	S->ov = pcre2_get_ovector_pointer(S->c->md);
	return rc;
}

static int grp(const scan *S, int g) { return S->ov[2 * g] != PCRE2_UNSET; }
static size_t gs(const scan *S, int g) { return S->ov[2 * g]; }
static size_t ge(const scan *S, int g) { return S->ov[2 * g + 1]; }



/* a number as normalised text: a comma before exactly three digits is a
 * thousands separator, any other comma a decimal point */
static double parse_num(const char *s, size_t n)
{
	char buf[64];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof buf; ++i) {
		if (s[i] == ',') {
			size_t d = 0;
			while (i + 1 + d < n && s[i + 1 + d] >= '0' && s[i + 1 + d] <= '9') ++d;
			if (d != 3) buf[k++] = '.';
		} else if (s[i] != ' ') buf[k++] = s[i];
	}
	buf[k] = 0;
	return strtod(buf, NULL);
}

/* a space inside number group g is a thin or no-break space in the original
 * text (a thousands separator), never a plain space: 1, else 0 */
static int spaces_ok(const scan *S, int g)
{
	if (!grp(S, g)) return 1;
	for (size_t i = gs(S, g); i < ge(S, g); ++i)
		if (S->s[i] == ' ' && S->d->text.s[S->t->map.a[i]] == ' ') return 0;
	return 1;
}

static int has_word(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);
	for (const char *p = s, *e = s + n; (p = mm_find(p, (size_t)(e - p), w, l)) != NULL; ++p) {
		size_t i = (size_t)(p - s);
		if ((i == 0 || !mm_alnum((unsigned char)s[i - 1])) && (i + l == n || !mm_alnum((unsigned char)s[i + l]))) return 1;
	}
	return 0;
}

static int has_any(const char *s, size_t n, const char *const *w)
{
	for (; *w; ++w) if (has_word(s, n, *w)) return 1;
	return 0;
}

/* the word that ends right before pos (skipping spaces) is one of w */
static int prev_word_in(const scan *S, size_t from, size_t pos, const char *const *w)
{
	while (pos > from && S->s[pos - 1] == ' ') --pos;
	size_t b = pos;
	while (b > from && mm_alnum((unsigned char)S->s[b - 1])) --b;
	if (b == pos) { /* a symbol: < > # (>=, <=) */
		return pos > from && (S->s[pos - 1] == '<' || S->s[pos - 1] == '>' || S->s[pos - 1] == '#');
	}
	for (; *w; ++w) if (strlen(*w) == pos - b && !memcmp(S->s + b, *w, pos - b)) return 1;
	return 0;
}

static mm_fact *push(scan *S, int kind, int stat, int unit, size_t s, size_t e, size_t vs, size_t ve, size_t us, size_t ue,
                     double value, int has_value)
{
	mm_facts_ctx *c = S->c;
	const mm_text *t = S->t;
	long sn = S->sent;
	(void)s;
	if (c->n == c->m) { c->m = c->m ? c->m * 2 : 16; c->f = mm_realloc(c->f, c->m * sizeof *c->f); }
	mm_fact *f = &c->f[c->n++];
	memset(f, 0, sizeof *f);
	f->kind = (uint8_t)kind; f->stat = (uint8_t)stat; f->unit = (uint8_t)unit; f->has_value = (uint8_t)has_value;
	f->sent = sn < 0 ? 0 : (uint32_t)sn;
	f->sec = sn < 0 ? 0 : t->sent_sec.a[sn];
	f->start = t->map.a[s]; f->end = t->map.a[e];
	f->vs = t->map.a[vs]; f->ve = t->map.a[ve];
	f->us = us < ue ? t->map.a[us] : f->end; f->ue = us < ue ? t->map.a[ue] : f->end;
	f->value = value;
	return f;
}

/* an earlier fact of this kind overlaps [s, e) (normalised offsets of the spans are not kept: compare originals) */
static int overlaps(const scan *S, int kind, size_t s, size_t e)
{
	uint32_t os = S->t->map.a[s], oe = S->t->map.a[e];
	for (size_t i = 0; i < S->c->n; ++i) {
		const mm_fact *f = &S->c->f[i];
		if (f->kind == kind && f->start < oe && os < f->end) return 1;
	}
	return 0;
}

/* ---- creatine kinase -------------------------------------------------------- */

static const char *const ck_block_before[] = { "if", "whether", "should", "would", "unless", "normal", "reference",
                                               "uln", "cut-off", "cutoff", "threshold", "limit", "no", "not", NULL };
static const char *const ck_peak_words[] = { "peak", "peaked", "peaking", "maximum", "max", "highest", "reached", "rose",
                                             "up", NULL };
static const char *const ck_change_words[] = { "fell", "dropped", "decreased", "declined", "rose", "rising", "increased",
                                               "returned", "down", NULL };
static const char *const after_unitless[] = { "days", "day", "weeks", "week", "months", "month", "years", "year",
                                              "hours", "hour", "h", "hrs", "min", "patients", "patient", "cases", "mg",
                                              "g", "ng", "mmol", "umol", "mumol", "ml", "dl", "kg", "mm", "times",
                                              "fold", "x", "#", NULL };

static int ck_unit(const char *u, size_t n)
{
	for (size_t i = 0; i + 3 <= n; ++i) if (!memcmp(u + i, "kat", 3)) return 2;
	if (has_word(u, n, "fold") || has_word(u, n, "uln") || has_word(u, n, "normal") || (n && (u[0] == 'x' || u[0] == '#')) ||
	    (n >= 5 && !memcmp(u, "times", 5)))
		return 3;
	return 1;
}

/* the clause before the term (back to , ; ( or the sentence start, at most
 * 40 bytes) says "if", "normal", "cut-off", ... */
static int ck_blocked(const scan *S, size_t term, size_t sent_s)
{
	size_t b = term;
	while (b > sent_s && term - b < 40 && S->s[b - 1] != ',' && S->s[b - 1] != ';' && S->s[b - 1] != '(') --b;
	if (has_any(S->s + b, term - b, ck_block_before)) return 1;
	for (size_t i = b; i < term; ++i) if (S->s[i] == '<' || S->s[i] == '>') return 1;
	return 0;
}

static void scan_ck(scan *S)
{
	size_t at = S->from;
	const char *s = S->s;
	if (has_word(s + S->from, S->n - S->from, "cytokeratin")) return; /* CK 7, CK 20: cytokeratins */
	while (find(S, P_CK, at) > 0) {
		size_t ms = gs(S, 0), me = ge(S, 0);
		at = me > ms ? me : ms + 1;
		if (ck_blocked(S, ms, S->from) || !spaces_ok(S, 4) || !spaces_ok(S, 7)) continue;
		int stat = MM_FST_VALUE, change = 0;
		if (grp(S, 1)) {
			const char *w = s + gs(S, 1);
			stat = w[0] == 'm' && w[1] == 'e' && w[2] == 'd' ? MM_FST_MEDIAN
			     : (w[0] == 'm' && w[1] == 'e') || w[0] == 'a' ? MM_FST_MEAN : MM_FST_PEAK;
		}
		if (grp(S, 2)) {
			const char *g = s + gs(S, 2);
			size_t gl = ge(S, 2) - gs(S, 2);
			if (has_word(g, gl, "median")) stat = MM_FST_MEDIAN;
			else if (has_word(g, gl, "mean") || has_word(g, gl, "average")) stat = MM_FST_MEAN;
			else if (stat == MM_FST_VALUE && has_any(g, gl, ck_peak_words)) stat = MM_FST_PEAK;
			change = has_any(g, gl, ck_change_words);
		}
		int range = grp(S, 7);
		if (range && s[gs(S, 6)] == 'a' && !(grp(S, 3) && s[gs(S, 3)] == 'b')) range = 0; /* "and" only after "between" */
		double v1 = parse_num(s + gs(S, 4), ge(S, 4) - gs(S, 4)), v2 = range ? parse_num(s + gs(S, 7), ge(S, 7) - gs(S, 7)) : 0;
		/* "fell from 6200 to 1100 U/L", "rose from 900 to 9000 U/L": two values */
		int two = range && (change || v2 < v1) && s[gs(S, 6)] == 't';
		if (range && v2 < v1 && !two) range = 0;
		/* the unit: after the number, or written once after the second */
		int ug = grp(S, 5) ? 5 : range && grp(S, 8) ? 8 : 0;
		if (range && grp(S, 5) && grp(S, 8) && ck_unit(s + gs(S, 5), ge(S, 5) - gs(S, 5)) != ck_unit(s + gs(S, 8), ge(S, 8) - gs(S, 8)))
			range = 0;
		size_t end = range ? (grp(S, 8) ? ge(S, 8) : ge(S, 7)) : grp(S, 5) ? ge(S, 5) : ge(S, 4);
		if (!range && !grp(S, 5)) { /* no unit: not a duration, a count or a bare small number */
			size_t k = end;
			while (k < S->n && s[k] == ' ') ++k;
			if (k < S->n && s[k] >= '0' && s[k] <= '9') continue; /* "12 400": a space never joins digits */
			size_t w = k;
			while (w < S->n && (mm_alnum((unsigned char)s[w]) || s[w] == '%' || s[w] == '#')) ++w;
			if (w > k) {
				char word[16];
				size_t l = w - k < sizeof word - 1 ? w - k : sizeof word - 1;
				memcpy(word, s + k, l); word[l] = 0;
				const char *const *p;
				int bad = strchr(word, '%') != NULL;
				for (p = after_unitless; *p && !bad; ++p) if (!strcmp(word, *p)) bad = 1;
				if (bad) continue;
			}
			if (v1 < 10) continue;
		}
		int u = ug ? ck_unit(s + gs(S, ug), ge(S, ug) - gs(S, ug)) : 0;
		int nu = u == 0 ? MM_FU_NONE : u == 3 ? MM_FU_ULN : MM_FU_UL;
		double mul = u == 2 ? 60 : 1;
		if ((nu == MM_FU_UL && v1 * mul > 1e7) || (nu == MM_FU_ULN && v1 > 1e4)) continue;
		size_t us = ug ? gs(S, ug) : 0, ue = ug ? ge(S, ug) : 0;
		if (two) {
			push(S, MM_FACT_CK, MM_FST_VALUE, nu, ms, end, gs(S, 4), ge(S, 4), us, ue, v1 * mul, u != 0);
			push(S, MM_FACT_CK, v2 > v1 ? MM_FST_PEAK : MM_FST_VALUE, nu, ms, end, gs(S, 7), ge(S, 7), us, ue, v2 * mul, u != 0);
		} else if (range) {
			push(S, MM_FACT_CK, MM_FST_RANGE_LOW, nu, ms, end, gs(S, 4), ge(S, 4), us, ue, v1 * mul, u != 0);
			push(S, MM_FACT_CK, MM_FST_RANGE_HIGH, nu, ms, end, gs(S, 7), ge(S, 7), us, ue, v2 * mul, u != 0);
		} else {
			mm_fact *f = push(S, MM_FACT_CK, stat, nu, ms, end, gs(S, 4), ge(S, 4), us, ue, v1 * mul, u != 0);
			if (!u) f->value = v1;
		}
		at = end;
	}
	for (at = S->from; find(S, P_CK_REV, at) > 0; at = ge(S, 0)) {
		if (overlaps(S, MM_FACT_CK, gs(S, 0), ge(S, 0)) || ck_blocked(S, gs(S, 0), S->from) || !spaces_ok(S, 1)) continue;
		int u = ck_unit(s + gs(S, 2), ge(S, 2) - gs(S, 2));
		double v = parse_num(s + gs(S, 1), ge(S, 1) - gs(S, 1)) * (u == 2 ? 60 : 1);
		if ((u != 3 && v > 1e7) || (u == 3 && v > 1e4)) continue;
		push(S, MM_FACT_CK, MM_FST_VALUE, u == 3 ? MM_FU_ULN : MM_FU_UL, gs(S, 0), ge(S, 0), gs(S, 1), ge(S, 1), gs(S, 2),
		     ge(S, 2), v, 1);
	}
}

/* ---- age --------------------------------------------------------------------- */

static const char *const age_block_before[] = { "older", "younger", "over", "under", "above", "below", "than", "least",
                                                "his", "her", "their", "mean", "median", "average", "after", "before",
                                                "by", "until", "since", "within", "beyond", NULL };

static double age_years(double v, const char *u)
{
	double y = v;
	if (u[0] == 'm') y = v / 12;
	else if (u[0] == 'w') y = v * 7 / 365.25;
	else if (u[0] == 'd') y = v / 365.25;
	return round(y * 100) / 100;
}

static void add_age(scan *S, int stat, size_t s, size_t e, int gv, int gu)
{
	double v = parse_num(S->s + gs(S, gv), ge(S, gv) - gs(S, gv));
	const char *u = gu >= 0 && grp(S, gu) ? S->s + gs(S, gu) : "y";
	double y = age_years(v, u);
	if (y <= 0 || y > 120) return;
	size_t us = gu >= 0 && grp(S, gu) ? gs(S, gu) : 0, ue = gu >= 0 && grp(S, gu) ? ge(S, gu) : 0;
	push(S, MM_FACT_AGE, stat, MM_FU_YEARS, s, e, gs(S, gv), ge(S, gv), us, ue, y, 1);
}

/* the word w[0..n) ends at q (and begins a word) */
static int word_before(const scan *S, size_t q, const char *w, size_t n)
{
	return q >= S->from + n && !memcmp(S->s + q - n, w, n) && (q == S->from + n || !mm_alnum((unsigned char)S->s[q - n - 1]));
}

/* Before position q: a separator of a list of numbers ("and", "or" when
 * conj, else ","; spaces around) and a number of 1 to 3 digits that begins a
 * word: its start and end into *nb, *ne, and 1; else 0. */
static int list_number(const scan *S, size_t q, int conj, size_t *nb, size_t *ne)
{
	const char *s = S->s;
	while (q > S->from && s[q - 1] == ' ') --q;
	if (conj && word_before(S, q, "and", 3)) q -= 3;
	else if (conj && word_before(S, q, "or", 2)) q -= 2;
	else if (!conj && q > S->from && s[q - 1] == ',') q -= 1;
	else return 0;
	while (q > S->from && s[q - 1] == ' ') --q;
	size_t b = q;
	while (b > S->from && s[b - 1] >= '0' && s[b - 1] <= '9') --b;
	if (b == q || q - b > 3 || (b > S->from && (mm_alnum((unsigned char)s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '-'))) return 0;
	*nb = b;
	*ne = q;
	return 1;
}

/* "6 and 13 years old", "6, 9 and 13 years old": the values coordinated
 * before the one whose number starts at vs (the match ends at e), in its
 * unit u (us..ue): one list "A, B and C" (its "and" or "or" last); when more
 * numbers come before it ("patients 1 and 2, 35 and 40 years old") only the
 * value next to the matched one is taken.  Never after "between" or "from"
 * (a range) or a word that blocks an age. */
static void coordinated_ages(scan *S, size_t vs, size_t e, const char *u, size_t us, size_t ue)
{
	static const char *const range_words[] = { "between", "from", NULL };
	size_t nb[8], ne[8], x, y;
	int n = 0;
	while (n < 8 && list_number(S, n ? nb[n - 1] : vs, n == 0, &nb[n], &ne[n])) ++n;
	if (n > 1 && (list_number(S, nb[n - 1], 1, &x, &y) || list_number(S, nb[n - 1], 0, &x, &y))) n = 1; /* more numbers before */
	if (n && (prev_word_in(S, S->from, nb[n - 1], range_words) || prev_word_in(S, S->from, nb[n - 1], age_block_before))) return;
	for (int k = 0; k < n; ++k) {
		double age = age_years(parse_num(S->s + nb[k], ne[k] - nb[k]), u);
		if (age > 0 && age <= 120) push(S, MM_FACT_AGE, MM_FST_VALUE, MM_FU_YEARS, nb[k], e, nb[k], ne[k], us, ue, age, 1);
	}
}

static void scan_age(scan *S)
{
	static const char *const decade[] = { "teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
	                                      "eighties", "nineties" };
	const char *s = S->s;
	size_t at;
	int age = S->age;
	for (at = S->from; S->digit && age && find(S, P_AGE_MEAN, at) > 0; at = ge(S, 0)) {
		const char *w = S->s + gs(S, 1);
		add_age(S, w[1] == 'e' && w[2] == 'd' ? MM_FST_MEDIAN : MM_FST_MEAN, gs(S, 0), ge(S, 0), 2, 3);
	}
	int decade_kw = S->decade;
	for (at = S->from; decade_kw && find(S, P_AGE_DECADE, at) > 0; at = ge(S, 0)) {
		size_t l = ge(S, 2) - gs(S, 2);
		int d = 0;
		for (int k = 0; k < 9; ++k) if (strlen(decade[k]) == l && !memcmp(S->s + gs(S, 2), decade[k], l)) d = k;
		double lo = d == 0 ? 13 : 10.0 * (d + 1), hi = d == 0 ? 19 : lo + 9;
		if (grp(S, 1)) {
			char c = S->s[gs(S, 1)];
			if (d == 0) {} else if (c == 'e') hi = lo + 3; else if (c == 'm') lo += 4, hi = lo + 2; else lo += 7;
		}
		size_t vs = grp(S, 1) ? gs(S, 1) : gs(S, 2);
		push(S, MM_FACT_AGE, MM_FST_RANGE_LOW, MM_FU_YEARS, gs(S, 0), ge(S, 0), vs, ge(S, 2), 0, 0, lo, 1);
		push(S, MM_FACT_AGE, MM_FST_RANGE_HIGH, MM_FU_YEARS, gs(S, 0), ge(S, 0), vs, ge(S, 2), 0, 0, hi, 1);
	}
	int old = S->old;
	for (at = S->from; S->digit && old && find(S, P_AGE_OLD, at) > 0; at = ge(S, 0)) {
		int gv = grp(S, 1) ? 1 : grp(S, 3) ? 3 : 5;
		if (overlaps(S, MM_FACT_AGE, gs(S, 0), ge(S, 0))) continue;
		if (prev_word_in(S, S->from, gs(S, 0), age_block_before)) continue;
		add_age(S, MM_FST_VALUE, gs(S, 0), ge(S, 0), gv, gv + 1);
		coordinated_ages(S, gs(S, gv), ge(S, 0), grp(S, gv + 1) ? s + gs(S, gv + 1) : "y", grp(S, gv + 1) ? gs(S, gv + 1) : 0,
		                 grp(S, gv + 1) ? ge(S, gv + 1) : 0);
	}
	for (at = S->from; S->digit && age && find(S, P_AGE_AGED, at) > 0; at = ge(S, 0)) {
		if (overlaps(S, MM_FACT_AGE, gs(S, 0), ge(S, 0))) continue;
		size_t b = gs(S, 0);
		while (b > S->from && s[b - 1] == ' ') --b;
		if (b >= S->from + 3 && !memcmp(s + b - 3, "the", 3) && (b == S->from + 3 || !mm_alnum((unsigned char)s[b - 4]))) b -= 3;
		if (prev_word_in(S, S->from, b, age_block_before)) continue;
		if (grp(S, 2)) {
			double lo = parse_num(S->s + gs(S, 1), ge(S, 1) - gs(S, 1)), hi = parse_num(S->s + gs(S, 2), ge(S, 2) - gs(S, 2));
			if (lo >= hi) continue;
			add_age(S, MM_FST_RANGE_LOW, gs(S, 0), ge(S, 0), 1, 3);
			add_age(S, MM_FST_RANGE_HIGH, gs(S, 0), ge(S, 0), 2, 3);
		} else add_age(S, MM_FST_VALUE, gs(S, 0), ge(S, 0), 1, 3);
	}
}

/* ---- sex --------------------------------------------------------------------- */

/* "female"/"male" followed by these is an adjective of something else */
static const char *const adj_not_person[] = {
	"predominance", "preponderance", "sex", "gender", "ratio", "patients", "subjects", "infertility", "impotence",
	"breast", "cancer", "hormone", "hormones", "factor", "pattern", "baldness", "reproductive", "genital", "partner",
	"partners", "offspring", "carriers", "children", "infants", "twins", "heterozygotes", "relatives", "and", "or",
	"to", "cases", "predisposition", "dominance", "excess", "births", "members", "sibs", "siblings", "mice", "rats",
	"animals", "gonads", "germ", "line", "lineage", "transmission", "population", "volunteers", "controls",
	"individuals", "sexual", "organs", "urethra", "predominant", "bias", NULL };

static int is_female(const char *w)
{
	return w[0] == 'w' || (w[0] == 'g' && w[1] == 'i') || w[0] == 'l' || w[0] == 'f';
}

static void scan_sex(scan *S)
{
	const char *s = S->s;
	size_t at;
	int noun = S->noun;
	for (at = S->from; noun && find(S, P_SEX_NOUN, at) > 0; at = ge(S, 0)) {
		size_t ns = gs(S, 1), ne = ge(S, 1);
		if (!strncmp(s + ns, "female", 6) || !strncmp(s + ns, "male", 4)) { /* an adjective: only before a person */
			size_t k = ne;
			while (k < S->n && s[k] == ' ') ++k;
			size_t w = k;
			while (w < S->n && mm_alnum((unsigned char)s[w])) ++w;
			int ok = 1;
			for (const char *const *p = adj_not_person; *p && ok; ++p) ok = !(strlen(*p) == w - k && !memcmp(s + k, *p, w - k));
			if (!ok) continue;
		}
		push(S, MM_FACT_SEX, MM_FST_VALUE, is_female(s + ns) ? MM_FU_FEMALE : MM_FU_MALE, gs(S, 0), ne, ns, ne, 0, 0, 0, 1);
	}
	int count = S->count;
	for (at = S->from; count && find(S, P_SEX_COUNT, at) > 0; at = ge(S, 0)) {
		static const char *const words[] = { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		                                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		                                     "seventeen", "eighteen", "nineteen", "twenty" };
		double v = parse_num(s + gs(S, 1), ge(S, 1) - gs(S, 1));
		for (int k = 0; k < 19; ++k)
			if (strlen(words[k]) == ge(S, 1) - gs(S, 1) && !memcmp(s + gs(S, 1), words[k], ge(S, 1) - gs(S, 1))) v = k + 2;
		if (v < 1) continue;
		push(S, MM_FACT_SEX, MM_FST_COUNT, is_female(s + gs(S, 2)) ? MM_FU_FEMALE : MM_FU_MALE, gs(S, 0), ge(S, 0),
		     gs(S, 1), ge(S, 1), gs(S, 2), ge(S, 2), v, 1);
	}
	/* a pronoun after the sentence's patient noun, no other person between */
	if (S->patient && find(S, P_PATIENT, S->from) > 0) {
		size_t pe = ge(S, 0);
		if (find(S, P_PRONOUN, pe) <= 0) return;
		size_t ps = gs(S, 1), pend = ge(S, 1);
		if (find(S, P_PERSON, pe) > 0 && gs(S, 0) < ps) return;
		int fem = s[ps] == 's' || (s[ps] == 'h' && s[ps + 1] == 'e' && s[ps + 2] == 'r');
		push(S, MM_FACT_SEX, MM_FST_VALUE, fem ? MM_FU_FEMALE : MM_FU_MALE, ps, pend, ps, pend, 0, 0, 0, 1);
	}
}

/* ---- the document ------------------------------------------------------------ */

/* Literals that a match of each family contains (a cheap test before its
 * patterns run): the L_ bits of s[0..n). */
enum { L_DIGIT = 1, L_CK = 2, L_AGE = 4, L_OLD = 8, L_DECADE = 16, L_NOUN = 32, L_COUNT = 64, L_PATIENT = 128 };

static int starts(const char *w, size_t r, const char *lit)
{
	size_t l = strlen(lit);
	return r >= l && !memcmp(w, lit, l);
}

/* lit is the whole word at w */
static int is_word(const char *w, size_t r, const char *lit)
{
	size_t l = strlen(lit);
	return starts(w, r, lit) && (r == l || !mm_alnum((unsigned char)w[l]));
}

/* one pass over s[0..n): the families whose literals it holds */
static int literals(const char *s, size_t n)
{
	/* 1: a digit; 2: k, o, y (literals anywhere in a word); 4: a letter
	 * that begins one of the words below */
	static const uint8_t cls[256] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['k'] = 2, ['o'] = 2, ['y'] = 2, ['a'] = 4, ['c'] = 4, ['m'] = 4, ['w'] = 4, ['f'] = 4, ['g'] = 4, ['b'] = 4,
		['l'] = 4, ['p'] = 4, ['i'] = 4, ['s'] = 4, ['h'] = 4
	};
	int f = 0, p1 = 0, p2 = 0;
	for (size_t i = 0; i < n; ++i) {
		unsigned char c = (unsigned char)s[i];
		uint8_t k = cls[c];
		if (!k) continue;
		if (k == 1) { f |= L_DIGIT; continue; }
		const char *w = s + i;
		size_t r = n - i;
		if (k == 2) { /* anywhere in a word: "phosphokinase", "year-old", "33yo" */
			if (c == 'k' && starts(w, r, "kinase")) f |= L_CK;
			else if (c == 'o' && starts(w, r, "old")) f |= L_OLD;
			else if (c == 'y' && (starts(w, r, "yo") || starts(w, r, "y/o") || starts(w, r, "y.o"))) f |= L_OLD;
			continue;
		}
		if (i && mm_alnum((unsigned char)s[i - 1])) continue;
		switch (c) { /* at a word start */
		case 'a': if (starts(w, r, "age")) f |= L_AGE; break;
		case 'c': if (is_word(w, r, "ck") || is_word(w, r, "cpk")) f |= L_CK; break;
		case 'm':
			if (starts(w, r, "male")) f |= L_NOUN | L_COUNT;
			else if (starts(w, r, "man")) f |= L_NOUN;
			else if (starts(w, r, "men")) f |= L_COUNT;
			break;
		case 'w':
			if (starts(w, r, "woman")) f |= L_NOUN;
			else if (starts(w, r, "women")) f |= L_COUNT;
			break;
		case 'f': if (starts(w, r, "female")) f |= L_NOUN | L_COUNT; break;
		case 'g':
			if (starts(w, r, "girl")) f |= L_NOUN | L_COUNT;
			else if (starts(w, r, "gentleman")) f |= L_NOUN;
			break;
		case 'b': if (starts(w, r, "boy")) f |= L_NOUN | L_COUNT; break;
		case 'l': if (starts(w, r, "lady")) f |= L_NOUN; break;
		case 'p': if (starts(w, r, "patient") || starts(w, r, "proband")) p1 = 1; break;
		case 'i':
			if (starts(w, r, "index")) p1 = 1;
			else if (starts(w, r, "in his") || starts(w, r, "in her") || starts(w, r, "in their")) f |= L_DECADE;
			break;
		case 's': if (starts(w, r, "she")) p2 = 1; break;
		case 'h': if (starts(w, r, "he") || starts(w, r, "his") || starts(w, r, "him")) p2 = 1; break;
		default: break;
		}
	}
	if (p1 && p2) f |= L_PATIENT;
	if (!(f & L_DIGIT)) f &= ~(L_CK | L_OLD); /* values and "N-year-old" need a digit */
	return f;
}

static int cmp_fact(const void *x, const void *y)
{
	const mm_fact *a = x, *b = y;
	if (a->start != b->start) return a->start < b->start ? -1 : 1;
	if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
	if (a->stat != b->stat) return a->stat < b->stat ? -1 : 1;
	return a->vs < b->vs ? -1 : a->vs > b->vs;
}

size_t mm_facts_extract(mm_facts_ctx *c, const mm_doc *d, const mm_text *t, const mm_fact **out)
{
	scan S = { c, d, t, t->norm.s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL };
	c->n = 0;
	for (size_t k = 0; k < t->sent_s.n; ++k) { /* no pattern crosses a sentence end */
		S.from = t->sent_s.a[k];
		S.n = t->sent_e.a[k];
		S.sent = (long)k;
		if (S.n <= S.from) continue;
		int f = literals(S.s + S.from, S.n - S.from);
		S.digit = f & L_DIGIT;
		if (f & L_CK) scan_ck(&S);
		S.age = f & L_AGE;
		S.old = f & (L_AGE | L_OLD);
		S.decade = f & L_DECADE;
		S.noun = f & L_NOUN;
		S.count = f & L_COUNT;
		S.patient = f & L_PATIENT;
		if (!((S.digit && S.old) || S.decade || S.count || S.noun || S.patient)) continue;
		if (find(&S, P_ANIMAL, S.from) > 0) continue; /* ages and sexes of animals are not patients' */
		scan_age(&S);
		scan_sex(&S);
	}
	/* a CK number without a unit is in U/L when the document writes U/L for CK */
	int ul = 0;
	for (size_t i = 0; i < c->n; ++i)
		if (c->f[i].kind == MM_FACT_CK && c->f[i].unit == MM_FU_UL && c->f[i].us < c->f[i].ue &&
		    !memchr(d->text.s + c->f[i].us, 'k', c->f[i].ue - c->f[i].us))
			ul = 1;
	if (ul)
		for (size_t i = 0; i < c->n; ++i)
			if (c->f[i].kind == MM_FACT_CK && c->f[i].unit == MM_FU_NONE) c->f[i].unit = MM_FU_UL, c->f[i].has_value = 1;
	if (c->n > 1) qsort(c->f, c->n, sizeof *c->f, cmp_fact);
	*out = c->f;
	return c->n;
}

void mm_facts_summarise(const mm_fact *f, size_t n, mm_facts_doc *s)
{
	memset(s, 0, sizeof *s);
	int age_rank = 0; /* 3 value, 2 mean/median, 1 range */
	double range_lo = 0;
	for (size_t i = 0; i < n; ++i) {
		const mm_fact *x = &f[i];
		if (x->kind == MM_FACT_CK && x->has_value &&
		    (x->stat == MM_FST_VALUE || x->stat == MM_FST_PEAK || x->stat == MM_FST_RANGE_HIGH)) {
			if (x->unit == MM_FU_UL && (!s->has_ck || x->value > s->ck)) s->ck = x->value, s->has_ck = 1;
			if (x->unit == MM_FU_ULN && (!s->has_uln || x->value > s->uln)) s->uln = x->value, s->has_uln = 1;
		} else if (x->kind == MM_FACT_AGE) {
			int r = x->stat == MM_FST_VALUE ? 3 : x->stat == MM_FST_MEAN || x->stat == MM_FST_MEDIAN ? 2 : 1;
			if (x->stat == MM_FST_RANGE_LOW) { range_lo = x->value; continue; }
			if (r <= age_rank) continue;
			age_rank = r;
			s->age = x->stat == MM_FST_RANGE_HIGH ? (range_lo + x->value) / 2 : x->value;
			s->has_age = 1;
		} else if (x->kind == MM_FACT_SEX && x->stat == MM_FST_VALUE && !s->sex) s->sex = x->unit;
	}
}

void mm_facts_put_number(mm_buf *o, double v)
{
	if (v == floor(v) && fabs(v) < 1e15) mm_buf_printf(o, "%lld", (long long)v);
	else mm_buf_printf(o, "%.10g", v);
}

static void put_field(mm_buf *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; ++i) mm_buf_putc(o, s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
}

void mm_facts_format(mm_buf *o, const mm_doc *d, const mm_fact *f, size_t n)
{
	const char *text = d->text.s;
	for (size_t i = 0; i < n; ++i) {
		const mm_fact *x = &f[i];
		mm_buf_putu(o, d->pmid); mm_buf_putc(o, '\t');
		mm_buf_puts(o, d->sec[x->sec].label); mm_buf_putc(o, '\t');
		mm_buf_putu(o, x->sent + 1); mm_buf_putc(o, '\t');
		mm_buf_putu(o, x->start); mm_buf_putc(o, '\t');
		mm_buf_putu(o, x->end); mm_buf_putc(o, '\t');
		mm_buf_puts(o, mm_fact_kind_name[x->kind]); mm_buf_putc(o, '\t');
		mm_buf_puts(o, mm_fact_stat_name[x->stat]); mm_buf_putc(o, '\t');
		put_field(o, text + x->vs, x->ve - x->vs); mm_buf_putc(o, '\t');
		put_field(o, text + x->us, x->ue - x->us); mm_buf_putc(o, '\t');
		if (x->kind == MM_FACT_SEX && x->stat == MM_FST_VALUE) mm_buf_puts(o, mm_fact_unit_name[x->unit]);
		else if (x->has_value) mm_facts_put_number(o, x->value);
		mm_buf_putc(o, '\t');
		if (!(x->kind == MM_FACT_SEX && x->stat == MM_FST_VALUE)) mm_buf_puts(o, mm_fact_unit_name[x->unit]);
		mm_buf_putc(o, '\t');
		put_field(o, text + x->start, x->end - x->start); mm_buf_putc(o, '\n');
	}
}
