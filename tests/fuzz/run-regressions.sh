#!/bin/sh
# tests/fuzz/run-regressions.sh -- replay, without fuzzing, every saved
# reproducer tests/fuzz/regressions/<target>-<name> and each target's seed
# corpus once through the libFuzzer binaries (build them first: make fuzz-build;
# `make fuzz-regress` does both).  FUZZ_BIN=DIR uses binaries from elsewhere.
# A reproducer fails until the bug it records is fixed.
set -u
cd "$(dirname "$0")" || exit 1
BIN=${FUZZ_BIN:-bin}
: "${FUZZ_LEXICONS:=$(cd ../.. && pwd)/lexicons}"
export FUZZ_LEXICONS
LOG=${TMPDIR:-/tmp}/fuzz-regress.$$
trap 'rm -f "$LOG"' EXIT
pass=0 fail=0 skip=0

# run DESC CMD...: one test, its output shown only when it fails
run() {
	desc=$1; shift
	if "$@" >"$LOG" 2>&1; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL: $desc"
		grep -E 'ERROR|SUMMARY|runtime error|^ *#[0-4] ' "$LOG" | head -6 | sed 's/^/  | /'
	fi
}

for t in fuzz_reader fuzz_pubmed fuzz_medline fuzz_pubtator fuzz_text fuzz_lexicon fuzz_match fuzz_lexcache fuzz_partial fuzz_report fuzz_facts; do
	if [ ! -x "$BIN/$t" ]; then skip=$((skip + 1)); echo "SKIP: $t: $BIN/$t not built (make fuzz-build)"; continue; fi
	run "$t: seed corpus" "$BIN/$t" -runs=0 -timeout=25 "corpus/$t"
	for f in regressions/"$t"-*; do
		[ -f "$f" ] || continue
		run "$t: $f" "$BIN/$t" -timeout=25 "$f"
	done
done
echo "fuzz regressions: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
