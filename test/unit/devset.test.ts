/**
 * The development set: real pages from many outlets and languages, scored against gold written by
 * hand (test/fixtures/dev/README.md). Two thirds are for developing on; the held-back third is scored
 * here but its failures are never printed, so that its figure says how the engine does on coverage
 * nobody tuned for. Both splits must meet the same acceptance.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { DEV, type DevPage } from '../support/fixtures';
import { score, type Score } from '../support/score';

const engines = builtinEngines();

interface Scored {
  page: DevPage;
  s: Score;
  /** Body annotations, for the non-war controls. */
  annotations: number;
  goldDemands: number;
}
const scored: Scored[] = [];

const SPLITS = ['dev', 'heldout'] as const;

/** The figures the acceptance is stated in, over a set of pages. */
function figures(pages: readonly Scored[]) {
  const sum = (f: (p: Scored) => number) => pages.reduce((n, p) => n + f(p), 0);
  const tp = sum((p) => p.s.demands.tp);
  const fp = sum((p) => p.s.demands.extra.length);
  const fn = sum((p) => p.s.demands.missed.length);
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    pages: pages.length,
    goldDemands: sum((p) => p.goldDemands),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    loadedRecall: ratio(
      sum((p) => p.s.loaded.found),
      sum((p) => p.s.loaded.need),
    ),
    voiceRight: ratio(
      sum((p) => p.s.voice.ok),
      sum((p) => p.s.voice.found),
    ),
    namesRecall: ratio(
      sum((p) => p.s.names.found),
      sum((p) => p.s.names.need),
    ),
    maxExtras: Math.max(0, ...pages.map((p) => p.s.extras.length)),
    spellingsRight: ratio(
      sum((p) => p.s.spellings.ok),
      sum((p) => p.s.spellings.of),
    ),
  };
}
type Figures = ReturnType<typeof figures>;

const line = (label: string, f: Figures) =>
  `${label.padEnd(16)} pages=${String(f.pages).padStart(2)} gold demands=${String(f.goldDemands).padStart(3)} ` +
  `demands P=${f.precision.toFixed(2)} R=${f.recall.toFixed(2)} loaded R=${f.loadedRecall.toFixed(2)} ` +
  `voice=${f.voiceRight.toFixed(2)} names/places R=${f.namesRecall.toFixed(3)} spellings=${f.spellingsRight.toFixed(2)} max extras=${f.maxExtras}`;

describe.each(DEV)('$slug ($language, $split)', (page) => {
  it('is analysed with the packs of its language, with exact offsets, nothing from the page chrome', () => {
    const result = analyzeDocument(parseHtml(page.html), engines, `https://dev.example/${page.slug}`);
    if (!result.ok) throw new Error(result.message);
    const s = score(page.gold, result.analysis);
    const annotations = result.analysis.matches.filter((m) => m.field === 'body').length;
    const goldDemands = new Set((page.gold.demands ?? []).map((d) => `${d.party}:${d.topic}`)).size;
    scored.push({ page, s, annotations, goldDemands });
    // The held-back third is scored in the whole-set figures only: what it misses is not for reading.
    if (page.split === 'dev')
      console.log(
        `${page.slug}: terms R=${s.recall.toFixed(2)} extra=${s.extras.length} voice=${s.voice.ok}/${s.voice.of} ` +
          `spellings=${s.spellings.ok}/${s.spellings.of} demands tp=${s.demands.tp} fp=${s.demands.extra.length} ` +
          `fn=${s.demands.missed.length} annotations=${annotations}` +
          (s.missing.length ? `\n  missing: ${s.missing.join('; ')}` : '') +
          (s.extras.length ? `\n  extras: ${s.extras.join('; ')}` : '') +
          (s.demands.missed.length + s.demands.extra.length
            ? `\n  demands missed: ${s.demands.missed.join(' ')} extra: ${s.demands.extra.join(' ')}`
            : '') +
          (s.voice.wrong.length ? `\n  voice wrong: ${s.voice.wrong.join('; ')}` : ''),
      );
    expect(s.leaked.length).toBe(0);
    expect(s.badOffsets).toBe(0);
    // On the held-back third the spellings count in the whole-set figures, where no page's failure is named.
    if (page.split === 'dev') expect(s.spellings.wrong, page.slug).toEqual([]);
    expect(result.analysis.lexicon.map((p) => p.id)).toContain('russia-ukraine');
  });
});

afterAll(() => {
  // Whole-set figures, printed even when a page failed, so a regression shows what it cost.
  const war = scored.filter((p) => p.page.about_war);
  const lines = SPLITS.map((split) => line(split, figures(war.filter((p) => p.page.split === split))));
  const groups = [...new Set(war.filter((p) => p.page.split === 'dev').map((p) => p.page.outlet_group))].sort();
  for (const g of groups) lines.push(line(`  dev: ${g}`, figures(war.filter((p) => p.page.split === 'dev' && p.page.outlet_group === g))));
  const controls = scored.filter((p) => !p.page.about_war);
  lines.push(
    `controls         pages=${controls.length} mean annotations=${(controls.reduce((n, p) => n + p.annotations, 0) / Math.max(1, controls.length)).toFixed(2)}`,
  );
  console.log(`dev set, war pages:\n${lines.join('\n')}`);
});

/**
 * What each split must reach: floors a little under what the engine reaches now (README, "Development
 * set"), so that a change which costs accuracy fails here, on the held-back third too, where the
 * engine was never tuned. Issue 14's targets (precision 0.90, recall 0.75, loaded 0.85, voice 0.90,
 * names 0.95, extras 3) are met on the development two thirds, not yet on the held-back third: the
 * floors rise with the figures.
 */
const FLOORS = {
  dev: { precision: 0.93, recall: 0.73, loadedRecall: 0.94, voiceRight: 0.92, namesRecall: 0.95, maxExtras: 3 },
  heldout: { precision: 0.66, recall: 0.38, loadedRecall: 0.7, voiceRight: 0.85, namesRecall: 0.95, maxExtras: 3 },
} as const;

describe('the dev set as a whole', () => {
  it.each(SPLITS)('on its %s war pages, reaches its floors', (split) => {
    expect(scored).toHaveLength(DEV.length);
    const f = figures(scored.filter((p) => p.page.about_war && p.page.split === split));
    // The held-back third is big enough to tell.
    if (split === 'heldout') {
      expect(f.pages).toBeGreaterThanOrEqual(12);
      expect(f.goldDemands).toBeGreaterThanOrEqual(60);
    }
    const floor = FLOORS[split];
    expect(f.precision, 'demands precision').toBeGreaterThanOrEqual(floor.precision);
    expect(f.recall, 'demands recall').toBeGreaterThanOrEqual(floor.recall);
    expect(f.loadedRecall, 'loaded phrases recall').toBeGreaterThanOrEqual(floor.loadedRecall);
    expect(f.voiceRight, 'voice right').toBeGreaterThanOrEqual(floor.voiceRight);
    expect(f.namesRecall, 'names and places recall').toBeGreaterThanOrEqual(floor.namesRecall);
    expect(f.maxExtras, 'extras on a page').toBeLessThanOrEqual(floor.maxExtras);
  });

  it('holds at least 36 war pages from 18 outlets and 180 gold demands, a third of them held back', () => {
    const war = DEV.filter((p) => p.about_war);
    expect(war.length).toBeGreaterThanOrEqual(36);
    expect(new Set(war.map((p) => p.outlet.split(' (')[0])).size).toBeGreaterThanOrEqual(18);
    expect(scored.filter((p) => p.page.about_war).reduce((n, p) => n + p.goldDemands, 0)).toBeGreaterThanOrEqual(180);
    const held = war.filter((p) => p.split === 'heldout').length / war.length;
    expect(held).toBeGreaterThanOrEqual(0.3);
    expect(held).toBeLessThanOrEqual(0.4);
  });

  it('annotates on the non-war pages nothing their gold does not allow, and at most one annotation a page on average', () => {
    const controls = scored.filter((x) => !x.page.about_war);
    for (const p of controls) expect(p.s.extras, p.page.slug).toEqual([]);
    const mean = controls.reduce((n, p) => n + p.annotations, 0) / controls.length;
    expect(mean, controls.map((p) => `${p.page.slug}: ${p.annotations}`).join('\n')).toBeLessThanOrEqual(1);
  });
});
