#!/usr/bin/env python3
"""gen-records.py -- generated PubTator inputs for the memory and time bounds
of tests/run-tests.sh ("== store bounds").  The output is a pure function of
the arguments.

  gen-records.py spread N BITS OUT   N documents whose ids are spread evenly
                                     over [1, 2^BITS), each with a title and
                                     an abstract naming a few concepts
  gen-records.py dense N OUT         the same documents numbered 1..N
  gen-records.py big MB OUT          one document whose abstract is MB
                                     megabytes of sentences full of mentions
  gen-records.py bigxml MB OUT       the same as a PubMed XML record
  gen-records.py onesentence MB OUT  one PubTator document whose abstract is
                                     one sentence of MB megabytes
"""
import random
import sys

NAMES = ["dermatomyositis", "polymyositis", "anti-HMGCR", "anti-SRP", "anti-Jo-1", "anti-MDA5",
         "atorvastatin", "simvastatin", "rituximab", "methotrexate", "prednisone", "myalgia",
         "dysphagia", "muscle weakness", "rhabdomyolysis", "fatigue", "cancer", "myopathy",
         "inclusion body myositis", "antisynthetase syndrome", "tacrolimus", "dyspnea"]


def doc(rng, i):
    a, b, c = rng.sample(NAMES, 3)
    title = "Case %d: %s with %s" % (i, a, b)
    abstract = ("A patient with %s was treated. %s and %s were reported after %s. "
                "No other findings." % (a, b, c, a))
    return title, abstract


def write_docs(out, ids, seed=1):
    rng = random.Random(seed)
    with open(out, "w") as f:
        for k, pmid in enumerate(ids):
            t, a = doc(rng, k)
            f.write("%d|t|%s\n%d|a|%s\n\n" % (pmid, t, pmid, a))


def main():
    mode = sys.argv[1]
    if mode == "spread":
        n, bits, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        step = ((1 << bits) - 2) // n
        write_docs(out, [1 + k * step for k in range(n)])
    elif mode == "dense":
        n, out = int(sys.argv[2]), sys.argv[3]
        write_docs(out, list(range(1, n + 1)))
    elif mode in ("big", "bigxml", "onesentence"):
        mb, out = float(sys.argv[2]), sys.argv[3]
        rng = random.Random(2)
        form = "the %s, %s and %s with %s, " if mode == "onesentence" else "The %s and %s of %s were seen with %s. "
        parts, size = [], 0
        while size < mb * 1e6:
            s = form % tuple(rng.sample(NAMES, 4))
            parts.append(s)
            size += len(s)
        text = "".join(parts).rstrip(" ,")
        with open(out, "w") as f:
            if mode == "bigxml":
                f.write("<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                        "<PMID Version=\"1\">7</PMID><Article><ArticleTitle>A long record about %s</ArticleTitle>"
                        "<Abstract><AbstractText>%s</AbstractText></Abstract></Article></MedlineCitation>"
                        "</PubmedArticle></PubmedArticleSet>\n" % (NAMES[0], text))
            else:
                f.write("7|t|A long record about %s\n7|a|%s\n\n" % (NAMES[0], text))
    elif mode == "mesh":
        # one PubMed record whose MeSH headings (each with a major qualifier) fill MB
        mb, out = float(sys.argv[2]), sys.argv[3]
        parts, size, i = [], 0, 0
        while size < mb * 1e6:
            s = ('<MeshHeading><DescriptorName UI="D%07d" MajorTopicYN="N">Heading %d</DescriptorName>'
                 '<QualifierName UI="Q%06d" MajorTopicYN="Y">qualifier %d</QualifierName></MeshHeading>' % (i, i, i % 97, i % 97))
            parts.append(s)
            size += len(s)
            i += 1
        with open(out, "w") as f:
            f.write("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">7</PMID><Article>"
                    "<ArticleTitle>A record about %s</ArticleTitle></Article><MeshHeadingList>%s</MeshHeadingList>"
                    "</MedlineCitation></PubmedArticle></PubmedArticleSet>\n" % (NAMES[0], "".join(parts)))
    else:
        sys.exit("usage: gen-records.py spread N BITS OUT | dense N OUT | big|bigxml|onesentence MB OUT | mesh MB OUT")


if __name__ == "__main__":
    main()
