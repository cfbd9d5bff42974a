/* outdir.c -- see outdir.h */
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void mm_owned_free(mm_owned *ow)
{
	for (int i = 0; i < ow->n_type; ++i) free(ow->type[i]);
	free(ow->type);
	free(ow->mentions);
	free(ow->documents);
	free(ow->facts);
	memset(ow, 0, sizeof *ow);
}

/* A JSON string at s (after its opening quote), unescaped simply; NULL at
 * a malformed one. */
static char *json_str(const char *s, const char **end)
{
	mm_buf b = {0};
	for (; *s && *s != '"'; ++s) {
		if (*s == '\\' && s[1]) ++s;
		mm_buf_putc(&b, *s);
	}
	if (*s != '"') { mm_buf_free(&b); return NULL; }
	*end = s + 1;
	return b.s ? b.s : mm_strdup("");
}

/* The file name (after its last '/') of option OPT ("--name=") in command
 * c, or NULL */
static char *option_file(const char *c, const char *opt)
{
	const char *m = c ? strstr(c, opt) : NULL;
	if (!m) return NULL;
	m += strlen(opt);
	const char *sl = NULL;
	size_t l = strcspn(m, " ");
	for (size_t i = 0; i < l; ++i) if (m[i] == '/') sl = m + i;
	if (sl) { l -= (size_t)(sl + 1 - m); m = sl + 1; }
	return mm_strndup(m, l);
}

/* Read DIR/summary.json: 1 and *ow when myomine wrote it, 0 when there is
 * none, -1 when it is something else. */
static int read_summary(const char *dir, mm_owned *ow)
{
	memset(ow, 0, sizeof *ow);
	mm_buf p = {0}, t = {0};
	mm_buf_path(&p, dir, "summary.json");
	FILE *fp = fopen(p.s, "rb");
	mm_buf_free(&p);
	if (!fp) return errno == ENOENT ? 0 : -1;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0 && t.l < (64u << 20)) mm_buf_put(&t, buf, n);
	fclose(fp);
	static const char sig[] = "{\n  \"version\": \"";
	const char *s = t.s ? t.s : "", *ty = strstr(s, "\n    \"types\": ["), *cmd = strstr(s, "\n  \"command\": \"");
	if (strncmp(s, sig, sizeof sig - 1) || !ty || !cmd || !strstr(s, "\n  \"lexicon\": {")) { mm_buf_free(&t); return -1; }
	for (ty = strchr(ty, '[') + 1; *ty == ' ' || *ty == ',' || *ty == '"';) {
		if (*ty != '"') { ++ty; continue; }
		char *v = json_str(ty + 1, &ty);
		if (!v) break;
		ow->type = mm_realloc(ow->type, (size_t)(ow->n_type + 1) * sizeof *ow->type);
		ow->type[ow->n_type++] = v;
	}
	if (strstr(s, "\n  \"mesh\": {")) { /* --with-mesh: the headings' matrices */
		ow->type = mm_realloc(ow->type, (size_t)(ow->n_type + 1) * sizeof *ow->type);
		ow->type[ow->n_type++] = mm_strdup("mesh");
	}
	char *c = json_str(cmd + strlen("\n  \"command\": \""), &cmd);
	ow->mentions = option_file(c, " --mentions=");
	ow->documents = option_file(c, " --documents=");
	ow->facts = option_file(c, " --facts=");
	free(c);
	mm_buf_free(&t);
	return 1;
}

/* Whether NAME in a directory whose earlier run ow describes is one of
 * myomine's files: an output of that run or of this one, or a temporary. */
static int is_ours(const mm_owned *ow, const char *mentions, const char *name)
{
	static const char *const fixed[] = { "entities.tsv", "pairs.tsv", "summary.json", "years.tsv", "entities.by-year.tsv",
	                                     "pairs.by-year.tsv", "evidence.tsv", "partial.myomine.gz", "report.html",
	                                     "mentions.tsv", "mentions.tsv.gz", "mentions.pubtator", "mentions.pubtator.gz",
	                                     "documents.tsv", "facts.tsv", "facts.tsv.gz", "facts.summary.tsv",
	                                     "facts.summary.by-year.tsv", NULL };
	for (int i = 0; fixed[i]; ++i) if (!strcmp(name, fixed[i])) return 1;
	if ((ow->mentions && !strcmp(name, ow->mentions)) || (mentions && !strcmp(name, mentions))) return 1;
	if (ow->documents && !strcmp(name, ow->documents)) return 1;
	if (ow->facts && !strcmp(name, ow->facts)) return 1;
	if (name[0] == '.' && (strstr(name, ".myomine-tmp.") || !strncmp(name, ".myomine-spool-", 15))) return 1;
	if (strncmp(name, "matrix.", 7)) return 0;
	static const char *const ext[] = { "mtx", "rows", "cols", "csv" };
	mm_buf b = {0};
	int ok = 0;
	for (int i = 0; i < ow->n_type && !ok; ++i)
		for (int j = 0; j < ow->n_type && !ok; ++j)
			for (int k = 0; k < 4 && !ok; ++k) {
				b.l = 0;
				mm_buf_printf(&b, "matrix.%s-%s.%s", ow->type[i], ow->type[j], ext[k]);
				ok = !strcmp(b.s, name);
			}
	mm_buf_free(&b);
	return ok;
}

int mm_outdir_check(const char *path, const char *user, const char *mentions, mm_owned *ow, mm_buf *err)
{
	memset(ow, 0, sizeof *ow);
	DIR *d = opendir(path);
	if (!d) {
		if (errno == ENOENT) return 0;
		mm_buf_printf(err, "%s: cannot read the output directory: %s", user, strerror(errno));
		return -1;
	}
	int summary = -2, rc = 0;
	struct dirent *de;
	while (rc == 0 && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
		if (de->d_name[0] == '.' && is_ours(ow, mentions, de->d_name)) continue; /* a temporary of an older version */
		if (summary == -2) summary = read_summary(path, ow);
		if (summary <= 0) {
			mm_buf_printf(err, "%s: not empty and not a myomine output directory (no summary.json written by myomine); "
			                   "myomine replaces its output directory as a whole, so -o must name a new or empty directory "
			                   "or one that holds an earlier run's outputs", user);
			rc = -1;
			break;
		}
		mm_buf p = {0};
		mm_buf_path(&p, path, de->d_name);
		struct stat st;
		if (lstat(p.s, &st) < 0 || !S_ISREG(st.st_mode) || !is_ours(ow, mentions, de->d_name)) {
			mm_buf_printf(err, "%s: holds %s, which myomine did not write; myomine replaces its output directory as a whole: "
			                   "move %s elsewhere or choose another -o", user, de->d_name, de->d_name);
			rc = -1;
		}
		mm_buf_free(&p);
	}
	closedir(d);
	if (rc < 0) mm_owned_free(ow);
	return rc;
}

int mm_outdir_remove(const char *dir, const mm_owned *ow, const char *mentions)
{
	DIR *d = opendir(dir);
	if (!d) return errno == ENOENT ? 0 : -1;
	struct dirent *de;
	mm_buf p = {0};
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
		p.l = 0;
		mm_buf_path(&p, dir, de->d_name);
		struct stat st;
		if (lstat(p.s, &st) == 0 && S_ISREG(st.st_mode) && (!ow || is_ours(ow, mentions, de->d_name))) unlink(p.s);
	}
	closedir(d);
	mm_buf_free(&p);
	return rmdir(dir);
}

