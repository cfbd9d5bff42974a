"""Records of pubmed26n0001.xml.gz (the sample "baseline" file).

All titles, abstracts, names and affiliations were written for myomine; none is
copied from PubMed. PMIDs 90000001-90000099 are fictitious. Text fields are XML
fragments: inline markup, MathML and character references are deliberate.
"""

B = 90000000


def R(n, **kw):
    kw["pmid"] = B + n
    return kw


RECORDS = [
R(1, year=1998, month=3, journal="JMR", volume="10", issue="3", pages="201-9",
  title="""Severe necrotizing myopathy with cardiac involvement in a patient with antibodies
  to the signal recognition particle.""",
  abstract="""A 44-year-old woman developed rapidly progressive proximal muscle weakness over six weeks,
  with a serum creatine kinase of 9800 IU/L. The muscle biopsy showed widespread necrotic and regenerating
  fibers with very few lymphocytes. Immunoprecipitation identified antibodies to the signal recognition
  particle (anti-SRP). Palpitations and a reduced ejection fraction suggested myocarditis, which was
  confirmed by endomyocardial biopsy. Prednisone at 1 mg/kg per day produced only partial improvement;
  methotrexate was added after three months and later replaced by azathioprine because of raised
  transaminases. After 18 months she walked unaided, although the creatine kinase level remained elevated.
  Anti-SRP antibodies appear to mark a subset of myositis with severe, steroid-resistant necrotizing
  myopathy and a risk of cardiac disease.""",
  authors=[("Halvorsen", "Ingrid", "kirk"), ("Marsh", "Peter J", "north"), ("Quist", "Elin", "kirk")],
  pubtypes=["Case Reports", "Journal Article"],
  mesh=["Autoantibodies/blood*", "Creatine Kinase/blood", "Female", "Humans", "Middle Aged",
        "Myocarditis/etiology*", "Myositis/immunology*", "Necrosis", "Prednisone/therapeutic use"]),

R(2, year=1999, month=6, journal="ALT", volume="4", issue="2", pages="88-90",
  title="Fatal rhabdomyolysis during combined cerivastatin and gemfibrozil therapy.",
  abstract="""We report a 71-year-old man with type 2 diabetes who was given cerivastatin 0.4 mg daily and,
  three weeks later, gemfibrozil 600 mg twice daily for mixed dyslipidemia. Ten days after gemfibrozil was
  added he presented with diffuse myalgia, dark urine and generalized weakness. Serum creatine kinase was
  184,000 IU/L and myoglobinuria was documented, consistent with rhabdomyolysis. Despite hemodialysis,
  acute renal failure and hyperkalemia led to death on the sixth day. Gemfibrozil inhibits the
  glucuronidation and CYP2C8-mediated metabolism of cerivastatin and raises its plasma concentration
  several-fold. This combination should be avoided.""",
  authors=[("Draper", "Lonnie", "pine"), ("Oyelaran", "Funmi", "pine")],
  pubtypes=["Case Reports", "Journal Article"],
  mesh=["Aged", "Gemfibrozil/adverse effects*", "Humans", "Male",
        "Rhabdomyolysis/chemically induced*"]),

R(3, year=1999, medline_date="1999 Dec-2000 Jan", journal="NJM", volume="12", issue="6", pages="301-10",
  title="""Myositis-specific and myositis-associated autoantibodies in a Nordic cohort of 212 patients
  with idiopathic inflammatory myopathy.""",
  abstract=[
    ("OBJECTIVE", "OBJECTIVE", """To determine the frequency and clinical associations of myositis-specific
     autoantibodies (MSA) and myositis-associated autoantibodies (MAA) in a population-based cohort."""),
    ("METHODS", "METHODS", """Sera from 212 adults with polymyositis, dermatomyositis or overlap myositis were
     tested by immunoprecipitation and ELISA for anti-Jo-1, anti-PL-7, anti-PL-12, anti-EJ, anti-OJ,
     anti-Mi-2 and anti-SRP antibodies, and for anti-Ro52, anti-PM/Scl, anti-Ku and anti-U1-RNP."""),
    ("RESULTS", "RESULTS", """At least one MSA was found in 41% of patients. Anti-Jo-1 was the most frequent
     (19%), followed by anti-Mi-2 (6%), anti-PL-12 (4%), anti-SRP (4%), anti-PL-7 (3%), anti-EJ (2%) and
     anti-OJ (1%); MSA were mutually exclusive. Antisynthetase antibodies were associated with interstitial
     lung disease (odds ratio 7.2), arthralgia, mechanic&apos;s hands and Raynaud phenomenon. Anti-Ro52 was
     the most common MAA and frequently accompanied anti-Jo-1. Anti-PM/Scl and anti-Ku identified patients
     with scleroderma overlap."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Autoantibody profiling separates clinically homogeneous groups of
     myositis and should be part of the initial evaluation."""),
  ],
  authors=[("Lindqvist", "Maren", "kirk"), ("Aaltonen", "Ville", "kirk"), ("Bergdahl", "Sofie", "kirk"),
           ("Ekholm", "Tor", "kirk")],
  pubtypes=["Journal Article", "Multicenter Study"],
  mesh=["Adult", "Autoantibodies/blood*", "Cohort Studies", "Dermatomyositis/immunology", "Female",
        "Humans", "Lung Diseases, Interstitial/immunology", "Male", "Middle Aged",
        "Polymyositis/immunology*", "Raynaud Disease/immunology"]),

R(4, year=2000, month=2, journal="CRL", volume="7", issue="1", pages="45",
  title="Lovastatin and muscle pain in the elderly.",
  abstract=None,
  authors=[("Brennan", "Siobhán", "north")],
  pubtypes=["Letter"],
  mesh=["Aged", "Humans", "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects*",
        "Muscular Diseases/chemically induced*"]),

R(5, year=2001, month=5, journal="MPQ", volume="15", issue="2", pages=("112", "124", "112-24"),
  title="Inclusion body myositis and polymyositis: clinical and pathological distinctions.",
  abstract="""Sporadic inclusion body myositis (IBM) is the most common acquired myopathy after the age of
  50 years, yet many patients are first diagnosed with polymyositis and treated with corticosteroids for
  years. This review summarizes the features that separate the two disorders, i.e. the pattern of weakness,
  the course and the muscle pathology. IBM causes asymmetric weakness of the finger flexors and quadriceps,
  early falls and, in up to half of the patients, dysphagia; creatine kinase is normal or only moderately
  raised. Rimmed vacuoles, congophilic inclusions and mitochondrial changes, e.g. cytochrome oxidase-negative
  fibers, accompany an endomysial infiltrate that invades non-necrotic fibers. Unlike polymyositis, IBM does
  not respond to prednisone, methotrexate or IVIG, although IVIG may transiently improve swallowing. Careful
  clinical examination remains the most reliable diagnostic test.""",
  authors=[("Lindqvist", "Maren", "kirk"), ("Ferreira", "João", "valm")],
  pubtypes=["Journal Article", "Review"],
  comments=[("CommentIn", "Muscle Pathol Q. 2002 Summer;16(3):211-2", B + 6)],
  mesh=["Aged", "Biopsy", "Humans", "Muscle, Skeletal/pathology",
        "Myositis, Inclusion Body/diagnosis*", "Polymyositis/diagnosis*"]),

R(6, year=2002, medline_date="2002 Summer", journal="MPQ", volume="16", issue="3", pages="211-2",
  title="Comment on the distinction between inclusion body myositis and polymyositis.",
  abstract="""Lindqvist and colleagues rightly emphasize the clinical examination in separating inclusion
  body myositis from polymyositis. We add two observations from our own series of 38 patients. First,
  dysphagia was the presenting complaint in four patients, all of whom had been referred with a diagnosis of
  esophageal dysmotility. Second, sera from nine patients recognized a muscle protein of about 43 kDa on
  immunoblot, a reactivity that we did not find in polymyositis or in healthy controls. The identity of this
  antigen remains unknown.""",
  authors=[("Okafor", "Chidi", "lake"), ("Wendell", "Harriet", "lake")],
  pubtypes=["Comment", "Letter"],
  comments=[("CommentOn", "Muscle Pathol Q. 2001 May;15(2):112-24", B + 5)],
  mesh=["Deglutition Disorders/etiology", "Humans", "Myositis, Inclusion Body/diagnosis*",
        "Polymyositis/diagnosis"]),

R(7, year=2003, month=8, journal="PID", volume="9", issue="4", pages="250-8",
  title="Heliotrope rash, Gottron papules and calcinosis in juvenile dermatomyositis: a 20-year experience.",
  abstract="""We reviewed 64 children with juvenile dermatomyositis seen between 1982 and 2001. Median age at
  onset was 7 years. A heliotrope rash was present in 52 children and Gottron papules in 58; periungual
  capillary changes were nearly universal. Proximal muscle weakness was the presenting feature in 41, and
  dysphagia occurred in 9. Calcinosis developed in 19 children and was associated with a delay of more than
  four months before treatment. Children treated early with prednisolone and methotrexate had shorter
  disease courses than those treated with prednisolone alone. IVIG was used in 11 refractory cases and
  hydroxychloroquine for persistent skin disease. Early combined treatment may reduce the burden of
  calcinosis.""",
  authors=[("Nwachukwu", "Adaeze", "peds"), ("Kessler", "Dana", "peds"), ("Iverson", "Bo", "peds")],
  pubtypes=["Journal Article"],
  mesh=["Adolescent", "Child", "Child, Preschool", "Dermatomyositis/drug therapy*", "Female", "Humans",
        "Male", "Methotrexate/therapeutic use", "Prednisolone/therapeutic use", "Retrospective Studies"]),

R(8, year=2004, medline_date="2004 Jan-Feb", journal="ACR", volume="18", issue="1", pages="33-8",
  title="Myopathy in HIV infection: zidovudine toxicity or HIV-associated myositis?",
  abstract="""Muscle disease in people with HIV infection may result from the virus itself, from
  opportunistic infection or from antiretroviral drugs. We describe eleven patients seen over four years.
  Seven had received zidovudine for more than a year and presented with myalgia, proximal muscle weakness and
  a moderately raised creatine kinase; muscle biopsy showed ragged-red fibers and the symptoms improved within
  two months of stopping the drug. Four had never taken zidovudine and had an inflammatory myopathy with
  fever and weight loss, which responded to prednisone. One patient also had cutaneous Kaposi sarcoma (KS),
  and KS lesions regressed with antiretroviral therapy. Muscle biopsy is needed to separate the two
  mechanisms.""",
  authors=[("Tremblay", "Yves", "hiv"), ("Castillo", "Marisol", "hiv")],
  pubtypes=["Journal Article"],
  mesh=["Adult", "Anti-HIV Agents/adverse effects", "HIV Infections/complications*", "Humans", "Male",
        "Myositis/etiology*", "Sarcoma, Kaposi", "Zidovudine/adverse effects*"]),

R(9, year=2004, month=10, journal="ALT", volume="9", issue="5", pages="310-8",
  title="Muscle symptoms in patients taking statins: a cross-sectional study in general practice.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Statins are well tolerated in trials, but muscle complaints are reported
     more often in routine care."""),
    ("METHODS", "METHODS", """We surveyed 1,214 consecutive patients receiving a statin in 14 practices.
     Muscle symptoms were recorded with a structured questionnaire, and creatine kinase was measured in those
     reporting symptoms."""),
    ("RESULTS", "RESULTS", """Muscle symptoms were reported by 11.2% of patients: myalgia in 8.1%, muscle
     cramps in 4.4% and fatigue in 6.0%. Symptoms were more frequent with simvastatin 80 mg (Zocor) and
     atorvastatin 80 mg (Lipitor) than with lower doses, and with concomitant fibrate use. Creatine kinase
     exceeded ten times the upper limit of normal in only two patients. Seventeen patients had switched to
     ezetimibe because of symptoms."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Muscle complaints on statins are common in practice, dose-related and
     rarely accompanied by a marked rise in creatine kinase."""),
  ],
  authors=[("Draper", "Lonnie", "pine"), ("Vance", "Oliver", "pine"), ("Sato", "Emi", "pine")],
  pubtypes=["Journal Article", "Multicenter Study"],
  mesh=["Aged", "Creatine Kinase/blood", "Female", "Humans",
        "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects*", "Male", "Middle Aged",
        "Myalgia/chemically induced*", "Simvastatin/adverse effects"]),

R(10, year=2005, month=4, journal="JOO", volume="21", issue="2", pages="140-6",
  title="Tourniquet use and early recovery after total knee arthroplasty: a randomized comparison.",
  abstract="""We randomly assigned 160 patients undergoing primary total knee arthroplasty for osteoarthritis
  to surgery with or without a thigh tourniquet. The primary outcome was active knee flexion on the third
  postoperative day. Secondary outcomes were blood loss, operating time, length of stay and the Oxford Knee
  Score at six weeks. Knee flexion on day three was 78 degrees with a tourniquet and 84 degrees without
  (difference 6 degrees). Calculated blood loss was slightly lower with a tourniquet, but no transfusions
  were needed in either group. Length of stay and the Oxford Knee Score did not differ. Omitting the
  tourniquet gave a small early gain in motion without a clinically relevant increase in blood loss.""",
  copyright="© 2005 Society for Joint Replacement and Muscle Fatigue Research.",
  authors=[("Whitcombe", "Grant", "ortho"), ("Perez-Alba", "Luis", "ortho"), ("Nguyen", "Thao", "ortho")],
  pubtypes=["Journal Article", "Randomized Controlled Trial"],
  mesh=["Aged", "Arthroplasty, Replacement, Knee*", "Female", "Humans", "Male", "Middle Aged",
        "Osteoarthritis, Knee/surgery*", "Treatment Outcome"]),

R(11, year=2006, month=1, journal="CRL", volume="13", issue="1", pages="12-17",
  title="Adult dermatomyositis with anti-Mi-2 antibodies: skin, muscle and outcome.",
  abstract="""Anti-Mi-2 antibodies are found in a minority of adults with dermatomyositis. We compared 18
  anti-Mi-2-positive patients with 40 patients without the antibody. Patients with anti-Mi-2 more often had
  a florid heliotrope rash, Gottron papules and the shawl sign, and their creatine kinase at diagnosis was
  higher (median 5200 vs. 900 IU/L). Raynaud’s phenomenon and interstitial lung disease were uncommon in
  this group. Most responded well to prednisone alone or with azathioprine, and relapse after tapering was
  rare. No patient with anti-Mi-2 had cancer. Anti-Mi-2 identifies a form of dermatomyositis with classic
  skin disease and a favorable prognosis.""",
  authors=[("Moreau", "Céline", "lyon"), ("Barre", "Antoine", "lyon"), ("Guedj", "Nora", "lyon")],
  pubtypes=["Comparative Study", "Journal Article"],
  mesh=["Adult", "Autoantibodies/blood*", "Dermatomyositis/immunology*", "Female", "Humans", "Male",
        "Middle Aged", "Prognosis"]),

R(12, year=2007, month=9, journal="JMR", volume="19", issue="5", pages="377-86",
  title="Clinical course of myopathy with anti-signal recognition particle antibodies: a cohort study.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Antibodies against the signal recognition particle, most often directed at
     its SRP54 subunit, are associated with a necrotizing myopathy."""),
    ("METHODS", "METHODS", """We followed 27 patients with anti-SRP antibodies for a median of 6.5 years and
     recorded muscle strength, creatine kinase, treatment and complications."""),
    ("RESULTS", "RESULTS", """Onset was subacute in 21 patients. Neck flexor weakness was found in 19,
     dysphagia in 12 and muscle atrophy in 15 within the first year. Three patients had respiratory failure
     requiring ventilation, and two had cardiac involvement. All received glucocorticoids; 23 needed at least
     one additional agent, most often methotrexate or IVIG. Three refractory patients improved after
     rituximab. Persistent disability was more frequent when treatment started more than six months after
     onset."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Myopathy with anti-SRP antibodies is severe and often
     treatment-resistant; early combined immunotherapy is advisable."""),
  ],
  copyright="Copyright © 2007 Northfield Medical Press. All rights reserved.",
  authors=[("Marsh", "Peter J", "north"), ("Adeyemi", "Tolu", "north"), ("Kowalczyk", "Piotr", "north"),
           ("Halvorsen", "Ingrid", "kirk")],
  pubtypes=["Journal Article"],
  comments=[("ErratumIn", "J Myositis Res. 2022 Mar;34(2):150", B + 45)],
  mesh=["Adult", "Autoantibodies/blood*", "Cohort Studies", "Female", "Follow-Up Studies", "Humans",
        "Immunoglobulins, Intravenous/therapeutic use", "Male", "Middle Aged",
        "Myositis/drug therapy", "Myositis/immunology*", "Rituximab/therapeutic use"]),

R(13, year=2008, month=11, journal="CRL", volume="15", issue="6", pages="401-8",
  title="Antisynthetase syndrome with anti-PL-7 or anti-PL-12 antibodies: lung disease comes first.",
  abstract="""Anti-PL-7 (threonyl-tRNA synthetase) and anti-PL-12 (alanyl-tRNA synthetase) antibodies are
  less common than anti-Jo-1. We describe 14 patients, 8 with anti-PL-12 and 6 with anti-PL-7. Interstitial
  lung disease was the first manifestation in 11 and was often diagnosed before any muscle involvement;
  myositis, when present, was mild. Fever, arthralgia and mechanic's hands were frequent. Six patients
  required cyclophosphamide for progressive lung disease, and four received tacrolimus as maintenance. Two
  patients with anti-PL-12 died of respiratory causes. Pulmonologists should request a complete
  antisynthetase panel in unexplained interstitial lung disease.""",
  authors=[("Tanabe", "Haruki", "saku"), ("Moriyama", "Aya", "saku"), ("Ishida", "Ken", "saku")],
  pubtypes=["Case Reports", "Journal Article"],
  mesh=["Adult", "Aged", "Autoantibodies/blood*", "Cyclophosphamide/therapeutic use", "Female", "Humans",
        "Lung Diseases, Interstitial/immunology*", "Male", "Middle Aged", "Myositis/immunology*",
        "Tacrolimus/therapeutic use"]),

R(14, year=2009, month=7, journal="NCR", volume="3", issue="7", pages="e88",
  pubmodel="Electronic", pubstatus="epublish",
  title="Colchicine neuromyopathy and rhabdomyolysis in a kidney transplant recipient taking simvastatin.",
  abstract="""A 58-year-old kidney transplant recipient maintained on ciclosporin and simvastatin 40 mg was
  given colchicine for acute gout. Eight days later he noticed difficulty walking, myalgia and dark urine.
  Creatine kinase was 46,000 IU/L and myoglobinuria was present; nerve conduction studies showed a mild
  axonal neuropathy. Rhabdomyolysis resolved after colchicine and simvastatin were withdrawn and fluids were
  given, but graft function took six weeks to recover. Ciclosporin inhibits CYP3A4 and P-glycoprotein and
  increases exposure to both colchicine and simvastatin. A lower statin dose or a non-interacting statin such
  as fluvastatin should be preferred in this setting.""",
  authors=[("Kowalczyk", "Piotr", "north"), ("Abara", "Ngozi", "north")],
  pubtypes=["Case Reports"],
  mesh=["Colchicine/adverse effects*", "Cyclosporine/adverse effects", "Humans", "Male", "Middle Aged",
        "Rhabdomyolysis/chemically induced*", "Simvastatin/adverse effects*"]),

R(15, year=2010, season="Fall", journal="ALT", volume="15", issue="3", pages="201-4",
  title="Myopathy associated with red yeast rice: a case and review of reported cases.",
  abstract="""Red yeast rice contains monacolin K, which is chemically identical to lovastatin, in amounts that
  vary widely between products. A 52-year-old woman who had stopped a prescribed statin because of
  myalgia started a red yeast rice supplement on the advice of a friend. After two months she had myalgia,
  difficulty lifting her arms and a creatine kinase of 2900 IU/L, which normalized four weeks after the
  supplement was stopped. We found 21 similar reports in the literature. Patients who are intolerant of
  statins should be told that such supplements carry the same risk.""",
  authors=[("Vance", "Oliver", "pine"), ("Sato", "Emi", "pine")],
  pubtypes=["Case Reports", "Journal Article", "Review"],
  mesh=["Female", "Humans", "Middle Aged", "Muscular Diseases/chemically induced*", "Myalgia/chemically induced"]),

R(16, year=2010, month=3, journal="JMR", volume="22", issue="2", pages="95-104",
  title="Autoantibodies against a 200/100-kDa protein complex in necrotizing myopathy after statin exposure.",
  abstract="""We studied 26 patients with a necrotizing myopathy and little or no inflammation on biopsy. Sera
  from 16 of them immunoprecipitated a pair of proteins of about 200 and 100 kDa (anti-200/100). Of the
  anti-200/100-positive patients, 63% had taken statins before onset, compared with 15% of age-matched
  patients with other myopathies. All had proximal muscle weakness and an elevated creatine kinase (mean
  10,400 IU/L), and biopsy showed upregulation of MHC class I on non-necrotic fibers. Weakness continued to
  progress after the statin was stopped, and most patients required prednisone combined with methotrexate or
  IVIG. Anti-200/100 antibodies define an autoimmune myopathy that can be triggered by statins.""",
  authors=[("Wendell", "Harriet", "lake"), ("Okafor", "Chidi", "lake"), ("Greaves", "Thomas", "lake")],
  pubtypes=["Journal Article"],
  mesh=["Aged", "Autoantibodies/blood*", "Female", "Humans",
        "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects*", "Male", "Middle Aged",
        "Muscular Diseases/immunology*", "Necrosis"]),

R(17, year=2011, month=5, journal="JMR", volume="23", issue="3", pages="180-91",
  title="""Anti-3-hydroxy-3-methylglutaryl-coenzyme A reductase autoantibodies in necrotizing myopathy:
  target identification and an ELISA.""",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Patients with a statin-associated necrotizing myopathy have antibodies that
     recognize proteins of about 200 and 100 kDa. We sought the autoantigen."""),
    ("METHODS", "METHODS", """Candidate antigens were expressed in vitro and tested by immunoprecipitation.
     An ELISA using purified HMG-CoA reductase was developed and applied to 750 sera from patients with
     myopathies and controls."""),
    ("RESULTS", "RESULTS", """The 100-kDa protein was 3-hydroxy-3-methylglutaryl-coenzyme A reductase (HMGCR),
     the pharmacological target of statins. Anti-HMG-CoA reductase antibodies were found in 45 patients with
     necrotizing myopathy and in none of the healthy controls; 3 of 1,966 statin users without muscle disease
     had low titers. Titers correlated with creatine kinase and with strength. Statin exposure increased HMGCR
     expression in regenerating fibers."""),
    ("CONCLUSIONS", "CONCLUSIONS", """HMGCR is the autoantigen of statin-associated autoimmune myopathy, and
     anti-HMGCR testing distinguishes it from self-limited statin myotoxicity."""),
  ],
  authors=[("Greaves", "Thomas", "lake"), ("Wendell", "Harriet", "lake"), ("Ruiz", "Alma", "lake")],
  pubtypes=["Journal Article", "Research Support, Non-U.S. Gov't"],
  mesh=["Autoantibodies/blood*", "Humans", "Hydroxymethylglutaryl CoA Reductases/immunology*",
        "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects", "Muscular Diseases/immunology*"]),

R(18, year=2011, month=9, journal="DZM", volume="58", issue="9", pages="612-6", lang="ger",
  title="[Statin-associated necrotizing myopathy in an elderly woman with swallowing difficulty: case report].",
  vernacular="""Statin-assoziierte nekrotisierende Myopathie bei einer älteren Patientin mit Schluckstörungen:
  Fallbericht.""",
  abstract="""A 76-year-old woman presented with proximal muscle weakness and dysphagia eight months after
  starting atorvastatin. Creatine kinase was 7400 U/L and anti-HMGCR antibodies were strongly positive.
  Muscle biopsy showed scattered necrotic fibers without inflammatory infiltrates. Weakness progressed after
  atorvastatin was stopped and improved only after prednisolone and IVIG were combined. Swallowing returned
  to normal after four months. Dysphagia can dominate the presentation of statin-associated autoimmune
  myopathy in older patients.""",
  authors=[("Schäfer", "Lukas", "rhein"), ("Großmann", "Jörg", "rhein"), ("Öztürk", "Ayşe", "rhein")],
  pubtypes=["Case Reports", "English Abstract", "Journal Article"],
  mesh=["Aged", "Atorvastatin/adverse effects*", "Autoantibodies/blood",
        "Deglutition Disorders/etiology*", "Female", "Humans", "Muscular Diseases/chemically induced*"]),

R(19, year=2012, month=2, journal="RFM", volume="4", issue="1", pages="22-8", lang="fre",
  title="",
  vernacular="""Myosite de chevauchement avec anticorps anti-PM/Scl et anti-Ku au cours de la sclérodermie
  systémique : à propos de trois cas.""",
  abstract="""Three women with limited systemic sclerosis developed proximal weakness and a raised creatine
  kinase. All had Raynaud phenomenon and a speckled ANA; two had anti-PM/Scl antibodies and one had anti-Ku.
  Biopsies showed perifascicular necrosis in one patient and nonspecific myositis in the other two.
  Methotrexate allowed the prednisone dose to be reduced in all three. Overlap myositis should be looked for
  in systemic sclerosis when muscle enzymes rise.""",
  authors=[("Guedj", "Nora", "lyon"), ("Moreau", "Céline", "lyon")],
  pubtypes=["Case Reports", "English Abstract", "Journal Article"],
  mesh=["Antibodies, Antinuclear/blood", "Autoantibodies/blood*", "Female", "Humans", "Middle Aged",
        "Myositis/immunology*", "Raynaud Disease"]),

R(20, year=2012, month=6, journal="NJM", volume="25", issue="2", pages="140-1", status="PubMed-not-MEDLINE",
  title="Report of the ninth Kirkhaven neuromuscular workshop.",
  abstract=None,
  authors=[("Ekholm", "Tor", "kirk")],
  pubtypes=["Congresses"]),

R(21, year=2012, month=10, journal="JMR", volume="24", issue="5", pages="330-7",
  title="Statin-naïve patients with anti–HMGCR myopathy: a limb-girdle dystrophy mimic.",
  abstract="""Anti-HMG-CoA reductase antibodies are also found in patients who have never taken a statin.
  Among 54 anti-HMGCR-positive patients, 17 were statin-naïve. They were younger (median age 34 vs. 61
  years), and 9 had a slowly progressive limb-girdle weakness over several years that had been attributed to
  a muscular dystrophy; in 4 of these, an asymptomatic hyperCKemia had been noted in childhood. Statin-naïve
  patients responded less well to glucocorticoids and more often needed IVIG. Anti-HMGCR testing should be
  part of the evaluation of any suspected limb-girdle muscular dystrophy without a genetic diagnosis.""",
  authors=[("Ruiz", "Alma", "lake"), ("Greaves", "Thomas", "lake")],
  pubtypes=["Journal Article"],
  mesh=["Adolescent", "Adult", "Autoantibodies/blood*", "Female", "Humans",
        "Hydroxymethylglutaryl CoA Reductases/immunology*", "Male", "Young Adult"]),

R(22, year=2013, month=4, journal="LTJ", volume="8", issue="4", pages="255-63",
  title="""Rapidly progressive interstitial lung disease in anti-MDA5-positive clinically amyopathic
  dermatomyositis.""",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Antibodies to melanoma differentiation-associated gene 5 (MDA5) are
     associated with dermatomyositis with little or no muscle involvement and with rapidly progressive
     interstitial lung disease."""),
    ("METHODS", "METHODS", """Retrospective study of 48 consecutive patients with anti-MDA5 antibodies seen in
     one respiratory center."""),
    ("RESULTS", "RESULTS", """Skin ulceration, palmar papules and arthralgia were common; creatine kinase was
     normal in 31 patients. Fever and dyspnea were present at admission in 35. Twenty-two patients developed
     rapidly progressive interstitial lung disease, and 13 of them died within six months despite combined
     glucocorticoids, tacrolimus and intravenous cyclophosphamide. Plasma exchange was used as rescue therapy
     in six patients, three of whom survived. A ferritin above 1000 ng/mL predicted death."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Anti-MDA5 dermatomyositis carries a high early mortality from lung
     disease; intensive combined immunosuppression should begin at diagnosis."""),
  ],
  authors=[("Zhou", "Lan", "lung"), ("Chen", "Wei", "lung"), ("Liu", "Xiaoming", "lung")],
  pubtypes=["Journal Article"],
  mesh=["Adult", "Autoantibodies/blood*", "Dermatomyositis/complications*", "Female", "Humans",
        "Lung Diseases, Interstitial/etiology*", "Male", "Middle Aged", "Plasmapheresis",
        "Retrospective Studies"]),

R(23, year=2013, month=7, journal="JMR", volume="25", issue="4", pages="260-9",
  title="Anti-TIF1-&#x3b3; and anti-NXP2 antibodies and the risk of cancer in adult dermatomyositis.",
  abstract=[
    ("OBJECTIVE", "OBJECTIVE", """To measure the association of dermatomyositis autoantibodies with cancer
     diagnosed within three years of myositis onset."""),
    ("METHODS", "METHODS", """Sera from 236 adults with dermatomyositis were tested for anti‐TIF1‐γ, anti-NXP2,
     anti-MDA5, anti-SAE and anti-Mi-2 antibodies by immunoprecipitation and line blot."""),
    ("RESULTS", "RESULTS", """Cancer was found in 41 patients. Anti-TIF1-gamma antibodies were present in 29% of
     patients with cancer and 9% of those without (
     <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>p</mml:mi><mml:mo>&lt;</mml:mo><mml:mn>0.05</mml:mn></mml:math>
     ), and anti-NXP2 in 17% and 8%, respectively. Patients with either antibody more often had dysphagia and a
     heliotrope rash. No cancer occurred in patients with anti-MDA5 or anti-SAE antibodies."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Adults with anti-TIF1-γ or anti-NXP2 antibodies should undergo an
     intensive search for malignancy."""),
  ],
  authors=[("Fitzgerald", "Aoife", "north"), ("Marsh", "Peter J", "north"), ("Adeyemi", "Tolu", "north")],
  pubtypes=["Journal Article"],
  mesh=["Adult", "Aged", "Autoantibodies/blood*", "Dermatomyositis/complications*",
        "Dermatomyositis/immunology", "Female", "Humans", "Male", "Middle Aged", "Neoplasms/epidemiology*"]),

R(24, year=2014, month=2, journal="NCR", volume="8", issue="2", pages="e41",
  pubmodel="Electronic", pubstatus="epublish",
  title="Refractory anti-HMGCR myopathy responding to rituximab.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Anti-HMGCR myopathy usually responds to glucocorticoids combined with IVIG
     or methotrexate, but some patients remain weak."""),
    ("CASE PRESENTATION", "UNASSIGNED", """A 64-year-old woman had been taking rosuvastatin 20 mg daily for
     three years when she developed difficulty climbing stairs and difficulty rising from a chair. Creatine
     kinase was 11,800 IU/L and anti-HMGCR antibodies were positive. Despite prednisone, methotrexate and
     monthly IVIG for nine months she could not stand from a low chair. Two infusions of rituximab 1 g were
     followed by a gradual fall in creatine kinase and recovery of hip flexor strength over six months."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Rituximab's B-cell depletion may help refractory anti-HMGCR myopathy,
     although its effect takes months to appear."""),
  ],
  authors=[("Adeyemi", "Tolu", "north"), ("Brennan", "Siobhán", "north")],
  pubtypes=["Case Reports"],
  mesh=["Aged", "Autoantibodies/blood", "Female", "Humans", "Muscular Diseases/drug therapy*",
        "Rituximab/therapeutic use*"]),

R(25, year=2014, month=8, journal="MPQ", volume="28", issue="4", pages="301-9",
  title="Membrane attack complex and CD<sub>8</sub><sup>+</sup> T cells in anti-<i>HMGCR</i> myopathy.",
  abstract="""We compared muscle biopsies from 22 patients with anti-<i>HMGCR</i> myopathy, 15 with anti-SRP
  myopathy and 12 with dermatomyositis. Deposition of the membrane attack complex (C5b-9) on the sarcolemma
  of <b>non-necrotic</b> fibers was found in 17 anti-HMGCR biopsies and 10 anti-SRP biopsies. Endomysial
  CD<sub>8</sub><sup>+</sup> T cells were scarce (median 3 per mm<sup>2</sup>) and macrophages predominated
  around necrotic fibers. The density of C5b-9-positive fibers correlated with creatine kinase
  (r<sub>s</sub> = 0.61). These findings support an antibody- and complement-mediated mechanism and
  provide a <u>rationale</u> for trials of complement inhibitors such as eculizumab.""",
  authors=[("Rinaldi", "Giulia", "valm"), ("Ferreira", "João", "valm"), ("Conti", "Marco", "valm")],
  pubtypes=["Comparative Study", "Journal Article"],
  mesh=["Biopsy", "Humans", "Muscle, Skeletal/immunology*", "Muscle, Skeletal/pathology",
        "Muscular Diseases/pathology*", "Necrosis"]),

R(26, year=2015, month=3, journal="PID", volume="21", issue="2", pages="88-95",
  title="Necrotizing myopathy in children: anti-SRP and anti-HMGCR cases mistaken for muscular dystrophy.",
  abstract="""We describe nine children, aged 4 to 15 years, with immune-mediated necrotizing myopathy: five
  with anti-SRP and four with anti-HMGCR antibodies. Six had been diagnosed with a muscular dystrophy because
  of slowly progressive weakness, calf hypertrophy or muscle atrophy, and a creatine kinase above 5000 IU/L.
  Muscle MRI showed diffuse edema of the thigh muscles (Fig. 2), which is unusual in dystrophies. Seven
  children improved with IVIG, given alone in three and combined with prednisolone in four. A trial of
  immunotherapy is warranted in any child with a presumed dystrophy and muscle edema on MRI.""",
  authors=[("Kessler", "Dana", "peds"), ("Nwachukwu", "Adaeze", "peds")],
  pubtypes=["Case Reports", "Journal Article"],
  mesh=["Adolescent", "Autoantibodies/blood*", "Child", "Child, Preschool", "Female", "Humans",
        "Immunoglobulins, Intravenous/therapeutic use", "Magnetic Resonance Imaging", "Male",
        "Muscular Diseases/diagnosis*"]),

R(27, year=2015, month=11, journal="JMR", volume="27", issue="6", pages="401-20",
  title="Immune-mediated necrotizing myopathy: a clinical review.",
  abstract="""Immune-mediated necrotizing myopathy (IMNM) is characterized by proximal muscle weakness, a high
  creatine kinase and a biopsy in which necrotic fibers predominate over inflammation. Two autoantibodies
  define most cases, i.e. anti-SRP and anti-HMGCR, and roughly a fifth of patients are seronegative. In the
  cohort reported by Meyer et al. two-thirds of anti-HMGCR-positive adults had taken statins, whereas statin
  exposure was rare in anti-SRP myopathy. Extramuscular features are uncommon, e.g. mild interstitial lung
  disease or dysphagia, and cancer is over-represented in seronegative patients. As J. Smith noted in an
  early series, weakness may progress after the statin is stopped, which distinguishes IMNM from toxic
  statin myopathy. Most experts start glucocorticoids together with a steroid-sparing agent (methotrexate,
  azathioprine or mycophenolate) and add IVIG early in anti-HMGCR disease; rituximab is favored in
  refractory anti-SRP disease. Patients who still require lipid lowering can be treated with PCSK9
  inhibitors such as evolocumab or alirocumab; relapse after statin rechallenge vs. PCSK9 inhibition has not
  been compared formally. Cerivastatin, withdrawn in 2001, illustrates the distinct problem of dose-dependent
  statin toxicity.""",
  authors=[("Wendell", "Harriet", "lake"), ("Greaves", "Thomas", "lake")],
  pubtypes=["Journal Article", "Review"],
  refs=[("""Wendell H, Okafor C, Greaves T. Autoantibodies against a 200/100-kDa protein complex in necrotizing
          myopathy after statin exposure. J Myositis Res. 2010;22(2):95-104.""", B + 16),
        ("""Greaves T, Wendell H, Ruiz A. Anti-3-hydroxy-3-methylglutaryl-coenzyme A reductase autoantibodies in
          necrotizing myopathy. J Myositis Res. 2011;23(3):180-91.""", B + 17),
        ("""Marsh PJ, Adeyemi T, Kowalczyk P, Halvorsen I. Clinical course of myopathy with anti-signal
          recognition particle antibodies. J Myositis Res. 2007;19(5):377-86.""", B + 12),
        ("""Smith J. Progressive necrotizing myopathy after statin withdrawal: six cases. Unpublished
          proceedings; 2004.""", None)],
  mesh=["Autoantibodies/blood", "Humans", "Immunosuppressive Agents/therapeutic use",
        "Muscular Diseases/diagnosis*", "Muscular Diseases/drug therapy*", "Necrosis"]),

R(28, year=2016, month=6, journal="ALT", volume="21", issue="3", pages="170-5",
  title="PCSK9 inhibitors for hypercholesterolemia in patients with anti-HMGCR myopathy.",
  abstract="""Patients with anti-HMGCR myopathy often have cardiovascular disease but cannot be re-exposed to
  statins. We reviewed 14 patients with anti-HMGCR myopathy in remission who were treated with a PCSK9
  inhibitor for a median of 14 months: evolocumab in 11 and alirocumab in 3. LDL cholesterol fell by a median
  of 58%. No patient had a relapse of weakness or a rise in creatine kinase. Ezetimibe had been added
  beforehand in 9 patients and was continued. PCSK9 inhibitors appear safe for lipid lowering in this
  population.""",
  authors=[("Vance", "Oliver", "pine"), ("Ruiz", "Alma", "lake"), ("Draper", "Lonnie", "pine")],
  pubtypes=["Journal Article"],
  mesh=["Aged", "Autoantibodies/blood", "Ezetimibe/therapeutic use", "Female", "Humans",
        "Hypercholesterolemia/drug therapy*", "Male", "Middle Aged", "Muscular Diseases/immunology*"]),

R(29, year=2016, month=12, journal="IOC", volume="2", issue="4", pages="e17",
  pubmodel="Electronic", pubstatus="epublish",
  title="Myositis and myocarditis after combined ipilimumab and nivolumab: a case series.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Immune checkpoint inhibitors can cause an acute inflammatory myopathy that
     overlaps with myocarditis and myasthenia gravis."""),
    ("METHODS", "METHODS", """We describe five patients with melanoma or lung cancer treated with ipilimumab
     plus nivolumab (three patients) or pembrolizumab alone (two patients)."""),
    ("RESULTS", "RESULTS", """Symptoms began a median of 24 days after the first dose, with ptosis, neck flexor
     weakness, myalgia and dysphagia. Troponin and creatine kinase were raised in all; four had myocarditis.
     Two developed respiratory failure. All received intravenous methylprednisolone; plasma exchange was used
     in three and abatacept in one patient with refractory myocarditis. Two patients died."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Checkpoint inhibitor myositis is often fulminant; cardiac and respiratory
     monitoring is mandatory."""),
  ],
  authors=[("Baumann", "Reto", "onco"), ("Keller", "Anja", "onco"), ("Rossi", "Paolo", "onco")],
  pubtypes=["Case Reports"],
  mesh=["Aged", "Humans", "Immune Checkpoint Inhibitors/adverse effects*", "Male",
        "Methylprednisolone/therapeutic use", "Myocarditis/chemically induced*", "Myositis/chemically induced*",
        "Plasmapheresis"]),

R(30, year=2017, month=1, journal="CRL", volume="24", issue="1", pages="30-6",
  title="The rare antisynthetase antibodies: anti-OJ, anti-KS, anti-Zo and anti-Ha.",
  abstract="""Besides anti-Jo-1, anti-PL-7, anti-PL-12 and anti-EJ, four antisynthetase antibodies are found in
  fewer than 1% of patients with myositis: anti-OJ (isoleucyl-tRNA synthetase), anti-KS (asparaginyl-tRNA
  synthetase), anti-Zo (phenylalanyl-tRNA synthetase) and anti-Ha (tyrosyl-tRNA synthetase). We describe 12
  patients identified by immunoprecipitation in a national reference laboratory: 5 with anti-OJ, 4 with
  anti-KS, 2 with anti-Zo and 1 with anti-Ha. Interstitial lung disease was present in 10, and patients with
  anti-KS often had lung disease without myositis. Commercial line blots detected anti-OJ in only two of the
  five cases. Rare antisynthetase antibodies should be sought when the clinical picture suggests the
  syndrome and routine tests are negative.""",
  authors=[("Ha", "Min-jun", "seoul"), ("Park", "Soo-ah", "seoul"), ("Lim", "Jae-won", "seoul")],
  pubtypes=["Journal Article"],
  mesh=["Autoantibodies/blood*", "Humans", "Lung Diseases, Interstitial/immunology", "Myositis/immunology*"]),

R(31, year=2017, month=5, journal="IOC", volume="3", issue="2", pages="e9",
  pubmodel="Electronic", pubstatus="epublish",
  title="Necrotizing myopathy with neck swelling after cetuximab for head and neck cancer.",
  abstract="""A 61-year-old man receiving cetuximab and radiotherapy for oropharyngeal carcinoma developed neck
  swelling, dysphagia and proximal muscle weakness after the fourth cycle. MRI showed muscle swelling with
  diffuse edema of the sternocleidomastoid and paraspinal muscles, and creatine kinase was 8300 IU/L. Tests
  for anti-HMGCR and anti-SRP antibodies were negative. Biopsy showed a necrotizing myopathy with
  MHC class I upregulation. Cetuximab was stopped and dexamethasone followed by oral prednisone led to
  recovery within three months. Necrotizing myopathy may be an immune-related adverse event of EGFR
  antibodies.""",
  authors=[("Rossi", "Paolo", "onco"), ("Baumann", "Reto", "onco")],
  pubtypes=["Case Reports"],
  mesh=["Aged", "Cetuximab/adverse effects*", "Humans", "Male", "Muscular Diseases/chemically induced*",
        "Necrosis"]),

R(32, year=2018, month=3, journal="JMR", volume="30", issue="2", pages="120-8",
  title="Anti-HMGCR myopathy in a Korean cohort: lower statin exposure and frequent dysphagia.",
  abstract="""We identified 38 patients with anti-HMGCR myopathy in two Korean centers. Only 45% had taken a
  statin, most commonly rosuvastatin or pitavastatin, a lower proportion than in Western cohorts. Dysphagia
  was present in 13 patients and was associated with older age. Median creatine kinase at diagnosis was
  6900 IU/L. Patients who received IVIG within three months of onset regained full strength more often than
  those treated later. Ethnic differences in statin prescribing and in HLA background may explain the lower
  rate of statin exposure.""",
  authors=[("Park", "Soo-ah", "seoul"), ("Lim", "Jae-won", "seoul"), ("Ha", "Min-jun", "seoul")],
  pubtypes=["Journal Article", "Multicenter Study"],
  mesh=["Aged", "Autoantibodies/blood*", "Deglutition Disorders/etiology", "Female", "Humans", "Male",
        "Middle Aged", "Muscular Diseases/immunology*", "Retrospective Studies"]),

# 90000033: duplicate citation of 90000032 (same paper loaded twice); deleted by the update file.
R(33, year=2018, month=3, journal="JMR", volume="30", issue="2", pages="120-8",
  title="Anti-HMGCR myopathy in a Korean cohort: lower statin exposure and frequent dysphagia.",
  abstract="""We identified 38 patients with anti-HMGCR myopathy in two Korean centers. Only 45% had taken a
  statin, most commonly rosuvastatin or pitavastatin, a lower proportion than in Western cohorts. Dysphagia
  was present in 13 patients and was associated with older age. Median creatine kinase at diagnosis was
  6900 IU/L. Patients who received IVIG within three months of onset regained full strength more often than
  those treated later. Ethnic differences in statin prescribing and in HLA background may explain the lower
  rate of statin exposure.""",
  authors=[("Park", "Soo-ah", "seoul"), ("Lim", "Jae-won", "seoul"), ("Ha", "Min-jun", "seoul")],
  pubtypes=["Journal Article", "Multicenter Study"], status="In-Data-Review"),

R(34, year=2018, month=6, journal="ODJ", volume="44", issue="3", pages="199-204",
  title="Nystatin suspension versus miconazole gel for denture-related oral candidiasis.",
  abstract="""Denture stomatitis is a frequent problem in elderly denture wearers. We randomly assigned 120
  patients with clinical and culture-confirmed oral candidiasis to nystatin suspension 100,000 units four
  times daily or miconazole oral gel for two weeks, together with denture hygiene instruction. Clinical cure
  at two weeks was achieved in 68% with nystatin and 79% with miconazole, and mycological cure in 52% and 64%,
  respectively. Recurrence at three months was common in both groups and was linked to nocturnal denture
  wear. Both agents are effective; denture hygiene is essential to prevent recurrence.""",
  authors=[("Fujimoto", "Takeshi", "dent"), ("Arai", "Yuko", "dent")],
  pubtypes=["Journal Article", "Randomized Controlled Trial"],
  mesh=["Aged", "Antifungal Agents/therapeutic use*", "Candidiasis, Oral/drug therapy*", "Female", "Humans",
        "Male", "Nystatin/therapeutic use*"]),

R(35, year=2018, month=9, journal="EMR", volume="12", issue="3", pages="77-84",
  title="Long-acting somatostatin analogues in acromegaly: joint symptoms and quality of life.",
  abstract="""Joint disease is a major cause of disability in acromegaly. We assessed 86 patients treated with
  long-acting somatostatin analogues (octreotide or lanreotide) for at least two years. Arthralgia was
  reported by 61% of patients and was more common in those whose IGF-1 had never normalized. Fatigue was
  reported by 44% and correlated with poorer quality-of-life scores. Biochemical control with the somatostatin
  analogue was associated with less arthralgia but did not reverse established joint damage. Early
  biochemical control may prevent irreversible arthropathy.""",
  authors=[("Conti", "Marco", "endo"), ("Bellini", "Sara", "endo")],
  pubtypes=["Journal Article"],
  mesh=["Acromegaly/drug therapy*", "Adult", "Female", "Humans", "Male", "Middle Aged",
        "Octreotide/therapeutic use", "Somatostatin"]),

R(36, year=2019, month=2, journal="DCP", volume="31", issue="1", pages="15-19",
  title="Topical econazole (Ecostatin) for interdigital tinea pedis in long-term care residents.",
  abstract="""Interdigital tinea pedis is common among residents of long-term care facilities and is often
  untreated. In an open study, 48 residents with culture-confirmed infection applied econazole nitrate 1%
  cream (Ecostatin) twice daily for four weeks. Mycological cure was achieved in 36 residents (75%). Mild
  local irritation occurred in three. Staff education about drying between the toes reduced recurrence at
  three months. Topical econazole is a simple and effective treatment in this setting.""",
  authors=[("Leblanc", "Martine", "derm"), ("Okonkwo", "Ifeoma", "derm")],
  pubtypes=["Journal Article"],
  mesh=["Aged", "Aged, 80 and over", "Antifungal Agents/therapeutic use*", "Econazole/therapeutic use*",
        "Female", "Humans", "Male"]),

R(37, year=2019, month=5, journal="NCR", volume="13", issue="5", pages="e62",
  pubmodel="Electronic", pubstatus="epublish",
  title="Subcutaneous immunoglobulin maintenance after induction in anti-HMGCR myopathy.",
  abstract=[
    ("CASE PRESENTATION", "UNASSIGNED", """E.J., a 58-year-old retired teacher, had taken Crestor 10 mg daily for
     four years when he noticed thigh weakness and difficulty getting out of the bath. Creatine kinase was
     14,200 IU/L and anti-HMGCR antibodies were strongly positive. He received i.v. methylprednisolone 500 mg
     daily for three days, then oral prednisone with azathioprine 2.5 mg/kg per day, and IVIG 2 g/kg monthly
     for six months. Because of venous access problems, IVIG was then replaced by SCIG 0.4 g/kg per week
     infused at home. Strength remained normal and creatine kinase stayed below 500 IU/L over 18 months of
     SCIG."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Home SCIG can maintain a remission induced with IVIG in anti-HMGCR
     myopathy."""),
  ],
  authors=[("Brennan", "Siobhán", "north"), ("Fitzgerald", "Aoife", "north")],
  pubtypes=["Case Reports"],
  mesh=["Autoantibodies/blood", "Azathioprine/therapeutic use", "Humans", "Male", "Middle Aged",
        "Muscular Diseases/drug therapy*"]),

R(38, year=2019, month=10, journal="JMR", volume="31", issue="5", pages="344-52",
  title="Subcutaneous versus intravenous immunoglobulin in inflammatory myopathies: a retrospective comparison.",
  abstract=[
    ("OBJECTIVE", "OBJECTIVE", """To compare disease control and adverse events with SCIG and IVIg maintenance
     in idiopathic inflammatory myopathies."""),
    ("METHODS", "METHODS", """Adults with dermatomyositis, antisynthetase syndrome or immune-mediated
     necrotizing myopathy who received at least six months of immunoglobulin maintenance were included.
     Patients who had received ≥2 g/kg IVIg during induction were eligible for either route."""),
    ("RESULTS", "RESULTS", """Sixty-two patients received IVIg and 31 SCIG. Manual muscle testing scores were
     stable with both (mean change −1.2 ± 4.0 vs. −0.8 ± 3.6 points). Headache and thrombotic events were less
     frequent with SCIG, whereas local infusion-site reactions occurred in 40% of SCIG users. Patient
     satisfaction was higher with SCIG."""),
    ("CONCLUSIONS", "CONCLUSIONS", """SCIG is a reasonable maintenance option after IVIg induction."""),
  ],
  authors=[("Fitzgerald", "Aoife", "north"), ("Kowalczyk", "Piotr", "north"), ("Marsh", "Peter J", "north")],
  pubtypes=["Comparative Study", "Journal Article"],
  mesh=["Adult", "Female", "Humans", "Immunoglobulins, Intravenous/therapeutic use*", "Male", "Middle Aged",
        "Myositis/drug therapy*", "Retrospective Studies"]),

R(39, year=2020, month=1, journal="ALT", volume="25", issue="1", pages="1-9",
  title="Fibrate-associated myopathy with and without concomitant statin therapy.",
  abstract="""Fibrates can cause myopathy on their own and increase the risk of statin myopathy. In a
  pharmacovigilance database we found 312 reports of muscle events with fibrates. Gemfibrozil was implicated
  in 141 reports and fenofibrate in 171; a statin was co-prescribed in 58% of gemfibrozil and 29% of
  fenofibrate reports. Rhabdomyolysis was reported in 22% of gemfibrozil reports with a statin and in 6% of
  fenofibrate reports without one. Among statins, pravastatin and fluvastatin were least often involved in
  combination events. Fenofibrate is preferred when a fibrate must be combined with a statin, and ezetimibe
  is an alternative for LDL lowering.""",
  authors=[("Sato", "Emi", "pine"), ("Vance", "Oliver", "pine")],
  pubtypes=["Journal Article"],
  mesh=["Fenofibrate/adverse effects*", "Gemfibrozil/adverse effects*", "Humans",
        "Muscular Diseases/chemically induced*", "Rhabdomyolysis/chemically induced"]),

dict(kind="book", pmid=B + 40, accession="NBK990040", book="myoreviews", part="iim",
     publisher="Northfield University Press", location="Northfield (UK)",
     book_title="MyoReviews<sup>®</sup>", year=2020, revised=(2024, 11, 14),
     title="Idiopathic Inflammatory Myopathies Overview",
     editors=[("Marsh", "Peter J", None), ("Wendell", "Harriet", None)],
     authors=[("Lindqvist", "Maren", "kirk"), ("Greaves", "Thomas", "lake")],
     abstract=[
       ("CLINICAL CHARACTERISTICS", None, """The idiopathic inflammatory myopathies (myositis) comprise
        dermatomyositis, antisynthetase syndrome, immune-mediated necrotizing myopathy, inclusion body
        myositis and overlap myositis. Most forms cause subacute symmetric proximal muscle weakness with
        elevated creatine kinase; inclusion body myositis causes slowly progressive weakness of the quadriceps
        and finger flexors with dysphagia. Skin signs (heliotrope rash, Gottron papules), interstitial lung
        disease, arthritis and Raynaud phenomenon occur in defined serological subgroups."""),
       ("DIAGNOSIS/TESTING", None, """Diagnosis relies on clinical examination, creatine kinase,
        myositis-specific autoantibodies (anti-Jo-1 and other antisynthetase antibodies, anti-Mi-2,
        anti-MDA5, anti-TIF1-γ, anti-NXP2, anti-SAE, anti-SRP, anti-HMGCR), myositis-associated
        autoantibodies (anti-Ro52, anti-PM/Scl, anti-Ku, anti-U1-RNP), muscle MRI and muscle biopsy.
        Hereditary myopathies, including limb-girdle muscular dystrophies, are the main differential
        diagnoses of seronegative necrotizing myopathy."""),
       ("MANAGEMENT", None, """Glucocorticoids remain first-line therapy, usually combined with methotrexate,
        azathioprine or mycophenolate. IVIG is effective in dermatomyositis and necrotizing myopathy, and
        rituximab is used in refractory disease. Exercise and swallowing therapy are part of care. Cancer
        screening is indicated in dermatomyositis and in seronegative necrotizing myopathy."""),
     ],
     copyright="Copyright © 2020-2024, Northfield University Press.",
     sections=[("iim.Summary", "Summary"), ("iim.Clinical_Characteristics", "Clinical Characteristics"),
               ("iim.Diagnosis", "Diagnosis"), ("iim.Management", "Management")]),

R(41, year=2020, month=8, journal="JMR", volume="32", issue="4", pages="260-71", indexing="Automated",
  title="Zilucoplan in immune-mediated necrotizing myopathy: a phase 2 randomized placebo-controlled trial.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Complement deposition on muscle fibers is a feature of immune-mediated
     necrotizing myopathy (IMNM). Zilucoplan is a subcutaneous macrocyclic peptide inhibitor of complement
     component 5, with a mechanism similar to that of eculizumab."""),
    ("METHODS", "METHODS", """Adults with anti-HMGCR or anti-SRP IMNM and active disease despite standard
     therapy were randomized to daily zilucoplan 0.3 mg/kg or placebo for eight weeks, followed by an
     open-label extension. The primary end point was the change in creatine kinase."""),
    ("RESULTS", "RESULTS", """Twenty-seven patients were randomized. Creatine kinase did not differ between
     groups at week 8, and secondary measures of proximal muscle weakness and function were unchanged. One
     SAE (cellulitis) occurred in the zilucoplan group and was judged unrelated; no meningococcal infections
     occurred."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Terminal complement inhibition with zilucoplan was safe but did not
     reduce disease activity in refractory IMNM."""),
    ("CLINICALTRIALS", "UNASSIGNED", None),
    ("GOV IDENTIFIER", "UNASSIGNED", """NCT99990041."""),
  ],
  authors=[("Greaves", "Thomas", "lake"), ("Ruiz", "Alma", "lake"), ("Wendell", "Harriet", "lake"),
           "@IMNM Complement Trial Investigators"],
  pubtypes=["Clinical Trial, Phase II", "Journal Article", "Randomized Controlled Trial"],
  mesh=["Adult", "Female", "Humans", "Male", "Middle Aged", "Muscular Diseases/drug therapy*",
        "Treatment Outcome"]),

R(42, year=2021, month=2, journal="NCR", volume="15", issue="2", pages="e12",
  pubmodel="Electronic", pubstatus="epublish",
  title="FcRn blockade with efgartigimod in refractory anti-SRP myopathy.",
  abstract="""A 35-year-old woman with anti-SRP myopathy had severe axial and limb weakness despite prednisone,
  tacrolimus, IVIG and two courses of rituximab. She received efgartigimod, a neonatal Fc receptor antagonist
  that lowers circulating IgG, in four weekly infusions repeated every eight weeks. Anti-SRP titers fell by
  70%, creatine kinase fell from 6200 to 1100 IU/L, and she regained the ability to climb one flight of
  stairs. IVIG was stopped because it would be cleared by the FcRn antagonist. Efgartigimod merits formal
  study in antibody-mediated necrotizing myopathy.""",
  authors=[("Keller", "Anja", "onco"), ("Baumann", "Reto", "onco")],
  pubtypes=["Case Reports"],
  mesh=["Adult", "Autoantibodies/blood", "Female", "Humans", "Muscular Diseases/drug therapy*"]),

R(43, year=2021, month=6, journal="CRL", volume="28", issue="3", pages="180-6",
  title="Tocilizumab for refractory immune-mediated necrotizing myopathy and antisynthetase syndrome.",
  abstract="""We treated seven patients with refractory myositis with tocilizumab 8 mg/kg every four weeks:
  four with anti-SRP myopathy and three with anti-Jo-1 antisynthetase syndrome. All had failed methotrexate
  and at least one other agent, including mycophenolate in five and rituximab in four. After six months,
  creatine kinase had fallen by at least half in five patients and strength had improved in four. The
  glucocorticoid dose could be lowered in all responders. One patient developed neutropenia. Interleukin-6
  blockade may be useful in selected refractory patients.""",
  authors=[("Tanabe", "Haruki", "saku"), ("Ishida", "Ken", "saku")],
  pubtypes=["Journal Article"],
  mesh=["Adult", "Female", "Humans", "Male", "Middle Aged", "Myositis/drug therapy*", "Treatment Outcome"]),

R(44, year=2021, month=9, journal="CRL", volume="28", issue="5", pages="310-7",
  title="False-positive line immunoassay results for myositis autoantibodies in patients without myositis.",
  abstract="""Line immunoassays that detect myositis-specific and myositis-associated autoantibodies are widely
  used outside specialist centers. We reviewed 400 consecutive requests. A positive band was reported in 96
  samples, but only 41 of these came from patients with myositis. Isolated weak bands for anti-PL-7,
  anti-PL-12, anti-EJ and anti-SRP were the most frequent false positives. Anti-Ro52/TRIM21 was found in 38
  samples, mostly from patients with Sjögren's disease or systemic sclerosis, and anti-Ro60 in 17. In a
  typical false-positive case, antibodies to Jo-1, Mi-2, PL-7, PL-12, SRP, EJ and OJ were all negative on
  repeat testing by immunoprecipitation and the ANA was negative. Weak line immunoassay results should be
  confirmed by a second method and interpreted in the clinical context.""",
  authors=[("Moreau", "Céline", "lyon"), ("Rinaldi", "Giulia", "valm")],
  pubtypes=["Journal Article"],
  mesh=["Antibodies, Antinuclear/blood", "Autoantibodies/blood*", "Humans", "Myositis/diagnosis*"]),

R(45, year=2022, month=3, journal="JMR", volume="34", issue="2", pages="150", status="PubMed-not-MEDLINE",
  title="Erratum: Clinical course of myopathy with anti-signal recognition particle antibodies.",
  abstract=None,
  authors=[("Marsh", "Peter J", "north")],
  pubtypes=["Published Erratum"],
  comments=[("ErratumFor", "J Myositis Res. 2007 Sep;19(5):377-86", B + 12)]),

R(46, year=2022, month=5, journal="HAM", volume="14", issue="3", pages="201-10",
  title="Cardiac involvement in immune-mediated necrotizing myopathy: a cardiac MRI study.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """The frequency of subclinical cardiac disease in immune-mediated
     necrotizing myopathy (IMNM) is unknown."""),
    ("METHODS", "METHODS", """Forty-four consecutive patients with IMNM (24 anti-HMGCR, 14 anti-SRP, 6
     seronegative) underwent cardiac MRI, troponin measurement and Holter monitoring."""),
    ("RESULTS", "RESULTS", """Late gadolinium enhancement suggestive of myocarditis was present in 9 patients
     (20%), 6 of whom had anti-SRP antibodies. Dyspnea on exertion was reported by 15 patients but did not
     predict MRI abnormalities. Troponin T was elevated in 30 patients, reflecting skeletal muscle release,
     whereas troponin I was elevated only in those with myocardial enhancement."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Myocardial involvement is frequent in anti-SRP myopathy; troponin I and
     cardiac MRI are preferred for screening."""),
  ],
  authors=[("Okonkwo", "Ifeoma", "heart"), ("Ruiz", "Alma", "lake")],
  pubtypes=["Journal Article"],
  refs=[("""Marsh PJ, Adeyemi T, Kowalczyk P, Halvorsen I. Clinical course of myopathy with anti-signal
          recognition particle antibodies. J Myositis Res. 2007;19(5):377-86.""", B + 12),
        ("""Halvorsen I, Marsh PJ, Quist E. Severe necrotizing myopathy with cardiac involvement and
          myocarditis. J Myositis Res. 1998;10(3):201-9.""", B + 1)],
  mesh=["Adult", "Female", "Humans", "Magnetic Resonance Imaging", "Male", "Middle Aged",
        "Myocarditis/diagnostic imaging*", "Muscular Diseases/complications*"]),

# 90000047 is withdrawn by the update file's DeleteCitation.
R(47, year=2022, month=10, journal="NCR", volume="16", issue="10", pages="e95",
  pubmodel="Electronic", pubstatus="epublish",
  title="Dysphonia and dysphagia as presenting features of anti-SRP myopathy.",
  abstract="""A 49-year-old man presented with dysphonia and dysphagia for liquids over three weeks,
  followed by neck flexor weakness. Laryngoscopy showed bilateral vocal fold bowing. Creatine kinase was
  9100 IU/L and anti-SRP antibodies were positive. Bulbar symptoms improved after IVIG and methylprednisolone.
  Anti-SRP myopathy should be considered in acute bulbar weakness with a high creatine kinase.""",
  authors=[("Adeyemi", "Tolu", "north")],
  pubtypes=["Case Reports"]),

R(48, year=2023, month=1, journal="JMR", volume="35", issue="1", pages="40-8",
  title="Axial weakness and dropped head in older adults with immune-mediated necrotizing myopathy.",
  abstract="""Axial weakness is under-recognized in immune-mediated necrotizing myopathy. Among 61 patients
  older than 65 years, 23 had neck flexor weakness and 14 had a dropped head or camptocormia; repeated falls
  had occurred in 19. Muscle MRI showed early fatty replacement of the paraspinal muscles in patients with
  axial weakness. Dysphonia was reported by 6 patients, all with neck extensor involvement. Axial
  involvement was associated with a longer delay to diagnosis and with persistent disability despite
  treatment. Examination of neck and trunk strength should be routine in older patients with suspected
  myositis.""",
  authors=[("Halvorsen", "Ingrid", "kirk"), ("Quist", "Elin", "kirk"), ("Aaltonen", "Ville", "kirk")],
  pubtypes=["Journal Article"],
  mesh=["Aged", "Aged, 80 and over", "Female", "Humans", "Magnetic Resonance Imaging", "Male",
        "Muscle Weakness/etiology*", "Muscular Diseases/complications*"]),

R(49, year=2023, month=4, journal="NCR", volume="17", issue="4", pages="e31",
  pubmodel="Electronic", pubstatus="epublish",
  title="Seronegative necrotizing myopathy revealing pancreatic adenocarcinoma.",
  abstract="""A 69-year-old woman developed proximal weakness, weight loss of 9 kg and a creatine kinase of
  5400 IU/L. Myositis-specific antibodies including Jo-1, PL-7, PL-12, EJ, OJ, Mi-2, SRP and HMGCR were
  negative, as was the ANA, and biopsy showed a pauci-inflammatory necrotizing myopathy. Two months later she developed painless jaundice, and imaging showed a mass in the
  head of the pancreas. After pancreaticoduodenectomy and a short course of prednisone with azathioprine, her
  strength returned to normal. Seronegative necrotizing myopathy warrants a thorough search for cancer.""",
  authors=[("Ferreira", "João", "valm"), ("Conti", "Marco", "valm")],
  pubtypes=["Case Reports"],
  mesh=["Aged", "Female", "Humans", "Muscular Diseases/etiology*", "Paraneoplastic Syndromes*"]),

R(50, year=2023, month=3, journal="MOR", volume="5", pages=None, status="PubMed-not-MEDLINE",
  pubmodel="Electronic-eCollection", pubstatus="epublish",
  version_id="1", version_date="2023/03/14",
  title="Patient-reported fatigue after immune-mediated necrotizing myopathy: a cross-sectional survey.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Fatigue is a frequent complaint after myositis, but it has not been studied
     in immune-mediated necrotizing myopathy."""),
    ("METHODS", "METHODS", """An online survey of 118 members of a patient organization, using validated
     fatigue and function scales."""),
    ("RESULTS", "RESULTS", """Severe fatigue was reported by 62% of respondents and was associated with
     myalgia and with ongoing IVIG treatment, but not with disease duration."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Fatigue is common and deserves specific assessment."""),
  ],
  authors=[("Quist", "Elin", "kirk"), ("Okafor", "Chidi", "lake")],
  pubtypes=["Journal Article"]),

R(51, year=2024, month=2, journal="JMR", volume="36", issue="1", pages="12-20",
  title="<i>HLA-DRB1</i>*11:01 and HMGCR autoantibodies in statin users and statin-naive patients.",
  abstract="""We genotyped 120 patients with HMGCR autoantibodies and 800 controls. The
  <i>HLA-DRB1</i>*11:01 allele was carried by 52% of patients who had used statins and by 28% of statin-naive
  patients, compared with 9% of controls. Among statin users, the allele was associated with
  anti-HMGCR-positive myopathy irrespective of the drug taken (atorvastatin, simvastatin, lovastatin or
  Zocor-branded simvastatin). In statin-naive children, <i>HLA-DRB1</i>*07:01 was more frequent. Genetic
  susceptibility and drug exposure together shape the risk of anti-HMGCR myopathy.""",
  authors=[("Rinaldi", "Giulia", "valm"), ("Greaves", "Thomas", "lake"), ("Park", "Soo-ah", "seoul")],
  pubtypes=["Journal Article"],
  mesh=["Autoantibodies/blood*", "Cohort Studies", "Humans",
        "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects", "Muscular Diseases/immunology*"]),

R(52, year=2024, month=6, journal="MPQ", volume="38", issue="3", pages="210-8",
  title="Muscle MRI in immune-mediated necrotizing myopathy: edema, swelling and fat.",
  abstract="""We reviewed thigh MRI from 58 patients with immune-mediated necrotizing myopathy at diagnosis.
  Edema on STIR images involved a median of 9 of 12 muscles (range 3&#x2013;14 in the whole-leg protocol),
  and muscle swelling was visible in 21 patients, most often in the adductors. Fatty replacement was present
  in 40% and was associated with disease duration longer than 6&#xa0;months and with age. Median creatine
  kinase was 12&#x2009;400 U/L and serum myoglobin 2300 µg/L. Patients with extensive edema received
  prednisone 1&#xa0;mg/kg together with IVIG and showed faster recovery. MRI helps choose a biopsy site
  and may predict treatment response.""",
  authors=[("Conti", "Marco", "valm"), ("Rinaldi", "Giulia", "valm")],
  pubtypes=["Journal Article"],
  mesh=["Adult", "Aged", "Humans", "Magnetic Resonance Imaging*", "Muscle, Skeletal/diagnostic imaging*",
        "Muscular Diseases/diagnostic imaging*"]),

R(53, year=2024, month=9, journal="CRL", volume="31", issue="5", pages="333-40",
  title="Statins &amp; necrotizing myopathy: when is a raised creatine kinase &quot;statin-induced&quot;?",
  abstract="""A creatine kinase (CK) &gt;10 times the upper limit of normal in a statin user raises the
  question of immune-mediated disease. We reviewed 210 statin users referred for CK &gt;1000 U/L. Anti-HMGCR
  antibodies were found in 37; in the remainder, CK normalized within eight weeks of stopping the statin in
  94%. Among anti-HMGCR-positive patients, CK rose or remained &gt;2000 U/L after withdrawal in 34 of 37,
  whereas none had a level &lt;500 U/L at eight weeks. Patients&apos; reports of myalgia did not distinguish
  the groups. Testing for anti-HMGCR is recommended when CK remains high for more than eight weeks after a
  statin is stopped, and IVIG &amp; glucocorticoids should then be started without delay.""",
  authors=[("Barre", "Antoine", "lyon"), ("Guedj", "Nora", "lyon")],
  pubtypes=["Journal Article"],
  mesh=["Creatine Kinase/blood*", "Humans", "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects*",
        "Muscular Diseases/diagnosis*"]),

R(54, year=2025, month=1, journal="MPQ", volume="39", issue="1", pages="5-12",
  title="Hydroxychloroquine myopathy mimicking refractory dermatomyositis.",
  abstract="""Hydroxychloroquine is widely used for cutaneous dermatomyositis, but it can itself cause a
  vacuolar myopathy. We describe three patients with dermatomyositis whose proximal muscle weakness worsened
  after several years of hydroxychloroquine despite normal or slightly raised creatine kinase. Biopsy showed
  autophagic vacuoles and curvilinear bodies on electron microscopy; one patient also had a cardiomyopathy.
  Strength improved within six months of stopping the drug, without escalation of immunosuppression.
  Hydroxychloroquine toxicity should be considered when weakness progresses in treated dermatomyositis.""",
  authors=[("Leblanc", "Martine", "derm"), ("Moreau", "Céline", "lyon")],
  pubtypes=["Case Reports", "Journal Article"],
  mesh=["Dermatomyositis/drug therapy*", "Female", "Humans", "Hydroxychloroquine/adverse effects*",
        "Middle Aged", "Muscular Diseases/chemically induced*"]),

R(55, year=2025, month=4, journal="JMR", volume="37", issue="2", pages="90-104", indexing="Curated",
  title="Treatment patterns in idiopathic inflammatory myopathies: ten years of a multinational registry.",
  abstract=[
    ("KEY POINTS", None, """Glucocorticoids were prescribed to almost every patient, and IVIG use tripled over
     the decade."""),
    ("OBJECTIVE", "OBJECTIVE", """To describe the use of immunosuppressive and immunomodulatory drugs across
     myositis subgroups."""),
    ("METHODS", "METHODS", """Registry of 2,310 adults with myositis from 31 centers, 2014-2024."""),
    ("RESULTS", "RESULTS", """Initial glucocorticoids were prednisone in 61%, prednisolone in 27% and pulsed
     methylprednisolone in 24%; dexamethasone was rarely used. Methotrexate was the most common first
     steroid-sparing agent (48%), followed by azathioprine (22%), mycophenolate (17%) and tacrolimus or
     ciclosporin (9%). Cyclophosphamide was reserved for severe lung disease. Rituximab was given to 19%,
     abatacept to 1%, and IVIG to 38% of patients with necrotizing myopathy. Patients with anti-TIF1-&#947;
     dermatomyositis more often received IVIG for dysphagia."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Treatment varies widely between centers and subgroups; comparative
     trials are needed."""),
  ],
  authors=["@International Myositis Registry Group", ("Lindqvist", "Maren", "kirk"),
           ("Tanabe", "Haruki", "saku")],
  pubtypes=["Journal Article", "Multicenter Study", "Observational Study"],
  mesh=["Adult", "Azathioprine/therapeutic use", "Glucocorticoids/therapeutic use*", "Humans",
        "Immunosuppressive Agents/therapeutic use*", "Methotrexate/therapeutic use",
        "Myositis/drug therapy*", "Rituximab/therapeutic use"]),

R(56, year=2025, month=7, journal="ALT", volume="30", issue="4", pages="244-52",
  title="Statin rechallenge after statin-associated muscle symptoms: a pragmatic cohort study.",
  abstract="""Most patients who stop a statin because of muscle symptoms can tolerate another regimen. We
  followed 402 patients who were rechallenged after statin-associated muscle symptoms without
  hyperCKemia. Rechallenge used pravastatin (31%), fluvastatin (22%), pitavastatin (19%) or rosuvastatin on
  alternate days (28%). At one year, 71% remained on a statin; recurrence of myalgia was the usual reason for
  stopping. Statins were tolerated equally across agents. Four patients developed a persistent rise in
  creatine kinase; one had anti-HMGCR antibodies. Rechallenge is worthwhile, but persistent hyperCKemia
  after withdrawal should prompt antibody testing.""",
  authors=[("Sato", "Emi", "pine"), ("Draper", "Lonnie", "pine"), ("Whitcombe", "Grant", "pine")],
  pubtypes=["Journal Article", "Observational Study"],
  mesh=["Aged", "Cohort Studies", "Female", "Humans",
        "Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects*", "Male", "Myalgia/chemically induced*"]),

R(57, year=2026, month=1, journal="NCR", volume="20", issue="1", pages="e3", status="In-Data-Review",
  pubmodel="Electronic", pubstatus="epublish",
  title="CD19-directed CAR T cells in refractory anti-SRP necrotizing myopathy.",
  abstract="""Autologous CD19-directed chimeric antigen receptor (CAR) T cells can reset B-cell autoimmunity.
  A 29-year-old woman with anti-SRP myopathy had progressive weakness, muscle atrophy and dysphagia despite
  glucocorticoids, IVIG, rituximab and mycophenolate. After lymphodepletion with fludarabine and
  cyclophosphamide she received CAR T cells. Grade 1 cytokine release syndrome resolved in two days. Anti-SRP
  antibodies became undetectable at six months, creatine kinase normalized and she walked 400 m without aid
  at one year. All immunosuppression was withdrawn.""",
  keywords=["CAR T cells", "anti-SRP", "necrotizing myopathy", "rituximab"],
  authors=[("Keller", "Anja", "onco"), ("Rossi", "Paolo", "onco"), ("Baumann", "Reto", "onco")],
  pubtypes=["Case Reports"],
  refs=[("""Keller A, Baumann R. FcRn blockade with efgartigimod in refractory anti-SRP myopathy. Neuromuscul
          Case Rep. 2021;15(2):e12.""", B + 42),
        ("""Marsh PJ, et al. Clinical course of myopathy with anti-signal recognition particle antibodies.
          J Myositis Res. 2007;19(5):377-86.""", B + 12),
        ("Unpublished protocol: CAR T cells for autoimmune disease, version 3. 2024.", None)]),

R(58, year=2026, month=2, journal="LTJ", volume="21", issue="2", pages=None, status="Publisher",
  pubmodel="Print-Electronic", pubstatus="aheadofprint",
  title="Interstitial lung disease in anti-PL-12 vs. anti-Jo-1 antisynthetase syndrome: a comparative cohort.",
  abstract=[
    ("BACKGROUND", "BACKGROUND", """Lung disease may differ between antisynthetase antibodies."""),
    ("METHODS", "METHODS", """We compared 42 patients with anti-PL-12 and 120 with anti-Jo-1 antibodies followed
     for at least three years."""),
    ("RESULTS", "RESULTS", """Interstitial lung disease was present at diagnosis in 88% vs. 64%. Myositis with
     proximal muscle weakness was less common with anti-PL-12 (31% vs. 79%), as were arthralgia and fever.
     Concomitant anti-Ro52 antibodies were associated with progressive fibrosis in both groups. Forced vital
     capacity declined more with anti-PL-12 despite similar use of mycophenolate and rituximab."""),
    ("CONCLUSIONS", "CONCLUSIONS", """Anti-PL-12 defines a lung-dominant phenotype that needs close pulmonary
     follow-up."""),
  ],
  authors=[("Chen", "Wei", "lung"), ("Ha", "Eun-ji", "seoul"), ("Zhou", "Lan", "lung")],
  pubtypes=["Comparative Study", "Journal Article"]),

R(59, year=2026, month=1, journal="JMR", volume="38", issue="1", pages="1-11", status="In-Process",
  title="Intravenous immunoglobulin as first-line therapy in statin-associated anti-HMGCR myopathy.",
  abstract="""Glucocorticoids are the traditional first-line therapy in autoimmune myopathy, but they worsen
  diabetes and bone health, which are common in statin users. We treated 21 patients with statin-associated
  anti-HMGCR myopathy with IVIG 2 g/kg monthly as initial monotherapy. After six months, 15 patients had
  normal strength and 17 had a creatine kinase below 1000 U/L. Six patients needed the addition of
  glucocorticoids or methotrexate. IVIG monotherapy is an effective first-line option for many patients with
  anti-HMGCR myopathy who had taken statins.""",
  other_abstract="""Some people who take statins to lower cholesterol develop a rare muscle disease in which the
  immune system makes HMGCR antibodies. We gave 21 such patients an infusion of antibodies from blood donors
  (IVIG) once a month instead of steroid tablets. Most regained their strength within six months.""",
  authors=[("Ruiz", "Alma", "lake"), ("Greaves", "Thomas", "lake")],
  pubtypes=["Journal Article"]),

R(60, year=2026, month=2, journal="LTJ", volume="21", issue="2", pages="88-96", status="PubMed-not-MEDLINE",
  title="Anti-Ro52/TRIM21 antibodies and survival in anti-MDA5 dermatomyositis.",
  abstract="""Anti-Ro52 antibodies frequently accompany myositis-specific autoantibodies. In 156 patients with
  anti-MDA5 dermatomyositis, anti-Ro52/TRIM21 was present in 71 (46%). Rapidly progressive interstitial lung
  disease occurred in 49% of Ro52-positive and 21% of Ro52-negative patients, and one-year survival was 62%
  and 88%, respectively. Anti-U1-RNP was found in five patients with overlap features. The combination of
  anti-MDA5 and anti-Ro52 identifies patients who may benefit from early intensive treatment.""",
  keywords=["anti-MDA5", "anti-Ro52", "TRIM21", "interstitial lung disease", "dermatomyositis"],
  coi="The authors declare no competing interests.",
  authors=[("Liu", "Xiaoming", "lung"), ("Zhou", "Lan", "lung")],
  pubtypes=["Journal Article"]),

R(61, year=2017, month=10, journal="MPQ", volume="31", issue="4", pages="260-7",
  title="Anti-cN1A antibodies in inclusion body myositis, Sjögren syndrome and other myopathies.",
  abstract="""Antibodies against cytosolic 5'-nucleotidase 1A (cN1A; encoded by NT5C1A) are reported in
  inclusion body myositis. We tested 410 sera by ELISA. Anti-cN1A antibodies were found in 38% of patients
  with inclusion body myositis, 21% of patients with Sjögren syndrome without myositis, 8% with
  dermatomyositis and 2% of healthy controls. Among patients with inclusion body myositis, antibody-positive
  patients more often had dysphagia and facial weakness. Anti-NT5C1A testing supports the diagnosis of
  inclusion body myositis only in the appropriate clinical setting.""",
  authors=[("Lindqvist", "Maren", "kirk"), ("Ekholm", "Tor", "kirk")],
  pubtypes=["Journal Article"],
  mesh=["Autoantibodies/blood*", "Humans", "Myositis, Inclusion Body/immunology*",
        "Sjogren's Syndrome/immunology"]),
]
