#!/usr/bin/env python3
"""Precision and recall of myomine's negation flag on the judged set.

usage: score.py JUDGED.tsv MENTIONS.tsv [--min-p P] [--min-r R] [--errors]

MENTIONS.tsv is a `myomine --mentions` file of a run over the inputs the
judged set comes from (README.md). A judged mention is looked up by PMID,
start offset and concept id; a judged mention the run no longer finds is
counted apart (more than 5 % of them fails the check: the set no longer
fits the lexicon). Exit status 0 when both figures reach the floors."""
import sys


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    opts = argv[1:]
    def opt(name, default):
        return float(opts[opts.index(name) + 1]) if name in opts else default
    min_p, min_r = opt('--min-p', 0.0), opt('--min-r', 0.0)
    for v in (str(min_p), str(min_r)):
        if v in args: args.remove(v)
    judged_path, mentions_path = args[0], args[1]
    flags = {}
    with open(mentions_path, encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        ci = {k: i for i, k in enumerate(head)}
        for line in f:
            x = line.rstrip('\n').split('\t')
            flags[(x[ci['pmid']], x[ci['start']], x[ci['id']])] = x[ci['negated']] == '1'
    tp = fp = fn = tn = missing = 0
    errors = []
    n = 0
    with open(judged_path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('pmid\t'):
                continue
            pmid, start, end, cid, judged, rule, excerpt = line.rstrip('\n').split('\t')
            n += 1
            key = (pmid, start, cid)
            if key not in flags:
                missing += 1
                continue
            g, p = judged == 'neg', flags[key]
            tp += g and p; fp += p and not g; fn += g and not p; tn += not g and not p
            if g != p:
                errors.append(('FP' if p else 'FN', pmid, rule, excerpt))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print(f'negation: {n} judged, {missing} not found; TP {tp} FP {fp} FN {fn} TN {tn}; '
          f'precision {prec:.3f} recall {rec:.3f}')
    if '--errors' in opts:
        for e in errors:
            print('  %s %s [%s] %s' % e)
    ok = prec >= min_p and rec >= min_r and missing <= 0.05 * n
    if not ok:
        print(f'below the floors (precision >= {min_p}, recall >= {min_r}, at most 5 % not found)')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
