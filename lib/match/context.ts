/**
 * Entries marked `context: "war"` are ordinary words, or people in every kind of story, outside
 * coverage of the war: "red lines", "provocation", "separatists", Trump. They are kept only in an
 * article that names a person or place of the war that needs no such context (Kyiv, Zelensky, the
 * Donbas).
 */
import type { Entry } from '../lexicon/types';
import type { Match } from './matcher';

/** What needs the war's context: entry ids, and single variants as `id|variant` (lib/lexicon/types.ts). */
export const warOnly = (entries: readonly Entry[]): ReadonlySet<string> =>
  new Set(
    entries.flatMap((e) => (e.context === 'war' ? [e.id] : e.variants.filter((v) => v.context === 'war').map((v) => `${e.id}|${v.form}`))),
  );

const needs = (m: Match, needsWar: ReadonlySet<string>) => needsWar.has(m.termId) || needsWar.has(`${m.termId}|${m.variant}`);

/** The matches a reader should see: those that need the war's context only where the article has it. */
export function inContext(matches: Match[], needsWar: ReadonlySet<string>): Match[] {
  if (!needsWar.size) return matches;
  const aboutTheWar = matches.some((m) => m.category !== 'loaded' && !needs(m, needsWar));
  return aboutTheWar ? matches : matches.filter((m) => !needs(m, needsWar));
}
