import { describe, expect, it } from 'vitest';
import { compileAutomaton } from '../../lib/match/automaton';
import { foldedSlice, foldText } from '../../lib/match/fold';
import { compileMatcher } from '../../lib/match/matcher';
import { findQuotations, insideChecker } from '../../lib/match/quotes';
import type { Entry } from '../../lib/lexicon/types';
import { builtinLexicon } from '../../lib/lexicon/builtin';

describe('foldText', () => {
  it.each([
    ['Kiev’s', "kiev's"],
    ['KYÏV', 'kyiv'],
    ['Zaporizhzhia – Kherson', 'zaporizhzhia - kherson'],
    ['two\u00a0 \n spaces', 'two spaces'],
    ['Ёлка', 'елка'],
    ['soft\u00adhyphen', 'softhyphen'],
  ])('%j folds to %j', (input, folded) => {
    expect(foldText(input).text).toBe(folded);
  });

  it('maps every folded character back to its original span', () => {
    const text = 'A  Kyïv’s\u00adx';
    const f = foldText(text);
    const at = f.text.indexOf('kyiv');
    expect(text.slice(f.start[at], f.end[at + 3])).toBe('Kyïv');
  });

  it.each([
    { text: 'Суд  КИЄВА вирішив', start: 5, end: 10, want: 'києва' },
    { text: 'A  Kyïv’s\u00adx', start: 0, end: 9, want: "a kyiv's" },
    // A span starting inside a run of spaces begins after it: a run folds to one character.
    { text: 'two   spaces', start: 4, end: 12, want: 'spaces' },
  ])('reads $text [$start, $end) as folded: $want', ({ text, start, end, want }) => {
    expect(foldedSlice(foldText(text), start, end)).toBe(want);
  });
});

describe('compileAutomaton', () => {
  const find = (phrases: string[], text: string, opts: { plural?: boolean } = {}) =>
    compileAutomaton(phrases.map((p) => ({ phrase: p, value: p, ...opts })))
      .find(foldText(text))
      .map((h) => h.value);

  it.each([
    { phrases: ['Putin', 'Entity Putin'], text: 'Entity Putin has voiced', want: ['Entity Putin'] },
    { phrases: ['Kiev', 'Kiev regime'], text: 'the Kiev regime and Kiev', want: ['Kiev regime', 'Kiev'] },
    { phrases: ['Kiev'], text: 'Kievan Rus, Kiev-based, Kiev’s', want: ['Kiev', 'Kiev'] },
    { phrases: ['Київ'], text: 'Київщина і Київ.', want: ['Київ'] },
    { phrases: ['withdraw*'], text: 'began withdrawing troops', want: ['withdraw*'] },
    { phrases: ['orc'], text: 'orcs, orcish', want: ['orc'], plural: true },
    { phrases: ['orc'], text: 'orcs', want: [], plural: false },
  ])('$phrases in $text', ({ phrases, text, want, plural }) => {
    expect(find(phrases, text, { plural })).toEqual(want);
  });

  it('finds overlapping hits with findAll', () => {
    const a = compileAutomaton(['join NATO', 'NATO'].map((phrase) => ({ phrase, value: phrase })));
    expect(a.findAll(foldText('never join NATO')).map((h) => h.value)).toEqual(['join NATO', 'NATO']);
  });
});

describe('findQuotations', () => {
  const quoted = (text: string, word: string) => {
    const at = text.indexOf(word);
    return insideChecker(findQuotations(text))(at, at + word.length);
  };
  it.each([
    ['“There are no new ‘peace proposals’. Entity Putin has voiced the ‘standard aggressor’s set,’” he wrote.', 'aggressor', true],
    ['“Outer ‘inner’ tail” and after', 'after', false],
    ['Kiev’s demands include reparations.', 'reparations', false],
    ['He called it a "goodwill gesture" to facilitate talks.', 'goodwill gesture', true],
    ['He called it a "goodwill gesture" to facilitate talks.', 'facilitate', false],
    ['Il a parlé d’une « opération militaire spéciale » hier.', 'opération', true],
    ['Er sprach von einer „Spezialoperation“ gestern.', 'Spezialoperation', true],
    ['Er sprach von einer „Spezialoperation“ gestern.', 'gestern', false],
    ['Он назвал это «жестом доброй воли».', 'жестом', true],
    ["The 'sham' vote and the Russians' claims", 'claims', false],
    ['“An open quote runs on\n\nNext paragraph', 'Next', false],
  ])('%j: %s quoted = %s', (text, word, want) => {
    expect(quoted(text, word)).toBe(want);
  });
});

describe('compileMatcher', () => {
  const entries: Entry[] = [
    {
      id: 'kyiv',
      category: 'region',
      concept: 'Kyiv',
      note: 'Capital of Ukraine.',
      variants: [
        { form: 'Kyiv', lang: 'en', note: 'Ukrainian-derived.' },
        { form: 'Kiev', lang: 'en', note: 'Russian-derived.' },
        { form: 'Київ', lang: 'uk', also: ['Києва', 'Києві'], note: 'Ukrainian.' },
      ],
    },
    {
      id: 'sham-referendums',
      category: 'loaded',
      concept: 'sham referendums',
      note: 'n',
      presumes: 'p',
      neutral: 'n',
      variants: [{ form: 'sham referendum', also: ['sham referenda'], note: 'n' }],
    },
    {
      id: 'the-ukraine',
      category: 'region',
      concept: 'Ukraine',
      note: 'n',
      variants: [{ form: 'the Ukraine', note: 'n' }],
      exclude: ['the Ukraine war'],
    },
  ];
  const matcher = compileMatcher({ entries });

  it.each([
    { text: 'KIEV’S forces', surface: 'KIEV', variant: 'Kiev', voice: 'author' },
    { text: 'following sham referendums in 2022', surface: 'sham referendums', variant: 'sham referendum', voice: 'author' },
    { text: 'the sham referenda', surface: 'sham referenda', variant: 'sham referendum', voice: 'author' },
    { text: 'У Києві заявили', surface: 'Києві', variant: 'Київ', voice: 'author' },
    { text: 'He said: “Kyiv will not yield.”', surface: 'Kyiv', variant: 'Kyiv', voice: 'quoted' },
    { text: 'aid to the Ukraine in 1992', surface: 'the Ukraine', variant: 'the Ukraine', voice: 'author' },
  ])('$text → $surface', ({ text, surface, variant, voice }) => {
    const [m] = matcher.match(text);
    expect(m).toMatchObject({ surface, variant, voice });
    expect(text.slice(m.start, m.end)).toBe(surface);
  });

  it.each(['the Ukraine war goes on', 'Kievan Rus', ''])('annotates nothing in %j', (text) => {
    expect(matcher.match(text)).toEqual([]);
  });

  it.each([
    ['Nato allies met', 'Nato'],
    ['NATO allies met', 'NATO'],
    ['nato allies met', 'NATO'],
  ])('%j reports the variant %j by its casing', (text, variant) => {
    expect(compileMatcher(builtinLexicon()).match(text)[0]).toMatchObject({ termId: 'nato', variant });
  });

  it('annotates Cyrillic pages with the built-in pack', () => {
    const ms = compileMatcher(builtinLexicon()).match(
      'В Киеве заявили, что специальная военная операция продолжится. У Києві — повномасштабне вторгнення.',
    );
    expect(ms.map((m) => m.termId)).toEqual(expect.arrayContaining(['kyiv', 'special-military-operation', 'full-scale-invasion']));
    expect(new Set(ms.filter((m) => m.termId === 'kyiv').map((m) => m.variant))).toEqual(new Set(['Киев', 'Київ']));
  });
});
