/* lexicon.c -- read and check lexicon files (see lexicon.h); the matching
 * structures are built by lexbuild.c. */
#include "lexpriv.h"
#include "negate.h"
#include "prefilter.h"
#include "text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <zlib.h>

/* ---- reading TSV ------------------------------------------------------ */

typedef struct {
	char *id, *type, *name, *syn, *xrefs, *pattern, *where;
} rawc;

static int valid_id(const char *s)
{
	if (!*s) return 0;
	for (; *s; ++s) if (!isalnum((unsigned char)*s) && !strchr("_.:+-", *s)) return 0;
	return 1;
}

static int valid_type(const char *s)
{
	if (!islower((unsigned char)*s)) return 0;
	for (; *s; ++s) if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_') return 0;
	return 1;
}

/* The first item of an xrefs column ('|'-separated PREFIX:ID) whose
 * prefix is not one of the documented ones (lexicons/README.md) or whose
 * id is empty, or NULL when all are valid. */
static const char *bad_xref(const char *s)
{
	static const char *const prefix[] = { "MeSH", "HPO", "ChEBI", "DrugBank", "UniProt", NULL };
	for (;;) {
		while (*s == ' ') ++s;
		size_t n = strcspn(s, "|"), k = strcspn(s, ":|");
		int ok = 0;
		for (int i = 0; prefix[i] && !ok; ++i)
			ok = k == strlen(prefix[i]) && memcmp(s, prefix[i], k) == 0 && k + 1 < n && s[k] == ':' && s[k + 1] != ' ';
		if (!ok) return s;
		if (!s[n]) return NULL;
		s += n + 1;
	}
}

static char *field_or_null(char *s)
{
	while (*s == ' ') ++s;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) s[--n] = 0;
	if (!*s || strcmp(s, "-") == 0) return NULL;
	return mm_strdup(s);
}

static int read_file(const char *path, rawc **rc, int *n, int *m, mm_lexfile *lf, mm_buf *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) { mm_buf_printf(err, "%s: cannot open: %s", path, strerror(errno)); return -1; }
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, rc_ok = 0;
	uLong crc = crc32(0, NULL, 0);
	lf->path = mm_strdup(path);
	lf->bytes = 0;
	lf->concepts = 0;
	while ((len = getline(&line, &cap, fp)) >= 0) {
		++lineno;
		crc = crc32(crc, (const Bytef *)line, (uInt)len);
		lf->bytes += (uint64_t)len;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
		if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) memmove(line, line + 3, (size_t)(len -= 3) + 1);
		char *p = line;
		while (*p == ' ') ++p;
		if (!*p || *p == '#') continue;
		if (strncmp(line, "id\t", 3) == 0) continue;
		if (memchr(line, 0, (size_t)len)) { mm_buf_printf(err, "%s:%d: NUL byte in line", path, lineno); rc_ok = -1; break; }
		{
			const unsigned char *u = (const unsigned char *)line;
			size_t k = 0, ul = (size_t)len;
			int bad = 0;
			while (k < ul) { int w = mm_utf8_len(u + k, ul - k); if (!w) { bad = 1; break; } k += (size_t)w; }
			if (bad) { mm_buf_printf(err, "%s:%d: invalid UTF-8 at byte %zu of the line", path, lineno, k + 1); rc_ok = -1; break; }
		}
		char *col[7] = {0};
		int nc = 0;
		char *s = line;
		for (;;) {
			if (nc == 7) break;
			col[nc++] = s;
			char *t = strchr(s, '\t');
			if (!t) break;
			*t = 0;
			s = t + 1;
		}
		if (nc < 3 || nc > 6) {
			mm_buf_printf(err, "%s:%d: expected 3 to 6 tab-separated columns (id, type, name, synonyms, xrefs, pattern), found %d", path, lineno, nc);
			rc_ok = -1;
			break;
		}
		char *id = field_or_null(col[0]), *type = field_or_null(col[1]), *name = field_or_null(col[2]);
		if (!id || !valid_id(id)) { mm_buf_printf(err, "%s:%d: invalid id \"%s\" (allowed: letters, digits and _.:+-)", path, lineno, col[0]); free(id); free(type); free(name); rc_ok = -1; break; }
		if (!type || !valid_type(type)) { mm_buf_printf(err, "%s:%d: invalid type \"%s\" (lower-case letters, digits, _)", path, lineno, col[1]); free(id); free(type); free(name); rc_ok = -1; break; }
		if (!name) { mm_buf_printf(err, "%s:%d: empty name", path, lineno); free(id); free(type); rc_ok = -1; break; }
		if (*n == *m) { *m = *m ? *m * 2 : 256; *rc = mm_realloc(*rc, (size_t)*m * sizeof **rc); }
		rawc *r = &(*rc)[(*n)++];
		r->id = id; r->type = type; r->name = name;
		r->syn = nc > 3 ? field_or_null(col[3]) : NULL;
		r->xrefs = nc > 4 ? field_or_null(col[4]) : NULL;
		r->pattern = nc > 5 ? field_or_null(col[5]) : NULL;
		mm_buf w = {0};
		mm_buf_printf(&w, "%s:%d", path, lineno);
		r->where = w.s;
		const char *bx = r->xrefs ? bad_xref(r->xrefs) : NULL;
		if (bx) {
			mm_buf_printf(err, "%s:%d: cross-reference \"%.*s\": expected PREFIX:ID, PREFIX one of MeSH, HPO, ChEBI, DrugBank, "
			              "UniProt (lexicons/README.md)", path, lineno, (int)strcspn(bx, "|"), bx);
			rc_ok = -1;
			break;
		}
		lf->concepts++;
	}
	if (ferror(fp) && rc_ok == 0) { mm_buf_printf(err, "%s: read error", path); rc_ok = -1; }
	lf->crc32 = (uint32_t)crc;
	free(line);
	fclose(fp);
	return rc_ok;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_rawc(const void *a, const void *b) { return strcmp(((const rawc *)a)->id, ((const rawc *)b)->id); }

/* Parse "syn{flags}" items separated by '|' and add each to b. */
static int add_list(mm_lexbuild *b, const mm_lexicon *lx, uint32_t ci, const char *list, const char *where, mm_buf *err, uint64_t *count)
{
	const char *s = list;
	while (*s) {
		const char *e = strchr(s, '|');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		while (n && s[0] == ' ') ++s, --n;
		while (n && s[n - 1] == ' ') --n;
		int flags = 0;
		if (n && s[n - 1] == '}') {
			const char *ob = NULL;
			for (size_t k = n; k-- > 0;) if (s[k] == '{') { ob = s + k; break; }
			if (!ob) { mm_buf_printf(err, "%s: synonym \"%.*s\": '}' without '{'", where, (int)n, s); return -1; }
			const char *f = ob + 1, *fe = s + n - 1;
			while (f < fe) {
				const char *c = memchr(f, ',', (size_t)(fe - f));
				size_t fl = c ? (size_t)(c - f) : (size_t)(fe - f);
				while (fl && *f == ' ') ++f, --fl;
				while (fl && f[fl - 1] == ' ') --fl;
				if (fl == 2 && memcmp(f, "cs", 2) == 0) flags |= MM_F_CS;
				else if (fl == 3 && memcmp(f, "ctx", 3) == 0) flags |= MM_F_CTX;
				else if (fl == 5 && memcmp(f, "exact", 5) == 0) flags |= MM_F_EXACT;
				else if (fl == 5 && memcmp(f, "whole", 5) == 0) flags |= MM_F_WHOLE;
				else if (fl == 4 && memcmp(f, "clin", 4) == 0) flags |= MM_F_CLIN;
				else { mm_buf_printf(err, "%s: synonym \"%.*s\": unknown flag \"%.*s\" (known: cs, ctx, exact, whole, clin)", where, (int)n, s, (int)fl, f); return -1; }
				f += fl;
				while (f < fe && (*f == ',' || *f == ' ')) ++f;
			}
			n = (size_t)(ob - s);
			while (n && s[n - 1] == ' ') --n;
		}
		if (n) {
			mm_syn_status rc = mm_lexbuild_add(b, lx, ci, s, n, flags);
			if (rc == MM_SYN_NO_ALNUM) {
				mm_buf_printf(err, "%s: synonym \"%.*s\" has no letters or digits", where, (int)n, s);
				return -1;
			}
			if (rc == MM_SYN_BAD_START) {
				mm_buf_printf(err, "%s: synonym \"%.*s\" does not start with a letter or digit: names are matched from "
				              "the start of a word, so it could never match (drop the leading punctuation, or match it "
				              "with the pattern column)", where, (int)n, s);
				return -1;
			}
			(*count)++;
		}
		if (!e) break;
		s = e + 1;
	}
	return 0;
}

/* blocklist.txt beside the lexicons (a directory -l only): lines
 * "id<TAB>phrase" or "*<TAB>phrase"; '#' comments. */
static int cmp_id(const void *k, const void *c) { return strcmp((const char *)k, ((const mm_concept *)c)->id); }

static int load_blocklist(mm_lexicon *lx, const char *path, const struct stat *st, mm_buf *err)
{
	lx->blocked = mm_calloc((size_t)lx->n_concept + 1, 1);
	if (!S_ISDIR(st->st_mode)) return 0;
	mm_buf p = {0};
	mm_buf_path(&p, path, "blocklist.txt");
	FILE *fp = fopen(p.s, "rb");
	if (!fp) { mm_buf_free(&p); return 0; }
	lx->blocklist_path = p.s;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, rc = 0, any = 0;
	uLong crc = crc32(0, NULL, 0);
	while ((len = getline(&line, &cap, fp)) >= 0) {
		++lineno;
		crc = crc32(crc, (const Bytef *)line, (uInt)len);
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
		if (!len || line[0] == '#') continue;
		char *tab = strchr(line, '\t');
		if (!tab || !tab[1]) { mm_buf_printf(err, "%s:%d: expected id<TAB>phrase", p.s, lineno); rc = -1; break; }
		*tab = 0;
		int ci = -1;
		if (strcmp(line, "*") != 0) {
			const mm_concept *c = bsearch(line, lx->c, (size_t)lx->n_concept, sizeof *lx->c, cmp_id);
			if (!c) { mm_buf_printf(err, "%s:%d: unknown concept id \"%s\"", p.s, lineno, line); rc = -1; break; }
			ci = (int)(c - lx->c);
			lx->blocked[ci] = 1;
		} else any = 1;
		mm_buf norm = {0};
		mm_normalize(tab + 1, strlen(tab + 1), 1, &norm, NULL, 0);
		lx->block = mm_realloc(lx->block, (size_t)(lx->n_block + 1) * sizeof *lx->block);
		lx->block[lx->n_block].concept = ci;
		lx->block[lx->n_block].phrase = norm.s;
		lx->block[lx->n_block].len = norm.l;
		lx->n_block++;
	}
	if (any) memset(lx->blocked, 1, (size_t)lx->n_concept);
	lx->blocklist_crc32 = (uint32_t)crc;
	free(line);
	fclose(fp);
	return rc;
}

int mm_lexicon_load_negation(mm_lexicon *lx, const char *path, mm_buf *err)
{
	struct stat st;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) return 0;
	mm_buf p = {0}, text = {0};
	mm_buf_path(&p, path, "negation.txt");
	FILE *fp = fopen(p.s, "rb");
	if (!fp) { mm_buf_free(&p); return 0; }
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) mm_buf_put(&text, buf, n);
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		mm_buf_printf(err, "%s: cannot read: %s", p.s, strerror(errno));
		mm_buf_free(&p); mm_buf_free(&text);
		return -1;
	}
	lx->neg = mm_negrules_parse(text.s ? text.s : "", text.l, p.s, err);
	lx->negation_crc32 = (uint32_t)crc32(crc32(0, NULL, 0), (const Bytef *)text.s, (uInt)text.l);
	mm_buf_free(&text);
	if (!lx->neg) { mm_buf_free(&p); return -1; }
	lx->negation_path = p.s;
	return 0;
}

int mm_lexicon_check(const mm_lexicon *lx)
{
	if (lx->n_node < 1 || lx->n_concept < 1 || lx->n_type < 1 || lx->n_row < 1) return -1;
	if (lx->antibody_type < -1 || lx->antibody_type >= lx->n_type) return -1;
	if (lx->tok_mask < 63 || (lx->tok_mask & (lx->tok_mask + 1))) return -1;
	for (int c = 0; c < 256; ++c)
		if (lx->root[c] >= lx->n_node || lx->tcls[c] >= 64) return -1;
	for (uint32_t i = 0; i < lx->n_node; ++i) {
		const mm_tnode *v = &lx->node[i];
		if (v->flags & ~(MM_NODE_SEP | MM_NODE_ENT | MM_NODE_DENSE) || v->n > 256) return -1;
		if (v->n == 1) { if (v->kid == 0 || v->kid >= lx->n_node) return -1; } /* mm_trie_next tests n == 1 first */
		else if (v->flags & MM_NODE_DENSE) { if (v->kid == 0 || v->kid >= lx->n_row) return -1; }
		else if ((uint64_t)v->kid + v->n > lx->n_edge) return -1;
		if (lx->ent_off[i] > lx->ent_off[i + 1]) return -1;
		if (!(v->flags & MM_NODE_ENT) != (lx->ent_off[i] == lx->ent_off[i + 1])) return -1;
	}
	if (lx->ent_off[0] != 0 || lx->ent_off[lx->n_node] != lx->n_ent) return -1;
	for (uint32_t e = 0; e < lx->n_edge; ++e)
		if (lx->edge_child[e] == 0 || lx->edge_child[e] >= lx->n_node) return -1;
	for (size_t r = 0; r < (size_t)lx->n_row << 6; ++r)
		if (lx->rows[r] >= lx->n_node) return -1;
	for (uint32_t k = 0; k < lx->n_ent; ++k)
		if (lx->ent[k].concept >= (uint32_t)lx->n_concept || ((lx->ent[k].flags & MM_F_CS) && !lx->ent[k].cs)) return -1;
	for (int i = 0; i < lx->n_concept; ++i) {
		const mm_concept *c = &lx->c[i];
		if (!c->id || !c->type || !c->name || !c->where || c->type_idx < 0 || c->type_idx >= lx->n_type) return -1;
		if (i && strcmp(lx->c[i - 1].id, c->id) >= 0) return -1;
	}
	for (int k = 0; k < lx->n_block; ++k)
		if (lx->block[k].concept < -1 || lx->block[k].concept >= lx->n_concept || !lx->block[k].phrase) return -1;
	return 0;
}

char **mm_lexicon_sources(const char *path, int *n_files, struct stat *st, mm_buf *err)
{
	if (stat(path, st) < 0) { mm_buf_printf(err, "%s: cannot open lexicon: %s", path, strerror(errno)); return NULL; }
	char **files = NULL;
	int nf = 0;
	if (S_ISDIR(st->st_mode)) {
		DIR *dir = opendir(path);
		if (!dir) { mm_buf_printf(err, "%s: cannot open lexicon directory: %s", path, strerror(errno)); return NULL; }
		struct dirent *de;
		while ((de = readdir(dir))) {
			size_t l = strlen(de->d_name);
			if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0 && de->d_name[0] != '.') {
				mm_buf p = {0};
				mm_buf_path(&p, path, de->d_name);
				files = mm_realloc(files, (size_t)(nf + 1) * sizeof *files);
				files[nf++] = p.s;
			}
		}
		closedir(dir);
		qsort(files, (size_t)nf, sizeof *files, cmp_str);
		if (nf == 0) { mm_buf_printf(err, "%s: no .tsv lexicon files in this directory", path); free(files); return NULL; }
	} else {
		files = mm_malloc(sizeof *files);
		files[nf++] = mm_strdup(path);
	}
	*n_files = nf;
	return files;
}

/* Read the .tsv files of path into rc[0..*n) sorted by id (PATH's stat in
 * st; the files' records in lx->file): 0, or -1 (err) when a file cannot
 * be read, a line is malformed, there are no entries or an id repeats. */
static int read_sources(const char *path, mm_lexicon *lx, rawc **rc, int *n, struct stat *st, mm_buf *err)
{
	int nf = 0, m = 0, fail = 0;
	char **files = mm_lexicon_sources(path, &nf, st, err);
	if (!files) return -1;
	lx->file = mm_calloc((size_t)nf, sizeof *lx->file);
	lx->n_file = nf;
	for (int i = 0; i < nf && !fail; ++i)
		if (read_file(files[i], rc, n, &m, &lx->file[i], err) < 0) fail = 1;
	for (int i = 0; i < nf; ++i) free(files[i]);
	free(files);
	if (fail) return -1;
	if (*n == 0) { mm_buf_printf(err, "%s: the lexicon has no entries", path); return -1; }
	qsort(*rc, (size_t)*n, sizeof **rc, cmp_rawc);
	for (int i = 1; i < *n; ++i)
		if (strcmp((*rc)[i].id, (*rc)[i - 1].id) == 0) {
			mm_buf_printf(err, "%s: duplicate id \"%s\" (also defined at %s)", (*rc)[i].where, (*rc)[i].id, (*rc)[i - 1].where);
			return -1;
		}
	return 0;
}

/* The sorted, distinct types of rc[0..n), and which is "antibody". */
static void set_types(mm_lexicon *lx, const rawc *rc, int n)
{
	char **types = mm_malloc((size_t)n * sizeof *types);
	for (int i = 0; i < n; ++i) types[i] = rc[i].type;
	qsort(types, (size_t)n, sizeof *types, cmp_str);
	lx->type = mm_malloc((size_t)n * sizeof *lx->type);
	for (int i = 0; i < n; ++i)
		if (i == 0 || strcmp(types[i], types[i - 1])) lx->type[lx->n_type++] = mm_strdup(types[i]);
	free(types);
	for (int t = 0; t < lx->n_type; ++t) if (strcmp(lx->type[t], "antibody") == 0) lx->antibody_type = t;
}

/* The concepts of rc[0..n) (whose strings move into lx->c), their names
 * and synonyms added to b and their patterns compiled, in id order: 0, or
 * -1 (err) at the first that fails. */
static int add_concepts(mm_lexicon *lx, rawc *rc, int n, mm_lexbuild *b, mm_buf *err)
{
	lx->n_concept = n;
	lx->c = mm_calloc((size_t)n, sizeof *lx->c);
	lx->pattern_concept = mm_malloc((size_t)n * sizeof *lx->pattern_concept);
	for (int i = 0; i < n; ++i) {
		mm_concept *c = &lx->c[i];
		c->id = rc[i].id; c->type = rc[i].type; c->name = rc[i].name;
		c->xrefs = rc[i].xrefs; c->pattern_src = rc[i].pattern; c->where = rc[i].where;
		rc[i].id = rc[i].type = rc[i].name = rc[i].xrefs = rc[i].pattern = rc[i].where = NULL;
		for (int t = 0; t < lx->n_type; ++t) if (strcmp(lx->type[t], c->type) == 0) c->type_idx = t;
		/* the name is matched too, with its own flags if any */
		if (add_list(b, lx, (uint32_t)i, c->name, c->where, err, &lx->n_names) < 0) return -1;
		{ /* strip flags from the displayed name */
			char *br = strrchr(c->name, '{');
			if (br && c->name[strlen(c->name) - 1] == '}') { *br = 0; size_t l = strlen(c->name); while (l && c->name[l - 1] == ' ') c->name[--l] = 0; }
		}
		if (rc[i].syn && add_list(b, lx, (uint32_t)i, rc[i].syn, c->where, err, &lx->n_names) < 0) return -1;
		if (c->pattern_src && mm_lexicon_compile_pattern(lx, i, err) < 0) return -1;
	}
	return 0;
}

mm_lexicon *mm_lexicon_load(const char *path, mm_buf *err)
{
	struct stat st;
	mm_lexicon *lx = mm_calloc(1, sizeof *lx);
	lx->antibody_type = -1;
	rawc *rc = NULL;
	int n = 0, fail = 0;
	mm_lexbuild *b = NULL;
	if (read_sources(path, lx, &rc, &n, &st, err) < 0) fail = 1;
	else {
		b = mm_lexbuild_new();
		set_types(lx, rc, n);
		if (add_concepts(lx, rc, n, b, err) < 0 || load_blocklist(lx, path, &st, err) < 0 ||
		    mm_lexicon_load_negation(lx, path, err) < 0) fail = 1;
		else mm_lexicon_build_litac(lx);
	}
	for (int i = 0; i < n; ++i) { free(rc[i].id); free(rc[i].type); free(rc[i].name); free(rc[i].syn); free(rc[i].xrefs); free(rc[i].pattern); free(rc[i].where); }
	free(rc);
	if (fail) {
		mm_lexbuild_free(b);
		mm_lexicon_free(lx);
		return NULL;
	}
	mm_lexbuild_finish(b, lx);
	return lx;
}

void mm_lexicon_free(mm_lexicon *lx)
{
	if (!lx) return;
	/* from a cache (lexcache.c): strings and arrays live in the mapped file */
	int own = lx->blob == NULL;
	for (int i = 0; i < lx->n_concept; ++i) {
		mm_concept *c = &lx->c[i];
		if (own) { free(c->id); free(c->type); free(c->name); free(c->xrefs); free(c->pattern_src); free(c->where); }
		if (c->re) pcre2_code_free(c->re);
		if (c->re_at) pcre2_code_free(c->re_at);
		for (int k = 0; k < c->n_lit; ++k) free(c->lit[k]);
		free(c->lit);
	}
	free(lx->c);
	if (own) for (int i = 0; i < lx->n_type; ++i) free(lx->type[i]);
	free(lx->type);
	if (own) for (int i = 0; i < lx->n_file; ++i) free(lx->file[i].path);
	free(lx->file);
	if (own) for (uint32_t i = 0; i < lx->n_ent; ++i) free(lx->ent[i].cs);
	free(lx->ent); free(lx->pattern_concept);
	if (own) {
		free(lx->ent_off); free(lx->node); free(lx->edge_byte); free(lx->edge_child);
		free(lx->rows); free(lx->tok_bits); free(lx->blocked); free(lx->blocklist_path);
		for (int i = 0; i < lx->n_block; ++i) free(lx->block[i].phrase);
	}
	mm_negrules_free(lx->neg);
	free(lx->negation_path);
	mm_litac_free(lx->litac);
	free(lx->litac);
	free(lx->block);
	if (lx->blob) munmap(lx->blob, lx->blob_len);
	free(lx);
}
