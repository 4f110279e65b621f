import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { compareArticles } from '../../lib/compare/compare';
import { groupStories, sameStory, storyOf } from '../../lib/compare/stories';
import { comparisonToJson, comparisonToMarkdown } from '../../lib/export/comparison';
import { toRecord, type ArticleRecord } from '../../lib/history/record';
import { readFixture, SEEDS } from '../support/fixtures';

// The English engine, as the product builds it for an English article: English demand rules only.
const engine = builtinEngines().forLanguage('en')!;
const record = (html: string, id: string): ArticleRecord => {
  const result = analyzeDocument(parseHtml(html), engine, `https://example.org/${id}`);
  if (!result.ok) throw new Error(result.message);
  return toRecord(result.analysis, id, new Date('2024-06-15T08:00:00Z'));
};
const [seed1, seed2] = SEEDS.map((s) => record(s.html, s.name));
const unrelated = record(readFixture('pages/unrelated.html'), 'unrelated');
const c = compareArticles([seed1, seed2]);

describe('compareArticles on the seed pages', () => {
  it.each([
    ['Kyiv (capital of Ukraine)', 'Kiev', 'Kyiv'],
    ['Volodymyr Zelenskyy (president of Ukraine)', 'Zelensky', 'Zelenskyy'],
  ])('%s: %s vs %s, a difference', (concept, one, two) => {
    expect(c.spellings.find((s) => s.concept === concept)).toMatchObject({ byArticle: { 'seed-1': one, 'seed-2': two }, differs: true });
  });

  it('agrees where both outlets spell alike', () => {
    expect(c.spellings.find((s) => s.termId === 'putin')).toMatchObject({
      byArticle: { 'seed-1': 'Putin', 'seed-2': 'Putin' },
      differs: false,
    });
  });

  it.each([
    ['formerly Ukrainian regions', { 'seed-1': 'author' }],
    ['sham referendums', { 'seed-2': 'author' }],
    ['Entity Putin', { 'seed-1': 'quoted' }],
  ])('%s only where used, with its voice', (surface, byArticle) => {
    expect(c.loaded.find((l) => l.surface === surface)).toMatchObject({ byArticle, differs: true });
  });

  it.each([
    ['ukraine', 'war-crimes-tribunal', ['seed-1'], ['seed-2']],
    ['ukraine', 'reparations', ['seed-1'], ['seed-2']],
    ['russia', 'demilitarization', ['seed-2'], ['seed-1']],
    ['russia', 'russian-speakers-rights', ['seed-2'], ['seed-1']],
    ['ukraine', 'join-nato', ['seed-2'], ['seed-1']],
  ])('%s:%s reported by %j, omitted by %j', (party, topic, articles, omittedBy) => {
    const d = c.demands.find((x) => x.party === party && x.topic === topic);
    expect(d).toMatchObject({ articles, omittedBy, differs: true });
    for (const id of articles) expect(d!.sentences[id]?.length).toBeGreaterThan(0);
  });

  it('says an article omits a demand only where it names nothing of the topic; where it names the topic, "not found"', () => {
    // A third outlet names Russia's NATO condition only in wording with no demand cue the engine reads.
    const paraphrase = record(
      '<html lang="en"><body><article><h1>Talks</h1>' +
        '<p>The Kremlin has long described Ukraine’s neutrality as a question of principle, a diplomat in Moscow said on Friday, and officials in Kyiv see little room in it.</p>' +
        '<p>Talks are not expected before the summer, analysts said, and the front line has barely moved in weeks across the east of the country.</p>' +
        '<p>Ukraine’s allies have pledged more air defence, and the question of war crimes trials remains open in The Hague.</p></article></body></html>',
      'paraphrase',
    );
    expect(paraphrase.topics).toContain('neutrality-no-nato');
    const three = compareArticles([seed1, seed2, paraphrase]);
    const nato = three.demands.find((d) => d.party === 'russia' && d.topic === 'neutrality-no-nato')!;
    expect(nato.omittedBy).toEqual([]);
    expect(nato.unsure).toEqual(['paraphrase']);
    const sanctions = three.demands.find((d) => d.party === 'russia' && d.topic === 'lift-sanctions')!;
    expect(sanctions.omittedBy).toEqual(['paraphrase']);
    expect(comparisonToMarkdown(three)).toMatch(/`neutrality-no-nato` \| \*\*reported\*\* \| \*\*reported\*\* \| \*\*not found\*\* \|/);
    // A record kept before topics were: nothing it lacks counts as omitted.
    const old = compareArticles([{ ...seed1, topics: undefined }, seed2]);
    expect(old.demands.find((d) => d.topic === 'demilitarization')).toMatchObject({ omittedBy: [], unsure: ['seed-1'] });
  });

  it("all of Russia's shared conditions are agreement", () => {
    const shared = c.demands.filter((d) => d.party === 'russia' && !d.differs).map((d) => d.topic);
    expect(shared.sort()).toEqual([
      'lift-sanctions',
      'neutrality-no-nato',
      'non-nuclear-status',
      'recognize-annexation',
      'withdraw-from-annexed-regions',
    ]);
  });

  it('JSON follows framing-lens/comparison@1', () => {
    const json = JSON.parse(comparisonToJson(c));
    expect(json.schema).toBe('framing-lens/comparison@1');
    expect(json.articles.map((a: { id: string }) => a.id)).toEqual(['seed-1', 'seed-2']);
    for (const row of json.spellings)
      expect(row).toEqual(expect.objectContaining({ concept: expect.any(String), byArticle: expect.any(Object) }));
    for (const row of json.loaded)
      expect(row).toEqual(
        expect.objectContaining({ concept: expect.any(String), surface: expect.any(String), byArticle: expect.any(Object) }),
      );
    for (const row of json.demands)
      expect(row).toEqual(expect.objectContaining({ party: expect.any(String), topic: expect.any(String), articles: expect.any(Array) }));
  });

  it('Markdown is a table per section, one column per outlet, differences in bold', () => {
    const md = comparisonToMarkdown(c);
    expect(md).toContain('| Concept | Antiwar.com | The Daily Ledger |');
    expect(md).toMatch(/\| Kyiv \(capital of Ukraine\) \| \*\*Kiev\*\* \| \*\*Kyiv\*\* \|/);
    expect(md).toMatch(/\| Vladimir Putin \(president of Russia\) \| Putin \| Putin \|/);
    expect(md).toMatch(/`reparations` \| \*\*reported\*\* \| \*\*omits\*\* \|/);
  });
});

describe('stories', () => {
  it('groups the two seed articles as one story, and the unrelated article apart', () => {
    expect(sameStory(seed1, seed2)).toBe(true);
    expect(sameStory(seed1, unrelated)).toBe(false);
    expect(groupStories([seed1, unrelated, seed2])).toEqual([['seed-1', 'seed-2'], ['unrelated']]);
    expect(storyOf('unrelated', [seed1, seed2, unrelated])).toEqual(['unrelated']);
  });

  it('keeps the same subject a year apart as two stories', () => {
    const later = { ...seed2, id: 'later', publishedTime: '2025-06-14T19:45:00Z' };
    expect(sameStory(seed1, later)).toBe(false);
    expect(sameStory(seed1, { ...later, publishedTime: '2024-06-16T10:00:00Z' })).toBe(true);
  });
});

describe('toRecord', () => {
  it('keeps framing and sentences, not the page text', () => {
    const json = JSON.stringify(seed1);
    expect(json).not.toContain('Kyle Anzalone is the opinion editor');
    expect(seed1.loaded.find((l) => l.surface === 'formerly Ukrainian regions')?.sentence).toMatch(
      /^As well as recognizing .* on Moscow\.$/,
    );
    expect(seed1.spellings.find((s) => s.termId === 'kyiv')?.variants).toEqual({ Kiev: 4 });
  });
});
