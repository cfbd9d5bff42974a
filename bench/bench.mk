# bench/bench.mk -- throughput benchmark (included by the top-level Makefile).
#   make bench         full run: ~1 GB corpus, 200 MB single file, 5 repetitions
#   make bench-quick   smoke run: ~100 MB, 50 MB single file, 3 repetitions (< 3 min)
#   make bench-clean   remove generated data, scratch files and bench/inflate
#   make bench-profile callgrind (and perf) profile of myomine -t 1 on generated data
# Extra options go in BENCH_ARGS (e.g. make bench BENCH_ARGS="--reps 3 --cases inflate,myomine");
# see bench/README.md for the BENCH_* environment variables.
PYTHON     ?= python3
BENCH_ARGS ?=
ZLIB_LIBS  := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)

.PHONY: bench bench-quick bench-clean

# the reference program: zlib only, single-threaded
bench/inflate: bench/inflate.c
	$(CC) -std=c11 $(CFLAGS) $(WARN) -o $@ $< $(ZLIB_LIBS)

bench: all bench/inflate
	$(PYTHON) bench/run-bench $(BENCH_ARGS)

bench-quick: all bench/inflate
	$(PYTHON) bench/run-bench --quick $(BENCH_ARGS)

bench-clean:
	rm -rf bench/data bench/tmp bench/inflate

# instruction profile (valgrind callgrind) and, where perf can sample, a time profile
.PHONY: bench-profile
bench-profile: all
	sh bench/profile
