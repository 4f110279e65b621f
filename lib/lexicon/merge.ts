/** Several validated packs (and the user's own terms) merged into the one lexicon the engine compiles. */
import type { DemandGrammar, DemandTopic, Lexicon, MergedDemandRules, Pack, Party } from './types';

const CUE_LISTS = ['verbCues', 'nounCues', 'modalCues', 'conditionCues', 'offerCues', 'additiveCues', 'negations'] as const;
const OPTIONAL_CUE_LISTS = [
  'proposalCues',
  'exchangeCues',
  'aimNouns',
  'conditionNouns',
  'orderVerbs',
  'requirementCues',
  'refusalCues',
  'planNouns',
  'provisionCues',
  'planModals',
  'reportedModals',
  'notCues',
] as const;
const GRAMMAR_LISTS = [
  'connectors',
  'separators',
  'itemOpeners',
  'circumstances',
  'copulas',
  'includes',
  'sources',
  'speechVerbs',
  'clauseBreaks',
  'attributionVerbs',
  'auxiliaries',
  'perspectives',
  'closingWords',
  'postpositions',
  'perspectiveNouns',
  'attributionAsides',
  'objectMarkers',
  'agentMarkers',
  'passiveMarkers',
  'anaphors',
  'planAnaphors',
  'roles',
  'relatives',
  'asideOpeners',
  'clauseJoiners',
  'determiners',
  'claimVerbs',
  'finiteVerbs',
  'goals',
  'makers',
  'characterisers',
  'contrasts',
  'announcedOpeners',
  'negators',
  'infinitives',
  'participleEndings',
  'complementizers',
  'charges',
  'comparisons',
  'inversionWords',
  'genitiveArticles',
  'conditioners',
  'freeRelatives',
  'restrictors',
  'conditionLinks',
  'genitiveEndings',
  'finalRefusals',
] as const satisfies readonly (keyof DemandGrammar)[];

const EMPTY_RULES: Lexicon['demands'] = {
  ...(Object.fromEntries([...CUE_LISTS, ...OPTIONAL_CUE_LISTS].map((k) => [k, []])) as unknown as Record<
    (typeof CUE_LISTS)[number] | (typeof OPTIONAL_CUE_LISTS)[number],
    string[]
  >),
  grammar: Object.fromEntries(GRAMMAR_LISTS.map((k) => [k, []])) as unknown as MergedDemandRules['grammar'],
  topics: [],
};

export function mergePacks(packs: readonly Pack[]): Lexicon {
  const parties = new Map<string, Party>();
  const topics = new Map<string, DemandTopic>();
  const demands = structuredClone(EMPTY_RULES);
  for (const pack of packs) {
    for (const p of pack.parties) {
      const known = parties.get(p.id);
      parties.set(
        p.id,
        known
          ? {
              ...known,
              speakers: [...new Set([...known.speakers, ...p.speakers])],
              adjectives: [...new Set([...(known.adjectives ?? []), ...(p.adjectives ?? [])])],
              belligerent: known.belligerent || p.belligerent,
            }
          : { ...p },
      );
    }
    if (pack.demands) {
      for (const list of CUE_LISTS) demands[list] = [...new Set([...demands[list], ...pack.demands[list]])];
      for (const list of OPTIONAL_CUE_LISTS) demands[list] = [...new Set([...demands[list], ...(pack.demands[list] ?? [])])];
      const grammar = pack.demands.grammar;
      if (grammar)
        for (const list of GRAMMAR_LISTS) demands.grammar[list] = [...new Set([...demands.grammar[list], ...(grammar[list] ?? [])])];
      for (const t of pack.demands.topics) {
        const known = topics.get(t.id);
        topics.set(t.id, known ? { ...known, rules: [...known.rules, ...t.rules] } : { ...t });
      }
    }
  }
  demands.topics = [...topics.values()];
  return {
    packs: packs.map(({ id, name, version }) => ({ id, name, version })),
    parties: [...parties.values()],
    // A later pack's entry replaces an earlier one with the same id: user terms override built-ins.
    entries: [...new Map(packs.flatMap((p) => p.entries).map((e) => [e.id, e])).values()],
    demands,
    institutions: [...new Set(packs.flatMap((p) => p.institutions ?? []))],
  };
}
