/**
 * Which language an article is in, and so which packs apply to it. The page's own `lang` is trusted
 * unless the text is plainly in another script (templates often keep lang="en" on every edition);
 * a page that declares nothing is recognised from its text.
 */
import type { Pack } from './types';

/** "en-GB" → "en"; nothing usable → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Letters only Ukrainian uses, and letters only Russian uses, among the Cyrillic alphabets in the news. */
const UKRAINIAN_ONLY = /[іїєґ]/giu;
const RUSSIAN_ONLY = /[ыэъё]/giu;
/** Frequent short words that tell the Latin-script languages of the packs apart. */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'was', 'that', 'with', 'for', 'said'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auch', 'dem'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'pour', 'dans', 'qui'],
};

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** The language of a text from its letters and function words; null when the text does not say. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const cyrillic = count(sample, CYRILLIC);
  const latin = count(sample, LATIN);
  if (cyrillic + latin < 50) return null;
  if (cyrillic > latin) return count(sample, UKRAINIAN_ONLY) > count(sample, RUSSIAN_ONLY) ? 'uk' : 'ru';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = Object.entries(FUNCTION_WORDS).map(([lang, list]) => [lang, words.filter((w) => list.includes(w)).length] as const);
  scores.sort((a, b) => b[1] - a[1]);
  // Clear ahead of the next, or not known: a list of names is in no language in particular.
  return scores[0][1] >= 5 && scores[0][1] >= 2 * scores[1][1] ? scores[0][0] : null;
}

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);
const LATIN_LANGUAGES = new Set(
  'en de fr es it pt nl pl cs sk sl hr bs ro hu fi sv da no nb nn is et lv lt tr az sq ca eu gl ga cy mt id ms vi sw tl'.split(' '),
);
const scriptOf = (lang: string) => (CYRILLIC_LANGUAGES.has(lang) ? 'Cyrillic' : LATIN_LANGUAGES.has(lang) ? 'Latin' : 'other');

/**
 * The article's language: as declared, unless its text is plainly in another script (an English
 * article on a page declared Arabic, a Russian one on a page declared English); else as its text reads.
 */
export function articleLanguage(declared: string | null, text: string): string | null {
  const stated = primaryLanguage(declared);
  const read = detectLanguage(text);
  if (!stated) return read;
  return read && scriptOf(stated) !== scriptOf(read) ? read : stated;
}

/** The packs that annotate text in `lang`: those that list it. */
export const packsFor = <P extends Pick<Pack, 'languages'>>(packs: readonly P[], lang: string): P[] =>
  packs.filter((p) => p.languages.some((l) => primaryLanguage(l) === lang));

/** Every language some pack annotates, for telling the reader what is supported. */
export const supportedLanguages = (packs: readonly Pick<Pack, 'languages'>[]): string[] =>
  [...new Set(packs.flatMap((p) => p.languages.map(primaryLanguage).filter((l): l is string => !!l)))].sort();

/** "de" → "German", in English (the UI's language); the code itself when the runtime cannot name it. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
