/**
 * The places of the war, as the core pack names them: each in English, Ukrainian and Russian, and each place
 * renamed since 2014–2016 (Ukraine's decommunisation laws) under both its names, so that an outlet's
 * choice of the old name is seen.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, loadPacks } from '../../lib/lexicon/builtin';

const core = loadPacks(BUILTIN_PACKS).find((p) => p.id === 'russia-ukraine')!;
const places = core.entries.filter((e) => e.category === 'region');
const formsOf = (id: string) => places.find((e) => e.id === id)!.variants.flatMap((v) => [v.form, ...(v.also ?? [])]);

/** Places left without a Cyrillic form on purpose: the name is also a common word there. */
const NO_CYRILLIC: Record<string, string> = {
  polohy: 'Пологи is also the Ukrainian word for childbirth',
  lozova: 'Лозова is also a Ukrainian adjective (of vines)',
  borova: 'Борова is also a Ukrainian adjective (of pine woods)',
  krynky: 'Кринки is also the plural of кринка, a jug',
};

/**
 * Places with a Cyrillic form in one of the two languages only: the other language's form is also a
 * common word or name there, so it would be annotated in stories about something else.
 */
const ONE_LANGUAGE: Record<string, string> = {
  sumy: 'Ukrainian Суми is also a form of сума (a sum of money)',
  vasylkiv: 'Russian Васильков is also a common surname',
  'the-ukraine': 'the entry is a construction of Russian grammar ("на Украине")',
  ordlo: 'ОРДЛО is a Ukrainian official acronym; Russian texts quote it as written',
};

/** The Cyrillic languages a place is written in: a form without a language is the same in both. */
const cyrillicLanguages = (entry: (typeof places)[number]) =>
  new Set(
    entry.variants
      .filter((v) => /\p{Script=Cyrillic}/u.test(v.form))
      .flatMap((v) => ((v.lang ?? entry.lang) ? [v.lang ?? entry.lang!] : ['uk', 'ru'])),
  );

describe('the places of the war', () => {
  it('are at least 120', () => expect(places.length).toBeGreaterThanOrEqual(120));

  it.each(places.map((e) => [e.id, e] as const))('%s has an English form and a Cyrillic one', (id, entry) => {
    expect(entry.variants.some((v) => v.lang === 'en')).toBe(true);
    const cyrillic = entry.variants.some((v) => /\p{Script=Cyrillic}/u.test(v.form));
    expect(cyrillic, NO_CYRILLIC[id] ?? 'no Cyrillic form').toBe(!(id in NO_CYRILLIC));
  });

  it.each(places.filter((e) => !(e.id in NO_CYRILLIC)).map((e) => [e.id, e] as const))(
    '%s has a Ukrainian form and a Russian one',
    (id, entry) => {
      const langs = cyrillicLanguages(entry);
      expect(langs.has('uk') && langs.has('ru'), ONE_LANGUAGE[id] ?? `only ${[...langs].join(', ')}`).toBe(!(id in ONE_LANGUAGE));
    },
  );

  it.each([
    ['dnipro', 'Dnipro', 'Dnipropetrovsk'],
    ['kropyvnytskyi', 'Kropyvnytskyi', 'Kirovohrad'],
    ['bakhmut', 'Bakhmut', 'Artemivsk'],
    ['toretsk', 'Toretsk', 'Dzerzhinsk'],
    ['pokrovsk', 'Pokrovsk', 'Krasnoarmeysk'],
    ['myrnohrad', 'Myrnohrad', 'Dymytrov'],
    ['kamianske', 'Kamianske', 'Dniprodzerzhynsk'],
    ['chornomorsk', 'Chornomorsk', 'Illichivsk'],
  ])('%s keeps its name since the renaming (%s) and the one before (%s)', (id, now, before) => {
    expect(formsOf(id)).toEqual(expect.arrayContaining([now, before]));
  });
});
