/* negate.c -- see negate.h */
#include "negate.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Phrases as space-separated tokens of the normalised text. */
static const char *neg_pre[] = {
	"no", "not", "without", "absence of", "absent", "negative for", "ruled out", "rule out", "rules out",
	"denies", "denied", "deny", "free of", "lack of", "lacked", "lacking", "no evidence of", "no signs of",
	"no sign of", "neither", "never", "excluded", "exclusion of", "unremarkable for", NULL
};
static const char *neg_post[] = {
	"were negative", "was negative", "is negative", "are negative", "tested negative", "remained negative",
	"was absent", "were absent", "is absent", "are absent", "absent", "unlikely", "was ruled out",
	"were ruled out", "was excluded", "were excluded", "not detected", "was not detected",
	"were not detected", "not found", "was not found", "were not found", "negative", NULL
};
static const char *neg_pseudo[] = {
	"no increase", "no change", "no significant change", "not only", "no further", "not necessarily",
	"not certain", "gram negative", "without difficulty", "no difference", "not always", "not just",
	"not all", "whether or not", "no longer", "not been", "not significantly", "with and without",
	"with or without", "and without", "or without", NULL
};
static const char *neg_stop[] = {
	"but", "however", "although", "though", "yet", "except", "whereas", "while", "which", "who",
	"apart", "aside", "nevertheless", "still", NULL
};
/* "... never taken X and had Y": a new clause ends a forward scope. */
static const char *neg_verb[] = {
	"had", "has", "have", "was", "were", "is", "are", "showed", "developed", "received", "presented",
	"underwent", "required", "responded", "improved", "became", "experienced", "died", "needed", NULL
};
/* A forward scope also ends at the population it is about: in "No patient
 * with anti-Mi-2 had cancer" the antibody is not negated. */
static const char *neg_pop[] = {
	"patient", "patients", "case", "cases", "subject", "subjects", "individual", "individuals",
	"child", "children", "adult", "adults", "participant", "participants", NULL
};

/* The phrase lists, compiled once into tokens with a table per list of
 * the first token's lengths by first byte, so that most tokens are
 * rejected by one lookup. */
enum { L_PRE, L_POST, L_PSEUDO, L_STOP, L_POP, L_VERB, N_LIST };
typedef struct { uint8_t n, len[4]; const char *tok[4]; } phrase;
/* per list: phrases grouped by the first byte of their first token (they
 * start at p[at[c]], end at p[at[c + 1]]); first[c] has bit min(len, 31)
 * set for each length of a first token starting with c */
static struct { phrase *p; int n; uint32_t first[256]; uint16_t at[257]; } lists[N_LIST];
/* first[] of the three lists tried at every token of a sentence with a
 * mention (pseudo-triggers, pre- and post-triggers): one lookup rejects most */
static uint32_t trig_first[256];
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void compile_lists(void)
{
	const char **src[N_LIST] = { neg_pre, neg_post, neg_pseudo, neg_stop, neg_pop, neg_verb };
	for (int l = 0; l < N_LIST; ++l) {
		int n = 0;
		while (src[l][n]) ++n;
		lists[l].p = mm_calloc((size_t)n, sizeof(phrase));
		lists[l].n = n;
		for (int k = 0; k < n; ++k) {
			phrase *ph = &lists[l].p[k];
			for (const char *s = src[l][k]; *s && ph->n < 4;) {
				const char *sp = strchr(s, ' ');
				size_t len = sp ? (size_t)(sp - s) : strlen(s);
				ph->tok[ph->n] = s;
				ph->len[ph->n++] = (uint8_t)len;
				s += len;
				while (*s == ' ') ++s;
			}
			lists[l].first[(unsigned char)src[l][k][0]] |= 1u << (ph->len[0] < 31 ? ph->len[0] : 31);
		}
		/* group by first byte (a stable counting sort) */
		phrase *g = mm_malloc((size_t)(n ? n : 1) * sizeof *g);
		uint16_t cnt[257] = {0};
		for (int k = 0; k < n; ++k) cnt[(unsigned char)lists[l].p[k].tok[0][0] + 1]++;
		for (int c = 0; c < 256; ++c) cnt[c + 1] = (uint16_t)(cnt[c + 1] + cnt[c]);
		memcpy(lists[l].at, cnt, sizeof cnt);
		for (int k = 0; k < n; ++k) g[cnt[(unsigned char)lists[l].p[k].tok[0][0]]++] = lists[l].p[k];
		free(lists[l].p);
		lists[l].p = g;
	}
	for (int c = 0; c < 256; ++c) trig_first[c] = lists[L_PSEUDO].first[c] | lists[L_PRE].first[c] | lists[L_POST].first[c];
}

/* Tokens matched by the longest phrase of list l at token i, 0 if none. */
static uint32_t any_phrase(const mm_text *t, uint32_t i, uint32_t end, int l)
{
	uint32_t l0 = t->tok_e.a[i] - t->tok_s.a[i];
	unsigned char c0 = (unsigned char)t->norm.s[t->tok_s.a[i]];
	if (!(lists[l].first[c0] >> (l0 < 31 ? l0 : 31) & 1)) return 0;
	uint32_t best = 0;
	for (int k = lists[l].at[c0]; k < lists[l].at[c0 + 1]; ++k) {
		const phrase *ph = &lists[l].p[k];
		if (i + ph->n > end || ph->n <= best) continue;
		uint32_t j = 0;
		for (; j < ph->n; ++j) {
			size_t tl = t->tok_e.a[i + j] - t->tok_s.a[i + j];
			if (tl != ph->len[j] || memcmp(t->norm.s + t->tok_s.a[i + j], ph->tok[j], tl) != 0) break;
		}
		if (j == ph->n) best = j;
	}
	return best;
}

static int tok_is(const mm_text *t, uint32_t i, const char *w)
{
	size_t l = strlen(w);
	return t->tok_e.a[i] - t->tok_s.a[i] == l && memcmp(t->norm.s + t->tok_s.a[i], w, l) == 0;
}

/* A scope ends at ';', ':' or ')' between two tokens. */
static int clause_break(const mm_text *t, uint32_t a, uint32_t b)
{
	for (uint32_t x = t->tok_e.a[a]; x < t->tok_s.a[b]; ++x)
		if (t->norm.s[x] == ';' || t->norm.s[x] == ':' || t->norm.s[x] == ')') return 1;
	return 0;
}

#define NEG_WINDOW 4 /* words in a scope that are neither mentions nor list words */

void mm_negate(const mm_text *t, mm_mention *mt, size_t n)
{
	if (!n) return;
	pthread_once(&lists_once, compile_lists);
	for (size_t i = 0; i < n;) {
		/* the mentions of one sentence: [i, j) */
		uint32_t s = mt[i].sent;
		size_t j = i;
		while (j < n && mt[j].sent == s) ++j;
		uint32_t ts = mt[i].tok0, te = mt[i].tok0;
		while (ts > 0 && t->tok_sent.a[ts - 1] == s) --ts;
		while (te < t->tok_s.n && t->tok_sent.a[te] == s) ++te;
		/* in_mention[k]: token k is part of a mention of this sentence */
		for (uint32_t k = ts; k < te;) {
			uint32_t l0 = t->tok_e.a[k] - t->tok_s.a[k];
			if (!(trig_first[(unsigned char)t->norm.s[t->tok_s.a[k]]] >> (l0 < 31 ? l0 : 31) & 1)) { ++k; continue; }
			uint32_t pl = any_phrase(t, k, te, L_PSEUDO);
			if (pl) { k += pl; continue; }
			int post = 0;
			uint32_t tl = any_phrase(t, k, te, L_PRE);
			uint32_t pt = any_phrase(t, k, te, L_POST);
			if (pt >= tl && pt) { post = 1; tl = pt; }
			if (!tl) { ++k; continue; }
			/* skip triggers inside a mention (e.g. a name containing "no") */
			int inside = 0;
			for (size_t x = i; x < j; ++x) if (k >= mt[x].tok0 && k < mt[x].tok1) inside = 1;
			if (inside) { k += tl; continue; }
			if (!post) {
				uint32_t other = 0, q = k + tl;
				/* "No patient with anti-SRP had cancer": the population and
				 * what qualifies it are not negated; the scope starts after
				 * the verb */
				if (q < te && any_phrase(t, q, te, L_POP)) {
					uint32_t v = q;
					while (v < te && v < q + 10 && !any_phrase(t, v, te, L_VERB)) ++v;
					q = v < te && v < q + 10 ? v + 1 : te;
				}
				for (; q < te && other <= NEG_WINDOW; ++q) {
					if (q > k + tl && clause_break(t, q - 1, q)) break;
					if (any_phrase(t, q, te, L_STOP) || any_phrase(t, q, te, L_POP)) break;
					if (q + 1 < te && (tok_is(t, q, "and") || tok_is(t, q, "or")) && any_phrase(t, q + 1, te, L_VERB)) break;
					int in_m = 0;
					for (size_t x = i; x < j; ++x)
						if (q >= mt[x].tok0 && q < mt[x].tok1) { in_m = 1; if (q == mt[x].tok0) mt[x].negated = 1; }
					if (!in_m && !tok_is(t, q, "and") && !tok_is(t, q, "or") && !tok_is(t, q, "nor") && !tok_is(t, q, "anti")) other++;
				}
			} else {
				uint32_t other = 0;
				for (uint32_t q = k; q-- > ts && other <= NEG_WINDOW;) {
					if (clause_break(t, q, q + 1)) break;
					if (any_phrase(t, q, te, L_STOP) || tok_is(t, q, "positive") || tok_is(t, q, "positivity")) break;
					int in_m = 0;
					for (size_t x = i; x < j; ++x)
						if (q >= mt[x].tok0 && q < mt[x].tok1) { in_m = 1; if (q == mt[x].tok0) mt[x].negated = 1; }
					if (!in_m && !tok_is(t, q, "and") && !tok_is(t, q, "or") && !tok_is(t, q, "nor") && !tok_is(t, q, "anti") &&
					    !tok_is(t, q, "were") && !tok_is(t, q, "was") && !tok_is(t, q, "antibodies") && !tok_is(t, q, "antibody"))
						other++;
				}
			}
			k += tl;
		}
		i = j;
	}
}
