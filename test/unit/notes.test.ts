/**
 * The notes of every built-in pack: each entry and variant says, as checkable fact, what the form is
 * and who uses it; no two notes repeat each other; and no two entries claim one surface form in one
 * language. Tables run over BUILTIN_PACKS, so a pack added later is checked without touching this file.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, loadPacks } from '../../lib/lexicon/builtin';
import type { Pack } from '../../lib/lexicon/types';
import { foldText } from '../../lib/match/fold';

const packs = loadPacks(BUILTIN_PACKS);

/** Shorter than this, a note cannot say both what a form is and who uses it. */
const MIN_NOTE = 25;

// What makes a note checkable: a language or script it names, an outlet or state body, a year or
// century, or the kind of fact a reader can look up (a romanisation, a translation, who uses it).
const LANGUAGES = [
  'English',
  'Ukrainian',
  'Russian',
  'German',
  'French',
  'Polish',
  'Czech',
  'Slovak',
  'Spanish',
  'Italian',
  'Portuguese',
  'Hungarian',
  'Romanian',
  'Crimean Tatar',
  'Belarusian',
  'Greek',
  'Latin',
  'Cyrillic',
  'Soviet',
];
const BODIES = [
  'AP',
  'BBC',
  'Reuters',
  'TASS',
  'RT',
  'CNN',
  'AFP',
  'dpa',
  'Deutsche Welle',
  'Tagesschau',
  'Duden',
  'Le Figaro',
  'Le Monde',
  'El País',
  'The New York Times',
  'Kyiv Post',
  'Kyiv Independent',
  'IAEA',
  'UN',
  'NATO',
  'EU',
  'Kremlin',
  'Verkhovna Rada',
  'Wagner Group',
  'Board on Geographic Names',
  'government',
  'ministry',
  'parliament',
  'officials',
  'state media',
  'historiography',
  'armed forces',
  'resolution',
  'decree',
];
const KINDS = [
  'romanisation',
  'romanization',
  'romanised',
  'romanized',
  'transliteration',
  'translation',
  'translating',
  'abbreviation',
  'self-designation',
  'used by',
  'official',
  'renamed',
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...LANGUAGES, ...BODIES, ...KINDS].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const DATED = /(?<!\d)(?:1[0-9]|20)\d\d(?!\d)|\b\d{1,2}(?:st|nd|rd|th)[ -]century\b/u;

/** Whether a note states something a reader could check: a language, an outlet or body, a date, or a kind of form. */
function checkable(note: string): boolean {
  return DATED.test(note) || NAMED.test(note);
}

interface NoteRow {
  where: string;
  note: unknown;
}

function noteRows(list: readonly Pack[]): NoteRow[] {
  return list.flatMap((pack) =>
    pack.entries.flatMap((entry) => [
      { where: `${pack.id} › ${entry.id}`, note: entry.note },
      ...entry.variants.map((variant) => ({ where: `${pack.id} › ${entry.id} › ${variant.form}`, note: variant.note })),
    ]),
  );
}

/** Notes written more than once, each with every place it appears. */
function duplicateNotes(list: readonly Pack[]): string[] {
  const seen = new Map<string, string[]>();
  for (const { where, note } of noteRows(list)) {
    const key = String(note).trim();
    seen.set(key, [...(seen.get(key) ?? []), where]);
  }
  return [...seen].filter(([, where]) => where.length > 1).map(([note, where]) => `${JSON.stringify(note)}: ${where.join(', ')}`);
}

/** Surface forms (form or also, folded) that two entries claim in the same language. */
function surfaceClashes(list: readonly Pack[]): string[] {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const pack of list)
    for (const entry of pack.entries)
      for (const variant of entry.variants) {
        const lang = variant.lang ?? entry.lang ?? pack.languages[0];
        for (const form of [variant.form, ...(variant.also ?? [])]) {
          const key = `${lang}:${foldText(form).text.trim()}`;
          const other = owner.get(key);
          if (other && other !== entry.id) clashes.push(`${key} is claimed by "${other}" and "${entry.id}"`);
          else owner.set(key, entry.id);
        }
      }
  return clashes;
}

describe('the note heuristic', () => {
  it.each([
    ['Romanisation of the Ukrainian Київ, adopted by AP on 14 August 2019.', true],
    ['German name of the city, as in the Duden.', true],
    ['Spelling used by Reuters.', true],
    ["The city's name from 1924 to 2016.", true],
    ['Historical region settled in the 17th century.', true],
    ['A very interesting word that many people like to say.', false],
    ['The usual name of the city, as everyone knows.', false],
    ["Variant with the adjective 'former'.", false],
    ['Some outlets prefer this form, others avoid it.', false],
  ] as const)('%j checkable: %s', (note, expected) => {
    expect(checkable(note)).toBe(expected);
  });

  it('finds a repeated note and a surface form two entries claim', () => {
    const [pack] = packs;
    const [a, b] = pack.entries;
    const planted: Pack = {
      ...pack,
      entries: [
        { ...a, variants: [{ ...a.variants[0], note: 'Romanisation used by AP since 2019.' }] },
        { ...b, variants: [{ ...b.variants[0], form: a.variants[0].form.toUpperCase(), note: 'Romanisation used by AP since 2019.' }] },
      ],
    };
    expect(duplicateNotes([planted])).toHaveLength(1);
    expect(surfaceClashes([planted])).toHaveLength(1);
  });
});

describe.each(packs.map((pack) => [pack.id, pack] as const))('pack %s', (_id, pack) => {
  const rows = noteRows([pack]);

  it.each(rows)('$where has a note of at least 25 characters', ({ note }) => {
    expect(typeof note).toBe('string');
    expect((note as string).trim().length).toBeGreaterThanOrEqual(MIN_NOTE);
  });

  it.each(rows)('$where: the note states something checkable', ({ note }) => {
    expect(checkable(String(note)), String(note)).toBe(true);
  });

  it('has no two identical notes', () => {
    expect(duplicateNotes([pack])).toEqual([]);
  });
});

describe('all built-in packs together', () => {
  it('no two entries claim the same folded surface form in the same language', () => {
    expect(surfaceClashes(packs)).toEqual([]);
  });

  it('no two notes are identical across packs', () => {
    expect(duplicateNotes(packs)).toEqual([]);
  });
});
