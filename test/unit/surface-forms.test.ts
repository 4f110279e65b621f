/**
 * Every spelling is reported as written: each surface form of every built-in pack, alone in an
 * ordinary sentence of its language, is annotated as its own entry with its own variant. An English
 * form keeps its variant with a plural or possessive ending too, unless that longer form is a form of
 * its own ("Donbass" is not "Donbas" + "s"). Tables run over BUILTIN_PACKS, so a form added later is
 * checked without touching this file.
 */
import { describe, expect, it } from 'vitest';
import { builtinEngines } from '../../lib/analysis/analyze';
import { BUILTIN_PACKS, loadPacks } from '../../lib/lexicon/builtin';

const packs = loadPacks(BUILTIN_PACKS);
// Every pack, the opt-in ones too.
const engines = builtinEngines({ packs: Object.fromEntries(packs.map((p) => [p.id, true])) });

const SENTENCES: Record<string, (form: string) => string> = {
  en: (f) => `Reports mentioned ${f} yesterday.`,
  de: (f) => `Berichte nannten ${f} gestern.`,
  fr: (f) => `Les rapports citaient ${f} hier.`,
  ru: (f) => `В сообщениях упоминался ${f} вчера.`,
  uk: (f) => `У повідомленнях згадувався ${f} учора.`,
};

interface Row {
  where: string;
  lang: string;
  form: string;
  termId: string;
  variant: string;
  /** The form with an ending: the match starts where it does (a possessive's "'s" may stay outside it). */
  ending: boolean;
}

const known = new Set(
  packs.flatMap((p) => p.entries.flatMap((e) => e.variants.flatMap((v) => [v.form, ...(v.also ?? [])]))).map((f) => f.toLowerCase()),
);

const rows: Row[] = packs.flatMap((p) =>
  p.entries.flatMap((e) =>
    e.variants.flatMap((v) =>
      [v.form, ...(v.also ?? [])].flatMap((form) => {
        const lang = (v.lang ?? e.lang ?? p.languages[0] ?? 'en').split('-')[0];
        if (!SENTENCES[lang]) return [];
        const row = { where: `${p.id} › ${e.id}`, lang, termId: e.id, variant: v.form };
        // English endings, for Latin-script forms that do not end in one already.
        const endings =
          lang === 'en' && /^[\p{Script=Latin}\s'’.-]+$/u.test(form) && !/s$/iu.test(form)
            ? ['s', "'s"].map((s) => form + s).filter((longer) => !known.has(longer.toLowerCase()))
            : [];
        return [{ ...row, form, ending: false }, ...endings.map((f) => ({ ...row, form: f, ending: true }))];
      }),
    ),
  ),
);

describe('every surface form of every pack', () => {
  it('covers thousands of forms in five languages', () => {
    expect(rows.length).toBeGreaterThan(5000);
    expect(new Set(rows.map((r) => r.lang)).size).toBe(5);
  });

  it.each(rows)('$where [$lang] "$form" is its own variant', ({ lang, form, termId, variant, ending }) => {
    const text = SENTENCES[lang](form);
    const at = text.indexOf(form);
    const found = engines
      .forLanguage(lang)!
      .matcher.match(text, 'body')
      .map((m) => ({ start: m.start, end: ending ? at + form.length : m.end, termId: m.termId, variant: m.variant }));
    expect(found).toContainEqual({ start: at, end: at + form.length, termId, variant });
  });
});
