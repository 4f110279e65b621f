/**
 * Entries marked `context: "war"` are ordinary words, or people in every kind of story, outside
 * coverage of the war: "red lines", "provocation", "separatists", Trump. They are kept only in an
 * article that names a person or place of the war that needs no such context (Kyiv, Zelensky, the
 * Donbas).
 */
import type { Entry } from '../lexicon/types';
import type { Match } from './matcher';

/** The ids of the entries that need the war's context. */
export const warOnly = (entries: readonly Entry[]): ReadonlySet<string> =>
  new Set(entries.filter((e) => e.context === 'war').map((e) => e.id));

/** The matches a reader should see: those that need the war's context only where the article has it. */
export function inContext(matches: Match[], needsWar: ReadonlySet<string>): Match[] {
  if (!needsWar.size) return matches;
  const aboutTheWar = matches.some((m) => m.category !== 'loaded' && !needsWar.has(m.termId));
  return aboutTheWar ? matches : matches.filter((m) => !needsWar.has(m.termId));
}
