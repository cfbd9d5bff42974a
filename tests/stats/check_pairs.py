#!/usr/bin/env python3
"""Recompute every statistic of a myomine pairs.tsv independently (numpy/scipy)
from entities.tsv marginals and summary.json's N, and compare.
Usage: check_pairs.py OUTDIR [document|sentence]. Prints SKIP and exits 0
without scipy."""
import csv, json, math, os, sys
try:
    import numpy as np
    from scipy.stats import fisher_exact, chi2_contingency
except ImportError:
    if sys.executable != '/usr/bin/python3' and os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    print('SKIP: scipy not installed'); sys.exit(0)

out, level = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else 'document')
summ = json.load(open(os.path.join(out, 'summary.json')))
ent = {r['id']: r for r in csv.DictReader(open(os.path.join(out, 'entities.tsv')), delimiter='\t', quoting=csv.QUOTE_NONE)}
rows = list(csv.DictReader(open(os.path.join(out, 'pairs.tsv')), delimiter='\t', quoting=csv.QUOTE_NONE))
col = 'sentences' if level == 'sentence' else 'documents'
N = summ['documents']['sentences'] if level == 'sentence' else summ['documents']['final']
bad = 0
def close(x, y, rel=1e-5, ab=1e-9):
    if isinstance(y, float) and math.isinf(y): return x == y
    return abs(x - y) <= ab + rel * abs(y)
C = {}; rs = {}; ts = {}
for r in rows:
    C[(r['id_a'], r['id_b'])] = c = int(r['documents']) + 2 * int(r['section_documents']) + 0.2 * int(r['sentence_documents'])
    g = tuple(sorted((r['type_a'], r['type_b'])))
    rs[(r['id_a'], r['type_b'])] = rs.get((r['id_a'], r['type_b']), 0) + c
    rs[(r['id_b'], r['type_a'])] = rs.get((r['id_b'], r['type_a']), 0) + c
    ts[g] = ts.get(g, 0) + c
groups = {}
for r in rows:
    a, ni, nj = int(r[col]), int(ent[r['id_a']][col]), int(ent[r['id_b']][col])
    b, c, d = ni - a, nj - a, N - ni - nj + a
    got = {k: float(r[k]) for k in ('expected', 'pmi', 'npmi', 'log_odds', 'log_odds_low', 'log_odds_high', 'chi2', 'fisher_p', 'jaccard', 'cooc_score', 'q_value')}
    want = {'expected': ni * nj / N, 'jaccard': a / (ni + nj - a)}
    want['pmi'] = math.log2(a * N / (ni * nj)) if a else -math.inf
    want['npmi'] = -1.0 if a == 0 else (1.0 if a == N else want['pmi'] / -math.log2(a / N))
    cells = [a, b, c, d]
    h = 0.5 if 0 in cells else 0.0
    A, B, Cc, D = (x + h for x in cells)
    want['log_odds'] = math.log(A * D / (B * Cc)); se = math.sqrt(1 / A + 1 / B + 1 / Cc + 1 / D)
    want['log_odds_low'], want['log_odds_high'] = want['log_odds'] - 1.959963984540054 * se, want['log_odds'] + 1.959963984540054 * se
    t = np.array([[a, b], [c, d]])
    want['chi2'] = 0.0 if min(ni, nj, N - ni, N - nj) == 0 else chi2_contingency(t, correction=False)[0]
    want['fisher_p'] = fisher_exact(t)[1]
    g = tuple(sorted((r['type_a'], r['type_b'])))
    want['cooc_score'] = C[(r['id_a'], r['id_b'])] ** 0.6 * (C[(r['id_a'], r['id_b'])] * ts[g] / (rs[(r['id_a'], r['type_b'])] * rs[(r['id_b'], r['type_a'])])) ** 0.4
    groups.setdefault(g, []).append((want['fisher_p'], r))
    for k, v in want.items():
        if not close(got[k], v, rel=2e-5 if k == 'fisher_p' else 1e-5):
            bad += 1; print('mismatch', r['id_a'], r['id_b'], k, got[k], v)
for g, lst in groups.items():   # Benjamini-Hochberg per type pair
    n = len(lst); order = sorted(range(n), key=lambda i: lst[i][0]); q = [0.0] * n; m = 1.0
    for rank in range(n, 0, -1):
        i = order[rank - 1]; m = min(m, lst[i][0] * n / rank); q[i] = m
    for i, (p, r) in enumerate(lst):
        if not close(float(r['q_value']), q[i], rel=2e-5): bad += 1; print('q mismatch', r['id_a'], r['id_b'], r['q_value'], q[i])
print('%d pairs checked against scipy (%s level), %d mismatches' % (len(rows), level, bad))
sys.exit(1 if bad or not rows else 0)
