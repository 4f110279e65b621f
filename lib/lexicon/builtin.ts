/** The packs that ship with the extension, validated on load like any other pack. */
import loadedLanguage from './packs/loaded-language.json';
import russiaUkraine from './packs/russia-ukraine.json';
import russiaUkraineDe from './packs/russia-ukraine-de.json';
import russiaUkraineFr from './packs/russia-ukraine-fr.json';
import russiaUkraineRu from './packs/russia-ukraine-ru.json';
import russiaUkraineUk from './packs/russia-ukraine-uk.json';
import { mergePacks } from './merge';
import type { Lexicon, Pack } from './types';
import { formatLexiconError, validatePack } from './validate';

/** The core pack (names and places in every language, English phrases and demands), each language's phrases and demands, and the general pack a reader may switch on. */
export const BUILTIN_PACKS: readonly unknown[] = [
  russiaUkraine,
  russiaUkraineDe,
  russiaUkraineFr,
  russiaUkraineRu,
  russiaUkraineUk,
  loadedLanguage,
];

/** Validates packs, throwing with every error named: a broken pack must never load half-way. */
export function loadPacks(packs: readonly unknown[]): Pack[] {
  return packs.map((value, k) => {
    const result = validatePack(value);
    if (!result.ok) throw new Error(`lexicon pack ${k} is invalid:\n${result.errors.map(formatLexiconError).join('\n')}`);
    return result.pack;
  });
}

/** The user's choice for a pack (id → on or off), else the pack's own default. */
export const packEnabled = (pack: Pack, choices: Readonly<Record<string, boolean>> = {}) =>
  Object.hasOwn(choices, pack.id) ? choices[pack.id] : (pack.enabledByDefault ?? true);

/** The built-in packs switched on, validated. */
export function builtinPacks(options: { packs?: Readonly<Record<string, boolean>> } = {}): Pack[] {
  return loadPacks(BUILTIN_PACKS).filter((p) => packEnabled(p, options.packs));
}

/** Every pack in force merged, whatever the language: the built-in ones, then extra packs (the user's terms), which win by id. */
export function builtinLexicon(options: { extra?: readonly Pack[]; packs?: Readonly<Record<string, boolean>> } = {}): Lexicon {
  return mergePacks([...builtinPacks(options), ...(options.extra ?? [])]);
}
