/* input.c -- see input.h.  zlib's inflate() is driven directly (not gzread)
 * so that a truncated stream, corrupt data and trailing garbage are each
 * reported with their offsets instead of being silently accepted. */
#include "input.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define IN_BUF (256 * 1024)

struct mm_reader {
	int fd, own_fd;
	int gzip, members, eof_in, in_member, failed;
	z_stream z;
	unsigned char *in;
	size_t in_len, in_pos;  /* valid bytes in `in`, consumed bytes (plain mode) */
	uint64_t in_total;      /* bytes read from fd */
	uint64_t out_total;
	char err[256];
};

static int fill(mm_reader *r)
{
	/* Move unconsumed input to the front, then read more. Returns bytes read,
	 * 0 at EOF, -1 on error. */
	size_t keep = r->gzip ? r->z.avail_in : r->in_len - r->in_pos;
	const unsigned char *from = r->gzip ? r->z.next_in : r->in + r->in_pos;
	if (keep && from != r->in) memmove(r->in, from, keep);
	r->in_len = keep;
	r->in_pos = 0;
	ssize_t n;
	do n = read(r->fd, r->in + keep, IN_BUF - keep);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		snprintf(r->err, sizeof r->err, "read error at byte %llu: %s",
		         (unsigned long long)r->in_total, strerror(errno));
		return -1;
	}
	if (n == 0) r->eof_in = 1;
	r->in_len += (size_t)n;
	r->in_total += (uint64_t)n;
	if (r->gzip) { r->z.next_in = r->in; r->z.avail_in = (uInt)r->in_len; }
	return (int)(n > 0);
}

mm_reader *mm_reader_open(const char *path, char *err, size_t err_len)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(err, err_len, "cannot open: %s", strerror(errno));
		return NULL;
	}
	mm_reader *r = mm_calloc(1, sizeof *r);
	r->fd = fd;
	r->own_fd = fd != 0;
	r->in = mm_malloc(IN_BUF);
	if (fill(r) < 0) {
		snprintf(err, err_len, "%s", r->err);
		mm_reader_close(r);
		return NULL;
	}
	/* The first read may return a short count (pipes); get at least 2 bytes
	 * to recognise the gzip magic. */
	while (r->in_len < 2 && !r->eof_in)
		if (fill(r) < 0) { snprintf(err, err_len, "%s", r->err); mm_reader_close(r); return NULL; }
	if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
		r->gzip = 1;
		if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK) {
			snprintf(err, err_len, "zlib initialisation failed");
			free(r->in); free(r);
			if (fd) close(fd);
			return NULL;
		}
		r->z.next_in = r->in;
		r->z.avail_in = (uInt)r->in_len;
		r->in_member = 1;
		r->members = 1;
	}
	return r;
}

/* Record the error; the bytes inflated before it in this call (want -
 * avail_out) are still delivered, and the error is returned next time. */
static ssize_t fail(mm_reader *r, const char *what, uInt want)
{
	size_t got = want - r->z.avail_out;
	uint64_t consumed = r->in_total - r->z.avail_in;
	snprintf(r->err, sizeof r->err, "%s at compressed byte %llu (uncompressed byte %llu)",
	         what, (unsigned long long)consumed, (unsigned long long)(r->out_total + got));
	r->failed = 1;
	if (got) { r->out_total += got; return (ssize_t)got; }
	return -1;
}

ssize_t mm_reader_read(mm_reader *r, void *buf, size_t n)
{
	if (r->failed) return -1;
	if (!r->gzip) {
		if (r->in_pos == r->in_len) {
			if (r->eof_in) return 0;
			int k = fill(r);
			if (k < 0) { r->failed = 1; return -1; }
			if (r->in_len == 0) return 0;
		}
		size_t m = r->in_len - r->in_pos;
		if (m > n) m = n;
		memcpy(buf, r->in + r->in_pos, m);
		r->in_pos += m;
		r->out_total += m;
		return (ssize_t)m;
	}
	r->z.next_out = buf;
	r->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
	uInt want = r->z.avail_out;
	while (r->z.avail_out == want) {
		if (!r->in_member) {
			/* Between members: skip nothing; another member must start here. */
			if (r->z.avail_in < 2 && !r->eof_in) {
				if (fill(r) < 0) { r->failed = 1; return -1; }
				continue;
			}
			if (r->z.avail_in == 0) return 0; /* clean end after a complete member */
			if (r->z.avail_in >= 2 && r->z.next_in[0] == 0x1f && r->z.next_in[1] == 0x8b) {
				inflateReset(&r->z);
				r->in_member = 1;
				r->members++;
				continue;
			}
			return fail(r, "trailing garbage after gzip member", want);
		}
		if (r->z.avail_in == 0) {
			if (r->eof_in) return fail(r, "truncated gzip stream (unexpected end of file)", want);
			if (fill(r) < 0) { char m[200]; snprintf(m, sizeof m, "%.199s", r->err); return fail(r, m, want); }
			continue;
		}
		int ret = inflate(&r->z, Z_NO_FLUSH);
		if (ret == Z_STREAM_END) {
			r->in_member = 0;
			continue;
		}
		if (ret == Z_DATA_ERROR) {
			char what[160];
			snprintf(what, sizeof what, "corrupt gzip data (%s; text inflated shortly before may be garbled)", r->z.msg ? r->z.msg : "data error");
			return fail(r, what, want);
		}
		if (ret == Z_MEM_ERROR) return fail(r, "zlib out of memory", want);
		if (ret != Z_OK && ret != Z_BUF_ERROR) return fail(r, "zlib error", want);
	}
	size_t got = want - r->z.avail_out;
	r->out_total += got;
	return (ssize_t)got;
}

const char *mm_reader_error(const mm_reader *r) { return r->err; }
uint64_t mm_reader_in_bytes(const mm_reader *r) { return r->in_total; }
uint64_t mm_reader_out_bytes(const mm_reader *r) { return r->out_total; }
int mm_reader_is_gzip(const mm_reader *r) { return r->gzip; }
int mm_reader_members(const mm_reader *r) { return r->members; }

void mm_reader_close(mm_reader *r)
{
	if (!r) return;
	if (r->gzip) inflateEnd(&r->z);
	if (r->own_fd) close(r->fd);
	free(r->in);
	free(r);
}
