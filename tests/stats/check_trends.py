#!/usr/bin/env python3
"""Check --by-year and --evidence outputs against the other outputs of the
same run (run with --mentions --by-year --evidence K). Usage:
check_trends.py OUTDIR K"""
import csv, json, os, sys
from collections import defaultdict
out, K = sys.argv[1], int(sys.argv[2])
rd = lambda n: list(csv.DictReader(open(os.path.join(out, n), encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
summ = json.load(open(os.path.join(out, 'summary.json')))
bad = []
years = rd('years.tsv')
if sum(int(r['documents']) for r in years) != summ['documents']['final']: bad.append('years.tsv total != final documents')
ent = {r['id']: int(r['documents']) for r in rd('entities.tsv')}
ey = defaultdict(int)
for r in rd('entities.by-year.tsv'): ey[r['id']] += int(r['documents'])
for k, v in ent.items():
    if ey.get(k, 0) != v: bad.append('entity %s: %d by year, %d in entities.tsv' % (k, ey.get(k, 0), v))
pairs = {(r['id_a'], r['id_b']): int(r['documents']) for r in rd('pairs.tsv')}
if not pairs: bad.append('pairs.tsv has no pairs: nothing to check')
py = defaultdict(int)
for r in rd('pairs.by-year.tsv'): py[(r['id_a'], r['id_b'])] += int(r['documents'])
if dict(py) != pairs: bad.append('pairs.by-year.tsv sums differ from pairs.tsv')
# mentions: pmid -> concepts, (pmid, sentence) -> concepts
docs, sents, mtext = defaultdict(set), defaultdict(set), defaultdict(set)
for r in rd('mentions.tsv'):
    docs[r['pmid']].add(r['id']); sents[(r['pmid'], r['sentence'])].add(r['id'])
    mtext[(r['pmid'], r['sentence'])].add((r['text'], r['id']))
ev = defaultdict(list)
for r in rd('evidence.tsv'): ev[(r['id_a'], r['id_b'])].append(r)
for p, n in pairs.items():
    rows = ev.get(p, [])
    if len(rows) != min(K, n): bad.append('pair %s: %d evidence rows for %d documents' % (p, len(rows), n))
    keys = [(int(r['year'] or 0), int(r['pmid'])) for r in rows]
    if keys != sorted(keys, reverse=True): bad.append('pair %s: evidence not most recent first' % (p,))
    for r in rows:
        if not set(p) <= docs[r['pmid']]: bad.append('pair %s: PMID %s lacks a concept' % (p, r['pmid']))
        if r['sentence'] and not set(p) <= sents[(r['pmid'], r['sentence'])]: bad.append('pair %s: sentence %s of %s lacks a concept' % (p, r['sentence'], r['pmid']))
        if 'text' in r:
            # the text holds the matched text of both concepts' mentions in that sentence
            want = {m for m in mtext[(r['pmid'], r['sentence'])] if m[1] in p} if r['sentence'] else set()
            if r['sentence'] and not all(t in r['text'] for t, _ in want): bad.append('pair %s: evidence text of %s lacks a mention' % (p, r['pmid']))
            if not r['sentence'] and r['text']: bad.append('pair %s: text without a sentence' % (p,))
print('%d pairs, %d evidence rows, %d years checked; %d problems' % (len(pairs), sum(len(v) for v in ev.values()), len(years), len(bad)))
for b in bad[:10]: print(' ', b)
sys.exit(1 if bad else 0)
