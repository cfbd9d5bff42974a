/* util.h -- small shared helpers: growable byte buffers, checked allocation,
 * clocks and resource usage.  Nothing here is thread-unsafe except where a
 * function says so: every helper works on memory its caller owns. */
#ifndef MM_UTIL_H
#define MM_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define MM_VERSION "0.1.0"

/* The error convention of every module (each header states its functions'
 * returns in these terms):
 *  - a function that can fail and returns int returns 0 (or a count >= 0) on
 *    success and -1 on error; a function with more outcomes than that returns
 *    an enum whose names say them (mm_split_status, mm_match_status, ...);
 *  - a function that returns a pointer returns NULL on error;
 *  - the message of an error goes to the caller's mm_buf *err (or char *err,
 *    err_len) and names the file and the byte offset or line where one is
 *    known; library code never prints and never exits (allocation failure
 *    excepted, see mm_malloc);
 *  - a result that must be checked carries MM_WUR, so that ignoring it is a
 *    compiler warning. */
#define MM_WUR __attribute__((warn_unused_result))

/* A growable byte string (always NUL-terminated when s != NULL). */
typedef struct {
	size_t l, m;
	char *s;
} mm_buf;

/* Allocation never returns NULL: on exhaustion the process prints a message
 * and exits with status 3 (documented as "out of memory"). */
void *mm_malloc(size_t n);
void *mm_calloc(size_t n, size_t sz);
void *mm_realloc(void *p, size_t n);
char *mm_strdup(const char *s);
/* mkdir -p: create path and its missing parents; 0 (also when it exists),
 * or -1 with errno set. */
int mm_mkdir_p(const char *path) MM_WUR;
/* Append the path of name inside dir to b: dir without its trailing
 * slashes ("/" stays "/"), one slash, name. */
void mm_buf_path(mm_buf *b, const char *dir, const char *name);
char *mm_strndup(const char *s, size_t n);

/* The mm_buf functions never fail (allocation failure exits): grow makes
 * room for extra more bytes and the NUL; the put functions append. A
 * zeroed mm_buf is empty; mm_buf_free releases it and zeroes it. */
void mm_buf_grow(mm_buf *b, size_t extra);
static inline void mm_buf_putc(mm_buf *b, int c)
{
	if (b->l + 2 > b->m) mm_buf_grow(b, 1);
	b->s[b->l++] = (char)c;
	b->s[b->l] = 0;
}
void mm_buf_put(mm_buf *b, const void *p, size_t n);
void mm_buf_puts(mm_buf *b, const char *s);
void mm_buf_printf(mm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mm_buf_putu(mm_buf *b, uint64_t v);   /* decimal, fast */
void mm_buf_free(mm_buf *b);

/* Append s as a JSON string literal (quotes included): always valid JSON
 * and UTF-8; each byte of s that is not part of a valid UTF-8 sequence (a
 * file name in another encoding) is written as \ufffd. */
void mm_buf_json(mm_buf *b, const char *s);

double mm_realtime(void);   /* seconds since an arbitrary epoch */
double mm_cputime(void);    /* user + system CPU seconds of the process */
long mm_peakrss_kb(void);   /* peak resident set size in kB */

/* 64-bit mixing hash for integer keys, and FNV-1a for bytes. */
static inline uint64_t mm_hash64(uint64_t k)
{
	k ^= k >> 33; k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}
uint64_t mm_fnv1a(const void *p, size_t n);

/* memmem() for the markup searches of the record splitter and the XML
 * parser: the first occurrence of needle (nn > 0 bytes) in hay[0..n), or
 * NULL.  Filters 16 positions at a time on two of the needle's bytes (SSE2
 * on x86-64), preferring upper-case letters, which are rare in XML markup
 * and text: "</PubmedArticle>" is filtered on 'P' and 'A'. */
const char *mm_find(const char *hay, size_t n, const char *needle, size_t nn);

/* Length (1-4) of the valid UTF-8 sequence at s (n > 0 bytes available),
 * or 0 when it is invalid (overlong, surrogate, truncated, > U+10FFFF). */
static inline int mm_utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80) return 1;
	if (c < 0xC2) return 0;
	if (c < 0xE0) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
		if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
		if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
		if (c == 0xF0 && s[1] < 0x90) return 0;
		if (c == 0xF4 && s[1] >= 0x90) return 0;
		return 4;
	}
	return 0;
}

extern int mm_verbose; /* 0 with -q */
/* Messages for humans go to stderr prefixed with "myomine: ". */
void mm_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
