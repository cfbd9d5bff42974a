/* gzcrc.h -- the CRC-32 of gzip members (ISO 3309, as zlib's crc32()).
 *
 * zlib's inflate computes this check itself at about 3-4 GB/s, which is
 * 15-18 % of its running time on PubMed XML.  input.c turns zlib's check off
 * (inflateValidate) and checks the trailer with mm_crc32() instead, which on
 * x86-64 CPUs with PCLMULQDQ (checked at run time) folds 64 bytes per step
 * with carry-less multiplies, several times faster; elsewhere it is zlib's
 * crc32_z(). */
#ifndef MM_GZCRC_H
#define MM_GZCRC_H

#include <stddef.h>
#include <stdint.h>

/* Same contract as zlib's crc32_z(crc, p, n): start with crc = 0, feed the
 * bytes in any number of pieces. */
uint32_t mm_crc32(uint32_t crc, const void *p, size_t n);

/* 1 when mm_crc32() uses the carry-less multiply path on this CPU; setting
 * MYOMINE_CRC=zlib in the environment forces zlib's crc32_z (for tests). */
int mm_crc32_fast(void);

#endif
