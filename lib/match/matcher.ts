/** The lexicon compiled once into one automaton; matching a text yields typed, voiced matches. */
import type { Category, DemandGrammar, Entry, Lexicon, Variant } from '../lexicon/types';
import { compileAttribution } from './attribution';
import { compileAutomaton, type Automaton } from './automaton';
import { foldPhrase, isWordBefore } from './fold';
import { prepareText, type PreparedText } from './prepare';
import { insideChecker } from './quotes';

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

type Target = { entry: Entry; variant: Variant; phrase: string } | null;

export interface Matcher {
  /** `prepared` is the text already folded and its quotations found, when the caller has them. */
  match(text: string, field?: Field, prepared?: PreparedText): Match[];
  readonly patterns: number;
}

const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u;

/** The word that ends right before folded offset `i` (one space between), or ''. */
function wordBefore(folded: string, i: number): string {
  let end = i;
  if (folded[end - 1] === ' ') end--;
  let start = end;
  while (isWordBefore(folded, start)) start -= (folded.charCodeAt(start - 1) & 0xfc00) === 0xdc00 && start >= 2 ? 2 : 1;
  return folded.slice(start, end);
}

/** `lang`: the articles' language, whose own variant wins where entries of two languages share a form ("Putinversteher"). */
export function compileMatcher(
  lexicon: Pick<Lexicon, 'entries'> & Partial<Pick<Lexicon, 'institutions'>> & { demands?: { grammar?: Partial<DemandGrammar> } },
  lang?: string,
): Matcher {
  const attributed = compileAttribution(lexicon.demands?.grammar);
  const institutions = new Set((lexicon.institutions ?? []).map(foldPhrase));
  // Variants that fold alike ("NATO", "Nato") share one pattern; the text's own casing picks the variant.
  const byPhrase = new Map<string, { phrase: string; value: Target[]; plural: boolean }>();
  const add = (phrase: string, target: Target, plural = false) => {
    const key = foldPhrase(phrase);
    const known = byPhrase.get(key);
    if (known) known.value.push(target);
    else byPhrase.set(key, { phrase, value: [target], plural });
  };
  for (const entry of lexicon.entries) {
    for (const variant of entry.variants)
      for (const phrase of [variant.form, ...(variant.also ?? [])])
        // English plurals (referendums, orcs) come free for Latin-script forms.
        add(phrase, { entry, variant, phrase }, LATIN.test(phrase) && (variant.lang ?? entry.lang ?? 'en').startsWith('en'));
    // Exclusions are patterns that win by length and annotate nothing.
    for (const phrase of entry.exclude ?? []) add(phrase, null);
  }
  const automaton: Automaton<Target[]> = compileAutomaton(byPhrase.values());

  const own = (t: Target) => !!t && !!lang && (t.variant.lang ?? t.entry.lang ?? 'en').split('-')[0] === lang;
  /** The target written as the text writes it, the article language's first. */
  const pick = (targets: Target[], surface: string) => {
    const cased = targets.filter((t) => t && surface.startsWith(t.phrase));
    return cased.find(own) ?? cased[0] ?? targets.find(own) ?? targets[0];
  };

  function match(text: string, field: Field = 'body', prepared?: PreparedText): Match[] {
    const { folded, quotes } = prepared ?? prepareText(text);
    const quoted = insideChecker(quotes);
    const matches: Match[] = [];
    for (const hit of automaton.find(folded)) {
      const start = folded.start[hit.start];
      const end = folded.end[hit.end - 1];
      const surface = text.slice(start, end);
      const target = pick(hit.value, surface);
      if (!target) continue;
      const { entry, variant } = target;
      if (entry.category === 'region' && institutions.size && institutions.has(wordBefore(folded.text, hit.start))) continue;
      matches.push({
        field,
        start,
        end,
        surface,
        termId: entry.id,
        concept: entry.concept,
        variant: variant.form,
        variantLang: variant.lang ?? entry.lang,
        category: entry.category,
        // A loaded phrase in reported speech the clause attributes to someone is theirs ("Peskov called it a provocation").
        voice: quoted(start, end) || (entry.category === 'loaded' && attributed(text, start, end)) ? 'quoted' : 'author',
        note: entry.note,
        variantNote: variant.note,
      });
    }
    return matches;
  }

  return { match, patterns: automaton.size };
}
