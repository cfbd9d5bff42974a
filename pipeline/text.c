/* text.c -- see text.h */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static const char *greek_lower[25] = {
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
	"lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau",
	"upsilon", "phi", "chi", "psi", "omega"
};

/* U+00C0..U+00FF without accents; "#" marks the two symbols in the block */
static const char *latin1[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "#", "O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "#", "o", "u", "u", "u", "u", "y", "th", "y"
};

/* U+0100..U+017F base letters */
static const char latinA[129] =
	"AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" "GgGgHhHhIiIiIiIi" "IiIiJjKkkLlLlLlL"
	"lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs" "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";

/* Normalised replacement of code point cp: writes into buf and returns its
 * length, or -1 to keep the original bytes. */
static int norm_cp(unsigned cp, char *buf)
{
	if (cp >= 0xC0 && cp <= 0xFF) { const char *r = latin1[cp - 0xC0]; size_t l = strlen(r); memcpy(buf, r, l); return (int)l; }
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x152 || cp == 0x153) { buf[0] = cp == 0x152 ? 'O' : 'o'; buf[1] = cp == 0x152 ? 'E' : 'e'; return 2; }
		buf[0] = latinA[cp - 0x100];
		return 1;
	}
	/* combining diacritical marks: dropped, so that a letter followed by
	 * them ("o" U+0308) folds like the precomposed letter (U+00F6) and
	 * a match ending at the letter spans its marks */
	if (cp >= 0x300 && cp <= 0x36F) return 0;
	if (cp >= 0x3B1 && cp <= 0x3C9) { const char *r = greek_lower[cp - 0x3B1]; size_t l = strlen(r); memcpy(buf, r, l); return (int)l; }
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
		const char *r = greek_lower[cp - 0x391];
		size_t l = strlen(r);
		memcpy(buf, r, l);
		buf[0] = (char)(buf[0] - 32);
		return (int)l;
	}
	switch (cp) {
	case 0xB5: memcpy(buf, "mu", 2); return 2;
	case 0x3D1: memcpy(buf, "theta", 5); return 5;
	case 0x3D5: memcpy(buf, "phi", 3); return 3;
	case 0x3F5: memcpy(buf, "epsilon", 7); return 7;
	case 0xAA: buf[0] = 'a'; return 1;
	case 0xBA: buf[0] = 'o'; return 1;
	case 0xB9: buf[0] = '1'; return 1;
	case 0xB2: buf[0] = '2'; return 1;
	case 0xB3: buf[0] = '3'; return 1;
	case 0xAD: return 0; /* soft hyphen: an invisible hyphenation point */
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2043: case 0x2E3A: case 0x2E3B:
		buf[0] = '-'; return 1;
	case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		buf[0] = ' '; return 1;
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return 0;
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035: case 0xB4: case 0x2BC: case 0x2B9:
		buf[0] = '\''; return 1;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036: case 0xAB: case 0xBB:
		buf[0] = '"'; return 1;
	case 0x2026: memcpy(buf, "...", 3); return 3;
	case 0x2070: buf[0] = '0'; return 1;
	default: break;
	}
	if (cp >= 0x2000 && cp <= 0x200A) { buf[0] = ' '; return 1; }
	if (cp >= 0x2074 && cp <= 0x2079) { buf[0] = (char)('0' + cp - 0x2070); return 1; }
	if (cp >= 0x2080 && cp <= 0x2089) { buf[0] = (char)('0' + cp - 0x2080); return 1; }
	if (cp >= 0xFF01 && cp <= 0xFF5E) { buf[0] = (char)(cp - 0xFEE0); return 1; }
	if ((cp >= 0xA1 && cp <= 0xBF) || (cp >= 0x2016 && cp <= 0x206F) || (cp >= 0x2100 && cp <= 0x2BFF) ||
	    cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0)) {
		buf[0] = '#'; return 1;
	}
	return -1;
}

static void u32v_reserve(mm_u32v *v, size_t extra)
{
	if (v->n + extra <= v->m) return;
	size_t m = v->m ? v->m : 256;
	while (m < v->n + extra) m += m >> 1;
	v->a = mm_realloc(v->a, m * sizeof *v->a);
	v->m = m;
}

/* Longest output of one input character (a Greek letter spelled out). */
#define NORM_MAX 8

void mm_normalize(const char *str, size_t n, int fold, mm_buf *out, mm_u32v *map, uint32_t base)
{
	const unsigned char *s = (const unsigned char *)str;
	/* Invariant: room for the rest of the input 1:1 plus one character, in
	 * out and in map; only a non-ASCII character can break it. */
	mm_buf_grow(out, n + NORM_MAX);
	if (map) u32v_reserve(map, n + NORM_MAX);
	char *o = out->s + out->l;           /* next output byte */
	uint32_t *mp = map ? map->a + map->n : NULL;
	const unsigned char add = fold ? 32 : 0;
	size_t w = 0;                        /* bytes written by this call */
	for (size_t i = 0; i < n;) {
		/* ASCII run: the common case, no bounds checks inside */
		size_t j = i;
#ifdef __SSE2__
		/* 16 ASCII bytes at a time: case folded with a mask, map entries
		 * written as four vectors of consecutive offsets */
		{
			const __m128i A1 = _mm_set1_epi8('A' - 1), Z1 = _mm_set1_epi8('Z' + 1), addv = _mm_set1_epi8((char)add);
			const __m128i step = _mm_set1_epi32(4), four = _mm_setr_epi32(0, 1, 2, 3);
			for (; j + 16 <= n; j += 16, w += 16) {
				__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
				if (_mm_movemask_epi8(v)) break; /* a byte >= 0x80 */
				__m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, A1), _mm_cmpgt_epi8(Z1, v));
				_mm_storeu_si128((__m128i *)(void *)(o + w), _mm_add_epi8(v, _mm_and_si128(up, addv)));
				if (mp) {
					__m128i x = _mm_add_epi32(_mm_set1_epi32((int)(base + (uint32_t)j)), four);
					_mm_storeu_si128((__m128i *)(void *)(mp + w), x);
					x = _mm_add_epi32(x, step);
					_mm_storeu_si128((__m128i *)(void *)(mp + w + 4), x);
					x = _mm_add_epi32(x, step);
					_mm_storeu_si128((__m128i *)(void *)(mp + w + 8), x);
					x = _mm_add_epi32(x, step);
					_mm_storeu_si128((__m128i *)(void *)(mp + w + 12), x);
				}
			}
		}
#endif
		if (mp)
			for (; j < n && s[j] < 0x80; ++j, ++w) {
				unsigned c = s[j];
				o[w] = (char)(c - 'A' < 26u ? c + add : c);
				mp[w] = base + (uint32_t)j;
			}
		else
			for (; j < n && s[j] < 0x80; ++j, ++w) {
				unsigned c = s[j];
				o[w] = (char)(c - 'A' < 26u ? c + add : c);
			}
		i = j;
		if (i >= n) break;
		unsigned c = s[i];
		/* document text is valid UTF-8 (repaired by the parsers); anything
		 * else (a caller's raw bytes) becomes '#' byte by byte */
		int k = mm_utf8_len(s + i, n - i);
		const char *src;
		int len, r = -1;
		char rep[NORM_MAX];
		if (k == 0) {
			rep[0] = '#';
			src = rep, len = 1, k = 1;
		} else {
			unsigned cp = k == 2 ? (c & 0x1F) << 6 | (s[i + 1] & 0x3F)
			            : k == 3 ? (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F)
			            : (c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
			r = norm_cp(cp, rep);
			src = r < 0 ? (const char *)s + i : rep;
			len = r < 0 ? k : r;
		}
		for (int x = 0; x < len; ++x, ++w) {
			char ch = src[x];
			if (fold && r >= 0 && ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
			o[w] = ch;
			if (mp) mp[w] = base + (uint32_t)i;
		}
		i += (size_t)k;
		if (len > k) { /* the output grew faster than the input: restore the invariant */
			size_t ol = out->l;
			out->l += w;
			mm_buf_grow(out, (n - i) + NORM_MAX);
			out->l = ol;
			o = out->s + ol;
			if (map) {
				size_t on = map->n;
				map->n += w;
				u32v_reserve(map, (n - i) + NORM_MAX);
				map->n = on;
				mp = map->a + on;
			}
		}
	}
	out->l += w;
	out->s[out->l] = 0;
	if (map) map->n += w;
}

/* Abbreviations after which a period does not end a sentence (lower case,
 * without the final period). Single letters are handled as initials. */
static const char *abbrev[] = {
	"al", "approx", "ca", "cf", "co", "dept", "dr", "eds", "eg", "eq", "etc.", "fig", "figs", "ie",
	"inc", "incl", "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "nr", "prof", "pp", "ref", "refs",
	"resp", "sp", "spp", "sr", "st", "suppl", "tab", "univ", "var", "viz", "vol", "vs", "wt", NULL
};

static int is_abbrev(const char *s, size_t n)
{
	if (n > 7) return 0;
	for (int i = 0; abbrev[i]; ++i)
		if (abbrev[i][0] == s[0] && strlen(abbrev[i]) == n && memcmp(abbrev[i], s, n) == 0) return 1;
	return 0;
}

static uint32_t lower_bound(const mm_u32v *map, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { size_t mid = (lo + hi) / 2; if (map->a[mid] < x) lo = mid + 1; else hi = mid; }
	return (uint32_t)lo;
}

/* First index in [i, b) holding '.', '!' or '?', or b. */
static inline uint32_t next_punct(const char *s, uint32_t i, uint32_t b)
{
#ifdef __SSE2__
	const __m128i dot = _mm_set1_epi8('.'), exc = _mm_set1_epi8('!'), que = _mm_set1_epi8('?');
	for (; i + 16 <= b; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, exc)),
		                                                      _mm_cmpeq_epi8(v, que)));
		if (m) return i + (uint32_t)__builtin_ctz(m);
	}
#endif
	for (; i < b; ++i) if (s[i] == '.' || s[i] == '!' || s[i] == '?') return i;
	return b;
}

static void split_sentences(mm_text *t, const mm_doc *d, uint32_t a, uint32_t b, uint32_t sec)
{
	const char *s = t->norm.s;
	const char *orig = d->text.s;
	while (a < b && s[a] == ' ') ++a;
	uint32_t start = a;
	for (uint32_t i = next_punct(s, a, b); i < b; i = next_punct(s, i + 1, b)) {
		char c = s[i];
		uint32_t e = i + 1;
		while (e < b && (s[e] == '.' || s[e] == '!' || s[e] == '?')) ++e;
		while (e < b && (s[e] == '"' || s[e] == '\'' || s[e] == ')' || s[e] == ']')) ++e;
		if (e < b && s[e] != ' ') continue;        /* 2.5, e.g.x, i.v.: no space after */
		uint32_t nx = e;
		while (nx < b && s[nx] == ' ') ++nx;
		if (nx < b) {
			unsigned char oc = (unsigned char)orig[t->map.a[nx]];
			if (oc >= 'a' && oc <= 'z') continue;  /* next word in lower case */
			if (c == '.') {
				/* the token before the period */
				uint32_t ts = i;
				while (ts > a && mm_alnum((unsigned char)s[ts - 1])) --ts;
				uint32_t tl = i - ts;
				if (tl == 1) {
					unsigned char o = (unsigned char)orig[t->map.a[ts]];
					/* an initial (J. Smith) follows a space; i.v. and e.g. follow a
					 * period; a unit (5 IU/L.) is neither */
					int after_space = ts == a || s[ts - 1] == ' ' || s[ts - 1] == '(';
					if ((o >= 'A' && o <= 'Z' && after_space) || (ts > a && s[ts - 1] == '.')) continue;
				}
				if (tl > 0 && is_abbrev(s + ts, tl)) continue;
			}
		}
		mm_u32v_push(&t->sent_s, start);
		mm_u32v_push(&t->sent_e, e);
		mm_u32v_push(&t->sent_sec, sec);
		start = nx;
		i = nx ? nx - 1 : 0;
	}
	uint32_t e = b;
	while (e > start && s[e - 1] == ' ') --e;
	if (e > start) {
		mm_u32v_push(&t->sent_s, start);
		mm_u32v_push(&t->sent_e, e);
		mm_u32v_push(&t->sent_sec, sec);
	}
}

void mm_text_build(mm_text *t, const mm_doc *d)
{
	t->norm.l = 0;
	t->map.n = t->tok_s.n = t->tok_e.n = t->tok_sent.n = 0;
	t->sent_s.n = t->sent_e.n = t->sent_sec.n = 0;
	mm_normalize(d->text.s ? d->text.s : "", d->text.l, 1, &t->norm, &t->map, 0);
	mm_u32v_push(&t->map, (uint32_t)d->text.l);
	size_t nl = t->norm.l;
	for (int k = 0; k < d->n_sec; ++k) {
		uint32_t a = lower_bound(&t->map, nl, d->sec[k].start);
		uint32_t b = lower_bound(&t->map, nl, d->sec[k].end);
		split_sentences(t, d, a, b, (uint32_t)k);
	}
	const unsigned char *s = (const unsigned char *)t->norm.s;
	/* at most one token per two bytes (a token and a separator) */
	size_t mt = nl / 2 + 1;
	u32v_reserve(&t->tok_s, mt);
	u32v_reserve(&t->tok_e, mt);
	u32v_reserve(&t->tok_sent, mt);
	uint32_t *ts = t->tok_s.a, *te = t->tok_e.a, *tsent = t->tok_sent.a;
	size_t nt = 0, si = 0, ns = t->sent_s.n, start = 0;
	const uint32_t *ss = t->sent_s.a, *se = t->sent_e.a;
	/* a token [a, e) is kept when it lies in a sentence */
#define EMIT(a, e) do { \
		while (si < ns && se[si] <= (a)) ++si; \
		if (si < ns && ss[si] <= (a)) { ts[nt] = (uint32_t)(a); te[nt] = (uint32_t)(e); tsent[nt] = (uint32_t)si; ++nt; } \
	} while (0)
	size_t i = 0;
	unsigned prev = 0; /* byte i - 1 is alphanumeric */
#ifdef __SSE2__
	/* token starts and ends from 16-byte alphanumeric masks: letters (either
	 * case), digits, bytes >= 0x80 */
	const __m128i b20 = _mm_set1_epi8(0x20), a0 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
	const __m128i d0 = _mm_set1_epi8('0' - 1), d1 = _mm_set1_epi8('9' + 1), zero = _mm_setzero_si128();
	for (; i + 16 <= nl; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i lc = _mm_or_si128(v, b20);
		__m128i al = _mm_and_si128(_mm_cmpgt_epi8(lc, a0), _mm_cmpgt_epi8(z1, lc));
		__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmpgt_epi8(d1, v));
		__m128i hi = _mm_cmplt_epi8(v, zero);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(al, dg), hi));
		unsigned shifted = (m << 1 | prev) & 0xFFFFu;
		unsigned ev = (m & ~shifted) | (~m & shifted & 0xFFFFu); /* starts | ends */
		prev = m >> 15;
		while (ev) {
			unsigned k = (unsigned)__builtin_ctz(ev);
			if (m >> k & 1) start = i + k;
			else EMIT(start, i + k);
			ev &= ev - 1;
		}
	}
#endif
	for (; i < nl; ++i) {
		unsigned a = (unsigned)mm_alnum(s[i]);
		if (a && !prev) start = i;
		else if (!a && prev) EMIT(start, i);
		prev = a;
	}
	if (prev) EMIT(start, nl);
#undef EMIT
	t->tok_s.n = t->tok_e.n = t->tok_sent.n = nt;
}

void mm_text_free(mm_text *t)
{
	mm_buf_free(&t->norm);
	free(t->map.a); free(t->tok_s.a); free(t->tok_e.a); free(t->tok_sent.a);
	free(t->sent_s.a); free(t->sent_e.a); free(t->sent_sec.a);
	memset(t, 0, sizeof *t);
}
