/* negate.c -- see negate.h */
#include "negate.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of lexicons/negation.txt, in the order of kind_name[]. */
enum { L_PRE, L_SUBJ, L_POST, L_ADJ, L_PREFIX, L_NOTAFTER, L_PSEUDO, L_STOP, L_REL, L_HEAD, L_POP, L_VERB, L_DET, L_PREP,
       L_SKIP, L_BACKSKIP, L_BACKSTOP, N_LIST };
static const char *const kind_name[N_LIST] = {
	"pre", "subject", "post", "adjacent", "prefix", "notafter", "pseudo", "stop", "rel", "head", "pop", "verb", "det", "prep",
	"skip", "backskip", "backstop"
};

#define MAX_TOK 6 /* words in a phrase */
typedef struct { uint8_t n, len[MAX_TOK]; const char *tok[MAX_TOK]; } phrase;

/* Per kind: phrases grouped by the first byte of their first word (they
 * start at p[at[c]], end at p[at[c + 1]]); first[c] has bit min(len, 31)
 * set for each length of a first word starting with c, so that most
 * tokens are rejected by one lookup. */
struct mm_negrules {
	struct { phrase *p; int n; uint32_t first[256]; uint16_t at[257]; } l[N_LIST];
	uint32_t trig_first[256]; /* first[] of the lists tried at every token */
	char *text;               /* owns the words the phrases point to */
	int n_rules;
};

/* The built-in rules: lexicons/negation.txt as shipped (a unit test
 * checks that the two are the same). */
static const char default_text[] =
	"# Negation rules: kind<TAB>phrase, one a line; lexicons/README.md explains each kind.\n"
	"# Phrases are lower-case words of the normalised text (punctuation between\n"
	"# words is ignored: \"presence absence\" matches \"presence/absence\").\n"
	"pre\tno\n"
	"pre\tnot\n"
	"pre\tnone\n"
	"subject\tnone of\n"
	"subject\tneither of\n"
	"pre\twithout\n"
	"pre\tabsence of\n"
	"pre\tabsent\n"
	"pre\tnegative for\n"
	"pre\tseronegative for\n"
	"pre\truled out\n"
	"pre\trule out\n"
	"pre\trules out\n"
	"pre\tdenies\n"
	"pre\tdenied\n"
	"pre\tdeny\n"
	"pre\tfree of\n"
	"pre\tfree from\n"
	"pre\tlack of\n"
	"pre\tlack\n"
	"pre\tlacked\n"
	"pre\tlacking\n"
	"pre\tno evidence of\n"
	"pre\tno signs of\n"
	"pre\tno sign of\n"
	"pre\tany sign of\n"
	"pre\tany signs of\n"
	"pre\tany evidence of\n"
	"pre\tno history of\n"
	"pre\tno family history of\n"
	"pre\tno prior history of\n"
	"pre\tneither\n"
	"pre\tnever\n"
	"pre\texcluded\n"
	"pre\texclusion of\n"
	"pre\tunremarkable for\n"
	"post\twere negative\n"
	"post\twas negative\n"
	"post\tis negative\n"
	"post\tare negative\n"
	"post\ttested negative\n"
	"post\tremained negative\n"
	"post\twere all negative\n"
	"post\twere both negative\n"
	"post\tall negative\n"
	"post\twas absent\n"
	"post\twere absent\n"
	"post\tis absent\n"
	"post\tare absent\n"
	"post\tabsent\n"
	"post\tunlikely\n"
	"post\twas ruled out\n"
	"post\twere ruled out\n"
	"post\twas excluded\n"
	"post\twere excluded\n"
	"post\tnot detected\n"
	"post\twas not detected\n"
	"post\twere not detected\n"
	"post\tnot found\n"
	"post\twas not found\n"
	"post\twere not found\n"
	"adjacent\tnegative\n"
	"adjacent\tnegativity\n"
	"adjacent\tfree\n"
	"prefix\tnon\n"
	"notafter\tsurvival\n"
	"notafter\tinterval\n"
	"notafter\tperiod\n"
	"notafter\tmargin\n"
	"notafter\tmargins\n"
	"notafter\tpredictive\n"
	"notafter\timpact\n"
	"pseudo\tno increase\n"
	"pseudo\tno change\n"
	"pseudo\tno significant change\n"
	"pseudo\tnot only\n"
	"pseudo\tno further\n"
	"pseudo\tnot necessarily\n"
	"pseudo\tnot certain\n"
	"pseudo\tgram negative\n"
	"pseudo\twithout difficulty\n"
	"pseudo\tno difference\n"
	"pseudo\tno significant difference\n"
	"pseudo\tno significant differences\n"
	"pseudo\tnot always\n"
	"pseudo\tnot just\n"
	"pseudo\tnot all\n"
	"pseudo\twhether or not\n"
	"pseudo\tno longer\n"
	"pseudo\tnot been\n"
	"pseudo\tnot significantly\n"
	"pseudo\twith and without\n"
	"pseudo\twith or without\n"
	"pseudo\tif not\n"
	"pseudo\tnot easy\n"
	"pseudo\tnot satisfactorily\n"
	"pseudo\tnot limited\n"
	"pseudo\tbut not\n"
	"pseudo\talthough not\n"
	"pseudo\tthough not\n"
	"pseudo\tpresence absence\n"
	"pseudo\tabsence presence\n"
	"pseudo\tpresence or absence\n"
	"pseudo\tno evidence that\n"
	"pseudo\tdid not differ\n"
	"pseudo\tnot differ\n"
	"stop\tbut\n"
	"stop\thowever\n"
	"stop\talthough\n"
	"stop\tthough\n"
	"stop\tyet\n"
	"stop\texcept\n"
	"stop\twhereas\n"
	"stop\twhile\n"
	"stop\twhich\n"
	"stop\twho\n"
	"stop\tapart\n"
	"stop\taside\n"
	"stop\tnevertheless\n"
	"stop\tstill\n"
	"stop\tsuggesting\n"
	"stop\tindicating\n"
	"stop\tshowing\n"
	"rel\tassociated\n"
	"rel\tassociation\n"
	"rel\tassociations\n"
	"rel\tcorrelate\n"
	"rel\tcorrelated\n"
	"rel\tcorrelates\n"
	"rel\tcorrelation\n"
	"rel\trelated\n"
	"rel\trelation\n"
	"rel\trelationship\n"
	"rel\tlinked\n"
	"rel\tlink\n"
	"rel\tdiffer\n"
	"rel\tdiffered\n"
	"rel\tdifference\n"
	"rel\taffect\n"
	"rel\taffected\n"
	"rel\tinfluence\n"
	"rel\tinfluenced\n"
	"rel\tpredict\n"
	"rel\tpredicted\n"
	"rel\tincrease\n"
	"rel\tincreased\n"
	"rel\televated\n"
	"rel\texcess\n"
	"rel\trisk\n"
	"rel\teffect\n"
	"rel\teffective\n"
	"rel\tbenefit\n"
	"rel\tbenefits\n"
	"rel\tprevent\n"
	"rel\tprevented\n"
	"rel\treduce\n"
	"rel\treduced\n"
	"rel\tcontribute\n"
	"rel\tcontributed\n"
	"rel\tcause\n"
	"rel\tcaused\n"
	"rel\tdictate\n"
	"rel\tdetermine\n"
	"rel\tvalue\n"
	"rel\tindicative\n"
	"rel\tsuggestive\n"
	"rel\tspecific\n"
	"rel\tdemonstrated\n"
	"rel\tjustified\n"
	"rel\tdeaths\n"
	"rel\tdeath\n"
	"rel\tmortality\n"
	"head\tgene\n"
	"head\tgenes\n"
	"head\tprotein\n"
	"head\tmarker\n"
	"head\tmarkers\n"
	"head\trisk\n"
	"head\trisks\n"
	"head\toutcome\n"
	"head\toutcomes\n"
	"head\tincidence\n"
	"head\tmortality\n"
	"head\tdeaths\n"
	"head\tpatients\n"
	"head\tresponse\n"
	"head\tactivity\n"
	"pop\tpatient\n"
	"pop\tpatients\n"
	"pop\tcase\n"
	"pop\tcases\n"
	"pop\tsubject\n"
	"pop\tsubjects\n"
	"pop\tindividual\n"
	"pop\tindividuals\n"
	"pop\tchild\n"
	"pop\tchildren\n"
	"pop\tadult\n"
	"pop\tadults\n"
	"pop\tparticipant\n"
	"pop\tparticipants\n"
	"verb\thad\n"
	"verb\thas\n"
	"verb\thave\n"
	"verb\twas\n"
	"verb\twere\n"
	"verb\tis\n"
	"verb\tare\n"
	"verb\tshowed\n"
	"verb\tdeveloped\n"
	"verb\treceived\n"
	"verb\tpresented\n"
	"verb\tunderwent\n"
	"verb\trequired\n"
	"verb\tresponded\n"
	"verb\timproved\n"
	"verb\tbecame\n"
	"verb\texperienced\n"
	"verb\tdied\n"
	"verb\tneeded\n"
	"det\tthe\n"
	"det\ta\n"
	"det\tan\n"
	"det\tthis\n"
	"det\tthese\n"
	"det\this\n"
	"det\ther\n"
	"det\ttheir\n"
	"det\tits\n"
	"prep\tin\n"
	"prep\ton\n"
	"prep\tfrom\n"
	"prep\tamong\n"
	"skip\tand\n"
	"skip\tor\n"
	"skip\tnor\n"
	"skip\tanti\n"
	"backskip\twere\n"
	"backskip\twas\n"
	"backskip\tantibodies\n"
	"backskip\tantibody\n"
	"backstop\tpositive\n"
	"backstop\tpositivity\n";

const char *mm_negrules_default_text(void) { return default_text; }

void mm_negrules_free(mm_negrules *r)
{
	if (!r) return;
	for (int l = 0; l < N_LIST; ++l) free(r->l[l].p);
	free(r->text);
	free(r);
}

int mm_negrules_count(const mm_negrules *r) { return r ? r->n_rules : 0; }

mm_negrules *mm_negrules_parse(const char *text, size_t len, const char *where, mm_buf *err)
{
	mm_negrules *r = mm_calloc(1, sizeof *r);
	r->text = mm_malloc(len + 1);
	memcpy(r->text, text, len);
	r->text[len] = 0;
	int cap[N_LIST] = {0}, lineno = 0;
	for (char *s = r->text, *next; s && *s; s = next) {
		++lineno;
		char *nl = strchr(s, '\n');
		next = nl ? nl + 1 : NULL;
		if (nl) *nl = 0;
		size_t n = strlen(s);
		if (n && s[n - 1] == '\r') s[--n] = 0;
		if (!n || s[0] == '#') continue;
		char *tab = strchr(s, '\t');
		int kind = -1;
		if (tab) {
			*tab = 0;
			for (int k = 0; k < N_LIST; ++k) if (!strcmp(s, kind_name[k])) kind = k;
		}
		if (kind < 0) {
			mm_buf_printf(err, "%s:%d: expected kind<TAB>phrase with kind one of pre, subject, post, adjacent, prefix, notafter, "
			              "pseudo, stop, rel, head, pop, verb, det, prep, skip, backskip, backstop", where, lineno);
			goto fail;
		}
		phrase ph = {0};
		for (char *w = tab + 1; *w;) {
			while (*w == ' ') ++w;
			if (!*w) break;
			char *e = w;
			while ((*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9')) ++e;
			if ((*e && *e != ' ') || ph.n == MAX_TOK || e - w > 255) {
				mm_buf_printf(err, "%s:%d: a phrase is up to %d words of lower-case letters and digits, separated by spaces",
				              where, lineno, MAX_TOK);
				goto fail;
			}
			ph.tok[ph.n] = w;
			ph.len[ph.n++] = (uint8_t)(e - w);
			w = e;
		}
		if (!ph.n) { mm_buf_printf(err, "%s:%d: empty phrase", where, lineno); goto fail; }
		if (r->l[kind].n == cap[kind]) {
			cap[kind] = cap[kind] ? cap[kind] * 2 : 16;
			r->l[kind].p = mm_realloc(r->l[kind].p, (size_t)cap[kind] * sizeof(phrase));
		}
		r->l[kind].p[r->l[kind].n++] = ph;
		r->n_rules++;
		if (r->n_rules > 60000) { mm_buf_printf(err, "%s:%d: more than 60,000 rules", where, lineno); goto fail; }
	}
	for (int l = 0; l < N_LIST; ++l) {
		int n = r->l[l].n;
		for (int k = 0; k < n; ++k) {
			const phrase *ph = &r->l[l].p[k];
			r->l[l].first[(unsigned char)ph->tok[0][0]] |= 1u << (ph->len[0] < 31 ? ph->len[0] : 31);
		}
		/* group by first byte (a stable counting sort) */
		phrase *g = mm_malloc((size_t)(n ? n : 1) * sizeof *g);
		uint16_t cnt[257] = {0};
		for (int k = 0; k < n; ++k) cnt[(unsigned char)r->l[l].p[k].tok[0][0] + 1]++;
		for (int c = 0; c < 256; ++c) cnt[c + 1] = (uint16_t)(cnt[c + 1] + cnt[c]);
		memcpy(r->l[l].at, cnt, sizeof cnt);
		for (int k = 0; k < n; ++k) g[cnt[(unsigned char)r->l[l].p[k].tok[0][0]]++] = r->l[l].p[k];
		free(r->l[l].p);
		r->l[l].p = g;
	}
	for (int c = 0; c < 256; ++c)
		r->trig_first[c] = r->l[L_PSEUDO].first[c] | r->l[L_PRE].first[c] | r->l[L_SUBJ].first[c] | r->l[L_POST].first[c] |
		                   r->l[L_ADJ].first[c] | r->l[L_PREFIX].first[c];
	return r;
fail:
	mm_negrules_free(r);
	return NULL;
}

static mm_negrules *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void load_builtin(void)
{
	mm_buf err = {0};
	builtin = mm_negrules_parse(default_text, strlen(default_text), "built-in negation rules", &err);
	if (!builtin) { fprintf(stderr, "myomine: %s\n", err.s); abort(); } /* a bug: a unit test parses them */
	mm_buf_free(&err);
}

/* Words matched by the longest phrase of list l at token i, 0 if none. */
static uint32_t any_phrase(const mm_negrules *r, const mm_text *t, uint32_t i, uint32_t end, int l)
{
	if (i >= end) return 0;
	uint32_t l0 = t->tok_e.a[i] - t->tok_s.a[i];
	unsigned char c0 = (unsigned char)t->norm.s[t->tok_s.a[i]];
	if (!(r->l[l].first[c0] >> (l0 < 31 ? l0 : 31) & 1)) return 0;
	uint32_t best = 0;
	for (int k = r->l[l].at[c0]; k < r->l[l].at[c0 + 1]; ++k) {
		const phrase *ph = &r->l[l].p[k];
		if (i + ph->n > end || ph->n <= best) continue;
		uint32_t j = 0;
		for (; j < ph->n; ++j) {
			size_t tl = t->tok_e.a[i + j] - t->tok_s.a[i + j];
			if (tl != ph->len[j] || memcmp(t->norm.s + t->tok_s.a[i + j], ph->tok[j], tl) != 0) break;
		}
		if (j == ph->n) best = j;
	}
	return best;
}

static int tok_is(const mm_text *t, uint32_t i, const char *w)
{
	size_t l = strlen(w);
	return t->tok_e.a[i] - t->tok_s.a[i] == l && memcmp(t->norm.s + t->tok_s.a[i], w, l) == 0;
}

/* A scope ends at ';', ':' or ')' between two tokens. */
static int clause_break(const mm_text *t, uint32_t a, uint32_t b)
{
	for (uint32_t x = t->tok_e.a[a]; x < t->tok_s.a[b]; ++x)
		if (t->norm.s[x] == ';' || t->norm.s[x] == ':' || t->norm.s[x] == ')') return 1;
	return 0;
}

/* c is between tokens a and b (a comma, a hyphen). */
static int between(const mm_text *t, uint32_t a, uint32_t b, char c)
{
	for (uint32_t x = t->tok_e.a[a]; x < t->tok_s.a[b]; ++x) if (t->norm.s[x] == c) return 1;
	return 0;
}

/* Tokens a and b are joined by one hyphen only ("tumor-induced"). */
static int hyphenated(const mm_text *t, uint32_t a, uint32_t b)
{
	return t->tok_s.a[b] == t->tok_e.a[a] + 1 && t->norm.s[t->tok_e.a[a]] == '-';
}

#define NEG_WINDOW 4 /* words in a scope that are neither mentions nor list words */

/* Context of one sentence's mentions mt[i, j) over tokens [ts, te). */
typedef struct {
	const mm_negrules *r;
	const mm_text *t;
	mm_mention *mt;
	size_t i, j;
	uint32_t ts, te;
	uint32_t span;     /* the most tokens of one mention of the sentence */
} sent_ctx;

/* The mention of the sentence whose tokens hold q, or -1; of nested
 * mentions (match.h), the outer one: the earliest start, then the longest,
 * then the first. */
static long mention_at(const sent_ctx *c, uint32_t q)
{
	/* The mentions are sorted by start (match.h), so by first token: from
	 * the last one starting at or before q, back while one could still
	 * reach q (no mention of the sentence has more than c->span tokens).
	 * Bounded work per call, also in a sentence of a million mentions. */
	size_t lo = c->i, hi = c->j;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->mt[mid].tok0 <= q) lo = mid + 1;
		else hi = mid;
	}
	long best = -1;
	for (size_t x = lo; x-- > c->i;) {
		const mm_mention *m = &c->mt[x];
		if ((uint64_t)m->tok0 + c->span <= q) break;
		if (q >= m->tok1) continue;
		/* going back, ">=" keeps the first of equals */
		if (best < 0 || m->tok0 < c->mt[best].tok0 || (m->tok0 == c->mt[best].tok0 && m->tok1 >= c->mt[best].tok1))
			best = (long)x;
	}
	return best;
}

/* A nested mention is negated when the mention holding it is: "no
 * statin-associated autoimmune myopathy" negates the drug too. */
static void nested_follow(mm_mention *mt, size_t i, size_t j)
{
	size_t k = i + 1;
	while (k < j && mt[k].start >= mt[k - 1].end) ++k;
	if (k >= j) return; /* no two mentions overlap: nothing is nested */
	uint32_t span = 0; /* the longest mention, in bytes */
	for (size_t x = i; x < j; ++x)
		if (mt[x].end - mt[x].start > span) span = mt[x].end - mt[x].start;
	for (size_t x = i; x < j; ++x) {
		/* the outermost mention holding x: sorted by start, an outer span
		 * first (match.h), it lies before x, within span bytes */
		long out = -1;
		for (size_t y = x; y-- > i;) {
			if ((uint64_t)mt[y].start + span < mt[x].end) break;
			if (mt[y].start <= mt[x].start && mt[x].end <= mt[y].end && mt[y].end - mt[y].start > mt[x].end - mt[x].start &&
			    (out < 0 || mt[y].end - mt[y].start >= mt[out].end - mt[out].start))
				out = (long)y;
		}
		if (out >= 0) mt[x].negated = mt[out].negated;
	}
}

/* Mention x modifies the word after it (a hyphen compound other than
 * with a trigger, or a head word): it is not what is negated. */
static int modifier(const sent_ctx *c, const mm_mention *x)
{
	uint32_t e = x->tok1;
	if (e >= c->te) return 0;
	if (any_phrase(c->r, c->t, e, c->te, L_HEAD)) return 1;
	return hyphenated(c->t, e - 1, e) && !any_phrase(c->r, c->t, e, c->te, L_ADJ) && mention_at(c, e) < 0;
}

static void mark(const sent_ctx *c, size_t x)
{
	if (!modifier(c, &c->mt[x])) c->mt[x].negated = 1;
}

/* The token after the first verb in [p, p + 30), or te. */
static uint32_t after_verb(const sent_ctx *c, uint32_t p)
{
	uint32_t v = p;
	while (v < c->te && v < p + 30 && !any_phrase(c->r, c->t, v, c->te, L_VERB)) ++v;
	return v < c->te && v < p + 30 ? v + 1 : c->te;
}

static void scope_forward(const sent_ctx *c, uint32_t k, uint32_t tl, int subject)
{
	const mm_negrules *r = c->r;
	const mm_text *t = c->t;
	uint32_t te = c->te, other = 0, q = k + tl;
	/* "No patient with anti-SRP had cancer", "None of the 32 subjects with
	 * ... had cancer": the population and what qualifies it are not
	 * negated; the scope starts after the verb */
	if (subject) q = after_verb(c, q);
	else if (q < te && any_phrase(r, t, q, te, L_POP)) q = after_verb(c, q + 1);
	uint32_t first = q;
	for (; q < te && other <= NEG_WINDOW; ++q) {
		if (clause_break(t, q - 1, q)) break;
		if (any_phrase(r, t, q, te, L_STOP) || any_phrase(r, t, q, te, L_POP) || any_phrase(r, t, q, te, L_REL)) break;
		if (q > first && between(t, q - 1, q, ',') && any_phrase(r, t, q, te, L_DET)) break;
		if (q + 1 < te && any_phrase(r, t, q, te, L_SKIP) && any_phrase(r, t, q + 1, te, L_VERB)) break;
		long x = mention_at(c, q);
		if (x >= 0) {
			if (q == c->mt[x].tok0) mark(c, (size_t)x);
			continue;
		}
		if (other && any_phrase(r, t, q, te, L_PREP)) break;
		if (any_phrase(r, t, q, te, L_SKIP)) continue;
		if (q == first && any_phrase(r, t, q, te, L_VERB)) { ++first; continue; } /* "did not have" */
		other++;
	}
}

static void scope_backward(const sent_ctx *c, uint32_t k)
{
	const mm_negrules *r = c->r;
	const mm_text *t = c->t;
	uint32_t other = 0;
	for (uint32_t q = k; q-- > c->ts && other <= NEG_WINDOW;) {
		if (clause_break(t, q, q + 1)) break;
		if (any_phrase(r, t, q, c->te, L_STOP) || any_phrase(r, t, q, c->te, L_BACKSTOP)) break;
		long x = mention_at(c, q);
		if (x >= 0) {
			if (q == c->mt[x].tok0) mark(c, (size_t)x);
			continue;
		}
		if (!any_phrase(r, t, q, c->te, L_SKIP) && !any_phrase(r, t, q, c->te, L_BACKSKIP)) other++;
	}
}

/* The triggers at token k: returns the tokens to step over. */
static uint32_t trigger(const sent_ctx *c, uint32_t k)
{
	const mm_negrules *r = c->r;
	const mm_text *t = c->t;
	uint32_t te = c->te;
	uint32_t pl = any_phrase(r, t, k, te, L_PSEUDO);
	if (pl) return pl;
	if (mention_at(c, k) >= 0) { /* a trigger word inside a name, or a prefix of one */
		return 1;
	}
	if (any_phrase(r, t, k, te, L_PREFIX) && k + 1 < te && hyphenated(t, k, k + 1)) {
		long x = mention_at(c, k + 1);
		if (x >= 0 && c->mt[x].tok0 == k + 1) c->mt[x].negated = 1;
		return 1;
	}
	uint32_t al = any_phrase(r, t, k, te, L_ADJ);
	uint32_t tl = any_phrase(r, t, k, te, L_PRE), sl = any_phrase(r, t, k, te, L_SUBJ);
	int subject = sl && sl >= tl;
	if (subject) tl = sl;
	uint32_t pt = any_phrase(r, t, k, te, L_POST);
	if (al && al >= tl && al >= pt) {
		/* "X-negative", "X negative", "X-free": the mention right before */
		long x = k > c->ts ? mention_at(c, k - 1) : -1;
		if (x >= 0 && !(k + al < te && any_phrase(r, t, k + al, te, L_NOTAFTER))) c->mt[x].negated = 1;
		return al;
	}
	if (pt >= tl && pt) {
		/* "were negative for CK7", "not detected by mammography": not post */
		uint32_t nx = k + pt;
		if (nx < te && (tok_is(t, nx, "for") || tok_is(t, nx, "by"))) return 1;
		scope_backward(c, k);
		return pt;
	}
	if (!tl) return 1;
	/* a clause-initial "neither" ("Neither A nor B caused X") */
	if (tl == 1 && tok_is(t, k, "neither") &&
	    (k == c->ts || between(t, k - 1, k, ',') || clause_break(t, k - 1, k) || between(t, k - 1, k, '(')))
		return 1;
	scope_forward(c, k, tl, subject);
	return tl;
}

void mm_negate(const mm_negrules *r, const mm_text *t, mm_mention *mt, size_t n)
{
	if (!n) return;
	if (!r) {
		pthread_once(&builtin_once, load_builtin);
		r = builtin;
	}
	for (size_t i = 0; i < n;) {
		/* the mentions of one sentence: [i, j) */
		uint32_t s = mt[i].sent;
		size_t j = i;
		uint32_t span = 0;
		for (; j < n && mt[j].sent == s; ++j)
			if (mt[j].tok1 - mt[j].tok0 > span) span = mt[j].tok1 - mt[j].tok0;
		sent_ctx c = { r, t, mt, i, j, mt[i].tok0, mt[i].tok0, span };
		while (c.ts > 0 && t->tok_sent.a[c.ts - 1] == s) --c.ts;
		while (c.te < t->tok_s.n && t->tok_sent.a[c.te] == s) ++c.te;
		for (uint32_t k = c.ts; k < c.te;) {
			uint32_t l0 = t->tok_e.a[k] - t->tok_s.a[k];
			if (!(r->trig_first[(unsigned char)t->norm.s[t->tok_s.a[k]]] >> (l0 < 31 ? l0 : 31) & 1)) { ++k; continue; }
			k += trigger(&c, k);
		}
		nested_follow(mt, i, j);
		i = j;
	}
}
