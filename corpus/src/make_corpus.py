#!/usr/bin/env python3
"""Write the myomine sample corpus: pubmed26n0001.xml.gz and pubmed26n0002.xml.gz.

Usage:
  make_corpus.py [--out DIR]      write both files (default: the corpus/ directory)
  make_corpus.py --check [DIR]    regenerate in memory and compare with the files in DIR
  make_corpus.py --stats          print per-file counts and the expected merge result
  make_corpus.py --xml N          print file N (1 or 2) uncompressed to stdout

Python 3 standard library only. The output is deterministic: gzip level 9,
mtime 0, no file name in the gzip header. The compressed bytes depend on the
zlib build (stock zlib gives the committed bytes; zlib-ng may not), so --check
compares the compressed bytes and, if they differ, the uncompressed XML too.
Exit status: 0 success, 1 check failed, 2 usage error.
"""

import gzip
import io
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True          # keep corpus/src free of __pycache__
sys.path.insert(0, HERE)

import baseline  # noqa: E402
import update  # noqa: E402
from journals import JOURNALS  # noqa: E402
from xmlgen import document  # noqa: E402

NAMES = ("pubmed26n0001.xml.gz", "pubmed26n0002.xml.gz")


def xml_texts():
    return (document(baseline.RECORDS, JOURNALS),
            document(update.RECORDS, JOURNALS, update.DELETES))


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def parse(text):
    """Return (docs, deletes): docs is a list of dicts, in file order."""
    root = ET.fromstring(text.encode("utf-8"))
    docs = []
    for el in root:
        if el.tag == "PubmedArticle":
            mc = el.find("MedlineCitation")
            p = mc.find("PMID")
            art = mc.find("Article")
            title = "".join(art.find("ArticleTitle").itertext())
            ab = art.find("Abstract")
            docs.append({"pmid": int(p.text), "version": int(p.get("Version")), "kind": "article",
                         "title": title, "vernacular": art.find("VernacularTitle") is not None,
                         "abstract": ab is not None and any(
                             "".join(t.itertext()).strip() for t in ab.findall("AbstractText"))})
        elif el.tag == "PubmedBookArticle":
            bd = el.find("BookDocument")
            p = bd.find("PMID")
            docs.append({"pmid": int(p.text), "version": int(p.get("Version")), "kind": "book",
                         "title": "".join(bd.find("ArticleTitle").itertext()), "vernacular": False,
                         "abstract": bd.find("Abstract") is not None})
    dels = [int(p.text) for d in root.findall("DeleteCitation") for p in d.findall("PMID")]
    return docs, dels


def stats():
    t1, t2 = xml_texts()
    d1, x1 = parse(t1)
    d2, x2 = parse(t2)
    out = []
    for name, docs, dels in ((NAMES[0], d1, x1), (NAMES[1], d2, x2)):
        out.append("%s: %d documents (%d PubmedArticle, %d PubmedBookArticle), %d with abstract, "
                   "%d without, %d DeleteCitation PMIDs"
                   % (name, len(docs), sum(d["kind"] == "article" for d in docs),
                      sum(d["kind"] == "book" for d in docs), sum(d["abstract"] for d in docs),
                      sum(not d["abstract"] for d in docs), len(dels)))
    live = {}
    for d in d1 + d2:            # later record with the same PMID replaces the earlier one
        live[d["pmid"]] = d
    for p in x1 + x2:
        live.pop(p, None)
    base = {d["pmid"] for d in d1}
    out.append("update replaces (same PMID): %s" % ", ".join(
        "%d(v%d)" % (d["pmid"], d["version"]) for d in d2 if d["pmid"] in base))
    out.append("update adds: %s" % ", ".join(str(d["pmid"]) for d in d2 if d["pmid"] not in base))
    out.append("deleted: %s (absent from both files: %s)" % (
        ", ".join(map(str, x2)), ", ".join(str(p) for p in x2 if p not in base and
                                          p not in {d["pmid"] for d in d2}) or "none"))
    out.append("live after merge (keyed by PMID): %d documents, %d with abstract, %d without"
               % (len(live), sum(d["abstract"] for d in live.values()),
                  sum(not d["abstract"] for d in live.values())))
    keyed = {(d["pmid"], d["version"]) for d in d1 + d2} - {(p, 1) for p in x1 + x2}
    out.append("live if keyed by (PMID, Version): %d" % len(keyed))
    return "\n".join(out) + "\n"


def main(argv):
    out_dir = os.path.dirname(HERE)
    if len(argv) >= 1 and argv[0] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0
    if argv[:1] == ["--stats"] and len(argv) == 1:
        sys.stdout.write(stats())
        return 0
    if argv[:1] == ["--xml"] and len(argv) == 2 and argv[1] in ("1", "2"):
        sys.stdout.buffer.write(xml_texts()[int(argv[1]) - 1].encode("utf-8"))
        return 0
    if argv[:1] == ["--check"] and len(argv) <= 2:
        d = argv[1] if len(argv) == 2 else out_dir
        ok = True
        for name, text in zip(NAMES, xml_texts()):
            path = os.path.join(d, name)
            try:
                with open(path, "rb") as f:
                    have = f.read()
            except OSError as e:
                sys.stderr.write("make_corpus: %s: %s\n" % (path, e.strerror))
                ok = False
                continue
            if have == gz(text.encode("utf-8")):
                print("%s: identical" % name)
            elif gzip.decompress(have) == text.encode("utf-8"):
                print("%s: same XML, different gzip bytes (zlib build differs)" % name)
            else:
                print("%s: DIFFERS" % name)
                ok = False
        return 0 if ok else 1
    if argv[:1] == ["--out"] and len(argv) == 2:
        out_dir = argv[1]
    elif argv:
        sys.stderr.write("make_corpus: unknown arguments; try --help\n")
        return 2
    for name, text in zip(NAMES, xml_texts()):
        data = text.encode("utf-8")
        ET.fromstring(data)                    # refuse to write malformed XML
        path = os.path.join(out_dir, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(gz(data))
        os.replace(tmp, path)
        print("wrote %s (%d bytes XML)" % (path, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
