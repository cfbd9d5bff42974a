#!/usr/bin/env python3
"""An independent reader of PubMed XML and MEDLINE text (standard library
only) that checks myomine's filters.

usage: check_filters.py MYOMINE TMPDIR INPUT...

INPUT files and directories are read in myomine's order (files sorted by
name, then path) with PubMed update semantics: a record replaces an earlier
one with the same PMID unless its Version is lower than the live one;
DeleteCitation withdraws live PMIDs.  For each filter case the final
documents that pass are computed here and compared with the PMIDs of
myomine's documents.tsv and the "passed" count of its summary.json.
With --with-mesh, the documents of every descriptor (by UI, or by name
where the record has none) among the final documents that pass, and its
name (that of the record with the highest PMID and version that carries it
and passes), are compared with the mesh rows of entities.tsv; with
--with-mesh=major the same over major-topic headings only.
Prints one line per case; exits 1 when a case differs."""
import gzip
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

YEAR = re.compile(r'(?<![0-9])[12][0-9]{3}(?![0-9])')


def first_year(s):
    m = YEAR.search(s or '')
    return int(m.group(0)) if m else 0


def text(el):
    return ''.join(el.itertext()).strip() if el is not None else ''


def doc_of_citation(mc, book=None):
    """A document dict from a MedlineCitation (or a BookDocument)."""
    root = mc if book is None else book
    pm = root.find('PMID')
    d = {'pmid': int(text(pm)), 'version': int(pm.get('Version', '1') or 1), 'year': 0,
         'mesh': [], 'pubtype': [], 'lang': [], 'journal': []}
    if book is None:
        art = mc.find('Article')
        pd = art.find('Journal/JournalIssue/PubDate') if art is not None else None
        for mh in mc.findall('MeshHeadingList/MeshHeading'):
            de = mh.find('DescriptorName')
            quals = mh.findall('QualifierName')
            major = de.get('MajorTopicYN') == 'Y' or any(q.get('MajorTopicYN') == 'Y' for q in quals)
            d['mesh'].append((de.get('UI', ''), text(de), major))
        if art is not None:
            d['pubtype'] = [(p.get('UI', ''), text(p)) for p in art.findall('PublicationTypeList/PublicationType')]
            d['lang'] = [text(l).lower() for l in art.findall('Language')]
            d['journal'] += [text(art.find('Journal/ISOAbbreviation'))]
        d['journal'] += [text(mc.find('MedlineJournalInfo/MedlineTA')), text(mc.find('MedlineJournalInfo/NlmUniqueID'))]
    else:
        pd = book.find('Book/PubDate')
        d['pubtype'] = [(p.get('UI', ''), text(p)) for p in book.findall('PublicationType')]
        d['lang'] = [text(l).lower() for l in book.findall('Language')]
    if pd is not None:
        y = pd.find('Year')
        d['year'] = first_year(text(y)) if y is not None else first_year(text(pd.find('MedlineDate')))
    return d


def read_xml(path):
    """Events of a PubMed XML file: ('doc', dict) and ('delete', pmid)."""
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rb') as f:
        for ev, el in ET.iterparse(f, events=('end',)):
            if el.tag == 'PubmedArticle':
                yield 'doc', doc_of_citation(el.find('MedlineCitation'))
                el.clear()
            elif el.tag == 'PubmedBookArticle':
                yield 'doc', doc_of_citation(None, el.find('BookDocument'))
                el.clear()
            elif el.tag == 'DeleteCitation':
                for p in el.findall('PMID'):
                    yield 'delete', int(text(p))
                el.clear()


def read_xml_mcs(path):
    """MedlineCitationSet files: bare MedlineCitation records."""
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rb') as f:
        for ev, el in ET.iterparse(f, events=('end',)):
            if el.tag == 'MedlineCitation':
                yield 'doc', doc_of_citation(el)
                el.clear()
            elif el.tag == 'DeleteCitation':
                for p in el.findall('PMID'):
                    yield 'delete', int(text(p))
                el.clear()


def read_medline(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        data = f.read()
    for rec in re.split(r'\n\s*\n', data):
        fields = []
        for line in rec.split('\n'):
            line = line.rstrip('\r')
            if line.startswith('      ') and fields:
                fields[-1][1] += ' ' + line[6:]
            elif len(line) >= 5 and line[4] == '-':
                fields.append([line[:4].strip(), line[6:] if line[5:6] == ' ' else line[5:]])
        if not any(t == 'PMID' for t, v in fields):
            continue
        d = {'pmid': 0, 'version': 1, 'year': 0, 'mesh': [], 'pubtype': [], 'lang': [], 'journal': []}
        for t, v in fields:
            v = v.strip()
            if t == 'PMID':
                d['pmid'] = int(v)
            elif t == 'DP':
                d['year'] = first_year(v)
            elif t == 'MH':
                parts = v.split('/')
                major = any(p.startswith('*') for p in parts)
                d['mesh'].append(('', parts[0].lstrip('*').strip(), major))
            elif t == 'PT':
                d['pubtype'].append(('', v))
            elif t == 'LA':
                d['lang'].append(v.lower())  # 'ENG' occurs; languages match ignoring case
            elif t in ('TA', 'JID'):
                d['journal'].append(v)
        yield 'doc', d


def events(path):
    with (gzip.open if path.endswith('.gz') else open)(path, 'rb') as f:
        head = f.read(4096)
    if head.lstrip().startswith(b'PMID-') or b'\nPMID-' in head:
        return read_medline(path)
    if b'<MedlineCitationSet' in head:
        return read_xml_mcs(path)
    return read_xml(path)


def input_files(inputs):
    files = []
    for a in inputs:
        if os.path.isdir(a):
            for r, _, fs in os.walk(a):
                files += [os.path.join(r, x) for x in fs if re.search(r'\.(xml|xml\.gz|txt|medline)$', x)]
        else:
            files.append(a)
    return sorted(set(files), key=lambda p: (os.path.basename(p), p))


def final_docs(inputs):
    live = {}
    for p in input_files(inputs):
        for kind, v in events(p):
            if kind == 'delete':
                live.pop(v, None)
            elif v['pmid'] not in live or v['version'] >= live[v['pmid']]['version']:
                live[v['pmid']] = v
    return live


def mesh_key(u, n):
    return 'mesh:' + (u or n)


def mesh_names(inputs, pred, major):
    """key -> name of the record with the highest (pmid, version), the
    smaller name (in UTF-8 bytes) on a tie, over every record that passes
    (with major: in which the heading is a major topic)"""
    best = {}
    for p in input_files(inputs):
        for kind, v in events(p):
            if kind != 'doc' or not pred(v):
                continue
            for u, n, m in v['mesh']:
                if major and not m:
                    continue
                k, cand = mesh_key(u, n), (v['pmid'], v['version'])
                old = best.get(k)
                if old is None or cand > old[0] or (cand == old[0] and n.encode() < old[1].encode()):
                    best[k] = (cand, n)
    return {k: n for k, (c, n) in best.items()}


def check_mesh(binary, tmp, inputs, live, args, pred, major=False):
    """--with-mesh (=major): documents and name per descriptor"""
    want = {}
    for d in live.values():
        if pred(d):
            for k in {mesh_key(u, n) for u, n, m in d['mesh'] if m or not major}:
                want[k] = want.get(k, 0) + 1
    names = mesh_names(inputs, pred, major)
    out = os.path.join(tmp, 'case')
    opt = '--with-mesh=major' if major else '--with-mesh'
    r = subprocess.run([binary, '-q', '-t', '2', opt, '-o', out] + args + inputs,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    label = ' '.join([opt] + args)
    if r.returncode not in (0, 1):
        print('FAIL %s: exit %d: %s' % (label, r.returncode, r.stderr.decode()[:300]))
        return 1
    got, got_names = {}, {}
    with open(os.path.join(out, 'entities.tsv'), encoding='utf-8') as f:
        for line in list(f)[1:]:
            c = line.rstrip('\n').split('\t')
            if c[1] == 'mesh':
                got[c[0]] = int(c[3])
                got_names[c[0]] = c[2]
    indexed = sum(1 for d in live.values() if pred(d) and any(m or not major for u, n, m in d['mesh']))
    summary = json.load(open(os.path.join(out, 'summary.json')))['mesh']
    bad_names = [k for k in want if got_names.get(k) != names.get(k)]
    if got != want or bad_names or summary['documents_indexed'] != indexed or summary['concepts'] != len(want):
        diff = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
        print('FAIL %s: myomine %d descriptors, reader %d; counts differ for %s; names differ for %s (%s); '
              'documents indexed %d, reader %d' % (
                  label, len(got), len(want), [(k, got.get(k), want.get(k)) for k in diff[:5]], bad_names[:5],
                  [(got_names.get(k), names.get(k)) for k in bad_names[:3]], summary['documents_indexed'], indexed))
        return 1
    print('ok %s: %d descriptors in %d documents, %d document-descriptor pairs' % (
        label, len(want), indexed, sum(want.values())))
    return 0


def any_name(vals, names):
    return any(n.lower() in vals for n in names)


CASES = [
    (['--pubtype', 'Case Reports'], lambda d: any(n.lower() == 'case reports' for u, n in d['pubtype'])),
    (['--mesh', 'D006801'], lambda d: any(u == 'D006801' for u, n, m in d['mesh'])),
    (['--mesh', 'Humans'], lambda d: any(n.lower() == 'humans' for u, n, m in d['mesh'])),
    (['--mesh-major', 'D009220;Knee Joint'],
     lambda d: any(m and (u == 'D009220' or n.lower() == 'knee joint') for u, n, m in d['mesh'])),
    (['--years', '2010-2015'], lambda d: 2010 <= d['year'] <= 2015),
    (['--years', '-1999'], lambda d: 0 < d['year'] <= 1999),
    (['--lang', 'eng'], lambda d: 'eng' in d['lang']),
    (['--lang', 'fre,ger'], lambda d: 'fre' in d['lang'] or 'ger' in d['lang']),
    (['--mesh', 'Humans', '--pubtype', 'Review', '--years', '2000-'],
     lambda d: any(n.lower() == 'humans' for u, n, m in d['mesh']) and
     any(n.lower() == 'review' for u, n in d['pubtype']) and d['year'] >= 2000),
]


def main():
    binary, tmp, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    live = final_docs(inputs)
    # a PMID list: every third final PMID, and some that are not in the corpus
    pm = sorted(live)[::3]
    pmfile = os.path.join(tmp, 'pmids.txt')
    with open(pmfile, 'w') as f:
        f.write('# every third PMID\n\n' + '\n'.join(str(p) for p in pm) + '\n99999999\n')
    cases = CASES + [(['--pmids', pmfile], lambda d, s=set(pm): d['pmid'] in s)]
    bad = 0
    for args, pred in cases:
        want = sorted(p for p, d in live.items() if pred(d))
        out = os.path.join(tmp, 'case')
        r = subprocess.run([binary, '-q', '-t', '2', '--documents', '-o', out] + args + inputs,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode not in (0, 1):
            print('FAIL %s: exit %d: %s' % (' '.join(args), r.returncode, r.stderr.decode()[:300]))
            bad += 1
            continue
        with open(os.path.join(out, 'documents.tsv')) as f:
            got = sorted(int(l.split('\t')[0]) for l in list(f)[1:])
        passed = json.load(open(os.path.join(out, 'summary.json')))['filters']['passed']
        if got != want or passed != len(want):
            print('FAIL %s: myomine %d documents (summary %d), reader %d; only myomine: %s; only reader: %s' % (
                ' '.join(args), len(got), passed, len(want), sorted(set(got) - set(want))[:5],
                sorted(set(want) - set(got))[:5]))
            bad += 1
        else:
            print('ok %s: %d of %d final documents' % (' '.join(args), len(want), len(live)))
    bad += check_mesh(binary, tmp, inputs, live, [], lambda d: True)
    bad += check_mesh(binary, tmp, inputs, live, [], lambda d: True, major=True)
    bad += check_mesh(binary, tmp, inputs, live, ['--pubtype', 'Case Reports', '--years', '2000-'],
                      lambda d: any(n.lower() == 'case reports' for u, n in d['pubtype']) and d['year'] >= 2000)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
