/* text.h -- Unicode normalisation for matching, tokens and sentences.
 *
 * Normalised text (what the lexicon matcher and PCRE2 patterns see): ASCII
 * lower case (with fold), every dash and minus variant as '-', no-break and
 * other Unicode spaces as ' ', zero-width characters dropped, curly quotes
 * as ' and ", Greek letters spelled out (γ -> gamma, µ -> mu), Latin-1 and
 * Latin Extended-A letters without accents (ö -> o, ß -> ss), combining
 * diacritical marks (U+0300-U+036F) dropped (o + U+0308 -> o), full-width
 * ASCII as ASCII, super/subscript digits as digits, other symbols and
 * punctuation as '#'.  Every normalised byte maps back to the byte offset
 * of the source character in the original text (map[], one entry per byte
 * plus a final sentinel), so output offsets are always original offsets.
 *
 * A token is a maximal run of letters/digits (ASCII alnum or any non-ASCII
 * letter that survives normalisation).  Sentences never cross sections and
 * do not end after e.g., i.e., et al., vs., Fig., i.v., decimals or
 * initials.  A mm_text is per thread; rebuilding it reuses its buffers. */
#ifndef MM_TEXT_H
#define MM_TEXT_H

#include "doc.h"

typedef struct { uint32_t *a; size_t n, m; } mm_u32v;

static inline void mm_u32v_push(mm_u32v *v, uint32_t x)
{
	if (v->n == v->m) { v->m = v->m ? v->m * 2 : 256; v->a = mm_realloc(v->a, v->m * sizeof *v->a); }
	v->a[v->n++] = x;
}

static inline int mm_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Append the normalised form of s[0..n) to out and, when map != NULL, one
 * entry per output byte: base + offset of the source character. fold=1
 * lower-cases. Never fails (invalid UTF-8 is normalised like any symbol). */
void mm_normalize(const char *s, size_t n, int fold, mm_buf *out, mm_u32v *map, uint32_t base);

typedef struct {
	mm_buf norm;
	mm_u32v map;            /* norm.l + 1 entries */
	mm_u32v tok_s, tok_e;   /* token ranges in norm */
	mm_u32v tok_sent;       /* sentence of each token */
	mm_u32v sent_s, sent_e; /* sentence ranges in norm */
	mm_u32v sent_sec;       /* section of each sentence */
} mm_text;

/* Build t (normalised text, map, tokens, sentences) from d's text and
 * sections, reusing t's buffers; never fails. t is the caller's and
 * independent of d afterwards. */
void mm_text_build(mm_text *t, const mm_doc *d);
/* Free what t holds and zero it. */
void mm_text_free(mm_text *t);

#endif
