/** The article's framing at a glance: spellings chosen, counts, loaded phrases by voice, demands by party. */
import type { Demand } from '../demands/demands';
import type { Category, Lexicon, PartyId } from '../lexicon/types';
import type { Match, Voice } from '../match/matcher';

export interface SpellingChoice {
  termId: string;
  concept: string;
  category: Category;
  /** The variants the article used, most used first. */
  used: { variant: string; count: number; note: string; lang?: string }[];
  /** Variants in the same script the article could have used instead. */
  alternatives: { variant: string; note: string; lang?: string }[];
}

export interface LoadedUse {
  termId: string;
  concept: string;
  voice: Voice;
  /** The surfaces as written, in order of appearance. */
  surfaces: string[];
  count: number;
  note: string;
  presumes?: string;
  neutral?: string;
  /** Indexes into the analysis' matches, to link back to the page. */
  matches: number[];
}

export interface PartyDemands {
  party: PartyId;
  label: string;
  /** Indexes into the analysis' demands. */
  demands: number[];
  topics: string[];
}

export interface Summary {
  counts: Record<Category | 'demands', number>;
  spellings: SpellingChoice[];
  loaded: Record<Voice, LoadedUse[]>;
  demands: PartyDemands[];
}

const LATIN = /\p{Script=Latin}/u;
const sameScript = (a: string, b: string) => LATIN.test(a) === LATIN.test(b);

export function summarize(matches: readonly Match[], demands: readonly Demand[], lexicon: Pick<Lexicon, 'entries' | 'parties'>): Summary {
  const body = matches.filter((m) => m.field === 'body');
  const counts: Summary['counts'] = { name: 0, region: 0, loaded: 0, demands: demands.length };
  for (const m of body) counts[m.category]++;

  const entries = new Map(lexicon.entries.map((e) => [e.id, e]));
  const spellings: SpellingChoice[] = [];
  const byTerm = groupBy(
    matches.filter((m) => m.category !== 'loaded'),
    (m) => m.termId,
  );
  for (const [termId, ms] of byTerm) {
    const entry = entries.get(termId);
    if (!entry || entry.variants.length < 2) continue;
    const used = [...groupBy(ms, (m) => m.variant)]
      .map(([variant, vs]) => ({ variant, count: vs.length, note: vs[0].variantNote, lang: vs[0].variantLang }))
      .sort((a, b) => b.count - a.count);
    // Alternatives the outlet had in its own script and language: Kyiv for Kiev, not Kiew.
    const alternatives = entry.variants
      .filter((v) => !used.some((u) => u.variant === v.form))
      .filter((v) =>
        used.some((u) => sameScript(u.variant, v.form) && (!u.lang || !(v.lang ?? entry.lang) || u.lang === (v.lang ?? entry.lang))),
      )
      .map((v) => ({ variant: v.form, note: v.note, lang: v.lang ?? entry.lang }));
    // A spelling is a choice only where another form was at hand, or the article itself mixes forms.
    if (alternatives.length || used.length > 1)
      spellings.push({ termId, concept: entry.concept, category: entry.category, used, alternatives });
  }

  const loaded: Summary['loaded'] = { author: [], quoted: [] };
  // Each use found by its voice and term, not by a search of the list, so that long articles stay linear.
  const uses = { author: new Map<string, LoadedUse>(), quoted: new Map<string, LoadedUse>() };
  // Over all matches, so that each index is the match's own place in the analysis' matches.
  matches.forEach((m, index) => {
    if (m.field !== 'body' || m.category !== 'loaded') return;
    let use = uses[m.voice].get(m.termId);
    if (!use) {
      const entry = entries.get(m.termId);
      use = {
        termId: m.termId,
        concept: m.concept,
        voice: m.voice,
        surfaces: [],
        count: 0,
        note: m.note,
        presumes: entry?.presumes,
        neutral: entry?.neutral,
        matches: [],
      };
      uses[m.voice].set(m.termId, use);
      loaded[m.voice].push(use);
    }
    use.surfaces.push(m.surface);
    use.count++;
    use.matches.push(index);
  });

  const labels = new Map(lexicon.parties.map((p) => [p.id, p.label]));
  const byParty = new Map<PartyId, PartyDemands>();
  demands.forEach((d, i) => {
    let group = byParty.get(d.party);
    if (!group) {
      group = { party: d.party, label: labels.get(d.party) ?? d.party, demands: [], topics: [] };
      byParty.set(d.party, group);
    }
    group.demands.push(i);
    if (d.topic && !group.topics.includes(d.topic)) group.topics.push(d.topic);
  });

  return { counts, spellings, loaded, demands: [...byParty.values()] };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
