# tests/fuzz/fuzz.mk -- libFuzzer targets (included by the top Makefile).
#   make fuzz [FUZZ_SECONDS=30] [FUZZ_TARGETS="fuzz_pubmed ..."] [FUZZ_ARGS=...]
#       build every target and fuzz each for FUZZ_SECONDS with its seeds;
#       new inputs go to tests/fuzz/work/<target>/, crashes to tests/fuzz/artifacts/
#   make fuzz-build      build only (tests/fuzz/bin/)
#   make fuzz-regress    replay tests/fuzz/regressions/* and the seed corpora once
# FUZZ_SRCDIR=DIR FUZZ_BINDIR=DIR build the targets from another copy of the
# pipeline sources (e.g. one with a candidate fix) into another directory.
# inflate=isal (the top Makefile's switch) builds them with the ISA-L reader
# (-DMM_ISAL -lisal) into tests/fuzz/bin/isal/.
# See tests/fuzz/README.md.
FUZZ_DIR     = tests/fuzz
FUZZ_BINDIR ?= $(FUZZ_DIR)/bin$(if $(filter isal,$(inflate)),/isal)
FUZZ_SRCDIR ?= pipeline
FUZZ_CC     ?= clang
FUZZ_SECONDS ?= 30
FUZZ_ARGS   ?=
FUZZ_CFLAGS ?= -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
FUZZ_ALL     = fuzz_reader fuzz_pubmed fuzz_medline fuzz_pubtator fuzz_text fuzz_lexicon fuzz_match $(if $(wildcard $(FUZZ_SRCDIR)/lexcache.c),fuzz_lexcache) $(if $(wildcard $(FUZZ_SRCDIR)/partial.c),fuzz_partial) $(if $(wildcard $(FUZZ_SRCDIR)/report.c),fuzz_report)
FUZZ_ALL    += $(if $(wildcard $(FUZZ_SRCDIR)/facts.c),fuzz_facts)
FUZZ_TARGETS ?= $(FUZZ_ALL)

# pipeline sources compiled into each target, and its -max_len
FUZZ_GZCRC             = $(if $(wildcard $(FUZZ_SRCDIR)/gzcrc.c),gzcrc)
FUZZ_SRC_fuzz_reader   = util $(FUZZ_GZCRC) input split split_xml split_text doc pubmed medline pubtator
FUZZ_MESH              = $(if $(wildcard $(FUZZ_SRCDIR)/mesh.c),mesh)
FUZZ_SRC_fuzz_pubmed   = util doc pubmed $(FUZZ_MESH)
FUZZ_SRC_fuzz_medline  = util doc medline $(FUZZ_MESH)
FUZZ_SRC_fuzz_pubtator = util doc pubtator
FUZZ_SRC_fuzz_text     = util doc text
FUZZ_SRC_fuzz_facts    = util doc text facts
# (with the lexicon's pattern prefilter when the sources have one)
FUZZ_PREFILTER         = $(if $(wildcard $(FUZZ_SRCDIR)/prefilter.c),prefilter)
FUZZ_NEGATE            = $(if $(wildcard $(FUZZ_SRCDIR)/negate.c),negate)
FUZZ_LEX_SRC           = lexicon lexbuild $(FUZZ_PREFILTER) match abbrev $(FUZZ_NEGATE)
FUZZ_SRC_fuzz_lexicon  = util doc text $(FUZZ_LEX_SRC)
FUZZ_SRC_fuzz_match    = util doc text $(FUZZ_LEX_SRC)
FUZZ_SRC_fuzz_lexcache = util gzcrc doc text lexcache $(FUZZ_LEX_SRC)
FUZZ_SRC_fuzz_report   = util report report_parse report_html report_panels
FUZZ_SRC_fuzz_partial  = util $(FUZZ_GZCRC) input split split_xml split_text doc output outdir inputs partial $(FUZZ_MESH) $(if $(wildcard $(FUZZ_SRCDIR)/filter.c),filter)
FUZZ_LEN_fuzz_reader   = 16384
FUZZ_LEN_fuzz_pubmed   = 8192
FUZZ_LEN_fuzz_medline  = 4096
FUZZ_LEN_fuzz_pubtator = 4096
FUZZ_LEN_fuzz_text     = 4096
FUZZ_LEN_fuzz_lexicon  = 4096
FUZZ_LEN_fuzz_match    = 4096
FUZZ_LEN_fuzz_lexcache = 16384
FUZZ_LEN_fuzz_report   = 32768
FUZZ_LEN_fuzz_partial  = 4096

.PHONY: fuzz fuzz-build fuzz-regress fuzz-clean

define FUZZ_RULE
$(FUZZ_BINDIR)/$(1): $(FUZZ_DIR)/$(1).c $(FUZZ_DIR)/check_doc.h $(FUZZ_DIR)/check_match.h $(FUZZ_SRC_$(1):%=$(FUZZ_SRCDIR)/%.c) $(wildcard $(FUZZ_SRCDIR)/*.h $(FUZZ_SRCDIR)/*.inc) $(FUZZ_DIR)/fuzz.mk
	@mkdir -p $(FUZZ_BINDIR)
	$(FUZZ_CC) -std=c11 $(CPPFLAGS) -I$(FUZZ_SRCDIR) $(if $(FUZZ_PREFILTER),-DFUZZ_PREFILTER) $(PKG_CFLAGS) $(FUZZ_CFLAGS) $(OMP) $(WARN) -o $$@.$$$$$$$$ $$< $(FUZZ_SRC_$(1):%=$(FUZZ_SRCDIR)/%.c) $(LIBS) && mv -f $$@.$$$$$$$$ $$@
endef
$(foreach t,$(FUZZ_ALL),$(eval $(call FUZZ_RULE,$(t))))

fuzz-build: deps $(FUZZ_ALL:%=$(FUZZ_BINDIR)/%)

# Each target runs with its seeds (read-only) after its work corpus, so that
# new inputs never land in the committed corpus/; a dictionary when present.
fuzz: fuzz-build
	@mkdir -p $(FUZZ_DIR)/artifacts; fail=; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/work/$$t; \
	  case $$t in \
	    fuzz_reader) len=$(FUZZ_LEN_fuzz_reader) ;; fuzz_pubmed) len=$(FUZZ_LEN_fuzz_pubmed) ;; \
	    fuzz_medline) len=$(FUZZ_LEN_fuzz_medline) ;; fuzz_pubtator) len=$(FUZZ_LEN_fuzz_pubtator) ;; \
	    fuzz_text) len=$(FUZZ_LEN_fuzz_text) ;; fuzz_lexicon) len=$(FUZZ_LEN_fuzz_lexicon) ;; fuzz_lexcache) len=$(FUZZ_LEN_fuzz_lexcache) ;; \
	    fuzz_partial) len=$(FUZZ_LEN_fuzz_partial) ;; fuzz_report) len=$(FUZZ_LEN_fuzz_report) ;; *) len=$(FUZZ_LEN_fuzz_match) ;; \
	  esac; \
	  dict=; [ -f $(FUZZ_DIR)/dict/$$t.dict ] && dict=-dict=$(FUZZ_DIR)/dict/$$t.dict; \
	  echo "== $$t: $(FUZZ_SECONDS) s, -max_len=$$len $$dict"; \
	  FUZZ_LEXICONS=$${FUZZ_LEXICONS:-$(CURDIR)/lexicons} $(FUZZ_BINDIR)/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- $$dict $(FUZZ_ARGS) \
	    $(FUZZ_DIR)/work/$$t $(FUZZ_DIR)/corpus/$$t 2>$(FUZZ_DIR)/work/$$t.log; rc=$$?; \
	  grep -E '^(stat::number_of_executed_units|Done [0-9]+ runs)' $(FUZZ_DIR)/work/$$t.log; \
	  if [ $$rc -ne 0 ]; then fail="$$fail $$t"; tail -40 $(FUZZ_DIR)/work/$$t.log; fi; \
	done; \
	if [ -n "$$fail" ]; then echo "fuzz: FAILED:$$fail (artifacts in $(FUZZ_DIR)/artifacts/, logs in $(FUZZ_DIR)/work/)"; exit 1; fi; \
	echo "fuzz: all targets survived $(FUZZ_SECONDS) s"

fuzz-regress: fuzz-build
	@FUZZ_BIN=$(abspath $(FUZZ_BINDIR)) sh $(FUZZ_DIR)/run-regressions.sh

fuzz-clean:
	rm -rf $(FUZZ_BINDIR) $(FUZZ_DIR)/work $(FUZZ_DIR)/artifacts
