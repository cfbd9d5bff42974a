/* lexicon.h -- entity lexicons: load them (TSV, see lexicons/README.md),
 * check them, free them.
 *
 * Loading reads and checks the .tsv files and compiles them into the
 * matching structures (lexbuild.c): a byte trie over "squeezed" normalised
 * keys (spaces and hyphens removed; the text may have a space, a hyphen or
 * nothing there), a first-token filter, and PCRE2 pattern entries with a
 * literal prefilter.  Matching cost depends on the text, not on the number
 * of names.  The layout of those structures is private to the lexicon's
 * files and the matcher (lexpriv.h).
 *
 * To load through the compiled-lexicon cache, so that a big lexicon loads
 * in milliseconds the next time, use mm_lexicon_open() (lexcache.h), which
 * falls back to mm_lexicon_load().
 *
 * A loaded lexicon is read-only and may be shared by any number of
 * threads; mm_lexicon_free() releases it. */
#ifndef MM_LEXICON_H
#define MM_LEXICON_H

#include "util.h"
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

typedef struct {
	char *id, *type, *name, *xrefs, *pattern_src;
	int type_idx;
	char *where;      /* "file:line" of the definition */
	/* a pattern entry, compiled (lexbuild.c) */
	pcre2_code *re;
	pcre2_code *re_at;   /* the same pattern anchored (PCRE2_ANCHORED): tried at token starts */
	uint8_t jit;         /* 1: re, 2: re_at JIT-compiled (then matched with pcre2_jit_match) */
	uint8_t first[32];   /* bitmap of bytes a match can start with (all set: unknown) */
	uint8_t at_tokens;   /* 1: first[] holds only token bytes (ASCII letters and digits, bytes
	                      * >= 0x80), so every match starts at a token start */
	char **lit;       /* a pattern match contains one of these (lower case) */
	int n_lit;        /* 0: no prefilter, always run the pattern */
} mm_concept;

typedef struct {
	char *path;
	uint32_t crc32;
	uint64_t bytes;
	int concepts;
} mm_lexfile;

/* The matching structures' records (lexpriv.h). */
typedef struct mm_tnode mm_tnode;
typedef struct mm_lexent mm_lexent;
typedef struct mm_litac mm_litac;

typedef struct {
	int n_concept;
	mm_concept *c;         /* sorted by id: index order is id order */
	int n_type;
	char **type;           /* sorted */
	int antibody_type;     /* index of type "antibody", or -1 */
	int n_file;
	mm_lexfile *file;
	/* the matching structures (lexpriv.h says what each holds) */
	uint32_t n_node;
	mm_tnode *node;
	uint32_t n_edge, n_row;
	uint8_t *edge_byte;
	uint32_t *edge_child;
	uint32_t *ent_off;
	mm_lexent *ent;
	uint32_t n_ent;
	uint32_t root[256];
	uint32_t *rows;
	uint8_t tcls[256];
	uint64_t *tok_bits;
	uint32_t tok_mask;
	int n_pattern;
	int *pattern_concept;  /* the concepts with a pattern, in id order */
	mm_litac *litac;       /* NULL when there are no patterns */
	/* blocklist.txt: a mention of concept (or any, -1) inside an occurrence
	 * of phrase (normalised) is dropped */
	int n_block;
	struct mm_block { int concept; char *phrase; size_t len; } *block;
	uint8_t *blocked;      /* per concept: has blocklist entries (or any "*") */
	char *blocklist_path;
	uint32_t blocklist_crc32;
	/* negation.txt beside the lexicons (negate.h), or NULL for the
	 * built-in rules; owned, also when the rest comes from a cache */
	struct mm_negrules *neg;
	char *negation_path;   /* NULL: built-in */
	uint32_t negation_crc32;
	uint64_t n_names;      /* names and synonyms as written */
	void *blob;            /* loaded from a cache file mapped here (lexcache.h), */
	size_t blob_len;       /* which holds its strings and trie arrays */
} mm_lexicon;

/* Load PATH: a .tsv file, or a directory whose *.tsv files are all loaded in
 * name order (with its blocklist.txt, when there is one). Returns the
 * lexicon, or NULL on any error with "file:line: reason" in err; nothing is
 * loaded partially. A directory's negation.txt gives the negation rules
 * (negate.h); without one the built-in rules apply. */
mm_lexicon *mm_lexicon_load(const char *path, mm_buf *err) MM_WUR;
/* Free lx and everything it owns (NULL is a no-op). */
void mm_lexicon_free(mm_lexicon *lx);

/* The .tsv files PATH stands for (a file, or a directory's *.tsv in name
 * order): an array of *n_files malloc'ed paths, itself malloc'ed (the
 * caller frees both); NULL with "path: reason" in err. st receives PATH's
 * stat (a directory may also hold blocklist.txt). */
struct stat;
char **mm_lexicon_sources(const char *path, int *n_files, struct stat *st, mm_buf *err) MM_WUR;

/* Structural check of a loaded lexicon: every index in range, entries
 * grouped by node, ids sorted. 0 when consistent, -1 otherwise. */
int mm_lexicon_check(const mm_lexicon *lx) MM_WUR;

#endif
