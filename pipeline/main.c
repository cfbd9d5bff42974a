/* main.c -- command line: options, usage, exit status; nothing else. */
#include "run.h"
#include "filter.h"
#include "input.h"
#include "lexcache.h"
#include "report.h"
#include "mesh.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MM_LEXDIR
#define MM_LEXDIR "/usr/local/share/myomine/lexicons"
#endif

static const char usage_text[] =
"Usage: myomine [options] INPUT...\n"
"       myomine merge [options] DIR...\n"
"       myomine report [-o FILE] OUTDIR\n"
"\n"
"Find antibody, drug, symptom and disease mentions (any lexicon types) in\n"
"PubMed/MEDLINE abstracts and write co-occurrence matrices.\n"
"\n"
"INPUT is a file, a directory searched recursively (in sorted name order) for\n";
/* ... the file name endings of mm_input_exts, then: */
static const char usage_text2[] =
"or - for standard input (piped, not a terminal). gzip (also multi-member)\n"
"and plain files are read.\n"
"\n"
"Options:\n"
"  -o, --output DIR        output directory (default: myomine-out)\n"
"  -t, --threads N         worker threads (default: all cores)\n"
"  -l, --lexicon PATH      lexicon .tsv file or directory of them\n"
"                          (default: the shipped lexicons/)\n"
"      --cache-dir DIR     keep compiled big lexicons here, to load them in\n"
"                          milliseconds next time (default: $MYOMINE_CACHE_DIR,\n"
"                          $XDG_CACHE_HOME/myomine or ~/.cache/myomine)\n"
"      --no-cache          neither read nor write compiled lexicons\n"
"      --format FMT        auto|pubmed|medline|pubtator (default: auto, by content)\n"
"      --level LEVEL       document|sentence: what the matrices count\n"
"                          (default: document)\n"
"      --mentions[=FILE]   also write every mention (default file: mentions.tsv,\n"
"                          or mentions.pubtator; gzip when FILE ends in .gz)\n"
"      --mentions-format F tsv|pubtator (default: tsv)\n"
"      --facts[=FILE]      also write case facts (CK values, age, sex): FILE\n"
"                          (default: facts.tsv; gzip when FILE ends in .gz)\n"
"                          and facts.summary.tsv, per concept\n"
"      --keep-negated      negated mentions (\"anti-SRP was negative\") count in\n"
"                          co-occurrence too (default: they do not)\n"
"      --batch-mb N        records read per batch, in MB (default: 8)\n"
"      --max-record-mb N   skip (and report) records larger than N MB\n"
"                          (default: 16)\n"
"      --min-docs N        pairs.tsv: only pairs in at least N documents\n"
"                          (statistics still use every pair; default: 1)\n"
"      --by-year           also write document counts per publication year:\n"
"                          years.tsv, entities.by-year.tsv, pairs.by-year.tsv\n"
"      --evidence K        also write evidence.tsv: up to K supporting PMIDs\n"
"                          per pair, most recent first\n"
"      --evidence-text     with --evidence: add the sentence they share\n"
"      --partial           also write partial.myomine.gz, for myomine merge\n"
"      --report            also write report.html (as myomine report OUT)\n"
"      --dense-max N       write a dense CSV matrix only up to N cells\n"
"                          (default: 4000000)\n"
"      --documents[=FILE]  also write one row per document that counts (default\n"
"                          file: documents.tsv): journal, language, publication\n"
"                          types, MeSH, mentions per type\n"
"      --with-mesh[=MODE]  count each document's MeSH headings as concepts of\n"
"                          type mesh (mesh:D009220) beside the lexicon's, at the\n"
"                          document level: MODE descriptors (default),\n"
"                          qualified (also mesh:D009220/Q000009 for each\n"
"                          descriptor/qualifier) or major (major topics only)\n"
"\n"
"Filters: only the documents that pass count (the statistics' universe); a\n"
"filter judges the final version of each PMID; several options combine with\n"
"AND, the items of a LIST (separated by ';', or ',' not followed by a space)\n"
"with OR. PubTator input has no indexing: only --pmids, --exclude-pmids and\n"
"--require apply to it.\n"
"      --mesh LIST         MeSH descriptors, by UI (D009220) or name (Myositis)\n"
"      --mesh-major LIST   ... as a major topic (descriptor or a qualifier major)\n"
"      --pubtype LIST      publication types (\"Case Reports\", Review, D016454)\n"
"      --lang LIST         languages (eng, fre, ...)\n"
"      --journal LIST      journals: NlmUniqueID, MedlineTA or ISO abbreviation\n"
"      --years FROM-TO     publication years (2010-2020, 2010-, -1999, 2015)\n"
"      --pmids FILE        only the PMIDs listed in FILE (one a line)\n"
"      --exclude-pmids FILE  none of the PMIDs listed in FILE\n"
"      --require LIST      documents mentioning a concept: an id (antibody:HMGCR)\n"
"                          or a type (antibody); negated mentions only with\n"
"                          --keep-negated\n"
"\n"
"  -q, --quiet             no progress line, warnings or final summary line\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"myomine merge combines the output directories of runs made with --partial\n"
"(any grouping of the input files; same lexicon) into exactly the outputs of\n"
"one run over all their files; it takes the output options above.\n"
"\n"
"myomine report writes OUTDIR/report.html (or -o FILE) from the files of a\n"
"finished run: one self-contained HTML page (antibody profiles, heatmaps, top\n"
"pairs with PubMed links, trends, negation, the run); no network needed.\n"
"\n"
"Outputs in DIR (replaced as a whole: DIR must be new, empty or an earlier\n"
"run's output directory): entities.tsv, pairs.tsv,\n"
"matrix.A-B.{mtx,rows,cols,csv} for every pair of types, summary.json, and\n"
"the mentions file when asked for. See docs/ and `man ./docs/myomine.1`.\n"
"\n"
"Exit status: 0 success; 1 an input failed (outputs hold everything that was\n"
"readable, failures are listed in summary.json); 2 usage or lexicon error\n"
"(nothing run); 3 output could not be written, or another run is writing DIR\n"
"(no output changed); 130/143 interrupted (the message says whether DIR holds\n"
"the previous or the new results).\n";

static void print_usage(FILE *fp)
{
	fputs(usage_text, fp);
	int col = 0;
	for (int i = 0; mm_input_exts[i]; ++i) {
		int w = (int)strlen(mm_input_exts[i]) + 2;
		if (col && col + w > 79) { fputc('\n', fp); col = 0; }
		col += fprintf(fp, "%s*%s", col ? " " : "  ", mm_input_exts[i]);
	}
	fputc('\n', fp);
	fputs(usage_text2, fp);
}

static int finish_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) { fprintf(stderr, "myomine: error writing to standard output\n"); return 3; }
	return 0;
}

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "myomine: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'myomine --help' for more information.\n");
	exit(2);
}

static long parse_long(const char *s, const char *what, long lo, long hi)
{
	char *e;
	errno = 0;
	long v = strtol(s, &e, 10);
	if (!*s || *e || errno || v < lo || v > hi) {
		char m[128];
		snprintf(m, sizeof m, "invalid %s '%%s'", what);
		usage_error(m, s);
	}
	return v;
}

/* ---- the default lexicons ------------------------------------------------------ */

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The shipped lexicons: $MYOMINE_LEXICONS; beside the program (a build
 * tree); ../share/myomine/lexicons from it (an install, also relocated);
 * the lexicons/ of the checkout the program was built in (the nearest
 * directory above it with both lexicons/ and pipeline/: ./myomine,
 * build/isal/myomine); the installed MM_LEXDIR.  NULL, after saying every
 * place it looked, when none exists. */
static char *default_lexicon(void)
{
	const char *env = getenv("MYOMINE_LEXICONS");
	if (env && *env) return mm_strdup(env);
	mm_buf looked = {0}, p = {0};
	mm_buf_puts(&looked, "  $MYOMINE_LEXICONS (not set)\n");
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *sl = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
	if (sl) {
		sl[sl == exe] = 0; /* the program's directory ("/" stays) */
		static const char *const rel[] = { "lexicons", "../share/myomine/lexicons" };
		for (int k = 0; k < 2; ++k) {
			p.l = 0;
			mm_buf_path(&p, exe, rel[k]);
			if (is_dir(p.s)) goto found;
			mm_buf_printf(&looked, "  %s\n", p.s);
		}
		mm_buf_printf(&looked, "  lexicons/ beside pipeline/ (a checkout) in %s and every directory above it\n", exe);
		/* the checkout: walk up from the program's directory */
		for (char *up;;) {
			mm_buf q = {0};
			p.l = 0;
			mm_buf_path(&p, exe, "lexicons");
			mm_buf_path(&q, exe, "pipeline");
			int ok = is_dir(p.s) && is_dir(q.s);
			mm_buf_free(&q);
			if (ok) goto found;
			if (strcmp(exe, "/") == 0 || !(up = strrchr(exe, '/'))) break;
			up[up == exe] = 0;
		}
	}
	if (is_dir(MM_LEXDIR)) { p.l = 0; mm_buf_puts(&p, MM_LEXDIR); goto found; }
	mm_buf_printf(&looked, "  %s (the installed lexicons)\n", MM_LEXDIR);
	fprintf(stderr, "myomine: cannot find the lexicons; looked in:\n%s"
	                "Give them with -l PATH or $MYOMINE_LEXICONS, or install them (make install).\n", looked.s);
	mm_buf_free(&looked);
	mm_buf_free(&p);
	return NULL;
found:
	mm_buf_free(&looked);
	return p.s;
}

/* ---- options ------------------------------------------------------------------- */

/* What the options say beyond mm_opts (lex and cache are owned) */
typedef struct {
	const char *mentions_arg;
	int want_mentions, no_cache;
	char *lex, *cache;
	mm_filter *filter;        /* the filter options (owned) */
	mm_buf warnings;          /* said after the options (unless -q) */
	const char *documents_arg;
	int want_documents;
} cli;

/* Parse the options into o and c.  Returns -1 to go on, or the exit status
 * of --help or --version; exits 2 on a usage error. */
/* The long options: getopt_long()'s table, and the codes of those without a
 * short form (a filter's is O_FILTER + its mm_filter_kind). */
enum { O_FORMAT = 256, O_LEVEL, O_MENTIONS, O_MFORMAT, O_BATCH, O_MAXREC, O_DENSE, O_MINDOCS, O_BYYEAR, O_EVIDENCE, O_EVTEXT, O_PARTIAL, O_KEEPNEG, O_VERSION, O_CACHEDIR, O_NOCACHE, O_REPORT, O_FACTS,
       O_DOCUMENTS, O_WITHMESH, O_FILTER /* + mm_filter_kind */ };
static const struct option long_options[] = {
	{ "output", required_argument, 0, 'o' },
	{ "threads", required_argument, 0, 't' },
	{ "lexicon", required_argument, 0, 'l' },
	{ "format", required_argument, 0, O_FORMAT },
	{ "level", required_argument, 0, O_LEVEL },
	{ "mentions", optional_argument, 0, O_MENTIONS },
	{ "mentions-format", required_argument, 0, O_MFORMAT },
	{ "facts", optional_argument, 0, O_FACTS },
	{ "batch-mb", required_argument, 0, O_BATCH },
	{ "max-record-mb", required_argument, 0, O_MAXREC },
	{ "dense-max", required_argument, 0, O_DENSE },
	{ "min-docs", required_argument, 0, O_MINDOCS },
	{ "by-year", no_argument, 0, O_BYYEAR },
	{ "partial", no_argument, 0, O_PARTIAL },
	{ "keep-negated", no_argument, 0, O_KEEPNEG },
	{ "evidence", required_argument, 0, O_EVIDENCE },
	{ "evidence-text", no_argument, 0, O_EVTEXT },
	{ "cache-dir", required_argument, 0, O_CACHEDIR },
	{ "no-cache", no_argument, 0, O_NOCACHE },
	{ "report", no_argument, 0, O_REPORT },
	{ "documents", optional_argument, 0, O_DOCUMENTS },
	{ "with-mesh", optional_argument, 0, O_WITHMESH },
	{ "mesh", required_argument, 0, O_FILTER + MM_FILT_MESH },
	{ "mesh-major", required_argument, 0, O_FILTER + MM_FILT_MESH_MAJOR },
	{ "pubtype", required_argument, 0, O_FILTER + MM_FILT_PUBTYPE },
	{ "lang", required_argument, 0, O_FILTER + MM_FILT_LANG },
	{ "journal", required_argument, 0, O_FILTER + MM_FILT_JOURNAL },
	{ "years", required_argument, 0, O_FILTER + MM_FILT_YEARS },
	{ "pmids", required_argument, 0, O_FILTER + MM_FILT_PMIDS },
	{ "exclude-pmids", required_argument, 0, O_FILTER + MM_FILT_EXCLUDE },
	{ "require", required_argument, 0, O_FILTER + MM_FILT_REQUIRE },
	{ "quiet", no_argument, 0, 'q' },
	{ "help", no_argument, 0, 'h' },
	{ "version", no_argument, 0, O_VERSION },
	{ 0, 0, 0, 0 }
};

static int parse_options(int argc, char **argv, mm_opts *o, cli *c)
{
	int ch;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:t:l:qh", long_options, NULL)) != -1) {
		switch (ch) {
		case 'o': o->outdir = optarg; break;
		case 't': o->threads = (int)parse_long(optarg, "thread count", 1, 1024); break;
		case 'l':
			if (c->lex) usage_error("-l given more than once ('%s'): give one lexicon file, or a directory of them", optarg);
			c->lex = mm_strdup(optarg);
			break;
		case 'q': o->quiet = 1; mm_verbose = 0; break;
		case 'h': print_usage(stdout); return finish_stdout();
		case O_VERSION: printf("myomine %s (gzip inflate: %s)\n", MM_VERSION, mm_reader_backend()); return finish_stdout();
		case O_FORMAT:
			if (!strcmp(optarg, "auto")) o->format = MM_FMT_AUTO;
			else if (!strcmp(optarg, "pubmed")) o->format = MM_FMT_PUBMED;
			else if (!strcmp(optarg, "medline")) o->format = MM_FMT_MEDLINE;
			else if (!strcmp(optarg, "pubtator")) o->format = MM_FMT_PUBTATOR;
			else usage_error("unknown format '%s' (auto, pubmed, medline or pubtator)", optarg);
			break;
		case O_LEVEL:
			if (!strcmp(optarg, "document")) o->level_sentence = 0;
			else if (!strcmp(optarg, "sentence")) o->level_sentence = 1;
			else usage_error("unknown level '%s' (document or sentence)", optarg);
			break;
		case O_MENTIONS: c->want_mentions = 1; c->mentions_arg = optarg; break;
		case O_MFORMAT:
			if (!strcmp(optarg, "tsv")) o->mentions_pubtator = 0;
			else if (!strcmp(optarg, "pubtator")) o->mentions_pubtator = 1;
			else usage_error("unknown mentions format '%s' (tsv or pubtator)", optarg);
			c->want_mentions = 1;
			break;
		case O_BATCH: o->batch_bytes = (size_t)parse_long(optarg, "batch size", 1, 4096) << 20; break;
		case O_MAXREC: o->max_record = (size_t)parse_long(optarg, "record size", 1, 4096) << 20; break;
		case O_DENSE: o->dense_max = parse_long(optarg, "cell count", 0, LONG_MAX); break;
		case O_MINDOCS: o->min_docs = parse_long(optarg, "document count", 0, LONG_MAX); break;
		case O_BYYEAR: o->by_year = 1; break;
		case O_PARTIAL: o->partial = 1; break;
		case O_KEEPNEG: o->keep_negated = 1; break;
		case O_EVIDENCE: o->evidence = (int)parse_long(optarg, "evidence count", 0, 1000); break;
		case O_EVTEXT: o->evidence_text = 1; break;
		case O_CACHEDIR: free(c->cache); c->cache = mm_strdup(optarg); break;
		case O_NOCACHE: c->no_cache = 1; break;
		case O_FACTS: o->facts = optarg && *optarg ? optarg : "facts.tsv"; break;
		case O_REPORT: o->report = 1; break;
		case O_DOCUMENTS: c->want_documents = 1; c->documents_arg = optarg; break;
		case O_WITHMESH:
			if (!optarg || !strcmp(optarg, "descriptors")) o->with_mesh = MM_MESH_DESCRIPTORS;
			else if (!strcmp(optarg, "qualified")) o->with_mesh = MM_MESH_QUALIFIED;
			else if (!strcmp(optarg, "major")) o->with_mesh = MM_MESH_MAJOR;
			else usage_error("unknown --with-mesh mode '%s' (descriptors, qualified or major)", optarg);
			break;
		case ':': usage_error("option '%s' needs an argument", argv[optind - 1]); break;
		default:
			if (ch >= O_FILTER && ch < O_FILTER + MM_FILT_N) {
				mm_buf e = {0};
				if (!c->filter) c->filter = mm_filter_new();
				int r = mm_filter_add(c->filter, (mm_filter_kind)(ch - O_FILTER), optarg, &e);
				if (r < 0) usage_error("%s", e.s);
				if (r > 0) mm_buf_printf(&c->warnings, "myomine: warning: %s\n", e.s);
				mm_buf_free(&e);
				break;
			}
			usage_error("unknown option '%s'", argv[optind - 1]);
			break;
		}
	}
	return -1;
}

/* Refuse to wait for records typed at a terminal. */
static void check_stdin(const mm_opts *o)
{
	for (int i = 0; i < o->n_inputs; ++i)
		if (strcmp(o->inputs[i], "-") == 0 && isatty(0))
			usage_error("%s", "INPUT - is standard input, which is a terminal here; pipe records into it\n"
			                  "(zcat pubmed.xml.gz | myomine -) or give the files as INPUT");
}

int main(int argc, char **argv)
{
	/* a closed stderr or stdout pipe must not kill the run: writes fail with
	 * EPIPE instead (mm_warn stops printing; standard output is checked) */
	signal(SIGPIPE, SIG_IGN);
	if (argc > 1 && strcmp(argv[1], "report") == 0) return mm_report_main(argc - 1, argv + 1);
	int merge = argc > 1 && strcmp(argv[1], "merge") == 0;
	if (merge) { argv[1] = argv[0]; argv++; argc--; }
	mm_opts o;
	memset(&o, 0, sizeof o);
	o.outdir = "myomine-out";
	o.batch_bytes = 8u << 20;
	o.max_record = (size_t)16 << 20;
	o.dense_max = 4000000;
	cli c = { 0 };
	int rc = parse_options(argc, argv, &o, &c);
	if (rc >= 0) { free(c.lex); free(c.cache); return rc; }
	if (optind >= argc) usage_error("%s", merge ? "no DIR given" : "no INPUT given");
	if (o.evidence_text && !o.evidence) o.evidence = 3;
	if (c.warnings.l && mm_verbose) fputs(c.warnings.s, stderr);
	mm_buf_free(&c.warnings);
	o.filter = c.filter;
	if (c.want_documents) o.documents = c.documents_arg && *c.documents_arg ? c.documents_arg : "documents.tsv";
	if (merge && (mm_filter_kinds(o.filter) || o.documents || o.with_mesh))
		usage_error("%s", "merge: filters, --documents and --with-mesh are given to the runs that make the partial\n"
		                  "results (their filters and --with-mesh are recorded there, and merge uses them)");
	if (o.with_mesh && o.level_sentence)
		usage_error("%s", "--with-mesh counts documents (a MeSH heading is in no sentence): it cannot be combined\n"
		                  "with --level sentence");
	if (o.with_mesh && o.format == MM_FMT_PUBTATOR)
		usage_error("%s", "--with-mesh: PubTator has no MeSH headings (read PubMed XML or MEDLINE text)");
	if (o.format == MM_FMT_PUBTATOR && (mm_filter_kinds(o.filter) & MM_FILT_META_KINDS)) {
		int k = 0;
		while (!(mm_filter_kinds(o.filter) & MM_FILT_META_KINDS & 1u << k)) ++k;
		usage_error("%s cannot judge PubTator input: PubTator has no MeSH headings, publication types, language,\n"
		            "journal or year (filter PubTator input by --pmids, --exclude-pmids or --require)", mm_filter_option[k]);
	}
	if (c.want_mentions) o.mentions = c.mentions_arg && *c.mentions_arg ? c.mentions_arg : o.mentions_pubtator ? "mentions.pubtator" : "mentions.tsv";
	o.inputs = argv + optind;
	o.n_inputs = argc - optind;
	if (!merge) check_stdin(&o);
	if (!c.lex && !(c.lex = default_lexicon())) { free(c.cache); return 2; }
	o.lexicon = c.lex;
	if (c.no_cache) { free(c.cache); c.cache = NULL; }
	else if (!c.cache) c.cache = mm_lexcache_default_dir();
	o.cache_dir = c.cache;
	mm_buf cmd = {0};
	for (int i = 0; i < argc; ++i) { if (i) mm_buf_putc(&cmd, ' '); mm_buf_puts(&cmd, argv[i]); }
	o.cmdline = cmd.s;
	rc = merge ? mm_merge(&o) : mm_run(&o);
	mm_buf_free(&cmd);
	free(c.lex);
	free(c.cache);
	mm_filter_free(c.filter);
	return rc;
}
