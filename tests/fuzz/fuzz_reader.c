/* fuzz_reader.c -- input.h reader + format detection + split.h splitter.
 * The input goes through a memfd (opened by path as the pipeline does) as is,
 * detected and under one forced format with a 4 KB record limit; stretched
 * past one read of input.c; then gzip-compressed in memory (unless it is
 * already gzip) and a truncated copy of the gzip stream.  Records must be the
 * input's own bytes, in order; each is parsed as the pipeline would.  The
 * pipeline's zero-copy mode (mm_splitter_hold/take) runs on every input too:
 * the records taken must be the bytes that were returned; and again with
 * PubMed XML read in chunks (mm_splitter_next_chunk) split afterwards
 * (mm_splitter_mem), whose records must also be the input's bytes in order. */
#include "split.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#define PAD 300000 /* > input.c's 256 KB read: records straddle two reads */

typedef struct { size_t at, n; uint64_t h; } held;

/* take the held records and check that they are the bytes returned */
static void take_check(mm_splitter *s, char **buf, size_t *cap, held *h, size_t *nh)
{
	mm_splitter_take(s, buf, cap);
	for (size_t i = 0; i < *nh; ++i)
		if (h[i].at + h[i].n > *cap || mm_fnv1a(*buf + h[i].at, h[i].n) != h[i].h) abort();
	*nh = 0;
}

/* plain: the uncompressed bytes when known, to check records against;
 * max_rec: the splitter's record size limit, 0 for its default */
/* Parse a record as the pipeline does: a record that fails says why. */
static void parse(const mm_rawrec *rec, mm_doc *d)
{
	int rc = rec->kind == MM_REC_MEDLINE ? mm_medline_parse(rec->p, rec->n, d)
	       : rec->kind == MM_REC_PUBTATOR ? mm_pubtator_parse(rec->p, rec->n, d)
	       : mm_pubmed_parse(rec->p, rec->n, rec->kind, d);
	if (rc < 0 && d->err.l == 0) abort();
}

static void run1(const void *p, size_t n, mm_format fmt, const uint8_t *plain, size_t plain_n, size_t max_rec, int hold)
{
	char path[64], err[256];
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, p, n) != (ssize_t)n) abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	mm_reader *r = mm_reader_open(path, err, sizeof err);
	mm_splitter *s = r ? mm_splitter_new(r, fmt, err, sizeof err) : NULL;
	if (s && max_rec) mm_splitter_set_max_record(s, max_rec);
	if (s && hold) mm_splitter_hold(s);
	held h[8];
	size_t nh = 0, every = 1 + n % 8;
	char *tbuf = NULL;
	size_t tcap = 0;
	mm_buf msg = {0};
	mm_doc d = {0};
	mm_rawrec rec;
	mm_split_status st;
	uint64_t last = 0;
	size_t want = 1 + n % 9000;
	while (s && (st = hold == 2 && nh == 0 ? mm_splitter_next_chunk(s, want, &rec, &msg) : mm_splitter_next(s, &rec, &msg)) != MM_SPLIT_END &&
	       st != MM_SPLIT_FATAL) {
		msg.l = 0;
		if (st != MM_SPLIT_RECORD) continue;
		if (rec.kind == MM_REC_CHUNK) { /* split as a worker does */
			if (rec.n == 0 || rec.offset < last || rec.offset + rec.n > mm_reader_out_bytes(r)) abort();
			if (plain && (rec.offset + rec.n > plain_n || memcmp(rec.p, plain + rec.offset, rec.n) != 0)) abort();
			mm_splitter *c = mm_splitter_mem(rec.p, rec.n, rec.offset, mm_splitter_root(s), max_rec ? max_rec : (size_t)16 << 20);
			mm_rawrec sub;
			mm_split_status cs;
			while ((cs = mm_splitter_next(c, &sub, &msg)) != MM_SPLIT_END && cs != MM_SPLIT_FATAL) {
				msg.l = 0;
				if (cs != MM_SPLIT_RECORD) continue;
				if (sub.n == 0 || sub.offset < last || sub.offset + sub.n > rec.offset + rec.n || sub.p != rec.p + sub.at) abort();
				last = sub.offset + sub.n;
				parse(&sub, &d);
			}
			msg.l = 0;
			mm_splitter_free(c);
			last = rec.offset + rec.n;
			h[nh++] = (held){ rec.at, rec.n, mm_fnv1a(rec.p, rec.n) };
			take_check(s, &tbuf, &tcap, h, &nh); /* a chunk is its batch */
			continue;
		}
		if (rec.n == 0 || rec.offset < last || rec.offset + rec.n > mm_reader_out_bytes(r)) abort();
		last = rec.offset + rec.n;
		if (plain && (last > plain_n || memcmp(rec.p, plain + rec.offset, rec.n) != 0)) abort();
		if (hold) {
			h[nh++] = (held){ rec.at, rec.n, mm_fnv1a(rec.p, rec.n) };
			if (nh == every) {
				if (rec.offset & 1) { free(tbuf); tbuf = NULL; tcap = 0; } /* keep only the unread bytes */
				take_check(s, &tbuf, &tcap, h, &nh);
			}
		}
		parse(&rec, &d);
	}
	if (s && hold) take_check(s, &tbuf, &tcap, h, &nh);
	free(tbuf);
	mm_doc_free(&d);
	mm_buf_free(&msg);
	mm_splitter_free(s);
	mm_reader_close(r);
	close(fd);
}

static void run(const void *p, size_t n, mm_format fmt, const uint8_t *plain, size_t plain_n, size_t max_rec)
{
	run1(p, n, fmt, plain, plain_n, max_rec, 0);
	run1(p, n, fmt, plain, plain_n, max_rec, 1);
	run1(p, n, fmt, plain, plain_n, max_rec, 2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
	const uint8_t *plain = gz ? NULL : data;
	run(data, size, MM_FMT_AUTO, plain, size, 0);
	run(data, size, MM_FMT_PUBMED + size % 3, plain, size, 4096); /* a forced format (--format) */
	if (gz) { run(data, size / 2, MM_FMT_AUTO, NULL, 0, 0); return 0; }
	/* stretched: PAD spaces or newlines inserted at the first newline */
	const uint8_t *nl = memchr(data, '\n', size);
	size_t at = nl ? (size_t)(nl - data) : size / 2;
	uint8_t *big = malloc(size + PAD);
	memcpy(big, data, at);
	memset(big + at, size & 1 ? ' ' : '\n', PAD);
	memcpy(big + at + PAD, data + at, size - at);
	run(big, size + PAD, MM_FMT_AUTO, big, size + PAD, 4096);
	free(big);
	/* gzip-compressed, whole and cut somewhere inside */
	uLongf zn = compressBound(size) + 32;
	unsigned char *z = malloc(zn);
	z_stream zs = {0};
	if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) abort();
	zs.next_in = (Bytef *)data; zs.avail_in = (uInt)size;
	zs.next_out = z; zs.avail_out = (uInt)zn;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END) abort();
	run(z, zs.total_out, MM_FMT_AUTO, data, size, 0);
	run(z, zs.total_out - 1 - size % (zs.total_out - 2), MM_FMT_AUTO, data, size, 0);
	deflateEnd(&zs);
	free(z);
	return 0;
}
