/* lexpriv.h -- the layout of a compiled lexicon's matching structures and
 * the steps the matcher takes over them.  Private to the lexicon's files:
 * the reader (lexicon.c), the builder (lexbuild.c), the pattern prefilter
 * (prefilter.c), the matcher (match.c) and the cache (lexcache.c).
 *
 * The trie (fields of mm_lexicon): keys are synonyms normalised (text.h)
 * with their spaces and hyphens removed; the node before a removed
 * separator, and every letter/digit transition, is marked MM_NODE_SEP so
 * that the text may have a space, a hyphen or nothing there.  Node 0 is
 * the root; root[c] is its child on byte c (0 = none).
 *   node[n_node]           records (mm_tnode)
 *   edge_byte, edge_child  [n_edge]: children of nodes with several, by byte
 *   rows                   nodes with more than 4 children have a dense
 *                          row of children by byte class instead:
 *                          rows[row << 6 | tcls[c]] (n_row rows)
 *   tcls[256]              byte classes of the rows, 0 for bytes on no edge
 *   ent_off[n_node + 1]    entries ending at node v: ent[ent_off[v] ..
 *                          ent_off[v + 1])
 *   ent[n_ent]             entries (mm_lexent)
 * First tokens: a match starting at a token (a letter/digit run) walks the
 * whole token, to a node where the name ends or goes on past a non-letter:
 * the class of the next text character (MM_TC_*; match.c tok_bit()
 * computes it as the walk would see it) tells which.  The hashes of
 * (token, class) for every such node and class it accepts (mm_tok_hash,
 * mm_tok_bit) are set in tok_bits, a bit set of tok_mask + 1 bits, so most
 * text tokens are rejected with one probe (a false positive only costs the
 * walk).
 * Patterns: pattern_concept[n_pattern] are the concepts with a PCRE2
 * pattern; litac is the literal automaton that selects the sentences each
 * one runs over (mm_litac). */
#ifndef MM_LEXPRIV_H
#define MM_LEXPRIV_H

#include "lexicon.h"
#include <string.h>

/* Entry flags (lexicons/README.md: {cs}, {ctx}, {exact}, {whole}, {clin}; and generated). */
enum {
	MM_F_CS = 1,      /* case-sensitive */
	MM_F_CTX = 2,     /* needs antibody context */
	MM_F_EXACT = 4,   /* no plural variants */
	MM_F_WRAP = 8,    /* generated anti-/antibody form: is antibody context */
	MM_F_PLURAL = 16, /* generated plural */
	MM_F_WHOLE = 32,  /* {whole}: no concept of another type counted inside */
	MM_F_CLIN = 64    /* {clin}: counts only in a clinical-presentation context */
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
struct mm_tnode {
	uint32_t kid;
	uint8_t flags, c0;
	uint16_t n;
};

/* A name or synonym ending at a node. */
struct mm_lexent {
	uint32_t concept;
	uint8_t flags, pre, suf; /* pre/suf: key bytes of a generated wrapper */
	char *cs;                /* case-preserved squeezed form (MM_F_CS) */
};

/* Aho-Corasick automaton over the literals of the first 64 patterns, as a
 * full transition table over byte classes (bytes that occur in no literal
 * share one class), one row of 1 << cls_shift entries per state.  A state
 * is named by its row's offset in go[] (state number << cls_shift), so a
 * scan step is one load: st = go[st + cls[c]], from st = 0.  States where
 * a literal ends (out[] != 0) are numbered from out_base >> cls_shift on,
 * all others below, and out_base is a power of two: an entry >= out_base,
 * and an OR of entries, has the out_base bit set exactly when a literal
 * ends there (match.c's litac_scan()).  Built by prefilter.c. */
#define MM_AC_MAX_STATES 0x8000u
struct mm_litac {
	uint32_t *go;      /* rows: (out_base >> cls_shift) + number of output states */
	uint8_t cls[256];
	int cls_shift;
	uint32_t out_base;
	uint64_t *out;     /* by state number: the patterns one of whose literals ends there */
	uint64_t mask;     /* patterns that have literals (0: no prefilter) */
	uint32_t n_state;
	uint32_t max_len;  /* longest literal */
};

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

/* Squeezed key of s into out (replaced): normalised (text.h), separators
 * removed; fold=0 keeps case. */
void mm_squeeze(const char *s, size_t n, int fold, mm_buf *out);

/* Read PATH/negation.txt (when PATH is a directory holding one) into
 * lx->neg, negation_path and negation_crc32; 0, or -1 with the reason in
 * err. lexicon.c; the cache (lexcache.c) calls it after loading a file. */
int mm_lexicon_load_negation(mm_lexicon *lx, const char *path, mm_buf *err);

/* ---- building (lexbuild.c) ----------------------------------------------- */

/* Names and synonyms gathered into a trie, then frozen into a lexicon.
 * Owned by one thread. */
typedef struct mm_lexbuild mm_lexbuild;

/* A builder holding the trie's root; never NULL. */
mm_lexbuild *mm_lexbuild_new(void);
/* Discard a builder that is not frozen (NULL is a no-op). */
void mm_lexbuild_free(mm_lexbuild *b);

typedef enum {
	MM_SYN_OK = 0,
	MM_SYN_NO_ALNUM = -1,  /* the synonym has no letter or digit */
	MM_SYN_BAD_START = -2  /* it starts with another character: it could never match */
} mm_syn_status;

/* Add synonym s[0..n) of concept ci (of lexicon lx, whose concepts and
 * types are set) with flags MM_F_*, and the variants it generates (plurals;
 * anti-/antibody wrappers for an antibody). */
mm_syn_status mm_lexbuild_add(mm_lexbuild *b, const mm_lexicon *lx, uint32_t ci, const char *s, size_t n, int flags) MM_WUR;

/* Freeze b's trie into lx (node, edges, rows, entries, first-token bits;
 * lx owns them); b is freed. Never fails. */
void mm_lexbuild_finish(mm_lexbuild *b, mm_lexicon *lx);

/* Compile concept i's pattern (lx->c[i].pattern_src): the plain and
 * anchored codes, the first-byte bitmap and the prefilter literals; appends
 * i to pattern_concept (allocated for n_concept entries). 0, or -1 with
 * "file:line: reason" in err. */
int mm_lexicon_compile_pattern(mm_lexicon *lx, int i, mm_buf *err) MM_WUR;
/* The literal automaton over the compiled patterns (lx->litac), after the
 * last mm_lexicon_compile_pattern(). */
void mm_lexicon_build_litac(mm_lexicon *lx);

/* Compile every pattern of a lexicon whose concepts are set (pattern_src),
 * as loaded from a cache: pattern_concept, the codes and the literal
 * automaton. 0, or -1 with the reason in err. */
int mm_lexicon_patterns(mm_lexicon *lx, mm_buf *err) MM_WUR;

#endif
