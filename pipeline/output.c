/* output.c -- see output.h */
#include "output.h"
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <zlib.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

#define MAX_OUT 1024

struct mm_outfile {
	char *final, *tmp;
	FILE *fp;
	gzFile gz;
	int err;
};

/* The output directory (all paths absolute, symbolic links resolved) */
static struct {
	char *user;        /* OUT as given, for messages */
	char *path;        /* OUT */
	char *parent;      /* the directory OUT is in */
	char *base;        /* OUT's last component */
	char *work;        /* PARENT/.BASE.myomine-new.PID: the new directory */
	char *mentions;    /* this run's mentions file name, if inside OUT */
	char *lock;        /* PARENT/.BASE.myomine-lock */
	int lockfd;
} g = { .lockfd = -1 };

/* Registry of written files: g_tmp is where a file is written (inside the
 * new directory, or .NAME.myomine-tmp.PID beside an outside path), g_final
 * its final path for an outside file (NULL inside). */
static char *g_tmp[MAX_OUT];
static char *g_final[MAX_OUT];
static volatile sig_atomic_t g_n;

/* What a signal finds: writing (the handler removes the new directory),
 * swapping (the signal waits for the swap), committed (the new results are
 * in place), or aborting (a handler is removing the new directory) */
enum { ST_WRITING, ST_SWAPPING, ST_COMMITTED, ST_ABORTING };
static atomic_int g_state;
static volatile sig_atomic_t g_pending; /* a signal that came during the swap */
static char *g_msg_old, *g_msg_new;     /* the handler's messages (made beforehand) */

const char *mm_out_dir(void) { return g.work; }

/* ---- the test hook ------------------------------------------------------------- */

enum { F_NONE, F_FAIL, F_EINVAL };

/* MYOMINE_TEST_FAULT (output.h): raise the signal asked for at this step, or
 * return the failure asked for. */
static int fault(const char *step)
{
	const char *e = getenv("MYOMINE_TEST_FAULT");
	size_t n = strlen(step);
	for (const char *p = e ? e : ""; *p;) {
		size_t l = strcspn(p, ",");
		if (l > n && !strncmp(p, step, n) && p[n] == ':') {
			const char *w = p + n + 1;
			size_t wl = l - n - 1;
#define IS(s) (wl == sizeof(s) - 1 && !strncmp(w, s, wl))
			if (IS("fail")) return F_FAIL;
			if (IS("einval")) return F_EINVAL;
			if (IS("int")) raise(SIGINT);
			if (IS("term")) raise(SIGTERM);
			if (IS("kill")) raise(SIGKILL);
#undef IS
		}
		p += l + (p[l] == ',');
	}
	return F_NONE;
}

static int rename2(const char *from, const char *to, unsigned flags)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
#else
	(void)from; (void)to; (void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

/* ---- paths ----------------------------------------------------------------------- */

/* Split PATH (no trailing slash) into its directory (new string) and last
 * component (inside path). */
static char *split_path(const char *path, const char **base)
{
	const char *sl = strrchr(path, '/');
	*base = sl ? sl + 1 : path;
	if (!sl) return mm_strdup(".");
	if (sl == path) return mm_strdup("/");
	return mm_strndup(path, (size_t)(sl - path));
}

/* PATH absolute and without symbolic links: its real path when it exists,
 * else the real path of its directory and its last component.  NULL with
 * errno set. */
static char *canon(const char *path)
{
	char *p = mm_strdup(path), *r;
	size_t l = strlen(p);
	while (l > 1 && p[l - 1] == '/') p[--l] = 0;
	if ((r = realpath(p, NULL)) || errno != ENOENT) { free(p); return r; }
	const char *base;
	char *dir = split_path(p, &base);
	char *rd = realpath(dir, NULL);
	if (rd && strcmp(base, ".") && strcmp(base, "..")) {
		mm_buf b = {0};
		mm_buf_path(&b, rd, base);
		r = b.s;
	} else if (rd) errno = EINVAL;
	free(rd);
	free(dir);
	free(p);
	return r;
}

static int pid_alive(long pid)
{
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH);
}

/* The PID that ends NAME after PREFIX, or -1 when NAME is not PREFIX
 * followed by digits. */
static long pid_suffix(const char *name, const char *prefix)
{
	size_t l = strlen(prefix);
	if (strncmp(name, prefix, l) || !name[l]) return -1;
	char *e;
	long v = strtol(name + l, &e, 10);
	return *e || v <= 0 ? -1 : v;
}

/* The leftovers of killed runs beside OUT (output.h).  The lock is held, so
 * every .BASE.myomine-new.N and .BASE.myomine-old.N is one, whatever N.
 * When OUT is absent, a -old directory is the previous result of a run
 * killed between the two renames of the fallback: it is put back. */
static void clean_leftovers(void)
{
	DIR *d = opendir(g.parent);
	if (!d) return;
	mm_buf pn = {0}, po = {0}, p = {0};
	mm_buf_printf(&pn, ".%s.myomine-new.", g.base);
	mm_buf_printf(&po, ".%s.myomine-old.", g.base);
	struct dirent *de;
	while ((de = readdir(d))) {
		int old = pid_suffix(de->d_name, po.s) > 0;
		if (!old && pid_suffix(de->d_name, pn.s) <= 0) continue;
		p.l = 0;
		mm_buf_path(&p, g.parent, de->d_name);
		struct stat st;
		if (old && lstat(g.path, &st) < 0 && errno == ENOENT && rename(p.s, g.path) == 0) {
			mm_warn("%s: the previous results, left at %s by an interrupted run, were put back", g.user, p.s);
			continue;
		}
		if (mm_outdir_remove(p.s, NULL, NULL) < 0) mm_warn("%s: cannot remove what an interrupted run left: %s", p.s, strerror(errno));
	}
	closedir(d);
	mm_buf_free(&pn);
	mm_buf_free(&po);
	mm_buf_free(&p);
}

/* Take the lock on OUT: 0, or -1 with a message.  The holder removes the
 * lock file before it lets go, so a run that locked a file no longer at
 * the path (removed meanwhile) tries again with a new one. */
static int lock_out(mm_buf *err)
{
	mm_buf p = {0};
	mm_buf_printf(&p, "%s/.%s.myomine-lock", strcmp(g.parent, "/") ? g.parent : "", g.base);
	for (;;) {
		int fd = open(p.s, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (fd < 0) {
			mm_buf_printf(err, "%s: cannot create the lock file: %s", p.s, strerror(errno));
			break;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			int e = errno;
			char b[32] = "";
			ssize_t n = pread(fd, b, sizeof b - 1, 0);
			b[n > 0 ? n : 0] = 0;
			if (e == EWOULDBLOCK || e == EAGAIN)
				mm_buf_printf(err, "another myomine run is writing %s (pid %ld)", g.user, strtol(b, NULL, 10));
			else mm_buf_printf(err, "%s: cannot lock: %s", p.s, strerror(e));
			close(fd);
			break;
		}
		struct stat a, b;
		if (fstat(fd, &a) < 0 || stat(p.s, &b) < 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev) { close(fd); continue; }
		char s[32];
		int n = snprintf(s, sizeof s, "%ld\n", (long)getpid());
		if (ftruncate(fd, 0) != 0 || pwrite(fd, s, (size_t)n, 0) != n) { /* the pid only helps the message */ }
		g.lockfd = fd;
		g.lock = p.s;
		return 0;
	}
	mm_buf_free(&p);
	return -1;
}

static void reset(void)
{
	free(g.user); free(g.path); free(g.parent); free(g.work); free(g.mentions);
	g.user = g.path = g.parent = g.work = g.mentions = NULL;
	g.base = NULL;
	if (g.lockfd >= 0) { unlink(g.lock); close(g.lockfd); } /* removed while held (lock_out) */
	g.lockfd = -1;
	free(g.lock);
	g.lock = NULL;
}

int mm_out_init(const char *dir, const char *mentions, mm_buf *err)
{
	reset();
	atomic_store(&g_state, ST_WRITING);
	g_pending = 0;
	g.user = mm_strdup(dir);
	struct stat st;
	if (stat(dir, &st) < 0) {
		const char *b;
		char *pd = split_path(dir, &b);
		if (errno != ENOENT || mm_mkdir_p(pd) < 0) {
			mm_buf_printf(err, "%s: cannot create output directory: %s", dir, strerror(errno));
			free(pd);
			return -1;
		}
		free(pd);
	} else if (!S_ISDIR(st.st_mode)) { mm_buf_printf(err, "%s: not a directory", dir); return -1; }
	if (!(g.path = canon(dir)) || !strcmp(g.path, "/")) {
		mm_buf_printf(err, "%s: cannot be the output directory: %s", dir, g.path ? "the root directory" : strerror(errno));
		return -1;
	}
	g.parent = split_path(g.path, (const char **)&g.base);
	if (access(g.parent, W_OK | X_OK) < 0) {
		mm_buf_printf(err, "%s: the directory it is in (%s) is not writable: %s", dir, g.parent, strerror(errno));
		return -1;
	}
	if (mentions && !strchr(mentions, '/')) g.mentions = mm_strdup(mentions);
	else if (mentions) {
		const char *b;
		char *pd = split_path(mentions, &b), *c = canon(pd);
		if (c && !strcmp(c, g.path)) g.mentions = mm_strdup(b);
		free(c);
		free(pd);
	}
	if (lock_out(err) < 0) return -1;
	clean_leftovers();
	int exists = stat(g.path, &st) == 0;
	if (exists && access(g.path, W_OK | X_OK) < 0) {
		mm_buf_printf(err, "%s: output directory is not writable: %s", dir, strerror(errno));
		return -1;
	}
	mm_owned ow;
	if (mm_outdir_check(g.path, g.user, g.mentions, &ow, err) < 0) return -1;
	mm_owned_free(&ow);
	mm_buf w = {0};
	mm_buf_printf(&w, "%s/.%s.myomine-new.%ld", strcmp(g.parent, "/") ? g.parent : "", g.base, (long)getpid());
	g.work = w.s;
	if (mkdir(g.work, 0777) < 0) {
		mm_buf_printf(err, "%s: cannot create: %s", g.work, strerror(errno));
		free(g.work);
		g.work = NULL;
		return -1;
	}
	if (exists) chmod(g.work, st.st_mode & 07777); /* the new OUT keeps the old one's permissions */
	free(g_msg_old);
	free(g_msg_new);
	mm_buf m = {0};
	if (exists) mm_buf_printf(&m, "no output was changed (%s keeps the previous results)\n", dir);
	else mm_buf_printf(&m, "no output written\n");
	g_msg_old = m.s;
	m.s = NULL; m.l = m.m = 0;
	mm_buf_printf(&m, "the new results were already in place: %s holds the complete new results\n", dir);
	g_msg_new = m.s;
	return 0;
}

/* Remove earlier temporaries of dead runs for FINAL in its directory
 * (outside paths only: no lock covers them). */
static void clean_tmp_beside(const char *final)
{
	const char *b;
	char *dir = split_path(final, &b);
	mm_buf pre = {0}, p = {0};
	mm_buf_printf(&pre, ".%s.myomine-tmp.", b);
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		long pid = pid_suffix(de->d_name, pre.s);
		if (pid <= 0 || pid_alive(pid)) continue;
		p.l = 0;
		mm_buf_path(&p, dir, de->d_name);
		unlink(p.s);
	}
	if (d) closedir(d);
	mm_buf_free(&pre);
	mm_buf_free(&p);
	free(dir);
}

mm_outfile *mm_out_open(const char *name, int gz, mm_buf *err)
{
	if (g_n >= MAX_OUT) { mm_buf_printf(err, "too many output files"); return NULL; }
	mm_outfile *f = mm_calloc(1, sizeof *f);
	mm_buf t = {0};
	const char *slash = strrchr(name, '/');
	if (slash && (!g.mentions || strcmp(slash + 1, g.mentions))) { /* outside OUT */
		mm_buf_printf(&t, "%.*s/.%s.myomine-tmp.%ld", (int)(slash - name), name, slash + 1, (long)getpid());
		f->final = mm_strdup(name);
		clean_tmp_beside(name);
	} else mm_buf_path(&t, g.work, slash ? slash + 1 : name);
	f->tmp = t.s;
	int fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		mm_buf_printf(err, "%s: cannot create: %s", f->final ? f->tmp : name, strerror(errno));
		free(f->final); free(f->tmp); free(f);
		return NULL;
	}
	g_tmp[g_n] = f->tmp;
	g_final[g_n] = f->final;
	g_n++;
	if (gz) {
		f->gz = gzdopen(fd, "wb6");
		if (!f->gz) { close(fd); mm_buf_printf(err, "%s: gzip initialisation failed", name); return NULL; }
		gzbuffer(f->gz, 1 << 17);
	} else {
		f->fp = fdopen(fd, "wb");
		if (!f->fp) { close(fd); mm_buf_printf(err, "%s: %s", name, strerror(errno)); return NULL; }
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
		const char *b = strrchr(f->tmp, '/');
		mm_buf_printf(err, "%s: write failed: %s", f->final ? f->final : b + 1, strerror(f->err));
		r = -1;
	}
	free(f); /* paths stay in the registry */
	return r;
}

/* The name of output i for messages */
static const char *out_name(int i)
{
	if (g_final[i]) return g_final[i];
	const char *b = strrchr(g_tmp[i], '/');
	return b ? b + 1 : g_tmp[i];
}

/* fsync every file, then the new directory: 0, or -1 with a message */
static int sync_all(mm_buf *err)
{
	int n = g_n;
	/* One pass at the end, not one fsync per file as it is closed: the
	 * first fsync commits the file system's journal for all of them, the
	 * others find little left to do (43 outputs: 18 ms -> a few ms on
	 * ext4).  A delayed-allocation ENOSPC or an I/O error shows here. */
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
	if (!e && n && fault("sync") == F_FAIL) e = EIO, bad = 0;
	if (e) {
		mm_buf_printf(err, "%s: write failed: %s", out_name(bad), strerror(e));
		return -1;
	}
	int dfd = open(g.work, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) { if (fsync(dfd) != 0) { /* EINVAL where unsupported; the files are on disk */ } close(dfd); }
	return 0;
}

/* The swap.  *old is set to where the previous directory now is (NULL:
 * there was none) and *how to 1 for the exchange, 2 for the two renames.
 * 0, or -1 with a message and nothing changed. */
static int swap_in(char **old, int *how, mm_buf *err)
{
	struct stat st;
	*old = NULL;
	*how = 0;
	int f = fault("swap");
	if (lstat(g.path, &st) < 0) { /* no OUT: one rename */
		int r = f == F_FAIL ? (errno = EIO, -1) : f == F_EINVAL ? (errno = EINVAL, -1) : rename2(g.work, g.path, RENAME_NOREPLACE);
		if (r < 0 && (errno == EINVAL || errno == ENOSYS)) r = rename(g.work, g.path);
		if (r < 0) { mm_buf_printf(err, "%s: cannot rename the new results into place: %s", g.user, strerror(errno)); return -1; }
		return 0;
	}
	int r = f == F_FAIL ? (errno = EIO, -1) : f == F_EINVAL ? (errno = EINVAL, -1) : rename2(g.work, g.path, RENAME_EXCHANGE);
	if (r == 0) { *old = mm_strdup(g.work); *how = 1; return 0; }
	if (errno != EINVAL && errno != ENOSYS) {
		mm_buf_printf(err, "%s: cannot swap the new results in: %s", g.user, strerror(errno));
		return -1;
	}
	/* no RENAME_EXCHANGE here: OUT aside, then the new directory in */
	mm_buf o = {0};
	mm_buf_printf(&o, "%s/.%s.myomine-old.%ld", strcmp(g.parent, "/") ? g.parent : "", g.base, (long)getpid());
	if (rename(g.path, o.s) < 0) {
		mm_buf_printf(err, "%s: cannot move the previous results aside: %s", g.user, strerror(errno));
		mm_buf_free(&o);
		return -1;
	}
	f = fault("swap2");
	if ((f == F_FAIL ? (errno = EIO, -1) : rename(g.work, g.path)) < 0) {
		int e = errno;
		if (rename(o.s, g.path) < 0)
			mm_buf_printf(err, "%s: cannot rename the new results into place (%s), nor put the previous results back from %s (%s)",
			              g.user, strerror(e), o.s, strerror(errno));
		else mm_buf_printf(err, "%s: cannot rename the new results into place: %s", g.user, strerror(e));
		mm_buf_free(&o);
		return -1;
	}
	*old = o.s;
	*how = 2;
	return 0;
}

/* Undo swap_in(): 0, or -1 (the message says where things are) */
static int swap_back(const char *old, int how, mm_buf *err)
{
	int r;
	if (how == 1) r = rename2(g.work, g.path, RENAME_EXCHANGE);
	else if (how == 2) r = rename(g.path, g.work) < 0 ? -1 : rename(old, g.path);
	else r = rename(g.path, g.work);
	if (r < 0) mm_buf_printf(err, "; the new results could not be taken back out of %s (%s)", g.user, strerror(errno));
	return r;
}

/* After the swap: rename the outside files into place.  0, or -1 with a
 * message (the caller undoes the swap). */
static int rename_outside(mm_buf *err)
{
	for (int i = 0; i < g_n; ++i) {
		if (!g_tmp[i] || !g_final[i]) continue;
		int f = fault("extern");
		if ((f == F_FAIL ? (errno = EIO, -1) : rename(g_tmp[i], g_final[i])) < 0) {
			mm_buf_printf(err, "%s: cannot rename into place: %s", g_final[i], strerror(errno));
			return -1;
		}
		char *t = g_tmp[i];
		g_tmp[i] = NULL;
		free(t);
	}
	return 0;
}

int mm_out_commit(mm_buf *err)
{
	if (sync_all(err) < 0) { mm_out_abort(); return -1; }
	/* OUT may have changed during the run: check it again */
	mm_owned ow;
	if (mm_outdir_check(g.path, g.user, g.mentions, &ow, err) < 0) { mm_out_abort(); return -1; }
	fault("swap"); /* a signal here still finds the run writing (the fault itself acts in swap_in) */
	int st = ST_WRITING;
	if (!atomic_compare_exchange_strong(&g_state, &st, ST_SWAPPING)) for (;;) pause(); /* a handler is ending the run */
	char *old;
	int how, rc = swap_in(&old, &how, err);
	if (rc == 0 && rename_outside(err) < 0) {
		if (swap_back(old, how, err) == 0) rc = -1;
		else { /* the new results stay in; say so */
			mm_buf_printf(err, " -- %s holds the new results", g.user);
			rc = -2;
		}
	}
	if (rc == -1) {
		free(old);
		atomic_store(&g_state, ST_WRITING);
		if (g_pending) raise(g_pending);
		mm_owned_free(&ow);
		mm_out_abort();
		return -1;
	}
	atomic_store(&g_state, ST_COMMITTED);
	for (int i = 0; i < g_n; ++i) if (!g_final[i]) { char *t = g_tmp[i]; g_tmp[i] = NULL; free(t); } /* in OUT now */
	int dfd = open(g.parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) { if (fsync(dfd) != 0) { /* the results are complete; only the names may lag */ } close(dfd); }
	if (g_pending) raise(g_pending);
	if (old) {
		if (fault("cleanup") == F_FAIL || mm_outdir_remove(old, &ow, g.mentions) < 0)
			mm_warn("%s: the previous results could not all be removed (%s); left at %s", g.user, strerror(errno ? errno : EIO), old);
		free(old);
	}
	mm_owned_free(&ow);
	free(g.work);
	g.work = NULL;
	return rc == 0 ? 0 : -1;
}

void mm_out_abort(void)
{
	if (atomic_load(&g_state) != ST_WRITING) return;
	for (int i = 0; i < g_n; ++i)
		if (g_tmp[i]) { char *t = g_tmp[i]; unlink(t); g_tmp[i] = NULL; free(t); }
	if (g.work && mm_outdir_remove(g.work, NULL, NULL) < 0 && errno != ENOENT)
		mm_warn("%s: cannot remove: %s", g.work, strerror(errno));
}

void mm_out_free(void)
{
	mm_out_abort();
	int n = g_n;
	g_n = 0;
	for (int i = 0; i < n; ++i) { free(g_tmp[i]); free(g_final[i]); g_tmp[i] = g_final[i] = NULL; }
	reset();
}

static volatile sig_atomic_t g_progress;

void mm_out_progress(int on)
{
	g_progress = on;
}

static void say(const char *m)
{
	ssize_t w = write(2, m, strlen(m));
	(void)w;
}

static void on_signal(int sig)
{
	/* async-signal-safe: atomics, unlink, rmdir and write only */
	int st = ST_WRITING;
	if (atomic_compare_exchange_strong(&g_state, &st, ST_ABORTING)) {
		for (int i = 0; i < g_n; ++i) if (g_tmp[i]) unlink(g_tmp[i]);
		if (g.work) rmdir(g.work);
	} else if (st == ST_SWAPPING) {
		g_pending = sig; /* mm_out_commit() raises it again after the swap */
		return;
	}
	if (g.lock) unlink(g.lock); /* still held: safe (lock_out) */
	if (g_progress) say("\n");
	say(sig == SIGINT ? "myomine: interrupted; " : sig == SIGHUP ? "myomine: hung up; " : "myomine: terminated; ");
	if (st == ST_COMMITTED) say(g_msg_new ? g_msg_new : "\n");
	else say(g_msg_old ? g_msg_old : "no output written\n");
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
