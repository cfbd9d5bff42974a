/* fuzz_text.c -- text.h: mm_normalize() on the raw input (fold 0 and 1) and
 * mm_text_build() over a document made with mm_doc_add_text() from the input
 * (first byte: bit 0 = keep_ws; the rest split into sections at NUL bytes).
 * Checks the map, sentence and token invariants of text.h. */
#include "text.h"
#include "check_doc.h"

static void check_map(const mm_u32v *map, size_t n_out, const char *src, size_t n_src, int sentinel)
{
	if (map->n != n_out + (size_t)sentinel) abort();          /* one entry per output byte */
	for (size_t i = 0; i < map->n; ++i) {
		if (i && map->a[i] < map->a[i - 1]) abort();            /* non-decreasing */
		if (i < n_out ? map->a[i] >= n_src : map->a[i] != n_src) abort();
		if (src && i < n_out && ((unsigned char)src[map->a[i]] & 0xC0) == 0x80) abort(); /* a character start */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static mm_buf out;
	static mm_u32v map;
	static mm_doc d;
	static mm_text t;
	for (int fold = 0; fold < 2; ++fold) {
		out.l = map.n = 0;
		mm_normalize((const char *)data, size, fold, &out, &map, 0);
		if (out.s[out.l] != 0) abort();
		check_map(&map, out.l, NULL, size, 0);
		for (size_t i = 0, k; i < out.l; i += k)                 /* invalid bytes became '#' */
			if (!(k = fuzz_utf8_len((const unsigned char *)out.s + i, out.l - i))) abort();
	}
	if (size == 0) return 0;
	mm_doc_reset(&d);
	d.keep_ws = data[0] & 1;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	for (int k = 0; p <= end; ++k) {
		const char *z = memchr(p, 0, (size_t)(end - p));
		if (!z) z = end;
		mm_doc_begin_section(&d, k ? "abstract" : "title", k ? 8 : 5);
		mm_doc_add_text(&d, p, (size_t)(z - p));
		mm_doc_end_section(&d);
		p = z + 1;
	}
	d.has_abstract = d.n_sec > 1; /* as the parsers set it */
	check_doc(&d, d.keep_ws);
	mm_text_build(&t, &d);
	size_t nl = t.norm.l;
	check_map(&t.map, nl, d.text.s, d.text.l, 1);
	size_t ns = t.sent_s.n;
	if (t.sent_e.n != ns || t.sent_sec.n != ns || t.tok_e.n != t.tok_s.n || t.tok_sent.n != t.tok_s.n) abort();
	for (size_t i = 0; i < ns; ++i) {
		uint32_t a = t.sent_s.a[i], b = t.sent_e.a[i], sec = t.sent_sec.a[i];
		if (a >= b || b > nl || (i && a < t.sent_e.a[i - 1]) || sec >= (uint32_t)d.n_sec) abort();
		if (i && sec < t.sent_sec.a[i - 1]) abort();
		if (t.map.a[a] < d.sec[sec].start || t.map.a[b - 1] >= d.sec[sec].end) abort(); /* inside its section */
	}
	for (size_t i = 0; i < t.tok_s.n; ++i) {
		uint32_t a = t.tok_s.a[i], b = t.tok_e.a[i], s = t.tok_sent.a[i];
		if (a >= b || s >= ns || (i && a < t.tok_e.a[i - 1])) abort();
		if (a < t.sent_s.a[s] || b > t.sent_e.a[s]) abort();  /* inside its sentence */
	}
	return 0;
}
