/* stats.h -- association statistics for co-occurrence pairs.
 *
 * For two concepts i and j counted over N units (documents, or sentences
 * with --level sentence), with n_i units mentioning i, n_j mentioning j and
 * a = n_ij mentioning both, the 2x2 contingency table is
 *
 *                 j present        j absent
 *   i present     a                b = n_i - a              | n_i
 *   i absent      c = n_j - a      d = N - n_i - n_j + a    | N - n_i
 *                 n_j              N - n_j                  | N
 *
 * Every function here is pure: no allocation, no global or static mutable
 * state, no errno-dependent behaviour (lgamma, whose glibc version writes
 * the global signgam, is not used), so all of them are safe to call from
 * any number of threads at once.  Functions write only through the output
 * pointers their caller passes (mm_stats_table, mm_stats_assoc, the arrays
 * of mm_stats_bh), which must not be shared between concurrent calls.
 *
 * No function returns NaN.  Every degenerate case (N = 0, empty rows or
 * columns, zero cells, a = 0, a = N) has a defined value, stated below.
 * The only non-finite value is mm_stats_pmi() = -INFINITY when a = 0 with
 * n_i, n_j > 0 (it never arises for a pair that was observed, a >= 1).
 *
 * Counts are uint64_t; a table is accepted when N <= 2^53 (so that every
 * count and every marginal is an exact double).  Accuracy is tested up to
 * N = 4e8 (all of PubMed is about 3.7e7 documents, 4e8 sentences).
 * Full derivations, references and interpretation: docs/statistics.md. */
#ifndef MM_STATS_H
#define MM_STATS_H

#include "util.h"

#include <stddef.h>
#include <stdint.h>

#define MM_STATS_MAX_N ((uint64_t)1 << 53)

/* The four cells of a 2x2 table (see above).  Any four cells whose sum is
 * at most MM_STATS_MAX_N form a valid table; build one from the pair and
 * marginal counts with mm_stats_table(). */
typedef struct {
	uint64_t a, b, c, d;
} mm_table2;

/* Fill *t from a = n_ij, the marginals n_i, n_j and the total n.
 * Returns 0 on success.  Returns -1, and sets *t to the all-zero table
 * (for which every measure below takes its neutral value), when the counts
 * are inconsistent: a > n_i, a > n_j, n_i + n_j - a > n, or n > 2^53. */
MM_WUR int mm_stats_table(mm_table2 *t, uint64_t a, uint64_t n_i, uint64_t n_j, uint64_t n);

/* Expected count under independence, E = n_i n_j / N.  0 when N = 0. */
double mm_stats_expected(const mm_table2 *t);

/* Pointwise mutual information (Church & Hanks 1990), in bits:
 *   PMI = log2(a N / (n_i n_j)) = log2(a / E).
 * 0 when N = 0, n_i = 0 or n_j = 0 (undefined: no evidence either way);
 * -INFINITY when a = 0 and n_i, n_j > 0.  Otherwise finite, with
 * -log2(N) <= PMI <= log2(N). */
double mm_stats_pmi(const mm_table2 *t);

/* Normalised PMI (Bouma 2009): NPMI = PMI / -log2(a / N), in [-1, 1].
 *   -1 when a = 0 (never together; needs n_i, n_j > 0),
 *    0 at independence,
 *    1 when a = n_i = n_j (always together), including a = N where the
 *      formula is 0/0.
 * 0 when N = 0, n_i = 0 or n_j = 0 (undefined).  The denominator is
 * computed as -log1p(-(N - a)/N)/ln 2 when a > N/2, so it stays accurate
 * when a is close to N. */
double mm_stats_npmi(const mm_table2 *t);

/* Log odds ratio with a Woolf (1955) 95 % confidence interval:
 *   lor = ln((a d) / (b c)),  se = sqrt(1/a + 1/b + 1/c + 1/d),
 *   [lo, hi] = lor -/+ 1.959963984540054 * se   (z = qnorm(0.975)).
 * When any cell is 0, 0.5 is added to every cell first (Haldane 1956;
 * haldane = 1), so the result is always finite.  The empty table (N = 0)
 * gives lor = 0, se = sqrt(8).  The CI is symmetric in log space; exp()
 * of the three values gives the odds ratio and its interval. */
typedef struct {
	double lor, se, lo, hi;
	int haldane;          /* 1 when the +0.5 correction was applied */
} mm_odds;
mm_odds mm_stats_log_odds(const mm_table2 *t);

/* Pearson's chi-square statistic of the 2x2 table, 1 degree of freedom,
 * WITHOUT Yates' continuity correction (as scipy's
 * chi2_contingency(correction=False) and R's chisq.test(correct=FALSE)):
 *   chi2 = N (a d - b c)^2 / (n_i n_j (N - n_i) (N - n_j)).
 * 0 when any row or column total is zero (including N = 0), where the
 * statistic is 0/0.  a d - b c = a N - n_i n_j is formed exactly (integer
 * arithmetic, or an fma-based exact product for N > 2^32), so there is no
 * cancellation even when both products exceed 2^53.  Note chi2 is
 * symmetric: it is large for strong avoidance as well as attraction. */
double mm_stats_chi2(const mm_table2 *t);

/* Fisher's exact test, two-sided, as R's fisher.test: the sum of the
 * hypergeometric probabilities P(X = k) (X = cell a with all marginals
 * fixed) over every k of the support with P(k) <= P(a) * (1 + 1e-7).
 *
 * mm_stats_fisher_lnp() returns ln(p) (<= 0), which does not underflow:
 * p-values far below 1e-308 are routine at N = 3.6e7 (e.g. a = 300 where
 * E = 2.8 gives ln p = -1135.3, p = 1e-493).  mm_stats_fisher() returns p = exp(ln p),
 * in [0, 1]; it underflows to 0 below about 1e-308 -- rank by ln p.
 * p = 1 (ln p = 0) when the support has one point (N = 0, or any empty
 * row or column, or a full one).
 *
 * Each log-probability is computed with Loader's saddle-point expansion
 * (stirlerr/bd0, the algorithm of R's dhyper), relative error about 1e-14
 * even for N = 4e8, where a log-factorial difference via lgamma would lose
 * about 1e-6.  Cost: O(log range) direct evaluations to find the cut-off
 * on the far side of the mode, then a ratio recurrence over the two tails
 * outward from the cut-offs, stopped when the remaining tail (bounded
 * geometrically, the hypergeometric being log-concave) is below 1e-17 of
 * the sum -- proportional to the number of terms that matter, never to N. */
double mm_stats_fisher_lnp(const mm_table2 *t);
double mm_stats_fisher(const mm_table2 *t);

/* Jaccard index a / (n_i + n_j - a) = a / (a + b + c), in [0, 1].
 * 0 when n_i = n_j = 0. */
double mm_stats_jaccard(const mm_table2 *t);

/* Benjamini-Hochberg (1995) q-values ("adjusted p-values", as R's
 * p.adjust(p, "BH")) of the n p-values p[0..n-1]:
 *   q_(r) = min over s >= r of min(1, p_(s) n / s)
 * where p_(1) <= ... <= p_(n).  q is monotone in p, >= p, capped at 1;
 * equal p-values get equal q-values whatever their order.  A p-value that
 * is NaN or above 1 is treated as 1, below 0 as 0.
 * order (n entries, caller-owned scratch) receives the permutation that
 * sorts p ascending (ties by index).  q (n entries) receives the q-values
 * in the input order; q may be the same array as p.  O(n log n) (heap
 * sort), no allocation.  Apply it to one family of tests at a time (the
 * pipeline: every pair of one type pair). */
void mm_stats_bh(const double *p, size_t n, size_t *order, double *q);

/* ---- the JensenLab / STRING co-occurrence score ----------------------------
 * Franceschini et al. 2013 (STRING v9.1), as implemented by the Jensen lab:
 *   C_ij = sum over documents k of  w_d delta_d(k) + w_p delta_p(k) + w_s delta_s(k)
 * where delta_d = 1 (both in document k), delta_p = 1 if i and j share AT
 * LEAST ONE section (paragraph) of k, delta_s = 1 if they share at least
 * one sentence of k: indicators, 0 or 1 per document, however many
 * sections or sentences they share.  The title is a section of its own;
 * the parts of a structured abstract are sections.  A shared sentence is
 * always a shared section, so a document contributes 1, 3 or 3.2. */
#define MM_COOC_WD 1.0      /* document weight */
#define MM_COOC_WP 2.0      /* section (paragraph) weight */
#define MM_COOC_WS 0.2      /* sentence weight */
#define MM_COOC_ALPHA 0.6

/* One document's contribution to C_ij, given that both concepts occur in
 * it: w_d + w_p [same_section > 0 || same_sentence > 0] + w_s [same_sentence > 0].
 * same_section / same_sentence are the numbers of sections / sentences of
 * that document mentioning both (only whether they are > 0 matters). */
double mm_stats_cooc_weight(uint64_t same_section, uint64_t same_sentence);

/* C_ij over a corpus from three per-pair document counts:
 *   docs      documents mentioning both,
 *   sec_docs  documents in which they share at least one section,
 *   sent_docs documents in which they share at least one sentence,
 * so sent_docs <= sec_docs <= docs.  C_ij = w_d docs + w_p sec_docs + w_s sent_docs,
 * equal to the sum of mm_stats_cooc_weight() over the documents. */
double mm_stats_cooc_count(uint64_t docs, uint64_t sec_docs, uint64_t sent_docs);

/* The score S = C_ij^alpha (C_ij C_.. / (C_i. C_.j))^(1 - alpha), alpha = 0.6,
 * computed as C_ij (C_.. / (C_i. C_.j))^(1 - alpha).
 * c_i = C_i. = sum over the partners j of C_ij, c_j = C_.j likewise, and
 * c_all = C_.. = sum of C_ij over all pairs, each (unordered) pair once --
 * the Jensen lab convention; so for a same-type matrix sum_i C_i. = 2 C_..,
 * for a matrix between two types sum_i C_i. = C_.. .  Sums are taken over
 * the pairs of the matrix being scored (one type pair).
 * 0 when any argument is <= 0 (or NaN): no co-occurrence, no score. */
double mm_stats_cooc_score(double c_ij, double c_i, double c_j, double c_all);

/* ---- the pairs of a run: one family per type pair ------------------------------
 * pairs.tsv takes Benjamini-Hochberg within each type pair (the pairs of one
 * matrix are one family of tests), and the co-occurrence score's marginals
 * C_i., C_.j and C_.. within the type pair too.  A pair is two concepts a
 * and b of types ta and tb (0 <= ta, tb < n_type), its count C_ab and its
 * p-value.  Pure like everything here: the caller owns every array, and
 * nothing is allocated. */
typedef struct {
	uint32_t a, b;        /* concept indices (< n_concept) */
	int ta, tb;           /* their types (< n_type) */
	double c;             /* C_ab, mm_stats_cooc_count() */
	double p;             /* p-value (Fisher), for BH */
} mm_stats_pair;

/* The family of a pair of types: the unordered pair {ta, tb} as
 * min * n_type + max, in [0, n_type^2). */
static inline int mm_stats_family(int ta, int tb, int n_type)
{
	return ta < tb ? ta * n_type + tb : tb * n_type + ta;
}

/* BH q-values within each family: q[k] is pr[k]'s q-value among the pairs
 * of its family (mm_stats_bh over them, in the order of pr).  order, wp and
 * widx are scratch of n entries each.  O(n_type^2 n + n log n). */
void mm_stats_bh_by_family(const mm_stats_pair *pr, size_t n, int n_type, size_t *order, double *wp, size_t *widx,
                           double *q);

/* The score's marginals: row[i * n_type + t] = C_i. over i's partners of
 * type t (n_concept * n_type entries), all[f] = C_.. of family f (n_type^2
 * entries); both are set (zeroed first), summing pr[0..n-1] in order. */
void mm_stats_cooc_margins(const mm_stats_pair *pr, size_t n, int n_concept, int n_type, double *row, double *all);

/* mm_stats_cooc_score() of one pair with the marginals of its family. */
double mm_stats_pair_score(const mm_stats_pair *pr, int n_type, const double *row, const double *all);

/* ---- everything at once ------------------------------------------------------ */

typedef struct {
	double expected;      /* mm_stats_expected */
	double pmi, npmi;     /* bits; see above for a = 0 and a = N */
	mm_odds odds;         /* log odds ratio and Woolf 95 % CI */
	double chi2;          /* Pearson, no Yates correction */
	double fisher_lnp;    /* ln of the two-sided Fisher p */
	double fisher_p;      /* exp(fisher_lnp), may underflow to 0 */
	double jaccard;
} mm_assoc;

/* All the measures of one table. */
void mm_stats_assoc(const mm_table2 *t, mm_assoc *out);

#endif
