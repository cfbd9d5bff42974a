/* gzcrc.h -- the CRC-32 of gzip members (ISO 3309, as zlib's crc32()).
 *
 * zlib's inflate computes this check itself at about 3-4 GB/s, which is
 * 15-18 % of its running time on PubMed XML.  input.c turns zlib's check off
 * (inflateValidate) and checks the trailer with mm_crc32() instead, which on
 * x86-64 CPUs with PCLMULQDQ (checked at run time) folds 64 bytes per step
 * with carry-less multiplies (10-14 GB/s), and 256 bytes per step with
 * 512-bit VPCLMULQDQ where the CPU has it and AVX-512 (about 50 GB/s);
 * elsewhere it is zlib's crc32_z(). */
#ifndef MM_GZCRC_H
#define MM_GZCRC_H

#include <stddef.h>
#include <stdint.h>

/* Same contract as zlib's crc32_z(crc, p, n): start with crc = 0, feed the
 * bytes in any number of pieces. */
uint32_t mm_crc32(uint32_t crc, const void *p, size_t n);

/* 0 when mm_crc32() is zlib's crc32_z on this CPU, 1 with 128-bit
 * carry-less multiplies, 2 with 512-bit ones. MYOMINE_CRC=zlib in the
 * environment forces 0, MYOMINE_CRC=clmul128 at most 1 (for tests). */
int mm_crc32_fast(void);

#endif
