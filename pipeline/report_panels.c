/* report_panels.c -- the panels of `myomine report` after the heatmaps:
 * profiles, top pairs, trends, negation (see report_int.h) */
#include "report_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double stat_of(const rp_report *r, const rp_pair *p, int k)
{
	return k == 0 ? (double)(r->sentence_level ? p->sents : p->docs) : k == 1 ? p->npmi : p->lo;
}

/* ---- profiles ------------------------------------------------------------------- */

typedef struct {
	double v;
	uint64_t docs;
	uint32_t b, i;
} pkey;

static int cmp_pkey(const void *x, const void *y)
{
	const pkey *a = x, *b = y;
	if (a->v != b->v) return a->v > b->v ? -1 : 1;
	if (a->docs != b->docs) return a->docs > b->docs ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* rank[k][i]: place of row i of l under statistic k */
static uint32_t *plist_ranks(const rp_report *r, const rp_plist *l)
{
	uint32_t *rank = mm_malloc(3 * (l->n ? l->n : 1) * sizeof *rank);
	pkey *k = mm_malloc((l->n ? l->n : 1) * sizeof *k);
	for (int s = 0; s < 3; ++s) {
		for (size_t i = 0; i < l->n; ++i) k[i] = (pkey){ stat_of(r, &l->a[i], s), l->a[i].docs, l->a[i].b, (uint32_t)i };
		qsort(k, l->n, sizeof *k, cmp_pkey);
		for (size_t i = 0; i < l->n; ++i) rank[s * l->n + k[i].i] = (uint32_t)i;
	}
	free(k);
	return rank;
}

typedef struct {
	double amin, amax;
} axis_t;

static double ax(const axis_t *A, double v)
{
	if (v < A->amin) v = A->amin;
	if (v > A->amax) v = A->amax;
	return 4 + (v - A->amin) / (A->amax - A->amin) * 172;
}

static void ci_svg(mm_buf *o, const axis_t *A, const rp_pair *p)
{
	int sig = p->q < RP_SIG_Q;
	const char *c = sig ? "#b2182b" : "#999";
	mm_buf_puts(o, "<svg width=\"180\" height=\"14\"><title>ln OR ");
	rp_num(o, p->lor, 2);
	mm_buf_puts(o, " [");
	rp_num(o, p->lo, 2);
	mm_buf_puts(o, ", ");
	rp_num(o, p->hi, 2);
	mm_buf_puts(o, "]; odds ratio ");
	rp_num(o, exp(p->lor), 1);
	mm_buf_puts(o, " [");
	rp_num(o, exp(p->lo), 1);
	mm_buf_puts(o, ", ");
	rp_num(o, exp(p->hi), 1);
	mm_buf_puts(o, "]</title>");
	mm_buf_printf(o, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"14\" stroke=\"#bbb\"/>", ax(A, 0), ax(A, 0));
	mm_buf_printf(o, "<line x1=\"%.1f\" y1=\"7\" x2=\"%.1f\" y2=\"7\" stroke=\"%s\" stroke-width=\"2\"/>", ax(A, p->lo), ax(A, p->hi), c);
	mm_buf_printf(o, "<circle cx=\"%.1f\" cy=\"7\" r=\"3.5\" fill=\"%s\"/></svg>", ax(A, p->lor), c);
}

static void profile_body(const rp_report *r, int pi, const axis_t *A, mm_buf *o)
{
	const rp_model *m = &r->m;
	uint32_t c = r->piv[pi];
	mm_buf_puts(o, "<h3>");
	rp_escs(o, rp_name(r, c));
	mm_buf_puts(o, " <small>(");
	rp_escs(o, m->e[c].id);
	mm_buf_printf(o, ", %llu documents)</small></h3>\n", (unsigned long long)m->e[c].docs);
	int any = 0;
	for (int t = 0; t < m->n_type; ++t) {
		const rp_plist *l = &r->plist[pi * m->n_type + t];
		if (t == r->pivot_t || !l->n) continue;
		any = 1;
		uint32_t *rank = plist_ranks(r, l);
		uint64_t maxd = 1;
		for (size_t i = 0; i < l->n; ++i) if (l->a[i].docs > maxd) maxd = l->a[i].docs;
		mm_buf_puts(o, "<h4>");
		rp_escs(o, m->types[t]);
		mm_buf_printf(o, ": %zu co-occurring, the top %zu shown</h4>\n", l->n, l->n < RP_PROF_K ? l->n : (size_t)RP_PROF_K);
		mm_buf_puts(o, "<table class=\"pt\"><thead><tr><th>");
		rp_escs(o, m->types[t]);
		mm_buf_printf(o, "</th><th class=\"n\">%s</th><th>ln OR, 95 %% CI</th><th class=\"n\">NPMI</th><th class=\"n\">q</th></tr></thead>\n<tbody class=\"pr\">\n",
		              r->sentence_level ? "sentences" : "documents");
		/* the rows of the top RP_PROF_K under any statistic, by the default one */
		uint32_t *inv = mm_malloc(l->n * sizeof *inv);
		for (size_t i = 0; i < l->n; ++i) inv[rank[2 * l->n + i]] = (uint32_t)i;
		for (size_t pos = 0; pos < l->n; ++pos) {
			size_t i = inv[pos];
			if (rank[i] >= RP_PROF_K && rank[l->n + i] >= RP_PROF_K && rank[2 * l->n + i] >= RP_PROF_K) continue;
			const rp_pair *p = &l->a[i];
			mm_buf_printf(o, "<tr data-r=\"%u %u %u\"%s%s><td title=\"", rank[i], rank[l->n + i], rank[2 * l->n + i],
			              rank[2 * l->n + i] >= RP_PROF_K ? " hidden" : "", p->q < RP_SIG_Q ? "" : " class=\"ns\"");
			rp_escs(o, m->e[p->b].id);
			mm_buf_puts(o, "\">");
			rp_esc_cut(o, rp_name(r, p->b), 40);
			double cnt = stat_of(r, p, 0);
			mm_buf_printf(o, "</td><td class=\"n\">%.0f <svg width=\"50\" height=\"9\"><rect width=\"%.1f\" height=\"9\" fill=\"#6baed6\"/></svg></td><td>",
			              cnt, 1 + 49.0 * (double)p->docs / (double)maxd);
			ci_svg(o, A, p);
			mm_buf_puts(o, "</td><td class=\"n\">");
			rp_num(o, p->npmi, 2);
			mm_buf_puts(o, "</td><td class=\"n\">");
			rp_q(o, p->q);
			mm_buf_puts(o, "</td></tr>\n");
		}
		mm_buf_puts(o, "</tbody></table>\n");
		free(inv);
		free(rank);
	}
	if (!any) mm_buf_puts(o, "<p class=\"note\">No co-occurrence with other types.</p>\n");
}

void rp_profiles_panel(const rp_report *r, mm_buf *o)
{
	const rp_model *m = &r->m;
	mm_buf_puts(o, "<section id=\"profiles\"><h2>Profiles</h2>\n");
	if (r->pivot_t < 0 || !r->n_piv) {
		mm_buf_puts(o, "<p>No concepts to profile.</p></section>\n");
		return;
	}
	const char *T = m->types[r->pivot_t];
	/* one axis for every profile, so that they compare */
	axis_t A = { 0, 1 };
	for (int pi = 0; pi < r->n_piv; ++pi)
		for (int t = 0; t < m->n_type; ++t) {
			const rp_plist *l = &r->plist[pi * m->n_type + t];
			for (size_t i = 0; i < l->n; ++i) {
				if (l->a[i].lo < A.amin) A.amin = l->a[i].lo;
				if (l->a[i].hi > A.amax) A.amax = l->a[i].hi;
			}
		}
	A.amin = floor(A.amin < -4 ? -4 : A.amin);
	A.amax = ceil(A.amax > 10 ? 10 : A.amax);
	mm_buf_puts(o, "<p class=\"note\">For each of the ");
	mm_buf_printf(o, "%d ", r->n_piv);
	rp_escs(o, T);
	mm_buf_printf(o, " concepts with most documents (of %zu found), the concepts of every other type that co-occur with it most strongly by the chosen statistic, "
	              "at most %d per type. Bars: the %s (left) and the log odds ratio with its 95 %% confidence interval (a dot on a line; "
	              "the grey line is ln OR = 0, no association; the axis runs from ", m->seen_of_type[r->pivot_t], RP_PROF_K, r->sentence_level ? "sentences" : "documents");
	rp_num(o, A.amin, 0);
	mm_buf_puts(o, " to ");
	rp_num(o, A.amax, 0);
	mm_buf_puts(o, " in every profile; intervals beyond it are cut). Red: significant after Benjamini-Hochberg (q &lt; 0.05); grey rows are not.</p>\n");
	if (r->cmp_a >= 0) {
		mm_buf_puts(o, "<h3>Side by side</h3>\n<div class=\"cmp\">\n");
		for (int side = 0; side < 2; ++side) {
			int sel = side ? r->cmp_b : r->cmp_a;
			mm_buf_printf(o, "<div><select class=\"pick jsonly\" data-slot=\"slot%d\" aria-label=\"profile\">", side);
			for (int pi = 0; pi < r->n_piv; ++pi) {
				mm_buf_printf(o, "<option value=\"%d\"%s>", pi, pi == sel ? " selected" : "");
				rp_esc_cut(o, rp_name(r, r->piv[pi]), 40);
				mm_buf_puts(o, "</option>");
			}
			mm_buf_printf(o, "</select>\n<div class=\"prof\" id=\"slot%d\">\n", side);
			profile_body(r, sel, &A, o);
			mm_buf_puts(o, "</div></div>\n");
		}
		mm_buf_puts(o, "</div>\n");
	}
	mm_buf_puts(o, "<h3>Every profile</h3>\n<div class=\"grid\">\n");
	for (int pi = 0; pi < r->n_piv; ++pi) {
		mm_buf_printf(o, "<div class=\"prof\" id=\"pf%d\" style=\"width:620px\">\n", pi);
		profile_body(r, pi, &A, o);
		mm_buf_puts(o, "</div>\n");
	}
	mm_buf_puts(o, "</div>\n");
	if (m->seen_of_type[r->pivot_t] > (size_t)r->n_piv)
		mm_buf_printf(o, "<p class=\"note\">%zu further concepts of this type are not profiled.</p>\n", m->seen_of_type[r->pivot_t] - (size_t)r->n_piv);
	mm_buf_puts(o, "</section>\n");
}

/* ---- top pairs -------------------------------------------------------------------- */

static void td_num(mm_buf *o, double v, int dec)
{
	mm_buf_puts(o, "<td class=\"n\" data-v=\"");
	rp_sortv(o, v);
	mm_buf_puts(o, "\">");
	rp_num(o, v, dec);
	mm_buf_puts(o, "</td>");
}

void rp_pairs_panel(const rp_report *r, mm_buf *o)
{
	const rp_model *m = &r->m;
	mm_buf_printf(o, "<section id=\"pairs\"><h2>Top pairs</h2>\n<p class=\"note\">The %d pairs (of %ld in pairs.tsv, any types) with the highest lower bound "
	              "of the 95 %% confidence interval of the log odds ratio: the associations that are most surely strong. Ties by documents. "
	              "Grey rows are not significant after Benjamini-Hochberg (q &ge; 0.05). "
	              "<span class=\"jsonly\">Click a column heading to sort.</span></p>\n", r->n_top, r->n_pairs);
	if (!r->has_evidence) mm_buf_puts(o, "<p class=\"note\">The run was made without <code>--evidence</code>: no PMIDs to show.</p>\n");
	else if (!r->has_text) mm_buf_puts(o, "<p class=\"note\">The run was made without <code>--evidence-text</code>: PMIDs without their sentences.</p>\n");
	mm_buf_printf(o, "<table class=\"sort\"><thead><tr><th>concept A</th><th>type</th><th>concept B</th><th>type</th><th class=\"n\">documents</th><th class=\"n\">sentences</th>"
	              "<th class=\"n\">NPMI</th><th class=\"n\">ln OR</th><th class=\"n\">CI low</th><th class=\"n\">CI high</th><th class=\"n\">q</th>%s</tr></thead>\n<tbody>\n",
	              r->has_evidence ? "<th>evidence (most recent first)</th>" : "");
	for (int i = 0; i < r->n_top; ++i) {
		const rp_top *t = &r->top[i];
		const rp_pair *p = &t->p;
		mm_buf_puts(o, p->q < RP_SIG_Q ? "<tr><td title=\"" : "<tr class=\"ns\"><td title=\"");
		rp_escs(o, m->e[p->a].id);
		mm_buf_puts(o, "\">");
		rp_esc_cut(o, rp_name(r, p->a), 40);
		mm_buf_puts(o, "</td><td>");
		rp_escs(o, m->e[p->a].type);
		mm_buf_puts(o, "</td><td title=\"");
		rp_escs(o, m->e[p->b].id);
		mm_buf_puts(o, "\">");
		rp_esc_cut(o, rp_name(r, p->b), 40);
		mm_buf_puts(o, "</td><td>");
		rp_escs(o, m->e[p->b].type);
		mm_buf_puts(o, "</td>");
		td_num(o, (double)p->docs, 0);
		td_num(o, (double)p->sents, 0);
		td_num(o, p->npmi, 2);
		td_num(o, p->lor, 2);
		td_num(o, p->lo, 2);
		td_num(o, p->hi, 2);
		mm_buf_puts(o, "<td class=\"n\" data-v=\"");
		rp_sortv(o, p->q);
		mm_buf_puts(o, "\">");
		rp_q(o, p->q);
		mm_buf_puts(o, "</td>");
		if (r->has_evidence) {
			mm_buf_puts(o, "<td>");
			for (int k = 0; k < t->n_ev; ++k) {
				mm_buf_printf(o, "%s<a href=\"https://pubmed.ncbi.nlm.nih.gov/%llu/\">%llu</a>", k ? ", " : "", (unsigned long long)t->pmid[k], (unsigned long long)t->pmid[k]);
				if (t->year[k]) mm_buf_printf(o, " (%d)", t->year[k]);
			}
			if (t->text) {
				mm_buf_puts(o, "<p class=\"ev\">\xE2\x80\x9C");
				rp_escs(o, t->text);
				mm_buf_printf(o, "\xE2\x80\x9D (PMID %llu)</p>", (unsigned long long)t->text_pmid);
			}
			mm_buf_puts(o, "</td>");
		}
		mm_buf_puts(o, "</tr>\n");
	}
	mm_buf_puts(o, "</tbody></table>\n</section>\n");
}

/* ---- trends ---------------------------------------------------------------------- */

static void chart(const rp_report *r, const rp_series *S, mm_buf *o)
{
	const rp_model *m = &r->m;
	mm_buf_puts(o, "<div class=\"chart\"><h4>");
	if (S->a == UINT32_MAX) mm_buf_puts(o, "All documents");
	else if (S->b == UINT32_MAX) {
		rp_esc_cut(o, rp_name(r, S->a), 34);
		mm_buf_puts(o, " <small>");
		rp_escs(o, m->e[S->a].type);
		mm_buf_puts(o, "</small>");
	} else {
		rp_esc_cut(o, rp_name(r, S->a), 16);
		mm_buf_puts(o, " \xC3\x97 ");
		rp_esc_cut(o, rp_name(r, S->b), 16);
	}
	uint64_t max = 0;
	for (int y = 0; y < r->ny; ++y) if (S->v[y] > max) max = S->v[y];
	mm_buf_puts(o, "</h4><svg width=\"250\" height=\"80\"><title>");
	if (S->a != UINT32_MAX && S->b != UINT32_MAX) {
		rp_escs(o, rp_name(r, S->a));
		mm_buf_puts(o, " \xC3\x97 ");
		rp_escs(o, rp_name(r, S->b));
		mm_buf_puts(o, ": ");
	}
	mm_buf_printf(o, "%llu documents in all", (unsigned long long)S->total);
	if (S->outside) mm_buf_printf(o, ", %llu of them without a year or before %d", (unsigned long long)S->outside, r->y0);
	mm_buf_printf(o, "; at most %llu in one year</title>\n", (unsigned long long)max);
	mm_buf_puts(o, "<line x1=\"30\" y1=\"62\" x2=\"246\" y2=\"62\" stroke=\"#999\"/><line x1=\"30\" y1=\"6\" x2=\"30\" y2=\"62\" stroke=\"#ddd\"/>");
	mm_buf_printf(o, "<text x=\"26\" y=\"12\" text-anchor=\"end\">%llu</text><text x=\"26\" y=\"64\" text-anchor=\"end\">0</text>", (unsigned long long)max);
	mm_buf_printf(o, "<text x=\"30\" y=\"76\">%d</text><text x=\"246\" y=\"76\" text-anchor=\"end\">%d</text>\n", r->y0, r->y0 + r->ny - 1);
	mm_buf_puts(o, "<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"1.5\" points=\"");
	for (int y = 0; y < r->ny; ++y) {
		double x = r->ny > 1 ? 30 + 216.0 * y / (r->ny - 1) : 138;
		double v = max ? 62 - 56.0 * (double)S->v[y] / (double)max : 62;
		mm_buf_printf(o, "%s%.1f,%.1f", y ? " " : "", x, v);
	}
	mm_buf_puts(o, "\"/></svg></div>\n");
}

void rp_trends_panel(const rp_report *r, mm_buf *o)
{
	mm_buf_puts(o, "<section id=\"trends\"><h2>Trends</h2>\n");
	if (!r->has_years) {
		mm_buf_puts(o, "<p>The run was made without <code>--by-year</code>: no trends.</p></section>\n");
		return;
	}
	if (!r->ny) {
		mm_buf_puts(o, "<p>No document has a publication year.</p></section>\n");
		return;
	}
	mm_buf_printf(o, "<p class=\"note\">Documents per publication year, %d\xE2\x80\x93%d on every chart (the same axis); each chart has its own vertical scale, "
	              "its maximum written on it. All documents, the %d concepts of each type with most documents",
	              r->y0, r->y0 + r->ny - 1, RP_TREND_TYPE);
	if (r->has_pair_years) mm_buf_printf(o, ", and the %d pairs of two types with most documents", RP_TREND_PAIRS);
	else mm_buf_puts(o, " (pairs.by-year.tsv is missing: no pair trends)");
	mm_buf_puts(o, ".");
	if (r->unknown_year) mm_buf_printf(o, " %llu documents have no year and are not drawn.", (unsigned long long)r->unknown_year);
	if (r->ser[0].outside > r->unknown_year) mm_buf_printf(o, " Years before %d are not drawn (at most %d years).", r->y0, RP_TREND_YEARS);
	mm_buf_puts(o, "</p>\n<div class=\"grid\">\n");
	for (int i = 0; i < r->n_ser; ++i) {
		if (r->ser[i].a != UINT32_MAX && r->ser[i].b != UINT32_MAX && !r->has_pair_years) continue;
		chart(r, &r->ser[i], o);
	}
	mm_buf_puts(o, "</div>\n</section>\n");
}

/* ---- negation ---------------------------------------------------------------------- */

typedef struct {
	uint64_t neg;
	uint32_t i;
} nkey;

static int cmp_nkey(const void *x, const void *y)
{
	const nkey *a = x, *b = y;
	if (a->neg != b->neg) return a->neg > b->neg ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

void rp_negation_panel(const rp_report *r, mm_buf *o)
{
	const rp_model *m = &r->m;
	size_t n = 0;
	uint64_t tot = 0;
	nkey *k = mm_malloc((m->n_e ? m->n_e : 1) * sizeof *k);
	for (size_t i = 0; i < m->n_e; ++i)
		if (m->e[i].negated) { k[n++] = (nkey){ m->e[i].negated, (uint32_t)i }; tot += m->e[i].negated; }
	qsort(k, n, sizeof *k, cmp_nkey);
	mm_buf_printf(o, "<section id=\"negation\"><h2>Negation</h2>\n<p class=\"note\">A mention in a negation scope (\xE2\x80\x9C" "anti-SRP antibodies were negative\xE2\x80\x9D) is %s. "
	              "%llu negated mentions of %zu concepts; the %zu with most are listed.</p>\n",
	              r->keep_negated ? "counted in co-occurrence in this run (<code>--keep-negated</code>)" : "listed apart and left out of co-occurrence",
	              (unsigned long long)tot, n, n < RP_NEG_ROWS ? n : (size_t)RP_NEG_ROWS);
	if (n) {
		mm_buf_printf(o, "<table class=\"sort\"><thead><tr><th>concept</th><th>type</th><th class=\"n\">mentions %s</th><th class=\"n\">negated</th><th class=\"n\">share negated</th></tr></thead>\n<tbody>\n",
		              r->keep_negated ? "(all)" : "counted");
		for (size_t j = 0; j < n && j < RP_NEG_ROWS; ++j) {
			const rp_ent *e = &m->e[k[j].i];
			uint64_t all = r->keep_negated ? e->mentions : e->mentions + e->negated;
			double share = all ? (double)e->negated / (double)all : 0;
			mm_buf_puts(o, "<tr><td title=\"");
			rp_escs(o, e->id);
			mm_buf_puts(o, "\">");
			rp_esc_cut(o, rp_name(r, k[j].i), 40);
			mm_buf_puts(o, "</td><td>");
			rp_escs(o, e->type);
			mm_buf_puts(o, "</td>");
			td_num(o, (double)e->mentions, 0);
			td_num(o, (double)e->negated, 0);
			mm_buf_puts(o, "<td class=\"n\" data-v=\"");
			rp_sortv(o, share);
			mm_buf_puts(o, "\">");
			rp_num(o, 100 * share, 0);
			mm_buf_printf(o, " %% <svg width=\"60\" height=\"9\"><rect width=\"60\" height=\"9\" fill=\"#eee\"/><rect width=\"%.1f\" height=\"9\" fill=\"#b2182b\"/></svg></td></tr>\n", 60 * share);
		}
		mm_buf_puts(o, "</tbody></table>\n");
	}
	mm_buf_puts(o, "</section>\n");
	free(k);
}

/* ---- case facts (facts.summary.tsv) ---------------------------------------------- */

#define FACT_W 200

/* a box from the first to the third quartile with the median, on an axis
 * from lo to hi (log10 when lg); n documents behind it */
static void fact_box(mm_buf *o, const rp_fact *x, int k, double lo, double hi, int lg, const char *unit)
{
	mm_buf_puts(o, "<td class=\"n\" data-v=\"");
	rp_sortv(o, x->n[k] ? x->med[k] : -1);
	mm_buf_puts(o, "\">");
	if (!x->n[k]) { mm_buf_puts(o, "</td>"); return; }
	double v[3] = { x->q1[k], x->med[k], x->q3[k] }, px[3];
	for (int i = 0; i < 3; ++i) {
		double t = lg ? (v[i] > 0 ? log10(v[i]) : lo) : v[i];
		t = (t - lo) / (hi - lo);
		px[i] = FACT_W * (t < 0 ? 0 : t > 1 ? 1 : t);
	}
	mm_buf_printf(o, "<svg width=\"%d\" height=\"14\"><title>", FACT_W);
	rp_num(o, x->med[k], 1);
	mm_buf_printf(o, " %s (IQR ", unit);
	rp_num(o, x->q1[k], 1);
	mm_buf_puts(o, "\xE2\x80\x93");
	rp_num(o, x->q3[k], 1);
	mm_buf_printf(o, "), %llu documents</title><line x1=\"0\" y1=\"7\" x2=\"%d\" y2=\"7\" stroke=\"#ddd\"/>", (unsigned long long)x->n[k], FACT_W);
	mm_buf_printf(o, "<rect x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"10\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>", px[0], px[2] - px[0] > 1 ? px[2] - px[0] : 1);
	mm_buf_printf(o, "<line x1=\"%.1f\" y1=\"1\" x2=\"%.1f\" y2=\"13\" stroke=\"#08306b\" stroke-width=\"2\"/></svg> ", px[1], px[1]);
	rp_num(o, x->med[k], 0);
	mm_buf_printf(o, " <small>n=%llu</small></td>", (unsigned long long)x->n[k]);
}

void rp_facts_panel(const rp_report *r, mm_buf *o)
{
	mm_buf_puts(o, "<section id=\"facts\"><h2>Case facts</h2>\n<p class=\"note\">From <code>facts.summary.tsv</code> (<code>--facts</code>): per antibody, over the documents mentioning it, "
	               "the documents\xE2\x80\x99 peak creatine kinase (U/L, log axis 10\xE2\x80\x93" "1,000,000; and as a multiple of the upper limit of normal), the patient\xE2\x80\x99s age "
	               "(years, axis 0\xE2\x80\x93" "100) and sex (female red, male blue). Boxes span the first to the third quartile, the line is the median; n is the number of documents behind each.</p>\n");
	if (!r->n_facts) { mm_buf_puts(o, "<p>No antibody document holds a CK value, an age or a sex.</p>\n</section>\n"); return; }
	mm_buf_puts(o, "<table class=\"sort\"><thead><tr><th>antibody</th><th class=\"n\">documents</th><th class=\"n\">peak CK (U/L)</th><th class=\"n\">CK (\xC3\x97 ULN)</th>"
	               "<th class=\"n\">age (years)</th><th class=\"n\">female / male</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < r->n_facts; ++i) {
		const rp_fact *x = &r->facts[i];
		mm_buf_puts(o, "<tr><td title=\"");
		rp_escs(o, r->m.e[x->c].id);
		mm_buf_puts(o, "\">");
		rp_esc_cut(o, rp_name(r, x->c), 40);
		mm_buf_puts(o, "</td>");
		td_num(o, (double)x->docs, 0);
		fact_box(o, x, 0, 1, 6, 1, "U/L");
		fact_box(o, x, 1, 0, 100, 0, "\xC3\x97 ULN");
		fact_box(o, x, 2, 0, 100, 0, "years");
		uint64_t s = x->fem + x->mal;
		double fw = s ? 80.0 * (double)x->fem / (double)s : 0;
		mm_buf_puts(o, "<td class=\"n\" data-v=\"");
		rp_sortv(o, s ? (double)x->fem / (double)s : -1);
		mm_buf_printf(o, "\">%llu / %llu <svg width=\"80\" height=\"9\"><rect width=\"80\" height=\"9\" fill=\"%s\"/><rect width=\"%.1f\" height=\"9\" fill=\"#d6604d\"/></svg></td></tr>\n",
		              (unsigned long long)x->fem, (unsigned long long)x->mal, s ? "#4393c3" : "#eee", fw);
	}
	mm_buf_puts(o, "</tbody></table>\n</section>\n");
}
