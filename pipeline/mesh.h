/* mesh.h -- --with-mesh: a document's MeSH headings as concepts of type
 * "mesh", counted beside the lexicon's concepts.
 *
 * A heading's concept id is "mesh:" + its key: the descriptor UI
 * ("mesh:D009220") or, where the record has no UI (MEDLINE text), the
 * descriptor name ("mesh:Myositis").  With MM_MESH_QUALIFIED each
 * descriptor/qualifier combination is a concept too ("mesh:D009220/Q000009",
 * MEDLINE "mesh:Myositis/drug therapy"); with MM_MESH_MAJOR only the
 * descriptors of major-topic headings count.  The concept's name is the one of
 * the record with the highest (PMID, version) that carries it (the newest
 * indexing), the smaller name in byte order on a tie: so it depends on the
 * records, never on their order, the thread count or the shards.
 *
 * The worker step turns a document's headings into lines "key<TAB>name"
 * (mm_mesh_doc, thread-safe); the in-order step numbers the keys in the
 * order it meets them (mm_mesh_hits: internal indexes base, base + 1, ...
 * after the lexicon's concepts) and hands them to the store as
 * document-level hits (store.h, MM_HIT_DOC).  At the end of the run
 * mm_mesh_view() builds the concept table of the outputs -- the lexicon's
 * concepts and the MeSH concepts of live documents, all in id order, type
 * "mesh" among the types in name order -- and the renumbering the store
 * applies (mm_store_renumber) so that its counts are in that order.
 * Not thread-safe but for mm_mesh_doc(). */
#ifndef MM_MESH_H
#define MM_MESH_H

#include "doc.h"
#include "lexicon.h"
#include "store.h"
#include "util.h"

/* the modes: off; descriptors; descriptors and descriptor/qualifier
 * combinations; the descriptors of major-topic headings only (MM_TERM_MAJR) */
enum { MM_MESH_OFF = 0, MM_MESH_DESCRIPTORS = 1, MM_MESH_QUALIFIED = 2, MM_MESH_MAJOR = 3, MM_MESH_N };
extern const char *const mm_mesh_mode_name[MM_MESH_N]; /* "none", "descriptors", "qualified", "major" */

/* A document's heading keys and names as lines "key<TAB>name\n", sorted
 * by key, each key once (terms are valid UTF-8 without controls, doc.h). */
void mm_mesh_doc(mm_buf *o, const mm_doc *d, int mode);

typedef struct {
	char *key, *name;
	uint64_t pmid;       /* the record its name is from */
	int version;
	uint8_t written;     /* --partial: a U line has defined it */
	uint8_t stale;       /* ... its (pmid, version) or name changed since its last U line */
} mm_meshent;

typedef struct {
	int mode;
	uint32_t base;       /* internal index of entry 0: the lexicon's concept count */
	mm_meshent *e;       /* in the order met */
	uint32_t n, m;
	uint32_t *hash;      /* key -> index + 1, open addressing */
	size_t cap;
} mm_mesh;

void mm_mesh_init(mm_mesh *m, int mode, uint32_t base);
void mm_mesh_free(mm_mesh *m);
/* The entry of key (key_n bytes), added when new; name (name_n bytes)
 * becomes its name when (pmid, version) is higher than its record's
 * (or equal with a smaller name).  Returns its index. */
uint32_t mm_mesh_add(mm_mesh *m, const char *key, size_t key_n, const char *name, size_t name_n, uint64_t pmid, int version);
/* The hits of a record: text[0..n_text) and then one document-level hit
 * per line of lines[0..len) (mm_mesh_doc), into *buf (grown as needed).
 * Returns their number. */
uint32_t mm_mesh_hits(mm_mesh *m, const char *lines, size_t len, uint64_t pmid, int version, const mm_hit *text,
                      uint32_t n_text, mm_hit **buf, size_t *cap);

/* The concept table of the outputs: a copy of lx's top-level record whose
 * concepts and types are its own arrays (the lexicon's concepts point to
 * lx's strings; free it with mm_mesh_view_free, never mm_lexicon_free).
 * used[i] for internal index i < base + m->n: a MeSH concept is in the
 * table only when used.  map[i] receives i's index in the table
 * (UINT32_MAX for MeSH concepts left out). */
mm_lexicon *mm_mesh_view(const mm_mesh *m, const mm_lexicon *lx, const uint8_t *used, uint32_t *map);
void mm_mesh_view_free(mm_lexicon *v);
/* 1 with a message in err when lx has a type "mesh" of its own (it would
 * mix with the headings), else 0. */
int mm_mesh_type_clash(const mm_lexicon *lx, mm_buf *err);

#endif
