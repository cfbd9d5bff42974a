#!/usr/bin/env python3
"""Run the hard cases (cases.txt) through myomine and compare the mentions
found with the expected ones. Usage: check.py MYOMINE WORKDIR"""
import csv, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
unesc = lambda s: re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), s)
cases = []
for line in open(os.path.join(here, 'cases.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('> '):
        cases.append((unesc(line[2:]), []))
    elif line.startswith('= ') and cases:
        if line[2:] != 'none':
            f = unesc(line[2:]).split('\t')
            cases[-1][1].append((f[0], f[1], len(f) > 2 and f[2] == 'NEG'))
# one PubTator document per case (PMID = case number), the sentence as title
with open(os.path.join(work, 'cases.pubtator'), 'w', encoding='utf-8') as out:
    for i, (s, _) in enumerate(cases, 1):
        out.write('%d|t|%s\n%d|a|\n\n' % (i, s, i))
r = subprocess.run([binary, '-q', '-o', os.path.join(work, 'out'), '--mentions', os.path.join(work, 'cases.pubtator')], capture_output=True, text=True)
if r.returncode != 0:
    print(r.stderr); sys.exit(1)
found = {}
for m in csv.DictReader(open(os.path.join(work, 'out', 'mentions.tsv'), encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE):
    found.setdefault(int(m['pmid']), []).append((m['text'], m['id'], m['negated'] == '1'))
bad = 0
for i, (s, want) in enumerate(cases, 1):
    got = found.get(i, [])
    if sorted(got) != sorted(want):
        bad += 1
        print('case %d: %s\n  expected %s\n  found    %s' % (i, s, sorted(want), sorted(got)))
print('%d hard cases, %d wrong' % (len(cases), bad))
if not cases:
    print('no cases read from cases.txt')
sys.exit(1 if bad or not cases else 0)
