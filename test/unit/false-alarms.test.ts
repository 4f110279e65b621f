/**
 * Quiet where nothing is at stake: words that frame the war are ordinary words elsewhere, and places
 * and people of the war appear in other stories. Each sentence below, read as an article of its own
 * about something else, is annotated nowhere. The same words in an article about the war are
 * (lib/match/context.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import type { Article } from '../../lib/extract/extract';
import { inContext } from '../../lib/match/context';
import type { Match } from '../../lib/match/matcher';
import { readFixture } from '../support/fixtures';

const engines = builtinEngines();
const article = (text: string, lang: string): Article => ({
  title: '',
  byline: null,
  siteName: null,
  lang,
  publishedTime: null,
  excerpt: null,
  text,
  paragraphs: [],
});
const annotated = (text: string, lang: string) =>
  analyzeArticle(article(text, lang), engines.forLanguage(lang)!).matches.map((m) => m.surface);

/** Sentences from other stories: sport, business, food, medicine, other conflicts and other countries. */
const QUIET: [lang: string, text: string][] = [
  ['en', 'The hostages were liberated after a week in captivity.'],
  ['en', 'The liberation of Paris in August 1944 ended four years of German occupation.'],
  ['en', 'The chain plans to expand into new regions next year.'],
  ['en', 'Analysts call the conflict in Yemen a proxy war between Saudi Arabia and Iran.'],
  ['en', 'Catalan separatists staged a rally in Barcelona.'],
  ['en', 'The occupation authorities in the West Bank demolished the house.'],
  ['en', 'Contact the ATO if your tax return is late.'],
  ['en', 'The LPR was cut by ten basis points.'],
  ['en', 'The DPR of the Congo held elections.'],
  ['en', 'The patient had a DNR order on file.'],
  ['en', 'Her argument will trump any objection.'],
  ['en', 'The occupier of the flat refused to leave.'],
  ['en', 'Russian-backed hackers targeted the election systems.'],
  ['en', 'She ordered chicken Kiev and a glass of wine.'],
  ['en', 'Dynamo Kiev won the cup in 1999.'],
  ['en', 'The University of Idaho is in Moscow, Idaho.'],
  ['en', 'The company launched a special operation to recover the data.'],
  ['en', 'Police carried out a special military operation against the cartel in Mexico.'],
  ['en', 'The orcs in The Lord of the Rings are servants of Sauron.'],
  ['en', 'The team played a meat grinder of a schedule in December.'],
  ['en', 'The referendum on Scottish independence was held in 2014.'],
  ['en', 'The regime in Syria fell in December 2024.'],
  ['en', 'Investors fear a frozen conflict between the two shareholders.'],
  ['en', 'The red lines on the map mark the hiking trails.'],
  ['en', 'The coach said the defeat was a provocation to do better.'],
  ['en', 'The dictator of the Roman Republic held power for six months.'],
  ['en', 'The nationalists won the election in Scotland.'],
  ['en', 'The collective West Coast offense is a football scheme.'],
  ['en', 'The aggressor in the bar fight was arrested.'],
  ['en', 'The Crimean War ended in 1856.'],
  ['en', 'Genocide scholars met in Rwanda to mark the anniversary.'],
  ['en', 'The terror of the French Revolution began in 1793.'],
  ['en', 'The hurricane caused a bloodbath on the stock market.'],
  ['en', 'The merger was called a land grab by rival retailers.'],
  ['en', 'The striker was a mercenary who played for six clubs.'],
  ['en', 'The company denied it was a puppet of its parent firm.'],
  ['en', 'The Butcher of Lyon, Klaus Barbie, was tried in 1987.'],
  ['en', 'The appeasement of Hitler at Munich in 1938 is taught in schools.'],
  ['en', 'She asked for a ceasefire in the family feud.'],
  ['en', 'The self-proclaimed king of pop moved to Neverland.'],
  ['en', 'The new regions of the brain were mapped.'],
  ['en', 'The separatist movement in Quebec lost the 1995 referendum.'],
  ['en', 'The aggression of the dog worried the neighbours.'],
  ['de', 'Die Befreiung der Geiseln gelang nach einer Woche.'],
  ['de', 'Das Unternehmen expandiert in neue Regionen.'],
  ['de', 'Die Separatisten in Katalonien demonstrierten in Barcelona.'],
  ['de', 'Dynamo Kiew gewann den Pokal.'],
  ['de', 'Der Stellvertreterkrieg im Jemen dauert an.'],
  ['de', 'Die Polizei startete eine Sonderoperation gegen Drogenhändler.'],
  ['fr', 'La libération de Paris a eu lieu en août 1944.'],
  ['fr', 'Les séparatistes catalans ont manifesté à Barcelone.'],
  ['fr', 'Le Dynamo Kiev a remporté la coupe.'],
  ['fr', "L'entreprise s'étend dans de nouvelles régions."],
  ['ru', 'Заложники были освобождены через неделю.'],
  ['ru', 'Компания выходит в новые регионы.'],
  ['ru', 'Каталонские сепаратисты провели митинг в Барселоне.'],
  ['uk', 'Заручників звільнили через тиждень.'],
  ['uk', 'Компанія виходить у нові регіони.'],
  ['en', 'He played his trump card in the last round.'],
  ['en', 'The new offer will trump the old one.'],
  ['en', 'A proxy vote was cast at the shareholder meeting.'],
  ['en', 'The referendum in Ireland passed by a wide margin.'],
  ['en', 'The invasion of the garden by snails ruined the lettuce.'],
  ['en', 'Strikers ended their occupation of the factory after a week.'],
];

describe('quiet where nothing is at stake', () => {
  it('the table is large enough to tell', () => expect(QUIET.length).toBeGreaterThanOrEqual(60));

  it.each(QUIET)('[%s] %s', (lang, text) => {
    expect(annotated(text, lang)).toEqual([]);
  });

  // Russian-era city names that are also surnames need the war's context.
  it.each([
    ['en', 'Defender Oleg Nikolayev signed a new contract.'],
    ['en', 'The physicist Lev Lvov gave the lecture.'],
    ['ru', 'Футболист Николаев подписал новый контракт.'],
  ])('[%s] %s', (lang, text) => {
    expect(annotated(text, lang)).toEqual([]);
  });
});

describe('the same words in an article about the war', () => {
  it.each([
    ['en', 'The Kremlin called the strike on Kyiv a provocation.', 'provocation'],
    ['en', 'Zelensky said Russia had crossed every red line.', 'red line'],
    ['en', 'Trump spoke to Zelensky about the Donbas.', 'Trump'],
    ['en', 'Shelling hit Nikolayev overnight, officials in Kyiv said.', 'Nikolayev'],
    ['de', 'Der Kreml spricht von einem Stellvertreterkrieg, hieß es in Kiew.', 'Stellvertreterkrieg'],
  ])('[%s] %s', (lang, text, word) => {
    expect(annotated(text, lang)).toContain(word);
  });

  const match = (termId: string, category: Match['category']) => ({ termId, category }) as Match;
  it('keeps every match when a person or place of the war needs no context, and drops those that do otherwise', () => {
    const needsWar = new Set(['red-lines', 'trump']);
    const war = [match('kyiv', 'region'), match('red-lines', 'loaded'), match('trump', 'name')];
    expect(inContext(war, needsWar)).toEqual(war);
    expect(inContext([match('trump', 'name'), match('red-lines', 'loaded'), match('orcs-general', 'loaded')], needsWar)).toEqual([
      match('orcs-general', 'loaded'),
    ]);
  });
});

/** Real non-war pages (test/fixtures/false-alarms/README.md). */
interface QuietPage {
  slug: string;
  file: string;
  language: string;
  topic: string;
}
const PAGES = JSON.parse(readFixture('false-alarms/index.json')) as QuietPage[];
const counts = new Map<string, number>();

describe('real news pages about something else', () => {
  it('are at least 100, in at least four languages', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(PAGES.map((p) => p.language)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(PAGES)('$slug ($language, $topic)', ({ slug, file }) => {
    const result = analyzeDocument(parseHtml(readFixture(`false-alarms/${file}`)), engines);
    // A page in a language no pack covers, or with no article found, is annotated nowhere, and says why.
    counts.set(slug, result.ok ? result.analysis.matches.length : 0);
    if (!result.ok) expect(['unsupported-language', 'no-article']).toContain(result.reason);
  });

  it('with the default packs, average at most 0.1 annotations a page', () => {
    expect(counts.size).toBe(PAGES.length);
    const mean = [...counts.values()].reduce((a, b) => a + b, 0) / counts.size;
    expect(mean).toBeLessThanOrEqual(0.1);
  });

  afterAll(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(
      `false alarms: ${total} annotations on ${counts.size} non-war pages (${(total / Math.max(1, counts.size)).toFixed(3)} a page)`,
    );
  });
});
