/* lexicon.h -- load entity lexicons (TSV, see lexicons/README.md) and
 * compile them into a byte trie over "squeezed" normalised keys plus PCRE2
 * pattern entries.
 *
 * Keys: a synonym is normalised (text.h) and its spaces and hyphens are
 * removed; the trie node before a removed separator, and every
 * letter/digit transition, is marked so that the text may have a space, a
 * hyphen or nothing there.  Matching cost depends on the text, not on the
 * number of names.  A loaded lexicon is read-only and may be shared by any
 * number of threads. */
#ifndef MM_LEXICON_H
#define MM_LEXICON_H

#include "util.h"
#include <stdint.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

enum {
	MM_F_CS = 1,      /* case-sensitive */
	MM_F_CTX = 2,     /* needs antibody context */
	MM_F_EXACT = 4,   /* no plural variants */
	MM_F_WRAP = 8,    /* generated anti-/antibody form: is antibody context */
	MM_F_PLURAL = 16  /* generated plural */
};

#define MM_NODE_SEP 1   /* a separator may follow this node */
#define MM_NODE_ENT 2   /* entries end at this node */
#define MM_NODE_DENSE 4 /* kid is a dense row of children */

/* A trie node: 8 bytes holding all a walk step reads. n children; one
 * child (most nodes: the tails of names) is kid, on byte c0; more are
 * edge_byte/edge_child[kid .. kid + n) ordered by byte, or dense row kid
 * (MM_NODE_DENSE). Nodes are numbered breadth-first to depth 3 (the
 * shared prefixes, compact and hot), then depth-first below, so that a
 * name's tail is a run of neighbouring records. */
typedef struct {
	uint32_t kid;
	uint8_t flags, c0;
	uint16_t n;
} mm_tnode;

typedef struct {
	char *id, *type, *name, *xrefs, *pattern_src;
	int type_idx;
	char *where;      /* "file:line" of the definition */
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
	uint32_t concept;
	uint8_t flags, pre, suf; /* pre/suf: key bytes of a generated wrapper */
	char *cs;                /* case-preserved squeezed form (MM_F_CS) */
} mm_lexent;

/* Aho-Corasick automaton over the literals of the first 64 patterns, as a
 * full transition table over byte classes (bytes that occur in no literal
 * share one class), one row of 1 << cls_shift entries per state.  A state
 * is named by its row's offset in go[] (state number << cls_shift), so a
 * scan step is one load: st = go[st + cls[c]], from st = 0.  States where
 * a literal ends (out[] != 0) are numbered from out_base >> cls_shift on,
 * all others below, and out_base is a power of two: an entry >= out_base,
 * and an OR of entries, has the out_base bit set exactly when a literal
 * ends there (match.c's litac_scan()). */
#define MM_AC_MAX_STATES 0x8000u
typedef struct {
	uint32_t *go;      /* rows: (out_base >> cls_shift) + number of output states */
	uint8_t cls[256];
	int cls_shift;
	uint32_t out_base;
	uint64_t *out;     /* by state number: the patterns one of whose literals ends there */
	uint64_t mask;     /* patterns that have literals (0: no prefilter) */
	uint32_t n_state;
	uint32_t max_len;  /* longest literal */
} mm_litac;

void mm_litac_build(mm_litac *ac, char **const *lits, const int *n_lits, int n_pattern);
void mm_litac_free(mm_litac *ac);

typedef struct {
	char *path;
	uint32_t crc32;
	uint64_t bytes;
	int concepts;
} mm_lexfile;

typedef struct {
	int n_concept;
	mm_concept *c;         /* sorted by id: index order is id order */
	int n_type;
	char **type;           /* sorted */
	int antibody_type;     /* index of type "antibody", or -1 */
	int n_file;
	mm_lexfile *file;
	/* trie; node 0 is the root */
	uint32_t n_node;
	mm_tnode *node;        /* n_node */
	uint32_t n_edge, n_row;
	uint8_t *edge_byte;    /* n_edge children of nodes with several (mm_tnode) */
	uint32_t *edge_child;
	uint32_t *ent_off;     /* n_node + 1: entries ending at a node */
	mm_lexent *ent;
	uint32_t n_ent;
	uint32_t root[256];    /* child of the root per byte, 0 = none */
	/* nodes with more than 4 children have a dense row of children by
	 * byte class instead: rows[row << 6 | tcls[c]] */
	uint32_t *rows;
	uint8_t tcls[256];     /* 0 for bytes on no edge */
	/* first tokens: a match starting at a token (a letter/digit run) walks
	 * the whole token, to a node where the name ends or goes on past a
	 * non-letter: the class of the next text character (MM_TC_*; match.c
	 * tok_bit() computes it as the walk would see it) tells which. The
	 * hashes of (token, class) for every such node and class it accepts
	 * (mm_tok_hash, mm_tok_bit) are set in this bit set of tok_mask + 1
	 * bits, so most text tokens are rejected with one probe (a false
	 * positive only costs the walk). */
	uint64_t *tok_bits;
	uint32_t tok_mask;
	int n_pattern;
	int *pattern_concept;
	mm_litac litac;        /* prefilter for the patterns (see match.c) */
	/* blocklist.txt: a mention of concept (or any, -1) inside an occurrence
	 * of phrase (normalised) is dropped */
	int n_block;
	struct mm_block { int concept; char *phrase; size_t len; } *block;
	uint8_t *blocked;      /* per concept: has blocklist entries (or any "*") */
	char *blocklist_path;
	uint32_t blocklist_crc32;
	uint64_t n_names;      /* names and synonyms as written */
	void *blob;            /* loaded from a cache file mapped here (lexcache.h), */
	size_t blob_len;       /* which holds its strings and trie arrays */
} mm_lexicon;

/* Load PATH: a .tsv file, or a directory whose *.tsv files are all loaded in
 * name order. Returns NULL on any error, with "file:line: reason" in err;
 * nothing is loaded partially. */
mm_lexicon *mm_lexicon_load(const char *path, mm_buf *err);
void mm_lexicon_free(mm_lexicon *lx);

/* The .tsv files PATH stands for (a file, or a directory's *.tsv in name
 * order), malloc'ed; NULL with "path: reason" in err. st receives PATH's
 * stat (a directory may also hold blocklist.txt). */
struct stat;
char **mm_lexicon_sources(const char *path, int *n_files, struct stat *st, mm_buf *err);

/* Compile the patterns of a lexicon whose concepts are set (pattern_src):
 * pattern_concept, the codes and the literal automaton. 0 or -1 (err). */
int mm_lexicon_patterns(mm_lexicon *lx, mm_buf *err);

/* Structural check of a loaded lexicon: every index in range, entries
 * grouped by node, ids sorted. 0 when consistent, -1 otherwise. */
int mm_lexicon_check(const mm_lexicon *lx);

/* Child of node for byte c, or 0. */
static inline uint32_t mm_trie_next(const mm_lexicon *lx, uint32_t node, unsigned char c)
{
	if (node == 0) return lx->root[c];
	const mm_tnode *v = &lx->node[node];
	if (v->n == 1) return v->c0 == c ? v->kid : 0;
	if (v->flags & MM_NODE_DENSE) return lx->rows[(size_t)v->kid << 6 | lx->tcls[c]];
	uint32_t a = v->kid, b = a + v->n, end = b;
	if (v->n <= 8) {
		for (; a < b; ++a) if (lx->edge_byte[a] == c) return lx->edge_child[a];
		return 0;
	}
	while (a < b) {
		uint32_t m = (a + b) / 2;
		if (lx->edge_byte[m] < c) a = m + 1; else b = m;
	}
	return a < end && lx->edge_byte[a] == c ? lx->edge_child[a] : 0;
}

/* Hash of the token s[0..n); `avail` bytes may be read from s (>= n): up
 * to 7 past the token are read (and masked off) when available. */
static inline uint64_t mm_tok_hash(const unsigned char *s, size_t n, size_t avail)
{
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull, x;
	for (; n >= 8; s += 8, n -= 8, avail -= 8) {
		memcpy(&x, s, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	if (n) {
		if (avail >= 8) { memcpy(&x, s, 8); x &= ~0ull >> (64 - 8 * n); }
		else { x = 0; for (size_t i = 0; i < n; ++i) x |= (uint64_t)s[i] << (8 * i); }
		h = (h ^ x) * 0xc4ceb9fe1a85ec53ull;
	}
	return h ^ (h >> 32);
}

/* Classes of what follows a token (after at most 3 separators). */
enum { MM_TC_DIGIT, MM_TC_LETTER, MM_TC_OTHER };

/* The bit of (token hash h, class cls) in tok_bits. */
static inline uint64_t mm_tok_bit(const mm_lexicon *lx, uint64_t h, int cls)
{
	static const uint64_t salt[3] = { 0, 0x5bd1e9955bd1e995ull, 0x27d4eb2f165667c5ull };
	return (h ^ salt[cls]) & lx->tok_mask;
}

/* Literals one of which every match of the PCRE2 pattern must contain
 * (lower case, ASCII), for a cheap memmem prefilter. Returns how many
 * (*lits allocated) or 0 when the pattern is not understood well enough
 * to tell -- then it must always be run. */
int mm_pattern_literals(const char *pattern, char ***lits);

/* Squeezed key of s (normalised, separators removed); fold=0 keeps case. */
void mm_squeeze(const char *s, size_t n, int fold, mm_buf *out);

#endif
