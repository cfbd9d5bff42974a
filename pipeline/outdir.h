/* outdir.h -- which files of an output directory are myomine's (private to
 * output.c, which replaces the directory as a whole; output.h). */
#ifndef MM_OUTDIR_H
#define MM_OUTDIR_H

#include "util.h"

/* The outputs of an earlier run, as its summary.json describes them. */
typedef struct {
	char **type;       /* lexicon types: the matrix.A-B.* names */
	int n_type;
	char *mentions;    /* --mentions=NAME of its command, or NULL */
	char *documents;   /* --documents=NAME of its command, or NULL */
	char *facts;       /* --facts=NAME of its command, or NULL */
} mm_owned;

void mm_owned_free(mm_owned *ow);
/* Check that directory path (user: its name for messages) holds nothing but
 * myomine's files: the outputs its summary.json (written by myomine)
 * describes, this run's mentions file name (mentions, may be NULL) and
 * myomine's temporaries.  0 and *ow (also for an absent or empty
 * directory), or -1 with a message. */
MM_WUR int mm_outdir_check(const char *path, const char *user, const char *mentions, mm_owned *ow, mm_buf *err);
/* Remove dir's files -- those ow (with mentions) recognises, or every
 * regular file when ow is NULL -- and then dir: 0, or -1 with errno when
 * something stays. */
int mm_outdir_remove(const char *dir, const mm_owned *ow, const char *mentions);

#endif
