/* run.h -- the main job: inputs -> mentions -> co-occurrence outputs.
 *
 * Pipeline (minimap2-style, per batch, driven by schedule.h): reads fill batches
 * of records of at most batch_bytes (independent of the thread count), from
 * several files at once; all threads parse, normalise and match the records
 * of any batch that has been read; batches are applied one at a time in
 * input order.  Output bytes do not depend on -t or on the order of INPUTs:
 * files are sorted by name (then path) before anything is read. */
#ifndef MM_RUN_H
#define MM_RUN_H

#include "doc.h"

typedef struct {
	char **inputs;
	int n_inputs;
	const char *outdir;
	const char *lexicon;
	const char *cache_dir;    /* compiled lexicons (lexcache.h); NULL: none */
	const char *cmdline;
	int threads;
	mm_format format;
	int quiet;
	int level_sentence;
	const char *mentions;     /* NULL: no mentions file */
	int mentions_pubtator;
	size_t batch_bytes;
	size_t max_record;        /* larger XML records are skipped (bytes) */
	long dense_max;
	long min_docs;            /* pairs.tsv: only pairs in at least this many documents */
	int by_year;              /* years.tsv, entities.by-year.tsv, pairs.by-year.tsv */
	int evidence;             /* evidence.tsv: this many documents per pair */
	int evidence_text;        /* ... with the text of the shared sentence */
	int partial;              /* also write partial.myomine.gz (for myomine merge) */
	int keep_negated;         /* negated mentions take part in co-occurrence */
	const char *facts;        /* NULL: no facts files (facts.h); else facts.tsv's name */
	int report;               /* also write report.html (report.h) with the other outputs */
	struct mm_filter *filter; /* filter.h: the documents that count (NULL: all) */
	const char *documents;    /* NULL: no documents file */
	int with_mesh;            /* MeSH headings as concepts (mesh.h: MM_MESH_*) */
} mm_opts;

/* Exit status of the run: 0 ok, 1 some input failed (outputs written from
 * everything readable), 2 configuration error (nothing run), 3 output error
 * (no output changed). */
MM_WUR int mm_run(const mm_opts *o);

/* myomine merge: combine the partial results (o->inputs are the output
 * directories of runs made with --partial) into the outputs one run over
 * all their files would give. Same exit statuses. */
MM_WUR int mm_merge(const mm_opts *o);

/* The endings of the file names that a directory INPUT is searched for
 * (NULL-terminated); other files in directories are not read. */
extern const char *const mm_input_exts[];

#endif
