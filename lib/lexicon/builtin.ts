/** The packs that ship with the extension, validated on load like any other pack. */
import russiaUkraine from './packs/russia-ukraine.json';
import { mergePacks } from './merge';
import type { Lexicon, Pack } from './types';
import { formatLexiconError, validatePack } from './validate';

export const BUILTIN_PACKS: readonly unknown[] = [russiaUkraine];

/** Validates packs, throwing with every error named: a broken pack must never load half-way. */
export function loadPacks(packs: readonly unknown[]): Pack[] {
  return packs.map((value, k) => {
    const result = validatePack(value);
    if (!result.ok) throw new Error(`lexicon pack ${k} is invalid:\n${result.errors.map(formatLexiconError).join('\n')}`);
    return result.pack;
  });
}

/** The built-in packs not switched off, validated. */
export function builtinPacks(options: { disabledPacks?: readonly string[] } = {}): Pack[] {
  return loadPacks(BUILTIN_PACKS).filter((p) => !options.disabledPacks?.includes(p.id));
}

/** Every pack in force merged, whatever the language: the built-in ones, then extra packs (the user's terms), which win by id. */
export function builtinLexicon(options: { extra?: readonly Pack[]; disabledPacks?: readonly string[] } = {}): Lexicon {
  return mergePacks([...builtinPacks(options), ...(options.extra ?? [])]);
}
