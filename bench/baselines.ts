/**
 * The RegExp baselines a careful engineer would write, finding exactly the matches the automaton
 * finds: text folded once, no `i` flag (V8 is pathologically slow with `iu` and thousands of
 * alternatives), Unicode-aware boundaries (never ASCII \b, which drops every Cyrillic match).
 */
import { foldPhrase } from '../lib/match/fold';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The boundary before a match is checked in code (countMatches): a lookbehind tried at every
// position would make the baselines needlessly slow.
const AFTER = '(?![\\p{L}\\p{N}\\p{M}])';
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** One alternation of all terms, longest first. */
export function combinedRegex(terms: readonly string[]): RegExp {
  const alts = [...new Set(terms.map(foldPhrase))].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?:${alts.join('|')})${AFTER}`, 'gu');
}

interface Trie {
  children: Map<string, Trie>;
  end: boolean;
}

/** The same terms as a trie-shaped pattern: shared prefixes written once. */
export function trieRegex(terms: readonly string[]): RegExp {
  const root: Trie = { children: new Map(), end: false };
  for (const t of new Set(terms.map(foldPhrase))) {
    let node = root;
    for (const ch of t) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  // Longer continuations first, so the longest term wins as in the alternation.
  const emit = (node: Trie): string => {
    const branches = [...node.children].map(([ch, child]) => escape(ch) + emit(child));
    if (!branches.length) return '';
    const group = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${group})?` : group;
  };
  return new RegExp(`${emit(root)}${AFTER}`, 'gu');
}

/** One RegExp per term. */
export function perTermRegexes(terms: readonly string[]): RegExp[] {
  return [...new Set(terms.map(foldPhrase))].map((t) => new RegExp(`${escape(t)}${AFTER}`, 'gu'));
}

/** Non-overlapping matches of one regex over the folded text. */
export function countMatches(re: RegExp, folded: string): number {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m.index > 0 && WORD.test(folded[m.index - 1])) {
      re.lastIndex = m.index + 1; // inside a word: not a match, look again from the next character
      continue;
    }
    n++;
    if (m[0] === '') re.lastIndex++;
  }
  return n;
}
