#!/usr/bin/env python3
"""Score myomine's mentions against expert-annotated PubTator gold corpora.

Runs myomine (--mentions-format pubtator) over the text of gold corpora
(BioCreative V CDR, NCBI disease) and scores its mentions against the gold
mentions, through the MeSH cross-references of the lexicons (column 5,
MeSH:Dxxxxxx or MeSH:Cxxxxxx).

Scope
  A gold mention is in scope when one of its MeSH ids is a MeSH xref of a
  loaded concept (OMIM ids and -1 never map). A composite id "D1|D2" gives
  one gold item per component that maps (each must be found); "D1+D2", and
  an id carried by several concepts, give alternatives. Other gold mentions
  are out of scope. A myomine mention is scored when its concept has a MeSH
  xref that is annotated somewhere in the gold set; mentions of other
  concepts (no MeSH xref, or an id this gold never uses) are listed apart as
  "not scored" and are never false positives.

Scores (per type of the myomine concept, per concept, and overall)
  exact    the same character span and a concept the gold item maps to;
  overlap  spans share at least one character, same concept rule; matching
           is one-to-one (exact pairs first, then the largest overlap);
  doc      document level: the concept sets of the in-scope gold items of
           each document against the scored concepts myomine found there;
  type     type level, overlap: a scored mention is right on an in-scope
           gold item of a concept of its type, or on an out-of-scope gold
           mention of its class (Chemical: drug; the disease classes:
           symptom or disease); recall counts in-scope items only.
  The concept levels are the figures to track; the type level shows how
  much of the rest is granularity. Precision is defined the same way for
  every system (myomine, or another tool's PubTator output given with
  --pred, whose MeSH ids are mapped to concepts as the gold ids are):
    P  = matched / scored mentions, where a mention is scored when its
         concept has a MeSH xref this gold set uses somewhere;
    P* = matched / (scored mentions - unmatched ones lying on an
         out-of-scope gold mention: the gold confirms an entity there but
         files it under an id no concept carries, e.g. "breast cancer"
         where myomine's cancer concept finds "cancer").
  R = matched in-scope gold items / in-scope gold items.
  95 % intervals of P, P* and R (overall and per type, overlap and type
  level) come from the percentile bootstrap over abstracts: 1000 resamples
  of the documents with replacement, random.Random(18), so reruns agree.
  Errors are listed (overlap level; --errors exact for the exact level)
  grouped by concept and text, each with its sentence, and categorised:
  FN  missed (nothing there) | abbreviation (a short form the document
      defines right after a mention of that concept: "cyclophosphamide
      (CP)") | boundary (same concept, other span) | other-concept (another
      scored concept there) | not-scored-concept (myomine found a concept
      that has no MeSH counterpart here);
  FP  spurious (no gold mention there) | boundary | other-concept (a gold
      mention of another in-scope concept) | gold-out-of-scope (a gold
      mention whose MeSH id maps to no concept; the id is shown).
  "xref candidates" lists (concept, MeSH id) pairs where a myomine mention
  has exactly the span of a gold mention with an id the concept lacks:
  evidence for lexicons/README.md "verification", not a verdict.

Other systems
  --pred FILE scores a PubTator file of another tool's mentions with MeSH
  ids (its text must be that of the gold documents) under the same
  definitions; the lexicons still define the scope.

Data
  Default gold sets, from --shared (default: $MYOMINE_SHARED or
  ../shared/corpus next to the repository):
    bc5cdr  gold/bc5cdr/CDR_TrainingSet.PubTator.txt + CDR_DevelopmentSet
    ncbi    gold/ncbi-disease/NCBItrainset_corpus.txt + NCBIdevelopset
  GOLD files given as arguments form one set instead (--name names it).
  A PMID seen twice in a set (NCBI train holds 8528200 twice) is kept once.

Gold annotations whose text differs from the document text are reported
and kept. Exit status: 0 done (also: SKIP, gold data absent); 1 myomine
failed, its text or offsets disagree with the gold text, or --quick figures
fell below their floors; 2 usage error.
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

DEFAULT_SETS = {
    'bc5cdr': ['gold/bc5cdr/CDR_TrainingSet.PubTator.txt', 'gold/bc5cdr/CDR_DevelopmentSet.PubTator.txt'],
    'ncbi': ['gold/ncbi-disease/NCBItrainset_corpus.txt', 'gold/ncbi-disease/NCBIdevelopset_corpus.txt'],
}

# --quick: the first QUICK_DOCS abstracts of the BC5CDR training set (about
# 0.5 s). The floors sit a little below the figures measured there when the
# lexicons were last curated (docs/accuracy.md: overall overlap P 0.769, P*
# 0.986, R 0.870, document R 0.951 with the matcher of commit 395c3cb; 0.756,
# 0.974, 0.925, 0.951 with that of 0caa800, local abbreviations). The data
# are fixed, so falling below one means that a lexicon or matcher change
# lost or spoiled mentions, not noise.
QUICK_DOCS = 200
QUICK_FLOORS = {  # overall figures, overlap level, and document-level recall
    'overlap_precision': 0.74,
    'overlap_precision_in_scope': 0.95,
    'overlap_recall': 0.84,
    'doc_recall': 0.92,
}

# type level: the myomine types a gold annotation class stands for
DISEASE_TYPES = ('symptom', 'disease')
CLASS_TYPES = {'Chemical': ('drug',)}

# 95 % intervals: the percentile bootstrap over abstracts, with a fixed seed
# so that a rerun prints the same intervals.
BOOT_RESAMPLES = 1000
BOOT_SEED = 18

MESH_RE = re.compile(r'^(?:MESH:|MeSH:)?([CD]\d{6,9})$')


# ---- lexicons -----------------------------------------------------------------

class Concept:
    __slots__ = ('id', 'type', 'name', 'mesh', 'where')

    def __init__(self, cid, ctype, name, mesh, where):
        self.id, self.type, self.name, self.mesh, self.where = cid, ctype, name, mesh, where


def load_lexicons(path):
    """Concepts of a lexicon file or of every *.tsv in a directory (as myomine
    loads them): {id: Concept}. Only columns 1-3 and 5 are read."""
    files = [path] if os.path.isfile(path) else sorted(
        os.path.join(path, f) for f in os.listdir(path) if f.endswith('.tsv'))
    concepts = {}
    for fn in files:
        with open(fn, encoding='utf-8-sig') as fh:
            for no, line in enumerate(fh, 1):
                line = line.rstrip('\r\n')
                if not line.strip() or line.lstrip(' ').startswith('#') or line.startswith('id\t'):
                    continue
                col = line.split('\t')
                if len(col) < 3:
                    continue  # malformed: myomine itself reports it (exit 2)
                xrefs = col[4].strip() if len(col) > 4 else '-'
                mesh = []
                for x in xrefs.split('|'):
                    x = x.strip()
                    if x.startswith('MeSH:'):
                        mesh.append(x[5:])
                concepts[col[0].strip()] = Concept(col[0].strip(), col[1].strip(), col[2].strip(), mesh,
                                                   '%s:%d' % (os.path.relpath(fn, ROOT), no))
    return concepts


# ---- PubTator ----------------------------------------------------------------

class Doc:
    __slots__ = ('pmid', 'title', 'abstract', 'anns')

    def __init__(self, pmid):
        self.pmid, self.title, self.abstract, self.anns = pmid, '', '', []

    @property
    def text(self):
        return self.title + ' ' + self.abstract


def read_pubtator(path):
    """Documents of a PubTator file, in file order. Annotation lines are
    (start, end, text, type, id); relation lines (4 columns) are ignored."""
    docs, cur = [], None
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip():
                cur = None
                continue
            m = re.match(r'^(\d+)\|([ta])\|(.*)$', line)
            if m:
                pmid, part, s = m.groups()
                if cur is None or cur.pmid != pmid:
                    cur = Doc(pmid)
                    docs.append(cur)
                if part == 't':
                    cur.title = s
                else:
                    cur.abstract = s
                continue
            col = line.split('\t')
            if len(col) >= 6 and col[1].isdigit() and col[2].isdigit():
                if cur is None or cur.pmid != col[0]:
                    raise ValueError('%s: annotation for %s outside its document' % (path, col[0]))
                cur.anns.append((int(col[1]), int(col[2]), col[3], col[4], col[5]))
    return docs


def gold_ids(idfield):
    """MeSH ids of a gold id field ("D012345", "D1|D2", "D1+D2", "OMIM:x", "-1")."""
    out = []
    for x in re.split(r'[|+]', idfield):
        m = MESH_RE.match(x.strip())
        if m:
            out.append(m.group(1))
    return out


# ---- sentences (display only) ---------------------------------------------------

SENT_END = re.compile(r'[.!?]["\')\]]?\s+(?=[A-Z0-9(\[])')


def sentence(doc, start, end):
    """The sentence around [start, end) with the span marked [[...]]; the title
    is its own sentence. A display aid, not myomine's splitter."""
    text, tl = doc.text, len(doc.title)
    if start < tl:
        lo, hi = 0, tl
    else:
        lo, hi = tl + 1, len(text)
        for m in SENT_END.finditer(text, lo, hi):
            if m.end() <= start:
                lo = m.end()
            elif m.start() >= end:
                hi = m.start() + 1
                break
    s = text[lo:start] + '[[' + text[start:end] + ']]' + text[end:hi]
    return s.strip()


# ---- running myomine ----------------------------------------------------------

def run_myomine(binary, lexdir, docs, workdir, threads):
    """Write the documents' text to workdir/input.pubtator, run myomine over it
    and return {pmid: [(start, end, text, type, id)]} and the block texts."""
    inp = os.path.join(workdir, 'input.pubtator')
    with open(inp, 'w', encoding='utf-8') as fh:
        for d in docs:
            fh.write('%s|t|%s\n%s|a|%s\n\n' % (d.pmid, d.title, d.pmid, d.abstract))
    out = os.path.join(workdir, 'myomine')
    cmd = [binary, '-q', '-l', lexdir, '--mentions-format', 'pubtator', '-o', out, inp]
    if threads:
        cmd[1:1] = ['-t', str(threads)]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    if r.returncode != 0:
        raise RuntimeError('%s exited with %d:\n%s' % (' '.join(cmd), r.returncode, r.stderr.strip()))
    pred = {}
    texts = {}
    mfile = os.path.join(out, 'mentions.pubtator')
    if not os.path.exists(mfile):
        raise RuntimeError('%s wrote no %s' % (' '.join(cmd), mfile))
    for d in read_pubtator(mfile):
        pred[d.pmid] = d.anns
        texts[d.pmid] = d.text
    return pred, texts, cmd


def read_predictions(path, concepts):
    """Another system's mentions, a PubTator file whose id column holds MeSH
    ids: {pmid: [(start, end, text, type, concept)]}. Each mention stands for
    the concept its MeSH id is an xref of (the first in id order when several
    carry it), as a gold mention would; one whose id maps to no concept gets
    "unmapped:ID" and is not scored, as a myomine mention of a concept
    without a MeSH counterpart is not."""
    mesh2c = collections.defaultdict(set)
    for c in concepts.values():
        for m in c.mesh:
            mesh2c[m].add(c.id)
    pred = {}
    for d in read_pubtator(path):
        out = pred.setdefault(d.pmid, [])
        for (s, e, t, cls, idf) in d.anns:
            cs = set()
            for m in gold_ids(idf):
                cs |= mesh2c.get(m, set())
            out.append((s, e, t, cls, sorted(cs)[0] if cs else 'unmapped:' + idf))
    return pred


# ---- scoring ----------------------------------------------------------------------

def prf(tp, fp, fn, aside=0):
    """Precision, recall, F1. aside: false positives that lie on out-of-scope
    gold mentions; precision_in_scope leaves them out."""
    p = tp / (tp + fp) if tp + fp else 0.0
    ps = tp / (tp + fp - aside) if tp + fp - aside else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    fs = 2 * ps * r / (ps + r) if ps + r else 0.0
    return {'tp': tp, 'fp': fp, 'fn': fn, 'fp_on_out_of_scope_gold': aside,
            'precision': round(p, 4), 'precision_in_scope': round(ps, 4), 'recall': round(r, 4),
            'f1': round(f, 4), 'f1_in_scope': round(fs, 4)}


class Tally:
    """Counts per key (a type, ('c', concept) or '*'): tp, fp, fn, aside.
    The counts of the string keys (types and '*') are also kept per document
    (doc: the index of the document being scored) for the bootstrap."""

    def __init__(self):
        self.c = collections.defaultdict(lambda: [0, 0, 0, 0])
        self.doc = 0
        self.per_doc = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0, 0]))

    def add(self, keys, k):
        for key in keys:
            self.c[key][k] += 1
            if isinstance(key, str):
                self.per_doc[key][self.doc][k] += 1

    def get(self, key):
        return prf(*self.c[key])


def match(golds, preds, exact, same_kind):
    """One-to-one matching of the gold items and scored mentions of a document.
    golds: [(start, end, concepts, ...)], preds: [(start, end, concept, ...)].
    A pair needs same_kind(pred, gold) (the prediction's concept among the
    gold item's concepts at the concept level, the type of one of them at the
    type level) and the same span (exact) or a shared character (overlap;
    exact pairs first, then the largest overlap, then text order).
    Returns {gold index: pred index}."""
    cand = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if not same_kind(p, g) or not (p[0] < g[1] and g[0] < p[1]):
                continue
            same = g[0] == p[0] and g[1] == p[1]
            if exact and not same:
                continue
            cand.append((0 if same else 1, -(min(g[1], p[1]) - max(g[0], p[0])), gi, pi))
    cand.sort()
    gm, used = {}, set()
    for c in cand:
        gi, pi = c[-2], c[-1]
        if gi in gm or pi in used:
            continue
        gm[gi] = pi
        used.add(pi)
    return gm


def bootstrap(ndocs, tallies, keys, resamples, seed):
    """95 % percentile intervals of P, P* and R for each level (a Tally) and
    key (a type or '*'), from resampling the documents with replacement
    (resamples times, random.Random(seed): the same intervals on every run).
    Returns {level: {key: {'precision': [lo, hi], ...}}}."""
    if ndocs == 0 or resamples <= 0:
        return {}
    rng = random.Random(seed)
    draws = []   # per resample: how many times each document was drawn
    for _ in range(resamples):
        w = [0] * ndocs
        for _ in range(ndocs):
            w[rng.randrange(ndocs)] += 1
        draws.append(w)
    out = {}
    for level, t in tallies.items():
        out[level] = {}
        for key in keys:
            pd = t.per_doc.get(key, {})
            rows = sorted(pd.items())
            vals = {'precision': [], 'precision_in_scope': [], 'recall': []}
            for w in draws:
                tp = fp = fn = aside = 0
                for i, c in rows:
                    if w[i]:
                        tp += w[i] * c[0]
                        fp += w[i] * c[1]
                        fn += w[i] * c[2]
                        aside += w[i] * c[3]
                r = prf(tp, fp, fn, aside)
                for m in vals:
                    vals[m].append(r[m])
            lo, hi = int(0.025 * resamples), min(resamples - 1, int(0.975 * resamples))
            out[level][key] = {m: [sorted(v)[lo], sorted(v)[hi]] for m, v in vals.items()}
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def gold_items(idfield, mesh2c):
    """The concept sets a gold annotation stands for: one per '|' component of
    its id (a composite mention names several concepts), a '+' conjunction or
    a MeSH id mapped to several concepts giving alternatives. Empty: out of scope."""
    out = []
    for comp in idfield.split('|'):
        cs = set()
        for m in gold_ids(comp):
            cs |= mesh2c.get(m, set())
        if cs and frozenset(cs) not in out:
            out.append(frozenset(cs))
    return out


def abbreviation_of(doc, text, concepts, preds):
    """Is text (a missed gold mention) an abbreviation the document defines
    right after a mention myomine found of one of these concepts, as in
    "cyclophosphamide (CP)" or "dexamethasone [dex]" (case ignored)?"""
    if len(text) > 12 or ' ' in text:
        return False
    full = doc.text
    for m in re.finditer(r'[(\[]\s*' + re.escape(text) + r'\s*[)\];,]', full, re.IGNORECASE):
        for p in preds:
            if p[2] in concepts and 0 <= m.start() - p[1] <= 2:
                return True
    return False


def evaluate(name, files, docs, concepts, pred, errors_level):
    mesh2c = collections.defaultdict(set)
    for c in concepts.values():
        for m in c.mesh:
            mesh2c[m].add(c.id)
    gold_mesh = set()
    for d in docs:
        for a in d.anns:
            gold_mesh.update(gold_ids(a[4]))
    scored = {cid for cid, c in concepts.items() if any(m in gold_mesh for m in c.mesh)}
    types = sorted({concepts[c].type for c in scored})

    tally = {'exact': Tally(), 'overlap': Tally(), 'type': Tally()}
    doc, cls_recall = Tally(), Tally()

    def same_concept(p, g):
        return p[2] in g[2]

    def same_type(p, g):
        t = concepts[p[2]].type
        return t in {concepts[c].type for c in g[2]} or t in CLASS_TYPES.get(g[4], DISEASE_TYPES)
    fns, fps = [], []
    unscored, xref_cand, on_oos = collections.Counter(), collections.defaultdict(list), collections.Counter()
    n = collections.Counter()
    problems, warnings = [], []   # myomine disagrees with the text (an error); the gold does (noted)

    for di, d in enumerate(docs):
        for t in list(tally.values()) + [doc]:
            t.doc = di
        text = d.text
        gold, oos = [], []   # gold items (start, end, concepts, text, class, id); out-of-scope annotations
        for (s, e, t, gclass, gid) in d.anns:
            n['gold'] += 1
            if text[s:e] != t:
                warnings.append('%s: gold %d-%d is %r, the text there is %r' % (d.pmid, s, e, t, text[s:e]))
            items = gold_items(gid, mesh2c)
            if items:
                n['gold_in_scope'] += 1
                gold.extend((s, e, cs, t, gclass, gid) for cs in items)
            else:
                oos.append((s, e, t, gclass, gid))
        preds, other = [], []  # scored mentions (start, end, concept, text); the others
        for (s, e, t, ptype, cid) in pred.get(d.pmid, []):
            n['pred'] += 1
            if text[s:e] != t:
                problems.append('%s: myomine %d-%d is "%s", the text has "%s"' % (d.pmid, s, e, t, text[s:e]))
            if cid.startswith('unmapped:'):
                other.append((s, e, cid, t))
                continue
            if cid not in concepts:
                problems.append('%s: myomine concept %s is not in the lexicons read here' % (d.pmid, cid))
                continue
            (preds if cid in scored else other).append((s, e, cid, t))
        n['gold_items'] += len(gold)
        n['scored'] += len(preds)
        for (s, e, cid, t) in other:
            unscored[(cid, t.lower())] += 1
        # xref candidates: a mention with exactly the span of a gold mention
        # whose id the concept does not carry
        for (s, e, cid, t) in preds + other:
            if cid not in concepts:
                continue
            for (gs, ge, gt, gclass, gid) in [(g[0], g[1], g[3], g[4], g[5]) for g in gold] + oos:
                if (gs, ge) == (s, e):
                    for m in gold_ids(gid):
                        if m not in concepts[cid].mesh:
                            xref_cand[(cid, m)].append(t)

        for level, exact, kind in (('exact', True, same_concept), ('overlap', False, same_concept),
                                   ('type', False, same_type)):
            # the type level also matches out-of-scope gold mentions of the
            # mention's class (precision), not counted for recall
            mm = match(gold + ([(o[0], o[1], frozenset(), o[2], o[3], o[4]) for o in oos] if level == 'type' else []),
                       preds, exact, kind)
            ty = tally[level]
            for gi, g in enumerate(gold):   # the first len(gold) indices of mm
                pi = mm.get(gi)
                if pi is not None:
                    c = preds[pi][2]
                    ty.add((concepts[c].type, '*', ('c', c)), 0)
                else:
                    ty.add((concepts[sorted(g[2])[0]].type, '*'), 2)
                    for c in g[2]:
                        ty.add((('c', c),), 2)
                if level == 'overlap':
                    cls_recall.add((g[4],), 0 if pi is not None else 2)
            matched = set(mm.values())
            for pi, p in enumerate(preds):
                if pi in matched:
                    continue
                ng = [g for g in gold if overlaps(g, p)]
                no = [o for o in oos if overlaps(o, p)]
                keys = (concepts[p[2]].type, '*', ('c', p[2]))
                ty.add(keys, 1)
                if no and not ng:
                    ty.add(keys, 3)
                    if level == 'overlap':
                        on_oos[(p[2], p[3].lower(), no[0][2].lower(), no[0][4])] += 1
                if level != errors_level:
                    continue
                if any(p[2] in g[2] for g in ng):
                    cat = 'boundary'
                elif ng:
                    cat = 'other-concept'
                elif no:
                    cat = 'gold-out-of-scope'
                else:
                    cat = 'spurious'
                fps.append({'pmid': d.pmid, 'start': p[0], 'end': p[1], 'text': p[3], 'concept': p[2],
                            'type': concepts[p[2]].type, 'category': cat,
                            'gold': ['%s %s %s' % (g[3], g[4], g[5]) for g in ng] + ['%s %s %s' % (o[2], o[3], o[4]) for o in no],
                            'sentence': sentence(d, p[0], p[1])})
            if level != errors_level:
                continue
            for gi, g in enumerate(gold):
                if gi in mm:
                    continue
                near = [p for p in preds if overlaps(g, p)]
                near_other = [o for o in other if overlaps(g, o)]
                if any(p[2] in g[2] for p in near):
                    cat = 'boundary'
                elif near:
                    cat = 'other-concept'
                elif near_other:
                    cat = 'not-scored-concept'
                elif abbreviation_of(d, g[3], g[2], preds + other):
                    cat = 'abbreviation'
                else:
                    cat = 'missed'
                fns.append({'pmid': d.pmid, 'start': g[0], 'end': g[1], 'text': g[3], 'gold_type': g[4],
                            'gold_id': g[5], 'concepts': sorted(g[2]), 'category': cat,
                            'found': ['%s %s' % (p[3], p[2]) for p in near + near_other],
                            'sentence': sentence(d, g[0], g[1])})

        # document level: each distinct concept set of the in-scope gold items
        # is found when myomine has one of its concepts in the document; a
        # scored concept that no gold item of the document names is a false
        # positive (set aside, for precision_in_scope, when every mention of
        # it lies on out-of-scope gold mentions)
        pc = {p[2] for p in preds}
        gsets = {g[2] for g in gold}
        gunion = set().union(*gsets) if gsets else set()
        for fs in gsets:
            found = sorted(fs & pc)
            c = found[0] if found else sorted(fs)[0]
            doc.add((concepts[c].type, '*', ('c', c)), 0 if found else 2)
        for c in pc - gunion:
            keys = (concepts[c].type, '*', ('c', c))
            doc.add(keys, 1)
            if all(any(overlaps(o, p) for o in oos) for p in preds if p[2] == c):
                doc.add(keys, 3)

    def row(key):
        r = {'exact': tally['exact'].get(key), 'overlap': tally['overlap'].get(key), 'document': doc.get(key)}
        if isinstance(key, str):
            r['type_level'] = tally['type'].get(key)
        return r

    res = {
        'name': name,
        'files': files,
        'documents': len(docs),
        'gold_mentions': n['gold'],
        'gold_in_scope': n['gold_in_scope'],
        'gold_items': n['gold_items'],
        'gold_out_of_scope': n['gold'] - n['gold_in_scope'],
        'myomine_mentions': n['pred'],
        'myomine_scored': n['scored'],
        'myomine_not_scored': n['pred'] - n['scored'],
        'scored_concepts': sorted(scored),
        'types': {t: row(t) for t in types},
        'all': row('*'),
        'intervals': bootstrap(len(docs), {'overlap': tally['overlap'], 'type_level': tally['type']},
                               types + ['*'], BOOT_RESAMPLES, BOOT_SEED),
        'concepts': {},
        'gold_class_recall_overlap': {k: cls_recall.get(k) for k in sorted(cls_recall.c)},
        'error_level': errors_level,
        'false_negatives': fns,
        'false_positives': fps,
        'not_scored': [{'concept': c, 'text': t, 'count': k} for (c, t), k in sorted(unscored.items(), key=lambda x: (-x[1], x[0]))],
        'on_out_of_scope_gold': [{'concept': c, 'text': t, 'gold_text': gt, 'gold_id': gi, 'count': k}
                                 for (c, t, gt, gi), k in sorted(on_oos.items(), key=lambda x: (-x[1], x[0]))],
        'xref_candidates': [{'concept': c, 'mesh': m, 'count': len(v), 'texts': sorted(set(v))}
                            for (c, m), v in sorted(xref_cand.items(), key=lambda x: (-len(x[1]), x[0]))],
        'problems': problems,
        'gold_warnings': warnings,
    }
    for c in sorted(scored):
        r = row(('c', c))
        r['type'] = concepts[c].type
        r['gold'] = r['overlap']['tp'] + r['overlap']['fn']
        r['predicted'] = r['overlap']['tp'] + r['overlap']['fp']
        res['concepts'][c] = r
    return res


# ---- report ------------------------------------------------------------------------

def fmt(d):
    return '%5.3f %5.3f %5.3f %5.3f' % (d['precision'], d['precision_in_scope'], d['recall'], d['f1'])


HEAD = 'P     P*    R     F1   '


def print_report(res, show, examples, out):
    w = out.write
    w('== %s: %d documents (%s)\n' % (res['name'], res['documents'], ', '.join(os.path.basename(f) for f in res['files'])))
    w('gold mentions %d: in scope %d (their MeSH id maps to a myomine concept; %d items), out of scope %d\n'
      % (res['gold_mentions'], res['gold_in_scope'], res['gold_items'], res['gold_out_of_scope']))
    w(res.get('system', 'myomine') + ' mentions %d: scored %d, not scored %d (their concept has no MeSH id annotated in this gold)\n'
      % (res['myomine_mentions'], res['myomine_scored'], res['myomine_not_scored']))
    w('P* = precision without the false positives that lie on out-of-scope gold mentions (%d exact, %d overlap)\n\n'
      % (res['all']['exact']['fp_on_out_of_scope_gold'], res['all']['overlap']['fp_on_out_of_scope_gold']))
    w('%-10s %5s %5s | %-23s | %-23s | %-23s | %s\n' % ('', '', '', 'exact', 'overlap', 'document',
                                                       'type level (overlap)'))
    w('%-10s %5s %5s | %s | %s | %s | %s\n' % ('type', 'gold', 'found', HEAD, HEAD, HEAD, HEAD))
    rows = list(res['types'].items()) + [('all', res['all'])]
    for t, r in rows:
        o = r['overlap']
        w('%-10s %5d %5d | %s | %s | %s | %s\n' % (t, o['tp'] + o['fn'], o['tp'] + o['fp'], fmt(r['exact']),
                                                   fmt(r['overlap']), fmt(r['document']), fmt(r['type_level'])))
    w('(gold: gold items, found: scored mentions; exact, overlap, document: the concept must be the one\n'
      ' the gold id maps to; type level: a mention of any concept of that type is right)\n')
    iv = res['intervals']
    if iv:
        w('95 %% intervals (percentile bootstrap over the %d abstracts, %d resamples, seed %d):\n'
          % (res['documents'], BOOT_RESAMPLES, BOOT_SEED))
        for t, _ in rows:
            k = '*' if t == 'all' else t
            w('%-10s overlap %s | type level %s\n' % (t, ' '.join(
                '%s %5.3f-%5.3f' % (m, *iv['overlap'][k][f]) for m, f in
                (('P', 'precision'), ('P*', 'precision_in_scope'), ('R', 'recall'))), ' '.join(
                '%s %5.3f-%5.3f' % (m, *iv['type_level'][k][f]) for m, f in
                (('P', 'precision'), ('P*', 'precision_in_scope'), ('R', 'recall')))))
    w('recall by gold annotation class (overlap): %s\n' % ', '.join(
        '%s %d/%d' % (k, v['tp'], v['tp'] + v['fn']) for k, v in res['gold_class_recall_overlap'].items()))
    if show == 0:
        return
    w('\nper concept\n%-36s %5s %5s | %-23s | %-23s | document\n' % ('', '', '', 'exact', 'overlap'))
    w('%-36s %5s %5s | %s | %s | R\n' % ('concept', 'gold', 'found', HEAD, HEAD))
    for c, r in sorted(res['concepts'].items(), key=lambda x: (-x[1]['gold'], x[0])):
        if r['gold'] == 0 and r['predicted'] == 0:
            continue
        w('%-36s %5d %5d | %s | %s | %5.3f\n' % (c, r['gold'], r['predicted'], fmt(r['exact']), fmt(r['overlap']),
                                                            r['document']['recall']))
    lvl = res['error_level']
    for kind, items, key in (('false negatives', res['false_negatives'], lambda e: (e['category'], ' '.join(e['concepts']), e['text'].lower())),
                             ('false positives', res['false_positives'], lambda e: (e['category'], e['concept'], e['text'].lower()))):
        groups = collections.OrderedDict()
        for e in sorted(items, key=key):
            groups.setdefault(key(e), []).append(e)
        cats = collections.Counter(e['category'] for e in items)
        w('\n%s (%s level): %d -- %s\n' % (kind, lvl, len(items), ', '.join('%s %d' % kv for kv in sorted(cats.items()))))
        for k, es in sorted(groups.items(), key=lambda x: (x[0][0], -len(x[1]), x[0]))[:show if show > 0 else None]:
            if kind == 'false negatives':
                extra = ' (gold %s %s)' % (es[0]['gold_type'], es[0]['gold_id'])
                if es[0]['found']:
                    extra += '; myomine: ' + '; '.join(es[0]['found'])
            else:
                extra = '; gold: ' + '; '.join(es[0]['gold']) if es[0]['gold'] else ''
            w('  [%s] %s "%s" x%d%s\n' % (k[0], k[1], es[0]['text'], len(es), extra))
            for e in es[:examples]:
                w('      %s: %s\n' % (e['pmid'], e['sentence']))
    if res['not_scored']:
        w('\nnot scored (no MeSH counterpart in this gold): %d mentions of %d concepts; most frequent:\n'
          % (res['myomine_not_scored'], len({x['concept'] for x in res['not_scored']})))
        w('  ' + '; '.join('%s "%s" %d' % (x['concept'], x['text'], x['count']) for x in res['not_scored'][:20]) + '\n')
    if res['xref_candidates']:
        w('\nxref candidates (a mention with exactly the span of a gold mention with an id its concept lacks):\n')
        for x in res['xref_candidates'][:show if show > 0 else None]:
            w('  %s MeSH:%s x%d (%s)\n' % (x['concept'], x['mesh'], x['count'], ', '.join(x['texts'][:5])))
    if res['gold_warnings']:
        w('\ngold annotations whose text differs from the document (kept as annotated): %d\n' % len(res['gold_warnings']))
        for p in res['gold_warnings'][:5]:
            w('  %s\n' % p)
    if res['problems']:
        w('\nPROBLEMS (%d):\n' % len(res['problems']))
        for p in res['problems'][:20]:
            w('  %s\n' % p)


# ---- main ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        prog='eval.py', formatter_class=argparse.RawDescriptionHelpFormatter,
        description=__doc__.split('\n\n')[0],
        epilog=__doc__.split('\n', 2)[2] + '\nExamples:\n'
        '  python3 tests/eval/eval.py                      # BC5CDR and NCBI, train+dev, all errors\n'
        '  python3 tests/eval/eval.py --set bc5cdr --show 30 --json bc5.json\n'
        '  python3 tests/eval/eval.py --quick              # 200 BC5CDR abstracts, floors checked (make check)\n'
        '  python3 tests/eval/eval.py --name mine my.PubTator.txt\n')
    ap.add_argument('gold', nargs='*', metavar='GOLD', help='PubTator gold files, scored together as one set')
    ap.add_argument('--name', default=None, help='name of the set of GOLD files (default: the first file name)')
    ap.add_argument('--set', action='append', choices=sorted(DEFAULT_SETS), dest='sets',
                    help='a default gold set (repeatable; default: all); ignored with GOLD files')
    ap.add_argument('--shared', default=None,
                    help='the shared corpus directory (default: $MYOMINE_SHARED or ../shared/corpus beside the repository)')
    ap.add_argument('--bin', default=None, help='myomine binary (default: $MYOMINE_BIN or ./myomine in the repository)')
    ap.add_argument('-l', '--lexicons', default=os.environ.get('MYOMINE_LEXICONS') or os.path.join(ROOT, 'lexicons'),
                    help='lexicon file or directory, read here and passed to myomine -l '
                    '(default: $MYOMINE_LEXICONS or lexicons/ in the repository)')
    ap.add_argument('--max-docs', type=int, default=0, metavar='N', help='only the first N documents of each set')
    ap.add_argument('-t', '--threads', type=int, default=0, metavar='N', help='myomine -t N (default: its own)')
    ap.add_argument('-o', '--out', default=None, metavar='DIR',
                    help='keep myomine\'s input and output here, one subdirectory per set (default: a temporary directory)')
    ap.add_argument('--json', default=None, metavar='FILE', help='write the full report (every error) as JSON')
    ap.add_argument('--show', type=int, default=-1, metavar='N',
                    help='error groups listed per kind (-1: all, 0: only the figures; default -1)')
    ap.add_argument('--examples', type=int, default=2, metavar='K', help='sentences shown per error group (default 2)')
    ap.add_argument('--errors', choices=['overlap', 'exact'], default='overlap', help='level of the error lists (default overlap)')
    ap.add_argument('--quick', action='store_true',
                    help='the first %d BC5CDR training abstracts, figures only, checked against fixed floors' % QUICK_DOCS)
    ap.add_argument('--pred', default=None, metavar='FILE',
                    help='score this PubTator file of another system (MeSH ids) instead of running myomine, '
                    'with the same definitions')
    a = ap.parse_args(argv)

    shared = a.shared or os.environ.get('MYOMINE_SHARED') or os.path.join(ROOT, '..', 'shared', 'corpus')
    binary = a.bin or os.environ.get('MYOMINE_BIN') or os.path.join(ROOT, 'myomine')
    if a.quick:
        a.sets, a.max_docs, a.show = ['bc5cdr'], a.max_docs or QUICK_DOCS, 0 if a.show < 0 else a.show
    if a.gold:
        sets = [(a.name or os.path.basename(a.gold[0]), a.gold)]
    else:
        sets = [(s, [os.path.join(shared, f) for f in DEFAULT_SETS[s]]) for s in (a.sets or sorted(DEFAULT_SETS))]
        if a.quick:
            sets = [('bc5cdr-quick', sets[0][1][:1])]
        missing = [f for _, fs in sets for f in fs if not os.path.isfile(f)]
        if missing:
            print('SKIP: gold corpus not found (%s); set --shared or MYOMINE_SHARED' % missing[0])
            return 0
    for _, fs in sets:
        for f in fs:
            if not os.path.isfile(f):
                ap.error('no such gold file: %s' % f)
    if not os.path.exists(a.lexicons):
        ap.error('no such lexicon path: %s' % a.lexicons)
    if a.pred and not os.path.isfile(a.pred):
        ap.error('no such predictions file: %s' % a.pred)
    if not a.pred and not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print('eval.py: myomine binary not found or not executable: %s (run make, or give --bin)' % binary, file=sys.stderr)
        return 1

    concepts = load_lexicons(a.lexicons)
    results, bad = [], False
    tmp = None
    if a.out:
        base = a.out
    else:
        tmp = tempfile.TemporaryDirectory(prefix='myomine-eval-')
        base = tmp.name
    try:
        for name, files in sets:
            t0 = time.time()
            docs, seen, dups = [], set(), 0
            for f in files:
                for d in read_pubtator(f):
                    if d.pmid in seen:
                        dups += 1
                        continue
                    seen.add(d.pmid)
                    docs.append(d)
            if a.max_docs > 0:
                docs = docs[:a.max_docs]
            work = os.path.join(base, re.sub(r'[^A-Za-z0-9_.-]', '_', name))
            os.makedirs(work, exist_ok=True)
            if a.pred:
                pred, texts, cmd = read_predictions(a.pred, concepts), {}, ['(predictions of %s)' % a.pred]
            else:
                try:
                    pred, texts, cmd = run_myomine(binary, a.lexicons, docs, work, a.threads)
                except RuntimeError as e:
                    print('eval.py: %s' % e, file=sys.stderr)
                    return 1
            res = evaluate(name, files, docs, concepts, pred, a.errors)
            byid = {d.pmid: d for d in docs}
            for pmid, t in texts.items():
                if pmid not in byid or byid[pmid].text != t:
                    res['problems'].append('%s: myomine text differs from the gold text' % pmid)
            res['system'] = os.path.basename(a.pred) if a.pred else 'myomine'
            res['duplicate_pmids_dropped'] = dups
            res['max_docs'] = a.max_docs
            res['myomine_command'] = ' '.join(cmd)
            res['seconds'] = round(time.time() - t0, 2)
            print_report(res, a.show, a.examples, sys.stdout)
            if res['problems']:
                bad = True
            results.append(res)
            print()
    finally:
        if tmp:
            tmp.cleanup()

    if a.json:
        rep = {'command': ' '.join([os.path.relpath(__file__, os.getcwd())] + (argv if argv is not None else sys.argv[1:])),
               'lexicons': os.path.abspath(a.lexicons), 'myomine': os.path.abspath(binary),
               'lexicon_concepts': len(concepts), 'sets': results}
        with open(a.json, 'w', encoding='utf-8') as fh:
            json.dump(rep, fh, indent=1, ensure_ascii=False)
            fh.write('\n')
    if a.quick:
        r = results[0]['all']
        got = {'overlap_precision': r['overlap']['precision'],
               'overlap_precision_in_scope': r['overlap']['precision_in_scope'],
               'overlap_recall': r['overlap']['recall'], 'doc_recall': r['document']['recall']}
        low = ['%s %.3f < %.2f' % (k, got[k], f) for k, f in QUICK_FLOORS.items() if got[k] < f]
        if results[0]['gold_in_scope'] == 0 or results[0]['myomine_scored'] == 0:
            low.append('nothing in scope or nothing scored')
        if low:
            print('FAIL: quick evaluation below its floors: ' + '; '.join(low))
            bad = True
        else:
            print('quick evaluation: ' + ', '.join('%s %.3f (floor %.2f)' % (k, got[k], QUICK_FLOORS[k]) for k in QUICK_FLOORS))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
