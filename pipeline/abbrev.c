/* abbrev.c -- abbreviations defined in a document (matchpriv.h). */
#include "matchpriv.h"

#include <stdlib.h>
#include <string.h>

/* Schwartz-Hearst: the long form before "(SF)" is found by matching the
 * short form's characters right to left in the preceding words; its first
 * character must start a word. Returns the start of the long form in norm,
 * or UINT32_MAX. */
static uint32_t sh_long_form(const mm_text *t, const char *sf, size_t sfl, uint32_t lstart, uint32_t lend)
{
	const char *s = t->norm.s;
	long si = (long)sfl - 1, li = (long)lend - 1;
	while (si >= 0) {
		char c = sf[si];
		if (!mm_alnum((unsigned char)c)) { --si; continue; }
		while (li >= (long)lstart && (s[li] != c || (si == 0 && li > (long)lstart && mm_alnum((unsigned char)s[li - 1]))))
			--li;
		if (li < (long)lstart) return UINT32_MAX;
		--li;
		--si;
	}
	return (uint32_t)(li + 1);
}

/* Is the normalised text s[0..n) a name or synonym of concept c (not a
 * case-sensitive one)? Spaces and hyphens are skipped as in the keys. */
static int is_name(const mm_lexicon *lx, const char *s, size_t n, uint32_t c)
{
	uint32_t node = 0;
	for (size_t i = 0; i < n; ++i) {
		if (s[i] == ' ' || s[i] == '-') continue;
		if (!(node = mm_trie_next(lx, node, (unsigned char)s[i]))) return 0;
	}
	if (!node || !(lx->node[node].flags & MM_NODE_ENT)) return 0;
	for (uint32_t k = lx->ent_off[node]; k < lx->ent_off[node + 1]; ++k)
		if (lx->ent[k].concept == c && !(lx->ent[k].flags & MM_F_CS)) return 1;
	return 0;
}

/* The concept of the long form [lf, lend) (normalised offsets), or -1: the
 * longest mention that ends where the long form ends and either lies in it
 * and covers at least half of it ("antibodies to the signal recognition
 * particle (anti-SRP)" yes, "Expanded Clinical Evaluation of Lovastatin
 * (EXCEL)" no) or covers it all, starting in the same word
 * ("3'-azido-3'dideoxythymidine (AZT)") or with a long form that is itself
 * a name of the concept ("acute myocardial infarction (MI)"; not
 * "increased creatine kinase (CK)"); the first of one span. */
static long long_form_concept(const mm_matcher *m, const mm_doc *d, const mm_text *t, uint32_t lf, uint32_t lend)
{
	uint32_t o_lf = t->map.a[lf], o_lend = t->map.a[lend], best = 0;
	long concept = -1;
	for (size_t k = 0; k < m->n_out; ++k) {
		const mm_mention *x = &m->out[k];
		if (x->end != o_lend || x->end - x->start <= best) continue;
		if (x->start < o_lf) {
			if (memchr(d->text.s + x->start, ' ', o_lf - x->start) && !is_name(m->lx, t->norm.s + lf, lend - lf, x->concept))
				continue;
		} else if (2 * (x->end - x->start) < o_lend - o_lf)
			continue;
		concept = x->concept;
		best = x->end - x->start;
	}
	return concept;
}

/* The mention that ends at normalised offset lend and is longer than n
 * bytes (the longest, the first of one span), or NULL. */
static const mm_mention *mention_ending(const mm_matcher *m, const mm_text *t, uint32_t lend, size_t n)
{
	const mm_mention *best = NULL;
	uint32_t o_lend = t->map.a[lend];
	for (size_t k = 0; k < m->n_out; ++k)
		if (m->out[k].end == o_lend && m->out[k].end - m->out[k].start > n &&
		    (!best || m->out[k].end - m->out[k].start > best->end - best->start))
			best = &m->out[k];
	return best;
}

/* Does the short form sf[0..n) abbreviate the name s[0..l) (both
 * normalised)? Its first letter is the name's first, and its other letters
 * and digits follow in the name in order; with `last`, its last one may be
 * missing ("CsA" for "cyclosporine", the "A" of "cyclosporin A"). */
static int sf_fits(const char *sf, size_t n, const char *s, size_t l, int last)
{
	if (!n || !l || sf[0] != s[0]) return 0;
	size_t j = 1;
	for (size_t i = 1; i < n; ++i) {
		if (!mm_alnum((unsigned char)sf[i])) continue;
		size_t k = j;
		while (k < l && s[k] != sf[i]) ++k;
		if (k < l) j = k + 1;
		else if (!(last && i == n - 1)) return 0;
	}
	return 1;
}

/* A single capital letter (norm offset p) defined as a group label: only
 * in a sentence that defines another one, "saline (C), methylprednisolone
 * (M), or triamcinolone (T)"; a lone "(A)" or "(B)" is a list marker. */
static int letter_label(const mm_doc *d, const mm_text *t, uint32_t p, uint32_t sent)
{
	const char *s = t->norm.s;
	for (uint32_t x = t->sent_s.a[sent] + 1; x + 1 < t->sent_e.a[sent]; ++x) {
		if (x == p || s[x - 1] != '(' || s[x + 1] != ')') continue;
		char c = d->text.s[t->map.a[x]];
		if (c >= 'A' && c <= 'Z') return 1;
	}
	return 0;
}

/* Short form [p, q) (normalised offsets, token index ti) means `concept`:
 * drop lexicon mentions of the same text with another sense in the whole
 * document (when `drop`; concept -1 drops every one), then add a mention
 * of the concept at the short form and at every later occurrence. The case
 * must agree with the definition ("CK" is not "ck"), except a capital first
 * letter ("dexamethasone (dex)" ... "Dex was"); a single letter must be a
 * capital and stand alone: no number before it ("0.5 M") and a space,
 * ",", ";" or ")" after it. */
static void sf_apply(mm_matcher *m, const mm_doc *d, const mm_text *t, size_t ti, uint32_t p, uint32_t q, long concept, int drop)
{
	const char *s = t->norm.s;
	size_t sfl = q - p;
	uint32_t o_sf = t->map.a[p], o_sfe = t->map.a[q];
	if (drop) {
		size_t w = 0;
		for (size_t k = 0; k < m->n_out; ++k) {
			mm_mention *x = &m->out[k];
			int same_text = x->end - x->start == o_sfe - o_sf && memcmp(d->text.s + x->start, d->text.s + o_sf, o_sfe - o_sf) == 0;
			if (same_text && (long)x->concept != concept) continue;
			m->out[w++] = *x;
		}
		m->n_out = w;
	}
	if (concept < 0) return;
	for (size_t k = ti; k < t->tok_s.n; ++k) {
		uint32_t a = t->tok_s.a[k], e = a + (uint32_t)sfl;
		if (e > t->norm.l || memcmp(s + a, s + p, sfl) != 0) continue;
		if (e < t->norm.l && mm_alnum((unsigned char)s[e]) && mm_alnum((unsigned char)s[e - 1])) continue;
		uint32_t oa = t->map.a[a], oe = t->map.a[e];
		if (oe - oa != o_sfe - o_sf) continue;
		const char *u = d->text.s + oa, *v = d->text.s + o_sf;
		if (sfl == 1) {
			if (u[0] != v[0]) continue;
			if (e < t->norm.l && !strchr(" ,;)", s[e])) continue;
			uint32_t b = a;
			while (b > 0 && s[b - 1] == ' ') --b;
			if (b > 0 && b < a && (s[b - 1] >= '0' && s[b - 1] <= '9')) continue;
		} else if (!(u[0] == v[0] || (u[0] >= 'A' && u[0] <= 'Z' && u[0] + 32 == v[0])) || memcmp(u + 1, v + 1, oe - oa - 1) != 0)
			continue;
		int clash = 0;
		for (size_t x = 0; x < m->n_out && !clash; ++x)
			clash = m->out[x].start < oe && oa < m->out[x].end;
		if (clash) continue;
		if (m->n_out == m->m_out) { m->m_out = m->m_out ? m->m_out * 2 : 64; m->out = mm_realloc(m->out, m->m_out * sizeof *m->out); }
		mm_mention *o = &m->out[m->n_out++];
		o->start = oa; o->end = oe; o->concept = (uint32_t)concept;
		o->sent = t->tok_sent.a[k];
		o->sec = t->sent_sec.a[o->sent];
		o->tok0 = (uint32_t)k;
		o->tok1 = token_at(t, e);
		o->negated = 0;
	}
	qsort(m->out, m->n_out, sizeof *m->out, cmp_mention);
}

/* The start of the window of words a long form for a short form of sfl
 * bytes may take before lend: min(|SF| + 5, 2 |SF|) words (Schwartz &
 * Hearst), within the sentence and not before `floor`. */
static uint32_t lf_window(const mm_text *t, size_t ti, uint32_t sent, uint32_t lend, size_t sfl, uint32_t floor)
{
	size_t maxw = sfl + 5 < 2 * sfl ? sfl + 5 : 2 * sfl, words = 0;
	uint32_t lstart = lend;
	for (size_t k = ti; k-- > 0 && t->tok_sent.a[k] == sent && t->tok_e.a[k] <= lend && t->tok_s.a[k] >= floor && words < maxw;) {
		lstart = t->tok_s.a[k];
		words++;
	}
	return lstart;
}

/* A short form alone, "long form (SF)". The mention right before the
 * parenthesis when the short form abbreviates it, its last letter perhaps
 * missing from the name ("cyclosporine (CsA)", also after words that hold the
 * letters: "conversion in patients undergoing cyclosporine (CsA)"); a
 * single capital letter only as a group label (letter_label) and only for
 * that mention's initial. Otherwise the Schwartz-Hearst long form and its
 * concept; a hyphenated short form that gets no concept whole gives its
 * first part the concept of the mention the long form starts with
 * ("dexamethasone-induced hypertension (dex-HT)": "dex"). */
static void define_one(mm_matcher *m, const mm_doc *d, const mm_text *t, size_t ti, uint32_t p, uint32_t q, uint32_t lend, uint32_t sent)
{
	const char *s = t->norm.s;
	size_t sfl = q - p;
	const mm_mention *x = mention_ending(m, t, lend, sfl);
	if (x && x->tok1 > x->tok0) {
		uint32_t a = t->tok_s.a[x->tok0], e = t->tok_e.a[x->tok1 - 1];
		int fits;
		if (sfl == 1) {
			char c = d->text.s[t->map.a[p]];
			fits = c >= 'A' && c <= 'Z' && s[p] == s[a] && letter_label(d, t, p, sent);
		} else
			fits = sf_fits(s + p, sfl, s + a, e - a, sfl >= 3);
		if (fits) {
			sf_apply(m, d, t, ti, p, q, x->concept, 1);
			return;
		}
	}
	if (sfl < 2) return;
	uint32_t lstart = lf_window(t, ti, sent, lend, sfl, 0);
	if (lstart >= lend) return;
	uint32_t lf = sh_long_form(t, s + p, sfl, lstart, lend);
	if (lf == UINT32_MAX || lend - lf <= sfl) return;
	long concept = long_form_concept(m, d, t, lf, lend);
	if (concept < 0) {
		/* "P-Q": P for the mention the long form starts with */
		const char *h = memchr(s + p, '-', sfl);
		uint32_t hp = h ? (uint32_t)(h - s) : q;
		if (hp > p + 1 && hp + 1 < q) {
			uint32_t o_lf = t->map.a[lf];
			for (size_t k = 0; k < m->n_out; ++k) {
				const mm_mention *y = &m->out[k];
				if (y->start != o_lf || y->end >= t->map.a[lend] || y->tok1 <= y->tok0) continue;
				uint32_t a = t->tok_s.a[y->tok0], e = t->tok_e.a[y->tok1 - 1];
				if (sf_fits(s + p, hp - p, s + a, e - a, 0)) {
					uint32_t c = y->concept;
					sf_apply(m, d, t, ti, p, q, -1, 1);
					sf_apply(m, d, t, ti, p, hp, c, 1);
					return;
				}
			}
		}
	}
	sf_apply(m, d, t, ti, p, q, concept, 1);
}

static const char *const coordinators[] = { " and ", " or ", ", ", "/", NULL };

/* A coordinator in s[p..q) (the first from p; with `back`, the last
 * before q): its start, and its length in *len, or UINT32_MAX. */
static uint32_t coordinator(const char *s, uint32_t p, uint32_t q, int back, uint32_t *len)
{
	for (uint32_t y = p + 1; y < q; ++y) {
		uint32_t x = back ? q - (y - p) : y;
		for (int i = 0; coordinators[i]; ++i) {
			uint32_t n = (uint32_t)strlen(coordinators[i]);
			if (x + n < q && memcmp(s + x, coordinators[i], n) == 0) { *len = n; return x; }
		}
	}
	return UINT32_MAX;
}

/* A plausible short form [p, q): 1-10 bytes, a letter, no space, ends in
 * a letter or digit. */
static int sf_ok(const char *s, uint32_t p, uint32_t q)
{
	if (q <= p || q - p > 10 || !mm_alnum((unsigned char)s[q - 1])) return 0;
	int letters = 0;
	for (uint32_t x = p; x < q; ++x) {
		if (s[x] == ' ') return 0;
		if (s[x] >= 'a' && s[x] <= 'z') letters = 1;
	}
	return letters;
}

/* Two short forms defined at once, "Duchenne or Becker muscular dystrophy
 * (DMD or BMD)", "Duchenne and Becker muscular dystrophy (DMD/BMD)": the
 * second is defined by the long form after the last coordinator in the
 * text before the parenthesis, the first by the words before it. A part
 * that gets no concept is left alone: its lexicon senses stay. */
static void define_pair(mm_matcher *m, const mm_doc *d, const mm_text *t, size_t ti, uint32_t p, uint32_t q, uint32_t c, uint32_t cl, uint32_t lend, uint32_t sent)
{
	const char *s = t->norm.s;
	uint32_t p2 = c + cl, ss = t->sent_s.a[sent], lcl = 0;
	uint32_t lc = coordinator(s, ss, lend + 1, 1, &lcl);
	if (lc == UINT32_MAX) return;
	struct { uint32_t p, q, lend, floor; } part[2] = { { p, c, lc, 0 }, { p2, q, lend, lc + lcl } };
	while (part[0].lend > ss && s[part[0].lend - 1] == ' ') --part[0].lend;
	for (int i = 0; i < 2; ++i) {
		uint32_t pp = part[i].p, pq = part[i].q, pe = part[i].lend;
		size_t pl = pq - pp;
		if (pl < 2) continue;
		uint32_t lstart = lf_window(t, token_at(t, pe), sent, pe, pl, part[i].floor);
		if (lstart >= pe) continue;
		uint32_t lf = sh_long_form(t, s + pp, pl, lstart, pe);
		if (lf == UINT32_MAX || pe - lf <= pl) continue;
		long concept = long_form_concept(m, d, t, lf, pe);
		if (concept >= 0) sf_apply(m, d, t, token_at(t, pp), pp, pq, concept, 1);
	}
}

/* Local abbreviation definitions "long form (SF)" (define_one), two at
 * once "(SF1 or SF2)" (define_pair), a short form with a trailing hyphen
 * "(SF-) induced". When the long form holds a mention of concept C, the
 * short form and its later occurrences in the document are mentions of C,
 * also without parentheses; lexicon mentions of the short form with
 * another sense are dropped in the whole document, also when the long form
 * holds no concept ("cytokeratin (CK)"). Ambiguous short forms the lexicon
 * leaves out ("MI", "BMD") are thus resolved in the abstract that defines
 * them and nowhere else. */
void mm_match_abbreviations(mm_matcher *m, const mm_doc *d, const mm_text *t)
{
	const char *s = t->norm.s;
	for (size_t ti = 1; ti < t->tok_s.n; ++ti) {
		uint32_t p = t->tok_s.a[ti];
		if (p == 0 || s[p - 1] != '(') continue;
		uint32_t q = p;
		while (q < t->norm.l && q - p <= 24 && s[q] != ')' && s[q] != '(' && s[q] != ';') ++q;
		if (q >= t->norm.l || s[q] != ')') continue;
		if (s[q - 1] == '-') --q; /* "(CsA-) induced" */
		uint32_t sent = t->tok_sent.a[ti];
		uint32_t lend = p - 1;
		while (lend > t->sent_s.a[sent] && s[lend - 1] == ' ') --lend;
		uint32_t cl = 0, c = coordinator(s, p, q, 0, &cl);
		if (c != UINT32_MAX && sf_ok(s, p, c) && sf_ok(s, c + cl, q)) {
			define_pair(m, d, t, ti, p, q, c, cl, lend, sent);
			continue;
		}
		/* the short form alone: one or two tokens, 1-10 bytes, a letter */
		if (q - p > 10 || memchr(s + p, ',', q - p)) continue;
		uint32_t nt = 0, letters = 0;
		for (uint32_t x = p; x < q; ++x) {
			if (s[x] == ' ') { nt++; continue; }
			if (s[x] >= 'a' && s[x] <= 'z') letters++;
		}
		if (nt > 1 || !letters || !mm_alnum((unsigned char)s[q - 1])) continue;
		define_one(m, d, t, ti, p, q, lend, sent);
	}
}

