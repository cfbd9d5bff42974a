#!/usr/bin/env python3
"""make-seeds.py -- (re)write the seed corpora under tests/fuzz/corpus/.

Real seeds are single records cut from ../shared/corpus (pruned of author
lists, MeSH, references... to at most 4 KB each; never a whole file) and from
the project's own corpus/*.xml.gz; the rest are hand-written edge cases.
Run from anywhere: python3 tests/fuzz/make-seeds.py [SHARED_CORPUS_DIR]
"""
import gzip, os, re, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'corpus')
OUT = os.path.join(HERE, 'corpus')
LIMIT = 4000

seeds = {t: {} for t in ('fuzz_reader', 'fuzz_pubmed', 'fuzz_medline', 'fuzz_pubtator',
                         'fuzz_text', 'fuzz_lexicon', 'fuzz_match')}

def add(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    seeds[target][name] = data

def read(path):
    with open(path, 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith('.gz') else data

# ---- PubMed XML records -----------------------------------------------------
DROP = ('PubmedData', 'AuthorList', 'MeshHeadingList', 'ChemicalList', 'KeywordList', 'ReferenceList',
        'CommentsCorrectionsList', 'Sections', 'GrantList', 'PublicationTypeList', 'SupplMeshList',
        'GeneSymbolList', 'DataBankList', 'InvestigatorList', 'MedlineJournalInfo', 'ArticleIdList',
        'PersonalNameSubjectList', 'CoiStatement', 'DateCompleted', 'DateRevised', 'Pagination',
        'ArticleDate', 'CitationSubset', 'GeneralNote', 'ELocationID', 'OtherID', 'ContributionDate',
        'Publisher', 'BeginningDate', 'LocationList', 'ItemList')

def records(xml, tag):
    return re.findall(rb'<%s\b.*?</%s>' % (tag.encode(), tag.encode()), xml, re.S)

def prune(rec, limit=LIMIT):
    for t in DROP:
        rec = re.sub(rb'<%s\b[^>]*?(/>|>.*?</%s>)' % (t.encode(), t.encode()), b'', rec, flags=re.S)
    rec = re.sub(rb'>\s+<', b'><', rec)
    cut = 600
    while len(rec) > limit and cut > 40:   # shorten long text runs at a space
        def short(m):
            s = m.group(1)
            if len(s) <= cut: return m.group(0)
            sp = s.rfind(b' ', 0, cut)
            return b'>' + s[:sp if sp > 0 else cut] + b'<'
        rec = re.sub(rb'>([^<]+)<', short, rec)
        cut -= 60
    assert len(rec) <= limit, len(rec)
    return rec

def first(xml, tag, pred=lambda r: True):
    for r in records(xml, tag):
        if pred(r): return r
    raise SystemExit('no <%s> matching in source' % tag)

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
        b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n')
def wrap(*recs, root=b'PubmedArticleSet', head=HEAD):
    h = head.replace(b'PubmedArticleSet>', root + b'>') if root != b'PubmedArticleSet' else head
    return h + b'\n'.join(recs) + b'\n</' + root + b'>\n'

xml_recs = {}
proj1 = read(os.path.join(ROOT, 'corpus', 'pubmed26n0001.xml.gz'))
proj2 = read(os.path.join(ROOT, 'corpus', 'pubmed26n0002.xml.gz'))
xml_recs['proj-plain'] = prune(first(proj1, 'PubmedArticle', lambda r: b'90000001<' in r))
xml_recs['proj-structured'] = prune(first(proj2, 'PubmedArticle', lambda r: b'Label=' in r))
xml_recs['proj-charref'] = prune(first(proj2, 'PubmedArticle', lambda r: b'&#947;' in r))
xml_recs['proj-utf8'] = prune(first(proj2, 'PubmedArticle', lambda r: 'Sjögren'.encode() in r))
xml_recs['proj-book'] = prune(first(proj1, 'PubmedBookArticle'))
xml_recs['proj-delete'] = first(proj2, 'DeleteCitation')
if os.path.isdir(SHARED):
    px = os.path.join(SHARED, 'pubmed-xml')
    xml_recs['shared-structured'] = prune(first(read(os.path.join(px, 'exports', 'qi29.xml')), 'PubmedArticle',
                                                lambda r: r.count(b'Label=') >= 3), 3000)
    xml_recs['shared-mathml'] = prune(first(read(os.path.join(px, 'biopython', 'pubmed6.xml')), 'PubmedArticle',
                                            lambda r: b'mml:' in r))
    xml_recs['shared-book'] = prune(first(read(os.path.join(px, 'exports', 'solitude6060.xml')), 'PubmedBookArticle'))
    xml_recs['shared-delete'] = first(read(os.path.join(px, 'tipplerow', 'pubmed_sample.xml')), 'DeleteCitation')
    xml_recs['shared-html-title'] = prune(first(read(os.path.join(px, 'biopython', 'title_with_html_tags.xml')),
                                                'PubmedArticle', lambda r: b'<i>' in r or b'<sup>' in r))
    xml_recs['shared-nbsp'] = prune(first(read(os.path.join(px, 'pubmed-29768149.xml')), 'PubmedArticle'))
    xml_recs['shared-medlinecitation'] = prune(first(read(os.path.join(px, 'medline16n0902.xml.gz')), 'MedlineCitation',
                                                     lambda r: b'<AbstractText' in r))
else:
    print('make-seeds: %s not found: shared-corpus seeds skipped' % SHARED, file=sys.stderr)

for k, r in xml_recs.items():
    add('fuzz_pubmed', k + '.xml', r)
cut = xml_recs['proj-structured']
add('fuzz_pubmed', 'edge-article-cut.xml', cut[:cut.index(b'</MedlineCitation>') + 18])

R = '<PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article><ArticleTitle>%s</ArticleTitle><Abstract>%s</Abstract></Article></MedlineCitation></PubmedArticle>'
AB = '<AbstractText%s>%s</AbstractText>'
edge_pubmed = {
    'empty': '',
    'bom': '\ufeff' + R % ('Title', AB % ('', 'Text.')),
    'crlf': (R % ('Two\r\nlines', AB % (' Label="A\tB"', 'x\r\ny'))).replace('><', '>\r\n<'),
    'nul': R % ('Ti\0tle', AB % ('', 'a\0b')),
    'deep': R % ('T', AB % ('', '<b>' * 300 + 'x' + '</b>' * 300)),
    'deep255': R % ('T', AB % ('', '<b>' * 248 + 'x' + '</b>' * 248)),
    'doctype-entities': '<!DOCTYPE PubmedArticle [<!ENTITY foo "bar"><!ENTITY lol "&foo;&foo;">]>' + R % ('&foo; &lol;', AB % ('', '&lol;')),
    'stray-amp': R % ('A & B &&; &; &#; &#x; &', AB % ('', 'x &amp y & z')),
    'unknown-entity': R % ('&nosuch; &Agrave; &thetasym; &abcdefghijklmnopqrstuvwxyzabcdefg;', AB % ('', '&zwj;&shy;&nbsp;')),
    'numeric-refs': R % ('&#65;&#x3b3;&#0;&#xD800;&#x110000;&#1114111;&#99999999999;&#x1F600;', AB % ('', '&#x2028;&#133;&#x7f;')),
    'invalid-utf8': (R % ('\x00', AB % ('', 'x'))).encode().replace(b'\x00', b'\xff\xc3(\xe2\x82\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf'),
    'cdata-comment-pi': R % ('<![CDATA[a<b>&amp;]]><!-- c --><?pi x?>t', AB % ('', '<![CDATA[ x ]]><!--->-->y')),
    'unterminated': R % ('T', AB % ('', 'x')) + '<!-- no end',
    'mismatch': '<PubmedArticle><MedlineCitation><PMID>1</PMID></Article></MedlineCitation></PubmedArticle>',
    'attrs': '<PubmedArticle><MedlineCitation><PMID Version=\'7\' x=">">42</PMID><Article><ArticleTitle a="/>">T</ArticleTitle><Abstract><AbstractText Label="%s">x</AbstractText><AbstractText Label="">y</AbstractText><AbstractText/></Abstract></Article></MedlineCitation></PubmedArticle>' % ('Résumé ' * 8),
    'label-entities': R % ('T', AB % (' Label="&lt;A&amp;B&gt; &#x9;&#10;"', 'x')),
    'empty-parts': R % ('', AB % ('', '  ') + AB % (' Label="X"', '') + AB % ('', 'last')),
    'vernacular-book': '<PubmedBookArticle><BookDocument><PMID>5</PMID><Book><BookTitle>Book</BookTitle><PubDate><Year>1999</Year></PubDate></Book><Abstract><AbstractText>abs</AbstractText></Abstract></BookDocument></PubmedBookArticle>',
    'vtitle': '<MedlineCitation><PMID>6</PMID><Article><VernacularTitle>Titre</VernacularTitle><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue></Journal></Article></MedlineCitation>',
    'bad-pmid': '<PubmedArticle><MedlineCitation><PMID>0</PMID></MedlineCitation></PubmedArticle>',
    'big-pmid': '<PubmedArticle><MedlineCitation><PMID> 4294967296 </PMID></MedlineCitation></PubmedArticle>',
    'delete-bad': '<DeleteCitation><PMID>12</PMID><PMID>x</PMID></DeleteCitation>',
    'self-close': '<PubmedArticle/><MedlineCitation><PMID/><PMID>9</PMID><Article><ArticleTitle/></Article></MedlineCitation>',
    'unicode-seps': R % ('a\u2028b\u0085c\u00a0d\u200be', AB % ('', 'x\u2029y')),
}
for k, v in edge_pubmed.items():
    add('fuzz_pubmed', 'edge-' + k + '.xml', v)

# ---- reader: whole small files -------------------------------------------------
p = xml_recs
add('fuzz_reader', 'proj-records.xml', wrap(p['proj-plain'], p['proj-book'], p['proj-delete']))
add('fuzz_reader', 'proj-structured.xml.gz', gzip.compress(wrap(p['proj-structured']), mtime=0))
two = gzip.compress(wrap(p['proj-utf8'])[:300], mtime=0) + gzip.compress(wrap(p['proj-utf8'])[300:], mtime=0)
add('fuzz_reader', 'multi-member.xml.gz', two)
add('fuzz_reader', 'truncated.xml.gz', gzip.compress(wrap(p['proj-charref']), mtime=0)[:-200])
add('fuzz_reader', 'trailing-garbage.xml.gz', gzip.compress(wrap(p['proj-delete']), mtime=0) + b'garbage')
if 'shared-mathml' in p:
    add('fuzz_reader', 'shared-mathml-book.xml', wrap(p['shared-mathml'], p['shared-book'])[:LIMIT * 2])
    add('fuzz_reader', 'shared-medlinecitationset.xml', wrap(p['shared-medlinecitation'], root=b'MedlineCitationSet'))
# multi-megabyte records in a few KB of gzip: windows refilled, records across reads
big = p['proj-structured'].replace(b'<AbstractText', b'<AbstractText>' + b' ' * 1500000 + b'</AbstractText><AbstractText', 1)
add('fuzz_reader', 'big-record.xml.gz', gzip.compress(wrap(p['proj-plain'], big, p['proj-delete']), mtime=0))
add('fuzz_reader', 'big-medline.txt.gz', gzip.compress(b'PMID- 1\nTI  - t\n' + b'      x\n' * 200000 + b'\nPMID- 2\nTI  - u\n', mtime=0))
cutfile = wrap(p['proj-structured'])
add('fuzz_reader', 'article-cut.xml', cutfile[:cutfile.index(b'</MedlineCitation>') + 40])
edge_reader = {
    'empty.xml': '', 'spaces.txt': ' \n\t\r\n', 'bom.xml': '\ufeff<PubmedArticleSet>' + R % ('T', '') + '</PubmedArticleSet>',
    'crlf.xml': ('<?xml version="1.0"?>\r\n<PubmedArticleSet>\r\n' + R % ('T', AB % ('', 'a\r\nb')) + '\r\n</PubmedArticleSet>\r\n'),
    'doctype-subset.xml': '<!DOCTYPE PubmedArticleSet [<!ENTITY a "<PubmedArticle>"><!ELEMENT x ANY>]><PubmedArticleSet><!-- <PubmedArticle> -->' + R % ('&a;', '') + '<![CDATA[</PubmedArticleSet>]]></PubmedArticleSet>',
    'unterminated-rec.xml': '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>\n<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>',
    'self-closed-rec.xml': '<PubmedArticleSet><PubmedArticle/><DeleteCitation /><Other>text</Other>stray</PubmedArticleSet>trailing<x/>',
    'not-pubmed.xml': '<html><body>no</body></html>', 'wrong-root-late.xml': '<?xml?>' + ' ' * 5000 + '<PubmedArticleSet',
    'no-end.xml': '<PubmedArticleSet>' + R % ('T', ''), 'malformed-tag.xml': '<PubmedArticleSet>< ><//><PubmedArticle x="1>2" >' + '</PubmedArticle></PubmedArticleSet>',
    'nul.xml': '<PubmedArticleSet>\0' + R % ('T\0', '') + '</PubmedArticleSet>\0',
    'medline.txt': 'PMID- 1\nTI  - One.\nAB  - Abs\n      cont.\n\nPMID- 2\nTI  - Two\n\nstray line\nPMID- x\n',
    'pubtator.txt': '1|t|Title one\n1|a|Abstract one\n1\t0\t5\tTitle\tChemical\tD1\n\n2|t|Two\n22|a|other pmid\n2\tCID\tD1\tD2\n',
    'pubtator-tab.txt': '12\tfirst line is an annotation\n12|t|t\r\n\r\n',
    'medline-crlf.txt': 'PMID- 3\r\nTI  - CR\r\n      LF\r\n\r\n',
}
for k, v in edge_reader.items():
    add('fuzz_reader', 'edge-' + k, v)

# ---- MEDLINE text ------------------------------------------------------------------
def medline_record(text, keep=('PMID', 'TI', 'AB', 'DP', 'BTI', 'VTI', 'AU', 'JT', 'LA', 'PT'), limit=3000):
    out, cur = [], False
    for line in text.split(b'\n'):
        if line.startswith(b'      '):
            if cur: out.append(line)
            continue
        cur = line[:4].rstrip() in tuple(k.encode() for k in keep)
        if cur: out.append(line)
    rec = b'\n'.join(out) + b'\n'
    while len(rec) > limit:   # drop continuation lines from the end of AB
        lines = rec.split(b'\n')
        i = max(j for j, l in enumerate(lines) if l.startswith(b'      '))
        del lines[i]
        rec = b'\n'.join(lines)
    return rec

if os.path.isdir(SHARED):
    mt = read(os.path.join(SHARED, 'medline-txt', 'pubmed_result1.txt')).lstrip(b'\r\n')
    first_rec = mt.split(b'\n\n')[0]
    add('fuzz_medline', 'shared-pubmed_result1.txt', medline_record(first_rec))
    mk = read(os.path.join(SHARED, 'medline-txt', 'metaknowledge.medline')).lstrip(b'\r\n')
    add('fuzz_medline', 'shared-metaknowledge.txt', medline_record(mk.split(b'\n\n')[0]))
    add('fuzz_reader', 'shared-medline.txt', medline_record(first_rec) + b'\n' + medline_record(mk.split(b'\n\n')[0]))
edge_medline = {
    'empty': '', 'minimal': 'PMID- 1\n', 'no-pmid': 'TI  - no pmid\n',
    'crlf': 'PMID- 10\r\nTI  - Title\r\n      continued\r\nAB  - Abstract\r\n      more\r\nDP  - 2001 Jan\r\n',
    'book': 'PMID- 11\nBTI - Book title\nDP  - c1999\nAB  - A\n', 'vernacular': 'PMID- 12\nVTI - Titre\nTI  - \nAB  -\n',
    'bad-pmid': 'PMID- 12345678901\n', 'zero-pmid': 'PMID- 0\n', 'pmid-spaces': 'PMID-    77   \nTI  - x\n',
    'nul-utf8': 'PMID- 13\nTI  - a\0b \xff\xfe \u03b3 \u2028\nAB  - \xc3\n',
    'continuation-first': '      orphan continuation\nPMID- 14\n      after pmid\nXX\nTI  - t\n  x\n      y\n',
    'repeat': 'PMID- 15\nTI  - one\nTI  - two\nAB  - a\nAB  - b\nDP  - 1000 2999 3000\n',
    'short-lines': 'PMID-1\nTI-\nAB -\nPMID- 16\n-\n----\n',
}
for k, v in edge_medline.items():
    add('fuzz_medline', 'edge-' + k + '.txt', v.encode('utf-8', 'surrogateescape') if k != 'nul-utf8' else
        b'PMID- 13\nTI  - a\0b \xff\xfe \xce\xb3 \xe2\x80\xa8\nAB  - \xc3\n')

# ---- PubTator -------------------------------------------------------------------------
if os.path.isdir(SHARED):
    pt = read(os.path.join(SHARED, 'gold', 'bc5cdr', 'CDR_TrainingSet.PubTator.txt'))
    blocks = pt.split(b'\n\n')
    add('fuzz_pubtator', 'shared-cdr-first.txt', blocks[0][:LIMIT] + b'\n')
    statin = next(b for b in blocks if b'statin' in b and len(b) < LIMIT)
    add('fuzz_pubtator', 'shared-cdr-statin.txt', statin + b'\n')
    nd = read(os.path.join(SHARED, 'gold', 'ncbi-disease', 'NCBIdevelopset_corpus.txt')).lstrip(b'\n')
    add('fuzz_pubtator', 'shared-ncbi-first.txt', nd.split(b'\n\n')[0][:LIMIT] + b'\n')
    add('fuzz_reader', 'shared-pubtator.txt', blocks[0][:LIMIT] + b'\n\n' + statin + b'\n')
    add('fuzz_match', 'shared-cdr-statin.txt', b' '.join(l.split(b'|', 2)[2] for l in statin.split(b'\n')[:2]))
edge_pubtator = {
    'empty': '', 'title-only': '7|t|Only a title', 'abstract-only': '8|a|Only an abstract',
    'empty-title': '9|t|\n9|a|Abstract after an empty title\n',
    'spaces': '10|t|  padded  title  \n10|a|\tabstract with\ttabs  \n',
    'crlf': '11|t|CR LF\r\n11|a|text\r\n11\t0\t2\tCR\tChemical\tD1\r\n',
    'multi-t': '12|t|one\n12|t|two\n12|a|three\n12|a|four\n',
    'other-pmid': '13|t|mine\n14|a|not mine\n', 'bad-pmid': '0|t|zero\n', 'long-pmid': '12345678901|t|x\n',
    'no-pmid': '|t|no digits\n', 'nul': '15|t|a\0b\n15|a|\x7f\x01\n', 'pipes': '16|t|a|b|c\n16|x|other\n16|a|\n',
}
for k, v in edge_pubtator.items():
    add('fuzz_pubtator', 'edge-' + k + '.txt', v)
add('fuzz_pubtator', 'edge-invalid-utf8.txt', b'17|t|\xff\xc3( \xe2\x82\n17|a|ok \xce\xb3\n')

# ---- text ----------------------------------------------------------------------------------
def plain_text(rec):
    t = b' '.join(re.findall(rb'<(?:ArticleTitle|AbstractText)\b[^>]*>(.*?)</(?:ArticleTitle|AbstractText)>', rec, re.S))
    return re.sub(rb'<[^>]+>', b'', t)[:3000]

for k in ('proj-plain', 'proj-structured', 'proj-utf8'):
    add('fuzz_text', k + '.txt', b'\0' + plain_text(p[k]))
    add('fuzz_match', k + '.txt', plain_text(p[k]))
edge_text = {
    'abbrev': '\0Dr. Smith et al. found e.g. 2.5 mg i.v. vs. placebo (Fig. 1). See J. R. R. Tolkien. No. It ends!? "Yes." Next.',
    'sections': '\0Title here.\0First part. Second sentence.\0\0  \0Last part?',
    'keep-ws': '\1  Title with spaces  \0  abstract  \0',
    'greek-latin': '\0TIF1\u03b3 \u0393 \u00b5M \u03d1 \u00c6\u00df \u0152uvre \u00e9l\u00e8ve \u0131 \u017f \u00bd \u00d7 \u00f7',
    'symbols': '\0\u2010\u2011\u2013\u2014\u2212 \u00a0\u2009\u3000 \u200b\u200d\ufeff \u2018q\u2019 \u201cdq\u201d \u2026 \u00b2\u2075\u2083 \uff21\uff42\uff10 \u2122 \U0001d400 \U0001f600',
    'separators': '\0a\u2028b\u2029c\u0085d\te\rf\ng\x7fh',
}
for k, v in edge_text.items():
    add('fuzz_text', 'edge-' + k + '.txt', v)
add('fuzz_text', 'edge-invalid-utf8.txt', b'\0ok \xff \xc3( \xe2\x82 \xed\xa0\x80 \xf0\x9f\x98 \xc0\xaf end \xe2')
add('fuzz_text', 'edge-empty.txt', b'')

# ---- lexicon ---------------------------------------------------------------------------
def lex_lines(name, n):
    lines = [l for l in read(os.path.join(ROOT, 'lexicons', name)).split(b'\n') if l and not l.startswith(b'#')]
    return b'\n'.join(lines[:n]) + b'\n'
for f, n in (('antibodies.tsv', 8), ('drugs.tsv', 8), ('symptoms.tsv', 6)):
    add('fuzz_lexicon', 'shipped-' + f, lex_lines(f, n))
edge_lex = {
    'header-bom': '\ufeffid\ttype\tname\tsynonyms\txrefs\tpattern\n# comment\n\nantibody:Jo1\tantibody\tanti-Jo-1\tJo-1|histidyl-tRNA synthetase{ctx}\tMeSH:D000001\n',
    'flags': 'antibody:SRP\tantibody\tanti-SRP\tSRP{cs,ctx}|SRP54{ exact }|signal recognition particle\t-\t-\n',
    'pattern': 'drug:statin\tdrug\tstatin\tstatins{exact}\t-\t(?:[a-z]+vastatin)\nsymptom:ck\tsymptom\televated CK\t-\t-\t(?i)c(?:k|pk) (?:elevation|rise)\n',
    'bad-pattern': 'drug:x\tdrug\tx1\t-\t-\t(unclosed\n',
    'crlf': 'drug:a\tdrug\taspirin\tASA{cs}\r\ndrug:b\tdrug\tibuprofen\t-\r\n',
    'dup-id': 'drug:a\tdrug\ta1\ndrug:a\tdrug\ta2\n', 'bad-type': 'x:1\tDrug\tname\n', 'bad-id': 'bad id\tdrug\tname\n',
    'two-cols': 'drug:a\tdrug\n', 'seven-cols': 'a\tb\tc\td\te\tf\tg\n', 'empty-name': 'drug:a\tdrug\t-\n',
    'unknown-flag': 'drug:a\tdrug\tname{bogus}\n', 'brace': 'drug:a\tdrug\tname}\n', 'no-letters': 'drug:a\tdrug\t- / -\n',
    'comments-only': '# nothing\n\n   \n', 'empty': '',
    'wrappers': 'antibody:PL7\tantibody\tanti-PL-7\tPL-7{ctx}|threonyl-tRNA synthetase|Ab{cs}|y|fly|box|match\t-\n',
    'unicode': 'antibody:TIF1g\tantibody\tanti-TIF1-\u03b3\tTIF1\u03b3|TIF1 gamma|Sj\u00f6gren|\u00c6\u00df{cs}|\u2013\u2014\n',
}
for k, v in edge_lex.items():
    add('fuzz_lexicon', 'edge-' + k + '.tsv', v)
add('fuzz_lexicon', 'edge-nul.tsv', b'drug:a\tdrug\tna\0me\n')
add('fuzz_lexicon', 'edge-invalid-utf8.tsv', b'drug:a\tdrug\tname\xff\xc3|syn\xe2\x82|x\xce\n')

# ---- match -------------------------------------------------------------------------------
edge_match = {
    'antibodies': 'Anti-Jo-1, PL-7 and PL-12 antibodies; anti-TIF1-\u03b3 and TIF1\u03b3 Abs; SRP positive. anti-HMGCR autoantibodies.',
    'ctx': 'SRP was low. The SRP and Jo-1 titer. MDA5 / NXP2 (antibody). Ro52 or Ro60 positive.',
    'drugs-symptoms': 'Atorvastatin, simvastatins and rosuvastatin caused myalgia, muscle weakness, dysphagia and elevated CK; IVIG helped.',
    'case': 'srp SRP Srp hmgcr HMGCR statin STATINS statin-induced nystatin',
    'punct': 'a\u2026b ... \u2010statin\u2011 anti\u2013SRP \u00df\u00df \u03b3\u03b3 Sj\u00f6gren\u2019s disease. Fig. 1. CK\u2191',
}
for k, v in edge_match.items():
    add('fuzz_match', 'edge-' + k + '.txt', v)
add('fuzz_match', 'edge-invalid-utf8.txt', b'statin\xffmyalgia \xc3 anti-\xe2\x82SRP \0 Jo-1\xf0')
add('fuzz_match', 'edge-empty.txt', b'')

# ---- write -------------------------------------------------------------------------------
for t, files in seeds.items():
    d = os.path.join(OUT, t)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.unlink(os.path.join(d, f))
    for name, data in sorted(files.items()):
        with open(os.path.join(d, name), 'wb') as fh:
            fh.write(data)
    print('%-14s %3d seeds, largest %5d bytes' % (t, len(files), max(len(v) for v in files.values())))
