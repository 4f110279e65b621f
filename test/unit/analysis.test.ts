import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeDocument, builtinEngines, type Analysis } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { exportAnalysis, toJson, toMarkdown, toText } from '../../lib/export/export';
import type { Match } from '../../lib/match/matcher';
import { summarize } from '../../lib/summary/summarize';
import { readFixture, SEEDS } from '../support/fixtures';
import { score } from '../support/score';

// The English engine, as the product builds it for an English article: English demand rules only.
const engine = builtinEngines().forLanguage('en')!;
const analyse = (html: string): Analysis => {
  const result = analyzeDocument(parseHtml(html), engine, 'https://news.example/story');
  if (!result.ok) throw new Error(result.message);
  return result.analysis;
};

describe('scoring on the seed pages (the same figures as the outside judge)', () => {
  it.each(SEEDS)(
    '$name: terms R = 1, extras ≤ 2, no leaks, exact offsets, voice and spellings all, demands F1 ≥ 0.9',
    ({ name, html, gold }) => {
      const s = score(gold, analyse(html));
      console.log(
        `${name}: terms R=${s.recall.toFixed(2)} extra=${s.extras.length} leaked=${s.leaked.length} badOffsets=${s.badOffsets} ` +
          `voice=${s.voice.ok}/${s.voice.of} spellings=${s.spellings.ok}/${s.spellings.of} demands F1=${s.demands.f1.toFixed(2)}`,
      );
      expect(s.missing).toEqual([]);
      expect(s.recall).toBe(1);
      expect(s.extras.length, s.extras.join(', ')).toBeLessThanOrEqual(2);
      expect(s.leaked).toEqual([]);
      expect(s.badOffsets).toBe(0);
      expect(s.voice.wrong).toEqual([]);
      expect(s.spellings.wrong).toEqual([]);
      expect(s.demands.f1, `missed ${s.demands.missed} extra ${s.demands.extra}`).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('summary', () => {
  it.each([
    { seed: 0, concept: /Kyiv/, used: 'Kiev', alternative: 'Kyiv' },
    { seed: 1, concept: /Kyiv/, used: 'Kyiv', alternative: 'Kiev' },
    { seed: 0, concept: /Zelensk/, used: 'Zelensky', alternative: 'Zelenskyy' },
    { seed: 1, concept: /Zelensk/, used: 'Zelenskyy', alternative: 'Zelensky' },
  ])('seed $seed chose $used over $alternative', ({ seed, concept, used, alternative }) => {
    const spelling = analyse(SEEDS[seed].html).summary.spellings.find((s) => concept.test(s.concept));
    expect(spelling?.used[0].variant).toBe(used);
    expect(spelling?.alternatives.map((a) => a.variant)).toContain(alternative);
  });

  it('splits loaded phrases by voice and demands by party', () => {
    const a = analyse(SEEDS[0].html);
    expect(a.summary.loaded.author.map((u) => u.surfaces[0])).toContain('formerly Ukrainian regions');
    expect(a.summary.loaded.quoted.map((u) => u.surfaces[0])).toEqual(expect.arrayContaining(['Entity Putin', 'aggressor']));
    for (const u of [...a.summary.loaded.author, ...a.summary.loaded.quoted])
      for (const i of u.matches) expect(a.matches[i]).toMatchObject({ termId: u.termId, voice: u.voice });
    const byParty = Object.fromEntries(a.summary.demands.map((p) => [p.party, p.topics]));
    expect(byParty.ukraine).toEqual(expect.arrayContaining(['russian-withdrawal', 'war-crimes-tribunal', 'reparations']));
    expect(byParty.russia).toEqual(expect.arrayContaining(['withdraw-from-annexed-regions', 'lift-sanctions']));
    const loadedCount = [...a.summary.loaded.author, ...a.summary.loaded.quoted].reduce((n, u) => n + u.count, 0);
    expect(a.summary.counts.loaded).toBe(loadedCount);
  });

  // A loaded use links to the page by indexes into all matches, title ones included.
  const loadedMatch = (field: Match['field'], start: number): Match => ({
    field,
    start,
    end: start + 4,
    surface: 'sham',
    termId: 'sham',
    concept: 'sham',
    variant: 'sham',
    category: 'loaded',
    voice: 'author',
    note: '',
    variantNote: '',
  });
  const title = loadedMatch('title', 0);
  const body = loadedMatch('body', 10);
  it.each([
    { why: 'after a title match', matches: [title, body, loadedMatch('body', 20)], indexes: [1, 2] },
    { why: 'one match object listed twice', matches: [title, body, body], indexes: [1, 2] },
  ])('loaded uses link to their own matches: $why', ({ matches, indexes }) => {
    expect(summarize(matches, [], { entries: [], parties: [] }).loaded.author[0].matches).toEqual(indexes);
  });

  it('an article with no lexicon terms has an empty, well-formed summary', () => {
    const article = {
      title: 'Weather',
      byline: null,
      siteName: null,
      lang: 'en',
      publishedTime: null,
      excerpt: null,
      text: 'Rain is expected on Tuesday.',
      paragraphs: [{ start: 0, end: 28, tag: 'p' }],
    };
    const a = analyzeArticle(article, engine);
    expect(a.summary).toEqual({
      counts: { name: 0, region: 0, loaded: 0, demands: 0 },
      spellings: [],
      loaded: { author: [], quoted: [] },
      demands: [],
    });
    expect(toMarkdown(a)).toContain('_No demands stated._');
  });

  it('a page with no article gives a result, not an exception', () => {
    expect(analyzeDocument(parseHtml(readFixture('pages/no-article.html')), engine)).toMatchObject({ ok: false, reason: 'no-article' });
  });
});

describe('export', () => {
  const a = analyse(SEEDS[0].html);

  it('Markdown holds the metadata, the spellings, every highlight and every demand', () => {
    const md = toMarkdown(a);
    expect(md).toMatch(/^# Framing: Putin Makes Public Peace Offer to Ukraine\n/);
    expect(md).toContain('- **Outlet:** Antiwar.com');
    expect(md).toContain('- **URL:** https://news.example/story');
    expect(md).toMatch(/\*\*Kyiv[^*]*:\*\* Kiev ×4/);
    for (const m of a.matches.filter((m) => m.field === 'body')) expect(md).toContain(`- **${m.surface}** — ${m.concept}`);
    for (const d of a.demands) expect(md).toContain(d.text.replace(/([\\`*_[\]<>|])/g, '\\$1'));
    expect(md).toContain('### Ukraine');
  });

  it('plain text says the same without markup', () => {
    const text = toText(a);
    expect(text).not.toMatch(/\*\*|^#/m);
    for (const d of a.demands) expect(text).toContain(d.text);
    expect(text).toContain('Kiev ×4');
  });

  it('JSON is the analysis, schema framing-lens/analysis@1', () => {
    const parsed = JSON.parse(toJson(a));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(a)));
    expect(parsed.schema).toBe('framing-lens/analysis@1');
    expect(exportAnalysis(a, 'json')).toBe(toJson(a));
  });

  it('Markdown escapes what would become markup', () => {
    const article = { ...a.article, title: 'A *bold* <script>x</script> | title' };
    expect(toMarkdown({ ...a, article })).toContain('# Framing: A \\*bold\\* \\<script\\>x\\</script\\> \\| title');
  });
});
