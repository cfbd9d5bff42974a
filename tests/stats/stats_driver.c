/* stats_driver.c -- print the measures of pipeline/stats.c for tables read
 * on stdin; used by tests/stats/check_stats.py.  Input, one request a line:
 *
 *   T a n_i n_j N          -> T rc expected pmi npmi lor se lo hi haldane chi2 fisher_lnp fisher_p jaccard
 *   B n p_1 ... p_n        -> B q_1 ... q_n
 *   W same_section same_sentence -> W weight
 *   S c_ij c_i c_j c_all   -> S score
 *
 * Values are printed with %.17g (-inf for an infinite PMI).  Exit status 0,
 * or 1 on a malformed line (reported on stderr with its line number). */
#include "stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char line[1 << 20];

int main(void)
{
	long ln = 0;
	double *p = NULL, *q = NULL;
	size_t *ord = NULL;
	while (fgets(line, sizeof line, stdin)) {
		++ln;
		char *s = line;
		if (line[0] == 'T') {
			uint64_t a, ni, nj, n;
			if (sscanf(s + 1, "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64, &a, &ni, &nj, &n) != 4) goto bad;
			mm_table2 t;
			int rc = mm_stats_table(&t, a, ni, nj, n);
			mm_assoc r;
			mm_stats_assoc(&t, &r);
			printf("T %d %.17g %.17g %.17g %.17g %.17g %.17g %.17g %d %.17g %.17g %.17g %.17g\n", rc,
			       r.expected, r.pmi, r.npmi, r.odds.lor, r.odds.se, r.odds.lo, r.odds.hi, r.odds.haldane,
			       r.chi2, r.fisher_lnp, r.fisher_p, r.jaccard);
		} else if (line[0] == 'B') {
			char *e;
			size_t n = strtoull(s + 1, &e, 10);
			if (e == s + 1) goto bad;
			p = realloc(p, (n ? n : 1) * sizeof *p);
			q = realloc(q, (n ? n : 1) * sizeof *q);
			ord = realloc(ord, (n ? n : 1) * sizeof *ord);
			if (!p || !q || !ord) { fprintf(stderr, "stats_driver: out of memory\n"); return 3; }
			for (size_t i = 0; i < n; ++i) {
				s = e;
				p[i] = strtod(s, &e);
				if (e == s) goto bad;
			}
			mm_stats_bh(p, n, ord, q);
			fputs("B", stdout);
			for (size_t i = 0; i < n; ++i) printf(" %.17g", q[i]);
			putchar('\n');
		} else if (line[0] == 'W') {
			uint64_t sec, sen;
			if (sscanf(s + 1, "%" SCNu64 " %" SCNu64, &sec, &sen) != 2) goto bad;
			printf("W %.17g\n", mm_stats_cooc_weight(sec, sen));
		} else if (line[0] == 'S') {
			double c, ci, cj, ca;
			if (sscanf(s + 1, "%lf %lf %lf %lf", &c, &ci, &cj, &ca) != 4) goto bad;
			printf("S %.17g\n", mm_stats_cooc_score(c, ci, cj, ca));
		} else if (line[0] != '\n' && line[0] != '#') {
			goto bad;
		}
	}
	free(p); free(q); free(ord);
	if (ferror(stdout) || fclose(stdout)) { fprintf(stderr, "stats_driver: write error\n"); return 1; }
	return 0;
bad:
	fprintf(stderr, "stats_driver: stdin:%ld: malformed line\n", ln);
	free(p); free(q); free(ord);
	return 1;
}
