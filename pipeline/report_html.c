/* report_html.c -- the page of `myomine report`: skeleton, style, script,
 * the run panel and the heatmaps (the other panels: report_panels.c).
 * Every string from the files goes through rp_esc(); numbers are printed
 * with fixed formats, so the bytes depend only on the report's input. */
#include "report_int.h"

#include <math.h>
#include <string.h>

/* ---- shared helpers ------------------------------------------------------- */

void rp_esc(mm_buf *o, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	while (p < e) {
		unsigned c = *p;
		if (c < 0x80) {
			switch (c) {
			case '&': mm_buf_puts(o, "&amp;"); break;
			case '<': mm_buf_puts(o, "&lt;"); break;
			case '>': mm_buf_puts(o, "&gt;"); break;
			case '"': mm_buf_puts(o, "&quot;"); break;
			case '\'': mm_buf_puts(o, "&#39;"); break;
			default: mm_buf_putc(o, c < 0x20 || c == 0x7F ? ' ' : (int)c);
			}
			p++;
			continue;
		}
		int l = mm_utf8_len(p, (size_t)(e - p));
		if (!l) { mm_buf_puts(o, "\xEF\xBF\xBD"); p++; continue; }
		mm_buf_put(o, p, (size_t)l);
		p += l;
	}
}

void rp_escs(mm_buf *o, const char *s) { rp_esc(o, s, strlen(s)); }

/* s cut to at most max characters, with an ellipsis when cut */
void rp_esc_cut(mm_buf *o, const char *s, int max)
{
	size_t n = strlen(s), i = 0;
	int k = 0;
	while (i < n && k < max) {
		int l = mm_utf8_len((const unsigned char *)s + i, n - i);
		i += l ? (size_t)l : 1;
		k++;
	}
	rp_esc(o, s, i);
	if (i < n) mm_buf_puts(o, "\xE2\x80\xA6");
}

const char *rp_name(const rp_report *r, uint32_t i)
{
	return r->m.e[i].name[0] ? r->m.e[i].name : r->m.e[i].id;
}

/* a number for people: fixed decimals; infinities spelled */
void rp_num(mm_buf *o, double x, int dec)
{
	if (isinf(x)) { mm_buf_puts(o, x < 0 ? "\xE2\x88\x92\xE2\x88\x9E" : "\xE2\x88\x9E"); return; }
	if (x == 0) x = 0; /* no "-0.00" */
	char b[64];
	snprintf(b, sizeof b, "%.*f", dec, x);
	if (!strncmp(b, "-0.", 3) && strspn(b + 3, "0") == strlen(b + 3)) memmove(b, b + 1, strlen(b));
	mm_buf_puts(o, b);
}

void rp_q(mm_buf *o, double q)
{
	if (q >= 0.001 || q == 0) rp_num(o, q, 3);
	else mm_buf_printf(o, "%.1e", q);
}

/* a value for sorting (data-v): %.9g, never inf */
void rp_sortv(mm_buf *o, double x)
{
	if (isinf(x)) x = x < 0 ? -1e308 : 1e308;
	mm_buf_printf(o, "%.9g", x);
}

void rp_count(mm_buf *o, uint64_t v) { mm_buf_putu(o, v); }

/* colour scales: linear in RGB between stops */
typedef struct { double t; int r, g, b; } stop;

static void scale(char out[8], const stop *s, int n, double t)
{
	if (!(t >= s[0].t)) t = s[0].t;
	if (t > s[n - 1].t) t = s[n - 1].t;
	int k = 0;
	while (k < n - 2 && t > s[k + 1].t) ++k;
	double u = s[k + 1].t > s[k].t ? (t - s[k].t) / (s[k + 1].t - s[k].t) : 0;
	int r = (int)(s[k].r + u * (s[k + 1].r - s[k].r) + 0.5);
	int g = (int)(s[k].g + u * (s[k + 1].g - s[k].g) + 0.5);
	int b = (int)(s[k].b + u * (s[k + 1].b - s[k].b) + 0.5);
	snprintf(out, 8, "#%02x%02x%02x", r & 255, g & 255, b & 255);
}

/* count: log scale to the largest count shown; NPMI: -1 blue .. 0 white ..
 * 1 red; lower bound of ln OR: <= 0 grey, 0 .. 4 light to dark red */
void rp_colour(char out[8], int stat, double v, double max)
{
	static const stop cnt[] = { { 0, 0xf7, 0xfb, 0xff }, { 0.5, 0x6b, 0xae, 0xd6 }, { 1, 0x08, 0x30, 0x6b } };
	static const stop npmi[] = { { -1, 0x21, 0x66, 0xac }, { -0.5, 0x92, 0xc5, 0xde }, { 0, 0xf7, 0xf7, 0xf7 }, { 0.5, 0xf4, 0xa5, 0x82 }, { 1, 0xb2, 0x18, 0x2b } };
	static const stop lo[] = { { 0, 0xfe, 0xe8, 0xc8 }, { 2, 0xe3, 0x4a, 0x33 }, { 4, 0x7f, 0x00, 0x00 } };
	if (stat == 0) scale(out, cnt, 3, max > 0 ? log1p(v) / log1p(max) : 0);
	else if (stat == 1) scale(out, npmi, 5, v);
	else if (v <= 0) snprintf(out, 8, "#e4e4e4");
	else scale(out, lo, 3, v);
}

const char *const rp_stat_name[3] = { "documents", "NPMI", "lower bound of ln OR" };

#define RP_STR_(x) #x
#define RP_STR(x) RP_STR_(x)

/* ---- the skeleton ------------------------------------------------------------ */

static const char css[] =
"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#222;margin:0;background:#fff}\n"
"main{max-width:1320px;margin:0 auto;padding:0 24px 48px}\n"
"h1{font-size:26px;margin:20px 0 4px}h2{font-size:20px;margin:36px 0 8px;padding-top:8px;border-top:2px solid #ddd}\n"
"h3{font-size:16px;margin:22px 0 4px}h4{font-size:14px;margin:10px 0 2px;color:#444}\n"
".lead{font-size:15px;color:#333;margin:0 0 8px}.note{color:#555;font-size:13px;margin:2px 0 8px;max-width:1100px}\n"
"nav a{margin-right:14px;color:#0b5394;text-decoration:none}nav{margin:6px 0}\n"
".bar{position:sticky;top:0;background:#f4f6f8;border-bottom:1px solid #ccd;padding:6px 24px;z-index:2;font-size:13px}\n"
".bar label{margin-right:14px;cursor:pointer}\n"
"[hidden]{display:none!important}.jsonly{display:none}html.js .jsonly{display:block}html.js .nojs{display:none}\n"
"table{border-collapse:collapse;font-size:13px;margin:4px 0 10px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}\n"
"th{background:#f4f6f8;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"table.kv td:first-child{color:#555}table.kv{display:inline-table;margin-right:28px;vertical-align:top}\n"
"table.sort th{cursor:pointer}table.sort th:after{content:' \\2195';color:#aaa}\n"
"tr.ns td{color:#888}tr.fail td{background:#fff4f4}.msg{color:#a00;font-size:12px}\n"
"code{background:#f4f4f4;padding:1px 4px;border-radius:3px;word-break:break-all}\n"
"svg text{font:11px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#222}\n"
"rect.c{stroke:#fff}rect.ns{fill:url(#hatch)}.warn{background:#fff4f4;border:1px solid #e8b4b4;padding:6px 10px}\n"
"svg .cv{font-size:9px;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:2px}\n"
".hm{display:block;margin:4px 0 12px}.grid{display:flex;flex-wrap:wrap;gap:10px 22px}\n"
"table.pt{width:100%;table-layout:fixed}table.pt th:nth-child(1){width:auto}table.pt th:nth-child(2){width:92px}table.pt th:nth-child(3){width:190px}"
"table.pt th:nth-child(4){width:46px}table.pt th:nth-child(5){width:52px}\n"
".cmp{display:grid;grid-template-columns:1fr 1fr;gap:24px}.prof{min-width:0}\n"
".ev{font-size:12px;color:#333;margin:2px 0 0;max-width:460px}.ev a,td a{color:#0b5394}\n"
".legend{display:flex;align-items:center;gap:8px;font-size:12px;color:#444;margin:4px 0}\n"
".sw{display:inline-block;width:14px;height:14px;border:1px solid #bbb;vertical-align:middle}\n"
".chart{width:250px}.chart h4{margin:0;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
"footer{color:#666;font-size:12px;margin-top:40px;border-top:1px solid #ddd;padding-top:8px}\n";

static const char js[] =
"(function(){var d=document,K=" RP_STR(RP_PROF_K) ",cur=2;d.documentElement.className+=' js';\n"
"function rk(r,k){return +r.getAttribute('data-r').split(' ')[k];}\n"
"function set(k){cur=k;\n"
"d.querySelectorAll('rect[data-c]').forEach(function(e){e.setAttribute('fill',e.getAttribute('data-c').split(' ')[k]);});\n"
"d.querySelectorAll('[data-s]').forEach(function(e){e.hidden=+e.getAttribute('data-s')!==k;});\n"
"d.querySelectorAll('tbody.pr').forEach(function(b){var rs=[].slice.call(b.rows);\n"
"rs.sort(function(x,y){return rk(x,k)-rk(y,k);});rs.forEach(function(r){r.hidden=rk(r,k)>=K;b.appendChild(r);});});}\n"
"d.querySelectorAll('input[name=stat]').forEach(function(i){i.addEventListener('change',function(){set(+i.value);});});\n"
"var m=/stat=([012])/.exec(location.hash);if(m){set(+m[1]);d.querySelectorAll('input[name=stat]').forEach(function(i){i.checked=+i.value===cur;});}\n"
"d.querySelectorAll('select.pick').forEach(function(s){s.addEventListener('change',function(){\n"
"var t=d.getElementById(s.getAttribute('data-slot')),p=d.getElementById('pf'+s.value);if(t&&p){t.innerHTML=p.innerHTML;set(cur);}});});\n"
"d.querySelectorAll('table.sort').forEach(function(t){t.querySelectorAll('th').forEach(function(h,i){\n"
"h.addEventListener('click',function(){var b=t.tBodies[0],rs=[].slice.call(b.rows),num=h.className.indexOf('n')>=0,dir=h.getAttribute('data-dir')==='d'?1:-1;\n"
"h.setAttribute('data-dir',dir<0?'d':'a');\n"
"rs.sort(function(x,y){var a=x.cells[i],c=y.cells[i];if(num){return dir*((+a.getAttribute('data-v'))-(+c.getAttribute('data-v')));}\n"
"return dir*a.textContent.localeCompare(c.textContent);});rs.forEach(function(r){b.appendChild(r);});});});});\n"
"})();\n";

/* ---- run panel -------------------------------------------------------------------- */

static void json_scalar(mm_buf *o, const rp_json *v)
{
	switch (v->kind) {
	case RJ_NULL: mm_buf_puts(o, "\xE2\x80\x93"); break;
	case RJ_BOOL: mm_buf_puts(o, v->num ? "yes" : "no"); break;
	case RJ_NUM:
		if (v->num == floor(v->num) && fabs(v->num) < 1e15) mm_buf_printf(o, "%.0f", v->num);
		else rp_num(o, v->num, 3);
		break;
	case RJ_STR: rp_escs(o, v->str); break;
	default: {
		/* arrays of scalars joined; deeper structure summarised */
		for (size_t i = 0; i < v->n && i < 20; ++i) {
			if (i) mm_buf_puts(o, ", ");
			if (v->kid[i].kind == RJ_ARR || v->kid[i].kind == RJ_OBJ) mm_buf_puts(o, "\xE2\x80\xA6");
			else json_scalar(o, &v->kid[i]);
		}
		if (v->n > 20) mm_buf_printf(o, ", \xE2\x80\xA6 (%zu in all)", v->n);
	}
	}
}

/* a key/value table of one summary.json object, in its order */
static void kv_table(mm_buf *o, const char *title, const rp_json *obj, const char *unit)
{
	if (!obj || obj->kind != RJ_OBJ) return;
	mm_buf_puts(o, "<table class=\"kv\"><tr><th colspan=\"2\">");
	mm_buf_puts(o, title);
	mm_buf_puts(o, "</th></tr>\n");
	for (size_t i = 0; i < obj->n && i < 60; ++i) {
		mm_buf_puts(o, "<tr><td>");
		rp_escs(o, obj->kid[i].key);
		mm_buf_puts(o, "</td><td class=\"n\">");
		json_scalar(o, &obj->kid[i]);
		if (unit && obj->kid[i].kind == RJ_NUM) mm_buf_puts(o, unit);
		mm_buf_puts(o, "</td></tr>\n");
	}
	mm_buf_puts(o, "</table>\n");
}

static void kv_row(mm_buf *o, const char *k, const char *v)
{
	mm_buf_puts(o, "<tr><td>");
	mm_buf_puts(o, k);
	mm_buf_puts(o, "</td><td>");
	rp_escs(o, v);
	mm_buf_puts(o, "</td></tr>\n");
}

static void input_row(mm_buf *o, const rp_json *in)
{
	const char *st = rp_json_str(in, "status", "");
	int bad = strcmp(st, "ok") != 0;
	mm_buf_puts(o, bad ? "<tr class=\"fail\"><td>" : "<tr><td>");
	rp_escs(o, rp_json_str(in, "path", "?"));
	const rp_json *msg = rp_json_get(in, "messages");
	if (msg && msg->kind == RJ_ARR)
		for (size_t k = 0; k < msg->n && k < 10; ++k) {
			if (msg->kid[k].kind != RJ_STR) continue;
			mm_buf_puts(o, "<div class=\"msg\">");
			rp_escs(o, msg->kid[k].str);
			mm_buf_puts(o, "</div>");
		}
	mm_buf_puts(o, "</td><td>");
	rp_escs(o, st);
	mm_buf_puts(o, "</td><td>");
	rp_escs(o, rp_json_str(in, "format", ""));
	static const char *const keys[] = { "bytes", "uncompressed_bytes", "records", "documents", "failed", "deleted_listed", "errors" };
	for (int k = 0; k < 7; ++k) mm_buf_printf(o, "</td><td class=\"n\">%.0f", rp_json_num(in, keys[k], 0));
	mm_buf_puts(o, "</td></tr>\n");
}

static void run_panel(const rp_report *r, mm_buf *o)
{
	const rp_json *s = r->sum, *lex = rp_json_get(s, "lexicon"), *tim = rp_json_get(s, "timings_s");
	mm_buf_puts(o, "<section id=\"run\"><h2>Run</h2>\n<p class=\"note\">From <code>summary.json</code>. Counts are over the final documents: one version per PMID, after updates and deletions.</p>\n");
	mm_buf_puts(o, "<table class=\"kv\"><tr><th colspan=\"2\">Run</th></tr>\n");
	kv_row(o, "command", rp_json_str(s, "command", "?"));
	kv_row(o, "myomine version", rp_json_str(s, "version", "?"));
	int es = (int)rp_json_num(s, "exit_status", -1);
	mm_buf_printf(o, "<tr><td>exit status</td><td>%d%s</td></tr>\n", es,
	              es == 0 ? " (success)" : es == 1 ? " (an input failed: results hold everything readable)" : "");
	mm_buf_printf(o, "<tr><td>threads</td><td>%.0f</td></tr>\n", rp_json_num(s, "threads", 0));
	kv_row(o, "level", r->sentence_level ? "sentence (matrices and statistics count sentences)" : "document");
	kv_row(o, "negated mentions", r->keep_negated ? "counted in co-occurrence (--keep-negated)" : "left out of co-occurrence");
	mm_buf_printf(o, "<tr><td>pairs in pairs.tsv</td><td>%ld</td></tr>\n", r->n_pairs);
	if (r->has_evidence) mm_buf_printf(o, "<tr><td>evidence rows</td><td>%ld%s</td></tr>\n", r->n_evid, r->has_text ? " (with sentences)" : "");
	double wall = rp_json_num(tim, "wall", 0), ub = rp_json_num(rp_json_get(s, "bytes"), "uncompressed", 0);
	double docs = rp_json_num(rp_json_get(s, "documents"), "read", 0);
	mm_buf_puts(o, "<tr><td>throughput</td><td>");
	if (wall > 0) {
		rp_num(o, ub / wall / 1e6, 1);
		mm_buf_puts(o, " MB/s uncompressed, ");
		rp_num(o, docs / wall, 0);
		mm_buf_puts(o, " documents/s");
	} else mm_buf_puts(o, "\xE2\x80\x93");
	mm_buf_puts(o, "</td></tr>\n");
	double rss = rp_json_num(s, "peak_rss_kb", 0);
	mm_buf_puts(o, "<tr><td>peak memory</td><td>");
	rp_num(o, rss / 1024, 1);
	mm_buf_puts(o, " MB</td></tr>\n</table>\n");
	kv_table(o, "Documents", rp_json_get(s, "documents"), NULL);
	kv_table(o, "Files", rp_json_get(s, "files"), NULL);
	kv_table(o, "Mentions", rp_json_get(s, "mentions"), NULL);
	kv_table(o, "Negated mentions", rp_json_get(s, "negated_mentions"), NULL);
	kv_table(o, "Warnings", rp_json_get(s, "warnings"), NULL);
	kv_table(o, "Time (s)", tim, NULL);
	/* lexicon */
	mm_buf_puts(o, "<h3>Lexicon</h3>\n<table class=\"kv\">\n");
	kv_row(o, "path", rp_json_str(lex, "path", "?"));
	static const char *const lk[] = { "concepts", "names", "patterns" };
	for (int k = 0; k < 3; ++k) mm_buf_printf(o, "<tr><td>%s</td><td>%.0f</td></tr>\n", lk[k], rp_json_num(lex, lk[k], 0));
	kv_row(o, "compiled lexicon cache", rp_json_str(lex, "cache", "\xE2\x80\x93"));
	const rp_json *bl = rp_json_get(lex, "blocklist");
	if (bl && bl->kind == RJ_OBJ) {
		mm_buf_puts(o, "<tr><td>blocklist</td><td>");
		rp_escs(o, rp_json_str(bl, "path", "?"));
		mm_buf_printf(o, " (%.0f entries, CRC-32 ", rp_json_num(bl, "entries", 0));
		rp_escs(o, rp_json_str(bl, "crc32", "?"));
		mm_buf_puts(o, ")</td></tr>\n");
	}
	mm_buf_puts(o, "</table>\n");
	const rp_json *lf = rp_json_get(lex, "files");
	if (lf && lf->kind == RJ_ARR) {
		mm_buf_puts(o, "<table><tr><th>lexicon file</th><th class=\"n\">bytes</th><th class=\"n\">concepts</th><th>CRC-32</th></tr>\n");
		for (size_t i = 0; i < lf->n && i < 200; ++i) {
			mm_buf_puts(o, "<tr><td>");
			rp_escs(o, rp_json_str(&lf->kid[i], "path", "?"));
			mm_buf_printf(o, "</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f</td><td><code>", rp_json_num(&lf->kid[i], "bytes", 0), rp_json_num(&lf->kid[i], "concepts", 0));
			rp_escs(o, rp_json_str(&lf->kid[i], "crc32", "?"));
			mm_buf_puts(o, "</code></td></tr>\n");
		}
		mm_buf_puts(o, "</table>\n");
		if (lf->n > 200) mm_buf_printf(o, "<p class=\"note\">%zu further lexicon files are listed in summary.json.</p>\n", lf->n - 200);
	}
	/* inputs: failures first */
	const rp_json *in = rp_json_get(s, "inputs");
	if (in && in->kind == RJ_ARR) {
		size_t nbad = 0, shown = 0;
		for (size_t i = 0; i < in->n; ++i) nbad += strcmp(rp_json_str(&in->kid[i], "status", ""), "ok") != 0;
		mm_buf_printf(o, "<h3>Inputs</h3>\n<p class=\"note\">%zu input files, %zu not read cleanly (listed first, with their messages).", in->n, nbad);
		if (in->n > RP_INPUTS) mm_buf_printf(o, " The first %d are listed; summary.json lists all.", RP_INPUTS);
		mm_buf_puts(o, "</p>\n<table><tr><th>file</th><th>status</th><th>format</th><th class=\"n\">bytes</th><th class=\"n\">uncompressed</th>"
		               "<th class=\"n\">records</th><th class=\"n\">documents</th><th class=\"n\">failed</th><th class=\"n\">deletions listed</th><th class=\"n\">errors</th></tr>\n");
		for (int pass = 0; pass < 2; ++pass)
			for (size_t i = 0; i < in->n && shown < RP_INPUTS; ++i) {
				int bad = strcmp(rp_json_str(&in->kid[i], "status", ""), "ok") != 0;
				if (bad != !pass) continue;
				input_row(o, &in->kid[i]);
				shown++;
			}
		mm_buf_puts(o, "</table>\n");
	}
	mm_buf_puts(o, "</section>\n");
}

/* ---- heatmaps ---------------------------------------------------------------------- */

#define CS 20   /* cell size */
#define LM 200  /* room for row labels */
#define TM 130  /* room for column labels */

static void pair_title(const rp_report *r, mm_buf *o, uint32_t x, uint32_t y, const rp_pair *p)
{
	rp_escs(o, rp_name(r, x));
	mm_buf_puts(o, " \xC3\x97 ");
	rp_escs(o, rp_name(r, y));
	mm_buf_printf(o, "\n%llu documents, %llu sentences\nNPMI ", (unsigned long long)p->docs, (unsigned long long)p->sents);
	rp_num(o, p->npmi, 2);
	mm_buf_puts(o, ", ln OR ");
	rp_num(o, p->lor, 2);
	mm_buf_puts(o, " [");
	rp_num(o, p->lo, 2);
	mm_buf_puts(o, ", ");
	rp_num(o, p->hi, 2);
	mm_buf_puts(o, "]\nq = ");
	rp_q(o, p->q);
	mm_buf_puts(o, p->q < RP_SIG_Q ? ", significant" : ", not significant");
}

static void heatmap(const rp_report *r, int h, mm_buf *o)
{
	const rp_heat *H = &r->heat[h];
	const rp_model *m = &r->m;
	int nt = m->n_type;
	const char *A = m->types[H->ta], *B = m->types[H->tb];
	double max = 0;
	for (size_t k = 0; k < (size_t)H->nr * H->nc; ++k) if (H->cell[k].docs && (double)(r->sentence_level ? H->cell[k].sents : H->cell[k].docs) > max) max = (double)(r->sentence_level ? H->cell[k].sents : H->cell[k].docs);
	mm_buf_puts(o, "<h3>");
	rp_escs(o, A);
	mm_buf_puts(o, " \xC3\x97 ");
	rp_escs(o, B);
	mm_buf_puts(o, "</h3>\n<p class=\"note\">");
	uint64_t np = r->tp_pairs[H->ta * nt + H->tb], ns = r->tp_sig[H->ta * nt + H->tb];
	mm_buf_printf(o, "%llu pairs in pairs.tsv, %llu significant after BH (q &lt; 0.05). ", (unsigned long long)np, (unsigned long long)ns);
	if (H->ta == H->tb) {
		mm_buf_printf(o, "Rows and columns: the %u of %zu ", H->nr, m->seen_of_type[H->ta]);
		rp_escs(o, A);
		mm_buf_puts(o, " concepts found with most documents");
	} else {
		mm_buf_printf(o, "Rows: the %u of %zu ", H->nr, m->seen_of_type[H->ta]);
		rp_escs(o, A);
		mm_buf_printf(o, " concepts found, columns: the %u of %zu ", H->nc, m->seen_of_type[H->tb]);
		rp_escs(o, B);
		mm_buf_puts(o, " concepts found, with most documents");
	}
	mm_buf_puts(o, ", in that order (by marginal count).");
	size_t left = (m->seen_of_type[H->ta] - H->nr) + (H->ta == H->tb ? 0 : m->seen_of_type[H->tb] - H->nc);
	if (left) mm_buf_printf(o, " %zu concepts left out.", left);
	mm_buf_puts(o, " Darkest count colour: ");
	rp_num(o, max, 0);
	mm_buf_printf(o, " %s.</p>\n", r->sentence_level ? "sentences" : "documents");
	int W = LM + (int)H->nc * CS + 100, Ht = TM + (int)H->nr * CS + 6;
	mm_buf_printf(o, "<svg class=\"hm\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, Ht, W, Ht);
	rp_escs(o, A);
	mm_buf_puts(o, " by ");
	rp_escs(o, B);
	mm_buf_puts(o, " heatmap\">\n");
	mm_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%u\" height=\"%u\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n", LM, TM, H->nc * CS, H->nr * CS);
	for (uint32_t j = 0; j < H->nc; ++j) {
		uint32_t c = H->col[j];
		mm_buf_printf(o, "<text transform=\"translate(%d,%d) rotate(-55)\">", LM + (int)j * CS + CS / 2 + 3, TM - 4);
		rp_esc_cut(o, rp_name(r, c), 24);
		mm_buf_puts(o, "<title>");
		rp_escs(o, rp_name(r, c));
		mm_buf_printf(o, " (%s, %llu documents)</title></text>\n", m->e[c].id, (unsigned long long)m->e[c].docs);
	}
	for (uint32_t i = 0; i < H->nr; ++i) {
		uint32_t c = H->row[i];
		mm_buf_printf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LM - 5, TM + (int)i * CS + CS / 2 + 4);
		rp_esc_cut(o, rp_name(r, c), 30);
		mm_buf_puts(o, "<title>");
		rp_escs(o, rp_name(r, c));
		mm_buf_puts(o, " (");
		rp_escs(o, m->e[c].id);
		mm_buf_printf(o, ", %llu documents)</title></text>\n", (unsigned long long)m->e[c].docs);
	}
	for (uint32_t i = 0; i < H->nr; ++i)
		for (uint32_t j = 0; j < H->nc; ++j) {
			const rp_pair *p = &H->cell[(size_t)i * H->nc + j];
			int x = LM + (int)j * CS, y = TM + (int)i * CS;
			if (H->ta == H->tb && i == j) {
				mm_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ddd\"/>\n", x, y, CS, CS);
				continue;
			}
			if (!p->docs) continue;
			double cnt = (double)(r->sentence_level ? p->sents : p->docs);
			char c0[8], c1[8], c2[8];
			rp_colour(c0, 0, cnt, max);
			rp_colour(c1, 1, p->npmi, 0);
			rp_colour(c2, 2, p->lo, 0);
			mm_buf_puts(o, "<g><title>");
			pair_title(r, o, H->row[i], H->col[j], p);
			mm_buf_printf(o, "</title><rect class=\"c\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" data-c=\"%s %s %s\"/>", x, y, CS, CS, c2, c0, c1, c2);
			if (p->q >= RP_SIG_Q) mm_buf_printf(o, "<rect class=\"ns\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", x, y, CS, CS);
			mm_buf_printf(o, "<text class=\"cv\" x=\"%d\" y=\"%d\">", x + CS / 2, y + CS / 2 + 3);
			if (cnt < 1000) mm_buf_printf(o, "%.0f", cnt);
			else if (cnt < 1e6) mm_buf_printf(o, "%.0fk", floor(cnt / 1000));
			else mm_buf_printf(o, "%.0fM", floor(cnt / 1e6));
			mm_buf_puts(o, "</text></g>\n");
		}
	mm_buf_puts(o, "</svg>\n");
}

static void legend(mm_buf *o)
{
	static const double at[3][5] = { { 0, 0.25, 0.5, 0.75, 1 }, { -1, -0.5, 0, 0.5, 1 }, { 0, 1, 2, 3, 4 } };
	static const char *const lab[3][5] = {
		{ "few", "", "", "", "most (of the map)" }, { "\xE2\x88\x92" "1 never together", "", "0 independent", "", "1 always together" },
		{ "\xE2\x89\xA4 0: not shown to be associated", "1", "2", "3", "\xE2\x89\xA5 4 (OR \xE2\x89\xA5 55)" } };
	for (int s = 0; s < 3; ++s) {
		mm_buf_printf(o, "<div class=\"legend\" data-s=\"%d\"%s><b>Colour: %s</b>", s, s == 2 ? "" : " hidden", rp_stat_name[s]);
		for (int k = 0; k < 5; ++k) {
			char c[8];
			rp_colour(c, s, s == 0 ? expm1(at[s][k] * log1p(100)) : at[s][k], 100);
			if (s == 2 && k == 0) snprintf(c, sizeof c, "#e4e4e4");
			mm_buf_printf(o, "<span class=\"sw\" style=\"background:%s\"></span>%s", c, lab[s][k]);
		}
		mm_buf_puts(o, "</div>\n");
	}
	mm_buf_puts(o, "<div class=\"legend\"><svg width=\"16\" height=\"16\"><defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	               "<rect width=\"6\" height=\"6\" fill=\"#fff\" fill-opacity=\"0.5\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"1\"/></pattern></defs><rect width=\"16\" height=\"16\" fill=\"#f4a582\"/>"
	               "<rect class=\"ns\" width=\"16\" height=\"16\"/></svg> hatched: not significant after Benjamini-Hochberg (q \xE2\x89\xA5 0.05)"
	               " <span class=\"sw\" style=\"background:#fafafa\"></span> empty: no pair in pairs.tsv"
	               " <span class=\"sw\" style=\"background:#ddd\"></span> diagonal</div>\n");
}

static void heatmap_panel(const rp_report *r, mm_buf *o)
{
	mm_buf_puts(o, "<section id=\"heatmaps\"><h2>Heatmaps</h2>\n<p class=\"note\">One map per pair of types. Each cell is a pair of concepts; the number in it is the ");
	mm_buf_puts(o, r->sentence_level ? "sentences" : "documents");
	mm_buf_puts(o, " mentioning both, and its tooltip gives every statistic. Rows and columns are the concepts with most documents, ordered by that marginal count "
	               "(most first), so the busiest part of the map is its top left corner. The colour shows the statistic chosen at the top of the page "
	               "<span class=\"nojs\">(without JavaScript: the lower bound of the 95 % confidence interval of the log odds ratio)</span>.</p>\n");
	legend(o);
	for (int h = 0; h < r->n_heat; ++h) heatmap(r, h, o);
	if (r->n_heat_all > r->n_heat) mm_buf_printf(o, "<p class=\"note\">%d further pairs of types are not drawn (at most %d maps).</p>\n", r->n_heat_all - r->n_heat, RP_MAX_HEAT);
	if (!r->n_heat) mm_buf_puts(o, "<p>No concepts were found: nothing to draw.</p>\n");
	mm_buf_puts(o, "</section>\n");
}

/* ---- the page ----------------------------------------------------------------------- */

void rp_html(const rp_report *r, mm_buf *o)
{
	const rp_json *s = r->sum;
	mm_buf_puts(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>myomine report</title>\n<style>\n");
	mm_buf_puts(o, css);
	mm_buf_puts(o, "</style></head><body>\n<div class=\"bar jsonly\">Colour and rank by: ");
	for (int k = 0; k < 3; ++k)
		mm_buf_printf(o, "<label><input type=\"radio\" name=\"stat\" value=\"%d\"%s> %s</label>", k, k == 2 ? " checked" : "", rp_stat_name[k]);
	mm_buf_puts(o, " <a href=\"#heatmaps\">Heatmaps</a> <a href=\"#profiles\">Profiles</a> <a href=\"#pairs\">Top pairs</a></div>\n<main>\n<h1>myomine report</h1>\n<p class=\"lead\">");
	const rp_json *d = rp_json_get(s, "documents"), *mn = rp_json_get(s, "mentions");
	mm_buf_printf(o, "%.0f final documents (%.0f with an abstract), %.0f mentions of ", rp_json_num(d, "final", 0), rp_json_num(d, "with_abstract", 0), rp_json_num(mn, "total", 0));
	size_t seen = 0;
	for (int t = 0; t < r->m.n_type; ++t) seen += r->m.seen_of_type[t];
	mm_buf_printf(o, "%zu of %zu concepts (", seen, r->m.n_e);
	for (int t = 0; t < r->m.n_type && t < 20; ++t) {
		if (t) mm_buf_puts(o, ", ");
		rp_escs(o, r->m.types[t]);
	}
	mm_buf_printf(o, "), %ld pairs; %s level; myomine ", r->n_pairs, r->sentence_level ? "sentence" : "document");
	rp_escs(o, rp_json_str(s, "version", "?"));
	mm_buf_puts(o, ".</p>\n<nav><a href=\"#profiles\">Profiles</a><a href=\"#heatmaps\">Heatmaps</a><a href=\"#pairs\">Top pairs</a>"
	               "<a href=\"#trends\">Trends</a><a href=\"#negation\">Negation</a>");
	if (r->has_facts) mm_buf_puts(o, "<a href=\"#facts\">Case facts</a>");
	mm_buf_puts(o, "<a href=\"#run\">Run</a></nav>\n");
	double es = rp_json_num(s, "exit_status", 0), bad = rp_json_num(rp_json_get(s, "files"), "total", 0) - rp_json_num(rp_json_get(s, "files"), "ok", 0);
	if (es != 0 || bad > 0)
		mm_buf_printf(o, "<p class=\"warn\">The run ended with exit status %.0f: %.0f input files were not read cleanly. The results hold everything that was readable; "
		              "the files and their messages are listed under <a href=\"#run\">Run</a>.</p>\n", es, bad);
	rp_profiles_panel(r, o);
	heatmap_panel(r, o);
	rp_pairs_panel(r, o);
	rp_trends_panel(r, o);
	rp_negation_panel(r, o);
	if (r->has_facts) rp_facts_panel(r, o);
	run_panel(r, o);
	mm_buf_puts(o, "<footer>Written by <code>myomine report</code> from the files of one output directory; the page reads nothing else and links only to PubMed. "
	               "Significance: Benjamini-Hochberg q &lt; 0.05 within each pair of types. How to read each panel: docs/report.md.</footer>\n</main>\n<script>\n");
	mm_buf_puts(o, js);
	mm_buf_puts(o, "</script>\n</body></html>\n");
}
