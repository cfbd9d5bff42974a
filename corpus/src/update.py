"""Records of pubmed26n0002.xml.gz (the sample "update" file).

Order in the file: two revised records (same PMID, Version 1), one Version 2
record, three new records, then one DeleteCitation. All text written for
myomine.
"""

import copy

from baseline import B, R, RECORDS as BASE

_by_pmid = {r["pmid"]: r for r in BASE}


def _revise(n, **changes):
    r = copy.deepcopy(_by_pmid[B + n])
    r.update(changes)
    return r


# 90000024, revised: the statin was misnamed in the baseline version
# (rosuvastatin 20 mg -> atorvastatin 40 mg); everything else is unchanged.
_r24 = _revise(24, date_revised=(2026, 2, 3))
_r24["abstract"] = [
    (lab, cat, txt.replace("rosuvastatin 20 mg daily", "atorvastatin 40 mg daily"))
    for lab, cat, txt in _r24["abstract"]]
assert "atorvastatin 40 mg" in _r24["abstract"][1][2]

# 90000028, revised: one adverse-event sentence corrected (adds "myalgia").
_r28 = _revise(28, date_revised=(2026, 2, 3))
_r28["abstract"] = _r28["abstract"].replace(
    "No patient had a relapse of weakness or a rise in creatine kinase.",
    "One patient reported myalgia without a rise in creatine kinase; no patient had a relapse of weakness.")
assert "myalgia" in _r28["abstract"]

# 90000050, version 2 of a versioned (open-peer-review) article: new PMID Version,
# new title suffix, larger sample and two extra findings.
_r50 = _revise(50, version=2, version_id="2", version_date="2024/01/22",
               date_revised=(2026, 2, 5),
               title="""Patient-reported fatigue after immune-mediated necrotizing myopathy: a cross-sectional
               survey [version 2; peer review: 2 approved].""")
_r50["abstract"] = [
    ("BACKGROUND", "BACKGROUND", """Fatigue is a frequent complaint after myositis, but it has not been studied
     in immune-mediated necrotizing myopathy."""),
    ("METHODS", "METHODS", """An online survey of 131 members of two patient organizations, using validated
     fatigue and function scales; this version adds 13 late responses and a symptom checklist."""),
    ("RESULTS", "RESULTS", """Severe fatigue was reported by 60% of respondents and was associated with myalgia,
     muscle cramps and ongoing IVIG treatment, but not with disease duration. Respondents with persistent
     dysphagia reported the highest fatigue scores."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Fatigue is common and deserves specific assessment."""),
]

NEW = [
R(62, year=2026, month=2, journal="NCR", volume="20", issue="2", pages="e15", status="In-Data-Review",
  pubmodel="Electronic", pubstatus="epublish",
  title="Anti-HMGCR myopathy presenting as rhabdomyolysis with acute kidney injury.",
  abstract="""A 72-year-old man taking atorvastatin 80 mg daily presented with generalized weakness, dark urine
  and oliguria. Creatine kinase was 98,000 IU/L and myoglobinuria was confirmed; he required hemodialysis
  for acute kidney injury attributed to rhabdomyolysis. Unlike toxic statin myopathy, creatine kinase rose
  again two weeks after the statin was stopped, and anti-HMGCR antibodies were strongly positive. He was
  treated with plasma exchange followed by IVIG and prednisone. Renal function recovered, and he walked
  independently after four months. Anti-HMGCR myopathy can present as rhabdomyolysis.""",
  authors=[("Okafor", "Chidi", "lake"), ("Ruiz", "Alma", "lake")],
  pubtypes=["Case Reports"]),

R(63, year=2026, month=1, journal="PID", volume="32", issue="1", pages="5-11", status="In-Process",
  title="Anti-NXP2 juvenile dermatomyositis with early calcinosis: a case series.",
  abstract="""Anti-NXP2 antibodies are among the most frequent myositis-specific autoantibodies in juvenile
  dermatomyositis and are associated with calcinosis. We describe six children, aged 3 to 12 years, with
  anti-NXP2 antibodies; anti-TIF1-&#947;, anti-MDA5, anti-SAE and anti-Mi-2 antibodies were negative in all.
  Each had a heliotrope rash and Gottron papules, four had marked proximal muscle weakness and three had
  subcutaneous edema. Calcinosis appeared within a year of onset in four children, despite methotrexate and
  IVIG. Close surveillance for calcinosis is advised in anti-NXP2 juvenile dermatomyositis.""",
  authors=[("Nwachukwu", "Adaeze", "peds"), ("Kessler", "Dana", "peds")],
  pubtypes=["Case Reports", "Journal Article"]),

R(64, year=2026, month=2, journal="NJM", volume="39", issue="1", pages="14-22", status="In-Process",
  title="Myositis in Sjögren's disease: autoantibodies and muscle pathology in 31 patients.",
  abstract="""Muscle involvement in Sjögren's disease ranges from myalgia to overt myositis. We studied 31
  patients with Sjögren's disease and muscle symptoms. All had a positive ANA; anti-Ro60 was found in 27 and
  anti-Ro52 in 24. None had anti-Jo-1, anti-PL-7, anti-PL-12, anti-EJ, anti-OJ, anti-SRP or anti-HMGCR
  antibodies. Anti-cN1A antibodies were present in 7 patients, 3 of whom had biopsy features of inclusion
  body myositis. The remainder had inflammatory myopathy with perivascular infiltrates, and most improved
  with prednisolone and hydroxychloroquine or methotrexate. Muscle biopsy is essential because Sjögren's
  disease can coexist with inclusion body myositis.""",
  authors=[("Ekholm", "Tor", "kirk"), ("Bergdahl", "Sofie", "kirk")],
  pubtypes=["Journal Article"]),
]

RECORDS = [_r24, _r28, _r50] + NEW

# Two baseline records withdrawn, and one PMID that occurs in neither file
# (real update files delete PMIDs a reader may never have seen).
DELETES = [B + 33, B + 47, B + 99]
