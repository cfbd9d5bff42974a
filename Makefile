# myomine -- flat Makefile.  Switches: asan=1 (AddressSanitizer+UBSan),
# tsan=1 (ThreadSanitizer), debug=1 (at most one of these three), inflate=isal
# (gzip inflated with ISA-L, libisal-dev; combines with any of them).  `make run` builds and runs the
# main job on corpus/; `make check` runs every test.
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -DMM_LEXDIR='"$(PREFIX)/share/myomine/lexicons"'
PKG_CFLAGS := $(shell pkg-config --cflags libpcre2-8 zlib 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libpcre2-8 zlib 2>/dev/null || echo -lpcre2-8 -lz)
LIBS      = $(PKG_LIBS) -lm
PREFIX   ?= /usr/local
OMP       = -fopenmp

# the sanitizers and the debug build each set their own compiler flags: one at a time
ifeq ($(asan)$(tsan),11)
  $(error asan=1 tsan=1: AddressSanitizer and ThreadSanitizer cannot be combined; build each on its own)
endif
ifeq ($(asan)$(debug),11)
  $(error asan=1 debug=1: the ASan build is already a debug build (-O1 -g); use asan=1 alone, or debug=1 for valgrind)
endif
ifeq ($(tsan)$(debug),11)
  $(error tsan=1 debug=1: the TSan build is already a debug build (-O1 -g); use tsan=1 alone, or debug=1 for valgrind)
endif
ifeq ($(asan),1)
  CC      = clang
  CFLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(tsan),1)
  CC      = clang
  CFLAGS  = -O1 -g -fsanitize=thread
  LDFLAGS += -fsanitize=thread
  # libomp is not instrumented: ignore its internals, stop at the first race
  export TSAN_OPTIONS ?= ignore_noninstrumented_modules=1 halt_on_error=1
endif
ifeq ($(asan),1)
  export ASAN_OPTIONS ?= detect_leaks=1 abort_on_error=1
  export UBSAN_OPTIONS ?= print_stacktrace=1 halt_on_error=1
  export LSAN_OPTIONS ?= suppressions=$(CURDIR)/tests/lsan.supp print_suppressions=0
endif
ifeq ($(debug),1)
  CFLAGS  = -O0 -g
  # valgrind cannot see into PCRE2's JIT code: the debug build interprets patterns
  CPPFLAGS += -DMM_NO_JIT
endif
# inflate=isal: pipeline/input.c inflates with ISA-L's isal_inflate() (zlib
# stays linked: it re-reads a faulty member, and writes .gz outputs)
ifeq ($(inflate),isal)
  CPPFLAGS += -DMM_ISAL
  ISAL_LIBS := $(shell pkg-config --libs libisal 2>/dev/null || echo -lisal)
  LIBS     += $(ISAL_LIBS)
else ifneq ($(filter-out zlib,$(inflate)),)
  $(error inflate=$(inflate): use inflate=isal, or inflate=zlib (the default))
endif

SRC  = main.c util.c gzcrc.c input.c split.c split_xml.c split_text.c doc.c pubmed.c medline.c pubtator.c text.c lexicon.c lexbuild.c lexcache.c prefilter.c match.c abbrev.c negate.c store.c count.c mesh.c filter.c documents.c stats.c output.c outdir.c schedule.c inputs.c partial.c write.c write_facts.c summary.c apply.c merge.c run.c report.c report_parse.c report_html.c report_panels.c
SRC += facts.c
# each flavour builds in its own directory; the release binary is ./myomine;
# inflate=isal adds -isal (build/isal, build/asan-isal, ...)
BASE    := $(if $(filter 1,$(asan)),asan,$(if $(filter 1,$(tsan)),tsan,$(if $(filter 1,$(debug)),debug,release)))
FLAVOUR := $(if $(filter isal,$(inflate)),$(patsubst release-isal,isal,$(BASE)-isal),$(BASE))
B    = build/$(FLAVOUR)
OBJ  = $(addprefix $(B)/,$(SRC:.c=.o))
BIN  = $(if $(filter release,$(FLAVOUR)),myomine,$(B)/myomine)
# the zlib and the ISA-L binary of this flavour, compared by run-tests.sh
ZLIB_BIN = $(if $(filter release,$(BASE)),myomine,build/$(BASE)/myomine)
ISAL_BIN = build/$(patsubst release-isal,isal,$(BASE)-isal)/myomine
HDR  = $(wildcard pipeline/*.h) pipeline/entities.inc

.PHONY: all deps run check clean install bench fuzz memcheck

all: deps $(BIN)

# Install the Debian -dev packages when headers are missing (as root), or say how.
DEPS_H   = pcre2.h zlib.h $(if $(filter isal,$(inflate)),isa-l/igzip_lib.h)
DEPS_PKG = libpcre2-dev zlib1g-dev $(if $(filter isal,$(inflate)),libisal-dev)
deps:
	@if ! printf '#include <%s>\n' $(DEPS_H) | $(CC) -DPCRE2_CODE_UNIT_WIDTH=8 -E -x c - >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "myomine: installing $(strip $(DEPS_PKG))"; \
	    (apt-get install -y $(DEPS_PKG) || (apt-get update && apt-get install -y $(DEPS_PKG))) >/dev/null; \
	  else \
	    echo "myomine: missing build dependencies; run: sudo apt-get install -y $(strip $(DEPS_PKG))" >&2; exit 1; \
	  fi; \
	fi

$(BIN): $(OBJ)
	$(CC) $(CFLAGS) $(OMP) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(B)/%.o: pipeline/%.c $(HDR) | deps
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(OMP) $(WARN) -c -o $@ $<

run: all
	./myomine -o myomine-out --mentions corpus/
	@echo "results: $$(pwd)/myomine-out (entities.tsv, pairs.tsv, matrix.*, mentions.tsv, summary.json)"

check: all $(B)/unit
	@MYOMINE_BIN=./$(BIN) MYOMINE_UNIT=./$(B)/unit MYOMINE_FLAVOUR=$(FLAVOUR) \
	  MYOMINE_ZLIB_BIN=./$(ZLIB_BIN) MYOMINE_ISAL_BIN=./$(ISAL_BIN) sh tests/run-tests.sh
	@if [ -n "$$MYOMINE_CI" ] && [ "$(FLAVOUR)" = release ]; then \
	  echo "== CI: the suite under ASan/UBSan, fuzz regressions, each fuzz target for $(CI_FUZZ_SECONDS) s"; \
	  $(MAKE) --no-print-directory check asan=1 && \
	  $(MAKE) --no-print-directory fuzz-regress && \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CI_FUZZ_SECONDS); \
	fi

# CI (.ci/run sets MYOMINE_CI=1) also runs the ASan suite and short fuzzing
CI_FUZZ_SECONDS ?= 20

# valgrind memcheck of a small run (debug build, no JIT): no errors, no definite leaks
MEMCHECK_B = build/debug$(if $(filter isal,$(inflate)),-isal)
memcheck:
	$(MAKE) debug=1 all
	valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite -q \
	  $(MEMCHECK_B)/myomine -q -t 2 -l lexicons -o $(MEMCHECK_B)/memcheck-out --mentions corpus/

clean:
	rm -f myomine
	rm -rf build myomine-out tests/tmp

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/myomine/lexicons $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 myomine $(DESTDIR)$(PREFIX)/bin/
	install -m 644 lexicons/*.tsv lexicons/blocklist.txt lexicons/negation.txt $(DESTDIR)$(PREFIX)/share/myomine/lexicons/
	install -m 644 docs/myomine.1 $(DESTDIR)$(PREFIX)/share/man/man1/

# unit tests: one binary over the pipeline objects (main.o excluded)
UNIT_SRC = $(wildcard tests/unit/*.c)
$(B)/unit: $(UNIT_SRC) tests/unit/test.h $(filter-out $(B)/main.o,$(OBJ))
	$(CC) -std=c11 $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(OMP) $(WARN) $(LDFLAGS) -o $@ $(UNIT_SRC) $(filter-out $(B)/main.o,$(OBJ)) $(LIBS)

# benchmark harness and fuzz targets live beside their code
-include bench/bench.mk
-include tests/fuzz/fuzz.mk
