#!/bin/sh
# tests/run-tests.sh -- every test of myomine (called by `make check`).
# Unit tests, command-line contract, golden outputs on corpus/, -t 1 vs -t 2
# and argument order, exact counts on every real file in ../shared/corpus
# (skipped, saying so, when it is absent), and bad-input behaviour.
# No timing assertions.
set -u
cd "$(dirname "$0")/.." || exit 1
BIN=${MYOMINE_BIN:-./myomine}
T=tests/tmp
SHARED=${MYOMINE_SHARED:-../shared/corpus}
MYOMINE_LEXICONS=${MYOMINE_LEXICONS:-$PWD/lexicons}; export MYOMINE_LEXICONS
rm -rf "$T" && mkdir -p "$T"
# compiled lexicons go to the test directory, never to ~/.cache
MYOMINE_CACHE_DIR=$PWD/$T/cache; export MYOMINE_CACHE_DIR
pass=0 fail=0 skip=0

ok()   { pass=$((pass + 1)); }
ko()   { fail=$((fail + 1)); echo "FAIL: $*"; }
skip() { skip=$((skip + 1)); echo "SKIP: $*"; }
# expect STATUS DESC CMD...: run CMD (stderr to $T/err), check its exit status
expect() {
	want=$1 desc=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; got=$?
	if [ "$got" -eq "$want" ]; then ok; else ko "$desc: exit $got, expected $want"; sed 's/^/  | /' "$T/err" | head -5; fi
}
# same_dir A B DESC: identical outputs apart from summary.json (timings)
same_dir() {
	if diff -r -x summary.json "$1" "$2" >"$T/diff" 2>&1; then ok; else ko "$3"; head -5 "$T/diff" | sed 's/^/  | /'; fi
}
# json FILE EXPR: print a value from summary.json (Python's json module)
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
has() { if grep -q -- "$2" "$1"; then ok; else ko "$3 (no '$2' in $1)"; sed 's/^/  | /' "$1" | head -5; fi; }
# script DESC LOG CMD...: run a checking script (output to LOG).  Exit 0 passes,
# unless it printed a line starting "SKIP" (a missing Python module or data
# set): then the test counts as skipped, with that line's reason.  Any other
# exit fails.
script() {
	desc=$1 log=$2; shift 2
	if "$@" >"$log" 2>&1; then
		if grep -q '^SKIP' "$log"; then skip "$desc: $(grep -m1 '^SKIP' "$log" | sed 's/^SKIP:* *//')"; else ok; fi
	else ko "$desc"; tail -5 "$log" | sed 's/^/  | /'; fi
}

# ---- unit tests ----------------------------------------------------------
echo "== unit"
# the unit binary passes or fails as one test; each "unit: SKIP" line it
# prints (checks that need the shared corpus) counts as a skipped test.
# Run again with the 128-bit carry-less multiply CRC-32 (the default picks the
# 512-bit one where the CPU has VPCLMULQDQ and AVX-512).
for crc in "" clmul128; do
	if MYOMINE_CRC=$crc MYOMINE_SHARED="$SHARED" TMPDIR_TESTS="$T" "${MYOMINE_UNIT:-build/release/unit}" >"$T/unit.log" 2>&1; then ok
	else ko "unit tests${crc:+ with MYOMINE_CRC=$crc}"; grep -v '^unit: SKIP' "$T/unit.log" | tail -20 | sed 's/^/  | /'; fi
	grep '^unit: SKIP' "$T/unit.log" | while read -r _ _ why; do echo "$why"; done > "$T/unit.skip"
	while read -r why; do skip "unit${crc:+ (MYOMINE_CRC=$crc)}: $why"; done < "$T/unit.skip"
	[ -z "$crc" ] && grep '^unit: [0-9]' "$T/unit.log"
done

# ---- command line -------------------------------------------------------------
echo "== command line"
expect 0 "--help" "$BIN" --help
has "$T/out" "Usage: myomine" "--help prints usage on stdout"
expect 0 "--version" "$BIN" --version
has "$T/out" "myomine 0.1.0" "--version"
expect 2 "no input" "$BIN"
expect 2 "unknown option" "$BIN" --bogus corpus
expect 2 "bad thread count" "$BIN" -t zero corpus
expect 2 "bad format" "$BIN" --format pdf corpus
printf 'drug:a\tdrug\n' > "$T/bad.tsv"
expect 2 "malformed lexicon" "$BIN" -q -l "$T/bad.tsv" -o "$T/never" corpus
has "$T/err" "bad.tsv:1:" "lexicon error names file:line"
if [ -e "$T/never/entities.tsv" ]; then ko "lexicon error still wrote outputs"; else ok; fi
# every long option of --help is documented in the man page, and vice versa
"$BIN" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$T/opts.help"
sed 's/\\-/-/g' docs/myomine.1 | grep -o -- '--[a-z][a-z-]*' | sort -u > "$T/opts.man"
if [ -s "$T/opts.help" ] && cmp -s "$T/opts.help" "$T/opts.man"; then ok; else ko "--help and docs/myomine.1 list different options"; diff "$T/opts.help" "$T/opts.man" | sed 's/^/  | /'; fi

# the default lexicons: a copy of the program in the checkout (as
# build/*/myomine) finds lexicons/ beside pipeline/ above it; outside any
# checkout, the error names every place it looked
mkdir -p "$T/lexwalk/build/x" && cp "$BIN" "$T/lexwalk/build/x/myomine"
expect 0 "a build/*/myomine finds the checkout's lexicons" env -u MYOMINE_LEXICONS "$T/lexwalk/build/x/myomine" -q -o "$T/lexwalk/out" corpus/
has "$T/lexwalk/out/summary.json" "\"path\": \"$PWD/lexicons\"" "build/*/myomine uses the checkout's lexicons"
lw=$(mktemp -d "${TMPDIR:-/tmp}/myomine-lexwalk.XXXXXX") && cp "$BIN" "$lw/myomine"
env -u MYOMINE_LEXICONS "$lw/myomine" -q -o "$lw/out" corpus/ >"$T/out" 2>"$T/err"; rc=$?
if [ $rc -eq 2 ]; then has "$T/err" "looked in:" "no lexicons: the error says where it looked"; has "$T/err" "$lw/lexicons" "no lexicons: the error names the program's directory"
elif [ $rc -eq 0 ]; then skip "no lexicons found: installed lexicons are present"
else ko "no lexicons found: exit $rc, expected 2"; fi
rm -rf "$lw"
# paths joined from a directory given with a trailing slash have one slash
expect 0 "run with -l lexicons/ and corpus/" "$BIN" -q -l lexicons/ -o "$T/slash" corpus/
if grep -q '[^:]//' "$T/slash/summary.json"; then ko "doubled slash in summary.json paths"; grep '[^:]//' "$T/slash/summary.json" | head -3 | sed 's/^/  | /'; else ok; fi

# ---- golden test on the shipped corpus ------------------------------------------
echo "== golden (corpus/)"
expect 0 "run on corpus/" "$BIN" -q -t 2 -o "$T/g" --mentions corpus/
for f in tests/golden/corpus/*; do
	n=$(basename "$f")
	case $n in summary.json) continue ;; esac
	if cmp -s "$f" "$T/g/$n"; then ok; else ko "golden: $n differs"; diff "$f" "$T/g/$n" | head -6 | sed 's/^/  | /'; fi
done
if [ "$(ls "$T/g" | grep -v summary.json | wc -l)" -eq "$(ls tests/golden/corpus | grep -v summary.json | wc -l)" ]; then ok; else ko "golden: output file set differs"; fi
# summary: documents read/final/deleted/superseded as documented in corpus/README.md
got=$(json "$T/g/summary.json" "d['documents']['read'], d['documents']['final'], d['documents']['deleted'], d['documents']['superseded'], d['documents']['delete_listed'], d['documents']['with_abstract']")
if [ "$got" = "67 62 2 3 3 59" ]; then ok; else ko "corpus summary counts: $got"; fi

# every statistic of pairs.tsv recomputed with scipy (skips without scipy)
for lv in document sentence; do
	expect 0 "run at $lv level" "$BIN" -q --level $lv -o "$T/st-$lv" corpus/
	script "pairs.tsv statistics ($lv level)" "$T/st.log" python3 tests/stats/check_pairs.py "$T/st-$lv" $lv
done
script "stats module vs scipy" "$T/cs.log" python3 tests/stats/check_stats.py
expect 0 "--min-docs" "$BIN" -q --min-docs 3 -o "$T/md" corpus/
if awk -F'\t' 'NR > 1 && $5 < 3 { bad = 1 } END { exit bad }' "$T/md/pairs.tsv" && cmp -s "$T/md/entities.tsv" "$T/g/entities.tsv"; then ok; else ko "--min-docs filters pairs only"; fi

# trends and evidence agree with the counts and the mentions of the same run
expect 0 "--by-year --evidence" "$BIN" -q -t 2 --mentions --by-year --evidence 3 --evidence-text -o "$T/ty" corpus/
script "by-year/evidence consistency" "$T/ty.log" python3 tests/stats/check_trends.py "$T/ty" 3
expect 0 "--by-year --evidence -t 1" "$BIN" -q -t 1 --mentions --by-year --evidence 3 --evidence-text -o "$T/ty1" corpus/
same_dir "$T/ty" "$T/ty1" "by-year/evidence outputs differ between -t 1 and -t 2"
has "$T/ty/years.tsv" "^2026	" "years.tsv lists 2026"

# negation: the issue's panel sentence gives negated mentions; --keep-negated counts them
has "$T/g/mentions.tsv" "^90000049	abstract	[0-9]*	[0-9]*	[0-9]*	EJ	antibody:EJ	antibody	1$" "a negated antibody of the panel sentence"
expect 0 "--keep-negated" "$BIN" -q --keep-negated -o "$T/kn" --mentions corpus/
got=$(awk -F'\t' 'NR > 1 && $1 == "antibody:EJ" { print $6 + 0 }' "$T/kn/entities.tsv")$(awk -F'\t' 'NR > 1 && $1 == "antibody:EJ" { print "/" $6 "+" $7 }' "$T/g/entities.tsv")
n_all=$(awk -F'\t' 'NR > 1 && $7 == "antibody:EJ"' "$T/g/mentions.tsv" | wc -l)
if [ "$(awk -F'\t' 'NR > 1 && $1 == "antibody:EJ" { print $6 }' "$T/kn/entities.tsv")" = "$n_all" ]; then ok; else ko "--keep-negated counts every mention ($got, $n_all mentions)"; fi
n_neg=$(json "$T/g/summary.json" "d['negated_mentions']['total']")
n_col=$(awk -F'\t' 'NR > 1 { s += $9 } END { print s }' "$T/g/mentions.tsv")
if [ "$n_neg" = "$n_col" ] && [ "$n_neg" -gt 0 ]; then ok; else ko "negated mentions: summary $n_neg, mentions.tsv $n_col"; fi

# ---- determinism: threads, argument order, batch size, stdin --------------------------
echo "== determinism"
expect 0 "-t 1" "$BIN" -q -t 1 -o "$T/t1" --mentions corpus/
same_dir "$T/g" "$T/t1" "-t 1 and -t 2 outputs differ"
expect 0 "reversed arguments" "$BIN" -q -t 2 -o "$T/rev" --mentions corpus/pubmed26n0002.xml.gz corpus/pubmed26n0001.xml.gz
same_dir "$T/g" "$T/rev" "argument order changes outputs"
expect 0 "tiny batches" "$BIN" -q -t 2 --batch-mb 1 -o "$T/b1" --mentions corpus/
same_dir "$T/g" "$T/b1" "batch size changes outputs"
# several files read at once (pipeline/schedule.c): every file of the shared
# corpus (broken ones too: exit 1), more threads than cores, 1 MB batches
if [ -d "$SHARED/pubmed-xml" ]; then
	expect 1 "many files -t 1" "$BIN" -q -t 1 --evidence 3 --mentions -o "$T/mf1" corpus/ "$SHARED/pubmed-xml" "$SHARED/medline-txt"
	expect 1 "many files -t 5, 1 MB batches" "$BIN" -q -t 5 --batch-mb 1 --evidence 3 --mentions -o "$T/mf5" corpus/ "$SHARED/pubmed-xml" "$SHARED/medline-txt"
	same_dir "$T/mf1" "$T/mf5" "many files: -t 1 and -t 5 outputs differ"
	json "$T/mf1/summary.json" "d['documents']" > "$T/mf1.docs"; json "$T/mf5/summary.json" "d['documents']" > "$T/mf5.docs"
	if [ -s "$T/mf1.docs" ] && cmp -s "$T/mf1.docs" "$T/mf5.docs"; then ok; else ko "many files: document counts differ between -t 1 and -t 5"; fi
else
	skip "many files at once: $SHARED absent"
fi
zcat corpus/pubmed26n0001.xml.gz > "$T/stdin.xml"
expect 0 "stdin" sh -c "'$BIN' -q -o '$T/in1' - < '$T/stdin.xml'"
expect 0 "file" "$BIN" -q -o "$T/in2" corpus/pubmed26n0001.xml.gz
same_dir "$T/in1" "$T/in2" "stdin and file inputs differ"
expect 0 "gzip mentions" "$BIN" -q -o "$T/gz" --mentions=mentions.tsv.gz corpus/
if gzip -t "$T/gz/mentions.tsv.gz" && zcat "$T/gz/mentions.tsv.gz" | cmp -s - "$T/g/mentions.tsv"; then ok; else ko "gzip mentions differ from plain"; fi
expect 0 "sentence level" "$BIN" -q -o "$T/sl" --level sentence corpus/
cut -f1-8 "$T/g/pairs.tsv" > "$T/golden-counts"
if cut -f1-8 "$T/sl/pairs.tsv" | cmp -s - "$T/golden-counts" && ! cmp -s "$T/sl/matrix.antibody-drug.mtx" "$T/g/matrix.antibody-drug.mtx"; then ok; else ko "--level sentence changes the matrices and statistics, not the counts"; fi

# ---- shard and merge: identical to one run, associative ---------------------------------
echo "== shard and merge"
M=$T/merge; mkdir -p "$M"
# three shards that interleave in file-name order and split a baseline from
# its update: corpus/ and the shared corpus's files, or without the shared
# corpus, the baseline cut into two files (pubmed26n0001a/b, 30 + 31 records;
# each record is one line) and the update
if [ -d "$SHARED/pubmed-xml" ]; then
	MS="corpus/pubmed26n0001.xml.gz corpus/pubmed26n0002.xml.gz"
	MS="$MS $(find "$SHARED/pubmed-xml/pmparser" "$SHARED/pubmed-xml/tipplerow" "$SHARED/medline-txt" -type f | sort | tr '\n' ' ')"
else
	mkdir -p "$M/in"
	zcat corpus/pubmed26n0001.xml.gz | awk -v a="$M/in/pubmed26n0001a.xml" -v b="$M/in/pubmed26n0001b.xml" '
		/^<Pubmed(Book)?Article>/ { n++; print > (n <= 30 ? a : b); next }
		{ print > a; print > b }'
	gzip "$M/in/pubmed26n0001a.xml" "$M/in/pubmed26n0001b.xml"
	MS="$M/in/pubmed26n0001a.xml.gz $M/in/pubmed26n0001b.xml.gz corpus/pubmed26n0002.xml.gz"
fi
i=0; : > "$M/s0"; : > "$M/s1"; : > "$M/s2"
for f in $MS; do echo "$f" >> "$M/s$((i % 3))"; i=$((i + 1)); done
if [ -s "$M/s2" ]; then ok; else ko "fewer than three shards: $MS"; fi
expect 0 "one run" "$BIN" -q --by-year --evidence 3 -o "$M/one" $MS
for k in 0 1 2; do expect 0 "shard $k --partial" "$BIN" -q --partial -o "$M/p$k" $(cat "$M/s$k"); done
expect 0 "merge" "$BIN" merge -q --by-year --evidence 3 -o "$M/all" "$M/p2" "$M/p0" "$M/p1"
if diff -r -x summary.json -x partial.myomine.gz "$M/one" "$M/all" > "$T/diff"; then ok; else ko "merged shards differ from one run"; head -5 "$T/diff"; fi
got=$(json "$M/all/summary.json" "d['documents'] == json.load(open('$M/one/summary.json'))['documents']")
if [ "$got" = True ]; then ok; else ko "merged document totals differ"; fi
expect 0 "merge (p0 p1) --partial" "$BIN" merge -q --partial -o "$M/p01" "$M/p0" "$M/p1"
expect 0 "merge ((p0 p1) p2)" "$BIN" merge -q --by-year --evidence 3 -o "$M/assoc" "$M/p01" "$M/p2"
if diff -r -x summary.json -x partial.myomine.gz "$M/one" "$M/assoc" > "$T/diff"; then ok; else ko "merge is not associative"; head -5 "$T/diff"; fi
expect 0 "run over shards 0 and 1 --partial" "$BIN" -q --partial -o "$M/r01" $(cat "$M/s0" "$M/s1")
zcat "$M/p01/partial.myomine.gz" > "$M/p01.txt"; zcat "$M/r01/partial.myomine.gz" > "$M/r01.txt"
if cmp -s "$M/p01.txt" "$M/r01.txt"; then ok; else ko "a merged partial differs from the partial of one run"; fi
printf 'drug:x\tdrug\tx\n' > "$M/other.tsv"
expect 2 "merge with another lexicon" "$BIN" merge -q -l "$M/other.tsv" -o "$M/bad" "$M/p0"
has "$T/err" "made with another lexicon" "lexicon mismatch message"
expect 2 "merge of a directory without a partial" "$BIN" merge -q -o "$M/bad" "$T/g"

# the workflow engine: snakemake -j2 over the shards gives the single run; an
# input with a fault (the shared corpus's truncated file, or without it a
# truncated copy of corpus/'s baseline) is named on stderr and in faults.tsv,
# and fails the workflow with strict=1 (workflow/report-faults)
if command -v snakemake >/dev/null 2>&1; then
	WF=$PWD/$T/wf; mkdir -p "$WF"
	if [ -d "$SHARED/pubmed-xml" ]; then
		WIN=$(cd "$SHARED/pubmed-xml" && pwd) WG=3 WBAD=pubmed23n0001-truncated.xml.gz
	else
		WIN=$WF/in WG=1 WBAD=pubmed26n0001-truncated.xml.gz
		mkdir -p "$WIN" && cp corpus/*.xml.gz "$WIN/" && head -c 20000 corpus/pubmed26n0001.xml.gz > "$WIN/$WBAD"
	fi
	wf() { snakemake -q -j2 -s workflow/Snakefile --directory "$WF" --config input="$WIN" out="$WF/out" myomine="$PWD/$BIN" group=$WG options="--by-year --evidence 3" "$@"; }
	expect 0 "snakemake -j2, an input truncated" wf
	has "$T/err" "myomine: .*/$WBAD: byte [0-9]*: .*cut off" "the workflow names the truncated input on stderr"
	has "$WF/out.shards/faults.tsv" "/$WBAD	error	" "the workflow lists the truncated input in faults.tsv"
	expect 1 "single run for the workflow" "$BIN" -q --by-year --evidence 3 -o "$WF/one" "$WIN"
	if diff -r -x summary.json "$WF/out" "$WF/one" > "$T/diff"; then ok; else ko "snakemake workflow differs from one run"; head -5 "$T/diff"; fi
	expect 1 "snakemake strict=1 fails on the truncated input" wf strict=1
	has "$T/err" "myomine: .*/$WBAD: byte [0-9]*: .*cut off" "strict=1 names the truncated input on stderr"
	if [ -f "$WF/out/entities.tsv" ] && [ ! -e "$WF/out.shards/faults.tsv" ]; then ok; else ko "strict=1: merged outputs kept, faults.tsv not"; fi
else skip "snakemake workflow: snakemake not installed (apt-get install --no-install-recommends snakemake)"; fi
# workflow/sbatch-array.sh with a stand-in sbatch that runs each job at once:
# the merge gives the single run; STRICT=1 fails the merge job on the truncated input
SB=$PWD/$T/sbatch; mkdir -p "$SB/bin" "$SB/in"
cp corpus/*.xml.gz "$SB/in/" && head -c 20000 corpus/pubmed26n0001.xml.gz > "$SB/in/pubmed26n0001-truncated.xml.gz"
cat > "$SB/bin/sbatch" <<'EOF'
#!/bin/sh
arr= log=/dev/null wrap=
while [ $# -gt 0 ]; do case $1 in --array=*) arr=${1#--array=} ;; -o) log=$2; shift ;; --wrap) wrap=$2; shift ;; esac; shift; done
if [ -n "$arr" ]; then
	for i in $(seq "${arr#1-}"); do SLURM_ARRAY_TASK_ID=$i sh -c "$wrap" > "$(echo "$log" | sed "s/%a/$i/")" 2>&1 || exit 1; done; echo 1
else sh -c "$wrap" > "$log" 2>&1 || echo "merge job failed" >&2; fi
EOF
chmod +x "$SB/bin/sbatch"
for st in 0 1; do
	expect 0 "sbatch-array.sh STRICT=$st" env PATH="$SB/bin:$PATH" MYOMINE="$PWD/$BIN" STRICT=$st sh workflow/sbatch-array.sh "$SB/in" "$SB/out$st"
	cp "$T/err" "$SB/err$st"
	has "$SB/out$st.shards/logs/merge.log" "/pubmed26n0001-truncated.xml.gz: byte [0-9]*: .*cut off" "sbatch-array.sh (STRICT=$st): the merge job names the truncated input"
done
if ! grep -q "merge job failed" "$SB/err0" && grep -q "merge job failed" "$SB/err1"; then ok; else ko "sbatch-array.sh: the merge job fails with STRICT=1 only"; fi
expect 1 "single run for sbatch-array.sh" "$BIN" -q -o "$SB/one" "$SB/in"
same_dir "$SB/one" "$SB/out0" "sbatch-array.sh: merged outputs differ from one run"

# loading the outputs: the Python and R examples of docs/outputs.md
script "Python example (pandas, scipy.io.mmread)" "$T/load.log" python3 tests/load_outputs.py "$T/g"
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(Matrix)' >/dev/null 2>&1; then
	if Rscript tests/load_outputs.R "$T/g" > "$T/loadR.log" 2>&1; then ok; else ko "R example (Matrix::readMM)"; tail -5 "$T/loadR.log"; fi
else skip "R example: Rscript with the Matrix package not installed"; fi

# ---- compiled lexicon cache (lexcache.h) ----------------------------------------
echo "== lexicon cache"
C=$T/lc; mkdir -p "$C"
cp -r lexicons "$C/lex"
expect 0 "no cache" "$BIN" -q -t 2 --no-cache -l "$C/lex" --mentions -o "$C/none" corpus/
if [ "$(json "$C/none/summary.json" "d['lexicon']['cache']")" = off ]; then ok; else ko "--no-cache: cache state is not off"; fi
expect 0 "small lexicon: not cached" "$BIN" -q --cache-dir "$C/dir" -l "$C/lex" -o "$C/small" corpus/
if [ "$(json "$C/small/summary.json" "d['lexicon']['cache']")" = small ] && [ ! -e "$C/dir" ]; then ok; else ko "a small lexicon was cached"; fi
# MYOMINE_CACHE_MIN_BYTES=0 caches the shipped lexicons: written, then read
for r in 1 2; do
	expect 0 "cached run $r" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q -t $r --cache-dir "$C/dir" -l "$C/lex" --mentions -o "$C/run$r" corpus/
	same_dir "$C/none" "$C/run$r" "outputs through the cache (run $r, -t $r) differ from --no-cache"
done
if [ "$(json "$C/run1/summary.json" "d['lexicon']['cache']")" = written ] && [ "$(json "$C/run2/summary.json" "d['lexicon']['cache']")" = hit ]; then ok; else ko "cache states: expected written, then hit"; fi
cf=$(json "$C/run2/summary.json" "d['lexicon']['cache_file']")
if [ -f "$cf" ] && [ "$(ls "$C/dir" | wc -l)" -eq 1 ]; then ok; else ko "one cache file in --cache-dir"; fi
if json "$C/run2/summary.json" "d['lexicon']" > "$C/l2" && json "$C/none/summary.json" "d['lexicon']" > "$C/l0" &&
   sed 's/.cache.: [^,]*, .cache_file.: [^,}]*//' "$C/l2" > "$C/l2s" && sed 's/.cache.: [^,]*, .cache_file.: [^,}]*//' "$C/l0" > "$C/l0s" &&
   cmp -s "$C/l0s" "$C/l2s"; then ok; else ko "summary.json lexicon facts differ through the cache"; diff "$C/l0s" "$C/l2s" | head -4; fi
# a damaged cache file is said so, not used, and rewritten; outputs unchanged
cp "$cf" "$C/good.mmlc"
sz=$(wc -c < "$cf")
for at in 0 12 40 200 $((sz / 2)) $((sz - 1)); do
	cp "$C/good.mmlc" "$cf"
	printf '\377' | dd of="$cf" bs=1 seek=$at conv=notrunc 2>/dev/null
	cmp -s "$cf" "$C/good.mmlc" && printf '\376' | dd of="$cf" bs=1 seek=$at conv=notrunc 2>/dev/null
	expect 0 "cache damaged at byte $at" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -t 2 --cache-dir "$C/dir" -l "$C/lex" --mentions -o "$C/bad" corpus/
	has "$T/err" "cache file not used" "damaged cache (byte $at) is reported"
	same_dir "$C/none" "$C/bad" "outputs with a cache damaged at byte $at"
	if cmp -s "$cf" "$C/good.mmlc"; then ok; else ko "damaged cache (byte $at) was not rewritten"; fi
done
head -c 100 "$C/good.mmlc" > "$cf"
expect 0 "truncated cache" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -t 1 --cache-dir "$C/dir" -l "$C/lex" -o "$C/bad" corpus/
has "$T/err" "truncated" "truncated cache is reported"
# an edited lexicon gets its own cache file; the old one is not used
printf 'drug:cachetest\tdrug\tcachetestamab\n' >> "$C/lex/drugs.tsv"
expect 0 "edited lexicon" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q --cache-dir "$C/dir" -l "$C/lex" -o "$C/edit" corpus/
if [ "$(json "$C/edit/summary.json" "d['lexicon']['cache']")" = written ] && [ "$(ls "$C/dir" | wc -l)" -eq 2 ] &&
   grep -q cachetest "$C/edit/matrix.drug-drug.rows"; then ok; else ko "an edited lexicon did not get a new cache file"; fi
# runs started together (cluster jobs) all succeed and leave one valid file
expect 0 "no cache, edited lexicon" "$BIN" -q --no-cache -l "$C/lex" --mentions -o "$C/none2" corpus/
for k in 1 2 3 4; do
	MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q -t 1 --cache-dir "$C/par" -l "$C/lex" --mentions -o "$C/par$k" corpus/ 2>"$C/par$k.err" &
done
wait
for k in 1 2 3 4; do same_dir "$C/none2" "$C/par$k" "concurrent run $k through an empty cache"; done
if [ "$(ls "$C/par" | wc -l)" -eq 1 ] && ! grep -q . "$C"/par?.err; then ok; else ko "concurrent runs: one cache file, no warnings"; ls "$C/par"; cat "$C"/par?.err; fi
expect 0 "after the concurrent runs" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q --cache-dir "$C/par" -l "$C/lex" -o "$C/par5" corpus/
if [ "$(json "$C/par5/summary.json" "d['lexicon']['cache']")" = hit ]; then ok; else ko "the file left by concurrent runs is not read"; fi
# at most 8 cache files are kept (the oldest go); stale temporaries are removed
mkdir -p "$C/prune"
for k in 1 2 3 4 5 6 7 8 9; do : > "$C/prune/lexicon-000000000000000$k.mmlc"; touch -d "$k days ago" "$C/prune/lexicon-000000000000000$k.mmlc"; done
: > "$C/prune/lexicon-1.mmlc.tmp.AbCdEf"; touch -d '2 hours ago' "$C/prune/lexicon-1.mmlc.tmp.AbCdEf"
expect 0 "cache pruning" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q --cache-dir "$C/prune" -l "$C/lex" -o "$C/pr" corpus/
if [ "$(ls "$C/prune" | grep -c '\.mmlc$')" -eq 8 ] && [ -f "$(json "$C/pr/summary.json" "d['lexicon']['cache_file']")" ] &&
   [ ! -e "$C/prune/lexicon-0000000000000009.mmlc" ] && [ ! -e "$C/prune/lexicon-0000000000000008.mmlc" ] && [ ! -e "$C/prune/lexicon-1.mmlc.tmp.AbCdEf" ]; then ok; else ko "cache pruning"; ls "$C/prune" | sed 's/^/  | /'; fi
# an unwritable cache directory only costs the compile
: > "$C/file"
expect 0 "unwritable cache dir" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -t 2 --cache-dir "$C/file/sub" -l "$C/lex" -o "$C/unw" corpus/
has "$T/err" "lexicon cache not written" "unwritable cache dir is reported"
if [ "$(json "$C/unw/summary.json" "d['lexicon']['cache']")" = unwritable ]; then ok; else ko "cache state is not unwritable"; fi
# merge reads the lexicon through the cache too
expect 0 "merge without the cache" "$BIN" merge -q --no-cache -o "$C/m0" "$M/p0" "$M/p1" "$M/p2"
for r in 1 2; do
	expect 0 "merge through the cache ($r)" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" merge -q --cache-dir "$C/dirm" -o "$C/m$r" "$M/p0" "$M/p1" "$M/p2"
	same_dir "$C/m0" "$C/m$r" "merge through the cache ($r)"
done
if [ "$(json "$C/m2/summary.json" "d['lexicon']['cache']")" = hit ]; then ok; else ko "merge did not read the cache"; fi

# ---- the real corpus in ../shared ---------------------------------------------------
echo "== shared corpus"
if [ ! -d "$SHARED/pubmed-xml" ]; then
	skip "real-corpus tests: $SHARED not found (set MYOMINE_SHARED)"
else
	expect 1 "shared corpus (one truncated file)" "$BIN" -q -t 2 -o "$T/s2" --mentions "$SHARED/pubmed-xml" "$SHARED/medline-txt" "$SHARED/gold"
	has "$T/err" "pubmed23n0001-truncated.xml.gz: byte [0-9]*: <PubmedArticle> record cut off" "truncation message names file and byte"
	expect 1 "shared corpus -t 1" "$BIN" -q -t 1 -o "$T/s1" --mentions "$SHARED/gold" "$SHARED/medline-txt" "$SHARED/pubmed-xml"
	same_dir "$T/s1" "$T/s2" "shared corpus: -t 1 and -t 2 (and argument order) differ"
	python3 - "$T/s2/summary.json" "$SHARED" tests/expected/shared-counts.tsv >"$T/counts" 2>&1 <<'PY'
import json, os, sys
s = json.load(open(sys.argv[1])); root = os.path.normpath(sys.argv[2])
got = {os.path.relpath(os.path.normpath(f['path']), root): f for f in s['inputs']}
bad = 0
for line in open(sys.argv[3]):
    if line.startswith('#'): continue
    p, docs, dels, status = line.rstrip('\n').split('\t')
    f = got.get(p)
    if not f or (f['documents'], f['deleted_listed'], f['status']) != (int(docs), int(dels), status):
        bad += 1; print('mismatch', p, f and (f['documents'], f['deleted_listed'], f['status']), (docs, dels, status))
skipped = sorted(os.path.basename(p) for p, f in got.items() if f['status'] == 'skipped')
failed = sorted(os.path.basename(p) for p, f in got.items() if f['status'] == 'failed')
if skipped != ['README.txt'] or failed != ['CDR_DevelopmentSet.BioC.xml', 'CDR_TrainingSet.BioC.xml']:
    bad += 1; print('unexpected skipped or failed files', skipped, failed)
sys.exit(1 if bad else 0)
PY
	if [ $? -eq 0 ]; then ok; else ko "exact per-file document counts"; cat "$T/counts" | head; fi
	# PubTator output round-trips the gold text and its offsets
	expect 0 "pubtator mentions" "$BIN" -q -o "$T/pt" --mentions-format pubtator "$SHARED/gold/bc5cdr/CDR_TrainingSet.PubTator.txt"
	python3 - "$T/pt/mentions.pubtator" "$SHARED/gold/bc5cdr/CDR_TrainingSet.PubTator.txt" >"$T/pt.log" 2>&1 <<'PY'
import re, sys
def blocks(p):
    d = {}
    for l in open(p, encoding='utf-8'):
        m = re.match(r'^(\d+)\|([ta])\|(.*)$', l.rstrip('\n'))
        if m: d[(m.group(1), m.group(2))] = m.group(3)
    return d
mine, gold = blocks(sys.argv[1]), blocks(sys.argv[2])
bad = [k for k in mine if mine[k] != gold.get(k)]
n = 0
for l in open(sys.argv[1], encoding='utf-8'):
    p = l.rstrip('\n').split('\t')
    if len(p) == 6:
        t = mine[(p[0], 't')] + ' ' + mine[(p[0], 'a')]
        if t[int(p[1]):int(p[2])] != p[3]: bad.append(p)
        n += 1
print(n, 'annotations;', len(bad), 'bad'); sys.exit(1 if bad or not n else 0)
PY
	if [ $? -eq 0 ]; then ok; else ko "PubTator text/offsets"; cat "$T/pt.log"; fi
fi

echo "== hard cases"
if python3 tests/hard-cases/check.py "$BIN" "$T/hc" >"$T/hc.log" 2>&1; then ok; else ko "hard cases (tests/hard-cases/cases.txt)"; grep -A2 '^case\|^no ' "$T/hc.log" | head -12 | sed 's/^/  | /'; fi

echo "== accuracy (quick)"
script "accuracy on 200 BC5CDR abstracts (python3 tests/eval/eval.py --quick)" "$T/eval.log" python3 tests/eval/eval.py --quick --bin "$BIN" --shared "$SHARED"

# ---- bad input --------------------------------------------------------------------
echo "== bad input"
mkdir -p "$T/bad"
: > "$T/bad/empty.xml"
printf 'this is not gzip' > "$T/bad/fake.xml.gz"
head -c 20000 corpus/pubmed26n0001.xml.gz > "$T/bad/cut.xml.gz"
zcat corpus/pubmed26n0002.xml.gz | sed 's#</MedlineCitation>##' > "$T/bad/malformed.xml"
expect 1 "missing + empty + fake gzip + cut + malformed, with a good file" "$BIN" -q -o "$T/bo" "$T/bad/empty.xml" "$T/bad/fake.xml.gz" "$T/bad/cut.xml.gz" "$T/bad/malformed.xml" "$T/bad/missing.xml" corpus/pubmed26n0001.xml.gz
has "$T/err" "missing.xml: cannot open: No such file" "missing file message"
has "$T/err" "empty.xml: empty file" "empty file message"
has "$T/err" "fake.xml.gz: unrecognised format" "not-gzip .gz message"
has "$T/err" "cut.xml.gz: byte [0-9]*:.*truncated gzip stream" "truncated gzip message with offset"
has "$T/err" "malformed.xml: byte [0-9]*: record skipped: .*does not match" "malformed record message with offset"
got=$(json "$T/bo/summary.json" "[(f['path'].split('/')[-1], f['status']) for f in d['inputs']]")
want="[('cut.xml.gz', 'error'), ('empty.xml', 'failed'), ('fake.xml.gz', 'failed'), ('malformed.xml', 'error'), ('missing.xml', 'failed'), ('pubmed26n0001.xml.gz', 'ok')]"
if [ "$got" = "$want" ]; then ok; else ko "file statuses: $got"; fi
n_good=$(json "$T/bo/summary.json" "[f['documents'] for f in d['inputs'] if f['path'].endswith('pubmed26n0001.xml.gz')][0]")
if [ "$n_good" = 61 ]; then ok; else ko "the good file was not fully processed ($n_good)"; fi
# invalid UTF-8 and NUL bytes: repaired, counted, exit 0
zcat corpus/pubmed26n0001.xml.gz | sed 's/myalgia/my\xffalgia/; s/dysphagia/dys\xc3phagia/' > "$T/bad/utf8.xml"
expect 0 "invalid UTF-8 is repaired" "$BIN" -o "$T/u8" "$T/bad/utf8.xml"
has "$T/err" "invalid UTF-8 sequences replaced" "invalid UTF-8 reported"
# outputs are atomic: a failed write leaves the earlier results untouched
cp -r "$T/g" "$T/keep"
expect 3 "output directory is a file" "$BIN" -q -o "$T/g/entities.tsv" corpus/
if [ "$(id -u)" = 0 ]; then skip "unwritable output directory (root can write anywhere)"; else
	chmod 500 "$T/keep"
	expect 3 "unwritable output directory" "$BIN" -q -o "$T/keep" corpus/
	chmod 700 "$T/keep"
fi
same_dir "$T/g" "$T/keep" "earlier results changed by a failed run"
# a directory input: unrelated files are skipped, not fatal
mkdir -p "$T/dir/sub" && cp corpus/pubmed26n0002.xml.gz "$T/dir/sub/" && echo "notes" > "$T/dir/notes.txt"
expect 0 "directory with an unrelated .txt" "$BIN" -q -o "$T/dd" "$T/dir"
got=$(json "$T/dd/summary.json" "d['files']")
if [ "$got" = "{'total': 2, 'ok': 1, 'error': 0, 'failed': 0, 'skipped': 1, 'pending': 0}" ]; then ok; else ko "directory scan: $got"; fi

# input parsers and the lexicon cache: records under any root, comments and
# CDATA in records, long prologs, a FIFO or a directory for the cache file
P=$T/parsers; mkdir -p "$P"
expect 0 "lexicon cache: written" env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" -q --cache-dir "$P/lc" -o "$P/lc0" corpus/
lcf=$(json "$P/lc0/summary.json" "d['lexicon']['cache_file']")
for kind in fifo dir; do
	rm -f "$lcf"
	if [ $kind = fifo ]; then mkfifo "$lcf"; else mkdir "$lcf"; fi
	expect 0 "lexicon cache file replaced by a $kind" timeout 60 env MYOMINE_CACHE_MIN_BYTES=0 "$BIN" --cache-dir "$P/lc" -o "$P/lc-$kind" corpus/
	has "$T/err" "cache file not used (not a regular file" "a $kind for the cache file is reported"
	same_dir "$P/lc0" "$P/lc-$kind" "outputs with a $kind for the cache file"
	if [ $kind = fifo ]; then
		if [ -f "$lcf" ]; then ok; else ko "the FIFO in place of the cache file was not replaced"; fi
	else rmdir "$lcf"; fi
done

# records under another root (a re-serialised export) found in a directory
# are read; an XML file there without any PubMed record fails, named
mkdir -p "$P/raw" && cp tests/inputs/raw-data.xml "$P/raw/" && printf '<collection><document>x</document></collection>\n' > "$P/raw/notes.xml"
expect 1 "records under <RAW_DATA>, beside XML without records" "$BIN" -q -o "$P/raw-o" "$P/raw"
has "$T/err" "notes.xml: not PubMed XML: no <PubmedArticle>.* under the root <collection>" "XML without records is named"
got=$(json "$P/raw-o/summary.json" "[(f['path'].split('/')[-1], f['status'], f['documents'], f['deleted_listed']) for f in d['inputs']]")
if [ "$got" = "[('notes.xml', 'failed', 0, 0), ('raw-data.xml', 'ok', 2, 3)]" ]; then ok; else ko "records under <RAW_DATA>: $got"; fi
if [ -f "$SHARED/pubmed-xml/exports/pubmedportable.xml" ]; then
	mkdir -p "$P/rawx" && sed 's#<PubmedArticleSet>#<RAW_DATA>#; s#</PubmedArticleSet>#</RAW_DATA>#' "$SHARED/pubmed-xml/exports/pubmedportable.xml" > "$P/rawx/export.xml"
	expect 0 "a real export under <RAW_DATA> in a directory" "$BIN" -q --mentions -o "$P/rawx-o" "$P/rawx"
	expect 0 "the same export under its own root" "$BIN" -q --mentions -o "$P/rawx-ref" "$SHARED/pubmed-xml/exports/pubmedportable.xml"
	same_dir "$P/rawx-ref" "$P/rawx-o" "an export under <RAW_DATA> gives other outputs than under <PubmedArticleSet>"
	if [ "$(json "$P/rawx-o/summary.json" "d['documents']['read']")" = 100 ]; then ok; else ko "export under <RAW_DATA>: not 100 documents"; fi
else skip "export under <RAW_DATA>: $SHARED/pubmed-xml/exports not found"; fi
# </PubmedArticle> in a comment and a CDATA section of every record; a
# 100 KB prolog (DOCTYPE internal subset, comment, PI): outputs as without
zcat "corpus/pubmed26n0001.xml.gz" | sed 's#</PMID>#</PMID><!-- </PubmedArticle> -->#; s#<PubmedData>#<PubmedData><![CDATA[ </PubmedArticle> ]]>#' > "$P/markup.xml"
{ zcat "corpus/pubmed26n0001.xml.gz" | sed -n 1p; printf '<!DOCTYPE PubmedArticleSet [\n<!ENTITY note "]>">\n<!-- ]> -->\n]>\n<?pi x?>\n<!--'
  awk 'BEGIN { for (i = 0; i < 2000; i++) print "a prolog comment of fifty bytes or so, repeated" }'; printf -- '-->\n'
  zcat "corpus/pubmed26n0001.xml.gz" | sed 1,2d; } > "$P/prolog.xml"
expect 0 "the records alone" "$BIN" -q --mentions -o "$P/mk-ref" "corpus/pubmed26n0001.xml.gz"
for f in markup prolog; do
	expect 0 "$f.xml" "$BIN" -q --mentions -o "$P/mk-$f" "$P/$f.xml"
	same_dir "$P/mk-ref" "$P/mk-$f" "$f.xml: outputs differ from the records alone"
	if [ "$(json "$P/mk-$f/summary.json" "d['documents']['read'], d['documents']['failed']")" = "61 0" ]; then ok; else ko "$f.xml: not 61 documents, 0 failed"; fi
done

# ---- faults (docs/reliability.md lists each with its test) ---------------------------
echo "== faults"
F=$T/faults; mkdir -p "$F"
G=corpus/pubmed26n0001.xml.gz
# corrupt deflate data in the middle of the stream
python3 -c "import sys; b=bytearray(open('$G','rb').read()); m=len(b)//2; b[m:m+64]=bytes(x^0x5a for x in b[m:m+64]); open('$F/corrupt.xml.gz','wb').write(b)"
expect 1 "corrupt deflate data" "$BIN" -q -o "$F/o1" "$F/corrupt.xml.gz"
has "$T/err" "corrupt.xml.gz: .*corrupt gzip data.*at compressed byte [0-9]*" "corrupt deflate message with offset"
n=$(json "$F/o1/summary.json" "d['documents']['read']")
if [ "$n" -gt 0 ] && [ "$n" -lt 61 ]; then ok; else ko "records before the corruption kept ($n)"; fi
# a gzip member followed by garbage; a zero-byte .gz
{ cat corpus/pubmed26n0002.xml.gz; printf 'GARBAGE AFTER THE MEMBER'; } > "$F/garbage.xml.gz"
: > "$F/zero.xml.gz"
expect 1 "garbage after a member, zero-byte .gz" "$BIN" -q -o "$F/o2" "$F/garbage.xml.gz" "$F/zero.xml.gz"
has "$T/err" "garbage.xml.gz: .*trailing garbage after gzip member at compressed byte" "trailing garbage message"
has "$T/err" "zero.xml.gz: empty file" "zero-byte file message"
got=$(json "$F/o2/summary.json" "d['documents']['read'], d['documents']['delete_listed']")
if [ "$got" = "6 3" ]; then ok; else ko "complete member before the garbage kept ($got)"; fi
# unreadable file in a directory (permissions do not bind root)
mkdir -p "$F/unread" && cp "$G" "$F/unread/a.xml.gz" && cp corpus/pubmed26n0002.xml.gz "$F/unread/b.xml.gz" && chmod 000 "$F/unread/a.xml.gz"
if [ "$(id -u)" = 0 ]; then skip "unreadable file in a directory (root reads everything)"; else
	expect 1 "unreadable file in a directory" "$BIN" -q -o "$F/o3" "$F/unread"
	has "$T/err" "a.xml.gz: cannot open: Permission denied" "unreadable file message"
fi
chmod 644 "$F/unread/a.xml.gz"
# an oversized record is skipped without being buffered; the others are kept
python3 - "$G" "$F/huge.xml" <<'PY2'
import gzip, sys
s = gzip.open(sys.argv[1]).read().decode()
i = s.find('>', s.find('<AbstractText', s.find('90000012'))) + 1
open(sys.argv[2], 'w').write(s[:i] + 'Statin myopathy with weakness. ' * 70000 + s[i:])
PY2
expect 1 "oversized record" "$BIN" -q --max-record-mb 1 -o "$F/o4" "$F/huge.xml"
has "$T/err" "huge.xml: byte [0-9]*: <PubmedArticle> record larger than 1 MB (ends at byte [0-9]*); skipped" "oversized record message"
got=$(json "$F/o4/summary.json" "d['documents']['read'], d['documents']['failed']")
if [ "$got" = "60 1" ]; then ok; else ko "oversized record: read/failed $got"; fi
# oversized MEDLINE record and a PubTator file that is one huge line: skipped, not buffered
python3 -c "
open('$F/huge.medline', 'w').write('PMID- 1\\nTI  - Statin myopathy\\n\\nPMID- 2\\nAB  - ' + 'x' * 3000000 + '\\n\\nPMID- 3\\nTI  - Dysphagia after statins\\n')
open('$F/huge.pubtator', 'w').write('7|t|' + 'y' * 3000000)"
expect 1 "oversized MEDLINE record" "$BIN" -q --max-record-mb 1 -o "$F/o4m" "$F/huge.medline" "$F/huge.pubtator"
has "$T/err" "huge.medline: line 4: record larger than 1 MB; skipped" "oversized MEDLINE record message"
has "$T/err" "huge.pubtator: line 1: record larger than 1 MB; skipped" "oversized PubTator line message"
got=$(json "$F/o4m/summary.json" "d['documents']['read'], d['documents']['failed']")
if [ "$got" = "2 2" ]; then ok; else ko "oversized text records: read/failed $got"; fi
# deeply nested inline markup; a DOCTYPE entity is never expanded; unknown entity and stray &
python3 - "$F/nest.xml" <<'PY2'
import sys
deep = '<i>' * 300 + 'x' + '</i>' * 300
recs = ['<PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article><ArticleTitle>%s</ArticleTitle></Article></MedlineCitation></PubmedArticle>' % deep,
        '<PubmedArticle><MedlineCitation><PMID Version="1">2</PMID><Article><ArticleTitle>Myalgia on &statin; &unknownentity; AT&T</ArticleTitle></Article></MedlineCitation></PubmedArticle>']
open(sys.argv[1], 'w').write('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [\n<!ENTITY statin "atorvastatin">\n]>\n<PubmedArticleSet>' + ''.join(recs) + '</PubmedArticleSet>\n')
PY2
expect 1 "deep nesting, DOCTYPE entities" "$BIN" -q -o "$F/o5" --mentions "$F/nest.xml"
has "$T/err" "nest.xml: byte [0-9]*: record skipped: byte [0-9]*: elements nested deeper than 256" "deep nesting message"
if [ ! -s "$F/o5/mentions.tsv" ] || grep -q 'drug:atorvastatin' "$F/o5/mentions.tsv"; then ko "a DOCTYPE entity was expanded (or no mentions.tsv)"; else ok; fi
has "$F/o5/mentions.tsv" "symptom:myalgia" "record with unknown entities kept"
got=$(json "$F/o5/summary.json" "d['warnings']['bad_character_references']")
if [ "$got" = 3 ]; then ok; else ko "unknown entities and stray & counted ($got)"; fi
# BOM + CRLF give the same result as the original; NUL bytes are replaced and counted
zcat corpus/pubmed26n0002.xml.gz | python3 -c "import sys; d=sys.stdin.buffer.read(); sys.stdout.buffer.write(b'\xef\xbb\xbf' + d.replace(b'\n', b'\r\n'))" > "$F/bomcrlf.xml"
expect 0 "BOM and CRLF" "$BIN" -q -o "$F/o6" "$F/bomcrlf.xml"
expect 0 "plain update file" "$BIN" -q -o "$F/o7" corpus/pubmed26n0002.xml.gz
same_dir "$F/o6" "$F/o7" "BOM/CRLF change the outputs"
zcat corpus/pubmed26n0002.xml.gz | sed 's/myalgia/my\x00algia/' > "$F/nul.xml"
expect 0 "NUL bytes" "$BIN" -o "$F/o8" "$F/nul.xml"
has "$T/err" "nul.xml: [0-9]* invalid UTF-8 sequences replaced" "NUL bytes reported"
# lexicon faults: duplicate ids across files, an empty lexicon; nothing run
mkdir -p "$F/lx1" "$F/lx2"
printf 'drug:a\tdrug\talpha\n' > "$F/lx1/a.tsv"; printf '# other\ndrug:a\tdrug\tbeta\n' > "$F/lx1/b.tsv"
printf '# nothing here\n' > "$F/lx2/empty.tsv"
expect 2 "duplicate ids" "$BIN" -q -l "$F/lx1" -o "$F/o9" corpus/
has "$T/err" "b.tsv:2: duplicate id \"drug:a\" (also defined at .*a.tsv:1)" "duplicate id message"
expect 2 "empty lexicon" "$BIN" -q -l "$F/lx2" -o "$F/o9" corpus/
has "$T/err" "the lexicon has no entries" "empty lexicon message"
if [ -e "$F/o9/entities.tsv" ]; then ko "a lexicon error still wrote outputs"; else ok; fi
# output faults: a full file system, a file-size limit, a signal -- no partial or stale files
cp -r "$T/g" "$F/prev"
if [ "${MYOMINE_FLAVOUR:-release}" = tsan ] || [ "${MYOMINE_FLAVOUR:-}" = tsan-isal ]; then skip "file size limit (EFBIG): ThreadSanitizer's own runtime faults (SIGBUS) under ulimit -f"; else
	expect 3 "file size limit (EFBIG)" sh -c "trap '' XFSZ; ulimit -f 40; exec '$BIN' -q -o '$F/prev' --mentions corpus/"
	has "$T/err" "write failed: File too large; no output was changed" "write failure message"
fi
same_dir "$T/g" "$F/prev" "a failed write changed the earlier results"
if ls -a "$F/prev" | grep -q 'myomine-tmp\|myomine-spool'; then ko "temporary files left behind"; else ok; fi
mkdir -p "$F/tiny"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=48k tmpfs "$F/tiny" 2>/dev/null; then
	expect 3 "full file system (ENOSPC)" "$BIN" -q -o "$F/tiny/out" --mentions corpus/
	has "$T/err" "No space left on device; no output was changed" "full disk message"
	if [ -z "$(ls -A "$F/tiny/out" 2>/dev/null)" ]; then ok; else ko "files left on the full file system: $(ls -A "$F/tiny/out")"; fi
	umount "$F/tiny"
else skip "full file system (needs root and tmpfs)"; fi
mkfifo "$F/fifo"
"$BIN" -q -o "$F/prev" "$F/fifo" 2>"$F/sig.err" & pid=$!
exec 7>"$F/fifo"; printf '<PubmedArticleSet>' >&7
sleep 0.3; kill -TERM "$pid"; wait "$pid"; st=$?; exec 7>&-
if [ "$st" -eq 143 ]; then ok; else ko "SIGTERM: exit $st, expected 143"; fi
has "$F/sig.err" "terminated; no output was changed" "SIGTERM message"
same_dir "$T/g" "$F/prev" "SIGTERM changed the earlier results"
if ls -a "$F/prev" | grep -q 'myomine-tmp\|myomine-spool'; then ko "temporary files left after SIGTERM"; else ok; fi

# gzip trailers: where the CPU allows, input.c checks CRC-32 and ISIZE itself
# (zlib's checks off); MYOMINE_CRC=zlib leaves them to zlib.  Same statuses,
# messages with offsets, and outputs either way.
mkdir -p "$F/crc"
cat corpus/pubmed26n0002.xml.gz corpus/pubmed26n0001.xml.gz > "$F/crc/multi.xml.gz"
python3 - "$F/crc" corpus/pubmed26n0002.xml.gz <<'PY'
import os, sys
d = sys.argv[1]; m = open(os.path.join(d, 'multi.xml.gz'), 'rb').read(); k = os.path.getsize(sys.argv[2])
def put(name, b): open(os.path.join(d, name), 'wb').write(b)
for i in (8, 5, 2, 1):
    b = bytearray(m); b[k - i] ^= 1; put('flip%d.xml.gz' % i, b)
    put('cut%d.xml.gz' % i, m[:k - i])
    b = bytearray(m[:k - i + (4 if i > 4 else 0)]); b[k - 8] ^= 1; put('flipcut%d.xml.gz' % i, b)
put('end-flip.xml.gz', m[:-3] + bytes([m[-3] ^ 4]) + m[-2:])
PY
for f in "$F"/crc/*.xml.gz; do
	n=$(basename "$f" .xml.gz)
	"$BIN" -q -o "$F/crc/$n.own" "$f" 2>"$F/crc/$n.own.err"; s1=$?
	MYOMINE_CRC=zlib "$BIN" -q -o "$F/crc/$n.zlib" "$f" 2>"$F/crc/$n.zlib.err"; s2=$?
	if [ "$s1" = "$s2" ] && cmp -s "$F/crc/$n.own.err" "$F/crc/$n.zlib.err"; then ok
	else ko "gzip trailer $n: exit $s1 / $s2 (own check / zlib's), messages:"; cat "$F/crc/$n.own.err" "$F/crc/$n.zlib.err" | head -4 | sed 's/^/  | /'; fi
	same_dir "$F/crc/$n.own" "$F/crc/$n.zlib" "gzip trailer $n: outputs differ between own and zlib's check"
done
grep -q "incorrect data check; .* at compressed byte [0-9]* (uncompressed byte" "$F/crc/flip8.own.err" && ok || ko "flipped CRC-32: no 'incorrect data check' message"
grep -q "incorrect length check" "$F/crc/flip2.own.err" && ok || ko "flipped ISIZE: no 'incorrect length check' message"

# ---- inflate backends: zlib and ISA-L builds (make inflate=isal) -------------------
# -- begin: inflate backends --
# The ISA-L binary must give the zlib binary's bytes and faults: outputs,
# summaries, messages with their offsets and exit statuses.  The binary this
# run did not build is built (or brought up to date) first, in the same
# flavour; skipped when ISA-L (libisal-dev) is not installed.
echo "== inflate backends (zlib vs ISA-L)"
ZB=${MYOMINE_ZLIB_BIN:-./myomine} IB=${MYOMINE_ISAL_BIN:-./build/isal/myomine}
if ! printf '#include <isa-l/igzip_lib.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1; then
	skip "zlib vs ISA-L builds: ISA-L not installed (apt-get install libisal-dev)"
else
	IF=$T/inflate; mkdir -p "$IF"
	for b in zlib isal; do
		if [ $b = zlib ]; then p=$ZB; else p=$IB; fi
		[ "$p" = "$BIN" ] && continue
		if ${MAKE:-make} --no-print-directory inflate=$b all > "$IF/build-$b.log" 2>&1 && [ -x "$p" ]; then ok
		else ko "make inflate=$b did not build $p"; tail -5 "$IF/build-$b.log" | sed 's/^/  | /'; fi
	done
	if ldd "$IB" 2>/dev/null | grep -q libisal; then ok; else ko "$IB is not linked with libisal"; fi
	# same_run NAME EXPECTED_STATUS ARGS...: both binaries (standard input: $IN
	# or nothing); the same status, messages, outputs and summary
	same_run() {
		n=$1 want=$2; shift 2
		"$ZB" -q -o "$IF/$n.zlib" "$@" <"${IN:-/dev/null}" >/dev/null 2>"$IF/$n.zlib.err"; zs=$?
		"$IB" -q -o "$IF/$n.isal" "$@" <"${IN:-/dev/null}" >/dev/null 2>"$IF/$n.isal.err"; is=$?
		if [ "$zs" = "$want" ] && [ "$is" = "$want" ]; then ok; else ko "$n: exit $zs (zlib), $is (ISA-L), expected $want"; fi
		if cmp -s "$IF/$n.zlib.err" "$IF/$n.isal.err"; then ok; else ko "$n: zlib and ISA-L messages differ"; diff "$IF/$n.zlib.err" "$IF/$n.isal.err" | head -4 | sed 's/^/  | /'; fi
		same_dir "$IF/$n.zlib" "$IF/$n.isal" "$n: zlib and ISA-L outputs differ"
		python3 - "$IF/$n.zlib/summary.json" "$IF/$n.isal/summary.json" > "$IF/$n.sum" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
keys = ['exit_status', 'inputs', 'files', 'documents', 'mentions', 'negated_mentions', 'pairs', 'warnings', 'bytes']
bad = [k for k in keys if a.get(k) != b.get(k)]
print('summary.json differs in', bad); sys.exit(1 if bad else 0)
PY
		if [ $? -eq 0 ]; then ok; else ko "$n: $(cat "$IF/$n.sum")"; fi
	}
	same_run corpus 0 -t 2 --mentions corpus/
	if [ -d "$SHARED/pubmed-xml" ]; then same_run shared 1 -t 2 --mentions "$SHARED/pubmed-xml"
	else skip "zlib vs ISA-L on $SHARED/pubmed-xml: not found"; fi
	# faults: truncated, corrupt, garbage, bad CRC-32 and ISIZE, cuts in a
	# second member and its header, a truncated file on stdin; F/ holds the
	# fault section's files
	G1=corpus/pubmed26n0001.xml.gz G2=corpus/pubmed26n0002.xml.gz
	cat "$G2" "$G1" > "$IF/multi.xml.gz"
	python3 - "$IF" "$G2" <<'PY'
import os, sys
d = sys.argv[1]; m = open(os.path.join(d, 'multi.xml.gz'), 'rb').read(); k = os.path.getsize(sys.argv[2])
def put(name, b): open(os.path.join(d, name), 'wb').write(b)
for c in (k + 1, k + 2, k + 10, k + 5000, len(m) // 2 + 7, len(m) - 3):
    put('multi-cut%d.xml.gz' % c, m[:c])
b = bytearray(m); b[k - 8] ^= 1; put('multi-crc.xml.gz', b)     # CRC-32 of member 1
b = bytearray(m); b[k - 2] ^= 1; put('multi-isize.xml.gz', b)   # ISIZE of member 1
b = bytearray(m); b[k + 3000] ^= 0x10; put('multi-flip.xml.gz', b)
PY
	for f in "$T/bad/cut.xml.gz" "$F/corrupt.xml.gz" "$F/garbage.xml.gz" "$IF"/multi*.xml.gz; do
		n=$(basename "$f" .xml.gz)
		want=1; [ "$n" = multi ] && want=0
		same_run "$n" $want "$f"
	done
	IN=$T/bad/cut.xml.gz; same_run stdin-cut 1 -; IN=
	# a pipe cannot be read again: ISA-L reports it, same message and records
	cat "$T/bad/cut.xml.gz" | "$IB" -q -o "$IF/pipe" - 2>"$IF/pipe.err"; st=$?
	if [ $st -eq 1 ] && grep -q "truncated gzip stream (unexpected end of file) at compressed byte 20000 (uncompressed byte [0-9]*)" "$IF/pipe.err"; then ok; else ko "ISA-L, truncated pipe: exit $st"; head -3 "$IF/pipe.err" | sed 's/^/  | /'; fi
	same_dir "$IF/stdin-cut.zlib" "$IF/pipe" "ISA-L, truncated pipe: outputs differ from zlib's"
fi
# -- end: inflate backends --

# ---- focus: filters and documents.tsv ---------------------------------------------
# Update semantics with a filter (pass -> fail, fail -> pass, deleted), MEDLINE
# MH lines with '*' and qualifiers, PubTator with an indexing filter, bad
# values, determinism and shard-and-merge with filters, and an independent
# reader (tests/filters/check_filters.py) over the shared corpus.
echo "== focus (filters)"
FD=$T/filt
mkdir -p "$FD/in"
# mesh_rec PMID VERSION YEAR MESH...: a PubmedArticle indexed with MESH (UI:name)
mesh_rec() {
	pm=$1 v=$2 y=$3; shift 3
	printf '<PubmedArticle><MedlineCitation><PMID Version="%s">%s</PMID><Article><Journal><JournalIssue><PubDate><Year>%s</Year></PubDate></JournalIssue></Journal><ArticleTitle>Anti-HMGCR myopathy and statins.</ArticleTitle><Language>eng</Language><PublicationTypeList><PublicationType UI="D002363">Case Reports</PublicationType></PublicationTypeList></Article><MedlineJournalInfo><MedlineTA>J Test</MedlineTA></MedlineJournalInfo><MeshHeadingList>' "$v" "$pm" "$y"
	for m in "$@"; do printf '<MeshHeading><DescriptorName UI="%s" MajorTopicYN="N">%s</DescriptorName></MeshHeading>' "${m%%:*}" "${m#*:}"; done
	printf '</MeshHeadingList></MedlineCitation></PubmedArticle>\n'
}
{ echo '<PubmedArticleSet>'
  mesh_rec 1 1 2015 D009220:Myositis; mesh_rec 2 1 2015 D006801:Humans; mesh_rec 3 1 2015 D009220:Myositis
  mesh_rec 4 1 2015 D009220:Myositis; echo '</PubmedArticleSet>'; } >"$FD/in/test26n0001.xml"
{ echo '<PubmedArticleSet>'
  mesh_rec 1 1 2015 D006801:Humans; mesh_rec 2 1 2015 D009220:Myositis D006801:Humans
  echo '<DeleteCitation><PMID Version="1">3</PMID></DeleteCitation></PubmedArticleSet>'; } >"$FD/in/test26n0002.xml"
expect 0 "filters: update semantics" "$BIN" -q -o "$FD/u" --mesh Myositis --documents "$FD/in"
if [ "$(cut -f1 "$FD/u/documents.tsv" | tail -n +2 | sort -n | tr '\n' ' ')" = "2 4 " ] &&
   [ "$(json "$FD/u/summary.json" "d['filters']['passed'], d['filters']['removed'], d['documents']['final']")" = "2 1 3" ] &&
   [ "$(json "$FD/u/summary.json" "d['documents']['deleted']")" = 1 ]; then ok
else ko "filters: update semantics (expected PMIDs 2 and 4: 1 fails in its update, 2 passes in it, 3 is deleted)"; sed 's/^/  | /' "$FD/u/documents.tsv" | head -5; fi
# statistics' universe: N is the documents that pass
if [ "$(awk -F'\t' 'NR > 1 { s += $4 } END { print s }' "$FD/u/entities.tsv")" -ge 1 ] &&
   [ "$(json "$FD/u/summary.json" "d['documents']['with_mentions']")" = 2 ]; then ok; else ko "filters: counts of the documents that pass"; fi
# MEDLINE text: '*' before a descriptor or a qualifier makes a major topic
printf 'PMID- 11\nTI  - Statin myopathy.\nDP  - 2012\nMH  - Myositis/*chemically induced\nMH  - Humans\n\nPMID- 12\nTI  - Other.\nDP  - 2012\nMH  - Myositis/chemically induced\nMH  - *Humans\n' >"$FD/in2.txt"
expect 0 "filters: MEDLINE MH" "$BIN" -q -o "$FD/m" --mesh-major myositis --documents "$FD/in2.txt"
if [ "$(tail -n +2 "$FD/m/documents.tsv" | cut -f1,8,9 | tr '\t\n' ',;')" = "11,Myositis|Humans,Myositis;" ]; then ok
else ko "filters: MEDLINE MH major through a qualifier"; sed 's/^/  | /' "$FD/m/documents.tsv"; fi
# PubTator has no indexing: refused, never silently dropped
printf '5|t|Statin myopathy.\n5|a|Anti-HMGCR.\n\n' >"$FD/pt.txt"
expect 2 "filters: --format pubtator with --mesh refused" "$BIN" -q -o "$FD/pt" --format pubtator --mesh Myositis "$FD/pt.txt"
has "$T/err" "PubTator has no MeSH" "filters: PubTator refusal message"
expect 1 "filters: PubTator input with --years fails its records" "$BIN" -o "$FD/pt" --years 2010- "$FD/pt.txt"
has "$T/err" "PubTator has no MeSH headings.*--years cannot judge" "filters: PubTator record message"
expect 0 "filters: PubTator with --require" "$BIN" -q -o "$FD/pt" --require antibody "$FD/pt.txt"
# bad values: clear errors naming the value (and file:line)
expect 2 "filters: --years 2020-2010" "$BIN" -q -o "$FD/x" --years 2020-2010 "$FD/in"
has "$T/err" "'2020-2010': the first year is after the last" "filters: --years message"
printf '1\n2\nPMID 3\n' >"$FD/bad-pmids.txt"
expect 2 "filters: garbage PMID line" "$BIN" -q -o "$FD/x" --pmids "$FD/bad-pmids.txt" "$FD/in"
has "$T/err" "bad-pmids.txt:3: 'PMID 3' is not a PMID" "filters: PMID file message"
expect 2 "filters: --lang english" "$BIN" -q -o "$FD/x" --lang english "$FD/in"
expect 2 "filters: --require unknown" "$BIN" -q -o "$FD/x" --require antibody:NOSUCH "$FD/in"
has "$T/err" "antibody:nosuch" "filters: --require message"
expect 0 "filters: unknown publication type is a warning" "$BIN" -o "$FD/x" --pubtype "Case Report" "$FD/in"
has "$T/err" "did you mean 'Case Reports'" "filters: publication type suggestion"
expect 2 "filters: merge takes no filter" "$BIN" merge -q -o "$FD/x" --mesh Myositis "$FD/u"
# determinism and shard-and-merge with filters
FI="corpus/"
[ -d "$SHARED/pubmed-xml/pmparser" ] && FI="$SHARED/pubmed-xml/pmparser"
FO="--mesh Humans;Myositis --years 2000- --documents --by-year --evidence 2"
expect 0 "filters -t 1" "$BIN" -q -t 1 $FO -o "$FD/t1" "$FI"
expect 0 "filters -t 2" "$BIN" -q -t 2 --batch-mb 1 $FO -o "$FD/t2" "$FI"
same_dir "$FD/t1" "$FD/t2" "filters: -t 1 and -t 2 differ"
set -- $(find "$FI" -name '*.xml*' | sort)
h=$(( $# / 2 ))
A=$(echo "$@" | tr ' ' '\n' | head -n $h) B=$(echo "$@" | tr ' ' '\n' | tail -n +$((h + 1)))
expect 0 "filters: shard a" "$BIN" -q --partial --mesh "Humans;Myositis" --years 2000- -o "$FD/sa" $A
expect 0 "filters: shard b" "$BIN" -q --partial --mesh "Myositis;Humans" --years 2000- -o "$FD/sb" $B
expect 0 "filters: merge" "$BIN" merge -q --by-year --evidence 2 -o "$FD/mg" "$FD/sb" "$FD/sa"
rm -f "$FD/t1/documents.tsv"
same_dir "$FD/t1" "$FD/mg" "filters: merge differs from one run"
if [ "$(json "$FD/mg/summary.json" "d['filters']['passed']")" = "$(json "$FD/t1/summary.json" "d['filters']['passed']")" ]; then ok
else ko "filters: merged summary.json passed count"; fi
expect 0 "filters: shard with other filters" "$BIN" -q --partial --mesh Humans -o "$FD/sc" $B
expect 2 "filters: merge refuses different filters" "$BIN" merge -q -o "$FD/x" "$FD/sa" "$FD/sc"
has "$T/err" "different filters" "filters: merge refusal message"
# ids above 2^32 in --pmids and --exclude-pmids (PubTator), through a shard and merge
printf '1|t|Statin myopathy.\n1|a|Anti-HMGCR myopathy after atorvastatin.\n\n4294967297|t|Statin myopathy.\n4294967297|a|Anti-HMGCR myopathy after atorvastatin.\n\n9223372036854775807|t|Dermatomyositis.\n9223372036854775807|a|Anti-MDA5 dermatomyositis and rituximab.\n\n' >"$FD/big.pubtator"
printf '4294967297\n9223372036854775807\n' >"$FD/big-pmids.txt"
expect 0 "filters: --pmids above 2^32" "$BIN" -q --pmids "$FD/big-pmids.txt" --documents --partial -o "$FD/big" "$FD/big.pubtator"
if [ "$(tail -n +2 "$FD/big/documents.tsv" | cut -f1 | sort | tr '\n' ' ')" = "4294967297 9223372036854775807 " ] &&
   [ "$(json "$FD/big/summary.json" "d['filters']['passed'], d['filters']['removed']")" = "2 1" ]; then ok
else ko "filters: --pmids with ids above 2^32"; sed 's/^/  | /' "$FD/big/documents.tsv"; fi
expect 0 "filters: merge of --pmids above 2^32" "$BIN" merge -q -o "$FD/bigm" "$FD/big"
if [ "$(json "$FD/bigm/summary.json" "d['filters']['passed']")" = 2 ] && diff "$FD/big/pairs.tsv" "$FD/bigm/pairs.tsv" >/dev/null
then ok; else ko "filters: merge of --pmids above 2^32 differs"; fi
printf '4294967297\n' >"$FD/big-ex.txt"
# documents files are outputs: a second run on the same -o replaces them
expect 0 "filters: --documents=NAME" "$BIN" -q --pmids "$FD/big-pmids.txt" --documents=docs.tsv -o "$FD/big" "$FD/big.pubtator"
expect 0 "filters: a run on an -o holding docs.tsv" "$BIN" -q --pmids "$FD/big-pmids.txt" --documents -o "$FD/big" "$FD/big.pubtator"
expect 0 "filters: a run on an -o holding documents.tsv" "$BIN" -q -o "$FD/big" "$FD/big.pubtator"
if [ ! -e "$FD/big/documents.tsv" ] && [ ! -e "$FD/big/docs.tsv" ]; then ok; else ko "filters: documents files of an earlier run kept"; fi
expect 0 "filters: --exclude-pmids above 2^32" "$BIN" -q --exclude-pmids "$FD/big-ex.txt" --documents -o "$FD/bigx" "$FD/big.pubtator"
if [ "$(tail -n +2 "$FD/bigx/documents.tsv" | cut -f1 | sort | tr '\n' ' ')" = "1 9223372036854775807 " ]; then ok
else ko "filters: --exclude-pmids with an id above 2^32"; sed 's/^/  | /' "$FD/bigx/documents.tsv"; fi
# --with-mesh: headings as document-level concepts of type mesh
# (test26n0001/2 above: final documents 1 Humans, 2 Myositis+Humans, 4 Myositis; 3 deleted)
expect 0 "with-mesh: update semantics" "$BIN" -q -o "$FD/wm" --with-mesh --by-year --evidence 2 --report "$FD/in"
ent() { awk -F'\t' -v id="$2" '$1 == id { print $2 "|" $3 "|" $4 "|" $5 "|" $6 }' "$1/entities.tsv"; }
if [ "$(ent "$FD/wm" mesh:D009220)" = "mesh|Myositis|2|0|0" ] && [ "$(ent "$FD/wm" mesh:D006801)" = "mesh|Humans|2|0|0" ] &&
   [ "$(json "$FD/wm/summary.json" "d['mesh']['concepts'], d['mesh']['documents_indexed'], d['mesh']['mode']")" = "2 3 descriptors" ]
then ok; else ko "with-mesh: documents per descriptor after updates and a deletion"; grep mesh "$FD/wm/entities.tsv" | sed 's/^/  | /'; fi
# a heading pairs with the concepts in sentences (documents only), never with another heading
if awk -F'\t' 'NR > 1 && $3 == "mesh" && $4 == "mesh" { bad = 1 } $1 == "antibody:HMGCR" && $2 == "mesh:D009220" { hit = ($5 == 2 && $6 == 0) } END { exit !(hit && !bad) }' "$FD/wm/pairs.tsv" &&
   [ ! -e "$FD/wm/matrix.mesh-mesh.mtx" ] && [ -e "$FD/wm/matrix.antibody-mesh.mtx" ] && [ -e "$FD/wm/report.html" ] &&
   grep -q "^2015	mesh:D009220	mesh	2\$" "$FD/wm/entities.by-year.tsv"; then ok
else ko "with-mesh: pairs, matrices, by-year and report"; grep mesh "$FD/wm/pairs.tsv" | head -5 | sed 's/^/  | /'; fi
# a later run on the same -o replaces the headings' matrices
cp -r "$FD/wm" "$FD/wm-again"
expect 0 "with-mesh: a run without it on its -o" "$BIN" -q -o "$FD/wm-again" "$FD/in"
if [ ! -e "$FD/wm-again/matrix.antibody-mesh.mtx" ] && ! grep -q mesh "$FD/wm-again/entities.tsv"; then ok; else ko "with-mesh: matrices of an earlier run kept"; fi
# the name of the newest record; MEDLINE keys by name, qualifiers with =qualified, CSV labels quoted
printf 'PMID- 21\nTI  - Anti-HMGCR myopathy.\nDP  - 2012\nMH  - Myositis, Inclusion Body/*chemically induced\nMH  - Humans\n\nPMID- 22\nTI  - Anti-HMGCR myopathy.\nDP  - 2013\nMH  - Myositis, Inclusion Body\n' >"$FD/wm.txt"
expect 0 "with-mesh=qualified on MEDLINE" "$BIN" -q -o "$FD/wmq" --with-mesh=qualified "$FD/wm.txt"
if [ "$(ent "$FD/wmq" "mesh:Myositis, Inclusion Body")" = "mesh|Myositis, Inclusion Body|2|0|0" ] &&
   [ "$(ent "$FD/wmq" "mesh:Myositis, Inclusion Body/chemically induced")" = "mesh|Myositis, Inclusion Body/chemically induced|1|0|0" ] &&
   head -1 "$FD/wmq/matrix.antibody-mesh.csv" | grep -q '^id,mesh:Humans,"mesh:Myositis, Inclusion Body",' ; then ok
else ko "with-mesh: MEDLINE names as keys, qualified concepts, quoted CSV labels"; grep mesh "$FD/wmq/entities.tsv" | sed 's/^/  | /'; head -1 "$FD/wmq/matrix.antibody-mesh.csv"; fi
# =major: the descriptors of major-topic headings only (major through a qualifier too)
expect 0 "with-mesh=major on MEDLINE" "$BIN" -q -o "$FD/wmm" --with-mesh=major "$FD/wm.txt"
if [ "$(grep -c '^mesh:' "$FD/wmm/entities.tsv")" = 1 ] && [ "$(ent "$FD/wmm" "mesh:Myositis, Inclusion Body")" = "mesh|Myositis, Inclusion Body|1|0|0" ] &&
   [ "$(json "$FD/wmm/summary.json" "d['mesh']['mode']")" = major ]; then ok
else ko "with-mesh=major: major-topic headings only"; grep mesh "$FD/wmm/entities.tsv" | sed 's/^/  | /'; fi
{ echo '<PubmedArticleSet>'; mesh_rec 30 1 2015 D009220:Myositis; mesh_rec 31 1 2016 "D009220:Myositis (renamed)"
  mesh_rec 29 1 2014 "D009220:Myositis (old)"; echo '</PubmedArticleSet>'; } >"$FD/names.xml"
expect 0 "with-mesh: names" "$BIN" -q -o "$FD/wmn" --with-mesh "$FD/names.xml"
if [ "$(ent "$FD/wmn" mesh:D009220)" = "mesh|Myositis (renamed)|3|0|0" ]; then ok
else ko "with-mesh: the name is the newest record's"; grep mesh "$FD/wmn/entities.tsv" | sed 's/^/  | /'; fi
# the shipped corpus: anti-HMGCR against the statins' descriptor, and the report's profiles show headings
expect 0 "with-mesh: corpus/ with --report" "$BIN" -q -o "$FD/wmc" --with-mesh --report corpus/
if grep -q "^antibody:HMGCR	mesh:D019161	antibody	mesh	5	0	" "$FD/wmc/pairs.tsv" &&
   [ "$(ent "$FD/wmc" mesh:D019161)" = "mesh|Hydroxymethylglutaryl-CoA Reductase Inhibitors|7|0|0" ] &&
   grep -q "mesh: [0-9]* co-occurring" "$FD/wmc/report.html"; then ok
else ko "with-mesh: anti-HMGCR and D019161 on corpus/, and the report's heading profiles"; grep "D019161" "$FD/wmc/entities.tsv" "$FD/wmc/pairs.tsv" | head -3 | sed 's/^/  | /'; fi
# the headings change nothing of the lexicon's concepts: their rows, pairs and matrices are a plain run's
expect 0 "with-mesh: corpus/ without it" "$BIN" -q -o "$FD/wmc0" corpus/
awk -F'\t' '$3 != "mesh" && $4 != "mesh"' "$FD/wmc/pairs.tsv" >"$FD/wmc.pairs"
grep -v '^mesh:' "$FD/wmc/entities.tsv" >"$FD/wmc.entities"
if cmp -s "$FD/wmc.pairs" "$FD/wmc0/pairs.tsv" && cmp -s "$FD/wmc.entities" "$FD/wmc0/entities.tsv" &&
   cmp -s "$FD/wmc/matrix.antibody-drug.mtx" "$FD/wmc0/matrix.antibody-drug.mtx"; then ok
else ko "with-mesh: the lexicon's rows and pairs differ from a run without it"; fi
# --dense-max keeps a big heading matrix sparse
expect 0 "with-mesh: --dense-max 1" "$BIN" -q -o "$FD/wmd" --with-mesh --dense-max 1 "$FD/in"
if [ -e "$FD/wmd/matrix.antibody-mesh.mtx" ] && [ ! -e "$FD/wmd/matrix.antibody-mesh.csv" ] &&
   [ "$(json "$FD/wmd/summary.json" "d['dense_matrices_skipped'] > 0")" = True ]; then ok; else ko "with-mesh: dense CSV past --dense-max"; fi
# refused combinations; PubTator input has no headings: said, not silent
expect 2 "with-mesh: --level sentence refused" "$BIN" -q -o "$FD/x" --with-mesh --level sentence "$FD/in"
has "$T/err" "cannot be combined" "with-mesh: --level sentence message"
expect 2 "with-mesh: unknown mode" "$BIN" -q -o "$FD/x" --with-mesh=all "$FD/in"
has "$T/err" "unknown --with-mesh mode 'all'" "with-mesh: mode message"
expect 2 "with-mesh: --format pubtator refused" "$BIN" -q -o "$FD/x" --with-mesh --format pubtator "$FD/pt.txt"
expect 0 "with-mesh: PubTator input" "$BIN" -o "$FD/x" --with-mesh "$FD/pt.txt"
has "$T/err" "PubTator has no MeSH headings: its 1 documents count with no mesh concept" "with-mesh: PubTator warning"
expect 2 "with-mesh: --require mesh:..." "$BIN" -q -o "$FD/x" --with-mesh --require mesh:D009220 "$FD/in"
has "$T/err" "MeSH headings are filtered with --mesh" "with-mesh: --require mesh message"
expect 2 "with-mesh: merge takes it from the shards" "$BIN" merge -q -o "$FD/x" --with-mesh "$FD/u"
mkdir -p "$FD/lexmesh" && cp lexicons/*.tsv "$FD/lexmesh/" && printf 'id\ttype\tname\tsynonyms\txrefs\tpattern\nmesh:X\tmesh\txyzzy\t\t-\t\n' >"$FD/lexmesh/zz.tsv"
expect 0 "with-mesh: a lexicon with a type mesh" "$BIN" -q --no-cache -l "$FD/lexmesh" -o "$FD/x" "$FD/in"
expect 2 "with-mesh: ... refused with --with-mesh" "$BIN" -q --no-cache -l "$FD/lexmesh" -o "$FD/x" --with-mesh "$FD/in"
has "$T/err" 'has a type "mesh" of its own' "with-mesh: lexicon type message"
# determinism and shard-and-merge with --with-mesh and filters
WO="--with-mesh=qualified --years 2000- --by-year --evidence 2"
expect 0 "with-mesh -t 1" "$BIN" -q -t 1 $WO -o "$FD/w1" "$FI" "$FD/wm.txt"
expect 0 "with-mesh -t 2, inputs reversed" "$BIN" -q -t 2 --batch-mb 1 $WO -o "$FD/w2" "$FD/wm.txt" "$FI"
same_dir "$FD/w1" "$FD/w2" "with-mesh: -t 1 and -t 2 (reversed inputs) differ"
set -- $(find "$FI" -name '*.xml*' | sort) "$FD/wm.txt"
h=$(( $# / 2 ))
A=$(echo "$@" | tr ' ' '\n' | head -n $h) B=$(echo "$@" | tr ' ' '\n' | tail -n +$((h + 1)))
expect 0 "with-mesh: shard a" "$BIN" -q --partial --with-mesh=qualified --years 2000- -o "$FD/wsa" $A
expect 0 "with-mesh: shard b" "$BIN" -q --partial --with-mesh=qualified --years 2000- -o "$FD/wsb" $B
expect 0 "with-mesh: merge" "$BIN" merge -q --partial --by-year --evidence 2 -o "$FD/wmg" "$FD/wsb" "$FD/wsa"
mv "$FD/wmg/partial.myomine.gz" "$FD/wmg.partial.gz"
same_dir "$FD/w1" "$FD/wmg" "with-mesh: merge differs from one run"
mkdir -p "$FD/wmg2in" && mv "$FD/wmg.partial.gz" "$FD/wmg2in/partial.myomine.gz"
expect 0 "with-mesh: merge of a merge" "$BIN" merge -q --by-year --evidence 2 -o "$FD/wmg2" "$FD/wmg2in"
same_dir "$FD/w1" "$FD/wmg2" "with-mesh: merge of a merged partial result differs from one run"
expect 0 "with-mesh: shard of descriptors" "$BIN" -q --partial --with-mesh --years 2000- -o "$FD/wsc" $B
expect 2 "with-mesh: merge refuses other --with-mesh" "$BIN" merge -q -o "$FD/x" "$FD/wsa" "$FD/wsc"
has "$T/err" "different --with-mesh" "with-mesh: merge refusal message"
# the independent reader over the real files, update files included
if [ -d "$SHARED/pubmed-xml/pmparser" ]; then
	S=$SHARED/pubmed-xml
	script "filters: independent reader (shared corpus)" "$FD/reader.log" python3 tests/filters/check_filters.py "$BIN" "$FD" \
		"$S/pmparser" "$S/exports" "$S/tipplerow" "$S/biopython" "$S/medline16n0902.xml.gz" "$S/test_current_medline.xml.gz" \
		"$S/pubmed-29768149.xml" "$SHARED/medline-txt"
else skip "filters: independent reader needs the shared corpus ($SHARED)"; fi
# -- end: focus --

# ---- negation (issue 18) ---------------------------------------------------------
# The rules of lexicons/negation.txt: the built-in rules are the shipped
# file's; a faulty file is a lexicon error; a negated sentence never supplies
# evidence; precision and recall on the judged set (tests/negation/).
echo "== negation"
NG="$T/neg"
rm -rf "$NG" && mkdir -p "$NG/lex"
cp lexicons/*.tsv lexicons/blocklist.txt "$NG/lex/"
expect 0 "lexicons without negation.txt (built-in rules)" "$BIN" -q --no-cache -l "$NG/lex" --mentions -o "$NG/builtin" corpus/
expect 0 "lexicons with negation.txt" "$BIN" -q --no-cache --mentions -o "$NG/file" corpus/
if cmp -s "$NG/builtin/mentions.tsv" "$NG/file/mentions.tsv"; then ok; else ko "built-in negation rules differ from lexicons/negation.txt"; fi
got=$(json "$NG/builtin/summary.json" "d['lexicon']['negation']")
if [ "$got" = "built-in" ]; then ok; else ko "summary.json lexicon.negation without a file: $got"; fi
got=$(json "$NG/file/summary.json" "d['lexicon']['negation']['rules']")
want=$(grep -c '^[a-z]' lexicons/negation.txt)
if [ "$got" = "$want" ]; then ok; else ko "summary.json lexicon.negation.rules: $got, expected $want"; fi
printf 'pre\tno\nbogus\tnot\n' > "$NG/lex/negation.txt"
expect 2 "a bad negation.txt is a lexicon error" "$BIN" -q --no-cache -l "$NG/lex" -o "$NG/bad" corpus/
has "$T/err" "negation.txt:2: expected kind" "the bad line is named"
grep -v '^pre	none$' lexicons/negation.txt > "$NG/lex/negation.txt"
expect 0 "negation.txt without 'none'" "$BIN" -q --no-cache -l "$NG/lex" --mentions -o "$NG/nonone" corpus/
if awk -F'\t' '$1 == 90000064 && $6 == "anti-PL-7" && $9 == 0' "$NG/nonone/mentions.tsv" | grep -q . &&
   awk -F'\t' '$1 == 90000064 && $6 == "anti-PL-7" && $9 == 1' "$NG/file/mentions.tsv" | grep -q .; then ok
else ko "negation.txt is not what decides (\"None had anti-PL-7\" in 90000064)"; fi
# "None had anti-Jo-1, anti-PL-7, anti-PL-12, ..." is negated: no evidence from it
expect 0 "evidence with text" "$BIN" -q --evidence 5 --evidence-text -o "$NG/ev" corpus/
if [ -s "$NG/ev/evidence.tsv" ] && ! grep -q "None had anti-Jo-1" "$NG/ev/evidence.tsv"; then ok
else ko "evidence.tsv quotes a negated sentence (None had anti-Jo-1 ...)"; fi
if [ -d "$SHARED/pubmed-xml" ] && [ -d "$SHARED/gold/bc5cdr" ]; then
	expect 1 "mentions for the judged negation set" "$BIN" -q --mentions -o "$NG/judged" "$SHARED/pubmed-xml" "$SHARED/medline-txt" \
		"$SHARED/gold/bc5cdr/CDR_DevelopmentSet.PubTator.txt" "$SHARED/gold/bc5cdr/CDR_TrainingSet.PubTator.txt" \
		"$SHARED/gold/ncbi-disease/NCBIdevelopset_corpus.txt" "$SHARED/gold/ncbi-disease/NCBItrainset_corpus.txt"
	script "negation flag on the judged set: precision and recall >= 0.95 (tests/negation/score.py)" "$NG/score.log" \
		python3 tests/negation/score.py tests/negation/judged.tsv "$NG/judged/mentions.tsv" --min-p 0.95 --min-r 0.95
else skip "negation judged set: $SHARED not found"; fi
# -- end: negation --
# ---- store bounds: memory by the number of ids, linear records, merge shards ------
# Peak RSS and CPU seconds are measured (getrusage of the child), with generous
# ceilings: they guard against memory that grows with the values of the ids
# and against time quadratic in a record's mentions, not timings.
echo "== store bounds"
SB=$T/bounds; mkdir -p "$SB"
# usage BIN ARGS...: run, then print "peak_kb cpu_s exit" of the child
usage() {
	python3 -c 'import resource, subprocess, sys
st = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_maxrss, round(r.ru_utime + r.ru_stime, 2), st)' "$@"
}
# bounded DESC MAX_KB MAX_CPU_S ARGS...: exit 0 within both ceilings
bounded() {
	desc=$1 mk=$2 mc=$3; shift 3
	set -- $(usage "$BIN" "$@")
	if [ "$3" -eq 0 ] && [ "$1" -lt "$mk" ] && python3 -c "import sys; sys.exit(not $2 < $mc)"; then ok
	else ko "$desc: exit $3, peak $1 KB (ceiling $mk), $2 s CPU (ceiling $mc)"; fi
}
python3 tests/gen-records.py dense 10000 "$SB/dense.pubtator"
for bits in 32 62; do
	python3 tests/gen-records.py spread 10000 $bits "$SB/s$bits.pubtator"
	bounded "10,000 ids spread over 2^$bits" 204800 30 -q -t 2 --evidence 2 -o "$SB/s$bits" "$SB/s$bits.pubtator"
	# the same documents numbered 1..10,000: the same counts
	[ -d "$SB/dense" ] || "$BIN" -q -t 2 --evidence 2 -o "$SB/dense" "$SB/dense.pubtator"
	if [ "$(json "$SB/s$bits/summary.json" "d['documents']['final']")" = 10000 ] &&
	   diff "$SB/dense/pairs.tsv" "$SB/s$bits/pairs.tsv" >/dev/null && diff "$SB/dense/entities.tsv" "$SB/s$bits/entities.tsv" >/dev/null
	then ok; else ko "ids spread over 2^$bits: counts differ from the dense numbering"; fi
done
# ids up to 2^63 - 1 through the partial result and merge; 2^63 is refused, saying the limit
printf '9223372036854775807|t|dermatomyositis and rituximab\n\n4294967297|t|dermatomyositis with rituximab\n\n' > "$SB/big.pubtator"
expect 0 "ids up to 2^63 - 1" "$BIN" -q --evidence 3 --partial -o "$SB/big" "$SB/big.pubtator"
has "$SB/big/evidence.tsv" "	9223372036854775807	" "the largest id in evidence.tsv"
expect 0 "merge of ids up to 2^63 - 1" "$BIN" merge -q --evidence 3 -o "$SB/bigm" "$SB/big"
if diff "$SB/big/evidence.tsv" "$SB/bigm/evidence.tsv" >/dev/null; then ok; else ko "merge changes ids above 2^32"; fi
printf '9223372036854775808|t|dermatomyositis\n\n' > "$SB/over.pubtator"
expect 1 "an id of 2^63" "$BIN" -q -o "$SB/over" "$SB/over.pubtator"
has "$SB/over/summary.json" "is not a positive integer below 2^63" "the id limit in the message"
# a record of 4 MB full of mentions: as PubTator, as PubMed XML, and as one 4 MB sentence
python3 tests/gen-records.py big 4 "$SB/long.pubtator"
python3 tests/gen-records.py bigxml 4 "$SB/long.xml"
python3 tests/gen-records.py onesentence 4 "$SB/sentence.pubtator"
for f in long.pubtator long.xml sentence.pubtator; do
	bounded "a 4 MB record ($f)" 1048576 10 -q -t 2 --evidence 3 --evidence-text --by-year --mentions \
		-o "$SB/o-$f" "$SB/$f"
	bounded "a 4 MB record ($f), PubTator mentions, sentence level" 1048576 10 -q -t 1 --level sentence \
		--mentions-format pubtator --mentions -o "$SB/p-$f" "$SB/$f"
done
# a record of 15 MB of MeSH headings (about 170,000 concepts with =qualified): its pairs cost
# mentions x headings, never headings x headings
python3 tests/gen-records.py mesh 15 "$SB/mesh.xml"
bounded "a record with 15 MB of MeSH headings" 1048576 10 -q -t 2 --with-mesh=qualified --by-year --evidence 2 -o "$SB/o-mesh" "$SB/mesh.xml"
# merge of a truncated shard: summary.json names it, keeps the files read, counts the failure
"$BIN" -q --partial -o "$SB/sh1" corpus/ && "$BIN" -q --partial -o "$SB/sh2" "$SB/dense.pubtator"
mkdir -p "$SB/cut"
gzip -dc "$SB/sh1/partial.myomine.gz" | head -c 3000 | gzip > "$SB/cut/partial.myomine.gz"
expect 1 "merge of a truncated shard" "$BIN" merge -q -o "$SB/mcut" "$SB/cut" "$SB/sh2"
has "$T/err" "partial result ends inside a line (truncated?)" "the truncation is reported"
script "summary.json of a merge with a truncated shard" "$SB/mcut.log" python3 - "$SB/mcut/summary.json" "$SB/cut" "$SB/sh2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sh = {s['path']: s for s in d['shards']}
bad, good = sh[sys.argv[2]], sh[sys.argv[3]]
assert bad['status'] == 'failed' and 'truncated' in bad['message'] and bad['files'] >= 1, bad
assert good['status'] == 'ok' and good['message'] is None and good['files'] == 1, good
assert d['shards_failed'] == 1 and d['exit_status'] == 1, d['shards_failed']
st = [i['status'] for i in d['inputs']]
cut = [i for i in d['inputs'] if i['status'] in ('error', 'failed')]
assert len(cut) == 1 and 'truncated' in cut[0]['messages'][0], cut
assert d['files']['error'] + d['files']['failed'] == 1 and d['documents']['failed'] >= 1
# the file the truncated shard never reached is listed, pending, naming the shard
pend = [i for i in d['inputs'] if i['status'] == 'pending']
assert len(pend) == 1 and pend[0]['path'].endswith('pubmed26n0002.xml.gz'), st
assert sys.argv[2] in pend[0]['messages'][0] and d['files']['pending'] == 1, pend
assert len(st) == bad['files'] + good['files'] + 1 and [i['path'] for i in d['inputs']] == sorted(
    (i['path'] for i in d['inputs']), key=lambda p: (p.rsplit('/', 1)[-1], p)), st
PY
# -- end: store bounds --
# ---- atomic output directory -------------------------------------------------------
# OUT is replaced as a whole (pipeline/output.h): a failing rename or a signal
# at each step of the commit (MYOMINE_TEST_FAULT, a test hook read only by
# output.c) leaves the previous directory exactly as it was or the complete
# new one, and the message says which; two runs on one -o; the leftovers of
# a SIGKILL; files myomine did not write are never touched.
echo "== atomic output"
A=$T/atomic; mkdir -p "$A/else"
"$BIN" -q --by-year -o "$A/old" corpus/ 2>/dev/null        # the previous result
"$BIN" -q --mentions=m.tsv -o "$A/new" corpus/ 2>/dev/null  # what the faulty runs write
# atomic_case FAULT STATUS old|new MESSAGE ("": none): a run with FAULT on a copy of the
# previous result; afterwards OUT is the old or the new result, nothing but OUT
# (and the outside mentions file) is beside it, and the next run cleans up.
atomic_case() {
	rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/o" && rm -f "$A/else/"* "$A/else/".m*
	MYOMINE_TEST_FAULT=$1 "$BIN" -q --mentions=m.tsv -o "$A/w/o" corpus/ >/dev/null 2>"$A/err"; st=$?
	if [ "$st" -eq "$2" ]; then ok; else ko "fault $1: exit $st, expected $2"; sed 's/^/  | /' "$A/err" | head -3; fi
	if [ "$3" = old ]; then
		if diff -r "$A/old" "$A/w/o" >/dev/null 2>&1; then ok; else ko "fault $1: the previous directory changed"; fi
	else
		same_dir "$A/new" "$A/w/o" "fault $1: OUT is not the complete new result"
	fi
	if [ -n "$4" ]; then has "$A/err" "$4" "fault $1: message"; elif [ -s "$A/err" ] && ! grep -qx 'Killed' "$A/err"; then ko "fault $1: unexpected message"; sed 's/^/  | /' "$A/err" | head -3; else ok; fi
	"$BIN" -q --mentions=m.tsv -o "$A/w/o" corpus/ 2>"$A/err2"; st=$?
	if [ "$st" -eq 0 ] && [ "$(ls -A "$A/w")" = o ]; then ok; else ko "fault $1: the next run (exit $st) left $(ls -A "$A/w" | tr '\n' ' ')"; fi
}
atomic_case sync:fail 3 old "entities.tsv: write failed: Input/output error; no output was changed"
atomic_case swap:fail 3 old "cannot swap the new results in: Input/output error; no output was changed"
atomic_case swap:einval 0 new ""
atomic_case swap:einval,swap2:fail 3 old "cannot rename the new results into place: Input/output error; no output was changed"
atomic_case sync:term 143 old "terminated; no output was changed (.*keeps the previous results)"
atomic_case swap:int 130 old "interrupted; no output was changed"
atomic_case swap:einval,swap2:term 143 new "terminated; the new results were already in place: .* holds the complete new results"
atomic_case cleanup:term 143 new "terminated; the new results were already in place"
atomic_case cleanup:fail 0 new "the previous results could not all be removed"
# SIGKILL: at the swap the previous result stays; between the two renames of
# the fallback OUT is absent and the next run puts the previous result back
atomic_case swap:kill 137 old ""
rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/o"
MYOMINE_TEST_FAULT=swap:einval,swap2:kill "$BIN" -q -o "$A/w/o" corpus/ 2>/dev/null
if [ ! -e "$A/w/o" ] && diff -r "$A/old" "$A/w"/.o.myomine-old.* >/dev/null 2>&1; then ok; else ko "SIGKILL between the fallback's renames: $(ls -A "$A/w" | tr '\n' ' ')"; fi
expect 0 "the run after a SIGKILL" "$BIN" -q -o "$A/w/o" corpus/
has "$T/err" "the previous results, left at .* by an interrupted run, were put back" "the moved-aside result is put back"
if [ "$(ls -A "$A/w")" = o ]; then ok; else ko "leftovers after the run that followed a SIGKILL: $(ls -A "$A/w" | tr '\n' ' ')"; fi
# the mentions file outside OUT: renamed after the swap; if that fails, the swap is undone
rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/o"
expect 0 "mentions outside OUT" "$BIN" -q --mentions="$A/else/m.tsv.gz" -o "$A/w/o" corpus/
if zcat "$A/else/m.tsv.gz" | cmp -s - "$A/new/m.tsv" && [ ! -e "$A/w/o/m.tsv.gz" ]; then ok; else ko "mentions outside OUT: wrong file"; fi
cp "$A/else/m.tsv.gz" "$A/m.prev" && cp -r "$A/w/o" "$A/w.prev"
MYOMINE_TEST_FAULT=extern:fail "$BIN" -q --by-year --mentions="$A/else/m.tsv.gz" -o "$A/w/o" corpus/ 2>"$T/err"; st=$?
if [ $st -eq 3 ] && cmp -s "$A/else/m.tsv.gz" "$A/m.prev" && diff -r "$A/w.prev" "$A/w/o" >/dev/null && [ "$(ls -A "$A/else")" = m.tsv.gz ]; then ok; else ko "failed rename of the outside mentions file: exit $st, $(ls -A "$A/else" "$A/w" | tr '\n' ' ')"; fi
MYOMINE_TEST_FAULT=extern:kill "$BIN" -q --mentions="$A/else/m.tsv.gz" -o "$A/w/o" corpus/ 2>/dev/null
expect 0 "the run after a SIGKILL (outside mentions)" "$BIN" -q --mentions="$A/else/m.tsv.gz" -o "$A/w/o" corpus/
if [ "$(ls -A "$A/else")" = m.tsv.gz ] && [ "$(ls -A "$A/w")" = o ]; then ok; else ko "outside mentions: leftovers of a SIGKILL not removed: $(ls -A "$A/else" "$A/w" | tr '\n' ' ')"; fi
# two runs on one -o: the second fails at once, the first completes
rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/o" && rm -f "$A/fifo" && mkfifo "$A/fifo"
"$BIN" -q -o "$A/w/o" "$A/fifo" corpus/ 2>"$A/first.err" & pid=$!
exec 7>"$A/fifo"; printf '<PubmedArticleSet>' >&7
i=0; while [ ! -s "$A/w/.o.myomine-lock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
expect 3 "a second run on the same -o" "$BIN" -q -o "$A/w/o" corpus/
has "$T/err" "another myomine run is writing $A/w/o (pid $pid)" "concurrent run message"
printf '</PubmedArticleSet>\n' >&7; exec 7>&-; wait "$pid"; st=$?
if [ $st -eq 0 ] && [ "$(ls -A "$A/w")" = o ] && [ ! -e "$A/w/o/years.tsv" ]; then ok; else ko "the first of two runs: exit $st, $(ls -A "$A/w" | tr '\n' ' ')"; sed 's/^/  | /' "$A/first.err" | head -3; fi
# files myomine did not write: the run refuses and touches nothing
for f in notes.txt matrix.foo-bar.csv .hidden; do
	rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/o" && echo mine > "$A/w/o/$f"
	expect 3 "OUT holding $f" "$BIN" -q -o "$A/w/o" corpus/
	has "$T/err" "holds $f, which myomine did not write" "OUT holding $f: message"
	rm "$A/w/o/$f" 2>/dev/null && diff -r "$A/old" "$A/w/o" >/dev/null && [ "$(ls -A "$A/w")" = o ] && ok || ko "OUT holding $f: changed"
done
mkdir -p "$A/mine" && echo mine > "$A/mine/data.csv"
expect 3 "OUT that is not a myomine output" "$BIN" -q -o "$A/mine" corpus/
has "$T/err" "not a myomine output directory" "OUT that is not a myomine output: message"
if [ "$(ls -A "$A/mine")" = data.csv ]; then ok; else ko "a directory that is not a myomine output was changed"; fi
# a symbolic link to OUT: the directory it points to is replaced, the link stays
rm -rf "$A/w" && mkdir -p "$A/w" && cp -r "$A/old" "$A/w/real" && ln -s real "$A/w/o"
expect 0 "OUT is a symbolic link" "$BIN" -q -o "$A/w/o" corpus/
if [ -L "$A/w/o" ] && [ ! -e "$A/w/real/years.tsv" ] && [ -e "$A/w/real/summary.json" ]; then ok; else ko "OUT as a symbolic link: $(ls -lA "$A/w")"; fi
# --report: report.html committed with the other outputs, identical to `myomine report` of the directory
expect 0 "a run with --report" "$BIN" -q --by-year --evidence 3 --evidence-text --partial --report -o "$A/rep" corpus/
expect 0 "myomine report of a --report run" "$BIN" report -q -o "$A/rep.html" "$A/rep"
if [ -s "$A/rep/report.html" ] && cmp -s "$A/rep.html" "$A/rep/report.html"; then ok; else ko "--report: report.html missing or not the page myomine report makes"; fi
expect 0 "merge --report" "$BIN" merge -q --report -o "$A/mrep" "$A/rep"
expect 0 "myomine report of a merge --report" "$BIN" report -q -o "$A/mrep.html" "$A/mrep"
if [ -s "$A/mrep/report.html" ] && cmp -s "$A/mrep.html" "$A/mrep/report.html"; then ok; else ko "merge --report: report.html missing or differs"; fi
# an INPUT directory without input files: a usage error that changes nothing
mkdir -p "$A/emptyin" && cp -r "$A/old" "$A/old.copy"
expect 2 "an INPUT directory without input files" "$BIN" -q -o "$A/old" "$A/emptyin"
has "$T/err" "emptyin: no input file in this directory" "empty INPUT directory: message"
if diff -r "$A/old.copy" "$A/old" >/dev/null 2>&1; then ok; else ko "an empty INPUT directory changed the outputs"; fi
# a closed stderr pipe does not stop the run; a closed stdout fails `report -o -` properly
( "$BIN" -t 1 -o "$A/pipe" "$T/bad" corpus/ 2>&1; echo $? > "$A/pipe.st" ) | head -c 1 >/dev/null
if [ "$(cat "$A/pipe.st")" = 1 ] && [ -s "$A/pipe/summary.json" ]; then ok; else ko "closed stderr pipe: exit $(cat "$A/pipe.st"), expected 1 with outputs"; fi
( "$BIN" report -o - "$A/rep" 2>"$A/pipe.err"; echo $? > "$A/pipe.st" ) | head -c 1 >/dev/null
if [ "$(cat "$A/pipe.st")" = 3 ] && grep -q "standard output: write failed: Broken pipe" "$A/pipe.err"; then ok; else ko "report -o - into a closed pipe: exit $(cat "$A/pipe.st"), expected 3"; fi
# -l twice is refused; a symbolic link to a file read already and a symbolic link loop are each said once
expect 2 "-l given twice" "$BIN" -q -l lexicons -l "$T/bad.tsv" -o "$A/never" corpus/
has "$T/err" "-l given more than once" "-l twice: message"
mkdir -p "$A/links" && cp corpus/pubmed26n0001.xml.gz "$A/links/a.xml.gz" && ln -s a.xml.gz "$A/links/z.xml.gz" && ln -s . "$A/links/loop"
expect 0 "a directory with a symbolic link loop" "$BIN" -o "$A/lk" "$A/links"
has "$T/err" "links/z.xml.gz: the same file as .*links/a.xml.gz" "a symbolic link to a file read already is reported"
has "$T/err" "links/loop: a symbolic link loop (back to .*links); not followed" "a symbolic link loop is reported"
if [ "$(grep -c 'myomine: ' "$T/err")" = 2 ] && [ "$(json "$A/lk/summary.json" "d['files']['total']")" = 1 ]; then ok; else ko "symbolic links: more than two messages or not one file"; sed 's/^/  | /' "$T/err" | head -4; fi
# -- end: atomic output --
# ---- fidelity -------------------------------------------------------------------
# No silent losses in matching and text (issue 16, items 7 and 15).
echo "== fidelity"
FD=$T/fidelity
mkdir -p "$FD"
# a pattern with catastrophic backtracking gives up at PCRE2's match limit on
# the runs of a's; the matches after them are found, the start positions
# given up are counted per pattern, warned with file:line and in summary.json
printf 'test:redos\ttest\tredos\t-\t-\t(?:a+)+b\ntest:fever\ttest\tfever\n' > "$FD/redos.tsv"
python3 -c "print('PMID- 1\nTI  - fever ' + 'a' * 40 + ' c fever.\nAB  - ' + 'a' * 3000 + 'c and fever. ab aab.\n')" > "$FD/redos.txt"
for th in 1 2; do
	expect 0 "ReDoS pattern -t $th" "$BIN" -t $th -l "$FD/redos.tsv" --mentions -o "$FD/redos$th" "$FD/redos.txt"
	has "$T/err" "redos.tsv:1: the pattern of test:redos gave up at a PCRE2 limit (catastrophic backtracking) at 2 start positions" "ReDoS warning"
	n=$(awk -F'\t' '$7 == "test:redos"' "$FD/redos$th/mentions.tsv" | cut -f6 | tr '\n' ' ')
	if [ "$n" = "ab aab " ]; then ok; else ko "ReDoS: matches after the limit lost (got '$n')"; fi
	h=$(json "$FD/redos$th/summary.json" "d['pattern_limit_hits']")
	if [ "$h" = "[{'file': '$FD/redos.tsv', 'line': 1, 'id': 'test:redos', 'hits': 2}]" ]; then ok; else ko "ReDoS: summary.json pattern_limit_hits: $h"; fi
done
h=$(json "$FD/redos1/summary.json" "d['exit_status']")
[ "$h" = 0 ] && ok || ko "ReDoS: exit_status $h in summary.json"
# summary.json is valid JSON (and UTF-8) when an input path is not UTF-8
bad=$(printf 'caf\351.txt')
printf 'PMID- 7\nTI  - Fever.\n' > "$FD/$bad"
expect 0 "input path not UTF-8" "$BIN" -q -o "$FD/badname" "$FD/$bad"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert d["inputs"][0]["path"].endswith("caf\ufffd.txt")' "$FD/badname/summary.json" 2>"$T/err"; then ok
else ko "summary.json with a non-UTF-8 input path is not valid JSON"; head -3 "$T/err" | sed 's/^/  | /'; fi
# a cross-reference prefix outside the documented list (MESH: for MeSH:) is a
# lexicon error naming file:line; the documented ones load
printf 'test:a\ttest\talpha\t-\tMeSH:D1|HPO:HP:0000001\ntest:b\ttest\tbeta\t-\tMESH:D2\n' > "$FD/xref.tsv"
expect 2 "unknown xref prefix" "$BIN" -q -l "$FD/xref.tsv" -o "$FD/xref" "$FD/redos.txt"
has "$T/err" 'xref.tsv:2: cross-reference "MESH:D2"' "unknown xref prefix: file:line"
# a multi-word name matches across any run of white space between its words
# (pretty-printed XML: a line break and indentation); offsets in the original
printf 'test:sle\ttest\tsystemic lupus erythematosus\n' > "$FD/ws.tsv"
printf '<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID Version="1">5</PMID><Article><ArticleTitle>Systemic\n            lupus    \t  erythematosus and systemic -\n   lupus erythematosus</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n' > "$FD/ws.xml"
expect 0 "white space in names" "$BIN" -q -l "$FD/ws.tsv" --mentions -o "$FD/ws" "$FD/ws.xml"
n=$(cut -f4,5 "$FD/ws/mentions.tsv" | tail -n +2 | tr '\t\n' '- ')
if [ "$n" = "0-46 51-84 " ]; then ok; else ko "white space in names: mentions $n, expected 0-46 51-84"; fi
# an AbstractText Label of any length is kept whole (it was cut to 47 bytes)
lab=$(python3 -c "print('METHODS AND RESULTS OF THE RANDOMISED CONTROLLED TRIAL IN ADULTS WITH MYOSITIS')")
printf '<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID Version="1">6</PMID><Article><ArticleTitle>T.</ArticleTitle><Abstract><AbstractText Label="%s">Fever.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n</PubmedArticleSet>\n' "$lab" > "$FD/label.xml"
expect 0 "long section label" "$BIN" -q -l "$FD/redos.tsv" --mentions -o "$FD/label" "$FD/label.xml"
n=$(tail -n +2 "$FD/label/mentions.tsv" | cut -f2)
if [ "$n" = "$lab" ]; then ok; else ko "long section label cut: '$n'"; fi
# -- end: fidelity --
# ---- case facts (--facts) ------------------------------------------------------
# golden facts on corpus/ and tests/inputs/case-facts.pubtator (constructed
# case reports, one PMID revised: only its final version's facts count); -t 1
# = -t 2; the other outputs do not change with --facts; gzip output; a run
# without it removes the facts files; shards made with --partial --facts
# merge (and merge again) to the single run's facts; merge --facts refuses
# partial results made without --facts.  To regenerate
# after a deliberate change, check the diff and copy $T/fa/facts*.tsv to
# tests/golden/facts/.
echo "== facts"
FA="corpus/ tests/inputs/case-facts.pubtator"
"$BIN" -q -t 2 -o "$T/fa" --facts $FA 2>"$T/fa.err"; st=$?
if [ $st -eq 0 ]; then ok; else ko "--facts: exit $st"; head -3 "$T/fa.err" | sed 's/^/  | /'; fi
for f in facts.tsv facts.summary.tsv; do
	if cmp -s "tests/golden/facts/$f" "$T/fa/$f"; then ok; else ko "golden facts: $f differs"; diff "tests/golden/facts/$f" "$T/fa/$f" | head -6 | sed 's/^/  | /'; fi
done
"$BIN" -q -t 1 -o "$T/fa1" --facts $FA 2>/dev/null
same_dir "$T/fa" "$T/fa1" "--facts: -t 1 and -t 2 outputs differ"
"$BIN" -q -t 2 -o "$T/fa0" $FA 2>/dev/null
if diff -r -x summary.json -x 'facts.*' "$T/fa" "$T/fa0" >"$T/diff" 2>&1; then ok; else ko "--facts changes other outputs"; head -5 "$T/diff" | sed 's/^/  | /'; fi
if [ ! -e "$T/fa0/facts.tsv" ] && [ ! -e "$T/fa0/facts.summary.tsv" ]; then ok; else ko "facts files written without --facts"; fi
if grep -q '^9100001	abstract	2	.*	59	years	' "$T/fa/facts.tsv" && ! grep -q '	58	years	A 58-year-old woman$' "$T/fa/facts.tsv"; then ok; else ko "--facts: a superseded version's facts are listed"; fi
"$BIN" -q -t 2 -o "$T/fa" --facts=facts.tsv.gz $FA 2>/dev/null
if gzip -dc "$T/fa/facts.tsv.gz" | cmp -s - tests/golden/facts/facts.tsv && [ ! -e "$T/fa/facts.tsv" ]; then ok; else ko "--facts=FILE.gz: not the golden facts, or the old facts.tsv kept"; fi
"$BIN" -q -o "$T/fa" $FA 2>/dev/null
if [ ! -e "$T/fa/facts.tsv.gz" ] && [ ! -e "$T/fa/facts.summary.tsv" ]; then ok; else ko "a run without --facts keeps the facts files of an earlier run"; fi
"$BIN" -q -o "$T/fas1" --partial --facts corpus/pubmed26n0001.xml.gz 2>/dev/null
"$BIN" -q -o "$T/fas2" --partial --facts corpus/pubmed26n0002.xml.gz tests/inputs/case-facts.pubtator 2>/dev/null
"$BIN" merge -q -o "$T/fam" --facts --partial "$T/fas2" "$T/fas1" 2>/dev/null
for f in facts.tsv facts.summary.tsv; do
	if cmp -s "tests/golden/facts/$f" "$T/fam/$f"; then ok; else ko "merge --facts: $f differs from one run's"; diff "tests/golden/facts/$f" "$T/fam/$f" | head -4 | sed 's/^/  | /'; fi
done
"$BIN" merge -q -o "$T/fam2" --facts "$T/fam" 2>/dev/null
same_dir "$T/fa1" "$T/fam2" "merge --facts of a merged partial result differs from one run"
expect 0 "report with facts" "$BIN" report -q -o "$T/fa1.html" "$T/fa1"
if grep -q '<section id="facts">' "$T/fa1.html" && grep -q 'title="antibody:HMGCR">anti-HMGCR</td>' "$T/fa1.html"; then ok; else ko "report: no case facts panel"; fi
"$BIN" -q -o "$T/fam3" --partial corpus/pubmed26n0001.xml.gz 2>/dev/null
expect 2 "merge --facts of a partial result made without --facts" "$BIN" merge -o "$T/fam4" --facts "$T/fas2" "$T/fam3"
has "$T/err" "made without --facts" "merge --facts: the message says why"
# --facts=NAME is an output: a second run on the same -o recognises it (from
# the earlier summary.json) and replaces it, and the fixed names likewise
expect 0 "--facts=NAME" "$BIN" -q -o "$T/fan" --facts=case-facts.tsv $FA
expect 0 "--facts on an -o holding case-facts.tsv" "$BIN" -q -o "$T/fan" --facts $FA
if [ ! -e "$T/fan/case-facts.tsv" ] && cmp -s tests/golden/facts/facts.tsv "$T/fan/facts.tsv"; then ok; else ko "--facts twice: the first run's facts file kept, or not the golden facts"; fi
expect 0 "--facts=NAME on an -o holding facts.tsv and facts.summary.tsv" "$BIN" -q -o "$T/fan" --facts=case-facts.tsv $FA
if [ ! -e "$T/fan/facts.tsv" ] && cmp -s tests/golden/facts/facts.tsv "$T/fan/case-facts.tsv"; then ok; else ko "--facts=NAME after --facts: facts.tsv kept"; fi
# with filters, facts.tsv and facts.summary.tsv cover the documents that pass,
# as the counts: no excluded PMID, every PMID a documents.tsv row, and per
# concept the documents of facts.summary.tsv are those of entities.tsv; shards
# with the same filters merge to the same facts
printf '9100002\n90000062\n' >"$T/fa-ex.txt"
FF="--exclude-pmids $T/fa-ex.txt --require antibody"
expect 0 "--facts with filters" "$BIN" -q -o "$T/faf" --facts --documents $FF $FA
tail -n +2 "$T/faf/facts.tsv" | cut -f1 | sort -u >"$T/faf.fp"
tail -n +2 "$T/faf/documents.tsv" | cut -f1 | sort -u >"$T/faf.dp"
if ! grep -qx '9100002\|90000062' "$T/faf.fp" && [ -s "$T/faf.fp" ] && [ -z "$(join -v1 "$T/faf.fp" "$T/faf.dp")" ]
then ok; else ko "--facts with filters: facts of documents that fail the filters listed"; fi
tail -n +2 "$T/faf/entities.tsv" | awk -F'\t' '$4 > 0 { print $1 "\t" $4 }' | sort >"$T/faf.ed"
tail -n +2 "$T/faf/facts.summary.tsv" | cut -f1,4 | sort >"$T/faf.sd"
hm() { awk -F'\t' '$1 == "antibody:HMGCR" { print $4 }' "$1"; }
if cmp -s "$T/faf.ed" "$T/faf.sd" && [ "$(hm "$T/faf/facts.summary.tsv")" -eq $(( $(hm "$T/fa1/facts.summary.tsv") - 1 )) ]
then ok; else ko "--facts with filters: facts.summary.tsv documents are not those of the counts"; diff "$T/faf.ed" "$T/faf.sd" | head -4 | sed 's/^/  | /'; fi
expect 0 "--facts with filters: shard a" "$BIN" -q -o "$T/fafa" --partial --facts $FF corpus/pubmed26n0001.xml.gz
expect 0 "--facts with filters: shard b" "$BIN" -q -o "$T/fafb" --partial --facts $FF corpus/pubmed26n0002.xml.gz tests/inputs/case-facts.pubtator
expect 0 "--facts with filters: merge" "$BIN" merge -q -o "$T/fafm" --facts "$T/fafb" "$T/fafa"
for f in facts.tsv facts.summary.tsv entities.tsv; do
	if cmp -s "$T/faf/$f" "$T/fafm/$f"; then ok; else ko "merge --facts with filters: $f differs from one run's"; diff "$T/faf/$f" "$T/fafm/$f" | head -4 | sed 's/^/  | /'; fi
done
# --by-year: facts.summary.by-year.tsv, only then; per concept its years'
# documents add up to facts.summary.tsv's; -t 1 = -t 2; shards merged = one run
if [ ! -e "$T/fa1/facts.summary.by-year.tsv" ]; then ok; else ko "facts.summary.by-year.tsv written without --by-year"; fi
expect 0 "--facts --by-year" "$BIN" -q -t 2 -o "$T/fay" --facts --by-year $FA
"$BIN" -q -t 1 -o "$T/fay1" --facts --by-year $FA 2>/dev/null
same_dir "$T/fay" "$T/fay1" "--facts --by-year: -t 1 and -t 2 outputs differ"
if [ -s "$T/fay/facts.summary.by-year.tsv" ] && head -1 "$T/fay/facts.summary.by-year.tsv" | grep -q '^year	id	type	name	documents	'; then ok; else ko "--facts --by-year: no facts.summary.by-year.tsv"; fi
tail -n +2 "$T/fay/facts.summary.by-year.tsv" | awk -F'\t' '{ s[$2] += $5 } END { for (k in s) print k "\t" s[k] }' | sort >"$T/fay.ys"
tail -n +2 "$T/fay/facts.summary.tsv" | cut -f1,4 | sort >"$T/fay.s"
if [ -s "$T/fay.s" ] && cmp -s "$T/fay.ys" "$T/fay.s"; then ok; else ko "facts.summary.by-year.tsv: per-year documents do not add up to facts.summary.tsv"; diff "$T/fay.ys" "$T/fay.s" | head -4 | sed 's/^/  | /'; fi
if cmp -s tests/golden/facts/facts.summary.tsv "$T/fay/facts.summary.tsv"; then ok; else ko "--by-year changes facts.summary.tsv"; fi
expect 0 "merge --facts --by-year" "$BIN" merge -q -o "$T/faym" --facts --by-year "$T/fas2" "$T/fas1"
same_dir "$T/fay1" "$T/faym" "merge --facts --by-year differs from one run"
"$BIN" -q -o "$T/fay" --facts $FA 2>/dev/null
if [ ! -e "$T/fay/facts.summary.by-year.tsv" ]; then ok; else ko "a run without --by-year keeps facts.summary.by-year.tsv"; fi
# -- end: facts --

# ---- report ----------------------------------------------------------------------
# myomine report: a golden page on corpus/ (summary.json normalised first:
# its timings, threads, paths and cache state change from run to run; to
# regenerate after a deliberate change, check the diff and copy
# $T/rep/report.html to tests/golden/report.html), structural checks on the
# shared corpus, bad input, and the page in headless Chromium.
echo "== report"
# normsum DIR: the parts of DIR/summary.json that vary between runs, fixed
normsum() {
	python3 - "$1/summary.json" "$PWD/" <<'PY'
import json, sys
p, root = sys.argv[1], sys.argv[2]
d = json.load(open(p))
d['command'] = 'myomine --by-year --evidence 3 --evidence-text -o OUT corpus/'
d['threads'] = 2
d['peak_rss_kb'] = 0
d['timings_s'] = {k: 0.001 for k in d['timings_s']}
lx = d['lexicon']
lx['path'] = lx['path'].replace(root, '')
for f in lx['files']: f['path'] = f['path'].replace(root, '')
if lx.get('blocklist'): lx['blocklist']['path'] = lx['blocklist']['path'].replace(root, '')
lx['cache'], lx['cache_file'] = 'small', None
open(p, 'w').write(json.dumps(d, indent=2) + '\n')
PY
}
expect 0 "run with --by-year --evidence-text" "$BIN" -q -t 2 --by-year --evidence 3 --evidence-text -o "$T/rep" corpus/
normsum "$T/rep"
expect 0 "report on corpus/" "$BIN" report -q "$T/rep"
if cmp -s tests/golden/report.html "$T/rep/report.html"; then ok; else ko "golden: report.html differs"; diff tests/golden/report.html "$T/rep/report.html" | head -6 | sed 's/^/  | /'; fi
expect 0 "report to standard output" "$BIN" report -o - "$T/rep"
if cmp -s "$T/out" "$T/rep/report.html"; then ok; else ko "report -o - differs from the file"; fi
# -t 1 gives the same outputs, so the same page
expect 0 "run at -t 1" "$BIN" -q -t 1 --by-year --evidence 3 --evidence-text -o "$T/rep1" corpus/
normsum "$T/rep1"
expect 0 "report at -t 1" "$BIN" report -q -o "$T/rep1.html" "$T/rep1"
if cmp -s "$T/rep1.html" "$T/rep/report.html"; then ok; else ko "report differs between -t 1 and -t 2"; fi
# structural checks: sections, links, nothing external
chkhtml() {
	python3 - "$@" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
bad = []
for sec in ('profiles', 'heatmaps', 'pairs', 'trends', 'negation', 'run'):
    if '<section id="%s">' % sec not in s: bad.append('no section ' + sec)
for h in re.findall(r'href="([^"]*)"', s):
    if not (h.startswith('#') or re.fullmatch(r'https://pubmed\.ncbi\.nlm\.nih\.gov/[1-9][0-9]*/', h)): bad.append('link ' + h)
for pat in (r'\bsrc=', r'<link\b', r'<img\b', r'<iframe\b', r'@import', r'url\((?!#)', r'//(?!pubmed\.ncbi\.nlm\.nih\.gov/)[a-z0-9.-]+\.[a-z]{2,}/'):
    if re.search(pat, s): bad.append('external reference: ' + pat)
if s.count('<script') != 1: bad.append('scripts: %d' % s.count('<script'))
if '<svg class="hm"' not in s: bad.append('no heatmap')
for want in sys.argv[2:]:
    if want not in s: bad.append('missing: ' + want)
print('; '.join(bad)); sys.exit(1 if bad else 0)
PY
}
if chkhtml "$T/rep/report.html" 'pubmed.ncbi.nlm.nih.gov/' 'class="ev"' 'anti-HMGCR' 'anti-SRP' '<polyline' >"$T/chk" 2>&1; then ok; else ko "report structure (corpus/): $(cat "$T/chk")"; fi
if [ -d "$SHARED/pubmed-xml" ]; then
	expect 1 "run on the shared corpus (one broken file)" "$BIN" -q --by-year --evidence 3 --evidence-text -o "$T/reps" "$SHARED/pubmed-xml"
	expect 0 "report on the shared corpus" "$BIN" report -q "$T/reps"
	if chkhtml "$T/reps/report.html" 'class="warn"' 'class="fail"' 'record cut off' >"$T/chk" 2>&1; then ok; else ko "report structure (shared corpus): $(cat "$T/chk")"; fi
else skip "report on the shared corpus: $SHARED/pubmed-xml not found"; fi
# bad input: exit status, a message naming the file, nothing written
mkdir -p "$T/notout"
expect 2 "report on a directory that is not an output" "$BIN" report "$T/notout"
has "$T/err" "not a myomine output directory" "report: not an output directory"
expect 2 "report on a missing directory" "$BIN" report "$T/nonexistent"
expect 2 "report without OUTDIR" "$BIN" report
expect 2 "report with an unknown option" "$BIN" report --bogus "$T/rep"
expect 0 "report --help" "$BIN" report --help
has "$T/out" "Usage: myomine report" "report --help prints usage"
if [ -e "$T/notout/report.html" ]; then ko "report wrote into a directory that is not an output"; else ok; fi
for cut in bytes lines ents; do
	rm -rf "$T/rcut" && cp -r "$T/rep" "$T/rcut" && rm -f "$T/rcut/report.html"
	case $cut in
	bytes) head -c 100000 "$T/rep/pairs.tsv" > "$T/rcut/pairs.tsv"; f=pairs.tsv ;;
	lines) head -n 500 "$T/rep/pairs.tsv" > "$T/rcut/pairs.tsv"; f=pairs.tsv ;;
	ents)  sed 3d "$T/rep/entities.tsv" > "$T/rcut/entities.tsv"; f=entities.tsv ;;
	esac
	expect 1 "report on a cut $f ($cut)" "$BIN" report "$T/rcut"
	has "$T/err" "$f" "report: the message names $f ($cut)"
	if [ -z "$(ls -A "$T/rcut" | grep -e report.html -e myomine-tmp)" ]; then ok; else ko "report on a cut $f ($cut) left a file"; fi
done
expect 3 "report into a missing directory" "$BIN" report -o "$T/nonexistent/r.html" "$T/rep"
# headless Chromium: a screenshot that is not blank, the heatmaps and tables
# in the DOM, the statistic switch working, no console message, no network
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	if [ "${MYOMINE_CI:-}" = 1 ]; then ko "chromium not installed (needed in CI)"; else skip "report in a browser: chromium not installed (apt-get install chromium)"; fi
else
	chrome() {
		prof=$(mktemp -d)
		timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
		  --disable-component-update --disable-sync --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$prof" \
		  --enable-logging=stderr --v=0 --window-size=1400,2000 "$@"
		st=$?
		rm -rf "$prof"
		return $st
	}
	PAGE="file://$PWD/$T/rep/report.html"
	chrome --screenshot="$PWD/$T/report.png" "$PAGE" >/dev/null 2>"$T/chrome1.err"
	if python3 - "$T/report.png" >"$T/png" 2>&1 <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], 'rb').read()
assert b[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w = 8, b'', 0
while pos < len(b):
    n, t = struct.unpack('>I4s', b[pos:pos + 8])
    if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', b[pos + 8:pos + 18])
    if t == b'IDAT': idat += b[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = {2: 3, 6: 4}[ctype]
stride = w * bpp + 1
# the filter bytes aside, count distinct byte triples sampled over the rows
# (filtered values; a blank page has very few)
seen = set()
for y in range(0, len(raw) // stride, 7):
    row = raw[y * stride + 1:(y + 1) * stride]
    for x in range(0, len(row) - 3, bpp * 5): seen.add(row[x:x + 3])
print(len(seen)); sys.exit(0 if len(seen) > 50 else 1)
PY
	then ok; else ko "report screenshot is blank or unreadable: $(cat "$T/png")"; fi
	chrome --dump-dom "$PAGE#stat=0" >"$T/dom.html" 2>"$T/chrome2.err"
	if chkhtml "$T/dom.html" 'class=" js"' '<table class="sort">' '<tbody class="pr">' >"$T/chk" 2>&1; then ok; else ko "report DOM in Chromium: $(cat "$T/chk")"; fi
	# #stat=0: the cells take their first colour (document count)
	if python3 -c "
import re, sys
s = open(sys.argv[1]).read()
c = re.findall(r'<rect class=\"c\"[^>]* fill=\"(#[0-9a-f]{6})\" data-c=\"(#[0-9a-f]{6}) ', s)
sys.exit(0 if c and all(f == d for f, d in c) else 1)" "$T/dom.html"; then ok; else ko "report: the statistic switch did not recolour the heatmaps"; fi
	if grep -E "CONSOLE|Uncaught|ERR_NAME_NOT_RESOLVED|net::ERR" "$T/chrome1.err" "$T/chrome2.err" >"$T/cons" 2>&1; then ko "report: console messages or network requests in Chromium"; head -5 "$T/cons" | sed 's/^/  | /'; else ok; fi
fi

echo "tests: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
