/**
 * The opt-in "loaded language (general)" pack (issue 7): it validates, it finds loaded language in
 * news-style sentences and stays silent on the neutral senses of the same words, and on the dev set
 * every annotation it makes has been read in context. A new annotation on a dev page fails the test
 * until someone reviews it and adds it to REVIEWED (or fixes the pack).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument, compileEngine } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { mergePacks } from '../../lib/lexicon/merge';
import pack from '../../lib/lexicon/packs/loaded-language.json';
import russiaUkraine from '../../lib/lexicon/packs/russia-ukraine.json';
import type { Pack } from '../../lib/lexicon/types';
import { formatLexiconError, validatePack } from '../../lib/lexicon/validate';
import { foldPhrase } from '../../lib/match/fold';
import { DEV, SEEDS } from '../support/fixtures';

const loaded = pack as unknown as Pack;
const core = russiaUkraine as unknown as Pack;
// This pack only, whatever the page's language: the strictest test of its forms.
const engine = compileEngine(mergePacks([loaded]));
const annotate = (text: string) => engine.matcher.match(text).map((m) => ({ surface: m.surface, voice: m.voice }));

describe('the loaded-language pack', () => {
  it('passes the validator', () => {
    const result = validatePack(pack);
    expect(result.ok ? [] : result.errors.map(formatLexiconError)).toEqual([]);
  });

  it('is English, of loaded phrases only, with a presumption and a neutral wording for each', () => {
    expect(loaded.id).toBe('loaded-language');
    expect(loaded.languages).toEqual(['en']);
    expect(loaded.parties).toEqual([]);
    for (const e of loaded.entries) {
      expect(e.category, e.id).toBe('loaded');
      expect(e.presumes && e.neutral, e.id).toBeTruthy();
      for (const v of e.variants) expect(v.lang, `${e.id}: ${v.form}`).toBe('en');
    }
  });

  it('explains every entry and variant with a distinct note, as the built-in packs do', () => {
    for (const e of loaded.entries) {
      expect(e.note.length, e.id).toBeGreaterThan(20);
      for (const v of e.variants) expect(v.note.trim().length, `${e.id}: ${v.form}`).toBeGreaterThan(10);
      expect(new Set(e.variants.map((v) => v.note)).size, `${e.id}: variant notes differ`).toBe(e.variants.length);
    }
    const notes = [...core.entries, ...loaded.entries].map((e) => e.note);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('claims no form that the Russia–Ukraine pack already has', () => {
    const key = (e: Pack['entries'][number], v: Pack['entries'][number]['variants'][number], f: string) =>
      `${v.lang ?? e.lang ?? ''}:${foldPhrase(f)}`;
    const forms = new Set(core.entries.flatMap((e) => e.variants.flatMap((v) => [v.form, ...(v.also ?? [])].map((f) => key(e, v, f)))));
    const shared = loaded.entries.flatMap((e) =>
      e.variants.flatMap((v) => [v.form, ...(v.also ?? [])].filter((f) => forms.has(key(e, v, f)))),
    );
    expect(shared).toEqual([]);
    const ids = new Set(core.entries.map((e) => e.id));
    expect(loaded.entries.map((e) => e.id).filter((id) => ids.has(id))).toEqual([]);
  });
});

describe('news-style sentences', () => {
  it.each([
    ['The minister admitted that the figures published in March had been wrong.', 'admitted', 'author'],
    ['“We made mistakes,” the spokesman admitted on Tuesday.', 'admitted', 'author'],
    ['Moscow claimed its forces had taken the village, which Kyiv denied.', 'claimed', 'author'],
    ['Putin insisted the talks had collapsed because of Western interference.', 'insisted', 'author'],
    ['Zelensky slams allies over delays in arms deliveries', 'slams', 'author'],
    ['The opposition leader lashed out at the government’s handling of the floods.', 'lashed out at', 'author'],
    ['The Kremlin refused to comment on the reports.', 'refused to comment', 'author'],
    ['State television parroted the official line for weeks.', 'parroted', 'author'],
    ['Protesters were beaten by pro-government thugs outside the parliament.', 'thugs', 'author'],
    ['The regime in Tehran has cracked down on dissent since the protests began.', 'regime', 'author'],
    ['Critics called the channel a Kremlin mouthpiece.', 'mouthpiece', 'author'],
    ['“They are vermin,” the commander told his troops, according to the recording.', 'vermin', 'quoted'],
    ['The home secretary warned of swarms of migrants crossing the Channel.', 'swarms of migrants', 'author'],
    ['Officials described the deaths of 12 civilians as collateral damage.', 'collateral damage', 'author'],
    ['The ministry said 40 fighters had been neutralised overnight.', 'neutralised', 'author'],
    ['The detainees were subjected to enhanced interrogation techniques for weeks.', 'enhanced interrogation techniques', 'author'],
    ['He boasted that the army would reach the capital within three days.', 'boasted', 'author'],
    ['Hardliners in parliament rejected the deal on Friday.', 'Hardliners', 'author'],
    ['The speech was a 40-minute tirade against the West.', 'tirade', 'author'],
    ['The ambassador condemned what he called a “barbaric” strike on the hospital.', 'barbaric', 'quoted'],
  ])('%s → %s (%s)', (sentence, surface, voice) => {
    expect(annotate(sentence)).toEqual([{ surface, voice }]);
  });

  it.each([
    'The team claimed the title with a 2-0 win in Manchester.',
    'He was admitted to hospital with chest injuries.',
    'Finland was admitted to Nato in April 2023.',
    'The regime of the river changes with the seasons.',
    'The court heard claims that the company had hidden its losses.',
    'The militant group claimed responsibility for the bombing.',
    'The earthquake claimed the lives of at least 12 people.',
    'She slammed the door and left the building.',
    'The car slammed into a wall on the motorway.',
    'The EU plans to tighten its sanctions regime against Russia.',
    'A new tax regime will apply from January, and other tax regimes will follow.',
    'The opposition has called for regime change.',
    'A drone swarm struck the port overnight.',
    'Ukraine insisted on security guarantees before any ceasefire.',
    'Officials declined to comment.',
    'Russia launched an attack on the city, killing four people.',
    'Neutralising antibodies were found in most patients.',
    'Helsinki has a huge shelter boasting a sports court and a food court.',
    'The museum boasted a collection of 5,000 paintings.',
    'He alleged that the vote had been rigged.',
    'The company eliminated 200 jobs and liquidated two subsidiaries.',
    'The hotel was infested with bedbugs.',
    'A radical overhaul of the pension system was announced.',
  ])('nothing in: %s', (sentence) => {
    expect(annotate(sentence)).toEqual([]);
  });
});

/**
 * Every annotation this pack makes on the dev set, read in context and judged. A surface is a true
 * positive when the word is used in the loaded sense its entry describes (the note applies).
 *   fundus-de-ZDF_2024_04_22: "das iranische Mullah-Regime" (sanctions on Iran): German 'Regime' in the same
 *   evaluative political sense, with the pejorative 'Mullah-'. True, but only because this test runs the pack
 *   on every page: the pack lists only English, so pages are not given it by language.
 *   fundus-de-TOnline_2026_01_07: "Das sozialistische Land ist stark vom Regime in Caracas abhängig" (Cuba and
 *   Venezuelan oil), in the author's voice: German 'Regime' for Venezuela's government, the same evaluative sense.
 *   True, and likewise reached only because this test ignores the page's language.
 * No other page, English or not, gets an annotation.
 */
const REVIEWED: Record<string, { true: string[]; false: string[] }> = {
  'fundus-uk-TheGuardian_2023_05_15': { true: [], false: [] },
  'fundus-uk-BBC_2026_04_25': { true: [], false: [] },
  'fundus-uk-Metro_2024_11_29': { true: [], false: [] },
  'fundus-uk-Nature_2026_02_07': { true: [], false: [] },
  'fundus-de-DW_2023_04_28': { true: [], false: [] },
  'fundus-de-DW_2024_01_30': { true: [], false: [] },
  'fundus-de-StuttgarterZeitung_2025_10_23': { true: [], false: [] },
  'fundus-de-TOnline_2026_01_07': { true: ['Regime'], false: [] },
  'fundus-fr-LeFigaro_2024_11_22': { true: [], false: [] },
  'fundus-ru-Kommersant_2025_05_14': { true: [], false: [] },
  'fundus-ua-Pravda_2026_01_08': { true: [], false: [] },
  'fundus-ua-Pravda_2025_10_24': { true: [], false: [] },
  'fundus-de-ZDF_2024_04_22': { true: ['Regime'], false: [] },
  'readability-nytimes-2': { true: [], false: [] },
  // The development two thirds of the dev set added for issue 14 (the held-back third is never reviewed here).
  'fundus-ca-GlobalNews_2026_05_24': { true: [], false: [] },
  'fundus-uk-EveningStandard_2024_10_24': { true: [], false: [] },
  // "like the MSM insists a hundred times a day", "Kiev regime leader": both in the evaluative sense.
  'fundus-us-TheGatewayPundit_2026_07_19': { true: ['insists', 'regime'], false: [] },
  'geminicrawler-PoliticoEurope_2024_05_13': { true: ['insisted'], false: [] },
  'geminicrawler-Politico_2024_04_01': { true: [], false: [] },
  'mercury-Tagesschau_2025_03_02': { true: [], false: [] },
  // A related-story headline: "TRUMP INSISTS UKRAINE-RUSSIA PEACE DEAL IS CLOSE".
  'newsdumpster-FoxNews_2025_05_21': { true: ['INSISTS'], false: [] },
  'newsdumpster-TASS_2025_05_21': { true: [], false: [] },
  'newsdumpster-TASS_2025_05_21-2': { true: [], false: [] },
  'newsdumpster-Tasnim_2025_05_26': { true: ['claiming that'], false: [] },
  'newsdumpster-TheIndependent_2025_05_26': { true: ['lashing out at', 'claiming that', 'boasted'], false: [] },
  // "Podolyak claimed ..."; Erdoğan as "an international pariah".
  'r2-132dow-TheGuardian_2022_03_04': { true: [], false: [] },
  'r2-132dow-TheGuardian_2022_03_31': { true: ['claimed', 'pariah'], false: [] },
  'r2-beacon-APNews_2025_03_24': { true: ['claimed'], false: [] },
  'r2-beacon-AlJazeera_2025_03_14': { true: [], false: [] },
  'r2-gtcode-TheDispatch_2025_11_25': { true: [], false: [] },
  'r2-hk-BelTA_2022_09_26': { true: [], false: [] },
  'r2-hk-KyivPost_2024_05_06': { true: [], false: [] },
  'r2-hk-Ukrinform_2023_01_26': { true: [], false: [] },
  'r2-hk-Ukrinform_2023_02_28': { true: [], false: [] },
  'r2-lakblog-CNN_2024_06_16': { true: [], false: [] },
  'r2-trends-Tagesschau_2024_06_14': { true: [], false: [] },
  'ua-ABCNews_2026_02_05': { true: [], false: [] },
  'ua-APNews_2026_01_26': { true: [], false: [] },
  // "Trump claimed repeatedly that he would broker a ceasefire"; "US negotiators optimistically claimed that 90 percent ...".
  'ua-AlJazeera_2026_02_18': { true: ['claimed', 'claimed'], false: [] },
  'ua-AlJazeera_2026_02_20': { true: ['claimed'], false: [] },
  // "Ukrainian officials recently boasted of killing 35,000 Russian troops".
  'ua-CNN_2026_02_21': { true: ['boasted of'], false: [] },
  'ua-DailySabah_2026_02_27': { true: [], false: [] },
  'ua-France24_2026_02_04': { true: [], false: [] },
  'ua-Reuters_2025_02_10-2': { true: [], false: [] },
  'ua-TheGuardian_2026_02_04': { true: ['hardline'], false: [] },
  'ua-United24Media_2026_02_27': { true: [], false: [] },
  // Round 3 of the development two thirds.
  'r3-APNews_2026_02_18': { true: [], false: [] },
  'r3-AlJazeera_2025_03_29': { true: [], false: [] },
  // Putin's claim that Russian speakers needed protection from the Kyiv "regime"; "claiming that 'modern Ukraine was
  // entirely created by Russia'"; NATO "insists that does not make it a party"; Putin "claimed it was instigated by Kyiv".
  'r3-BBC_2025_03_18': { true: ['regime', 'claiming that', 'insists', 'claimed'], false: [] },
  'r3-DailyTribune_2026_02_27': { true: [], false: [] },
  // "he insisted—simultaneously—that the plan was and was not a U.S. plan"; "favorable toward the authoritarian regime".
  'r3-TheDispatch_2025_12_03': { true: ['insisted', 'regime'], false: [] },
  'r3-TheEconomist_2023_06_06': { true: ['regime'], false: [] },
  'r3-TheEconomist_2023_06_21': { true: ['insisted'], false: [] },
  'r3-msnbc_2025_08_16': { true: [], false: [] },
  'r4-deutschlandfunk_2024_06_16': { true: [], false: [] },
  'r4-deutschlandfunk_2025_02_18': { true: [], false: [] },
  'r4-tagesschau_2025_03_14': { true: ['Regime'], false: [] },
  'r4-tagesschau_2025_05_31': { true: ['Regime'], false: [] },
  'r5-KyivPost_2022_02_19': { true: [], false: [] },
};

const tally = { annotations: 0, reviewedTrue: 0 };

// The held-back third is scored only by the dev-set test: what this pack does there is not for reading.
const PAGES = DEV.filter((p) => p.split === 'dev');

describe('the dev set, this pack only', () => {
  it('has a review for every page', () => {
    expect(Object.keys(REVIEWED).sort()).toEqual(PAGES.map((p) => p.slug).sort());
  });

  it.each(PAGES.map((p) => [p.slug, p] as const))(
    '%s: every annotation has been reviewed',
    (slug, { html, language, about_war: aboutWar }) => {
      const result = analyzeDocument(parseHtml(html), engine, `https://dev.example/${slug}`);
      if (!result.ok) throw new Error(result.message);
      const surfaces = result.analysis.matches.map((m) => m.surface);
      const review = REVIEWED[slug];
      tally.annotations += surfaces.length;
      tally.reviewedTrue += surfaces.filter((s) => review.true.includes(s)).length;
      console.log(`${slug}\t${language}\t${aboutWar ? 'war' : 'control'}\t${surfaces.length}\t${surfaces.join(', ') || '-'}`);
      expect([...surfaces].sort()).toEqual([...review.true, ...review.false].sort());
      // A neutral control page may carry at most one annotation, and English pages no false positive.
      if (!aboutWar) expect(surfaces.length).toBeLessThanOrEqual(1);
      if (language === 'en') expect(review.false).toEqual([]);
    },
  );
});

describe('the seed pages, this pack only', () => {
  // seed-2 twice presents the Kremlin's statements as doubtful in the author's voice ("the Kremlin has
  // claimed a willingness for peace talks"; "In a contentious assertion, Putin claimed that ..."): both true.
  it.each([
    ['seed-1', []],
    ['seed-2', ['claimed', 'claimed']],
  ])('%s: every annotation has been reviewed', (name, reviewed) => {
    const result = analyzeDocument(parseHtml(SEEDS.find((s) => s.name === name)!.html), engine);
    if (!result.ok) throw new Error(result.message);
    expect(result.analysis.matches.map((m) => m.surface)).toEqual(reviewed);
  });
});

afterAll(() => {
  const precision = tally.annotations ? (tally.reviewedTrue / tally.annotations).toFixed(2) : 'n/a';
  console.log(
    `loaded-language on the dev set: ${tally.annotations} annotation(s), ${tally.reviewedTrue} reviewed true, precision ${precision}`,
  );
});
