/**
 * The places of the war, as the core pack names them: each in English and in Cyrillic, and each place
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

describe('the places of the war', () => {
  it('are at least 120', () => expect(places.length).toBeGreaterThanOrEqual(120));

  it.each(places.map((e) => [e.id, e] as const))('%s has an English form and a Cyrillic one', (id, entry) => {
    expect(entry.variants.some((v) => v.lang === 'en')).toBe(true);
    const cyrillic = entry.variants.some((v) => /\p{Script=Cyrillic}/u.test(v.form));
    expect(cyrillic, NO_CYRILLIC[id] ?? 'no Cyrillic form').toBe(!(id in NO_CYRILLIC));
  });

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
