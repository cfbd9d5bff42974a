"""Serialiser for the myomine sample corpus (PubMed XML, NLM DTD 2025 element order).

Everything here is deterministic: the same record data always gives the same
bytes. Text fields in the record data are XML fragments written by hand (they
may carry inline markup, MathML and character references on purpose), so they
are inserted verbatim after their ASCII whitespace runs are collapsed to one
space. Plain metadata (names, journal titles) is escaped here.
"""

import re

from journals import AFF

DOCTYPE = ('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
           '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">')

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Real MeSH descriptor and qualifier UIs (public vocabulary), used for structure only.
MESH = {
    "Adolescent": "D000293", "Adult": "D000328", "Aged": "D000368",
    "Aged, 80 and over": "D000369", "Antibodies, Antinuclear": "D000974",
    "Acromegaly": "D000172", "Antifungal Agents": "D000935",
    "Anti-HIV Agents": "D044966", "Arthroplasty, Replacement, Knee": "D019645",
    "Atorvastatin": "D000069059", "Autoantibodies": "D001323",
    "Autoimmune Diseases": "D001327", "Azathioprine": "D001379",
    "Biopsy": "D001706", "Candidiasis, Oral": "D002180",
    "Cetuximab": "D000068818", "Child": "D002648", "Child, Preschool": "D002675",
    "Cohort Studies": "D015331", "Colchicine": "D003078",
    "Creatine Kinase": "D003402", "Cyclophosphamide": "D003520",
    "Cyclosporine": "D016572", "Deglutition Disorders": "D003680",
    "Dermatomyositis": "D003882", "Econazole": "D004440",
    "Electromyography": "D004576", "Ezetimibe": "D000069438",
    "Female": "D005260", "Fenofibrate": "D011345", "Follow-Up Studies": "D005500",
    "Gemfibrozil": "D015248", "Glucocorticoids": "D005938",
    "HIV Infections": "D015658", "Humans": "D006801",
    "Hydroxychloroquine": "D006886",
    "Hydroxymethylglutaryl CoA Reductases": "D006903",
    "Hydroxymethylglutaryl-CoA Reductase Inhibitors": "D019161",
    "Hypercholesterolemia": "D006937", "Immune Checkpoint Inhibitors": "D000082082",
    "Immunoglobulins, Intravenous": "D016756",
    "Immunosuppressive Agents": "D007166", "Incidence": "D015994",
    "Japan": "D007564", "Lung Diseases, Interstitial": "D017563",
    "Magnetic Resonance Imaging": "D008279", "Male": "D008297",
    "Methotrexate": "D008727", "Methylprednisolone": "D008775",
    "Middle Aged": "D008875", "Muscle Weakness": "D018908",
    "Muscle, Skeletal": "D018482", "Muscular Diseases": "D009135",
    "Myalgia": "D063806", "Mycophenolic Acid": "D009173",
    "Myocarditis": "D009205", "Myositis": "D009220",
    "Myositis, Inclusion Body": "D018979", "Necrosis": "D009336",
    "Neoplasms": "D009369", "Nystatin": "D009761", "Octreotide": "D015282",
    "Osteoarthritis, Knee": "D020370", "Paraneoplastic Syndromes": "D010257",
    "Plasmapheresis": "D010956", "Polymyositis": "D017285",
    "Prednisolone": "D011239", "Prednisone": "D011241", "Prognosis": "D011379",
    "Prospective Studies": "D011446", "Raynaud Disease": "D011928",
    "Respiratory Insufficiency": "D012131", "Retrospective Studies": "D012189",
    "Rhabdomyolysis": "D012206", "Risk Factors": "D012307",
    "Rituximab": "D000069283", "Sarcoma, Kaposi": "D012514",
    "Simvastatin": "D019821", "Sjogren's Syndrome": "D012859",
    "Somatostatin": "D013004", "Tacrolimus": "D016559",
    "Treatment Outcome": "D016896", "Young Adult": "D055815",
    "Zidovudine": "D015215",
}
QUAL = {
    "adverse effects": "Q000009", "blood": "Q000097", "chemically induced": "Q000139",
    "complications": "Q000150", "diagnosis": "Q000175", "drug therapy": "Q000188",
    "epidemiology": "Q000453", "etiology": "Q000209", "immunology": "Q000276",
    "pathology": "Q000473", "surgery": "Q000601", "therapeutic use": "Q000627",
    "diagnostic imaging": "Q000000981",
}
PUBTYPES = {
    "Journal Article": "D016428", "Case Reports": "D002363", "Review": "D016454",
    "Comment": "D016420", "Letter": "D016422", "Published Erratum": "D016425",
    "Multicenter Study": "D016448", "Randomized Controlled Trial": "D016449",
    "Clinical Trial, Phase II": "D017427", "Observational Study": "D064888",
    "English Abstract": "D004740", "Comparative Study": "D003160",
    "Research Support, Non-U.S. Gov't": "D013485", "Congresses": "D016423",
    "Systematic Review": "D000078182",
}

_WS = re.compile(r"[ \t\r\n]+")


def frag(s):
    """Collapse ASCII whitespace only (NBSP and thin spaces stay as written)."""
    return _WS.sub(" ", s).strip()


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def initials(fore):
    parts = re.split(r"[ \-]+", fore)
    return "".join(p[0].upper() for p in parts if p)


def ymd(y, m, d, pad=True):
    f = "%02d" if pad else "%d"
    return "<Year>%d</Year><Month>%s</Month><Day>%s</Day>" % (y, f % m, f % d)


def add_months(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def authors_xml(authors, affs, type_attr=None, author_attrs=' ValidYN="Y"'):
    out = ['<AuthorList CompleteYN="Y"%s>' % (' Type="%s"' % type_attr if type_attr else "")]
    for a in authors:
        if a[0] == "@":                       # collective name
            out.append("<Author%s><CollectiveName>%s</CollectiveName></Author>"
                       % (author_attrs, esc(a[1:])))
            continue
        last, fore, ai = a
        s = "<Author%s><LastName>%s</LastName><ForeName>%s</ForeName><Initials>%s</Initials>" % (
            author_attrs, esc(last), esc(fore), initials(fore))
        if ai is not None:
            s += "<AffiliationInfo><Affiliation>%s</Affiliation></AffiliationInfo>" % esc(affs[ai])
        out.append(s + "</Author>")
    out.append("</AuthorList>")
    return "".join(out)


def abstract_xml(abstract, copyright=None, tag="Abstract", attrs=""):
    if abstract is None:
        return ""
    parts = ["<%s%s>" % (tag, attrs)]
    if isinstance(abstract, str):
        parts.append("<AbstractText>%s</AbstractText>" % frag(abstract))
    else:
        for label, cat, text in abstract:
            a = ""
            if label is not None:
                a += ' Label="%s"' % label
            if cat is not None:
                a += ' NlmCategory="%s"' % cat
            if text is None:
                parts.append("<AbstractText%s/>" % a)
            else:
                parts.append("<AbstractText%s>%s</AbstractText>" % (a, frag(text)))
    if copyright:
        parts.append("<CopyrightInformation>%s</CopyrightInformation>" % esc(copyright))
    parts.append("</%s>" % tag)
    return "".join(parts)


def mesh_xml(mesh):
    out = ["<MeshHeadingList>"]
    for h in mesh:
        bits = h.split("/")
        d = bits[0]
        major_d = d.endswith("*")
        d = d.rstrip("*")
        s = '<MeshHeading><DescriptorName UI="%s" MajorTopicYN="%s">%s</DescriptorName>' % (
            MESH[d], "Y" if major_d else "N", esc(d))
        for q in bits[1:]:
            mq = q.endswith("*")
            q = q.rstrip("*")
            s += '<QualifierName UI="%s" MajorTopicYN="%s">%s</QualifierName>' % (
                QUAL[q], "Y" if mq else "N", esc(q))
        out.append(s + "</MeshHeading>")
    out.append("</MeshHeadingList>")
    return "".join(out)


def pubdate_xml(r):
    if r.get("medline_date"):
        return "<PubDate><MedlineDate>%s</MedlineDate></PubDate>" % r["medline_date"]
    s = "<PubDate><Year>%d</Year>" % r["year"]
    if r.get("season"):
        s += "<Season>%s</Season>" % r["season"]
    elif r.get("month"):
        s += "<Month>%s</Month>" % MONTHS[r["month"] - 1]
        if r.get("day"):
            s += "<Day>%02d</Day>" % r["day"]
    return s + "</PubDate>"


def article_xml(r, J):
    """One <PubmedArticle> on one line, as in NLM's distribution files."""
    pmid = r["pmid"]
    ver = r.get("version", 1)
    y = r["year"]
    m = r.get("month") or 6
    status = r.get("status", "MEDLINE")
    j = J[r["journal"]]
    attrs = ' Status="%s"' % status
    if r.get("indexing"):
        attrs += ' IndexingMethod="%s"' % r["indexing"]
    if r.get("version_id"):
        attrs += ' VersionID="%s" VersionDate="%s"' % (r["version_id"], r["version_date"])
    attrs += ' Owner="NLM"'
    o = ["<PubmedArticle><MedlineCitation%s>" % attrs]
    o.append('<PMID Version="%d">%d</PMID>' % (ver, pmid))
    if status == "MEDLINE":
        cy, cm = add_months(y, m, 2)
        o.append("<DateCompleted>%s</DateCompleted>" % ymd(cy, cm, 3 + pmid % 25))
    rev = r.get("date_revised") or ((2025, 12, 1 + pmid % 27) if y < 2026 else (2026, 1, 10 + pmid % 15))
    o.append("<DateRevised>%s</DateRevised>" % ymd(*rev))
    o.append('<Article PubModel="%s"><Journal>' % r.get("pubmodel", "Print"))
    o.append('<ISSN IssnType="%s">%s</ISSN>' % (j["issntype"], j["issn"]))
    medium = "Internet" if j["issntype"] == "Electronic" else "Print"
    o.append('<JournalIssue CitedMedium="%s">' % medium)
    if r.get("volume"):
        o.append("<Volume>%s</Volume>" % r["volume"])
    if r.get("issue"):
        o.append("<Issue>%s</Issue>" % r["issue"])
    o.append(pubdate_xml(r))
    o.append("</JournalIssue><Title>%s</Title><ISOAbbreviation>%s</ISOAbbreviation></Journal>"
             % (esc(j["title"]), esc(j["iso"])))
    title = r["title"]
    o.append("<ArticleTitle/>" if title == "" else "<ArticleTitle>%s</ArticleTitle>" % frag(title))
    if r.get("pages"):
        p = r["pages"]
        if isinstance(p, tuple):
            o.append("<Pagination><StartPage>%s</StartPage><EndPage>%s</EndPage>"
                     "<MedlinePgn>%s</MedlinePgn></Pagination>" % p)
        else:
            o.append("<Pagination><MedlinePgn>%s</MedlinePgn></Pagination>" % p)
    o.append('<ELocationID EIdType="doi" ValidYN="Y">10.5555/myomine.%d.v%d</ELocationID>' % (pmid, ver))
    o.append(abstract_xml(r.get("abstract"), r.get("copyright")))
    o.append(authors_xml(r["authors"], AFF))
    o.append("<Language>%s</Language>" % r.get("lang", "eng"))
    o.append("<PublicationTypeList>")
    for pt in r["pubtypes"]:
        o.append('<PublicationType UI="%s">%s</PublicationType>' % (PUBTYPES[pt], esc(pt)))
    o.append("</PublicationTypeList>")
    if r.get("vernacular"):
        o.append("<VernacularTitle>%s</VernacularTitle>" % frag(r["vernacular"]))
    if r.get("pubmodel", "Print") != "Print":
        o.append('<ArticleDate DateType="Electronic">%s</ArticleDate>' % ymd(y, m, 2 + pmid % 20))
    o.append("</Article>")
    o.append("<MedlineJournalInfo><Country>%s</Country><MedlineTA>%s</MedlineTA>"
             "<NlmUniqueID>%s</NlmUniqueID><ISSNLinking>%s</ISSNLinking></MedlineJournalInfo>"
             % (j["country"], esc(j["iso"]), j["nlmid"], j["issn"]))
    if status == "MEDLINE":
        o.append("<CitationSubset>IM</CitationSubset>")
    if r.get("comments"):
        o.append("<CommentsCorrectionsList>")
        for reftype, src, cpmid in r["comments"]:
            o.append('<CommentsCorrections RefType="%s"><RefSource>%s</RefSource>'
                     '<PMID Version="1">%d</PMID></CommentsCorrections>' % (reftype, esc(src), cpmid))
        o.append("</CommentsCorrectionsList>")
    if r.get("mesh") and status == "MEDLINE":
        o.append(mesh_xml(r["mesh"]))
    if r.get("other_abstract"):
        o.append(abstract_xml(r["other_abstract"], tag="OtherAbstract",
                              attrs=' Type="plain-language-summary" Language="eng"'))
    if r.get("keywords"):
        o.append('<KeywordList Owner="NOTNLM">')
        for k in r["keywords"]:
            o.append('<Keyword MajorTopicYN="N">%s</Keyword>' % frag(k))
        o.append("</KeywordList>")
    if r.get("coi"):
        o.append("<CoiStatement>%s</CoiStatement>" % frag(r["coi"]))
    o.append("</MedlineCitation><PubmedData><History>")
    ry, rm = add_months(y, m, -5)
    ay, am = add_months(y, m, -2)
    ey, em = add_months(y, m, -1)
    d = 1 + pmid % 27
    o.append('<PubMedPubDate PubStatus="received">%s</PubMedPubDate>' % ymd(ry, rm, d))
    o.append('<PubMedPubDate PubStatus="accepted">%s</PubMedPubDate>' % ymd(ay, am, d))
    for st in ("entrez", "pubmed"):
        o.append('<PubMedPubDate PubStatus="%s">%s<Hour>6</Hour><Minute>0</Minute></PubMedPubDate>'
                 % (st, ymd(ey, em, d, pad=False)))
    if status == "MEDLINE":
        cy, cm = add_months(y, m, 2)
        o.append('<PubMedPubDate PubStatus="medline">%s<Hour>6</Hour><Minute>1</Minute></PubMedPubDate>'
                 % ymd(cy, cm, 3 + pmid % 25, pad=False))
    o.append("</History><PublicationStatus>%s</PublicationStatus>" % r.get("pubstatus", "ppublish"))
    o.append('<ArticleIdList><ArticleId IdType="pubmed">%d</ArticleId>'
             '<ArticleId IdType="doi">10.5555/myomine.%d.v%d</ArticleId></ArticleIdList>' % (pmid, pmid, ver))
    if r.get("refs"):
        o.append("<ReferenceList>")
        for cit, rpmid in r["refs"]:
            o.append("<Reference><Citation>%s</Citation>" % frag(cit))
            if rpmid:
                o.append('<ArticleIdList><ArticleId IdType="pubmed">%d</ArticleId></ArticleIdList>' % rpmid)
            o.append("</Reference>")
        o.append("</ReferenceList>")
    o.append("</PubmedData></PubmedArticle>")
    return "".join(o)


def book_xml(b):
    pmid = b["pmid"]
    o = ['<PubmedBookArticle><BookDocument><PMID Version="1">%d</PMID>' % pmid]
    o.append('<ArticleIdList><ArticleId IdType="bookaccession">%s</ArticleId></ArticleIdList>' % b["accession"])
    o.append("<Book><Publisher><PublisherName>%s</PublisherName><PublisherLocation>%s</PublisherLocation></Publisher>"
             % (esc(b["publisher"]), esc(b["location"])))
    o.append('<BookTitle book="%s">%s</BookTitle>' % (b["book"], b["book_title"]))
    o.append("<PubDate><Year>%d</Year></PubDate><BeginningDate><Year>%d</Year></BeginningDate>"
             % (b["year"], b["year"]))
    o.append(authors_xml(b["editors"], AFF, type_attr="editors", author_attrs=""))
    o.append("<Medium>Internet</Medium></Book>")
    o.append('<ArticleTitle book="%s" part="%s">%s</ArticleTitle>' % (b["book"], b["part"], frag(b["title"])))
    o.append("<Language>eng</Language>")
    o.append(authors_xml(b["authors"], AFF, type_attr="authors", author_attrs=""))
    o.append('<PublicationType UI="D016454">Review</PublicationType>')
    o.append(abstract_xml(b["abstract"], b.get("copyright")))
    o.append("<Sections>")
    for sec_id, sec_title in b["sections"]:
        o.append('<Section><SectionTitle book="%s" part="%s" sec="%s">%s</SectionTitle></Section>'
                 % (b["book"], b["part"], sec_id, esc(sec_title)))
    o.append("</Sections>")
    o.append("<ContributionDate>%s</ContributionDate>" % ymd(b["year"], 6, 4, pad=False))
    o.append("<DateRevised>%s</DateRevised>" % ymd(*b["revised"]))
    o.append("</BookDocument><PubmedBookData><History>")
    for st in ("pubmed", "medline", "entrez"):
        o.append('<PubMedPubDate PubStatus="%s">%s<Hour>6</Hour><Minute>1</Minute></PubMedPubDate>'
                 % (st, ymd(b["year"], 6, 9, pad=False)))
    o.append('</History><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
             '<ArticleId IdType="pubmed">%d</ArticleId></ArticleIdList></PubmedBookData></PubmedBookArticle>' % pmid)
    return "".join(o)


def delete_xml(pmids):
    return "<DeleteCitation>%s</DeleteCitation>" % "".join(
        '<PMID Version="1">%d</PMID>' % p for p in pmids)


def document(records, journals, deletes=None):
    """The whole file as one str: XML declaration, DOCTYPE, one record per line."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', DOCTYPE, "<PubmedArticleSet>"]
    for r in records:
        lines.append(book_xml(r) if r.get("kind") == "book" else article_xml(r, journals))
    if deletes:
        lines.append(delete_xml(deletes))
    lines.append("</PubmedArticleSet>")
    return "\n".join(lines) + "\n"
