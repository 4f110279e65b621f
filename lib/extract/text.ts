/**
 * The text of a DOM subtree as blocks (paragraphs) joined by a blank line, whitespace collapsed the
 * way a reader sees it. The same function reads Readability's output and the live page, so an
 * article's text can be found again in the page; on the live page it also maps each character back
 * to its text node, and walks the composed tree (open shadow roots, same-origin frames) in the order
 * the analyser's copy of the page has it (lib/extract/composed).
 */

import { yieldToPage } from '../slices';
import { discoverChildren, emptyComposition, type Composition } from './composed';

export interface Paragraph {
  start: number;
  end: number;
  /** The block element it came from: "p", "h2", "li", "blockquote", ... */
  tag: string;
  /** Inside a <blockquote>: someone else's words, whatever the quotation marks say. */
  quoted?: true;
}

/**
 * Where the text's characters came from, as runs: from `start[i]` to `start[i + 1]` the characters are
 * node `node[i]`'s from `offset[i]` on; node -1 is a break added here (between blocks, or a `<br>`).
 */
export interface TextMap {
  nodes: Text[];
  start: Int32Array;
  node: Int32Array;
  offset: Int32Array;
}

/** The text node and offset a character of the collected text came from; null for an added break. */
export function locate(map: TextMap, index: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = map.start.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (map.start[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  const node = map.node[lo];
  return node < 0 || index < map.start[lo] ? null : { node: map.nodes[node], offset: map.offset[lo] + index - map.start[lo] };
}

export interface CollectedText {
  text: string;
  paragraphs: Paragraph[];
  map?: TextMap;
  /** With `composed`: the open shadow roots and same-origin frames read (null: none). */
  composition?: Composition | null;
}

export interface CollectOptions {
  map?: boolean;
  /** Read the composed tree of a live page: open shadow roots and same-origin frames where they sit. */
  composed?: boolean;
}

// An iframe is skipped, unless its document is read where it sits: then it is a block, as the <div>
// standing for it in the analyser's copy.
const BLOCKS = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr iframe li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea', 'iframe', 'object']);
const ADDED = -1;
/** Source whitespace (tab, line feed, form feed, carriage return, space) collapses; other white space (a no-break space) only goes at a block's ends. */
const LEADING_SPACE = /^\s+/;
const TRAILING_SPACE = /\s+$/;
/** A run of source whitespace. */
const SOURCE_SPACE = /[ \t\n\r\f]+/g;

/**
 * A block's text is built piece by piece from its text nodes: runs of characters copied as they are,
 * one space (or line break, if the run held a `<br>`) per run of collapsible whitespace, ends trimmed.
 */
export function collectText(root: Node, options: CollectOptions = {}): CollectedText {
  const steps = collectSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, in slices of at most about `sliceMs` between which the page's own tasks run (a long
 * page's text takes longer than a frame). A node detached while it waits ends the walk early: the
 * page changed, and will be read again.
 */
export async function collectTextInSlices(root: Node, options: CollectOptions & { sliceMs: number }): Promise<CollectedText> {
  const steps = collectSteps(root, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > options.sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}

/** Nodes visited between chances to yield. */
const STEP = 256;

function* collectSteps(root: Node, options: CollectOptions): Generator<void, CollectedText> {
  const found = options.composed ? emptyComposition() : null;
  const nodes: Text[] = [];
  const paragraphs: Paragraph[] = [];
  const parts: string[] = [];
  const partNode: number[] = [];
  const partOffset: number[] = [];
  let length = 0;
  let tag = 'p';
  let blockquotes = 0;

  // The current block's runs.
  let block: string[] = [];
  let blockNode: number[] = [];
  let blockOffset: number[] = [];
  // Whitespace waiting for more text before it counts: where it began, and whether it held a <br>.
  let pendingNode = 0;
  let pendingOffset = 0;
  let pending = false;
  let pendingBreak = false;

  const add = (text: string, node: number, offset: number) => {
    if (!block.length) {
      const lead = LEADING_SPACE.exec(text);
      if (lead) {
        if (lead[0].length === text.length) return;
        text = text.slice(lead[0].length);
        offset += lead[0].length;
      }
    } else if (pending) {
      block.push(pendingBreak ? '\n' : ' ');
      blockNode.push(pendingBreak ? ADDED : pendingNode);
      blockOffset.push(pendingOffset);
    }
    pending = false;
    block.push(text);
    blockNode.push(node);
    blockOffset.push(offset);
  };

  const space = (node: number, offset: number, isBreak: boolean) => {
    if (!block.length) return;
    if (!pending) {
      pending = true;
      pendingNode = node;
      pendingOffset = offset;
      pendingBreak = isBreak;
    } else pendingBreak ||= isBreak;
  };

  const text = options.map ? mappedText : plainText;

  /**
   * Without a map no character needs its node and offset: the node's whitespace runs collapse in one
   * replace, and the node goes in as one run (per word, the analyser's read of a long article spent
   * most of its time pushing runs).
   */
  function plainText(value: string, node: number) {
    const collapsed = value.replace(SOURCE_SPACE, ' ');
    const lead = collapsed.charCodeAt(0) === 32 ? 1 : 0;
    const trail = collapsed.length > lead && collapsed.charCodeAt(collapsed.length - 1) === 32 ? 1 : 0;
    if (lead) space(node, 0, false);
    if (collapsed.length > lead + trail) add(collapsed.slice(lead, collapsed.length - trail), node, lead);
    if (trail) space(node, 0, false);
  }

  function mappedText(value: string, node: number) {
    // By hand rather than with a RegExp: this runs once per word of a long page.
    let from = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) continue;
      if (i > from) add(value.slice(from, i), node, from);
      space(node, i, false);
      let j = i + 1;
      for (; j < value.length; j++) {
        const d = value.charCodeAt(j);
        if (d !== 32 && d !== 10 && d !== 9 && d !== 13 && d !== 12) break;
      }
      from = j;
      i = j - 1;
    }
    if (from < value.length) add(from ? value.slice(from) : value, node, from);
  }

  const flush = () => {
    // Trailing white space of any kind goes.
    while (block.length) {
      const last = block.length - 1;
      const trail = TRAILING_SPACE.exec(block[last]);
      if (!trail) break;
      if (trail[0].length < block[last].length) {
        block[last] = block[last].slice(0, trail.index);
        break;
      }
      block.pop();
      blockNode.pop();
      blockOffset.pop();
    }
    if (block.length) {
      if (length) {
        parts.push('\n\n');
        partNode.push(ADDED);
        partOffset.push(0);
        length += 2;
      }
      const start = length;
      for (let i = 0; i < block.length; i++) {
        parts.push(block[i]);
        partNode.push(blockNode[i]);
        partOffset.push(blockOffset[i]);
        length += block[i].length;
      }
      paragraphs.push(blockquotes ? { start, end: length, tag, quoted: true } : { start, end: length, tag });
    }
    block = [];
    blockNode = [];
    blockOffset = [];
    pending = false;
  };

  /**
   * Takes in a node: false to skip it; true for an element whose children are to be read, then
   * `leave` it; or the composed children to read in their place (a host's shadow root, a slot's
   * assigned nodes, a frame's body), then `leave` it.
   */
  const enter = (node: Node): boolean | ArrayLike<Node> => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value) text(value, nodes.push(node as Text) - 1);
      return false;
    }
    if (node.nodeType !== 1) return false;
    const name = (node as Element).localName;
    const composed = found ? discoverChildren(node as Element, found, name) : null;
    if (!composed && SKIPPED.has(name)) return false;
    if (name === 'br') {
      space(ADDED, 0, true);
      return false;
    }
    if (BLOCKS.has(name)) {
      flush();
      tag = name;
    }
    if (name === 'blockquote') blockquotes++;
    return composed ?? true;
  };
  const leave = (node: Node) => {
    const name = (node as Element).localName;
    if (BLOCKS.has(name)) {
      flush();
      tag = 'p';
    }
    if (name === 'blockquote') blockquotes--;
  };

  // Depth first, without recursion, so the walk can stop and resume (and deep pages can't overflow
  // the stack); only a detour into composed children recurses, as deep as shadow roots nest.
  let visited = 0;
  function* walk(root: Node): Generator<void> {
    let node: Node | null = root;
    while (node) {
      visited++;
      const open = enter(node);
      if (open === true && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (typeof open === 'object') for (let i = 0; i < open.length; i++) yield* walk(open[i]);
      if (open) leave(node);
      while (node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (!node) break; // detached while we waited
        leave(node);
      }
      if (!node || node === root) break;
      node = node.nextSibling;
      if (visited % STEP === 0) yield;
    }
  }
  yield* walk(root);
  flush();

  const out = parts.join('');
  const composition = found && (found.shadows.size || found.frames.size) ? found : null;
  if (!options.map) return { text: out, paragraphs, composition };
  const starts = new Int32Array(parts.length);
  for (let i = 1; i < parts.length; i++) starts[i] = starts[i - 1] + parts[i - 1].length;
  return {
    text: out,
    paragraphs,
    composition,
    map: { nodes, start: starts, node: Int32Array.from(partNode), offset: Int32Array.from(partOffset) },
  };
}
