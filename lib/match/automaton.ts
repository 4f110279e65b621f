/**
 * A compiled multi-pattern matcher (Aho–Corasick over folded UTF-16 code units): one pass over the
 * text whatever the number of patterns. Matches respect Unicode word boundaries; where patterns
 * overlap, the leftmost wins, then the longest (as with a RegExp alternation).
 */
import { foldPhrase, isWordAt, isWordBefore, type Folded } from './fold';

export interface PatternOptions<T> {
  /** The phrase as written; folded here. A trailing `*` lets the last word run on ("withdraw*"). */
  phrase: string;
  value: T;
  /** Accept an English plural ending (-s, -es) after the phrase. */
  plural?: boolean;
  /** Patterns of different groups never hide each other: `find` chooses the leftmost-longest hits of each group apart. */
  group?: number;
}

export interface Hit<T> {
  /** Span in the folded text. */
  start: number;
  end: number;
  value: T;
}

interface Pattern {
  length: number;
  group: number;
  plural: boolean;
  prefix: boolean;
  /** Whether the phrase starts/ends with a word character, so that side needs a word boundary. */
  edgeStart: boolean;
  edgeEnd: boolean;
}

export interface Automaton<T> {
  readonly size: number;
  /** Hits in the folded text, in text order; where they overlap, the leftmost, then the longest. */
  find(folded: Folded | string): Hit<T>[];
  /** Every hit, overlapping ones included. */
  findAll(folded: Folded | string): Hit<T>[];
}

const EDGE_START = 1;
const EDGE_END = 2;
/** ASCII word characters (letters, digits): 1. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[a-z0-9]/i.test(String.fromCharCode(c)) ? 1 : 0));

/** Dense transition rows: for nodes this close to the root, at most this many. */
const DENSE_DEPTH = 3;
const DENSE_ROWS = 8192;

export function compileAutomaton<T>(patterns: Iterable<PatternOptions<T>>): Automaton<T> {
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  const table: Pattern[] = [];
  const values: T[] = [];

  for (const p of patterns) {
    const prefix = p.phrase.trimEnd().endsWith('*');
    const folded = foldPhrase(prefix ? p.phrase.trimEnd().slice(0, -1) : p.phrase);
    if (!folded) continue;
    let node = 0;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      let n = next[node].get(c);
      if (n === undefined) {
        n = next.length;
        next.push(new Map());
        out.push([]);
        next[node].set(c, n);
      }
      node = n;
    }
    out[node].push(table.length);
    values.push(p.value);
    table.push({
      length: folded.length,
      group: p.group ?? 0,
      plural: p.plural ?? false,
      prefix,
      edgeStart: isWordAt(folded, 0),
      edgeEnd: isWordBefore(folded, folded.length),
    });
  }

  // Failure links, breadth first; each node's output also holds its failure chain's outputs.
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (const n of next[0].values()) queue.push(n);
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    for (const [c, child] of next[node]) {
      let f = fail[node];
      while (f !== 0 && !next[f].has(c)) f = fail[f];
      const target = next[f].get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      if (out[fail[child]].length) out[child] = out[child].concat(out[fail[child]]);
      queue.push(child);
    }
  }

  // Outputs and pattern fields in flat typed arrays: the scan reads numbers, not objects.
  const outStart = new Int32Array(next.length + 1);
  for (let n = 0; n < next.length; n++) outStart[n + 1] = outStart[n] + out[n].length;
  const outList = new Int32Array(outStart[next.length]);
  out.forEach((o, n) => outList.set(o, outStart[n]));
  const patLength = Int32Array.from(table, (p) => p.length);
  const patGroup = Int32Array.from(table, (p) => p.group);
  const groups = Math.max(0, ...table.map((p) => p.group)) + 1;
  const patFlags = Uint8Array.from(table, (p) => (p.edgeStart ? EDGE_START : 0) | (p.edgeEnd ? EDGE_END : 0));

  // The root's transitions as a table: most characters of a text leave or stay at the root.
  const rootRow = new Int32Array(65536);
  for (const [c, n] of next[0]) rootRow[c] = n;
  // Every other transition in one open-addressing table (node, char) → node: no Map per node.
  let edges = 0;
  for (const m of next) edges += m.size;
  const mask = (1 << Math.ceil(Math.log2(edges * 2 + 2))) - 1;
  const keyNode = new Int32Array(mask + 1).fill(-1);
  const keyChar = new Uint16Array(mask + 1);
  const target = new Int32Array(mask + 1);
  const slot = (node: number, c: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
  next.forEach((m, node) => {
    if (node === 0) return;
    for (const [c, n] of m) {
      let h = slot(node, c);
      while (keyNode[h] >= 0) h = (h + 1) & mask;
      keyNode[h] = node;
      keyChar[h] = c;
      target[h] = n;
    }
  });
  // The nodes a text visits most, those near the root, also get dense rows for folded ASCII: one
  // array read instead of a probe.
  const depth = new Int32Array(next.length);
  const denseRow = new Int32Array(next.length).fill(-1);
  let rows = 0;
  for (const node of [0, ...queue]) {
    for (const child of next[node].values()) depth[child] = depth[node] + 1;
    if (node !== 0 && depth[node] <= DENSE_DEPTH && rows < DENSE_ROWS) denseRow[node] = rows++;
  }
  const dense = new Int32Array(rows * 128).fill(-1);
  next.forEach((m, node) => {
    if (denseRow[node] >= 0) for (const [c, n] of m) if (c < 128) dense[(denseRow[node] << 7) | c] = n;
  });
  /** The child of a non-root node on a character, or -1. */
  const step = (node: number, c: number): number => {
    const row = denseRow[node];
    if (row >= 0 && c < 128) return dense[(row << 7) | c];
    for (let h = slot(node, c); keyNode[h] >= 0; h = (h + 1) & mask) if (keyNode[h] === node && keyChar[h] === c) return target[h];
    return -1;
  };

  /**
   * The scan: calls `hit(start, end, pattern)` for every match at word boundaries. It deals in
   * numbers only, so it runs the same whatever value type the automaton carries.
   */
  function scan(input: Folded | string, hit: (start: number, end: number, pattern: number) => void): void {
    const text = typeof input === 'string' ? input : input.text;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (node === 0) node = rootRow[c];
      else {
        let n = step(node, c);
        while (n < 0) {
          node = fail[node];
          n = node === 0 ? rootRow[c] : step(node, c);
        }
        node = n;
      }
      for (let k = outStart[node], last = outStart[node + 1]; k < last; k++) {
        const pi = outList[k];
        const start = i + 1 - patLength[pi];
        const flags = patFlags[pi];
        if (flags & EDGE_START && start > 0) {
          const before = text.charCodeAt(start - 1);
          if (before < 128 ? ASCII_WORD[before] === 1 : isWordBefore(text, start)) continue;
        }
        let end = i + 1;
        if (flags & EDGE_END && end < text.length) {
          const after = text.charCodeAt(end);
          if (after < 128 ? ASCII_WORD[after] === 1 : isWordAt(text, end)) end = closeWord(text, end, table[pi]);
        }
        if (end >= 0) hit(start, end, pi);
      }
    }
  }

  function findAll(input: Folded | string): Hit<T>[] {
    const hits: Hit<T>[] = [];
    scan(input, (start, end, pattern) => hits.push({ start, end, value: values[pattern] }));
    return hits;
  }

  // Every hit starts at most the longest pattern's length before the scan position that reports it,
  // so the best hit per start only has to be kept for a window of that width: a ring, not the text.
  const longest = table.reduce((n, p) => Math.max(n, p.length), 1);
  const ringMask = (1 << Math.ceil(Math.log2(2 * longest + 2))) - 1;

  /**
   * Leftmost, then longest, as a RegExp alternation would: the longest hit per start is kept in a
   * small ring of typed arrays during the scan, and a start is settled once no later hit can begin
   * there. Linear, and no object per candidate: only the kept hits become objects.
   */
  // The rings, one a group, made once: a call leaves every slot of them settled (0) again, and calls never nest.
  const slots = ringMask + 1;
  const bestEnd = new Int32Array(groups * slots); // 0: no hit starts here
  const bestPattern = new Int32Array(groups * slots);

  function find(input: Folded | string): Hit<T>[] {
    const kept: Hit<T>[][] = Array.from({ length: groups }, () => []);
    const settled = new Int32Array(groups); // per group, starts below this are settled
    const reach = new Int32Array(groups); // per group, the end of the last kept hit
    const settle = (g: number, upTo: number) => {
      const base = g * slots;
      for (let at = settled[g]; at < upTo; at++) {
        const k = base + (at & ringMask);
        const end = bestEnd[k];
        if (end === 0) continue;
        bestEnd[k] = 0;
        if (at < reach[g]) continue;
        kept[g].push({ start: at, end, value: values[bestPattern[k]] });
        reach[g] = end;
      }
      if (upTo > settled[g]) settled[g] = upTo;
    };
    scan(input, (start, end, pattern) => {
      // This hit's scan position is at least `start`: no hit can still begin before start + 1 - longest.
      const g = patGroup[pattern];
      settle(g, start + 1 - longest);
      const k = g * slots + (start & ringMask);
      // On a tie, the longer pattern: "Donbass" as written beats "Donbas" with a plural ending.
      if (end > bestEnd[k] || (end === bestEnd[k] && patLength[pattern] > patLength[bestPattern[k]])) {
        bestEnd[k] = end;
        bestPattern[k] = pattern;
      }
    });
    const length = typeof input === 'string' ? input.length : input.text.length;
    for (let g = 0; g < groups; g++) settle(g, length);
    return groups === 1 ? kept[0] : kept.flat().sort((a, b) => a.start - b.start);
  }

  return { size: table.length, findAll, find };
}

/** Where a hit followed by a word character at `end` really ends, given the pattern's ending rules; -1 when not at a boundary. */
function closeWord(text: string, end: number, p: Pattern): number {
  if (p.prefix) {
    while (isWordAt(text, end)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    return end;
  }
  if (p.plural) {
    for (const suffix of ['s', 'es']) {
      const e = end + suffix.length;
      if (text.startsWith(suffix, end) && !isWordAt(text, e)) return e;
    }
  }
  return -1;
}
