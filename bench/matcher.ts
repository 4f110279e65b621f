/** Matcher throughput against RegExp baselines that find the same matches, side by side in one run. */
import { builtinLexicon } from '../lib/lexicon/builtin';
import type { Entry } from '../lib/lexicon/types';
import { compileAutomaton } from '../lib/match/automaton';
import { foldText } from '../lib/match/fold';
import { compileMatcher } from '../lib/match/matcher';
import { combinedRegex, countMatches, perTermRegexes, trieRegex } from './baselines';
import { corpus, generatedEntries } from './corpus';
import { QUICK, round, time } from './measure';

const MB = 1_000_000;
const forms = (entries: readonly Entry[]) => entries.flatMap((e) => e.variants.flatMap((v) => [v.form, ...(v.also ?? [])]));

export interface MatcherResults {
  mbps: { builtin_1mb: number; terms5k_1mb: number; terms5k_10mb: number };
  ratio_vs_combined_regex: number;
  ratio_vs_trie_regex: number;
  ratio_vs_per_term_regex: number;
  linearity_10mb_over_1mb: number;
  matches: Record<string, number>;
}

export function benchMatcher(log: (line: string) => void): MatcherResults {
  const text1 = corpus(MB);
  const text10 = QUICK ? text1 : corpus(10 * MB);
  const builtin = compileMatcher(builtinLexicon());
  const builtinMs = time(() => builtin.match(text1));

  const entries = generatedEntries(5000, text1);
  const terms = forms(entries);
  // The automaton as the matcher compiles it, minus plurals, so the baselines can find the same matches.
  const automaton = compileAutomaton(terms.map((phrase) => ({ phrase, value: phrase })));
  const folded1 = foldText(text1).text;
  const acMs = time(() => automaton.find(folded1));
  const acCount = automaton.find(folded1).length;

  const combined = combinedRegex(terms);
  const trie = trieRegex(terms);
  const perTerm = perTermRegexes(terms);
  const combinedMs = time(() => countMatches(combined, folded1), QUICK ? 1 : 3);
  const trieMs = time(() => countMatches(trie, folded1), QUICK ? 1 : 3);
  // One regex per term over a tenth of the text (it is that slow), scaled up.
  const tenth = folded1.slice(0, folded1.length / 10);
  const perTermMs = 10 * time(() => perTerm.reduce((n, re) => n + countMatches(re, tenth), 0), 1, 0);
  const counts = { automaton: acCount, combined: countMatches(combined, folded1), trie: countMatches(trie, folded1) };
  if (counts.combined !== acCount || counts.trie !== acCount) log(`  note: match counts differ: ${JSON.stringify(counts)}`);

  const folded10 = foldText(text10).text;
  const ac10Ms = QUICK ? acMs : time(() => automaton.find(folded10), 3);
  const full = compileMatcher({ entries });
  const full1Ms = time(() => full.match(text1));
  const full10Ms = QUICK ? full1Ms * 10 : time(() => full.match(text10), 3);

  const results: MatcherResults = {
    mbps: { builtin_1mb: round(1000 / builtinMs), terms5k_1mb: round(1000 / full1Ms), terms5k_10mb: round((10 * 1000) / full10Ms) },
    ratio_vs_combined_regex: round(combinedMs / acMs),
    ratio_vs_trie_regex: round(trieMs / acMs),
    ratio_vs_per_term_regex: round(perTermMs / acMs),
    linearity_10mb_over_1mb: round(QUICK ? 10 : ac10Ms / acMs),
    matches: counts,
  };
  log(`Matcher (1 MB of article text, ${terms.length} generated terms; builtin: ${builtin.patterns} patterns)`);
  log(
    `  full matcher (fold + match + voice): builtin ${results.mbps.builtin_1mb} MB/s, 5k terms ${results.mbps.terms5k_1mb} MB/s (10 MB: ${results.mbps.terms5k_10mb} MB/s)`,
  );
  log(
    `  automaton ${round(acMs)} ms | combined RegExp ${round(combinedMs)} ms (${results.ratio_vs_combined_regex}×) | trie RegExp ${round(trieMs)} ms (${results.ratio_vs_trie_regex}×) | per-term RegExp ${round(perTermMs)} ms (${results.ratio_vs_per_term_regex}×)`,
  );
  log(`  10 MB / 1 MB time: ${results.linearity_10mb_over_1mb}`);
  return results;
}
