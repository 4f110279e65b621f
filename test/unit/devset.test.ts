/**
 * The development set: real pages from many outlets and languages, scored against gold written by
 * hand. Each page prints its figures; the set as a whole must meet the lexicon's acceptance.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { DEV } from '../support/fixtures';
import { score, type Score } from '../support/score';

const engines = builtinEngines();
const scored: { slug: string; aboutWar: boolean; s: Score; annotations: number; tp: number; fp: number; fn: number }[] = [];

describe.each(DEV)('$slug ($language)', ({ slug, html, gold, about_war: aboutWar }) => {
  it('is analysed with the packs of its language, with exact offsets, nothing from the page chrome', () => {
    const result = analyzeDocument(parseHtml(html), engines, `https://dev.example/${slug}`);
    if (!result.ok) throw new Error(result.message);
    const s = score(gold, result.analysis);
    const annotations = result.analysis.matches.filter((m) => m.field === 'body').length;
    const fp = s.demands.extra.length;
    const fn = s.demands.missed.length;
    const tp = new Set((gold.demands ?? []).map((d) => `${d.party}:${d.topic}`)).size - fn;
    scored.push({ slug, aboutWar, s, annotations, tp, fp, fn });
    console.log(
      `${slug}: terms R=${s.recall.toFixed(2)} extra=${s.extras.length} voice=${s.voice.ok}/${s.voice.of} ` +
        `spellings=${s.spellings.ok}/${s.spellings.of} demands tp=${tp} fp=${fp} fn=${fn} annotations=${annotations}` +
        (s.missing.length ? `\n  missing: ${s.missing.join('; ')}` : '') +
        (s.extras.length ? `\n  extras: ${s.extras.join('; ')}` : '') +
        (fp + fn ? `\n  demands missed: ${s.demands.missed.join(' ')} extra: ${s.demands.extra.join(' ')}` : ''),
    );
    expect(s.leaked).toEqual([]);
    expect(s.badOffsets).toBe(0);
    expect(result.analysis.lexicon.map((p) => p.id)).toContain('russia-ukraine');
  });
});

afterAll(() => {
  // Whole-set figures, printed even when a page failed, so a regression shows what it cost.
  const war = scored.filter((p) => p.aboutWar);
  const controls = scored.filter((p) => !p.aboutWar);
  const sum = (k: 'tp' | 'fp' | 'fn') => scored.reduce((n, p) => n + p[k], 0);
  const precision = sum('tp') / Math.max(1, sum('tp') + sum('fp'));
  const recall = sum('tp') / Math.max(1, sum('tp') + sum('fn'));
  console.log(
    `dev set (${scored.length} pages): mean terms R=${(scored.reduce((n, p) => n + p.s.recall, 0) / scored.length).toFixed(3)} ` +
      `max extras=${Math.max(...scored.map((p) => p.s.extras.length))} demands F1=${((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(2)} ` +
      `war pages=${war.length}, control pages' mean annotations=${(controls.reduce((n, p) => n + p.annotations, 0) / Math.max(1, controls.length)).toFixed(2)}`,
  );
});

describe('the dev set as a whole', () => {
  it('mean terms recall ≥ 0.95, extras ≤ 3 a page, voice and spellings all right, demands F1 ≥ 0.85', () => {
    expect(scored).toHaveLength(DEV.length);
    const meanRecall = scored.reduce((n, p) => n + p.s.recall, 0) / scored.length;
    expect(meanRecall, scored.map((p) => `${p.slug} ${p.s.missing.join(', ')}`).join('\n')).toBeGreaterThanOrEqual(0.95);
    for (const p of scored) {
      expect(p.s.extras.length, `${p.slug}: ${p.s.extras.join(', ')}`).toBeLessThanOrEqual(3);
      expect(p.s.voice.wrong, p.slug).toEqual([]);
      expect(p.s.spellings.wrong, p.slug).toEqual([]);
    }
    const sum = (k: 'tp' | 'fp' | 'fn') => scored.reduce((n, p) => n + p[k], 0);
    const f1 = (2 * sum('tp')) / Math.max(1, 2 * sum('tp') + sum('fp') + sum('fn'));
    expect(f1).toBeGreaterThanOrEqual(0.85);
  });

  it('annotates on the non-war pages nothing their gold does not allow, and at most one annotation a page on average', () => {
    const controls = scored.filter((x) => !x.aboutWar);
    for (const p of controls) expect(p.s.extras, p.slug).toEqual([]);
    const mean = controls.reduce((n, p) => n + p.annotations, 0) / controls.length;
    expect(mean, controls.map((p) => `${p.slug}: ${p.annotations}`).join('\n')).toBeLessThanOrEqual(1);
  });
});
