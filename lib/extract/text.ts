/**
 * The text of a DOM subtree as blocks (paragraphs) joined by a blank line, whitespace collapsed the
 * way a reader sees it. The same function reads Readability's output and the live page, so an
 * article's text can be found again in the page; on the live page it also maps each character back
 * to its text node.
 */

export interface Paragraph {
  start: number;
  end: number;
  /** The block element it came from: "p", "h2", "li", "blockquote", ... */
  tag: string;
}

/** For each character of `text`: the text node and offset it came from; -1 for a break added here. */
export interface TextMap {
  nodes: Text[];
  node: Int32Array;
  offset: Int32Array;
}

export interface CollectedText {
  text: string;
  paragraphs: Paragraph[];
  map?: TextMap;
}

const BLOCKS = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea', 'iframe', 'object']);
/** Source whitespace that collapses; a no-break space stays. */
const COLLAPSIBLE = /[\t\n\r\f ]/;
const BREAK = -2;

export function collectText(root: Node, options: { map?: boolean } = {}): CollectedText {
  const out: string[] = [];
  const outNode: number[] = [];
  const outOffset: number[] = [];
  const nodes: Text[] = [];
  const paragraphs: Paragraph[] = [];
  // The current block: raw characters with where they came from (BREAK for <br>).
  let chars: string[] = [];
  let from: number[] = [];
  let at: number[] = [];
  let tag = 'p';

  const emit = (ch: string, node: number, offset: number) => {
    out.push(ch);
    outNode.push(node);
    outOffset.push(offset);
  };

  const flush = () => {
    // A run of spaces and line breaks becomes one line break if it holds one, else one space; ends trimmed.
    let first = 0;
    let last = chars.length - 1;
    while (first <= last && (/\s/.test(chars[first]) || from[first] === BREAK)) first++;
    while (last >= first && (/\s/.test(chars[last]) || from[last] === BREAK)) last--;
    if (first <= last) {
      if (out.length) {
        emit('\n', -1, 0);
        emit('\n', -1, 0);
      }
      const start = out.length;
      for (let i = first; i <= last; i++) {
        const isBreak = from[i] === BREAK;
        if (!isBreak && !COLLAPSIBLE.test(chars[i])) {
          emit(chars[i], from[i], at[i]);
          continue;
        }
        let j = i;
        let hasBreak = false;
        while (j <= last && (from[j] === BREAK || COLLAPSIBLE.test(chars[j]))) hasBreak ||= from[j++] === BREAK;
        if (hasBreak) emit('\n', -1, 0);
        else emit(' ', from[i], at[i]);
        i = j - 1;
      }
      paragraphs.push({ start, end: out.length, tag });
    }
    chars = [];
    from = [];
    at = [];
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (!value) return;
      const index = nodes.push(node as Text) - 1;
      for (let i = 0; i < value.length; i++) {
        chars.push(value[i]);
        from.push(index);
        at.push(i);
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).localName;
    if (SKIPPED.has(name)) return;
    if (name === 'br') {
      chars.push('\n');
      from.push(BREAK);
      at.push(0);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      tag = name;
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) {
      flush();
      tag = 'p';
    }
  };
  walk(root);
  flush();

  const text = out.join('');
  return options.map
    ? { text, paragraphs, map: { nodes, node: Int32Array.from(outNode), offset: Int32Array.from(outOffset) } }
    : { text, paragraphs };
}
