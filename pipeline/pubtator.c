/* pubtator.c -- the PubTator record parser (see doc.h).
 *
 * "PMID|t|title", "PMID|a|abstract"; annotation and relation lines are
 * ignored.  The text is kept byte for byte (keep_ws), so that offsets agree
 * with the source file. */
#include "doc.h"

#include <ctype.h>
#include <string.h>

static size_t chomp(const char *p, size_t n)
{
	while (n && (p[n - 1] == '\n' || p[n - 1] == '\r')) --n;
	return n;
}

/* Empty b, allocated and NUL-terminated. */
static void clear(mm_buf *b)
{
	b->l = 0;
	mm_buf_grow(b, 1);
	b->s[0] = 0;
}

int mm_pubtator_parse(const char *p, size_t n, mm_doc *d)
{
	mm_doc_reset(d);
	d->keep_ws = 1;
	mm_buf *ti = &d->f.title, *ab = &d->f.abstract;
	clear(ti); clear(ab);
	int got_pmid = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		const char *l = p + i;
		size_t ll = chomp(l, e - i);
		i = e;
		size_t k = 0;
		while (k < ll && isdigit((unsigned char)l[k])) ++k;
		if (k + 3 <= ll && l[k] == '|' && (l[k + 1] == 't' || l[k + 1] == 'a') && l[k + 2] == '|') {
			if (!got_pmid) {
				if (mm_parse_pmid(l, k, &d->pmid) < 0) { mm_buf_printf(&d->err, "PMID \"%.*s\" is not " MM_PMID_RANGE, (int)(k > 40 ? 40 : k), l); return -1; }
				got_pmid = 1;
			}
			mm_buf *b = l[k + 1] == 't' ? ti : ab;
			if (b->l) mm_buf_putc(b, ' ');
			mm_buf_put(b, l + k + 3, ll - k - 3);
		}
	}
	if (!got_pmid) { mm_buf_printf(&d->err, "record has no PMID|t| or PMID|a| line"); return -1; }
	mm_doc_add_title(d, ti, NULL, NULL);
	mm_doc_add_abstract(d, ab);
	return 0;
}
