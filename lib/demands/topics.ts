/** Which demand topic an item states: the pack's topic rules, compiled into one automaton. */
import type { MergedDemandRules } from '../lexicon/types';
import { compileAutomaton, type Hit } from '../match/automaton';
import { foldedIndex, foldedSlice, foldPhrase, type Folded } from '../match/fold';

interface TopicRef {
  topic: number;
  rule: number;
  group: number; // -1 for a `none` phrase
}

/** How far back an elliptical item's antecedent may be named, in characters (a few sentences). */
const ANTECEDENT_WINDOW = 1500;

export interface TopicFinder {
  /**
   * Topic ids of an item (its text as folded), negation applied; `sentence` (folded) completes rules
   * whose scope is the sentence. `refused`: the item is what a party refuses, so a topic counts only
   * through its negation ("rejects NATO membership" demands neutrality).
   */
  of(item: string, sentence?: string, refused?: boolean): string[];
  /** The topics the text's sentences name anywhere, whoever is said to want them (the sentences in the original text's offsets). */
  mentioned(folded: Folded, sentences: readonly { start: number; end: number }[]): string[];
  /** The topic an item with its object left unsaid refers to ("asked to join"), from what was named just before it. */
  implied(folded: Folded, item: { text: string; start: number }): string[];
  label(id: string): string | null;
  /** Whether `party` is the one that would give what the topic asks. */
  yields(id: string, party: string): boolean;
  /** The negation an item ends on (folded), if it ends on one: a verb that items before it share ("NATO-Pläne und Regionen aufgeben"). */
  finalNegation(item: string): string | null;
}

export function compileTopics(rules: Pick<MergedDemandRules, 'topics' | 'negations'>): TopicFinder {
  const topics = rules.topics;
  const negations = compileAutomaton(rules.negations.map((phrase) => ({ phrase, value: true })));
  const phrases = compileAutomaton<TopicRef>(
    topics.flatMap((t, topic) =>
      t.rules.flatMap((r, rule) => [
        ...r.all.flatMap((g, group) => g.map((phrase) => ({ phrase, value: { topic, rule, group } }))),
        ...(r.none ?? []).map((phrase) => ({ phrase, value: { topic, rule, group: -1 } })),
      ]),
    ),
  );
  const elliptical = topics.flatMap((t) =>
    t.elliptical
      ? [
          {
            id: t.id,
            items: new Set(t.elliptical.items.map(foldPhrase)),
            // Phrases that leave the object unsaid wherever they stand in a short item ("path towards membership").
            inside: compileAutomaton((t.elliptical.within ?? []).map((phrase) => ({ phrase, value: true }))),
            antecedents: compileAutomaton(t.elliptical.antecedents.map((phrase) => ({ phrase, value: true }))),
          },
        ]
      : [],
  );
  const labels = new Map(topics.map((t) => [t.id, t.label]));
  const yielders = new Map(topics.map((t) => [t.id, t.yieldedBy]));

  // The items of one sentence are read one after another: its phrases are found once.
  let last: { sentence: string; hits: ReturnType<typeof phrases.findAll> } | null = null;
  const sentenceHits = (sentence: string) => {
    if (last?.sentence !== sentence) last = { sentence, hits: phrases.findAll(sentence) };
    return last.hits;
  };

  function of(item: string, sentence?: string, refused = false): string[] {
    const hits = phrases.findAll(item);
    // The sentence's phrases, for rules of sentence scope: found only when such a rule needs them.
    const around = () => (sentence === undefined ? [] : sentence === item ? hits : sentenceHits(sentence));
    return decide(hits, () => negations.find(item), around, refused);
  }

  /** The topics that `hits` state, with negations before a rule's action turning it to its opposite. */
  function decide(hits: Hit<TopicRef>[], negs: () => Hit<boolean>[], around: () => Hit<TopicRef>[], refused: boolean): string[] {
    if (!hits.length) return [];
    let negations: Hit<boolean>[] | null = null;
    const found = new Set<string>();
    // A rule holds only with a phrase of it in the item: only the topics the item names are tried, in the pack's order.
    for (const ti of [...new Set(hits.map((h) => h.value.topic))].sort((a, b) => a - b)) {
      const t = topics[ti];
      const ofTopic = hits.filter((h) => h.value.topic === ti);
      const rule = t.rules.findIndex((r, ri) => {
        const mine = ofTopic.filter((h) => h.value.rule === ri);
        if (mine.some((h) => h.value.group === -1)) return false;
        const has = (gi: number, pool: typeof hits) =>
          pool.some((h) => h.value.topic === ti && h.value.rule === ri && h.value.group === gi);
        if (r.all.every((_, gi) => has(gi, mine))) return true;
        return r.scope === 'sentence' && has(0, mine) && r.all.every((_, gi) => gi === 0 || has(gi, around()));
      });
      if (rule < 0) continue;
      const opposite = t.rules[rule].negatedTopic ?? t.negatedTopic;
      // A negation counts before the rule's first group, its action ("never join NATO", "NATO not expand").
      const first = Math.min(...ofTopic.filter((h) => h.value.rule === rule && h.value.group === 0).map((h) => h.start));
      const negated = !!opposite && (negations ??= negs()).some((n) => n.start < first);
      // Refusing something negated wants it ("refuses to give up its NATO bid"); refusing it wants its opposite, if it has one.
      if (negated !== refused) {
        if (opposite) found.add(opposite);
      } else found.add(t.id);
    }
    return [...found];
  }

  function mentioned(folded: Folded, sentences: readonly { start: number; end: number }[]): string[] {
    // One pass over the whole text, its hits then dealt out to the sentences they lie in (a hit across
    // two sentences is in neither, as when each sentence is read alone).
    const byEnd = (a: Hit<unknown>, b: Hit<unknown>) => a.end - b.end;
    const hits = phrases.findAll(folded).sort(byEnd);
    const negs = negations.findAll(folded).sort(byEnd);
    const found = new Set<string>();
    let h = 0;
    let n = 0;
    for (const s of sentences) {
      const from = foldedIndex(folded, s.start);
      const to = foldedIndex(folded, s.end);
      const inside: typeof hits = [];
      for (; h < hits.length && hits[h].end <= to; h++) if (hits[h].start >= from) inside.push(hits[h]);
      const sNegs: typeof negs = [];
      for (; n < negs.length && negs[n].end <= to; n++) if (negs[n].start >= from) sNegs.push(negs[n]);
      for (const topic of decide(
        inside,
        () => sNegs,
        () => inside,
        false,
      ))
        found.add(topic);
    }
    return [...found].sort();
  }

  const longestElliptical = Math.max(
    0,
    ...topics.flatMap((t) => [...(t.elliptical?.items ?? []), ...(t.elliptical?.within ?? [])].map((x) => x.length)),
  );

  function implied(folded: Folded, item: { text: string; start: number }): string[] {
    // Elliptical items are a few words ("to join", "a clear path towards membership"): longer ones are not read.
    if (item.text.length > 2 * longestElliptical) return [];
    const bare = foldedSlice(folded, item.start, item.start + item.text.length).trim();
    const candidates = elliptical.filter((e) => e.items.has(bare) || e.inside.find(bare).length);
    if (!candidates.length) return [];
    const before = foldedSlice(folded, item.start - ANTECEDENT_WINDOW, item.start);
    return candidates.filter((e) => e.antecedents.find(before).length).map((e) => e.id);
  }

  function finalNegation(item: string): string | null {
    const trimmed = item.trimEnd();
    const last = negations.find(trimmed).pop();
    return last && last.end === trimmed.length ? trimmed.slice(last.start) : null;
  }

  return {
    of,
    mentioned,
    implied,
    label: (id) => labels.get(id) ?? null,
    yields: (id, party) => yielders.get(id) === party,
    finalNegation,
  };
}
