/* Lexicon loading and matching. */
#include "test.h"
#include "../../pipeline/match.h"
#include "../../pipeline/prefilter.h"
#include "../../pipeline/lexpriv.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char path[512];

static mm_lexicon *load(const char *tsv, mm_buf *err)
{
	snprintf(path, sizeof path, "/tmp/mmunit-%d-lex.tsv", (int)getpid());
	FILE *f = fopen(path, "w");
	fputs(tsv, f);
	fclose(f);
	err->l = 0;
	mm_lexicon *lx = mm_lexicon_load(path, err);
	unlink(path);
	return lx;
}

static const char *lits(const char *pat)
{
	static char buf[512];
	char **l;
	int n = mm_pattern_literals(pat, &l);
	buf[0] = 0;
	for (int i = 0; i < n; ++i) { if (i) strcat(buf, "|"); strcat(buf, l[i]); free(l[i]); }
	free(l);
	return buf;
}

void test_lexicon(void)
{
	/* required literals of patterns (the prefilter): never a literal a
	 * match could lack; nothing when unsure */
	CHECK_STR(lits("(?<![a-z0-9])(?<!hay )fevers?(?![a-z0-9])"), "fever");
	CHECK_STR(lits("(?:glucocorticoids?|steroids?)"), "glucocorticoid|steroid");
	CHECK_STR(lits("(?:high|raised) (?:ck|cpk)"), "high|raised");
	CHECK_STR(lits("anti[- ]?200 ?/ ?100"), "200");  /* digits are rarer than letters */
	CHECK_STR(lits("statins?[- ]?(?:associated|induced|related|triggered) myopathy"), " myopathy");
	CHECK_STR(lits("(?:frequent|recurrent|repeated|multiple|several) falls"), " falls"); /* one literal beats five */
	CHECK_STR(lits("ab+c"), "ab");
	CHECK_STR(lits("x?yz"), "yz");
	CHECK_STR(lits("(?:a|bc)"), "");          /* a 1-character literal is no filter */
	CHECK_STR(lits("(?:foo|[a-z]+)"), "");    /* one branch without a literal */
	CHECK_STR(lits("(?i)fever"), "");         /* options: not understood */
	CHECK_STR(lits("(?<n>fever)"), "");       /* named group: not understood */
	CHECK_STR(lits("fe\\x41ver"), "");         /* \x escape: not understood */
	CHECK_STR(lits("muscle\\s+weakness"), "weakness");
	CHECK_STR(lits("[[:alpha:]]xy"), "xy");     /* fuzzer finding: a POSIX class inside [] */
	CHECK_STR(lits("[^]a]bc[.-.]de"), "bc");

	mm_buf err = {0};
	mm_lexicon *lx = load("# comment\nid\ttype\tname\tsynonyms\txrefs\tpattern\n"
	                      "drug:b\tdrug\tbeta\t-\tMeSH:D1\n"
	                      "drug:a\tdrug\talpha\tx1|y2{cs}\n", &err);
	CHECK(lx != NULL);
	if (lx) {
		CHECK_INT(lx->n_concept, 2);
		CHECK_STR(lx->c[0].id, "drug:a");   /* sorted by id */
		CHECK_STR(lx->c[1].xrefs, "MeSH:D1");
		CHECK_INT(lx->n_type, 1);
		mm_lexicon_free(lx);
	}
	CHECK(load("drug:a\tdrug\n", &err) == NULL);
	CHECK(strstr(err.s, ":1: expected 3 to 6") != NULL);
	CHECK(load("drug:a\tdrug\ta\n\ndrug:a\tdrug\tb\n", &err) == NULL);
	CHECK(strstr(err.s, "duplicate id") != NULL && strstr(err.s, ":3") != NULL);
	/* a pattern with a literal upper-case letter could never match the lower-cased text */
	CHECK(load("symptom:a\tsymptom\tzzqa\t\t\t(?<![a-z])Elevated ck\n", &err) == NULL);
	CHECK(strstr(err.s, ":1: pattern has the upper-case letter 'E' at offset 10") != NULL);
	lx = load("symptom:a\tsymptom\tzzqa\t\t\t(?i)Elevated [A-Z]\\p{Lu}(?<Name>x)\\QCK\\E\n", &err); /* (?i): fine */
	CHECK(lx != NULL);
	mm_lexicon_free(lx);
	CHECK(load("symptom:a\tsymptom\tzzqa\t\t\t[A-Z]\\p{Lu}(?<Name>x)\\QcK\\E\n", &err) == NULL);
	CHECK(strstr(err.s, "upper-case letter 'K' at offset 24") != NULL);
	CHECK(load("drug:a\tdrug\t(+)-catechin\n", &err) == NULL); /* could never match */
	CHECK(strstr(err.s, ":1: synonym \"(+)-catechin\" does not start with a letter or digit") != NULL);
	CHECK(load("drug:a\tdrug\ta\tb{bogus}\n", &err) == NULL);
	CHECK(strstr(err.s, "unknown flag") != NULL);
	CHECK(load("drug:a\tdrug\ta\t\t\t(unclosed\n", &err) == NULL);
	CHECK(strstr(err.s, "pattern error") != NULL);
	CHECK(load("# nothing\n", &err) == NULL);
	CHECK(strstr(err.s, "no entries") != NULL);
	CHECK(load("bad id\tdrug\ta\n", &err) == NULL);
	CHECK(load("drug:a\tdrug\tname\xff\xc3|syn\xe2\x82\n", &err) == NULL); /* fuzzer finding */
	CHECK(strstr(err.s, ":1: invalid UTF-8") != NULL);
	mm_buf_free(&err);
}

static mm_lexicon *LX;
static mm_matcher *MT;
static int WITH_NEG;

/* Match s as one abstract; return "text=id;text=id;..." */
static const char *run(const char *s)
{
	static mm_buf out;
	mm_doc d = {0};
	mm_text t = {0};
	mm_doc_begin_section(&d, "title", 5);
	mm_doc_end_section(&d);
	mm_doc_begin_section(&d, "abstract", 8);
	mm_doc_add_text(&d, s, strlen(s));
	mm_doc_end_section(&d);
	mm_text_build(&t, &d);
	const mm_mention *m;
	size_t n = mm_match(MT, &d, &t, &m);
	out.l = 0;
	mm_buf_grow(&out, 1);
	out.s[0] = 0;
	for (size_t i = 0; i < n; ++i)
		mm_buf_printf(&out, "%s%s%.*s=%s", i ? ";" : "", WITH_NEG && m[i].negated ? "NOT " : "", (int)(m[i].end - m[i].start), d.text.s + m[i].start, LX->c[m[i].concept].id);
	mm_text_free(&t);
	mm_doc_free(&d);
	return out.s;
}

static void test_blocklist(void)
{
	char dir[256], p[300];
	snprintf(dir, sizeof dir, "/tmp/mmunit-%d-bl", (int)getpid());
	mkdir(dir, 0700);
	snprintf(p, sizeof p, "%s/a.tsv", dir);
	FILE *f = fopen(p, "w");
	fputs("antibody:HMGCR\tantibody\tanti-HMGCR\tHMGCR\nsymptom:w\tsymptom\tweakness\n", f);
	fclose(f);
	snprintf(p, sizeof p, "%s/blocklist.txt", dir);
	f = fopen(p, "w");
	fputs("# known false positives\nantibody:HMGCR\tHMGCR expression\n*\tweakness of the study\n", f);
	fclose(f);
	mm_buf err = {0};
	mm_lexicon *lx = mm_lexicon_load(dir, &err);
	CHECK(lx != NULL);
	if (lx) {
		mm_lexicon *keep = LX;
		mm_matcher *keep_m = MT;
		LX = lx;
		MT = mm_matcher_new(lx);
		CHECK_STR(run("HMGCR expression rose; anti-HMGCR and HMGCR were found. A weakness of the study. Weakness."),
		          "anti-HMGCR=antibody:HMGCR;HMGCR=antibody:HMGCR;Weakness=symptom:w");
		mm_matcher_free(MT);
		mm_lexicon_free(lx);
		LX = keep;
		MT = keep_m;
	}
	f = fopen(p, "w");
	fputs("antibody:NOPE\tx\n", f);
	fclose(f);
	CHECK(mm_lexicon_load(dir, &err) == NULL);
	CHECK(strstr(err.s, "blocklist.txt:1: unknown concept id") != NULL);
	unlink(p);
	snprintf(p, sizeof p, "%s/a.tsv", dir);
	unlink(p);
	rmdir(dir);
	mm_buf_free(&err);
}

/* Trie nodes with many children get a dense row by byte class; classes
 * run out after 63 distinct edge bytes and the rows must then be off (a
 * byte without a class once shared class 0: "q\xd7\x90" found the child
 * of "q\xd8\xa8"). */
static void test_dense_rows(void)
{
	mm_buf err = {0}, tsv = {0};
	/* 32 Cyrillic letters, 26 Latin, 10 digits: more than 63 edge bytes */
	mm_buf_puts(&tsv, "drug:cyr\tdrug\t\xd0\xb0\t");
	for (unsigned c = 0x431; c <= 0x44f; ++c) {
		char u[3] = { (char)(0xC0 | c >> 6), (char)(0x80 | (c & 0x3F)), 0 };
		mm_buf_puts(&tsv, "|x"); mm_buf_puts(&tsv, u);
	}
	mm_buf_puts(&tsv, "|abcdefghijklmnopqrstuvwxyz0123456789\n"
	                  "drug:q\tdrug\tqa\tqb|qc|qd|qe\n"
	                  "drug:alef\tdrug\tq\xd7\x90\n"
	                  "drug:beh\tdrug\tq\xd8\xa8\n");
	LX = load(tsv.s, &err);
	if (!LX) { fprintf(stderr, "lexicon: %s\n", err.s); CHECK(0); return; }
	MT = mm_matcher_new(LX);
	CHECK_STR(run("with q\xd7\x90 and q\xd8\xa8 and qc"), "q\xd7\x90=drug:alef;q\xd8\xa8=drug:beh;qc=drug:q");
	mm_matcher_free(MT);
	mm_lexicon_free(LX);
	mm_buf_free(&err);
	mm_buf_free(&tsv);
}

/* The pattern prefilter (Aho-Corasick over required literals, four lanes
 * over long texts) may only skip a pattern where it cannot match: the same
 * patterns wrapped in a named group, which the literal reader does not
 * understand (so they always run), must give the same mentions.  The
 * literals share prefixes and suffixes (he/she/his/hers: failure links,
 * output states reached from several others) and the texts are long
 * enough for the four-lane scan, with the literals moved across its cuts. */
static void test_prefilter(void)
{
	static const char *pat[] = {
		"(?<![a-z0-9])hers?(?![a-z0-9])", "(?<![a-z0-9])she(?![a-z0-9])", "(?<![a-z0-9])his(?![a-z0-9])",
		"(?<![a-z0-9])(?:usher|ushers) of [a-z]+", "(?<![a-z0-9])anti[- ]?1234[a-z]*", "[a-z]*ase 12(?![0-9])",
		"(?<![a-z0-9])(?:high|raised) (?:ck|cpk)(?![a-z0-9])", "(?<![a-z0-9])hishers(?![a-z0-9])",
		"\\(cpk\\) rises?",   /* starts on a '(': not at a token start */
		"ose 7|7 kd",          /* a rejected match (inside a token) must not hide the next one */
	};
	static const char *word[] = { "he", "she", "his", "hers", "usher", "ushers", "of", "it", "anti-1234x", "anti1234",
	                              "kinase", "12", "high", "raised", "ck", "cpk", "hishers", "shehers", "the", "cases", ".",
	                              "(cpk)", "rise", "kd", "glucose", "7" };
	const int np = (int)(sizeof pat / sizeof *pat), nw = (int)(sizeof word / sizeof *word);
	mm_buf a = {0}, b = {0}, err = {0}, text = {0};
	for (int k = 0; k < np; ++k) {
		mm_buf_printf(&a, "symptom:p%d\tsymptom\tzzqp%d\t\t\t%s\n", k, k, pat[k]);
		mm_buf_printf(&b, "symptom:p%d\tsymptom\tzzqp%d\t\t\t(?<g>%s)\n", k, k, pat[k]);
	}
	mm_lexicon *la = load(a.s, &err), *lb = load(b.s, &err);
	CHECK(la && lb);
	if (la && lb) {
		CHECK(la->litac->mask == (1u << np) - 1); /* every pattern has literals... */
		CHECK(lb->litac->mask == 0);              /* ...and none when wrapped */
		mm_matcher *ma = mm_matcher_new(la), *mb = mm_matcher_new(lb);
		uint32_t rnd = 12345;
		for (int round = 0; round < 40; ++round) {
			text.l = 0;
			int len = 200 + round * 97;
			while ((int)text.l < len) {
				rnd = rnd * 1103515245u + 12345u;
				mm_buf_puts(&text, word[(rnd >> 16) % (unsigned)nw]);
				mm_buf_puts(&text, " ");
			}
			LX = la; MT = ma;
			char *ra = mm_strdup(run(text.s));
			LX = lb; MT = mb;
			const char *rb = run(text.s);
			CHECK_STR(ra, rb);
			CHECK(strstr(ra, "=symptom:p") != NULL);
			free(ra);
		}
		LX = la; MT = ma;
		CHECK_STR(run("The (CPK) rise, glucose 7 kD."), "(CPK) rise=symptom:p8;7 kD=symptom:p9");
		LX = lb; MT = mb;
		CHECK_STR(run("The (CPK) rise, glucose 7 kD."), "(CPK) rise=symptom:p8;7 kD=symptom:p9");
		mm_matcher_free(ma);
		mm_matcher_free(mb);
	}
	mm_lexicon_free(la);
	mm_lexicon_free(lb);
	LX = NULL; MT = NULL;
	mm_buf_free(&a); mm_buf_free(&b); mm_buf_free(&err); mm_buf_free(&text);
}

/* Punctuation after a separator inside a name: the walk goes on through
 * any byte the name has there (it once stopped unless a letter or digit
 * came next, so "anti-IL-6 (R)" never matched as a whole). */
static void test_punct_names(void)
{
	mm_buf err = {0};
	LX = load("drug:r\tdrug\tanti-IL-6 (R)\tIL-6 [R]|IL-6\n", &err);
	if (!LX) { fprintf(stderr, "lexicon: %s\n", err.s); CHECK(0); return; }
	MT = mm_matcher_new(LX);
	CHECK_STR(run("Both anti-IL-6 (R) and IL-6 [R] and IL-6 (other) were given."),
	          "anti-IL-6 (R)=drug:r;IL-6 [R]=drug:r;IL-6=drug:r");
	CHECK_STR(run("Then anti-IL-6(R) and IL6 [R]."), "anti-IL-6(R)=drug:r;IL6 [R]=drug:r");
	mm_matcher_free(MT);
	mm_lexicon_free(LX);
	LX = NULL; MT = NULL;
	mm_buf_free(&err);
}

void test_match(void)
{
	test_punct_names();
	test_blocklist();
	test_dense_rows();
	test_prefilter();
	mm_buf err = {0};
	LX = load("antibody:HMGCR\tantibody\tanti-HMGCR\tHMGCR|HMG-CoA reductase\n"
	          "antibody:EJ\tantibody\tanti-EJ\tEJ{cs,ctx}\n"
	          "antibody:OJ\tantibody\tanti-OJ\tOJ{cs,ctx}\n"
	          "antibody:SRP\tantibody\tanti-SRP\tSRP{ctx}|signal recognition particle\n"
	          "antibody:Jo1\tantibody\tanti-Jo-1\tJo-1\n"
	          "antibody:PL7\tantibody\tanti-PL-7\tPL-7\n"
	          "antibody:TIF1g\tantibody\tanti-TIF1-gamma\tTIF1-gamma\n"
	          "drug:statin\tdrug\tstatin\tHMG-CoA reductase inhibitor{whole}\n"
	          "symptom:sm\tsymptom\tstatin myopathy\n"
	          "drug:ritux\tdrug\trituximab\tRTX{cs}\n"
	          "drug:azt\tdrug\tzidovudine\t3'-azido-3'-deoxythymidine\n"
	          "drug:lova\tdrug\tlovastatin\n"
	          "drug:dex\tdrug\tdexamethasone\n"
	          "drug:csa\tdrug\tcyclosporine\n"
	          "drug:mp\tdrug\tmethylprednisolone\n"
	          "disease:bmd\tdisease\tBecker muscular dystrophy\n"
	          "disease:mi\tdisease\tmyocardial infarction\tacute myocardial infarction\n"
	          "drug:ivig\tdrug\tintravenous immunoglobulin\tIVIG{cs}|IVIg{cs}\n"
	          "symptom:pmw\tsymptom\tproximal muscle weakness\n"
	          "symptom:mw\tsymptom\tmuscle weakness\n"
	          "symptom:myopathy\tsymptom\tmyopathy\n"
	          "symptom:raynaud\tsymptom\tRaynaud phenomenon\tRaynaud's phenomenon\n"
	          "symptom:gottron\tsymptom\tGottron papules\n"
	          "symptom:ck\tsymptom\televated creatine kinase\t\t\t(?:raised|elevated|high)\\s+(?:ck|creatine\\s+kinase)\n", &err);
	if (!LX) { fprintf(stderr, "lexicon: %s\n", err.s); CHECK(0); return; }
	MT = mm_matcher_new(LX);
	/* hyphen/space/no-space variants, Unicode dashes, Greek */
	CHECK_STR(run("anti-HMGCR, anti HMGCR and antiHMGCR."), "anti-HMGCR=antibody:HMGCR;anti HMGCR=antibody:HMGCR;antiHMGCR=antibody:HMGCR");
	CHECK_STR(run("anti\xe2\x80\x93HMGCR antibodies"), "anti\xe2\x80\x93HMGCR antibodies=antibody:HMGCR");
	CHECK_STR(run("TIF1\xe2\x80\x90\xce\xb3 and TIF1\xce\xb3 and TIF1 gamma"), "TIF1\xe2\x80\x90\xce\xb3=antibody:TIF1g;TIF1\xce\xb3=antibody:TIF1g;TIF1 gamma=antibody:TIF1g");
	CHECK_STR(run("Jo1 and Jo 1"), "Jo1=antibody:Jo1;Jo 1=antibody:Jo1");
	/* the first-token filter sees what walk() sees: up to 3 separators,
	 * then a digit or a letter; the end of a sentence */
	CHECK_STR(run("anti - HMGCR, Jo - 1, Jo - - - 1 and PL-7"), "anti - HMGCR=antibody:HMGCR;Jo - 1=antibody:Jo1;PL-7=antibody:PL7");
	CHECK_STR(run("It was zidovudine"), "zidovudine=drug:azt");
	/* more tokens than the filter's prefetch distance, before and after */
	CHECK_STR(run("In this study of the patients we saw that the proximal muscle weakness and then the "
	              "myopathy were severe in all of the cases that were reported here by the group"),
	          "proximal muscle weakness=symptom:pmw;myopathy=symptom:myopathy");
	/* longest match wins; class vs antigen */
	CHECK_STR(run("HMG-CoA reductase inhibitors cause proximal muscle weakness."),
	          "HMG-CoA reductase inhibitors=drug:statin;proximal muscle weakness=symptom:pmw");
	/* nested concepts: another type inside is kept with its own span (outer
	 * first), the same type is not; {whole} keeps none (above) */
	CHECK_STR(run("No statin myopathy."), "statin myopathy=symptom:sm;statin=drug:statin");
	CHECK_STR(run("Statin myopathies and proximal muscle weakness"),
	          "Statin myopathies=symptom:sm;Statin=drug:statin;proximal muscle weakness=symptom:pmw");
	/* plurals and possessives, token boundaries */
	CHECK_STR(run("Statins and rituximab's effect; nystatin, somatostatin."), "Statins=drug:statin;rituximab=drug:ritux");
	CHECK_STR(run("myopathies"), "myopathies=symptom:myopathy");
	CHECK_STR(run("Raynaud\xe2\x80\x99s phenomenon"), "Raynaud\xe2\x80\x99s phenomenon=symptom:raynaud");
	CHECK_STR(run("Gottron's papules and Gottron papules"), "Gottron's papules=symptom:gottron;Gottron papules=symptom:gottron");
	/* case-sensitive entries */
	CHECK_STR(run("IVIg and IVIG, not ivig."), "IVIg=drug:ivig;IVIG=drug:ivig");
	/* antibody context */
	CHECK_STR(run("EJ was seen at home."), "");
	CHECK_STR(run("Anti-EJ antibodies were found."), "Anti-EJ antibodies=antibody:EJ");
	CHECK_STR(run("EJ antibodies were found."), "EJ antibodies=antibody:EJ");
	CHECK_STR(run("She was positive for EJ."), "EJ=antibody:EJ");
	CHECK_STR(run("Jo-1, PL-7, SRP, EJ and OJ were tested in the laboratory of the hospital of the county."),
	          "Jo-1=antibody:Jo1;PL-7=antibody:PL7;SRP=antibody:SRP;EJ=antibody:EJ;OJ=antibody:OJ");
	CHECK_STR(run("The SRP pathway. EJ said so."), "");
	/* a sentence boundary stops a match */
	CHECK_STR(run("Muscle. Weakness."), "");
	/* abbreviations defined in the document (Schwartz-Hearst) */
	CHECK_STR(run("Patients had proximal muscle weakness (PMW). PMW improved, and pmw did not."),
	          "proximal muscle weakness=symptom:pmw;PMW=symptom:pmw;PMW=symptom:pmw");
	CHECK_STR(run("We used rituximab (RTX). RTX was well tolerated."), "rituximab=drug:ritux;RTX=drug:ritux;RTX=drug:ritux");
	CHECK_STR(run("A randomised trial extension (RTX) followed. RTX was long."), "");
	CHECK_STR(run("A reverse transcriptase assay (RTX) was used."), "RTX=drug:ritux"); /* no long form: no definition */
	CHECK_STR(run("RTX was given."), "RTX=drug:ritux");

	/* findings of the evaluation (docs/accuracy.md) */
	CHECK_STR(run("3'-azido-3'-deoxythymidine was given."), "3'-azido-3'-deoxythymidine=drug:azt");
	CHECK_STR(run("The Expanded Clinical Evaluation of Lovastatin (EXCEL) study. EXCEL ended."), "Lovastatin=drug:lova");
	CHECK_STR(run("We gave dexamethasone (dex). Dex was stopped."), "dexamethasone=drug:dex;dex=drug:dex;Dex=drug:dex");
	/* definition forms: the short form's last letter missing from the name,
	 * also after words holding its letters; a trailing hyphen; a mention
	 * covering the long form (a longer name, or the same word); two short
	 * forms at once; a hyphenated short form; single capitals as labels */
	CHECK_STR(run("Rats got cyclosporine (CsA). CsA was toxic."), "cyclosporine=drug:csa;CsA=drug:csa;CsA=drug:csa");
	CHECK_STR(run("Conversion in patients undergoing cyclosporine (CsA). CsA was stopped."),
	          "cyclosporine=drug:csa;CsA=drug:csa;CsA=drug:csa");
	CHECK_STR(run("Cyclosporine (CsA-) induced toxicity. CsA was stopped."), "Cyclosporine=drug:csa;CsA=drug:csa;CsA=drug:csa");
	CHECK_STR(run("Rats got cyclosporine (CXB). CXB was toxic."), "cyclosporine=drug:csa"); /* only the last letter may lack */
	CHECK_STR(run("The 3'-azido-3'deoxythymidine (AZT) dose. AZT was given."),
	          "3'-azido-3'deoxythymidine=drug:azt;AZT=drug:azt;AZT=drug:azt");
	CHECK_STR(run("Acute myocardial infarction (MI) was rare. MI recurred."),
	          "Acute myocardial infarction=disease:mi;MI=disease:mi;MI=disease:mi");
	CHECK_STR(run("Highly elevated creatine kinase (CK). CK fell."), "elevated creatine kinase=symptom:ck"); /* CK is not the finding */
	CHECK_STR(run("Boys with Duchenne or Becker muscular dystrophy (DMD or BMD). BMD is milder."),
	          "Becker muscular dystrophy=disease:bmd;BMD=disease:bmd;BMD=disease:bmd");
	CHECK_STR(run("Duchenne and Becker muscular dystrophy (DMD/BMD). DMD/BMD carriers."),
	          "Becker muscular dystrophy=disease:bmd;BMD=disease:bmd;BMD=disease:bmd");
	CHECK_STR(run("Dexamethasone-induced myopathy (dex-M) and dex-M again."),
	          "Dexamethasone=drug:dex;myopathy=symptom:myopathy;dex=drug:dex;dex=drug:dex");
	CHECK_STR(run("Saline (C), methylprednisolone (M) or lovastatin (L) was given. M and L differed; 0.5 M NaCl and M. Smith."),
	          "methylprednisolone=drug:mp;M=drug:mp;lovastatin=drug:lova;L=drug:lova;M=drug:mp;L=drug:lova");
	CHECK_STR(run("We gave methylprednisolone (M) daily. M was stopped."), "methylprednisolone=drug:mp"); /* a lone letter: a list marker */
	/* no short form: a number, a citation, a count */
	CHECK_STR(run("Cyclosporine (2) and cyclosporine (Smith, 2001) and cyclosporine (n = 5); 2 rats."),
	          "Cyclosporine=drug:csa;cyclosporine=drug:csa;cyclosporine=drug:csa");

	/* negation (NegEx-style) */
	WITH_NEG = 1;
	CHECK_STR(run("Myositis specific antibodies including Jo-1, PL-7, SRP, EJ and OJ were negative."),
	          "NOT Jo-1=antibody:Jo1;NOT PL-7=antibody:PL7;NOT SRP=antibody:SRP;NOT EJ=antibody:EJ;NOT OJ=antibody:OJ");
	CHECK_STR(run("Anti-HMGCR was positive and anti-SRP was negative."), "Anti-HMGCR=antibody:HMGCR;NOT anti-SRP=antibody:SRP");
	CHECK_STR(run("There was no muscle weakness or myopathy."), "NOT muscle weakness=symptom:mw;NOT myopathy=symptom:myopathy");
	CHECK_STR(run("Without rituximab, weakness persisted."), "NOT rituximab=drug:ritux");
	CHECK_STR(run("No patient with anti-HMGCR had cancer."), "anti-HMGCR=antibody:HMGCR");
	CHECK_STR(run("There was no increase in muscle weakness."), "muscle weakness=symptom:mw");
	CHECK_STR(run("Myopathy with and without statins."), "Myopathy=symptom:myopathy;statins=drug:statin");
	CHECK_STR(run("No rituximab was given, but muscle weakness improved."), "NOT rituximab=drug:ritux;muscle weakness=symptom:mw");
	CHECK_STR(run("She had never taken statins and had an inflammatory disease with myopathy."), "NOT statins=drug:statin;myopathy=symptom:myopathy");
	CHECK_STR(run("Myopathy was unlikely."), "NOT Myopathy=symptom:myopathy");
	CHECK_STR(run("Four had never taken rituximab and had myopathy with muscle weakness."), "NOT rituximab=drug:ritux;myopathy=symptom:myopathy;muscle weakness=symptom:mw");
	WITH_NEG = 0;
	/* PCRE2 pattern entries on normalised text */
	CHECK_STR(run("Raised  CK and high creatine kinase."), "Raised  CK=symptom:ck;high creatine kinase=symptom:ck");
	mm_matcher_free(MT);
	mm_lexicon_free(LX);
	mm_buf_free(&err);
}
