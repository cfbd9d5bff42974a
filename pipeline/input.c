/* input.c -- see input.h.  zlib's inflate() is driven directly (not gzread)
 * so that a truncated stream, corrupt data and trailing garbage are each
 * reported with their offsets instead of being silently accepted.
 *
 * Built with -DMM_ISAL (make inflate=isal), gzip members are inflated with
 * ISA-L's isal_inflate() (crc_flag ISAL_GZIP: it parses the header and
 * checks CRC-32 and ISIZE), with the same member and trailing-garbage
 * handling.  ISA-L and zlib find corrupt data at slightly different places,
 * and ISA-L may hold back the last literals before a truncation, so when
 * ISA-L finds a truncated or corrupt member in a regular file, or cannot
 * read the rest of it, the member is read again with zlib, which has the
 * last word: the bytes and the messages are then exactly those of the zlib
 * build.  Only a pipe's faults are reported by ISA-L itself (same messages,
 * offsets within a few bytes). */
#include "input.h"
#include "gzcrc.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#ifdef MM_ISAL
#include <sys/stat.h>
#include <isa-l/igzip_lib.h>
#endif

#define IN_BUF (256 * 1024)
#ifdef MM_ISAL
/* isal_inflate() first decodes into its own 64 KB window and copies out what
 * fits; reads smaller than this are inflated into r->stage and served from
 * there, so that every byte decoded before a fault is delivered. */
#define ISAL_MIN_OUT (128 * 1024)
#endif

struct mm_reader {
	int fd, own_fd;
	int gzip, members, eof_in, in_member, failed;
	int drained;            /* the last inflate call wrote all it could from its
	                         * input (0: the output filled up; it may hold more) */
	z_stream z;
	int own_crc;            /* this member's trailer is checked here, not by zlib */
	uint32_t crc, isize;    /* ... against its CRC-32 and length so far */
	unsigned char tail[8];  /* the 8 input bytes before r->in[0] (gzip) */
	unsigned char *in;
	size_t in_len, in_pos;  /* valid bytes in `in`, consumed bytes (plain mode) */
	uint64_t in_total;      /* bytes read from fd */
	uint64_t out_total;
	char err[256];
#ifdef MM_ISAL
	int isal;                 /* ISA-L inflates (until a fault hands over to zlib) */
	struct inflate_state *st;
	unsigned char *stage;     /* inflated, not yet delivered (small reads) */
	size_t stage_pos, stage_len;
	int fault;                /* r->err is set: fail once the stage is delivered */
	int refetch;              /* a fault: zlib reads the member again (to_zlib) */
	int header;               /* a member starts: its method and flags unchecked */
	off_t start;              /* file offset of byte 0 (regular files), or -1 */
	uint64_t member_in;       /* compressed offset of the current member */
	uint64_t member_out;      /* uncompressed offset of its first byte */
#endif
};

/* The 8 input bytes before `end` (a pointer into r->in), e.g. the trailer of
 * the member inflate has just finished. */
static void last8(const mm_reader *r, const unsigned char *end, unsigned char out[8])
{
	size_t c = (size_t)(end - r->in);
	if (c >= 8) { memcpy(out, end - 8, 8); return; }
	memmove(out, r->tail + c, 8 - c);
	memcpy(out + 8 - c, r->in, c);
}

static uint32_t le32(const unsigned char *t)
{
	return (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
}

/* zlib starts a member at next_in.  zlib's own CRC-32 is 15-18 % of its
 * inflate time; where mm_crc32() is faster, zlib's checks are turned off
 * and mm_reader_read() checks the trailer (CRC-32 and ISIZE).  Not when the
 * header has its own CRC-16 (FHCRC, rare): zlib checks that only while it
 * checks the trailer too. */
static void member_begin(mm_reader *r)
{
	r->crc = r->isize = 0;
	r->own_crc = mm_crc32_fast() && r->z.avail_in >= 4 && !(r->z.next_in[3] & 2);
	inflateValidate(&r->z, !r->own_crc);
}

static int fill(mm_reader *r)
{
	/* Move unconsumed input to the front, then read more. Returns bytes read,
	 * 0 at EOF, -1 on error. */
	size_t keep = r->gzip ? r->z.avail_in : r->in_len - r->in_pos;
	const unsigned char *from = r->gzip ? r->z.next_in : r->in + r->in_pos;
#ifdef MM_ISAL
	if (r->isal) {
		keep = r->st->avail_in;
		from = r->st->next_in;
	}
#endif
	if (r->gzip) last8(r, from, r->tail);
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
#ifdef MM_ISAL
	if (r->isal) { r->st->next_in = r->in; r->st->avail_in = (uint32_t)r->in_len; }
#endif
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
#ifdef MM_ISAL
	struct stat sb;
	r->start = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? lseek(fd, 0, SEEK_CUR) : -1;
#endif
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
#ifdef MM_ISAL
		/* zlib is initialised only if a fault hands the member over */
		r->isal = 1;
		r->st = mm_malloc(sizeof *r->st);
		isal_inflate_init(r->st);
		r->st->crc_flag = ISAL_GZIP;
		r->st->next_in = r->in;
		r->st->avail_in = (uint32_t)r->in_len;
		r->in_member = 1;
		r->members = 1;
		r->header = 1;
		return r;
#endif
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
		member_begin(r);
	}
	return r;
}

/* Record the error; the bytes inflated before it in this call (want -
 * avail_out) are still delivered, and the error is returned next time. */
static ssize_t fail_at(mm_reader *r, const char *what, uInt want, unsigned back)
{
	size_t got = want - r->z.avail_out;
	uint64_t consumed = r->in_total - r->z.avail_in - back;
	snprintf(r->err, sizeof r->err, "%s at compressed byte %llu (uncompressed byte %llu)",
	         what, (unsigned long long)consumed, (unsigned long long)(r->out_total + got));
	r->failed = 1;
	if (got) { r->out_total += got; return (ssize_t)got; }
	return -1;
}

/* Deliver up to n bytes of src[*pos..len) (plain input, or bytes ISA-L
 * inflated ahead into r->stage). */
static ssize_t serve(mm_reader *r, void *buf, size_t n, const unsigned char *src, size_t *pos, size_t len)
{
	size_t m = len - *pos;
	if (m > n) m = n;
	memcpy(buf, src + *pos, m);
	*pos += m;
	r->out_total += m;
	return (ssize_t)m;
}

/* ... found `back` bytes before the input zlib has consumed */
static ssize_t fail(mm_reader *r, const char *what, uInt want) { return fail_at(r, what, want, 0); }

#define BAD_CRC "corrupt gzip data (incorrect data check; text inflated shortly before may be garbled)"

/* The input ends inside a member whose trailer this reader checks.  When the
 * deflate data is complete and the trailer is cut after its CRC-32, zlib
 * (checking) reports a wrong CRC-32 before the truncation.  Whether zlib is
 * in the trailer is seen on a copy of its state: fed m <= 4 more bytes, it
 * ends the member without output.  Returns m when the CRC-32 is whole and
 * wrong, 0 otherwise.  Runs only at a truncation. */
static int cut_after_bad_crc(mm_reader *r)
{
	z_stream c;
	if (inflateCopy(&c, &r->z) != Z_OK) return 0;
	unsigned char zero = 0, out;
	int missing = 0;
	for (int m = 1; m <= 4; ++m) {
		c.next_in = &zero, c.avail_in = 1;
		c.next_out = &out, c.avail_out = 1;
		int ret = inflate(&c, Z_NO_FLUSH);
		if (c.avail_out == 0) break; /* output: still in the deflate data */
		if (ret == Z_STREAM_END) { missing = m; break; }
		if (ret != Z_OK && ret != Z_BUF_ERROR) break;
	}
	inflateEnd(&c);
	if (!missing) return 0;
	unsigned char t[8]; /* the last 8 - missing bytes are the trailer's */
	last8(r, r->z.next_in, t);
	return le32(t + missing) != r->crc ? missing : 0;
}

/* fail() for a read error: fill()'s message, with the offsets. */
static ssize_t fail_read(mm_reader *r, uInt want)
{
	char m[200];
	snprintf(m, sizeof m, "%.199s", r->err);
	return fail(r, m, want);
}

#ifdef MM_ISAL
/* A fault found by ISA-L, reported by ISA-L (a pipe, or zlib could not take
 * over): r->err as fail() writes it.  The compressed offset is where the
 * decoder is (the input it has taken in, less `back` bytes read ahead), the
 * uncompressed one the bytes delivered before the fault; got bytes inflated
 * before it in this call are still delivered, then reads fail. */
static size_t isal_fault(mm_reader *r, const char *what, size_t got, unsigned back)
{
	uint64_t consumed = r->in_total - r->st->avail_in - back;
	snprintf(r->err, sizeof r->err, "%s at compressed byte %llu (uncompressed byte %llu)",
	         what, (unsigned long long)consumed, (unsigned long long)(r->out_total + got));
	r->fault = 1;
	return got;
}

/* A truncated or corrupt member.  In a regular file zlib reads the member
 * again (to_zlib(), next read): this call delivers only the bytes of the
 * members before it.  (Should that fail, which takes an lseek() error on a
 * regular file, ISA-L's message stands.) */
static size_t isal_bad(mm_reader *r, const char *what, size_t got, unsigned back)
{
	isal_fault(r, what, got, back);
	if (r->start < 0) return got;
	r->refetch = 1;
	return r->member_out > r->out_total ? (size_t)(r->member_out - r->out_total) : 0;
}

/* A read error: fill()'s message.  Inside a member (in), ISA-L may hold
 * back its last bytes, so the member goes to zlib as at a truncation. */
static size_t isal_fault_read(mm_reader *r, size_t got, int in)
{
	char m[200];
	snprintf(m, sizeof m, "%.199s", r->err);
	return in ? isal_bad(r, m, got, 0) : isal_fault(r, m, got, 0);
}

static const char *isal_what(int ret)
{
	switch (ret) {
	case ISAL_INVALID_BLOCK: return "invalid block";
	case ISAL_INVALID_SYMBOL: return "invalid code";
	case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
	case ISAL_INVALID_WRAPPER: return "incorrect header check";
	case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
	case ISAL_INCORRECT_CHECKSUM: return "header crc mismatch";
	default: return "data error";
	}
}

/* Inflate up to want bytes into out: the zlib loop of mm_reader_read() with
 * isal_inflate().  Returns the bytes inflated (0 at a clean end of input or
 * at a fault: r->fault says which).  It goes on until out is full, but does
 * not wait for more input once it has something. */
static size_t isal_run(mm_reader *r, unsigned char *out, size_t want)
{
	struct inflate_state *s = r->st;
	s->next_out = out;
	s->avail_out = (uint32_t)want;
	while (s->avail_out) {
		size_t got = want - s->avail_out;
		if (!r->in_member) {
			/* Between members: skip nothing; another member must start here.
			 * isal_inflate() has stopped right after the member's trailer. */
			if (s->avail_in < 2 && !r->eof_in) {
				if (got) return got;
				if (fill(r) < 0) return isal_fault_read(r, got, 0);
				continue;
			}
			if (s->avail_in == 0) return got; /* clean end after a complete member */
			if (s->avail_in >= 2 && s->next_in[0] == 0x1f && s->next_in[1] == 0x8b) {
				uint8_t *next_in = s->next_in;
				uint32_t avail_in = s->avail_in;
				isal_inflate_reset(s);
				s->crc_flag = ISAL_GZIP;
				s->next_in = next_in;
				s->avail_in = avail_in;
				s->next_out = out + got;
				s->avail_out = (uint32_t)(want - got);
				r->member_in = r->in_total - r->in_len + (uint64_t)(next_in - r->in);
				r->member_out = r->out_total + got;
				r->in_member = 1;
				r->members++;
				r->header = 1;
				continue;
			}
			return isal_fault(r, "trailing garbage after gzip member", got, 0);
		}
		/* out of input: decoded bytes may still wait in ISA-L's window, and
		 * come before more input, a read error or a truncation */
		if (s->avail_in == 0 && r->drained) {
			if (r->eof_in) return isal_bad(r, "truncated gzip stream (unexpected end of file)", got, 0);
			if (got) return got;
			if (fill(r) < 0) return isal_fault_read(r, got, 1);
			continue;
		}
		if (r->header) {
			/* what zlib checks and ISA-L does not: reserved flags (and the
			 * method), found by zlib 4 bytes into the member */
			if (s->avail_in < 4 && !r->eof_in) {
				if (got) return got;
				if (fill(r) < 0) return isal_fault_read(r, got, 0);
				continue;
			}
			r->header = 0;
			if (s->avail_in >= 4 && (s->next_in[2] != 8 || s->next_in[3] & 0xe0)) {
				s->next_in += 4;
				s->avail_in -= 4;
				return isal_bad(r, s->next_in[-2] != 8 ? "corrupt gzip data (unknown compression method; text inflated shortly before may be garbled)"
				                : "corrupt gzip data (unknown header flags set; text inflated shortly before may be garbled)", got, 0);
			}
		}
		uint32_t in0 = s->avail_in, out0 = s->avail_out;
		int ret = isal_inflate(s);
		got = want - s->avail_out;
		r->drained = s->avail_out > 0;
		if (ret != ISAL_DECOMP_OK) {
			/* after an error next_in is right, avail_in not always */
			s->avail_in = (uint32_t)(r->in_len - (size_t)(s->next_in - r->in));
			char what[160];
			const char *why = isal_what(ret);
			unsigned back = (unsigned)s->read_in_length / 8; /* read ahead */
			if (ret == ISAL_INCORRECT_CHECKSUM && s->block_state == ISAL_BLOCK_FINISH) {
				/* the trailer: zlib finds a wrong CRC-32 before it reads ISIZE */
				unsigned char t[8];
				last8(r, s->next_in, t);
				if (le32(t) != s->crc) why = "incorrect data check", back = 4;
				else why = "incorrect length check", back = 0;
			}
			snprintf(what, sizeof what, "corrupt gzip data (%s; text inflated shortly before may be garbled)", why);
			return isal_bad(r, what, got, back);
		}
		if (s->block_state == ISAL_BLOCK_FINISH) {
			r->in_member = 0;
			continue;
		}
		/* isal_inflate() takes all its input or fills the output */
		if (s->avail_in == in0 && s->avail_out == out0 && in0)
			return isal_bad(r, "corrupt gzip data (isa-l made no progress)", got, 0);
	}
	return want;
}

/* ISA-L found the current member truncated or corrupt, or could not read
 * it: zlib inflates it again from its start, skips the bytes ISA-L delivered
 * and carries on with the rest of the file, reporting the fault exactly as
 * the zlib build does.  Bytes zlib inflates past that point wait in
 * r->stage.  Returns -1 when the file cannot be read again. */
static int to_zlib(mm_reader *r)
{
	off_t at = r->start + (off_t)r->member_in;
	if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK) return -1;
	if (lseek(r->fd, at, SEEK_SET) != at) { inflateEnd(&r->z); memset(&r->z, 0, sizeof r->z); return -1; }
	free(r->st);
	r->st = NULL;
	r->isal = 0;
	r->fault = 0;
	r->err[0] = 0;
	r->in_total = r->member_in;
	r->in_len = r->in_pos = 0;
	r->eof_in = 0;
	r->z.next_in = r->in;
	r->z.avail_in = 0;
	r->in_member = 1;
	uint64_t skip = r->out_total > r->member_out ? r->out_total - r->member_out : 0;
	r->out_total = r->member_out;
	if (!r->stage) r->stage = mm_malloc(ISAL_MIN_OUT);
	r->stage_pos = r->stage_len = 0;
	while (skip) {
		/* the zlib path of mm_reader_read(), always asked for the same size
		 * (not for exactly `skip`: see the end of the stream as zlib does) */
		ssize_t k = mm_reader_read(r, r->stage, ISAL_MIN_OUT);
		if (k <= 0) break; /* zlib ends before ISA-L did: its message stands */
		if ((uint64_t)k > skip) {
			r->stage_pos = (size_t)skip;
			r->stage_len = (size_t)k;
			r->out_total -= (uint64_t)k - skip; /* delivered from the stage */
			break;
		}
		skip -= (uint64_t)k;
	}
	/* a zlib fault right after those bytes: reported once they are delivered */
	if (r->failed && r->stage_pos < r->stage_len) { r->failed = 0; r->fault = 1; }
	return 0;
}

/* mm_reader_read() while ISA-L inflates or bytes wait in r->stage; -2: go
 * on with zlib. */
static ssize_t isal_read(mm_reader *r, unsigned char *buf, size_t n)
{
	if (r->isal && r->stage_pos == r->stage_len && !r->fault) {
		if (n >= ISAL_MIN_OUT) {
			/* straight into the caller's buffer */
			size_t got = isal_run(r, buf, n > (1u << 30) ? (1u << 30) : n);
			r->out_total += got;
			if (got) return (ssize_t)got;
		} else {
			if (!r->stage) r->stage = mm_malloc(ISAL_MIN_OUT);
			r->stage_pos = 0;
			r->stage_len = isal_run(r, r->stage, ISAL_MIN_OUT);
		}
	}
	if (r->stage_pos < r->stage_len) return serve(r, buf, n, r->stage, &r->stage_pos, r->stage_len);
	if (r->refetch) {
		r->refetch = 0;
		if (to_zlib(r) == 0) return r->failed ? -1 : isal_read(r, buf, n);
	}
	if (r->fault) { r->failed = 1; return -1; }
	return r->isal ? 0 : -2;
}
#endif

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
		return serve(r, buf, n, r->in, &r->in_pos, r->in_len);
	}
#ifdef MM_ISAL
	if (r->isal || r->stage_pos < r->stage_len || r->fault) {
		ssize_t k = isal_read(r, buf, n);
		if (k != -2) return k;
	}
#endif
	r->z.next_out = buf;
	r->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
	uInt want = r->z.avail_out;
	while (r->z.avail_out == want) {
		if (!r->in_member) {
			/* Between members: skip nothing; another member must start here. */
			if (r->z.avail_in < 2 && !r->eof_in) {
				if (fill(r) < 0) return fail_read(r, want);
				continue;
			}
			if (r->z.avail_in == 0) return 0; /* clean end after a complete member */
			if (r->z.avail_in >= 2 && r->z.next_in[0] == 0x1f && r->z.next_in[1] == 0x8b) {
				inflateReset(&r->z);
				r->in_member = 1;
				r->members++;
				member_begin(r);
				continue;
			}
			return fail(r, "trailing garbage after gzip member", want);
		}
		/* out of input: when the last call filled the caller's buffer, zlib
		 * may still hold output (a match or literal cut short), which comes
		 * before more input or a truncation */
		if (r->z.avail_in == 0 && r->drained) {
			if (r->eof_in) {
				int m = r->own_crc ? cut_after_bad_crc(r) : 0;
				if (m) return fail_at(r, BAD_CRC, want, (unsigned)(4 - m));
				return fail(r, "truncated gzip stream (unexpected end of file)", want);
			}
			if (fill(r) < 0) return fail_read(r, want);
			continue;
		}
		unsigned char *o0 = r->z.next_out;
		int ret = inflate(&r->z, Z_NO_FLUSH);
		r->drained = r->z.avail_out > 0;
		if (r->own_crc) {
			size_t k = (size_t)(r->z.next_out - o0);
			r->crc = mm_crc32(r->crc, o0, k);
			r->isize += (uint32_t)k;
		}
		if (r->own_crc && ret == Z_STREAM_END) {
			/* as zlib checks: a wrong CRC-32 is found before ISIZE is read */
			unsigned char t[8];
			last8(r, r->z.next_in, t);
			if (le32(t) != r->crc)
				return fail_at(r, BAD_CRC, want, 4);
			if (le32(t + 4) != r->isize)
				return fail(r, "corrupt gzip data (incorrect length check; text inflated shortly before may be garbled)", want);
		}
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

/* The gzip backend this binary was built with (make inflate=isal). */
const char *mm_reader_backend(void)
{
#ifdef MM_ISAL
	return "isa-l";
#else
	return "zlib";
#endif
}

void mm_reader_close(mm_reader *r)
{
	if (!r) return;
#ifdef MM_ISAL
	free(r->st);
	free(r->stage);
#endif
	if (r->gzip) inflateEnd(&r->z);
	if (r->own_fd) close(r->fd);
	free(r->in);
	free(r);
}
