/* util.c -- see util.h */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#ifdef __SSE2__
#include <emmintrin.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define MM_FIND_AVX2 1
#endif
#endif

int mm_verbose = 1;

static void oom(size_t n)
{
	fprintf(stderr, "myomine: out of memory (allocating %zu bytes)\n", n);
	exit(3);
}

void *mm_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) oom(n);
	return p;
}

void *mm_calloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p) oom(n * sz);
	return p;
}

void *mm_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) oom(n);
	return q;
}

char *mm_strndup(const char *s, size_t n)
{
	char *p = mm_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *mm_strdup(const char *s) { return mm_strndup(s, strlen(s)); }

int mm_mkdir_p(const char *path)
{
	char *p = mm_strdup(path);
	for (char *s = p + 1; *s; ++s) {
		if (*s != '/') continue;
		*s = 0;
		if (mkdir(p, 0777) < 0 && errno != EEXIST) { free(p); return -1; }
		*s = '/';
	}
	int r = mkdir(p, 0777) < 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return r;
}

void mm_buf_grow(mm_buf *b, size_t extra)
{
	size_t need = b->l + extra + 1;
	if (need <= b->m) return;
	size_t m = b->m ? b->m : 64;
	while (m < need) m += m >> 1;
	b->s = mm_realloc(b->s, m);
	b->m = m;
}

void mm_buf_put(mm_buf *b, const void *p, size_t n)
{
	if (b->l + n + 1 > b->m) mm_buf_grow(b, n);
	memcpy(b->s + b->l, p, n);
	b->l += n;
	b->s[b->l] = 0;
}

void mm_buf_puts(mm_buf *b, const char *s) { mm_buf_put(b, s, strlen(s)); }

void mm_buf_printf(mm_buf *b, const char *fmt, ...)
{
	/* format once into the free space; again only when it did not fit */
	mm_buf_grow(b, 128);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->s + b->l, b->m - b->l, fmt, ap);
	va_end(ap);
	if (n < 0) { b->s[b->l] = 0; return; }
	if ((size_t)n >= b->m - b->l) {
		mm_buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->s + b->l, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->l += (size_t)n;
}

void mm_buf_putu(mm_buf *b, uint64_t v)
{
	if (b->l + 22 > b->m) mm_buf_grow(b, 21);
	if (v < 10) { /* most counts in a matrix */
		b->s[b->l++] = (char)('0' + v);
		b->s[b->l] = 0;
		return;
	}
	char tmp[24];
	int i = 24;
	do { tmp[--i] = (char)('0' + v % 10); v /= 10; } while (v);
	memcpy(b->s + b->l, tmp + i, (size_t)(24 - i));
	b->l += (size_t)(24 - i);
	b->s[b->l] = 0;
}

void mm_buf_free(mm_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->l = b->m = 0;
}

void mm_buf_json(mm_buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	mm_buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c >= 0x80) { /* a valid sequence as it is, an invalid byte as U+FFFD */
			int k = mm_utf8_len(u + i, n - i);
			if (k) mm_buf_put(b, u + i, (size_t)k);
			else mm_buf_puts(b, "\\ufffd");
			i += k ? (size_t)k : 1;
			continue;
		}
		if (c == '"' || c == '\\') { mm_buf_putc(b, '\\'); mm_buf_putc(b, c); }
		else if (c == '\n') mm_buf_puts(b, "\\n");
		else if (c == '\t') mm_buf_puts(b, "\\t");
		else if (c == '\r') mm_buf_puts(b, "\\r");
		else if (c < 0x20) mm_buf_printf(b, "\\u%04x", c);
		else mm_buf_putc(b, c);
		++i;
	}
	mm_buf_putc(b, '"');
}

double mm_realtime(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

double mm_cputime(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return r.ru_utime.tv_sec + r.ru_stime.tv_sec + 1e-6 * (r.ru_utime.tv_usec + r.ru_stime.tv_usec);
}

long mm_peakrss_kb(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return r.ru_maxrss;
}

uint64_t mm_fnv1a(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; ++i) { h ^= s[i]; h *= 0x100000001b3ULL; }
	return h;
}

void mm_warn(const char *fmt, ...)
{
	va_list ap;
	if (ferror(stderr)) return; /* a closed pipe (EPIPE): stop printing, go on working */
	va_start(ap, fmt);
	fputs("myomine: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* rarity rank of a byte in PubMed XML, higher is rarer: upper case 3,
 * digits 2, lower case 1, the rest 0 (< > / " = space: everywhere in
 * markup).  A table: mm_find ranks its needle's bytes on every call (7,000
 * calls per 10 MB of XML; as a function of comparisons they cost 4.4 M
 * instructions). */
#define R4(x) x, x, x, x
#define R16(x) R4(x), R4(x), R4(x), R4(x)
static const unsigned char rarity_tab[256] = {
	R16(0), R16(0), R16(0),                   /* 0x00-0x2f */
	R4(2), R4(2), 2, 2, 0, 0, 0, 0, 0, 0,     /* '0'-'9', then : ; < = > ? */
	0, R16(3), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,  /* '@', 'A'-'Z' */
	0, 0, 0, 0, 0,                            /* [ \ ] ^ _ */
	0, R16(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* '`', 'a'-'z' */
	0, 0, 0, 0, 0,                            /* { | } ~ DEL */
};
#undef R4
#undef R16
static inline int rarity(unsigned char c) { return rarity_tab[c]; }

#if MM_FIND_AVX2
/* mm_find's filter 32 positions at a time (where the CPU has AVX2): the
 * splitter's and the parser's searches for end tags read every byte of
 * PubMed XML, the splitter's on the inflating thread.  Leaves *pi at the
 * first start not yet tested. */
__attribute__((target("avx2")))
static const char *find_avx2(const char *hay, size_t last, const char *needle, size_t nn, size_t a, size_t b, size_t *pi)
{
	const __m256i va = _mm256_set1_epi8(needle[a]), vb = _mm256_set1_epi8(needle[b]);
	size_t i = 0;
	for (; i + 32 <= last + 1; i += 32) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(hay + i + a));
		__m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(hay + i + b));
		unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(x, va), _mm256_cmpeq_epi8(y, vb)));
		while (m) {
			unsigned k = (unsigned)__builtin_ctz(m);
			if (memcmp(hay + i + k, needle, nn) == 0) { *pi = i; return hay + i + k; }
			m &= m - 1;
		}
	}
	*pi = i;
	return NULL;
}
#endif

const char *mm_find(const char *hay, size_t n, const char *needle, size_t nn)
{
	if (nn == 0 || nn > n) return nn == 0 ? hay : NULL;
	if (nn == 1) return memchr(hay, needle[0], n);
	/* the two rarest bytes, first occurrence of each rank */
	size_t a = 0, b = nn - 1;
	for (size_t i = 0; i < nn; ++i)
		if (rarity((unsigned char)needle[i]) > rarity((unsigned char)needle[a])) a = i;
	int rb = -1;
	for (size_t i = 0; i < nn; ++i)
		if (i != a && rarity((unsigned char)needle[i]) > rb) { b = i; rb = rarity((unsigned char)needle[i]); }
	const size_t last = n - nn; /* last possible start */
	size_t i = 0;
#if MM_FIND_AVX2
	if (last >= 64 && __builtin_cpu_supports("avx2")) {
		const char *r = find_avx2(hay, last, needle, nn, a, b, &i);
		if (r) return r;
	}
#endif
#ifdef __SSE2__
	const __m128i va = _mm_set1_epi8(needle[a]), vb = _mm_set1_epi8(needle[b]);
	for (; i + 16 <= last + 1; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(hay + i + a));
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(hay + i + b));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(y, vb)));
		while (m) {
			unsigned k = (unsigned)__builtin_ctz(m);
			if (memcmp(hay + i + k, needle, nn) == 0) return hay + i + k;
			m &= m - 1;
		}
	}
#endif
	for (; i <= last; ++i)
		if (hay[i + a] == needle[a] && hay[i + b] == needle[b] && memcmp(hay + i, needle, nn) == 0) return hay + i;
	return NULL;
}

void mm_buf_path(mm_buf *b, const char *dir, const char *name)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/') --n;
	mm_buf_put(b, dir, n);
	if (!(n == 1 && dir[0] == '/')) mm_buf_putc(b, '/');
	mm_buf_puts(b, name);
}
