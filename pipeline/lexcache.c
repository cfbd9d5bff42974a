/* lexcache.c -- see lexcache.h */
#include "lexcache.h"
#include "lexpriv.h"
#include "gzcrc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LC_MAGIC "MYOMLXC1"
#define LC_FORMAT 1u
#define LC_ENDIAN 0x01020304u
#define LC_NONE UINT32_MAX  /* a string that is NULL */
#define LC_KEEP 8           /* cache files kept in a directory */

enum { S_NODE, S_EBYTE, S_ECHILD, S_ENTOFF, S_ENT, S_ROWS, S_TOK, S_CONCEPT, S_TYPE, S_FILE, S_BLOCK, S_BLOCKED, S_STR, NSEC };

/* records with string offsets (into S_STR) for pointers */
typedef struct { uint32_t concept; uint8_t flags, pre, suf, pad; uint32_t cs; } lc_ent;
typedef struct { uint32_t id, type, name, xrefs, pattern, where; int32_t type_idx; uint32_t pad; } lc_concept;
typedef struct { uint32_t path, crc32; uint64_t bytes; int32_t concepts; uint32_t pad; } lc_file;
typedef struct { int32_t concept; uint32_t phrase; uint64_t len; } lc_block;

typedef struct {
	char magic[8];
	uint64_t key;
	uint64_t size;            /* of the whole file */
	uint32_t format, endian;
	uint32_t n_concept, n_type, n_file, n_node, n_edge, n_ent, n_row, n_block;
	int32_t antibody_type;
	uint32_t tok_mask, blocklist_crc32, blocklist_path;
	uint32_t crc32, pad;      /* CRC-32 of the file, with this field 0 */
	uint64_t n_names;
	uint32_t root[256];
	uint8_t tcls[256];
	uint64_t off[NSEC], len[NSEC]; /* sections, 8-byte aligned */
} lc_header;

/* ---- the key ----------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0xff51afd7ed558ccdull;
	return h ^ (h >> 32);
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t x;
	h = mix(h, n);
	for (; n >= 8; s += 8, n -= 8) { memcpy(&x, s, 8); h = mix(h, x); }
	x = 0;
	memcpy(&x, s, n);
	return mix(h, x);
}

/* Open path for reading without blocking on a FIFO, a device or a
 * directory, and without following it anywhere but to a regular file:
 * the descriptor, with *st filled, or -1 with the reason in why (nothing
 * when the file does not exist). */
static int open_regular(const char *path, struct stat *st, mm_buf *why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT && why) mm_buf_printf(why, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, st) < 0) {
		if (why) mm_buf_printf(why, "cannot stat: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		if (why) mm_buf_printf(why, "not a regular file (%s)", S_ISFIFO(st->st_mode) ? "a FIFO" : S_ISDIR(st->st_mode) ? "a directory"
		                       : S_ISSOCK(st->st_mode) ? "a socket" : S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? "a device" : "special");
		close(fd);
		return -1;
	}
	int fl = fcntl(fd, F_GETFL); /* a regular file: reads block as usual */
	if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

/* Hash of one file's path and bytes; adds its size to *bytes. -1 when it
 * cannot be read or is not a regular file (the loader then says why). */
static int hash_file(const char *path, uint64_t *h, uint64_t *bytes)
{
	struct stat st;
	int fd = open_regular(path, &st, NULL);
	if (fd < 0) return -1;
	FILE *fp = fdopen(fd, "rb");
	if (!fp) { close(fd); return -1; }
	*h = hash_bytes(*h, path, strlen(path));
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) { *h = hash_bytes(*h, buf, n); *bytes += n; }
	int bad = ferror(fp);
	fclose(fp);
	return bad ? -1 : 0;
}

/* The cache key of the lexicon at path; 1 (no key) when its sources have
 * fewer than min bytes: then the program and the sources are not read. */
static int source_key(const char *path, uint64_t min, uint64_t *key, uint64_t *bytes)
{
	struct stat st;
	int nf = 0, rc = 0;
	mm_buf err = {0};
	char **files = mm_lexicon_sources(path, &nf, &st, &err);
	mm_buf_free(&err);
	if (!files) return -1;
	uint64_t total = 0;
	for (int i = 0; i < nf; ++i) {
		struct stat fs;
		if (stat(files[i], &fs) == 0) total += (uint64_t)fs.st_size;
	}
	if (total < min) { /* the bytes hashed below, give or take the blocklist */
		for (int i = 0; i < nf; ++i) free(files[i]);
		free(files);
		*bytes = total;
		return 1;
	}
	uint64_t h = hash_bytes(0x6d796f6d696e65ull, LC_MAGIC MM_VERSION, sizeof LC_MAGIC MM_VERSION);
	h = mix(h, sizeof(lc_header) << 16 | sizeof(mm_tnode) << 8 | sizeof(void *));
	/* the program itself: a rebuilt myomine (a changed normaliser, variant
	 * rule or trie layout) never reads a file an older build compiled */
	uint64_t exe_bytes = 0;
	hash_file("/proc/self/exe", &h, &exe_bytes);
	h = hash_bytes(h, path, strlen(path));
	*bytes = 0;
	for (int i = 0; i < nf; ++i) {
		if (!rc && hash_file(files[i], &h, bytes) < 0) rc = -1;
		free(files[i]);
	}
	free(files);
	if (!rc && S_ISDIR(st.st_mode)) {
		mm_buf bl = {0};
		mm_buf_path(&bl, path, "blocklist.txt");
		struct stat bs;
		if (stat(bl.s, &bs) == 0 && hash_file(bl.s, &h, bytes) < 0) rc = -1;
		bl.l = 0;
		mm_buf_path(&bl, path, "negation.txt");
		if (!rc && stat(bl.s, &bs) == 0 && hash_file(bl.s, &h, bytes) < 0) rc = -1;
		mm_buf_free(&bl);
	}
	*key = h;
	return rc;
}

/* ---- writing ----------------------------------------------------------- */

static uint32_t put_str(mm_buf *str, const char *s)
{
	if (!s) return LC_NONE;
	uint32_t o = (uint32_t)str->l;
	mm_buf_put(str, s, strlen(s) + 1);
	return o;
}

static void put_sec(mm_buf *b, lc_header *h, int k, const void *p, size_t n)
{
	while (b->l & 7) mm_buf_putc(b, 0);
	h->off[k] = b->l;
	h->len[k] = n;
	if (n) mm_buf_put(b, p, n);
}

int mm_lexcache_write(const mm_lexicon *lx, const char *file, uint64_t key, mm_buf *err)
{
	lc_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, LC_MAGIC, 8);
	h.key = key;
	h.format = LC_FORMAT;
	h.endian = LC_ENDIAN;
	h.n_concept = (uint32_t)lx->n_concept; h.n_type = (uint32_t)lx->n_type; h.n_file = (uint32_t)lx->n_file;
	h.n_node = lx->n_node; h.n_edge = lx->n_edge; h.n_ent = lx->n_ent; h.n_row = lx->n_row;
	h.n_block = (uint32_t)lx->n_block;
	h.antibody_type = lx->antibody_type;
	h.tok_mask = lx->tok_mask;
	h.blocklist_crc32 = lx->blocklist_crc32;
	h.n_names = lx->n_names;
	memcpy(h.root, lx->root, sizeof h.root);
	memcpy(h.tcls, lx->tcls, sizeof h.tcls);
	mm_buf str = {0}, b = {0};
	h.blocklist_path = put_str(&str, lx->blocklist_path);
	lc_ent *ent = mm_malloc((lx->n_ent ? lx->n_ent : 1) * sizeof *ent);
	for (uint32_t i = 0; i < lx->n_ent; ++i) {
		const mm_lexent *e = &lx->ent[i];
		ent[i] = (lc_ent){ e->concept, e->flags, e->pre, e->suf, 0, put_str(&str, e->cs) };
	}
	lc_concept *con = mm_malloc((size_t)lx->n_concept * sizeof *con);
	for (int i = 0; i < lx->n_concept; ++i) {
		const mm_concept *c = &lx->c[i];
		con[i] = (lc_concept){ put_str(&str, c->id), put_str(&str, c->type), put_str(&str, c->name), put_str(&str, c->xrefs),
		                       put_str(&str, c->pattern_src), put_str(&str, c->where), c->type_idx, 0 };
	}
	uint32_t *typ = mm_malloc((size_t)(lx->n_type ? lx->n_type : 1) * sizeof *typ);
	for (int i = 0; i < lx->n_type; ++i) typ[i] = put_str(&str, lx->type[i]);
	lc_file *fil = mm_calloc((size_t)(lx->n_file ? lx->n_file : 1), sizeof *fil);
	for (int i = 0; i < lx->n_file; ++i)
		fil[i] = (lc_file){ put_str(&str, lx->file[i].path), lx->file[i].crc32, lx->file[i].bytes, lx->file[i].concepts, 0 };
	lc_block *blk = mm_calloc((size_t)(lx->n_block ? lx->n_block : 1), sizeof *blk);
	for (int i = 0; i < lx->n_block; ++i)
		blk[i] = (lc_block){ lx->block[i].concept, put_str(&str, lx->block[i].phrase), lx->block[i].len };
	int rc = 0;
	if (str.l >= LC_NONE) { mm_buf_printf(err, "the lexicon's strings exceed 4 GB"); rc = -1; goto done; }
	mm_buf_grow(&b, sizeof h + (size_t)lx->n_node * 14 + str.l + (size_t)lx->n_ent * 4 + 4096);
	b.l = sizeof h;
	memset(b.s, 0, sizeof h);
	put_sec(&b, &h, S_NODE, lx->node, (size_t)lx->n_node * sizeof *lx->node);
	put_sec(&b, &h, S_EBYTE, lx->edge_byte, lx->n_edge);
	put_sec(&b, &h, S_ECHILD, lx->edge_child, (size_t)lx->n_edge * sizeof *lx->edge_child);
	put_sec(&b, &h, S_ENTOFF, lx->ent_off, ((size_t)lx->n_node + 1) * sizeof *lx->ent_off);
	put_sec(&b, &h, S_ENT, ent, (size_t)lx->n_ent * sizeof *ent);
	put_sec(&b, &h, S_ROWS, lx->rows, ((size_t)lx->n_row << 6) * sizeof *lx->rows);
	put_sec(&b, &h, S_TOK, lx->tok_bits, ((size_t)lx->tok_mask + 1) / 8);
	put_sec(&b, &h, S_CONCEPT, con, (size_t)lx->n_concept * sizeof *con);
	put_sec(&b, &h, S_TYPE, typ, (size_t)lx->n_type * sizeof *typ);
	put_sec(&b, &h, S_FILE, fil, (size_t)lx->n_file * sizeof *fil);
	put_sec(&b, &h, S_BLOCK, blk, (size_t)lx->n_block * sizeof *blk);
	put_sec(&b, &h, S_BLOCKED, lx->blocked, (size_t)lx->n_concept + 1);
	put_sec(&b, &h, S_STR, str.s, str.l);
	h.size = b.l;
	h.crc32 = 0;
	memcpy(b.s, &h, sizeof h);
	h.crc32 = mm_crc32(0, b.s, b.l);
	memcpy(b.s, &h, sizeof h);
	/* a temporary name in the same directory, then rename: readers see
	 * the old file or the whole new one */
	mm_buf tmp = {0};
	mm_buf_printf(&tmp, "%s.tmp.XXXXXX", file); /* unique also on a shared file system */
	int fd = mkstemp(tmp.s);
	if (fd >= 0) fchmod(fd, 0644);
	if (fd < 0) { mm_buf_printf(err, "cannot create %s: %s", tmp.s, strerror(errno)); rc = -1; }
	else {
		size_t at = 0;
		while (at < b.l) {
			ssize_t w = write(fd, b.s + at, b.l - at);
			if (w < 0 && errno == EINTR) continue;
			if (w <= 0) { mm_buf_printf(err, "cannot write %s: %s", tmp.s, w < 0 ? strerror(errno) : "short write"); rc = -1; break; }
			at += (size_t)w;
		}
		if (close(fd) < 0 && !rc) { mm_buf_printf(err, "cannot write %s: %s", tmp.s, strerror(errno)); rc = -1; }
		if (!rc && rename(tmp.s, file) < 0) { mm_buf_printf(err, "cannot rename %s: %s", tmp.s, strerror(errno)); rc = -1; }
		if (rc) unlink(tmp.s);
	}
	mm_buf_free(&tmp);
done:
	free(ent); free(con); free(typ); free(fil); free(blk);
	mm_buf_free(&str);
	mm_buf_free(&b);
	return rc;
}

/* ---- reading ----------------------------------------------------------- */

typedef struct { const char *s; uint64_t n; } strtab;

/* string at offset o, or NULL (LC_NONE); *bad set when out of range */
static char *get_str(const strtab *t, uint32_t o, int *bad)
{
	if (o == LC_NONE) return NULL;
	if (o >= t->n) { *bad = 1; return NULL; }
	return (char *)(uintptr_t)(t->s + o);
}

static mm_lexicon *invalid(mm_lexicon *lx, void *map, size_t len, mm_buf *why, const char *what)
{
	mm_buf_printf(why, "%s", what);
	if (lx) mm_lexicon_free(lx); /* unmaps */
	else if (map) munmap(map, len);
	return NULL;
}

mm_lexicon *mm_lexcache_read(const char *file, const uint64_t *key, mm_buf *why)
{
	struct stat st;
	int fd = open_regular(file, &st, why); /* a FIFO in its place must not hang the run */
	if (fd < 0) return NULL;
	if (st.st_size < (off_t)sizeof(lc_header)) { close(fd); mm_buf_printf(why, "truncated (%lld bytes)", (long long)st.st_size); return NULL; }
	if ((uint64_t)st.st_size > SIZE_MAX / 2) { close(fd); mm_buf_printf(why, "impossible size (%lld bytes)", (long long)st.st_size); return NULL; }
	size_t size = (size_t)st.st_size;
	void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) { mm_buf_printf(why, "cannot map: %s", strerror(errno)); return NULL; }
	const char *base = map;
	lc_header h;
	memcpy(&h, base, sizeof h);
	if (memcmp(h.magic, LC_MAGIC, 8) != 0 || h.format != LC_FORMAT || h.endian != LC_ENDIAN)
		return invalid(NULL, map, size, why, "not a myomine lexicon cache of this version");
	if (h.size != size) return invalid(NULL, map, size, why, "truncated or extended");
	if (key && h.key != *key) return invalid(NULL, map, size, why, "made from other lexicon files");
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION /* let the fuzzer past it */
	{ /* over the whole file, its own field taken as 0 */
		lc_header z;
		memcpy(&z, &h, sizeof z);
		z.crc32 = 0;
		if (mm_crc32(mm_crc32(0, &z, sizeof z), base + sizeof h, size - sizeof h) != h.crc32)
			return invalid(NULL, map, size, why, "CRC-32 mismatch");
	}
#endif
	/* each section: aligned, inside the file, of the size its counts say */
	const uint64_t want[NSEC] = {
		(uint64_t)h.n_node * sizeof(mm_tnode), h.n_edge, (uint64_t)h.n_edge * 4, ((uint64_t)h.n_node + 1) * 4,
		(uint64_t)h.n_ent * sizeof(lc_ent), ((uint64_t)h.n_row << 6) * 4, ((uint64_t)h.tok_mask + 1) / 8,
		(uint64_t)h.n_concept * sizeof(lc_concept), (uint64_t)h.n_type * 4, (uint64_t)h.n_file * sizeof(lc_file),
		(uint64_t)h.n_block * sizeof(lc_block), (uint64_t)h.n_concept + 1, h.len[S_STR]
	};
	for (int k = 0; k < NSEC; ++k)
		if (h.off[k] % 8 || h.off[k] < sizeof h || h.off[k] > size || h.len[k] > size - h.off[k] || h.len[k] != want[k])
			return invalid(NULL, map, size, why, "a section is out of place");
	if (h.n_concept < 1 || h.n_concept > INT32_MAX || h.n_type > INT32_MAX || h.n_file > INT32_MAX || h.n_block > INT32_MAX ||
	    h.tok_mask < 63 || (h.tok_mask & (h.tok_mask + 1)))
		return invalid(NULL, map, size, why, "inconsistent counts");
	strtab t = { base + h.off[S_STR], h.len[S_STR] };
	if (t.n && t.s[t.n - 1] != 0) return invalid(NULL, map, size, why, "unterminated strings");
	mm_lexicon *lx = mm_calloc(1, sizeof *lx);
	lx->blob = map;
	lx->blob_len = size;
	int bad = 0;
#define SEC(k) ((void *)(uintptr_t)(base + h.off[k]))
	lx->n_node = h.n_node; lx->n_edge = h.n_edge; lx->n_ent = h.n_ent; lx->n_row = h.n_row;
	lx->node = SEC(S_NODE);
	lx->edge_byte = SEC(S_EBYTE);
	lx->edge_child = SEC(S_ECHILD);
	lx->ent_off = SEC(S_ENTOFF);
	lx->rows = SEC(S_ROWS);
	lx->tok_bits = SEC(S_TOK);
	lx->tok_mask = h.tok_mask;
	lx->blocked = SEC(S_BLOCKED);
	memcpy(lx->root, h.root, sizeof lx->root);
	memcpy(lx->tcls, h.tcls, sizeof lx->tcls);
	lx->antibody_type = h.antibody_type;
	lx->blocklist_crc32 = h.blocklist_crc32;
	lx->blocklist_path = get_str(&t, h.blocklist_path, &bad);
	lx->n_names = h.n_names;
	const lc_ent *ent = SEC(S_ENT);
	lx->ent = mm_malloc((h.n_ent ? h.n_ent : 1) * sizeof *lx->ent);
	for (uint32_t i = 0; i < h.n_ent; ++i)
		lx->ent[i] = (mm_lexent){ ent[i].concept, ent[i].flags, ent[i].pre, ent[i].suf, get_str(&t, ent[i].cs, &bad) };
	const lc_concept *con = SEC(S_CONCEPT);
	lx->n_concept = (int)h.n_concept;
	lx->c = mm_calloc(h.n_concept, sizeof *lx->c);
	for (uint32_t i = 0; i < h.n_concept; ++i) {
		mm_concept *c = &lx->c[i];
		c->id = get_str(&t, con[i].id, &bad); c->type = get_str(&t, con[i].type, &bad);
		c->name = get_str(&t, con[i].name, &bad); c->xrefs = get_str(&t, con[i].xrefs, &bad);
		c->pattern_src = get_str(&t, con[i].pattern, &bad); c->where = get_str(&t, con[i].where, &bad);
		c->type_idx = con[i].type_idx;
	}
	const uint32_t *typ = SEC(S_TYPE);
	lx->n_type = (int)h.n_type;
	lx->type = mm_calloc(h.n_type ? h.n_type : 1, sizeof *lx->type);
	for (uint32_t i = 0; i < h.n_type; ++i) if (!(lx->type[i] = get_str(&t, typ[i], &bad))) bad = 1;
	const lc_file *fil = SEC(S_FILE);
	lx->n_file = (int)h.n_file;
	lx->file = mm_calloc(h.n_file ? h.n_file : 1, sizeof *lx->file);
	for (uint32_t i = 0; i < h.n_file; ++i) {
		lx->file[i] = (mm_lexfile){ get_str(&t, fil[i].path, &bad), fil[i].crc32, fil[i].bytes, fil[i].concepts };
		if (!lx->file[i].path) bad = 1;
	}
	const lc_block *blk = SEC(S_BLOCK);
	lx->n_block = (int)h.n_block;
	lx->block = mm_calloc(h.n_block ? h.n_block : 1, sizeof *lx->block);
	for (uint32_t i = 0; i < h.n_block; ++i) {
		lx->block[i].concept = blk[i].concept;
		lx->block[i].phrase = get_str(&t, blk[i].phrase, &bad);
		lx->block[i].len = blk[i].len;
		if (lx->block[i].phrase && strlen(lx->block[i].phrase) != blk[i].len) bad = 1;
	}
#undef SEC
	if (bad || mm_lexicon_check(lx) < 0) return invalid(lx, NULL, 0, why, "inconsistent contents");
	mm_buf perr = {0};
	if (mm_lexicon_patterns(lx, &perr) < 0) {
		mm_buf_printf(why, "%s", perr.s);
		mm_buf_free(&perr);
		mm_lexicon_free(lx);
		return NULL;
	}
	mm_buf_free(&perr);
	return lx;
}

/* ---- the directory ----------------------------------------------------- */

char *mm_lexcache_default_dir(void)
{
	const char *e = getenv("MYOMINE_CACHE_DIR");
	if (e && *e) return mm_strdup(e);
	mm_buf b = {0};
	if ((e = getenv("XDG_CACHE_HOME")) && *e == '/') mm_buf_printf(&b, "%s/myomine", e);
	else if ((e = getenv("HOME")) && *e) mm_buf_printf(&b, "%s/.cache/myomine", e);
	return b.s;
}

/* Keep the LC_KEEP most recently used cache files of dir; remove temporary
 * files older than an hour. */
static void prune(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) return;
	struct ent { char *path; struct timespec t; } *v = NULL;
	size_t n = 0;
	struct dirent *de;
	time_t now = time(NULL);
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (strncmp(de->d_name, "lexicon-", 8) != 0) continue;
		int tmp = strstr(de->d_name, ".mmlc.tmp.") != NULL;
		if (!tmp && (l < 13 || strcmp(de->d_name + l - 5, ".mmlc") != 0)) continue;
		mm_buf p = {0};
		mm_buf_path(&p, dir, de->d_name);
		struct stat st;
		if (stat(p.s, &st) < 0) { mm_buf_free(&p); continue; }
		if (tmp) { /* left by a run that was killed while writing */
			if (now - st.st_mtime > 3600) unlink(p.s);
			mm_buf_free(&p);
			continue;
		}
		v = mm_realloc(v, (n + 1) * sizeof *v);
		v[n].path = p.s;
		v[n].t = st.st_mtim;
		++n;
	}
	closedir(d);
	while (n > LC_KEEP) { /* drop the oldest */
		size_t o = 0;
		for (size_t i = 1; i < n; ++i)
			if (v[i].t.tv_sec < v[o].t.tv_sec || (v[i].t.tv_sec == v[o].t.tv_sec && v[i].t.tv_nsec < v[o].t.tv_nsec)) o = i;
		unlink(v[o].path);
		free(v[o].path);
		v[o] = v[--n];
	}
	for (size_t i = 0; i < n; ++i) free(v[i].path);
	free(v);
}

mm_lexicon *mm_lexicon_open(const char *path, const char *dir, mm_lexcache_info *info, mm_buf *err)
{
	info->state = MM_LC_OFF;
	info->file = NULL;
	if (!dir || !*dir) return mm_lexicon_load(path, err);
	uint64_t key = 0, bytes = 0;
	uint64_t min = MM_LEXCACHE_MIN_BYTES;
	const char *e = getenv("MYOMINE_CACHE_MIN_BYTES");
	if (e && *e) min = strtoull(e, NULL, 10);
	int sk = source_key(path, min, &key, &bytes);
	if (sk < 0) return mm_lexicon_load(path, err); /* which says why */
	if (sk > 0 || bytes < min) { info->state = MM_LC_SMALL; return mm_lexicon_load(path, err); }
	mm_buf f = {0}, why = {0};
	char name[40];
	snprintf(name, sizeof name, "lexicon-%016llx.mmlc", (unsigned long long)key);
	mm_buf_path(&f, dir, name);
	info->file = f.s;
	mm_lexicon *lx = mm_lexcache_read(f.s, &key, &why);
	if (lx && mm_lexicon_load_negation(lx, path, err) < 0) { /* not cached: read each time */
		mm_lexicon_free(lx);
		mm_buf_free(&why);
		return NULL;
	}
	if (lx) {
		info->state = MM_LC_HIT;
		utimensat(AT_FDCWD, f.s, NULL, 0); /* recently used: kept by prune() */
		mm_buf_free(&why);
		return lx;
	}
	int damaged = why.l > 0; /* else there was no file */
	if (damaged) mm_warn("%s: cache file not used (%s); compiling the lexicon", f.s, why.s);
	why.l = 0;
	lx = mm_lexicon_load(path, err);
	if (lx) {
		struct stat st;
		if (mm_mkdir_p(dir) < 0) { mm_buf_printf(&why, "cannot create %s: %s", dir, strerror(errno)); info->state = MM_LC_UNWRITABLE; }
		else if (!damaged && stat(f.s, &st) == 0)
			info->state = MM_LC_WRITTEN; /* by a run started at the same time (cluster jobs): not again */
		else if (mm_lexcache_write(lx, f.s, key, &why) < 0) info->state = MM_LC_UNWRITABLE;
		else { info->state = MM_LC_WRITTEN; prune(dir); }
		if (info->state == MM_LC_UNWRITABLE) mm_warn("lexicon cache not written (%s)", why.s);
	}
	mm_buf_free(&why);
	return lx;
}
