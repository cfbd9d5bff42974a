/* Association statistics (pipeline/stats.c): hand-computed small tables,
 * degenerate cases, counts in the millions, Benjamini-Hochberg, the STRING
 * co-occurrence score.  The random comparison against scipy is
 * tests/stats/check_stats.py. */
#include "test.h"
#include "../../pipeline/stats.h"

#include <math.h>
#include <stdint.h>

/* |x - y| <= rel * max(|x|, |y|), or both the same infinity */
static int near(double x, double y, double rel)
{
	if (isinf(x) || isinf(y)) return x == y;
	if (isnan(x) || isnan(y)) return 0;
	double m = fabs(x) > fabs(y) ? fabs(x) : fabs(y);
	return fabs(x - y) <= rel * m || fabs(x - y) < 1e-300;
}
#define CHECK_NEAR(x, y, rel) do { double x_ = (x), y_ = (y); t_run++; if (!near(x_, y_, rel)) { t_fail++; \
	fprintf(stderr, "FAIL %s:%d: %s == %.17g, expected %.17g\n", __FILE__, __LINE__, #x, x_, y_); } } while (0)

static mm_table2 tab(uint64_t a, uint64_t n_i, uint64_t n_j, uint64_t n)
{
	mm_table2 t;
	int rc = mm_stats_table(&t, a, n_i, n_j, n);
	CHECK_INT(rc, 0);
	return t;
}

/* every measure of two tables agree (symmetries) */
static void check_same(const mm_table2 *x, const mm_table2 *y, int odds_sign)
{
	mm_assoc p, q;
	mm_stats_assoc(x, &p);
	mm_stats_assoc(y, &q);
	CHECK_NEAR(p.chi2, q.chi2, 1e-13);
	CHECK_NEAR(p.fisher_lnp, q.fisher_lnp, 1e-12);
	CHECK_NEAR(p.odds.lor, odds_sign * q.odds.lor, 1e-13);
	CHECK_NEAR(p.odds.se, q.odds.se, 1e-13);
}

/* none of the measures is NaN, p in [0, 1], NPMI in [-1, 1] */
static void check_sane(const mm_table2 *t)
{
	mm_assoc r;
	mm_stats_assoc(t, &r);
	CHECK(!isnan(r.expected) && !isnan(r.pmi) && !isnan(r.npmi) && !isnan(r.chi2) && !isnan(r.jaccard));
	CHECK(isfinite(r.odds.lor) && isfinite(r.odds.se) && isfinite(r.odds.lo) && isfinite(r.odds.hi));
	CHECK(isfinite(r.fisher_lnp) && r.fisher_lnp <= 0 && r.fisher_p >= 0 && r.fisher_p <= 1);
	CHECK(r.npmi >= -1 && r.npmi <= 1 && r.chi2 >= 0 && r.jaccard >= 0 && r.jaccard <= 1);
}

static void test_small(void)
{
	/* a = 8, n_i = 10, n_j = 9, N = 16: cells a 8, b 2, c 1, d 16-10-9+8 = 5
	 * (scipy's fisher_exact example [[8, 2], [1, 5]]) */
	mm_table2 t = tab(8, 10, 9, 16);
	CHECK_INT(t.b, 2); CHECK_INT(t.c, 1); CHECK_INT(t.d, 5);
	/* E = 10*9/16 = 5.625 */
	CHECK_NEAR(mm_stats_expected(&t), 5.625, 1e-15);
	/* PMI = log2(8*16/(10*9)) = log2(128/90) = 0.50814690367032...;
	 * NPMI = PMI / -log2(8/16) = PMI / 1 */
	CHECK_NEAR(mm_stats_pmi(&t), 0.508146903670325, 1e-14);
	CHECK_NEAR(mm_stats_npmi(&t), 0.508146903670325, 1e-14);
	/* ln OR = ln(8*5/(2*1)) = ln 20 = 2.99573227355399;
	 * se = sqrt(1/8 + 1/2 + 1/1 + 1/5) = sqrt(1.825) = 1.35092560861063;
	 * CI = 2.99573 -/+ 1.959964*1.350926 = [0.34796673488430, 5.64349781222368] */
	mm_odds o = mm_stats_log_odds(&t);
	CHECK_INT(o.haldane, 0);
	CHECK_NEAR(o.lor, log(20.0), 1e-15);
	CHECK_NEAR(o.se, sqrt(1.825), 1e-15);
	CHECK_NEAR(o.lo, 0.347966734884304, 1e-12);
	CHECK_NEAR(o.hi, 5.643497812223677, 1e-12);
	/* chi2 = 16 (8*5 - 2*1)^2 / (10*6*9*7) = 16*1444/3780 = 6.11216931216931 */
	CHECK_NEAR(mm_stats_chi2(&t), 23104.0 / 3780.0, 1e-14);
	/* Fisher: support k = 3..9, P(k) = C(10,k) C(6,9-k) / C(16,9), C(16,9) = 11440:
	 * k=3 120, 4 1260, 5 3780, 6 4200, 7 1800, 8 270, 9 10 (sum 11440).
	 * P(8) = 270; terms <= 270: 120 + 270 + 10 = 400 -> p = 400/11440 = 0.034965034965035 */
	CHECK_NEAR(mm_stats_fisher(&t), 400.0 / 11440.0, 1e-13);
	CHECK_NEAR(mm_stats_fisher_lnp(&t), log(400.0 / 11440.0), 1e-13);
	/* Jaccard 8 / (10 + 9 - 8) = 8/11 */
	CHECK_NEAR(mm_stats_jaccard(&t), 8.0 / 11.0, 1e-15);

	/* independence: a = 2, n_i = 4, n_j = 5, N = 10 (cells 2 2 3 3), E = 20/10 = 2 = a:
	 * PMI 0, NPMI 0, ln OR = ln(2*3/(2*3)) = 0, chi2 = 10 (2*3-2*3)^2/... = 0.
	 * Fisher: P(k) = C(4,k) C(6,5-k) / C(10,5) = (6, 60, 120, 60, 6)/252 for k = 0..4;
	 * P(2) = 120/252 is the mode -> p = 1.
	 * a = 1 or 3: P = 60/252, an exact tie on both sides of the mode:
	 * p = (6 + 60 + 60 + 6)/252 = 132/252 = 11/21 for both. a = 0: (6+6)/252 = 1/21. */
	t = tab(2, 4, 5, 10);
	CHECK_NEAR(mm_stats_expected(&t), 2, 1e-15);
	CHECK(fabs(mm_stats_pmi(&t)) < 1e-15 && fabs(mm_stats_npmi(&t)) < 1e-15);
	CHECK(fabs(mm_stats_log_odds(&t).lor) < 1e-15);
	CHECK(fabs(mm_stats_chi2(&t)) < 1e-15);
	CHECK_NEAR(mm_stats_fisher(&t), 1, 1e-15);
	t = tab(1, 4, 5, 10);
	CHECK_NEAR(mm_stats_fisher(&t), 11.0 / 21.0, 1e-13);
	t = tab(3, 4, 5, 10);
	CHECK_NEAR(mm_stats_fisher(&t), 11.0 / 21.0, 1e-13);
	t = tab(0, 4, 5, 10);
	CHECK_NEAR(mm_stats_fisher(&t), 1.0 / 21.0, 1e-13);

	/* a = 3, n_i = 5, n_j = 4, N = 12: cells 3 2 1 6.
	 * P(k) = C(5,k) C(7,4-k) / C(12,4) = (35, 175, 210, 70, 5)/495 for k = 0..4;
	 * P(3) = 70: terms <= 70: 35 + 70 + 5 = 110 -> p = 110/495 = 2/9.
	 * chi2 = 12 (3*6 - 2*1)^2 / (5*7*4*8) = 12*256/1120 = 2.742857142857143 */
	t = tab(3, 5, 4, 12);
	CHECK_NEAR(mm_stats_fisher(&t), 2.0 / 9.0, 1e-13);
	CHECK_NEAR(mm_stats_chi2(&t), 12.0 * 256.0 / 1120.0, 1e-14);
	/* PMI = log2(3*12/20) = log2(1.8); NPMI = log2(1.8)/log2(4) */
	CHECK_NEAR(mm_stats_pmi(&t), log2(1.8), 1e-14);
	CHECK_NEAR(mm_stats_npmi(&t), log2(1.8) / 2, 1e-14);
}

static void test_symmetry(void)
{
	/* transposing (i <-> j: b <-> c) changes nothing; swapping the rows
	 * (i present <-> absent: a <-> c, b <-> d) negates the log odds and keeps
	 * chi2 and Fisher */
	static const uint64_t tb[][4] = {
		{ 8, 10, 9, 16 }, { 0, 3, 4, 10 }, { 7, 7, 30, 100 }, { 300, 50000, 2000, 36000000 },
		{ 40, 5000, 9000, 36000000 }, { 0, 1000, 1000, 2000 }, { 123456, 2000000, 600000, 400000000 },
	};
	for (size_t k = 0; k < sizeof tb / sizeof tb[0]; ++k) {
		mm_table2 t = tab(tb[k][0], tb[k][1], tb[k][2], tb[k][3]);
		mm_table2 tt = { t.a, t.c, t.b, t.d };   /* transpose */
		mm_table2 rs = { t.c, t.d, t.a, t.b };   /* rows swapped */
		mm_table2 cp = { t.d, t.c, t.b, t.a };   /* both swapped: the complement */
		check_same(&t, &tt, 1);
		check_same(&t, &rs, -1);
		check_same(&t, &cp, 1);
		CHECK_NEAR(mm_stats_pmi(&t), mm_stats_pmi(&tt), 1e-15);
		CHECK_NEAR(mm_stats_npmi(&t), mm_stats_npmi(&tt), 1e-15);
		CHECK_NEAR(mm_stats_jaccard(&t), mm_stats_jaccard(&tt), 1e-15);
		check_sane(&t);
	}
}

static void test_degenerate(void)
{
	mm_table2 t;
	mm_assoc r;
	/* a = 0, n_i = 3, n_j = 4, N = 10: cells 0 3 4 3.  E = 1.2, PMI -inf, NPMI -1.
	 * Haldane: (0.5*3.5)/(3.5*4.5) = 1/9 -> ln OR = -ln 9;
	 * se = sqrt(1/0.5 + 1/3.5 + 1/4.5 + 1/3.5) = sqrt(2.7936507936...).
	 * chi2 = 10 (0*3 - 3*4)^2 / (3*7*4*6) = 1440/504 = 2.857142857142857.
	 * Fisher: P(k) = C(3,k) C(7,4-k)/C(10,4) = (35, 105, 63, 7)/210, P(0) = 35:
	 * p = (35 + 7)/210 = 0.2.  Jaccard 0. */
	t = tab(0, 3, 4, 10);
	mm_stats_assoc(&t, &r);
	CHECK_NEAR(r.expected, 1.2, 1e-15);
	CHECK(isinf(r.pmi) && r.pmi < 0);
	CHECK_NEAR(r.npmi, -1, 0);
	CHECK_INT(r.odds.haldane, 1);
	CHECK_NEAR(r.odds.lor, -log(9.0), 1e-14);
	CHECK_NEAR(r.odds.se, sqrt(2 + 2 / 7.0 + 1 / 4.5 + 2 / 7.0), 1e-14);
	CHECK_NEAR(r.chi2, 1440.0 / 504.0, 1e-14);
	CHECK_NEAR(r.fisher_p, 0.2, 1e-13);
	CHECK_NEAR(r.jaccard, 0, 0);

	/* a = n_i = n_j = N = 5: cells 5 0 0 0.  E = 5, PMI log2(5*5/25) = 0, NPMI 1 (0/0 defined).
	 * Haldane: ln(5.5*0.5/(0.5*0.5)) = ln 11.  chi2 0 (row and column totals N - n = 0).
	 * Fisher: one table, p = 1.  Jaccard 5/5 = 1. */
	t = tab(5, 5, 5, 5);
	mm_stats_assoc(&t, &r);
	CHECK_NEAR(r.expected, 5, 1e-15);
	CHECK_NEAR(r.pmi, 0, 0);
	CHECK_NEAR(r.npmi, 1, 0);
	CHECK_INT(r.odds.haldane, 1);
	CHECK_NEAR(r.odds.lor, log(11.0), 1e-15);
	CHECK_NEAR(r.chi2, 0, 0);
	CHECK_NEAR(r.fisher_p, 1, 0);
	CHECK_NEAR(r.fisher_lnp, 0, 0);
	CHECK_NEAR(r.jaccard, 1, 0);

	/* a = n_i = n_j = 3 < N = 10: always together -> NPMI 1; PMI = log2(10/3) */
	t = tab(3, 3, 3, 10);
	CHECK_NEAR(mm_stats_npmi(&t), 1, 0);
	CHECK_NEAR(mm_stats_pmi(&t), 1.7369655941662063, 1e-15);

	/* N = 0: the empty table.  E 0, PMI 0, NPMI 0, Haldane ln(0.25/0.25) = 0
	 * with se sqrt(4*2) = sqrt 8, chi2 0, p 1, Jaccard 0 */
	t = tab(0, 0, 0, 0);
	mm_stats_assoc(&t, &r);
	CHECK(r.expected == 0 && r.pmi == 0 && r.npmi == 0 && r.chi2 == 0 && r.jaccard == 0);
	CHECK(r.odds.lor == 0 && r.odds.haldane == 1);
	CHECK_NEAR(r.odds.se, sqrt(8.0), 1e-15);
	CHECK(r.fisher_p == 1 && r.fisher_lnp == 0);

	/* n_i = 0: the concept never occurs; undefined measures are 0, p = 1 */
	t = tab(0, 0, 5, 10);
	mm_stats_assoc(&t, &r);
	CHECK(r.pmi == 0 && r.npmi == 0 && r.chi2 == 0 && r.jaccard == 0 && r.fisher_p == 1);
	/* n_j = N: j is everywhere; chi2 0 (a column total is 0), p 1, PMI 0 */
	t = tab(4, 4, 10, 10);
	mm_stats_assoc(&t, &r);
	CHECK(r.chi2 == 0 && r.fisher_p == 1 && r.pmi == 0);
	check_sane(&t);

	/* a single zero cell elsewhere: b = 0 (i only with j) -> Haldane */
	t = tab(4, 4, 6, 10);
	CHECK_INT(mm_stats_log_odds(&t).haldane, 1);
	/* (4.5*4.5)/(0.5*2.5) = 16.2 */
	CHECK_NEAR(mm_stats_log_odds(&t).lor, log(16.2), 1e-14);

	/* inconsistent counts: rejected, table zeroed */
	CHECK_INT(mm_stats_table(&t, 5, 4, 6, 10), -1);   /* a > n_i */
	CHECK(t.a == 0 && t.b == 0 && t.c == 0 && t.d == 0);
	CHECK_INT(mm_stats_table(&t, 1, 6, 6, 10), -1);   /* n_i + n_j - a = 11 > N */
	CHECK_INT(mm_stats_table(&t, 0, 0, 0, MM_STATS_MAX_N + 1), -1);
	CHECK_INT(mm_stats_table(&t, 0, 0, 0, MM_STATS_MAX_N), 0);
	check_sane(&t);
}

static void test_large(void)
{
	/* N = 36,000,000 documents, n_i = 50,000, n_j = 2,000, a = 300:
	 * E = 50000*2000/36e6 = 2.777...; PMI = log2(300/2.777...) = log2(108) */
	mm_table2 t = tab(300, 50000, 2000, 36000000);
	mm_assoc r;
	mm_stats_assoc(&t, &r);
	CHECK_NEAR(r.expected, 100000000.0 / 36000000.0, 1e-15);
	CHECK_NEAR(r.pmi, log2(108.0), 1e-14);
	/* chi2 = N (aN - n_i n_j)^2 / (n_i n_j (N-n_i)(N-n_j)), exact rational:
	 *   python3 -c "from fractions import Fraction as F; N,ni,nj,a=36000000,50000,2000,300;
	 *     print(float(F(N*(a*N-ni*nj)**2, ni*nj*(N-ni)*(N-nj))))"   -> 31848.77911236144
	 * scipy.stats.chi2_contingency([[300,49700],[1700,35948300]], correction=False)[0] = 31848.779112361444 */
	CHECK_NEAR(r.chi2, 31848.77911236144, 1e-13);
	/* ln OR = ln(300*35948300/(49700*1700)) = 4.849231085640534, se = 0.06278309620848736 */
	CHECK_NEAR(r.odds.lor, 4.849231085640534, 1e-14);
	CHECK_NEAR(r.odds.se, 0.06278309620848736, 1e-14);
	/* Fisher: p ~ 1e-493 underflows a double (scipy.stats.fisher_exact returns 0.0);
	 * ln p exactly, with Python integers (R's rule, P(k) <= P(a)(1 + 1e-7)):
	 *   python3 -c "import math; N,ni,nj,a=36000000,50000,2000,300;
	 *     w=[math.comb(ni,k)*math.comb(N-ni,nj-k) for k in range(0,nj+1)];
	 *     s=sum(x for x in w if x*10**7 <= w[a]*(10**7+1));
	 *     print(repr(math.log(s)-math.log(math.comb(N,nj))))"          -> -1135.28539623693
	 * scipy (only the upper tail counts here, P(0) >> P(300)):
	 *   python3 -c "from scipy.stats import hypergeom;
	 *     print(hypergeom.logsf(299, 36000000, 50000, 2000))"           -> -1135.2853962100114 */
	CHECK_NEAR(r.fisher_lnp, -1135.28539623693, 1e-13);
	CHECK_NEAR(r.fisher_lnp, -1135.2853962100114, 1e-10);
	CHECK(r.fisher_p == 0);
	/* a = 12 (p representable):
	 *   the same Python command with a = 12                            -> -10.289998244705203
	 *   python3 -c "from scipy.stats import fisher_exact;
	 *     print(fisher_exact([[12,49988],[1988,35948012]]).pvalue)"    -> 3.3971172834235595e-05
	 * exp(-10.289998244705203) = 3.397117304126417e-05: scipy's boost cdf+sf
	 * sum is off by 6e-9 relative, hence the looser tolerance against it. */
	t = tab(12, 50000, 2000, 36000000);
	CHECK_NEAR(mm_stats_fisher_lnp(&t), -10.289998244705203, 1e-12);
	CHECK_NEAR(mm_stats_fisher(&t), 3.397117304126417e-05, 1e-11);
	CHECK_NEAR(mm_stats_fisher(&t), 3.3971172834235595e-05, 1e-7);

	/* N = 4e8 with a huge support (2e8 values): at the mode p = 1; ten standard
	 * deviations (sd = sqrt(N/16) = 5000) above it, p is tiny but cheap to get.
	 * The normal approximation of the two tails, 2 * Phi(-10) = 1.5e-23,
	 * bounds the order of magnitude. */
	t = tab(100000000, 200000000, 200000000, 400000000);
	CHECK_NEAR(mm_stats_fisher(&t), 1, 1e-12);
	t = tab(100050000, 200000000, 200000000, 400000000);
	double lp = mm_stats_fisher_lnp(&t);
	CHECK(lp < log(1e-22) && lp > log(1e-24));
	check_sane(&t);
	/* independence at N = 2^40 > 2^32 (the fma path of a d - b c):
	 * a = 2^20, n_i = n_j = 2^30: a N - n_i n_j = 2^60 - 2^60 = 0 */
	t = tab((uint64_t)1 << 20, (uint64_t)1 << 30, (uint64_t)1 << 30, (uint64_t)1 << 40);
	CHECK(mm_stats_chi2(&t) == 0);
	CHECK(fabs(mm_stats_pmi(&t)) < 1e-15);
	/* a = 2^20 + 1: a N - n_i n_j = 2^40 (lost entirely if a d and b c were rounded
	 * to doubles: both are near 2^120); chi2 = 2^40 2^80 / (2^60 (2^40-2^30)^2)
	 * = 2^-20 (1024/1023)^2 = 9.555396935966418e-07 */
	t = tab(((uint64_t)1 << 20) + 1, (uint64_t)1 << 30, (uint64_t)1 << 30, (uint64_t)1 << 40);
	CHECK_NEAR(mm_stats_chi2(&t), 9.555396935966418e-07, 1e-12);
}

static void test_bh(void)
{
	/* p = 0.01 0.04 0.03 0.005 0.5 0.04 (n = 6); sorted 0.005 0.01 0.03 0.04 0.04 0.5;
	 * p n / rank = 0.03 0.03 0.06 0.06 0.048 0.5; running minimum from the top:
	 * 0.5, 0.048, 0.048, 0.048, 0.03, 0.03 -> in input order: */
	double p[6] = { 0.01, 0.04, 0.03, 0.005, 0.5, 0.04 }, q[6];
	const double want[6] = { 0.03, 0.048, 0.048, 0.03, 0.5, 0.048 };
	size_t o[15];
	mm_stats_bh(p, 6, o, q);
	for (int i = 0; i < 6; ++i) CHECK_NEAR(q[i], want[i], 1e-15);
	CHECK_INT(o[0], 3); CHECK_INT(o[1], 0); CHECK_INT(o[5], 4);
	CHECK(q[1] == q[5]);   /* tied p, equal q */
	/* in place */
	mm_stats_bh(p, 6, o, p);
	for (int i = 0; i < 6; ++i) CHECK_NEAR(p[i], want[i], 1e-15);

	/* Benjamini & Hochberg (1995), section 4: 15 p-values; the q-values as
	 * R's p.adjust(p, "BH") = pmin(1, cummin(n/i * p[o]))[order(o)] gives them
	 * (computed with numpy, the same expression); 4 are <= 0.05, as in the paper */
	double bp[15] = { 0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
	                  0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000 }, bq[15];
	const double bw[15] = { 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286,
	                        0.06385714285714286, 0.0645, 0.0765, 0.486, 0.5811818181818181,
	                        0.714875, 0.7532307692307693, 0.8132142857142857, 1.0 };
	mm_stats_bh(bp, 15, o, bq);
	int sig = 0;
	for (int i = 0; i < 15; ++i) { CHECK_NEAR(bq[i], bw[i], 1e-14); sig += bq[i] <= 0.05; }
	CHECK_INT(sig, 4);

	/* monotone, >= p, <= 1, ties equal, on a pseudo-random vector with many ties */
	enum { N = 2000 };
	static double rp[N], rq[N];
	static size_t ro[N];
	uint64_t s = 42;
	for (int i = 0; i < N; ++i) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		rp[i] = (double)(s >> 40 & 1023) / 1023.0;   /* 1024 levels: ties */
		if (i % 97 == 0) rp[i] = rp[i] * 1e-12;
	}
	mm_stats_bh(rp, N, ro, rq);
	int bad = 0;
	for (int i = 1; i < N; ++i) {
		size_t x = ro[i - 1], y = ro[i];
		if (rp[x] > rp[y] || rq[x] > rq[y] || (rp[x] == rp[y] && rq[x] != rq[y])) bad++;
	}
	for (int i = 0; i < N; ++i) if (rq[i] < rp[i] || rq[i] > 1) bad++;
	CHECK_INT(bad, 0);
	/* NaN and out-of-range inputs: NaN and 7 count as 1, -1 as 0 */
	double np_[4] = { NAN, 0.01, 7, -1 }, nq[4];
	mm_stats_bh(np_, 4, o, nq);
	CHECK(nq[0] == 1 && nq[2] == 1 && nq[3] == 0);
	CHECK_NEAR(nq[1], 0.01 * 4 / 2, 1e-15);
	/* n = 1 and n = 0 */
	double one = 0.3, q1 = -1;
	mm_stats_bh(&one, 1, o, &q1);
	CHECK(q1 == 0.3);
	mm_stats_bh(NULL, 0, NULL, NULL);
}

static void test_cooc(void)
{
	/* per-document weight: 1 (document) + 2 [shared section] + 0.2 [shared sentence];
	 * indicators, so counts above 1 change nothing; a shared sentence implies a
	 * shared section */
	CHECK_NEAR(mm_stats_cooc_weight(0, 0), 1.0, 0);
	CHECK_NEAR(mm_stats_cooc_weight(1, 0), 3.0, 0);
	CHECK_NEAR(mm_stats_cooc_weight(5, 0), 3.0, 0);
	CHECK_NEAR(mm_stats_cooc_weight(1, 1), 3.2, 1e-15);
	CHECK_NEAR(mm_stats_cooc_weight(3, 7), 3.2, 1e-15);
	CHECK_NEAR(mm_stats_cooc_weight(0, 1), 3.2, 1e-15);
	/* 10 documents, 4 sharing a section, 1 of those sharing a sentence:
	 * 6*1 + 3*3 + 1*3.2 = 18.2 = 10 + 2*4 + 0.2*1 */
	CHECK_NEAR(mm_stats_cooc_count(10, 4, 1), 18.2, 1e-15);
	CHECK_NEAR(mm_stats_cooc_count(10, 4, 1),
	           6 * mm_stats_cooc_weight(0, 0) + 3 * mm_stats_cooc_weight(1, 0) + mm_stats_cooc_weight(1, 1), 1e-15);
	/* S = C^0.6 (C C.. / (Ci Cj))^0.4 with C = 4, Ci = 10, Cj = 8, C.. = 40:
	 * 4^0.6 * (160/80)^0.4 = 2.29739671 * 1.31950791 = 3.031433133020796 = 4 * 0.5^0.4 */
	CHECK_NEAR(mm_stats_cooc_score(4, 10, 8, 40), 3.031433133020796, 1e-14);
	CHECK_NEAR(mm_stats_cooc_score(4, 10, 8, 40), pow(4, 0.6) * pow(4.0 * 40 / 80, 0.4), 1e-14);
	/* at "independence" (C C.. = Ci Cj: 2*40 = 10*8) S = C^0.6 = 2^0.6 = 1.515716566510398 */
	CHECK_NEAR(mm_stats_cooc_score(2, 10, 8, 40), 1.515716566510398, 1e-15);
	CHECK(mm_stats_cooc_score(0, 10, 8, 40) == 0);
	CHECK(mm_stats_cooc_score(4, 0, 8, 40) == 0);
	CHECK(mm_stats_cooc_score(NAN, 10, 8, 40) == 0);
	CHECK(mm_stats_cooc_score(4, 10, 8, INFINITY) == 0);
	/* counts in the millions: no overflow (C.. ~ 1e9) */
	CHECK_NEAR(mm_stats_cooc_score(3e5, 2e7, 3e7, 1e9), 3e5 * pow(1e9 / 2e7 / 3e7, 0.4), 1e-14);
}

/* the pairs of a run: BH and the score's marginals within each type pair */
static void test_pairs(void)
{
	/* concepts 0, 1 of type 0; 2, 3 of type 1: families {0,0} = 0, {0,1} = 1 */
	const mm_stats_pair pr[5] = {
		{ 0, 1, 0, 0, 3.0, 0.01 },  /* family 0 */
		{ 0, 2, 0, 1, 1.0, 0.04 },  /* family 1 */
		{ 3, 1, 1, 0, 4.2, 0.03 },  /* family 1, types in the other order */
		{ 1, 2, 0, 1, 3.2, 0.50 },  /* family 1 */
		{ 2, 3, 1, 1, 1.0, 0.20 },  /* family 3 = {1,1} */
	};
	CHECK_INT(mm_stats_family(0, 1, 2), 1);
	CHECK_INT(mm_stats_family(1, 0, 2), 1);
	CHECK_INT(mm_stats_family(1, 1, 2), 3);
	size_t order[5], widx[5];
	double wp[5], q[5];
	mm_stats_bh_by_family(pr, 5, 2, order, wp, widx, q);
	/* a family of one keeps its p; family 1 is mm_stats_bh of its three */
	CHECK_NEAR(q[0], 0.01, 1e-15);
	CHECK_NEAR(q[4], 0.20, 1e-15);
	double fp[3] = { 0.04, 0.03, 0.50 }, fq[3];
	mm_stats_bh(fp, 3, order, fq);
	CHECK_NEAR(q[1], fq[0], 1e-15);
	CHECK_NEAR(q[2], fq[1], 1e-15);
	CHECK_NEAR(q[3], fq[2], 1e-15);
	CHECK_NEAR(q[1], 0.06, 1e-15);   /* 0.04 * 3 / 2 */
	/* marginals: row[i * 2 + t] sums C over i's partners of type t */
	double row[4 * 2], all[2 * 2];
	for (int i = 0; i < 8; ++i) row[i] = -1;   /* set, not added to */
	mm_stats_cooc_margins(pr, 5, 4, 2, row, all);
	CHECK_NEAR(row[0 * 2 + 0], 3.0, 1e-15);        /* 0 with 1 */
	CHECK_NEAR(row[0 * 2 + 1], 1.0, 1e-15);        /* 0 with 2 */
	CHECK_NEAR(row[1 * 2 + 0], 3.0, 1e-15);        /* 1 with 0 */
	CHECK_NEAR(row[1 * 2 + 1], 4.2 + 3.2, 1e-15);  /* 1 with 3 and 2 */
	CHECK_NEAR(row[2 * 2 + 0], 1.0 + 3.2, 1e-15);
	CHECK_NEAR(row[2 * 2 + 1], 1.0, 1e-15);
	CHECK_NEAR(row[3 * 2 + 0], 4.2, 1e-15);
	CHECK_NEAR(row[3 * 2 + 1], 1.0, 1e-15);
	CHECK_NEAR(all[0], 3.0, 1e-15);
	CHECK_NEAR(all[1], 1.0 + 4.2 + 3.2, 1e-15);
	CHECK(all[2] == 0);
	CHECK_NEAR(all[3], 1.0, 1e-15);
	/* the score of pair (3, 1): C_31 = 4.2, C_3. (partners of type 0) = 4.2,
	 * C_.1 (partners of type 1) = 7.4, C.. = 8.4 */
	CHECK_NEAR(mm_stats_pair_score(&pr[2], 2, row, all), mm_stats_cooc_score(4.2, 4.2, 7.4, 8.4), 1e-15);
	CHECK_NEAR(mm_stats_pair_score(&pr[2], 2, row, all), 4.2 * pow(8.4 / (4.2 * 7.4), 0.4), 1e-14);
	/* no pairs */
	mm_stats_bh_by_family(NULL, 0, 2, NULL, NULL, NULL, NULL);
	mm_stats_cooc_margins(NULL, 0, 4, 2, row, all);
	CHECK(row[3] == 0 && all[1] == 0);
}

void test_stats(void)
{
	test_small();
	test_symmetry();
	test_degenerate();
	test_large();
	test_bh();
	test_cooc();
	test_pairs();
}
