/* input.h -- streaming byte source: plain or gzip (single or multi-member)
 * files and stdin, decompressed with zlib in constant memory.
 *
 * A reader belongs to one thread at a time. Errors are sticky: once
 * mm_reader_read() returns -1, mm_reader_error() describes the fault with the
 * compressed and uncompressed byte offsets at which it was found. */
#ifndef MM_INPUT_H
#define MM_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct mm_reader mm_reader;

/* Open PATH ("-" is standard input). Returns NULL when the file cannot be
 * opened, with the reason in err (err_len bytes). */
mm_reader *mm_reader_open(const char *path, char *err, size_t err_len);

/* Read up to n decompressed bytes. Returns the number of bytes read (> 0),
 * 0 at a clean end of input, -1 on error (truncated or corrupt gzip data,
 * trailing garbage after a gzip member, read error). */
ssize_t mm_reader_read(mm_reader *r, void *buf, size_t n);

const char *mm_reader_error(const mm_reader *r);
uint64_t mm_reader_in_bytes(const mm_reader *r);  /* bytes read from the file */
uint64_t mm_reader_out_bytes(const mm_reader *r); /* bytes delivered (uncompressed) */
int mm_reader_is_gzip(const mm_reader *r);
int mm_reader_members(const mm_reader *r);        /* gzip members seen */
void mm_reader_close(mm_reader *r);

/* "zlib", or "isa-l" in a build with -DMM_ISAL (make inflate=isal). */
const char *mm_reader_backend(void);

#endif
