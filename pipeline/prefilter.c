/* prefilter.c -- required literals of a PCRE2 pattern, and the literal
 * automaton over them (see prefilter.h).
 *
 * A small recursive-descent reader for the subset of PCRE2 that lexicon
 * patterns use: literals, escapes, classes, groups, alternation,
 * quantifiers, lookaround. For each piece it computes a set of literal
 * strings one of which every match must contain, or "none" when it cannot
 * tell; a sequence keeps its most selective piece (longest shortest
 * literal). Anything it does not understand gives "none", and the pattern
 * is then always run: the prefilter may only ever skip a pattern that
 * cannot match. */
#include "prefilter.h"
#include "lexpriv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAXLIT 16

typedef struct {
	int ok;                 /* 1: one of lit[] occurs in every match */
	int n;
	char lit[MAXLIT][32];
} litset;

typedef struct { const char *p; int bad; } rd;

static int minlen(const litset *s)
{
	int m = 1 << 30;
	for (int i = 0; i < s->n; ++i) { int l = (int)strlen(s->lit[i]); if (l < m) m = l; }
	return s->n ? m : 0;
}

/* How selective a literal set is: its shortest literal (a digit counts
 * twice: digits are rarer than letters in abstracts) less a penalty for
 * the number of alternatives ("statin" beats {associated, induced,
 * related, triggered}; "200" beats "anti"). */
static int score(const litset *s)
{
	int m = 1 << 30, lg = 0;
	for (int i = 0; i < s->n; ++i) {
		int w = 0;
		for (const char *c = s->lit[i]; *c; ++c) w += *c >= '0' && *c <= '9' ? 2 : 1;
		if (w < m) m = w;
	}
	while ((1 << lg) < s->n) lg++;
	return 4 * m - 5 * lg;
}

static litset none(void) { litset s; memset(&s, 0, sizeof s); return s; }

static litset alternation(rd *r);

/* One atom (with its quantifier applied by the caller). */
static litset atom(rd *r, int *is_char, char *ch)
{
	*is_char = 0;
	const char *p = r->p;
	if (*p == '(') {
		if (p[1] == '?' && (p[2] == '=' || p[2] == '!' || (p[2] == '<' && (p[3] == '=' || p[3] == '!')))) {
			/* lookaround: matches nothing, contributes nothing */
			int depth = 0;
			for (; *p; ++p) {
				if (*p == '\\' && p[1]) { ++p; continue; }
				if (*p == '[') { while (*p && *p != ']') ++p; continue; }
				if (*p == '(') depth++;
				else if (*p == ')' && --depth == 0) { r->p = p + 1; return none(); }
			}
			r->bad = 1;
			return none();
		}
		if (p[1] == '?' && p[2] == ':') r->p = p + 3;
		else if (p[1] == '?') { r->bad = 1; return none(); } /* named groups, options, (*VERB)... */
		else r->p = p + 1;
		litset s = alternation(r);
		if (*r->p != ')') { r->bad = 1; return none(); }
		r->p++;
		return s;
	}
	if (*p == '[') { /* a class: not a literal; [:alpha:]-style items inside */
		++p;
		if (*p == '^') ++p;
		if (*p == ']') ++p;
		while (*p && *p != ']') {
			if (*p == '\\' && p[1]) { p += 2; continue; }
			if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
				char kind = p[1];
				const char *e = p + 2;
				while (*e && !(e[0] == kind && e[1] == ']')) ++e;
				if (!*e) { r->bad = 1; return none(); }
				p = e + 2;
				continue;
			}
			++p;
		}
		if (!*p) { r->bad = 1; return none(); }
		r->p = p + 1;
		return none();
	}
	if (*p == '\\') {
		char c = p[1];
		if (!c) { r->bad = 1; return none(); }
		r->p = p + 2;
		if (strchr("sSdDwWbBAzZhHvVRNXK", c)) return none();
		if (isalnum((unsigned char)c)) { r->bad = 1; return none(); } /* \x.., \p{..}, back-references */
		*is_char = 1; *ch = c;  /* an escaped punctuation character */
		return none();
	}
	if (*p == '.' || *p == '^' || *p == '$') { r->p = p + 1; return none(); }
	if (*p == '*' || *p == '+' || *p == '?' || *p == '{' || *p == ')' || *p == '|' || !*p) { r->bad = 1; return none(); }
	if ((unsigned char)*p >= 0x80) { r->p = p + 1; return none(); } /* keep literals ASCII */
	*is_char = 1; *ch = *p;
	r->p = p + 1;
	return none();
}

/* Reads a quantifier; returns 1 if the atom may occur zero times. */
static int quantifier(rd *r, int *repeat)
{
	const char *p = r->p;
	*repeat = 0;
	int optional = 0;
	if (*p == '?') { optional = 1; ++p; }
	else if (*p == '*') { optional = 1; *repeat = 1; ++p; }
	else if (*p == '+') { *repeat = 1; ++p; }
	else if (*p == '{') {
		char *e;
		long lo = strtol(p + 1, &e, 10);
		if (e == p + 1 && *e != ',') { r->bad = 1; return 0; }
		if (*e == ',') { strtol(e + 1, &e, 10); *repeat = 1; }
		else if (lo > 1) *repeat = 1;
		if (*e != '}') { r->bad = 1; return 0; }
		optional = lo == 0;
		p = e + 1;
	}
	if (*p == '?' || *p == '+') ++p; /* lazy, possessive */
	r->p = p;
	return optional;
}

static litset sequence(rd *r)
{
	litset best = none();
	char cur[32];
	int cl = 0;
#define END_RUN() do { \
		if (cl >= 2) { \
			litset r_ = none(); r_.ok = 1; r_.n = 1; memcpy(r_.lit[0], cur, (size_t)cl); r_.lit[0][cl] = 0; \
			if (!best.ok || score(&r_) > score(&best)) best = r_; \
		} \
		cl = 0; \
	} while (0)
	while (*r->p && *r->p != '|' && *r->p != ')' && !r->bad) {
		int is_char;
		char ch;
		litset s = atom(r, &is_char, &ch);
		if (r->bad) break;
		int repeat, opt = quantifier(r, &repeat);
		if (r->bad) break;
		if (is_char && !opt) {
			if (cl < 31) cur[cl++] = (char)tolower((unsigned char)ch);
			if (repeat) END_RUN();
			continue;
		}
		END_RUN();
		if (!opt && s.ok && minlen(&s) >= 2 && (!best.ok || score(&s) > score(&best))) best = s;
	}
	END_RUN();
	return best;
#undef END_RUN
}

static litset alternation(rd *r)
{
	litset out = none();
	int first = 1;
	for (;;) {
		litset s = sequence(r);
		if (r->bad) return none();
		if (!s.ok) { out = none(); first = 0; out.ok = -1; }
		else if (out.ok != -1) {
			if (first) out = s;
			else if (out.n + s.n > MAXLIT) out.ok = -1;
			else { memcpy(out.lit + out.n, s.lit, (size_t)s.n * sizeof s.lit[0]); out.n += s.n; }
			first = 0;
		}
		if (*r->p != '|') break;
		r->p++;
	}
	if (out.ok == -1) return none();
	return out;
}

int mm_pattern_literals(const char *pattern, char ***lits)
{
	rd r = { pattern, 0 };
	litset s = alternation(&r);
	*lits = NULL;
	if (r.bad || *r.p || !s.ok || s.n == 0 || minlen(&s) < 2) return 0;
	*lits = mm_malloc((size_t)s.n * sizeof **lits);
	for (int i = 0; i < s.n; ++i) (*lits)[i] = mm_strdup(s.lit[i]);
	return s.n;
}

/* ---- Aho-Corasick over the literals of all patterns -------------------- */

void mm_litac_build(mm_litac *ac, char **const *lits, const int *n_lits, int n_pattern)
{
	memset(ac, 0, sizeof *ac);
	/* byte classes: one per byte used by a literal, 0 for all others */
	int ncls = 1;
	for (int p = 0; p < n_pattern && p < 64; ++p)
		for (int k = 0; k < n_lits[p]; ++k)
			for (const unsigned char *c = (const unsigned char *)lits[p][k]; *c; ++c)
				if (!ac->cls[*c]) ac->cls[*c] = (uint8_t)ncls++;
	while ((1 << ac->cls_shift) < ncls) ac->cls_shift++;
	const uint32_t W = 1u << ac->cls_shift;
	uint32_t total = 1;
	uint32_t max_len = 0;
	for (int p = 0; p < n_pattern && p < 64; ++p)
		for (int k = 0; k < n_lits[p]; ++k) {
			uint32_t l = (uint32_t)strlen(lits[p][k]);
			if (!l) return; /* an empty literal is in every text: no prefilter */
			total += l;
			if (l > max_len) max_len = l;
		}
	/* too many literals: no prefilter, every pattern runs (2 * total rows
	 * bound the table after padding) */
	if (total > MM_AC_MAX_STATES || (size_t)2 * total * W > ((size_t)1 << 23)) {
		memset(ac, 0, sizeof *ac);
		return;
	}
	uint32_t *go = mm_calloc((size_t)total * W, sizeof *go);
	ac->out = mm_calloc(total, sizeof *ac->out);
	uint32_t n = 1;
	for (int p = 0; p < n_pattern && p < 64; ++p)
		for (int k = 0; k < n_lits[p]; ++k) {
			uint32_t s = 0;
			for (const unsigned char *c = (const unsigned char *)lits[p][k]; *c; ++c) {
				uint32_t *g = &go[s * W + ac->cls[*c]];
				if (!*g) *g = n++;
				s = *g;
			}
			ac->out[s] |= 1ULL << p;
			ac->mask |= 1ULL << p;
		}
	/* breadth-first: failure links folded into a full transition table */
	uint32_t *fail = mm_calloc(n, sizeof *fail), *queue = mm_malloc((size_t)n * sizeof *queue);
	size_t qh = 0, qt = 0;
	for (uint32_t c = 1; c < W; ++c) if (go[c]) queue[qt++] = go[c];
	while (qh < qt) {
		uint32_t s = queue[qh++];
		ac->out[s] |= ac->out[fail[s]];
		for (uint32_t c = 0; c < W; ++c) {
			uint32_t t = go[s * W + c];
			if (t) { fail[t] = go[fail[s] * W + c]; queue[qt++] = t; }
			else go[s * W + c] = go[fail[s] * W + c];
		}
	}
	/* renumber: the root and every state without output first, padded to
	 * a power of two, then the output states */
	uint32_t *id = mm_malloc((size_t)n * sizeof *id), n_plain = 0, n_out = 0;
	for (uint32_t s = 0; s < n; ++s) if (!ac->out[s]) id[s] = n_plain++;
	uint32_t P = 1;
	while (P < n_plain) P <<= 1;
	for (uint32_t s = 0; s < n; ++s) if (ac->out[s]) id[s] = P + n_out++;
	uint32_t rows = P + n_out;
	ac->go = mm_calloc((size_t)rows * W, sizeof *ac->go);
	uint64_t *out = mm_calloc(rows, sizeof *out);
	for (uint32_t s = 0; s < n; ++s) {
		out[id[s]] = ac->out[s];
		for (uint32_t c = 0; c < W; ++c) ac->go[(size_t)id[s] * W + c] = id[go[(size_t)s * W + c]] << ac->cls_shift;
	}
	free(ac->out);
	ac->out = out;
	ac->out_base = P << ac->cls_shift;
	free(id);
	free(go);
	free(fail);
	free(queue);
	ac->n_state = n;
	ac->max_len = max_len;
}

void mm_litac_free(mm_litac *ac)
{
	if (!ac) return;
	free(ac->go);
	free(ac->out);
	memset(ac, 0, sizeof *ac);
}
