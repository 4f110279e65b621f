import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, builtinLexicon, loadPacks } from '../../lib/lexicon/builtin';
import { parseJsonWithPositions } from '../../lib/text/json';
import { mergePacks } from '../../lib/lexicon/merge';
import type { Pack } from '../../lib/lexicon/types';
import { counterpointProblems, DESCRIPTIVE, neutralityConflicts } from '../../lib/lexicon/policy';
import { formatLexiconError, parsePack, validatePack } from '../../lib/lexicon/validate';
import { foldPhrase } from '../../lib/match/fold';

const [builtin] = BUILTIN_PACKS as Pack[];

describe('the built-in packs', () => {
  it('pass their own validator', () => {
    for (const pack of BUILTIN_PACKS) {
      const result = validatePack(pack);
      expect(result.ok ? [] : result.errors.map(formatLexiconError)).toEqual([]);
    }
  });

  it('explain every entry and variant with a distinct note', () => {
    const lexicon = builtinLexicon();
    for (const e of lexicon.entries) {
      expect(e.note.length, e.id).toBeGreaterThan(20);
      for (const v of e.variants) expect(v.note.trim().length, `${e.id}: ${v.form}`).toBeGreaterThan(10);
      expect(new Set(e.variants.map((v) => v.note)).size, `${e.id}: variant notes differ`).toBe(e.variants.length);
    }
    expect(new Set(lexicon.entries.map((e) => e.note)).size).toBe(lexicon.entries.length);
  });

  it.each([
    ['Kyiv', 'Kiev'],
    ['Kharkiv', 'Kharkov'],
    ['Odesa', 'Odessa'],
    ['Lviv', 'Lvov'],
    ['Luhansk', 'Lugansk'],
    ['Zaporizhzhia', 'Zaporozhye'],
    ['Mykolaiv', 'Nikolaev'],
    ['Dnipro', 'Dnepr'],
    ['Donbas', 'Donbass'],
    ['Chornobyl', 'Chernobyl'],
    ['Zelenskyy', 'Zelensky'],
    ['Zelenskyy', 'Zelenskiy'],
    ['Київ', 'Киев'],
  ])('puts %s and %s in one entry', (a, b) => {
    const entryOf = (form: string) =>
      builtinLexicon().entries.find((e) =>
        e.variants.some((v) => [v.form, ...(v.also ?? [])].some((f) => foldPhrase(f) === foldPhrase(form))),
      );
    expect(entryOf(a)?.id).toBeDefined();
    expect(entryOf(a)?.id).toBe(entryOf(b)?.id);
  });

  it.each([
    'special military operation',
    'denazification',
    'Kiev regime',
    'sham referendum',
    'illegal annexation',
    'full-scale invasion',
    'liberated',
    'reunification',
    'new regions',
    'orcs',
    'terrorist state',
    'proxy war',
    'Western backers',
  ])('covers the loaded phrase %j, with what it presumes and a neutral wording', (phrase) => {
    const entry = builtinLexicon().entries.find(
      (e) =>
        e.category === 'loaded' &&
        e.variants.some((v) => [v.form, ...(v.also ?? [])].some((f) => foldPhrase(phrase).startsWith(foldPhrase(f)))),
    );
    expect(entry, phrase).toBeDefined();
    expect(entry!.presumes).toBeTruthy();
    expect(entry!.neutral).toBeTruthy();
  });

  it('names every demand topic of the fixtures README', () => {
    const ids = builtin.demands!.topics.map((t) => t.id).sort();
    expect(ids).toEqual(
      [
        'withdraw-from-annexed-regions',
        'recognize-annexation',
        'neutrality-no-nato',
        'non-nuclear-status',
        'lift-sanctions',
        'demilitarization',
        'denazification',
        'russian-speakers-rights',
        'no-foreign-troops',
        'unfreeze-assets',
        'russian-withdrawal',
        'war-crimes-tribunal',
        'reparations',
        'join-nato',
        'security-guarantees',
        'prisoner-release',
        'nuclear-safety',
        'food-security',
        'energy-security',
        'ceasefire',
        'negotiations',
        'end-of-war-treaty',
      ].sort(),
    );
  });
});

describe('validatePack on broken packs', () => {
  const broken = (edit: (p: Pack) => void) => {
    const p = structuredClone(builtin);
    edit(p);
    return p;
  };
  it.each([
    {
      why: 'empty note',
      edit: (p: Pack) => (p.entries[1].variants[0].note = ''),
      path: 'entries[1].variants[0].note',
      message: /must not be empty/,
    },
    {
      why: 'unknown category',
      edit: (p: Pack) => ((p.entries[2] as { category: string }).category = 'place'),
      path: 'entries[2].category',
      message: /one of "name", "region", "loaded"/,
    },
    {
      why: 'missing variants',
      edit: (p: Pack) => delete (p.entries[0] as Partial<Pack['entries'][0]>).variants,
      path: 'entries[0].variants',
      message: /required/,
    },
    {
      why: 'loaded without presumes',
      edit: (p: Pack) => delete p.entries.find((e) => e.category === 'loaded')!.presumes,
      path: /^entries\[\d+\]\.presumes$/,
      message: /required for a loaded phrase/,
    },
    { why: 'duplicate id', edit: (p: Pack) => (p.entries[1].id = p.entries[0].id), path: 'entries[1].id', message: /duplicate id/ },
    {
      why: 'a default that is not a boolean',
      edit: (p: Pack) => ((p as { enabledByDefault?: unknown }).enabledByDefault = 'no'),
      path: 'enabledByDefault',
      message: /must be true or false, found string "no"/,
    },
    { why: 'bad id', edit: (p: Pack) => (p.entries[0].id = 'Kyiv City'), path: 'entries[0].id', message: /pattern/ },
    {
      why: 'unknown field',
      edit: (p: Pack) => Object.assign(p.entries[0], { colour: 'red' }),
      path: 'entries[0].colour',
      message: /unknown field/,
    },
    {
      why: 'same surface twice',
      edit: (p: Pack) => p.entries[1].variants.push({ ...p.entries[0].variants[0] }),
      path: /^entries\[1\]\.variants\[\d+\]\.form$/,
      message: /already a form of entry/,
    },
    {
      why: 'inflected forms promised, none listed',
      edit: (p: Pack) => {
        const v = p.entries[0].variants[0];
        v.note = `${v.note} Inflected forms included.`;
        delete v.also;
      },
      path: 'entries[0].variants[0].also',
      message: /lists no inflected forms, which the note says are included/,
    },
    {
      why: 'a descriptive term flagged as loaded',
      edit: (p: Pack) => p.entries.find((e) => e.id === 'full-scale-invasion')!.variants[0].also!.push("Russia's invasion of Ukraine"),
      path: /^entries\[\d+\]\.variants\[0\]\.also\[\d+\]$/,
      message: /descriptive term "invasion"/,
    },
    {
      why: 'a contested term without an objection',
      edit: (p: Pack) => delete p.entries.find((e) => e.id === 'kiev-regime')!.objection,
      path: /^entries\[\d+\]\.objection$/,
      message: /needs an "objection": who rejects it/,
    },
    {
      why: 'an objection that does not say who rejects the term',
      edit: (p: Pack) => (p.entries.find((e) => e.id === 'orcs')!.objection = 'Russian soldiers are people.'),
      path: /^entries\[\d+\]\.objection$/,
      message: /"reject" or "dispute"/,
    },
    {
      why: 'a note that gives a motive',
      edit: (p: Pack) => {
        const e = p.entries.find((x) => x.id === 'hysteria')!;
        e.note = `${e.note} It is used to dismiss Western concern.`;
      },
      path: /^entries\[\d+\]\.note$/,
      message: /gives a motive \("dismiss"\)/,
    },
    {
      why: 'an objection that gives a motive',
      edit: (p: Pack) =>
        (p.entries.find((e) => e.id === 'rashists')!.objection = 'Russian officials reject the term, presenting it as hate speech.'),
      path: /^entries\[\d+\]\.objection$/,
      message: /gives a motive \("presenting it as"\)/,
    },
    { why: 'unknown party', edit: (p: Pack) => ((p.parties[0] as { id: string }).id = 'mars'), path: 'parties[0].id', message: /one of/ },
  ])('$why: names the entry and the field', ({ edit, path, message }) => {
    const p = broken(edit);
    const result = validatePack(p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => (typeof path === 'string' ? e.path === path : path.test(e.path)));
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error!.message).toMatch(message);
    if (error!.path.startsWith('entries[') && !error!.path.endsWith('.id'))
      expect(error!.entry).toBe(p.entries[Number(/\d+/.exec(error!.path)![0])].id);
  });

  it('gives the line of the offending field in a JSON file', () => {
    const text = JSON.stringify(
      broken((p) => (p.entries[3].variants[0].note = '')),
      null,
      2,
    );
    const result = parsePack(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [e] = result.errors;
    const line = text.split('\n').findIndex((l) => l.includes('"note": ""')) + 1;
    expect(e.line).toBe(line);
    expect(formatLexiconError(e)).toMatch(
      new RegExp(`^line ${line}: entries\\[3\\]\\.variants\\[0\\]\\.note \\(id "${builtin.entries[3].id}"\\): must not be empty$`),
    );
  });

  it.each([
    ['{"schema": "framing-lens/pack@1",\n  "id": }', 2, /unexpected '}'/],
    ['{\n\n  "id": "x"', 3, /file ended/],
    ['', 1, /end of file/],
    ['[1, 2] x', 1, /after the end/],
    // Found by the fuzz tests: a backslash ending the file once put the error past the file's end.
    ['"\\', 1, /file ended/],
  ])('reports JSON syntax errors with their line: %j', (text, line, message) => {
    const result = parsePack(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0].line).toBe(line);
      expect(result.errors[0].message).toMatch(message);
      expect(result.errors[0].column).toBeLessThanOrEqual(text.split('\n')[line - 1].length + 1);
    }
  });

  it('parses JSON exactly like JSON.parse', () => {
    const text = JSON.stringify(builtin);
    expect(parseJsonWithPositions(text).value).toEqual(JSON.parse(text));
    expect(parseJsonWithPositions('{"a": [1, {"b": "\\u00e9\\n"}], "c": -1.5e3}').value).toEqual({ a: [1, { b: 'é\n' }], c: -1500 });
  });

  it('refuses to load a broken pack at all', () => {
    expect(() => loadPacks([broken((p) => (p.entries[0].concept = ''))])).toThrow(/entries\[0\]\.concept/);
  });
});

describe('the neutrality policy (lib/lexicon/packs/README.md)', () => {
  const packs = loadPacks(BUILTIN_PACKS);

  it.each(DESCRIPTIVE.map((t) => [t.term, t] as const))('descriptive term "%s" is sourced and has English forms', (_term, t) => {
    expect(t.source.length).toBeGreaterThanOrEqual(40);
    expect(t.forms.en?.length).toBeGreaterThan(0);
  });

  it('no built-in pack flags a form another entry offers as neutral wording', () => {
    expect(neutralityConflicts(packs).map((c) => `"${c.form}": flagged by ${c.flaggedBy}, neutral in ${c.neutralOf}`)).toEqual([]);
  });

  it('names both entries of a conflict, and lets a quoted mention pass', () => {
    const p = structuredClone(builtin);
    const neutral = p.entries.find((e) => e.id === 'banderites')!;
    neutral.neutral = "the separatists; the 'Kiev regime' as Moscow calls it";
    const conflicts = neutralityConflicts([p]);
    expect(conflicts).toContainEqual({
      flaggedBy: 'russia-ukraine › separatists',
      form: 'separatists',
      neutralOf: 'russia-ukraine › banderites',
    });
    expect(conflicts.some((c) => c.form === 'Kiev regime')).toBe(false);
  });
});

describe('the counterpoint rule (lib/lexicon/packs/README.md)', () => {
  const contested = loadPacks(BUILTIN_PACKS).flatMap((p) =>
    p.entries.filter((e) => e.category === 'loaded' && e.context === 'war').map((e) => [`${p.id} › ${e.id}`, e] as const),
  );

  it('covers every loaded term of the war packs', () => {
    expect(contested.length).toBeGreaterThan(190);
  });

  it.each(contested)('%s: the note says who uses it, the objection who rejects it, neither a motive', (_id, entry) => {
    expect(counterpointProblems(entry)).toEqual([]);
    // A rebuttal belongs in the objection, so each side's terms read alike.
    expect(entry.note).not.toMatch(/\b(?:reject|rejects|rejected|disputes?|disputed)\b/);
  });

  it('holds for a term outside the war only when it asks for the war context', () => {
    const plain = { category: 'loaded' as const, note: 'An English verb of attribution.' };
    expect(counterpointProblems(plain)).toEqual([]);
    expect(counterpointProblems({ ...plain, context: 'war' })).toEqual([
      { field: 'objection', message: 'a contested term needs an "objection": who rejects it' },
    ]);
    expect(
      counterpointProblems({ ...plain, context: 'war', objection: "Russian officials reject it as 'designed to discredit Russia'." }),
    ).toEqual([]);
  });
});

describe('mergePacks', () => {
  it('lets a later pack override an entry by id and add speakers to a party', () => {
    const user: Pack = {
      ...structuredClone(builtin),
      id: 'mine',
      entries: [{ ...builtin.entries[0], note: 'My own note on this concept, replacing the built-in one.' }],
      parties: [{ id: 'russia', label: 'Russia', speakers: ['the Russian side'] }],
      demands: undefined,
    };
    const merged = mergePacks([builtin, user]);
    expect(merged.entries).toHaveLength(builtin.entries.length);
    expect(merged.entries.find((e) => e.id === builtin.entries[0].id)!.note).toMatch(/My own note/);
    expect(merged.parties.find((p) => p.id === 'russia')!.speakers).toContain('the Russian side');
    expect(merged.demands.topics).toHaveLength(builtin.demands!.topics.length);
  });
});
