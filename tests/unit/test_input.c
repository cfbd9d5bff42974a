/* input.c and split.c: gzip members, truncation, garbage; record splitting. */
#include "test.h"
#include "../../pipeline/gzcrc.h"
#include "../../pipeline/input.h"
#include "../../pipeline/split.h"
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

/* mm_crc32() against zlib's crc32_z(): every length to 1100 at each
 * alignment, in pieces, and a large buffer. */
static void test_crc(void)
{
	enum { N = 1 << 16 };
	static unsigned char b[N];
	unsigned x = 7;
	for (size_t i = 0; i < N; ++i) { x = x * 1103515245u + 12345u; b[i] = (unsigned char)(x >> 16); }
	int bad = 0;
	for (size_t off = 0; off < 16; ++off)
		for (size_t n = 0; n <= 1100; ++n) {
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

/* What a split of path gave: counts, each record's offset and length, and
 * the messages (one a line). */
typedef struct {
	int rec, bad, fatal;
	uint64_t off[4];
	size_t len[4];
	mm_rec_kind kind[4];
	char msg[1024];
} split_log;

static void split_path(const char *path, size_t max_rec, split_log *L)
{
	char err[256];
	memset(L, 0, sizeof *L);
	mm_reader *r = mm_reader_open(path, err, sizeof err);
	mm_splitter *s = r ? mm_splitter_new(r, MM_FMT_AUTO, err, sizeof err) : NULL;
	CHECK(s != NULL);
	if (s && max_rec) mm_splitter_set_max_record(s, max_rec);
	mm_rawrec rec;
	mm_buf msg = {0};
	while (s) {
		msg.l = 0;
		mm_split_status st = mm_splitter_next(s, &rec, &msg);
		if (msg.l) snprintf(L->msg + strlen(L->msg), sizeof L->msg - strlen(L->msg), "%s\n", msg.s);
		if (st == MM_SPLIT_RECORD) {
			if (L->rec < 4) { L->off[L->rec] = rec.offset; L->len[L->rec] = rec.n; L->kind[L->rec] = rec.kind; }
			L->rec++;
		}
		else if (st == MM_SPLIT_BADREC) L->bad++;
		else { if (st == MM_SPLIT_FATAL) L->fatal++; break; }
	}
	mm_buf_free(&msg);
	mm_splitter_free(s);
	mm_reader_close(r);
}

static void split_text(const char *text, size_t max_rec, split_log *L)
{
	split_path(tmpfile_with("split.in", text, strlen(text)), max_rec, L);
}

/* Where a record ends: its end tag, or the next start tag of its name (then
 * it is reported), never a longer name that begins with it. */
static void test_record_ends(void)
{
	split_log L;
	/* <PubmedArticleSet and <PubmedArticleX inside a record are text */
	const char *t = "<PubmedArticleSet><PubmedArticle><PMID>1</PMID><PubmedArticleSet>a</PubmedArticleSet>"
	                "<PubmedArticleX/><PubmedArticle-Y></PubmedArticle>\n<PubmedArticle><PMID>2</PMID></PubmedArticle></PubmedArticleSet>";
	size_t end1 = (size_t)(strstr(t, "</PubmedArticle>\n") - t) + 16;
	split_text(t, 0, &L);
	CHECK_INT(L.rec, 2); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0);
	CHECK_INT(L.off[0], 18); CHECK_INT(L.len[0], end1 - 18);
	CHECK_INT(L.off[1], end1 + 1);
	/* the next start tag, with attributes after a newline: the first record
	 * is reported at both offsets, the second kept from its start */
	split_text("<PubmedArticleSet><PubmedArticle><PMID>1</PMID><PubmedArticle\nx=\"1\"><PMID>2</PMID></PubmedArticle></PubmedArticleSet>", 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.bad, 1); CHECK_INT(L.fatal, 0);
	CHECK_INT(L.off[0], 47);
	CHECK_STR(L.msg, "byte 18: <PubmedArticle> record has no end tag before the next <PubmedArticle> at byte 47; record skipped\n");
	/* <PubmedArticle/> cuts the open record too, then is an empty record */
	split_text("<PubmedArticleSet><PubmedArticle><PMID>1</PMID><PubmedArticle/></PubmedArticleSet>", 0, &L);
	CHECK_INT(L.rec, 0); CHECK_INT(L.bad, 2); CHECK_INT(L.fatal, 0);
	CHECK(strstr(L.msg, "empty <PubmedArticle/> record") != NULL);
	/* an end tag of another name does not end the record */
	t = "<PubmedArticleSet><PubmedBookArticle><PMID>1</PMID></PubmedArticle></PubmedBookArticle></PubmedArticleSet>";
	split_text(t, 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.bad, 0); CHECK(L.kind[0] == MM_REC_BOOK);
	CHECK_INT(L.len[0], strlen(t) - 19 - 18);
	/* cut off by the end of the file: the complete MedlineCitation is kept */
	t = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation><PubmedData>";
	split_text(t, 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.fatal, 1);
	CHECK(L.kind[0] == MM_REC_ARTICLE_CUT); CHECK_INT(L.len[0], strlen(t) - 12 - 18);
	CHECK_STR(L.msg, "byte 18: <PubmedArticle> record cut off by the end of the file; its complete <MedlineCitation> was kept\n");
	/* larger than the record limit and than one read: skipped up to its end tag */
	enum { BIG = 2000000 };
	char *big = mm_malloc(BIG + 256);
	snprintf(big, BIG + 256, "<PubmedArticleSet><PubmedArticle>%*s</PubmedArticle><PubmedArticle><PMID>2</PMID></PubmedArticle></PubmedArticleSet>", BIG, "");
	split_text(big, 1 << 20, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.bad, 1); CHECK_INT(L.fatal, 0);
	CHECK_INT(L.off[0], 18 + 15 + BIG + 16);
	char want[256];
	snprintf(want, sizeof want, "byte 18: <PubmedArticle> record larger than 1 MB (ends at byte %d); skipped\n", 18 + 15 + BIG + 16);
	CHECK_STR(L.msg, want);
	free(big);
}

/* A tag that decides a record's end, split by a read of the splitter at every
 * byte: a plain file is read 256 KB at a time (input.c), a gzip one that
 * inflates well 1 MB at a time (split.c); the record spans the read, so it
 * is searched again from where the first search stopped. */
static void split_across(size_t at, int gzip)
{
	static const char *lead = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><AbstractText>";
	static const char *tags[] = { "</AbstractText></MedlineCitation></PubmedArticle>",    /* its end tag */
	                              "</AbstractText></MedlineCitation><PubmedArticle>",     /* the next record */
	                              "<PubmedArticleSet>x</AbstractText></MedlineCitation></PubmedArticle>" }; /* text */
	static const char *next = "<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>\n";
	size_t cap = at + 512;
	char *text = mm_malloc(cap);
	unsigned char *z = gzip ? mm_malloc(cap) : NULL;
	for (int t = 0; t < 3; ++t) {
		/* where the tag of interest starts in tags[t] (after the text's end tags) */
		const char *tag = t == 2 ? tags[t] : strstr(tags[t], "</MedlineCitation>") + 18;
		size_t tl = t == 2 ? 17 : strlen(tag);
		for (size_t k = 0; k <= tl; ++k) { /* k bytes of the tag before the read ends */
			size_t pre = (size_t)(tag - tags[t]), start = at - k - pre, n = strlen(lead);
			memcpy(text, lead, n);
			for (; n < start; ++n) text[n] = "lorem ipsum "[n % 12];
			n += (size_t)snprintf(text + n, cap - n, "%s", tags[t]);
			size_t end1 = n;
			snprintf(text + n, cap - n, "%s", t == 1 ? next + 15 : next); /* tags[1] opened it */
			split_log L;
			const char *path = gzip ? tmpfile_with("across.gz", z, gz(text, z, cap)) : tmpfile_with("across.xml", text, strlen(text));
			split_path(path, 0, &L);
			int ok = t == 1 ? L.rec == 1 && L.bad == 1 && L.off[0] == at - k : L.rec == 2 && L.bad == 0 && L.len[0] == end1 - 18 && L.off[1] == end1;
			if (!ok || L.fatal) fprintf(stderr, "  tag %d, %zu of its bytes before byte %zu%s: %d records, %d bad: %s\n", t, k, at, gzip ? " (gzip)" : "", L.rec, L.bad, L.msg);
			CHECK(ok && !L.fatal);
			unlink(path);
		}
	}
	free(text);
	free(z);
}

/* Every record and message of path, as "offset len hash" lines; with hold,
 * the records are checked where mm_splitter_take() left them, taking every
 * `every` records as the pipeline takes every batch. */
/* The records and messages of chunk rec (mm_splitter_next_chunk), split
 * as a worker does, in split_sig()'s format. */
static void chunk_sig(const mm_splitter *s, const mm_rawrec *rec, size_t max_rec, mm_buf *sig)
{
	mm_splitter *c = mm_splitter_mem(rec->p, rec->n, rec->offset, mm_splitter_root(s), max_rec);
	mm_rawrec r;
	mm_buf msg = {0};
	for (;;) {
		msg.l = 0;
		mm_split_status st = mm_splitter_next(c, &r, &msg);
		if (msg.l) mm_buf_printf(sig, "%s\n", msg.s);
		if (st == MM_SPLIT_RECORD) {
			CHECK(r.p == rec->p + r.at && r.at + r.n <= rec->n);
			mm_buf_printf(sig, "%llu %zu %llx\n", (unsigned long long)r.offset, r.n, (unsigned long long)mm_fnv1a(r.p, r.n));
		}
		if (st == MM_SPLIT_END || st == MM_SPLIT_FATAL) break;
	}
	mm_buf_free(&msg);
	mm_splitter_free(c);
}

/* chunk > 0 (with hold): as the pipeline reads, a batch that starts
 * between records is one chunk of about `chunk` bytes, split at once. */
static void split_sig(const char *path, size_t max_rec, int hold, size_t every, size_t chunk, mm_buf *sig)
{
	char err[256];
	mm_reader *r = mm_reader_open(path, err, sizeof err);
	mm_splitter *s = r ? mm_splitter_new(r, MM_FMT_AUTO, err, sizeof err) : NULL;
	CHECK(s != NULL);
	if (!s) { mm_reader_close(r); return; }
	mm_splitter_set_max_record(s, max_rec);
	if (hold) mm_splitter_hold(s);
	mm_rawrec rec;
	mm_buf msg = {0};
	size_t at[64], len[64], nh = 0, cap = 0, takes = 0, nchunks = 0;
	uint64_t h[64];
	char *buf = NULL;
	for (int end = 0; !end;) {
		msg.l = 0;
		mm_split_status st = chunk && nh == 0 ? mm_splitter_next_chunk(s, chunk, &rec, &msg) : mm_splitter_next(s, &rec, &msg);
		if (msg.l) mm_buf_printf(sig, "%s\n", msg.s);
		end = st == MM_SPLIT_END || st == MM_SPLIT_FATAL;
		if (st == MM_SPLIT_RECORD && rec.kind == MM_REC_CHUNK) {
			chunk_sig(s, &rec, max_rec, sig);
			at[nh] = rec.at; len[nh] = rec.n; h[nh++] = mm_fnv1a(rec.p, rec.n);
			nchunks++;
		} else if (st == MM_SPLIT_RECORD) {
			at[nh] = rec.at; len[nh] = rec.n; h[nh++] = mm_fnv1a(rec.p, rec.n);
			mm_buf_printf(sig, "%llu %zu %llx\n", (unsigned long long)rec.offset, rec.n, (unsigned long long)h[nh - 1]);
			if (!hold) nh = 0;
		}
		if (hold && (nh == every || end || (nh && chunk))) {
			if (++takes % 3 == 0) { free(buf); buf = NULL; cap = 0; } /* also: keep only the unread bytes */
			mm_splitter_take(s, &buf, &cap);
			for (size_t i = 0; i < nh; ++i) {
				CHECK(at[i] + len[i] <= cap);
				CHECK(mm_fnv1a(buf + at[i], len[i]) == h[i]);
			}
			nh = 0;
		}
	}
	if (chunk) CHECK(nchunks > 0);
	free(buf);
	mm_buf_free(&msg);
	mm_splitter_free(s);
	mm_reader_close(r);
}

/* The pipeline's zero-copy batches (mm_splitter_hold/take), and chunks cut
 * backwards and split later (mm_splitter_next_chunk/mem), give the same
 * records, bytes and messages as copying them: records of every size, some
 * over the limit and skipped across several reads while earlier ones are
 * held, a cut one; XML plain and gzip, and MEDLINE. */
static void test_hold(void)
{
	mm_buf x = {0}, m = {0};
	uint64_t seed = 7;
	mm_buf_puts(&x, "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
	for (int i = 0; i < 900; ++i) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t n = 50 + (seed >> 33) % 12000;
		if (i % 97 == 5) n = 700000; /* > 16 KB limit and > one read: skipped */
		int cut = i % 131 == 7;      /* no end tag: reported at the next record */
		if (i % 53 == 3) mm_buf_puts(&x, "<!-- a comment <PubmedArticle> -->\n"); /* between records */
		if (i % 59 == 4) mm_buf_puts(&x, "stray text\n<Stray>x</Stray>\n");
		if (i % 61 == 6) mm_buf_printf(&x, "<PubmedBookArticle><BookDocument><PMID>%d</PMID></BookDocument></PubmedBookArticle>\n", 100000 + i);
		if (i % 67 == 8) mm_buf_printf(&x, "<DeleteCitation><PMID>%d</PMID></DeleteCitation>\n", 200000 + i);
		mm_buf_printf(&x, "<PubmedArticle><MedlineCitation><PMID>%d</PMID><AbstractText>", i + 1);
		if (i % 71 == 9) mm_buf_puts(&x, "<![CDATA[ x < y ]]>");
		if (i % 43 == 2) mm_buf_puts(&x, "<!-- </PubmedArticle> <PubmedArticle> --><![CDATA[</PubmedArticle>]]>"); /* not its end */
		mm_buf_printf(&m, "PMID- %d\nAB  - ", i + 1);
		for (size_t k = 0; k < n; ++k) { mm_buf_putc(&x, "abc defg "[(k + (size_t)i) % 9]); mm_buf_putc(&m, "abc defg "[(k + (size_t)i) % 9]); }
		mm_buf_puts(&x, cut ? "</AbstractText></MedlineCitation>\n" : "</AbstractText></MedlineCitation></PubmedArticle>\n");
		mm_buf_puts(&m, "\n\n");
	}
	mm_buf_puts(&x, "<PubmedArticle><MedlineCitation><PMID>0</PMID></MedlineCitation>"); /* cut by the end */
	unsigned char *z = mm_malloc(x.l + 1024);
	const char *paths[3];
	paths[0] = strdup(tmpfile_with("hold.xml", x.s, x.l));
	paths[1] = strdup(tmpfile_with("hold.xml.gz", z, gz(x.s, z, x.l + 1024)));
	paths[2] = strdup(tmpfile_with("hold.medline", m.s, m.l));
	for (int f = 0; f < 3; ++f) {
		mm_buf want = {0}, got = {0};
		split_sig(paths[f], 16384, 0, 0, 0, &want);
		CHECK(want.l > 10000);
		for (size_t every = 1; every <= 64; every *= 4) {
			got.l = 0;
			split_sig(paths[f], 16384, 1, every, 0, &got);
			CHECK(got.l == want.l && memcmp(got.s, want.s, want.l) == 0);
		}
		/* XML: chunks split later give the same records and messages.  With
		 * a 1 MB limit: whether a record over the limit but within one read
		 * is skipped depends on where the reads fall (that is why the limit
		 * is 16 MB and batches 8 MB); a chunk's split applies the limit to
		 * every record exactly. */
		if (f < 2) {
			want.l = 0;
			split_sig(paths[f], 1 << 20, 0, 0, 0, &want);
			for (size_t chunk = 1000; chunk <= 4000000; chunk *= 7) {
				got.l = 0;
				split_sig(paths[f], 1 << 20, 1, 1, chunk, &got);
				CHECK(got.l == want.l && memcmp(got.s, want.s, want.l) == 0);
			}
		}
		mm_buf_free(&want);
		mm_buf_free(&got);
		unlink(paths[f]);
		free((void *)paths[f]);
	}
	/* a <MedlineCitationSet> file: its records are MedlineCitation and
	 * DeleteCitation (the backwards search must not cut at the
	 * MedlineCitation end tags inside PubmedArticles of the other root) */
	x.l = 0;
	mm_buf_puts(&x, "<MedlineCitationSet>\n");
	for (int i = 0; i < 300; ++i) {
		mm_buf_printf(&x, "<MedlineCitation Status=\"MEDLINE\"><PMID>%d</PMID><Article><Abstract><AbstractText>", i + 1);
		for (int k = 0; k < 200 + (i * 37) % 3000; ++k) mm_buf_putc(&x, "xyz uvw "[k % 8]);
		mm_buf_puts(&x, "</AbstractText></Abstract></Article></MedlineCitation>\n");
		if (i % 40 == 2) mm_buf_printf(&x, "<DeleteCitation><PMID>%d</PMID></DeleteCitation>\n", 500000 + i);
	}
	mm_buf_puts(&x, "</MedlineCitationSet>\n");
	const char *mcs = tmpfile_with("mcs.xml", x.s, x.l);
	mm_buf want = {0}, got = {0};
	split_sig(mcs, 1 << 20, 0, 0, 0, &want);
	CHECK(want.l > 3000);
	for (size_t chunk = 500; chunk <= 2000000; chunk *= 9) {
		got.l = 0;
		split_sig(mcs, 1 << 20, 1, 1, chunk, &got);
		CHECK(got.l == want.l && memcmp(got.s, want.s, want.l) == 0);
	}
	unlink(mcs);
	mm_buf_free(&want);
	mm_buf_free(&got);
	free(z);
	mm_buf_free(&x);
	mm_buf_free(&m);
}

/* Records under any root, at any depth; a root that is a record; XML
 * without records; end and start tags in comments and CDATA sections of a
 * record (also open across a read); a prolog larger than 64 KB. */
static void test_any_root(void)
{
	split_log L;
	char err[256];
	split_text("<?xml version=\"1.0\"?>\n<RAW_DATA><PubmedArticle><PMID>1</PMID></PubmedArticle>\n<Batch n=\"1\"><PubmedArticleSet>"
	           "<PubmedArticle><PMID>2</PMID></PubmedArticle></PubmedArticleSet><Note/></Batch>"
	           "<DeleteCitation><PMID>3</PMID></DeleteCitation></RAW_DATA>\n", 0, &L);
	CHECK_INT(L.rec, 3); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0);
	CHECK(L.kind[0] == MM_REC_ARTICLE && L.kind[2] == MM_REC_DELETE);
	CHECK_INT(L.off[0], 32); CHECK_INT(L.len[0], 45);
	split_text("<PubmedArticle><PMID>1</PMID></PubmedArticle>\n", 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0); CHECK_INT(L.len[0], 45);
	split_text("<RAW_DATA><PubmedArticle><PMID>1</PMID></PubmedArticle>", 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.fatal, 1);
	CHECK(strstr(L.msg, "file ends before </RAW_DATA>") != NULL);
	/* no record: refused when detected, an error at the end when forced */
	const char *p = tmpfile_with("split.in", "<collection><document>x</document></collection>", 48);
	mm_reader *r = mm_reader_open(p, err, sizeof err);
	CHECK(mm_splitter_new(r, MM_FMT_AUTO, err, sizeof err) == NULL);
	CHECK_STR(err, "not PubMed XML: no <PubmedArticle>, <PubmedBookArticle>, <MedlineCitation> or <DeleteCitation> element under the root <collection>");
	mm_reader_close(r);
	int n, b, f;
	split_all("<collection><document>x</document></collection>", MM_FMT_PUBMED, &n, &b, &f, NULL);
	CHECK_INT(n, 0); CHECK_INT(b, 0); CHECK_INT(f, 1);
	/* comments and CDATA in records */
	const char *t = "<PubmedArticleSet><PubmedArticle><PMID>1</PMID><!-- </PubmedArticle> --><X/></PubmedArticle>"
	                "<PubmedArticle><![CDATA[ <PubmedArticle> ]]><PMID>2</PMID><!-- a -- b! --></PubmedArticle></PubmedArticleSet>";
	split_text(t, 0, &L);
	CHECK_INT(L.rec, 2); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0);
	CHECK_INT(L.len[0], strstr(t, "</PubmedArticle><PubmedArticle>") + 16 - t - 18);
	CHECK_INT(L.len[1], strstr(t, "</PubmedArticleSet>") - t - (long)L.off[1]);
	/* a comment holding the end tag, open at the end of the first read */
	enum { PAD = 300000 };
	mm_buf x = {0};
	mm_buf_puts(&x, "<PubmedArticleSet><PubmedArticle><PMID>1</PMID><!--");
	for (int i = 0; i < PAD; ++i) mm_buf_putc(&x, ' ');
	mm_buf_puts(&x, "</PubmedArticle> --></PubmedArticle>\n<PubmedArticle><PMID>2</PMID></PubmedArticle></PubmedArticleSet>\n");
	split_text(x.s, 0, &L);
	CHECK_INT(L.rec, 2); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0);
	CHECK_INT(L.len[0], 15 + 14 + 4 + PAD + 20 + 16);
	/* a 100 KB prolog: a DOCTYPE whose internal subset quotes "]>", comments, a PI */
	x.l = 0;
	mm_buf_puts(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY a \"]>\"> <!-- ]> --> <?p ]>?>]>\n<!--");
	for (int i = 0; i < 100000; ++i) mm_buf_putc(&x, "ab <>\n"[i % 6]);
	mm_buf_puts(&x, "-->\n<?pi x?>\n<PubmedArticleSet><PubmedArticle><PMID>1</PMID></PubmedArticle></PubmedArticleSet>\n");
	split_text(x.s, 0, &L);
	CHECK_INT(L.rec, 1); CHECK_INT(L.bad, 0); CHECK_INT(L.fatal, 0);
	mm_buf_free(&x);
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
	test_record_ends();
	test_any_root();
	split_across(256 << 10, 0);
	split_across(1 << 20, 1);
	test_hold();
}
