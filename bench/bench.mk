# bench/bench.mk -- throughput benchmark (included by the top-level Makefile).
#   make bench         full run: ~1 GB corpus, 200 MB single file, 5 repetitions
#   make bench-quick   smoke run: ~100 MB, 50 MB single file, 3 repetitions (< 3 min);
#                      rows go to bench/tmp/results-quick.tsv, not the tracked bench/results.tsv
#   make bench-clean   remove generated data, scratch files and bench/inflate
#   make bench-profile callgrind (and perf) profile of myomine -t 1 on generated data
# Extra options go in BENCH_ARGS (e.g. make bench BENCH_ARGS="--reps 3 --cases inflate,myomine");
# see bench/README.md for the BENCH_* environment variables.
# With ISA-L installed (libisal-dev), bench and bench-quick also build build/bench/inflate-isal and
# the inflate=isal myomine (build/isal/myomine) and measure them next to zlib (BENCH_ISAL=0: not).
PYTHON     ?= python3
BENCH_ARGS ?=
ZLIB_LIBS  := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)

.PHONY: bench bench-quick bench-clean

# the reference program: zlib only, single-threaded
bench/inflate: bench/inflate.c
	$(CC) -std=c11 $(CFLAGS) $(WARN) -o $@ $< $(ZLIB_LIBS)

# the same with ISA-L, and the inflate=isal build, when libisal-dev is installed
BENCH_ISAL ?= $(shell pkg-config --exists libisal 2>/dev/null && echo 1)
BENCH_ISAL_DEPS = $(if $(filter 1,$(BENCH_ISAL)),build/bench/inflate-isal bench-isal-build)
build/bench/inflate-isal: bench/inflate.c
	@mkdir -p build/bench
	$(CC) -std=c11 $(CFLAGS) $(WARN) -DBENCH_ISAL -o $@ $< $$(pkg-config --libs libisal) $(ZLIB_LIBS)

.PHONY: bench-isal-build
bench-isal-build:
	$(MAKE) --no-print-directory inflate=isal all

bench: all bench/inflate $(BENCH_ISAL_DEPS)
	$(PYTHON) bench/run-bench $(if $(filter 1,$(BENCH_ISAL)),,--no-isal) $(BENCH_ARGS)

bench-quick: all bench/inflate $(BENCH_ISAL_DEPS)
	$(PYTHON) bench/run-bench --quick $(if $(filter 1,$(BENCH_ISAL)),,--no-isal) $(BENCH_ARGS)

bench-clean:
	rm -rf bench/data bench/tmp bench/inflate build/bench

# instruction profile (valgrind callgrind) and, where perf can sample, a time profile
.PHONY: bench-profile
bench-profile: all
	sh bench/profile
