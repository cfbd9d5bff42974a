/* inflate.c -- the "physical limit" for myomine's input stage.
 *
 * Decompresses each FILE (gzip, single- or multi-member, or plain bytes,
 * which are counted as read) with zlib's inflate(), single-threaded, and
 * discards the output.  Buffer sizes match myomine's reader (256 KB of
 * compressed input per read(), 1 MB of output per call) so that the only
 * difference between this program and myomine's read stage is the work
 * myomine does on the bytes.
 *
 *   bench/inflate FILE...
 *
 * prints one line:
 *   inflate: files=3 compressed_bytes=N uncompressed_bytes=N seconds=S mb_per_s=X
 * (MB = 10^6 bytes of uncompressed output; seconds is wall-clock time from
 * the first open() to the last close(), process start-up excluded).
 * Exit status 1 if a file cannot be read or is not valid gzip.
 *
 * Build: cc -O2 -o bench/inflate bench/inflate.c -lz
 *
 * Built with -DBENCH_ISAL (build/bench/inflate-isal, made by `make bench` when
 * libisal-dev is installed) it inflates with ISA-L's isal_inflate() instead,
 * with the same buffers and the same multi-member handling as myomine's
 * inflate=isal reader, and ends its line with isa-l=VERSION instead of
 * zlib=VERSION.
 *
 * Build: cc -O2 -DBENCH_ISAL -o build/bench/inflate-isal bench/inflate.c -lisal -lz */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#ifdef BENCH_ISAL
#include <isa-l.h>
#include <isa-l/igzip_lib.h>
#endif

#define IN_BUF (256 * 1024)
#define OUT_BUF (1024 * 1024)

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static unsigned char in[IN_BUF], out[OUT_BUF];

/* Decompress one file; adds to *cin / *cout. Returns 0 or -1. */
static int one(const char *path, unsigned long long *cin, unsigned long long *cout)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) { fprintf(stderr, "inflate: %s: %s\n", path, strerror(errno)); return -1; }
	ssize_t n;
	size_t avail = 0;
	/* first bytes: gzip magic? */
	do n = read(fd, in, IN_BUF); while (n < 0 && errno == EINTR);
	if (n < 0) { fprintf(stderr, "inflate: %s: %s\n", path, strerror(errno)); close(fd); return -1; }
	avail = (size_t)n;
	*cin += (unsigned long long)n;
	if (avail < 2 || in[0] != 0x1f || in[1] != 0x8b) {
		/* plain file: just read it */
		*cout += (unsigned long long)avail;
		while ((n = read(fd, in, IN_BUF)) > 0) { *cin += (unsigned long long)n; *cout += (unsigned long long)n; }
		close(fd);
		return n < 0 ? -1 : 0;
	}
#ifdef BENCH_ISAL
	static struct inflate_state s;
	isal_inflate_init(&s);
	s.crc_flag = ISAL_GZIP;
	s.next_in = in;
	s.avail_in = (uint32_t)avail;
	int eof = 0, in_member = 1, rc = 0;
	for (;;) {
		if (s.avail_in == 0 && !eof) {
			do n = read(fd, in, IN_BUF); while (n < 0 && errno == EINTR);
			if (n < 0) { fprintf(stderr, "inflate: %s: %s\n", path, strerror(errno)); rc = -1; break; }
			if (n == 0) eof = 1;
			*cin += (unsigned long long)n;
			s.next_in = in;
			s.avail_in = (uint32_t)n;
		}
		if (!in_member) {
			if (s.avail_in == 0 && eof) break;          /* clean end */
			if (s.avail_in == 0) continue;
			/* another member must start here (isal_inflate() rejects anything else) */
			uint8_t *next_in = s.next_in;
			uint32_t avail_in = s.avail_in;
			isal_inflate_reset(&s);
			s.crc_flag = ISAL_GZIP;
			s.next_in = next_in;
			s.avail_in = avail_in;
			in_member = 1;
		}
		s.next_out = out;
		s.avail_out = OUT_BUF;
		uint32_t had = s.avail_in;
		int r = isal_inflate(&s);
		*cout += (unsigned long long)(OUT_BUF - s.avail_out);
		if (r != ISAL_DECOMP_OK) {
			fprintf(stderr, "inflate: %s: corrupt gzip data (isa-l error %d)\n", path, r);
			rc = -1;
			break;
		}
		if (s.block_state == ISAL_BLOCK_FINISH) { in_member = 0; continue; }
		/* nothing left to give and nothing more written: cut short */
		if (eof && had == 0 && s.avail_out == OUT_BUF) { fprintf(stderr, "inflate: %s: truncated gzip stream\n", path); rc = -1; break; }
	}
	close(fd);
	return rc;
#else
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) { fprintf(stderr, "inflate: zlib init failed\n"); close(fd); return -1; }
	z.next_in = in;
	z.avail_in = (uInt)avail;
	int eof = 0, in_member = 1, rc = 0;
	for (;;) {
		if (z.avail_in == 0 && !eof) {
			do n = read(fd, in, IN_BUF); while (n < 0 && errno == EINTR);
			if (n < 0) { fprintf(stderr, "inflate: %s: %s\n", path, strerror(errno)); rc = -1; break; }
			if (n == 0) eof = 1;
			*cin += (unsigned long long)n;
			z.next_in = in;
			z.avail_in = (uInt)n;
		}
		if (!in_member) {
			if (z.avail_in == 0 && eof) break;          /* clean end */
			if (z.avail_in == 0) continue;
			/* another member must start here (inflate() rejects anything else) */
			inflateReset(&z);
			in_member = 1;
		}
		if (z.avail_in == 0 && eof) { fprintf(stderr, "inflate: %s: truncated gzip stream\n", path); rc = -1; break; }
		z.next_out = out;
		z.avail_out = OUT_BUF;
		int r = inflate(&z, Z_NO_FLUSH);
		*cout += (unsigned long long)(OUT_BUF - z.avail_out);
		if (r == Z_STREAM_END) { in_member = 0; continue; }
		if (r != Z_OK && r != Z_BUF_ERROR) {
			fprintf(stderr, "inflate: %s: corrupt gzip data (%s)\n", path, z.msg ? z.msg : "zlib error");
			rc = -1;
			break;
		}
	}
	inflateEnd(&z);
	close(fd);
	return rc;
#endif
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fprintf(argc < 2 ? stderr : stdout,
		        "Usage: inflate FILE...\nDecompress gzip files (multi-member aware) with %s, single-threaded, "
		        "discarding the output;\nprint compressed/uncompressed bytes, seconds and MB/s (10^6 bytes).\n",
#ifdef BENCH_ISAL
		        "ISA-L"
#else
		        "zlib"
#endif
		);
		return argc < 2 ? 2 : 0;
	}
	unsigned long long cin = 0, cout = 0;
	int bad = 0;
	double t0 = now();
	for (int i = 1; i < argc; ++i)
		if (one(argv[i], &cin, &cout) < 0) bad = 1;
	double dt = now() - t0;
#ifdef BENCH_ISAL
	printf("inflate: files=%d compressed_bytes=%llu uncompressed_bytes=%llu seconds=%.6f mb_per_s=%.1f isa-l=%d.%d.%d\n",
	       argc - 1, cin, cout, dt, dt > 0 ? (double)cout / dt / 1e6 : 0.0,
	       ISAL_MAJOR_VERSION, ISAL_MINOR_VERSION, ISAL_PATCH_VERSION);
#else
	printf("inflate: files=%d compressed_bytes=%llu uncompressed_bytes=%llu seconds=%.6f mb_per_s=%.1f zlib=%s\n",
	       argc - 1, cin, cout, dt, dt > 0 ? (double)cout / dt / 1e6 : 0.0, zlibVersion());
#endif
	return bad;
}
