/* match.c -- see match.h */
#include "match.h"
#include "lexpriv.h"
#include "negate.h"
#include "matchpriv.h"

#include <stdlib.h>
#include <string.h>

mm_matcher *mm_matcher_new(const mm_lexicon *lx)
{
	mm_matcher *m = mm_calloc(1, sizeof *m);
	m->lx = lx;
	m->md = pcre2_match_data_create(1, NULL);
	m->mc = pcre2_match_context_create(NULL);
	m->mc_at = pcre2_match_context_create(NULL);
	m->js = pcre2_jit_stack_create(32 * 1024, MM_RE_JIT_STACK, NULL);
	if (!m->md || !m->mc || !m->mc_at || !m->js) { fprintf(stderr, "myomine: out of memory (PCRE2 match data)\n"); exit(3); }
	for (int k = 0; k < 2; ++k) {
		pcre2_match_context *mc = k ? m->mc_at : m->mc;
		pcre2_set_match_limit(mc, MM_RE_MATCH_LIMIT);
		pcre2_set_depth_limit(mc, MM_RE_DEPTH_LIMIT);
		pcre2_jit_stack_assign(mc, NULL, m->js);
	}
	m->limit_hits = mm_calloc(lx->n_pattern ? (size_t)lx->n_pattern : 1, sizeof *m->limit_hits);
	return m;
}

void mm_matcher_free(mm_matcher *m)
{
	if (!m) return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
	pcre2_match_context_free(m->mc_at);
	pcre2_jit_stack_free(m->js);
	free(m->limit_hits);
	free(m->c);
	free(m->out);
	free(m->mark);
	mm_buf_free(&m->tmp);
	free(m);
}

const uint64_t *mm_matcher_limit_hits(const mm_matcher *m) { return m->limit_hits; }

static void push(mm_matcher *m, uint32_t s, uint32_t e, uint32_t concept, uint8_t flags, uint32_t sent, uint32_t tok)
{
	if (m->n == m->m) { m->m = m->m ? m->m * 2 : 64; m->c = mm_realloc(m->c, m->m * sizeof *m->c); }
	cand *c = &m->c[m->n++];
	c->s = s; c->e = e; c->concept = concept; c->flags = flags; c->sent = sent; c->tok = tok;
	c->state = C_ACCEPT;
}

static int is_sep(char c) { return c == ' ' || c == '-'; }

/* The end of the separators starting at s[q] (q < limit, s[q] is one)
 * taken as one gap in a name: at most 3 of them, a run of spaces counting
 * as one (the line break and indentation of pretty-printed XML between two
 * words). */
static inline uint32_t skip_seps(const unsigned char *s, uint32_t q, uint32_t limit)
{
	if (__builtin_expect(q + 1 >= limit || !is_sep((char)s[q + 1]), 1)) return q + 1; /* the common case: one */
	for (int k = 0; k < 3 && q < limit && is_sep((char)s[q]); ++k) {
		if (s[q] == ' ')
			while (q + 1 < limit && s[q + 1] == ' ') ++q;
		++q;
	}
	return q;
}

/* Walk the trie from norm[p] (a token start) and push every entry ending on
 * a token boundary before limit. */
static void walk(mm_matcher *m, const mm_text *t, uint32_t p, uint32_t limit, uint32_t sent, uint32_t tok)
{
	const mm_lexicon *lx = m->lx;
	const unsigned char *s = (const unsigned char *)t->norm.s;
	uint32_t node = 0, q = p;
	while (q < limit) {
		unsigned char c = s[q];
		if (c == '\'' && node && (lx->node[node].flags & MM_NODE_SEP) && q + 1 < limit && !mm_trie_next(lx, node, c)) {
			/* a possessive inside a name: "Gottron's papules", "Raynaud's" */
			uint32_t r = q + 1;
			if (s[r] == 's') ++r;
			if (r < limit && is_sep((char)s[r])) { q = r; continue; }
		}
		if (is_sep((char)c) && node && (lx->node[node].flags & MM_NODE_SEP)) {
			uint32_t r = skip_seps(s, q, limit);
			if (r >= limit) break;
			/* any byte the name has next: "anti-Ha (tyrosyl-tRNA synthetase)" */
			uint32_t nx = mm_trie_next(lx, node, s[r]);
			if (!nx) break;
			q = r;
			continue;
		}
		uint32_t nx = mm_trie_next(lx, node, c);
		if (!nx) break;
		node = nx;
		++q;
		if ((lx->node[node].flags & MM_NODE_ENT) &&
		    (q >= limit || !mm_alnum(s[q]) || !mm_alnum(c))) {
			for (uint32_t k = lx->ent_off[node]; k < lx->ent_off[node + 1]; ++k)
				push(m, p, q, k, 0xFF, sent, tok); /* concept field holds the entry for now */
		}
	}
}

#define TOK_NONE UINT64_MAX        /* no name starts with the token's byte */
#define TOK_WALK (UINT64_MAX - 1)  /* always walk (a possessive follows) */

/* The first-token filter (lexpriv.h) for token i: its bit in tok_bits, from
 * the token and the class of what follows it as walk() would see it
 * (after the separators skip_seps() takes), or TOK_NONE / TOK_WALK. */
static uint64_t tok_bit(const mm_lexicon *lx, const mm_text *t, size_t i)
{
	const unsigned char *s = (const unsigned char *)t->norm.s;
	uint32_t p = t->tok_s.a[i];
	if (!lx->root[s[p]]) return TOK_NONE;
	uint32_t lim = t->sent_e.a[t->tok_sent.a[i]], e = t->tok_e.a[i] < lim ? t->tok_e.a[i] : lim;
	int cls = MM_TC_OTHER;
	if (e < lim) {
		unsigned char c = s[e];
		if (c == '\'') return TOK_WALK;
		if (is_sep((char)c)) { /* as walk() skips them */
			uint32_t r = skip_seps(s, e, lim);
			c = r < lim ? s[r] : ' ';
		}
		if (mm_alnum(c)) cls = c >= '0' && c <= '9' ? MM_TC_DIGIT : MM_TC_LETTER;
	}
	return mm_tok_bit(lx, mm_tok_hash(s + p, e - p, t->norm.l - p), cls);
}

static uint32_t sentence_of(const mm_text *t, uint32_t pos)
{
	size_t lo = 0, hi = t->sent_s.n;
	while (lo < hi) { size_t mid = (lo + hi) / 2; if (t->sent_s.a[mid] <= pos) lo = mid + 1; else hi = mid; }
	return lo ? (uint32_t)(lo - 1) : 0;
}

/* pcre2_jit_match() skips pcre2_match()'s checks of its arguments, about
 * 120 instructions a call on 20,000 calls per 10 MB of XML; safe here: the
 * patterns are compiled with PCRE2_MATCH_INVALID_UTF, so the subject need
 * not be valid UTF-8. */
static inline int match_re(const pcre2_code *re, int jit, const mm_text *t, PCRE2_SIZE at, pcre2_match_data *md, pcre2_match_context *mc)
{
	if (jit) return pcre2_jit_match(re, (PCRE2_SPTR)t->norm.s, t->norm.l, at, 0, md, mc);
	return pcre2_match(re, (PCRE2_SPTR)t->norm.s, t->norm.l, at, 0, md, mc);
}

/* A search that PCRE2 gave up at one of its limits (MM_RE_*): whether a
 * match starts there is unknown. */
static inline int re_gave_up(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	       rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_NOMEMORY;
}

/* The start of the character after the one at p in the normalised text. */
static inline PCRE2_SIZE next_char(const mm_text *t, PCRE2_SIZE p)
{
	++p;
	while (p < t->norm.l && (t->norm.s[p] & 0xC0) == 0x80) ++p;
	return p;
}

/* The matches of concept ci's pattern (pattern k) that start in [from,
 * to): the leftmost, then the leftmost from its end, and so on.  A match
 * that cannot be taken (it starts or ends inside a token, inside the
 * expansion of one character, or crosses a sentence end) does not hide the
 * others: the search goes on from the next character after its start.
 * When the unanchored search gives up at a limit (catastrophic
 * backtracking), the rest of the range is searched position by position
 * with the anchored code, at every position where a match could be taken:
 * a position where that gives up too is skipped and counted in
 * limit_hits[k]; the matches after it are still found. */
static void scan_pattern(mm_matcher *m, const mm_text *t, int ci, int k, size_t from, size_t to)
{
	/* the whole text is the subject (lookbehind and lookahead see past the
	 * sentence) */
	const mm_concept *cc = &m->lx->c[ci];
	const unsigned char *s = (const unsigned char *)t->norm.s;
	const uint32_t *map = t->map.a;
	PCRE2_SIZE start = from;
	int by_position = 0;
	pcre2_set_offset_limit(m->mc, to - 1); /* no search for a start past the range */
	while (start < to) {
		if (!by_position) {
			int rc = match_re(cc->re, cc->jit & 1, t, start, m->md, m->mc);
			if (re_gave_up(rc)) { by_position = 1; continue; }
			if (rc < 0) break;
		} else {
			/* only where a match could be taken: not inside a token */
			if ((start > 0 && mm_alnum(s[start - 1]) && mm_alnum(s[start])) || !(cc->first[s[start] >> 3] >> (s[start] & 7) & 1)) {
				start = next_char(t, start);
				continue;
			}
			int rc = match_re(cc->re_at, cc->jit & 2, t, start, m->md, m->mc_at);
			if (rc < 0) {
				if (re_gave_up(rc)) m->limit_hits[k]++;
				start = next_char(t, start);
				continue;
			}
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
		uint32_t a = (uint32_t)ov[0], b = (uint32_t)ov[1];
		if (a >= to) break;
		uint32_t sent = 0;
		if (b <= a || (a > 0 && mm_alnum(s[a - 1]) && mm_alnum(s[a])) ||
		    (b < t->norm.l && mm_alnum(s[b]) && mm_alnum(s[b - 1])) ||
		    /* not inside the expansion of one character ("..." of U+2026, "gamma") */
		    (a > 0 && map[a - 1] == map[a]) || map[b - 1] == map[b] || map[a] == map[b] ||
		    (sent = sentence_of(t, a)) >= t->sent_s.n || a < t->sent_s.a[sent] || b > t->sent_e.a[sent]) {
			start = next_char(t, a);
			continue;
		}
		start = b;
		push(m, a, b, (uint32_t)ci, MM_F_EXACT, sent, token_at(t, a));
	}
}

/* The same for a pattern whose matches all start at token starts
 * (at_tokens), in sentence sidx: tried only at its token starts, with the
 * anchored pattern; a token start where PCRE2 gives up at a limit is
 * counted in limit_hits[kp]. */
static void scan_pattern_tokens(mm_matcher *m, const mm_text *t, int ci, int kp, size_t sidx)
{
	const mm_concept *cc = &m->lx->c[ci];
	const unsigned char *s = (const unsigned char *)t->norm.s;
	const uint32_t *map = t->map.a;
	uint32_t sa = t->sent_s.a[sidx], se = t->sent_e.a[sidx], next = 0;
	for (uint32_t k = token_at(t, sa); k < t->tok_s.n && t->tok_sent.a[k] == sidx; ++k) {
		uint32_t a = t->tok_s.a[k];
		if (a < next || !(cc->first[s[a] >> 3] >> (s[a] & 7) & 1)) continue;
		int rc = match_re(cc->re_at, cc->jit & 2, t, a, m->md, m->mc_at);
		if (rc < 0) { if (re_gave_up(rc)) m->limit_hits[kp]++; continue; }
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
		uint32_t b = (uint32_t)ov[1];
		if (b <= a || b > se) continue;
		if (b < t->norm.l && mm_alnum(s[b]) && mm_alnum(s[b - 1])) continue;
		if ((a > 0 && map[a - 1] == map[a]) || map[b - 1] == map[b] || map[a] == map[b]) continue;
		next = b;
		push(m, a, b, (uint32_t)ci, MM_F_EXACT, (uint32_t)sidx, k);
	}
}

/* Antibody words that give context to {ctx} names (prefixes). */
static const char *ctx_words[] = {
	"antibod", "autoantibod", "seropositiv", "seronegativ", "serolog", "positiv", "negativ",
	"autoantigen", "antigen", "titer", "titre", "immunoblot", "ab", "abs", NULL
};

static int ctx_word(const char *s, size_t n)
{
	for (int i = 0; ctx_words[i]; ++i) {
		size_t l = strlen(ctx_words[i]);
		if (l <= 3 ? n == l && memcmp(s, ctx_words[i], l) == 0 : n >= l && memcmp(s, ctx_words[i], l) == 0) return 1;
	}
	return 0;
}

static int has_ctx_word(const mm_text *t, const cand *c)
{
	/* 8 tokens before the mention and 8 after it, in its sentence */
	uint32_t a = c->tok > 8 ? c->tok - 8 : 0, e = c->tok;
	while (e < t->tok_s.n && t->tok_s.a[e] < c->e) ++e;
	uint32_t b = e + 8 < t->tok_s.n ? e + 8 : (uint32_t)t->tok_s.n;
	for (uint32_t i = a; i < b; ++i) {
		if (i == c->tok) { i = e - 1; continue; } /* skip the mention itself */
		if (t->tok_sent.a[i] != c->sent) continue;
		if (ctx_word(t->norm.s + t->tok_s.a[i], t->tok_e.a[i] - t->tok_s.a[i])) return 1;
	}
	return 0;
}

/* Clinical-presentation context for {clin} names (a generic finding such as
 * bare "weakness"): in the mention's sentence, one of these word prefixes
 * within 4 tokens before it ("she developed weakness", "presented with
 * progressive weakness", "complained of weakness", "severe weakness"), or
 * after it "of/in", up to 3 words, and a muscle group ("weakness of the
 * arms", "weakness in both legs", "weakness of the left upper limb"). */
static const char *clin_before[] = {
	"present", "develop", "complain", "experienc", "suffer", "describ", "progressive", "symmetric",
	"subacute", "profound", "severe", "marked", "mild", "motor", "neurologic", NULL
};
static const char *clin_group[] = {
	"limb", "arm", "leg", "muscle", "neck", "hip", "shoulder", "thigh", "proximal", "distal",
	"extremit", "quadricep", "deltoid", "facial", "face", "hand", "foot", "feet", "trunk", NULL
};

static int word_in(const char **list, const char *s, size_t n)
{
	for (int i = 0; list[i]; ++i) {
		size_t l = strlen(list[i]);
		if (n >= l && memcmp(s, list[i], l) == 0) return 1;
	}
	return 0;
}

static int tok_eq(const mm_text *t, uint32_t i, const char *w)
{
	size_t n = t->tok_e.a[i] - t->tok_s.a[i];
	return n == strlen(w) && memcmp(t->norm.s + t->tok_s.a[i], w, n) == 0;
}

static int clinical_context(const mm_text *t, const cand *c)
{
	uint32_t a = c->tok > 4 ? c->tok - 4 : 0;
	for (uint32_t i = a; i < c->tok; ++i)
		if (t->tok_sent.a[i] == c->sent && word_in(clin_before, t->norm.s + t->tok_s.a[i], t->tok_e.a[i] - t->tok_s.a[i]))
			return 1;
	uint32_t e = c->tok;
	while (e < t->tok_s.n && t->tok_s.a[e] < c->e) ++e;
	if (e >= t->tok_s.n || t->tok_sent.a[e] != c->sent || !(tok_eq(t, e, "of") || tok_eq(t, e, "in"))) return 0;
	/* "of the", "in both", "of the left upper": up to 3 more words before the group */
	for (uint32_t i = e + 1; i < e + 5 && i < t->tok_s.n && t->tok_sent.a[i] == c->sent; ++i)
		if (word_in(clin_group, t->norm.s + t->tok_s.a[i], t->tok_e.a[i] - t->tok_s.a[i])) return 1;
	return 0;
}

/* Only coordination between a and b: spaces, , ; / & - and the words
 * and, or, nor, anti; with paren, also ( and ) -- for an apposition after
 * an accepted antibody, "anti-OJ (isoleucyl-tRNA synthetase)", but not
 * before one: "... reductase (HMGCR)" defines an abbreviation. */
static int coordinated(const mm_text *t, uint32_t a, uint32_t b, int paren)
{
	if (b < a || b - a > 40) return 0;
	const char *s = t->norm.s;
	for (uint32_t i = a; i < b;) {
		if (mm_alnum((unsigned char)s[i])) {
			uint32_t j = i;
			while (j < b && mm_alnum((unsigned char)s[j])) ++j;
			size_t n = j - i;
			if (!((n == 3 && (!memcmp(s + i, "and", 3) || !memcmp(s + i, "nor", 3))) ||
			      (n == 2 && !memcmp(s + i, "or", 2)) || (n == 4 && !memcmp(s + i, "anti", 4))))
				return 0;
			i = j;
			continue;
		}
		if (!strchr(paren ? " ,;/&-()" : " ,;/&-", s[i])) return 0;
		++i;
	}
	return 1;
}

/* Drop mentions that lie inside an occurrence of a blocklisted phrase for
 * their concept (lexicons/blocklist.txt), e.g. "PE group" for plasma exchange. */
static void blocklist(mm_matcher *m, const mm_text *t)
{
	const mm_lexicon *lx = m->lx;
	if (!lx->n_block) return;
	size_t w = 0;
	for (size_t k = 0; k < m->n_out; ++k) {
		mm_mention *x = &m->out[k];
		int drop = 0;
		if (lx->blocked[x->concept]) {
			/* the mention in normalised coordinates: its tokens */
			uint32_t a = t->tok_s.a[x->tok0], e = x->tok1 > x->tok0 ? t->tok_e.a[x->tok1 - 1] : a;
			uint32_t ss = t->sent_s.a[x->sent], se = t->sent_e.a[x->sent];
			for (int b = 0; b < lx->n_block && !drop; ++b) {
				const struct mm_block *bk = &lx->block[b];
				if (bk->concept >= 0 && (uint32_t)bk->concept != x->concept) continue;
				/* an occurrence of the phrase in the sentence covering [a, e):
				 * it starts in [e - len, a], so only that window is searched */
				uint32_t ws = e > ss + bk->len ? e - (uint32_t)bk->len : ss;
				uint32_t we = a + bk->len < se ? a + (uint32_t)bk->len : se;
				for (const char *p = t->norm.s + ws; p + bk->len <= t->norm.s + we;) {
					const char *f = memmem(p, (size_t)(t->norm.s + we - p), bk->phrase, bk->len);
					if (!f) break;
					uint32_t fa = (uint32_t)(f - t->norm.s), fe = fa + (uint32_t)bk->len;
					if (fa > a) break;
					if (fe >= e && (fa == 0 || !mm_alnum((unsigned char)t->norm.s[fa - 1]) || !mm_alnum((unsigned char)t->norm.s[fa]))) { drop = 1; break; }
					p = f + 1;
				}
			}
		}
		if (!drop) m->out[w++] = *x;
	}
	m->n_out = w;
}

/* Mark the sentence holding the literal that ends at byte i: the first
 * sentence ending after i (a literal between sentences marks the next one,
 * a harmless superset). */
static inline uint64_t ac_hit(const mm_litac *ac, const mm_text *t, uint64_t *mark, size_t st, size_t i)
{
	uint64_t o = ac->out[st >> ac->cls_shift];
	size_t lo = 0, hi = t->sent_e.n;
	while (lo < hi) { size_t mid = (lo + hi) / 2; if (t->sent_e.a[mid] <= i) lo = mid + 1; else hi = mid; }
	if (lo < t->sent_e.n) { mark[lo] |= o; return o; }
	return 0;
}

/* The four-lane scan loop of litac_scan(): from step x, lane k at byte
 * p[d[k] + x], until a lane enters an output state (returns that step, the
 * states after it in a[]) or step n (returns n).  Kept apart so that its
 * eleven live values stay in registers. */
static __attribute__((noinline)) size_t ac4_run(const uint32_t *go, const uint8_t *cls, uint32_t ob,
                                                const unsigned char *p, const size_t d[4], size_t a[4], size_t x, size_t n)
{
	const unsigned char *p1 = p + d[1], *p2 = p + d[2], *p3 = p + d[3];
	size_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3]; /* size_t: no zero extension per step */
	for (; x < n; ++x) {
		a0 = go[a0 + cls[p[x]]];
		a1 = go[a1 + cls[p1[x]]];
		a2 = go[a2 + cls[p2[x]]];
		a3 = go[a3 + cls[p3[x]]];
		if (__builtin_expect((a0 | a1 | a2 | a3) & ob, 0)) break;
	}
	a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3;
	return x;
}

/* One Aho-Corasick pass over the normalised text; marks, per sentence,
 * the patterns one of whose literals occurs in it and returns the union.
 * The text is cut into four parts scanned in one loop (independent state
 * chains run in parallel in the CPU); each part after the first starts
 * max_len - 1 bytes early so that no literal across a cut is missed, and
 * a literal seen twice only sets the same bits twice. */
static uint64_t litac_scan(const mm_litac *ac, const mm_text *t, uint64_t *mark)
{
	const unsigned char *s = (const unsigned char *)t->norm.s;
	size_t n = t->norm.l;
	uint64_t seen = 0;
	size_t pos[4], end[4];
	int np = n >= 1024 ? 4 : 1;
	for (int k = 0; k < np; ++k) {
		size_t b = n * (size_t)k / (size_t)np, e = n * (size_t)(k + 1) / (size_t)np;
		pos[k] = b >= ac->max_len ? b - ac->max_len + 1 : 0;
		if (k == 0) pos[k] = 0;
		end[k] = e;
	}
	const uint32_t *go = ac->go;
	const uint8_t *cls = ac->cls;
	const uint32_t ob = ac->out_base;
	size_t st[4] = { 0, 0, 0, 0 };
	if (np == 4) {
		/* all four parts have the same length give or take max_len + 3 */
		size_t steps = end[0] - pos[0];
		for (int k = 1; k < 4; ++k) if (end[k] - pos[k] < steps) steps = end[k] - pos[k];
		const size_t d[4] = { 0, pos[1] - pos[0], pos[2] - pos[0], pos[3] - pos[0] };
		for (size_t x = 0; (x = ac4_run(go, cls, ob, s + pos[0], d, st, x, steps)) < steps; ++x)
			for (int k = 0; k < 4; ++k)
				if (st[k] >= ob) seen |= ac_hit(ac, t, mark, st[k], pos[k] + x);
		for (int k = 0; k < 4; ++k) pos[k] += steps;
	}
	for (int k = 0; k < np; ++k)
		for (size_t i = pos[k]; i < end[k]; ++i) {
			st[k] = go[st[k] + cls[s[i]]];
			if (st[k] >= ob) seen |= ac_hit(ac, t, mark, st[k], i);
		}
	return seen;
}

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->s != b->s) return a->s < b->s ? -1 : 1;
	if (a->e != b->e) return a->e > b->e ? -1 : 1;  /* longest first */
	if (a->concept != b->concept) return a->concept < b->concept ? -1 : 1;
	return (int)a->state - (int)b->state;
}

/* 1. Trie candidates at every token start that passes the first-token
 * filter; their entries resolved into concepts, and case-sensitive entries
 * checked against the original text.  Kept out of line, so that the
 * token loop's values stay in registers. */
static __attribute__((noinline)) void trie_candidates(mm_matcher *m, const mm_doc *d, const mm_text *t)
{
	const mm_lexicon *lx = m->lx;
	/* the filter's bit set is larger than L1 (up to 512 KB): its words are
	 * prefetched TOK_AHEAD tokens before they are tested */
	enum { TOK_AHEAD = 8 };
	uint64_t ring[TOK_AHEAD];
	size_t nt = t->tok_s.n;
	for (size_t i = 0; i < nt + TOK_AHEAD; ++i) {
		if (i >= TOK_AHEAD) { /* token k, tested before its slot is reused */
			size_t k = i - TOK_AHEAD;
			uint64_t b = ring[k % TOK_AHEAD];
			if (b == TOK_WALK || (b != TOK_NONE && (lx->tok_bits[b >> 6] >> (b & 63) & 1))) {
				uint32_t sent = t->tok_sent.a[k];
				walk(m, t, t->tok_s.a[k], t->sent_e.a[sent], sent, (uint32_t)k);
			}
		}
		if (i < nt) {
			uint64_t b = tok_bit(lx, t, i);
			ring[i % TOK_AHEAD] = b;
			if (b < TOK_WALK) __builtin_prefetch(&lx->tok_bits[b >> 6]);
		}
	}
	/* resolve entries into concepts and apply the case check */
	for (size_t i = 0; i < m->n; ++i) {
		cand *c = &m->c[i];
		const mm_lexent *e = &lx->ent[c->concept];
		c->concept = e->concept;
		c->flags = e->flags;
		if (e->flags & MM_F_CS) {
			uint32_t os = t->map.a[c->s], oe = t->map.a[c->e];
			mm_squeeze(d->text.s + os, oe - os, 0, &m->tmp);
			size_t keep = m->tmp.l >= (size_t)(e->pre + e->suf) ? m->tmp.l - e->pre - e->suf : 0;
			if (keep != strlen(e->cs) || memcmp(m->tmp.s + e->pre, e->cs, keep) != 0) c->state = C_REJECT;
		}
		if ((e->flags & MM_F_CLIN) && !clinical_context(t, c)) c->state = C_REJECT;
	}
}

/* 2. Pattern candidates. One Aho-Corasick pass marks, per sentence, the
 * patterns one of whose required literals occurs in it; such a pattern
 * runs only over its marked sentences (a match never crosses a sentence).
 * Patterns without literals run over the whole text. */
static void pattern_candidates(mm_matcher *m, const mm_text *t)
{
	const mm_lexicon *lx = m->lx;
	size_t ns = t->sent_s.n;
	if (ns > m->m_mark) { m->m_mark = ns; m->mark = mm_realloc(m->mark, ns * sizeof *m->mark); }
	if (ns) memset(m->mark, 0, ns * sizeof *m->mark);
	const mm_litac *ac = lx->litac;
	uint64_t mask = ac ? ac->mask : 0;
	uint64_t seen = mask ? litac_scan(ac, t, m->mark) : 0;
	for (int k = 0; k < lx->n_pattern; ++k) {
		int ci = lx->pattern_concept[k];
		if (k >= 64 || !(mask >> k & 1)) { scan_pattern(m, t, ci, k, 0, t->norm.l); continue; }
		if (!(seen >> k & 1)) continue;
		for (size_t sidx = 0; sidx < ns; ++sidx)
			if (m->mark[sidx] >> k & 1) {
				if (lx->c[ci].at_tokens) scan_pattern_tokens(m, t, ci, k, sidx);
				else scan_pattern(m, t, ci, k, t->sent_s.a[sidx], t->sent_e.a[sidx]);
			}
	}
}

/* 3. Antibody context: a {ctx} candidate without an antibody word nearby
 * is pending until an accepted antibody mention is coordinated with it;
 * sorts the candidates (cmp_cand). */
static void antibody_context(mm_matcher *m, const mm_text *t)
{
	const mm_lexicon *lx = m->lx;
	int any_pending = 0;
	for (size_t i = 0; i < m->n; ++i) {
		cand *c = &m->c[i];
		if (c->state == C_ACCEPT && (c->flags & MM_F_CTX) && !(c->flags & MM_F_WRAP) && !has_ctx_word(t, c)) {
			c->state = C_PENDING;
			any_pending = 1;
		}
	}
	qsort(m->c, m->n, sizeof *m->c, cmp_cand);
	/* candidates lie inside one sentence and are sorted by start, so those
	 * that can be coordinated with c are a run around it: the work is
	 * linear in the candidates times the candidates near each */
	uint32_t maxlen = 0; /* the longest candidate */
	for (size_t i = 0; any_pending && i < m->n; ++i) if (m->c[i].e - m->c[i].s > maxlen) maxlen = m->c[i].e - m->c[i].s;
	for (int changed = any_pending; changed;) {
		changed = 0;
		for (size_t i = 0; i < m->n; ++i) {
			cand *c = &m->c[i];
			if (c->state != C_PENDING) continue;
			/* coordinated() spans at most 40 bytes: the candidates of c's
			 * sentence that start from 40 + maxlen before c to 40 after it */
			size_t j0 = i, j1 = i + 1;
			while (j0 > 0 && m->c[j0 - 1].sent == c->sent && m->c[j0 - 1].s + maxlen + 40 >= c->s) --j0;
			while (j1 < m->n && m->c[j1].sent == c->sent && m->c[j1].s <= c->e + 40) ++j1;
			for (size_t j = j0; j < j1; ++j) {
				const cand *o = &m->c[j];
				if (o->state != C_ACCEPT || lx->c[o->concept].type_idx != lx->antibody_type) continue;
				if ((o->e <= c->s && coordinated(t, o->e, c->s, 1)) || (c->e <= o->s && coordinated(t, c->e, o->s, 0))) {
					c->state = C_ACCEPT;
					changed = 1;
					break;
				}
			}
		}
	}
}

static mm_mention *add_mention(mm_matcher *m, const mm_text *t, const cand *c)
{
	if (m->n_out == m->m_out) { m->m_out = m->m_out ? m->m_out * 2 : 64; m->out = mm_realloc(m->out, m->m_out * sizeof *m->out); }
	mm_mention *o = &m->out[m->n_out++];
	o->start = t->map.a[c->s];
	o->end = t->map.a[c->e];
	o->concept = c->concept;
	o->sent = c->sent;
	o->sec = t->sent_sec.a[c->sent];
	o->tok0 = c->tok;
	o->tok1 = token_at(t, c->e);
	o->negated = 0;
	return o;
}

/* May candidate c, inside the outer span whose mentions are out[o0, o1)
 * (o1 == n_out: the mentions nested in it follow), be kept as a nested
 * mention? Only if no concept of the outer span has c's type or comes from
 * a {whole} name, and no nested mention of c's type overlaps it except one
 * with exactly its span and another concept (one span, several concepts). */
static int nested_ok(const mm_matcher *m, const cand *c, size_t o0, size_t o1, int outer_whole)
{
	const mm_lexicon *lx = m->lx;
	int ty = lx->c[c->concept].type_idx;
	if (outer_whole) return 0;
	for (size_t k = o0; k < o1; ++k)
		if (lx->c[m->out[k].concept].type_idx == ty) return 0;
	return 1;
}

/* 4. The accepted candidates (sorted), leftmost-longest and
 * non-overlapping, as mentions in m->out; one span keeps every distinct
 * concept it carries. A candidate inside a kept span ("outer") is kept too
 * when it is of another type than every concept of the outer span (nested:
 * "statin" in "statin-associated autoimmune myopathy"); among the nested
 * candidates of one type, leftmost-longest again. Returns with m->out
 * sorted by start, then end (longest first), then concept. */
static void select_mentions(mm_matcher *m, const mm_text *t)
{
	const mm_lexicon *lx = m->lx;
	uint32_t last_s = 0, last_e = 0;
	size_t o0 = 0, o1 = 0;   /* the outer span's mentions: out[o0, o1) */
	int have = 0, whole = 0, nested = 0;
	for (size_t i = 0; i < m->n; ++i) {
		const cand *c = &m->c[i];
		if (c->state != C_ACCEPT) continue;
		if (have && c->s < last_e && !(c->s == last_s && c->e == last_e)) {
			/* inside the outer span, of another type: nested */
			if (c->e > last_e || !nested_ok(m, c, o0, o1, whole)) continue;
			uint32_t os = t->map.a[c->s], oe = t->map.a[c->e];
			int ty = lx->c[c->concept].type_idx, skip = 0;
			for (size_t k = o1; k < m->n_out && !skip; ++k) {
				const mm_mention *x = &m->out[k];
				if (x->start == os && x->end == oe) skip = x->concept == c->concept;
				else skip = x->start < oe && os < x->end && lx->c[x->concept].type_idx == ty;
			}
			if (skip) continue;
			add_mention(m, t, c);
			nested = 1;
			continue;
		}
		if (have && c->s == last_s && c->e == last_e) {
			/* same span: another concept? skip duplicates of one already kept */
			int dup = 0;
			for (size_t k = o1; k-- > o0;)
				if (m->out[k].concept == c->concept) { dup = 1; break; }
			if (dup) continue;
			add_mention(m, t, c);
			o1 = m->n_out;
			whole |= c->flags & MM_F_WHOLE;
			continue;
		}
		o0 = m->n_out;
		add_mention(m, t, c);
		o1 = m->n_out;
		whole = c->flags & MM_F_WHOLE;
		last_s = c->s; last_e = c->e; have = 1;
	}
	if (nested) qsort(m->out, m->n_out, sizeof *m->out, cmp_mention);
}

size_t mm_match(mm_matcher *m, const mm_doc *d, const mm_text *t, const mm_mention **out)
{
	m->n = 0;
	m->n_out = 0;
	trie_candidates(m, d, t);
	if (m->lx->n_pattern) pattern_candidates(m, t);
	if (!m->n) { *out = m->out; return 0; }
	antibody_context(m, t);
	select_mentions(m, t);
	mm_match_abbreviations(m, d, t);
	blocklist(m, t);
	mm_negate(m->lx->neg, t, m->out, m->n_out);
	*out = m->out;
	return m->n_out;
}
