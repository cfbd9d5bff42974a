/* stats.c -- see stats.h and docs/statistics.md */
#include "stats.h"

#include <float.h>
#include <math.h>

#define LN_2PI     1.837877066409345483560659472811   /* ln(2 pi) */
#define LN2        0.693147180559945309417232121458   /* ln 2 */
#define LN_SQRT2PI 0.918938533204672741780329736406   /* ln(sqrt(2 pi)) */
#define Z975       1.959963984540054                  /* qnorm(0.975) */
#define FISHER_REL 1e-7     /* R's fisher.test tolerance for "as or less likely" */
#define TAIL_EPS   1e-17    /* stop a tail when what is left is below this share */
#define REANCHOR   512      /* recompute a term directly every so many steps */

int mm_stats_table(mm_table2 *t, uint64_t a, uint64_t n_i, uint64_t n_j, uint64_t n)
{
	if (n > MM_STATS_MAX_N || a > n_i || a > n_j || n_i > n || n_j > n || n_i + n_j - a > n) {
		t->a = t->b = t->c = t->d = 0;
		return -1;
	}
	t->a = a;
	t->b = n_i - a;
	t->c = n_j - a;
	t->d = n - n_i - n_j + a;
	return 0;
}

/* ---- simple measures -------------------------------------------------------- */

double mm_stats_expected(const mm_table2 *t)
{
	double n = (double)(t->a + t->b + t->c + t->d);
	if (n == 0) return 0;
	return (double)(t->a + t->b) * (double)(t->a + t->c) / n;
}

double mm_stats_pmi(const mm_table2 *t)
{
	uint64_t n_i = t->a + t->b, n_j = t->a + t->c, n = n_i + t->c + t->d;
	if (n == 0 || n_i == 0 || n_j == 0) return 0;
	if (t->a == 0) return -(double)INFINITY;
	/* products of two doubles < 2^53: no overflow, one rounding each */
	return log2((double)t->a * (double)n / ((double)n_i * (double)n_j));
}

double mm_stats_npmi(const mm_table2 *t)
{
	uint64_t n_i = t->a + t->b, n_j = t->a + t->c, n = n_i + t->c + t->d;
	if (n == 0 || n_i == 0 || n_j == 0) return 0;
	if (t->a == 0) return -1;
	if (t->b == 0 && t->c == 0) return 1;     /* a = n_i = n_j, includes a = N */
	/* h = -ln(a/N) > 0 (a < N here): directly while a/N is small, as
	 * -log1p(-(N-a)/N) when a is close to N (where a/N rounds near 1) */
	double h = 2 * t->a < n ? -log((double)t->a / (double)n) : -log1p(-(double)(n - t->a) / (double)n);
	double v = mm_stats_pmi(t) * LN2 / h;
	return v > 1 ? 1 : v < -1 ? -1 : v;
}

mm_odds mm_stats_log_odds(const mm_table2 *t)
{
	mm_odds o;
	double a = (double)t->a, b = (double)t->b, c = (double)t->c, d = (double)t->d;
	o.haldane = t->a == 0 || t->b == 0 || t->c == 0 || t->d == 0;
	if (o.haldane) { a += 0.5; b += 0.5; c += 0.5; d += 0.5; }
	/* one ratio, one log: accurate near lor = 0 even for counts in the millions */
	o.lor = log((a * d) / (b * c));
	o.se = sqrt(1 / a + 1 / b + 1 / c + 1 / d);
	o.lo = o.lor - Z975 * o.se;
	o.hi = o.lor + Z975 * o.se;
	return o;
}

/* x*y - u*v for integers below 2^53, with one rounding at the end */
static double det2(uint64_t x, uint64_t y, uint64_t u, uint64_t v, uint64_t n)
{
	if (n <= UINT32_MAX) { /* every product fits in 64 bits */
		uint64_t p = x * y, q = u * v;
		return p >= q ? (double)(p - q) : -(double)(q - p);
	}
	/* error-free products: p = ph + pl exactly (fma) */
	double dx = (double)x, dy = (double)y, du = (double)u, dv = (double)v;
	double ph = dx * dy, pl = fma(dx, dy, -ph);
	double qh = du * dv, ql = fma(du, dv, -qh);
	return (ph - qh) + (pl - ql);
}

double mm_stats_chi2(const mm_table2 *t)
{
	uint64_t n_i = t->a + t->b, n_j = t->a + t->c, n = n_i + t->c + t->d;
	if (n_i == 0 || n_j == 0 || n_i == n || n_j == n) return 0;
	double det = det2(t->a, n, n_i, n_j, n);   /* a d - b c = a N - n_i n_j */
	double r = det / ((double)n_i * (double)(n - n_i));
	double s = det / ((double)n_j * (double)(n - n_j));
	return r * s * (double)n;
}

double mm_stats_jaccard(const mm_table2 *t)
{
	uint64_t u = t->a + t->b + t->c;
	return u ? (double)t->a / (double)u : 0;
}

/* ---- Fisher's exact test -------------------------------------------------------
 * ln P(X = k) for the hypergeometric distribution is evaluated as in Loader
 * (2000), "Fast and accurate computation of binomial probabilities":
 * ln dbinom(x; n, p) = stirlerr(n) - stirlerr(x) - stirlerr(n-x)
 *                      - bd0(x, np) - bd0(n-x, nq) - ln(2 pi x (n-x)/n) / 2,
 * and the hypergeometric pmf as a ratio of three binomial pmfs.  Every term
 * is a small deviance, so there is no cancellation of ln N! sized numbers. */

/* stirlerr(n) = ln n! - ((n + 1/2) ln n - n + ln sqrt(2 pi)), n >= 1 */
static double stirlerr(double n)
{
	static const double fact[16] = { /* exact in double */
		1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800,
		479001600, 6227020800.0, 87178291200.0, 1307674368000.0
	};
	if (n <= 15) return log(fact[(int)n]) - (n + 0.5) * log(n) + n - LN_SQRT2PI;
	double nn = n * n;
	const double s0 = 1. / 12, s1 = 1. / 360, s2 = 1. / 1260, s3 = 1. / 1680, s4 = 1. / 1188;
	if (n > 500) return (s0 - s1 / nn) / n;
	if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/* bd0(x, m) = x ln(x/m) + m - x >= 0, by a series when x is close to m */
static double bd0(double x, double m)
{
	if (fabs(x - m) < 0.1 * (x + m)) {
		double v = (x - m) / (x + m), s = (x - m) * v, e = 2 * x * v;
		v *= v;
		for (int j = 3; j < 2000; j += 2) {
			e *= v;
			double s1 = s + e / j;
			if (s1 == s) return s;
			s = s1;
		}
		return s;
	}
	return x * log(x / m) + m - x;
}

/* ln dbinom(x; n, p) with q = 1 - p given separately, 0 <= x <= n, 0 < p < 1 */
static double ldbinom(double x, double n, double p, double q)
{
	if (n == 0) return 0;
	if (x == 0) return p < 0.5 ? n * log1p(-p) : n * log(q);
	if (x == n) return q < 0.5 ? n * log1p(-q) : n * log(p);
	double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
	return lc - 0.5 * (LN_2PI + log(x) + log1p(-x / n));
}

/* the distribution of cell a given the margins: r = n_i "successes" among
 * n = N units, k = n_j drawn; support [lo, hi] */
typedef struct {
	double r, n, k, d0;   /* d0 = N - n_i - n_j (may be negative) */
	double p, q;          /* k / n and (n - k) / n */
} hyper;

/* ln P(X = x), x in the support, 0 < k < n */
static double lhyper(const hyper *h, double x)
{
	return ldbinom(x, h->r, h->p, h->q) + ldbinom(h->k - x, h->n - h->r, h->p, h->q)
	     - ldbinom(h->k, h->n, h->p, h->q);
}

/* P(X = x + 1) / P(X = x) */
static double hratio(const hyper *h, double x)
{
	return ((h->r - x) * (h->k - x)) / ((x + 1) * (h->d0 + x + 1));
}

/* Sum of P(k)/P(a) for k = from, from+dir, ... up to the end `last` of the
 * support (dir = +1 or -1), starting from the known term lt = ln(P(from)/P(a)),
 * added to *s.  Stops when the rest of the tail is provably below TAIL_EPS of
 * the running sum: going away from the mode the step ratios shrink
 * (log-concavity), so the rest after a term t with step ratio rho < 1 is at
 * most t rho / (1 - rho). */
static void tail_sum(const hyper *h, double from, double last, int dir, double lt, double lpa, double *s)
{
	double k = from, t = exp(lt);
	for (long step = 1;; ++step) {
		*s += t;
		if (k == last || t == 0) return;
		double rho = dir > 0 ? hratio(h, k) : 1 / hratio(h, k - 1);
		k += dir;
		t = step % REANCHOR ? t * rho : exp(lhyper(h, k) - lpa);
		if (rho < 1 && t / (1 - rho) <= TAIL_EPS * *s) {
			*s += t;  /* the rest is negligible; keep the current term anyway */
			return;
		}
	}
}

double mm_stats_fisher_lnp(const mm_table2 *t)
{
	uint64_t n_i = t->a + t->b, n_j = t->a + t->c, n = n_i + t->c + t->d;
	uint64_t lo = n_i + n_j > n ? n_i + n_j - n : 0;
	uint64_t hi = n_i < n_j ? n_i : n_j;
	if (lo >= hi) return 0;   /* one table with these margins: p = 1 */
	hyper h;
	h.r = (double)n_i; h.n = (double)n; h.k = (double)n_j;
	h.d0 = (double)t->d - (double)t->a;
	h.p = h.k / h.n; h.q = (double)(n - n_j) / h.n;
	double dlo = (double)lo, dhi = (double)hi, a = (double)t->a;

	/* the mode: P nondecreasing on [lo, m], nonincreasing on [m, hi] */
	double m = floor((h.r + 1) * (h.k + 1) / (h.n + 2));
	if (m < dlo) m = dlo;
	if (m > dhi) m = dhi;
	while (m > dlo && hratio(&h, m - 1) < 1) m -= 1;
	while (m < dhi && hratio(&h, m) > 1) m += 1;

	double lpa = lhyper(&h, a), thr = log1p(FISHER_REL);  /* thresholds relative to P(a) */
	double s = 0;
	if (a <= m) {
		/* left side: the terms <= P(a)(1+tol) are [lo, kl], kl >= a; walk up from a */
		double kl = a, l = 0;
		while (kl < m) {
			double nl = l + log(hratio(&h, kl));
			if (nl > thr) break;
			kl += 1; l = nl;
		}
		tail_sum(&h, kl, dlo, -1, l, lpa, &s);
		/* right side [m+1, hi], P nonincreasing: find the first k with P(k) <= P(a)(1+tol) */
		if (m < dhi && lhyper(&h, dhi) - lpa <= thr) {
			double x = m + 1, y = dhi;
			while (x < y) {
				double mid = x + floor((y - x) / 2);
				if (lhyper(&h, mid) - lpa <= thr) y = mid; else x = mid + 1;
			}
			tail_sum(&h, y, dhi, +1, lhyper(&h, y) - lpa, lpa, &s);
		}
	} else {
		/* right side: [kr, hi], kr <= a; walk down from a (not past m + 1) */
		double kr = a, l = 0;
		while (kr > m + 1) {
			double nl = l - log(hratio(&h, kr - 1));
			if (nl > thr) break;
			kr -= 1; l = nl;
		}
		tail_sum(&h, kr, dhi, +1, l, lpa, &s);
		/* left side [lo, m], P nondecreasing: the last k with P(k) <= P(a)(1+tol) */
		if (lhyper(&h, dlo) - lpa <= thr) {
			double x = dlo, y = m;
			while (x < y) {
				double mid = y - floor((y - x) / 2);
				if (lhyper(&h, mid) - lpa <= thr) x = mid; else y = mid - 1;
			}
			tail_sum(&h, x, dlo, -1, lhyper(&h, x) - lpa, lpa, &s);
		}
	}
	double lp = lpa + log(s);
	return lp < 0 ? lp : 0;
}

double mm_stats_fisher(const mm_table2 *t)
{
	return exp(mm_stats_fisher_lnp(t));
}

/* ---- Benjamini-Hochberg ------------------------------------------------------ */

static double bh_key(double p)
{
	return p >= 0 ? (p <= 1 ? p : 1) : (p < 0 ? 0 : 1); /* NaN -> 1 */
}

/* strict total order: by p, then by index */
static int bh_less(const double *p, size_t i, size_t j)
{
	double x = bh_key(p[i]), y = bh_key(p[j]);
	return x < y || (x == y && i < j);
}

static void bh_sift(const double *p, size_t *o, size_t root, size_t n)
{
	for (;;) {
		size_t c = 2 * root + 1;
		if (c >= n) return;
		if (c + 1 < n && bh_less(p, o[c], o[c + 1])) ++c;
		if (!bh_less(p, o[root], o[c])) return;
		size_t x = o[root]; o[root] = o[c]; o[c] = x;
		root = c;
	}
}

void mm_stats_bh(const double *p, size_t n, size_t *order, double *q)
{
	if (n == 0) return;
	for (size_t i = 0; i < n; ++i) order[i] = i;
	for (size_t i = n / 2; i-- > 0;) bh_sift(p, order, i, n);
	for (size_t e = n - 1; e > 0; --e) {
		size_t x = order[0]; order[0] = order[e]; order[e] = x;
		bh_sift(p, order, 0, e);
	}
	/* from the largest p down: running minimum of p n / rank, capped at 1.
	 * Each p[i] is read before q[i] is written, so q may alias p. */
	double run = 1;
	for (size_t r = n; r > 0; --r) {
		size_t i = order[r - 1];
		double v = bh_key(p[i]) * ((double)n / (double)r);
		if (v < run) run = v;
		q[i] = run;
	}
}

/* ---- JensenLab / STRING co-occurrence score ---------------------------------------- */

double mm_stats_cooc_weight(uint64_t same_section, uint64_t same_sentence)
{
	return MM_COOC_WD + (same_section || same_sentence ? MM_COOC_WP : 0) + (same_sentence ? MM_COOC_WS : 0);
}

double mm_stats_cooc_count(uint64_t docs, uint64_t sec_docs, uint64_t sent_docs)
{
	return MM_COOC_WD * (double)docs + MM_COOC_WP * (double)sec_docs + MM_COOC_WS * (double)sent_docs;
}

double mm_stats_cooc_score(double c_ij, double c_i, double c_j, double c_all)
{
	if (!(c_ij > 0 && c_i > 0 && c_j > 0 && c_all > 0)) return 0;  /* also catches NaN */
	if (isinf(c_ij) || isinf(c_i) || isinf(c_j) || isinf(c_all)) return 0;
	return c_ij * pow(c_all / c_i / c_j, 1 - MM_COOC_ALPHA);
}

/* ---- everything at once ---------------------------------------------------------- */

void mm_stats_assoc(const mm_table2 *t, mm_assoc *out)
{
	out->expected = mm_stats_expected(t);
	out->pmi = mm_stats_pmi(t);
	out->npmi = mm_stats_npmi(t);
	out->odds = mm_stats_log_odds(t);
	out->chi2 = mm_stats_chi2(t);
	out->fisher_lnp = mm_stats_fisher_lnp(t);
	out->fisher_p = exp(out->fisher_lnp);
	out->jaccard = mm_stats_jaccard(t);
}

/* ---- the pairs of a run ---------------------------------------------------------- */

void mm_stats_bh_by_family(const mm_stats_pair *pr, size_t n, int n_type, size_t *order, double *wp, size_t *widx,
                           double *q)
{
	for (int g = 0; g < n_type * n_type; ++g) {
		size_t m = 0;
		for (size_t k = 0; k < n; ++k)
			if (mm_stats_family(pr[k].ta, pr[k].tb, n_type) == g) { widx[m] = k; wp[m++] = pr[k].p; }
		if (!m) continue;
		mm_stats_bh(wp, m, order, wp);
		for (size_t x = 0; x < m; ++x) q[widx[x]] = wp[x];
	}
}

void mm_stats_cooc_margins(const mm_stats_pair *pr, size_t n, int n_concept, int n_type, double *row, double *all)
{
	for (size_t i = 0; i < (size_t)n_concept * (size_t)n_type; ++i) row[i] = 0;
	for (size_t i = 0; i < (size_t)n_type * (size_t)n_type; ++i) all[i] = 0;
	for (size_t k = 0; k < n; ++k) {
		row[(size_t)pr[k].a * n_type + pr[k].tb] += pr[k].c;
		row[(size_t)pr[k].b * n_type + pr[k].ta] += pr[k].c;
		all[mm_stats_family(pr[k].ta, pr[k].tb, n_type)] += pr[k].c;
	}
}

double mm_stats_pair_score(const mm_stats_pair *pr, int n_type, const double *row, const double *all)
{
	return mm_stats_cooc_score(pr->c, row[(size_t)pr->a * n_type + pr->tb], row[(size_t)pr->b * n_type + pr->ta],
	                           all[mm_stats_family(pr->ta, pr->tb, n_type)]);
}
