/* input.c and record.c: gzip members, truncation, garbage; record splitting. */
#include "test.h"
#include "../../pipeline/gzcrc.h"
#include "../../pipeline/input.h"
#include "../../pipeline/record.h"
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

static char tmpdir[256];

static const char *tmpfile_with(const char *name, const void *p, size_t n)
{
	static char path[512];
	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof tmpdir, "%s", getenv("TMPDIR_TESTS") ? getenv("TMPDIR_TESTS") : "/tmp");
	}
	snprintf(path, sizeof path, "%s/mmunit-%d-%s", tmpdir, (int)getpid(), name);
	FILE *f = fopen(path, "wb");
	fwrite(p, 1, n, f);
	fclose(f);
	return path;
}

static size_t gz(const char *s, unsigned char *out, size_t cap)
{
	z_stream z = {0};
	deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)s;
	z.avail_in = (unsigned)strlen(s);
	z.next_out = out;
	z.avail_out = (unsigned)cap;
	deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	return n;
}

/* Read all of path; returns bytes, -1 on error (message into err). */
static long slurp(const char *path, char *buf, size_t cap, char *err, size_t el)
{
	mm_reader *r = mm_reader_open(path, err, el);
	if (!r) return -2;
	size_t n = 0;
	ssize_t k;
	while ((k = mm_reader_read(r, buf + n, cap - n - 1)) > 0) n += (size_t)k;
	if (k < 0) snprintf(err, el, "%s", mm_reader_error(r));
	buf[n] = 0;
	mm_reader_close(r);
	return k < 0 ? -1 : (long)n;
}

/* ---- faults: every byte zlib can inflate is delivered, then -1 ---------- */

/* Deterministic text with long repeats (matches zlib may hold when the
 * caller's buffer is full); n bytes and a NUL into out. */
static void gen_text(char *out, size_t n, unsigned seed)
{
	static const char *w[] = { "anti-Jo-1 ", "antibody ", "dermatomyositis ", "statin-associated ",
	                           "necrotising myopathy ", "with ", "the ", "of ", "patients ", ".\n" };
	size_t i = 0;
	while (i < n) {
		seed = seed * 1103515245u + 12345u;
		for (const char *c = w[(seed >> 16) % 10]; *c && i < n; ++c) out[i++] = *c;
	}
	out[n] = 0;
}

/* The reference: one inflate() over all of p, member after member (the
 * next must start right after, with the gzip magic), into a big buffer.
 * Returns the bytes inflated; *used: the compressed bytes zlib consumed. */
static size_t ref_inflate(const unsigned char *p, size_t n, unsigned char *out, size_t cap, size_t *used)
{
	z_stream z = {0};
	inflateInit2(&z, 16 + MAX_WBITS);
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	while (inflate(&z, Z_NO_FLUSH) == Z_STREAM_END && z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b)
		inflateReset(&z);
	*used = n - z.avail_in;
	size_t got = cap - z.avail_out;
	inflateEnd(&z);
	return got;
}

/* Write the faulty gzip bytes p[0..n) to a file and read it with reads of
 * 1, 7, 4096 and 1 MB: each must deliver exactly the reference bytes, then
 * return -1 (and again -1) with a message naming both offsets. */
static void check_fault(const char *what, const unsigned char *p, size_t n, const char *msg)
{
	enum { CAP = 1 << 20 };
	static unsigned char ref[CAP], got[CAP], buf[CAP];
	static const size_t sizes[] = { 1, 7, 4096, 1 << 20 };
	size_t used, ref_n = ref_inflate(p, n, ref, CAP, &used);
	char want_at[128];
	snprintf(want_at, sizeof want_at, "at compressed byte %zu (uncompressed byte %zu)", used, ref_n);
	const char *path = tmpfile_with("fault.gz", p, n);
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; ++i) {
		char err[256];
		mm_reader *r = mm_reader_open(path, err, sizeof err);
		CHECK(r != NULL);
		if (!r) return;
		size_t len = 0;
		ssize_t k;
		while ((k = mm_reader_read(r, buf, sizes[i])) > 0 && len + (size_t)k <= CAP) {
			memcpy(got + len, buf, (size_t)k);
			len += (size_t)k;
		}
		int same = len == ref_n && memcmp(got, ref, len) == 0 && mm_reader_out_bytes(r) == ref_n;
		int sticky = k == -1 && mm_reader_read(r, buf, sizes[i]) == -1;
		const char *e = mm_reader_error(r);
		int named = strstr(e, msg) != NULL && strstr(e, want_at) != NULL;
		if (!same || !sticky || !named)
			fprintf(stderr, "  %s, %zu-byte reads: %zu bytes (reference %zu), last %zd, \"%s\" (want \"%s ... %s\")\n",
			        what, sizes[i], len, ref_n, k, e, msg, want_at);
		CHECK(same);
		CHECK(sticky);
		CHECK(named);
		mm_reader_close(r);
	}
	unlink(path);
}

/* A gzip file cut at 24 places; two members, the second cut or corrupt;
 * a member followed by garbage. */
static void test_input_faults(void)
{
	enum { TEXT = 160 * 1024, ZCAP = 64 * 1024 };
	static char text[TEXT + 1];
	static unsigned char z[2 * ZCAP], bad[2 * ZCAP];
	char what[64];
	gen_text(text, TEXT, 1);
	size_t n1 = gz(text, z, ZCAP);
	gen_text(text, TEXT, 2);
	size_t n2 = gz(text, z + n1, ZCAP);
	CHECK(n1 > 100 && n1 < ZCAP && n2 > 100 && n2 < ZCAP); /* whole members */
	for (int i = 1; i <= 24; ++i) {
		size_t cut = 10 + (n1 - 18) * (size_t)i / 25;
		snprintf(what, sizeof what, "one member cut at %zu", cut);
		check_fault(what, z, cut, "truncated gzip stream");
		cut = n1 + 10 + (n2 - 18) * (size_t)i / 25;
		snprintf(what, sizeof what, "two members cut at %zu", cut);
		check_fault(what, z, cut, "truncated gzip stream");
	}
	for (int i = 1; i <= 8; ++i) {
		memcpy(bad, z, n1 + n2);
		size_t at = n1 + 10 + (n2 - 18) * (size_t)i / 9;
		bad[at] ^= 0x55;
		bad[at + 1] ^= 0xAA;
		snprintf(what, sizeof what, "second member corrupt at %zu", at);
		check_fault(what, bad, n1 + n2, "corrupt gzip data");
	}
	memcpy(bad, z, n1);
	memcpy(bad + n1, "GARBAGE!", 8);
	check_fault("garbage after a member", bad, n1 + 8, "trailing garbage after gzip member");
	/* the first member's trailer (checked by input.c, not zlib, where
	 * mm_crc32() is fast): each byte wrong; a wrong CRC-32 with ISIZE cut */
	for (size_t i = 1; i <= 8; ++i) {
		memcpy(bad, z, n1 + n2);
		bad[n1 - i] ^= 0x20;
		snprintf(what, sizeof what, "trailer byte %zu of 8 wrong", 9 - i);
		check_fault(what, bad, n1 + n2, i > 4 ? "incorrect data check" : "incorrect length check");
		if (i > 4) continue;
		bad[n1 - 8] ^= 0x01;
		snprintf(what, sizeof what, "wrong CRC-32, cut %zu bytes before the end", i);
		check_fault(what, bad, n1 - i, "incorrect data check");
	}
	for (size_t i = 5; i <= 8; ++i) {
		snprintf(what, sizeof what, "CRC-32 cut %zu bytes before the end", i);
		check_fault(what, z, n1 - i, "truncated gzip stream");
	}
}

/* mm_crc32() against zlib's crc32_z(): every length to 300 at each
 * alignment, in pieces, and a large buffer. */
static void test_crc(void)
{
	enum { N = 1 << 16 };
	static unsigned char b[N];
	unsigned x = 7;
	for (size_t i = 0; i < N; ++i) { x = x * 1103515245u + 12345u; b[i] = (unsigned char)(x >> 16); }
	int bad = 0;
	for (size_t off = 0; off < 16; ++off)
		for (size_t n = 0; n <= 300; ++n) {
			uint32_t want = (uint32_t)crc32_z(0, b + off, n);
			bad += mm_crc32(0, b + off, n) != want;
			bad += mm_crc32(mm_crc32(0, b + off, n / 3), b + off + n / 3, n - n / 3) != want;
		}
	CHECK_INT(bad, 0);
	CHECK_INT(mm_crc32(0, b, N), crc32_z(0, b, N));
	CHECK_INT(mm_crc32(0x12345678, b + 1, N - 1), crc32_z(0x12345678, b + 1, N - 1));
}

void test_input(void)
{
	unsigned char g[4096], g2[8192];
	char buf[8192], err[256];
	size_t n1 = gz("hello ", g, sizeof g);
	size_t n2 = gz("world", g + n1, sizeof g - n1);
	/* two members read as one stream */
	const char *p = tmpfile_with("multi.gz", g, n1 + n2);
	CHECK_INT(slurp(p, buf, sizeof buf, err, sizeof err), 11);
	CHECK_STR(buf, "hello world");
	/* plain file */
	p = tmpfile_with("plain.txt", "abc", 3);
	CHECK_INT(slurp(p, buf, sizeof buf, err, sizeof err), 3);
	/* truncated member: error with offsets, data before kept */
	memcpy(g2, g, n1 + n2);
	p = tmpfile_with("trunc.gz", g2, n1 + n2 - 6);
	CHECK_INT(slurp(p, buf, sizeof buf, err, sizeof err), -1);
	CHECK(strstr(err, "truncated") != NULL);
	CHECK(strstr(err, "compressed byte") != NULL);
	/* garbage after a member */
	memcpy(g2, g, n1);
	memcpy(g2 + n1, "GARBAGE!", 8);
	p = tmpfile_with("garbage.gz", g2, n1 + 8);
	CHECK_INT(slurp(p, buf, sizeof buf, err, sizeof err), -1);
	CHECK(strstr(err, "trailing garbage") != NULL);
	/* corrupt deflate data */
	memcpy(g2, g, n1);
	for (size_t i = 10; i < n1 - 8; ++i) g2[i] ^= 0x5A;
	p = tmpfile_with("corrupt.gz", g2, n1);
	CHECK_INT(slurp(p, buf, sizeof buf, err, sizeof err), -1);
	/* missing file */
	CHECK_INT(slurp("/nonexistent/x.gz", buf, sizeof buf, err, sizeof err), -2);
	CHECK(strstr(err, "No such file") != NULL);
	unlink(tmpfile_with("multi.gz", "", 0));
	test_crc();
	test_input_faults();
}

static int split_all(const char *text, mm_format fmt, int *n_rec, int *n_bad, int *n_fatal, mm_rec_kind *kinds)
{
	const char *p = tmpfile_with("split.in", text, strlen(text));
	char err[256];
	mm_reader *r = mm_reader_open(p, err, sizeof err);
	mm_splitter *s = mm_splitter_new(r, fmt, err, sizeof err);
	*n_rec = *n_bad = *n_fatal = 0;
	if (!s) { mm_reader_close(r); return -1; }
	mm_rawrec rec;
	mm_buf msg = {0};
	for (;;) {
		msg.l = 0;
		mm_split_status st = mm_splitter_next(s, &rec, &msg);
		if (st == MM_SPLIT_RECORD) { if (kinds) kinds[*n_rec] = rec.kind; (*n_rec)++; }
		else if (st == MM_SPLIT_BADREC) (*n_bad)++;
		else { if (st == MM_SPLIT_FATAL) (*n_fatal)++; break; }
	}
	mm_buf_free(&msg);
	mm_splitter_free(s);
	mm_reader_close(r);
	return 0;
}

void test_record(void)
{
	int r, b, f;
	mm_rec_kind k[8];
	CHECK_INT(split_all("<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY x \"y\">]>\n"
	                    "<PubmedArticleSet><!-- c --><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>\n"
	                    "<PubmedBookArticle><BookDocument><PMID>2</PMID></BookDocument></PubmedBookArticle>"
	                    "<DeleteCitation><PMID>3</PMID></DeleteCitation></PubmedArticleSet>\n", MM_FMT_AUTO, &r, &b, &f, k), 0);
	CHECK_INT(r, 3); CHECK_INT(b, 0); CHECK_INT(f, 0);
	CHECK(k[0] == MM_REC_ARTICLE && k[1] == MM_REC_BOOK && k[2] == MM_REC_DELETE);
	/* an unterminated record followed by another: reported, the next kept */
	split_all("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>"
	          "<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>", MM_FMT_AUTO, &r, &b, &f, NULL);
	CHECK_INT(r, 1); CHECK_INT(b, 1); CHECK_INT(f, 0);
	/* file ends inside the root: fatal after the complete records */
	split_all("<PubmedArticleSet><PubmedArticle><PMID>1</PMID></PubmedArticle>", MM_FMT_AUTO, &r, &b, &f, NULL);
	CHECK_INT(r, 1); CHECK_INT(f, 1);
	/* old MedlineCitationSet root */
	split_all("<MedlineCitationSet><MedlineCitation Owner=\"NLM\"><PMID>5</PMID></MedlineCitation>"
	          "<MedlineCitation><PMID>6</PMID></MedlineCitation></MedlineCitationSet>", MM_FMT_AUTO, &r, &b, &f, NULL);
	CHECK_INT(r, 2); CHECK_INT(f, 0);
	/* not PubMed XML, unknown text, empty */
	CHECK_INT(split_all("<collection><document/></collection>", MM_FMT_AUTO, &r, &b, &f, NULL), -1);
	CHECK_INT(split_all("hello world\n", MM_FMT_AUTO, &r, &b, &f, NULL), -1);
	CHECK_INT(split_all("", MM_FMT_AUTO, &r, &b, &f, NULL), -1);
	/* MEDLINE: blank-line separated, CRLF, junk before the first record */
	split_all("\r\nPMID- 1\r\nTI  - a\r\n\r\nPMID- 2\nTI  - b\n      c\nPMID- 3\n", MM_FMT_AUTO, &r, &b, &f, k);
	CHECK_INT(r, 3); CHECK_INT(b, 0); CHECK(k[0] == MM_REC_MEDLINE);
	split_all("PMID- 1\n\nTI  - orphan\nAB  - x\n\nPMID- 2\n", MM_FMT_MEDLINE, &r, &b, &f, NULL);
	CHECK_INT(r, 2); CHECK_INT(b, 1);
	/* PubTator: blank lines optional between documents */
	split_all("11|t|A\n11|a|B\n11\t0\t1\tA\tChemical\tD1\n12|t|C\n12|a|D\n\n13|t|E\n", MM_FMT_AUTO, &r, &b, &f, k);
	CHECK_INT(r, 3); CHECK(k[0] == MM_REC_PUBTATOR);
}
