/* gzcrc.c -- see gzcrc.h.
 *
 * The fast path is the folding method of Gopal et al., "Fast CRC computation
 * for generic polynomials using PCLMULQDQ instruction" (Intel, 2009), for the
 * bit-reflected polynomial 0x104C11DB7: four 128-bit lanes are each
 * multiplied by x^(512+64) and x^512 mod P and xored into the next 64 bytes;
 * at the end the lanes are folded into one (x^(128+64), x^128), reduced to
 * 64 and then 32 bits, and a Barrett reduction gives the remainder.  The
 * constants below are those values, bit-reflected, as in the paper: for a
 * fold over D bits, x^(D+32) and x^(D-32) mod P (D = 512: 0x154442bd4 and
 * 0x1c6e41596; D = 2048, the 512-bit loop: 0x11542778a and 0x1322d1430). */
#include "gzcrc.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MM_CRC_CLMUL 1
#include <immintrin.h>

#define CLMUL __attribute__((target("pclmul,sse4.1")))

CLMUL static inline __m128i fold16(__m128i x, __m128i k, __m128i next)
{
	__m128i lo = _mm_clmulepi64_si128(x, k, 0x00);
	__m128i hi = _mm_clmulepi64_si128(x, k, 0x11);
	return _mm_xor_si128(_mm_xor_si128(lo, hi), next);
}

/* Fold the 64-byte state x1..x4 over the rest (n % 16 == 0) and reduce it:
 * the CRC register (not inverted). */
CLMUL static uint32_t clmul_tail(__m128i x1, __m128i x2, __m128i x3, __m128i x4, const unsigned char *p, size_t n)
{
	const __m128i k12 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4);
	const __m128i k34 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
	const __m128i k5 = _mm_set_epi64x(0, 0x163cd6124);
	const __m128i poly = _mm_set_epi64x(0x1f7011641, 0x1db710641); /* mu, P */
	const __m128i mask32 = _mm_setr_epi32(-1, 0, 0, 0);
	for (; n >= 64; p += 64, n -= 64) {
		x1 = fold16(x1, k12, _mm_loadu_si128((const __m128i *)(const void *)p));
		x2 = fold16(x2, k12, _mm_loadu_si128((const __m128i *)(const void *)(p + 16)));
		x3 = fold16(x3, k12, _mm_loadu_si128((const __m128i *)(const void *)(p + 32)));
		x4 = fold16(x4, k12, _mm_loadu_si128((const __m128i *)(const void *)(p + 48)));
	}
	x1 = fold16(x1, k34, x2);
	x1 = fold16(x1, k34, x3);
	x1 = fold16(x1, k34, x4);
	for (; n >= 16; p += 16, n -= 16)
		x1 = fold16(x1, k34, _mm_loadu_si128((const __m128i *)(const void *)p));
	/* 128 -> 64 bits (this also appends the 32 zero bits of the remainder) */
	__m128i t = _mm_clmulepi64_si128(k34, x1, 0x01);
	x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), t);
	/* 64 -> 32 */
	t = _mm_clmulepi64_si128(_mm_and_si128(x1, mask32), k5, 0x00);
	x1 = _mm_xor_si128(_mm_srli_si128(x1, 4), t);
	/* Barrett reduction */
	t = _mm_clmulepi64_si128(_mm_and_si128(x1, mask32), poly, 0x10);
	t = _mm_clmulepi64_si128(_mm_and_si128(t, mask32), poly, 0x00);
	x1 = _mm_xor_si128(x1, t);
	return (uint32_t)_mm_extract_epi32(x1, 1);
}

/* The CRC register (not inverted) after n bytes; n >= 64, n % 16 == 0. */
CLMUL static uint32_t clmul_crc(uint32_t reg, const unsigned char *p, size_t n)
{
	__m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
	__m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
	__m128i x4 = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
	x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)reg));
	return clmul_tail(x1, x2, x3, x4, p + 64, n - 64);
}

/* The same with 512-bit carry-less multiplies (VPCLMULQDQ): four registers
 * of four lanes fold 256 bytes per step (x^(2048+32), x^(2048-32)); at the
 * end they are folded into one (by 64 bytes, the constants above), whose
 * lanes are clmul_tail's state. n >= 256, n % 16 == 0. */
#define VCLMUL __attribute__((target("avx512f,avx512vl,vpclmulqdq,pclmul,sse4.1")))

VCLMUL static inline __m512i fold64(__m512i x, __m512i k, __m512i next)
{
	__m512i lo = _mm512_clmulepi64_epi128(x, k, 0x00);
	__m512i hi = _mm512_clmulepi64_epi128(x, k, 0x11);
	return _mm512_ternarylogic_epi64(lo, hi, next, 0x96); /* lo ^ hi ^ next */
}

VCLMUL static uint32_t vclmul_crc(uint32_t reg, const unsigned char *p, size_t n)
{
	const __m512i k256 = _mm512_broadcast_i32x4(_mm_set_epi64x(0x1322d1430, 0x11542778a));
	const __m512i k64 = _mm512_broadcast_i32x4(_mm_set_epi64x(0x1c6e41596, 0x154442bd4));
	__m512i z0 = _mm512_loadu_si512(p), z1 = _mm512_loadu_si512(p + 64);
	__m512i z2 = _mm512_loadu_si512(p + 128), z3 = _mm512_loadu_si512(p + 192);
	z0 = _mm512_xor_si512(z0, _mm512_zextsi128_si512(_mm_cvtsi32_si128((int)reg)));
	p += 256, n -= 256;
	for (; n >= 256; p += 256, n -= 256) {
		z0 = fold64(z0, k256, _mm512_loadu_si512(p));
		z1 = fold64(z1, k256, _mm512_loadu_si512(p + 64));
		z2 = fold64(z2, k256, _mm512_loadu_si512(p + 128));
		z3 = fold64(z3, k256, _mm512_loadu_si512(p + 192));
	}
	z1 = fold64(z0, k64, z1);
	z2 = fold64(z1, k64, z2);
	z3 = fold64(z2, k64, z3);
	return clmul_tail(_mm512_extracti32x4_epi32(z3, 0), _mm512_extracti32x4_epi32(z3, 1),
	                  _mm512_extracti32x4_epi32(z3, 2), _mm512_extracti32x4_epi32(z3, 3), p, n);
}
#endif

static int fast = -1; /* unknown yet; 1: PCLMULQDQ, 2: also 512-bit VPCLMULQDQ */

int mm_crc32_fast(void)
{
	int f = __atomic_load_n(&fast, __ATOMIC_RELAXED);
	if (f < 0) {
		f = 0;
#ifdef MM_CRC_CLMUL
		__builtin_cpu_init();
		f = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
		if (f && __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("avx512vl")) f = 2;
		const char *v = getenv("MYOMINE_CRC");
		if (f == 2 && v && strcmp(v, "clmul128") == 0) f = 1; /* for tests */
#endif
		const char *e = getenv("MYOMINE_CRC");
		if (e && strcmp(e, "zlib") == 0) f = 0;
		__atomic_store_n(&fast, f, __ATOMIC_RELAXED); /* racing threads store the same */
	}
	return f;
}

uint32_t mm_crc32(uint32_t crc, const void *p, size_t n)
{
	const unsigned char *s = p;
#ifdef MM_CRC_CLMUL
	int f;
	if (n >= 64 && (f = mm_crc32_fast())) {
		size_t bulk = n & ~(size_t)15;
		crc = f == 2 && bulk >= 256 ? ~vclmul_crc(~crc, s, bulk) : ~clmul_crc(~crc, s, bulk);
		s += bulk;
		n -= bulk;
	}
#endif
	return (uint32_t)crc32_z(crc, s, n);
}
