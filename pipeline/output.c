/* output.c -- see output.h */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_OUT 1024

struct mm_outfile {
	char *final, *tmp;
	FILE *fp;
	gzFile gz;
	int err;
};

static char *g_dir;
static char *g_tmp[MAX_OUT];    /* temporaries to remove on abort */
static char *g_final[MAX_OUT];
static volatile sig_atomic_t g_n;

const char *mm_out_dir(void) { return g_dir; }

int mm_out_init(const char *dir, mm_buf *err)
{
	struct stat st;
	if (mm_mkdir_p(dir) < 0 || stat(dir, &st) < 0) {
		mm_buf_printf(err, "%s: cannot create output directory: %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) { mm_buf_printf(err, "%s: not a directory", dir); return -1; }
	if (access(dir, W_OK | X_OK) < 0) { mm_buf_printf(err, "%s: output directory is not writable: %s", dir, strerror(errno)); return -1; }
	free(g_dir);
	g_dir = mm_strdup(dir);
	return 0;
}

mm_outfile *mm_out_open(const char *name, int gz, mm_buf *err)
{
	if (g_n >= MAX_OUT) { mm_buf_printf(err, "too many output files"); return NULL; }
	mm_outfile *f = mm_calloc(1, sizeof *f);
	mm_buf p = {0}, t = {0};
	if (strchr(name, '/')) mm_buf_puts(&p, name);
	else mm_buf_path(&p, g_dir, name);
	const char *slash = strrchr(p.s, '/');
	mm_buf_printf(&t, "%.*s/.%s.myomine-tmp.%ld", (int)(slash - p.s), p.s, slash + 1, (long)getpid());
	f->final = p.s;
	f->tmp = t.s;
	int fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0) {
		mm_buf_printf(err, "%s: cannot create: %s", f->tmp, strerror(errno));
		free(f->final); free(f->tmp); free(f);
		return NULL;
	}
	g_tmp[g_n] = f->tmp;
	g_final[g_n] = f->final;
	g_n++;
	if (gz) {
		f->gz = gzdopen(fd, "wb6");
		if (!f->gz) { close(fd); mm_buf_printf(err, "%s: gzip initialisation failed", f->tmp); return NULL; }
		gzbuffer(f->gz, 1 << 17);
	} else {
		f->fp = fdopen(fd, "wb");
		if (!f->fp) { close(fd); mm_buf_printf(err, "%s: %s", f->tmp, strerror(errno)); return NULL; }
		setvbuf(f->fp, NULL, _IOFBF, 1 << 17);
	}
	return f;
}

int mm_out_write(mm_outfile *f, const void *p, size_t n)
{
	if (f->err || n == 0) return f->err ? -1 : 0;
	if (f->gz) {
		const char *s = p;
		while (n) {
			unsigned k = n > (1u << 30) ? (1u << 30) : (unsigned)n;
			if (gzwrite(f->gz, s, k) != (int)k) { f->err = errno ? errno : EIO; return -1; }
			s += k;
			n -= k;
		}
		return 0;
	}
	if (fwrite(p, 1, n, f->fp) != n) { f->err = errno ? errno : EIO; return -1; }
	return 0;
}

int mm_out_close(mm_outfile *f, mm_buf *err)
{
	int r = 0;
	if (f->gz) {
		if (gzclose(f->gz) != Z_OK && !f->err) f->err = errno ? errno : EIO;
	} else {
		if (fflush(f->fp) != 0 && !f->err) f->err = errno ? errno : EIO;
		if (fclose(f->fp) != 0 && !f->err) f->err = errno ? errno : EIO;
	}
	if (f->err) {
		mm_buf_printf(err, "%s: write failed: %s", f->final, strerror(f->err));
		r = -1;
	}
	free(f); /* paths stay in the registry */
	return r;
}

static int is_ours(const char *n)
{
	size_t l = strlen(n);
	static const char *names[] = { "entities.tsv", "pairs.tsv", "summary.json", "years.tsv", "entities.by-year.tsv",
	                               "pairs.by-year.tsv", "evidence.tsv", "partial.myomine.gz", NULL };
	for (int i = 0; names[i]; ++i) if (!strcmp(n, names[i])) return 1;
	if (!strncmp(n, "matrix.", 7) && l > 7) return 1;
	if (!strncmp(n, "mentions.", 9)) return 1;
	if (!strncmp(n, "facts.", 6)) return 1;
	return 0;
}

int mm_out_commit(mm_buf *err)
{
	int n = g_n;
	/* every file on disk before any is renamed. One pass at the end, not
	 * one fsync per file as it is closed: the first fsync commits the
	 * file system's journal for all of them, the others find little left
	 * to do (43 outputs: 18 ms -> a few ms on ext4). A delayed-allocation
	 * ENOSPC or an I/O error shows here, and nothing is renamed. */
	int *fds = mm_malloc((size_t)(n ? n : 1) * sizeof *fds), e = 0, bad = -1;
	for (int i = 0; i < n; ++i) { /* start the writeback of every file */
		fds[i] = -1;
		if (!g_tmp[i] || e) continue;
		if ((fds[i] = open(g_tmp[i], O_RDONLY | O_CLOEXEC)) < 0) { e = errno; bad = i; continue; }
#ifdef SYNC_FILE_RANGE_WRITE
		sync_file_range(fds[i], 0, 0, SYNC_FILE_RANGE_WRITE); /* a hint; fsync below checks */
#endif
	}
	/* then wait for each, several at once: ext4 joins concurrent fsyncs into
	 * fewer journal commits (44 files: 4.5 -> 2 ms) */
	int nt = n < 8 ? (n ? n : 1) : 8;
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
	for (int i = 0; i < n; ++i) {
		if (fds[i] < 0) continue;
		if (fsync(fds[i]) != 0 && errno != EINVAL && errno != EROFS) {
			int my = errno;
#pragma omp critical(mm_out_fsync)
			if (!e || i < bad) { e = my; bad = i; }
		}
		close(fds[i]);
	}
	free(fds);
	if (e) {
		mm_buf_printf(err, "%s: write failed: %s", g_final[bad], strerror(e));
		mm_out_abort();
		return -1;
	}
	/* summary.json last: its presence means the run completed */
	for (int pass = 0; pass < 2; ++pass)
		for (int i = 0; i < n; ++i) {
			if (!g_tmp[i]) continue;
			const char *base = strrchr(g_final[i], '/');
			int is_summary = base && strcmp(base + 1, "summary.json") == 0;
			if (is_summary != pass) continue;
			if (rename(g_tmp[i], g_final[i]) < 0) {
				mm_buf_printf(err, "%s: cannot rename into place: %s", g_final[i], strerror(errno));
				mm_out_abort();
				return -1;
			}
			char *t = g_tmp[i];
			g_tmp[i] = NULL;
			free(t);
		}
	/* the renames on disk too (a directory fsync; EINVAL where unsupported) */
	int dfd = open(g_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) { if (fsync(dfd) != 0) { /* the files are complete; only the names may lag */ } close(dfd); }
	/* remove outputs of an earlier run that this run did not write */
	DIR *d = opendir(g_dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (!is_ours(de->d_name)) continue;
			int mine = 0;
			for (int i = 0; i < n && !mine; ++i) {
				const char *b = strrchr(g_final[i], '/');
				mine = b && strcmp(b + 1, de->d_name) == 0;
			}
			if (!mine) {
				mm_buf p = {0};
				mm_buf_path(&p, g_dir, de->d_name);
				unlink(p.s);
				mm_buf_free(&p);
			}
		}
		closedir(d);
	}
	return 0;
}

void mm_out_abort(void)
{
	for (int i = 0; i < g_n; ++i)
		if (g_tmp[i]) { char *t = g_tmp[i]; unlink(t); g_tmp[i] = NULL; free(t); }
}

void mm_out_free(void)
{
	mm_out_abort();
	int n = g_n;
	g_n = 0;
	for (int i = 0; i < n; ++i) { free(g_final[i]); g_final[i] = NULL; }
	free(g_dir);
	g_dir = NULL;
}

static volatile sig_atomic_t g_progress;

void mm_out_progress(int on)
{
	g_progress = on;
}

static void on_signal(int sig)
{
	/* async-signal-safe: unlink and write only */
	for (int i = 0; i < g_n; ++i) if (g_tmp[i]) unlink(g_tmp[i]);
	if (g_progress) { ssize_t w = write(2, "\n", 1); (void)w; }
	const char *m = sig == SIGINT ? "myomine: interrupted; no output written\n" : "myomine: terminated; no output written\n";
	ssize_t w = write(2, m, strlen(m));
	(void)w;
	_exit(128 + sig);
}

void mm_out_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}
