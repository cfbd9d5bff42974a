"""Fictitious journals and affiliations for the myomine sample corpus.

ISSNs use the 0000- range, NLM unique ids start with 999 and DOIs use the
10.5555 test prefix, so nothing here points at a real publication.
"""


def _j(title, iso, issn, country, nlmid, issntype="Print"):
    return {"title": title, "iso": iso, "issn": issn, "country": country,
            "nlmid": nlmid, "issntype": issntype}


JOURNALS = {
    "JMR": _j("Journal of myositis research", "J Myositis Res", "0000-0101", "United States", "999000101"),
    "NCR": _j("Neuromuscular case reports", "Neuromuscul Case Rep", "0000-0102", "England", "999000102",
              "Electronic"),
    "CRL": _j("Clinical rheumatology letters", "Clin Rheumatol Lett", "0000-0103", "Netherlands", "999000103"),
    "MPQ": _j("Muscle pathology quarterly", "Muscle Pathol Q", "0000-0104", "United States", "999000104"),
    "ALT": _j("Archives of lipid therapy", "Arch Lipid Ther", "0000-0105", "United States", "999000105"),
    "DZM": _j("Deutsche Zeitschrift fur Muskelkrankheiten", "Dtsch Z Muskelkr", "0000-0106", "Germany",
              "999000106"),
    "MOR": _j("Myositis open research", "Myositis Open Res", "0000-0107", "England", "999000107", "Electronic"),
    "JOO": _j("Journal of orthopaedic outcomes", "J Orthop Outcomes", "0000-0108", "United States", "999000108"),
    "ACR": _j("AIDS clinical review", "AIDS Clin Rev", "0000-0109", "United States", "999000109"),
    "PID": _j("Pediatric inflammatory disease", "Pediatr Inflamm Dis", "0000-0110", "United States", "999000110"),
    "IOC": _j("Immuno-oncology case journal", "Immunooncol Case J", "0000-0111", "Switzerland", "999000111",
              "Electronic"),
    "ODJ": _j("Oral and dental journal", "Oral Dent J", "0000-0112", "Japan", "999000112"),
    "EMR": _j("Endocrine and metabolic reports", "Endocr Metab Rep", "0000-0113", "Italy", "999000113"),
    "DCP": _j("Dermatology in clinical practice", "Dermatol Clin Pract", "0000-0114", "Canada", "999000114"),
    "NJM": _j("Nordic journal of muscle health", "Nord J Muscle Health", "0000-0115", "Sweden", "999000115"),
    "RFM": _j("Revue francophone de myologie", "Rev Fr Myol", "0000-0116", "France", "999000116"),
    "LTJ": _j("Lung and thorax journal", "Lung Thorax J", "0000-0117", "China", "999000117"),
    "HAM": _j("Heart and muscle", "Heart Muscle", "0000-0118", "United States", "999000118"),
}

AFF = {
    "north": "Department of Neurology, Northfield University Hospital, Northfield, United Kingdom.",
    "lake": "Myositis Clinic, Lakemont General Hospital, Lakemont, OR, USA.",
    "east": "Division of Rheumatology, Eastbrook Medical Center, Eastbrook, ON, Canada.",
    "valm": "Department of Pathology, University of Valmora, Valmora, Italy.",
    "kirk": "Neuromuscular Unit, Kirkhaven Hospital, Kirkhaven, Sweden.",
    "saku": "Department of Internal Medicine, Sakuragawa City Hospital, Sakuragawa, Japan.",
    "rhein": "Klinik für Neurologie, Universitätsklinikum Rheinfeld, Rheinfeld, Germany.",
    "lyon": "Service de Médecine Interne, Hôpital de Montclair, Montclair, France.",
    "harb": "Department of Medicine, Harbour City Medical Center, Harbour City, Australia.",
    "pine": "Lipid Clinic, Pinecrest Heart Institute, Pinecrest, CO, USA.",
    "ortho": "Department of Orthopaedic Surgery, Redwater Joint Center, Redwater, TX, USA.",
    "peds": "Pediatric Rheumatology, Silverlake Children's Hospital, Silverlake, CA, USA.",
    "onco": "Department of Oncology, Alpenrose Cancer Center, Alpenrose, Switzerland.",
    "dent": "Department of Prosthodontics, Minato Dental College, Minato, Japan.",
    "endo": "Endocrinology Unit, Valmora General Hospital, Valmora, Italy.",
    "derm": "Department of Dermatology, Eastbrook Medical Center, Eastbrook, ON, Canada.",
    "hiv": "Infectious Diseases Clinic, Bayview Hospital, Bayview, FL, USA.",
    "lung": "Department of Respiratory Medicine, Jinshan University Hospital, Jinshan, China.",
    "heart": "Cardiomyopathy Service, Lakemont General Hospital, Lakemont, OR, USA.",
    "seoul": "Department of Rheumatology, Hanbit University Hospital, Hanbit, Republic of Korea.",
}
