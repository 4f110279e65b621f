/** The lexicon compiled once into one automaton; matching a text yields typed, voiced matches. */
import type { Category, Entry, Lexicon, Variant } from '../lexicon/types';
import { compileAutomaton, type Automaton } from './automaton';
import { foldText } from './fold';
import { findQuotations, isInside } from './quotes';

export type Voice = 'author' | 'quoted';
export type Field = 'body' | 'title';

export interface Match {
  field: Field;
  /** Offsets in the field's text; `surface` is exactly text.slice(start, end). */
  start: number;
  end: number;
  surface: string;
  termId: string;
  concept: string;
  /** The variant the text used, in its canonical form ("Kiev" for "KIEV’s"). */
  variant: string;
  variantLang?: string;
  category: Category;
  voice: Voice;
  /** The entry's note on the concept. */
  note: string;
  /** What this variant is and who uses it. */
  variantNote: string;
}

type Target = { entry: Entry; variant: Variant } | null;

export interface Matcher {
  match(text: string, field?: Field): Match[];
  readonly patterns: number;
}

const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u;

export function compileMatcher(lexicon: Pick<Lexicon, 'entries'>): Matcher {
  const patterns = lexicon.entries.flatMap((entry) => [
    ...entry.variants.flatMap((variant) =>
      [variant.form, ...(variant.also ?? [])].map((phrase) => ({
        phrase,
        value: { entry, variant } as Target,
        // English plurals (referendums, orcs) come free for Latin-script forms.
        plural: LATIN.test(phrase) && (variant.lang ?? entry.lang ?? 'en').startsWith('en'),
      })),
    ),
    // Exclusions are patterns that win by length and annotate nothing.
    ...(entry.exclude ?? []).map((phrase) => ({ phrase, value: null as Target })),
  ]);
  const automaton: Automaton<Target> = compileAutomaton(patterns);

  function match(text: string, field: Field = 'body'): Match[] {
    const folded = foldText(text);
    const quotes = findQuotations(text);
    const matches: Match[] = [];
    for (const hit of automaton.find(folded)) {
      if (!hit.value) continue;
      const { entry, variant } = hit.value;
      const start = folded.start[hit.start];
      const end = folded.end[hit.end - 1];
      matches.push({
        field,
        start,
        end,
        surface: text.slice(start, end),
        termId: entry.id,
        concept: entry.concept,
        variant: variant.form,
        variantLang: variant.lang ?? entry.lang,
        category: entry.category,
        voice: isInside(quotes, start, end) ? 'quoted' : 'author',
        note: entry.note,
        variantNote: variant.note,
      });
    }
    return matches;
  }

  return { match, patterns: automaton.size };
}
