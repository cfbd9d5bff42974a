/* main.c -- command line: options, usage, exit status; nothing else. */
#include "run.h"
#include "input.h"
#include "lexcache.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
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
"\n"
"Find antibody, drug, symptom and disease mentions (any lexicon types) in\n"
"PubMed/MEDLINE abstracts and write co-occurrence matrices.\n"
"\n"
"INPUT is a file, a directory (searched recursively for *.xml *.xml.gz *.txt\n"
"*.txt.gz *.medline *.pubtator and their .gz forms, read in sorted name order)\n"
"or - for standard input. gzip (also multi-member) and plain files are read.\n"
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
"      --dense-max N       write a dense CSV matrix only up to N cells\n"
"                          (default: 4000000)\n"
"  -q, --quiet             no progress line, warnings or final summary line\n"
"  -h, --help              show this help and exit\n"
"      --version           show the version and exit\n"
"\n"
"myomine merge combines the output directories of runs made with --partial\n"
"(any grouping of the input files; same lexicon) into exactly the outputs of\n"
"one run over all their files; it takes the output options above.\n"
"\n"
"Outputs in DIR (written atomically): entities.tsv, pairs.tsv,\n"
"matrix.A-B.{mtx,rows,cols,csv} for every pair of types, summary.json, and\n"
"the mentions file when asked for. See docs/ and `man ./docs/myomine.1`.\n"
"\n"
"Exit status: 0 success; 1 an input failed (outputs hold everything that was\n"
"readable, failures are listed in summary.json); 2 usage or lexicon error\n"
"(nothing run); 3 output could not be written (no output changed);\n"
"130/143 interrupted (no output changed).\n";

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

static char *default_lexicon(void)
{
	const char *env = getenv("MYOMINE_LEXICONS");
	if (env && *env) return strdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *sl = strrchr(exe, '/');
		if (sl) {
			*sl = 0;
			/* beside the program (a build tree), or in ../share (an install,
			 * also when relocated) */
			static const char *rel[] = { "%s/lexicons", "%s/../share/myomine/lexicons" };
			for (int k = 0; k < 2; ++k) {
				char p[PATH_MAX + 32];
				snprintf(p, sizeof p, rel[k], exe);
				struct stat st;
				if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return strdup(p);
			}
		}
	}
	return strdup(MM_LEXDIR);
}

int main(int argc, char **argv)
{
	enum { O_FORMAT = 256, O_LEVEL, O_MENTIONS, O_MFORMAT, O_BATCH, O_MAXREC, O_DENSE, O_MINDOCS, O_BYYEAR, O_EVIDENCE, O_EVTEXT, O_PARTIAL, O_KEEPNEG, O_VERSION, O_CACHEDIR, O_NOCACHE };
	static const struct option lo[] = {
		{ "output", required_argument, 0, 'o' },
		{ "threads", required_argument, 0, 't' },
		{ "lexicon", required_argument, 0, 'l' },
		{ "format", required_argument, 0, O_FORMAT },
		{ "level", required_argument, 0, O_LEVEL },
		{ "mentions", optional_argument, 0, O_MENTIONS },
		{ "mentions-format", required_argument, 0, O_MFORMAT },
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
		{ "quiet", no_argument, 0, 'q' },
		{ "help", no_argument, 0, 'h' },
		{ "version", no_argument, 0, O_VERSION },
		{ 0, 0, 0, 0 }
	};
	if (argc > 1 && strcmp(argv[1], "report") == 0) return mm_report_main(argc - 1, argv + 1);
	int merge = argc > 1 && strcmp(argv[1], "merge") == 0;
	if (merge) { argv[1] = argv[0]; argv++; argc--; }
	mm_opts o;
	memset(&o, 0, sizeof o);
	o.outdir = "myomine-out";
	o.batch_bytes = 8u << 20;
	o.max_record = (size_t)16 << 20;
	o.dense_max = 4000000;
	const char *mentions_arg = NULL;
	int want_mentions = 0;
	char *lex = NULL, *cache = NULL;
	int c, no_cache = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:t:l:qh", lo, NULL)) != -1) {
		switch (c) {
		case 'o': o.outdir = optarg; break;
		case 't': o.threads = (int)parse_long(optarg, "thread count", 1, 1024); break;
		case 'l': free(lex); lex = strdup(optarg); break;
		case 'q': o.quiet = 1; mm_verbose = 0; break;
		case 'h': fputs(usage_text, stdout); return finish_stdout();
		case O_VERSION: printf("myomine %s (gzip inflate: %s)\n", MM_VERSION, mm_reader_backend()); return finish_stdout();
		case O_FORMAT:
			if (!strcmp(optarg, "auto")) o.format = MM_FMT_AUTO;
			else if (!strcmp(optarg, "pubmed")) o.format = MM_FMT_PUBMED;
			else if (!strcmp(optarg, "medline")) o.format = MM_FMT_MEDLINE;
			else if (!strcmp(optarg, "pubtator")) o.format = MM_FMT_PUBTATOR;
			else usage_error("unknown format '%s' (auto, pubmed, medline or pubtator)", optarg);
			break;
		case O_LEVEL:
			if (!strcmp(optarg, "document")) o.level_sentence = 0;
			else if (!strcmp(optarg, "sentence")) o.level_sentence = 1;
			else usage_error("unknown level '%s' (document or sentence)", optarg);
			break;
		case O_MENTIONS: want_mentions = 1; mentions_arg = optarg; break;
		case O_MFORMAT:
			if (!strcmp(optarg, "tsv")) o.mentions_pubtator = 0;
			else if (!strcmp(optarg, "pubtator")) o.mentions_pubtator = 1;
			else usage_error("unknown mentions format '%s' (tsv or pubtator)", optarg);
			want_mentions = 1;
			break;
		case O_BATCH: o.batch_bytes = (size_t)parse_long(optarg, "batch size", 1, 4096) << 20; break;
		case O_MAXREC: o.max_record = (size_t)parse_long(optarg, "record size", 1, 4096) << 20; break;
		case O_DENSE: o.dense_max = parse_long(optarg, "cell count", 0, LONG_MAX); break;
		case O_MINDOCS: o.min_docs = parse_long(optarg, "document count", 0, LONG_MAX); break;
		case O_BYYEAR: o.by_year = 1; break;
		case O_PARTIAL: o.partial = 1; break;
		case O_KEEPNEG: o.keep_negated = 1; break;
		case O_EVIDENCE: o.evidence = (int)parse_long(optarg, "evidence count", 0, 1000); break;
		case O_EVTEXT: o.evidence_text = 1; break;
		case O_CACHEDIR: free(cache); cache = strdup(optarg); break;
		case O_NOCACHE: no_cache = 1; break;
		case ':': usage_error("option '%s' needs an argument", argv[optind - 1]); break;
		default: usage_error("unknown option '%s'", argv[optind - 1]); break;
		}
	}
	if (optind >= argc) usage_error("%s", merge ? "no DIR given" : "no INPUT given");
	if (o.evidence_text && !o.evidence) o.evidence = 3;
	if (want_mentions) o.mentions = mentions_arg && *mentions_arg ? mentions_arg : o.mentions_pubtator ? "mentions.pubtator" : "mentions.tsv";
	o.inputs = argv + optind;
	o.n_inputs = argc - optind;
	o.lexicon = lex ? lex : (lex = default_lexicon());
	if (no_cache) { free(cache); cache = NULL; }
	else if (!cache) cache = mm_lexcache_default_dir();
	o.cache_dir = cache;
	mm_buf cmd = {0};
	for (int i = 0; i < argc; ++i) { if (i) mm_buf_putc(&cmd, ' '); mm_buf_puts(&cmd, argv[i]); }
	o.cmdline = cmd.s;
	int rc = merge ? mm_merge(&o) : mm_run(&o);
	mm_buf_free(&cmd);
	free(lex);
	free(cache);
	return rc;
}
