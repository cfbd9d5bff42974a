/* report.h -- `myomine report`: one self-contained HTML page (inline CSS,
 * SVG and a little JavaScript; no external resource; the only links go to
 * https://pubmed.ncbi.nlm.nih.gov/PMID/) drawn from the files of a finished
 * output directory: the run, heatmaps per pair of types, profiles of the
 * concepts of the first type (antibodies), the top pairs with their
 * evidence, trends over the years and negation.  Every list is capped and
 * the page says what was left out, so the page stays small (a few MB at
 * most) whatever the size of the run.  The bytes depend only on the files
 * read: the same directory gives the same page.  Panels and their reading:
 * docs/report.md.
 *
 * The files are checked as a run writes them (docs/outputs.md); the first
 * fault is an error that names the file and line.  Library code: nothing is
 * printed; not thread-safe only in that one call must not share its html
 * and err buffers with another. */
#ifndef MM_REPORT_H
#define MM_REPORT_H

#include "util.h"

/* Outcomes; the values are the exit status of `myomine report`. */
typedef enum {
	MM_REPORT_OK = 0,
	MM_REPORT_BAD = 1,      /* a file is truncated or inconsistent (err names it and the line) */
	MM_REPORT_NOTOUT = 2,   /* not a myomine output directory: no summary.json, entities.tsv or pairs.tsv, or unreadable */
	MM_REPORT_WRITE = 3     /* the page could not be written (nothing was left behind) */
} mm_report_status;

/* Where an output NAME ("pairs.tsv", "summary.json", ...) of the run is
 * read from: set *path and return 1, or return 0 when the run has no such
 * output.  With NULL, the report reads OUTDIR/NAME. */
typedef int (*mm_report_locate)(void *ud, const char *name, mm_buf *path);

/* Build the page from the outputs in outdir (found through loc/ud, see
 * above) and append it to *html (the caller's; freed by the caller).
 * Returns MM_REPORT_OK, or MM_REPORT_BAD / MM_REPORT_NOTOUT with a message
 * in err; *html may then hold a partial page, to be discarded. */
mm_report_status mm_report_build(const char *outdir, mm_report_locate loc, void *ud, mm_buf *html, mm_buf *err) MM_WUR;

/* mm_report_build() on outdir, written to out_file (NULL: OUTDIR/report.html;
 * "-": standard output) through a temporary file renamed into place, so
 * that on any error nothing is written and an earlier page stays. */
mm_report_status mm_report_write(const char *outdir, const char *out_file, mm_buf *err) MM_WUR;

/* `myomine report [options] OUTDIR`: argv[0] is "report".  Prints its own
 * usage and errors; returns the exit status (mm_report_status, 2 for usage
 * errors). */
int mm_report_main(int argc, char **argv);

#endif
