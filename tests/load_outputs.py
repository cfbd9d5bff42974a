#!/usr/bin/env python3
"""The Python example of docs/outputs.md, run by make check: load the
matrices and pairs of a myomine output directory with pandas and
scipy.io.mmread and check they agree. Usage: load_outputs.py OUTDIR"""
import os, sys
try:
    import pandas as pd
    import scipy.io
except ImportError:
    if sys.executable != '/usr/bin/python3' and os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    print('SKIP: pandas/scipy not installed'); sys.exit(0)

out = sys.argv[1]
# --- the example (docs/outputs.md) ---
m = scipy.io.mmread(f"{out}/matrix.antibody-drug.mtx").tocsr()        # antibodies x drugs
rows = open(f"{out}/matrix.antibody-drug.rows").read().split()
cols = open(f"{out}/matrix.antibody-drug.cols").read().split()
dense = pd.read_csv(f"{out}/matrix.antibody-drug.csv", index_col=0)
pairs = pd.read_csv(f"{out}/pairs.tsv", sep="\t", quoting=3)
entities = pd.read_csv(f"{out}/entities.tsv", sep="\t", quoting=3, index_col="id")
top = pairs[(pairs.type_a == "antibody") & (pairs.type_b == "drug")].sort_values("q_value").head(5)
print(top[["id_a", "id_b", "documents", "npmi", "q_value"]].to_string(index=False))
# --- checks ---
assert m.shape == (len(rows), len(cols)) == dense.shape, "shapes"
assert list(dense.index) == rows and list(dense.columns) == cols, "labels"
assert (m.toarray() == dense.to_numpy()).all(), "mtx and csv differ"
for r in pairs[(pairs.type_a == "antibody") & (pairs.type_b == "drug")].itertuples():
    assert dense.loc[r.id_a, r.id_b] == r.documents, (r.id_a, r.id_b)
s = scipy.io.mmread(f"{out}/matrix.antibody-antibody.mtx").tocsr()
assert (s != s.T).nnz == 0, "same-type matrix is symmetric"
ab = open(f"{out}/matrix.antibody-antibody.rows").read().split()
assert all(s[i, i] == entities.loc[c, "documents"] for i, c in enumerate(ab)), "diagonal = documents"
print("outputs load in pandas/scipy and agree:", m.shape, len(pairs), "pairs")
