/* lexcache.h -- compiled lexicons kept in a cache directory, so that a big
 * lexicon (100,000 names take about 0.25 s to parse and compile) loads in
 * a few milliseconds the next time.
 *
 * A cache file holds everything mm_lexicon_load() builds except the PCRE2
 * codes, which are compiled again from the patterns' source. Its name is a
 * 64-bit hash of the format, the program's own bytes (/proc/self/exe), the
 * lexicon path as given and the bytes of every source file (the .tsv
 * files, blocklist.txt), so an edited lexicon or a rebuilt program gets a
 * new file and a stale one is never used. A
 * file is written under a temporary name and renamed; the 8 most recently
 * used are kept. A file that fails any check (a regular file, checked
 * before anything is read so that a FIFO or a directory in its place never
 * blocks; size, magic, key, CRC-32, offsets, mm_lexicon_check) is not used,
 * with a warning: the lexicon is compiled from its sources and the file
 * replaced (when the thing in its place can be renamed over). The file is mapped read-only and shared by the
 * threads like any lexicon. */
#ifndef MM_LEXCACHE_H
#define MM_LEXCACHE_H

#include "lexicon.h"

/* Lexicons whose sources total fewer bytes are not cached: they compile in
 * milliseconds (MYOMINE_CACHE_MIN_BYTES overrides it, for tests). */
#define MM_LEXCACHE_MIN_BYTES (256 * 1024)

typedef enum {
	MM_LC_OFF,        /* no cache directory (--no-cache) */
	MM_LC_SMALL,      /* below MM_LEXCACHE_MIN_BYTES: compiled, not cached */
	MM_LC_HIT,        /* loaded from the cache */
	MM_LC_WRITTEN,    /* compiled, and the cache file written (or found
	                   * written meanwhile by a run started at the same time) */
	MM_LC_UNWRITABLE  /* compiled; the cache file could not be written */
} mm_lc_state;

typedef struct {
	mm_lc_state state;
	char *file;       /* the cache file (NULL when OFF or SMALL); malloc'ed */
} mm_lexcache_info;

/* Load the lexicon at PATH through the cache in dir (NULL: no cache).
 * Errors are those of mm_lexicon_load(); a cache that cannot be read or
 * written only costs the compile, with a warning (mm_warn). */
mm_lexicon *mm_lexicon_open(const char *path, const char *dir, mm_lexcache_info *info, mm_buf *err);

/* The default cache directory: $MYOMINE_CACHE_DIR, $XDG_CACHE_HOME/myomine
 * or $HOME/.cache/myomine; NULL when none is set. malloc'ed. */
char *mm_lexcache_default_dir(void);

/* Write lx (as loaded, not from a cache) to file under key; 0 or -1 (err). */
int mm_lexcache_write(const mm_lexicon *lx, const char *file, uint64_t key, mm_buf *err);

/* Map a cache file and check it; key NULL accepts any key. NULL with the
 * reason in why when it is absent or invalid. */
mm_lexicon *mm_lexcache_read(const char *file, const uint64_t *key, mm_buf *why);

#endif
