/* inputs.c -- INPUT arguments to the sorted, de-duplicated list of input
 * files (runpriv.h). */
#include "runpriv.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const mm_fs_name[] = { "pending", "ok", "error", "failed", "skipped" };

const char *const mm_input_exts[] = { ".xml", ".xml.gz", ".txt", ".txt.gz", ".medline", ".medline.gz", ".pubtator", ".pubtator.gz", NULL };

mm_infile *mm_files_add(mm_filelist *fl, const char *path, int from_dir)
{
	if (fl->n == fl->m) { fl->m = fl->m ? fl->m * 2 : 64; fl->a = mm_realloc(fl->a, (size_t)fl->m * sizeof *fl->a); }
	mm_infile *f = &fl->a[fl->n++];
	memset(f, 0, sizeof *f);
	f->path = mm_strdup(path);
	f->from_dir = from_dir;
	f->gz_name = mm_ends_with(path, ".gz");
	return f;
}

/* The directories a walk has entered (to follow a symbolic link to one of
 * them is a loop, or a second way to the same files): each is read once. */
typedef struct {
	struct { dev_t dev; ino_t ino; char *path; int open; } *a;
	int n, m;
} walked;

static void walk_dir(mm_filelist *fl, const char *dir, walked *w);

/* Walk DIR (st: its stat) unless it was walked already; then say so once. */
static void enter_dir(mm_filelist *fl, const char *dir, const struct stat *st, walked *w)
{
	for (int i = 0; i < w->n; ++i) {
		if (w->a[i].dev != st->st_dev || w->a[i].ino != st->st_ino) continue;
		if (mm_verbose) {
			if (w->a[i].open) mm_warn("%s: a symbolic link loop (back to %s); not followed", dir, w->a[i].path);
			else mm_warn("%s: the same directory as %s; read once", dir, w->a[i].path);
		}
		return;
	}
	if (w->n == w->m) { w->m = w->m ? w->m * 2 : 16; w->a = mm_realloc(w->a, (size_t)w->m * sizeof *w->a); }
	int k = w->n++;
	w->a[k].dev = st->st_dev;
	w->a[k].ino = st->st_ino;
	w->a[k].path = mm_strdup(dir);
	w->a[k].open = 1;
	walk_dir(fl, dir, w);
	w->a[k].open = 0;
}

static void walk_dir(mm_filelist *fl, const char *dir, walked *w)
{
	DIR *d = opendir(dir);
	if (!d) {
		mm_infile *f = mm_files_add(fl, dir, 1);
		mm_buf e = {0};
		mm_buf_printf(&e, "cannot open directory: %s", strerror(errno));
		f->preset_err = e.s;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.') continue;
		mm_buf p = {0};
		mm_buf_path(&p, dir, de->d_name);
		struct stat st;
		if (stat(p.s, &st) < 0) {
			mm_infile *f = mm_files_add(fl, p.s, 1);
			mm_buf e = {0};
			mm_buf_printf(&e, "cannot open: %s", strerror(errno));
			f->preset_err = e.s;
		} else if (S_ISDIR(st.st_mode)) {
			enter_dir(fl, p.s, &st, w);
		} else {
			int ok = 0;
			for (int i = 0; mm_input_exts[i] && !ok; ++i) ok = mm_ends_with(de->d_name, mm_input_exts[i]);
			if (ok) {
				mm_infile *f = mm_files_add(fl, p.s, 1);
				f->size = (uint64_t)st.st_size;
				f->dev = st.st_dev;
				f->ino = st.st_ino;
			}
		}
		mm_buf_free(&p);
	}
	closedir(d);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

int mm_path_cmp(const char *a, const char *b)
{
	int c = strcmp(base_name(a), base_name(b));
	return c ? c : strcmp(a, b);
}

static int cmp_file(const void *x, const void *y)
{
	return mm_path_cmp(((const mm_infile *)x)->path, ((const mm_infile *)y)->path);
}

int mm_files_find(const mm_filelist *fl, const char *path)
{
	for (int i = 0; i < fl->n; ++i) if (strcmp(fl->a[i].path, path) == 0) return i;
	return -1;
}

void mm_files_collect(mm_filelist *fl, char **inputs, int n)
{
	walked w = {0};
	for (int i = 0; i < n; ++i) {
		struct stat st;
		if (strcmp(inputs[i], "-") == 0) { mm_files_add(fl, "-", 0); continue; }
		if (stat(inputs[i], &st) < 0) {
			mm_infile *f = mm_files_add(fl, inputs[i], 0);
			mm_buf e = {0};
			mm_buf_printf(&e, "cannot open: %s", strerror(errno));
			f->preset_err = e.s;
		} else if (S_ISDIR(st.st_mode)) enter_dir(fl, inputs[i], &st, &w);
		else {
			mm_infile *f = mm_files_add(fl, inputs[i], 0);
			f->size = (uint64_t)st.st_size;
			f->dev = st.st_dev;
			f->ino = st.st_ino;
		}
	}
	for (int i = 0; i < w.n; ++i) free(w.a[i].path);
	free(w.a);
	if (fl->n > 1) qsort(fl->a, (size_t)fl->n, sizeof *fl->a, cmp_file);
	/* the same file named twice (or found twice) is read once */
	int k = 0;
	for (int i = 0; i < fl->n; ++i) {
		int dup = -1;
		if (fl->a[i].ino && !fl->a[i].preset_err)
			for (int j = 0; j < k && dup < 0; ++j)
				if (fl->a[j].ino == fl->a[i].ino && fl->a[j].dev == fl->a[i].dev && !fl->a[j].preset_err) dup = j;
		if (dup >= 0) {
			if (mm_verbose && !strcmp(fl->a[i].path, fl->a[dup].path)) mm_warn("%s: listed more than once; read once", fl->a[i].path);
			else if (mm_verbose) mm_warn("%s: the same file as %s (a link or another path to it); read once", fl->a[i].path, fl->a[dup].path);
			free(fl->a[i].path);
			continue;
		}
		fl->a[k++] = fl->a[i];
	}
	fl->n = k;
}

void mm_files_free(mm_filelist *fl)
{
	for (int i = 0; i < fl->n; ++i) {
		free(fl->a[i].path);
		free(fl->a[i].preset_err);
		int shown = fl->a[i].n_err < MM_MAX_ERRORS_SHOWN ? fl->a[i].n_err : MM_MAX_ERRORS_SHOWN;
		for (int k = 0; k < shown; ++k) free(fl->a[i].err[k]);
	}
	free(fl->a);
	fl->a = NULL;
	fl->n = fl->m = 0;
}
