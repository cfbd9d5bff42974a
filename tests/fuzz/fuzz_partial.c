/* fuzz_partial.c -- the partial-result format (pipeline/partial.c) on
 * arbitrary bytes.  Each line is parsed; a line that parses is written back
 * with mm_partial_put_rec() and parsed again, which must give the same
 * record, and writing that record again must give the same bytes (writing
 * is a fixed point).  A "#lexicon" line round-trips through
 * mm_partial_put_header() likewise.  Then the whole input is read as a
 * partial result file by mm_partial_in (header, records, #end), which must
 * end with #end or with a message, never crash. */
#include "runpriv.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define N_CONCEPT 64

static int same_rec(const mm_partial_rec *a, const mm_partial_rec *b)
{
	if (a->type != b->type) return 0;
	switch (a->type) {
	case MM_PREC_FILE:
	case MM_PREC_MESSAGE:
	case MM_PREC_FACTS_LINE:
	case MM_PREC_FILTERS:
	case MM_PREC_INPUT:
		return strcmp(a->text, b->text) == 0;
	case MM_PREC_FACTS_SUM:
		return a->fs.has_ck == b->fs.has_ck && a->fs.has_uln == b->fs.has_uln && a->fs.has_age == b->fs.has_age &&
		       (!a->fs.has_ck || a->fs.ck == b->fs.ck) && (!a->fs.has_uln || a->fs.uln == b->fs.uln) &&
		       (!a->fs.has_age || a->fs.age == b->fs.age) && a->fs.sex == b->fs.sex;
	case MM_PREC_FILTERED:
		return a->fail == b->fail;
	case MM_PREC_ARTICLE:
		return a->art.pmid == b->art.pmid && a->art.version == b->art.version && a->art.year == b->art.year &&
		       a->art.has_abs == b->art.has_abs && a->art.n_sent == b->art.n_sent && a->art.n_hit == b->art.n_hit &&
		       (a->art.n_hit == 0 || memcmp(a->art.hit, b->art.hit, a->art.n_hit * sizeof *a->art.hit) == 0);
	case MM_PREC_DELETE:
		return a->pmid == b->pmid;
	case MM_PREC_END_FILE: {
		mm_infile x, y;
		memset(&x, 0, sizeof x);
		memset(&y, 0, sizeof y);
		mm_partial_copy_end(&x, &a->file);
		mm_partial_copy_end(&y, &b->file);
		return memcmp(&x, &y, sizeof x) == 0;
	}
	case MM_PREC_TRAILER:
		return 1;
	case MM_PREC_MESH:
		return a->mesh.idx == b->mesh.idx && a->mesh.pmid == b->mesh.pmid && a->mesh.version == b->mesh.version &&
		       a->mesh.key_n == b->mesh.key_n && memcmp(a->mesh.key, b->mesh.key, a->mesh.key_n) == 0 &&
		       strcmp(a->mesh.name, b->mesh.name) == 0;
	}
	return 0;
}

/* one line: parse, write, parse, write */
static void round_trip(const char *l, size_t n)
{
	mm_partial_rec r = {0}, r2 = {0};
	mm_buf out = {0}, out2 = {0};
	const char *why = NULL;
	uint64_t fp, fp2;
	int nc, nc2;
	if (mm_partial_parse_lexicon(l, n, &fp, &nc) == 0) {
		mm_partial_put_header(&out, fp, nc);
		const char *l2 = memchr(out.s, '\n', out.l);
		if (!l2) abort();
		++l2;
		size_t n2 = out.l - (size_t)(l2 - out.s);
		if (n2 < 1 || l2[n2 - 1] != '\n') abort();
		if (mm_partial_parse_lexicon(l2, n2 - 1, &fp2, &nc2) < 0 || fp2 != fp || nc2 != nc) abort();
		out.l = 0;
	}
	if (mm_partial_parse_rec(l, n, N_CONCEPT, &r, &why) < 0) {
		if (!why || !*why) abort(); /* a rejection says why */
	} else {
		mm_partial_put_rec(&out, &r);
		if (out.l == 0 || out.s[out.l - 1] != '\n' || memchr(out.s, '\n', out.l) != out.s + out.l - 1) abort();
		out.s[out.l - 1] = 0; /* a line as the reader gives it */
		if (mm_partial_parse_rec(out.s, out.l - 1, N_CONCEPT, &r2, &why) < 0) abort();
		if (!same_rec(&r, &r2)) abort();
		mm_partial_put_rec(&out2, &r2);
		if (out2.l != out.l || memcmp(out2.s, out.s, out.l - 1) != 0 || out2.s[out.l - 1] != '\n') abort();
	}
	mm_partial_rec_free(&r);
	mm_partial_rec_free(&r2);
	mm_buf_free(&out);
	mm_buf_free(&out2);
}

/* the whole input as DIR/partial.myomine.gz (plain text is read as such) */
static void read_file(const uint8_t *data, size_t size)
{
	static char dir[64];
	static char path[128];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_partial.%d", (int)getpid());
		if (mkdir(dir, 0700) < 0) abort();
		snprintf(path, sizeof path, "%s/%s", dir, MM_PARTIAL_NAME);
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd) < 0) abort();
	/* the lexicon the file names, when it names one: so that its records are read */
	uint64_t fp = 0;
	int nc = 0;
	const char *p = (const char *)data, *end = p + size;
	const char *nl = memchr(p, '\n', size);
	if (nl) {
		const char *l2 = nl + 1, *nl2 = memchr(l2, '\n', (size_t)(end - l2));
		if (mm_partial_parse_lexicon(l2, (size_t)((nl2 ? nl2 : end) - l2), &fp, &nc) < 0) fp = 0, nc = 0;
	}
	mm_partial_in in;
	mm_buf err = {0};
	int rc = mm_partial_in_open(&in, dir, fp, nc, &err);
	if (rc == 0 && !in.ended)
		while ((rc = mm_partial_in_next(&in, &err)) == 1)
			if (in.rec.type == MM_PREC_ARTICLE && in.rec.art.n_hit && !in.rec.art.hit) abort();
	if (rc < 0 && err.l == 0) abort(); /* an error says why */
	mm_partial_in_close(&in);
	mm_buf_free(&err);
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mm_buf line = {0};
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		line.l = 0;
		mm_buf_put(&line, p, (size_t)(e - p)); /* NUL-terminated, as the reader's lines */
		round_trip(line.s ? line.s : "", line.l);
		p = e + 1;
	}
	mm_buf_free(&line);
	read_file(data, size);
	return 0;
}
